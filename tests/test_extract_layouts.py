"""Problem layouts seen in real notices the samples do not have (issue 11), one fixture per
shape in tests/fixtures/layouts/, all about fictional bodies.

Each test states the problems expected: text, category, subcategory, status, deadline and
measure count. The shapes:
1. (一)<statement>。 → 1.<statement>。 → (1)关于…的问题。一是… (three levels, measures inline);
2. a short deficiency heading over 1./2. problems whose measures open with 整改情况:已完成。;
3. (一)关于…方面 → 1.关于“…”方面 → 问题1: → 整改情况: → 完成情况:已完成 after the measures;
4. (一)反馈问题:<statement> → 1.<problem> with 整改状态: before 整改情况:一是…;
5. 反馈问题一:关于 “…” 的问题。 under (一)关于…方面的问题;
6. 1.关于“…”的问题。 over unnumbered 针对“…”的问题 lines, 整改进展情况: on its own line, 对于…的问题;
7. no organising section at all, or one whose (一)…。 headings are not problems;
8. a traditional-script mirror with pinyin after characters and spam words in title and headings;
9. indented paragraphs separated by blank lines, header lines run together, a one-space line.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from layout_support import pinyin_mirror
from noticegraph.loaders import extract_file, extract_text
from noticegraph.loaders.normalize import normalize, normalize_str
from variants import ALL_VARIANTS

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def extract(name: str):
    return extract_file(LAYOUTS / name)


def view(notice):
    return [(p.text, p.category, p.subcategory, p.status, p.deadline, len(p.measures)) for p in notice.problems]


def test_1_three_levels_each_a_statement_leaf_with_inline_measures():
    notice = extract("l1_nested_statements.txt")
    cat1, cat2 = "贯彻落实党的路线方针政策和上级决策部署有差距", "落实全面从严治党主体责任有差距"
    assert view(notice) == [
        ("理论学习中心组学习走过场", cat1, "学习贯彻习近平新时代中国特色社会主义思想不够深入", None, None, 2),
        ("部分林区巡护记录不全。巡护经费使用不规范", cat1, "学习贯彻习近平新时代中国特色社会主义思想不够深入",
         None, None, 3),
        ("意识形态工作研判不及时", cat1, "落实意识形态工作责任制不到位", None, None, 2),
        ("廉政风险防控不到位", cat2, "监督责任压得不实", None, None, 2)]


def test_2_short_heading_and_status_opening_the_measures():
    notice = extract("l2_short_headings_status_first.txt")
    assert view(notice) == [
        ("对巡察整改重要性认识不足,以改促建意识不强", "思想认识有差距", None, "completed", None, 1),
        ("理论学习不系统,学用结合不紧", "思想认识有差距", None, "completed", None, 1),
        ("党风廉政建设责任清单未细化到岗位", "主体责任落实不到位", None, "partial", None, 1),
        ("基层妇联组织建设薄弱", "主体责任落实不到位", None, "in_progress", "2024-06", 1)]
    measure = notice.problems[0].measures[0]
    assert measure.text.startswith("党组召开巡察整改专题民主生活会") and "已完成" not in measure.text


def test_3_area_headings_numbered_questions_and_a_closing_status_line():
    notice = extract("l3_area_headings_numbered_questions.txt")
    area1, area2 = "关于政治建设方面", "关于全面从严治党方面"
    assert view(notice) == [
        ("传达学习上级重要会议精神不及时", area1, "关于“落实上级决策部署”方面", "completed", None, 2),
        ("落实公立医院党委领导下的院长负责制不到位", area1, "关于“落实上级决策部署”方面", "completed", None, 1),
        ("意识形态阵地管理不严", area1, "关于“意识形态工作”方面", "in_progress", "2023-06", 1),
        ("部分科室存在收受医药代表礼品现象", area2, "关于“作风建设”方面", "ongoing", None, 1)]
    assert all(not m.text.startswith(("整改情况", "完成情况")) for p in notice.problems for m in p.measures)


def test_4_feedback_label_and_status_before_the_measures():
    notice = extract("l4_feedback_labels_status_before.txt")
    cat1, cat2 = "落实全面从严治党主体责任有差距", "审判执行工作质效不高"
    assert view(notice) == [
        ("党组书记第一责任人职责履行不到位,对班子成员督促提醒不够", cat1, None, "completed", None, 2),
        ("廉政风险点排查不全面", cat1, None, "partial", None, 3),
        ("长期未结案件清理不及时", cat2, None, "completed", None, 2)]


def test_5_numbered_feedback_questions_with_spaced_quotes_under_areas():
    notice = extract("l5_feedback_question_quoted.txt")
    area1, area2 = "关于党的政治建设方面的问题", "关于全面从严治党方面的问题"
    assert view(notice) == [
        ("理论学习与业务工作结合不紧", area1, None, "completed", None, 1),
        ("落实疫情防控部署有短板", area1, None, "ongoing", None, 1),
        ("公务接待管理不规范", area2, None, "completed", None, 1)]
    assert [t.title for t in notice.regulations_cited] == ["云溪县党政机关国内公务接待管理办法"]


def test_6_unnumbered_sub_problems_under_numbered_ones():
    notice = extract("l6_sub_problems_progress_label.txt")
    first, second = "关于“干部队伍建设规划滞后”的问题", "关于“社保基金监管不严”的问题"
    assert view(notice) == [
        ("年轻干部储备不足", first, None, None, None, 1),
        ("社保待遇审核把关不严", second, None, None, None, 1),
        ("基金风险防控机制不健全", second, None, None, None, 1),
        ("落实就业优先政策不到位", None, None, None, None, 1)]
    assert notice.problems[0].measures[0].text.startswith("制定《局干部队伍建设五年规划》")


def test_7a_problems_straight_after_the_preamble():
    notice = extract("l7a_straight_into_problems.txt")
    area1, area2 = "关于贯彻落实上级决策部署方面", "关于全面从严治党方面"
    assert view(notice) == [
        ("河长制工作推进不力,部分河段巡河记录缺失", area1, None, "completed", None, 1),
        ("农村饮水安全工程运行管护不到位", area1, None, "in_progress", "2022-12", 1),
        ("工程项目招投标监管不严", area2, None, "completed", None, 1)]
    assert notice.round.team == "县委第一巡察组" and notice.round.feedback == "2022-05-06"


def test_7b_organising_headings_in_the_first_section_are_not_problems():
    notice = extract("l7b_organisational_first_section.txt")
    assert view(notice) == [
        ("落实意识形态工作责任制不到位", "政治建设方面", None, None, None, 1),
        ("村级党组织“三会一课”制度落实不严格", "政治建设方面", None, None, None, 1),
        ("村级公务接待管理不规范", "作风建设方面", None, None, None, 1)]


L8_EXPECTED = [
    ("党组统一领导作用发挥不充分", "落实全面从严治党主体责任不到位", None, "completed", None, 1),
    ("基层医疗卫生机构监督检查不严", "落实全面从严治党主体责任不到位", None, "in_progress", "2025-12", 1),
    ("干部选拔任用程序执行不严格", "选人用人工作不规范", None, "completed", None, 1)]


@pytest.mark.parametrize("name", ["l8_traditional_pinyin_spam.txt", "l8b_traditional_pinyin_fullwidth.txt"])
def test_8_traditional_mirror_with_pinyin_and_spam(name):
    notice = extract(name)
    assert view(notice) == L8_EXPECTED
    assert notice.title == "中共清平市卫生健康委员会党组关于市委巡察整改进展情况的通报"
    assert notice.issuer.name == "中共清平市卫生健康委员会党组"
    assert [t.title for t in notice.regulations_cited] == ["中国共产党党组工作条例", "党政领导干部选拔任用工作条例"]
    assert [t.title for t in notice.documents_issued] == ["委党组工作规则"]
    for problem in notice.problems:  # spans still point into the mirror's own text
        start, end = problem.span
        assert "(" not in notice.text[start:end] or "明升" not in notice.text[start:end]
        assert normalize_str(notice.text[start:end]).startswith(problem.text[:1])


def test_9_indented_paragraphs_blank_lines_and_run_together_header():
    notice = extract("l9_indented_blank_lines.txt")
    assert notice.title == "中共金湖区民政局党组关于区委第三轮巡察整改进展情况的通报"
    assert notice.published == "2026-02-26"
    assert (notice.round.team, notice.round.start, notice.round.feedback) == (
        "区委第二巡察组", "2025-05-12", "2025-08-22")
    assert view(notice) == [
        ("落实社会救助政策不精准", "党的领导弱化方面", None, "completed", None, 1),
        ("养老服务机构安全监管不到位", "党的领导弱化方面", None, "in_progress", "2026-06", 1),
        ("福彩公益金使用管理不规范", "全面从严治党不力方面", None, "ongoing", None, 1)]


MIRRORED = ["l1_nested_statements.txt", "l2_short_headings_status_first.txt",
            "l3_area_headings_numbered_questions.txt", "l4_feedback_labels_status_before.txt",
            "l5_feedback_question_quoted.txt", "l6_sub_problems_progress_label.txt"]


@pytest.mark.parametrize("name", MIRRORED)
@pytest.mark.parametrize("fullwidth", [False, True])
def test_every_layout_reads_the_same_from_a_pinyin_mirror(name, fullwidth):
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    assert view(extract_text(pinyin_mirror(text, fullwidth=fullwidth))) == view(extract_text(text))


@pytest.mark.parametrize("name", sorted(p.name for p in LAYOUTS.glob("*.txt")))
def test_layout_survives_lost_line_breaks(name):
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    whole, run_on = extract_text(text), extract_text(text.replace("\n", ""))
    assert [p.text for p in run_on.problems] == [p.text for p in whole.problems]


@pytest.mark.parametrize("name", sorted(p.name for p in LAYOUTS.glob("l[1-79]*.txt")))
@pytest.mark.parametrize("variant", ["fullwidth", "traditional", "html_page"])
def test_layout_reads_the_same_in_each_variant(name, variant, tmp_path):
    original = extract(name)
    file_name, data = ALL_VARIANTS[variant]((LAYOUTS / name).read_text(encoding="utf-8"))
    (tmp_path / file_name).write_bytes(data)
    assert view(extract_file(tmp_path / file_name)) == view(original)


STATUS_WORDS = {"已完成": "completed", "完成": "completed", "已整改到位": "completed", "阶段性完成": "partial",
                "基本完成": "partial", "正在整改": "in_progress", "持续推进": "ongoing", "长期坚持": "ongoing",
                "已全部完成": "completed", "已整改完毕": "completed", "已基本完成": "partial",
                "取得阶段性进展": "partial", "按计划推进": "in_progress"}
STATUS_LABELS = ["整改情况", "整改进展", "完成情况", "整改状态", "整改进展情况", "整改进度", "整改结果"]


@pytest.mark.parametrize("label", STATUS_LABELS)
@pytest.mark.parametrize("word", sorted(STATUS_WORDS))
@pytest.mark.parametrize("colon", [":", ":", " : "])
def test_status_labels_and_words_in_any_combination(label, word, colon):
    text = (LAYOUTS / "l7a_straight_into_problems.txt").read_text(encoding="utf-8")
    text = text.replace("整改进展:已完成", f"{label}{colon}{word}")
    statuses = [p.status for p in extract_text(text).problems]
    assert statuses == [STATUS_WORDS[word], "in_progress", STATUS_WORDS[word]]


@pytest.mark.parametrize("label", ["问题1:", "问题一:", "问题 1:", "问题1:", "反馈问题1:", "问题:"])
def test_question_labels_in_any_spelling(label):
    text = (LAYOUTS / "l3_area_headings_numbered_questions.txt").read_text(encoding="utf-8")
    for number in "1234":
        text = text.replace(f"问题{number}:", label.replace("1", number).replace("一", "一二三四"[int(number) - 1]))
    assert view(extract_text(text)) == view(extract("l3_area_headings_numbered_questions.txt"))


def test_1_leaves_stated_without_guan_yu_are_still_the_problems():
    """(1)<statement>。一是… under the feedback section: inline 一是 items do not make it a branch."""
    text = (LAYOUTS / "l1_nested_statements.txt").read_text(encoding="utf-8")
    text = re.sub(r"\((\d)\)关于(.*?)的问题。", r"(\1)\2。", text)
    assert [(p.text, p.subcategory, len(p.measures)) for p in extract_text(text).problems] == [
        ("理论学习中心组学习走过场", "学习贯彻习近平新时代中国特色社会主义思想不够深入", 2),
        ("部分林区巡护记录不全", "学习贯彻习近平新时代中国特色社会主义思想不够深入", 3),
        ("意识形态工作研判不及时", "落实意识形态工作责任制不到位", 2),
        ("廉政风险防控不到位", "监督责任压得不实", 2)]


def test_metadata_lines_are_not_measures_and_a_time_limit_is_the_deadline():
    text = (LAYOUTS / "l7a_straight_into_problems.txt").read_text(encoding="utf-8")
    text = text.replace("整改进展:正在整改,2022年12月底前完成。",
                        "责任单位:县水利局农村水利股\n整改时限:2023年6月底\n整改进展:正在整改。")
    problem = extract_text(text).problems[1]
    assert (problem.status, problem.deadline, len(problem.measures)) == ("in_progress", "2023-06", 1)


@pytest.mark.parametrize("before, after", [
    ("整改进展:已完成", "【整改进展】已完成"), ("整改进展:已完成", "【整改进展】:已完成")])
def test_bracketed_status_labels(before, after):
    text = (LAYOUTS / "l7a_straight_into_problems.txt").read_text(encoding="utf-8").replace(before, after)
    assert [p.status for p in extract_text(text).problems] == ["completed", "in_progress", "completed"]


@pytest.mark.parametrize("name", ["l7b_organisational_first_section.txt", "l6_sub_problems_progress_label.txt"])
def test_status_in_brackets_closing_the_problem_heading(name):
    """1.村级公务接待管理不规范(已完成) / 3.对于…的问题(正在整改): the status, not part of the problem."""
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    text = text.replace("1.村级公务接待管理不规范。", "1.村级公务接待管理不规范(已完成)")
    text = text.replace("3.对于落实就业优先政策不到位的问题", "3.对于落实就业优先政策不到位的问题(正在整改)")
    original = view(extract(name))
    problems = view(extract_text(text))
    changed = [(a, b) for a, b in zip(original, problems) if a != b]
    assert len(problems) == len(original) and len(changed) == 1
    assert changed[0][1] == changed[0][0][:3] + ({"l7b": "completed"}.get(name[:3], "in_progress"),) + changed[0][0][4:]


def test_a_problem_sentence_without_its_labels_beside_labelled_ones():
    text = (LAYOUTS / "l7a_straight_into_problems.txt").read_text(encoding="utf-8")
    text = text.replace("整改措施:制定《农村饮水工程管护办法》,落实管护经费。\n整改进展:正在整改,2022年12月底前完成。\n",
                        "制定《农村饮水工程管护办法》,落实管护经费。\n")
    assert [(p.text, p.status, len(p.measures)) for p in extract_text(text).problems] == [
        ("河长制工作推进不力,部分河段巡河记录缺失", "completed", 1), ("农村饮水安全工程运行管护不到位", None, 1),
        ("工程项目招投标监管不严", "completed", 1)]


SPELLINGS = {
    "space after the number": lambda t: re.sub(
        r"^(\s*(?:\d+\.|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|(?:反馈)?问题[\d一二三四五六七八九十]*:))",
        r"\1 ", t, flags=re.M),
    "1、 for 1.": lambda t: re.sub(r"^(\s*\d+)\.", r"\1、", t, flags=re.M),
    "space after colons": lambda t: t.replace(":", ": "),
    "CRLF": lambda t: t.replace("\n", "\r\n"),
    "blank lines": lambda t: t.replace("\n", "\n\n"),
    "indented": lambda t: "\n".join("    " + line for line in t.split("\n")),
}


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
@pytest.mark.parametrize("name", sorted(p.name for p in LAYOUTS.glob("*.txt")))
def test_layout_reads_the_same_in_other_spellings(name, spelling):
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    assert view(extract_text(SPELLINGS[spelling](text))) == view(extract_text(text))


def test_documents_adopted_or_sent_out_are_issued():
    text = (LAYOUTS / "l7a_straight_into_problems.txt").read_text(encoding="utf-8").replace(
        "整改措施:制定《农村饮水工程管护办法》", "整改措施:局党组会议审议通过《农村饮水工程管护办法》,制发《县水利局廉政风险防控手册》")
    assert [(t.title, t.role) for t in extract_text(text).titles] == [
        ("农村饮水工程管护办法", "issued"), ("县水利局廉政风险防控手册", "issued")]


@pytest.mark.parametrize("named, inspected", [("县妇联党组", "中共石桥县妇女联合会党组"), ("县财政局党组", "县财政局党组")])
def test_inspected_body_named_by_its_abbreviation_is_the_issuer(named, inspected):
    text = (LAYOUTS / "l2_short_headings_status_first.txt").read_text(encoding="utf-8")
    notice = extract_text(text.replace("对县妇联党组", f"对{named}"))
    assert notice.inspected_body.name == inspected


@pytest.mark.parametrize("source, normalised", [
    ("认真学习《乐动中国共产党纪律处分条例》。", "认真学习《中国共产党纪律处分条例》。"),   # generic: before 中国共产党
    ("认真学习《关于中国共产党党内监督的规定》。", "认真学习《关于中国共产党党内监督的规定》。"),
    ("严禁对干部明升暗降,开展专项整治工作,推动形成良好的选人用人导向和风清气正的政治生态,确保整改工作取得实效实效实效。",
     "严禁对干部明升暗降,开展专项整治工作,推动形成良好的选人用人导向和风清气正的政治生态,确保整改工作取得实效实效实效。"),
    ("1.关于明升“干部管理”的问题", "1.关于“干部管理”的问题"),
    ("党組(zǔ)統(tǒng)一領（lǐng）導", "党组统一领导"),
    ("设立A(1)类岗位(de", "设立A(1)类岗位(de")])
def test_injected_text_is_dropped_and_nothing_else(source, normalised):
    nt = normalize(source)
    assert nt.text == normalised
    assert all(source[nt.span(i, i + 1)[0]] in (c, "（", "）") or normalize_str(source[nt.span(i, i + 1)[0]]) == c
               for i, c in enumerate(nt.text))


def test_organising_headings_that_refer_to_the_problems_are_not_problems():
    text = (LAYOUTS / "l7b_organisational_first_section.txt").read_text(encoding="utf-8")
    text = text.replace("(三)强化督查问效。", "(三)对于巡察反馈的问题。")
    assert view(extract_text(text)) == view(extract("l7b_organisational_first_section.txt"))


@pytest.mark.parametrize("name", ["l3_area_headings_numbered_questions.txt", "l7a_straight_into_problems.txt"])
def test_a_number_alone_on_its_line_heads_the_next_one(name):
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    split = re.sub(r"^(问题\d:|\d\.)", r"\1\n", text, flags=re.M)
    assert view(extract_text(split)) == view(extract_text(text))


def test_a_closing_sentence_states_the_status_when_no_label_does():
    text = (LAYOUTS / "l6_sub_problems_progress_label.txt").read_text(encoding="utf-8")
    text = text.replace("新增城镇就业岗位1200个。", "新增城镇就业岗位1200个。此项整改工作已完成。")
    text = text.replace("逐笔复核。", "逐笔复核。该问题正在整改,2020年12月底前完成。")
    assert [(p.status, p.deadline) for p in extract_text(text).problems] == [
        (None, None), ("in_progress", "2020-12"), (None, None), ("completed", None)]
