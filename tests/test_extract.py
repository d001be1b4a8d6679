"""The extractor against the hand-made acceptance data, on the seeds and their variants.

The bar: every field the gold records is extracted exactly, spans included (tests/gold_check.py,
which also lists the few known divergences from the gold), on each seed and on each robustness
variant of it (tests/variants.py) and with CRLF line ends. No variant forces fuzzy matching;
the similarity scorer (acceptance/score.py) is only checked to agree.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.register_assert_rewrite("gold_check")  # before its import: failures show the values
from cli_support import assert_clean_exit  # noqa: E402
from gold_check import assert_matches_gold, gold  # noqa: E402
from noticegraph.cli import main
from noticegraph.loaders import extract_file, extract_text
from noticegraph.loaders.errors import BinaryNotice, EmptyNotice, NotANotice
from variants import ALL_VARIANTS

HERE = Path(__file__).parent
SAMPLES = HERE.parent / "data" / "samples"
SEEDS = sorted(p.stem for p in SAMPLES.glob("*.txt"))
_spec = importlib.util.spec_from_file_location("score", HERE / "acceptance" / "score.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


def test_both_seeds_are_there():
    assert SEEDS == ["000_00de51ecc004529a", "003_018ca7894cc5aeb7"]


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_matches_gold_exactly(seed):
    assert_matches_gold(seed, extract_file(SAMPLES / f"{seed}.txt"))


@pytest.mark.parametrize("variant", sorted(ALL_VARIANTS))
@pytest.mark.parametrize("seed", SEEDS)
def test_variant_matches_gold_exactly(seed, variant, tmp_path):
    name, data = ALL_VARIANTS[variant]((SAMPLES / f"{seed}.txt").read_text(encoding="utf-8"))
    path = tmp_path / name
    path.write_bytes(data)
    assert_matches_gold(seed, extract_file(path))


@pytest.mark.parametrize("seed", SEEDS)
def test_crlf_line_ends_read_like_lf(seed):
    """Spans point into the CRLF text itself, and nothing else changes (the id ignores white space)."""
    text = (SAMPLES / f"{seed}.txt").read_text(encoding="utf-8")
    crlf = extract_text(text.replace("\n", "\r\n"))
    assert "\r\n" in crlf.text and crlf.id == extract_text(text).id
    assert_matches_gold(seed, crlf)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_scorer_agrees(seed):
    scores = score.score(gold(seed), extract_file(SAMPLES / f"{seed}.txt").to_json())
    assert scores["problems"]["f1"] == 1.0 and scores["fields"]["wrong"] == []


def test_extraction_is_deterministic():
    text = (SAMPLES / f"{SEEDS[0]}.txt").read_text(encoding="utf-8")
    assert extract_text(text).to_json() == extract_text(text).to_json()


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
    assert_clean_exit(result, 1)
    assert [line for line in result.stderr.splitlines() if line] == [
        line for line in result.stderr.splitlines() if "empty.txt" in line]
    payload = json.loads(result.stdout)
    assert [n["notice"]["issuer"] for n in payload] == ["中共宁波前湾新区工作委员会"]


@pytest.mark.parametrize("seed", SEEDS)
def test_lost_line_breaks_change_no_problem(seed):
    text = (SAMPLES / f"{seed}.txt").read_text(encoding="utf-8")
    whole, run_on = extract_text(text), extract_text(text.replace("\n", ""))
    def view(n):
        return [(p.path, p.text, p.status, p.deadline, p.category) for p in n.problems]
    assert view(run_on) == view(whole)
