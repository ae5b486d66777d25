"""``termalign align`` and ``termalign eval`` from the command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_align import EN, FR

from aligner.formats import beads, tmx
from termalign.cli import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def pair(tmp_path):
    fr = tmp_path / "doc.fr.txt"
    en = tmp_path / "doc.en.txt"
    fr.write_text("\n".join(FR[:2]) + "\n\n" + "\n".join(FR[2:]) + "\n", "utf-8")
    en.write_text("\n".join(EN[:2]) + "\n\n" + "\n".join(EN[2:]) + "\n", "utf-8")
    return fr, en


@pytest.mark.parametrize("fmt", ["tmx", "tsv", "json", "beads"])
def test_align_segmented_every_format(runner, pair, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(cli, ["align", *map(str, pair), "--segmented", "-o", str(out),
                                 "--format", fmt])
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert "S/2021/297" in text or fmt == "beads"
    if fmt == "beads":
        assert [line.split(":")[:2] for line in text.splitlines()] == [
            [f"[{k}]", f"[{k}]"] for k in range(5)
        ]


def test_format_follows_the_output_suffix(runner, pair, tmp_path):
    out = tmp_path / "out.tmx"
    assert runner.invoke(cli, ["align", *map(str, pair), "--segmented", "-o", str(out)]).exit_code == 0
    assert len(tmx.load(out).units) == 5


def test_align_raw_documents(runner, seeds_root, tmp_path):
    out = tmp_path / "udhr.json"
    result = runner.invoke(cli, ["align", str(seeds_root / "udhr" / "udhr_fra.txt"),
                                 str(seeds_root / "udhr" / "udhr_eng.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert data["fr_document"] == "udhr_fra.txt"
    pairs = [b for b in data["beads"] if b["fr"] and b["en"]]
    assert len(pairs) >= 95
    assert any(b["fr_text"] == "Article 3" and b["en_text"] == "Article 3" for b in pairs)


def test_eval_reports_strict_and_lax(runner, tmp_path):
    pred = tmp_path / "pred.txt"
    gold = tmp_path / "gold.txt"
    pred.write_text("[0]:[0]\n[1, 2]:[1]\n[3]:[]\n", "utf-8")
    gold.write_text("[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[2]\n", "utf-8")
    result = runner.invoke(cli, ["eval", str(pred), str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["strict"]["precision"] == 0.5
    assert scores["lax"]["precision"] == 1.0
    assert round(scores["lax"]["recall"], 4) == round(2 / 3, 4)
    help_text = runner.invoke(cli, ["eval", "--help"]).output
    assert "vecalign" in help_text and "Lax" in help_text


def test_terms_file_and_termbase(runner, pair, tmp_path):
    terms = tmp_path / "terms.tsv"
    terms.write_text("fr\ten\nOTSC\tCSTO\n", "utf-8")
    out = tmp_path / "a.beads"
    result = runner.invoke(cli, ["align", *map(str, pair), "--segmented", "--terms", str(terms),
                                 "-o", str(out), "--format", "beads"])
    assert result.exit_code == 0, result.output
    assert "[3]:[3]" in out.read_text("utf-8")

    from termbase.model import Concept, Term
    from termbase.store import Termbase

    db = tmp_path / "tb.sqlite3"
    with Termbase.open(db) as termbase:
        termbase.add_concept(Concept(terms=[Term("fr", "OTSC", "acronym"),
                                            Term("en", "CSTO", "acronym")]))
    result = runner.invoke(cli, ["align", *map(str, pair), "--segmented", "--termbase", str(db),
                                 "--format", "beads"])
    assert result.exit_code == 0, result.output
    assert "[3]:[3]" in result.output


def test_missing_termbase_is_an_error(runner, pair, tmp_path):
    result = runner.invoke(cli, ["align", *map(str, pair), "--segmented", "--termbase",
                                 str(tmp_path / "none.sqlite3")])
    assert result.exit_code == 2
    assert "no such termbase" in result.output
    assert not (tmp_path / "none.sqlite3").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\n\n\n", "empty"), (b"\x00\x01\x02\x03binary\xff\xfe" * 50, "")],
    ids=["empty", "blank", "binary"],
)
def test_bad_input_is_one_line_exit_2(runner, pair, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = runner.invoke(cli, ["align", str(pair[0]), str(bad), "--segmented"])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("termalign: error: ")
    assert message in result.output
    assert "Traceback" not in result.output


def test_unrelated_documents_warn_and_flag(runner, seeds_root, tmp_path):
    lines_fr = (seeds_root / "unpc" / "UNv1.0.devset.fr").read_text("utf-8").splitlines()[:200]
    lines_en = (seeds_root / "unpc" / "UNv1.0.testset.en").read_text("utf-8").splitlines()[:200]
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text("\n".join(lines_fr), "utf-8")
    en.write_text("\n".join(lines_en), "utf-8")
    out = tmp_path / "out.tmx"
    result = runner.invoke(cli, ["align", str(fr), str(en), "--segmented", "-o", str(out)])
    assert result.exit_code == 1
    assert "do not look like translations" in result.output
    assert tmx.load(out).warnings and "x-warning" in out.read_text("utf-8")


def test_unequal_paragraph_counts_warn(runner, tmp_path):
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text("\n".join(FR) + "\n", "utf-8")
    en.write_text("\n".join(EN[:2]) + "\n\n" + "\n".join(EN[2:]) + "\n", "utf-8")
    result = runner.invoke(cli, ["align", str(fr), str(en), "--segmented", "--format", "beads"])
    assert result.exit_code == 0
    assert "paragraph counts differ (French 1, English 2)" in result.output
    assert [b.kind for b in beads.loads(result.stdout).beads()] == ["1-1"] * 5
