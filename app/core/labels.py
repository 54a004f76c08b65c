"""What a figure counts: its label phrase, its indicator, and how sure we are of both.

The indicator comes from cue words in the figure's own clause (nearest first, the words just
after it weigh less), filtered by unit compatibility, a pattern the sentence must contain
and words that veto it; all of that is data in resources/lexicon/indicator_cues.json, with
the vetoes of CODEBOOK §5a under the names of their rules (codebook_5a). The §5a rules that
read a sentence's structure (breakdowns, meetings, training, two objects in one count) are
functions in app.core.indicator_rules. In a respective list (A、B分别为m、n) each figure reads
its own name first; a figure written right after another (460批次1280人次) reads the words
naming the first. An item of a list that names only its object (…8件、规范性文件12件) is read
with the verb before the list.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from app.core.codebook import lexicon
from app.core.confidence import Verdict, confidence
from app.core.indicator_rules import (
    TOTAL_OPENING, rule_5a_3_breakdowns_are_null, rule_5a_4_meetings_by_their_verb,
    rule_5a_5_training_held_by_the_agency, rule_5a_11_lost_measure_word_needs_its_verb,
    rule_5a_11_two_objects_in_one_count)
from app.core.model import Figure
from app.core.pattern_starts import starts_with_one_of

SCOPES = ("near", "clause", "sentence", "figure")  # where a codebook_5a veto is searched
SENTENCE_STOPS = "。！？!?\n"
CLAUSE_STOPS = SENTENCE_STOPS + "，；;,：:（(）)"
# 培训乡镇（街道）司法所工作人员: a short bracketed insert of words is part of the phrase
WORD_INSERT = re.compile(r"[（(][\u4e00-\u9fff、]{1,6}[）)]")
LABEL_MAX = 30
POST_MAX = 24
NAME_CELL_BREAKS = re.compile(r"[0-9０-９。！？!?，；;,：:]")
CELL_GAP = (" ", "\t", "\u3000", "\xa0", "\u2002", "\u2003")
LEADING_FILLER = re.compile(
    r"^(?:[0-9]{4}年度?(?:以来|内)?|截至目前|截至|目前|全年|今年|本年度?|年内|其中|同时|另外|此外|"
    r"共计|累计|合计|总计|共|已|、|先后|全市|全县|全区|全省|全委|全局|我委|我局|本委|本局|我单位|"
    r"对(?![照外接标])|通过(?=开展|组织)|[（(][\u4e00-\u9fff、]{1,6}[）)])+")
TRAILING_FILLER = re.compile(
    r"(?:共计|累计|合计|总计|共|计|达到|达|有|了|分别为|分别|均|已|仅|约|大约|近|将近|超过|超|逾|"
    r"不少于|不低于|至少|不超过|不高于|保持在|在|总数)+$")
RATE_LINK = re.compile(r"(?<=[率数额量例重度])(?:为|是)$")
POST_QUALIFIER = re.compile(r"^(?:以上|左右|以内|以下|之内|上下|有余|的)+")
POST_CONNECTORS = ("及", "和", "与", "并", "以及", "同比", "较", "比")
CJK = re.compile(r"[\u4e00-\u9fff《“]")
RESPECTIVELY = "分别"
LIST_SEPARATORS = re.compile(r"[、和及与]")
LIST_LINKS = ("、", "，", ",")


@dataclass(frozen=True)
class _Rule:
    id: str
    units: frozenset
    requires: Optional[re.Pattern]
    excludes: Optional[re.Pattern]
    excludes_near: Optional[re.Pattern]  # the noun right before the number is something else
    excludes_sentence: Optional[re.Pattern]  # the sentence is about another field (职业技能培训)
    # (other kinds, own kinds): vetoed when the sentence last named another kind of case before
    # the figure ("行政复议案件收案36件，结案33件" closes reconsiderations, not violation cases)
    subject: Optional[tuple[re.Pattern, re.Pattern]]
    # CODEBOOK §5a rules that veto this indicator: (units it applies to, or all; scope, pattern)
    vetoes: tuple = ()


@dataclass(frozen=True)
class _Cues:
    rules: dict  # id -> _Rule
    patterns: tuple  # ((compiled cue, ((indicator, weight), ...)), ...), longest first
    scanner: re.Pattern  # all cues in one alternation, longest first, tried at every position
    breakdown: re.Pattern
    near_excludes: re.Pattern
    clause_excludes: re.Pattern
    list_verbs: re.Pattern
    settings: dict
    rare_units: frozenset


@lru_cache(maxsize=None)
def _cues() -> _Cues:
    data = lexicon("indicator_cues")
    settings = data["_settings"]
    rules, targets = {}, {}
    vetoes: dict[str, list] = {}
    for name, entries in data["codebook_5a"].items():
        for entry in entries if not name.startswith("_") else ():
            for scope in SCOPES:
                if scope in entry:
                    for ind_id in entry["indicators"]:
                        vetoes.setdefault(ind_id, []).append(
                            (frozenset(entry.get("units", ())), scope, re.compile(entry[scope])))
    for ind_id, spec in data["indicators"].items():
        rules[ind_id] = _Rule(
            ind_id, frozenset(spec["units"]),
            re.compile(spec["requires"]) if spec.get("requires") else None,
            re.compile(spec["excludes"]) if spec.get("excludes") else None,
            re.compile(spec["excludes_near"]) if spec.get("excludes_near") else None,
            re.compile(spec["excludes_sentence"]) if spec.get("excludes_sentence") else None,
            (re.compile(spec["other_subjects"]), re.compile(spec["own_subjects"]))
            if spec.get("other_subjects") else None,
            tuple(vetoes.get(ind_id, ())))
        for cue, weight in spec["cues"].items():
            targets.setdefault(cue, []).append((ind_id, float(weight)))
    cues = sorted(targets, key=len, reverse=True)
    units = lexicon("units")
    return _Cues(rules, tuple((re.compile(c), tuple(targets[c])) for c in cues),
                 re.compile(starts_with_one_of(cues) + "(?=(" + "|".join(f"(?:{c})" for c in cues) + "))"),
                 re.compile(settings["breakdown_markers"]), re.compile(settings["near_excludes"]),
                 re.compile(settings["clause_excludes"]), re.compile(settings["list_verbs"]),
                 settings, frozenset(units["rare"]))


@lru_cache(maxsize=4096)
def _targets(matched: str) -> tuple[tuple[str, float], ...]:
    """Indicators of a scanned cue and of every cue inside it (监督检查 holds 检查 and 监督)."""
    best: dict[str, float] = {}
    for pattern, targets in _cues().patterns:
        if pattern.search(matched):
            for ind, weight in targets:
                best[ind] = max(weight, best.get(ind, 0.0))
    return tuple(best.items())


class _Stops:
    """Sentence and clause boundaries of a text, found once and looked up by bisection."""

    def __init__(self, text: str, stops: str, inserts: Optional[re.Pattern] = None):
        self.length = len(text)
        self.at = [m.start() for m in re.finditer("[" + re.escape(stops) + "]", text)]
        if inserts is not None:
            brackets = {pos for m in inserts.finditer(text) for pos in (m.start(), m.end() - 1)}
            self.at = [pos for pos in self.at if pos not in brackets]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        i = bisect_left(self.at, start)
        j = bisect_left(self.at, end)
        return (self.at[i - 1] + 1 if i > 0 else 0), (self.at[j] if j < len(self.at) else self.length)


class _CueIndex:
    """Every cue occurrence inside the given spans of a text, sorted by position."""

    def __init__(self, text: str, cues: _Cues, spans: list[tuple[int, int]]):
        hits = []
        for start, end in spans:
            # Cues may overlap ("法治宣传栏" holds 法治宣传 and 宣传栏); one held inside an
            # earlier match is already among that match's targets.
            reach = start
            for m in cues.scanner.finditer(text, start, end):
                if m.end(1) > reach:
                    reach = m.end(1)
                    hits.extend((m.start(1), m.end(1), ind, w) for ind, w in _targets(m.group(1)))
        self.hits = hits
        self.starts = [h[0] for h in hits]

    def within(self, start: int, end: int) -> list[tuple[int, int, str, float]]:
        i = bisect_left(self.starts, start)
        found = []
        while i < len(self.hits) and self.hits[i][0] < end:
            if self.hits[i][1] <= end:
                found.append(self.hits[i])
            i += 1
        return found


@dataclass
class _Context:
    pre_start: int
    num_start: int
    post_end: int
    sentence: tuple[int, int]


class _Scores(dict):
    """Indicator -> score, with the cue that weighed most for each (the figure's reason)."""

    def __init__(self):
        super().__init__()
        self.cue: dict[str, str] = {}


def _vetoed(text: str, fig: Figure, ctx: _Context, rule: _Rule, near_start: int) -> bool:
    """Whether a CODEBOOK §5a rule rules the indicator out for this figure."""
    spans = {"near": (near_start, ctx.num_start), "clause": (ctx.pre_start, ctx.post_end),
             "sentence": ctx.sentence, "figure": (fig.start, fig.end)}
    if any(pattern.search(text, *spans[scope]) for units, scope, pattern in rule.vetoes
           if not units or fig.unit in units):
        return True
    return rule.id in ("training_sessions", "training_participants") and not \
        rule_5a_5_training_held_by_the_agency(text, ctx.num_start, ctx.sentence)


def _scores(text: str, fig: Figure, ctx: _Context, cues: _Cues, index: _CueIndex) -> _Scores:
    settings = cues.settings
    decay = settings["decay_chars"]
    near_start = max(ctx.pre_start, ctx.num_start - settings["near_window"])
    post_factor = settings["object_of_dui_post_factor" if "对" in text[ctx.pre_start:ctx.num_start]
                           else "post_factor"]
    hits = []  # (indicator, weighted score, is a modifier: cue + 的 before the counted noun, cue)
    for s, e, ind, weight in index.within(ctx.pre_start, ctx.num_start):
        modifier = "的" in text[e:e + 2]
        # "检查各类医疗机构、公共场所、托幼机构等40家次": a verb before a list of objects is as
        # near to the count as to the first object
        listed = text.find("、", e, ctx.num_start)
        distance = (listed if listed >= 0 else ctx.num_start) - e
        hits.append((ind, weight / (1.0 + distance / decay), modifier, text[s:e]))
    if not hits:  # "完成1642家个体诊所的全面排查": the noun after the number says it all
        post_factor = 1.0
    for s, e, ind, weight in index.within(fig.end, ctx.post_end):
        hits.append((ind, weight * post_factor / (1.0 + (s - fig.end) / decay), False, text[s:e]))
    # "对本委出台的2份文件开展合法性审查": a modifier only yields to a cue for the action itself.
    competing = any(not modifier for _, _, modifier, _ in hits)
    best: dict[str, list[float]] = {}
    scores = _Scores()
    for ind, score, modifier, cue in sorted(hits, key=lambda hit: hit[1]):
        if modifier and competing:
            score *= settings["modifier_factor"]
        best.setdefault(ind, []).append(score)
        scores.cue[ind] = cue
    for ind, values in best.items():
        rule = cues.rules[ind]
        if fig.unit not in rule.units:
            continue
        if rule.requires and not rule.requires.search(text, *ctx.sentence):
            continue
        if rule.excludes and rule.excludes.search(text, ctx.pre_start, ctx.post_end):
            continue
        if rule.excludes_near and rule.excludes_near.search(text, near_start, ctx.num_start):
            continue
        if rule.excludes_sentence and rule.excludes_sentence.search(text, *ctx.sentence):
            continue
        if rule.subject and _last_named(text, rule.subject, ctx.sentence[0], ctx.num_start) == 0:
            continue
        if _vetoed(text, fig, ctx, rule, near_start):
            continue
        values.sort(reverse=True)
        scores[ind] = values[0] + 0.25 * sum(values[1:])
    if scores:
        # Cues elsewhere in the sentence ("双随机" two clauses back) break ties.
        s_start, s_end = ctx.sentence
        for span in ((s_start, ctx.pre_start), (ctx.post_end, s_end)):
            for _, _, ind, weight in index.within(*span):
                if ind in scores:
                    scores[ind] += settings["sentence_factor"] * weight / 4.0
    return scores


def _last_named(text: str, patterns: tuple[re.Pattern, ...], start: int, end: int) -> Optional[int]:
    """Which of the patterns has the last match in text[start:end] (None if none matches)."""
    last, which = -1, None
    for k, pattern in enumerate(patterns):
        for m in pattern.finditer(text, start, end):
            if m.end() > last:
                last, which = m.end(), k
    return which


def _label(text: str, fig: Figure, ctx: _Context) -> str:
    """The words naming what is counted: before the number, plus the noun after it if any."""
    noun_at = fig.raw.find("个") + 1
    if fig.unit == "个" and 0 < noun_at < len(fig.raw):
        return fig.raw[noun_at:]
    pre = LEADING_FILLER.sub("", text[ctx.pre_start:ctx.num_start].strip())
    pre = RATE_LINK.sub("", TRAILING_FILLER.sub("", pre)).strip("“”\"、 ")
    post = POST_QUALIFIER.sub("", text[fig.end:ctx.post_end].strip())
    if post and CJK.match(post) and not post.startswith(POST_CONNECTORS):  # "完成1642家个体诊所的排查"
        return (pre + post)[-LABEL_MAX:]
    return pre[-LABEL_MAX:]


def _name_cell_above(text: str, fig: Figure, pre_start: int) -> Optional[int]:
    """Start of the line naming a figure that opens its own line: a table read cell by cell
    ("行政复议案件\n35件"). None unless the line above is a short name with no number or
    sentence in it."""
    if text[pre_start:fig.start].strip() or pre_start == 0 or text[pre_start - 1] != "\n":
        return None
    above_start = text.rfind("\n", 0, pre_start - 1) + 1
    above = text[above_start:pre_start - 1].strip()
    if not above or len(above) > LABEL_MAX or NAME_CELL_BREAKS.search(above):
        return None
    return above_start


def _contexts(text: str, figures: list[Figure], sentences: _Stops, clauses: _Stops) -> list[_Context]:
    contexts, previous = [], None
    for fig in figures:
        clause_start, clause_end = clauses.bounds(fig.start, fig.end)
        pre_start = clause_start
        if previous is not None and previous.end > clause_start:
            pre_start = previous.end
            # "8次中心组学习、1期读书班": the noun after the previous figure belongs to it.
            if CJK.match(text[previous.end:previous.end + 1]):
                list_break = text.find("、", previous.end, fig.start)
                pre_start = list_break + 1 if list_break >= 0 else pre_start
        post_end = min(clause_end, fig.end + POST_MAX)
        if text[fig.end:fig.end + 1] in CELL_GAP:
            post_end = fig.end  # "行政复议案件 35件 行政诉讼案件": the next table cell names another count
        list_break = text.find("、", fig.end, post_end)
        sentence = sentences.bounds(fig.start, fig.end)
        name_cell = _name_cell_above(text, fig, pre_start)
        if name_cell is not None:
            pre_start, sentence = name_cell, (name_cell, sentence[1])
        contexts.append(_Context(pre_start, fig.start, list_break if list_break >= 0 else post_end,
                                 sentence))
        previous = fig
    # A following figure in the same clause closes this one's window after it.
    for ctx, nxt in zip(contexts, figures[1:]):
        ctx.post_end = min(ctx.post_end, max(nxt.start, ctx.num_start))
    return contexts


def _respective_windows(text: str, figures: list[Figure],
                        clauses: _Stops) -> dict[int, list[Optional[tuple[int, int]]]]:
    """"行政复议、行政诉讼案件分别为12件、5件": the i-th figure after 分别 counts the i-th name
    listed before it. Figure index -> the spans whose cues to try in turn (None: the figure's
    own context): its name where names and figures pair up, then the whole list ("刑事" in
    刑事、治安案件; "进乡村" in 法治宣传进机关、进乡村…活动), then everything up to the first
    listed figure (5件 in 分别查处案件12件、5件; 公安局 in 市场监管局、公安局分别查处案件…)."""
    windows = {}
    for m in re.finditer(RESPECTIVELY, text):
        clause_start, clause_end = clauses.bounds(m.start(), m.end())
        listed = [i for i, f in enumerate(figures) if m.end() <= f.start and f.end <= clause_end]
        if len(listed) < 2:
            continue
        cuts = [clause_start] + [c.end() for c in LIST_SEPARATORS.finditer(text, clause_start, m.start())]
        names = [(a, b - 1 if b < m.start() else b) for a, b in zip(cuts, cuts[1:] + [m.start()])]
        names = [(a, b) for a, b in names if text[a:b].strip()]
        whole_list, with_verb = (clause_start, m.start()), (clause_start, figures[listed[0]].start)
        for k, i in enumerate(listed):
            if len(names) == len(listed):
                windows[i] = [names[k], whole_list, with_verb]
            else:
                windows[i] = [None, with_verb]
    return windows


def _verb_span(text: str, start: int, end: int, verbs: re.Pattern) -> Optional[tuple[int, int]]:
    """The first run of verbs in text[start:end] ("组织开展" in 组织开展法治讲座), or None."""
    first = verbs.search(text, start, end)
    if first is None:
        return None
    span_end = first.end()
    while (m := verbs.match(text, span_end, end)) is not None and m.end() > span_end:
        span_end = m.end()
    return first.start(), span_end


def _item_start(text: str, pre_start: int) -> int:
    """Where a list item's own words begin: past the 、 a figure's words may open with."""
    return pre_start + 1 if text[pre_start:pre_start + 1] in LIST_LINKS else pre_start


def _shared_verbs(text: str, figures: list[Figure], contexts: list[_Context], cues: _Cues,
                  respective: dict) -> dict[int, tuple[int, int]]:
    """"审核重大行政决策事项8件、行政合同56份、规范性文件12件": an item naming only its object,
    right after the previous figure and a 、 or ，, shares the verb before the list's first item.
    Figure index -> span of that verb. Breakdowns (其中), totals (共计) and respective lists
    (分别) open no item: other rules read them."""
    shared, verb = {}, None
    for i, (fig, ctx) in enumerate(zip(figures, contexts)):
        start = _item_start(text, ctx.pre_start)
        own = text[start:fig.start]
        own_verb = _verb_span(text, start, fig.start, cues.list_verbs)
        listed = (verb is not None and figures[i - 1].start >= ctx.sentence[0]
                  and text[figures[i - 1].end:start] in LIST_LINKS
                  # "…，全市4850名民警参加考试": a verb after the figure makes a statement of its own
                  and not cues.list_verbs.search(text, fig.end, ctx.post_end))
        if (own_verb is None and listed and own.strip() and i not in respective
                and not cues.breakdown.match(own) and not TOTAL_OPENING.match(own)
                and RESPECTIVELY not in own):
            shared[i] = verb
        else:
            verb = own_verb
    return shared


def _composed_scores(text: str, fig: Figure, ctx: _Context, verb: tuple[int, int],
                     cues: _Cues) -> _Scores:
    """Scores of the item read as one statement: the shared verb, then its own words
    ("审查" + "重大行政决策12件"); the rest of the sentence plays no part."""
    item_start = _item_start(text, ctx.pre_start)
    head = text[verb[0]:verb[1]]
    shift = len(head) - item_start
    composed = head + text[item_start:ctx.post_end]
    moved = Figure(fig.start + shift, fig.end + shift, fig.raw, fig.value, fig.unit)
    own = _Context(0, moved.start, ctx.post_end + shift, (0, len(composed)))
    return _scores(composed, moved, own, cues, _CueIndex(composed, cues, [(0, len(composed))]))


def _figure_scores(text: str, figures: list[Figure], contexts: list[_Context], i: int,
                   respective: Optional[list], verb: Optional[tuple[int, int]], cues: _Cues,
                   index: _CueIndex) -> _Scores:
    fig, ctx = figures[i], contexts[i]
    if verb is not None:
        composed = _composed_scores(text, fig, ctx, verb, cues)
        # no reading with the verb: the item's own words in their sentence decide, as before
        if max(composed.values(), default=0.0) >= cues.settings["min_score"]:
            return composed
    respectively_at = text.find(RESPECTIVELY, fig.end, ctx.post_end)
    if respectively_at >= 0:  # "两个专项行动分别查处案件…": the words after 分别 name the figures after it
        ctx = _Context(ctx.pre_start, ctx.num_start, respectively_at, ctx.sentence)
    if respective:
        scores = _Scores()
        for window in respective:
            if max(scores.values(), default=0.0) < cues.settings["min_score"]:
                own = ctx if window is None else _Context(window[0], window[1], fig.end, ctx.sentence)
                scores = _scores(text, fig, own, cues, index)
        return scores
    if i > 0 and figures[i - 1].end == fig.start:
        # "接待群众来访460批次1280人次": one count in two measures, named once before both
        ctx = _Context(contexts[i - 1].pre_start, fig.start, ctx.post_end, ctx.sentence)
    return _scores(text, fig, ctx, cues, index)


def _cue_candidates(text: str, fig: Figure, sentence: tuple[int, int], cues: _Cues, index: _CueIndex):
    """For rule 5a.11: the indicators of the unit (and of the sentence's field: `requires`)
    that words text[a:b] name by a cue."""
    strong = cues.settings["naming_weight"]

    def fits(ind: str) -> bool:
        rule = cues.rules[ind]
        return fig.unit in rule.units and not (rule.requires and not rule.requires.search(text, *sentence))

    def candidates(start: int, end: int) -> set:
        return {ind for _, _, ind, weight in index.within(start, end) if weight >= strong and fits(ind)}
    return candidates


def _decide(text: str, figures: list[Figure], contexts: list[_Context], i: int, respective: dict,
            verbs: dict, clauses: _Stops, cues: _Cues, index: _CueIndex) -> Verdict:
    """Set figure i's indicator and reason from its cues and the §5a rules of one figure."""
    fig, ctx = figures[i], contexts[i]
    fig.indicator = fig.indicator_reason = None
    near = text[max(ctx.pre_start, fig.start - cues.settings["near_window"]):fig.start]
    if (cues.near_excludes.search(near) or cues.clause_excludes.search(text, ctx.pre_start, fig.start)
            or (fig.numeral == "chinese" and fig.value == 1)):
        return Verdict("veto")
    clause = clauses.bounds(fig.start, fig.end)
    if not rule_5a_11_lost_measure_word_needs_its_verb(text, fig, clause, cues.list_verbs):
        return Verdict("weak")
    meeting = rule_5a_4_meetings_by_their_verb(text, fig, clause, ctx.sentence)
    if meeting is not None:
        fig.indicator, fig.indicator_reason = meeting.indicator, meeting.reason
        return Verdict("rule")
    scores = _figure_scores(text, figures, contexts, i, respective.get(i), verbs.get(i), cues, index)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < cues.settings["min_score"]:
        if ranked or index.within(ctx.pre_start, ctx.post_end):
            return Verdict("weak")
        around = any(fig.unit in cues.rules[ind].units for _, _, ind, _ in index.within(*ctx.sentence))
        return Verdict("unnamed" if around else "no_cue")
    if i not in respective and rule_5a_11_two_objects_in_one_count(
            text, ctx.pre_start, ctx.num_start, _cue_candidates(text, fig, ctx.sentence, cues, index)):
        fig.indicator_reason = None
        return Verdict("rule")
    best, score = ranked[0]
    fig.indicator = best
    cue = scores.cue.get(best)
    fig.indicator_reason = f"cue {cue}" if cue else "cue"
    return Verdict("cue", score, score - (ranked[1][1] if len(ranked) > 1 else 0.0))


def annotate(text: str, figures: list[Figure]) -> None:
    """Fill label, indicator, its reason and confidence of figures (in text order) in place."""
    cues = _cues()
    sentences = _Stops(text, SENTENCE_STOPS)
    clauses = _Stops(text, CLAUSE_STOPS, WORD_INSERT)
    contexts = _contexts(text, figures, sentences, clauses)
    index = _CueIndex(text, cues, sorted({ctx.sentence for ctx in contexts}))
    respective = _respective_windows(text, figures, clauses)
    verbs = _shared_verbs(text, figures, contexts, cues, respective)
    verdicts = []
    for i, (fig, ctx) in enumerate(zip(figures, contexts)):
        fig.label = _label(text, fig, ctx)
        verdicts.append(_decide(text, figures, contexts, i, respective, verbs, clauses, cues, index))
    decided = rule_5a_3_breakdowns_are_null(text, figures, contexts,
                                            lambda pos: sentences.bounds(pos, pos)[0],
                                            cues.breakdown, cues.list_verbs)
    for i, decision in decided.items():
        figures[i].indicator, figures[i].indicator_reason = decision.indicator, decision.reason
        verdicts[i] = Verdict("rule")
    for fig, verdict in zip(figures, verdicts):
        fig.confidence = confidence(fig, verdict, cues.settings["confidence"], cues.rare_units)
        if fig.indicator is None:
            fig.indicator_reason = None  # a reason says why an indicator was chosen
