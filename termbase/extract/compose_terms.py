"""Candidate concepts of composed translations (:mod:`termbase.extract.compose`), and the
file that ships them (``seeds/terms/composed_terms.tsv``).

Only French terms the termbase holds with no English are composed (pair evidence and
curated data always win), and only an English phrase attested at least ``min_count`` times
in the English text is kept. The concept is a candidate with a confidence below every
pair-evidence link; its note says *composed* and lists the word renderings used, and its
evidence gives the French sentence and the English sentence that attests the phrase, so
a lookup shows how little it rests on.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from termbase.errors import FormatError
from termbase.extract.compose import Attestation, Composed, WordRenderings, compose, plural_fr
from termbase.extract.terms_fr import FUNCTION_WORDS as FR_FUNCTION
from termbase.extract.terms_fr import term_key
from termbase.extract.text import fold
from termbase.model import Concept, Evidence, Term

ORIGIN = "term-composition"
#: Below the weakest link kept from the pairs: composition is a guess the text confirms.
CONFIDENCE = 0.25
#: Fewest occurrences of the whole English phrase in the English text.
MIN_COUNT = 2
#: A composition attested once only, in the English of every pair holding its French
#: (:func:`paired`): lower still.
PAIRED_CONFIDENCE = 0.2
#: Fewest aligned pairs holding the French term, none with the composed English, that
#: contradict a composition (:func:`uncontradicted`).
MIN_CONTRADICTING = 3
COLUMNS = ("fr", "en", "kind", "confidence", "count", "parts", "source", "symbol",
           "context_fr", "attested_in", "context_en", "span_en")


@dataclass
class FrenchTerm:
    """A French term to compose and where it was seen."""

    text: str
    context: str
    source: str
    symbol: str = ""


def bound_words(sentences: Iterable[str], min_count: int = 3, share: float = 0.6) -> set[str]:
    """The folded French words that are mostly followed by the same words: seen
    ``min_count`` times or more, ``share`` of them followed by the same one or two words (a
    function word and the next): a phrase that ends on one is cut from a longer term
    (*opérations de maintien* [de la paix], *point de l’ordre* [du jour]).

    >>> sorted(bound_words(["le maintien de la paix", "du maintien de la paix",
    ...                     "maintien de la paix", "la paix durable", "la paix civile"]))
    ['maintien']
    """
    seen: Counter = Counter()
    after: dict[str, Counter] = defaultdict(Counter)
    for sentence in sentences:
        words = re.findall(r"[^\W\d_]+['’]?", fold(sentence).replace("’", "'"))
        for i, w in enumerate(words):
            seen[w] += 1
            if i + 1 < len(words):
                nxt = words[i + 1]
                follow = f"{nxt} {words[i + 2]}" if nxt.rstrip("'") in FR_FUNCTION \
                    and i + 2 < len(words) else nxt
                after[w][follow] += 1
    return {w for w, n in seen.items() if n >= min_count and after[w]
            and w.rstrip("'") not in FR_FUNCTION
            and after[w].most_common(1)[0][1] >= share * n}


def composable_terms(terms: Iterable[FrenchTerm], known: Iterable[str],
                     bound: frozenset[str] | set[str] = frozenset()) -> Iterator[FrenchTerm]:
    """The French terms worth composing, without a leading article: one per key
    (:func:`term_key`) that is not ``known``, of two words or more, whose last word is not
    ``bound`` (:func:`bound_words`); in the order of ``terms``. ``known`` grows with them."""
    done = known if isinstance(known, set) else set(known)
    for term in terms:
        term = FrenchTerm(_bare(term.text), term.context, term.source, term.symbol)
        key = term_key(term.text)
        if key in done or not composable(term.text) or _last(term.text) in bound:
            continue
        done.add(key)
        yield term


def compose_all(terms: Iterable[FrenchTerm], known: Iterable[str], render: WordRenderings,
                text: Attestation, min_count: int = MIN_COUNT,
                bound: frozenset[str] | set[str] = frozenset()
                ) -> list[tuple[FrenchTerm, Composed]]:
    """The attested composition of each French term whose key (:func:`term_key`) is not
    ``known`` and whose last word is not ``bound`` (:func:`bound_words`); one per key, in
    the order of ``terms``."""
    out = []
    for term in composable_terms(terms, set(known), bound):
        found = compose(term.text, render, text)
        if found and found.count >= min_count and not cut_name(term):
            out.append((term, found))
    return out


def _phrase(text: str) -> str:
    """Folded words between spaces, for whole-phrase search (apostrophes and hyphens as
    spaces).

    >>> _phrase("l’Organisation, non-alignée")
    ' l organisation non alignee '
    """
    return " " + " ".join(re.findall(r"[^\W_]+", fold(text))) + " "


def _pair_counts(found: Sequence[tuple[FrenchTerm, Composed]], pairs: Iterable[tuple[str, str]]
                 ) -> tuple[Counter, Counter]:
    """How many ``pairs`` hold each composed French term (keyed by :func:`_phrase`), and how
    many of those write its composed English."""
    wanted = {_phrase(t.text): _phrase(c.en) for t, c in found}
    seen: Counter = Counter()
    agreed: Counter = Counter()
    for fr, en in pairs:
        french = _phrase(fr)
        for key in (k for k in wanted if k in french):
            seen[key] += 1
            agreed[key] += wanted[key] in _phrase(en)
    return seen, agreed


def uncontradicted(found: Sequence[tuple[FrenchTerm, Composed]],
                   pairs: Iterable[tuple[str, str]],
                   min_pairs: int = MIN_CONTRADICTING) -> list[tuple[FrenchTerm, Composed]]:
    """The compositions that the aligned ``pairs`` (French, English) do not contradict: a
    French term that ``min_pairs`` pairs or more hold, none of them with the composed English
    in its English, is translated otherwise by the UN (*Fonds des Nations Unies* [*pour la
    population*], never *United Nations funds*; *questions liées* [*à la paix*], never
    *related issues*) and is left out.

    >>> from termbase.extract.compose import Composed
    >>> t = FrenchTerm("questions liées", "", "")
    >>> c = Composed("questions liées", "related issues", [], 2, 0, (0, 14))
    >>> pairs = [("Les questions liées à la paix.", "Peace-related questions.")] * 3
    >>> uncontradicted([(t, c)], pairs), len(uncontradicted([(t, c)], pairs[:2]))
    ([], 1)
    """
    seen, agreed = _pair_counts(found, pairs)
    return [(t, c) for t, c in found
            if seen[_phrase(t.text)] < min_pairs or agreed[_phrase(t.text)]]


def paired(found: Sequence[tuple[FrenchTerm, Composed]], pairs: Iterable[tuple[str, str]]
           ) -> list[tuple[FrenchTerm, Composed]]:
    """The compositions that every aligned pair holding the French term writes in its English
    (one pair at least): a composition attested once in the English text is kept only when
    the pairs translate the term so (*mécanismes régionaux* / *regional mechanisms*), not
    when one pair of two writes it (*accords régionaux*: *regional agreements* once, the
    UN term being *regional arrangements*).

    >>> from termbase.extract.compose import Composed
    >>> t = FrenchTerm("système multilatéral", "", "")
    >>> c = Composed("système multilatéral", "multilateral system", [], 1, 0, (0, 19))
    >>> pair = ("Le système multilatéral.", "The multilateral system.")
    >>> len(paired([(t, c)], [pair])), paired([(t, c)], [pair, ("Le système multilatéral.", "")])
    (1, [])
    """
    seen, agreed = _pair_counts(found, pairs)
    return [(t, c) for t, c in found
            if seen[_phrase(t.text)] and agreed[_phrase(t.text)] == seen[_phrase(t.text)]]


_ARTICLE = re.compile(r"^(?:l[’']\s*|(?:le|la|les)\s+)", re.IGNORECASE)


def _bare(fr: str) -> str:
    """The French term without a leading article (*l’alerte précoce* → *alerte précoce*)."""
    return _ARTICLE.sub("", fr.strip())


def composable(fr: str) -> bool:
    """Whether a French candidate is worth composing: two words or more, starting with a
    letter (not *-Union africaine*, cut from *Commission de l’Union africaine*), and not a
    singular noun with a plural adjective (*action conjoints*, cut from *plans d’action
    conjoints*: the adjective goes with an earlier noun).

    >>> composable("alerte précoce"), composable("-Union africaine"), composable("paix")
    (True, False, False)
    >>> composable("action conjoints"), composable("accès humanitaire")
    (False, True)
    """
    words = fold(fr).split()
    if len(words) == 2 and fr == fr.lower() and words[1] not in FR_FUNCTION:
        noun, adjective = words
        if plural_fr(adjective) and not noun.endswith(("s", "x", "z")):
            return False
    return len(words) >= 2 and fr[:1].isalpha()


def _last(fr: str) -> str:
    """The last word of a French term, folded, without an elided article.

    >>> _last("point de l’ordre"), _last("maintien")
    ('ordre', 'maintien')
    """
    return fold(fr.split()[-1]).replace("’", "'").split("'")[-1]


def cut_name(term: FrenchTerm) -> bool:
    """Whether the French term is cut from a longer name in its sentence: a capitalised
    word follows it, or *de*, *du*... and a capitalised word (*République démocratique* du
    Congo, *Charte des Nations* Unies), or a hyphen or capitalised word precedes it.

    >>> cut_name(FrenchTerm("organismes des Nations", "Les organismes des Nations Unies.", ""))
    True
    >>> cut_name(FrenchTerm("alerte précoce", "L’alerte précoce du Conseil.", ""))
    False

    A name followed by *sur*, *pour* or *contre* is cut from the longer name (*Convention des
    Nations Unies* sur le droit de la mer).

    >>> cut_name(FrenchTerm("Convention des Nations Unies",
    ...                     "La Convention des Nations Unies sur le droit de la mer.", ""))
    True
    """
    at = term.context.find(term.text)
    if at < 0:
        return False
    before, after = term.context[:at], term.context[at + len(term.text):]
    name = term.text[:1].isupper()
    capital_end = term.text.split()[-1][:1].isupper()
    if re.match(r"\s+[A-ZÀ-Ý]", after) or before.endswith("-"):
        return True
    if (name or capital_end) and re.match(r"\s+(?:de la |de l[’']|de |du |des |d[’'])\s*[A-ZÀ-Ý]",
                                          after):
        return True
    if name and re.match(r"\s+(?:sur|pour|contre)\s", after):  # Convention ... sur le droit
        return True
    return (name and bool(re.search(r"[A-ZÀ-Ý][\w’']*\s$", before))
            and not re.fullmatch(r"(?:.*[.!?:;]\s+)?[\w’']+\s", before, re.S))


def _row(term: FrenchTerm, found: Composed, text: Attestation, source_of,
         confidence: float = CONFIDENCE) -> dict[str, str]:
    name = term.text[:1].isupper() and len(term.text.split()) >= 2
    return {"fr": term.text, "en": found.en, "kind": "title" if name else "term",
            "confidence": f"{confidence}", "count": str(found.count),
            "parts": " + ".join(f"{f}={e}" for f, e in found.parts),
            "source": term.source, "symbol": term.symbol, "context_fr": term.context,
            "attested_in": source_of(found.sentence),
            "context_en": text.sentences[found.sentence],
            "span_en": f"{found.span[0]}-{found.span[1]}"}


def write_table(path: str | Path, header: str, columns: Sequence[str],
                rows: Iterable[dict[str, str]]) -> None:
    """Write a file of composed entries: a ``#`` header line, then tab-separated rows under
    ``columns`` (tabs and line breaks inside a cell become spaces)."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(f"# {header}\n")
        writer = csv.DictWriter(f, columns, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: v.replace("\t", " ").replace("\n", " ") for k, v in row.items()})


def read_table(path: str | Path, columns: Sequence[str], what: str) -> list[dict[str, str]]:
    """The rows of a file :func:`write_table` wrote; a row without every one of ``columns``
    is a :class:`FormatError` that names ``what`` the file holds."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))
    for row in rows:
        if set(columns) - set(row) or None in row.values():
            raise FormatError(f"{path}: a {what} row lacks a column: {row.get('fr')!r}")
    return rows


def dump_composed(found: Sequence[tuple[FrenchTerm, Composed]], text: Attestation, source_of,
                  path: str | Path, header: str, confidence: float = CONFIDENCE) -> None:
    """Write the composed terms; ``source_of(i)`` names the place of English sentence i; a
    composition attested once gets :data:`PAIRED_CONFIDENCE` (see :func:`paired`)."""
    write_table(path, header, COLUMNS,
                (_row(term, comp, text, source_of,
                      PAIRED_CONFIDENCE if comp.count < MIN_COUNT else confidence)
                 for term, comp in found))


def read_composed(path: str | Path) -> list[dict[str, str]]:
    """The rows of a composed-terms file."""
    return read_table(path, COLUMNS, "composed-terms")


def composed_concept(row: dict[str, str]) -> Concept:
    """The candidate concept of one composed-terms row."""
    try:
        confidence = float(row["confidence"])
        start, end = (int(x) for x in row["span_en"].split("-"))
    except ValueError as exc:
        raise FormatError(f"bad confidence or span for composed term {row['fr']!r}") from exc
    note = (f"composed from its words ({row['parts']}); the English phrase is attested "
            + ("once in UN English text, in the English of every UN pair holding the French"
               if row["count"] == "1" else f"{row['count']} times in UN English text"))
    evidence = [Evidence(source=row["source"], context_fr=row["context_fr"],
                         symbol=row["symbol"], method="term", confidence=confidence),
                Evidence(source=f"composed; English attested in {row['attested_in']}",
                         context_en=row["context_en"], method="term", confidence=confidence,
                         span_en=(start, end))]
    return Concept(kind=row["kind"], terms=[Term("fr", row["fr"], "fullForm", "preferred"),
                                            Term("en", row["en"], "fullForm", "admitted")],
                   evidence=evidence, curated=False, confidence=confidence, origin=ORIGIN,
                   note=note)


def load_composed(path: str | Path) -> list[Concept]:
    """The candidate concepts of a composed-terms file."""
    return [composed_concept(row) for row in read_composed(path)]
