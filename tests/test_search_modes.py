"""Search modes, filters, paging, honest labels and the ``lookup`` CLI's short forms."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from termalign.cli import cli
from termbase.model import Concept, Evidence, Term
from termbase.search import Filters
from termbase.store import Termbase


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("modes") / "tb.sqlite3"
    with Termbase.open(path) as tb, tb.transaction():
        tb.add_concept(Concept(kind="title", curated=True, subject="Peace", terms=[
            Term("fr", "Conseil de sécurité"), Term("en", "Security Council")],
            evidence=[Evidence("UNv1.0.devset.fr:7", "Le Conseil de sécurité a adopté.",
                               "The Security Council adopted.", symbol="S/RES/2210__2015_",
                               method="aligned")]))
        tb.add_concept(Concept(kind="title", curated=True, terms=[
            Term("fr", "Conseil économique et social"), Term("fr", "ECOSOC", "acronym"),
            Term("en", "Economic and Social Council"), Term("en", "ECOSOC", "acronym")]))
        tb.add_concept(Concept(kind="title", curated=True, terms=[
            Term("fr", "Université des Nations Unies"), Term("fr", "UNU", "acronym"),
            Term("en", "United Nations University"), Term("en", "UNU", "acronym")]))
        tb.add_concept(Concept(kind="term", confidence=0.6, subject="peace", terms=[
            Term("fr", "maintien de la paix"), Term("en", "peacekeeping")]))
        tb.add_concept(Concept(kind="term", confidence=0.6, terms=[
            Term("fr", "consolidation de la paix"), Term("en", "peacebuilding")]))
        tb.add_concept(Concept(kind="country", curated=True, terms=[
            Term("fr", "Côte d’Ivoire"), Term("en", "Côte d’Ivoire"),
            Term("en", "Ivory Coast", "variant", "deprecated")]))
        for i in range(30):
            tb.add_concept(Concept(kind="title", curated=i % 2 == 0, terms=[
                Term("fr", f"Comité {i:02d} des programmes"), Term("en", f"Committee {i:02d}")]))
    return path


@pytest.fixture()
def tb(db_path):
    with Termbase.open(db_path) as store:
        yield store


def first(page) -> tuple[str, str]:
    r = page.results[0]
    return r.match, r.concept.terms_in("fr")[0].text


@pytest.mark.parametrize(("mode", "query", "expected"), [
    ("exact", "Conseil de sécurité", ("exact", "Conseil de sécurité")),
    ("exact", "conseil de securite", ("accent-insensitive", "Conseil de sécurité")),
    ("exact", "ECOSOC", ("acronym", "Conseil économique et social")),
    ("prefix", "Conseil eco", ("prefix", "Conseil économique et social")),
    ("contains", "ntien de la", ("infix", "maintien de la paix")),
    ("contains", "de la paix", ("words", "maintien de la paix")),
    ("contains", "securite conseil", ("words", "Conseil de sécurité")),
    ("fuzzy", "Conseil de securiteh", ("fuzzy", "Conseil de sécurité")),
    ("fuzzy", "Conseil de sécurité", ("exact", "Conseil de sécurité")),
])
def test_modes(tb, mode, query, expected):
    assert first(tb.search(query, mode=mode)) == expected


def test_exact_mode_finds_nothing_near(tb):
    assert tb.search("Conseil", mode="exact").results == []
    assert tb.search("Conseil de securiteh", mode="prefix").total == 0


def test_unknown_mode(tb):
    with pytest.raises(ValueError, match="unknown search mode"):
        tb.search("x", mode="regex")


@pytest.mark.parametrize(("filters", "lang", "kinds"), [
    (Filters(kind="term"), None, {"term"}),
    (Filters(kind="title"), None, {"title"}),
    (Filters(kind="instrument"), None, set()),
    (Filters(status="candidate"), None, {"term"}),
    (Filters(subject="PEACE"), None, {"title", "term"}),
])
def test_filters(tb, filters, lang, kinds):
    page = tb.search("paix", mode="contains", filters=filters, lang=lang, limit=100)
    page2 = tb.search("conseil", mode="contains", filters=filters, lang=lang, limit=100)
    found = {r.concept.kind for r in page.results + page2.results}
    assert found == kinds
    for r in page.results + page2.results:
        if filters.subject:
            assert r.concept.subject.lower() == "peace"
        if filters.status == "candidate":
            assert not r.concept.curated


def test_status_filter_is_on_the_matched_term(tb):
    page = tb.search("Ivory Coast", filters=Filters(status="deprecated"))
    assert first(page)[1] == "Côte d’Ivoire" and page.results[0].term.text == "Ivory Coast"
    assert tb.search("Ivory Coast", filters=Filters(status="preferred")).results == [] or \
        tb.search("Ivory Coast", filters=Filters(status="preferred")).results[0].match == "fuzzy"


def test_paging_total_and_next(tb):
    whole = tb.search("comite", limit=100)
    assert whole.total == 30 and len(whole.results) == 30 and whole.next is None
    seen = []
    offset = 0
    while offset is not None:
        page = tb.search("comite", limit=7, offset=offset)
        assert page.total == 30
        seen += [r.concept.id for r in page.results]
        offset = page.next
    assert seen == [r.concept.id for r in whole.results]
    data = tb.search("comite", limit=7, offset=7).to_json()
    assert list(data) == ["query", "total", "offset", "limit", "next", "results"]
    assert (data["total"], data["offset"], data["limit"], data["next"]) == (30, 7, 7, 14)


def test_nearest_is_never_the_answer(tb):
    page = tb.search("Charte des Nations Unies")
    assert not page.answered
    assert all(r.match not in ("exact", "acronym", "accent-insensitive") for r in page.results)
    assert tb.search("ECOSOC").answered and tb.search("conseil de securite").answered


def test_statements_per_lookup(tb):
    statements = []
    # Our statements (FTS5's own internal ones name the schema: "'main'.").
    tb.conn.set_trace_callback(lambda sql: "'main'." in sql or statements.append(sql))
    try:
        tb.search("ECOSOC")
        exact = len(statements)
        statements.clear()
        tb.search("Conseil")
    finally:
        tb.conn.set_trace_callback(None)
    # One range scan for exact and prefix, one word query, one read of the results; and
    # when that scan found no answer (``Conseil`` is no entry), one equality query of the
    # query in the other number (``conseils``).
    assert exact == 3
    assert len(statements) == 4
    assert sum("t.folded IN (" in sql for sql in statements) == 1


def test_json_symbol_is_written_and_linked(tb):
    evidence = tb.search("Security Council").results[0].to_json()["evidence"][0]
    assert evidence["symbol"] == "S/RES/2210 (2015)"
    assert evidence["url"] == "https://undocs.org/S/RES/2210(2015)"


def run(db_path, *args):
    return CliRunner().invoke(cli, ["lookup", *args, "--db", str(db_path)])


def test_cli_brief_and_labels(db_path):
    result = run(db_path, "--brief", "ECOSOC")
    assert result.exit_code == 0, result.output
    assert result.output == ("Conseil économique et social (ECOSOC) = "
                             "Economic and Social Council (ECOSOC)\n")
    result = run(db_path, "--brief", "conseil de securite")
    assert result.output.splitlines()[0] == (
        "Conseil de sécurité = Security Council  [accent-insensitive match]")
    result = run(db_path, "--brief", "Charte des Nations Unies")
    lines = result.output.splitlines()
    assert lines[0] == "no entry for 'Charte des Nations Unies'; nearest:"
    assert lines[1].endswith("[nearest spelling (fuzzy)]")


def test_cli_text_shows_symbol_as_written(db_path):
    result = run(db_path, "Security Council")
    assert "UNv1.0.devset.fr:7 (S/RES/2210 (2015)) [aligned]" in result.output
    assert "exact match on 'Security Council'" in result.output


def test_cli_nothing_found_exits_1(db_path):
    result = run(db_path, "zzzqqqxx")
    assert result.exit_code == 1 and result.output == "no entry for 'zzzqqqxx'\n"
    result = run(db_path, "--json", "zzzqqqxx")
    assert result.exit_code == 1 and json.loads(result.output)["total"] == 0


def test_cli_modes_filters_paging(db_path):
    result = run(db_path, "--json", "--mode", "prefix", "--kind", "body", "--limit", "5",
                 "--offset", "5", "comite")
    data = json.loads(result.output)
    assert (data["total"], data["offset"], data["next"], len(data["results"])) == (30, 5, 10, 5)
    result = run(db_path, "--brief", "--kind", "term", "--status", "candidate", "paix",
                 "--mode", "contains")
    assert result.output.splitlines() == [
        "no entry for 'paix'; nearest:",
        "maintien de la paix = peacekeeping  [contains the words]",
        "consolidation de la paix = peacebuilding  [contains the words]"]


def test_cli_long_query_is_one_line_exit_2(db_path):
    result = run(db_path, "x" * 100_000)
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "query too long (100000 characters; at most 200)" in result.output
    assert len(result.output) < 200


def test_a_typo_inside_the_query_skips_the_infix_stage(tb):
    statements = []
    tb.conn.set_trace_callback(lambda sql: "'main'." in sql or statements.append(sql))
    try:
        page = tb.search("Conseil dde sécurité")  # "dde" is in no term: not an infix
    finally:
        tb.conn.set_trace_callback(None)
    assert first(page) == ("fuzzy", "Conseil de sécurité")
    assert not any("term_trigrams MATCH '\"conseil dde securite" in sql for sql in statements)
    assert first(tb.search("nseil de sécu")) == ("infix", "Conseil de sécurité")
