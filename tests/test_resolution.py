"""Resolution on both stores: one Regulation node per regulation, one Body node per body
(within a notice by its own aliases, across notices by the reviewed alias file), and the
`bodies suggest` command that proposes that file."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from noticegraph.cli import main
from noticegraph.graph.aliases import ENV, AliasRow, AliasTable, merge_rows, read_rows, write_rows
from noticegraph.graph.body_suggest import body_core, name_score, store_bodies, suggest_aliases
from noticegraph.graph.rows import notice_rows
from noticegraph.loaders import extract_file, extract_text

TRANSPORT = "中共东山县交通运输局党组"
TRANSPORT_SHORT = "中共东山县交通局党组"


def notice_text(issuer: str, inspected: str, cited: str, year: int = 2021) -> str:
    """A small notice in the county shape: one problem whose measure cites ``cited``."""
    return (f"{issuer}关于巡察整改情况的通报\n信息时间:{year}-09-03\n"
            f"根据县委统一部署,{year}年4月12日至5月28日,县委第三巡察组对{inspected}进行了常规巡察。"
            f"6月25日,县委第三巡察组向{inspected}反馈了巡察意见。\n二、巡察反馈问题整改落实情况\n"
            f"(一)全面从严治党方面\n1.关于“违规发放津补贴”问题的整改\n"
            f"认真学习《{cited}》,清退违规发放津补贴3.6万元。\n整改进展情况:已完成。\n")


def two_notices(second_issuer: str = TRANSPORT_SHORT):
    first = extract_text(notice_text(TRANSPORT, "东山县交通运输局党组", "党章"), "a.txt")
    second = extract_text(notice_text(second_issuer, "县交通局党组", "中国共产党章程(2017年修订)", 2023), "b.txt")
    return first, second


def body_ids(store) -> list[str]:
    return [row["id"] for row in store.query("MATCH (b:Body) RETURN b.id AS id ORDER BY id")]


@pytest.fixture(autouse=True)
def no_alias_file(monkeypatch, tmp_path):
    """No alias file unless a test writes one (not even a data/aliases.tsv of the checkout)."""
    monkeypatch.setenv(ENV, str(tmp_path / "no-aliases.tsv"))


def test_regulation_cited_by_two_notices_is_one_node(store):
    store.load_many(list(two_notices()))
    rows = store.query("MATCH (n:Notice)-[c:CITES]->(g:Regulation) RETURN g.id AS id, g.title AS title, "
                       "g.kind AS kind, g.level AS level, c.verb AS verb, n.source AS source ORDER BY source")
    assert [(r["id"], r["kind"], r["level"], r["verb"], r["source"]) for r in rows] == [
        ("中国共产党章程", "party_regulation", "central", "学习", "a.txt"),
        ("中国共产党章程", "party_regulation", "central", "学习", "b.txt")]
    assert rows[0]["title"] == "党章"  # the first spelling, canonical
    assert store.stats()["nodes"]["Regulation"] == 1


def test_regulation_revision_year_is_kept(store):
    _, second = two_notices()
    store.load(second)
    assert store.query("MATCH (g:Regulation) RETURN g.title AS t, g.revision_year AS y") == [
        {"t": "中国共产党章程(2017年修订)", "y": 2017}]


def test_notice_spellings_of_its_body_are_one_node(store):
    notice = extract_file(SAMPLES / "003_018ca7894cc5aeb7.txt")
    store.load(notice)
    rows = store.query("MATCH (n:Notice)-[:ISSUED_BY]->(b:Body) MATCH (:Round)-[:INSPECTED]->(c:Body) "
                       "RETURN b.id AS issuer, c.id AS inspected, b.aliases AS aliases")
    assert len(rows) == 1 and rows[0]["issuer"] == rows[0]["inspected"] == "中共宁波前湾新区工作委员会"
    assert {"宁波前湾新区党工委", "宁波杭州湾新区党工委"} <= set(rows[0]["aliases"])
    alias_nodes = store.query("MATCH (b:Body) WHERE b.id IN $ids RETURN count(b) AS n",
                              {"ids": ["宁波前湾新区党工委", "宁波杭州湾新区党工委"]})
    assert alias_nodes == [{"n": 0}]


def test_a_unit_named_by_an_alias_is_the_notice_body():
    notice = extract_file(SAMPLES / "003_018ca7894cc5aeb7.txt")
    notice.problems[0].measures[0].units = ["宁波前湾新区党工委"]
    rows = notice_rows(notice)
    involved = {r["dst"] for r in rows.rels[("INVOLVES", "Measure", "Body")]}
    assert "中共宁波前湾新区工作委员会" in involved
    assert "宁波前湾新区党工委" not in {b["id"] for b in rows.nodes["Body"]}


@pytest.mark.parametrize("reviewed", [True, False])
def test_alias_file_merges_bodies_across_notices(store, tmp_path, monkeypatch, reviewed):
    path = tmp_path / "aliases.tsv"
    write_rows(path, [AliasRow(TRANSPORT_SHORT, TRANSPORT, 92.3, reviewed)])
    monkeypatch.setenv(ENV, str(path))
    store.load_many(list(two_notices()))
    issuers = store.query("MATCH (n:Notice)-[:ISSUED_BY]->(b:Body) RETURN DISTINCT b.id AS id ORDER BY id")
    expected = [TRANSPORT] if reviewed else sorted([TRANSPORT, TRANSPORT_SHORT])
    assert [row["id"] for row in issuers] == expected
    assert store.stats()["nodes"]["Body"] == len(expected) + 1  # and the inspection team


def test_alias_table_resolves_transitively_and_stops_on_cycles():
    table = AliasTable.from_rows([AliasRow("甲", "乙", 90, True), AliasRow("乙", "丙", 90, True),
                                  AliasRow("丁", "戊", 90, False), AliasRow("己", "庚", 90, True),
                                  AliasRow("庚", "己", 90, True)])
    assert table.resolve("甲") == "丙" and table.resolve("丁") == "丁"
    assert table.resolve("己") in {"己", "庚"}
    assert len(table) == 4


def test_suggestions_normalise_party_organs():
    assert body_core("中共宁波前湾新区工作委员会") == body_core("宁波前湾新区党工委") == "宁波前湾新区"
    assert body_core("普湾经济区管委会") == "普湾经济区管委会"
    assert name_score(TRANSPORT, TRANSPORT_SHORT) >= 85
    assert name_score("东山县交通运输局", "东山县财政局") < 85
    rows = suggest_aliases([(TRANSPORT, 3), (TRANSPORT_SHORT, 1), ("县委第一巡察组", 1), ("县委第二巡察组", 1)])
    assert [(r.alias, r.canonical, r.reviewed) for r in rows] == [(TRANSPORT_SHORT, TRANSPORT, False)]
    done = AliasTable.from_rows([AliasRow(TRANSPORT_SHORT, TRANSPORT, 90, True)])
    assert suggest_aliases([(TRANSPORT, 3), (TRANSPORT_SHORT, 1)], aliases=done) == []


def test_suggestions_from_either_store(store):
    store.load_many(list(two_notices()))
    bodies = dict(store_bodies(store))
    assert bodies[TRANSPORT] == bodies[TRANSPORT_SHORT] > 0
    rows = suggest_aliases(store_bodies(store))
    assert [(r.alias, r.canonical) for r in rows] == [(TRANSPORT_SHORT, TRANSPORT)]


def test_merge_keeps_reviewed_rows():
    old = [AliasRow("甲", "乙", 90, True)]
    new = [AliasRow("乙", "甲", 95, False), AliasRow("丙", "丁", 88, False)]
    assert merge_rows(old, new) == [old[0], new[1]]


def test_bodies_suggest_writes_a_reviewable_file(tmp_path, monkeypatch):
    db = tmp_path / "graph.lbug"
    folder = tmp_path / "notices"
    folder.mkdir()
    for notice, name in zip(two_notices(), ("a.txt", "b.txt")):
        (folder / name).write_text(notice.text, "utf-8")
    runner, env = CliRunner(), {"NEO4J_URI": None}
    assert runner.invoke(main, ["load", str(folder), "--db", str(db)], env=env).exit_code == 0
    out = tmp_path / "aliases.tsv"
    result = runner.invoke(main, ["bodies", "suggest", "--db", str(db), "-o", str(out)], env=env)
    assert result.exit_code == 0, result.output
    rows = read_rows(out)
    assert [(r.alias, r.canonical, r.reviewed) for r in rows] == [(TRANSPORT_SHORT, TRANSPORT, False)]
    assert out.read_text("utf-8").splitlines()[0] == "alias\tcanonical\tscore\treviewed"
    write_rows(out, [AliasRow(r.alias, r.canonical, r.score, True) for r in rows])
    again = runner.invoke(main, ["bodies", "suggest", "--db", str(db), "-o", str(out)], env=env)
    assert again.exit_code == 0 and len(read_rows(out)) == 1
