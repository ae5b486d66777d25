"""Streaming TBX-Basic writer: v3 (ISO 30042:2019, DCA style) and v2 (``martif``).

Concepts are written one ``conceptEntry``/``termEntry`` at a time through lxml's incremental
writer, so exporting 100,000 concepts needs little memory; the file is written to a temporary
name and moved into place, so a failed export never leaves a half-written file behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from ioguard.atomic import replacing
from termbase.errors import FormatError
from termbase.model import Concept, Term
from termbase.symbols import clean_symbol
from termbase.tbx import notes

NS_V3 = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_TO_TBX = {s: f"{s}Term-admn-sts" for s in ("preferred", "admitted", "deprecated",
                                                   "superseded")}


class _Names:
    """Element names of one TBX version."""

    def __init__(self, version: int):
        self.version = version
        ns = f"{{{NS_V3}}}" if version == 3 else ""
        self.ns = ns
        self.entry = ns + ("conceptEntry" if version == 3 else "termEntry")
        self.lang_sec = ns + ("langSec" if version == 3 else "langSet")
        self.term_sec = ns + ("termSec" if version == 3 else "tig")
        self.nsmap = {None: NS_V3} if version == 3 else None

    def top(self, local: str, **attrs) -> etree._Element:
        """A free-standing element (written on its own by the incremental writer)."""
        return etree.Element(self(local), attrs, nsmap=self.nsmap)

    def __call__(self, local: str) -> str:
        return self.ns + local


#: Characters XML 1.0 cannot carry (control characters from PDF extraction, for example).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text with the characters XML cannot carry replaced by spaces.

    >>> xml_safe("page\x0cbreak")
    'page break'
    """
    return _NOT_XML.sub(" ", text)


def _sub(parent, tag: str, text: str = "", attrib: dict | None = None) -> etree._Element:
    # Passing no attribute dict at all is twice as fast as an empty one in lxml.
    el = _SUB(parent, tag, attrib) if attrib else _SUB(parent, tag)
    if text:
        el.text = xml_safe(text)
    return el


_SUB = etree.SubElement
#: Constant attribute dicts (building them per element is a measurable part of an export).
_TYPE = {name: {"type": name} for name in (
    "subjectField", "transactionType", "termType", "administrativeStatus", "context", "source",
    "customerSubset")}
_LANG = {lang: {XML_LANG: lang} for lang in ("fr", "en")}


def concept_element(concept: Concept, names: _Names) -> etree._Element:
    """The ``conceptEntry`` (v3) or ``termEntry`` (v2) of one concept."""
    n = names
    entry = n.top(n.entry[len(n.ns):], id=f"c{concept.id}")
    if concept.subject:
        _sub(entry, n("descrip"), concept.subject, _TYPE["subjectField"])
    if concept.note:
        _sub(entry, n("note"), concept.note)
    fields = {"kind": concept.kind, "curated": "yes" if concept.curated else "no",
              "confidence": f"{concept.confidence:g}", "origin": concept.origin}
    _sub(entry, n("note"), notes.encode(notes.CONCEPT, fields))
    langs = {t.lang for t in concept.terms}
    placed: dict[tuple[int, str], str] = {}
    for i, ev in enumerate(concept.evidence):
        fields = {"n": i, "source": ev.source, "symbol": clean_symbol(ev.symbol), "method": ev.method,
                  "confidence": f"{ev.confidence:g}"}
        for lang, context in (("fr", ev.context_fr), ("en", ev.context_en)):
            if context and lang in langs:
                placed[(i, lang)] = context
            elif context:
                fields[f"context_{lang}"] = context
        _sub(entry, n("note"), notes.encode(notes.EVIDENCE, fields))
    if concept.created[:10]:
        grp = _sub(entry, n("transacGrp"))
        _sub(grp, n("transac"), "origination", _TYPE["transactionType"])
        _sub(grp, n("date"), concept.created[:10])
    for lang in ("fr", "en"):
        terms = concept.terms_in(lang)
        if not terms:
            continue
        sec = _sub(entry, n.lang_sec, attrib=_LANG[lang])
        for k, term in enumerate(terms):
            contexts = [(i, ctx) for (i, ctx_lang), ctx in placed.items() if ctx_lang == lang]
            _term_element(sec, term, concept, contexts if k == 0 else [], names)
    if len(entry.findall(n.lang_sec)) == 0:
        raise FormatError(f"concept {concept.id} has no French or English term")
    return entry


def _term_element(parent, term: Term, concept: Concept, contexts, names: _Names) -> None:
    n = names
    sec = _sub(parent, n.term_sec)
    _sub(sec, n("term"), term.text)
    _sub(sec, n("termNote"), term.type, _TYPE["termType"])
    _sub(sec, n("termNote"), STATUS_TO_TBX[term.status], _TYPE["administrativeStatus"])
    for i, context in contexts:
        grp = _sub(sec, n("descripGrp"), attrib={"id": f"c{concept.id}-e{i}-{term.lang}"})
        _sub(grp, n("descrip"), context, _TYPE["context"])
        source = concept.evidence[i].source
        if source:
            _sub(grp, n("admin"), source, _TYPE["source"])
    if term.no_check:
        _sub(sec, n("admin"), notes.NO_CHECK, _TYPE["customerSubset"])


def _header(names: _Names, title: str) -> etree._Element:
    n = names
    header = n.top("tbxHeader" if names.version == 3 else "martifHeader")
    file_desc = _sub(header, n("fileDesc"))
    _sub(_sub(file_desc, n("titleStmt")), n("title"), title)
    _sub(_sub(file_desc, n("sourceDesc")), n("p"), "Exported by termalign.")
    if names.version == 2:
        _sub(_sub(header, n("encodingDesc")), n("p"), "TBXBasicXCSV02.xcs", {"type": "XCSURI"})
    return header


def dump(concepts: Iterable[Concept], path: str | Path, version: int = 3,
         title: str = "termalign termbase fr-en") -> int:
    """Write the concepts as a TBX-Basic file; return how many entries were written.

    Concepts without French or English terms are left out.
    """
    if version not in (2, 3):
        raise FormatError(f"unknown TBX version {version} (expected 3 or 2)")
    names = _Names(version)
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(2, "No such directory", str(path.parent))
    count = 0
    with replacing(path) as tmp, etree.xmlfile(str(tmp), encoding="utf-8") as xf:
        xf.write_declaration()
        if version == 3:
            # "xml:lang" spelt out: lxml's incremental writer mangles the {xml-ns} form.
            root = xf.element(names("tbx"), {"xml:lang": "fr", "type": "TBX-Basic",
                                             "style": "dca"}, nsmap=names.nsmap)
        else:
            root = xf.element("martif", {"xml:lang": "fr", "type": "TBX-Basic"})
        with root:
            xf.write("\n")
            xf.write(_header(names, title), pretty_print=True)
            with xf.element(names("text")), xf.element(names("body")):
                xf.write("\n")
                for concept in concepts:
                    if not any(t.lang in ("fr", "en") for t in concept.terms):
                        continue
                    xf.write(concept_element(concept, names), pretty_print=True)
                    count += 1
    return count
