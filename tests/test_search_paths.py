"""Search over all reports answers the first page of hits without ordering every match: a
query few reports hold comes from the index, one most reports hold from reading the list's
first reports, the rest from the index after them. Whichever way, the hits are every
occurrence, in list order, as reading every text in list order finds them."""
from __future__ import annotations

import re

import pytest

from app.core.extract import extract
from app.core.model import Decoded
from app.store import reports
from app.store.database import open_store

AGENCIES = ("甲市司法局", "乙县卫生健康局", "丙区教育局", "丁省自然资源厅", None)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("search") / "search.sqlite"))
    for number in range(40):
        agency = AGENCIES[number % len(AGENCIES)]
        lines = [f"{agency or '某单位'}关于{2019 + number % 5}年法治政府建设情况的报告", "一、主要举措"]
        lines += [f"聘请法律顾问{number}人参与合法性审查。"] * (1 + number % 3)  # most reports: many hits each
        if number % 9 == 0:
            lines.append("开展行政复议案件评查，复议纠错。")  # a few reports
        if number % 2:
            lines.append("上线 App 办理 APP 事项。")  # half: ASCII letters in either case
        if number % 4 == 0:
            lines.append("ÉCOLE 与 école 合作。")  # a letter whose case only the index folds
        text = "\n".join(lines) + "\n"
        name = f"{number:02d}.txt"
        store.add_report(name, text.encode("utf-8") + name.encode(), Decoded(text, "utf-8", 1.0), extract(text))
    yield store
    store.close()


def every_occurrence(store, query, limit):
    """Each report's text in list order, searched one by one."""
    hits = []
    for summary in store.list_reports():
        for match in re.finditer(re.escape(query), store.report(summary.id).text, re.IGNORECASE):
            hits.append((summary.id, match.start()))
    return hits[:limit]


@pytest.mark.parametrize("probe, budget", [(1000, 2000), (3, 2000), (3, 4)])
@pytest.mark.parametrize("query", ["法律顾问", "行政复议", "app", "APP 办理", "école", "没有的词语", "法律"])
def test_the_hits_are_every_occurrence_in_list_order(store, monkeypatch, probe, budget, query):
    # small probe and budget: the same reports exercise each way of answering
    monkeypatch.setattr(reports, "FTS_PROBE", probe)
    monkeypatch.setattr(reports, "SCAN_BUDGET", budget)
    for limit in (7, 500):
        found = [(hit.report_id, hit.start) for hit in store.search(query, limit=limit)]
        assert found == every_occurrence(store, query, limit), (query, limit)
