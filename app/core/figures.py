"""Figures in a report: numbers with a measure word or unit, and percentages (CODEBOOK §4).

One compiled pattern finds every numeral followed by a unit; general rules then drop what is
not a stated quantity (ordinals, dates, index numbers, numbers in 《titles》, quoted slogans,
Chinese 一 used as the article "a"). Qualifiers come from words on either side. Labels,
indicators and confidence are left to app.core.labels. The language knowledge (units,
qualifier words, slogans) lives in resources/lexicon/*.json.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from app.core.codebook import lexicon
from app.core.labels import annotate
from app.core.model import Figure, Section
from app.core.numerals import is_chinese_numeral, number_value

# Thousands groups may be set off by a half- or full-width comma (1,234 / 1，234) or a space
# (1 234, typeset reports); a longer leading group is no grouping, so 2024，100 stays two numbers.
ARABIC = (r"(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?![0-9０-９])"
          r"|[0-9]{1,3}(?:[ \u00a0\u2009\u202f][0-9]{3})+(?![0-9])|[0-9０-９]+)"
          r"(?:[.．][0-9０-９]+)?")
CHINESE = r"[零〇一二两三四五六七八九十百千]+"
GAP = r"[ \u00a0\u2002\u2003\u2009\u3000]?"  # en/em/thin spaces come from &ensp; &emsp;
# What may not sit right before an Arabic numeral: it would be part of an ID, a code, a decimal,
# or a formula-like label ("7×24小时" service, "1+N" model).
ID_CHARS = set("0123456789０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
               ".．_/#＃×*＊+＋")
OPENING_QUOTES = "“\"‘「『"
CLOSING_QUOTES = "”\"’」』"
BOUNDARY = set("，。；、：！？,.;:!?）)】」』”\n ")
CHROME_BEFORE = re.compile(r"(浏览|访问|点击|阅读)(次数|量|数)?\s*[:：]?\s*$")
TITLE = re.compile(r"《[^《》\n]{0,120}》")
# 五次会议 after 十三届全国人大 is the fifth session of that term, not five meetings.
TERM_BEFORE = re.compile(r"届[^，。；、\n]{0,10}$")
SESSION_AFTER = ("全体会议", "会议", "全会")
RANK_BEFORE = ("前", "后")
RANK_UNITS = ("名", "位")
PERCENT_WORDS = re.compile(rf"百分之(?P<num>{ARABIC}|{CHINESE})")
LIST_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,12}(?:、[\u4e00-\u9fff]{1,12})+$")
CJK = re.compile(r"[\u4e00-\u9fff]")
RANGE_MARKS = "至到~～—–\\-－"
RANGE_LOOKBACK = 16  # characters before a figure searched for the low end of a range


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern
    rare_units: frozenset
    chinese_rare_ok: frozenset
    unit_of: dict  # written form -> unit (5个工作日 -> 工作日, 120人/次 -> 人次)
    list_only: frozenset
    not_units: re.Pattern  # words that begin with a unit but are not one (名单, 条例)
    split_words: tuple  # words after such a word's unit character: 60余名单位 is 名 + 单位
    ge_stops: tuple
    ge_max: int
    slogans: re.Pattern
    vague_prefixes: tuple
    one_units: frozenset
    one_before: tuple
    rhetorical: tuple
    before_qualifiers: re.Pattern  # a bound word ending right before the number
    after_qualifiers: re.Pattern  # a bound word right after the unit
    qualifier_of: dict
    blockers: dict
    implied_count: re.Pattern  # a small bare number (unit lost), see units.json "implied"
    implied_noun: re.Pattern  # the noun it counts, later in the same clause
    implied_unit_of: dict
    implied_not_after: str


def _alternation(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=None)
def _lexicon() -> _Lexicon:
    units, slogans, quals = lexicon("units"), lexicon("slogans"), lexicon("qualifiers")
    all_units = sorted(set(units["common"]) | set(units["rare"]), key=len, reverse=True)
    pattern = re.compile(
        rf"(?P<num>{ARABIC}|{CHINESE}){GAP}(?P<v1>[余多几])?"
        # 千 scales Arabic digits (5千元) unless it begins the unit (5千瓦, 3千米, 2千克).
        rf"(?P<mag>万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千(?![瓦米克]))?"
        rf"(?P<v2>[余多])?{GAP}(?P<unit>{'|'.join(map(re.escape, all_units))})")
    slogan_words = sorted(slogans["slogans"], key=len, reverse=True)
    return _Lexicon(
        pattern=pattern,
        rare_units=frozenset(units["rare"]),
        chinese_rare_ok=frozenset(units["chinese_rare_ok"]),
        unit_of={**units["after_ge"], **units["slashed"]},
        list_only=frozenset(units["list_only"]),
        not_units=re.compile(_alternation(units["not_units"])),
        split_words=tuple(units["split_words"]),
        ge_stops=tuple(sorted(units["ge_noun_stops"], key=len, reverse=True)),
        ge_max=units["ge_noun_max"],
        slogans=re.compile("|".join(map(re.escape, slogan_words))),
        vague_prefixes=tuple(slogans["vague_prefixes"]),
        one_units=frozenset(slogans["one_keep_units"]),
        one_before=tuple(slogans["one_keep_before"]),
        rhetorical=tuple(slogans["rhetorical_ge_nouns"]),
        before_qualifiers=re.compile(
            f"({_alternation(quals['before'])})(?:{_alternation(quals['verbs_between'])})?{GAP}$"),
        # 余 and 多 are read inside the figure pattern; after the unit only whole words count.
        after_qualifiers=re.compile(
            f"{GAP}({_alternation(w for w in quals['after'] if len(w) > 1)})"),
        qualifier_of={**quals["before"], **quals["after"]},
        blockers=quals["before_blockers"],
        implied_count=re.compile(
            rf"(?<![0-9０-９.．])[1-9][0-9]{{0,{units['implied']['max_digits'] - 1}}}(?![0-9０-９.．,，%％])"),
        implied_noun=re.compile(
            rf"[\u4e00-\u9fff]{{0,{units['implied']['max_gap']}}}?({_alternation(units['implied']['nouns'])})"),
        implied_unit_of=units["implied"]["nouns"],
        implied_not_after=units["implied"]["not_after"],
    )


def _prev_char(text: str, pos: int) -> str:
    """The character before pos, looking past one space (第 21个, 约 80人)."""
    if pos > 0 and text[pos - 1] in " \u00a0\u2002\u2003\u2009\u3000":
        pos -= 1
    return text[pos - 1] if pos > 0 else ""


def _hyphenated(text: str, start: int) -> bool:
    """Part of a code like QZ00129-0300 or a range 3-5; a bullet "- 12件" is not."""
    return start >= 2 and text[start - 1] in "-－" and text[start - 2].isalnum()


def _ge_noun_end(text: str, pos: int, lex: _Lexicon) -> int:
    """Where the noun after 个 ends (24个镇街, 3个医疗纠纷化解片区组); pos when there is none."""
    end = pos
    while end < len(text) and end - pos < lex.ge_max and CJK.match(text[end]):
        if text.startswith(lex.ge_stops, end):
            break
        end += 1
    return end


def _qualifier(text: str, num_start: int, end: int, vague: bool, lex: _Lexicon) -> str:
    """Bound words right before the number win over those after it (不少于2次, 4次以上)."""
    before = lex.before_qualifiers.search(text, max(0, num_start - 8), num_start)
    if before and text[before.start() - 1:before.start()] not in lex.blockers.get(before.group(1), ()):
        return lex.qualifier_of[before.group(1)]
    after = lex.after_qualifiers.match(text, end, end + 5)
    if after:
        return lex.qualifier_of[after.group(1)]
    return "more_than" if vague else "exact"


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-nested spans."""
    i = bisect_right(spans, (start, float("inf")))
    return (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end)


@lru_cache(maxsize=None)
def _range_low(unit: str) -> re.Pattern:
    """The low end of a range in `unit`, ending where the top number starts: 3至, 6%－, 50万~."""
    return re.compile(rf"(?:{ARABIC}|{CHINESE}){GAP}(?:[万亿])?{GAP}(?:{re.escape(unit)})?{GAP}[{RANGE_MARKS}]{GAP}$")


def _range_start(text: str, m: re.Match) -> Optional[int]:
    """Where the range begins when the figure is its top (3至5家, 6%－6.5%); None otherwise."""
    found = _range_low(m.group("unit")).search(text, max(0, m.start() - RANGE_LOOKBACK), m.start())
    return found.start() if found else None


def _candidate(text: str, m: re.Match, lex: _Lexicon, blocked: list) -> Optional[Figure]:
    num = m.group("num")
    start, unit_text = m.start(), m.group("unit")
    end = m.end()
    # A range is one figure from its low end (每次抽查3至5家): its top value, "at most".
    range_start = _range_start(text, m)
    start = start if range_start is None else range_start
    chinese = is_chinese_numeral(num)
    # 十几次 is ten-odd, like 十余次; 几 after anything but a round Chinese ten is no number.
    if m.group("v1") == "几" and not (chinese and num[-1] in "十百千"):
        return None
    before = _prev_char(text, start)
    longer_word = lex.not_units.match(text, m.start("unit"))
    if longer_word and text.startswith(lex.split_words, end):
        longer_word = None  # 12项目标任务: the measure word before a word of its own
    if (longer_word and longer_word.end() > end) or before == "第":
        return None
    if before in RANK_BEFORE and unit_text in RANK_UNITS:  # 位列全市前3名: a rank, not 3 people
        return None
    if chinese:
        if text[max(0, start - 2):start].endswith(lex.vague_prefixes):
            return None
        if unit_text in lex.rare_units and unit_text not in lex.chinese_rare_ok:
            return None
        if set(num) <= set("零〇"):
            return None
        # A bare 百/千 is a round number only with a bound word (近百件, 约千人, 逾千人次: the
        # codebook's 逾 is more_than); alone it is a slogan (百家).
        if num in ("百", "千") and not (m.group("v1") or m.group("v2")) \
                and _qualifier(text, start, end, False, lex) == "exact":
            return None
    elif text[start - 1:start] in ID_CHARS or _hyphenated(text, start):
        return None
    if unit_text in lex.list_only and not LIST_BEFORE.search(text, max(0, start - 60), start):
        return None
    if unit_text == "次" and text.startswith(SESSION_AFTER, end) \
            and TERM_BEFORE.search(text, max(0, start - 12), start):
        return None
    unit = unit_text
    if unit_text == "个":
        end = _ge_noun_end(text, end, lex)
        if chinese and text.startswith(lex.rhetorical, m.end()):
            return None
    elif unit_text in lex.unit_of:
        unit = lex.unit_of[unit_text]
    # 一万余份 is ten thousand: only a bare 一 can be the article "a".
    if chinese and num == "一" and not m.group("mag") and not _one_quantifies(text, start, end, unit_text, lex):
        return None
    if before and before in OPENING_QUOTES and any(q in text[end:end + 8] for q in CLOSING_QUOTES):
        return None
    if _inside(blocked, start, end) or CHROME_BEFORE.search(text, max(0, start - 12), start):
        return None
    value = number_value(num, m.group("mag") or "")
    if value is None:
        return None
    if unit == "％":
        unit = "%"
    qualifier = _qualifier(text, start, end, bool(m.group("v1") or m.group("v2")), lex)
    if range_start is not None and qualifier == "exact":
        qualifier = "at_most"
    return Figure(start=start, end=end, raw=text[start:end], value=value, unit=unit,
                  qualifier=qualifier, numeral="chinese" if chinese else "arabic")


def _one_quantifies(text: str, start: int, end: int, unit_text: str, lex: _Lexicon) -> bool:
    """一 counts only for events and durations stated as done (组织了一次, 标语一周。), not as 'a'."""
    if unit_text not in lex.one_units:
        return False
    if text[max(0, start - 4):start].endswith(lex.one_before):
        return True
    return end >= len(text) or text[end] in BOUNDARY


def _blocked_spans(text: str, lex: _Lexicon) -> list[tuple[int, int]]:
    # A slogan that starts inside a longer Chinese number (十二次, 二十一起) is that number's tail.
    slogans = [m.span() for m in lex.slogans.finditer(text)
               if not (m.start() > 0 and is_chinese_numeral(text[m.start() - 1:m.start() + 1]))]
    return _spans(TITLE, text) + slogans


def _boilerplate(sections: Optional[list[Section]]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in sections or () if s.category == "boilerplate"]


def _percent_in_words(text: str, m: re.Match, lex: _Lexicon, blocked: list) -> Optional[Figure]:
    """百分之九十五 / 百分之98.5: a percentage written out, unit %."""
    start, end = m.span()
    value = number_value(m.group("num"))
    if value is None or _inside(blocked, start, end):
        return None
    return Figure(start=start, end=end, raw=m.group(), value=value, unit="%",
                  qualifier=_qualifier(text, start, end, False, lex),
                  numeral="chinese" if is_chinese_numeral(m.group("num")) else "arabic")


def _implied_unit(text: str, m: re.Match, lex: _Lexicon, blocked: list) -> Optional[Figure]:
    """A count whose measure word was lost (对3代拟的规范性文件): its unit is the one its noun,
    later in the same clause, is counted in (units.json "implied"); raw stays the number."""
    start, end = m.span()
    after = text[end:end + 1]
    if not CJK.match(after) or after in lex.implied_not_after:
        return None
    if text[start - 1:start] in ID_CHARS or _prev_char(text, start) == "第" or _hyphenated(text, start):
        return None
    noun = lex.implied_noun.match(text, end)
    if noun is None or _inside(blocked, start, end) or CHROME_BEFORE.search(text, max(0, start - 12), start):
        return None
    return Figure(start=start, end=end, raw=m.group(), value=float(int(m.group())),
                  unit=lex.implied_unit_of[noun.group(1)],
                  qualifier=_qualifier(text, start, end, False, lex), numeral="arabic")


def find_figures(text: str, sections: Optional[list[Section]] = None) -> list[Figure]:
    """Every figure in the text, in text order, with label, indicator and confidence."""
    lex = _lexicon()
    blocked = _merged(_blocked_spans(text, lex) + _boilerplate(sections))
    found = [_percent_in_words(text, m, lex, blocked) for m in PERCENT_WORDS.finditer(text)]
    matches = list(lex.pattern.finditer(text))
    found += [_candidate(text, m, lex, blocked) for m in matches]
    # A number the main pattern read (and kept or ruled out) is never read again as bare.
    read = {m.start() for m in matches}
    found += [_implied_unit(text, m, lex, blocked) for m in lex.implied_count.finditer(text)
              if m.start() not in read]
    figures: list[Figure] = []
    for figure in sorted((f for f in found if f is not None), key=lambda f: (f.start, -f.end)):
        if not figures or figure.start >= figures[-1].end:
            figures.append(figure)
    annotate(text, figures)
    return figures


def parse_selection(text: str, start: int, end: int) -> Optional[Figure]:
    """A figure for the reviewer's selection text[start:end]; None if it holds no number.

    The first number + unit inside the selection wins; a bare number keeps an empty unit for
    the reviewer to fill in. A number the extractor read and ruled out (the article in
    无一起事故, an ordinal) is no figure here either. Label and indicator are guessed from the
    surrounding text.
    """
    start, end = max(0, start), min(len(text), end)
    lex = _lexicon()
    window = text[:end]
    ruled_out = []
    for m in lex.pattern.finditer(window, start):
        figure = _candidate(window, m, lex, [])
        if figure is not None:
            annotate(text, [figure])
            return figure
        ruled_out.append(m.span("num"))
    bare = re.compile(rf"{ARABIC}|{CHINESE}").search(text, start, end)
    if bare is None or bare.span() in ruled_out:
        return None
    value = number_value(bare.group())
    if value is None:
        return None
    figure = Figure(start=bare.start(), end=bare.end(), raw=bare.group(), value=value, unit="",
                    numeral="chinese" if is_chinese_numeral(bare.group()) else "arabic")
    annotate(text, [figure])
    return figure
