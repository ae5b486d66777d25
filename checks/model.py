"""Small dataclasses of the consistency checks: segments, issues and the report.

The JSON shape of :meth:`Report.to_dict` is a contract shared with the web API::

    {"segments": N, "source": "fr", "issues": [{"segment": 1, "kind": "missing-title",
      "severity": "error", "source_term": "...", "expected": ["..."], "found": "...",
      "message": "..."}]}

``source`` is the original side of the pairs (``fr``: English translations checked; ``en``:
French translations checked). A report of a TMX or XLIFF input also has ``"untranslated":
[{"segment": 3, "id": "u3", "reason": "state=new"}, ...]``: the units left unchecked because
they are not translated (yet) (:class:`checks.inputs.Untranslated`).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from termbase.model import Concept, Term

#: Every kind of issue, with its default severity.
KINDS = {
    "missing-title": "error",
    "missing-term": "warning",
    "avoid-term": "error",
    "name-variant": "error",
    "untranslated-acronym": "error",
    "wrong-acronym": "error",
    "country-form": "warning",
    "country-name": "error",
    "number": "error",
    "date": "error",
    "symbol": "error",
    "number-format": "error",
    "typography": "warning",
    "inconsistency": "warning",
}
SEVERITIES = ("error", "warning")


@dataclass
class Segment:
    """One pair: its French and its English side (either may be the original, see
    :meth:`checks.Checker.check`); ``number`` counts from 1."""

    number: int
    fr: str
    en: str
    #: The unit's state in the input (XLIFF ``state``, ``approved``), "" when not given.
    state: str = ""
    #: Inline codes left out of ``fr``/``en`` (:class:`checks.inputs.inline.Code`: offset
    #: in the text and markup), for reports that show them in position.
    fr_codes: tuple = ()
    en_codes: tuple = ()


@dataclass
class Issue:
    """One problem found in one segment."""

    segment: int
    kind: str
    severity: str
    source_term: str = ""
    expected: list[str] = field(default_factory=list)
    found: str = ""
    message: str = ""

    def to_dict(self) -> dict:
        """The fields by name, in order (``dataclasses.asdict``, without its deep copy).

        >>> Issue(1, "number", "error", "3", ["3"]).to_dict()["expected"]
        ['3']
        """
        return {"segment": self.segment, "kind": self.kind, "severity": self.severity,
                "source_term": self.source_term, "expected": list(self.expected),
                "found": self.found, "message": self.message}


@dataclass
class Report:
    """The result of checking a file: how many segments, the original side, and the issues
    in segment order."""

    segments: int
    issues: list[Issue] = field(default_factory=list)
    source: str = "fr"
    #: The units not checked because not translated: ``{"segment", "id", "reason"}`` dicts;
    #: None (left out of :meth:`to_dict`) for inputs that have no such units (TSV, texts).
    untranslated: list[dict] | None = None

    def to_dict(self) -> dict:
        data = {"segments": self.segments, "source": self.source,
                "issues": [i.to_dict() for i in self.issues]}
        if self.untranslated is not None:
            data["untranslated"] = list(self.untranslated)
        return data

    def to_json(self) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def counts(self) -> Counter:
        """Number of issues by kind."""
        return Counter(i.kind for i in self.issues)

    def flagged(self, kinds: set[str] | None = None, severity: str | None = None) -> int:
        """Number of segments with at least one issue (of the given kinds or severity)."""
        return len(
            {
                i.segment
                for i in self.issues
                if (kinds is None or i.kind in kinds)
                and (severity is None or i.severity == severity)
            }
        )


def worth_listing(concept: Concept) -> bool:
    """Whether a concept belongs in a document's glossary and in the checks: every name,
    acronym and country, and the key terms a terminologist curated or the builder found as
    several words. A one-word term the builder found by itself (``mars`` = March, ``thème`` =
    theme, ``égard`` = regard) is general language far more often than terminology, so it is
    left out until someone curates it (a translation is not warned of every ``question`` it
    renders as "matter").

    >>> from termbase.model import Concept, Term
    >>> worth_listing(Concept("term", [Term("fr", "mars")], curated=False))
    False
    >>> worth_listing(Concept("term", [Term("fr", "maintien de la paix")], curated=False))
    True
    >>> worth_listing(Concept("term", [Term("fr", "médiation")], curated=True))
    True
    """
    if concept.kind != "term" or concept.curated:
        return True
    return any(len(t.text.split()) > 1 for t in concept.terms if t.lang == "fr")


def looked_for(concept: Concept, term: Term) -> bool:
    """Whether a designation of a listed concept is looked for in an original: every one,
    except a one-word designation of a key term the builder found by itself. That word is
    general language in an original (*implementation*, *agenda*, *stakeholders*: the French
    writes *application* or *exécution* as often as *mise en œuvre*), as in
    :func:`worth_listing`, now in either language: it is accepted in a translation, not
    required. A hyphenated compound (*capacity-building*) and an acronym are looked for.

    >>> from termbase.model import Concept, Term
    >>> found = Concept("term", [Term("fr", "mise en œuvre"), Term("en", "implementation")])
    >>> [looked_for(found, t) for t in found.terms]
    [True, False]
    >>> looked_for(found, Term("en", "capacity-building"))
    True
    >>> curated = Concept("term", found.terms, curated=True)
    >>> looked_for(curated, curated.terms[1])
    True
    """
    if concept.kind != "term" or concept.curated or term.type == "acronym":
        return True
    return len(term.text.split()) > 1 or "-" in term.text or term.text.isupper()

