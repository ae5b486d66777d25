"""The search page (home) and the lookup behind ``/api/lookup``; works without JS.

Both read the same parameters (:func:`search_params`): ``q`` (at most
:data:`termbase.lookup.MAX_QUERY` characters, else 400), ``mode``, ``kind``, ``status``,
``subject``, the matched language (``lang`` in the API, ``in`` on the page, where ``lang``
is the interface language), ``limit`` and ``offset``. Lookups are cached per process by
(termbase, parameters, :meth:`termbase.store.Termbase.data_version`): any write, by any
process, changes the version and so the key. So are the page's list of results (per
interface language) and, when it shows nothing of the session, the whole page.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from flask import Blueprint, abort, current_app, render_template, request
from markupsafe import Markup

from termbase.lookup import (
    KIND_FILTERS,
    MATCHES,
    MAX_MATCHES,
    MAX_QUERY,
    MODES,
    STATUS_FILTERS,
    QueryError,
    check_query,
    is_answer,
)
from web.db import get_tb

bp = Blueprint("search", __name__)


@bp.record_once
def _warm_up(_state) -> None:
    """Import the fuzzy scorer when the app starts, not in its first fuzzy lookup."""
    from termbase.fuzzy import load_scorer

    load_scorer()

#: How many results the page shows.
PAGE_RESULTS = 20
#: Most results one API call returns.
MAX_LIMIT = 100
#: Lookups remembered per process (the oldest are dropped first), and their memory budget.
CACHE_SIZE = 2048
CACHE_BYTES = 64 * 1024 * 1024
#: How many suggestions "no entry for X" offers.
SUGGESTIONS = 5


@dataclass(frozen=True)
class SearchParams:
    """A validated search: the query and its options (hashable: a cache key)."""

    q: str
    mode: str = "auto"
    lang: str | None = None
    kind: str | None = None
    status: str | None = None
    subject: str | None = None
    limit: int = PAGE_RESULTS
    offset: int = 0


def search_params(args, lang_param: str = "lang", default_limit: int = PAGE_RESULTS,
                  max_limit: int = MAX_LIMIT) -> SearchParams:
    """The search asked for by request ``args``; 400 with one clear message otherwise."""
    try:
        q = check_query(args.get("q", ""))
    except QueryError as exc:
        abort(400, description=str(exc))

    def choice(name: str, allowed) -> str | None:
        value = args.get(name) or None
        if value is not None and value not in allowed:
            abort(400, description=f"{name} must be one of {', '.join(allowed)}")
        return value

    def number(name: str, default: int, low: int, high: int) -> int:
        try:
            return max(low, min(int(args.get(name, default)), high))
        except ValueError:
            abort(400, description=f"{name} must be a number")

    subject = (args.get("subject") or "").strip()[:100] or None
    return SearchParams(
        q=q, mode=choice("mode", MODES) or "auto",
        lang=choice(lang_param, ("fr", "en")), kind=choice("kind", tuple(KIND_FILTERS)),
        status=choice("status", STATUS_FILTERS), subject=subject,
        limit=number("limit", default_limit, 1, max_limit),
        offset=number("offset", 0, 0, MAX_MATCHES))


class LookupCache:
    """A bounded, thread-safe LRU of lookup documents (the oldest dropped first): at most
    ``size`` items and ``budget`` bytes (an item weighs its JSON bytes, three times over for
    the parsed document kept with them)."""

    def __init__(self, size: int = CACHE_SIZE, budget: int = CACHE_BYTES):
        self.size, self.budget, self.used = size, budget, 0
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def weight(value) -> int:
        body = value[1] if isinstance(value, tuple) else b""
        return 4 * len(body) + 200

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        weight = self.weight(value)
        if weight > self.budget:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.used -= self.weight(old)
            self._items[key] = value
            self.used += weight
            while len(self._items) > self.size or self.used > self.budget:
                _key, dropped = self._items.popitem(last=False)
                self.used -= self.weight(dropped)

    def __len__(self) -> int:
        return len(self._items)


def _cache() -> LookupCache:
    return current_app.extensions.setdefault("termalign_lookups", LookupCache())


def cached_lookup(params: SearchParams) -> tuple[dict, bytes, int]:
    """The lookup document of ``params``, its JSON bytes and the termbase version."""
    from termbase.search import Filters

    tb = get_tb()
    version = tb.data_version()
    key = (current_app.config["TERMALIGN_DB"], version, params)
    found = _cache().get(key)
    if found is None:
        filters = Filters(kind=KIND_FILTERS.get(params.kind) if params.kind else None,
                          status=params.status, subject=params.subject)
        page = tb.search(params.q, mode=params.mode, lang=params.lang, filters=filters,
                         limit=params.limit, offset=params.offset)
        found = (page.to_json(), page.dumps().encode())  # the bytes of ``lookup --json``
        _cache().put(key, found)
    return found[0], found[1], version


def lookup_json(query: str, lang: str | None = None, limit: int = PAGE_RESULTS) -> dict:
    """The ``termalign lookup --json`` document for ``query`` on the request's termbase."""
    return cached_lookup(SearchParams(q=check_query(query), lang=lang, limit=limit))[0]


def subjects() -> list[str]:
    """The termbase's subjects (for the filter), cached like the lookups."""
    tb = get_tb()
    key = (current_app.config["TERMALIGN_DB"], tb.data_version(), "subjects")
    found = _cache().get(key)
    if found is None:
        found = tb.subjects()
        _cache().put(key, found)
    return found


def copies(terms: list[dict]) -> list[tuple[str, str]]:
    """The copy buttons of one language's terms: ``(label key, text)`` for the term, the
    acronym and ``name (ACRONYM)``, those that exist.

    >>> copies([{"term": "OTSC", "type": "acronym", "status": "preferred"},
    ...         {"term": "Organisation du Traité", "type": "fullForm", "status": "preferred"}])
    [('copy.term', 'Organisation du Traité'), ('copy.acronym', 'OTSC'), ('copy.name', 'Organisation du Traité (OTSC)')]
    """
    from web import display_name

    usable = sorted((t for t in terms if t.get("status") not in ("deprecated", "superseded")),
                    key=lambda t: t.get("status") != "preferred")  # preferred first, stable
    full = next((t["term"] for t in usable if t.get("type") != "acronym"), "")
    acronym = next((t["term"] for t in usable if t.get("type") == "acronym"), "")
    out = [("copy.term", full)] if full else []
    if acronym:
        out.append(("copy.acronym", acronym))
    if full and acronym:
        out.append(("copy.name", display_name(usable)))
    return out


def needles_of(q: str) -> list[str]:
    """What to mark in the results: the query and its words of three letters or more.

    >>> needles_of("Conseil de sécurité")
    ['Conseil de sécurité', 'Conseil', 'sécurité']
    """
    words = [w for w in q.split() if len(w) >= 3]
    return [q, *words] if len(words) > 1 else [q]


def _page_context(params: SearchParams | None) -> dict:
    from flask import g, url_for

    from web.i18n import translate

    lang = getattr(g, "ui_lang", "en")

    def page_url(offset: int) -> str:
        args = {k: v for k, v in request.args.items() if k not in ("offset", "lang")}
        return url_for("search.home", **args, offset=offset)

    return {
        "modes": MODES, "mode_labels": [translate(f"mode.{m}", lang) for m in MODES],
        "match_labels": {m: translate(f"match.{m}", lang) for m in MATCHES},
        "kinds": list(KIND_FILTERS),
        "kind_labels": [translate(f"filter.{k}", lang) for k in KIND_FILTERS],
        "statuses": STATUS_FILTERS,
        "status_labels": [translate(f"status.{s}", lang) if s not in ("curated", "candidate")
                          else translate(f"filter.{s}", lang) for s in STATUS_FILTERS],
        "max_query": MAX_QUERY, "max_matches": MAX_MATCHES, "page_url": page_url,
        "subjects": subjects(),
    }


def results_html(params: SearchParams, page: dict, version: int) -> Markup:
    """The page's list of results (``_results.html``), rendered once per (termbase, data
    version, search, interface language) and then kept in the lookup cache: the list is most
    of the page's work and depends on nothing else (no session, no other argument)."""
    from flask import g

    from web.highlight import highlight

    lang = g.ui_lang
    key = (current_app.config["TERMALIGN_DB"], version, params, lang, "html")
    found = _cache().get(key)
    if found is None:
        html = Markup(render_template("_results.html", page=page, ui_lang=lang,
                                      needles=needles_of(params.q), copies=copies,
                                      mark=highlight))
        found = ("html", html)
        _cache().put(key, found)
    return found[1]


def _page_key() -> tuple | None:
    """The key under which this search page is kept whole, or None when it must be rendered
    afresh: a page showing session content (an editor's name, a CSRF token, flashed
    messages) or a long write in progress is never kept. Everything else on it comes from
    the termbase's data version, the interface language, the edit switch and the URL."""
    from flask import g, session

    from termbase.store import update_in_progress

    db = current_app.config["TERMALIGN_DB"]
    if session or update_in_progress(db) is not None:
        return None
    return (db, get_tb().data_version(), "page", g.ui_lang,
            bool(current_app.config.get("EDIT_TOKEN")), request.path, request.query_string)


@bp.get("/")
def home():
    raw = request.args.get("q", "")
    try:
        check_query(raw)
    except QueryError as exc:
        return render_template("search.html", q=raw.strip()[:MAX_QUERY], params=None,
                               page=None, error=str(exc), answered=False, suggestions=[],
                               **_page_context(None)), 400
    params = search_params(request.args, lang_param="in")
    key = _page_key()
    found = _cache().get(key) if key is not None else None
    if found is not None:
        return found[1]
    page, results = None, Markup("")
    if params.q:
        page, _body, version = cached_lookup(params)
        results = results_html(params, page, version) if page["results"] else results
    suggestions = []
    if page is not None and not page["results"] and params != SearchParams(q=params.q):
        # Nothing with these options: what a plain search would find.
        wider = cached_lookup(SearchParams(q=params.q, limit=SUGGESTIONS))[0]
        suggestions = wider["results"]
    answered = bool(page and page["results"] and page["offset"] == 0
                    and is_answer(page["results"][0]["match"]))
    html = render_template("search.html", q=params.q, params=params, page=page, error=None,
                           answered=answered or bool(page and page["offset"]),
                           results_html=results, suggestions=suggestions,
                           **_page_context(params))
    if key is not None:
        _cache().put(key, ("page", html))
    return html
