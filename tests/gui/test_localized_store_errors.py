"""A database that cannot be opened is explained in the interface language, first line
included (issue 13.10): the store's error keeps its message key and args."""
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QMessageBox

from review_fixtures import chinese  # noqa: F401

from app.gui import db_dialogs
from app.store.database import open_store
from app.store.errors import NotADatabase, StoreMissing


@pytest.fixture
def shown(qapp, monkeypatch) -> list[dict]:
    boxes = []

    def capture(box):
        boxes.append({"title": box.windowTitle(), "text": box.text()})
        return int(QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "exec", capture)
    return boxes


def test_errors_keep_their_key_and_english_text(tmp_path):
    with pytest.raises(StoreMissing) as missing:
        open_store(tmp_path / "gone.sqlite", create=False)
    assert str(missing.value) == f"{tmp_path / 'gone.sqlite'} does not exist"
    assert missing.value.message_key == "missing"


def test_the_dialog_is_chinese_from_its_first_line(chinese, shown, tmp_path):
    picture = tmp_path / "picture.sqlite"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    assert db_dialogs.open_store_or_explain(None, str(picture), create=False) is None
    assert db_dialogs.open_store_or_explain(None, str(tmp_path / "gone.sqlite"), create=False) is None
    for box in shown:
        first_line = box["text"].replace(str(tmp_path), "")
        assert re.search(r"[\u4e00-\u9fff]", first_line) and not re.search(r"\b(is|not|does|exist)\b", first_line)
    with pytest.raises(NotADatabase):
        open_store(picture, create=False)
