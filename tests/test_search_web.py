"""The search page and ``/api/lookup``: modes, filters, count and paging, honest labels,
copy buttons, the query limit, and the lookup cache keyed by the termbase's data version."""

from __future__ import annotations

import os
import re
import threading

import pytest

from termbase.model import Concept, Evidence, Field, Term
from termbase.store import Termbase
from web import create_app

DUPLICATE_FR = "Le Conseil de sécurité a adopté la résolution 2210 (2015)."
DUPLICATE_EN = "The Security Council adopted resolution 2210 (2015)."
SPANNED_FR = "Les missions de maintien de la paix doivent être protégées."
SPANNED_EN = "The peace-keeping missions must be protected."
DEFINITION_EN = "One of the six principal organs of the United Nations."
DEFINITION_FR = "L’un des six organes principaux de l’Organisation des Nations Unies."


def build(path):
    """A small termbase: bodies with notes and repeated evidence, terms, 25 committees."""
    with Termbase.open(path) as tb, tb.transaction():
        tb.add_concept(Concept(kind="title", curated=True, subject="Peace and security", terms=[
            Term("fr", "Conseil de sécurité"), Term("en", "Security Council")],
            fields=[Field("definition", DEFINITION_EN, "en", "Charter"),
                    Field("definition", DEFINITION_FR, "fr", "Charte")],
            note="Conseil de sécurité: one of the six principal organs\n"
                 "Security Council: capital S and C in UN documents",
            evidence=[
                Evidence("UNv1.0.devset.fr:2064", DUPLICATE_FR, DUPLICATE_EN,
                         symbol="S/RES/2210__2015_", method="aligned"),
                Evidence("UNv1.0.devset.fr:2064", DUPLICATE_FR, DUPLICATE_EN,
                         symbol="S/RES/2210__2015_", method="curated"),
                Evidence("a-very-long-document-file-name-without-spaces.fr.txt", DUPLICATE_FR,
                         DUPLICATE_EN, method="acronym-definition"),
                Evidence("UNTERM"), Evidence("UNTERM"),
            ]))
        tb.add_concept(Concept(kind="title", curated=True, terms=[
            Term("fr", "Organisation du Traité de sécurité collective"),
            Term("fr", "OTSC", "acronym"),
            Term("en", "Collective Security Treaty Organization"),
            Term("en", "CSTO", "acronym")]))
        tb.add_concept(Concept(kind="title", curated=True, terms=[
            Term("fr", "Université des Nations Unies"), Term("fr", "UNU", "acronym"),
            Term("en", "United Nations University"), Term("en", "UNU", "acronym")]))
        tb.add_concept(Concept(kind="term", confidence=0.6, terms=[
            Term("fr", "maintien de la paix"), Term("en", "peacekeeping")], evidence=[
            Evidence("UNv1.0.devset.fr:88", SPANNED_FR, SPANNED_EN, method="term",
                     span_en=(4, 26))]))  # "peace-keeping missions": not the stored term
        tb.add_concept(Concept(kind="country", curated=True, terms=[
            Term("fr", "Côte d’Ivoire"), Term("en", "Côte d’Ivoire"),
            Term("en", "Ivory Coast", "variant", "deprecated")]))
        for i in range(25):
            tb.add_concept(Concept(kind="title", curated=True, terms=[
                Term("fr", f"Comité {i:02d} des programmes"), Term("en", f"Committee {i:02d}")]))
    return path


@pytest.fixture()
def db(tmp_path):
    return build(tmp_path / "tb.sqlite3")


@pytest.fixture()
def app(db, tmp_path):
    return create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                       "EDIT_TOKEN": None, "TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


def page(client, **args) -> str:
    response = client.get("/", query_string=args)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def test_api_lookup_pages(client):
    data = client.get("/api/lookup?q=comite&limit=10&offset=10").get_json()
    assert list(data) == ["query", "total", "offset", "limit", "next", "results"]
    assert (data["total"], data["offset"], data["limit"], data["next"]) == (25, 10, 10, 20)
    last = client.get("/api/lookup?q=comite&limit=10&offset=20").get_json()
    assert last["next"] is None and len(last["results"]) == 5
    ids = {r["id"] for r in data["results"]} | {r["id"] for r in last["results"]}
    assert len(ids) == 15


def test_api_lookup_is_the_cli_document(client, db):
    from click.testing import CliRunner

    from termalign.cli import cli

    out = CliRunner().invoke(cli, ["lookup", "--json", "--mode", "prefix", "--kind", "body",
                                   "--limit", "3", "Comité", "--db", str(db)]).stdout_bytes
    api = client.get("/api/lookup?q=Comit%C3%A9&mode=prefix&kind=body&limit=3")
    assert api.mimetype == "application/json" and out == api.data  # byte for byte


@pytest.mark.parametrize(("args", "match", "first_fr"), [
    ("q=conseil+de+securite", "accent-insensitive", "Conseil de sécurité"),
    ("q=Conseil+de+s%C3%A9curit%C3%A9", "exact", "Conseil de sécurité"),
    ("q=CSTO&mode=exact", "acronym", "Organisation du Traité de sécurité collective"),
    ("q=ntien+de+la&mode=contains", "infix", "maintien de la paix"),
    ("q=Conseil+de+securiteh&mode=fuzzy", "fuzzy", "Conseil de sécurité"),
    ("q=paix&kind=term&mode=contains", "words", "maintien de la paix"),
    ("q=Ivory+Coast&status=deprecated", "exact", "Côte d’Ivoire"),
])
def test_api_modes_and_filters(client, args, match, first_fr):
    first = client.get("/api/lookup?" + args).get_json()["results"][0]
    assert first["match"] == match and first["fr"][0]["term"] == first_fr


@pytest.mark.parametrize("args", ["mode=regex", "kind=person", "status=old", "lang=de",
                                  "limit=x", "offset=y"])
def test_api_bad_parameters_are_400(client, args):
    response = client.get("/api/lookup?q=x&" + args)
    assert response.status_code == 400 and response.is_json
    assert response.get_json()["error"]


def test_one_query_limit_everywhere(client):
    response = client.get("/api/lookup", query_string={"q": "x" * 201})
    assert response.status_code == 400
    assert response.get_json()["error"] == "query too long (201 characters; at most 200)"
    assert client.get("/api/lookup", query_string={"q": "x" * 200}).status_code == 200
    response = client.get("/", query_string={"q": "x" * 5000})
    text = response.get_data(as_text=True)
    assert response.status_code == 400 and "Query too long: at most 200 characters." in text
    assert f'value="{"x" * 200}"' in text and 'maxlength="200"' in text
    assert "x" * 201 not in re.sub(r'href="[^"]*"', "", text)  # shown cut (links keep it)


def test_page_count_plurals_and_range(client):
    assert "25 results for “comite”" in page(client, q="comite")
    assert "results 1–20 of 25" in page(client, q="comite")
    assert "1 result for “CSTO”" in page(client, q="CSTO")
    fr = page(client, q="comite", lang="fr")
    assert "25 résultats pour « comite »" in fr and "résultats 1 à 20 sur 25" in fr
    assert "1 résultat pour « CSTO »" in page(client, q="CSTO", lang="fr")


def test_page_says_when_the_count_is_capped(client, monkeypatch):
    from termbase import lookup

    monkeypatch.setattr(lookup, "MAX_MATCHES", 10)
    monkeypatch.setattr("web.search.MAX_MATCHES", 10)
    assert "10 results or more for “comite”" in page(client, q="comite")


def test_page_paging_links(client):
    first = page(client, q="comite", kind="body")
    link = re.search(r'<a rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    assert "offset=20" in link and "kind=body" in link and 'rel="prev"' not in first
    second = client.get(link).get_data(as_text=True)
    assert second.count('class="result ') == 5 and 'rel="prev"' in second
    assert '<ol class="results" start="21">' in second


def test_page_labels_the_nearest_entries(client):
    text = page(client, q="Charte des Nations Unies")
    assert "No entry for “Charte des Nations Unies”; nearest:" in text
    assert "nearest spelling" in text and "Université des Nations Unies" in text
    text = page(client, q="conseil de securite")
    assert "nearest:" not in text and "accent-insensitive match" in text
    assert "sans accents" in page(client, q="conseil de securite", lang="fr")


def test_page_no_entry_with_suggestions(client):
    text = page(client, q="Conseil de securite", mode="exact", kind="term")
    assert "No entry for “Conseil de securite”." in text
    assert "Did you mean:" in text and 'href="/entries/1"' in text
    text = page(client, q="zzqqxxy")
    assert "No entry for “zzqqxxy”." in text and "Did you mean" not in text


def test_page_marks_the_match_and_offers_copies(client):
    text = page(client, q="OTSC")
    assert '<span class="text"><mark>OTSC</mark></span>' in text
    assert 'data-copy="Organisation du Traité de sécurité collective (OTSC)"' in text
    assert 'data-copy="CSTO"' in text and '<p class="copies" hidden>' in text
    text = page(client, q="Conseil de securiteh")  # fuzzy: the matched term is marked
    assert "<mark>Conseil de sécurité</mark>" in text


def test_page_options_keep_their_values(client):
    text = page(client, q="paix", mode="contains", kind="term", status="candidate")
    for name, value in (("mode", "contains"), ("kind", "term"), ("status", "candidate")):
        block = re.search(rf'<select name="{name}".*?</select>', text, re.S).group(0)
        assert f'<option value="{value}" selected>' in block
    assert '<option value="Peace and security">' in text  # the subject filter


def test_page_names_in_the_interface_language_first(client):
    en = page(client, q="CSTO")
    fr = page(client, q="CSTO", lang="fr")
    assert 'lang="en">Collective Security Treaty Organization (CSTO)</a>' in en
    assert 'lang="fr">Organisation du Traité de sécurité collective (OTSC)</a>' in fr


def test_lookups_are_cached_until_a_write(client, db, monkeypatch):
    calls = []
    original = Termbase.search

    def counting(self, *args, **kwargs):
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Termbase, "search", counting)
    first = client.get("/api/lookup?q=Peacekeeping").get_json()
    assert client.get("/api/lookup?q=Peacekeeping").get_json() == first
    assert client.get("/?q=Peacekeeping").status_code == 200  # the same lookup, page size
    assert len(calls) == 1
    with Termbase.open(db) as writer:  # another connection, as another process would
        writer.add_concept(Concept(kind="term", terms=[Term("en", "peacekeeping operation")]))
    again = client.get("/api/lookup?q=Peacekeeping").get_json()
    assert len(calls) == 2 and again["total"] == first["total"] + 1


def test_one_connection_per_thread(app):
    from web.db import get_tb

    def connection():
        with app.test_request_context("/"):
            return get_tb()

    seen = [connection(), connection()]
    assert seen[0] is seen[1]
    other = []
    thread = threading.Thread(target=lambda: other.append(connection()))
    thread.start()
    thread.join()
    assert other[0] is not seen[0]


def test_the_cache_is_bounded_in_items_and_bytes():
    from web.search import LookupCache

    cache = LookupCache(size=3, budget=10_000)
    for i in range(5):
        cache.put(i, ({}, b"x" * 100))
    assert len(cache) == 3 and cache.get(0) is None and cache.get(4) is not None
    cache.put("big", ({}, b"x" * 2400))  # 9,800 bytes counted: the others make room
    assert cache.get("big") is not None and len(cache) == 1 and cache.used <= 10_000
    cache.put("huge", ({}, b"x" * 5000))  # over the whole budget: not kept
    assert cache.get("huge") is None and cache.get("big") is not None


def test_every_search_string_is_used():
    """No dead ``search.*`` strings (``search.count``/``search.none`` were left unused)."""
    from pathlib import Path

    from web import i18n_search

    web = Path(__file__).resolve().parent.parent / "web"
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (
        *web.glob("*.py"), *web.glob("templates/*.html"), *web.glob("static/*.js"))
        if p.name != "i18n_search.py")
    keys = [key for key in i18n_search.STRINGS if key.startswith("search.")]
    assert "search.count" not in keys and "search.none" not in keys
    unused = [key for key in keys if f"'{key}'" not in sources and f'"{key}"' not in sources]
    assert unused == []


def traced_statements(app, run) -> list[str]:
    """Our SQL statements on the test client's thread connection while ``run()`` runs."""
    from web.db import get_tb

    with app.test_request_context("/"):
        conn = get_tb().conn  # the thread's connection, used by the client's requests too
    seen: list[str] = []
    conn.set_trace_callback(lambda sql: "'main'." in sql or seen.append(sql))
    try:
        run()
    finally:
        conn.set_trace_callback(None)
    return seen


def test_the_search_page_is_kept_until_a_write(app, client, db):
    first = page(client, q="Peacekeeping")
    statements = traced_statements(app, lambda: page(client, q="Peacekeeping"))
    assert statements == ["SELECT value FROM meta WHERE key = 'data_version'"]
    assert page(client, q="Peacekeeping") == first
    assert page(client, q="Peacekeeping", lang="fr") != first  # per interface language
    assert 'lang="fr"' in page(client, q="Peacekeeping", lang="fr")
    with Termbase.open(db) as writer:  # another connection, as another process would
        writer.add_concept(Concept(kind="term", terms=[Term("en", "peacekeeping operation")]))
    again = page(client, q="Peacekeeping")
    assert again != first and "peacekeeping operation" in again


@pytest.mark.parametrize("args", [{"q": "OTSC"}, {"q": "OTSC", "kind": "term"},
                                  {"q": "comite", "offset": "5", "lang": "fr"},
                                  {"q": "Conseil de securite", "extra": "x"}, {}])
def test_a_kept_page_is_the_page_rendered_afresh(app, client, args):
    kept = [page(client, **args) for _ in range(2)]
    fresh = create_app({**app.config, "TESTING": True}).test_client()
    assert kept[0] == kept[1] == page(fresh, **args)


def test_pages_with_session_content_are_never_kept(tmp_path, db):
    from test_web_edit import login

    app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                      "EDIT_TOKEN": "s3cret-token", "TESTING": True})
    anonymous, editor = app.test_client(), app.test_client()
    before = page(anonymous, q="OTSC")
    assert login(editor, "Marie Curie", "s3cret-token").status_code == 302
    mine = page(editor, q="OTSC")
    assert "Marie Curie" in mine and 'name="csrf_token"' in mine  # not the anonymous page
    assert page(anonymous, q="OTSC") == before and "Marie Curie" not in before


def test_a_page_kept_before_a_long_write_says_it_is_running(client, db):
    from termbase.store import UPDATING_SUFFIX

    quiet = page(client, q="OTSC")
    marker = f"{db}{UPDATING_SUFFIX}"
    with Termbase.open(db) as tb, tb.long_write("import"):
        busy = page(client, q="OTSC")
        assert busy != quiet and 'class="flash updating"' in busy
    assert not os.path.exists(marker)
    assert page(client, q="OTSC") == quiet
