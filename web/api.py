"""The JSON API: lookup, entries, check, align and the TBX export.

Errors are JSON objects ``{"error": "...", "status": N}`` with a 4xx status (see
``web._init_errors``). The POST endpoints are stateless and change nothing, so they take no
CSRF token; nothing in the API writes to the termbase.
"""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, request, url_for

from web.db import get_tb

bp = Blueprint("api", __name__, url_prefix="/api")

#: Most results a lookup returns.
MAX_LIMIT = 100


def concept_json(concept) -> dict:
    """An entry as JSON: the lookup result fields, plus its history and links."""
    from termbase.lookup import LookupResult

    first = concept.terms[0]
    data = LookupResult(concept, "exact", 1.0, first).to_json()
    for key in ("match", "score", "matched", "no_full_form"):
        data.pop(key, None)
    data["origin"] = concept.origin
    data["created"] = concept.created
    data["modified"] = concept.modified
    data["url"] = url_for("entries.show", concept_id=concept.id, _external=True)
    data["tbx"] = url_for("entries.tbx", concept_id=concept.id, _external=True)
    return data


@bp.get("/")
def index():
    """A short description of the endpoints."""
    return jsonify({
        "endpoints": {
            "GET /api/lookup?q=...&mode=auto|exact|prefix|contains|fuzzy&lang=fr|en"
            "&kind=body|term|country|instrument&status=...&subject=...&limit=N&offset=N":
                "termalign lookup --json",
            "GET /api/entries/<id>": "one entry with its history",
            "POST /api/check": 'JSON {"fr": "...", "en": "..."} or {"pairs": [[fr, en], ...]}, '
                               "or multipart (pairs=TMX/TSV, or fr_file + en_file); "
                               '"source": "fr" (default) or "en", the original\'s language',
            "POST /api/align": "multipart fr_file + en_file, or JSON "
                               '{"fr": [sentences], "en": [sentences]}; "source": "fr" or "en"',
            "POST /api/glossary": 'JSON {"text": "...", "source": "fr"|"en", "document": name} '
                                  "or multipart document=FILE: termalign glossary --format json",
            "GET /api/export.tbx?version=3|2": "the whole termbase as TBX",
        }
    })


@bp.get("/lookup")
def lookup():
    """``termalign lookup --json``: ``{"query", "total", "offset", "limit", "next", "results"}``."""
    from flask import Response

    from web.search import cached_lookup, search_params

    if not request.args.get("q", "").strip():
        abort(400, description="missing query parameter q")
    _data, body, _version = cached_lookup(search_params(request.args, max_limit=MAX_LIMIT))
    return Response(body, mimetype="application/json")


@bp.get("/entries/<int:concept_id>")
def entry(concept_id: int):
    from web.export import not_modified, tagged

    etag, unchanged = not_modified("api.entry", concept_id)
    if unchanged is not None:
        return unchanged
    tb = get_tb()
    data = concept_json(tb.get_concept(concept_id))
    data["history"] = tb.history(concept_id)
    return tagged(jsonify(data), etag)


def _json_body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, description="expected a JSON object body or a multipart upload")
    return body


def _segments_from_json(body: dict) -> list:
    from checks.model import Segment
    from web.cache import anchor_terms
    from web.check import segments_from_text

    if "pairs" in body:
        pairs = body["pairs"]
        if not isinstance(pairs, list) or not all(
            isinstance(p, list | tuple) and len(p) == 2 and all(isinstance(x, str) for x in p)
            for p in pairs
        ):
            abort(400, description='"pairs" must be a list of [French, English] strings')
        return [Segment(n, fr, en) for n, (fr, en) in enumerate(pairs, 1)]
    fr, en = body.get("fr"), body.get("en")
    if not isinstance(fr, str) or not isinstance(en, str):
        abort(400, description='give "fr" and "en" strings, or "pairs"')
    return segments_from_text(fr, en, anchor_terms)[0]


def _source(value) -> str:
    """The ``source`` field of a check or align request: "fr" (the default) or "en"."""
    from web.check import SOURCES

    if value is None or value == "":
        return "fr"
    if value not in SOURCES:
        abort(400, description='"source" must be "fr" or "en"')
    return value


@bp.post("/check")
def check():
    from flask import Response, current_app

    from web.cache import checker, keep_answer, kept_answer
    from web.check import InputProblem, collect_segments, run_check

    # the body with its content type: the same bytes sent as another type may be refused
    raw = None if request.files else (
        (request.content_type or "").encode() + b"\n" + request.get_data(cache=True))
    if raw is not None and (answer := kept_answer(raw)) is not None:
        return Response(answer, mimetype="application/json")  # this very body, checked before
    made_by = checker() if raw is not None and current_app.config["CHECK_ANSWERS"] else None
    untranslated, pairs_alone = None, False
    try:
        if request.files:
            source = _source(request.form.get("source"))
            pairs_alone = request.form.get("pairs_alone", "") in ("1", "true", "on")
            segments, _aligned, _detected, untranslated = collect_segments(request.form,
                                                                           request.files)
        else:
            body = _json_body()
            source = _source(body.get("source"))
            pairs_alone = body.get("pairs_alone", False)
            if not isinstance(pairs_alone, bool):
                abort(400, description='"pairs_alone" must be true or false')
            segments = _segments_from_json(body)
    except InputProblem as exc:
        abort(400, description=str(exc))
    if not segments:
        abort(400, description="nothing to check")
    response = jsonify(run_check(segments, source, untranslated=untranslated,
                                 pairs_alone=pairs_alone))
    if raw is not None:
        keep_answer(raw, made_by, response.get_data())
    return response


@bp.post("/align")
def align():
    from web.align import MissingDocuments, align_sentences, align_uploads

    if request.files:  # two documents: without "source", their "Original :" lines decide
        given = request.form.get("source")
        try:
            result = align_uploads(request.files.get("fr_file"), request.files.get("en_file"),
                                   _source(given) if given else "auto")
        except MissingDocuments as exc:
            abort(400, description=str(exc))
        source = result["source"]
    else:
        body = _json_body()
        source = _source(body.get("source"))
        fr, en = body.get("fr"), body.get("en")
        if not (isinstance(fr, list) and isinstance(en, list)
                and all(isinstance(s, str) for s in fr + en)):
            abort(400, description='give "fr" and "en" lists of sentences, or upload files')
        result = align_sentences(fr, en)
    result["source"] = source
    return jsonify(result)


@bp.post("/glossary")
def glossary():
    """``termalign glossary --format json`` of a pasted text or an uploaded document."""
    from web.glossary import NoDocument, document_text, make_glossary

    if request.files:
        form, lang = request.form, request.form.get("source")
    else:
        form = _json_body()
        lang = form.get("source")
        if not isinstance(form.get("text"), str):
            abort(400, description='give the document as "text", or upload it as "document"')
    if lang not in (None, "", "fr", "en"):
        abort(400, description='"source" must be "fr" or "en" (the language of the document)')
    try:
        text, name = document_text(form, request.files)
    except NoDocument as exc:
        abort(400, description=str(exc))
    return jsonify(make_glossary(text, name or str(form.get("document") or ""), lang or None))


@bp.get("/export.tbx")
def export_tbx():
    from web.export import send_termbase_tbx, tbx_version

    return send_termbase_tbx(tbx_version(request.args.get("version")))
