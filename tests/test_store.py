"""The SQLite store: schema migrations, transactions, merging rules, history, import safety."""

from __future__ import annotations

import sqlite3

import pytest

from termbase import schema
from termbase.errors import NotFoundError, TermbaseError
from termbase.model import Concept, Evidence, Term
from termbase.store import Termbase
from termbase.transfer import export_file, import_file


def otsc(curated: bool = True, **extra) -> Concept:
    return Concept(
        kind="title", curated=curated, origin="seeds" if curated else "builder",
        terms=[Term("fr", "Organisation du Traité de sécurité collective"),
               Term("fr", "OTSC", "acronym"),
               Term("en", "Collective Security Treaty Organization"),
               Term("en", "CSTO", "acronym")],
        evidence=[Evidence("UNTERM")], **extra)


@pytest.fixture()
def tb(tmp_path):
    with Termbase.open(tmp_path / "tb.sqlite3") as store:
        yield store


def test_open_creates_schema_and_wal(tmp_path):
    path = tmp_path / "sub" / "tb.sqlite3"
    with Termbase.open(path) as store:
        assert schema.current_version(store.conn) == schema.VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    with Termbase.open(path) as store:  # reopening runs no migration twice
        assert store.stats()["concepts"] == 0


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "tb.sqlite3"
    Termbase.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    conn.close()
    with pytest.raises(TermbaseError, match="newer"):
        Termbase.open(path)


def test_pending_migrations_run_once_and_atomically(tmp_path, monkeypatch):
    path = tmp_path / "tb.sqlite3"
    with Termbase.open(path) as store:
        store.add_concept(otsc())
    broken = "CREATE TABLE extra (x INTEGER);\nCREATE TABLE extra (y INTEGER);"
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    monkeypatch.setattr(schema, "VERSION", len(schema.MIGRATIONS))
    with pytest.raises(TermbaseError):
        Termbase.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION - 1
    assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchall()
    conn.close()
    fixed = "CREATE TABLE extra (x INTEGER);\nCREATE INDEX extra_x ON extra (x);"
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS[:-1], fixed])
    with Termbase.open(path) as store:
        assert schema.current_version(store.conn) == schema.VERSION
        assert store.conn.execute("SELECT COUNT(*) FROM extra").fetchone()[0] == 0
        assert store.stats()["concepts"] == 1


def test_not_a_database(tmp_path):
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(TermbaseError, match="cannot open as a termbase"):
        Termbase.open(path)


def test_add_get_iter(tb):
    cid = tb.add_concept(otsc())
    got = tb.get_concept(cid)
    assert [t.text for t in got.terms_in("en")] == ["Collective Security Treaty Organization", "CSTO"]
    assert got.curated and got.kind == "title" and got.created
    tb.add_concept(Concept(kind="country", terms=[Term("fr", "Viet Nam", "shortForm")]))
    assert [c.kind for c in tb.iter_concepts()] == ["title", "country"]
    assert [c.kind for c in tb.iter_concepts(kind="country")] == ["country"]
    with pytest.raises(NotFoundError):
        tb.get_concept(999)


@pytest.mark.parametrize(
    "bad",
    [
        Concept(kind="person", terms=[Term("fr", "x")]),
        Concept(terms=[]),
        Concept(terms=[Term("de", "Vereinte Nationen")]),
        Concept(terms=[Term("fr", "x", type="noun")]),
        Concept(terms=[Term("fr", "x", status="official")]),
        Concept(terms=[Term("fr", "   ")]),
        Concept(terms=[Term("fr", "x")], evidence=[Evidence("doc", method="guess")]),
    ],
)
def test_invalid_concepts_are_refused(tb, bad):
    with pytest.raises(TermbaseError):
        tb.add_concept(bad)
    assert tb.stats()["concepts"] == 0


def test_transaction_rolls_back_and_nests(tb):
    with pytest.raises(RuntimeError), tb.transaction():
        tb.add_concept(otsc())
        raise RuntimeError("boom")
    assert tb.stats()["concepts"] == 0
    with tb.transaction():
        tb.add_concept(otsc())
        with pytest.raises(RuntimeError), tb.transaction():
            tb.add_concept(Concept(terms=[Term("fr", "inner")]))
            raise RuntimeError("inner")
    assert [c.terms[0].text for c in tb.iter_concepts()] == [otsc().terms[0].text]


def test_merge_is_idempotent(tb):
    assert tb.merge_concept(otsc())[1] == "added"
    before = tb.stats()
    cid, outcome = tb.merge_concept(otsc())
    assert (cid, outcome) == (1, "skipped")
    assert tb.stats() == before


def test_candidate_never_overwrites_curated(tb):
    cid = tb.add_concept(otsc())
    candidate = Concept(
        kind="term", confidence=0.4, note="guess",
        terms=[Term("fr", "OTSC", "variant", "deprecated"),
               Term("fr", "Organisation du traité de sécurité collective (OTSC)")],
        evidence=[Evidence("S/2021/297", context_fr="… l'OTSC …", method="acronym-definition")])
    assert tb.merge_concept(candidate) == (cid, "merged")
    got = tb.get_concept(cid)
    assert got.kind == "title" and got.curated and got.note == ""
    assert [(t.text, t.type, t.status) for t in got.terms] == [
        (t.text, t.type, t.status) for t in otsc().terms]
    assert [e.method for e in got.evidence] == ["curated", "acronym-definition"]
    assert tb.merge_concept(candidate) == (cid, "skipped")


def test_curated_data_upgrades_a_candidate(tb):
    cid = tb.add_concept(Concept(kind="term", confidence=0.5, terms=[
        Term("fr", "OTSC", "acronym", "admitted"),
        Term("fr", "Organisation du traite de securite collective")]))
    assert tb.merge_concept(otsc()) == (cid, "merged")
    got = tb.get_concept(cid)
    assert got.curated and got.kind == "title" and got.confidence == 1.0
    assert {t.text: t.status for t in got.terms}["OTSC"] == "preferred"
    assert len(got.terms) == 4  # the accentless full form is the same term, not a new one


def test_acronym_alone_does_not_merge_different_full_forms(tb):
    court = tb.add_concept(Concept(terms=[Term("fr", "Cour pénale internationale"),
                                          Term("fr", "CPI", "acronym")]))
    index_ = Concept(terms=[Term("fr", "indice des prix à la consommation"),
                            Term("fr", "CPI", "acronym")])
    cid, outcome = tb.merge_concept(index_)
    assert outcome == "added" and cid != court
    # An acronym alone now matches two concepts equally: nothing sensible to merge into.
    assert tb.merge_concept(Concept(terms=[Term("fr", "CPI", "acronym")])) == (0, "skipped")
    # With a full form it goes to the right one, and adds the English name.
    right = Concept(terms=[Term("fr", "CPI", "acronym"), Term("fr", "Cour penale internationale"),
                           Term("en", "International Criminal Court")])
    assert tb.merge_concept(right) == (court, "merged")
    assert tb.merge_concept(right) == (court, "skipped")


def test_update_delete_history(tb):
    cid = tb.add_concept(otsc())
    concept = tb.get_concept(cid)
    concept.note = "checked"
    concept.terms[1].status = "admitted"
    tb.update_concept(concept, who="editor")
    assert tb.get_concept(cid).terms[1].status == "admitted"
    assert tb.lookup("OTSC")[0].concept.id == cid
    tb.delete_concept(cid, who="editor")
    with pytest.raises(NotFoundError):
        tb.get_concept(cid)
    assert tb.lookup("OTSC") == []  # the FTS tables follow deletions
    history = tb.history(cid)
    assert [(h["action"], h["who"]) for h in history] == [("update", "editor"), ("delete", "editor")]
    assert history[0]["before"]["note"] == "" and history[0]["after"]["note"] == "checked"
    assert history[1]["after"] is None
    with pytest.raises(NotFoundError):
        tb.delete_concept(cid)


def test_failed_import_leaves_termbase_intact(tb, tmp_path):
    tb.add_concept(otsc())
    good = tmp_path / "good.tbx"
    export_file(tb, good)
    text = good.read_text(encoding="utf-8")
    # A second, broken entry after a valid one: the valid one must not be kept either.
    broken = tmp_path / "broken.tbx"
    entry = text[text.index("<conceptEntry"):text.index("</conceptEntry>") + 15]
    other = entry.replace('id="c1"', 'id="c2"').replace("OTSC", "OTSCX").replace(
        "Organisation du Traité", "Organisation du Pacte")
    broken.write_text(text.replace("</body>", other + "<conceptEntry id='c3'></body>"),
                      encoding="utf-8")
    before = [c.terms for c in tb.iter_concepts()]
    with pytest.raises(TermbaseError):
        import_file(tb, broken)
    assert [c.terms for c in tb.iter_concepts()] == before
    counts = import_file(tb, good)
    assert dict(counts) == {"added": 0, "merged": 0, "skipped": 1}


def test_csv_round_trip(tb, tmp_path):
    tb.add_concept(otsc(note='a "quoted", note\non two lines'))
    tb.add_concept(Concept(kind="country", terms=[Term("en", "Viet Nam", no_check=True)]))
    for name in ("out.csv", "out.tsv"):
        export_file(tb, tmp_path / name)
        with Termbase.open(tmp_path / f"{name}.sqlite3") as fresh:
            assert dict(import_file(fresh, tmp_path / name)) == {
                "added": 2, "merged": 0, "skipped": 0}
            a = [(c.kind, c.note, [(t.text, t.no_check) for t in c.terms]) for c in tb.iter_concepts()]
            b = [(c.kind, c.note, [(t.text, t.no_check) for t in c.terms])
                 for c in fresh.iter_concepts()]
            assert a == b


def test_stats(tb):
    tb.add_concept(otsc())
    stats = tb.stats()
    assert stats["concepts"] == 1 and stats["curated"] == 1
    assert stats["terms_by_lang"] == {"en": 2, "fr": 2}
    assert stats["by_kind"] == {"title": 1}
    assert stats["evidence_by_method"] == {"curated": 1}


def test_creation_is_recorded_only_with_an_editor(tb):
    built = tb.add_concept(otsc())  # builds and imports: no history, no cost
    assert tb.history(built) == []
    cid = tb.add_concept(otsc(note="from the web"), who="Marie Curie")
    [entry] = tb.history(cid)
    assert (entry["action"], entry["who"], entry["before"]) == ("create", "Marie Curie", None)
    assert entry["after"]["note"] == "from the web" and entry["after"]["id"] == cid
    assert [t["text"] for t in entry["after"]["terms"]][1] == "OTSC"


def test_migration_to_v2_keeps_a_version_1_termbase(tmp_path):
    path = tmp_path / "v1.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in schema._statements(schema.MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO concept (id, kind, created, modified) VALUES (7, 'title', 'x', 'x')")
    conn.execute("INSERT INTO term (concept_id, lang, text, folded) VALUES (7, 'fr', 'OTSC', 'otsc')")
    conn.execute("INSERT INTO history (concept_id, action, who, at, before, after)"
                 " VALUES (7, 'update', 'old editor', 'then', '{}', '{}')")
    with pytest.raises(sqlite3.IntegrityError):  # version 1 refuses a creation entry
        conn.execute("INSERT INTO history (concept_id, action, at) VALUES (7, 'create', 'now')")
    conn.close()
    with Termbase.open(path) as store:
        assert schema.current_version(store.conn) == schema.VERSION >= 2
        assert store.lookup("OTSC")[0].concept.id == 7  # data and search index kept
        assert [(h["action"], h["who"]) for h in store.history(7)] == [("update", "old editor")]
        cid = store.add_concept(otsc(), who="editor")
        assert [h["action"] for h in store.history(cid)] == ["create"]
        with pytest.raises(sqlite3.IntegrityError):
            store.conn.execute("INSERT INTO history (concept_id, action, at)"
                               " VALUES (7, 'rename', 'now')")


def test_data_version_changes_after_every_write_and_only_then(tmp_path):
    path = tmp_path / "tb.sqlite3"
    with Termbase.open(path) as store:
        start = store.data_version()
        with store.transaction():
            concept_id = store.add_concept(Concept("title", [Term("fr", "CEDEAO", "acronym")]))
        added = store.data_version()
        assert added > start
        store.get_concept(concept_id)
        assert store.data_version() == added  # reading is not writing
        with Termbase.open(path) as other:  # another connection sees the same number
            assert other.data_version() == added
            with other.transaction():
                other.delete_concept(concept_id)
        assert store.data_version() > added
