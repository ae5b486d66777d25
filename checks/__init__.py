"""Consistency checks of an English translation against a termbase and the French source.

A library (no command line, no printing): build a :class:`Checker` from an iterable of
:class:`termbase.model.Concept`, give it :class:`Segment` pairs, get a :class:`Report`.

>>> from termbase.model import Concept, Term
>>> ecowas = Concept("title", [Term("fr", "CEDEAO", "acronym"), Term("en", "ECOWAS", "acronym")])
>>> report = Checker([ecowas]).check([Segment(1, "La CEDEAO a 15 membres.", "ECOWAS has 16 members.")])
>>> [(i.segment, i.kind, i.source_term) for i in report.issues]
[(1, 'number', '15')]

Modules: :mod:`~checks.tokens` (folding), :mod:`~checks.matcher`
(Aho–Corasick), :mod:`~checks.quantities` (numbers, dates, symbols),
:mod:`~checks.checker`, :mod:`~checks.consistency`,
:mod:`~checks.inputs` (TSV, TMX, XLIFF, documents),
:mod:`~checks.report` (text, JSON, CSV, HTML).
"""

from checks.checker import Checker
from checks.model import KINDS, Issue, Report, Segment

__all__ = ["KINDS", "Checker", "Issue", "Report", "Segment"]
