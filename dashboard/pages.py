"""The dashboard's pages: one module each under ``screens/``; every module only renders (reads go
through data.py).

``PAGES`` lists them in navigation order as (url_path, title, module name): the app serves
``screens/<module>.py`` at ``http://HOST:PORT/<url_path>`` (the first, the default page, at the
root: its url_path is ""). The browser test iterates them. The folder is not called ``pages/``:
next to the entry script Streamlit would take that name for its older file-based navigation and
run the pages itself, beside ``st.navigation`` ("Page not found" on first load).
"""
from __future__ import annotations

PAGES: tuple[tuple[str, str, str], ...] = (
    ("", "Overview", "overview"),
    ("regulations", "Regulations", "regulations"),
    ("problem-types", "Problem types", "problem_types"),
    ("network", "Unit–problem network", "network"),
    ("saved-queries", "Saved queries", "saved_queries"),
    ("console", "Cypher console", "console"),
    ("reader", "Notice reader", "reader"),
    ("load", "Load", "load"),
)

SCREENS = "screens"
