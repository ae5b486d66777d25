"""The ``termalign`` command: a thin click adapter over the libraries.

Each area has its own module with a ``register(group)`` function. Library errors are turned
into one line on standard error and exit code 2 here, at the edge.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

import ioguard.atomic
from aligner.errors import AlignerError
from termalign import __version__
from termbase.errors import TermbaseError

#: Exit code for a usage or input error (click uses 2 for usage errors too).
EXIT_INPUT = 2


class TermalignGroup(click.Group):
    """A click group that reports library and I/O errors as one line, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (AlignerError, TermbaseError) as exc:
            fail(str(exc))
        except (OSError, UnicodeError) as exc:
            fail(_describe_os_error(exc))
        except KeyboardInterrupt:
            fail("interrupted", code=130)


def _describe_os_error(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


def fail(message: str, code: int = EXIT_INPUT):
    """Print ``termalign: error: MESSAGE`` on standard error and exit with ``code``."""
    click.echo(f"termalign: error: {message}", err=True)
    sys.exit(code)


def warn(message: str) -> None:
    """Print ``termalign: warning: MESSAGE`` on standard error."""
    click.echo(f"termalign: warning: {message}", err=True)


def emit(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically, or to standard output when it is ``None``."""
    if output is None:
        click.echo(text, nl=False)
    else:
        ioguard.atomic.write_text(output, text)


@click.group(cls=TermalignGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termalign")
def cli():
    """French-English terminology and alignment for United Nations documents."""


def _register_all() -> None:
    from termalign.cli import align, build, check, clean, corpus, glossary, segment, serve, termbase

    for module in (clean, segment, termbase, serve, check, align, build, corpus, glossary):
        module.register(cli)


_register_all()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="termalign")
