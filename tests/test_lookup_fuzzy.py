"""Fuzzy candidates through the trigram and word indexes (the path of large termbases)."""

from __future__ import annotations

import pytest

from termbase import fuzzy
from termbase.model import Concept, Term
from termbase.store import Termbase

HEADS = ["Groupe", "Comité", "Bureau", "Centre"]
TOPICS = ["sécurité collective", "développement durable", "énergie atomique"]
PLACES = ["Europe orientale", "Afrique centrale", "Grands Lacs"]


@pytest.fixture(scope="module")
def tb(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzzy") / "tb.sqlite3"
    with Termbase.open(path) as store, store.transaction():
        for number in range(1200, 1240):  # 40 near-twins of every name
            for head in HEADS:
                for topic in TOPICS:
                    for place in PLACES:
                        store.add_concept(Concept(terms=[
                            Term("fr", f"{head} {number} pour {topic} en {place}")]))
    with Termbase.open(path) as store:
        yield store


@pytest.fixture(autouse=True)
def index_path(monkeypatch):
    """Use the indexes, as for a termbase of more than FUZZY_SCAN_TERMS terms."""
    monkeypatch.setattr(fuzzy, "FUZZY_SCAN_TERMS", 0)
    monkeypatch.setattr(fuzzy, "FUZZY_POOL", 60)  # a pool far smaller than the near-twins


def fr(result) -> str:
    return result.concept.terms[0].text


@pytest.mark.parametrize(("query", "expected"), [
    # The number keeps a rare trigram: the trigram index finds it.
    ("Groupe 1217 pour securite colective en Europe orientale",
     "Groupe 1217 pour sécurité collective en Europe orientale"),
    # Every rare part spoiled (the number too): only the intact words narrow it down.
    ("Groupe 12t7 pour securiteh colective en Europe orientale",
     "Groupe 1217 pour sécurité collective en Europe orientale"),
    # The number and most words spoiled: the intact place and "pour" narrow it down.
    ("Comite 12o3 pour developement durabl un Grands Lacs",
     "Comité 1203 pour développement durable en Grands Lacs"),
])
def test_typos_find_the_target_among_near_twins(tb, query, expected):
    results = tb.lookup(query, limit=20)
    assert results and all(r.match == "fuzzy" for r in results)
    assert expected in [fr(r) for r in results]


def test_closest_spelling_ranks_first(tb):
    [first, *_] = tb.lookup("Centre 1222 pour energie atomiqe en Afrique centrale")
    assert fr(first) == "Centre 1222 pour énergie atomique en Afrique centrale"


def traced(tb, run) -> list[str]:
    """Our SQL statements while ``run()`` runs (FTS5's internal ones name ``'main'.``)."""
    statements: list[str] = []
    tb.conn.set_trace_callback(lambda sql: "'main'." in sql or statements.append(sql))
    try:
        run()
    finally:
        tb.conn.set_trace_callback(None)
    return statements


def test_trigram_frequencies_are_counted_in_one_statement_and_remembered(tb):
    grams = ["gro", "rou", "oup", "217", "zzq", "gro"]
    statements = traced(tb, lambda: tb.trigram_frequencies(grams, cap=50))
    assert len([sql for sql in statements if "MATCH" in sql]) == 1
    counts = tb.trigram_frequencies(grams, cap=50)
    assert counts == {"gro": 50, "rou": 50, "oup": 50, "217": 36}  # capped; absent left out
    assert not any("MATCH" in sql for sql in traced(
        tb, lambda: tb.trigram_frequencies(grams, cap=50)))
    # The same counts as one statement per trigram.
    for gram, n in counts.items():
        assert n == tb.conn.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM term_trigrams WHERE term_trigrams MATCH ?"
            " LIMIT 50)", (f'"{gram}"',)).fetchone()[0]


@pytest.mark.parametrize(("texts", "inside"), [
    (["securite", "pour", "orientale"], {"securite", "pour", "orientale"}),  # whole words
    (["ecurit", "entale", "1217"], {"ecurit", "entale", "1217"}),  # inside words only
    (["securiteh", "colective", "dde"], set()),  # typos: in no term
    (["collective en", "en europe", "pour en"], {"collective en", "en europe"}),  # across words: the trigram index
])
def test_found_inside_whole_words_and_inside_words(tmp_path, texts, inside):
    with Termbase.open(tmp_path / "tb.sqlite3") as store:
        for text in ("Groupe 1217 pour sécurité collective en Europe orientale",
                     "Comité 1203 pour développement durable en Grands Lacs"):
            store.add_concept(Concept(terms=[Term("fr", text)]))
        assert store.found_inside(texts) == inside
        assert store.found_inside(texts) == inside  # remembered
