"""Indicators of the items of a list that shares one verb.

"审核重大行政决策事项8件、行政合同56份、规范性文件12件": the verb stands once, before the first
item; every later item names only its own object (the noun right before its number). A reviewer
reads each item as the verb plus its own noun (审核规范性文件12件), so it takes the indicator
that reading names (CODEBOOK §5), or None where its noun fits no indicator. An item with a verb
of its own, a breakdown after 其中 and parts before a 共计 total keep their own rules.
Each case names the figure (its raw text) and the indicator, or None.
"""
from __future__ import annotations

import pytest

from app.core.figures import find_figures


def indicator_of(sentence: str, raw: str):
    figure = next((f for f in find_figures(sentence) if f.raw == raw), None)
    assert figure is not None, f"{raw} not found in {sentence}"
    return figure.indicator


@pytest.mark.parametrize("sentence, raw, indicator", [
    # 审核 + 规范性文件: a legality review of normative documents, which legality_reviews leaves out
    ("审核重大行政决策事项8件、行政合同56份、规范性文件12件。", "8件", "legality_reviews"),
    ("审核重大行政决策事项8件、行政合同56份、规范性文件12件。", "56份", "contracts_reviewed"),
    ("审核重大行政决策事项8件、行政合同56份、规范性文件12件。", "12件", "normative_docs_reviewed"),
    ("审查重大行政决策事项12件，规范性文件8件。", "8件", "normative_docs_reviewed"),
    # 审查 + 重大行政决策: the documents named in the first clause are not what the second counts
    ("审查规范性文件18件，重大行政决策12件。", "18件", "normative_docs_reviewed"),
    ("审查规范性文件18件，重大行政决策12件。", "12件", "legality_reviews"),
    ("全年共审查规范性文件18件、重大行政决策事项12件、合同协议56份。", "12件", "legality_reviews"),
    ("全年共审查规范性文件18件、重大行政决策事项12件、合同协议56份。", "56份", "contracts_reviewed"),
    # items whose own noun already names the indicator keep it
    ("办理行政复议案件12件、行政诉讼案件5件。", "12件", "reconsideration_cases"),
    ("办理行政复议案件12件、行政诉讼案件5件。", "5件", "litigation_cases"),
    ("办理行政复议案件12件，行政诉讼案件5件。", "5件", "litigation_cases"),
    ("开展法治讲座12场、法治培训8期。", "8期", "training_sessions"),
    ("组织开展法治培训8期、法治讲座12场。", "12场", "training_sessions"),
    ("受理投诉举报120件，信访事项36件。", "36件", "petitions"),
    # 宣传品 counted in 件 as written (000 counts 宣传品 as publicity material)
    ("发放宣传资料2万份、宣传品5000件。", "2万份", "publicity_materials"),
    ("发放宣传资料2万份、宣传品5000件。", "5000件", "publicity_materials"),
    ("印发规范性文件7件、工作制度12项。", "12项", "internal_rules"),
])
def test_item_reads_the_shared_verb_with_its_own_noun(sentence, raw, indicator):
    assert indicator_of(sentence, raw) == indicator


@pytest.mark.parametrize("sentence, raw", [
    # the item's noun fits no indicator, whatever the verb
    ("发放宣传资料2万份、慰问金3万元。", "3万元"),
    ("审查规范性文件18件，其他事项5件。", "5件"),
    # the item has a verb of its own: it is a new statement, not a list item
    ("审查规范性文件18件，提出修改意见23条。", "23条"),
    ("查处违法案件32件、整改隐患86处。", "86处"),
    ("开展检查1200次，发现问题86个。", "86个"),
    # a breakdown after 其中 is no list sharing the total's verb (CODEBOOK §4)
    ("审核规范性文件32件，其中市政府文件20件、部门文件12件。", "20件"),
    ("审核规范性文件32件，其中市政府文件20件、部门文件12件。", "12件"),
    # parts before a 共计 total give it their indicator and lose it
    ("查处食品类案件32件，药品类案件18件，共计50件。", "18件"),
])
def test_item_without_an_indicator_of_its_own(sentence, raw):
    assert indicator_of(sentence, raw) is None
