"""Read input documents (``.txt``, ``.docx``, ``.pdf``) into one decoded string.

Text files may be UTF-8 (with or without a byte-order mark), UTF-16 (little or big endian,
with or without a byte-order mark) or a Western single-byte code page (cp1252, latin-1).
Line ends are normalised to ``\\n``. Anything that is not text (binary data, an empty file,
a broken or oversized ``.docx``/``.pdf``) raises :class:`aligner.errors.InputError` with a
one-line message.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from pathlib import Path

from aligner.errors import InputError

#: Largest decompressed ``word/document.xml`` accepted from a ``.docx`` (zip-bomb guard).
MAX_DOCX_XML_BYTES = 64 * 1024 * 1024
#: Largest total decompressed size of all members of a ``.docx``.
MAX_DOCX_TOTAL_BYTES = 256 * 1024 * 1024
#: Largest input document read at all (50 MiB; a UN document is well under 5 MiB). Larger
#: files are refused before they are read, and reading stops there if the file grows.
MAX_INPUT_BYTES = 50 * 1024 * 1024
#: Highest share of control characters tolerated in decoded text.
MAX_CONTROL_SHARE = 0.01
#: Longest line accepted in a document (1 MiB of characters; a paragraph of a UN document
#: is a few thousand). A longer line is not prose: it would only make every later stage
#: (cleaning, segmentation, alignment) slow, so it is refused with a one-line error.
MAX_LINE_CHARS = 1024 * 1024

_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Control characters other than tab, line feed, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# C1 controls: in a decoded cp1252/latin-1 text they betray a wrong guess.
_C1 = re.compile(r"[\x80-\x9f]")


def read_text(path: str | Path) -> str:
    """Read and decode the file at ``path`` (``.txt``, ``.docx`` or ``.pdf``)."""
    return decode_bytes(read_bytes(path), str(path))


def read_bytes(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of the file at ``path``; :class:`InputError` above ``limit`` (default
    :data:`MAX_INPUT_BYTES`), checked on the size first and again while reading (a device,
    a pipe or a growing file never gets past it)."""
    path = Path(path)
    limit = MAX_INPUT_BYTES if limit is None else limit
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a document")
    size = path.stat().st_size
    if size > limit:
        raise InputError(f"{path}: file too large ({size} bytes; the limit is {limit} bytes)")
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{path}: file too large (over the limit of {limit} bytes)")
    return data


def decode_bytes(data: bytes, name: str) -> str:
    """Decode an in-memory document; ``name`` (a file name) selects the format by extension.

    >>> decode_bytes("Français\\r\\nligne".encode("utf-8-sig"), "a.txt")
    'Français\\nligne'
    >>> decode_bytes("Été".encode("cp1252"), "a.txt")
    'Été'
    """
    suffix = Path(name).suffix.lower()
    if suffix == ".docx":
        text = _docx_text(data, name)
    elif suffix == ".pdf":
        text = _pdf_text(data, name)
    else:
        text = _decode_plain(data, name)
    text = normalise_newlines(text)
    _check_text(text, name)
    return text


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading byte-order mark is dropped.

    >>> normalise_newlines("a\\r\\nb\\rc")
    'a\\nb\\nc'
    """
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_line_length(text: str, name: str, limit: int | None = None) -> None:
    """Raise :class:`InputError` when a line of ``text`` is longer than ``limit`` characters
    (default :data:`MAX_LINE_CHARS`).

    >>> check_line_length("a\\nbb\\n", "x.txt", limit=2)
    >>> check_line_length("a\\nbbb\\n", "x.txt", limit=2)
    Traceback (most recent call last):
    aligner.errors.InputError: x.txt: line 2 is too long (3 characters; the limit is 2)
    """
    limit = MAX_LINE_CHARS if limit is None else limit
    if len(text) <= limit:
        return
    start = 0
    number = 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > limit:
            raise InputError(f"{name}: line {number} is too long ({end - start} characters; "
                             f"the limit is {limit})")
        start = end + 1
        number += 1


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise InputError(f"{name}: empty document (no text)")
    check_line_length(text, name)
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(2, MAX_CONTROL_SHARE * len(text)):
        raise InputError(f"{name}: binary data, not a text document")


def _utf16_without_bom(data: bytes) -> str | None:
    """``'utf-16-le'``/``'utf-16-be'`` when NUL bytes sit at every odd/even position."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls >= 0.4 * half and even_nuls <= 0.05 * half:
        return "utf-16-le"
    if even_nuls >= 0.4 * half and odd_nuls <= 0.05 * half:
        return "utf-16-be"
    return None


def _decode_plain(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(f"{name}: empty document (no text)")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and len(data) % 2 == 0:
        return _strict(data, "utf-16", name)
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None or len(data) % 2:
            raise InputError(f"{name}: binary data, not a text document")
        return _strict(data, encoding, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        data.decode("cp1252")
    except UnicodeDecodeError as exc:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: no Western text has them
        raise InputError(f"{name}: unknown text encoding (not UTF-8, UTF-16 or cp1252: byte "
                         f"0x{data[exc.start]:02X} at {exc.start} is undefined in cp1252)") from None
    text = _single_byte(data)
    if text is None:
        raise InputError(f"{name}: unknown text encoding (not UTF-8, UTF-16 or cp1252)")
    return text


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: invalid {encoding} text at byte {exc.start}") from None


def _single_byte(data: bytes) -> str | None:
    """cp1252, else latin-1, else what charset-normalizer proposes; ``None`` if nothing fits."""
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _C1.search(text) and _plausible(text):
            return text
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer is a declared dependency
        return None
    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    return text if _plausible(text) else None


def _plausible(text: str) -> bool:
    """Mostly letters, digits, spaces and punctuation: a sanity check on a guessed code page."""
    if not text:
        return False
    odd = sum(1 for ch in text if not (ch.isprintable() or ch in "\n\r\t\f"))
    return odd <= MAX_CONTROL_SHARE * len(text) + 1


def _docx_text(data: bytes, name: str) -> str:
    """Paragraph texts of ``word/document.xml`` separated by blank lines (a Word paragraph
    is a paragraph; a line break inside it stays a line break), with size limits."""
    from aligner import safexml

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError):
        raise InputError(f"{name}: not a valid .docx file (not a zip archive)") from None
    with archive:
        infos = archive.infolist()
        total = sum(info.file_size for info in infos)
        if total > MAX_DOCX_TOTAL_BYTES:
            raise InputError(f"{name}: .docx too large once decompressed ({total} bytes)")
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError:
            raise InputError(f"{name}: not a .docx file (no word/document.xml)") from None
        xml = _read_member(archive, info, MAX_DOCX_XML_BYTES, name)
    # Entities are never expanded; a reference stays "&x;" in the text (see safexml).
    root = safexml.parse_bytes(xml, f"{name} (word/document.xml)", keep_entities=True)
    lines = []
    for para in root.iter(f"{_W_NS}p"):
        parts = []
        for node in para.iter(f"{_W_NS}t", f"{_W_NS}tab", f"{_W_NS}br", f"{_W_NS}cr"):
            if node.tag == f"{_W_NS}t":
                parts.append("".join(node.itertext()))  # an unresolved entity stays "&x;"
            elif node.tag == f"{_W_NS}tab":
                parts.append("\t")
            else:
                parts.append("\n")
        lines.append("".join(parts))
    return "\n\n".join(lines)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    """Read one member, never more than ``limit`` bytes, whatever its header claims."""
    if info.file_size > limit:
        raise InputError(f"{name}: .docx too large once decompressed ({info.file_size} bytes)")
    chunks = []
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(1 << 20):
                size += len(chunk)
                if size > limit:
                    raise InputError(f"{name}: .docx too large once decompressed")
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError(f"{name}: broken .docx archive ({exc})") from None
    return b"".join(chunks)


def _pdf_text(data: bytes, name: str) -> str:
    """The extraction text of every page; a form feed alone on a line between pages."""
    import logging
    import warnings

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf reports what it repairs as warnings and log records: not for the user's terminal
    # (a bad PDF is one line, below), so both are silenced while it reads.
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                reader.decrypt("")
            pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError,
            RecursionError, ZeroDivisionError, NotImplementedError) as exc:
        message = " ".join(str(exc).split())[:200]
        raise InputError(f"{name}: unreadable PDF ({exc.__class__.__name__}: {message})") from None
    finally:
        pypdf_log.setLevel(level)
    return "\n\f\n".join(pages)
