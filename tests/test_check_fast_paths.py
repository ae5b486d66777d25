"""The checker's fast paths give exactly the issues of the full path (issue 16).

* :func:`checks.names.rendered`: a name of the original whose concept the translation
  plainly renders skips the name rules' remaining tests;
* :func:`checks.quantities.available` without ``words`` and :func:`~checks.quantities.add_words`:
  the target's figures answer the original's first, the numbers in words, Roman numerals and
  military times are read at the first mention the figures do not answer.

Each is compared with the full path (the fast path turned off) on UN Parallel Corpus devset
pairs, 2 KB windows of them, in both directions, in document and as isolated pairs, and on
pairs made to break it.
"""

from __future__ import annotations

import pytest

import seeds
from checks import figures, names, quantities
from checks.model import Segment
from termalign.building import build_from_seeds

#: Pairs where a shortcut could go wrong: names rendered by an acronym only, by a near miss,
#: countries, superseded names; figures answered only by words, Roman numerals, military
#: times, ordinals, or not at all.
HOSTILE = [
    ("Le Programme des Nations Unies pour le développement (PNUD) et le PNUD.",
     "The United Nations Development Program (UNDP) and UNDP."),
    ("Le PNUD, l’OTSC et l’ONU.", "UNDP, the OTSC and the UN."),
    ("Le Conseil de sécurité et le Conseil.", "The Security Committee and the Council."),
    ("La Fédération de Russie et la Russie.", "Russia and the Russian Federation."),
    ("Le Zaïre et la République démocratique du Congo.", "Zaire and the DRC."),
    ("Le Conseil de sécurité, l’Assemblée générale, l’UNICEF.", "It decided."),
    ("La soixante-quinzième session, le chapitre VII, deux ans, le 3 mai 2021 à 15 heures.",
     "The seventy-fifth session, Chapter VII, two years, on 3 May 2021 at 1500 hours."),
    ("La deuxième session, 19,44 milliards de dollars, 488 000 réfugiés.",
     "The second session, $19.44 billion, 488,000 refugees."),
    ("Le 1er janvier, l’article 1, la résolution 2071 (2012), S/2015/446.",
     "On 1 February, article 2, resolution 2017 (2012), S/2015/447."),
    ("Les années 60, de 15 à 64 ans, 7, 10 et 12.", "The 1960s, aged 1564, 7,10 and twelve."),
    ("Onzième, douzième et vingtième rapports.", "11th, XII and 20 reports."),
    ("De 9 heures à 12 h 30.", "From 0900 to 1230 hours."),
    ("", ""),
    ("   ", "1"),
    ("Ⅻ ½ ² ４４６", "XII 1/2 2 446"),
]


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    from checks.cache import load_checker

    path = tmp_path_factory.mktemp("fast") / "tb.sqlite3"
    build_from_seeds(path)
    return load_checker(path, save=False)


@pytest.fixture(scope="module")
def pairs() -> list[tuple[str, str]]:
    base = seeds.path("unpc", "UNv1.0.devset")
    fr = base.with_name(base.name + ".fr").read_text(encoding="utf-8").splitlines()[:600]
    en = base.with_name(base.name + ".en").read_text(encoding="utf-8").splitlines()[:600]
    windows = [(" ".join(fr[i : i + 12]), " ".join(en[i : i + 12]))
               for i in range(0, len(fr), 60)]  # ~2 KB a side
    return list(zip(fr, en, strict=True)) + windows + HOSTILE


def _reports(checker, pairs) -> list:
    segments = [Segment(n, fr, en) for n, (fr, en) in enumerate(pairs, 1)]
    return [checker.check(segments, source=source, lang=lang, isolated=isolated).issues
            for source in ("fr", "en") for lang in ("en", "fr") for isolated in (False, True)]


def test_a_rendered_name_gives_the_issues_of_the_full_path(checker, pairs, monkeypatch):
    taken = []

    def counted(*args):
        taken.append(fast(*args))
        return taken[-1]

    fast = names.rendered
    monkeypatch.setattr(names, "rendered", counted)
    short = _reports(checker, pairs)
    monkeypatch.setattr(names, "rendered", lambda *args: False)
    full = _reports(checker, pairs)
    assert short == full
    # not vacuous: the fast path was taken, and the name rules reported something
    assert sum(taken) > 1000 and taken.count(False) > 100
    kinds = {i.kind for issues in full for i in issues}
    assert {"missing-title", "missing-term", "name-variant", "country-name"} <= kinds


def test_the_figures_first_give_the_issues_of_the_whole_bag(checker, pairs, monkeypatch):
    calls = {True: 0, False: 0}

    def counted(text, lang="en", words=True):
        calls[words] += 1
        return quantities.available(text, lang, words)

    monkeypatch.setattr(figures, "available", counted)
    short = _reports(checker, pairs)
    monkeypatch.setattr(figures, "available", lambda text, lang="en", words=True:
                        _whole_bag(text, lang))  # the whole bag at once, the long way
    full = _reports(checker, pairs)
    assert short == full
    assert calls[False] > 1000 and not calls[True]
    assert {"number", "date", "symbol"} <= {i.kind for issues in full for i in issues}


def _whole_bag(text: str, lang: str) -> dict[str, set[str]]:
    """The bag of a target side as ``available`` made it in one go before the figures were
    read first (``24e479c``)."""
    q = quantities
    bag: dict[str, set[str]] = {"number": set(), "date": set(), "symbol": set()}
    text = q._unmarked(text)
    romans = q.roman_values(text)
    if not q.digit_runs(text) and q._DIGIT.search(text) is None:
        for value in map(str, romans):
            bag["number"].update((value, f"ord:{value}"))
        q._add_spelled(bag, text, lang)
        return bag
    if lang == "en":
        bag["number"].update(q.military(text))
    bag["number"].update(map(str, romans))
    for m in q.digit_matches(q._DECADE, text) if "0s" in text else ():
        bag["number"].add(m.group(1))
    for m in q.digit_matches(q._DOTTED, text):
        bag["number"].add(m.group())
    for m in q.digit_matches(q._JOINED_YEARS, text):
        bag["number"].update(m.groups())
    symbols, rest = q._symbols(text)
    dates, parts, rest = q._dates(rest, lang)
    times, rest = q._times(rest, lang)
    numbers = q._plain_numbers(rest, lang) if lang == "en" else q._plain_numbers_all(rest)
    for mention in symbols + dates + times + numbers:
        bag[mention.kind].update(mention.keys)
        if mention.kind == "date" and lang == "fr":
            bag["date"].update(k.rsplit("-", 1)[0] for k in mention.keys if k.count("-") == 2)
    bag["number"].update(parts)
    bag["number"].update(f"ord:{k}" for k in list(bag["number"]) if k.isdigit())
    q._add_spelled(bag, text, lang)
    return bag


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_bag_completed_is_the_whole_bag(pairs, lang):
    texts = [t for pair in pairs for t in pair]
    grown = 0
    for text in texts:
        whole = _whole_bag(text, lang)
        assert quantities.available(text, lang) == whole, text
        part = quantities.available(text, lang, words=False)
        assert all(part[kind] <= whole[kind] for kind in whole), text
        grown += part != whole
        quantities.add_words(part, text, lang)
        assert part == whole, text
    assert grown > 20  # the words, Roman numerals and times do add keys


#: The patterns searched over a whole side as they were written before they were led by the
#: set of their first letter (a lookahead, then ``\b``: tried at every character).
LED_BY_LOOKAHEAD = {
    ("names", "_BACK_REFERENCE", "en"): r"(?=[Tt])\b[Tt]he ([A-Z][a-z]+)\b(?! [A-Z(]| (?:of|for"
                                        r"|on|in|to) (?:the )?[A-Z])",
    ("names", "_BACK_REFERENCE", "fr"): r"(?=[LlDdAa])\b(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['’]|[Dd]u|"
                                        r"[Aa]u|[Aa]ux)\s?([A-ZÉ][\w-]+)\b(?! [A-Z(]| (?:de|du"
                                        r"|des|d['’]|pour|sur|en|contre|chargée?)\b)",
    ("names", "_FIRST_PERSON", "en"): r"(?=[Im])\b(?:I|me|my)\b",
    ("names", "_FIRST_PERSON", "fr"): r"(?=[Jjm])(?:\b(?:[Jj]e|me|moi|[Jj]['’]|m['’])\b|\bmon "
                                      r"(?:rapport|Envoy))",
    ("traces", "_OTHER_HEAD", "fr"): r"(?=[A-ZÀ-Ý])\b[A-ZÀ-Ý][a-zà-ÿ]+(?= [a-zà-ÿ]{4,} (?:de|"
                                     r"du|des|de la|de l['’]|d['’])\s?[A-ZÀ-Ý])",
    ("traces", "_OTHER_HEAD", "en"): r"(?=[A-Z])\b[A-Z]{3,} [A-Z][a-z]+ [A-Z][a-z]+\b",
}
#: Texts at the edges of those patterns: words glued to the letters, elisions, × (in the
#: range À-Ý but no word character), capitals in a row, the patterns' alternatives.
EDGES = [
    "The Council, the Office, theCouncil, Athe Council, The Council of the, The Fund (UNDP)",
    "Le Conseil, la Commission, les États, l’Office, l'Union, du Fonds, au Comité, aux Nations",
    "Ale Conseil, ALe Conseil, le  Conseil, leConseil, Du Conseil de sécurité, aux Conseil pour",
    "I, me, my, mine, Im, mI, My, ME; je, Je, moi, j’ai, J'ai, m’a, mon rapport, mon Envoyé",
    "mon rapporteur, amon rapport, je-, mej, m’, moii",
    "×Conseil exécutif de l’OIAC, Conseil exécutif de l'OIAC, ÉConseil national de Sécurité",
    "OPCW Executive Council, XOPCW Executive Council, OP Executive Council, ABCD Efg Hij",
]


@pytest.mark.parametrize("where", sorted(LED_BY_LOOKAHEAD))
def test_a_pattern_led_by_its_first_letters_finds_what_it_found(pairs, where):
    import re

    from checks import traces

    module, name, lang = where
    new = getattr({"names": names, "traces": traces}[module], name)[lang]
    old = re.compile(LED_BY_LOOKAHEAD[where])
    # (the English back-reference is read for its head and its end, and starts at "he ")
    start = 1 if name == "_BACK_REFERENCE" and lang == "en" else 0
    found = 0
    for text in [t for pair in pairs for t in pair] + EDGES:
        want = [(m.start() + start, m.end(), m.groups()) for m in old.finditer(text)]
        assert [(m.start(), m.end(), m.groups()) for m in new.finditer(text)] == want, text
        found += bool(want)
    assert found > 5


def test_the_runs_of_digits_of_a_masked_text_are_those_found_in_it(pairs):
    from checks import cues

    texts = [t for pair in pairs for t in pair] + ["12345", "1 2", "a1b22c333", "٣٤ 12", "1"]
    derived = 0
    for text in texts:
        n = len(text)
        runs = cues.digit_runs(text)  # (kept: the masks below are made from them)
        spans = {(0, n), (0, 0), (n, n), (n // 3, n // 2)}
        for start in runs[:6]:  # a run masked whole, its head, its tail, with its neighbours
            end = cues._DIGIT_RUN.match(text, start).end()
            spans |= {(start, end), (start, start + 1), (start + 1, end), (max(0, start - 2),
                      min(n, end + 2)), (start - 1, start + 1) if start else (0, 1)}
        for start, end in sorted(spans):
            cues.digit_runs(text)  # (kept again, in case the cache was emptied)
            masked = cues.mask(text, start, end)
            derived += masked in cues._RUNS and masked != text
            assert cues.digit_runs(masked) == cues._find_runs(masked), (text, start, end)
    assert derived > 1000


#: Near misses in the ways the code line could read them apart from the keys: a wrong word
#: no designation has (coded UNKNOWN), a misspelt one (similar), hyphenated prefixes joined,
#: letters keyed with their neighbours (the line keyed whole), the same word twice.
NEAR_MISSES = [
    "le Comité de sécurité et le Conseil de securite, l’Organization des Nations Unies",
    "The United Nations Development Program, the United Nations Developmnt Programme",
    "the Organisaton for Security and Co-operation in Europe, the Organization for Security "
    "and Cooperation in Europa, the organization for security and co-operation in europe",
    "la Commission de la Paix, la commission de consolidation de la pax, Commision de "
    "consolidation de la paix",
    "cafe\u0301 le Conseil de se\u0301curite\u0301 des Nations Unies, l\u0301Union",
    # (after the names: a letter keyed as words before a name breaks find_all's spans)
    "ﬁnancement du Programme des Nations Unies pour le developpement \u037a \ufdfa",
    "Conseil Conseil de de sécurité sécurité, Nations Nations Unies Unies",
]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_near_miss_read_on_the_code_line_is_the_near_miss_of_the_keys(checker, pairs, lang):
    from checks.fuzzy import near_miss

    codes = checker.seen[lang].codes
    names_of = {}  # concept -> its full names in the language, as the name rules give them
    for d in checker.designations:
        if d.lang == lang and not d.acronym and not d.avoid:
            names_of.setdefault(d.concept, []).append(d.text)
    texts = [pair[lang == "en"] for pair in pairs] + NEAR_MISSES
    found = coded = 0
    for text in texts:
        concepts = {h.entry.concept for h in checker.seen[lang].find_all(text, case=False)}
        for concept in sorted(concepts)[:40]:
            forms = names_of.get(concept, [])
            want = near_miss(text, forms)
            assert near_miss(text, forms, codes) == want, (text, forms)
            found += want is not None
        coded += not codes.line(text, False).whole
    assert found > 20 and len(texts) > coded > len(texts) // 2
