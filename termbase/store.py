"""The SQLite termbase: every SQL statement of the library lives in this module and in
its search half, :mod:`termbase.search` (the ``find_*``/trigram queries of lookups).

>>> from termbase.model import Concept, Term
>>> with Termbase.open(":memory:") as tb:
...     cid = tb.add_concept(Concept(terms=[Term("fr", "OTSC", "acronym")]))
...     tb.merge_concept(Concept(terms=[Term("fr", "otsc", "acronym")]))
(1, 'skipped')
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from termbase import schema
from termbase.errors import NotFoundError, TermbaseError
from termbase.fold import fold_term
from termbase.model import Concept, Evidence, Term, fields_from_json, fields_to_json
from termbase.search import SearchQueries, fts_phrase

if TYPE_CHECKING:
    from termbase.merge import MergePlan

_TERM_COLUMNS = "id, concept_id, lang, text, type, status, no_check, fields"

#: A long write (import, build) holds the write lock at most this long before committing...
BATCH_SECONDS = 0.25
#: ... and then lets go of it this long, so that a waiting writer (a web edit, which polls
#: every 100 ms at most) always gets in between two batches.
YIELD_SECONDS = 0.12
#: Suffix of the file that says a long write is running on a termbase (``DB.updating``).
UPDATING_SUFFIX = ".updating"
_EVIDENCE_COLUMNS = ("id, concept_id, source, symbol, context_fr, context_en, method, confidence,"
                     " span_en_start, span_en_end")


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def concept_to_dict(concept: Concept) -> dict:
    """A JSON-ready dict of a concept (as stored in the history table)."""
    return dataclasses.asdict(concept)


def update_in_progress(path: str | Path) -> dict | None:
    """``{"pid", "what", "since"}`` of the long write running on the termbase at ``path``,
    or None. A marker left by a killed process (its pid is gone) is removed."""
    marker = Path(f"{path}{UPDATING_SUFFIX}")
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
        os.kill(int(info["pid"]), 0)
    except FileNotFoundError:
        return None
    except ProcessLookupError:
        marker.unlink(missing_ok=True)
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info


class Termbase(SearchQueries):
    """A termbase file. Open it with :meth:`open`; use it as a context manager to close it.

    One instance per thread (SQLite connections are not shared between threads); several
    processes may open the same file (WAL mode; writers wait up to ``timeout`` seconds).
    """

    def __init__(self, conn: sqlite3.Connection, path: str):
        self.conn = conn
        self.path = path
        self._depth = 0

    @classmethod
    def open(cls, path: str | Path, timeout: float = 10.0) -> Termbase:
        """Open (creating it if needed) the termbase at ``path`` and apply pending migrations."""
        path = str(path)
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            schema.migrate(conn)
        except sqlite3.DatabaseError as exc:
            raise TermbaseError(f"{path}: cannot open as a termbase ({exc})") from exc
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def data_version(self) -> int:
        """A number that changes after every write to the termbase's data, by any process."""
        return self.conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()[0]

    def __enter__(self) -> Termbase:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Termbase]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``, ``ROLLBACK`` on exception; nested calls use savepoints."""
        depth = self._depth
        self.conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT sp{depth}")
        self._depth += 1
        try:
            yield self
        except BaseException:
            self._depth = depth
            if depth == 0:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO sp{depth}")
                self.conn.execute(f"RELEASE sp{depth}")
            raise
        self._depth = depth
        self.conn.execute("COMMIT" if depth == 0 else f"RELEASE sp{depth}")

    # -- writing ------------------------------------------------------------------------

    def add_concept(self, concept: Concept, who: str | None = None) -> int:
        """Store a new concept with its terms and evidence; set and return its id.

        With ``who`` (an editor's name) the creation goes into the history; builds and
        imports pass none.
        """
        from termbase.validation import validate  # the write paths only: a lookup needs none

        validate(concept)
        with self.transaction():
            now = _now()
            concept.created = concept.created or now
            concept.modified = concept.modified or now
            cur = self.conn.execute(
                "INSERT INTO concept (kind, subject, note, curated, confidence, origin, created,"
                " modified, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (concept.kind, concept.subject, concept.note, int(concept.curated),
                 concept.confidence, concept.origin, concept.created, concept.modified,
                 fields_to_json(concept.fields)),
            )
            concept.id = cur.lastrowid
            self._insert_terms(concept.id, concept.terms, 0)
            self._insert_evidence(concept.id, concept.evidence)
            if who is not None:
                self._record(concept.id, "create", who, None, concept)
        return concept.id

    def _insert_terms(self, concept_id: int, terms: Sequence[Term], first_seq: int) -> None:
        for seq, term in enumerate(terms, start=first_seq):
            cur = self.conn.execute(
                "INSERT INTO term (concept_id, seq, lang, text, type, status, folded, no_check,"
                " fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (concept_id, seq, term.lang, term.text.strip(), term.type, term.status,
                 fold_term(term.text), int(term.no_check), fields_to_json(term.fields)),
            )
            term.id = cur.lastrowid

    def _insert_evidence(self, concept_id: int, evidence: Iterable[Evidence]) -> None:
        for ev in evidence:
            cur = self.conn.execute(
                "INSERT INTO evidence (concept_id, source, symbol, context_fr, context_en, method,"
                " confidence, span_en_start, span_en_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (concept_id, ev.source, ev.symbol, ev.context_fr, ev.context_en, ev.method,
                 ev.confidence, *(ev.span_en or (None, None))),
            )
            ev.id = cur.lastrowid

    def merge_concept(self, concept: Concept) -> tuple[int, str]:
        """Merge into the concept that shares a term, or add it: ``(id, outcome)``.

        ``outcome`` is ``"added"``, ``"merged"`` (something was added or changed) or
        ``"skipped"`` (nothing to change, or an acronym-only concept that matches several
        concepts; the id is then 0). See :mod:`termbase.merge` for the rules.
        """
        from termbase import merge
        from termbase.validation import validate

        validate(concept)
        with self.transaction():
            keys = sorted({merge.term_key(t) for t in concept.terms})
            ids = self._concepts_with_terms(keys)
            target = merge.choose_target(concept, self.get_concepts(ids))
            if target is None:
                return self.add_concept(concept), "added"
            if target == merge.AMBIGUOUS:
                return 0, "skipped"
            plan = merge.plan_merge(target, concept)
            if not plan:
                return target.id, "skipped"
            self._apply(target, plan)
            return target.id, "merged"

    def _concepts_with_terms(self, keys: Sequence[tuple[str, str]]) -> list[int]:
        found: set[int] = set()
        for lang, folded in keys:
            found.update(row[0] for row in self.conn.execute(
                "SELECT concept_id FROM term WHERE folded = ? AND lang = ?", (folded, lang)))
        return sorted(found)

    def _apply(self, target: Concept, plan: MergePlan) -> None:
        self._insert_terms(target.id, plan.new_terms, len(target.terms))
        self._insert_evidence(target.id, plan.new_evidence)
        for term_id, type_, status, no_check in plan.term_updates:
            self.conn.execute("UPDATE term SET type = ?, status = ?, no_check = ? WHERE id = ?",
                              (type_, status, int(no_check), term_id))
        columns = {k: (int(v) if isinstance(v, bool) else v)
                   for k, v in plan.concept_updates.items()}
        columns["modified"] = _now()
        assignments = ", ".join(f"{name} = ?" for name in columns)
        self.conn.execute(f"UPDATE concept SET {assignments} WHERE id = ?",
                          (*columns.values(), target.id))

    def merge_batches(self, concepts: Iterable[Concept],
                      done: Callable[[Concept, int, str], None] | None = None) -> None:
        """Merge prepared concepts in short transactions (for imports and builds).

        Each batch holds the write lock at most about :data:`BATCH_SECONDS`, then commits
        and lets go of the lock for :data:`YIELD_SECONDS`, so that web edits made meanwhile
        wait a moment instead of failing. A crash leaves whole concepts only (each merge is
        in one batch) and merging the same concepts again completes the work (a concept
        already merged is skipped). Inside a transaction everything stays in that
        transaction. ``done(concept, id, outcome)`` is called after each merge.
        """
        items = iter(concepts)
        while True:
            started = time.monotonic()
            merged = 0
            with self.transaction():
                for concept in items:
                    concept_id, outcome = self.merge_concept(concept)
                    merged += 1
                    if done:
                        done(concept, concept_id, outcome)
                    if self._depth == 1 and time.monotonic() - started > BATCH_SECONDS:
                        break
            if not merged or self._depth:
                return
            time.sleep(YIELD_SECONDS)

    @contextmanager
    def long_write(self, what: str) -> Iterator[Termbase]:
        """Say, while the block runs, that ``what`` (an import, a build) is updating the
        termbase: :func:`update_in_progress` tells other processes (the web interface)."""
        if self.path == ":memory:":
            yield self
            return
        marker = Path(self.path + UPDATING_SUFFIX)
        marker.write_text(json.dumps({"pid": os.getpid(), "what": what, "since": _now()}),
                          encoding="utf-8")
        try:
            yield self
        finally:
            marker.unlink(missing_ok=True)

    def update_concept(self, concept: Concept, who: str = "") -> None:
        """Replace a concept's fields, terms and evidence; the edit goes into the history."""
        from termbase.validation import validate

        validate(concept)
        with self.transaction():
            before = self.get_concept(concept.id)
            concept.created = before.created
            concept.modified = _now()
            self.conn.execute(
                "UPDATE concept SET kind = ?, subject = ?, note = ?, curated = ?, confidence = ?,"
                " origin = ?, modified = ?, fields = ? WHERE id = ?",
                (concept.kind, concept.subject, concept.note, int(concept.curated),
                 concept.confidence, concept.origin, concept.modified,
                 fields_to_json(concept.fields), concept.id),
            )
            self.conn.execute("DELETE FROM term WHERE concept_id = ?", (concept.id,))
            self.conn.execute("DELETE FROM evidence WHERE concept_id = ?", (concept.id,))
            self._insert_terms(concept.id, concept.terms, 0)
            self._insert_evidence(concept.id, concept.evidence)
            self._record(concept.id, "update", who, before, concept)

    def delete_concept(self, concept_id: int, who: str = "") -> None:
        """Delete a concept (its terms and evidence too); the deletion goes into the history."""
        with self.transaction():
            before = self.get_concept(concept_id)
            self.conn.execute("DELETE FROM concept WHERE id = ?", (concept_id,))
            self._record(concept_id, "delete", who, before, None)

    def _record(self, concept_id: int, action: str, who: str, before, after) -> None:
        self.conn.execute(
            "INSERT INTO history (concept_id, action, who, at, before, after)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (concept_id, action, who, _now(),
             json.dumps(concept_to_dict(before), ensure_ascii=False) if before else None,
             json.dumps(concept_to_dict(after), ensure_ascii=False) if after else None),
        )

    # -- reading ------------------------------------------------------------------------

    def history(self, concept_id: int) -> list[dict]:
        """The recorded edits of a concept, oldest first; ``before``/``after`` are dicts."""
        rows = self.conn.execute(
            "SELECT id, concept_id, action, who, at, before, after FROM history"
            " WHERE concept_id = ? ORDER BY id", (concept_id,))
        return [
            {"id": r[0], "concept_id": r[1], "action": r[2], "who": r[3], "at": r[4],
             "before": json.loads(r[5]) if r[5] else None,
             "after": json.loads(r[6]) if r[6] else None}
            for r in rows
        ]

    def get_concept(self, concept_id: int) -> Concept:
        """The concept with this id; raises :class:`NotFoundError`."""
        found = self.get_concepts([concept_id])
        if not found:
            raise NotFoundError(f"no concept with id {concept_id}")
        return found[0]

    def get_concepts(self, ids: Sequence[int]) -> list[Concept]:
        """The concepts with these ids, in the given order (unknown ids are left out)."""
        found: dict[int, Concept] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            found.update(self._load(f"id IN ({marks})", f"concept_id IN ({marks})", chunk))
        return [found[i] for i in ids if i in found]

    def iter_concepts(self, kind: str | None = None, batch: int = 1000) -> Iterator[Concept]:
        """Every concept in id order (optionally of one kind), read in batches."""
        last = 0
        while True:
            params: list = [last]
            where = "id > ?"
            if kind is not None:
                where += " AND kind = ?"
                params.append(kind)
            ids = [r[0] for r in self.conn.execute(
                f"SELECT id FROM concept WHERE {where} ORDER BY id LIMIT {int(batch)}", params)]
            if not ids:
                return
            lo, hi = ids[0], ids[-1]
            loaded = self._load("id BETWEEN ? AND ?", "concept_id BETWEEN ? AND ?", [lo, hi])
            yield from (loaded[i] for i in ids)
            last = hi

    def _load(self, where: str, child_where: str, params: list) -> dict[int, Concept]:
        concepts: dict[int, Concept] = {}
        for r in self.conn.execute(
            "SELECT id, kind, subject, note, curated, confidence, origin, created, modified,"
            f" fields FROM concept WHERE {where}", params):
            concepts[r[0]] = Concept(kind=r[1], subject=r[2], note=r[3], curated=bool(r[4]),
                                     confidence=r[5], origin=r[6], id=r[0], created=r[7],
                                     modified=r[8], fields=fields_from_json(r[9]))
        for r in self.conn.execute(
            f"SELECT {_TERM_COLUMNS} FROM term WHERE {child_where} ORDER BY concept_id, seq, id",
            params):
            if r[1] in concepts:
                concepts[r[1]].terms.append(
                    Term(lang=r[2], text=r[3], type=r[4], status=r[5], no_check=bool(r[6]), id=r[0],
                         fields=fields_from_json(r[7])))
        for r in self.conn.execute(
            f"SELECT {_EVIDENCE_COLUMNS} FROM evidence WHERE {child_where} ORDER BY id", params):
            if r[1] in concepts:
                concepts[r[1]].evidence.append(
                    Evidence(source=r[2], symbol=r[3], context_fr=r[4], context_en=r[5],
                             method=r[6], confidence=r[7], id=r[0],
                             span_en=(r[8], r[9]) if r[8] is not None else None))
        return concepts

    def count(self) -> int:
        """The number of concepts."""
        return self._rows("concept")

    def _rows(self, table: str) -> int:
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def approx_term_count(self) -> int:
        """The highest term id: an instant upper bound of the number of terms."""
        return self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM term").fetchone()[0]

    def stats(self) -> dict:
        """Counts of concepts by kind, curated/candidate, terms by language and type, evidence."""
        def grouped(sql: str) -> dict:
            return {str(k): v for k, v in self.conn.execute(sql)}

        return {
            "path": self.path,
            "schema_version": schema.current_version(self.conn),
            "concepts": self.count(),
            "by_kind": grouped("SELECT kind, COUNT(*) FROM concept GROUP BY kind ORDER BY kind"),
            "curated": self.conn.execute("SELECT COUNT(*) FROM concept WHERE curated").fetchone()[0],
            "terms": self._rows("term"),
            "terms_by_lang": grouped("SELECT lang, COUNT(*) FROM term GROUP BY lang ORDER BY lang"),
            "terms_by_type": grouped("SELECT type, COUNT(*) FROM term GROUP BY type ORDER BY type"),
            "evidence": self._rows("evidence"),
            "evidence_by_method": grouped(
                "SELECT method, COUNT(*) FROM evidence GROUP BY method ORDER BY method"),
        }


#: Kept for callers of the former private name.
_fts_phrase = fts_phrase
