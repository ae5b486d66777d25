"""What ``lookup`` carries beyond the terms: the English span of extracted-term evidence
(text output, ``--json`` = ``/api/lookup``, the entry page) and the TBX fields of an imported
concept (definitions, part of speech) through the one-statement concept read."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from termalign.cli import cli
from termbase.model import Concept, Evidence, Term
from termbase.store import Termbase
from web import create_app

FR = "Les opérations de maintien de la paix doivent disposer de mandats clairs."
EN = "Peacekeeping operations must have clear mandates."
#: The builder linked "Peacekeeping operations": text matching of the stored English term
#: ("peacekeeping operation", singular) would mark nothing in this sentence.
SPAN = (0, len("Peacekeeping operations"))

TBX = """<?xml version="1.0" encoding="utf-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
 <text><body>
  <conceptEntry id="c1">
   <langSec xml:lang="en">
    <descripGrp>
     <descrip type="definition">Operations deployed to help countries navigate the path
      from conflict to peace.</descrip>
     <admin type="source">UNTERM</admin>
    </descripGrp>
    <termSec><term>peace operation</term>
     <termNote type="partOfSpeech">noun</termNote></termSec>
   </langSec>
   <langSec xml:lang="fr">
    <descrip type="definition">Opération déployée pour aider un pays à passer du conflit
     à la paix.</descrip>
    <termSec><term>opération de paix</term>
     <termNote type="partOfSpeech">noun</termNote>
     <termNote type="grammaticalGender">feminine</termNote>
     <note>Toujours au pluriel dans les intitulés.</note></termSec>
   </langSec>
  </conceptEntry>
 </body></text>
</tbx>
"""


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "tb.sqlite3"
    with Termbase.open(path) as tb, tb.transaction():
        tb.add_concept(Concept(kind="term", confidence=0.8, origin="term", terms=[
            Term("fr", "opération de maintien de la paix"),
            Term("en", "peacekeeping operation")],
            evidence=[Evidence("UNv1.0.devset.fr:17", FR, EN, method="term", span_en=SPAN),
                      Evidence("UNv1.0.devset.fr:18", FR + " Bis", EN + " Bis", method="term",
                               span_en=(3, 400))]))  # a span past the sentence: ignored
    return path


@pytest.fixture()
def imported(tmp_path):
    tbx = tmp_path / "defs.tbx"
    tbx.write_text(TBX, encoding="utf-8")
    path = tmp_path / "imported.sqlite3"
    result = CliRunner().invoke(cli, ["import", str(tbx), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def client_of(path, tmp_path):
    app = create_app({"TERMALIGN_DB": str(path), "RESULTS_DIR": str(tmp_path / "results"),
                      "EDIT_TOKEN": None, "TESTING": True})
    return app.test_client()


def test_json_and_api_carry_the_english_span(db, tmp_path):
    out = CliRunner().invoke(cli, ["lookup", "--json", "maintien de la paix", "--db", str(db)])
    assert out.exit_code == 0, out.output
    evidence = json.loads(out.stdout)["results"][0]["evidence"]
    assert [e["span_en"] for e in evidence] == [list(SPAN), None]
    client = client_of(db, tmp_path)
    api = client.get("/api/lookup", query_string={"q": "maintien de la paix"})
    assert api.data == out.stdout_bytes  # byte for byte, spans included
    doc = client.get("/api/openapi.json").get_json()
    schema = doc["paths"]["/api/lookup"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]
    jsonschema.validate(api.get_json(), {**schema, "components": doc["components"]})


def test_text_output_names_the_english_term_of_the_span(db):
    out = CliRunner().invoke(cli, ["lookup", "maintien de la paix", "--db", str(db)])
    assert out.exit_code == 0, out.output
    lines = [line for line in out.output.splitlines() if line.startswith("  evidence:")]
    assert lines[0].startswith("  evidence: UNv1.0.devset.fr:17 [term; en: 'Peacekeeping "
                               "operations']: Les opérations")
    assert lines[1].startswith("  evidence: UNv1.0.devset.fr:18 [term]: ")


def test_entry_page_marks_the_stored_span_then_falls_back_to_the_terms(db, tmp_path):
    html = client_of(db, tmp_path).get("/entries/1").get_data(as_text=True)
    assert '<td lang="en"><mark>Peacekeeping operations</mark> must have' in html
    # No usable span: the English term is looked for in the sentence (here: not found).
    assert f'<td lang="en">{EN} Bis</td>' in html
    assert "<mark>opérations de maintien de la paix</mark>" not in html  # fr: text matching
    assert "Les opérations de maintien de la paix" in html


def test_imported_definitions_and_parts_of_speech_survive_lookup(imported):
    with Termbase.open(imported) as tb:
        result = tb.lookup("opération de paix")[0]
        by_id = tb.get_concept(result.concept.id)
    concept = result.concept
    assert result.match == "exact"
    definitions = {f.lang: f for f in concept.fields if f.name == "definition"}
    assert definitions["en"].value.startswith("Operations deployed to help countries")
    assert definitions["en"].source == "UNTERM"
    assert definitions["fr"].value.startswith("Opération déployée")
    fr_term = concept.terms_in("fr")[0]
    assert [(f.name, f.value) for f in fr_term.fields] == [
        ("partOfSpeech", "noun"), ("grammaticalGender", "feminine"),
        ("note", "Toujours au pluriel dans les intitulés.")]
    assert [(f.name, f.value) for f in concept.terms_in("en")[0].fields] == [
        ("partOfSpeech", "noun")]
    # The search's one-statement read gives what the full concept read gives.
    assert concept.fields == by_id.fields
    assert [t.fields for t in concept.terms] == [t.fields for t in by_id.terms]


@pytest.mark.parametrize(("lang", "heading", "first", "source", "note_term"), [
    ("en", "<h2>Definitions</h2>", "Operations deployed", "(source: UNTERM)", "opération de paix"),
    ("fr", "<h2>Définitions</h2>", "Opération déployée", "(source\u00a0: UNTERM)", "opération de paix"),
])
def test_entry_page_shows_definitions_and_term_notes(imported, tmp_path, lang, heading, first,
                                                      source, note_term):
    html = client_of(imported, tmp_path).get(f"/entries/1?lang={lang}").get_data(as_text=True)
    assert heading in html
    section = html[html.index('<section class="definitions">'):]
    section = section[:section.index("</section>")]
    items = section.split('<li class="definition"')[1:]
    assert len(items) == 2 and first in items[0]
    assert source in section
    assert f'<strong class="note-term">{note_term}</strong> — Toujours au pluriel' in html
