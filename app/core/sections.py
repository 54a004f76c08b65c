"""The outline of a report: numbered headings (CODEBOOK §3) and the unheaded parts around them.

Headings are lines that start with a list marker: 一、 (level 1), （一） (level 2), 1. / 1、
(level 3). A marker alone does not make a heading: the numbers of one level must run 1, 2, 3…
within their parent, so a stray "三、" inside a paragraph or a list is dropped. Text before
the first heading is `preamble`, web-page chrome at either end is `boilerplate`, and the
signature with its date is `closing`. Heading words and chrome patterns live in
resources/lexicon/sections.json.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.core.codebook import lexicon
from app.core.model import Section

CN_DIGITS = "一二三四五六七八九十"
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
SPACE = " \t\u3000\xa0\u2002\u2003\u2009"  # with the en/em/thin spaces of &ensp; &emsp; indents
FOOTER_SCAN = 40  # lines above the end searched for the start of a link-list footer
LINK_TEXT_MAX = 80
SENTENCE_END = re.compile("[。；;！？!?]")
DEEP_SIGNATURE_SCAN = 12  # lines above the end searched for a signature followed by attachments
SENTENCE_PUNCT = re.compile(r"[。；;，,：:！？!?]")
RUN_IN_HEADING_END = re.compile("[。！？：]")
SPACED_TITLE_MAX = 40  # a numeral and a space open a heading only on a short line
RUN_IN_CLAUSE_BREAK = re.compile("[，；]")
RUN_IN_CAP = 60
LIST_ITEM_END = re.compile(r"[。；;，,]\s*$")
LIST_ITEM_PENALTY = 0.2
ENUMERATED_NUMERAL = re.compile(rf"[{CN_DIGITS}][、，,]")  # 一、二、三级医院: numerals listed, not a heading
PERSON_NAME = "[\u4e00-\u9fff·]{2,4}"
SIGNER_NAME = re.compile(r"^[\u4e00-\u9fff](?:[\s\u3000]*[\u4e00-\u9fff]){1,3}$")  # 张三, 张  三, 欧阳小明
ROW_VALUE_MAX = 60  # an index row's value on the line under its key is short
NUMBERED_ROW = re.compile("索引号|文号|字号|日期|时间|次数|访问量|点击数|编号")  # keys with numeric values
TITLE_ROWS = ("标题", "名称", "文件名称")  # longest run-in heading shown as a heading; longer first sentences are body text
# A year the text cites (2024年, 2024年度), not an end of a period (2021-2025年) or a date range.
CITED_YEAR = re.compile(
    r"(?<![\d\-—–~～至到])((?:19|20)\d\d|[一二][〇○零一二三四五六七八九]{3})\s*年(?:度)?(?!\s*[-—–~～至到]|\d)"
)
QUOTED = re.compile(r"《[^《》\n]{0,120}》|（[^（）\n]{0,60}）|\([^()\n]{0,60}\)")
# A date alone on a line, in Arabic or Chinese numerals, as a signature writes it (some sign
# with the month only: 2025年3月).
DATE_LINE = re.compile(
    r"^[（(]?\s*(?:(?:19|20)\d\d|[〇○零Ｏ0O一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月"
    r"(?:\s*[0-9一二三四五六七八九十]{1,3}\s*日)?\s*[）)]?$"
    r"|^(?:19|20)\d\d[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])$"
)


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the first non-space character
    end: int  # offset of the line break (or len(text))
    text: str  # stripped


@dataclass
class _Candidate:
    line: _Line
    level: int
    number: int
    score: float  # how much the line looks like a heading, 0..1
    kind: str = "plain"  # "part" for 第一部分, "ordinal" for 第一、, else "plain" (一、 (一) 1.)


@dataclass(frozen=True)
class _Rules:
    level_markers: tuple  # (level, kind, compiled pattern giving the number group)
    artefacts: re.Pattern
    chrome: tuple
    categories: tuple  # (category, compiled pattern)
    signature_people: re.Pattern
    trailing_notes: re.Pattern
    agency_end: re.Pattern
    role_colon: re.Pattern  # 局长：张三, a role and the name it introduces
    party_body: re.Pattern  # 中共某局党组, which signs above the agency
    max_signature_lines: int
    signature_max_chars: int
    row_key: re.Pattern  # a key of a web page's index rows, spaced or not (索 引 号)
    footer_opener: re.Pattern  # 相关链接, 上一篇…: the page footer starts here
    attachment_start: re.Pattern  # 附件1 / 附件：…, the first line of an attachment


@lru_cache(maxsize=None)
def _rules() -> _Rules:
    words, regions = lexicon("sections"), lexicon("regions")
    numeral = rf"[{CN_DIGITS}]{{1,3}}"
    markers = (
        (1, "plain", re.compile(rf"^({numeral})\s*[、，,．.]\s*(?=\S)")),
        # Long reports number their top parts 第一部分 / 第二部分 instead of 一、 / 二、.
        (1, "part", re.compile(rf"^第({numeral})部分\s*[、，,．.:：]?\s*")),
        # Some number them 第一、 / 第二、 (not 第一，, which opens a point inside a paragraph).
        (1, "ordinal", re.compile(rf"^第({numeral})\s*[、．.:：]\s*(?=\S)")),
        # 一 主要工作 (the 、 lost to a space in PDF or Word conversion): short headings only
        (1, "spaced", re.compile(rf"^({numeral})[ \u3000\u2002\u2003\u00a0]+(?=[\u4e00-\u9fff])")),
        (2, "plain", re.compile(rf"^[（(]\s*({numeral})\s*[）)]\s*[、，,．.]?\s*(?=\S)")),
        (3, "plain", re.compile(r"^([0-9０-９]{1,2})\s*(?:[、，,]|[.．](?![0-9０-９]))\s*(?=\S)")),
        # A level-2 marker whose "(三" was lost in conversion leaves a line opening with ")": it
        # can only continue the level-2 numbers before it (numbered in _continue_lost_markers).
        (2, "lost", re.compile(r"^()[）)]\s*(?=[\u4e00-\u9fff])")),
    )
    closing = words["closing"]
    suffixes = sorted(regions["agency_suffixes"], key=len, reverse=True)
    roles = "(?:" + "|".join(map(re.escape, sorted(regions["agency_roles"], key=len, reverse=True))) + ")"
    return _Rules(
        level_markers=markers,
        artefacts=re.compile("^(?:" + "|".join(words["heading_artefacts"]) + ")+"),
        chrome=tuple(re.compile(p) for p in words["boilerplate_lines"]),
        categories=tuple(
            (name, re.compile("|".join(f"(?:{p})" for p in patterns)))
            for name, patterns in words["categories"].items()
        ),
        signature_people=re.compile(closing["signature_people"]),
        trailing_notes=re.compile(closing["trailing_notes"]),
        # The body alone, stamped, or signed by a person: 某局  张三, or by role and name
        # (某局局长 张三, 某局局长：张三, 某局党组书记、局长张三), as the head signs a 述法报告.
        agency_end=re.compile(
            "(?:" + "|".join(map(re.escape, suffixes)) + rf")(?:\s*{closing['stamp_note']})?"
            rf"(?:\s+{PERSON_NAME}|(?:{roles}[、，,]?){{1,3}}\s*{PERSON_NAME})?$"
        ),
        role_colon=re.compile(rf"({roles})\s*[:：]\s*(?={PERSON_NAME}$)"),
        party_body=re.compile("^中共.{2,30}(?:" + "|".join(closing["party_body_suffixes"]) + ")$"),
        max_signature_lines=closing["max_signature_lines"],
        signature_max_chars=closing["signature_max_chars"],
        row_key=re.compile("|".join(
            r"\s*".join(map(re.escape, key)) for key in sorted(words["row_keys"], key=len, reverse=True)
        )),
        footer_opener=re.compile(words["footer_openers"]),
        attachment_start=re.compile(closing["attachment_start"]),
    )


def _lines(text: str) -> list[_Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip(SPACE)
        if stripped:
            start = pos + len(raw) - len(raw.lstrip(SPACE))
            lines.append(_Line(start, pos + len(raw), stripped))
        pos += len(raw) + 1
    return lines


def chinese_number(numeral: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23 (list-marker numbers only, below 100)."""
    if numeral.isdigit():
        return int(numeral)
    digits = {c: i + 1 for i, c in enumerate(CN_DIGITS[:9])}
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return digits.get(tens, 1) * 10 + digits.get(ones, 0) if len(tens) <= 1 else -1
    return digits.get(numeral, -1) if len(numeral) == 1 else -1


def is_chrome(line: str) -> bool:
    """True for a line of web-page furniture (index rows, breadcrumbs, share/print links)."""
    body = line.strip(SPACE).lstrip("-*•·").strip(SPACE)
    if not body or len(body) > 200:
        return False
    # An index-table row saved without colons ("标题 某局关于…的报告", "文号 发布日期 2024-03-29").
    key = _rules().row_key.match(body)
    if key and (key.end() == len(body) or body[key.end()] in SPACE + ":：|｜"):
        return True
    return any(p.search(body) for p in _rules().chrome)


def is_date_line(line: str) -> bool:
    return bool(DATE_LINE.match(line.strip(SPACE)))


def is_signature_line(line: str) -> bool:
    """A short line naming an issuing body (or the person reporting), with no sentence in it."""
    rules = _rules()
    line = rules.role_colon.sub(r"\1 ", line)  # the colon after a role is no sentence punctuation
    if len(line) > rules.signature_max_chars or SENTENCE_PUNCT.search(line):
        return bool(rules.signature_people.match(line)) and len(line) <= rules.signature_max_chars
    return bool(rules.agency_end.search(line)) or bool(rules.signature_people.match(line))


def _candidate(line: _Line) -> _Candidate | None:
    rules = _rules()
    body = rules.artefacts.sub("", line.text)
    for level, kind, marker in rules.level_markers:
        found = marker.match(body)
        if not found:
            continue
        number = chinese_number(found.group(1).translate(_FULLWIDTH)) if kind != "lost" else 0
        title = body[found.end():]
        if (number < 1 and kind != "lost") or ENUMERATED_NUMERAL.match(title):
            return None
        if kind == "spaced" and (len(title) > SPACED_TITLE_MAX or SENTENCE_PUNCT.search(title)):
            return None
        # Short titles, or titles that end their first sentence early, read as headings.
        first_sentence = re.split(r"[。；;]", title, maxsplit=1)[0]
        score = 1.0 if len(first_sentence) <= 60 else 0.6
        # A line ending like a sentence or a list item (一、完善制度；) is less likely a heading, so
        # a numbered list inside a section loses to the headings around it.
        score -= LIST_ITEM_PENALTY if LIST_ITEM_END.search(title) else 0.0
        return _Candidate(line, level, number, score, kind)
    return None



def _continue_lost_markers(body: list[_Line], candidates: list[_Candidate]) -> list[_Candidate]:
    """Number each level-2 line that lost its "(N" as the one after the level-2 heading before it
    (under the same level-1 heading), when the line above ends a sentence or is a heading itself;
    a ")" line anywhere else is a wrapped line of text, not a heading."""
    kept, previous = [], None
    ended = {line.start for i, line in enumerate(body[1:]) if SENTENCE_END.search(body[i].text[-1:])}
    for cand in candidates:
        if cand.level == 1:
            previous = None
        if cand.kind == "lost":
            if previous is None or cand.line.start not in ended:
                continue
            cand.number, cand.kind = previous.number + 1, "plain"
        if cand.level == 2:
            previous = cand
        kept.append(cand)
    return kept


def _best_chain(candidates: list[_Candidate]) -> list[_Candidate]:
    """The run of numbers 1, 2, 3… (one skipped number tolerated) that best explains the markers.

    Each candidate may follow an earlier one numbered one less (or two less, at a cost); a chain
    that starts at 1 is preferred. Ties go to the nearest predecessor.
    """
    value: list[float] = []
    previous: list[int | None] = []
    best_by_number: dict[int, int] = {}  # number → index of the best chain ending there so far
    for i, cand in enumerate(candidates):
        best, best_prev = (1.0 if cand.number == 1 else 0.0) + cand.score, None
        for gap, cost in ((1, 0.0), (2, 0.8)):
            j = best_by_number.get(cand.number - gap)
            if j is not None and value[j] + cand.score - cost > best:
                best, best_prev = value[j] + cand.score - cost, j
        value.append(best)
        previous.append(best_prev)
        held = best_by_number.get(cand.number)
        if held is None or best >= value[held]:
            best_by_number[cand.number] = i
    if not candidates:
        return []
    i: int | None = max(range(len(candidates)), key=lambda k: (value[k], k))
    chain = []
    while i is not None:
        chain.append(candidates[i])
        i = previous[i]
    return chain[::-1]


def _nested(candidates: list[_Candidate], level: int, scope_starts: list[int], end: int) -> list[_Candidate]:
    """Headings of `level` chosen separately inside each parent (numbers restart per parent)."""
    chosen = []
    bounds = scope_starts + [end]
    for lo, hi in zip(bounds, bounds[1:]):
        inside = [c for c in candidates if c.level == level and lo <= c.line.start < hi]
        chosen.extend(_best_chain(inside))
    return chosen


def category_of(heading: str, later_year: bool = False) -> str:
    """The CODEBOOK category of a level-1 heading from its words (later_year: it names a year
    after the one reported on)."""
    rules = _rules()
    body = rules.artefacts.sub("", heading.strip(SPACE))
    marker = next((m for level, _, pattern in rules.level_markers if level == 1
                   for m in [pattern.match(body)] if m), None)
    words = body[marker.end():] if marker else body
    found = {name: pattern.search(words) for name, pattern in rules.categories}
    for name in ("other", "responsibility"):
        if found.get(name):
            return name
    hits = [(found[name].start(), name) for name in ("measures", "problems", "plans") if found.get(name)]
    if hits:
        return min(hits)[1]
    return "plans" if later_year else "measures"


def signature_date(line: str) -> str | None:
    """The date text of a signature's date line ("2025年3月25日", or "某局 2025年3月25日")."""
    line = line.strip(SPACE)
    if is_date_line(line):
        return line
    head, _, tail = line.rpartition(" ")
    if head and is_date_line(tail) and is_signature_line(head.strip(SPACE)):
        return tail
    return None


def _signature_block(lines: list[_Line], stop: int) -> tuple[int, bool, int]:
    """(first index, dated, signature lines) of the signature ending just before lines[stop]."""
    rules = _rules()
    i = stop
    dated = i > 0 and signature_date(lines[i - 1].text) is not None
    i -= dated
    taken = 0
    # A 述法报告 is signed by the body and, under it, the head by name (某局 / 张三 / date).
    if dated and i > 1 and SIGNER_NAME.match(lines[i - 1].text) and is_signature_line(lines[i - 2].text):
        i -= 1
        taken += 1
    while i > 0 and taken < rules.max_signature_lines and _signs(lines[i - 1].text) \
            and _candidate(lines[i - 1]) is None:
        i -= 1
        taken += 1
        if not dated:
            break  # without a date only the last line can be trusted as a signature
    return i, dated, taken


def _signs(line: str) -> bool:
    """A signature line, or the party body (中共某局党组) that signs beside the agency. The party
    body is kept out of is_signature_line, which metadata also uses to find the agency."""
    return is_signature_line(line) or bool(_rules().party_body.match(line))


def _closing_start(lines: list[_Line], stop: int) -> int:
    """Index of the first signature/date line among lines[:stop], or `stop` when there is none."""
    i = stop
    while i > 0 and _rules().trailing_notes.match(lines[i - 1].text):
        i -= 1
    first, dated, taken = _signature_block(lines, i)
    if dated or taken:
        return first
    # Attachments (附件1 …) may follow the signature, at any length and with their own 一、 二、
    # outline: the first attachment line right under a signature ends the report's body.
    for j in range(1, i):
        if _rules().attachment_start.match(lines[j].text):
            above = j
            while above > 0 and _rules().trailing_notes.match(lines[above - 1].text):
                above -= 1
            first, dated, taken = _signature_block(lines, above)
            if taken:
                return first
    # Notes may follow the signature: accept a dated one a few lines up.
    for end in range(i - 1, max(i - DEEP_SIGNATURE_SCAN, 0), -1):
        first, dated, taken = _signature_block(lines, end)
        if dated and taken:
            return first
    return stop


def _bare_row_key(line: str) -> str | None:
    """The key of a row whose value is on the next line ("索 引 号：" → 索引号), else None."""
    key = _rules().row_key.match(line)
    if key and not line[key.end():].strip(SPACE + ":："):
        return re.sub(r"\s+", "", key.group())
    return None


def _fits_row(key: str, line: str) -> bool:
    """Whether the line under a bare key is its value. An empty row (文号：) is followed by the
    next row or by the title block, which must stay out: codes, numbers and dates have digits,
    and only a title key takes the report's title. A line that opens with a key of its own
    (名称： then 发布时间：2025-12-30) is the next row, never the value."""
    if _rules().row_key.match(line) or len(line) > ROW_VALUE_MAX:
        return False
    if key in TITLE_ROWS:
        return True
    if NUMBERED_ROW.search(key) and not re.search(r"[\d〇○]", line):
        return False
    return not line.endswith("报告")


def index_rows(lines: list[str]) -> dict[str, str]:
    """Key → value of a page's index rows: "发布机构：某局", "索引号 X 发布机构 某局", or a key
    alone on its line with the value on the next."""
    rows: dict[str, str] = {}
    pending_key = None
    for line in lines:
        line = line.strip(SPACE).lstrip("-*•·").strip(SPACE)
        if pending_key and _fits_row(pending_key, line):
            rows.setdefault(pending_key, line)
            pending_key = None
            continue
        pending_key = None
        keys = list(_rules().row_key.finditer(line))
        keys = [k for k in keys if k.start() == 0 or line[k.start() - 1] in SPACE + "|｜"]
        if not keys or keys[0].start() != 0:
            continue
        for key, following in zip(keys, keys[1:] + [None]):
            value = line[key.end(): following.start() if following else len(line)]
            name = re.sub(r"\s+", "", key.group())
            if value.strip(SPACE + ":："):
                rows.setdefault(name, value.strip(SPACE + ":：|｜"))
            elif following is None:
                pending_key = name
    return rows


def _unheaded_parts(lines: list[_Line], category: str) -> list[Section]:
    """Split a run of lines into boilerplate and `category` parts by their chrome lines."""
    parts: list[Section] = []
    key = None
    for line in lines:
        # the value under a title key is the report's own title line, part of the document
        value = bool(key) and key not in TITLE_ROWS and _fits_row(key, line.text)
        chrome = is_chrome(line.text) or bool(_bare_row_key(line.text)) or value
        key = _bare_row_key(line.text)
        kind = "boilerplate" if chrome else category
        if not parts or parts[-1].category != kind:
            parts.append(Section(1, line.text, kind, line.start, line.end))
    return parts


def _footer_start(lines: list[_Line]) -> int:
    """Index of the first line of the page footer: the chrome lines at the end, or a link list
    (相关链接, 附件下载…) whose entries are short lines of link text, not sentences."""
    tail = len(lines)
    while tail > 0 and is_chrome(lines[tail - 1].text):
        tail -= 1
    for i in range(max(tail - FOOTER_SCAN, 0), tail):
        if _rules().footer_opener.match(lines[i].text) and all(
            is_chrome(ln.text) or (len(ln.text) <= LINK_TEXT_MAX and not SENTENCE_END.search(ln.text))
            for ln in lines[i + 1:tail]
        ):
            return i
    return tail


def find_sections(text: str) -> list[Section]:
    """Level-1/2/3 headings with categories, plus preamble, closing and boilerplate parts."""
    lines = _lines(text)
    tail = _footer_start(lines)
    closing = _closing_start(lines, tail)
    # Nothing of the document follows web chrome that comes after its signature.
    tail = next((i for i in range(closing, tail) if is_chrome(lines[i].text)), tail)
    body = lines[:closing]

    candidates = _continue_lost_markers(body, [c for c in map(_candidate, body) if c is not None])
    # Where the report is divided into 第一部分, 第二部分…, those are its top parts; 第一、 第二、
    # are used only when the report has no 一、 二、 outline.
    level1 = _best_chain([c for c in candidates if c.kind == "part"])
    if len(level1) < 2:
        level1 = _best_chain([c for c in candidates if c.level == 1 and c.kind in ("plain", "spaced")])
    if len(level1) < 2:
        ordinals = _best_chain([c for c in candidates if c.kind == "ordinal"])
        level1 = ordinals if len(ordinals) >= 2 else level1
    body_end = lines[closing].start if closing < len(lines) else len(text)
    first_heading = level1[0].line.start if level1 else body_end
    nested_from = [c.line.start for c in level1] or [0]
    level2 = _nested(candidates, 2, nested_from, body_end)
    level3 = _nested(candidates, 3, sorted(nested_from + [c.line.start for c in level2]), body_end)
    if not level1:
        first_heading = min((c.line.start for c in level2 + level3), default=body_end)

    sections = _unheaded_parts([ln for ln in body if ln.start < first_heading], "preamble")
    years = [_first_year(c.line.text) for c in level1]
    earliest = min([y for y in years if y] + [_first_year(text[:first_heading]) or 9999])
    for cand, year in zip(level1, years):
        later = bool(year and year > earliest)
        sections.append(Section(1, cand.line.text, category_of(cand.line.text, later), cand.line.start, 0))
    sections += [Section(c.level, c.line.text, None, c.line.start, 0) for c in level2 + level3]
    sections += _unheaded_parts(lines[closing:tail], "closing")
    sections += _unheaded_parts(lines[tail:], "boilerplate")
    sections.sort(key=lambda s: (s.start, s.level))
    return _with_ends(sections, len(text))


def _first_year(text: str) -> int | None:
    found = CITED_YEAR.search(QUOTED.sub("", text))
    return year_number(found.group(1)) if found else None


def year_number(numeral: str) -> int:
    """2024 or 二〇二四 → 2024."""
    return int(numeral.translate(_YEAR_DIGITS))


_YEAR_DIGITS = str.maketrans("〇○零ＯOo一二三四五六七八九", "000000123456789")


def _with_ends(sections: list[Section], text_end: int) -> list[Section]:
    for i, section in enumerate(sections):
        section.end = next(
            (later.start for later in sections[i + 1:] if later.level <= section.level), text_end
        )
    return sections


def heading_end(text: str, start: int, end: int) -> int:
    """Where the heading that starts at `start` ends, on a line ending at `end` (for display).

    A heading alone on its line styles the whole line. A run-in heading ("（一）加强领导。今年以来……")
    shares its line with the paragraph, and the extractor's title holds the whole line, so the
    heading is taken to be the first sentence, up to and including its end mark. Without an end
    mark within RUN_IN_CAP characters the heading stops at the cap, or at the last clause break
    before it, so a long paragraph never turns bold.
    """
    found = RUN_IN_HEADING_END.search(text, start, min(end, start + RUN_IN_CAP))
    if found:
        return found.end()
    if end - start <= RUN_IN_CAP:
        return end
    breaks = [m.end() for m in RUN_IN_CLAUSE_BREAK.finditer(text, start, start + RUN_IN_CAP)]
    return breaks[-1] if breaks else start + RUN_IN_CAP
