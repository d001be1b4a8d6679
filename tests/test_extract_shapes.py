"""Notice shapes beyond the two seeds, in hand-written fixtures about fictional bodies.

- central_2019: a provincial committee's report on a central inspection; problems are
  1.关于…的问题 under (一)关于…方面的问题 categories, measures are 一是/二是 items.
- county_2021: bare numbered problem sentences with 整改措施:/完成情况: lines.
- township_qa_2023: 问题一:/整改措施:/整改情况: triples with no outline at all.
- district_leaves_2022: bare problem sentences under the feedback section, no labels at all.
- bureau_table_2020.html: a GB18030 page whose problems are the rows of a table.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from noticegraph.loaders import extract_file
from noticegraph.loaders.normalize import normalize_str

FIXTURES = Path(__file__).parent / "fixtures"


def extract(name: str):
    return extract_file(FIXTURES / name)


def test_central_report_with_category_questions_and_inline_measures():
    notice = extract("central_2019.txt")
    assert notice.title == "中共江南省委关于十九届中央第三轮巡视整改进展情况的通报"
    assert (notice.issuer.name, notice.published) == ("中共江南省委", "2019-10-25")
    rnd = notice.round
    assert (rnd.kind, rnd.level, rnd.team, rnd.name) == ("巡视", "central", "中央第三巡视组", "十九届中央第三轮巡视")
    assert (rnd.start, rnd.end, rnd.feedback) == ("2019-03-08", "2019-05-08", "2019-07-12")
    assert notice.inspected_body.name == "中共江南省委" and "江南省" in notice.inspected_body.aliases
    assert notice.problems_claimed == 12
    assert [(p.text, len(p.measures)) for p in notice.problems] == [
        ("学习贯彻习近平新时代中国特色社会主义思想不够深入", 2), ("推动高质量发展有差距", 3),
        ("违反中央八项规定精神问题仍有发生", 2), ("形式主义官僚主义问题比较突出", 1), ("干部选拔任用把关不严", 2)]
    assert notice.problems[0].category == "关于贯彻落实党中央决策部署方面的问题"
    assert [t.title for t in notice.regulations_cited] == [
        "中国共产党党委(党组)理论学习中心组学习规则", "党政领导干部选拔任用工作条例"]
    assert len(notice.documents_issued) == 3
    assert notice.stats["给予党纪政务处分_人"] == 987 and notice.stats["诫勉_人"] == 12
    assert [(p.name, p.role) for p in notice.persons] == [("王明远", "省委书记")]


def test_county_report_with_numbered_sentences_and_status_lines():
    notice = extract("county_2021.txt")
    rnd = notice.round
    assert (rnd.level, rnd.team, rnd.mode, rnd.superior) == ("county", "县委第三巡察组", "常规巡察", "中共东山县委")
    assert rnd.feedback == "2021-06-25"
    assert notice.inspected_body.name == "中共东山县交通运输局党组"
    assert [(p.status, p.deadline) for p in notice.problems] == [
        ("completed", None), ("in_progress", "2021-12"), ("ongoing", None), ("completed", None), ("partial", None)]
    assert notice.problems[0].text == "学习贯彻习近平新时代中国特色社会主义思想不深入"
    assert notice.problems[0].category == "党的领导弱化方面"
    assert all(len(p.measures) == 1 and p.measures[0].text.startswith("整改措施") for p in notice.problems)
    assert notice.stats == {"党内警告_人": 1, "诫勉谈话_人": 2}


def test_question_and_answer_pairs_without_an_outline():
    notice = extract("township_qa_2023.txt")
    assert [(p.text, p.status, p.deadline) for p in notice.problems] == [
        ("落实全面从严治党主体责任不到位", "completed", None),
        ("村级财务管理不规范,存在白条入账现象", "in_progress", "2023-12"),
        ("“三重一大”决策制度执行不严格", "completed", None)]
    assert notice.round.team == "区委第二巡察组" and notice.round.feedback == "2023-06-02"
    assert notice.published == "2023-08-15"
    measure = notice.problems[1].measures[0]
    assert [t.title for t in measure.titles] == ["农村集体经济组织财务制度"]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_fixture_survives_lost_line_breaks(name, tmp_path):
    original = extract(name)
    path = tmp_path / name
    path.write_text((FIXTURES / name).read_text(encoding="utf-8").replace("\n", ""), encoding="utf-8")
    run_on = extract_file(path)
    def view(n):  # measure counts may differ: paragraphs run together without their breaks
        return [(p.text, p.status, p.deadline, p.category, p.subcategory) for p in n.problems]
    assert view(run_on) == view(original)
    # The round's span moves with the text: compare every other field, then what the span covers.
    assert dataclasses.replace(run_on.round, span=None) == dataclasses.replace(original.round, span=None)
    start, end = run_on.round.span
    assert normalize_str(run_on.text[start:end]) == original.round.team


def test_unlabelled_problem_sentences_under_the_feedback_section():
    """No 关于, no status lines: the leaves of 巡察反馈问题整改落实情况 are the problems."""
    notice = extract("district_leaves_2022.txt")
    assert [(p.text, p.category, len(p.measures)) for p in notice.problems] == [
        ("理论学习流于形式", "政治建设方面", 1), ("意识形态工作责任制落实不力", "政治建设方面", 1),
        ("公务用车管理不规范", "作风建设方面", 1)]
    assert notice.published == "2022-10-09"  # 二〇二二年十月九日 under the signature
    assert (notice.round.feedback, notice.round.superior) == ("2022-07-08", "中共北湖区委")


def test_problems_in_an_html_table_in_gb18030():
    """序号 | 反馈问题 | 整改措施 | 完成时限 | 整改进展: one problem per row, columns by header."""
    notice = extract("bureau_table_2020.html")
    assert (notice.encoding, notice.format, notice.published) == ("gb18030", "html", "2020-11-20")
    assert [(p.text, p.status, p.deadline) for p in notice.problems] == [
        ("学习贯彻习近平新时代中国特色社会主义思想不深入", "completed", None),
        ("林地征占用审批把关不严", "in_progress", "2020-12"),
        ("公务用车管理不规范", "ongoing", None)]
    assert [(t.title, t.role) for t in notice.problems[1].measures[0].titles] == [
        ("建设项目使用林地审核审批管理办法", "cited")]
    start, end = notice.problems[2].span
    assert notice.text[start:end] == "公务用车管理不规范"
