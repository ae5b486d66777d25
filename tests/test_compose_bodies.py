"""Names of bodies composed from a regular head noun and an attested rest (issue 11): the
head forms learnt from the linked names, the composition, the shipped file and the build."""

from __future__ import annotations

from pathlib import Path

import pytest

import seeds
from termalign.building import COMPOSED_BODIES
from termbase.build import build
from termbase.extract.compose import Attestation, WordRenderings
from termbase.extract.compose_bodies import (
    CONFIDENCE,
    compose_body,
    head_forms,
    load_bodies,
)
from termbase.extract.compose_terms import ORIGIN, FrenchTerm, dump_composed, read_composed
from termbase.extract.evaluate import read_gold
from termbase.lookup import lookup
from termbase.model import Concept, Evidence, Term
from termbase.store import Termbase

DATA = Path(__file__).parent / "data"

#: English sentences of the shipped UN pairs (seeds/unpc), unchanged.
UN_ENGLISH = [
    "To consolidate the partnership with the African Union in the planning and management of "
    "peace operations and the development of institutional capacities.",
    "In 2014, the Office of Internal Oversight Services (OIOS) issued 191 reports related to "
    "peace operations.",
    "OAS increased its operational support for the work of the Committee in 2014.",
    "Information on the Peace Operations Department was given.",   # a name: not free
]
LEXICON = [("departement", "department"), ("bureau", "office"), ("operations", "operations"),
           ("paix", "peace"), ("appui", "support"), ("operationnel", "operational"),
           ("lutte", "fight"), ("terrorisme", "terrorism")]
#: Linked names of the shipped evidence (French, English), as the pairs give them.
LINKED = [("Département des affaires politiques", "Department of Political Affairs"),
          ("Département de la gestion", "Department of Management"),
          ("Département de l'information", "Department of Public Information"),
          ("Bureau des affaires juridiques", "Office of Legal Affairs"),
          ("Bureau de l'évaluation", "Evaluation Office"),
          ("Bureau des affaires de désarmement", "Office for Disarmament Affairs")]


@pytest.fixture(scope="module")
def words():
    text = Attestation(UN_ENGLISH)
    return WordRenderings(LEXICON, text.vocabulary()), text


def test_regular_heads_only(words):
    render, _ = words
    forms = head_forms(LINKED * 4, render)
    assert forms == {"departement": ("of", 12, 12)}   # Bureau goes three ways
    assert head_forms(LINKED[:3] * 3, render) == {}   # 9 names: too few to tell


@pytest.mark.parametrize("fr, en", [
    ("Département des opérations de paix", "Department of Peace Operations"),
    ("Département de l’appui opérationnel", None),      # operational support: once only
    ("Bureau de lutte contre le terrorisme", None),     # Bureau is no regular head
    ("Département", None),
])
def test_body_names(words, fr, en):
    render, text = words
    found = compose_body(fr, {"departement": ("of", 13, 17)}, render, text)
    assert (found.en if found else None) == en
    if found:
        assert found.count == 2 and found.parts[0][0] == "departement"
        start, end = found.span
        assert text.sentences[found.sentence][start:end] == "peace operations"


def _file(words, tmp_path):
    render, text = words
    term = FrenchTerm("Département des opérations de paix",
                      "Le Département des opérations de paix a travaillé avec la CEEAC.",
                      "A-75-345-S-2020-898.fr.txt", "A/75/345-S/2020/898")
    found = compose_body(term.text, {"departement": ("of", 13, 17)}, render, text)
    path = tmp_path / "bodies.tsv"
    dump_composed([(term, found)], text, lambda i: f"UN pair {i}", path, "test",
                  confidence=CONFIDENCE)
    return path


def test_concept_says_how_it_was_made(words, tmp_path):
    [concept] = load_bodies(_file(words, tmp_path))
    assert concept.origin == ORIGIN and not concept.curated and concept.kind == "title"
    assert concept.confidence == CONFIDENCE < 0.25
    assert concept.note.startswith("composed from a head noun and an attested rest")
    assert "not the whole name" in concept.note
    assert [t.text for t in concept.terms_in("en")] == ["Department of Peace Operations"]
    ev = concept.evidence[1]
    assert ev.context_en[ev.span_en[0]:ev.span_en[1]] == "peace operations"


def test_build_answers_it_and_never_over_curated_data(words, tmp_path):
    path = _file(words, tmp_path)
    db = tmp_path / "tb.sqlite3"
    build(db, rebuild=True, extracted=load_bodies(path))
    with Termbase.open(db) as tb:
        first = lookup(tb, "Département des opérations de paix")[0]
        assert first.match == "exact" and first.concept.origin == ORIGIN
        assert [t.text for t in first.concept.terms_in("en")] == [
            "Department of Peace Operations"]
    curated = Concept(kind="title", curated=True, origin="curated", note="curated", terms=[
        Term("fr", "Département des opérations de paix"), Term("fr", "DOP", "acronym"),
        Term("en", "Department of Peace Operations"), Term("en", "DPO", "acronym")],
        evidence=[Evidence("un_bodies.tsv")])
    build(db, curated=[curated], rebuild=True, extracted=load_bodies(path))
    with Termbase.open(db) as tb:
        assert [c.origin for c in tb.iter_concepts()] == ["curated"]
        assert lookup(tb, "Département des opérations de paix")[0].concept.note == "curated"


def test_shipped_file_is_attested_and_judged():
    """Every shipped name of a body writes its attested rest in its English sentence, and
    the census of them was judged by reading (BENCHMARKS.md)."""
    rows = read_composed(seeds.path(*COMPOSED_BODIES))
    assert rows
    for row in rows:
        start, end = (int(x) for x in row["span_en"].split("-"))
        rest = row["context_en"][start:end]
        assert rest.lower() in row["en"].lower() and rest != row["en"]
        assert int(row["count"]) >= 2 and float(row["confidence"]) == CONFIDENCE
    judged = read_gold(DATA / "terms_precision_bodies.tsv",
                       ("right", "fr", "en", "parts", "context_fr", "context_en"))
    assert {r[0] for r in judged} <= {"yes", "no"}
    assert {(r[1], r[2]) for r in judged} == {(r["fr"], r["en"]) for r in rows}
