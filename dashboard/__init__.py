"""The Streamlit dashboard (a later issue).

It will read only through ``dashboard/data.py`` — the store opened read-only with
``st.cache_resource``, saved queries (``noticegraph.queries.registry.run_query``) cached with
``st.cache_data`` — and send console input through ``noticegraph.graph.readonly``.
"""
