"""The SQLite schema of the termbase, as an ordered list of migration steps.

``PRAGMA user_version`` holds the number of steps already applied; :func:`migrate` applies
the pending ones in one transaction. A database written by a newer version (a higher
``user_version``) is refused rather than misread. New columns or tables go in a NEW step
appended to :data:`MIGRATIONS`; steps already released are never edited.
"""

from __future__ import annotations

import sqlite3

from termbase.errors import TermbaseError

_V1 = """
CREATE TABLE concept (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('title', 'term', 'country')),
    subject TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    curated INTEGER NOT NULL DEFAULT 0 CHECK (curated IN (0, 1)),
    confidence REAL NOT NULL DEFAULT 1.0,
    origin TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX concept_kind ON concept (kind);

CREATE TABLE term (
    id INTEGER PRIMARY KEY,
    concept_id INTEGER NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL DEFAULT 0,
    lang TEXT NOT NULL,
    text TEXT NOT NULL CHECK (text <> ''),
    type TEXT NOT NULL DEFAULT 'fullForm'
        CHECK (type IN ('fullForm', 'acronym', 'shortForm', 'variant')),
    status TEXT NOT NULL DEFAULT 'preferred'
        CHECK (status IN ('preferred', 'admitted', 'deprecated', 'superseded')),
    folded TEXT NOT NULL,
    no_check INTEGER NOT NULL DEFAULT 0 CHECK (no_check IN (0, 1))
);
CREATE INDEX term_folded ON term (folded, lang);
CREATE INDEX term_concept ON term (concept_id, seq);

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    concept_id INTEGER NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
    source TEXT NOT NULL DEFAULT '',
    symbol TEXT NOT NULL DEFAULT '',
    context_fr TEXT NOT NULL DEFAULT '',
    context_en TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT 'curated'
        CHECK (method IN ('curated', 'acronym-definition', 'aligned', 'import')),
    confidence REAL NOT NULL DEFAULT 1.0
);
CREATE INDEX evidence_concept ON evidence (concept_id);

CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    concept_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('update', 'delete')),
    who TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX history_concept ON history (concept_id, id);

-- Word and word-prefix search over the term text (accents removed by the tokenizer).
CREATE VIRTUAL TABLE term_words USING fts5 (
    text, content = 'term', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2"
);
-- Infix and fuzzy search over the folded column (folded in Python: SQLite 3.40's trigram
-- tokenizer has no remove_diacritics option).
CREATE VIRTUAL TABLE term_trigrams USING fts5 (
    folded, content = 'term', content_rowid = 'id', tokenize = "trigram"
);

CREATE TRIGGER term_ai AFTER INSERT ON term BEGIN
    INSERT INTO term_words (rowid, text) VALUES (new.id, new.text);
    INSERT INTO term_trigrams (rowid, folded) VALUES (new.id, new.folded);
END;
CREATE TRIGGER term_ad AFTER DELETE ON term BEGIN
    INSERT INTO term_words (term_words, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO term_trigrams (term_trigrams, rowid, folded)
        VALUES ('delete', old.id, old.folded);
END;
CREATE TRIGGER term_au AFTER UPDATE OF text, folded ON term BEGIN
    INSERT INTO term_words (term_words, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO term_trigrams (term_trigrams, rowid, folded)
        VALUES ('delete', old.id, old.folded);
    INSERT INTO term_words (rowid, text) VALUES (new.id, new.text);
    INSERT INTO term_trigrams (rowid, folded) VALUES (new.id, new.folded);
END;
"""

# Step 2: the history also records creations (``add_concept(..., who=...)``). SQLite cannot
# change a CHECK constraint in place, so the table is rebuilt and its rows copied.
_V2 = """
CREATE TABLE history_v2 (
    id INTEGER PRIMARY KEY,
    concept_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    who TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    before TEXT,
    after TEXT
);
INSERT INTO history_v2 (id, concept_id, action, who, at, before, after)
    SELECT id, concept_id, action, who, at, before, after FROM history ORDER BY id;
DROP TABLE history;
ALTER TABLE history_v2 RENAME TO history;
CREATE INDEX history_concept ON history (concept_id, id);
"""

# Step 3: a data version, bumped by every write to the data tables, so that objects derived
# from the whole termbase (the checker's compiled matcher, cached web responses) know when
# they are stale, across processes.
_V3 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO meta (key, value) VALUES ('data_version', 1);
""" + "".join(
    f"""
CREATE TRIGGER {table}_version_{event[0].lower()} AFTER {event} ON {table} BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'data_version';
END;
"""
    for table in ("concept", "term", "evidence")
    for event in ("INSERT", "UPDATE", "DELETE")
)

# Step _V_TBX: the TBX data categories termalign has no column of its own for (definitions,
# part of speech, gender, notes, cross-references...), kept as a JSON list of
# :class:`termbase.model.Field` on the concept and on each term, so that an import loses
# nothing TBX-Basic allows and an export writes them again.
_V_TBX = """
ALTER TABLE concept ADD COLUMN fields TEXT NOT NULL DEFAULT '[]';
ALTER TABLE term ADD COLUMN fields TEXT NOT NULL DEFAULT '[]';
"""

# Step (review): saved reviews of alignments (the web review editor), one per alignment,
# kept in the termbase file; SQL in termbase/reviews.py. Not termbase data: no version bump.
_V_REVIEW = """
CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    alignment TEXT NOT NULL UNIQUE,
    fr_name TEXT NOT NULL DEFAULT '',
    en_name TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'fr' CHECK (source IN ('fr', 'en')),
    sentences TEXT NOT NULL,
    beads TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
"""

# Step 6 (spans): evidence of extracted terms. A new method ``term`` (a term seen in an aligned pair or
# a document) and the character span of the English term in ``context_en`` (for highlighting;
# NULL when unknown). SQLite cannot change a CHECK constraint in place, so the table is rebuilt
# and its rows copied; its index and data-version triggers are made again.
_V_SPANS = """
CREATE TABLE evidence_v4 (
    id INTEGER PRIMARY KEY,
    concept_id INTEGER NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
    source TEXT NOT NULL DEFAULT '',
    symbol TEXT NOT NULL DEFAULT '',
    context_fr TEXT NOT NULL DEFAULT '',
    context_en TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT 'curated'
        CHECK (method IN ('curated', 'acronym-definition', 'aligned', 'import', 'term')),
    confidence REAL NOT NULL DEFAULT 1.0,
    span_en_start INTEGER,
    span_en_end INTEGER
);
INSERT INTO evidence_v4 (id, concept_id, source, symbol, context_fr, context_en, method,
                         confidence)
    SELECT id, concept_id, source, symbol, context_fr, context_en, method, confidence
    FROM evidence ORDER BY id;
DROP TABLE evidence;
ALTER TABLE evidence_v4 RENAME TO evidence;
CREATE INDEX evidence_concept ON evidence (concept_id);
UPDATE meta SET value = value + 1 WHERE key = 'data_version';
""" + "".join(
    f"""
CREATE TRIGGER evidence_version_{event[0].lower()} AFTER {event} ON evidence BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'data_version';
END;
"""
    for event in ("INSERT", "UPDATE", "DELETE")
)

#: Migration steps; step ``i`` (1-based) brings ``user_version`` from ``i - 1`` to ``i``.
MIGRATIONS: list[str] = [_V1, _V2, _V3, _V_TBX, _V_REVIEW, _V_SPANS]

#: The schema version this code writes.
VERSION = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    """The ``user_version`` of the database (0 for a new, empty file)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the pending migration steps in one transaction; return the new version.

    The connection must be in autocommit mode (``isolation_level=None``).
    """
    version = current_version(conn)
    if version > VERSION:
        raise TermbaseError(
            f"termbase schema version {version} is newer than this program's ({VERSION}); "
            "upgrade termalign"
        )
    if version == VERSION:
        return version
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Re-read under the write lock: another process may have migrated meanwhile.
        version = current_version(conn)
        for step in range(version, VERSION):
            for statement in _statements(MIGRATIONS[step]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step + 1}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return VERSION


def _statements(script: str) -> list[str]:
    """Split a migration script into complete statements (trigger bodies kept whole)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
