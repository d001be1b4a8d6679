"""Saved queries: any query of the registry with a parameter form built from its metadata, the
chart its metadata asks for, the table, the items behind a row, CSV and JSON downloads.
A new saved query appears here without new page code."""
from __future__ import annotations

import json

import streamlit as st

from noticegraph.dashboard import data, network, urlstate, views


def downloads(result) -> None:
    frame = views.frame_of(result)
    left, right = st.columns(2)
    left.download_button("CSV", frame.to_csv(index=False).encode("utf-8-sig"), f"{result.query.name}.csv",
                         "text/csv", key="csv")
    right.download_button("JSON", json.dumps(result.rows, ensure_ascii=False, indent=1, default=str).encode(),
                          f"{result.query.name}.json", "application/json", key="json")


def render() -> None:
    st.title("Saved queries")
    with views.guarded():
        names = list(data.registry())
        given = urlstate.url_value("q")
        name = st.selectbox("query", names, index=names.index(given) if given in names else 0,
                            format_func=lambda n: f"{data.registry()[n].title} ({n})", key="query")
        if given is not None and given != name:
            urlstate.clear_url(keep=("q",))  # another query's parameters and row mean nothing here
        urlstate.set_url("q", name)
        query = data.registry()[name]
        st.caption(f"{query.description} · shape: {query.shape}")
        result = data.run(name, urlstate.param_form(query))
        if query.shape == "graph" and result.rows:
            st.caption(views.count_line(result, "edges"))
            network.draw(network.edges_elements(result.rows, query.columns), key=f"net:{name}")
        views.result_view(result, key="sq")
        downloads(result)
        with st.expander("Cypher"):
            st.code(query.cypher, language="cypher")


render()
