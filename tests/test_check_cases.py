"""Planted errors and their clean twins (tests/data/check_cases.tsv), real UN sentences.

Each case is checked twice: the clean English must give no issue at all, the planted error
must give an issue of the case's kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import conceptlist
from checks.checker import Checker

DATA = Path(__file__).parent / "data"


def _cases() -> list[tuple[str, ...]]:
    rows = []
    for line in (DATA / "check_cases.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(tuple(cell.replace("\\n", "\n") for cell in line.split("\t")))
    return rows


CASES = _cases()
#: Planted cases whose translation keeps no word of the dropped name.
WITHOUT_TRACE = {"cei-dropped"}


@pytest.fixture(scope="module")
def checker(seeds_root) -> Checker:
    concepts = conceptlist.load(DATA / "check_concepts.tsv")
    concepts += conceptlist.unterm_countries(seeds_root / "unterm" / "unterm_countries_en_fr.tsv")
    return Checker(concepts)


def test_enough_cases():
    assert len(CASES) >= 40
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_clean_twin_has_no_issue(checker, case):
    _id, _kind, _source, fr, en_clean, _en_error = case
    issues = checker.check_pair(fr, en_clean)
    assert issues == []


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_planted_error_is_flagged(checker, case):
    _id, kind, _source, fr, _en_clean, en_error = case
    issues = checker.check_pair(fr, en_error)
    # a name written with one word wrong is a name-variant, a finer missing-title
    kinds = {kind, "name-variant"} if kind == "missing-title" else {kind}
    assert kinds & {i.kind for i in issues}, issues
    issue = next(i for i in issues if i.kind in kinds)
    assert issue.message and issue.segment == 1
    if kind in ("missing-title", "avoid-term", "untranslated-acronym", "country-name"):
        assert issue.expected
    if issue.kind in ("missing-title", "untranslated-acronym", "country-name", "number", "date"):
        # a name left without any trace in the translation (a pronoun or an omission) is
        # only a warning: "the Community" for "CIS" has no word of the name
        weak = issue.kind == "missing-title" and _id in WITHOUT_TRACE
        assert issue.severity == ("warning" if weak else "error")
