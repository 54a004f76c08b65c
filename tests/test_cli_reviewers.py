"""reviewer, split and merge as a user runs them (a subprocess of main.py)."""
from __future__ import annotations

import json
import subprocess
import sys

from app.store.database import open_store
from app.store.dataset import export_dataset
from conftest import ROOT
from store_fixtures import add_sample


def run(*args):
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def test_split_then_merge_back_prints_the_agreement(tmp_path):
    base = tmp_path / "base.sqlite"
    with open_store(base) as store:
        for number in range(4):
            add_sample(store, f"r{number}.txt")
    result = run("split", "--db", base, "--reviewers", 2, "--out", tmp_path / "parts", "--overlap", 100,
                 "--names", "Ann,Bob")
    assert result.returncode == 0, result.stderr
    assert "Ann: 4 reports (4 shared)" in result.stdout
    exports = []
    for name, decide in (("Ann", "confirm"), ("Bob", "reject")):
        own = tmp_path / f"{name}.sqlite"
        assert run("import", tmp_path / "parts" / f"{name}.jsonl", "--db", own).returncode == 0
        assert run("reviewer", "--db", own, name).stdout.strip() == name
        with open_store(own) as store:
            report = store.list_reports()[0]
            first, second = [f.id for f in store.figures(report.id)[:2]]
            store.confirm([first])
            getattr(store, decide)([second])
            export_dataset(store, tmp_path / f"{name}.jsonl", "jsonl", statuses="all")
        exports.append(tmp_path / f"{name}.jsonl")
    header = json.loads(exports[0].read_text(encoding="utf-8").splitlines()[0])
    assert header["reviewer"] == "Ann"

    result = run("merge", "--db", tmp_path / "team.sqlite", *exports)
    assert result.returncode == 0, result.stderr
    assert "reviewers: Ann (Ann.jsonl), Bob (Bob.jsonl)" in result.stdout
    assert "figures decided 1, in conflict 1" in result.stdout
    overall = next(line for line in result.stdout.splitlines() if line.startswith("overall"))
    # two figures compared, one alike; categories (a, a) and (b, rejected): pe = 1/4, kappa = 1/3
    assert overall.split()[1:] == ["2", "1", "0.50", "0.33"]


def test_bad_input_is_one_line_and_changes_nothing(tmp_path):
    note = tmp_path / "note.jsonl"
    note.write_text("hello\n", encoding="utf-8")
    result = run("merge", "--db", tmp_path / "team.sqlite", note)
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0
    assert "not a Report Reviewer JSONL export" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "team.sqlite").exists()
    base = tmp_path / "base.sqlite"
    open_store(base).close()
    for args in (("split", "--db", base, "--reviewers", 0, "--out", tmp_path / "x"),
                 ("split", "--db", base, "--reviewers", 2, "--out", tmp_path / "x", "--names", "A,A"),
                 ("reviewer", "--db", base, " ")):
        result = run(*args)
        assert result.returncode == 2 and result.stderr.startswith("error: "), args
    assert not (tmp_path / "x").exists()
