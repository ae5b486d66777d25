"""Links cut from a longer phrase (termbase.extract.partial, issue 11)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from termbase.extract.association import TermEvidence, TermLink
from termbase.extract.explain import cognate
from termbase.extract.partial import cut

WORDS = {("mesures", "measures"), ("armes", "arms"), ("unis", "united"), ("arabes", "arab"),
         ("politiques", "political"), ("civils", "civil"), ("droits", "rights"),
         ("pacte", "covenant"), ("espace", "space"), ("aerien", "air"), ("paix", "peace"),
         ("maintien", "maintenance"), ("operations", "operations"), ("securite", "security"),
         ("conseil", "council")}


def match(f: str, e: str) -> bool:
    return (f, e) in WORDS or cognate(f, e)


def spans(fr: str, term: str, en: str, english: str) -> tuple:
    return (fr.index(term), fr.index(term) + len(term)), (en.index(english),
                                                          en.index(english) + len(english))


@pytest.mark.parametrize("fr, term, en, english, expected", [
    # the English lacks a word that it writes beside the span
    ("Les mesures d'austérité ont été levées.", "mesures d'austérité",
     "The austerity measures were lifted.", "austerity", "en:mesures"),
    ("Il viole l'embargo sur les armes.", "embargo sur les armes",
     "It violates the arms embargo.", "embargo", "en:armes"),
    # the French lacks a word beside it that the English renders
    ("Les Émirats arabes unis ont voté.", "Émirats arabes",
     "The United Arab Emirates voted.", "United Arab Emirates", "fr:unis"),
    ("Le Pacte international relatif aux droits civils et politiques.",
     "Pacte international relatif aux droits civils",
     "The International Covenant on Civil and Political Rights.",
     "International Covenant on Civil and Political Rights", "fr:politiques"),
    # whole links: one English compound for two French words, or a word for word rendering
    ("Il a violé l'espace aérien libanais.", "espace aérien", "It violated Lebanese airspace.",
     "airspace", ""),
    ("Le maintien de la paix et les opérations.", "maintien de la paix",
     "Peacekeeping and operations.", "Peacekeeping", ""),
    ("Le Conseil de sécurité se réunit.", "Conseil de sécurité",
     "The Security Council meets.", "Security Council", ""),
    # punctuation stops the search beside the span
    ("Les mesures (d'austérité).", "d'austérité", "The measures (austerity).", "austerity", ""),
])
def test_cut(fr, term, en, english, expected):
    fr_span, en_span = spans(fr, term, en, english)
    assert cut(fr, fr_span, en, en_span, match) == expected


def _link(fr_form: str, en_form: str, evidence: list[TermEvidence]) -> TermLink:
    from termbase.extract.spans import span_key
    from termbase.extract.terms_fr import term_key

    return TermLink(term_key(fr_form), span_key(en_form), Counter({fr_form: 3}),
                    Counter({en_form: 3}), 3, 3, 3, 3, 1.0, evidence=evidence)


def ev(fr: list[str], en: list[str], i: int, term: str, english: str) -> TermEvidence:
    return TermEvidence(i, *spans(fr[i], term, en[i], english))


@pytest.mark.parametrize("fr, term, en, english, whole_fr, whole_en", [
    ("Il viole l'embargo sur les armes.", "embargo sur les armes",
     "It violates the arms embargo.", "embargo", "embargo sur les armes", "arms embargo"),
    ("Les Émirats arabes unis ont voté.", "Émirats arabes",
     "The United Arab Emirates voted.", "United Arab Emirates", "Émirats arabes unis",
     "United Arab Emirates"),
    # repeated: the French reaches over politiques, then the English is whole
    ("Le Pacte international relatif aux droits civils et politiques.",
     "Pacte international relatif aux droits civils",
     "The International Covenant on Civil and Political Rights.",
     "International Covenant on Civil and Political Rights",
     "Pacte international relatif aux droits civils et politiques",
     "International Covenant on Civil and Political Rights"),
    ("Le maintien de la paix et de la sécurité.", "paix et de la sécurité",
     "The maintenance of peace and security.", "maintenance of peace and security",
     "maintien de la paix et de la sécurité", "maintenance of peace and security"),
])
def test_repair_reaches_the_whole_phrase(fr, term, en, english, whole_fr, whole_en):
    from termbase.extract.partial import repair

    fr_span, en_span = spans(fr, term, en, english)
    f, e = repair(fr, fr_span, en, en_span, match)
    assert (fr[f[0]:f[1]], en[e[0]:e[1]]) == (whole_fr, whole_en)


def test_repaired_links_repair_join_and_keep():
    from termbase.extract.partial import repaired_links

    fr = ["Il viole l'embargo sur les armes.", "Un embargo sur les armes strict.",
          "L'embargo sur les armes est levé.", "Les Émirats arabes unis ont voté.",
          "Les Émirats arabes unis ont signé.", "Des mesures d'austérité sévères."]
    en = ["It violates the arms embargo.", "A strict arms embargo.",
          "The arms embargo is lifted.", "The United Arab Emirates voted.",
          "The United Arab Emirates signed.", "Severe austerity measures."]
    cut_link = _link("embargo sur les armes", "embargo",
                     [ev(fr, en, 0, "embargo sur les armes", "embargo"),
                      ev(fr, en, 1, "embargo sur les armes", "embargo")])
    whole = _link("Émirats arabes unis", "United Arab Emirates",
                  [ev(fr, en, 3, "Émirats arabes unis", "United Arab Emirates")])
    emirates = _link("Émirats arabes", "United Arab Emirates",
                     [ev(fr, en, 4, "Émirats arabes", "United Arab Emirates")])
    austerity = _link("mesures d'austérité", "austerity measures",
                      [ev(fr, en, 5, "mesures d'austérité", "austerity measures")])
    links, repaired, dropped = repaired_links([cut_link, whole, emirates, austerity], fr, en,
                                              match)
    assert dropped == [] and [old for old, _ in repaired] == [cut_link, emirates]
    # the cut link: repaired in its evidence and in the pair that holds its forms (2)
    arms = links[0]
    assert (arms.fr_key, arms.en_key, arms.en_text()) == (cut_link.fr_key, "arms embargo",
                                                          "arms embargo")
    assert [(e.pair, en[e.pair][e.en[0]:e.en[1]]) for e in arms.evidence] == [
        (0, "arms embargo"), (1, "arms embargo"), (2, "arms embargo")]
    # Émirats arabes joins the whole link of the same keys; the whole links are kept
    assert links[1:] == [whole, austerity]
    assert [e.pair for e in whole.evidence] == [3, 4]
    # (its forms: 3, and the two pairs where Émirats arabes was repaired)
    assert whole.fr_forms["Émirats arabes unis"] == 5


def test_shipped_link_file_has_no_cut_link():
    """The shipped link file holds none of the links found cut (bench_terms.py
    --repair-partial), every one of them was judged by reading, and so was every repaired
    link shipped as a link of its own."""
    import seeds
    from termalign.building import SHIPPED_TERMS, seed_aligned
    from termbase.extract.evaluate import read_gold
    from termbase.extract.term_concepts import load_links

    links = load_links(seeds.path(*SHIPPED_TERMS), seed_aligned())
    data = Path(__file__).parent / "data"
    census = read_gold(data / "terms_precision_partial.tsv",
                       ("right", "fr", "en", "links", "cut", "context_fr", "context_en"))
    assert len(census) >= 50 and {r[0] for r in census} <= {"yes", "no"}
    shipped = {(link.fr_text(), link.en_text()) for link in links}
    assert not shipped & {(r[1], r[2]) for r in census}
    repaired = read_gold(data / "terms_precision_repaired.tsv",
                         ("right", "fr", "en", "cut_fr", "cut_en", "links", "context_fr",
                          "context_en"))
    assert len(repaired) >= 50 and {r[0] for r in repaired} <= {"yes", "no"}
    assert {(r[1], r[2]) for r in repaired} <= shipped


def test_the_pairs_holding_a_form_are_those_a_scan_finds():
    import seeds
    from termbase.extract.partial import _holding

    base = seeds.path("unpc", "UNv1.0.devset")
    fr = base.with_name(base.name + ".fr").read_text(encoding="utf-8").splitlines()[:2000]
    forms = [["maintien de la paix", "Maintien de la paix"], ["Programme d'action"],
             ["embargo sur les armes"], ["Conseil"], ["pas dans le texte"], [""]]
    links = [_link(f[0], "x", []) for f in forms]
    for link, f in zip(links, forms, strict=True):
        link.fr_forms = Counter(f)
    held = _holding(links, fr)
    assert held == [[i for i, s in enumerate(fr) if any(x and x in s for x in f)] for f in forms]
    assert held[0] and held[3] and not held[4] and not held[5]
