"""Concurrency and crash safety of the termbase file.

- ``termalign build`` (a long write transaction, in another process) while the web interface
  edits concepts: every edit waits for the build (WAL + busy timeout) instead of failing,
  nothing is corrupted and no edit is lost;
- ``kill -9`` in the middle of a build (incremental or ``--rebuild``) or of an import leaves
  the previous termbase intact.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from webdata import build_termbase

from termbase.model import Concept, Term
from termbase.store import Termbase
from web import create_app

TOKEN = "concurrency-token"
CLI = [sys.executable, "-c", "from termalign.cli import main; main()"]


def _snapshot(db: Path) -> list[tuple]:
    with Termbase.open(db) as tb:
        return [(c.id, c.kind, c.note, sorted((t.lang, t.text, t.status) for t in c.terms))
                for c in tb.iter_concepts()]


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _writer_holds_lock(db: Path) -> bool:
    """True while another connection holds the write lock (our BEGIN IMMEDIATE fails at once)."""
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    finally:
        conn.close()


def _wait_for(condition, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if process.poll() is not None:
            pytest.fail(f"the process ended before the condition was met: "
                        f"{process.stderr.read().decode() if process.stderr else ''}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("timed out waiting for the process")
        time.sleep(0.01)


def _start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([*CLI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


# -- a build while the web interface edits --------------------------------------------------


def _edit_form(client, concept_id: int, note: str) -> dict:
    page = client.get(f"/edit/{concept_id}").get_data(as_text=True)
    form = {"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)}
    with Termbase.open(client.application.config["TERMALIGN_DB"]) as tb:
        concept = tb.get_concept(concept_id)
    form.update(kind=concept.kind, subject=concept.subject, note=note,
                term_count=str(len(concept.terms)))
    for i, term in enumerate(concept.terms):
        form.update({f"term-{i}-id": str(term.id), f"term-{i}-text": term.text,
                     f"term-{i}-lang": term.lang, f"term-{i}-type": term.type,
                     f"term-{i}-status": term.status})
    return form


def test_build_while_the_web_interface_edits(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                      "EDIT_TOKEN": TOKEN, "TESTING": True})
    client = app.test_client()
    page = client.get("/edit/login").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post("/edit/login", data={"csrf_token": csrf, "name": "Tester",
                                            "token": TOKEN}).status_code in (302, 303)
    ids = [concept_id for concept_id, *_ in _snapshot(db)]
    build = _start(["build", "--db", str(db), "--quiet"])  # incremental: one long transaction
    edits: dict[int, str] = {}
    during = 0
    try:
        _wait_for(lambda: _writer_holds_lock(db), build)
        round_ = 0
        while build.poll() is None or round_ < 2:
            for concept_id in ids:
                note = f"edit {round_} of concept {concept_id}"
                locked = build.poll() is None and _writer_holds_lock(db)
                response = client.post(f"/edit/{concept_id}",
                                       data=_edit_form(client, concept_id, note))
                assert response.status_code in (302, 303), response.get_data(as_text=True)
                edits[concept_id] = note
                during += locked
            round_ += 1
    finally:
        build.wait(180)
    assert build.returncode == 0, build.stderr.read().decode()
    assert during >= 1  # at least one edit really waited for the build's transaction
    assert _integrity(db) == "ok"
    with Termbase.open(db) as tb:
        assert tb.count() > 100  # the build's work is there...
        for concept_id, note in edits.items():  # ... and so is every last edit
            assert tb.get_concept(concept_id).note == note
            assert tb.history(concept_id)


# -- kill -9 ---------------------------------------------------------------------------------


def _building_file(folder: Path) -> bool:
    return any(p.stat().st_size > 0 for p in folder.glob(".*.building*"))


def _wal_grew(db: Path, size: int) -> bool:
    wal = Path(f"{db}-wal")
    return wal.exists() and wal.stat().st_size > size


@pytest.mark.parametrize("rebuild", [False, True], ids=["incremental", "rebuild"])
def test_kill_9_during_a_build_leaves_the_termbase_intact(tmp_path, rebuild):
    db = build_termbase(tmp_path / "tb.sqlite3")
    before = _snapshot(db)
    build = _start(["build", "--db", str(db), "--quiet", *(["--rebuild"] if rebuild else [])])
    try:
        if rebuild:
            _wait_for(lambda: _building_file(tmp_path), build)
        else:
            _wait_for(lambda: _writer_holds_lock(db), build)  # inside its write transaction
        time.sleep(0.1)  # (the transaction lasts about a second)
        assert build.poll() is None, "the build finished before it could be killed"
        os.kill(build.pid, signal.SIGKILL)
    finally:
        build.wait(30)
    assert build.returncode == -signal.SIGKILL
    assert _integrity(db) == "ok"
    assert _snapshot(db) == before


def _big_tbx(tmp_path: Path) -> Path:
    """A TBX file of 6,000 concepts: importing it takes several seconds."""
    from termbase.tbx import dump

    concepts = [Concept(kind="term", terms=[Term("fr", f"terme numéro {n} du test"),
                                            Term("en", f"test term number {n}")])
                for n in range(6000)]
    path = tmp_path / "big.tbx"
    dump(concepts, path)
    return path


def test_kill_9_during_an_import_leaves_the_termbase_intact(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    tbx = _big_tbx(tmp_path)
    before = _snapshot(db)
    job = _start(["import", str(tbx), "--db", str(db)])
    try:
        _wait_for(lambda: _writer_holds_lock(db), job)
        _wait_for(lambda: _wal_grew(db, 64 * 1024), job)  # pages written: it is writing
        assert job.poll() is None, "the import finished before it could be killed"
        os.kill(job.pid, signal.SIGKILL)
    finally:
        job.wait(30)
    assert job.returncode == -signal.SIGKILL
    assert _integrity(db) == "ok"
    assert _snapshot(db) == before
    with Termbase.open(db) as tb, tb.transaction():  # and the termbase is writable again
        tb.add_concept(Concept(kind="term", terms=[Term("fr", "après"), Term("en", "after")]))
    assert _integrity(db) == "ok"
