"""Shared fixtures. Checks that need ``../shared`` use the ``shared`` fixture, which skips
cleanly when the folder is absent (a fresh clone) and is always present in CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TERMALIGN_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session", autouse=True)
def _private_default_termbase(tmp_path_factory):
    """Keep the user's default termbase out of the tests: any test that relies on the
    default location builds it in a temporary data folder, once per session."""
    saved = {name: os.environ.get(name) for name in ("TERMALIGN_DB", "XDG_DATA_HOME")}
    os.environ.pop("TERMALIGN_DB", None)
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("xdg-data"))
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``../shared`` reference folder; skips the test when it is not there."""
    if not SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing in CI")
        pytest.skip("../shared is not present (fresh clone)")
    return SHARED


@pytest.fixture(scope="session")
def seeds_root() -> Path:
    import seeds

    return seeds.ROOT
