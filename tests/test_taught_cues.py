"""Taught cues end to end in the store: teach by correcting or rejecting, apply to the similar
pending figures as one undo step, later imports use them, export and restore carry them,
editing, disabling and removing them."""
from __future__ import annotations

import json
import sqlite3

import pytest

from app.core.extract import extract
from app.core.model import Figure
from app.core.taught_cues import (NO_INDICATOR, NOT_A_FIGURE, TAUGHT_CONFIDENCE, TaughtCue, apply_taught,
                                  is_taught, parse_reason)
from app.store import schema
from app.store.database import open_store
from app.store.dataset import export_dataset
from app.store.errors import InvalidEdit
from app.store.reviewers import reviewer_name
from app.store.importer import import_paths

HEAD = "某县司法局{year}年法治政府建设情况报告\n一、主要举措\n"
# 法治电影放映 has no indicator in the lexicon: this team counts screenings as publicity events.
BODY = "全年开展法治电影放映{films}场，培育法律明白人{people}名，办理行政复议案件{cases}件。\n"
FILMS = "开展法治电影放映"
PEOPLE = "培育法律明白人"


def write_report(folder, name: str, year: int, films: int, people: int = 120, cases: int = 12):
    path = folder / name
    path.write_text(HEAD.format(year=year) + BODY.format(films=films, people=people, cases=cases),
                    encoding="utf-8")
    return path


def figure_labelled(store, report_id: int, label: str):
    return next(f for f in store.figures(report_id) if f.label == label)


def report_id_of(store, file_name: str) -> int:
    return next(r.id for r in store.list_reports() if r.file_name == file_name)


@pytest.fixture
def folder(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    return reports


@pytest.fixture
def store(tmp_path, folder):
    """Three reports already imported, before anything was taught."""
    with open_store(tmp_path / "cues.db") as opened:
        paths = [write_report(folder, f"{name}.txt", year, films)
                 for name, year, films in (("a", 2022, 35), ("b", 2023, 18), ("c", 2024, 40))]
        assert len(import_paths(opened, paths, workers=1).imported) == 3
        yield opened


def teach_films(store) -> int:
    """Correct report a's screening count to publicity_events; the teaching figure's id."""
    figure = figure_labelled(store, report_id_of(store, "a.txt"), FILMS)
    assert figure.indicator is None  # the built-in lexicon has nothing for it
    store.correct(figure.id, indicator="publicity_events")
    return figure.id


# --- the extractor's side --------------------------------------------------------------------
def test_longest_phrase_decides_then_the_latest_and_the_figure_says_so():
    figures = [Figure(0, 3, "35场", 35, "场", label="开展法治电影放映", indicator=None, confidence=0.6),
               Figure(5, 8, "12件", 12, "件", label="办理行政复议案件", indicator="reconsideration_cases",
                      confidence=0.9),
               Figure(9, 11, "3条", 3, "条", label="收到建议", indicator=None, confidence=0.85)]
    cues = [TaughtCue("电影放映", NO_INDICATOR, "li", 7, "2026-01-01T00:00:00+00:00"),
            TaughtCue("法治电影放映", "publicity_events", "wang", 9, "2025-01-01T00:00:00+00:00"),
            TaughtCue("收到建议", NOT_A_FIGURE, "li", 3, "2026-02-01T00:00:00+00:00")]
    apply_taught(figures, cues)
    films, cases, advice = figures
    assert films.indicator == "publicity_events"  # the longer phrase, though taught earlier
    assert films.indicator_reason == "taught cue 法治电影放映 (by wang, figure 9)"
    assert parse_reason(films.indicator_reason) == {"phrase": "法治电影放映", "who": "wang", "figure_id": "9"}
    assert films.confidence == TAUGHT_CONFIDENCE
    assert cases.indicator == "reconsideration_cases" and cases.indicator_reason is None
    assert advice.indicator is None and advice.confidence < 0.5


def test_extract_without_cues_is_unchanged_and_with_cues_overrides_the_lexicon():
    text = HEAD.format(year=2024) + BODY.format(films=35, people=120, cases=12)
    plain = {f.label: f for f in extract(text).figures}
    taught = {f.label: f for f in extract(text, taught=[TaughtCue("办理行政复议", "litigation_cases")]).figures}
    assert plain["办理行政复议案件"].indicator == "reconsideration_cases"
    assert taught["办理行政复议案件"].indicator == "litigation_cases"
    assert taught[FILMS].indicator == plain[FILMS].indicator and taught[FILMS].indicator_reason is None


# --- teaching --------------------------------------------------------------------------------
def test_correcting_an_indicator_teaches_its_phrase_with_who_and_which_figure(store):
    assert store.taught_cue_rows() == []
    teacher = teach_films(store)
    [cue] = store.taught_cue_rows()
    assert (cue.phrase, cue.decision, cue.figure_id, cue.file_name) == (FILMS, "publicity_events", teacher, "a.txt")
    assert cue.taught_by == reviewer_name(store.conn) and cue.taught_at
    assert store.cue_for_figure(teacher).key == FILMS


def test_rejecting_a_figure_teaches_not_a_figure(store):
    figure = figure_labelled(store, report_id_of(store, "b.txt"), PEOPLE)
    store.reject([figure.id])
    [cue] = store.taught_cue_rows()
    assert (cue.phrase, cue.decision) == (PEOPLE, NOT_A_FIGURE)


def test_undoing_the_correction_unteaches_it(store):
    teach_films(store)
    store.undo()
    assert store.taught_cue_rows() == []


def test_confirming_teaches_nothing_and_the_same_decision_again_is_no_new_cue(store):
    a, b = report_id_of(store, "a.txt"), report_id_of(store, "b.txt")
    store.confirm([figure_labelled(store, a, PEOPLE).id])
    assert store.taught_cue_rows() == []
    teach_films(store)
    store.edit_cue(FILMS, phrase="电影放映")
    # another report's figure corrected the way the cue already decides it: still one cue
    store.correct(figure_labelled(store, b, FILMS).id, indicator="publicity_events")
    assert [c.phrase for c in store.taught_cue_rows()] == ["电影放映"]


# --- apply to the similar pending figures ----------------------------------------------------
def test_apply_to_similar_pending_is_one_undo_step(store):
    teacher = teach_films(store)
    similar = store.similar_pending(FILMS)
    others = [figure_labelled(store, report_id_of(store, name), FILMS).id for name in ("b.txt", "c.txt")]
    assert sorted(similar) == sorted(others)
    assert store.apply_cue(FILMS) == similar
    for figure_id in similar:
        figure = store.figure(figure_id)
        assert (figure.status, figure.indicator) == ("corrected", "publicity_events")
        assert figure.indicator_reason == f"taught cue {FILMS} (by {reviewer_name(store.conn)}, figure {teacher})"
    assert store.similar_pending(FILMS) == []
    [cue] = store.taught_cue_rows()  # applied figures decide by the cue, they teach nothing new
    assert cue.n_taught == 1 and cue.n_decided == 2
    assert store.undo_description().args == {"action": "Apply taught cue", "count": 2}
    store.undo()
    for figure_id in similar:
        figure = store.figure(figure_id)
        assert (figure.status, figure.indicator, figure.indicator_reason) == ("pending", None, None)
    assert store.figure(teacher).status == "corrected"  # the teaching itself is an older step


def test_a_figure_reset_after_the_cue_was_applied_loses_the_cues_reason(store):
    teach_films(store)
    [applied, _] = store.apply_cue(FILMS)
    store.reset_to_pending([applied])
    figure = store.figure(applied)
    assert (figure.status, figure.indicator, figure.indicator_reason) == ("pending", None, None)


def test_the_offer_names_the_cue_and_its_similar_figures_and_nothing_without_them(store):
    teacher = teach_films(store)
    cue, similar = store.cue_offer(teacher)
    assert cue.key == FILMS and sorted(similar) == sorted(store.similar_pending(FILMS))
    store.apply_cue(FILMS)
    assert store.cue_offer(teacher) is None  # nothing pending is like it any more
    cases = figure_labelled(store, report_id_of(store, "a.txt"), "办理行政复议案件")
    store.confirm([cases.id])
    assert store.cue_offer(cases.id) is None  # a confirmation teaches nothing


def test_applying_a_rejection_rejects_the_similar_figures(store):
    store.reject([figure_labelled(store, report_id_of(store, "a.txt"), PEOPLE).id])
    applied = store.apply_cue(PEOPLE)
    assert len(applied) == 2 and all(store.figure(i).status == "rejected" for i in applied)


# --- later imports -----------------------------------------------------------------------------
def test_a_later_import_uses_the_cue_and_a_removed_one_no_more(store, folder):
    teacher = teach_films(store)
    store.reject([figure_labelled(store, report_id_of(store, "b.txt"), PEOPLE).id])
    import_paths(store, [write_report(folder, "d.txt", 2025, 50)], workers=1)
    d = report_id_of(store, "d.txt")
    films, people = figure_labelled(store, d, FILMS), figure_labelled(store, d, PEOPLE)
    assert films.indicator == "publicity_events" and films.status == "pending"
    assert films.indicator_reason == f"taught cue {FILMS} (by {reviewer_name(store.conn)}, figure {teacher})"
    assert films.confidence >= TAUGHT_CONFIDENCE
    assert people.indicator is None and people.confidence < 0.5 and parse_reason(people.indicator_reason)
    assert not is_taught(figure_labelled(store, d, "办理行政复议案件").indicator_reason)  # the lexicon decided it
    store.remove_cue(FILMS)
    assert [c.phrase for c in store.taught_cue_rows()] == [PEOPLE]
    import_paths(store, [write_report(folder, "e.txt", 2026, 60)], workers=1)
    fresh = figure_labelled(store, report_id_of(store, "e.txt"), FILMS)
    assert fresh.indicator is None and fresh.indicator_reason is None


def test_import_workers_get_the_cues(store, folder):
    teach_films(store)
    paths = [write_report(folder, f"w{i}.txt", 2000 + i, 100 + i) for i in range(9)]  # a process pool
    assert len(import_paths(store, paths, workers=2).imported) == 9
    decided = [figure_labelled(store, report_id_of(store, p.name), FILMS) for p in paths]
    assert {f.indicator for f in decided} == {"publicity_events"}


def test_a_disabled_cue_is_listed_but_not_used_and_edits_change_what_it_decides(store):
    teach_films(store)
    store.set_cue_enabled(FILMS, False)
    assert store.active_cues() == [] and not store.taught_cue_rows()[0].enabled
    assert store.similar_pending(FILMS) == []
    store.set_cue_enabled(FILMS, True)
    store.edit_cue(FILMS, phrase="电影放映", decision="people_reached")
    [cue] = store.active_cues()
    assert (cue.phrase, cue.decision) == ("电影放映", "people_reached")
    with pytest.raises(InvalidEdit):
        store.edit_cue(FILMS, phrase="电")
    with pytest.raises(InvalidEdit):
        store.edit_cue(FILMS, decision="no_such_indicator")


# --- export and restore -------------------------------------------------------------------------
def test_export_and_restore_carry_the_cues(store, tmp_path, folder):
    teach_films(store)
    store.reject([figure_labelled(store, report_id_of(store, "b.txt"), PEOPLE).id])
    store.apply_cue(FILMS)
    store.edit_cue(PEOPLE, phrase="法律明白人")
    store.set_cue_enabled(PEOPLE, False)
    out = tmp_path / "all.jsonl"
    export_dataset(store, out, fmt="jsonl", statuses="all")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["key"] for r in lines if r["type"] == "cue") == sorted([FILMS, PEOPLE])
    before = [(c.key, c.phrase, c.decision, c.enabled, c.taught_by, c.taught_at, c.n_taught, c.n_decided)
              for c in store.taught_cue_rows()]
    with open_store(tmp_path / "restored.db") as restored:
        import_paths(restored, [write_report(folder, "other.txt", 2019, 7, cases=3)], workers=1)  # ids move on
        summary = import_paths(restored, [out])
        assert len(summary.imported) == 3 and not summary.failed
        after = [(c.key, c.phrase, c.decision, c.enabled, c.taught_by, c.taught_at, c.n_taught, c.n_decided)
                 for c in restored.taught_cue_rows()]
        assert after == before
        teachers = {c.phrase: c.figure_id for c in restored.taught_cue_rows()}
        reasons = [parse_reason(f.indicator_reason) for r in restored.list_reports() for f in restored.figures(r.id)
                   if is_taught(f.indicator_reason)]
        assert reasons and all(int(r["figure_id"]) == teachers[r["phrase"]] for r in reasons)


def test_cues_follow_from_the_figures_even_without_cue_lines(store, tmp_path):
    teach_films(store)
    out = tmp_path / "all.jsonl"
    export_dataset(store, out, fmt="jsonl", statuses="all")
    kept = [line for line in out.read_text(encoding="utf-8").splitlines() if json.loads(line)["type"] != "cue"]
    out.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with open_store(tmp_path / "restored.db") as restored:
        import_paths(restored, [out], accept_incomplete=True)  # the edit broke the checksum
        [cue] = restored.taught_cue_rows()
        assert (cue.phrase, cue.decision, cue.file_name) == (FILMS, "publicity_events", "a.txt")


def test_a_malformed_cue_line_is_named_and_the_reports_still_restore(store, tmp_path):
    teach_films(store)
    out = tmp_path / "all.jsonl"
    export_dataset(store, out, fmt="jsonl", statuses="all")
    lines = out.read_text(encoding="utf-8").splitlines()
    bad = [{"type": "cue", "key": 7}, {"type": "cue", "key": FILMS, "taught_at": 12, "phrase": ["x"], "enabled": 0}]
    out.write_text("\n".join([lines[0]] + [json.dumps(b) for b in bad]
                             + [line for line in lines[1:] if '"type": "cue"' not in line]) + "\n", encoding="utf-8")
    with open_store(tmp_path / "restored.db") as restored:
        summary = import_paths(restored, [out], accept_incomplete=True)  # the edit broke the checksum
        assert len(summary.imported) == 3
        assert [message for _, message in summary.failed] == [
            "line 2: key must be text, not 7; this taught cue was not restored",
            "line 3: phrase must be text, not [\"x\"]; this taught cue was not restored"]
        [cue] = restored.taught_cue_rows()  # the figures still teach it
        assert (cue.phrase, cue.decision) == (FILMS, "publicity_events")


def test_a_removed_cue_stays_removed_after_a_restore(store, tmp_path):
    teach_films(store)
    store.remove_cue(FILMS)
    out = tmp_path / "all.jsonl"
    export_dataset(store, out, fmt="jsonl", statuses="all")
    with open_store(tmp_path / "restored.db") as restored:
        import_paths(restored, [out])
        assert restored.taught_cue_rows() == [] and restored.active_cues() == []


# --- the schema ---------------------------------------------------------------------------------
def test_an_old_database_gets_the_reason_column_empty_and_no_cues(tmp_path, monkeypatch, folder):
    path = tmp_path / "old.db"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 1)
    conn = sqlite3.connect(path)
    schema.migrate(conn, None)
    conn.execute("INSERT INTO reports (path, file_name, sha256, encoding, encoding_confidence, imported_at, text)"
                 " VALUES ('x', 'x.txt', 'abc', 'utf-8', 1.0, 'now', '培训2次')")
    conn.execute("INSERT INTO figures (report_id, start, \"end\", raw, x_raw) VALUES (1, 2, 4, '2次', '2次')")
    conn.commit()
    conn.close()
    monkeypatch.undo()
    with open_store(path) as upgraded:
        assert upgraded.figures(1)[0].indicator_reason is None
        assert upgraded.taught_cue_rows() == []
