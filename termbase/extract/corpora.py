"""Names of bodies and instruments learnt from aligned corpora: the shipped evidence file.

:func:`collect` runs :func:`termbase.extract.corpora_names.name_pairs` over aligned pairs of
several corpora and keeps, for each French name, one English name (the UN pairs' when they
have one, else the most frequent), and one French name per English name; :func:`dump_names`
writes the result with its evidence sentences (``seeds/terms/corpora_names.tsv``, made by
``benchmarks/derive_corpora.py``), and :func:`load_name_concepts` reads it back as candidate
concepts (kind ``title``, origin ``corpus-names``) whose evidence names its corpus and place
(*Canadian Hansard 36.1, debates 205, line 1234*; a UN pair gives its document symbol).
Names seen only outside UN documents get a lower confidence: Canadian usage may differ
from the UN's.

The same file format holds the key terms learnt from the corpora beyond the UN pairs
(``seeds/terms/corpora_terms.tsv``, method ``term-link``): :func:`term_name_links` turns the
links of :func:`termbase.extract.association.link_terms` over those pairs into rows, keeping
only lower-case multiword phrases that neither the UN links nor the curated data hold;
they load as concepts of kind ``term`` at a lower confidence than UN evidence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from termbase.errors import FormatError
from termbase.extract.cooccur import AlignedPair
from termbase.extract.corpora_names import NamePair, name_pairs
from termbase.extract.corpora_words import Lexicon, feminine
from termbase.extract.explain import EN_FUNCTION, FR_FUNCTION, content_words, word_for_word
from termbase.extract.text import fold
from termbase.fold import fold_term
from termbase.model import Concept, Evidence, Term

COLUMNS = ("fr", "en", "fr_acronym", "en_acronym", "method", "corpus", "confidence",
           "source", "symbol", "span_en", "context_fr", "context_en")
ORIGIN = "corpus-names"
#: Corpora of UN documents (their usage is the UN's).
UN_CORPORA = frozenset({"UN Parallel Corpus", "Universal Declaration of Human Rights"})
MAX_EVIDENCE = 3
#: Confidence of a name explained word by word in one UN pair, and what each further pair
#: (up to three) and an acronym defined on both sides add; names seen only in other corpora
#: get ``OTHER_FACTOR`` of it.
BASE, STEP, ACRONYM_BONUS, OTHER_FACTOR = 0.5, 0.1, 0.1, 0.7
#: The method of a key term linked by association in corpora beyond the UN pairs.
TERM_LINK = "term-link"


@dataclass
class NameEvidence:
    pair: AlignedPair
    corpus: str
    span_en: tuple[int, int]


@dataclass
class NameLink:
    """A French name, its English name, and where they were seen together."""

    fr: str
    en: str
    fr_acronym: str = ""
    en_acronym: str = ""
    method: str = "name-pair"
    counts: Counter = field(default_factory=Counter)  # corpus -> pairs
    evidence: list[NameEvidence] = field(default_factory=list)
    #: The association confidence of a ``term-link`` (see ``TermLink.confidence``).
    association: float = 0.0

    @property
    def confidence(self) -> float:
        """Higher with more pairs and an acronym on both sides; lower outside UN documents.
        A key term linked by association keeps its association confidence, lowered the same
        way outside UN documents.

        >>> NameLink("a", "b", counts=Counter({"UN Parallel Corpus": 2})).confidence
        0.7
        >>> NameLink("a", "b", counts=Counter({"Canadian Hansard": 2})).confidence
        0.49
        >>> NameLink("a", "b", method=TERM_LINK, counts=Counter({"Canadian Hansard": 5}),
        ...          association=0.76).confidence
        0.53
        """
        if self.method == TERM_LINK:
            value = self.association
        else:
            n = sum(self.counts.values())
            value = BASE + STEP * min(n, 3) + (ACRONYM_BONUS if self.method == "acronym-pair"
                                               else 0)
        if not UN_CORPORA & set(self.counts):
            value *= OTHER_FACTOR
        return round(min(value, 0.9), 2)


def _key(text: str) -> str:
    return fold_term(text)


def collect(pairs: Iterable[tuple[AlignedPair, str]], lexicon: Lexicon,
            countries: frozenset[str] = frozenset()) -> list[NameLink]:
    """The name links of ``(pair, corpus)`` items (UN pairs first keep evidence first)."""
    found: dict[tuple[str, str], NameLink] = {}
    forms: dict[tuple[str, str], tuple[Counter, Counter, Counter, Counter]] = {}
    for pair, corpus in pairs:
        for name in name_pairs(pair.fr, pair.en, lexicon, countries):
            key = (_key(name.fr), _key(name.en))
            if not key[0] or not key[1]:
                continue
            link = found.setdefault(key, NameLink(name.fr, name.en))
            counters = forms.setdefault(key, (Counter(), Counter(), Counter(), Counter()))
            _count(counters, name)
            if name.method == "acronym-pair":
                link.method = "acronym-pair"
            link.counts[corpus] += 1
            if len(link.evidence) < MAX_EVIDENCE and all(
                    e.pair is not pair for e in link.evidence):
                link.evidence.append(NameEvidence(pair, corpus, name.en_span))
    for key, link in found.items():
        fr, en, fr_acr, en_acr = forms[key]
        link.fr, link.en = fr.most_common(1)[0][0], en.most_common(1)[0][0]
        link.fr_acronym = fr_acr.most_common(1)[0][0] if fr_acr else ""
        link.en_acronym = en_acr.most_common(1)[0][0] if en_acr else ""
    return _one_to_one(list(found.values()))


def _count(counters: tuple[Counter, Counter, Counter, Counter], name: NamePair) -> None:
    fr, en, fr_acr, en_acr = counters
    fr[name.fr] += 1
    en[name.en] += 1
    if name.fr_acronym:
        fr_acr[name.fr_acronym] += 1
    if name.en_acronym:
        en_acr[name.en_acronym] += 1


def _rank(link: NameLink) -> tuple:
    un = sum(n for corpus, n in link.counts.items() if corpus in UN_CORPORA)
    return (-un, -sum(link.counts.values()), link.method != "acronym-pair", _key(link.fr),
            _key(link.en))


def _one_to_one(links: list[NameLink]) -> list[NameLink]:
    """One English name per French name and one French name per English name, the best
    ranked first (UN pairs, then more pairs); the result in a stable order."""
    links.sort(key=_rank)
    used_fr: set[str] = set()
    used_en: set[str] = set()
    kept = []
    for link in links:
        fr, en = _key(link.fr), _key(link.en)
        if fr in used_fr or en in used_en:
            continue
        used_fr.add(fr)
        used_en.add(en)
        kept.append(link)
    return kept


def _cell(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def dump_names(links: Sequence[NameLink], path: str | Path, header: str = "") -> None:
    """Write the links, one row per evidence pair, in a byte-for-byte reproducible order."""
    lines = [f"# {header}" if header else "# Names learnt from aligned corpora "
             "(termbase.extract.corpora).", "\t".join(COLUMNS)]
    for link in links:
        for ev in link.evidence:
            lines.append("\t".join(_cell(str(x)) for x in (
                link.fr, link.en, link.fr_acronym, link.en_acronym, link.method, ev.corpus,
                link.confidence, ev.pair.source, ev.pair.symbol,
                f"{ev.span_en[0]}-{ev.span_en[1]}", ev.pair.fr, ev.pair.en)))
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_rows(path: str | Path) -> list[dict[str, str]]:
    """The rows of a name file as dictionaries (checked against :data:`COLUMNS`)."""
    rows = [line for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    if not rows or tuple(rows[0].split("\t")) != COLUMNS:
        raise FormatError(f"{path}: expected the header {' '.join(COLUMNS)}")
    out = []
    for number, row in enumerate(rows[1:], 2):
        cells = row.split("\t")
        if len(cells) != len(COLUMNS) or not cells[0] or not cells[1]:
            raise FormatError(f"{path}: row {number}: expected {len(COLUMNS)} columns")
        out.append(dict(zip(COLUMNS, cells, strict=True)))
    return out


def load_name_concepts(path: str | Path) -> list[Concept]:
    """The candidate concepts of a name file, one per (French, English) name."""
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in read_rows(path):
        groups[row["fr"], row["en"]].append(row)
    concepts = []
    for (fr, en), rows in groups.items():
        first = rows[0]
        try:
            confidence = float(first["confidence"])
            spans = [tuple(int(x) for x in r["span_en"].split("-")) for r in rows]
        except ValueError as exc:
            raise FormatError(f"{path}: bad confidence or span for {fr!r}") from exc
        term = first["method"] == TERM_LINK
        terms = [Term("fr", fr, "fullForm", "preferred")]
        if not term and feminine(fr):  # a title of a person: its feminine form too
            terms.append(Term("fr", feminine(fr), "variant", "admitted"))
        if first["fr_acronym"]:
            terms.append(Term("fr", first["fr_acronym"], "acronym", "preferred"))
        terms.append(Term("en", en, "fullForm", "preferred"))
        if first["en_acronym"]:
            terms.append(Term("en", first["en_acronym"], "acronym", "preferred"))
        evidence = [Evidence(source=r["source"], context_fr=r["context_fr"],
                             context_en=r["context_en"], symbol=r["symbol"], method="aligned",
                             confidence=confidence,
                             span_en=span if len(span) == 2 else None)
                    for r, span in zip(rows, spans, strict=True)]
        concepts.append(Concept(kind="term" if term else "title", terms=terms, evidence=evidence, curated=False,
                                confidence=confidence, origin=ORIGIN))
    return concepts


def _whole(fr: str) -> bool:
    """Whether a French phrase ends on a content word (not cut after *d'* or *de*).

    >>> _whole("sécurité collective"), _whole("capitaine d’"), _whole("bâtiment de")
    (True, False, False)
    """
    last = fr.split()[-1]
    return not last.endswith(("'", "’")) and fold(last) not in FR_FUNCTION


def term_name_links(links: Sequence, pairs: Sequence[AlignedPair], corpora: Sequence[str],
                    known: frozenset[str], match: Callable[[str, str], bool],
                    min_links: int = 3, min_confidence: float = 0.3) -> list[NameLink]:
    """The key terms among term ``links`` (:class:`~termbase.extract.association.TermLink`
    over ``pairs``, whose corpora are ``corpora``) worth shipping as lower-confidence
    evidence: a multiword phrase written in lower case (names have their own extractor),
    linked ``min_links`` times or more at ``min_confidence`` or more, whose French and
    English forms are none of the ``known`` folded terms (the UN links and the curated data
    win: they are never overridden nor extended), and that translates word for word by
    ``match`` (:func:`termbase.extract.explain.word_for_word`: free renderings of debates,
    *vote suivant* / *agreed to on the following division*, are left out); one English per
    French phrase and one French per English phrase, the most linked first."""
    out = []
    for link in links:
        fr, en = link.fr_text(), link.en_text()
        if (len(link.fr_key.split()) < 2 or not fr[:1].islower() or not _whole(fr)
                or link.links < min_links
                or link.confidence < min_confidence or any(c.isdigit() for c in fr + en)
                or {_key(f) for f in link.fr_forms} & known or _key(en) in known
                or not link.evidence or not word_for_word(
                    content_words(fr, FR_FUNCTION), content_words(en, EN_FUNCTION), match)):
            continue
        name = NameLink(fr, en, method=TERM_LINK, association=link.confidence)
        for ev in link.evidence:
            name.counts[corpora[ev.pair]] += 1
            name.evidence.append(NameEvidence(pairs[ev.pair], corpora[ev.pair], ev.en))
        name.counts[corpora[link.evidence[0].pair]] += link.links - len(link.evidence)
        out.append(name)
    return _one_to_one(out)
