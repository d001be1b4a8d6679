"""loaders/: survivors of the mutation sample (docs/testing.md), each pinned by a real input.

Pure and fast: texts, pages and a few small files in tmp_path, each test naming the rule it
holds. Earlier sample: a .txt quoting a ``<meta charset>`` is decoded from its bytes,
``nesting_depth`` counts from 0, ``update_docs`` writes nothing when the block is current.
This sample, by module:
- reader.py: the HTML title rank (notice-like text first), boilerplate dropped inside the
  article, the named content block and the densest block, the title and the date line read
  after it, void tags in the depth count, the 20 MB bound, control bytes, codec names;
- rounds.py / meta.py / dates.py: aliases and abbreviations of the inspected body, the windows
  (120, 200, 400 characters) a period, a year and a closing date are looked for in, dates in
  sentences, the claimed count, a month-day rolling into the next year;
- jurisdiction.py / units.py: words before a known place, a place ending the mention, work
  committees, longer spellings, unit names extended or cut;
- injections.py / normalize.py: spam on short lines and after heading numbers, merged ranges,
  circled numerals kept;
- outline.py / problems.py: item and report headings, run-on text, inline items, kin of
  labelled problems, table rows, bracketed statuses, categories, repeated paths;
- extract.py / titles.py / figures.py / regulations.py: titles of measures, central titles,
  lost units, the length of a law's title.
"""
from __future__ import annotations

import opencc
import pytest

from conftest import SMALL_TEXT
from noticegraph.loaders import extract_text
from noticegraph.loaders.classify import classify
from noticegraph.loaders.dates import MONTH_DAY, with_context_year
from noticegraph.loaders.errors import BinaryNotice, UnreadableNotice
from noticegraph.loaders.figures import find_figures
from noticegraph.loaders.injections import _SPAM_FILE as SPAM_FILE, injected_ranges, spam_table
from noticegraph.loaders.jurisdiction import Jurisdiction
from noticegraph.loaders.meta import find_issuer, find_problems_claimed, find_published
from noticegraph.loaders.normalize import normalize, normalize_str
from noticegraph.loaders.outline import item_heading, parse_outline
from noticegraph.loaders.problems import _unique_paths
from noticegraph.loaders.reader import html_to_text, nesting_depth, read_source
from noticegraph.loaders.records import Body, Problem
from noticegraph.loaders.regulations import regulation_kind
from noticegraph.loaders.rounds import find_inspected_body, find_round
from noticegraph.loaders.taxonomy import TREE_END, TREE_START, render_tree, replace_tree_block, update_docs
from noticegraph.loaders.titles import find_titles
from noticegraph.loaders.units import find_units

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
    assert item_heading("关于的问题\n正文", 0, 7) is None
    assert item_heading("关于某的问题\n正文", 0, 8) is None
    assert item_heading("关于某某的问题\n正文", 0, 9) == (2, 4, 7)


def test_a_report_heading_names_a_problem_of_six_characters_or_more():
    assert item_heading("学习问题的整改情况\n正文", 0, 12) is None
    assert item_heading("理论学习不够问题的整改情况\n正文", 0, 16) == (0, 6, 13)


RUN_ON = "扎实推进各项整改工作" * 10


RUN_ON_LINE = "一、关于“理论学习不深入”问题的整改。一是加强学习" + RUN_ON + ",二是完善制度" + RUN_ON[:80]  # 212


def inline_items(text: str) -> list[list[tuple[str, int]]]:
    return [[(c.style, c.number) for c in h.children] for h in parse_outline(text).children]


def test_in_run_on_text_the_next_item_may_follow_a_comma():
    assert inline_items(RUN_ON_LINE) == [[("shi", 1), ("shi", 2)]]
    assert inline_items("示例标题" * 25 + "\n" + RUN_ON_LINE) == [[("shi", 1), ("shi", 2)]]  # its own line's length


def test_a_long_line_holding_less_than_half_the_text_is_not_run_on():
    assert inline_items(RUN_ON_LINE + "\n" + RUN_ON * 3) == [[("shi", 1)]]


def test_a_report_heading_line_is_read_up_to_120_characters():
    for length, expected in ((120, (0, 113, 120)), (121, None)):
        text = padding(length - 7) + "问题的整改情况\n正文"
        assert item_heading(text, 0, len(text)) == expected


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


def test_a_table_row_s_measure_is_its_whole_cell():
    notice = extract_text("中共示例县委员会关于巡察整改情况的通报\n序号\t反馈问题\t整改措施\t整改进展\n"
                          "1\t理论学习不深入\t制定学习计划\t已完成\n2\t公务接待不规范\t清退款项\t正在整改\n")
    assert [[m.text for m in p.measures] for p in notice.problems] == [["制定学习计划"], ["清退款项"]]


def test_a_repeated_path_gets_a_suffix():
    problems = [Problem(text, (0, 0), "1") for text in ("甲问题", "乙问题", "丙问题")] + [Problem("丁问题", (0, 0), "2")]
    assert [p.path for p in _unique_paths(problems)] == ["1", "1-2", "1-3", "2"]


# -- the windows a date is looked for in (rounds.py, meta.py), at their exact bounds ------------

def padding(length: int) -> str:
    return ("各项工作有序推进" * (length // 8 + 1))[:length]


TEAM_SENTENCE = "省委第一巡视组对示例县进行了巡视。"


def test_the_inspection_period_is_looked_for_from_120_characters_before_the_team():
    period = "2021年3月31日至6月18日"
    for gap, expected in ((120, ("2021-03-31", "2021-06-18")), (121, ("2019-01-01", "2019-02-01"))):
        text = "2019年1月1日至2月1日," + padding(20) + period + padding(gap - len(period)) + TEAM_SENTENCE
        found = find_round(normalize(text), None)
        assert (found.start, found.end) == expected


def test_a_yearless_period_takes_a_year_written_up_to_200_characters_before_it():
    for gap, expected in ((200, ("2021-03-31", "2021-06-18")), (201, (None, None))):
        text = "2021年" + padding(gap - 5) + "3月31日至6月18日," + TEAM_SENTENCE
        found = find_round(normalize(text), None)
        assert (found.start, found.end) == expected


def test_a_closing_date_is_one_in_the_last_400_characters():
    for back, expected in ((400, "2021-09-01"), (401, None)):
        text = "根据会议精神。" + padding(300) + "2021年9月1日" + padding(back - 9)
        found = find_published(normalize(text), 0)
        assert (found[0] if found else None) == expected


def test_a_run_on_item_heading_is_looked_for_in_its_first_120_characters():
    text = "关于" + padding(136) + "问题的整改"
    assert item_heading(text, 0, len(text)) is None


def test_a_unit_word_up_to_six_characters_after_another_extends_its_name():
    assert find_units("县财政局土地管理监察支队负责") == ["县财政局土地管理监察支队"]


def test_files_are_read_up_to_20_mb(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(20_000_001)  # sparse: refused by its size, never read
    with pytest.raises(UnreadableNotice, match="file too large: 20.0 MB"):
        read_source(path)
    with open(path, "wb") as handle:
        handle.truncate(20_000_000)  # read, and refused for what it holds
    with pytest.raises(BinaryNotice, match="NUL byte at offset 0"):
        read_source(path)


def test_a_separator_outside_the_cjk_block_ends_a_unit_name():
    assert find_units("请😀县财政局负责") == ["县财政局"]


def test_a_lost_unit_is_taken_from_a_figure_within_20_characters():
    [figure] = find_figures(normalize("给予党内警告12党内严重警告处分共12345678901人"))
    assert (figure.metric, figure.value) == ("党内严重警告", 12345678901)


def test_a_central_title_is_cited_whatever_verb_names_it_but_one_merely_mentioned_is_not():
    roles = [[(r.role, r.verb) for r in find_titles(normalize(text))]
             for text in ("制定《中国共产党纪律处分条例》", "印发《中国共产党纪律处分条例》", "见《中国共产党纪律处分条例》")]
    assert roles == [[("cited", "制定")], [("cited", "印发")], [("other", None)]]


def test_a_longer_spelling_of_the_place_is_known_before_a_relative_word_is():
    assert Jurisdiction(own=["宁波市北仑新区"]).qualify("市北仑新区财政局") == "宁波市北仑新区财政局"


def test_a_heading_after_leading_spaces_opens_the_text():
    assert [(c.style, c.number) for c in parse_outline(" 一、关于“理论学习不深入”问题的整改\n正文").children] == [("cn", 1)]


def test_the_date_line_is_looked_for_after_the_title_not_atop_the_page():
    columns = "".join(f"<div>栏目{i}</div>" for i in range(6))
    text = html_to_text(page(f"{columns}<h1>关于巡视整改进展情况的通报</h1><p>发布时间:2021-05-06</p>{SENTENCE}"))
    assert text.split("\n")[:2] == ["关于巡视整改进展情况的通报", "发布时间:2021-05-06"]


def test_a_few_control_bytes_do_not_make_a_text_binary(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_bytes(("巡视整改情况" * 20).encode() + b"\x1b")
    assert read_source(path).encoding == "utf-8"


def test_an_encoding_given_by_another_name_is_named_with_its_codec(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_bytes("巡视整改".encode("gb18030") + b"\xff\xff")
    with pytest.raises(UnreadableNotice, match=r"cannot decode as GBK \(as gb18030\): invalid byte 0xff at offset 8"):
        read_source(path, encoding="GBK")


def test_in_run_on_text_a_heading_may_follow_the_number_before_it():
    [section] = parse_outline("一、1.理论学习不深入。" + RUN_ON + "2.公务接待不规范。" + RUN_ON).children
    assert [(c.style, c.number, c.start) for c in section.children] == [("num", 1, 2), ("num", 2, 112)]


def test_a_status_in_brackets_closes_the_last_line_too():
    notice = extract_text("中共示例县委员会关于巡察整改情况的通报\n一、巡察反馈问题整改情况\n"
                          "1.理论学习不深入(已完成)\n2.公务接待不规范(正在整改)")
    assert [(p.text, p.status) for p in notice.problems] == [("理论学习不深入", "completed"), ("公务接待不规范", "in_progress")]


def test_the_claimed_count_may_open_the_text():
    assert find_problems_claimed("共43个问题", 100) == 43


def test_a_month_day_before_the_inspection_end_falls_in_the_next_year():
    assert with_context_year(MONTH_DAY.search("1月5日"), "2021-12-20") == "2022-01-05"
    assert with_context_year(MONTH_DAY.search("12月25日"), "2021-12-20") == "2021-12-25"


SECTIONS = "中共示例县委员会关于巡察整改情况的通报\n一、巡察反馈问题整改情况\n"
FIRST_AREA = "(一)政治建设方面\n1.关于“理论学习不深入”问题的整改\n制定学习计划。\n"


def test_headings_above_every_problem_are_no_category_unless_there_is_one_problem():
    one = extract_text(SECTIONS + FIRST_AREA).problems
    assert [(p.category, p.subcategory) for p in one] == [("巡察反馈问题整改情况", "政治建设方面")]
    two = extract_text(SECTIONS + FIRST_AREA + "(二)作风建设方面\n1.关于“公务接待不规范”问题的整改\n清退款项。\n").problems
    assert [(p.category, p.subcategory) for p in two] == [("政治建设方面", None), ("作风建设方面", None)]


def test_an_inline_item_may_follow_a_space():
    assert inline_items("一、关于“理论学习不深入”问题的整改。一是加强学习 二是完善制度。") == [[("shi", 1), ("shi", 2)]]


def test_a_law_without_the_state_s_name_has_at_most_14_characters():
    assert regulation_kind("示例示例示例示例示例示保护法") == "law"
    assert regulation_kind("示例示例示例示例示例示例保护法") == "other"


def test_a_line_is_run_on_past_200_characters():
    assert inline_items(RUN_ON_LINE[:200]) == [[("shi", 1)]]
    assert inline_items(RUN_ON_LINE[:201]) == [[("shi", 1), ("shi", 2)]]


def test_a_run_on_heading_ends_after_problem_words_of_four_characters_or_more():
    glued = "1.常态化整改工作落实不到位对中央和省委部署落实不力。" + RUN_ON * 3
    [heading] = parse_outline(glued).children
    assert heading.title(glued) == "常态化整改工作落实不到位"
    short = "一、巡察反馈问题整改情况。" + RUN_ON * 3 + "1.不够深入对照检查,整改到位。" + RUN_ON
    [[heading]] = [section.children for section in parse_outline(short).children]
    assert heading.title(short) == "不够深入对照检查,整改到位"


def test_headings_are_read_from_where_they_start():
    assert item_heading("前文\n学习理论不够深入问题的整改情况\n正文", 3, 30) == (3, 11, 18)
    assert item_heading("前文\n关于" + padding(136) + "问题的整改", 3, 200) is None


def test_a_run_on_item_heading_may_end_at_its_first_de_wenti():
    assert item_heading("关于某某的问题对此", 0, 9) == (2, 4, 7)


def test_the_last_closing_statement_of_a_problem_states_its_status():
    notice = extract_text("中共示例县委员会关于巡察整改情况的通报\n一、关于“理论学习不深入”问题的整改\n"
                          "加强学习,该问题正在整改。\n完善制度,该问题已整改完成。\n")
    assert [(p.text, p.status) for p in notice.problems] == [("理论学习不深入", "completed")]


def test_an_issuer_opening_the_text_has_its_span():
    nt = normalize("中共示例县委员会关于巡察整改情况的通报\n正文")
    assert find_issuer(nt, "中共示例县委员会关于巡察整改情况的通报").span == (0, 8)


def test_the_closing_date_and_its_span_are_the_last_ones():
    nt = normalize("根据会议精神。" + padding(320) + "2021年9月1日," + "2021年9月8日")
    assert find_published(nt, 0) == ("2021-09-08", (337, 346))


def test_a_place_the_text_names_once_is_not_one_of_its_places():
    issuer = Body("中共大连金普新区工作委员会", None)
    assert Jurisdiction.of_notice(issuer, None, "庵东镇的工作。").named == []
    assert Jurisdiction.of_notice(issuer, None, "庵东镇的工作。庵东镇的工作").named == ["庵东镇"]


def test_html_whitespace_collapses_outside_pre():
    text = html_to_text(page("<p><span>省委  巡视\n组</span>对本单位开展巡视整改</p><pre>整改  情况</pre>"))
    assert text.split("\n") == ["省委 巡视 组对本单位开展巡视整改", "整改  情况"]


def test_a_closed_tag_lowers_the_depth_by_one():
    assert nesting_depth("<div><b></b><i><u>x</u></i></div>") == 3


def test_comment_lines_of_the_spam_list_are_no_spam_words():
    pattern, _ = spam_table()
    comments = [line for line in SPAM_FILE.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert comments and not any(pattern.fullmatch(line) for line in comments)


def test_a_month_day_on_the_first_of_a_month_given_without_a_day_keeps_the_year():
    assert with_context_year(MONTH_DAY.search("6月1日"), "2021-06") == "2021-06-01"


def test_heading_evidence_counts_at_half_its_weight():
    [match] = classify("存在问题", context="违规公务接待")
    assert (match.concept_id, match.score, match.context_terms) == ("eight-rules", 0.45, ("公务接待",))
