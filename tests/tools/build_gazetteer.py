"""Build resources/gazetteer/ from the gazetteer CSVs (modood/Administrative-divisions-of-China).

    python tests/tools/build_gazetteer.py /path/to/gazetteer

divisions.txt: one "code name [short name]" line per province, prefecture and county-level
unit (short names by app.core.gazetteer.short_name, so loading need not compute them), codes as
six digits (四川省 510000, 淄博市 370300, 渝北区 500112), sorted, so a unit's parents follow
from its code. townships.txt: one line per county-level unit, its code then its towns'
names (the nine-digit town codes are not needed: a report's division code has six digits).
"""
from __future__ import annotations

import csv
import shutil
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from app.core.gazetteer import NO_CITY, short_name  # noqa: E402  (run as a script from the project)

OUT = Path(__file__).resolve().parents[2] / "resources" / "gazetteer"


def _rows(source: Path, name: str) -> list[dict]:
    with open(source / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def build(source: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    lines = [f"{r['code']}0000 {r['name']}" for r in _rows(source, "provinces.csv")]
    lines += [f"{r['code']}00 {r['name']}" for r in _rows(source, "cities.csv")]
    lines += [f"{r['code']} {r['name']}" for r in _rows(source, "areas.csv")]
    lines = [line if NO_CITY.match(line.split(" ")[1]) else " ".join(filter(None, (line, short_name(line.split(" ")[1]))))
             for line in sorted(set(lines))]  # 东莞市, 中山市, 儋州市: a city row and an area row
    (OUT / "divisions.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    towns = defaultdict(list)
    for row in _rows(source, "streets.csv"):
        towns[row["areaCode"]].append(row["name"])
    (OUT / "townships.txt").write_text(
        "".join(f"{code} {' '.join(names)}\n" for code, names in sorted(towns.items())), encoding="utf-8")
    shutil.copy(source / "LICENSE", OUT / "LICENSE")


if __name__ == "__main__":
    build(Path(sys.argv[1]))
