"""Metadata and outline on report layouts the seeds do not show: information-disclosure pages
with index tables, 述法报告 by a named head, titles under a column label or split over lines,
and reports whose year must be read from the body or the publication date."""
from __future__ import annotations

from pathlib import Path

from app.core.html_text import html_to_text
from app.core.metadata import extract_metadata
from app.core.sections import find_sections

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def metadata(text: str) -> dict:
    return extract_metadata(text, find_sections(text)).to_dict()


def level1(text: str) -> list[tuple[str, str]]:
    return [(s.category, s.title) for s in find_sections(text) if s.level == 1]


DISCLOSURE_TABLE = """<html><body>
<div class="crumb">您所在的位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>法定主动公开内容</a></div>
<table class="xxgk">
<tr><th>索引号</th><td>011043398/2024-12345</td><th>分类</th><td>法治政府建设</td></tr>
<tr><th>发布机构</th><td>湖北省卫生健康委员会</td><th>发文日期</th><td>2024-03-26</td></tr>
<tr><th>标题</th><td colspan="3">湖北省卫生健康委员会关于2023年法治政府建设情况的报告</td></tr>
<tr><th>文号</th><td></td><th>发布日期</th><td>2024-03-29</td></tr>
</table>
<h1>湖北省卫生健康委员会关于2023年法治政府建设情况的报告</h1>
<p>&emsp;&emsp;2023年，省卫生健康委坚持以习近平新时代中国特色社会主义思想为指导，现将有关情况报告如下：</p>
<p>&emsp;&emsp;一、主要举措和成效</p>
<p>&emsp;&emsp;二、主要负责人履行推进法治建设第一责任人职责情况</p>
<p>&emsp;&emsp;三、存在的不足和原因</p>
<p>&emsp;&emsp;四、2024年工作安排</p>
<p style="text-align:right">湖北省卫生健康委员会</p>
<p style="text-align:right">2024年3月26日</p>
<div>【打印】【关闭】</div>
</body></html>"""


def test_disclosure_table_rows_without_colons_are_boilerplate():
    text = html_to_text(DISCLOSURE_TABLE)
    got = metadata(text)
    assert got["title"] == "湖北省卫生健康委员会关于2023年法治政府建设情况的报告"
    assert (got["agency"], got["level"], got["report_year"]) == ("湖北省卫生健康委员会", "province", 2023)
    # The signature date wins over the page's later 发布日期 (as in gold 001 and the codebook).
    assert got["publish_date"] == "2024-03-26"
    parts = level1(text)
    assert parts[0] == ("boilerplate", "您所在的位置：首页 > 政务公开 > 法定主动公开内容")
    assert parts[1] == ("preamble", "湖北省卫生健康委员会关于2023年法治政府建设情况的报告")
    rows = [line for line in text.split("\n") if line.startswith(("标题", "文号"))]
    chrome = [s for s in find_sections(text) if s.category == "boilerplate"]
    assert all(any(text[s.start:s.end].count(row) for s in chrome) for row in rows)


def test_empty_document_number_row_does_not_swallow_the_title():
    text = (
        "索 引 号：000014349/2024-00012\n信息分类：法治政府建设\n发布机构：湖南省卫生健康委员会\n"
        "生成日期：2024-02-28\n文　　号：\n"
        "关于2023年度法治政府建设工作情况的报告\n"
        "2023年，我委坚持以习近平法治思想为指导，现将有关情况报告如下：\n"
        "一、主要工作成效\n二、存在的问题\n三、下一步工作打算\n"
    )
    got = metadata(text)
    assert got["title"] == "关于2023年度法治政府建设工作情况的报告"
    assert (got["agency"], got["publish_date"], got["report_year"]) == ("湖南省卫生健康委员会", "2024-02-28", 2023)
    assert ("preamble", "关于2023年度法治政府建设工作情况的报告") in level1(text)


def test_value_on_the_next_line_must_fit_its_key():
    text = (
        "索引号：\n11370000004123/2024-00003\n发文机关：\n山东省卫生健康委员会\n成文日期：\n2024-03-29\n"
        "文号：\n山东省卫生健康委员会\n关于2023年度法治政府建设情况的报告\n"
        "2023年，省卫生健康委坚持以习近平新时代中国特色社会主义思想为指导。\n"
        "一、主要工作成效\n二、存在的问题\n三、2024年工作安排\n"
    )
    got = metadata(text)
    assert got["title"] == "山东省卫生健康委员会关于2023年度法治政府建设情况的报告"
    assert got["publish_date"] == "2024-03-29"
