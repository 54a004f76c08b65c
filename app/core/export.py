"""Writers for the exported dataset: CSV, XLSX and JSONL, each written atomically.

Pure code: the rows come in as iterables (the store builds them, see app/store/dataset.py),
so a caller can stop an export by raising `ExportCancelled` from inside its row generator.
Every file is written to a temporary name in the target folder and renamed over the target
only when complete; on any error or cancel the temporary file is removed and an existing
file of that name stays as it was.

Spreadsheet safety: a text cell starting with = + - @ (or a tab or carriage return) would
run as a formula in Excel or LibreOffice, so it gets a leading apostrophe. Numbers stay
numbers (-3 is a number, not a formula). JSONL is data, not a spreadsheet: never escaped.
"""
from __future__ import annotations

import csv
import glob
import hashlib
import itertools
import json
import math
import os
import queue
import re
import shutil
import stat
import tempfile
import threading
import uuid
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence
from xml.sax.saxutils import escape as xml_escape

from app.core.processes import pid_alive

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # XML 1.0 forbids them in a cell


class ExportCancelled(Exception):
    """Raised (by the caller's row source) to abandon an export; nothing is left behind."""


@dataclass(frozen=True)
class Column:
    name: str
    description: str


@dataclass
class Sheet:
    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence] = field(default_factory=list)  # values in column order
    # How many rows `rows` yields (none longer than the columns), when known before they are
    # made: the sheet then streams straight into the file.
    count: Optional[int] = None


_FORMULA_FIRST = frozenset(FORMULA_STARTS)


def escape_cell(value):
    """The value as a spreadsheet should store it: formula-like text made inert."""
    return escape_row((value,))[0]


def escape_row(row: Sequence) -> list:
    """escape_cell over a row, inlined: a large export runs it on millions of cells.

    348500.0 becomes 348500 (what the report wrote); only text can be formula-like.
    """
    return [("'" + value if value[:1] in _FORMULA_FIRST else value) if type(value) is str
            else int(value) if type(value) is float and value.is_integer() else value
            for value in row]


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside `path`; renamed to `path` if the block succeeds, else removed.

    An error names `path`, the file the user asked for, never the temporary one; a file
    replaced keeps its permissions; temporary files left by a killed export are removed."""
    target = Path(path)
    _remove_stale_parts(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}{PART_SUFFIX}")
    try:
        yield temporary
        try:
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        except FileNotFoundError:
            pass  # a new file: the usual permissions
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        if error.filename is None or Path(error.filename) == temporary:
            raise type(error)(error.errno, error.strerror, str(target)) from None
        raise
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


PART_SUFFIX = ".part"


def _remove_stale_parts(target: Path) -> None:
    """`.name.PID.xxxxxxxx.part` files beside `target` whose process is gone."""
    try:
        leftovers = list(target.parent.glob(f".{glob.escape(target.name)}.*.*{PART_SUFFIX}"))
    except OSError:
        return
    for leftover in leftovers:
        pid = leftover.name[len(target.name) + 2:].split(".")[0]
        if pid.isdigit() and not pid_alive(int(pid)):
            leftover.unlink(missing_ok=True)


def write_csv(path: str | Path, columns: Sequence[Column], rows: Iterable[Sequence]) -> int:
    """UTF-8 with a BOM, so Excel shows Chinese intact. Returns the number of data rows."""
    count = 0
    with atomic_path(path) as temporary:
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            handle.write("\ufeff")  # the BOM by hand: the utf-8-sig codec encodes each write in Python
            writer = csv.writer(handle)
            writer.writerow(escape_row([column.name for column in columns]))
            for row in rows:
                writer.writerow(escape_row(row))
                count += 1
    return count


def write_jsonl(path: str | Path, records: Iterable[dict],
                closing: Callable[[str], dict] | None = None) -> int:
    """One JSON object per line, Chinese unescaped. Returns the number of lines.

    `closing(sha256 hex of every byte written)` gives a last line, not counted."""
    count = 0
    digest = hashlib.sha256()
    with atomic_path(path) as temporary:
        with open(temporary, "wb") as handle:
            for record in records:
                line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
                digest.update(line)
                handle.write(line)
                count += 1
            if closing is not None:
                handle.write((json.dumps(closing(digest.hexdigest()), ensure_ascii=False) + "\n").encode("utf-8"))
    return count


def write_xlsx(path: str | Path, sheets: Sequence[Sheet]) -> list[int]:
    """One worksheet per Sheet, header row frozen. Returns the data-row count of each sheet.

    A sheet with more rows than Excel's 1,048,576 continues on "title (2)" and so on, each
    with the header again, rather than giving a file Excel refuses or cuts short.

    Written here as the SpreadsheetML parts themselves, streamed row by row into the zip:
    XlsxWriter and openpyxl spend microseconds per cell in Python (an export of 10,000
    reports has over ten million cells); this writer makes a cell once per value and column
    and joins the cached pieces in C. Cells are inline strings or numbers, never formulas,
    each with its reference; text is cut at Excel's 32,767 characters.
    A sheet whose row count is known (Sheet.count) is compressed into the file as its rows
    are made, on a second thread; any other goes through a spool file first, as <dimension>
    (the sheet's size, which readers such as openpyxl's read-only mode rely on) precedes the
    rows. Raises ValueError, writing nothing, when a sheet's rows do not fit its count.
    """
    counts, titles = [], []
    with atomic_path(path) as temporary:
        # level 1: three times faster than the default level, the file about a quarter larger
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
            for sheet in sheets:
                rows, count = iter(sheet.rows), 0
                known = sheet.count
                for part in itertools.count(1):  # more rows than Excel holds go on in "title (2)", ...
                    titles.append(sheet.title if part == 1 else f"{sheet.title} ({part})")
                    name, selected = f"xl/worksheets/sheet{len(titles)}.xml", len(titles) == 1
                    part_rows = itertools.islice(rows, EXCEL_MAX_ROWS - 1)
                    if known is None:
                        written = _spooled_sheet(book, name, sheet.columns, part_rows, temporary.parent, selected)
                    else:
                        written = _streamed_sheet(book, name, sheet.columns, part_rows,
                                                  min(known - count, EXCEL_MAX_ROWS - 1), selected)
                    count += written
                    following = next(rows, None) if written == EXCEL_MAX_ROWS - 1 else None
                    if following is None:
                        break
                    rows = itertools.chain([following], rows)
                if known is not None and count != known:
                    raise ValueError(f"sheet {sheet.title!r} has {count} rows, {known} were announced")
                counts.append(count)
            # the package's bookkeeping last, once the sheets (and how many) are known
            for name, text in _package_parts(titles).items():
                book.writestr(name, text)
    return counts


def _spooled_sheet(book: zipfile.ZipFile, name: str, columns: Sequence[Column], rows: Iterable[Sequence],
                   folder: Path, selected: bool) -> int:
    """A sheet of rows not counted yet: spooled, then put in the zip behind its <dimension>."""
    with tempfile.TemporaryFile(dir=folder) as spool:
        with _written_behind(spool) as write:
            written, width = _write_sheet(write, columns, rows)
        spool.seek(0)
        # zip64: a sheet's XML can pass 2 GB before it passes Excel's row limit
        with book.open(name, "w", force_zip64=True) as stream:
            stream.write(_sheet_head(written + 1, width, selected))
            shutil.copyfileobj(spool, stream, 1 << 20)
    return written


def _streamed_sheet(book: zipfile.ZipFile, name: str, columns: Sequence[Column], rows: Iterable[Sequence],
                    expected: int, selected: bool) -> int:
    """A sheet of `expected` rows, compressed into the zip on the writing thread as they come.
    Its width is the columns' (a longer row would pass the <dimension>: it is an error)."""
    with book.open(name, "w", force_zip64=True) as stream:
        stream.write(_sheet_head(expected + 1, len(columns), selected))
        with _written_behind(stream) as write:
            written, width = _write_sheet(write, columns, itertools.islice(rows, expected + 1))
    if written != expected or width != len(columns):
        raise ValueError(f"{name}: {written} rows of {width} columns, announced {expected} of {len(columns)}")
    return written


@contextmanager
def _written_behind(stream) -> Iterator[Callable[[bytes], None]]:
    """A write function that hands the data to a second thread: zlib, crc32 and the disk
    release the GIL, so compressing one batch overlaps building the next (on two cores the
    compression then costs almost nothing). An error there is raised in the caller."""
    pending: queue.Queue = queue.Queue(maxsize=8)
    failures: list[BaseException] = []

    def drain():
        while (data := pending.get()) is not None:
            if not failures:
                try:
                    stream.write(data)
                except Exception as error:  # raised in the caller's thread by write() or at the end
                    failures.append(error)

    def write(data: bytes) -> None:
        if failures:
            raise failures[0]
        pending.put(data)

    thread = threading.Thread(target=drain, name="xlsx-writer", daemon=True)
    thread.start()
    try:
        yield write
    finally:
        pending.put(None)
        thread.join()
    if failures:
        raise failures[0]


_XLSX_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_XLSX_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
EXCEL_MAX_ROWS = 1_048_576  # rows in one worksheet, the header included
_CELL_TEXT_MAX = 32767  # characters Excel holds in one cell; longer text is cut
_ROWS_PER_WRITE = 500
# Rows are built from cached cell pieces (_ColumnCells) when every value is of these types;
# a bool would meet its equal int in a cache (True == 1), and other types are rare.
_PLAIN_TYPES = frozenset((str, int, float, type(None)))
_CACHED_TEXT_MAX = 64  # longer text (a sentence) seldom repeats: made each time, not kept
_CACHED_CELLS_MAX = 2048  # per column; a full cache starts again, so memory stays small
_ROW_HEAD = (b'<row r="', b'"><c r="A')


def _sheet_head(rows: int, columns: int, selected: bool) -> bytes:
    tab_selected = ' tabSelected="1"' if selected else ""
    return (f'{_XML_HEAD}<worksheet xmlns="{_XLSX_MAIN}" xmlns:r="{_XLSX_RELATIONSHIPS}">'
            f'<dimension ref="A1:{_column_letter(max(columns, 1) - 1)}{rows}"/><sheetViews>'
            f'<sheetView{tab_selected} workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft"/></sheetView></sheetViews>').encode("utf-8")


def _write_sheet(write: Callable[[bytes], None], columns: Sequence[Column], rows: Iterable[Sequence]) -> tuple[int, int]:
    """<sheetData> and the end of the sheet; returns (data rows, columns) for its <dimension>."""
    letters = [_column_letter(index) for index in range(len(columns))]
    cells = [_ColumnCells(f'<c r="{letter}') for letter in letters[1:]] + [_ColumnCells("</row>")]
    write(b"<sheetData>")
    write(_careful_row_xml(1, [column.name for column in columns], letters))
    count, batch = 0, []
    for count, row in enumerate(rows, start=1):
        batch.append(row)
        if len(batch) == _ROWS_PER_WRITE:
            write(_rows_xml(count + 2 - len(batch), batch, cells, letters))
            batch.clear()
    write(_rows_xml(count + 2 - len(batch), batch, cells, letters))
    write(b"</sheetData></worksheet>")
    return count, len(letters)


def _rows_xml(first_number: int, rows: list[Sequence], cells: list["_ColumnCells"], letters: list[str]) -> bytes:
    """The rows' XML. A row of plain values as wide as the sheet is its number joined between
    its cells' cached pieces (`<row r="` 7 `"><c r="A` 7 `"><v>3</v></c><c r="B` 7 ...), all in
    C; other rows are made cell by cell. Extends `letters` for a row longer than the sheet."""
    if not rows:
        return b""
    widths = set(map(len, rows))
    if len(letters) < max(widths):
        letters += [_column_letter(index) for index in range(len(letters), max(widths))]
    number = itertools.count(first_number)
    if widths == {len(cells)} and cells and _PLAIN_TYPES.issuperset(map(type, itertools.chain.from_iterable(rows))):
        piece = dict.__getitem__
        return b"".join([(b"%d" % next(number)).join(itertools.chain(_ROW_HEAD, map(piece, cells, row)))
                         for row in rows])
    return b"".join([_careful_row_xml(next(number), row, letters) for row in rows])


class _ColumnCells(dict):
    """One column's cells by value: the bytes from the end of the cell's reference (`<c r="B12`)
    to the start of the next cell's reference (`<c r="C`), or to the row's end in the last column."""

    __slots__ = ("following",)

    def __init__(self, following: str):
        super().__init__()
        self.following = following

    def __missing__(self, value) -> bytes:
        piece = (_cell_rest(value) + self.following).encode("utf-8")
        if type(value) is not str or len(value) <= _CACHED_TEXT_MAX:
            if len(self) >= _CACHED_CELLS_MAX:
                self.clear()
            self[value] = piece
        return piece


def _careful_row_xml(number: int, row: Sequence, letters: Sequence[str]) -> bytes:
    return (f'<row r="{number}">' + "".join([f'<c r="{letter}{number}{_cell_rest(value)}' for letter, value
                                             in zip(letters, row) if value is not None]) + "</row>").encode("utf-8")


def _cell_rest(value) -> str:
    """A cell after its reference's last character: its closing quote, type and value.

    Formula-like text is made inert (as escape_row does), control characters dropped (XML 1.0
    forbids them; Excel would show _x000B_ codes), text cut at Excel's 32,767 characters;
    Excel has no infinity, so a non-finite number is the error #NUM!. Made for every value
    not cached, so the commonest types go first."""
    kind = type(value)
    if kind is int:
        return f'"><v>{value}</v></c>'
    if kind is not str:
        if value is None:
            return '"/>'
        if kind is bool:
            return f'" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, (int, float)):
            if not math.isfinite(value):
                return '" t="e"><v>#NUM!</v></c>'
            return f'"><v>{int(value) if value == int(value) else value}</v></c>'
        value = str(value)
    if value[:1] in _FORMULA_FIRST:
        value = "'" + value
    if not value.isprintable():  # a quick look first: tabs, line breaks and CJK spaces are rarer
        value = _CONTROL_CHARACTERS.sub("", value)
    value = value[:_CELL_TEXT_MAX]
    # Excel trims spaces at either end of a text unless its element says to keep them (as
    # openpyxl does, only there: on every cell it would be a tenth of the sheet)
    keep = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
    return (f'" t="inlineStr"><is><t{keep}>' + value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            + "</t></is></c>")


def _attribute_text(text: str) -> str:
    """Text for a double-quoted XML attribute."""
    return xml_escape(text, {'"': "&quot;"})


def _column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    name, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _package_parts(titles: list[str]) -> dict[str, str]:
    """Every part of the workbook but the worksheets: the package's own bookkeeping."""
    numbers = range(1, len(titles) + 1)
    sheet_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for n in numbers)
    relation = f"{_XLSX_RELATIONSHIPS}/"
    return {
        "[Content_Types].xml":
            f'{_XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{sheet_types}</Types>',
        "_rels/.rels":
            f'{_XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{relation}officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            f'{_XML_HEAD}<workbook xmlns="{_XLSX_MAIN}" xmlns:r="{_XLSX_RELATIONSHIPS}">'
            '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
            + "".join(f'<sheet name="{quoted}" sheetId="{n}" r:id="rId{n}"/>'
                      for n, quoted in zip(numbers, map(_attribute_text, titles))) + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels":
            f'{_XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{n}" Type="{relation}worksheet" Target="worksheets/sheet{n}.xml"/>'
                      for n in numbers)
            + f'<Relationship Id="rId{len(titles) + 1}" Type="{relation}styles" Target="styles.xml"/>'
            "</Relationships>",
        "xl/styles.xml":
            f'{_XML_HEAD}<styleSheet xmlns="{_XLSX_MAIN}">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>",
    }
