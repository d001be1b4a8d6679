"""Read one source file (text or HTML page) into the *source text* of a notice.

Contract of ``read_source(path, encoding=None) -> SourceText``:

- ``SourceText.text`` is the text every span of the extracted notice points into.
- Format: ``.txt/.md/.text`` are plain text, ``.html/.htm/.xhtml`` are HTML; any other
  suffix is sniffed (``<!doctype``/``<html`` at the start or a ``<body`` tag → HTML).
- Decoding: an explicit ``encoding`` is used strictly. Otherwise: BOM (UTF-8, UTF-16 LE/BE)
  → strict UTF-8 → for HTML the declared ``<meta charset>`` → charset-normalizer restricted
  to utf_8 / gb18030 / big5 / cp950 → a lossy gb18030 fallback (reported as
  ``"gb18030:replace"``) when at most 1% of the characters are undecodable.
  GBK and GB2312 are always decoded as gb18030, their superset.
- Plain text is returned verbatim except that ``\\r\\n`` and ``\\r`` become ``\\n`` and a
  leading BOM is removed.
- HTML is reduced to text (see ``html_to_text``): the page title as the first line, a
  publication-date line if the page shows one, then the main content, one line per block
  element. Text inside blocks is kept verbatim apart from collapsing HTML whitespace
  (NBSP, full-width spaces and punctuation are left to the extractor).
- Hostile files fail fast with one line and bounded memory: anything but a regular file (a
  directory, a FIFO: never opened, so never blocks), a file over ``MAX_BYTES`` (20 MB, refused
  before it is read), a symlink loop or unreadable file (the OS error), HTML nested deeper than
  ``MAX_HTML_DEPTH`` (400) elements (refused before parsing).
- Errors (all ``NoticeError``): ``UnreadableNotice`` (cannot open / decode / one of the above),
  ``BinaryNotice`` (NUL bytes, control bytes, binary signature), ``EmptyNotice`` (nothing but
  whitespace or markup), ``NotANotice`` (no 巡视/巡察 + 整改 vocabulary).
"""
from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Literal

import charset_normalizer

from .errors import BinaryNotice, EmptyNotice, NotANotice, UnreadableNotice
from .injections import without_pinyin

try:  # the Lexbor backend is faster and more standards-conformant
    from selectolax.lexbor import LexborHTMLParser as _Parser
except ImportError:  # pragma: no cover - older selectolax builds
    from selectolax.parser import HTMLParser as _Parser

Format = Literal["text", "html"]


@dataclass(frozen=True)
class SourceText:
    """The decoded (and for HTML, extracted) text of one source file."""

    path: str
    text: str
    encoding: str
    format: Format


def read_source(path: str | os.PathLike[str], encoding: str | None = None) -> SourceText:
    """Read ``path`` into a ``SourceText``; raise a ``NoticeError`` subclass on failure."""
    name = os.fspath(path)
    data = _read_bytes(name)
    _check_binary(name, data)
    fmt = _format_from_suffix(name)
    text, used = _decode(name, data, encoding, html=fmt == "html" or _looks_like_html(data))
    fmt = fmt or ("html" if _looks_like_html(text) else "text")
    text = _normalise_newlines(text)
    if fmt == "html":
        text = html_to_text(text, name)
    if not text.strip():
        raise EmptyNotice(name, "no text (only whitespace or markup)")
    _check_vocabulary(name, text)
    return SourceText(path=name, text=text, encoding=used, format=fmt)


# ---------------------------------------------------------------------------------------------
# Bytes: opening, binary detection, format

_TEXT_SUFFIXES = {".txt", ".md", ".text"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF87a": "GIF image",
    b"GIF89a": "GIF image", b"%PDF-": "PDF document", b"PK\x03\x04": "ZIP archive (or DOCX/XLSX)",
    b"\x1f\x8b": "GZIP archive", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "OLE2 document (DOC/XLS)",
    b"Rar!\x1a\x07": "RAR archive", b"7z\xbc\xaf\x27\x1c": "7z archive",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
# control bytes that never occur in UTF-8/GB18030/Big5 text (tab, LF, VT, FF, CR excluded)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
_MAX_CONTROL_RATIO = 0.05
MAX_BYTES = 20_000_000  # real notices are well under 1 MB; larger files are refused unread


def _read_bytes(path: str) -> bytes:
    """The file's bytes: a regular file of at most ``MAX_BYTES`` (checked before reading, so a
    FIFO never blocks and a huge file is never loaded)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableNotice(path, f"not a regular file ({_file_kind(info.st_mode)})")
        if info.st_size > MAX_BYTES:
            raise UnreadableNotice(path, f"file too large: {info.st_size / 1e6:.1f} MB "
                                         f"(notices are read up to {MAX_BYTES // 1_000_000} MB)")
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UnreadableNotice(path, f"cannot open: {exc.strerror or exc}") from exc
    if len(data) > MAX_BYTES:
        raise UnreadableNotice(path, f"file too large: it grew past {MAX_BYTES // 1_000_000} MB while read")
    if not data:
        raise EmptyNotice(path, "empty file (0 bytes)")
    return data


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "a special file")


def _check_binary(path: str, data: bytes) -> None:
    """Reject binary files before any decoding is tried."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryNotice(path, f"binary file: {kind} signature")
    if _bom(data)[1] in ("utf-16-le", "utf-16-be"):
        return  # UTF-16 text legitimately holds NUL bytes
    if b"\x00" in data:
        raise BinaryNotice(path, f"binary file: NUL byte at offset {data.index(0)}")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_RATIO * len(data):
        raise BinaryNotice(path, f"binary file: {controls} control bytes in {len(data)}")


def _format_from_suffix(path: str) -> Format | None:
    suffix = Path(path).suffix.lower()
    if suffix in _TEXT_SUFFIXES:
        return "text"
    return "html" if suffix in _HTML_SUFFIXES else None


def _looks_like_html(content: str | bytes) -> bool:
    """Sniff an unknown suffix: <!doctype / <html at the start, or a <body> tag."""
    head = content[:4096].decode("latin-1") if isinstance(content, bytes) else content[:4096]
    start = head.lstrip("\ufeff \t\r\n").lower()
    return start.startswith(("<!doctype", "<html")) or re.search(r"<body[\s>]", head, re.I) is not None


# ---------------------------------------------------------------------------------------------
# Decoding

_CANDIDATES = ["utf_8", "gb18030", "big5", "cp950"]
_WEB_ALIASES = {"x-gbk": "gb18030", "gb_2312-80": "gb18030", "csgb2312": "gb18030",
                "x-x-big5": "big5", "big5-hkscs": "big5hkscs"}
_DECLARABLE = {"utf-8", "gb18030", "big5", "cp950", "big5hkscs"}
_MAX_REPLACED_RATIO = 0.01
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _canonical(name: str) -> str | None:
    """Python codec name for an encoding label; GBK and GB2312 map to gb18030."""
    label = name.strip().lower()
    try:
        codec = codecs.lookup(_WEB_ALIASES.get(label, label)).name
    except LookupError:
        return None
    return "gb18030" if codec in ("gbk", "gb2312") else codec


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _bom(data: bytes) -> tuple[int, str | None]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return len(bom), codec
    return 0, None


def _decode(path: str, data: bytes, encoding: str | None, html: bool) -> tuple[str, str]:
    """Decode ``data``; return (text, codec used)."""
    if encoding:
        return _decode_override(path, data, encoding)
    skip, codec = _bom(data)
    if codec:
        text = _strict(data[skip:], codec)
        if text is None:
            raise UnreadableNotice(path, f"cannot decode as {codec} despite its byte-order mark")
        return text, codec
    for text, codec in _attempts(data, html):
        if text is not None and codec:
            return text, codec
    raise UnreadableNotice(path, "cannot decode as utf-8, gb18030, big5 or cp950")


def _attempts(data: bytes, html: bool) -> Iterator[tuple[str | None, str | None]]:
    """Decodings to try in order, computed lazily."""
    yield _strict(data, "utf-8"), "utf-8"
    if html:
        yield _decode_declared(data)
    yield _decode_detected(data)
    yield _decode_lossy(data)


def _decode_override(path: str, data: bytes, encoding: str) -> tuple[str, str]:
    codec = _canonical(encoding)
    if codec is None:
        raise UnreadableNotice(path, f"unknown encoding {encoding!r}")
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as exc:
        shown = encoding if codec == encoding.lower() else f"{encoding} (as {codec})"
        raise UnreadableNotice(
            path, f"cannot decode as {shown}: invalid byte 0x{data[exc.start]:02x} at offset {exc.start}"
        ) from exc


def _decode_declared(data: bytes) -> tuple[str | None, str | None]:
    """Use the page's own ``<meta charset>`` / http-equiv declaration, if Chinese or UTF-8."""
    match = _META_CHARSET.search(data[:8192])
    codec = _canonical(match.group(1).decode("ascii")) if match else None
    if codec not in _DECLARABLE:
        return None, None
    return _strict(data, codec), codec


def _decode_detected(data: bytes) -> tuple[str | None, str | None]:
    """charset-normalizer over the Chinese candidates; prefer a decoding that reads as a notice."""
    best = charset_normalizer.from_bytes(data, cp_isolation=_CANDIDATES).best()
    order = ([_canonical(best.encoding)] if best else []) + ["gb18030", "big5", "cp950"]
    decoded = [(text, codec) for codec in dict.fromkeys(order) if (text := _strict(data, codec)) is not None]
    for text, codec in decoded:
        if not _missing_vocabulary(text):
            return text, codec
    return decoded[0] if decoded else (None, None)


def _decode_lossy(data: bytes) -> tuple[str | None, str | None]:
    text = data.decode("gb18030", errors="replace")
    if text.count("\ufffd") > _MAX_REPLACED_RATIO * len(text):
        return None, None
    return text, "gb18030:replace"


def _normalise_newlines(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------------------------
# Vocabulary

_KIND = re.compile("巡[视視察]")
_RECTIFY = "整改"


def _missing_vocabulary(text: str) -> list[str]:
    text = without_pinyin(text)  # a mirror writes 整(zhěng)改
    missing = [] if _KIND.search(text) else ["巡视/巡察"]
    return missing + ([] if _RECTIFY in text else [_RECTIFY])


def _check_vocabulary(path: str, text: str) -> None:
    missing = _missing_vocabulary(text)
    if len(missing) == 2:
        raise NotANotice(path, "no 巡视/巡察 rectification vocabulary found (not a rectification notice?)")
    if missing:
        present = "整改" if missing == ["巡视/巡察"] else "巡视/巡察"
        raise NotANotice(path, f"mentions {present} but not {missing[0]} (not a rectification notice?)")


# ---------------------------------------------------------------------------------------------
# HTML → text

_NEVER_CONTENT = ("script, style, noscript, iframe, select, button, template, svg, textarea, "
                  "object, embed")
_BOILERPLATE_TAGS = {"nav", "header", "footer", "aside", "form"}
_BOILERPLATE_WORDS = {"foot", "bottom", "header", "side", "crumb", "crumbs", "location", "dqwz",
                      "xglj", "print", "gotop", "tools"}
_BOILERPLATE_PREFIXES = ("nav", "menu", "breadcrumb", "sidebar", "footer", "share", "bdshare",
                         "copyright", "topbar", "toolbar", "login", "search", "related",
                         "pager", "pagination", "friendlink")
_CONTENT_NAME = re.compile(r"content|article|trs_?editor|zoom|detail|main-?text|news-?text", re.I)
_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
               "table", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "main",
               "header", "footer", "form", "address", "figure", "figcaption", "caption", "hr"}
_CELL_TAGS = {"td", "th"}
_CONTAINER_TAGS = {"div", "section", "article", "main", "table", "tbody", "tr", "td", "center", "form"}
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace only: NBSP and U+3000 are content
_SOFT = "\x00"  # block boundary marker (NUL never survives the binary check / the HTML parser)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]+|\s[-–—－]+\s|(?<!\d)[-–—－]+(?!\d))\s*")
_DATE = r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}(?:\s*日)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
_LABELLED_DATE = re.compile(
    rf"(?:[发發][布佈]|信息|資訊|[发發]文|成文|更新)?(?:[时時][间間]|日期)\s*[:：]+\s*{_DATE}")
_BARE_DATE = re.compile(_DATE)
_PUBDATE_META = re.compile(r"pubdate|publish|dcdate|dctermsissued|datepublished")
_HEADER_LINES = 5
_HEADER_LINE_MAX = 80
MAX_HTML_DEPTH = 400
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>")
_UNNESTED = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
             "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
             "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body"}


def html_to_text(html: str, path: str = "<html>") -> str:
    """The text of a notice page: title line, publication-date line, then the main content.
    A page nested deeper than ``MAX_HTML_DEPTH`` raises ``UnreadableNotice`` before it is
    parsed (the parser's time grows with the square of the depth)."""
    depth = nesting_depth(html)
    if depth > MAX_HTML_DEPTH:
        raise UnreadableNotice(path, f"HTML nested {depth} elements deep (pages are read up to {MAX_HTML_DEPTH})")
    tree = _Parser(html)
    for node in tree.css(_NEVER_CONTENT):
        node.decompose()
    title, title_node = _page_title(tree)
    _drop_boilerplate(tree, protect=title_node)
    page = _render(tree.body) if tree.body else ""
    date_line = _date_line(tree, page, title)
    body = _drop_leading_duplicates(_render(_main_block(tree)), title, date_line)
    return "\n".join(line for line in (title, date_line, body) if line)


def nesting_depth(html: str) -> int:
    """The deepest nesting of elements by a linear scan of the tags: void elements and those
    HTML closes by itself (p, li, td, …) are not counted, a stray end tag never goes below 0."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _UNNESTED or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _cjk_count(node) -> int:
    return len(_CJK.findall(node.text(deep=True) or ""))


def _has_vocabulary(text: str) -> bool:
    return _KIND.search(text) is not None or _RECTIFY in text or "通报" in text


def _page_title(tree) -> tuple[str, object | None]:
    """The title: an <h1> or a segment of <title>, preferring one that reads like a notice."""
    candidates: list[tuple[str, object | None, bool]] = []
    for h1 in tree.css("h1"):
        candidates.append((_render(h1).replace("\n", ""), h1, True))
    head_title = tree.css_first("title")
    if head_title is not None:
        for part in _TITLE_SEPARATORS.split(head_title.text(deep=True) or ""):
            candidates.append((part.strip(), None, False))
    candidates = [c for c in candidates if _CJK.search(c[0])]
    if not candidates:
        return "", None
    text, node, _ = max(candidates, key=_title_rank)
    return text, node


def _title_rank(candidate: tuple[str, object | None, bool]) -> tuple[bool, bool, int]:
    """Notice-like text first, then <h1> over <title>, then the longer."""
    text, _, is_h1 = candidate
    return _has_vocabulary(text), is_h1, len(_CJK.findall(text))


def _is_boilerplate(node) -> bool:
    attrs = node.attributes
    names = f"{attrs.get('id') or ''} {attrs.get('class') or ''}"
    tokens = re.split(r"[\s_\-]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", names).lower())
    return any(t in _BOILERPLATE_WORDS or t.startswith(_BOILERPLATE_PREFIXES) for t in tokens if t)


def _drop_boilerplate(tree, protect) -> None:
    """Remove navigation, menus, sidebars, footers…, but never the title or most of the page."""
    if tree.body is None:
        return
    total = _cjk_count(tree.body)
    kept = set(_ancestor_ids(protect)) if protect is not None else set()
    doomed = [n for n in tree.body.traverse() if n.tag != "body"
              and (n.tag in _BOILERPLATE_TAGS or _is_boilerplate(n))]
    for node in doomed:
        if node.parent is None or node.mem_id in kept:  # already removed with an ancestor / title
            continue
        if _cjk_count(node) <= 0.4 * total:
            node.decompose()


def _ancestor_ids(node) -> Iterable[int]:
    while node is not None:
        yield node.mem_id
        node = node.parent


def _main_block(tree):
    """The main content: the tightest content-named block, else the densest CJK block."""
    root = tree.body if tree.body is not None else tree.root
    total = _cjk_count(root)
    named = [(n, _cjk_count(n)) for n in root.traverse() if n.tag != "body" and _is_content(n)]
    named = [(n, c) for n, c in named if c >= 0.3 * total and c > 0]
    if named:
        best = max(c for _, c in named)
        return min((p for p in named if p[1] >= 0.8 * best), key=lambda p: p[1])[0]
    return _densest(root)


def _is_content(node) -> bool:
    if node.tag in ("article", "main"):
        return True
    attrs = node.attributes
    return bool(_CONTENT_NAME.search(f"{attrs.get('id') or ''} {attrs.get('class') or ''}"))


def _densest(node):
    """Descend while a single container child holds 85% of the CJK characters."""
    while True:
        total = _cjk_count(node)
        children = [c for c in node.iter() if c.tag in _CONTAINER_TAGS]
        best = max(children, key=_cjk_count, default=None)
        if best is None or total == 0 or _cjk_count(best) < 0.85 * total:
            return node
        node = best


def _date_line(tree, page: str, title: str) -> str:
    """A header line with the publication date: a labelled date near the title, else a meta
    tag, else a bare date on a short line near the title."""
    near = _header_lines(page, title)
    for line in near:
        if match := _LABELLED_DATE.search(line):
            return match.group(0)
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or ""
        date = _BARE_DATE.search(attrs.get("content") or "")
        if date and _PUBDATE_META.search(re.sub(r"[^a-z]", "", key.lower())):
            return f"发布时间:{date.group(0)}"
    match = next((m for line in near if (m := _BARE_DATE.search(line))), None)
    return match.group(0) if match else ""


def _header_lines(page: str, title: str) -> list[str]:
    """The short lines right after the title (or atop the page): where sites show the date."""
    at = page.find(title) if title else -1
    rest = page[at + len(title):] if at >= 0 else page
    lines = [line for line in rest.split("\n") if line.strip()][:_HEADER_LINES]
    return [line for line in lines if len(line) <= _HEADER_LINE_MAX]


def _drop_leading_duplicates(body: str, title: str, date_line: str) -> str:
    """Remove the title / date line when the content block itself starts with them."""
    lines = body.split("\n")
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    if lines and title and squash(lines[0]) == squash(title):
        lines = lines[1:]
    if lines and date_line and squash(date_line) in squash(lines[0]) and len(lines[0]) < 80:
        lines = lines[1:]
    return "\n".join(lines).strip("\n")


def _render(node) -> str:
    """Text of ``node`` with a line break at each block element and <br>."""
    parts: list[str] = []
    _walk(node, parts, pre=False)
    return _tidy("".join(parts))


def _walk(node, out: list[str], pre: bool) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            text = child.text_content or ""
            out.append(text if pre else _HTML_SPACE.sub(" ", text))
        elif tag == "br":
            out.append("\n")
        elif not tag.startswith("-"):
            block = tag in _BLOCK_TAGS
            out.append(_SOFT if block else "")
            _walk(child, out, pre or tag == "pre")
            out.append(_SOFT if block else "\t" if tag in _CELL_TAGS else "")


def _tidy(raw: str) -> str:
    """Merge block boundaries, strip HTML spaces at line ends, keep at most one blank line."""
    raw = re.sub(rf"[ \t]*(?:{_SOFT}[ \t]*)+", _SOFT, raw).replace(_SOFT, "\n")
    lines: list[str] = []
    for line in raw.split("\n"):
        line = line.strip(" \t") if line.strip() else ""
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip("\n")
