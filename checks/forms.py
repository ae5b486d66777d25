"""Rules on how a name is written in the translation (see :mod:`checks.names`).

* :func:`variants`: a name found by its folded key but not written as an official form
  ("United Nation", "Nations unies");
* :func:`unhyphenated`: a hyphenated title without its hyphen ("Secretary General");
* :func:`wrong_acronyms`: a name followed by the acronym of another body ("United Nations
  Development Programme (UNEP)");
* :func:`leftovers`: a source acronym left as it is (OTSC for CSTO).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from checks.fuzzy import similar
from checks.matcher import Hit
from checks.model import Issue
from checks.tokens import fold_text, pattern

if TYPE_CHECKING:
    from checks.names import Context

_BRACKETED = re.compile(r"\s*\(([^\W\d_][\w.\-]{1,14})\)")


def surface(text: str) -> str:
    """A form compared letter for letter (case, accents, apostrophes and spaces folded).

    >>> surface("Communauté d’États") == surface("communaute d'Etats")
    True
    """
    return " ".join(fold_text(text).lower().replace("’", "'").split())


_HYPHENED = re.compile(r"[A-Z][a-z]+-[A-Z][a-z]+")
#: The hyphens a title may be written with: "Secretary‐General" (U+2010) is hyphenated.
_HYPHENS = ("-", "\u2010", "\u2011", "\u00ad")


@lru_cache(maxsize=8192)
def _hyphenated(text: str) -> bool:
    """True for a title written with a hyphen between two capitalised words (the forms of
    the names found come back in every pair).

    >>> _hyphenated("Secretary-General"), _hyphenated("Secrétaire général")
    (True, False)
    """
    return _HYPHENED.search(text) is not None


def unhyphenated(ctx: Context, tgt_longest: list[Hit]) -> list[Issue]:
    """A hyphenated title written without its hyphen: "Secretary General"."""
    issues = []
    for hit in tgt_longest:
        d = ctx.of[hit.entry.term]
        if d.avoid or d.concept in ctx.reported or not _hyphenated(d.text):
            continue
        if not any(h in hit.text for h in _HYPHENS) and hit.text[:1].isupper():
            issues.append(ctx.issue("avoid-term", d.concept, source_term=d.text,
                                    expected=[d.text], found=hit.text))
    return issues


_GLUED_NUMBER = re.compile(r"(?=\d)(?<=[^\W\d_])\d{1,3}\b")
_INNER_HYPHEN = re.compile(r"(?=[-\u00ad\u2010\u2011])(?<=\w)[-\u00ad\u2010\u2011](?=\w)")


@lru_cache(maxsize=8192)
def _letters(text: str, caps: bool) -> tuple[str, ...]:
    """The words of a name as compared by :func:`_variants`: accents, apostrophes,
    punctuation and glued footnote numbers folded, hyphenated words joined, articles at the
    edges dropped; case kept unless the text is in capitals (and the first letter).
    (Kept: the forms of a concept are compared again at each of its hits.)

    >>> _letters("the Secretary‐General22", False), _letters("NATIONS UNIES", True)
    (('secretaryGeneral',), ('nations', 'unies'))
    """
    text = _GLUED_NUMBER.sub("", fold_text(text))
    words = _WORDS.findall(_INNER_HYPHEN.sub("", text))
    while words and words[0].lower() in _EDGE_ARTICLES:
        words = words[1:]
    if caps:
        return tuple(w.lower() for w in words)
    return tuple([w[:1].lower() + w[1:] for w in words[:1]] + words[1:])


_WORDS = re.compile(r"[^\W_]+")
_EDGE_ARTICLES = {"the", "le", "la", "les", "l", "du", "des", "de", "d", "au", "aux"}


def _same_name(seen: list[str], form: list[str]) -> bool:
    """True when ``seen`` writes ``form`` (a word may be the plural of the form's word:
    "Departments" for "Department"; not the reverse: "United Nation").

    >>> _same_name(["Secretaries", "General"], ["Secretary", "General"])
    True
    >>> _same_name(["United", "Nation"], ["United", "Nations"])
    False
    """
    return len(seen) == len(form) and all(
        w == f or _plural_of(w, f) for w, f in zip(seen, form, strict=True))


def _plural_of(word: str, form: str) -> bool:
    return word in (form + "s", form + "es", form + "x") or (
        form.endswith("y") and word == form[:-1] + "ies") or (
        form.endswith("al") and word == form[:-2] + "aux")


def variants(ctx: Context, tgt_longest: list[Hit]) -> list[Issue]:
    """A name found through its folded key but not written as any form of its concept:
    "United Nation", "Nations unies", "Development Program" (the key folds plurals, case,
    articles and contractions; the words must still be those of an official form)."""
    ck, issues = ctx.checker, []
    for hit in tgt_longest:
        d = ctx.of[hit.entry.term]
        if d.acronym or d.concept in ctx.reported or hit.entry.tokens < 2:
            continue
        if not hit.text[:1].isupper() and d.text[:1].isupper():
            continue  # "general assemblies": a common noun, not the name
        if d.status == "admitted" and (miss := _misspelt_head(ctx.tgt, hit, ck.forms(d.concept),
                                                              d.text)):
            issues.append(ctx.issue("name-variant", d.concept, source_term=d.text,
                                    expected=ck.preferred(d.concept, ctx.target), found=miss))
            continue
        same_lang = [f.text for f in ck.forms(d.concept) if f.lang == d.lang and not f.acronym]
        if hit.text in same_lang:
            continue  # written as one of its forms (what the comparison below would find)
        caps = hit.text.isupper()
        seen = _letters(hit.text, caps)
        forms = [_letters(text, caps) for text in same_lang]
        if any(_same_name(seen, f) or _same_name(seen[-len(f):], f) for f in forms if f):
            continue
        if not ("unies" in seen and "Unies" in d.text) and any(
                _same_name([w.lower() for w in seen], [w.lower() for w in f]) for f in forms):
            continue  # only the case differs ("Conseil de Sécurité"): not worth an error
        expected = ck.preferred(d.concept, ctx.target)
        issues.append(ctx.issue("name-variant", d.concept, source_term=d.text,
                                expected=expected, found=hit.text))
    return issues


_HEAD_BEFORE = re.compile(r"([^\W\d_]{5,})\s+(?:des|de\s+la|du|de\s+l['’])\s*$")


def _misspelt_head(text: str, hit: Hit, forms, short: str) -> str | None:
    """A shorter form after the misspelt head of its full form: "l'Organization des Nations
    Unies" (the French is "Organisation"), else None."""
    m = _HEAD_BEFORE.search(text, max(0, hit.start - 40), hit.start)
    if not m:
        return None
    word = fold_text(m.group(1)).lower()
    for form in forms:
        if form.acronym or form.text == short or not form.text.endswith(short):
            continue
        head = fold_text(form.text.split()[0]).lower()
        if word != head and similar(word, head):
            return text[m.start(1) : hit.end]
    return None


@lru_cache(maxsize=8192)
def _has_capital(text: str) -> bool:
    return any(c.isupper() for c in text)


def wrong_acronyms(ctx: Context, tgt_longest: list[Hit]) -> list[Issue]:
    """A full name followed by the acronym of another body: "… Programme (UNEP)"."""
    ck, issues = ctx.checker, []
    for hit in tgt_longest:
        d = ctx.of[hit.entry.term]
        if d.acronym or d.avoid or d.concept in ctx.reported:
            continue
        if hit.text[:1].islower() and _has_capital(d.text):
            continue  # "non-governmental organizations (NGOs)": not the Organization
        m = _BRACKETED.match(ctx.tgt, hit.end)
        if m is None:
            continue
        key = pattern(m.group(1), True)[0]
        own = {pattern(f.text, True)[0] for f in ck.forms(d.concept) if f.acronym}
        if not own or key in own:
            continue
        others = [h for lang in ("fr", "en")
                  for h in ck.seen[lang].find_all(m.group(1)) if h.entry.acronym]
        if not others:
            continue  # not an acronym we know: maybe a country code or a local one
        expected = [f.text for f in ck.forms(d.concept)
                    if f.acronym and f.lang == ctx.target and not f.avoid]
        issues.append(ctx.issue("wrong-acronym", d.concept, source_term=hit.text,
                                expected=expected, found=m.group(1)))
    return issues


#: A word of a heading in capitals (around an acronym).
_CAPS_WORD = re.compile(r"[^\W\d_]{3,}")


def leftovers(ctx: Context) -> list[Issue]:
    """Source acronyms left as they are in the translation (OTSC for CSTO)."""
    ck, issues = ctx.checker, []
    for hit in ck.leftover[ctx.target].find(ctx.tgt):
        index = hit.entry.concept
        if index in ctx.reported or _in_capitals(ctx.tgt, hit):
            continue
        if ctx.tgt[hit.end : hit.end + 1] == "-" or ctx.tgt[hit.start - 1 : hit.start] == "-":
            continue  # part of another acronym: UN-SPIDER, UNU-IAS
        expected = ck.preferred(index, ctx.target)
        issues.append(ctx.issue("untranslated-acronym", index, source_term=hit.text,
                                expected=expected, found=hit.text))
    return issues


def _in_capitals(text: str, hit: Hit) -> bool:
    """True for a hit inside a heading in capitals (ADRESSÉE AU PRÉSIDENT: no acronym)."""
    before = _CAPS_WORD.findall(text[max(0, hit.start - 40) : hit.start])
    after = _CAPS_WORD.findall(text[hit.end : hit.end + 40])
    neighbours = before[-1:] + after[:1]
    return bool(neighbours) and all(w.isupper() for w in neighbours)
