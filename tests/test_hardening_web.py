"""Web security: escaping, CSRF on every form, upload limits, no path traversal, full-text
syntax in queries, security headers on every response, editing only with credentials, and
``termalign serve`` on the loopback interface by default."""

from __future__ import annotations

import json
import re

import pytest
from webdata import build_termbase

from termbase.model import Concept, Term
from termbase.store import Termbase
from web import create_app

TOKEN = "hardening-token"
SCRIPT = "<script>alert('xss')</script>"
IMG = '<img src=x onerror="alert(1)">'


@pytest.fixture()
def db(tmp_path):
    path = build_termbase(tmp_path / "tb.sqlite3")
    with Termbase.open(path) as tb, tb.transaction():
        tb.add_concept(Concept(
            kind="term", note=f"note {SCRIPT}", subject=IMG,
            terms=[Term("fr", f"Zorglub {SCRIPT}"), Term("en", f"Zorglub {IMG}")]))
    return path


@pytest.fixture()
def make_client(db, tmp_path):
    def make(token=None, **config):
        app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                          "EDIT_TOKEN": token, "TESTING": True, **config})
        return app.test_client()

    return make


@pytest.fixture()
def client(make_client):
    return make_client()


def _csrf(client, url: str = "/check") -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def _login(client):
    return client.post("/edit/login", data={"csrf_token": _csrf(client, "/edit/login"),
                                            "name": "Tester", "token": TOKEN})


def _zorglub_id(client) -> int:
    data = client.get("/api/lookup?q=zorglub").get_json()
    return data["results"][0]["id"]


def _assert_escaped(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html or "&lt;img" in html


# -- escaping -----------------------------------------------------------------------------


def test_terms_with_markup_are_escaped_on_every_page(make_client):
    client = make_client(TOKEN)
    concept_id = _zorglub_id(client)
    for url in ("/?q=zorglub", f"/entries/{concept_id}", "/?q=" + SCRIPT):
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_escaped(response.get_data(as_text=True))
    assert _login(client).status_code in (200, 302, 303)
    edit = client.get(f"/edit/{concept_id}")
    assert edit.status_code == 200
    _assert_escaped(edit.get_data(as_text=True))


def test_documents_with_markup_are_escaped_in_check_results(client):
    fr = f"Le Conseil de sécurité {SCRIPT} compte 15 membres."
    en = f"The Security Council {IMG} has 16 members."
    response = client.post("/check", data={"csrf_token": _csrf(client), "fr": fr, "en": en})
    assert response.status_code in (302, 303)
    page = client.get(response.location)
    assert page.status_code == 200
    _assert_escaped(page.get_data(as_text=True))
    report = client.get(response.location + ".html")  # the downloadable HTML report
    assert report.status_code == 200
    _assert_escaped(report.get_data(as_text=True))


def test_documents_and_file_names_with_markup_are_escaped_in_alignments(client):
    from webdata import EN_DOC, FR_DOC

    fr = (FR_DOC + f"\nLe {SCRIPT} final.\n").encode()
    en = (EN_DOC + f"\nThe final {IMG}.\n").encode()
    response = client.post("/align", data={
        "csrf_token": _csrf(client, "/align"),
        "fr_file": (_io(fr), f"{SCRIPT}.fr.txt"), "en_file": (_io(en), f"{IMG}.en.txt"),
    }, content_type="multipart/form-data")
    assert response.status_code in (302, 303)
    page = client.get(response.location)
    assert page.status_code == 200
    _assert_escaped(page.get_data(as_text=True))


def test_error_messages_are_escaped(client):
    response = client.post("/check", data={"csrf_token": _csrf(client), "fr": SCRIPT + "\nb",
                                           "en": ""})  # no tab: refused, the text echoed
    assert response.status_code == 400
    _assert_escaped(response.get_data(as_text=True))


# -- CSRF -----------------------------------------------------------------------------------


def _form_posts(app) -> list[str]:
    """Every URL rule of the HTML interface that accepts POST (the API is stateless)."""
    rules = [r for r in app.url_map.iter_rules()
             if "POST" in r.methods and not r.rule.startswith("/api/")]
    return [re.sub(r"<(?:int:)?[^>]+>", "1", r.rule) for r in rules]


def test_every_form_is_found(make_client):
    posts = _form_posts(make_client(TOKEN).application)
    assert {"/check", "/align", "/edit/login", "/edit/1"} <= set(posts)


@pytest.mark.parametrize("token", [None, "wrong-token"], ids=["no-token", "wrong-token"])
def test_every_form_needs_the_csrf_token(make_client, token):
    client = make_client(TOKEN)
    assert _login(client).status_code in (200, 302, 303)  # even a logged-in editor
    for url in _form_posts(client.application):
        data = {"fr": "Un.", "en": "One.", "name": "x", "token": TOKEN}
        if token:
            data["csrf_token"] = token
        response = client.post(url, data=data)
        assert response.status_code in (400, 403), (url, response.status_code)
        assert response.status_code != 500


def test_a_token_from_another_session_is_refused(make_client):
    first, second = make_client(), make_client()
    stolen = _csrf(first)
    _csrf(second)
    response = second.post("/check", data={"csrf_token": stolen, "fr": "Un.", "en": "One."})
    assert response.status_code == 403


# -- upload limits ------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/check", "/align", "/api/check", "/api/align"])
def test_oversized_uploads_get_413_not_500(make_client, url):
    client = make_client(MAX_CONTENT_LENGTH=64 * 1024, MAX_FORM_MEMORY_SIZE=64 * 1024)
    big = b"Le Conseil de s\xc3\xa9curit\xc3\xa9.\t The Security Council.\n" * 4000
    if url.startswith("/api/"):
        response = client.post(url, data=big, content_type="application/json")
        assert response.status_code == 413
        assert response.is_json and response.get_json()["status"] == 413
    else:
        token = _csrf(client)
        response = client.post(url, data={"csrf_token": token, "pairs": (_io(big), "a.tsv")},
                               content_type="multipart/form-data")
        assert response.status_code == 413
        assert "text/html" in response.content_type


def test_default_upload_limit_is_set(client):
    assert 0 < client.application.config["MAX_CONTENT_LENGTH"] <= 64 * 1024 * 1024


def _io(data: bytes):
    import io

    return io.BytesIO(data)


# -- path traversal -----------------------------------------------------------------------

TRAVERSALS = ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "..%252F..%252Fetc%252Fpasswd",
              "%2e%2e/%2e%2e/etc/passwd", "....//....//etc/passwd", "/etc/passwd",
              "..\\..\\etc\\passwd", "check-..%2F..%2Fsecret", "0" * 31 + "%0a"]


@pytest.mark.parametrize("pattern", ["/check/{}", "/check/{}.json", "/check/{}.csv",
                                     "/align/{}", "/align/{}.tmx", "/align/{}.tsv",
                                     "/entries/{}", "/entries/{}.tbx", "/api/entries/{}",
                                     "/export/{}", "/static/{}"])
def test_no_path_traversal(client, pattern, tmp_path):
    (tmp_path / "secret.json").write_text('{"report": "SECRET"}', encoding="utf-8")
    for evil in TRAVERSALS:
        response = client.get(pattern.format(evil), follow_redirects=True)
        assert response.status_code in (400, 404), (pattern, evil, response.status_code)
        body = response.get_data(as_text=True)
        assert "root:" not in body and "SECRET" not in body


# -- full-text-search syntax --------------------------------------------------------------

FTS_QUERIES = ['"AND (', "NEAR(", "NEAR(a b", "*", "-", "--", '"', "^", "^a", "a OR", "OR",
               "AND", "NOT", "(", ")", "a:b", "term:x", "'", "''", "%", "_", "\\", "\x00",
               "a\x00b", "{", "}", "[", "]", "+", "~", "OTSC*", '"OTSC" NOT "CSTO"', "é" * 300]


def test_search_syntax_is_never_a_server_error(client):
    for query in FTS_QUERIES:
        for url, params in (("/", {"q": query}), ("/api/lookup", {"q": query}),
                            ("/api/lookup", {"q": query, "lang": "fr"})):
            response = client.get(url, query_string=params)
            assert response.status_code in (200, 400), (url, query, response.status_code)


# -- security headers ---------------------------------------------------------------------


def test_security_headers_on_every_response(make_client):
    client = make_client(TOKEN)
    concept_id = _zorglub_id(client)
    responses = [client.get(url) for url in (
        "/", "/?q=otsc", f"/entries/{concept_id}", f"/entries/{concept_id}.tbx", "/check",
        "/align", "/export", "/edit/login", "/api/", "/api/lookup?q=otsc", "/nowhere",
        "/api/nowhere", "/check/" + "0" * 32, "/static/style.css")]
    responses.append(client.post("/check", data={"fr": "x"}))  # 403: no CSRF token
    responses.append(client.post("/api/check", data=b"{", content_type="application/json"))
    for response in responses:
        headers = response.headers
        csp = headers.get("Content-Security-Policy", "")
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp, response
        assert "'unsafe-inline'" not in csp
        assert headers.get("X-Content-Type-Options") == "nosniff"
        assert headers.get("X-Frame-Options") == "DENY"


def test_session_cookie_flags(make_client):
    client = make_client(TOKEN)
    response = client.get("/edit/login")
    cookie = response.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


# -- editing needs credentials ------------------------------------------------------------


def _edit_rules(app) -> list[tuple[str, str]]:
    found = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/edit"):
            url = re.sub(r"<(?:int:)?[^>]+>", "1", rule.rule)
            found += [(method, url) for method in sorted(rule.methods & {"GET", "POST"})]
    return found


def test_edit_routes_are_unavailable_without_a_configured_token(make_client):
    client = make_client(None)
    rules = _edit_rules(client.application)
    assert len(rules) >= 5
    for method, url in rules:
        if url == "/edit/logout":  # changes nothing; it may just redirect
            continue
        data = {"csrf_token": _csrf(client), "name": "x", "token": ""} if method == "POST" else None
        response = client.open(url, method=method, data=data)
        assert response.status_code in (403, 404), (method, url, response.status_code)


def test_wrong_or_empty_token_is_refused_and_nothing_changes(make_client, db):
    client = make_client(TOKEN)
    for token in ("wrong", "", TOKEN + "x", TOKEN[:-1]):
        response = client.post("/edit/login", data={"csrf_token": _csrf(client, "/edit/login"),
                                                    "name": "x", "token": token})
        assert response.status_code == 403
    concept_id = _zorglub_id(client)
    response = client.post(f"/edit/{concept_id}", data={"csrf_token": _csrf(client),
                                                        "note": "defaced"})
    assert response.status_code == 403
    with Termbase.open(db) as tb:
        assert "defaced" not in json.dumps(tb.get_concept(concept_id).note)


def test_serve_binds_to_loopback_by_default():
    from termalign.cli.serve import serve_command

    host = next(p for p in serve_command.params if p.name == "host")
    assert host.default == "127.0.0.1"
