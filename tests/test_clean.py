"""Cleaning PDF-extracted UN text: snippets taken from the seeds (see also test_clean_documents)."""

from __future__ import annotations

import pytest

from aligner.clean import clean_text, guess_lang

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
    ("pdf-characters", "Les con\u00ad\nflits et la coopéra\u00adtion ; la conﬁance\u200b mutuelle.\t"
     "Le\tdialogue.", "fr",
     [("body", "Les conflits et la coopération ; la confiance mutuelle. Le dialogue.")]),
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
    ("general-assembly-masthead", "Nations Unies A/75/345–S/2020/898\nAssemblée générale\n"
     "Conseil de sécurité\nDistr. générale\n2 septembre 2020\nFrançais\nOriginal : anglais\n"
     "Assemblée générale Conseil de sécurité\nSoixante-quinzième session Soixante-quinzième année\n"
     "Point 83 de l’ordre du jour provisoire*\n\n  Coopération entre l’Organisation des Nations Unies",
     "fr",
     [("masthead", "Nations Unies"), ("masthead", "A/75/345–S/2020/898"),
      ("masthead", "Assemblée générale"), ("masthead", "Conseil de sécurité"),
      ("masthead", "Distr. générale"), ("masthead", "2 septembre 2020"), ("masthead", "Français"),
      ("masthead", "Original : anglais"), ("masthead", "Assemblée générale"),
      ("masthead", "Conseil de sécurité"), ("masthead", "Soixante-quinzième session"),
      ("masthead", "Soixante-quinzième année"),
      ("masthead", "Point 83 de l’ordre du jour provisoire*"),
      ("heading", "Coopération entre l’Organisation des Nations Unies")]),
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
