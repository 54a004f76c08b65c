"""The command line, through main(argv) and as a user runs it (a subprocess)."""
import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from app import cli
from app.store import schema
from app.store.database import open_store
from conftest import ROOT, SEED_COUNT, SEEDS

TOP_KEYS = {"path", "encoding", "metadata", "sections", "figures"}
METADATA_KEYS = {"title", "agency", "region", "level", "province", "city", "county", "division_code",
                 "report_year", "publish_date", "doc_type"}
SECTION_KEYS = {"level", "title", "category", "start", "end"}
FIGURE_KEYS = {"start", "end", "raw", "value", "unit", "qualifier", "label", "indicator",
               "indicator_reason", "confidence"}

needs_extractor = pytest.mark.skipif(
    not (ROOT / "app" / "core" / "extract.py").exists(), reason="app.core.extract not written yet")


def run(*args):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


@needs_extractor
def test_extract_seeds_prints_one_json_object_per_file():
    result = run("extract", str(SEEDS))
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == len(list(SEEDS.glob("*.txt")))
    for obj in objects:
        assert set(obj) - {"warning"} == TOP_KEYS
        assert set(obj["metadata"]) == METADATA_KEYS
        assert obj["sections"] and all(set(s) == SECTION_KEYS for s in obj["sections"])
        assert obj["figures"] and all(set(f) == FIGURE_KEYS for f in obj["figures"])
        text = open(obj["path"], encoding="utf-8").read()
        assert all(text[f["start"]:f["end"]] == f["raw"] for f in obj["figures"])
        assert all(0.0 <= f["confidence"] <= 1.0 for f in obj["figures"])
        # every indicator says why, in words such as "cue 行政复议"; no indicator, no reason
        assert all((f["indicator"] is None) == (f["indicator_reason"] is None) for f in obj["figures"])
        assert any((f["indicator_reason"] or "").startswith("cue ") for f in obj["figures"])
    assert "\\u" not in result.stdout  # Chinese as itself, not escaped


@needs_extractor
def test_extract_bad_paths_give_error_objects_and_exit_2(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    good = tmp_path / "good.txt"
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], good)
    code = cli.main(["extract", str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt"), str(good)])
    assert code == 2
    objects = {obj["path"]: obj for obj in map(json.loads, capsys.readouterr().out.splitlines())}
    assert set(objects[str(tmp_path / "empty.txt")]) == {"path", "error"}
    assert set(objects[str(tmp_path / "nope.txt")]) == {"path", "error"}
    assert "figures" in objects[str(good)]
    integral = [f["value"] for f in objects[str(good)]["figures"]
                if isinstance(f["value"], (int, float)) and float(f["value"]).is_integer()]
    assert integral and all(isinstance(value, int) for value in integral)


@needs_extractor
def test_import_twice_second_run_is_all_duplicates(tmp_path, capsys):
    db = tmp_path / "cli.db"
    assert cli.main(["import", str(SEEDS), "--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"imported {SEED_COUNT}, skipped 0 duplicates, failed 0"
    assert cli.main(["import", str(SEEDS), "--db", str(db), "--workers", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"imported 0, skipped {SEED_COUNT} duplicates, failed 0"


@needs_extractor
def test_import_lists_each_failure_and_exits_2(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    code = cli.main(["import", str(tmp_path / "empty.txt"), str(SEEDS), "--db", str(tmp_path / "x.db")])
    lines = capsys.readouterr().out.splitlines()
    assert code == 2
    assert lines[0] == f"imported {SEED_COUNT}, skipped 0 duplicates, failed 1"
    assert lines[1].startswith(f"  {tmp_path / 'empty.txt'}: ")


def test_corrupt_database_is_one_line_and_unchanged(tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("shopping list: eggs, milk\n", encoding="utf-8")
    before = db.read_bytes()
    result = run("import", str(SEEDS), "--db", str(db))
    assert result.returncode == 2
    assert result.stderr.strip() == (f"error: {db} is not a Report Reviewer database "
                                     "(file is not a database)")
    assert db.read_bytes() == before


def test_newer_database_is_refused_and_unchanged(tmp_path, capsys):
    db = tmp_path / "future.db"
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    conn.close()
    before = db.read_bytes()
    assert cli.main(["import", str(SEEDS), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "newer version" in err and len(err.strip().splitlines()) == 1
    assert db.read_bytes() == before


def test_export_of_a_missing_database_is_one_line(tmp_path, capsys):
    assert cli.main(["export", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "o.csv")]) == 2
    assert capsys.readouterr().err.strip() == f"error: {tmp_path / 'none.db'} does not exist"
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("command", [[], ["extract"], ["import"], ["export"]])
def test_every_command_has_help(command):
    result = subprocess.run([sys.executable, "-m", "app", *command, "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("usage: report-reviewer")


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == "Report Reviewer 0.1.0"


def test_bad_arguments_are_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["export", "--db", "x.db", "--out", "y.csv", "--status", "maybe"])
    assert exit_.value.code == 2 and "unknown status" in capsys.readouterr().err


def test_no_arguments_and_smoke_test_open_the_window(monkeypatch):
    import app.gui.launch
    calls = []
    monkeypatch.setattr(app.gui.launch, "run_gui", lambda argv: calls.append(argv) or 7)
    assert cli.main([]) == 7 and cli.main(["--smoke-test"]) == 7
    assert calls[0][1:] == [] and calls[1][1:] == ["--smoke-test"]


def test_export_writes_the_reviewed_figures(tmp_path, capsys):
    import csv

    from store_fixtures import add_sample
    db = tmp_path / "reviewed.db"
    with open_store(db) as store:
        report_id = add_sample(store)
        figure_ids = [f.id for f in store.figures(report_id)]
        store.confirm(figure_ids[:2])
        store.reject(figure_ids[2:3])
    out = tmp_path / "figures.csv"
    assert cli.main(["export", "--db", str(db), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote 2 rows to {out}"
    with open(out, encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 2
    assert cli.main(["export", "--db", str(db), "--out", str(tmp_path / "all.csv"),
                     "--status", "all"]) == 0
    assert capsys.readouterr().out.startswith("wrote 5 rows")


def test_jsonl_export_restores_into_a_new_database(tmp_path, capsys):
    from store_fixtures import add_sample
    db = tmp_path / "first.db"
    with open_store(db) as store:
        report_id = add_sample(store)
        store.confirm([store.figures(report_id)[0].id])
    dataset = tmp_path / "everything.jsonl"
    assert cli.main(["export", "--db", str(db), "--out", str(dataset), "--status", "all"]) == 0
    capsys.readouterr()
    copy = tmp_path / "copy.db"
    assert cli.main(["import", str(dataset), "--db", str(copy)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "imported 1, skipped 0 duplicates, failed 0"
    with open_store(copy, create=False) as restored:
        assert [f.status for f in restored.figures(restored.report_ids()[0])][0] == "confirmed"


@needs_extractor
def test_extract_with_a_database_uses_its_taught_cues(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text("某县司法局2024年法治政府建设情况报告\n一、主要举措\n开展法治电影放映35场。\n", encoding="utf-8")
    db = tmp_path / "cues.db"
    with open_store(db) as store:
        cli.main(["import", str(report), "--db", str(db)])
        [figure] = store.figures(store.report_ids()[0])
        store.correct(figure.id, indicator="publicity_events")
    capsys.readouterr()
    report.write_text(report.read_text(encoding="utf-8").replace("35场", "40场"), encoding="utf-8")
    assert cli.main(["extract", str(report)]) == 0
    [plain] = json.loads(capsys.readouterr().out)["figures"]
    assert cli.main(["extract", str(report), "--db", str(db)]) == 0
    [taught] = json.loads(capsys.readouterr().out)["figures"]
    assert plain["indicator"] is None and 0 < plain["confidence"] < taught["confidence"]
    assert taught["indicator"] == "publicity_events"
    assert taught["indicator_reason"].startswith("taught cue 开展法治电影放映 (by ")
    assert cli.main(["extract", str(report), "--db", str(tmp_path / "missing.db")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
