"""Overview: what the graph holds, how rectification stands, the rounds, the latest notices."""
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
            st.subheader("Rectification status")
            views.result_view(data.run(*STATUS), key="st")
        with right:
            st.subheader("Rounds on a timeline")
            views.result_view(data.run(*ROUNDS), key="rt")
        st.subheader("Most recent notices")
        views.table(data.run(*RECENT), key="recent")


render()
