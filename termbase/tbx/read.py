"""Streaming, defensive TBX reader: TBX v3 (any style close to TBX-Basic DCA) and v2 (martif).

The XML parser never resolves entities, loads DTDs or touches the network; a document whose
DOCTYPE declares entities (a "billion laughs" bomb) is refused. Languages other than French
and English are ignored (IATE exports carry many); an entry without French or English terms
is skipped. termalign's own fields come back from the notes written by :mod:`.write`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from termbase import safexml
from termbase.errors import FormatError
from termbase.model import LANGS, Concept, Evidence, Term
from termbase.tbx import notes

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TERM_TYPES = {"fullForm": "fullForm", "acronym": "acronym", "abbreviation": "shortForm",
               "shortForm": "shortForm", "variant": "variant", "phrase": "variant",
               "initialism": "acronym", "shortcut": "shortForm"}
_STATUSES = ("preferred", "admitted", "deprecated", "superseded")
_CONTEXT_ID = re.compile(r"-e(\d+)-(fr|en)$")
_SPACE = re.compile(r"\s+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&./-]*[A-Z0-9]")


def _local(el) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _text(el) -> str:
    text = el.text or "" if len(el) == 0 else "".join(el.itertext())
    return _SPACE.sub(" ", text).strip()


def _lines(el) -> str:
    """Text of a note with its line breaks kept (white space inside lines collapsed)."""
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(el.itertext()).splitlines())
    return "\n".join(line for line in lines if line)


def _status(value: str) -> str | None:
    """``preferredTerm-admn-sts`` (or ``preferred``, as some tools write) → ``preferred``.

    >>> _status("deprecatedTerm-admn-sts"), _status("admitted"), _status("standardized")
    ('deprecated', 'admitted', None)
    """
    value = value.strip()
    for status in _STATUSES:
        if value.startswith(status):
            return status
    return None


def _term_type(value: str, text: str) -> str:
    """Map a TBX termType to termalign's; an all-capital ``abbreviation`` is an acronym.

    >>> _term_type("abbreviation", "CSTO"), _term_type("abbreviation", "Corp."), _term_type("x", "y")
    ('acronym', 'shortForm', 'fullForm')
    """
    if value == "abbreviation" and _ACRONYM.fullmatch(text):
        return "acronym"
    return _TERM_TYPES.get(value, "fullForm")


def iter_load(path: str | Path) -> Iterator[Concept]:
    """Yield the concepts of a TBX v3 or v2 file, one entry at a time."""
    try:
        events = safexml.iterparse(path, events=("end",), remove_comments=True, remove_pis=True)
        first = True
        for _event, el in events:
            if first:  # the root and the DOCTYPE are known once the first element ends
                _check_root(el.getroottree().getroot(), path)
                first = False
            if _local(el) in ("conceptEntry", "termEntry"):
                concept = _entry(el)
                el.clear(keep_tail=False)
                parent = el.getparent()
                while parent is not None and el.getprevious() is not None:
                    del parent[0]
                if concept is not None:
                    yield concept
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"{path}: not well-formed XML ({exc})") from exc


def load(path: str | Path) -> list[Concept]:
    """All the concepts of a TBX file."""
    return list(iter_load(path))


def _check_root(root, path) -> None:
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise FormatError(f"{path}: refusing a TBX file whose DOCTYPE declares entities")
    if _local(root) not in ("tbx", "martif"):
        raise FormatError(f"{path}: not a TBX file (root element <{_local(root)}>)")


def _entry(entry) -> Concept | None:
    concept = Concept(kind="term", origin="", confidence=1.0)
    own: dict[str, str] = {}
    evidence: dict[int, Evidence] = {}
    extra: list[Evidence] = []
    user_notes = []
    for child in entry:
        name = _local(child)
        if name in ("descrip", "descripGrp") and not concept.subject:
            # IATE wraps the subject field in a descripGrp; keep the first one.
            field = child if name == "descrip" else next(iter(child), None)
            if field is not None and field.get("type") == "subjectField":
                concept.subject = _text(field)
        elif name == "note":
            text = _lines(child)
            fields = notes.decode(notes.CONCEPT, text)
            ev_fields = notes.decode(notes.EVIDENCE, text)
            if fields is not None:
                own = fields
            elif ev_fields is not None:
                evidence[int(notes.as_float(ev_fields.get("n"), len(evidence)))] = Evidence(
                    source=ev_fields.get("source", ""), symbol=ev_fields.get("symbol", ""),
                    context_fr=ev_fields.get("context_fr", ""),
                    context_en=ev_fields.get("context_en", ""),
                    method=ev_fields.get("method", "import"),
                    confidence=notes.as_float(ev_fields.get("confidence"), 1.0))
            elif text:
                user_notes.append(text)
        elif name == "admin" and child.get("type") == "source":
            extra.append(Evidence(source=_text(child), method="import"))
        elif name == "transacGrp":
            date = next((_text(d) for d in child if _local(d) == "date"), "")
            kind = next((_text(t) for t in child if _local(t) == "transac"), "")
            if date and kind == "origination":
                concept.created = date
        elif name in ("langSec", "langSet"):
            lang = (child.get(XML_LANG) or "").split("-")[0].lower()
            if lang in LANGS:
                for sec in child:
                    if _local(sec) in ("termSec", "tig", "ntig"):
                        _term(sec, lang, concept, evidence, extra)
    if not concept.terms:
        return None
    concept.note = "\n".join(user_notes)
    if own:
        concept.kind = own.get("kind", "term")
        concept.curated = own.get("curated") == "yes"
        concept.confidence = notes.as_float(own.get("confidence"), 1.0)
        concept.origin = own.get("origin", "")
    concept.evidence = [evidence[k] for k in sorted(evidence)] + extra
    return concept


def _term(sec, lang: str, concept: Concept, evidence: dict[int, Evidence], extra) -> None:
    term_el = next(sec.iter("{*}term", "term"), None)
    if term_el is None or not _text(term_el):
        return
    term = Term(lang=lang, text=_text(term_el))
    for el in sec.iter():
        name, kind = _local(el), el.get("type")
        if name == "termNote" and kind == "termType":
            term.type = _term_type(_text(el), term.text)
        elif name == "termNote" and kind == "administrativeStatus":
            term.status = _status(_text(el)) or term.status
        elif name == "admin" and kind == "customerSubset" and _text(el) == notes.NO_CHECK:
            term.no_check = True
        elif name == "descrip" and kind == "context":
            _context(el, lang, evidence, extra)
    concept.terms.append(term)


def _context(descrip, lang: str, evidence: dict[int, Evidence], extra) -> None:
    context = _text(descrip)
    group = descrip.getparent()
    match = _CONTEXT_ID.search(group.get("id") or "") if _local(group) == "descripGrp" else None
    if match and int(match.group(1)) in evidence:
        setattr(evidence[int(match.group(1))], f"context_{lang}", context)
        return
    source = ""
    if _local(group) == "descripGrp":
        source = next((_text(a) for a in group if _local(a) == "admin"
                       and a.get("type") == "source"), "")
    extra.append(Evidence(source=source, method="import", **{f"context_{lang}": context}))
