"""Problem types: the body × type matrix (leaf or top level), the types that recur across
notices, bodies and rounds, and relapses; a click on a cell or bar lists its problems."""
from __future__ import annotations

import streamlit as st

from noticegraph.dashboard import data, urlstate, views


def section(name: str, key: str) -> None:
    query = data.registry()[name]
    st.subheader(query.title)
    st.caption(query.description)
    views.result_view(data.run(name, urlstate.param_form(query, prefix=f"{key}_")), key=key)


def render() -> None:
    st.title("Problem types")
    with views.guarded():
        section("problem-types-by-body", "pt")
        section("recurring-problem-types", "rc")
        section("relapses", "rl")


render()
