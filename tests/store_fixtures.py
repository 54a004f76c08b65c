"""Small hand-built reports for the store tests (no extractor needed)."""
from __future__ import annotations

from app.core.model import Decoded, Extraction, Figure, Metadata, Section

TEXT = ("某区卫生健康委员会关于2024年法治政府建设情况的报告\n"
        "一、主要举措\n全年开展监督检查120户次，查处案件15件，罚款3.5万元。\n"
        "二、存在的问题\n培训不足，仅开展培训2次。\n"
        "三、下一步工作安排\n计划开展培训10次。\n")


def span(text: str, raw: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(raw, start + 1)
    return start, start + len(raw)


def sections_of(text: str) -> list[Section]:
    heads = [("一、主要举措", "measures"), ("二、存在的问题", "problems"),
             ("三、下一步工作安排", "plans")]
    starts = [text.index(title) for title, _ in heads] + [len(text)]
    return [Section(1, title, category, starts[i], starts[i + 1])
            for i, (title, category) in enumerate(heads)]


def figures_of(text: str) -> list[Figure]:
    specs = [("120户次", 120, "户次", "监督检查", "inspections", 0.9),
             ("15件", 15, "件", "查处案件", "cases_filed", 0.8),
             ("3.5万元", 35000, "元", "罚款", "fines_yuan", 0.95),
             ("2次", 2, "次", "培训", "training_sessions", 0.4),
             ("10次", 10, "次", "培训", "training_sessions", 0.6)]
    return [Figure(*span(text, raw), raw, value, unit, label=label, indicator=indicator,
                   confidence=confidence)
            for raw, value, unit, label, indicator, confidence in specs]


def extraction_of(text: str = TEXT, agency: str = "某区卫生健康委员会", year: int = 2024) -> Extraction:
    return Extraction(Metadata(title=text.splitlines()[0], agency=agency, region="某区",
                               level="district", report_year=year),
                      sections_of(text), figures_of(text))


def add_sample(store, name: str = "a.txt", text: str = TEXT, **metadata) -> int:
    """Insert a report made of `text` (its bytes and text end in its name, so no duplicate)."""
    text += name
    return store.add_report(f"/reports/{name}", text.encode("utf-8"), Decoded(text, "utf-8", 1.0),
                            extraction_of(text, **metadata))
