"""Place and issuing-body names: the region prefix of an agency name and its administrative level.

No gazetteer: a region is the longest run of names ending in an administrative suffix
(省, 市, 区, 县, 自治县, 旗…) at the start of the agency name, before the body's own words.
The suffixes, the four province-level municipalities and a list of county-level cities live
in resources/lexicon/regions.json.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.core.codebook import lexicon

MAX_REGION_CHARS = 30
LEAD_IN = re.compile(r"[：:（(【】\[\]，,。；;]")
PERSON = re.compile(r"[\u4e00-\u9fff·]{2,4}")


@dataclass(frozen=True)
class _Regions:
    suffix: re.Pattern  # an administrative suffix ending at the match end
    levels: dict
    municipalities: frozenset
    county_cities: frozenset
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
        suffix=re.compile("|".join(map(re.escape, suffixes))),
        levels=data["suffixes"],
        municipalities=frozenset(data["province_municipalities"]),
        county_cities=frozenset(data["county_level_cities"]),
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


def _suffix_ends(name: str) -> list[tuple[int, str]]:
    """(end offset, suffix) for every place where an administrative name may end."""
    rules = _regions()
    ends: list[tuple[int, str]] = []
    for i in range(1, len(name)):
        found = rules.suffix.match(name, i)
        end = found.end() if found else 0
        if not found or (ends and ends[-1][0] >= end):
            continue  # 自治区 already ends here; 区 alone would give the wrong level
        word_before = name[max(0, end - 2):end]
        if any(name[:end].endswith(w) for w in rules.not_before) or word_before in rules.not_before:
            continue
        if any(name.startswith(w, end - 1) for w in rules.not_after):
            continue
        ends.append((end, found.group()))
    return ends


def split_region(name: str | None) -> tuple[str | None, str | None]:
    """(region, level) at the start of an agency name: 重庆市渝北区卫生健康委员会 → (重庆市渝北区, district)."""
    if not name:
        return None, None
    rules = _regions()
    name = rules.party_prefix.sub("", name.strip())
    stop = rules.agency_word.search(name)
    limit = min(stop.start() if stop else len(name), MAX_REGION_CHARS)
    ends = [(end, suffix) for end, suffix in _suffix_ends(name) if end <= limit]
    if not ends:
        return None, None
    end, suffix = ends[-1]
    # The unit before the last one: its name must leave at least two characters (泉州|市 is one name).
    parent = next(((e, s) for e, s in reversed(ends) if end - e >= 2), None)
    level = _level(name[:end], suffix, parent)
    # A town under the unit (某县新关镇人民政府) is the place the body governs; CODEBOOK §2 has no
    # township level, so the level stays the unit's. A name needs two characters: 县乡村振兴局 is no town.
    town = rules.township.match(name, end)
    if town and town.end() <= limit:
        end = town.end()
    return name[:end], level


def _level(region: str, suffix: str, parent: tuple[int, str] | None) -> str:
    rules = _regions()
    if region in rules.municipalities:
        return "province"
    if suffix == "市":
        last_name = region[parent[0]:] if parent else region
        parent_is_city = bool(parent) and rules.levels[parent[1]] == "city" \
            and region[: parent[0]] not in rules.municipalities
        if last_name in rules.county_cities or parent_is_city:
            return "county"
    return rules.levels[suffix]


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
