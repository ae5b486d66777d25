"""File arguments of the ``termalign`` commands: ``-`` is standard input or standard output.

:data:`IN` and :data:`OUT` are click parameter types. For ``-``, :data:`IN` reads standard
input (up to :data:`aligner.readers.MAX_INPUT_BYTES`, refused beyond) into a private
temporary file whose suffix says what the data looks like (``.tbx``, ``.xlf``, ``.tmx``,
``.csv``, ``.tsv``, ``.docx``, ``.pdf`` or ``.txt``), and :data:`OUT` gives a temporary file
that is copied to standard output when the command ends. Commands and libraries therefore
only ever see paths. The temporary files are removed when the command ends.

Under ``--json`` errors are JSON objects (:func:`error_text`).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

DASH = "-"
#: The temporary stand-ins for standard input and output, as messages name them.
_TEMP = r"(?:\S*termalign-[^/\s]+/)?\bstd(?:in|out)-\d+(?:\.\w+)?"


def sniff_suffix(data: bytes, text: str = ".txt") -> str:
    """A file suffix for data read from standard input, from its first bytes.

    >>> sniff_suffix(b'<?xml version="1.0"?><martif>'), sniff_suffix(b"fr\\ten\\n")
    ('.tbx', '.tsv')
    >>> sniff_suffix(b"\\xef\\xbb\\xbf<xliff version='1.2'>"), sniff_suffix(b"Bonjour, le monde.")
    ('.xlf', '.txt')
    """
    if data.startswith(b"%PDF"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        return ".docx"
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "replace").encode("utf-8")
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        for marker, suffix in ((b"<xliff", ".xlf"), (b"<tmx", ".tmx"), (b"<martif", ".tbx"),
                               (b"<tbx", ".tbx")):
            if marker in head:
                return suffix
        return ".tbx"
    if head.startswith(b"{"):
        return ".json"
    first = head.split(b"\n", 1)[0]
    if b"\t" in first:
        return ".tsv"
    if first.startswith(b"concept,") or b",record," in first:
        return ".csv"
    return text


def _tempdir(ctx: click.Context) -> Path:
    import shutil
    import tempfile

    root = ctx.find_root()
    if "termalign_tmp" not in root.meta:
        folder = Path(tempfile.mkdtemp(prefix="termalign-"))
        root.meta["termalign_tmp"] = folder
        root.call_on_close(lambda: shutil.rmtree(folder, ignore_errors=True))
    return root.meta["termalign_tmp"]


class InputFile(click.Path):
    """A readable file, or ``-`` for standard input; ``text`` is the suffix given to plain
    text read from standard input (``.txt`` for a document, ``.csv`` for a glossary)."""

    def __init__(self, text: str = ".txt", **kwargs):
        super().__init__(dir_okay=False, path_type=Path, allow_dash=True, **kwargs)
        self.text = text

    def convert(self, value, param, ctx):
        if str(value) != DASH or ctx is None:
            return super().convert(value, param, ctx)
        from aligner.readers import MAX_INPUT_BYTES

        stream = sys.stdin.buffer
        data = stream.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            self.fail(f"standard input: over the limit of {MAX_INPUT_BYTES} bytes", param, ctx)
        path = _tempdir(ctx) / f"stdin-{len(ctx.find_root().meta)}{sniff_suffix(data, self.text)}"
        path.write_bytes(data)
        return path


class OutputFile(click.Path):
    """A file to write, or ``-`` for standard output."""

    def __init__(self, **kwargs):
        super().__init__(dir_okay=False, path_type=Path, allow_dash=True, **kwargs)

    def convert(self, value, param, ctx):
        if str(value) != DASH or ctx is None:
            return super().convert(value, param, ctx)
        path = _tempdir(ctx) / f"stdout-{len(ctx.find_root().meta)}"
        ctx.find_root().meta[f"termalign_out_{path.name}"] = path

        def flush() -> None:
            import shutil

            if path.exists():
                sys.stdout.flush()  # what click.echo wrote first comes first
                with path.open("rb") as handle:
                    out = sys.stdout.buffer
                    shutil.copyfileobj(handle, out)
                    out.flush()

        # Registered before the folder is removed (callbacks run last-in, first-out).
        ctx.find_root().call_on_close(flush)
        return path


def shown(path: Path) -> str:
    """How to name a file argument in messages: ``-`` for standard input or output."""
    if path.parent.name.startswith("termalign-") and path.name.startswith(("stdin-", "stdout-")):
        return DASH
    return str(path)


IN = InputFile()
#: Standard input that is data (plain text is then a CSV glossary, not a document).
IN_DATA = InputFile(text=".csv")
OUT = OutputFile()


def _asks_json(args: list[str]) -> bool:
    """``--json`` or ``--format json`` among command-line arguments.

    >>> _asks_json(["check", "a.tmx", "--format", "json"]), _asks_json(["lookup", "json"])
    (True, False)
    """
    return "--json" in args or any(a == "--format" and b == "json"
                                   for a, b in zip(args, args[1:], strict=False))


def remember_json(ctx: click.Context) -> None:
    """Note, before the subcommand consumes them, whether its arguments ask for JSON."""
    args = list(getattr(ctx, "_protected_args", [])) + list(ctx.args)
    ctx.meta["termalign_json"] = _asks_json([str(a) for a in args])


def json_requested(ctx: click.Context | None = None) -> bool:
    """True when the command line asked for JSON (``--json`` or ``--format json``)."""
    ctx = ctx or click.get_current_context(silent=True)
    if ctx is None:
        return False
    if ctx.params.get("as_json") or ctx.params.get("fmt") == "json":
        return True
    return bool(ctx.meta.get("termalign_json"))


def error_text(message: str, code: int, as_json: bool) -> str:
    """The error line: ``termalign: error: MESSAGE`` or a JSON object.

    >>> error_text("x.tbx: no such file", 2, True)
    '{"error": "x.tbx: no such file", "exit_code": 2}'
    >>> error_text("x.tbx: no such file", 2, False)
    'termalign: error: x.tbx: no such file'
    """
    if as_json:
        return json.dumps({"error": message, "exit_code": code}, ensure_ascii=False)
    return f"termalign: error: {message}"


def write_error(message: str, code: int) -> None:
    """Print the error line on standard error (JSON under ``--json``)."""
    message = re.sub(_TEMP, DASH, message)
    click.echo(error_text(message, code, json_requested()), err=True)
    sys.stderr.flush()
