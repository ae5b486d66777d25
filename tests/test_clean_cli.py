"""``termalign clean`` through click's test runner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from termalign.cli import cli


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def letter(seeds_root):
    return seeds_root / "S-2021-297.fr.txt"


def test_text_output(runner, letter):
    result = runner.invoke(cli, ["clean", str(letter)])
    assert result.exit_code == 0, result.output
    blocks = result.output.split("\n\n")
    assert blocks[0] == "[masthead] Nations Unies"
    assert "[numbered] 1. La communauté internationale" in result.output
    assert "  notes: 1, 2" in result.output
    assert "  ref: mailto:dppa-scsb3@un.org" in result.output
    assert "[1] Uppsala Conflict Data Program, 2021." in result.output
    assert result.output.count("Uppsala") == 1 and result.output.endswith("2020).\n")
    assert "21-04084" not in result.output and "__________" not in result.output


def test_json_output(runner, letter):
    result = runner.invoke(cli, ["clean", str(letter), "--json", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["symbol"] == "S/2021/297" and data["lang"] == "fr"
    assert data["header"][0] == "Nations Unies"
    assert [n["number"] for n in data["footnotes"]] == ["1", "2"]
    first = next(p for p in data["paragraphs"] if p["kind"] == "numbered")
    assert first["marker"] == "1." and first["notes"] == ["1", "2"]
    assert "offsets" not in first and "source" not in data


def test_output_file_is_written_atomically(runner, letter, tmp_path):
    out = tmp_path / "clean.txt"
    out.write_text("old content", encoding="utf-8")
    result = runner.invoke(cli, ["clean", str(letter), "-o", str(out)])
    assert result.exit_code == 0 and result.output == ""
    assert out.read_text(encoding="utf-8").startswith("[masthead] Nations Unies")
    assert [p.name for p in tmp_path.iterdir()] == ["clean.txt"]  # no temporary file left


def test_english_language_option(runner, tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("1. The United Nations ' s role in con flict prevention is crucial.\n",
                    encoding="utf-8")
    result = runner.invoke(cli, ["clean", str(path), "--lang", "en"])
    assert result.exit_code == 0
    assert result.output == "[numbered] 1. The United Nations's role in conflict prevention is crucial.\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01\x02\x03" * 50, "binary")],
    ids=["empty", "binary"],
)
def test_bad_input_is_one_line_exit_2(runner, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(cli, ["clean", str(path)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("termalign: error:") and message in lines[0]
    assert "Traceback" not in result.output


def test_language_warning_on_stderr(runner, tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("The Security Council and the Secretary-General of the United Nations. " * 10,
                    encoding="utf-8")
    result = runner.invoke(cli, ["clean", str(path), "--lang", "fr"])
    assert result.exit_code == 0
    assert "termalign: warning: the text looks English, not French" in result.output


def test_missing_file(runner, tmp_path):
    result = runner.invoke(cli, ["clean", str(tmp_path / "nowhere.txt")])
    assert result.exit_code == 2 and "Traceback" not in result.output
