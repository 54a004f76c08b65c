"""Places from the gazetteer: region, level, province, city, county and division code of an
agency's report, on agency lines of all four levels, short names, typos, repeated names,
agencies written without their place, sentence fragments and web-page chrome."""
from __future__ import annotations

import sqlite3

import pytest

from app.core.gazetteer import gazetteer, short_name
from app.core.metadata import extract_metadata
from app.core.regions import Mentions, find_place
from app.core.sections import find_sections
from app.store import schema
from app.store.database import open_store


def metadata(text: str) -> dict:
    return extract_metadata(text, find_sections(text)).to_dict()


def report(first_lines: str, body: str = "", signature: str = "") -> str:
    """A small report: title block, an opening, the four usual parts, then a signature."""
    return (f"{first_lines}\n2023年，我单位坚持依法行政，现将有关情况报告如下：\n一、主要举措和成效\n"
            f"全年办理案件12件。{body}\n二、存在的不足\n基层力量薄弱。\n三、下一步工作打算\n继续努力。\n{signature}")


@pytest.mark.parametrize("agency, region, level, province, city, county, code", [
    # provinces and autonomous regions
    ("四川省司法厅", "四川省", "province", "四川省", None, None, "510000"),
    ("广西壮族自治区卫生健康委员会", "广西壮族自治区", "province", "广西壮族自治区", None, None, "450000"),
    ("新疆维吾尔自治区市场监督管理局", "新疆维吾尔自治区", "province", "新疆维吾尔自治区", None, None, "650000"),
    ("黑龙江省生态环境厅", "黑龙江省", "province", "黑龙江省", None, None, "230000"),
    # municipalities are provinces; their districts and counties have no city
    ("北京市人力资源和社会保障局", "北京市", "province", "北京市", None, None, "110000"),
    ("重庆市渝北区卫生健康委员会", "重庆市渝北区", "district", "重庆市", None, "渝北区", "500112"),
    ("上海市浦东新区教育局", "上海市浦东新区", "district", "上海市", None, "浦东新区", "310115"),
    ("天津市滨海新区司法局", "天津市滨海新区", "district", "天津市", None, "滨海新区", "120116"),
    ("重庆市城口县人民政府", "重庆市城口县", "county", "重庆市", None, "城口县", "500229"),
    ("酉阳土家族苗族自治县卫生健康委员会", "酉阳土家族苗族自治县", "county", "重庆市", None,
     "酉阳土家族苗族自治县", "500242"),
    # prefecture-level cities, leagues, autonomous prefectures
    ("淄博市市场监督管理局", "淄博市", "city", "山东省", "淄博市", None, "370300"),
    ("山东省淄博市教育局", "山东省淄博市", "city", "山东省", "淄博市", None, "370300"),
    ("延边朝鲜族自治州司法局", "延边朝鲜族自治州", "city", "吉林省", "延边朝鲜族自治州", None, "222400"),
    ("锡林郭勒盟生态环境局", "锡林郭勒盟", "city", "内蒙古自治区", "锡林郭勒盟", None, "152500"),
    ("长春市卫生健康委员会", "长春市", "city", "吉林省", "长春市", None, "220100"),
    # districts of cities
    ("合肥市蜀山区应急管理局", "合肥市蜀山区", "district", "安徽省", "合肥市", "蜀山区", "340104"),
    ("广东省广州市天河区人民政府", "广东省广州市天河区", "district", "广东省", "广州市", "天河区", "440106"),
    ("金林区卫生健康局", "金林区", "district", "黑龙江省", "伊春市", "金林区", "230751"),
    ("石家庄市长安区农业农村局", "石家庄市长安区", "district", "河北省", "石家庄市", "长安区", "130102"),
    # counties, banners, county-level cities (level county), special districts
    ("浙江省湖州市德清县卫生健康局", "浙江省湖州市德清县", "county", "浙江省", "湖州市", "德清县", "330521"),
    ("鄂尔多斯市准格尔旗人民政府", "鄂尔多斯市准格尔旗", "county", "内蒙古自治区", "鄂尔多斯市", "准格尔旗", "150622"),
    ("义乌市市场监督管理局", "义乌市", "county", "浙江省", "金华市", "义乌市", "330782"),
    ("昆山市司法局", "昆山市", "county", "江苏省", "苏州市", "昆山市", "320583"),
    ("仙桃市教育局", "仙桃市", "county", "湖北省", None, "仙桃市", "429004"),
    ("神农架林区卫生健康委员会", "神农架林区", "county", "湖北省", None, "神农架林区", "429021"),
    ("六枝特区人民政府", "六枝特区", "county", "贵州省", "六盘水市", "六枝特区", "520203"),
    ("和林格尔县卫生健康局", "和林格尔县", "county", "内蒙古自治区", "呼和浩特市", "和林格尔县", "150123"),
    ("恩施土家族苗族自治州利川市人民政府", "恩施土家族苗族自治州利川市", "county", "湖北省",
     "恩施土家族苗族自治州", "利川市", "422802"),
    # short names, a doubled suffix
    ("湖州德清县人民政府", "湖州德清县", "county", "浙江省", "湖州市", "德清县", "330521"),
    ("德清卫生健康局", "德清", "county", "浙江省", "湖州市", "德清县", "330521"),
    ("安吉县县卫生健康局", "安吉县", "county", "浙江省", "湖州市", "安吉县", "330523"),
    # more provinces, more kinds of bureau
    ("河南省郑州市金水区人力资源和社会保障局", "河南省郑州市金水区", "district", "河南省", "郑州市", "金水区", "410105"),
    ("长沙县教育局", "长沙县", "county", "湖南省", "长沙市", "长沙县", "430121"),
    ("浏阳市生态环境局", "浏阳市", "county", "湖南省", "长沙市", "浏阳市", "430181"),
    ("南昌市市场监督管理局", "南昌市", "city", "江西省", "南昌市", None, "360100"),
    ("福建省晋江市司法局", "福建省晋江市", "county", "福建省", "泉州市", "晋江市", "350582"),
    ("昆明市五华区卫生健康局", "昆明市五华区", "district", "云南省", "昆明市", "五华区", "530102"),
    ("景洪市人民政府", "景洪市", "county", "云南省", "西双版纳傣族自治州", "景洪市", "532801"),
    ("西安市雁塔区教育局", "西安市雁塔区", "district", "陕西省", "西安市", "雁塔区", "610113"),
    ("兰州市城关区人民政府", "兰州市城关区", "district", "甘肃省", "兰州市", "城关区", "620102"),
    ("格尔木市卫生健康委员会", "格尔木市", "county", "青海省", "海西蒙古族藏族自治州", "格尔木市", "632801"),
    ("银川市司法局", "银川市", "city", "宁夏回族自治区", "银川市", None, "640100"),
    ("拉萨市城关区人力资源和社会保障局", "拉萨市城关区", "district", "西藏自治区", "拉萨市", "城关区", "540102"),
    ("三亚市生态环境局", "三亚市", "city", "海南省", "三亚市", None, "460200"),
    ("大连市教育局", "大连市", "city", "辽宁省", "大连市", None, "210200"),
    ("太原市小店区市场监督管理局", "太原市小店区", "district", "山西省", "太原市", "小店区", "140105"),
    # a city bureau's branch governs the district or county it is named after
    ("宁波市生态环境局鄞州分局", "宁波市鄞州", "district", "浙江省", "宁波市", "鄞州区", "330212"),
    ("杭州市市场监督管理局萧山分局", "杭州市萧山", "district", "浙江省", "杭州市", "萧山区", "330109"),
    ("绍兴市生态环境局诸暨分局", "绍兴市诸暨", "county", "浙江省", "绍兴市", "诸暨市", "330681"),
    # a branch not named after a division keeps the city
    ("成都市生态环境局高新分局", "成都市", "city", "四川省", "成都市", None, "510100"),
    # a party committee's office
    ("中共宁海县委全面依法治县委员会办公室", "宁海县", "county", "浙江省", "宁波市", "宁海县", "330226"),
])
def test_agency_lines_of_every_level(agency, region, level, province, city, county, code):
    got = metadata(report(f"{agency}关于2023年度法治政府建设情况的报告"))
    assert (got["region"], got["level"]) == (region, level)
    assert (got["province"], got["city"], got["county"], got["division_code"]) == (province, city, county, code)


def test_a_doubled_suffix_is_dropped_from_the_agency_too():
    assert metadata(report("安吉县县卫生健康局2023年法治政府建设情况报告"))["agency"] == "安吉县卫生健康局"


@pytest.mark.parametrize("mention, code", [
    ("福州市鼓楼区", "350102"), ("南京市鼓楼区", "320106"), ("江苏省徐州市", "320302"), ("开封市", "410204"),
])
def test_a_name_in_several_cities_is_decided_by_the_places_the_text_names(mention, code):
    text = report("鼓楼区卫生健康局2023年法治政府建设情况报告", body=f"配合{mention}开展专项检查。")
    got = metadata(text)
    assert (got["region"], got["level"], got["division_code"]) == ("鼓楼区", "district", code)


def test_a_repeated_name_the_text_does_not_decide_keeps_its_level_and_no_code():
    got = metadata(report("鼓楼区卫生健康局2023年法治政府建设情况报告"))
    assert (got["region"], got["level"]) == ("鼓楼区", "district")
    assert (got["province"], got["city"], got["county"], got["division_code"]) == (None, None, None, None)
    assert len(find_place("鼓楼区卫生健康局").candidates) == 4


@pytest.mark.parametrize("signature, mentions, agency, region, level, code", [
    ("县卫生健康局\n2024年1月10日", "推进法治德清建设，德清县各医疗机构", "德清县卫生健康局", "德清县", "county", "330521"),
    ("区卫生健康委\n2024年1月10日", "渝北区卫生健康委员会组织，渝北区", "渝北区卫生健康委员会", "渝北区", "district", "500112"),
    ("市司法局\n2024年1月10日", "淄博市司法局牵头，淄博市各区县", "淄博市司法局", "淄博市", "city", "370300"),
    ("市市场监督管理局\n2024年1月10日", "义乌市小商品市场，义乌市", "义乌市市场监督管理局", "义乌市", "county", "330782"),    # a name two cities have (西湖区): the one whose city the text names too
    ("区人民政府\n2024年1月10日", "推进法治西湖建设，杭州市西湖区各部门", "西湖区人民政府", "西湖区", "district", "330106"),
    ("区人民政府\n2024年1月10日", "推进法治西湖建设，南昌市西湖区各部门", "西湖区人民政府", "西湖区", "district", "360103"),
])
def test_an_agency_without_its_place_takes_the_place_the_text_names(signature, mentions, agency, region,
                                                                     level, code):
    got = metadata(report("2023年法治政府建设情况报告", body=mentions + "。", signature=signature))
    assert (got["agency"], got["region"], got["level"], got["division_code"]) == (agency, region, level, code)


@pytest.mark.parametrize("signature, level", [
    ("县卫生健康局\n2024年1月10日", "county"), ("区卫生健康委\n2024年1月10日", "district"),
    ("市卫生健康委\n2024年1月10日", "city"), ("省司法厅\n2024年1月10日", "province"),
])
def test_an_agency_without_a_place_anywhere_still_has_the_level_of_its_word(signature, level):
    got = metadata(report("2023年法治政府建设情况报告", signature=signature))
    assert (got["region"], got["level"], got["division_code"]) == (None, level, None)
    assert got["agency"] == signature.split("\n")[0]


def test_an_abbreviated_agency_in_the_opening_gets_the_full_name_the_text_writes():
    text = ("2023年度法治政府建设情况工作报告\n2023年是关键之年。市卫健委按照市委、市政府的要求推进法治政府建设。"
            "现将有关情况报告如下：\n一、主要举措\n形成《长春市卫生健康委员会关于调研情况的报告》。长春市各医院。\n")
    got = metadata(text)
    assert (got["agency"], got["region"], got["level"], got["division_code"]) == \
        ("长春市卫生健康委员会", "长春市", "city", "220100")


@pytest.mark.parametrize("line", [
    "围绕县委县政府中心工作县卫生健康局",
    "落实市卫生健康委员会",
    "贯彻落实区司法局",
    "深入推进依法治县委员会",
])
def test_a_clause_is_never_an_agency_or_a_region(line):
    got = metadata(f"{line}\n一、主要举措\n全年办理案件12件。\n二、存在问题\n不足。\n{line}\n")
    assert got["agency"] is None or not got["agency"].startswith(line[:2])
    assert got["region"] is None and got["division_code"] is None


@pytest.mark.parametrize("chrome", [
    "首页 机构概况 政务公开 政民互动 法治政府建设年度报告",
    "网站首页 | 新闻中心 | 信息公开 | 办事服务 | 互动交流",
    "国家卫健委 省卫健委 市人民政府 县人民政府",
    "当前位置：首页 > 政务公开 > 法治政府建设",
])
def test_site_banner_and_navigation_give_neither_title_nor_agency(chrome):
    text = (f"湖州市人民政府门户网站\n{chrome}\n德清县卫生健康局2023年法治政府建设情况报告\n"
            "2023年，我局坚持依法行政，现将有关情况报告如下：\n一、主要举措\n全年办理案件12件。\n二、存在问题\n不足。\n")
    got = metadata(text)
    assert got["title"] == "德清县卫生健康局2023年法治政府建设情况报告"
    assert (got["agency"], got["division_code"]) == ("德清县卫生健康局", "330521")


def test_a_page_without_a_title_line_gets_none_rather_than_a_fragment():
    text = ("首页 机构概况 政务公开 政民互动 专题专栏\n现将我局2023年法治政府建设情况报告如下\n"
            "一、主要举措\n全年办理案件12件。\n二、存在问题\n不足。\n")
    assert metadata(text)["title"] is None


def test_a_row_of_portal_links_is_no_agency():
    text = ("2023年法治政府建设情况报告\n2023年，我局坚持依法行政。\n一、主要举措\n全年办理案件12件。\n"
            "二、存在问题\n不足。\n国家卫健委 省卫健委 市政府\n")
    assert metadata(text)["agency"] is None


def test_a_town_government_is_placed_by_the_county_the_text_names():
    text = report("新市镇人民政府2023年法治政府建设情况报告", body="在德清县委县政府领导下，法治德清建设。")
    got = metadata(text)
    assert (got["region"], got["level"], got["county"], got["division_code"]) == ("新市镇", "county", "德清县", "330521")


def test_a_name_the_gazetteer_lacks_still_reads_by_its_suffix_but_has_no_code():
    place = find_place("天津市某区人民政府")
    assert (place.region, place.level) == ("天津市某区", "district")
    assert place.fields() == {"province": "天津市", "city": None, "county": None, "division_code": None}


def test_a_county_renamed_a_district_is_still_found_by_its_old_suffix():
    place = find_place("长安县人民政府", Mentions("西安市长安县"))
    assert (place.region, place.level, place.division.code) == ("长安县", "county", "610116")


def test_short_names_and_mentions():
    assert [short_name(n) for n in ("酉阳土家族苗族自治县", "内蒙古自治区", "金林区", "沛县")] == \
        ["酉阳", "内蒙古", "金林", None]
    counts = Mentions("建设法治德清，德清县人民政府，湖州市。").counts
    assert counts["330521"] == 2 and counts["330500"] == 1
    assert not Mentions("省市和县三级联动，城区和郊区。").counts  # 和县, 城区, 郊区 are words here


def test_the_gazetteer_holds_every_division():
    g = gazetteer()
    kinds = [d.kind for d in g.divisions()]
    # 2,978 county-level rows, three of them (东莞市, 中山市, 儋州市) prefectures without counties
    assert kinds.count("province") == 31 and kinds.count("area") == 2975 and kinds.count("city") == 342 - 9  # less 市辖区, 县 and 直辖 rows
    assert find_place("东莞市卫生健康局").fields()["division_code"] == "441900"
    assert g.search("德清")[0].full_name == "浙江省 湖州市 德清县"
    assert [d.code for d in g.search("鼓楼区")][:4] == ["320106", "320302", "350102", "410204"]


def test_the_migration_fills_the_division_of_reports_already_stored(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    schema.MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    for i, (agency, region) in enumerate([("重庆市渝北区卫生健康委员会", "重庆市渝北区"),
                                          ("县卫生健康局", None), ("国家卫生健康委员会", None)]):
        conn.execute("INSERT INTO reports (path, file_name, sha256, encoding, encoding_confidence, text,"
                     " agency, region, imported_at) VALUES (?, ?, ?, 'utf-8', 1, ?, ?, ?, '2024')",
                     (f"r{i}.txt", f"r{i}.txt", f"hash{i}", "法治德清。德清县各部门。", agency, region))
    conn.commit()
    conn.close()
    with open_store(path) as store:
        rows = {r.agency: r for r in (store.report(s.id) for s in store.list_reports())}
    assert rows["重庆市渝北区卫生健康委员会"].division_code == "500112"
    assert (rows["县卫生健康局"].county, rows["县卫生健康局"].division_code) == ("德清县", "330521")
    assert rows["国家卫生健康委员会"].division_code is None


def test_a_portal_banner_above_the_title_is_not_the_agency():
    text = ("湖州市人民政府\n首页 政务公开 政民互动 办事服务 专题专栏\n2023年法治政府建设情况报告\n"
            "2023年，德清县卫生健康局坚持依法行政，现将有关情况报告如下：\n一、主要举措\n全年办理案件12件。\n"
            "二、存在问题\n不足。\n")
    got = metadata(text)
    assert (got["title"], got["agency"], got["division_code"]) == \
        ("2023年法治政府建设情况报告", "德清县卫生健康局", "330521")


def test_a_placeless_signature_under_a_title_naming_the_place_gets_it():
    got = metadata(report("德清县2023年法治政府建设工作报告", signature="县卫生健康局\n2024年1月10日"))
    assert (got["agency"], got["region"], got["level"]) == ("德清县卫生健康局", "德清县", "county")


@pytest.mark.parametrize("agency, region, level, code", [
    ("恩施州卫生健康委员会", "恩施州", "city", "422800"),  # the prefecture's short name and its 州
    ("黔东南州司法局", "黔东南州", "city", "522600"),
    ("酉阳县卫生健康委员会", "酉阳县", "county", "500242"),  # 酉阳土家族苗族自治县 written short
    ("萧山区卫健局", "萧山区", "district", "330109"),
    ("兰州新区管委会", "兰州新区", "district", "620171"),  # a development zone the gazetteer lists
    ("中山市卫生健康局", "中山市", "city", "442000"),  # a prefecture without counties
])
def test_short_and_unusual_names(agency, region, level, code):
    place = find_place(agency)
    assert (place.region, place.level, place.fields()["division_code"]) == (region, level, code)


@pytest.mark.parametrize("crumb, title", [
    ("首页 > 政务公开 > 法治政府建设年度报告", None),  # the column, not the report
    ("首页 > 政务公开 > 德清县卫生健康局2023年法治政府建设年度报告", "德清县卫生健康局2023年法治政府建设年度报告"),
])
def test_a_breadcrumb_gives_a_title_only_when_it_names_a_report(crumb, title):
    text = (f"{crumb}\n2023年，我局坚持依法行政，现将有关情况报告如下：\n一、主要举措\n全年办理案件12件。\n"
            "二、存在问题\n不足。\n")
    assert metadata(text)["title"] == title


@pytest.mark.parametrize("page_title", [
    "德清县卫生健康局2023年法治政府建设情况报告_德清县人民政府",
    "德清县卫生健康局2023年法治政府建设情况报告 - 湖州市人民政府门户网站",
    "德清县卫生健康局2023年法治政府建设情况报告|德清县人民政府",
])
def test_the_site_name_after_a_page_title_is_left_out(page_title):
    got = metadata(report(page_title))
    assert got["title"] == "德清县卫生健康局2023年法治政府建设情况报告"
    assert (got["agency"], got["division_code"]) == ("德清县卫生健康局", "330521")


def test_a_short_name_of_a_province_and_its_city_is_decided_by_the_name_written_in_full():
    assert find_place("吉林卫生健康委员会", Mentions("吉林省各地卫生健康部门")).division.code == "220000"
    assert find_place("吉林卫生健康委员会", Mentions("吉林市各区县")).division.code == "220200"
    assert find_place("吉林卫生健康委员会").level is None  # province or city: not sure
