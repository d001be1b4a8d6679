"""Named people and their posts (党工委书记丛军同志, 省委袁家军书记).

Contract: ``find_persons(nt)`` returns :class:`Person` records for names written next to a
post, in the two orders notices use: post then name (党工委书记丛军同志) and committee, name,
post (省委袁家军书记, role 省委书记). A name is a common surname plus one or two characters;
people are listed once per (name, role).
"""
from __future__ import annotations

import re

from .normalize import NormalizedText
from .records import Person

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "丛常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单"
    "季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄")
_POST = (r"(?:党工委|党委|党组|县委|市委|省委|区委|镇党委|纪工委|纪委|管委会|政府|人大|政协)?"
         r"(?:副)?(?:书记|主任|县长|市长|区长|镇长|省长|局长|部长|厅长|主席|组长|董事长|总经理|院长|校长|行长)")
_NAME = rf"(?P<name>[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}?)"
_AFTER_NAME = r"(?:同志|[,,、。(]|$|主持|亲自|多次|带头|召开|强调|指出|担任|任组长|作出|听取|率队|深入)"
# The lookahead on the first characters a post can begin with lets the search skip other positions.
_POST_THEN_NAME = re.compile(rf"(?=[党县市省区镇纪管政人副书主局部厅组董总院校行])(?P<role>{_POST}){_NAME}{_AFTER_NAME}")
_ORG_NAME_POST = re.compile(
    rf"(?P<org>中央|省委|市委|县委|区委|党工委|党委){_NAME}(?P<post>(?:副)?(?:书记|主任|县长|市长|区长|省长|组长))")


def find_persons(nt: NormalizedText) -> list[Person]:
    found: dict[tuple[str, str], Person] = {}
    for match in _POST_THEN_NAME.finditer(nt.text):
        _add(found, match.group("name"), match.group("role"), nt.span(*match.span("name")))
    for match in _ORG_NAME_POST.finditer(nt.text):
        role = match.group("org") + match.group("post")
        _add(found, match.group("name"), role, nt.span(*match.span("name")))
    return sorted(found.values(), key=lambda p: p.span)


def _add(found: dict[tuple[str, str], Person], name: str, role: str, span: tuple[int, int]) -> None:
    if role in ("书记", "主任") and len(name) < 2:
        return
    found.setdefault((name, role), Person(name, role, span))
