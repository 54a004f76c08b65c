"""CODEBOOK §5a, "Deciding the indicator": the rules that need more than a veto pattern.

Rules 1, 2 and 6-10 are patterns in resources/lexicon/indicator_cues.json (section
codebook_5a, keyed by the rule's name; units for rule 2 are in each indicator's `units`). The
rules below read the structure of a sentence: which figures are parts of a total (3), what a
meeting did (4), who held a training (5), and a figure naming the objects of two indicators
at once (11) or a count whose measure word was lost and that no verb acts on (11). Each is one function named after its rule; app.core.labels calls them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from app.core.breakdowns import as_check_figure, bounds, meet, sum_bounds
from app.core.model import Figure

TOTAL_OPENING = re.compile(r"^(?:共计|合计|总计|累计|总共|一共|共)")
BARE_TOTAL = re.compile(r"^(?:共计|合计|总计|累计|总共|一共|共)(?:达到|达|为|有)?$")

# rule 4: what a meeting did decides what its count is
# 会 of a meeting, not of 社会, 协会, 委员会, 机会, 体会, 座谈会, 听证会, 培训会 or 会同, 会商
MEETING = re.compile(r"会议|(?<![社协学员工机体领都博运晚庙展交谈证训])会(?![同商签审诊员长谈前])")
MEETING_STUDY = re.compile(r"学法|学习")
MEETING_DECISION = re.compile(r"研究|审议|部署|决策|讨论|审定|议定")
MEETING_NULL = re.compile(r"述职|述法")
MEETING_UNITS = frozenset({"次", "场", "场次"})
MEETING_REACH = 20  # characters after the figure searched for the meeting's verb
# "召开6次涉及28起案件的…审议会": a figure inside the words describing a meeting
ABOUT_A_MEETING = re.compile(r"^[^，。；;,、]{0,8}的[^，。；;,]{0,24}?(?:会议|会)(?:[，。；;,]|$)")

# rule 5: training the agency attended elsewhere is not training it held
ATTENDED = re.compile(r"参加|参与|选派|派员|赴")
ORGANISED = re.compile(r"组织|举办|开展|主办|承办|召开")
PUBLIC_AUDIENCE = re.compile(r"群众|居民|村民|市民|学生|师生|家长|消费者|患者|公众|游客|社区|校园")
STAFF_AUDIENCE = re.compile(r"干部|职工|执法人员|工作人员|从业人员|人员培训|监督员|业务骨干")

# rule 11: objects joined in one count ("医疗纠纷和投诉举报45件")
COORDINATION = re.compile(r"[、和及与]|以及")


@dataclass
class Decision:
    """A rule's verdict on one figure: its indicator (None: null) and why."""

    indicator: Optional[str]
    reason: str


# --- rule 3 --------------------------------------------------------------------------------
def _breakdown_start(text: str, fig: Figure, figures: list[Figure], sentence_start: int,
                     marker: re.Pattern) -> Optional[int]:
    """Where the breakdown holding fig begins: a 其中-type marker, or a bracket opened right
    after another figure (结案99件（一般程序93件…）); None when fig is not a breakdown item."""
    found = None
    for m in marker.finditer(text, sentence_start, fig.start):
        found = m.start()
    opener = max(text.rfind("（", sentence_start, fig.start), text.rfind("(", sentence_start, fig.start))
    closer = max(text.rfind("）", sentence_start, fig.start), text.rfind(")", sentence_start, fig.start))
    if opener > closer and any(f.end == opener for f in figures):
        found = max(found or 0, opener)
    return found


def _totals_before_markers(text: str, figures: list[Figure], contexts: list, previous_sentence: Callable,
                           marker: re.Pattern) -> dict[int, set]:
    """Breakdown item index -> the indicators of the total(s) before its marker (其中, （…）)."""
    totals = {}
    for i, (fig, ctx) in enumerate(zip(figures, contexts)):
        s_start = ctx.sentence[0]
        found = _breakdown_start(text, fig, figures, s_start, marker)
        if found is None:
            continue
        before = [f for f in figures[:i] if s_start <= f.start < found]
        if not before and s_start > 0 and text[s_start - 1] != "\n":
            # "…罚款34.85万元。其中…": the total closes the previous sentence.
            prev_start = previous_sentence(s_start - 1)
            before = [f for f in figures[:i] if prev_start <= f.start < s_start]
        totals[i] = {f.indicator for f in before if f.indicator}
    return totals


def _adds_up(total: Figure, parts: list[Figure], exactly: bool = False) -> bool:
    """Whether the parts can sum to the total; `exactly`: read 余/约 figures at their values, so
    100余份 followed by 50余份 and 100余份 is no total with its parts."""
    def as_checked(fig: Figure):
        checked = as_check_figure(fig)
        checked.qualifier = "exact" if exactly else checked.qualifier
        return checked
    return meet(bounds(as_checked(total)), sum_bounds([as_checked(p) for p in parts]))


def _parts_before_totals(text: str, figures: list[Figure], contexts: list) -> dict[int, list[int]]:
    """"食品类案件32件、药品类案件18件，共计50件": a figure opening its clause with 共计/合计
    after a run of figures of its unit is their total. Total index -> part indices. A total
    with words of its own ("累计发放折页3000份") must also be the sum of the run."""
    found = {}
    for i, (fig, ctx) in enumerate(zip(figures, contexts)):
        opening = text[ctx.pre_start:fig.start].strip()
        if not TOTAL_OPENING.match(opening):
            continue
        parts = []
        for j in range(i - 1, -1, -1):
            if figures[j].unit != fig.unit or figures[j].start < ctx.sentence[0]:
                break
            parts.insert(0, j)
        if len(parts) >= 2 and (BARE_TOTAL.match(opening) or _adds_up(fig, [figures[j] for j in parts])):
            found[i] = parts
    return found


def _parts_after_totals(text: str, figures: list[Figure], contexts: list,
                        verbs: re.Pattern) -> dict[int, list[int]]:
    """"案件共92件，简易程序56件，一般程序36件": figures of the total's unit right after it in its
    sentence, naming only a category (no verb of their own), that add up to it. Total index ->
    part indices; parallel counts that do not add up stay separate statements."""
    found = {}
    for i, fig in enumerate(figures):
        parts = []
        for j in range(i + 1, len(figures)):
            part, ctx = figures[j], contexts[j]
            if part.unit != fig.unit or ctx.sentence != contexts[i].sentence \
                    or verbs.search(text, ctx.pre_start, part.start):
                break
            parts.append(j)
        if len(parts) >= 2 and _adds_up(fig, [figures[j] for j in parts], exactly=True):
            found[i] = parts
    return found


def rule_5a_3_breakdowns_are_null(text: str, figures: list[Figure], contexts: list,
                                  previous_sentence: Callable, marker: re.Pattern,
                                  verbs: re.Pattern) -> dict[int, Decision]:
    """Items that split a total into categories lose the indicator they share with it; a
    bare 共计 total takes the indicator its parts share. A part counting another indicator's
    object keeps it (查处42起，其中41起已结案)."""
    decided: dict[int, Decision] = {}
    for i, total in _totals_before_markers(text, figures, contexts, previous_sentence, marker).items():
        if figures[i].indicator in total:
            decided[i] = Decision(None, "breakdown item of a total (rule 5a.3)")
    groups = list(_parts_before_totals(text, figures, contexts).items())
    groups += list(_parts_after_totals(text, figures, contexts, verbs).items())
    for i, parts in groups:
        shared = {figures[j].indicator for j in parts if j not in decided} - {None}
        if len(shared) != 1:
            continue  # the parts count different things: a list, not one total broken down
        if figures[i].indicator is None:
            decided[i] = Decision(shared.pop(), "total of the parts listed with it (rule 5a.3)")
        indicator = decided[i].indicator if i in decided else figures[i].indicator
        for j in parts:
            if figures[j].indicator == indicator:
                decided[j] = Decision(None, "breakdown item of a total (rule 5a.3)")
    return decided


# --- rule 4 --------------------------------------------------------------------------------
def rule_5a_4_meetings_by_their_verb(text: str, fig: Figure, clause: tuple[int, int],
                                     sentence: tuple[int, int]) -> Optional[Decision]:
    """A count of meetings is what the meeting did: law study is study_sessions; research,
    review, deployment or decision is decision_meetings, whatever the meeting is called;
    述职述法 is null. Cases or items a meeting dealt with (涉及15起案件的…讨论会) count nothing."""
    start, end = clause
    if fig.unit not in MEETING_UNITS:
        if ABOUT_A_MEETING.search(text[fig.end:end + 1]):
            return Decision(None, "what a meeting dealt with (rule 5a.4)")
        return None
    meeting = MEETING.search(text, start, end)
    if meeting is None:
        # "召开党组会议12次，专题研究法治工作4次": the meeting named earlier in the sentence did it
        verb = MEETING_DECISION.search(text, start, fig.start)
        earlier = MEETING.search(text, sentence[0], start) if verb else None
        if earlier is None or MEETING_NULL.search(text, sentence[0], end):
            return None
        return Decision("decision_meetings", f"{verb.group()} at {earlier.group()} (rule 5a.4)")
    name = text[max(start, meeting.start() - 3):meeting.end()].lstrip("召开主持和及、")
    if MEETING_NULL.search(text, start, end):
        return Decision(None, "述职述法 meeting (rule 5a.4)")
    if MEETING_STUDY.search(text, start, end):
        return Decision("study_sessions", f"law study at {name} (rule 5a.4)")
    # "召开推进会3次，部署年度普法工作": the verb may follow in the next clause
    verb = MEETING_DECISION.search(text, start, min(sentence[1], max(end, fig.end + MEETING_REACH)))
    if verb:
        return Decision("decision_meetings", f"{verb.group()} at {name} (rule 5a.4)")
    return None


# --- rule 5 --------------------------------------------------------------------------------
def rule_5a_5_training_held_by_the_agency(text: str, num_start: int, sentence: tuple[int, int]) -> bool:
    """Whether a count may be training_sessions or training_participants: sessions the agency's
    people attended elsewhere (参加上级法治培训2次; 参加省厅举办的培训班，参训人员36人) are not, nor
    are lectures for the public (publicity)."""
    attended = ATTENDED.search(text, sentence[0], num_start)
    if attended and not ORGANISED.search(text, sentence[0], attended.start()):
        return False
    return not (PUBLIC_AUDIENCE.search(text, *sentence) and not STAFF_AUDIENCE.search(text, *sentence)
                and "培训" not in text[sentence[0]:sentence[1]])


# --- rule 11 -------------------------------------------------------------------------------
def rule_5a_11_two_objects_in_one_count(text: str, start: int, num_start: int,
                                        candidates: Callable[[int, int], set]) -> bool:
    """Whether the words before a figure join the objects of different indicators in one count
    (处理医疗纠纷和投诉举报45件): no indicator clearly fits, so it is null. `candidates(a, b)`
    gives the indicators the words text[a:b] alone could name."""
    cuts = list(COORDINATION.finditer(text, start, num_start))
    if not cuts:
        return False
    starts = [start] + [m.end() for m in cuts]
    ends = [m.start() for m in cuts] + [num_start]
    named = [found for a, b in zip(starts, ends) if (found := candidates(a, b))]
    return any(not (x & y) for k, x in enumerate(named) for y in named[k + 1:])


def rule_5a_11_lost_measure_word_needs_its_verb(text: str, fig: Figure, clause: tuple[int, int],
                                                counting_verbs: re.Pattern) -> bool:
    """Whether a figure whose measure word was lost (raw is the bare number: 对3代拟的规范性文件
    进行审查) is read clearly enough for an indicator: only when its clause says what was done
    with what it counts (a counting verb such as 审查, 办理). Without one (以练促干，11卫生监督所
    执法人员执法队伍能力提升) the reading is a guess, so it is null."""
    if not fig.unit_implied:
        return True
    return counting_verbs.search(text, *clause) is not None
