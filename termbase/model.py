"""Small dataclasses for concepts, terms and evidence, shared by the store, the builders,
the TBX/CSV formats and the consistency checks.

A concept is language-independent (one official body, one country, one notion); it holds
terms in French and English, each with a type and a status, and evidence of where the terms
were seen.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

KINDS = ("title", "term", "country")
LANGS = ("fr", "en")
TERM_TYPES = ("fullForm", "acronym", "shortForm", "variant")
STATUSES = ("preferred", "admitted", "deprecated", "superseded")
METHODS = ("curated", "acronym-definition", "aligned", "import", "term")


@dataclass
class Field:
    """One more data category of a term or a concept, kept from a TBX import and exported
    again: ``name`` is the TBX data category (``definition``, ``partOfSpeech``,
    ``grammaticalGender``, ``geographicalUsage``, ``termLocation``, ``note``, ``source``,
    ``crossReference``, ``xGraphic``, ``externalCrossReference``, ``customerSubset``,
    ``projectSubset``, ``transaction``).

    ``lang`` places a concept's field in one language section ("" for the concept itself);
    ``source`` is the source given with it (a ``descripGrp``); ``target`` the reference of a
    cross-reference or graphic; ``date`` and ``type`` (``origination``/``modification``) are
    those of a transaction, whose ``value`` is the responsibility.
    """

    name: str
    value: str
    lang: str = ""
    source: str = ""
    target: str = ""
    date: str = ""
    type: str = ""


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
    #: More data categories (part of speech, gender, notes...) kept from an import.
    fields: list[Field] = field(default_factory=list, repr=False)


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
    #: More data categories (definitions, cross-references, graphics...) kept from an import.
    fields: list[Field] = field(default_factory=list, repr=False)

    def terms_in(self, lang: str) -> list[Term]:
        """The terms of one language, in stored order."""
        return [t for t in self.terms if t.lang == lang]


def fields_to_json(fields: list[Field]) -> str:
    """The JSON text of a list of fields (empty attributes left out).

    >>> text = fields_to_json([Field("partOfSpeech", "noun")])
    >>> text, fields_from_json(text)
    ('[{"name": "partOfSpeech", "value": "noun"}]', [Field(name='partOfSpeech', value='noun', lang='', source='', target='', date='', type='')])
    """
    return json.dumps([{k: v for k, v in asdict(f).items() if v or k in ("name", "value")}
                       for f in fields], ensure_ascii=False)


def fields_from_json(text: str | None) -> list[Field]:
    """The fields of :func:`fields_to_json`'s text ("" or None: no fields)."""
    return [Field(**item) for item in json.loads(text)] if text else []
