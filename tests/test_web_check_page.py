"""The check page (issue 15, issue 12's web part): texts kept for another check, blank lines,
numbering, texts of different lengths aligned first, the direction, the report's language."""

from __future__ import annotations

import html
import io
import re

import pytest
from webdata import EN_DOC, FR_DOC, build_termbase

from web import create_app


@pytest.fixture()
def client(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                      "EDIT_TOKEN": None, "TESTING": True})
    return app.test_client()


def token(client, url: str = "/check") -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def check(client, fr: str, en: str, **extra) -> str:
    response = client.post("/check", data={"csrf_token": token(client), "fr": fr, "en": en,
                                           **extra})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def textarea(page: str, name: str) -> str:
    return html.unescape(re.search(rf'<textarea id="{name}"[^>]*>(.*?)</textarea>', page,
                                   re.S).group(1))


def test_texts_stay_in_the_form_for_another_check(client):
    fr = "Il a salué l'OTSC.\nLe Conseil de sécurité s'est réuni."
    en = "He welcomed the OTSC.\nThe Security Council met."
    page = client.get(check(client, fr, en)).get_data(as_text=True)
    assert textarea(page, "fr") == fr and textarea(page, "en") == en
    assert 'id="check-form"' in page and 'action="/check"' in page
    fixed = client.get(check(client, fr, en.replace("OTSC", "CSTO"))).get_data(as_text=True)
    assert "untranslated-acronym" not in fixed and "1 issue" not in fixed


def test_blank_lines_never_count_and_segments_are_numbered_as_seen(client):
    fr = "\nLe Conseil de sécurité s'est réuni.\n\n\nIl a salué l'OTSC.\n\n"
    en = "The Security Council met.\n\nHe welcomed the OTSC.\n"
    location = check(client, fr, en)
    page = client.get(location).get_data(as_text=True)
    assert "2 segments, 1 issue" in page
    assert 'id="segment-2"' in page and 'id="segment-1"' not in page
    report = client.get(location + ".json").get_json()
    assert report["segments"] == 2 and {i["segment"] for i in report["issues"]} == {2}


def test_pasted_tsv_is_numbered_without_blank_lines(client):
    tsv = "Le Conseil de sécurité s'est réuni.\tThe Security Council met.\n\n" \
          "Il a salué l'OTSC.\tHe welcomed the OTSC.\n"
    report = client.get(check(client, tsv, "") + ".json").get_json()
    assert [i["segment"] for i in report["issues"]] == [2]


def test_texts_of_different_lengths_are_aligned_first(client):
    fr = ("Le Conseil de sécurité s'est réuni le 19 avril 2021.\n"
          "Il a salué la coopération avec l'OTSC.\nLa séance est levée à 13 heures.")
    en = ("The Security Council met on 19 April 2021. It welcomed the cooperation with the "
          "OTSC.\nThe meeting rose at 1 p.m.")
    location = check(client, fr, en)
    page = client.get(location).get_data(as_text=True)
    assert "The French has 3 lines and the English 2 lines: they were aligned first." in page
    report = client.get(location + ".json").get_json()
    assert report["segments"] == 2
    assert [(i["segment"], i["kind"]) for i in report["issues"]] == \
        [(1, "untranslated-acronym")]


def test_aligned_texts_say_how_many_sentences_were_left_out(client):
    fr = ("Le Conseil de sécurité s'est réuni le 19 avril 2021.\nIl a salué l'OTSC.\n"
          "Le Président a donné la parole au représentant du Mexique, qui a fait une "
          "déclaration sur la prolifération des armes nucléaires dans la région et les "
          "garanties de l'Agence internationale de l'énergie atomique.\n"
          "La séance est levée à 13 heures.")
    en = "The Security Council met on 19 April 2021.\nHe welcomed the OTSC.\n" \
         "The meeting rose at 1 p.m."
    location = check(client, fr, en)
    page = client.get(location).get_data(as_text=True)
    assert "aligned first" in page and "1 sentence without a counterpart was not checked" in page
    report = client.get(location + ".json").get_json()
    assert report["segments"] == 3 and [i["segment"] for i in report["issues"]] == [2]


def test_report_in_the_interface_language(client):
    client.get("/?lang=fr")
    page = html.unescape(client.get(check(client, "Il a salué l'OTSC.", "He welcomed the OTSC."))
                         .get_data(as_text=True))
    assert "sigle « OTSC » non traduit en anglais ; employer « Collective Security Treaty " \
           "Organization » ou « CSTO »" in page  # the library's message, in French
    assert "1 segment, 1 problème" in page and "erreur" in page and "<details>" not in page
    assert "Original français → traduction anglaise" in page
    client.get("/?lang=en")
    page = html.unescape(client.get(check(client, "Il a salué l'OTSC.", "He welcomed the OTSC."))
                         .get_data(as_text=True))
    assert "acronym 'OTSC' left untranslated in the English" in page
    assert "1 segment, 1 issue" in page


def test_a_report_follows_a_change_of_interface_language(client):
    client.get("/?lang=fr")
    location = check(client, "Il a salué l'OTSC.", "He welcomed the OTSC.")
    client.get("/?lang=en")
    page = html.unescape(client.get(location).get_data(as_text=True))
    assert "acronym 'OTSC' left untranslated" in page and "sigle « OTSC »" not in page
    assert client.get(location + ".json").get_json()["issues"][0]["message"].startswith(
        "acronym 'OTSC' left untranslated")


def test_a_report_is_reworded_once_for_its_page_and_downloads(client, monkeypatch):
    import web.check

    client.get("/?lang=fr")
    location = check(client, "Il a salué l'OTSC.", "He welcomed the OTSC.")
    calls = []
    real = web.check.run_check
    monkeypatch.setattr("web.check.run_check", lambda *args, **options: calls.append(args) or real(*args, **options))
    client.get("/?lang=en")
    for suffix in ("", ".csv", ".html", ""):
        assert "left untranslated" in client.get(location + suffix).get_data(as_text=True)
    assert len(calls) == 1 and calls[0][2] == "en"


def test_a_report_stays_as_made_when_the_issues_changed_since(client, monkeypatch):
    client.get("/?lang=fr")
    location = check(client, "Il a salué l'OTSC.", "He welcomed the OTSC.")
    monkeypatch.setattr("web.check.run_check", lambda *args, **options: {"segments": 1, "issues": []})
    client.get("/?lang=en")
    page = html.unescape(client.get(location).get_data(as_text=True))
    assert "sigle « OTSC » non traduit" in page and "1 segment, 1 issue" in page


@pytest.mark.parametrize(("lang", "header", "words"), [
    ("fr", "segment,type,gravité,terme de l’original,attendu,trouvé,problème",
     ["<html lang='fr'>", "<th>gravité</th>", "dont 1 avec des problèmes", ">erreur</td>",
      "sigle « OTSC » non traduit en anglais"]),
    ("en", "segment,kind,severity,source_term,expected,found,message",
     ["<html lang='en'>", "<th>severity</th>", "1 with issues", ">error</td>",
      "acronym 'OTSC' left untranslated"]),
])
def test_downloaded_reports_in_the_interface_language(client, lang, header, words):
    client.get(f"/?lang={lang}")
    location = check(client, "Il a salué l'OTSC.", "He welcomed the OTSC.")
    csv_text = client.get(location + ".csv").get_data(as_text=True)
    assert csv_text.splitlines()[0] == header
    assert words[3].strip("></td") in csv_text.splitlines()[1]
    page = html.unescape(client.get(location + ".html").get_data(as_text=True))
    for word in words:
        assert word in page


def test_the_direction_is_remembered(client):
    page = client.get("/check").get_data(as_text=True)
    assert re.search(r'value="auto" checked', page)  # detect, until the user chooses
    assert not re.search(r'value="(fr|en)" checked', page)
    assert "French text" in page and "English text" in page
    client.set_cookie("source", "en")
    page = client.get("/check").get_data(as_text=True)
    assert re.search(r'value="en" checked', page)
    assert "English original" in page and "French translation" in page
    assert re.search(r'value="en" checked', client.get("/align").get_data(as_text=True))
    client.set_cookie("source", "xx")  # a forged value falls back to detection
    assert re.search(r'value="auto" checked', client.get("/check").get_data(as_text=True))
    client.set_cookie("source", "auto")  # the align page detects too
    assert re.search(r'value="auto" checked', client.get("/align").get_data(as_text=True))


FR_ORIGINAL_EN = "Original : anglais\nIl a salué l'OTSC."
EN_ORIGINAL_EN = "Original: English\nHe welcomed the CSTO."


@pytest.mark.parametrize(("fr", "en", "source", "why"), [
    (FR_ORIGINAL_EN, EN_ORIGINAL_EN, "en",
     "English original → French translation (detected from the “Original” line of the "
     "French text)"),
    ("Original : français\nIl a salué l'OTSC.", "Original: French\nHe welcomed the CSTO.",
     "fr", "French original → English translation (detected from the “Original” line of the "
     "French text)"),
    ("Il a salué l'OTSC.", "He welcomed the CSTO.", "fr",
     "French original → English translation (no “Original” line found: French original by "
     "default)"),
])
def test_pasted_texts_give_their_direction(client, recorder, fr, en, source, why):
    location = check(client, fr, en, source="auto")
    assert recorder.calls[-1][1] == ({"source": "en"} if source == "en" else {})
    page = html.unescape(client.get(location).get_data(as_text=True))
    assert why in page
    assert re.search(r'value="auto" checked', page)  # the form keeps "detect"
    assert 'class="pair source-auto" id="check-pair"' in page


def test_a_chosen_direction_is_not_overridden(client, recorder):
    location = check(client, FR_ORIGINAL_EN, EN_ORIGINAL_EN, source="fr")
    assert recorder.calls[-1][1] == {}
    page = client.get(location).get_data(as_text=True)
    assert "detected" not in page and re.search(r'value="fr" checked', page)


def test_two_documents_give_their_direction(client, recorder):
    response = client.post("/check", data={
        "csrf_token": token(client), "source": "auto",
        "fr_file": (io.BytesIO(("Original : anglais\n\n" + FR_DOC).encode()), "lettre.fr.txt"),
        "en_file": (io.BytesIO(("Original: English\n\n" + EN_DOC).encode()), "letter.en.txt"),
    }, content_type="multipart/form-data")
    assert recorder.calls[-1][1] == {"source": "en"}
    page = html.unescape(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "English original → French translation (detected from the “Original” line" in page


def test_a_tmx_gives_its_declared_direction(client, recorder):
    tmx = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-US" '
           'creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en"'
           ' datatype="plaintext"/><body><tu><tuv xml:lang="en-US"><seg>He welcomed the CSTO.'
           '</seg></tuv><tuv xml:lang="fr-FR"><seg>Il a salué l\'OTSC.</seg></tuv></tu></body>'
           '</tmx>\n')
    response = client.post("/check", data={
        "csrf_token": token(client),
        "pairs": (io.BytesIO(tmx.encode()), "pairs.tmx")}, content_type="multipart/form-data")
    assert response.status_code == 302
    assert recorder.calls[-1] == ({1: ("Il a salué l'OTSC.", "He welcomed the CSTO.")},
                                  {"source": "en"})
    page = html.unescape(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "(detected from the languages the file declares)" in page


def test_the_chosen_direction_is_stored_in_a_cookie(client):
    response = client.post("/check", data={"csrf_token": token(client), "fr": "Un.",
                                           "en": "One.", "source": "fr"})
    assert "source=fr" in response.headers["Set-Cookie"]


class Recorder:
    """A checker standing in for the library, recording the direction it was given."""

    def __init__(self):
        self.calls = []

    def check(self, segments, **options):
        from checks.model import Report

        self.calls.append(({s.number: (s.fr, s.en) for s in segments}, options))
        return Report(len(segments), [])


@pytest.fixture()
def recorder(monkeypatch):
    fake = Recorder()
    monkeypatch.setattr("web.check.checker", lambda: fake)
    return fake


def test_an_english_original_is_passed_to_the_checks(client, recorder):
    location = check(client, "Il a salué l'OTSC.", "He welcomed the CSTO.", source="en")
    assert recorder.calls[-1] == ({1: ("Il a salué l'OTSC.", "He welcomed the CSTO.")},
                                  {"source": "en"})
    page = client.get(location).get_data(as_text=True)
    assert "English original → French translation" in page
    assert 'class="pair source-en"' in page
    check(client, "Un.", "One.", source="fr")
    assert recorder.calls[-1][1] == {}  # French: the library's default direction


@pytest.mark.parametrize(("body", "options"), [
    ({"fr": "Un.", "en": "One."}, {}),
    ({"fr": "Un.", "en": "One.", "source": "fr"}, {}),
    ({"pairs": [["Un.", "One."]], "source": "en"}, {"source": "en"}),
])
def test_api_check_source_field(client, recorder, body, options):
    assert client.post("/api/check", json=body).status_code == 200
    assert recorder.calls[-1][1] == options


@pytest.mark.parametrize("source", ["de", 3, ["en"]])
def test_api_check_bad_source_is_400(client, source):
    response = client.post("/api/check", json={"fr": "Un.", "en": "One.", "source": source})
    assert response.status_code == 400 and "source" in response.get_json()["error"]


def test_api_check_aligns_texts_of_different_lengths(client):
    body = {"fr": "Le Conseil de sécurité s'est réuni.\nIl a salué l'OTSC.",
            "en": "The Security Council met. He welcomed the OTSC."}
    data = client.post("/api/check", json=body).get_json()
    assert data["segments"] == 1 and data["issues"][0]["kind"] == "untranslated-acronym"


def test_api_align_source_field(client):
    body = {"fr": ["Le Conseil s'est réuni."], "en": ["The Council met."], "source": "en"}
    assert client.post("/api/align", json=body).get_json()["source"] == "en"
    assert client.post("/api/align", json={**body, "source": "x"}).status_code == 400


def test_two_documents_fill_the_form_with_their_segments(client):
    response = client.post("/check", data={
        "csrf_token": token(client),
        "fr_file": (io.BytesIO(FR_DOC.encode()), "lettre.fr.txt"),
        "en_file": (io.BytesIO(EN_DOC.replace("(CSTO)", "(OTSC)").encode()), "letter.en.txt"),
    }, content_type="multipart/form-data")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "untranslated-acronym" in page
    fr, en = textarea(page, "fr").split("\n"), textarea(page, "en").split("\n")
    assert len(fr) == len(en) == 3 and fr[0].startswith("Le Conseil de sécurité")


def test_expected_forms_are_those_the_library_gives(client):
    location = check(client, "Le Conseil de sécurité s'est réuni le 16 novembre 2021.",
                     "The Security Council met on 17 November 2021.")
    report = client.get(location + ".json").get_json()
    page = client.get(location).get_data(as_text=True)
    for issue in report["issues"]:
        for form in issue["expected"]:
            assert f"<strong>{form}</strong>" in page


def test_check_help_names_the_real_default_termbase():
    from click.testing import CliRunner

    from termalign.cli import cli

    out = " ".join(CliRunner().invoke(cli, ["check", "--help"]).output.split())
    assert "$TERMALIGN_DB, else ~/.local/share/termalign/termbase.sqlite3" in out
    assert "embedded termbase" not in out


def test_an_empty_french_box_is_a_clear_400(client):
    response = client.post("/check", data={"csrf_token": token(client), "fr": " \n",
                                           "en": "The Security Council met."})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "The French box is empty" in page
    assert textarea(page, "en") == "The Security Council met."  # nothing typed is lost


def test_the_align_page_detects_the_original_from_the_documents(client):
    """With "detect" chosen, the documents' "Original : anglais" line makes English the
    source, and the result page says why; an explicit choice is kept as chosen."""
    import io

    fr = ("Original : anglais\n\nLe Conseil de sécurité s'est réuni le 3 mai 2021.\n\n"
          "Il a adopté la résolution 2575 (2021).\n")
    en = "Original: English\n\nThe Security Council met on 3 May 2021.\n\nIt adopted resolution 2575 (2021).\n"

    def upload(choice):
        return client.post("/align", data={
            "csrf_token": token(client, "/align"), "source": choice,
            "fr_file": (io.BytesIO(fr.encode()), "fr.txt"),
            "en_file": (io.BytesIO(en.encode()), "en.txt")}, follow_redirects=True)

    page = upload("auto").get_data(as_text=True)
    assert 'id="direction-used"' in page and "English original" in page
    assert "Original" in page.split('id="direction-used"')[1].split("</span>")[0]
    page = upload("fr").get_data(as_text=True)
    used = page.split('id="direction-used"')[1].split("</span>")[0]
    assert "French original" in used and "(" not in used


def test_pairs_alone_box(client):
    """UNv1.0.devset line 772 (English original): *le Conseil* for the Security Council is a
    dropped name in a document, a warning when the box says the pairs are a memory's; the
    box stays ticked on the result page, and the report in the other language keeps it."""
    fr = ("Le présent additif donne la liste des questions examinées par le Conseil au cours "
          "de la semaine qui s'est achevée le 7 mars 2015.")
    en = ("The present addendum lists the items on which the Security Council took action "
          "during the week ending 7 March 2015.")
    assert 'name="pairs_alone"' in client.get("/check").get_data(as_text=True)
    urls = [check(client, fr, en, source="en", **extra) for extra in ({}, {"pairs_alone": "1"})]
    pages = [html.unescape(client.get(url).get_data(as_text=True)) for url in urls]
    document, memory = pages
    in_french = html.unescape(client.get(urls[1] + "?lang=fr").get_data(as_text=True))
    assert re.findall(r'class="issue sev-(\w+)" data-kind="missing-title"', in_french) == [
        "warning"]
    assert re.findall(r'<span class="issue-text">(.*?)</span>', in_french) == [
        "« Security Council » n’est pas rendu par son nom français : attendu « Conseil de "
        "sécurité »"]
    assert 'id="pairs_alone" name="pairs_alone" type="checkbox" value="1">' in document
    assert 'type="checkbox" value="1" checked>' in memory
    titles = [re.findall(r'class="issue sev-(\w+)" data-kind="missing-title"', page)
              for page in pages]
    assert titles == [["error"], ["warning"]]
