"""English messages made from str.format templates, taken apart again to show them translated.

The core, the store and the CLI speak English, and the database keeps the English text
(findings, decode warnings); the GUI shows it in the interface language. A module that
makes such messages lists its templates (named fields, args already formatted as strings);
`message_parts` recovers the template and args of a message, and `localize` rebuilds it
from the translated template. A match counts only if the template, filled in with the args
it gave, is the message again, so an ambiguous or older wording is shown as stored.
"""
from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import Callable, Iterable


def message_parts(templates: Iterable[str], message: str) -> tuple[str, dict[str, str]] | None:
    """The template that makes `message`, with its args; None if none does. The one with the
    most fixed text is tried first: "report on line {line}" also makes "report on line 3
    cannot be restored: …", which belongs to the longer template."""
    for template in _most_specific_first(tuple(templates)):
        match = _pattern(template).fullmatch(message)
        if match and template.format(**match.groupdict()) == message:
            return template, match.groupdict()
    return None


def localize(message: str, templates: Iterable[str], translate: Callable[[str], str]) -> str:
    """`message` in the language of `translate`; an arg that is itself one of the templates
    (a nested reason, a fixed phrase such as "a PNG image") is translated too."""
    templates = tuple(templates)
    parts = message_parts(templates, message)
    if parts is None:
        return message
    template, args = parts
    if not args:
        return translate(template)
    return translate(template).format(**{name: localize(value, templates, translate)
                                         for name, value in args.items()})


@lru_cache(maxsize=None)
def _most_specific_first(templates: tuple[str, ...]) -> list[str]:
    return sorted(templates, key=lambda template: -len("".join(
        literal for literal, _, _, _ in string.Formatter().parse(template))))


@lru_cache(maxsize=None)
def _pattern(template: str) -> re.Pattern:
    parts = [re.escape(literal) + (f"(?P<{name}>.*?)" if name else "")
             for literal, name, _, _ in string.Formatter().parse(template)]
    return re.compile("".join(parts), re.DOTALL)
