"""Text a mirror site injected into a notice: pinyin annotations and spam words.

Contract: ``injected_ranges(text)`` takes normalised text (NFKC, simplified; see normalize.py)
and returns the sorted, non-overlapping half-open ranges to drop before parsing:
- a pinyin annotation right after a Chinese character: ``卫(wèi)``, ``统(tǒng)``: letters in
  parentheses with at least one tone mark, or one of a few toneless syllables (``的(de)``);
- a spam word of loaders/data/spam_tokens.txt (明升, 新葡京 …) inside a 《》 title or on a
  short line (a title or a heading) or just after a heading number, unless it belongs to a kept phrase (明升暗降);
- generically, and only where that is safe: one to four characters between 《 and a title's
  opening words 中国共产党/中华人民共和国 (《某某中国共产党章程》), unless they are words a
  real title opens with (关于, 学习, 新修订 …).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN = re.compile(
    rf"\((?<=[\u4e00-\u9fff]\()(?:[a-zü]*[{_TONED}][a-zü]*|de|le|men|me|ma|ne|ba|zi|zhe)\)")
_PINYIN_ANY_WIDTH = re.compile(
    rf"(?<=[\u4e00-\u9fff])[(\uff08](?:[a-zü]*[{_TONED}][a-zü]*|de|le|men|me|ma|ne|ba|zi|zhe)[)\uff09]")
_GENERIC_TITLE_SPAM = re.compile(r"(?<=《)([\u4e00-\u9fff]{1,4}?)(?=中国共产党|中华人民共和国)")
_REAL_TITLE_OPENERS = re.compile(r"^(?:关于|学习|新修订|修订|最新|新版|贯彻|试行|新时代)$")
SHORT_LINE = 100
_SPAM_FILE = Path(__file__).parent / "data" / "spam_tokens.txt"


@lru_cache(maxsize=1)
def spam_table() -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """The spam-word pattern (longest token first) and the kept phrases."""
    tokens, kept = [], []
    for line in _SPAM_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("keep:"):
            kept.append(line[5:].strip())
        elif line and not line.startswith("#"):
            tokens.append(line)
    tokens.sort(key=len, reverse=True)
    return (re.compile("|".join(map(re.escape, tokens))) if tokens else None), tuple(kept)


def without_pinyin(text: str) -> str:
    """Source text (not yet normalised) without its pinyin annotations, for vocabulary checks."""
    return _PINYIN_ANY_WIDTH.sub("", text) if "(" in text or "\uff08" in text else text


def injected_ranges(text: str) -> list[tuple[int, int]]:
    ranges = [m.span() for m in PINYIN.finditer(text)] if "(" in text else []
    ranges += _spam_ranges(text)
    ranges += [m.span() for m in _GENERIC_TITLE_SPAM.finditer(text)
               if not _REAL_TITLE_OPENERS.match(m.group(1))]
    return _merged(ranges)


def _spam_ranges(text: str) -> list[tuple[int, int]]:
    pattern, kept = spam_table()
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
        if (_in_title(text, match.start()) or _on_short_line(text, match.start())) \
                and not _in_kept_phrase(text, match, kept):
            found.append(match.span())
    return found


def _in_title(text: str, pos: int) -> bool:
    opening = text.rfind("《", 0, pos)
    return opening >= 0 and text.rfind("》", opening, pos) < 0 and "\n" not in text[opening:pos]


_HEADING_MARKER = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}\.)[^。;!?\n]{0,40}$")


def _on_short_line(text: str, pos: int) -> bool:
    """Whether the line is short (a title's or a heading's), or, when line breaks were lost,
    the words follow a heading number closely (一、… (一)… 1.…)."""
    start, end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    if (end if end >= 0 else len(text)) - start <= SHORT_LINE:
        return True
    return _HEADING_MARKER.search(text, max(start, pos - 48), pos) is not None


def _in_kept_phrase(text: str, match: re.Match[str], kept: tuple[str, ...]) -> bool:
    for phrase in kept:
        at = phrase.find(match.group())
        if at >= 0 and text.startswith(phrase, match.start() - at):
            return True
    return False


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
