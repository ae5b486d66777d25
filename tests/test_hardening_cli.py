"""``termalign clean``, ``segment`` and ``check`` on hostile files: a result or a one-line
error, exit code 0, 1 or 2, never a traceback."""

from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_hardening_fuzz import PIECES
from webdata import build_termbase

from termalign.cli import cli

CLI_FUZZ = settings(
    max_examples=25,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=10)), max_size=80).map("".join),
    st.sampled_from(["", "\n" * 300, "a" * 30000, "\t\t\n\t", "x\ty\tz\n" * 50]),
)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                             "cp1252", "latin-1"])
raw = st.binary(max_size=2000)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_termbase(tmp_path_factory.mktemp("cli") / "tb.sqlite3")


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def _run(args: list[str]):
    result = CliRunner().invoke(cli, args, catch_exceptions=True)
    output = result.output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}")
    assert result.exit_code in (0, 1, 2), (result.exit_code, output[-500:])
    if result.exit_code == 2:
        errors = [line for line in output.splitlines()  # a JSON object under --json
                  if line.startswith(("termalign: error:", '{"error": '))]
        assert len(errors) == 1 or output.startswith("Usage:") or "Error:" in output, output
    return result


@CLI_FUZZ
@given(data=st.one_of(st.builds(_encode, texts, encodings), raw),
       suffix=st.sampled_from([".txt", ".docx", ".pdf", ".md", ""]),
       lang=st.sampled_from(["fr", "en"]))
def test_clean_and_segment_never_crash(tmp_path_factory, data, suffix, lang):
    path = tmp_path_factory.mktemp("in") / f"doc{suffix}"
    path.write_bytes(data)
    _run(["clean", str(path), "--lang", lang])
    _run(["clean", str(path), "--json"])
    _run(["segment", str(path), "--lang", lang])


@CLI_FUZZ
@given(data=st.one_of(st.builds(_encode, texts, encodings), raw,
                      st.builds(lambda a, b: _encode(f"{a}\t{b}\n", "utf-8"), texts, texts)),
       suffix=st.sampled_from([".tsv", ".tmx", ".xlf", ".txt"]))
def test_check_never_crashes(tmp_path_factory, db, data, suffix):
    path = tmp_path_factory.mktemp("in") / f"pairs{suffix}"
    path.write_bytes(data)
    _run(["check", str(path), "--db", str(db)])
    _run(["check", str(path), "--db", str(db), "--format", "json"])


@CLI_FUZZ
@given(fr=st.builds(_encode, texts, encodings), en=st.builds(_encode, texts, encodings))
def test_check_of_two_documents_never_crashes(tmp_path_factory, db, fr, en):
    folder = tmp_path_factory.mktemp("docs")
    (folder / "fr.txt").write_bytes(fr)
    (folder / "en.txt").write_bytes(en)
    _run(["check", str(folder / "fr.txt"), str(folder / "en.txt"), "--db", str(db)])


@pytest.mark.parametrize("name", ["missing.txt", "."])
def test_missing_or_directory_input_is_one_line(tmp_path, name):
    target = tmp_path / name if name != "." else tmp_path
    for args in (["clean", str(target)], ["segment", str(target), "--lang", "fr"],
                 ["check", str(target)]):
        result = _run(args)
        assert result.exit_code == 2
