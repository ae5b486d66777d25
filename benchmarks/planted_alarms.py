"""The clean twins of the planted cases on which the checker raises an error, listed for
reading, with the reading of ``benchmarks/official_{part}_judged.tsv`` when there is one.

    python benchmarks/planted_alarms.py devset [--alone | --one-pair]

Each official pair (clean twin) is checked once per direction: in its real document (the
default, what ``bench_planted.py`` counts as "pair in its real document": after the pairs of
its document the corpus has before it, :mod:`benchmarks.planted_context`; the errors of
the twin's own segment), as a document of one pair (``--one-pair``) or alone (``--alone``).
Tune on the devset listing only; the testset one is for reading.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import planted_context  # noqa: E402
from benchmarks.bench_planted import _check, devset_termbase  # noqa: E402
from benchmarks.make_planted import read  # noqa: E402
from benchmarks.planted_read import judged  # noqa: E402


def alarms(checker, part: str, mode: str = "real") -> list[tuple[dict, list]]:
    """(case, errors) for each distinct clean twin with an error, per direction; ``mode``:
    ``real`` (in its real document), ``one-pair`` (a document of one pair) or ``alone``."""
    seen, out = set(), []
    pairs, before = planted_context.corpus(part), planted_context.preceding(part)
    for case in read(part):
        key = (case["source"], case["fr"], case["en"])
        if key in seen:
            continue
        seen.add(key)
        if mode == "real":
            context = [pairs[n - 1] for n in before[int(case["line"])]]
            issues = planted_context.check_in_document(checker, context, case["fr"],
                                                       case["en"], case["source"])[0]
        else:
            issues = _check(checker, case["fr"], case["en"], case["source"], mode == "one-pair")
        errors = [i for i in issues if i.severity == "error"]
        if errors:
            out.append((case, errors))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", choices=("devset", "testset"))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--alone", action="store_const", const="alone", dest="mode",
                      default="real", help="each pair out of its document")
    mode.add_argument("--one-pair", action="store_const", const="one-pair", dest="mode",
                      help="each pair as a document of one pair")
    args = parser.parse_args()
    from checks.checker import Checker
    from termbase.store import Termbase

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "devset.sqlite3"
        devset_termbase(db)
        with Termbase.open(db) as tb:
            checker = Checker(list(tb.iter_concepts()))
    readings = judged(args.part)
    pairs, before = planted_context.corpus(args.part), planted_context.preceding(args.part)
    for case, errors in alarms(checker, args.part, args.mode):
        line = int(case["line"])
        verdict, klass = readings.get((case["source"], line), ("not read", ""))
        print(f"== {case['source']} {args.part} line {line}: {verdict} {klass}")
        if args.mode == "real":
            print(f"   document: lines {before[line]} before it")
            for n in before[line]:
                print(f"   [{n}] fr: {pairs[n - 1][0]}\n   [{n}] en: {pairs[n - 1][1]}")
        print(f"   fr: {case['fr']}\n   en: {case['en']}")
        for issue in errors:
            print(f"   -> {issue.kind}: {issue.message}")


if __name__ == "__main__":
    main()
