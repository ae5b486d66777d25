"""The search queries of the SQLite termbase (the store's read side used by :mod:`termbase.lookup`).

:class:`SearchQueries` is a mixin of :class:`termbase.store.Termbase`: together the two
modules hold every SQL statement of the library. User input only ever reaches FTS5 as one
quoted string (:func:`fts_phrase`), never as query syntax.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from termbase.model import Concept, Evidence, Term, fields_from_json

#: Columns of the candidate rows returned by the ``find_*`` search methods.
HIT = (
    "SELECT t.id, t.concept_id, t.lang, t.text, t.type, t.status, t.folded, c.kind, c.curated "
    "FROM term t JOIN concept c ON c.id = t.concept_id "
)
#: Most trigram frequencies remembered by one connection (they are cheap to recount).
FREQUENCY_CACHE = 20_000
#: One concept with its terms and evidence in one row (the terms and evidence as JSON arrays).
_CONCEPT_ROW = (
    "SELECT c.id, c.kind, c.subject, c.note, c.curated, c.confidence, c.origin, c.created,"
    " c.modified,"
    " (SELECT json_group_array(json_array(id, lang, text, type, status, no_check, fields)) FROM"
    "  (SELECT id, lang, text, type, status, no_check, fields FROM term WHERE concept_id = c.id"
    "   ORDER BY seq, id)),"
    " (SELECT json_group_array(json_array(id, source, symbol, context_fr, context_en, method,"
    "  confidence, span_en_start, span_en_end)) FROM (SELECT id, source, symbol, context_fr,"
    "  context_en, method, confidence, span_en_start, span_en_end"
    "   FROM evidence WHERE concept_id = c.id ORDER BY id)),"
    " c.fields"
    " FROM concept c "
)


@dataclass(frozen=True)
class Filters:
    """Restrictions of a search: the concept's kind and subject, the matched term's status
    (or ``curated`` / ``candidate`` for the concept's origin).

    >>> Filters(kind="term").where()
    (' AND c.kind = ?', ['term'])
    >>> Filters(status="candidate", subject="Peace").where()
    (' AND NOT c.curated AND c.subject = ? COLLATE NOCASE', ['Peace'])
    >>> Filters().where()
    ('', [])
    """

    kind: str | None = None
    status: str | None = None
    subject: str | None = None

    def __bool__(self) -> bool:
        return bool(self.kind or self.status or self.subject)

    def where(self) -> tuple[str, list]:
        """The SQL conditions (on ``t`` = term and ``c`` = concept) and their parameters."""
        sql, params = "", []
        if self.kind:
            sql, params = sql + " AND c.kind = ?", [*params, self.kind]
        if self.status in ("curated", "candidate"):
            sql += " AND c.curated" if self.status == "curated" else " AND NOT c.curated"
        elif self.status:
            sql, params = sql + " AND t.status = ?", [*params, self.status]
        if self.subject:
            sql, params = sql + " AND c.subject = ? COLLATE NOCASE", [*params, self.subject]
        return sql, params


NO_FILTERS = Filters()


def fts_phrase(text: str) -> str:
    """One FTS5 string token: user syntax (``AND``, ``NEAR(``, ``*``, ``-``) stays literal.

    >>> fts_phrase('NEAR("a" b)')
    '"NEAR(""a"" b)"'
    >>> fts_phrase("a" + chr(0) + "b")  # FTS5 refuses a NUL inside a string
    '"a b"'
    """
    return '"' + text.replace('"', '""').replace("\x00", " ") + '"'


class SearchQueries:
    """Exact, prefix, word, infix and trigram queries over ``term`` (needs ``self.conn``)."""

    conn: sqlite3.Connection  # set by Termbase.__init__

    def find_exact(self, folded: str, lang: str | None, limit: int,
                   filters: Filters = NO_FILTERS) -> list[tuple]:
        """Terms whose folded text equals ``folded``."""
        return self._find("t.folded = ?", [folded], lang, limit, filters)

    def find_any(self, folded: Sequence[str], lang: str | None, limit: int,
                 filters: Filters = NO_FILTERS) -> list[tuple]:
        """Terms whose folded text equals one of ``folded`` (one statement)."""
        if not folded:
            return []
        return self._find(f"t.folded IN ({','.join('?' * len(folded))})", list(folded), lang,
                          limit, filters)

    def find_prefix(self, folded: str, lang: str | None, limit: int,
                    filters: Filters = NO_FILTERS) -> list[tuple]:
        """Terms whose folded text starts with ``folded`` (an index range scan), those equal
        to it included and first: one statement for the exact and prefix stages."""
        return self._find("t.folded >= ? AND t.folded < ?", [folded, folded + "\U0010ffff"],
                          lang, limit, filters, order="t.folded")

    def find_words(self, words: Sequence[str], lang: str | None, limit: int,
                   filters: Filters = NO_FILTERS) -> list[tuple]:
        """Terms containing every word, the last one as a prefix (FTS5 unicode61)."""
        if not words:
            return []
        # The last word is a prefix, unless it is too short to narrow anything down.
        query = " ".join(fts_phrase(w) for w in words) + ("*" if len(words[-1]) > 2 else "")
        return self._find("t.id IN (SELECT rowid FROM term_words WHERE term_words MATCH ?"
                          " LIMIT ?)", [query, limit * 5], lang, limit, filters)

    def find_infix(self, folded: str, lang: str | None, limit: int,
                   filters: Filters = NO_FILTERS) -> list[tuple]:
        """Terms whose folded text contains ``folded`` (3 characters or more; FTS5 trigram)."""
        if len(folded) < 3:
            return []
        return self._find("t.id IN (SELECT rowid FROM term_trigrams WHERE term_trigrams MATCH ?"
                          " LIMIT ?)", [fts_phrase(folded), limit * 5], lang, limit, filters)

    def _data_stamp(self) -> tuple[int, int]:
        """Changes when this connection or another one wrote to the database."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        return version, self.conn.total_changes

    def _counts_cache(self, name: str, cap: int) -> dict:
        """A per-connection memo of posting counts, emptied when the database changes."""
        stamp = self._data_stamp()
        caches = self.__dict__.setdefault("_posting_counts", {})
        cache = caches.get((name, cap))
        if cache is None or cache[0] != stamp or len(cache[1]) > FREQUENCY_CACHE:
            cache = caches[(name, cap)] = (stamp, {})
        return cache[1]

    def trigram_frequencies(self, grams: Sequence[str], cap: int = 500) -> dict[str, int]:
        """How many terms contain each trigram, counted up to ``cap`` (absent ones left out).

        Counts are remembered by the connection until the database changes: queries share
        most of their trigrams, and counting a common one reads ``cap`` postings.
        """
        return self._frequencies("term_trigrams", grams, cap)

    def word_frequencies(self, words: Sequence[str], cap: int = 500) -> dict[str, int]:
        """How many terms contain each word (a whole FTS5 unicode61 token), up to ``cap``."""
        return self._frequencies("term_words", words, cap)

    def _frequencies(self, table: str, keys: Sequence[str], cap: int) -> dict[str, int]:
        """Posting counts (up to ``cap``) of the keys, those not remembered counted in one
        statement."""
        known = self._counts_cache(table, cap)
        unknown = [k for k in dict.fromkeys(keys) if k not in known]
        for start in range(0, len(unknown), 50):
            chunk = unknown[start : start + 50]
            columns = ", ".join(f"(SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {table}"
                                " MATCH ? LIMIT ?))" for _ in chunk)
            row = self.conn.execute(f"SELECT {columns}",
                                    [x for k in chunk for x in (fts_phrase(k), cap)]).fetchone()
            known.update(zip(chunk, row, strict=True))
        return {k: known[k] for k in keys if known[k]}

    def found_inside(self, texts: Sequence[str]) -> set[str]:
        """Those of ``texts`` (3 characters or more) that some folded term contains, checked
        in one statement; remembered by the connection until the database changes.

        A text that is a whole word of some term is found by one lookup in the word index;
        only the others are looked for inside words (an intersection of their trigrams).
        """
        known = self._counts_cache("inside", 1)
        unknown = [t for t in dict.fromkeys(texts) if t not in known and len(t) >= 3]
        if unknown:
            columns = ", ".join("CASE WHEN EXISTS (SELECT 1 FROM term_words WHERE term_words"
                                " MATCH ?) THEN 1 ELSE (SELECT 1 FROM term_trigrams WHERE"
                                " term_trigrams MATCH ? LIMIT 1) END" for _ in unknown)
            row = self.conn.execute(f"SELECT {columns}",
                                    [fts_phrase(t) for t in unknown for _ in (0, 1)]).fetchone()
            known.update((t, bool(v)) for t, v in zip(unknown, row, strict=True))
        return {t for t in texts if known.get(t)}

    def word_postings(self, words: Sequence[str], cap: int) -> list[int]:
        """Ids of (at most ``cap``) terms containing every one of these whole words."""
        if not words:
            return []
        return [r[0] for r in self.conn.execute(
            "SELECT rowid FROM term_words WHERE term_words MATCH ? LIMIT ?",
            (" AND ".join(fts_phrase(w) for w in words), cap))]

    def words_co_occur(self, words: Sequence[str]) -> bool:
        """Whether some term holds every one of these whole words."""
        return bool(words) and self.conn.execute(
            "SELECT 1 FROM term_words WHERE term_words MATCH ? LIMIT 1",
            (" AND ".join(fts_phrase(w) for w in words),)).fetchone() is not None

    def pooled_terms(self, grams: Sequence[str], words: Sequence[str], word_cap: int,
                     bonus: tuple[float, float], pool: int,
                     lang: str | None) -> list[tuple[int, str]]:
        """``(id, folded)`` of the ``pool`` terms of highest weight, in id order, in one
        statement: a term weighs 1 for each of ``grams`` it contains, plus ``bonus[0]`` if
        it holds every one of ``words`` (``bonus[1]`` when more than ``pool`` terms do;
        at most ``word_cap`` such terms are read)."""
        parts = ["SELECT rowid AS id, 1.0 AS w FROM term_trigrams WHERE term_trigrams MATCH ?"
                 for _ in grams]
        params: list = [fts_phrase(g) for g in grams]
        head = ""
        if words:
            head = ("WITH held AS MATERIALIZED (SELECT rowid AS id FROM term_words"
                    " WHERE term_words MATCH ? LIMIT ?) ")
            params = [" AND ".join(fts_phrase(w) for w in words), word_cap, *params]
            parts.append("SELECT id, CASE WHEN (SELECT COUNT(*) FROM held) <= ? THEN ? ELSE ?"
                         " END FROM held")
            params += [pool, *bonus]
        if not parts:
            return []
        where = " WHERE t.lang = ?" if lang else ""
        sql = (f"{head}SELECT t.id, t.folded FROM (SELECT id, SUM(w) AS s FROM ("
               + " UNION ALL ".join(parts)
               + f") GROUP BY id ORDER BY s DESC, id LIMIT ?) AS best JOIN term t"
               f" ON t.id = best.id{where} ORDER BY t.id")
        params.append(pool)
        if lang:
            params.append(lang)
        return self.conn.execute(sql, params).fetchall()

    def trigram_postings(self, gram: str, cap: int) -> list[int]:
        """Ids of (at most ``cap``) terms containing one trigram."""
        return [r[0] for r in self.conn.execute(
            "SELECT rowid FROM term_trigrams WHERE term_trigrams MATCH ? LIMIT ?",
            (fts_phrase(gram), cap))]

    def folded_terms(self, term_ids: Sequence[int], lang: str | None) -> list[tuple[int, str]]:
        """``(id, folded text)`` of these terms (of one language if ``lang``), no join."""
        out: list[tuple[int, str]] = []
        for start in range(0, len(term_ids), 500):
            chunk = list(term_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT id, folded FROM term WHERE id IN ({marks})"
            if lang:
                sql += " AND lang = ?"
                chunk.append(lang)
            out += self.conn.execute(sql, chunk).fetchall()
        return out

    def all_folded_terms(self, lang: str | None) -> list[tuple[int, str]]:
        """``(id, folded text)`` of every term (of one language if ``lang``), in id order.

        For small termbases, where scoring every term beats the trigram index: the list is
        remembered by the connection until the database changes.
        """
        stamp = self._data_stamp()
        cache = getattr(self, "_all_folded", None)
        if cache is None or cache[0] != stamp:
            cache = self._all_folded = (stamp, {})
        if lang not in cache[1]:
            sql, params = "SELECT id, folded FROM term", []
            if lang:
                sql, params = sql + " WHERE lang = ?", [lang]
            cache[1][lang] = self.conn.execute(sql + " ORDER BY id", params).fetchall()
        return cache[1][lang]

    def find_ids(self, term_ids: Sequence[int], lang: str | None,
                 filters: Filters = NO_FILTERS) -> list[tuple]:
        """The candidate rows of these term ids."""
        out: list[tuple] = []
        for start in range(0, len(term_ids), 500):
            chunk = list(term_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            out += self._find(f"t.id IN ({marks})", chunk, lang, len(chunk), filters)
        return out

    def _find(self, where: str, params: list, lang: str | None, limit: int,
              filters: Filters = NO_FILTERS, order: str = "") -> list[tuple]:
        if lang:
            where += " AND t.lang = ?"
            params = [*params, lang]
        extra, extra_params = filters.where()
        order_by = f" ORDER BY {order}" if order else ""
        return self.conn.execute(f"{HIT} WHERE {where}{extra}{order_by} LIMIT ?",
                                 [*params, *extra_params, limit]).fetchall()

    def concepts_in_one(self, ids: Sequence[int]) -> list[Concept]:
        """The concepts with these ids, in the given order, with their terms and evidence,
        read in one statement (unknown ids are left out). Same result as ``get_concepts``."""
        found: dict[int, Concept] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(f"{_CONCEPT_ROW} WHERE c.id IN ({marks})", chunk):
                found[r[0]] = Concept(
                    kind=r[1], subject=r[2], note=r[3], curated=bool(r[4]), confidence=r[5],
                    origin=r[6], id=r[0], created=r[7], modified=r[8],
                    fields=fields_from_json(r[11]),
                    terms=[Term(lang=t[1], text=t[2], type=t[3], status=t[4],
                                no_check=bool(t[5]), id=t[0], fields=fields_from_json(t[6]))
                           for t in json.loads(r[9])],
                    evidence=[Evidence(source=e[1], symbol=e[2], context_fr=e[3],
                                       context_en=e[4], method=e[5], confidence=e[6], id=e[0],
                                       span_en=(e[7], e[8]) if e[7] is not None else None)
                              for e in json.loads(r[10])])
        return [found[i] for i in ids if i in found]

    def subjects(self) -> list[str]:
        """The distinct subjects of the concepts, sorted (for a search filter)."""
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT subject FROM concept WHERE subject != '' ORDER BY subject"
            " COLLATE NOCASE LIMIT 500")]

    def lookup(self, query: str, lang: str | None = None, limit: int = 20) -> list:
        """Search the termbase; see :func:`termbase.lookup.lookup`."""
        from termbase.lookup import lookup

        return lookup(self, query, lang=lang, limit=limit)

    def search(self, query: str, **options):
        """A page of search results; see :func:`termbase.lookup.search`."""
        from termbase.lookup import search

        return search(self, query, **options)
