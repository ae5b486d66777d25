"""Names composed from their words and spelt by their English acronym (issue 11): the
acronym letters, the name rules, where the English acronym is read, the shipped file, the
build's wiring (never over curated data nor over an English full form with evidence)."""

from __future__ import annotations

from pathlib import Path

import pytest

import seeds
from termalign.building import COMPOSED_NAMES
from termbase.build import SourceDocument, _uncontested, build
from termbase.errors import FormatError
from termbase.extract.compose import Attestation, WordRenderings
from termbase.extract.compose_names import (
    AcronymSources,
    FrenchName,
    compose_name,
    compose_names,
    initials,
    spells,
    surface,
)
from termbase.extract.compose_names_io import ORIGIN, dump_names, load_names, read_names
from termbase.extract.cooccur import AlignedPair
from termbase.extract.evaluate import read_gold
from termbase.lookup import lookup
from termbase.model import Concept, Evidence, Term
from termbase.store import Termbase

DATA = Path(__file__).parent / "data"

#: English sentences of the shipped UN pairs (seeds/unpc), unchanged.
UN_ENGLISH = [
    "The subsequent assessment missions led by my Assistant Secretary-General for Peacekeeping "
    "Operations in November 2013 and February 2014, with the participation of African Union "
    "and ECCAS representatives, contributed to the provision of harmonized recommendations.",
    "The situation in Central Africa and the activities of the United Nations Regional Office "
    "for Central Africa (UNOCA) were discussed with the African States of the region.",
    "Ministers of the Economic Community of West African States met in Abuja.",
    "The North Atlantic Treaty Organization and the Organization for Security and "
    "Co-operation in Europe; collective security in the region.",
    "The United Nations Environment Programme and the International Fund for Agricultural "
    "Development reported on agricultural development.",
    "the Croix-des-Bouquets commune and the International Committee of the Red Cross",
]
#: The UN pair whose French holds the OTSC's name and whose English writes CSTO.
CSTO_PAIR = AlignedPair(
    "se félicite que les organismes compétents des Nations Unies aient intensifié leur "
    "collaboration avec l'Organisation pour la sécurité et la coopération en Europe et "
    "l'Organisation du Traité de sécurité collective à cet égard;",
    "welcomes the intensified cooperation of the relevant United Nations institutions with the "
    "OSCE and the CSTO in this regard;", "UNv1.0.testset.fr:3046", "S/RES/2210 (2015)")
ECCAS_PAIR = AlignedPair(
    "Il a précisé que plusieurs autres séminaires seraient organisés avec la CEEAC et les États "
    "membres pour garantir la protection des droits de l'homme dans les processus électoraux.",
    "Several other seminars would be organized with ECCAS and member States to promote the "
    "protection of human rights in the electoral process.", "UNv1.0.devset.fr:2327")
LEXICON = [("organisation", "organization"), ("traite", "treaty"), ("securite", "security"),
           ("collective", "collective"), ("communaute", "community"),
           ("economique", "economic"), ("etats", "states"), ("afrique", "africa"),
           ("centrale", "central"), ("ouest", "west"), ("programme", "programme"),
           ("environnement", "environment"), ("unies", "united"), ("nations", "nations"),
           ("fonds", "fund"), ("fonds", "funds"), ("international", "international"),
           ("developpement", "development"), ("agricole", "agricultural"),
           ("comite", "committee"), ("rouge", "red")]


@pytest.fixture(scope="module")
def words():
    text = Attestation(UN_ENGLISH)
    return WordRenderings(LEXICON, text.vocabulary()), text


@pytest.mark.parametrize("words, acronym, spelt", [
    (["collective", "security", "treaty", "organization"], "CSTO", True),
    (["economic", "community", "of", "central", "african", "states"], "ECCAS", True),
    (["economic", "community", "of", "west", "african", "states"], "ECOWAS", True),  # of: O
    (["office", "of", "counter", "terrorism"], "OCT", True),        # each hyphen part a letter
    (["collective", "security", "treaty", "organization"], "OSCE", False),
    (["economic", "community", "of", "central", "africa"], "ECCAS", False),
])
def test_acronym_letters(words, acronym, spelt):
    assert spells(words, acronym) is spelt


def test_initials_skip_function_words_the_un_way():
    assert initials(["united", "nations", "development", "programme"]) == "undp"
    assert initials(["organization", "for", "the", "prohibition"]) == "op"


@pytest.mark.parametrize("fr, acronym, en", [
    ("Organisation du Traité de sécurité collective", "CSTO",
     "Collective Security Treaty Organization"),
    # a place before its head takes its adjective
    ("Communauté économique des États de l’Afrique centrale", "ECCAS",
     "Economic Community of Central African States"),
    ("Communauté économique des États d'Afrique de l'Ouest", "ECOWAS",
     "Economic Community of West African States"),
    # des Nations Unies: United Nations first
    ("Programme des Nations Unies pour l’environnement", "UNEP",
     "United Nations Environment Programme"),
    # Fonds keeps the number of its likeliest rendering (fund), not its final s
    ("Fonds international de développement agricole", "IFAD",
     "International Fund for Agricultural Development"),
])
def test_names_spelt_by_their_acronym(words, fr, acronym, en):
    render, text = words
    found = compose_name(fr, acronym, render, text)
    assert found is not None and found.en == en and found.acronym == acronym
    assert found.fr == fr


@pytest.mark.parametrize("fr, acronym", [
    ("Organisation du Traité de sécurité collective", "OSCE"),   # letters that do not agree
    ("Organisation du Traité de sécurité collective", "OT"),     # too short to be a check
    ("Comité international de la Croix-Rouge", "ICRC"),          # Croix: no English word
    ("Communauté économique des États de l’Afrique centrale", "ECCA"),  # never *of Central
])
def test_no_name_without_a_spelling(words, fr, acronym):
    render, text = words
    assert compose_name(fr, acronym, render, text) is None


@pytest.mark.parametrize("words, text, out", [
    (["organization", "for", "prohibition", "of", "chemical", "weapons"],
     ["States parties and the Organisation for the Prohibition of Chemical Weapons"],
     "Organization for the Prohibition of Chemical Weapons"),
    # the text writes it both ways: no article added
    (["conference", "on", "great", "lakes", "region"],
     ["the International Conference on the Great Lakes Region",
      "a special conference on Great Lakes region security"],
     "Conference on Great Lakes Region"),
    # *of the Central African Republic* is another name: the rest is never written with it
    (["economic", "community", "of", "central", "african", "states"],
     ["the situation in the Central African Republic"],
     "Economic Community of Central African States"),
])
def test_articles_where_the_text_writes_them(words, text, out):
    from termbase.extract.compose_names import articles

    assert surface(articles(words, Attestation(text))) == out


def test_surface_of_a_name():
    assert surface(["office", "of", "counter", "terrorism"]) == "Office of Counter-Terrorism"
    assert surface(["organization", "of", "american", "states"]) == \
        "Organization of American States"


def test_english_acronym_sources():
    other = AlignedPair("La CEEAC et l'OTSC.", "ECCAS and CSTO.", "x.fr:1")
    sources = AcronymSources([CSTO_PAIR, ECCAS_PAIR], {"CEEAC": [("ECCAS", other)]})
    found = sources("Organisation du Traité de sécurité collective", "OTSC")
    assert [en for en, _ in found] == ["CSTO", "OSCE"] and found[0][1] is CSTO_PAIR
    # the linked acronym first, with its own pair; the pairs that write the French acronym
    assert sources("Communauté économique des États de l’Afrique centrale", "CEEAC") == [
        ("ECCAS", other)]


def _names(words, tmp_path):
    render, text = words
    names = [FrenchName("Organisation du Traité de sécurité collective", "OTSC",
                        "l’Organisation du Traité de sécurité collective (OTSC),",
                        "2016-10-14-Federation-de-Russie-lettre.fr.txt", "S/2016/867"),
             FrenchName("Organisation du traité de sécurité collective", "OTSC", "", ""),
             FrenchName("Communauté économique des États de l’Afrique centrale", "CEEAC",
                        "la Communauté économique des États de l’Afrique centrale (CEEAC)",
                        "A-75-345-S-2020-898.fr.txt", "A/75/345-S/2020/898")]
    found = compose_names(names, AcronymSources([CSTO_PAIR, ECCAS_PAIR], {}), render, text)
    path = tmp_path / "names.tsv"
    dump_names(found, path, "test")
    return found, path


def test_file_round_trip_and_concept(words, tmp_path):
    found, path = _names(words, tmp_path)
    assert len(found) == 2  # one per name, whatever its capitals
    otsc, ceeac = load_names(path)
    assert otsc.origin == ORIGIN and not otsc.curated and otsc.confidence < 0.5
    assert [(t.type, t.text) for t in otsc.terms_in("en")] == [
        ("fullForm", "Collective Security Treaty Organization"), ("acronym", "CSTO")]
    assert "spell the English acronym CSTO" in otsc.note and "composed" in otsc.note
    ev = otsc.evidence[1]  # the English acronym highlighted in its sentence
    assert ev.context_en[ev.span_en[0]:ev.span_en[1]] == "CSTO"
    assert otsc.evidence[0].context_fr.startswith("l’Organisation du Traité")
    assert [t.text for t in ceeac.terms_in("fr")] == [
        "Communauté économique des États de l’Afrique centrale", "CEEAC"]


def test_bad_file_is_one_error(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text("# x\nfr\ten\nOTSC\tCSTO\n", encoding="utf-8")
    with pytest.raises(FormatError):
        read_names(path)


def _concept(terms, origin, curated=False):
    return Concept(kind="title", terms=[Term(*t) for t in terms], curated=curated,
                   origin=origin)


def test_a_composed_name_never_overrides_an_english_full_form():
    name = ("fr", "Organisation du Traité de sécurité collective", "fullForm")
    composed = _concept([name, ("fr", "OTSC", "acronym"),
                         ("en", "Collective Security Treaty Organization", "fullForm"),
                         ("en", "CSTO", "acronym")], ORIGIN)
    acronym_only = _concept([("fr", "OTSC", "acronym"), ("en", "CSTO", "acronym")], "aligned")
    # an English acronym alone leaves room for the composed English name
    assert _uncontested([composed], [(acronym_only, "aligned")]) == [composed]
    linked = _concept([name, ("en", "Collective Security Treaty Org", "fullForm")], "aligned")
    assert _uncontested([composed], [(linked, "aligned")]) == []
    curated = _concept([("fr", "OTSC", "acronym"),
                        ("en", "Collective Security Treaty Organization", "fullForm")],
                       "curated", curated=True)
    assert _uncontested([composed], [(curated, "curated")]) == []


def test_build_gives_the_acronym_link_its_english_name(words, tmp_path):
    """CEEAC / ECCAS linked by the pairs, the name defined in a seed document, the English
    name composed: one entry, and the French name answers with the English name."""
    _, path = _names(words, tmp_path)
    doc = SourceDocument("A-75-345-S-2020-898.fr.txt", [
        "L’ONU a entretenu des contacts avec la Communauté économique des États de l’Afrique "
        "centrale (CEEAC) et ses États membres.", "La CEEAC a été dotée d’un mandat."],
        "fr", "A/75/345-S/2020/898")
    pairs = [ECCAS_PAIR, AlignedPair("La CEEAC agit.", "ECCAS acts.", "UNv1.0.devset.fr:1")]
    db = tmp_path / "tb.sqlite3"
    build(db, documents=[doc], aligned=pairs, rebuild=True, extracted=load_names(path))
    with Termbase.open(db) as tb:
        for query in ("Communauté économique des États de l’Afrique centrale", "CEEAC"):
            first = lookup(tb, query)[0]
            assert first.match in ("exact", "acronym")
            en = [(t.type, t.text) for t in first.concept.terms_in("en")]
            assert ("fullForm", "Economic Community of Central African States") in en
            assert ("acronym", "ECCAS") in en


def test_build_never_touches_curated_data(words, tmp_path):
    _, path = _names(words, tmp_path)
    curated = Concept(kind="title", curated=True, origin="curated", terms=[
        Term("fr", "Organisation du Traité de sécurité collective"), Term("fr", "OTSC", "acronym"),
        Term("en", "Collective Security Treaty Organization"), Term("en", "CSTO", "acronym")],
        evidence=[Evidence("un_bodies.tsv")], note="curated note")
    db = tmp_path / "tb.sqlite3"
    build(db, curated=[curated], rebuild=True, extracted=load_names(path))
    with Termbase.open(db) as tb:
        first = lookup(tb, "Organisation du Traité de sécurité collective")[0]
        assert first.concept.curated and first.concept.note == "curated note"
        composed = [c for c in tb.iter_concepts() if c.origin == ORIGIN]
        assert [c.terms_in("fr")[1].text for c in composed] == ["CEEAC"]  # OTSC: curated


def test_shipped_file_spells_its_acronyms_and_is_judged():
    """Every shipped composed name spells its English acronym, which its English sentence
    writes; the census of them was judged by reading (BENCHMARKS.md)."""
    rows = read_names(seeds.path(*COMPOSED_NAMES))
    assert rows
    for row in rows:
        start, end = (int(x) for x in row["span_en"].split("-"))
        assert row["context_en"][start:end] == row["en_acronym"]
        assert spells(row["en"].lower().replace("-", " ").split(), row["en_acronym"])
    judged = read_gold(DATA / "terms_precision_names.tsv",
                       ("right", "fr", "en", "en_acronym", "parts", "context_fr"))
    assert {r[0] for r in judged} <= {"yes", "no"}
    assert {(r[1], r[2]) for r in judged} == {(r["fr"], r["en"]) for r in rows}
