"""A synthetic corpus of rectification notices with planted ground truth, for tests and benchmarks.

Contract:
- ``generate_corpus(n, seed=0, relapses=0)`` returns ``n`` :class:`SyntheticNotice` s, the same
  for the same arguments. Bodies (中共东山县交通运输局党组 …, unique names) are inspected in two
  to four rounds two years apart; each notice reports one round of one body in the plain-text
  shape of real county notices (title, 信息时间, 根据…统一部署,YYYY年M月D日至M月D日,…巡察组对…进行了
  常规巡察。…反馈了巡察意见, categories (一)…, items 1.关于“…”问题的整改 with measures citing
  《…》 and issuing 《…》 and a 整改进展情况 line, a figures paragraph, signature and date), so the
  real extractor reads it. Problem texts come from synth_phrases.py, so each classifies to
  exactly its planted type.
- ``planted`` is the ground truth: body, round dates, problems with type id, status and
  deadline, and ``relapses``: the types completed in the body's previous round and found
  again in this one. ``relapses`` such relapses are planted (ValueError if the corpus has too
  few later rounds); otherwise a type completed for a body never comes back for that body, so
  the relapses of the corpus are exactly ``planted_relapses(corpus)``. Types left in progress
  may come back (recurrence without relapse).
- ``write_corpus(corpus, folder)`` writes the texts as UTF-8 files, and the ground truth as
  ``planted.json`` ({filename: planted}; ``load`` reads only .txt/.md/.html), and returns the
  paths of the texts.
- Fast: 10,000 notices in about a second.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from .loaders.taxonomy import load_taxonomy
from .synth_phrases import (CATEGORY_HEADINGS, DEFECTS, DEPARTMENTS, GENERIC_MEASURES, GIVEN, MEASURES, PLACE_HEADS,
                            PLACE_KINDS, PLACE_TAILS, PROBLEMS, QUALIFIERS, SURNAMES, TEAM_NUMBERS)

TYPE_IDS = tuple(PROBLEMS)
CN_DIGITS = "〇一二三四五六七八九"
CATEGORY_NUMBERS = "一二三四"
STATUS_WEIGHTS = (("completed", 0.6), ("in_progress", 0.3), ("ongoing", 0.1))
TOP_ORDER = {top: k for k, top in enumerate(CATEGORY_HEADINGS)}


@dataclass(frozen=True)
class PlantedProblem:
    text: str
    type_id: str
    status: str
    deadline: str | None = None


@dataclass(frozen=True)
class Planted:
    body: str
    round_index: int
    start: str
    end: str
    feedback: str
    published: str
    problems: tuple[PlantedProblem, ...]
    relapses: tuple[str, ...] = ()


@dataclass(frozen=True)
class SyntheticNotice:
    filename: str
    text: str
    planted: Planted


@dataclass(frozen=True)
class BodyName:
    place: str
    superior: str
    department: str

    @property
    def short(self) -> str:
        return f"{self.place}{self.department}"

    @property
    def issuer(self) -> str:
        return f"中共{self.short}党组"


def generate_corpus(n: int, seed: int = 0, relapses: int = 0) -> list[SyntheticNotice]:
    rng = random.Random(seed)
    plan = _round_counts(n, rng)
    names = _body_names(len(plan), rng)
    slots = _relapse_slots(plan, relapses, rng)
    corpus: list[SyntheticNotice] = []
    for body, rounds in enumerate(plan):
        for planted in _body_rounds(names[body], rounds, {j for b, j in slots if b == body}, rng):
            corpus.append(SyntheticNotice(f"synth_{seed}_{len(corpus):05d}.txt", render(names[body], planted, rng),
                                          planted))
    return corpus


def planted_relapses(corpus: list[SyntheticNotice]) -> set[tuple[str, str, str]]:
    """(body, type id, start of the round that found the type again) for every planted relapse."""
    return {(s.planted.body, type_id, s.planted.start) for s in corpus for type_id in s.planted.relapses}


def write_corpus(corpus: list[SyntheticNotice], folder: str | Path) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for notice in corpus:
        path = folder / notice.filename
        path.write_text(notice.text, encoding="utf-8")
        paths.append(path)
    truth = {notice.filename: asdict(notice.planted) for notice in corpus}
    (folder / "planted.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return paths


# -- the plan: bodies, rounds, relapse slots ----------------------------------------------------

def _round_counts(n: int, rng: random.Random) -> list[int]:
    counts: list[int] = []
    while sum(counts) < n:
        counts.append(min(rng.choice((2, 3, 3, 4)), n - sum(counts)))
    return counts


def _body_names(count: int, rng: random.Random) -> list[BodyName]:
    sizes = (len(PLACE_HEADS), len(PLACE_TAILS), len(PLACE_KINDS), len(DEPARTMENTS))
    total = sizes[0] * sizes[1] * sizes[2] * sizes[3]
    if count > total:
        raise ValueError(f"at most {total} bodies: ask for fewer notices")
    names = []
    for code in rng.sample(range(total), count):
        code, dept = divmod(code, sizes[3])
        code, kind = divmod(code, sizes[2])
        head, tail = divmod(code, sizes[1])
        suffix, superior = PLACE_KINDS[kind]
        names.append(BodyName(PLACE_HEADS[head] + PLACE_TAILS[tail] + suffix, superior, DEPARTMENTS[dept]))
    return names


def _relapse_slots(plan: list[int], relapses: int, rng: random.Random) -> list[tuple[int, int]]:
    slots = [(body, j) for body, rounds in enumerate(plan) for j in range(1, rounds)]
    if relapses > len(slots):
        raise ValueError(f"{relapses} relapses asked for, but the corpus has {len(slots)} later rounds")
    return rng.sample(slots, relapses)


# -- one body's rounds ----------------------------------------------------------------------------

def _body_rounds(name: BodyName, rounds: int, relapse_rounds: set[int], rng: random.Random) -> list[Planted]:
    year = rng.randint(2016, 2019)
    completed: set[str] = set()
    previous: list[str] = []
    out = []
    for j in range(rounds):
        relapse = (rng.choice(sorted(previous)),) if j in relapse_rounds else ()
        types = list(relapse) + rng.sample([t for t in TYPE_IDS if t not in completed and t not in relapse],
                                           rng.randint(5, 8) - len(relapse))
        dates = _round_dates(year + 2 * j, rng)
        problems = [_problem(t, "completed" if k == 0 else _status(rng.random()), dates[3], rng)
                    for k, t in enumerate(types)]
        problems.sort(key=lambda p: TOP_ORDER[top_concept(p.type_id)])
        previous = [p.type_id for p in problems if p.status == "completed"]
        completed.update(previous)
        out.append(Planted(name.issuer, j, *dates, problems=tuple(problems), relapses=relapse))
    return out


def _round_dates(year: int, rng: random.Random) -> tuple[str, str, str, str]:
    start = dt.date(year, rng.randint(3, 8), rng.randint(1, 28))
    end = start + dt.timedelta(days=rng.randint(35, 60))
    feedback = end + dt.timedelta(days=rng.randint(20, 40))
    published = feedback + dt.timedelta(days=rng.randint(90, 150))
    return start.isoformat(), end.isoformat(), feedback.isoformat(), published.isoformat()


def _problem(type_id: str, status: str, published: str, rng: random.Random) -> PlantedProblem:
    """A problem of ``type_id`` (the first of each round is completed, so a later round can relapse)."""
    deadline = None
    if status == "in_progress":
        deadline = f"{int(published[:4]) + rng.randint(0, 1)}-{rng.randint(1, 12):02d}"
    return PlantedProblem(_problem_text(type_id, rng), type_id, status, deadline)


def _status(draw: float) -> str:
    for status, weight in STATUS_WEIGHTS:
        if draw < weight:
            return status
        draw -= weight
    return STATUS_WEIGHTS[-1][0]


def _problem_text(type_id: str, rng: random.Random) -> str:
    return rng.choice(QUALIFIERS) + rng.choice(problem_phrases(type_id))


@lru_cache(maxsize=None)
def problem_phrases(type_id: str) -> tuple[str, ...]:
    """Every core with every defect, and the stand-alone phrases (as often as one core)."""
    cores, phrases = PROBLEMS[type_id]
    return tuple(c + d for c in cores for d in DEFECTS) + tuple(phrases) * len(DEFECTS)


# -- the text ---------------------------------------------------------------------------------------

def render(name: BodyName, planted: Planted, rng: random.Random) -> str:
    team = rng.choice(TEAM_NUMBERS)
    lines = [f"{name.issuer}关于{name.superior}第{cn_number(planted.round_index + 1)}轮巡察整改进展情况的通报",
             f"信息时间:{planted.published}", _opening(name, planted, team), "一、整改工作的组织落实情况",
             f"党组书记{rng.choice(SURNAMES)}{rng.choice(GIVEN)}{rng.choice(GIVEN)}同志为整改第一责任人,"
             f"针对反馈的{len(planted.problems)}个问题,制定《{name.short}巡察整改工作方案》,"
             f"逐项明确责任人和整改时限。",
             "二、巡察反馈问题整改落实情况"]
    lines += _problem_lines(name, planted, rng)
    lines += ["三、整改成效", _figures(rng), "四、下一步工作打算",
              "下一步,党组将认真贯彻《中国共产党巡视工作条例》,持续巩固整改成果,建立健全长效机制。",
              "欢迎广大干部群众对巡察整改落实情况进行监督。", name.issuer, cn_date(planted.published)]
    return "\n".join(lines) + "\n"


def _opening(name: BodyName, planted: Planted, team: str) -> str:
    start, end, feedback = (dt.date.fromisoformat(d) for d in (planted.start, planted.end, planted.feedback))
    inspected = f"{name.short}党组"
    return (f"根据{name.superior}统一部署,{start.year}年{start.month}月{start.day}日至{end.month}月{end.day}日,"
            f"{name.superior}第{team}巡察组对{inspected}进行了常规巡察。{feedback.month}月{feedback.day}日,"
            f"{name.superior}第{team}巡察组向{inspected}反馈了巡察意见。按照党务公开原则和巡察工作有关要求,"
            f"现将巡察整改进展情况予以公布。")


@lru_cache(maxsize=None)
def top_concept(type_id: str) -> str:
    return ([type_id, *load_taxonomy().ancestors(type_id)])[-1]


def _problem_lines(name: BodyName, planted: Planted, rng: random.Random) -> list[str]:
    """Problems under their category headings, in the order of ``planted.problems``."""
    groups: dict[str, list[PlantedProblem]] = {top: [] for top in CATEGORY_HEADINGS}
    for problem in planted.problems:
        groups[top_concept(problem.type_id)].append(problem)
    lines: list[str] = []
    for number, top in zip(CATEGORY_NUMBERS, [top for top, problems in groups.items() if problems]):
        lines.append(f"({number}){CATEGORY_HEADINGS[top]}")
        for k, problem in enumerate(groups[top], start=1):
            lines.append(f"{k}.关于“{problem.text}”问题的整改")
            lines += [_measure(m, name) for m in _measures(problem.type_id, rng)]
            lines.append(f"整改进展情况:{_status_words(problem)}。")
    return lines


def _measures(type_id: str, rng: random.Random) -> list[str]:
    own = MEASURES[type_id]
    return [rng.choice(own), rng.choice(GENERIC_MEASURES)] if rng.random() < 0.6 else [rng.choice(own)]


def _measure(template: str, name: BodyName) -> str:
    return template.format(org=name.short) + "。"


def _status_words(problem: PlantedProblem) -> str:
    if problem.status == "completed":
        return "已完成"
    if problem.status == "ongoing":
        return "长期坚持"
    year, month = problem.deadline.split("-")
    return f"正在整改,{year}年{int(month)}月底前完成"


def _figures(rng: random.Random) -> str:
    return (f"巡察整改期间,共立案{rng.randint(0, 9)}件,给予党纪政务处分{rng.randint(0, 12)}人,"
            f"诫勉谈话{rng.randint(0, 6)}人,清退违规资金{rng.randint(1, 900) / 10}万元,"
            f"建立完善制度{rng.randint(2, 30)}项。")


def cn_number(k: int) -> str:
    """1..99 in Chinese numerals: 一, 十, 十二, 二十三."""
    tens, ones = divmod(k, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")
    return head + (CN_DIGITS[ones] if ones or not head else "")


def cn_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"
