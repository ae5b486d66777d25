"""The glossary of one document: what a translator prepares before starting a job.

:class:`TermIndex` finds the designations of a termbase (every term of every concept, of any
status, with the running forms of country names) in French or English text, through
:mod:`checks.matcher`. :func:`build_glossary` lists, in the order the document reads, every
official name, acronym, country and term of the termbase the document contains, with its
official equivalent in the other language, the status of the form used, the number of
occurrences and the first context; and, apart, the acronyms, capitalised names and candidate
key terms (:mod:`checks.keyterms`: lowercase multiword phrases the document repeats) the
termbase does not know.

>>> from termbase.model import Concept, Term
>>> csto = Concept("title", [Term("fr", "OTSC", "acronym"), Term("en", "CSTO", "acronym"),
...     Term("en", "Collective Security Treaty Organization")], id=7)
>>> g = build_glossary(TermIndex([csto]), ["The CSTO met the OSCE.", "The CSTO left."], "en")
>>> [(e.term, e.equivalent, e.occurrences) for e in g.entries], [u.text for u in g.unknown]
([('CSTO', 'OTSC', 2)], ['OSCE'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

from checks.countries import running_forms
from checks.matcher import Hit, Matcher
from checks.model import worth_listing
from checks.tokens import fold_text, is_acronym_text
from termbase.model import Concept

LANGS = ("fr", "en")
_STATUS_ORDER = {"preferred": 0, "admitted": 1, "deprecated": 2, "superseded": 3}
#: Longest first context kept (characters).
CONTEXT = 300

#: An acronym: two or more capitals (digits and one hyphenated part allowed), not inside a
#: document symbol (S/RES/2210) and not a Roman numeral.
_ACRONYM = re.compile(r"(?<![\w/.-])[A-ZÀ-Ý][A-ZÀ-Ý0-9]*[A-ZÀ-Ý](?:-[A-Za-zÀ-ÿ0-9]+)?(?![\w/])")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
#: A capitalised word (hyphenated parts and apostrophes allowed).
_CAP = r"[A-ZÀ-Ý][\w’'-]*"
_LINK = r"(?:of|for|on|the|in|to|de|des|du|la|le|les|l['’]|d['’]|pour|en|sur|aux|au)"
#: Two or more capitalised words, possibly joined by small words: a name.
_NAME = re.compile(rf"(?<![\w’'-]){_CAP}(?:\s+(?:{_LINK}\s+)*{_CAP})+")
#: Small words that may open a sentence before a name ("In New York", "Le Comité").
_OPENER_WORDS = (
    "the a an in on at by for of to as with from this that these since during after before "
    "under my our his her its their le la les l un une des du de en au aux dans par pour sur "
    "selon depuis lors mon ma mes notre nos son sa ses leur leurs"
)
_OPENERS = frozenset(_OPENER_WORDS.split())


@dataclass
class GlossaryEntry:
    """A concept of the termbase found in the document."""

    concept_id: int | None
    kind: str
    #: The form the document uses (its first occurrence), its type and status.
    term: str
    type: str
    status: str
    #: The official equivalent in the other language ("Full name (ACRONYM)").
    equivalent: str
    equivalents: list[str]
    occurrences: int
    context: str
    #: Where it first occurs: sentence number (from 1) and character offset.
    sentence: int
    offset: int
    #: How the first occurrence matched the termbase's form: "exact" (case and apostrophes
    #: aside), "accent-insensitive" (only accents differ) or "variant" (plural, hyphens...).
    match: str = "exact"


@dataclass
class UnknownTerm:
    """An acronym, a capitalised name or a candidate key term of the document that the
    termbase does not know."""

    text: str
    kind: str  # "acronym", "name" or "term"
    occurrences: int
    context: str
    sentence: int
    offset: int
    #: For an acronym, its full form as the document defines it ("Full Name (ACR)").
    definition: str = ""


@dataclass
class Glossary:
    """The glossary of one document, in reading order."""

    document: str
    source: str
    entries: list[GlossaryEntry] = field(default_factory=list)
    unknown: list[UnknownTerm] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"document": self.document, "source": self.source,
                "target": other(self.source),
                "entries": [asdict(e) for e in self.entries],
                "unknown": [asdict(u) for u in self.unknown]}


def other(lang: str) -> str:
    """The other language.

    >>> other("fr"), other("en")
    ('en', 'fr')
    """
    return "en" if lang == "fr" else "fr"


class TermIndex:
    """Every designation of the given concepts, found in French or English text."""

    def __init__(self, concepts: Iterable[Concept]):
        self.concepts: list[Concept] = list(concepts)
        #: (concept index, term index, form) of every row given to the matchers.
        self.rows: list[tuple[int, int, str]] = []
        rows: dict[str, list] = {lang: [] for lang in LANGS}
        for index, concept in enumerate(self.concepts):
            for number, term in enumerate(concept.terms):
                if term.lang not in rows:
                    continue
                acronym = term.type == "acronym" or is_acronym_text(term.text)
                forms = running_forms(term.text) if concept.kind == "country" else [term.text]
                for form in forms:
                    rows[term.lang].append((index, len(self.rows), form, acronym))
                    self.rows.append((index, number, form))
        self.matchers = {lang: Matcher(rows[lang]) for lang in LANGS}

    def find(self, text: str, lang: str) -> list[Hit]:
        """The designations in ``text`` (longest where they overlap), in text order."""
        return self.matchers[lang].find(text)

    def term_of(self, hit: Hit):
        """The concept and the term a hit is a form of."""
        index, number, _form = self.rows[hit.entry.term]
        concept = self.concepts[index]
        return concept, concept.terms[number]

    def attested(self, fr: str, en: str) -> list[Concept]:
        """The concepts named in both a French sentence and its English translation."""
        fr_concepts = {self.rows[h.entry.term][0] for h in self.find(fr, "fr")}
        en_concepts = {self.rows[h.entry.term][0] for h in self.find(en, "en")}
        return [self.concepts[i] for i in sorted(fr_concepts & en_concepts)]


def display_name(concept: Concept, lang: str) -> tuple[str, list[str]]:
    """``Full form (ACRONYM)`` of a concept in one language, and its usable forms.

    >>> from termbase.model import Term
    >>> display_name(Concept("title", [Term("fr", "ONU", "acronym"),
    ...     Term("fr", "Organisation des Nations Unies")]), "fr")
    ('Organisation des Nations Unies (ONU)', ['ONU', 'Organisation des Nations Unies'])
    """
    terms = sorted(concept.terms_in(lang), key=lambda t: _STATUS_ORDER.get(t.status, 4))
    usable = [t for t in terms if t.status in ("preferred", "admitted")]
    full = next((t.text for t in usable if t.type != "acronym"), "")
    acronym = next((t.text for t in usable if t.type == "acronym"), "")
    name = f"{full} ({acronym})" if full and acronym else full or acronym
    return name, [t.text for t in usable]


def match_kind(found: str, form: str) -> str:
    """How a text found in a document matched a termbase form.

    >>> match_kind("Conseil de Securite", "Conseil de sécurité")
    'accent-insensitive'
    >>> match_kind("l’Asie", "l'Asie"), match_kind("Nations unies", "Nations Unies")
    ('exact', 'exact')
    >>> match_kind("Missions de paix", "Mission de paix")
    'variant'
    """
    def plain(text: str) -> str:
        return " ".join(text.replace("’", "'").casefold().split())

    if plain(found) == plain(form):
        return "exact"
    if plain(fold_text(found)) == plain(fold_text(form)):
        return "accent-insensitive"
    return "variant"


def context_of(sentence: str, start: int, end: int, size: int = CONTEXT) -> str:
    """The sentence, cut to about ``size`` characters around ``start:end``.

    >>> context_of("a" * 50 + " CSTO " + "b" * 50, 51, 55, size=20)
    '…aaaaaaa CSTO bbbbbbb…'
    """
    if len(sentence) <= size:
        return sentence
    half = max(0, (size - (end - start)) // 2)
    lo, hi = max(0, start - half), min(len(sentence), end + half)
    return ("…" if lo else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else "")


def build_glossary(index: TermIndex, sentences: Sequence[str], source: str,
                   document: str = "") -> Glossary:
    """The glossary of a document given as its sentences, written in ``source``."""
    if source not in LANGS:
        raise ValueError(f"source must be fr or en, not {source!r}")
    target = other(source)
    found: dict[int, GlossaryEntry] = {}
    unknown: dict[tuple[str, str], UnknownTerm] = {}
    named: list[list[tuple[int, int]]] = []  # per sentence: the spans found above
    for number, sentence in enumerate(sentences, 1):
        hits = index.find(sentence, source)
        for hit in hits:
            concept, term = index.term_of(hit)
            if not worth_listing(concept):
                continue
            key = index.rows[hit.entry.term][0]
            entry = found.get(key)
            if entry is not None:
                entry.occurrences += 1
                continue
            equivalent, equivalents = display_name(concept, target)
            found[key] = GlossaryEntry(
                concept.id, concept.kind, hit.text, term.type, term.status, equivalent,
                equivalents, 1, context_of(sentence, hit.start, hit.end), number, hit.start,
                match_kind(hit.text, index.rows[hit.entry.term][2]))
        taken = [(h.start, h.end) for h in hits]
        candidates = _candidates(sentence)
        named.append(taken + [(start, end) for start, end, _kind in candidates])
        for start, end, kind in candidates:
            if any(a < end and start < b for a, b in taken):
                continue
            text = sentence[start:end]
            seen = unknown.get((kind, text))
            if seen is not None:
                seen.occurrences += 1
                continue
            unknown[(kind, text)] = UnknownTerm(text, kind, 1, context_of(sentence, start, end),
                                                number, start)
    _add_definitions(unknown, sentences, source)
    for term in unknown_terms(sentences, source, named):
        unknown[("term", term.text)] = term
    order = lambda item: (item.sentence, item.offset)  # noqa: E731
    return Glossary(document, source, sorted(found.values(), key=order),
                    sorted(unknown.values(), key=order))


def unknown_terms(sentences: Sequence[str], lang: str,
                  named: Sequence[Sequence[tuple[int, int]]]) -> list[UnknownTerm]:
    """The candidate key terms of the document outside the ``named`` spans of each sentence
    (termbase designations, acronyms, capitalised names), as unknown terms of kind "term".

    >>> s = ["La Commission de la sécurité alimentaire suit la sécurité alimentaire mondiale.",
    ...      "La sécurité alimentaire mondiale reste fragile."]
    >>> [(u.text, u.occurrences) for u in unknown_terms(s, "fr", [[(0, 40)], []])]
    [('sécurité alimentaire mondiale', 2)]
    """
    from checks.keyterms import key_terms

    return [UnknownTerm(t.text, "term", t.occurrences,
                        context_of(sentences[t.sentence - 1], t.start, t.end), t.sentence, t.start)
            for t in key_terms(sentences, lang, named)]


def _add_definitions(unknown: dict[tuple[str, str], UnknownTerm], sentences: Sequence[str],
                     lang: str) -> None:
    """Give the unknown acronyms the full form the document defines them with, and drop the
    capitalised names that are only such a full form (listed once, with their acronym)."""
    from termbase.extract.acronyms import find_definitions

    wanted = {text for kind, text in unknown if kind == "acronym"}
    if not wanted:
        return
    definitions: dict[str, str] = {}
    for sentence in sentences:
        if any(acronym in sentence for acronym in wanted):
            for pair in find_definitions(sentence, lang):
                definitions.setdefault(pair.acronym, pair.definition)
    for acronym, definition in definitions.items():
        if ("acronym", acronym) in unknown:
            unknown[("acronym", acronym)].definition = definition
            for key in [k for k in unknown if k[0] == "name" and k[1] in definition]:
                del unknown[key]


def _candidates(sentence: str) -> list[tuple[int, int, str]]:
    """Acronyms and capitalised names of a sentence (not of an all-capitals heading).

    >>> s = "In New York, the Peacebuilding Commission met UNOWAS and the Council on 3 May."
    >>> [s[a:b] for a, b, _kind in _candidates(s)]
    ['New York', 'Peacebuilding Commission', 'UNOWAS']
    """
    letters = [c for c in sentence if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return []
    out = []
    for match in _ACRONYM.finditer(sentence):
        if not _ROMAN.match(match.group()):
            out.append((match.start(), match.end(), "acronym"))
    for match in _NAME.finditer(sentence):
        start, end = match.span()
        words = match.group().split()
        while words and (words[0].lower() in _OPENERS or re.fullmatch(_LINK, words[0].lower())):
            start = sentence.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]
        if len(words) >= 2 and not any(a < end and start < b for a, b, _k in out):
            out.append((start, end, "name"))
    return sorted(out)


#: Formats :func:`render` writes (TBX is written from the concepts, see ``termalign glossary``).
FORMATS = ("text", "csv", "tsv", "json")
COLUMNS = ("section", "term", "equivalent", "kind", "type", "status", "match", "occurrences",
           "sentence", "context")


def rows(glossary: Glossary) -> list[list[str]]:
    """One row per entry, then one per unknown term (the :data:`COLUMNS`)."""
    out = [["entry", e.term, e.equivalent, e.kind, e.type, e.status, e.match,
            str(e.occurrences), str(e.sentence), e.context] for e in glossary.entries]
    out += [["unknown", u.text, u.definition, u.kind, "", "", "", str(u.occurrences),
             str(u.sentence), u.context] for u in glossary.unknown]
    return out


def render(glossary: Glossary, fmt: str = "text") -> str:
    """The glossary as text, CSV, TSV or JSON.

    >>> g = Glossary("d.txt", "en", [GlossaryEntry(1, "title", "CSTO", "acronym", "preferred",
    ...     "OTSC", ["OTSC"], 2, "The CSTO met.", 1, 4)], [UnknownTerm("OSCE", "acronym", 1,
    ...     "The OSCE met.", 2, 4)])
    >>> print(render(g), end="")
    d.txt: 1 known term, 1 unknown
    CSTO = OTSC  [official name, acronym; 2×; sentence 1]
        The CSTO met.
    <BLANKLINE>
    Not in the termbase:
    OSCE  [acronym; 1×; sentence 2]
        The OSCE met.
    """
    import csv
    import io
    import json

    if fmt == "json":
        return json.dumps(glossary.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows(glossary):
            writer.writerow([" ".join(cell.split()) for cell in row] if fmt == "tsv" else row)
        return out.getvalue()
    if fmt != "text":
        raise ValueError(f"unknown glossary format {fmt!r}; use one of {', '.join(FORMATS)}")
    kinds = {"title": "official name", "term": "term", "country": "country"}
    known, unknown = len(glossary.entries), len(glossary.unknown)
    lines = [f"{glossary.document or 'document'}: {known} known term{'s' * (known != 1)}, "
             f"{unknown} unknown"]
    for e in glossary.entries:
        status = "" if e.status == "preferred" else f", {e.status}"
        if e.match != "exact":
            status += f", {e.match} match"
        lines.append(f"{e.term} = {e.equivalent or '?'}  [{kinds.get(e.kind, e.kind)}, "
                     f"{e.type}{status}; {e.occurrences}×; sentence {e.sentence}]")
        lines.append(f"    {e.context}")
    if glossary.unknown:
        lines += ["", "Not in the termbase:"]
        for u in glossary.unknown:
            defined = f" = {u.definition}" if u.definition else ""
            lines.append(f"{u.text}{defined}  [{u.kind}; {u.occurrences}×; sentence {u.sentence}]")
            lines.append(f"    {u.context}")
    return "\n".join(lines) + "\n"
