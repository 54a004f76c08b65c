"""Numbers as written in the reports, turned into values.

Arabic digits may be half- or full-width and carry thousands separators; Chinese numerals go
through cn2an on the numeral alone (never over the whole text: it rewrites 一是 and 统一).
Magnitude words (千 after digits, 万, 亿, 万亿 ...) scale the value; 余/多/几 only mark "more than" and are
stripped before conversion because cn2an rejects them (十几 reads as 十, like 十余).
"""
from __future__ import annotations

import math
import re
from decimal import Decimal

import cn2an

FULL_WIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
CHINESE_DIGITS = "零〇一二两三四五六七八九十百千"
MAGNITUDES = {"万亿": 12, "千亿": 11, "百亿": 10, "十亿": 9, "千万": 7,
              "百万": 6, "十万": 5, "亿": 8, "万": 4, "千": 3}  # powers of ten
VAGUE_SUFFIXES = "余多几"


def arabic_value(number: str) -> float | None:
    """'1,234.5' or full-width '１２' -> float; None when it is not a plain number."""
    cleaned = number.translate(FULL_WIDTH).replace(",", "").replace(" ", "")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def chinese_value(number: str) -> float | None:
    """'两' -> 2, '二十' -> 20, '百' -> 100; None for what cn2an cannot read (三四, 一两)."""
    number = number.rstrip(VAGUE_SUFFIXES)
    if number in ("百", "千"):
        number = "一" + number
    try:
        return float(cn2an.cn2an(number, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def is_chinese_numeral(number: str) -> bool:
    return bool(number) and all(ch in CHINESE_DIGITS for ch in number)


def number_value(number: str, magnitude: str = "") -> float | None:
    """The value of a numeral with an optional magnitude word: ('0.4', '万') -> 4000."""
    number = number.strip().rstrip(VAGUE_SUFFIXES)
    value = chinese_value(number) if is_chinese_numeral(number) else arabic_value(number)
    if value is None:
        return None
    # Scaled in decimal: in binary floats 8.2 × 10¹² is 8199999999999.999, not 8.2万亿.
    scaled = Decimal(repr(value)).scaleb(MAGNITUDES.get(magnitude, 0))
    return round(float(scaled), 6)


# What a reviewer types as a value: a sign, then Arabic digits (thousands groups of three
# only, so a mistyped 12,34 is refused) with an optional magnitude word, or a Chinese numeral
# that may hold 万 and 亿 itself (三万二千). Full-width forms are mapped first.
_TYPED_ARABIC = re.compile(r"(?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+)"
                           r"\s*(?P<mag>%s)?" % "|".join(sorted(MAGNITUDES, key=len, reverse=True)))
_TYPED_CHINESE = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_TYPED_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋　", "0123456789.,-+ ")


def typed_value(text: str) -> float | None:
    """The value a reviewer typed: '1.2万' -> 12000, '三百二十' -> 320, '１，２３４' -> 1234,
    '-3' -> -3; None for anything else (an empty text, a unit, two numbers)."""
    cleaned = str(text).translate(_TYPED_FULL_WIDTH).strip()
    sign = -1.0 if cleaned.startswith("-") else 1.0
    cleaned = cleaned.lstrip("+-").strip()
    arabic = _TYPED_ARABIC.fullmatch(cleaned)
    if arabic:
        value = number_value(arabic.group("num").replace(",", ""), arabic.group("mag") or "")
    elif _TYPED_CHINESE.fullmatch(cleaned) and cleaned[0] not in "万亿":
        value = chinese_value(cleaned)
    else:
        return None
    return None if value is None else sign * value
