"""The consistency checks of an English translation against a termbase and the French.

:class:`Checker` is built from an iterable of :class:`termbase.model.Concept` (a whole
termbase, or a short list in a test) and checks segment pairs:

* ``missing-title`` (``missing-term`` for ``term`` concepts, a warning): a French name or
  acronym of a concept is in the French and none of the concept's English forms is in the
  English;
* ``avoid-term``: a deprecated or superseded English term is used (``country-name`` for a
  country name that is not in UNTERM form);
* ``untranslated-acronym``: a French acronym left in the English where the English acronym
  differs (OTSC for CSTO);
* ``country-form``: a short country name rendered by the formal one, or the reverse;
* ``number``, ``date``, ``symbol``: see :mod:`checks.quantities`;
* ``inconsistency``: see :mod:`checks.consistency`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from checks.consistency import inconsistencies
from checks.countries import NON_UNTERM_EN, running_forms
from checks.matcher import Hit, Matcher, longest
from checks.model import KINDS, Issue, Report, Segment
from checks.quantities import missing
from checks.tokens import is_acronym_text, pattern
from ioguard import budget
from termbase.model import Concept

_AVOID = ("deprecated", "superseded")
#: Head nouns by which UN English refers back to a body already named ("the Council" for
#: the Security Council, "the Office" for UNODC): accepted for a name of that body.
HEADS = frozenset({
    "Agency", "Assembly", "Bank", "Centre", "Commission", "Committee", "Community",
    "Conference", "Council", "Court", "Department", "Entity", "Force", "Forum", "Fund", "Group",
    "League", "Mission", "Office", "Operation", "Organization", "Organisation", "Panel",
    "Programme", "Secretariat", "Tribunal", "Union", "Unit",
})  # fmt: skip
_BACK_REFERENCE = re.compile(r"\b[Tt]he ([A-Z][a-z]+)\b(?! [A-Z(]| (?:of|for|on|in|to)\b)")
_PREPOSITIONS = frozenset({"of", "for", "on", "in", "to", "against"})
#: "la résolution 2140 (2014) du Conseil de sécurité": the body is implied by the number.
_RESOLUTION_OF = re.compile(
    r"r[ée]solutions?\s+[\d/]+(?:\s*\(\d{4}\))?\s+(?:du|de\s+l['’]|de\s+la)\s*$", re.I
)
#: The Secretary-General's reports are written in the first person ("requested me").
_FIRST_PERSON = re.compile(r"\b(?:I|me|my)\b")
_ARTICLE_START = re.compile(r"^(?:the|la|le|les)\s|^l['’]", re.I)


@dataclass(frozen=True, slots=True)
class Designation:
    """One term of the index: the concept it names and how it may be used."""

    concept: int
    lang: str
    text: str
    acronym: bool
    avoid: bool
    status: str = "preferred"
    #: For country names: "short" or "formal"; empty otherwise.
    role: str = ""


def _head_noun(name: str) -> str:
    """The generic head noun of an English name, if it has one.

    >>> _head_noun("African Union Commission"), _head_noun("Organization for Security")
    ('Commission', 'Organization')
    >>> _head_noun("United Nations")
    ''
    """
    words = name.replace("-", " ").split()
    for i, word in enumerate(words):
        if word in _PREPOSITIONS:
            words = words[:i]
            break
    return words[-1] if words and words[-1] in HEADS else ""


class Checker:
    """Checks segment pairs against the concepts it was built from.

    >>> from termbase.model import Concept, Term
    >>> csto = Concept("title", [Term("fr", "OTSC", "acronym"), Term("en", "CSTO", "acronym")])
    >>> [i.kind for i in Checker([csto]).check_pair("L'OTSC a signé.", "The OTSC signed.")]
    ['untranslated-acronym']
    """

    #: Automatic candidates (not curated) below this confidence are not checked at all;
    #: above it, their issues are warnings.
    MIN_CONFIDENCE = 0.5

    def __init__(self, concepts: Iterable[Concept], numbers: bool = True):
        self.concepts: list[Concept] = []
        self.designations: list[Designation] = []
        self.numbers = numbers
        fr_rows, en_rows = [], []
        #: Index of the first designation of each concept (and one past the last).
        self._first: list[int] = []
        for concept in concepts:
            if not concept.curated and concept.confidence < self.MIN_CONFIDENCE:
                continue
            index = len(self.concepts)
            self.concepts.append(concept)
            self._first.append(len(self.designations))
            blocked = {t.text for t in concept.terms if t.no_check}
            for d in self._designations(index, concept):
                if d.lang == "en":
                    en_rows.append((index, len(self.designations), d.text, d.acronym))
                elif d.text not in blocked:
                    fr_rows.append((index, len(self.designations), d.text, d.acronym))
                self.designations.append(d)
        self._first.append(len(self.designations))
        self._heads = {i: heads for i, heads in enumerate(self._head_words()) if heads}
        self.fr = Matcher(fr_rows)
        self.en = Matcher(en_rows)
        self.leftover = Matcher(self._untranslatable(fr_rows))

    # -- building -------------------------------------------------------------------------

    def _designations(self, index: int, concept: Concept) -> list[Designation]:
        out = []
        for lang in ("fr", "en"):
            terms = concept.terms_in(lang)
            has_short = any(t.type == "shortForm" for t in terms)
            for term in terms:
                acronym = term.type == "acronym" or is_acronym_text(term.text)
                avoid = term.status in _AVOID
                if concept.kind != "country":
                    out.append(Designation(index, lang, term.text, acronym, avoid, term.status))
                    continue
                formal = (
                    (term.type == "fullForm")
                    if has_short
                    else bool(_ARTICLE_START.match(term.text))
                )
                role = "formal" if formal else "short"
                for form in running_forms(term.text):
                    out.append(Designation(index, lang, form, acronym, avoid, term.status, role))
            if concept.kind == "country" and lang == "en":
                known = {d.text for d in out}
                for wrong, right in NON_UNTERM_EN.items():
                    if right in known and wrong not in known:
                        out.append(Designation(index, "en", wrong, False, True, "variant", "short"))
        return out

    def _head_words(self) -> list[frozenset[str]]:
        out = []
        for index, concept in enumerate(self.concepts):
            words = set()
            if concept.kind == "title":
                for d in self.designations[self._first[index] : self._first[index + 1]]:
                    if d.lang == "en" and not d.acronym and not d.avoid:
                        # "requested me": the Secretary-General writes in the first person
                        sg = d.text == "Secretary-General"
                        head = d.text if sg else _head_noun(d.text)
                        if head:
                            words.add(head)
            out.append(frozenset(words))
        return out

    def _untranslatable(self, fr_rows) -> list[tuple[int, int, str, bool]]:
        """French acronyms that must not be left as they are in the English."""
        en_acronyms = {
            pattern(d.text, True)[0] for d in self.designations if d.lang == "en" and d.acronym
        }
        return [row for row in fr_rows if row[3] and pattern(row[2], True)[0] not in en_acronyms]

    # -- checking -------------------------------------------------------------------------

    def check_pair(self, fr: str, en: str, segment: int = 1) -> list[Issue]:
        """The issues of one French segment and its English translation."""
        issues: list[Issue] = []
        en_all = self.en.find_all(en, case=False)
        # concept index -> roles of its English forms found ("short"/"formal" for countries);
        # -1 - index -> former or non-UNTERM names of that concept found in the English
        present: dict[int, set[str]] = {}
        for hit in en_all:
            d = self.designations[hit.entry.term]
            if not d.avoid:
                present.setdefault(d.concept, set())
            elif d.status == "superseded":  # a former name: right where the French has one
                present.setdefault(-1 - d.concept, set())
        for hit in longest(en_all):  # the role of "Viet Nam" inside a formal name is formal
            d = self.designations[hit.entry.term]
            if not d.avoid:
                present[d.concept].add(d.role)
            elif d.role:  # a country name not in UNTERM form, keyed apart
                present.setdefault(-1 - d.concept, set()).add(hit.text)
        for hit in self.fr.find_all(en, acronyms=False):  # a name kept in French
            present.setdefault(self.designations[hit.entry.term].concept, set())
        left = self._leftovers(en, segment, issues)
        refs = frozenset(w for m in _BACK_REFERENCE.finditer(en) for w in m.group(1).split())
        if _FIRST_PERSON.search(en):
            refs |= {"Secretary-General"}
        former = self._french_names(fr, segment, present, left, issues, refs)
        self._avoided(en_all, segment, former, issues)
        if self.numbers:
            for mention in missing(fr, en):
                issues.append(self._issue(segment, mention.kind, None, source_term=mention.text,
                                          expected=sorted(mention.keys),
                                          message=f"{mention.kind} {mention.text!r} of the "
                                          "French is not in the English"))  # fmt: skip
        return issues

    def check(self, segments: Iterable[Segment]) -> Report:
        """Check every pair, then the consistency across pairs."""
        segments = list(segments)
        issues: list[Issue] = []
        for seg in segments:
            budget.check()  # (a web request's time budget)
            issues += self.check_pair(seg.fr, seg.en, seg.number)
        issues += inconsistencies(segments)
        issues.sort(key=lambda i: (i.segment, list(KINDS).index(i.kind)))
        return Report(len(segments), issues)

    def _issue(self, segment: int, kind: str, concept: Concept | None, **fields) -> Issue:
        severity = KINDS[kind]
        if concept is not None and (
            concept.kind == "term" or (not concept.curated and concept.confidence < 1.0)
        ):
            severity = "warning"  # terms, and names the builder found but nobody checked
        return Issue(segment, kind, severity, **fields)

    def preferred(self, index: int, lang: str = "en", role: str | None = None) -> list[str]:
        """The usable forms of a concept in one language (preferred first)."""
        forms: list[str] = []
        for d in self.designations[self._first[index] : self._first[index + 1]]:
            usable = d.lang == lang and not d.avoid and (role is None or d.role == role)
            if usable and d.text not in forms:
                forms.append(d.text)
        return forms

    def _leftovers(self, en: str, segment: int, issues: list[Issue]) -> set[int]:
        concepts = set()
        for hit in self.leftover.find(en):
            index = hit.entry.concept
            if index in concepts:
                continue
            concepts.add(index)
            expected = self.preferred(index)
            issues.append(self._issue(
                segment, "untranslated-acronym", self.concepts[index], source_term=hit.text,
                expected=expected, found=hit.text,
                message=f"French acronym {hit.text!r} left in the English; use "
                + " or ".join(repr(e) for e in expected[:3])))  # fmt: skip
        return concepts

    def _french_names(self, fr, segment, present, left, issues, refs) -> set[int]:
        """Check the names found in the French; return the concepts named by a former name."""
        former: set[int] = set()
        by_span: dict[tuple[int, int], list[Hit]] = {}
        for hit in self.fr.find(fr):
            by_span.setdefault((hit.start, hit.end), []).append(hit)
        done: set[int] = set(left)
        for hits in by_span.values():
            concepts = {self.designations[h.entry.term].concept for h in hits}
            if concepts & done:
                continue
            done |= concepts
            hit = hits[0]
            index = self.designations[hit.entry.term].concept
            concept = self.concepts[index]
            if _RESOLUTION_OF.search(fr, max(0, hit.start - 40), hit.start):
                continue
            if any(self.designations[h.entry.term].status == "superseded" for h in hits):
                former |= concepts  # a former name in the French: its former English is right
                if -1 - index in present or concepts & present.keys():
                    continue
            if concept.kind == "country":
                if self.designations[hit.entry.term].avoid:
                    continue
                self._country(hit, index, segment, present, issues)
            elif not concepts & present.keys() and not any(
                self._heads[i] & refs for i in concepts if i in self._heads
            ):
                expected = [e for i in sorted(concepts) for e in self.preferred(i)]
                kind = "missing-term" if concept.kind == "term" else "missing-title"
                issues.append(self._issue(
                    segment, kind, concept, source_term=hit.text, expected=expected,
                    message=f"{hit.text!r} is not rendered by its English name: expected "
                    + " or ".join(repr(e) for e in expected[:4])))  # fmt: skip
        return former

    def _country(self, hit: Hit, index: int, segment, present, issues) -> None:
        roles = present.get(index)
        if not roles:
            wrong = present.get(-1 - index)  # a non-UNTERM name of this country
            if wrong:
                expected = self.preferred(index)
                issues.append(self._issue(
                    segment, "country-name", self.concepts[index], source_term=hit.text,
                    expected=expected, found=min(wrong),
                    message=f"{min(wrong)!r} is not the UNTERM name of {hit.text!r}: use "
                    + " or ".join(repr(e) for e in expected[:2])))  # fmt: skip
            return  # otherwise rendered by an adjective or a pronoun
        role = self.designations[hit.entry.term].role
        if role in roles:
            return
        other = "formal" if role == "short" else "short"
        expected = self.preferred(index, role=role)
        issues.append(self._issue(
            segment, "country-form", self.concepts[index], source_term=hit.text,
            expected=expected, found=" / ".join(self.preferred(index, role=other)[:1]),
            message=f"{hit.text!r} is the {role} name in the French; the English uses the "
            f"{other} one (expected {expected[0]!r})"))  # fmt: skip

    def _avoided(self, en_all, segment, former: set[int], issues) -> None:
        by_span: dict[tuple[int, int], list[Hit]] = {}
        for hit in longest(en_all):
            by_span.setdefault((hit.start, hit.end), []).append(hit)
        seen: set[tuple[int, str]] = set()
        for hits in by_span.values():
            ds = [self.designations[h.entry.term] for h in hits]
            if (
                not all(d.avoid for d in ds)
                or not hits[0].text[:1].isupper()
                and any(d.text[:1].isupper() for d in ds)
            ):
                continue
            d = ds[0]
            concept = self.concepts[d.concept]
            if d.status == "superseded" and d.concept in former:
                continue
            if concept.kind == "country" or (d.concept, "avoid") in seen:
                continue  # country names are judged against the French (_country)
            seen.add((d.concept, "avoid"))
            kind = "avoid-term"
            expected = self.preferred(d.concept)
            issues.append(self._issue(
                segment, kind, concept, source_term=d.text, expected=expected,
                found=hits[0].text,
                message=f"{hits[0].text!r} is not to be used; use "
                + " or ".join(repr(e) for e in expected[:3])))  # fmt: skip
