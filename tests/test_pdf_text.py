"""PDF reports: the text layer in reading order, paragraphs rejoined, running headers and page
numbers left out, and one clear message for each PDF that gives no report."""
from collections import Counter

import pytest

import pdf_maker
from app.core import readers
from app.core.extract import extract
from app.core.pdf_text import pdf_text
from app.core.readers import ReadError, read_report
from conftest import DATA, SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
COUNTY_SEED = SEEDS / "003_fc9581fd91370635.txt"  # a county body whose opening paragraphs are report text


def seed_text(path) -> str:
    return path.read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def figure_keys(text: str) -> Counter:
    return Counter((figure.value, figure.unit) for figure in extract(text).figures)


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda path: path.name[:3])
@pytest.mark.parametrize("style", ["indented, page numbers", "flush, running header"])
def test_a_pdf_made_from_a_seed_gives_its_figures_and_metadata(seed, style):
    text = seed_text(seed)
    if style.startswith("indented"):
        data = pdf_maker.text_pdf(text, footer="- {page} -", indent=True)
    else:
        data = pdf_maker.text_pdf(text, header="某某市卫生健康委员会文件", footer="第{page}页 共{pages}页")
    found = pdf_text(data)
    want = figure_keys(text)
    got = figure_keys(found.text)
    assert sum((want & got).values()) >= 0.95 * sum(want.values()), (want - got, got - want)
    assert extract(found.text).metadata == extract(text).metadata
    assert not found.garbled
    assert len(found.page_starts) == len(pdf_maker.layout(text)) > 1


def test_indented_paragraphs_come_back_exactly_as_the_seed_wrote_them():
    text = seed_text(SEED_FILES[0])
    found = pdf_text(pdf_maker.text_pdf(text, footer="- {page} -", indent=True))
    assert found.text == "\n".join(paragraphs(text))


def test_a_two_page_report_loses_its_running_header_and_page_numbers_and_joins_across_the_break():
    text = seed_text(SEED_FILES[1])
    body = paragraphs(text)
    data = pdf_maker.text_pdf("\n".join(body), header="泉州市卫生健康委员会 2024年度报告",
                              footer="第{page}页 共{pages}页", lines_per_page=12)
    pages = pdf_maker.layout("\n".join(body), lines_per_page=12)
    found = pdf_text(data)
    assert "泉州市卫生健康委员会 2024年度报告" not in found.text
    assert "第1页" not in found.text and "共" + str(len(pages)) + "页" not in found.text
    # page 2 starts with the second half of a wrapped line of page 1's last paragraph
    first_on_two = pages[1][0][2]
    start = found.page_starts[1]
    assert found.text[start:start + len(first_on_two)] == first_on_two
    assert found.text[start - 1] != "\n"  # the paragraph goes on over the page break
    assert paragraphs(found.text)[:3] == body[:3]
    assert found.page_starts == sorted(found.page_starts) and found.page_starts[0] == 0


@pytest.mark.parametrize("footer", ["- {page} -", "—{page}—", "{page}", "{page}/{pages}",
                                    "第 {page} 页，共 {pages} 页", "共{pages}页 第{page}页", "Page {page} of {pages}"])
def test_page_number_footers_are_left_out(footer):
    text = "\n".join(paragraphs(seed_text(COUNTY_SEED))[:12])
    found = pdf_text(pdf_maker.text_pdf(text, footer=footer, lines_per_page=15))
    assert found.text == pdf_text(pdf_maker.text_pdf(text, lines_per_page=15)).text


def test_a_single_page_keeps_a_line_that_only_looks_like_a_header():
    # a line in the top band shown once is the report's own, not a running header
    text = "某县卫生健康局2024年法治政府建设情况报告\n全年办理行政复议案件3件。"
    found = pdf_text(pdf_maker.text_pdf(text))
    assert found.text == text


def test_lines_drawn_bottom_up_are_read_top_down():
    text = "\n".join(paragraphs(seed_text(SEED_FILES[0]))[:6])
    [page] = pdf_maker.layout(text)
    reversed_page = pdf_maker._text_stream(list(reversed(page)))
    found = pdf_text(pdf_maker.build_pdf([reversed_page]))
    assert found.text == pdf_text(pdf_maker.text_pdf(text)).text
    assert found.text.startswith(paragraphs(text)[0])


def test_a_long_centred_title_over_two_lines_is_one_line_and_the_body_stays_apart():
    title = "酉阳土家族苗族自治县卫生健康委员会关于2024年法治政府建设情况的报告"
    body = paragraphs(seed_text(COUNTY_SEED))[1:4]
    first, second = pdf_maker.wrap(title, pdf_maker.LINE_EMS * pdf_maker.FONT_SIZE / 18)[:2]
    [page] = pdf_maker.layout("\n".join(body), indent=True)
    lines = [pdf_maker.centred(first, 790, 18), pdf_maker.centred(second, 766, 18)]
    lines += [(x, y - 20, words) for x, y, words in page]
    found = pdf_text(pdf_maker.build_pdf([pdf_maker._text_stream(lines)]))
    assert paragraphs(found.text) == [title] + body


def test_each_row_of_a_table_is_a_line_of_its_own():
    intro = "全年工作情况如下表。" + "各项工作稳步推进" * 4  # a full line, not ending a sentence
    table = [("项目", "数量", "同比"), ("行政复议案件", "12件", "增长5.2%"), ("普法宣传活动", "36场", "持平")]
    lines = [(pdf_maker.MARGIN_X, 760, intro[:pdf_maker.LINE_EMS])]
    for row, cells in enumerate(table):
        lines += [(pdf_maker.MARGIN_X + column * 150, 740 - row * 20, cell) for column, cell in enumerate(cells)]
    lines.append((pdf_maker.MARGIN_X, 660, "以上数据截至2023年12月31日。"))
    found = pdf_text(pdf_maker.build_pdf([pdf_maker._text_stream(lines)]))
    assert found.text.split("\n")[1:] == ["项目 数量 同比", "行政复议案件 12件 增长5.2%", "普法宣传活动 36场 持平",
                                          "以上数据截至2023年12月31日。"]


def test_a_real_word_processor_pdf_with_header_and_footer_fields():
    """LibreOffice's own PDF (embedded font subset, justified lines, page fields)."""
    found = pdf_text((DATA / "pdf" / "two_pages_libreoffice.pdf").read_bytes())
    seed = paragraphs(seed_text(SEED_FILES[1]))[:6]
    assert len(found.page_starts) == 2
    assert "政务公开" not in found.text and "第1页" not in found.text and "共2页" not in found.text
    assert paragraphs(found.text)[3:] == seed[3:]  # the wrapped paragraphs, one across the page break
    assert figure_keys(found.text) == figure_keys("\n".join(seed))
    start = found.page_starts[1]
    assert 0 < start < len(found.text) and found.text[start - 1] != "\n"


# -- PDFs that give no report: one line each ---------------------------------------------------

def test_a_scan_says_it_needs_ocr_and_gives_no_report(tmp_path):
    path = write(tmp_path, "scan.pdf", pdf_maker.scan_pdf(2))
    with pytest.raises(ReadError) as raised:
        read_report(path)
    assert str(raised.value) == readers.MESSAGES["pdf_images_only"]
    assert "holds images only; it needs OCR" in str(raised.value)


def test_a_scan_with_only_a_page_number_printed_on_it_still_needs_ocr(tmp_path):
    stream = b"0.8 g 50 50 495 742 re f\n" + pdf_maker._text_stream([(280, 40, "- 1 -")])
    path = write(tmp_path, "scan.pdf", pdf_maker.build_pdf([stream]))
    with pytest.raises(ReadError, match="holds images only"):
        read_report(path)


def test_an_encrypted_pdf_says_so(tmp_path):
    path = write(tmp_path, "locked.pdf", pdf_maker.encrypted_pdf("全年办理行政复议案件3件。"))
    with pytest.raises(ReadError) as raised:
        read_report(path)
    assert str(raised.value) == readers.MESSAGES["pdf_encrypted"]


def test_a_damaged_pdf_says_so(tmp_path):
    path = write(tmp_path, "cut.pdf", pdf_maker.damaged_pdf(seed_text(SEED_FILES[0])))
    with pytest.raises(ReadError) as raised:
        read_report(path)
    message = str(raised.value)
    assert message.startswith("This PDF is damaged and cannot be read (") and "\n" not in message


def test_a_pdf_over_the_size_limit_is_not_opened(tmp_path, monkeypatch):
    path = write(tmp_path, "big.pdf", pdf_maker.text_pdf(seed_text(SEED_FILES[0])))
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1024)
    with pytest.raises(ReadError, match=r"The file is too large \(0\.0 MB; the limit is 0 MB\)"):
        read_report(path)


def test_fonts_that_map_to_garbage_give_a_decode_warning(tmp_path):
    path = write(tmp_path, "garbled.pdf", pdf_maker.garbled_pdf(seed_text(SEED_FILES[0])))
    _, decoded = read_report(path)
    assert decoded.warning == readers.MESSAGES["pdf_garbled"]
    _, clean = read_report(write(tmp_path, "clean.pdf", pdf_maker.text_pdf(seed_text(SEED_FILES[0]))))
    assert clean.warning is None


def test_a_pdf_is_known_by_its_bytes_whatever_its_name(tmp_path):
    text = seed_text(SEED_FILES[0])
    data = pdf_maker.text_pdf(text)
    _, as_txt = read_report(write(tmp_path, "download.txt", data))
    _, as_pdf = read_report(write(tmp_path, "report.PDF", data))
    assert as_txt.text == as_pdf.text == pdf_text(data).text
    assert as_pdf.page_starts == tuple(pdf_text(data).page_starts)
    # a download with stray bytes before the header is still a PDF when named so
    _, late_header = read_report(write(tmp_path, "late.pdf", b"\r\n\r\n" + data))
    assert late_header.text == as_pdf.text
    # a text that only mentions the header is text
    _, mention = read_report(write(tmp_path, "notes.txt", "PDF 文件以 %PDF-1.7 开头。".encode("utf-8")))
    assert mention.text == "PDF 文件以 %PDF-1.7 开头。"
