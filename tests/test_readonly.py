"""The read-only guard: every statement of tests/data/write_statements.cypher is refused by the
statement check on both stores; read queries (with keywords inside literals, comments and
names) pass and return their rows; and the second layer, the read-only transaction of
``store.read_query``, refuses writes of every kind on its own on both stores."""
from __future__ import annotations

from pathlib import Path

import pytest

from noticegraph.graph.dump import dump_graph
from noticegraph.graph.readonly import QueryFailed, QueryRefused, check_read_only, run_read_only, tokens

CORPUS = Path(__file__).parent / "data" / "write_statements.cypher"


def write_statements() -> list[str]:
    lines = [line for line in CORPUS.read_text("utf-8").splitlines() if not line.startswith("#")]
    return [part.strip() for part in "\n".join(lines).split("\n---\n") if part.strip()]


WRITES = write_statements()

READS = [
    ("MATCH (p:Problem) WHERE p.text CONTAINS 'create' OR p.text CONTAINS 'DELETE' RETURN count(*) AS n",
     {}, [{"n": 0}]),
    ("RETURN 'DELETE everything; DROP TABLE Notice' AS s", {}, [{"s": "DELETE everything; DROP TABLE Notice"}]),
    ('RETURN "MERGE \\"quoted\\" SET" AS s', {}, [{"s": 'MERGE "quoted" SET'}]),
    ("MATCH (n:Notice) // CREATE (:Body) in a comment\nRETURN count(n) AS n", {}, [{"n": 2}]),
    ("MATCH (n:Notice) /* SET n.title = 'x'; DROP TABLE Notice */ RETURN count(n) AS n", {}, [{"n": 2}]),
    ("MATCH (n:Notice) RETURN n.published AS `create` ORDER BY `create`", {},
     [{"create": "2020-07-17"}, {"create": "2022-04-08"}]),
    ("MATCH (n:Notice) WHERE n.published >= $delete RETURN count(*) AS n", {"delete": "2021"}, [{"n": 1}]),
    ("MATCH (p:Problem) WHERE p.text CONTAINS $q RETURN count(*) AS n", {"q": "删除"}, [{"n": 0}]),
    ("MATCH (n:Notice)-[:CONTAINS]->(p:Problem) RETURN n.published AS published, count(p) AS problems "
     "ORDER BY published", {}, [{"published": "2020-07-17", "problems": 40}, {"published": "2022-04-08", "problems": 14}]),
    ("RETURN 1 AS one;", {}, [{"one": 1}]),
]


def test_the_corpus_is_large_enough():
    assert len(WRITES) >= 50


@pytest.mark.parametrize("statement", WRITES)
def test_every_write_is_refused_naming_the_keyword(statement):
    with pytest.raises(QueryRefused) as refused:
        check_read_only(statement)
    keyword = refused.value.keyword
    assert keyword in (";", "statement") or keyword in statement.upper()
    assert str(refused.value).startswith(f"refused: {keyword} ")


def test_writes_are_refused_on_the_store_and_change_nothing(store, gold_notices):
    store.load_many(gold_notices)
    before = store.stats()
    for statement in WRITES:
        with pytest.raises(QueryRefused):
            run_read_only(store, statement)
    assert store.stats() == before
    assert store.query("MATCH (n:Notice) RETURN n.title AS t ORDER BY t") == [
        {"t": n.title} for n in sorted(gold_notices, key=lambda n: n.title)]


def test_reads_pass(store, gold_notices):
    store.load_many(gold_notices)
    for statement, params, expected in READS:
        assert run_read_only(store, statement, params) == expected, statement


@pytest.mark.parametrize("statement", [
    "MATCH (n:Notice) RETURN n.id AS id, n.title AS set_title",
    "MATCH (n) WHERE n.delete = $create RETURN n",
    "MATCH (n:`CREATE`) RETURN n",
    "RETURN 'it''s' AS s",
    "RETURN '\\u0043REATE' AS s",
])
def test_names_and_literals_are_not_keywords(statement):
    check_read_only(statement)


def test_a_backslash_cannot_hide_a_keyword():
    """Read with escapes the CREATE below sits in a string; read without, it does not: refused."""
    with pytest.raises(QueryRefused, match="CREATE"):
        check_read_only(r"RETURN 'a\' AS x CREATE (:Body {id: 1}) RETURN 'z' AS y //'")
    assert list(tokens(r"RETURN 'a\' AS x CREATE (:Body {id: 1}) RETURN 'z' AS y //'")) == ["RETURN", "Z"]


def test_engine_errors_are_one_line(store):
    with pytest.raises(QueryFailed) as failed:
        run_read_only(store, "MATCH (n:NoSuchLabel) RETURN n.nothing AS x ORDER BY x LIMIT")
    assert "\n" not in str(failed.value) and store.describe() in str(failed.value)


# Writes of each kind, run through store.read_query itself (no statement check in front): the
# second layer on its own. Each is also run as a plain write afterwards, to prove it does write.
SECOND_LAYER_WRITES = [
    "CREATE (:Person {id: 'intruder', name: '某人'})",
    "MERGE (:Body {id: 'merged-body', name: '某单位'})",
    "MATCH (n:Notice) SET n.title = 'changed'",
    "MATCH (n:Notice) WITH n ORDER BY n.id LIMIT 1 MATCH (b:Body) WITH n, b ORDER BY b.id LIMIT 1 "
    "CREATE (n)-[:ISSUED_BY {notice_id: 'x'}]->(b)",
    "MATCH (p:Problem) DETACH DELETE p",
]


def test_the_read_transaction_refuses_writes_without_the_check(store, gold_notices):
    """LadybugDB refuses them in BEGIN TRANSACTION READ ONLY; a Bolt server that does not
    enforce READ access (ArcadeDB) reports the update and the store rolls it back."""
    store.load_many(gold_notices)
    for statement in SECOND_LAYER_WRITES:
        before = dump_graph(store)
        with pytest.raises(Exception) as refused:
            store.read_query(statement)
        assert not isinstance(refused.value, QueryRefused), statement
        assert dump_graph(store) == before, statement
        store.write(lambda run: run(statement, {}))
        assert dump_graph(store) != before, f"not a write: {statement}"
