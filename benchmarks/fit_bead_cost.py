"""A learnt bead cost: the search's linear weights fitted by a structured perceptron on the
development material (TransRead development books, UNPC devset tasks), instead of the
coordinate descent of ``benchmarks/tune_align.py``.

The search's cost of a bead is linear in most of its weights (:mod:`aligner.align.search`):
the bead-shape priors (``-log P``), ``LENGTH_WEIGHT``, ``NULL_LENGTH_WEIGHT``,
``LEXICAL_WEIGHT``, ``COVER_WEIGHT`` and the punctuation weights (:data:`TERMS`). The other
settings (``LEXICAL_BASE``, ``COVER_FRACTION``, ``COVER_SMOOTH``, ``SPLIT_CAP``) stay fixed.
A path's *features* are, for every linear weight, the sum over its beads of that term's
contribution at weight 1 (:func:`path_features`: the search's own cost arrays,
:func:`aligner.align.costs.block`, with the weight at its value and at 0); for a prior, the
number of beads of its shapes.

Every epoch aligns every development document with the current weights, and moves the
weights so that the gold paths get cheaper than the found ones (the structured perceptron's
update ``θ ← θ − η (Φ(gold) − Φ(found))``, made in log space so that every weight keeps its
sign, summed over the documents, each set's documents scaled by the set's gold beads so that
the books and the tasks count alike, and normalised so that the largest change of a log
weight is ``--step``). The weights are averaged over the
epochs; each epoch's and the average's development figures are printed (micro strict F1 of
the development books and of the devset tasks). Held-out books and testset tasks are never
read here.

Usage: ``python benchmarks/fit_bead_cost.py [--epochs 8] [--step 0.1] [--books-only]``;
prints the fitted values, which would be written by hand into ``aligner/align/search.py`` if
they did better. They did not (issue 13, fifth round: ``benchmarks/transread_history.py``);
the weights stay those of the coordinate descent.
"""

from __future__ import annotations

import argparse
import math
import sys
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import tune_align  # noqa: E402

#: The search's linear weights (module constants) and their :class:`aligner.align.costs.Weights` fields.
TERMS = {
    "LENGTH_WEIGHT": "length",
    "NULL_LENGTH_WEIGHT": "null_length",
    "LEXICAL_WEIGHT": "lexical",
    "COVER_WEIGHT": "cover",
    "DIALOGUE_PENALTY": "dialogue",
    "QUESTION_PENALTY": "question",
    "CLAUSE_BONUS": "clause",
    "CONTINUATION_PENALTY": "continuation",
    "SPLIT_WEIGHT": "split",
    "CLOSING_PENALTY": "closing",
}
#: Prior groups (a shape and its mirror share one prior), the 1-1 prior included.
PRIORS = {"prior_11": [(1, 1)], **tune_align.PRIOR_GROUPS}
#: The half-width of the band the features are read in (around the path itself).
WIDTH = 8
STEP = 0.1


def _problem(fr, en, path, lexicon):
    """The search problem of a document pair, its band centred on ``path``."""
    from aligner.align import band, search
    from aligner.align.banded import band_overlap
    from aligner.align.features import build_sides, self_weight
    from aligner.align.lengths import document_ratio

    n, m = len(fr), len(en)
    side_fr, side_en, weights = build_sides(fr, en, (), lexicon)
    rare = band.rare_anchors(side_fr, side_en, weights)
    ratio = document_ratio(side_fr.lengths, side_en.lengths, band.monotone_chain(rare))
    lo, hi = band.band_limits(band.centres_from_path(path, n), m, WIDTH)
    matches = band_overlap(side_fr, side_en, weights, *search.match_ranges(lo, hi, n, m))
    return search.Problem(side_fr.lengths, side_en.lengths, lo, hi, matches,
                          self_weight(side_fr, weights), self_weight(side_en, weights),
                          ratio=ratio, marks_fr=side_fr.marks, marks_en=side_en.marks)


def _bead_costs(problem, path, weights) -> np.ndarray:
    """The cost of every bead of ``path`` under ``weights``."""
    from aligner.align import costs, search

    shapes = [(a, b) for a, b in search.TYPES if a]
    width = int((problem.hi - problem.lo).max())
    rows = np.arange(len(problem.len_fr) + 1)
    cost, _source, step = costs.block(costs.Tables(problem, weights), weights, shapes, rows,
                                      width, search.SLOTS)
    out = []
    for rf, re in path:
        i, j = rf.stop, re.stop
        column = j - int(problem.lo[i])
        if rf:
            out.append(cost[i, shapes.index((len(rf), len(re))), column])
        else:
            out.append(step[i, column])
    return np.asarray(out)


def unreachable(path) -> tuple[set[int], set[int]]:
    """The French and English sentences of the beads of ``path`` whose shape the search
    cannot make (a gold 2-4 bead): no path the search finds can have them."""
    from aligner.align import search

    bad_fr: set[int] = set()
    bad_en: set[int] = set()
    for rf, re in path:
        if (len(rf), len(re)) not in search.PRIORS:
            bad_fr.update(rf)
            bad_en.update(re)
    return bad_fr, bad_en


def path_features(fr, en, path, lexicon, leave_out=(set(), set())) -> np.ndarray:
    """Φ(path): per linear weight (:data:`TERMS`, then :data:`PRIORS`), the sum over the
    path's beads of that term at weight 1 (for a prior, the number of its beads); beads with a
    sentence of ``leave_out`` (French, English: :func:`unreachable`) are left out."""
    from dataclasses import replace

    from aligner.align import search

    problem = _problem(fr, en, path, lexicon)
    weights = search.current_weights()
    path = [(rf, re) for rf, re in path
            if not (set(rf) & leave_out[0] or set(re) & leave_out[1])]
    full = _bead_costs(problem, path, weights)
    if not np.isfinite(full).all():
        raise ValueError("a bead of the path is outside the band")
    out = []
    for name, field in TERMS.items():
        value = getattr(search, name)
        without = _bead_costs(problem, path, replace(weights, **{field: 0.0}))
        out.append(float((full - without).sum()) / value)
    shapes = [(len(rf), len(re)) for rf, re in path]
    for group in PRIORS.values():
        out.append(float(sum(shape in group for shape in shapes)))
    return np.asarray(out)


def get_theta() -> np.ndarray:
    """The current linear weights, priors as ``-log P``."""
    from aligner.align import search

    values = [getattr(search, name) for name in TERMS]
    values += [-math.log(search.PRIORS[group[0]]) for group in PRIORS.values()]
    return np.asarray(values)


def put_theta(theta: np.ndarray) -> None:
    from aligner.align import search

    for name, value in zip(TERMS, theta, strict=False):
        setattr(search, name, float(value))
    for group, value in zip(PRIORS.values(), theta[len(TERMS):], strict=True):
        for shape in group:
            search.PRIORS[shape] = math.exp(-float(value))


def as_path(beads) -> list[tuple[range, range]]:
    """``(fr, en)`` index tuples (gold beads, or found beads' sides) as a path of ranges
    (an empty side sits at the boundary where the path is)."""
    at_fr = at_en = 0
    path = []
    for bead_fr, bead_en in beads:
        path.append((range(at_fr, at_fr + len(bead_fr)), range(at_en, at_en + len(bead_en))))
        at_fr += len(bead_fr)
        at_en += len(bead_en)
    return path


@contextmanager
def margin(gold_path, amount: float):
    """Loss-augmented search: inside the block, every bead that is not a gold bead costs
    ``amount`` less (the search finds the path that the costs rank worst against the gold,
    counting one per wrong bead, and the update moves away from it)."""
    from aligner.align import costs

    original = costs.block
    ends: dict[int, list[tuple[int, int, int]]] = {}
    for rf, re in gold_path:
        ends.setdefault(rf.stop, []).append((re.stop, len(rf), len(re)))

    def block(tables, weights, shapes, rows, width, slots):
        cost, source, step = original(tables, weights, shapes, rows, width, slots)
        cost = cost - amount
        step = step - amount
        step[:, 0] = 0.0
        for r, i in enumerate(rows.tolist()):
            for j, a, b in ends.get(i, ()):
                column = j - int(tables.lo[i])
                if not 0 <= column < width:
                    continue
                if a:
                    if (a, b) in shapes:
                        cost[r, shapes.index((a, b)), column] += amount
                elif column:
                    step[r, column] += amount
        return cost, source, step

    costs.block = block
    try:
        yield
    finally:
        costs.block = original


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--step", type=float, default=STEP)
    parser.add_argument("--books-only", action="store_true",
                        help="fit on the development books alone (the tasks still measured)")
    parser.add_argument("--margin", type=float, default=0.0,
                        help="loss-augmented search while fitting: a wrong bead costs this less")
    args = parser.parse_args()
    from aligner.align import align
    from benchmarks.make_tasks import devset_lexicon

    dev_names, _held_out = tune_align.split()
    books = {name: tune_align.load_book(name) for name in dev_names}
    tasks = tune_align.unpc_tasks("devset")
    lexicon = devset_lexicon()
    documents = [(fr, en, gold, None) for fr, en, gold in books.values()]
    documents += [(fr, en, gold, lexicon) for fr, en, gold in tasks.values()]
    left_out = [unreachable(as_path(gold)) for _fr, _en, gold, _lex in documents]
    gold_features = [path_features(fr, en, as_path(gold), lex, out)
                     for (fr, en, gold, lex), out in zip(documents, left_out, strict=True)]
    # the two sets count alike (the tuner's objective is the mean of their figures): every
    # document's share of the gradient is 1 / (2 · the gold beads of its set)
    share = [1 / (2 * sum(len(gold) for gold in part)) for part in
             ([g for _f, _e, g in books.values()], [g for _f, _e, g in tasks.values()])]
    shares = [share[0]] * len(books) + [0.0 if args.books_only else share[1]] * len(tasks)
    theta = get_theta()
    names = [*TERMS, *PRIORS]
    print("start:", _figures(books, tasks, lexicon), flush=True)
    total = np.zeros_like(theta)
    for epoch in range(args.epochs):
        put_theta(theta)
        gradient = np.zeros_like(theta)
        for (fr, en, gold, lex), phi_gold, out, weight in zip(
                documents, gold_features, left_out, shares, strict=True):
            if not weight:
                continue
            with margin(as_path(gold), args.margin):
                found = as_path((b.fr, b.en) for b in align(fr, en, lexicon=lex))
            gradient += weight * (phi_gold - path_features(fr, en, found, lex, out))
        # d cost / d log θ = θ · Φ: a step on the log weights (every weight keeps its sign)
        change = gradient * theta
        scale = np.abs(change).max()
        if scale == 0:
            print(f"epoch {epoch + 1}: the gold paths are the found ones")
            break
        theta = theta * np.exp(-args.step * change / scale)
        total += theta
        put_theta(theta)
        print(f"epoch {epoch + 1}:", _figures(books, tasks, lexicon), flush=True)
    average = total / max(1, epoch + 1)
    put_theta(average)
    print("average:", _figures(books, tasks, lexicon))
    for name, value in zip(names, average, strict=True):
        shown = math.exp(-value) if name in PRIORS else value
        print(f"  {name} = {shown:.4g}")


def _figures(books, tasks, lexicon) -> str:
    return (f"books {tune_align.micro_f1(books):.4f}, "
            f"UNPC tasks {tune_align.micro_f1(tasks, lexicon=lexicon):.4f}")


if __name__ == "__main__":
    main()
