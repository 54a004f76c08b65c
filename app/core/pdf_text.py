"""The text layer of a PDF as a report's stored text: lines in reading order, wrapped lines
joined back into their paragraphs, running headers, footers and page numbers left out.

PDFium (through pypdfium2) gives each character with its box; this module does the layout
work PDFium leaves to its callers. Lines are grouped into rows top to bottom (pieces of one
row left to right), so the order of drawing does not matter. A row in the top or bottom band
of a page that is a page number ("- 3 -", "第3页 共8页") or that repeats on many pages with
only its numbers changed is a running header or footer: it is dropped on every page, so a
paragraph running over a page break is joined again. A row is continued by the next when it
is full (the next row's first word would not have fitted after it), does not end a sentence
(。；：！？) and the next row has the same size, is not indented (or both are centred, as the
lines of a long title) and does not start a heading or list item; rows of table cells stand
alone.
"""
from __future__ import annotations

import ctypes
import re
import threading
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# PDFium is not thread-safe: one document at a time in a process.
_LOCK = threading.Lock()
BAND = 0.12  # share of the page height at top and bottom where running headers and footers sit
# A row is full when the next row's first word would not have fitted after it, with this much
# slack in ems (justification, a closing mark that may not start a line pulling a character down).
FULL_LINE_SLACK = 1.5
_FIRST_WORD = re.compile(r"[A-Za-z0-9.,%]+|.")
INDENT_EMS = 1.5
MIN_ROWS = 5
ANGLE_TOLERANCE = 0.05  # radians; rotated text is a watermark or a stamp, not the report
GARBLED_SHARE = 0.5  # above this share of characters outside CJK and ASCII the fonts are broken
PRIVATE_SHARE = 0.1
_ENDS_SENTENCE = frozenset("。；：！？;:!?")
_CLOSERS = "”’」』）)》〉】"
_STARTS_ITEM = re.compile(r"[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]"
                          r"|\d+[.、．](?!\d)|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条部分]")
_PAGE_NUMBER = re.compile(r"[-—–－·\s]*\d{1,4}[-—–－·\s]*|第\s*\d+\s*页\s*[,，/、]?\s*(共\s*\d+\s*页)?"
                          r"|共\s*\d+\s*页\s*[,，/、]?\s*第\s*\d+\s*页|\d+\s*/\s*\d+"
                          r"|(?i:page)\s*\d+(\s*(?i:of)\s*\d+)?")


class PdfError(Exception):
    """A PDF that gives no report; `kind` is "encrypted", "damaged" or "images_only"."""

    def __init__(self, kind: str, reason: str = "") -> None:
        super().__init__(reason or kind)
        self.kind = kind
        self.reason = reason


@dataclass
class PdfText:
    text: str
    page_starts: list[int]  # offset in `text` where each page's text begins
    garbled: bool  # the fonts map to private-use or other non-text code points


@dataclass
class _Row:
    text: str
    left: float
    right: float
    bottom: float
    top: float
    size: float  # the font size of the row, in points
    columns: bool = False  # pieces far apart on one row: table cells or tab stops, never wrapped text

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class _Page:
    height: float
    rows: list[_Row] = field(default_factory=list)


def pdf_text(data: bytes) -> PdfText:
    """The stored text of a PDF; raises PdfError."""
    with _LOCK:
        pages, counts = _read(data)
    _drop_running(pages)
    text, starts = _assemble(pages)
    if not text.strip():
        raise PdfError("images_only")
    total = max(1, counts["all"])
    garbled = (counts["private"] > PRIVATE_SHARE * total
               or counts["other"] + counts["private"] > GARBLED_SHARE * total)
    return PdfText(text, starts, garbled)


def _read(data: bytes) -> tuple[list[_Page], dict[str, int]]:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        kind = "encrypted" if error.err_code in (4, 5) else "damaged"
        raise PdfError(kind, pdfium_c_error(error)) from None
    counts = {"all": 0, "private": 0, "other": 0}
    pages = []
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                left, bottom, right, top = page.get_bbox()
                pages.append(_Page(top - bottom, _rows(_lines(textpage, bottom, counts))))
            finally:
                textpage.close()
                page.close()
    except pdfium.PdfiumError as error:
        raise PdfError("damaged", pdfium_c_error(error)) from None
    finally:
        document.close()
    if not pages:
        raise PdfError("damaged", "no pages")
    return pages, counts


def pdfium_c_error(error: Exception) -> str:
    """PDFium's reason without pypdfium2's wording around it ("Data format error")."""
    found = re.search(r"PDFium: ([^)]*)", str(error))
    return found.group(1) if found else str(error).rstrip(".")


def _lines(textpage, page_bottom: float, counts: dict[str, int]) -> list[_Row]:
    """Lines as PDFium breaks them, positions relative to the page's bottom edge."""
    lines: list[_Row] = []
    chars: list[tuple[str, float, float, float, float]] = []
    size = 0.0  # the font size of the line's first character stands for the line
    gap_pending = columns = False
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    # the raw handle and local names: these run for every character of the report
    handle = textpage.raw
    unicode_of, is_generated = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_IsGenerated
    angle_of, loose_box = pdfium_c.FPDFText_GetCharAngle, pdfium_c.FPDFText_GetLooseCharBox
    map_error, font_size = pdfium_c.FPDFText_HasUnicodeMapError, pdfium_c.FPDFText_GetFontSize

    def end_line() -> None:
        nonlocal columns
        if chars:
            text = "".join(c[0] for c in chars).strip(" \u3000\t")
            if text:
                lines.append(_Row(text, min(c[1] for c in chars), max(c[3] for c in chars),
                                  min(c[2] for c in chars), max(c[4] for c in chars), size, columns))
        chars.clear()
        columns = False

    for index in range(pdfium_c.FPDFText_CountChars(handle)):
        code = unicode_of(handle, index)
        if code in (0x0A, 0x0D):
            end_line()
            continue
        if code == 0x20 and is_generated(handle, index) == 1:
            gap_pending = True  # PDFium's guess at a space: kept between words, not in Chinese
            continue
        angle = angle_of(handle, index)
        if ANGLE_TOLERANCE < angle < 2 * 3.14159265 - ANGLE_TOLERANCE:
            continue
        if not loose_box(handle, index, box_ref):
            continue
        char = chr(code) if 0 < code < 0x110000 and map_error(handle, index) != 1 else "\ufffd"
        _count(char, counts)
        if not chars:
            size = font_size(handle, index) or box.top - box.bottom
        entry = (char, box.left, box.bottom - page_bottom, box.right, box.top - page_bottom)
        gap = _gap(chars[-1], entry, size) if gap_pending and chars else None
        if gap:
            chars.append((" ", chars[-1][3], entry[2], entry[1], entry[4]))
            columns = columns or gap == "columns"
        gap_pending = False
        chars.append(entry)
    end_line()
    return lines


def _gap(before, after, size: float) -> str | None:
    """The space PDFium guessed between two characters: "columns" for a wide gap (table
    cells, tab stops), "word" between words of Latin script, None where there is none."""
    gap, height = after[1] - before[3], max(size, 1.0)
    if gap > 0.9 * height:
        return "columns"
    latin = before[0].isascii() and before[0].isalnum() and after[0].isascii() and after[0].isalnum()
    return "word" if latin and gap > 0.15 * height else None


def _count(char: str, counts: dict[str, int]) -> None:
    if char.isspace():
        return
    counts["all"] += 1
    code = ord(char)
    if 0xE000 <= code <= 0xF8FF or code >= 0xF0000 or char == "\ufffd":
        counts["private"] += 1
    elif not (code < 0x80 or 0x2000 <= code <= 0x206F or 0x2E80 <= code <= 0x9FFF
              or 0xF900 <= code <= 0xFAFF or 0xFE30 <= code <= 0xFFEF or 0x20000 <= code <= 0x3FFFF
              or 0xA0 <= code <= 0xFF):
        counts["other"] += 1


def _rows(lines: list[_Row]) -> list[_Row]:
    """Lines that share a height on the page become one row, left to right; rows top to bottom."""
    rows: list[list[_Row]] = []
    for line in sorted(lines, key=lambda line: -line.middle):
        row = rows[-1] if rows else None
        if row and abs(row[0].middle - line.middle) < 0.4 * max(row[0].height, line.height):
            row.append(line)
        else:
            rows.append([line])
    merged = []
    for pieces in rows:
        pieces.sort(key=lambda piece: piece.left)
        text, columns = pieces[0].text, any(piece.columns for piece in pieces)
        for before, after in zip(pieces, pieces[1:]):
            gap = after.left - before.right > 0.9 * after.size
            text += (" " if gap else "") + after.text
            columns = columns or gap
        merged.append(_Row(text, pieces[0].left, max(p.right for p in pieces),
                           min(p.bottom for p in pieces), max(p.top for p in pieces),
                           max(p.size for p in pieces), columns))
    return merged


def _in_band(row: _Row, page: _Page) -> bool:
    return row.middle > (1 - BAND) * page.height or row.middle < BAND * page.height


def _running_key(row: _Row) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", row.text))


def _drop_running(pages: list[_Page]) -> None:
    """Remove page numbers and headers/footers repeated on many pages, from every page."""
    seen: dict[str, int] = {}
    for page in pages:
        for key in {_running_key(row) for row in page.rows if _in_band(row, page)}:
            seen[key] = seen.get(key, 0) + 1
    repeated = max(2, 0.4 * len(pages))
    for page in pages:
        page.rows = [row for row in page.rows
                     if not (_in_band(row, page) and (_PAGE_NUMBER.fullmatch(row.text.strip())
                                                      or seen[_running_key(row)] >= repeated))]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


def _assemble(pages: list[_Page]) -> tuple[str, list[int]]:
    rows = [row for page in pages for row in page.rows]
    if not rows:
        return "", [0] * len(pages)
    # the text's right edge, where wrapped lines end; too few lines to tell: join none
    right_edge = _percentile([row.right for row in rows], 0.9) if len(rows) >= MIN_ROWS else float("inf")
    left_edge = _percentile([row.left for row in rows], 0.1)
    # Where paragraphs open with an indent, a full line ending a sentence may still go on.
    indents = sum(1 for row in rows
                  if left_edge + INDENT_EMS * row.size < row.left <= left_edge + 3 * row.size)
    indented = indents >= max(2, 0.05 * len(rows))
    parts: list[str] = []
    length = 0
    starts: list[int] = []
    previous: _Row | None = None
    for page in pages:
        starts.append(-1)
        for row in page.rows:
            separator = ("" if previous is None
                         else _separator(previous, row, left_edge, right_edge, indented))
            if starts[-1] < 0:
                starts[-1] = length + len(separator)
            parts.append(separator + row.text)
            length += len(separator) + len(row.text)
            previous = row
    # a page without text starts where the next text does
    for index in range(len(starts) - 1, -1, -1):
        if starts[index] < 0:
            starts[index] = starts[index + 1] if index + 1 < len(starts) else length
    return "".join(parts), starts


def _centred(row: _Row, left_edge: float, right_edge: float) -> bool:
    """As far from the left edge of the text as from its right (a centred title's lines)."""
    return abs((row.left - left_edge) - (right_edge - row.right)) <= 1.5 * row.size


def _ems(word: str) -> float:
    return sum(0.55 if char.isascii() else 1.0 for char in word)


def _separator(row: _Row, following: _Row, left_edge: float, right_edge: float,
               indented: bool) -> str:
    """"" or " " when `following` continues the paragraph of `row`, "\n" when it starts one.
    `indented`: the document opens its paragraphs with an indent, so a sentence's end at the
    end of a full line does not end the paragraph."""
    tail = row.text.rstrip(_CLOSERS)
    continues = (
        not (row.columns or following.columns)
        and row.right + (_ems(_FIRST_WORD.match(following.text).group()) + FULL_LINE_SLACK) * row.size
        >= right_edge
        and (indented or not (tail and tail[-1] in _ENDS_SENTENCE))
        and abs(row.size - following.size) <= 0.15 * row.size
        and (following.left <= left_edge + INDENT_EMS * following.size
             or _centred(row, left_edge, right_edge) and _centred(following, left_edge, right_edge))
        and not _STARTS_ITEM.match(following.text)
    )
    if not continues:
        return "\n"
    before, after = row.text[-1], following.text[0]
    latin = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
    return " " if latin else ""
