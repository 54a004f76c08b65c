"""Place and issuing-body names: the region an agency governs, resolved in the gazetteer.

The region is the run of place names at the start of the agency name (重庆市渝北区 in
重庆市渝北区卫生健康委员会), each unit found in the gazetteer by full or short name (湖州德清县)
and held by the unit before it. A unit the gazetteer lacks still counts when it ends in an
administrative suffix (resources/lexicon/regions.json) and reads as a name, not a clause
(围绕…, 落实…): then it has a level but no division code. A name that repeats (鼓楼区) or an
agency written without its place (县卫生健康局) is decided by the places the text names.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from app.core.codebook import lexicon
from app.core.gazetteer import Division, gazetteer

MAX_REGION_CHARS = 30
MAX_UNKNOWN_CHARS = 10  # a unit the gazetteer lacks: a name of a few characters and its suffix
MENTION_CHARS = 16  # the longest full name counted where the text mentions places
LEAD_IN = re.compile(r"[：:（(【】\[\]，,。；;]")
PERSON = re.compile(r"[\u4e00-\u9fff·]{2,4}")
# A clause, not a name: it opens with a verb or a function word, or holds one.
CLAUSE_START = re.compile(
    "^(?:围绕|落实|贯彻|推进|推动|坚持|深入|加强|全面|认真|按照|根据|结合|聚焦|持续|积极|扎实|切实|不断|进一步|"
    "严格|紧紧|通过|召开|组织|开展|建立|健全|完善|制定|印发|出台|实施|学习|宣传|做好|抓好|强化|提升|提高|优化|深化|"
    "牢固|树立|始终|着力|全力|大力|努力|主动|统筹|服务|保障|依法|依托|对|在|为|以|将|把|由|向|从|与|和|及|并|是|经)")
CLAUSE_WORD = re.compile("[的了是和与及等在着]")
DOUBLED = "省县区旗"  # 安吉县县卫生健康局: a suffix typed twice (市市 is 市 + 市场, 市委…)
NAME_END = re.compile("[省市区县州旗盟]")
TOWN_AFTER = re.compile("镇|乡|街道|苏木")
SLOGAN = re.compile("(?:法治|平安|美丽|幸福|智慧)([\u4e00-\u9fff]{2,4})")  # 法治德清: a short name
LEVEL_WORDS = {"省": "province", "市": "city", "区": "district", "县": "county", "旗": "county", "州": "city"}
NOT_LEVEL_WORD = re.compile("^(?:市场|市政|市容|区域|县域|市域|州府)")
# 宁波市生态环境局鄞州分局: a city bureau's branch governs the county-level unit it is named after
BRANCH = re.compile(r"(?:局|委员会)([\u4e00-\u9fff]{2,8}?)分局$")


@dataclass(frozen=True)
class Place:
    """Where an agency sits: the region as written, its level, and its division when sure."""

    region: str | None = None
    level: str | None = None
    division: Division | None = None
    candidates: tuple[Division, ...] = ()  # the gazetteer's matches when the text did not decide
    within: Division | None = None  # what holds a unit the gazetteer lacks (天津市 for 天津市某区)

    def fields(self) -> dict:
        """province, city, county, division_code (CODEBOOK §2): names of the divisions holding it."""
        holder = self.division or self.within
        path = holder.path() if holder else ()
        names = {d.kind: d.name for d in path}
        return {"province": names.get("province"), "city": names.get("city"),
                "county": names.get("area"), "division_code": self.division.code if self.division else None}


@dataclass(frozen=True)
class _Regions:
    suffix: re.Pattern  # an administrative suffix ending at the match end
    levels: dict
    not_before: tuple
    not_after: tuple
    agency_word: re.Pattern  # the body's own words (局, 委员会, 政府…): the region ends before them
    party_prefix: re.Pattern
    roles: re.Pattern
    agency_end: re.Pattern
    township: re.Pattern  # a town's own name (two to four characters) and its suffix


@lru_cache(maxsize=None)
def _regions() -> _Regions:
    data = lexicon("regions")
    suffixes = sorted(data["suffixes"], key=len, reverse=True)
    agency = sorted(data["agency_suffixes"], key=len, reverse=True)
    return _Regions(
        suffix=re.compile("(?:" + "|".join(map(re.escape, suffixes)) + ")$"),
        levels=data["suffixes"],
        not_before=tuple(data["not_region_before"]),
        not_after=tuple(data["not_region_after"]),
        agency_word=re.compile("政府|委员会|局|厅|办公|委"),
        party_prefix=re.compile("^(?:" + "|".join(map(re.escape, data["party_prefixes"])) + ")"),
        roles=re.compile("|".join(map(re.escape, data["agency_roles"]))),
        agency_end=re.compile("(?:" + "|".join(map(re.escape, agency)) + ")$"),
        # 和/与/及 join words, not a name (住房和城乡建设局); 城乡, 城镇 are words too (城关镇 is a town).
        township=re.compile("(?:(?![和与及])[\u4e00-\u9fff]){2,4}?(?<!城)(?:"
                            + "|".join(map(re.escape, data["township_suffixes"])) + ")"),
    )


@dataclass
class _Unit:
    end: int
    candidates: list  # Division; empty for a unit the gazetteer lacks
    level: str | None  # the written suffix's level, for a unit the gazetteer lacks or names differently


def _known_unit(name: str, pos: int, limit: int, held_by: list) -> _Unit | None:
    """The longest gazetteer name at pos, held by one of `held_by` (when given)."""
    g = gazetteer()
    for end in range(min(pos + g.longest_from(name, pos), limit), pos + 1, -1):
        piece = name[pos:end]
        full = g.named(piece)
        found = full or g.short_named(piece)
        if held_by:
            found = [d for d in found if any(p.holds(d) and p != d for p in held_by)]
        if not found:
            continue
        if not full and TOWN_AFTER.match(name, end):
            continue  # 新市镇 is a town, not 新市区 without its suffix
        level = None
        if not full and end < limit and NAME_END.match(name, end):
            # 长安县 for today's 长安区 (撤县设区): the division, with the level as written
            level = _regions().levels.get(name[end])
            suffixed = [d for d in found if d.name.endswith(name[end])]
            if suffixed:  # 恩施州 is the prefecture, not 恩施市
                found, level = suffixed, None
            end += 1
        return _Unit(end, found, level)
    return None


def _unknown_unit(name: str, pos: int, limit: int, parent: _Unit | None) -> _Unit | None:
    """A name the gazetteer lacks (某县, 某某市经济技术开发区): ends in a suffix, reads as a name."""
    rules = _regions()
    if CLAUSE_START.match(name, pos):
        return None
    for end in range(pos + 2, min(pos + MAX_UNKNOWN_CHARS, limit) + 1):
        piece = name[pos:end]
        found = rules.suffix.search(piece)
        if not found or CLAUSE_WORD.search(piece) or TOWN_AFTER.match(name, end):
            continue
        if any(name[:end].endswith(w) for w in rules.not_before) or \
                any(name.startswith(w, end - 1) for w in rules.not_after):
            continue
        level = rules.levels[found.group()]
        if found.group() == "市" and parent and (parent.level or _unit_level(parent)) in ("city", "county"):
            level = "county"  # a city under a city is a county-level city
        return _Unit(end, [], level)
    return None


def _unit_level(unit: _Unit) -> str | None:
    if unit.level:
        return unit.level
    levels = {d.level for d in unit.candidates}
    return levels.pop() if len(levels) == 1 else None


def _parse(name: str) -> tuple[str, list[_Unit], int, int | None]:
    """(name without party prefix, its place units, where the body's words start, offset of a
    doubled suffix)."""
    rules = _regions()
    name = rules.party_prefix.sub("", name.strip())
    stop = rules.agency_word.search(name)
    limit = min(stop.start() if stop else len(name), MAX_REGION_CHARS)
    units: list[_Unit] = []
    pos, typo = 0, None
    while pos < limit:
        held_by = units[-1].candidates if units else []
        unit = _known_unit(name, pos, limit, held_by) or \
            _unknown_unit(name, pos, limit, units[-1] if units else None)
        if unit is None:
            break
        units.append(unit)
        pos = unit.end
        if pos < limit and name[pos] == name[pos - 1] and name[pos] in DOUBLED:
            typo = pos
            pos += 1
    return name, units, limit, typo


def find_place(name: str | None, mentions: "Mentions | None" = None) -> Place:
    """The place an agency name (or a title) starts with, decided by `mentions` when the
    gazetteer has several (鼓楼区). 重庆市渝北区卫生健康委员会 → 重庆市渝北区, district, 500112."""
    if not name:
        return Place()
    name, units, limit, typo = _parse(name)
    if not units:
        return _town_place(name, mentions)
    end = units[-1].end + (typo is not None and typo >= units[-1].end)
    region = name[:end] if typo is None else name[:typo] + name[typo + 1:end]
    # A town under the unit (某县新关镇人民政府) is the place the body governs; CODEBOOK §2 has no
    # township level, so the level stays the unit's. A name needs two characters: 县乡村振兴局 is no town.
    town = _regions().township.match(name, end)
    if town and town.end() <= limit:
        region += town.group()
    known = [u for u in units if u.candidates]
    if not known:
        return Place(region, _unit_level(units[-1]))
    division, candidates = _decide(known[-1].candidates, mentions)
    if known[-1] is units[-1]:
        branch = _branch_place(name, region, division)
        if branch is not None:
            return branch
        level = units[-1].level or (division.level if division else _unit_level(units[-1]))
        return Place(region, level, division, candidates)
    # a unit the gazetteer lacks under known ones (天津市某区): no code, but what holds it
    return Place(region, _unit_level(units[-1]), None, candidates, within=division)


def _branch_place(name: str, region: str, division: Division | None) -> Place | None:
    """The district or county a city bureau's branch is named after (杭州市生态环境局西湖分局 →
    杭州市西湖, district, 330106), when the gazetteer has it under that city; else None."""
    branch = BRANCH.search(name)
    if branch is None or division is None or division.level != "city":
        return None
    written = branch.group(1)
    unit = _known_unit(written, 0, len(written), [division])
    if unit is None or unit.end != len(written) or len(unit.candidates) != 1:
        return None
    county = unit.candidates[0]
    return Place(region + written, unit.level or county.level, county)


def _town_place(name: str, mentions: "Mentions | None") -> Place:
    """A town's government written without its county (新市镇人民政府): the county from the text."""
    town = _regions().township.match(name)
    stop = _regions().agency_word.search(name)
    if not town or not stop or name[town.end():stop.start()] not in ("", "人民") or CLAUSE_START.match(name):
        return Place()
    areas = [d for d in gazetteer().towns_named(town.group()) if d is not None]
    if not areas:
        return Place()
    division, candidates = _decide(areas, mentions)
    levels = {d.level for d in ([division] if division else candidates)}
    return Place(town.group(), levels.pop() if len(levels) == 1 else None, division, candidates)


def _decide(candidates: list, mentions: "Mentions | None") -> tuple[Division | None, tuple]:
    """One division, or none and the candidates when the text names none of them more."""
    if len(candidates) == 1:
        return candidates[0], ()
    if mentions is not None:
        # the places holding it, then its own name (吉林省 named: the province, not 吉林市)
        scores = sorted((((mentions.score(d), mentions.counts[d.code]), d) for d in candidates),
                        key=lambda s: s[0], reverse=True)
        if scores[0][0][0] > 0 and scores[0][0] > scores[1][0]:
            return scores[0][1], ()
    return None, tuple(candidates)


class Mentions:
    """How often the text names each division, by full name (德清县) or in a slogan (法治德清).
    Counted on first use: most reports name their place whole in the title."""

    def __init__(self, text: str):
        self._text = text
        self._counts: Counter | None = None

    @property
    def counts(self) -> Counter:
        if self._counts is None:
            self._counts = _count_mentions(self._text)
        return self._counts

    def score(self, division: Division) -> int:
        """Mentions of the division and of the ones holding it (南京市 for 南京's 鼓楼区)."""
        return sum(self.counts[d.code] for d in division.path())

    def most_named(self, level_word: str) -> Division | None:
        """The division of this kind (县: counties, 市: cities…) the text names most, if one leads;
        between namesakes (杭州's and 南昌's 西湖区) the one whose holders the text names too."""
        g = gazetteer()
        ranked = sorted((((n, self.score(g.get(code))), code) for code, n in self.counts.items()
                         if _of_kind(g.get(code), level_word)), reverse=True)
        if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
            return g.get(ranked[0][1])
        return None


def _of_kind(division: Division, level_word: str) -> bool:
    if level_word == "市":
        return division.name.endswith("市")
    if level_word == "州":
        return division.kind == "city" and division.name.endswith("州")
    if level_word == "省":
        return division.kind == "province" and not division.name.endswith("市")
    return division.kind == "area" and division.name.endswith(level_word)


def _count_mentions(text: str) -> Counter:
    g = gazetteer()
    counts: Counter = Counter()
    for found in NAME_END.finditer(text):
        end = found.end()
        # two-character names (和县, 新县, 城区, 郊区) are words too: 省市和县三级 names no county
        for start in range(max(0, end - min(MENTION_CHARS, g.longest_to(text, end))), end - 2):
            named = g.named(text[start:end])
            if named:
                counts.update(d.code for d in named)
                break
    for found in SLOGAN.finditer(text):
        word = found.group(1)
        for size in range(len(word), 1, -1):
            named = g.short_named(word[:size])
            if named:
                counts.update(d.code for d in named)
                break
    return counts


def placeless_level(name: str | None) -> str | None:
    """The level word an agency written without its place starts with (县卫生健康局 → 县)."""
    if not name:
        return None
    name = _regions().party_prefix.sub("", name.strip())
    if len(name) > 2 and name[0] in LEVEL_WORDS and not NOT_LEVEL_WORD.match(name) \
            and _regions().agency_end.search(name) and not find_place(name).region:
        return name[0]
    return None


def region_matches(region: str | None, text: str = "") -> list[Division]:
    """The divisions a reviewer may mean by a region as written, the one the text points to first
    (鼓楼区: four; 德清: one; a name's beginning: the divisions it starts)."""
    if not region or not region.strip():
        return []
    place = find_place(region, Mentions(text))
    found = ([place.division] if place.division else []) + list(place.candidates)
    return found or gazetteer().search(region)


def without_typo(name: str) -> str:
    """The agency name without a doubled suffix: 安吉县县卫生健康局 → 安吉县卫生健康局."""
    stripped = _regions().party_prefix.sub("", name.strip())
    typo = _parse(stripped)[3]
    if typo is None:
        return name
    at = typo + len(name.strip()) - len(stripped)
    return name.strip()[:at] + name.strip()[at + 1:]


def split_region(name: str | None) -> tuple[str | None, str | None]:
    """(region, level) at the start of an agency name: 重庆市渝北区卫生健康委员会 → (重庆市渝北区, district)."""
    place = find_place(name)
    return place.region, place.level


def agency_name(text: str) -> str | None:
    """The issuing body that a title-like phrase starts with, without people's roles after it.

    重庆市渝北区司法局党组书记、局长张三 → 重庆市渝北区司法局. None when no agency word (局,
    委员会, 人民政府…) ends the phrase or stands right before a role (石家庄市长安区… has 市长
    inside a place name, which is not a role).
    """
    rules = _regions()
    text = text.strip(" \u3000、，,")
    for end in range(1, len(text) + 1):
        found = rules.agency_end.search(text, 0, end)
        if not found:
            continue
        rest = text[end:].lstrip(" \u3000")
        signed = rest != text[end:] and PERSON.fullmatch(rest)  # 某局  李四: the body, then who signs
        if not rest or rules.roles.match(rest) or signed:
            # The body starts after a label or an opening bracket (述法人：张三（某局局长）, 【栏目】某局).
            name = LEAD_IN.split(text[:end])[-1].strip(" \u3000")
            return name if len(name) > len(found.group()) else None
    return None
