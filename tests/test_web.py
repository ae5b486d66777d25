"""The web pages, through Flask's test client on a small real termbase."""

from __future__ import annotations

import io
import re

import pytest
from webdata import EN_DOC, FR_DOC, build_termbase

from web import create_app


@pytest.fixture()
def app(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    return create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                       "EDIT_TOKEN": None, "TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


def csrf(client, url: str) -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


@pytest.mark.parametrize("query", ["OTSC", "otsc", "Organisation du traite de securite",
                                   "Collective Security", "CSTO"])
def test_search_finds_csto(client, query):
    page = client.get("/", query_string={"q": query}).get_data(as_text=True)
    assert "Collective Security Treaty Organization (CSTO)</a>" in page
    assert '<ul class="terms" lang="fr">' in page and '<ul class="terms" lang="en">' in page


def test_search_page_without_query_has_autofocus_and_combobox(client):
    response = client.get("/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "autofocus" in page and 'role="combobox"' in page and 'role="listbox"' in page
    assert "<script" in page and "<script>" not in page  # external script only


def test_search_strikes_out_avoid_and_superseded(client):
    page = client.get("/?q=Ivory+Coast").get_data(as_text=True)
    assert "<del><mark>Ivory Coast</mark></del>" in page and "avoid" in page  # matched: marked
    page = client.get("/?q=UNOMIG").get_data(as_text=True)
    assert "<del><mark>UNOMIG</mark></del>" in page and "superseded" in page


def test_search_no_result_and_escaping(client):
    page = client.get("/?q=<script>alert(1)</script>").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_entry_page_shows_terms_evidence_and_tbx(client):
    page = client.get("/entries/1").get_data(as_text=True)
    assert "OTSC" in page and "CSTO" in page
    assert "<mark>Organisation du Traité de sécurité collective</mark>" in page
    assert "<mark>CSTO</mark>" in page and "UNv1.0.testset line 3046" in page
    assert 'href="/entries/1.tbx"' in page and "http://localhost/entries/1" in page
    tbx = client.get("/entries/1.tbx")
    assert tbx.status_code == 200 and b"Collective Security Treaty Organization" in tbx.data
    assert "attachment" in tbx.headers["Content-Disposition"]


@pytest.mark.parametrize("url", ["/entries/999", "/entries/999.tbx", "/nowhere"])
def test_missing_pages_are_404_html(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.mimetype == "text/html"


def test_language_switch_sets_cookie_and_html_lang(client):
    response = client.get("/?lang=fr")
    page = response.get_data(as_text=True)
    assert '<html lang="fr">' in page and "Rechercher" in page
    assert "ui_lang=fr" in response.headers["Set-Cookie"]
    page = client.get("/check").get_data(as_text=True)  # remembered by the cookie
    assert '<html lang="fr">' in page and "Vérifier une traduction" in page
    page = client.get("/check?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in page


def test_accept_language_picks_french(client):
    page = client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9"}).get_data(as_text=True)
    assert '<html lang="fr">' in page


def test_check_with_pasted_text_highlights_issues(client):
    token = csrf(client, "/check")
    response = client.post("/check", data={
        "csrf_token": token,
        "fr": "Il a salué l'OTSC.\nLe Conseil de sécurité s'est réuni.",
        "en": "He welcomed the OTSC.\nThe Security Council met.",
    })
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "untranslated-acronym" in page
    assert "<mark>OTSC</mark>" in page and "CSTO" in page
    location = response.headers["Location"]
    for fmt, needle in (("json", b'"untranslated-acronym"'), ("csv", b"untranslated-acronym"),
                        ("html", b"untranslated-acronym")):
        download = client.get(f"{location}.{fmt}")
        assert download.status_code == 200 and needle in download.data


def test_check_with_tsv_pasted(client):
    token = csrf(client, "/check")
    response = client.post("/check", data={"csrf_token": token,
                                           "fr": "Il a salué l'OTSC.\tHe welcomed the OTSC.",
                                           "en": ""})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "untranslated-acronym" in page


def test_check_with_two_documents(client):
    token = csrf(client, "/check")
    response = client.post("/check", data={
        "csrf_token": token,
        "fr_file": (io.BytesIO(FR_DOC.encode()), "lettre.fr.txt"),
        "en_file": (io.BytesIO(EN_DOC.replace("(CSTO)", "(OTSC)").encode()), "letter.en.txt"),
    }, content_type="multipart/form-data")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "untranslated-acronym" in page


def test_check_aligns_mismatched_lines_and_rejects_empty_input(client):
    token = csrf(client, "/check")
    response = client.post("/check", data={"csrf_token": token, "fr": "Un.\nDeux.", "en": "One."})
    assert response.status_code == 302  # aligned first (issue 15), see test_web_check_page.py
    response = client.post("/check", data={"csrf_token": token, "fr": "", "en": ""})
    assert response.status_code == 400


def test_post_without_csrf_token_is_refused(client):
    response = client.post("/check", data={"fr": "Un.", "en": "One."})
    assert response.status_code == 403


def test_align_upload_view_svg_and_downloads(client):
    token = csrf(client, "/align")
    response = client.post("/align", data={
        "csrf_token": token,
        "fr_file": (io.BytesIO(FR_DOC.encode()), "lettre.fr.txt"),
        "en_file": (io.BytesIO(EN_DOC.encode()), "letter.en.txt"),
    }, content_type="multipart/form-data")
    assert response.status_code == 302
    location = response.headers["Location"]
    page = client.get(location).get_data(as_text=True)
    assert "<svg" in page and 'class="bead' in page and "3 pairs" in page
    tmx = client.get(location + ".tmx")
    assert tmx.status_code == 200 and b"<tmx" in tmx.data and b"Security Council" in tmx.data
    tsv = client.get(location + ".tsv")
    assert b"Le Conseil de s\xc3\xa9curit\xc3\xa9" in tsv.data and b"\t" in tsv.data


@pytest.mark.parametrize("result_id", ["../../etc/passwd", "0" * 32, "abc", "..%2F..%2Fx"])
def test_results_cannot_escape_their_folder(client, result_id):
    assert client.get(f"/align/{result_id}").status_code == 404
    assert client.get(f"/check/{result_id}.json").status_code == 404


def test_align_needs_both_documents(client):
    token = csrf(client, "/align")
    response = client.post("/align", data={
        "csrf_token": token, "fr_file": (io.BytesIO(FR_DOC.encode()), "lettre.fr.txt"),
    }, content_type="multipart/form-data")
    assert response.status_code == 400


def test_align_bad_document_is_a_clear_400(client):
    token = csrf(client, "/align")
    response = client.post("/align", data={
        "csrf_token": token,
        "fr_file": (io.BytesIO(b"\x00\x01\x02\xff" * 100), "lettre.fr.txt"),
        "en_file": (io.BytesIO(EN_DOC.encode()), "letter.en.txt"),
    }, content_type="multipart/form-data")
    assert response.status_code == 400 and "lettre.fr.txt" in response.get_data(as_text=True)


def test_upload_limit(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "r"),
                      "MAX_CONTENT_LENGTH": 1000})
    client = app.test_client()
    token = csrf(client, "/align")
    response = client.post("/align", data={
        "csrf_token": token, "fr_file": (io.BytesIO(b"a" * 5000), "big.txt"),
    }, content_type="multipart/form-data")
    assert response.status_code == 413


@pytest.mark.parametrize("version, marker", [("3", b"urn:iso:std:iso:30042"), ("2", b"<martif")])
def test_export_tbx(client, version, marker):
    assert "TBX v3" in client.get("/export").get_data(as_text=True)
    response = client.get(f"/export/termbase.tbx?version={version}")
    assert response.status_code == 200 and marker in response.data
    assert b"Security Council" in response.data


def test_export_csv_and_bad_version(client):
    response = client.get("/export/termbase.csv")
    assert response.status_code == 200 and b"Collective Security Treaty Organization" in response.data
    assert client.get("/export/termbase.tbx?version=9").status_code == 400


def test_every_message_has_english_and_french():
    from web.i18n import MESSAGES

    missing = [key for key, texts in MESSAGES.items() if not (texts.get("en") and texts.get("fr"))]
    assert missing == []


def test_templates_use_only_known_messages():
    from pathlib import Path

    from termbase.model import KINDS, STATUSES, TERM_TYPES
    from web.i18n import MESSAGES

    folder = Path(__file__).resolve().parent.parent / "web" / "templates"
    used = set()
    for template in folder.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        used |= set(re.findall(r"_\('([\w.]+\w)'\s*[,)]", text))  # not the 'kind.' ~ x ones
    used |= {f"kind.{k}" for k in KINDS} | {f"type.{t}" for t in TERM_TYPES}
    used |= {f"status.{s}" for s in STATUSES} | {"severity.error", "severity.warning"}
    assert sorted(used - set(MESSAGES)) == []


def test_align_warns_when_documents_are_not_translations(client, seeds_root):
    english = (seeds_root / "udhr" / "udhr_eng.txt").read_bytes()
    token = csrf(client, "/align")
    response = client.post("/align", data={
        "csrf_token": token,
        "fr_file": (io.BytesIO(FR_DOC.encode()), "lettre.fr.txt"),
        "en_file": (io.BytesIO(english), "udhr_eng.txt"),
    }, content_type="multipart/form-data")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "do not look like translations" in page
    assert 'class="bead low' in page and '<tr id="bead-1" class="low">' in page
