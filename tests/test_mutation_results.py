"""queries/results.py value by value: the mutants the registry and sample tests let through.

Pure functions on hand-made rows; every expected value is worked out by hand in the test.
"""
from __future__ import annotations

import dataclasses

import pytest

from noticegraph.queries.model import SavedQuery
from noticegraph.queries.results import (QueryResult, days_between, order_key, sort_rows,
                                         tidy_rows, tidy_value, with_lags)

QUERY = SavedQuery(name="q", title="q", description="q", shape="table", cypher="RETURN 1")


def result(rows: int, total: int | None) -> QueryResult:
    return QueryResult(QUERY, {}, ["n"], [{"n": k} for k in range(rows)], total)


def test_truncated_only_when_the_total_exceeds_the_rows():
    assert result(3, 4).truncated is True
    assert result(3, 3).truncated is False
    assert result(3, 2).truncated is False
    assert result(3, None).truncated is False
    assert result(0, 0).truncated is False


def test_one_order_over_mixed_values():
    values = [None, "b", {"k": 1}, 3, "a", 1.5, [2], True, None]
    assert sorted(values, key=order_key) == [True, 1.5, 3, "a", "b", {"k": 1}, [2], None, None]


def test_order_key_ranks():
    assert order_key(None) > order_key({"z": 1}) > order_key("zzz") > order_key(10 ** 9)
    assert order_key(2) < order_key(10) and order_key("乙") < order_key("甲")
    assert order_key(["b"]) > order_key(["a"]) and order_key({"a": 1}) < order_key([1])


def test_tidy_value_rounds_sorts_and_recurses():
    assert tidy_value(0.12345678) == 0.123457
    assert tidy_value(2.0000004) == 2.0
    assert tidy_value([3, None, 1, 0.1234567]) == [0.123457, 1, 3, None]
    assert tidy_value({"a": [2, 1], "b": {"c": 1.00000049}}) == {"a": [1, 2], "b": {"c": 1.0}}
    assert tidy_value("text") == "text" and tidy_value(7) == 7


def test_days_between():
    assert days_between("2020-01-01", "2020-03-01") == 60
    assert days_between("2020-03-01", "2020-01-01") == -60
    assert days_between("2020-01-01", "2020-01") is None
    assert days_between("soon", "2020-01-01") is None


def test_with_lags_needs_both_dates():
    lags = {"lag": ("start", "end")}
    assert with_lags({"start": "2021-01-01", "end": "2021-01-11"}, lags)["lag"] == 10
    assert with_lags({"start": None, "end": "2021-01-11"}, lags)["lag"] is None
    assert with_lags({"start": "2021-01-01", "end": None}, lags)["lag"] is None
    assert with_lags({"x": 1}, {}) == {"x": 1}


def test_sort_rows_each_column_its_direction_none_last():
    rows = [{"a": 1, "b": None}, {"a": None, "b": 2}, {"a": 2, "b": 1}, {"a": 1, "b": 3}, {"a": 2, "b": 5}]
    ordered = sort_rows(rows, ("-a", "b"))
    assert [(r["a"], r["b"]) for r in ordered] == [(2, 1), (2, 5), (1, 3), (1, None), (None, 2)]
    ascending = sort_rows(rows, ("a", "-b"))
    assert [(r["a"], r["b"]) for r in ascending] == [(1, 3), (1, None), (2, 5), (2, 1), (None, 2)]


def test_tidy_rows_sorts_only_when_asked():
    rows = [{"n": 2, "xs": [2, 1]}, {"n": 1, "xs": []}]
    assert tidy_rows(QUERY, rows) == [{"n": 2, "xs": [1, 2]}, {"n": 1, "xs": []}]
    sorted_query = SavedQuery(name="q", title="q", description="q", shape="table", cypher="RETURN 1",
                              sort=("n",), lags={"d": ("s", "e")})
    tidied = tidy_rows(sorted_query, [{"n": 2, "s": "2020-01-01", "e": "2020-01-02"}, {"n": 1, "s": None, "e": None}])
    assert tidied == [{"n": 1, "s": None, "e": None, "d": None}, {"n": 2, "s": "2020-01-01", "e": "2020-01-02", "d": 1}]


def test_lags_of_a_row_without_the_start_column():
    assert with_lags({"end": "2021-01-11"}, {"lag": ("start", "end")})["lag"] is None


def test_dicts_order_by_their_sorted_keys_and_unescaped_text():
    later_first_key = {"b": 0, "a": 1}
    assert sorted([{"a": 5}, later_first_key], key=order_key) == [later_first_key, {"a": 5}]
    assert sorted([["乙"], ["z"]], key=order_key) == [["z"], ["乙"]]


def test_a_result_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        result(1, 1).rows = []
