"""Notice reader: a notice's original text with its problems, statuses, measures, titles cited
and issued, figures, persons and bodies highlighted from their spans, the outline beside it.
The notice, and the span or item to show, come from the URL (``notice``, ``start``/``end``,
``item``), as every "open" link of the other pages gives them."""
from __future__ import annotations

from collections import Counter

import streamlit as st

from noticegraph.dashboard import data, highlight, urlstate, views
from noticegraph.dashboard.outline import outline_lines


def pick_notice() -> str | None:
    notices = data.run("notices", {"limit": 10_000}).rows
    if not notices:
        st.info("The graph holds no notices yet: add some on the Load page.")
        return None
    ids = [n["notice_id"] for n in notices]
    titles = {n["notice_id"]: f"{n['published'] or '?'} · {n['title'] or n['notice_id']}" for n in notices}
    given = urlstate.url_value("notice")
    if given is not None and given not in ids:
        st.warning(f"No notice {given} in the graph; showing another.")
    chosen = st.selectbox("notice", ids, index=ids.index(given) if given in ids else 0,
                          format_func=titles.get, key="notice")
    if chosen != given:
        for name in ("start", "end", "item"):
            urlstate.set_url(name, None)
    urlstate.set_url("notice", chosen)
    return chosen


def focus_span(items: list[dict]) -> tuple[int, int] | None:
    start, end, item = (urlstate.url_value(n) for n in ("start", "end", "item"))
    if start and end and start.isdigit() and end.isdigit():
        return int(start), int(end)
    row = next((r for r in items if r["item"] == item and r["kind"] != "status"), None)
    return (int(row["span_start"]), int(row["span_end"])) if row else None


def outline(text: str, items: list[dict]) -> None:
    st.subheader("Outline")
    statuses = {r["item"]: r["detail"] for r in items if r["kind"] == "status"}
    lines = outline_lines(text, [r for r in items if r["kind"] == "problem"], statuses)
    st.markdown("\n".join(lines) or "No problems were read from this notice.")


def header(notice: dict, items: list[dict], shown: int) -> None:
    st.subheader(notice["title"] or notice["notice_id"])
    round_text = " ".join(str(notice[k]) for k in ("round_kind", "team", "round_name") if notice.get(k))
    st.caption(f"published {notice['published'] or '?'} · {round_text or 'round not stated'} · "
               f"source {notice['source']}")
    kinds = Counter(r["kind"] for r in items)
    claimed = f" (the notice says {notice['problems_claimed']})" if notice.get("problems_claimed") else ""
    st.markdown(f"**{kinds['problem']} problems**{claimed} · {kinds['measure']} measures · "
                f"{kinds['cited']} titles cited · {kinds['issued']} issued · {kinds['figure']} figures · "
                f"{kinds['person']} persons · {shown} problems highlighted")


def render() -> None:
    st.title("Notice reader")
    with views.guarded():
        notice_id = pick_notice()
        if notice_id is None:
            return
        found = data.run("notice-text", {"notice": notice_id}).rows
        items = data.run("notice-items", {"notice": notice_id}).rows
        notice = found[0]
        focus = focus_span(items)
        shown = highlight.highlighted(notice["text"] or "", items, focus)
        header(notice, items, sum(1 for kind, _ in shown.shown if kind == "problem"))
        if focus:
            st.info(f"Outlined in red below, characters {focus[0]}–{focus[1]}: "
                    f"{(notice['text'] or '')[focus[0]:focus[1]][:300]}")
        st.html(highlight.legend_html())
        text_column, outline_column = st.columns([3, 1])
        with text_column:
            st.html(shown.html)
        with outline_column:
            outline(notice["text"] or "", items)


render()
