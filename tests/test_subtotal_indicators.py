"""Indicators of totals and their breakdowns in reports from agencies other than the seeds'.

CODEBOOK §4: a figure that breaks a total down by category is still a figure, but takes its
total's indicator only if the sentence makes the subtotal explicit, otherwise null. The seeds'
gold notes show what that means in practice:
- a category item after 其中 or in brackets is null even when it repeats the total's cue word
  (003: 国家“双随机”监督抽查32户 under 149家, 罚款0.6万元 under 34.85万元);
- an item that counts another indicator keeps it (001: 立案查处…4起，其中结案3起 -> cases_closed);
- an item counting something no indicator covers is null (000: 其中委机关牵头化解1347件);
- each statement of a campaign is labelled on its own (001: 4起, 149家次, 1家 are all cases_filed);
- completion rates of enforcement work are not dispute-resolution rates (001 监督完结率, 003 任务完结率).
Each case names the figure (its raw text) and the indicator a reviewer would give it, or None.
"""
from __future__ import annotations

import pytest

from app.core.figures import find_figures


def indicators_of(sentence: str) -> dict[str, object]:
    """raw text -> indicator; a raw text that occurs twice maps to the list of both."""
    found: dict[str, object] = {}
    for figure in find_figures(sentence):
        if figure.raw in found:
            previous = found[figure.raw]
            found[figure.raw] = (previous if isinstance(previous, list) else [previous]) + [figure.indicator]
        else:
            found[figure.raw] = figure.indicator
    return found


@pytest.mark.parametrize("sentence, expected", [
    # 其中 with category items: the total keeps its indicator, the categories are null
    ("全年查处违法案件105件，其中食品类32件、药品类18件。",
     {"105件": "cases_filed", "32件": None, "18件": None}),
    ("全年共办理行政处罚案件326件，其中简易程序56件，一般程序270件。",
     {"326件": "cases_filed", "56件": None, "270件": None}),
    ("全年查处违法案件105件，其中：食品类32件，药品类18件。",
     {"105件": "cases_filed", "32件": None, "18件": None}),
    ("共有执法人员120人，其中持证108人。", {"120人": "enforcement_staff", "108人": None}),
    ("全县共有行政执法人员560人，其中县直部门320人，乡镇240人。",
     {"560人": "enforcement_staff", "320人": None, "240人": None}),
    ("罚没款234.5万元，其中罚款200万元。", {"234.5万元": "fines_yuan", "200万元": None}),
    ("全年查处违法案件120件，罚没款80万元，其中罚款60万元，没收违法所得20万元。",
     {"120件": "cases_filed", "80万元": "fines_yuan", "60万元": None, "20万元": None}),
    ("全年受理投诉举报2356件，其中投诉1820件、举报536件。",
     {"2356件": "complaints", "1820件": None, "536件": None}),
    ("全年受理信访事项156件，其中来信86件，来访70件。",
     {"156件": "petitions", "86件": None, "70件": None}),
    ("全年办理行政复议案件12件，其中维持8件，撤销2件，终止2件。",
     {"12件": "reconsideration_cases", "8件": None, "2件": [None, None]}),
    ("全年共办理行政应诉案件18件，其中胜诉15件，败诉1件。",
     {"18件": "litigation_cases", "15件": None, "1件": None}),
    ("开展法治培训18场次，其中执法人员专题培训6场次。",
     {"18场次": "training_sessions", "6场次": None}),
    ("全年开展普法活动120场，其中送法下乡60场。", {"120场": "publicity_events", "60场": None}),
    ("全年开展普法宣传活动120场次，覆盖群众3万人次，其中青少年1.2万人次。",
     {"120场次": "publicity_events", "3万人次": "people_reached", "1.2万人次": None}),
    ("全年开展双随机抽查86次，其中跨部门联合抽查32次。",
     {"86次": "random_inspections", "32次": None}),
    ("全年共审查各类合同126份，其中采购合同80份。", {"126份": "contracts_reviewed", "80份": None}),
    ("全年共审核规范性文件32件，其中提出修改意见的18件。",
     {"32件": "normative_docs_reviewed", "18件": None}),
    # a subtotal repeating the total's own words is still a breakdown item (003: 32户 双随机)
    ("查处各类违法案件120件，其中行政处罚案件80件。", {"120件": "cases_filed", "80件": None}),
    ("全年立案查处案件1256件，同比增长12%，其中食品案件320件。",
     {"1256件": "cases_filed", "12%": None, "320件": None}),
    # other breakdown words: 包括, 分别为 after the total, 涉及
    ("全年查处各类违法案件50件，包括食品类32件、药品类18件。",
     {"50件": "cases_filed", "32件": None, "18件": None}),
    ("全年查处违法案件50件，食品类和药品类分别为32件、18件。",
     {"50件": "cases_filed", "32件": None, "18件": None}),
    ("立案查处违法案件86件，涉及食品安全42件、特种设备12件。",
     {"86件": "cases_filed", "42件": None, "12件": None}),
    # brackets after the total (003: 结案99件（一般程序93件，简易程序6件）)
    ("办理行政复议案件35件（其中维持20件、撤销5件）。",
     {"35件": "reconsideration_cases", "20件": None, "5件": None}),
    ("查处案件120件（食品类32件、药品类18件）。",
     {"120件": "cases_filed", "32件": None, "18件": None}),
    ("罚没款234.5万元（其中罚款200万元）。", {"234.5万元": "fines_yuan", "200万元": None}),
    ("开展普法宣传活动36场次，发放宣传资料2.6万份（其中宪法读本5000份），受众1.8万人次。",
     {"36场次": "publicity_events", "2.6万份": "publicity_materials", "5000份": None,
      "1.8万人次": "people_reached"}),
    # the total closes one sentence, its breakdown opens the next
    ("全年共查处各类违法案件326件。其中，食品类125件，药品类48件。",
     {"326件": "cases_filed", "125件": None, "48件": None}),
    ("全年共查处各类违法案件326件，罚没款512万元。其中，食品类125件，罚没款200万元；药品类48件，罚没款80万元。",
     {"326件": "cases_filed", "512万元": "fines_yuan", "125件": None, "200万元": None,
      "48件": None, "80万元": None}),
    # a breakdown item counting another indicator keeps it (001: 4起，其中结案3起)
    ("查处违法案件105件，其中结案99件。", {"105件": "cases_filed", "99件": "cases_closed"}),
    ("共清理规范性文件86件，其中废止12件、宣布失效8件、保留66件。",
     {"86件": "normative_docs_cleaned", "12件": "normative_docs_repealed",
      "8件": "normative_docs_repealed", "66件": "normative_docs_retained"}),
    ("办理各类案件120件，其中行政复议案件35件、行政诉讼案件12件。",
     {"35件": "reconsideration_cases", "12件": "litigation_cases"}),
    ("全年共开展执法检查3200家次，其中双随机抽查1200家次。",
     {"3200家次": "inspections", "1200家次": "random_inspections"}),
    ("全年共受理医疗纠纷120件，其中调解成功96件。",
     {"120件": "medical_disputes", "96件": "mediation_cases"}),
    # a total that counts no indicator leaves its items theirs
    ("全局共有在编人员86人，其中执法人员62人。", {"86人": None, "62人": "enforcement_staff"}),
    ("全局共有干部职工120人，其中行政执法人员86人。", {"120人": None, "86人": "enforcement_staff"}),
    ("全年共收到各类申请312件，其中政府信息公开申请86件、行政复议申请23件。",
     {"86件": None, "23件": "reconsideration_cases"}),
    # a sequence of stages is not a breakdown: each stage is its own statement
    ("全年收到行政复议申请312件，受理286件，审结271件。",
     {"312件": "reconsideration_cases", "286件": None, "271件": None}),
    ("开展检查1200次，发现问题86个，整改到位80个。",
     {"1200次": "inspections", "86个": None, "80个": None}),
    ("一是查处违法案件50件；二是结案45件；三是罚款20万元。",
     {"50件": "cases_filed", "45件": "cases_closed", "20万元": "fines_yuan"}),
    ("案件办理方面，全年立案查处120件，结案115件。", {"120件": "cases_filed", "115件": "cases_closed"}),
    # 结案 closes the kind of case the sentence last named: reconsiderations or complaints are
    # not the violation cases of cases_closed
    ("全年行政复议案件收案36件，结案33件，其中维持25件，纠错率15.2%。",
     {"36件": "reconsideration_cases", "33件": None, "25件": None, "15.2%": None}),
    ("全年共受理劳动保障投诉举报案件1260件，结案1250件，结案率99.2%。",
     {"1260件": "complaints", "1250件": None, "99.2%": "resolution_rate"}),
    ("受理投诉举报120件，立案查处36件，结案30件。",
     {"120件": "complaints", "36件": "cases_filed", "30件": "cases_closed"}),
    ("从案件类型看，食品类125件，药品类48件。", {"125件": None, "48件": None}),
])
def test_total_and_breakdown(sentence, expected):
    found = indicators_of(sentence)
    assert {raw: found.get(raw, "missing") for raw in expected} == expected


@pytest.mark.parametrize("sentence, expected", [
    # a closing rate of enforcement cases is no dispute-resolution rate (001 监督完结率 is null)
    ("立案查处违法案件120件，结案115件，结案率95.8%。",
     {"120件": "cases_filed", "115件": "cases_closed", "95.8%": None}),
    ("立案查处120件，结案115件，结案率95.8%。", {"95.8%": None}),
    ("全年办理行政处罚案件120件，结案率100%。", {"120件": "cases_filed", "100%": None}),
    # ...while the rate of complaints, petitions, reconsiderations or disputes is one
    ("共收到投诉举报1200件，办结1180件，办结率98.3%。",
     {"1200件": "complaints", "1180件": None, "98.3%": "resolution_rate"}),
    ("全年受理行政复议申请86件，其中受理78件，审结72件，办结率92.3%。",
     {"86件": "reconsideration_cases", "92.3%": "resolution_rate"}),
    ("全年共调解矛盾纠纷1856件，其中医疗纠纷120件，调解成功率99.2%。",
     {"1856件": "mediation_cases", "99.2%": "resolution_rate"}),
    ("受理劳动人事争议仲裁案件520件，结案率96%。", {"520件": None, "96%": "resolution_rate"}),
    ("全年共调处各类矛盾纠纷2860件，调处成功2830件，调处成功率98.9%。",
     {"2860件": "mediation_cases", "98.9%": "resolution_rate"}),
])
def test_rates_beside_a_total(sentence, expected):
    found = indicators_of(sentence)
    assert {raw: found.get(raw, "missing") for raw in expected} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("全年新收行政复议案件、行政诉讼案件分别为12件、5件。",
     {"12件": "reconsideration_cases", "5件": "litigation_cases"}),
    ("全年行政复议案件、行政应诉案件分别为12件、5件。",
     {"12件": "reconsideration_cases", "5件": "litigation_cases"}),
    ("局党组会、局长办公会分别召开12次、24次。",
     {"12次": "decision_meetings", "24次": "decision_meetings"}),
    ("全年组织开展法治培训和普法活动分别为8场、20场。",
     {"8场": "training_sessions", "20场": "publicity_events"}),
    ("查处违法案件和罚没金额分别为120件、80万元。", {"120件": "cases_filed", "80万元": "fines_yuan"}),
    ("分别召开党组会12次、局长办公会24次。", {"12次": "decision_meetings", "24次": "decision_meetings"}),
    ("开展法治宣传进机关、进乡村、进社区、进学校、进企业活动分别为20场、35场、40场、18场、12场。",
     {"20场": "publicity_events", "35场": "publicity_events", "40场": "publicity_events",
      "18场": "publicity_events", "12场": "publicity_events"}),
    ("全年刑事、治安案件分别为120起、560起。", {"120起": "cases_filed", "560起": "cases_filed"}),
    ("市场监管局、公安局分别查处案件120件、86件。", {"120件": "cases_filed", "86件": "cases_filed"}),
    ("两个专项行动分别查处案件12件、5件。", {"两个专项行动": None, "12件": "cases_filed", "5件": "cases_filed"}),
    ("全年共办理行政复议和行政诉讼案件分别为12件和5件。",
     {"12件": "reconsideration_cases", "5件": "litigation_cases"}),
    ("全年共查处案件120件，罚没款80万元，分别同比增长12%、8%。",
     {"120件": "cases_filed", "80万元": "fines_yuan", "12%": None, "8%": None}),
])
def test_respective_list_names_each_figure_in_turn(sentence, expected):
    """"A、B分别为m、n": m counts A and n counts B; neither is a part of a total."""
    found = indicators_of(sentence)
    assert {raw: found.get(raw, "missing") for raw in expected} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("立案查处食品类案件32件、药品类案件18件，共计50件。",
     {"32件": None, "18件": None, "50件": "cases_filed"}),
    ("查处食品类违法案件32件、药品类违法案件18件，合计50件。",
     {"32件": None, "18件": None, "50件": "cases_filed"}),
    ("现有在编执法人员86人、协管员34人，共计120人。",
     {"86人": None, "34人": None, "120人": "enforcement_staff"}),
    ("全年共发放宣传资料2万份、宣传品5000份，合计2.5万份。",
     {"2万份": None, "5000份": None, "2.5万份": "publicity_materials"}),
    ("查处食品类案件32件、药品类案件18件，共查处违法案件50件。",
     {"32件": None, "18件": None, "50件": "cases_filed"}),
    # nothing names what is counted: no indicator anywhere
    ("食品类32件、药品类18件，共计50件。", {"32件": None, "18件": None, "50件": None}),
    # 累计 opening a new statement that is not the sum of the figures before it
    ("发放宣传资料2万份、宣传品5000份，累计发放折页3000份。",
     {"2万份": "publicity_materials", "5000份": "publicity_materials", "3000份": "publicity_materials"}),
])
def test_parts_before_their_total(sentence, expected):
    """"A m件、B n件，共计t件": the total takes the indicator, the parts before it are its breakdown."""
    found = indicators_of(sentence)
    assert {raw: found.get(raw, "missing") for raw in expected} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("全年受理信访事项460批次1280人次，其中集体访36批次。",
     {"460批次": "petitions", "1280人次": "petitions", "36批次": None}),
    ("全年受理群众来信来访120件360人次。", {"120件": "petitions", "360人次": "petitions"}),
])
def test_one_count_in_two_measures(sentence, expected):
    """"信访事项460批次1280人次": the second measure is named by the words before the first."""
    found = indicators_of(sentence)
    assert {raw: found.get(raw, "missing") for raw in expected} == expected
