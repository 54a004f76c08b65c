"""Outline variants seen across agencies, places and page layouts: heading markers, lists that
are not headings, category wordings of both report templates, and the end of the page."""
from __future__ import annotations

import pytest

from app.core.sections import category_of, find_sections

BODY = (
    "某县卫生健康局2023年度法治政府建设情况报告\n"
    "一、主要工作\n全年办理案件12件。\n"
    "二、存在的问题\n执法不规范。\n"
    "三、下一步工作打算\n继续努力。\n"
)
BODY_OUTLINE = [
    (1, "preamble", "某县卫生健康局"),
    (1, "measures", "一、主要工作"),
    (1, "problems", "二、存在的问题"),
    (1, "plans", "三、下一步工作"),
]


def level1(text: str, width: int = 7) -> list[tuple[int, str, str]]:
    return [(s.level, s.category, s.title[:width]) for s in find_sections(text) if s.level == 1]


def parts(text: str) -> list[tuple[str, str]]:
    """(category, title) of the unheaded parts after the last heading."""
    sections = [s for s in find_sections(text) if s.level == 1]
    return [(s.category, s.title) for s in sections[len(BODY_OUTLINE):]]


def test_headings_wrapped_in_lenticular_brackets():
    text = (
        "某县司法局关于2023年度法治政府建设情况的报告\n"
        "【一、主要工作举措及成效】\n全年办理案件12件。\n"
        "【二、存在的问题】\n执法力量不足。\n"
        "【三、下一步工作计划】\n继续努力。\n"
        "某县司法局\n2024年1月10日\n"
    )
    assert level1(text) == [
        (1, "preamble", "某县司法局关于"),
        (1, "measures", "【一、主要工作"),
        (1, "problems", "【二、存在的问"),
        (1, "plans", "【三、下一步工"),
        (1, "closing", "某县司法局"),
    ]


def test_ordinal_headings_without_a_plain_numbered_outline():
    text = (
        "某区应急管理局2023年法治政府建设年度报告\n"
        "第一、主要工作\n今年以来，我局坚持依法行政。\n"
        "第二、存在问题\n执法人员不足。\n"
        "第三、下一步工作打算\n加强队伍建设。\n"
        "某区应急管理局\n2024年3月1日\n"
    )
    assert level1(text) == [
        (1, "preamble", "某区应急管理局"),
        (1, "measures", "第一、主要工作"),
        (1, "problems", "第二、存在问题"),
        (1, "plans", "第三、下一步工"),
        (1, "closing", "某区应急管理局"),
    ]


def test_headings_whose_mark_became_a_space():
    # PDF and Word conversions turn 一、 into 一 plus a space (or an ideographic space)
    text = BODY.replace("一、", "一 ").replace("二、", "二\u3000").replace("三、", "三 ")
    assert [(lv, cat) for lv, cat, _ in level1(text)] == [(lv, cat) for lv, cat, _ in BODY_OUTLINE]
    # a mixed outline: one heading kept its 、
    assert [cat for _, cat, _ in level1(BODY.replace("二、", "二 "))] == [c for _, c, _ in BODY_OUTLINE]


def test_a_numeral_and_a_space_in_a_sentence_opens_no_heading():
    text = BODY + "一 是加强学习，二是完善制度，全年办理案件12件，推进依法行政工作落实落细。\n"
    assert level1(text) == BODY_OUTLINE


def test_numbered_list_lines_inside_a_section_are_not_headings():
    restarted = (
        "某县卫生健康局局长张三2023年度述法报告\n"
        "一、学法用法情况\n全年学法6次。\n"
        "二、存在的不足\n一、学习不够系统深入。\n二、依法决策水平有待提高。\n三、普法形式单一。\n"
        "三、下一步打算\n一、加强学习。\n二、规范决策。\n"
        "某县卫生健康局\n2024年1月15日\n"
    )
    assert level1(restarted) == [
        (1, "preamble", "某县卫生健康局"),
        (1, "measures", "一、学法用法情"),
        (1, "problems", "二、存在的不足"),
        (1, "plans", "三、下一步打算"),
        (1, "closing", "某县卫生健康局"),
    ]
    quoted_tasks = (
        "某县卫生健康局2023年度法治政府建设情况报告\n"
        "一、主要工作\n根据《关于进一步加强法治建设的意见》，主要任务有：\n"
        "一、完善制度；\n二、规范执法；\n三、强化监督。\n"
        "二、存在的问题\n执法力量薄弱。\n"
        "三、下一步打算\n继续努力。\n"
        "某县卫生健康局\n2024年1月15日\n"
    )
    assert [t for _, _, t in level1(quoted_tasks)][1:4] == ["一、主要工作", "二、存在的问题", "三、下一步打算"]


def test_an_enumeration_of_numerals_is_not_a_heading():
    text = (
        "某县卫生健康局2023年度法治政府建设情况报告\n"
        "一、主要工作\n一、二、三级医院全部建立法律顾问制度。\n"
        "二、存在的问题\n三、下一步打算\n"
    )
    assert [t for _, _, t in level1(text, 20)][1:] == ["一、主要工作", "二、存在的问题", "三、下一步打算"]


@pytest.mark.parametrize("heading, category", [
    ("五、其它事项", "other"),
    ("五、其他说明", "other"),
    ("五、需要说明的其他问题", "other"),
    ("五、意见和建议", "other"),
    ("三、需要改进的方面", "problems"),
    ("三、工作中的差距", "problems"),
    ("三、对照检查发现的问题", "problems"),
    ("四、下阶段工作", "plans"),
    ("四、明年工作重点", "plans"),
    ("四、整改措施", "plans"),
    ("四、整改方向和措施", "plans"),
    ("二、落实法治建设责任制情况", "responsibility"),
    # 述法报告: what the head did to study and decide by law is work done, not the duty itself.
    ("一、学法用法情况", "measures"),
    ("二、依法决策情况", "measures"),
    ("三、整改落实情况", "measures"),
    ("一、着力解决群众反映强烈的突出问题", "measures"),
])
def test_heading_wordings_of_both_templates(heading, category):
    assert category_of(heading) == category


@pytest.mark.parametrize("signature", [
    "中共某县卫生健康局党组\n2024年3月1日\n",
    "某县卫生健康局（盖章）\n2024年3月1日\n",
])
def test_party_and_stamped_signatures_open_the_closing(signature):
    assert parts(BODY + signature) == [("closing", signature.split("\n")[0])]


def test_undated_signature_above_distribution_lines():
    text = BODY + "某县卫生健康局\n抄送：县委依法治县办。\n某县卫生健康局办公室 2024年3月1日印发\n"
    assert parts(text) == [("closing", "某县卫生健康局")]
    notes = BODY + "某县卫生健康局\n此件公开发布\n联系人：王五，联系电话：0123-4567890\n"
    assert parts(notes) == [("closing", "某县卫生健康局")]


def test_page_footer_after_the_signature_is_boilerplate():
    text = BODY + (
        "某县卫生健康局\n2024年3月1日\n"
        "（责任编辑：张三）\n阅读：1234\n[ 打印 ] [ 关闭 ]\n保护视力色：\n【收藏本页】\n【字号 大 中 小】\n"
    )
    assert parts(text) == [("closing", "某县卫生健康局"), ("boilerplate", "（责任编辑：张三）")]


def test_related_links_are_not_the_signature():
    text = BODY + (
        "某县卫生健康局\n2024年3月1日\n"
        "附件下载：\n2023年法治政府建设情况报告.pdf\n相关链接：\n某市人民政府\n某县人民政府\n"
    )
    assert parts(text) == [("closing", "某县卫生健康局"), ("boilerplate", "附件下载：")]


def test_attachments_under_the_signature_stay_in_the_closing():
    undated = BODY + "某县卫生健康局\n附件：1.行政执法统计表\n2.规范性文件目录\n"
    assert parts(undated) == [("closing", "某县卫生健康局")]
    outline = "".join(f"{n}、第{n}类数据\n1.事项12件\n" for n in "一二三四五六七八九十")
    long_table = BODY + "某县卫生健康局\n2024年3月1日\n（此件公开发布）\n附件1\n2023年行政执法数据统计表\n" + outline
    assert level1(long_table) == [*BODY_OUTLINE, (1, "closing", "某县卫生健康局")]


def test_level2_headings_that_lost_their_opening_continue_the_numbers():
    text = ("某市市场监督管理局2024年法治政府建设情况报告\n"
            "一、主要举措\n"
            "（一）强化抽检。全年完成食品抽检1200批次。\n"
            "（二）畅通投诉举报。受理投诉举报860件。\n"
            "）加强执法。查处案件95件。\n"
            "）深化普法。开展宣传活动20场。\n"
            "二、存在的问题\n"
            "执法人员不足，部分案件（含移送\n"
            "）办理周期较长。\n")
    level2 = [(s.level, s.title[:5]) for s in find_sections(text) if s.level == 2]
    # the ")" lines after (二) are (三) and (四); a ")" that ends a wrapped line is text
    assert level2 == [(2, "（一）强化"), (2, "（二）畅通"), (2, "）加强执法"), (2, "）深化普法")]


def test_index_rows_with_spaced_keys_and_the_title_under_a_title_key():
    text = ("索\u2002引\u2002号:\n"
            "时  效:\n"
            "名  称:\n"
            "某区人力资源和社会保障局2024年度法治政府建设情况报告\n"
            "发布时间:2025-01-20 09:00\n"
            "一、主要举措\n"
            "全年受理劳动仲裁案件320件。\n")
    outline = [(s.category, s.title[:4]) for s in find_sections(text) if s.level == 1]
    assert outline == [("boilerplate", "索\u2002引\u2002"), ("preamble", "某区人力"),
                       ("boilerplate", "发布时间"), ("measures", "一、主要")]
