"""Chinese and Arabic numerals as they appear in notices (一, 十四, 二十三, 43, ①)."""
from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"


def parse_number(token: str) -> int | None:
    """Value of '14', '十四', '二十三', '一百零五', '①'; None when it is not a number."""
    if not token:
        return None
    if token.isdigit():
        return int(token) if token.isascii() else _circled(token)
    return _parse_chinese(token)


def _circled(token: str) -> int | None:
    if len(token) == 1 and 0x2460 <= ord(token) <= 0x2473:
        return ord(token) - 0x2460 + 1
    return None


def _parse_chinese(token: str) -> int | None:
    total, current = 0, 0
    for char in token:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char in _UNITS:
            total += (current or 1) * _UNITS[char]
            current = 0
        else:
            return None
    return total + current
