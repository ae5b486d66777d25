"""``align-corpus --manifest -`` (the CSV on standard input, paths relative to the current
folder) and ``--merged -`` (the merged TMX on standard output, the summary table on standard
error)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from aligner.formats import tmx
from benchmarks.corpora import udhr_parts
from termalign.cli import cli


def _pairs(seeds_root, folder, count: int = 2) -> None:
    for lang in ("fr", "en"):
        (folder / lang).mkdir(parents=True)
        for i, part in enumerate(udhr_parts(seeds_root, lang, 10)[:count]):
            (folder / lang / f"udhr-{i}.{lang}.txt").write_text(part, encoding="utf-8")


def test_manifest_from_stdin_and_merged_to_stdout(seeds_root, tmp_path, monkeypatch):
    _pairs(seeds_root, tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    manifest = ("fr,en\ndocs/fr/udhr-0.fr.txt,docs/en/udhr-0.en.txt\n"
                "docs/fr/udhr-1.fr.txt,docs/en/udhr-1.en.txt\n,docs/en/udhr-1.en.txt\n")
    result = CliRunner().invoke(cli, ["align-corpus", "--manifest", "-", "-o", "out",
                                      "--merged", "-", "--workers", "1"], input=manifest)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<?xml") and "<tmx" in result.stdout
    merged = tmp_path / "merged.tmx"
    merged.write_text(result.stdout, encoding="utf-8")
    per_pair = [tmx.load(tmp_path / "out" / f"udhr-{i}.tmx") for i in (0, 1)]
    assert [u.fr for u in tmx.load(merged).units] == [u.fr for a in per_pair for u in a.units]
    table = (tmp_path / "out" / "summary.txt").read_text(encoding="utf-8")
    assert table in result.stderr and table not in result.stdout
    assert "2 aligned, 0 already done, 0 failed" in result.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["merged"] == "-"
    assert summary["unpaired"] == [{"path": "-:4",
                                    "reason": "the row lacks a French or an English path"}]


def test_merged_to_a_file_keeps_the_table_on_stdout(seeds_root, tmp_path):
    _pairs(seeds_root, tmp_path / "docs", 1)
    manifest = tmp_path / "docs" / "m.csv"
    manifest.write_text("fr,en\nfr/udhr-0.fr.txt,en/udhr-0.en.txt\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["align-corpus", "--manifest", str(manifest), "-o",
                                      str(tmp_path / "out"), "--merged",
                                      str(tmp_path / "all.tmx"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "document pairs" in result.stdout and "<tmx" not in result.stdout
    assert len(tmx.load(tmp_path / "all.tmx").units) > 0


def test_manifest_from_stdin_without_columns_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["align-corpus", "--manifest", "-", "-o",
                                      str(tmp_path / "out")], input="a,b\nx,y\n")
    assert result.exit_code == 2
    assert result.stderr.strip() == "termalign: error: -: a manifest needs the columns fr and en"
