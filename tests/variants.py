"""Robustness variants of a seed notice text, as files a loader must read.

Each builder takes the seed text and returns ``(filename, bytes)`` ready to be written into a
test directory. Every variant carries the same notice: after NFKC, simplified script and
removal of whitespace it reads like the seed (for ``html_page``: contains every seed line).

- ``fullwidth``: ASCII , : ; ( ) ! ? and the '.' after a number (``1.``) become full-width.
- ``traditional``: the text in traditional script (OpenCC s2t), UTF-8.
- ``gb18030``: the text unchanged, encoded as GB18030.
- ``html_page``: a government-site page (nav menu, breadcrumb, the notice in
  ``<div class="TRS_Editor">`` with one ``<p>`` per line, sidebar, footer), UTF-8.
- ``no_line_breaks``: every ``\\n`` removed, the lines joined with nothing, UTF-8.
"""
from __future__ import annotations

import html
import re
from typing import Callable

import opencc

_FULLWIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"})
_NUMBERING_DOT = re.compile(r"(?<=\d)\.(?!\d)")  # '1.' in numbering, not '618.56'
_S2T = opencc.OpenCC("s2t")


def fullwidth(text: str) -> tuple[str, bytes]:
    """ASCII , : ; ( ) ! ? → ，：；（）！？ and '1.' → '1．'; UTF-8."""
    converted = _NUMBERING_DOT.sub("．", text.translate(_FULLWIDTH))
    return "fullwidth.txt", converted.encode("utf-8")


def traditional(text: str) -> tuple[str, bytes]:
    """The text in traditional script (OpenCC s2t); UTF-8."""
    return "traditional.txt", _S2T.convert(text).encode("utf-8")


def gb18030(text: str) -> tuple[str, bytes]:
    """The text unchanged, encoded as GB18030."""
    return "gb18030.txt", text.encode("gb18030")


def html_page(text: str, title: str | None = None) -> tuple[str, bytes]:
    """A government-site page around the text: one <p> per line in <div class="TRS_Editor">.

    ``title`` defaults to the first line mentioning 通报 (else the first non-empty line).
    """
    lines = [line for line in text.split("\n") if line.strip()]
    title = title or next((line.strip() for line in lines if "通报" in line), lines[0].strip())
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    page = _PAGE.format(title=html.escape(title), body=body)
    return "page.html", page.encode("utf-8")


def no_line_breaks(text: str) -> tuple[str, bytes]:
    """All line breaks removed: the lines joined with ''; UTF-8."""
    return "no_line_breaks.txt", "".join(text.split("\n")).encode("utf-8")


ALL_VARIANTS: dict[str, Callable[[str], tuple[str, bytes]]] = {
    "fullwidth": fullwidth,
    "traditional": traditional,
    "gb18030": gb18030,
    "html_page": html_page,
    "no_line_breaks": no_line_breaks,
}

_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{title}_中共某某市纪律检查委员会 某某市监察委员会</title>
<link rel="stylesheet" href="/css/style.css">
<script type="text/javascript">var _hmt = _hmt || []; document.write("巡视巡察 整改");</script>
</head>
<body>
<div class="header">
  <div class="logo"><a href="/"><img src="/images/logo.png" alt="某某市纪委监委网站"></a></div>
  <div class="search"><form action="/search"><input type="text" name="q"><button>搜索</button></form></div>
</div>
<div class="nav">
  <ul class="menu">
    <li><a href="/">首页</a></li><li><a href="/gzdt/">工作动态</a></li>
    <li><a href="/xsxc/">巡视巡察</a></li><li><a href="/scdc/">审查调查</a></li>
    <li><a href="/djfg/">党纪法规</a></li><li><a href="/lxwm/">联系我们</a></li>
  </ul>
</div>
<div class="wrap">
  <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/xsxc/">巡视巡察</a> &gt; 整改通报</div>
  <div class="main-left">
    <div class="article">
      <h1 class="title">{title}</h1>
      <div class="info">来源：本网　　字号：<a>大</a> <a>中</a> <a>小</a>　　<a href="javascript:window.print()">打印</a></div>
      <div class="TRS_Editor">
{body}
      </div>
      <div class="bdshare">分享到：<a>微信</a> <a>微博</a></div>
      <div class="pager">上一篇：<a>关于巡察整改情况的通报</a> 下一篇：<a>市委巡察组进驻情况</a></div>
    </div>
  </div>
  <div class="sidebar">
    <h3>相关链接</h3>
    <ul>
      <li><a href="/a.html">市委第三巡察组进驻某某县开展常规巡察</a></li>
      <li><a href="/b.html">关于某某镇党委巡察整改进展情况的通报</a></li>
      <li><a href="/c.html">十二届市委第八轮巡察反馈情况公布</a></li>
    </ul>
  </div>
</div>
<div class="footer">
  <p>主办单位：中共某某市纪律检查委员会 某某市监察委员会　版权所有</p>
  <p>地址：某某市人民路1号　邮编：100000　<a href="https://beian.miit.gov.cn">京ICP备00000000号</a></p>
</div>
</body>
</html>
"""
