"""Term lookup: exact, accent-insensitive, acronym, other number, prefix, words, infix, fuzzy.

The automatic mode cascades: exact and prefix matches always run (one index range scan);
the query in the other grammatical number (:mod:`termbase.inflection`) runs when they found
no answer;
word matches run while fewer than :data:`ENOUGH` concepts are found (after an exact hit,
only for queries of up to three words); infix matching runs only when nothing matched so
far, and fuzzy matching only when nothing else matched at all. The other modes run one
kind of match (``exact``, ``prefix`` = starts with, ``contains``, ``fuzzy``). Results are
ranked: exact matches first, then accent-insensitive ones, then by stage; within a stage
titles before countries before terms, preferred before admitted, curated before candidates.

Every result says how it matched (:data:`MATCHES`): a prefix, word, infix or fuzzy result
is never an answer, only the nearest entries (:func:`is_answer`). User input is never
passed to FTS5 as syntax (see ``search.fts_phrase``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from termbase.errors import TermbaseError
from termbase.fold import fold, fold_term, normalise_punctuation, strip_article
from termbase.fuzzy import FUZZY_THRESHOLD, Similarity, fuzzy_candidates
from termbase.inflection import number_variants
from termbase.model import Concept, Evidence, Term
from termbase.search import NO_FILTERS, Filters
from termbase.symbols import clean_symbol, symbol_url

#: Match kinds, best first. ``exact`` ignores case only; ``accent-insensitive`` also accents.
#: ``number``: a form equal to the query in the other number (singular or plural).
MATCHES = ("exact", "acronym", "accent-insensitive", "number", "prefix", "words", "infix",
           "fuzzy")
#: Matches that answer the query (the others are only the nearest entries).
ANSWERS = ("exact", "acronym", "accent-insensitive", "number")
#: Search modes: the cascade, or one kind of match.
MODES = ("auto", "exact", "prefix", "contains", "fuzzy")
#: The kind filters people choose from, and the concept kinds they select.
KIND_FILTERS = {"body": "title", "term": "term", "country": "country",
                "instrument": "instrument"}
#: The status filters: a term status, or the concept's origin.
STATUS_FILTERS = ("preferred", "admitted", "deprecated", "superseded", "curated", "candidate")
#: Longest query accepted, in characters (CLI, web and API alike).
MAX_QUERY = 200
#: Most concepts one search counts (and pages through).
MAX_MATCHES = 1000
#: The automatic mode stops widening the search once this many concepts are found.
ENOUGH = 20
_STAGE = {"exact": 0, "acronym": 0, "accent-insensitive": 1, "number": 2, "prefix": 3,
          "words": 4, "infix": 5, "fuzzy": 6}
_KIND_RANK = {"title": 0, "country": 1, "term": 2}
#: Rank of term statuses, best first.
STATUS_RANK = {"preferred": 0, "admitted": 1, "deprecated": 2, "superseded": 3}
_WORD = re.compile(r"\w+")
_ARTICLES = {"les", "the"}


class QueryError(TermbaseError):
    """A query the search refuses (too long)."""


def check_query(query: str) -> str:
    """The query without surrounding spaces; :class:`QueryError` when it is too long.

    >>> check_query("  OTSC ")
    'OTSC'
    >>> check_query("x" * 201)
    Traceback (most recent call last):
    termbase.lookup.QueryError: query too long (201 characters; at most 200)
    """
    query = query.strip()
    if len(query) > MAX_QUERY:
        raise QueryError(f"query too long ({len(query)} characters; at most {MAX_QUERY})")
    return query


def _accented(text: str) -> str:
    """Case-folded text keeping its accents: equal for an exact match.

    >>> _accented("L’Union  africaine") == _accented("union africaine")
    True
    >>> _accented("Etats") == _accented("États")
    False
    """
    return strip_article(normalise_punctuation(text).casefold())


def is_answer(match: str) -> bool:
    """Whether a result of this match kind answers the query (rather than being near it).

    >>> is_answer("accent-insensitive"), is_answer("fuzzy")
    (True, False)
    """
    return match in ANSWERS


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
            "no_full_form": ["en"] if acronym_only(c) else [],
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
                {"source": e.source, "symbol": clean_symbol(e.symbol),
                 "url": symbol_url(e.symbol), "context_fr": e.context_fr,
                 "context_en": e.context_en, "method": e.method,
                 "span_en": list(e.span_en) if span_text_en(e) else None}
                for e in ordered_evidence(c.evidence)
            ],
        }


@dataclass
class LookupPage:
    """One page of a search: the results from ``offset`` and how many there are in all."""

    query: str
    results: list[LookupResult] = field(default_factory=list)
    total: int = 0
    offset: int = 0
    limit: int = 20

    @property
    def next(self) -> int | None:
        """The offset of the next page, or ``None`` on the last one."""
        end = self.offset + self.limit
        return end if end < self.total else None

    @property
    def answered(self) -> bool:
        """Whether the best result answers the query (and is not only the nearest entry)."""
        return bool(self.results) and self.offset == 0 and is_answer(self.results[0].match)

    def to_json(self) -> dict:
        """The ``lookup --json`` and ``/api/lookup`` document."""
        return {"query": self.query, "total": self.total, "offset": self.offset,
                "limit": self.limit, "next": self.next,
                "results": [r.to_json() for r in self.results]}

    def dumps(self) -> str:
        """The document as text, the same bytes from ``lookup --json`` and ``/api/lookup``."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"


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


def span_text_en(ev: Evidence) -> str:
    """The English term the evidence's ``span_en`` points at in ``context_en`` ("" when
    there is no span, or it does not fit the sentence).

    >>> span_text_en(Evidence("S/1", "le maintien de la paix", "peacekeeping", span_en=(0, 12)))
    'peacekeeping'
    >>> span_text_en(Evidence("S/1", "x", "short", span_en=(2, 40))), span_text_en(Evidence("S/1"))
    ('', '')
    """
    if not ev.span_en:
        return ""
    start, end = ev.span_en
    if not 0 <= start < end <= len(ev.context_en):
        return ""
    return ev.context_en[start:end]


def lookup(termbase, query: str, lang: str | None = None, limit: int = 20) -> list[LookupResult]:
    """The first ``limit`` results of the automatic search (see :func:`search`)."""
    if limit <= 0:
        return []
    return search(termbase, query, lang=lang, limit=limit).results


def search(termbase, query: str, mode: str = "auto", lang: str | None = None,
           filters: Filters = NO_FILTERS, limit: int = 20, offset: int = 0) -> LookupPage:
    """Find the concepts designated by ``query`` in a :class:`termbase.store.Termbase`.

    ``lang`` restricts the MATCHED term to one language (results still carry both
    languages); ``filters`` the concepts. Up to :data:`MAX_MATCHES` concepts are counted
    (``total``) and ranked; the page holds ``limit`` of them from ``offset``. Raises
    :class:`QueryError` for a query over :data:`MAX_QUERY` characters, ``ValueError``
    for an unknown mode.
    """
    if mode not in MODES:
        raise ValueError(f"unknown search mode {mode!r} (expected {', '.join(MODES)})")
    query = check_query(query)
    page = LookupPage(query, offset=max(0, offset), limit=max(0, limit))
    folded = fold_term(query)
    if not folded:
        return page
    ranked = _rank(_collect(termbase, query, folded, mode, lang, filters))
    page.total = len(ranked)
    chosen = ranked[page.offset : page.offset + page.limit]
    concepts = {c.id: c for c in termbase.concepts_in_one([cid for cid, _ in chosen])}
    for cid, (_key, match, score, term_id) in chosen:
        concept = concepts.get(cid)  # None if another process deleted it meanwhile
        term = next((t for t in concept.terms if t.id == term_id), None) if concept else None
        if term is not None:
            page.results.append(LookupResult(concept, match, score, term))
    return page


def _absent_words(termbase, words: list[str]) -> set[str]:
    """Those of ``words`` found in no folded term, not even inside a word: typos. The infix
    stage needs every word of the query but the first and the last whole in the term: a
    typo there rules it out, and the fuzzy stage runs at once (one statement instead of an
    intersection of the trigrams of the whole query). Articles are never counted absent
    (folding strips them from the start of terms)."""
    inner = [w for w in dict.fromkeys(words) if len(w) >= 3 and w not in _ARTICLES]
    if not inner:
        return set()
    return set(inner) - termbase.found_inside(inner)


def _rank(hits: dict[int, tuple]) -> list[tuple[int, tuple]]:
    return sorted(hits.items(), key=lambda item: item[1][0])


def _collect(termbase, query: str, folded: str, mode: str, lang: str | None,
             filters: Filters) -> dict[int, tuple]:
    """``{concept id: (rank key, match, score, term id)}`` of every concept found."""
    hits: dict[int, tuple] = {}
    accented = _accented(query)

    def add(rows, match: str, score_of) -> None:
        for term_id, concept_id, _lang, text, type_, status, t_folded, kind, curated in rows:
            m = match
            if t_folded == folded:  # any stage may meet an equal term: label it honestly
                m = "acronym" if type_ == "acronym" else (
                    "exact" if _accented(text) == accented else "accent-insensitive")
            elif match == "exact":
                continue
            score = 1.0 if m in ANSWERS else score_of(t_folded)
            if score is None:
                continue
            # Fuzzy results: the closest spelling first (a worse one is never ranked above
            # it for being curated or a title); other stages: by kind, status, origin.
            closeness = -round(score, 2) if m == "fuzzy" else 0
            key = (_STAGE[m], closeness, _KIND_RANK.get(kind, 3), STATUS_RANK.get(status, 4),
                   0 if curated else 1, -score, len(text), concept_id)
            old = hits.get(concept_id)
            if old is None or key < old[0]:
                hits[concept_id] = (key, m, score, term_id)

    def ratio(t_folded: str) -> float:
        return min(1.0, len(folded) / max(len(t_folded), 1))

    if mode == "exact":
        add(termbase.find_exact(folded, lang, MAX_MATCHES, filters), "exact", ratio)
        return hits
    add(termbase.find_prefix(folded, lang, MAX_MATCHES, filters), "prefix", ratio)
    if mode == "auto" and not any(is_answer(hit[1]) for hit in hits.values()):
        add(termbase.find_any(number_variants(folded), lang, MAX_MATCHES, filters), "number",
            ratio)
    words = _WORD.findall(fold(query))
    if mode == "contains" or (mode == "auto" and len(hits) < ENOUGH
                              and (not hits or len(words) <= 3)):
        # After an exact hit, longer names holding every word of a long query are not worth
        # the cost (an AND of many common words); after a short one they are (``Conseil``).
        add(termbase.find_words(words, lang, MAX_MATCHES, filters), "words", ratio)
    if mode == "contains" or (mode == "auto" and not hits
                              and not _absent_words(termbase, words[1:-1])):
        add(termbase.find_infix(folded, lang, MAX_MATCHES, filters), "infix", ratio)
    if mode == "fuzzy" or (mode == "auto" and not hits):
        similarity = Similarity(folded, FUZZY_THRESHOLD)

        def fuzzy(t_folded: str) -> float | None:
            score = similarity(t_folded)
            return score if score >= FUZZY_THRESHOLD else None

        add(fuzzy_candidates(termbase, folded, lang, filters), "fuzzy", fuzzy)
    return hits


def acronym_only(concept: Concept) -> bool:
    """Whether every English term of the concept is an acronym: an incomplete entry that
    tells the English acronym but not the name (flagged :data:`termbase.describe.NO_FULL_FORM`)."""
    english = concept.terms_in("en")
    return bool(english) and all(t.type == "acronym" for t in english)
