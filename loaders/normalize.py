"""Normalise notice text for matching while keeping a map back to the original.

Contract: ``normalize(original)`` returns a :class:`NormalizedText` whose ``text`` is the
original with, character by character,
- NFKC applied (full-width letters, digits and punctuation become half-width: ，→, （→( ),
  except circled numbers ①…⑳, which stay as they are (NFKC would turn them into digits);
- every kind of space (NBSP, U+3000, thin spaces) turned into a plain space, CR into newline;
  tabs stay (the reader separates table cells with them);
- zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and soft hyphens removed;
- traditional characters converted to simplified ones (opencc t2s, one character at a time,
  so the mapping stays character-exact);
- text a mirror site injected dropped: pinyin annotations (卫(wèi)) and spam words in titles
  and headings (injections.py).
``span(start, end)`` maps a half-open range of ``text`` back to the range of ``original``
that produced it, so every extracted item can point into the source.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .injections import injected_ranges

_DROPPED = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_KEPT = {chr(c) for c in range(0x2460, 0x2474)}  # ①…⑳
_SPACE_LIKE = {"\u00a0", "\u3000", "\u2002", "\u2003", "\u2009", "\u202f", "\u205f"}


@dataclass(frozen=True)
class NormalizedText:
    original: str
    text: str
    # offsets[i]: index in original of text[i], one sentinel at the end; None when the two
    # texts are aligned character for character (the common case).
    offsets: tuple[int, ...] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original range behind ``text[start:end]``."""
        if self.offsets is None:
            return start, max(start, end)
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


@lru_cache(maxsize=None)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def normalize_char(char: str) -> str:
    """The normalised form of one character (may be empty or several characters)."""
    if char in _DROPPED:
        return ""
    if char in _SPACE_LIKE:
        return " "
    if char == "\r":
        return "\n"
    if char in _KEPT:
        return char
    return unicodedata.normalize("NFKC", char)


@lru_cache(maxsize=65536)
def _is_traditional(char: str) -> bool:
    return ord(char) > 0x2E7F and _t2s().convert(char) != char


# Characters known to normalise to themselves and known not to be traditional: most of a text,
# skipped with one set difference instead of a cached call per distinct character.
_UNCHANGED: set[str] = set()
_PLAIN: set[str] = set()


def _changing_chars(original: str) -> dict[int, str]:
    """The translation table of the characters of ``original`` that normalisation changes."""
    table = {}
    for char in set(original) - _UNCHANGED:
        value = normalize_char(char)
        if value == char:
            _UNCHANGED.add(char)
        else:
            table[ord(char)] = value
    return table


def normalize(original: str) -> NormalizedText:
    table = _changing_chars(original)
    folded = to_simplified(original.translate(table) if table else original)
    offsets: list[int] | None = None
    if not all(len(value) == 1 for value in table.values()):
        offsets = []
        for index, char in enumerate(original):
            offsets.extend([index] * len(table.get(ord(char), char)))
        offsets.append(len(original))
    injected = injected_ranges(folded)
    if injected:
        folded, offsets = _drop(folded, offsets or list(range(len(original) + 1)), injected)
    return NormalizedText(original, folded, tuple(offsets) if offsets is not None else None)


def _drop(text: str, offsets: list[int], ranges: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """The text without the ranges, and the offsets of the characters kept (plus the sentinel)."""
    pieces, kept, pos = [], [], 0
    for start, end in ranges:
        pieces.append(text[pos:start])
        kept.extend(offsets[pos:start])
        pos = end
    pieces.append(text[pos:])
    kept.extend(offsets[pos:])
    return "".join(pieces), kept


def to_simplified(text: str) -> str:
    """Traditional → simplified by phrase where that keeps the length, else by character."""
    if not _has_traditional(text):
        return text
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_t2s().convert(c) if len(_t2s().convert(c)) == 1 else c for c in text)


def _has_traditional(text: str) -> bool:
    for char in set(text) - _PLAIN:
        if _is_traditional(char):
            return True
        _PLAIN.add(char)
    return False


def normalize_str(value: str) -> str:
    """Normalised form of a short string (titles, names), without the offset map."""
    return to_simplified("".join(normalize_char(c) for c in value))
