"""``termalign serve``: the web interface and JSON API under waitress."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
from pathlib import Path

import click


def waitress_limits() -> dict:
    """The application's limits, given to waitress so that it enforces them before the body
    is read: a body over ``web.MAX_BODY_BYTES`` is refused (413) from its Content-Length;
    a client that stops sending (a Content-Length larger than the body it sends) is dropped
    after ``channel_timeout`` seconds of silence, checked every ``cleanup_interval``."""
    from web import MAX_BODY_BYTES

    return {"max_request_body_size": MAX_BODY_BYTES, "max_request_header_size": 64 * 1024,
            "channel_timeout": 10, "cleanup_interval": 1, "connection_limit": 1000}


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default; use 0.0.0.0 only behind a proxy).")
@click.option("--port", type=click.IntRange(0, 65535), default=5000, show_default=True)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Termbase file (default: $TERMALIGN_DB or the bundled default termbase).")
@click.option("--threads", type=click.IntRange(1, 64), default=8, show_default=True,
              help="Worker threads per process.")
@click.option("--workers", type=click.IntRange(1, 32), default=1, show_default=True,
              help="Server processes sharing the socket (POSIX only): one per core uses "
                   "every core despite Python's global lock.")
@click.option("--cors", "cors_origin", metavar="ORIGIN", default=None,
              help="Let web pages of ORIGIN (e.g. https://example.org, or *) call the JSON API.")
def serve_command(host: str, port: int, db: Path | None, threads: int, workers: int,
                  cors_origin: str | None) -> None:
    """Serve the web interface and JSON API (editing needs $TERMALIGN_EDIT_TOKEN)."""
    from termalign.cli.serve_channel import serve
    from termbase.errors import TermbaseError
    from web import create_app

    if db is not None and not db.is_file():
        raise TermbaseError(f"{db}: no termbase there (build one with `termalign build`)")
    config = {"TERMALIGN_DB": str(db)} if db is not None else {}
    if cors_origin:
        config["CORS_ORIGIN"] = cors_origin
    app = create_app(config or None)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=1024)
    mode = "edit enabled" if app.config.get("EDIT_TOKEN") else "read-only"
    click.echo(f"termalign: serving {app.config['TERMALIGN_DB']} ({mode}) on "
               f"http://{_url_host(host)}:{sock.getsockname()[1]}/ "
               f"({workers} process(es) × {threads} threads)", err=True)
    # waitress warns on every queued request under load; a busy server is not an error.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    options = {"sockets": [sock], "threads": threads, "ident": "termalign", **waitress_limits()}
    if workers == 1 or not hasattr(os, "fork"):
        signal.signal(signal.SIGTERM, _exit_cleanly)  # so that temporary results are removed
        serve(app, **options)
        return
    _prefork(lambda: serve(app, **options), workers)


def _prefork(run, workers: int) -> None:
    """Run ``run`` in ``workers`` forked processes; stop them all on SIGTERM or Ctrl-C."""
    children = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:  # the child serves until it is told to stop
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            try:
                run()
            finally:
                os._exit(0)
        children.append(pid)

    def stop(_signum=None, _frame=None):
        for child in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    try:
        for child in children:
            os.waitpid(child, 0)
    except KeyboardInterrupt:
        stop()
        for child in children:
            os.waitpid(child, 0)


def _exit_cleanly(_signum=None, _frame=None) -> None:
    raise SystemExit(0)


def _url_host(host: str) -> str:
    """The host as written in a URL (IPv6 in brackets).

    >>> _url_host("::1"), _url_host("127.0.0.1")
    ('[::1]', '127.0.0.1')
    """
    return f"[{host}]" if ":" in host else host


def register(group: click.Group) -> None:
    """Add ``serve`` to the ``termalign`` command group."""
    group.add_command(serve_command)
