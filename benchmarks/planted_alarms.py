"""The clean twins of the planted cases on which the checker raises an error, listed for
reading, with the reading of ``benchmarks/official_{part}_judged.tsv`` when there is one.

    python benchmarks/planted_alarms.py devset [--alone]

Each official pair (clean twin) is checked once per direction, as a whole document of one
pair (the default, what ``bench_planted.py`` counts as "pair as a whole document") or alone
(``--alone``). Tune on the devset listing only; the testset one is for reading.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_planted import _check, devset_termbase  # noqa: E402
from benchmarks.make_planted import read  # noqa: E402
from benchmarks.planted_read import judged  # noqa: E402


def alarms(checker, part: str, document: bool) -> list[tuple[dict, list]]:
    """(case, errors) for each distinct clean twin with an error, per direction."""
    seen, out = set(), []
    for case in read(part):
        key = (case["source"], case["fr"], case["en"])
        if key in seen:
            continue
        seen.add(key)
        issues = _check(checker, case["fr"], case["en"], case["source"], document)
        errors = [i for i in issues if i.severity == "error"]
        if errors:
            out.append((case, errors))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", choices=("devset", "testset"))
    parser.add_argument("--alone", action="store_true", help="each pair out of its document")
    args = parser.parse_args()
    from checks.checker import Checker
    from termbase.store import Termbase

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "devset.sqlite3"
        devset_termbase(db)
        with Termbase.open(db) as tb:
            checker = Checker(list(tb.iter_concepts()))
    readings = judged(args.part)
    for case, errors in alarms(checker, args.part, not args.alone):
        line = int(case["line"])
        verdict, klass = readings.get((case["source"], line), ("not read", ""))
        print(f"== {case['source']} {args.part} line {line}: {verdict} {klass}")
        print(f"   fr: {case['fr']}\n   en: {case['en']}")
        for issue in errors:
            print(f"   -> {issue.kind}: {issue.message}")


if __name__ == "__main__":
    main()
