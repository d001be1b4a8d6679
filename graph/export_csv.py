"""The graph as CSV files that ``neo4j-admin database import`` reads, one per label and relationship.

Contract: ``export_csv(store, folder) -> list[Path]`` writes into ``folder`` (created):
- ``<Label>.csv`` per node label: header ``id:ID(<Label>)``, the other properties typed
  (``span_start:long``, ``value:double``, ``aliases:string[]``; strings untyped), ``:LABEL``;
  one ID space per label, so ids need only be unique within a label;
- ``<TYPE>.csv`` per relationship type, or ``<TYPE>.<From>-<To>.csv`` per pair of end labels
  when a type joins several (an ID space is named per column): header
  ``:START_ID(<From>)``, ``:END_ID(<To>)``, the typed properties, ``:TYPE``;
- arrays joined with ``;`` (neo4j-admin's default array delimiter), None as an empty field;
- ``import.sh``: the neo4j-admin command that loads them (``--multiline-fields=true``: notice
  texts span lines).
Files are UTF-8, comma-separated, quoted as needed.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from .dump import GraphDump, dump_graph
from .schema import DOUBLE, INT64, NODE_BY_LABEL, REL_BY_TYPE, STRINGS, Prop

ADMIN_TYPES = {INT64: "long", DOUBLE: "double", STRINGS: "string[]"}
ARRAY_DELIMITER = ";"


def typed_header(prop: Prop) -> str:
    return f"{prop.name}:{ADMIN_TYPES[prop.type]}" if prop.type in ADMIN_TYPES else prop.name


def csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(str(v) for v in value)
    return value


def write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def node_file(folder: Path, label: str, nodes: list[dict[str, Any]]) -> Path:
    props = [p for p in NODE_BY_LABEL[label].props if p.name != "id"]
    header = [f"id:ID({label})", *(typed_header(p) for p in props), ":LABEL"]
    rows = [[node["id"], *(csv_value(node.get(p.name)) for p in props), label] for node in nodes]
    return write_csv(folder / f"{label}.csv", header, rows)


def rel_file_name(type_: str, from_label: str, to_label: str) -> str:
    return f"{type_}.csv" if len(REL_BY_TYPE[type_].ends) == 1 else f"{type_}.{from_label}-{to_label}.csv"


def rel_file(folder: Path, key: tuple[str, str, str], rels: list[dict[str, Any]]) -> Path:
    type_, from_label, to_label = key
    props = REL_BY_TYPE[type_].props
    header = [f":START_ID({from_label})", f":END_ID({to_label})", *(typed_header(p) for p in props), ":TYPE"]
    rows = [[rel["src"], rel["dst"], *(csv_value(rel.get(p.name)) for p in props), type_] for rel in rels]
    return write_csv(folder / rel_file_name(*key), header, rows)


def import_script(files: list[Path]) -> str:
    nodes = [f for f in files if f.stem in NODE_BY_LABEL]
    rels = [f for f in files if f not in nodes]
    args = [f"  --nodes={f.name}" for f in nodes] + [f"  --relationships={f.name}" for f in rels]
    return ("#!/bin/sh\n# Load these files into an empty Neo4j database (stop the database first).\n"
            "neo4j-admin database import full --overwrite-destination=true --multiline-fields=true \\\n"
            + " \\\n".join(args) + " \\\n  neo4j\n")


def write_dump(dump: GraphDump, folder: str | Path) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = [node_file(folder, label, nodes) for label, nodes in dump.nodes.items()]
    files += [rel_file(folder, key, rels) for key, rels in dump.rels.items()]
    script = folder / "import.sh"
    script.write_text(import_script(files), encoding="utf-8")
    return [*files, script]


def export_csv(store: Any, folder: str | Path) -> list[Path]:
    return write_dump(dump_graph(store), folder)

