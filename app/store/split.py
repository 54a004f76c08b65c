"""Dealing a database's reports to several reviewers, with an overlap reviewed twice.

Each report goes to a reviewer chosen by its sha256 (the hash of its original bytes), so the
same report goes to the same reviewer whichever database or order it comes from, and a
report added later does not move the others. `overlap` percent of the reports (again chosen
by the hash) go to a second reviewer as well: the figures both decide measure agreement when
the exports are merged back (merge.py). Each reviewer gets one complete JSONL export, which
`import FILE --db THEIR.sqlite` turns into their own database.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from app.store.dataset import export_dataset

MAX_REVIEWERS = 100


@dataclass
class Assignment:
    reviewer: str
    path: Path
    report_ids: list[int] = field(default_factory=list)
    shared: int = 0  # of them, reports a second reviewer also has


def reviewers_of(sha256: str, n_reviewers: int, overlap: float) -> tuple[int, ...]:
    """The reviewers (0-based) a report goes to: one, or two for a report in the overlap."""
    first = int(sha256[:16], 16) % n_reviewers
    if n_reviewers < 2 or int(sha256[16:24], 16) % 10000 >= overlap * 100:
        return (first,)
    second = (first + 1 + int(sha256[24:32], 16) % (n_reviewers - 1)) % n_reviewers
    return (first, second)


def reviewer_names(n_reviewers: int, names: Optional[list[str]] = None) -> list[str]:
    """The names given (one per reviewer), else reviewer-1, reviewer-2, …; ValueError if wrong."""
    if not 1 <= n_reviewers <= MAX_REVIEWERS:
        raise ValueError(f"the number of reviewers must be between 1 and {MAX_REVIEWERS}")
    if not names:
        return [f"reviewer-{number}" for number in range(1, n_reviewers + 1)]
    names = [name.strip() for name in names]
    if len(names) != n_reviewers or len(set(names)) != n_reviewers or not all(names):
        raise ValueError(f"give {n_reviewers} different reviewer names")
    return names


def split_for_reviewers(store, n_reviewers: int, out_dir, overlap: float = 10.0,
                        names: Optional[list[str]] = None,
                        progress: Optional[Callable[[int, int, str], None]] = None) -> list[Assignment]:
    """Write out_dir/<reviewer>.jsonl per reviewer; progress(done, total, reviewer) per file."""
    if not 0 <= overlap <= 100:
        raise ValueError("the overlap is a percentage between 0 and 100")
    names = reviewer_names(n_reviewers, names)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    assignments = [Assignment(name, out_dir / f"{_file_name(name)}.jsonl") for name in names]
    for report_id, sha256 in store.conn.execute("SELECT id, sha256 FROM reports ORDER BY id"):
        chosen = reviewers_of(sha256, n_reviewers, overlap)
        for index in chosen:
            assignments[index].report_ids.append(report_id)
            assignments[index].shared += len(chosen) > 1
    for done, assignment in enumerate(assignments):
        if progress:
            progress(done, len(assignments), assignment.reviewer)
        export_dataset(store, assignment.path, "jsonl", "long", statuses="all",
                       report_ids=assignment.report_ids)
    return assignments


def _file_name(name: str) -> str:
    """A reviewer's name as a file name on every system (Chinese letters stay)."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "reviewer"
