"""The inspection round a notice reports on, and the body it inspected.

Contract: ``find_round(nt, title, issuer)`` reads the opening sentences
(根据省委统一部署,2021年3月31日至6月18日,省委第一巡视组对…进行了巡视。8月24日,…反馈了巡视意见)
and the title (十四届省委第十二轮巡视) into a :class:`Round`: kind 巡视/巡察, level
central/provincial/city/county, superior committee, team, round name, mode, inspection start
and end, feedback date (a date without a year takes it from the inspection dates).
``find_inspected_body`` resolves the inspected body to the issuer when one names the other
(宁波前湾新区党工委 ≈ 中共宁波前湾新区工作委员会) and keeps the other spellings as aliases.
"""
from __future__ import annotations

import re

from .dates import MONTH_DAY, PERIOD, YEAR, YEARLESS_PERIOD, period, with_context_year, yearless_period
from .normalize import NormalizedText
from .records import Body, Round

_N = "[一二三四五六七八九十\\d]+"
# Each pattern opens with a lookahead on the characters a match can begin with: the search skips
# most positions at once instead of trying every optional prefix there (same matches, 5x faster).
TEAM = re.compile(
    rf"(?=[十中省自市州盟县区旗提交专机联第巡一二三四五六七八九\d])(?P<team>(?:十[一二三四五六七八九]?届)?(?:中央|省委|自治区党委|市委|州委|盟委|县委|区委|旗委)?"
    rf"(?:(?:提级|交叉|专项|机动|联动)+)?(?:第{_N})?(?:巡视|巡察)(?:{_N})?组|{_N}个(?:巡视|巡察)组)")
ROUND_NAME = re.compile(
    rf"(?P<name>(?:十[一二三四五六七八九]?|[一二三四五六七八九])届(?:中央|省委|自治区党委|市委|州委|县委|区委)?"
    rf"第{_N}轮(?:巡视|巡察)|(?:(?:19|20)\d\d年(?:度)?)?(?:中央|省委|市委|县委|区委|州委|旗委)第{_N}轮(?:巡视|巡察)"
    rf"|(?:19|20)\d\d年(?:度)?第{_N}轮(?:巡视|巡察))")
MODE = re.compile(r"(?P<mode>常规|专项|机动|提级交叉|提级|交叉|联动|“?回头看”?)(?:[^。,,]{0,3})(?:巡视|巡察)|(?:巡视|巡察)“?(?P<back>回头看)")
_INSPECTED = re.compile(
    r"对(?P<body>[^,,。;()]{2,40}?)(?:\((?:原|简称|以下简称)?(?P<alias>[^()]{2,40})\))?"
    r"(?:开展了?|进行了?|实施了?)[^。,]{0,8}?(?:巡视|巡察)")
_SHORT_NAME = re.compile(r"(?:以下|文中)?简称[“\"]?(?P<alias>[^”\"),)]{2,20})")
_FEEDBACK = re.compile(r"反馈")
_LEVELS = [("central", ("中央",)), ("provincial", ("省委", "自治区党委")),
           ("city", ("市委", "州委", "盟委")), ("county", ("县委", "区委", "旗委"))]
_BODY_SUFFIX = re.compile(r"(?:党工委|工委|党委|党组|委员会|领导班子)$")


def find_round(nt: NormalizedText, title: str | None, issuer: str | None = None) -> Round:
    text = nt.text
    head = text[:4000]
    team = _find_team(head)
    rnd = Round(kind=_kind(title, head), team=team.group("team") if team else None,
                span=nt.span(*team.span()) if team else None)
    rnd.name = _first(ROUND_NAME, title or "") or _first(ROUND_NAME, head)
    rnd.mode = _mode(head)
    rnd.level = _level(rnd, head)
    rnd.superior = _superior(rnd.level, text, issuer)
    _dates(rnd, head, team.start() if team else 0)
    return rnd


def _find_team(head: str) -> re.Match[str] | None:
    teams = list(TEAM.finditer(head))
    acting = [m for m in teams if _ACTING.match(head, m.end())]
    return (acting or teams or [None])[0]


def _kind(title: str | None, head: str) -> str | None:
    for source in (title or "", head):
        found = re.search(r"巡视|巡察", source)
        if found:
            return found.group()
    return None


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(match.lastgroup or 0) if match else None


def _mode(head: str) -> str | None:
    match = MODE.search(head)
    if not match:
        return None
    return "回头看" if match.group("back") or "回头看" in (match.group("mode") or "") else match.group().strip("“”")


def _level(rnd: Round, head: str) -> str | None:
    for source in (rnd.team or "", rnd.name or "", head[:600]):
        for level, words in _LEVELS:
            if any(word in source for word in words):
                return level
    return {"巡视": "provincial", "巡察": "city"}.get(rnd.kind or "")


_ACTING = re.compile(r"[^。]{0,40}?(?:对|进驻|进行)")  # a team that acts: 巡察组对…, 巡视组进驻…
_PLACE_SUFFIX = {"provincial": "省", "city": "市", "county": "县|区|旗"}


def _superior(level: str | None, text: str, issuer: str | None) -> str | None:
    """The committee that sent the team: 中共中央, or 中共+place+省委/市委/县委 where the place
    is one the issuer's name contains (大连 for 中共大连普湾经济区工作委员会)."""
    if level == "central":
        return "中共中央"
    if level not in _PLACE_SUFFIX:
        return None
    own_name = (issuer or "").removeprefix("中共").removeprefix("中国共产党")
    for match in re.finditer(rf"([\u4e00-\u9fff]{{2,3}}?)({_PLACE_SUFFIX[level]})", f"{own_name}\n{text[:6000]}"):
        if own_name and match.group(1) in own_name:
            return f"中共{match.group(1)}{match.group(2)}委"
    if level == "provincial":
        site = re.search(r"中共([\u4e00-\u9fff]{2,3}?)省(?:纪律检查委员会|纪委)", text)
        return f"中共{site.group(1)}省委" if site else None
    return None


def _dates(rnd: Round, head: str, near: int) -> None:
    window_start = max(0, near - 120)
    span = PERIOD.search(head, window_start) or PERIOD.search(head)
    if span:
        rnd.start, rnd.end = period(span)
    else:
        span = _yearless_period(rnd, head, window_start)
    for feedback in _FEEDBACK.finditer(head, span.end() if span else 0):
        dates = list(MONTH_DAY.finditer(head, max(0, feedback.start() - 60), feedback.start()))
        if dates:
            rnd.feedback = with_context_year(dates[-1], rnd.end or rnd.start)
            if rnd.feedback:
                return


def _yearless_period(rnd: Round, head: str, window_start: int) -> re.Match[str] | None:
    """3月31日至6月18日, with the year taken from the nearest year written before it."""
    span = YEARLESS_PERIOD.search(head, window_start)
    years = list(YEAR.finditer(head, max(0, span.start() - 200), span.start())) if span else []
    if not years:
        return None
    rnd.start, rnd.end = yearless_period(span, int(years[-1].group("y")))
    return span


def find_inspected_body(nt: NormalizedText, issuer: Body | None) -> Body | None:
    match = _INSPECTED.search(nt.text, 0, 4000)
    if not match:
        return issuer
    name = match.group("body").strip()
    aliases = [a for a in (name, match.group("alias")) if a]
    aliases += [m.group("alias") for m in _SHORT_NAME.finditer(nt.text, 0, 4000)]
    if issuer and _same_body(name, issuer.name):
        others = [a for a in dict.fromkeys(aliases) if a != issuer.name]
        return Body(issuer.name, nt.span(*match.span("body")), others)
    return Body(name, nt.span(*match.span("body")), [a for a in dict.fromkeys(aliases) if a != name])


def _same_body(name: str, issuer: str) -> bool:
    """宁波前湾新区党工委 and 中共宁波前湾新区工作委员会, 普湾经济区 and 中共大连普湾经济区工作委员会,
    县妇联党组 and 中共石桥县妇女联合会党组; 我局党组 and 我院 name the issuer too."""
    if re.match(r"我(?:局|委|院|校|所|办|厅|部|公司|中心|镇|乡|街道|区|县|市|省|单位)", name):
        return True
    core = _BODY_SUFFIX.sub("", name.removeprefix("中共"))
    return len(core) >= 2 and core in issuer or len(core) >= 3 and _abbreviates(core, issuer)


def _abbreviates(short: str, full: str) -> bool:
    """县妇联 abbreviates 中共石桥县妇女联合会党组: its characters occur in the full name, in order."""
    pos = 0
    for char in short:
        pos = full.find(char, pos) + 1
        if pos == 0:
            return False
    return True
