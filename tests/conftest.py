"""Shared fixtures: one store suite run against both engines, as networkx's conftest does for backends.

- ``bolt_server`` (session): NEO4J_TEST_URI/NEO4J_TEST_USER/NEO4J_TEST_PASSWORD when set, else an
  ArcadeDB server from the arcadedb-embedded wheel on loopback (noticegraph.graph.testserver),
  stopped at the end of the session. Started only if a test asks for the neo4j store.
- ``store`` (parametrised over ladybug and neo4j): an open, empty store with its schema; a
  fresh ladybug file in tmp_path, or the shared Bolt database wiped with DETACH DELETE.
- ``make_notice`` / ``small_notice``: hand-made ``Notice`` records with known counts;
  ``gold_notices``: the two sample texts with the hand-made gold extraction, as records.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from noticegraph.graph import open_store
from noticegraph.graph.ids import notice_id
from noticegraph.graph.testserver import BoltServer, arcadedb_server
from noticegraph.loaders.records import Body, Figure, Measure, Notice, Person, Problem, Round, TitleRef
from noticegraph.loaders.taxonomy import load_taxonomy

pytest_plugins = ("skip_policy",)  # a skip outside the slow marker fails the run

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
GOLD = ROOT / "tests" / "acceptance"
STORES = ["ladybug", "neo4j"]


@pytest.fixture(scope="session")
def bolt_server() -> Iterator[BoltServer]:
    uri = os.environ.get("NEO4J_TEST_URI")
    if uri:
        yield BoltServer(uri, os.environ.get("NEO4J_TEST_USER", "neo4j"),
                         os.environ.get("NEO4J_TEST_PASSWORD", ""),
                         os.environ.get("NEO4J_TEST_DATABASE", "neo4j"))
        return
    with arcadedb_server() as server:
        yield server


def open_test_store(kind: str, tmp_path: Path, request: pytest.FixtureRequest, name: str = "graph.lbug"):
    if kind == "ladybug":
        return open_store("ladybug", tmp_path / name)
    server: BoltServer = request.getfixturevalue("bolt_server")
    return open_store("neo4j", uri=server.uri, user=server.user, password=server.password,
                      database=server.database)


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path: Path):
    graph = open_test_store(request.param, tmp_path, request)
    with graph:
        if request.param == "neo4j":
            graph.query("MATCH (n) DETACH DELETE n")
        graph.ensure_schema()
        yield graph


# -- hand-made notices -------------------------------------------------------------------

SMALL_TEXT = (
    "中共示例县委员会关于巡察整改情况的通报\n"
    "一、关于“理论学习不深入”问题的整改\n"
    "认真落实《中国共产党纪律处分条例》,制定《示例县学习管理办法》。县财政局、城关镇参与整改。\n"
    "二、关于“公务接待不规范”问题的整改\n"
    "严格执行《中国共产党纪律处分条例》,清退款项12.5万元。立案3件。书记张三负责。\n"
)


def span_of(text: str, needle: str) -> tuple[int, int]:
    start = text.find(needle)
    return (start, start + len(needle)) if start >= 0 else (0, 0)


def title_ref(text: str, title: str, role: str, verb: str | None = None) -> TitleRef:
    return TitleRef(title, span_of(text, f"《{title}》"), role, verb)


def make_notice(text: str = SMALL_TEXT, source: str = "small.txt", paths: tuple[str, str] = ("1", "2"),
                issued: str = "示例县学习管理办法") -> Notice:
    """Two problems, three measures, two regulations, four bodies, two figures, one person."""
    cited = title_ref(text, "中国共产党纪律处分条例", "cited", "落实")
    issued = title_ref(text, issued, "issued", "制定")
    first = Problem("理论学习不深入", span_of(text, "理论学习不深入"), paths[0], category="政治建设",
                    status="completed", measures=[
                        Measure("认真落实…", span_of(text, "认真落实"), [cited, issued], ["县财政局", "城关镇"]),
                        Measure("参与整改", span_of(text, "参与整改"))])
    second = Problem("公务接待不规范", span_of(text, "公务接待不规范"), paths[1], status="in_progress",
                     deadline="2023-12", measures=[
                         Measure("严格执行…", span_of(text, "严格执行"), [cited], ["县财政局"])])
    issuer = Body("中共示例县委员会", span_of(text, "中共示例县委员会"))
    return Notice(
        id=notice_id(text), source=source, text=text, title=text.splitlines()[0],
        title_span=(0, len(text.splitlines()[0])), issuer=issuer, published="2020-07-17",
        round=Round(kind="巡察", level="county", team="县委第一巡察组", start="2019-11-01", end="2019-12-31"),
        inspected_body=issuer, problems_claimed=2, problems=[first, second], titles=[cited, issued],
        document_numbers=["示财〔2020〕3号"],
        figures=[Figure("立案", 3, "件", span_of(text, "立案3件")),
                 Figure("清退款项", 12.5, "万元", span_of(text, "清退款项12.5万元"))],
        persons=[Person("张三", "书记", span_of(text, "张三"))])


# The taxonomy is in every store from ensure_schema on: ProblemType nodes and BROADER links.
TAXONOMY = load_taxonomy()
TAXONOMY_COUNTS = {"ProblemType": len(TAXONOMY), "BROADER": sum(len(c.broader) for c in TAXONOMY)}
SMALL_COUNTS = {"Notice": 1, "Round": 1, "Problem": 2, "Measure": 3, "Figure": 2, "Body": 4,
                "Regulation": 2, "Person": 1, "ProblemType": TAXONOMY_COUNTS["ProblemType"]}


@pytest.fixture
def small_notice() -> Notice:
    return make_notice()


# -- the samples with their gold extraction (until and besides the real extractor) -------

def gold_notice(sample: Path) -> Notice:
    gold = json.loads((GOLD / sample.name.replace(".txt", ".gold.json")).read_text("utf-8"))
    text = sample.read_text("utf-8")
    issuer = Body(gold["notice"]["issuer"], span_of(text, gold["notice"]["issuer"]))
    inspected = gold["inspected_body"]
    inspected = inspected["name"] if isinstance(inspected, dict) else inspected
    titles = [title_ref(text, t, "cited") for t in gold["regulations_cited"]] + \
             [title_ref(text, t, "issued") for t in gold["documents_issued"]]
    return Notice(
        id=notice_id(text), source=str(sample), text=text, title=gold["notice"]["title"],
        title_span=span_of(text, gold["notice"]["title"]), issuer=issuer, published=gold["notice"]["published"],
        round=Round(**gold["round"]), inspected_body=Body(inspected, span_of(text, inspected)),
        problems_claimed=gold["problems_claimed"], problems=gold_problems(text, gold["problems"]),
        titles=titles, document_numbers=gold["document_numbers"], figures=gold_figures(gold["stats"]),
        persons=[Person(p["name"], p["role"], span_of(text, p["name"])) for p in gold["persons"]])


def gold_problems(text: str, problems: list[dict]) -> list[Problem]:
    out = []
    for ordinal, p in enumerate(problems, start=1):
        count = p.get("measures", 0) if isinstance(p.get("measures"), int) else 0
        measures = [Measure(f"measure {k}", (0, 0)) for k in range(1, count + 1)]
        out.append(Problem(p["text"], span_of(text, p["text"]), str(ordinal), category=p.get("category"),
                           subcategory=p.get("subcategory"), status=p.get("status"),
                           deadline=p.get("deadline"), measures=measures))
    return out


def gold_figures(stats: dict[str, float]) -> list[Figure]:
    figures = []
    for key, value in stats.items():
        metric, _, unit = key.rpartition("_")
        figures.append(Figure(metric, value, unit, (0, 0)))
    return figures


@pytest.fixture(scope="session")
def gold_notices() -> list[Notice]:
    samples = sorted(SAMPLES.glob("*.txt"))
    assert samples and GOLD.is_dir(), "samples or gold extraction not found"
    return [gold_notice(sample) for sample in samples]


def perturbed(notice: Notice, k: int) -> Notice:
    """A copy of ``notice`` with a distinct id: a marker line appended to the text."""
    text = notice.text + f"\n副本{k}\n"
    return Notice(**{**notice.__dict__, "id": notice_id(text), "text": text,
                     "source": re.sub(r"(\.\w+)?$", rf".copy{k}\g<1>", notice.source, count=1)})
