"""The cues of :mod:`checks.cues` are necessary conditions: a pattern run only where its cue
is found finds nothing where the cue is absent (so skipping it changes no result), on the UN
Parallel Corpus devset, on long windows of it and on texts written to break the cues
(capitals, the letters ``re.I`` folds apart from ``str.lower``)."""

from __future__ import annotations

import pytest

import seeds
from checks import clock, cues, figures, quantities, romans

#: Texts where each pattern matches, in cases and spellings a cue could miss.
HOSTILE = [
    "at NOON and at Midnight, HALF of them; one MILLION; a triennial plan; ONE BILLION",
    "à midi et à minuit, la MOITIÉ; un MILLIARD; une DIZAINE; des Centaines; décennal",
    "trois ans et demi, 2 and a half years, 4 et demie; le XXIe siècle, the XIVth",
    "S/2015/446-A/70/95, 2014-2015, 2010/11, 20142015, the 1990s, les années 1960s",
    "le 1er JANVIER 2021, 3 Février, 15 août, 9 aout; on 4 MAY 2020, December 12, 2019",
    'September 2014.42, ranges"18 and position.2; “quoted”3 and «fin»4',
    "İstanbul at noon, ſeptember 3, ı, the NOON ſession, 3 ſeptember 2014, MİDNİGHT",
    "ΣΑΣ İİ ſſ noon İ3 Mİllion, biennİal, moİtié, un mİlliard",
    "",
    " ",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    base = seeds.path("unpc", "UNv1.0.devset")
    fr = base.with_name(base.name + ".fr").read_text(encoding="utf-8").splitlines()
    en = base.with_name(base.name + ".en").read_text(encoding="utf-8").splitlines()
    lines = fr[:2000] + en[:2000]
    windows = [" ".join(lines[i : i + 12]) for i in range(0, len(lines), 12)]  # ~2 KB each
    return lines + windows + HOSTILE


def _word(*words: str):
    return lambda text: any(w in text for w in words)


def _lower_word(*words: str):
    return lambda text: cues.any_cue(text, *words)


#: (name, pattern, cue): the pattern is only run where cue(text) is true.
GATED = [
    ("noon en", figures._NOON["en"], _lower_word("noon")),
    ("noon fr", figures._NOON["fr"], _word("midi")),
    ("midnight en", figures._MIDNIGHT["en"], _lower_word("midnight")),
    ("midnight fr", figures._MIDNIGHT["fr"], _word("minuit")),
    ("about", figures._ABOUT, _lower_word("aine")),
    ("one million fr", figures._ONE_MILLION["fr"], _lower_word("illi")),
    ("one million en", figures._ONE_MILLION["en"], _lower_word("illi")),
    ("years", figures._YEARS, _lower_word("enn")),
    ("half fr", figures._HALF["fr"], _lower_word("moitié")),
    ("half en", figures._HALF["en"], _lower_word("half")),
    ("and a half", figures._AND_HALF_FIGURE, _word("demi", "half")),
    ("roman ordinal", figures._ROMAN_ORDINAL, figures._ROMAN_ORDINAL_CUE.search),
    ("symbol", quantities._SYMBOL, _word("/")),
    ("date fr", quantities._DATE_FR, lambda t: cues.has_month(t, "fr")),
    ("date en dmy", quantities._DATE_EN_DMY, lambda t: cues.has_month(t, "en")),
    ("date en mdy", quantities._DATE_EN_MDY, lambda t: cues.has_month(t, "en")),
    ("roman", romans.ROMAN, cues.ROMAN.search),
    ("decade", quantities._DECADE, _word("0s")),
    ("decade en", quantities._DECADE_EN, _word("0s")),
]


@pytest.mark.parametrize(("name", "regex", "cue"), GATED, ids=[g[0] for g in GATED])
def test_a_pattern_finds_nothing_without_its_cue(texts, name, regex, cue):
    found = skipped = 0
    for text in texts:
        matches = [m.span() for m in regex.finditer(text)]
        if not cue(text):
            assert matches == [], (name, text)
            skipped += 1
        found += bool(matches)
    assert found  # the pattern is used on these texts
    assert skipped  # and the cue spares some of them


def test_the_odd_case_letters_are_searched():
    """A text with a letter ``re.I`` folds apart from ``str.lower`` has every cue."""
    assert figures._NOON["en"].search("NOON") and cues.any_cue("NOON", "noon")
    for text in ("ſeptember", "bİennial", "bıennial"):
        assert cues.lowered(text) is None and cues.any_cue(text, "anything")
    assert quantities._DATE_EN_DMY.search("3 ſeptember") and cues.has_month("3 ſeptember", "en")


#: The patterns tried only where a run of digits starts (:func:`checks.cues.digit_matches`).
AT_DIGITS = {
    "quantities": ["_DATE_FR", "_DATE_EN_DMY", "_TIME_FR", "_TIME_EN", "_DOTTED", "_YEAR_SPAN",
                   "_GLUED_NOTE", "_ORDINAL_FIGURE", "_DECADE_EN", "_DECADE", "_JOINED_YEARS",
                   "_ORDINAL_FR"],
    "figures": ["_GLUED_LETTERS", "_YEAR_NOTE", "_YEAR_DOT_NOTE", "_FR_TIME_ONE",
                "_AND_HALF_FIGURE", "_MILITARY", "_LIST_PAIR", "_RUN_TOGETHER", "_IN_CODE",
                "_NOTE_AFTER"],
}  # fmt: skip


def _at_digits() -> list[tuple[str, object]]:
    modules = {"quantities": quantities, "figures": figures}
    out = [(f"{module}.{name}", getattr(modules[module], name))
           for module, names in AT_DIGITS.items() for name in names]
    return out + [(f"quantities._NUMBER[{lang}]", regex)
                  for lang, regex in quantities._NUMBER.items()]


#: Texts where digits follow digits, letters, marks and other scripts' digits.
DIGITS = [
    "12345 ١٢٣ 2014-20151 septembre 201442, 1564, 7,10, 0300 hours, at 1500, 2359Z, 235U",
    "rapport22 B2C 15 h 5 à 8 heures 1er janvier 2021; 3.5 a.m.; 1.2.3 18.561 the 1990s",
    'ranges"18 position.2 no.3 p.4 “x”5 «y»6, 2010/11 S/2015/446 ²³ 4th 5e 21st 3 et demi',
]


@pytest.mark.parametrize(("name", "regex"), list(_at_digits()), ids=[n for n, _ in _at_digits()])
def test_a_pattern_tried_at_runs_of_digits_finds_what_it_found(texts, name, regex):
    found = 0
    for text in [*texts, *DIGITS]:
        want = [(m.span(), m.groups()) for m in regex.finditer(text)]
        assert [(m.span(), m.groups()) for m in cues.digit_matches(regex, text)] == want, text
        assert cues.digit_sub(regex, " ", text) == regex.sub(" ", text), text
        found += bool(want)
    assert found  # the pattern is used on these texts


@pytest.mark.parametrize("extra", [["1", "12 ab 3", "ab3", "3ab", "١٢x", "x١٢", " 1 ", "a1b2c3"]])
def test_the_runs_of_digits_are_those_of_the_digit_pattern(texts, extra):
    import re

    found = 0
    for text in [*texts, *DIGITS, *extra]:
        want = [m.start() for m in re.finditer(r"\d+", text)]
        assert cues._find_runs(text) == want, text
        assert cues.digit_runs(text) == want, text
        found += bool(want)
    assert found > 100


def test_military_times_read_at_the_ends_of_runs_of_digits_are_those_of_the_pattern(texts):
    def long_way(text):  # every match of the pattern, each with what comes before it
        out = []
        for m in clock._MILITARY.finditer(text):
            before = text[max(0, m.start() - 7) : m.start()]
            if m.group(3) is not None and not clock._MILITARY_DIGIT.search(before):
                pass
            elif not clock._MILITARY_BEFORE.search(before):
                continue
            out.append(f"{int(m.group(1))}h{m.group(2)}")
        return out

    extra = ["at 21500 and 123456 from 0900 to 1200, 2400 hours, at ١٢٣٠, at 0900١ at 0900"]
    found = 0
    for text in [*texts, *DIGITS, *extra]:
        assert clock.military(text) == long_way(text), text
        found += bool(long_way(text))
    assert found > 3


def test_a_reference_before_a_bare_one_is_found_as_the_search_finds_it(texts):
    extra = ["article 1", "article\n\n \u00a0 1", "articles   1.5", "RECOMMENDATIONS 1",
             "xarticle 1", "no. 1", "n° 1, 1", "1 article 1", "Article 11", "article 1,2",
             "recommandations 1", "l'article 1er", "rule 1 and rule 1", "cat\u00e9gorie 1"]
    found = 0
    for text in [*texts, *DIGITS, *extra]:
        want = bool(quantities._REFERENCE_ONE.search(text))
        got = cues.spaced_matches(quantities._REFERENCE_ONE, text, "1",
                                  quantities._REFERENCE_LONGEST, 2)
        assert bool(got) == want, text
        found += want
    assert found > 10


def test_symbols_tried_before_each_slash_are_those_of_the_pattern(texts):
    extra = ["S/2015/446-A/70/95", "x.A/1", "/A/1", "A//1", "ABC/", "a/B/1 S/RES/2231",
             "Ø/A/1", "A/1/B/2 C/3", "TD/B/C.I/MEM.4/2, E/CN.4/2005/L.10/Add.17", "2/3 A/",
             "_A/1 é.A/1 ÉA/1 A.B/C"]
    found = 0
    for text in [*texts, *DIGITS, *HOSTILE, *extra]:
        want = [(m.span(), m.group()) for m in quantities._SYMBOL.finditer(text)]
        assert [(m.span(), m.group())
                for m in cues.slash_matches(quantities._SYMBOL, text)] == want, text
        found += bool(want)
    assert found > 5


def test_labelled_roman_numerals_tried_before_each_letter_are_those_of_the_pattern(texts):
    extra = ["Figure I and chapter VII; see annexe  V.", "Annexes\n\tX, tableaux I, Parts I I",
             "figureI, Chapitres X Volume V", "xTable I", "Sections I V X", "the I, Part IV"]
    found = 0
    for text in [*texts, *DIGITS, *HOSTILE, *extra]:
        want = [(m.span(), m.group()) for m in romans.LABELLED_ROMAN.finditer(text)]
        got = cues.spaced_matches(romans.LABELLED_ROMAN, text, "IVX", romans._LABEL_LONGEST, 1)
        assert [(m.span(), m.group()) for m in got] == want, text
        found += bool(want)
    assert found > 10


def test_a_paragraph_marker_is_removed_as_the_pattern_removes_it(texts):
    extra = ["12. Le Conseil", "(b) les 3 pays", "  1.2 Les points", "1.2.3 Title", "Le 12. "]
    for text in [*texts, *DIGITS, *extra]:
        assert quantities._unmarked(text) == quantities._MARKER.sub("", text, count=1), text


def test_an_english_date_led_by_its_month_is_found_where_a_month_name_is(texts):
    regex, found = quantities._DATE_EN_MDY, 0
    extra = ["on May 3, 2015, JUNE 4 and september 30th; ſeptember 3; İ May 5", "mayday 3"]
    for text in [*texts, *DIGITS, *extra]:
        want = [(m.span(), m.groups()) for m in regex.finditer(text)]
        assert [(m.span(), m.groups()) for m in cues.month_matches(regex, text, "en")] == want
        found += bool(want)
    assert found > 3
