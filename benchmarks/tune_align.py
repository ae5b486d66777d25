"""Tune the aligner's cost weights on development material only: TransRead development books
and UNPC devset tasks; never on held-out books or testset tasks.

The 11 TransRead books (``../shared/corpus/transread_gold_sentence_alignment/vecalign_format``)
are sorted by name and split by position: the books at odd positions (Candide, Emma,
LaFauteDeLAbbeMouret, LesTravailleursDeLaMer, VingtMilleLieuesSousLesMers) are the
*development* split, the six at even positions the *held-out* split (:func:`split`). The split
was fixed before any tuning and does not look at the scores.

The UNPC devset tasks (:func:`benchmarks.make_tasks.tasks`, merges and drops made from the
devset pairs, aligned with the devset-only lexicon) are the UN development material; the
testset tasks are held out. The objective is the mean of the two development figures (micro
strict F1 of the development books, micro strict F1 of the devset tasks).

The procedure is a coordinate descent on that objective: for
every weight in turn (:data:`CLASSICAL` or, with ``--embed``, :data:`EMBED`), try the current
value times each factor of :data:`FACTORS` and keep the best (a change must gain at least
:data:`MIN_GAIN`); :data:`ROUNDS` passes. It prints the chosen values, which are then written
by hand into ``aligner/align/search.py``. Held-out figures come from
``benchmarks/bench_nulls.py``, never from here.

``--confidence`` instead fits the per-bead confidence (:mod:`aligner.align.confidence`) by
logistic regression on the beads the aligner finds in the same development material (right =
identical to a gold bead), and the document-relatedness threshold on those documents and on
mismatched pairs of them; with ``--embed`` on a fixed part of it
(:data:`EMBED_CONFIDENCE_BOOKS` and eight tasks).

``--lexicons`` compares the word tables (UN Dice, general IBM model 1, both) on the
development books: 1-1 retrieval (:func:`retrieval`) and micro strict F1.

``--errors`` prints, per gold bead shape, how many gold beads of the development books the
aligner misses (strict), the error analysis behind the tuning.

Usage: ``python benchmarks/tune_align.py [--embed] [--only NAME,NAME] [--confidence] [--errors]
[--lexicons]``
(about 10 s per evaluation classical; the embedding mode first embeds the development
material, cached on disk by :class:`benchmarks.align_peers.CachedEncoder`). Tune classical
first.
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
#: The development books the embedding-mode confidence is fitted on (with 8 UNPC devset tasks).
EMBED_CONFIDENCE_BOOKS = ("Emma", "LaFauteDeLAbbeMouret")
#: Prior groups: a bead shape and its mirror share one probability.
PRIOR_GROUPS = {
    "prior_null": [(1, 0), (0, 1)],
    "prior_12": [(1, 2), (2, 1)],
    "prior_13": [(1, 3), (3, 1)],
    "prior_22": [(2, 2)],
    "prior_14": [(1, 4), (4, 1)],
    "prior_23": [(2, 3), (3, 2)],
    "prior_1n": [(1, 5), (5, 1), (1, 6), (6, 1), (1, 7), (7, 1)],
}
CLASSICAL = [
    *PRIOR_GROUPS,
    "LENGTH_WEIGHT",
    "NULL_LENGTH_WEIGHT",
    "LEXICAL_WEIGHT",
    "LEXICAL_BASE",
    "COVER_WEIGHT",
    "COVER_FRACTION",
    "COVER_SMOOTH",
    "DIALOGUE_PENALTY",
    "QUESTION_PENALTY",
    "CLAUSE_BONUS",
    "CONTINUATION_PENALTY",
    "SPLIT_WEIGHT",
    "SPLIT_CAP",
    "CLOSING_PENALTY",
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


def micro_f1(books: dict, embedder=None, lexicon=None) -> float:
    """Micro strict F1 over all gold beads of ``books`` ({name: (fr, en, gold)})."""
    from aligner.align import align
    from aligner.evaluate import strict

    counts = [0, 0, 0, 0]
    for fr, en, gold in books.values():
        pred = [(b.fr, b.en) for b in align(fr, en, embedder=embedder, lexicon=lexicon)]
        for k, value in enumerate(strict(pred, gold).counts):
            counts[k] += value
    hit_p, n_p, hit_g, n_g = counts
    p, r = hit_p / max(n_p, 1), hit_g / max(n_g, 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def shape_errors(books: dict, lexicon=None) -> dict[tuple[int, int], tuple[int, int]]:
    """``{gold shape: (missed, total)}`` over the gold beads of ``books`` ({name: (fr, en,
    gold)}): a gold bead is missed when the aligner does not output it exactly (strict)."""
    from aligner.align import align

    missed: dict[tuple[int, int], list[int]] = {}
    for fr, en, gold in books.values():
        found = {(tuple(b.fr), tuple(b.en)) for b in align(fr, en, lexicon=lexicon)}
        for bead_fr, bead_en in gold:
            row = missed.setdefault((len(bead_fr), len(bead_en)), [0, 0])
            row[0] += (tuple(bead_fr), tuple(bead_en)) not in found
            row[1] += 1
    return {shape: (row[0], row[1]) for shape, row in sorted(missed.items())}


def retrieval(books: dict, lexicon=None, window: int = 3) -> float:
    """How often the lexical keys pick the right English sentence of a 1-1 gold bead of
    ``books`` among its ``2·window + 1`` neighbours (the highest weighted Dice wins): how
    well a word table explains these books, whatever the rest of the cost."""
    from aligner.align.features import build_sides, self_weight

    right = total = 0
    for fr, en, gold in books.values():
        side_fr, side_en, weights = build_sides(fr, en, (), lexicon)
        wlist = weights.tolist()
        own_fr, own_en = self_weight(side_fr, weights), self_weight(side_en, weights)
        for bead_fr, bead_en in gold:
            if len(bead_fr) != 1 or len(bead_en) != 1:
                continue
            i, j = bead_fr[0], bead_en[0]
            dice = {k: 2 * sum(wlist[key] for key in side_fr.keys[i] & side_en.keys[k])
                    / (own_fr[i] + own_en[k] + 1e-9)
                    for k in range(max(0, j - window), min(len(en), j + window + 1))}
            right += max(dice, key=dice.__getitem__) == j
            total += 1
    return right / max(total, 1)


def unpc_tasks(part: str) -> dict:
    """The UNPC tasks of ``part`` as ``{name: (fr, en, gold)}``."""
    from benchmarks.make_tasks import tasks

    return {t.name: (t.fr, t.en, t.gold) for t in tasks(part)}


def objective(dev: dict, unpc: dict, embedder=None) -> tuple[float, float, float]:
    """(mean, TransRead development F1, UNPC devset F1)."""
    from benchmarks.make_tasks import devset_lexicon

    books = micro_f1(dev, embedder) if dev else 0.0
    tasks_f1 = micro_f1(unpc, embedder, devset_lexicon()) if unpc else 0.0
    parts = [x for x, have in ((books, dev), (tasks_f1, unpc)) if have]
    return sum(parts) / len(parts), books, tasks_f1


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


def descend(names: list[str], dev: dict, unpc: dict, embedder=None) -> float:
    best, books, tasks_f1 = objective(dev, unpc, embedder)
    print(f"start: {best:.4f} (books {books:.4f}, UNPC tasks {tasks_f1:.4f})", flush=True)
    for round_ in range(ROUNDS):
        changed = False
        for name in names:
            start = get(name)
            choice = start
            for factor in FACTORS:
                put(name, start * factor)
                score, books, tasks_f1 = objective(dev, unpc, embedder)
                if score > best + MIN_GAIN:
                    best, choice, changed = score, start * factor, True
                    print(f"  {name} = {choice:.4g}: {best:.4f} (books {books:.4f}, "
                          f"UNPC tasks {tasks_f1:.4f})", flush=True)
            put(name, choice)
            print(f"round {round_ + 1}: {name} = {choice:.4g} -> {best:.4f}", flush=True)
        if not changed:
            break
    return best


def bead_rows(items: dict, embedder=None, lexicon=None, nulls: bool = True):
    """Confidence features and right/wrong labels of the beads the aligner finds in ``items``:
    (pair features, pair labels, null features, null labels); ``nulls=False`` leaves the
    null beads out (in unrelated documents every sentence really has no counterpart)."""
    from aligner.align import driver
    from aligner.evaluate import bead_labels

    pair_x, pair_y, null_x, null_y, documents = [], [], [], [], []
    for fr, en, gold in items.values():
        rows: list = []
        beads = driver.align_features(
            fr, en, fr_paragraphs=None, en_paragraphs=None, anchors=(), terms=(), scorer=None,
            embedder=embedder, width=24, lexicon=lexicon, features_out=rows,
        )
        documents.append(driver.document_evidence(beads, rows))
        for bead, row, right in zip(beads, rows, bead_labels(beads, gold), strict=True):
            if bead.is_pair:
                pair_x.append(row)
                pair_y.append(right)
            elif nulls:
                null_x.append(row)
                null_y.append(right)
    return pair_x, pair_y, null_x, null_y, documents


def mismatched(items: dict, limit: int = 300) -> dict:
    """Document pairs that are not translations of each other: the French of every item with
    the English of the next (at most ``limit`` sentences each); every bead of their alignment
    is wrong, so the confidence also learns what unrelated documents look like."""
    names = list(items)
    out = {}
    for k, name in enumerate(names):
        fr = items[name][0][:limit]
        en = items[names[(k + 1) % len(names)]][1][:limit]
        out[f"{name}/mismatched"] = (fr, en, [])
    return out


def logistic(x, y, weight=None, l2: float = 1.0, steps: int = 30):
    """Weights and bias of an L2-regularised logistic regression (Newton's method), with
    optional per-sample weights."""
    import numpy as np

    data = np.hstack([np.asarray(x, dtype=float), np.ones((len(x), 1))])
    target = np.asarray(y, dtype=float)
    sample = np.ones(len(x)) if weight is None else np.asarray(weight, dtype=float)
    w = np.zeros(data.shape[1])
    ridge = l2 * np.eye(data.shape[1])
    ridge[-1, -1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(data @ w, -30, 30)))
        grad = data.T @ (sample * (p - target)) + ridge @ w
        hess = (data * (sample * p * (1 - p))[:, None]).T @ data + ridge + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return [round(float(v), 3) for v in w[:-1]], round(float(w[-1]), 3)


def fit_confidence(dev: dict, unpc: dict, embedder=None) -> None:
    """Fit the confidence weights on development beads and print them (and the dev AUC)."""
    from aligner.evaluate import roc_auc
    from benchmarks.make_tasks import devset_lexicon

    lexicon = devset_lexicon()
    real = [bead_rows(dev, embedder), bead_rows(unpc, embedder, lexicon)]
    unrelated = [bead_rows(mismatched(dev), embedder, nulls=False),
                 bead_rows(mismatched(unpc), embedder, lexicon, nulls=False)]
    pair_x = [r for part in real for r in part[0]]
    pair_y = [r for part in real for r in part[1]]
    null_x = [r for part in real for r in part[2]]
    null_y = [r for part in real for r in part[3]]
    if embedder is None:
        pair_x = [r[:-1] for r in pair_x]
    weights, bias = logistic(pair_x, pair_y)
    if embedder is None:
        weights.append(0.0)
        pair_x = [r + [0.0] for r in pair_x]
    print(f"pair beads: {len(pair_y)} ({pair_y.count(False)} wrong); weights {tuple(weights)}, "
          f"bias {bias}")
    import numpy as np

    scores = ((np.asarray(pair_x) @ np.asarray(weights)) + bias).tolist()
    books = len(real[0][1])  # (the books' beads come first)
    print(f"development pair-bead ROC AUC {roc_auc(scores, pair_y):.4f} (books "
          f"{roc_auc(scores[:books], pair_y[:books]):.4f}, UNPC tasks "
          f"{roc_auc(scores[books:], pair_y[books:]):.4f}; without the documents' relatedness)")
    doc_x = [[d] for part in real for d in part[4]] + [[d] for part in unrelated for d in part[4]]
    doc_y = [True] * sum(len(p[4]) for p in real) + [False] * sum(len(p[4]) for p in unrelated)
    print("document evidence: related", sorted(round(x[0], 3) for x, y in zip(doc_x, doc_y, strict=True)
                                              if y)[:5], "... unrelated ...",
          sorted(round(x[0], 3) for x, y in zip(doc_x, doc_y, strict=True) if not y)[-5:])
    gap = (min(x[0] for x, y in zip(doc_x, doc_y, strict=True) if y)
           + max(x[0] for x, y in zip(doc_x, doc_y, strict=True) if not y)) / 2
    print(f"DOCUMENT: centre of the gap {gap:.3f} (a logistic fit of separable data would "
          "grow without bound: set a steep slope, e.g. 40, centred there)")
    if len(set(null_y)) == 2:
        null_w, null_b = logistic(null_x, null_y)
        print(f"null beads: {len(null_y)} ({null_y.count(False)} wrong); NULL = "
              f"({null_w[0]}, {null_b})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--embed", action="store_true", help="tune the embedding weights")
    parser.add_argument("--only", help="comma-separated weight names to tune")
    parser.add_argument("--confidence", action="store_true",
                        help="fit the bead-confidence weights instead")
    parser.add_argument("--errors", action="store_true",
                        help="print the development books' missed gold beads by shape")
    parser.add_argument("--lexicons", action="store_true",
                        help="compare the word tables on the development books")
    args = parser.parse_args()
    dev_names, _held_names = split()
    dev = {name: load_book(name) for name in dev_names}
    if args.lexicons:
        from aligner.align.lexicon import load, load_general

        un, general = load(), load_general()
        both = {f: un.get(f, frozenset()) | general.get(f, frozenset()) for f in {*un, *general}}
        for name, table in (("UN Dice", un), ("general IBM-1", general), ("both", both)):
            print(f"{name}: {len(table)} French words; 1-1 retrieval "
                  f"{retrieval(dev, table):.4f}, micro strict F1 {micro_f1(dev, lexicon=table):.4f}")
        return
    if args.errors:
        for (a, b), (missed, total) in shape_errors(dev).items():
            print(f"{a}-{b}: {missed} of {total} gold beads missed")
        return
    unpc = unpc_tasks("devset")
    if args.embed and args.confidence:
        # embedding all the development material takes long on a shared machine: fit the
        # embedding-mode confidence on a fixed part of it (two books, eight tasks)
        dev = {name: dev[name] for name in EMBED_CONFIDENCE_BOOKS}
        unpc = dict(list(unpc.items())[:8])
    embedder = None
    if args.embed:
        from benchmarks.align_peers import CachedEncoder

        embedder = CachedEncoder()
    if args.confidence:
        fit_confidence(dev, unpc, embedder)
        if embedder is not None:
            embedder.save()
        return
    names = EMBED if args.embed else CLASSICAL
    if args.only:
        names = args.only.split(",")
    best = descend(names, dev, unpc, embedder)
    print(f"development ({', '.join(dev_names)} + UNPC devset tasks): {best:.4f}")
    for name in names:
        print(f"  {name} = {get(name):.4g}")


if __name__ == "__main__":
    main()
