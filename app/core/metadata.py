"""Report metadata (CODEBOOK §2): title, issuing body, place, level, year, date, kind.

Evidence is read in order of trust: the title line, the web page's index rows (发布机构,
公文生成日期), the signature at the end, then the body (years cited in headings and openings).
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

from app.core.model import Metadata, Section
from app.core.regions import (
    CLAUSE_START, LEVEL_WORDS, Mentions, Place, agency_name, find_place, placeless_level, without_typo,
)
from app.core.sections import (
    CITED_YEAR, QUOTED, SPACE, is_chrome, is_date_line, is_signature_line, signature_date,
    chinese_number, index_rows, year_number,
)

DATE = re.compile(
    r"((?:19|20)\d\d|[〇○零Ｏ0O一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日"
    r"|((?:19|20)\d\d)[-./](\d{1,2})[-./](\d{1,2})"
)
TITLE_WORDS = re.compile(r"报告|述法|法治政府建设.{0,12}(?:情况|工作|总结)$")
# A sentence or paragraph that opens with its year: "2024年，…", "2024年以来，…".
OPENING = re.compile(r"(?:^|[。\n])\s*(?:(?:19|20)\d\d|[一二][〇○零一二三四五六七八九]{3})\s*年(?:度)?(?:以来|来|全年|上半年)?[，,]")
# The months of one year from January: 2023年1月至12月, 2023年1-11月, 2023年1月1日至12月31日.
WORK_PERIOD = re.compile(
    r"((?:19|20)\d\d|[一二][〇○零一二三四五六七八九]{3})\s*年\s*(?:1|一)\s*(?:月\s*(?:(?:1|一)\s*日)?)?\s*"
    r"[至到\-—–~～]\s*(?:\1\s*年\s*)?(?:[0-9]{1,2}|十[一二]?|[二三四五六七八九])\s*月"
)
LAST_MONTH_OF_REPORTING_SEASON = 6  # reports on a year are due by April; late ones follow by June
TITLE_LEAD = re.compile(r"^(?:关于|(?:19|20)\d\d\s*年|[一二][〇○零一二三四五六七八九]{3}年)")
AGENCY_CUT = re.compile(r"关于|(?:19|20)\d\d\s*年度?|[一二][〇○零一二三四五六七八九]{3}年度?|法治|依法|述法|年度")
TITLE_HEAD_CUT = re.compile(r"关于|(?:19|20)\d\d\s*年|[一二][〇○零一二三四五六七八九]{3}年")
AGENCY_ROWS = ("发布机构", "发文机关", "发布单位", "发文单位")
SOURCE_ROWS = ("来源", "信息来源", "文章来源", "来源单位")
DATE_ROWS = ("成文日期", "公文生成日期", "生成日期", "印发日期", "发布日期", "发文日期", "发布时间", "日期", "时间")
TITLE_ROWS = ("标题", "名称", "文件名称")
TITLE_MAX = 100
OPENING_SCAN = 200
OPENING_CHUNKS = re.compile(r"[，,。；;、：:\s]|(?:19|20)\d\d\s*年度?")
# After the place: the body's own words, then its kind (某某局, 某某委员会, 人民政府).
OPENING_AGENCY = re.compile(r"人民政府|政府|[\u4e00-\u9fff]{2,14}?(?:委员会|局|厅|办公室|委|中心)")
TITLE_START = re.compile(r"关于|法治|述法")  # the first half of a title broken over two lines
PARAGRAPH_PUNCT = re.compile(r"[。；：:，！？]")  # titles have none of these; a paragraph does
SITE_NAME_CUT = re.compile(r"\s*[_|｜]\s*|\s+[-—–]+\s+")
NAV_SPLIT = re.compile(r"[\s|｜丨/>＞»›·]+")
NAV_MIN_ITEMS, NAV_ITEM_CHARS = 3, 8
NAV_WORD = re.compile("首页|网站|导航|政务公开|信息公开|机构|互动|办事|专题|栏目")
# A line of the opening paragraph that lost its punctuation: 现将…报告如下, or a clause (围绕…)
CLAUSE_LINE = re.compile("如下$|^现将|^(?:围绕|落实|贯彻|按照|根据|坚持|深入|全面|认真)")
CRUMB_STEP = re.compile(r"\s*[>＞»›]\s*")
COLUMN_LABEL = re.compile(r"^[【\[][^】\]\n]{1,20}[】\]]")
SPACE_INSIDE = re.compile(r"\S\s+\S")  # 国家卫健委 省卫健委 市政府: a row of portal links
CHROME_MARK = re.compile(r"[|｜>＞»›/]|网站|门户|首页|导航|栏目")
STAMP = re.compile(r"[（(]\s*(?:盖章|印章|公章)\s*[）)]")  # 某局（盖章）: where the seal goes


def extract_metadata(text: str, sections: list[Section]) -> Metadata:
    """Metadata from the text and its outline (from app.core.sections.find_sections)."""
    top_lines = _top_lines(text, sections)
    rows = _rows(text, sections)
    signature = [s for s in sections if s.category == "closing"]
    signature_lines = _lines_of(text, signature[0]) if signature else []

    title = _title(top_lines) or _row(rows, TITLE_ROWS) or _crumb_title(text, sections)
    mentions = Mentions(text)
    agency = _agency(title, rows, signature_lines, top_lines)
    agency, place = _place(agency, text, mentions)
    if place.region is None and place.level is None:
        for other in (title, _row(rows, AGENCY_ROWS), *signature_lines):
            place = find_place(other, mentions)
            if place.region:
                break
    publish_date = _signed_date(signature_lines) or _row_date(rows) or _early_date(top_lines)
    return Metadata(
        title=title,
        agency=agency,
        region=place.region,
        level=place.level,
        **place.fields(),
        report_year=_report_year(text, title, sections, publish_date),
        publish_date=publish_date,
        doc_type=_doc_type(title, top_lines),
    )


def _lines_of(text: str, section: Section) -> list[str]:
    return [ln.strip(SPACE) for ln in text[section.start:section.end].split("\n") if ln.strip(SPACE)]


def _top_lines(text: str, sections: list[Section]) -> list[str]:
    """Non-chrome lines before the first heading (the title block and the opening paragraph);
    "" where web-page chrome stood between them."""
    lines = []
    for section in sections:
        if section.category == "boilerplate":
            if lines and lines[-1]:
                lines.append("")  # a site's banner and the title, apart: never one title
            continue
        if section.category != "preamble":
            break
        lines += [ln for ln in map(_without_label, _lines_of(text, section)) if ln and not is_chrome(ln)]
    return lines


def _without_label(line: str) -> str:
    """The line without a web page's column label (【法治政府建设】) in front of the title."""
    return COLUMN_LABEL.sub("", line).strip(SPACE)


def _rows(text: str, sections: list[Section]) -> dict[str, str]:
    """Key → value of the web page's index rows (索引号, 发布机构, 公文生成日期…)."""
    chrome = [s for s in sections if s.category == "boilerplate"]
    return index_rows([line for s in chrome for line in _lines_of(text, s)])


def _row(rows: dict[str, str], keys: tuple) -> str | None:
    return next((rows[k] for k in keys if rows.get(k)), None)


def _title(top_lines: list[str]) -> str | None:
    """The title line; a title broken after the agency name is joined back without a space.
    A site's banner and navigation above it are passed over; no title line gives None."""
    # a navigation row stays in place as "" so the lines around it are not joined as one title
    lines = ["" if _is_navigation(ln) else ln for ln in top_lines]
    for i, line in enumerate(lines):
        if not line:
            continue
        if len(line) > TITLE_MAX or PARAGRAPH_PUNCT.search(line) or CLAUSE_LINE.search(line):
            return None  # the opening paragraph has begun: there is no title line
        line = _without_site_name(line)
        if TITLE_WORDS.search(line):
            before = lines[i - 1] if i else ""
            if before and TITLE_LEAD.match(line) and _names_a_body(before):
                return before + line
            return line
        after = lines[i + 1] if i + 1 < len(lines) else ""
        if after and len(line + after) <= TITLE_MAX and after.endswith("报告") \
                and TITLE_START.search(line) and not parse_date(line) and not TITLE_LEAD.match(after):
            return line + after
    return None


def _without_site_name(line: str) -> str:
    """A page title without the site's name after it (某局…报告_某县人民政府, …报告 - 某某网)."""
    head = SITE_NAME_CUT.split(line, maxsplit=1)[0].strip(SPACE)
    return head if head != line and TITLE_WORDS.search(head) else line


def _is_navigation(line: str) -> bool:
    """A row of site links or column names (首页 机构概况 政务公开 法治政府建设年度报告)."""
    parts = [p for p in NAV_SPLIT.split(line) if p]
    if len(parts) < NAV_MIN_ITEMS or (len(parts) == NAV_MIN_ITEMS and not NAV_WORD.search(line)):
        return False  # 2023年 法治政府建设 年度报告 is a title with spaces
    return sum(len(p) <= NAV_ITEM_CHARS for p in parts) >= len(parts) - 1


def _crumb_title(text: str, sections: list[Section]) -> str | None:
    """The last step of a breadcrumb (首页 > 政务公开 > 某局…报告), for a page that shows its
    title nowhere else."""
    for section in sections:
        if section.category not in ("boilerplate", "preamble"):
            break
        for line in _lines_of(text, section):
            last = CRUMB_STEP.split(line)[-1].strip(SPACE)
            if last != line and TITLE_WORDS.search(last) and len(last) <= TITLE_MAX \
                    and not PARAGRAPH_PUNCT.search(last) and (CITED_YEAR.search(last) or find_place(last).region):
                return last  # a column's name (法治政府建设年度报告) is no report's title
    return None


def _names_a_body(line: str) -> bool:
    """The first half of a split title: a body, or a body and the head who reports
    (某委员会党委书记、主任王五 / 2023年度述法报告)."""
    return is_signature_line(line) or (agency_name(line) is not None and not PARAGRAPH_PUNCT.search(line))


def _place(agency: str | None, text: str, mentions: Mentions) -> tuple[str | None, Place]:
    """(agency, its place). An agency written without its place (县卫生健康局, 市卫健委) takes the
    place of that kind the text names most (德清县, 法治德清), and the level of its word."""
    word = placeless_level(agency)
    if not word:
        return (without_typo(agency) if agency else None), find_place(agency, mentions)
    division = mentions.most_named(word)
    if division is None:
        return agency, Place(level=LEVEL_WORDS[word])
    return _full_agency(agency[1:], division.name, text), Place(division.name, division.level, division)


def division_fields(region: str | None, agency: str | None, text: str) -> dict:
    """province, city, county, division_code of a stored report (region as the reviewer left it)."""
    mentions = Mentions(text)
    for name in (region, agency):
        place = find_place(name, mentions)
        if place.region:
            return place.fields()
    return _place(agency, text, mentions)[1].fields()


def _full_agency(body: str, place: str, text: str) -> str:
    """The agency's full name where the text writes it (长春市卫生健康委员会 for 市卫健委), else the
    place and the body as written."""
    for found in re.finditer(f"{re.escape(place)}(?:{OPENING_AGENCY.pattern})", text):
        named = found.group()[len(place):]
        if named == body or _abbreviates(body, named):
            return found.group()
    return place + body


def _abbreviates(short: str, name: str) -> bool:
    """卫健委 for 卫生健康委员会, 市场监管局 for 市场监督管理局: same start, same kind, the rest in order."""
    if not name or short[0] != name[0] or short[-1] not in name[-3:]:
        return False
    rest = iter(name)
    return all(char in rest for char in short)


def _is_agency(name: str | None) -> bool:
    """A body named from its place or its level word, not a clause (围绕…) or a row of links."""
    if not name or SPACE_INSIDE.search(name) or CHROME_MARK.search(name):
        return False
    if find_place(name).region:  # a real place first: 和林格尔县 starts with 和 and is no clause
        return True
    bare = name[2:] if name.startswith("中共") else name
    return not CLAUSE_START.match(bare) and bool(placeless_level(name))


def _agency(title, rows, signature_lines, top_lines) -> str | None:
    named, place = _agency_in_title(title) if title else (None, None)
    if named and _is_agency(named):
        return named
    candidates = [_row(rows, AGENCY_ROWS)]
    signed = [agency_name(STAMP.sub("", ln.rpartition(" ")[0] if signature_date(ln) else ln)) for ln in signature_lines]
    # A party group signing beside its agency (中共某局党组 / 某局): the agency is the report's body.
    candidates += sorted(signed, key=lambda name: bool(name and name.startswith("中共")))
    candidates += [agency_name(ln) for ln in _below_banner(top_lines, title)[:3] if len(ln) <= 40]
    candidates += [_agency_in_opening(top_lines), _row(rows, SOURCE_ROWS)]
    found = [c for c in candidates if c and agency_name(c) and _is_agency(c)]
    if place:  # the title names only a place (某区2024年法治政府建设…): prefer a body there
        # 县卫生健康局 signing under 德清县…报告 is 德清县卫生健康局
        found = [place + c[1:] if placeless_level(c) == place[-1] else c for c in found]
        return next((c for c in found if place in c), place)
    return found[0] if found else None


def _below_banner(top_lines: list[str], title: str | None) -> list[str]:
    """The top lines from the title on: a site's banner above it (某市人民政府 over a department's
    report) names the site, not the report's body. Without a title, lines just above a row of
    navigation are the banner."""
    if title:
        start = next((i for i, ln in enumerate(top_lines) if ln and title.startswith(ln)), None)
        if start is not None:
            return top_lines[start:]
    return [ln for i, ln in enumerate(top_lines)
            if not _is_navigation(ln) and not any(map(_is_navigation, top_lines[i + 1:i + 3]))]


def _agency_in_title(title: str) -> tuple[str | None, str | None]:
    """(agency, place) named in the title's words around 关于 / the year / 法治…."""
    # The words before 关于 or the year first, whole: 依法治县委员会办公室 has 依法 in its name.
    named = agency_name(TITLE_HEAD_CUT.split(title, maxsplit=1)[0].strip(SPACE + "、，,"))
    if named:
        return named, None
    place = None
    for part in AGENCY_CUT.split(title):
        part = part.strip(SPACE + "、，,")
        named = agency_name(part)
        if named:
            return named, None
        region = find_place(part).region
        if place is None and region and region == part:
            place = region
    return None, place


def _agency_in_opening(top_lines: list[str]) -> str | None:
    """A body named as the subject of the opening paragraph: "2023年，北京市大兴区司法局在…"."""
    opening = next((ln for ln in top_lines if PARAGRAPH_PUNCT.search(ln)), "")
    for chunk in OPENING_CHUNKS.split(opening[:OPENING_SCAN]):
        region = find_place(chunk).region
        if region and len(region) >= 3 and chunk.startswith(region):
            named = OPENING_AGENCY.match(chunk, len(region))
            if named:
                return chunk[: named.end()]
        # 市卫健委按照…: a department written without its place ("区政府坚持…" names no department)
        named = OPENING_AGENCY.match(chunk, 1) if chunk[:1] in LEVEL_WORDS else None
        if named and "政府" not in named.group() and placeless_level(chunk[: named.end()]):
            return chunk[: named.end()]
    return None


def _to_int(numeral: str) -> int:
    """2024, 二〇二四 (years) or 3, 十二, 二十五 (months and days)."""
    return year_number(numeral) if len(numeral) == 4 else chinese_number(numeral)


def parse_date(text: str) -> str | None:
    """The first valid date in the text as ISO yyyy-mm-dd (2025年3月25日, 二〇二五年三月二十五日, 2025-03-25)."""
    for found in DATE.finditer(text):
        parts = found.groups()[:3] if found.group(1) else found.groups()[3:]
        try:
            return date(*(_to_int(p) for p in parts)).isoformat()
        except ValueError:
            continue
    return None


def _signed_date(signature_lines: list[str]) -> str | None:
    dated = [parse_date(signature_date(ln) or "") for ln in signature_lines]
    return next((d for d in reversed(dated) if d), None)


def _row_date(rows: dict[str, str]) -> str | None:
    for key in DATE_ROWS:
        if rows.get(key) and parse_date(rows[key]):
            return parse_date(rows[key])
    return None


def _early_date(top_lines: list[str]) -> str | None:
    """A date on its own line under the title (（2025年3月25日）)."""
    return next((parse_date(ln) for ln in top_lines[:4] if is_date_line(ln)), None)


def _report_year(text, title, sections, publish_date) -> int | None:
    """The year reported on: the title's, else a work period from January (2023年1月至12月), else
    the year the body's headings, then its openings (2024年，…), then its sentences cite most,
    leaving out plans and years after publication. With no year in the text, the publication
    season decides: annual reports come out in the first half of the year after."""
    if title:
        found = CITED_YEAR.search(QUOTED.sub("", title)) or CITED_YEAR.search(title) or WORK_PERIOD.search(title)
        if found:
            return _to_int(found.group(1))
    published = int(publish_date[:4]) if publish_date else None
    parts = [s for s in sections if s.category in ("measures", "responsibility", "problems", "other", "preamble")]
    headings = " ".join(s.title for s in parts if s.category != "preamble")
    spans = [QUOTED.sub("", text[s.start:s.end]) for s in parts]
    period = next((m for span in spans for m in WORK_PERIOD.finditer(span)), None)
    if period and (published is None or _to_int(period.group(1)) <= published):
        return _to_int(period.group(1))
    openings = " ".join(m.group() for span in spans for m in OPENING.finditer(span))
    for source in (headings, openings, " ".join(spans)):
        counts = Counter(_to_int(m.group(1)) for m in CITED_YEAR.finditer(source))
        years = [(n, y) for y, n in counts.items() if published is None or y <= published]
        if years:
            return max(years)[1]
    if published and int(publish_date[5:7]) <= LAST_MONTH_OF_REPORTING_SEASON:
        return published - 1
    return published


def _doc_type(title: str | None, top_lines: list[str]) -> str:
    evidence = title or " ".join(top_lines[:2])
    return "accountability_report" if "述法" in evidence else "situation_report"
