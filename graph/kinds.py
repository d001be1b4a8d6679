"""The kind of a cited rule or issued document, guessed from its title.

Contract: ``regulation_kind(title)`` returns one of law, party_regulation, regulation, plan,
notice, opinion, report, contract, other, from the title's last words (a trailing bracket
such as (试行) or (2018年修订) is ignored). Party rules are 条例/准则/规则/章程 of 中国共产党
or 党内…; laws end in 法 but not 办法. A heuristic: the taxonomy issue may replace it.
"""
from __future__ import annotations

import re
from functools import lru_cache

_TRAILING_BRACKETS = re.compile(r"(\([^()]*\))+$")
_PARTY = ("中国共产党", "党内")
_SUFFIX_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("contract", ("合同", "协议")),
    ("notice", ("通知",)),
    ("opinion", ("意见",)),
    ("report", ("报告",)),
    ("plan", ("方案", "规划", "计划", "预案")),
    ("regulation", ("办法", "规定", "细则", "规则", "条例", "准则", "章程", "制度", "规范")),
)
_PARTY_SUFFIXES = ("条例", "准则", "规则", "章程")


@lru_cache(maxsize=65536)
def regulation_kind(title: str) -> str:
    stem = _TRAILING_BRACKETS.sub("", title.strip())
    if stem.endswith(_PARTY_SUFFIXES) and any(word in stem for word in _PARTY):
        return "party_regulation"
    for kind, suffixes in _SUFFIX_KINDS:
        if stem.endswith(suffixes):
            return kind
    return "law" if stem.endswith("法") else "other"
