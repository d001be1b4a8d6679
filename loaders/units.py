"""Units named in a measure: departments, offices, towns, villages, companies, courts …

Contract: ``find_units(text)`` returns the distinct unit mentions in a measure's (normalised)
text, in order of first mention, as written (新区财政局, 管委会办公室, 海创公司). A mention ends
in a unit word (局, 公司, 中心, 镇, 村, 管委会, 党委, 法院 …) and runs left to the nearest clause
break: punctuation, a verb or preposition that governs it (责令, 协调, 由, 向 …), or a
conjunction joining two units (开发公司、海创公司; 和 inside 国土资源和房屋局 is kept); a unit
named right after another one's word is one name (…局土地监察支队). Words inside 《》 are titles,
never units. ``is_generic(name)`` says whether a mention names no one unit (相关部门, 各街道,
项目公司, 开发公司, 新区国有公司, 财政及公司, 企业工程技术中心): such words stay in the measure's
text and never become bodies.
"""
from __future__ import annotations

import re

_SUFFIXES = (
    "有限责任公司|有限公司|集团公司|集团|公司|管理委员会|管委会|人民代表大会|人大常委会|人民政府|(?<=[市区县省镇乡])政府|人民法院|"
    "人民检察院|法院|检察院|工作委员会|委员会|纪委监委|纪委|监委|纪工委|党工委|工委|政法委|发改委|卫健委|党委|党工办|"
    "巡察办|改革办|"
    "办公室|街道办事处|街道|分局|局|支队|大队|纪检监察组|卫生服务中心|中心|卫生院|分院|医院|研究院|研究所|学院|"
    "大学|学校|银行|厅|组织部|宣传部|统战部|交通部|财政部|公安部|教育部|民政部|司法部|商务部|水利部|科技部|"
    "镇|乡|村|社区")
# A lookahead on the words' first characters lets the search skip most positions quickly.
_SUFFIX = re.compile(f"(?=[{''.join(sorted({w.split(')')[-1][0] for w in _SUFFIXES.split('|')}))}])(?:{_SUFFIXES})")
_NOT_AFTER = re.compile(r"组|长|级|民|会议|会上|门|织|务|投资|采购|性|债|专项")  # 中心组, 局长, 村级, 村民, 部门 …
_STOP = re.compile(
    r"[^\u4e00-\u9fff]|[一二三四五六七八九十]是|责令|督促|协调|指导|要求|推动|组织(?!部)|会同|联合|配合|移交|通过|"
    r"同意|支持|参加|报送|报告|提交|印发|下发|成立|设立|建立|组建|新引进|引进|落户|入住|接管|批复|开展|召开|推进|"
    r"加强|完善|开设|撤销|单独|谋划|积极|主动|全面|严格|切实|进一步|目前|今年|同时|其中|另外|按照|根据|经过|"
    r"对于|关于|针对|包括|涉及|以及|新建|新增|强化|抽调|责成|牵头|认真|落实|贯彻|配备|明确|完成|实现|深入|严肃|"
    r"处理|填报|汇报|审查|经理|书记|主任|局长|科长|镇长|主席|成员|干部|人员|专题会|每位|各位|"
    r"经(?!济)|[对向由将把被给让使从在于为就即均已也都还并等的了是名个每年月日和与及]")
_JOINERS = "和与及"
_CONTINUE = 6  # a unit word this close after another one's word extends the name (…局土地监察支队)
_NOT_UNITS = re.compile(
    r"(?:学习中心|为中心|行政中心|地理中心|工作中心|城镇|农村|乡村|乡镇|村镇|重心|核心|大局|布局|格局|结局|当局|全局|"
    r"定局|僵局|开局|出局|骗局|政府投资|政府采购|地方政府|党委\(党组\)|城乡|"
    r"(?:建设|工作|责任|管理|监督|改革)(?:党工委|党委|工委))$|领导小组|工作小组|专项小组|专班|联席会议")
_GENERIC_START = re.compile(
    r"^(?:各|有关|相关|本|该|我|全|所属|下属|其他|其|多个|部分|个别|基层|上级|下级|兄弟|同级|一些|若干|直属|区直|"
    r"市直|县直|委属|国有|规上|重点|龙头|非公|高新技术|企业|项目|开发|物业|行政事业|事业|责任|主管|行政主管|"
    r"属地|辖区|派出|城市|新建|其它|下一级|主题|专项)")
_GENERIC_INSIDE = re.compile(r"及|相关|有关|下属|所属|各|等|其他|国有公司|国有企业|部门|单位|党支部|支部|党组织|企业")
_RELATIVE_PREFIX = re.compile(r"^(?:驻)?(?:新区|本区|我区|全区|本市|我市|本县|我县|区(?!域)|市(?!场|民)|县(?!域)|镇|乡|省)")


# A unit word alone names the notice's own office (管委会, 党工办 …), else no one unit (委员会);
# a ministry's name is a whole name.
OWN_OFFICES = {"管委会", "管理委员会", "党工办", "巡察办", "政法委", "纪工委", "改革办", "人民政府"}
MINISTRIES = {"组织部", "宣传部", "统战部", "交通部", "财政部", "公安部", "教育部", "民政部", "司法部", "商务部",
              "水利部", "科技部"}
_ALL_SUFFIXES = tuple(s.split(")")[-1] for s in _SUFFIXES.split("|"))


def find_units(text: str) -> list[str]:
    text = _without_titles(text)
    found: dict[str, None] = {}
    taken_until = 0
    for match in _SUFFIX.finditer(text):
        if match.start() < taken_until or _NOT_AFTER.match(text, match.end()):
            continue
        start = max(_left_boundary(text, match.start()), taken_until)
        end = _extended_end(text, match.end())
        name = text[start:end].lstrip(_JOINERS)
        if 3 <= len(name) <= 32 and not _NOT_UNITS.search(name):
            found.setdefault(name, None)
            taken_until = end
    return list(found)


def is_generic(name: str) -> bool:
    """A mention naming no one unit: 各部门, 相关部门, 项目公司, 新区国有公司, 财政及公司, 委员会."""
    if name in _ALL_SUFFIXES:
        return name not in OWN_OFFICES and name not in MINISTRIES
    head = _RELATIVE_PREFIX.sub("", name)
    return bool(_GENERIC_START.search(head) or _GENERIC_INSIDE.search(head))


def _without_titles(text: str) -> str:
    return re.sub(r"《[^《》]*》", lambda m: "。" * len(m.group()), text) if "《" in text else text


def _left_boundary(text: str, suffix_start: int) -> int:
    """Start of the name ending in the unit word at suffix_start: after the last stop before it,
    skipping a conjunction that joins words inside one name (国土资源和房屋局)."""
    window_start = max(0, suffix_start - 20)
    window = text[window_start:suffix_start]
    for end, start in sorted(_stops(window), reverse=True):
        if window[start:end] in _JOINERS and end < len(window) and not window[:start].endswith(_ALL_SUFFIXES):
            continue  # 和 inside a name (国土资源和房屋局), not before a bare unit word (…和党工委)
        return window_start + end
    return window_start


def _first_chars(pattern: str) -> frozenset[str]:
    """The characters a match of the stop pattern can begin with (its non-CJK class aside)."""
    chars: set[str] = set()
    for alternative in pattern.split("|"):
        if alternative.startswith("[^"):
            continue
        chars.update(alternative[1:alternative.index("]")] if alternative.startswith("[") else alternative[0])
    return frozenset(chars)


_STOP_FIRST = _first_chars(_STOP.pattern)


def _stops(window: str):
    """(end, start) of every stop in the window, overlapping ones included (会同 and 同意)."""
    for index, char in enumerate(window):
        if char in _STOP_FIRST or not "\u4e00" <= char <= "\u9fff":
            match = _STOP.match(window, index)
            if match:
                yield match.end(), index


def _extended_end(text: str, end: int) -> int:
    """A unit word close after this one (…房屋局土地监察支队, …分局办公室) makes one longer name."""
    while True:
        nearby = _SUFFIX.search(text, end, end + _CONTINUE + 6)
        if not nearby or nearby.start() - end > _CONTINUE or _STOP.search(text[end:nearby.start()]) \
                or _NOT_AFTER.match(text, nearby.end()):
            return end
        end = nearby.end()
