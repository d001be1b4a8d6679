"""Regulations: the most cited rules (filters in the URL), the measures behind a bar, and the
regulations cited together as a small network."""
from __future__ import annotations

import streamlit as st

from noticegraph.dashboard import data, network, urlstate, views


def render() -> None:
    st.title("Regulations")
    with views.guarded():
        ranked = data.registry()["top-cited-regulations"]
        st.caption(ranked.description)
        result = data.run(ranked.name, urlstate.param_form(ranked))
        st.subheader(ranked.title)
        views.result_view(result, key="tc")
        co = data.registry()["co-cited-regulations"]
        st.subheader(co.title)
        st.caption(co.description)
        pairs = data.run(co.name, urlstate.param_form(co, exclude=("regulation",), prefix="co_"))
        st.caption(views.count_line(pairs, "pairs"))
        if pairs.rows:
            network.draw(network.edges_elements(pairs.rows, co.columns), key="co_net", height=420)
            views.table(pairs, key="co_table")


render()
