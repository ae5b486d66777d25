"""Per-sentence features of the two sides: lengths, weighted lexical keys, embeddings.

French sentences are turned into English-comparable keys (:mod:`aligner.align.tokens` for
numbers, dates, symbols, names and marks; the general bilingual lexicon (:func:`aligner.align.lexicon.load_general`) for ordinary words; a
five-letter prefix for cognates such as *gouvernement*/*government* … *organisation*/
*organization*); English sentences into their own keys. A key weighs its inverse document
frequency over the sentences of both sides, so that ``the``/``le`` count for little and a
name or a number that occurs once counts for a lot. Each side also carries its sentences'
punctuation marks (dialogue, questions, clauses, lower-case starts: :mod:`aligner.align.marks`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from aligner.align import lexicon as lexicon_module
from aligner.align.lengths import char_length
from aligner.align.marks import Marks, sentence_marks
from aligner.align.tokens import fold, surface_keys

#: Key weights are multiples of 2**-WEIGHT_BITS (:func:`exact_weights`).
WEIGHT_BITS = 24
#: Words this short are not used as cognates.
COGNATE_MIN = 6
COGNATE_PREFIX = 5


@dataclass
class Side:
    """The features of one side: lengths, key ids per sentence and the sentences'
    punctuation marks (:mod:`aligner.align.marks`)."""

    lengths: np.ndarray
    keys: list[frozenset[int]]
    marks: Marks | None = None


def _term_keys(text: str, terms: Sequence[str]) -> set[str]:
    found = set()
    folded = fold(text)
    for k, term in enumerate(terms):
        if term and term in folded:
            found.add(f"#term:{k}")
    return found


def sentence_keys(
    text: str, lang: str, table: dict[str, frozenset[str]], terms: Sequence[str] = ()
) -> set[str]:
    """The comparable keys of one sentence.

    >>> table = {"chat": frozenset({"cat"})}
    >>> sorted(sentence_keys("Le chat d'Alice.", "fr", table))
    ['=alice', '=le', 'cat']
    >>> sorted(sentence_keys("Alice's cat.", "en", table))
    ['=alice', 'alice', 'cat', 's']
    """
    keys, rest = surface_keys(text, lang)
    if terms:
        keys |= _term_keys(text, terms)
    for word in rest:
        if lang == "fr":
            keys.update(table.get(word, ()))
        else:
            keys.add(word)
        if len(word) >= COGNATE_MIN:
            keys.add("~" + word[:COGNATE_PREFIX])
    return keys


def exact_weights(weights: np.ndarray) -> np.ndarray:
    """Key weights rounded to multiples of 2**-:data:`WEIGHT_BITS`, so that every sum of
    them (a sentence's own weight, the overlap of two sentences, a prefix sum of overlaps) is
    exact in float64 whatever the order of the terms: alignments then do not depend on the
    order in which sets are walked (``PYTHONHASHSEED``) or sums are vectorised. (A weight is
    below 16 and float64 holds 53 bits: sums stay exact up to 2**29.)

    >>> w = exact_weights(np.array([0.1, 0.2, 0.3]))
    >>> bool((w[0] + w[1]) + w[2] == w[0] + (w[1] + w[2]))
    True
    """
    scale = float(1 << WEIGHT_BITS)
    return np.round(weights * scale) / scale


def build_sides(
    fr: Sequence[str],
    en: Sequence[str],
    terms: Sequence[tuple[str, str]] = (),
    table: dict[str, frozenset[str]] | None = None,
) -> tuple[Side, Side, np.ndarray]:
    """Features of both sides and the weight of every key id."""
    if table is None:
        table = lexicon_module.load_general()
    terms_fr = [fold(f) for f, _ in terms]
    terms_en = [fold(e) for _, e in terms]
    raw_fr = [sentence_keys(s, "fr", table, terms_fr) for s in fr]
    raw_en = [sentence_keys(s, "en", table, terms_en) for s in en]
    df_fr: Counter[str] = Counter(chain.from_iterable(raw_fr))
    df_en: Counter[str] = Counter(chain.from_iterable(raw_en))
    shared = [k for k in df_fr if k in df_en]
    ids = {k: n for n, k in enumerate(shared)}
    total = len(fr) + len(en)
    weights = exact_weights(np.array(
        [math.log((total + 2) / (df_fr[k] + df_en[k])) for k in shared], dtype=float
    ))
    side_fr = Side(
        np.array([char_length(s) for s in fr], dtype=float),
        [frozenset(map(ids.__getitem__, keys & ids.keys())) for keys in raw_fr],
        sentence_marks(fr, "fr"),
    )
    side_en = Side(
        np.array([char_length(s) for s in en], dtype=float),
        [frozenset(map(ids.__getitem__, keys & ids.keys())) for keys in raw_en],
        sentence_marks(en, "en"),
    )
    return side_fr, side_en, weights


def self_weight(side: Side, weights: np.ndarray) -> np.ndarray:
    """The total key weight of every sentence of a side."""
    wlist = weights.tolist()
    return np.array([sum(wlist[k] for k in keys) for keys in side.keys], dtype=float)
