"""Names of bodies composed from a head noun and an attested rest (issue 11).

*Département des opérations de paix* is written nowhere in English UN text as a whole,
but its parts are: *peace operations* is, and the French names of the pairs that start with
*Département de / des / du* are *Department of ...* in English (13 of 16 of the linked
names). A French name whose head noun's English form is that regular is composed as the
head's English in that form (*Department of X*, *X Fund*) around the attested English of
its rest (:func:`termbase.extract.compose.compose`, twice or more, in lower case for a
lower-case rest). A head whose names go both ways (*Bureau*: *Office of X* 30 times,
*X Office* 10, *Office for X* 4) composes nothing.
Nothing here reads files or SQL; :func:`load_bodies` makes concepts of the shipped file.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from termbase.extract.compose import Attestation, Composed, WordRenderings, compose, plural_en
from termbase.extract.compose_terms import composed_concept, read_composed
from termbase.extract.text import fold
from termbase.model import Concept

#: Fewest linked names with the head, and the share of them in one form, for a regular head.
MIN_NAMES = 10
MIN_SHARE = 0.75
#: Below a composition attested as a whole (0.25): only the rest is attested.
CONFIDENCE = 0.2
_HEADED = re.compile(r"^(\S+)\s+(de la|de l['’]|des|du|de|d['’])\s*(\S.*)$")
_FORMS = ("of", "for", "on")


def _split(name: str) -> tuple[str, str] | None:
    """The folded head noun and the rest of a French name *Head de (la) rest*."""
    m = _HEADED.match(name)
    return (fold(m.group(1)), m.group(3)) if m else None


def _form(head: list[str], english: str) -> str:
    words = fold(english).replace("-", " ").split()
    if len(words) < 2:
        return ""
    if words[0] in head:
        return words[1] if words[1] in _FORMS else "other"
    return "compound" if words[-1] in head else "other"


def head_forms(names: Iterable[tuple[str, str]], render: WordRenderings
               ) -> dict[str, tuple[str, int, int]]:
    """The regular heads of the linked French–English ``names``: French head noun →
    (English form: ``of``, ``for``, ``on`` or ``compound``; names in that form; names).

    >>> render = WordRenderings([("departement", "department"), ("bureau", "office")], set())
    >>> names = [("Département des affaires politiques", "Department of Political Affairs"),
    ...          ("Bureau des affaires juridiques", "Office of Legal Affairs"),
    ...          ("Bureau de l'évaluation", "Evaluation Office")] * 10
    >>> head_forms(names, render)
    {'departement': ('of', 10, 10)}
    """
    seen: dict[str, Counter] = defaultdict(Counter)
    for fr, en in names:
        split = _split(fr) if fr[:1].isupper() else None
        if split:
            seen[split[0]][_form(render(split[0]), en)] += 1
    out = {}
    for head, forms in seen.items():
        total = sum(n for f, n in forms.items() if f)
        form, n = forms.most_common(1)[0]
        if form not in ("", "other") and total >= MIN_NAMES and n >= MIN_SHARE * total:
            out[head] = (form, n, total)
    return out


def _title(words: str) -> str:
    small = {"of", "the", "and", "for", "on", "in", "to", "at"}
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-"))
                    if w not in small else w for w in words.split())


def compose_body(name: str, forms: dict[str, tuple[str, int, int]], render: WordRenderings,
                 text: Attestation, min_count: int = 2) -> Composed | None:
    """The English of the French body ``name`` whose head is regular (:func:`head_forms`)
    and whose rest composes and is attested ``min_count`` times, or None; the sentence and
    span of the result are the rest's attestation."""
    split = _split(name)
    if split is None or split[0] not in forms:
        return None
    head, rest = split
    form = forms[head][0]
    raw = render(head, plurals=False)
    english = [e for e in raw if " " not in e and plural_en(e) == plural_en(raw[0])][:1]
    found = compose(rest, render, text) if english else None
    if not english or found is None or found.count < min_count:
        return None
    h = _title(english[0])
    en = f"{h} {form} {_title(found.en)}" if form != "compound" else f"{_title(found.en)} {h}"
    n, total = forms[head][1:]
    part = (head, f"{h} ({form}: {n} of the {total} linked names with this head)")
    return replace(found, fr=name, en=en, parts=[part, *found.parts])


def body_concept(row: dict[str, str]) -> Concept:
    """The candidate concept of one composed-bodies row (the columns of
    :mod:`termbase.extract.compose_terms`)."""
    concept = composed_concept(row)
    concept.note = (f"composed from a head noun and an attested rest ({row['parts']}); the "
                    f"English of the rest is attested {row['count']} times in UN English "
                    "text, not the whole name")
    return concept


def load_bodies(path: str | Path) -> list[Concept]:
    """The candidate concepts of a composed-bodies file."""
    return [body_concept(row) for row in read_composed(path)]
