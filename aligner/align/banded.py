"""The weighted key overlap of French and English sentences, inside the search band only.

Row ``k`` of :class:`BandOverlap` holds French sentence ``k`` against the English sentences
``first[k] .. stop[k]-1`` (the columns the search can reach from that sentence), as prefix
sums, so that the overlap of one French sentence with any run of English sentences costs
two look-ups. The overlaps are computed for all rows at once from the two sides' key lists
(sorted postings and ``searchsorted``), not sentence pair by sentence pair.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain

import numpy as np

from aligner.align.features import Side

#: French sentences whose hits are expanded at once (bounds the memory).
CHUNK_ROWS = 2048


class BandOverlap:
    """``prefix[k, t]``: overlap of French sentence ``k`` with English ``first[k] ..
    first[k]+t-1`` (``t = 0 .. stop[k]-first[k]``; constant beyond)."""

    def __init__(self, first: np.ndarray, stop: np.ndarray, prefix: np.ndarray):
        self.first = first
        self.stop = stop
        self.prefix = prefix

    @property
    def columns(self) -> int:
        """The row length of :attr:`prefix` (the widest row's width + 1)."""
        return self.prefix.shape[1]

    def total(self, k: int, j_start: int, j_end: int) -> float:
        """Overlap of French sentence ``k`` with English sentences ``[j_start, j_end)``."""
        base = int(self.first[k])
        return float(self.prefix[k, j_end - base] - self.prefix[k, j_start - base])


def _flat_keys(keys: list[frozenset[int]]) -> tuple[np.ndarray, np.ndarray]:
    counts = np.fromiter((len(s) for s in keys), dtype=np.int64, count=len(keys))
    flat = np.fromiter(chain.from_iterable(keys), dtype=np.int64, count=int(counts.sum()))
    return counts, flat


def band_overlap(
    side_fr: Side,
    side_en: Side,
    weights: np.ndarray,
    first: np.ndarray,
    stop: np.ndarray,
    scorer: Callable[[int, int], float] | None = None,
) -> BandOverlap:
    """The :class:`BandOverlap` of the two sides for the column ranges ``[first[k], stop[k])``.

    >>> fr = Side(np.ones(2), [frozenset({0, 1}), frozenset({2})])
    >>> en = Side(np.ones(3), [frozenset({0}), frozenset({1, 2}), frozenset({2})])
    >>> band = band_overlap(fr, en, np.array([1.0, 2.0, 4.0]), np.array([0, 1]), np.array([2, 3]))
    >>> band.prefix.tolist()
    [[0.0, 1.0, 3.0], [0.0, 4.0, 8.0]]
    """
    n, m = len(side_fr.keys), len(side_en.keys)
    first = np.asarray(first, dtype=np.int64)
    stop = np.maximum(np.asarray(stop, dtype=np.int64), first)
    width = int((stop - first).max()) if n else 0
    prefix = np.zeros((n, width + 1))
    count_fr, keys_fr = _flat_keys(side_fr.keys)
    count_en, keys_en = _flat_keys(side_en.keys)
    if len(keys_fr) and len(keys_en) and width:
        # every English (key, sentence) as one sorted code: key * (m + 1) + sentence
        codes = keys_en * (m + 1) + np.repeat(np.arange(m, dtype=np.int64), count_en)
        order = np.argsort(codes, kind="stable")
        codes, sentences = codes[order], codes[order] % (m + 1)
        rows = np.repeat(np.arange(n, dtype=np.int64), count_fr)
        ends = np.cumsum(count_fr)
        for lo in range(0, n, CHUNK_ROWS):
            hi = min(n, lo + CHUNK_ROWS)
            low, high = (int(ends[lo - 1]) if lo else 0), int(ends[hi - 1])
            cells = np.zeros((hi - lo) * width)
            _accumulate(cells, codes, sentences, m, width, rows[low:high] - lo,
                        keys_fr[low:high], first[lo:hi], stop[lo:hi], weights)
            np.cumsum(cells.reshape(hi - lo, width), axis=1, out=prefix[lo:hi, 1:])
    if scorer is not None:
        for k in range(n):
            j0, j1 = int(first[k]), int(stop[k])
            extra = [scorer(k, j) for j in range(j0, j1)]
            if extra:
                prefix[k, 1 : j1 - j0 + 1] += np.cumsum(extra)
                prefix[k, j1 - j0 + 1 :] = prefix[k, j1 - j0]
    return BandOverlap(first, stop, prefix)


def _accumulate(cells, codes, sentences, m, width, rows, keys, first, stop, weights) -> None:
    """Add to ``cells`` (the rows of a chunk, ``rows`` counted from the chunk's first) the
    weight of every hit: a French key also found in an English sentence of the row's range."""
    # in (key, row) order the range starts are sorted too (``first`` grows with the row),
    # which makes ``searchsorted`` fast
    order = np.argsort(keys * (len(first) + 1) + rows, kind="stable")
    keys, rows = keys[order], rows[order]
    base = keys * (m + 1)
    start = np.searchsorted(codes, base + first[rows])
    hits = np.searchsorted(codes, base + stop[rows]) - start
    total = int(hits.sum())
    if not total:
        return
    where = np.arange(total) + np.repeat(start - (np.cumsum(hits) - hits), hits)
    cell = np.repeat(rows * width - first[rows], hits) + sentences[where]
    cells += np.bincount(cell, weights=np.repeat(weights[keys], hits), minlength=len(cells))
