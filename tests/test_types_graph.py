"""Problem types in the graph, on both stores: the taxonomy as ProblemType/BROADER, HAS_TYPE
with provenance on the sample problems, counts rolled up the tree, and the `types` command."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, TAXONOMY, TAXONOMY_COUNTS, make_notice

from noticegraph.cli import main
from noticegraph.graph.taxonomy_rows import write_taxonomy
from noticegraph.graph.typecounts import type_counts, unclassified
from noticegraph.loaders import extract_file
from noticegraph.loaders.records import Problem
from noticegraph.loaders.taxonomy import Taxonomy

ALL_BROADER = sorted((c.id, parent) for c in TAXONOMY for parent in c.broader)


@pytest.fixture(scope="module")
def samples():
    return [extract_file(path) for path in sorted(SAMPLES.glob("*.txt"))]


def taxonomy_counts(store) -> dict[str, int]:
    stats = store.stats()
    return {"ProblemType": stats["nodes"]["ProblemType"], "BROADER": stats["relationships"]["BROADER"]}


def broader_pairs(store) -> list[tuple[str, str]]:
    rows = store.query("MATCH (a:ProblemType)-[:BROADER]->(b:ProblemType) "
                       "RETURN a.id AS src, b.id AS dst ORDER BY src, dst")
    return [(row["src"], row["dst"]) for row in rows]


def test_the_taxonomy_is_in_the_store(store):
    assert taxonomy_counts(store) == TAXONOMY_COUNTS
    assert broader_pairs(store) == ALL_BROADER
    [node] = store.query("MATCH (t:ProblemType {id: 'eight-rules'}) RETURN t")
    concept = TAXONOMY["eight-rules"]
    assert node["t"] | {"alt_labels": sorted(node["t"]["alt_labels"])} == {
        "_label": "ProblemType", "id": "eight-rules", "label": concept.label_zh, "label_en": concept.label_en,
        "notation": "2.6.1.1", "scope_note": concept.scope_note, "alt_labels": sorted(concept.alt_labels),
        "broader": "four-winds", "version": TAXONOMY.version}


def test_writing_the_taxonomy_is_idempotent_and_drops_stale_concepts(store):
    store.ensure_schema()
    assert taxonomy_counts(store) == TAXONOMY_COUNTS
    keep = {cid: c for cid, c in TAXONOMY.concepts.items() if cid != "eight-rules"}
    smaller = Taxonomy(TAXONOMY.iri, TAXONOMY.version, keep)
    assert store._transaction(lambda run: write_taxonomy(run, store.name == "ladybug", smaller)) == (
        len(keep), len(ALL_BROADER) - 1)
    assert taxonomy_counts(store) == {"ProblemType": len(keep), "BROADER": len(ALL_BROADER) - 1}
    store.ensure_schema()
    assert broader_pairs(store) == ALL_BROADER


def test_sample_problems_are_typed_with_provenance(store, samples):
    store.load_many(samples)
    rows = store.query("MATCH (p:Problem) OPTIONAL MATCH (p)-[h:HAS_TYPE]->(t:ProblemType) "
                       "RETURN p.id AS problem, p.notice_id AS notice, h.notice_id AS h_notice, h.score AS score, "
                       "h.terms AS terms, h.context_terms AS context, t.id AS type ORDER BY problem, type")
    typed = {row["problem"] for row in rows if row["type"]}
    assert len({row["problem"] for row in rows}) == 54
    assert len(typed) >= 0.95 * 54
    for row in (r for r in rows if r["type"]):
        assert 0 < row["score"] <= 1 and row["h_notice"] == row["notice"]
        assert row["terms"] or row["context"]
    expected = {(p.text, m.concept_id) for n in samples for p in n.problems for m in p.types}
    stored = store.query("MATCH (p:Problem)-[:HAS_TYPE]->(t:ProblemType) RETURN p.text AS text, t.id AS type")
    assert {(row["text"], row["type"]) for row in stored} == expected
    assert store.stats()["relationships"]["HAS_TYPE"] == len(expected)


def test_counts_roll_up_and_unclassified_problems_are_listed(store):
    notice = make_notice()
    notice.problems.append(replace(notice.problems[1], text="会议记录不完整", path="3", measures=[]))
    store.load(notice)
    counts = {c.id: c for c in type_counts(store)}
    assert [c.id for c in type_counts(store)][:2] == ["decisions", "political-building"]
    assert (counts["eight-rules"].direct, counts["eight-rules"].problems) == (1, 1)
    assert (counts["strict-governance"].direct, counts["strict-governance"].problems) == (0, 1)
    assert (counts["decisions"].problems, counts["decisions"].notices, counts["decisions"].depth) == (1, 1, 0)
    assert counts["eight-rules"].depth == 3 and counts["land-resources"].problems == 0
    assert unclassified(store) == [{"notice_id": notice.id, "title": notice.title, "path": "3",
                                    "text": "会议记录不完整"}]


def test_hand_made_problems_are_classified_when_loaded():
    from noticegraph.graph.rows import notice_rows

    problem = Problem("执行中央八项规定精神不够严格", (0, 0), "1")
    assert problem.types is None
    notice = make_notice()
    notice.problems = [problem]
    [rel] = notice_rows(notice).rels[("HAS_TYPE", "Problem", "ProblemType")]
    assert (rel["dst"], rel["terms"]) == ("eight-rules", ["八项规定"])


def test_types_command(tmp_path):
    db = tmp_path / "graph.lbug"
    runner, env = CliRunner(), {"NEO4J_URI": None}
    assert runner.invoke(main, ["load", str(SAMPLES), "--db", str(db)], env=env).exit_code == 0
    result = runner.invoke(main, ["types", "--json", "--db", str(db)], env=env)
    assert result.exit_code == 0, result.output
    counts = {row["id"]: row for row in json.loads(result.stdout)}
    assert len(counts) == len(TAXONOMY)
    assert sum(counts[c.id]["problems"] for c in TAXONOMY.top_concepts()) >= 54
    assert counts["eight-rules"]["notices"] == 2
    tree = runner.invoke(main, ["types", "--db", str(db)], env=env)
    assert "违反中央八项规定精神 (eight-rules)" in tree.stdout
    none = runner.invoke(main, ["types", "--unclassified", "--db", str(db)], env=env)
    assert none.exit_code == 0 and none.stdout == "" and "0 unclassified" in none.stderr
