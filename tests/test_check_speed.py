"""The checker's shortcuts give what the long way gives, on real UN pairs and on hostile text.

Each side of a pair is keyed word by word from caches (:mod:`checks.keying`) instead of by
:func:`checks.tokens.build_keys`; folded words are made word by word; a side without a
digit skips the figures. Each shortcut is compared here with the long way on the UN
Parallel Corpus devset pairs and on texts made to break it.
"""

from __future__ import annotations

import re
import sys

import pytest

import seeds
from checks import quantities
from checks.keying import UNKNOWN, Codes
from checks.matcher import Matcher
from checks.tokens import (
    _WORD,
    build_keys,
    fold_text,
    folded_words,
    text_words,
    word_spans,
    words_of,
)
from termalign.building import build_from_seeds

#: Texts where keying a word depends on its neighbours, or folding changes the words.
HOSTILE = [
    "la co-opération et la co‑operation, non-États, Co-operation, CO-OPERATION",
    "re-examen du pré-rapport, inter-institutions, multi-partite, semi-annual, postes-frontières",
    "cafe\u0301 de\u0301veloppement, l\u0301Union, e\u0301",  # combining accents
    "Ŀa ŀlengua, Catalunya ŀ",  # letters folded to two words
    "ΟΔΟΣ'Α et ΣΑΣ, İstanbul, İİ",  # the capital sigma, the dotted capital I
    "\u037a\ufc5e \u037aUnion\ufdfa africaine\ufe70",  # compatibility forms with a space
    "l’ONU-Femmes, les ONG, NGOs, HFCs, UNDP’s, Mrs",
    "ﬁnancement, ǅemal, Æthiopia, ½, x², S/2015/４４６",
    "",
    "   ",
    "the the la les l’ d’ du des au aux",
    # prefixes after prefixes, at the end, before a space or a dash that is no hyphen
    "co-re-examen, non-co-opération, anti-inter-agences, co- operation, co -operation, re–co",
    "co-",
    "pre-session co-operation multi-",
    # words over KEPT_WORD letters (never kept by the word caches) next to known ones
    "l’OTSC et la " + "Organisation" * 6 + " du Traité de sécurité collective " + "ONU" * 25,
]


@pytest.fixture(scope="module")
def termbase(tmp_path_factory):
    path = tmp_path_factory.mktemp("speed") / "tb.sqlite3"
    build_from_seeds(path)
    return path


@pytest.fixture(scope="module")
def checker(termbase):
    from checks.cache import load_checker

    return load_checker(termbase, save=False)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    base = seeds.path("unpc", "UNv1.0.devset")
    fr = base.with_name(base.name + ".fr").read_text(encoding="utf-8").splitlines()
    en = base.with_name(base.name + ".en").read_text(encoding="utf-8").splitlines()
    lines = fr[:1500] + en[:1500]
    windows = [" ".join(lines[i : i + 12]) for i in range(0, len(lines), 100)]  # ~2 KB each
    return lines + windows + HOSTILE


def _long_way(codes: Codes, text: str, acronym: bool) -> tuple[str, list[tuple[int, int]]]:
    k = build_keys(text, acronym)
    keys = codes.keys[acronym]
    line = "".join([keys.get(p, UNKNOWN) for p in k.keys.split()])
    return line, [k.span(i, i) for i in range(len(k))]


@pytest.mark.parametrize("acronym", [False, True])
def test_code_lines_are_the_lines_of_build_keys(checker, texts, acronym):
    codes = checker.seen["fr"].codes
    assert checker.leftover["en"].codes is codes  # one code space for every automaton
    for text in texts:
        line = codes.line(text, acronym)
        want, spans = _long_way(codes, text, acronym)
        assert line.codes == want, text
        assert [line.span(i, i) for i in range(len(spans))] == spans, text


def test_the_real_pairs_use_known_codes(checker, texts):
    """Not a vacuous comparison: the lines hold the termbase's keys."""
    codes = checker.seen["fr"].codes
    known = sum(codes.line(t, False).codes.replace(UNKNOWN, "") != "" for t in texts)
    assert known > len(texts) // 2


def test_hits_of_a_shared_code_space_equal_those_of_an_own_one(checker, texts):
    rows = [(d.concept, i, d.text, d.acronym) for i, d in enumerate(checker.designations)
            if d.lang == "en"]
    alone = Matcher(rows)  # its own codes, as a glossary builds it
    def hits(matcher, text):  # (the rows above do not say which terms are blocked)
        return [(h.entry.concept, h.entry.term, h.start, h.end) for h in matcher.find_all(text)]

    found = 0
    for text in texts:
        assert hits(checker.en, text) == hits(alone, text), text
        found += bool(hits(alone, text))
    assert found > 100


def test_words_and_spans_read_in_one_pass_are_those_of_the_word_pattern(texts):
    for text in texts:
        assert text_words(text) == tuple(_WORD.findall(text)), text
        assert word_spans(text) == [m.span() for m in _WORD.finditer(text)], text


def test_the_keys_of_a_side_read_once_are_those_of_build_keys(texts):
    found = 0
    for text in texts:
        side, alone = build_keys(text, read=True), build_keys(text)
        assert (side.keys, side.starts, side.first, side.last) == (
            alone.keys, alone.starts, alone.first, alone.last), text
        assert [side.span(i, i) for i in range(len(side))] == [
            alone.span(i, i) for i in range(len(alone))], text
        found += len(side) > 100
    assert found  # the long windows are there


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_name_words_of_a_translation_are_those_of_the_word_by_word_rule(texts, lang):
    from checks import traces

    def long_way(text):  # each word tested with its neighbours
        tokens = traces._WORD.findall(traces._OTHER_HEAD[lang].sub(" ", text))
        capital = [w[0].isupper() and len(w) > 3 for w in tokens]
        return frozenset(w.lower() for i, w in enumerate(tokens)
                         if w[0].isupper() or (i > 0 and capital[i - 1])
                         or (i + 1 < len(tokens) and capital[i + 1]))  # fmt: skip

    for text in [*texts, "Abcd", "x Efgh", "Efgh x", "The Le Mnop", "A b C"]:
        words, stems = traces._read_name_words(text, lang)
        assert words == long_way(text), text
        assert stems == {w[:5] for w in words}


def test_folded_words_are_those_of_the_folded_text(texts):
    for text in texts:
        assert list(folded_words(text)) == words_of(fold_text(text).lower()), text


def test_the_digit_class_is_every_digit():
    wanted = {i for i in range(sys.maxunicode + 1) if chr(i).isdigit() or
              re.match(r"\d", chr(i))}  # fmt: skip
    found = {i for i in range(sys.maxunicode + 1) if quantities._DIGIT.match(chr(i))}
    assert found == wanted


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_side_without_digits_gives_what_the_long_way_gives(texts, lang, monkeypatch):
    plain = [t for t in texts if not quantities._DIGIT.search(t)]
    plain += ["la soixante-quinzième session, le Chapitre VII, deux ans",
              "the seventy-fifth session, Chapter XII, the second report, twice"]
    short = [(quantities.required(t, lang), quantities.available(t, lang)) for t in plain]
    monkeypatch.setattr(quantities, "_DIGIT", re.compile(""))  # every text takes the long way
    long = [(quantities.required(t, lang), quantities.available(t, lang)) for t in plain]
    assert short == long
    assert any(r for r, _ in long) and any(a["number"] for _, a in long)


def test_word_caches_are_bounded(monkeypatch):
    import checks.keying as keying

    monkeypatch.setattr(keying, "WORD_CACHE", 50)
    codes = Codes()
    for n in range(400):
        codes.line(f"mot{n} autre{n}", False)
    assert len(codes._words[False]) <= 50 and len(codes._lines) <= keying.LINE_CACHE
    long_word, long_text = "x" * 500, "Union africaine " * 400
    codes.line(long_word, False)
    codes.line(long_text, True)
    assert long_word not in codes._words[False]  # a long word or text is not kept
    assert (long_text, True) not in codes._lines and codes._lines
    assert _WORD.findall("mot1") == ["mot1"]


def test_designations_in_arrays_are_the_designations(checker):
    import pickle

    from checks.designations import Designations

    items = list(checker.designations)
    assert len(items) > 1000
    again = pickle.loads(pickle.dumps(Designations(items)))
    assert list(again) == items and again[-1] == items[-1] and again[5:9] == items[5:9]
    with pytest.raises(IndexError):
        again[len(items)]


def test_a_pickled_checker_finds_what_it_found(checker, texts):
    import pickle

    loaded = pickle.loads(pickle.dumps(checker))
    for text in texts[::7]:
        for lang in ("fr", "en"):
            assert loaded.seen[lang].find_all(text) == checker.seen[lang].find_all(text)
            assert loaded.leftover[lang].find(text) == checker.leftover[lang].find(text)


def _without_lead(regex: re.Pattern) -> re.Pattern:
    """A pattern without the lookahead that leads it (what it was written as)."""
    lead = re.match(r"\(\?=(?:\\d|\[[^\]]*\])\)", regex.pattern)
    assert lead, regex.pattern
    return re.compile(regex.pattern[lead.end():], regex.flags)


@pytest.mark.parametrize("name", [
    "figures._GLUED_LETTERS", "figures._YEAR_NOTE", "figures._YEAR_DOT_NOTE",
    "figures._FR_TIME_ONE", "figures._NOTE_AFTER", "figures._MILITARY", "figures._IN_CODE",
    "forms._GLUED_NUMBER", "forms._INNER_HYPHEN",
])  # fmt: skip
def test_a_pattern_led_by_a_lookahead_finds_what_it_found(texts, name):
    import importlib

    module, attr = name.split(".")
    regex = getattr(importlib.import_module(f"checks.{module}"), attr)
    plain = _without_lead(regex)
    found = 0
    for text in [*texts, "adopted in September 2014.42 at 15 h 5"]:
        got = [m.span() for m in regex.finditer(text)]
        assert got == [m.span() for m in plain.finditer(text)], text
        found += bool(got)
    assert found  # the pattern is used on these texts


def test_the_french_style_patterns_skipped_find_nothing(texts):
    """french_format skips its patterns on a side without a figure, and each pattern on a
    side without its mark; french_typography a side without ; : ! ? « »: none of the
    skipped patterns finds anything there."""
    from checks import style

    gates = [(style._DOLLAR, "$"), (style._THOUSANDS, ","), (style._DECIMAL, "."),
             (style._PERCENT, "%"), (style._AM_PM, ".")]  # fmt: skip
    patterns = [g[0] for g in gates] + [style._ORDINAL_EN]
    skipped = 0
    for text in [*texts, "à 8 a.m. le 1st, 15% et $3", "488,000 et 19.44"]:
        if style._ANY_DIGIT.search(text) is None:
            assert not any(p.search(text) for p in patterns), text
            assert style.french_format(text) == []
            skipped += 1
        for regex, mark in gates:
            if mark not in text:
                assert regex.search(text) is None, text
        if not style._TYPOGRAPHY_MARKS.intersection(text):
            assert not style._GLUED_PUNCT.search(text) and not style._GUILLEMETS.search(text)
    assert skipped > 100
    assert [s.found for s in style.french_format("à 8 a.m. le 1st, 15% et $3")] == [
        "$3", "15%", "8 a.m.", "1st"]


def _longest_the_long_way(hits):
    chosen, taken = [], []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        span = (hit.start, hit.end)
        if span in taken or not any(a < hit.end and hit.start < b for a, b in taken):
            chosen.append(hit)
            taken.append(span)
    return sorted(chosen, key=lambda h: (h.start, h.entry.concept, h.entry.term))


def test_longest_keeps_what_the_pairwise_comparison_keeps(checker, texts):
    import random

    from checks.matcher import Entry, Hit, longest

    rng = random.Random(16)
    cases = [checker.en.find_all(t, case=False) for t in texts[::5]]
    for _ in range(300):  # overlapping, nested and repeated spans of made-up hits
        spans = [(a, a + rng.randint(1, 12)) for a in (rng.randint(0, 40) for _ in range(15))]
        cases.append([Hit(Entry(rng.randint(0, 3), n, 1, False, False), a, b, "x")
                      for n, (a, b) in enumerate(spans + spans[:3])])
    assert sum(len(c) > 1 for c in cases) > 300
    for hits in cases:
        assert longest(hits) == _longest_the_long_way(hits)


def test_an_issue_as_a_dict_is_its_asdict():
    from dataclasses import asdict, fields

    from checks.model import Issue

    issue = Issue(3, "missing-title", "warning", "OTSC", ["CSTO", "x"], "OTSC", "msg")
    assert issue.to_dict() == asdict(issue)
    assert list(issue.to_dict()) == [f.name for f in fields(Issue)]
    assert issue.to_dict()["expected"] is not issue.expected
