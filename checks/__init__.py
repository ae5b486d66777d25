"""Consistency checks of a translation against a termbase and its original, both ways.

A library (no command line, no printing): build a :class:`Checker` from an iterable of
:class:`termbase.model.Concept` (or load the cached one of a termbase with
:func:`checks.cache.load_checker`), give it :class:`Segment` pairs, get a :class:`Report`:
``Checker(concepts).check(segments, source="en", lang="fr")`` checks French translations of
English originals with messages in French; ``Report.to_dict()`` / ``to_json()`` carry a
``source`` field.

>>> from termbase.model import Concept, Term
>>> ecowas = Concept("title", [Term("fr", "CEDEAO", "acronym"), Term("en", "ECOWAS", "acronym")])
>>> report = Checker([ecowas]).check([Segment(1, "La CEDEAO a 15 membres.", "ECOWAS has 16 members.")])
>>> [(i.segment, i.kind, i.source_term) for i in report.issues]
[(1, 'number', '15')]

Modules: :mod:`~checks.tokens` (folding), :mod:`~checks.matcher`
(Aho–Corasick), :mod:`~checks.quantities` (numbers, dates, symbols),
:mod:`~checks.checker`, :mod:`~checks.names`, :mod:`~checks.forms`, :mod:`~checks.fuzzy`
(name rules), :mod:`~checks.figures` and :mod:`~checks.style` (numbers in each language's
UN style), :mod:`~checks.messages` (en/fr), :mod:`~checks.cache` (on-disk checker),
:mod:`~checks.direction` (declared languages), :mod:`~checks.consistency`,
:mod:`~checks.inputs` (TSV, TMX, XLIFF, documents),
:mod:`~checks.report` (text, JSON, CSV, HTML).
"""

from checks.checker import Checker
from checks.model import KINDS, Issue, Report, Segment

__all__ = ["KINDS", "Checker", "Issue", "Report", "Segment"]
