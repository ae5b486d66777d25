"""Imports (issue 17): control characters refused as in TBX, a size limit checked before
reading, a progress bar, and a bad file changes nothing (it is validated before any write)."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from webdata import build_termbase

from termalign.cli import cli
from termbase.csvfmt import write_rows
from termbase.errors import TermbaseError
from termbase.model import Concept, Term
from termbase.store import Termbase
from termbase.transfer import import_file


def _csv(path, concepts):
    buffer = io.StringIO()
    write_rows(concepts, buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _concepts(n: int, bad: str | None = None) -> list[Concept]:
    concepts = [Concept(kind="term", terms=[Term("fr", f"terme {i}"), Term("en", f"term {i}")])
                for i in range(n)]
    if bad is not None:
        concepts[-1].terms[0].text = f"terme{bad}piégé"
    return concepts


@pytest.fixture()
def db(tmp_path):
    return build_termbase(tmp_path / "tb.sqlite3")


def _count(db) -> int:
    with Termbase.open(db) as tb:
        return tb.count()


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f",
                                  "\ufffe", "\uffff"])
def test_control_characters_in_a_csv_import_are_refused_and_nothing_is_imported(db, tmp_path,
                                                                                char):
    path = _csv(tmp_path / "bad.csv", _concepts(50, bad=char))
    before = _count(db)
    result = CliRunner().invoke(cli, ["import", str(path), "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert "control character" in result.output and "concept 50" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert _count(db) == before  # the 49 good concepts before it were not imported either


@pytest.mark.parametrize("where", ["term", "note"])
def test_the_store_refuses_control_characters_from_any_source(tmp_path, where):
    concept = Concept(kind="term", terms=[Term("fr", "terme")])
    if where == "term":
        concept.terms[0].text = "ter\x1b[31mme"
    else:
        concept.note = "note\x00"
    with Termbase.open(tmp_path / "tb.sqlite3") as tb, pytest.raises(TermbaseError,
                                                                      match="control character"):
        tb.add_concept(concept)


def test_tabs_and_newlines_in_notes_are_kept(tmp_path):
    with Termbase.open(tmp_path / "tb.sqlite3") as tb:
        cid = tb.add_concept(Concept(kind="term", note="a\tb\nc", terms=[Term("fr", "terme")]))
        assert tb.get_concept(cid).note == "a\tb\nc"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(db, tmp_path):
    path = _csv(tmp_path / "big.csv", _concepts(40000))
    assert path.stat().st_size > 1 << 20
    result = CliRunner().invoke(cli, ["import", str(path), "--db", str(db), "--max-size", "1"])
    assert result.exit_code == 2
    assert "file too large to import" in result.output and str(path) in result.output
    with Termbase.open(db) as tb, pytest.raises(TermbaseError, match="too large"):
        import_file(tb, path, max_bytes=1000)


def test_the_import_shows_its_progress(db, tmp_path):
    path = _csv(tmp_path / "some.csv", _concepts(300))
    result = CliRunner().invoke(cli, ["import", str(path), "--db", str(db), "--progress"])
    assert result.exit_code == 0, result.output
    assert "importing some.csv" in result.output and "300 added" in result.output
    calls = []
    with Termbase.open(db) as tb:
        counts = import_file(tb, path, progress=lambda done, total: calls.append((done, total)))
    assert counts["skipped"] == 300 and calls[-1] == (300, 300) and len(calls) == 300


def test_importing_in_batches_inside_a_transaction_stays_one_transaction(db, tmp_path):
    path = _csv(tmp_path / "some.csv", _concepts(20))
    before = _count(db)
    with Termbase.open(db) as tb:
        with pytest.raises(RuntimeError), tb.transaction():
            import_file(tb, path)
            raise RuntimeError("roll back")
        assert tb.count() == before


def test_a_long_write_says_so_and_a_killed_writers_marker_is_ignored(tmp_path):
    import json
    import subprocess
    import sys

    from termbase.store import update_in_progress

    db = tmp_path / "tb.sqlite3"
    with Termbase.open(db) as tb:
        assert update_in_progress(db) is None
        with tb.long_write("import of x.tbx"):
            info = update_in_progress(db)
            assert info["what"] == "import of x.tbx"
        assert update_in_progress(db) is None
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    marker = tmp_path / "tb.sqlite3.updating"
    marker.write_text(json.dumps({"pid": dead.pid, "what": "build", "since": "x"}))
    assert update_in_progress(db) is None and not marker.exists()
    marker.write_text("not json")
    assert update_in_progress(db) is None


def test_each_batch_is_committed_before_the_next_one_starts(tmp_path, monkeypatch):
    import sqlite3

    from termbase import store

    monkeypatch.setattr(store, "BATCH_SECONDS", 0.0)  # one merge per batch
    monkeypatch.setattr(store, "YIELD_SECONDS", 0.0)
    db = tmp_path / "tb.sqlite3"
    seen = []
    with Termbase.open(db) as tb:
        other = sqlite3.connect(db, isolation_level=None)

        def done(_concept, _id, _outcome):  # (inside the batch's transaction)
            seen.append(other.execute("SELECT COUNT(*) FROM concept").fetchone()[0])

        tb.merge_batches(_concepts(3), done)
        other.close()
        assert not tb.conn.in_transaction and tb.count() == 3
    assert seen == [0, 1, 2]  # another connection saw each earlier batch committed


def test_lookup_never_prints_control_characters_raw(db):
    with Termbase.open(db) as tb:  # (an older termbase may hold some)
        tb.conn.execute("UPDATE term SET text = text || ?"
                        " WHERE text = 'Organisation du Traité de sécurité collective'",
                        ("\x1b[2J\x07",))
    result = CliRunner().invoke(cli, ["lookup", "--db", str(db), "OTSC"])
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b[2J\\x07" in result.output
