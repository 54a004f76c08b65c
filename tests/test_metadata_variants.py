"""Metadata and outline on report layouts the seeds do not show: information-disclosure pages
with index tables, 述法报告 by a named head, titles under a column label or split over lines,
and reports whose year must be read from the body or the publication date."""
from __future__ import annotations

import pytest

from app.core.extract import extract
from app.core.html_text import html_to_text
from app.core.metadata import extract_metadata
from app.core.sections import find_sections

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


def test_column_label_in_brackets_is_not_part_of_the_title():
    on_its_line = (
        "【法治政府建设】\n长沙市岳麓区人民政府关于2023年度法治政府建设情况的报告\n"
        "发布时间：2024-03-30 10:00:00   来源：岳麓区司法局\n"
        "2023年，岳麓区坚持以习近平法治思想为指导。\n一、主要举措和成效\n二、存在的不足和原因\n"
        "长沙市岳麓区人民政府\n2024年3月25日\n"
    )
    got = metadata(on_its_line)
    assert got["title"] == "长沙市岳麓区人民政府关于2023年度法治政府建设情况的报告"
    assert (got["agency"], got["region"], got["level"]) == ("长沙市岳麓区人民政府", "长沙市岳麓区", "district")
    assert got["publish_date"] == "2024-03-25"
    run_in = "【法治政府建设年度报告】呼伦贝尔市卫生健康委员会2023年法治政府建设年度报告\n2023年，我委坚持依法行政。\n一、主要举措\n"
    got = metadata(run_in)
    assert got["title"] == "呼伦贝尔市卫生健康委员会2023年法治政府建设年度报告"
    assert (got["agency"], got["region"], got["level"]) == ("呼伦贝尔市卫生健康委员会", "呼伦贝尔市", "city")


def test_accountability_title_split_after_the_person():
    text = (
        "重庆市渝北区卫生健康委员会党委书记、主任王五\n2023年度述法报告\n"
        "2023年，我坚持以习近平法治思想为指导，现报告如下：\n"
        "一、履行第一责任人职责情况\n二、存在的问题\n三、下一步工作打算\n"
    )
    got = metadata(text)
    assert got["title"] == "重庆市渝北区卫生健康委员会党委书记、主任王五2023年度述法报告"
    assert (got["agency"], got["region"], got["level"]) == ("重庆市渝北区卫生健康委员会", "重庆市渝北区", "district")
    assert (got["doc_type"], got["report_year"]) == ("accountability_report", 2023)
    assert [c for c, _ in level1(text)][1:] == ["responsibility", "problems", "plans"]


def test_accountability_report_with_the_body_and_person_under_the_title():
    text = (
        "关于2023年度履行推进法治建设第一责任人职责情况的述法报告\n成都市武侯区卫生健康局  李四\n"
        "2023年以来，本人认真履行推进法治建设第一责任人职责，现将有关情况报告如下：\n"
        "一、学法用法情况\n二、履行推进法治建设第一责任人职责情况\n三、存在的不足\n四、下一步打算\n2024年2月1日\n"
    )
    got = metadata(text)
    assert got["title"] == "关于2023年度履行推进法治建设第一责任人职责情况的述法报告"
    assert (got["agency"], got["region"], got["level"]) == ("成都市武侯区卫生健康局", "成都市武侯区", "district")
    assert (got["doc_type"], got["report_year"], got["publish_date"]) == ("accountability_report", 2023, "2024-02-01")
    assert [c for c, _ in level1(text)][1:] == ["measures", "responsibility", "problems", "plans", "closing"]


def test_accountability_report_names_the_body_in_the_speaker_line():
    text = (
        "2023年度述法报告\n述法人：张三（和林格尔县卫生健康局局长）\n"
        "一、学法情况\n二、履行推进法治建设第一责任人职责情况\n三、存在不足\n四、下步打算\n"
    )
    got = metadata(text)
    assert (got["agency"], got["region"], got["level"]) == ("和林格尔县卫生健康局", "和林格尔县", "county")


def test_year_of_a_whole_year_work_period():
    text = (
        "某县司法局法治政府建设工作总结\n一年来，在县委、县政府的正确领导下，我局坚持依法行政。\n"
        "一、主要工作\n2023年1月至12月，全局共办理行政复议案件10件。\n二、存在问题\n三、2024年工作思路\n"
        "某县司法局\n2024年1月5日\n"
    )
    assert metadata(text)["report_year"] == 2023
    assert metadata("某区卫生健康局2023年1-12月法治政府建设工作总结\n一、主要工作\n")["report_year"] == 2023


def test_year_without_evidence_follows_the_publication_season():
    """Annual reports are published by the spring after the year they cover (by 1 April, under
    the 督察工作规定); one published late in the year covers that year."""
    def report(signed: str) -> str:
        return (
            "某市卫生健康委员会关于法治政府建设情况的报告\n今年以来，我委坚持依法行政，现报告如下：\n"
            f"一、主要举措和成效\n二、存在的不足\n三、下一步工作打算\n某市卫生健康委员会\n{signed}\n"
        )
    assert metadata(report("2024年2月20日"))["report_year"] == 2023
    assert metadata(report("2024年12月20日"))["report_year"] == 2024


def test_title_only_in_the_breadcrumb_is_taken_from_its_last_step():
    text = (
        "首页 > 政务公开 > 法治政府建设 > 大理白族自治州卫生健康委员会2023年度法治政府建设情况报告\n"
        "发布日期：2024-03-31  信息来源：大理州卫生健康委员会\n"
        "2023年，州卫生健康委认真贯彻落实州委州政府部署。\n一、主要举措\n二、存在问题\n三、2024年工作打算\n"
    )
    got = metadata(text)
    assert got["title"] == "大理白族自治州卫生健康委员会2023年度法治政府建设情况报告"
    assert (got["agency"], got["region"], got["level"]) == ("大理白族自治州卫生健康委员会", "大理白族自治州", "city")
    assert got["publish_date"] == "2024-03-31"
    assert level1(text)[0][0] == "boilerplate"


def test_signature_with_the_reporting_head_under_the_body_is_the_closing():
    text = (
        "泉州市卫生健康委员会主任张三2023年度述法报告\n一、2023年度履行推进法治建设第一责任人职责情况\n"
        "二、存在的不足\n三、2024年工作打算\n加强学习。\n泉州市卫生健康委员会\n张三\n2024年1月20日\n"
    )
    assert level1(text)[-1] == ("closing", "泉州市卫生健康委员会")
    assert metadata(text)["publish_date"] == "2024-01-20"


def test_county_level_cities_without_their_prefecture_are_counties():
    from app.core.regions import split_region
    assert split_region("库车市卫生健康委员会") == ("库车市", "county")
    assert split_region("北屯市卫生健康委员会") == ("北屯市", "county")
    assert split_region("监利市卫生健康局") == ("监利市", "county")


@pytest.mark.parametrize("signature, agency", [
    ("中共某县卫生健康局党组\n某县卫生健康局\n2024年3月5日", "某县卫生健康局"),  # the party group signs beside it
    ("某县卫生健康局（盖章）\n2024年3月5日", "某县卫生健康局"),
    ("中共某县委全面依法治县委员会办公室\n2024年3月5日", "中共某县委全面依法治县委员会办公室"),
])
def test_agency_from_a_joint_or_stamped_signature(signature, agency):
    text = ("2023年法治政府建设情况报告\n2023年，我局坚持依法行政，现将有关情况报告如下：\n一、主要举措\n"
            "全年办理案件12件。\n二、存在的问题\n基层力量薄弱。\n" + signature + "\n")
    metadata = extract(text).metadata
    assert (metadata.agency, metadata.level, metadata.publish_date) == (agency, "county", "2024-03-05")
