"""Editing through the web interface: off without a token, login, CSRF, history."""

from __future__ import annotations

import re

import pytest
from webdata import build_termbase

from web import create_app

TOKEN = "s3cret-token"


@pytest.fixture()
def make_client(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")

    def make(token):
        app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                          "EDIT_TOKEN": token, "TESTING": True})
        return app.test_client()

    return make


def csrf(client, url: str) -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def login(client, name="Marie Curie", token=TOKEN):
    return client.post("/edit/login", data={"csrf_token": csrf(client, "/edit/login"),
                                            "name": name, "token": token})


@pytest.mark.parametrize("method, url", [("get", "/edit/login"), ("get", "/edit/new"),
                                         ("get", "/edit/1"), ("post", "/edit/1")])
def test_edit_is_off_without_a_token(make_client, method, url):
    client = make_client(None)
    client.get("/")
    assert getattr(client, method)(url).status_code in (403, 404)
    assert "Log in" not in client.get("/").get_data(as_text=True)


def test_wrong_token_is_refused(make_client):
    client = make_client(TOKEN)
    response = login(client, token="wrong")
    assert response.status_code == 403
    assert client.get("/edit/1").status_code == 302  # still logged out: sent to the login


def test_logged_out_post_is_forbidden(make_client):
    client = make_client(TOKEN)
    token = csrf(client, "/check")
    assert client.post("/edit/1", data={"csrf_token": token}).status_code == 403


def test_session_cookie_flags(make_client):
    client = make_client(TOKEN)
    response = login(client)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def _form_for(client, concept_id):
    page = client.get(f"/edit/{concept_id}").get_data(as_text=True)
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    for name, value in re.findall(r'<input type="text" name="([^"]+)" value="([^"]*)"', page):
        data[name] = value
    for name, body in re.findall(r'<select (?:id="\w+" )?name="([^"]+)"[^>]*>(.*?)</select>',
                                 page, re.S):
        data[name] = re.search(r'value="([^"]+)" selected', body).group(1)
    return data


def test_edit_status_is_recorded_in_history(make_client):
    client = make_client(TOKEN)
    assert login(client).status_code == 302
    data = _form_for(client, 3)
    index = next(k.split("-")[1] for k, v in data.items() if v == "Ivory Coast")
    data[f"term-{index}-status"] = "superseded"
    response = client.post("/edit/3", data=data)
    assert response.status_code == 302
    page = client.get("/entries/3").get_data(as_text=True)
    assert "Marie Curie" in page and "Ivory Coast (shortForm, superseded)" in page
    assert "Ivory Coast (shortForm, deprecated)" in page  # the before column
    assert client.get("/api/entries/3").get_json()["history"][0]["who"] == "Marie Curie"


def test_edit_without_csrf_is_refused(make_client):
    client = make_client(TOKEN)
    login(client)
    data = _form_for(client, 2)
    data.pop("csrf_token")
    assert client.post("/edit/2", data=data).status_code == 403


def test_add_a_concept(make_client):
    client = make_client(TOKEN)
    login(client)
    token = csrf(client, "/edit/new")
    response = client.post("/edit/new", data={
        "csrf_token": token, "term_count": "2", "kind": "title", "subject": "", "note": "",
        "term-0-lang": "fr", "term-0-text": "Organisation mondiale de la Santé",
        "term-0-type": "fullForm", "term-0-status": "preferred",
        "term-1-lang": "en", "term-1-text": "World Health Organization",
        "term-1-type": "fullForm", "term-1-status": "preferred",
    })
    assert response.status_code == 302
    page = client.get("/?q=organisation+mondiale+de+la+sante").get_data(as_text=True)
    assert "World Health Organization" in page
    entry = client.get(response.headers["Location"]).get_data(as_text=True)
    history = entry[entry.index('class="history"'):]
    row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", history, re.S).group(1)
    assert "Marie Curie" in row and "created" in row and "World Health Organization" in row


def test_edit_needs_a_term(make_client):
    client = make_client(TOKEN)
    login(client)
    token = csrf(client, "/edit/new")
    response = client.post("/edit/new", data={"csrf_token": token, "term_count": "0",
                                              "kind": "title"})
    assert response.status_code == 400
