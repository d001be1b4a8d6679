"""Stable ids: pure functions of strings, shared by the extractor and the stores.

Contract:
- ``notice_id(text)``: the first 16 hex digits of sha256 over the *normalised* text (NFKC; all
  whitespace and zero-width characters removed), so re-encodings, re-wrapped lines and
  full-/half-width variants of one notice get one id. ``text_sha(text)`` hashes the exact
  text (a changed span means a change).
- Child ids are the notice id plus ``:`` plus kind and place: ``<n>:r`` (round),
  ``<n>:p<path>`` (problem; ``<n>:p#<ordinal>`` when the path is empty), ``<problem>:m<k>``,
  ``<n>:f<k>``.
- Shared nodes are keyed by ``name_key(name)``: NFKC, 《》〈〉 removed, every bracket made a
  half-width round bracket, curly quotes made straight, whitespace removed. A person is keyed
  by ``person_key(name, body_key)``.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_WHITESPACE = re.compile(r"\s+")
_NAME_TABLE = str.maketrans({
    "《": None, "》": None, "〈": None, "〉": None,
    "（": "(", "〔": "(", "【": "(", "［": "(", "[": "(", "｛": "(",
    "）": ")", "〕": ")", "】": ")", "］": ")", "]": ")", "｝": ")",
    "“": '"', "”": '"', "‘": "'", "’": "'",
})
# NFKC keeps zero-width characters and the BOM; they are invisible spelling noise.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _squeeze(text: str) -> str:
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text).translate(_INVISIBLE))


def notice_id(text: str) -> str:
    return hashlib.sha256(_squeeze(text).encode("utf-8")).hexdigest()[:16]


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    return _squeeze(unicodedata.normalize("NFKC", name).translate(_NAME_TABLE))


def person_key(name: str, body_key: str | None) -> str:
    return f"{name_key(name)}@{body_key}" if body_key else name_key(name)


def round_id(notice: str) -> str:
    return f"{notice}:r"


def problem_id(notice: str, path: str | None, ordinal: int) -> str:
    place = _squeeze(path or "")
    return f"{notice}:p{place}" if place else f"{notice}:p#{ordinal}"


def measure_id(problem: str, k: int) -> str:
    return f"{problem}:m{k}"


def figure_id(notice: str, k: int) -> str:
    return f"{notice}:f{k}"
