"""The hostile suite, command line: every command on every hostile file gives a result or
one clear line on standard error, with exit code 0, 1 or 2 — never a traceback, never an
internal error — leaves no temporary file behind, and never harms the termbase."""

from __future__ import annotations

import sqlite3
import time

import pytest
from click.testing import CliRunner
from hostile_inputs import HOSTILE
from webdata import build_termbase

from termalign.cli import cli

#: A case taking longer than this is a hang (issue 17's target for the hostile suite).
HANG_SECONDS = 30
GOOD_EN = "The Security Council met.\n\nIt adopted the resolution.\n"
GOOD_FR = "Le Conseil de sécurité s'est réuni.\n\nIl a adopté la résolution.\n"
#: command -> (arguments with {f} for the hostile file, suffix when the input has none).
COMMANDS = {
    "clean": (["clean", "{f}", "-o", "{out}/clean.txt"], ".txt"),
    "clean-json": (["clean", "{f}", "--json"], ".txt"),
    "segment": (["segment", "{f}", "--lang", "fr", "-o", "{out}/seg.txt"], ".txt"),
    "align-fr": (["align", "{f}", "{en}", "-o", "{out}/a.tmx"], ".txt"),
    "align-en": (["align", "{fr}", "{f}", "--format", "tsv"], ".txt"),
    "check": (["check", "{f}", "--db", "{db}", "--format", "json"], ".tsv"),
    "check-docs": (["check", "{f}", "{en}", "--db", "{db}"], ".txt"),
    "import": (["import", "{f}", "--db", "{db}"], ".csv"),
    "eval": (["eval", "{f}", "{gold}"], ".json"),
    "lookup": (["lookup", "--db", "{db}", "{text}"], ".txt"),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-cli")
    db = build_termbase(root / "tb.sqlite3")
    (root / "en.txt").write_text(GOOD_EN, encoding="utf-8")
    (root / "fr.txt").write_text(GOOD_FR, encoding="utf-8")
    (root / "gold.txt").write_text("[0]:[0]\n[1]:[1]\n", encoding="utf-8")
    (root / "out").mkdir()
    return root, db


def _integrity(db) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_gives_a_result_or_one_line(world, name, command, tmp_path):
    root, db = world
    data, natural = HOSTILE[name]
    args, suffix = COMMANDS[command]
    path = tmp_path / f"{name}{natural or suffix}"
    path.write_bytes(data)
    text = data[:300].decode("utf-8", "replace").replace("\x00", "") or "x"
    out = tmp_path / "out"
    out.mkdir()
    argv = [a.format(f=path, out=out, en=root / "en.txt", fr=root / "fr.txt", db=db,
                     gold=root / "gold.txt", text=text) for a in args]
    started = time.monotonic()
    result = CliRunner().invoke(cli, argv)
    assert time.monotonic() - started < HANG_SECONDS  # (the suite's "no hang" promise)
    output = result.output
    assert result.exit_code in (0, 1, 2), (result.exit_code, output[-2000:])
    assert "Traceback" not in output and "internal error" not in output, output[-2000:]
    if result.exit_code == 2:
        errors = [line for line in output.splitlines()  # (a JSON object under --json)
                  if line.startswith(("termalign: error:", "Error:", '{"error": '))]
        assert len(errors) == 1, output[-2000:]
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no debris
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    if command == "import":
        assert _integrity(db) == "ok"
