"""The JSON API: same documents as the command line, JSON errors with 4xx statuses."""

from __future__ import annotations

import io

import pytest
from webdata import EN_DOC, FR_DOC, build_termbase

from web import create_app


@pytest.fixture()
def client(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results")})
    return app.test_client()


def test_lookup_json_matches_the_library(client, tmp_path):
    from termbase.store import Termbase

    data = client.get("/api/lookup?q=OTSC").get_json()
    with Termbase.open(tmp_path / "tb.sqlite3") as tb:
        expected = tb.search("OTSC").to_json()
    assert data == expected
    first = data["results"][0]
    assert first["kind"] == "title"
    assert {"term": "CSTO", "type": "acronym", "status": "preferred"}.items() <= \
        first["en"][1].items()
    assert first["evidence"][0]["context_en"].endswith("in this regard;")


@pytest.mark.parametrize("query, lang, found", [("securite", "fr", True), ("Council", "fr", False),
                                                ("Council", "en", True)])
def test_lookup_lang_filter(client, query, lang, found):
    data = client.get("/api/lookup", query_string={"q": query, "lang": lang}).get_json()
    assert bool(data["results"]) is found


@pytest.mark.parametrize("url", ["/api/lookup", "/api/lookup?q=x&lang=de",
                                 "/api/lookup?q=x&limit=abc"])
def test_lookup_errors_are_json_400(client, url):
    response = client.get(url)
    assert response.status_code == 400 and response.is_json
    assert response.get_json()["error"]


def test_entry_json_and_404(client):
    data = client.get("/api/entries/1").get_json()
    assert data["id"] == 1 and data["history"] == []
    assert data["tbx"].endswith("/entries/1.tbx")
    response = client.get("/api/entries/42")
    assert response.status_code == 404 and response.is_json
    response = client.get("/api/nothing")
    assert response.status_code == 404 and response.is_json


@pytest.mark.parametrize("body", [
    {"fr": "Il a salué l'OTSC.", "en": "He welcomed the OTSC."},
    {"pairs": [["Il a salué l'OTSC.", "He welcomed the OTSC."]]},
])
def test_check_json(client, body):
    data = client.post("/api/check", json=body).get_json()
    assert data["segments"] == 1
    issue = data["issues"][0]
    assert issue["kind"] == "untranslated-acronym" and "CSTO" in issue["expected"]
    assert set(issue) == {"segment", "kind", "severity", "source_term", "expected", "found",
                          "message"}


def test_check_multipart_tsv(client):
    tsv = "Le Conseil de sécurité s'est réuni.\tThe Security Council met.\n"
    response = client.post("/api/check", data={"pairs": (io.BytesIO(tsv.encode()), "x.tsv")},
                           content_type="multipart/form-data")
    assert response.status_code == 200 and response.get_json() == {"segments": 1, "source": "fr", "issues": []}


@pytest.mark.parametrize("body", [None, [], {"fr": 3, "en": "x"}, {"pairs": [["a"]]},
                                  {"fr": "", "en": ""}])
def test_check_bad_bodies_are_json_400(client, body):
    response = client.post("/api/check", json=body) if body is not None else \
        client.post("/api/check", data="not json", content_type="application/json")
    assert response.status_code == 400 and response.is_json


def test_check_needs_no_csrf_and_changes_nothing(client):
    before = client.get("/api/entries/1").get_json()
    assert client.post("/api/check", json={"fr": "a", "en": "b"}).status_code == 200
    assert client.get("/api/entries/1").get_json() == before


def test_align_json_and_upload(client):
    fr = ["Le Conseil de sécurité s'est réuni le 19 avril 2021.",
          "Il a adopté la résolution 2570 (2021).", "La séance est levée à 13 heures."]
    en = ["The Security Council met on 19 April 2021.", "It adopted resolution 2570 (2021).",
          "The meeting rose at 1 p.m."]
    data = client.post("/api/align", json={"fr": fr, "en": en}).get_json()
    assert [(b["fr"], b["en"]) for b in data["beads"]] == [([0], [0]), ([1], [1]), ([2], [2])]
    assert data["fr"] == fr and all(0 <= b["score"] <= 1 for b in data["beads"])
    response = client.post("/api/align", data={
        "fr_file": (io.BytesIO(FR_DOC.encode()), "a.fr.txt"),
        "en_file": (io.BytesIO(EN_DOC.encode()), "a.en.txt"),
    }, content_type="multipart/form-data")
    assert len(response.get_json()["beads"]) == 3


@pytest.mark.parametrize("body", [{"fr": [], "en": ["x"]}, {"fr": "x", "en": "y"}])
def test_align_errors_are_json_400(client, body):
    response = client.post("/api/align", json=body)
    assert response.status_code == 400 and response.is_json


def test_export_tbx(client):
    response = client.get("/api/export.tbx")
    assert response.status_code == 200 and b"OTSC" in response.data
    response = client.get("/api/export.tbx?version=7")
    assert response.status_code == 400 and response.is_json


def test_wrong_method_is_json_405(client):
    response = client.get("/api/check")
    assert response.status_code == 405 and response.is_json


def test_check_multipart_tmx(client):
    from aligner.align import Bead
    from aligner.formats import Alignment, tmx

    alignment = Alignment.from_beads([Bead((0,), (0,), 0.9)], ["Il a salué l'OTSC."],
                                     ["He welcomed the OTSC."])
    data = tmx.dumps(alignment).encode("utf-8")
    response = client.post("/api/check", data={"pairs": (io.BytesIO(data), "memory.tmx")},
                           content_type="multipart/form-data")
    assert response.status_code == 200
    assert [i["kind"] for i in response.get_json()["issues"]] == ["untranslated-acronym"]


def test_check_bad_upload_is_json_400(client):
    response = client.post("/api/check", data={"pairs": (io.BytesIO(b"no tab here\n"), "x.tsv")},
                           content_type="multipart/form-data")
    assert response.status_code == 400 and "x.tsv" in response.get_json()["error"]


def test_check_long_pasted_text_in_the_form(client):
    """Pasted texts over werkzeug's default 500 kB form limit are accepted."""
    import re

    sentence = "Le Conseil de sécurité se réunit pour examiner la situation. " * 5
    fr = "\n".join([sentence] * 2000)
    en = "\n".join(["The Security Council meets to consider the situation. " * 5] * 2000)
    assert len(fr.encode()) > 500_000
    page = client.get("/check").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post("/check", data={"csrf_token": token, "fr": fr, "en": en},
                           content_type="multipart/form-data")  # as the page's form sends it
    assert response.status_code == 302
    assert "2000 segments" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_an_english_acronym_alone_is_labelled_in_json_and_page(tmp_path):
    """UNPC devset: the English only ever writes ECCAS for the CEEAC; the API lists the
    language with no full form and the search page says so, in the interface's language."""
    from termbase.model import Concept, Term
    from termbase.store import Termbase

    db = tmp_path / "tb.sqlite3"
    with Termbase.open(db) as store, store.transaction():
        store.add_concept(Concept(kind="title", curated=False, confidence=0.6, terms=[
            Term("fr", "Communauté économique des États de l'Afrique centrale"),
            Term("fr", "CEEAC", "acronym"), Term("en", "ECCAS", "acronym")]))
    client = create_app({"TERMALIGN_DB": str(db),
                         "RESULTS_DIR": str(tmp_path / "results")}).test_client()
    [result] = client.get("/api/lookup?q=CEEAC").get_json()["results"]
    assert result["no_full_form"] == ["en"]
    assert "English full form not known" in client.get("/?q=CEEAC").get_data(as_text=True)
    page = client.get("/?q=CEEAC&lang=fr").get_data(as_text=True)
    assert "forme développée anglaise inconnue" in page


def test_check_pairs_alone(client):
    """UNv1.0.devset line 772 (English original): *le Conseil* for the Security Council is
    a dropped name in a document, a warning in a pair of a memory (``pairs_alone``)."""
    pair = ["Le présent additif donne la liste des questions examinées par le Conseil au "
            "cours de la semaine qui s'est achevée le 7 mars 2015.",
            "The present addendum lists the items on which the Security Council took action "
            "during the week ending 7 March 2015."]

    def severities(**options):
        response = client.post("/api/check", json={"pairs": [pair], "source": "en", **options})
        assert response.status_code == 200, response.get_json()
        return [(i["kind"], i["severity"]) for i in response.get_json()["issues"]
                if i["kind"] == "missing-title"]

    assert severities() == [("missing-title", "error")]
    assert severities(pairs_alone=True) == [("missing-title", "warning")]
    bad = client.post("/api/check", json={"pairs": [pair], "pairs_alone": "yes"})
    assert bad.status_code == 400 and "pairs_alone" in bad.get_json()["error"]
