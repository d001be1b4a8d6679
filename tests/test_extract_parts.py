"""Extractor parts on real-style sentences: figures, titles, statuses, dates, outline."""
from __future__ import annotations

import pytest

from noticegraph.loaders import extract_text
from noticegraph.loaders.normalize import normalize
from noticegraph.loaders.figures import find_figures
from noticegraph.loaders.outline import parse_outline
from noticegraph.loaders.status import read_status
from noticegraph.loaders.titles import find_doc_numbers, find_titles


def figures(sentence: str) -> dict[str, float]:
    return {f.key: f.value for f in find_figures(normalize(sentence))}


def test_aggregate_progress_figures_are_recorded():
    found = figures("反馈的25个问题中,已完成整改19个、正在整改6个,整改完成率98.71%。")
    assert found == {"已完成整改_个": 19, "正在整改_个": 6, "整改完成率_%": 98.71}


def test_zero_counts_are_figures_and_civil_penalties_are_told_apart():
    found = figures("给予党纪处分0人,政务处分3人(警告2人,记过1人),诫勉谈话5人次,追缴资金12.5万元。")
    assert found["党纪处分_人"] == 0
    assert found["政务警告_人"] == 2 and found["政务记过_人"] == 1
    assert found["诫勉谈话_人次"] == 5 and found["追缴_万元"] == 12.5


def test_title_runs_share_their_verb_and_keep_trial_marks_and_years():
    refs = find_titles(normalize("严格执行《中国共产党支部工作条例（试行）》《党政机关厉行节约反对浪费条例》,"
                                 "制定出台《公务接待管理办法(2021年修订)》、《差旅费管理规定》。"))
    assert [(r.title, r.role) for r in refs] == [
        ("中国共产党支部工作条例(试行)", "cited"), ("党政机关厉行节约反对浪费条例", "cited"),
        ("公务接待管理办法(2021年修订)", "issued"), ("差旅费管理规定", "issued")]


def test_a_superior_body_issuing_a_rule_makes_it_a_cited_rule():
    refs = find_titles(normalize("2019年12月,大连市出台《大连市深化园区改革方案》,撤销开发区。"))
    assert refs[0].role == "cited"


def test_document_numbers_in_any_bracket_style():
    text = "印发《财务管理制度暂行办法》(大普财综〔2020〕37号),依据交规划函[2019]388号。"
    assert find_doc_numbers(normalize(text).text) == ["大普财综〔2020〕37号", "交规划函[2019]388号"]
    assert find_titles(normalize(text))[0].doc_number == "大普财综〔2020〕37号"


@pytest.mark.parametrize("phrase, expected", [
    ("已完成", ("completed", None)), ("正在整改,2023年12月底前完成", ("in_progress", "2023-12")),
    ("基本完成", ("partial", None)), ("长期坚持", ("ongoing", None)), ("已取消", ("cancelled", None)),
    ("无需整改", ("cancelled", None)), ("持续整改,2022年底前完成", ("in_progress", "2022-12")),
    ("已完成,长期坚持", ("completed", None))])
def test_status_phrases(phrase, expected):
    assert read_status(phrase) == expected


def test_outline_starts_at_any_level_and_ignores_numbers_in_prose():
    text = "(一)关于理论学习不深入的问题\n数字经济产业园一、二期已完成,投资2.5亿元。\n(二)关于作风不实的问题\n1.整改\n"
    root = parse_outline(normalize(text).text)
    assert [(n.style, n.number) for n in root.children] == [("cn_paren", 1), ("cn_paren", 2)]
    assert [(n.style, n.number) for n in root.children[1].children] == [("num", 1)]


def test_traditional_script_and_full_width_text_normalise_but_spans_stay_original():
    text = "中共某某縣委關於巡察整改情況的通報\n根據縣委統一部署,2020年4月13日至5月29日,縣委第四巡察組對某某鎮黨委進行了巡察。"
    notice = extract_text(text)
    assert notice.round.team == "县委第四巡察组" and notice.round.start == "2020-04-13"
    start, end = notice.round.span
    assert text[start:end] == "縣委第四巡察組"


def test_headings_opened_with_zhendui_name_their_problem():
    text = ("三、巡视反馈问题整改落实情况\n(一)针对“党的领导弱化”问题的整改\n1.加强理论学习。\n"
            "(二)针对“管党治党宽松软”问题的整改\n1.压实主体责任。\n")
    notice = extract_text(text)
    assert [p.text for p in notice.problems] == ["党的领导弱化", "管党治党宽松软"]


def test_people_named_before_a_verb():
    notice = extract_text("巡视整改工作中,省委书记陈敏尔主持召开专题会议,县委书记王小明同志带头整改。")
    assert [(p.name, p.role) for p in notice.persons] == [("陈敏尔", "省委书记"), ("王小明", "县委书记")]


@pytest.mark.parametrize("sentence, count", [
    ("针对巡察反馈的4个方面14个类别43项具体问题,制定整改方案。", 43),
    ("对反馈意见进行梳理,共梳理出具体问题27个,逐项明确责任。", 27),
    ("巡视组反馈了四方面十个问题。", 10),
    ("召开会议18次,研究部署整改工作。", None)])
def test_claimed_problem_counts(sentence, count):
    assert extract_text("巡察整改情况\n" + sentence).problems_claimed == count


def test_a_period_without_a_year_takes_the_year_written_before_it():
    notice = extract_text("XX巡察整改情况\n2021年,根据县委统一部署,县委第一巡察组于11月2日至1月10日对某某镇党委进行了巡察。"
                          "1月25日,县委第一巡察组向某某镇党委反馈了巡察意见。")
    assert (notice.round.start, notice.round.end, notice.round.feedback) == ("2021-11-02", "2022-01-10", "2022-01-25")


def test_a_title_wrapped_over_two_lines():
    notice = extract_text("首页 > 巡视巡察\n中共某某县委员会关于十四届县委第三轮\n巡察整改进展情况的通报\n"
                          "发布时间:2023-05-06\n根据市委统一部署,市委第二巡察组对某某县委进行了巡察。")
    assert notice.title == "中共某某县委员会关于十四届县委第三轮巡察整改进展情况的通报"
    assert (notice.issuer.name, notice.published, notice.round.name) == (
        "中共某某县委员会", "2023-05-06", "十四届县委第三轮巡察")


def test_problem_paths_are_unique_even_for_unnumbered_items():
    text = ("巡察整改情况\n二、巡察反馈问题整改情况\n1.主体责任落实不到位\n关于“党委会议题把关不严”问题的整改\n"
            "修订议事规则。\n关于“一岗双责落实不力”问题的整改\n制定责任清单。\n")
    problems = extract_text(text).problems
    assert [(p.path, p.text) for p in problems] == [
        ("2.1.i1", "党委会议题把关不严"), ("2.1.i2", "一岗双责落实不力")]


def test_the_header_date_under_a_wrapped_title_is_the_publication_date():
    text = ("中共某某县委员会关于十四届县委第三轮\n巡察整改进展情况的通报\n2023-05-06 10:00 来源:某某县纪委\n"
            "根据县委统一部署,2022年11月1日至12月20日,县委第二巡察组对某某镇党委进行了巡察。\n"
            "中共某某县委员会\n2023年5月8日\n")
    notice = extract_text(text)
    assert notice.published == "2023-05-06"
    start, end = notice.title_span
    assert text[start:end].replace("\n", "") == notice.title
