"""Streaming TBX-Basic writer: v3 (ISO 30042:2019, DCA style) and v2 (``martif``).

Provenance is written in TBX-Basic's own categories: the concept's kind and curated flag as
``projectSubset`` values (of the entry in v3, of each term in v2, where TBX-Basic wants them),
its origin as the ``responsibility`` of the ``origination`` transaction (with the creation
date), its confidence as a reliability code 1–10 (ISO 12620 ``reliabilityCode``, as IATE; in a
``note``, since TBX-Basic has no such category); the kept fields of an import
(:class:`~termbase.model.Field`) are written back where they came from. v3 files carry
``xml-model`` declarations of their schemas, v2 files their DOCTYPE.

Concepts are written one ``conceptEntry``/``termEntry`` at a time through lxml's incremental
writer, so exporting 100,000 concepts needs little memory; the file is written to a temporary
name and moved into place, so a failed export never leaves a half-written file behind.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from ioguard.atomic import replacing
from termbase.errors import FormatError
from termbase.model import Concept, Field, Term
from termbase.symbols import clean_symbol
from termbase.tbx import categories, notes

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
    "customerSubset", "projectSubset", "responsibility", "definition", *categories.TERM_NOTES)}
_LANG = {lang: {XML_LANG: lang} for lang in ("fr", "en")}
#: Statuses a CAT tool must not offer as normal hits.
NOT_FOR_USE = ("deprecated", "superseded")


class Options:
    """What an export writes: ``cat_tools`` leaves out termalign's own notes (evidence and
    reliability) and deprecated/superseded terms, or marks them with a note when
    ``deprecated`` is ``"mark"``."""

    def __init__(self, cat_tools: bool = False, deprecated: str = "omit"):
        if deprecated not in ("omit", "mark"):
            raise FormatError(f"deprecated terms: 'omit' or 'mark', not {deprecated!r}")
        self.cat_tools = cat_tools
        self.deprecated = deprecated

    def keeps(self, term: Term) -> bool:
        return not (self.cat_tools and self.deprecated == "omit" and term.status in NOT_FOR_USE)


def _field(parent, field: Field, n: _Names) -> None:
    """One kept data category, as TBX-Basic writes it."""
    name = field.name
    if name == "transaction":
        grp = _sub(parent, n("transacGrp"))
        _sub(grp, n("transac"), field.type or "modification", _TYPE["transactionType"])
        if field.date:
            _sub(grp, n("date"), field.date)
        if field.value:
            attrib = {"type": "responsibility", **({"target": field.target} if field.target else {})}
            _sub(grp, n("transacNote"), field.value, attrib)
        return
    if name in categories.TERM_NOTES:
        _sub(parent, n("termNote"), field.value, _TYPE[name])
        return
    if name in categories.REFS or name in categories.XREFS:
        tag = "ref" if name in categories.REFS else "xref"
        attrib = {"type": name, **({"target": field.target} if field.target else {})}
        _sub(parent, n(tag), field.value, attrib)
        return
    if name in ("definition", "subjectField"):
        if field.source:
            grp = _sub(parent, n("descripGrp"))
            _sub(grp, n("descrip"), field.value, _TYPE[name])
            _sub(grp, n("admin"), field.source, _TYPE["source"])
        else:
            _sub(parent, n("descrip"), field.value, _TYPE[name])
    elif name == "note":
        _sub(parent, n("note"), field.value)
    else:  # source, customerSubset, projectSubset
        _sub(parent, n("admin"), field.value, _TYPE.get(name, {"type": name}))


def _fields(parent, fields, n: _Names, lang: str, term_notes: bool = False) -> None:
    """The fields of one level: the ``termNote`` ones (which come first in a term) or the
    others."""
    for field in fields:
        if field.lang == lang and (field.name in categories.TERM_NOTES) == term_notes:
            _field(parent, field, n)


def concept_element(concept: Concept, names: _Names, options: Options | None = None) -> etree._Element:
    """The ``conceptEntry`` (v3) or ``termEntry`` (v2) of one concept."""
    n, options = names, options or Options()
    entry = n.top(n.entry[len(n.ns):], id=f"c{concept.id}")
    if concept.subject:
        _sub(entry, n("descrip"), concept.subject, _TYPE["subjectField"])
    _fields(entry, concept.fields, n, "")
    if concept.note:
        _sub(entry, n("note"), concept.note)
    # The kind and the curated flag are project subsets: of the entry in v3, of each term in
    # v2 (where TBX-Basic allows projectSubset on terms only).
    subsets = [concept.kind] + (["curated"] if concept.curated else [])
    if names.version == 3:
        for subset in subsets:
            _sub(entry, n("admin"), subset, _TYPE["projectSubset"])
    if not options.cat_tools:
        _sub(entry, n("note"), categories.reliability(concept.confidence, concept.curated))
    langs = {t.lang for t in concept.terms if options.keeps(t)}
    placed: dict[tuple[int, str], str] = {}
    for i, ev in enumerate(concept.evidence):
        fields = {"n": i, "source": ev.source, "symbol": clean_symbol(ev.symbol), "method": ev.method,
                  "confidence": f"{ev.confidence:g}"}
        for lang, context in (("fr", ev.context_fr), ("en", ev.context_en)):
            if context and lang in langs:
                placed[(i, lang)] = context
            elif context:
                fields[f"context_{lang}"] = context
        if not options.cat_tools:
            _sub(entry, n("note"), notes.encode(notes.EVIDENCE, fields))
    own_origination = not any(f.name == "transaction" and f.type == "origination" and not f.lang
                              for f in concept.fields)
    if concept.created[:10] and own_origination:
        grp = _sub(entry, n("transacGrp"))
        _sub(grp, n("transac"), "origination", _TYPE["transactionType"])
        _sub(grp, n("date"), concept.created[:10])
        if concept.origin:
            _sub(grp, n("transacNote"), concept.origin, _TYPE["responsibility"])
    for lang in ("fr", "en"):
        terms = [t for t in concept.terms_in(lang) if options.keeps(t)]
        if not terms:
            continue
        sec = _sub(entry, n.lang_sec, attrib=_LANG[lang])
        _fields(sec, concept.fields, n, lang)
        for k, term in enumerate(terms):
            contexts = [(i, ctx) for (i, ctx_lang), ctx in placed.items() if ctx_lang == lang]
            _term_element(sec, term, concept, contexts if k == 0 else [], names, options)
    if len(entry.findall(n.lang_sec)) == 0:
        raise FormatError(f"concept {concept.id} has no French or English term")
    return entry


def _term_element(parent, term: Term, concept: Concept, contexts, names: _Names,
                  options: Options) -> None:
    n = names
    sec = _sub(parent, n.term_sec)
    _sub(sec, n("term"), term.text)
    _sub(sec, n("termNote"), term.type, _TYPE["termType"])
    _sub(sec, n("termNote"), STATUS_TO_TBX[term.status], _TYPE["administrativeStatus"])
    _fields(sec, term.fields, n, "", term_notes=True)
    for i, context in contexts:
        grp = _sub(sec, n("descripGrp"), attrib={"id": f"c{concept.id}-e{i}-{term.lang}"})
        _sub(grp, n("descrip"), context, _TYPE["context"])
        source = concept.evidence[i].source
        if source:
            _sub(grp, n("admin"), source, _TYPE["source"])
    if term.no_check:
        _sub(sec, n("admin"), notes.NO_CHECK, _TYPE["customerSubset"])
    if names.version == 2:
        for subset in [concept.kind] + (["curated"] if concept.curated else []):
            _sub(sec, n("admin"), subset, _TYPE["projectSubset"])
    _fields(sec, term.fields, n, "")
    if options.cat_tools and term.status in NOT_FOR_USE:
        _sub(sec, n("note"), f"{term.status.upper()}: do not use")


def _header(names: _Names, title: str) -> etree._Element:
    n = names
    header = n.top("tbxHeader" if names.version == 3 else "martifHeader")
    file_desc = _sub(header, n("fileDesc"))
    _sub(_sub(file_desc, n("titleStmt")), n("title"), title)
    _sub(_sub(file_desc, n("sourceDesc")), n("p"), "Exported by termalign.")
    if names.version == 2:
        _sub(_sub(header, n("encodingDesc")), n("p"), "TBXBasicXCSV02.xcs", {"type": "XCSURI"})
    return header


#: Where the schemas of a v3 file are (``xml-model`` declarations, as the official samples).
XML_MODELS = (
    ("https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng",
     "http://relaxng.org/ns/structure/1.0"),
    ("https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
     "TBX-Basic_DCA.sch", "http://purl.oclc.org/dsdl/schematron"),
)
DOCTYPE_V2 = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'


def dump(concepts: Iterable[Concept], path: str | Path, version: int = 3,
         title: str = "termalign termbase fr-en", for_cat_tools: bool = False,
         deprecated: str = "omit") -> int:
    """Write the concepts as a TBX-Basic file; return how many entries were written.

    Concepts without French or English terms are left out. ``for_cat_tools`` writes what
    OmegaT and translate-toolkit read (TBX v2 with its DOCTYPE, whatever ``version``): no
    termalign notes, deprecated and superseded terms left out (``deprecated="omit"``) or
    kept with a ``DEPRECATED: do not use`` note (``"mark"``), since those tools ignore
    statuses.
    """
    if version not in (2, 3):
        raise FormatError(f"unknown TBX version {version} (expected 3 or 2)")
    options = Options(for_cat_tools, deprecated)
    if for_cat_tools:
        version = 2
    names = _Names(version)
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(2, "No such directory", str(path.parent))
    count = 0
    with replacing(path) as tmp, etree.xmlfile(str(tmp), encoding="utf-8") as xf:
        xf.write_declaration()
        if version == 3:
            for href, schema in XML_MODELS:
                xf.write(etree.ProcessingInstruction(
                    "xml-model", f'href="{href}" type="application/xml" schematypens="{schema}"'))
            # "xml:lang" spelt out: lxml's incremental writer mangles the {xml-ns} form.
            root = xf.element(names("tbx"), {"xml:lang": "fr", "type": "TBX-Basic",
                                             "style": "dca"}, nsmap=names.nsmap)
        else:
            xf.write_doctype(DOCTYPE_V2)
            root = xf.element("martif", {"xml:lang": "fr", "type": "TBX-Basic"})
        with root:
            xf.write("\n")
            xf.write(_header(names, title), pretty_print=True)
            with xf.element(names("text")), xf.element(names("body")):
                xf.write("\n")
                for concept in concepts:
                    if not any(t.lang in ("fr", "en") and options.keeps(t) for t in concept.terms):
                        continue
                    if concept.id is None:  # not from a termbase: an id of the file's own
                        concept = dataclasses.replace(concept, id=f"n{count + 1}")
                    xf.write(concept_element(concept, names, options), pretty_print=True)
                    count += 1
    return count
