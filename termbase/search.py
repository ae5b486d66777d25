"""The search queries of the SQLite termbase (the store's read side used by :mod:`termbase.lookup`).

:class:`SearchQueries` is a mixin of :class:`termbase.store.Termbase`: together the two
modules hold every SQL statement of the library. User input only ever reaches FTS5 as one
quoted string (:func:`fts_phrase`), never as query syntax.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

#: Columns of the candidate rows returned by the ``find_*`` search methods.
HIT = (
    "SELECT t.id, t.concept_id, t.lang, t.text, t.type, t.status, t.folded, c.kind, c.curated "
    "FROM term t JOIN concept c ON c.id = t.concept_id "
)
#: Most trigram frequencies remembered by one connection (they are cheap to recount).
FREQUENCY_CACHE = 20_000


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

    def find_exact(self, folded: str, lang: str | None, limit: int) -> list[tuple]:
        """Terms whose folded text equals ``folded``."""
        return self._find("t.folded = ?", [folded], lang, limit)

    def find_prefix(self, folded: str, lang: str | None, limit: int) -> list[tuple]:
        """Terms whose folded text starts with ``folded`` (an index range scan)."""
        return self._find("t.folded > ? AND t.folded < ?", [folded, folded + "\U0010ffff"],
                          lang, limit)

    def find_words(self, words: Sequence[str], lang: str | None, limit: int) -> list[tuple]:
        """Terms containing every word, the last one as a prefix (FTS5 unicode61)."""
        if not words:
            return []
        # The last word is a prefix, unless it is too short to narrow anything down.
        query = " ".join(fts_phrase(w) for w in words) + ("*" if len(words[-1]) > 2 else "")
        return self._find("t.id IN (SELECT rowid FROM term_words WHERE term_words MATCH ?"
                          " LIMIT ?)", [query, limit * 5], lang, limit)

    def find_infix(self, folded: str, lang: str | None, limit: int) -> list[tuple]:
        """Terms whose folded text contains ``folded`` (3 characters or more; FTS5 trigram)."""
        if len(folded) < 3:
            return []
        return self._find("t.id IN (SELECT rowid FROM term_trigrams WHERE term_trigrams MATCH ?"
                          " LIMIT ?)", [fts_phrase(folded), limit * 5], lang, limit)

    def _data_stamp(self) -> tuple[int, int]:
        """Changes when this connection or another one wrote to the database."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        return version, self.conn.total_changes

    def trigram_frequencies(self, grams: Sequence[str], cap: int = 500) -> dict[str, int]:
        """How many terms contain each trigram, counted up to ``cap`` (absent ones left out).

        Counts are remembered by the connection until the database changes: queries share
        most of their trigrams, and counting a common one reads ``cap`` postings.
        """
        stamp = (*self._data_stamp(), cap)
        cache = getattr(self, "_frequencies", None)
        if cache is None or cache[0] != stamp or len(cache[1]) > FREQUENCY_CACHE:
            cache = self._frequencies = (stamp, {})
        known = cache[1]
        found = {}
        for gram in grams:
            n = known.get(gram)
            if n is None:
                n = known[gram] = self.conn.execute(
                    "SELECT COUNT(*) FROM (SELECT 1 FROM term_trigrams WHERE term_trigrams MATCH ?"
                    " LIMIT ?)", (fts_phrase(gram), cap)).fetchone()[0]
            if n:
                found[gram] = n
        return found

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

    def find_ids(self, term_ids: Sequence[int], lang: str | None) -> list[tuple]:
        """The candidate rows of these term ids."""
        if not term_ids:
            return []
        marks = ",".join("?" * len(term_ids))
        return self._find(f"t.id IN ({marks})", list(term_ids), lang, len(term_ids))

    def _find(self, where: str, params: list, lang: str | None, limit: int) -> list[tuple]:
        if lang:
            where += " AND t.lang = ?"
            params = [*params, lang]
        return self.conn.execute(f"{HIT} WHERE {where} LIMIT ?", [*params, limit]).fetchall()

    def lookup(self, query: str, lang: str | None = None, limit: int = 20) -> list:
        """Search the termbase; see :func:`termbase.lookup.lookup`."""
        from termbase.lookup import lookup

        return lookup(self, query, lang=lang, limit=limit)
