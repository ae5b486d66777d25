"""Shared fixtures. Checks that need ``../shared`` use the ``shared`` fixture, which skips
cleanly when the folder is absent (a fresh clone) and is always present in CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TERMALIGN_SHARED", ROOT.parent / "shared"))


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
