"""The schema, its documentation, the id rules, the kind heuristic and the one result shape."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from noticegraph.graph import ids
from noticegraph.graph.rows import notice_rows
from noticegraph.graph.schema import NODE_BY_LABEL, REL_BY_TYPE, schema_markdown
from noticegraph.graph.values import plain
from noticegraph.loaders.regulations import regulation_kind

DOCS = Path(__file__).resolve().parents[1] / "docs" / "schema.md"


def test_docs_match_schema():
    assert DOCS.read_text("utf-8") == schema_markdown(), "regenerate: python -m noticegraph.graph.schema > docs/schema.md"


def test_notice_id_ignores_width_and_whitespace():
    assert ids.notice_id("巡察 整改\n通报（一）") == ids.notice_id("巡察整改通报(一)")
    assert ids.notice_id("巡察整改") != ids.notice_id("巡视整改")
    assert len(ids.notice_id("x")) == 16
    assert ids.text_sha("a b") != ids.text_sha("ab")


@pytest.mark.parametrize("spelling", ["《中国共产党支部工作条例（试行）》", "中国共产党支部工作条例 (试行)",
                                      "《中国共产党支部工作条例〔试行〕》", "中国共产党支部工作条例【试行】"])
def test_name_key_unifies_spellings(spelling):
    assert ids.name_key(spelling) == "中国共产党支部工作条例(试行)"


def test_child_ids():
    assert ids.problem_id("n", "2.1.3", 7) == "n:p2.1.3"
    assert ids.problem_id("n", "", 7) == "n:p#7"
    assert ids.measure_id("n:p2.1.3", 2) == "n:p2.1.3:m2"
    assert (ids.round_id("n"), ids.figure_id("n", 5)) == ("n:r", "n:f5")
    assert ids.person_key("丛 军", "普湾") == "丛军@普湾"


@pytest.mark.parametrize("title, kind", [
    ("中华人民共和国统计法", "law"), ("中国共产党纪律处分条例", "party_regulation"),
    ("中国共产党支部工作条例(试行)", "party_regulation"), ("党内法规制定条例", "party_regulation"),
    ("大连市党政机关国内公务接待管理办法", "regulation"), ("中国共产党发展党员工作细则", "party_regulation"),
    ("普湾经济区党工委理论学习中心组学习规则", "regulation"), ("大连市深化园区改革方案", "plan"),
    ("大连港普湾港区总体规划", "plan"), ("关于做好疫情防控期间安全生产工作的通知", "notice"),
    ("中共中央关于加强党的政治建设的意见", "opinion"), ("新区接轨上海工作情况评估报告", "report"),
    ("国有土地使用权出让合同", "contract"), ("填报提示单", "other"),
])
def test_regulation_kind(title, kind):
    """The kind rows.py stores on Regulation nodes (loaders/regulations.py)."""
    assert regulation_kind(title) == kind


def test_rows_follow_the_schema(small_notice):
    """Every row has exactly its table's properties (UNWIND batches need one key set), values of
    the schema's types. The column *order* the engine needs is checked where it matters, against
    the stored tables: tests/test_store_upgrade.py."""
    rows = notice_rows(small_notice)
    for label, table in rows.nodes.items():
        assert all(row.keys() == NODE_BY_LABEL[label].name_set for row in table), label
    for (type_, _, _), table in rows.rels.items():
        assert all(row.keys() == {"src", "dst", *REL_BY_TYPE[type_].names} for row in table), type_
    figure = rows.nodes["Figure"][0]
    assert (figure["metric"], figure["value"], figure["unit"]) == ("立案", 3.0, "件") and isinstance(figure["value"], float)
    assert rows.nodes["Problem"][1]["deadline"] == "2023-12" and rows.nodes["Notice"][0]["document_numbers"] == [
        "示财〔2020〕3号"]


def test_plain_values_from_ladybug():
    node = {"_ID": {"offset": 0, "table": 1}, "_LABEL": "Body", "id": "b", "name": "乙", "aliases": None}
    rel = {"_SRC": {}, "_DST": {}, "_ID": {}, "_LABEL": "CITES", "verb": "落实", "span_start": None}
    assert plain({"b": node, "r": rel, "s": Decimal("12"), "f": Decimal("1.5"), "d": dt.date(2020, 1, 2)}) == {
        "b": {"_label": "Body", "id": "b", "name": "乙"}, "r": {"_type": "CITES", "verb": "落实"},
        "s": 12, "f": 1.5, "d": dt.date(2020, 1, 2)}
