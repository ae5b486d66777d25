"""Concurrency and crash safety of the termbase file.

- ``termalign build`` and a 40,000-concept ``termalign import`` (long writes in another
  process, merged in short batches) while the web interface edits concepts: an edit made
  while the writer holds the lock waits for it instead of failing, nothing is corrupted, no
  edit is lost, and the web interface says that the termbase is being updated;
- ``kill -9`` in the middle of ``build --rebuild`` leaves the previous termbase intact (and
  the next run removes the debris); in the middle of an incremental build or an import it
  leaves whole concepts only, and running it again completes the work.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
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


def _login(client) -> None:
    page = client.get("/edit/login").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post("/edit/login", data={"csrf_token": csrf, "name": "Tester",
                                            "token": TOKEN}).status_code in (302, 303)


def _web_client(db: Path, tmp_path: Path):
    app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                      "EDIT_TOKEN": TOKEN, "TESTING": True})
    client = app.test_client()
    _login(client)
    return client


def _edit(client, concept_id: int, note: str) -> None:
    response = client.post(f"/edit/{concept_id}", data=_edit_form(client, concept_id, note))
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:500]


def _edit_while_paused_holding_the_lock(client, db: Path, job: subprocess.Popen,
                                        concept_id: int, note: str) -> float:
    """Freeze the writer (SIGSTOP) at a moment it holds the write lock, make an edit, let the
    writer go on 1 s later: the edit must wait for it and succeed. Returns the edit's wait."""
    deadline = time.monotonic() + 120
    while True:
        assert job.poll() is None, "the writer ended before it could be caught holding the lock"
        assert time.monotonic() < deadline, "never caught the writer holding the lock"
        os.kill(job.pid, signal.SIGSTOP)
        if _writer_holds_lock(db):
            break
        os.kill(job.pid, signal.SIGCONT)
        time.sleep(0.003)
    resume = threading.Timer(1.0, os.kill, (job.pid, signal.SIGCONT))
    resume.start()
    try:
        started = time.monotonic()
        _edit(client, concept_id, note)
        return time.monotonic() - started
    finally:
        resume.join()
        os.kill(job.pid, signal.SIGCONT)


def _edit_during(job: subprocess.Popen, client, db: Path, ids: list[int]) -> dict[int, str]:
    """Edit every concept in turn while ``job`` runs (and twice more after); one edit is
    made while the job is frozen holding the write lock. Returns the last note of each."""
    edits: dict[int, str] = {}
    _wait_for(lambda: _writer_holds_lock(db), job)
    waited = _edit_while_paused_holding_the_lock(client, db, job, ids[0], "edit made while locked")
    assert waited >= 0.9  # it really waited for the writer's transaction...
    edits[ids[0]] = "edit made while locked"  # ... and is checked below like the others
    round_ = 0
    while job.poll() is None or round_ < 2:
        for concept_id in ids:
            note = f"edit {round_} of concept {concept_id}"
            _edit(client, concept_id, note)
            edits[concept_id] = note
        round_ += 1
    return edits


def _assert_kept(db: Path, edits: dict[int, str]) -> None:
    assert _integrity(db) == "ok"
    with Termbase.open(db) as tb:
        for concept_id, note in edits.items():
            assert tb.get_concept(concept_id).note == note
            assert tb.history(concept_id)


def test_build_while_the_web_interface_edits(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    client = _web_client(db, tmp_path)
    ids = [concept_id for concept_id, *_ in _snapshot(db)]
    build = _start(["build", "--db", str(db), "--quiet"])  # incremental: batches of merges
    try:
        edits = _edit_during(build, client, db, ids)
    finally:
        build.wait(180)
    assert build.returncode == 0, build.stderr.read().decode()
    with Termbase.open(db) as tb:
        assert tb.count() > 100  # the build's work is there...
    _assert_kept(db, edits)  # ... and so is every last edit


def _tbx_of(tmp_path: Path, count: int) -> Path:
    from termbase.tbx import dump

    concepts = [Concept(kind="term", terms=[Term("fr", f"terme numéro {n} de l’essai"),
                                            Term("en", f"test term number {n}")])
                for n in range(count)]
    path = tmp_path / f"import-{count}.tbx"
    dump(concepts, path)
    return path


def test_a_40000_concept_import_while_the_web_interface_edits(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    before = _snapshot(db)
    tbx = _tbx_of(tmp_path, 40000)
    client = _web_client(db, tmp_path)
    ids = [concept_id for concept_id, *_ in before]
    job = subprocess.Popen([*CLI, "import", str(tbx), "--db", str(db), "--json"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    saw_notice = False
    try:
        _wait_for(lambda: _writer_holds_lock(db), job)
        saw_notice = "being updated (import of" in client.get("/").get_data(as_text=True)
        edits = _edit_during(job, client, db, ids)
        out, err = job.communicate(timeout=300)
    finally:
        if job.poll() is None:
            job.kill()
    assert job.returncode == 0, err.decode()
    counts = json.loads(out)
    assert (counts["added"], counts["merged"], counts["skipped"]) == (40000, 0, 0)
    assert saw_notice  # the web interface said that the termbase was being updated
    assert "being updated" not in client.get("/").get_data(as_text=True)
    with Termbase.open(db) as tb:
        assert tb.count() == len(before) + 40000
    _assert_kept(db, edits)  # every edit made during the import is there


# -- kill -9 ---------------------------------------------------------------------------------


def _building_file(folder: Path) -> bool:
    return any(p.stat().st_size > 0 for p in folder.glob(".*.building*"))


def _wal_grew(db: Path, size: int) -> bool:
    wal = Path(f"{db}-wal")
    return wal.exists() and wal.stat().st_size > size


def test_kill_9_during_a_rebuild_leaves_the_termbase_intact_and_no_debris(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    before = _snapshot(db)
    build = _start(["build", "--db", str(db), "--quiet", "--rebuild"])
    try:
        _wait_for(lambda: _building_file(tmp_path), build)
        time.sleep(0.1)
        assert build.poll() is None, "the build finished before it could be killed"
        os.kill(build.pid, signal.SIGKILL)
    finally:
        build.wait(30)
    assert build.returncode == -signal.SIGKILL
    assert _integrity(db) == "ok"
    assert _snapshot(db) == before
    assert list(tmp_path.glob(".*.building*"))  # the killed run's debris...
    again = _start(["build", "--db", str(db), "--quiet", "--rebuild"])
    assert again.wait(300) == 0, again.stderr.read().decode()
    assert not list(tmp_path.glob(".*.building*"))  # ... is cleaned by the next run


def test_kill_9_during_an_incremental_build_is_completed_by_the_next_build(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    reference = build_termbase(tmp_path / "ref" / "tb.sqlite3")
    done = _start(["build", "--db", str(reference), "--quiet"])
    assert done.wait(300) == 0, done.stderr.read().decode()
    build = _start(["build", "--db", str(db), "--quiet"])
    try:
        _wait_for(lambda: _writer_holds_lock(db), build)
        time.sleep(0.3)
        assert build.poll() is None, "the build finished before it could be killed"
        os.kill(build.pid, signal.SIGKILL)
    finally:
        build.wait(30)
    assert build.returncode == -signal.SIGKILL
    assert _integrity(db) == "ok"
    again = _start(["build", "--db", str(db), "--quiet"])
    assert again.wait(300) == 0, again.stderr.read().decode()
    assert _snapshot(db) == _snapshot(reference)
    assert not Path(f"{db}.updating").exists()


def _big_tbx(tmp_path: Path) -> Path:
    """A TBX file of 6,000 concepts: importing it takes several seconds."""
    from termbase.tbx import dump

    concepts = [Concept(kind="term", terms=[Term("fr", f"terme numéro {n} du test"),
                                            Term("en", f"test term number {n}")])
                for n in range(6000)]
    path = tmp_path / "big.tbx"
    dump(concepts, path)
    return path


def test_kill_9_during_an_import_leaves_whole_concepts_and_a_rerun_completes_it(tmp_path):
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
    after = _snapshot(db)
    assert after[:len(before)] == before  # the termbase as it was...
    assert len(after) < len(before) + 6000
    for _id, _kind, _note, terms in after[len(before):]:  # ... plus whole concepts only
        assert [lang for lang, *_ in terms] == ["en", "fr"]
    again = subprocess.run([*CLI, "import", str(tbx), "--db", str(db), "--json"],
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    counts = json.loads(again.stdout)
    assert counts["added"] + counts["skipped"] == 6000 and counts["skipped"] == len(after) - len(
        before)
    assert len(_snapshot(db)) == len(before) + 6000
    assert _integrity(db) == "ok"


# -- align-corpus workers end with their parent -------------------------------------------------


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(stat_file.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has ended (its new parent may not reap it)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_kill_9_of_align_corpus_leaves_no_worker_running(tmp_path, seeds_root):
    for lang, name in (("fr", "udhr_fra.txt"), ("en", "udhr_eng.txt")):
        (tmp_path / lang).mkdir()
        for n in range(30):
            (tmp_path / lang / f"d{n}.txt").write_bytes((seeds_root / "udhr" / name).read_bytes())
    job = _start(["align-corpus", str(tmp_path / "fr"), str(tmp_path / "en"),
                  "-o", str(tmp_path / "out"), "--workers", "2", "--quiet"])
    try:
        _wait_for(lambda: len(_descendants(job.pid)) >= 4, job)  # tracker, forkserver, 2 workers
        family = _descendants(job.pid)
        os.kill(job.pid, signal.SIGKILL)
    finally:
        job.wait(30)
    deadline = time.monotonic() + 20
    while any(_running(pid) for pid in family) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in family if _running(pid)]
    for pid in left:  # (clean up before failing)
        os.kill(pid, signal.SIGKILL)
    assert not left, "processes left running after kill -9 of align-corpus"
