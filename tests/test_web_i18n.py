"""The interface strings, kept per area (web/i18n_*.py) and merged in web.i18n."""

from __future__ import annotations

import pytest

from web import i18n


def test_a_key_belongs_to_one_area_only():
    keys = [key for area in i18n.AREAS for key in area]
    assert len(keys) == len(set(keys)) == len(i18n.MESSAGES)


@pytest.mark.parametrize(("key", "lang", "values", "text"), [
    ("nav.search", "fr", {}, "Recherche"),
    ("search.count_many", "fr", {"n": 2, "q": "OTSC"}, "2 résultats pour « OTSC »"),
    ("check.summary", "en", {"segments": 1, "issues": 2}, "1 segment, 2 issues"),
    ("review.approve", "fr", {}, "Valider"),
    ("glossary.title", "en", {}, "Document glossary"),
])
def test_every_area_is_merged(key, lang, values, text):
    assert i18n.translate(key, lang, **values) == text
