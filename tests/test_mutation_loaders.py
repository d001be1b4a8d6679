"""loaders/: survivors of the mutation sample (docs/testing.md), each pinned by a real input.

- a plain-text file is decoded from its bytes even when its text quotes an HTML charset
  declaration (only HTML pages have their ``<meta charset>`` believed);
- ``nesting_depth`` of text without tags is 0, not below;
- ``update_docs`` reports no change, and writes nothing, when the tree block is current.
"""
from __future__ import annotations

import opencc

from conftest import SMALL_TEXT
from noticegraph.loaders import extract_text
from noticegraph.loaders.injections import injected_ranges
from noticegraph.loaders.jurisdiction import Jurisdiction
from noticegraph.loaders.meta import find_published
from noticegraph.loaders.normalize import normalize, normalize_str
from noticegraph.loaders.outline import item_heading, parse_outline
from noticegraph.loaders.problems import _unique_paths
from noticegraph.loaders.reader import html_to_text, nesting_depth, read_source
from noticegraph.loaders.records import Body, Problem
from noticegraph.loaders.rounds import find_inspected_body, find_round
from noticegraph.loaders.taxonomy import TREE_END, TREE_START, render_tree, replace_tree_block, update_docs

TRADITIONAL = opencc.OpenCC("s2t").convert(SMALL_TEXT)


def test_a_text_file_quoting_a_charset_declaration_is_decoded_from_its_bytes(tmp_path):
    text = '示例網頁代碼 <meta charset="gb18030"> 不作數。\n' + TRADITIONAL
    path = tmp_path / "notice.txt"
    path.write_bytes(text.encode("big5"))
    source = read_source(path)
    assert source.encoding == "big5" and source.text == text


def test_nesting_depth_counts_from_zero():
    assert nesting_depth("no tags at all") == 0
    assert nesting_depth("</div></div>") == 0
    assert nesting_depth("<div><section><b>x</b></section></div>") == 3
    assert nesting_depth("</div><div>x</div>") == 1


def test_replace_tree_block_keeps_what_is_around_it():
    document = f"intro\n{TREE_START}\nold tree\n{TREE_END}\nafter\n"
    assert replace_tree_block(document, "- new\n") == f"intro\n{TREE_START}\n- new\n{TREE_END}\nafter\n"


def test_update_docs_changes_a_stale_block_once(tmp_path):
    path = tmp_path / "taxonomy.md"
    path.write_text(f"# Types\n{TREE_START}\nstale\n{TREE_END}\n", encoding="utf-8")
    assert update_docs(path) is True
    assert path.read_text(encoding="utf-8") == f"# Types\n{TREE_START}\n{render_tree()}{TREE_END}\n"
    written = path.stat().st_mtime_ns
    assert update_docs(path) is False
    assert path.stat().st_mtime_ns == written


# -- HTML pages (reader.py): which block is the content, which line the title ----------------

SENTENCE = "<p>省委第一巡视组对本单位开展了巡视，现将巡视整改进展情况予以公布，请各方面监督。</p>"
OTHER = "<p>另附相关部门联系方式和说明，欢迎干部群众通过来信来电等方式反映问题。</p>"


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_a_title_that_reads_like_a_notice_beats_an_h1_that_does_not():
    text = html_to_text(page(f"<h1>网站首页</h1>{SENTENCE}", "<title>网站首页_省委第二巡视组反馈意见</title>"))
    assert text.split("\n")[0] == "省委第二巡视组反馈意见"


def test_a_share_bar_inside_the_article_is_dropped():
    text = html_to_text(page(f"<article><h1>关于巡视整改进展情况的通报</h1><div class='share'>分享到微信</div>"
                             f"{SENTENCE * 3}</article>"))
    assert "分享" not in text and text.count("予以公布") == 3


def test_the_content_block_keeps_what_a_smaller_named_block_beside_it_leaves_out():
    text = html_to_text(page(f"<div class='content'><div class='article'>{SENTENCE}</div>{OTHER}</div>"))
    assert "予以公布" in text and "来信来电" in text


def test_without_named_blocks_the_dense_block_is_the_content():
    text = html_to_text(page(f"<div>热点图片</div><div>{SENTENCE * 4}</div>"))
    assert "热点图片" not in text and text.count("予以公布") == 4


def test_a_content_block_opening_with_the_title_does_not_repeat_it():
    text = html_to_text(page(f"<div class='content'><p>关于巡视整改 进展情况的通报</p>{SENTENCE}</div>",
                             "<title>关于巡视整改进展情况的通报</title>"))
    assert text.split("\n") == ["关于巡视整改进展情况的通报", SENTENCE[3:-4]]


# -- the inspected body (rounds.py), the publication date (meta.py), places (jurisdiction.py) --

def test_an_inspected_body_spelled_as_the_issuer_has_no_alias_of_itself():
    nt = normalize("省委第一巡视组对中共示例县委员会开展了巡视。")
    body = find_inspected_body(nt, Body("中共示例县委员会", (0, 8)))
    assert body.name == "中共示例县委员会" and body.aliases == []


def test_an_abbreviation_needs_every_character_in_the_full_name():
    nt = normalize("省委第一巡视组对县妇联党组开展了巡视。")
    assert find_inspected_body(nt, Body("中共石桥县妇女联合会党组", (0, 8))).aliases == ["县妇联党组"]
    assert find_inspected_body(nt, Body("中共石桥县妇女会党组", (0, 8))).name == "县妇联党组"


FILLER = "各项整改工作稳步推进。" * 50  # 550 characters: past the closing window of 400


def test_a_date_inside_a_sentence_is_no_publication_date():
    assert find_published(normalize("根据2021年3月5日会议精神。" + FILLER), 0) is None
    nt = normalize("通报,2021年3月5日。" + FILLER + "2021年9月1日")
    assert find_published(nt, 0)[0] == "2021-09-01"


def test_words_before_a_known_place_are_dropped_up_to_six_characters():
    places = Jurisdiction.of_notice(Body("中共大连金普新区工作委员会", None), None, "")
    assert places.qualify("督促协调填报金普新区财政局") == "大连金普新区财政局"


def test_a_place_s_work_committee_is_its_party_working_committee_and_only_a_place_s():
    places = Jurisdiction.of_notice(Body("中共大连金普新区工作委员会", None), None, "")
    assert places.qualify("长兴岛经济区工作委员会") == "长兴岛经济区党工委"
    assert places.qualify("示例协会工作委员会") == "大连金普新区示例协会工作委员会"


def test_a_yearless_period_takes_the_nearest_year_before_it():
    nt = normalize("2020年部署,2021年省委第一巡视组于3月31日至6月18日对示例县进行了巡视。")
    inspection = find_round(nt, None)
    assert (inspection.start, inspection.end) == ("2021-03-31", "2021-06-18")


# -- text a mirror site injected (injections.py) ----------------------------------------------

LONG_LINE = "各项整改工作稳步推进" * 12  # 120 characters: no title's or heading's line


def test_a_spam_word_is_dropped_on_a_short_line_or_after_a_heading_number_only():
    assert injected_ranges("明升集团\n" + LONG_LINE) == [(0, 2)]
    assert injected_ranges("一、对明升" + LONG_LINE) == [(3, 5)]
    assert injected_ranges("我们" + LONG_LINE + "明升") == []


def test_injected_ranges_that_overlap_or_touch_are_merged():
    assert injected_ranges("《明升体育新葡京中国共产党章程》") == [(1, 8)]
    assert injected_ranges("卫(wèi)统(tǒng)") == [(1, 6), (7, 13)]


# -- titles inside measures (extract.py) --------------------------------------------------------

def test_a_title_quoted_in_the_problem_belongs_to_no_measure():
    notice = extract_text("中共示例县委员会关于巡察整改情况的通报\n"
                          "一、关于“未执行《示例县学习管理办法》”问题的整改\n"
                          "认真落实《中国共产党纪律处分条例》,清退款项。\n")
    [problem] = notice.problems
    assert [[t.title for t in m.titles] for m in problem.measures] == [["中国共产党纪律处分条例"]]


def test_nesting_depth_skips_void_and_unclosed_tags_without_stopping():
    assert nesting_depth("<div><br><p>x<div>y</div></div>") == 2


def test_circled_numbers_are_kept_from_the_first():
    assert normalize_str("①整改②落实⑳完成") == "①整改②落实⑳完成"


def test_a_place_ending_the_mention_names_no_unit_of_it():
    places = Jurisdiction.of_notice(Body("中共大连金普新区工作委员会", None), None, "")
    assert places.qualify("督促填报金普新区") == "督促填报金普新区"


# -- headings (outline.py) and problems (problems.py) -----------------------------------------

def test_an_item_heading_needs_two_words_after_its_opener():
    assert item_heading("关于某的问题\n正文", 0, 8) is None
    assert item_heading("关于某某的问题\n正文", 0, 9) == (2, 4, 7)


def test_a_report_heading_names_a_problem_of_six_characters_or_more():
    assert item_heading("学习问题的整改情况\n正文", 0, 12) is None
    assert item_heading("理论学习不够问题的整改情况\n正文", 0, 16) == (0, 6, 13)


RUN_ON = "扎实推进各项整改工作" * 10


def test_in_run_on_text_the_next_item_may_follow_a_comma():
    text = "一、关于“理论学习不深入”问题的整改。一是加强学习" + RUN_ON + ",二是完善制度" + RUN_ON
    [heading] = parse_outline(text).children
    assert [(c.style, c.number) for c in heading.children] == [("shi", 1), ("shi", 2)]


def test_an_unlabelled_sentence_with_inline_items_beside_labelled_ones_is_a_problem():
    notice = extract_text("中共示例县委员会关于巡察整改情况的通报\n一、巡察反馈问题整改情况\n1.理论学习不深入。\n"
                          "整改情况:已完成。\n2.廉政风险防控不到位。\n一是加强教育。\n二是完善制度。\n"
                          "3.公务接待不规范。\n整改情况:正在整改。\n")
    assert [(p.path, p.text, p.status) for p in notice.problems] == [
        ("1.1", "理论学习不深入", "completed"), ("1.2", "廉政风险防控不到位", None),
        ("1.3", "公务接待不规范", "in_progress")]


def test_table_rows_are_problems_under_the_header_counted_from_one():
    notice = extract_text("中共示例县委员会关于巡察整改情况的通报\n"
                          "备注\t以下为巡察反馈问题整改落实情况一览\t说明\n"
                          "序号\t反馈问题\t整改措施\t整改进展\n"
                          "1\t理论学习不深入\t制定学习计划\t已完成\n"
                          "2\t无\t\t\n"
                          "3\t公务接待不规范\t清退款项\t正在整改\n")
    assert [(p.path, p.text, p.status, [m.text for m in p.measures]) for p in notice.problems] == [
        ("t1", "理论学习不深入", "completed", ["制定学习计划"]), ("t3", "公务接待不规范", "in_progress", ["清退款项"])]


def test_a_repeated_path_gets_a_suffix():
    problems = [Problem(text, (0, 0), "1") for text in ("甲问题", "乙问题", "丙问题")] + [Problem("丁问题", (0, 0), "2")]
    assert [p.path for p in _unique_paths(problems)] == ["1", "1-2", "1-3", "2"]
