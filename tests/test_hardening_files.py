"""Hostile input files: binary, wrong or mixed encodings, UTF-16 without BOM, empty, oversized
(a 200 MB sparse file), a ``.docx`` zip bomb, and text made to make regular expressions
backtrack (run in a subprocess with a time limit)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import threading
import time
import zipfile

import pytest
from click.testing import CliRunner

from aligner import readers
from aligner.errors import InputError
from termalign.cli import cli

FRENCH = "Le Conseil de sécurité s'est réuni le 19 avril 2021.\n\nLa séance est levée.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (FRENCH.encode("utf-16-le"), FRENCH),
        (FRENCH.encode("utf-16-be"), FRENCH),
        (FRENCH.encode("utf-16"), FRENCH),
        (FRENCH.encode("utf-8-sig"), FRENCH),
        (FRENCH.encode("cp1252"), FRENCH),
    ],
    ids=["utf16le-no-bom", "utf16be-no-bom", "utf16-bom", "utf8-bom", "cp1252"],
)
def test_encodings_are_decoded(tmp_path, data, expected):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    assert readers.read_text(path) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (bytes(range(256)) * 64, "binary"),
        (b"\x89PNG\r\n\x1a\n" + os.urandom(4000), "binary|encoding"),
        (b"\x7fELF\x02\x01\x01" + bytes(2000), "binary"),
    ],
    ids=["empty", "only-newlines", "all-bytes", "png", "elf"],
)
def test_non_text_is_a_clear_input_error(tmp_path, data, message):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        readers.read_text(path)
    result = CliRunner().invoke(cli, ["clean", str(path)])
    assert result.exit_code == 2
    assert result.output.startswith("termalign: error:") and result.output.count("\n") == 1


def test_mixed_encodings_give_text_or_a_clear_error(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Sécurité ".encode() + "Été ".encode("cp1252") + "€".encode("utf-16-le"))
    try:
        text = readers.read_text(path)
    except InputError:
        return
    assert "S" in text and "\x00" not in text


def test_a_200_mb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no disk space, no memory
        handle.truncate(200 * 1024 * 1024)
    start = time.monotonic()
    with pytest.raises(InputError, match="too large"):
        readers.read_text(path)
    assert time.monotonic() - start < 2
    result = CliRunner().invoke(cli, ["segment", str(path), "--lang", "fr"])
    assert result.exit_code == 2 and "too large" in result.output
    assert "Traceback" not in result.output


def test_documented_limit_is_50_mib():
    assert readers.MAX_INPUT_BYTES == 50 * 1024 * 1024


def test_a_file_that_lies_about_its_size_is_cut_off(monkeypatch, tmp_path):
    """A pipe (or a device, or a file still growing) has no honest size: reading stops at
    the limit."""
    monkeypatch.setattr(readers, "MAX_INPUT_BYTES", 4096)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def feed():
        with fifo.open("wb") as handle:
            handle.write(FRENCH.encode() * 200)  # about 14 kB, stat() says 0

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    with pytest.raises(InputError, match="too large"):
        readers.read_text(fifo)
    writer.join(5)  # 14 kB fit in the pipe's buffer: the writer never waits for a reader


def _bomb(member_bytes: int, claimed: int | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            member.write(b"<w:document xmlns:w='urn:x'><w:body>")
            chunk = b" " * (1 << 20)
            for _ in range(member_bytes >> 20):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    data = buffer.getvalue()
    if claimed is not None:  # rewrite the sizes in the headers: a lying archive
        real = (member_bytes + 58).to_bytes(8, "little")  # + the XML around the spaces
        assert real in data
        data = data.replace(real, claimed.to_bytes(8, "little"))
    return data


def test_docx_zip_bomb_is_refused(tmp_path):
    data = _bomb(readers.MAX_DOCX_XML_BYTES + (8 << 20))
    assert len(data) < 1 << 20  # a small file...
    path = tmp_path / "bomb.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match="too large once decompressed"):
        readers.read_text(path)
    result = CliRunner().invoke(cli, ["clean", str(path)])
    assert result.exit_code == 2 and "decompressed" in result.output


def test_docx_bomb_lying_about_its_size_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_DOCX_XML_BYTES", 4 << 20)
    path = tmp_path / "liar.docx"
    path.write_bytes(_bomb(16 << 20, claimed=1000))
    with pytest.raises(InputError):
        readers.read_text(path)


#: Inputs built to make a backtracking regular expression take quadratic or exponential
#: time; each is run through clean, segment, acronym extraction, folding and the checks.
ADVERSARIAL = {
    "letters-then-digit-hyphen": ("a", 200_000, "1-\nbonjour"),
    "letters": ("a", 100_000, ""),
    "capitals": ("A", 100_000, ""),
    "spaces": (" ", 100_000, "x"),
    "nbsp-spaces": ("\u00a0", 50_000, "."),
    "digits": ("1", 100_000, "x"),
    "digit-dots": ("1.", 50_000, ","),
    "thousands": ("1 000", 20_000, ",5x"),
    "hyphenated-acronym": ("A-", 50_000, "-"),
    "symbol-slashes": ("S/", 50_000, "-"),
    "parentheses": ("A (", 30_000, ""),
    "newline-spaces": ("\n \t", 30_000, "x"),
    "apostrophes": ("l ’", 30_000, "x"),
    "initials": ("A. ", 30_000, ""),
    "dates": ("1er ", 25_000, "avril"),
    "guillemets": ("« ", 50_000, "x"),
}

_RUNNER = textwrap.dedent("""
    import json, sys, time
    from aligner.clean import clean_text
    from aligner.errors import AlignerError
    from aligner.segment import split_sentences
    from checks import Checker, Segment
    from termbase.extract import find_definitions
    from termbase.fold import fold_term
    from termbase.model import Concept, Term

    checker = Checker([Concept("title", [Term("fr", "OTSC", "acronym"),
                                         Term("en", "CSTO", "acronym")])])
    calls = {
        "clean": lambda t: clean_text(t, "fr"),
        "segment": lambda t: split_sentences(t, "fr"),
        "acronyms": lambda t: find_definitions(t, "fr"),
        "fold": fold_term,
        "check": lambda t: checker.check([Segment(1, t, t)]),
    }
    for label, (unit, count, tail) in json.loads(sys.argv[1]).items():
        text = unit * count + tail
        for name, call in calls.items():
            start = time.perf_counter()
            try:
                call(text)
            except AlignerError:
                pass
            print(label, name, round(time.perf_counter() - start, 2), flush=True)
""")


@pytest.fixture(scope="module")
def backtracking_times() -> dict[str, dict[str, float]]:
    """Seconds per adversarial input and call, all run in one subprocess (120 s at most)."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _RUNNER, json.dumps(ADVERSARIAL)],
            capture_output=True, text=True, timeout=120,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"still running after 120 s; finished so far: {exc.stdout!r}")
    assert done.returncode == 0, done.stderr
    times: dict[str, dict[str, float]] = {}
    for line in done.stdout.splitlines():
        label, call, seconds = line.split()
        times.setdefault(label, {})[call] = float(seconds)
    return times


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_no_catastrophic_backtracking(backtracking_times, name):
    assert len(backtracking_times[name]) == 5
    slow = {call: t for call, t in backtracking_times[name].items() if t > 10}
    assert not slow, f"{name}: {slow}"


def _pdf_bomb(size: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``size`` bytes (about 1/1000 of it
    on disk)."""
    import zlib

    packer = zlib.compressobj(9)
    chunk = b"BT /F1 12 Tf 72 720 Td (A) Tj ET\n" + b" " * (1 << 20)
    data = b"".join(packer.compress(chunk) for _ in range(size >> 20)) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def test_pdf_decompression_bomb_is_refused(tmp_path):
    small = tmp_path / "small.pdf"
    small.write_bytes(_pdf_bomb(1 << 20))
    assert readers.read_text(small).strip() == "A"  # the same construction, harmless size
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_pdf_bomb(200 << 20))
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(InputError, match="unreadable PDF"):
        readers.read_text(bomb)
