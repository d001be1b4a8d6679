"""graph/ladybug_store.py: what the store tests let through under mutation.

Real LadybugDB files in tmp_path: a store in a folder that does not exist yet, a database file
without the schema (as a reader meets one that no writer has set up), and a file that is not a
database at all, opened for reading; a committed bulk load reopens the database (ladybug keeps
memory outside its pool until it is closed), a load one by one does not. Pure: the writer's
buffer pool is NOTICEGRAPH_BUFFER_POOL_MB mebibytes, and the lock message names the pid that
ladybug's own message gives.
"""
from __future__ import annotations

import pytest

from noticegraph.graph import open_store
from noticegraph.graph.errors import QueryTimeout, StoreUnavailable
from noticegraph.graph.ladybug_store import LadybugStore, unavailable_reason, writer_pool_bytes


def test_store_in_a_new_nested_folder(tmp_path):
    path = tmp_path / "a" / "b" / "graph.lbug"
    with open_store("ladybug", path) as graph:
        graph.ensure_schema()
    assert path.exists()


def test_tables_not_created_yet_count_zero(tmp_path):
    with LadybugStore(tmp_path / "bare.lbug").open() as graph:
        stats = graph.stats()
    assert stats["nodes"] and stats["relationships"]
    assert set(stats["nodes"].values()) == {0} and set(stats["relationships"].values()) == {0}


def test_a_file_that_is_no_database_is_unavailable_for_reading(tmp_path):
    path = tmp_path / "garbage.lbug"
    path.write_bytes(b"not a database" * 1000)
    with pytest.raises(StoreUnavailable, match="garbage.lbug"):
        open_store("ladybug", path, read_only=True)


RUNAWAY = "MATCH p=(a)-[*]-(b) RETURN count(p) AS n"  # paths up to 30 hops: far past the limit


def test_a_time_limit_stops_the_query_and_is_reset_afterwards(tmp_path, small_notice):
    with open_store("ladybug", tmp_path / "graph.lbug") as graph:
        graph.load(small_notice)
        with pytest.raises(QueryTimeout) as stopped:
            graph.read_query(RUNAWAY, timeout_s=0.3)
        assert stopped.value.seconds == 0.3
        assert graph.read_query("MATCH (n:Notice) RETURN count(n) AS n", timeout_s=20) == [{"n": 1}]
        assert graph.read_query("MATCH (n:Problem) RETURN count(n) AS n") == [{"n": 2}]


def test_max_rows_keeps_the_first_rows(tmp_path):
    with open_store("ladybug", tmp_path / "graph.lbug") as graph:
        rows = graph.read_query("UNWIND [1, 2, 3] AS x RETURN x", max_rows=2)
        assert rows == [{"x": 1}, {"x": 2}]
        assert graph.read_query("UNWIND [1, 2, 3] AS x RETURN x", max_rows=5) == [{"x": 1}, {"x": 2}, {"x": 3}]



def test_the_writer_pool_is_given_in_mebibytes(monkeypatch):
    monkeypatch.setenv("NOTICEGRAPH_BUFFER_POOL_MB", "3")
    assert writer_pool_bytes() == 3 * 1024 * 1024
    monkeypatch.delenv("NOTICEGRAPH_BUFFER_POOL_MB")
    assert writer_pool_bytes() == 0


LOCKED = ("IO exception: Could not set lock on file : /data/graph.lbug (Lock is held by PID 5219) "
          "(Error: Resource temporarily unavailable)\nSee the docs: https://docs.ladybugdb.com/concurrency "
          "for more information.")  # ladybug's own message, as a second writer meets it


def test_the_lock_message_names_the_holder(tmp_path):
    path = tmp_path / "graph.lbug"
    assert unavailable_reason(path, RuntimeError(LOCKED)) == (
        f"LadybugDB database {path} is locked by another writer (lock is held by pid 5219)")
    without_pid = LOCKED.replace("(Lock is held by PID 5219) ", "")
    assert unavailable_reason(path, RuntimeError(without_pid)) == f"LadybugDB database {path} is locked by another writer"


def test_a_committed_bulk_load_reopens_the_database_and_a_load_one_by_one_does_not(tmp_path, small_notice):
    with open_store("ladybug", tmp_path / "graph.lbug") as graph:
        graph.ensure_schema()
        first = graph._db
        assert graph.load_many([small_notice])[0].outcome == "loaded"  # the bulk path: COPY
        reopened = graph._db
        assert reopened is not first
        assert graph.load(small_notice) == "unchanged"
        assert graph._db is reopened
        assert graph.stats()["nodes"]["Notice"] == 1
