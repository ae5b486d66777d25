"""Cleaning PDF-extracted UN text: snippets taken from the seeds, whole seeds, English text."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from aligner.clean import clean_file, clean_text, guess_lang
from aligner.clean.lexicon import build_word_list, corpus_files, shipped_words
from aligner.document import PARAGRAPH_KINDS

PAGE_BREAK = "__________________\n 1 Uppsala Conflict Data Program, 2021.\n\nS/2021/297\n\n3/5 21-04084\n"

# (id, source, lang, expected [(kind, text)] of the non-footnote paragraphs)
CASES = [
    ("elision-space", "Il importe que l ’ONU et ses partenaires agissent.", "fr",
     [("body", "Il importe que l’ONU et ses partenaires agissent.")]),
    ("elision-etats", "Elle a été adoptée par la Communauté d ’États indépendants.", "fr",
     [("body", "Elle a été adoptée par la Communauté d’États indépendants.")]),
    ("hyphen-ci-jointe", "Le Viet Nam a établi la note de cadrage ci -jointe (voir annexe).", "fr",
     [("body", "Le Viet Nam a établi la note de cadrage ci-jointe (voir annexe).")]),
    ("hyphen-inversion", "Comment le rôle de la Commission pourrait -il contribuer ?", "fr",
     [("body", "Comment le rôle de la Commission pourrait-il contribuer ?")]),
    ("split-conflits", "Elle concerne la prévention et le règlement des conf lits.", "fr",
     [("body", "Elle concerne la prévention et le règlement des conflits.")]),
    ("split-relations", "Les normes qui président aux re lations interétatiques.", "fr",
     [("body", "Les normes qui président aux relations interétatiques.")]),
    ("split-politiques", "Le Département des affaires polit iques et de la paix.", "fr",
     [("body", "Le Département des affaires politiques et de la paix.")]),
    ("two-words-stay", "Il a été mis en place en fin de compte.", "fr",
     [("body", "Il a été mis en place en fin de compte.")]),
    ("space-before-period", "Les activités de groupes terroristes armés . Il y a cinq ans.", "fr",
     [("body", "Les activités de groupes terroristes armés. Il y a cinq ans.")]),
    ("space-before-comma", "Des questions que sont la sécurité , les changements climatiques.", "fr",
     [("body", "Des questions que sont la sécurité, les changements climatiques.")]),
    ("guillemets", "Le rapport intitulé «  Notre programme commun  » a été publié.", "fr",
     [("body", "Le rapport intitulé « Notre programme commun » a été publié.")]),
    ("question-mark", "En tenant compte de leurs mandats respectifs  ?", "fr",
     [("body", "En tenant compte de leurs mandats respectifs ?")]),
    ("markdown", "**Lettre datée du 25 avril 2003**\n\nJ'ai l'honneur de vous **informer**.", "fr",
     [("heading", "Lettre datée du 25 avril 2003"), ("body", "J'ai l'honneur de vous informer.")]),
    ("line-hyphen-kept", "l’Union africaine et d’autres organisations sous-\nrégionales telles que la CEDEAO.",
     "fr", [("body", "l’Union africaine et d’autres organisations sous-régionales telles que la CEDEAO.")]),
    ("line-hyphen-quelques", "pour n’en nommer que quelques-\nunes, ont contribué.", "fr",
     [("body", "pour n’en nommer que quelques-unes, ont contribué.")]),
    ("line-hyphen-spaced", "l’Organisation célèbre son soixante -\nquinzième anniversaire.", "fr",
     [("body", "l’Organisation célèbre son soixante-quinzième anniversaire.")]),
    ("wrapped-lines", "1. La communauté internationale continue de se heurter à de graves\n"
     "difficultés pour assurer le maintien de la paix.", "fr",
     [("numbered", "1. La communauté internationale continue de se heurter à de graves "
       "difficultés pour assurer le maintien de la paix.")]),
    ("page-break-mid-paragraph", "4. Ce qui permet d’éviter les erreurs\n" + PAGE_BREAK
     + "d’appréciation et d’entretenir les occasions d’interaction.", "fr",
     [("numbered", "4. Ce qui permet d’éviter les erreurs d’appréciation et d’entretenir "
       "les occasions d’interaction.")]),
    ("form-feed-page-break", "4. Ce qui permet d’éviter les erreurs\n\f\nS/2021/297\n\n"
     "3/5 21-04084\nd’appréciation.\n\f\n5. Présentant des avantages.", "fr",
     [("numbered", "4. Ce qui permet d’éviter les erreurs d’appréciation."),
      ("numbered", "5. Présentant des avantages.")]),
    ("page-break-new-heading", "dans la région.\n\nA/75/345\n\nS/2020/898\n\n20-11786 10/22\n\n"
     "  Organisation de coopération économique de la mer Noire\n\n33. La Commission a poursuivi.",
     "fr", [("body", "dans la région."),
            ("heading", "Organisation de coopération économique de la mer Noire"),
            ("numbered", "33. La Commission a poursuivi.")]),
    ("job-number-and-barcode", "21-04084 (F)    310321    310321\n\n*2104084*\n\n"
     "  Lettre datée du 25 mars 2021\n\n Le Viet Nam entend organiser un débat.", "fr",
     [("heading", "Lettre datée du 25 mars 2021"), ("body", "Le Viet Nam entend organiser un débat.")]),
    ("numbered-and-lettered", "11. Le débat public viserait à :\n a) souligner la coopération ;\n"
     " b) mettre l’accent sur le dialogue.", "fr",
     [("numbered", "11. Le débat public viserait à :"), ("lettered", "a) souligner la coopération ;"),
      ("lettered", "b) mettre l’accent sur le dialogue.")]),
    ("year-is-not-a-number", "3. Les consultations se sont tenues en avril\n2019. Les États membres ont participé.",
     "fr", [("numbered", "3. Les consultations se sont tenues en avril 2019. Les États membres ont participé.")]),
    ("dash-line-is-not-bullet", "106. Les efforts de résolution des conflits\n– y compris au sein de "
     "l’Organisation – plus difficiles.", "fr",
     [("numbered", "106. Les efforts de résolution des conflits – y compris au sein de "
       "l’Organisation – plus difficiles.")]),
    ("bullets", "Les points abordés sont les suivants :\n\n- Les relations internationales en sont à un "
     "stade critique.\n- Il est important de travailler en partenariat.", "fr",
     [("body", "Les points abordés sont les suivants :"),
      ("bullet", "- Les relations internationales en sont à un stade critique."),
      ("bullet", "- Il est important de travailler en partenariat.")]),
    ("heading-then-numbered", "  Contexte \n \n1. La communauté internationale continue.", "fr",
     [("heading", "Contexte"), ("numbered", "1. La communauté internationale continue.")]),
    ("roman-heading", "  I. Introduction \n \n1. La pandémie a plongé le monde dans une crise.", "fr",
     [("heading", "I. Introduction"), ("numbered", "1. La pandémie a plongé le monde dans une crise.")]),
    ("initial-is-not-a-section", "1. Le Secrétaire général a pris la parole.\nA. Guterres a "
     "rappelé les principes.", "fr",
     [("numbered", "1. Le Secrétaire général a pris la parole. A. Guterres a rappelé les principes.")]),
    ("one-line-heading-then-indented-body", " Résumé\n La coopération est d’une importance\ncritique.",
     "fr", [("heading", "Résumé"), ("body", "La coopération est d’une importance critique.")]),
    ("weak-indent-continuation", " C’est dans ce domaine qu’œuvre la Communauté d ’États\n"
     " indépendants (CEI). Elle contribue.", "fr",
     [("body", "C’est dans ce domaine qu’œuvre la Communauté d’États indépendants (CEI). Elle contribue.")]),
    ("signature-fr", " Je vous serais reconnaissant de bien vouloir faire distribuer la lettre.\n \n"
     "L’Ambassadeur,\nReprésentant permanent du Mexique\n(Signé) Juan Ramón de la Fuente\n"
     "   Annexe à la lettre datée du 19 octobre 2021\n", "fr",
     [("body", "Je vous serais reconnaissant de bien vouloir faire distribuer la lettre."),
      ("signature", "L’Ambassadeur, Représentant permanent du Mexique"),
      ("signature", "(Signé) Juan Ramón de la Fuente"),
      ("heading", "Annexe à la lettre datée du 19 octobre 2021")]),
    ("original-line", "  Annexe à la lettre\n \n[Original : russe]\n \n  Document de réflexion", "fr",
     [("heading", "Annexe à la lettre"), ("masthead", "[Original : russe]"),
      ("heading", "Document de réflexion")]),
    ("masthead", " Nations Unies  S/2021/297 \n   \nConseil de sécurité  \nDistr. générale \n"
     "26 mars 2021 \nFrançais \nOriginal : anglais \n \n  Lettre datée du 25 mars 2021", "fr",
     [("masthead", "Nations Unies"), ("masthead", "S/2021/297"), ("masthead", "Conseil de sécurité"),
      ("masthead", "Distr. générale"), ("masthead", "26 mars 2021"), ("masthead", "Français"),
      ("masthead", "Original : anglais"), ("heading", "Lettre datée du 25 mars 2021")]),
    ("no-indentation-short-last-line", "Le Viet Nam entend organiser un débat public sur le thème "
     "de la coopération entre\nl’Organisation et les organisations régionales.\nAfin d’orienter "
     "le débat, le Viet Nam a établi la note de cadrage ci-jointe (voir\nannexe).\nJe vous serais "
     "reconnaissant de bien vouloir faire distribuer le texte de la\nprésente lettre. Il sera "
     "distribué comme document du Conseil de sécurité\net publié.", "fr",
     [("body", "Le Viet Nam entend organiser un débat public sur le thème de la coopération entre "
       "l’Organisation et les organisations régionales."),
      ("body", "Afin d’orienter le débat, le Viet Nam a établi la note de cadrage ci-jointe (voir annexe)."),
      ("body", "Je vous serais reconnaissant de bien vouloir faire distribuer le texte de la présente "
       "lettre. Il sera distribué comme document du Conseil de sécurité et publié.")]),
    ("no-indentation-heading", "United Nations S/2021/297\nSecurity Council Distr.: General\n"
     "21-04084 (E) 310321\nLetter dated 25 March 2021 from the Permanent Representative of Viet Nam\n"
     "to the United Nations addressed to the Secretary-General\nViet Nam will hold the presidency "
     "of the Security Council in April 2021. In that capacity,\nit intends to organize an open "
     "debate on cooperation between the United Nations and\nregional and subregional "
     "organizations in confidence-building and dialogue in conflict\nprevention and resolution.",
     "en",
     [("masthead", "United Nations"), ("masthead", "S/2021/297"), ("masthead", "Security Council"),
      ("masthead", "Distr.: General"),
      ("heading", "Letter dated 25 March 2021 from the Permanent Representative of Viet Nam to the "
       "United Nations addressed to the Secretary-General"),
      ("body", "Viet Nam will hold the presidency of the Security Council in April 2021. In that "
       "capacity, it intends to organize an open debate on cooperation between the United Nations "
       "and regional and subregional organizations in confidence-building and dialogue in conflict "
       "prevention and resolution.")]),
    ("english-clitic", "The United Nations ' s role in con flict prevention , however, remains "
     "crucial.", "en", [("body", "The United Nations's role in conflict prevention, however, "
                                 "remains crucial.")]),
    ("english-lettered", "1. The Council:\n (a) Underlines the importance of cooperation;\n"
     " (b) Decides to remain seized of the matter.", "en",
     [("numbered", "1. The Council:"), ("lettered", "(a) Underlines the importance of cooperation;"),
      ("lettered", "(b) Decides to remain seized of the matter.")]),
    ("english-signature", " I should be grateful if you would circulate this letter.\n \n"
     "(Signed) Dang Dinh Quy\nAmbassador Extraordinary and Plenipotentiary\n", "en",
     [("body", "I should be grateful if you would circulate this letter."),
      ("signature", "(Signed) Dang Dinh Quy"),
      ("signature", "Ambassador Extraordinary and Plenipotentiary")]),
]


def _pairs(doc):
    return [(p.kind, p.text) for p in doc.paragraphs if p.kind != "footnote"]


@pytest.mark.parametrize(("source", "lang", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_cleaning_snippets(source, lang, expected):
    assert _pairs(clean_text(source, lang)) == expected


# (id, source, paragraph text, its notes, the footnotes)
NOTE_CASES = [
    ("thousands", "1. Le nombre a dépassé 488 0001. Ce constat nous fait souffrir.\n"
     "__________________\n 1 Uppsala Conflict Data Program, 2021.\n",
     "1. Le nombre a dépassé 488 000. Ce constat nous fait souffrir.", ["1"],
     [("1", "Uppsala Conflict Data Program, 2021.")]),
    ("word", "1. Il a atteint 31,6 milliards de dollars2.\n__________________\n 2 Voir rapport du "
     "Secrétaire général intitulé « L’Organisation des Nations Unies et la prévention des\n"
     "conflits » (S/2015/730).\n",
     "1. Il a atteint 31,6 milliards de dollars.", ["2"],
     [("2", "Voir rapport du Secrétaire général intitulé « L’Organisation des Nations Unies et "
       "la prévention des conflits » (S/2015/730).")]),
    ("english-thousands", "1. Conflicts have claimed more than 488,0001 lives.\n__________\n"
     " 1 Uppsala Conflict Data Program.\n", "1. Conflicts have claimed more than 488,000 lives.",
     ["1"], [("1", "Uppsala Conflict Data Program.")]),
    ("only-the-expected-number", "1. En 2019, le G20 a siégé à Osaka1.\n__________\n 1 Voir.\n",
     "1. En 2019, le G20 a siégé à Osaka.", ["1"], [("1", "Voir.")]),
]


@pytest.mark.parametrize(("source", "text", "notes", "footnotes"), [c[1:] for c in NOTE_CASES],
                         ids=[c[0] for c in NOTE_CASES])
def test_footnote_numbers_detached(source, text, notes, footnotes):
    doc = clean_text(source, guess_lang(source))
    body = doc.body()
    assert [p.text for p in body] == [text]
    assert body[0].notes == notes
    assert [(n.number, n.text) for n in doc.footnotes] == footnotes
    assert [p.kind for p in doc.paragraphs].count("footnote") == len(footnotes)


def test_refs_go_to_the_citing_paragraph():
    source = ("7. Comme suite à la résolution 2457 (2019) du Conseil, elle a créé une équipe.\n"
              "8. Le Bureau est à l’origine du Cycle de conférences.\n"
              "https://undocs.org/fr/S/RES/2457(2019)\n\n"
              "9. Envoyez une déclaration (dppa-scsb3@un.org).\n10. Le Secrétaire général.\n\n"
              "mailto:dppa-scsb3@un.org\n")
    doc = clean_text(source, "fr")
    refs = {p.marker: p.refs for p in doc.paragraphs}
    assert refs == {"7.": ["https://undocs.org/fr/S/RES/2457(2019)"], "8.": [],
                    "9.": ["mailto:dppa-scsb3@un.org"], "10.": []}
    assert "undocs" not in " ".join(p.text for p in doc.paragraphs)


def test_interleaved_extraction_keeps_paragraphs():
    source = (" Le Viet Nam entend organiser un débat public sur le thème de la \n\n"
              "coopération entre l’Organisation et les organisations régionales.  \n\n"
              " Afin d’orienter le débat, le Viet Nam a établi une note \n\n"
              "de cadrage.  \n\n \n\nL’Ambassadeur,  \n\nReprésentant permanent du Viet Nam  \n\n"
              "(Signé) Dang Dinh Quy \n")
    assert _pairs(clean_text(source, "fr")) == [
        ("body", "Le Viet Nam entend organiser un débat public sur le thème de la coopération "
                 "entre l’Organisation et les organisations régionales."),
        ("body", "Afin d’orienter le débat, le Viet Nam a établi une note de cadrage."),
        ("signature", "L’Ambassadeur, Représentant permanent du Viet Nam"),
        ("signature", "(Signé) Dang Dinh Quy"),
    ]


def test_empty_text_is_an_input_error():
    from aligner.errors import InputError

    with pytest.raises(InputError):
        clean_text(" \n\n \n", "fr")


# --- whole documents ---------------------------------------------------------------------

_FURNITURE = re.compile(
    r"^\s*(?:\d{2}-\d{5}.*|\d+/\d+\s+\d{2}-\d{5}|\*\d+\*|_{5,}|https?://\S+|mailto:\S+|"
    r"[AS]/\d+/\d+)\s*$"
)


def _raw_tokens(source: str) -> list[str]:
    kept = [line for line in source.replace("**", "").split("\n") if not _FURNITURE.match(line)]
    return re.findall(r"\w+", "\n".join(kept))


def _cleaned_blob(doc) -> str:
    parts = [p.text for p in doc.paragraphs] + [n.text for n in doc.footnotes]
    parts += [" ".join(p.notes + p.refs) for p in doc.paragraphs] + doc.header
    return re.sub(r"\s+", "", " ".join(parts))


def _documents(seeds_root):
    import seeds

    return [*seeds.french_documents(), seeds_root / "udhr" / "udhr_eng.txt"]


@pytest.fixture(scope="module")
def cleaned(seeds_root):
    return {path.name: (path.read_text(encoding="utf-8"), clean_file(path))
            for path in _documents(seeds_root)}


def test_every_word_survives_and_none_is_invented(cleaned):
    for name, (source, doc) in cleaned.items():
        blob = _cleaned_blob(doc)
        glued = re.compile("(?:" + "|".join(n.number for n in doc.footnotes) + ")$")
        for token, count in Counter(_raw_tokens(source)).items():
            # a detached note number: "dollars2" is "dollars", "0001" is "000"
            stripped = glued.sub("", token) if doc.footnotes else token
            found = max(blob.count(token), blob.count(stripped))
            assert found >= count, f"{name}: {token!r} {count}x in the source, {found}x cleaned"
        squeezed_source = re.sub(r"\s+", "", source.replace("**", ""))
        for token in re.findall(r"\w+", " ".join(p.text for p in doc.paragraphs)):
            assert token in squeezed_source, f"{name}: {token!r} was invented"


def test_offsets_point_into_the_source(cleaned):
    for name, (source, doc) in cleaned.items():
        for para in doc.paragraphs:
            assert len(para.offsets) == len(para.text), name
            for ch, at in zip(para.text, para.offsets, strict=True):
                if ch.isalnum():
                    assert source[at] == ch, f"{name}: {ch!r} at {at} is {source[at]!r}"
            assert para.start <= para.offsets[0] and para.offsets[-1] < para.end


def test_kinds_are_known_and_nothing_is_empty(cleaned):
    for name, (_source, doc) in cleaned.items():
        assert doc.paragraphs, name
        for para in doc.paragraphs:
            assert para.kind in PARAGRAPH_KINDS and para.text.strip() == para.text != "", name
            assert "  " not in para.text and "**" not in para.text, (name, para.text)


def test_s_2021_297(cleaned):
    _source, doc = cleaned["S-2021-297.fr.txt"]
    assert doc.symbol == "S/2021/297"
    assert doc.header == ["Nations Unies", "S/2021/297", "Conseil de sécurité", "Distr. générale",
                          "26 mars 2021", "Français", "Original : anglais"]
    numbered = [p for p in doc.paragraphs if p.kind == "numbered"]
    assert [p.marker for p in numbered] == [f"{n}." for n in range(1, 17)]
    assert numbered[0].notes == ["1", "2"] and "488 000. Ce constat" in numbered[0].text
    assert "éviter les erreurs d’appréciation et d’entretenir" in numbered[3].text
    assert "re lations" not in numbered[4].text and "aux relations interétatiques" in numbered[4].text
    assert [n.number for n in doc.footnotes] == ["1", "2"]
    assert numbered[13].refs == ["mailto:dppa-scsb3@un.org"]
    kinds = Counter(p.kind for p in doc.paragraphs)
    assert kinds["lettered"] == 9 and kinds["signature"] == 2 and kinds["heading"] == 7 and kinds["footnote"] == 2
    assert all("21-04084" not in p.text for p in doc.paragraphs)


def test_a_75_345(cleaned):
    _source, doc = cleaned["A-75-345-S-2020-898.fr.txt"]
    assert doc.symbol == "A/75/345-S/2020/898"
    numbered = [p for p in doc.paragraphs if p.kind == "numbered"]
    assert [p.marker for p in numbered] == [f"{n}." for n in range(1, 109)]
    assert numbered[49].notes == ["1"] and numbered[49].text.endswith("institutionnelle.")
    assert numbered[49].refs == ["https://undocs.org/fr/A/RES/72/262"]
    assert "soixante-quinzième anniversaire" in numbered[107].text
    headings = [p.text for p in doc.paragraphs if p.kind == "heading"]
    assert "Résumé" in headings and "IV. Observations et recommandations" in headings


def test_udhr_english(cleaned):
    _source, doc = cleaned["udhr_eng.txt"]
    assert doc.lang == "en" and len(doc.header) == 4
    assert [p.text for p in doc.paragraphs if p.kind == "heading"].count("Article 1") == 1
    assert sum(p.text.startswith("Article ") for p in doc.paragraphs if p.kind == "heading") == 30


def test_other_letters(cleaned):
    for name in ("2021-10-19-Mexique-lettre.fr.txt", "2016-10-14-Federation-de-Russie-lettre.fr.txt",
                 "2003-04-25-Mexique-lettre.fr.txt"):
        doc = cleaned[name][1]
        kinds = [p.kind for p in doc.paragraphs]
        assert "signature" in kinds and "heading" in kinds, name
        assert any(p.text.startswith("(Signé)") for p in doc.paragraphs), name


def test_language_warning():
    text = "The Security Council and the Secretary-General of the United Nations. " * 10
    doc = clean_text(text, "fr")
    assert doc.warnings and "English" in doc.warnings[0]
    assert clean_text(text, None).lang == "en"


def test_shipped_word_list_is_rebuilt_from_the_seeds(seeds_root):
    assert set(build_word_list(corpus_files(seeds_root))) == shipped_words()


ENGLISH_LETTER_LINES = """
 United Nations  S/2021/297

Security Council  Distr.: General

26 March 2021

Original: English

21-04084 (E)    310321

*2104084*

  Letter dated 25 March 2021 from the Permanent Representative of

Viet Nam to the United Nations addressed to the Secretary-General
~

 Viet Nam will hold the presidency of the Security Council in April 2021. In

that capacity, it intends to organize an open debate on the theme “Enhancing

cooperation between the United Nations and regional organizations” .

 I should be grateful if you would have the present letter circulated as a

document of the Security Council.
~

(Signed) Dang Dinh Quy

Ambassador Extraordinary and Plenipotentiary

Permanent Representative of Viet Nam to the United Nations

  Concept note
~

1. Since 2015, conflicts have claimed more than 488,0001 lives. The United

Nations ' s role in con flict prevention , however, remains essential in order

__________________

 1 Uppsala Conflict Data Program, 2021; see also the report of the Secretary-

General (S/2015/730).

https://undocs.org/en/S/2015/730

S/2021/297
~

21-04084 2/5

~

to avoid miscalculations.2

2. Regional organizations have comparative advantages.
"""
# Every printed line ends with a space and "~" is a line of one space, as in the seeds.
ENGLISH_LETTER = "\n".join(
    " " if line == "~" else line + " " if line else "" for line in ENGLISH_LETTER_LINES.split("\n")
)


def test_english_letter():
    doc = clean_text(ENGLISH_LETTER, None)
    assert doc.lang == "en" and doc.symbol == "S/2021/297" and not doc.warnings
    assert doc.header == ["United Nations", "S/2021/297", "Security Council", "Distr.: General",
                          "26 March 2021", "Original: English"]
    assert _pairs(doc)[6:] == [
        ("heading", "Letter dated 25 March 2021 from the Permanent Representative of Viet Nam to "
                    "the United Nations addressed to the Secretary-General"),
        ("body", "Viet Nam will hold the presidency of the Security Council in April 2021. In that "
                 "capacity, it intends to organize an open debate on the theme “Enhancing "
                 "cooperation between the United Nations and regional organizations”."),
        ("body", "I should be grateful if you would have the present letter circulated as a "
                 "document of the Security Council."),
        ("signature", "(Signed) Dang Dinh Quy"),
        ("signature", "Ambassador Extraordinary and Plenipotentiary Permanent Representative of "
                      "Viet Nam to the United Nations"),
        ("heading", "Concept note"),
        ("numbered", "1. Since 2015, conflicts have claimed more than 488,000 lives. The United "
                     "Nations's role in conflict prevention, however, remains essential in order "
                     "to avoid miscalculations.2"),
        ("numbered", "2. Regional organizations have comparative advantages."),
    ]
    first = doc.paragraphs[-3]
    assert first.notes == ["1"] and first.refs == ["https://undocs.org/en/S/2015/730"]
    assert [(n.number, n.text) for n in doc.footnotes] == [
        ("1", "Uppsala Conflict Data Program, 2021; see also the report of the Secretary-General "
              "(S/2015/730).")]
