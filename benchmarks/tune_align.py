"""Tune the aligner's cost weights on a development split of TransRead; never on held-out books.

The 11 TransRead books (``../shared/corpus/transread_gold_sentence_alignment/vecalign_format``)
are sorted by name and split by position: the books at odd positions (Candide, Emma,
LaFauteDeLAbbeMouret, LesTravailleursDeLaMer, VingtMilleLieuesSousLesMers) are the
*development* split, the six at even positions the *held-out* split (:func:`split`). The split
was fixed before any tuning and does not look at the scores.

The procedure is a coordinate descent on the micro strict F1 of the development books: for
every weight in turn (:data:`CLASSICAL` or, with ``--embed``, :data:`EMBED`), try the current
value times each factor of :data:`FACTORS` and keep the best (a change must gain at least
:data:`MIN_GAIN`); :data:`ROUNDS` passes. It prints the chosen values, which are then written
by hand into ``aligner/align/search.py``, and the held-out figures once, at the end.

Usage: ``python benchmarks/tune_align.py [--embed]`` (about 2 minutes classical; the embedding
mode first embeds the development books, about 1 minute more). Tune classical first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.report import SHARED  # noqa: E402

BOOKS = SHARED / "corpus" / "transread_gold_sentence_alignment" / "vecalign_format"
FACTORS = (0.5, 0.75, 1.33, 2.0)
ROUNDS = 2
MIN_GAIN = 0.0005
#: Prior groups: a bead shape and its mirror share one probability.
PRIOR_GROUPS = {
    "prior_null": [(1, 0), (0, 1)],
    "prior_12": [(1, 2), (2, 1)],
    "prior_13": [(1, 3), (3, 1)],
    "prior_22": [(2, 2)],
    "prior_14": [(1, 4), (4, 1)],
    "prior_23": [(2, 3), (3, 2)],
}
CLASSICAL = [
    *PRIOR_GROUPS,
    "LENGTH_WEIGHT",
    "NULL_LENGTH_WEIGHT",
    "LEXICAL_WEIGHT",
    "LEXICAL_BASE",
]
#: The embedding mode tunes only its own weights (the priors are shared with classical mode).
EMBED = ["EMBED_WEIGHT", "EMBED_BASE", "EMBED_LEXICAL_WEIGHT"]


def split() -> tuple[list[str], list[str]]:
    """``(development, held_out)`` book names: odd and even positions in name order."""
    names = sorted(d.name for d in BOOKS.iterdir() if d.is_dir())
    return names[1::2], names[0::2]


def load_book(name: str):
    from aligner.formats import beads as bead_format

    fr = (BOOKS / name / "fr.txt").read_text("utf-8").splitlines()
    en = (BOOKS / name / "en.txt").read_text("utf-8").splitlines()
    gold = [(b.fr, b.en) for b in bead_format.load(BOOKS / name / "gold.fren").beads()]
    return fr, en, gold


def micro_f1(books: dict, embedder=None) -> float:
    """Micro strict F1 over all gold beads of ``books`` ({name: (fr, en, gold)})."""
    from aligner.align import align
    from aligner.evaluate import strict

    counts = [0, 0, 0, 0]
    for fr, en, gold in books.values():
        pred = [(b.fr, b.en) for b in align(fr, en, embedder=embedder)]
        for k, value in enumerate(strict(pred, gold).counts):
            counts[k] += value
    hit_p, n_p, hit_g, n_g = counts
    p, r = hit_p / max(n_p, 1), hit_g / max(n_g, 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def get(name: str) -> float:
    from aligner.align import search

    if name in PRIOR_GROUPS:
        return search.PRIORS[PRIOR_GROUPS[name][0]]
    return getattr(search, name)


def put(name: str, value: float) -> None:
    from aligner.align import search

    if name in PRIOR_GROUPS:
        for shape in PRIOR_GROUPS[name]:
            search.PRIORS[shape] = value
    else:
        setattr(search, name, value)


def cached_embedder(books: dict):
    """Embed every sentence of ``books`` once; the returned embedder looks them up."""
    import numpy as np

    from aligner.align.embed import load_embedder

    model = load_embedder()
    table = {}
    for fr, en, _gold in books.values():
        for side in (fr, en):
            table.update(zip(side, model(side), strict=True))
    return lambda sentences: np.stack([table[s] for s in sentences])


def descend(names: list[str], books: dict, embedder=None) -> float:
    best = micro_f1(books, embedder)
    print(f"start: dev micro strict F1 {best:.4f}", flush=True)
    for round_ in range(ROUNDS):
        changed = False
        for name in names:
            start = get(name)
            choice = start
            for factor in FACTORS:
                put(name, start * factor)
                score = micro_f1(books, embedder)
                if score > best + MIN_GAIN:
                    best, choice, changed = score, start * factor, True
            put(name, choice)
            print(f"round {round_ + 1}: {name} = {choice:.4g} -> {best:.4f}", flush=True)
        if not changed:
            break
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--embed", action="store_true", help="tune the embedding weights")
    args = parser.parse_args()
    dev_names, held_names = split()
    dev = {name: load_book(name) for name in dev_names}
    embedder = cached_embedder(dev) if args.embed else None
    best = descend(EMBED if args.embed else CLASSICAL, dev, embedder)
    print(f"development ({', '.join(dev_names)}): {best:.4f}")
    for name in EMBED if args.embed else CLASSICAL:
        print(f"  {name} = {get(name):.4g}")
    if not args.embed:
        held = {name: load_book(name) for name in held_names}
        print(f"held-out ({', '.join(held_names)}): {micro_f1(held):.4f}")


if __name__ == "__main__":
    main()
