"""Precision, recall and F1 of predicted beads against gold beads (vecalign's convention).

As in vecalign's ``score.py``: beads with an empty side (1-0, 0-1) are left out of both the
predicted and the gold set. *Strict*: a predicted bead counts when the identical bead (same
French and same English indices) is in the gold. *Lax*: a predicted bead counts when some
gold bead shares at least one French and at least one English sentence with it; recall is
computed the same way from the gold side.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from aligner.errors import AlignmentError

Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    #: counts behind the figures: matched predicted, predicted, matched gold, gold
    counts: tuple[int, int, int, int]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(beads: Iterable) -> list[Pair]:
    out = []
    for bead in beads:
        fr, en = (bead.fr, bead.en) if hasattr(bead, "fr") else bead
        if fr and en:
            out.append((tuple(fr), tuple(en)))
    return out


def strict(predicted: Iterable, gold: Iterable) -> Scores:
    """Exact-bead precision/recall/F1.

    >>> s = strict([((0,), (0,)), ((1, 2), (1,)), ((3,), ())], [((0,), (0,)), ((1,), (1,)),
    ...            ((2,), ())])
    >>> s.precision, s.recall, round(s.f1, 3)
    (0.5, 0.5, 0.5)
    """
    pred, gold_pairs = _pairs(predicted), _pairs(gold)
    gold_set, pred_set = set(gold_pairs), set(pred)
    hit_p = sum(1 for b in pred if b in gold_set)
    hit_g = sum(1 for b in gold_pairs if b in pred_set)
    return _scores(hit_p, len(pred), hit_g, len(gold_pairs))


def lax(predicted: Iterable, gold: Iterable) -> Scores:
    """Overlap precision/recall/F1: a bead counts if it meets some bead of the other set on
    both sides.

    >>> s = lax([((0,), (0,)), ((1, 2), (1,))], [((0,), (0,)), ((1,), (1,)), ((2,), (2,))])
    >>> s.precision, round(s.recall, 3)
    (1.0, 0.667)
    """
    pred, gold_pairs = _pairs(predicted), _pairs(gold)
    gold_index, pred_index = _index(gold_pairs), _index(pred)
    hit_p = sum(1 for b in pred if _meets(b, gold_index))
    hit_g = sum(1 for b in gold_pairs if _meets(b, pred_index))
    return _scores(hit_p, len(pred), hit_g, len(gold_pairs))


def _index(beads: list[Pair]) -> tuple[list[Pair], dict[int, list[int]]]:
    """The beads and, for every French sentence, the beads that hold it."""
    by_fr: dict[int, list[int]] = {}
    for n, (fr, _en) in enumerate(beads):
        for i in fr:
            by_fr.setdefault(i, []).append(n)
    return beads, by_fr


def _meets(bead: Pair, index: tuple[list[Pair], dict[int, list[int]]]) -> bool:
    beads, by_fr = index
    en = set(bead[1])
    return any(en.intersection(beads[n][1]) for i in bead[0] for n in by_fr.get(i, ()))


def _scores(hit_p: int, n_pred: int, hit_g: int, n_gold: int) -> Scores:
    p = hit_p / n_pred if n_pred else 0.0
    r = hit_g / n_gold if n_gold else 0.0
    return Scores(p, r, _f1(p, r), (hit_p, n_pred, hit_g, n_gold))


def beads_from_texts(
    text_beads: Sequence[tuple[Sequence[str], Sequence[str]]], fr: Sequence[str], en: Sequence[str]
) -> list[Pair]:
    """Turn beads given as sentence texts into index beads over ``fr``/``en``.

    Sentences are looked up in order (a repeated sentence maps to its next occurrence), so a
    gold written as text survives a change in sentence numbering. Raises
    :class:`~aligner.errors.AlignmentError` when a sentence is not found.

    >>> beads_from_texts([(["A."], ["B.", "C."]), ([], ["D."])], ["A."], ["B.", "C.", "D."])
    [((0,), (0, 1)), ((), (2,))]
    """
    positions = {"fr": 0, "en": 0}
    sides = {"fr": list(fr), "en": list(en)}
    out: list[Pair] = []
    for bead in text_beads:
        ids: dict[str, tuple[int, ...]] = {}
        for lang, texts in zip(("fr", "en"), bead, strict=True):
            found = []
            for text in texts:
                try:
                    index = sides[lang].index(text, positions[lang])
                except ValueError:
                    raise AlignmentError(
                        f"gold {lang} sentence not in the segmentation: {text[:60]!r}"
                    ) from None
                found.append(index)
                positions[lang] = index + 1
            ids[lang] = tuple(found)
        out.append((ids["fr"], ids["en"]))
    return out


def bead_labels(predicted: Iterable, gold: Iterable) -> list[bool]:
    """For every predicted bead (nulls included), whether the identical bead is in the gold.

    >>> bead_labels([((0,), (0,)), ((1, 2), (1,)), ((3,), ())], [((0,), (0,)), ((3,), ())])
    [True, False, True]
    """
    gold_set = set()
    for bead in gold:
        fr, en = (bead.fr, bead.en) if hasattr(bead, "fr") else bead
        gold_set.add((tuple(fr), tuple(en)))
    out = []
    for bead in predicted:
        fr, en = (bead.fr, bead.en) if hasattr(bead, "fr") else bead
        out.append((tuple(fr), tuple(en)) in gold_set)
    return out


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the ROC curve of ``scores`` for telling ``labels`` True from False: the
    probability that a random right item scores above a random wrong one (ties count half).
    Raises :class:`~aligner.errors.AlignmentError` when one class is empty.

    >>> roc_auc([0.9, 0.8, 0.3, 0.1], [True, True, False, False])
    1.0
    >>> roc_auc([0.5, 0.5], [True, False])
    0.5
    """
    pos = sum(1 for y in labels if y)
    neg = len(labels) - pos
    if not pos or not neg:
        raise AlignmentError("ROC AUC needs both right and wrong items")
    order = sorted(range(len(scores)), key=lambda k: scores[k])
    # mid-ranks of tied scores
    ranks = [0.0] * len(scores)
    k = 0
    while k < len(order):
        end = k
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[k]]:
            end += 1
        for t in range(k, end + 1):
            ranks[order[t]] = (k + end) / 2 + 1
        k = end + 1
    rank_sum = sum(r for r, y in zip(ranks, labels, strict=True) if y)
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)
