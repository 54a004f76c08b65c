"""Readable text from a saved web page, with its paragraphs kept on their own lines.

Government sites publish reports as HTML; the reviewer wants the words, one paragraph a
line, without scripts, styles or the page head. Web-page chrome in the body is kept: the
section finder marks it as boilerplate (CODEBOOK §1).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from app.core.decode import bom_encoding, decode_bytes, normalise_text
from app.core.model import Decoded

# Content the reader never sees.
_HIDDEN = {"script", "style", "head", "noscript", "template", "title"}
# Elements that start and end a line of text.
_BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead",
    "tfoot", "tr", "ul", "caption",
}
_CELLS = {"td", "th"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
# A source line break between two Chinese characters is layout, not a space.
_CJK_SOURCE_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n\s*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\r\n\f\xa0]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden_depth: dict[str, int] = {}
        self.pre_depth = 0
        self.table_depth = 0
        self.open_rows: list[list[int]] = []  # [first line, cells, table depth] per unclosed <tr>

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "body":
            self.hidden_depth.pop("head", None)  # a page that never closes <head>
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
                self.open_rows.append([len(self.lines), 0, self.table_depth])
        elif tag in _CELLS:
            if self.open_rows:
                self.open_rows[-1][1] += 1
            self.current.append(" ")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.break_line(force=True)
        elif tag in _BLOCKS:
            self.break_line()

    def handle_endtag(self, tag: str) -> None:
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
        if self.pre_depth:
            head, *rest = data.split("\n")
            self.current.append(head)
            for line in rest:
                self.break_line(force=True)
                self.current.append(line)
            return
        self.current.append(_SPACES.sub(" ", _CJK_SOURCE_BREAK.sub("", data)))

    def end_rows(self, depth: int) -> None:
        """Close the open rows of tables at `depth` or deeper. A row of two or more cells
        becomes one line ("行政复议案件 35件"), even when its cells hold <p>s; a one-cell
        layout row keeps its paragraphs as lines."""
        while self.open_rows and self.open_rows[-1][2] >= depth:
            first, cells, _ = self.open_rows.pop()
            if cells >= 2:
                words = [line for line in self.lines[first:] if line]
                self.lines[first:] = [" ".join(words)] if words else []

    def break_line(self, force: bool = False) -> None:
        line = _SPACES.sub(" ", "".join(self.current)).strip(" \u3000\u2002\u2003\u2009")
        self.current = []
        if line or force:
            self.lines.append(line)

    def text(self) -> str:
        self.close()
        self.break_line()
        text = "\n".join(self.lines).strip("\n")
        return re.sub(r"\n{3,}", "\n\n", text)


def html_to_text(markup: str) -> str:
    collector = _TextCollector()
    collector.feed(markup)
    return collector.text()


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its start, if Python knows it."""
    found = _META_CHARSET.search(data[:8192])
    if not found:
        return None
    name = found.group(1).decode("ascii").lower()
    # gb2312 pages routinely contain GBK characters, and Python's gb2312 codec alters "—".
    if name in {"gb2312", "gbk", "x-gbk", "cp936"}:
        return "gb18030"
    return name


def html_from_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode a page (override, else BOM, else its <meta charset>, else detection) to text."""
    declared = None if encoding or bom_encoding(data) else declared_charset(data)
    decoded = None
    if declared:
        try:
            decoded = Decoded(normalise_text(data.decode(declared)), declared, 1.0)
        except (LookupError, UnicodeDecodeError):
            decoded = None  # the page lies about its charset: detect instead
    if decoded is None:
        decoded = decode_bytes(data, encoding)
        if declared and decoded.encoding != declared and not decoded.warning:
            decoded.warning = (
                f"The page declares {declared.upper()} but is not valid {declared.upper()}; "
                f"decoded as {decoded.encoding.upper()} instead. Check the text."
            )
    decoded.text = html_to_text(decoded.text)
    return decoded
