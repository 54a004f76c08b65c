"""The pure writers: real readers see the values, formula-like text is inert, writes are atomic."""
from __future__ import annotations

import csv
import json
import zipfile
from xml.etree import ElementTree

import openpyxl
import pytest

from app.core import export
from app.core.export import Column, ExportCancelled, Sheet, escape_cell, write_csv, write_jsonl, write_xlsx

COLUMNS = [Column("label", "what"), Column("value", "how many")]
ROWS = [["=SUM(A1:A2)", -5], ["+cmd|' /C calc'!A0", 3.5], ["@user", 348500.0], ["-note", None],
        ["\tTab", 1], ["查处违法案件", 105]]


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+86", "'+86"), ("-x", "'-x"), ("@a", "'@a"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("公共场所卫生", "公共场所卫生"), ("a=b", "a=b"), (-3, -3), (-2.5, -2.5), (348500.0, 348500), (None, None),
])
def test_escape_cell(value, expected):
    assert escape_cell(value) == expected


def test_csv_opens_with_bom_and_keeps_chinese(tmp_path):
    path = tmp_path / "out.csv"
    assert write_csv(path, COLUMNS, ROWS) == len(ROWS)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["label", "value"]
    assert rows[1] == ["'=SUM(A1:A2)", "-5"]  # the number stays a plain negative number
    assert rows[2][0].startswith("'+") and rows[3] == ["'@user", "348500"]
    assert rows[4] == ["'-note", ""] and rows[5] == ["'\tTab", "1"]
    assert rows[6] == ["查处违法案件", "105"]


def test_xlsx_keeps_numbers_and_makes_formulas_text(tmp_path):
    path = tmp_path / "out.xlsx"
    sheets = [Sheet("long", COLUMNS, ROWS), Sheet("columns", [Column("name", "")], [["label"], ["value"]])]
    assert write_xlsx(path, sheets) == [len(ROWS), 2]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["long", "columns"]
    rows = list(book["long"].iter_rows(values_only=True))
    assert rows[1] == ("'=SUM(A1:A2)", -5)
    assert book["long"]["A2"].data_type == "s"  # text, not a formula
    assert rows[3] == ("'@user", 348500) and rows[6] == ("查处违法案件", 105)
    assert all(cell.data_type != "f" for row in book["long"].iter_rows() for cell in row)


def test_xlsx_drops_control_characters_instead_of_failing(tmp_path):
    path = tmp_path / "out.xlsx"
    write_xlsx(path, [Sheet("long", COLUMNS, [["bad\x0bchar", 1]])])
    assert openpyxl.load_workbook(path)["long"]["A2"].value == "badchar"


def test_jsonl_is_data_and_not_escaped(tmp_path):
    path = tmp_path / "out.jsonl"
    assert write_jsonl(path, [{"label": "=x", "value": -5}, {"label": "罚款", "value": 0.6}]) == 2
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [{"label": "=x", "value": -5}, {"label": "罚款", "value": 0.6}]
    assert "罚款" in lines[1]


@pytest.mark.parametrize("writer", ["csv", "xlsx", "jsonl"])
def test_a_failed_or_cancelled_write_leaves_the_old_file_and_no_temp(tmp_path, writer):
    path = tmp_path / f"out.{writer}"
    path.write_text("previous export", encoding="utf-8")

    def rows():
        yield ["first", 1]
        raise ExportCancelled("stop")

    with pytest.raises(ExportCancelled):
        if writer == "csv":
            write_csv(path, COLUMNS, rows())
        elif writer == "xlsx":
            write_xlsx(path, [Sheet("long", COLUMNS, rows())])
        else:
            write_jsonl(path, ({"label": label, "value": value} for label, value in rows()))
    assert path.read_text(encoding="utf-8") == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_xlsx_opens_read_only_with_frozen_header_and_formula_text(tmp_path):
    path = tmp_path / "out.xlsx"
    wide = [Column(f"c{i}", "") for i in range(30)]  # past Z: columns AA, AB, ...
    sheets = [Sheet("long", COLUMNS, [["=1+1", 2], *ROWS]), Sheet("wide", wide, [list(range(30))])]
    assert write_xlsx(path, sheets) == [len(ROWS) + 1, 1]
    book = openpyxl.load_workbook(path, read_only=True)  # how pandas and large readers open it
    assert [list(sheet.iter_rows(values_only=True)) for sheet in book][1] == [
        tuple(f"c{i}" for i in range(30)), tuple(range(30))]
    assert list(book["long"].iter_rows(values_only=True))[1] == ("'=1+1", 2)
    book.close()
    book = openpyxl.load_workbook(path)
    assert book["long"].freeze_panes == "A2" and book["wide"].freeze_panes == "A2"
    assert book["long"]["A2"].value == "'=1+1" and book["long"]["A2"].data_type == "s"
    assert book["wide"]["AD2"].value == 29


def test_xlsx_keeps_text_exactly_and_leaves_empty_cells_empty(tmp_path):
    path = tmp_path / "out.xlsx"
    texts = ["a & b <c> \"d\" 'e'", "  two spaces around  ", "line\nbreak", "中文\u3000全角空格", "x" * 40000]
    write_xlsx(path, [Sheet("long", COLUMNS, [[text, None] for text in texts] + [[None, 7]])])
    sheet = openpyxl.load_workbook(path)["long"]
    cells = [(row[0].value, row[1].value) for row in sheet.iter_rows(min_row=2)]
    assert [value for value, _ in cells[:4]] == texts[:4]
    assert cells[4][0] == "x" * 32767  # Excel's limit for one cell
    assert cells[5] == (None, 7) and all(number is None for _, number in cells[:5])


def test_xlsx_rows_of_every_kind_keep_their_places_across_batches(tmp_path):
    """Rows made by their type's template and rows that need escaping (or hold the private-use
    character the writer uses as a mark) mixed over several write batches: every cell reads
    back where it was, as it was."""
    columns = [Column(name, "") for name in ("text", "number", "more", "last")]
    # the writer's batches are 500 rows: each odd kind in a batch of its own
    odd = {100: " space before", 150: "line break after\n", 600: "a < b", 700: "R&D", 1100: "mark \ue000 in text",
           1600: "=formula", 1700: "%s %d", 2100: "x > y"}
    rows = [(odd.get(i, f"报告{i}"), i if i % 3 else i + 0.5, None if i % 4 else "第四列", None if i % 5 else -i)
            for i in range(2345)]
    path = tmp_path / "out.xlsx"
    assert write_xlsx(path, [Sheet("long", columns, rows, count=len(rows))]) == [len(rows)]
    read = list(openpyxl.load_workbook(path, read_only=True)["long"].iter_rows(min_row=2, values_only=True))
    assert [tuple(row) for row in read] == [
        (("'" + text) if text.startswith("=") else text, number, more, last) for text, number, more, last in rows]
    # Excel trims a text's spaces at either end unless its element says to keep them
    with zipfile.ZipFile(path) as book:
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    edged = [t for t in sheet.iter(f"{{{export._XLSX_MAIN}}}t") if t.text and t.text != t.text.strip()]
    assert len(edged) == 2
    assert all(t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve" for t in edged)


def test_xlsx_cells_made_once_per_value_read_back_in_place_and_name_their_place(tmp_path, monkeypatch):
    """The writer keeps each column's cells by value: a bool beside its equal int, more distinct
    values than a cache holds, text too long to keep and a row narrower than the sheet all read
    back as written, and every cell carries its reference (R's readxl places cells by it)."""
    monkeypatch.setattr(export, "_CACHED_CELLS_MAX", 7)
    columns = [Column(name, "") for name in ("number", "text", "flag")]
    rows = [(i % 11, "长" * 70 + str(i % 3) if i % 2 else f"v{i % 13}", True if i == 1234 else 1 if i % 2 else 0.0)
            for i in range(1500)] + [("narrow",)]
    path = tmp_path / "out.xlsx"
    assert write_xlsx(path, [Sheet("long", columns, rows, count=len(rows))]) == [len(rows)]
    read = list(openpyxl.load_workbook(path, read_only=True)["long"].iter_rows(min_row=2, values_only=True))
    assert [tuple(row) for row in read] == [row + (None,) * (3 - len(row)) for row in rows]
    assert type(read[1234][2]) is bool and type(read[1233][2]) is int
    with zipfile.ZipFile(path) as book:
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    for row in sheet.iter(f"{{{export._XLSX_MAIN}}}row"):
        references = [cell.get("r") for cell in row.iter(f"{{{export._XLSX_MAIN}}}c")]
        assert references == [f"{letter}{row.get('r')}" for letter in "ABC"][:len(references)]


def test_xlsx_odd_values_do_not_break_the_file(tmp_path):
    path = tmp_path / "out.xlsx"
    rows = [["flag", True], ["huge", float("inf")], ["ctrl\x01\x1f", 0.5], ["big", 10 ** 15]]
    write_xlsx(path, [Sheet("long", COLUMNS, rows)])
    values = list(openpyxl.load_workbook(path)["long"].iter_rows(min_row=2, values_only=True))
    assert values == [("flag", True), ("huge", "#NUM!"), ("ctrl", 0.5), ("big", 10 ** 15)]


def test_xlsx_sheet_past_excels_row_limit_continues_on_another_sheet(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "EXCEL_MAX_ROWS", 5)  # four data rows per sheet, as 1,048,575 in Excel
    path = tmp_path / "out.xlsx"
    rows = [[f"r{i}", i] for i in range(9)]
    assert write_xlsx(path, [Sheet("long", COLUMNS, rows), Sheet("wide", COLUMNS, rows[:4])]) == [9, 4]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["long", "long (2)", "long (3)", "wide"]
    shown = [list(book[name].iter_rows(values_only=True)) for name in book.sheetnames]
    assert all(sheet[0] == tuple(c.name for c in COLUMNS) for sheet in shown)
    assert [row for sheet in shown[:3] for row in sheet[1:]] == [tuple(row) for row in rows]
    assert book["long (2)"].freeze_panes == "A2"


def test_xlsx_sheet_of_known_size_streams_the_same_cells(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "EXCEL_MAX_ROWS", 5)  # four data rows per sheet, as 1,048,575 in Excel
    rows = [[f"r{i}", i] for i in range(9)] + [["=x", None], [None, -2.5]]
    spooled, streamed = tmp_path / "spooled.xlsx", tmp_path / "streamed.xlsx"
    assert write_xlsx(spooled, [Sheet("long", COLUMNS, iter(rows))]) == [11]
    assert write_xlsx(streamed, [Sheet("long", COLUMNS, iter(rows), count=len(rows))]) == [11]
    for path in (spooled, streamed):
        book = openpyxl.load_workbook(path, read_only=True)  # reads the announced size
        assert book.sheetnames == ["long", "long (2)", "long (3)"]
        assert [list(sheet.iter_rows(min_row=2, values_only=True)) for sheet in book] == [
            [tuple(row) for row in rows[:4]], [tuple(row) for row in rows[4:8]],
            [("r8", 8), ("'=x", None), (None, -2.5)]]
        assert [sheet.max_row for sheet in book] == [5, 5, 4]
        book.close()


@pytest.mark.parametrize("announced", [3, 5])
def test_xlsx_sheet_that_breaks_its_count_leaves_no_file(tmp_path, announced):
    path = tmp_path / "out.xlsx"
    with pytest.raises(ValueError, match="announced"):
        write_xlsx(path, [Sheet("long", COLUMNS, iter([["a", 1]] * 4), count=announced)])
    with pytest.raises(ValueError, match="announced"):  # a row wider than the columns announced
        write_xlsx(path, [Sheet("long", COLUMNS, iter([["a", 1, "extra"]]), count=1)])
    assert list(tmp_path.iterdir()) == []
