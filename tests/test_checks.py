"""The consistency checks on small texts written for each rule, and the real case in seed 003."""
from __future__ import annotations

import pytest

from app.core.breakdowns import as_check_figure, bounds, sentence_around, sentences_around
from app.core.checks import (
    MESSAGES, RULE_NAMES, RULE_SEVERITY, CheckContext, PeerStats, PreviousValue, message_parts, run_checks,
)


class Text:
    """A test text whose figures are marked by their raw text, in order of appearance."""

    def __init__(self, text: str):
        self.text = text
        self.figures: list[dict] = []
        self._search_from = 0

    def fig(self, raw: str, value: float, unit: str, indicator: str | None = None,
            qualifier: str = "exact", **extra) -> int:
        start = self.text.index(raw, self._search_from)
        self._search_from = start + len(raw)
        figure_id = len(self.figures) + 1
        self.figures.append({"id": figure_id, "start": start, "end": start + len(raw), "raw": raw,
                             "value": value, "unit": unit, "qualifier": qualifier,
                             "indicator": indicator, "label": "", "status": "pending", **extra})
        return figure_id

    def run(self, context: CheckContext | None = None):
        return run_checks(self.figures, self.text, context)

    def rules(self, context: CheckContext | None = None) -> list[str]:
        return [f.rule for f in self.run(context)]


def test_breakdown_that_does_not_add_up_names_total_and_parts():
    t = Text("查处案件50件。其中食品卫生10件，学校卫生20件，职业卫生5件。")
    total = t.fig("50件", 50, "件", "cases_filed")
    parts = [t.fig("10件", 10, "件"), t.fig("20件", 20, "件"), t.fig("5件", 5, "件")]
    [finding] = t.run()
    assert finding.rule == "breakdown_sum"
    assert finding.figure_ids == [total, *parts]
    assert "35" in finding.message and "50" in finding.message
    assert finding.severity == RULE_SEVERITY["breakdown_sum"]


def test_breakdown_that_adds_up_is_quiet():
    t = Text("查处案件35件，罚款3.5万元，其中食品卫生10件，罚款1.2万元；学校卫生20件，罚款2.3万元；职业卫生5件。")
    t.fig("35件", 35, "件"), t.fig("3.5万元", 35000, "元")
    t.fig("10件", 10, "件"), t.fig("1.2万元", 12000, "元"), t.fig("20件", 20, "件")
    t.fig("2.3万元", 23000, "元"), t.fig("5件", 5, "件")
    assert t.rules() == []


def test_money_breakdown_counts_with_the_precision_of_wan():
    # 0.6万 + 1.9万 is at least 24000 yuan even rounded: more than 2.0万 can hold
    t = Text("罚款2.0万元，其中公共场所罚款0.6万元，饮用水罚款1.9万元。")
    t.fig("2.0万元", 20000, "元", "fines_yuan"), t.fig("0.6万元", 6000, "元"), t.fig("1.9万元", 19000, "元")
    assert t.rules() == ["breakdown_sum"]
    # written as 2.4万, the same parts fit: each 万 figure to one decimal may be 500 off
    t = Text("罚款2.4万元，其中公共场所罚款0.6万元，饮用水罚款1.9万元。")
    t.fig("2.4万元", 24000, "元", "fines_yuan"), t.fig("0.6万元", 6000, "元"), t.fig("1.9万元", 19000, "元")
    assert t.rules() == []


def test_more_than_relaxes_the_breakdown():
    t = Text("发放资料100余份，其中宣传册60余份，折页30余份，海报20余份。")
    t.fig("100余份", 100, "份", qualifier="more_than")
    for raw, value in (("60余份", 60), ("30余份", 30), ("20余份", 20)):
        t.fig(raw, value, "份", qualifier="more_than")
    assert t.rules() == []


def test_a_short_list_ending_in_deng_is_not_a_full_breakdown():
    t = Text("查处案件50件，其中食品卫生10件、学校卫生20件、职业卫生5件等。")
    t.fig("50件", 50, "件")
    t.fig("10件", 10, "件"), t.fig("20件", 20, "件"), t.fig("5件", 5, "件")
    assert t.rules() == []


def test_part_larger_than_its_whole():
    t = Text("受理投诉10件，其中医疗投诉12件。")
    whole, part = t.fig("10件", 10, "件", "complaints"), t.fig("12件", 12, "件")
    [finding] = t.run()
    assert finding.rule == "part_gt_whole" and finding.figure_ids == [whole, part]


def test_part_larger_than_whole_across_indicators():
    t = Text("清理规范性文件5件，废止8件。")
    t.fig("5件", 5, "件", "normative_docs_cleaned"), t.fig("8件", 8, "件", "normative_docs_repealed")
    assert t.rules() == ["part_gt_whole"]


def test_rate_that_does_not_match_its_counts():
    t = Text("共受理投诉1384件，办结1347件，办结率99.3%。")
    whole, part = t.fig("1384件", 1384, "件"), t.fig("1347件", 1347, "件")
    rate = t.fig("99.3%", 99.3, "%", "resolution_rate")
    [finding] = t.run()
    assert finding.rule == "rate_mismatch"
    assert set(finding.figure_ids) == {whole, part, rate}
    assert "97.3" in finding.message


def test_rate_that_matches_is_quiet_even_when_truncated_or_after_qizhong():
    t = Text("共受理投诉1384件，其中办结1347件，办结率97.3%。")
    t.fig("1384件", 1384, "件"), t.fig("1347件", 1347, "件"), t.fig("97.3%", 97.3, "%")
    assert t.rules() == []
    t = Text("受理39件，化解38件，化解率为97.4%；")  # 97.44 -> 97.4
    t.fig("39件", 39, "件"), t.fig("38件", 38, "件"), t.fig("97.4%", 97.4, "%")
    assert t.rules() == []


def test_two_parts_of_a_breakdown_are_not_a_rate_base():
    t = Text("抽查149家，其中国家抽查32户，市级抽查117户，完成率均达100%。")
    t.fig("149家", 149, "家"), t.fig("32户", 32, "户"), t.fig("117户", 117, "户"), t.fig("100%", 100, "%")
    assert t.rules() == []


def test_percent_over_100_but_not_growth():
    t = Text("考试合格率达120%。")
    t.fig("120%", 120, "%", "exam_pass_rate")
    assert t.rules() == ["percent_over_100"]
    t = Text("案件数量同比增长150%。")
    t.fig("150%", 150, "%")
    assert t.rules() == []


def test_closed_cases_above_filed_cases():
    t = Text("立案查处案件20件，结案25件。")
    filed, closed = t.fig("20件", 20, "件", "cases_filed"), t.fig("25件", 25, "件", "cases_closed")
    [finding] = t.run()
    assert finding.rule == "closed_gt_filed" and finding.figure_ids == [closed, filed]


def test_closed_above_filed_relaxed_by_more_than():
    t = Text("立案查处案件20余件，结案25件。")
    t.fig("20余件", 20, "件", "cases_filed", qualifier="more_than"), t.fig("25件", 25, "件", "cases_closed")
    assert t.rules() == []


def test_negative_and_absurd_values():
    t = Text("培训-3次，发放资料20000000000份，罚款5万元。")
    negative = t.fig("-3次", -3, "次")
    absurd = t.fig("20000000000份", 2e10, "份", "publicity_materials")
    t.fig("5万元", 50000, "元")
    found = t.run()
    assert [(f.rule, f.figure_ids) for f in found] == [("negative_or_absurd", [negative]),
                                                      ("negative_or_absurd", [absurd])]


def test_conflicting_values_of_one_indicator_until_a_headline_is_chosen():
    t = Text("开展执法检查120户次。全年监督检查150户次。")
    first, second = t.fig("120户次", 120, "户次", "inspections"), t.fig("150户次", 150, "户次", "inspections")
    [finding] = t.run()
    assert finding.rule == "conflicting_values" and finding.severity == "info"
    assert finding.figure_ids == [first, second]
    t.figures[1]["headline"] = True
    assert t.rules() == []


def test_rejected_figures_are_not_checked():
    t = Text("开展执法检查120户次。全年监督检查150户次。")
    t.fig("120户次", 120, "户次", "inspections", status="rejected"), t.fig("150户次", 150, "户次", "inspections")
    assert t.rules() == []


def test_outlier_against_other_reports_needs_enough_of_them():
    values = [80, 95, 100, 110, 120, 90, 105, 130]
    t = Text("查处案件1000000件。")
    figure = t.fig("1000000件", 1e6, "件", "cases_filed")
    found = t.run(CheckContext(peers={"cases_filed": PeerStats.from_values(values, "件")}))
    assert [(f.rule, f.figure_ids) for f in found] == [("outlier", [figure])]
    few = CheckContext(peers={"cases_filed": PeerStats.from_values(values[:5], "件")})
    assert t.rules(few) == []
    t = Text("查处案件115件。")
    t.fig("115件", 115, "件", "cases_filed")
    assert t.rules(CheckContext(peers={"cases_filed": PeerStats.from_values(values, "件")})) == []


def test_year_jump_of_about_ten_thousand_shows_both_values():
    t = Text("罚款348500万元。")
    figure = t.fig("348500万元", 3485000000, "元", "fines_yuan", label="罚款")
    context = CheckContext(previous={"fines_yuan": [PreviousValue(2022, 320000, "元", "罚款")]})
    [finding] = t.run(context)
    assert finding.rule == "year_jump" and finding.figure_ids == [figure]
    assert "2022" in finding.message and "320000" in finding.message
    ordinary = CheckContext(previous={"fines_yuan": [PreviousValue(2022, 3e9, "元", "罚款")]})
    assert t.rules(ordinary) == []


@pytest.mark.parametrize("raw,value,qualifier,expected", [
    ("0.6万元", 6000, "exact", (5500, 6500)),
    ("17.25万元", 172500, "exact", (172450, 172550)),
    ("18件", 18, "exact", (18, 18)),
    ("97.3%", 97.3, "exact", (97.25, 97.35)),
    ("50余家", 50, "more_than", (50, float("inf"))),
    ("约100人", 100, "approx", (90, 110)),
])
def test_precision_follows_the_written_digits(raw, value, qualifier, expected):
    lo, hi = bounds(as_check_figure({"id": 1, "start": 0, "end": 1, "raw": raw, "value": value,
                                     "unit": "", "qualifier": qualifier}))
    assert lo == pytest.approx(expected[0]) and hi == pytest.approx(expected[1])


def test_sentence_around_a_figure():
    text = "一、执法。查处案件105件，结案99件；罚款3万元。\n下一段"
    start = text.index("99件")
    assert sentence_around(text, start, start + 3) == "查处案件105件，结案99件；"


def test_the_sentences_of_many_figures_at_once_are_each_figures_sentence():
    text = "一、执法。查处案件105件，结案99件；罚款3万元。\n下一段有12人\n；；末尾7次"
    spans = [(text.index(raw), text.index(raw) + len(raw)) for raw in ("105件", "99件", "3万元", "12人", "7次")]
    spans += [(0, 2), (len(text) - 2, len(text)), (4, 5), (text.index("\n"), text.index("\n") + 1)]
    sentences = sentences_around(text, spans)
    assert sentences[:5] == ["查处案件105件，结案99件；", "查处案件105件，结案99件；", "罚款3万元。", "下一段有12人", "末尾7次"]
    assert sentences == [sentence_around(text, start, end) for start, end in spans]
    assert sentences_around("", [(0, 0)]) == [sentence_around("", 0, 0)] == [""]


def test_real_breakdown_in_seed_003_with_gold_figures():
    from dataset_fixtures import gold_extraction
    text, extraction = gold_extraction("003_fc9581fd91370635")
    figures = [{**f.to_dict(), "id": i} for i, f in enumerate(extraction.figures)]
    sums = [f for f in run_checks(figures, text) if f.rule == "breakdown_sum"]
    assert len(sums) == 1
    total = figures[sums[0].figure_ids[0]]
    assert total["raw"] == "105件"
    assert "93" in sums[0].message
    assert len(sums[0].figure_ids) == 10  # the total and its nine category counts


def extracted_figures(text: str) -> list[dict]:
    from app.core.extract import extract
    return [{**f.to_dict(), "id": i} for i, f in enumerate(extract(text).figures)]


def test_real_breakdown_in_seed_003_through_the_extractor():
    from dataset_fixtures import SEEDS
    text = (SEEDS / "003_fc9581fd91370635.txt").read_text(encoding="utf-8")
    figures = extracted_figures(text)
    [finding] = [f for f in run_checks(figures, text) if f.rule == "breakdown_sum"]
    assert figures[finding.figure_ids[0]]["raw"] == "105件" and "= 93" in finding.message


def test_no_errors_on_the_state_council_reports():
    """National figures (14亿人, 126万亿元, growth rates) are large but not wrong."""
    from conftest import DATA
    for path in sorted((DATA / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        errors = [f for f in run_checks(extracted_figures(text), text) if f.severity == "error"]
        assert errors == [], path.name


def findings_of_every_wording():
    """One small text per message of the checks (MESSAGES), with the context it needs."""
    cases = []
    t = Text("罚款2.0万元，其中公共场所罚款0.6万元，饮用水罚款1.9万元。")
    t.fig("2.0万元", 20000, "元", "fines_yuan"), t.fig("0.6万元", 6000, "元"), t.fig("1.9万元", 19000, "元")
    cases.append((t, None))
    t = Text("查处案件50件。其中食品卫生10件，学校卫生20件，职业卫生5件。")
    t.fig("50件", 50, "件", "cases_filed"), t.fig("10件", 10, "件"), t.fig("20件", 20, "件"), t.fig("5件", 5, "件")
    cases.append((t, None))
    t = Text("受理投诉10件，其中医疗投诉12件。清理规范性文件5件，废止8件。")
    t.fig("10件", 10, "件", "complaints"), t.fig("12件", 12, "件")
    t.fig("5件", 5, "件", "normative_docs_cleaned"), t.fig("8件", 8, "件", "normative_docs_repealed")
    cases.append((t, None))
    t = Text("共受理投诉1384件，办结1347件，办结率99.3%。考试合格率达120%。立案查处案件20件，结案25件。")
    t.fig("1384件", 1384, "件"), t.fig("1347件", 1347, "件"), t.fig("99.3%", 99.3, "%", "resolution_rate")
    t.fig("120%", 120, "%", "exam_pass_rate")
    t.fig("20件", 20, "件", "cases_filed"), t.fig("25件", 25, "件", "cases_closed")
    cases.append((t, None))
    t = Text("培训-3次，发放资料20000000000份。开展执法检查120户次。全年监督检查150户次。")
    t.fig("-3次", -3, "次"), t.fig("20000000000份", 2e10, "份", "publicity_materials")
    t.fig("120户次", 120, "户次", "inspections"), t.fig("150户次", 150, "户次", "inspections")
    cases.append((t, None))
    t = Text("查处案件1000000件，罚款348500万元。")
    t.fig("1000000件", 1e6, "件", "cases_filed"), t.fig("348500万元", 3485000000, "元", "fines_yuan", label="罚款")
    cases.append((t, CheckContext(peers={"cases_filed": PeerStats.from_values([80, 95, 100, 110, 120, 90, 105, 130], "件")},
                                  previous={"fines_yuan": [PreviousValue(2022, 320000, "元", "罚款")]})))
    return [finding for text, context in cases for finding in text.run(context)]


def test_every_message_is_its_template_filled_in_and_can_be_taken_apart():
    """The GUI translates a stored message by its template: each must round-trip."""
    found = findings_of_every_wording()
    assert {f.template for f in found} == set(MESSAGES.values())  # every wording exercised
    assert set(RULE_NAMES) == set(RULE_SEVERITY)
    for finding in found:
        assert finding.message == finding.template.format(**finding.args)
        assert message_parts(finding.rule, finding.message) == (finding.template, finding.args)


def test_a_message_in_another_wording_is_not_taken_apart():
    assert message_parts("breakdown_sum", "The parts do not add up to the total") is None
    assert message_parts("no_such_rule", "The part 12件 is larger than its whole 10件.") is None


def test_peer_stats_are_the_median_and_mad_of_the_log_values_of_every_report():
    """Computed in numpy (the window does it for every indicator on a worker thread): the
    same numbers as the plain definition, for an odd and an even count, None and negatives skipped."""
    import math
    import random
    from statistics import median
    rng = random.Random(5)
    for count in (7, 8, 1001):
        values = [rng.choice([rng.uniform(0, 5000), float(rng.randint(0, 40))]) for _ in range(count)]
        stats = PeerStats.from_values([*values, None, -3.0], "件")
        points = [math.log10(1 + v) for v in values]
        centre = median(points)
        assert stats.n == count and stats.log_scale
        assert stats.median == pytest.approx(centre, rel=1e-12)
        assert stats.mad == pytest.approx(median(abs(p - centre) for p in points), rel=1e-12)
        share = PeerStats.from_values(values, "%")
        assert not share.log_scale and share.median == pytest.approx(median(values), rel=1e-12)
    assert PeerStats.from_values([None, -1.0], "件") is None
