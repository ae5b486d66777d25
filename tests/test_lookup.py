"""Lookup: match kinds, ranking, FTS-syntax safety, and the ``lookup``/``export``/``import`` CLI."""

from __future__ import annotations

import csv
import json
import re

import pytest
from click.testing import CliRunner

from termalign.cli import cli
from termbase.lookup import lookup
from termbase.model import Concept, Evidence, Term
from termbase.store import Termbase

TITLES = [
    ("Organisation du Traité de sécurité collective", "OTSC",
     "Collective Security Treaty Organization", "CSTO"),
    ("Communauté économique des États de l’Afrique centrale", "CEEAC",
     "Economic Community of Central African States", "ECCAS"),
    ("Organisation de Shanghai pour la coopération", "OCS",
     "Shanghai Cooperation Organization", "SCO"),
    ("Communauté d’États indépendants", "CEI", "Commonwealth of Independent States", "CIS"),
    ("Cour pénale internationale", "CPI", "International Criminal Court", "ICC"),
]


def _countries(seeds_root) -> list[Concept]:
    """The UNTERM country names shipped in seeds/, as country concepts."""
    concepts = []
    path = seeds_root / "unterm" / "unterm_countries_en_fr.tsv"
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            fr_short = re.sub(r"\s*\([^)]*\)$", "", row["French short"])
            concepts.append(Concept(kind="country", curated=True, origin="UNTERM", terms=[
                Term("fr", fr_short, "shortForm"), Term("fr", row["French formal"]),
                Term("en", row["English short"], "shortForm"), Term("en", row["English formal"]),
            ]))
    return concepts


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, seeds_root):
    path = tmp_path_factory.mktemp("lookup") / "tb.sqlite3"
    with Termbase.open(path) as tb, tb.transaction():
        for fr, fr_acr, en, en_acr in TITLES:
            tb.add_concept(Concept(kind="title", curated=True, origin="UNTERM", terms=[
                Term("fr", fr), Term("fr", fr_acr, "acronym"),
                Term("en", en), Term("en", en_acr, "acronym")],
                evidence=[Evidence("S/2021/297", context_fr=f"la coopération avec l'{fr_acr}",
                                   context_en=f"cooperation with the {en_acr}")]))
        for country in _countries(seeds_root):
            tb.add_concept(country)
        # A candidate and an admitted variant, to check the ranking.
        tb.add_concept(Concept(kind="term", confidence=0.5, terms=[
            Term("fr", "sécurité collective", status="admitted"),
            Term("en", "collective security", status="admitted")]))
        tb.add_concept(Concept(kind="title", curated=False, confidence=0.4, terms=[
            Term("fr", "Organisation du Traité de sécurité", "variant", "admitted")]))
    return path


@pytest.fixture()
def tb(db_path):
    with Termbase.open(db_path) as store:
        yield store


@pytest.mark.parametrize(
    ("query", "match", "first_fr"),
    [
        ("CSTO", "acronym", "Organisation du Traité de sécurité collective"),
        ("otsc", "acronym", "Organisation du Traité de sécurité collective"),
        ("Communaute economique des Etats de l'Afrique centrale", "accent-insensitive",
         "Communauté économique des États de l’Afrique centrale"),
        ("COMMUNAUTÉ ÉCONOMIQUE DES ÉTATS DE L’AFRIQUE CENTRALE", "exact",
         "Communauté économique des États de l’Afrique centrale"),
        ("Shanghai Cooperation Organization", "exact", "Organisation de Shanghai pour la coopération"),
        ("the Socialist Republic of Viet Nam", "exact", "Viet Nam"),
        ("Cour penale", "prefix", "Cour pénale internationale"),
        ("Etats independants", "words", "Communauté d’États indépendants"),
        ("nale intern", "infix", "Cour pénale internationale"),
        ("Organisaton du Traite de securite collectve", "fuzzy",
         "Organisation du Traité de sécurité collective"),
        ("Shangai Coperation Organisation", "fuzzy", "Organisation de Shanghai pour la coopération"),
    ],
)
def test_match_kinds(tb, query, match, first_fr):
    results = tb.lookup(query)
    assert results, query
    assert results[0].match == match
    assert results[0].concept.terms_in("fr")[0].text == first_fr


def test_acronym_gives_both_languages(tb):
    data = tb.lookup("ECCAS")[0].to_json()
    assert data["kind"] == "title" and data["curated"] is True
    assert [t["term"] for t in data["fr"]] == [
        "Communauté économique des États de l’Afrique centrale", "CEEAC"]
    assert {"term": "ECCAS", "type": "acronym", "status": "preferred", "no_check": False} in data["en"]
    assert data["evidence"][0]["context_en"] == "cooperation with the ECCAS"


def test_ranking(tb):
    results = tb.lookup("Organisation du Traité de sécurité")
    # Exact match on the (candidate) variant first, then the curated title by prefix.
    assert [r.match for r in results[:2]] == ["exact", "prefix"]
    assert tb.lookup("Organisation du Traite de securite")[0].match == "accent-insensitive"
    results = tb.lookup("securite collective")
    assert results[0].match == "accent-insensitive" and results[0].concept.kind == "term"


@pytest.mark.parametrize("query", ["securite", "republique", "organisation", "etats", "c"])
def test_ranking_order(tb, query):
    """Match stage first, then titles < countries < terms, preferred first, curated first."""
    kind = {"title": 0, "country": 1, "term": 2}
    status = {"preferred": 0, "admitted": 1, "deprecated": 2, "superseded": 3}
    stage = {"exact": 0, "acronym": 0, "accent-insensitive": 1, "number": 2, "prefix": 3,
             "words": 4, "infix": 5, "fuzzy": 6}
    keys = [(stage[r.match], kind[r.concept.kind], status[r.term.status], not r.concept.curated)
            for r in tb.lookup(query, limit=100)]
    assert len(keys) > 1
    assert keys == sorted(keys)


def test_lang_restricts_the_matched_term(tb):
    assert tb.lookup("Viet Nam", lang="en")[0].term.lang == "en"
    assert tb.lookup("CSTO", lang="fr") == [] or tb.lookup("CSTO", lang="fr")[0].match == "fuzzy"
    assert tb.lookup("OTSC", lang="fr")[0].match == "acronym"


@pytest.mark.parametrize("mode", ["auto", "exact", "prefix", "contains", "fuzzy"])
@pytest.mark.parametrize(
    "query",
    ['"AND (', "NEAR(", "*", "-", '"', "'", "a OR b", "NOT", "^x", "col:val", "(", "", "   ",
     "Organisation AND", "x" * 200, "\x00", "l'", "CSTO*", '"CSTO"'],
)
def test_fts_syntax_never_raises(tb, query, mode):
    page = tb.search(query, mode=mode, limit=5)
    assert isinstance(page.results, list) and len(page.results) <= 5


def test_long_queries_are_refused_the_same_way(tb):
    from termbase.lookup import QueryError

    assert lookup(tb, " " * 300 + "OTSC" + " " * 300)[0].match == "acronym"  # spaces trimmed
    with pytest.raises(QueryError, match="query too long .201 characters; at most 200"):
        lookup(tb, "x" * 201)


def test_limit(tb):
    assert len(tb.lookup("republique", limit=3)) == 3
    assert len(tb.lookup("republique", limit=50)) > 3


def test_cli_lookup_text_and_json(db_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["lookup", "CSTO", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first == ("Collective Security Treaty Organization (CSTO) / "
                     "Organisation du Traité de sécurité collective (OTSC)")
    assert "preferred" in result.output and "evidence: S/2021/297" in result.output
    result = runner.invoke(cli, ["lookup", "Viet", "Nam", "--json", "--db", str(db_path),
                                 "--lang", "fr", "--limit", "2"])
    data = json.loads(result.output)
    assert data["query"] == "Viet Nam" and len(data["results"]) <= 2
    assert data["results"][0]["kind"] == "country"
    assert {"id", "kind", "fr", "en", "evidence", "match", "score"} <= set(data["results"][0])


def test_cli_errors_are_one_line(tmp_path, db_path):
    runner = CliRunner()
    missing = runner.invoke(cli, ["lookup", "x", "--db", str(tmp_path / "none.sqlite3")])
    assert missing.exit_code == 2 and missing.output.count("\n") == 1
    assert "no termbase" in missing.output
    junk = tmp_path / "junk.tbx"
    junk.write_bytes(b"\x00\x01 binary")
    bad = runner.invoke(cli, ["import", str(junk), "--db", str(tmp_path / "new.sqlite3")])
    assert bad.exit_code == 2 and bad.output.startswith("termalign: error:")
    no_target = runner.invoke(cli, ["export", "--db", str(db_path)])
    assert no_target.exit_code == 2


def test_cli_export_import(tmp_path, db_path):
    runner = CliRunner()
    out, tsv = tmp_path / "all.tbx", tmp_path / "all.tsv"
    result = runner.invoke(cli, ["export", "--tbx", str(out), "--tsv", str(tsv),
                                 "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "\t" in tsv.read_text(encoding="utf-8").splitlines()[0]
    target = tmp_path / "copy.sqlite3"
    result = runner.invoke(cli, ["import", str(out), "--db", str(target), "--json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.output)
    with Termbase.open(db_path) as tb:
        total = tb.stats()["concepts"]
    assert counts["added"] + counts["merged"] == total
    again = runner.invoke(cli, ["import", str(out), "--db", str(target)])
    assert f"0 added, 0 merged, {total} skipped" in again.output


def test_evidence_is_ordered_and_deduplicated():
    from termbase.describe import describe
    from termbase.lookup import LookupResult

    bare = Evidence("UNTERM")
    fr_only = Evidence("doc.fr.txt", "Le Conseil de sécurité de l'OTSC.", symbol="S/2016/867",
                       method="acronym-definition")
    pair = Evidence("UNv1.0.testset.fr:3046", "avec l'OTSC", "with the CSTO", method="aligned")
    concept = Concept(id=1, terms=[Term("fr", "OTSC", "acronym"), Term("en", "CSTO", "acronym")],
                      evidence=[bare, fr_only, Evidence("UNTERM"), pair, fr_only,
                                Evidence(pair.source, pair.context_fr, pair.context_en)])
    result = LookupResult(concept, "acronym", 1.0, concept.terms[0])
    rows = result.to_json()["evidence"]
    assert [r["source"] for r in rows] == ["UNv1.0.testset.fr:3046", "doc.fr.txt", "UNTERM"]
    assert set(rows[0]) == {"source", "symbol", "url", "context_fr", "context_en", "method",
                           "span_en"}
    lines = [line for line in describe(result, evidence=2) if "evidence" in line]
    assert lines[0].startswith("  evidence: UNv1.0.testset.fr:3046 [aligned]: avec l'OTSC / with")
    assert lines[1].startswith("  evidence: doc.fr.txt (S/2016/867)")
    assert lines[2] == "  ... 1 more evidence"


@pytest.mark.parametrize("scan_terms", [0, 10**9], ids=["trigram-index", "scan-all"])
@pytest.mark.parametrize(("query", "first_fr"), [
    ("Organisaton du Traite de securite collectve", "Organisation du Traité de sécurité collective"),
    ("Shangai Coperation Organisation", "Organisation de Shanghai pour la coopération"),
    ("Alemagne", "Allemagne"),
    ("Cote divoire", "Côte d'Ivoire"),
])
def test_fuzzy_paths_agree(tb, monkeypatch, scan_terms, query, first_fr):
    from termbase import fuzzy as fuzzy_module

    monkeypatch.setattr(fuzzy_module, "FUZZY_SCAN_TERMS", scan_terms)
    [first, *_] = tb.lookup(query)
    assert first.match == "fuzzy" and first.concept.terms_in("fr")[0].text == first_fr
    other = "fr" if first.term.lang == "en" else "en"
    assert all(r.term.lang == other for r in tb.lookup(query, lang=other))
    assert tb.lookup(query, lang=first.term.lang)[0].concept.id == first.concept.id


def test_fuzzy_caches_follow_writes(tmp_path):
    path = tmp_path / "tb.sqlite3"
    with Termbase.open(path) as reader, Termbase.open(path) as writer:
        writer.add_concept(Concept(terms=[Term("fr", "Organisation mondiale de la Santé")]))
        assert reader.lookup("Organisaton mondiale de la sante")[0].match == "fuzzy"
        assert reader.lookup("Programme alimentare mondial") == []
        writer.add_concept(Concept(terms=[Term("fr", "Programme alimentaire mondial")]))
        assert reader.lookup("Programme alimentare mondial")[0].match == "fuzzy"
        reader.add_concept(Concept(terms=[Term("en", "World Food Programme")]))
        assert reader.lookup("World Fod Programme")[0].match == "fuzzy"


def test_an_english_acronym_alone_is_labelled_and_not_counted_wrong(tmp_path):
    """UNPC devset (A/69/...): the French full form and acronym are defined, the English only
    ever writes ECCAS: the entry gives no English full form, and says so."""
    from termbase.describe import NO_FULL_FORM, brief, describe
    from termbase.extract.evaluate import first_answers

    fr = "Communauté économique des États de l'Afrique centrale"
    with Termbase.open(tmp_path / "tb.sqlite3") as store:
        with store.transaction():
            store.add_concept(Concept(kind="title", curated=False, confidence=0.6, terms=[
                Term("fr", fr), Term("fr", "CEEAC", "acronym"), Term("en", "ECCAS", "acronym")],
                evidence=[Evidence("UNv1.0.devset.fr:1170",
                                   context_fr="des représentants de l'Union africaine et de la "
                                              "CEEAC",
                                   context_en="representatives of the African Union and ECCAS")]))
            store.add_concept(Concept(kind="title", curated=False, confidence=0.6, terms=[
                Term("fr", "Organisation du Traité de sécurité collective"),
                Term("en", "CSTO", "acronym"),
                Term("en", "Collective Security Treaty Organization")]))
        [first] = lookup(store, fr)[:1]
        assert first.match == "exact"
        assert brief(first) == f"{fr} (CEEAC) = ECCAS  [{NO_FULL_FORM}]"
        assert NO_FULL_FORM in describe(first)[1]
        other = lookup(store, "Organisation du Traité de sécurité collective")[0]
        assert NO_FULL_FORM not in brief(other)
        assert (first.to_json()["no_full_form"], other.to_json()["no_full_form"]) == (["en"], [])
        answers = first_answers(store, [
            (fr, "Economic Community of Central African States"),
            ("Organisation du Traité de sécurité collective", "Collective Security Treaty Organization"),
        ])
    assert (len(answers.acronym_only), len(answers.wrong), len(answers.right)) == (1, 0, 1)
    assert answers.total == 2
