"""Find report files and read each into its stored text, one clear message per bad file.

The importer reads hundreds of files gathered from the web; a bad one must not stop the
rest, so every problem is a ReadError whose str() is a one-line message for the reviewer.
Messages are English, made from the templates below (TEMPLATES): the GUI shows them
translated (app.core.messages), the CLI and the database as they are.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from app.core import doc_convert
from app.core.decode import DecodeError, decode_bytes, normalise_text, sniff_unicode
from app.core.docx_text import MAX_TEXT_CHARS, DocxTooLarge, NotADocx, docx_to_text
from app.core.html_text import html_from_bytes
from app.core.model import Decoded
from app.core.web_archive import NotAWebArchive, archived_page

SUPPORTED_SUFFIXES = frozenset({".txt", ".html", ".htm", ".mht", ".mhtml", ".docx",
                                ".pdf", ".doc", ".wps"})
# PDFs and Word binary files are known by their bytes, whatever their name says (a .wps from
# WPS Office is a Word binary file; sites serve .doc files that are really .docx or web pages).
PDF_MAGIC = b"%PDF-"
PDF_HEADER_WINDOW = 1024  # readers accept a .pdf's header this far in (after stray bytes)
MAX_FILE_BYTES = 20 * 1024 * 1024
BINARY_SAMPLE = 8192
# Share of control bytes above which a file is data; GB18030 and Big5 never use bytes < 0x20.
MAX_CONTROL_RATIO = 0.05
# Pages saved by browsers or cut short in a download can carry a few NULs (kept in the text).
MAX_NUL_RATIO = 0.01
_TEXT_CONTROLS = frozenset(b"\t\n\v\f\r\x1a\x1b")
# What a non-text file looks like, by its first bytes: the {kind} of MESSAGES["not_text"].
MAGIC_KINDS = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive",
    b"{\\rtf": "an RTF document; save it as .docx first",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\x7fELF": "a program",
    b"SQLite format 3\x00": "an SQLite database",
}
NUL_DATA = "binary data with NUL bytes"
CONTROL_DATA = "binary data with many control characters"
# str.format templates; a computed number is passed already formatted, so it reads back exactly.
# "unsupported_no_suffix" comes first: the general wording would take "none" for a suffix.
MESSAGES = {
    "no_reports": "No report files ({suffixes}) in this folder.",
    "unsupported_no_suffix": "Not a supported file type (none); use {suffixes}.",
    "unsupported": "Not a supported file type ({suffix}); use {suffixes}.",
    "no_such_path": "No such file or folder.",
    "folder_unreadable": "Cannot open folder: {reason}.",
    "is_folder": "This is a folder, not a file.",
    "too_large": "The file is too large ({size} MB; the limit is {limit} MB).",
    "no_such_file": "The file does not exist.",
    "unreadable": "The file cannot be read: {reason}.",
    "empty": "The file is empty.",
    "not_text": "This is not a text file (it looks like {kind}).",
    "no_text": "The file contains no text.",
    "not_docx": "This is not a valid Word file (.docx); it may be damaged, or an old .doc file renamed.",
    "not_web_archive": "This web archive (.mht) holds no web page.",
    "docx_too_large": "This Word file unpacks to far more than a report holds (over {limit} MB of text "
                      "or markup): a zip bomb, or not a report.",
    "text_too_large": "The file's text is too large ({size} MB; the limit is {limit} MB).",
    "symlink_loop": "This is a symbolic link that leads back to itself (a loop); skipped.",
    "special_file": "This is {kind}, not a file that can hold a report; skipped.",
    "pdf_images_only": "This PDF holds images only; it needs OCR (text recognition) before it can be read.",
    "pdf_encrypted": "This PDF is protected by a password; open it with the password, save it as a new "
                     "PDF without one and import that.",
    "pdf_damaged": "This PDF is damaged and cannot be read ({reason}).",
    "pdf_garbled": "The PDF's fonts do not map to readable characters, so its text is likely garbage; "
                   "compare it with the PDF.",
    "no_converter": "This is an old Word or WPS file (.doc/.wps): install LibreOffice or save it as "
                    ".docx in Word/WPS.",
    "convert_failed": "LibreOffice could not convert this Word/WPS file ({reason}); save it as .docx "
                      "in Word/WPS.",
    "convert_timeout": "LibreOffice took longer than {seconds} s to convert this file; save it as "
                       ".docx in Word/WPS.",
}
# The {kind} of MESSAGES["special_file"]: what stat() says a path is when it is not a file.
SPECIAL_KINDS = {"fifo": "a named pipe (FIFO)", "device": "a device", "socket": "a socket",
                 "other": "not a regular file"}


class ReadError(DecodeError):
    """A file that cannot become a report; str() is a one-line message.

    A DecodeError subclass so that callers catching either are safe.
    """


# Formats reports often come in that are not read: say how to turn them into one that is.
CONVERTIBLE = {
    ".rtf": "Rich text (.rtf) is not read: open it in Word or WPS and save it as .docx.",
}
# Every English text this module gives the reviewer, whole or as an arg, for translation.
TEMPLATES = (*MESSAGES.values(), *CONVERTIBLE.values(), *MAGIC_KINDS.values(), NUL_DATA, CONTROL_DATA,
             *SPECIAL_KINDS.values())


def _message(key: str, **args: str) -> str:
    return MESSAGES[key].format(**args)


def _describe_suffixes(suffixes) -> str:
    return ", ".join(sorted(suffixes))


def collect_files(
    paths: list[str | Path], suffixes=SUPPORTED_SUFFIXES
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Report files under `paths` (folders searched recursively, each folder's files sorted)
    and (path, message) for each path that yields none."""
    files: list[Path] = []
    errors: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        problem = _not_a_file_or_folder(path)
        if problem:
            errors.append((str(path), problem))
            continue
        if path.is_dir():
            found, problems = _files_in_folder(path, suffixes)
            errors.extend(problems)
            if not found and not problems:
                errors.append((str(path), _message("no_reports",
                                                   suffixes=_describe_suffixes(suffixes))))
        elif path.is_file():
            found = [path]
            if path.suffix.lower() not in suffixes:
                errors.append((str(path), CONVERTIBLE.get(path.suffix.lower()) or _unsupported(path, suffixes)))
                continue
        else:
            errors.append((str(path), _message("no_such_path")))
            continue
        for file in found:
            key = Path(os.path.realpath(file))  # never raises on a loop, unlike resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, errors


def _not_a_file_or_folder(path: Path) -> str | None:
    """Why `path` is neither a file nor a folder (a symlink loop, a FIFO, a device), or None."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return _message("symlink_loop")
        return None  # missing or unreadable: said where it is read
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return _message("special_file", kind=special_kind(mode))


def special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return SPECIAL_KINDS["fifo"]
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return SPECIAL_KINDS["device"]
    if stat.S_ISSOCK(mode):
        return SPECIAL_KINDS["socket"]
    return SPECIAL_KINDS["other"]


def _unsupported(path: Path, suffixes) -> str:
    if not path.suffix:
        return _message("unsupported_no_suffix", suffixes=_describe_suffixes(suffixes))
    return _message("unsupported", suffix=path.suffix, suffixes=_describe_suffixes(suffixes))


def _files_in_folder(folder: Path, suffixes) -> tuple[list[Path], list[tuple[str, str]]]:
    found: list[Path] = []
    problems: list[tuple[str, str]] = []

    def unreadable(error: OSError) -> None:
        problems.append((error.filename or str(folder),
                         _message("folder_unreadable", reason=str(error.strerror))))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(names):
            # Hidden files and Word's "~$name.docx" lock files are never reports.
            if name.startswith((".", "~$")):
                continue
            suffix = Path(name).suffix.lower()
            if suffix in suffixes:
                problem = _not_a_file_or_folder(Path(root) / name)
                if problem:
                    problems.append((str(Path(root) / name), problem))
                else:
                    found.append(Path(root) / name)
            elif suffix in CONVERTIBLE:  # likely a report the user expects: say why it is left out
                problems.append((str(Path(root) / name), CONVERTIBLE[suffix]))
    return found, problems


def read_report(path: str | Path) -> tuple[bytes, Decoded]:
    """The file's original bytes and its stored text; ReadError says what is wrong."""
    path = Path(path)
    problem = _not_a_file_or_folder(path)
    if problem:  # before opening: reading a FIFO would wait for ever
        raise ReadError(problem)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ReadError(_message("is_folder"))
        if size > MAX_FILE_BYTES:
            raise ReadError(_message("too_large", size=f"{size / 1024 / 1024:.1f}",
                                     limit=str(MAX_FILE_BYTES // 1024 // 1024)))
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(_message("no_such_file")) from None
    except OSError as error:
        raise ReadError(_message("unreadable", reason=str(error.strerror or error))) from None
    if not data:
        raise ReadError(_message("empty"))
    suffix = content_suffix(data, path.suffix.lower())
    if suffix not in (".docx", ".pdf", ".doc", ".wps"):
        kind = binary_kind(data)
        if kind:
            raise ReadError(_message("not_text", kind=kind))
    decoded = text_from_bytes(data, suffix)
    if len(decoded.text) > MAX_TEXT_CHARS:  # every format, as for the bytes of a .txt
        raise ReadError(_message("text_too_large", size=f"{len(decoded.text) / 1024 / 1024:.1f}",
                                 limit=str(MAX_TEXT_CHARS // 1024 // 1024)))
    if not decoded.text.strip():
        raise ReadError(_message("no_text"))
    return data, decoded


def content_suffix(data: bytes, suffix: str) -> str:
    """The suffix that says how to read these bytes: ".pdf" for a PDF, ".doc" for a Word
    binary file, ".docx" for a zip named as a Word file, else `suffix` as given."""
    if data.startswith(PDF_MAGIC) or (suffix == ".pdf" and PDF_MAGIC in data[:PDF_HEADER_WINDOW]):
        return ".pdf"
    if doc_convert.is_ole2(data):
        return ".doc"
    if suffix in (".doc", ".wps"):
        head = data[:2048].lstrip().lower()
        if data.startswith(b"PK\x03\x04"):
            return ".docx"
        if head.startswith(b"mime-version") or b"multipart/related" in head:
            return ".mht"
        if head.startswith(b"<!doctype html") or b"<html" in head:
            return ".html"
    return suffix


def binary_kind(data: bytes) -> str | None:
    """What non-text data this looks like, or None for text (UTF-16/32 included)."""
    for magic, kind in MAGIC_KINDS.items():
        if data.startswith(magic):
            return kind
    if sniff_unicode(data):
        return None  # UTF-16/32 text is full of NUL bytes
    sample = data[:BINARY_SAMPLE]
    if sample.count(b"\x00") > MAX_NUL_RATIO * len(sample):
        return NUL_DATA
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if controls > MAX_CONTROL_RATIO * len(sample):
        return CONTROL_DATA
    return None


def text_from_bytes(data: bytes, suffix: str, encoding: str | None = None) -> Decoded:
    """Stored text for a file's bytes by type (content_suffix): a PDF's text layer, .docx
    paragraphs (.doc and .wps converted to .docx first), web-page text, or plain text.

    `encoding` overrides detection (not used for .docx, which is always UTF-8 XML).
    Raises ReadError.
    """
    suffix = suffix.lower() if suffix.startswith(".") else "." + suffix.lower()
    suffix = content_suffix(data, suffix)
    try:
        if suffix == ".pdf":
            return _pdf(data)
        if suffix in (".doc", ".wps"):
            data = doc_convert.convert_to_docx(data, suffix)
            suffix = ".docx"
        if suffix == ".docx":
            return Decoded(normalise_text(docx_to_text(data)), "utf-8", 1.0)
        if suffix in (".html", ".htm"):
            return html_from_bytes(data, encoding)
        if suffix in (".mht", ".mhtml"):
            return html_from_bytes(archived_page(data), encoding)
        return decode_bytes(data, encoding)
    except DocxTooLarge:
        raise ReadError(_message("docx_too_large", limit=str(MAX_TEXT_CHARS // 1024 // 1024))) from None
    except NotADocx:
        raise ReadError(_message("not_docx")) from None
    except NotAWebArchive:
        raise ReadError(_message("not_web_archive")) from None
    except doc_convert.NoConverter:
        raise ReadError(_message("no_converter")) from None
    except doc_convert.ConversionTimedOut as error:
        raise ReadError(_message("convert_timeout", seconds=str(error))) from None
    except doc_convert.ConversionFailed as error:
        raise ReadError(_message("convert_failed", reason=str(error))) from None
    except ReadError:
        raise
    except DecodeError as error:
        raise ReadError(str(error)) from None


def _pdf(data: bytes) -> Decoded:
    from app.core.pdf_text import PdfError, pdf_text  # PDFium loads only when a PDF comes
    try:
        found = pdf_text(data)
    except PdfError as error:
        if error.kind == "damaged":
            raise ReadError(_message("pdf_damaged", reason=error.reason)) from None
        raise ReadError(_message("pdf_" + error.kind)) from None
    return Decoded(found.text, "utf-8", 1.0, warning=_message("pdf_garbled") if found.garbled else None,
                   page_starts=tuple(found.page_starts))
