"""The OpenAPI 3.1 description of the JSON API, served at ``/api/openapi.json``.

The schemas describe the responses the endpoints really give (the tests validate real
responses against them); fields that a later version may add are allowed.
``/api/lookup`` is paginated: ``limit``/``offset`` in, ``total``, ``offset``, ``limit`` and
``next`` (the offset of the next page, null on the last one) out; its filters take the values
:mod:`termbase.lookup` accepts. Besides ``/api/``, two JSON endpoints of the pages are
described: the review editor's save (``POST /review/{result_id}``, which needs the page's
CSRF token) and a glossary's JSON download (``GET /glossary/{result_id}.json``, the same
document as ``POST /api/glossary``).
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from termbase.lookup import KIND_FILTERS, MAX_MATCHES, MODES, STATUS_FILTERS
from termbase.reviews import STATUSES as REVIEW_STATUSES
from web.api import MAX_LIMIT
from web.search import PAGE_RESULTS

bp = Blueprint("openapi", __name__, url_prefix="/api")

_STR = {"type": "string"}
_INT = {"type": "integer"}
_NUM = {"type": "number"}
_BOOL = {"type": "boolean"}


def _obj(required: dict, optional: dict | None = None) -> dict:
    return {"type": "object", "required": list(required),
            "properties": {**required, **(optional or {})}}


def _array(items: dict) -> dict:
    return {"type": "array", "items": items}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


TERM = _obj({"term": _STR,
             "type": {"enum": ["fullForm", "acronym", "shortForm", "variant"]},
             "status": {"enum": ["preferred", "admitted", "deprecated", "superseded"]},
             "no_check": _BOOL})
EVIDENCE = _obj({"source": _STR, "symbol": _STR, "context_fr": _STR, "context_en": _STR,
                 "method": {"enum": ["curated", "acronym-definition", "aligned", "import",
                                     "term"]}},
                {"span_en": {"type": ["array", "null"], "items": _INT, "minItems": 2,
                             "maxItems": 2, "description": "(start, end) of the English term "
                             "in context_en, null when not known"}})
_CONCEPT = {"id": _INT, "kind": {"enum": ["title", "term", "country"]}, "curated": _BOOL,
            "subject": _STR, "note": _STR, "fr": _array(_ref("Term")),
            "en": _array(_ref("Term")), "evidence": _array(_ref("Evidence"))}
LOOKUP_RESULT = _obj({**_CONCEPT, "match": _STR, "score": _NUM,
                      "matched": _obj({"lang": {"enum": ["fr", "en"]}, "term": _STR}),
                      "no_full_form": {**_array({"enum": ["fr", "en"]}),
                                       "description": "languages whose terms are all "
                                       "acronyms: the entry gives no full form there"}})
LOOKUP = _obj({"query": _STR, "total": _INT, "offset": _INT, "limit": _INT,
               "next": {"type": ["integer", "null"],
                        "description": "offset of the next page, null on the last one"},
               "results": _array(_ref("LookupResult"))})
HISTORY = _obj({"id": _INT, "concept_id": _INT, "action": {"enum": ["create", "update", "delete"]},
                "who": _STR, "at": _STR, "before": {"type": ["object", "null"]},
                "after": {"type": ["object", "null"]}})
ENTRY = _obj({**_CONCEPT, "origin": _STR, "created": _STR, "modified": _STR,
              "url": {"type": "string", "format": "uri"},
              "tbx": {"type": "string", "format": "uri"}, "history": _array(_ref("History"))})
ISSUE = _obj({"segment": _INT, "kind": _STR, "severity": {"enum": ["error", "warning"]},
              "source_term": _STR, "expected": _array(_STR), "found": _STR, "message": _STR})
UNTRANSLATED = _obj({"segment": _INT, "id": _STR, "reason": _STR})
CHECK = _obj({"segments": _INT, "issues": _array(_ref("Issue"))},
             {"source": {"enum": ["fr", "en"]},
              "untranslated": {**_array(_ref("Untranslated")), "description":
                               "units of an uploaded TMX or XLIFF file not checked because "
                               "not translated (state new, translate=no, no target...)"}})
BEAD = _obj({"fr": _array(_INT), "en": _array(_INT), "score": _NUM, "low": _BOOL, "kind": _STR})
ALIGN = _obj({"names": _array(_STR), "fr": _array(_STR), "en": _array(_STR),
              "warnings": _array(_STR), "unrelated": _BOOL, "mean_score": _NUM,
              "beads": _array(_ref("Bead"))})
ERROR = _obj({"error": _STR, "status": _INT})
INDEX = _obj({"endpoints": {"type": "object", "additionalProperties": _STR}})
_COUNTS = _obj({status: _INT for status in REVIEW_STATUSES})
REVIEW_BEAD = _obj({"fr": _array(_INT), "en": _array(_INT),
                    "status": {"enum": list(REVIEW_STATUSES)}},
                   {"score": {"type": ["number", "null"]}, "low": _BOOL})
REVIEW_SAVED = _obj({"saved": _STR, "counts": _COUNTS})
_PLACE = {"context": _STR, "sentence": _INT, "offset": _INT, "occurrences": _INT}
GLOSSARY = _obj({"document": _STR, "source": {"enum": ["fr", "en"]},
                 "target": {"enum": ["fr", "en"]},
                 "entries": _array(_obj({"concept_id": {"type": ["integer", "null"]},
                                         "kind": _STR, "term": _STR, "type": _STR,
                                         "status": _STR, "equivalent": _STR,
                                         "equivalents": _array(_STR), "match": _STR,
                                         **_PLACE})),
                 "unknown": _array(_obj({"text": _STR, "kind": {"enum": ["acronym", "name"]},
                                         **_PLACE}))})

SCHEMAS = {"Term": TERM, "Evidence": EVIDENCE, "LookupResult": LOOKUP_RESULT, "Lookup": LOOKUP,
           "History": HISTORY, "Entry": ENTRY, "Issue": ISSUE, "Check": CHECK, "Bead": BEAD,
           "Align": ALIGN, "Error": ERROR, "Index": INDEX, "ReviewBead": REVIEW_BEAD,
           "ReviewSaved": REVIEW_SAVED, "Glossary": GLOSSARY, "Untranslated": UNTRANSLATED}


def _json(schema: str, description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": _ref(schema)}}}


def _errors(*codes: int) -> dict:
    return {str(code): _json("Error", "error") for code in codes}


def _query(name: str, schema: dict, description: str, required: bool = False) -> dict:
    return {"name": name, "in": "query", "required": required, "schema": schema,
            "description": description}


LOOKUP_PARAMETERS = [
    _query("q", _STR, "the query: a term, an acronym, a prefix...", required=True),
    _query("lang", {"enum": ["fr", "en"]}, "only match terms in this language"),
    _query("mode", {"enum": list(MODES), "default": "auto"}, "matching mode"),
    _query("kind", {"enum": list(KIND_FILTERS)}, "only concepts of this kind"),
    _query("status", {"enum": list(STATUS_FILTERS)},
           "only terms of this status (curated, candidate: only such concepts)"),
    _query("subject", _STR, "only concepts of this subject field"),
    _query("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT,
                     "default": PAGE_RESULTS}, "results per page"),
    _query("offset", {"type": "integer", "minimum": 0, "maximum": MAX_MATCHES, "default": 0},
           "results to skip (the previous page's next)"),
]
_RESULT_ID = {"name": "result_id", "in": "path", "required": True, "schema": _STR,
              "description": "the id in the address of the alignment or glossary result"}


def document(server_url: str = "/") -> dict:
    """The OpenAPI document (``server_url``: where the API is served)."""
    from termalign import __version__

    check_options = {
        "source": {"enum": ["fr", "en"], "description": "the original side (default: fr)"},
        "pairs_alone": {"type": "boolean", "default": False,
                        "description": "check each pair on its own, as pairs of a memory "
                                       "drawn from many documents (a bare head noun for a "
                                       "name is then a warning); default: one document"}}
    check_body = {"oneOf": [
        _obj({"fr": _STR, "en": _STR}, check_options),
        _obj({"pairs": _array({"type": "array", "items": _STR, "minItems": 2, "maxItems": 2})},
             check_options),
    ]}
    upload = {"type": "object", "properties": {
        "pairs": {"type": "string", "format": "binary", "description": "a TMX, XLIFF or TSV file"},
        "fr_file": {"type": "string", "format": "binary"},
        "en_file": {"type": "string", "format": "binary"}}}
    check_upload = {"type": "object", "properties": {
        **upload["properties"], "source": check_options["source"],
        "pairs_alone": {"enum": ["1", "true", "on"], "description": "as pairs_alone in JSON"}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "termalign", "version": __version__,
                 "description": "French–English terminology lookup, translation checks and "
                                "sentence alignment for United Nations documents. Read-only."},
        "servers": [{"url": server_url}],
        "paths": {
            "/api/lookup": {"get": {
                "summary": "Look up official names, acronyms and terms",
                "parameters": LOOKUP_PARAMETERS,
                "responses": {"200": _json("Lookup", "matching concepts, best first"),
                              **_errors(400)}}},
            "/api/entries/{id}": {"get": {
                "summary": "One entry with its history",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": _INT}],
                "responses": {"200": _json("Entry", "the entry"), **_errors(404)}}},
            "/api/check": {"post": {
                "summary": "Check a translation, English or French, against the termbase "
                           "and its original",
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": check_body},
                    "multipart/form-data": {"schema": check_upload}}},
                "responses": {"200": _json("Check", "the issues found"), **_errors(400, 413)}}},
            "/api/align": {"post": {
                "summary": "Align French and English sentences or documents",
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": _obj({"fr": _array(_STR), "en": _array(_STR)})},
                    "multipart/form-data": {"schema": upload}}},
                "responses": {"200": _json("Align", "the beads"), **_errors(400, 413)}}},
            "/api/glossary": {"post": {
                "summary": "The glossary of a document: the termbase's concepts it names, "
                           "with their equivalents, and the names the termbase does not know",
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": _obj(
                        {"text": _STR},
                        {"source": {"enum": ["fr", "en"],
                                    "description": "the document's language (default: "
                                                   "guessed)"},
                         "document": {**_STR, "description": "its name, for the glossary"}})},
                    "multipart/form-data": {"schema": {"type": "object", "properties": {
                        "document": {"type": "string", "format": "binary"},
                        "source": {"enum": ["fr", "en"]}}}}}},
                "responses": {"200": _json("Glossary", "termalign glossary --format json"),
                              **_errors(400, 413)}}},
            "/api/export.tbx": {"get": {
                "summary": "The whole termbase as TBX-Basic",
                "parameters": [_query("version", {"enum": ["3", "2"]}, "TBX version")],
                "responses": {"200": {"description": "a TBX file", "content": {
                    "application/x-tbx+xml": {"schema": {"type": "string"}}}},
                    **_errors(400)}}},
            "/api/": {"get": {
                "summary": "The endpoints, in one line each",
                "responses": {"200": _json("Index", "endpoint: description")}}},
            "/review/{result_id}": {"post": {
                "summary": "Save the beads of an alignment review (the review page's editor)",
                "description": "Needs the page's CSRF token in the X-CSRF-Token header and "
                               "its session cookie; errors are the site's HTML error pages.",
                "parameters": [_RESULT_ID, {"name": "X-CSRF-Token", "in": "header",
                                            "required": True, "schema": _STR}],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": _obj({"beads": _array(_ref("ReviewBead"))})}}},
                "responses": {"200": _json("ReviewSaved", "when it was saved, beads by status"),
                              "400": {"description": "not a list of beads, or beads that do "
                                                     "not cover the sentences once"},
                              "403": {"description": "no or a wrong CSRF token"},
                              "404": {"description": "no such alignment result"}}}},
            "/glossary/{result_id}.json": {"get": {
                "summary": "A document glossary made on the glossary page, as JSON",
                "parameters": [_RESULT_ID],
                "responses": {"200": _json("Glossary", "the termbase's concepts found in the "
                                                       "document, and unknown names"),
                              "404": {"description": "no such (or an expired) result"}}}},
            "/api/openapi.json": {"get": {
                "summary": "This document",
                "responses": {"200": {"description": "OpenAPI 3.1",
                                      "content": {"application/json": {}}}}}},
        },
        "components": {"schemas": SCHEMAS},
    }


@bp.get("/openapi.json")
def openapi_json():
    return jsonify(document(request.host_url))
