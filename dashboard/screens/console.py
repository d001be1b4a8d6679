"""Cypher console: ad-hoc read-only Cypher with a row cap and a time limit; results as a table,
or as a graph when they hold nodes and relationships. Refused writes say why."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from noticegraph.dashboard import data, network, urlstate, views

EXAMPLE = "MATCH (n:Notice)-[:CONTAINS]->(p:Problem) RETURN n.title AS notice, count(p) AS problems"
DEFAULT_ROWS, DEFAULT_SECONDS = 1000, 20


def render() -> None:
    st.title("Cypher console")
    st.caption("Read-only: writes, schema changes, procedure calls and file access are refused.")
    statement = st.text_area("Cypher", urlstate.url_value("cypher") or EXAMPLE, height=140, key="cypher")
    left, right, _ = st.columns([1, 1, 3])
    max_rows = int(left.number_input("row cap", 1, 100_000, DEFAULT_ROWS, key="max_rows"))
    seconds = float(right.number_input("time limit (s)", 0.5, 600.0, float(DEFAULT_SECONDS), key="timeout"))
    urlstate.set_url("cypher", statement.strip() or None)
    if not st.button("Run", type="primary", key="run") and not urlstate.url_value("run"):
        return
    with views.guarded():
        show(data.console(statement, max_rows=max_rows, timeout_s=seconds), max_rows)


def show(rows, max_rows: int) -> None:
    """The rows as a table, and as a graph first when they hold nodes and relationships."""
    st.caption(f"{len(rows):,} rows" + (f" (capped at {max_rows:,}: more there were)" if rows.truncated else ""))
    elements = network.console_elements(rows)
    table = pd.DataFrame([{k: str(v) if isinstance(v, dict) else v for k, v in r.items()} for r in rows])
    if not elements["nodes"]:
        st.dataframe(table, hide_index=True)
        return
    graph_tab, table_tab = st.tabs(["Graph", "Table"])
    with graph_tab:
        network.draw(elements, key="console_net")
    with table_tab:
        st.dataframe(table, hide_index=True)


render()
