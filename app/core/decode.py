"""Turn a report file's bytes into the stored text (CODEBOOK §1), keeping the evidence.

Order, measured right on every case tried (see STACK-FACTS "Decoding"): a BOM, then
BOM-less UTF-16/32 recognised by where its NUL bytes sit, then strict UTF-8, then chardet
limited to Chinese and Unicode answers, and only then a lossy decode marked as damaged.
GB18030 is never tried blind: Big5 bytes decode "cleanly" as GB18030 into garbage.
Errors and warnings are English, made from MESSAGES: the GUI shows them translated
(app.core.messages), the CLI and the database (reports.decode_warning) as they are.
"""
from __future__ import annotations

import codecs
import re

import chardet

from app.core.model import Decoded

REPLACEMENT = "\ufffd"
SURE = 1.0
SNIFFED = 0.9  # BOM-less UTF-16/32 recognised by its NUL bytes
# chardet answers nonsense (cp737, IBM855) on damaged bytes with confidence ~0.03.
CONFIDENCE_FLOOR = 0.3
# Below this a guess is shown to the reviewer as uncertain (a 200-byte GBK file scores ~0.4).
CONFIDENT = 0.7
DETECTION_SAMPLE = 256 * 1024
UNICODE_SNIFF_SAMPLE = 4096
# More replacement characters than this share of the text means the file is not text at all.
MAX_DAMAGE_RATIO = 0.1

_BOMS = (  # UTF-32 first: the UTF-32 LE BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# chardet's answers we trust, mapped to the codec that decodes them best.
_ACCEPTED = {
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8",
    "ascii": "utf-8",
    "utf-16": "utf-16",
    "utf-16-le": "utf-16-le",
    "utf-16-be": "utf-16-be",
    "utf-32": "utf-32",
    "utf-32-le": "utf-32-le",
    "utf-32-be": "utf-32-be",
    # Python's gb2312 codec silently changes "—"; GB18030 is the superset of all three.
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp950": "cp950",
}
CHINESE_OR_UNICODE = frozenset(_ACCEPTED.values())
_DETECTED_FIRST = tuple(name for name in _ACCEPTED if name not in ("utf-8-sig", "ascii"))

# str.format templates; numbers are passed already formatted, so a message reads back exactly.
MESSAGES = {
    "unknown_encoding": "Unknown encoding '{encoding}'.",
    "unrecognised": "The file's encoding could not be recognised (it is neither Unicode nor "
                    "Chinese GB18030/Big5 text).",
    "low_confidence": "Encoding guessed as {encoding} with low confidence ({confidence}); "
                      "check the text or choose another encoding.",
    "lossy": "Some bytes could not be decoded as {encoding}: {replaced} character(s) "
             "were replaced by \ufffd; check the text or choose another encoding.",
    "damaged": "The file looks damaged. Some bytes could not be decoded as {encoding}: "
               "{replaced} character(s) were replaced by \ufffd; check the text or choose "
               "another encoding.",
    "declared_wrong": "The page declares {declared} but its bytes read as {encoding}; check the "
                      "text or choose another encoding.",
}
TEMPLATES = tuple(MESSAGES.values())


class DecodeError(Exception):
    """Nothing turns these bytes into usable text; str() is a one-line message."""


def normalise_text(text: str) -> str:
    """CODEBOOK §1: drop a leading BOM, turn CRLF and CR into LF, change nothing else."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def sniff_unicode(data: bytes) -> str | None:
    """The UTF-16/32 codec these bytes use, from a BOM or from the pattern of NUL bytes."""
    found = bom_encoding(data)
    if found:
        return None if found == "utf-8" else found
    sample = data[:UNICODE_SNIFF_SAMPLE]
    if b"\x00" not in sample:
        return None
    for codec in _nul_pattern_codecs(sample):
        text = sample.decode(codec, errors="replace")
        if _looks_like_text(text):
            return codec
    return None


def _nul_pattern_codecs(sample: bytes) -> list[str]:
    """Codecs to try on bytes with NULs: UTF-32 when two bytes of four are always NUL."""
    found = []
    if len(sample) >= 4:
        quads = [sample[i::4] for i in range(4)]
        if not quads[3].strip(b"\x00"):
            found.append("utf-32-le")
        if not quads[0].strip(b"\x00"):
            found.append("utf-32-be")
    # NULs fall on both sides in UTF-16 (ASCII on one, U+4E00 一 on the other), so both
    # byte orders are tried; only the right one gives Chinese rather than Hangul or symbols.
    return found + ["utf-16-le", "utf-16-be"]


# Neither Chinese, ASCII nor CJK punctuation: garbage from a wrong codec is mostly this.
_UNUSUAL = re.compile("[^\t\n\r -~\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _unusual_count(text: str) -> int:
    return len(_UNUSUAL.findall(text))


def _looks_like_text(text: str) -> bool:
    return bool(text) and _unusual_count(text) <= 0.2 * len(text)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _detect(data: bytes) -> tuple[str | None, float]:
    """chardet's answer on a bounded sample, kept only if it names a Chinese or Unicode codec."""
    sample = data[:DETECTION_SAMPLE]
    # Among the Chinese and Unicode codecs alone first: ten times faster than letting every
    # codec compete, and a confident answer there is the answer of the full run (chardet's
    # confidence does not depend on the other candidates); anything less, and all compete.
    answer = chardet.detect(sample, include_encodings=_DETECTED_FIRST, no_match_encoding="utf-8")
    if float(answer.get("confidence") or 0.0) < CONFIDENT:
        answer = chardet.detect(sample)
    name = (answer.get("encoding") or "").lower()
    try:
        name = codecs.lookup(name).name  # "UTF-16LE" and "utf-16-le" alike
    except LookupError:
        pass
    confidence = float(answer.get("confidence") or 0.0)
    codec = _ACCEPTED.get(name)
    if codec is None or confidence < CONFIDENCE_FLOOR:
        return None, confidence
    return codec, confidence


def _lossy(data: bytes, encoding: str, confidence: float, warning: str = "lossy") -> Decoded:
    """`warning`: "lossy", or "damaged" when no codec was sure of the file."""
    text = normalise_text(data.decode(encoding, errors="replace"))
    replaced = text.count(REPLACEMENT)
    return Decoded(text, encoding, confidence, damaged=True).warn(
        warning, MESSAGES[warning], encoding=encoding.upper(), replaced=str(replaced))


def decode_with(data: bytes, encoding: str) -> Decoded:
    """Decode with a codec the reviewer chose; lossy bytes are replaced and flagged."""
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise DecodeError(MESSAGES["unknown_encoding"].format(encoding=encoding)) from None
    return _sure_or_lossy(data, codec, SURE)


def _sure_or_lossy(data: bytes, codec: str, confidence: float) -> Decoded:
    text = _strict(data, codec)
    if text is not None:
        return Decoded(normalise_text(text), codec, confidence)
    return _lossy(data, codec, confidence)


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """The stored text of a file and how it was decoded; `encoding` is a reviewer's override.

    Raises DecodeError when even a lossy decode is mostly replacement characters.
    """
    if encoding:
        return decode_with(data, encoding)
    bom = bom_encoding(data)
    if bom:
        return _sure_or_lossy(data, bom, SURE)
    unicode = sniff_unicode(data)
    if unicode:
        return _sure_or_lossy(data, unicode, SNIFFED)
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(normalise_text(text), "utf-8", SURE)

    guessed, confidence = _detect(data)
    text = _strict(data, guessed) if guessed else None
    if text is not None:
        decoded = Decoded(normalise_text(text), guessed, round(confidence, 2))
        if confidence < CONFIDENT:
            decoded.warn("low_confidence", MESSAGES["low_confidence"], encoding=guessed.upper(),
                         confidence=f"{confidence:.2f}")
        return decoded

    return _best_lossy(data, guessed)


def _best_lossy(data: bytes, guessed: str | None = None) -> Decoded:
    """The likely codecs with replacement; the one giving fewest unusual characters wins.

    Counting replacements alone is not enough: damaged Big5 decodes as GB18030 with as few
    replacements as Big5, into katakana, box drawing and private-use garbage. chardet answers
    nonsense on damaged bytes, so Big5 is tried even when it did not guess it.
    """
    codecs_to_try = dict.fromkeys(filter(None, (guessed, "utf-8", "gb18030", "big5hkscs")))
    candidates = [_lossy(data, codec, 0.0, "damaged") for codec in codecs_to_try]
    best = min(candidates, key=lambda decoded: _unusual_count(decoded.text))
    replaced = best.text.count(REPLACEMENT)
    if replaced > MAX_DAMAGE_RATIO * max(len(best.text), 1):
        raise DecodeError(MESSAGES["unrecognised"])
    if not replaced:  # clean, just not recognised by chardet: a guess, not damage
        return Decoded(best.text, best.encoding, 0.0).warn(
            "low_confidence", MESSAGES["low_confidence"], encoding=best.encoding.upper(), confidence="0.00")
    return best
