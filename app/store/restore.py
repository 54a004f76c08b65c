"""Restoring a complete long JSONL export (see app/store/dataset.py) into a database.

A restore first reads the whole file without writing (`_Reading`): every line is parsed
and every field of a report, section, figure, reviewer's decision and dismissed finding checked (type, range,
offsets inside the text, status and qualifier values, figure ids unique), and the closing
line's counts and checksum compared. Only then are the reports written, one transaction
each; a report with any bad line is left out whole and named with the line and the field,
so nothing invalid reaches the database.

Record types are dispatched through RECORD_TYPES (lines of a report) and _OUTSIDE_REPORTS
(taught cues, merges' agreement), so a new kind of line is one entry and one check there; a
bad line of the second kind costs only itself.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Callable

from app.core.model import QUALIFIERS, STATUSES
from app.core.names import shown
from app.store.decision_records import check_agreement, check_decision, insert_agreement, insert_decisions
from app.store.errors import StoreWriteFailed
from app.store.jsonl_fields import _Bad, _choice, _flag, _integer, _number, _shown_value, _span, _text
from app.store.rows import ImportSummary
from app.store.schema import decode_warning_key, finding_message_key, text_sha256

JSONL_FORMAT = "report-reviewer-export"
JSONL_VERSION = 2  # 2: the header counts what follows and a closing line carries a checksum
# English, made from these templates, shown translated in the window (app.core.messages).
MESSAGES = {
    "not_export": "not a Report Reviewer JSONL export",
    "incomplete": "this export does not hold everything; export with status all and no filter to make one "
                  "that can be restored",
    "not_utf8": "not UTF-8 text",
    "cut_short": "the file is cut short (it ends inside a character); restore from a complete copy",
    "not_utf8_line": "line {number} is not UTF-8 text",
    "unreadable": "cannot read: {reason}",
    "bad_json": "line {number} is not valid JSON",
    "not_object": "line {number} is not a JSON object",
    "before_report": "line {number} comes before any report line",
    "unknown_line": "line {number}: unknown line type",
    "unnamed": "report on line {line}",
    "unnamed_cue": "taught cue on line {line}",
    "bad_cue": "line {number}: {field} {problem}; this taught cue was not restored",
    "unnamed_agreement": "agreement on line {line}",
    "bad_agreement": "line {number}: {field} {problem}; this agreement figure was left out",
    "unrestorable": "report on line {line} cannot be restored: {detail}",
    "missing": "missing {field}",
    "bad_field": "line {number}: {field} {problem}; this report was not restored",
    "truncated": "incomplete: {found} of {expected} figures (the file is cut short); nothing was restored "
                 "(restore what is there with --accept-incomplete)",
    "truncated_taken": "incomplete: {found} of {expected} figures (the file is cut short); the {reports} "
                       "complete reports were restored",
    "checksum": "damaged: the closing line's checksum does not match the file; nothing was restored "
                "(restore the reports that check out with --accept-incomplete)",
    "checksum_taken": "damaged: the closing line's checksum does not match the file; only the reports "
                      "that check out were restored",
    "after_end": "line {number} comes after the closing line; nothing was restored",
    "unchecked": "made by an older version: it has no closing line, so it could not be checked to be complete",
}
TEMPLATES = tuple(MESSAGES.values())


class _Broken(Exception):
    """The whole file cannot be restored; the message says why."""


def _check_report(record: dict) -> None:
    _text(record.get("file"), "file")
    sha = record.get("sha256")
    _text(sha, "sha256")
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise _Bad("sha256", "must be 64 hexadecimal digits")
    for name in ("text", "path", "encoding", "imported_at"):
        _text(record.get(name), name)
    for name in ("title", "agency", "region", "level", "province", "city", "county", "division_code",
                 "publish_date", "doc_type", "decode_warning"):
        _text(record.get(name), name, optional=True)
    _number(record.get("encoding_confidence"), "encoding_confidence", 0, 1)
    _flag(record.get("encoding_overridden"), "encoding_overridden")
    _integer(record.get("report_year"), "report_year", 1900, 2200, optional=True)
    _integer(record.get("n_figures"), "n_figures", 0, optional=True)
    _integer(record.get("n_decisions"), "n_decisions", 0, optional=True)
    original = record.get("original_zlib_base64")
    _text(original, "original_zlib_base64", optional=True)
    if original is not None:
        try:
            base64.b64decode(original, validate=True)
        except (binascii.Error, ValueError):
            raise _Bad("original_zlib_base64", "is not base64") from None
    length = len(record["text"])
    pages = record.get("page_starts")
    if pages is not None and (not isinstance(pages, list) or any(
            type(start) is not int or not 0 <= start <= length for start in pages) or pages != sorted(pages)):
        raise _Bad("page_starts", "must be a list of ascending offsets inside the text")
    sections = record.get("sections")
    if not isinstance(sections, list):
        raise _Bad("sections", f"must be a list, not {_shown_value(sections)}")
    for number, section in enumerate(sections, start=1):
        where = f"sections[{number}]."
        if not isinstance(section, dict):
            raise _Bad(f"sections[{number}]", "must be an object")
        try:
            _integer(section.get("level"), "level", 1, 9)
            _text(section.get("title"), "title")
            _text(section.get("category"), "category", optional=True)
            _span(section, "start", "end", length)
        except _Bad as bad:
            raise _Bad(where + bad.args[0], bad.args[1]) from None
    dismissed = record.get("dismissed_findings", [])
    if not isinstance(dismissed, list) or not all(isinstance(d, dict) for d in dismissed):
        raise _Bad("dismissed_findings", "must be a list of objects")
    for number, finding in enumerate(dismissed, start=1):
        try:
            for name in ("rule", "message", "fingerprint"):
                _text(finding.get(name), name)
            _text(finding.get("note"), "note", optional=True)
            ids = finding.get("figure_ids")
            if not isinstance(ids, list) or not all(type(i) is int for i in ids):
                raise _Bad("figure_ids", "must be a list of whole numbers")
        except _Bad as bad:
            raise _Bad(f"dismissed_findings[{number}].{bad.args[0]}", bad.args[1]) from None


def _check_figure(record: dict, report: dict) -> None:
    length = len(report["text"])
    _integer(record.get("figure_id"), "figure_id", 1)
    _span(record, "start", "end", length)
    _span(record, "x_start", "x_end", length, optional=True)
    _text(record.get("raw"), "raw")
    _text(record.get("numeral"), "numeral")
    for name in ("unit", "label", "indicator", "x_raw", "x_unit", "x_label", "x_indicator",
                 "section_category", "note", "reject_reason", "reviewed_at", "indicator_reason"):
        _text(record.get(name), name, optional=True)
    _number(record.get("value"), "value", optional=True)
    _number(record.get("x_value"), "x_value", optional=True)
    _number(record.get("confidence"), "confidence", 0, 1)
    _choice(record.get("qualifier"), "qualifier", QUALIFIERS)
    _choice(record.get("x_qualifier"), "x_qualifier", QUALIFIERS, optional=True)
    _choice(record.get("status"), "status", STATUSES)
    _flag(record.get("headline"), "headline")


def _check_cue(record: dict) -> None:
    _text(record.get("key"), "key")
    for name in ("phrase", "decision", "edited_at", "removed_at", "taught_by", "taught_at"):
        _text(record.get(name), name, optional=True)
    _flag(record.get("enabled"), "enabled")
    _flag(record.get("decision_edited"), "decision_edited")


# Lines that belong to no report: their check, the _Reading list that keeps them, and the
# messages naming one refused.
_OUTSIDE_REPORTS = {"cue": (_check_cue, "cues", "unnamed_cue", "bad_cue"),
                    "agreement": (check_agreement, "agreements", "unnamed_agreement", "bad_agreement")}
# What each line type is checked with (the header and closing line are read by _Reading).
RECORD_TYPES: dict[str, Callable[..., None]] = {"report": _check_report, "figure": _check_figure,
                                                "decision": check_decision}


class _Group:
    """A report line and the lines that belong to it."""

    def __init__(self, record: dict, line: int):
        self.report, self.line, self.figures, self.error = record, line, [], None
        self.decisions: list[dict] = []  # reviewers' decisions on its figures (decision_records.py)
        self.decided: set[tuple[int, str]] = set()  # (figure id, reviewer) of those checked
        self.figure_ids: set[int] = set()

    @property
    def name(self) -> str:
        file = self.report.get("file")
        return shown(file) if isinstance(file, str) and file else MESSAGES["unnamed"].format(line=self.line)

    def fail(self, message: str) -> None:
        self.error = self.error or message


class _Reading:
    """One pass over the file: groups checked, figures counted, the checksum computed."""

    def __init__(self, handle):
        self.groups: list[_Group] = []
        self.cues: list[dict] = []  # the taught cues' lines (app.store.cues), after the reports
        self.agreements: list[dict] = []  # the merges' agreement lines (decision_records.py)
        self.bad_lines: list[tuple[str, str, str]] = []  # cue and agreement lines refused: (type, name, why)
        self.orphans: list[tuple[str, str]] = []  # lines before any report
        self.figures = self.decisions = 0
        self.header: dict = {}
        self.end: dict | None = None
        self.checksum_ok = True
        self._read(handle)

    def _read(self, handle) -> None:
        digest = hashlib.sha256()
        all_ids: set[int] = set()
        for number, raw in enumerate(handle, start=1):
            text = _decoded(raw, number, handle)
            if self.end is not None:
                if text.strip():
                    raise _Broken(MESSAGES["after_end"].format(number=number))
                continue
            if not text.strip():
                digest.update(raw)
                continue
            try:
                record = _parse(text, number)
            except _Broken as error:
                if number == 1 or not self.groups:
                    raise
                digest.update(raw)
                self.groups[-1].fail(str(error))  # one damaged line costs its report, not the file
                continue
            if number == 1:
                self.header = record
                _check_header(record)
                digest.update(raw)
                continue
            kind = record.get("type")
            if kind == "end":
                self.end = record
                self.checksum_ok = record.get("sha256") == digest.hexdigest()
                continue
            digest.update(raw)
            if kind in _OUTSIDE_REPORTS:
                check, kept, name, problem = _OUTSIDE_REPORTS[kind]
                try:
                    check(record)
                    getattr(self, kept).append(record)
                except (_Bad, TypeError, KeyError) as bad:
                    field, why = bad.args if isinstance(bad, _Bad) else (str(bad), "is missing or wrong")
                    self.bad_lines.append((kind, MESSAGES[name].format(line=number), MESSAGES[problem].format(
                        number=number, field=field, problem=why)))
            elif kind == "report":
                group = _Group(record, number)
                self.groups.append(group)
                self._check(group, record, number, _check_report)
            elif not self.groups:
                self.orphans.append((MESSAGES["unnamed"].format(line=number),
                                     MESSAGES["before_report"].format(number=number)))
            elif kind in RECORD_TYPES:
                group = self.groups[-1]
                if kind == "figure":
                    self.figures += 1
                    group.figures.append(record)
                    if group.error is None:
                        self._check(group, record, number, _check_figure)
                        if group.error is None and record["figure_id"] in all_ids:
                            group.fail(MESSAGES["bad_field"].format(
                                number=number, field="figure_id", problem=f"{record['figure_id']} appears twice"))
                        if group.error is None:
                            all_ids.add(record["figure_id"])
                            group.figure_ids.add(record["figure_id"])
                elif kind == "decision":
                    self.decisions += 1
                    group.decisions.append(record)
                    if group.error is None:
                        self._check(group, record, number, check_decision)
                        if group.error is None:
                            self._check_decided(group, record, number)
            else:
                self.groups[-1].fail(MESSAGES["unknown_line"].format(number=number))
        for group in self.groups:
            if group.error is None:
                for finding in group.report.get("dismissed_findings", []):
                    unknown = [i for i in finding["figure_ids"] if i not in group.figure_ids]
                    if unknown:
                        group.fail(MESSAGES["bad_field"].format(
                            number=group.line, field="dismissed_findings",
                            problem=f"names figure {unknown[0]}, which is not in this report"))

    @staticmethod
    def _check_decided(group: _Group, record: dict, number: int) -> None:
        """A decision follows its figure's line, and each reviewer decides a figure once."""
        if record["figure_id"] not in group.figure_ids:
            group.fail(MESSAGES["bad_field"].format(number=number, field="figure_id", problem=(
                f"names figure {record['figure_id']}, which is not among this report's figures before it")))
        elif (record["figure_id"], record["reviewer"]) in group.decided:
            group.fail(MESSAGES["bad_field"].format(number=number, field="reviewer", problem=(
                f"{_shown_value(record['reviewer'])} decides figure {record['figure_id']} twice")))
        else:
            group.decided.add((record["figure_id"], record["reviewer"]))

    @staticmethod
    def _check(group: _Group, record: dict, number: int, check) -> None:
        try:
            check(record) if check is _check_report else check(record, group.report)
        except _Bad as bad:
            group.fail(MESSAGES["bad_field"].format(number=number, field=bad.args[0], problem=bad.args[1]))
        except (TypeError, KeyError, AttributeError) as error:
            group.fail(MESSAGES["bad_field"].format(number=number, field=str(error), problem="is missing or wrong"))

    def decisions_counted(self) -> bool:
        """As many decision lines as the header counts (an export from before them counts none)."""
        return self.header.get("decisions", self.decisions) == self.decisions

    def complete_groups(self) -> list[_Group]:
        """The groups whose every figure is in the file (the last one may be cut short)."""
        return [g for g in self.groups if all(
            g.report.get(count) in (None, len(lines)) or not isinstance(g.report.get(count), int)
            for count, lines in (("n_figures", g.figures), ("n_decisions", g.decisions)))]


def _decoded(raw: bytes, number: int, handle) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        at_end = not raw.endswith(b"\n") and error.end >= len(raw) - 3 and not handle.peek(1)
        raise _Broken(MESSAGES["cut_short"] if at_end else MESSAGES["not_utf8_line"].format(number=number)) from None


def _check_header(header: dict) -> None:
    if header.get("type") != "header" or header.get("format") != JSONL_FORMAT:
        raise _Broken(MESSAGES["not_export"])
    if not header.get("complete"):
        raise _Broken(MESSAGES["incomplete"])


def _parse(line: str, number: int) -> dict:
    try:
        record = json.loads(line)
    except ValueError:
        if number == 1:
            raise _Broken(MESSAGES["not_export"]) from None
        raise _Broken(MESSAGES["bad_json"].format(number=number)) from None
    if not isinstance(record, dict):
        raise _Broken(MESSAGES["not_object"].format(number=number))
    return record


def restore_jsonl(store, path: str | Path, accept_incomplete: bool = False) -> ImportSummary:
    """Rebuild the reports of a complete long JSONL export; one transaction per report.

    Reports already in the database (same sha256) are skipped as duplicates; a report with
    a bad line is skipped whole and named in `failed`; the rest still go in. A file cut short
    (fewer figures than its header counts, or no closing line) is refused whole unless
    `accept_incomplete`; an old export without counts is restored with a warning.
    """
    summary = ImportSummary()
    name = shown(path)
    try:
        with open(path, "rb") as handle:
            reading = _Reading(handle)
    except _Broken as error:
        summary.failed.append((name, str(error)))
        return summary
    except OSError as error:
        summary.failed.append((name, MESSAGES["unreadable"].format(reason=error.strerror or error)))
        return summary
    groups = reading.groups
    if reading.header.get("version", 1) >= 2:
        expected = reading.header.get("figures")
        if reading.end is not None and not reading.checksum_ok:
            if not accept_incomplete:
                summary.failed.append((name, MESSAGES["checksum"]))
                return summary
            summary.warnings.append((name, MESSAGES["checksum_taken"]))
        elif reading.end is None or reading.figures != expected or not reading.decisions_counted():
            complete = reading.complete_groups()
            if not accept_incomplete:
                summary.failed.append((name, MESSAGES["truncated"].format(found=reading.figures, expected=expected)))
                return summary
            summary.warnings.append((name, MESSAGES["truncated_taken"].format(
                found=reading.figures, expected=expected, reports=len(complete))))
            groups = complete
    else:
        summary.warnings.append((name, MESSAGES["unchecked"]))
    summary.failed.extend(reading.orphans)
    summary.failed.extend((name, why) for _, name, why in reading.bad_lines)
    for group in groups:
        _restore_group(store, group, summary)
    store.restore_cue_records(reading.cues)
    if reading.agreements:
        with store.transaction() as conn:
            insert_agreement(conn, reading.agreements)
    return summary


def _restore_group(store, group: _Group, summary: ImportSummary) -> None:
    if group.error:
        summary.failed.append((group.name, group.error))
        return
    report = group.report
    try:
        with store.transaction() as conn:
            report["text_sha256"] = text_sha256(report["text"])
            existing = store.duplicate_of(report)  # the same bytes, or the same text re-encoded
            if existing is not None:
                summary.duplicates.append(group.name)
                summary.duplicate_of[group.name] = existing
                return
            _insert_report(conn, report, group.figures, group.decisions)
    except StoreWriteFailed:
        raise  # disk full or locked: the caller stops and says how far it got
    except (KeyError, TypeError, ValueError, sqlite3.IntegrityError) as error:
        detail = MESSAGES["missing"].format(field=error) if isinstance(error, KeyError) else str(error).splitlines()[0]
        summary.failed.append((group.name, MESSAGES["unrestorable"].format(line=group.line, detail=detail)))
        return
    summary.imported.append(group.name)


_REPORT_FIELDS = ("path", "file_name", "sha256", "text_sha256", "original", "encoding", "encoding_confidence",
                  "encoding_overridden", "decode_warning", "text", "title", "agency", "region",
                  "level", "province", "city", "county", "division_code", "report_year", "publish_date",
                  "doc_type", "imported_at", "n_figures", "n_reviewed", "page_starts", "decode_warning_key",
                  "decode_warning_args")
_FIGURE_FIELDS = ("report_id", "start", "end", "raw", "value", "unit", "qualifier", "label", "indicator",
                  "x_start", "x_end", "x_raw", "x_value", "x_unit", "x_qualifier", "x_label",
                  "x_indicator", "numeral", "confidence", "section_category", "status", "headline",
                  "note", "reject_reason", "reviewed_at", "indicator_reason")


def _insert_report(conn, report: dict, figures: list[dict], decisions: list[dict] = ()) -> None:
    original = report.get("original_zlib_base64")
    values = {**report, "file_name": report["file"], "n_figures": len(figures),
              "original": None if original is None else base64.b64decode(original, validate=True),
              "n_reviewed": sum(f["status"] != "pending" for f in figures),
              "encoding_overridden": int(bool(report.get("encoding_overridden"))),
              "page_starts": json.dumps(report["page_starts"]) if report.get("page_starts") else None}
    # the window translates warnings and findings from their keys (an export holds the English)
    values["decode_warning_key"], values["decode_warning_args"] = decode_warning_key(report.get("decode_warning"))
    report_id = _insert(conn, "reports", _REPORT_FIELDS, values)
    conn.executemany('INSERT INTO sections (report_id, level, title, category, start, "end")'
                     " VALUES (?, ?, ?, ?, ?, ?)",
                     [(report_id, s["level"], s["title"], s.get("category"), s["start"], s["end"])
                      for s in report["sections"]])
    new_ids = {f["figure_id"]: _insert(conn, "figures", _FIGURE_FIELDS,
                                       {**f, "report_id": report_id, "headline": int(bool(f["headline"]))})
               for f in figures}
    conn.executemany("INSERT INTO findings (report_id, rule, message, message_key, message_args, figure_ids,"
                     " fingerprint, dismissed, note) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
                     [(report_id, d["rule"], d["message"], *finding_message_key(d["rule"], d["message"]),
                       json.dumps([new_ids[i] for i in d["figure_ids"]]), d["fingerprint"], d.get("note"))
                      for d in report.get("dismissed_findings", [])])
    insert_decisions(conn, decisions, new_ids)


def _insert(conn, table: str, fields: tuple[str, ...], values: dict) -> int:
    names = ", ".join(f'"{name}"' for name in fields)
    cursor = conn.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(fields))})",
                          [values.get(name) for name in fields])
    return cursor.lastrowid
