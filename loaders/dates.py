"""Dates as notices write them: 2020年4月7日, 2022-04-08, 2020.7.17, 8月24日 (year from context)."""
from __future__ import annotations

import datetime as dt
import re

from .numerals import parse_number

FULL_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*(?:年|-|/|\.)\s*(?P<m>\d{1,2})\s*(?:月|-|/|\.)\s*(?P<d>\d{1,2})日?")
# An inspection period: 2019年11月1日至12月31日, 2021年3月31日至2021年6月18日.
PERIOD = re.compile(
    r"(?P<y1>(?:19|20)\d\d)年(?P<m1>\d{1,2})月(?:(?P<d1>\d{1,2})日)?\s*(?:至|到|—|－|-|~)\s*"
    r"(?:(?P<y2>(?:19|20)\d\d)年)?(?:(?P<m2>\d{1,2})月)?(?:(?P<d2>\d{1,2})日)?")
CN_DATE = re.compile(r"(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日")
# A period whose year is stated earlier in the sentence: 2021年,…于3月31日至6月18日.
YEARLESS_PERIOD = re.compile(r"(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日\s*(?:至|到|—|－|-|~)\s*(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})日")
YEAR = re.compile(r"(?P<y>(?:19|20)\d\d)年")
MONTH_DAY = re.compile(r"(?:(?P<y>(?:19|20)\d\d)年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日")


def iso(year: int | str, month: int | str, day: int | str | None) -> str | None:
    """ISO date, or None when the parts do not make a real date (e.g. damaged digits)."""
    try:
        value = dt.date(int(year), int(month), int(day or 1))
    except (TypeError, ValueError):
        return None
    if not 1990 <= value.year <= 2100:
        return None
    return value.isoformat() if day else value.isoformat()[:7]


def match_iso(match: re.Match[str]) -> str | None:
    year, month, day = match.group("y"), match.group("m"), match.group("d")
    if not year.isdigit():  # 二〇二〇年七月十七日
        year = "".join(str("〇一二三四五六七八九".index(c.replace("零", "〇"))) for c in year)
        month, day = parse_number(month), parse_number(day)
    return iso(year, month, day)


def period(match: re.Match[str]) -> tuple[str | None, str | None]:
    """Start and end of an inspection period; the end borrows the start's year and month."""
    y1, m1 = match.group("y1"), match.group("m1")
    start = iso(y1, m1, match.group("d1"))
    y2 = match.group("y2") or y1
    m2 = match.group("m2") or (m1 if match.group("d2") else None)
    end = iso(y2, m2, match.group("d2")) if m2 else None
    return start, end


def yearless_period(match: re.Match[str], year: int) -> tuple[str | None, str | None]:
    """Start and end of a period written without a year, in ``year`` (the end may run into
    the next year: 12月1日至1月31日)."""
    m1, m2 = int(match.group("m1")), int(match.group("m2") or match.group("m1"))
    start = iso(year, m1, match.group("d1"))
    return start, iso(year + (m2 < m1), m2, match.group("d2"))


def with_context_year(match: re.Match[str], after: str | None) -> str | None:
    """A month-day date whose year is missing takes it from an earlier date ``after``."""
    if match.group("y"):
        return match_iso(match)
    if not after:
        return None
    year = int(after[:4])
    if (int(match.group("m")), int(match.group("d"))) < (int(after[5:7]), int(after[8:10] or 1)):
        year += 1
    return iso(year, match.group("m"), match.group("d"))
