"""graph/rows.py, checked value by value (the mutants the store tests let through).

No store: notice_rows is a pure function of the notice, so these run in milliseconds and come
first in a mutation run. Each expectation is worked out from the hand-made notice in conftest.
"""
from __future__ import annotations

import dataclasses

import pytest

from conftest import make_notice, span_of
from noticegraph.graph import ids
from noticegraph.graph.rows import (GraphRows, coerce, fill_missing, make_row, notice_rows,
                                    span_values)
from noticegraph.graph.schema import DOUBLE, INT64, NODE_BY_LABEL, STRING, STRINGS
from noticegraph.loaders.classify import TypeMatch
from noticegraph.loaders.records import Person


def test_coerce_each_type():
    assert coerce(None, INT64) is None and coerce(None, STRINGS) is None
    assert coerce("7", INT64) == 7 and type(coerce("7", INT64)) is int
    assert coerce("1.5", DOUBLE) == 1.5 and type(coerce(3, DOUBLE)) is float
    assert coerce(["a", 1], STRINGS) == ["a", "1"]
    assert coerce([], STRINGS) is None
    assert coerce(5, STRING) == "5"
    text = "文本"
    assert coerce(text, STRING) is text


def test_make_row_keeps_schema_order_and_pads():
    table = NODE_BY_LABEL["Measure"]
    row = make_row(table, {"ordinal": "2", "id": "m"})
    assert list(row) == list(table.names)
    assert row["ordinal"] == 2 and row["id"] == "m" and row["text"] is None


def test_make_row_names_the_unknown_properties():
    with pytest.raises(KeyError, match=r"not in the schema of Measure: \['bogus', 'zz'\]"):
        make_row(NODE_BY_LABEL["Measure"], {"id": "m", "zz": 1, "bogus": 2})


def test_make_row_accepts_exactly_the_schema():
    table = NODE_BY_LABEL["Figure"]
    every = {name: None for name in table.names}
    assert make_row(table, every) == every


def test_span_values():
    assert span_values((3, 5)) == {"span_start": 3, "span_end": 5}
    assert span_values(None) == {"span_start": None, "span_end": None}


def test_fill_missing_fills_only_empty_fields():
    target = {"a": None, "b": "kept", "c": None}
    fill_missing(target, {"a": "new", "b": "other", "c": None})
    assert target == {"a": "new", "b": "kept", "c": None}


def test_shared_node_once_owned_node_twice():
    rows = GraphRows()
    assert rows.add_node("Body", id="b", name="甲") == "b"
    assert rows.add_node("Body", id="b", name="乙", aliases=["丙"]) == "b"
    assert rows.nodes["Body"] == [{"id": "b", "name": "甲", "aliases": ["丙"]}]
    rows.add_node("Measure", id="m")
    rows.add_node("Measure", id="m")
    assert rows.count("Measure") == 2 and rows.count("Figure") == 0


def test_relationship_once_per_type_and_ends():
    rows = GraphRows()
    rows.add_rel("INVOLVES", ("Measure", "Body"), "m", "b", notice_id="n", span_start=1)
    rows.add_rel("INVOLVES", ("Measure", "Body"), "m", "b", notice_id="n", span_start=9)
    rows.add_rel("INVOLVES", ("Measure", "Body"), "m", "c", notice_id="n")
    rows.add_rel("INVOLVES", ("Measure", "Body"), "x", "b", notice_id="n")
    found = rows.rels[("INVOLVES", "Measure", "Body")]
    assert [(r["src"], r["dst"], r["span_start"]) for r in found] == [("m", "b", 1), ("m", "c", None), ("x", "b", None)]


def test_concat_keeps_the_first_shared_row_and_every_owned_row():
    first, second = GraphRows(), GraphRows()
    first.add_node("Body", id="b", name="甲")
    second.add_node("Body", id="b", name="乙")
    second.add_node("Body", id="c", name="丙")
    for part in (first, second):
        part.add_node("Measure", id="m")
        part.add_rel("INVOLVES", ("Measure", "Body"), "m", "b", notice_id="n")
    joined = GraphRows.concat([first, second])
    assert [r["name"] for r in joined.nodes["Body"]] == ["甲", "丙"]
    assert joined.count("Measure") == 2
    assert len(joined.rels[("INVOLVES", "Measure", "Body")]) == 2


@pytest.fixture(scope="module")
def small_rows():
    notice = make_notice()
    return notice, notice_rows(notice)


def test_ordinals_and_ids_count_from_one(small_rows):
    notice, rows = small_rows
    problems = rows.nodes["Problem"]
    assert [p["ordinal"] for p in problems] == [1, 2]
    assert [p["id"] for p in problems] == [ids.problem_id(notice.id, "1", 1), ids.problem_id(notice.id, "2", 2)]
    first = problems[0]["id"]
    measures = rows.nodes["Measure"]
    assert [m["ordinal"] for m in measures] == [1, 2, 1]
    assert measures[0]["id"] == ids.measure_id(first, 1) and measures[1]["id"] == ids.measure_id(first, 2)
    assert [f["id"] for f in rows.nodes["Figure"]] == [ids.figure_id(notice.id, 1), ids.figure_id(notice.id, 2)]


def test_notice_row_values(small_rows):
    notice, rows = small_rows
    (row,) = rows.nodes["Notice"]
    assert row["span_start"] == 0 and row["span_end"] == len(notice.title)
    assert row["issuer"] == "中共示例县委员会" and row["problems_claimed"] == 2
    assert row["sha"] == ids.text_sha(notice.text) and row["document_numbers"] == ["示财〔2020〕3号"]
    (issued_by,) = rows.rels[("ISSUED_BY", "Notice", "Body")]
    assert (issued_by["span_start"], issued_by["span_end"]) == span_of(notice.text, "中共示例县委员会")


def test_notice_without_issuer_or_body():
    notice = dataclasses.replace(make_notice(), issuer=None, inspected_body=None, persons=[])
    rows = notice_rows(notice)
    assert ("ISSUED_BY", "Notice", "Body") not in rows.rels
    assert ("INSPECTED", "Round", "Body") not in rows.rels
    assert ("CONCERNS", "Problem", "Body") not in rows.rels
    assert rows.nodes["Notice"][0]["issuer"] is None


def test_round_links(small_rows):
    notice, rows = small_rows
    rid = ids.round_id(notice.id)
    assert rows.nodes["Round"][0]["id"] == rid and rows.nodes["Round"][0]["team"] == "县委第一巡察组"
    (inspected,) = rows.rels[("INSPECTED", "Round", "Body")]
    assert inspected["src"] == rid
    (conducted,) = rows.rels[("CONDUCTED_BY", "Round", "Body")]
    assert conducted["src"] == rid and conducted["span_start"] is None
    assert len(rows.rels[("RAISED_IN", "Problem", "Round")]) == 2
    assert len(rows.rels[("CONCERNS", "Problem", "Body")]) == 2


def test_titles_roles_and_notice_level_order(small_rows):
    notice, rows = small_rows
    cites = rows.rels[("CITES", "Notice", "Regulation")]
    issues = rows.rels[("ISSUES", "Notice", "Regulation")]
    assert len(cites) == 1 and len(issues) == 1
    assert cites[0]["span_start"] == span_of(notice.text, "《中国共产党纪律处分条例》")[0]
    assert cites[0]["verb"] == "落实"
    assert len(rows.rels[("CITES", "Measure", "Regulation")]) == 2
    assert len(rows.nodes["Regulation"]) == 2


def test_unknown_role_refers_to():
    notice = make_notice()
    ref = dataclasses.replace(notice.titles[0], role="mystery")
    rows = notice_rows(dataclasses.replace(notice, titles=[ref]))
    assert ("REFERS_TO", "Notice", "Regulation") in rows.rels


def test_given_types_are_used_as_they_are():
    notice = make_notice()
    match = TypeMatch("pt-test", 0.5, ("学习",), ("政治",))
    problem = dataclasses.replace(notice.problems[0], types=[match])
    rows = notice_rows(dataclasses.replace(notice, problems=[problem]))
    (has_type,) = rows.rels[("HAS_TYPE", "Problem", "ProblemType")]
    assert (has_type["dst"], has_type["score"], has_type["terms"], has_type["context_terms"]) == \
        ("pt-test", 0.5, ["学习"], ["政治"])


def test_empty_types_give_no_link():
    notice = make_notice()
    problem = dataclasses.replace(notice.problems[0], types=[])
    rows = notice_rows(dataclasses.replace(notice, problems=[problem]))
    assert ("HAS_TYPE", "Problem", "ProblemType") not in rows.rels


def test_persons_hold_posts_in_the_issuer(small_rows):
    notice, rows = small_rows
    (person,) = rows.nodes["Person"]
    (post,) = rows.rels[("HOLDS_POST_IN", "Person", "Body")]
    assert post["src"] == person["id"] and post["role"] == "书记"
    blank = dataclasses.replace(notice, persons=[Person("  ", "书记", (0, 1))])
    assert "Person" not in notice_rows(blank).nodes


def test_persons_hold_posts_in_the_issuer_not_the_inspected_body():
    notice = make_notice()
    other = dataclasses.replace(notice.issuer, name="示例县财政局", span=span_of(notice.text, "县财政局"))
    rows = notice_rows(dataclasses.replace(notice, inspected_body=other))
    (post,) = rows.rels[("HOLDS_POST_IN", "Person", "Body")]
    issuer = next(b["id"] for b in rows.nodes["Body"] if b["name"] == "中共示例县委员会")
    assert post["dst"] == issuer
    without_issuer = notice_rows(dataclasses.replace(notice, issuer=None, inspected_body=other))
    (post,) = without_issuer.rels[("HOLDS_POST_IN", "Person", "Body")]
    assert post["dst"] == next(b["id"] for b in without_issuer.nodes["Body"] if b["name"] == "示例县财政局")


def test_a_title_without_a_key_is_skipped_not_the_titles_after_it():
    notice = make_notice()
    blank = dataclasses.replace(notice.titles[0], title="  ", span=(0, 0))
    rows = notice_rows(dataclasses.replace(notice, titles=[blank, *notice.titles]))
    assert len(rows.nodes["Regulation"]) == 2
    assert len(rows.rels[("CITES", "Notice", "Regulation")]) == 1


def test_the_notice_keeps_its_own_id():
    rows = notice_rows(dataclasses.replace(make_notice(), id="notice-given"))
    assert rows.nodes["Notice"][0]["id"] == "notice-given"
    assert rows.nodes["Round"][0]["id"] == ids.round_id("notice-given")
