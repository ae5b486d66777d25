"""The document glossary: library (checks/glossary.py), ``termalign glossary`` and the web page.

The expected entries were read in the documents (seeds/S-2021-297.fr.txt, a Security Council
letter, and its first paragraphs), not taken from the tool's output."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from webdata import FR_DOC, build_termbase

from checks.glossary import TermIndex, build_glossary, render
from termalign.cli import cli
from termbase.model import Concept, Term
from termbase.store import Termbase


@pytest.fixture(scope="module")
def default_db() -> Path:
    from termalign import defaults

    return Path(defaults.ensure_default_db())


@pytest.fixture(scope="module")
def index(default_db) -> TermIndex:
    with Termbase.open(default_db) as tb:
        return TermIndex(list(tb.iter_concepts()))


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


LETTER_FR = "S-2021-297.fr.txt"


def test_french_letter_in_reading_order(seeds_root, runner, default_db):
    result = runner.invoke(cli, ["glossary", str(seeds_root / LETTER_FR), "--format", "json",
                                 "--db", str(default_db)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"document", "entries", "unknown"} and data["source"] == "fr"
    terms = [e["term"] for e in data["entries"]]
    # read in the letter: its title names the Secretary-General, Viet Nam and the United
    # Nations, then the Council; paragraph 6 lists the regional organizations in this order
    # (with key terms of its own in between: "Lettre datée" = "letter dated" opens it)
    core = ["Secrétaire général", "Viet Nam", "Organisation des Nations Unies",
            "Conseil de sécurité"]
    assert [t for t in terms[:8] if t in core] == core
    assert "mars" not in terms and "mois" not in terms  # one-word candidates: not listed
    listed = ["Union africaine", "Union européenne",
              "Organisation pour la sécurité et la coopération en Europe",
              "Ligue des États arabes", "Association des nations de l’Asie du Sud-Est"]
    assert [t for t in terms if t in listed] == listed
    by_term = {e["term"]: e for e in data["entries"]}
    assert by_term["Conseil de sécurité"]["equivalent"] == "Security Council"
    assert by_term["Union africaine"]["equivalent"] == "African Union (AU)"
    assert by_term["Viet Nam"]["kind"] == "country"
    assert by_term["Conseil de sécurité"]["occurrences"] >= 5
    assert "Le Viet Nam, qui exercera la présidence du Conseil de sécurité" in \
        by_term["Conseil de sécurité"]["context"]
    unknown = {u["text"]: u for u in data["unknown"]}
    assert unknown["COVID-19"]["kind"] == "acronym" and "Dang Dinh Quy" in unknown
    assert not set(unknown) & set(terms)


def test_english_text_and_deprecated_forms(index):
    sentences = [
        "The Collective Security Treaty Organization (CSTO) met in Geneva.",
        "Ivory Coast and the CSTO signed with the Arab Maghreb Union and the WXYZ.",
    ]
    glossary = build_glossary(index, sentences, "en", "note.txt")
    entries = {e.term: e for e in glossary.entries}
    assert entries["Collective Security Treaty Organization"].occurrences == 3  # name + 2 CSTO
    assert entries["Collective Security Treaty Organization"].equivalent.startswith(
        "Organisation du Traité de sécurité collective")
    assert [u.text for u in glossary.unknown if u.kind == "acronym"] == ["WXYZ"]


def test_a_deprecated_form_keeps_its_status(tmp_path):
    concepts = [Concept("country", [Term("en", "Côte d'Ivoire", "shortForm"),
                                    Term("en", "Ivory Coast", "shortForm", "deprecated"),
                                    Term("fr", "Côte d'Ivoire", "shortForm")], id=4)]
    glossary = build_glossary(TermIndex(concepts), ["He visited Ivory Coast."], "en")
    entry = glossary.entries[0]
    assert (entry.term, entry.status, entry.equivalent) == ("Ivory Coast", "deprecated",
                                                            "Côte d'Ivoire")


def test_headings_in_capitals_give_no_unknown_names(index):
    glossary = build_glossary(index, ["ORIGINAL : ANGLAIS", "Distr. GÉNÉRALE"], "fr")
    assert glossary.unknown == []


@pytest.mark.parametrize("fmt", ["text", "csv", "tsv", "json", "tbx"])
def test_every_format(runner, tmp_path, fmt):
    db = build_termbase(tmp_path / "tb.sqlite3")
    doc = tmp_path / "lettre.fr.txt"
    doc.write_text(FR_DOC, encoding="utf-8")
    out = tmp_path / f"glossary.{fmt}"
    result = runner.invoke(cli, ["glossary", str(doc), "--source", "fr", "--format", fmt,
                                 "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert [e["equivalent"] for e in json.loads(text)["entries"]] == [
            "Security Council", "Collective Security Treaty Organization (CSTO)"]
    elif fmt in ("csv", "tsv"):
        rows = list(csv.DictReader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
        assert [r["term"] for r in rows if r["section"] == "entry"] == [
            "Conseil de sécurité", "Organisation du Traité de sécurité collective"]
    elif fmt == "tbx":  # round trip: the entries found, read back by the TBX reader
        from termbase.tbx.read import load

        names = sorted(t.text for c in load(out) for t in c.terms if t.lang == "en")
        assert names == ["CSTO", "Collective Security Treaty Organization", "Security Council"]
    else:
        assert text.startswith("lettre.fr.txt: 2 known terms")
        assert "Conseil de sécurité = Security Council" in text


def test_text_to_stdout_and_guessed_language(runner, tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    doc = tmp_path / "letter.txt"
    doc.write_text("The Security Council met and the CSTO was there for the meeting.",
                   encoding="utf-8")
    result = runner.invoke(cli, ["glossary", str(doc), "--db", str(db), "--format", "json"])
    data = json.loads(result.output)
    assert data["source"] == "en" and data["target"] == "fr"
    assert [e["equivalent"] for e in data["entries"]][0] == "Conseil de sécurité"


@pytest.mark.parametrize(("content", "args", "message"), [
    (b"S/2021/297", [], "cannot tell whether it is French or English"),
    (b"\xff\xfe\x00\x00garbage", ["--source", "fr"], ""),
])
def test_bad_input_is_one_line_and_exit_2(runner, tmp_path, content, args, message):
    db = build_termbase(tmp_path / "tb.sqlite3")
    doc = tmp_path / "doc.txt"
    doc.write_bytes(content)
    result = runner.invoke(cli, ["glossary", str(doc), "--db", str(db), *args])
    if result.exit_code == 0:  # decodable after all: then it must give an empty glossary
        assert "0 known terms" in result.output
        return
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert message in result.output


def test_missing_file_and_termbase_exit_2(runner, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("Le Conseil de sécurité s'est réuni.", encoding="utf-8")
    result = runner.invoke(cli, ["glossary", str(tmp_path / "none.txt")])
    assert result.exit_code == 2
    result = runner.invoke(cli, ["glossary", str(doc), "--db", str(tmp_path / "none.sqlite3")])
    assert result.exit_code == 2 and "no such termbase" in result.output


def test_render_rejects_an_unknown_format():
    from checks.glossary import Glossary

    with pytest.raises(ValueError):
        render(Glossary("d", "fr"), "xml")


# -- the web page --------------------------------------------------------------------------


@pytest.fixture()
def client(tmp_path):
    from web import create_app

    db = build_termbase(tmp_path / "tb.sqlite3")
    return create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                       "TESTING": True}).test_client()


def csrf(client) -> str:
    page = client.get("/glossary").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_web_glossary_of_a_pasted_text(client):
    response = client.post("/glossary", data={"csrf_token": csrf(client), "text": FR_DOC,
                                              "lang": "auto"})
    assert response.status_code == 302
    location = response.headers["Location"]
    page = client.get(location).get_data(as_text=True)
    assert "<mark>Conseil de sécurité</mark>" in page and 'href="/entries/2"' in page
    data = client.get(location + ".json").get_json()
    assert data["source"] == "fr" and len(data["entries"]) == 2
    rows = list(csv.reader(io.StringIO(client.get(location + ".csv").get_data(as_text=True))))
    assert rows[0][:2] == ["section", "term"] and len(rows) == 3
    assert client.get(location + ".xml").status_code == 404


def test_web_glossary_of_an_upload_in_french_interface(client):
    client.get("/?lang=fr")
    text = "The Security Council met. The Peacebuilding Commission and UNOWAS were there."
    response = client.post("/glossary", data={
        "csrf_token": csrf(client), "lang": "en",
        "document": (io.BytesIO(text.encode()), "note.en.txt")},
        content_type="multipart/form-data")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Glossaire du document" in page and "note.en.txt" in page
    assert "1 fiche de la base, 2 noms et termes inconnus de la base" in page
    assert "Peacebuilding Commission" in page and "UNOWAS" in page


def test_web_glossary_needs_a_document(client):
    response = client.post("/glossary", data={"csrf_token": csrf(client), "text": "  "})
    assert response.status_code == 400 and 'role="alert"' in response.get_data(as_text=True)


def test_accent_insensitive_matches_are_labelled(client):
    text = "Le Conseil de securite s'est reuni avec l'Organisation du traite de securite " \
           "collective."
    response = client.post("/glossary", data={"csrf_token": csrf(client), "text": text,
                                              "lang": "fr"})
    location = response.headers["Location"]
    entries = client.get(location + ".json").get_json()["entries"]
    assert [e["match"] for e in entries] == ["accent-insensitive", "accent-insensitive"]
    page = client.get(location).get_data(as_text=True)
    assert page.count("accent-insensitive match") == 2


def test_exact_matches_are_not_labelled(index):
    glossary = build_glossary(index, ["Le Conseil de sécurité s’est réuni."], "fr")
    assert [(e.term, e.match) for e in glossary.entries] == [("Conseil de sécurité", "exact")]


def test_an_unknown_acronym_comes_with_the_documents_definition(index):
    sentences = ["The Integrity Awareness Initiative (IAI) of UNOPS was launched.",
                 "The IAI trains staff.", "Ma Représentante spéciale est à Bamako."]
    glossary = build_glossary(index, sentences, "en")
    assert [(u.text, u.definition, u.occurrences) for u in glossary.unknown] == [
        ("IAI", "Integrity Awareness Initiative", 2)]  # the name is not listed twice
    assert "IAI = Integrity Awareness Initiative" in render(glossary)


def test_api_glossary_json_and_upload(client):
    data = client.post("/api/glossary", json={"text": FR_DOC, "document": "lettre.txt"}) \
        .get_json()
    assert data["document"] == "lettre.txt" and data["source"] == "fr"
    assert [e["term"] for e in data["entries"]] == [
        "Conseil de sécurité", "Organisation du Traité de sécurité collective"]
    upload = client.post("/api/glossary", data={
        "source": "en", "document": (io.BytesIO(b"The Security Council met."), "n.txt")},
        content_type="multipart/form-data").get_json()
    assert upload["document"] == "n.txt" and upload["entries"][0]["equivalent"] == \
        "Conseil de sécurité"


@pytest.mark.parametrize("body", [{}, {"text": 3}, {"text": " "}, {"text": "x", "source": "de"}])
def test_api_glossary_bad_bodies_are_json_400(client, body):
    response = client.post("/api/glossary", json=body)
    assert response.status_code == 400 and response.is_json


def test_web_glossary_unreadable_upload_is_400(client):
    response = client.post("/glossary", data={
        "csrf_token": csrf(client), "document": (io.BytesIO(b"%PDF-1.4 broken"), "x.pdf")},
        content_type="multipart/form-data")
    assert response.status_code == 400 and "x.pdf" in response.get_data(as_text=True)


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["text", "docx"])
def test_glossary_of_standard_input(runner, tmp_path, kind):
    db = build_termbase(tmp_path / "tb.sqlite3")
    paragraphs = [p for p in FR_DOC.split("\n") if p.strip()]
    data = _docx(paragraphs) if kind == "docx" else FR_DOC.encode("utf-8")
    result = runner.invoke(cli, ["glossary", "-", "--db", str(db), "--format", "json"],
                           input=data)
    assert result.exit_code == 0, result.output
    glossary = json.loads(result.output)
    assert glossary["document"] == "-" and glossary["source"] == "fr"  # not the temporary file
    assert [e["equivalent"] for e in glossary["entries"]] == [
        "Security Council", "Collective Security Treaty Organization (CSTO)"]
    text = runner.invoke(cli, ["glossary", "-", "--db", str(db)], input=data).output
    assert text.startswith("-: 2 known terms") and "stdin-" not in text


def test_glossary_of_standard_input_to_a_tbx_file(runner, tmp_path):
    from termbase.tbx.read import load

    db = build_termbase(tmp_path / "tb.sqlite3")
    out = tmp_path / "glossary.tbx"
    result = runner.invoke(cli, ["glossary", "-", "--db", str(db), "--format", "tbx", "-o",
                                 str(out)], input=FR_DOC)
    assert result.exit_code == 0, result.output
    assert sorted(t.text for c in load(out) for t in c.terms if t.lang == "en") == [
        "CSTO", "Collective Security Treaty Organization", "Security Council"]


@pytest.mark.parametrize(("data", "message"), [
    (b"", "-: empty document"),
    (b"S/2021/297", "-: cannot tell whether it is French or English"),
])
def test_bad_standard_input_is_one_line_and_exit_2(runner, tmp_path, data, message):
    db = build_termbase(tmp_path / "tb.sqlite3")
    result = runner.invoke(cli, ["glossary", "-", "--db", str(db)], input=data)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert message in result.output and "stdin-" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_standard_input_over_the_limit_is_refused(runner, tmp_path, monkeypatch):
    monkeypatch.setattr("aligner.readers.MAX_INPUT_BYTES", 100)  # the limit cli.paths reads
    db = build_termbase(tmp_path / "tb.sqlite3")
    result = runner.invoke(cli, ["glossary", "-", "--db", str(db)], input=FR_DOC * 10)
    assert result.exit_code == 2 and "over the limit of 100 bytes" in result.output


# -- the document's key terms the termbase does not know (checks/keyterms.py) ---------------
# The expected terms were read in the sentences, not taken from the tool's output.

CONFIDENCE_FR = [
    "Le Conseil de sécurité a examiné les mesures de confiance et le règlement des conflits.",
    "Les mesures de confiance favorisent le règlement des conflits dans la région.",
    "La Mission a salué les efforts de médiation.",
]
LAW_EN = [
    "The Council stressed the rule of law and human rights.",
    "Respect for human rights and the rule of law is essential.",
]
PEACEKEEPING_FR = [
    "Les opérations de maintien de la paix ont besoin de moyens.",
    "Le maintien de la paix exige des opérations de maintien de la paix efficaces.",
]


def unknown_terms_of(glossary) -> list[tuple[str, int, int]]:
    return [(u.text, u.occurrences, u.sentence) for u in glossary.unknown if u.kind == "term"]


@pytest.mark.parametrize(("sentences", "lang", "terms"), [
    (CONFIDENCE_FR, "fr", [("mesures de confiance", 2, 1), ("règlement des conflits", 2, 1)]),
    (LAW_EN, "en", [("rule of law", 2, 1), ("human rights", 2, 1)]),
    # the shorter phrase is kept when it occurs more often than the longer one
    (PEACEKEEPING_FR, "fr", [("opérations de maintien de la paix", 2, 1),
                             ("maintien de la paix", 3, 1)]),
])
def test_repeated_key_terms_are_listed_apart(sentences, lang, terms):
    glossary = build_glossary(TermIndex([]), sentences, lang)
    assert unknown_terms_of(glossary) == terms  # once only: "efforts de médiation"


def test_key_terms_the_termbase_knows_are_entries(index):
    confidence = Concept("term", [Term("fr", "mesures de confiance"),
                                  Term("en", "confidence-building measures")], id=9)
    glossary = build_glossary(TermIndex([confidence]), CONFIDENCE_FR, "fr")
    assert [(e.term, e.equivalent, e.occurrences) for e in glossary.entries] == [
        ("mesures de confiance", "confidence-building measures", 2)]
    assert unknown_terms_of(glossary) == [("règlement des conflits", 2, 1)]
    # the default termbase knows "Conseil de sécurité": no key term is taken inside it
    glossary = build_glossary(index, CONFIDENCE_FR * 2, "fr")
    assert "Conseil de sécurité" in [e.term for e in glossary.entries]
    assert all("sécurité" not in u.text for u in glossary.unknown)


def test_key_terms_in_the_json_text_and_web_page(client):
    data = json.loads(render(build_glossary(TermIndex([]), LAW_EN, "en", "law.txt"), "json"))
    assert [(u["text"], u["kind"]) for u in data["unknown"] if u["kind"] == "term"] == [
        ("rule of law", "term"), ("human rights", "term")]
    text = render(build_glossary(TermIndex([]), LAW_EN, "en", "law.txt"))
    assert "rule of law  [term; 2×; sentence 1]" in text
    response = client.post("/glossary", data={"csrf_token": csrf(client),
                                              "text": "\n\n".join(CONFIDENCE_FR), "lang": "fr"})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "règlement des conflits" in page and "key term (repeated)" in page
