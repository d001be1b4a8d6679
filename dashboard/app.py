"""The dashboard's entry point (``streamlit run dashboard/app.py``, or ``noticegraph dashboard``):
one navigation over the pages of ``pages.PAGES`` (modules in ``screens/``); each page is its own module and only renders."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from noticegraph.dashboard.pages import PAGES, SCREENS

HERE = Path(__file__).resolve().parent

st.set_page_config(page_title="NoticeGraph", layout="wide")  # no page_icon: a material or emoji icon is fetched from a CDN
pages = [st.Page(HERE / SCREENS / f"{module}.py", title=title, url_path=url_path or None, default=not url_path)
         for url_path, title, module in PAGES]
st.navigation(pages).run()
