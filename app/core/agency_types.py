"""The kind of body an agency is, from the words its name ends with (卫生健康委员会, 司法局, 人民政府…).

Charts group reports by it: all health commissions together, whatever their place. The
longest matching suffix wins, so 市场监督管理局 is market regulation, not just any 局.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

# (code, Chinese name, English name, name endings); codes are what the store and charts keep
AGENCY_TYPES = (
    ("government", "人民政府", "People's government", ("人民政府", "政府", "街道办事处", "管理委员会")),
    ("justice", "司法行政", "Justice bureau", ("司法局", "司法厅")),
    ("health", "卫生健康", "Health commission", ("卫生健康委员会", "卫生健康委", "卫健委", "卫生健康局")),
    ("market_regulation", "市场监管", "Market regulation", ("市场监督管理局", "市场监管局")),
    ("public_security", "公安", "Public security", ("公安局", "公安厅")),
    ("environment", "生态环境", "Ecology and environment", ("生态环境局", "生态环境厅")),
    ("emergency", "应急管理", "Emergency management", ("应急管理局", "应急管理厅")),
    ("education", "教育", "Education", ("教育局", "教育厅", "教育委员会", "教委")),
    ("human_resources", "人力社保", "Human resources and social security",
     ("人力资源和社会保障局", "人力资源和社会保障厅", "人社局")),
    ("natural_resources", "自然资源", "Natural resources", ("自然资源局", "自然资源厅", "自然资源和规划局")),
    ("housing", "住房城建", "Housing and construction", ("住房和城乡建设局", "住房和城乡建设厅", "住建局")),
    ("transport", "交通运输", "Transport", ("交通运输局", "交通运输厅", "交通局")),
    ("agriculture", "农业农村", "Agriculture", ("农业农村局", "农业农村厅", "农业局")),
    ("water", "水利", "Water resources", ("水利局", "水利厅", "水务局")),
    ("civil_affairs", "民政", "Civil affairs", ("民政局", "民政厅")),
    ("finance", "财政", "Finance", ("财政局", "财政厅")),
    ("tax", "税务", "Taxation", ("税务局",)),
    ("culture_tourism", "文化旅游", "Culture and tourism", ("文化和旅游局", "文化和旅游厅", "文旅局", "文化旅游局")),
    ("urban_management", "城市管理", "Urban management", ("城市管理局", "城市管理综合执法局", "综合行政执法局")),
    ("commerce", "商务", "Commerce", ("商务局", "商务厅")),
    ("development_reform", "发展改革", "Development and reform", ("发展和改革委员会", "发展改革委", "发改委")),
)
OTHER = "other"
_NAMES = {code: (zh, en) for code, zh, en, _ in AGENCY_TYPES} | {OTHER: ("其他", "Other")}
_ENDINGS = sorted(((ending, code) for code, _, _, endings in AGENCY_TYPES for ending in endings),
                  key=lambda pair: -len(pair[0]))


@lru_cache(maxsize=8192)  # charts ask for every report's agency on each redraw; names repeat
def agency_type(agency: Optional[str]) -> Optional[str]:
    """The code of the kind of body, "other" for a name no ending matches, None without a name."""
    if not agency or not agency.strip():
        return None
    name = agency.strip()
    return next((code for ending, code in _ENDINGS if name.endswith(ending)), OTHER)


def agency_type_name(code: Optional[str], language: str = "en") -> str:
    if code is None:
        return ""
    zh, en = _NAMES.get(code, (code, code))
    return zh if language.startswith("zh") else en
