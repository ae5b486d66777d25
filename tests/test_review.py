"""The alignment review: the store module (termbase/reviews.py) and the editor's endpoints."""

from __future__ import annotations

import io
import re

import pytest
from webdata import EN_DOC, FR_DOC, build_termbase

from termbase import reviews
from termbase.errors import NotFoundError
from termbase.model import Evidence
from termbase.store import Termbase
from web import create_app

TOKEN = "review-test-token"


def review(beads=None) -> reviews.Review:
    beads = beads or [reviews.ReviewBead([0], [0], 0.9), reviews.ReviewBead([1, 2], [1], 0.4,
                                                                            low=True)]
    return reviews.Review("f" * 32, ["Un.", "Deux.", "Trois."], ["One.", "Two three."], beads,
                          "doc.fr.txt", "doc.en.txt")


def test_store_round_trip_and_update(tmp_path):
    with Termbase.open(tmp_path / "tb.sqlite3") as tb:
        first = reviews.save(tb, review())
        saved = reviews.load(tb, "f" * 32)
        assert saved.id == first and saved.fr_name == "doc.fr.txt" and saved.beads[1].low
        assert saved.pairs() == [("Un.", "One.", saved.beads[0]),
                                 ("Deux. Trois.", "Two three.", saved.beads[1])]
        saved.beads[0].status = "approved"
        assert reviews.save(tb, saved) == first  # one review per alignment
        assert [b.status for b in reviews.load(tb, "f" * 32).beads] == ["approved", "pending"]
        assert [r.alignment for r in reviews.list_reviews(tb)] == ["f" * 32]
        assert reviews.load(tb, "f" * 32).counts() == {"pending": 1, "approved": 1,
                                                       "rejected": 0}


def test_saving_a_review_does_not_change_the_data_version(tmp_path):
    with Termbase.open(tmp_path / "tb.sqlite3") as tb:
        before = tb.data_version()
        reviews.save(tb, review())
        assert tb.data_version() == before


@pytest.mark.parametrize("beads", [
    [reviews.ReviewBead([0], [0]), reviews.ReviewBead([2, 1], [1])],  # out of order
    [reviews.ReviewBead([0], [0]), reviews.ReviewBead([1], [1])],  # a sentence lost
    [reviews.ReviewBead([0, 1, 2], [0, 1]), reviews.ReviewBead([2], [])],  # one twice
    [reviews.ReviewBead([0, 1, 2], [0, 1]), reviews.ReviewBead([], [])],  # an empty bead
    [reviews.ReviewBead([0, 1, 2], [0, 1], status="done")],  # an unknown status
])
def test_invalid_reviews_are_refused_and_nothing_is_written(tmp_path, beads):
    with Termbase.open(tmp_path / "tb.sqlite3") as tb:
        with pytest.raises(reviews.ReviewError):
            reviews.save(tb, review(beads))
        assert reviews.find(tb, "f" * 32) is None
        with pytest.raises(NotFoundError):
            reviews.load(tb, "f" * 32)


def test_add_evidence_skips_a_pair_already_there(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    with Termbase.open(db) as tb, tb.transaction():
        evidence = Evidence("x", "Le Conseil de sécurité.", "The Security Council.",
                            method="aligned")
        assert reviews.add_evidence(tb, 2, evidence) is True
        assert reviews.add_evidence(tb, 2, evidence) is False
    with Termbase.open(db) as tb:
        assert [e.context_en for e in tb.get_concept(2).evidence] == ["The Security Council."]


# -- the web editor ----------------------------------------------------------------------


@pytest.fixture()
def app(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    return create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                       "EDIT_TOKEN": TOKEN, "TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


def csrf(client, url: str = "/align") -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


@pytest.fixture()
def alignment(client) -> str:
    response = client.post("/align", data={
        "csrf_token": csrf(client),
        "fr_file": (io.BytesIO(FR_DOC.encode()), "lettre.fr.txt"),
        "en_file": (io.BytesIO(EN_DOC.encode()), "letter.en.txt"),
    }, content_type="multipart/form-data")
    return response.headers["Location"].rsplit("/", 1)[1]


def post_beads(client, alignment, beads, token=None):
    return client.post(f"/review/{alignment}", json={"beads": beads},
                       headers={"X-CSRF-Token": token or csrf(client)})


def page_data(client, alignment) -> dict:
    import html
    import json

    page = client.get(f"/review/{alignment}").get_data(as_text=True)
    raw = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page,
                    re.S).group(1)
    return json.loads(html.unescape(raw)) if raw.startswith("{&") else json.loads(raw)


def test_the_align_page_links_to_the_editor(client, alignment):
    page = client.get(f"/align/{alignment}").get_data(as_text=True)
    assert f'href="/review/{alignment}"' in page


def test_editor_page_starts_from_the_alignment(client, alignment):
    data = page_data(client, alignment)
    assert [(b["fr"], b["en"], b["status"]) for b in data["beads"]] == \
        [([0], [0], "pending"), ([1], [1], "pending"), ([2], [2], "pending")]
    assert data["names"] == ["lettre.fr.txt", "letter.en.txt"] and data["saved"] == ""
    assert client.get("/review/" + "0" * 32).status_code == 404


def test_save_and_reopen(client, alignment):
    beads = [{"fr": [0, 1], "en": [0, 1], "score": None, "status": "approved"},
             {"fr": [2], "en": [2], "score": 0.99, "status": "rejected"}]
    response = post_beads(client, alignment, beads)
    assert response.status_code == 200
    assert response.get_json()["counts"] == {"pending": 0, "approved": 1, "rejected": 1}
    data = page_data(client, alignment)
    assert [(b["fr"], b["status"]) for b in data["beads"]] == [([0, 1], "approved"),
                                                             ([2], "rejected")]
    assert data["saved"]
    listing = client.get("/review").get_data(as_text=True)
    assert f'href="/review/{alignment}"' in listing and "lettre.fr.txt" in listing


@pytest.mark.parametrize("body", [
    None, {"beads": "x"}, {"beads": [{"fr": [0], "en": "0"}]},
    {"beads": [{"fr": [0], "en": [0], "score": "high"}]},
    {"beads": [{"fr": [0, 1, 2], "en": [0, 1, 2], "status": "maybe"}]},
    {"beads": [{"fr": [0, 1, 2], "en": [0, 1]}]},
    {"beads": [{"fr": [0, 1, 2, 3], "en": [0, 1, 2]}]},
    {"beads": [{"fr": [0, 1, 2], "en": [0, 1, 2.5]}]},
])
def test_bad_saves_are_400_and_keep_the_review(client, alignment, body):
    good = [{"fr": [0, 1, 2], "en": [0, 1, 2], "status": "approved"}]
    assert post_beads(client, alignment, good).status_code == 200
    response = client.post(f"/review/{alignment}", json=body,
                           headers={"X-CSRF-Token": csrf(client)})
    assert response.status_code == 400
    assert [b["fr"] for b in page_data(client, alignment)["beads"]] == [[0, 1, 2]]


def test_save_needs_the_csrf_token(client, alignment):
    response = client.post(f"/review/{alignment}", json={"beads": []})
    assert response.status_code == 403


def tmx_units(text: str) -> list[tuple[str, str]]:
    from lxml import etree

    root = etree.fromstring(text.encode())
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    return [tuple(tuv.findtext("seg") for tuv in tu.iter("tuv")) for tu in root.iter("tu")
            if [tuv.get(lang) for tuv in tu.iter("tuv")] == ["fr", "en"]]


def test_export_approved_or_all(client, alignment, tmp_path):
    beads = [{"fr": [0], "en": [0], "score": 0.99, "status": "approved"},
             {"fr": [1], "en": [1], "score": 0.98, "status": "rejected"},
             {"fr": [2], "en": [2], "score": 0.99, "status": "pending"}]
    post_beads(client, alignment, beads)
    approved = client.get(f"/review/{alignment}.tmx?pairs=approved")
    assert approved.status_code == 200 and "attachment" in approved.headers["Content-Disposition"]
    units = tmx_units(approved.get_data(as_text=True))
    assert units == [("Le Conseil de sécurité s'est réuni le 19 avril 2021.",
                      "The Security Council met on 19 April 2021.")]
    everything = tmx_units(client.get(f"/review/{alignment}.tmx?pairs=all").get_data(as_text=True))
    assert len(everything) == 3
    path = tmp_path / "approved.tmx"  # the export reads back through the TMX reader
    path.write_bytes(approved.data)
    from aligner.formats import tmx

    assert [u.en for u in tmx.load(path).units] == ["The Security Council met on 19 April 2021."]
    tsv = client.get(f"/review/{alignment}.tsv").get_data(as_text=True)
    assert tsv.count("\n") >= 1 and "19 April 2021" in tsv and "1 p.m." not in tsv
    assert client.get(f"/review/{alignment}.tmx?pairs=some").status_code == 400
    assert client.get(f"/review/{alignment}.pdf").status_code == 404


def test_an_edited_bead_is_exported_with_its_sentences_joined(client, alignment):
    post_beads(client, alignment, [
        {"fr": [0, 1], "en": [0, 1], "score": None, "status": "approved"},
        {"fr": [2], "en": [2], "score": 0.99, "status": "pending"}])
    units = tmx_units(client.get(f"/review/{alignment}.tmx").get_data(as_text=True))
    assert len(units) == 1 and units[0][1].startswith("The Security Council met") \
        and units[0][1].endswith("(CSTO).")


def login(client):
    page = client.get("/edit/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post("/edit/login", data={"csrf_token": token, "name": "Ana", "token": TOKEN})


def test_approved_pairs_become_evidence_once(client, alignment, app):
    post_beads(client, alignment, [
        {"fr": [0], "en": [0], "score": 0.99, "status": "approved"},
        {"fr": [1], "en": [1], "score": 0.98, "status": "approved"},
        {"fr": [2], "en": [2], "score": 0.99, "status": "rejected"}])
    url = f"/review/{alignment}/evidence"
    assert client.post(url, data={"csrf_token": csrf(client)}).status_code == 403  # logged out
    login(client)
    response = client.post(url, data={"csrf_token": csrf(client)}, follow_redirects=True)
    assert "2 attestations added to the termbase." in response.get_data(as_text=True)
    with Termbase.open(app.config["TERMALIGN_DB"]) as tb:
        council = [e for e in tb.get_concept(2).evidence if e.method == "aligned"]
        csto = [e for e in tb.get_concept(1).evidence if e.method == "aligned"]
    assert [e.context_en for e in council] == ["The Security Council met on 19 April 2021."]
    assert csto[0].context_fr.startswith("Il a salué") and "(review)" in csto[0].source
    again = client.post(url, data={"csrf_token": csrf(client)}, follow_redirects=True)
    assert "0 attestations added" in again.get_data(as_text=True)


def test_evidence_needs_a_saved_review(client, alignment):
    login(client)
    assert client.post(f"/review/{alignment}/evidence",
                       data={"csrf_token": csrf(client)}).status_code == 404


def test_evidence_is_off_without_an_edit_token(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "r"),
                      "EDIT_TOKEN": None, "TESTING": True})
    client = app.test_client()
    assert client.post("/review/" + "a" * 32 + "/evidence",
                       data={"csrf_token": csrf(client)}).status_code == 404


def test_an_english_original_is_given_to_the_tmx_writer(client, alignment, monkeypatch):
    """The direction reaches ``Alignment.from_beads(..., source=...)`` (the TMX writer follows
    ``Alignment.source``); French, the default, is not passed."""
    from aligner.formats import Alignment

    calls = []
    real = Alignment.from_beads.__func__

    def recording(cls, *args, **options):
        calls.append(dict(options))
        options.pop("source", None)  # not a parameter before the checks branch is merged
        return real(cls, *args, **options)

    monkeypatch.setattr(Alignment, "from_beads", classmethod(recording))
    assert client.get(f"/review/{alignment}.tmx?pairs=all").status_code == 200
    assert calls[-1] == {}
    post_beads(client, alignment, [{"fr": [0, 1, 2], "en": [0, 1, 2], "status": "approved"}])
    with Termbase.open(client.application.config["TERMALIGN_DB"]) as tb:
        saved = reviews.load(tb, alignment)
        saved.source = "en"
        reviews.save(tb, saved)
    assert client.get(f"/review/{alignment}.tmx").status_code == 200
    assert calls[-1] == {"source": "en"}


def test_a_saved_review_outlives_its_alignment_result(client, alignment, app):
    from pathlib import Path

    post_beads(client, alignment, [{"fr": [0, 1, 2], "en": [0, 1, 2], "status": "approved"}])
    for path in Path(app.config["RESULTS_DIR"]).glob(f"align-{alignment}.json"):
        path.unlink()  # the alignment result expired
    assert client.get(f"/align/{alignment}").status_code == 404
    data = page_data(client, alignment)
    assert data["beads"][0]["status"] == "approved" and len(data["fr"]) == 3
    assert "19 April 2021" in client.get(f"/review/{alignment}.tmx").get_data(as_text=True)
