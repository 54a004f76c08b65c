"""Paragraph text from a Word .docx file, read with the standard library only.

A .docx is a zip holding word/document.xml; each <w:p> is a paragraph and its <w:t> runs
hold the words. python-docx would do the same but is not shipped with the program.
"""
from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Text boxes are stored twice (modern and fallback drawing); read only the modern copy.
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
DOCUMENT_PART = "word/document.xml"
# A report's document.xml is a few MB at most; refuse zip bombs.
MAX_PART_BYTES = 200 * 1024 * 1024

_RUN_TEXT = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n",
             W + "noBreakHyphen": "-"}


class NotADocx(Exception):
    """The bytes are not a readable Word document."""


def docx_paragraphs(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(DOCUMENT_PART)
            if info.file_size > MAX_PART_BYTES:
                raise NotADocx("its text part is implausibly large")
            root = ElementTree.fromstring(archive.read(info))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError,
            RuntimeError, EOFError, ValueError) as error:
        raise NotADocx(str(error)) from None
    body = root.find(W + "body")
    if body is None:
        raise NotADocx("it has no document body")
    paragraphs: list[str] = []
    _collect(body, paragraphs)
    return paragraphs


def _collect(element, paragraphs: list[str]) -> None:
    """Paragraphs in document order, table cells included, fallback copies skipped."""
    for child in element:
        if child.tag == MC_FALLBACK:
            continue
        if child.tag == W + "p":
            paragraphs.append(_paragraph_text(child))
        else:
            _collect(child, paragraphs)


def _paragraph_text(paragraph) -> str:
    parts: list[str] = []
    _run_text(paragraph, parts)
    return "".join(parts)


def _run_text(element, parts: list[str]) -> None:
    for child in element:
        if child.tag == MC_FALLBACK:
            continue
        if child.tag in _RUN_TEXT:
            fixed = _RUN_TEXT[child.tag]
            parts.append((child.text or "") if fixed is None else fixed)
        elif child.tag == W + "p":
            # A paragraph nested in a text box inside this one: keep it on its own line.
            parts.append("\n" + _paragraph_text(child))
        else:
            _run_text(child, parts)


def docx_to_text(data: bytes) -> str:
    return "\n".join(docx_paragraphs(data))
