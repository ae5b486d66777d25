"""Building the termbase from curated data, documents and aligned sentence pairs.

:func:`build` merges (1) the curated concepts, (2) the French–English
acronym links found in aligned sentence pairs, and (3) the acronym–definition pairs of each
document, with later bare uses of the acronyms as evidence. Curated data goes first, so the
automatic candidates that designate a curated concept only add evidence to it (the store never
lets a candidate overwrite curated data). The candidates are all extracted before the
termbase is written to; they are then merged in short batches, so that web edits made
meanwhile wait a moment and are kept (a build cut short is completed by running it again); with
``rebuild=True`` the new termbase is built in a temporary file that replaces the old one only
when complete.

The library takes already-cleaned text (:class:`SourceDocument`: paragraphs and the document's
name and symbol): reading and cleaning files is the application's job.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ioguard.atomic import replacing
from termbase.extract.acronyms import AcronymPair, find_definitions, find_uses
from termbase.extract.compose_names_io import ORIGIN as COMPOSED_NAME
from termbase.extract.compose_terms import ORIGIN as COMPOSED
from termbase.extract.cooccur import AlignedPair, align_acronyms, link_to_concept
from termbase.extract.term_concepts import ORIGIN as TERM_ORIGIN
from termbase.extract.term_concepts import document_term_concepts, link_concept, usable
from termbase.extract.text import fold
from termbase.fold import fold_term
from termbase.model import Concept, Evidence, Term
from termbase.store import Termbase
from termbase.validation import validate

#: ``progress(stage, done, total)``: called as the build advances (for a progress bar).
Progress = Callable[[str, int, int], None]


@dataclass
class SourceDocument:
    """A cleaned document: its paragraphs, in order, and where it comes from."""

    name: str
    paragraphs: list[str]
    lang: str = "fr"
    symbol: str = ""


@dataclass
class BuildReport:
    """What a build did: merge outcomes, candidates by origin, and the termbase's counts."""

    added: int = 0
    merged: int = 0
    skipped: int = 0
    candidates: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    stats: dict = field(default_factory=dict)

    def count(self, outcome: str, origin: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        self.candidates[origin] += 1


def _evidence(doc: SourceDocument, sentence: str, confidence: float) -> Evidence:
    fr, en = (sentence, "") if doc.lang == "fr" else ("", sentence)
    return Evidence(source=doc.name, context_fr=fr, context_en=en, symbol=doc.symbol,
                    method="acronym-definition", confidence=confidence)


def document_concepts(doc: SourceDocument, max_uses: int = 3) -> list[Concept]:
    """Candidate concepts for the acronyms a document defines.

    Each distinct (acronym, definition) gives one concept with the definition (full form) and
    the acronym in the document's language, the sentence that defines it and up to
    ``max_uses`` sentences where the acronym is used alone.

    >>> doc = SourceDocument("lettre.txt", [
    ...     "La Communauté économique des États de l’Afrique centrale (CEEAC) agit.",
    ...     "La CEEAC coopère."], "fr", "S/2021/1")
    >>> [c] = document_concepts(doc)
    >>> [t.text for t in c.terms], [e.context_fr for e in c.evidence]
    (['Communauté économique des États de l’Afrique centrale', 'CEEAC'], \
['La Communauté économique des États de l’Afrique centrale (CEEAC) agit.', 'La CEEAC coopère.'])
    """
    text = "\n".join(p for p in doc.paragraphs if p)
    groups: dict[tuple[str, str], list[AcronymPair]] = {}
    for pair in find_definitions(text, doc.lang):
        groups.setdefault((pair.acronym, fold(pair.definition)), []).append(pair)
    uses = find_uses(text, {acronym for acronym, _ in groups})
    concepts = []
    for (acronym, _), pairs in groups.items():
        best = max(pairs, key=lambda p: p.confidence)
        evidence = []
        seen = set()
        for pair in pairs:
            if pair.context not in seen:
                seen.add(pair.context)
                evidence.append(_evidence(doc, pair.context, pair.confidence))
        spans = [(p.start, p.end) for p in pairs]
        extra = 0
        for offset, sentence in uses.get(acronym, []):
            if extra >= max_uses:
                break
            if sentence in seen or any(s <= offset < e for s, e in spans):
                continue
            seen.add(sentence)
            evidence.append(_evidence(doc, sentence, best.confidence))
            extra += 1
        concepts.append(Concept(
            kind="title",
            terms=[Term(doc.lang, best.definition, "fullForm", "preferred"),
                   Term(doc.lang, acronym, "acronym", "preferred")],
            evidence=evidence, curated=False, confidence=best.confidence,
            origin="acronym-definition"))
    return concepts


_LINE_SOURCE = re.compile(r"^(?P<base>.+)\.(?:fr|en):(?P<line>\d+)$")


def _document_for(source: str, documents: Sequence[SourceDocument]) -> SourceDocument | None:
    """The document a curated source names: by symbol, file name or name without suffixes."""
    for doc in documents:
        if source in (doc.symbol, doc.name) or doc.name.startswith(source + "."):
            return doc
    return None


def _spellings(term: str) -> set[str]:
    """A term as written with either apostrophe (``d’Afrique``, ``d'Afrique``)."""
    return {term, term.replace("’", "'"), term.replace("'", "’")}


def attach_contexts(concepts: Sequence[Concept], documents: Sequence[SourceDocument] = (),
                    aligned: Sequence[AlignedPair] = ()) -> None:
    """Give curated evidence its sentences, in place.

    A source naming a line of an aligned corpus (``UNv1.0.testset.fr:3046`` or ``.en:3046``)
    gets the French sentence and its English translation, one row for both languages. A
    source naming a document (its symbol, like ``S/2016/867``, or its file name) gets the
    first sentence of the document (of 8 to 60 words when there is one) that uses a term of
    the concept in the document's language, found as the builder finds uses of acronyms.
    Other sources stay bare.

    >>> doc = SourceDocument("lettre.fr.txt", ["Préambule.", "La CEEAC coopère."], "fr", "S/1")
    >>> pair = AlignedPair("La CEEAC agit.", "ECCAS acts.", "corpus.fr:1", "S/2")
    >>> c = Concept(terms=[Term("fr", "CEEAC", "acronym")], evidence=[
    ...     Evidence("S/1"), Evidence("corpus.fr:1"), Evidence("corpus.en:1"), Evidence("X")])
    >>> attach_contexts([c], [doc], [pair])
    >>> [(e.source, e.symbol, e.context_fr, e.context_en) for e in c.evidence]
    [('S/1', 'S/1', 'La CEEAC coopère.', ''), ('corpus.fr:1', 'S/2', 'La CEEAC agit.', \
'ECCAS acts.'), ('X', '', '', '')]
    """
    by_line = {}
    for pair in aligned:
        m = _LINE_SOURCE.match(pair.source)
        if m:
            by_line[(m["base"], m["line"])] = pair
    wanted: dict[int, tuple[SourceDocument, set[str]]] = {}  # id(doc) -> (doc, terms)
    for concept in concepts:
        kept, done_lines = [], set()
        for ev in concept.evidence:
            m = _LINE_SOURCE.match(ev.source)
            pair = by_line.get((m["base"], m["line"])) if m else None
            if pair is not None and not (ev.context_fr or ev.context_en):
                if (m["base"], m["line"]) in done_lines:
                    continue  # the other language of a line already kept
                done_lines.add((m["base"], m["line"]))
                ev.source, ev.symbol = pair.source, ev.symbol or pair.symbol
                ev.context_fr, ev.context_en = pair.fr, pair.en
            elif (doc := _document_for(ev.source, documents)) is not None:
                wanted.setdefault(id(doc), (doc, set()))[1].update(
                    s for t in concept.terms_in(doc.lang) for s in _spellings(t.text))
            kept.append(ev)
        concept.evidence = kept
    first_use: dict[tuple[int, str], str] = {}
    for key, (doc, terms) in wanted.items():
        text = "\n".join(p for p in doc.paragraphs if p)
        for term, uses in find_uses(text, terms).items():
            if uses:  # the first running sentence (not a heading, not a whole page)
                first_use[(key, term)] = min(
                    (not 8 <= len(sentence.split()) <= 60, offset, sentence)
                    for offset, sentence in uses)
    for concept in concepts:
        for ev in concept.evidence:
            doc = None if ev.context_fr or ev.context_en else _document_for(ev.source, documents)
            if doc is None:
                continue
            found = [first_use[k] for t in concept.terms_in(doc.lang)
                     for spelling in _spellings(t.text)
                     if (k := (id(doc), spelling)) in first_use]
            if found:
                sentence = min(found)[2]
                ev.symbol = ev.symbol or doc.symbol
                ev.context_fr, ev.context_en = (sentence, "") if doc.lang == "fr" else ("", sentence)


def aligned_concepts(pairs: Sequence[AlignedPair], progress: Progress | None = None,
                     **options) -> list[Concept]:
    """Candidate concepts for the French–English acronym links of aligned sentence pairs
    (``options`` go to :func:`termbase.extract.cooccur.align_acronyms`)."""
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress("aligned pairs", done, len(pairs))

    links = align_acronyms(list(pairs), progress=tick, **options)
    return [link_to_concept(link) for link in links]


def term_concepts(pairs: Sequence[AlignedPair], method: str = "pos",
                  progress: Progress | None = None) -> list[Concept]:
    """Candidate concepts for the terms of aligned pairs: French candidates by ``method``
    (:mod:`termbase.extract.terms_fr`), linked to English spans
    (:mod:`termbase.extract.association`), the links cut from a longer phrase repaired to
    the whole phrase or left out (:mod:`termbase.extract.partial`)."""
    from termbase.extract.association import link_terms
    from termbase.extract.partial import repaired_links
    from termbase.extract.terms_fr import extract

    if not pairs:
        return []
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress("terms", min(done, 2 * len(pairs)), 2 * len(pairs))

    candidates = extract([p.fr for p in pairs], method, progress=tick)
    links = link_terms(candidates, [p.en for p in pairs], [len(p.fr) for p in pairs],
                       progress=tick, documents=[p.symbol or p.source for p in pairs],
                       explain_rare=True, explain_phrases=True)
    links = repaired_links(links, [p.fr for p in pairs], [p.en for p in pairs])[0]
    return [link_concept(link, pairs) for link in links if usable(link)]


def _extracted_french_terms(tb: Termbase) -> set[str]:
    """The French terms of the extracted concepts of the termbase."""
    return {t.text for c in tb.iter_concepts() if c.origin == TERM_ORIGIN
            for t in c.terms_in("fr")}


def _uncontested(extracted: Sequence[Concept], staged: Sequence[tuple[Concept, str]]
                 ) -> list[Concept]:
    """The extracted concepts, the composed translations (origin
    :data:`~termbase.extract.compose_terms.ORIGIN`) checked against the entries with
    evidence: one is left out when curated data, the aligned pairs or another extracted
    concept already give its French term an English, or when its English is a curated
    entry's; one whose English an uncurated entry of several French words holds joins that
    entry as a French variant marked no-check (*lutte antiterroriste* beside *lutte contre le
    terrorisme* / *counter-terrorism*), without its note, and is left out when that entry has
    only one-word French terms (it would make the checks look for them: *êtres* / *human
    beings*). A name composed and spelt by its English acronym (origin
    :data:`~termbase.extract.compose_names_io.ORIGIN`) is left out when its French full
    form already has an English full form, or its English is a curated entry's. A guess
    composed from words is found by a lookup but never changes what an entry with evidence
    says, what the checks look for, nor touches curated data."""
    others = [c for c, _ in staged] + [c for c in extracted
                                       if c.origin not in (COMPOSED, COMPOSED_NAME)]

    def keys(concepts, lang):
        return {fold_term(t.text) for c in concepts if c.terms_in("en") for t in c.terms_in(lang)}

    french, curated_en = keys(others, "fr"), keys([c for c in others if c.curated], "en")
    english = keys(others, "en")
    named = {fold_term(t.text) for c in others
             if any(t.type != "acronym" for t in c.terms_in("en"))
             for t in c.terms_in("fr") if t.type != "acronym"}
    phrased = keys([c for c in others if any(" " in t.text for t in c.terms_in("fr"))], "en")
    out = []
    for c in extracted:
        if c.origin == COMPOSED_NAME:
            fr = {fold_term(t.text) for t in c.terms_in("fr") if t.type != "acronym"}
            en = {fold_term(t.text) for t in c.terms_in("en") if t.type != "acronym"}
            if fr & named or en & curated_en:
                continue
        elif c.origin == COMPOSED:
            fr = {fold_term(t.text) for t in c.terms_in("fr")}
            en = {fold_term(t.text) for t in c.terms_in("en")}
            if fr & french or en & curated_en or (en & english and not en & phrased):
                continue
            if en & english:
                c = replace(c, note="", terms=[
                    replace(t, type="variant", status="admitted", no_check=True)
                    if t.lang == "fr" else t for t in c.terms])
        out.append(c)
    return out


def _merge_all(tb: Termbase, curated: Sequence[Concept], documents: Sequence[SourceDocument],
               aligned: Sequence[AlignedPair], report: BuildReport,
               progress: Progress | None, extracted: Sequence[Concept] = ()) -> None:
    # Everything is prepared first, outside the write lock; then the concepts are merged in
    # short batches (Termbase.merge_batches), or in the caller's transaction if it has one.
    attach_contexts(curated, documents, aligned)
    staged: list[tuple[Concept, str]] = [(concept, "curated") for concept in curated]
    # Bilingual links before the monolingual definitions: a French acronym defined in
    # two documents with slightly different wording must not hide its English partner.
    if aligned:
        staged += [(concept, "aligned") for concept in aligned_concepts(aligned, progress)]
    staged += [(concept, "terms") for concept in _uncontested(extracted, staged)]
    for i, doc in enumerate(documents, 1):
        staged += [(concept, "acronym-definition") for concept in document_concepts(doc)]
        if progress:
            progress("documents", i, len(documents))
    for concept, _ in staged:  # a bad concept stops the build before anything is written
        validate(concept)
    origins = {id(concept): origin for concept, origin in staged}
    merged = 0

    def done(concept: Concept, _id: int, outcome: str) -> None:
        nonlocal merged
        merged += 1
        report.count(outcome, origins[id(concept)])
        if not progress:
            return
        if merged <= len(curated) and (merged % 50 == 0 or merged == len(curated)):
            progress("curated", merged, len(curated))
        elif merged > len(curated) and (merged % 200 == 0 or merged == len(staged)):
            progress("candidates", merged - len(curated), len(staged) - len(curated))

    with tb.long_write("build"):
        tb.merge_batches([concept for concept, _ in staged], done)
        # The documents' uses of the extracted terms stored now (their own concepts only: a
        # term merged into a curated entry is that entry's), as evidence of those terms.
        known_terms = _extracted_french_terms(tb) if documents else set()
        uses = [concept for doc in documents if doc.lang == "fr"
                for concept in document_term_concepts(doc.paragraphs, known_terms, doc.name,
                                                      doc.symbol)]
        origins.update((id(concept), "term uses") for concept in uses)
        staged += [(concept, "term uses") for concept in uses]
        tb.merge_batches(uses, done)
    report.stats = tb.stats()


def build(db_path: str | Path, documents: Sequence[SourceDocument] = (),
          aligned: Sequence[AlignedPair] = (), curated: Sequence[Concept] = (),
          rebuild: bool = False, progress: Progress | None = None,
          term_pairs: Sequence[AlignedPair] = (),
          extracted: Sequence[Concept] = (), term_method: str = "pos") -> BuildReport:
    """Build or update the termbase at ``db_path``; return what was done.

    Terms are extracted from ``term_pairs`` (the new pairs among ``aligned``: the tagger is
    slow) by :func:`term_concepts`; ``extracted`` are term concepts found beforehand (the
    links shipped for the UN pairs of ``seeds/unpc``). The French terms of the extracted
    concepts that the documents use give those concepts the documents' sentences as
    evidence.

    Without ``rebuild`` the sources are merged into the existing termbase (created if
    missing) in short batches, so adding a document later is incremental and building
    twice changes nothing the second time. With ``rebuild`` the termbase is built afresh in
    a temporary file next to ``db_path``, which then replaces it atomically.
    """
    start = time.perf_counter()
    report = BuildReport()
    db_path = Path(db_path)
    extracted = [*extracted, *term_concepts(term_pairs, term_method, progress)]
    if not rebuild:
        with Termbase.open(db_path) as tb:
            _merge_all(tb, curated, documents, aligned, report, progress, extracted)
    else:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        # The temporary file starts empty (SQLite makes an empty file a new database); its
        # journal files are removed whatever happens, and the old termbase's WAL files go
        # just before the new file replaces it (they belong to the old database).
        with replacing(db_path, suffix=".building") as tmp:
            try:
                with Termbase.open(tmp) as tb:
                    with tb.transaction():  # a private file: one transaction, no batches
                        _merge_all(tb, curated, documents, aligned, report, progress,
                                   extracted)
                    tb.conn.execute("PRAGMA journal_mode = DELETE")
            finally:
                for suffix in ("-wal", "-shm", "-journal"):
                    Path(f"{tmp}{suffix}").unlink(missing_ok=True)
            for suffix in ("-wal", "-shm"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        report.stats["path"] = str(db_path)
    report.seconds = round(time.perf_counter() - start, 3)
    return report


__all__ = [
    "AlignedPair",
    "BuildReport",
    "Progress",
    "SourceDocument",
    "aligned_concepts",
    "attach_contexts",
    "build",
    "document_concepts",
    "term_concepts",
]
