"""Building the termbase from curated data, documents and aligned sentence pairs.

:func:`build` merges, in one transaction, (1) the curated concepts, (2) the French–English
acronym links found in aligned sentence pairs, and (3) the acronym–definition pairs of each
document, with later bare uses of the acronyms as evidence. Curated data goes first, so the
automatic candidates that designate a curated concept only add evidence to it (the store never
lets a candidate overwrite curated data). A failure rolls everything back; with
``rebuild=True`` the new termbase is built in a temporary file that replaces the old one only
when complete.

The library takes already-cleaned text (:class:`SourceDocument`: paragraphs and the document's
name and symbol): reading and cleaning files is the application's job.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from termbase.extract.acronyms import AcronymPair, find_definitions, find_uses
from termbase.extract.cooccur import AlignedPair, align_acronyms, link_to_concept
from termbase.extract.text import fold
from termbase.model import Concept, Evidence, Term
from termbase.store import Termbase

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


def _merge_all(tb: Termbase, curated: Sequence[Concept], documents: Sequence[SourceDocument],
               aligned: Sequence[AlignedPair], report: BuildReport,
               progress: Progress | None) -> None:
    with tb.transaction():
        for i, concept in enumerate(curated, 1):
            _, outcome = tb.merge_concept(concept)
            report.count(outcome, "curated")
            if progress and (i % 50 == 0 or i == len(curated)):
                progress("curated", i, len(curated))
        # Bilingual links before the monolingual definitions: a French acronym defined in
        # two documents with slightly different wording must not hide its English partner.
        if aligned:
            for concept in aligned_concepts(aligned, progress):
                _, outcome = tb.merge_concept(concept)
                report.count(outcome, "aligned")
        for i, doc in enumerate(documents, 1):
            for concept in document_concepts(doc):
                _, outcome = tb.merge_concept(concept)
                report.count(outcome, "acronym-definition")
            if progress:
                progress("documents", i, len(documents))
        report.stats = tb.stats()


def build(db_path: str | Path, documents: Sequence[SourceDocument] = (),
          aligned: Sequence[AlignedPair] = (), curated: Sequence[Concept] = (),
          rebuild: bool = False, progress: Progress | None = None) -> BuildReport:
    """Build or update the termbase at ``db_path``; return what was done.

    Without ``rebuild`` the sources are merged into the existing termbase (created if
    missing) in one transaction, so adding a document later is incremental and building
    twice changes nothing the second time. With ``rebuild`` the termbase is built afresh in
    a temporary file next to ``db_path``, which then replaces it atomically.
    """
    start = time.perf_counter()
    report = BuildReport()
    db_path = Path(db_path)
    if not rebuild:
        with Termbase.open(db_path) as tb:
            _merge_all(tb, curated, documents, aligned, report, progress)
    else:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".building",
                                   dir=db_path.parent)
        os.close(fd)
        os.unlink(tmp)
        try:
            with Termbase.open(tmp) as tb:
                _merge_all(tb, curated, documents, aligned, report, progress)
                tb.conn.execute("PRAGMA journal_mode = DELETE")
            for suffix in ("-wal", "-shm"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
            os.replace(tmp, db_path)
        finally:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        report.stats["path"] = str(db_path)
    report.seconds = round(time.perf_counter() - start, 3)
    return report


__all__ = [
    "AlignedPair",
    "BuildReport",
    "Progress",
    "SourceDocument",
    "aligned_concepts",
    "build",
    "document_concepts",
]
