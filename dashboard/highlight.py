"""A notice's text as HTML with its items highlighted from their spans (the reader's body).

Contract: ``highlighted(text, items, focus)`` takes the notice text and the rows of the
``notice-items`` saved query (kind, item, text, detail, span_start, span_end) and returns a
``Highlight``: ``html`` (every character of ``text`` escaped with html.escape, each stretch
covered by items wrapped in ``<mark class="hl KIND">`` for the innermost, shortest item covering
it, with a title naming all of them; ``<a id>`` anchors at each problem; the ``focus`` span
outlined) and ``shown``: the (kind, item) pairs that got at least one highlighted character.
Items with an empty or out-of-range span are skipped. A ``status`` row carries its problem's
span; its words are looked for after the problem, before the next problem (the graph keeps
no span of its own for a status). Pure: no Streamlit.
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

KINDS = {"problem": "#ffd6d6", "status": "#c8f0c8", "measure": "#fff3bf", "cited": "#d0e4ff",
         "issued": "#e6d4ff", "referred": "#e8e8e8", "figure": "#ffe0b8", "person": "#ffd1ec",
         "body": "#cdeeee", "unit": "#dff2e1", "round": "#f2e6d0"}
CSS = ("<style>.ng-text{white-space:pre-wrap;line-height:1.9;font-size:15px;"
       "font-family:'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif}"
       ".ng-text mark{padding:1px 0;border-radius:3px;color:inherit}"
       ".ng-text .focus{outline:2px solid #d62728;outline-offset:1px}"
       + "".join(f".ng-text .hl.{kind}{{background:{color}}}" for kind, color in KINDS.items()) + "</style>")


@dataclass(frozen=True)
class Span:
    kind: str
    item: str
    start: int
    end: int
    note: str = ""


@dataclass
class Highlight:
    html: str
    shown: set[tuple[str, str]] = field(default_factory=set)


def status_span(text: str, row: Mapping[str, Any], next_start: int) -> tuple[int, int] | None:
    words = str(row.get("text") or "").strip()
    if not words:
        return None
    found = text.find(words, int(row["span_end"]), max(next_start, int(row["span_end"])) + len(words))
    return (found, found + len(words)) if found >= 0 else None


def spans_of(text: str, items: Iterable[Mapping[str, Any]]) -> list[Span]:
    rows = [r for r in items if r.get("span_start") is not None and r.get("span_end") is not None]
    problem_starts = sorted(int(r["span_start"]) for r in rows if r["kind"] == "problem")
    spans = []
    for row in rows:
        start, end = int(row["span_start"]), int(row["span_end"])
        if row["kind"] == "status":
            later = [s for s in problem_starts if s > start]
            found = status_span(text, row, later[0] if later else len(text))
            if found is None:
                continue
            start, end = found
        if 0 <= start < end <= len(text):
            note = f"{row['kind']}: {row.get('text') or ''}" + (f" ({row['detail']})" if row.get("detail") else "")
            spans.append(Span(row["kind"], str(row["item"]), start, end, note[:160]))
    return spans


def _segments(length: int, spans: list[Span]) -> Iterable[tuple[int, int, list[Span]]]:
    cuts = sorted({0, length, *(s.start for s in spans), *(s.end for s in spans)})
    for start, end in zip(cuts, cuts[1:]):
        yield start, end, [s for s in spans if s.start <= start and end <= s.end]


def highlighted(text: str, items: Iterable[Mapping[str, Any]], focus: tuple[int, int] | None = None) -> Highlight:
    spans = spans_of(text, items)
    if focus and 0 <= focus[0] < focus[1] <= len(text):
        spans.append(Span("focus", "focus", focus[0], focus[1]))
    anchors = {s.start: s for s in spans if s.kind == "problem"}
    out, shown = [], set()
    for start, end, covering in _segments(len(text), spans):
        if start in anchors:
            out.append(f'<a id="{html.escape(anchors[start].item, quote=True)}"></a>')
        piece = html.escape(text[start:end])
        marks = [s for s in covering if s.kind != "focus"]
        if marks:
            inner = min(marks, key=lambda s: (s.end - s.start, s.kind))
            shown.update((s.kind, s.item) for s in marks)
            title = html.escape(" | ".join(dict.fromkeys(s.note for s in marks)), quote=True)
            piece = f'<mark class="hl {inner.kind}" title="{title}">{piece}</mark>'
        if any(s.kind == "focus" for s in covering):
            piece = f'<span class="focus">{piece}</span>'
        out.append(piece)
    return Highlight(CSS + '<div class="ng-text">' + "".join(out) + "</div>", shown)


def legend_html() -> str:
    chips = "".join(f'<mark class="hl {kind}" style="margin-right:.5em">{kind}</mark>' for kind in KINDS)
    return CSS + f'<div class="ng-text" style="line-height:2">{chips}</div>'
