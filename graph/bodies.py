"""Body resolution for one notice: which Body node a spelling of a body name belongs to.

Contract: ``BodyResolver(notice, aliases)``
- registers the notice's issuer and then its inspected body with all their spellings (the
  name and ``Body.aliases``: 宁波前湾新区党工委, 原宁波杭州湾新区党工委 …). The extractor gives the
  inspected body the issuer's name when one names the other, so both are then one body;
- ``name(spelling)``: the name the body is stored under: the registered body's name for one of
  its spellings (any body mention in the notice, a unit in a measure included), else the
  spelling; then the reviewed alias table (graph/aliases.py) maps it across notices;
- ``key(spelling)``: ``name_key(name(spelling))``, the Body id ('' for an empty name);
- ``aliases(spelling)``: the other spellings to record on the node (registered spellings and
  the spelling itself when it differs from the stored name), without duplicates by key;
- ``is_unit(spelling)``: whether a unit named in a measure may become a Body: never a generic
  word (相关部门, 项目公司; loaders/units.py ``is_generic``), even in a record made by hand. The
  extractor already qualifies relative names by the notice's jurisdiction (loaders/jurisdiction.py),
  so bodies of two notices merge only when their qualified names or the reviewed aliases match.
"""
from __future__ import annotations

from ..loaders.records import Body, Notice
from ..loaders.units import is_generic
from .aliases import AliasTable
from .ids import name_key


class BodyResolver:
    def __init__(self, notice: Notice, aliases: AliasTable | None = None) -> None:
        self.table = aliases or AliasTable()
        self._owner: dict[str, str] = {}          # name_key(spelling) -> registered name
        self._spellings: dict[str, list[str]] = {}  # registered name -> its spellings
        for body in (notice.issuer, notice.inspected_body):
            if body is not None:
                self._register(body)

    def _register(self, body: Body) -> None:
        owner = self._owner.get(name_key(body.name), body.name)
        spellings = self._spellings.setdefault(owner, [owner])
        for spelling in (body.name, *body.aliases):
            if name_key(spelling) and name_key(spelling) not in self._owner:
                self._owner[name_key(spelling)] = owner
            if spelling not in spellings:
                spellings.append(spelling)

    def name(self, spelling: str) -> str:
        return self.table.resolve(self._owner.get(name_key(spelling), spelling))

    def key(self, spelling: str) -> str:
        return name_key(self.name(spelling))

    def aliases(self, spelling: str) -> list[str]:
        owner = self._owner.get(name_key(spelling), spelling)
        key = self.key(spelling)
        seen, out = {key}, []
        for other in (*self._spellings.get(owner, [owner]), spelling):
            if name_key(other) not in seen:
                seen.add(name_key(other))
                out.append(other)
        return out

    def is_unit(self, spelling: str) -> bool:
        return bool(self.key(spelling)) and (name_key(spelling) in self._owner or not is_generic(spelling))
