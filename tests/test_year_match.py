"""Last year's figure is the one that states the same thing (issue 13.3): two reports of one
agency that state fines_yuan and publicity_materials several times."""
from __future__ import annotations

import pytest

from app.core.model import Decoded, Extraction, Figure, Metadata
from app.core.year_match import label_similarity, match_previous
from app.store.database import open_store
from app.store.findings import findings, previous_year_values, refresh_findings

AGENCY = "某县市场监督管理局"
# (raw, value, unit, label, indicator): 罚款 comes first both years, so the indicator alone
# would give 罚没金额 last year's 罚款.
LAST_YEAR = [("4万元", 40000, "元", "罚款", "fines_yuan"),
             ("127.6万元", 1276000, "元", "罚没金额", "fines_yuan"),
             ("5块", 5, "块", "制作宣传标牌", "publicity_materials"),
             ("3000份", 3000, "份", "发放宣传资料", "publicity_materials")]
THIS_YEAR = [("4.5万元", 45000, "元", "罚款", "fines_yuan"),
             ("1,276,118元", 1276118, "元", "罚没金额", "fines_yuan"),
             ("50张", 50, "张", "制作宣传展板", "publicity_materials"),
             ("3200份", 3200, "份", "发放宣传资料", "publicity_materials"),
             ("12次", 12, "次", "开展执法检查", "inspections")]


def add_report(store, year: int, specs) -> int:
    text = f"{AGENCY}{year}年法治政府建设情况报告\n" + "，".join(label + raw for raw, *_, label, _i in
                                                         [(s[0], s[1], s[2], s[3], s[4]) for s in specs]) + "。\n"
    figures, search_from = [], 0
    for raw, value, unit, label, indicator in specs:
        start = text.index(raw, search_from)
        search_from = start + len(raw)
        figures.append(Figure(start, start + len(raw), raw, value, unit, label=label, indicator=indicator))
    extraction = Extraction(Metadata(title=text.splitlines()[0], agency=AGENCY, report_year=year), [], figures)
    return store.add_report(f"/r/{year}.txt", text.encode("utf-8"), Decoded(text, "utf-8", 1.0), extraction)


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "years.sqlite")
    yield opened
    opened.close()


def by_label(store, report_id):
    return {f.label: f for f in store.figures(report_id)}


def test_label_similarity():
    assert label_similarity("罚没金额", "罚没金额") == 1
    assert label_similarity("罚没金额", "罚款") == 0
    assert label_similarity("发放宣传资料", "发放法治宣传资料") >= 0.5
    assert label_similarity("", "罚款") == 0


def test_no_match_across_units_or_labels():
    class F:
        def __init__(self, unit, label, headline=False):
            self.unit, self.label, self.headline = unit, label, headline
    candidates = [F("元", "罚款"), F("元", "罚没金额")]
    assert match_previous(F("元", "罚没金额"), candidates) is candidates[1]
    assert match_previous(F("万元", "罚没金额"), candidates) is None
    assert match_previous(F("元", "办理案件"), candidates) is None
    assert match_previous(F("元", "办理案件", headline=True), [F("元", "罚款", headline=True)]).label == "罚款"


def test_previous_year_values_match_label_and_unit(store):
    last, this = add_report(store, 2023, LAST_YEAR), add_report(store, 2024, THIS_YEAR)
    figures = by_label(store, this)
    previous = previous_year_values(store, this)
    assert previous[figures["罚没金额"].id].value == 1276000
    assert previous[figures["罚款"].id].value == 40000
    assert previous[figures["发放宣传资料"].id].value == 3000
    assert figures["制作宣传展板"].id not in previous  # 50张 is no 5块: nothing, not a wrong match
    assert figures["开展执法检查"].id not in previous
    assert previous_year_values(store, last) == {}


def test_headlines_are_compared_when_marked(store):
    last, this = add_report(store, 2023, LAST_YEAR), add_report(store, 2024, THIS_YEAR)
    store.set_headline(by_label(store, last)["发放宣传资料"].id, True)
    store.set_headline(by_label(store, this)["罚没金额"].id, True)
    store.set_headline(by_label(store, last)["罚款"].id, True)
    previous = previous_year_values(store, this)
    assert previous[by_label(store, this)["罚没金额"].id].value == 40000  # the reviewer's headlines


def test_a_lost_wan_in_the_second_statement_is_flagged(store):
    add_report(store, 2023, LAST_YEAR)
    this = add_report(store, 2024, THIS_YEAR)
    store.correct(by_label(store, this)["罚没金额"].id, value=1276118 * 10000)  # an extra 万
    refresh_findings(store)
    jumps = [f for f in findings(store, this) if f.rule == "year_jump"]
    assert [f.figure_ids for f in jumps] == [[by_label(store, this)["罚没金额"].id]]
    assert "1276000" in jumps[0].message
