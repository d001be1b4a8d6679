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
    "overdue-measures": [{"as_of": "2020-12-31"}, {"as_of": "2021-01-01"}, {"as_of": "2024-06-01"}],
    "search-problems": [{"keyword": "八项规定"}, {"keyword": "学习", "in_measures": True}],
    "top-cited-regulations": [{"rank_by": "notices", "limit": 5}, {"from_year": "2021", "to_year": "2022"}],
    "problem-types-by-body": [{"top_level": True}],
    "co-cited-regulations": [{"scope": "notice", "limit": 10}, {"min_count": 2}],
    "unit-problem-links": [{"body": DALIAN_BODY, "problem_type": "theory-study"}],
    "bodies-sharing-types": [{"min_shared": 50}],
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
    for row in rows:
        assert row["citing_measures"] == len(row["measure_ids"]) and row["citing_notices"] == len(row["notice_ids"])
        assert all(m.split(":")[0] in row["notice_ids"] for m in row["measure_ids"])


def test_top_cited_regulations_filters(stores):
    by_notices = rows_on_both(stores, "top-cited-regulations", {"rank_by": "notices"})
    assert [r["citing_notices"] for r in by_notices] == sorted((r["citing_notices"] for r in by_notices), reverse=True)
    for kind in ("law", "party_regulation"):
        rows = rows_on_both(stores, "top-cited-regulations", {"kind": kind})
        assert rows and {r["kind"] for r in rows} == {kind}
    central = rows_on_both(stores, "top-cited-regulations", {"level": "central", "limit": 100})
    assert central and {r["level"] for r in central} == {"central"}
    later = rows_on_both(stores, "top-cited-regulations", {"from_year": "2021", "limit": 100})
    assert later and all(r["notice_ids"] == [NINGBO] for r in later)
    assert len(rows_on_both(stores, "top-cited-regulations", {"limit": 2})) == 2


def test_issued_documents_belong_to_the_issuer(stores):
    rows = rows_on_both(stores, "issued-documents")
    issued = stores[0].query("MATCH (:Notice)-[r:ISSUES]->(:Regulation) RETURN count(r) AS n")[0]["n"]
    assert len(rows) == issued  # one issuer per notice, no document issued by both samples
    assert {r["body"]: r["notice_ids"] for r in rows} == {DALIAN_BODY: [DALIAN], NINGBO_BODY: [NINGBO]}
    assert all(r["measures"] == len(r["measure_ids"]) for r in rows)
    assert "新区公务用车管理规范" in {r["title"] for r in rows if r["body"] == NINGBO_BODY}


def test_problem_types_by_body_is_a_matrix_of_typed_problems(stores):
    cells = rows_on_both(stores, "problem-types-by-body")
    assert len({(c["body"], c["problem_type"]) for c in cells}) == len(cells)
    typed = stores[0].query("MATCH (p:Problem)-[:HAS_TYPE]->() RETURN count(DISTINCT p) AS n")[0]["n"]
    assert {p for c in cells for p in c["problem_ids"]} == set(
        r["id"] for r in stores[0].query("MATCH (p:Problem)-[:HAS_TYPE]->() RETURN DISTINCT p.id AS id"))
    assert typed >= 0.95 * 54
    top = rows_on_both(stores, "problem-types-by-body", {"top_level": True})
    assert {c["notation"] for c in top} <= {"1", "2", "3", "4"}
    for body in (DALIAN_BODY, NINGBO_BODY):
        leaf_problems = {p for c in cells if c["body"] == body for p in c["problem_ids"]}
        assert {p for c in top if c["body"] == body for p in c["problem_ids"]} == leaf_problems


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
    pairs = rows_on_both(stores, "bodies-sharing-types")
    assert [(p["body_a"], p["body_b"]) for p in pairs] == [(DALIAN_BODY, NINGBO_BODY)]
    recurring = rows_on_both(stores, "recurring-problem-types")
    assert pairs[0]["type_ids"] == sorted(r["type_id"] for r in recurring if r["bodies"] == 2)
    assert pairs[0]["shared_types"] == len(pairs[0]["type_ids"]) >= 5
    assert {problem.split(":")[0] for problem in pairs[0]["problem_ids"]} == {DALIAN, NINGBO}
    assert rows_on_both(stores, "bodies-sharing-types", {"min_shared": 50}) == []


def test_overdue_measures_as_of_a_date(stores):
    assert rows_on_both(stores, "overdue-measures", {"as_of": "2020-12-31"}) == []
    overdue = rows_on_both(stores, "overdue-measures", {"as_of": "2021-01-01"})
    assert len(overdue) == 5 and {r["deadline"] for r in overdue} == {"2020-12"}
    assert {r["status"] for r in overdue} <= {"in_progress", "partial"}
    assert all(r["measures"] == len(r["measure_ids"]) >= 1 for r in overdue)
    later = rows_on_both(stores, "overdue-measures", {"as_of": "2024-06-01"})
    assert len(later) == 10 and [r["deadline"] for r in later] == sorted(r["deadline"] for r in later)


def test_status_summary_adds_up(stores):
    rows = rows_on_both(stores, "status-summary")
    overall = [r for r in rows if r["scope"] == "overall"]
    assert sum(r["problems"] for r in overall) == 54 and {r["total"] for r in overall} == {54}
    for notice, total in ((DALIAN, 40), (NINGBO, 14)):
        mine = [r for r in rows if r["notice_id"] == notice]
        assert sum(r["problems"] for r in mine) == total and {r["total"] for r in mine} == {total}
        assert all(len(r["problem_ids"]) == r["problems"] for r in mine)
    assert [(r["status"], r["problems"]) for r in rows if r["notice_id"] == NINGBO] == [("unstated", 14)]
    assert rows.index(overall[0]) == len(rows) - len(overall)  # per notice first, overall last


def test_rounds_timeline_lags(stores):
    rows = rows_on_both(stores, "rounds-timeline")
    lags = [(r["notice_id"], r["inspection_days"], r["feedback_days"], r["publication_days"]) for r in rows]
    assert lags == [(DALIAN, 60, 98, 101), (NINGBO, 79, 67, 227)]
    assert [r["kind"] for r in rows_on_both(stores, "rounds-timeline", {"kind": "巡视"})] == ["巡视"]


def test_figures_take_the_largest_statement_per_notice(stores):
    rows = {(r["metric"], r["unit"]): r for r in rows_on_both(stores, "figures", {"body": NINGBO_BODY})}
    recovered = rows[("挽回经济损失", "万元")]
    assert recovered["value"] == 618.5622 and recovered["mentions"] == 2
    assert rows[("开除党籍", "人")]["value"] == 9 and len(rows[("开除党籍", "人")]["figure_ids"]) == 2
    assert rows[("党纪处分", "人")]["value"] == 31
    people = rows_on_both(stores, "figures", {"unit": "人"})
    assert people and {r["unit"] for r in people} == {"人"}


def test_co_cited_regulations(stores):
    pairs = {(r["title_a"], r["title_b"]): r for r in rows_on_both(stores, "co-cited-regulations")}
    party = pairs[("中国共产党支部工作条例(试行)", "中国共产党章程")]
    assert party["measure_ids"] == [f"{DALIAN}:p2.3.1.2:m1"] and party["count"] == 1
    by_notice = rows_on_both(stores, "co-cited-regulations", {"scope": "notice", "limit": 1000})
    cited = {n: rows_on_both(stores, "top-cited-regulations", {"from_year": y, "to_year": y, "limit": 1000})
             for n, y in ((DALIAN, "2020"), (NINGBO, "2022"))}
    assert len(by_notice) == sum(len(rows) * (len(rows) - 1) // 2 for rows in cited.values())
    assert all(r["count"] == r["notices"] == len(r["notice_ids"]) == 1 for r in by_notice)


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
        count_column = query.columns.get("y") or query.columns.get("value")
        for graph in stores:
            text = {r["n"]: r["t"] for r in graph.query("MATCH (n:Notice) RETURN n.id AS n, n.text AS t")}
            result = run_query(graph, name, {"limit": 100_000} if query.param("limit") else {})
            assert result.rows, name
            for row in result.rows:
                detail = run_detail(graph, result, row, {"limit": 100_000})
                assert detail.total == len(detail.rows) == row[count_column], (name, row)
                for item in detail.rows:
                    assert set(EVIDENCE) <= set(item) and item["notice_id"] in text
                    assert 0 <= item["span_start"] < item["span_end"] <= len(text[item["notice_id"]])
