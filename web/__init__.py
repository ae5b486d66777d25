"""The termalign web interface and JSON API (Flask).

``create_app(config)`` builds the application; each area is a blueprint in its own module.
The termbase is opened once per request (``web.db``), every response carries the security
headers, and the interface speaks English and French (``web.i18n``).
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from web import i18n

#: Content-Security-Policy of every response: nothing from elsewhere, no inline script.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; "
    "frame-ancestors 'none'"
)

#: Environment variable holding the terminologists' edit token (edit is off without it).
EDIT_TOKEN_ENV = "TERMALIGN_EDIT_TOKEN"
#: Largest request body (also given to waitress, which refuses larger ones from the headers).
MAX_BODY_BYTES = 16 * 1024 * 1024
#: Seconds of work one check or alignment request may take (``REQUEST_BUDGET`` in config).
REQUEST_BUDGET_SECONDS = 30.0
#: Routes whose POSTs get the time budget and the line-length limit of documents.
HEAVY_POSTS = ("/api/check", "/api/align", "/check", "/align")
#: ``POST /api/check`` answers kept for the same body sent again (``CHECK_ANSWERS`` in config,
#: or this environment variable; 0: none): see :func:`web.cache.kept_answer`.
CHECK_ANSWERS_KEPT = 16
CHECK_ANSWERS_ENV = "TERMALIGN_CHECK_ANSWERS"
#: Largest id in a URL (SQLite's INTEGER); anything above is simply not found (404).
MAX_ID = 2**63 - 1


def _count(value: str | None, default: int) -> int:
    """A count given in the environment; ``default`` when unset or not a number.

    >>> _count("0", 16), _count(None, 16), _count("many", 16)
    (0, 16, 16)
    """
    return int(value) if value and value.strip().isdigit() else default


class IdConverter(IntegerConverter):
    """``<int:...>`` in our routes: at most :data:`MAX_ID`, so a huge id is a 404."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def create_app(config: dict | None = None) -> Flask:
    """Build the Flask application.

    Recognised ``config`` keys (besides Flask's own): ``TERMALIGN_DB`` (path of the termbase;
    default: the application's default termbase, built on first run), ``EDIT_TOKEN`` (enables
    editing; default ``$TERMALIGN_EDIT_TOKEN``), ``RESULTS_DIR`` (where check and alignment
    results are kept for download; default: a fresh temporary folder), ``CORS_ORIGIN`` (an
    origin allowed to call the JSON API from a browser, or ``*``; default: none),
    ``CHECK_ANSWERS`` (how many ``POST /api/check`` answers are kept for the same body sent
    again; default ``$TERMALIGN_CHECK_ANSWERS`` or 16, 0: none).
    """
    app = Flask(__name__)
    app.url_map.converters["int"] = IdConverter
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        MAX_FORM_MEMORY_SIZE=MAX_BODY_BYTES,  # pasted texts (werkzeug's default is 500 kB)
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        EDIT_TOKEN=os.environ.get(EDIT_TOKEN_ENV) or None,
        TERMALIGN_DB=None,
        RESULTS_DIR=None,
        REQUEST_BUDGET=REQUEST_BUDGET_SECONDS,
        CHECK_ANSWERS=_count(os.environ.get(CHECK_ANSWERS_ENV), CHECK_ANSWERS_KEPT),
    )
    if config:
        app.config.update(config)
    if not app.config["TERMALIGN_DB"]:
        from termalign import defaults

        app.config["TERMALIGN_DB"] = str(defaults.ensure_default_db())
    if not app.config["RESULTS_DIR"]:
        app.config["RESULTS_DIR"] = tempfile.mkdtemp(prefix="termalign-web-")
        atexit.register(shutil.rmtree, app.config["RESULTS_DIR"], ignore_errors=True)
    Path(app.config["RESULTS_DIR"]).mkdir(parents=True, exist_ok=True)
    app.json.sort_keys = False
    app.json.ensure_ascii = False

    from web import (
        align,
        api,
        check,
        db,
        edit,
        entries,
        export,
        glossary,
        openapi,
        review,
        search,
        security,
    )

    db.init_app(app)
    security.init_app(app)
    for module in (search, entries, check, align, review, glossary, export, edit, api, openapi):
        app.register_blueprint(module.bp)
    _init_cors(app)
    _init_i18n(app)
    _init_errors(app)
    _init_budget(app)

    @app.get("/healthz")
    def healthz():
        """A trivial route: for health checks, and the baseline of the web benchmarks."""
        return jsonify({"status": "ok"})

    return app


def _init_cors(app: Flask) -> None:
    """Opt-in CORS for the JSON API: with ``CORS_ORIGIN`` set (``serve --cors ORIGIN``), pages
    of that origin (or any, for ``*``) may call ``/api/``; nothing else changes."""
    allowed = app.config.get("CORS_ORIGIN")
    if not allowed:
        return

    @app.after_request
    def cors(response):
        origin = request.headers.get("Origin")
        if request.path.startswith("/api/") and origin and allowed in ("*", origin):
            response.headers["Access-Control-Allow-Origin"] = "*" if allowed == "*" else origin
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Content-Type"
            response.headers["Access-Control-Max-Age"] = "600"
            response.vary.add("Origin")
        return response


def _init_budget(app: Flask) -> None:
    """Bounded work: a check or an alignment has ``REQUEST_BUDGET`` seconds (then 422), and
    no line of a pasted or posted text may exceed the documents' line-length limit (413)."""
    from ioguard import budget

    @app.before_request
    def open_budget():
        if request.method != "POST" or request.path not in HEAVY_POSTS:
            return None
        g.budget = budget.start(app.config["REQUEST_BUDGET"])
        return _refuse_long_lines()

    @app.teardown_request
    def close_budget(_exc=None):
        token = g.pop("budget", None)
        if token is not None:
            budget.stop(token)


def _posted_texts() -> list[str]:
    """The strings of the posted form or JSON object (two levels of lists at most, as in
    ``{"pairs": [[fr, en], ...]}``)."""
    if not request.is_json:
        return [v for v in request.form.values() if isinstance(v, str)]
    body = request.get_json(silent=True)
    texts: list[str] = []
    for value in body.values() if isinstance(body, dict) else ():
        for item in value if isinstance(value, list) else [value]:
            texts.extend(x for x in (item if isinstance(item, list) else [item])
                         if isinstance(x, str))
    return texts


def _refuse_long_lines():
    """413 when a posted text has a line over ``aligner.readers.MAX_LINE_CHARS``."""
    from aligner.errors import InputError
    from aligner.readers import check_line_length

    try:
        for text in _posted_texts():
            check_line_length(text, "the text")
    except InputError as exc:
        if request.path.startswith("/api/"):
            return jsonify({"error": str(exc), "status": 413}), 413
        return render_template("error.html", code=413, message=str(exc)), 413
    return None


def _init_i18n(app: Flask) -> None:
    @app.before_request
    def pick_language():
        param = request.args.get("lang") if not request.path.startswith("/api/") else None
        g.ui_lang = i18n.choose_lang(
            param, request.cookies.get(i18n.COOKIE), list(request.accept_languages.values())
        )
        g.set_lang_cookie = param in i18n.UI_LANGS

    @app.after_request
    def remember_language(response):
        if response.mimetype == "text/html":  # the page depends on the chosen language
            response.vary.update(("Cookie", "Accept-Language"))
        if getattr(g, "set_lang_cookie", False):
            response.set_cookie(
                i18n.COOKIE, g.ui_lang, max_age=365 * 24 * 3600, samesite="Lax", httponly=True
            )
        return response

    def _(key: str, **values) -> str:
        return i18n.translate(key, getattr(g, "ui_lang", "en"), **values)

    def lang_url(lang: str) -> str:
        args = request.args.to_dict()
        args["lang"] = lang
        return request.path + "?" + urlencode(args)

    @app.context_processor
    def inject():
        from termbase.store import update_in_progress

        return {
            "termbase_updating": update_in_progress(app.config["TERMALIGN_DB"]),
            "_": _,
            "ui_lang": getattr(g, "ui_lang", "en"),
            "ui_langs": i18n.UI_LANGS,
            "lang_url": lang_url,
            "edit_enabled": bool(app.config.get("EDIT_TOKEN")),
        }

    app.jinja_env.filters["display_name"] = display_name


_STATUS_ORDER = {"preferred": 0, "admitted": 1, "deprecated": 2, "superseded": 3}


def display_name(terms: list[dict]) -> str:
    """``Full form (ACRONYM)`` from one language's terms of a lookup result.

    >>> display_name([{"term": "CSTO", "type": "acronym", "status": "preferred"},
    ...               {"term": "Collective Security Treaty Organization", "type": "fullForm",
    ...                "status": "preferred"}])
    'Collective Security Treaty Organization (CSTO)'
    """
    ranked = sorted(terms, key=lambda t: _STATUS_ORDER.get(t.get("status"), 4))
    full = next((t["term"] for t in ranked if t.get("type") != "acronym"), "")
    acronym = next((t["term"] for t in ranked if t.get("type") == "acronym"), "")
    return f"{full} ({acronym})" if full and acronym else full or acronym


def _init_errors(app: Flask) -> None:
    from aligner.errors import AlignerError
    from ioguard.budget import BudgetExceeded
    from termbase.errors import NotFoundError, TermbaseError

    def wants_json() -> bool:
        return request.path.startswith("/api/")

    def render_error(code: int, message: str):
        if wants_json():
            return jsonify({"error": message, "status": code}), code
        return render_template("error.html", code=code, message=message), code

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        message = getattr(exc, "user_message", None) or exc.description or exc.name
        if exc.code == 413:
            message = i18n.translate("error.too_large", getattr(g, "ui_lang", "en"))
        response = render_error(exc.code or 500, message)
        return response

    @app.errorhandler(NotFoundError)
    def not_found(exc):
        return render_error(404, str(exc))

    @app.errorhandler(OverflowError)
    def out_of_range(_exc):  # a number too large for SQLite: nothing has that id
        return render_error(404, "not found (number out of range)")

    @app.errorhandler(BudgetExceeded)
    def over_budget(exc):
        return render_error(422, f"{exc}: split the document or the pairs into smaller parts")

    @app.errorhandler(RecursionError)
    def too_deep(_exc):  # deeply nested JSON (or XML) in a request
        return render_error(400, "input too deeply nested")

    @app.errorhandler(AlignerError)
    @app.errorhandler(TermbaseError)
    @app.errorhandler(UnicodeError)
    def bad_input(exc):
        return render_error(400, str(exc) or type(exc).__name__)

    @app.errorhandler(Exception)
    def unexpected(exc):
        app.logger.exception("unexpected error on %s", request.path)
        return render_error(500, "internal error")
