"""The figure extractor on small sentences written for these tests."""
from __future__ import annotations

import pytest

from app.core.figures import find_figures, parse_selection
from app.core.model import Section
from app.core.numerals import number_value


def one(text: str):
    figures = find_figures(text)
    assert len(figures) == 1, [f.raw for f in figures]
    return figures[0]


def raws(text: str) -> list[str]:
    return [f.raw for f in find_figures(text)]


@pytest.mark.parametrize("numeral, magnitude, value", [
    ("12", "", 12), ("0.4", "万", 4000), ("127.6118", "万", 1276118), ("3.8", "万亿", 3.8e12),
    ("1,234", "", 1234), ("１２", "", 12), ("两", "", 2), ("二十", "", 20), ("十余", "", 10),
    ("一千", "", 1000), ("百", "", 100),
])
def test_number_values(numeral, magnitude, value):
    assert number_value(numeral, magnitude) == pytest.approx(value)


@pytest.mark.parametrize("text, raw, value, unit, qualifier", [
    ("全年共办结投诉件58件。", "58件", 58, "件", "exact"),
    ("罚没款合计12.5万元。", "12.5万元", 125000, "元", "exact"),
    ("发放折页0.4万余份。", "0.4万余份", 4000, "份", "more_than"),
    ("受益群众3万余人次。", "3万余人次", 30000, "人次", "more_than"),
    ("满意率达 98.5 %。", "98.5 %", 98.5, "%", "exact"),
    ("合格率不低于90％。", "90％", 90, "%", "at_least"),
    ("检查门店约300家。", "300家", 300, "家", "approx"),
    ("抽查企业近60户。", "60户", 60, "户", "approx"),
    ("检查1500户次以上。", "1500户次", 1500, "户次", "more_than"),
    ("每季度不少于 2 次专题会。", "2 次", 2, "次", "at_least"),
    ("办理时限压缩至5个工作日以内。", "5个工作日", 5, "工作日", "at_most"),
    ("超过200名志愿者参加。", "200名", 200, "名", "more_than"),
    ("逾千人次参与答题。", "千人次", 1000, "人次", "more_than"),
    ("合格率:95%", "95%", 95, "%", "exact"),
    ("- 共办理案件12件", "12件", 12, "件", "exact"),
    ("平均用时30分钟。", "30分钟", 30, "分钟", "exact"),
    ("三分之一的单位完成整改。", None, None, None, None),
    ("七台河市、三门峡市开展联合执法，二期工程完工。", None, None, None, None),
])
def test_value_unit_qualifier(text, raw, value, unit, qualifier):
    figures = find_figures(text)
    if raw is None:
        assert figures == []
        return
    figure = one(text)
    assert (figure.raw, figure.unit, figure.qualifier) == (raw, unit, qualifier)
    assert figure.value == pytest.approx(value)
    assert text[figure.start:figure.end] == figure.raw


def test_ge_takes_the_following_noun_but_stops_at_the_verb():
    text = "将全镇划分为6个网格片区，设立12个调解点开展工作，涉及议题30余个。"
    assert raws(text) == ["6个网格片区", "12个调解点", "30余个"]


@pytest.mark.parametrize("text", [
    "2023年12月4日召开会议。",
    "依据《某市法治政府建设实施方案（2021—2025年）》执行。",
    "根据某卫发〔2023〕15号文件。",
    "参加第35个全国法治宣传日活动。",
    "一是健全制度；二是强化监督。（三）加强队伍建设。",
    "系统升级到3.0版本。",
    "索引号：AB1234-5678-2023-00012",
    "落实“三重一大”制度和行政执法三项制度，增强“四个意识”。",
    "坚持“双随机、一公开”，推进“一件事一次办”和一站式服务。",
    "作为一项重要政治任务，一把手亲自抓，无一起违规干预案件。",
    "贯彻“十四五”规划，推进“八五”普法，近三年持续推进。",
    "努力把问题一次性讲清楚，坚持一事一议。",
    "参加“12.4”宪法宣传活动。",
    "开展数十场宣传，惠及上千人。",
])
def test_not_figures(text):
    assert find_figures(text) == []


def test_chinese_numerals_that_quantify():
    figures = find_figures("派出两名执法人员，开展三场讲座，组织了一次全面排查，滚动播放标语一周。")
    assert [(f.raw, f.value, f.unit, f.numeral) for f in figures] == [
        ("两名", 2, "名", "chinese"), ("三场", 3, "场", "chinese"),
        ("一次", 1, "次", "chinese"), ("一周", 1, "周", "chinese")]


def test_appositive_count_after_a_list():
    figure = one("组织甲县、乙县、丙县三地开展联合检查。")
    assert (figure.raw, figure.value, figure.unit) == ("三地", 3, "地")


@pytest.mark.parametrize("text, raw, indicator", [
    ("全年共立案查处违法案件42件，结案40件。", "42件", "cases_filed"),
    ("全年共立案查处违法案件42件，结案40件。", "40件", "cases_closed"),
    ("罚没款共计8.6万元。", "8.6万元", "fines_yuan"),
    ("办理行政复议案件3件，行政诉讼案件2件。", "3件", "reconsideration_cases"),
    ("办理行政复议案件3件，行政诉讼案件2件。", "2件", "litigation_cases"),
    ("开展普法宣传活动15场，发放宣传资料2000余份，受教育群众5000余人次。", "15场", "publicity_events"),
    ("开展普法宣传活动15场，发放宣传资料2000余份，受教育群众5000余人次。", "2000余份", "publicity_materials"),
    ("开展普法宣传活动15场，发放宣传资料2000余份，受教育群众5000余人次。", "5000余人次", "people_reached"),
    ("局党组会前学法8次，召开局长办公会12次。", "8次", "study_sessions"),
    ("局党组会前学法8次，召开局长办公会12次。", "12次", "decision_meetings"),
    ("聘请法律顾问3名，审查合同45份，出具法律意见书9份。", "3名", "legal_advisors"),
    ("聘请法律顾问3名，审查合同45份，出具法律意见书9份。", "45份", "contracts_reviewed"),
    ("聘请法律顾问3名，审查合同45份，出具法律意见书9份。", "9份", "legal_opinions"),
    ("开展“双随机、一公开”抽查企业86家，日常监督检查1200户次。", "86家", "random_inspections"),
    ("开展“双随机、一公开”抽查企业86家，日常监督检查1200户次。", "1200户次", "inspections"),
    ("受理投诉举报64件，办结率100%。", "64件", "complaints"),
    ("受理投诉举报64件，办结率100%。", "100%", "resolution_rate"),
    ("调解医疗纠纷21起。", "21起", "mediation_cases"),
    ("接待群众来访23批次，办理信访件31件。", "31件", "petitions"),
    ("制定出台行政规范性文件4件，报备案4件。", "4件", "normative_docs_issued"),
    ("组织执法人员培训6期，培训420人次，考试合格率98%。", "6期", "training_sessions"),
    ("组织执法人员培训6期，培训420人次，考试合格率98%。", "420人次", "training_participants"),
    ("组织执法人员培训6期，培训420人次，考试合格率98%。", "98%", "exam_pass_rate"),
    ("现有持证执法人员36名。", "36名", "enforcement_staff"),
    ("行政机关负责人出庭应诉率100%。", "100%", "head_appearance_rate"),
    ("在官方网站发布政策解读信息56条。", "56条", "online_posts"),
])
def test_indicator_from_cue_words(text, raw, indicator):
    figure = next(f for f in find_figures(text) if f.raw == raw)
    assert figure.indicator == indicator


@pytest.mark.parametrize("text, raw", [
    ("辖区内共有被监督单位860户。", "860户"),
    ("全年投入经费35万元。", "35万元"),
    ("罚款金额同比增长12.5%。", "12.5%"),
    ("每月开展业务学习1次。", "1次"),
    ("对照上级公布的失效文件25件开展清理。", "25件"),
    ("新招录工作人员5人。", "5人"),
])
def test_no_indicator_without_a_fitting_cue(text, raw):
    figure = next(f for f in find_figures(text) if f.raw == raw)
    assert figure.indicator is None


def test_breakdown_items_lose_the_indicator_of_their_total():
    text = "查处案件50件，其中食品安全30件，药品20件；罚款20万元，其中食品安全罚款12万元。"
    by_raw = {f.raw: f for f in find_figures(text)}
    assert by_raw["50件"].indicator == "cases_filed"
    assert by_raw["20万元"].indicator == "fines_yuan"
    assert by_raw["30件"].indicator is None and by_raw["20件"].indicator is None
    assert by_raw["12万元"].indicator is None
    assert by_raw["30件"].confidence < by_raw["50件"].confidence


def test_a_different_measure_after_qizhong_keeps_its_indicator():
    by_raw = {f.raw: f for f in find_figures("立案查处8起，其中结案6起。")}
    assert by_raw["8起"].indicator == "cases_filed"
    assert by_raw["6起"].indicator == "cases_closed"


def test_labels_come_from_the_text():
    by_raw = {f.raw: f for f in find_figures("全年共发放宣传折页3000余份，完成120家诊所的全面检查。")}
    assert by_raw["3000余份"].label == "发放宣传折页"
    assert by_raw["120家"].label.endswith("诊所的全面检查")


def test_confidence_is_lower_for_chinese_numerals_and_guesses():
    sure = one("罚款共计4万元。")
    chinese = one("派出两名人员。")
    assert 0 <= chinese.confidence < sure.confidence <= 1


def test_boilerplate_sections_are_skipped():
    text = "浏览次数：1234次\n全年立案查处案件12件。"
    boiler = Section(level=1, title="浏览次数", category="boilerplate", start=0, end=11)
    assert raws(text) == ["12件"]
    assert [f.raw for f in find_figures("访问量 88次\n罚款1万元。", [])] == ["1万元"]
    assert [f.raw for f in find_figures(text, [boiler])] == ["12件"]


def test_parse_selection_finds_the_figure_inside_the_selection():
    text = "今年共受理投诉举报64件，全部办结。"
    start = text.index("受理")
    figure = parse_selection(text, start, text.index("，"))
    assert (figure.raw, figure.value, figure.unit, figure.indicator) == ("64件", 64, "件", "complaints")
    assert text[figure.start:figure.end] == "64件"


def test_parse_selection_with_a_bare_number_or_none():
    text = "完成整改 15 处问题，无数字的句子。"
    bare = parse_selection(text, text.index("15"), text.index("15") + 2)
    assert (bare.raw, bare.value, bare.unit) == ("15", 15, "")
    assert parse_selection(text, text.index("无"), len(text)) is None
