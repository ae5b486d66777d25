"""The name checks of one segment pair, in either direction (see :mod:`checks.checker`).

A :class:`Context` holds one pair (original ``src``, translation ``tgt``, their languages)
and the issues found so far. :func:`check_names` finds the designations once per side and
shares the hits between the rules: untranslated and wrong acronyms, avoided terms, missing
names, country names. A concept gets at most one issue per segment from these rules (an
avoided "Arab League" is an ``avoid-term``, not also a ``missing-title``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checks.matcher import Hit, longest
from checks.messages import message, quote
from checks.model import Issue
from checks.tokens import fold_text, pattern

if TYPE_CHECKING:
    from checks.checker import Checker

#: Head nouns by which UN English refers back to a body already named ("the Council" for
#: the Security Council, "the Office" for UNODC): accepted for a name of that body.
HEADS_EN = frozenset({
    "Agency", "Assembly", "Bank", "Centre", "Commission", "Committee", "Community",
    "Conference", "Council", "Court", "Department", "Entity", "Force", "Forum", "Fund", "Group",
    "League", "Mission", "Office", "Operation", "Organization", "Organisation", "Panel",
    "Programme", "Secretariat", "Tribunal", "Union", "Unit",
})  # fmt: skip
#: The same in French, where the head noun comes first ("le Conseil", "l’Office").
HEADS_FR = frozenset({
    "Agence", "Assemblée", "Banque", "Centre", "Commission", "Comité", "Communauté",
    "Conférence", "Conseil", "Cour", "Département", "Entité", "Force", "Forum", "Fonds",
    "Groupe", "Ligue", "Mission", "Office", "Opération", "Organisation", "Programme",
    "Secrétariat", "Tribunal", "Union", "Bureau", "Haut-Commissariat", "Division", "Institut",
})  # fmt: skip
_BACK_REFERENCE = {
    "en": re.compile(r"\b[Tt]he ([A-Z][a-z]+)\b(?! [A-Z(]| (?:of|for|on|in|to)\b)"),
    "fr": re.compile(r"\b(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['’]|[Dd]u|[Aa]u|[Aa]ux)\s?([A-ZÉ][\w-]+)\b"
                     r"(?! [A-Z(]| (?:de|du|des|d['’]|pour|sur|en|contre|chargée?)\b)"),
}
_PREPOSITIONS = frozenset({"of", "for", "on", "in", "to", "against"})
#: "la résolution 2140 (2014) du Conseil de sécurité": the body is implied by the number.
_RESOLUTION_OF = {
    "fr": re.compile(r"r[ée]solutions?\s+[\d/]+(?:\s*\(\d{4}\))?\s+(?:du|de\s+l['’]|de\s+la)\s*$",
                     re.I),
    "en": re.compile(r"(?:Council|Assembly)\s+resolutions?\s*$", re.I),
}
#: The Secretary-General's reports are written in the first person ("requested me").
_FIRST_PERSON = {
    "en": re.compile(r"\b(?:I|me|my)\b"),
    "fr": re.compile(r"\b(?:[Jj]e|me|moi|[Jj]['’]|m['’])\b|\bmon (?:rapport|Envoy)"),
}
_SECRETARY_GENERAL = {"en": "Secretary-General", "fr": "Secrétaire général"}
_PRONOUN_START = re.compile(r"^\W*(?:\d+[.)]?\s+)?(?:Il|Elle)s?\b")
_SUBJECT_START = re.compile(r"^\W*(?:\d+[.)]?\s+)?(?:The\s+)?$")
ARTICLE_START = re.compile(r"^(?:the|la|le|les)\s|^l['’]", re.I)
_BRACKETED = re.compile(r"\s*\(([^\W\d_][\w.\-]{1,14})\)")
_CAPS_WORD = re.compile(r"[^\W\d_]{3,}")


def head_noun(name: str, lang: str = "en") -> str:
    """The generic head noun of a name, if it has one.

    >>> head_noun("African Union Commission"), head_noun("Organization for Security")
    ('Commission', 'Organization')
    >>> head_noun("United Nations"), head_noun("Conseil de sécurité", "fr")
    ('', 'Conseil')
    """
    if lang == "fr":
        first = name.split()[0] if name.split() else ""
        return first if first in HEADS_FR else ""
    words = name.replace("-", " ").split()
    for i, word in enumerate(words):
        if word in _PREPOSITIONS:
            words = words[:i]
            break
    return words[-1] if words and words[-1] in HEADS_EN else ""


def head_words(checker: Checker, lang: str) -> dict[int, frozenset[str]]:
    """The back-reference heads of every title concept in one language."""
    out = {}
    for index, concept in enumerate(checker.concepts):
        if concept.kind != "title":
            continue
        words = set()
        for d in checker.forms(index):
            if d.lang == lang and not d.acronym and not d.avoid:
                sg = d.text == _SECRETARY_GENERAL[lang]
                head = d.text if sg else head_noun(d.text, lang)
                if head:
                    words.add(head)
        if words:
            out[index] = frozenset(words)
    return out


@dataclass
class Context:
    """One pair being checked, with the issues found so far."""

    checker: Checker
    src: str
    tgt: str
    source: str
    target: str
    segment: int
    ui: str = "en"
    #: Concepts already given an issue in this segment (one issue per mistake).
    reported: set[int] = field(default_factory=set)
    #: Concepts the translation named in the segments just before (for "the Council").
    named_before: frozenset[int] = frozenset()
    #: Concepts the translation names in this segment (filled by :func:`check_names`).
    named: set[int] = field(default_factory=set)
    #: Countries named more often by a non-UNTERM name in the translation than in the
    #: original, with those names.
    wrong_countries: dict[int, list[str]] = field(default_factory=dict)

    def issue(self, kind: str, index: int | None, *, source_term: str = "",
              expected: list[str] | None = None, found: str = "", role: str = "",
              shown: list[str] | None = None) -> Issue:
        concept = None if index is None else self.checker.concepts[index]
        if index is not None:
            self.reported.add(index)
        expected = expected or []
        text = message(kind, self.ui, found=found, source=source_term, role=role,
                       expected=quote(shown if shown is not None else expected, self.ui),
                       target=self.target)
        return Issue(self.segment, kind, self.checker.severity(kind, concept), source_term,
                     expected, found, text)


def check_names(ctx: Context) -> list[Issue]:
    """Every name rule on one pair."""
    ck, issues = ctx.checker, []
    tgt_all = ck.seen[ctx.target].find_all(ctx.tgt, case=False)
    # concept index -> roles of its target forms found ("short"/"formal" for countries);
    # -1 - index -> former or non-UNTERM names of that concept found in the translation
    present: dict[int, set[str]] = {}
    for hit in tgt_all:
        d = ck.designations[hit.entry.term]
        if not d.avoid:
            present.setdefault(d.concept, set())
        elif d.status == "superseded":  # a former name: right where the original has one
            present.setdefault(-1 - d.concept, set())
    tgt_longest = longest(tgt_all)
    for hit in tgt_longest:  # the role of "Viet Nam" inside a formal name is formal
        d = ck.designations[hit.entry.term]
        if not d.avoid:
            present[d.concept].add(d.role)
        elif d.role:  # a country name not in UNTERM form, keyed apart
            present.setdefault(-1 - d.concept, set()).add(hit.text)
    for hit in ck.search[ctx.source].find_all(ctx.tgt, acronyms=False):  # a name kept as is
        present.setdefault(ck.designations[hit.entry.term].concept, set())
    ctx.named = {c for c in present if c >= 0}
    issues += _leftovers(ctx)
    by_span: dict[tuple[int, int], list[Hit]] = {}
    for hit in ck.search[ctx.source].find(ctx.src):
        by_span.setdefault((hit.start, hit.end), []).append(hit)
    former = {ck.designations[h.entry.term].concept for hits in by_span.values()
              if any(ck.designations[h.entry.term].status == "superseded" for h in hits)
              for h in hits}  # fmt: skip
    issues += _avoided(ctx, tgt_longest, former)
    issues += _wrong_acronyms(ctx, tgt_longest)
    issues += _unhyphenated(ctx, tgt_longest)
    issues += _variants(ctx, tgt_longest)
    wrong_tgt: dict[int, list[str]] = {}
    for hit in tgt_longest:
        d = ck.designations[hit.entry.term]
        if d.avoid and d.role and d.status != "superseded":
            wrong_tgt.setdefault(d.concept, []).append(hit.text)
    wrong_src = Counter(ck.designations[h.entry.term].concept for hits in by_span.values()
                        for h in hits[:1] if ck.designations[h.entry.term].avoid
                        and ck.designations[h.entry.term].role)  # fmt: skip
    ctx.wrong_countries = {c: texts for c, texts in wrong_tgt.items()
                           if len(texts) > wrong_src[c]}  # fmt: skip
    issues += _source_names(ctx, by_span, present)
    return issues


def _leftovers(ctx: Context) -> list[Issue]:
    ck, issues = ctx.checker, []
    for hit in ck.leftover[ctx.target].find(ctx.tgt):
        index = hit.entry.concept
        if index in ctx.reported or _in_capitals(ctx.tgt, hit):
            continue
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


def _avoided(ctx: Context, tgt_longest: list[Hit], former: set[int]) -> list[Issue]:
    ck, issues = ctx.checker, []
    by_span: dict[tuple[int, int], list[Hit]] = {}
    for hit in tgt_longest:
        by_span.setdefault((hit.start, hit.end), []).append(hit)
    for hits in by_span.values():
        ds = [ck.designations[h.entry.term] for h in hits]
        if not all(d.avoid for d in ds) and any(d.avoid for d in ds):
            # "Communauté des États" and "Communauté d’États" share their key: the letter decides
            ds = sorted(ds, key=lambda d: surface(d.text) != surface(hits[0].text))
            if surface(ds[0].text) == surface(hits[0].text) and ds[0].avoid:
                ds = [ds[0]]
        if (
            not all(d.avoid for d in ds)
            or not hits[0].text[:1].isupper()
            and any(d.text[:1].isupper() for d in ds)
        ):
            continue
        d = ds[0]
        if d.status == "superseded" and d.concept in former:
            continue
        if ck.concepts[d.concept].kind == "country" or d.concept in ctx.reported:
            continue  # country names are judged against the original (_country)
        expected = ck.preferred(d.concept, ctx.target)
        issues.append(ctx.issue("avoid-term", d.concept, source_term=d.text, expected=expected,
                                found=hits[0].text))
    return issues


def surface(text: str) -> str:
    """A form compared letter for letter (case, accents, apostrophes and spaces folded).

    >>> surface("Communauté d’États") == surface("communaute d'Etats")
    True
    """
    return " ".join(fold_text(text).lower().replace("’", "'").split())


_HYPHENED = re.compile(r"[A-Z][a-z]+-[A-Z][a-z]+")


def _unhyphenated(ctx: Context, tgt_longest: list[Hit]) -> list[Issue]:
    """A hyphenated title written without its hyphen: "Secretary General"."""
    ck, issues = ctx.checker, []
    for hit in tgt_longest:
        d = ck.designations[hit.entry.term]
        if d.avoid or d.concept in ctx.reported or not _HYPHENED.search(d.text):
            continue
        if "-" not in hit.text and hit.text[:1].isupper():
            issues.append(ctx.issue("avoid-term", d.concept, source_term=d.text,
                                    expected=[d.text], found=hit.text))
    return issues


def _letters(text: str, caps: bool) -> list[str]:
    """The words of a name as compared by :func:`_variants`: accents, apostrophes,
    punctuation and glued footnote numbers folded, hyphenated words joined, articles at the
    edges dropped; case kept unless the text is in capitals (and the first letter)."""
    text = re.sub(r"(?<=[^\W\d_])\d{1,3}\b", "", fold_text(text))
    words = _WORDS.findall(re.sub(r"(?<=\w)[-\u00ad\u2010\u2011](?=\w)", "", text))
    while words and words[0].lower() in _EDGE_ARTICLES:
        words = words[1:]
    if caps:
        return [w.lower() for w in words]
    return [w[:1].lower() + w[1:] for w in words[:1]] + words[1:]


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


def _variants(ctx: Context, tgt_longest: list[Hit]) -> list[Issue]:
    """A name found through its folded key but not written as any form of its concept:
    "United Nation", "Nations unies", "Development Program" (the key folds plurals, case,
    articles and contractions; the words must still be those of an official form)."""
    ck, issues = ctx.checker, []
    for hit in tgt_longest:
        d = ck.designations[hit.entry.term]
        if d.acronym or d.concept in ctx.reported or hit.entry.tokens < 2:
            continue
        if not hit.text[:1].isupper() and d.text[:1].isupper():
            continue  # "general assemblies": a common noun, not the name
        caps = hit.text.isupper()
        seen = _letters(hit.text, caps)
        forms = [_letters(f.text, caps) for f in ck.forms(d.concept)
                 if f.lang == d.lang and not f.acronym]  # fmt: skip
        if any(_same_name(seen, f) or _same_name(seen[-len(f):], f) for f in forms if f):
            continue
        if not ("unies" in seen and "Unies" in d.text) and any(
                _same_name([w.lower() for w in seen], [w.lower() for w in f]) for f in forms):
            continue  # only the case differs ("Conseil de Sécurité"): not worth an error
        expected = ck.preferred(d.concept, ctx.target)
        issues.append(ctx.issue("name-variant", d.concept, source_term=d.text,
                                expected=expected, found=hit.text))
    return issues


def _wrong_acronyms(ctx: Context, tgt_longest: list[Hit]) -> list[Issue]:
    """A full name followed by the acronym of another body: "… Programme (UNEP)"."""
    ck, issues = ctx.checker, []
    for hit in tgt_longest:
        d = ck.designations[hit.entry.term]
        if d.acronym or d.avoid or d.concept in ctx.reported:
            continue
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


def _refs(text: str, lang: str) -> Counter:
    return Counter(w for m in _BACK_REFERENCE[lang].finditer(text) for w in [m.group(1)])


def _source_names(ctx: Context, by_span, present) -> list[Issue]:
    """The names of the original, each rendered in the translation."""
    ck, s, t, issues = ctx.checker, ctx.source, ctx.target, []
    tgt_refs = _refs(ctx.tgt, t)
    if _FIRST_PERSON[t].search(ctx.tgt):
        tgt_refs[_SECRETARY_GENERAL[t]] += 1

    pronoun = t == "fr" and bool(_PRONOUN_START.match(ctx.tgt))

    def referred(index: int, start: int) -> bool:
        """Named by a bare head ("the Council") after the full name in an earlier segment
        (else "the Council" hides a dropped "Security Council"), or, in French, by the subject pronoun of a resolution paragraph ("Il rappelle" for
        "The Security Council recalls")."""
        heads_t = ck.heads[t].get(index, ())
        if pronoun and heads_t and _SUBJECT_START.match(ctx.src[:start]):
            return True
        if _SECRETARY_GENERAL[t] in heads_t and tgt_refs[_SECRETARY_GENERAL[t]]:
            return True  # "requested me": the Secretary-General's own report
        # "the Council" only stands for a name the translation gave in an earlier segment
        return index in ctx.named_before and any(tgt_refs[h] for h in heads_t)

    done = set(ctx.reported)
    for hits in by_span.values():
        concepts = {ck.designations[h.entry.term].concept for h in hits}
        if concepts & done:
            continue
        done |= concepts
        hit = hits[0]
        index = ck.designations[hit.entry.term].concept
        concept = ck.concepts[index]
        if _RESOLUTION_OF[s].search(ctx.src, max(0, hit.start - 40), hit.start):
            continue
        superseded = any(ck.designations[h.entry.term].status == "superseded" for h in hits)
        if superseded and (-1 - index in present or concepts & present.keys()):
            continue
        if concept.kind == "country":
            if index in ctx.wrong_countries:  # more "Russia" than the original has "Russie"
                expected = ck.preferred(index, t)
                issues.append(ctx.issue("country-name", index, source_term=hit.text,
                                        expected=expected, shown=expected[:2],
                                        found=ctx.wrong_countries[index][0]))
            elif not ck.designations[hit.entry.term].avoid:
                issues += _country(ctx, hit, index, present)
        elif not concepts & present.keys() and not any(referred(i, hit.start)
                                                        for i in concepts):
            expected = [e for i in sorted(concepts) for e in ck.preferred(i, t)]
            kind = "missing-term" if concept.kind == "term" else "missing-title"
            issues.append(ctx.issue(kind, index, source_term=hit.text, expected=expected,
                                    shown=expected[:4]))
    return issues


def _country(ctx: Context, hit: Hit, index: int, present) -> list[Issue]:
    ck, t = ctx.checker, ctx.target
    roles = present.get(index)
    if not roles:
        wrong = present.get(-1 - index)  # a non-UNTERM name of this country
        if wrong:
            expected = ck.preferred(index, t)
            return [ctx.issue("country-name", index, source_term=hit.text, expected=expected,
                              found=min(wrong), shown=expected[:2])]
        return []  # otherwise rendered by an adjective or a pronoun
    role = ck.designations[hit.entry.term].role
    if role in roles:
        return []
    other_role = "formal" if role == "short" else "short"
    expected = ck.preferred(index, t, role=role)
    found = " / ".join(ck.preferred(index, t, role=other_role)[:1])
    return [ctx.issue("country-form", index, source_term=hit.text, expected=expected,
                      found=found, role=role, shown=expected[:1])]
