"""CLI plumbing: ``-`` as standard input/output, ``python -m termalign``, ``--json`` on build
and export, errors as JSON objects."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from termalign.cli import cli
from termbase.model import Concept, Term
from termbase.store import Termbase

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="fr" segtype="sentence" datatype="plaintext" adminlang="en"
 o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="fr"><seg>L'OTSC compte 6 membres.</seg></tuv>
<tuv xml:lang="en"><seg>The OTSC has 7 members.</seg></tuv></tu></body></tmx>"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "tb.sqlite3"
    with Termbase.open(path) as tb:
        tb.add_concept(Concept(kind="title", curated=True, terms=[
            Term("fr", "Organisation du Traité de sécurité collective"), Term("fr", "OTSC", "acronym"),
            Term("en", "Collective Security Treaty Organization"), Term("en", "CSTO", "acronym"),
            Term("en", "OTSC", "acronym", "deprecated")]))
    return path


def test_export_tbx_to_stdout_and_import_from_stdin(runner, db, tmp_path):
    result = runner.invoke(cli, ["export", "--tbx", "-", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<?xml") and "CSTO" in result.stdout
    assert "-: 1 concepts (tbx3)" in result.stderr
    assert not (tmp_path / "-").exists()
    fresh = tmp_path / "fresh.sqlite3"
    back = runner.invoke(cli, ["import", "-", "--db", str(fresh), "--json"], input=result.stdout)
    assert back.exit_code == 0, back.output
    assert json.loads(back.stdout) == {"file": "-", "added": 1, "merged": 0, "skipped": 0,
                                       "ignored": {}}


def test_export_json_summary(runner, db, tmp_path):
    out = tmp_path / "g.txt"
    result = runner.invoke(cli, ["export", "--glossary", str(out), "--tsv", str(tmp_path / "a.tsv"),
                                 "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"written": [
        {"file": str(tmp_path / "a.tsv"), "format": "tsv", "concepts": 1},
        {"file": str(out), "format": "glossary-fr", "lines": 2}]}
    assert out.read_text(encoding="utf-8").splitlines() == [
        "Organisation du Traité de sécurité collective\tCollective Security Treaty Organization"
        "\tavoid: OTSC",
        "OTSC\tCSTO\tavoid: OTSC"]


def test_check_reads_stdin_and_writes_stdout(runner, tmp_path):
    concepts = tmp_path / "c.tsv"
    concepts.write_text("title\tOTSC\tCSTO\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", "-", "--concepts", str(concepts), "--json", "-o", "-"],
                           input=TMX)
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert {i["kind"] for i in data["issues"]} >= {"number"}


def test_clean_and_align_with_dashes(runner, tmp_path):
    fr = tmp_path / "fr.txt"
    fr.write_text("Le Conseil de sécurité se réunit.\n\nIl adopte la résolution.\n", encoding="utf-8")
    cleaned = runner.invoke(cli, ["clean", "-", "-o", "-", "--lang", "fr"], input=fr.read_text())
    assert cleaned.exit_code == 0, cleaned.output
    assert "Conseil de sécurité" in cleaned.stdout
    en = "The Security Council meets.\n\nIt adopts the resolution.\n"
    aligned = runner.invoke(cli, ["align", str(fr), "-", "-o", "-", "--format", "tsv"], input=en)
    assert aligned.exit_code == 0, aligned.output
    assert "The Security Council meets." in aligned.stdout


@pytest.mark.parametrize("args, message", [
    (["import", "missing.tbx"], "missing.tbx: no such file"),
    (["export", "--tbx", "x.tbx", "--db", "{tmp}/none.sqlite3"], "no termbase there"),
    (["import", "-"], "expected a French and an English term"),
    (["export", "--bogus"], "No such option"),
])
def test_errors_are_json_objects_under_json(runner, tmp_path, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args] + ["--json"]
    if "--db" not in args:
        args += ["--db", str(tmp_path / "tb.sqlite3")]
    result = runner.invoke(cli, args, input="only one column\n")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    error = json.loads(line)
    assert message in error["error"] and error["exit_code"] == 2
    assert "stdin-" not in error["error"] and "Traceback" not in result.output


def test_errors_stay_one_text_line_without_json(runner, tmp_path):
    result = runner.invoke(cli, ["import", str(tmp_path / "missing.tbx"),
                                 "--db", str(tmp_path / "tb.sqlite3")])
    assert result.exit_code == 2
    assert result.stderr.startswith("termalign: error: ") and result.stderr.count("\n") == 1


def test_build_json(runner, tmp_path):
    doc = tmp_path / "doc.fr.txt"
    doc.write_text("L'Organisation du Traité de sécurité collective (OTSC) se réunit.\n",
                   encoding="utf-8")
    result = runner.invoke(cli, ["build", str(doc), "--no-curated", "--lang", "fr", "--json",
                                 "--db", str(tmp_path / "b.sqlite3")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["added"] >= 1 and data["stats"]["concepts"] == data["added"]


def test_python_dash_m(tmp_path):
    result = subprocess.run([sys.executable, "-m", "termalign", "import", "nothere.tbx", "--json",
                             "--db", str(tmp_path / "tb.sqlite3")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert json.loads(result.stderr) == {"error": "nothere.tbx: no such file", "exit_code": 2}


def test_shell_completion_as_the_readme_says():
    env = {"_TERMALIGN_COMPLETE": "bash_complete", "COMP_WORDS": "termalign exp",
           "COMP_CWORD": "1", "PATH": ""}
    result = subprocess.run([sys.executable, "-m", "termalign"], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.split() == ["plain,export"]
