"""Bead costs for a block of rows of the search band, all rows and columns at once.

The formula is the one described in :mod:`aligner.align.search` (which owns the weights);
here it is evaluated with numpy over a (rows × band columns) grid per bead shape instead of
one row at a time, in the same order of floating-point operations, so that the costs are the
same numbers. For every shape :func:`block` also gives, per cell, where the search finds the
cost of the path that the bead extends (an index into its ring of recent rows).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aligner.align.lengths import S2


@dataclass(frozen=True)
class Weights:
    """The search's weights at the time of a search (:mod:`aligner.align.search`)."""

    prior: dict[tuple[int, int], float]  # -log P(shape)
    length: float
    null_length: float
    lexical: float
    lexical_base: float
    lexical_size: float
    embed: float
    embed_lexical: float
    embed_base: float
    embed_size: float
    paragraph: float
    cover: float
    cover_fraction: float
    cover_smooth: float
    dialogue: float = 0.0
    question: float = 0.0
    clause: float = 0.0
    continuation: float = 0.0
    split: float = 0.0
    split_cap: float = 0.25
    closing: float = 0.0


class Tables:
    """Prefix sums and other per-side arrays of one problem, computed once per search."""

    def __init__(self, problem, weights: Weights):
        def prefix(values: np.ndarray) -> np.ndarray:
            return np.concatenate([[0.0], np.cumsum(values)])

        self.problem = problem
        self.ratio = problem.ratio
        self.cum_fr = prefix(problem.len_fr)
        self.cum_en = prefix(problem.len_en)
        self.own_fr = prefix(problem.own_fr)
        self.own_en = prefix(problem.own_en)
        self.inv_fr = 1.0 / (problem.own_fr + weights.cover_smooth)
        self.inv_en = 1.0 / (problem.own_en + weights.cover_smooth)
        self.first = problem.matches.first
        self.span = problem.matches.columns
        self.overlap = problem.matches.prefix.reshape(-1)
        self.lo, self.hi = problem.lo, problem.hi
        self.marks = problem.marks_fr is not None and problem.marks_en is not None
        if self.marks:
            # per English boundary j (0..m): sentence j opens an utterance; sentence j - 1
            # ends with a question mark, has that many clauses
            en = problem.marks_en
            self.opens_en = np.append(en.opens, False)
            self.asks_en = np.concatenate([[False], en.asks])
            self.clauses_en = np.concatenate([[0], en.clauses])
            self.continues_en = np.append(en.continues, False)
            self.closes_en = np.append(en.closes, False)
            # clause ends, NaN (no clause) as infinity: no distance to it counts
            self.positions_fr = np.nan_to_num(problem.marks_fr.positions, nan=np.inf)
            self.positions_en = np.nan_to_num(en.positions, nan=np.inf)
        self.paragraphs = problem.para_fr is not None and problem.para_en is not None
        if self.paragraphs:
            self.para_fr_cum = np.concatenate([[0], np.cumsum(problem.para_fr.astype(np.int64))])
            self.para_en_cum = np.cumsum(problem.para_en.astype(np.int64))


class Grid:
    """Per-side arrays gathered onto the cells of a block of rows, with ``pad`` extra
    columns on the left (the most sentences a bead takes from a side), so that a bead's
    values are slices (``at(x, shift)`` is ``x`` at the English boundary ``j - shift`` of
    every cell) instead of gathers."""

    def __init__(self, tables: Tables, rows: np.ndarray, width: int, pad: int):
        problem = tables.problem
        n, m = len(tables.first), len(tables.cum_en) - 1
        self.width = width
        self.pad = pad
        self.rows = rows
        self.tables = tables
        english = tables.lo[rows][:, None] + np.arange(-pad, width)[None, :]
        j = np.clip(english, 0, m)
        self.cum_en = tables.cum_en[j]
        self.own_en = tables.own_en[j]
        self.inv_en = tables.inv_en[np.minimum(j, m - 1)]
        if tables.marks:
            self.opens_en = tables.opens_en[j]
            self.asks_en = tables.asks_en[j]
            self.clauses_en = tables.clauses_en[j]
            self.continues_en = tables.continues_en[j]
            self.closes_en = tables.closes_en[j]
            self.positions_en = tables.positions_en[np.clip(j - 1, 0, m - 1)]
        if tables.paragraphs:
            self.para_en = problem.para_en[j]
            self.para_en_cum = tables.para_en_cum[j]
        # overlap[d]: prefix overlap of French sentence i - d with English sentences up to j
        self.overlap = [None]
        top = tables.span - 1
        for d in range(1, pad + 1):
            sentence = np.clip(rows - d, 0, n - 1)
            start = (sentence * tables.span)[:, None]
            index = start + np.clip(english - tables.first[sentence][:, None], 0, top)
            self.overlap.append(tables.overlap[index])

        self._memo: dict = {}

    def at(self, values: np.ndarray, shift: int) -> np.ndarray:
        return values[:, self.pad - shift : self.pad - shift + self.width]

    def part(self, d: int, b: int) -> np.ndarray:
        """Overlap of French sentence ``i - d`` with English ``j-b .. j-1``."""
        key = ("part", d, b)
        if key not in self._memo:
            self._memo[key] = self.at(self.overlap[d], 0) - self.at(self.overlap[d], b)
        return self._memo[key]

    def cover(self, a: int, u: int, fraction: float) -> np.ndarray:
        """How much of English sentence ``j - u`` French sentences ``i-a .. i-1`` cover
        (capped at ``fraction``)."""
        key = ("cover", a, u)
        if key not in self._memo:
            at = self.at
            overlap = at(self.overlap[a], u - 1) - at(self.overlap[a], u)
            for d in range(a - 1, 0, -1):
                overlap = overlap + (at(self.overlap[d], u - 1) - at(self.overlap[d], u))
            self._memo[key] = np.minimum(overlap * at(self.inv_en, u), fraction)
        return self._memo[key]

    def found(self, d: int, b: int, fraction: float) -> np.ndarray:
        """How much of French sentence ``i - d`` English ``j-b .. j-1`` cover (capped)."""
        key = ("found", d, b)
        if key not in self._memo:
            inv_fr = self.tables.inv_fr
            inv = inv_fr[np.clip(self.rows - d, 0, len(inv_fr) - 1)][:, None]
            self._memo[key] = np.minimum(self.part(d, b) * inv, fraction)
        return self._memo[key]

    def difference(self, name: str, b: int) -> np.ndarray:
        """``x[j] - x[j-b]`` of the gathered array ``name`` (``cum_en``, ``own_en``)."""
        key = (name, b)
        if key not in self._memo:
            values = getattr(self, name)
            self._memo[key] = self.at(values, 0) - self.at(values, b)
        return self._memo[key]


def block(tables: Tables, weights: Weights, shapes, rows: np.ndarray, width: int, slots: int):
    """Costs of the bead ``shapes`` (``(a, b)`` with ``a ≥ 1``) ending at the band cells of
    ``rows``, and where the path they extend ends.

    Returns ``(cost, source, step)``: ``cost[r, s, c]`` is the cost of the bead of shape
    ``s`` ending at French boundary ``rows[r]`` and English boundary ``lo[rows[r]] + c``
    (``inf`` where the bead cannot end there); ``source[r, s, c]`` the index, in a ring of
    ``slots`` rows of ``width`` columns, of the cell the bead
    starts from (read it with ``take(..., mode="wrap")``: outside the band it may fall
    outside the ring); ``step[r, c]`` the cost of the English-only bead ending at column ``c``
    (``c ≥ 1``; 0 at ``c = 0``).
    """
    lo, hi = tables.lo, tables.hi
    columns = lo[rows][:, None] + np.arange(width)[None, :]  # English boundary j of each cell
    cost = np.empty((len(rows), len(shapes), width))
    source = np.empty((len(rows), len(shapes), width), dtype=np.int64)
    with np.errstate(all="ignore"):  # cells outside the band hold garbage until masked
        grid = Grid(tables, rows, width, max(max(a, b) for a, b in shapes))
        for s, (a, b) in enumerate(shapes):
            start = np.maximum(rows - a, 0)
            j0 = np.maximum(np.maximum(lo[rows], lo[start] + b), b)
            j1 = np.minimum(hi[rows], hi[start] + b)
            valid = (columns >= j0[:, None]) & (columns < j1[:, None]) & (rows >= a)[:, None]
            values = _cost(tables, grid, weights, rows, start, a, b)
            cost[:, s] = np.where(valid, values, np.inf)
            # (outside the band the index may fall anywhere: the cost there is inf anyway)
            back = (rows - a) % slots * width - lo[start] - b
            source[:, s] = columns + back[:, None]
        step = _step(tables, grid, weights, rows)
    return cost, source, step


def _cost(tables: Tables, grid: Grid, weights: Weights, rows, start, a: int, b: int):
    """The cost of every ``a``-``b`` bead ending at the cells of ``rows``."""
    problem = tables.problem
    at = grid.at
    len_fr = (tables.cum_fr[rows] - tables.cum_fr[start])[:, None]
    len_en = grid.difference("cum_en", b)
    weight = weights.length if a and b else weights.null_length
    ratio = tables.ratio
    diff = len_en - ratio * len_fr
    size = (len_en * (1 / ratio) + (len_fr + 2.0)) * (S2 / 2)
    cost = (diff * diff) / size * (weight / 2) + weights.prior[(a, b)]
    if a and b:
        # French sentence i - a + t is at distance d = a - t before the row
        parts = [grid.part(d, b) for d in range(a, 0, -1)]
        overlap = parts[0]
        for part in parts[1:]:
            overlap = overlap + part
        if a + b > 2 and weights.cover:
            cost = cost + _cover(grid, weights, a, b)
        own = grid.difference("own_en", b) + (
            (tables.own_fr[rows] - tables.own_fr[start]) + 1e-9
        )[:, None]
        lexical = weights.lexical if problem.emb_fr is None else weights.embed_lexical
        factor = lexical * ((a + b) / 2) ** weights.lexical_size
        cost = cost - (2 * factor) * overlap / own + factor * weights.lexical_base
        if problem.emb_fr is not None:
            _embedding(tables, weights, rows, a, b, cost)
        if tables.marks:
            cost = cost + _marks(tables, grid, weights, rows, start, a, b)
    if tables.paragraphs:
        # a bead should start and end on paragraph boundaries on both sides or on neither
        mismatch = problem.para_fr[rows][:, None] != at(grid.para_en, 0)
        cost = cost + (weights.paragraph * 0.5) * mismatch
        if a > 1:
            inner = tables.para_fr_cum[rows] - tables.para_fr_cum[np.minimum(start + 1, rows)]
            cost = cost + weights.paragraph * (inner > 0)[:, None]
        if b > 1:
            crossing = at(grid.para_en_cum, 1) - at(grid.para_en_cum, b)
            cost = cost + weights.paragraph * (crossing > 0)
    return cost


def _marks(tables: Tables, grid: Grid, weights: Weights, rows, start, a: int, b: int):
    """The punctuation evidence of every ``a``-``b`` bead (``a, b ≥ 1``) ending at the cells
    of ``rows`` (see :mod:`aligner.align.search`)."""
    fr = tables.problem.marks_fr
    at = grid.at
    last = np.maximum(rows - 1, 0)  # the bead's last French sentence
    first = np.minimum(start, len(fr.opens) - 1)
    unmatched = fr.opens[first][:, None] & ~at(grid.opens_en, b)
    cost = weights.dialogue * unmatched
    cost = cost + weights.question * (fr.asks[last][:, None] != at(grid.asks_en, 0))
    if weights.continuation:
        split = fr.continues[first][:, None] != at(grid.continues_en, b)
        cost = cost + weights.continuation * split
    if weights.closing:
        cost = cost + weights.closing * at(grid.closes_en, b)
    if weights.split and (a == 1) != (b == 1):
        cost = cost + weights.split * _split(tables, grid, weights, rows, start, a, b)
    if (a == 1) != (b == 1):  # a 1-n or n-1 bead: n - 1 splits of the single sentence
        inner = fr.clauses[last][:, None] if a == 1 else at(grid.clauses_en, 0)
        cost = cost - weights.clause * np.minimum(inner, max(a, b) - 1)
    return cost


def _split(tables: Tables, grid: Grid, weights: Weights, rows, start, a: int, b: int):
    """How far the inner boundaries of the many side of a 1-n (n-1) bead fall from the
    clause ends of its single sentence (fractions of the lengths; each distance capped at
    ``split_cap``, which is also the distance when the sentence has no clause mark)."""
    at = grid.at
    if a == 1:
        positions = tables.positions_fr[np.maximum(rows - 1, 0)][:, None, :]
        total = grid.difference("cum_en", b)
        ends = [(at(grid.cum_en, b - t) - at(grid.cum_en, b)) / (total + 1e-9)
                for t in range(1, b)]
    else:
        positions = at(grid.positions_en, 0)
        cum = tables.cum_fr
        total = (cum[rows] - cum[start])[:, None]
        # (rows before the a-th have no such bead: their start is clipped, and so is this)
        inner = [np.minimum(start + t, len(cum) - 1) for t in range(1, a)]
        ends = [((cum[k] - cum[start])[:, None] / (total + 1e-9)) for k in inner]
    cap = weights.split_cap
    # (the clause ends of the block's single sentences; a slot no sentence fills is left out)
    slots = [positions[..., k] for k in range(positions.shape[-1])
             if np.isfinite(positions[..., k]).any()]
    out = 0.0
    for end in ends:
        near = cap
        for slot in slots:
            near = np.minimum(near, np.abs(end - slot))
        out = out + near
    return out


def _cover(grid: Grid, weights: Weights, a: int, b: int):
    """The null-bead evidence of a bead with several sentences on a side (see
    :mod:`aligner.align.search`): ``cover · Σ shortfall`` over the sentences of each side
    with several sentences."""
    fraction = weights.cover_fraction
    count = 0
    covered = 0.0
    if a > 1:
        for d in range(a, 0, -1):  # French sentence i - d
            covered = covered + grid.found(d, b, fraction)
        count += a
    if b > 1:
        for t in range(b):  # English sentence j - b + t
            covered = covered + grid.cover(a, b - t, fraction)
        count += b
    penalty = count * fraction - covered
    return weights.cover * penalty


def _embedding(tables: Tables, weights: Weights, rows, a: int, b: int, cost) -> None:
    """Subtract the embedding term row by row (the same vector products as a one-row
    search, so that the float32 sums are the same)."""
    problem = tables.problem
    lo, hi = tables.lo, tables.hi
    emb_fr, emb_en = problem.emb_fr, problem.emb_en
    for r, i in enumerate(rows.tolist()):
        if i < a:
            continue
        j0 = max(int(lo[i]), int(lo[i - a]) + b, b)
        j1 = min(int(hi[i]), int(hi[i - a]) + b)
        if j0 >= j1:
            continue
        vec_fr = emb_fr[i] - emb_fr[i - a]
        vec_en = emb_en[j0:j1] - emb_en[j0 - b : j1 - b]
        norm = np.linalg.norm(vec_en, axis=1) * (np.linalg.norm(vec_fr) + 1e-9) + 1e-9
        cosine = (vec_en @ vec_fr) / norm
        window = slice(j0 - int(lo[i]), j1 - int(lo[i]))
        cost[r, window] = cost[r, window] - weights.embed * (cosine - weights.embed_base) * (
            (a + b) / 2
        ) ** weights.embed_size


def _step(tables: Tables, grid: Grid, weights: Weights, rows):
    """The cost of the English-only (0-1) bead ending at every cell (0 in column 0)."""
    problem = tables.problem
    at = grid.at
    len_fr = (tables.cum_fr[rows] - tables.cum_fr[rows])[:, None]
    len_en = at(grid.cum_en, 0) - at(grid.cum_en, 1)
    ratio = tables.ratio
    diff = len_en - ratio * len_fr
    size = (len_en * (1 / ratio) + (len_fr + 2.0)) * (S2 / 2)
    cost = (diff * diff) / size * (weights.null_length / 2) + weights.prior[(0, 1)]
    if tables.marks and weights.closing:
        cost = cost + weights.closing * at(grid.closes_en, 1)
    if tables.paragraphs:
        mismatch = problem.para_fr[rows][:, None] != at(grid.para_en, 0)
        cost = cost + (weights.paragraph * 0.5) * mismatch
    cost[:, 0] = 0.0
    return cost
