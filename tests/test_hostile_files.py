"""Hostile files in a folder being loaded: a 100 MB file, 100,000-deep nested HTML, a million 《,
a file of NULs, a symlink loop, an unreadable file, a directory named x.txt, a FIFO. Each is
one failure with a one-line reason (nothing blocks, nothing is read whole), the notices beside
them load."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import SAMPLES

from noticegraph.graph import open_store
from noticegraph.graph.ingest import find_notice_files, ingest
from noticegraph.loaders import extract_file
from noticegraph.loaders.errors import UnreadableNotice
from noticegraph.loaders.reader import read_source

HEAD = "中共示例县委员会关于巡察整改情况的通报\n一、关于“理论学习不深入”问题的整改\n"


def hostile_folder(folder):
    folder.mkdir()
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(100_000_000)  # 100 MB (sparse): refused by its size, never read
    (folder / "deep.html").write_text("<html><body>" + "<div>" * 100_000 + HEAD + "</div>" * 100_000 + "</body></html>")
    (folder / "nuls.txt").write_bytes(b"\0" * 10_000)
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    (folder / "x.txt").mkdir()
    os.mkfifo(folder / "pipe.txt")
    for sample in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(sample, folder / sample.name)
    return folder


EXPECTED = {
    "huge.txt": "file too large: 100.0 MB (notices are read up to 20 MB)",
    "deep.html": "HTML nested 100000 elements deep (pages are read up to 400)",
    "nuls.txt": "binary file: NUL byte at offset 0",
    "loop_a.txt": "cannot open: Too many levels of symbolic links",
    "loop_b.txt": "cannot open: Too many levels of symbolic links",
    "pipe.txt": "not a regular file (a FIFO)",
}


def test_each_hostile_file_fails_in_one_line_and_the_rest_loads(tmp_path):
    folder = hostile_folder(tmp_path / "in")
    files = find_notice_files([folder])
    assert {path.name for path in files} == set(EXPECTED) | {path.name for path in SAMPLES.glob("*.txt")}
    with open_store("ladybug", tmp_path / "graph.lbug") as store:
        report = ingest(store, files, workers=1)
        assert store.stats()["nodes"]["Notice"] == 2
    assert report.count("loaded") == 2
    assert {os.path.basename(f.path): f.reason for f in report.failures} == EXPECTED


def test_a_directory_named_like_a_notice_is_refused_when_named(tmp_path):
    (tmp_path / "x.txt").mkdir()
    with pytest.raises(UnreadableNotice, match="not a regular file \\(a directory\\)"):
        read_source(tmp_path / "x.txt")


def test_a_million_brackets_is_read_as_one_more_notice(tmp_path):
    path = tmp_path / "brackets.txt"
    path.write_text(HEAD + "《" * 1_000_000, "utf-8")
    notice = extract_file(path)  # linear work: bench-free, but no quadratic scan survives this
    assert notice.titles == [] and [p.text for p in notice.problems] == ["理论学习不深入"]


def test_an_unreadable_file_says_so(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(HEAD, "utf-8")
    path.chmod(0)
    if os.geteuid() != 0:
        with pytest.raises(UnreadableNotice, match="cannot open: Permission denied"):
            read_source(path)
        return
    # root reads anything: read it as nobody instead
    script = textwrap.dedent(f"""
        import os
        from noticegraph.loaders.reader import read_source
        from noticegraph.loaders import NoticeError
        os.setgid(65534); os.setuid(65534)  # after the imports: nobody cannot read the interpreter's files
        try:
            read_source({str(path)!r})
        except NoticeError as error:
            print(error.reason)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "cannot open: Permission denied", done.stderr[-500:]
