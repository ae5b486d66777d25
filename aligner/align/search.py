"""Dynamic programming over the band: the cheapest sequence of beads.

The cost of a bead is ``-log P(type)`` + ``LENGTH_WEIGHT · δ²/2`` (length model) −
``LEXICAL_WEIGHT · overlap`` (weighted shared keys of all sentence pairs inside the bead) −
``EMBED_WEIGHT · (cos − EMBED_BASE) · size`` when embeddings are given, + a penalty for a
bead that crosses a paragraph boundary on one side only. Rows are French boundaries; every
row is computed with numpy over its band columns, so time and memory are O(n · band).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from aligner.align.features import PairMatches
from aligner.align.lengths import C, S2, delta_squared

#: Bead types (French sentences, English sentences) and their prior probabilities: Gale and
#: Church (1993) give 0.89 for 1-1, 0.0099 for 1-0 or 0-1, 0.089 for 2-1 or 1-2 and 0.011 for
#: 2-2; 1-3 and 3-1 get a small share of our own.
PRIORS = {
    (1, 1): 0.89,
    (1, 0): 0.005,
    (0, 1): 0.005,
    (2, 1): 0.0445,
    (1, 2): 0.0445,
    (2, 2): 0.011,
    (1, 3): 0.004,
    (3, 1): 0.004,
}
TYPES = list(PRIORS)
LENGTH_WEIGHT = 0.5
NULL_LENGTH_WEIGHT = 0.05
LEXICAL_WEIGHT = 10.0
LEXICAL_BASE = 0.3
LEXICAL_SIZE = 0.0
EMBED_WEIGHT = 6.0
#: The lexical weight when embeddings are used too.
EMBED_LEXICAL_WEIGHT = 6.0
EMBED_BASE = 0.5
EMBED_SIZE = 1.0
PARAGRAPH_PENALTY = 3.0


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
        first = max(0, int(lo[i + 1]) - 3)
        last = min(m, int(hi[min(n, i + 3)]))
        ranges.append((first, max(first, last)))
    return ranges


def bead_cost(problem: Problem, i: int, a: int, b: int, js: np.ndarray) -> np.ndarray:
    """Cost of the beads ``fr[i-a:i]``–``en[j-b:j]`` for every ``j`` in ``js``."""
    cum_fr, cum_en = problem._cum_fr, problem._cum_en  # type: ignore[attr-defined]
    len_fr = cum_fr[i] - cum_fr[i - a]
    len_en = cum_en[js] - cum_en[js - b]
    weight = LENGTH_WEIGHT if a and b else NULL_LENGTH_WEIGHT
    cost = -math.log(PRIORS[(a, b)]) + weight * delta_squared(len_fr, len_en, C, S2) / 2
    if a and b:
        overlap = np.zeros(len(js))
        for k in range(i - a, i):
            overlap += problem.matches.span(k, js - b, js)
        own = problem._own_fr[i] - problem._own_fr[i - a] + problem._own_en[js] - problem._own_en[js - b]  # type: ignore[attr-defined]
        dice = 2 * overlap / (own + 1e-9)
        lexical = LEXICAL_WEIGHT if problem.emb_fr is None else EMBED_LEXICAL_WEIGHT
        cost = cost - lexical * (dice - LEXICAL_BASE) * ((a + b) / 2) ** LEXICAL_SIZE
        if problem.emb_fr is not None:
            vec_fr = problem.emb_fr[i] - problem.emb_fr[i - a]
            vec_en = problem.emb_en[js] - problem.emb_en[js - b]
            norm = np.linalg.norm(vec_en, axis=1) * (np.linalg.norm(vec_fr) + 1e-9) + 1e-9
            cosine = (vec_en @ vec_fr) / norm
            cost = cost - EMBED_WEIGHT * (cosine - EMBED_BASE) * ((a + b) / 2) ** EMBED_SIZE
    if problem.para_fr is not None and problem.para_en is not None:
        # a bead should start and end on paragraph boundaries on both sides or on neither
        mismatch = (problem.para_fr[i] != problem.para_en[js]).astype(float)
        cost = cost + PARAGRAPH_PENALTY * 0.5 * mismatch
        inner_fr = problem.para_fr[i - a + 1 : i].any() if a > 1 else False
        if inner_fr:
            cost = cost + PARAGRAPH_PENALTY
        if b > 1:
            para = problem.para_en.astype(np.int64)
            inner = np.cumsum(para)
            crossing = inner[js - 1] - inner[js - b]
            cost = cost + PARAGRAPH_PENALTY * (crossing > 0)
    return cost


def solve(problem: Problem) -> tuple[list[tuple[range, range]], bool]:
    """The best bead path, and whether it touched the band's edge (then widen and retry)."""
    n, m = len(problem.len_fr), len(problem.len_en)
    problem._cum_fr = np.concatenate([[0.0], np.cumsum(problem.len_fr)])  # type: ignore[attr-defined]
    problem._cum_en = np.concatenate([[0.0], np.cumsum(problem.len_en)])  # type: ignore[attr-defined]
    problem._own_fr = np.concatenate([[0.0], np.cumsum(problem.own_fr)])  # type: ignore[attr-defined]
    problem._own_en = np.concatenate([[0.0], np.cumsum(problem.own_en)])  # type: ignore[attr-defined]
    lo, hi = problem.lo, problem.hi
    rows: list[np.ndarray] = []
    back: list[np.ndarray] = []
    null_en_index = TYPES.index((0, 1))
    for i in range(n + 1):
        first, last = int(lo[i]), int(hi[i])
        js = np.arange(first, last)
        best = np.full(last - first, np.inf)
        choice = np.full(last - first, -1, dtype=np.int8)
        if i == 0:
            best[0] = 0.0
        for t, (a, b) in enumerate(TYPES):
            if a == 0 or a > i:
                continue
            prev = rows[i - a]
            prev_first = int(lo[i - a])
            index = js - b - prev_first
            valid = (index >= 0) & (index < len(prev)) & (js - b >= 0)
            if not valid.any():
                continue
            cand = np.full(len(js), np.inf)
            sel = js[valid]
            cand[valid] = prev[index[valid]] + bead_cost(problem, i, a, b, sel)
            better = cand < best
            best[better] = cand[better]
            choice[better] = t
        # English-only beads chain along the row: D[j] = min(best[j], D[j-1] + cost(j))
        if len(js) > 1:
            step = np.zeros(len(js))
            step[1:] = bead_cost(problem, i, 0, 1, js[1:]) if len(js) > 1 else []
            total = np.cumsum(step)
            through = total + np.minimum.accumulate(best - total)
            from_left = through < best - 1e-12
            best = np.where(from_left, through, best)
            choice[from_left] = null_en_index
        rows.append(best)
        back.append(choice)
    # trace back
    beads: list[tuple[range, range]] = []
    i, j = n, m
    touched = False
    while i > 0 or j > 0:
        col = j - int(lo[i])
        if (col <= 0 and lo[i] > 0) or (j >= hi[i] - 1 and hi[i] <= m):
            touched = True
        t = int(back[i][col])
        if t < 0:
            raise RuntimeError("no path through the band")
        a, b = TYPES[t]
        beads.append((range(i - a, i), range(j - b, j)))
        i, j = i - a, j - b
    beads.reverse()
    return beads, touched
