"""Saved web pages and browser text files from many site templates come out as the same
readable text: one paragraph a line, nothing hidden, decoded with the right charset, and
any doubt about the decode flagged (CODEBOOK §1)."""
from __future__ import annotations

import pytest

from app.core import decode
from app.core.decode import decode_bytes
from app.core.html_text import html_from_bytes, html_to_text
from app.core.messages import message_parts
from app.core.readers import read_report, text_from_bytes

SENTENCE = "全年办理行政复议案件35件，开展法治培训6次，发放普法资料1万余份，群众满意度进一步提升。"
REPORT = ("某某市司法局关于2023年法治政府建设情况的报告\n"
          "一、主要举措和成效\n" + SENTENCE * 20 + "\n二、存在的不足\n" + "基层执法人员数量不足，培训覆盖面有待扩大。" * 10)
BIG5_REPORT = ("臺北市政府法務局一一二年度法治政府建設推動情形報告。本局持續推動依法行政，"
               "辦理訴願案件三十五件，法律諮詢服務一千二百人次。") * 10


def lines(markup: str) -> list[str]:
    return html_to_text(markup).split("\n")


# -- line structure ---------------------------------------------------------------------------

def test_br_runs_break_lines():
    assert lines("<p>一、总体情况<br>二、主要措施<BR/>三、存在问题<br /><br/>四、下步打算</p>") == [
        "一、总体情况", "二、主要措施", "三、存在问题", "", "四、下步打算"]


def test_old_cms_table_layout_keeps_the_body_cell_paragraphs():
    page = ("<table><tr><td width=180><a href=/>首页</a><br><a href=/zwgk>政务公开</a></td>"
            "<td class=content><div id=zoom><p>一、主要举措和成效</p>"
            f"<p>{SENTENCE}</p><p>二、存在的不足</p><p>{SENTENCE}</p></div></td>"
            "<td width=20></td></tr></table>")
    assert lines(page) == ["首页", "政务公开", "一、主要举措和成效", SENTENCE, "二、存在的不足", SENTENCE]


def test_body_cell_in_a_nested_layout_table_keeps_its_paragraphs():
    page = ("<table><tr><td>当前位置：首页</td><td><table><tr><td>"
            f"<p>一、主要举措</p><p>{SENTENCE}</p><p>{SENTENCE}</p>"
            "</td></tr></table></td></tr></table>")
    assert lines(page) == ["当前位置：首页", "一、主要举措", SENTENCE, SENTENCE]


def test_data_rows_whose_cells_hold_paragraphs_stay_one_line_each():
    page = ("<table><tr><td><p>行政复议案件</p></td><td><p>35件</p></td></tr>"
            "<tr><td><p>行政诉讼</p><p>案件</p></td><td><p>12件</p></td></tr></table>")
    assert lines(page) == ["行政复议案件 35件", "行政诉讼 案件 12件"]


def test_spans_inside_a_paragraph_join_without_breaks_or_spaces():
    page = ('<p><span style="font-size:16px">全年</span><span>办理</span>\n'
            '   <span>行政复议</span><b>案件</b><font color=red>35件</font>。</p>')
    assert lines(page) == ["全年办理行政复议案件35件。"]


def test_space_entities_and_numeric_references():
    page = "<p>&nbsp;&nbsp;&emsp;一、总体情况</p><p>&#12288;&#12288;全年&#x4e00;共办理案件&#25968;&#37327;35件</p>"
    assert lines(page) == ["一、总体情况", "全年一共办理案件数量35件"]


def test_font_strong_and_heading_tags_make_lines():
    page = ("<h1>关于2023年法治政府建设情况的报告</h1><h3>一、主要举措</h3>正文一"
            "<p><font face=黑体><strong>二、存在问题</strong></font></p><h6>三、下步打算</h6>")
    assert lines(page) == ["关于2023年法治政府建设情况的报告", "一、主要举措", "正文一",
                           "二、存在问题", "三、下步打算"]


def test_list_items_are_lines_even_when_unclosed():
    assert lines("<ul><li>完善制度3项<li>开展培训6次</ul><ol><li>办理案件</li></ol>") == [
        "完善制度3项", "开展培训6次", "办理案件"]


def test_link_text_is_kept_as_the_title():
    page = '<div class="title"><a href="t2024_1.html" target=_blank>关于2023年法治政府建设情况的报告</a></div><p>正文</p>'
    assert lines(page) == ["关于2023年法治政府建设情况的报告", "正文"]


def test_center_and_other_block_tags_break_lines():
    assert lines("<center>报告标题</center>正文<details><summary>摘要</summary>内容</details>") == [
        "报告标题", "正文", "摘要", "内容"]


# -- what a reader never sees -----------------------------------------------------------------

def test_iframe_fallback_noscript_and_select_menus_are_dropped():
    page = ("<iframe src=/top.html>您的浏览器不支持框架</iframe>"
            "<noscript>请启用JavaScript</noscript>"
            "<select onchange=go(this)><option>市政府门户</option><option>市发展改革委<option>市司法局</select>"
            "<p>正文</p>")
    assert lines(page) == ["正文"]


def test_hidden_elements_are_dropped():
    page = ('<div style="display:none">某某区人民政府办公室</div>'
            "<div style='DISPLAY: NONE;'><p>分享到微信</p><div>嵌套<div>更深</div></div></div>"
            '<p>正文<span style="visibility:hidden">隐藏</span>继续</p>'
            f"<p hidden>属性隐藏</p><p>{SENTENCE}</p>")
    assert lines(page) == ["正文继续", SENTENCE]


def test_a_page_whose_body_is_hidden_until_a_script_shows_it_keeps_the_body():
    page = (f'<div class=nav>首页</div><div id=zoom style="display:none"><p>一、主要举措</p><p>{SENTENCE}</p>'
            f"<p>{SENTENCE}</p></div><script>show('zoom')</script>")
    assert lines(page) == ["首页", "一、主要举措", SENTENCE, SENTENCE]


def test_comments_conditional_comments_and_cdata_are_dropped():
    page = ("<p>正文<!-- 栏目：法治政府 --></p><!--[if lt IE 9]><p>请升级浏览器</p><![endif]-->"
            "<p><![CDATA[ var x = 1; ]]>结尾</p>")
    assert lines(page) == ["正文", "结尾"]


def test_malformed_markup_still_gives_the_paragraphs():
    page = ("<HTML><BODY><DIV CLASS=main><P ALIGN=center>第一段<P>第二段</div></div>"
            "<Td>孤立单元格<p class=x id=y>第三段<br>第四段</BODY>")
    assert lines(page) == ["第一段", "第二段", "孤立单元格", "第三段", "第四段"]


# -- pages saved by Word ------------------------------------------------------------------------

WORD_PAGE = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312">
<style><!-- p.MsoNormal {mso-style-parent:""; font-family:宋体;} --></style>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>张三</o:Author></o:DocumentProperties></xml><![endif]-->
</head><body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;
font-family:方正小标宋简体'>关于<span lang=EN-US>2023</span>年法治政府建设情况的报告<span lang=EN-US><o:p></o:p></span></span></b></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoListParagraph style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:黑体;mso-list:Ignore'>一、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span
style='font-family:黑体'>主要举措和成效<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>全年办理行政复议案件<span
lang=EN-US>35</span>件。<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span
style='mso-list:Ignore'>二、</span><!--[endif]--><span>存在的不足<o:p></o:p></span></p>
<p class=MsoNormal><![if !vml]><img width=20 height=20 src="report.files/image001.png" v:shapes="_x0000_i1025"><![endif]></p>
</div></body></html>"""


def test_word_web_page_keeps_list_markers_and_drops_office_markup():
    decoded = text_from_bytes(WORD_PAGE.encode("gbk"), ".htm")
    assert decoded.encoding == "gb18030" and decoded.warning is None
    assert decoded.text.split("\n") == [
        "关于2023年法治政府建设情况的报告", "一、 主要举措和成效", "全年办理行政复议案件35件。", "二、存在的不足"]


# -- declared charsets ---------------------------------------------------------------------------

BODY = f"<p>{SENTENCE}</p>"


@pytest.mark.parametrize("meta", [
    '<meta charset="utf-8">',
    '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
    "<META HTTP-EQUIV=Content-Type CONTENT='text/html;charset=GBK'>",
])
def test_declared_charset_that_is_right_decodes_without_warning(meta):
    codec = "utf-8" if "utf-8" in meta else "gbk"
    decoded = html_from_bytes((meta + BODY).encode(codec))
    assert decoded.text == SENTENCE and decoded.warning is None


def test_page_declared_gb2312_but_saved_as_utf8_is_read_as_utf8_and_flagged():
    # Short UTF-8 Chinese also decodes "cleanly" as GB18030, into garbage: UTF-8 must win.
    page = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><h1>法治政府建设报告</h1>'
    decoded = html_from_bytes(page.encode("utf-8"))
    assert decoded.text == "法治政府建设报告" and decoded.encoding == "utf-8"
    assert message_parts(decode.TEMPLATES, decoded.warning)[0] == decode.MESSAGES["declared_wrong"]


def test_page_declared_utf8_but_saved_as_gbk_is_read_as_gbk_and_flagged():
    decoded = html_from_bytes(('<meta charset="utf-8">' + BODY).encode("gbk"))
    assert decoded.text == SENTENCE and decoded.encoding == "gb18030"
    assert decoded.warning


def test_page_declared_western_but_holding_gbk_is_not_read_as_mojibake():
    decoded = html_from_bytes(('<meta charset="iso-8859-1">' + BODY).encode("gbk"))
    assert decoded.text == SENTENCE and decoded.encoding == "gb18030"
    assert message_parts(decode.TEMPLATES, decoded.warning)[0] == decode.MESSAGES["declared_wrong"]


def test_a_western_page_declared_western_is_read_as_declared():
    decoded = html_from_bytes('<meta charset="windows-1252"><p>Caf\xe9 \xa9 2023</p>'.encode("cp1252"))
    assert decoded.text == "Caf\xe9 \xa9 2023"


def test_declared_big5_is_read_as_big5():
    decoded = html_from_bytes(('<meta charset="big5"><p>' + BIG5_REPORT + "</p>").encode("big5"))
    assert decoded.text == BIG5_REPORT and decoded.warning is None


# -- text files saved from browsers ---------------------------------------------------------------

def test_utf16_le_without_bom_is_recognised():
    decoded = decode_bytes(REPORT.encode("utf-16-le"))
    assert decoded.text == REPORT and decoded.encoding == "utf-16-le"


def test_gbk_text_with_a_few_bad_bytes_keeps_the_rest_and_is_flagged():
    data = REPORT.encode("gbk")
    damaged = data[:300] + b"\xff" + data[300:900] + b"\x80" + data[900:]
    decoded = decode_bytes(damaged)
    assert decoded.encoding == "gb18030" and decoded.damaged and decoded.warning
    assert decoded.text.replace("\ufffd", "") == REPORT
    assert decoded.text.count("\ufffd") <= 2


def test_big5_text_is_read_as_big5():
    assert decode_bytes(BIG5_REPORT.encode("big5")).text == BIG5_REPORT


def test_big5_text_with_a_bad_byte_is_read_as_big5_not_gb_garbage():
    data = BIG5_REPORT.encode("big5")
    decoded = decode_bytes(data[:300] + b"\xff" + data[300:])
    assert decoded.encoding == "big5hkscs" and decoded.damaged and decoded.warning
    assert decoded.text.replace("\ufffd", "") == BIG5_REPORT


def test_mixed_line_endings_become_newlines():
    data = "标题\r\n一、主要举措\r全年办理案件35件。\n二、存在问题\r\n".encode("gbk")
    assert decode_bytes(data).text == "标题\n一、主要举措\n全年办理案件35件。\n二、存在问题\n"


def test_a_few_nul_bytes_do_not_make_a_text_file_binary(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(REPORT.encode("utf-8") + b"\x00\x00")
    _, decoded = read_report(path)
    assert decoded.text.rstrip("\x00") == REPORT


def test_nul_padded_data_is_still_refused(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x00\x01\x00\x00" * 500 + REPORT.encode("utf-8"))
    with pytest.raises(Exception, match="NUL bytes"):
        read_report(path)


def test_a_two_megabyte_line_is_read_whole(tmp_path):
    line = SENTENCE * (2 * 1024 * 1024 // len(SENTENCE.encode("utf-8")))
    (tmp_path / "long.txt").write_bytes(line.encode("utf-8"))
    (tmp_path / "long.html").write_bytes(f"<p>{line}</p>".encode("utf-8"))
    assert read_report(tmp_path / "long.txt")[1].text == line
    assert read_report(tmp_path / "long.html")[1].text == line
