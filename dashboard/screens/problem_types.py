"""Problem types: the body × type matrix (leaf or top level), the types that recur across
notices, bodies and rounds, and relapses; a click on a cell or bar lists its problems. The
matrix's cells are its rows, so its table is a link to Saved queries (hundreds of rows drawn
twice would slow the page), not a second grid."""
from __future__ import annotations

import streamlit as st

from noticegraph.dashboard import data, urlstate, views


def section(name: str, key: str, rows: bool = True) -> None:
    query = data.registry()[name]
    st.subheader(query.title)
    st.caption(query.description)
    views.result_view(data.run(name, urlstate.param_form(query, prefix=f"{key}_")), key=key, rows=rows)


def render() -> None:
    st.title("Problem types")
    with views.guarded():
        section("problem-types-by-body", "pt", rows=False)
        section("recurring-problem-types", "rc")
        section("relapses", "rl")


render()
