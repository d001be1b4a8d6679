"""Units named in a measure: departments, towns, villages, companies.

Contract: ``find_units(text)`` returns the distinct unit names in a measure's (normalised)
text, in order of first mention. A unit is a run of two to fourteen Chinese characters that
opens a clause (after punctuation or a verb such as 责令/督促/协调/由) and ends in a unit
word (局, 公司, 街道, 镇, 村, 中心, 管委会 …): 金普新区农业农村局, 大连普湾工程项目管理有限公司.
Generic references (各部门, 有关单位, 我局) are not units.
"""
from __future__ import annotations

import re

_UNIT_WORDS = ("有限责任公司|有限公司|集团公司|集团|公司|管理委员会|管委会|委员会|办公室|街道办事处|街道|"
               "人民政府|卫生院|分院|局|中心|镇|乡|村委会|村|社区|厅|研究院|医院|学校|学院|大学|银行|支队|大队")
_OPENERS = r"[,。、;:()“”《》\s]|责令|督促|协调|指导|要求|推动|组织|会同|联合|配合|由|对|向|在|与|将|把"
_CLAUSE_BREAK = re.compile(_OPENERS)
_UNIT_AT_START = re.compile(rf"[\u4e00-\u9fff]{{2,14}}?(?:{_UNIT_WORDS})")
_LEADING_WORDS = re.compile(
    r"^(?:[一二三四五六七八九十]是|关于|通过|按照|严肃|处理|包括|填报|同时|深入|了解|推进|提升|重点|开展|单独|谋划|设立|"
    r"成立|新增|建立|完善|健全|准予|顺应|转变|使用|采购|明确|召开|规范|督促|责令|协调|指导|要求|推动|组织|会同|联合|配合|"
    r"最大限度|进一步|积极|加强|如|于|并|和|及|由|对|向|在|与|将|把|为|从|到|让|使|做好|落实|同意)+")
_UNIT_CONTINUES = re.compile(rf"[\u4e00-\u9fff]{{0,3}}?(?:{_UNIT_WORDS})")
_GENERIC = re.compile(r"^(?:各|有关|相关|本|该|我|全|所属|下属|其他|其|多个|部分|个别|基层|上级|兄弟|同级)")
_NOT_UNITS = re.compile(r"(?:学习中心|以人民为中心|行政中心|地理中心|服务中心|城镇|农村|时间|期间|工作中心|重心|中心组|核心|村民|村级|镇级|乡镇|布局|格局|结局|大局|当局|全局|定局|僵局|开局|出局|骗局|政府投资|政府采购)$")


def find_units(text: str) -> list[str]:
    found: dict[str, None] = {}
    for clause in _CLAUSE_BREAK.split(text):
        if len(clause) < 2:
            continue  # too short for a unit; a run of brackets splits into a million of these
        unit = _unit_at_start(_LEADING_WORDS.sub("", clause))
        if len(unit) >= 4 and not re.search(r"[的了是个]", unit) and not _GENERIC.search(unit) \
                and not _NOT_UNITS.search(unit):
            found.setdefault(unit, None)
    return list(found)


def _unit_at_start(clause: str) -> str:
    """The unit name opening the clause; 农业农村 goes on to 农业农村局, 中心 to 中心卫生院."""
    match = _UNIT_AT_START.match(clause)
    if not match:
        return ""
    longer = _UNIT_CONTINUES.match(clause, match.end())
    return clause[:longer.end()] if longer else match.group()
