"""The aligner's punctuation evidence (:mod:`aligner.align.marks`) on the TransRead books:
micro strict F1 of the development and held-out splits (:func:`benchmarks.tune_align.split`)
and of the UNPC devset and testset tasks, with each term of the evidence switched off in turn,
the terms of issue 13's fourth round off (:data:`FOURTH`: the aligner before it) and all of
them off (the aligner before issue 13's third round). Classical mode, gold segments.

Usage: ``python benchmarks/bench_align_features.py`` (a few minutes); writes the section
"Aligner features for literary text" of BENCHMARKS.md: the table of this run inside the prose
of :data:`NOTES` (what each term is, and the earlier rounds with their own runs' figures).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.report import table, write_section  # noqa: E402
from benchmarks.tune_align import get, load_book, micro_f1, put, split, unpc_tasks  # noqa: E402

#: The section's prose; ``<!-- table -->`` marks where this run's table goes.
NOTES = Path(__file__).with_name("align_features_notes.md")

#: The weights of the punctuation evidence (:mod:`aligner.align.search`).
TERMS = ("DIALOGUE_PENALTY", "QUESTION_PENALTY", "CLAUSE_BONUS", "CONTINUATION_PENALTY",
         "SPLIT_WEIGHT", "CLOSING_PENALTY")
#: The terms of issue 13's fourth round (where a sentence is split, the end of an utterance).
FOURTH = ("SPLIT_WEIGHT", "CLOSING_PENALTY")


def variants() -> list[tuple[str, dict[str, float]]]:
    """``(label, weights switched off)``: none of the evidence, none of the fourth round's,
    each term alone off, all on."""
    rows = [("without the punctuation evidence (before)", dict.fromkeys(TERMS, 0.0)),
            ("without the fourth round's terms (before it)", dict.fromkeys(FOURTH, 0.0))]
    rows += [(f"without {name}", {name: 0.0}) for name in TERMS]
    rows.append(("with all of it (after)", {}))
    return rows


def main() -> None:
    from benchmarks.make_tasks import devset_lexicon

    dev_names, held_names = split()
    dev = {name: load_book(name) for name in dev_names}
    held = {name: load_book(name) for name in held_names}
    tasks = {part: unpc_tasks(part) for part in ("devset", "testset")}
    lexicon = devset_lexicon()
    kept = {name: get(name) for name in TERMS}
    rows = []
    for label, off in variants():
        for name in TERMS:
            put(name, off.get(name, kept[name]))
        figures = [micro_f1(dev), micro_f1(held), micro_f1(tasks["devset"], lexicon=lexicon),
                   micro_f1(tasks["testset"], lexicon=lexicon)]
        rows.append([label, *(f"{x:.4f}" for x in figures)])
        print(" | ".join(map(str, rows[-1])), flush=True)
    for name in TERMS:
        put(name, kept[name])
    grid = table(["aligner", "development books", "held-out books", "UNPC devset tasks",
                  "UNPC testset tasks"], rows)
    body = NOTES.read_text(encoding="utf-8").replace("<!-- table -->", grid)
    write_section("align-features", "Aligner features for literary text (issue 13)", body)


if __name__ == "__main__":
    main()
