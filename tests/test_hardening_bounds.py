"""Bounded work (issue 17): a line-length limit for documents, a time budget per check or
alignment request, and one-line errors for the inputs that used to slip through (undefined
cp1252 bytes, bad PDFs with pypdf's warnings, empty or deeply nested alignments, a manifest
field over csv's limit)."""

from __future__ import annotations

import io
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from webdata import build_termbase

from aligner.errors import InputError
from aligner.readers import MAX_LINE_CHARS, decode_bytes
from termalign.cli import cli
from web import create_app

CLI = [sys.executable, "-c", "from termalign.cli import main; main()"]
FR = ["Le Conseil de sécurité se réunit.", "Il adopte la résolution 2021."]
EN = ["The Security Council meets.", "It adopts resolution 2021."]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_termbase(tmp_path_factory.mktemp("bounds") / "tb.sqlite3")


@pytest.fixture()
def make_client(db, tmp_path):
    def make(**config):
        app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                          "TESTING": True, **config})
        return app.test_client()

    return make


def _one_line(result) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_a_14_mb_one_line_document_to_the_align_api_is_refused_at_once(make_client):
    line = ("Le Conseil de sécurité se réunit. " * 420000)[:14_000_000].encode()
    started = time.monotonic()
    response = make_client().post("/api/align", data={
        "fr_file": (io.BytesIO(line), "fr.txt"), "en_file": (io.BytesIO(b"Hello."), "en.txt")},
        content_type="multipart/form-data")
    assert response.status_code in (400, 413)
    assert "too long" in response.get_json()["error"]
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("path, body", [
    ("/api/align", {"fr": ["x" * (MAX_LINE_CHARS + 1)], "en": ["y"]}),
    ("/api/check", {"fr": "x" * (MAX_LINE_CHARS + 1), "en": "y"}),
    ("/api/check", {"pairs": [["a", "b"], ["é" * (MAX_LINE_CHARS + 1), "b"]]}),
])
def test_a_posted_text_with_an_overlong_line_is_a_413(make_client, path, body):
    response = make_client().post(path, json=body)
    assert response.status_code == 413
    assert "too long" in response.get_json()["error"]


def test_a_pasted_form_text_with_an_overlong_line_is_a_413(make_client):
    client = make_client()
    page = client.get("/check").get_data(as_text=True)
    import re

    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post("/check", data={"csrf_token": csrf, "fr": "x" * (MAX_LINE_CHARS + 1),
                                           "en": "y"})
    assert response.status_code == 413 and "too long" in response.get_data(as_text=True)


@pytest.mark.parametrize("path, body", [
    ("/api/align", {"fr": FR * 50, "en": EN * 50}),
    ("/api/check", {"pairs": [[f, e] for f, e in zip(FR * 50, EN * 50, strict=True)]}),
])
def test_a_request_over_its_time_budget_is_a_422(make_client, path, body):
    assert make_client().post(path, json=body).status_code == 200
    response = make_client(REQUEST_BUDGET=-1).post(path, json=body)  # spent before it starts
    assert response.status_code == 422
    assert "limit of one request" in response.get_json()["error"]


def test_the_budget_does_not_leak_into_the_next_request(make_client):
    client = make_client(REQUEST_BUDGET=-1)
    assert client.post("/api/align", json={"fr": FR, "en": EN}).status_code == 422
    assert client.get("/api/lookup?q=OTSC").status_code == 200
    from ioguard import budget

    budget.check()  # no budget is left open in this thread


def test_segment_of_a_20_mb_one_line_file_is_one_line_at_once(tmp_path):
    path = tmp_path / "big.fr.txt"
    path.write_text("Le Conseil de sécurité se réunit. " * 600000, encoding="utf-8")
    started = time.monotonic()
    result = subprocess.run([*CLI, "segment", str(path), "--lang", "fr"], capture_output=True,
                            text=True, timeout=120)
    assert time.monotonic() - started < 30
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"termalign: error: {path}: line 1 is too long")
    assert len(result.stderr.splitlines()) == 1 and "timeout" not in result.stderr


def test_a_long_but_acceptable_line_is_still_segmented(tmp_path):
    path = tmp_path / "long.fr.txt"
    path.write_text("Le Conseil de sécurité se réunit. " * 3000, encoding="utf-8")
    result = CliRunner().invoke(cli, ["segment", str(path), "--lang", "fr"])
    assert result.exit_code == 0 and result.output.count("Le Conseil") == 3000


@pytest.mark.parametrize("byte", [0x81, 0x8D, 0x8F, 0x90, 0x9D])
def test_bytes_undefined_in_cp1252_are_an_encoding_error(tmp_path, byte):
    data = "Été à Genève. ".encode("cp1252") * 700 + bytes([byte]) * 10000
    with pytest.raises(InputError, match=f"0x{byte:02X}.*undefined in cp1252"):
        decode_bytes(data, "x.txt")
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    _one_line(CliRunner().invoke(cli, ["clean", str(path)]))


def test_cp1252_text_is_still_read():
    assert decode_bytes("Côte d’Ivoire — 5 €".encode("cp1252"), "x.txt") == "Côte d’Ivoire — 5 €"


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n",
    b"%PDF-1.7\n" + b"\x00\xff" * 500,
    b"%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer << /Size 1 >>\nstartxref\n9\n%%EOF",
    b"%PDF-",
], ids=["no-pages", "garbage", "bad-xref", "truncated"])
def test_a_bad_pdf_is_one_line(tmp_path, data):
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    result = subprocess.run([*CLI, "clean", str(path)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr and str(path) in result.stderr


def test_eval_of_deeply_nested_json_is_one_line(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100000 + "]" * 100000)
    result = subprocess.run([*CLI, "eval", str(deep), str(deep)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("content", ["", "\n\n", "[]"])
def test_eval_of_empty_input_is_an_error(tmp_path, content):
    pred = tmp_path / "pred.json"
    pred.write_text(content)
    gold = tmp_path / "gold.txt"
    gold.write_text("[0]:[0]\n")
    for a, b in ((pred, gold), (gold, pred)):
        _one_line(CliRunner().invoke(cli, ["eval", str(a), str(b)]))


def test_a_manifest_field_over_128_kib_is_one_line(tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text("fr,en\n" + "a" * 200000 + ",b.txt\n")
    result = CliRunner().invoke(cli, ["align-corpus", "--manifest", str(manifest),
                                      "-o", str(tmp_path / "out")])
    _one_line(result)
    assert f"{manifest}: not a manifest CSV" in result.output
