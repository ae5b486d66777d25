"""Entry pages: ``/entries/<id>`` (terms, notes, evidence, history) and its TBX download."""

from __future__ import annotations

from flask import Blueprint, render_template, url_for

from web.db import get_tb
from web.export import send_dumped
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


@bp.get("/entries/<int:concept_id>")
def show(concept_id: int):
    tb = get_tb()
    concept = tb.get_concept(concept_id)
    fr_terms = [t.text for t in concept.terms_in("fr")]
    en_terms = [t.text for t in concept.terms_in("en")]
    evidence = [
        {"source": ev.source, "symbol": ev.symbol, "method": ev.method,
         "fr": highlight(ev.context_fr, fr_terms), "en": highlight(ev.context_en, en_terms)}
        for ev in concept.evidence if ev.context_fr or ev.context_en
    ]
    sources = list(dict.fromkeys(
        ev.source + (f" ({ev.symbol})" if ev.symbol and ev.symbol not in ev.source else "")
        for ev in concept.evidence if not (ev.context_fr or ev.context_en)
    ))
    return render_template(
        "entry.html", concept=concept, evidence=evidence, sources=sources,
        with_en=any(ev.context_en for ev in concept.evidence),
        history=history_rows(tb, concept_id),
        permalink=url_for("entries.show", concept_id=concept_id, _external=True),
    )


@bp.get("/entries/<int:concept_id>.tbx")
def tbx(concept_id: int):
    from termbase import tbx as tbx_format

    concept = get_tb().get_concept(concept_id)
    return send_dumped(lambda path: tbx_format.dump([concept], path),
                       f"termalign-{concept_id}.tbx", "application/x-tbx+xml")
