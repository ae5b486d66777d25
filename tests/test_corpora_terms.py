"""Names learnt from aligned corpora (issue 11): extraction in one pair, the readers of the
shared corpora, the shipped name file and its place in the default build."""

from __future__ import annotations

from pathlib import Path

import pytest

import seeds
from aligner.align.lexicon import load as load_lexicon
from termalign.building import CORPORA_NAMES, shipped_concepts
from termbase.build import build
from termbase.errors import FormatError
from termbase.extract.cooccur import AlignedPair
from termbase.extract.corpora import (
    UN_CORPORA,
    NameEvidence,
    NameLink,
    collect,
    dump_names,
    load_name_concepts,
    read_rows,
)
from termbase.extract.corpora_names import name_pairs
from termbase.extract.corpora_read import HANSARD, LAWS, UDHR, hansard_pairs, law_pairs, udhr_pairs
from termbase.extract.corpora_words import Lexicon, explained, feminine
from termbase.extract.evaluate import read_gold
from termbase.lookup import lookup
from termbase.store import Termbase

SHIPPED = seeds.path(*CORPORA_NAMES)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(load_lexicon())


# Sentence pairs of the UN Parallel Corpus (seeds/unpc), shortened.
UN_PAIRS = [
    ("Le Haut-Commissariat des Nations Unies pour les réfugiés (HCR) a fourni des produits.",
     "The Office of the United Nations High Commissioner for Refugees (UNHCR) reached some.",
     "Haut-Commissariat des Nations Unies pour les réfugiés",
     "Office of the United Nations High Commissioner for Refugees"),
    ("je tiens à vous informer de mon intention de nommer M. Petko Draganov (Bulgarie) au poste "
     "de Chef du Centre régional des Nations Unies pour la diplomatie préventive en Asie "
     "centrale, à Achgabat.",
     "I wish to inform you of my intention to appoint Mr. Petko Draganov (Bulgaria) as Head "
     "of the United Nations Regional Centre for Preventive Diplomacy for Central Asia in "
     "Ashgabat.",
     "Centre régional des Nations Unies pour la diplomatie préventive en Asie centrale",
     "United Nations Regional Centre for Preventive Diplomacy for Central Asia"),
    ("le Secrétaire général de l'Organisation de la coopération islamique a condamné la tenue.",
     "the Secretary-General of the Organization of Islamic Cooperation (OIC) condemned the.",
     "Organisation de la coopération islamique", "Organization of Islamic Cooperation"),
    ("2. Accueille avec satisfaction les activités entreprises par le Secrétariat de "
     "l'Organisation des Nations Unies et les organismes.",
     "2. Welcomes the activities undertaken by the United Nations Secretariat and "
     "organizations.",
     "Secrétariat de l'Organisation des Nations Unies", "United Nations Secretariat"),
    # an English possessive is a content word (*Peoples'*), not an elision
    ("Prenant note également de la résolution 263 de la Commission africaine des droits de "
     "l'homme et des peuples, sur la prévention des agressions,",
     "Taking note also of African Commission on Human and Peoples' Rights resolution 263 on "
     "the prevention of attacks,",
     "Commission africaine des droits de l'homme et des peuples",
     "African Commission on Human and Peoples' Rights"),
]


@pytest.mark.parametrize(("fr", "en", "name_fr", "name_en"), UN_PAIRS)
def test_names_of_one_pair(lexicon, fr, en, name_fr, name_en):
    found = {(p.fr, p.en) for p in name_pairs(fr, en, lexicon)}
    assert (name_fr, name_en) in found
    for p in name_pairs(fr, en, lexicon):
        assert fr[slice(*p.fr_span)].startswith(p.fr.split()[0])
        assert en[slice(*p.en_span)].endswith(p.en.split()[-1]) or p.en_acronym


@pytest.mark.parametrize(("fr", "en"), [
    # a sentence's first word is capitalised anyway: a verb is no name
    ("Encourage le Secrétaire général à agir.", "Encourages the Secretary-General to act."),
    # two names joined by "et" are not one name
    ("les conventions de Bâle et de Stockholm", "the Basel and Stockholm conventions"),
    # a person's name teaches nothing
    ("M. Gevork Manuelian a parlé.", "Mr. Gevork Manvelyan spoke."),
    # a date is no name
    ("à Alep en janvier dernier", "in Aleppo in January last"),
])
def test_what_is_not_a_name(lexicon, fr, en):
    pairs = {(p.fr, p.en) for p in name_pairs(fr, en, lexicon)}
    assert not {(f, e) for f, e in pairs if " et " in f or "janvier" in f or "Encourage" in f
                or "Gevork" in f}


def test_the_english_must_be_explained_whole(lexicon):
    # "Affairs Division" has no French counterpart in "Conseil de sécurité"
    assert explained(["conseil", "securite"], ["security", "council"], lexicon)
    assert not explained(["conseil", "securite"], ["security", "council", "affairs",
                                                    "division"], lexicon)
    assert not explained([], ["council"], lexicon)


@pytest.mark.parametrize(("masculine", "expected"), [
    ("Secrétaire général adjoint", "Secrétaire générale adjointe"),
    ("Vice-Secrétaire général", "Vice-Secrétaire générale"),
    ("Envoyé spécial", "Envoyée spéciale"),
    ("Organisation des États américains", ""),
    ("Conseiller spécial pour l'Afrique", "Conseillère spéciale pour l'Afrique"),
    ("Président Obama", ""),  # a person's name after the title
    ("Haut-Commissaire des Nations Unies pour les réfugiés",
     "Haute-Commissaire des Nations Unies pour les réfugiés"),
    ("Haut Représentant pour l'Afghanistan", "Haute Représentante pour l'Afghanistan"),
    ("Haut-Commissariat des Nations Unies pour les réfugiés", ""),
])
def test_feminine_titles(masculine, expected):
    assert feminine(masculine) == expected


def test_a_linked_title_gets_its_feminine_form():
    from collections import Counter

    from termbase.extract.association import TermEvidence, TermLink
    from termbase.extract.term_concepts import link_concept

    pairs = [AlignedPair("Le Représentant spécial a parlé.", "The Special Representative spoke.")]

    def concept(fr, en, capitalised):
        link = TermLink(fr.lower(), en.lower(), Counter({fr: 2}), Counter({en: 2}), 2, 2, 2, 2,
                        1.0, capitalised, [TermEvidence(0, (3, 23), (4, 26))])
        return [t.text for t in link_concept(link, pairs).terms_in("fr")]

    assert concept("Représentant spécial", "Special Representative", 1.0) == [
        "Représentant spécial", "Représentante spéciale"]
    # a lower-case term is no title of a person
    assert concept("représentant spécial", "special representative", 0.0) == [
        "représentant spécial"]


def _link(fr, en, corpus, n=1, source="Canadian Hansard 36.1, debates 205, line 3"):
    pair = AlignedPair(f"Le {fr} agit.", f"The {en} acts.", source)
    start = len("The ")
    return NameLink(fr, en, counts={corpus: n},
                    evidence=[NameEvidence(pair, corpus, (start, start + len(en)))])


def test_name_file_round_trip(tmp_path):
    links = [_link("Programme alimentaire mondial", "World Food Programme", HANSARD, 2),
             _link("Ligue des États arabes", "League of Arab States", "UN Parallel Corpus",
                   source="UNv1.0.testset.fr:2598")]
    path = tmp_path / "names.tsv"
    dump_names(links, path)
    first = path.read_bytes()
    concepts = load_name_concepts(path)
    assert [(c.terms_in("fr")[0].text, c.terms_in("en")[0].text) for c in concepts] == [
        ("Programme alimentaire mondial", "World Food Programme"),
        ("Ligue des États arabes", "League of Arab States")]
    hansard, unpc = concepts
    assert hansard.evidence[0].source.startswith("Canadian Hansard")
    # outside UN documents the confidence is lower
    assert hansard.confidence < unpc.confidence
    ev = unpc.evidence[0]
    assert ev.context_en[slice(*ev.span_en)] == "League of Arab States"
    dump_names(links, path)
    assert path.read_bytes() == first  # reproducible


@pytest.mark.parametrize("text", [
    "",  # no header
    "fr\ten\n",  # wrong header
    "\t".join(("fr", "en", "fr_acronym", "en_acronym", "method", "corpus", "confidence",
               "source", "symbol", "span_en", "context_fr", "context_en")) + "\nonly\tthree\tcells\n",
])
def test_bad_name_file_is_a_format_error(tmp_path, text):
    path = tmp_path / "bad.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError):
        load_name_concepts(path)


def test_collect_prefers_un_usage(lexicon):
    # The same French name in a UN pair and twice in Hansard with other English: the UN
    # pair's English is kept.
    un = AlignedPair("la Ligue des États arabes", "the League of Arab States", "UNv1.0.x.fr:1")
    other = AlignedPair("la Ligue des États arabes", "the Arab League States", "Canadian Hansard")
    links = collect([(un, "UN Parallel Corpus"), (other, HANSARD), (other, HANSARD)], lexicon)
    by_fr = {link.fr: link.en for link in links}
    assert by_fr["Ligue des États arabes"] == "League of Arab States"


def test_shipped_name_file():
    rows = read_rows(SHIPPED)
    assert len({(r["fr"], r["en"]) for r in rows}) > 1000
    corpora = {r["corpus"] for r in rows}
    assert {"UN Parallel Corpus", HANSARD, LAWS} <= corpora
    for r in rows:
        assert r["source"]
        if r["corpus"] not in UN_CORPORA:
            assert r["source"].startswith(r["corpus"])
        start, end = (int(x) for x in r["span_en"].split("-"))
        if r["method"] == "name-pair":
            assert r["context_en"][start:end] == r["en"]


def test_judged_sample_of_the_shipped_names():
    """The hand-judged random sample (BENCHMARKS.md, terms-corpora): at least 100 rows, all
    judged, all still shipped, and at least 90% right."""
    columns = ("right", "fr", "en", "corpus", "source", "context_fr", "context_en")
    rows = read_gold(SHIPPED.parent.parent.parent / "tests" / "data"
                     / "corpora_names_sample.tsv", columns)
    shipped = {(r["fr"], r["en"]) for r in read_rows(SHIPPED)}
    assert len(rows) >= 100 and {r[0] for r in rows} <= {"yes", "no"}
    assert all((r[1], r[2]) in shipped for r in rows)
    assert sum(r[0] == "yes" for r in rows) >= 0.9 * len(rows)


def test_names_in_a_build_say_their_corpus(tmp_path):
    db = tmp_path / "tb.sqlite3"
    build(db, extracted=load_name_concepts(SHIPPED), rebuild=True)
    with Termbase.open(db) as tb:
        first = lookup(tb, "Organisation de la coopération islamique")[0]
        assert first.match == "exact"
        assert "Organization of Islamic Cooperation" in {t.text for t in
                                                         first.concept.terms_in("en")}
        assert first.concept.evidence[0].symbol  # a UN pair gives its document
        hansard = [c for c in tb.iter_concepts() if c.origin == "corpus-names"
                   and c.evidence and c.evidence[0].source.startswith(HANSARD)]
        assert hansard and all(c.confidence < 0.7 for c in hansard)


def test_the_default_build_gets_the_names():
    from termalign.building import seed_aligned

    concepts = shipped_concepts(seed_aligned())
    assert any(c.origin == "corpus-names" for c in concepts)


def test_readers_of_the_shared_corpora(shared):
    corpus = shared / "corpus"
    hansard = hansard_pairs(corpus / "hansard_isi_36")
    assert len(hansard) > 30000
    assert all(p.source.startswith(HANSARD) and p.fr and p.en for p in hansard)
    laws = corpus / "canada_laws_un_related"
    regulation = law_pairs(laws / "eng" / "SOR-2001-360.xml", laws / "fra" / "DORS-2001-360.xml")
    assert len(regulation) > 50 and all(p.source.startswith(LAWS + " SOR/2001-360")
                                        for p in regulation)
    udhr = udhr_pairs(corpus / "udhr_en_fr" / "udhr_eng.xml", corpus / "udhr_en_fr" / "udhr_fra.xml")
    assert (udhr[0].fr, udhr[0].en) == ("Déclaration universelle des droits de l’homme",
                                        "Universal Declaration of Human Rights")
    assert len(udhr) == 32 and all(p.source.startswith(UDHR) for p in udhr)


# Canadian Hansard, 36th Parliament (shared/corpus/hansard_isi_36), sittings 134 and 205.
HANSARD_COLLECTIVE = [
    ("134", "Troisièmement, une telle participation serait conforme à notre engagement envers "
     "le principe de la sécurité collective.",
     "Third, such participation would be in keeping with our commitment to the principle of "
     "collective security."),
    ("134", "Même si le leadership des États-Unis est indispensable, le monde se rendra compte "
     "que l'OTAN continue d'être le plus bel exemple de sécurité collective de tous les temps.",
     "While U.S. leadership is essential, the world will know that NATO continues to be "
     "history's finest example of collective security."),
    ("205", "Nous avons fermement proclamé notre foi dans la sécurité collective et dans la "
     "responsabilité de notre engagement à aider les autres.",
     "We firmly proclaimed our belief in collective security and responsibility in our "
     "commitment to help others."),
    ("205", "Il y a 50 ans à peine, l'OTAN était créée pour assurer la sécurité collective de "
     "l'Atlantique Nord.",
     "It was only 50 years ago that NATO was formed to provide for the collective security of "
     "the North Atlantic."),
]


@pytest.fixture(scope="module")
def hansard_links():
    from termbase.extract.association import link_terms
    from termbase.extract.terms_fr import extract

    pairs = [AlignedPair(fr, en, f"{HANSARD} 36.1, debates {sitting}, line {i}")
             for i, (sitting, fr, en) in enumerate(HANSARD_COLLECTIVE, 1)]
    links = link_terms(extract([p.fr for p in pairs]), [p.en for p in pairs],
                       [len(p.fr) for p in pairs],
                       documents=[p.source.rsplit(", ", 1)[0] for p in pairs])
    return pairs, links


def test_key_terms_of_other_corpora(hansard_links):
    from termbase.extract.corpora import TERM_LINK, term_name_links
    from termbase.extract.explain import cognate

    pairs, links = hansard_links
    kept = term_name_links(links, pairs, [HANSARD] * len(pairs), frozenset(), cognate)
    [term] = [t for t in kept if t.fr == "sécurité collective"]
    assert (term.en, term.method) == ("collective security", TERM_LINK)
    assert term.counts == {HANSARD: 4}
    # Hansard only: 0.7 of the association confidence (UN evidence keeps it whole)
    assert term.confidence == round(0.7 * term.association, 2) > 0
    ev = term.evidence[0]
    assert ev.pair.en[slice(*ev.span_en)] == "collective security"


def test_key_terms_never_override_un_or_curated(hansard_links):
    from termbase.extract.corpora import term_name_links
    from termbase.extract.explain import cognate

    pairs, links = hansard_links
    for known in ({"securite collective"}, {"collective security"}):
        kept = term_name_links(links, pairs, [HANSARD] * len(pairs), frozenset(known), cognate)
        assert all(t.fr != "sécurité collective" for t in kept)


SHIPPED_TERMS_FILE = seeds.path("terms", "corpora_terms.tsv")


def test_shipped_key_term_file():
    from termbase.extract.corpora import TERM_LINK

    rows = read_rows(SHIPPED_TERMS_FILE)
    assert len({(r["fr"], r["en"]) for r in rows}) > 200
    assert all(r["method"] == TERM_LINK and r["corpus"] not in UN_CORPORA - {UDHR}
               for r in rows)
    for r in rows:
        start, end = (int(x) for x in r["span_en"].split("-"))
        # the span of this pair's form (the preferred form is the most frequent one; hyphens
        # and spaces are one span: *post-cold war*, *post cold war*)
        span = r["context_en"][start:end].casefold().replace("-", " ")
        assert span.split()[0] == r["en"].casefold().replace("-", " ").split()[0]
        assert r["fr"][:1].islower() and len(r["fr"].split()) >= 2
    concepts = load_name_concepts(SHIPPED_TERMS_FILE)
    assert {c.kind for c in concepts} == {"term"}
    assert not any(c.curated for c in concepts)
    # outside UN documents at most 0.7 of the association confidence
    assert all(c.confidence <= 0.7 for c in concepts if not c.evidence[0].source.startswith(UDHR))


def test_judged_sample_of_the_shipped_key_terms():
    """The hand-judged random sample (BENCHMARKS.md, terms-corpora): all judged, all still
    shipped (or now held by the UN term links, which a corpus key term never overrides), at
    least 90% right."""
    from termalign.building import seed_aligned, shipped_term_concepts

    columns = ("right", "fr", "en", "corpus", "source", "context_fr", "context_en")
    rows = read_gold(SHIPPED.parent.parent.parent / "tests" / "data"
                     / "terms_precision_corpora.tsv", columns)
    shipped = {(r["fr"], r["en"]) for r in read_rows(SHIPPED_TERMS_FILE)}
    un = {t.text.casefold() for c in shipped_term_concepts(seed_aligned())
          for t in c.terms_in("fr")}
    assert len(rows) >= 80 and {r[0] for r in rows} <= {"yes", "no"}
    assert all((r[1], r[2]) in shipped or r[1].casefold() in un for r in rows)
    assert sum(r[0] == "yes" for r in rows) >= 0.9 * len(rows)


def test_default_build_answers_a_key_term_of_the_hansard(tmp_path):
    from termalign.building import seed_aligned

    concepts = [c for c in shipped_concepts(seed_aligned())
                if c.origin == "corpus-names" and c.kind == "term"]
    assert concepts
    db = tmp_path / "tb.sqlite3"
    build(db, extracted=concepts, rebuild=True)
    with Termbase.open(db) as tb:
        first = lookup(tb, "la sécurité collective")[0]
        assert (first.match, first.concept.kind) == ("exact", "term")
        assert "collective security" in {t.text for t in first.concept.terms_in("en")}
        assert first.concept.evidence[0].source.startswith(HANSARD)


DATA = Path(__file__).parent / "data"


def test_second_dev_names_are_new_and_answered_without_curated_data(tmp_path):
    """names_gold_dev2.tsv (made by reading; every row dev) holds no name of names_gold.tsv;
    with curated data off the seeds' termbase answers at least the share measured
    (BENCHMARKS.md, "Termbase content (issue 11)"), never with a wrong English."""
    from termalign.building import build_from_seeds
    from termbase.extract.evaluate import first_answers, normalise

    columns = ("fr", "en", "from")
    dev2 = read_gold(DATA / "names_gold_dev2.tsv", columns)
    known = {normalise(r[0]) for r in read_gold(DATA / "names_gold.tsv", columns)}
    assert len(dev2) >= 30 and not [r for r in dev2 if normalise(r[0]) in known]
    build_from_seeds(tmp_path / "off.sqlite3", curated=False)
    with Termbase.open(tmp_path / "off.sqlite3") as tb:
        answers = first_answers(tb, dev2)
    assert answers.accuracy >= 0.44 and not answers.wrong


def test_the_feminine_forms_of_the_linked_titles_are_judged():
    """Every feminine form a shipped UN term link of a title gets is in the census by reading
    (terms_precision_feminine.tsv), and the census is right nine times in ten or more (its
    wrong rows inherit a wrong link)."""
    from termalign.building import shipped_term_concepts

    census = read_gold(DATA / "terms_precision_feminine.tsv",
                       ("right", "fr", "feminine", "en", "note"))
    judged = {(r[1], r[2]) for r in census}
    added = {(fr[0].text, fr[1].text) for c in shipped_term_concepts() if c.kind == "title"
             for fr in [c.terms_in("fr")]
             if len(fr) > 1 and fr[1].text == feminine(fr[0].text)}
    assert added and added <= judged
    assert sum(r[0] == "yes" for r in census) >= 0.9 * len(census)
