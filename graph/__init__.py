"""The graph store: one schema (schema.py), one contract (store.py), two engines.

``from noticegraph.graph import open_store`` is the entry point; the names below are imported
lazily so that ``noticegraph.graph.ids`` stays a light import for the extractor.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "open_store": "store", "GraphStore": "store", "LoadResult": "store",
    "StoreError": "errors", "StoreUnavailable": "errors", "NoticeRejected": "errors",
    "notice_id": "ids", "notice_rows": "rows",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
