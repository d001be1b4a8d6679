"""The dashboard's pure parts: the reader's highlighting (escaped text, nested spans, statuses
found after their problem, the focus span), charts chosen from query metadata, and networks
built from edge rows and from console rows."""
from __future__ import annotations

import html

from noticegraph.dashboard import charts, network, outline, views
from noticegraph.dashboard.highlight import highlighted
from noticegraph.queries.model import saved_query
from noticegraph.queries.results import QueryResult

TEXT = "一、关于“<b>学习</b>不深入”问题\n认真落实《条例》&制定办法。整改进展情况:已完成\n二、关于“接待”问题"


def item(kind, name, needle, detail=None, text=None):
    start = TEXT.index(needle)
    return {"kind": kind, "item": name, "text": text or needle, "detail": detail,
            "span_start": start, "span_end": start + len(needle)}


ITEMS = [item("problem", "p1", "<b>学习</b>不深入"), item("measure", "m1", "认真落实《条例》&制定办法"),
         item("cited", "g1", "《条例》"), item("problem", "p2", "接待"),
         {**item("problem", "p1", "<b>学习</b>不深入"), "kind": "status", "text": "已完成", "detail": "completed"},
         {"kind": "figure", "item": "f0", "text": "x", "detail": None, "span_start": 0, "span_end": 0}]


def test_the_text_is_escaped_and_every_item_is_marked_from_its_span():
    shown = highlighted(TEXT, ITEMS)
    assert "<b>" not in shown.html.split('<div class="ng-text">', 1)[1]
    assert html.escape("<b>学习</b>不深入") in shown.html and "&amp;制定办法" in shown.html
    assert shown.shown == {("problem", "p1"), ("problem", "p2"), ("measure", "m1"), ("cited", "g1"),
                           ("status", "p1")}
    assert '<mark class="hl cited"' in shown.html and '<a id="p1"></a>' in shown.html
    assert '<mark class="hl status" title="status: 已完成 (completed)">已完成</mark>' in shown.html


def test_the_focus_span_is_outlined():
    start = TEXT.index("接待")
    assert '<span class="focus"><mark class="hl problem"' in highlighted(TEXT, ITEMS, (start, start + 2)).html


def result(shape, columns, rows):
    meta = {"name": "q", "title": "Q", "description": "d", "shape": shape, "columns": columns}
    query = saved_query(meta, "RETURN 1")
    return QueryResult(query, {}, list(rows[0]) if rows else [], rows)


def test_a_chart_follows_the_shape_and_hints_and_carries_a_row_selection():
    rows = [{"title": "中国共产党章程", "n": 3, "ids": ["a"]}, {"title": "条例", "n": 1, "ids": ["b"]}]
    spec = charts.chart_for(result("bar", {"x": "title", "y": "n"}, rows)).to_dict()
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["y"]["field"] == "title"
    assert spec["params"][0]["name"] == charts.SELECTION and spec["params"][0]["select"]["fields"] == [charts.ROW]
    assert "ids" not in spec["datasets"][next(iter(spec["datasets"]))][0]
    assert charts.chart_for(result("bar", {"x": "missing", "y": "n"}, rows)) is None
    assert charts.chart_for(result("table", {}, rows)) is None
    assert charts.selected_row({"selection": {charts.SELECTION: [{charts.ROW: 1}]}}) == 1
    assert charts.selected_row({"selection": {}}) is None


def test_networks_from_edge_rows_and_from_console_rows():
    edges = network.edges_elements([{"regulation_a": "甲", "regulation_b": "乙", "count": 2}],
                                   {"source": "regulation_a", "target": "regulation_b", "value": "count"})
    assert [n["data"]["label"] for n in edges["nodes"]] == ["Regulation", "Regulation"]
    assert edges["edges"][0]["data"]["value"] == 2
    notice, problem = {"_label": "Notice", "id": "n1", "title": "通报"}, {"_label": "Problem", "id": "p1", "text": "问题"}
    found = network.console_elements([{"n": notice, "r": {"_type": "CONTAINS"}, "p": problem}, {"x": 1}])
    assert [n["data"]["id"] for n in found["nodes"]] == ["n1", "p1"]
    assert [(e["data"]["source"], e["data"]["target"], e["data"]["label"]) for e in found["edges"]] == [
        ("n1", "p1", "CONTAINS")]
    path = network.console_elements([{"p": {"nodes": [notice, problem], "relationships": [{"_type": "CONTAINS"}]}}])
    assert len(path["edges"]) == 1
    assert network.console_elements([{"n": 1}]) == {"nodes": [], "edges": []}


def test_a_bar_of_notice_ids_is_labelled_by_the_notices_titles():
    rows = [{"notice_id": "0a1b", "title": "某局关于巡察整改情况的通报", "status": "completed", "problems": 3},
            {"notice_id": "all", "title": "all notices", "status": "completed", "problems": 3}]
    spec = charts.chart_for(result("bar", {"x": "notice_id", "y": "problems", "series": "status"}, rows)).to_dict()
    assert spec["encoding"]["y"]["field"] == charts.TITLE
    shown = [row[charts.TITLE] for row in spec["datasets"][next(iter(spec["datasets"]))]]
    assert shown == ["某局关于巡察整改情况的通报", "all notices"]


def test_co_cited_pairs_are_named_by_their_titles():
    edges = network.edges_elements([{"regulation_a": "r1", "title_a": "甲条例", "regulation_b": "r2",
                                     "title_b": "乙规定", "count": 1}],
                                   {"source": "regulation_a", "target": "regulation_b", "value": "count"})
    assert [n["data"]["name"] for n in edges["nodes"]] == ["甲条例", "乙规定"]


def test_the_outline_shows_headings_and_numbers_never_raw_paths():
    text = "一、总体情况\n（一）关于学习不深入的问题\n1.学习制度不健全\n2.学用脱节\n二、其他方面。一是其他问题；\n"
    problems = [{"item": "n:p1.1.1", "text": "学习制度不健全", "detail": "1.1.1", "span_start": text.index("学习制度")},
                {"item": "n:p1.1.2", "text": "学用脱节", "detail": "1.1.2", "span_start": text.index("学用")},
                {"item": "n:p2.i1", "text": "其他", "detail": "2.i1", "span_start": text.rindex("其他")}]
    lines = outline.outline_lines(text, problems, {"n:p1.1.2": "completed"})
    assert lines == ["- **（一）关于学习不深入的问题**", "  - [1.](#n%3Ap1.1.1) 学习制度不健全",
                     "  - [2.](#n%3Ap1.1.2) 学用脱节 · *completed*", "- **二、其他方面。一是其他问题；**", "  - [①](#n%3Ap2.i1) 其他"]
    assert not any("1.1.1" in line.split("#")[0] for line in lines)


def test_markdown_text_escapes_inline_markup_and_math():
    assert views.markdown_text("《条例》*第3条*_a_ [x](y) $5$ a|b `c` <b> ~d~ \\") == (
        "《条例》\\*第3条\\*\\_a\\_ \\[x\\](y) \\$5\\$ a\\|b \\`c\\` \\<b\\> \\~d\\~ \\\\")
    assert views.markdown_text(None) == ""


def test_a_notice_line_links_its_title_to_the_reader_and_says_stated_counts_only_when_they_differ():
    row = {"notice_id": "n1", "title": "关于*巡察*整改", "published": "2024-05-01", "issuer": "中共某委",
           "problems": 7, "problems_claimed": 7, "span_start": 3, "span_end": 12}
    assert views.notice_line(row) == ("- 2024-05-01 · [关于\\*巡察\\*整改](./reader?notice=n1&start=3&end=12)"
                                      " · 中共某委 · 7 problems")
    assert views.notice_line({**row, "problems_claimed": 9}).endswith("· 7 problems (the notice states 9)")
    assert views.notice_line({**row, "published": None, "issuer": None}).startswith("- undated · [")
