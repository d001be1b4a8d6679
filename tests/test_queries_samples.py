"""Every saved query over the two sample notices: identical rows on LadybugDB and Neo4j (ArcadeDB),
and what each query says about the samples."""
from __future__ import annotations

import pytest
from query_support import REGISTRY, check_all_queries, rows_on_both, sample_stores  # noqa: F401

from noticegraph.queries.model import EVIDENCE
from noticegraph.queries.registry import run_detail, run_query

DALIAN, NINGBO = "bdb9034c4ae44a43", "c9f19ee77679d366"
DALIAN_BODY, NINGBO_BODY = "中共大连普湾经济区工作委员会", "中共宁波前湾新区工作委员会"
EXTRA = {
    "status-summary": [{"limit": 3}],
    "overdue-measures": [{"as_of": "2020-12-31"}, {"as_of": "2021-01-01"}, {"as_of": "2024-06-01"}],
    "search-problems": [{"keyword": "八项规定"}, {"keyword": "学习", "in_measures": True}],
    "top-cited-regulations": [{"rank_by": "notices", "limit": 5}, {"from_year": "2021", "to_year": "2022"}],
    "problem-types-by-body": [{"top_level": True}],
    "co-cited-regulations": [{"scope": "notice", "limit": 10}, {"min_count": 2}],
    "unit-problem-links": [{"body": DALIAN_BODY, "problem_type": "theory-study"}, {"body": NINGBO_BODY}],
    "bodies-sharing-types": [{"min_shared": 50}, {"body": DALIAN_BODY}],
}


def test_every_query_returns_the_same_rows_on_both_stores(stores):
    counts = check_all_queries(stores, EXTRA)
    empty = {name for name, count in counts.items() if count == 0}
    assert empty <= {"relapses"}  # the samples are two bodies inspected once each


def test_top_cited_regulations_bar(stores):
    rows = rows_on_both(stores, "top-cited-regulations")
    first_three = [row["title"] for row in rows[:3]]
    assert "中国共产党支部工作条例(试行)" in first_three and "中国共产党章程" in first_three
    assert [r["citing_measures"] for r in rows] == sorted((r["citing_measures"] for r in rows), reverse=True)
    result = run_query(stores[0], "top-cited-regulations")
    for row in result.rows:
        measures = run_detail(stores[0], result, row, {"limit": 1000}).rows
        assert row["citing_measures"] == len(measures) and row["citing_notices"] >= len({m["notice_id"] for m in measures})
        assert all(m["measure"].split(":")[0] == m["notice_id"] for m in measures)


def test_top_cited_regulations_filters(stores):
    by_notices = rows_on_both(stores, "top-cited-regulations", {"rank_by": "notices"})
    assert [r["citing_notices"] for r in by_notices] == sorted((r["citing_notices"] for r in by_notices), reverse=True)
    for kind in ("law", "party_regulation"):
        rows = rows_on_both(stores, "top-cited-regulations", {"kind": kind})
        assert rows and {r["kind"] for r in rows} == {kind}
    central = rows_on_both(stores, "top-cited-regulations", {"level": "central", "limit": 100})
    assert central and {r["level"] for r in central} == {"central"}
    later = run_query(stores[0], "top-cited-regulations", {"from_year": "2021", "limit": 100})
    assert later.rows == rows_on_both(stores, "top-cited-regulations", {"from_year": "2021", "limit": 100})
    assert later.rows and all(r["citing_notices"] == 1 for r in later.rows)
    assert {m["notice_id"] for r in later.rows for m in run_detail(stores[0], later, r).rows} == {NINGBO}
    assert len(rows_on_both(stores, "top-cited-regulations", {"limit": 2})) == 2


def test_issued_documents_belong_to_the_issuer(stores):
    rows = rows_on_both(stores, "issued-documents", {"limit": 1000})
    issued = stores[0].query("MATCH (:Notice)-[r:ISSUES]->(:Regulation) RETURN count(r) AS n")[0]["n"]
    assert len(rows) == issued  # one issuer per notice, no document issued by both samples
    assert {r["body"] for r in rows} == {DALIAN_BODY, NINGBO_BODY} and {r["notices"] for r in rows} == {1}
    result = run_query(stores[0], "issued-documents", {"limit": 1000})
    own = {DALIAN_BODY: DALIAN, NINGBO_BODY: NINGBO}
    for row in result.rows:
        measures = run_detail(stores[0], result, row).rows
        assert row["measures"] == len(measures) and {m["notice_id"] for m in measures} <= {own[row["body"]]}
    assert sum(r["measures"] for r in rows) > 0
    assert "新区公务用车管理规范" in {r["title"] for r in rows if r["body"] == NINGBO_BODY}


def test_problem_types_by_body_is_a_matrix_of_typed_problems(stores):
    cells = rows_on_both(stores, "problem-types-by-body")
    assert len({(c["body"], c["problem_type"]) for c in cells}) == len(cells)
    typed = stores[0].query("MATCH (p:Problem)-[:HAS_TYPE]->() RETURN count(DISTINCT p) AS n")[0]["n"]
    leaf = cell_problems(stores[0], {})
    assert set().union(*leaf.values()) == set(
        r["id"] for r in stores[0].query("MATCH (p:Problem)-[:HAS_TYPE]->() RETURN DISTINCT p.id AS id"))
    assert typed >= 0.95 * 54
    top = rows_on_both(stores, "problem-types-by-body", {"top_level": True})
    assert {c["notation"] for c in top} <= {"1", "2", "3", "4"}
    rolled = cell_problems(stores[0], {"top_level": True})
    for body in (DALIAN_BODY, NINGBO_BODY):
        leaf_problems = set().union(*(ps for (b, _), ps in leaf.items() if b == body))
        assert set().union(*(ps for (b, _), ps in rolled.items() if b == body)) == leaf_problems


def cell_problems(graph, params):
    """{(body, type): the problem ids of the cell's detail} over the whole matrix."""
    result = run_query(graph, "problem-types-by-body", params)
    return {(row["body"], row["problem_type"]): {p["problem"] for p in run_detail(graph, result, row).rows}
            for row in result.rows}


def test_unit_problem_links_is_a_graph_around_the_body(stores):
    assert rows_on_both(stores, "unit-problem-links") == []  # no centre given
    edges = rows_on_both(stores, "unit-problem-links", {"body": NINGBO_BODY})
    assert {e["type"] for e in edges} == {"CONCERNS", "HAS_TYPE", "INVOLVES"}
    assert {e["target"] for e in edges if e["type"] == "CONCERNS"} == {NINGBO_BODY}
    assert {(e["type"], e["label"]) for e in edges} == {
        ("CONCERNS", "问题所在单位"), ("HAS_TYPE", "问题类型"), ("INVOLVES", "整改涉及单位")}
    assert len({e["source"] for e in edges}) == 14
    involves = [e for e in edges if e["type"] == "INVOLVES"]
    assert involves and all(e["via"].startswith(e["source"] + ":m") for e in involves)
    assert all(e["via"] == "" for e in edges if e["type"] != "INVOLVES")
    study = rows_on_both(stores, "unit-problem-links", {"problem_type": "theory-study"})
    assert {e["target"] for e in study if e["type"] == "HAS_TYPE"} >= {"theory-study"}


def test_bodies_sharing_types_agree_with_recurring_types(stores):
    assert rows_on_both(stores, "bodies-sharing-types") == []  # no body given
    pairs = rows_on_both(stores, "bodies-sharing-types", {"body": DALIAN_BODY})
    assert [(p["body_a"], p["body_b"]) for p in pairs] == [(DALIAN_BODY, NINGBO_BODY)]
    recurring = rows_on_both(stores, "recurring-problem-types")
    assert pairs[0]["type_ids"] == sorted(r["type_id"] for r in recurring if r["bodies"] == 2)
    assert pairs[0]["shared_types"] == len(pairs[0]["type_ids"]) >= 5
    result = run_query(stores[0], "bodies-sharing-types", {"body": DALIAN_BODY})
    shared = run_detail(stores[0], result, result.rows[0]).rows
    assert [t["type_id"] for t in shared] == pairs[0]["type_ids"]
    assert {t["problem_a"].split(":")[0] for t in shared} | {t["problem_b"].split(":")[0] for t in shared} == {
        DALIAN, NINGBO}
    assert rows_on_both(stores, "bodies-sharing-types", {"body": NINGBO_BODY, "min_shared": 50}) == []
    back = rows_on_both(stores, "bodies-sharing-types", {"body": NINGBO_BODY})
    assert [(p["body_a"], p["body_b"], p["type_ids"]) for p in back] == [(NINGBO_BODY, DALIAN_BODY, pairs[0]["type_ids"])]


def test_overdue_measures_as_of_a_date(stores):
    assert rows_on_both(stores, "overdue-measures", {"as_of": "2020-12-31"}) == []
    overdue = rows_on_both(stores, "overdue-measures", {"as_of": "2021-01-01"})
    assert len(overdue) == 5 and {r["deadline"] for r in overdue} == {"2020-12"}
    assert {r["status"] for r in overdue} <= {"in_progress", "partial"}
    result = run_query(stores[0], "overdue-measures", {"as_of": "2021-01-01"})
    assert all(r["measures"] == len(run_detail(stores[0], result, r).rows) >= 1 for r in result.rows)
    later = rows_on_both(stores, "overdue-measures", {"as_of": "2024-06-01"})
    assert len(later) == 10 and [r["deadline"] for r in later] == sorted(r["deadline"] for r in later)


def test_status_summary_adds_up(stores):
    rows = rows_on_both(stores, "status-summary")
    overall = [r for r in rows if r["scope"] == "overall"]
    assert sum(r["problems"] for r in overall) == 54 and {r["total"] for r in overall} == {54}
    for notice, total in ((DALIAN, 40), (NINGBO, 14)):
        mine = [r for r in rows if r["notice_id"] == notice]
        assert sum(r["problems"] for r in mine) == total and {r["total"] for r in mine} == {total}
    assert [(r["status"], r["problems"]) for r in rows if r["notice_id"] == NINGBO] == [("unstated", 14)]
    assert rows[:len(overall)] == overall  # overall first (what the limit keeps), then per notice


def test_rounds_timeline_lags(stores):
    rows = rows_on_both(stores, "rounds-timeline")
    lags = [(r["notice_id"], r["inspection_days"], r["feedback_days"], r["publication_days"]) for r in rows]
    assert lags == [(DALIAN, 60, 98, 101), (NINGBO, 79, 67, 227)]
    assert [r["kind"] for r in rows_on_both(stores, "rounds-timeline", {"kind": "巡视"})] == ["巡视"]


def test_figures_take_the_largest_statement_per_notice(stores):
    rows = {(r["metric"], r["unit"]): r for r in rows_on_both(stores, "figures", {"body": NINGBO_BODY})}
    recovered = rows[("挽回经济损失", "万元")]
    assert recovered["value"] == 618.5622 and recovered["mentions"] == 2
    assert rows[("开除党籍", "人")]["value"] == 9 and rows[("开除党籍", "人")]["mentions"] == 2
    result = run_query(stores[0], "figures", {"body": NINGBO_BODY})
    expelled = next(r for r in result.rows if (r["metric"], r["unit"]) == ("开除党籍", "人"))
    assert max(f["value"] for f in run_detail(stores[0], result, expelled).rows) == 9
    assert rows[("党纪处分", "人")]["value"] == 31
    people = rows_on_both(stores, "figures", {"unit": "人"})
    assert people and {r["unit"] for r in people} == {"人"}


def test_co_cited_regulations(stores):
    pairs = {(r["title_a"], r["title_b"]): r for r in rows_on_both(stores, "co-cited-regulations")}
    party = pairs[("中国共产党支部工作条例(试行)", "中国共产党章程")]
    assert party["count"] == 1
    result = run_query(stores[0], "co-cited-regulations")
    row = next(r for r in result.rows if (r["title_a"], r["title_b"]) == ("中国共产党支部工作条例(试行)", "中国共产党章程"))
    assert [m["item"] for m in run_detail(stores[0], result, row).rows] == [f"{DALIAN}:p2.3.1.2:m1"]
    by_notice = rows_on_both(stores, "co-cited-regulations", {"scope": "notice", "limit": 1000})
    cited = {n: rows_on_both(stores, "top-cited-regulations", {"from_year": y, "to_year": y, "limit": 1000})
             for n, y in ((DALIAN, "2020"), (NINGBO, "2022"))}
    assert len(by_notice) == sum(len(rows) * (len(rows) - 1) // 2 for rows in cited.values())
    assert all(r["count"] == r["notices"] == 1 for r in by_notice)


def test_similar_problems(stores):
    pairs = rows_on_both(stores, "similar-problems", {"limit": 1000})
    links = stores[0].query("MATCH ()-[s:SIMILAR_TO]->() RETURN count(s) AS n")[0]["n"]
    assert len(pairs) == links
    if not pairs:
        pytest.skip("no similar problems across the two samples")
    assert all(p["notice_id"] != p["similar_notice_id"] and p["problem"] < p["similar"] for p in pairs)
    problem = pairs[0]["problem"]
    around = rows_on_both(stores, "similar-problems", {"problem": problem})
    assert around and {r["problem"] for r in around} == {problem}
    assert [r["score"] for r in around] == sorted((r["score"] for r in around), reverse=True)


def test_search_problems(stores):
    assert rows_on_both(stores, "search-problems") == []
    eight = rows_on_both(stores, "search-problems", {"keyword": "八项规定"})
    assert {r["notice_id"] for r in eight} == {DALIAN, NINGBO} and all("八项规定" in r["text"] for r in eight)
    text = {n: stores[0].query("MATCH (n:Notice {id: $id}) RETURN n.text AS t", {"id": n})[0]["t"]
            for n in (DALIAN, NINGBO)}
    assert all("八项规定" in text[r["notice_id"]][r["span_start"]:r["span_end"]] for r in eight)
    wider = rows_on_both(stores, "search-problems", {"keyword": "八项规定", "in_measures": True})
    assert {r["problem"] for r in eight} <= {r["problem"] for r in wider}


# -- the query contract on both stores: totals, and the detail behind each counted row -----

def test_a_total_counts_the_rows_without_the_limit(stores):
    for name, query in REGISTRY.items():
        if not query.total:
            continue
        for graph in stores:
            whole = run_query(graph, name, {"limit": 100_000} if query.param("limit") else {})
            assert whole.total == len(whole.rows) and not whole.truncated, name
            if whole.total > 1 and query.param("limit"):
                cut = run_query(graph, name, {"limit": 1})
                assert (cut.total, len(cut.rows), cut.truncated) == (whole.total, 1, True), name


def test_each_counted_row_is_the_total_of_its_detail_rows_with_evidence(stores):
    for name, query in REGISTRY.items():
        if not query.detail:
            continue
        count_column = query.counted_column()
        for graph in stores:
            text = {r["n"]: r["t"] for r in graph.query("MATCH (n:Notice) RETURN n.id AS n, n.text AS t")}
            variants = [{}] + EXTRA.get(name, [])
            results = [run_query(graph, name, {**p, "limit": 100_000} if query.param("limit") else p) for p in variants]
            assert any(r.rows for r in results), name
            for result, row in ((r, row) for r in results for row in r.rows):
                detail = run_detail(graph, result, row, {"limit": 100_000})
                assert detail.total == len(detail.rows) == row[count_column], (name, row)
                for item in detail.rows:
                    assert set(EVIDENCE) <= set(item) and item["notice_id"] in text
                    assert 0 <= item["span_start"] < item["span_end"] <= len(text[item["notice_id"]])


def test_totals_hold_under_the_extra_parameters(stores):
    for name, variants in EXTRA.items():
        query = REGISTRY[name]
        for params in variants:
            whole = run_query(stores[0], name, {**params, "limit": 100_000} if query.param("limit") else params)
            assert whole.total in (None, len(whole.rows)), (name, params)


def test_no_row_carries_an_id_list_and_self_evidencing_rows_carry_their_spans(stores):
    for name, query in REGISTRY.items():
        rows = run_query(stores[0], name).rows
        assert not any(c.endswith("_ids") and c != "type_ids" for row in rows for c in row), name
        if query.counted_column() and not query.detail:
            assert rows and all(set(EVIDENCE) <= set(row) for row in rows), name
