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
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CELL_LIMIT = 32767  # characters; Excel refuses longer cells


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
    """One worksheet per Sheet, header row frozen. Returns the data-row count of each sheet."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def cell(value):
        value = escape_cell(value)
        if isinstance(value, str):  # control characters make openpyxl refuse the whole file
            return ILLEGAL_CHARACTERS_RE.sub("", value)[:XLSX_CELL_LIMIT]
        return value

    counts = []
    with atomic_path(path) as temporary:
        workbook = Workbook(write_only=True)
        try:
            for sheet in sheets:
                worksheet = workbook.create_sheet(sheet.title)
                worksheet.freeze_panes = "A2"
                worksheet.append([cell(column.name) for column in sheet.columns])
                count = 0
                for row in sheet.rows:
                    worksheet.append([cell(value) for value in row])
                    count += 1
                counts.append(count)
        except BaseException:
            _discard(workbook)
            raise
        workbook.save(temporary)
    return counts


def _discard(workbook) -> None:
    """Close the half-written sheets of a write-only workbook and delete their temporary files.

    openpyxl streams each sheet to a temporary file and only tidies up in save(); left
    alone, an abandoned sheet stays on disk until the program exits.
    """
    for worksheet in workbook.worksheets:
        worksheet.close()
        worksheet._writer.cleanup()
