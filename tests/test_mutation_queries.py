"""queries/model.py: definitions checked where the mutation sample's survivors showed gaps.

``param {i + 1}`` → ``param {i ^ 1}`` gives the same number for the first parameter only, so
the faulty parameter is the second; a parameter declared twice; lags keep their column order;
date defaults ("today", a real ISO date, a date object) against strings that are not dates.
"""
from __future__ import annotations

import datetime as dt

import pytest

from noticegraph.queries.errors import QueryDefinitionError
from noticegraph.queries.model import TODAY, default_fits
from noticegraph.queries.registry import load_registry
from test_queries_registry import GOOD_CYPHER, GOOD_YAML, write_query

SECOND_PARAM = GOOD_YAML + """  - name: level
    type: str
    default: null
    description: a level
    colour: red
"""


def test_the_second_parameter_is_named_param_2(tmp_path):
    cypher = GOOD_CYPHER.replace("$kind IS NULL", "$kind IS NULL OR $level IS NULL")
    with pytest.raises(QueryDefinitionError, match="param 2: unknown key"):
        load_registry(write_query(tmp_path, SECOND_PARAM, cypher))


def test_a_parameter_declared_twice_is_refused(tmp_path):
    twice = GOOD_YAML + GOOD_YAML[GOOD_YAML.index("  - name: kind"):]
    with pytest.raises(QueryDefinitionError, match="a parameter is declared twice"):
        load_registry(write_query(tmp_path, twice))


def test_lags_keep_their_from_and_to_columns(tmp_path):
    meta = GOOD_YAML + "lags:\n  lag: [opened, closed]\n"
    assert load_registry(write_query(tmp_path, meta))["demo"].lags == {"lag": ("opened", "closed")}


def test_date_defaults():
    assert default_fits("date", None) and default_fits("date", TODAY) and default_fits("date", "2020-02-29")
    assert not default_fits("date", "zzz") and not default_fits("date", "2021-02-29")
    assert default_fits("date", dt.date(2020, 1, 1))
    assert not default_fits("int", True) and default_fits("bool", False) and default_fits("float", 1)
