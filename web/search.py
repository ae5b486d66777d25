"""The search page (home): one box for French, English or an acronym; works without JS."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from web.db import get_tb

bp = Blueprint("search", __name__)

#: Longest query accepted (longer ones are cut).
MAX_QUERY = 200
#: How many results the page shows.
PAGE_RESULTS = 20


def lookup_json(query: str, lang: str | None = None, limit: int = PAGE_RESULTS) -> dict:
    """The ``termalign lookup --json`` document for ``query`` on the request's termbase."""
    query = query.strip()[:MAX_QUERY]
    results = get_tb().lookup(query, lang=lang, limit=limit) if query else []
    return {"query": query, "results": [r.to_json() for r in results]}


@bp.get("/")
def home():
    q = request.args.get("q", "").strip()[:MAX_QUERY]
    results = lookup_json(q)["results"] if q else []
    return render_template("search.html", q=q, results=results)
