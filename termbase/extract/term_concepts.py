"""Extracted term links as termbase concepts, the shipped link file, and terms in documents.

- :func:`link_concept`: a :class:`~termbase.extract.association.TermLink` as a candidate
  concept (kind ``term``, or ``title`` for a capitalised name of two words or more), with its
  French and English forms, a confidence, and the evidence pairs (French sentence, English
  sentence, document symbol, English span) with method ``term``;
- :func:`dump_links` / :func:`load_links`: the links found over the UN pairs shipped in
  ``seeds/unpc``, computed once at development time (``benchmarks/bench_terms.py --write``)
  so that building the default termbase needs no tagger;
- :func:`document_term_concepts`: the known French terms used in a document (its sentences
  become evidence of the concepts that already hold them).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from termbase.errors import FormatError
from termbase.extract.association import TermEvidence, TermLink
from termbase.extract.cooccur import AlignedPair, acronyms_in
from termbase.extract.corpora_names import MONTHS
from termbase.extract.corpora_words import feminine
from termbase.extract.text import fold, sentence_at
from termbase.model import Concept, Evidence, Term

#: Columns of the shipped link file.
LINK_COLUMNS = ("fr_key", "en_key", "fr_forms", "en_forms", "links", "count_fr", "count_en",
                "dice", "capitalised", "evidence")
#: Variant forms kept per language besides the preferred one.
MAX_VARIANTS = 2
ORIGIN = "term-extraction"
_MONTH = "|".join(sorted(MONTHS))
#: A month name beside a number: a date, not a term.
_DATE = re.compile(rf"\b(?:{_MONTH})\b.*\d|\d.*\b(?:{_MONTH})\b")


def usable(link: TermLink) -> bool:
    """A link worth a concept: letters on both sides, not an acronym (acronyms have their
    own extractor), not a number or a date.

    >>> from collections import Counter as C
    >>> usable(TermLink("pnud", "undp", C({"PNUD": 3}), C({"UNDP": 3}), 3, 3, 3, 3, 1.0))
    False
    >>> usable(TermLink("1er juillet", "july 2013", C({"1er juillet": 3}),
    ...                 C({"July 2013": 3}), 3, 9, 7, 0.375, 0.0))
    False
    >>> usable(TermLink("juillet", "july", C({"juillet": 55}), C({"July": 55}),
    ...                 55, 61, 60, 0.975, 0.0))
    True
    """
    fr, en = link.fr_text(), link.en_text()
    if not re.search(r"[^\W\d_]{2}", fr) or not re.search(r"[^\W\d_]{2}", en):
        return False
    if _DATE.search(fold(fr)) or _DATE.search(fold(en)):
        return False
    return not (acronyms_in(fr) or acronyms_in(en))


def _forms(counts: Counter) -> list[str]:
    out, seen = [], set()
    for text, _ in counts.most_common():
        key = fold(text)
        if key not in seen:
            seen.add(key)
            out.append(text)
    return out[:1 + MAX_VARIANTS]


def link_concept(link: TermLink, pairs: Sequence[AlignedPair]) -> Concept:
    """The candidate concept of one link (evidence from ``pairs``, indexed as in the link)."""
    terms = []
    for lang, counts in (("fr", link.fr_forms), ("en", link.en_forms)):
        for i, text in enumerate(_forms(counts)):
            terms.append(Term(lang, text, "fullForm" if i == 0 else "variant",
                              "preferred" if i == 0 else "admitted"))
    name = link.capitalised >= 0.5 and len(link.fr_key.split()) >= 2
    female = feminine(terms[0].text) if name else ""
    if female and all(t.text != female for t in terms):  # a title of a person: its feminine
        terms.insert(1, Term("fr", female, "variant", "admitted"))  # form too
    confidence = link.confidence
    evidence = []
    for ev in link.evidence:
        if 0 <= ev.pair < len(pairs):
            p = pairs[ev.pair]
            evidence.append(Evidence(source=p.source or "aligned", context_fr=p.fr,
                                     context_en=p.en, symbol=p.symbol, method="term",
                                     confidence=confidence, span_en=ev.en))
    return Concept(kind="title" if name else "term", terms=terms, evidence=evidence,
                   curated=False, confidence=confidence, origin=ORIGIN)


def _counter(text: str) -> Counter:
    out: Counter = Counter()
    for item in text.split(" | "):
        form, _, n = item.rpartition("@")
        if not form or not n.isdigit():
            raise FormatError(f"bad form count {item!r}")
        out[form] = int(n)
    return out


def dump_links(links: Iterable[TermLink], pairs: Sequence[AlignedPair], path: str | Path) -> None:
    """Write links to a tab-separated file; evidence is kept as pair sources and offsets."""
    lines = ["# Term links over the UN pairs of seeds/unpc (termbase.extract.term_concepts).",
             "\t".join(LINK_COLUMNS)]
    for link in links:
        ev = ";".join(f"{pairs[e.pair].source}@{e.fr[0]}-{e.fr[1]}@{e.en[0]}-{e.en[1]}"
                      for e in link.evidence)
        fr_forms = " | ".join(f"{t}@{n}" for t, n in link.fr_forms.most_common())
        en_forms = " | ".join(f"{t}@{n}" for t, n in link.en_forms.most_common())
        lines.append("\t".join(str(x) for x in (
            link.fr_key, link.en_key, fr_forms, en_forms, link.links, link.count_fr,
            link.count_en, link.dice, link.capitalised, ev)))
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_links(path: str | Path, pairs: Sequence[AlignedPair]) -> list[TermLink]:
    """Read a link file written by :func:`dump_links`; evidence whose pair is not among
    ``pairs`` (by source) is dropped."""
    index = {p.source: i for i, p in enumerate(pairs)}
    links = []
    rows = [line for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    if not rows or tuple(rows[0].split("\t")) != LINK_COLUMNS:
        raise FormatError(f"{path}: expected the header {' '.join(LINK_COLUMNS)}")
    for number, row in enumerate(rows[1:], 2):
        cells = row.split("\t")
        if len(cells) != len(LINK_COLUMNS):
            raise FormatError(f"{path}: row {number}: expected {len(LINK_COLUMNS)} columns")
        try:
            evidence = []
            for item in filter(None, cells[9].split(";")):
                source, fr, en = item.rsplit("@", 2)
                if source in index:
                    f0, f1 = (int(x) for x in fr.split("-"))
                    e0, e1 = (int(x) for x in en.split("-"))
                    evidence.append(TermEvidence(index[source], (f0, f1), (e0, e1)))
            count_fr, count_en, dice = int(cells[5]), int(cells[6]), float(cells[7])
            links.append(TermLink(cells[0], cells[1], _counter(cells[2]), _counter(cells[3]),
                                  int(cells[4]), count_fr, count_en,
                                  round(dice * (count_fr + count_en) / 2), dice,
                                  float(cells[8]), evidence))
        except (ValueError, FormatError) as exc:
            raise FormatError(f"{path}: row {number}: {exc}") from exc
    return links


_WORDCHAR = re.compile(r"\w")


def document_term_concepts(paragraphs: Sequence[str], french_terms: Iterable[str],
                           source: str, symbol: str = "", max_uses: int = 2) -> list[Concept]:
    """For each French term used in the document, a concept holding only that term and up to
    ``max_uses`` sentences of the document as evidence (it merges into the concept that has
    the term; the match ignores case and accents, and needs whole words).

    >>> [c] = document_term_concepts(["Le maintien de la paix progresse. Fin."],
    ...                              ["maintien de la paix", "bons offices"], "lettre.txt")
    >>> c.terms[0].text, c.evidence[0].context_fr
    ('maintien de la paix', 'Le maintien de la paix progresse.')
    """
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for term in set(french_terms):
        key = fold(term).replace("’", "'")
        if len(key) >= 4:
            automaton.add_word(key, term)
    if not len(automaton):
        return []
    automaton.make_automaton()
    text = "\n".join(p for p in paragraphs if p)
    folded = fold(text).replace("’", "'")
    if len(folded) != len(text):  # folding changed lengths: fall back to a per-char fold
        folded = "".join(fold(c)[:1] or " " for c in text).replace("’", "'")
    uses: dict[str, list[str]] = {}
    for end, term in automaton.iter(folded):
        start = end - len(fold(term).replace("’", "'")) + 1
        before = folded[start - 1] if start > 0 else " "
        after = folded[end + 1] if end + 1 < len(folded) else " "
        if _WORDCHAR.match(before) or _WORDCHAR.match(after):
            continue
        found = uses.setdefault(term, [])
        if len(found) < max_uses:
            sentence = sentence_at(text, start)
            if sentence not in found:
                found.append(sentence)
    return [Concept(kind="term", terms=[Term("fr", term, "fullForm")],
                    evidence=[Evidence(source=source, context_fr=s, symbol=symbol,
                                       method="term", confidence=0.5) for s in sentences],
                    curated=False, confidence=0.5, origin=ORIGIN)
            for term, sentences in uses.items()]
