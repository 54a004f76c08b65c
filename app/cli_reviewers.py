"""The team commands of the command line: reviewer (the name in a database), split, merge.

A thin layer over app.store.reviewers, split and merge; app.cli adds these to its parser.
"""
from __future__ import annotations

import sys

from app.store.reviewers import MAX_NAME_LENGTH


def add_commands(commands) -> None:
    reviewer = commands.add_parser(
        "reviewer", help="show or set the reviewer name of a database",
        description="The name written into the audit trail of every decision and into every export's "
                    f"header (at most {MAX_NAME_LENGTH} characters). Without NAME, prints it; unset, "
                    "it is the login name.")
    reviewer.add_argument("name", nargs="?", metavar="NAME")
    reviewer.add_argument("--db", required=True, metavar="FILE", help="an existing database file")
    reviewer.set_defaults(run=run_reviewer)

    split = commands.add_parser(
        "split", help="deal the reports to several reviewers, one JSONL file each",
        description="Deal every report to one reviewer by a stable hash of the report (its sha256); "
                    "OVERLAP percent also go to a second reviewer, to measure agreement when merging. "
                    "Writes DIR/<reviewer>.jsonl, complete exports each reviewer imports into their own "
                    "database.")
    split.add_argument("--db", required=True, metavar="FILE", help="an existing database file")
    split.add_argument("--reviewers", required=True, type=int, metavar="N", help="how many reviewers")
    split.add_argument("--out", required=True, metavar="DIR", help="folder for the files (created if missing)")
    split.add_argument("--overlap", type=float, default=10.0, metavar="PERCENT",
                       help="share of reports reviewed by two people (default: 10)")
    split.add_argument("--names", metavar="A,B,…", help="the reviewers' names (default: reviewer-1, …)")
    split.set_defaults(run=run_split)

    merge = commands.add_parser(
        "merge", help="merge reviewers' complete JSONL exports into one database",
        description="Decisions that agree are taken, a figure only one reviewer decided takes that "
                    "decision, a figure reviewers decided differently stays pending with both decisions "
                    "kept, to be settled in the window. A file without a reviewer's name counts as a "
                    "reviewer named after the file. Prints the agreement (share alike and Cohen's kappa "
                    "on the indicator), overall and per indicator.")
    merge.add_argument("paths", nargs="+", metavar="EXPORT.jsonl")
    merge.add_argument("--db", required=True, metavar="TARGET", help="database to merge into (created if missing)")
    merge.set_defaults(run=run_merge)


def run_reviewer(options) -> int:
    from app.cli import EXIT_FAILED, EXIT_OK, _fail
    from app.store.database import StoreError, open_store
    from app.store.reviewers import reviewer_name, set_reviewer_name
    try:
        with open_store(options.db, create=False) as store:
            if options.name is not None:
                set_reviewer_name(store, options.name)
            print(reviewer_name(store.conn))
    except (StoreError, ValueError) as error:
        _fail(error)
        return EXIT_FAILED
    return EXIT_OK


def run_split(options) -> int:
    from app.cli import EXIT_FAILED, EXIT_OK, _fail
    from app.store.database import StoreError, open_store
    from app.store.split import reviewer_names, split_for_reviewers
    names = options.names.split(",") if options.names else None
    try:
        reviewer_names(options.reviewers, names)
        if not 0 <= options.overlap <= 100:
            raise ValueError("the overlap is a percentage between 0 and 100")
        with open_store(options.db, create=False) as store:
            assignments = split_for_reviewers(store, options.reviewers, options.out, options.overlap, names)
    except (StoreError, ValueError, OSError) as error:
        _fail(error)
        return EXIT_FAILED
    for assignment in assignments:
        print(f"{assignment.reviewer}: {len(assignment.report_ids)} reports "
              f"({assignment.shared} shared) -> {assignment.path}")
    return EXIT_OK


def run_merge(options) -> int:
    from app.cli import EXIT_FAILED, EXIT_OK, _fail
    from app.store.database import StoreError, open_store
    from app.store.merge import MergeError, merge_reviews, read_sources
    try:
        read_sources(options.paths)  # every file checked before the target is created
        with open_store(options.db) as store:
            summary = merge_reviews(store, options.paths)
    except (StoreError, MergeError, OSError) as error:
        _fail(error)
        return EXIT_FAILED
    print("reviewers: " + ", ".join(f"{s.reviewer} ({s.path.name})" for s in summary.sources))
    print(f"reports added {summary.reports_added}; figures decided {summary.taken}, in conflict "
          f"{summary.conflicts}, already decided in the target {summary.kept}")
    if summary.unmatched:
        print(f"{summary.unmatched} decisions name figures the target does not have (kept as decisions only)")
    print_agreement(summary.agreement)
    for name, reason in summary.failed:
        print(f"  {name}: {reason}", file=sys.stderr)
    return EXIT_FAILED if summary.failed else EXIT_OK


def print_agreement(rows) -> None:
    if not rows or not rows[0].n_figures:
        print("agreement: no figure was decided by two reviewers")
        return
    print(f"{'indicator':<28} {'figures':>7} {'alike':>6} {'share':>6} {'kappa':>6}")
    for row in rows:
        kappa = "—" if row.kappa is None else f"{row.kappa:.2f}"
        print(f"{row.indicator or 'overall':<28} {row.n_figures:>7} {row.n_alike:>6} {row.share:>6.2f} {kappa:>6}")
