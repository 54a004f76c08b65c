"""A database holding the seeds as the gold labels describe them, with a review done on it.

Built from tests/data/gold so the export tests do not depend on the extractor's accuracy;
the review touches every status and both versions of a corrected figure.
"""
from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

from app.core.model import Decoded, Extraction, Figure, Metadata, Section

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
SEEDS = ROOT / "seeds"


def gold_extraction(name: str) -> tuple[str, Extraction]:
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    text = (SEEDS / gold["file"]).read_text(encoding="utf-8")
    heads = sorted(gold["sections"], key=lambda s: s["start"])
    sections = []
    for i, head in enumerate(heads):
        later = [s["start"] for s in heads[i + 1:] if s["level"] <= head["level"]]
        sections.append(Section(head["level"], head["title"], head.get("category"), head["start"],
                                later[0] if later else len(text)))
    figures = [Figure(**{k: f[k] for k in ("start", "end", "raw", "value", "unit", "qualifier",
                                            "label", "indicator", "numeral")}) for f in gold["figures"]]
    # gold may label fields the Metadata does not have yet (division_code): leave them out
    known = {f.name for f in fields(Metadata)}
    metadata = Metadata(**{k: v for k, v in gold["metadata"].items() if k in known})
    return text, Extraction(metadata, sections, figures)


def add_gold_report(store, name: str) -> int:
    text, extraction = gold_extraction(name)
    data = (SEEDS / json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))["file"]).read_bytes()
    return store.add_report(str(SEEDS / f"{name}.txt"), data, Decoded(text, "utf-8", 1.0), extraction)


GOLD_NAMES = sorted(p.stem for p in GOLD.glob("*.json"))


def seed_gold(store) -> list[int]:
    return [add_gold_report(store, name) for name in GOLD_NAMES]


def review(store, report_id: int) -> dict[str, int]:
    """Confirm, correct, reject, add, headline and note: returns the figure ids by role."""
    figures = store.figures(report_id)
    with_indicator = [f for f in figures if f.indicator]
    confirmed, corrected, rejected = with_indicator[0], with_indicator[1], figures[-1]
    store.confirm([f.id for f in with_indicator[2:6]] + [confirmed.id])
    store.correct(corrected.id, value=corrected.value * 10, label="=SUM(A1:A9)")
    store.reject([rejected.id], reason="not a figure")
    store.set_headline(with_indicator[3].id, True)
    store.set_note(confirmed.id, "-checked twice")
    text = store.report(report_id).text
    start = text.index("法治")
    added = store.add_figure(report_id, start, start + 2, "法治", -5, "件", label="+added", indicator="complaints")
    return {"confirmed": confirmed.id, "corrected": corrected.id, "rejected": rejected.id,
            "added": added, "headline": with_indicator[3].id}
