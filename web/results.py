"""Results kept on the server for review and download, keyed by a random id.

Check reports and alignments are written as JSON files named ``<kind>-<id>.json`` in the
application's ``RESULTS_DIR``; ids are 32 hexadecimal characters, so a URL can never name
another file (no path traversal). Files older than :data:`MAX_AGE` are removed.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path

from flask import Response, abort, current_app

from ioguard.atomic import write_text

_ID = re.compile(r"^[0-9a-f]{32}$")
#: Seconds a result is kept.
MAX_AGE = 24 * 3600


def _folder() -> Path:
    return Path(current_app.config["RESULTS_DIR"])


def save(kind: str, data: dict) -> str:
    """Store ``data`` and return its new random id."""
    folder = _folder()
    _prune(folder)
    result_id = secrets.token_hex(16)
    write_text(folder / f"{kind}-{result_id}.json", json.dumps(data, ensure_ascii=False))
    return result_id


def load(kind: str, result_id: str) -> dict:
    """The stored result, or a 404 when the id is malformed, unknown or expired."""
    if not _ID.match(result_id):
        abort(404)
    path = _folder() / f"{kind}-{result_id}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        abort(404)


#: Media types of the downloads, by file extension.
MIMETYPES = {"html": "text/html", "csv": "text/csv", "json": "application/json",
             "tsv": "text/tab-separated-values", "tmx": "application/x-tmx+xml"}


def attachment(text: str, name: str) -> Response:
    """A download of ``text`` (UTF-8) named ``name``, typed by its extension."""
    mimetype = MIMETYPES[name.rsplit(".", 1)[-1]]
    return Response(text, mimetype=mimetype + "; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _prune(folder: Path) -> None:
    limit = time.time() - MAX_AGE
    for path in folder.glob("*-*.json"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass
