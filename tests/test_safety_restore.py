"""Issue 11, cases 2, 3 and 18, through main.py: a JSONL restore checks every field and the
closing line before it writes, and says what is wrong with the line and the field."""
from __future__ import annotations

import json

import pytest

from safety_helpers import content, run, seeded_db


@pytest.fixture(scope="module")
def backup(tmp_path_factory):
    folder = tmp_path_factory.mktemp("backup")
    db = seeded_db(folder)
    out = folder / "all.jsonl"
    result = run("export", "--db", db, "--out", out, "--status", "all")
    assert result.returncode == 0, result.stderr
    return out


def lines_of(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_lines(path, records) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def restore(tmp_path, jsonl, *flags):
    return run("import", "--db", tmp_path / "restored.db", jsonl, *flags)


def restored_reports(tmp_path) -> int:
    db = tmp_path / "restored.db"
    return len(content(db)["reports"]) if db.exists() else 0


def first_index(records, kind) -> int:
    return next(i for i, r in enumerate(records) if r["type"] == kind)


# --- 2: every field is checked; the bad report is refused with its line and field ---------
@pytest.mark.parametrize("kind, field, bad", [
    ("figure", "value", "一百"), ("figure", "start", "abc"), ("report", "report_year", "二〇二四"),
    ("figure", "status", "done"), ("figure", "qualifier", "lots"), ("figure", "end", 10 ** 9),
    ("figure", "confidence", 7), ("report", "encoding_confidence", "high"), ("figure", "headline", "yes"),
])
def test_restore_refuses_a_wrong_field_with_its_line_and_name(backup, tmp_path, kind, field, bad):
    records = lines_of(backup)
    at = first_index(records, kind)
    records[at][field] = bad
    records[0]["version"] = 1  # an old-style file: no checksum to trip first
    write_lines(tmp_path / "edited.jsonl", records[:-1])
    result = restore(tmp_path, tmp_path / "edited.jsonl")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert f"line {at + 1}: {field} " in result.stdout, result.stdout
    reports = len([r for r in records if r["type"] == "report"])
    assert restored_reports(tmp_path) == reports - 1  # the others still go in
    export = run("export", "--db", tmp_path / "restored.db", "--out", tmp_path / "again.csv", "--status", "all")
    assert export.returncode == 0, export.stderr  # nothing invalid reached the database


def test_restore_refuses_duplicate_figure_ids(backup, tmp_path):
    records = lines_of(backup)
    figures = [i for i, r in enumerate(records) if r["type"] == "figure"]
    records[figures[1]]["figure_id"] = records[figures[0]]["figure_id"]
    records[0]["version"] = 1
    write_lines(tmp_path / "dup.jsonl", records[:-1])
    result = restore(tmp_path, tmp_path / "dup.jsonl")
    assert result.returncode == 2
    assert f"line {figures[1] + 1}: figure_id " in result.stdout and "twice" in result.stdout


# --- 3: a file cut short says so and is refused unless asked ---------------------------------
def test_backup_cut_at_a_line_boundary_is_refused_then_taken_when_asked(backup, tmp_path):
    records = lines_of(backup)
    header, end = records[0], records[-1]
    assert end["type"] == "end" and end["figures"] == header["figures"] == sum(r["type"] == "figure" for r in records)
    cut = records[:-11]  # the closing line and ten figures gone
    write_lines(tmp_path / "cut.jsonl", cut)
    result = restore(tmp_path, tmp_path / "cut.jsonl")
    assert result.returncode == 2
    assert f"incomplete: {header['figures'] - 10} of {header['figures']} figures" in result.stdout
    assert restored_reports(tmp_path) == 0
    taken = restore(tmp_path, tmp_path / "cut.jsonl", "--accept-incomplete")
    complete = sum(r["type"] == "report" for r in cut) - 1  # the last report lost figures: left out
    assert taken.returncode == 0, taken.stdout
    assert restored_reports(tmp_path) == complete and "warning: incomplete" in taken.stdout


def test_a_changed_line_fails_the_checksum(backup, tmp_path):
    text = backup.read_text(encoding="utf-8").replace('"status": "confirmed"', '"status": "rejected"', 1)
    (tmp_path / "changed.jsonl").write_text(text, encoding="utf-8")
    result = restore(tmp_path, tmp_path / "changed.jsonl")
    assert result.returncode == 2 and "checksum does not match" in result.stdout
    assert restored_reports(tmp_path) == 0


def test_old_export_without_closing_line_restores_with_a_warning(backup, tmp_path):
    records = lines_of(backup)
    records[0] = {k: v for k, v in records[0].items() if k not in ("reports", "figures")} | {"version": 1}
    write_lines(tmp_path / "old.jsonl", [r for r in records[:-1]])
    result = restore(tmp_path, tmp_path / "old.jsonl")
    assert result.returncode == 0, result.stdout
    assert "warning: made by an older version" in result.stdout
    assert restored_reports(tmp_path) == sum(r["type"] == "report" for r in records)


# --- 18: a UTF-8 file cut inside a character is called cut short, not "not UTF-8" -----------
def test_truncated_utf8_jsonl_is_named_cut_short(backup, tmp_path):
    data = backup.read_bytes()
    cut_at = data.index("报".encode("utf-8"), len(data) // 2) + 1  # inside a 3-byte character
    (tmp_path / "cut.jsonl").write_bytes(data[:cut_at])
    result = restore(tmp_path, tmp_path / "cut.jsonl")
    assert result.returncode == 2 and "cut short" in result.stdout and "not UTF-8" not in result.stdout
