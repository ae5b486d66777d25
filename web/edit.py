"""Editing for terminologists: log in with the server's edit token, add or change entries.

Off (every route 404) unless the server has an edit token. Forms are CSRF-protected
(:mod:`web.security`); every creation and change goes through ``Termbase.add_concept`` /
``Termbase.update_concept`` with the editor's name, so that it is recorded (who, when,
before/after) and shown on the entry page.
"""

from __future__ import annotations

import sqlite3

from flask import Blueprint, abort, flash, g, redirect, render_template, request, session, url_for

from termbase.errors import TermbaseError
from termbase.model import KINDS, LANGS, STATUSES, TERM_TYPES, Concept, Term
from web import i18n
from web.db import get_tb
from web.security import edit_enabled, editor, editor_required, login_attempts, token_matches

bp = Blueprint("edit", __name__)

#: Most term rows one form may carry.
MAX_TERMS = 100
#: Empty rows offered for new terms.
NEW_ROWS = ("fr", "en")


def _safe_next(target: str | None) -> str:
    r"""A same-site relative path to go back to after logging in; anything else is ``/``.

    Only a path starting with one ``/``, of printable characters without spaces, controls or
    backslashes, is kept: browsers drop tabs and newlines from URLs (``/\t/evil.example`` is
    ``//evil.example``), and a CR or LF would split the ``Location`` header.

    >>> _safe_next("/entries/3?"), _safe_next("//evil.example/"), _safe_next("https://x/")
    ('/entries/3?', '/', '/')
    >>> _safe_next("/\t/evil.example/"), _safe_next("/\r\nSet-Cookie:x=1"), _safe_next("/\\x")
    ('/', '/', '/')
    """
    if not target or len(target) > 2000 or not target.startswith("/"):
        return "/"
    if any(ch == "\\" or ch.isspace() or not ch.isprintable() for ch in target):
        return "/"
    if target.startswith("//"):
        return "/"
    return target


@bp.route("/edit/login", methods=["GET", "POST"])
def login():
    if not edit_enabled():
        abort(404)
    error = None
    if request.method == "POST":
        attempts = login_attempts()
        client = request.remote_addr or "?"
        wait = attempts.wait(client)
        if wait > 0:  # too many wrong tokens from this address: back off
            message = i18n.translate("edit.too_many", g.ui_lang, seconds=int(wait + 0.999))
            response = render_template("login.html", error=message), 429
            return (*response, {"Retry-After": str(int(wait + 0.999))})
        name = " ".join(request.form.get("name", "").split())[:80]
        if token_matches(request.form.get("token", "")) and name:
            attempts.succeeded(client)
            session.clear()
            session["editor"] = name
            return redirect(_safe_next(request.args.get("next")))
        attempts.failed(client)
        error = i18n.translate("edit.bad_token", g.ui_lang)
    return render_template("login.html", error=error), 403 if error else 200


@bp.post("/edit/logout")
def logout():
    session.clear()
    return redirect(url_for("search.home"))


def terms_from_form(form, old: Concept | None = None) -> list[Term]:
    """The terms posted in the edit form (rows ``term-<i>-...``); removed and empty rows left out."""
    old_terms = {t.id: t for t in old.terms} if old else {}
    try:
        count = min(int(form.get("term_count", "0")), MAX_TERMS)
    except ValueError:
        abort(400, description="bad term_count")
    terms = []
    for i in range(count):
        text = " ".join(form.get(f"term-{i}-text", "").split())
        if not text or form.get(f"term-{i}-delete"):
            continue
        lang = form.get(f"term-{i}-lang", "")
        type_ = form.get(f"term-{i}-type", "fullForm")
        status = form.get(f"term-{i}-status", "preferred")
        if lang not in LANGS or type_ not in TERM_TYPES or status not in STATUSES:
            abort(400, description=f"bad language, type or status for {text!r}")
        previous = old_terms.get(_int(form.get(f"term-{i}-id")))
        terms.append(Term(lang=lang, text=text, type=type_, status=status,
                          no_check=previous.no_check if previous else False))
    return terms


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _apply_form(concept: Concept, form) -> Concept:
    kind = form.get("kind", concept.kind)
    if kind not in KINDS:
        abort(400, description=f"bad kind {kind!r}")
    concept.kind = kind
    concept.subject = form.get("subject", "").strip()[:200]
    concept.note = form.get("note", "").strip()[:4000]
    concept.terms = terms_from_form(form, concept)
    return concept


def _busy(concept: Concept, exc: sqlite3.OperationalError):
    """503 with the terminologist's form as they filled it in (nothing is lost: they send it
    again), when another process held the termbase's write lock longer than the timeout."""
    if "locked" not in str(exc) and "busy" not in str(exc):
        raise exc
    page, _ = _render(concept, i18n.translate("edit.busy", g.ui_lang), 503)
    return page, 503, {"Retry-After": "5"}


def _render(concept: Concept, error: str | None = None, status: int = 200):
    rows = [*concept.terms, *(Term(lang=lang, text="") for lang in NEW_ROWS)]
    return render_template("edit.html", concept=concept, rows=rows, error=error, kinds=KINDS,
                           types=TERM_TYPES, statuses=STATUSES, langs=LANGS), status


@bp.route("/edit/new", methods=["GET", "POST"])
@editor_required
def new():
    concept = Concept(kind="title", curated=True)
    if request.method == "GET":
        return _render(concept)
    _apply_form(concept, request.form)
    if not concept.terms:
        return _render(concept, i18n.translate("edit.no_terms", g.ui_lang), 400)
    concept.origin = f"web: {editor()}"
    try:
        get_tb().add_concept(concept, who=editor() or "")
    except TermbaseError as exc:
        return _render(concept, str(exc), 400)
    except sqlite3.OperationalError as exc:  # the termbase stayed locked: keep the form
        return _busy(concept, exc)
    flash(i18n.translate("edit.saved", g.ui_lang))
    return redirect(url_for("entries.show", concept_id=concept.id))


@bp.route("/edit/<int:concept_id>", methods=["GET", "POST"])
@editor_required
def concept(concept_id: int):
    tb = get_tb()
    current = tb.get_concept(concept_id)
    if request.method == "GET":
        return _render(current)
    _apply_form(current, request.form)
    if not current.terms:
        return _render(current, i18n.translate("edit.no_terms", g.ui_lang), 400)
    try:
        tb.update_concept(current, who=editor() or "")
    except TermbaseError as exc:
        return _render(current, str(exc), 400)
    except sqlite3.OperationalError as exc:  # the termbase stayed locked: keep the form
        return _busy(current, exc)
    flash(i18n.translate("edit.saved", g.ui_lang))
    return redirect(url_for("entries.show", concept_id=concept_id))
