"""Shared fixtures: one real spaCy pipeline for the whole session, and paths to the samples."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from relx.core import Extractor

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The default pipeline and rules, loaded once (loading takes about a second)."""
    return Extractor()


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def relx_exe() -> str:
    """The installed `relx` console script of the interpreter running the tests."""
    beside = Path(sys.executable).parent / "relx"
    found = str(beside) if beside.exists() else shutil.which("relx")
    if not found:
        pytest.fail("the relx console script is not installed: pip install -e '.[test]'")
    return found
