"""Glue: features → band → search (widening the band when needed) → scored beads."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from aligner.align import band as band_module
from aligner.align import confidence
from aligner.align.banded import band_overlap
from aligner.align.bead import Bead
from aligner.align.features import build_sides, self_weight
from aligner.align.inputs import TermAnchors
from aligner.align.lengths import S2, C, delta_squared, document_ratio
from aligner.align.search import Problem, match_ranges, solve

#: The band stops widening at this half-width (sentences): time and memory stay linear.
MAX_WIDTH = 200
#: How many random sentence pairs measure the documents' background similarity.
BACKGROUND_PAIRS = 400
#: Sentences a background pair's two sentences are apart at least.
BACKGROUND_GAP = 20
#: Background (Dice, cosine) for documents too short to measure it (typical UN values).
DEFAULT_BACKGROUND = (0.1, 0.25)


def _boundaries(paragraphs: Sequence[int] | None, count: int) -> np.ndarray | None:
    """True at boundary k (0..count) when a paragraph starts at sentence k or the text ends."""
    if paragraphs is None:
        return None
    marks = np.ones(count + 1, dtype=bool)
    for k in range(1, count):
        marks[k] = paragraphs[k] != paragraphs[k - 1]
    return marks


def _prefix(vectors: np.ndarray) -> np.ndarray:
    out = np.zeros((len(vectors) + 1, vectors.shape[1]), dtype=np.float32)
    np.cumsum(vectors, axis=0, out=out[1:])
    return out


def align_features(
    fr: list[str],
    en: list[str],
    *,
    fr_paragraphs,
    en_paragraphs,
    anchors: Sequence[tuple[int, int]],
    terms: Sequence[tuple[str, str]],
    scorer: Callable[[str, str], float] | None,
    embedder,
    width: int,
    lexicon: dict[str, frozenset[str]] | None = None,
    features_out: list | None = None,
) -> list[Bead]:
    n, m = len(fr), len(en)
    if isinstance(terms, TermAnchors):  # only the pairs present can make shared keys
        terms = terms.present(fr, en)
    side_fr, side_en, weights = build_sides(fr, en, terms, lexicon)
    emb_fr = emb_en = None
    if embedder is not None:
        emb_fr = _prefix(np.asarray(embedder(fr), dtype=np.float32))
        emb_en = _prefix(np.asarray(embedder(en), dtype=np.float32))
    rare = band_module.rare_anchors(side_fr, side_en, weights)
    ratio = document_ratio(side_fr.lengths, side_en.lengths, band_module.monotone_chain(rare))
    guide = rare + [(int(i), int(j)) for i, j in anchors]
    centres = band_module.path_centres(side_fr.lengths, side_en.lengths, guide)
    pair_scorer = None
    if scorer is not None:

        def pair_scorer(i: int, j: int) -> float:
            return float(scorer(fr[i], en[j]))

    own_fr = self_weight(side_fr, weights)
    own_en = self_weight(side_en, weights)
    retries = 0
    while True:
        lo, hi = band_module.band_limits(centres, m, width)
        problem = matches = None  # (the previous pass's overlaps: free them first)
        matches = band_overlap(side_fr, side_en, weights, *match_ranges(lo, hi, n, m),
                               pair_scorer)
        problem = Problem(
            side_fr.lengths,
            side_en.lengths,
            lo,
            hi,
            matches,
            own_fr,
            own_en,
            emb_fr,
            emb_en,
            _boundaries(fr_paragraphs, n),
            _boundaries(en_paragraphs, m),
            ratio,
            side_fr.marks,
            side_en.marks,
        )
        path, touched = solve(problem)
        if not touched or width >= min(max(n, m), MAX_WIDTH):
            break
        # The best path ran along the band's edge: centre the band on that path (which has
        # usually left the guide where the guide was wrong) and, from the second retry on,
        # widen it too.
        centres = band_module.centres_from_path(path, n)
        if retries:
            width *= 2
        retries += 1
    background = _background(side_fr, side_en, weights, own_fr, own_en, emb_fr, emb_en)
    rows = path_features(path, side_fr, side_en, weights, own_fr, own_en, background, problem)
    if features_out is not None:
        features_out.extend(rows)
    embedded = emb_fr is not None
    related = confidence.related(document_evidence(path, rows))
    beads = []
    for (rf, re), row in zip(path, rows, strict=True):
        # when the documents are not translations at all, no bead is a right one
        if rf and re:
            score = related * confidence.pair_score(row, embedded)
        else:
            score = related * confidence.null_score(row[0])
        beads.append(Bead(tuple(rf), tuple(re), round(score, 4)))
    return beads


def document_evidence(path, rows) -> float:
    """The median lexical feature of the pair beads of a path (0 when there are none)."""
    values = [row[0] for bead, row in zip(path, rows, strict=True) if _is_pair(bead)]
    return float(np.median(values)) if values else 0.0


def _is_pair(bead) -> bool:
    fr, en = (bead.fr, bead.en) if isinstance(bead, Bead) else bead
    return bool(fr) and bool(en)


def path_features(path, side_fr, side_en, weights, own_fr, own_en, background, problem):
    """The confidence features of every bead of ``path``
    (:func:`aligner.align.confidence.features` with its neighbours'
    (:func:`aligner.align.confidence.with_context`); ``[evidence]`` for a null bead)."""
    wlist = weights.tolist()
    rows = []
    for rf, re in path:
        if rf and re:
            len_fr = float(problem.len_fr[rf.start : rf.stop].sum())
            len_en = float(problem.len_en[re.start : re.stop].sum())
            delta2 = float(delta_squared(len_fr, len_en, C, S2))
            cosine = None
            if problem.emb_fr is not None:
                cosine = _cosine(problem.emb_fr, problem.emb_en, rf, re)
            rows.append(confidence.features(rf, re, side_fr, side_en, wlist, own_fr, own_en,
                                            background, delta2, cosine))
        elif rf:
            near = range(re.start - 2, re.start + 2)
            rows.append([confidence.null_evidence(rf.start, own_fr, side_fr.keys, side_en.keys,
                                                  near, wlist)])
        else:
            near = range(rf.start - 2, rf.start + 2)
            rows.append([confidence.null_evidence(re.start, own_en, side_en.keys, side_fr.keys,
                                                  near, wlist)])
    return confidence.with_context(path, rows)


def _cosine(emb_fr: np.ndarray, emb_en: np.ndarray, rf: range, re: range) -> float:
    vec_fr = emb_fr[rf.stop] - emb_fr[rf.start]
    vec_en = emb_en[re.stop] - emb_en[re.start]
    norm = float(np.linalg.norm(vec_fr) * np.linalg.norm(vec_en)) + 1e-9
    return float(vec_fr @ vec_en) / norm


def _background(side_fr, side_en, weights, own_fr, own_en, emb_fr, emb_en) -> tuple[float, float]:
    """Mean Dice (and cosine) of random sentence pairs far from the diagonal: what unrelated
    sentences of these two documents score. Short documents, which have too few such
    pairs, get :data:`DEFAULT_BACKGROUND`."""
    n, m = len(side_fr.keys), len(side_en.keys)
    if max(n, m) <= BACKGROUND_GAP:  # no pair is BACKGROUND_GAP sentences apart: none drawn
        return DEFAULT_BACKGROUND
    rng = np.random.default_rng(0)
    wlist = weights.tolist()
    dice, cosine = [], []
    draws = zip(rng.integers(0, n, BACKGROUND_PAIRS), rng.integers(0, m, BACKGROUND_PAIRS), strict=True)
    for i, j in draws:
        i, j = int(i), int(j)
        if abs(i / n - j / m) < 0.2 or abs(i - j) < BACKGROUND_GAP:
            continue
        total = own_fr[i] + own_en[j]
        overlap = sum(wlist[k] for k in side_fr.keys[i] & side_en.keys[j])
        dice.append(2 * overlap / total if total else 0.0)
        if emb_fr is not None:
            cosine.append(_cosine(emb_fr, emb_en, range(i, i + 1), range(j, j + 1)))
    if len(dice) < BACKGROUND_PAIRS // 10:
        return DEFAULT_BACKGROUND
    return float(np.mean(dice)), float(np.mean(cosine)) if cosine else 0.0
