"""Small PDFs written by hand for the PDF tests: text laid out in lines and pages as a word
processor would, a scan-like page, an encrypted and a damaged file.

Chinese text uses Adobe's STSong-Light with the UniGB-UCS2-H CMap, a font every PDF reader
knows without embedding it (PDFium maps its codes back to Unicode from built-in tables), so
the files are a few kB, need no font on the machine and come out the same every time.
Characters outside the Basic Multilingual Plane cannot be written this way; the seeds hold none.
"""
from __future__ import annotations

import re
import zlib

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 72, 80, 80
FONT_SIZE = 12
LINE_HEIGHT = 20
LINE_EMS = 36  # width of a body line in ems: full-width characters count 1, ASCII 1/2


def _width(char: str) -> float:
    return 0.5 if ord(char) < 0x80 else 1.0


def wrap(paragraph: str, ems: float = LINE_EMS) -> list[str]:
    """A paragraph broken into lines of at most `ems`, as a word processor wraps Chinese:
    between any two characters, except inside a run of Latin letters and digits."""
    words = re.findall(r"[A-Za-z0-9.%]+|.", paragraph)
    lines, line, used = [], "", 0.0
    for word in words:
        width = sum(_width(char) for char in word)
        if used + width > ems and line:
            lines.append(line)
            line, used = "", 0.0
        line += word
        used += width
    if line or not lines:
        lines.append(line)
    return lines


def layout(text: str, header: str | None = None, footer: str | None = None,
           lines_per_page: int | None = None, indent: bool = False) -> list[list[tuple[float, float, str]]]:
    """Pages of (x, y, text) lines: each line of `text` a paragraph, wrapped (its first line
    indented by two characters with `indent`, as Chinese documents are); `header` and
    `footer` (with {page} and {pages} filled in) drawn in the margins of every page."""
    per_page = lines_per_page or int((PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) // LINE_HEIGHT)
    body = []  # (x, text)
    for paragraph in (p.strip() for p in text.split("\n")):
        if not paragraph:
            continue
        first = wrap(paragraph, LINE_EMS - 2)[0] if indent else ""
        if first:
            body.append((MARGIN_X + 2 * FONT_SIZE, first))
        body.extend((MARGIN_X, line) for line in wrap(paragraph[len(first):]) if line)
    chunks = [body[i:i + per_page] for i in range(0, len(body), per_page)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        top = PAGE_HEIGHT - MARGIN_TOP
        page = [(x, top - i * LINE_HEIGHT, line) for i, (x, line) in enumerate(chunk)]
        fill = {"page": number, "pages": len(chunks)}
        if header:
            page.append((MARGIN_X, PAGE_HEIGHT - 40, header.format(**fill)))
        if footer:
            words = footer.format(**fill)
            x = (PAGE_WIDTH - sum(_width(c) for c in words) * FONT_SIZE) / 2
            page.append((x, 40, words))
        pages.append(page)
    return pages


def _hex_ucs2(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _text_stream(lines: list[tuple], codes=_hex_ucs2) -> bytes:
    """Lines as (x, y, text) or (x, y, text, font size)."""
    ops = [f"BT /F1 {line[3] if len(line) > 3 else FONT_SIZE} Tf {line[0]:.2f} {line[1]:.2f} Td"
           f" <{codes(line[2])}> Tj ET" for line in lines]
    return "\n".join(ops).encode("ascii")


def centred(text: str, y: float, size: float) -> tuple[float, float, str, float]:
    """A line centred between the margins, in `size` points."""
    width = sum(_width(char) for char in text) * size
    return (MARGIN_X + (LINE_EMS * FONT_SIZE - width) / 2, y, text, size)


def build_pdf(pages: list[bytes], font: str = "song", encrypt: bool = False,
              trailer_extra: str = "") -> bytes:
    """A PDF whose pages have the given content streams. `font`: "song" (STSong-Light,
    UniGB-UCS2-H) or "identity" (an Identity-H font with no ToUnicode map: codes that
    mean nothing to a reader). `encrypt` adds a standard security handler whose user
    password is not empty, so the file cannot be opened without it."""
    objects: dict[int, bytes] = {}
    n_pages = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    font_id = 3 + 2 * n_pages
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode()
    for i, content in enumerate(pages):
        page_id, content_id = 3 + 2 * i, 4 + 2 * i
        objects[page_id] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}]"
                            f" /Resources << /Font << /F1 {font_id} 0 R >> >>"
                            f" /Contents {content_id} 0 R >>").encode()
        packed = zlib.compress(content)
        objects[content_id] = (f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
                               + packed + b"\nendstream")
    encoding, ordering, name = (("UniGB-UCS2-H", "GB1", "STSong-Light") if font == "song"
                                else ("Identity-H", "Identity", "NoSuchFont"))
    objects[font_id] = (f"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /{encoding}"
                        f" /DescendantFonts [{font_id + 1} 0 R] >>").encode()
    objects[font_id + 1] = (f"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /{name}"
                            f" /CIDSystemInfo << /Registry (Adobe) /Ordering ({ordering}) /Supplement 2 >>"
                            f" /FontDescriptor {font_id + 2} 0 R /DW 1000 /W [1 95 500] >>").encode()
    objects[font_id + 2] = (f"<< /Type /FontDescriptor /FontName /{name} /Flags 6"
                            " /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120"
                            " /CapHeight 700 /StemV 80 >>").encode()
    trailer = f"/Size {font_id + 3 + encrypt} /Root 1 0 R {trailer_extra}"
    if encrypt:
        # RC4 40-bit handler; /U matches no password, the empty one included.
        objects[font_id + 3] = (b"<< /Filter /Standard /V 1 /R 2 /P -44"
                                b" /O <" + b"41" * 32 + b"> /U <" + b"42" * 32 + b"> >>")
        trailer += f" /Encrypt {font_id + 3} 0 R /ID [<{'00' * 16}> <{'00' * 16}>]"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for number in sorted(objects):
        out += f"{offsets[number]:010d} 00000 n \n".encode()
    out += f"trailer\n<< {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_pdf(text: str, header: str | None = None, footer: str | None = None,
             lines_per_page: int | None = None, indent: bool = False) -> bytes:
    """`text` (one paragraph a line) as a text PDF, optionally with running header and footer."""
    return build_pdf([_text_stream(page)
                      for page in layout(text, header, footer, lines_per_page, indent)])


def garbled_pdf(text: str) -> bytes:
    """The text drawn with codes that map to no characters a reader knows (as broken
    embedded fonts do): PDFium reads code points from the private-use area and beyond."""
    def private(words: str) -> str:
        return "".join(f"{0xE000 + (ord(c) % 0x1000):04X}" for c in words)
    return build_pdf([_text_stream(page, private) for page in layout(text)], font="identity")


def scan_pdf(n_pages: int = 1) -> bytes:
    """Pages that only paint (a grey rectangle where a scanned page image would be)."""
    return build_pdf([b"0.8 g 50 50 495 742 re f"] * n_pages)


def encrypted_pdf(text: str) -> bytes:
    return build_pdf([_text_stream(page) for page in layout(text)], encrypt=True)


def damaged_pdf(text: str) -> bytes:
    """A text PDF cut off after its first few hundred bytes, as an interrupted download is."""
    return text_pdf(text)[:400]
