"""Every saved query over a synthetic corpus (30 notices, planted relapses): identical rows on both
stores, and the queries agree with what the generator planted."""
from __future__ import annotations

from collections import Counter

import pytest
from query_support import check_all_queries, loaded_pair, rows_on_both

from noticegraph.graph.ids import name_key
from noticegraph.queries.results import days_between
from noticegraph.synth import generate_corpus, write_corpus

AS_OF = "2020-06-15"
CORPUS = dict(n=30, seed=5, relapses=2)
A_BODY = name_key(generate_corpus(**CORPUS)[0].planted.body)
EXTRA = {
    "overdue-measures": [{"as_of": AS_OF}, {"as_of": "2030-01-01"}],
    "search-problems": [{"keyword": "学习"}, {"keyword": "规定", "in_measures": True}],
    "problem-types-by-body": [{"top_level": True}],
    "co-cited-regulations": [{"scope": "notice", "limit": 20}],
    "similar-problems": [{"min_score": 0.5, "limit": 500}],
    "bodies-sharing-types": [{"min_shared": 3}, {"body": A_BODY}],
    "top-cited-regulations": [{"rank_by": "notices"}, {"from_year": "2018", "to_year": "2019", "limit": 100},
                              {"from_year": "2019", "rank_by": "notices"}],
}


@pytest.fixture(scope="module")
def corpus():
    return generate_corpus(**CORPUS)


@pytest.fixture(scope="module")
def stores(request, tmp_path_factory, corpus):
    folder = tmp_path_factory.mktemp("synthetic")
    pair = loaded_pair(request, folder, write_corpus(corpus, folder / "notices"))
    yield pair
    for graph in pair:
        graph.close()


def planted_problems(corpus):
    return [(name_key(s.planted.body), s.planted, p) for s in corpus for p in s.planted.problems]


def test_every_query_returns_the_same_rows_on_both_stores(stores):
    counts = check_all_queries(stores, EXTRA)
    assert {name for name, count in counts.items() if count == 0} == set()


def test_rounds_timeline_matches_the_planted_rounds(stores, corpus):
    rows = {(r["body"], r["inspection_start"]): r for r in rows_on_both(stores, "rounds-timeline")}
    assert len(rows) == len(corpus)
    for notice in corpus:
        p = notice.planted
        row = rows[(name_key(p.body), p.start)]
        assert (row["inspection_end"], row["feedback"], row["published"]) == (p.end, p.feedback, p.published)
        assert row["feedback_days"] == days_between(p.end, p.feedback) and row["publication_days"] > 0


def test_status_summary_counts_the_planted_statuses(stores, corpus):
    overall = {r["status"]: r["problems"] for r in rows_on_both(stores, "status-summary") if r["scope"] == "overall"}
    assert overall == Counter(p.status for _, _, p in planted_problems(corpus))


def test_problem_types_by_body_counts_the_planted_types(stores, corpus):
    cells = {(c["body"], c["problem_type"]): c["problems"] for c in rows_on_both(stores, "problem-types-by-body")}
    assert cells == Counter((body, p.type_id) for body, _, p in planted_problems(corpus))


def test_bodies_sharing_types_match_the_planted_types(stores, corpus):
    types: dict[str, set[str]] = {}
    for body, _, problem in planted_problems(corpus):
        types.setdefault(body, set()).add(problem.type_id)
    assert rows_on_both(stores, "bodies-sharing-types") == []  # no body given
    for a in sorted(types)[:3]:
        expected = {(a, b): sorted(types[a] & types[b]) for b in sorted(types) if b != a and types[a] & types[b]}
        rows = rows_on_both(stores, "bodies-sharing-types", {"body": a})
        assert {(r["body_a"], r["body_b"]): r["type_ids"] for r in rows} == expected and rows
        assert [r["shared_types"] for r in rows] == sorted((r["shared_types"] for r in rows), reverse=True)


def test_overdue_measures_match_the_planted_deadlines(stores, corpus):
    rows = rows_on_both(stores, "overdue-measures", {"as_of": AS_OF})
    expected = Counter((body, p.deadline) for body, _, p in planted_problems(corpus)
                       if p.status in ("in_progress", "partial") and p.deadline and p.deadline < AS_OF[:7])
    assert Counter((r["body"], r["deadline"]) for r in rows) == expected and rows


def test_top_cited_regulations_count_what_they_list(stores):
    rows = rows_on_both(stores, "top-cited-regulations", {"limit": 100})
    cites = stores[0].query("MATCH (m:Measure)-[:CITES]->(g:Regulation) RETURN g.id AS id, count(DISTINCT m) AS n")
    assert {r["regulation"]: r["citing_measures"] for r in rows} == {c["id"]: c["n"] for c in cites}


def test_similar_problems_list_every_link_once(stores):
    links = stores[0].query("MATCH ()-[s:SIMILAR_TO]->() RETURN count(s) AS n")[0]["n"]
    assert links and len(rows_on_both(stores, "similar-problems", {"limit": 100000})) == links


def test_top_cited_regulations_read_the_maintained_counts_as_counted_from_the_citations(stores):
    for rank_by in ("measures", "notices"):
        maintained = rows_on_both(stores, "top-cited-regulations", {"rank_by": rank_by, "limit": 100})
        counted = rows_on_both(stores, "top-cited-regulations", {"rank_by": rank_by, "limit": 100, "from_year": "1000"})
        assert maintained == counted and maintained


ALL_PROBLEMS = ("MATCH (n:Notice)-[:CONTAINS]->(p:Problem) RETURN p.id AS problem, n.id AS notice_id, "
                "n.published AS published, p.ordinal AS ordinal, coalesce(p.status, 'unstated') AS status")


@pytest.mark.parametrize("limit", [1, 7, 40, 1000])
def test_the_problems_of_one_status_over_all_notices_are_the_first_of_all_sorted(stores, limit):
    """status-problems with notice 'all' picks its notices first (Notice.status_names): its rows
    must be the first ``limit`` of every problem of that status sorted by publication, notice,
    ordinal, id."""
    everything = stores[0].query(ALL_PROBLEMS)
    for status in sorted({row["status"] for row in everything}):
        mine = sorted((r for r in everything if r["status"] == status),
                      key=lambda r: (r["published"] is None, r["published"] or "", r["notice_id"], r["ordinal"], r["problem"]))
        rows = rows_on_both(stores, "status-problems", {"notice": "all", "status": status, "limit": limit})
        assert [r["problem"] for r in rows] == [r["problem"] for r in mine[:limit]], status
