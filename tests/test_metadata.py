"""Report metadata from titles, web-page index rows, signatures and the body."""
from __future__ import annotations

import pytest

from app.core.metadata import extract_metadata, parse_date
from app.core.regions import agency_name, split_region
from app.core.sections import find_sections
from tests.test_sections import WEB_PAGE


def metadata(text: str) -> dict:
    return extract_metadata(text, find_sections(text)).to_dict()


def test_web_page_of_a_justice_bureau():
    assert metadata(WEB_PAGE) == {
        "title": "南京市司法局2023年法治政府建设年度报告",
        "agency": "南京市司法局",
        "region": "南京市",
        "level": "city",
        "province": "江苏省", "city": "南京市", "county": None, "division_code": "320100",
        "report_year": 2023,
        "publish_date": "2024-03-25",
        "doc_type": "situation_report",
    }


def test_provincial_government_with_split_title_and_chinese_date():
    text = (
        "河北省人民政府\n关于2023年度法治政府建设情况的报告\n\n"
        "2023年，省政府深入贯彻习近平法治思想。现将有关情况报告如下。\n"
        "一、主要工作成效\n二、存在的问题\n三、下一步工作打算\n2024年，我们将继续推进。\n\n"
        "河北省人民政府\n二〇二四年三月二十九日\n"
    )
    got = metadata(text)
    assert got["title"] == "河北省人民政府关于2023年度法治政府建设情况的报告"
    assert (got["agency"], got["region"], got["level"]) == ("河北省人民政府", "河北省", "province")
    assert (got["report_year"], got["publish_date"]) == (2023, "2024-03-29")


def test_accountability_report_names_the_agency_not_the_person():
    text = (
        "厦门市市场监督管理局党组书记、局长张三2023年度述法报告\n"
        "现将本人2023年度履行推进法治建设第一责任人职责情况报告如下：\n"
        "一、学法用法情况\n二、存在的不足\n述法人：张三\n2024年1月10日\n"
    )
    got = metadata(text)
    assert got["doc_type"] == "accountability_report"
    assert (got["agency"], got["region"], got["level"]) == ("厦门市市场监督管理局", "厦门市", "city")
    assert got["publish_date"] == "2024-01-10"


def test_title_broken_inside_a_phrase_is_joined():
    text = (
        "上海市浦东新区人民政府关于2023年度法治政府建设\n情况的报告\n"
        "2023年，区政府全面贯彻落实党的二十大精神，现将有关情况报告如下：\n一、主要举措和成效\n"
    )
    got = metadata(text)
    assert got["title"] == "上海市浦东新区人民政府关于2023年度法治政府建设情况的报告"
    assert (got["region"], got["level"]) == ("上海市浦东新区", "district")


def test_no_title_uses_index_rows_and_body_years():
    text = (
        "索引号 11350100MB0000000A/2024-00012 主题分类 其他\n"
        "发布机构 福州市鼓楼区市场监督管理局 成文日期 2024-01-20\n"
        "2023年，我局坚持以习近平法治思想为指导，现将有关情况报告如下：\n"
        "一、主要工作\n2023年，全局办理案件20件。\n二、下一步工作计划\n2024年，2024年，2024年。\n"
    )
    got = metadata(text)
    assert got["title"] is None
    assert (got["agency"], got["region"], got["level"]) == ("福州市鼓楼区市场监督管理局", "福州市鼓楼区", "district")
    assert (got["report_year"], got["publish_date"]) == (2023, "2024-01-20")


def test_empty_index_rows_leave_the_publication_row_below_them_its_own():
    # a page's index block with every value empty, then the title, then its 发布时间 row
    text = (
        "索 引 号:\n发文机关:\n成文日期:\n发布日期:\n名  称:\n"
        "某县市场监督管理局2024年度法治政府建设情况报告\n\n"
        "发布时间:2025-01-16 09:30来源:访问量:\n字体:\n\n"
        "一、主要工作\n全年查处案件20件。\n"
    )
    got = metadata(text)
    assert got["title"] == "某县市场监督管理局2024年度法治政府建设情况报告"
    assert (got["publish_date"], got["report_year"]) == ("2025-01-16", 2024)


def test_title_naming_only_a_place_takes_the_signing_body():
    text = (
        "2023年度平谷区法治政府建设情况报告\n发布日期：2024-02-05\n"
        "一、2023年法治政府建设主要举措\n二、2024年工作打算\n北京市平谷区人民政府\n"
    )
    got = metadata(text)
    assert (got["agency"], got["region"], got["level"]) == ("北京市平谷区人民政府", "北京市平谷区", "district")
    assert (got["report_year"], got["publish_date"]) == (2023, "2024-02-05")


def test_site_header_is_not_part_of_the_title():
    text = (
        "天津市某区人民政府 2019年12月3日星期二\n无障碍 简体| 繁体\n"
        "某区2023年度法治政府建设情况报告\n来源:某区人民政府办公室 发布时间:2024-03-28 09:18\n"
        "2023年,某区坚持以习近平新时代中国特色社会主义思想为指导。\n"
        "一、区政府主要负责同志履行推进法治建设第一责任人职责情况\n"
        "天津市某区人民政府\n2024年3月20日\n"
    )
    got = metadata(text)
    assert got["title"] == "某区2023年度法治政府建设情况报告"
    assert (got["agency"], got["region"], got["publish_date"]) == ("天津市某区人民政府", "天津市某区", "2024-03-20")


def test_agency_named_in_the_opening_sentence():
    text = "2023年,北京市大兴区司法局在区委、区政府正确领导下,坚持依法行政。现将有关情况报告如下:\n一、主要举措\n"
    got = metadata(text)
    assert (got["title"], got["agency"], got["level"]) == (None, "北京市大兴区司法局", "district")
    vague = "2023年,在市委、市政府和区委的坚强领导下,区政府坚持依法行政。现报告如下:\n一、主要举措\n"
    assert metadata(vague)["agency"] is None


def test_nothing_known_stays_empty():
    got = metadata("我局今年认真开展工作，取得了一定成效。")
    assert got == {"title": None, "agency": None, "region": None, "level": None, "province": None,
                   "city": None, "county": None, "division_code": None, "report_year": None, "publish_date": None, "doc_type": "situation_report"}


@pytest.mark.parametrize("name, region, level", [
    ("重庆市渝北区卫生健康委员会", "重庆市渝北区", "district"),
    ("重庆市卫生健康委员会", "重庆市", "province"),
    ("酉阳土家族苗族自治县卫生健康委员会", "酉阳土家族苗族自治县", "county"),
    ("泉州市市场监督管理局", "泉州市", "city"),
    ("广西壮族自治区司法厅", "广西壮族自治区", "province"),
    ("延边朝鲜族自治州人民政府", "延边朝鲜族自治州", "city"),
    ("恩施土家族苗族自治州利川市人民政府", "恩施土家族苗族自治州利川市", "county"),
    ("晋江市卫生健康局", "晋江市", "county"),
    ("鄂尔多斯市准格尔旗人民政府", "鄂尔多斯市准格尔旗", "county"),
    ("某县城市管理局", "某县", "county"),
    ("合肥市蜀山区应急管理局", "合肥市蜀山区", "district"),
    ("成都市人力资源和社会保障局", "成都市", "city"),
    ("东营市东营区司法局", "东营市东营区", "district"),
    ("中共某县委", "某县", "county"),
    ("国家卫生健康委员会", None, None),
])
def test_region_and_level(name, region, level):
    assert split_region(name) == (region, level)


def test_agency_name_drops_roles_and_needs_an_agency_word():
    assert agency_name("某区司法局党组书记、局长张三") == "某区司法局"
    assert agency_name("某区") is None
    assert agency_name("石家庄市长安区农业农村局") == "石家庄市长安区农业农村局"  # 市长 inside a place name
    assert agency_name("某区人民政府办公室") == "某区人民政府办公室"


@pytest.mark.parametrize("text, iso", [
    ("2025年3月25日", "2025-03-25"),
    ("二〇二五年三月二十五日", "2025-03-25"),
    ("二○二四年十二月五日", "2024-12-05"),
    ("2024-12-05", "2024-12-05"),
    ("2024年2月30日", None),
    ("〔2024〕1号", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_extract_gives_outline_metadata_and_figures_outside_chrome():
    extract = pytest.importorskip("app.core.extract").extract
    result = extract(WEB_PAGE)
    assert result.metadata.agency == "南京市司法局"
    assert [s.category for s in result.sections if s.level == 1][-2:] == ["closing", "boilerplate"]
    chrome = [(s.start, s.end) for s in result.sections if s.category == "boilerplate"]
    raws = [f.raw for f in result.figures]
    assert "12次" in raws and "35件" in raws
    assert not any(lo <= f.start < hi for f in result.figures for lo, hi in chrome)
