"""Dynamic programming over the band: the cheapest sequence of beads.

The cost of a bead with ``a`` French and ``b`` English sentences is

* ``-log P(a-b)`` (:data:`PRIORS`);
* ``+ LENGTH_WEIGHT · δ²/2``, the Gale–Church length cost (:mod:`aligner.align.lengths`,
  with the documents' own length ratio, :func:`aligner.align.lengths.document_ratio`;
  ``NULL_LENGTH_WEIGHT`` for 1-0/0-1 beads, whose length says little);
* ``− LEXICAL_WEIGHT · (dice − LEXICAL_BASE)`` where ``dice`` is the weighted Dice of the
  keys the bead's two sides share (:mod:`aligner.align.features`), not scaled by the size
  of the bead (``LEXICAL_SIZE = 0``), so merging sentences gains nothing by itself;
* with embeddings, ``− EMBED_WEIGHT · (cos − EMBED_BASE) · (a + b)/2``, the cosine of the
  sums of the sentence vectors of each side;
* for a bead with several sentences on a side, ``+ COVER_WEIGHT ·`` the shortfall of every
  such sentence whose own keys are barely found on the other side (:func:`aligner.align.costs._cover`):
  the evidence that the sentence has no counterpart and belongs in a null bead (1-0/0-1)
  rather than merged into its neighbour's bead;
* punctuation evidence (:mod:`aligner.align.marks`, :func:`aligner.align.costs._marks`):
  ``+ DIALOGUE_PENALTY`` when the bead's first French sentence opens a line of dialogue or a
  quotation and its first English sentence does not (the converse is not penalised: French
  often leaves reported speech unmarked, *Hélas ! dit-il*, where English quotes it);
  ``+ QUESTION_PENALTY`` when one side's last sentence ends with a question mark and the
  other's does not; ``− CLAUSE_BONUS`` for every sentence of a 1-n (n-1) bead beyond the
  first that an inner strong mark of the single sentence (``;``, ``:``, ``?``, ``!``, a
  dash) accounts for (a translator splits a sentence where it has such marks);
  ``+ CONTINUATION_PENALTY`` when one side's first sentence starts in lower case (the rest of
  a sentence the splitter cut after an inner ``!`` or ``?``: *- Eh ! / ce n'est pas un
  péché*) and the other side's does not;
  ``+ CLOSING_PENALTY`` when a bead's first English sentence closes an utterance opened before
  it (:func:`aligner.align.marks.closes_utterance`), English-only beads included: the rest
  of a quotation is often in the bead of the sentence that opened it;
  ``+ SPLIT_WEIGHT ·`` the distance, for a 1-n (n-1) bead, of every inner boundary of the
  many side (the share of the bead's length before it) from the nearest clause end of the
  single sentence (:func:`aligner.align.marks.clause_positions`), each capped at
  ``SPLIT_CAP``, which is also the distance when the sentence has no clause mark: a
  translator who splits a sentence splits it where it has a strong mark, and the pieces keep
  the lengths of its clauses (*Sire, ... le vaisseau est prêt. / Ayant dit ces mots, il
  sortit.* for *" Sire, ... the ship is ready "; and so saying he left the room.*);
* with paragraph hints, ``+ PARAGRAPH_PENALTY / 2`` when the bead ends a paragraph on one side
  only, ``+ PARAGRAPH_PENALTY`` when it spans a paragraph break.

The priors and weights were tuned by ``benchmarks/tune_align.py`` (a coordinate descent) on
development material only: the *development* split of the TransRead gold (literary
French–English, ``../shared``: five of its eleven books) and UNPC devset tasks with merged
and dropped sentences (``benchmarks/make_tasks.py``). The other six books and the testset
tasks are held out; ``benchmarks/bench_nulls.py`` reports them separately.

Rows are French boundaries. The costs of all bead shapes are computed for blocks of rows at
once (:mod:`aligner.align.costs`); the search then takes, row by row, the cheapest of the
shapes for every column of the band with a few numpy operations (only the last five rows of
path costs are kept, in a ring), so time and memory are O(n · band).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from aligner.align import costs
from aligner.align.banded import BandOverlap
from aligner.align.lengths import C
from aligner.align.marks import Marks
from aligner.errors import AlignmentError
from ioguard import budget

#: Bead types (French sentences, English sentences) and their prior probabilities. They start
#: from Gale and Church (1993) (0.89 for 1-1, 0.0099 for 1-0 or 0-1, 0.089 for 2-1 or 1-2,
#: 0.011 for 2-2) and were tuned on the development books; a shape and its mirror share one
#: value. 1-4, 4-1, 2-3 and 3-2 beads are about 1 % of the TransRead gold beads. 1-5 to 1-7
#: (and their mirrors) are rarer still (4 of the 2,772 gold beads of the development books,
#: all in *Candide*: a French sentence of ``;`` clauses cut into one English sentence per
#: clause); they share one prior (0.0001–0.0005 all gave the same development figures), and
#: the split term prices where their boundaries fall.
PRIORS = {
    (1, 1): 0.89,
    (1, 0): 0.0266,
    (0, 1): 0.0266,
    (2, 1): 0.05919,
    (1, 2): 0.05919,
    (2, 2): 0.0055,
    (1, 3): 0.00532,
    (3, 1): 0.00532,
    (1, 4): 0.0015,
    (4, 1): 0.0015,
    (2, 3): 0.000125,
    (3, 2): 0.000125,
    (1, 5): 0.0002,
    (5, 1): 0.0002,
    (1, 6): 0.0002,
    (6, 1): 0.0002,
    (1, 7): 0.0002,
    (7, 1): 0.0002,
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
#: Punctuation evidence (see above).
DIALOGUE_PENALTY = 2.0
QUESTION_PENALTY = 2.0
CLAUSE_BONUS = 0.5
CONTINUATION_PENALTY = 2.0
#: Where a sentence is split (see above): weight, and the most a boundary's distance counts.
SPLIT_WEIGHT = 2.0
SPLIT_CAP = 0.25
#: A bead that starts with the end of an utterance opened before it (see above).
CLOSING_PENALTY = 0.75
#: Null-bead evidence (see the cover term above): weight, tolerated coverage, smoothing.
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
    matches: BandOverlap
    #: total key weight of every sentence
    own_fr: np.ndarray
    own_en: np.ndarray
    #: prefix sums of L2-normalised sentence embeddings, (n+1, d) and (m+1, d), or None
    emb_fr: np.ndarray | None = None
    emb_en: np.ndarray | None = None
    #: True where a paragraph ends before boundary k (k = 0..n / 0..m), or None
    para_fr: np.ndarray | None = None
    para_en: np.ndarray | None = None
    #: expected English characters per French character in these documents
    #: (:func:`aligner.align.lengths.document_ratio`)
    ratio: float = C
    #: the sentences' punctuation marks (:mod:`aligner.align.marks`), or None
    marks_fr: Marks | None = None
    marks_en: Marks | None = None


def match_ranges(lo: np.ndarray, hi: np.ndarray, n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """``(first, stop)``: the English columns ``[first[k], stop[k])`` French sentence ``k``
    can meet inside a bead ending in the band.

    >>> [a.tolist() for a in match_ranges(np.array([0, 0, 1]), np.array([2, 3, 3]), 2, 2)]
    [[0, 0], [2, 2]]
    """
    first = np.maximum(0, lo[1:] - MAX_SIDE)
    last = np.minimum(m, hi[np.minimum(n, np.arange(n) + MAX_SIDE)])
    return first, np.maximum(first, last)


def current_weights() -> costs.Weights:
    """The weights as they are now (``benchmarks/tune_align.py`` changes them between runs)."""
    return costs.Weights(
        {t: -math.log(p) for t, p in PRIORS.items()}, LENGTH_WEIGHT, NULL_LENGTH_WEIGHT,
        LEXICAL_WEIGHT, LEXICAL_BASE, LEXICAL_SIZE, EMBED_WEIGHT, EMBED_LEXICAL_WEIGHT,
        EMBED_BASE, EMBED_SIZE, PARAGRAPH_PENALTY, COVER_WEIGHT, COVER_FRACTION, COVER_SMOOTH,
        DIALOGUE_PENALTY, QUESTION_PENALTY, CLAUSE_BONUS, CONTINUATION_PENALTY,
        SPLIT_WEIGHT, SPLIT_CAP, CLOSING_PENALTY,
    )


#: The ring of path costs holds the rows a bead can start from, and the current one.
SLOTS = MAX_SIDE + 1
#: Cells (rows × shapes × columns) of bead costs computed at once.
BLOCK_CELLS = 1 << 17


def solve(problem: Problem) -> tuple[list[tuple[range, range]], bool]:
    """The best bead path, and whether it touched the band's edge (then widen and retry)."""
    n = len(problem.len_fr)
    weights = current_weights()
    tables = costs.Tables(problem, weights)
    lo, hi = problem.lo, problem.hi
    widths = (hi - lo).tolist()
    width = max(widths)
    shapes = [(a, b) for a, b in TYPES if a]
    shape_ids = np.array([t for t, (a, _b) in enumerate(TYPES) if a], dtype=np.int8)
    null_en = TYPES.index((0, 1))
    ring = np.full(SLOTS * width, np.inf)
    back = np.empty((n + 1, width), dtype=np.int8)
    columns = np.arange(width)
    rows_per_block = max(8, BLOCK_CELLS // (len(shapes) * width))
    for r0 in range(0, n + 1, rows_per_block):
        rows = np.arange(r0, min(n + 1, r0 + rows_per_block))
        cost, source, step = costs.block(tables, weights, shapes, rows, width, SLOTS)
        steps = np.cumsum(step, axis=1)
        for r, i in enumerate(rows.tolist()):
            if not i & 63:
                budget.check()  # (a web request's time budget)
            cand = ring.take(source[r], mode="wrap")
            cand += cost[r]
            pick = cand.argmin(axis=0)
            best = cand[pick, columns]
            choice = shape_ids[pick]
            if i == 0:
                best[0] = 0.0
            # English-only beads chain along the row: D[j] = min(best[j], D[j-1] + cost(j))
            w = widths[i]
            if w > 1:
                row = best[:w]
                total = steps[r, :w]
                through = total + np.minimum.accumulate(row - total)
                from_left = through < row - 1e-12
                best[:w] = np.where(from_left, through, row)
                choice[:w][from_left] = null_en
            slot = i % SLOTS * width
            ring[slot : slot + width] = best
            back[i] = choice
    if not ring[n % SLOTS * width + widths[n] - 1] < np.inf:
        raise AlignmentError("internal error: no path through the search band")
    return _trace(back, problem.lo.tolist(), problem.hi.tolist(), n, len(problem.len_en))


def _trace(back: np.ndarray, lo: list[int], hi: list[int], n: int, m: int):
    beads: list[tuple[range, range]] = []
    i, j = n, m
    touched = False
    while i > 0 or j > 0:
        col = j - lo[i]
        if (col <= 0 and lo[i] > 0) or (j >= hi[i] - 1 and hi[i] <= m):
            touched = True
        a, b = TYPES[int(back[i, col])]
        beads.append((range(i - a, i), range(j - b, j)))
        i, j = i - a, j - b
    beads.reverse()
    return beads, touched
