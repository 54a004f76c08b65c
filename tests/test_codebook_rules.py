"""One test per rule of CODEBOOK §5a ("Deciding the indicator"), with sentences written for
these tests in the style of other agencies' reports (卫健委, 市场监管局, 人社局, 教育局, 生态环境局,
司法局). Each case names the figure and the indicator a careful reader following §5a gives it.
"""
from __future__ import annotations

import pytest

from app.core.figures import find_figures


def indicator_of(sentence: str, raw: str):
    figure = next((f for f in find_figures(sentence) if f.raw == raw), None)
    assert figure is not None, f"{raw} not found in {sentence}"
    return figure.indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    ("全年受理医疗纠纷投诉126件，按期办结率100%。", "100%", "resolution_rate"),
    ("政务服务窗口受理行政许可申请2860件，按时办结率100%。", "100%", None),
    ("全年完成监督检查任务1260项，任务办结率98%。", "98%", None),
    ("组织全系统干部参加年度学法考试，参考率100%，合格率99.5%。", "99.5%", "exam_pass_rate"),
    ("全年法治培训覆盖率达95%。", "95%", None),
    ("执法人员持证比例达100%。", "100%", None),
    ("劳动人事争议仲裁结案率96.5%，调解成功率72%。", "72%", "resolution_rate"),
])
def test_rule_5a_1_rates_count_their_own_object(sentence, raw, indicator):
    """§5a.1: A rate counts only when it is about its indicator's object."""
    assert indicator_of(sentence, raw) == indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    ("针对检查发现的问题提出整改意见52条。", "52条", "rectification_notices"),
    ("完成双随机抽查任务917单。", "917单", "random_inspections"),
    ("举办食品安全法治讲座3场，培训食品从业人员120余人。", "120余人", "training_participants"),
])
def test_rule_5a_2_the_unit_is_a_guide(sentence, raw, indicator):
    """§5a.2: The measure word stays as written; the unit column is a guide."""
    assert indicator_of(sentence, raw) == indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    ("全年立案查处环境违法案件92件，其中一般程序56件，简易程序36件。", "56件", None),
    ("全年立案查处环境违法案件92件，其中一般程序56件，简易程序36件。", "92件", "cases_filed"),
    ("全年查处价格违法案件共92件，简易程序56件，一般程序36件。", "56件", None),
    ("全年查处价格违法案件共92件，简易程序56件，一般程序36件。", "92件", "cases_filed"),
    ("共受理投诉举报1860件（含消费投诉1520件）。", "1520件", None),
    ("立案查处违法案件42起，其中41起已结案。", "41起", "cases_closed"),
    ("承担国家抽检任务412个、省级抽检任务204个。", "412个", None),
])
def test_rule_5a_3_breakdowns_are_null(sentence, raw, indicator):
    """§5a.3: Items splitting a total stated with them are null; the total carries the indicator."""
    assert indicator_of(sentence, raw) == indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    ("召开局党组会议专题学法4次。", "4次", "study_sessions"),
    ("召开专题会研究部署法治政府建设工作3次。", "3次", "decision_meetings"),
    ("召开推进会3次，部署年度普法工作。", "3次", "decision_meetings"),
    ("召开党组会3次审议重大行政决策事项。", "3次", "decision_meetings"),
    ("组织开展述职述法2次。", "2次", None),
    ("召开6次涉及28起案件的重大案件集体审议会。", "28起", None),
    ("召开6次涉及28起案件的重大案件集体审议会。", "6次", "decision_meetings"),
    # 会 of 社会 or of a 座谈会/听证会 is no decision meeting
    ("面向社会组织学习宣传活动5次。", "5次", None),
    ("召开企业座谈会研究营商环境问题3次。", "3次", None),
    ("区政府常务会议研究部署法治政府建设工作6次。", "6次", "decision_meetings"),
    # the meeting named in an earlier clause of the sentence did the research counted here
    ("召开局务会议12次，专题研究法治政府建设工作4次。", "4次", "decision_meetings"),
    ("全年专题研究法治政府建设工作4次。", "4次", None),  # no meeting named: research alone
])
def test_rule_5a_4_meetings_by_their_verb(sentence, raw, indicator):
    """§5a.4: A count of meetings is decided by what the meeting did, not by its name."""
    assert indicator_of(sentence, raw) == indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    ("组织全系统执法人员开展行政执法培训5期。", "5期", "training_sessions"),
    ("选派执法骨干参加省局法治培训2次。", "2次", None),
    ("局领导参加市委法治专题培训3次。", "3次", None),
    ("举办校园安全法治讲座12场，面向全区中小学生。", "12场", "publicity_events"),
    # a bracketed insert (（街道）) is part of the phrase, not the end of the clause
    ("培训乡镇（街道）司法所工作人员120人。", "120人", "training_participants"),
    # people sent to someone else's training are not the agency's trainees either
    ("选派8名干部参加省级法治培训班。", "8名", None),
    ("参加省厅举办的培训班，参训人员36人。", "36人", None),
    ("组织120名执法人员参加法治培训。", "120名", "training_participants"),
])
def test_rule_5a_5_training_held_by_the_agency(sentence, raw, indicator):
    """§5a.5: Training is what the agency held for its staff or sector; attended elsewhere, or for the public, it is not."""
    assert indicator_of(sentence, raw) == indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    ("利用LED屏滚动播放普法标语4000余次。", "4000余次", None),
    ("通过电子显示屏宣传食品安全知识2600余次。", "2600余次", None),
    ("主动公开政府信息5548条。", "5548条", None),
    ("向申请人发送短信提醒1200余条。", "1200余条", None),
    ("组织普法志愿者56名开展送法进乡村活动。", "56名", None),
    ("在微信公众号发布普法文章86篇。", "86篇", "online_posts"),
    ("开展生态环境法治宣讲进企业活动15场，发放宣传折页3000份。", "3000份", "publicity_materials"),
    ("行政执法“三项制度”全面落实，公示行政执法信息1260条。", "1260条", None),
    ("通过门户网站发布普法信息60条。", "60条", "online_posts"),
])
def test_rule_5a_6_publicity_counts_events_materials_audience_posts(sentence, raw, indicator):
    """§5a.6: Publicity: events, materials, audience, posts; screen showings, disclosures, reminders and the staff are null."""
    assert indicator_of(sentence, raw) == indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    ("公布行政执法事项清单286项。", "286项", None),
    ("公布行政许可、行政执法等权责清单事项3120项。", "3120项", "service_items"),
    ("编制权责清单31个。", "31个", None),
    ("梳理依申请政务服务事项356项。", "356项", "service_items"),
    ("取消调整行政审批事项12项。", "12项", None),
    ("全年受理各类行政许可申请3260件。", "3260件", "services_handled"),
    ("编制“三张清单”31个。", "31个", None),
    ("公布重大行政决策事项目录12项。", "12项", None),  # decisions planned, not services
    ("公布政务服务事项目录568项。", "568项", "service_items"),
])
def test_rule_5a_7_services_count_published_items_and_applications(sentence, raw, indicator):
    """§5a.7: Services: items on published service lists and applications handled; enforcement lists and counts of lists are null."""
    assert indicator_of(sentence, raw) == indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    ("对12份政府合同进行合法性审查。", "12份", "contracts_reviewed"),
    ("审核一般程序案件43件。", "43件", "legality_reviews"),
    ("对现行有效的规范性文件开展合法性审查28件。", "28件", "normative_docs_cleaned"),
    ("备案合同20件。", "20件", None),
    ("法律顾问全年办理法律事务36件。", "36件", None),
    ("对拟出台的政策性文件进行合法性审查15件。", "15件", None),
    # the object of the review decides even when drafts are named later in the sentence
    ("开展重大行政决策合法性审查8件，审查行政规范性文件草案16件。", "8件", "legality_reviews"),
    ("开展重大行政决策合法性审查8件，审查行政规范性文件草案16件。", "16件", "normative_docs_reviewed"),
])
def test_rule_5a_8_legal_review_by_what_is_reviewed(sentence, raw, indicator):
    """§5a.8: Legal review: contracts, major decisions, drafts and existing documents each have their indicator; other papers are null."""
    assert indicator_of(sentence, raw) == indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    ("辖区被监督单位1446户，全年开展监督检查3200户次。", "1446户", None),
    ("辖区被监督单位1446户，全年开展监督检查3200户次。", "3200户次", "inspections"),
    ("开展“法治进校园”活动320场，开展校园安全检查1260校次。", "1260校次", "inspections"),
    ("对辖区学校开展联合检查56所次。", "56所次", "inspections"),
    ("对游泳场所开展水质抽样检测72家。", "72家", None),
    ("移送公安机关涉嫌犯罪案件3件。", "3件", None),
    ("制定双随机抽查计划4批次。", "4批次", None),
    ("开展食品安全风险排查6次。", "6次", None),
    ("全年开展劳动保障监察执法检查用人单位860户。", "860户", "inspections"),
    ("作出环境行政处罚决定68件，罚款金额512万元。", "68件", "cases_filed"),
    # "in any measure word": patrols of sites are checks too; the roster of sites is not
    ("制定农贸市场督导检查标准，巡回320余个经营点位。", "320余个经营点位", "inspections"),
    ("巡回督导120个核酸采样点。", "120个核酸采样点", "inspections"),
    ("建立巡查本底，录入监管对象860个。", "860个", None),
    ("开展巡回审判12次。", "12次", None),
])
def test_rule_5a_9_enforcement_counts_checks_and_cases(sentence, raw, indicator):
    """§5a.9: Enforcement: checks of entities, 双随机 checks, cases filed; units supervised, sample tests, plans and transfers are null."""
    assert indicator_of(sentence, raw) == indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    ("全年受理信访投诉86件。", "86件", "petitions"),
    ("接待来访群众300余人次。", "300余人次", None),
    ("接受群众来访126批次568人次。", "126批次", None),
    ("全镇18个村（社区）均建立人民调解委员会。", "18个村", None),
    ("化解信访积案5件。", "5件", None),
    ("受理消费者投诉举报2300件。", "2300件", "complaints"),
    ("处理医疗纠纷18起。", "18起", "medical_disputes"),
])
def test_rule_5a_10_disputes_by_their_channel(sentence, raw, indicator):
    """§5a.10: Disputes: 信访 is petitions, 投诉/举报 complaints; visitors received and old cases resolved are null."""
    assert indicator_of(sentence, raw) == indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    ("依法处理医疗纠纷和患者投诉举报45件。", "45件", None),
    ("受理劳动监察举报投诉和信访件132件。", "132件", None),
    # objects of one indicator, or a word whose indicator the sentence's field rules out
    ("开展普法宣传和义诊活动20场。", "20场", "publicity_events"),
    ("办理行政许可和备案事项860件。", "860件", "services_handled"),
])
def test_rule_5a_11_two_objects_in_one_count_is_null(sentence, raw, indicator):
    """§5a.11: Two indicators' objects counted together: none clearly fits, so null."""
    assert indicator_of(sentence, raw) == indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    ("严格落实审查机制，对5市政府代拟的规范性文件进行合法性审查。", "5", "normative_docs_reviewed"),
    ("全年办理12行政复议案件。", "12", "reconsideration_cases"),
    # no verb says what was done with the counted things: the reading is a guess
    ("以考促学、以练促干，11卫生监督所执法人员执法能力显著提升。", "11", None),
    ("全局36行政执法人员法治素养明显增强。", "36", None),
])
def test_rule_5a_11_a_count_that_lost_its_measure_word_needs_its_verb(sentence, raw, indicator):
    """§5a.11: A count whose measure word was lost takes an indicator only when its clause says
    what was done with what it counts; otherwise none clearly fits, so null."""
    assert indicator_of(sentence, raw) == indicator
