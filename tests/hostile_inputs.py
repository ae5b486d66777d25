"""Hostile file contents shared by the hostile suites (tests/test_hostile_*.py).

Each entry: name -> (bytes, natural suffix or None). ``None`` means "any text file": each
command writes it with its own suffix (.txt, .tsv, .csv, .json).
"""

from __future__ import annotations

import io
import zipfile

_DOCX_CT = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            b'content-types"/>')


def _zip(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _docx(body: bytes) -> bytes:
    xml = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           b'wordprocessingml/2006/main"><w:body>' + body + b"</w:body></w:document>")
    return _zip({"[Content_Types].xml": _DOCX_CT, "word/document.xml": xml})


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
          + b"".join(b'<!ENTITY %s "%s">' % (b"a" + bytes([48 + i]),
                                             (b"&a%d;" % (i - 1) if i else b"&a;") * 10)
                     for i in range(9))
          + b"]><r>&a8;</r>")
XXE = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'
XXE_HTTP = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x">%p;]>'
            b"<r/>")
DEEP_XML = b"<a>" * 20000 + b"x" + b"</a>" * 20000
TMX_EMPTY = b'<?xml version="1.0"?><tmx version="1.4"><header/></tmx>'
TMX_CONTROL = (b'<?xml version="1.0"?><tmx version="1.4"><header/><body><tu><tuv xml:lang="fr">'
               b"<seg>a&#x1;b</seg></tuv></tu></body></tmx>")
TBX_CONTROL = (b'<?xml version="1.0"?><tbx type="TBX-Basic" style="dca" xml:lang="en" '
               b'xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="1">'
               b'<langSec xml:lang="fr"><termSec><term>a&#x1b;b</term></termSec></langSec>'
               b"</conceptEntry></body></text></tbx>")
XLIFF_HUGE_ATTR = (b'<?xml version="1.0"?><xliff version="1.2"><file source-language="fr" '
                   b'target-language="en" original="' + b"x" * 300000 + b'"><body/></file></xliff>')

HOSTILE: dict[str, tuple[bytes, str | None]] = {
    "empty": (b"", None),
    "whitespace": (b" \n\t\r\n \f\n", None),
    "bom-only": (b"\xef\xbb\xbf", None),
    "nul-bytes": (b"\x00" * 4096, None),
    "binary": (bytes(range(256)) * 64, None),
    "utf16-odd": (b"\xff\xfeL\x00e\x00 \x00", None),
    "cp1252-undefined": ("Été ".encode("cp1252") * 100 + b"\x81\x8d\x8f\x90\x9d" * 2000, None),
    "overlong-utf8": (b"caf\xc0\xa9 \xe0\x80\xaf " * 200, None),
    "cesu-surrogates": (b"\xed\xa0\x80\xed\xb0\x80 texte " * 100, None),
    "long-line": (b"Le Conseil de s\xc3\xa9curit\xc3\xa9 " * 80000, None),
    "many-empty-lines": (b"\n" * 300000 + b"Fin.", None),
    "ansi-escapes": (b"\x1b[31mRouge\x1b[0m \x1b]0;title\x07 texte.\n" * 50, None),
    "bidi-controls": ("\u202eLe Conseil\u202c \u2066OTSC\u2069 \u200f.\n".encode() * 200, None),
    "parentheses": (b"(" * 100000 + b")" * 100000, None),
    "one-long-word": (b"a" * 500000, None),
    "dots-and-digits": (b"1." * 100000, None),
    "cr-only": (b"Ligne un.\rLigne deux.\r" * 1000, None),
    "tabs-columns": (b"\t".join([b"x"] * 10000) + b"\n", None),
    "csv-field-200k": (b"fr,en\n" + b"a" * 200000 + b",b\n", None),
    "csv-nul": (b"concept,kind,record,lang,text\n1,term,term,fr,a\x00b\n", None),
    "json-deep": (b"[" * 100000 + b"]" * 100000, None),
    "json-numbers": (b'{"fr": 1e999, "en": -1e999, "beads": [NaN, Infinity]}', None),
    "billion-laughs": (LAUGHS, ".xml"),
    "xxe-file": (XXE, ".xml"),
    "xxe-http": (XXE_HTTP, ".xml"),
    "deep-xml": (DEEP_XML, ".xml"),
    "tmx-empty": (TMX_EMPTY, ".tmx"),
    "tmx-control": (TMX_CONTROL, ".tmx"),
    "tbx-control": (TBX_CONTROL, ".tbx"),
    "xliff-huge-attr": (XLIFF_HUGE_ATTR, ".xlf"),
    "docx-not-zip": (b"PK\x03\x04 this is not a zip", ".docx"),
    "docx-no-document": (_zip({"[Content_Types].xml": _DOCX_CT}), ".docx"),
    "docx-bomb": (_zip({"[Content_Types].xml": _DOCX_CT,
                        "word/document.xml": b"<a>" + b" " * (80 << 20) + b"</a>"}), ".docx"),
    "docx-laughs": (_zip({"[Content_Types].xml": _DOCX_CT, "word/document.xml": LAUGHS}), ".docx"),
    "docx-ok-odd-text": (_docx(b"<w:p><w:r><w:t>\xe2\x80\xae OTSC \x01</w:t></w:r></w:p>"),
                         ".docx"),
    "pdf-truncated": (b"%PDF-1.4\n1 0 obj", ".pdf"),
    "pdf-garbage": (b"%PDF-1.7\n" + bytes(range(256)) * 20, ".pdf"),
    "pdf-no-pages": (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                     b"trailer << /Root 1 0 R >>\n%%EOF", ".pdf"),
}
