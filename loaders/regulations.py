"""Regulation and document titles: canonical form, kind, issuing level, revision year, period.

Contract (every function takes a title with or without 《》, already NFKC + simplified or not):
- ``canonical_title``: no 《》 (nested ones become 〈〉), every bracket pair （）﹙﹚[]【】［］ as
  half-width (), no whitespace, dashes between years as "-", 文号 years as 〔2019〕;
  (试行), (暂行), revision notes and periods are kept. Equal canonical titles = same document.
- ``regulation_key``: the canonical title without revision notes and quotation marks, with
  well-known short forms expanded (党章 -> 中国共产党章程) and bare law names given
  中华人民共和国; the same regulation cited by two notices, in two versions or spellings, has
  one key. ``describe`` bundles all of these in a :class:`RegulationInfo`.
- ``regulation_kind``: law | party_regulation | regulation | plan | notice | opinion | report |
  contract | other, from the title's ending (and 中国共产党/中共中央 for party regulations).
- ``issuing_level``: central | ministry | provincial | city | local | None, from the title's
  leading issuer or its scope word (全省, 全市); None when the title does not say.
- ``revision_year``: the year of (2019年修订) / 2018年版; ``period``: (2021-2025) or 十四五.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass
from typing import Literal

Kind = Literal["law", "party_regulation", "regulation", "plan", "notice", "opinion", "report",
               "contract", "other"]
Level = Literal["central", "ministry", "provincial", "city", "local"]
_BRACKETS = str.maketrans({"（": "(", "）": ")", "﹙": "(", "﹚": ")", "[": "(", "]": ")",
                           "［": "(", "］": ")", "【": "(", "】": ")", "〖": "(", "〗": ")"})
_DOC_YEAR = re.compile(r"[(〔]((?:19|20)[0-9]{2})[)〕](?=[0-9]+号)")
_YEAR_DASH = re.compile(r"(?<=[0-9])(年?)[-—–－~〜～至]+(?=(?:19|20)[0-9]{2})")
_EDGE_PUNCT = "、,，。;；:：!！?？"
_REVISION = re.compile(r"[(]?((?:19|20)[0-9]{2})年(?:[0-9]{1,2}月)?(?:修订|修正|修改|版|修订版)[)]?")
_PERIOD = re.compile(r"((?:19|20)[0-9]{2})-((?:19|20)[0-9]{2})年?")
_FIVE_YEAR = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020),
              "十四五": (2021, 2025), "十五五": (2026, 2030)}
_QUALIFIER = re.compile(r"\([^()]*\)$")


@dataclass(frozen=True)
class RegulationInfo:
    """Everything the title alone says about a regulation or document."""

    title: str
    key: str
    kind: Kind
    level: Level | None
    revision_year: int | None
    period: tuple[int, int] | None


@lru_cache(maxsize=65536)
def describe(title: str) -> RegulationInfo:
    """Canonical title, key, kind, issuing level, revision year and period of ``title``."""
    canonical = canonical_title(title)
    return RegulationInfo(canonical, regulation_key(canonical), regulation_kind(canonical),
                          issuing_level(canonical), revision_year(canonical), period(canonical))


# --- canonical form ---------------------------------------------------------------------------

@lru_cache(maxsize=65536)  # pure function of a title; titles repeat across notices
def canonical_title(title: str) -> str:
    """The title in one spelling (see the module contract)."""
    text = unicodedata.normalize("NFKC", title or "").translate(_BRACKETS)
    text = re.sub(r"\s+", "", text).strip(_EDGE_PUNCT)
    text = _strip_outer_quotes(text)
    text = text.replace("《", "〈").replace("》", "〉")
    text = _DOC_YEAR.sub(r"〔\1〕", text)
    return _YEAR_DASH.sub(r"\1-", text)


def _strip_outer_quotes(text: str) -> str:
    """Drop the 《》 around the whole title, or around a title followed by its 文号."""
    if text.startswith("《") and text.endswith("》"):
        return text[1:-1]
    if text.startswith("《") and text.count("《") == text.count("》") == 1:
        return text[1:].replace("》", "", 1)
    return text.lstrip("《").rstrip("》") if text.count("《") != text.count("》") else text


@lru_cache(maxsize=65536)
def _core(title: str) -> str:
    """The canonical title without trailing parenthesised qualifiers such as (试行)."""
    core = canonical_title(title)
    while _QUALIFIER.search(core):
        core = _QUALIFIER.sub("", core)
    return core


# --- identity ---------------------------------------------------------------------------------

_SHORT_FORMS = {
    "党章": "中国共产党章程",
    "宪法": "中华人民共和国宪法",
    "廉洁自律准则": "中国共产党廉洁自律准则",
    "纪律处分条例": "中国共产党纪律处分条例",
    "问责条例": "中国共产党问责条例",
    "党内监督条例": "中国共产党党内监督条例",
    "巡视工作条例": "中国共产党巡视工作条例",
    "支部工作条例": "中国共产党支部工作条例(试行)",
    "党组工作条例": "中国共产党党组工作条例",
    "干部任用条例": "党政领导干部选拔任用工作条例",
    "监察法": "中华人民共和国监察法",
}


@lru_cache(maxsize=65536)
def regulation_key(title: str) -> str:
    """One key per regulation whatever the version or short form (see the module contract)."""
    text = _expand(re.sub(r"[\"'“”‘’]", "", _REVISION.sub("", canonical_title(title))))
    if _is_national_law(text) and not text.startswith("中华人民共和国"):
        text = "中华人民共和国" + text
    return text


def _expand(title: str) -> str:
    """The canonical title, or the full title of a well-known short form (党章)."""
    text = canonical_title(title)
    return _SHORT_FORMS.get(text, text)


# --- kind -------------------------------------------------------------------------------------

_PARTY_PREFIX = re.compile(r"^(中国共产党|中共中央|党中央)")
_PARTY_MATTER = re.compile(r"党内|党员|党组织|党组|党委|党的|党政|党支部")
_PARTY_FORMS = ("章程", "条例", "准则", "规则", "规定", "细则", "办法")
_KIND_ENDINGS: tuple[tuple[Kind, tuple[str, ...]], ...] = (
    ("contract", ("合同", "协议", "协议书", "备忘录", "承诺书", "责任书")),
    ("notice", ("通知", "通报", "通告", "公告")),
    ("opinion", ("意见", "决定", "决议", "措施", "若干措施")),
    ("report", ("报告", "评估", "研究", "调研", "专题", "汇报", "白皮书")),
    ("plan", ("方案", "规划", "计划", "要点", "纲要", "预案", "路线图", "设计")),
    ("regulation", ("条例", "准则", "章程", "办法", "规定", "细则", "规则", "制度", "规范", "守则",
                    "标准", "职责", "清单", "机制", "要求", "流程", "指引", "指南")),
)
_NOT_LAW = ("办法", "方法", "做法", "用法", "说法", "想法", "司法", "工作法")


@lru_cache(maxsize=65536)
def regulation_kind(title: str) -> Kind:
    """The kind of document the title names (see the module contract)."""
    core = _core(_expand(title))
    if _is_law(core):
        return "law"
    if "党内法规" in core or core.endswith(_PARTY_FORMS) and _is_party_rule(core):
        return "party_regulation"
    for kind, endings in _KIND_ENDINGS:
        if core.endswith(endings):
            return kind
    return "other"


def _is_party_rule(core: str) -> bool:
    """Party-issued by its prefix, or on party matters and not issued below province level."""
    if _PARTY_PREFIX.match(core):
        return True
    return bool(_PARTY_MATTER.search(core)) and issuing_level(core) in (None, "central",
                                                                         "ministry", "provincial")


def _is_law(core: str) -> bool:
    if not core.endswith("法") or core.endswith(_NOT_LAW):
        return False
    return core.startswith("中华人民共和国") or len(core) <= 14 and "关于" not in core


# --- issuing level ----------------------------------------------------------------------------

_CENTRAL = re.compile(r"^(中共中央|中国共产党|中华人民共和国|党中央|国务院(?!国资委|扶贫办)|全国人民代表大会"
                      r"|全国人大|中央委员会|中央军委|中央办公厅|中央全面深化改革)")
_MINISTRY = re.compile(
    r"^(中共)?中央(组织部|宣传部|统战部|政法委|纪委|网信办|编办|和国家机关工委|财经委)|^(中组部|中宣部|中央纪委国家监委)"
    r"|^(国务院)?(国资委|扶贫办)|^国家[\u4e00-\u9fff]{1,10}?(总局|局|委员会|委|署)"
    r"|^(外交|国防|教育|科技|科学技术|工业和信息化|工信|公安|国家安全|民政|司法|财政|人力资源社会保障"
    r"|人力资源和社会保障|自然资源|生态环境|住房城乡建设|住房和城乡建设|交通运输|水利|农业农村|商务"
    r"|文化和旅游|退役军人事务|应急管理)部|^(审计署|海关总署|中国人民银行|国家发展改革委)")
_PROVINCES = ("北京|天津|上海|重庆|河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南"
              "|湖北|湖南|广东|广西|海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆")
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
_PROVINCIAL = re.compile(rf"^(中共)?({_PROVINCES})(省|市|[\u4e00-\u9fff]{{0,4}}自治区)|^省(委|政府|纪委)")
_CITY = re.compile(r"^(中共)?([\u4e00-\u9fff]{2,4})市(?!场|政(?!府))|^市(委|政府|纪委)")
_DISTRICT_AFTER_CITY = re.compile(r"^[\u4e00-\u9fff]{2}(区|县|市)")
_LOCAL = re.compile(r"^(中共)?([\u4e00-\u9fff]{0,10}?(新区|经济区|开发区|高新区|发展区|园区)"
                    r"|[\u4e00-\u9fff]{1,10}?(县|区|镇|乡|街道))")
_SCOPE: tuple[tuple[str, Level], ...] = (("全国", "central"), ("全省", "provincial"), ("全市", "city"),
          ("全区", "local"), ("全县", "local"))


@lru_cache(maxsize=65536)
def issuing_level(title: str) -> Level | None:
    """central | ministry | provincial | city | local, or None (see the module contract)."""
    core = _expand(title)
    if core.startswith("关于"):
        return _scope_level(core)
    for level, test in (("ministry", _MINISTRY.match), ("central", _CENTRAL.match)):
        if test(core):
            return level
    if _is_national_law(core):
        return "central"
    return _regional_level(core) or _scope_level(core)


def _is_national_law(title: str) -> bool:
    """A law (…法) with no regional issuer in front: laws are made by the national legislature."""
    return _is_law(_core(title)) and _regional_level(title) is None


def _regional_level(core: str) -> Level | None:
    province = _PROVINCIAL.match(core)
    if province and not _city_named_like_province(province):
        return "provincial"
    city = _CITY.match(core)
    if city:
        return "local" if _DISTRICT_AFTER_CITY.match(core[city.end():]) else "city"
    return "local" if _LOCAL.match(core) else None


def _city_named_like_province(match: re.Match[str]) -> bool:
    """吉林市 is a city of 吉林省, while 上海市 is province-level."""
    return match.group(3) == "市" and match.group(2) not in _MUNICIPALITIES


def _scope_level(core: str) -> Level | None:
    for word, level in _SCOPE:
        if word in core:
            return level
    return None


# --- years ------------------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def revision_year(title: str) -> int | None:
    """The year of a stated revision or edition: (2019年修订), 2018年版."""
    match = _REVISION.search(canonical_title(title))
    return int(match.group(1)) if match else None


@lru_cache(maxsize=65536)
def period(title: str) -> tuple[int, int] | None:
    """The years a plan covers: (2021-2025), 2018-2035年, 十四五; None when not stated."""
    text = canonical_title(title)
    match = _PERIOD.search(text)
    if match and int(match.group(1)) <= int(match.group(2)):
        return int(match.group(1)), int(match.group(2))
    for name, years in _FIVE_YEAR.items():
        if name in text:
            return years
    return None
