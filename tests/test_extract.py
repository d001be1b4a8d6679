"""The extractor against the hand-made acceptance data, on the seeds and their variants.

The bar (issue 2): problems F1 = 1.0; status, deadline and measure-count accuracy = 1.0;
every notice/round field right; cited and issued F1 ≥ 0.95; figures recall ≥ 0.9 — on each
seed and on each robustness variant of it (tests/variants.py).
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from noticegraph.cli import main
from noticegraph.loaders import extract_file, extract_text
from noticegraph.loaders.errors import BinaryNotice, EmptyNotice, NotANotice
from noticegraph.loaders.normalize import normalize_str
from variants import ALL_VARIANTS

HERE = Path(__file__).parent
SAMPLES = HERE.parent / "data" / "samples"
SEEDS = sorted(p.stem for p in SAMPLES.glob("*.txt"))
_spec = importlib.util.spec_from_file_location("score", HERE / "acceptance" / "score.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


def gold(seed: str) -> dict:
    return json.loads((HERE / "acceptance" / f"{seed}.gold.json").read_text(encoding="utf-8"))


def assert_meets_bar(scores: dict) -> None:
    assert scores["problems"]["f1"] == 1.0, scores["problems"]
    for key in ("status_accuracy", "deadline_accuracy", "measure_count_accuracy"):
        assert scores.get(key, 1.0) == 1.0, (key, scores.get(key))
    assert scores["fields"]["wrong"] == [], scores["fields"]
    assert scores["regulations_cited"]["f1"] >= 0.95, scores["regulations_cited"]
    assert scores["documents_issued"]["f1"] >= 0.95, scores["documents_issued"]
    assert scores.get("stats_recall", 1.0) >= 0.9, scores.get("stats_recall")


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_meets_bar(seed):
    notice = extract_file(SAMPLES / f"{seed}.txt")
    assert_meets_bar(score.score(gold(seed), notice.to_json()))


@pytest.mark.parametrize("variant", sorted(ALL_VARIANTS))
@pytest.mark.parametrize("seed", SEEDS)
def test_variant_meets_bar(seed, variant, tmp_path):
    name, data = ALL_VARIANTS[variant]((SAMPLES / f"{seed}.txt").read_text(encoding="utf-8"))
    path = tmp_path / name
    path.write_bytes(data)
    notice = extract_file(path)
    assert_meets_bar(score.score(gold(seed), notice.to_json()))


@pytest.mark.parametrize("variant", ["seed", *sorted(ALL_VARIANTS)])
def test_spans_point_at_what_was_read(variant, tmp_path):
    text = (SAMPLES / f"{SEEDS[0]}.txt").read_text(encoding="utf-8")
    if variant != "seed":
        name, data = ALL_VARIANTS[variant](text)
        (tmp_path / name).write_bytes(data)
        notice = extract_file(tmp_path / name)
    else:
        notice = extract_text(text)
    items = [(p.text, p.span) for p in notice.problems]
    items += [(m.text, m.span) for p in notice.problems for m in p.measures]
    items += [(t.title, t.span) for t in notice.titles]
    for value, (start, end) in items:
        assert value in normalize_str(notice.text[start:end])


def test_extraction_is_deterministic_and_ids_stable():
    text = (SAMPLES / f"{SEEDS[0]}.txt").read_text(encoding="utf-8")
    first, second = extract_text(text).to_json(), extract_text(text).to_json()
    assert first == second
    assert extract_text(text.replace("\n", "\r\n").replace("\r\n", "\n") + "\n").id == first["id"]


def test_fragment_yields_what_it_contains():
    text = (SAMPLES / f"{SEEDS[1]}.txt").read_text(encoding="utf-8")
    fragment = text[:text.index("一、关于")]
    notice = extract_text(fragment)
    assert notice.title.endswith("整改进展情况的通报")
    assert (notice.round.team, notice.round.start, notice.round.feedback) == (
        "省委第一巡视组", "2021-03-31", "2021-08-24")
    assert notice.problems == [] and notice.problems_claimed == 43
    assert notice.stats["立案_件"] == 32


@pytest.mark.parametrize("content, error", [
    (b"", EmptyNotice), (b"\x89PNG\r\n\x1a\n\x00\x00", BinaryNotice),
    ("今天晴转多云,气温十五度。".encode(), NotANotice)])
def test_bad_files_raise_one_specific_error_naming_the_file(tmp_path, content, error):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error) as caught:
        extract_file(path)
    assert "bad.txt" in str(caught.value)


def test_cli_extract_reports_bad_files_and_carries_on(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    good = SAMPLES / f"{SEEDS[1]}.txt"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "empty.txt"), str(good), "--json"])
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line] == [
        line for line in result.stderr.splitlines() if "empty.txt" in line]
    assert "Traceback" not in result.output
    payload = json.loads(result.stdout)
    assert [n["notice"]["issuer"] for n in payload] == ["中共宁波前湾新区工作委员会"]


@pytest.mark.parametrize("seed", SEEDS)
def test_lost_line_breaks_change_no_problem(seed):
    text = (SAMPLES / f"{seed}.txt").read_text(encoding="utf-8")
    whole, run_on = extract_text(text), extract_text(text.replace("\n", ""))
    def view(n):
        return [(p.path, p.text, p.status, p.deadline, p.category) for p in n.problems]
    assert view(run_on) == view(whole)
