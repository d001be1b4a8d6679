"""The parts of a ``UNION ALL`` query that apply to the parameters given.

Contract: a part of a saved query's text or total (the text between lines reading ``UNION
ALL``) may carry guard comments, ``// when: NAME is STATE`` where STATE is ``null``, ``given``,
``true``, ``false`` or a quoted value (``'notice'``), and NAME may be ``A or B`` (the guard holds when one of them
is in that state). ``applicable(text, bound)`` returns the text keeping only the parts whose guards all hold for
the ``bound`` parameters, joined by ``UNION ALL`` again, or None when no part applies.
A guard only repeats what its part's Cypher already says (a ``$p IS NULL AND …`` filter, a
``{id: $p}`` anchor): LadybugDB runs every part of a union whatever its filters say, so the
registry leaves out the parts that cannot return a row (tests/test_query_shortcuts.py checks
that the pruned text gives the rows of the whole). ``guarded_names(text)`` lists the
parameters the guards name, for the registry to check they are declared.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_UNION = re.compile(r"^[ \t]*UNION ALL[ \t]*$", re.MULTILINE)
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_GUARD = re.compile(rf"//\s*when:\s*({_NAME}(?:\s+or\s+{_NAME})*)\s+is\s+(null|given|true|false|'[^']*')")


def split_parts(text: str) -> list[str]:
    return [part.strip() for part in _UNION.split(text)]


def in_state(value: Any, state: str) -> bool:
    if state == "null":
        return value is None
    if state == "given":
        return value is not None
    if state in ("true", "false"):
        return value is (state == "true")
    return value == state[1:-1]


def holds(part: str, bound: Mapping[str, Any]) -> bool:
    """Whether every guard of ``part`` holds for the bound parameters."""
    return all(any(in_state(bound.get(name), state) for name in re.split(r"\s+or\s+", names))
               for names, state in _GUARD.findall(part))


def applicable(text: str, bound: Mapping[str, Any]) -> str | None:
    parts = [part for part in split_parts(text) if holds(part, bound)]
    return "\nUNION ALL\n".join(parts) if parts else None


def guarded_names(text: str) -> set[str]:
    return {name for names, _ in _GUARD.findall(text) for name in re.split(r"\s+or\s+", names)}
