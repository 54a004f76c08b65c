"""The codebook's indicator list and the language lexicons, loaded once from resources/.

The language knowledge lives in JSON under resources/ so a user can extend it without
touching code; this module only reads it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from app.paths import resource_path


@dataclass(frozen=True)
class Indicator:
    id: str
    group: str
    unit: str
    description: str
    name_zh: str = ""
    name_en: str = ""


@lru_cache(maxsize=None)
def indicators() -> tuple[Indicator, ...]:
    data = json.loads(resource_path("indicators.json").read_text(encoding="utf-8"))
    return tuple(Indicator(**item) for item in data["indicators"])


def indicator_ids() -> tuple[str, ...]:
    return tuple(ind.id for ind in indicators())


def indicator(indicator_id: str) -> Indicator | None:
    return next((ind for ind in indicators() if ind.id == indicator_id), None)


def display_name(indicator_id: str | None, language: str = "en") -> str:
    """The codebook's display name of an indicator in `language` ("zh…" or other); '' for None."""
    if not indicator_id:
        return ""
    found = indicator(indicator_id)
    if found is None:
        return indicator_id
    return found.name_zh if language.startswith("zh") else found.name_en


@lru_cache(maxsize=None)
def lexicon(name: str):
    """A JSON file from resources/lexicon/, e.g. lexicon("units")."""
    return json.loads(resource_path("lexicon", f"{name}.json").read_text(encoding="utf-8"))
