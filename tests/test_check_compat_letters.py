"""Compatibility letters whose key is several words (U+FDFA ﷺ folds to four Arabic words):
a text holding one keeps the character offsets of its names (a translation with ﷺ before a
name made ``Matcher.find_all`` raise IndexError, and ``POST /api/check`` fail)."""

from __future__ import annotations

import re

import pytest

from checks.tokens import build_keys, name_key
from termalign.building import build_from_seeds

_WORD = re.compile(r"[^\W_]+")
#: Every letter that is a word by itself and whose name key has a space.
SPACED = [c for c in map(chr, range(0x80, 0x30000))
          if _WORD.fullmatch(c) and " " in name_key(c)]


def test_there_are_such_letters():
    assert "\ufdfa" in SPACED


@pytest.mark.parametrize("read", [False, True])
def test_each_key_points_at_the_word_it_comes_from(read):
    text = "Le \ufdfa Conseil de sécurité"
    k = build_keys(text, read=read)
    words = _WORD.findall(text)
    assert k.keys.split() == [*name_key("\ufdfa").split(), "conseil", "de", "securite"]
    assert len(k.first) == len(k.keys.split())
    assert [words[i] for i in k.first[-3:]] == ["Conseil", "de", "sécurité"]
    assert {words[i] for i in k.first[:-3]} == {"\ufdfa"}


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    from checks.cache import load_checker

    path = tmp_path_factory.mktemp("compat") / "tb.sqlite3"
    build_from_seeds(path)
    return load_checker(path, save=False)


def test_a_name_after_any_such_letter_is_found_where_it_is(checker):
    letters = " ".join(SPACED)
    fr = f"Le Prophète \ufdfa. {letters} Le Conseil de sécurité et l'OTSC ont agi."
    en = f"The Prophet \ufdfa. {letters} The Security Council and the CSTO acted."
    assert checker.check_pair(fr, en) == []
    assert checker.check_pair(fr, en, source="en") == []
    hits = checker.en.find(en)
    assert {h.text for h in hits} >= {"Security Council", "CSTO"}
    wrong = en.replace("Security Council", "Security Committee")
    issues = checker.check_pair(fr, wrong)
    assert [i.source_term for i in issues] == ["Conseil de sécurité"]
