"""Parameter coercion edge cases (queries/params.py) found by mutation testing: only the word
'today' means today, and only a date parameter's error carries the date format hint."""
from __future__ import annotations

import datetime as dt

import pytest

from noticegraph.queries.errors import ParamError
from noticegraph.queries.model import Param
from noticegraph.queries.params import coerce

AS_OF, LIMIT = Param("as_of", "date", "as of"), Param("limit", "int", "rows")


def test_only_today_means_today():
    assert coerce(AS_OF, " today ") == dt.date.today().isoformat()
    assert coerce(AS_OF, "2024-02-29") == "2024-02-29"
    for text in ("tomorrow", "zzz", "todays"):  # all sort after 'today'
        with pytest.raises(ParamError, match="YYYY-MM-DD or today"):
            coerce(AS_OF, text)


def test_only_a_date_error_names_the_date_format():
    with pytest.raises(ParamError) as failed:
        coerce(LIMIT, "many")
    assert str(failed.value) == "parameter limit: 'many' is not a int"


@pytest.mark.parametrize("word, value", [("yes", True), ("ON", True), ("no", False), ("0", False), ("off", False)])
def test_booleans_from_words(word, value):
    assert coerce(Param("top_level", "bool", "flag"), word) is value


@pytest.mark.parametrize("value, expected", [(2.0, 2), ("3", 3), (7, 7)])
def test_integers_from_whole_values(value, expected):
    assert coerce(LIMIT, value) == expected


@pytest.mark.parametrize("value", [True, 2.5, "2.5", "maybe"])
def test_integers_refuse_booleans_and_fractions(value):
    with pytest.raises(ParamError, match="is not a int$"):
        coerce(LIMIT, value)


def test_a_bool_error_has_no_date_hint():
    with pytest.raises(ParamError) as failed:
        coerce(Param("top_level", "bool", "flag"), "maybe")
    assert str(failed.value) == "parameter top_level: 'maybe' is not a bool"
