"""Report outlines: numbered headings, their categories, and the unheaded parts around them."""
from __future__ import annotations

import pytest

from app.core.sections import category_of, find_sections, heading_end
from tests.conftest import DATA

WEB_PAGE = """您现在的位置：首页 > 信息公开 > 法治政府建设
南京市司法局2023年法治政府建设年度报告
发布时间：2024-03-28 10:15  来源：南京市司法局  浏览次数：1234
【字体：大 中 小】 【打印】 【关闭】
2023年，市司法局在市委、市政府的坚强领导下，现将有关情况报告如下：
一、2023年推进法治政府建设的主要举措和成效
（一）坚持党的领导，压实法治建设责任
1. 加强理论学习。全年组织党组理论学习中心组学法12次。
2. 完善制度机制。制定修订内部制度8项。
(二)深化行政执法改革
全年办理行政复议案件35件。
二、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法，全年主持召开专题会议4次。
三、存在的不足和原因
一是法治宣传形式较为单一。二是基层执法力量不足。
四、2024年推进法治政府建设的主要安排
（一）持续深化学习。
（二）加强执法监督。
五、其他需要报告的情况
无。
南京市司法局
2024年3月25日
分享到：
【打印本页】【关闭窗口】
主办单位：南京市司法局 版权所有
"""


def outline(text: str) -> list[tuple[int, str | None, str]]:
    return [(s.level, s.category, s.title) for s in find_sections(text)]


def test_web_page_parts_headings_and_categories():
    sections = find_sections(WEB_PAGE)
    level1 = [(s.category, s.title[:8]) for s in sections if s.level == 1]
    assert level1 == [
        ("boilerplate", "您现在的位置：首"),
        ("preamble", "南京市司法局20"),
        ("boilerplate", "发布时间：202"),
        ("preamble", "2023年，市司"),
        ("measures", "一、2023年推"),
        ("responsibility", "二、党政主要负责"),
        ("problems", "三、存在的不足和"),
        ("plans", "四、2024年推"),
        ("other", "五、其他需要报告"),
        ("closing", "南京市司法局"),
        ("boilerplate", "分享到："),
    ]
    nested = [(s.level, s.title[:6]) for s in sections if s.level > 1]
    assert nested == [(2, "（一）坚持党"), (3, "1. 加强理"), (3, "2. 完善制"), (2, "(二)深化行"),
                      (2, "（一）持续深"), (2, "（二）加强执")]


def test_offsets_follow_the_codebook():
    sections = find_sections(WEB_PAGE)
    assert sections[0].start == 0
    for section in sections:
        assert WEB_PAGE[section.start:].startswith(section.title)
        later = [s.start for s in sections if s.start > section.start and s.level <= section.level]
        assert section.end == (min(later) if later else len(WEB_PAGE))
    assert [s.start for s in sections] == sorted(s.start for s in sections)


def test_items_and_stray_markers_are_not_headings():
    text = (
        "某县人民政府关于2023年度法治政府建设情况的报告\n"
        "一、主要举措\n"
        "2024年1月，县政府召开常务会议。\n"
        "三、四季度共开展执法检查12次。一是加强检查。二是强化执法。\n"
        "二、\n"
        "二、存在的问题\n"
        "1.5万元罚款已全部收缴。\n"
        "三、下一步工作打算\n"
    )
    assert [t for level, _, t in outline(text) if level >= 1 and t[0] in "一二三1"] == [
        "一、主要举措", "二、存在的问题", "三、下一步工作打算",
    ]


def test_bookmark_artefact_and_full_width_numbers():
    text = "标题\n一、工作情况\n[bookmark: _GoBack]（一）加强领导。\n１．建立制度。\n（二）强化执法。\n"
    assert outline(text)[1:] == [
        (1, "measures", "一、工作情况"),
        (2, None, "[bookmark: _GoBack]（一）加强领导。"),
        (3, None, "１．建立制度。"),
        (2, None, "（二）强化执法。"),
    ]


def test_undated_signature_and_chinese_date_closing():
    undated = "某局关于2023年法治政府建设情况的报告\n一、工作情况\n做了很多工作。\n\n某县卫生健康局\n "
    assert outline(undated)[-1] == (1, "closing", "某县卫生健康局")
    dated = "一、工作情况\n做了很多工作。\n中共某县委\n某县人民政府\n二〇二四年三月二十九日\n（此件主动公开）"
    assert [s.title for s in find_sections(dated) if s.category == "closing"] == ["中共某县委"]


def test_signature_before_attachments_is_found():
    text = "一、工作情况\n做了很多工作。\n某区司法局\n2024年1月5日\n附件：1.工作台账\n2.案件清单\n"
    closing = [s for s in find_sections(text) if s.category == "closing"]
    assert len(closing) == 1 and closing[0].title == "某区司法局"
    assert closing[0].end == len(text)


def test_text_without_headings_is_one_preamble():
    text = "我局今年认真开展法治政府建设工作，取得了一定成效。\n下一步将继续努力。"
    assert outline(text) == [(1, "preamble", "我局今年认真开展法治政府建设工作，取得了一定成效。")]
    assert find_sections("") == []


@pytest.mark.parametrize("heading, category", [
    ("一、2024年推进法治政府建设的主要举措和成效", "measures"),
    ("二、聚焦依法行政，强化法治保障", "measures"),
    ("二、2024年主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况", "responsibility"),
    ("二、党政主要负责人履职情况", "responsibility"),
    ("三、2024年推进法治政府建设存在的不足和原因", "problems"),
    ("二、存在的主要问题", "problems"),
    ("三、存在的问题及下一步工作打算", "problems"),
    ("四、2025年推进法治政府建设的工作思路和目标举措", "plans"),
    ("三、下步工作计划", "plans"),
    ("五、其他需要报告的情况", "other"),
    ("五、其他", "other"),
    ("三、补齐法治短板，提升执法水平", "measures"),
    ("一、2023年工作成效和存在的不足", "measures"),
])
def test_heading_categories(heading, category):
    assert category_of(heading) == category


def test_a_later_year_heading_is_plans():
    text = "关于2023年法治政府建设情况的报告\n一、主要工作\n二、2024年重点任务\n"
    assert [c for _, c, _ in outline(text)] == ["preamble", "measures", "plans"]


@pytest.mark.parametrize("path", sorted((DATA / "corpus").glob("*.txt")), ids=lambda p: p.name)
def test_state_council_reports_keep_a_sane_outline(path):
    text = path.read_text(encoding="utf-8")
    sections = find_sections(text)
    level1 = [s for s in sections if s.level == 1 and s.category not in ("preamble", "closing", "boilerplate")]
    assert [s.title[:2] for s in level1] == ["一、", "二、", "三、"][: len(level1)] and len(level1) >= 2
    assert all(s.category is None for s in sections if s.level > 1)
    assert all(text[s.start:].startswith(s.title) for s in sections)


def test_run_in_heading_ends_at_its_first_sentence():
    run_in = "（一）坚持党的领导，强化法治建设。今年以来，我局全年共办理案件1234件。"
    assert run_in[:heading_end(run_in, 0, len(run_in))] == "（一）坚持党的领导，强化法治建设。"
    alone = "二、存在的问题和不足"
    assert heading_end(alone, 0, len(alone)) == len(alone)
    long_line = "（二）" + "依法行政工作，" * 12 + "全面推进"
    cut = heading_end(long_line, 0, len(long_line))
    assert cut <= 60 and long_line[cut - 1] == "，"
