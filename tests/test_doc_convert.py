"""Old Word (.doc) and WPS (.wps) reports, read through LibreOffice; one line when it cannot.

The conversion tests need LibreOffice (`soffice`): .ci/run installs it. They fail, not skip,
where it is missing, so a machine without it cannot pass them silently."""
import os
import stat

import pytest

from app.core import doc_convert, readers
from app.core.readers import ReadError, read_report
from conftest import DATA, SEEDS

DOC = DATA / "doc" / "001_libreoffice.doc"
SEED = SEEDS / "001_910248068a3dcdfb.txt"
NO_SOFFICE = "LibreOffice (soffice) is needed for this test: apt-get install libreoffice-writer-nogui"


def paragraphs(text):
    return [line.strip() for line in text.split("\n") if line.strip()]


@pytest.fixture
def soffice():
    found = doc_convert.find_soffice()
    assert found, NO_SOFFICE
    return found


def fake_soffice(tmp_path, monkeypatch, script: str):
    path = tmp_path / "soffice"
    path.write_text("#!/bin/sh\n" + script + "\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv(doc_convert.SOFFICE_ENV, str(path))
    return path


def test_a_word_97_file_reads_as_its_text_and_the_original_is_untouched(soffice, tmp_path):
    path = tmp_path / "2024年报告.doc"
    path.write_bytes(DOC.read_bytes())
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path)))
    data, decoded = read_report(path)
    assert paragraphs(decoded.text) == paragraphs(SEED.read_text(encoding="utf-8"))
    assert data == DOC.read_bytes()  # the report keeps the original bytes, not the conversion
    assert (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path))) == before


def test_a_wps_file_is_known_by_its_content(soffice, tmp_path):
    """WPS Office writes .wps as a Word binary file: the OLE2 signature decides, not the name."""
    wps = tmp_path / "report.wps"
    wps.write_bytes(DOC.read_bytes())
    misnamed = tmp_path / "report.docx"
    misnamed.write_bytes(DOC.read_bytes())
    text = paragraphs(SEED.read_text(encoding="utf-8"))
    assert paragraphs(read_report(wps)[1].text) == text
    assert paragraphs(read_report(misnamed)[1].text) == text


def test_without_libreoffice_the_message_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv(doc_convert.SOFFICE_ENV, "")
    path = tmp_path / "old.doc"
    path.write_bytes(DOC.read_bytes())
    with pytest.raises(ReadError) as raised:
        read_report(path)
    assert str(raised.value) == readers.MESSAGES["no_converter"]
    assert "install LibreOffice or save it as .docx in Word/WPS" in str(raised.value)


def test_a_doc_that_is_really_a_docx_or_a_web_page_needs_no_converter(tmp_path, monkeypatch):
    from docx import Document
    monkeypatch.setenv(doc_convert.SOFFICE_ENV, "")
    document = Document()
    document.add_paragraph("全年办理行政复议案件3件。")
    document.save(tmp_path / "saved.doc")
    (tmp_path / "page.doc").write_text("<html><body><p>全年受理投诉举报10件。</p></body></html>",
                                       encoding="utf-8")
    assert read_report(tmp_path / "saved.doc")[1].text == "全年办理行政复议案件3件。"
    assert "全年受理投诉举报10件。" in read_report(tmp_path / "page.doc")[1].text


def test_a_conversion_that_hangs_is_stopped_at_the_time_limit(tmp_path, monkeypatch):
    pid_file = tmp_path / "pid"
    fake_soffice(tmp_path, monkeypatch, f"echo $$ > {pid_file}\nsleep 60")
    with pytest.raises(doc_convert.ConversionTimedOut):  # the fake would otherwise end after 60 s, converted
        doc_convert.convert_to_docx(DOC.read_bytes(), ".doc", time_limit=1)
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)


def test_a_timeout_or_a_failure_is_one_line(tmp_path, monkeypatch):
    fake_soffice(tmp_path, monkeypatch, "echo 'Error: source file could not be loaded'; exit 1")
    path = tmp_path / "bad.doc"
    path.write_bytes(DOC.read_bytes())
    with pytest.raises(ReadError) as raised:
        read_report(path)
    assert str(raised.value) == ("LibreOffice could not convert this Word/WPS file (Error: source file"
                                 " could not be loaded); save it as .docx in Word/WPS.")
    monkeypatch.setattr(doc_convert, "TIME_LIMIT", 1)
    fake_soffice(tmp_path, monkeypatch, "sleep 60")
    with pytest.raises(ReadError, match=r"^LibreOffice took longer than 1 s to convert this file"):
        read_report(path)
