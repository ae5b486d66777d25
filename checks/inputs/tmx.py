"""TMX 1.4 in, for checking: French and English variants of each ``<tu>``, inline codes apart.

Rules:

- a ``tuv``'s language is its ``xml:lang`` (TMX 1.1–1.3: ``lang``); ``fr-CA`` is French,
  ``en-GB`` is English; other languages are ignored (a warning counts them);
- a unit with several variants of one language (``en-US`` and ``en-GB``) gives a warning and
  the variant checked is: the one whose tag is exactly ``fr``/``en``, else the one that
  matches the header's ``srclang`` exactly, else the first in the unit;
- a unit lacking a French or an English variant is listed as untranslated;
- the declared languages are the header's ``srclang`` when it is French or English and the
  variants found for the other language (the first one met).
"""

from __future__ import annotations

from collections import Counter

from aligner.errors import InputError
from aligner.formats.inline import flatten
from checks.inputs.loaded import Loaded, Untranslated, base
from checks.model import Segment

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _choose(variants: list[tuple[str, object]], srclang: str, lang: str):
    """The variant to check among several of one language (see the module's rules).

    >>> _choose([("en-US", 1), ("en-GB", 2)], "fr", "en"), _choose([("en-GB", 1), ("en", 2)], "", "en")
    (1, 2)
    """
    for tag, seg in variants:
        if tag.lower() == lang:
            return seg
    for tag, seg in variants:
        if tag.lower() == srclang.lower():
            return seg
    return variants[0][1]


def load(root, name: str) -> Loaded:
    """The segments of a parsed TMX document."""
    if root.tag != "tmx" or root.find("body") is None:
        raise InputError(f"{name}: not a TMX file (no <tmx>/<body>)")
    header = root.find("header")
    srclang = header.get("srclang", "") if header is not None else ""
    loaded = Loaded([], srclang if base(srclang) in ("fr", "en") else "")
    others: Counter = Counter()
    multiple = 0
    first_multiple = ""
    for number, tu in enumerate(root.find("body").iter("tu"), 1):
        found: dict[str, list[tuple[str, object]]] = {"fr": [], "en": []}
        for tuv in tu.findall("tuv"):
            tag = tuv.get(XML_LANG) or tuv.get("lang") or ""
            lang = base(tag)
            if lang in found:
                found[lang].append((tag, tuv.find("seg")))
            else:
                others[tag] += 1
        if not found["fr"] or not found["en"]:
            missing = "French" if not found["fr"] else "English"
            loaded.untranslated.append(Untranslated(number, tu.get("tuid", ""), f"no {missing}"))
            continue
        for lang in ("fr", "en"):
            if len(found[lang]) > 1:
                multiple += 1
                first_multiple = first_multiple or (
                    f"unit {number}: " + ", ".join(t for t, _s in found[lang]))
        fr = flatten(_choose(found["fr"], srclang, "fr"))
        en = flatten(_choose(found["en"], srclang, "en"))
        loaded.segments.append(Segment(number, fr.text, en.text, "", tuple(fr.codes),
                                       tuple(en.codes)))
        if not loaded.target_lang:
            pick = found["en"] if base(loaded.source_lang) != "en" else found["fr"]
            loaded.target_lang = pick[0][0]
    if not loaded.segments and others:
        langs = sorted({base(k) for k in others} | {base(srclang)} - {""})
        raise InputError(f"{name}: a French–English pair is expected, this file has "
                         + ", ".join(langs))
    if not loaded.source_lang and loaded.segments:
        loaded.source_lang, loaded.target_lang = "fr", loaded.target_lang or "en"
    if multiple:
        loaded.warnings.append(
            f"{name}: {multiple} unit(s) with several variants of one language (first: "
            f"{first_multiple}); checked: the variant tagged exactly fr/en, else the header's "
            "srclang, else the first")
    if others:
        loaded.warnings.append(f"{name}: variants in other languages ignored: "
                               + ", ".join(f"{k or '?'} ({v})" for k, v in sorted(others.items())))
    return loaded
