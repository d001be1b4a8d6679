"""Print what one cosmic-ray session found: mutants killed, survived, incompetent, pending.

usage: python mutation/summary.py SESSION.sqlite [--survivors | --forget-survivors]

--forget-survivors marks the survivors pending again, so that ``cosmic-ray exec`` tests them
again (after tests were added; scripts/mutation --retest). cr-report counts an incompetent mutant (one whose test command could not run) as killed; here
each outcome is counted apart, and the score is killed / (killed + survived). Survivors that
mutation/fastrun.py found equivalent without a run (annotation only) are counted among the
survivors and also named apart, with the score they would leave if excluded.
"""
from __future__ import annotations

import sqlite3
import sys
from collections import Counter


def outcomes(session: str) -> tuple[int, Counter]:
    with sqlite3.connect(session) as db:
        total = db.execute("SELECT count(*) FROM work_items").fetchone()[0]
        done = Counter(row[0].lower() for row in db.execute("SELECT test_outcome FROM work_results"))
    return total, done


def equivalent(session: str) -> int:
    with sqlite3.connect(session) as db:
        return db.execute("SELECT count(*) FROM work_results WHERE test_outcome = 'SURVIVED' "
                          "AND output LIKE 'equivalent:%'").fetchone()[0]


def survivors(session: str) -> list[str]:
    with sqlite3.connect(session) as db:
        return [row[0] for row in db.execute("SELECT diff FROM work_results WHERE test_outcome = 'SURVIVED'")]


def forget_survivors(session: str) -> None:
    with sqlite3.connect(session) as db:
        db.execute("DELETE FROM work_results WHERE test_outcome = 'SURVIVED'")


def main(argv: list[str]) -> int:
    if "--forget-survivors" in argv:
        forget_survivors(argv[1])
    total, done = outcomes(argv[1])
    killed, survived = done["killed"], done["survived"]
    scored = killed + survived
    score = f"{100 * killed / scored:.1f} %" if scored else "n/a"
    same = equivalent(argv[1])
    rest = f"{100 * killed / (scored - same):.1f} %" if scored > same else "n/a"
    print(f"{argv[1]}: {total} mutants: {killed} killed, {survived} survived "
          f"({same} equivalent: annotation only), {done['incompetent']} incompetent, "
          f"{total - sum(done.values())} pending; score {score} ({rest} without the equivalent)")
    if "--survivors" in argv:
        print("\n\n".join(survivors(argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
