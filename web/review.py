"""The alignment review editor: merge, split, move sentences, approve or reject the beads.

A review starts from an alignment result (:mod:`web.align`) and is saved in the termbase file
(:mod:`termbase.reviews`), one per alignment, so that it can be reopened after the result
itself has expired. The page is driven by ``review.js``, which posts the beads after every
change; the server only ever receives sentence indexes and statuses (the texts stay those of
the alignment). Exports: TMX or TSV of the approved pairs, or of every pair. A logged-in
terminologist can add the approved pairs to the termbase's evidence in one click.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)

from termbase import reviews
from termbase.model import Evidence
from web import i18n, results
from web.check import source_options
from web.db import get_tb
from web.glossary import term_index
from web.security import editor, editor_required

bp = Blueprint("review", __name__)

#: The editor's strings (``review.<key>`` in :mod:`web.i18n`), given to ``review.js``.
LABELS = ("approve", "reject", "merge", "split", "up", "down", "edited", "saving", "saved",
          "save_failed", "approved", "rejected", "pending", "low", "state_approved",
          "state_rejected", "state_pending")
#: Most beads a review may have (more than any document pair the align page accepts).
MAX_BEADS = 100_000


def from_alignment(result_id: str, data: dict) -> reviews.Review:
    """A new review of an alignment result: every bead pending."""
    names = data.get("names") or ["", ""]
    beads = [reviews.ReviewBead(list(b["fr"]), list(b["en"]), b["score"], "pending",
                                bool(b["low"])) for b in data["beads"]]
    return reviews.Review(result_id, data["fr"], data["en"], beads, names[0], names[1],
                          data.get("source", "fr"))


def current(result_id: str) -> reviews.Review:
    """The saved review of an alignment, else a new one from the alignment result (or 404)."""
    review = reviews.find(get_tb(), result_id)
    if review is None:
        review = from_alignment(result_id, results.load("align", result_id))
    return review


def beads_from_json(body) -> list[reviews.ReviewBead]:
    """The beads posted by the editor: ``{"beads": [{"fr": [..], "en": [..], "status": ..,
    "score": .., "low": ..}]}``; 400 on anything else."""
    beads = body.get("beads") if isinstance(body, dict) else None
    if not isinstance(beads, list) or len(beads) > MAX_BEADS:
        abort(400, description='expected {"beads": [...]}')
    out = []
    for bead in beads:
        if not isinstance(bead, dict):
            abort(400, description="a bead must be an object")
        fr, en, score = bead.get("fr"), bead.get("en"), bead.get("score")
        if not (isinstance(fr, list) and isinstance(en, list)
                and all(type(i) is int for i in fr + en)):
            abort(400, description="bead sides must be lists of sentence numbers")
        if score is not None and not isinstance(score, int | float):
            abort(400, description="a bead score must be a number or null")
        out.append(reviews.ReviewBead(fr, en, score, str(bead.get("status", "pending")),
                                      bool(bead.get("low", False))))
    return out


def review_json(review: reviews.Review) -> dict:
    return {"alignment": review.alignment, "fr": review.fr, "en": review.en,
            "names": [review.fr_name, review.en_name], "source": review.source,
            "saved": review.modified, "counts": review.counts(),
            "beads": [{"fr": b.fr, "en": b.en, "score": b.score, "status": b.status,
                       "low": b.low} for b in review.beads]}


@bp.get("/review")
def index():
    return render_template("review_list.html", reviews=reviews.list_reviews(get_tb()))


@bp.get("/review/<result_id>")
def edit(result_id: str):
    review = current(result_id)
    labels = {key: i18n.translate(f"review.{key}", g.ui_lang) for key in LABELS}
    return render_template("review.html", review=review, data=review_json(review),
                           labels=labels, can_add=bool(editor()))


@bp.post("/review/<result_id>")
def save(result_id: str):
    """Save the beads posted by the editor (JSON, CSRF token in the ``X-CSRF-Token`` header)."""
    review = current(result_id)
    review.beads = beads_from_json(request.get_json(silent=True))
    try:
        reviews.save(get_tb(), review)
    except reviews.ReviewError as exc:
        abort(400, description=str(exc))
    return jsonify({"saved": review.modified, "counts": review.counts()})


def to_alignment(review: reviews.Review, status: str | None):
    """The review's beads (of one status, or all) as an :class:`aligner.formats.Alignment`.

    A bead the reviewer changed has no aligner score: it is written with 1.0 (aligned by
    hand)."""
    from aligner.align import Bead
    from aligner.formats import Alignment

    beads = [Bead(tuple(b.fr), tuple(b.en), 1.0 if b.score is None else b.score)
             for b in review.beads if status is None or b.status == status]
    return Alignment.from_beads(beads, review.fr, review.en, review.fr_name, review.en_name,
                                **source_options(review.source))


@bp.get("/review/<result_id>.<fmt>")
def download(result_id: str, fmt: str):
    from web.align import export_text

    if fmt not in ("tmx", "tsv"):
        abort(404)
    which = request.args.get("pairs", "approved")
    if which not in ("approved", "all"):
        abort(400, description="pairs must be approved or all")
    review = current(result_id)
    alignment = to_alignment(review, "approved" if which == "approved" else None)
    text = export_text(alignment, fmt)
    return results.attachment(text, f"termalign-review-{result_id[:8]}-{which}.{fmt}")


@bp.post("/review/<result_id>/evidence")
@editor_required
def add_evidence(result_id: str):
    """Add every approved pair to the evidence of the concepts it names in both languages."""
    tb = get_tb()
    review = reviews.load(tb, result_id)  # only a saved review: what the reviewer approved
    index = term_index()
    source = " ↔ ".join(n for n in (review.fr_name, review.en_name) if n) or "review"
    added = 0
    with tb.transaction():
        for fr, en, bead in review.pairs("approved"):
            for concept in index.attested(fr, en):
                evidence = Evidence(f"{source} (review)", fr, en, method="aligned",
                                    confidence=1.0 if bead.score is None else bead.score)
                added += reviews.add_evidence(tb, concept.id, evidence)
    flash(i18n.translate("review.evidence_added", g.ui_lang, n=added))
    return redirect(url_for("review.edit", result_id=result_id))
