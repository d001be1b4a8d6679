"""Every dashboard page on a store loaded with the samples, on both stores (LadybugDB file and the
Bolt test server), asserting what the page shows: counts, titles, "N of TOTAL", the items behind
a selected row with reader links, the network around a body, the reader's highlights, the
console's answers, refusals, time limit and row cap."""
from __future__ import annotations

import re

import pytest
from dashboard_support import html_bodies, loaded_env, open_env_store, page, texts
from test_dashboard_console import RUNAWAY
from test_readonly import WRITES

from noticegraph.dashboard.pages import PAGES, SCREENS
from noticegraph.queries.registry import default_registry, run_query

SEED_000_PROBLEMS = 40


@pytest.fixture(scope="module", params=["ladybug", "neo4j"])
def env(request, tmp_path_factory):
    return loaded_env(request.param, request, tmp_path_factory.mktemp(f"dash-{request.param}"))


@pytest.fixture(scope="module")
def expected(env):
    """What the pages should show, asked of the store directly through the saved queries."""
    graph = open_env_store(env) if env["NOTICEGRAPH_STORE"] == "neo4j" else None
    if graph is None:
        from noticegraph.graph import open_store
        graph = open_store("ladybug", env["NOTICEGRAPH_DB"], read_only=True)
    with graph:
        yield {name: run_query(graph, name) for name in ("notices", "top-cited-regulations",
                                                         "problem-types-by-body", "unit-problem-links")} | {
            "stats": graph.stats(), "graph": graph.name,
            "items": {n["notice_id"]: run_query(graph, "notice-items", {"notice": n["notice_id"]}).rows
                      for n in run_query(graph, "notices").rows},
            "links": lambda params: run_query(graph, "unit-problem-links", params)}


def test_overview_counts_and_latest_notices(env, expected, monkeypatch):
    app = page(monkeypatch, env, "Overview")
    metrics = {m.label: m.value for m in app.metric}
    nodes = expected["stats"]["nodes"]
    assert metrics["Notice"] == "2" and metrics["Problem"] == "54" == f"{nodes['Problem']}"
    assert metrics["Measure"] == f"{nodes['Measure']:,}"
    shown = texts(app)
    assert "Rectification status of all problems" in shown and "The latest rounds on a timeline" in shown
    assert "4 of 4 rows" in shown and "2 of 2 rows" in shown  # the overall statuses, the rounds
    assert not app.dataframe, "the Overview is a glance: charts and a list, no tables"
    links = ["./saved-queries?q=status-summary&per_notice=false&limit=200",
             "./saved-queries?q=rounds-timeline&latest=true&limit=20"]
    assert all(any(link in m.value for m in app.markdown) for link in links)
    recent = next(m.value for m in app.markdown if m.value.startswith("- ")).splitlines()
    notices = expected["notices"].rows
    assert len(recent) == len(notices)
    for line, notice in zip(recent, notices):
        reader = f"(./reader?notice={notice['notice_id']}&start={notice['span_start']}&end={notice['span_end']})"
        assert line.startswith(f"- {notice['published']} · [{notice['title']}]{reader}"), line
        assert line.endswith(f"· {notice['problems']} problems (the notice states {notice['problems_claimed']})")


def test_regulations_bar_says_n_of_total_and_a_selected_bar_lists_its_measures(env, expected, monkeypatch):
    ranked = expected["top-cited-regulations"]
    app = page(monkeypatch, env, "Regulations", {"tcsel": 0})
    shown = texts(app)
    assert f"{len(ranked.rows)} of {ranked.total} rows" in shown
    top = ranked.rows[0]
    assert f"Behind {top['title']}" in shown
    assert f"{top['citing_measures']} of {top['citing_measures']} items" in shown
    items = next(d.value for d in app.dataframe if "span_start" in d.value.columns)
    assert len(items) == top["citing_measures"]
    assert all(re.fullmatch(r"\./reader\?notice=\w+&start=\d+&end=\d+", link) for link in items["reader"])
    assert "Regulations cited together" in shown


def test_regulation_filters_come_from_the_url(env, monkeypatch):
    app = page(monkeypatch, env, "Regulations", {"from_year": "2022", "rank_by": "notices"})
    assert app.selectbox(key="top-cited-regulations:from_year").value == "2022"
    table = app.dataframe[0].value
    assert len(table) > 0 and (table["citing_notices"] == 1).all()


def test_problem_types_matrix_and_recurring_types(env, expected, monkeypatch):
    matrix = expected["problem-types-by-body"]
    app = page(monkeypatch, env, "Problem types")
    shown = texts(app)
    assert f"{len(matrix.rows)} rows" in shown
    assert "Problem types by body" in shown and "Recurring problem types" in shown and "Relapses" in shown
    assert any("./saved-queries?q=problem-types-by-body&top_level=false&limit=500" in m.value for m in app.markdown)
    assert not any("type_label" in frame.value.columns for frame in app.dataframe), "the matrix draws no second grid"


def test_network_around_a_body_with_its_legend(env, expected, monkeypatch):
    body = next(r["target"] for r in expected["unit-problem-links"].rows) if expected["unit-problem-links"].rows \
        else expected["problem-types-by-body"].rows[0]["body"]
    links = expected["links"]({"body": body, "limit": 50}).rows
    problem = next(r for r in links if r["source_label"] == "Problem")
    app = page(monkeypatch, env, "Unit–problem network", {"kind": "Body", "centre": body, "node": problem["source"]})
    nodes = {r["source"] for r in links} | {r["target"] for r in links}
    shown = texts(app)
    assert f"{len(nodes)} nodes, {len(links)} edges around {body}" in shown
    assert any("Legend:" in body_html and "Problem" in body_html for body_html in html_bodies(app))
    assert f"id: {problem['source']}" in shown
    assert f"source: [notice {problem['notice_id']}](./reader?notice={problem['notice_id']}&item=" in shown


@pytest.mark.parametrize("name", sorted(default_registry()))
def test_every_saved_query_shows_its_title_and_row_count(env, monkeypatch, name):
    query = default_registry()[name]
    app = page(monkeypatch, env, "Saved queries", {"q": name})
    shown = texts(app)
    assert query.description.split(".")[0][:60] in shown
    assert re.search(r"\d+ (of [\d,]+ )?rows|No rows", shown), shown
    assert [b.label for b in app.get("download_button")] == ["CSV", "JSON"]


def test_console_answers_as_a_table(env, monkeypatch):
    app = page(monkeypatch, env, "Cypher console",
               {"cypher": "MATCH (n:Notice) RETURN n.published AS published ORDER BY published", "run": "1"})
    assert "2 rows" in texts(app)
    assert list(app.dataframe[0].value["published"]) == ["2020-07-17", "2022-04-08"]


@pytest.mark.parametrize("statement", WRITES[:: max(1, len(WRITES) // 8)])
def test_console_refuses_writes_with_a_clear_message(env, monkeypatch, statement):
    app = page(monkeypatch, env, "Cypher console", {"cypher": statement, "run": "1"})
    assert [e.value for e in app.error] and app.error[0].value.startswith("refused: ")


def test_console_stops_a_runaway_query_and_answers_afterwards(env, expected, monkeypatch):
    app = page(monkeypatch, env, "Cypher console", run=False)
    app.run()
    app.text_area(key="cypher").input(RUNAWAY[expected["graph"]])
    app.number_input(key="timeout").set_value(0.5)
    app.button(key="run").click().run()
    assert app.error and "time limit of 0.5 s" in app.error[0].value, texts(app)
    app.text_area(key="cypher").input("MATCH (p:Problem) RETURN p.id AS id")
    app.number_input(key="timeout").set_value(20.0)
    app.number_input(key="max_rows").set_value(10)
    app.button(key="run").click().run()
    assert not app.error and "10 rows (capped at 10: more there were)" in texts(app)


def test_reader_highlights_all_40_problems_of_seed_000(env, expected, monkeypatch):
    notice = next(n for n in expected["notices"].rows if n["source"].endswith("000_00de51ecc004529a.txt"))
    items = expected["items"][notice["notice_id"]]
    problems = [r for r in items if r["kind"] == "problem"]
    assert len(problems) == SEED_000_PROBLEMS
    app = page(monkeypatch, env, "Notice reader", {"notice": notice["notice_id"]})
    shown = texts(app)
    assert f"{SEED_000_PROBLEMS} problems" in shown and f"{SEED_000_PROBLEMS} problems highlighted" in shown
    body = max(html_bodies(app), key=len)
    for problem in problems:
        assert f'<a id="{problem["item"]}"></a>' in body
    assert body.count('class="hl problem"') >= SEED_000_PROBLEMS
    assert 'class="hl cited"' in body and 'class="hl status"' in body and 'class="hl figure"' in body


def test_reader_outlines_the_span_the_url_names(env, expected, monkeypatch):
    notice = expected["notices"].rows[0]
    measure = next(r for r in expected["items"][notice["notice_id"]] if r["kind"] == "measure")
    app = page(monkeypatch, env, "Notice reader", {"notice": notice["notice_id"], "start": measure["span_start"],
                                                   "end": measure["span_end"]})
    assert '<span class="focus">' in max(html_bodies(app), key=len)


def test_pages_table_matches_the_files():
    from pathlib import Path
    dashboard = Path(__file__).resolve().parents[1] / "dashboard"
    assert {module for _, _, module in PAGES} == {p.stem for p in (dashboard / SCREENS).glob("*.py")} - {"__init__"}
    assert not (dashboard / "pages").exists()  # Streamlit's file-based navigation would take it over
    assert PAGES[0][0] == "" and len({url for url, _, _ in PAGES}) == len(PAGES)


def test_network_around_a_regulation_shows_its_measures_and_their_problems(env, expected, monkeypatch):
    top = expected["top-cited-regulations"].rows[0]
    app = page(monkeypatch, env, "Unit–problem network", {"kind": "Regulation", "centre": top["regulation"]})
    found = re.search(r"(\d+) nodes, (\d+) edges around", texts(app))
    assert found and int(found.group(2)) == 2 * top["citing_measures"]
    assert int(found.group(1)) >= 1 + top["citing_measures"] + 1
    legend = next(b for b in html_bodies(app) if "Legend:" in b)
    assert all(kind in legend for kind in ("Measure", "Problem", "Regulation"))


def test_switching_saved_queries_drops_the_other_querys_parameters(env, monkeypatch):
    app = page(monkeypatch, env, "Saved queries", {"q": "top-cited-regulations", "limit": "3", "sqsel": "0"})
    assert "3 of" in texts(app)
    app.selectbox(key="query").set_value("notices").run()
    assert app.query_params.get("q") == "notices" and "limit" not in app.query_params and "sqsel" not in app.query_params
    assert re.search(r"2 of 2 rows", texts(app))
