"""Dynamic programming over the band: the cheapest sequence of beads.

The cost of a bead with ``a`` French and ``b`` English sentences is

* ``-log P(a-b)`` (:data:`PRIORS`);
* ``+ LENGTH_WEIGHT · δ²/2``, the Gale–Church length cost (:mod:`aligner.align.lengths`;
  ``NULL_LENGTH_WEIGHT`` for 1-0/0-1 beads, whose length says little);
* ``− LEXICAL_WEIGHT · (dice − LEXICAL_BASE)`` where ``dice`` is the weighted Dice of the
  keys the bead's two sides share (:mod:`aligner.align.features`), not scaled by the size
  of the bead (``LEXICAL_SIZE = 0``), so merging sentences gains nothing by itself;
* with embeddings, ``− EMBED_WEIGHT · (cos − EMBED_BASE) · (a + b)/2``, the cosine of the
  sums of the sentence vectors of each side;
* for a bead with several sentences on a side, ``+ COVER_WEIGHT ·`` the shortfall of every
  such sentence whose own keys are barely found on the other side (:func:`_cover_penalty`):
  the evidence that the sentence has no counterpart and belongs in a null bead (1-0/0-1)
  rather than merged into its neighbour's bead;
* with paragraph hints, ``+ PARAGRAPH_PENALTY / 2`` when the bead ends a paragraph on one side
  only, ``+ PARAGRAPH_PENALTY`` when it spans a paragraph break.

The priors and weights were tuned by ``benchmarks/tune_align.py`` (a coordinate descent) on
development material only: the *development* split of the TransRead gold (literary
French–English, ``../shared``: five of its eleven books) and UNPC devset tasks with merged
and dropped sentences (``benchmarks/make_tasks.py``). The other six books and the testset
tasks are held out; ``benchmarks/bench_nulls.py`` reports them separately.

Rows are French boundaries; every row is computed with numpy over its band columns (only
the last four rows of costs are kept), so time and memory are O(n · band).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from aligner.align.features import PairMatches
from aligner.align.lengths import S2, C
from aligner.errors import AlignmentError
from ioguard import budget

#: Bead types (French sentences, English sentences) and their prior probabilities. They start
#: from Gale and Church (1993) (0.89 for 1-1, 0.0099 for 1-0 or 0-1, 0.089 for 2-1 or 1-2,
#: 0.011 for 2-2) and were tuned on the development books; a shape and its mirror share one
#: value. 1-4, 4-1, 2-3 and 3-2 beads are about 1 % of the TransRead gold beads.
PRIORS = {
    (1, 1): 0.89,
    (1, 0): 0.0133,
    (0, 1): 0.0133,
    (2, 1): 0.05919,
    (1, 2): 0.05919,
    (2, 2): 0.0055,
    (1, 3): 0.00532,
    (3, 1): 0.00532,
    (1, 4): 0.0015,
    (4, 1): 0.0015,
    (2, 3): 0.000125,
    (3, 2): 0.000125,
}
TYPES = list(PRIORS)
#: The most sentences a bead takes from one side.
MAX_SIDE = max(max(a, b) for a, b in TYPES)
LENGTH_WEIGHT = 0.5
NULL_LENGTH_WEIGHT = 0.025
LEXICAL_WEIGHT = 10.0
LEXICAL_BASE = 0.225
LEXICAL_SIZE = 0.0
EMBED_WEIGHT = 7.98
#: The lexical weight when embeddings are used too.
EMBED_LEXICAL_WEIGHT = 6.0
EMBED_BASE = 0.5
EMBED_SIZE = 1.0
PARAGRAPH_PENALTY = 3.0
#: Null-bead evidence (:func:`_cover_penalty`): weight, tolerated coverage, smoothing.
COVER_WEIGHT = 4.0
COVER_FRACTION = 0.125
COVER_SMOOTH = 10.0


@dataclass
class Problem:
    """Everything the search needs, per side."""

    len_fr: np.ndarray
    len_en: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    matches: PairMatches
    #: total key weight of every sentence
    own_fr: np.ndarray
    own_en: np.ndarray
    #: prefix sums of L2-normalised sentence embeddings, (n+1, d) and (m+1, d), or None
    emb_fr: np.ndarray | None = None
    emb_en: np.ndarray | None = None
    #: True where a paragraph ends before boundary k (k = 0..n / 0..m), or None
    para_fr: np.ndarray | None = None
    para_en: np.ndarray | None = None


def match_ranges(lo: np.ndarray, hi: np.ndarray, n: int, m: int) -> list[tuple[int, int]]:
    """The English columns each French sentence can meet inside a bead ending in the band."""
    ranges = []
    for i in range(n):
        first = max(0, int(lo[i + 1]) - MAX_SIDE)
        last = min(m, int(hi[min(n, i + MAX_SIDE)]))
        ranges.append((first, max(first, last)))
    return ranges


def bead_cost(problem: Problem, i: int, a: int, b: int, j0: int, j1: int) -> np.ndarray:
    """Cost of the beads ``fr[i-a:i]``–``en[j-b:j]`` for every ``j`` in ``[j0, j1)``."""
    cum_en = problem._cum_en  # type: ignore[attr-defined]
    len_fr = problem._cum_fr[i] - problem._cum_fr[i - a]  # type: ignore[attr-defined]
    len_en = cum_en[j0:j1] - cum_en[j0 - b : j1 - b]
    weight = LENGTH_WEIGHT if a and b else NULL_LENGTH_WEIGHT
    diff = len_en - C * len_fr
    size = (len_en * (1 / C) + (len_fr + 2.0)) * (S2 / 2)
    cost = (diff * diff) / size * (weight / 2) + problem._prior[(a, b)]  # type: ignore[attr-defined]
    if a and b:
        matches = problem.matches
        parts = [matches.span(k, j0 - b, j1 - b, j0) for k in range(i - a, i)]
        overlap = parts[0]
        for part in parts[1:]:
            overlap = overlap + part
        if a + b > 2 and COVER_WEIGHT:
            cost = cost + _cover_penalty(problem, i, a, b, j0, j1, parts)
        own_en = problem._own_en  # type: ignore[attr-defined]
        own = (own_en[j0:j1] - own_en[j0 - b : j1 - b]) + (
            problem._own_fr[i] - problem._own_fr[i - a] + 1e-9  # type: ignore[attr-defined]
        )
        lexical = LEXICAL_WEIGHT if problem.emb_fr is None else EMBED_LEXICAL_WEIGHT
        factor = lexical * ((a + b) / 2) ** LEXICAL_SIZE
        cost = cost - (2 * factor) * overlap / own + factor * LEXICAL_BASE
        if problem.emb_fr is not None:
            vec_fr = problem.emb_fr[i] - problem.emb_fr[i - a]
            vec_en = problem.emb_en[j0:j1] - problem.emb_en[j0 - b : j1 - b]
            norm = np.linalg.norm(vec_en, axis=1) * (np.linalg.norm(vec_fr) + 1e-9) + 1e-9
            cosine = (vec_en @ vec_fr) / norm
            cost = cost - EMBED_WEIGHT * (cosine - EMBED_BASE) * ((a + b) / 2) ** EMBED_SIZE
    if problem.para_fr is not None and problem.para_en is not None:
        # a bead should start and end on paragraph boundaries on both sides or on neither
        mismatch = problem.para_fr[i] != problem.para_en[j0:j1]
        cost = cost + (PARAGRAPH_PENALTY * 0.5) * mismatch
        if a > 1 and problem.para_fr[i - a + 1 : i].any():
            cost = cost + PARAGRAPH_PENALTY
        if b > 1:
            inner = problem._para_en_cum  # type: ignore[attr-defined]
            crossing = inner[j0 - 1 : j1 - 1] - inner[j0 - b : j1 - b]
            cost = cost + PARAGRAPH_PENALTY * (crossing > 0)
    return cost


def _cover_penalty(problem: Problem, i: int, a: int, b: int, j0: int, j1: int, parts) -> np.ndarray:
    """The null-bead evidence inside a bead of several sentences on one side: every sentence
    of that side must find its own keys on the other side. A sentence whose key weight is
    covered less than :data:`COVER_FRACTION` (smoothed by :data:`COVER_SMOOTH`) adds
    ``COVER_WEIGHT · shortfall``; such a sentence is usually one with no counterpart, which a
    null bead (1-0/0-1) takes instead."""
    count = 0
    covered = 0.0
    if a > 1:
        inv_fr = problem._inv_fr  # type: ignore[attr-defined]
        for k, part in zip(range(i - a, i), parts, strict=True):
            covered = covered + np.minimum(part * inv_fr[k], COVER_FRACTION)
        count += a
    if b > 1:
        # overlap of every English sentence j-b..j-1 with the French side, for all j at once
        single, bases = problem._single, problem.matches.bases  # type: ignore[attr-defined]
        first, stop = j0 - b, j1 - 1
        ov = single[i - a][first - bases[i - a] : stop - bases[i - a]]
        for k in range(i - a + 1, i):
            ov = ov + single[k][first - bases[k] : stop - bases[k]]
        cover = np.minimum(ov * problem._inv_en[first:stop], COVER_FRACTION)  # type: ignore[attr-defined]
        count_j = j1 - j0
        for t in range(b):
            covered = covered + cover[t : t + count_j]
        count += b
    penalty = count * COVER_FRACTION - covered
    return COVER_WEIGHT * penalty


def _prepare(problem: Problem) -> None:
    def prefix(values: np.ndarray) -> np.ndarray:
        return np.concatenate([[0.0], np.cumsum(values)])

    problem._cum_fr = prefix(problem.len_fr)  # type: ignore[attr-defined]
    problem._cum_en = prefix(problem.len_en)  # type: ignore[attr-defined]
    problem._own_fr = prefix(problem.own_fr)  # type: ignore[attr-defined]
    problem._own_en = prefix(problem.own_en)  # type: ignore[attr-defined]
    problem._single = [np.diff(row) for row in problem.matches.prefix]  # type: ignore[attr-defined]
    problem._inv_fr = (1.0 / (problem.own_fr + COVER_SMOOTH)).tolist()  # type: ignore[attr-defined]
    problem._inv_en = 1.0 / (problem.own_en + COVER_SMOOTH)  # type: ignore[attr-defined]
    problem._prior = {t: -math.log(p) for t, p in PRIORS.items()}  # type: ignore[attr-defined]
    if problem.para_en is not None:
        problem._para_en_cum = np.cumsum(problem.para_en.astype(np.int64))  # type: ignore[attr-defined]


def solve(problem: Problem) -> tuple[list[tuple[range, range]], bool]:
    """The best bead path, and whether it touched the band's edge (then widen and retry)."""
    n, m = len(problem.len_fr), len(problem.len_en)
    _prepare(problem)
    lo, hi = problem.lo.tolist(), problem.hi.tolist()
    rows: list[np.ndarray] = []
    back: list[np.ndarray] = []
    null_en_index = TYPES.index((0, 1))
    pair_types = [(t, a, b) for t, (a, b) in enumerate(TYPES) if a]
    for i in range(n + 1):
        if not i & 63:
            budget.check()  # (a web request's time budget)
        first, last = lo[i], hi[i]
        width = last - first
        best = np.full(width, np.inf)
        choice = np.full(width, -1, dtype=np.int8)
        if i == 0:
            best[0] = 0.0
        for t, a, b in pair_types:
            if a > i:
                continue
            prev = rows[i - a]
            prev_first = lo[i - a]
            # columns j with j - b inside the previous row's band and j - b >= 0
            j0 = max(first, prev_first + b, b)
            j1 = min(last, prev_first + len(prev) + b)
            if j0 >= j1:
                continue
            cand = prev[j0 - b - prev_first : j1 - b - prev_first] + bead_cost(
                problem, i, a, b, j0, j1
            )
            window = best[j0 - first : j1 - first]
            better = cand < window
            window[better] = cand[better]
            choice[j0 - first : j1 - first][better] = t
        # English-only beads chain along the row: D[j] = min(best[j], D[j-1] + cost(j))
        if width > 1:
            step = np.zeros(width)
            step[1:] = bead_cost(problem, i, 0, 1, first + 1, last)
            total = np.cumsum(step)
            through = total + np.minimum.accumulate(best - total)
            from_left = through < best - 1e-12
            best = np.where(from_left, through, best)
            choice[from_left] = null_en_index
        rows.append(best)
        back.append(choice)
        if i > MAX_SIDE:
            rows[i - MAX_SIDE - 1] = _EMPTY  # only the last MAX_SIDE rows are read again
    # trace back
    beads: list[tuple[range, range]] = []
    i, j = n, m
    touched = False
    while i > 0 or j > 0:
        col = j - lo[i]
        if (col <= 0 and lo[i] > 0) or (j >= hi[i] - 1 and hi[i] <= m):
            touched = True
        t = int(back[i][col])
        if t < 0:
            raise AlignmentError("internal error: no path through the search band")
        a, b = TYPES[t]
        beads.append((range(i - a, i), range(j - b, j)))
        i, j = i - a, j - b
    beads.reverse()
    return beads, touched


_EMPTY = np.zeros(0)
