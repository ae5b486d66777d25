"""``termalign align`` and ``termalign eval``: sentence alignment and its evaluation."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from aligner.errors import InputError
from aligner.evaluate import lax, strict
from aligner.formats import Alignment, beads, jsonfmt, tmx, tsv, xliff
from aligner.pipeline import align_sentences, sentences_from_text
from termalign.cli import paths, warn

FORMATS = {"tmx": tmx, "tsv": tsv, "json": jsonfmt, "beads": beads, "xliff": xliff}
SUFFIXES = {".tmx": "tmx", ".tsv": "tsv", ".json": "json", ".txt": "beads", ".fren": "beads",
            ".xlf": "xliff", ".xliff": "xliff"}
#: Exit code when the output was written but the two sides do not look like translations.
EXIT_UNRELATED = 1


def _terms_from_tsv(path: Path) -> list[tuple[str, str]]:
    pairs = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t"), 1):
            if not row or row[0].startswith("#") or (number == 1 and row[:2] == ["fr", "en"]):
                continue
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                raise InputError(f"{path}:{number}: expected a French and an English term")
            pairs.append((row[0].strip(), row[1].strip()))
    return pairs


def _terms_from_termbase(path: Path) -> list[tuple[str, str]]:
    from termbase.store import Termbase

    if not path.is_file():
        raise InputError(f"{path}: no such termbase")
    pairs = []
    with Termbase.open(path) as termbase:
        for concept in termbase.iter_concepts():
            usable = [t for t in concept.terms if t.status != "deprecated" and not t.no_check]
            fr = [t.text for t in usable if t.lang == "fr"]
            en = [t.text for t in usable if t.lang == "en"]
            pairs.extend((f, e) for f in fr for e in en)
    return pairs


def _format_for(name: str | None, output: Path | None) -> str:
    if name:
        return name
    if output is not None:
        return SUFFIXES.get(output.suffix.lower(), "tmx")
    return "tmx"


@click.command("align")
@click.argument("fr_file", metavar="FR", type=paths.IN)
@click.argument("en_file", metavar="EN", type=paths.IN)
@click.option("-o", "--output", type=paths.OUT,
              help="Write here (default, or -: standard output).")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)),
              help="Output format (default: from the -o suffix, else tmx).")
@click.option("--segmented", is_flag=True,
              help="Inputs hold one sentence per line (blank line = paragraph break); "
              "indices count sentence lines.")
@click.option("--termbase", "termbase_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Use the (fr, en) term pairs of this termbase as anchors.")
@click.option("--terms", "terms_path", type=paths.IN_DATA,
              help="Tab-separated file of (fr, en) term pairs to use as anchors.")
@click.option("--embed", is_flag=True,
              help="Add multilingual sentence embeddings to the score (needs termalign[embed]).")
@click.option("--source", type=click.Choice(["fr", "en"]), default=None,
              help="The original side (TMX srclang, first <tuv>); default: from the "
              "documents' 'Original:' lines, else fr.")
def align_command(fr_file, en_file, output, fmt, segmented, termbase_path, terms_path, embed,
                  source):
    """Align the French document FR with its English translation EN, sentence by sentence.

    FR and EN are cleaned and split into sentences first (any format termalign reads), unless
    --segmented. --source says which side is the original (default: the 'Original :
    anglais' / 'Original: French' lines, else French). Beads are 1-1, 1-2, 2-1, 2-2,
    1-3, 3-1, 1-0 and 0-1; each has a score in [0, 1] and beads under 0.3 are marked
    low-confidence (TMX prop x-low-confidence, TSV column low, JSON "low", ":low" in beads).
    TMX holds pairs only: 1-0/0-1 beads are counted in the header, not written as units.
    XLIFF 1.2 is for review in a CAT tool: target state translated, or
    needs-review-translation for a low-confidence bead.

    Exit status: 0 on success; 1 when the output was written but the two documents do not
    look like translations of each other (warning on standard error, flag in the output);
    2 on bad input (empty side, unreadable or binary file).
    """
    from aligner.direction import detect_source
    from aligner.readers import read_text

    fr_text, en_text = read_text(fr_file), read_text(en_file)
    fr, fr_paras = sentences_from_text(fr_text, "fr", segmented)
    en, en_paras = sentences_from_text(en_text, "en", segmented)
    if source is None:
        source = detect_source(fr_text, en_text).source
    terms: list[tuple[str, str]] = []
    if terms_path is not None:
        terms += _terms_from_tsv(terms_path)
    if termbase_path is not None:
        terms += _terms_from_termbase(termbase_path)
    embedder = None
    if embed:
        from aligner.align.embed import load_embedder

        embedder = load_embedder()
    result = align_sentences(fr, en, fr_paras, en_paras, terms=terms, embedder=embedder,
                             fr_name=fr_file.name, en_name=en_file.name, source=source)
    for message in result.warnings:
        warn(message)
    module = FORMATS[_format_for(fmt, output)]
    if output is None:
        click.echo(module.dumps(result.alignment), nl=False)
    else:
        module.dump(result.alignment, output)
    if result.unrelated:
        sys.exit(EXIT_UNRELATED)


def _load_any(path: Path) -> Alignment:
    kind = SUFFIXES.get(path.suffix.lower(), "beads")
    return FORMATS[kind].load(path)


@click.command("eval")
@click.argument("pred", type=paths.InputFile(exists=True))
@click.argument("gold", type=paths.InputFile(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_command(pred, gold, as_json):
    """Score the predicted alignment PRED against the gold alignment GOLD.

    Both are bead files ("[0]:[0, 1]" per line, as vecalign writes them; .tmx and .json
    outputs of termalign align are read too). The convention is that of vecalign's score.py:
    1-0 and 0-1 beads are left out of both sides. Strict: a predicted bead is correct when
    the identical bead is in the gold (recall: a gold bead identical to a predicted one).
    Lax: a predicted bead is correct when it shares at least one French and at least one
    English sentence with some gold bead (recall the same way round). F1 = 2PR / (P + R).
    """
    predicted = _load_any(pred).beads()
    reference = _load_any(gold).beads()
    for path, found in ((pred, predicted), (gold, reference)):
        if not found:
            raise InputError(f"{path}: no alignment in it (empty file?): nothing to score")
    rows = {"strict": strict(predicted, reference), "lax": lax(predicted, reference)}
    if as_json:
        data = {k: {"precision": v.precision, "recall": v.recall, "f1": v.f1}
                for k, v in rows.items()}
        click.echo(json.dumps(data, indent=2))
        return
    click.echo("         precision  recall      F1")
    for name, s in rows.items():
        click.echo(f"{name:8s} {s.precision:9.4f} {s.recall:7.4f} {s.f1:7.4f}")


def register(group: click.Group) -> None:
    """Add ``align`` and ``eval`` to the ``termalign`` command group."""
    group.add_command(align_command)
    group.add_command(eval_command)
