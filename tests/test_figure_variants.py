"""Figure variants as other agencies and years write them (CODEBOOK §4).

Short sentences in the style of 法治政府建设情况报告 and 述法报告: bound and estimate words in
every position, the number forms reports use, numbers that are not figures, and figures in
brackets, after colons, in table cells and with spaces.
"""
from __future__ import annotations

import pytest

from app.core.figures import find_figures


def described(text: str) -> list[tuple]:
    return [(f.raw, f.value, f.unit, f.qualifier) for f in find_figures(text)]


@pytest.mark.parametrize("text, raw, value, unit, qualifier", [
    # Bound words before the number.
    ("全年培训执法人员超过300人次。", "300人次", 300, "人次", "more_than"),
    ("受理群众咨询逾200人次。", "200人次", 200, "人次", "more_than"),
    ("受教育群众近2万人。", "2万人", 20000, "人", "approx"),
    ("检查企业将近200家。", "200家", 200, "家", "approx"),
    ("发放宣传资料约1.5万份。", "1.5万份", 15000, "份", "approx"),
    ("党组中心组学法不少于4次。", "4次", 4, "次", "at_least"),
    ("考试合格率不低于95%。", "95%", 95, "%", "at_least"),
    ("出具法律意见书不超过5份。", "5份", 5, "份", "at_most"),
    # A verb between the bound word and the number: the bound still applies.
    ("每年至少开展2次法治培训。", "2次", 2, "次", "at_least"),
    ("每季度至少组织1次集体学法。", "1次", 1, "次", "at_least"),
    ("现场参与群众约有300人。", "300人", 300, "人", "approx"),
    # Bound words after the number or its unit.
    ("培训3000人次以上。", "3000人次", 3000, "人次", "more_than"),
    ("合格率达到98%以上。", "98%", 98, "%", "more_than"),
    ("参训人员300人左右。", "300人", 300, "人", "approx"),
    ("发放资料2000份以下。", "2000份", 2000, "份", "at_most"),
    ("审批时限压缩至10个工作日以内。", "10个工作日", 10, "工作日", "at_most"),
    ("检查企业50余家次。", "50余家次", 50, "家次", "more_than"),
    ("参加培训300多人。", "300多人", 300, "人", "more_than"),
    # 达, 累计, 共计 and 全覆盖 state the number; they do not bound it.
    ("累计办理行政许可120件。", "120件", 120, "件", "exact"),
    ("共计办理案件120件。", "120件", 120, "件", "exact"),
    ("受理投诉达56件。", "56件", 56, "件", "exact"),
    ("实现监督检查100%全覆盖。", "100%", 100, "%", "exact"),
    # A bound word before and 余 after agree, or the word before the number decides.
    ("超过50余家企业参加。", "50余家", 50, "家", "more_than"),
])
def test_qualifiers(text, raw, value, unit, qualifier):
    assert described(text) == [(raw, pytest.approx(value), unit, qualifier)]


@pytest.mark.parametrize("text, raw, value, unit, qualifier", [
    ("受理申请两千三百余件。", "两千三百余件", 2300, "件", "more_than"),
    ("投入法治建设经费一千二百万元。", "一千二百万元", 12000000, "元", "exact"),
    ("投入资金3.2亿余元。", "3.2亿余元", 320000000, "元", "more_than"),
    ("投入资金1200余万元。", "1200余万元", 12000000, "元", "more_than"),
    ("罚款0.5万元。", "0.5万元", 5000, "元", "exact"),
    ("服务群众10.5万余人次。", "10.5万余人次", 105000, "人次", "more_than"),
    # 千 after Arabic digits scales like 万 (5千元 is five thousand yuan, not 千元).
    ("对当事人罚款5千元。", "5千元", 5000, "元", "exact"),
    ("罚没款共计5千余元。", "5千余元", 5000, "元", "more_than"),
    ("发放宣传资料3千多份。", "3千多份", 3000, "份", "more_than"),
    ("开展培训二十余次。", "二十余次", 20, "次", "more_than"),
    # 十几 is ten-odd, like 十余.
    ("开展专题培训十几次。", "十几次", 10, "次", "more_than"),
    ("参加旁听庭审二十几人。", "二十几人", 20, "人", "more_than"),
    ("案件数量增长1.5倍。", "1.5倍", 1.5, "倍", "exact"),
    ("合格率提高2个百分点。", "2个百分点", 2, "百分点", "exact"),
    ("办件量同比增长15.3%。", "15.3%", 15.3, "%", "exact"),
])
def test_number_forms(text, raw, value, unit, qualifier):
    assert described(text) == [(raw, pytest.approx(value), unit, qualifier)]


@pytest.mark.parametrize("text", [
    "开展数十次宣讲，惠及数百人。",  # 数十/数百 name no number
    "开展专题培训几十次。",
    "咨询电话：0571-87654321。",
    "拨打12345热线反映问题。",
    "开通“12345”政务服务热线。",
    "邮编：310000。",
    "办公时间为9:30至17:00。",
    "为60岁以上老人提供上门服务。",
    "浙ICP备12345678号",
    "浙公网安备 33010602000001号",
    "依据《条例》第3条规定，违反第十二条规定。",
    "深化“三个一”工作机制，开展“五个一”活动。",
    "落实市委1号文件。",
    "编制“十四五”规划，上线2.0版。",
    "1）加强学习；2）完善制度。",
    "推动二级以上医院全覆盖。",
    "采购X200型执法记录仪。",
    # a bare number before a counted noun that names something, not a count
    "贯彻落实1号文件精神，组织3楼办公区工作人员学习。",
    "开通12348公共法律服务热线，热线工作人员耐心解答。",
    "第3批试点单位工作人员参加培训。",
    "按照5G基站建设要求，企业做好配合。",
    "编号A12执法人员出示证件。",
    "查阅《2024年度10大典型案例》等文件。",
])
def test_not_figures(text):
    assert find_figures(text) == []


def test_grade_names_are_not_counted_but_the_count_after_them_is():
    assert described("全市共有三级医院5所，二级医院12家。") == [
        ("5所", 5, "所", "exact"), ("12家", 12, "家", "exact")]


def test_a_hotline_number_is_not_a_figure_but_its_workload_is():
    assert described("受理12345热线工单1.2万件。") == [("1.2万件", 12000, "件", "exact")]


@pytest.mark.parametrize("text, raws", [
    ("结案99件（其中一般程序93件，简易程序6件）。", ["99件", "93件", "6件"]),
    ("办理案件：35件", ["35件"]),
    ("行政复议 | 35件 | 30件", ["35件", "30件"]),
    ("办理行政复议案件35 件。", ["35 件"]),
])
def test_figures_in_brackets_after_colons_and_in_tables(text, raws):
    assert [f.raw for f in find_figures(text)] == raws


@pytest.mark.parametrize("text, raw, value", [
    ("办理政务服务事项1 234件。", "1 234件", 1234),
    ("服务群众12 345 人次。", "12 345 人次", 12345),
])
def test_thousands_set_off_by_a_space(text, raw, value):
    figure, = find_figures(text)
    assert (figure.raw, figure.value) == (raw, value)


@pytest.mark.parametrize("text, raw, value", [
    ("召开党组会议十二次。", "十二次", 12),  # not the slogan 二次 (二次供水)
    ("查处违法案件二十一起。", "二十一起", 21),  # not 一起 ("together")
])
def test_a_chinese_number_ending_like_a_slogan_is_still_a_number(text, raw, value):
    assert described(text) == [(raw, value, raw[-1], "exact")]


@pytest.mark.parametrize("text, raw, value, unit", [
    ("培训执法人员120人/次。", "120人/次", 120, "人次"),
    ("开展监督检查360户/次。", "360户/次", 360, "户次"),
])
def test_per_time_units_written_with_a_slash(text, raw, value, unit):
    assert described(text) == [(raw, value, unit, "exact")]


def test_a_figure_at_the_very_start_of_the_text():
    assert described("3个工作日办结。") == [("3个工作日", 3, "工作日", "exact")]


@pytest.mark.parametrize("text, raw, unit", [
    # a measure word that starts a longer word is still the unit when the rest is a word
    ("约谈30余名单位主要负责人。", "30余名", "名"),
    ("年初分解8项目标任务到各科室。", "8项", "项"),
    ("聘请12名义务监督员参与执法监督。", "12名", "名"),
    ("开展6次日常监督检查。", "6次", "次"),
    # a count of departments is written in 部门
    ("会同公安、市场监管等5部门开展联合执法。", "5部门", "部门"),
])
def test_the_measure_word_as_written(text, raw, unit):
    assert [(f.raw, f.unit) for f in find_figures(text) if f.raw == raw] == [(raw, unit)]


@pytest.mark.parametrize("text, raw", [
    # raw is the number and its unit (and the noun after 个), never the words of the clause after it
    ("在辖区设立12个法律服务站点开展普法宣传。", "12个法律服务站点"),
    ("成立3个督查组对各学校进行检查。", "3个督查组"),
    ("组建5个执法小组按照网格开展巡查。", "5个执法小组"),
])
def test_raw_stops_at_the_verb_after_the_noun(text, raw):
    assert raw in [f.raw for f in find_figures(text)]


@pytest.mark.parametrize("text, raw, value, unit", [
    # garbled sentences that lost the measure word: the noun it counts gives the unit
    ("对3代政府拟稿的规范性文件进行合法性审查。", "3", 3, "件"),
    ("以练促干，11名执法人员参训，另有8卫生院工作人员列席。", "8", 8, "人"),
    ("检查12家单位，督促45企业整改。", "45", 45, "家"),
])
def test_a_count_that_lost_its_measure_word_takes_the_unit_of_its_noun(text, raw, value, unit):
    found = [f for f in find_figures(text) if f.raw == raw]
    assert [(f.value, f.unit) for f in found] == [(value, unit)]
    assert found[0].confidence < 0.9  # the unit is read, not written: the reviewer should look


def test_a_number_with_its_measure_word_is_not_read_twice():
    assert [f.raw for f in find_figures("审查规范性文件3件，清理文件12件。")] == ["3件", "12件"]
