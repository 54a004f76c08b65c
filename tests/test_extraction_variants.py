"""Reports unlike the seeds: other agencies, levels, layouts and ways of writing numbers.

Each test is a short snippet in the style of a 法治政府建设情况报告 or 述法报告, and asserts what
the codebook says a reviewer should get from it.
"""
from __future__ import annotations

import pytest

from app.core.figures import find_figures
from app.core.numerals import number_value
from app.core.readers import text_from_bytes


def figures_by_raw(text: str) -> dict:
    return {f.raw: f for f in find_figures(text)}


# -- values ------------------------------------------------------------------------------------

@pytest.mark.parametrize("number, magnitude, value", [
    ("8.2", "万亿", 8_200_000_000_000),
    ("4.06", "万亿", 4_060_000_000_000),
    ("1.2", "亿", 120_000_000),
    ("127.6118", "万", 1_276_118),
])
def test_scaled_decimals_are_exact(number, magnitude, value):
    assert number_value(number, magnitude) == value


def test_full_width_comma_as_thousands_separator():
    found = figures_by_raw("全年受理投诉举报1,234件，办结1，234件，办结率100%。")
    assert found["1,234件"].value == 1234
    assert found["1，234件"].value == 1234
    assert "234件" not in found


def test_a_comma_between_clauses_is_not_a_thousands_separator():
    found = figures_by_raw("开展检查12家，100家已整改到位。")
    assert set(found) == {"12家", "100家"}


# -- percentages and round numbers in words -------------------------------------------------------

@pytest.mark.parametrize("text, raw, value, qualifier", [
    ("法律知识考试合格率达百分之九十五。", "百分之九十五", 95, "exact"),
    ("负责人出庭应诉率百分之百。", "百分之百", 100, "exact"),
    ("参学率达到百分之98.5以上。", "百分之98.5", 98.5, "more_than"),
])
def test_percent_written_in_words(text, raw, value, qualifier):
    figure = figures_by_raw(text)[raw]
    assert (figure.value, figure.unit, figure.qualifier) == (value, "%", qualifier)


@pytest.mark.parametrize("text, raw, value", [
    ("全年受理信访近百件。", "百件", 100),
    ("培训执法人员近千人次。", "千人次", 1000),
])
def test_round_hundred_or_thousand_with_approx_word(text, raw, value):
    figure = figures_by_raw(text)[raw]
    assert (figure.value, figure.qualifier) == (value, "approx")


def test_bare_hundred_without_a_bound_word_stays_out():
    assert find_figures("开展百家企业进万家活动。") == []


# -- not figures ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "按照十三届全国人大五次会议批准的计划。",
    "市十七届人大常委会三次会议审议通过。",
    "在县第十八届人大2次会议上作报告。",
])
def test_numbered_session_of_a_congress_is_an_ordinal(text):
    assert find_figures(text) == []


def test_meetings_held_are_still_counted():
    assert figures_by_raw("全年召开三次会议研究法治工作。")["三次"].value == 3


def test_noun_after_ge_stops_before_an_adverb():
    found = figures_by_raw("全县12个乡镇全部建成公共法律服务站。")
    assert "12个乡镇" in found


# -- tables ---------------------------------------------------------------------------------------

def _docx_with_table(rows) -> bytes:
    import io

    import docx
    document = docx.Document()
    document.add_paragraph("某某市司法局2024年法治政府建设情况报告")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_paragraph("全年办理行政处罚案件120件。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_table_cells_are_read_in_order_and_named_by_the_cell_before():
    data = _docx_with_table([("类别", "数量"), ("行政复议案件", "35件"), ("行政诉讼案件", "12件")])
    text = text_from_bytes(data, ".docx").text
    assert text.split("\n") == ["某某市司法局2024年法治政府建设情况报告", "类别", "数量",
                                "行政复议案件", "35件", "行政诉讼案件", "12件",
                                "全年办理行政处罚案件120件。"]
    found = figures_by_raw(text)
    assert (found["35件"].label, found["35件"].indicator) == ("行政复议案件", "reconsideration_cases")
    assert (found["12件"].label, found["12件"].indicator) == ("行政诉讼案件", "litigation_cases")


def test_a_figure_under_a_sentence_is_not_named_by_it():
    found = figures_by_raw("全年开展行政复议工作。\n35件")
    assert found["35件"].label == "" and found["35件"].indicator is None


def test_docx_single_cell_layout_table_keeps_its_paragraphs():
    import io

    import docx
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "一、主要举措"
    cell.add_paragraph("全年办理行政复议案件3件。")
    buffer = io.BytesIO()
    document.save(buffer)
    assert text_from_bytes(buffer.getvalue(), ".docx").text == "一、主要举措\n全年办理行政复议案件3件。"


def test_html_row_with_paragraphs_in_cells_is_one_line():
    page = ("<html><body><table><tr><td><p>行政复议案件</p></td><td><p>35件</p></td></tr>"
            "<tr><td><p>行政诉讼案件</p></td><td><p>12件</p></td></tr></table>"
            "<table><tr><td><p>一、主要举措</p><p>开展培训6次。</p></td></tr></table></body></html>")
    text = text_from_bytes(page.encode("utf-8"), ".html").text
    assert text.split("\n") == ["行政复议案件 35件", "行政诉讼案件 12件", "一、主要举措", "开展培训6次。"]


def test_label_does_not_reach_into_the_next_table_cell():
    found = figures_by_raw("行政复议案件 35件 行政诉讼案件 12件")
    assert found["35件"].label == "行政复议案件"
    assert found["12件"].label == "行政诉讼案件"


# -- sections and metadata ------------------------------------------------------------------------

PARTS_REPORT = """中共某某市委员会关于2023年度法治政府建设情况的报告

2023年，市委深入学习贯彻习近平法治思想，现将有关情况报告如下。
第一部分 2023年法治政府建设主要举措和成效
（一）加强组织领导
召开常委会会议专题研究法治建设4次。
（二）推进依法行政
审查规范性文件28件。
第二部分 存在的不足和原因
法治意识有待提高。
第三部分 2024年工作打算
继续推进。

中共某某市委员会
二〇二四年三月五日
"""


def test_parts_numbered_di_yi_bu_fen_are_level_one_sections():
    from app.core.extract import extract
    result = extract(PARTS_REPORT)
    top = [(s.title, s.category) for s in result.sections if s.level == 1]
    assert top == [
        ("中共某某市委员会关于2023年度法治政府建设情况的报告", "preamble"),
        ("第一部分 2023年法治政府建设主要举措和成效", "measures"),
        ("第二部分 存在的不足和原因", "problems"),
        ("第三部分 2024年工作打算", "plans"),
        ("中共某某市委员会", "closing"),
    ]
    assert [s.title for s in result.sections if s.level == 2] == ["（一）加强组织领导", "（二）推进依法行政"]
    metadata = result.metadata
    assert (metadata.agency, metadata.region, metadata.level) == ("中共某某市委员会", "某某市", "city")
    assert (metadata.report_year, metadata.publish_date) == (2023, "2024-03-05")


def test_round_the_clock_formula_is_not_a_duration():
    assert find_figures("推行“7×24小时”不打烊服务，构建“1+3+N”体系。") == []


def test_noun_after_ge_stops_before_a_verb_of_motion():
    found = figures_by_raw("共有3个工作组分赴10个乡镇开展督导。")
    assert set(found) == {"3个工作组", "10个乡镇"}


def test_signature_dated_with_month_only_is_the_closing():
    from app.core.extract import extract
    text = ("关于某某市生态环境局2024年度法治政府建设情况的报告\n一、主要工作\n办理环境违法案件56件。\n"
            "二、存在问题\n学法不深。\n三、2025年工作计划\n继续推进。\n某某市生态环境局\n2025年3月\n")
    result = extract(text)
    closing = [s for s in result.sections if s.category == "closing"]
    assert [s.title for s in closing] == ["某某市生态环境局"]
    assert result.metadata.publish_date is None  # no day: not an ISO date


@pytest.mark.parametrize("text, raw, value, qualifier", [
    ("发放宣传资料一万余份。", "一万余份", 10_000, "more_than"),
    ("受益群众一万人次。", "一万人次", 10_000, "exact"),
    ("罚没款一亿元。", "一亿元", 100_000_000, "exact"),
])
def test_one_with_a_magnitude_is_not_the_article(text, raw, value, qualifier):
    figure = figures_by_raw(text)[raw]
    assert (figure.value, figure.qualifier) == (value, qualifier)


def test_one_as_the_article_stays_out():
    assert find_figures("建立一个平台，打造一批示范点，形成一套机制，作为一项重要任务。") == []


@pytest.mark.parametrize("text", [
    "法治政府建设考核位列全市前3名，排名全省第2位。",
    "在全省营商环境评价中位居前10位。",
    "排名前五位的投诉类型为合同纠纷。",
])
def test_ranks_are_not_figures(text):
    assert find_figures(text) == []


def test_people_counted_with_ming_are_still_figures():
    assert figures_by_raw("新增公职律师3名，法律顾问前后共聘请5位。")["3名"].value == 3


@pytest.mark.parametrize("title, agency, region, level", [
    ("中共某某县委全面依法治县委员会办公室关于2024年度法治建设工作情况的报告",
     "中共某某县委全面依法治县委员会办公室", "某某县", "county"),
    ("某某市依法治市办2024年度法治政府建设情况报告", "某某市依法治市办", "某某市", "city"),
    ("某某县司法局党组书记、局长2024年度述法报告", "某某县司法局", "某某县", "county"),
])
def test_agency_name_containing_yifa_is_kept_whole(title, agency, region, level):
    from app.core.extract import extract
    metadata = extract(f"{title}\n一、主要成效\n办理案件3件。\n二、存在问题\n不足。\n").metadata
    assert (metadata.agency, metadata.region, metadata.level) == (agency, region, level)


@pytest.mark.parametrize("heading, category", [
    ("三、薄弱环节", "problems"),
    ("三、短板弱项及原因", "problems"),
    ("五、其他有关情况", "other"),
    ("一、补齐法治短板的主要举措和成效", "measures"),
])
def test_heading_categories_in_other_wordings(heading, category):
    from app.core.sections import category_of
    assert category_of(heading) == category


# -- Word automatic numbering ---------------------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_NUMBERING = f"""<w:numbering {_W}>
<w:abstractNum w:abstractNumId="7">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>
</w:numbering>"""


def _numbered_docx(paragraphs) -> bytes:
    """A minimal .docx whose paragraphs are (numId or None, ilvl, text)."""
    import io
    import zipfile

    def paragraph(num_id, ilvl, text):
        numbered = (f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
                    if num_id else "")
        return f"<w:p>{numbered}<w:r><w:t>{text}</w:t></w:r></w:p>"

    body = "".join(paragraph(*p) for p in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document {_W}><w:body>{body}</w:body></w:document>")
        archive.writestr("word/numbering.xml", _NUMBERING)
    return buffer.getvalue()


def test_word_list_numbers_become_heading_markers():
    from app.core.extract import extract
    data = _numbered_docx([
        (None, 0, "某某区司法局关于2024年法治政府建设情况的报告"),
        (3, 0, "主要举措和成效"),
        (3, 1, "加强学习"),
        (3, 2, "召开专题学法会议6次。"),
        (3, 2, "组织培训3场。"),
        (3, 1, "规范执法"),
        (4, 0, "要点不编号"),
        (3, 0, "存在的不足"),
        (3, 1, "学法不深"),
        (3, 0, "下一步工作打算"),
    ])
    text = text_from_bytes(data, ".docx").text
    assert text.split("\n")[1:] == ["一、主要举措和成效", "（一）加强学习", "1.召开专题学法会议6次。",
                                    "2.组织培训3场。", "（二）规范执法", "要点不编号", "二、存在的不足",
                                    "（一）学法不深", "三、下一步工作打算"]
    top = [(s.title, s.category) for s in extract(text).sections if s.level == 1]
    assert top[1:] == [("一、主要举措和成效", "measures"), ("二、存在的不足", "problems"),
                       ("三、下一步工作打算", "plans")]


# -- em-space indents (&emsp;) ----------------------------------------------------------------------

EM_INDENTED = ("\u2003\u2003某某区民政局2024年法治政府建设情况报告\n\u2003\u2003一、主要举措\n"
               "\u2003\u2003全年开展培训\u20026\u2002次。\n\u2003\u2003二、存在问题\n\u2003\u2003不足。")


def test_em_space_indented_text_keeps_its_outline_title_and_figures():
    from app.core.extract import extract
    result = extract(EM_INDENTED)
    assert result.metadata.title == "某某区民政局2024年法治政府建设情况报告"
    assert result.metadata.agency == "某某区民政局"
    assert [(s.title, s.category) for s in result.sections] == [
        ("某某区民政局2024年法治政府建设情况报告", "preamble"), ("一、主要举措", "measures"),
        ("二、存在问题", "problems")]
    assert [(f.raw, f.value, f.indicator) for f in result.figures] == [("6\u2002次", 6, "training_sessions")]


def test_html_lines_lose_their_em_space_indent():
    page = "<p>&emsp;&emsp;一、主要举措</p><p>&ensp;全年开展培训6次。</p>"
    assert text_from_bytes(page.encode("utf-8"), ".html").text == "一、主要举措\n全年开展培训6次。"


@pytest.mark.parametrize("text", [
    "坚持在和平共处五项原则基础上发展友好合作。",
    "推动共建“一带一路”八项行动落实落地。",
])
def test_named_doctrines_with_numbers_are_slogans(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text, raw, value, qualifier, label", [
    ("每次抽查3至5家企业。", "3至5家", 5, "at_most", "每次抽查企业"),
    ("每月随机抽取3-5家单位。", "3-5家", 5, "at_most", "每月随机抽取单位"),
    ("组织培训2到3期。", "2到3期", 3, "at_most", "组织培训"),
    ("处罚款50万至100万元。", "50万至100万元", 1_000_000, "at_most", None),
    ("每年开展约三至五次。", "三至五次", 5, "approx", None),
])
def test_a_range_is_one_figure_at_its_top_value(text, raw, value, qualifier, label):
    [figure] = find_figures(text)
    assert (figure.raw, figure.value, figure.qualifier) == (raw, value, qualifier)
    if label is not None:
        assert figure.label == label


@pytest.mark.parametrize("text", ["第1至3批试点单位。", "档号QZ00129-0300件。"])
def test_ordinal_or_code_ranges_stay_out(text):
    assert find_figures(text) == []


def test_vehicle_checks_and_case_files_have_their_measure_words():
    found = figures_by_raw("全年检查营运车辆1.2万辆次，评查行政执法案卷560卷。")
    assert (found["1.2万辆次"].value, found["1.2万辆次"].unit) == (12000, "辆次")
    assert (found["560卷"].value, found["560卷"].unit) == (560, "卷")
