"""Atomic writes (issue 17): outputs never replace inputs, symbolic links are written
through, permissions are kept, special files are written directly, the debris of a killed
run is removed by the next one and messages name the user's path."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ioguard.atomic import clean_debris, replacing, write_text
from termalign.cli import cli

DOC = "Le Conseil de sécurité se réunit.\n\nIl adopte la résolution.\n"


@pytest.fixture()
def doc(tmp_path) -> Path:
    path = tmp_path / "doc.fr.txt"
    path.write_text(DOC, encoding="utf-8")
    return path


def _run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize("command", ["clean", "segment"])
@pytest.mark.parametrize("spelling", ["same", "dot", "link"])
def test_an_output_equal_to_the_input_is_refused(doc, command, spelling):
    output = {"same": doc, "dot": doc.parent / "." / doc.name, "link": doc.parent / "ln"}[spelling]
    if spelling == "link":
        output.symlink_to(doc)
    result = _run(command, doc, "--lang", "fr", "-o", output)
    assert result.exit_code == 2
    assert "would overwrite an input" in result.output and "Traceback" not in result.output
    assert doc.read_text(encoding="utf-8") == DOC


def test_a_symbolic_link_is_written_through(doc, tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert _run("clean", doc, "--lang", "fr", "-o", link).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "[body] Le Conseil" in real.read_text(encoding="utf-8")


def test_permissions_are_kept_and_read_only_files_refused(doc, tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    assert _run("clean", doc, "-o", out).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    out.chmod(0o444)
    result = _run("clean", doc, "-o", out)
    assert result.exit_code == 2 and f"{out}: read-only file" in result.output
    assert out.read_text(encoding="utf-8") != "old" and stat.S_IMODE(out.stat().st_mode) == 0o444


def test_a_special_file_is_written_directly(doc):
    result = subprocess.run([sys.executable, "-c", "from termalign.cli import main; main()",
                             "clean", str(doc), "-o", "/dev/stdout"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "[body] Le Conseil" in result.stdout
    assert os.path.islink("/dev/stdout")  # still the link it was


def test_a_directory_target_is_one_clear_error(doc, tmp_path):
    result = _run("clean", doc, "-o", tmp_path)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_the_debris_of_a_killed_writer_is_removed_by_the_next_write(tmp_path):
    target = tmp_path / "out.tbx"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    debris = [tmp_path / f".out.tbx.{dead.pid}.abcd1234.tmp",
              tmp_path / f".tb.sqlite3.{dead.pid}.abcd1234.building",
              tmp_path / f".tb.sqlite3.{dead.pid}.abcd1234.building-wal"]
    alive = tmp_path / f".out.tbx.{os.getpid()}.zzzz9999.tmp"  # a running writer's file
    other = tmp_path / ".out.tbx.notapid.tmp"
    for path in [*debris, alive, other]:
        path.write_text("x")
    write_text(target, "new")
    assert target.read_text() == "new"
    assert not debris[0].exists() and alive.exists() and other.exists()
    assert clean_debris(tmp_path / "tb.sqlite3", ".building") == debris[1:]
    assert not any(p.exists() for p in debris)


def test_a_failed_write_names_the_users_path_and_leaves_the_old_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), replacing(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("crash")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    with pytest.raises(OSError) as info:
        write_text(tmp_path / "no-such-folder" / "out.txt", "x")
    assert str(tmp_path / "no-such-folder" / "out.txt") in str(info.value)
    assert ".tmp" not in str(info.value)
