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
from functools import cache
from typing import TYPE_CHECKING

from checks import forms
from checks.designations import Designation
from checks.fuzzy import near_miss
from checks.matcher import Hit, longest
from checks.messages import message, quote
from checks.model import Issue
from checks.traces import (
    CAPITAL_BEFORE,
    NAME_AFTER,
    another_body,
    author_pronoun,
    back_reference,
    defined_elsewhere,
    trace,
)

if TYPE_CHECKING:
    from checks.checker import Checker

#: Head nouns by which UN English refers back to a body already named ("the Council" for
#: the Security Council, "the Office" for UNODC): accepted for a name of that body.
HEADS_EN = frozenset({
    "Agency", "Assembly", "Bank", "Centre", "Charter", "Commission", "Committee", "Community",
    "Conference", "Council", "Court", "Department", "Entity", "Force", "Forum", "Fund", "Group",
    "League", "Mission", "Office", "Operation", "Organization", "Organisation", "Panel",
    "Programme", "Secretariat", "Tribunal", "Union", "Unit", "Directorate",
})  # fmt: skip
#: The same in French, where the head noun comes first ("le Conseil", "l’Office").
HEADS_FR = frozenset({
    "Agence", "Assemblée", "Banque", "Centre", "Charte", "Commission", "Comité", "Communauté",
    "Conférence", "Conseil", "Cour", "Département", "Entité", "Force", "Forum", "Fonds",
    "Groupe", "Ligue", "Mission", "Office", "Opération", "Organisation", "Programme",
    "Secrétariat", "Tribunal", "Union", "Bureau", "Haut-Commissariat", "Division", "Institut",
    "Direction",
})  # fmt: skip
#: (Led by their first letters, the boundary looked behind: ``re`` skips to those letters.)
_BACK_REFERENCE = {  # (a match's head and end are read; in English it starts at "he ")
    "en": re.compile(r"he (?<=\b[Tt]he )([A-Z][a-z]+)\b(?! [A-Z(]| (?:of|for|on|in|to) (?:the )?[A-Z])"),
    "fr": re.compile(r"[LlDdAa](?<=\b[LlDdAa])(?:(?<=[Ll])(?:e|a|es|['’])|(?<=[Dd])u|(?<=[Aa])(?:u|ux))"
                     r"\s?([A-ZÉ][\w-]+)\b"
                     r"(?! [A-Z(]| (?:de|du|des|d['’]|pour|sur|en|contre|chargée?)\b)"),
}
#: A head with an adjective and its own complement is another body's name ("le Conseil
#: national de sécurité", "le Conseil exécutif de l'OIAC"), not a shortened one.
_QUALIFIED_FR = re.compile(r" [a-zà-ÿ]{4,} (?:de|du|des|d['’])\b")
_PREPOSITIONS = frozenset({"of", "for", "on", "in", "to", "against"})
#: "la résolution 2140 (2014) du Conseil de sécurité": the body is implied by the number.
_RESOLUTION_OF = {
    "fr": re.compile(r"r[ée]solutions?\s+[\d/]+(?:\s*\(\d{4}\))?\s+(?:du|de\s+l['’]|de\s+la)\s*$",
                     re.I),
    "en": re.compile(r"(?:Council|Assembly)\s+resolutions?\s*$", re.I),
}
#: An English body's name before a resolution number, and a French resolution number.
_RESOLUTION_AFTER = re.compile(r"\s+resolutions?\s+\d")
_RESOLUTION_FR = re.compile(r"r[ée]solutions?\s+\d")
#: The Secretary-General's reports are written in the first person ("requested me").
_FIRST_PERSON = {
    "en": re.compile(r"[Im](?<=\b[Im])(?:(?<=I)|(?<=m)(?:e|y))\b"),
    "fr": re.compile(r"[Jjm](?<=\b[Jjm])(?:(?:(?<=[Jj])e|(?<=m)e|(?<=m)oi|(?<=[Jj])['’]|(?<=m)['’])\b"
                     r"|(?<=m)on (?:rapport|Envoy))"),
}
_SECRETARY_GENERAL = {"en": "Secretary-General", "fr": "Secrétaire général"}
#: How the UN names itself, and its own bodies that a bare head names in its documents.
_OWN_NAME = {"en": ("United Nations", "UN"), "fr": ("Organisation des Nations Unies", "ONU")}
OWN_BODIES = {"en": frozenset({"United Nations Secretariat", "Charter of the United Nations"}),
              "fr": frozenset({"Secrétariat de l’Organisation des Nations Unies",
                               "Secrétariat de l'Organisation des Nations Unies",
                               "Charte des Nations Unies"})}  # fmt: skip
_PRONOUN_START = re.compile(r"^\W*(?:\d+[.)]?\s+)?(?:Il|Elle)s?\b")
_SUBJECT_START = re.compile(r"^\W*(?:\d+[.)]?\s+)?(?:The\s+)?$")
ARTICLE_START = re.compile(r"^(?:the|la|le|les)\s|^l['’]", re.I)


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
    out: dict[int, frozenset[str]] = {}
    shared: dict[frozenset[str], frozenset[str]] = {}  # most concepts share their heads
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
            heads = frozenset(words)
            out[index] = shared.setdefault(heads, heads)
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
    #: Concepts the translation named in the segments before (for "the Council").
    named_before: frozenset[int] = frozenset()
    #: True when the pair is checked within its document (the segments before it were
    #: checked too); False for an isolated pair, whose document context is unknown.
    in_document: bool = False
    #: Concepts the translation names in this segment (filled by :func:`check_names`).
    named: set[int] = field(default_factory=set)
    #: Countries named more often by a non-UNTERM name in the translation than in the
    #: original, with those names.
    wrong_countries: dict[int, list[str]] = field(default_factory=dict)
    #: Concepts named in the translation by a full name (not only an acronym).
    full_named: set[int] = field(default_factory=set)
    #: The designations of the pair's hits, by term number (filled by :func:`check_names`).
    of: dict[int, Designation] = field(default_factory=dict)

    def issue(self, kind: str, index: int | None, *, source_term: str = "",
              expected: list[str] | None = None, found: str = "", role: str = "",
              shown: list[str] | None = None, weak: bool = False) -> Issue:
        """One issue about concept ``index``; ``weak``: a warning whatever the concept."""
        concept = None if index is None else self.checker.concepts[index]
        if index is not None:
            self.reported.add(index)
        expected = expected or []
        text = message(kind, self.ui, found=found, source=source_term, role=role,
                       expected=quote(shown if shown is not None else expected, self.ui),
                       target=self.target)
        severity = "warning" if weak else self.checker.severity(kind, concept)
        return Issue(self.segment, kind, severity, source_term, expected, found, text)


def check_names(ctx: Context) -> list[Issue]:
    """Every name rule on one pair."""
    ck, issues = ctx.checker, []
    tgt_all = ck.seen[ctx.target].find_all(ctx.tgt, case=False)
    kept = ck.search[ctx.source].find_all(ctx.tgt, acronyms=False)  # a name kept as is
    src_hits = ck.search[ctx.source].find(ctx.src)
    of = ctx.of = ck.designations.of(h.entry.term for h in (*tgt_all, *kept, *src_hits))
    # concept index -> roles of its target forms found ("short"/"formal" for countries);
    # -1 - index -> former or non-UNTERM names of that concept found in the translation
    present: dict[int, set[str]] = {}
    tgt_ds = [of[hit.entry.term] for hit in tgt_all]
    for d in tgt_ds:
        if not d.avoid:
            present.setdefault(d.concept, set())
        elif d.status == "superseded":  # a former name: right where the original has one
            present.setdefault(-1 - d.concept, set())
    tgt_longest = longest(tgt_all)
    for hit in tgt_longest:  # the role of "Viet Nam" inside a formal name is formal
        d = of[hit.entry.term]
        if not d.avoid:
            present[d.concept].add(d.role)
        elif d.role:  # a country name not in UNTERM form, keyed apart
            present.setdefault(-1 - d.concept, set()).add(hit.text)
    for hit in kept:
        present.setdefault(of[hit.entry.term].concept, set())
    ctx.named = {c for c in present if c >= 0}
    issues += forms.leftovers(ctx)
    by_span: dict[tuple[int, int], list[Hit]] = {}
    for hit in src_hits:
        by_span.setdefault((hit.start, hit.end), []).append(hit)
    former = {of[h.entry.term].concept for hits in by_span.values()
              if any(of[h.entry.term].status == "superseded" for h in hits)
              for h in hits}  # fmt: skip
    issues += _avoided(ctx, tgt_longest, former)
    issues += forms.wrong_acronyms(ctx, tgt_longest)
    issues += forms.unhyphenated(ctx, tgt_longest)
    issues += forms.variants(ctx, tgt_longest)
    ctx.full_named = {d.concept for d in tgt_ds
                      if not d.acronym and not d.avoid and d.status != "short"}
    wrong_tgt: dict[int, list[str]] = {}
    for hit in tgt_longest:
        d = of[hit.entry.term]
        if d.avoid and d.role and d.status != "superseded":
            wrong_tgt.setdefault(d.concept, []).append(hit.text)
    wrong_src = Counter(of[h.entry.term].concept for hits in by_span.values()
                        for h in hits[:1] if of[h.entry.term].avoid
                        and of[h.entry.term].role)  # fmt: skip
    right_src = {of[h.entry.term].concept for hits in by_span.values()
                 for h in hits[:1] if not of[h.entry.term].avoid}  # fmt: skip
    # more "Russia" than the original has "Russie"; but an original that only writes "Syrie"
    # may be rendered "Syria" as often as the English needs
    ctx.wrong_countries = {c: texts for c, texts in wrong_tgt.items()
                           if len(texts) > wrong_src[c] and not _defined(ctx, c, texts)
                           and (not wrong_src[c] or c in right_src)}  # fmt: skip
    issues += _source_names(ctx, by_span, present)
    # a name the original gives is known to the reader of the next segments, whether or not
    # this translation rendered it (if not, this segment has its issue): "the Council" after
    # "the Security Council" is a repeat within the document
    ctx.named |= {of[h.entry.term].concept for hits in by_span.values()
                  for h in hits}  # fmt: skip
    return issues


def _defined(ctx: Context, index: int, texts: list[str]) -> bool:
    """True when the translation defines its short name after the UNTERM one
    ("the Democratic Republic of the Congo (DRC)"): the short name is then the document's;
    an abbreviation (DRC) may also have been defined in the segments before."""
    if index in ctx.named_before and all(t.isupper() for t in texts):
        return True
    return any(f"{form} ({text})" in ctx.tgt for text in set(texts)
               for form in ctx.checker.preferred(index, ctx.target))


def _avoided(ctx: Context, tgt_longest: list[Hit], former: set[int]) -> list[Issue]:
    ck, of, issues = ctx.checker, ctx.of, []
    by_span: dict[tuple[int, int], list[Hit]] = {}
    for hit in tgt_longest:
        by_span.setdefault((hit.start, hit.end), []).append(hit)
    for hits in by_span.values():
        ds = [of[h.entry.term] for h in hits]
        if not all(d.avoid for d in ds) and any(d.avoid for d in ds):
            # "Communauté des États" and "Communauté d’États" share their key: the letter decides
            ds = sorted(ds, key=lambda d: forms.surface(d.text) != forms.surface(hits[0].text))
            if forms.surface(ds[0].text) == forms.surface(hits[0].text) and ds[0].avoid:
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


def _refs(text: str, lang: str) -> Counter:
    return Counter(w for m in _BACK_REFERENCE[lang].finditer(text) for w in [m.group(1)])


def _bare_heads(text: str, lang: str) -> Counter:
    """The head nouns standing alone for a name ("le Conseil a décidé"), not another
    body's qualified head ("le Conseil national de sécurité")."""
    return Counter(m.group(1) for m in _BACK_REFERENCE[lang].finditer(text)
                   if lang == "en" or not _QUALIFIED_FR.match(text, m.end()))


def _source_names(ctx: Context, by_span, present) -> list[Issue]:
    """The names of the original, each rendered in the translation."""
    ck, of, s, t, issues = ctx.checker, ctx.of, ctx.source, ctx.target, []
    if not by_span:  # no name in the original
        return issues

    @cache
    def tgt_refs() -> Counter:  # the translation's bare heads, read once, at the first need
        refs = _refs(ctx.tgt, t)
        if _FIRST_PERSON[t].search(ctx.tgt):
            refs[_SECRETARY_GENERAL[t]] += 1
        return refs

    bare = cache(lambda: _bare_heads(ctx.tgt, t))  # the same, not another body's qualified head
    pronoun = t == "fr" and bool(_PRONOUN_START.match(ctx.tgt))

    def referred(index: int, start: int) -> bool:
        """Named by a bare head ("the Council") after the full name in an earlier segment
        of the document (:func:`back_reference`), or, in French, by the subject pronoun of
        a resolution paragraph ("Il rappelle" for "The Security Council recalls")."""
        heads_t = ck.heads[t].get(index, ())
        if pronoun and heads_t and _SUBJECT_START.match(ctx.src[:start]):
            return True
        if _SECRETARY_GENERAL[t] in heads_t and tgt_refs()[_SECRETARY_GENERAL[t]]:
            return True  # "requested me": the Secretary-General's own report
        if any(h in ctx.tgt for h in heads_t) and any(
                d.lang == t and d.text in OWN_BODIES[t] for d in ck.forms(index)):
            return True  # "le Secrétariat", "the Secretariat": the UN's own
        return back_reference(ctx, index, heads_t, tgt_refs()) == "accepted"

    done = set(ctx.reported)
    starts = {start for start, _end in by_span}
    for hits in by_span.values():
        concepts = {of[h.entry.term].concept for h in hits}
        if concepts & done:
            continue
        done |= concepts
        hit = hits[0]
        index = of[hit.entry.term].concept
        concept = ck.concepts[index]
        if rendered(ctx, concept, concepts, of[hit.entry.term], present):
            continue  # (no test below would give an issue)
        if _RESOLUTION_OF[s].search(ctx.src, max(0, hit.start - 40), hit.start):
            continue
        if s == "en" and hit.entry.tokens == 1 and not hit.entry.acronym and (
                CAPITAL_BEFORE.search(ctx.src, max(0, hit.start - 30), hit.start)
                or NAME_AFTER.match(ctx.src, hit.end)):
            continue  # "Organization" inside "the World Organization for Animal Health"
        if another_body(ctx.src, hit, s):
            continue
        if hit.end + 1 in starts and ctx.src[hit.start : hit.end] in _OWN_NAME[s]:
            continue  # "United Nations Security Council resolution" = "résolution du Conseil"
        if s == "en" and _RESOLUTION_AFTER.match(ctx.src, hit.end) and _RESOLUTION_FR.search(
                ctx.tgt) and not near_miss(ctx.tgt, ck.preferred(index, t), ck.seen[t].codes):
            continue  # "Security Council resolution 1540 (2004)" = "résolution 1540 (2004)"
        superseded = any(of[h.entry.term].status == "superseded" for h in hits)
        if superseded and (-1 - index in present or concepts & present.keys()):
            continue
        if concept.kind == "country":
            if index in ctx.wrong_countries:  # more "Russia" than the original has "Russie"
                expected = ck.preferred(index, t)
                found = ctx.wrong_countries[index][0]
                issues.append(ctx.issue("country-name", index, source_term=hit.text,
                                        expected=expected, shown=expected[:2], found=found,
                                        weak=defined_elsewhere(ctx, found)))
            elif not of[hit.entry.term].avoid:
                issues += _country(ctx, hit, index, present)
        elif not concepts & ctx.full_named and not of[hit.entry.term].acronym and (miss := near_miss(
                ctx.tgt, [d.text for d in ck.forms(index) if d.lang == t and not d.acronym
                          and not d.avoid], ck.seen[t].codes)):
            # a near miss of a name only the builder found may be the right form and the
            # builder's the wrong one (International Atomic Energy "Authority"): a warning
            issues.append(ctx.issue("name-variant", index, source_term=hit.text, found=miss,
                                    expected=ck.preferred(index, t), weak=not concept.curated))
        elif not concepts & present.keys() and not any(referred(i, hit.start)
                                                        for i in concepts):
            expected = [e for i in sorted(concepts) for e in ck.preferred(i, t)]
            kind = "missing-term" if concept.kind == "term" else "missing-title"
            # no trace of the name (neither a form nor its head noun: a pronoun, "elle a
            # décidé" for "the General Assembly decided", or an omission): a warning; so is
            # a bare head ("le Conseil") in a pair checked out of its document
            weak = not trace(ctx, concepts) or any(
                back_reference(ctx, i, ck.heads[t].get(i, ()), bare()) == "unknown"
                or author_pronoun(ctx, ck.heads[t].get(i, ())) for i in concepts)
            issues.append(ctx.issue(kind, index, source_term=hit.text, expected=expected,
                                    shown=expected[:4], weak=weak))
    return issues


def rendered(ctx: Context, concept, concepts: set[int], d: Designation, present) -> bool:
    """A name of the original (not a country's) no name rule reports: rendered by a full
    name (a near miss needs none), or an acronym rendered by any form (a missing name none)."""
    return concept.kind != "country" and bool(
        concepts & ctx.full_named or (d.acronym and concepts & present.keys()))


def _country(ctx: Context, hit: Hit, index: int, present) -> list[Issue]:
    ck, of, t = ctx.checker, ctx.of, ctx.target
    roles = present.get(index)
    if not roles:
        wrong = present.get(-1 - index)  # a non-UNTERM name of this country
        if wrong and not _defined(ctx, index, sorted(wrong)):
            expected = ck.preferred(index, t)
            return [ctx.issue("country-name", index, source_term=hit.text, expected=expected,
                              found=min(wrong), shown=expected[:2],
                              weak=defined_elsewhere(ctx, min(wrong)))]
        return []  # otherwise rendered by an adjective or a pronoun
    role = of[hit.entry.term].role
    if role in roles:
        return []
    other_role = "formal" if role == "short" else "short"
    expected = ck.preferred(index, t, role=role)
    found = " / ".join(ck.preferred(index, t, role=other_role)[:1])
    return [ctx.issue("country-form", index, source_term=hit.text, expected=expected,
                      found=found, role=role, shown=expected[:1])]
