"""Paragraph text from a Word .docx file, read with the standard library only.

A .docx is a zip holding word/document.xml; each <w:p> is a paragraph and its <w:t> runs
hold the words. python-docx would do the same but is not shipped with the program. Numbers
that Word draws for automatic lists (一、 （一） 1.) are put back in front of their paragraphs.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Text boxes are stored twice (modern and fallback drawing); read only the modern copy.
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
DOCUMENT_PART = "word/document.xml"
NUMBERING_PART = "word/numbering.xml"
STYLES_PART = "word/styles.xml"
# A report's text is far below this (the limit .txt files have); document.xml, markup and
# all, is read as a stream and stopped at MAX_PART_BYTES, whatever the zip header declares:
# a zip bomb or a file of millions of empty paragraphs costs that much and no more.
MAX_TEXT_CHARS = 20 * 1024 * 1024
MAX_PART_BYTES = 3 * MAX_TEXT_CHARS
# A long report has some thousands of paragraphs and tens of thousands of elements; these
# bound the time and memory of markup without text (empty paragraphs, runs by the million).
MAX_PARAGRAPHS = 500_000
MAX_ELEMENTS = 2_000_000
MAX_SIDE_PART_BYTES = 16 * 1024 * 1024  # numbering and styles

_RUN_TEXT = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n",
             W + "noBreakHyphen": "-"}


class NotADocx(Exception):
    """The bytes are not a readable Word document."""


class DocxTooLarge(NotADocx):
    """The document unpacks to more than the limits allow (a zip bomb, or far too much text)."""


class _Limited(io.RawIOBase):
    """A zip member read as a stream that fails once more than `limit` bytes came out."""

    def __init__(self, stream, limit: int):
        self._stream, self._limit, self._read = stream, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._stream.read(min(len(buffer), 1 << 16))
        self._read += len(data)
        if self._read > self._limit:
            raise DocxTooLarge(f"it unpacks to more than {self._limit // 1024 // 1024} MB")
        buffer[:len(data)] = data
        return len(data)


def _part(archive: zipfile.ZipFile, name: str, required: bool = True):
    """A parsed (small) XML part; None for a missing optional one."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        if required:
            raise
        return None
    with archive.open(info) as stream:
        return ElementTree.parse(_Limited(stream, MAX_SIDE_PART_BYTES)).getroot()


def docx_paragraphs(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            numbering = ListNumbers(_part(archive, NUMBERING_PART, required=False),
                                    _part(archive, STYLES_PART, required=False))
            with archive.open(DOCUMENT_PART) as stream:
                return _stream_paragraphs(_Limited(stream, MAX_PART_BYTES), numbering)
    except NotADocx:
        raise
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError,
            RuntimeError, EOFError, ValueError, zlib.error) as error:
        raise NotADocx(str(error)) from None


def _stream_paragraphs(stream, numbering: ListNumbers) -> list[str]:
    """Paragraphs in document order, table cells included, fallback copies skipped.

    Parsed as a stream: each outermost paragraph is read when it ends and then dropped with
    the siblings before it, so memory follows the text, not the markup."""
    paragraphs: list[str] = []
    chars = 0
    stack: list = []  # the open elements
    open_paragraphs = fallbacks = 0
    seen_body = False
    elements = 0
    for event, element in ElementTree.iterparse(stream, events=("start", "end")):
        if event == "start":
            elements += 1
            if elements > MAX_ELEMENTS or len(paragraphs) > MAX_PARAGRAPHS:
                raise DocxTooLarge("it holds more markup than any report")
            stack.append(element)
            if element.tag == W + "p":
                open_paragraphs += 1
            elif element.tag == MC_FALLBACK:
                fallbacks += 1
            elif element.tag == W + "body":
                seen_body = True
            continue
        stack.pop()
        if element.tag == MC_FALLBACK:
            fallbacks -= 1
        elif element.tag == W + "p":
            open_paragraphs -= 1
            if open_paragraphs == 0 and not fallbacks and seen_body:
                paragraph = numbering.label(element) + _paragraph_text(element)
                chars += len(paragraph) + 1
                if chars > MAX_TEXT_CHARS:
                    raise DocxTooLarge(f"its text passes {MAX_TEXT_CHARS // 1024 // 1024} MB")
                paragraphs.append(paragraph)
                if stack:
                    del stack[-1][:]  # this paragraph and every sibling before it are done
    if not seen_body:
        raise NotADocx("it has no document body")
    return paragraphs


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


# -- automatic list numbers -------------------------------------------------------------------
# The numbers Word draws in front of list paragraphs (一、 （一） 1.), which are not in the text runs.
#
# Reports written in Word often number their headings with automatic lists, so the "一、" a reader
# sees lives in word/numbering.xml, not in the paragraph. Without it the outline finder sees no
# headings. Each paragraph's list (its own w:numPr, or its style's) names a level whose format
# (chineseCounting, decimal…) and pattern ("%1、", "（%1）") give the label; counters run per list
# and restart below a level that advances. Bullets and unknown formats give no label.
_DIGITS = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (list numbers stay below 100)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": str,
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[n - 1] if 0 < n <= 10 else str(n),
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
}


def _val(element, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return None if found is None else found.get(W + "val")


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


class ListNumbers:
    """Labels for numbered paragraphs, in document order (the counters are stateful)."""

    def __init__(self, numbering, styles) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → format
        self.style_lists: dict[str, tuple[str, int]] = {}  # styleId → (numId, ilvl)
        self.counters: dict[str, dict[int, int]] = {}  # per list: numIds of one abstract list share it
        self.counter_of: dict[str, str] = {}
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            for style in styles.iter(W + "style"):
                num_id = _val(style, f"{W}pPr/{W}numPr/{W}numId")
                if num_id:
                    ilvl = _int(_val(style, f"{W}pPr/{W}numPr/{W}ilvl"), 0)
                    self.style_lists[style.get(W + "styleId", "")] = (num_id, ilvl)

    def _read_numbering(self, numbering) -> None:
        abstract = {}
        for item in numbering.iter(W + "abstractNum"):
            abstract[item.get(W + "abstractNumId")] = self._levels_of(item)
        for num in numbering.iter(W + "num"):
            abstract_id = _val(num, f"{W}abstractNumId")
            levels = dict(abstract.get(abstract_id, {}))
            # Word continues one abstract list across its numIds unless a numId restarts it.
            restarts = num.find(W + "lvlOverride") is not None
            self.counter_of[num.get(W + "numId")] = num.get(W + "numId") if restarts else f"a{abstract_id}"
            for override in num.iter(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    levels.update(self._levels_of_lvls([lvl], ilvl))
                start = _val(override, f"{W}startOverride")
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, _int(start, 1))
            self.levels[num.get(W + "numId")] = levels

    def _levels_of(self, abstract_num) -> dict[int, tuple[str, str, int]]:
        return self._levels_of_lvls(abstract_num.findall(W + "lvl"), None)

    @staticmethod
    def _levels_of_lvls(lvls, ilvl_default) -> dict[int, tuple[str, str, int]]:
        levels = {}
        for lvl in lvls:
            ilvl = _int(lvl.get(W + "ilvl"), ilvl_default or 0)
            levels[ilvl] = (_val(lvl, W + "numFmt") or "decimal", _val(lvl, W + "lvlText") or "",
                            _int(_val(lvl, W + "start"), 1))
        return levels

    def label(self, paragraph) -> str:
        """The number Word shows before this paragraph ("一、"), or "" when there is none."""
        ppr = paragraph.find(W + "pPr")
        num_id = _val(ppr, f"{W}numPr/{W}numId")
        ilvl = _int(_val(ppr, f"{W}numPr/{W}ilvl"), -1)
        if num_id is None:
            style = self.style_lists.get(_val(ppr, W + "pStyle") or "")
            if style is None:
                return ""
            num_id, style_level = style
            ilvl = style_level if ilvl < 0 else ilvl
        ilvl = max(ilvl, 0)
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or levels[ilvl][0] not in _FORMATS:
            return ""  # numId 0 (numbering removed), bullets, formats we cannot draw
        counters = self.counters.setdefault(self.counter_of.get(num_id, num_id), {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl][1]
        for level, (fmt, _, start) in levels.items():
            if f"%{level + 1}" in text:
                shown = counters.get(level, start)
                text = text.replace(f"%{level + 1}", _FORMATS.get(fmt, str)(shown))
        return text
