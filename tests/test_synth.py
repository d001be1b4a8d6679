"""The synthetic corpus: deterministic, read back by the real extractor exactly as planted."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli_support import assert_clean_exit
from noticegraph.cli import main
from noticegraph.loaders import extract_text
from noticegraph.loaders.classify import classify
from noticegraph.synth import (TYPE_IDS, cn_number, generate_corpus, planted_relapses, problem_phrases,
                               top_concept)
from noticegraph.synth_phrases import CATEGORY_HEADINGS, MEASURES, QUALIFIERS


@pytest.mark.parametrize("type_id", TYPE_IDS)
def test_every_pool_phrase_classifies_to_its_type_only(type_id):
    heading = CATEGORY_HEADINGS[top_concept(type_id)]
    for phrase in sorted(set(problem_phrases(type_id))):
        for qualifier in sorted(set(QUALIFIERS)):
            assert [m.concept_id for m in classify(qualifier + phrase, [heading, ""])] == [type_id], phrase
    assert MEASURES[type_id]


def test_same_arguments_same_corpus():
    assert generate_corpus(30, seed=3, relapses=4) == generate_corpus(30, seed=3, relapses=4)
    assert generate_corpus(30, seed=3) != generate_corpus(30, seed=4)
    corpus = generate_corpus(30, seed=3, relapses=4)
    assert len(corpus) == 30 and len({s.filename for s in corpus}) == 30
    assert len(planted_relapses(corpus)) == 4


def test_too_many_relapses_are_refused():
    with pytest.raises(ValueError, match="later rounds"):
        generate_corpus(4, relapses=10)


def test_completed_types_come_back_only_as_planted_relapses():
    corpus = generate_corpus(300, seed=11, relapses=25)
    completed: dict[str, set[str]] = {}
    for s in sorted(corpus, key=lambda s: (s.planted.body, s.planted.start)):
        done = completed.setdefault(s.planted.body, set())
        again = {p.type_id for p in s.planted.problems} & done
        assert again == set(s.planted.relapses)
        done.update(p.type_id for p in s.planted.problems if p.status == "completed")


def test_the_extractor_reads_what_was_planted():
    for s in generate_corpus(60, seed=5, relapses=10):
        notice = extract_text(s.text, s.filename)
        planted = s.planted
        assert (notice.issuer.name, notice.inspected_body.name) == (planted.body, planted.body)
        assert (notice.round.start, notice.round.end, notice.round.feedback, notice.published) == (
            planted.start, planted.end, planted.feedback, planted.published)
        assert [(p.text, [m.concept_id for m in p.types], p.status, p.deadline) for p in notice.problems] == [
            (p.text, [p.type_id], p.status, p.deadline) for p in planted.problems]
        assert notice.regulations_cited and notice.documents_issued and notice.figures


def test_a_large_corpus_has_distinct_files_and_every_planted_relapse():
    """Size and relapses only: the speed is measured by bench/synth_bench.py, never asserted here."""
    corpus = generate_corpus(2_000, seed=1, relapses=100)
    assert len(corpus) == 2_000 and len({s.filename for s in corpus}) == 2_000
    assert len(planted_relapses(corpus)) == 100


def test_synth_command_writes_notices_and_ground_truth(tmp_path):
    result = CliRunner().invoke(main, ["synth", "12", "-o", str(tmp_path), "--seed", "2", "--relapses", "3"])
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("*.txt"))) == 12
    truth = json.loads((tmp_path / "planted.json").read_text("utf-8"))
    assert sum(len(p["relapses"]) for p in truth.values()) == 3
    refused = CliRunner().invoke(main, ["synth", "2", "-o", str(tmp_path), "--relapses", "5"])
    assert_clean_exit(refused, 1)
    assert "later rounds" in refused.output


def test_chinese_numbers():
    assert [cn_number(k) for k in (1, 9, 10, 12, 20, 23)] == ["一", "九", "十", "十二", "二十", "二十三"]
