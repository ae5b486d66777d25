"""Gale–Church length model for French→English UN text.

A bead pairs ``l_fr`` French characters (spaces not counted) with ``l_en`` English ones. The
English length is modelled as normal with mean ``C · l_fr`` and variance ``S2 · l``, where
``l = (l_fr + l_en / C) / 2`` is the bead's size in French characters (symmetric, so that a
French-only or English-only bead has a defined variance). The cost of a bead is
``δ² / 2`` with ``δ = (l_en − C·l_fr) / sqrt(S2 · l)``: the negative log-density of the
standardised difference, up to a constant.

The numbers were estimated on the 4,000 official sentence pairs of
``seeds/unpc/UNv1.0.devset.{fr,en}`` (all 1-1) by :func:`estimate`: ``C = Σ l_en / Σ l_fr``
and ``S2 = Σ (l_en − C·l_fr)² / Σ l_fr`` (the least-squares variance per French character);
UN English is about 11 % shorter than its French. The search uses the ratio of the documents at hand
(:func:`document_ratio`), ``C`` when they have too few anchors to measure it. Gale and
Church's own values for English–French/German (c = 1, s² = 6.8) are for a different corpus and counting.
"""

from __future__ import annotations

import numpy as np

#: Expected English characters per French character (UNPC devset).
C = 0.888
#: Variance of the English length per French character (UNPC devset).
S2 = 3.04
#: Anchor pairs needed before :func:`document_ratio` trusts the documents' own ratio.
MIN_RATIO_PAIRS = 10
RATIO_SHRINK = 25.0


def char_length(sentence: str) -> int:
    """Characters that count for the length model: everything but spaces.

    >>> char_length("Le 19 avril 2021.")
    14
    """
    return len(sentence) - sentence.count(" ")


def estimate(fr: list[str], en: list[str]) -> tuple[float, float]:
    """``(C, S2)`` from 1-1 sentence pairs.

    >>> c, s2 = estimate(["abcd", "abcdefgh"], ["abc", "abcdefg"])
    >>> round(c, 3), round(s2, 3)
    (0.833, 0.019)
    """
    lf = np.array([char_length(s) for s in fr], dtype=float)
    le = np.array([char_length(s) for s in en], dtype=float)
    c = le.sum() / lf.sum()
    s2 = ((le - c * lf) ** 2).sum() / lf.sum()
    return float(c), float(s2)


def document_ratio(len_fr, len_en, pairs, default: float = C) -> float:
    """The English/French length ratio of two documents: the median ratio of the sentence
    pairs ``pairs`` (``(i, j)``, the band's anchors: sentences that share a rare name or
    number, nearly always translations of each other), drawn towards ``default`` as if
    :data:`RATIO_SHRINK` pairs had it; ``default`` itself when there are fewer than
    :data:`MIN_RATIO_PAIRS`. Literary translations run from 0.91 to 1.14 English characters
    per French one (TransRead), UN text 0.89; a median of sentence pairs is not pulled by
    passages that one side leaves out (an abridged translation). (Tuned on the development
    books: no shrinking 0.9552, 25 pairs 0.9559, 100 pairs 0.9554.)

    >>> round(document_ratio([10.0] * 75, [12.0] * 75, [(k, k) for k in range(75)]), 3)
    1.122
    >>> document_ratio([10.0], [12.0], [(0, 0)])
    0.888
    """
    if len(pairs) < MIN_RATIO_PAIRS:
        return default
    fr = np.array([len_fr[i] for i, _ in pairs], dtype=float)
    en = np.array([len_en[j] for _, j in pairs], dtype=float)
    median = float(np.median(en / np.maximum(fr, 1.0)))
    return default + (median - default) * len(pairs) / (len(pairs) + RATIO_SHRINK)


def delta_squared(len_fr, len_en, c: float = C, s2: float = S2):
    """``δ²`` for arrays (or numbers) of bead lengths; 0 for an empty bead.

    >>> float(delta_squared(100.0, 88.8))
    0.0
    >>> round(float(delta_squared(100.0, 0.0)), 1)
    50.9
    """
    len_fr = np.asarray(len_fr, dtype=float)
    len_en = np.asarray(len_en, dtype=float)
    size = (len_fr + len_en / c) / 2 + 1.0
    return (len_en - c * len_fr) ** 2 / (s2 * size)
