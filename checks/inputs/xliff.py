"""XLIFF 1.0 (no namespace), 1.1, 1.2 and 2.0 in, for checking.

Rules:

- the languages are the file's ``source-language``/``target-language`` (1.x, per ``<file>``)
  or ``srcLang``/``trgLang`` (2.0), region variants allowed (``fr-CA``, ``en-GB``); a pair
  other than French–English is refused; with English as the source the sides are swapped, so
  that ``Segment.fr`` is always the French text;
- a unit (1.x ``trans-unit``, 2.0 ``segment``) is checked when it has a non-empty target
  whose state says it is translated: 1.x ``state`` ``new`` and ``needs-translation`` and 2.0
  ``initial`` are *untranslated* (their target is usually a copy of the source), as is a
  missing or empty target; ``translate="no"`` (or ITS ``its:translate="no"``, on the unit or
  an enclosing group or file)
  leaves a unit out; these units are listed in :attr:`Loaded.untranslated`, not checked;
- ``approved="yes"`` (1.x) is kept as the state ``approved``;
- inline codes are handled by :mod:`aligner.formats.inline`.

Units are numbered from 1 in document order (1.x trans-units, 2.0 segments), counting the
units that are not checked, so that numbers match the file.
"""

from __future__ import annotations

from lxml import etree

from aligner.errors import InputError
from aligner.formats.inline import flatten
from checks.inputs.loaded import Loaded, Untranslated, base, check_pair
from checks.model import Segment

NS_1 = {None, "urn:oasis:names:tc:xliff:document:1.0", "urn:oasis:names:tc:xliff:document:1.1",
        "urn:oasis:names:tc:xliff:document:1.2"}
NS_2 = "urn:oasis:names:tc:xliff:document:2.0"
_ITS_TRANSLATE = "{http://www.w3.org/2005/11/its}translate"
#: 1.x target states whose text is not a translation yet.
UNTRANSLATED_1 = {"new", "needs-translation"}
#: 2.0 segment states whose text is not a translation yet.
UNTRANSLATED_2 = {"initial"}


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _child(el, name: str):
    return next((c for c in el if _local(c) == name), None)


def _translatable(el, stop) -> bool:
    """False when ``translate="no"`` is set on the element or an ancestor up to ``stop``."""
    node = el
    while node is not None:
        value = node.get("translate", node.get(_ITS_TRANSLATE))
        if value is not None:
            return value.strip().lower() != "no"
        if node is stop:
            break
        node = node.getparent()
    return True


def _missing(source, target) -> str:
    """``no source``, ``no target`` (missing or empty), or "" when both are there."""
    for label, el in (("source", source), ("target", target)):
        if el is None or not "".join(el.itertext()).strip():
            return f"no {label}"
    return ""


def load(root, name: str) -> Loaded:
    """The segments of a parsed XLIFF document (any supported version)."""
    if _local(root) != "xliff":
        raise InputError(f"{name}: not an XLIFF file (root element <{_local(root)}>)")
    ns = etree.QName(root).namespace
    if ns in NS_1:
        return _load_1(root, name)
    if ns == NS_2:
        return _load_2(root, name)
    raise InputError(f"{name}: not XLIFF 1.0, 1.1, 1.2 or 2.0 (namespace {ns!r})")


def _pairs(name: str, files) -> tuple[str, str, list[str]]:
    """The declared pair (of the first file) and warnings about the others."""
    pairs = [check_pair(name, s, t) for s, t in files]
    pairs = [p for p in pairs if p != ("", "")]
    if not pairs:
        raise InputError(f"{name}: the file declares no source language")
    warnings = []
    if len({base(s) for s, _t in pairs}) > 1:
        raise InputError(f"{name}: files in both directions (fr→en and en→fr) in one XLIFF")
    if len(set(pairs)) > 1:
        warnings.append(f"{name}: several language variants: "
                        + ", ".join(sorted({f"{s}→{t}" for s, t in pairs})))
    return pairs[0][0], pairs[0][1], warnings


def _segment(number: int, source, target, swap: bool, state: str) -> Segment:
    src, tgt = flatten(source), flatten(target)
    if swap:
        return Segment(number, tgt.text, src.text, state, tuple(tgt.codes), tuple(src.codes))
    return Segment(number, src.text, tgt.text, state, tuple(src.codes), tuple(tgt.codes))


def _load_1(root, name: str) -> Loaded:
    files = [f for f in root if _local(f) == "file"]
    source, target, warnings = _pairs(
        name, [(f.get("source-language", ""), f.get("target-language", "")) for f in files])
    swap = base(source) == "en"
    loaded = Loaded([], source, target, warnings)
    number = 0
    for file_el in files:
        for unit in file_el.iter("{*}trans-unit", "trans-unit"):
            number += 1
            uid = unit.get("id", "")
            src, tgt = _child(unit, "source"), _child(unit, "target")
            state = tgt.get("state", "") if tgt is not None else ""
            if not _translatable(unit, root):
                loaded.untranslated.append(Untranslated(number, uid, "translate=no"))
            elif _missing(src, tgt):
                loaded.untranslated.append(Untranslated(number, uid, _missing(src, tgt)))
            elif state in UNTRANSLATED_1:
                loaded.untranslated.append(Untranslated(number, uid, f"state={state}"))
            else:
                if unit.get("approved", "").lower() == "yes":
                    state = "approved"
                loaded.segments.append(_segment(number, src, tgt, swap, state))
    return loaded


def _load_2(root, name: str) -> Loaded:
    source, target, warnings = _pairs(name, [(root.get("srcLang", ""), root.get("trgLang", ""))])
    swap = base(source) == "en"
    loaded = Loaded([], source, target, warnings)
    for number, seg in enumerate(root.iter(f"{{{NS_2}}}segment"), 1):
        unit = seg.getparent()
        uid = (unit.get("id", "") if unit is not None else "") + (
            f"/{seg.get('id')}" if seg.get("id") else "")
        src, tgt = _child(seg, "source"), _child(seg, "target")
        state = seg.get("state", "")
        if not _translatable(seg, root):
            loaded.untranslated.append(Untranslated(number, uid, "translate=no"))
        elif _missing(src, tgt):
            loaded.untranslated.append(Untranslated(number, uid, _missing(src, tgt)))
        elif state in UNTRANSLATED_2:
            loaded.untranslated.append(Untranslated(number, uid, f"state={state}"))
        else:
            loaded.segments.append(_segment(number, src, tgt, swap, state))
    return loaded
