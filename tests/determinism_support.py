"""Helpers for the determinism and crash tests: a small mixed corpus on disk, fresh stores of
either engine, and the canonical form of a whole graph (graph/dump.py) to compare them by."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SAMPLES, open_test_store

from noticegraph.graph.dump import dump_graph
from noticegraph.synth import generate_corpus

SIMILAR = ("SIMILAR_TO", "Problem", "Problem")


def write_corpus(folder: Path, count: int = 24, seed: int = 5) -> list[Path]:
    """``count`` synthetic notices plus the two samples, as files in ``folder``, sorted."""
    folder.mkdir(parents=True, exist_ok=True)
    for notice in generate_corpus(count, seed=seed):
        (folder / notice.filename).write_text(notice.text, "utf-8")
    for sample in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(sample, folder / sample.name)
    return sorted(folder.glob("*.txt"))


def fresh_store(kind: str, tmp_path: Path, request, name: str):
    store = open_test_store(kind, tmp_path, request, name=name)
    if kind == "neo4j":
        store.query("MATCH (n) DETACH DELETE n")
    store.ensure_schema()
    return store


def canonical(store) -> dict:
    """The whole graph as sorted plain rows: equal dicts mean equal graphs."""
    dump = dump_graph(store)
    return {"nodes": dump.nodes, "rels": {"|".join(key): rows for key, rows in dump.rels.items()}}


def similar_links(store) -> list[tuple[str, str, float]]:
    return [(r["src"], r["dst"], r["score"]) for r in dump_graph(store).rels[SIMILAR]]
