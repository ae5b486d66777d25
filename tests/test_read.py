"""Reading input files: encodings, line ends, .docx, .pdf, and what is refused."""

from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from aligner import readers
from aligner.errors import InputError
from aligner.readers import decode_bytes, read_text

TEXT = "Conseil de sécurité\nL’Ambassadeur « Développement » – Été 2021\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1252",
         "crlf", "cr-cp1252"],
)
def test_text_encodings_and_line_ends(tmp_path, data):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    assert read_text(path) == TEXT


def test_latin1_without_cp1252_characters():
    assert decode_bytes("Français, été, à bientôt".encode("latin-1"), "x.txt") == (
        "Français, été, à bientôt"
    )


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\r\n\t  ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")],
    ids=["empty", "whitespace", "bom-only", "utf16-whitespace"],
)
def test_empty_input_is_refused(tmp_path, data):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="empty"):
        read_text(path)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64 + b"\x03\x00>\x00",
        b"texte" + b"\x01\x02\x03\x04\x05\x06" * 20,
    ],
    ids=["png", "elf", "control-characters"],
)
def test_binary_input_is_refused(tmp_path, data):
    path = tmp_path / "binary.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="binary|encoding"):
        read_text(path)


def test_directory_is_refused(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)


def test_error_message_is_one_line(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(InputError) as info:
        read_text(path)
    assert "\n" not in str(info.value) and "binary.txt" in str(info.value)


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs(tmp_path):
    path = tmp_path / "lettre.docx"
    path.write_bytes(
        _docx(["Conseil de sécurité", "  Contexte", "1. Le débat public viserait à :",
               "Il se tiendra en ligne", "le 19 avril 2021."])
    )
    text = read_text(path)
    assert "Conseil de sécurité\n\n  Contexte\n\n1. Le débat public viserait à :" in text
    from aligner.clean import clean_file

    assert [(p.kind, p.text) for p in clean_file(path).paragraphs] == [
        ("masthead", "Conseil de sécurité"),
        ("heading", "Contexte"),
        ("numbered", "1. Le débat public viserait à :"),
        ("heading", "Il se tiendra en ligne"),
        ("body", "le 19 avril 2021."),
    ]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_docx_zip_bomb_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_DOCX_XML_BYTES", 1_000_000)
    body = b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
    bomb = body + b" " * 5_000_000 + b"</w:document>"
    data = _zip({"word/document.xml": bomb})
    assert len(data) < 50_000  # small on disk, huge once decompressed
    path = tmp_path / "bomb.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match="too large"):
        read_text(path)


def test_docx_total_size_limit(monkeypatch):
    monkeypatch.setattr(readers, "MAX_DOCX_TOTAL_BYTES", 100_000)
    data = _zip({"word/document.xml": b"<a/>", "word/media/big.bin": b"\x00" * 200_000})
    with pytest.raises(InputError, match="too large"):
        decode_bytes(data, "x.docx")


def test_docx_entities_are_not_resolved(tmp_path):
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
        b"<w:body><w:p><w:r><w:t>Bonjour &x; le monde</w:t></w:r></w:p></w:body></w:document>"
    )
    text = decode_bytes(_zip({"word/document.xml": xml}), "x.docx")
    assert text == "Bonjour &x; le monde"  # the entity is left as written, never resolved


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"PK\x03\x04 not really a zip", "not a valid .docx"), (_zip({"a.txt": b"x"}), "no word")],
    ids=["broken-zip", "no-document-xml"],
)
def test_broken_docx_is_refused(data, message):
    with pytest.raises(InputError, match=message):
        decode_bytes(data, "broken.docx")


def _pdf(text: str) -> bytes:
    """A minimal one-page PDF showing ``text`` in Helvetica."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_text(tmp_path):
    path = tmp_path / "doc.pdf"
    path.write_bytes(_pdf("Le Conseil de securite se reunira."))
    assert "Le Conseil de securite se reunira." in read_text(path)


def test_broken_pdf_is_refused():
    with pytest.raises(InputError, match="PDF"):
        decode_bytes(b"%PDF-1.4\n garbage without objects", "broken.pdf")


def test_decode_bytes_for_uploads():
    assert decode_bytes(codecs.BOM_UTF8 + b"a\r\nb", "upload.TXT") == "a\nb"
    with pytest.raises(InputError):
        decode_bytes(b"", "upload.txt")
