"""The console's limits, on both stores loaded with the samples: a runaway query is stopped at a
short time limit and the store answers afterwards; the row cap keeps the first rows and says
more there were; every write the guard refuses stays refused with the limits on."""
from __future__ import annotations

import time

import pytest
from query_support import sample_stores  # noqa: F401 - the module fixture `stores`
from test_readonly import WRITES

from noticegraph.graph.readonly import QueryRefused, QueryTimeout, run_read_only

# LadybugDB runs the runaway for minutes (unbounded [*] is 30 hops); ArcadeDB ignores
# transaction timeouts and would run it to the end on its own thread, so on the Bolt server the
# runaway is one that takes it seconds (2-4 s over the samples, 8 million rows), past the limit.
RUNAWAY = {"ladybug": "MATCH p=(a)-[*]-(b) RETURN count(p) AS n",
           "neo4j": "MATCH (a)-[*1..3]-(b) WITH a, b MATCH (:Problem) RETURN count(*) AS n"}
LIMIT_S = 0.5


@pytest.mark.parametrize("index", [0, 1], ids=["ladybug", "neo4j"])
def test_a_runaway_query_stops_at_its_time_limit_and_the_store_still_answers(stores, index):
    graph = stores[index]
    started = time.monotonic()
    with pytest.raises(QueryTimeout) as stopped:
        run_read_only(graph, RUNAWAY[graph.name], timeout_s=LIMIT_S)
    waited = time.monotonic() - started
    assert stopped.value.seconds == LIMIT_S and "time limit of 0.5 s" in str(stopped.value)
    assert waited < LIMIT_S + 1, waited
    assert run_read_only(graph, "MATCH (n:Notice) RETURN count(n) AS n", timeout_s=20) == [{"n": 2}]


@pytest.mark.parametrize("index", [0, 1], ids=["ladybug", "neo4j"])
def test_the_row_cap_keeps_the_first_rows_and_says_more_there_were(stores, index):
    statement = "MATCH (p:Problem) RETURN p.id AS id ORDER BY id"
    everything = run_read_only(stores[index], statement)
    capped = run_read_only(stores[index], statement, max_rows=10)
    assert len(everything) == 54 and not everything.truncated
    assert list(capped) == everything[:10] and capped.truncated
    exact = run_read_only(stores[index], statement, max_rows=54)
    assert len(exact) == 54 and not exact.truncated


@pytest.mark.parametrize("index", [0, 1], ids=["ladybug", "neo4j"])
def test_writes_stay_refused_with_the_limits_on(stores, index):
    before = stores[index].stats()
    for statement in WRITES:
        with pytest.raises(QueryRefused):
            run_read_only(stores[index], statement, max_rows=1000, timeout_s=20)
    assert stores[index].stats() == before
