"""One termbase connection per request, kept in ``flask.g`` and given back at teardown.

Opening a termbase (connect, pragmas, migration check) costs more than a lookup, so each
server thread keeps the connection of its last request: a request takes it (or opens one),
and the teardown rolls back anything left uncommitted and keeps it for the thread's next
request. A connection is only ever used by the thread that opened it. SQLite in WAL mode
lets every connection see the latest committed edits.
"""

from __future__ import annotations

import threading

from flask import Flask, current_app, g


def _local(app: Flask) -> threading.local:
    return app.extensions["termalign_connections"]


def get_tb():
    """The request's open :class:`termbase.store.Termbase` (the thread's, or a new one)."""
    if "tb" not in g:
        local = _local(current_app)
        tb = getattr(local, "tb", None)
        local.tb = None
        if tb is None:
            from termbase.store import Termbase

            tb = Termbase.open(current_app.config["TERMALIGN_DB"])
        g.tb = tb
    return g.tb


def release_tb(_exc: BaseException | None = None) -> None:
    """Teardown: keep the request's connection for the thread's next request (or close it)."""
    tb = g.pop("tb", None)
    if tb is None:
        return
    local = _local(current_app)
    try:
        if tb.conn.in_transaction:
            tb.conn.execute("ROLLBACK")
    except Exception:  # a broken connection: drop it
        tb.close()
        return
    if getattr(local, "tb", None) is None:
        local.tb = tb
    else:
        tb.close()


def init_app(app: Flask) -> None:
    app.extensions["termalign_connections"] = threading.local()
    app.teardown_appcontext(release_tb)
