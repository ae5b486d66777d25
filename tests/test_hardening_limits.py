"""Limits of the web interface (issue 17): out-of-range ids, nested JSON, the login
redirect, login back-off, and waitress enforcing the body limit before reading the body."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time

import pytest
from webdata import build_termbase

from web import create_app

TOKEN = "limits-token"
HUGE = "99999999999999999999"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_termbase(tmp_path_factory.mktemp("limits") / "tb.sqlite3")


@pytest.fixture()
def client(db, tmp_path):
    app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                      "EDIT_TOKEN": TOKEN, "TESTING": True, "LOGIN_FREE_ATTEMPTS": 3,
                      "LOGIN_BACKOFF": 30.0})
    return app.test_client()


def _csrf(client) -> str:
    page = client.get("/edit/login").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def _login(client, token=TOKEN, next_=None):
    url = "/edit/login" + (f"?next={next_}" if next_ is not None else "")
    return client.post(url, data={"csrf_token": _csrf(client), "name": "T", "token": token})


@pytest.mark.parametrize("url", [f"/api/entries/{HUGE}", f"/entries/{HUGE}",
                                 f"/entries/{HUGE}.tbx", f"/edit/{HUGE}",
                                 "/api/entries/9223372036854775808", "/entries/0",
                                 "/api/entries/9223372036854775807"])
def test_an_out_of_range_id_is_not_found(client, url):
    if url.startswith("/edit/"):
        assert _login(client).status_code == 302
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("path", ["/api/check", "/api/align"])
@pytest.mark.parametrize("body", ["[" * 100000 + "]" * 100000, '{"a":' * 50000 + "1" + "}" * 50000,
                                  "{bad json", '{"pairs": [[1, 2]]}', "null", "\x00"])
def test_nested_or_malformed_json_is_a_400(client, path, body):
    response = client.post(path, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["status"] == 400


@pytest.mark.parametrize("next_, location", [
    ("/entries/1", "/entries/1"),
    ("/%09/evil.example/", "/"),
    ("/%0d%0aSet-Cookie:x=1", "/"),
    ("//evil.example/", "/"),
    ("/%5cevil.example", "/"),
    ("https://evil.example/", "/"),
    ("javascript:alert(1)", "/"),
    ("/%e2%80%ae/evil", "/"),
    ("", "/"),
])
def test_login_redirects_only_to_same_site_paths(client, next_, location):
    response = _login(client, next_=next_)
    assert response.status_code == 302
    assert response.headers["Location"] == location


def test_wrong_tokens_are_slowed_down_and_a_right_one_is_still_refused_meanwhile(client):
    statuses = [_login(client, token="wrong").status_code for _ in range(3)]
    assert statuses == [403, 403, 403]
    response = _login(client, token="wrong")
    assert response.status_code == 429 and int(response.headers["Retry-After"]) >= 29
    assert _login(client).status_code == 429  # even the right token waits out the back-off


def test_the_back_off_doubles_and_a_success_clears_it():
    from web.security import LoginAttempts

    now = [0.0]
    attempts = LoginAttempts(free=1, base=2.0, cap=5.0, clock=lambda: now[0])
    attempts.failed("x")
    assert attempts.wait("x") == 2.0
    attempts.failed("x")
    assert attempts.wait("x") == 4.0
    attempts.failed("x")
    assert attempts.wait("x") == 5.0  # capped
    attempts.succeeded("x")
    assert attempts.wait("x") == 0.0
    small = LoginAttempts(size=3)
    for n in range(10):
        small.failed(str(n))
    assert len(small._failures) == 3


# -- under waitress ----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(db):
    port = _free_port()
    command = [sys.executable, "-c", "from termalign.cli import main; main()", "serve",
               "--port", str(port), "--db", str(db), "--threads", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "termalign serve did not start"
            time.sleep(0.1)
    yield port
    process.terminate()
    process.wait(timeout=10)


def _raw(port: int, head: bytes, body: bytes = b"", timeout: float = 30) -> tuple[bytes, float]:
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head + body)
        data = b""
        try:
            while chunk := sock.recv(65536):
                data += chunk
        except (ConnectionResetError, TimeoutError):
            pass
    return data, time.monotonic() - start


def test_an_oversized_body_is_refused_from_its_headers(server):
    head = (b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 300000000\r\nConnection: close\r\n\r\n")
    data, seconds = _raw(server, head, b"{}")
    assert data.startswith(b"HTTP/1.1 413"), data[:200]
    assert seconds < 5


def test_an_inflated_content_length_is_answered_promptly(server):
    head = (b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000000\r\nConnection: close\r\n\r\n")
    data, seconds = _raw(server, head, b'{"fr": "a", "en": "b"}')
    assert seconds < 15  # the silent client is dropped (channel_timeout), not waited for
    assert b"HTTP/1.1 5" not in data


def test_an_edit_that_cannot_get_the_lock_keeps_the_form_and_is_saved_when_sent_again(
        tmp_path, monkeypatch):
    import sqlite3

    from termbase.store import Termbase

    db = build_termbase(tmp_path / "tb.sqlite3")
    original = Termbase.open.__func__
    monkeypatch.setattr(Termbase, "open", classmethod(
        lambda cls, path, timeout=0.3: original(cls, path, timeout=timeout)))
    app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "r"),
                      "EDIT_TOKEN": TOKEN, "TESTING": True})
    client = app.test_client()
    assert _login(client).status_code == 302
    with Termbase.open(db) as tb:
        concept = next(tb.iter_concepts())
    page = client.get(f"/edit/{concept.id}").get_data(as_text=True)
    form = {"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page).group(1),
            "kind": concept.kind, "note": "kept through a lock", "term_count": "1",
            "term-0-text": concept.terms[0].text, "term-0-lang": concept.terms[0].lang}
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock for long
    try:
        response = client.post(f"/edit/{concept.id}", data=form)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert "kept through a lock" in response.get_data(as_text=True)  # the form as filled in
    assert client.post(f"/edit/{concept.id}", data=form).status_code == 302
    with Termbase.open(db) as tb:
        assert tb.get_concept(concept.id).note == "kept through a lock"
