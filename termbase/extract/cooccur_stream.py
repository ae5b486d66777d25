"""Co-occurrence counts for corpora too large for memory, kept in SQLite and merged incrementally.

:func:`termbase.extract.cooccur.align_acronyms` holds every sentence pair in memory. A
:class:`CooccurCounts` file keeps only the statistics that function needs — how often each
acronym occurs per language, how often each French–English acronym pair co-occurs, whether a
pair was ever the only acronym on both sides, the first sentence pairs where it co-occurred
(evidence) and the acronym–definition pairs seen with their weights — and adds the counts of
a batch of sentence pairs in one ``INSERT ... ON CONFLICT DO UPDATE``. Sentence pairs are
consumed from any iterable, so memory stays flat whatever the corpus size. The counting can
also be done apart, in other processes (:func:`count_pairs`), and the partial counts added in
corpus order (:meth:`CooccurCounts.add_counts`): the result is the same.

Each source (a TMX file, identified by a key such as its checksum) is counted in one
transaction and recorded: counting the same source again is a no-op, and an interrupted
source is rolled back whole. :meth:`CooccurCounts.links` then gives the same links as
``align_acronyms`` over all the pairs counted so far (same Dice, same thresholds, same
competitive linking, same definitions and evidence), ready for
:func:`termbase.extract.cooccur.link_to_concept` (evidence method ``aligned``).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from termbase.errors import TermbaseError
from termbase.extract.acronyms import find_definitions
from termbase.extract.cooccur import AcronymLink, AlignedPair, acronyms_in, letters_agree

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS source (key TEXT PRIMARY KEY, pairs INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS acronym (lang TEXT, text TEXT, count INTEGER NOT NULL,
    PRIMARY KEY (lang, text)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS joint (fr TEXT, en TEXT, count INTEGER NOT NULL,
    examples INTEGER NOT NULL DEFAULT 0, sole INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (fr, en)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS evidence (fr TEXT, en TEXT, seq INTEGER, fr_text TEXT,
    en_text TEXT, source TEXT, symbol TEXT, PRIMARY KEY (fr, en, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS definition (lang TEXT, acronym TEXT, definition TEXT,
    weight INTEGER NOT NULL, first_seq INTEGER NOT NULL,
    PRIMARY KEY (lang, acronym, definition)) WITHOUT ROWID;
"""


class PartialCounts:
    """The counts of some sentence pairs, before they are added to a counts file.

    ``seq`` numbers the pairs in corpus order (from 0 in a partial count made apart, see
    :func:`count_pairs`): it orders the evidence and the definitions as the corpus does.
    """

    def __init__(self, max_evidence: int):
        self.max_evidence = max_evidence
        self.acronyms: Counter = Counter()
        self.joint: Counter = Counter()
        self.sole: set[tuple[str, str]] = set()
        self.examples: dict[tuple[str, str], list[tuple[int, AlignedPair]]] = {}
        self.definitions: dict[tuple[str, str, str], list[int]] = {}
        self.size = 0

    def add(self, seq: int, pair: AlignedPair) -> None:
        self.size += 1
        fr_set, en_set = acronyms_in(pair.fr), acronyms_in(pair.en)
        self.acronyms.update(("fr", a) for a in fr_set)
        self.acronyms.update(("en", a) for a in en_set)
        for f in fr_set:
            for e in en_set:
                self.joint[f, e] += 1
                kept = self.examples.setdefault((f, e), [])
                if len(kept) < self.max_evidence:
                    kept.append((seq, pair))
        if len(fr_set) == 1 and len(en_set) == 1:
            self.sole.add((next(iter(fr_set)), next(iter(en_set))))
        for lang, text in (("fr", pair.fr), ("en", pair.en)):
            if "(" not in text:
                continue
            for order, found in enumerate(find_definitions(text, lang)):
                key = (lang, found.acronym, found.definition)
                entry = self.definitions.setdefault(key, [0, seq * 1000 + min(order, 999)])
                entry[0] += 2 if found.method != "name" else 1


def count_pairs(pairs: Iterable[AlignedPair], max_evidence: int = 3) -> PartialCounts:
    """Count ``pairs`` apart (in another process, for example), for
    :meth:`CooccurCounts.add_counts`; memory grows with the distinct acronyms, not the pairs."""
    partial = PartialCounts(max_evidence)
    for seq, pair in enumerate(pairs):
        partial.add(seq, pair)
    return partial


class CooccurCounts:
    """A file of co-occurrence counts. Open with :meth:`open`; use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, max_evidence: int):
        self.conn = conn
        self.max_evidence = max_evidence

    @classmethod
    def open(cls, path: str | Path, max_evidence: int = 3) -> CooccurCounts:
        """Open or create the counts file at ``path`` (``":memory:"`` for a scratch one)."""
        try:
            conn = sqlite3.connect(str(path), isolation_level=None)
            if str(path) != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.executescript(_SCHEMA)
            row = conn.execute("SELECT value FROM meta WHERE key = 'max_evidence'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise TermbaseError(f"{path}: cannot open as a co-occurrence file ({exc})") from exc
        if row is None:
            conn.execute("INSERT INTO meta VALUES ('max_evidence', ?), ('pairs', 0)",
                         (max_evidence,))
        return cls(conn, row[0] if row else max_evidence)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> CooccurCounts:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def pairs(self) -> int:
        """How many sentence pairs have been counted."""
        return self.conn.execute("SELECT value FROM meta WHERE key = 'pairs'").fetchone()[0]

    def has_source(self, key: str) -> bool:
        """True when the source ``key`` has already been counted."""
        return self.conn.execute("SELECT 1 FROM source WHERE key = ?", (key,)).fetchone() is not None

    def add_source(self, key: str, pairs: Iterable[AlignedPair], batch_size: int = 5000,
                   progress: Callable[[int], None] | None = None) -> int:
        """Count the sentence pairs of one source, in one transaction; return how many.

        Nothing is counted (and 0 is returned) when ``key`` was counted before.
        ``progress(n)`` is called with the number of pairs added since the last call.
        """
        if self.has_source(key):
            return 0
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            start = self.pairs
            seq = start
            batch = PartialCounts(self.max_evidence)
            for pair in pairs:
                batch.add(seq, pair)
                seq += 1
                if batch.size >= batch_size:
                    self._flush(batch)
                    if progress:
                        progress(batch.size)
                    batch = PartialCounts(self.max_evidence)
            self._flush(batch)
            if progress and batch.size:
                progress(batch.size)
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'pairs'", (seq,))
            self.conn.execute("INSERT INTO source VALUES (?, ?)", (key, seq - start))
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        return seq - start

    def add_counts(self, key: str, partial: PartialCounts) -> int:
        """Add the counts of one source made by :func:`count_pairs`, in one transaction, after
        everything counted so far; return how many pairs (0 when ``key`` was counted before).

        Adding the partial counts of the sources in corpus order gives the same file as
        :meth:`add_source` over the same sources.
        """
        if self.has_source(key):
            return 0
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            start = self.pairs
            self._flush(partial, start)
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'pairs'",
                              (start + partial.size,))
            self.conn.execute("INSERT INTO source VALUES (?, ?)", (key, partial.size))
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        return partial.size

    def _flush(self, batch: PartialCounts, offset: int = 0) -> None:
        sql = self.conn.executemany
        sql("INSERT INTO acronym VALUES (?, ?, ?) ON CONFLICT (lang, text) "
            "DO UPDATE SET count = count + excluded.count",
            ((lang, text, n) for (lang, text), n in batch.acronyms.items()))
        sql("INSERT INTO joint (fr, en, count, sole) VALUES (?, ?, ?, ?) ON CONFLICT (fr, en) "
            "DO UPDATE SET count = count + excluded.count, sole = max(sole, excluded.sole)",
            ((f, e, n, int((f, e) in batch.sole)) for (f, e), n in batch.joint.items()))
        for (f, e), kept in batch.examples.items():
            have = self.conn.execute("SELECT examples FROM joint WHERE fr = ? AND en = ?",
                                     (f, e)).fetchone()[0]
            room = kept[: max(0, self.max_evidence - have)]
            if not room:
                continue
            sql("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?)",
                ((f, e, offset + seq, p.fr, p.en, p.source, p.symbol) for seq, p in room))
            self.conn.execute("UPDATE joint SET examples = examples + ? WHERE fr = ? AND en = ?",
                              (len(room), f, e))
        sql("INSERT INTO definition VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (lang, acronym, definition) DO UPDATE SET "
            "weight = weight + excluded.weight, first_seq = min(first_seq, excluded.first_seq)",
            ((lang, acr, text, w, first + 1000 * offset) for (lang, acr, text), (w, first)
             in batch.definitions.items()))

    def _definition(self, lang: str, acronym: str) -> str:
        row = self.conn.execute(
            "SELECT definition FROM definition WHERE lang = ? AND acronym = ? "
            "ORDER BY weight DESC, first_seq LIMIT 1", (lang, acronym)).fetchone()
        return row[0] if row else ""

    def _evidence(self, f: str, e: str) -> list[AlignedPair]:
        rows = self.conn.execute(
            "SELECT fr_text, en_text, source, symbol FROM evidence WHERE fr = ? AND en = ? "
            "ORDER BY seq", (f, e))
        return [AlignedPair(*row) for row in rows]

    def links(self, min_joint: int = 2, min_dice: float = 0.5) -> list[AcronymLink]:
        """French–English acronym links over everything counted, exactly as
        :func:`~termbase.extract.cooccur.align_acronyms` gives them for the same pairs.

        >>> with CooccurCounts.open(":memory:") as counts:
        ...     counts.add_source("a", [AlignedPair("La CEEAC a agi.", "ECCAS acted."),
        ...                             AlignedPair("Le PNUD.", "UNDP.")])
        ...     counts.add_source("b", [AlignedPair("Le Conseil et la CEEAC.",
        ...                                         "The Council and ECCAS.")])
        ...     [(link.fr, link.en, link.joint, link.dice) for link in counts.links()]
        2
        1
        [('CEEAC', 'ECCAS', 2, 1.0), ('PNUD', 'UNDP', 1, 1.0)]
        """
        rows = self.conn.execute(
            "SELECT j.fr, j.en, j.count, a.count, b.count, j.sole FROM joint j "
            "JOIN acronym a ON a.lang = 'fr' AND a.text = j.fr "
            "JOIN acronym b ON b.lang = 'en' AND b.text = j.en "
            "WHERE 2.0 * j.count >= (? - 1e-9) * (a.count + b.count)", (min_dice,))
        scored = []
        for f, e, c, count_fr, count_en, sole in rows:
            dice = 2 * c / (count_fr + count_en)
            if dice < min_dice or (c < min_joint and (f == e or dice < 1.0 or not sole
                                                  or not letters_agree(f, e))):
                continue
            scored.append((dice, c, f == e, f, e, count_fr, count_en))
        scored.sort(key=lambda s: (-s[0], -s[1], not s[2], s[3], s[4]))
        used_fr: set[str] = set()
        used_en: set[str] = set()
        links = []
        for dice, c, _, f, e, count_fr, count_en in scored:
            if f in used_fr or e in used_en:
                continue
            used_fr.add(f)
            used_en.add(e)
            links.append(AcronymLink(f, e, c, count_fr, count_en, round(dice, 3),
                                     self._definition("fr", f), self._definition("en", e),
                                     self._evidence(f, e)))
        return links
