"""Messages made from templates come apart again into the same template and args, so the GUI
can show a stored English message (an import failure, a decode warning) translated."""
from __future__ import annotations

import string

import pytest

from app.core import checks, decode, readers
from app.core.messages import localize, message_parts
from app.core.readers import ReadError, read_report
from app.store import dataset, importer, ingest

TEMPLATES = (*readers.TEMPLATES, *decode.TEMPLATES, *ingest.TEMPLATES, *importer.TEMPLATES,
             *dataset.TEMPLATES)  # as the GUI lists them
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


@pytest.mark.parametrize("template", [*TEMPLATES, *checks.MESSAGES.values()])
def test_every_template_comes_back_from_its_message(template):
    args = {name: f"<{name}>" for name in fields(template)}
    message = template.format(**args)
    templates = checks.MESSAGES.values() if template in checks.MESSAGES.values() else TEMPLATES
    assert message_parts(templates, message) == (template, args)


def read_error(path) -> str:
    with pytest.raises(ReadError) as error:
        read_report(path)
    return str(error.value)


def test_messages_of_real_files_come_back_with_their_args(tmp_path):
    (tmp_path / "picture.txt").write_bytes(PNG)
    with open(tmp_path / "huge.txt", "wb") as huge:
        huge.truncate(25 * 1024 * 1024 + 123_456)
    assert message_parts(TEMPLATES, read_error(tmp_path / "picture.txt")) == (
        readers.MESSAGES["not_text"], {"kind": "a PNG image"})
    # a size computed and rounded when the message was made reads back as written
    assert message_parts(TEMPLATES, read_error(tmp_path / "huge.txt")) == (
        readers.MESSAGES["too_large"], {"size": "25.1", "limit": "20"})


def test_a_file_without_a_suffix_is_not_read_as_having_the_suffix_none(tmp_path):
    (tmp_path / "README").write_text("x", encoding="utf-8")
    _, [(_, message)] = readers.collect_files([tmp_path / "README"])
    suffixes = ".doc, .docx, .htm, .html, .mht, .mhtml, .pdf, .txt, .wps"
    assert message == f"Not a supported file type (none); use {suffixes}."
    assert message_parts(TEMPLATES, message) == (readers.MESSAGES["unsupported_no_suffix"], {"suffixes": suffixes})


def test_low_confidence_and_damage_warnings_come_back_with_their_numbers():
    snippet = "重庆市渝北区卫生健康委员会关于2024年法治政府建设情况的报告。全年开展普法宣传活动36场。"
    warning = decode.decode_bytes(snippet.encode("gbk")).warning
    template, args = message_parts(TEMPLATES, warning)
    assert template == decode.MESSAGES["low_confidence"] and args["encoding"] == "GB18030"
    lossy = decode.decode_bytes("法治政府".encode("gb18030") + b"\x81", encoding="utf-8").warning
    assert message_parts(TEMPLATES, lossy)[0] == decode.MESSAGES["lossy"]


def test_localize_translates_nested_reasons_and_keeps_what_it_does_not_know():
    words = {readers.MESSAGES["not_text"]: "NOT TEXT <{kind}>", "a PNG image": "PNG",
             ingest.MESSAGES["unreadable_as"]: "{file_name}/{encoding}: {reason}",
             decode.MESSAGES["unknown_encoding"]: "UNKNOWN {encoding}"}

    def translate(text):
        return words.get(text, text)
    not_text = "This is not a text file (it looks like a PNG image)."
    assert localize(not_text, TEMPLATES, translate) == "NOT TEXT <PNG>"
    nested = "cannot read a.txt as klingon: Unknown encoding 'klingon'."
    assert localize(nested, TEMPLATES, translate) == "a.txt/klingon: UNKNOWN klingon"
    # an OS error text is an arg that matches nothing: it stays as the system gave it
    assert localize("The file cannot be read: Permission denied.", TEMPLATES, translate) == \
        "The file cannot be read: Permission denied."
    assert localize("an older wording", TEMPLATES, translate) == "an older wording"
