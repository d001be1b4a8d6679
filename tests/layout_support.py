"""Helpers for the layout tests: a mirror-site copy of a notice (traditional script, pinyin
after characters, spam words injected into its title and headings), as some sites publish them.

``pinyin_mirror(text, fullwidth=False, spam="明升")`` converts the text to traditional script
(OpenCC s2t), writes a tone-marked pinyin annotation after every character of a small table
(``衛(wèi)``; full-width parentheses when asked) and puts the spam word after the first
character of the title and of every (一)/1. heading and inside every 《》 title.
"""
from __future__ import annotations

import re

import opencc

_S2T = opencc.OpenCC("s2t")
_PINYIN = {"衛": "wèi", "統": "tǒng", "黨": "dǎng", "整": "zhěng", "問": "wèn", "題": "tí",
           "巡": "xún", "況": "kuàng", "責": "zé", "實": "shí", "規": "guī", "監": "jiān",
           "督": "dū", "論": "lùn", "學": "xué", "習": "xí", "組": "zǔ", "織": "zhī", "領": "lǐng"}
_HEADING = re.compile(r"^(\s*(?:[一二三四五六七八九十]+、|[((][一二三四五六七八九十]+[))]|\d+[.．]))(\S)", re.M)


def pinyin_mirror(text: str, fullwidth: bool = False, spam: str = "明升") -> str:
    opening, closing = ("（", "）") if fullwidth else ("(", ")")
    mirrored = _S2T.convert(text)
    mirrored = _HEADING.sub(lambda m: f"{m.group(1)}{m.group(2)}{spam}", mirrored)
    mirrored = mirrored.replace("《", f"《{spam}")
    first_line_end = mirrored.index("\n")
    mirrored = mirrored[:2] + spam + mirrored[2:] if first_line_end > 2 else mirrored
    return "".join(f"{c}{opening}{_PINYIN[c]}{closing}" if c in _PINYIN else c for c in mirrored)
