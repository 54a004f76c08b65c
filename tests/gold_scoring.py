"""Gold labels for the seeds and the scores of extracted figures against them.

`load_gold()` is shared with other gold tests (sections, metadata): it returns the stored
text of each seed (CODEBOOK §1) with its gold JSON.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "data" / "gold"
SEEDS_DIR = ROOT / "seeds"


def stored_text(data: bytes) -> str:
    """The decoded file as stored: BOM removed, \\r\\n and \\r turned into \\n."""
    return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def load_gold() -> list[tuple[str, dict]]:
    """(text, gold) for every gold file whose seed exists, ordered by file name."""
    pairs = []
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        seed = SEEDS_DIR / gold.get("file", path.stem + ".txt")
        if seed.exists():
            pairs.append((stored_text(seed.read_bytes()), gold))
    return pairs


@dataclass
class FigureScores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_ok: int = 0
    unit_ok: int = 0
    qualifier_ok: int = 0
    gold_indicators: int = 0
    predicted_indicators: int = 0
    indicator_ok: int = 0

    def add(self, other: "FigureScores") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _ratio(num: int, den: int) -> float:
        return num / den if den else 1.0

    @property
    def precision(self) -> float:
        return self._ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return self._ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        return self._ratio(self.value_ok, self.matched)

    @property
    def unit_accuracy(self) -> float:
        return self._ratio(self.unit_ok, self.matched)

    @property
    def qualifier_accuracy(self) -> float:
        return self._ratio(self.qualifier_ok, self.matched)

    @property
    def indicator_precision(self) -> float:
        return self._ratio(self.indicator_ok, self.predicted_indicators)

    @property
    def indicator_recall(self) -> float:
        return self._ratio(self.indicator_ok, self.gold_indicators)

    def summary(self) -> str:
        return (f"figures P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(gold {self.gold}, predicted {self.predicted}, matched {self.matched}); "
                f"value {self.value_accuracy:.3f}, unit {self.unit_accuracy:.3f}, "
                f"qualifier {self.qualifier_accuracy:.3f}; indicator P={self.indicator_precision:.3f} "
                f"R={self.indicator_recall:.3f} ({self.indicator_ok} right of "
                f"{self.predicted_indicators} predicted, {self.gold_indicators} in gold)")


def match_by_overlap(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of overlapping spans, largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                candidates.append((-overlap, gi, pi))
    used_gold, used_pred, pairs = set(), set(), []
    for _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs


def score_figures(gold: list[dict], predicted: list[dict]) -> FigureScores:
    scores = FigureScores(gold=len(gold), predicted=len(predicted))
    scores.gold_indicators = sum(1 for g in gold if g.get("indicator"))
    scores.predicted_indicators = sum(1 for p in predicted if p.get("indicator"))
    for g, p in match_by_overlap(gold, predicted):
        scores.matched += 1
        scores.value_ok += abs(float(g["value"]) - float(p["value"])) <= 1e-6 * max(1.0, abs(g["value"]))
        scores.unit_ok += g["unit"] == p["unit"]
        scores.qualifier_ok += g.get("qualifier", "exact") == p.get("qualifier", "exact")
        scores.indicator_ok += bool(g.get("indicator")) and g.get("indicator") == p.get("indicator")
    return scores


def mismatches(gold: list[dict], predicted: list[dict]) -> list[str]:
    """Readable differences, for the test's printed report."""
    lines = []
    pairs = match_by_overlap(gold, predicted)
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {id(p) for _, p in pairs}
    lines += [f"  missed  {g['raw']!r} @{g['start']}" for g in gold if id(g) not in matched_gold]
    lines += [f"  extra   {p['raw']!r} @{p['start']}" for p in predicted if id(p) not in matched_pred]
    for g, p in pairs:
        for key in ("value", "unit", "qualifier", "indicator"):
            if g.get(key) != p.get(key) and not (key == "value" and float(g[key]) == float(p[key])):
                lines.append(f"  {key:9} {g['raw']!r} @{g['start']}: gold {g.get(key)!r}, got {p.get(key)!r}")
    return lines
