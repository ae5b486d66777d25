"""Streaming, defensive TBX reader: TBX v3 (any style close to TBX-Basic DCA) and v2 (martif).

The XML parser never resolves entities, loads DTDs or touches the network; a document whose
DOCTYPE declares entities (a "billion laughs" bomb) is refused. Languages other than French
and English are ignored (IATE exports carry many); an entry without French or English terms
is skipped. termalign's own fields come back from the categories written by :mod:`.write`
(and from the ``termalign:`` notes of earlier versions).

What is kept: see :mod:`termbase.tbx.categories` for statuses; definitions, part of speech,
grammatical gender, geographical usage, term location, notes, sources, cross-references,
graphics, customer and project subsets and transactions become :class:`~termbase.model.Field`
s of the concept or the term; contexts become evidence. Anything else (other languages,
categories outside TBX-Basic) is counted in the ``ignored`` counter the caller passes, by
a short description, so that an import can say what it left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from termbase import safexml
from termbase.errors import FormatError
from termbase.model import KINDS, LANGS, Concept, Evidence, Field, Term
from termbase.tbx import categories, notes

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TERM_TYPES = {"fullForm": "fullForm", "acronym": "acronym", "abbreviation": "shortForm",
               "shortForm": "shortForm", "variant": "variant", "phrase": "variant",
               "initialism": "acronym", "shortcut": "shortForm"}
_CONTEXT_ID = re.compile(r"-e(\d+)-(fr|en)$")
_SPACE = re.compile(r"\s+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&./-]*[A-Z0-9]")


def _local(el) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


#: TBX v3 DCT style: a module's element named after its data category (``<min:partOfSpeech>``),
#: read as the DCA element with that type (``<termNote type="partOfSpeech">``).
_DCT = {**dict.fromkeys(("termType", "administrativeStatus", "usageStatus",
                         "normativeAuthorization", *categories.TERM_NOTES), "termNote"),
        **dict.fromkeys(("definition", "context", "subjectField"), "descrip"),
        **dict.fromkeys(("source", *categories.ADMINS), "admin"),
        "crossReference": "ref", "xGraphic": "xref", "externalCrossReference": "xref",
        "transactionType": "transac", "responsibility": "transacNote"}
_CORE = {None, "urn:iso:std:iso:30042:ed-2"}


def _kind(el) -> tuple[str, str]:
    """``(element, type)`` of an element, DCT-style elements read as their DCA form.

    >>> from lxml import etree
    >>> _kind(etree.fromstring('<termNote type="partOfSpeech">noun</termNote>'))
    ('termNote', 'partOfSpeech')
    >>> _kind(etree.fromstring('<min:partOfSpeech xmlns:min="http://www.tbxinfo.net/ns/min">noun</min:partOfSpeech>'))
    ('termNote', 'partOfSpeech')
    """
    name = _local(el)
    if isinstance(el.tag, str) and etree.QName(el).namespace not in _CORE and name in _DCT:
        return _DCT[name], name
    return name, el.get("type") or ""


def _text(el) -> str:
    text = el.text or "" if len(el) == 0 else "".join(el.itertext())
    return _SPACE.sub(" ", text).strip()


def _lines(el) -> str:
    """Text of a note with its line breaks kept (white space inside lines collapsed)."""
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(el.itertext()).splitlines())
    return "\n".join(line for line in lines if line)


def _term_type(value: str, text: str) -> str:
    """Map a TBX termType to termalign's; an all-capital ``abbreviation`` is an acronym.

    >>> _term_type("abbreviation", "CSTO"), _term_type("abbreviation", "Corp."), _term_type("x", "y")
    ('acronym', 'shortForm', 'fullForm')
    """
    if value == "abbreviation" and _ACRONYM.fullmatch(text):
        return "acronym"
    return _TERM_TYPES.get(value, "fullForm")


def iter_load(path: str | Path, ignored: Counter | None = None) -> Iterator[Concept]:
    """Yield the concepts of a TBX v3 or v2 file, one entry at a time; what is not kept is
    counted in ``ignored``."""
    ignored = Counter() if ignored is None else ignored
    try:
        events = safexml.iterparse(path, events=("end",), remove_comments=True, remove_pis=True)
        first = True
        for _event, el in events:
            if first:  # the root and the DOCTYPE are known once the first element ends
                _check_root(el.getroottree().getroot(), path)
                first = False
            if _local(el) in ("conceptEntry", "termEntry"):
                concept = _Entry(ignored).read(el)
                el.clear(keep_tail=False)
                parent = el.getparent()
                while parent is not None and el.getprevious() is not None:
                    del parent[0]
                if concept is not None:
                    yield concept
                else:
                    ignored["entries without a French or English term"] += 1
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"{path}: not well-formed XML ({exc})") from exc


def load(path: str | Path, ignored: Counter | None = None) -> list[Concept]:
    """All the concepts of a TBX file."""
    return list(iter_load(path, ignored))


def _check_root(root, path) -> None:
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise FormatError(f"{path}: refusing a TBX file whose DOCTYPE declares entities")
    if _local(root) not in ("tbx", "martif"):
        raise FormatError(f"{path}: not a TBX file (root element <{_local(root)}>)")


def _grouped(el):
    """An element's children, with the members of ``termGrp``/``termNoteGrp`` in their place."""
    for child in el:
        if _local(child) in ("termGrp", "termNoteGrp"):
            yield from _grouped(child)
        else:
            yield child


class _Entry:
    """Reads one ``conceptEntry``/``termEntry``."""

    def __init__(self, ignored: Counter):
        self.ignored = ignored
        self.concept = Concept(kind="term", origin="", confidence=1.0)
        self.own: dict[str, str] = {}  # fields of a ``termalign:`` note (earlier versions)
        self.evidence: dict[int, Evidence] = {}
        self.extra: list[Evidence] = []
        self.user_notes: list[str] = []
        self.origination = False

    def read(self, entry) -> Concept | None:
        concept = self.concept
        for child in entry:
            name = _local(child)
            if name in ("langSec", "langSet"):
                tag = child.get(XML_LANG) or ""
                lang = tag.split("-")[0].lower()
                if lang in LANGS:
                    self.lang_sec(child, lang)
                else:
                    sections = sum(1 for s in child if _local(s) in ("termSec", "tig", "ntig"))
                    self.ignored[f"term sections in other languages ({tag or '?'})"] += sections
            elif name:
                self.aux(child, "")
        if not concept.terms:
            return None
        concept.note = "\n".join(self.user_notes)
        if self.own:
            concept.kind = self.own.get("kind", concept.kind)
            concept.curated = self.own.get("curated") == "yes"
            concept.confidence = notes.as_float(self.own.get("confidence"), concept.confidence)
            concept.origin = self.own.get("origin", concept.origin)
        concept.evidence = [self.evidence[k] for k in sorted(self.evidence)] + self.extra
        return concept

    def lang_sec(self, sec, lang: str) -> None:
        for child in sec:
            name = _local(child)
            if name in ("termSec", "tig", "ntig"):
                self.term(child, lang)
            elif name:
                self.aux(child, lang)

    def aux(self, el, lang: str, source: str = "") -> None:
        """A concept-level (``lang`` "") or language-level element."""
        concept, (name, kind) = self.concept, _kind(el)
        if name == "descripGrp":
            source = next((_text(a) for a in el if _kind(a) == ("admin", "source")), "")
            for child in el:
                if _kind(child) != ("admin", "source"):
                    self.aux(child, lang, source)
        elif name == "descrip" and kind == "subjectField" and not concept.subject and not lang:
            concept.subject = _text(el)
        elif name == "descrip" and kind in ("definition", "subjectField"):
            concept.fields.append(Field(kind, _lines(el), lang, source))
        elif name == "descrip" and _lines(el):  # not a TBX-Basic category: kept as a note
            self.note(f"{kind}: {_lines(el)}", lang)
            self.ignored[f"descrip type={kind} (kept as a note)"] += 1
        elif name == "note":
            self.note(_lines(el), lang)
        elif name == "admin" and kind == "source" and not lang:
            self.extra.append(Evidence(source=_text(el), method="import"))
        elif name == "admin" and kind == "projectSubset" and _text(el) in KINDS and not lang:
            concept.kind = _text(el)
        elif name == "admin" and kind == "projectSubset" and _text(el) == "curated" and not lang:
            concept.curated = True
        elif name == "admin" and kind in ("source", *categories.ADMINS):
            concept.fields.append(Field(kind, _text(el), lang, source))
        elif (name == "ref" and kind in categories.REFS) or (
                name == "xref" and kind in categories.XREFS):
            concept.fields.append(Field(kind, _text(el), lang, source, self.target(el)))
        elif name == "transacGrp":
            field = _transaction(el, lang, self.ignored)
            if field is None:
                self.ignored["transactions of another type than origination, modification"] += 1
            elif not lang and field.type == "origination" and not self.origination:
                self.origination = True
                concept.created, concept.origin = field.date, field.value
                if field.target:  # kept whole: the writer then writes it instead of its own
                    concept.fields.append(field)
            else:
                concept.fields.append(field)
        else:
            self.ignore(el)

    def note(self, text: str, lang: str) -> None:
        if not text:
            return
        own = notes.decode(notes.CONCEPT, text)
        ev = notes.decode(notes.EVIDENCE, text)
        confidence = categories.confidence_of(text)
        if own is not None and not lang:
            self.own = own
        elif ev is not None and not lang:
            self.evidence[int(notes.as_float(ev.get("n"), len(self.evidence)))] = Evidence(
                source=ev.get("source", ""), symbol=ev.get("symbol", ""),
                context_fr=ev.get("context_fr", ""), context_en=ev.get("context_en", ""),
                method=ev.get("method", "import"),
                confidence=notes.as_float(ev.get("confidence"), 1.0))
        elif confidence is not None and not lang:
            self.concept.confidence = confidence
        elif lang:
            self.concept.fields.append(Field("note", text, lang))
        else:
            self.user_notes.append(text)

    def target(self, el) -> str:
        """A reference's target: an ``xref``'s URI; the ids a ``ref`` points to (entries,
        terms elsewhere in the file) are not kept (termalign writes its own ids), counted."""
        target = el.get("target", "")
        if target and _local(el) != "xref" and "://" not in target:  # xref: always a URI
            self.ignored["references to ids in the file (people, other entries): target dropped"] += 1
            return ""
        return target

    def ignore(self, el) -> None:
        name, kind = _kind(el)
        self.ignored[f"{name} type={kind}" if kind else name] += 1

    def term(self, sec, lang: str) -> None:
        children = list(_grouped(sec))
        term_el = next((c for c in children if _local(c) == "term"), None)
        if term_el is None or not _text(term_el):
            self.ignored["term sections without a term"] += 1
            return
        term = Term(lang=lang, text=_text(term_el))
        statuses = []
        for el in children:
            name, kind = _kind(el)
            if el is term_el or not name:
                continue
            if name == "termNote" and kind == "termType":
                term.type = _term_type(_text(el), term.text)
            elif name == "termNote" and kind in categories.STATUS_CATEGORIES:
                found = categories.status(_text(el))
                if found is None:
                    self.ignored[f"{kind} value {_text(el)!r}"] += 1
                else:
                    statuses.append(found)
            elif name == "termNote" and kind in categories.TERM_NOTES:
                term.fields.append(Field(kind, _text(el)))
            elif name == "admin" and kind == "customerSubset" and _text(el) == notes.NO_CHECK:
                term.no_check = True
            elif name == "admin" and kind == "projectSubset" and _text(el) in KINDS:
                self.concept.kind = _text(el)  # TBX v2: the concept's kind, on its terms
            elif name == "admin" and kind == "projectSubset" and _text(el) == "curated":
                self.concept.curated = True
            elif name in ("descrip", "descripGrp") and _context_of(el) is not None:
                self.context(_context_of(el), lang)
            elif name == "descripGrp":
                source = next((_text(a) for a in el if _kind(a) == ("admin", "source")), "")
                first = next(iter(el), None)
                if first is not None and _kind(first)[1] == "definition":
                    term.fields.append(Field("definition", _lines(first), source=source))
                else:
                    self.ignore(first if first is not None else el)
            elif name == "descrip" and kind == "definition":
                term.fields.append(Field("definition", _lines(el)))
            elif name == "note":
                term.fields.append(Field("note", _lines(el)))
            elif name == "admin" and kind in ("source", *categories.ADMINS):
                term.fields.append(Field(kind, _text(el)))
            elif (name == "ref" and kind in categories.REFS) or (
                    name == "xref" and kind in categories.XREFS):
                term.fields.append(Field(kind, _text(el), target=self.target(el)))
            elif name == "transacGrp" and _transaction(el, "", self.ignored) is not None:
                term.fields.append(_transaction(el, "", Counter()))
            else:
                self.ignore(el)
        term.status = categories.strictest(statuses)
        self.concept.terms.append(term)

    def context(self, descrip, lang: str) -> None:
        context = _text(descrip)
        group = descrip.getparent()
        match = _CONTEXT_ID.search(group.get("id") or "") if _local(group) == "descripGrp" else None
        if match and int(match.group(1)) in self.evidence:
            setattr(self.evidence[int(match.group(1))], f"context_{lang}", context)
            return
        source = ""
        if _local(group) == "descripGrp":
            source = next((_text(a) for a in group if _kind(a) == ("admin", "source")), "")
        self.extra.append(Evidence(source=source, method="import", **{f"context_{lang}": context}))


def _context_of(el):
    """The ``descrip type="context"`` of a descrip or descripGrp, else None."""
    if _local(el) == "descripGrp":
        el = next(iter(el), None)
    if el is not None and _kind(el) == ("descrip", "context"):
        return el
    return None


_TRANSACTIONS = {"origination": "origination", "creation": "origination",
                 "modification": "modification", "update": "modification"}


def _transaction(grp, lang: str, ignored: Counter) -> Field | None:
    """A ``transacGrp`` as a field (``creation`` is read as ``origination``), None for a
    transaction of another type."""
    field = Field("transaction", "", lang)
    for child in grp:
        name, kind = _kind(child)
        if name == "transac":
            field.type = _TRANSACTIONS.get(_text(child), "")
            if not field.type:
                return None
        elif name == "date":
            field.date = _text(child)
        elif name == "transacNote" and kind == "responsibility":
            field.value, field.target = _text(child), child.get("target", "")
    if field.target and "://" not in field.target:
        ignored["references to ids in the file (people, other entries): target dropped"] += 1
        field.target = ""
    return field
