"""read_source: decoding, HTML extraction and rejection of non-notices, on real files."""
from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import opencc
import pytest

from noticegraph.loaders.errors import (BinaryNotice, EmptyNotice, NoticeError, NotANotice,
                                        UnreadableNotice)
from noticegraph.loaders.reader import SourceText, read_source
from variants import ALL_VARIANTS

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "data" / "samples").glob("*.txt"))
SAMPLE_IDS = [p.stem[:3] for p in SAMPLES]
S2T, T2S, T2TW = opencc.OpenCC("s2t"), opencc.OpenCC("t2s"), opencc.OpenCC("t2tw")


def _seed(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    target = tmp_path / name
    target.write_bytes(data)
    return target


def _body_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _assert_lines_in_order(lines: list[str], text: str) -> None:
    at = 0
    for line in lines:
        found = text.find(line, at)
        assert found >= 0, f"line missing or out of order: {line[:40]!r}"
        at = found + len(line)


def _canon(text: str) -> str:
    """NFKC, simplified script, no whitespace. s2t runs first because OpenCC is not a round
    trip: s2t turns 批复 into 批覆 and t2s keeps 覆, so both sides must take the same path."""
    return re.sub(r"\s+", "", T2S.convert(S2T.convert(unicodedata.normalize("NFKC", text))))


# --- encodings ------------------------------------------------------------------------------

def _big5_text(text: str) -> str:
    """Traditional script Big5 can hold: OpenCC s2t, then Taiwan glyph variants (t2tw) for
    啓爲着羣衆, which are outside Big5; Big5 has no NBSP either."""
    return T2TW.convert(S2T.convert(text)).replace("\xa0", " ")


ENCODINGS = {  # name → (text transform, codec used to write, encoding read_source reports)
    "utf-8": (lambda t: t, "utf-8", "utf-8"),
    "utf-8-bom": (lambda t: t, "utf-8-sig", "utf-8-sig"),
    "utf-16-le-bom": (lambda t: "\ufeff" + t, "utf-16-le", "utf-16-le"),
    "utf-16-be-bom": (lambda t: "\ufeff" + t, "utf-16-be", "utf-16-be"),
    "gb18030": (lambda t: t, "gb18030", "gb18030"),
    "gbk": (lambda t: t.replace("\xa0", " "), "gbk", "gb18030"),  # GBK has no NBSP
    "big5": (_big5_text, "big5", "big5"),
}


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
@pytest.mark.parametrize("name", list(ENCODINGS))
def test_encodings_decode_to_the_original_text(tmp_path, sample, name):
    transform, codec, reported = ENCODINGS[name]
    text = transform(_seed(sample))
    path = _write(tmp_path, f"notice-{name}.txt", text.encode(codec))
    source = read_source(path)
    assert source.text == text.removeprefix("\ufeff")
    assert (source.encoding, source.format, source.path) == (reported, "text", str(path))


def test_explicit_encoding_is_used(tmp_path):
    text = _seed(SAMPLES[1])
    path = _write(tmp_path, "notice.txt", text.encode("gbk"))
    assert read_source(path, encoding="gbk") == SourceText(str(path), text, "gb18030", "text")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_become_newlines(tmp_path, newline):
    text = _seed(SAMPLES[0])
    path = _write(tmp_path, "crlf.txt", text.replace("\n", newline).encode("utf-8"))
    assert read_source(path).text == text


def test_fragment_of_a_notice_is_accepted(tmp_path):
    fragment = "\n\n".join(_seed(SAMPLES[1]).split("\n\n")[:4])
    path = _write(tmp_path, "fragment.txt", fragment.encode("gb18030"))
    assert read_source(path).text == fragment


# --- HTML -----------------------------------------------------------------------------------

# words of the page around the notice; none occurs in the sample notices
BOILERPLATE_WORDS = ["网站首页", "工作动态", "巡察公告", "相关链接", "反馈巡察意见", "版权所有", "ICP备", "alert", "微信"]


def _table_page(title: str, body: str, charset: str = "utf-8") -> str:
    """An old table-layout site page; the notice is in <div id="zoom"> with <br> line breaks."""
    lines = "<br>\n".join(html.escape(line).replace("\xa0", "&nbsp;") for line in body.split("\n"))
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title} - 某某市纪委监委</title><script>alert("巡察");</script></head><body>
<nav><a href="/">网站首页</a> | <a href="/gzdt">工作动态</a> | <a href="/xc">巡视巡察</a></nav>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; 巡察公告</div>
<table width="1000"><tr><td class="left-box" valign="top">
<h1>{title}</h1><p class="time">发布时间：2020-07-17 09:30　字号：大 中 小</p>
<div id="zoom">{lines}</div><div class="share">分享到：微信</div></td>
<td id="sidebar" valign="top"><h3>相关链接</h3><ul><li><a>市委第二巡察组反馈巡察意见</a></li>
<li><a>关于县委巡察整改情况的通报</a></li></ul></td></tr></table>
<footer><p>版权所有 © 中共某某市纪律检查委员会</p><p>辽ICP备05001234号</p></footer>
</body></html>"""


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_html_page_keeps_title_date_and_body_without_boilerplate(tmp_path, sample):
    body = _seed(sample)
    title = next(line for line in _body_lines(body) if "通报" in line)
    path = _write(tmp_path, "notice.html", _table_page(title, body).encode("utf-8"))
    source = read_source(path)
    assert source.format == "html" and source.encoding == "utf-8"
    first, second, *_ = source.text.split("\n")
    assert (first, second) == (title, "发布时间：2020-07-17 09:30")
    for word in BOILERPLATE_WORDS:
        assert word not in source.text
    _assert_lines_in_order(_body_lines(body), source.text)
    assert "\xa0" in source.text or "\xa0" not in body  # NBSP kept for the extractor


def test_gb18030_page_declaring_gb2312(tmp_path):
    body = _seed(SAMPLES[0])  # holds NBSP, outside GB2312: only gb18030 decodes it
    title = "中共大连普湾经济区工作委员会关于巡察整改情况的通报"
    page = _table_page(title, body, charset="gb2312")
    path = _write(tmp_path, "notice.htm", page.encode("gb18030"))
    source = read_source(path)
    assert (source.encoding, source.format) == ("gb18030", "html")
    _assert_lines_in_order(_body_lines(body), source.text)


def test_title_from_head_and_date_from_meta(tmp_path):
    page = ("<!doctype html><html><head><title>关于巡视整改进展情况的通报_某某省纪委监委网站</title>"
            '<meta name="PubDate" content="2022-04-08 10:00"></head><body>'
            "<div class='content'><p>根据省委统一部署，省委第一巡视组进行了巡视。</p>"
            "<p>现将巡视整改进展情况予以公布。</p></div></body></html>")
    source = read_source(_write(tmp_path, "page.shtml", page.encode("utf-8")))
    assert source.format == "html"
    assert source.text == ("关于巡视整改进展情况的通报\n发布时间:2022-04-08 10:00\n"
                           "根据省委统一部署，省委第一巡视组进行了巡视。\n现将巡视整改进展情况予以公布。")


def test_page_wrapped_in_a_form_with_title_in_a_header(tmp_path):
    """ASP.NET-style page: everything inside <form>, the title inside <div class="header">,
    no content-named block: the densest block is the body."""
    lines = _body_lines(_seed(SAMPLES[1]))[3:12]
    paragraphs = "".join(f"<div>{html.escape(line)}</div>" for line in lines)
    title = "宁波前湾新区党工委关于巡视整改进展情况的通报"
    page = (f"<html><body><form id='form1'><div class='header'><h1>{title}</h1>"
            "<ul class='menu'><li>网站首页</li></ul></div>"
            f"<div class='wrap'><div class='box'>{paragraphs}</div></div>"
            "<div class='bottom'>版权所有</div></form></body></html>")
    source = read_source(_write(tmp_path, "form.aspx", page.encode("utf-8")))
    assert source.text == "\n".join([title, *lines])  # no date: 2021年3月31日 is in the body


def test_a_few_bad_bytes_are_replaced(tmp_path):
    data = _seed(SAMPLES[1]).encode("gb18030")
    path = _write(tmp_path, "damaged.txt", data[:1000] + b"\xff" + data[1000:])
    source = read_source(path)
    assert source.encoding == "gb18030:replace" and source.text.count("\ufffd") == 1


def test_unknown_suffix_plain_text_is_text(tmp_path):
    text = _seed(SAMPLES[1])
    source = read_source(_write(tmp_path, "notice.dat", text.encode("utf-8")))
    assert (source.format, source.text) == ("text", text)


# --- errors ---------------------------------------------------------------------------------

WEATHER = "某某市气象台2024年5月6日17时发布天气预报：今天夜间多云转晴，北风3到4级，最低气温12℃。\n"
NOT_NOTICES = {  # file name → (bytes, expected error)
    "empty.txt": (b"", EmptyNotice),
    "blank.txt": (" \n\t\r\n\u3000\xa0\n".encode("utf-8"), EmptyNotice),
    "markup.html": (b"<html><head><title></title></head><body><div> </div></body></html>", EmptyNotice),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), BinaryNotice),
    "report.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", BinaryNotice),
    "nul.txt": ("巡察整改".encode("utf-8") + b"\x00\x01\x02" + "情况".encode("utf-8"), BinaryNotice),
    "weather.txt": (WEATHER.encode("gb18030"), NotANotice),
    "garbled.txt": ("巡察整改".encode("gb18030") + b"\xff\x80" * 100, UnreadableNotice),
    "rectify-only.txt": ("关于审计整改情况的报告。".encode("utf-8"), NotANotice),
}


@pytest.mark.parametrize("name", list(NOT_NOTICES))
def test_non_notices_are_rejected(tmp_path, name):
    data, error = NOT_NOTICES[name]
    path = _write(tmp_path, name, data)
    with pytest.raises(error) as caught:
        read_source(path)
    assert name in str(caught.value) and str(caught.value).startswith(str(path) + ": ")
    assert isinstance(caught.value, NoticeError) and caught.value.path == str(path)


@pytest.mark.parametrize(("text", "reason"), [
    (WEATHER, "no 巡视/巡察 rectification vocabulary found"),
    ("关于审计整改情况的报告。", "mentions 整改 but not 巡视/巡察"),
    ("市委第一巡察组进驻某某镇。", "mentions 巡视/巡察 but not 整改"),
])
def test_not_a_notice_names_the_missing_vocabulary(tmp_path, text, reason):
    with pytest.raises(NotANotice, match=reason):
        read_source(_write(tmp_path, "other.txt", text.encode("utf-8")))


def test_missing_path_is_unreadable(tmp_path):
    with pytest.raises(UnreadableNotice) as caught:
        read_source(tmp_path / "no-such-notice.txt")
    assert "no-such-notice.txt" in str(caught.value)


def test_wrong_encoding_override_is_unreadable(tmp_path):
    path = _write(tmp_path, "gb.txt", _seed(SAMPLES[1]).encode("gb18030"))
    with pytest.raises(UnreadableNotice) as caught:
        read_source(path, encoding="utf-8")
    assert "gb.txt" in str(caught.value) and "utf-8" in str(caught.value)


def test_unknown_encoding_override_is_unreadable(tmp_path):
    path = _write(tmp_path, "gb.txt", _seed(SAMPLES[1]).encode("gb18030"))
    with pytest.raises(UnreadableNotice, match="no-such-codec") as caught:
        read_source(path, encoding="no-such-codec")
    assert "gb.txt" in str(caught.value)


# --- robustness variants ----------------------------------------------------------------------

@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
@pytest.mark.parametrize("variant", list(ALL_VARIANTS))
def test_variants_read_back_to_the_seed(tmp_path, sample, variant):
    seed = _seed(sample)
    name, data = ALL_VARIANTS[variant](seed)
    text = read_source(_write(tmp_path, name, data)).text
    if variant == "html_page":
        canon = _canon(text)
        for line in _body_lines(seed):
            assert _canon(line) in canon
    else:
        assert _canon(text) == _canon(seed)
