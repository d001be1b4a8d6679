"""The places a notice's unit names are relative to, and unit names qualified by them.

Contract: ``Jurisdiction.of_notice(issuer, inspected, text)`` collects the notice's places: the
place its issuer and inspected body are named after (宁波前湾新区 in 中共宁波前湾新区工作委员会,
东江区 in 中共东江区人力资源和社会保障局党组), then places the text names repeatedly
(大连市, 金普新区, 庵东镇). ``qualify(mention)`` turns a unit mention (loaders/units.py) into
the name its Body is keyed by, or None when it names no unit that can be told apart:
- generic words (相关部门, 项目公司 …) → None;
- a relative place word opening the name (新区, 区, 市, 县, 镇, 省; 驻新区…) → the notice's
  place of that level (新区财政局 → 宁波前湾新区财政局), None when the notice names none;
- a short spelling of a place (普湾经济区管委会) → the full one (大连普湾经济区管委会); words
  before a known place (填报金普新区财政局) are dropped;
- a government office named without any place (管委会办公室, 财政金融局, 机关党委) → the
  notice's own place before it; companies, institutions, ministries, national bodies stay as they are;
- the notice's own body (its place + 党工委/党委/党组/工作委员会 …, or the issuer's or inspected
  body's name) → None: it is linked to the notice already.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .records import Body
from .units import is_generic

_LEVELS = ("新区", "经济区", "开发区", "高新区", "自治区", "自治州", "自治县", "省", "市", "县", "区", "镇", "乡", "街道")
_PLACE = re.compile(rf"^(?:中共|中国共产党)?(?P<place>[\u4e00-\u9fff]{{2,8}}?(?:{'|'.join(_LEVELS)}))")
_TEXT_PLACE = re.compile(r"([\u4e00-\u9fff]{2})(新区|省|市|县|镇)")
_NOT_PLACES = re.compile(r"^(?:城市|都市|门市|超市|全市|本市|各市|该市|我市|全省|本省|各省|我省|外省|全县|本县|各县|我县|"
                         r"城镇|乡镇|村镇|集镇|小镇|全镇|各镇|本镇|该镇|我镇)$|^[全本各该我在和与及对向由的了是年月日省市县区]|"
                         r"^(?:根据|配合|成立|完善|推进|加强|建立|指导|协调|督促|全面|推动|支持|落实|对标|按照|结合|围绕|"
                         r"做好|服务|融入|参与|打造|建设|发展|实现|带动|联动|覆盖|助力|提升|优化)")
_RELATIVE = re.compile(
    r"^(?P<stationed>驻)?(?P<word>新区|本区|我区|全区|本市|我市|本县|我县|区(?!域)|市(?!场|民)|县(?!域)|镇|乡|省)")
_LEVEL_OF = {"新区": ("新区",), "本区": ("区",), "我区": ("区",), "全区": ("区",), "区": ("区",), "本市": ("市",),
             "我市": ("市",), "市": ("市",), "本县": ("县",), "我县": ("县",), "县": ("县",), "镇": ("镇",),
             "乡": ("乡",), "省": ("省",)}
_OWN_COMMITTEE = re.compile(r"^(?:党工委|工委|党委|党组|工作委员会|委员会|党总支)$")
_SHORT_OWN = re.compile(r"^[\u4e00-\u9fff](?:党工委|党委|党组|党总支)$")
_COMMITTEE_END = re.compile(r"(?:党工委|党委|党组|党总支|委员会)$")
_GOVERNMENT = re.compile(
    r"(?:局|分局|办公室|管委会|管理委员会|委员会|党委|工委|纪工委|纪委监委|纪委|监委|党工办|巡察办|政法委|改革办|中心|支队|大队|人民政府|"
    r"人民代表大会|纪检监察组)$")
_NATIONAL = re.compile(r"^(?:中央|国家|国务院|全国|中共中央)")
_OWN_PLACE_WORD = re.compile(r"(?<=[\u4e00-\u9fff])(?:省|市|县|区|镇|乡|村|社区|街道|新城)(?!场|域|级|民)")
_TEXT_PLACE_MIN = 2


def _committee_short_form(name: str) -> str:
    """A place's 工作委员会 is its 党工委 (中共大连金普新区工作委员会 and 金普新区党工委 are one body)."""
    if name.endswith("工作委员会") and place_of(name[:-5]) == name[:-5]:
        return name[:-5] + "党工委"
    return name


def place_of(name: str | None) -> str | None:
    """The place a body is named after: 宁波前湾新区 in 中共宁波前湾新区工作委员会."""
    match = _PLACE.match(name or "")
    return match.group("place") if match else None


@dataclass
class Jurisdiction:
    own: list[str] = field(default_factory=list)      # places of the issuer and inspected body
    named: list[str] = field(default_factory=list)    # places the text names repeatedly, commonest first
    bodies: set[str] = field(default_factory=set)     # the notice's own body names
    _spelling_pairs: list[tuple[str, str]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of_notice(cls, issuer: Body | None, inspected: Body | None, text: str) -> "Jurisdiction":
        own, bodies = [], set()
        for body in (issuer, inspected):
            for name in ([body.name, *body.aliases] if body else []):
                bare = re.sub(r"^(?:中共|中国共产党)", "", name)
                bodies.update({bare, _COMMITTEE_END.sub("", bare)})
                place = place_of(name)
                if place and place not in own:
                    own.append(place)
        counts = Counter(a + b for a, b in _TEXT_PLACE.findall(text) if not _NOT_PLACES.search(a + b))
        named = [p for p, n in counts.most_common() if n >= _TEXT_PLACE_MIN and p not in own]
        return cls(own, named, bodies)

    @property
    def home(self) -> str | None:
        return self.own[0] if self.own else None

    def qualify(self, mention: str) -> str | None:
        if is_generic(mention):
            return None
        bare = re.sub(r"^(?:中共|中国共产党)(?=..)", "", mention)
        name = None if _SHORT_OWN.match(bare) else self._placed(bare)
        if name is None or self._is_own_body(name):
            return None
        return _committee_short_form(name)

    def _placed(self, mention: str) -> str | None:
        relative = _RELATIVE.match(mention)
        if relative and not self._known_start(mention):
            place = self._place_of_level(_LEVEL_OF[relative.group("word")])
            rest = mention[relative.end():]
            return f"{relative.group('stationed') or ''}{place}{rest}" if place and rest else None
        known = self._known_start(mention)
        if known:
            return known[1] + mention[known[0]:]
        inside = self._known_inside(mention)
        if inside:
            return inside
        if self.home and _GOVERNMENT.search(mention) and not _NATIONAL.match(mention) \
                and not _OWN_PLACE_WORD.search(mention[:-2]):
            return self.home + mention
        return mention

    def _spellings(self) -> list[tuple[str, str]]:
        """(spelling, full place) pairs, longest spelling first: 普湾经济区 → 大连普湾经济区."""
        if self._spelling_pairs is None:
            pairs = {p: p for p in self.named}
            for place in sorted(self.own, key=len):
                pairs.update({place[i:]: place for i in range(1, len(place) - 2) if len(place[i:]) >= 4})
                pairs[place] = place
            self._spelling_pairs = sorted(pairs.items(), key=lambda pair: -len(pair[0]))
        return self._spelling_pairs

    def _known_start(self, name: str) -> tuple[int, str] | None:
        for spelling, place in self._spellings():
            if name.startswith(spelling) and len(name) > len(spelling):
                return len(spelling), place
        return None

    def _known_inside(self, name: str) -> str | None:
        for spelling, place in self._spellings():
            at = name.find(spelling)
            if 0 < at <= 6 and len(name) > at + len(spelling):
                return place + name[at + len(spelling):]
        return None

    def _place_of_level(self, levels: tuple[str, ...]) -> str | None:
        for place in self.own + self.named:
            if place.endswith(levels):
                return place
        return None

    def _is_own_body(self, name: str) -> bool:
        """The issuer or inspected body, its organisation (青河市林业局 for 青河市林业局党组), its
        committee named by place (宁波前湾新区党工委) or by one word (院党委, 局党组)."""
        if name in self.bodies:
            return True
        return any(name.startswith(p) and _OWN_COMMITTEE.match(name[len(p):]) for p in self.own)
