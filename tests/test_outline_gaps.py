"""One lost outline number is tolerated, two are not (loaders/outline.py: a heading is accepted
where its number is n+1 or n+2 of the open sequence).

county_2021 has the categories (一)(二)(三): renumbered (一)(三)(四) (one number lost) its five
problems keep their texts, categories and statuses, their paths the numbers as written;
renumbered (一)(四)(五) (two lost) the (四) heading is prose, not a category.
"""
from __future__ import annotations

from pathlib import Path

from noticegraph.loaders import extract_text

COUNTY = (Path(__file__).parent / "fixtures" / "county_2021.txt").read_text(encoding="utf-8")


def renumbered(second: str, third: str) -> str:
    return COUNTY.replace("(三)全面", f"({third})全面").replace("(二)党的建设", f"({second})党的建设")


def view(text: str) -> list[tuple]:
    return [(p.text, p.category, p.status) for p in extract_text(text).problems]


def test_one_lost_number_is_tolerated():
    notice = extract_text(renumbered("三", "四"))
    assert view(renumbered("三", "四")) == view(COUNTY) and len(notice.problems) == 5
    assert [p.path for p in notice.problems] == ["2.1.1", "2.1.2", "2.3.1", "2.3.2", "2.4.1"]


def test_two_lost_numbers_are_not():
    categories = {category for _, category, _ in view(renumbered("四", "五"))}
    assert "党的建设缺失方面" not in categories and "全面从严治党不力方面" not in categories
