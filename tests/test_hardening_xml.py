"""Hostile XML at every XML entry point: TBX import, TMX (tree and stream), XLIFF 1.2/2.0 and
TMX in the checks, ``.docx``. No entity is ever expanded (billion laughs), no file or URL is
ever read through an entity or a DTD (XXE), and no network connection is ever attempted: the
outcome is a named error (``InputError``/``FormatError``) or a result without the payload."""

from __future__ import annotations

import io
import socket
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.errors import AlignerError
from termalign.cli import cli
from termbase.errors import TermbaseError

MARKER = "XXE-SECRET-7f3a"

BODIES = {
    "tbx": ("tbx", ".tbx",
            '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
            "<text><body><conceptEntry id=\"c1\"><langSec xml:lang=\"fr\"><termSec>"
            "<term>Conseil {ref}</term></termSec></langSec><langSec xml:lang=\"en\"><termSec>"
            "<term>Council {ref}</term></termSec></langSec></conceptEntry></body></text></tbx>"),
    "tmx": ("tmx", ".tmx",
            '<tmx version="1.4"><header srclang="fr"><prop type="x-fr-document">doc {ref}'
            '</prop></header><body><tu><tuv xml:lang="fr">'
            '<seg>Bonjour {ref}</seg></tuv><tuv xml:lang="en"><seg>Hello {ref}</seg></tuv>'
            "</tu></body></tmx>"),
    "xliff12": ("xliff", ".xlf",
                '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                '<file source-language="fr" target-language="en" datatype="plaintext" '
                'original="x"><body><trans-unit id="1"><source>Bonjour {ref}</source>'
                "<target>Hello {ref}</target></trans-unit></body></file></xliff>"),
    "xliff20": ("xliff", ".xlf",
                '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
                'srcLang="fr" trgLang="en"><file id="f"><unit id="1"><segment>'
                "<source>Bonjour {ref}</source><target>Hello {ref}</target></segment></unit>"
                "</file></xliff>"),
    "docx": ("w:document", ".docx",
             "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
             "<w:body><w:p><w:r><w:t>Bonjour {ref} le monde</w:t></w:r></w:p></w:body>"
             "</w:document>"),
}


def _laughs(root: str, _secret: Path, _port: int) -> str:
    levels = ['<!ENTITY e0 "lollollollollollollollollollol">']
    levels += [f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10)]
    levels.append('<!ENTITY e "&e9;">')
    return f"<!DOCTYPE {root} [{''.join(levels)}]>"


PAYLOADS = {
    "billion-laughs": _laughs,
    "xxe-file": lambda root, secret, port: f'<!DOCTYPE {root} [<!ENTITY e SYSTEM "file://{secret}">]>',
    "xxe-passwd": lambda root, secret, port: f'<!DOCTYPE {root} [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    "xxe-http": lambda root, secret, port: f'<!DOCTYPE {root} [<!ENTITY e SYSTEM "http://127.0.0.1:{port}/x">]>',
    "parameter-entity": lambda root, secret, port: (
        f'<!DOCTYPE {root} [<!ENTITY % p SYSTEM "http://127.0.0.1:{port}/x"> %p;'
        f'<!ENTITY e SYSTEM "file://{secret}">]>'),
    "external-dtd": lambda root, secret, port: f'<!DOCTYPE {root} SYSTEM "http://127.0.0.1:{port}/x.dtd">',
}


@pytest.fixture()
def listener():
    """A loopback TCP socket that counts the connections made to it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.setblocking(False)

    def connections() -> int:
        count = 0
        while True:
            try:
                conn, _ = sock.accept()
            except BlockingIOError:
                return count
            conn.close()
            count += 1

    yield sock.getsockname()[1], connections
    sock.close()


@pytest.fixture()
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(MARKER + "\n", encoding="utf-8")
    return path


def _document(fmt: str, payload: str, secret: Path, port: int, tmp_path: Path) -> Path:
    root, suffix, body = BODIES[fmt]
    ref = "x" if payload == "external-dtd" else "&e;"
    xml = '<?xml version="1.0" encoding="UTF-8"?>' + PAYLOADS[payload](root, secret, port)
    xml += body.format(ref=ref)
    path = tmp_path / f"{fmt}-{payload}{suffix}"
    if suffix == ".docx":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("word/document.xml", xml.encode("utf-8"))
        path.write_bytes(buffer.getvalue())
    else:
        path.write_text(xml, encoding="utf-8")
    return path


def _tbx(path):
    from termbase import tbx

    return list(tbx.iter_load(path))


def _tbx_import(path):
    from termbase.store import Termbase
    from termbase.transfer import import_file

    with Termbase.open(":memory:") as tb:
        import_file(tb, path)
        return list(tb.iter_concepts())


def _tmx(path):
    from aligner.formats import tmx

    return tmx.load(path)


def _tmx_stream(path):
    from aligner.formats.tmx_stream import iter_units

    return [(u.unit, u.props) for u in iter_units(path)]


def _tmx_header(path):
    from aligner.formats.tmx_stream import read_header

    return read_header(path)


def _segments(path):
    from checks.inputs import load_segments

    return load_segments(path)


def _docx(path):
    from aligner.readers import read_text

    return read_text(path)


ENTRY_POINTS = [
    ("tbx", _tbx), ("tbx", _tbx_import), ("tmx", _tmx), ("tmx", _tmx_stream),
    ("tmx", _tmx_header), ("tmx", _segments), ("xliff12", _segments), ("xliff20", _segments), ("docx", _docx),
]
IDS = ["tbx-read", "tbx-import", "tmx-load", "tmx-stream", "tmx-header", "check-tmx", "check-xliff12",
       "check-xliff20", "docx"]


@pytest.mark.parametrize("payload", list(PAYLOADS))
@pytest.mark.parametrize(("fmt", "entry"), ENTRY_POINTS, ids=IDS)
def test_hostile_xml_is_refused_or_inert(fmt, entry, payload, secret, listener, tmp_path):
    port, connections = listener
    path = _document(fmt, payload, secret, port, tmp_path)
    start = time.monotonic()
    try:
        output = repr(entry(path))
    except (AlignerError, TermbaseError) as exc:
        output = str(exc)
    assert time.monotonic() - start < 10
    assert MARKER not in output
    assert "root:" not in output  # /etc/passwd
    assert "lollollol" not in output  # no entity was expanded
    assert connections() == 0, "a network connection was attempted"
    if payload == "external-dtd":  # an external DTD is ignored, the document still reads
        assert any(text in output for text in ("Bonjour", "Conseil", "doc x"))


@pytest.mark.parametrize("payload", ["billion-laughs", "xxe-file"])
@pytest.mark.parametrize("fmt", ["tmx", "xliff12"])
def test_hostile_xml_in_the_check_command_is_refused(fmt, payload, secret, listener, tmp_path):
    port, connections = listener
    path = _document(fmt, payload, secret, port, tmp_path)
    result = CliRunner().invoke(cli, ["check", str(path), "--db", str(tmp_path / "tb.sqlite3")])
    output = result.output  # standard output and error together
    assert result.exit_code == 2, output
    assert "Traceback" not in output and MARKER not in output
    assert output.startswith("termalign: error:") and output.count("\n") == 1
    if payload == "xxe-file":  # (libxml2 itself may stop the laughs first)
        assert "refusing XML whose DOCTYPE declares entities" in output
    assert connections() == 0


@pytest.mark.parametrize("payload", ["billion-laughs", "xxe-passwd"])
def test_hostile_tbx_import_from_the_cli_leaves_the_termbase_alone(payload, secret, listener,
                                                                  tmp_path):
    port, _ = listener
    path = _document("tbx", payload, secret, port, tmp_path)
    db = tmp_path / "tb.sqlite3"
    result = CliRunner().invoke(cli, ["import", str(path), "--db", str(db)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "root:" not in result.output
    assert "termalign: error:" in result.output


@pytest.mark.parametrize("fmt", ["xliff12", "xliff20", "tmx"])
def test_hostile_xml_uploaded_to_the_web_check_is_refused(fmt, secret, listener, tmp_path):
    from webdata import build_termbase

    from web import create_app

    port, connections = listener
    path = _document(fmt, "xxe-file", secret, port, tmp_path)
    db = build_termbase(tmp_path / "tb.sqlite3")
    client = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                         "TESTING": True}).test_client()
    response = client.post("/api/check", data={"pairs": (io.BytesIO(path.read_bytes()), path.name)},
                           content_type="multipart/form-data")
    assert response.status_code == 400 and response.is_json
    assert "refusing XML" in response.get_json()["error"]
    assert MARKER not in response.get_data(as_text=True)
    assert connections() == 0
