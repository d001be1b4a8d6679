"""Load: upload notices (several files; .txt .md .html, any encoding the loaders detect), load
them into the dashboard's store with a progress bar, and show each file's outcome or error.
The other pages show the new data afterwards (their caches key on the store's version)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from noticegraph.dashboard import data, views

TYPES = ["txt", "md", "html", "htm"]


def outcomes(report) -> pd.DataFrame:
    rows = [{"file": r.source, "outcome": r.outcome, "problems": r.problems, "measures": r.measures,
             "regulations": r.regulations, "error": ""} for r in report.results]
    rows += [{"file": f.path, "outcome": "failed", "problems": 0, "measures": 0, "regulations": 0,
              "error": f.reason} for f in report.failures]
    return pd.DataFrame(rows)


def render() -> None:
    st.title("Load notices")
    with views.guarded():
        st.caption(f"Files are kept in {data.uploads_folder()} and loaded into {data.describe()}; "
                   "a file loaded again replaces its earlier version.")
    files = st.file_uploader("Notices", type=TYPES, accept_multiple_files=True, key="files")
    if not files or not st.button(f"Load {len(files)} file(s)", type="primary", key="load"):
        return
    bar = st.progress(0.0, text="extracting and loading…")
    done = [0]

    def advance(count: int) -> None:
        done[0] += count
        bar.progress(min(done[0] / len(files), 1.0), text=f"{done[0]} of {len(files)} files")

    with views.guarded():
        report = data.load([(f.name, f.getvalue()) for f in files], progress=advance)
        bar.progress(1.0, text="done")
        loaded = sum(report.count(o) for o in ("loaded", "replaced"))
        (st.success if not report.failures else st.warning)(
            f"{loaded} loaded or replaced, {report.count('unchanged')} unchanged, "
            f"{len(report.failures)} failed")
        st.dataframe(outcomes(report), hide_index=True)


render()
