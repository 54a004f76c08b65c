"""A synthetic corpus for the benchmark: the seeds' paragraphs recombined with other places,
years and numbers.

Each report has a title line 「<agency>关于<year>年法治政府建设情况的报告」, a preamble,
numbered sections (measures, the head's duty, problems, plans, other), a closing signature
and date. Files are a mix of UTF-8, GB18030, UTF-8 with BOM and CRLF, and HTML pages with
web chrome, as users collect them. The same seed gives the same corpus byte for byte.

    python tests/bench_corpus.py OUT_DIR --reports 1000 [--seed 0]
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
MANIFEST_NAME = "_manifest.json"  # not a report suffix: importers skip it
YEARS = range(2019, 2026)
WRITER_THREADS = 2
MAX_PENDING_WRITES = 256

PROVINCES = (
    "河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 山东省 河南省 "
    "湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 内蒙古自治区 "
    "广西壮族自治区 宁夏回族自治区 新疆维吾尔自治区 西藏自治区 北京市 天津市 上海市 重庆市"
).split()
CITIES = (
    "石家庄市 唐山市 保定市 太原市 大同市 沈阳市 大连市 长春市 哈尔滨市 南京市 苏州市 无锡市 "
    "徐州市 杭州市 宁波市 温州市 合肥市 芜湖市 福州市 厦门市 泉州市 南昌市 赣州市 济南市 青岛市 "
    "烟台市 郑州市 洛阳市 武汉市 宜昌市 长沙市 株洲市 广州市 深圳市 佛山市 东莞市 海口市 成都市 "
    "绵阳市 贵阳市 遵义市 昆明市 西安市 宝鸡市 兰州市 西宁市 银川市 乌鲁木齐市 呼和浩特市 "
    "南宁市 柳州市 拉萨市"
).split()
DISTRICTS = (
    "北京市朝阳区 北京市海淀区 上海市浦东新区 上海市徐汇区 天津市和平区 重庆市渝北区 重庆市江北区 "
    "重庆市沙坪坝区 广州市天河区 深圳市南山区 杭州市西湖区 南京市鼓楼区 武汉市洪山区 成都市武侯区 "
    "西安市雁塔区 长沙市岳麓区 济南市历下区 青岛市市南区 郑州市金水区 合肥市蜀山区 福州市鼓楼区 "
    "厦门市思明区 苏州市姑苏区 宁波市鄞州区 沈阳市和平区 大连市甘井子区 哈尔滨市南岗区 "
    "昆明市五华区 贵阳市南明区 南宁市青秀区 石家庄市长安区 太原市小店区"
).split()
COUNTIES = (
    "酉阳土家族苗族自治县 彭水苗族土家族自治县 秀山土家族苗族自治县 石柱土家族自治县 城口县 巫山县 "
    "奉节县 云阳县 丰都县 垫江县 忠县 安吉县 德清县 长兴县 桐庐县 淳安县 沛县 丰县 睢宁县 肥西县 "
    "长丰县 闽侯县 连江县 安溪县 惠安县 永春县 德化县 南昌县 进贤县 平阴县 商河县 中牟县 长沙县 "
    "博罗县 惠东县 金堂县 大邑县 蒲江县 息烽县 修文县 开阳县 宜良县 石林彝族自治县 嵩明县 蓝田县 "
    "周至县 榆中县 永登县 皋兰县"
).split()
AGENCY_SUFFIXES = {
    "province": ("卫生健康委员会", "司法厅", "市场监督管理局", "生态环境厅", "教育厅",
                 "人力资源和社会保障厅", "应急管理厅", "自然资源厅"),
    "city": ("卫生健康委员会", "司法局", "市场监督管理局", "生态环境局", "教育局",
             "人力资源和社会保障局", "应急管理局", "交通运输局"),
    "local": ("卫生健康委员会", "卫生健康局", "司法局", "市场监督管理局", "教育局",
              "人力资源和社会保障局", "应急管理局", "农业农村局"),
}
LEVEL_WEIGHTS = {"province": 10, "city": 25, "district": 30, "county": 35}
KIND_WEIGHTS = {"utf8": 50, "gb18030": 20, "utf8_bom_crlf": 15, "html_utf8": 10, "html_gb18030": 5}

# The seeds' own places and agencies, replaced by the generated ones (longest first).
SEED_AGENCIES = ("酉阳土家族苗族自治县卫生健康委员会", "重庆市渝北区卫生健康委员会",
                 "酉阳自治县卫生健康委员会", "泉州市卫生健康委员会")
SEED_PLACES = ("酉阳自治县", "酉阳县", "渝北区", "泉州市", "酉阳", "泉州")

LEVEL1 = re.compile(r"^\s*[一二三四五六七八九十]+、")
LEVEL2 = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")
SEED_YEAR = re.compile(r"关于(20\d\d)年")
# A year to shift with the report; not one end of a period like 2021—2025年.
YEAR_MENTION = re.compile(r"(?<![—\-－~～至\d])(20[12]\d)(?=年)(?![^\n]{0,1}[—\-－])")
# An Arabic number quantifying something: the figures the extractor should find.
FIGURE_NUMBER = re.compile(
    r"(?<![\d.第〔])(\d+(?:\.\d+)?)(?=\s*(?:万|亿)?(?:余|多)?"
    r"(?:人次|户次|家次|场次|批次|件次|次|项|件|家|人|份|个|名|场|期|条|户|元|%|％|起|批|篇|所|本))"
)
CHINESE_DIGITS = "一二三四五六七八九十"


@dataclass
class GeneratedReport:
    file_name: str
    kind: str
    title: str
    agency: str
    region: str
    level: str
    report_year: int
    publish_date: str
    n_bytes: int


@dataclass
class _Unit:
    """A level-2 block of a seed: its heading line (may carry body text) and paragraphs."""
    lines: list[str]
    seed_year: int


def _category(heading: str) -> str:
    if "其他需要报告" in heading:
        return "other"
    if "第一责任人" in heading or "主要负责人" in heading:
        return "responsibility"
    if "不足" in heading or "问题" in heading:
        return "problems"
    if any(word in heading for word in ("思路", "下一步", "打算", "安排", "计划")):
        return "plans"
    return "measures"


def load_pools(seeds_dir: Path = SEEDS_DIR) -> dict[str, list[_Unit]]:
    """Cut every seed into units by category; also 'preamble' paragraphs and 'heading' lines."""
    pools: dict[str, list[_Unit]] = {key: [] for key in
                                     ("preamble", "measures", "responsibility", "problems", "plans")}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = re.sub(r"\[bookmark: [^\]]*\]", "", path.read_text(encoding="utf-8-sig"))
        found = SEED_YEAR.search(text)
        seed_year = int(found.group(1)) if found else 2024
        category, heading, start_new = "preamble", None, True
        for line in (raw.strip() for raw in text.splitlines()):
            if not line or line.startswith("- ") or "关于" in line and line.endswith("报告"):
                continue
            if LEVEL1.match(line):
                category, start_new = _category(line), True
                # A specific heading ("聚焦政治统领…") becomes a level-2 heading in a new report.
                generic = "主要举措" in line or "工作开展情况" in line
                heading = LEVEL1.sub("(一)", line) if category == "measures" and not generic else None
                continue
            if "扫一扫" in line:
                continue  # page chrome in the middle of a seed
            if line.startswith("下一步"):  # a seed's unheaded closing paragraphs
                category, start_new = "plans", True
            elif "不足" in line[:60] and not LEVEL2.match(line):
                category, start_new = "problems", True
            if category == "other" or line.startswith(SEED_AGENCIES) or re.fullmatch(r"[\d年月日]+", line):
                continue
            if category == "preamble" and "报告" not in line:
                continue  # a signature or a stray heading line, not the preamble
            if LEVEL2.match(line) or start_new or category == "preamble":
                lines = [heading, line] if heading and not LEVEL2.match(line) else [line]
                pools[category].append(_Unit(lines, seed_year))
            else:
                pools[category][-1].lines.append(line)
            heading, start_new = None, False
    return pools


def _choose_place(rng: random.Random) -> tuple[str, str, str]:
    """(agency, region, level) for a real place and a plausible agency of it."""
    level = rng.choices(list(LEVEL_WEIGHTS), weights=list(LEVEL_WEIGHTS.values()))[0]
    region = rng.choice({"province": PROVINCES, "city": CITIES,
                         "district": DISTRICTS, "county": COUNTIES}[level])
    suffixes = AGENCY_SUFFIXES.get(level, AGENCY_SUFFIXES["local"])
    return region + rng.choice(suffixes), region, level


def _short_place(region: str) -> str:
    """The place as a report body mentions it: 杭州市西湖区 -> 西湖区."""
    parts = re.findall(r".+?(?:自治区|省|市|新区|区|自治县|县)", region)
    return parts[-1] if parts else region


def _new_number(raw: str, rng: random.Random, percent: bool) -> str:
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    value = float(raw)
    if percent and value <= 100:
        new = 100.0 if value == 100 and rng.random() < 0.5 else rng.uniform(max(0.0, value - 15), min(100.0, value + 5))
    else:
        new = rng.uniform(max(1.0, value * 0.5), max(2.0, value * 1.8))
    return f"{new:.{decimals}f}" if decimals else str(max(1, round(new)))


def _rename(text: str, *, agency: str, place: str, abbr: str) -> str:
    for name in SEED_AGENCIES:
        text = text.replace(name, agency)
    for name in SEED_PLACES:
        text = text.replace(name, place)
    return text.replace("我委", "我" + abbr)


@lru_cache(maxsize=None)
def _template(line: str) -> tuple:
    """A seed line cut at its years and figure numbers: literal text, ("year", mentioned, raw)
    and ("figure", raw, is_percent), so each report rewrites it without running the regexes.
    Names have no digits, so renaming the literals apart gives what renaming the line did."""
    tokens = [(m.start(), m.end(), ("year", int(m.group(1)), m.group(1))) for m in YEAR_MENTION.finditer(line)]
    for m in FIGURE_NUMBER.finditer(line):
        after = line[m.end():m.end() + 3].lstrip()
        tokens.append((m.start(), m.end(), ("figure", m.group(1), after[:1] in "%％")))
    parts, position = [], 0
    for start, end, token in sorted(tokens):
        assert start >= position, line  # a year is never a figure (it is followed by 年)
        parts += [_literal(line[position:start]), token]
        position = end
    return (*parts, _literal(line[position:]))


def _literal(text: str):
    """Text as is, or ("name", text) when it holds a seed's name to replace (each has one of
    酉 渝 泉; 我委 too): most literals need none of _rename's ten replace calls."""
    return ("name", text) if any(char in text for char in "酉渝泉") or "我委" in text else text


def _rewrite(line: str, rng: random.Random, *, agency: str, place: str, abbr: str,
             year: int, seed_year: int) -> str:
    """The seed line in another report: its agency and place renamed, years shifted by the
    report's year (a year within one of the seed's own), figures given new numbers."""
    out = []
    for part in _template(line):
        if isinstance(part, str):
            out.append(part)
        elif part[0] == "name":
            out.append(_rename(part[1], agency=agency, place=place, abbr=abbr))
        elif part[0] == "year":
            mentioned = part[1]
            out.append(str(mentioned + year - seed_year) if abs(mentioned - seed_year) <= 1 else part[2])
        else:
            out.append(_new_number(part[1], rng, percent=part[2]))
    return "".join(out)


def _numbered(index: int, level: int, full_width: bool) -> str:
    numeral = CHINESE_DIGITS[index] if index < 10 else "十" + CHINESE_DIGITS[index - 10]
    if level == 1:
        return numeral + "、"
    return f"（{numeral}）" if full_width else f"({numeral})"


def build_report(pools: dict[str, list[_Unit]], rng: random.Random) -> tuple[list[str], dict]:
    """The report's lines and its metadata as generated."""
    agency, region, level = _choose_place(rng)
    year = rng.choice(YEARS)
    abbr = "委" if agency.endswith("委员会") else agency[-1]
    place = _short_place(region)
    published = (year + 1, rng.randint(1, 3), rng.randint(1, 28))
    full_width = rng.random() < 0.5
    title = f"{agency}关于{year}年法治政府建设情况的报告"
    lines = [title]

    def emit(unit: _Unit, heading_number: str | None) -> None:
        for position, raw in enumerate(unit.lines):
            text = _rewrite(raw, rng, agency=agency, place=place, abbr=abbr,
                            year=year, seed_year=unit.seed_year)
            if position == 0 and heading_number is not None:
                text = heading_number + LEVEL2.sub("", text).lstrip()
            lines.append(text)

    emit(rng.choice(pools["preamble"]), None)
    headings = (
        ("measures", rng.choice((f"{year}年推进法治政府建设的主要举措和成效", "工作开展情况",
                                  "推进法治政府建设的主要举措和成效"))),
        ("responsibility", f"{year}年党政主要负责人履行推进法治建设第一责任人职责情况"),
        ("problems", rng.choice(("存在的主要问题", f"{year}年推进法治政府建设存在的不足和原因"))),
        ("plans", rng.choice((f"{year + 1}年推进法治政府建设的主要安排", "下一步工作思路"))),
    )
    for number, (category, heading) in enumerate(headings):
        lines.append(_numbered(number, 1, full_width) + heading)
        pool = pools[category]
        count = 1 if category == "responsibility" else rng.randint(2, min(6, len(pool)))
        subsections = 0
        for unit in rng.sample(pool, count):
            if category != "responsibility" and LEVEL2.match(unit.lines[0]):
                emit(unit, _numbered(subsections, 2, full_width))
                subsections += 1
            else:
                emit(unit, None)
    lines += [_numbered(len(headings), 1, full_width) + "其他需要报告的情况", "无",
              agency, f"{published[0]}年{published[1]}月{published[2]}日"]
    meta = {"title": title, "agency": agency, "region": region, "level": level,
            "report_year": year, "publish_date": "%04d-%02d-%02d" % published}
    return lines, meta


def _html_page(lines: list[str], charset: str) -> str:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    title = html.escape(lines[0])
    return (
        f'<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" '
        f'content="text/html; charset={charset}"><title>{title}</title></head>\n<body>\n'
        '<div class="crumb">您现在的位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>\n'
        f'<div class="article"><h1>{title}</h1>\n{body}\n</div>\n'
        '<div class="tools">【字体：大 中 小】 打印 关闭</div>\n</body></html>\n'
    )


def encode_report(lines: list[str], kind: str) -> bytes:
    if kind == "utf8":
        return ("\n".join(lines) + "\n").encode("utf-8")
    if kind == "gb18030":
        return ("\n".join(lines) + "\n").encode("gb18030")
    if kind == "utf8_bom_crlf":
        return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")
    if kind == "html_utf8":
        return _html_page(lines, "utf-8").encode("utf-8")
    return _html_page(lines, "gb18030").encode("gb18030")


def generate_corpus(out_dir: Path, n: int, seed: int = 0,
                    seeds_dir: Path = SEEDS_DIR) -> list[GeneratedReport]:
    """Write n distinct reports (and a manifest) into out_dir; the same seed gives the same files."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    pools = load_pools(seeds_dir)
    rng = random.Random(seed)
    seen: set[bytes] = set()  # digests, not the files: the caller's memory stays small
    reports: list[GeneratedReport] = []
    with ThreadPoolExecutor(WRITER_THREADS) as writers:  # the disk's waits overlap the generating
        pending: deque = deque()
        while len(reports) < n:
            data, report = _next_report(pools, rng, seen, len(reports))
            pending.append(writers.submit((out_dir / report.file_name).write_bytes, data))
            reports.append(report)
            if len(pending) > MAX_PENDING_WRITES:  # a bounded queue: memory stays small
                pending.popleft().result()
        for write in pending:
            write.result()  # a failed write raises here
    manifest = [vars(report) for report in reports]  # flat dataclasses: no deep copy as asdict makes
    (out_dir / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=0), encoding="utf-8")
    return reports


def _next_report(pools, rng: random.Random, seen: set[bytes], index: int) -> tuple[bytes, GeneratedReport]:
    """The next report whose bytes differ from every one before (an identical file would be
    skipped as a duplicate on import)."""
    while True:
        lines, meta = build_report(pools, rng)
        kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
        data = encode_report(lines, kind)
        digest = hashlib.sha256(data).digest()
        if digest in seen:
            continue
        seen.add(digest)
        suffix = "html" if kind.startswith("html") else "txt"
        file_name = f"{index:05d}_{meta['agency']}_{meta['report_year']}.{suffix}"
        return data, GeneratedReport(file_name=file_name, kind=kind, n_bytes=len(data), **meta)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    reports = generate_corpus(args.out_dir, args.reports, args.seed)
    print(f"{len(reports)} reports, {sum(r.n_bytes for r in reports) / 1e6:.1f} MB in {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
