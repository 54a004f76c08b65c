"""Readable text from a saved web page, with its paragraphs kept on their own lines.

Government sites publish reports as HTML; the reviewer wants the words, one paragraph a
line, without scripts, styles or the page head. Web-page chrome in the body is kept: the
section finder marks it as boilerplate (CODEBOOK §1).
"""
from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from app.core.decode import (
    CHINESE_OR_UNICODE, MESSAGES, SURE, bom_encoding, decode_bytes, normalise_text,
)
from app.core.model import Decoded

# Content the reader never sees: code, the page head, fallbacks shown only when frames,
# scripts or plugins fail, and drop-down menus (a jump list of a hundred agency names).
_HIDDEN = {
    "script", "style", "head", "noscript", "template", "title", "iframe", "noframes",
    "object", "audio", "video", "canvas", "select", "datalist",
}
# Elements that start and end a line of text.
_BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead",
    "tfoot", "tr", "ul", "caption", "center", "details", "summary", "legend", "menu", "dir",
}
_CELLS = {"td", "th"}
# Python's gb2312 codec alters "—" and gb2312 pages hold GBK characters; Big5 pages hold
# HKSCS ones; a UTF-16/32 <meta> in a byte-oriented page means UTF-8 (as browsers read it).
_CODEC_FOR_DECLARED = {
    "gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "utf-16": "utf-8",
    "utf-16-le": "utf-8", "utf-16-be": "utf-8", "utf-32": "utf-8", "utf-32-le": "utf-8",
    "utf-32-be": "utf-8",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
# A source line break between two Chinese characters is layout, not a space.
# Matched over a whole line, as the break often sits between two <span>s.
_CJK_SOURCE_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\r\n\f\xa0]+")
# An element styled or marked invisible; its words are not on the page the reader sees.
_INVISIBLE_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
# A cell of several lines with this much text is an article body in a table layout (old CMS
# pages), not a data cell: its row keeps its lines instead of becoming one.
LAYOUT_CELL_CHARS = 80
LAYOUT_CELL_LINES = 4


class _TextCollector(HTMLParser):
    def __init__(self, drop_invisible: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.drop_invisible = drop_invisible
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden_depth: dict[str, int] = {}
        self.invisible: list = []  # [tag, nesting] of the outermost invisible element open
        self.invisible_chars = 0
        self.visible_chars = 0
        self.pre_depth = 0
        self.table_depth = 0
        # per unclosed <tr>: [line index where each cell starts, table depth]
        self.open_rows: list[tuple[list[int], int]] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "body":
            self.hidden_depth.pop("head", None)  # a page that never closes <head>
        self.track_invisible(tag, attrs)
        if tag in _HIDDEN:
            self.hidden_depth[tag] = self.hidden_depth.get(tag, 0) + 1
        elif tag == "br":
            self.break_line(force=True)
        elif tag in _BLOCKS:
            self.break_line()
            self.pre_depth += tag == "pre"
            if tag == "table":
                self.table_depth += 1
            elif tag == "tr":
                self.end_rows(self.table_depth)  # the previous row's </tr> may be omitted
                self.open_rows.append(([], self.table_depth))
        elif tag in _CELLS:
            self.break_line()
            if self.open_rows:
                self.open_rows[-1][0].append(len(self.lines))

    def track_invisible(self, tag: str, attrs) -> None:
        if self.invisible:
            opened = self.invisible[0]
            if tag == opened:
                self.invisible[1] += 1
            elif opened == "p" and tag in _BLOCKS:
                self.invisible = []  # a block start closes an open <p>
            return
        if not self.drop_invisible or tag in _VOID:
            return
        attributes = dict(attrs)
        if "hidden" in attributes or _INVISIBLE_STYLE.search(attributes.get("style") or ""):
            self.invisible = [tag, 1]

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.break_line(force=True)
        elif tag in _BLOCKS:
            self.break_line()

    def handle_endtag(self, tag: str) -> None:
        if self.invisible and tag == self.invisible[0]:
            self.invisible[1] -= 1
            if not self.invisible[1]:
                self.invisible = []
        if tag in _HIDDEN:
            if self.hidden_depth.get(tag):
                self.hidden_depth[tag] -= 1
        elif tag in _BLOCKS:
            self.break_line()
            if tag == "pre" and self.pre_depth:
                self.pre_depth -= 1
            elif tag == "tr":
                self.end_rows(self.table_depth)
            elif tag == "table" and self.table_depth:
                self.end_rows(self.table_depth)
                self.table_depth -= 1

    def handle_data(self, data: str) -> None:
        if any(self.hidden_depth.values()):
            return
        if self.invisible:
            self.invisible_chars += len(data.strip())
            return
        self.visible_chars += len(data.strip())
        if self.pre_depth:
            head, *rest = data.split("\n")
            self.current.append(head)
            for line in rest:
                self.break_line(force=True)
                self.current.append(line)
            return
        self.current.append(data)

    def end_rows(self, depth: int) -> None:
        """Close the open rows of tables at `depth` or deeper. A row of two or more cells
        becomes one line ("行政复议案件 35件"), even when its cells hold <p>s, unless a cell
        holds an article body; a one-cell layout row keeps its paragraphs as lines."""
        while self.open_rows and self.open_rows[-1][1] >= depth:
            starts, _ = self.open_rows.pop()
            if len(starts) < 2:
                continue
            cells = [self.lines[start:end] for start, end in zip(starts, [*starts[1:], None])]
            if any(_is_article(cell) for cell in cells):
                continue
            words = [line for line in self.lines[starts[0]:] if line]
            self.lines[starts[0]:] = [" ".join(words)] if words else []

    def break_line(self, force: bool = False) -> None:
        line = _CJK_SOURCE_BREAK.sub("", "".join(self.current))
        line = _SPACES.sub(" ", line).strip(" \u3000\u2002\u2003\u2009")
        self.current = []
        if line or force:
            self.lines.append(line)

    def text(self) -> str:
        self.close()
        self.break_line()
        text = "\n".join(self.lines).strip("\n")
        return re.sub(r"\n{3,}", "\n\n", text)


def _is_article(cell: list[str]) -> bool:
    lines = [line for line in cell if line]
    return len(lines) >= 2 and (
        len(lines) >= LAYOUT_CELL_LINES or sum(map(len, lines)) >= LAYOUT_CELL_CHARS)


def html_to_text(markup: str) -> str:
    """The page's visible text. Invisible elements (display:none) are dropped, unless they
    hold more text than the rest: then a script shows them, and they are the report."""
    collector = _TextCollector()
    collector.feed(markup)
    if collector.invisible_chars > collector.visible_chars:
        collector = _TextCollector(drop_invisible=False)
        collector.feed(markup)
    return collector.text()


def declared_charset(data: bytes) -> tuple[str, str] | None:
    """The charset a page declares in a <meta> tag near its start, as written (upper case)
    and as the codec that reads it, if Python knows it."""
    found = _META_CHARSET.search(data[:8192])
    if not found:
        return None
    label = found.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(label.removeprefix("x-")).name  # x-gbk, x-big5
    except LookupError:
        return None
    return label.upper(), _CODEC_FOR_DECLARED.get(name, name)


def html_from_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode a page (override, else BOM, else strict UTF-8, else its <meta charset>, else
    detection) to text; a declaration the bytes contradict is flagged.

    Valid UTF-8 wins over a declared charset: a page saved as UTF-8 often keeps its old
    gb2312 <meta>, and short UTF-8 Chinese decodes "cleanly" as GB18030 into garbage.
    A declared Western codec (iso-8859-1, windows-1252) decodes any bytes, so it is believed
    only when detection finds no Chinese or Unicode text.
    """
    declaration = None if encoding or bom_encoding(data) else declared_charset(data)
    label, declared = declaration or (None, None)
    decoded = None
    if declared in CHINESE_OR_UNICODE and _strict(data, "utf-8") is None:
        decoded = _strict(data, declared)
        if decoded is not None:
            decoded = _checked_declaration(data, decoded, label)
    if decoded is None:
        decoded = decode_bytes(data, encoding)
        if not declared or decoded.encoding == declared or data.isascii():
            pass
        elif decoded.damaged:
            if declared not in CHINESE_OR_UNICODE:
                decoded = _strict(data, declared) or decoded
        else:
            decoded.warn("declared_wrong", MESSAGES["declared_wrong"], declared=label,
                         encoding=decoded.encoding.upper())
    decoded.text = html_to_text(decoded.text)
    return decoded


# Big5 bytes decode without error as GB18030 and the other way round, into rare characters;
# chardet reads the <meta> itself and so agrees with it. So the declared decoding is checked as
# the words read: which share of its Chinese characters is in common use (GB2312 level 1 or
# Big5's frequent characters). The other codec wins only when clearly more of it is.
_OTHER_CHINESE = {"gb18030": "big5hkscs", "big5hkscs": "gb18030"}
_COMMON_ENOUGH, _CLEARLY_BETTER = 0.9, 0.2


def _checked_declaration(data: bytes, decoded: Decoded, label: str) -> Decoded:
    other_codec = _OTHER_CHINESE.get(decoded.encoding)
    other = _strict(data, other_codec) if other_codec else None
    if other is None:
        return decoded
    declared_share, other_share = _common_share(decoded.text), _common_share(other.text)
    if other_share >= _COMMON_ENOUGH and other_share - declared_share >= _CLEARLY_BETTER:
        other.warning = MESSAGES["declared_wrong"].format(declared=label, encoding=other_codec.upper())
        return other
    return decoded


def _common_share(text: str) -> float:
    chinese = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return sum(map(_is_common, chinese)) / len(chinese) if chinese else 1.0


def _is_common(character: str) -> bool:
    for codec, first, last in (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6)):
        try:
            encoded = character.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(encoded) == 2 and first <= encoded[0] <= last:
            return True
    return False


def _strict(data: bytes, codec: str) -> Decoded | None:
    try:
        return Decoded(normalise_text(data.decode(codec)), codec, SURE)
    except UnicodeDecodeError:
        return None
