"""The align page: two uploaded documents, aligned side by side with the alignment path.

The pipeline is ``termalign align``'s, :mod:`aligner.pipeline` (read, clean, segment, align
with the termbase's term pairs as anchors, diagnose); the result is kept server-side under a
random id (see :mod:`web.results`) for the view and the TMX/TSV downloads, written by
:mod:`aligner.formats`.
"""

from __future__ import annotations

from flask import Blueprint, abort, g, redirect, render_template, request, url_for

from web import check_direction, i18n, results
from web.alignview import alignment_svg
from web.cache import anchor_terms
from web.check import chosen_direction, remember_source, source_options

bp = Blueprint("align", __name__)


class MissingDocuments(ValueError):
    """The form did not carry both documents."""


def sentences_of(text: str, lang: str) -> tuple[list[str], list[int]]:
    """The sentences of an uploaded document's text and the paragraph number of each."""
    from aligner.pipeline import sentences_from_text

    return sentences_from_text(text, lang)


def align_sentences(fr: list[str], en: list[str], fr_paras=None, en_paras=None,
                    names: tuple[str, str] = ("", "")) -> dict:
    """Align two sentence lists; a JSON-ready result with the beads and a diagnosis."""
    from aligner.pipeline import align_sentences as align_pair

    result = align_pair(fr, en, fr_paras, en_paras, terms=anchor_terms(),
                        fr_name=names[0], en_name=names[1])
    return {
        "names": list(names), "fr": result.fr, "en": result.en, "warnings": result.warnings,
        "unrelated": result.unrelated, "mean_score": result.diagnosis.mean_score,
        "beads": [{"fr": list(b.fr), "en": list(b.en), "score": round(float(b.score), 4),
                   "low": bool(b.low_confidence), "kind": b.kind} for b in result.beads],
    }


def rows(data: dict) -> list[dict]:
    """Display rows: the bead's French and English text side by side."""
    fr, en = data["fr"], data["en"]
    return [{"n": n, "fr": " ".join(fr[i] for i in b["fr"]),
             "en": " ".join(en[j] for j in b["en"]), "score": b["score"], "low": b["low"],
             "kind": b["kind"]} for n, b in enumerate(data["beads"], 1)]


def align_uploads(fr_file, en_file, choice: str = "fr") -> dict:
    """Read, segment and align two uploaded documents (werkzeug ``FileStorage`` objects).

    ``choice`` is the direction selector's: ``fr``, ``en``, or ``auto`` to take the original
    from the documents' "Original :" lines (:func:`web.check_direction.of_texts`), whose
    reason is then kept as ``detected``.
    """
    from aligner.readers import decode_bytes

    if not (fr_file and fr_file.filename and en_file and en_file.filename):
        raise MissingDocuments(i18n.translate("align.missing", getattr(g, "ui_lang", "en")))
    fr_text = decode_bytes(fr_file.read(), fr_file.filename)
    en_text = decode_bytes(en_file.read(), en_file.filename)
    fr, fr_paras = sentences_of(fr_text, "fr")
    en, en_paras = sentences_of(en_text, "en")
    result = align_sentences(fr, en, fr_paras, en_paras, (fr_file.filename, en_file.filename))
    if choice == "auto":
        detected = check_direction.of_texts(fr_text, en_text)
        result["source"], result["detected"] = detected.source, detected.reason
    else:
        result["source"] = choice
    return result


def to_alignment(data: dict):
    """The stored result as an :class:`aligner.formats.Alignment`."""
    from aligner.align import Bead
    from aligner.formats import Alignment

    beads = [Bead(tuple(b["fr"]), tuple(b["en"]), b["score"]) for b in data["beads"]]
    names = data.get("names") or ["", ""]
    flags = [w for w in data.get("warnings", []) if "translations" in w]
    return Alignment.from_beads(beads, data["fr"], data["en"], names[0], names[1], flags,
                                **source_options(data.get("source", "fr")))


def export_text(alignment, fmt: str) -> str:
    """The alignment as TMX or TSV (the writers follow ``alignment.source``)."""
    from aligner.formats import tmx, tsv

    return (tmx if fmt == "tmx" else tsv).dumps(alignment)


@bp.get("/align")
def form():
    return render_template("align.html", error=None, source=chosen_direction())


@bp.post("/align")
def submit():
    choice = chosen_direction(request.form.get("source"))
    try:
        result = align_uploads(request.files.get("fr_file"), request.files.get("en_file"),
                               choice)
    except MissingDocuments as exc:
        return render_template("align.html", error=str(exc), source=choice), 400
    result_id = results.save("align", result)
    return remember_source(redirect(url_for("align.show", result_id=result_id)), choice)


@bp.get("/align/<result_id>")
def show(result_id: str):
    data = results.load("align", result_id)
    low = sum(1 for b in data["beads"] if b["low"])
    lang = g.ui_lang
    svg = alignment_svg(
        data["beads"], len(data["fr"]), len(data["en"]),
        title=i18n.translate("align.path", lang), desc=i18n.translate("align.path_desc", lang),
    )
    detected = data.get("detected")
    return render_template("align_result.html", data=data, rows=rows(data), result_id=result_id,
                           svg=svg, low=low,
                           detected=check_direction.WHY.get(detected, detected) if detected
                           else None)


@bp.get("/align/<result_id>.<fmt>")
def download(result_id: str, fmt: str):
    if fmt not in ("tmx", "tsv"):
        abort(404)
    data = results.load("align", result_id)
    text = export_text(to_alignment(data), fmt)
    return results.attachment(text, f"termalign-{result_id[:8]}.{fmt}")
