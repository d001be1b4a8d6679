"""UNWIND batches stay under the byte cap that keeps a Bolt message below ArcadeDB's 16 MB
(graph/store.py ``batches``: at most BATCH rows and MAX_BATCH_BYTES of UTF-8 each), measured
here on the real UTF-8 encoding of the rows."""
from __future__ import annotations

import json

from noticegraph.graph.store import BATCH, MAX_BATCH_BYTES, batches

BOLT_LIMIT = 16 * 1024 * 1024


def utf8_bytes(batch: list[dict]) -> int:
    return len(json.dumps(batch, ensure_ascii=False).encode("utf-8"))


def cjk_rows(count: int, chars: int) -> list[dict]:
    return [{"id": f"n{k}", "text": "整改" * (chars // 2), "span_start": k} for k in range(count)]


def test_large_chinese_rows_are_split_under_the_cap():
    rows = cjk_rows(60, 200_000)  # 60 rows of ~600 kB: 36 MB in all
    split = list(batches(rows))
    assert [row for batch in split for row in batch] == rows  # all of them, in order
    assert len(split) > 1 and all(utf8_bytes(batch) <= MAX_BATCH_BYTES for batch in split)
    assert MAX_BATCH_BYTES < BOLT_LIMIT // 2


def test_many_small_rows_are_split_by_count():
    rows = cjk_rows(BATCH * 2 + 1, 4)
    assert [len(batch) for batch in batches(rows)] == [BATCH, BATCH, 1]


def test_a_row_larger_than_the_cap_goes_alone():
    rows = cjk_rows(3, MAX_BATCH_BYTES)  # each row alone is over the cap
    assert [len(batch) for batch in batches(rows)] == [1, 1, 1]
