"""The consistency checks of a translation against a termbase and its original, both ways.

:class:`Checker` is built from an iterable of :class:`termbase.model.Concept` (a whole
termbase, or a short list in a test) and checks segment pairs. ``source="fr"`` (the
default) checks an English translation of a French original, ``source="en"`` a French
translation of an English original; every rule runs in both directions:

* ``missing-title`` (``missing-term`` for ``term`` concepts, a warning): a name or acronym
  of a concept is in the original and none of the concept's target forms is in the
  translation (articles, contractions and elisions folded: du, de la, des, au, aux, l’, d’);
* ``avoid-term``: a deprecated or superseded target term is used (``country-name`` for a
  country name that is not in UNTERM form: Russia, Holland; Russie, Birmanie);
* ``untranslated-acronym``: a source acronym left in the translation where the target
  acronym differs (OTSC for CSTO; UNDP for PNUD);
* ``wrong-acronym``: a name followed by the acronym of another body ("United Nations
  Development Programme (UNEP)");
* ``country-form``: a short country name rendered by the formal one, or the reverse;
* ``number``, ``date``, ``symbol``: see :mod:`checks.quantities`; ``number-format`` and
  ``typography`` (French target): see :mod:`checks.style`;
* ``inconsistency``: see :mod:`checks.consistency`.

Messages are in the UI language (``lang="en"`` or ``"fr"``), found and expected forms in the
target's UN style; one issue per mistake.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checks import names
from checks.consistency import inconsistencies, keys
from checks.countries import NON_UNTERM_EN, NON_UNTERM_FR, running_forms
from checks.designations import Designation, Designations
from checks.keying import Codes
from checks.matcher import Matcher, Unblocked
from checks.model import KINDS, Issue, Report, Segment, looked_for, worth_listing
from checks.tokens import is_acronym_text, pattern
from ioguard import budget
from termbase.model import Concept

_AVOID = ("deprecated", "superseded")
_NON_UNTERM = {"en": NON_UNTERM_EN, "fr": NON_UNTERM_FR}
LANGS = ("fr", "en")
#: Shorter forms a translation uses for a name (système des Nations Unies, l’Organisation).
_SHORTER = {"Organisation des Nations Unies": ("Nations Unies", "Organisation")}
_TARGET_ONLY = {("fr", short) for shorts in _SHORTER.values() for short in shorts}


def other(lang: str) -> str:
    """The other language of the pair.

    >>> other("fr")
    'en'
    """
    return "en" if lang == "fr" else "fr"


@dataclass(frozen=True, slots=True)
class Rated:
    """What the checks use of a concept: its kind and how sure the termbase is of it."""

    kind: str
    curated: bool
    confidence: float


class Checker:
    """Checks segment pairs against the concepts it was built from.

    >>> from termbase.model import Concept, Term
    >>> csto = Concept("title", [Term("fr", "OTSC", "acronym"), Term("en", "CSTO", "acronym")])
    >>> [i.kind for i in Checker([csto]).check_pair("L'OTSC a signé.", "The OTSC signed.")]
    ['untranslated-acronym']
    >>> [i.found for i in Checker([csto]).check_pair("La CSTO a signé.", "CSTO signed.", source="en")]
    ['CSTO']
    """

    #: Automatic candidates (not curated) below this confidence are not checked at all;
    #: above it, their issues are warnings, and errors from :attr:`CONFIDENT` on.
    MIN_CONFIDENCE = 0.5
    CONFIDENT = 0.9
    CONFIDENT_ACRONYM = 0.7
    def __init__(self, concepts: Iterable[Concept], numbers: bool = True):
        self.concepts: list[Rated] = []
        #: Every designation (a plain list while building, then kept in arrays).
        self.designations: Sequence[Designation] = []
        self.numbers = numbers
        #: Rows (concept, designation, text, acronym, blocked) by language; the terms marked
        #: no_check are blocked: not looked for in an original, accepted in a translation.
        seen: dict[str, list] = {"fr": [], "en": []}
        #: Index of the first designation of each concept (and one past the last).
        self._first: Sequence[int] = []
        shared: dict[tuple, Rated] = {}  # one Rated object per (kind, curated, confidence)
        for concept in concepts:
            if not concept.curated and concept.confidence < self.MIN_CONFIDENCE:
                continue
            if not worth_listing(concept):
                continue
            index = len(self.concepts)
            # only the kind, curated and confidence are used: the terms, evidence and fields
            # are left out (a third of the memory of a checker at 100,000 concepts)
            rated = (concept.kind, concept.curated, concept.confidence)
            self.concepts.append(shared.setdefault(rated, Rated(*rated)))
            self._first.append(len(self.designations))
            blocked = {(t.lang, t.text) for t in concept.terms
                       if t.no_check or not looked_for(concept, t)} | _TARGET_ONLY
            for d in self._designations(index, concept):
                seen[d.lang].append((index, len(self.designations), d.text, d.acronym,
                                     (d.lang, d.text) in blocked))
                self.designations.append(d)
        self._first.append(len(self.designations))
        self.heads = {lang: names.head_words(self, lang) for lang in LANGS}
        #: One code space for every automaton: each side of a pair is keyed once.
        codes = Codes()
        self.seen = {lang: Matcher(seen[lang], codes) for lang in LANGS}
        self.search = {lang: Unblocked(self.seen[lang]) for lang in LANGS}
        #: Source acronyms that must not be left as they are in a translation, by target.
        self.leftover = {lang: Matcher(self._untranslatable(
            [r[:4] for r in seen[other(lang)] if not r[4]], lang), codes) for lang in LANGS}
        self.designations = Designations(self.designations)
        self._first = array("I", self._first)

    @property
    def fr(self) -> Unblocked:
        """The French designations looked for in a French original."""
        return self.search["fr"]

    @property
    def en(self) -> Matcher:
        """Every English designation."""
        return self.seen["en"]

    # -- building -------------------------------------------------------------------------

    def _designations(self, index: int, concept: Concept) -> list[Designation]:
        out = []
        for lang in LANGS:
            terms = concept.terms_in(lang)
            has_short = any(t.type == "shortForm" for t in terms)
            for term in terms:
                acronym = term.type == "acronym" or is_acronym_text(term.text)
                avoid = term.status in _AVOID
                if concept.kind != "country":
                    out.append(Designation(index, lang, term.text, acronym, avoid,
                                           sys.intern(term.status)))
                    for short in _SHORTER.get(term.text, ()) if not avoid else ():
                        out.append(Designation(index, lang, short, False, False, "admitted"))
                    continue
                formal = (
                    (term.type == "fullForm")
                    if has_short
                    else bool(names.ARTICLE_START.match(term.text))
                )
                role = "formal" if formal else "short"
                for form in running_forms(term.text):
                    out.append(Designation(index, lang, form, acronym, avoid, term.status, role))
            if concept.kind == "country":
                known = {t.text for t in terms} | {d.text for d in out if d.lang == lang}
                for wrong, right in _NON_UNTERM[lang].items():
                    if right in known and wrong not in known:
                        out.append(Designation(index, lang, wrong, False, True, "variant", "short"))
        return out

    def _untranslatable(self, source_rows, target: str) -> list[tuple[int, int, str, bool]]:
        """Source acronyms whose form is no target acronym (OTSC is no English acronym)."""
        target_acronyms = {
            pattern(d.text, True)[0] for d in self.designations if d.lang == target and d.acronym
        }
        return [r for r in source_rows if r[3] and pattern(r[2], True)[0] not in target_acronyms]

    # -- checking -------------------------------------------------------------------------

    def check_pair(self, fr: str, en: str, segment: int = 1, source: str = "fr",
                   lang: str = "en", named_before: Iterable[int] = ()) -> list[Issue]:
        """The issues of one pair: the French ``fr`` and the English ``en``, of which
        ``source`` is the original; messages in the UI language ``lang``.
        ``named_before``: the concepts the translation named in the segments just before."""
        return self._check_pair(fr, en, segment, source, lang, frozenset(named_before))[0]

    def _check_pair(self, fr, en, segment, source, lang, named_before, in_document=False):
        target = other(source)
        src, tgt = (fr, en) if source == "fr" else (en, fr)
        context = names.Context(self, src, tgt, source, target, segment, lang,
                                named_before=named_before, in_document=in_document)
        issues = names.check_names(context)
        if self.numbers:
            from checks.figures import check_numbers

            issues += check_numbers(context)
        return issues, context.named

    def check(self, segments: Iterable[Segment], source: str = "fr", lang: str = "en",
              isolated: bool = False) -> Report:
        """Check every pair, then the consistency across pairs.

        ``source``: the original side of every pair (``fr`` or ``en``); ``lang``: the
        language of the messages (``en`` or ``fr``). The segments are one document, in
        order (a name given before stands for a shortened one later), unless ``isolated``:
        pairs from unknown contexts (a sample, a memory), each checked on its own.
        """
        if source not in LANGS:
            raise ValueError(f"unknown source language {source!r}: use fr or en")
        segments = list(segments)
        issues: list[Issue] = []
        named_before: set[int] = set()  # the document's names so far (none if isolated)
        made = []  # the comparison forms of the consistency check, while the words are kept
        for seg in segments:
            budget.check()  # (a web request's time budget)
            found, named = self._check_pair(seg.fr, seg.en, seg.number, source, lang,
                                            named_before, not isolated)
            issues += found
            made.append(keys(seg))
            if not isolated:
                named_before |= named
        issues += inconsistencies(segments, made)
        issues.sort(key=lambda i: (i.segment, list(KINDS).index(i.kind)))
        return Report(len(segments), issues, source)

    def severity(self, kind: str, concept: Concept | Rated | None) -> str:
        """The severity of an issue of ``kind`` about ``concept``."""
        severity = KINDS[kind]
        # an acronym left as it is proves itself: a builder's pair is enough from 0.7 on
        confident = self.CONFIDENT_ACRONYM if kind.endswith("acronym") else self.CONFIDENT
        if concept is not None and (
            concept.kind == "term" or (not concept.curated and concept.confidence < confident)
        ):
            severity = "warning"  # terms, and names the builder found with less confidence
        return severity

    def preferred(self, index: int, lang: str = "en", role: str | None = None) -> list[str]:
        """The usable forms of a concept in one language (preferred first)."""
        forms: list[str] = []
        for d in self.designations[self._first[index] : self._first[index + 1]]:
            usable = d.lang == lang and not d.avoid and (role is None or d.role == role)
            if usable and d.text not in forms:
                forms.append(d.text)
        return forms

    def forms(self, index: int) -> list[Designation]:
        """Every designation of a concept."""
        return self.designations[self._first[index] : self._first[index + 1]]
