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
    hit_p = sum(1 for b in pred if _meets(b, gold_pairs))
    hit_g = sum(1 for b in gold_pairs if _meets(b, pred))
    return _scores(hit_p, len(pred), hit_g, len(gold_pairs))


def _meets(bead: Pair, others: Sequence[Pair]) -> bool:
    fr, en = set(bead[0]), set(bead[1])
    return any(fr.intersection(o[0]) and en.intersection(o[1]) for o in others)


def _scores(hit_p: int, n_pred: int, hit_g: int, n_gold: int) -> Scores:
    p = hit_p / n_pred if n_pred else 0.0
    r = hit_g / n_gold if n_gold else 0.0
    return Scores(p, r, _f1(p, r), (hit_p, n_pred, hit_g, n_gold))
