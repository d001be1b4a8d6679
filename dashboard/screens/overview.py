"""Overview: what the graph holds, how rectification stands, the rounds, the latest notices.
A glance that stays readable at any size: the status of all problems (not per notice), the 20
rounds that started last, the 10 latest notices; charts and a list, no tables (each chart
links to its rows on Saved queries), so the first page an analyst opens draws fast."""
from __future__ import annotations

import streamlit as st

from noticegraph.dashboard import data, views
from noticegraph.dashboard.serve import OVERVIEW

STATUS, ROUNDS, RECENT = OVERVIEW  # the server warms these caches before the first visit

COUNTED = ("Notice", "Problem", "Measure", "Body", "Regulation", "ProblemType")


def counts() -> None:
    nodes = data.stats()["nodes"]
    for column, label in zip(st.columns(len(COUNTED)), COUNTED):
        column.metric(label, f"{nodes.get(label, 0):,}")


def render() -> None:
    st.title("NoticeGraph")
    with views.guarded():
        st.caption(f"Inspection rectification notices as a graph · {data.describe()}")
        counts()
        if not data.stats()["nodes"].get("Notice"):
            st.info("The graph holds no notices yet: add some on the Load page.")
            return
        left, right = st.columns(2)
        with left:
            st.subheader("Rectification status of all problems")
            views.result_view(data.run(*STATUS), key="st", rows=False)
        with right:
            st.subheader("The latest rounds on a timeline")
            views.result_view(data.run(*ROUNDS), key="rt", rows=False)
        st.subheader("Most recent notices")
        views.notice_list(data.run(*RECENT))


render()
