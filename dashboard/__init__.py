"""The Streamlit dashboard: ``app.py`` (navigation), ``pages.PAGES`` and ``screens/`` (one module per page, render only),
``data.py`` (the only module that reads: the store handle and cached saved-query results),
``views.py``/``charts.py``/``network.py``/``highlight.py`` (rendering), ``urlstate.py`` (the URL).
Layers point one way: the dashboard imports queries and graph, never the reverse.
"""
