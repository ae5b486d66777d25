"""The search band: a corridor around an anchor path, so the search stays close to linear.

Anchors are pairs of sentences that share a rare key (a key found as often in French as in
English, and at most five times: a number, a symbol, a name, a term pair), plus any anchors
the caller gives. The longest chain of anchors that is monotone in both languages is kept;
between two anchors the expected English position of a French sentence follows the
character offsets (the Gale–Church diagonal). The band is that path ± ``width`` sentences.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np

from aligner.align.features import Side

#: A key seen this many times or fewer, as often in French as in English, gives anchors.
RARE = 5


def rare_anchors(side_fr: Side, side_en: Side, weights: np.ndarray) -> list[tuple[int, int]]:
    """Sentence pairs ``(i, j)`` that share a rare key: a key found as many times on each
    side (at most :data:`RARE`), its k-th French sentence paired with its k-th English one."""
    where_fr: dict[int, list[int]] = {}
    where_en: dict[int, list[int]] = {}
    for i, keys in enumerate(side_fr.keys):
        for k in keys:
            where_fr.setdefault(k, []).append(i)
    for j, keys in enumerate(side_en.keys):
        for k in keys:
            where_en.setdefault(k, []).append(j)
    pairs: dict[tuple[int, int], float] = {}
    for k, sentences in where_fr.items():
        other = where_en.get(k)
        if other is not None and len(sentences) == len(other) <= RARE:
            for pair in zip(sentences, other, strict=True):
                pairs[pair] = pairs.get(pair, 0.0) + float(weights[k])
    return sorted(pairs)


def monotone_chain(points: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of points increasing strictly in both coordinates.

    >>> monotone_chain([(0, 0), (1, 5), (2, 1), (3, 2), (4, 3)])
    [(0, 0), (2, 1), (3, 2), (4, 3)]
    """
    points = sorted(points, key=lambda p: (p[0], -p[1]))
    tails: list[int] = []  # smallest j ending a chain of each length
    tail_index: list[int] = []
    parent = [-1] * len(points)
    for n, (_i, j) in enumerate(points):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_index.append(n)
        else:
            tails[pos] = j
            tail_index[pos] = n
        parent[n] = tail_index[pos - 1] if pos else -1
    chain = []
    n = tail_index[-1] if tail_index else -1
    while n >= 0:
        chain.append(points[n])
        n = parent[n]
    # points sharing i cannot both be in a chain (sorted by -j within equal i)
    return chain[::-1]


def path_centres(
    len_fr: np.ndarray, len_en: np.ndarray, anchors: Sequence[tuple[int, int]]
) -> np.ndarray:
    """For every French boundary ``i`` (0..n), the expected English boundary on the path."""
    n, m = len(len_fr), len(len_en)
    cum_fr = np.concatenate([[0.0], np.cumsum(len_fr + 1.0)])
    cum_en = np.concatenate([[0.0], np.cumsum(len_en + 1.0)])
    points = [(0, 0)] + [(i, j) for i, j in anchors if 0 < i < n and 0 < j < m] + [(n, m)]
    points = monotone_chain(points)
    if points[0] != (0, 0):
        points.insert(0, (0, 0))
    if points[-1] != (n, m):
        points.append((n, m))
    # interpolate in character space between anchor boundaries
    anchor_fr = np.array([cum_fr[i] for i, _ in points])
    anchor_en = np.array([cum_en[j] for _, j in points])
    target = np.interp(cum_fr, anchor_fr, anchor_en)
    centres = np.searchsorted(cum_en, target)
    return np.clip(centres, 0, m)


def band_limits(centres: np.ndarray, m: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """``lo[i]`` and ``hi[i]`` (exclusive) of the columns of every row, monotone and connected."""
    lo = np.clip(centres - width, 0, m)
    hi = np.clip(centres + width + 1, 1, m + 1)
    lo = np.maximum.accumulate(lo)
    hi = np.maximum.accumulate(hi)
    lo[0] = 0
    hi[-1] = m + 1
    lo[-1] = min(lo[-1], m)
    # every row must reach back to the previous row's columns
    lo[1:] = np.minimum(lo[1:], hi[:-1])
    return lo.astype(np.int64), hi.astype(np.int64)


def centres_from_path(path: Sequence[tuple[range, range]], n: int) -> np.ndarray:
    """The English boundary of a bead path at every French boundary ``i`` (0..n).

    >>> centres_from_path([(range(0, 2), range(0, 1)), (range(2, 3), range(1, 3))], 3).tolist()
    [0, 0, 1, 3]
    """
    points_fr = [0] + [rf.stop for rf, _ in path]
    points_en = [0] + [re.stop for _, re in path]
    centres = np.interp(np.arange(n + 1), points_fr, points_en, left=0)
    # several beads can end at the same French boundary (English-only beads): take the first
    return np.floor(centres).astype(np.int64)
