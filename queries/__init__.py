"""Saved queries: Cypher files with typed metadata, loaded into a registry (registry.py).

``from noticegraph.queries.registry import load_registry, run_query`` is the entry point.
"""
