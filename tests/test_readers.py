"""Finding report files and reading them: each bad file gets its own one-line message."""
import codecs
import zipfile
from pathlib import Path

import pytest

from app.core.readers import ReadError, collect_files, read_report, text_from_bytes
from conftest import SEEDS

SEED = sorted(SEEDS.glob("*.txt"))[0]
SEED_TEXT = SEED.read_bytes().decode("utf-8")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def write(folder, name, data):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def read_all(paths):
    """What the importer does: read every file, keep going past bad ones."""
    files, errors = collect_files(paths)
    texts = {}
    for path in files:
        try:
            texts[path.name] = read_report(path)[1].text
        except ReadError as error:
            errors.append((str(path), str(error)))
    return texts, dict((str(path).rsplit("/", 1)[-1], message) for path, message in errors)


def zip_bytes(tmp_path):
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("a.txt", "hello")
    return archive.read_bytes()


# -- collect_files ------------------------------------------------------------------------

def test_collect_finds_supported_files_recursively_sorted(tmp_path):
    write(tmp_path, "b.txt", "乙")
    write(tmp_path, "a.HTM", "<p>甲</p>")
    write(tmp_path, "sub/deeper/c.Docx", b"x")
    write(tmp_path, "sub/d.html", "<p>丁</p>")
    write(tmp_path, "notes.pdf", b"%PDF")
    write(tmp_path, "notes.rtf", b"{\\rtf1}")
    write(tmp_path, ".hidden.txt", "x")
    write(tmp_path, "~$lock.docx", b"x")
    files, errors = collect_files([tmp_path])
    assert [path.relative_to(tmp_path).as_posix() for path in files] == [
        "a.HTM", "b.txt", "notes.pdf", "sub/d.html", "sub/deeper/c.Docx"]
    assert [(Path(path).name, "Rich text (.rtf) is not read" in message)
            for path, message in errors] == [("notes.rtf", True)]


def test_collect_reports_missing_paths_and_empty_folders_but_keeps_the_rest(tmp_path):
    good = write(tmp_path, "good/report.txt", SEED_TEXT)
    (tmp_path / "empty").mkdir()
    write(tmp_path, "pictures/photo.png", PNG)
    stray = write(tmp_path, "table.xlsx", b"PK")
    files, errors = collect_files([tmp_path / "missing.txt", tmp_path / "empty",
                                   tmp_path / "pictures", tmp_path / "good", stray])
    assert files == [good]
    messages = dict(errors)
    assert messages[str(tmp_path / "missing.txt")] == "No such file or folder."
    assert ("No report files (.doc, .docx, .htm, .html, .mht, .mhtml, .pdf, .txt, .wps)"
            in messages[str(tmp_path / "empty")])
    assert "No report files" in messages[str(tmp_path / "pictures")]
    assert "Not a supported file type (.xlsx)" in messages[str(stray)]


def test_collect_lists_a_file_once_even_if_given_twice(tmp_path):
    report = write(tmp_path, "r.txt", "甲")
    files, _ = collect_files([report, tmp_path])
    assert files == [report]


# -- read_report: good files ----------------------------------------------------------------

def test_read_returns_original_bytes_and_stored_text(tmp_path):
    data = codecs.BOM_UTF16_LE + SEED_TEXT.replace("\n", "\r\n").encode("utf-16-le")
    path = write(tmp_path, "utf16.txt", data)
    original, decoded = read_report(path)
    assert original == data
    assert decoded.text == SEED_TEXT
    assert decoded.encoding == "utf-16-le"


def test_utf16_without_bom_is_text_not_binary(tmp_path):
    path = write(tmp_path, "utf16.txt", SEED_TEXT.encode("utf-16-le"))
    assert read_report(path)[1].text == SEED_TEXT


# -- read_report: bad files, each with its message, the others still read -------------------

def test_every_bad_file_has_a_clear_message_and_good_files_still_read(tmp_path):
    write(tmp_path, "good.txt", SEED_TEXT.encode("gb18030"))
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.txt", "  \r\n\u3000\n")
    write(tmp_path, "picture.txt", PNG + b"\x00" * 100)
    write(tmp_path, "archive.txt", zip_bytes(tmp_path))
    write(tmp_path, "nul.txt", "正文".encode("gb18030") + b"\x00\x01\x02\x00" + b"abc" * 10)
    write(tmp_path, "controls.txt", bytes(range(1, 9)) * 50 + b"text")
    write(tmp_path, "noise.txt", b"\x80\xff" * 500)
    write(tmp_path, "broken.docx", b"this is not a zip")
    with open(tmp_path / "huge.txt", "wb") as huge:
        huge.truncate(21 * 1024 * 1024)

    texts, errors = read_all([tmp_path])

    assert texts == {"good.txt": SEED_TEXT}
    assert errors == {
        "empty.txt": "The file is empty.",
        "blank.txt": "The file contains no text.",
        "picture.txt": "This is not a text file (it looks like a PNG image).",
        "archive.txt": "This is not a text file (it looks like a zip archive).",
        "nul.txt": "This is not a text file (it looks like binary data with NUL bytes).",
        "controls.txt": "This is not a text file (it looks like binary data "
                        "with many control characters).",
        "noise.txt": "The file's encoding could not be recognised (it is neither Unicode "
                     "nor Chinese GB18030/Big5 text).",
        "broken.docx": "This is not a valid Word file (.docx); it may be damaged, "
                       "or an old .doc file renamed.",
        "huge.txt": "The file is too large (21.0 MB; the limit is 20 MB).",
    }
    assert all("\n" not in message for message in errors.values())


def test_read_missing_file_and_folder(tmp_path):
    with pytest.raises(ReadError, match="does not exist"):
        read_report(tmp_path / "gone.txt")
    with pytest.raises(ReadError, match="folder, not a file"):
        read_report(tmp_path)


def test_damaged_utf8_is_read_with_a_warning(tmp_path):
    data = SEED_TEXT[:50].encode() + b"\xff" + SEED_TEXT[50:].encode()
    _, decoded = read_report(write(tmp_path, "damaged.txt", data))
    assert decoded.damaged and decoded.warning
    assert decoded.text.replace("\ufffd", "") == SEED_TEXT


# -- HTML --------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>页面标题</title><style>p { color: red; }</style>
<script>var tracking = "不应出现";</script></head>
<body>
<div class="nav">您现在的位置：首页 &gt; 政务公开</div>
<h1>关于2024年法治政府建设情况的报告</h1>
<p>&nbsp;&nbsp;一、主要举措
</p>
<p>全年开展普法活动
   36场，发放资料&ldquo;1万余份&rdquo;。</p>
<script>document.write("no")</script>
<p>A&amp;B   law   study<br>second line</p>
<br><br><br><br>
<table><tr><td>检查</td><td>2796件</td></tr></table>
<!-- comment 注释 -->
</body></html>
"""


def test_html_keeps_paragraphs_and_drops_scripts_styles_and_head():
    decoded = text_from_bytes(PAGE.encode("gbk"), ".html")
    assert decoded.encoding == "gb18030"
    assert decoded.text == (
        "您现在的位置：首页 > 政务公开\n"
        "关于2024年法治政府建设情况的报告\n"
        "一、主要举措\n"
        "全年开展普法活动 36场，发放资料“1万余份”。\n"
        "A&B law study\n"
        "second line\n"
        "\n"
        "检查 2796件"
    )


def test_html_line_break_between_chinese_characters_is_not_a_space():
    decoded = text_from_bytes("<p>法治政府\n  建设</p>".encode("utf-8"), ".htm")
    assert decoded.text == "法治政府建设"


def test_html_without_charset_is_detected_and_bad_charset_falls_back(tmp_path):
    body = "<p>法治政府建设情况的报告，全年办理行政复议案件12件。</p>"
    assert text_from_bytes(body.encode("gb18030"), ".html").text.startswith("法治政府")
    lying = ('<meta charset="big5">' + body).encode("utf-8")
    decoded = read_report(write(tmp_path, "lying.html", lying))[1]
    assert decoded.text == "法治政府建设情况的报告，全年办理行政复议案件12件。"
    assert decoded.encoding == "utf-8"
    assert "declares BIG5" in decoded.warning


def test_html_override_encoding_wins_over_meta():
    page = '<meta charset="utf-8"><p>臺北市法務局</p>'.encode("big5")
    assert text_from_bytes(page, ".html", encoding="big5").text == "臺北市法務局"


# -- DOCX -------------------------------------------------------------------------------------

def test_docx_paragraphs_and_table_cells_become_lines(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("关于2024年法治政府建设情况的报告")
    paragraph = document.add_paragraph("一、主要举措")
    paragraph.add_run("和成效").bold = True
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "立案"
    table.cell(0, 1).text = "18件"
    document.add_paragraph("全年罚款4万元。")
    path = tmp_path / "report.docx"
    document.save(path)

    original, decoded = read_report(path)
    assert original == path.read_bytes()
    assert decoded.text == "关于2024年法治政府建设情况的报告\n一、主要举措和成效\n\n立案\n18件\n全年罚款4万元。"
    assert (decoded.encoding, decoded.damaged, decoded.warning) == ("utf-8", False, None)


def test_zip_without_word_document_is_not_a_valid_word_file(tmp_path):
    path = write(tmp_path, "fake.docx", zip_bytes(tmp_path))
    with pytest.raises(ReadError, match="not a valid Word file"):
        read_report(path)


# -- re-reading with an encoding override -------------------------------------------------------

def test_text_from_bytes_applies_an_override_to_plain_text():
    data = "臺北市政府法務局".encode("big5")
    assert text_from_bytes(data, ".txt", encoding="big5hkscs").text == "臺北市政府法務局"
    lossy = text_from_bytes(data, "TXT", encoding="utf-8")
    assert lossy.damaged and lossy.warning
    with pytest.raises(ReadError, match="Unknown encoding"):
        text_from_bytes(data, ".txt", encoding="no-such-codec")


def test_word_97_wps_and_pdf_reports_are_collected_and_rtf_is_named_with_how_to_convert_it(tmp_path):
    report = write(tmp_path, "reports/2023.txt", SEED_TEXT)
    old_word = write(tmp_path, "reports/2022.doc", b"\xd0\xcf\x11\xe0")
    pdf = write(tmp_path, "reports/2021.pdf", b"%PDF-1.4")
    write(tmp_path, "reports/2020.rtf", b"{\\rtf1}")
    write(tmp_path, "reports/photo.png", PNG)
    single = write(tmp_path, "old.wps", b"\xd0\xcf\x11\xe0")
    files, errors = collect_files([tmp_path / "reports", single])
    assert files == [pdf, old_word, report, single]
    messages = dict(errors)
    assert "save it as .docx" in messages[str(tmp_path / "reports" / "2020.rtf")]
    assert str(tmp_path / "reports" / "photo.png") not in messages  # not a report format: no noise


def test_a_web_archive_reads_as_its_page(tmp_path):
    import quopri
    page = ("<html><head><meta charset=\"gb2312\"></head><body><h1>某县司法局2023年法治政府建设情况报告</h1>"
            "<p>全年办理行政复议案件35件。</p></body></html>").encode("gb18030")
    archive = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_000\"\r\n\r\n"
               b"------=_NextPart_000\r\nContent-Type: text/html; charset=\"gb2312\"\r\n"
               b"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: http://www.gov.cn/a.html\r\n\r\n"
               + quopri.encodestring(page) + b"\r\n------=_NextPart_000\r\nContent-Type: image/png\r\n"
               b"Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------=_NextPart_000--\r\n")
    saved = write(tmp_path, "report.mht", archive)
    html = write(tmp_path, "report.html", page)
    files, errors = collect_files([saved])
    assert files == [saved] and errors == []
    assert read_report(saved)[1].text == read_report(html)[1].text
    assert "全年办理行政复议案件35件。" in read_report(saved)[1].text


def test_a_web_archive_without_a_page_is_named(tmp_path):
    empty = write(tmp_path, "empty.mht", b"MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\nxyz\r\n")
    with pytest.raises(ReadError, match="holds no web page"):
        read_report(empty)
