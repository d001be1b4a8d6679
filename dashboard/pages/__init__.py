"""The dashboard's pages, one module each; every module only renders (reads go through data.py).

``PAGES`` lists them in navigation order as (url_path, title, module name): the app serves page
``module`` at ``http://HOST:PORT/<url_path>`` (the first, the default page, at the root:
its url_path is ""). The browser test iterates them.
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
