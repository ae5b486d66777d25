"""Fuzzy candidates of a lookup: the terms closest in spelling to a query with typos.

A small termbase is scored whole (in C, by rapidfuzz); in a large one the candidates are
the terms sharing the most of the query's rarest trigrams (typos spoil only a few).
rapidfuzz is imported on the first fuzzy scoring: most lookups never get there.
"""

from __future__ import annotations

import heapq
import re

from termbase.fold import trigrams
from termbase.search import NO_FILTERS, Filters

_WORD = re.compile(r"\w+")

#: Minimum similarity ratio (0..1) of a fuzzy match on folded strings.
FUZZY_THRESHOLD = 0.78
#: Up to this many terms, the fuzzy stage scores every term (kept in memory per connection);
#: beyond, only the terms sharing the most rare trigrams with the query are scored...
FUZZY_SCAN_TERMS = 20_000
FUZZY_POOL = 1000
#: ... and how many of the closest are kept as fuzzy matches.
FUZZY_CANDIDATES = 80
#: How many of the query's rarest trigrams are used to find fuzzy candidates...
FUZZY_GRAMS = 20
#: ... out of at most this many, spread over the query.
FUZZY_MAX_GRAMS = 48
#: Most terms read for holding every intact word of the query.
FUZZY_WORD_POSTINGS = 10_000
#: Added to the rare-trigram count of a term holding every intact word of the query (when
#: few terms do; when many do, a smaller bonus).
WORDS_BONUS = 5
WORDS_BONUS_COMMON = 1
#: Trigram frequencies are counted up to this number of terms (at least).
FREQUENCY_CAP = 500
#: Budget of trigram postings read by the fuzzy stage (at least; bounds its cost).
FUZZY_POSTINGS = 6000
#: Candidates kept when filters will drop some of them.
FILTERED_CANDIDATES = 1000


def load_scorer():
    """rapidfuzz's Indel distance, imported on first use: a long-lived process (the web) calls
    this at start so that its first fuzzy lookup does not pay for the import."""
    from rapidfuzz.distance import Indel

    return Indel


class Similarity:
    """Similarity ratio (0..1) of a query with folded terms, also against a term's beginning.

    The ratio is ``2 × longest common subsequence / total length`` (the Indel similarity,
    computed in C by rapidfuzz); terms that cannot reach ``threshold`` score 0.

    >>> sim = Similarity("organisaton du traite", 0.5)
    >>> round(sim("organisation du traite"), 2), sim("xyz")
    (0.98, 0.0)
    """

    def __init__(self, query: str, threshold: float):
        self.query = query
        self.threshold = threshold
        self._ratio = load_scorer().normalized_similarity

    def __call__(self, folded: str) -> float:
        ratio = self._ratio(self.query, folded, score_cutoff=self.threshold)
        if ratio < self.threshold and len(folded) > len(self.query) + 3:
            start = folded[: len(self.query) + 1]
            ratio = 0.95 * self._ratio(self.query, start,
                                       score_cutoff=min(1.0, self.threshold / 0.95))
        return ratio


def _closest(folded: str, texts: list[str], threshold: float) -> dict[int, float]:
    """Positions of the texts whose :class:`Similarity` with ``folded`` reaches
    ``threshold``, with their ratio (all scored in C, whole texts and beginnings).

    >>> found = _closest("alemagne", ["allemagne", "allemagne federale du nord", "espagne"], 0.78)
    >>> {i: round(score, 2) for i, score in found.items()}
    {0: 0.94, 1: 0.89}
    """
    from rapidfuzz import process

    Indel = load_scorer()
    scores = {i: score for _t, score, i in process.extract(
        folded, texts, scorer=Indel.normalized_similarity, score_cutoff=threshold, limit=None)}
    size = len(folded) + 1
    starts = {i: t[:size] for i, t in enumerate(texts) if len(t) > size + 2 and i not in scores}
    for _t, score, i in process.extract(folded, starts, scorer=Indel.normalized_similarity,
                                        score_cutoff=min(1.0, threshold / 0.95), limit=None):
        scores[i] = 0.95 * score
    return scores


def fuzzy_candidates(termbase, folded: str, lang: str | None,
                      filters: Filters = NO_FILTERS) -> list[tuple]:
    """The candidate rows of the terms closest to ``folded``: every term of a small
    termbase is scored, in a large one those sharing the most of the query's rarest
    trigrams (typos spoil only a few trigrams)."""
    grams = trigrams(folded)
    if not grams:
        return []
    if termbase.approx_term_count() <= FUZZY_SCAN_TERMS:
        pool = termbase.all_folded_terms(lang)
    else:
        pool = _trigram_pool(termbase, folded, grams, lang)
    # Every term of the pool is scored (cheap in C); only the best few are read in full.
    scores = _closest(folded, [text for _id, text in pool], FUZZY_THRESHOLD)
    # Filters are applied to the rows read: keep more candidates to filter from.
    keep = FILTERED_CANDIDATES if filters else FUZZY_CANDIDATES
    best = heapq.nlargest(keep, scores, key=scores.__getitem__)
    return termbase.find_ids([pool[i][0] for i in best], lang, filters)


def _trigram_pool(termbase, folded: str, grams: list[str], lang: str | None) -> list[tuple]:
    """``(id, folded)`` of the likeliest terms: those sharing the most of the query's rarest
    trigrams, those holding every one of its intact words first.

    Typos spoil a few trigrams and words: the rare trigrams that survive find the target
    when it has a rare part (a number, a rare word), the intact words when all of its rare
    parts are spoiled (a common name with a typo in each distinctive word).
    """
    if len(grams) > FUZZY_MAX_GRAMS:  # long queries: evenly spread trigrams are enough
        step = len(grams) / FUZZY_MAX_GRAMS
        grams = [grams[int(i * step)] for i in range(FUZZY_MAX_GRAMS)]
    # Trigrams found in ``cap`` terms or more discriminate little: they are used only when
    # the query has no rarer ones. The cap grows with the termbase (0.5 % of its terms).
    cap = max(FREQUENCY_CAP, termbase.approx_term_count() // 200)
    freq = termbase.trigram_frequencies(grams, cap)
    ranked = sorted(freq, key=freq.__getitem__)
    rare = [g for g in ranked if freq[g] < cap] or ranked[:3]
    chosen, budget = [], max(FUZZY_POSTINGS, 4 * cap)
    for gram in rare[:FUZZY_GRAMS]:  # rarest first, while the postings fit the budget
        if chosen and freq[gram] > budget:
            break
        chosen.append(gram)
        budget -= freq[gram]
    # Holding every intact word tells more when few terms do (the bonus is then higher).
    return termbase.pooled_terms(chosen, _intact_words(termbase, folded, cap),
                                 FUZZY_WORD_POSTINGS, (WORDS_BONUS, WORDS_BONUS_COMMON),
                                 FUZZY_POOL, lang)


def _intact_words(termbase, folded: str, cap: int) -> list[str]:
    """The query's words found in the termbase that some term holds together (the rarest
    left out, one then two, when none holds them all: a typo may make another real word)."""
    words = [w for w in dict.fromkeys(_WORD.findall(folded)) if len(w) >= 2]
    freq = termbase.word_frequencies(words, cap)
    intact = sorted(freq, key=freq.__getitem__)
    for drop in range(min(3, len(intact))):
        if termbase.words_co_occur(intact[drop:]):
            return intact[drop:]
    return []
