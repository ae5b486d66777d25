"""``aligner.pipeline``: the one document-pair pipeline behind the CLI, batch, checks and web."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_align import EN, FR

from aligner.errors import AlignmentError, InputError
from aligner.formats import jsonfmt
from aligner.pipeline import (
    align_files,
    align_sentences,
    align_texts,
    read_sentences,
    sentences_from_text,
)
from aligner.readers import read_text
from checks.inputs import align_documents
from termalign.cli import cli

SEGMENTED_FR = "\n".join(FR[:2]) + "\n\n" + "\n".join(FR[2:]) + "\n"
SEGMENTED_EN = "\n".join(EN[:2]) + "\n\n" + "\n".join(EN[2:]) + "\n"


@pytest.fixture(scope="module")
def udhr(seeds_root):
    return seeds_root / "udhr" / "udhr_fra.txt", seeds_root / "udhr" / "udhr_eng.txt"


@pytest.fixture(scope="module")
def udhr_result(udhr):
    return align_files(*udhr)


def test_read_sentences_is_sentences_from_text_of_the_file(udhr):
    fr_path, _ = udhr
    sentences, paragraphs = read_sentences(fr_path, "fr")
    assert (sentences, paragraphs) == sentences_from_text(read_text(fr_path), "fr")
    assert len(sentences) == len(paragraphs) > 100
    assert "Article 3" in sentences
    assert paragraphs == sorted(paragraphs)


@pytest.mark.parametrize("segmented", [False, True])
def test_cli_writes_what_the_pipeline_returns(udhr, udhr_result, tmp_path, segmented):
    fr_path, en_path = udhr
    if segmented:  # the sentences, one per line: the same alignment in segmented mode
        fr_path, en_path = tmp_path / fr_path.name, tmp_path / en_path.name
        for side, source in (("fr", udhr[0]), ("en", udhr[1])):
            target = fr_path if side == "fr" else en_path
            target.write_text("\n".join(read_sentences(source, side)[0]) + "\n", "utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["align", str(fr_path), str(en_path), "-o", str(out),
                                      *(["--segmented"] if segmented else [])])
    assert result.exit_code == 0, result.output
    expected = align_files(fr_path, en_path, segmented=True) if segmented else udhr_result
    assert out.read_text("utf-8") == jsonfmt.dumps(expected.alignment)


def test_related_documents(udhr_result):
    assert not udhr_result.unrelated
    assert udhr_result.alignment.warnings == []
    assert (udhr_result.alignment.fr_name, udhr_result.alignment.en_name) == (
        "udhr_fra.txt", "udhr_eng.txt")
    pairs = [u for u in udhr_result.alignment.units if u.fr_ids and u.en_ids]
    assert len(pairs) >= 95
    assert len(udhr_result.beads) == len(udhr_result.alignment.units)


def test_checks_align_documents_gives_the_pipeline_pairs(udhr, udhr_result):
    segments = align_documents(*udhr)
    pairs = [u for u in udhr_result.alignment.units if u.fr_ids and u.en_ids]
    assert [(s.fr, s.en) for s in segments] == [(u.fr, u.en) for u in pairs]
    assert [s.number for s in segments] == list(range(1, len(pairs) + 1))


def test_paragraph_warning_is_for_the_user_only():
    result = align_texts("\n".join(FR) + "\n", SEGMENTED_EN, segmented=True)
    assert result.warnings == [
        "paragraph counts differ (French 1, English 2): paragraph breaks are used as hints only"
    ]
    assert result.alignment.warnings == []
    assert [b.kind for b in result.beads] == ["1-1"] * 5


def test_unrelated_documents_are_flagged(seeds_root):
    lines_fr = (seeds_root / "unpc" / "UNv1.0.devset.fr").read_text("utf-8").splitlines()[:150]
    lines_en = (seeds_root / "unpc" / "UNv1.0.testset.en").read_text("utf-8").splitlines()[:150]
    result = align_sentences(lines_fr, lines_en, fr_name="a.fr", en_name="b.en")
    assert result.unrelated
    assert len(result.alignment.warnings) == 1
    assert result.warnings == result.alignment.warnings
    assert "do not look like translations" in result.warnings[0]


def test_terms_reach_the_aligner():
    result = align_texts(SEGMENTED_FR, SEGMENTED_EN, segmented=True, terms=[("OTSC", "CSTO")],
                         fr_name="fr.txt", en_name="en.txt")
    assert [(u.fr_ids, u.en_ids) for u in result.alignment.units] == [((k,), (k,)) for k in range(5)]
    assert result.fr_paragraphs == [0, 0, 1, 1, 1]


def test_empty_side(tmp_path):
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text(SEGMENTED_FR, "utf-8")
    en.write_text("21-05678 (F)\n__________\n", "utf-8")  # a job number and a rule only
    with pytest.raises(InputError, match=r"en\.txt: the English side has no sentences"):
        align_files(fr, en)
    with pytest.raises(AlignmentError, match="no sentences"):
        align_texts(SEGMENTED_FR, "\n", segmented=True)
