"""Entry pages: the name as heading, notes and statuses, deduplicated evidence with the
symbol as written and linked; ETag/304 on entries and exports; the clean symbol in TBX."""

from __future__ import annotations

import re

import pytest
from test_search_web import DUPLICATE_EN, build

from termbase.model import Concept, Term
from termbase.store import Termbase
from web import create_app


@pytest.fixture()
def db(tmp_path):
    return build(tmp_path / "tb.sqlite3")


@pytest.fixture()
def client(db, tmp_path):
    app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                      "EDIT_TOKEN": None, "TESTING": True})
    return app.test_client()


def entry(client, lang="en") -> str:
    response = client.get(f"/entries/1?lang={lang}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_heading_is_the_name_in_the_interface_language(client):
    en, fr = entry(client, "en"), entry(client, "fr")
    assert '<h1 lang="en">Security Council</h1>' in en
    assert '<p class="other-name" lang="fr">Conseil de sécurité</p>' in en
    assert '<h1 lang="fr">Conseil de sécurité</h1>' in fr
    assert "<title>Security Council · Entry 1 · termalign</title>" in en
    # The French terms come first in the French interface.
    assert fr.index('<ul class="terms" lang="fr">') < fr.index('<ul class="terms" lang="en">')
    assert en.index('<ul class="terms" lang="en">') < en.index('<ul class="terms" lang="fr">')


def test_statuses_and_notes_are_separate_and_visible(client):
    text = entry(client)
    assert text.count('<span class="tag status" lang="en">preferred</span>') == 2
    notes = re.findall(r'<li class="note">(.*?)</li>', text)
    assert notes == [
        '<strong class="note-term">Conseil de sécurité</strong> — one of the six principal organs',
        '<strong class="note-term">Security Council</strong> — capital S and C in UN documents']


def test_evidence_is_listed_once_side_by_side_with_the_symbol_linked(client):
    text = entry(client)
    rows = re.findall(r"<tr>\s*<td lang=\"fr\">(.*?)</td>\s*<td lang=\"en\">(.*?)</td>", text,
                      re.S)
    assert len(rows) == 1  # three evidence rows, one sentence pair
    fr, en = rows[0]
    assert "<mark>Conseil de sécurité</mark>" in fr and "<mark>Security Council</mark>" in en
    assert en.replace("<mark>", "").replace("</mark>", "") == DUPLICATE_EN
    assert text.count('href="https://undocs.org/S/RES/2210(2015)"') == 1
    assert '>S/RES/2210 (2015)</a>' in text and "2210__2015_" not in text
    assert "a-very-long-document-file-name-without-spaces.fr.txt" in text
    assert text.count("UNTERM") == 1  # the bare reference, once


def test_entry_json_has_clean_symbols_and_urls(client):
    evidence = client.get("/api/entries/1").get_json()["evidence"]
    assert evidence[0]["symbol"] == "S/RES/2210 (2015)"
    assert evidence[0]["url"] == "https://undocs.org/S/RES/2210(2015)"


def test_tbx_writes_the_symbol_as_written(client):
    tbx = client.get("/entries/1.tbx").get_data(as_text=True)
    assert "S/RES/2210 (2015)" in tbx and "2210__2015_" not in tbx


@pytest.mark.parametrize("url", ["/entries/1", "/entries/1.tbx", "/api/entries/1",
                                 "/export/termbase.tbx", "/export/termbase.tbx?version=2",
                                 "/export/termbase.csv", "/api/export.tbx"])
def test_etag_and_304_until_a_write(client, db, url):
    first = client.get(url)
    etag = first.headers["ETag"]
    assert first.status_code == 200 and first.headers["Cache-Control"] == "private, no-cache"
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
    with Termbase.open(db) as writer:
        writer.add_concept(Concept(terms=[Term("fr", "Assemblée générale")]))
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_entry_etag_depends_on_the_interface_language(client):
    en = client.get("/entries/1?lang=en").headers["ETag"]
    fr = client.get("/entries/1?lang=fr").headers["ETag"]
    assert en != fr
    assert client.get("/entries/1", headers={"If-None-Match": en,
                                              "Accept-Language": "fr"}).status_code == 200
