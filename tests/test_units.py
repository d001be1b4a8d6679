"""Units named in measures: mentions, generic words, qualification by the notice's jurisdiction,
the hand-made units gold of the two samples (tests/acceptance/units.gold.json), and the Body
nodes they become on both stores."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from noticegraph.graph.aliases import AliasRow, AliasTable
from noticegraph.graph.rows import notice_rows
from noticegraph.loaders import extract_file, extract_text
from noticegraph.loaders.jurisdiction import Jurisdiction, place_of
from noticegraph.loaders.records import Body
from noticegraph.loaders.units import find_units, is_generic

HERE = Path(__file__).parent
SAMPLES = HERE.parent / "data" / "samples"
LAYOUTS = HERE / "fixtures" / "layouts"
UNITS_GOLD = json.loads((HERE / "acceptance" / "units.gold.json").read_text(encoding="utf-8"))["notices"]


@pytest.mark.parametrize("sentence, units", [
    ("三是大连普湾工程项目管理有限公司进行海域资产移交清理工作", ["大连普湾工程项目管理有限公司"]),
    ("释放普湾既有投资效益,金普新区农业农村局已入住普湾经济区", ["金普新区农业农村局"]),
    ("责令开发公司、海创公司退回违规发放的津补贴", ["开发公司", "海创公司"]),
    ("积极协调宁波市自然资源和规划局,加快办理", ["宁波市自然资源和规划局"]),
    ("大连市国土资源和房屋局土地监察支队作出行政处罚决定", ["大连市国土资源和房屋局土地监察支队"]),
    ("立即向省海洋与渔业厅报告", ["省海洋与渔业厅"]),
    ("区纪委监委对相关责任人进行问责,县委组织部牵头开展专项整治", ["区纪委监委", "县委组织部"]),
    ("强化驻新区纪检监察组与新区党工委协作配合", ["驻新区纪检监察组", "新区党工委"]),
    ("对开发公司分管财务副总经理和海创公司分管财务副总经理给予警告处分", ["开发公司", "海创公司"]),
    ("出台《新区预算单位银行账户和公款存放管理暂行办法》", []),
    ("各部门、有关单位要抓好落实", []),
    ("坚持以人民为中心的发展思想,推动城镇化", []),
])
def test_units_in_measure_sentences(sentence, units):
    assert find_units(sentence) == units


@pytest.mark.parametrize("name, generic", [
    ("相关部门", True), ("金普新区相关部门", True), ("项目公司", True), ("开发公司", True), ("财政及公司", True),
    ("新区国有公司", True), ("企业工程技术中心", True), ("管委会下属物业公司", True), ("委员会", True),
    ("普湾辖区各街道", True), ("海创公司", False), ("新区财政局", False), ("管委会", False), ("交通部", False),
    ("大连普湾工程项目管理有限公司", False)])
def test_generic_words_name_no_one_unit(name, generic):
    assert is_generic(name) is generic


def jurisdiction(issuer: str, text: str = "") -> Jurisdiction:
    return Jurisdiction.of_notice(Body(issuer), None, text)


@pytest.mark.parametrize("issuer, place", [
    ("中共宁波前湾新区工作委员会", "宁波前湾新区"), ("中共大连普湾经济区工作委员会", "大连普湾经济区"),
    ("中共东江区人力资源和社会保障局党组", "东江区"), ("中共清平市卫生健康委员会党组", "清平市"),
    ("中共宁波杭州湾新区党工委", "宁波杭州湾新区"), ("中共江南省委", "江南省")])
def test_place_a_body_is_named_after(issuer, place):
    assert place_of(issuer) == place


@pytest.mark.parametrize("issuer, text, mention, qualified", [
    ("中共宁波前湾新区工作委员会", "", "新区财政局", "宁波前湾新区财政局"),
    ("中共东江区人力资源和社会保障局党组", "", "区财政局", "东江区财政局"),
    ("中共金湖区民政局党组", "", "区财政局", "金湖区财政局"),
    ("中共大连普湾经济区工作委员会", "", "管委会办公室", "大连普湾经济区管委会办公室"),
    ("中共大连普湾经济区工作委员会", "", "普湾经济区管委会", "大连普湾经济区管委会"),
    ("中共大连普湾经济区工作委员会", "金普新区。金普新区。", "新区纪工委", "金普新区纪工委"),
    ("中共大连普湾经济区工作委员会", "金普新区。金普新区。", "填报金普新区财政局", "金普新区财政局"),
    ("中共宁波前湾新区工作委员会", "", "驻新区纪检监察组", "驻宁波前湾新区纪检监察组"),
    ("中共宁波前湾新区工作委员会", "", "海创公司", "海创公司"),
    ("中共宁波前湾新区工作委员会", "", "中央组织部", "中央组织部"),
    ("中共东山县交通运输局党组", "", "县委组织部", "东山县委组织部"),
    ("中共东山县交通运输局党组", "", "县纪委监委", "东山县纪委监委"),
    ("中共东江区人力资源和社会保障局党组", "", "市场监管局", "东江区市场监管局"),
    ("中共东江区人力资源和社会保障局党组", "", "区人民法院", "东江区人民法院"),
    ("中共宁波前湾新区工作委员会", "", "新区党工委", None),          # the notice's own body
    ("中共白沙市人民医院委员会", "", "院党委", None),
    ("中共金湖区民政局党组", "", "金湖区民政局", None),
    ("中共大连普湾经济区工作委员会", "", "省海洋与渔业厅", None),   # no province named: cannot qualify
    ("中共宁波前湾新区工作委员会", "", "相关部门", None),
    ("中共宁波前湾新区工作委员会", "", "新区国有公司", None)])
def test_relative_names_are_qualified_by_the_jurisdiction(issuer, text, mention, qualified):
    assert jurisdiction(issuer, text).qualify(mention) == qualified


def involved_bodies(notice) -> set[str]:
    rows = notice_rows(notice)
    ids = {r["dst"] for r in rows.rels.get(("INVOLVES", "Measure", "Body"), [])}
    return {b["name"] for b in rows.nodes["Body"] if b["id"] in ids}


def score_units(gold: dict, found: set[str]) -> tuple[int, int, int, int]:
    """(found that match a gold unit, found, gold units matched, gold units)."""
    entries = [{unit["name"], *unit.get("also", [])} for unit in gold["units"]]
    correct = sum(1 for name in found if any(name in entry for entry in entries))
    matched = sum(1 for entry in entries if entry & found)
    return correct, len(found), matched, len(entries)


def test_units_gold_precision_and_recall():
    totals = [0, 0, 0, 0]
    for seed, gold in sorted(UNITS_GOLD.items()):
        found = involved_bodies(extract_file(SAMPLES / f"{seed}.txt"))
        counts = score_units(gold, found)
        print(f"{seed}: precision {counts[0]}/{counts[1]}, recall {counts[2]}/{counts[3]}")
        totals = [a + b for a, b in zip(totals, counts)]
        assert not found & set(gold["generic"])
    precision, recall = totals[0] / totals[1], totals[2] / totals[3]
    print(f"units: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.95 and recall >= 0.95


@pytest.mark.parametrize("seed", sorted(UNITS_GOLD))
def test_no_body_node_is_a_generic_word(seed):
    notice = extract_file(SAMPLES / f"{seed}.txt")
    notice.problems[0].measures[0].units += ["相关部门", "项目公司", "新区国有公司"]  # as a hand-made record might
    names = {b["name"] for b in notice_rows(notice).nodes["Body"]}
    assert not names & {"相关部门", "项目公司", "新区国有公司", *UNITS_GOLD[seed]["generic"]}
    assert not [name for name in names if is_generic(name)]


def district_notices():
    first = extract_file(LAYOUTS / "l6_sub_problems_progress_label.txt")
    second = extract_file(LAYOUTS / "l9_indented_blank_lines.txt")
    text = (LAYOUTS / "l6_sub_problems_progress_label.txt").read_text(encoding="utf-8")
    later = extract_text(text.replace("区委第四巡察组", "区委第一巡察组").replace("2020-09-15", "2021-09-15"),
                         source="later.txt")
    return first, second, later


def test_one_relative_name_in_two_jurisdictions_is_two_bodies(store):
    first, second, later = district_notices()
    store.load_many([first, second, later])
    rows = store.query("MATCH (n:Notice)-[:CONTAINS]->(:Problem)-[:ADDRESSED_BY]->(:Measure)-[:INVOLVES]->(b:Body) "
                       "WHERE b.name ENDS WITH '区财政局' RETURN b.name AS body, count(DISTINCT n) AS notices "
                       "ORDER BY body")
    assert rows == [{"body": "东江区财政局", "notices": 2}, {"body": "金湖区财政局", "notices": 1}]


@pytest.mark.parametrize("reviewed", [True, False])
def test_a_reviewed_alias_merges_units_across_spellings(reviewed):
    first, _, _ = district_notices()
    table = AliasTable.from_rows([AliasRow("东江区财政局", "东江区人民政府财政局", 95.0, reviewed)])
    rows = notice_rows(first, table)
    involved = {r["dst"] for r in rows.rels[("INVOLVES", "Measure", "Body")]}
    names = {b["id"]: b["name"] for b in rows.nodes["Body"]}
    assert ("东江区人民政府财政局" if reviewed else "东江区财政局") in {names[i] for i in involved}
