"""Per-bead confidence: the estimated probability that a bead is exactly right.

Every bead of the best path gets a few features of its own evidence (:func:`features`):

* ``lexical``: the weighted Dice of the keys its two sides share, minus the background Dice
  of random sentence pairs of the same two documents;
* ``weakest``: the smallest share of a member sentence's key weight found on the other side
  (a sentence absorbed from a neighbour, or a null bead's sentence merged in, scores ≈ 0);
* ``rival``: how much of the bead's evidence a neighbouring sentence of the other side (just
  before or after the bead) also explains: high when the bead boundary could be one off;
* ``length``: the Gale–Church ``δ²`` of the bead;
* ``merged``: 1 for a bead with more than one sentence on a side;
* ``evidence``: ``log(1 + shared key weight)``: a short bead has little evidence either way;
* its neighbours on the path (:func:`with_context`): ``null_beside``, 1 when the bead before
  or after it is a null bead (1-0/0-1); ``weakest_beside``, the smallest ``weakest`` of the
  neighbouring pair beads (1 when neither is one); ``merged_beside``, 1 when a neighbouring
  pair bead has more than one sentence on a side. A wrong bead is mostly a boundary in the
  wrong place: a null bead that belongs in its neighbour, or a sentence a merged neighbour
  took from it, so the doubt is in the neighbours as much as in the bead (on the development
  material these three raised the books' pair-bead ROC AUC from 0.777 to 0.849 and the devset
  tasks' from 0.944 to 0.988);
* ``semantic`` (with embeddings): the cosine of the bead's two sides minus the background.

The score is ``P(related) · sigmoid(w · features + b)``, where ``P(related)``
(:func:`related`) is the probability that the two documents are translations at all, from
the median ``lexical`` feature of all their pair beads. The weights (:data:`CLASSICAL`, :data:`EMBEDDED`)
were fitted by logistic regression (``python benchmarks/tune_align.py --confidence``) on the
beads the aligner produced for the *development* material only (TransRead development books
and UNPC devset tasks), with "right" meaning the bead is in the gold; the held-out ROC AUC is
in BENCHMARKS.md. A null bead (1-0/0-1) scores the probability that its sentence really has
no counterpart: a sigmoid of its best evidence with the neighbouring sentences of the other
side (:data:`NULL`, fitted the same way on the development null beads), times
``P(related)`` too: in documents that are not translations of each other no bead is right.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

#: Feature names, in the order of the weight vectors.
NAMES = ("lexical", "weakest", "rival", "length", "merged", "evidence", "null_beside",
         "weakest_beside", "merged_beside", "semantic")
#: (weights, bias) without embeddings; fitted on development beads.
CLASSICAL = ((0.875, 4.169, -0.614, -0.065, -1.568, -0.117, -2.611, 0.81, -0.649, 0.0), 3.342)
#: (weights, bias) with embeddings; fitted on a fixed part of the development material
#: (``tune_align.EMBED_CONFIDENCE_BOOKS`` and eight UNPC devset tasks).
EMBEDDED = ((1.082, 1.403, -0.202, -0.135, -1.65, -0.176, -2.295, 0.673, -0.452, 2.093), 2.924)
#: (weight, bias) of a null bead's best neighbouring evidence (higher evidence: less sure).
NULL = (-0.689, 1.565)
#: (weight, bias) of a document pair's median bead ``lexical`` feature: the probability
#: that the two documents are translations at all, which multiplies every pair bead's score.
#: On the development material (5 books and 33 UNPC tasks, and each aligned with the next
#: one's English) the medians are ≥ 0.366 for translations and ≤ 0.068 for unrelated pairs:
#: a steep sigmoid centred in that gap (0.217).
DOCUMENT = (40.0, -8.68)
#: Smoothing of the per-sentence coverage (key weight), as in the search.
SMOOTH = 10.0


def sigmoid(x: float) -> float:
    """The logistic function.

    >>> sigmoid(0.0)
    0.5
    """
    if x < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


def _overlap(keys: frozenset[int], other: frozenset[int], weights: list[float]) -> float:
    return sum(weights[k] for k in keys & other)


def _union(keys: Sequence[frozenset[int]], ids: Sequence[int]) -> frozenset[int]:
    out: set[int] = set()
    for k in ids:
        out |= keys[k]
    return frozenset(out)


def _coverage(keys, own, ids, other: frozenset[int], wlist) -> list[float]:
    return [_overlap(keys[k], other, wlist) / (own[k] + SMOOTH) for k in ids]


def features(
    rf: range,
    re: range,
    side_fr,
    side_en,
    wlist: list[float],
    own_fr: np.ndarray,
    own_en: np.ndarray,
    background: tuple[float, float],
    delta2: float,
    cosine: float | None,
) -> list[float]:
    """The feature vector of a pair bead (see the module docstring)."""
    keys_fr, keys_en = side_fr.keys, side_en.keys
    if len(rf) == 1 and len(re) == 1:  # most beads: no unions, one intersection
        bag_fr, bag_en = keys_fr[rf.start], keys_en[re.start]
        shared = _overlap(bag_fr, bag_en, wlist)
        own_f, own_e = float(own_fr[rf.start]), float(own_en[re.start])
        total = own_f + own_e
        weakest = min(shared / (own_f + SMOOTH), shared / (own_e + SMOOTH))
    else:
        bag_fr = _union(keys_fr, rf)
        bag_en = _union(keys_en, re)
        shared = _overlap(bag_fr, bag_en, wlist)
        total = float(own_fr[rf.start : rf.stop].sum() + own_en[re.start : re.stop].sum())
        weakest = min(_coverage(keys_fr, own_fr, rf, bag_en, wlist)
                      + _coverage(keys_en, own_en, re, bag_fr, wlist))
    dice = 2 * shared / total if total else 0.0
    rival = 0.0
    for j in (re.start - 1, re.stop):
        if 0 <= j < len(keys_en):
            rival = max(rival, _overlap(bag_fr, keys_en[j], wlist) / (shared + SMOOTH))
    for i in (rf.start - 1, rf.stop):
        if 0 <= i < len(keys_fr):
            rival = max(rival, _overlap(bag_en, keys_fr[i], wlist) / (shared + SMOOTH))
    merged = 1.0 if len(rf) > 1 or len(re) > 1 else 0.0
    semantic = 0.0 if cosine is None else cosine - background[1]
    return [dice - background[0], weakest, rival, min(delta2, 50.0), merged, math.log1p(shared),
            semantic]


def with_context(path: Sequence[tuple[range, range]], rows: list[list[float]]) -> list[list[float]]:
    """The rows of :func:`features` (pair beads; a null bead's ``[evidence]`` is kept as it
    is) with the three features of their neighbours on ``path`` inserted before ``semantic``
    (see the module docstring).

    >>> path = [(range(0, 1), range(0, 1)), (range(1, 2), range(1, 1)),
    ...         (range(2, 3), range(1, 3)), (range(3, 4), range(3, 4))]
    >>> rows = [[0.5, 0.9, 0, 0, 0, 1, 0], [0.1], [0.4, 0.2, 0, 0, 1, 1, 0],
    ...         [0.5, 0.8, 0, 0, 0, 1, 0]]
    >>> out = with_context(path, rows)
    >>> [row[6:9] for row in out if len(row) > 1], out[1]
    ([[1.0, 1.0, 0.0], [1.0, 0.8, 0.0], [0.0, 0.2, 1.0]], [0.1])
    """
    pair = [bool(rf) and bool(re) for rf, re in path]
    out = []
    for k, row in enumerate(rows):
        if not pair[k]:
            out.append(row)
            continue
        beside = [t for t in (k - 1, k + 1) if 0 <= t < len(path)]
        null = 1.0 if any(not pair[t] for t in beside) else 0.0
        weakest = min((rows[t][1] for t in beside if pair[t]), default=1.0)
        merged = 1.0 if any(pair[t] and len(path[t][0]) + len(path[t][1]) > 2
                            for t in beside) else 0.0
        out.append([*row[:-1], null, weakest, merged, row[-1]])
    return out


def null_evidence(index: int, own: np.ndarray, keys, other_keys, near: range, wlist) -> float:
    """The best share of a null bead's sentence found in one nearby sentence of the other side."""
    best = 0.0
    for j in near:
        if 0 <= j < len(other_keys):
            best = max(best, _overlap(keys[index], other_keys[j], wlist) / (own[index] + SMOOTH))
    return best


def related(evidence: float) -> float:
    """The probability that two documents are translations of each other, from the median
    lexical feature of their pair beads (:data:`DOCUMENT`)."""
    weight, bias = DOCUMENT
    return sigmoid(bias + weight * evidence)


def pair_score(values: Sequence[float], embedded: bool) -> float:
    """The probability that a pair bead with these features is right."""
    weights, bias = EMBEDDED if embedded else CLASSICAL
    return sigmoid(bias + sum(w * v for w, v in zip(weights, values, strict=True)))


def null_score(evidence: float) -> float:
    """The probability that a null bead is right, from its best neighbouring evidence.

    >>> null_score(0.0) > 0.8 > null_score(0.6)
    True
    """
    weight, bias = NULL
    return sigmoid(bias + weight * evidence)
