"""loaders/: survivors of the mutation sample (docs/testing.md), each pinned by a real input.

- a plain-text file is decoded from its bytes even when its text quotes an HTML charset
  declaration (only HTML pages have their ``<meta charset>`` believed);
- ``nesting_depth`` of text without tags is 0, not below;
- ``update_docs`` reports no change, and writes nothing, when the tree block is current.
"""
from __future__ import annotations

import opencc

from conftest import SMALL_TEXT
from noticegraph.loaders.reader import nesting_depth, read_source
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
