"""The document glossary page: upload or paste a document, see the termbase's names, acronyms,
countries and terms it contains with their official equivalents, and what the termbase does
not know (:mod:`checks.glossary`, as ``termalign glossary``). The result is kept under a
random id (:mod:`web.results`) for the page and its downloads (JSON, CSV, TSV)."""

from __future__ import annotations

from flask import Blueprint, abort, g, redirect, render_template, request, url_for

from web import i18n, results
from web.cache import cached
from web.highlight import highlight

bp = Blueprint("glossary", __name__)
bp.add_app_template_filter(highlight, "highlight")

DOWNLOADS = ("json", "csv", "tsv")


class NoDocument(ValueError):
    """Neither a file nor a pasted text."""


def term_index():
    """The :class:`checks.glossary.TermIndex` of the whole termbase (cached)."""
    from checks.glossary import TermIndex

    return cached("term-index", TermIndex)


def document_text(form, files) -> tuple[str, str]:
    """The submitted document's text and name (an upload, else the pasted text)."""
    from aligner.readers import decode_bytes

    upload = files.get("document")
    if upload and upload.filename:
        return decode_bytes(upload.read(), upload.filename), upload.filename
    text = form.get("text", "")
    if not text.strip():
        raise NoDocument(i18n.translate("glossary.empty", g.ui_lang))
    return text, ""


def make_glossary(text: str, name: str, lang: str | None) -> dict:
    """The glossary of a document's text as JSON (``lang`` None: guessed, else French)."""
    from aligner.pipeline import sentences_from_text
    from aligner.segment.language import guess_language
    from checks.glossary import build_glossary

    lang = lang if lang in ("fr", "en") else (guess_language(text) or "fr")
    sentences = sentences_from_text(text, lang)[0]
    return build_glossary(term_index(), sentences, lang, name).to_dict()


@bp.get("/glossary")
def form():
    return render_template("glossary.html", error=None, text="", lang="auto")


@bp.post("/glossary")
def submit():
    lang = request.form.get("lang", "auto")
    try:
        text, name = document_text(request.form, request.files)
    except NoDocument as exc:
        return render_template("glossary.html", error=str(exc), text="", lang=lang), 400
    data = make_glossary(text, name, lang)
    return redirect(url_for("glossary.show", result_id=results.save("glossary", data)))


@bp.get("/glossary/<result_id>")
def show(result_id: str):
    return render_template("glossary_result.html", data=results.load("glossary", result_id),
                           result_id=result_id)


@bp.get("/glossary/<result_id>.<fmt>")
def download(result_id: str, fmt: str):
    from checks.glossary import Glossary, GlossaryEntry, UnknownTerm, render

    if fmt not in DOWNLOADS:
        abort(404)
    data = results.load("glossary", result_id)
    glossary = Glossary(data["document"], data["source"],
                        [GlossaryEntry(**e) for e in data["entries"]],
                        [UnknownTerm(**u) for u in data["unknown"]])
    return results.attachment(render(glossary, fmt), f"termalign-glossary-{result_id[:8]}.{fmt}")
