"""The planted cases in their real documents (benchmarks/planted_context.py): the preceding
pairs are the same UN document's, earlier, in order; the name-dropped cases are planted only
where the name was not given before; the context is the same in twin and planted document."""

from __future__ import annotations

import pytest

from benchmarks import planted_context
from benchmarks.make_planted import Planter, _find, read
from checks import Checker
from termalign.building import seed_curated


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(seed_curated())


@pytest.fixture(scope="module")
def planter() -> Planter:
    return Planter(seed_curated())


@pytest.mark.parametrize("part", ["devset", "testset"])
def test_the_pairs_before_are_the_same_document_earlier_in_order(part):
    rows = planted_context.positions(part)
    before = planted_context.preceding(part)
    assert len(before) == len(rows) == 4000
    documents: dict[str, list[int]] = {}
    for line, (symbol, _fr, _en) in enumerate(rows, 1):
        documents.setdefault(symbol, []).append(line)
    for line, earlier in before.items():
        symbol, fr, en = rows[line - 1]
        assert all(rows[n - 1][0] == symbol for n in earlier)
        assert all(rows[n - 1][1] < fr and rows[n - 1][2] < en for n in earlier)
        assert [rows[n - 1][1] for n in earlier] == sorted(rows[n - 1][1] for n in earlier)
        # every earlier line of the document the corpus has, none left out
        assert len(earlier) == sum(rows[n - 1][1] < fr for n in documents[symbol])
    # the sample scatters a document over the file: the line before is mostly another's
    assert sum(before[n] == [n - 1] for n in before) < len(before) / 4


def _has(text: str, form: str) -> bool:
    return _find(text, form) is not None


@pytest.mark.parametrize("part", ["devset", "testset"])
def test_name_dropped_is_planted_only_where_the_name_was_not_given_before(part, planter):
    pairs = planted_context.corpus(part)
    before = planted_context.preceding(part)
    cases = [c for c in read(part) if c["kind"] == "name-dropped"]
    assert len(cases) >= 50
    with_context = 0
    for case in cases:
        earlier = [pairs[n - 1] for n in before[int(case["line"])]]
        with_context += bool(earlier)
        target = case["en"] if case["source"] == "fr" else case["fr"]
        lang = "en" if case["source"] == "fr" else "fr"
        # the concepts whose usable form the planted text lost
        lost = {row[1] for row in planter.rows if row[2] == lang and len(row[3]) >= 8
                and _has(target, row[3]) and not _has(case["planted"], row[3])}
        assert lost, case["id"]
        assert not all(planter.given(c, earlier) for c in lost), case["id"]
    assert with_context >= 20  # the rule is tested on cases that have a document before them


def test_given_looks_at_both_sides_of_the_pairs_before(planter):
    council = next(row[1] for row in planter.rows if row[3] == "Security Council")
    fr_only = [("Le Conseil de sécurité a examiné la question.", "It examined the question.")]
    assert planter.given(council, fr_only)
    assert planter.given(council, [("Il a examiné la question.", "The Security Council met.")])
    assert not planter.given(council, [("Le Conseil a examiné la question.",
                                         "The Council examined the question.")])
    assert not planter.given(council, [])


def test_a_name_given_in_the_real_document_is_no_error(checker):
    # UNv1.0.devset line 1289 ("the DRC"), after line 2790 of the same resolution
    pairs, before = planted_context.corpus("devset"), planted_context.preceding("devset")
    assert before[1289] == [2790]
    fr, en = pairs[1288]
    alone_doc, _ = planted_context.check_in_document(checker, [], fr, en, "fr")
    real, context = planted_context.check_in_document(checker, [pairs[2789]], fr, en, "fr")
    assert any(i.kind == "country-name" and i.severity == "error" for i in alone_doc)
    assert not [i for i in real if i.severity == "error"]
    assert all(i.segment == 2 for i in real) and all(i.segment == 1 for i in context)


def test_the_context_is_checked_the_same_in_twin_and_planted_document(checker):
    cases = [c for c in read("devset") if c["kind"] in ("name-dropped", "number")][:40]
    result = planted_context.run_in_document(checker, cases, "devset",
                                             {"name-dropped": {"missing-title"},
                                              "number": {"number"}})
    assert result["context"][0] >= 10
    assert result["context_differ"] == 0
    found = result["found"]
    assert sum(f for f, _n in found.values()) >= 0.8 * sum(n for _f, n in found.values())


def test_devset_recall_and_false_alarms_in_the_real_document(checker):
    from benchmarks.bench_planted import ACCEPTED

    result = planted_context.run_in_document(checker, read("devset"), "devset", ACCEPTED)
    recall = {key: f / n for key, (f, n) in result["found"].items()}
    # in its document, a dropped name is an error: every kind, name-dropped included
    assert min(recall.values()) >= 0.85, recall
    for source, (fa, n) in result["alarms"].items():
        assert fa / n <= 0.03, (source, fa, n)
    assert result["context_differ"] == 0
