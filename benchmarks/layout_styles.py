"""Six UN layouts (1994 to 2021; New York, Geneva, Vienna, Nairobi) and how each composes
a document from UNPC sentence pairs (:class:`benchmarks.make_layouts.Source`).

The masthead, heads and footers copy the furniture of real UN documents of each kind; the
formulas (``L’Assemblée générale,``, the letter title, ``(Signé)``) are the standard ones.
"""

from __future__ import annotations

from benchmarks.layout_pages import Layout, Para

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def fixed(kind: str, fr: str, en: str, **kw) -> Para:
    return Para(kind, [fr], [en], [((0,), (0,))], **kw)


def note_pair(source) -> dict:
    fr, en = source.take("short")[0]
    return {"fr": fr, "en": en}


def numbered(source, count: int, start: int = 1, notes: float = 0.15,
             items: float = 0.15, item_style: str = "letter") -> list[Para]:
    """``count`` numbered paragraphs of 1-3 sentences; some cite a footnote, some are
    followed by sub-items a) b) or (i) (ii)."""
    from benchmarks.make_layouts import para

    rng = source.rng
    out = []
    for n in range(start, start + count):
        pairs = source.take("sentence", rng.choice((1, 1, 2, 2, 3)))
        note = note_pair(source) if rng.random() < notes else None
        out.append(para("numbered", pairs, {"fr": f"{n}.", "en": f"{n}."}, source, note))
        if rng.random() < items:
            for k in range(rng.randint(2, 4)):
                mark = "abcdefgh"[k] + ")" if item_style == "letter" else f"({ROMAN[k].lower()})"
                en_mark = f"({'abcdefgh'[k]})" if item_style == "letter" else mark
                out.append(para("lettered", source.take("sentence"), {"fr": mark, "en": en_mark}))
    return out


def heading(source, roman: int | None = None, caps: bool = False) -> Para:
    fr, en = source.take("heading")[0]
    if caps:
        fr, en = _unaccented(fr.upper()), en.upper()
    marker = {"fr": f"{ROMAN[roman]}.", "en": f"{ROMAN[roman]}."} if roman is not None else {}
    return Para("heading", [fr], [en], [((0,), (0,))], marker)


def _unaccented(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def toc(sections: list[Para], first_page: int = 3) -> list[Para]:
    """Table-of-contents lines with dot leaders (not gold: the cleaner drops them)."""
    out = [fixed("heading", "TABLE DES MATIERES", "CONTENTS"),
           Para("toc", ["Paragraphes Page"], ["Paragraphs Page"], [], gold=False)]
    para_no = 1
    for k, section in enumerate(sections):
        lines = {}
        for lang in ("fr", "en"):
            title = getattr(section, lang)[0][:48]
            dots = "." * max(3, 54 - len(title))
            lines[lang] = [f"{ROMAN[k]}. {title} {dots} {para_no} - {para_no + 4} {first_page + k}"]
        out.append(Para("toc", lines["fr"], lines["en"], [], gold=False))
        para_no += 5
    return out


# --------------------------------------------------------------------------- compositions


def compose_resolution(source, layout: Layout) -> list[Para]:
    from benchmarks.make_layouts import para

    rng = source.rng
    fr_title, en_title = source.take("heading")[0]
    paras = [
        fixed("heading", "RESOLUTION ADOPTEE PAR L’ASSEMBLEE GENERALE",
              "RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY"),
        fixed("heading", "[sur le rapport de la Cinquième Commission (A/48/811)]",
              "[on the report of the Fifth Committee (A/48/811)]"),
        Para("title", [fr_title], [en_title], [((0,), (0,))], {"fr": "48/161.", "en": "48/161."}),
        fixed("body", "L’Assemblée générale,", "The General Assembly,"),
    ]
    for _ in range(12):
        note = note_pair(source) if rng.random() < 0.2 else None
        paras.append(para("preamble", source.take("preamble"), notes=note))
    for n in range(1, 15):
        kind = "operative" if source.pools["operative"] else "sentence"
        pairs = source.take(kind)
        if pairs[0][0].endswith(".") and rng.random() < 0.3:  # a second sentence
            pairs += source.take("sentence")
        note = note_pair(source) if rng.random() < 0.15 else None
        paras.append(para("numbered", pairs, {"fr": f"{n}.", "en": f"{n}."}, source, note))
        if rng.random() < 0.15:
            for k in range(3):
                mark = "abc"[k]
                paras.append(para("lettered", source.take("sentence"),
                                  {"fr": f"{mark})", "en": f"({mark})"}))
    paras.append(fixed("heading", "85e séance plénière", "85th plenary meeting"))
    return paras


def compose_report(source, layout: Layout, sections: int = 4, per: int = 5,
                   caps: bool = False, with_toc: bool = False, annex: bool = False,
                   item_style: str = "letter", title: tuple[str, str] | None = None) -> list[Para]:
    rng = source.rng
    head = source.take("heading")[0]
    if caps:
        head = (_unaccented(head[0].upper()), head[1].upper())
    paras = [Para("title", [head[0]], [head[1]], [((0,), (0,))],
                  notes={"fr": "Soumis en retard.", "en": "Late submission."})]
    if title:
        paras.append(fixed("heading", *title))
    heads = [heading(source, k, caps) for k in range(sections)]
    if with_toc:
        paras.extend(toc(heads))
    n = 1
    for k in range(sections):
        paras.append(heads[k])
        paras.extend(numbered(source, per + rng.randint(0, 2), n, item_style=item_style))
        n = max((int(p.marker["fr"][:-1]) for p in paras if p.kind == "numbered"), default=0) + 1
    if annex:
        paras.append(fixed("heading", "Annexe", "Annex"))
        paras.append(heading(source, None, caps))
        paras.extend(numbered(source, 5, 1))
    return paras


def compose_letter(source, layout: Layout) -> list[Para]:
    from benchmarks.make_layouts import para

    rng = source.rng
    paras = [fixed("heading",
                   "Lettre datée du 25 mars 2021, adressée au Président du Conseil de sécurité "
                   "par le Représentant permanent du Viet Nam auprès de l’Organisation des "
                   "Nations Unies",
                   "Letter dated 25 March 2021 from the Permanent Representative of Viet Nam to "
                   "the United Nations addressed to the President of the Security Council")]
    for _ in range(3):
        paras.append(para("body", source.take("sentence", rng.choice((1, 2))), source=source))
    paras.append(fixed(
        "body", "Je vous serais reconnaissant de bien vouloir faire distribuer le texte de la "
        "présente lettre et de son annexe comme document du Conseil de sécurité.",
        "I should be grateful if you would have the present letter and its annex circulated "
        "as a document of the Security Council."))
    paras.append(Para("signature", ["L’Ambassadeur, Représentant permanent",
                                    "(Signé) Dang Dinh Quy"],
                      ["(Signed) Dang Dinh Quy", "Ambassador, Permanent Representative"],
                      [((0,), (1,)), ((1,), (0,))]))  # the title and the name cross
    paras.append(fixed(
        "heading", "Annexe à la lettre datée du 25 mars 2021 adressée au Président du Conseil "
        "de sécurité par le Représentant permanent du Viet Nam auprès de l’Organisation des "
        "Nations Unies",
        "Annex to the letter dated 25 March 2021 from the Permanent Representative of Viet Nam "
        "to the United Nations addressed to the President of the Security Council"))
    paras.append(heading(source))
    paras.extend(numbered(source, 14, 1, notes=0.25, items=0.2))
    return paras


def _head(symbol: str, page_word: bool = False, language: bool = False):
    def head(page: int, lang: str) -> list[str]:
        lines = [symbol]
        if language:
            lines.append("Français" if lang == "fr" else "English")
        if page_word:
            lines.append(f"Page {page}")
        return lines
    return head


LAYOUTS = {
    "ny1994_resolution": (Layout(
        "ny1994_resolution", font="Courier", size=10, width=430,
        masthead=lambda lang: (["\x04NATIONS A", "\x04UNIES", "Assemblée générale", "Distr.",
                                "GENERALE", "A/RES/48/161", "4 février 1994",
                                "Quarante-huitième session", "Point 172 de l’ordre du jour"]
                               if lang == "fr" else
                               ["\x04UNITED NATIONS A", "General Assembly", "Distr.", "GENERAL",
                                "A/RES/48/161", "4 February 1994", "Forty-eighth session",
                                "Agenda item 172"]),
        head=lambda page, lang: ["A/RES/48/161"] + ([] if page % 2 == 0 else [f"Page {page}"]),
        first_foot=lambda lang: ["94-01234 (F)" if lang == "fr" else "94-01234"],
        glue_head=True, cont="/...", notes="slash", caps_fr=True, gaps=0.01, lines_per_page=52,
    ), compose_resolution),
    "ge2009_hrc_report": (Layout(
        "ge2009_hrc_report", font="Times-Roman", size=11, width=440,
        masthead=lambda lang: (["A/HRC/13/22", "NATIONS UNIES", "Assemblée générale",
                                "Distr. GENERALE", "15 décembre 2009", "FRANCAIS",
                                "Original : ANGLAIS", "CONSEIL DES DROITS DE L’HOMME",
                                "Treizième session", "Point 3 de l’ordre du jour"]
                               if lang == "fr" else
                               ["UNITED NATIONS", "A", "General Assembly", "Distr. GENERAL",
                                "A/HRC/13/22", "15 December 2009", "Original: ENGLISH",
                                "HUMAN RIGHTS COUNCIL", "Thirteenth session", "Agenda item 3"]),
        head=lambda page, lang: ["A/HRC/13/22", f"page {page}"],
        foot=lambda page, lang: [f"GE.09-17088 {page}"] if page % 2 else [],
        first_foot=lambda lang: ["GE.09-17088 (F) 111209 161209" if lang == "fr"
                                 else "GE.09-17088 (E) 111209"],
        notes="sup", caps_fr=True, rule_blank=True, gaps=0.02,
    ), lambda s, lay: compose_report(s, lay, 4, 5, caps=True, with_toc=True)),
    "ny2021_letter": (Layout(
        "ny2021_letter", font="Times-Roman", size=10, width=430,
        masthead=lambda lang: (["Nations Unies S/2021/297", "Conseil de sécurité Distr. générale",
                                "26 mars 2021", "Français", "Original : anglais"]
                               if lang == "fr" else
                               ["United Nations S/2021/297", "Security Council Distr.: General",
                                "26 March 2021", "Original: English"]),
        head=lambda page, lang: ["S/2021/297"],
        foot=lambda page, lang: ([f"{page}/{{total}} 21-04084"] if page % 2 == 0
                                 else [f"21-04084 {page}/{{total}}"]),
        first_foot=lambda lang: ["21-04084 (F) 310321 310321" if lang == "fr"
                                 else "21-04084 (E) 310321", "*2104084*"],
        notes="sup", gaps=0.02,
    ), compose_letter),
    "vi2015_cnd_report": (Layout(
        "vi2015_cnd_report", font="Helvetica", size=9.5, width=420,
        masthead=lambda lang: (["Nations Unies E/CN.7/2015/13",
                                "Conseil économique et social Distr. générale",
                                "15 janvier 2015", "Français", "Original : anglais",
                                "Commission des stupéfiants", "Cinquante-huitième session",
                                "Vienne, 9-17 mars 2015", "Point 5 de l’ordre du jour provisoire"]
                               if lang == "fr" else
                               ["United Nations E/CN.7/2015/13",
                                "Economic and Social Council Distr.: General", "15 January 2015",
                                "Original: English", "Commission on Narcotic Drugs",
                                "Fifty-eighth session", "Vienna, 9-17 March 2015",
                                "Item 5 of the provisional agenda"]),
        head=lambda page, lang: ["E/CN.7/2015/13"],
        foot=lambda page, lang: ([f"{page}/{{total}} V.15-00123"] if page % 2 == 0
                                 else [f"V.15-00123 {page}/{{total}}"]),
        first_foot=lambda lang: ["V.15-00123 (F) 150115 160115" if lang == "fr"
                                 else "V.15-00123 (E) 150115 160115", "*1500123*"],
        notes="sup", gaps=0.02,
    ), lambda s, lay: compose_report(s, lay, 4, 5, item_style="roman",
                                     title=("Rapport du Secrétariat", "Report of the Secretariat"))),
    "nb2015_unep_report": (Layout(
        "nb2015_unep_report", font="Times-Roman", size=10.5, width=440,
        masthead=lambda lang: (["NATIONS UNIES EP", "UNEP/EA.2/1",
                                "Assemblée des Nations Unies pour l’environnement du Programme "
                                "des Nations Unies pour l’environnement",
                                "Distr. : générale 12 mars 2015", "Français Original : anglais",
                                "Deuxième session", "Nairobi, 23-27 mai 2016",
                                "Point 4 de l’ordre du jour provisoire"]
                               if lang == "fr" else
                               ["UNITED NATIONS EP", "UNEP/EA.2/1",
                                "United Nations Environment Assembly of the United Nations "
                                "Environment Programme", "Distr.: General 12 March 2015",
                                "Original: English", "Second session", "Nairobi, 23-27 May 2016",
                                "Item 4 of the provisional agenda"]),
        head=lambda page, lang: ["UNEP/EA.2/1"],
        foot=lambda page, lang: [str(page)],
        first_foot=lambda lang: ["K1500123 120315"],
        notes="sup", rule="line", gaps=0.02,
    ), lambda s, lay: compose_report(
        s, lay, 3, 6, title=("Rapport du Directeur exécutif", "Report of the Executive Director"))),
    "ny1998_report": (Layout(
        "ny1998_report", font="Courier", size=10, width=430,
        masthead=lambda lang: (["A/53/345", "Assemblée générale", "\x04NATIONS UNIES",
                                "Distr. GENERALE", "8 septembre 1998", "FRANCAIS",
                                "ORIGINAL : ANGLAIS", "Cinquante-troisième session",
                                "Point 110 de l’ordre du jour provisoire"]
                               if lang == "fr" else
                               ["\x04UNITED NATIONS", "General Assembly", "Distr. GENERAL",
                                "A/53/345", "8 September 1998", "ORIGINAL: ENGLISH",
                                "Fifty-third session", "Item 110 of the provisional agenda"]),
        head=_head("A/53/345", page_word=True, language=True),
        first_foot=lambda lang: ["98-25801 (F) 150998 160998" if lang == "fr"
                                 else "98-25801 (E) 150998"],
        cont="/...", notes="slash", caps_fr=True, gaps=0.01, lines_per_page=52,
    ), lambda s, lay: compose_report(
        s, lay, 3, 5, caps=True, with_toc=True, annex=True,
        title=("Rapport du Secrétaire général", "Report of the Secretary-General"))),
}
