"""Lookup results for people: names, one-line and full descriptions (``termalign lookup``).

Pure text: the CLI prints these lines, the web renders its own templates from
:meth:`termbase.lookup.LookupResult.to_json`.
"""

from __future__ import annotations

from termbase.lookup import (
    STATUS_RANK,
    LookupResult,
    acronym_only,
    ordered_evidence,
    span_text_en,
)
from termbase.model import Concept, Evidence, Term  # noqa: F401  (Term: doctests)
from termbase.symbols import clean_symbol


def display_name(concept: Concept, lang: str) -> str:
    """``Full name (ACRONYM)`` in one language, from the best full form and acronym.

    >>> c = Concept(terms=[Term("en", "CSTO", "acronym"),
    ...                    Term("en", "Collective Security Treaty Organization")])
    >>> display_name(c, "en")
    'Collective Security Treaty Organization (CSTO)'
    >>> display_name(c, "fr")
    ''
    """
    terms = sorted(concept.terms_in(lang), key=lambda t: STATUS_RANK.get(t.status, 4))
    full = next((t.text for t in terms if t.type != "acronym"), "")
    acronym = next((t.text for t in terms if t.type == "acronym"), "")
    if full and acronym:
        return f"{full} ({acronym})"
    return full or acronym


#: How each match kind is named for people (text output and web).
MATCH_LABELS = {
    "exact": "exact match", "acronym": "acronym", "accent-insensitive": "accent-insensitive match",
    "number": "singular/plural of the query",
    "prefix": "starts with the query", "words": "contains the words", "infix": "contains the query",
    "fuzzy": "nearest spelling (fuzzy)",
}


NO_FULL_FORM = "English full form not known"


def brief(result: LookupResult) -> str:
    """One line: ``FR (ACR) = EN (ACR)``, with how it matched unless it is an exact match.

    >>> c = Concept(terms=[Term("fr", "OTSC", "acronym"), Term("en", "CSTO", "acronym"),
    ...                    Term("en", "Collective Security Treaty Organization")])
    >>> brief(LookupResult(c, "acronym", 1.0, c.terms[0]))
    'OTSC = Collective Security Treaty Organization (CSTO)'
    >>> brief(LookupResult(c, "fuzzy", 0.8, c.terms[2]))
    'OTSC = Collective Security Treaty Organization (CSTO)  [nearest spelling (fuzzy)]'
    >>> d = Concept(terms=[Term("fr", "CEEAC", "acronym"), Term("en", "ECCAS", "acronym")])
    >>> brief(LookupResult(d, "acronym", 1.0, d.terms[0]))
    'CEEAC = ECCAS  [English full form not known]'
    """
    c = result.concept
    line = " = ".join(n for n in (display_name(c, "fr"), display_name(c, "en")) if n)
    flags = [MATCH_LABELS[result.match]] if result.match not in ("exact", "acronym") else []
    if acronym_only(c):
        flags.append(NO_FULL_FORM)
    if flags:
        line += f"  [{'; '.join(flags)}]"
    return line


def evidence_where(ev: Evidence) -> str:
    """The source of an evidence row, with its document symbol as written.

    >>> evidence_where(Evidence("UNv1.0.devset.fr:12", symbol="S/RES/2210__2015_"))
    'UNv1.0.devset.fr:12 (S/RES/2210 (2015))'
    >>> evidence_where(Evidence("S/2021/297", symbol="S/2021/297"))
    'S/2021/297'
    """
    symbol = clean_symbol(ev.symbol)
    source = clean_symbol(ev.source)
    return source + (f" ({symbol})" if symbol and symbol not in source else "")


def describe(result: LookupResult, evidence: int = 3) -> list[str]:
    """Lines of text for people: the names, the status of every term, some evidence."""
    c = result.concept
    names = [n for n in (display_name(c, "en"), display_name(c, "fr")) if n]
    flags = [c.kind, "curated" if c.curated else f"candidate {c.confidence:.2f}",
             f"{MATCH_LABELS[result.match]} on {result.term.text!r}"]
    if acronym_only(c):
        flags.append(NO_FULL_FORM)
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
        context = " / ".join(x for x in (ev.context_fr, ev.context_en) if x)
        term_en = span_text_en(ev)
        method = ev.method + (f"; en: {term_en!r}" if term_en else "")
        lines.append(f"  evidence: {evidence_where(ev)} [{method}]"
                     + (f": {context}" if context else ""))
    if len(ordered) > evidence:
        lines.append(f"  ... {len(ordered) - evidence} more evidence")
    return lines
