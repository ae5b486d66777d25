"""The original side of a check input: ``--source``, else what the input declares.

TMX says it in its header (``srclang``), XLIFF in ``source-language`` (1.2) or ``srcLang``
(2.0); two documents in their "Original :" lines (:func:`aligner.direction.detect_source`);
a TSV file says nothing (French source, the historical default). Only the start of an XML
file is read (the header comes first), through the safe parser.
"""

from __future__ import annotations

import re
from pathlib import Path

from aligner.direction import detect_source

_HEAD_BYTES = 65536
_TMX_SRCLANG = re.compile(rb"<header\b[^>]*?\bsrclang\s*=\s*[\"']([A-Za-z*-]+)", re.S)
_XLIFF_SRC = re.compile(rb"<(?:xliff|file)\b[^>]*?\b(?:source-language|srcLang)\s*=\s*"
                        rb"[\"']([A-Za-z-]+)", re.S)


def _lang(raw: bytes | None) -> str | None:
    lang = raw.decode("ascii", "replace").lower().split("-")[0] if raw else ""
    return lang if lang in ("fr", "en") else None


def declared_source(path: str | Path, en_path: str | Path | None = None) -> tuple[str, str]:
    """The original side of a check input and why: ``("en", "TMX srclang")``.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("wb", suffix=".tmx", delete=False) as f:
    ...     _ = f.write(b'<tmx version="1.4"><header srclang="en-US"/><body/></tmx>')
    >>> declared_source(f.name)
    ('en', 'TMX srclang')
    >>> os.unlink(f.name)
    """
    path = Path(path)
    if en_path is not None:
        from aligner.readers import read_text

        found = detect_source(read_text(path), read_text(en_path))
        return found.source, found.reason
    with open(path, "rb") as handle:
        head = handle.read(_HEAD_BYTES)
    for regex, what in ((_TMX_SRCLANG, "TMX srclang"), (_XLIFF_SRC, "XLIFF source language")):
        m = regex.search(head)
        if m and _lang(m.group(1)):
            return _lang(m.group(1)), what
    return "fr", "French source by default"
