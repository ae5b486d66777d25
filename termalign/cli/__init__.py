"""The ``termalign`` command: a thin click adapter over the libraries.

Each area has its own module; the group knows each command's module by name and imports it
only when that command runs (or when ``--help`` of that command is asked for), so that a
``lookup`` never pays for nltk, numpy or Flask. ``termalign --help`` lists the commands from
:data:`COMMANDS` without importing any of them. Library errors are turned into one line on
standard error and exit code 2 here, at the edge.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from pathlib import Path

import click

from termalign import __version__

#: Exit code for a usage or input error (click uses 2 for usage errors too).
EXIT_INPUT = 2
#: Exit code for an internal error (a bug), reported as one line too.
EXIT_INTERNAL = 70
#: Environment variable that lets internal errors through with their traceback.
DEBUG_ENV = "TERMALIGN_DEBUG"

#: Every subcommand: name -> (module, attribute of the click command, short help). The short
#: help is what ``termalign --help`` lists (shortened to the terminal's width); a test keeps
#: it equal to the command's own.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "align": ("termalign.cli.align", "align_command",
        "Align the French document FR with its English translation EN, sentence by "
        "sentence."),
    "align-corpus": ("termalign.cli.corpus", "align_corpus_command",
        "Align every French document of FR_DIR with its English translation in EN_DIR."),
    "build": ("termalign.cli.build", "build_command",
        "Build the termbase from SOURCES (default: the bundled seeds)."),
    "check": ("termalign.cli.check", "check_command",
        "Check INPUT: a TMX, XLIFF or TSV file (French TAB English per line, whichever is "
        "the original: see --source), or a French document with its English counterpart "
        "EN (aligned first)."),
    "clean": ("termalign.cli.clean", "clean_command",
        "Clean PDF-extracted text FILE into paragraphs with their kind, notes and "
        "references."),
    "eval": ("termalign.cli.align", "eval_command",
        "Score the predicted alignment PRED against the gold alignment GOLD."),
    "export": ("termalign.cli.termbase", "export_command",
        "Export the termbase as TBX-Basic, CSV, TSV or a CAT-tool glossary (- is stdout)."),
    "glossary": ("termalign.cli.glossary", "glossary_command",
        "The official names, acronyms, countries and terms of DOCUMENT (- for standard input: "
        "text, .docx or .pdf) with their official equivalents, in reading order, and the "
        "acronyms, names and key terms the termbase does not know."),
    "import": ("termalign.cli.termbase", "import_command",
        "Merge a TBX (v3 or v2, e.g. an IATE export), CSV, TSV or 2-column fr/en glossary "
        "into the termbase (- reads standard input)."),
    "lookup": ("termalign.cli.termbase", "lookup_command",
        "Find official names, acronyms and terms; exit 1 when nothing matches."),
    "segment": ("termalign.cli.segment", "segment_command",
        "Clean FILE and split it into sentences: one sentence per line, a blank line "
        "between paragraphs."),
    "serve": ("termalign.cli.serve", "serve_command",
        "Serve the web interface and JSON API (editing needs $TERMALIGN_EDIT_TOKEN)."),
}


class TermalignGroup(click.Group):
    """A click group with lazily imported subcommands that reports library and I/O errors
    as one line, never a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.commands:
            return self.commands[name]
        if name not in COMMANDS:
            return None
        module, attribute, _ = COMMANDS[name]
        command = getattr(importlib.import_module(module), attribute)
        if command.callback is not None:
            command.callback = _refusing_to_overwrite_inputs(command.callback)
        self.add_command(command, name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(map(len, names), default=0)
        rows = [(name, click.Command(name, help=COMMANDS[name][2]).get_short_help_str(limit) if name in COMMANDS
                 else self.commands[name].get_short_help_str(limit)) for name in names]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        from termalign.cli import paths

        paths.remember_json(ctx)  # the arguments are consumed by the time an error is caught
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            fail("interrupted", code=130)
        except (click.ClickException, click.exceptions.Exit, click.Abort) as exc:
            if isinstance(exc, click.UsageError) and paths.json_requested(ctx):
                fail(exc.format_message(), code=exc.exit_code)
            raise  # usage errors: click prints them
        except Exception as exc:
            fail(*_one_line(exc))


def _one_line(exc: Exception) -> tuple[str, int]:
    """The message and exit code of an error that ends a command (a bug too, unless
    ``$TERMALIGN_DEBUG`` is set: then it is raised again, with its traceback).

    A library that was never imported raised none of its errors: a lookup does not import
    the aligner (nor csv) only to recognise them.
    """
    library: list[type] = []
    if "aligner.errors" in sys.modules:
        library.append(sys.modules["aligner.errors"].AlignerError)
    if "termbase.errors" in sys.modules:
        library.append(sys.modules["termbase.errors"].TermbaseError)
    csv = sys.modules.get("_csv")  # csv.Error is _csv.Error
    if isinstance(exc, tuple(library)):
        return str(exc), EXIT_INPUT
    if isinstance(exc, OSError | UnicodeError):
        return _describe_os_error(exc), EXIT_INPUT
    if isinstance(exc, RecursionError | MemoryError):
        return f"input too deeply nested or too large ({type(exc).__name__})", EXIT_INPUT
    if csv is not None and isinstance(exc, csv.Error):
        return f"malformed CSV ({exc})", EXIT_INPUT
    if os.environ.get(DEBUG_ENV):
        raise exc
    return (f"internal error ({type(exc).__name__}: {exc}); please report it "
            f"(set {DEBUG_ENV}=1 for the details)", EXIT_INTERNAL)


#: Parameters that name a file the command writes; every other path parameter is read.
OUTPUT_PARAMS = frozenset({"output", "tbx_file", "csv_file", "tsv_file", "merged"})


def _paths(value) -> list:
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str | os.PathLike)]
    return [value] if isinstance(value, str | os.PathLike) else []


def _refusing_to_overwrite_inputs(callback):
    """Wrap a command's callback: an output file that is one of its input files is refused
    (``clean F -o F`` would otherwise replace the document with its own cleaning)."""

    @functools.wraps(callback)
    def guarded(*args, **params):
        inputs = [p for name, value in params.items() if name not in OUTPUT_PARAMS
                  for p in _paths(value)]
        for name in OUTPUT_PARAMS & params.keys():
            for output in _paths(params[name]):
                from ioguard.atomic import same_file

                if str(output) != "-" and same_file(output, inputs):
                    fail(f"{output}: the output would overwrite an input file; "
                         "choose another output")
        return callback(*args, **params)

    return guarded


def _describe_os_error(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


def fail(message: str, code: int = EXIT_INPUT):
    """Print ``termalign: error: MESSAGE`` (a JSON object under ``--json``) on standard
    error and exit with ``code``."""
    from termalign.cli import paths

    paths.write_error(message, code)
    sys.exit(code)


def warn(message: str) -> None:
    """Print ``termalign: warning: MESSAGE`` on standard error."""
    click.echo(f"termalign: warning: {message}", err=True)


def emit(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically, or to standard output when it is ``None``."""
    if output is None:
        click.echo(text, nl=False)
    else:
        import ioguard.atomic

        ioguard.atomic.write_text(output, text)


@click.group(cls=TermalignGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termalign")
def cli():
    """French-English terminology and alignment for United Nations documents."""


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="termalign")
