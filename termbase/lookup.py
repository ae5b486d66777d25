"""Term lookup: exact, accent/case-insensitive, acronym, prefix, words, infix and fuzzy.

Exact and prefix matches always run; word matches run while fewer than ``limit`` concepts
are found (after an exact hit, only for queries of up to three words); infix matching runs only when nothing matched so far, and fuzzy matching only when
nothing else matched at all. Results are ranked: exact matches first,
then titles before countries before terms, preferred before admitted, curated before
candidates. User input is never passed to FTS5 as syntax (see ``search.fts_phrase``).
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Indel

from termbase.fold import fold, fold_term, trigrams
from termbase.model import Concept, Evidence, Term

#: Match kinds, best first; the index is the ranking stage.
MATCHES = ("exact", "acronym", "prefix", "words", "infix", "fuzzy")
_STAGE = {"exact": 0, "acronym": 0, "prefix": 1, "words": 2, "infix": 3, "fuzzy": 4}
_KIND_RANK = {"title": 0, "country": 1, "term": 2}
_STATUS_RANK = {"preferred": 0, "admitted": 1, "deprecated": 2, "superseded": 3}
#: Minimum similarity ratio (0..1) of a fuzzy match on folded strings.
FUZZY_THRESHOLD = 0.78
#: Up to this many terms, the fuzzy stage scores every term (kept in memory per connection);
#: beyond, only the terms sharing the most rare trigrams with the query are scored...
FUZZY_SCAN_TERMS = 20_000
FUZZY_POOL = 1000
#: ... and how many of the closest are kept as fuzzy matches.
FUZZY_CANDIDATES = 80
#: How many of the query's rarest trigrams are used to find fuzzy candidates.
FUZZY_GRAMS = 12
#: Trigram frequencies are counted up to this number of terms (at least).
FREQUENCY_CAP = 500
#: Budget of trigram postings read by the fuzzy stage (at least; bounds its cost).
FUZZY_POSTINGS = 6000
_WORD = re.compile(r"\w+")


@dataclass
class LookupResult:
    """One concept found by a lookup, with the term that matched and how it matched."""

    concept: Concept
    match: str
    score: float
    term: Term

    def to_json(self) -> dict:
        """The ``--json`` / web API form of a result."""
        c = self.concept
        return {
            "id": c.id,
            "kind": c.kind,
            "match": self.match,
            "score": round(self.score, 3),
            "curated": c.curated,
            "matched": {"lang": self.term.lang, "term": self.term.text},
            "subject": c.subject,
            "note": c.note,
            **{
                lang: [
                    {"term": t.text, "type": t.type, "status": t.status, "no_check": t.no_check}
                    for t in c.terms_in(lang)
                ]
                for lang in ("fr", "en")
            },
            "evidence": [
                {"source": e.source, "symbol": e.symbol, "context_fr": e.context_fr,
                 "context_en": e.context_en, "method": e.method}
                for e in ordered_evidence(c.evidence)
            ],
        }


def ordered_evidence(evidence: list[Evidence]) -> list[Evidence]:
    """Evidence for people: sentence pairs first, then one sentence, then bare references;
    identical rows (same source, symbol and sentences, whatever the method) once, the
    first one kept; stable otherwise.

    >>> rows = [Evidence("UNTERM"), Evidence("S/1", "Phrase."), Evidence("UNTERM"),
    ...         Evidence("corpus:3", "Phrase.", "Sentence.", method="aligned")]
    >>> [e.source for e in ordered_evidence(rows)]
    ['corpus:3', 'S/1', 'UNTERM']
    """
    seen: set[tuple] = set()
    unique = []
    for ev in evidence:
        key = (ev.source, ev.symbol, ev.context_fr, ev.context_en)
        if key not in seen:
            seen.add(key)
            unique.append(ev)
    return sorted(unique, key=lambda e: 2 - bool(e.context_fr) - bool(e.context_en))


class _Similarity:
    """Similarity ratio (0..1) of a query with folded terms, also against a term's beginning.

    The ratio is ``2 × longest common subsequence / total length`` (the Indel similarity,
    computed in C by rapidfuzz); terms that cannot reach ``threshold`` score 0.

    >>> sim = _Similarity("organisaton du traite", 0.5)
    >>> round(sim("organisation du traite"), 2), sim("xyz")
    (0.98, 0.0)
    """

    def __init__(self, query: str, threshold: float):
        self.query = query
        self.threshold = threshold

    def __call__(self, folded: str) -> float:
        ratio = Indel.normalized_similarity(self.query, folded, score_cutoff=self.threshold)
        if ratio < self.threshold and len(folded) > len(self.query) + 3:
            start = folded[: len(self.query) + 1]
            ratio = 0.95 * Indel.normalized_similarity(self.query, start,
                                                       score_cutoff=min(1.0, self.threshold / 0.95))
        return ratio


def _closest(folded: str, texts: list[str], threshold: float) -> dict[int, float]:
    """Positions of the texts whose :class:`_Similarity` with ``folded`` reaches
    ``threshold``, with their ratio (all scored in C, whole texts and beginnings).

    >>> found = _closest("alemagne", ["allemagne", "allemagne federale du nord", "espagne"], 0.78)
    >>> {i: round(score, 2) for i, score in found.items()}
    {0: 0.94, 1: 0.89}
    """
    scores = {i: score for _t, score, i in process.extract(
        folded, texts, scorer=Indel.normalized_similarity, score_cutoff=threshold, limit=None)}
    size = len(folded) + 1
    starts = {i: t[:size] for i, t in enumerate(texts) if len(t) > size + 2 and i not in scores}
    for _t, score, i in process.extract(folded, starts, scorer=Indel.normalized_similarity,
                                        score_cutoff=min(1.0, threshold / 0.95), limit=None):
        scores[i] = 0.95 * score
    return scores


def _fuzzy_candidates(termbase, folded: str, lang: str | None) -> list[tuple]:
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
    best = heapq.nlargest(FUZZY_CANDIDATES, scores, key=scores.__getitem__)
    return termbase.find_ids([pool[i][0] for i in best], lang)


def _trigram_pool(termbase, folded: str, grams: list[str], lang: str | None) -> list[tuple]:
    """``(id, folded)`` of the terms sharing the most of the query's rarest trigrams."""
    if len(grams) > 24:  # long queries: every other trigram is enough, at half the cost
        grams = grams[::2]
    # Trigrams found in ``cap`` terms or more discriminate little: they are used only when
    # the query has no rarer ones. The cap grows with the termbase (0.5 % of its terms).
    cap = max(FREQUENCY_CAP, termbase.approx_term_count() // 200)
    freq = termbase.trigram_frequencies(grams, cap)
    ranked = sorted(freq, key=freq.__getitem__)
    rare = [g for g in ranked if freq[g] < cap] or ranked[:3]
    counts: Counter = Counter()
    budget = max(FUZZY_POSTINGS, 4 * cap)
    for gram in rare[:FUZZY_GRAMS]:
        if budget <= 0:
            break
        postings = termbase.trigram_postings(gram, budget)
        budget -= len(postings)
        counts.update(postings)
    return termbase.folded_terms([term_id for term_id, _n in counts.most_common(FUZZY_POOL)],
                                 lang)


def lookup(termbase, query: str, lang: str | None = None, limit: int = 20) -> list[LookupResult]:
    """Find the concepts designated by ``query`` in a :class:`termbase.store.Termbase`.

    ``lang`` restricts the MATCHED term to one language (results still carry both languages).
    """
    folded = fold_term(query)
    if not folded or limit <= 0:
        return []
    hits: dict[int, tuple] = {}

    def add(rows, match: str, score_of) -> None:
        for term_id, concept_id, _lang, text, type_, status, t_folded, kind, curated in rows:
            m = "acronym" if match == "exact" and type_ == "acronym" else match
            score = score_of(t_folded)
            if score is None:
                continue
            key = (_STAGE[m], _KIND_RANK.get(kind, 3), _STATUS_RANK.get(status, 4),
                   0 if curated else 1, -score, len(text), concept_id)
            old = hits.get(concept_id)
            if old is None or key < old[0]:
                hits[concept_id] = (key, m, score, term_id)

    def ratio(t_folded: str) -> float:
        return min(1.0, len(folded) / max(len(t_folded), 1))

    want = limit * 4
    add(termbase.find_exact(folded, lang, want), "exact", lambda _f: 1.0)
    if len(hits) < limit:
        add(termbase.find_prefix(folded, lang, want), "prefix", ratio)
    words = _WORD.findall(fold(query))
    # After an exact hit, longer names holding every word of a long query are not worth
    # the cost (an AND of many common words); after a short one they are (``Conseil``).
    if len(hits) < limit and (not hits or len(words) <= 3):
        add(termbase.find_words(words, lang, want), "words", ratio)
    if not hits:
        add(termbase.find_infix(folded, lang, want), "infix", ratio)
    if not hits:
        similarity = _Similarity(folded, FUZZY_THRESHOLD)

        def fuzzy(t_folded: str) -> float | None:
            score = similarity(t_folded)
            return score if score >= FUZZY_THRESHOLD else None

        add(_fuzzy_candidates(termbase, folded, lang), "fuzzy", fuzzy)
    best = sorted(hits.items(), key=lambda item: item[1][0])[:limit]
    concepts = {c.id: c for c in termbase.get_concepts([cid for cid, _ in best])}
    results = []
    for cid, (_key, match, score, term_id) in best:
        concept = concepts.get(cid)  # None if another process deleted it meanwhile
        term = next((t for t in concept.terms if t.id == term_id), None) if concept else None
        if term is not None:
            results.append(LookupResult(concept, match, score, term))
    return results


def display_name(concept: Concept, lang: str) -> str:
    """``Full name (ACRONYM)`` in one language, from the best full form and acronym.

    >>> c = Concept(terms=[Term("en", "CSTO", "acronym"),
    ...                    Term("en", "Collective Security Treaty Organization")])
    >>> display_name(c, "en")
    'Collective Security Treaty Organization (CSTO)'
    >>> display_name(c, "fr")
    ''
    """
    terms = sorted(concept.terms_in(lang), key=lambda t: _STATUS_RANK.get(t.status, 4))
    full = next((t.text for t in terms if t.type != "acronym"), "")
    acronym = next((t.text for t in terms if t.type == "acronym"), "")
    if full and acronym:
        return f"{full} ({acronym})"
    return full or acronym


def describe(result: LookupResult, evidence: int = 3) -> list[str]:
    """Lines of text for people: the names, the status of every term, some evidence."""
    c = result.concept
    names = [n for n in (display_name(c, "en"), display_name(c, "fr")) if n]
    flags = [c.kind, "curated" if c.curated else f"candidate {c.confidence:.2f}",
             f"{result.match} match on {result.term.text!r}"]
    if c.subject:
        flags.insert(1, c.subject)
    lines = [" / ".join(names), "  " + " · ".join(flags)]
    for lang in ("fr", "en"):
        terms = c.terms_in(lang)
        if terms:
            parts = [f"{t.text} [{t.type}, {t.status}{', no-check' if t.no_check else ''}]"
                     for t in terms]
            lines.append(f"  {lang}: " + "; ".join(parts))
    if c.note:
        lines.append(f"  note: {c.note}")
    ordered = ordered_evidence(c.evidence)
    for ev in ordered[:evidence]:
        where = ev.source + (f" ({ev.symbol})" if ev.symbol and ev.symbol != ev.source else "")
        context = " / ".join(x for x in (ev.context_fr, ev.context_en) if x)
        lines.append(f"  evidence: {where} [{ev.method}]" + (f": {context}" if context else ""))
    if len(ordered) > evidence:
        lines.append(f"  ... {len(ordered) - evidence} more evidence")
    return lines
