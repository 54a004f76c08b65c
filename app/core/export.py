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
import json
import os
import re
import tempfile
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

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
    """A temporary path beside `path`; renamed to `path` if the block succeeds, else removed."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.part")
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_csv(path: str | Path, columns: Sequence[Column], rows: Iterable[Sequence]) -> int:
    """UTF-8 with a BOM, so Excel shows Chinese intact. Returns the number of data rows."""
    count = 0
    with atomic_path(path) as temporary:
        with open(temporary, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(escape_row([column.name for column in columns]))
            for row in rows:
                writer.writerow(escape_row(row))
                count += 1
    return count


def write_jsonl(path: str | Path, records: Iterable[dict]) -> int:
    """One JSON object per line, Chinese unescaped. Returns the number of lines."""
    count = 0
    with atomic_path(path) as temporary:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    return count


def write_xlsx(path: str | Path, sheets: Sequence[Sheet]) -> list[int]:
    """One worksheet per Sheet, header row frozen. Returns the data-row count of each sheet.

    XlsxWriter in constant_memory mode streams each row to a temporary file (kept in a
    folder of our own, so a cancelled export leaves nothing behind); strings are never
    read as formulas, numbers or links: they stay exactly what the cell holds.
    """
    import xlsxwriter

    counts = []
    with atomic_path(path) as temporary, tempfile.TemporaryDirectory() as scratch:
        workbook = xlsxwriter.Workbook(str(temporary), {
            "constant_memory": True, "tmpdir": scratch, "strings_to_formulas": False,
            "strings_to_numbers": False, "strings_to_urls": False, "nan_inf_to_errors": True})
        for sheet in sheets:
            worksheet = workbook.add_worksheet(sheet.title)
            worksheet.freeze_panes(1, 0)
            worksheet.write_row(0, 0, _xlsx_row([column.name for column in sheet.columns]))
            count = 0
            for count, row in enumerate(sheet.rows, start=1):
                worksheet.write_row(count, 0, _xlsx_row(row))
            counts.append(count)
        workbook.close()
    return counts


def _xlsx_row(row: Sequence) -> list:
    """Escaped cells, control characters dropped (Excel shows them as _x000B_ codes)."""
    cells = escape_row(row)
    if _CONTROL_CHARACTERS.search("".join(value for value in cells if type(value) is str)):
        cells = [_CONTROL_CHARACTERS.sub("", value) if type(value) is str else value for value in cells]
    return cells
