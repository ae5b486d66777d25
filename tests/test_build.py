"""Building the termbase: curated data, documents, aligned pairs, transactions, the CLI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from termalign.building import seed_aligned, seed_curated
from termalign.cli import cli
from termbase.build import SourceDocument, build, document_concepts
from termbase.curated import load_unterm_countries, read_term_rows
from termbase.errors import FormatError, TermbaseError
from termbase.extract.evaluate import read_gold
from termbase.model import Concept, Term
from termbase.store import Termbase

DATA = Path(__file__).parent / "data"


def _by_term(concepts, lang, text):
    return [c for c in concepts if any(t.lang == lang and t.text == text for t in c.terms)]


def _terms(concept, lang=None, status=None):
    return {t.text for t in concept.terms
            if (lang is None or t.lang == lang) and (status is None or t.status == status)}


@pytest.fixture(scope="module")
def curated():
    return seed_curated()


@pytest.fixture(scope="module")
def built(tmp_path_factory, curated):
    """The default build (curated data, seed documents, UNPC) in a fresh file."""
    from termalign.building import read_document, seed_documents

    path = tmp_path_factory.mktemp("tb") / "termbase.sqlite3"
    documents = [read_document(p, "fr") for p in seed_documents()]
    report = build(path, documents=documents, aligned=seed_aligned(), curated=curated)
    return path, report


@pytest.mark.parametrize(
    ("fr", "en", "fr_acronym", "en_acronym"),
    [
        ("Organisation du Traité de sécurité collective", "Collective Security Treaty Organization",
         "OTSC", "CSTO"),
        ("Communauté économique des États de l’Afrique centrale",
         "Economic Community of Central African States", "CEEAC", "ECCAS"),
        ("Communauté économique des États de l’Afrique de l’Ouest",
         "Economic Community of West African States", "CEDEAO", "ECOWAS"),
        ("Communauté d’États indépendants", "Commonwealth of Independent States", "CEI", "CIS"),
        ("Organisation de Shanghai pour la coopération", "Shanghai Cooperation Organization",
         "OCS", "SCO"),
    ],
)
def test_curated_official_names(curated, fr, en, fr_acronym, en_acronym):
    [concept] = _by_term(curated, "fr", fr)
    assert concept.curated and concept.kind == "title"
    assert {fr, fr_acronym} <= _terms(concept, "fr", "preferred")
    assert {en, en_acronym} <= _terms(concept, "en", "preferred")
    assert concept.evidence and all(e.method == "curated" for e in concept.evidence)


@pytest.mark.parametrize(
    ("anchor", "lang", "text", "status"),
    [
        ("CEEAC", "fr", "Communauté économique des États d’Afrique centrale", "admitted"),
        ("CEI", "fr", "Communauté des États indépendants", "deprecated"),
        ("LEA", "en", "Arab League", "deprecated"),
        ("ASEAN", "fr", "ANASE", "deprecated"),
        ("OTSC", "fr", "OTSC", "preferred"),
    ],
)
def test_curated_variants_and_avoided_forms(curated, anchor, lang, text, status):
    [concept] = _by_term(curated, "fr", anchor)
    assert text in _terms(concept, lang, status)


@pytest.mark.parametrize(
    ("current", "former"),
    [
        ("Department of Political and Peacebuilding Affairs", "Department of Political Affairs"),
        ("Office for Disarmament Affairs", "Department for Disarmament Affairs"),
        ("Eswatini", "Swaziland"),
        ("North Macedonia", "The former Yugoslav Republic of Macedonia"),
    ],
)
def test_superseded_names(curated, current, former):
    [concept] = _by_term(curated, "en", current)
    assert former in _terms(concept, "en", "superseded")


def test_country_short_form_keeps_its_article(curated):
    [viet_nam] = [c for c in _by_term(curated, "fr", "Viet Nam") if c.kind == "country"]
    assert "le Viet Nam" in _terms(viet_nam, "fr", "admitted")
    assert "République socialiste du Viet Nam" in _terms(viet_nam, "fr")
    assert "Socialist Republic of Viet Nam" in _terms(viet_nam, "en")


def test_every_seed_acronym_has_a_curated_entry(curated):
    """Each body the seed documents define an acronym for is in the curated data."""
    gold = read_gold(DATA / "acronyms_gold.tsv", ("document", "acronym", "definition"))
    missing = sorted({a for _, a, _ in gold if a != "COVID-19"
                      and not [c for c in _by_term(curated, "fr", a) if c.curated]})
    assert missing == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("concept\tlang\tterm\n", "expected the header"),
        ("concept\tlang\tterm\ttype\tstatus\tno_check\tsource\tnote\n"
         "x\tde\tOTSC\tacronym\tpreferred\t\tUNTERM\t\n", ":2: unknown language 'de'"),
        ("concept\tlang\tterm\ttype\tstatus\tno_check\tsource\tnote\n"
         "x\tfr\tOTSC\tacronym\tavoid\t\tUNTERM\t\n", "unknown status 'avoid'"),
    ],
)
def test_bad_curated_file(tmp_path, content, message):
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        read_term_rows(path)


def test_bad_country_file(tmp_path):
    path = tmp_path / "countries.tsv"
    path.write_text("English short\tFrench short\n", encoding="utf-8")
    with pytest.raises(FormatError, match="expected the header"):
        load_unterm_countries(path)


def test_build_links_documents_and_corpus_to_curated(built):
    path, report = built
    assert report.stats["curated"] >= 300
    assert report.candidates["acronym-definition"] >= 40
    assert report.candidates["aligned"] >= 100
    with Termbase.open(path) as tb:
        concepts = list(tb.iter_concepts())
    [otsc] = _by_term(concepts, "fr", "OTSC")
    assert otsc.curated and "CSTO" in _terms(otsc, "en")
    methods = {e.method for e in otsc.evidence}
    assert {"curated", "acronym-definition"} <= methods
    symbols = {e.symbol for e in otsc.evidence if e.method == "acronym-definition"}
    assert "S/2016/867" in symbols
    [ceeac] = _by_term(concepts, "fr", "CEEAC")
    assert any("ECCAS" in e.context_en for e in ceeac.evidence if e.method == "aligned")
    [pib] = _by_term(concepts, "fr", "PIB")  # found only by co-occurrence
    assert not pib.curated and "GDP" in _terms(pib, "en") and 0 < pib.confidence < 1


def test_building_twice_changes_nothing(built, curated):
    path, first = built
    again = build(path, curated=curated, aligned=seed_aligned())
    assert again.added == again.merged == 0
    assert again.stats["concepts"] == first.stats["concepts"]
    assert again.stats["terms"] == first.stats["terms"]
    assert again.stats["evidence"] == first.stats["evidence"]


def test_candidates_never_overwrite_curated(tmp_path, curated):
    path = tmp_path / "tb.sqlite3"
    build(path, curated=curated)
    with Termbase.open(path) as tb:
        before = [(t.lang, t.text, t.type, t.status) for t in
                  _by_term(list(tb.iter_concepts()), "fr", "OTSC")[0].terms]
    candidate = Concept(kind="term", terms=[Term("fr", "OTSC", "fullForm", "deprecated"),
                                            Term("en", "Collective Security Treaty Organization")])
    build(path, curated=[candidate])
    with Termbase.open(path) as tb:
        [otsc] = _by_term(list(tb.iter_concepts()), "fr", "OTSC")
    assert [(t.lang, t.text, t.type, t.status) for t in otsc.terms] == before
    assert otsc.curated and otsc.kind == "title"


def test_new_document_is_added_incrementally(tmp_path):
    path = tmp_path / "tb.sqlite3"
    doc = SourceDocument("note.txt", ["L’Autorité intergouvernementale pour le développement "
                                      "(IGAD) agit.", "L’IGAD coopère."], "fr", "S/2099/1")
    first = build(path, documents=[doc])
    later = build(path, documents=[SourceDocument(
        "note2.txt", ["La Commission du bassin du lac Tchad (CBLT) se réunit."], "fr")])
    assert first.added == 1 and later.added == 1 and later.stats["concepts"] == 2
    with Termbase.open(path) as tb:
        [igad] = _by_term(list(tb.iter_concepts()), "fr", "IGAD")
    assert [e.context_fr for e in igad.evidence] == [
        "L’Autorité intergouvernementale pour le développement (IGAD) agit.", "L’IGAD coopère."]


@pytest.mark.parametrize("rebuild", [False, True])
def test_failed_build_leaves_previous_termbase_intact(tmp_path, curated, rebuild):
    path = tmp_path / "tb.sqlite3"
    build(path, curated=curated[:20])
    before = os.path.getsize(path), _count(path)
    bad = Concept(kind="bogus", terms=[Term("fr", "X")])
    with pytest.raises(TermbaseError, match="unknown concept kind"):
        build(path, curated=[*curated, bad], rebuild=rebuild)
    assert _count(path) == before[1] == 20
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".building")]


def _count(path: Path) -> int:
    with Termbase.open(path) as tb:
        return tb.count()


def test_rebuild_starts_afresh(tmp_path, curated):
    path = tmp_path / "tb.sqlite3"
    build(path, documents=[SourceDocument("a.txt", ["Le Programme alimentaire mondial (PAM)."])])
    report = build(path, curated=curated[:5], rebuild=True)
    assert report.stats["concepts"] == 5 == _count(path)


def test_progress_is_reported(tmp_path, curated):
    calls = []
    build(tmp_path / "tb.sqlite3", curated=curated[:60], aligned=seed_aligned()[:600],
          documents=[SourceDocument("a.txt", ["La Ligue des États arabes (LEA)."])],
          progress=lambda stage, done, total: calls.append((stage, done, total)))
    assert ("curated", 60, 60) in calls and ("documents", 1, 1) in calls
    assert ("aligned pairs", 600, 600) in calls


def test_document_concepts_keep_the_document_language_and_symbol():
    doc = SourceDocument("r.txt", ["The Economic Community of Central African States (ECCAS) "
                                   "met. ECCAS agreed."], "en", "S/2020/1")
    [concept] = document_concepts(doc)
    assert [(t.lang, t.text) for t in concept.terms] == [
        ("en", "Economic Community of Central African States"), ("en", "ECCAS")]
    assert [e.context_en for e in concept.evidence] == [
        "The Economic Community of Central African States (ECCAS) met.", "ECCAS agreed."]
    assert {e.symbol for e in concept.evidence} == {"S/2020/1"}


def test_cli_build_then_lookup(tmp_path):
    db = tmp_path / "tb.sqlite3"
    runner = CliRunner()
    result = runner.invoke(cli, ["build", "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["lookup", "OTSC", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Collective Security Treaty Organization (CSTO)" in result.output
    assert "Organisation du Traité de sécurité collective" in result.output
    doc = tmp_path / "note.fr.txt"
    doc.write_text("La Commission du bassin du lac Tchad (CBLT) et la Banque "
                   "ouest-africaine de développement (BOAD) se sont réunies.\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", str(doc), "--db", str(db), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "missing.txt"], "does not exist"),
        (["build", "{binary}"], "termalign: error:"),
    ],
)
def test_cli_bad_input_is_one_line(tmp_path, args, message):
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    args = [a.format(binary=binary) for a in args] + ["--db", str(tmp_path / "tb.sqlite3")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_ensure_default_db_builds_once(tmp_path, monkeypatch):
    from termalign import defaults

    target = tmp_path / "data" / "termbase.sqlite3"
    monkeypatch.setenv(defaults.DB_ENV, str(target))
    assert defaults.ensure_default_db() == target
    inode = target.stat().st_ino  # a build replaces the file: a new inode
    assert _count(target) > 300
    assert defaults.ensure_default_db() == target
    assert target.stat().st_ino == inode


def test_curated_evidence_has_its_sentences(built):
    path, _report = built
    with Termbase.open(path) as tb:
        concepts = list(tb.iter_concepts())
    [otsc] = _by_term(concepts, "fr", "OTSC")
    curated = {e.source: e for e in otsc.evidence if e.method == "curated"}
    # One row for the UNPC line, with the French sentence and its English pair.
    line = curated["UNv1.0.testset.fr:3046"]
    assert "Organisation du Traité de sécurité collective" in line.context_fr
    assert "CSTO" in line.context_en
    assert "UNv1.0.testset.en:3046" not in curated
    # A seed document named by its symbol: a sentence of it that uses the term.
    letter = curated["S/2016/867"]
    assert letter.symbol == "S/2016/867" and not letter.context_en
    assert "OTSC" in letter.context_fr or "Traité de sécurité collective" in letter.context_fr
    assert 8 <= len(letter.context_fr.split()) <= 60
    assert not curated["UNTERM"].context_fr  # no text to quote
    # A document named by its file name, written with another apostrophe than the term.
    [ceeac] = _by_term(concepts, "fr", "CEEAC")
    mexico = [e for e in ceeac.evidence if e.source == "2003-04-25-Mexique-lettre"]
    assert mexico and "Afrique centrale (CEEAC)" in mexico[0].context_fr


def test_rebuilding_with_fresh_sources_changes_nothing(built):
    from termalign.building import read_document, seed_documents

    path, first = built
    documents = [read_document(p, "fr") for p in seed_documents()]
    again = build(path, documents=documents, aligned=seed_aligned(), curated=seed_curated())
    assert again.added == again.merged == 0
    assert again.stats["evidence"] == first.stats["evidence"]
