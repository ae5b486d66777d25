"""Default locations of the application: the embedded termbase and the bundled seeds."""

from __future__ import annotations

import os
from pathlib import Path

import seeds

#: Environment variable that overrides the location of the default termbase.
DB_ENV = "TERMALIGN_DB"


def default_db_path() -> Path:
    """Where the default termbase lives.

    ``$TERMALIGN_DB`` when set, else ``$XDG_DATA_HOME/termalign/termbase.sqlite3``
    (``~/.local/share/termalign/termbase.sqlite3`` when ``XDG_DATA_HOME`` is unset).
    """
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "termalign" / "termbase.sqlite3"


def seeds_dir() -> Path:
    """The folder of the bundled seed data."""
    return seeds.ROOT


def ensure_default_db() -> Path:
    """The default termbase, built from the bundled seeds the first time it is needed.

    The build writes a temporary file that replaces the target only when complete, so an
    interrupted first build leaves nothing half-made and is simply redone next time.
    """
    path = default_db_path()
    if not path.exists():
        from termalign.building import build_from_seeds

        build_from_seeds(path, rebuild=True)
    return path
