"""Five complete reports of other bodies, levels, years and file types, labelled by hand
per CODEBOOK.md, scored the way the dev-set gold is (run with -s to see the scores).

Each report is written to a file of its type (plain text with web chrome, HTML, .docx,
.mht, GBK text), read back through `read_report`, and extracted. Figures are located in
the stored text by `prefix + raw`; level-1 sections by the start of their title line.

Codebook-open cases kept as the extractor has them and not enforced here:
- the web page's info row between the title and the body (发布日期…分享到) and the body
  text after it: whether that is one boilerplate part and a second preamble is not settled;
- a township (镇) has no level of its own in CODEBOOK §2; the label says `county`, the
  lowest level listed, as the town belongs to the county named in its name.
"""
from __future__ import annotations

import email.message
from dataclasses import dataclass, field

import pytest

from app.core.extract import extract
from app.core.readers import read_report
from tests.gold_scoring import FigureScores, mismatches, score_figures


@dataclass
class Report:
    name: str
    suffix: str
    header: list[str]  # web-page chrome before the title
    body: list[str]  # title to signature date
    footer: list[str]  # web-page chrome after the date
    metadata: dict
    sections: list[tuple[str, str]]  # (start of a level-1 title, category)
    figures: list[tuple]  # (prefix, raw, value, unit, qualifier, indicator)
    encoding: str = "utf-8"
    newline: str = "\n"
    extra: dict = field(default_factory=dict)


PROVINCE_ENVIRONMENT_2022 = Report(
    name="province 生态环境厅 2022, .txt with page chrome",
    suffix=".txt",
    header=[
        "首页 > 政务公开 > 法治政府建设",
        "您现在的位置：首页 > 政务公开 > 法治政府建设",
        "【字体：大 中 小】 分享到：",
        "发布时间：2023-03-24 10:15 来源：湖南省生态环境厅",
    ],
    body=[
        "湖南省生态环境厅关于2022年法治政府建设情况的报告",
        "2022年，省生态环境厅坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
        "全面落实《法治政府建设实施纲要（2021—2025年）》，扎实推进生态环境领域法治政府建设。现将有关情况报告如下。",
        "一、2022年推进法治政府建设的主要举措和成效",
        "（一）加强学法用法。全年召开党组理论学习中心组法治专题学习4次，组织厅党组会前学法12次。"
        "举办全省生态环境执法培训班3期，培训执法人员1200余人次。组织全厅干部参加年度学法考试，参考率、合格率均达到100%。",
        "（二）完善制度体系。配合省人大常委会完成《湖南省大气污染防治条例》修订工作，制定出台规范性文件5件，"
        "均经合法性审查并报省司法厅备案，备案率100%。开展规范性文件专项清理，共清理规范性文件86件，废止9件，"
        "宣布失效4件，保留73件。修订完善内部管理制度15项。",
        "（三）严格规范公正文明执法。全面推行行政执法“三项制度”，全省各级生态环境部门共开展执法检查2.3万余家次，"
        "下达责令改正违法行为决定书486份，立案查处环境违法案件1732件，罚没款金额1.86亿元。"
        "组织“双随机、一公开”抽查，抽查污染源企业4260家。严格落实重大执法决定法制审核制度，法制审核重大执法决定213件。",
        "（四）依法化解矛盾纠纷。全年办理行政复议案件21件，其中维持15件；发生行政诉讼案件9件，"
        "厅主要负责人出庭应诉率100%。受理群众生态环境投诉举报6.8万件，办结率99.2%。",
        "（五）深入开展法治宣传教育。坚持“谁执法谁普法”，组织开展“六五”环境日、国家宪法日等主题宣传活动，推动生态环境法律法规进企业、进学校、进社区。以案释法，发布典型案例，持续营造知法守法的良好社会氛围。同时，深化生态环境损害赔偿制度改革，推进生态环境执法与司法衔接，建立健全联席会议、案件会商、信息共享等工作机制，形成打击环境违法犯罪的工作合力。",
        "二、主要负责人履行推进法治建设第一责任人职责情况",
        "厅主要负责同志认真履行推进法治建设第一责任人职责，全年主持召开厅党组会议研究法治工作6次，"
        "审定重大行政决策事项3项，带头讲授法治专题党课1次，推动各项法治工作任务落到实处。",
        "坚持把法治建设与业务工作同部署、同推进、同督促、同考核，将法治建设成效纳入年度绩效考核内容，对各处室、直属单位履行法治建设职责情况进行督促检查，推动形成一级抓一级、层层抓落实的工作格局。",
        "三、存在的不足和原因",
        "一是部分市州执法力量不足，基层执法人员中约30%未接受过系统的法律培训；二是普法宣传形式较为单一，"
        "针对企业的精准普法还不够。",
        "三是生态环境执法与刑事司法衔接机制还需完善，部门之间信息共享不够及时，案件移送标准有待进一步统一。产生这些问题的原因，主要是对法治建设的重要性认识还不够到位，法治工作力量配备与新形势新任务要求还有差距。",
        "四、2023年工作打算",
        "（一）深入学习宣传贯彻习近平法治思想，全年组织全系统法治培训不少于4期。",
        "（二）持续推进严格规范公正文明执法，开展“双随机”抽查不低于3000家，提升执法质效。",
        "（三）全面落实“谁执法谁普法”普法责任制，聚焦重点排污单位和第三方环保服务机构开展精准普法，推动生态环境法律法规进企业、进园区、进社区，营造全社会共同保护生态环境的良好氛围。",
        "湖南省生态环境厅",
        "2023年3月20日",
    ],
    footer=[
        "扫一扫在手机打开当前页",
        "【打印本页】 【关闭窗口】",
        "主办单位：湖南省生态环境厅 网站标识码：4300000038",
    ],
    metadata={
        "title": "湖南省生态环境厅关于2022年法治政府建设情况的报告",
        "agency": "湖南省生态环境厅", "region": "湖南省", "level": "province",
        "report_year": 2022, "publish_date": "2023-03-20", "doc_type": "situation_report",
    },
    sections=[
        ("首页 > 政务公开", "boilerplate"),
        ("湖南省生态环境厅关于2022年", "preamble"),
        ("一、2022年推进法治政府建设", "measures"),
        ("二、主要负责人履行", "responsibility"),
        ("三、存在的不足和原因", "problems"),
        ("四、2023年工作打算", "plans"),
        ("湖南省生态环境厅", "closing"),
        ("扫一扫在手机打开当前页", "boilerplate"),
    ],
    figures=[
        ("法治专题学习", "4次", 4, "次", "exact", "study_sessions"),
        ("会前学法", "12次", 12, "次", "exact", "study_sessions"),
        ("执法培训班", "3期", 3, "期", "exact", "training_sessions"),
        ("培训执法人员", "1200余人次", 1200, "人次", "more_than", "training_participants"),
        ("合格率均达到", "100%", 100, "%", "exact", "exam_pass_rate"),
        ("出台规范性文件", "5件", 5, "件", "exact", "normative_docs_issued"),
        ("备案率", "100%", 100, "%", "exact", None),
        ("共清理规范性文件", "86件", 86, "件", "exact", "normative_docs_cleaned"),
        ("废止", "9件", 9, "件", "exact", "normative_docs_repealed"),
        ("宣布失效", "4件", 4, "件", "exact", "normative_docs_repealed"),
        ("保留", "73件", 73, "件", "exact", "normative_docs_retained"),
        ("内部管理制度", "15项", 15, "项", "exact", "internal_rules"),
        ("执法检查", "2.3万余家次", 23000, "家次", "more_than", "inspections"),
        ("决定书", "486份", 486, "份", "exact", "rectification_notices"),
        ("环境违法案件", "1732件", 1732, "件", "exact", "cases_filed"),
        ("罚没款金额", "1.86亿元", 186000000, "元", "exact", "fines_yuan"),
        ("污染源企业", "4260家", 4260, "家", "exact", "random_inspections"),
        ("法制审核重大执法决定", "213件", 213, "件", "exact", "legality_reviews"),
        ("行政复议案件", "21件", 21, "件", "exact", "reconsideration_cases"),
        ("其中维持", "15件", 15, "件", "exact", None),
        ("行政诉讼案件", "9件", 9, "件", "exact", "litigation_cases"),
        ("出庭应诉率", "100%", 100, "%", "exact", "head_appearance_rate"),
        ("投诉举报", "6.8万件", 68000, "件", "exact", "complaints"),
        ("办结率", "99.2%", 99.2, "%", "exact", "resolution_rate"),
        ("研究法治工作", "6次", 6, "次", "exact", "decision_meetings"),
        ("重大行政决策事项", "3项", 3, "项", "exact", None),
        ("法治专题党课", "1次", 1, "次", "exact", None),
        ("约", "30%", 30, "%", "approx", None),
        ("法治培训不少于", "4期", 4, "期", "at_least", "training_sessions"),
        ("抽查不低于", "3000家", 3000, "家", "at_least", "random_inspections"),
    ],
)

DISTRICT_GOVERNMENT_2024 = Report(
    name="district 人民政府 2024, HTML page",
    suffix=".html",
    header=["您现在的位置：首页 > 政务公开 > 法治政府建设"],
    body=[
        "成都市武侯区人民政府关于2024年法治政府建设情况的报告",
        "发布日期：2025-03-31 来源：武侯区司法局 【字号：大 中 小】 分享到：",
        "2024年，武侯区在市委、市政府和区委的坚强领导下，坚持以习近平法治思想为引领，全面推进依法行政，"
        "紧紧围绕建设法治政府、服务型政府的目标，统筹推进科学立法、严格执法、公正司法、全民守法，"
        "持续深化法治政府示范创建，努力以法治之力护航区域经济社会高质量发展，"
        "法治政府建设取得新成效。现将有关情况报告如下：",
        "一、2024年法治政府建设主要举措和成效",
        "（一）健全依法行政制度体系。区政府常务会议会前学法11次，区政府党组理论学习中心组开展法治专题学习3次。"
        "全年区政府及区级部门制定行政规范性文件7件，经区司法局合法性审查规范性文件23件，"
        "向市政府和区人大常委会报备7件，报备率100%。",
        "（二）推进行政决策科学化民主化法治化。严格落实重大行政决策程序，全年作出重大行政决策事项5项，"
        "审查区政府合同、协议等186份，出具法律意见书42份。区政府聘请法律顾问9名，全区公职律师达到64名。",
        "（三）深化“放管服”改革。全区政务服务事项可网办率达到98.6%，梳理公布区级行政许可事项清单312项，"
        "全年政务服务中心办件量达42.7万件，“一件事一次办”办件1.2万余件。",
        "（四）严格规范公正文明执法。全区行政执法部门开展行政检查1.5万户次，办理行政处罚案件3568件，"
        "罚没款2365.4万元。深入推进综合行政执法改革，全区共有行政执法人员1126人。"
        "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，推行包容审慎监管，"
        "制定轻微违法行为不予行政处罚清单，推动执法规范化水平持续提升。",
        "（五）依法有效化解社会矛盾纠纷。全区受理行政复议申请134件，审结121件；行政应诉案件58件，"
        "行政机关负责人出庭应诉率100%。全区各级人民调解组织调解矛盾纠纷6532件，调解成功率98.7%。",
        "二、党政主要负责人履行推进法治建设第一责任人职责情况",
        "区委、区政府主要负责人切实履行推进法治建设第一责任人职责，全年主持召开区委常委会会议、"
        "区政府常务会议专题研究法治政府建设工作4次，带头开展年终述法。",
        "严格落实党政主要负责人年终述法制度，将述法情况纳入领导班子和领导干部年度考核，推动各街道、各部门主要负责人切实把法治建设摆在全局工作的重要位置，亲自部署重要工作、亲自过问重大问题、亲自协调重点环节、亲自督办重要任务，层层压实法治建设责任。",
        "坚持重大行政决策合法性审查全覆盖，未经合法性审查或者经审查不合法的，不得提交区政府常务会议讨论。高度重视行政复议和行政应诉工作，支持人民法院依法受理和审理行政案件，尊重并执行人民法院生效裁判，认真落实司法建议和检察建议，以实际行动带动全区各级领导干部做尊法学法守法用法的模范。",
        "三、存在的不足和原因",
        "（一）法治建设推进不够平衡。部分街道法治力量较为薄弱，专职法治工作人员不足。",
        "（二）行政执法规范化水平有待提升。全年行政复议纠错率为6.7%，部分执法案卷仍存在程序瑕疵。",
        "（三）法治宣传教育针对性不强。普法形式仍以传统方式为主，运用新媒体开展互动式、体验式普法还不够，面向新就业形态劳动者等群体的普法覆盖面有待扩大。产生上述问题的原因，既有基层法治队伍力量不足的客观因素，也有部分干部运用法治思维和法治方式推动工作的能力不够强的主观因素。",
        "四、2025年工作思路",
        "（一）强化法治能力建设。全年开展领导干部法治专题培训不少于2场。",
        "（二）深入实施“八五”普法规划，开展法治宣传活动200场以上。",
        "（三）持续优化法治化营商环境，深化包容审慎监管，全面推行轻微违法行为依法不予处罚清单制度，规范涉企行政检查，切实减轻企业负担，让法治成为武侯区高质量发展的坚实保障。",
        "成都市武侯区人民政府",
        "2025年3月28日",
    ],
    footer=["扫一扫在手机打开当前页", "【打印】 【关闭】"],
    metadata={
        "title": "成都市武侯区人民政府关于2024年法治政府建设情况的报告",
        "agency": "成都市武侯区人民政府", "region": "成都市武侯区", "level": "district",
        "report_year": 2024, "publish_date": "2025-03-28", "doc_type": "situation_report",
    },
    sections=[
        ("首页", "boilerplate"),  # the page's navigation link, first line of its chrome
        ("成都市武侯区人民政府关于2024年", "preamble"),
        ("一、2024年法治政府建设", "measures"),
        ("二、党政主要负责人", "responsibility"),
        ("三、存在的不足和原因", "problems"),
        ("四、2025年工作思路", "plans"),
        ("成都市武侯区人民政府", "closing"),
        ("扫一扫在手机打开当前页", "boilerplate"),
    ],
    figures=[
        ("会前学法", "11次", 11, "次", "exact", "study_sessions"),
        ("法治专题学习", "3次", 3, "次", "exact", "study_sessions"),
        ("制定行政规范性文件", "7件", 7, "件", "exact", "normative_docs_issued"),
        ("合法性审查规范性文件", "23件", 23, "件", "exact", "normative_docs_reviewed"),
        ("报备", "7件", 7, "件", "exact", "normative_docs_filed"),
        ("报备率", "100%", 100, "%", "exact", None),
        ("重大行政决策事项", "5项", 5, "项", "exact", None),
        ("协议等", "186份", 186, "份", "exact", "contracts_reviewed"),
        ("法律意见书", "42份", 42, "份", "exact", "legal_opinions"),
        ("法律顾问", "9名", 9, "名", "exact", "legal_advisors"),
        ("公职律师达到", "64名", 64, "名", "exact", "legal_advisors"),
        ("可网办率达到", "98.6%", 98.6, "%", "exact", None),
        ("事项清单", "312项", 312, "项", "exact", "service_items"),
        ("办件量达", "42.7万件", 427000, "件", "exact", "services_handled"),
        ("一次办”办件", "1.2万余件", 12000, "件", "more_than", "services_handled"),
        ("行政检查", "1.5万户次", 15000, "户次", "exact", "inspections"),
        ("行政处罚案件", "3568件", 3568, "件", "exact", "cases_filed"),
        ("罚没款", "2365.4万元", 23654000, "元", "exact", "fines_yuan"),
        ("行政执法人员", "1126人", 1126, "人", "exact", "enforcement_staff"),
        ("行政复议申请", "134件", 134, "件", "exact", "reconsideration_cases"),
        ("审结", "121件", 121, "件", "exact", None),
        ("行政应诉案件", "58件", 58, "件", "exact", "litigation_cases"),
        ("出庭应诉率", "100%", 100, "%", "exact", "head_appearance_rate"),
        ("调解矛盾纠纷", "6532件", 6532, "件", "exact", "mediation_cases"),
        ("调解成功率", "98.7%", 98.7, "%", "exact", "resolution_rate"),
        ("研究法治政府建设工作", "4次", 4, "次", "exact", "decision_meetings"),
        ("纠错率为", "6.7%", 6.7, "%", "exact", None),
        ("专题培训不少于", "2场", 2, "场", "at_least", "training_sessions"),
        ("法治宣传活动", "200场", 200, "场", "more_than", "publicity_events"),
    ],
)

COUNTY_MARKET_2023 = Report(
    name="county 市场监督管理局 2023, .docx",
    suffix=".docx",
    header=[],
    body=[
        "安吉县市场监督管理局关于2023年度法治政府建设工作情况的报告",
        "2023年，我局坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实习近平法治思想，"
        "围绕县委、县政府中心工作，全面推进市场监管领域法治建设，"
        "着力营造公平竞争的市场环境、安全放心的消费环境和稳定透明的法治化营商环境，"
        "为建设高水平法治安吉贡献市场监管力量。现将有关情况报告如下：",
        "一、2023年度法治政府建设工作开展情况",
        "（一）强化学法用法。局党组理论学习中心组开展习近平法治思想专题学习6次，举办市场监管执法业务培训8期，"
        "参训人员达620人次。全局56名执法人员参加行政执法资格考试，通过率为100%。",
        "（二）严格规范执法。全年共检查各类市场主体5862户次，开展“双随机、一公开”抽查320家，"
        "立案查处各类违法案件412件，结案398件，罚没款合计586.37万元。其中，食品安全案件156件，药品案件48件，"
        "特种设备案件23件。",
        "（三）优化营商环境。全县新设立各类市场主体8936户，办理登记注册业务2.1万件，"
        "“证照分离”改革涉企经营许可事项清单58项全部落实到位。",
        "深入推进公平竞争审查，对涉及市场主体经济活动的政策措施开展公平竞争审查，坚决清理妨碍统一市场和公平竞争的各种规定和做法。持续推进企业信用风险分类管理，将信用风险分类结果与“双随机、一公开”监管有机结合，对低风险企业合理降低抽查比例和频次，对高风险企业实施重点监管，做到无事不扰、无处不在。",
        "（四）化解消费纠纷。依托12315平台受理消费者投诉举报3215件，办结率100%，为消费者挽回经济损失138.6万元。",
        "（五）开展普法宣传。围绕“3·15”国际消费者权益日等节点开展宣传活动35场，发放宣传资料1.8万份，"
        "接受群众咨询2600余人次，在“安吉市场监管”公众号发布普法文章126篇。",
        "二、主要负责人履行推进法治建设第一责任人职责情况",
        "局主要负责人认真履行法治建设第一责任人职责，召开局党组会专题研究法治建设工作3次，"
        "对12件重大执法决定进行集体讨论。",
        "主要负责人坚持重大执法决定法制审核和集体讨论制度，对重大、复杂、疑难案件亲自研究、亲自把关，定期听取执法办案情况汇报，督促各科室、各基层市场监管所严格依法履职。坚持以上率下，带头学习宪法、行政处罚法、行政许可法等法律法规，带头在领导班子会议上讲法治课，推动全局形成尊法学法守法用法的良好氛围。",
        "同时，主要负责人坚持把法治建设纳入局年度重点工作，与业务工作同部署、同推进、同督促、同考核，在年度工作会议上对法治建设作出专门部署，定期研究解决执法办案中的重点难点问题，及时协调解决法治建设中遇到的人员、经费和装备保障等实际困难，确保各项法治工作任务落地见效。",
        "三、存在的问题",
        "（一）执法队伍专业化程度不高，全局持有法律职业资格证书的仅有7人。",
        "（二）部分基层所执法办案能力不足，案件办理质量有待提高。",
        "（三）普法宣传针对性有待加强。对新业态、新模式经营主体的普法宣传不够深入，部分经营者守法经营意识不强，违法行为时有发生。（四）信用监管手段运用不够充分，部门之间监管信息共享机制还需进一步健全完善。",
        "四、下一步工作打算",
        "（一）加强执法队伍建设，全年开展执法业务培训12期以上。",
        "（二）深化信用监管，持续优化法治化营商环境。",
        "（三）坚持包容审慎监管，落实轻微违法行为不予处罚、首违不罚等制度，推行说理式执法和柔性执法，做到宽严相济、法理相融，让执法既有力度又有温度。（四）深入落实“谁执法谁普法”普法责任制，聚焦食品、药品、特种设备等重点领域开展以案释法，不断提升市场主体依法经营意识和消费者依法维权能力。",
        "安吉县市场监督管理局",
        "2024年1月15日",
    ],
    footer=[],
    metadata={
        "title": "安吉县市场监督管理局关于2023年度法治政府建设工作情况的报告",
        "agency": "安吉县市场监督管理局", "region": "安吉县", "level": "county",
        "report_year": 2023, "publish_date": "2024-01-15", "doc_type": "situation_report",
    },
    sections=[
        ("安吉县市场监督管理局关于", "preamble"),
        ("一、2023年度法治政府建设", "measures"),
        ("二、主要负责人履行", "responsibility"),
        ("三、存在的问题", "problems"),
        ("四、下一步工作打算", "plans"),
        ("安吉县市场监督管理局", "closing"),
    ],
    figures=[
        ("专题学习", "6次", 6, "次", "exact", "study_sessions"),
        ("业务培训", "8期", 8, "期", "exact", "training_sessions"),
        ("参训人员达", "620人次", 620, "人次", "exact", "training_participants"),
        ("全局", "56名", 56, "名", "exact", "enforcement_staff"),
        ("通过率为", "100%", 100, "%", "exact", "exam_pass_rate"),
        ("市场主体", "5862户次", 5862, "户次", "exact", "inspections"),
        ("抽查", "320家", 320, "家", "exact", "random_inspections"),
        ("各类违法案件", "412件", 412, "件", "exact", "cases_filed"),
        ("结案", "398件", 398, "件", "exact", "cases_closed"),
        ("罚没款合计", "586.37万元", 5863700, "元", "exact", "fines_yuan"),
        ("食品安全案件", "156件", 156, "件", "exact", None),
        ("药品案件", "48件", 48, "件", "exact", None),
        ("特种设备案件", "23件", 23, "件", "exact", None),
        ("市场主体", "8936户", 8936, "户", "exact", None),
        ("登记注册业务", "2.1万件", 21000, "件", "exact", "services_handled"),
        ("事项清单", "58项", 58, "项", "exact", "service_items"),
        ("投诉举报", "3215件", 3215, "件", "exact", "complaints"),
        ("办结率", "100%", 100, "%", "exact", "resolution_rate"),
        ("经济损失", "138.6万元", 1386000, "元", "exact", None),
        ("宣传活动", "35场", 35, "场", "exact", "publicity_events"),
        ("宣传资料", "1.8万份", 18000, "份", "exact", "publicity_materials"),
        ("群众咨询", "2600余人次", 2600, "人次", "more_than", "people_reached"),
        ("普法文章", "126篇", 126, "篇", "exact", "online_posts"),
        ("法治建设工作", "3次", 3, "次", "exact", "decision_meetings"),
        ("对", "12件", 12, "件", "exact", None),
        ("仅有", "7人", 7, "人", "exact", None),
        ("业务培训", "12期", 12, "期", "more_than", "training_sessions"),
    ],
)

CITY_POLICE_2023 = Report(
    name="city 公安局 2023 述法报告 by the 局长, .mht",
    suffix=".mht",
    header=["当前位置：首页 > 警务公开 > 法治建设"],
    body=[
        "绵阳市公安局局长2023年度述法报告",
        "根据市委全面依法治市委员会办公室通知要求，现将本人2023年度履行推进法治建设第一责任人职责情况报告如下。"
        "一年来，本人坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
        "认真落实党政主要负责人履行推进法治建设第一责任人职责规定，坚持党对公安工作的绝对领导，"
        "以执法规范化建设为主线，全面推进法治公安建设，公安机关执法质量和执法公信力持续提升。",
        "一、履行推进法治建设第一责任人职责情况",
        "（一）带头学法尊法。全年主持局党委理论学习中心组法治专题学习5次，组织党委会会前学法10次，"
        "为全局民警讲授法治课2次。",
        "（二）坚持依法决策。全年主持召开局党委会议32次，研究重大事项136项，均经法制部门合法性审核。",
        "（三）狠抓执法监督。坚持把执法监督作为推进法治公安建设的重要抓手，定期听取法制部门执法质量分析报告，对执法突出问题亲自研究整改措施，对群众反映强烈的执法问题亲自督办，推动执法监督由事后监督向全流程监督转变。",
        "（四）坚持以上率下。严格落实领导干部干预司法活动、插手具体案件处理记录报告制度，教育引导全局领导干部不干预、不插手具体执法办案活动，带头做到依法办事、秉公执法，在全局营造了风清气正的执法环境。",
        "坚持重大决策事项合法性审核全覆盖，凡涉及群众切身利益的重大事项，一律经法制部门审核、集体研究后再作决定。",
        "二、推进法治公安建设工作成效",
        "（一）深化执法规范化建设。全市公安机关共受理刑事案件8632起、治安案件2.4万起，查处治安案件1.96万起。"
        "组织执法培训班16期，培训民警3200余人次，全市4850名民警参加高级执法资格考试，通过率96.5%。",
        "（二）强化执法监督。开展执法质量考评，抽查执法案卷1260卷，发现并整改问题315个，"
        "向办案单位下发执法监督通知书48份。"
        "深化受立案制度改革，全面落实案件“统一审核、统一出口”工作机制，对刑事案件和行政案件实行全流程监督管理，"
        "严防有案不立、不破不立、立而不侦等问题，切实维护人民群众合法权益。",
        "（三）做好行政复议和应诉。全年办理行政复议案件87件，行政诉讼案件41件，本人出庭应诉3次，"
        "负责人出庭应诉率100%。",
        "（四）深入开展普法宣传。开展“法律进社区”等宣传活动420余场，发放反诈宣传资料36万份，"
        "覆盖群众80余万人次；在“平安绵阳”微信公众号发布普法短视频210条。",
        "（五）优化公安政务服务。深化公安“放管服”改革，全面推行户籍、出入境、交管等高频事项“一网通办”，持续推进“互联网+公安政务服务”，群众办事便捷度和满意度进一步提升。",
        "三、存在的不足",
        "一是少数民警法治意识仍需增强，全年被行政复议撤销或确认违法的案件5件；二是执法监督信息化水平还不够高。",
        "三是执法办案管理中心建设还不够均衡，部分县级公安机关办案场所功能不全，执法全流程记录还有短板。究其原因，主要是本人对法治建设的督促检查还不够经常，对基层执法规范化建设的指导还不够深入细致。",
        "四、下一步工作打算",
        "（一）持续抓好教育培训，全年组织全警执法培训不少于10期。",
        "（二）推进执法办案管理中心建设，2024年底前建成县级执法办案管理中心9个。",
        "（三）深化执法监督管理机制改革，推动执法监督与纪检监察、督察审计等各类监督贯通协调，强化对执法办案全过程的监督制约，坚决防止和纠正有案不立、违规插手经济纠纷等执法突出问题。（四）落实“谁执法谁普法”普法责任制，创新以案释法形式，增强全民反诈意识和法治观念。",
        "绵阳市公安局局长 张明",
        "2024年2月6日",
    ],
    footer=["【打印本页】 【关闭窗口】"],
    metadata={
        "title": "绵阳市公安局局长2023年度述法报告",
        "agency": "绵阳市公安局", "region": "绵阳市", "level": "city",
        "report_year": 2023, "publish_date": "2024-02-06", "doc_type": "accountability_report",
    },
    sections=[
        ("首页", "boilerplate"),
        ("绵阳市公安局局长2023年度述法报告", "preamble"),
        ("一、履行推进法治建设第一责任人", "responsibility"),
        ("二、推进法治公安建设工作成效", "measures"),
        ("三、存在的不足", "problems"),
        ("四、下一步工作打算", "plans"),
        ("绵阳市公安局局长 张明", "closing"),
        ("【打印本页】", "boilerplate"),
    ],
    figures=[
        ("法治专题学习", "5次", 5, "次", "exact", "study_sessions"),
        ("会前学法", "10次", 10, "次", "exact", "study_sessions"),
        ("讲授法治课", "2次", 2, "次", "exact", None),
        ("局党委会议", "32次", 32, "次", "exact", "decision_meetings"),
        ("研究重大事项", "136项", 136, "项", "exact", None),
        ("受理刑事案件", "8632起", 8632, "起", "exact", "cases_filed"),
        ("、治安案件", "2.4万起", 24000, "起", "exact", "cases_filed"),
        ("查处治安案件", "1.96万起", 19600, "起", "exact", "cases_filed"),
        ("执法培训班", "16期", 16, "期", "exact", "training_sessions"),
        ("培训民警", "3200余人次", 3200, "人次", "more_than", "training_participants"),
        ("全市", "4850名", 4850, "名", "exact", None),
        ("通过率", "96.5%", 96.5, "%", "exact", "exam_pass_rate"),
        ("执法案卷", "1260卷", 1260, "卷", "exact", None),
        ("整改问题", "315个", 315, "个", "exact", None),
        ("执法监督通知书", "48份", 48, "份", "exact", "rectification_notices"),
        ("行政复议案件", "87件", 87, "件", "exact", "reconsideration_cases"),
        ("行政诉讼案件", "41件", 41, "件", "exact", "litigation_cases"),
        ("本人出庭应诉", "3次", 3, "次", "exact", None),
        ("出庭应诉率", "100%", 100, "%", "exact", "head_appearance_rate"),
        ("宣传活动", "420余场", 420, "场", "more_than", "publicity_events"),
        ("反诈宣传资料", "36万份", 360000, "份", "exact", "publicity_materials"),
        ("覆盖群众", "80余万人次", 800000, "人次", "more_than", "people_reached"),
        ("普法短视频", "210条", 210, "条", "exact", "online_posts"),
        ("确认违法的案件", "5件", 5, "件", "exact", None),
        ("执法培训不少于", "10期", 10, "期", "at_least", "training_sessions"),
        ("执法办案管理中心", "9个", 9, "个", "exact", None),
    ],
)

TOWNSHIP_GOVERNMENT_2024 = Report(
    name="township 人民政府 2024, GBK .txt",
    suffix=".txt",
    header=[],
    body=[
        "石门县新关镇人民政府关于2024年度法治政府建设工作的报告",
        "县委全面依法治县委员会办公室：",
        "2024年，新关镇在县委、县政府的正确领导下，深入学习贯彻习近平法治思想，扎实推进法治政府建设各项工作。"
        "我镇始终坚持把法治建设作为推进基层治理现代化的重要抓手，不断健全依法决策机制，规范综合行政执法，"
        "深化法治宣传教育，推动基层社会治理法治化水平不断提升，为全镇经济社会发展营造了良好的法治环境。"
        "现将有关情况报告如下：",
        "一、2024年度法治政府建设主要工作及成效",
        "（一）抓实学法用法。镇党委理论学习中心组开展法治专题学习4次，镇政府常务会议会前学法8次。"
        "组织镇村干部法治培训2场，参训干部150人次。",
        "（二）规范依法决策。严格执行“三重一大”集体决策制度，全年召开党委会23次、镇长办公会12次，"
        "集体研究重大事项67项。镇政府聘请法律顾问1名，审查各类合同45份。",
        "（三）加强综合执法。镇综合行政执法队现有执法人员12名，全年开展巡查检查860余户次，"
        "查处违法建设、占道经营等案件37件，拆除违法建筑2100平方米。",
        "（四）化解矛盾纠纷。全镇18个村（社区）均建立人民调解委员会，全年排查化解矛盾纠纷156件，"
        "调解成功率97.4%；受理群众信访事项21件，按期办结率100%。",
        "（五）深化普法宣传。深入落实“八五”普法规划，开展“法律明白人”培训3期，组织法治宣传进村入户活动26场，"
        "发放宣传资料5000余份，悬挂横幅40条。",
        "（六）推进村级法治建设。以民主法治示范村创建为抓手，指导各村（社区）依法修订完善村规民约、居民公约，规范村务公开和民主管理，推动“一村一法律顾问”工作常态化开展，法律顾问定期到村开展法律咨询和矛盾纠纷调处，为群众提供便捷高效的公共法律服务，基层群众依法办事、遇事找法的意识明显增强。",
        "二、主要负责人履行推进法治建设第一责任人职责情况",
        "镇党委书记、镇长切实履行推进法治建设第一责任人职责，亲自部署、亲自过问法治建设重要工作，"
        "全年专题听取法治建设工作汇报2次，带头接访群众30余人次。",
        "坚持把法治建设纳入全镇经济社会发展总体规划和年度工作要点，与经济社会发展同部署、同推进、同督促、同考核。将村（社区）法治建设情况纳入年度综合考评内容，推动村“两委”干部带头学法守法用法，对镇村重大事项坚持依法决策、民主决策，确保各项工作在法治轨道上运行。",
        "坚持把法治教育纳入镇党委中心组学习和干部教育培训的重要内容，带头学习宪法、民法典、土地管理法等与基层工作密切相关的法律法规，在征地拆迁、项目建设、环境整治等重点工作中严格依法依规办事，主动接受人大监督、民主监督和群众监督，切实做到重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。",
        "三、存在的不足",
        "（一）部分村干部依法办事意识有待提升，运用法治思维解决问题的能力不强。",
        "（二）法治宣传覆盖不够全面，偏远村组群众法律意识仍较淡薄。",
        "（三）综合行政执法力量相对薄弱，执法人员专业素质参差不齐，执法装备保障还不到位，规范执法水平与群众期盼还有差距。产生上述问题的主要原因，是镇村干部对法治建设重要性的认识还不够深刻，法治建设投入不足，工作力量配备与任务要求还不相适应。",
        "四、2025年工作计划",
        "（一）全年开展法治宣传活动不少于30场。",
        "（二）推进综合行政执法规范化建设，组织执法人员培训两次。",
        "（三）深入推进“法律明白人”培养工程和民主法治示范村创建，健全村级公共法律服务网络，推动法律服务向村组延伸。（四）坚持和发展新时代“枫桥经验”，完善矛盾纠纷多元化解机制，努力做到小事不出村、大事不出镇、矛盾不上交。",
        "石门县新关镇人民政府",
        "2025年1月10日",
    ],
    footer=[],
    metadata={
        "title": "石门县新关镇人民政府关于2024年度法治政府建设工作的报告",
        "agency": "石门县新关镇人民政府", "region": "石门县新关镇", "level": "county",
        "report_year": 2024, "publish_date": "2025-01-10", "doc_type": "situation_report",
    },
    sections=[
        ("石门县新关镇人民政府关于", "preamble"),
        ("一、2024年度法治政府建设", "measures"),
        ("二、主要负责人履行", "responsibility"),
        ("三、存在的不足", "problems"),
        ("四、2025年工作计划", "plans"),
        ("石门县新关镇人民政府", "closing"),
    ],
    figures=[
        ("法治专题学习", "4次", 4, "次", "exact", "study_sessions"),
        ("会前学法", "8次", 8, "次", "exact", "study_sessions"),
        ("法治培训", "2场", 2, "场", "exact", "training_sessions"),
        ("参训干部", "150人次", 150, "人次", "exact", "training_participants"),
        ("党委会", "23次", 23, "次", "exact", "decision_meetings"),
        ("镇长办公会", "12次", 12, "次", "exact", "decision_meetings"),
        ("重大事项", "67项", 67, "项", "exact", None),
        ("法律顾问", "1名", 1, "名", "exact", "legal_advisors"),
        ("各类合同", "45份", 45, "份", "exact", "contracts_reviewed"),
        ("执法人员", "12名", 12, "名", "exact", "enforcement_staff"),
        ("巡查检查", "860余户次", 860, "户次", "more_than", "inspections"),
        ("等案件", "37件", 37, "件", "exact", "cases_filed"),
        ("违法建筑", "2100平方米", 2100, "平方米", "exact", None),
        ("全镇", "18个村", 18, "个", "exact", None),
        ("化解矛盾纠纷", "156件", 156, "件", "exact", None),
        ("调解成功率", "97.4%", 97.4, "%", "exact", "resolution_rate"),
        ("信访事项", "21件", 21, "件", "exact", "petitions"),
        ("按期办结率", "100%", 100, "%", "exact", "resolution_rate"),
        ("明白人”培训", "3期", 3, "期", "exact", "training_sessions"),
        ("入户活动", "26场", 26, "场", "exact", "publicity_events"),
        ("宣传资料", "5000余份", 5000, "份", "more_than", "publicity_materials"),
        ("横幅", "40条", 40, "条", "exact", "publicity_materials"),
        ("工作汇报", "2次", 2, "次", "exact", None),
        ("接访群众", "30余人次", 30, "人次", "more_than", None),
        ("宣传活动不少于", "30场", 30, "场", "at_least", "publicity_events"),
        ("执法人员培训", "两次", 2, "次", "exact", "training_sessions"),
    ],
    encoding="gbk",
    newline="\r\n",
)

REPORTS = [PROVINCE_ENVIRONMENT_2022, DISTRICT_GOVERNMENT_2024, COUNTY_MARKET_2023,
           CITY_POLICE_2023, TOWNSHIP_GOVERNMENT_2024]


def _html(report: Report) -> str:
    chrome = "".join(f"<div class=\"crumb\">{line}</div>" for line in report.header)
    title, *rest = report.body
    paragraphs = []
    for line in rest:
        if line[:2] in ("一、", "二、", "三、", "四、"):
            paragraphs.append(f"<p><strong>{line}</strong></p>")
        else:
            paragraphs.append(f"<p style=\"text-indent:2em\">{line}</p>")
    footer = "".join(f"<div class=\"tools\">{line}</div>" for line in report.footer)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<script>var pageId = 20250331;</script></head><body>"
            f"<div class=\"nav\"><a href=\"/\">首页</a></div>{chrome}"
            f"<div class=\"article\"><h1>{title}</h1>\n{''.join(paragraphs)}</div>{footer}</body></html>")


def _write(report: Report, folder) -> "Path":
    path = folder / f"report{report.suffix}"
    if report.suffix == ".docx":
        import docx
        document = docx.Document()
        for line in report.body:
            document.add_paragraph(line)
        document.save(str(path))
    elif report.suffix == ".html":
        path.write_text(_html(report), encoding="utf-8")
    elif report.suffix == ".mht":
        archive = email.message.EmailMessage()
        archive["Subject"] = report.body[0]
        archive["MIME-Version"] = "1.0"
        archive.set_content(_html(report), subtype="html", charset="utf-8", cte="quoted-printable")
        archive.make_related()
        path.write_bytes(archive.as_bytes())
    else:
        lines = report.header + report.body + report.footer
        path.write_bytes(report.newline.join(lines).encode(report.encoding))
    return path


def _gold_figures(text: str, report: Report) -> list[dict]:
    gold, taken = [], set()
    for prefix, raw, value, unit, qualifier, indicator in report.figures:
        anchor = prefix + raw
        start = text.find(anchor)
        # the same anchor twice in a report: take the next occurrence not yet labelled
        while start in taken and start >= 0:
            start = text.find(anchor, start + 1)
        assert start >= 0, f"{anchor!r} not in the stored text"
        taken.add(start)
        start += len(prefix)
        gold.append({"start": start, "end": start + len(raw), "raw": raw, "value": value,
                     "unit": unit, "qualifier": qualifier, "indicator": indicator})
    return gold


def _section_scores(extraction, report: Report) -> tuple[float, float, list[str]]:
    level1 = [s for s in extraction.sections if s.level == 1]
    found = right = 0
    misses, used = [], set()
    for prefix, category in report.sections:
        hit = next((s for s in level1 if id(s) not in used and s.title.startswith(prefix)), None)
        if hit is None:
            misses.append(f"  section missing: {prefix!r} ({category})")
            continue
        used.add(id(hit))
        found += 1
        right += hit.category == category
        if hit.category != category:
            misses.append(f"  section {prefix!r}: category {hit.category!r}, expected {category!r}")
    return found / len(report.sections), right / max(found, 1), misses


def _metadata_score(extraction, report: Report) -> tuple[float, list[str]]:
    got = extraction.metadata.to_dict()
    misses = [f"  metadata {k}: {got[k]!r} != {v!r}" for k, v in report.metadata.items() if got[k] != v]
    return 1 - len(misses) / len(report.metadata), misses


@pytest.mark.parametrize("report", REPORTS, ids=[r.name for r in REPORTS])
def test_full_report_matches_its_hand_labels(report, tmp_path):
    _, decoded = read_report(_write(report, tmp_path))
    text = decoded.text
    assert 1500 <= len(text) <= 3200
    extraction = extract(text)
    gold = _gold_figures(text, report)
    predicted = [f.to_dict() for f in extraction.figures]
    scores: FigureScores = score_figures(gold, predicted)
    recall, categories, section_misses = _section_scores(extraction, report)
    metadata, metadata_misses = _metadata_score(extraction, report)
    print(f"\n{report.name}: {scores.summary()}")
    print(f"  level-1 sections {recall:.3f}, categories {categories:.3f}, metadata {metadata:.3f}")
    print(*mismatches(gold, predicted), *section_misses, *metadata_misses, sep="\n")
    assert scores.f1 >= 0.98
    assert scores.value_accuracy >= 0.98 and scores.unit_accuracy >= 0.98
    assert scores.indicator_precision >= 0.90 and scores.indicator_recall >= 0.90
    assert recall >= 0.95 and categories >= 0.95
    assert metadata >= 0.90


# The general rules the audit added, on their own.

@pytest.mark.parametrize("signature", ["绵阳市公安局局长 张明", "绵阳市公安局局长：张明",
                                       "绵阳市公安局党组书记、局长张明"])
def test_a_head_signing_by_role_and_name_starts_the_closing(signature):
    text = "某局局长2023年度述法报告\n一、履行职责情况\n带头学法。\n" + signature + "\n2024年2月6日\n"
    closing = [s for s in extract(text).sections if s.category == "closing"]
    assert [s.title for s in closing] == [signature]


@pytest.mark.parametrize("agency, region, level", [
    ("石门县新关镇人民政府", "石门县新关镇", "county"),
    ("成都市武侯区玉林街道办事处", "成都市武侯区玉林街道", "district"),
    ("石门县住房和城乡建设局", "石门县", "county"),
    ("石门县乡村振兴局", "石门县", "county"),
])
def test_a_town_is_part_of_the_region_and_keeps_its_county_level(agency, region, level):
    metadata = extract(f"{agency}关于2024年法治政府建设情况的报告\n一、主要举措\n正文。\n").metadata
    assert (metadata.region, metadata.level) == (region, level)
