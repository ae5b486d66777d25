"""Small dataclasses for concepts, terms and evidence, shared by the store, the builders,
the TBX/CSV formats and the consistency checks.

A concept is language-independent (one official body, one country, one notion); it holds
terms in French and English, each with a type and a status, and evidence of where the terms
were seen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("title", "term", "country")
LANGS = ("fr", "en")
TERM_TYPES = ("fullForm", "acronym", "shortForm", "variant")
STATUSES = ("preferred", "admitted", "deprecated", "superseded")
METHODS = ("curated", "acronym-definition", "aligned", "import", "term")


@dataclass
class Term:
    """One designation of a concept in one language."""

    lang: str
    text: str
    type: str = "fullForm"
    status: str = "preferred"
    #: Do not use this term in consistency checks (for example a too-generic acronym).
    no_check: bool = False
    id: int | None = None


@dataclass
class Evidence:
    """Where a term of the concept was seen: a document, a sentence, its translation."""

    source: str
    context_fr: str = ""
    context_en: str = ""
    symbol: str = ""
    method: str = "curated"
    confidence: float = 1.0
    id: int | None = None
    #: Character offsets ``(start, end)`` of the English term in ``context_en``, when known
    #: (extracted terms: the span the aligner linked, for highlighting).
    span_en: tuple[int, int] | None = None


@dataclass
class Concept:
    """A language-independent entry with its terms and evidence."""

    kind: str = "title"
    terms: list[Term] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    subject: str = ""
    note: str = ""
    #: True for curated reference data; automatic candidates are never allowed to overwrite it.
    curated: bool = False
    #: Confidence of an automatic candidate (1.0 for curated data).
    confidence: float = 1.0
    #: Where the entry comes from (the curated file's source column, or the builder's name).
    origin: str = ""
    id: int | None = None
    created: str = ""
    modified: str = ""

    def terms_in(self, lang: str) -> list[Term]:
        """The terms of one language, in stored order."""
        return [t for t in self.terms if t.lang == lang]
