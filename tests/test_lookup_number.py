"""Lookup in the other grammatical number: a singular query finds an entry the documents
wrote in the plural (and back), labelled ``number``, an answer of the lookup; CLI, JSON and
web say how it matched."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from termalign.cli import cli
from termbase.describe import MATCH_LABELS, brief
from termbase.lookup import is_answer
from termbase.model import Concept, Term
from termbase.store import Termbase
from web import create_app

ENTRIES = [
    ("déplacements forcés", "forced displacement"),
    ("bons offices", "good offices"),
    ("organisations régionales", "regional organizations"),
    ("petits États insulaires en développement", "small island developing States"),
    ("processus politique", "political process"),
    ("Bureau régional", "Regional Office"),
]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("number") / "tb.sqlite3"
    with Termbase.open(path) as tb, tb.transaction():
        for fr, en in ENTRIES:
            tb.add_concept(Concept(kind="term", confidence=0.6, terms=[Term("fr", fr),
                                                                        Term("en", en)]))
        # An entry in each number: the query's own number answers first.
        tb.add_concept(Concept(kind="term", confidence=0.6, terms=[
            Term("fr", "affaire"), Term("en", "case")]))
        tb.add_concept(Concept(kind="term", confidence=0.6, terms=[
            Term("fr", "affaires"), Term("en", "affairs")]))
    return path


@pytest.fixture()
def tb(db_path):
    with Termbase.open(db_path) as termbase:
        yield termbase


@pytest.mark.parametrize(("query", "fr"), [
    ("déplacement forcé", "déplacements forcés"),
    ("Deplacement force", "déplacements forcés"),
    ("bon office", "bons offices"),
    ("l'organisation régionale", "organisations régionales"),
    ("petit État insulaire en développement", "petits États insulaires en développement"),
    ("processus politiques", "processus politique"),
    ("bureaux régionaux", "Bureau régional"),
    ("forced displacements", "déplacements forcés"),
    ("regional organization", "organisations régionales"),
    ("Regional Offices", "Bureau régional"),
])
def test_other_number_answers(tb, query, fr):
    page = tb.search(query)
    first = page.results[0]
    assert (first.match, first.concept.terms_in("fr")[0].text) == ("number", fr)
    assert page.answered and is_answer("number")
    assert brief(first).endswith(f"[{MATCH_LABELS['number']}]")


@pytest.mark.parametrize(("query", "en"), [("affaire", "case"), ("affaires", "affairs")])
def test_own_number_first(tb, query, en):
    results = tb.lookup(query)
    assert results[0].match == "exact" and results[0].concept.terms_in("en")[0].text == en
    assert all(r.match != "number" for r in results)  # an answer was found: no other number


@pytest.mark.parametrize("query", ["déplacements", "forcé", "bureau", "office"])
def test_no_number_answer_for_a_part(tb, query):
    assert all(r.match != "number" for r in tb.lookup(query))


@pytest.mark.parametrize("mode", ["exact", "prefix", "contains", "fuzzy"])
def test_only_the_automatic_mode(tb, mode):
    assert all(r.match != "number" for r in tb.search("bon office", mode=mode).results)


def test_cli_and_api_say_number(db_path, tmp_path):
    result = CliRunner().invoke(cli, ["lookup", "bon office", "--db", str(db_path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["results"][0]["match"] == "number"
    text = CliRunner().invoke(cli, ["lookup", "bon office", "--db", str(db_path)])
    assert text.exit_code == 0 and "singular/plural of the query on 'bons offices'" in text.output
    app = create_app({"TERMALIGN_DB": str(db_path), "RESULTS_DIR": str(tmp_path)})
    client = app.test_client()
    api = client.get("/api/lookup", query_string={"q": "déplacement forcé"}).get_json()
    assert api["results"][0]["match"] == "number"
    page = client.get("/", query_string={"q": "déplacement forcé"})
    assert page.status_code == 200
    assert "singular/plural of your query" in page.get_data(as_text=True)
    page = client.get("/", query_string={"q": "déplacement forcé", "lang": "fr"})
    assert "singulier/pluriel de votre recherche" in page.get_data(as_text=True)
