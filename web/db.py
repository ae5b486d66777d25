"""One termbase connection per server thread, lent to each of the thread's requests.

Opening a termbase (connect, pragmas, migration check) costs more than a lookup, so each
server thread opens its connection once, on its first request, and keeps it: every request
of the thread uses it (``flask.g.tb``), and the teardown only rolls back anything left
uncommitted. A connection is only ever used by the thread that opened it; a broken one is
closed and the thread's next request opens a new one. SQLite in WAL mode lets every
connection see the latest committed edits.
"""

from __future__ import annotations

import threading

from flask import Flask, current_app, g


def _local(app: Flask) -> threading.local:
    return app.extensions["termalign_connections"]


def get_tb():
    """The request's open :class:`termbase.store.Termbase` (its thread's)."""
    tb = g.get("tb")
    if tb is None:
        local = _local(current_app)
        tb = getattr(local, "tb", None)
        if tb is None:
            from termbase.store import Termbase

            tb = local.tb = Termbase.open(current_app.config["TERMALIGN_DB"])
        g.tb = tb
    return tb


def release_tb(_exc: BaseException | None = None) -> None:
    """Teardown: roll back what the request left open; drop a broken connection."""
    tb = g.pop("tb", None)
    if tb is None:
        return
    try:
        if tb.conn.in_transaction:
            tb.conn.execute("ROLLBACK")
    except Exception:  # a broken connection: the thread's next request opens another
        local = _local(current_app)
        if getattr(local, "tb", None) is tb:
            local.tb = None
        tb.close()


def init_app(app: Flask) -> None:
    app.extensions["termalign_connections"] = threading.local()
    app.teardown_appcontext(release_tb)
