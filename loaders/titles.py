"""Titles in 《》: rules the body cites versus documents it issued itself, and 文号.

Contract: ``find_titles(nt)`` returns one :class:`TitleRef` per 《…》 in text order, with
role ``cited`` (落实, 执行, 学习, 贯彻, 按照, 依据, 根据, 对照 …), ``issued`` (制定, 出台,
印发, 下发, 修订, 编制, 完善, 起草 …) or ``other`` (签订 a contract, 参与 someone's plan).
A run of titles joined by 、/和/及 shares one role. The role comes from, in order:
a strong cue after the run (等党内法规, 精神, 的学习 → cited; 等编制 → issued); the verb
nearest before the run in its sentence, unless a superior body is that verb's subject
(大连市出台《…》 is a rule the notice cites); titles of central rules (中国共产党…,
中华人民共和国…, 中共中央…) are always cited. ``find_doc_numbers`` lists 文号 such as
交规划函〔2019〕388号.
"""
from __future__ import annotations

import re

from .normalize import NormalizedText
from .records import TitleRef

_TITLE = re.compile(r"《(?P<title>[^《》\n]{1,120})》")
_JOINER = re.compile(r"[、,,]?\s*(?:和|及|与|以及|或)?\s*$")
_ISSUE_VERBS = ("研究形成", "制定", "制订", "出台", "印发", "下发", "修订", "编制", "完善", "起草",
                "建立", "形成", "撰写", "完成", "明确", "发布", "拟定", "编写", "汇编", "修改", "出具", "制发", "编印",
                "印制", "推出", "审议通过")
_CITE_VERBS = ("落实", "执行", "学习", "贯彻", "按照", "依据", "根据", "对照", "遵照", "遵守", "依照",
               "遵循", "参照", "对标", "结合", "运用", "研读", "宣传", "宣讲", "传达", "研究", "重温",
               "严格", "违反", "认真", "深入")
_OTHER_VERBS = ("签订", "签署", "参与", "纳入", "批复", "申报", "报送", "争取", "审议", "评审")
_VERB = re.compile("|".join(sorted(_ISSUE_VERBS + _CITE_VERBS + _OTHER_VERBS, key=len, reverse=True)))
_CITED_AFTER = re.compile(r"^(?:等)?(?:党内法规|法律法规|党内规章制度|规章制度|学习内容|重要内容|必学内容)|^(?:等文件)?精神|^的学习|^等.{0,6}学习|^部署|^要求|^规定")
_ISSUED_AFTER = re.compile(r"^(?:等)?(?:的)?编制")
_SUPERIOR_SUBJECT = re.compile(r"(?:中央|国务院|省委|省政府|市委|市政府|[\u4e00-\u9fff]{2}市|[\u4e00-\u9fff]{1,4}部|上级)$")
_CENTRAL_TITLE = re.compile(r"^(?:中国共产党|中华人民共和国|中共中央|国务院|中央)|(?<![办方做用算])法$")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[【(](?:19|20)\d\d[〕\]】)]\s*\d{1,5}\s*号")
_DOC_YEAR = re.compile(r"[〔\[【(](?:19|20)\d\d[〕\]】)]")  # every 文号 holds one: a text without it has none
_LEADING_VERBS = re.compile(rf"^(?:(?:{_VERB.pattern})了?|见|即|以|文件)+")
_SENTENCE_END = re.compile(r"[。;!?\n]")


def find_titles(nt: NormalizedText) -> list[TitleRef]:
    refs: list[TitleRef] = []
    for run in _runs(nt.text):
        role, verb = _run_role(nt.text, run)
        for match in run:
            title = match.group("title").strip()
            own_role = "cited" if _CENTRAL_TITLE.search(title) and role != "other" else role
            refs.append(TitleRef(title, nt.span(*match.span()), own_role, verb,
                                 _doc_number_after(nt.text, match.end())))
    return refs


def find_doc_numbers(text: str) -> list[str]:
    if not _DOC_YEAR.search(text):
        return []  # DOC_NUMBER tries ten characters before every Chinese one: skip texts it cannot match
    numbers = (re.sub(r"\s", "", m.group()) for m in DOC_NUMBER.finditer(text))
    return list(dict.fromkeys(_LEADING_VERBS.sub("", n) for n in numbers))


def _runs(text: str) -> list[list[re.Match[str]]]:
    runs: list[list[re.Match[str]]] = []
    for match in _TITLE.finditer(text):
        gap = text[runs[-1][-1].end():match.start()] if runs else None
        if gap is not None and len(gap) <= 4 and _JOINER.fullmatch(gap):
            runs[-1].append(match)
        else:
            runs.append([match])
    return runs


def _run_role(text: str, run: list[re.Match[str]]) -> tuple[str, str | None]:
    after = text[run[-1].end():run[-1].end() + 12]
    after = re.sub(r"^\([^)]{0,30}\)", "", after)  # a 文号 in brackets
    if _CITED_AFTER.search(after):
        return "cited", None
    verb = _verb_before(text, run[0].start())
    if verb is None:
        return ("issued" if _ISSUED_AFTER.search(after) else "other"), None
    word, position = verb
    if word in _ISSUE_VERBS:
        subject = text[max(0, position - 8):position].rstrip("已于了在")
        return ("cited" if _SUPERIOR_SUBJECT.search(subject) else "issued"), word
    return ("cited" if word in _CITE_VERBS else "other"), word


def _verb_before(text: str, start: int) -> tuple[str, int] | None:
    """The verb nearest before ``start`` within its sentence (at most 60 characters back)."""
    window_start = max(0, start - 60)
    ends = list(_SENTENCE_END.finditer(text, window_start, start))
    window_start = ends[-1].end() if ends else window_start
    verbs = list(_VERB.finditer(text, window_start, start))
    return (verbs[-1].group(), verbs[-1].start()) if verbs else None


def _doc_number_after(text: str, end: int) -> str | None:
    match = re.match(r"\s*\((?P<number>[^()]{4,30}号)\)", text[end:end + 40])
    return re.sub(r"\s", "", match.group("number")) if match else None
