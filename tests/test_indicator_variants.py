"""Indicators for reports from agencies other than the seeds' health commissions.

Sentences in the style of the 法治政府建设情况报告 / 述法报告 of 司法局, 市场监督管理局, 公安局,
生态环境局, 交通运输局, 人社局, 应急管理局, county governments and townships. Each case names
the figure (its raw text) and the indicator a reviewer following the codebook would give it,
or None where no indicator fits (CODEBOOK §4-5).
"""
from __future__ import annotations

import pytest

from app.core.figures import find_figures


def indicator_of(sentence: str, raw: str):
    figure = next((f for f in find_figures(sentence) if f.raw == raw), None)
    assert figure is not None, f"{raw} not found in {sentence}"
    return figure.indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    # enforcement
    ("全年共办理行政处罚案件326件，罚没款合计512.6万元。", "326件", "cases_filed"),
    ("全年共办理行政处罚案件326件，罚没款合计512.6万元。", "512.6万元", "fines_yuan"),
    ("2024年，全局共查办各类违法案件158件，罚没金额达236.8万元。", "158件", "cases_filed"),
    ("全年查处交通运输违法违规案件1256宗，处罚金额318万元。", "1256宗", "cases_filed"),
    ("全年下达环境行政处罚决定书86份，罚没金额1260万元。", "86份", "cases_filed"),
    ("没收违法所得12.8万元。", "12.8万元", "fines_yuan"),
    ("作出罚款决定12件。", "12件", "cases_filed"),
    ("审结行政处罚案件286件。", "286件", "cases_closed"),
    ("全年结案312件，结案率98.5%。", "312件", "cases_closed"),
    ("开展执法检查2310家次，查处违法行为126起。", "2310家次", "inspections"),
    ("开展执法检查2310家次，查处违法行为126起。", "126起", "cases_filed"),
    ("全年开展部门联合双随机抽查86次。", "86次", "random_inspections"),
    ("开展“双随机、一公开”监管，随机抽查市场主体1250户。", "1250户", "random_inspections"),
    ("下达责令限期整改指令书86份。", "86份", "rectification_notices"),
    ("全局现有行政执法人员186名，均持有行政执法证件。", "186名", "enforcement_staff"),
    # litigation
    ("全年收到行政复议申请23件，依法受理19件，审结17件。", "23件", "reconsideration_cases"),
    ("本局作为复议机关共办理案件18件。", "18件", "reconsideration_cases"),
    ("共办理行政应诉案件7件，败诉0件。", "7件", "litigation_cases"),
    ("本局被诉行政案件3件。", "3件", "litigation_cases"),
    ("负责人出庭率为100%。", "100%", "head_appearance_rate"),
    # rules and decisions
    ("以县政府办公室名义印发规范性文件7件。", "7件", "normative_docs_issued"),
    ("对6件规范性文件进行合法性审核，提出修改意见23条。", "6件", "normative_docs_reviewed"),
    ("对部门起草的规范性文件开展合法性审核32件次。", "32件次", "normative_docs_reviewed"),
    ("向县人大常委会报备规范性文件4件。", "4件", "normative_docs_filed"),
    ("共清理规范性文件86件，废止12件，宣布失效8件，保留66件。", "86件", "normative_docs_cleaned"),
    ("共清理规范性文件86件，废止12件，宣布失效8件，保留66件。", "8件", "normative_docs_repealed"),
    ("共清理规范性文件86件，废止12件，宣布失效8件，保留66件。", "66件", "normative_docs_retained"),
    ("目前现行有效的规范性文件27件。", "27件", "normative_docs_in_force"),
    ("修订完善执法制度8项。", "8项", "internal_rules"),
    ("全年开展重大行政执法决定法制审核112件。", "112件", "legality_reviews"),
    ("审查各类合同协议56份，审核重大行政决策事项12项。", "12项", "legality_reviews"),
    ("审查各类合同协议56份，审核重大行政决策事项12项。", "56份", "contracts_reviewed"),
    ("委党委召开会议40次。", "40次", "decision_meetings"),
    ("召开县委常委会会议24次。", "24次", "decision_meetings"),
    ("召开镇党政联席会议18次。", "18次", "decision_meetings"),
    ("全局现有公职律师5名，法律顾问3名。", "5名", "legal_advisors"),
    ("聘请专职律师2名。", "2名", "legal_advisors"),
    ("出具法律意见书36份。", "36份", "legal_opinions"),
    # study and training
    ("局党组理论学习中心组开展法治专题学习6次。", "6次", "study_sessions"),
    ("组织开展法治培训18场次，参训人员1500余人次。", "18场次", "training_sessions"),
    ("组织开展法治培训18场次，参训人员1500余人次。", "1500余人次", "training_participants"),
    ("组织劳动保障监察执法人员业务培训3期，培训120人次。", "120人次", "training_participants"),
    ("组织领导干部参加网上学法考试，参考率和合格率均达100%。", "100%", "exam_pass_rate"),
    # services
    ("梳理公布政务服务事项清单1268项。", "1268项", "service_items"),
    ("实现“一网通办”事项1120项。", "1120项", "service_items"),
    ("政务服务中心共受理办件8.6万件。", "8.6万件", "services_handled"),
    ("全年办理营业执照4200件。", "4200件", "services_handled"),
    ("核发排污许可证320张。", "320张", "services_handled"),
    # publicity
    ("开展“宪法宣传周”系列普法活动36场次，发放宣传资料2.6万份，受众1.8万人次。", "36场次", "publicity_events"),
    ("开展“宪法宣传周”系列普法活动36场次，发放宣传资料2.6万份，受众1.8万人次。", "1.8万人次", "people_reached"),
    ("开展“八五”普法宣传进企业、进社区活动120余场，覆盖群众3万余人次。", "3万余人次", "people_reached"),
    ("设置法治宣传栏28个。", "28个", "publicity_materials"),
    ("在政府门户网站发布法治信息152篇。", "152篇", "online_posts"),
    # disputes
    ("全年接到12345热线工单8620件，办结率99.6%。", "8620件", "complaints"),
    ("全年受理群众来信来访286件次，办结率98%。", "286件次", "petitions"),
    ("人民调解组织共调解各类矛盾纠纷1856件，调解成功率99.2%。", "1856件", "mediation_cases"),
    ("人民调解组织共调解各类矛盾纠纷1856件，调解成功率99.2%。", "99.2%", "resolution_rate"),
    ("行政复议案件办结率100%。", "100%", "resolution_rate"),
])
def test_indicator_of_a_figure_in_another_agencys_report(sentence, raw, indicator):
    assert indicator_of(sentence, raw) == indicator


@pytest.mark.parametrize("sentence, raw", [
    # economy, population, money spent: outside the indicator list
    ("全县户籍人口52.6万人，常住人口48.3万人。", "52.6万人"),
    ("全年地区生产总值完成386.5亿元，同比增长6.2%。", "386.5亿元"),
    ("城乡居民人均可支配收入3.2万元。", "3.2万元"),
    ("落实法治建设经费120万元，纳入年度财政预算。", "120万元"),
    ("为农民工追回欠薪3200万元。", "3200万元"),
    ("全年发生生产安全事故12起，死亡15人。", "12起"),
    ("全年出动执法人员12560人次，检查企业3826家次。", "12560人次"),
    # a cue word, but the count is of something else
    ("全县共有律师事务所12家、执业律师86名。", "12家"),
    ("全县共有律师事务所12家、执业律师86名。", "86名"),
    ("设立人民调解委员会216个，人民调解员1120名。", "216个"),
    ("受理劳动人事争议仲裁案件520件，结案率96%。", "520件"),
    ("全年办理法律援助案件1260件。", "1260件"),
    ("不予处罚案件56件，减轻处罚12件。", "56件"),
    ("全年申请法院强制执行案件12件。", "12件"),
    ("行政诉讼一审案件8件，二审案件2件。", "2件"),
    ("全年收到行政复议申请326件，受理298件，审结286件。", "298件"),
    ("行政机关负责人出庭应诉62件，出庭应诉率100%。", "62件"),
    ("经行政复议、行政诉讼被纠错案件2件。", "2件"),
    ("复议机关维持原行政行为12件。", "12件"),
    ("排查整治各类安全隐患860处。", "860处"),
    ("开展矛盾纠纷排查化解专项行动3次。", "3次"),
    ("迎接上级检查3次。", "3次"),
    ("取消证明事项8项。", "8项"),
    ("召开法治建设专题会议4次。", "4次"),
    ("建立法律服务微信群86个，覆盖群众3.2万人。", "86个"),
    ("在年度考核中，行政执法案卷评查合格率达95%。", "95%"),
    # welfare and vocational figures, as in the State Council work reports
    ("实施高职扩招和职业技能提升三年行动，累计扩招413万人、培训8300多万人次。", "8300多万人次"),
    ("全年组织职业技能培训班36期。", "36期"),
    ("向更多低收入群众发放价格补贴，约6700万人受益。", "6700万人"),
    ("住院和门诊费用实现跨省直接结算，惠及5700多万人次。", "5700多万人次"),
    ("多年来取消和下放行政许可事项1000多项。", "1000多项"),
])
def test_no_indicator_for_a_count_the_codebook_does_not_list(sentence, raw):
    assert indicator_of(sentence, raw) is None
