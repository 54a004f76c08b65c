"""China's administrative divisions (resources/gazetteer/, built by tests/tools/build_gazetteer.py).

Provinces, prefectures and county-level units with their six-digit codes, looked up by full
name (德清县) or short name (德清); a unit's parents follow from its code. The towns under each
county-level unit are read only when a report names a town without its county. Loaded once,
on first use.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property, lru_cache
from typing import NamedTuple

from app.paths import resource_path

# Placeholder prefecture rows: the four municipalities' 市辖区/县 and the provinces' 直辖县级 units
# hold county-level units directly; they are no city of their own.
NO_CITY = re.compile(r"^(?:市辖区|县|.*直辖县级行政区划)$")
ETHNIC = re.compile(
    "(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|"
    "景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|鄂温克|德昂|保安|裕固|京|"
    "独龙|鄂伦春|赫哲|各)族$|维吾尔$")
# The shortest stem, so the longest suffix: 自治县 before 县. A short name keeps at least two
# characters (沛县 has none; 金林区 is 金林, not 金 + 林区).
SHORT_NAME = re.compile("^(.+?)(特别行政区|自治区|自治州|自治县|自治旗|地区|林区|新区|省|市|区|县|旗|盟)$")
TOWN_SUFFIXES = ("街道", "苏木", "镇", "乡")


class Division(NamedTuple):
    code: str  # six digits: 330521
    name: str  # 德清县

    @property
    def kind(self) -> str:
        """province, city (prefecture row) or area (county-level unit), read off the code."""
        if self.code.endswith("0000"):
            return "province"
        return "city" if self.code.endswith("00") else "area"

    @property
    def level(self) -> str:
        """CODEBOOK §2: a municipality is a province; county-level cities and special districts
        (义乌市, 六枝特区, 神农架林区) are counties; other 区 (金林区, development zones) districts."""
        if self.kind == "province":
            return "province"
        if self.kind == "city":
            return "city"
        parent = gazetteer().get(self.code[:4] + "00")
        if self.name.endswith("特区") or (self.name.endswith("林区") and parent and NO_CITY.match(parent.name)):
            return "county"
        return "district" if self.name.endswith("区") else "county"

    def path(self) -> tuple["Division", ...]:
        """The division and the ones holding it, province first, without placeholder rows."""
        g = gazetteer()
        codes = (self.code[:2] + "0000", self.code[:4] + "00", self.code)
        found = [g.get(c) for c in dict.fromkeys(codes[: ("province", "city", "area").index(self.kind) + 1])]
        return tuple(d for d in found if d is not None and not NO_CITY.match(d.name))

    def holds(self, other: "Division") -> bool:
        """True when `other` lies inside this division (or is it)."""
        prefix = {"province": 2, "city": 4, "area": 6}[self.kind]
        return other.code[:prefix] == self.code[:prefix]

    @property
    def full_name(self) -> str:
        """浙江省 湖州市 德清县: the path a reviewer reads to tell two 鼓楼区 apart."""
        return " ".join(d.name for d in self.path())


def short_name(name: str) -> str | None:
    """The name without its administrative suffix and peoples' names (酉阳土家族苗族自治县 → 酉阳)."""
    found = SHORT_NAME.match(name)
    if not found:
        return None
    stem, suffix = found.groups()
    if len(stem) < 2:
        stem = name[:-1]
    while suffix.startswith("自治") and ETHNIC.search(stem):
        stem = ETHNIC.sub("", stem)
    return stem if len(stem) >= 2 else None


class Gazetteer:
    def __init__(self, lines: list[str]):
        self._by_code: dict[str, Division] = {}
        self._by_name: dict[str, list[Division]] = defaultdict(list)
        self._by_short: dict[str, list[Division]] = defaultdict(list)
        for line in lines:  # "code name [short name]", the short name computed when built
            code, name, *short = line.split(" ")
            division = Division(code, name)
            self._by_code[code] = division
            if code.endswith("00") and NO_CITY.match(name):
                continue
            self._by_name[name].append(division)
            if short:
                self._by_short[short[0]].append(division)
        # the longest full or short name starting with these two characters: most places in a
        # text start no name at all, and need no lookup of every length
        self._longest_from: dict[str, int] = {}
        self._longest_to: dict[str, int] = {}  # the same for full names ending in two characters
        for name in (*self._by_name, *self._by_short):
            self._longest_from[name[:2]] = max(len(name), self._longest_from.get(name[:2], 0))
        for name in self._by_name:
            self._longest_to[name[-2:]] = max(len(name), self._longest_to.get(name[-2:], 0))

    def longest_from(self, text: str, pos: int) -> int:
        """The longest name that may start at text[pos] (0: none)."""
        return self._longest_from.get(text[pos:pos + 2], 0)

    def longest_to(self, text: str, end: int) -> int:
        """The longest full name that may end at text[end - 1] (0: none)."""
        return self._longest_to.get(text[end - 2:end], 0)

    def get(self, code: str) -> Division | None:
        return self._by_code.get(code)

    def named(self, name: str) -> list[Division]:
        """Divisions with exactly this full name (鼓楼区: four of them)."""
        return self._by_name.get(name, [])

    def short_named(self, name: str) -> list[Division]:
        """Divisions whose name without suffix is this (湖州 → 湖州市; 吉林 → the province and the city)."""
        return self._by_short.get(name, [])

    def divisions(self) -> list[Division]:
        return [d for d in self._by_code.values() if not NO_CITY.match(d.name)]

    @cached_property
    def _towns(self) -> dict[str, list[Division]]:
        towns: dict[str, list[Division]] = defaultdict(list)
        text = resource_path("gazetteer", "townships.txt").read_text(encoding="utf-8")
        for line in text.splitlines():
            code, *names = line.split(" ")
            area = self._by_code.get(code)
            for name in names:
                towns[name].append(area)
        return towns

    def towns_named(self, name: str) -> list[Division]:
        """The county-level units holding a town of this name (城关镇: 88 of them)."""
        return self._towns.get(name, [])

    def search(self, text: str, limit: int = 20) -> list[Division]:
        """Divisions whose full or short name starts with `text` (for a reviewer's completer)."""
        text = text.strip()
        if not text:
            return []
        exact = self.named(text) + self.short_named(text)
        rest = [d for d in self.divisions() if d.name.startswith(text) and d not in exact]
        return (exact + rest)[:limit]


@lru_cache(maxsize=None)
def gazetteer() -> Gazetteer:
    return Gazetteer(resource_path("gazetteer", "divisions.txt").read_text(encoding="utf-8").splitlines())
