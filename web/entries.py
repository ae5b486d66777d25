"""Entry pages: ``/entries/<id>`` (name, terms, notes, evidence, history) and its TBX download.

The page is headed by the entry's name in the interface's language (then the other one);
evidence sentences are listed once each, French and English side by side with the terms
marked, their document symbol as written and linked to ``undocs.org``.
"""

from __future__ import annotations

from flask import Blueprint, g, render_template, url_for
from markupsafe import Markup, escape

from termbase.describe import display_name
from termbase.fold import fold
from termbase.lookup import ordered_evidence, span_text_en
from termbase.symbols import clean_symbol, symbol_url
from web.db import get_tb
from web.export import not_modified, send_dumped, tagged
from web.highlight import highlight

bp = Blueprint("entries", __name__)


def history_rows(tb, concept_id: int) -> list[dict]:
    """The concept's edits, newest first, with a short summary of what changed."""
    rows = []
    for item in reversed(tb.history(concept_id)):
        rows.append({**item, "before_text": _summary(item.get("before")),
                     "after_text": _summary(item.get("after"))})
    return rows


def _summary(data: dict | None) -> str:
    """A one-line human summary of a concept stored in the history."""
    if not data:
        return "—"
    terms = "; ".join(
        f"{t['lang']}: {t['text']} ({t['type']}, {t['status']})" for t in data.get("terms", [])
    )
    parts = [f"[{data.get('kind', '')}]", terms]
    if data.get("note"):
        parts.append(f"note: {data['note']}")
    return " ".join(p for p in parts if p)


def split_notes(note: str, terms: list[str]) -> list[tuple[str, str]]:
    """The concept's notes, one per line, as ``(term, text)``: ``term`` is set when the note
    starts with one of the entry's terms and a colon.

    >>> split_notes("Ligue arabe: EU usage\\nArab League: press usage\\nSee also: x", ["Ligue arabe", "Arab League"])
    [('Ligue arabe', 'EU usage'), ('Arab League', 'press usage'), ('', 'See also: x')]
    """
    known = {fold(t): t for t in terms}
    out = []
    for line in note.splitlines():
        line = line.strip()
        if not line:
            continue
        head, sep, rest = line.partition(": ")
        if sep and fold(head) in known:
            out.append((head, rest.strip()))
        else:
            out.append(("", line))
    return out


def definitions(concept, first_lang: str = "en") -> list[dict]:
    """The definitions kept from an import (the concept's, then its terms'), those in
    ``first_lang`` first: ``{"lang", "term", "text", "source"}`` each, once.

    >>> from termbase.model import Concept, Field, Term
    >>> c = Concept(fields=[Field("definition", "Organe principal.", "fr", "Charte"),
    ...                     Field("partOfSpeech", "noun")],
    ...             terms=[Term("en", "Council", fields=[Field("definition", "A body.")])])
    >>> [(d["lang"], d["term"], d["text"]) for d in definitions(c)]
    [('en', 'Council', 'A body.'), ('fr', '', 'Organe principal.')]
    """
    found = [{"lang": f.lang, "term": "", "text": f.value, "source": f.source}
             for f in concept.fields if f.name == "definition" and f.value]
    found += [{"lang": t.lang, "term": t.text, "text": f.value, "source": f.source}
              for t in concept.terms for f in t.fields if f.name == "definition" and f.value]
    unique = list({(d["lang"], d["term"], d["text"]): d for d in found}.values())
    return sorted(unique, key=lambda d: d["lang"] != first_lang)


def term_notes(concept) -> list[tuple[str, str]]:
    """The notes kept on the terms by an import, as ``(term, text)``."""
    return [(t.text, f.value) for t in concept.terms for f in t.fields
            if f.name == "note" and f.value]


def mark_english(ev, en_terms: list[str]) -> Markup:
    """The evidence's English sentence with the term marked: the stored span (``span_en``)
    when it fits the sentence, else the entry's English terms found in it.

    >>> from termbase.model import Evidence
    >>> str(mark_english(Evidence("S/1", "", "a <b> peace operation", span_en=(6, 21)), []))
    'a &lt;b&gt; <mark>peace operation</mark>'
    >>> str(mark_english(Evidence("S/1", "", "peace operations", span_en=(3, 99)), ["peace"]))
    '<mark>peace</mark> operations'
    """
    if not span_text_en(ev):
        return highlight(ev.context_en, en_terms)
    start, end = ev.span_en
    text = ev.context_en
    return (escape(text[:start]) + Markup("<mark>{}</mark>").format(text[start:end])
            + escape(text[end:]))


def evidence_rows(concept) -> tuple[list[dict], list[dict]]:
    """``(sentences, references)``: evidence with sentences, each sentence pair once (its
    sources merged), and the bare references (sources without a sentence), once each."""
    fr_terms = [t.text for t in concept.terms_in("fr")]
    en_terms = [t.text for t in concept.terms_in("en")]
    rows: dict[tuple[str, str], dict] = {}
    refs: dict[tuple[str, str], dict] = {}
    for ev in ordered_evidence(concept.evidence):
        symbol = clean_symbol(ev.symbol)
        source = {"source": clean_symbol(ev.source), "method": ev.method,
                  "symbol": symbol if symbol and symbol != clean_symbol(ev.source) else "",
                  "url": symbol_url(ev.symbol) or symbol_url(ev.source)}
        if not (ev.context_fr or ev.context_en):
            refs.setdefault((source["source"], source["symbol"]), source)
            continue
        key = (fold(ev.context_fr), fold(ev.context_en))
        row = rows.get(key)
        if row is None:
            row = rows[key] = {"fr": highlight(ev.context_fr, fr_terms),
                               "en": mark_english(ev, en_terms), "sources": [],
                               "spanned": bool(span_text_en(ev))}
        elif not row["spanned"] and span_text_en(ev):  # a later copy knows the span
            row["en"], row["spanned"] = mark_english(ev, en_terms), True
        if source not in row["sources"]:
            row["sources"].append(source)
    return list(rows.values()), [r for r in refs.values()
                                 if not any(r in row["sources"] for row in rows.values())]


@bp.get("/entries/<int:concept_id>")
def show(concept_id: int):
    from web.security import editor

    ui_lang = getattr(g, "ui_lang", "en")
    etag, unchanged = not_modified("entry", concept_id, ui_lang, editor() or "")
    if unchanged is not None:
        return unchanged
    tb = get_tb()
    concept = tb.get_concept(concept_id)
    other = "fr" if ui_lang == "en" else "en"
    names = [(lang, display_name(concept, lang)) for lang in (ui_lang, other)]
    names = [(lang, name) for lang, name in names if name]
    sentences, references = evidence_rows(concept)
    html = render_template(
        "entry.html", concept=concept, names=names, sentences=sentences,
        references=references,
        notes=split_notes(concept.note, [t.text for t in concept.terms]) + term_notes(concept),
        definitions=definitions(concept, ui_lang),
        with_en=any(row["en"] for row in sentences),
        history=history_rows(tb, concept_id),
        permalink=url_for("entries.show", concept_id=concept_id, _external=True),
    )
    from flask import make_response

    return tagged(make_response(html), etag)


@bp.get("/entries/<int:concept_id>.tbx")
def tbx(concept_id: int):
    from termbase import tbx as tbx_format

    etag, unchanged = not_modified("entry.tbx", concept_id)
    if unchanged is not None:
        return unchanged
    concept = get_tb().get_concept(concept_id)
    return tagged(send_dumped(lambda path: tbx_format.dump([concept], path),
                              f"termalign-{concept_id}.tbx", "application/x-tbx+xml"), etag)
