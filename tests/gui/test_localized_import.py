"""In the Chinese interface, why a file could not be imported and how sure its decoding was
read in Chinese, while the CLI and the database keep the English the core writes."""
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QMessageBox

from review_fixtures import chinese, open_window  # noqa: F401

from app.gui.import_dialog import FILE_MESSAGES, run_import, tr_file_text
from app.gui.tasks import TaskRunner
from app.store.database import open_store

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
# GBK too short for chardet to be sure of it
GBK_REPORT = "重庆市渝北区卫生健康委员会关于2024年法治政府建设情况的报告。全年开展普法宣传活动36场。"
ENGLISH_SENTENCE = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){2,}")  # three English words in a row


@pytest.fixture
def shown(chinese, monkeypatch) -> list[dict]:
    boxes = []

    def capture(box):
        boxes.append({"title": box.windowTitle(), "text": box.text(), "details": box.detailedText()})
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", capture)
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    return boxes


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "review.sqlite"
    open_store(path).close()
    return path


def test_import_summary_says_in_chinese_why_each_file_was_not_imported(shown, db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORT_REVIEWER_SOFFICE", "")  # no LibreOffice to convert the .doc
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "picture.txt").write_bytes(PNG)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64)
    names = ("empty.txt", "picture.txt", "old.doc")
    summary = run_import(None, str(db_path), [str(tmp_path / name) for name in names])
    assert len(summary.failed) == 3
    [box] = shown
    assert box["title"] == "导入完成"
    lines = box["details"].splitlines()
    assert "old.doc: 这是旧版 Word 或 WPS 文件（.doc/.wps）：请安装 LibreOffice，或在 Word/WPS 中另存为 .docx。" in lines
    assert "empty.txt: 文件为空。" in lines
    assert "picture.txt: 这不是文本文件（看起来是一张 PNG 图片）。" in lines
    assert not ENGLISH_SENTENCE.search(box["details"]), box["details"]


def test_a_jsonl_that_cannot_be_restored_is_explained_in_chinese(shown, db_path, tmp_path):
    (tmp_path / "notes.jsonl").write_text('{"type": "note"}\n', encoding="utf-8")
    (tmp_path / "partial.jsonl").write_text(
        '{"type": "header", "format": "report-reviewer-export", "version": 1, "complete": false}\n', encoding="utf-8")
    run_import(None, str(db_path), [str(tmp_path / "notes.jsonl"), str(tmp_path / "partial.jsonl")])
    lines = shown[0]["details"].splitlines()
    assert "notes.jsonl: 不是 Report Reviewer 导出的 JSONL 文件" in lines
    assert any(line.startswith("partial.jsonl: 此导出文件不完整") for line in lines)
    assert not ENGLISH_SENTENCE.search(shown[0]["details"]), shown[0]["details"]


def test_a_folder_with_no_reports_is_explained_in_chinese(shown, db_path, tmp_path):
    (tmp_path / "pictures").mkdir()
    run_import(None, str(db_path), [str(tmp_path / "pictures")])
    lines = shown[0]["details"].splitlines()
    assert "pictures: 此文件夹中没有报告文件（.doc, .docx, .htm, .html, .mht, .mhtml, .pdf, .txt, .wps）。" in lines


def test_a_decode_warning_shows_in_chinese_on_the_metadata_panel(chinese, qtbot, db_path, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    source = tmp_path / "渝北区卫生健康委员会2024年法治政府建设情况报告.txt"
    source.write_bytes(GBK_REPORT.encode("gbk"))
    with open_store(db_path) as store:
        from app.store.importer import import_paths
        assert import_paths(store, [str(source)]).imported
        [report] = store.list_reports()
        stored = store.report(report.id).decode_warning
    assert stored.startswith("Encoding guessed as GB18030 with low confidence")  # the database keeps English
    window = open_window(qtbot, db_path)
    try:
        window.controller.open_report(report.id)
        banner = window.metadata.warning_banner
        assert banner.isVisible()
        assert re.fullmatch(r"⚠ 推测编码为 GB18030，但把握不大（置信度 0\.\d\d）；"
                            r"请核对正文，或选择其他编码重新读取。", banner.text()), banner.text()
        # re-read by hand as UTF-8, the loss is explained in Chinese too
        combo = window.metadata.encoding_combo
        combo.setCurrentIndex(combo.findData("utf-8"))
        combo.activated.emit(combo.currentIndex())
        assert re.fullmatch(r"⚠ 部分字节无法按 UTF-8 解码：\d+ 个字符已替换为 \ufffd；"
                            r"请核对正文，或选择其他编码重新读取。", banner.text()), banner.text()
    finally:
        window.close()


def test_every_file_message_has_a_chinese_translation(chinese):
    """A new reason added without a translation would show in English in the summary."""
    for template in FILE_MESSAGES:
        assert re.search(r"[\u4e00-\u9fff]", tr_file_text(template)), template
