"""Reported figures: cases, people disciplined by kind, money, rules made, progress rates.

Contract: ``find_figures(nt)`` returns :class:`Figure` records whose ``metric`` is the
keyword as written (立案, 党纪处分, 党内严重警告, 挽回经济损失 …) and ``unit`` the unit
(件, 人, 项, 万元, 亿元, 个, %). Both word orders are read: 立案32件 and 开展了3件违纪问题审查调查.
A penalty named inside the brackets after 政务处分 (撤职1人, 警告2人) is a 政务 penalty and
its metric says so (政务警告), so it is not confused with the party penalty of the same name.
Zero counts (0人) are figures too.
"""
from __future__ import annotations

import re

from .normalize import NormalizedText
from .records import Figure

_METRICS = (
    "立案审查调查|立案审查|立案|结案|了结|审结|办结|违纪问题审查调查|审查调查|处置问题线索|问题线索|"
    "给予党纪政务处分|党纪政务处分|党纪处分|政务处分|纪律处分|处分|党内严重警告|党内警告|严重警告|警告|"
    "撤销党内职务|留党察看|开除党籍|记大过|记过|降级|撤职|开除公职|开除|组织处理|诫勉谈话|诫勉|"
    "查处[\u4e00-\u9fff]{0,14}?问题|处理|"
    "谈话提醒|提醒谈话|批评教育|教育提醒|通报批评|责令检查|调离岗位|免职|停职检查|解除劳动合同|"
    "函询|问责|追责问责|移送司法机关|移送司法|通报曝光|约谈|"
    "挽回经济损失|挽回损失|清退款项|清退|退缴|追缴|收缴|整改资金|追回资金|"
    "建立完善制度|建立健全制度|制定完善制度|修订完善制度|制定制度|完善制度|建章立制|"
    "整改完成率|完成率|已完成整改|整改完成|正在整改")
_UNITS = r"件|人次|人|名|项|万元|亿元|元|个|条|起|次|%"
_NUMBER = r"\d+(?:\.\d+)?"
_WORD_THEN_NUMBER = re.compile(rf"(?P<metric>{_METRICS})[^\d,。;、()]{{0,4}}?(?P<value>{_NUMBER})\s*(?P<unit>{_UNITS})?")
_NUMBER_THEN_WORD = re.compile(rf"(?=\d)(?P<value>{_NUMBER})\s*(?P<unit>件|人|名|项|起)(?P<metric>[^\d,。;、()]{{0,8}}?(?:{_METRICS}))")
_CIVIL_PENALTIES = ("警告", "记过", "记大过", "降级", "撤职", "开除")


def find_figures(nt: NormalizedText) -> list[Figure]:
    text = nt.text
    found: dict[tuple[int, int], Figure] = {}
    for pattern in (_WORD_THEN_NUMBER, _NUMBER_THEN_WORD):
        for match in pattern.finditer(text):
            figure = _figure(nt, match)
            if figure and not any(_overlaps(span, match.span()) for span in found):
                found[match.span()] = figure
    return [found[span] for span in sorted(found)]


def _figure(nt: NormalizedText, match: re.Match[str]) -> Figure | None:
    metric = match.group("metric").strip()
    unit = match.group("unit") or _implied_unit(nt.text, match)
    if not unit:
        return None
    value = float(match.group("value")) if "." in match.group("value") else int(match.group("value"))
    if metric in _CIVIL_PENALTIES and _inside_civil_brackets(nt.text, match.start()):
        metric = "政务" + metric
    return Figure(metric=metric, value=value, unit="人" if unit == "名" else unit,
                  span=nt.span(*match.span()))


def _implied_unit(text: str, match: re.Match[str]) -> str | None:
    """A lost unit (党内警告12党内严重警告9人): the unit of the next figure in the run."""
    following = re.match(rf"[^\d,。;]{{1,10}}?{_NUMBER}\s*(?P<unit>人|件)", text[match.end():match.end() + 20])
    return following.group("unit") if following else None


def _inside_civil_brackets(text: str, pos: int) -> bool:
    """Is ``pos`` inside the brackets that follow 政务处分 (政务处分4人(撤职1人,…))?"""
    opening = text.rfind("(", max(0, pos - 40), pos)
    if opening < 0 or ")" in text[opening:pos]:
        return False
    return re.search(r"政务处分\d*[人名]?$", text[max(0, opening - 12):opening]) is not None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
