"""Fixtures for the evaluation tests: the loaded pipeline and where the human-coded data lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def eval_data_dir() -> Path:
    """../shared/eval beside the repository (EVENTWIRE_EVAL_DATA overrides); never copied into it."""
    return Path(os.environ.get("EVENTWIRE_EVAL_DATA") or REPO_ROOT.parent / "shared" / "eval")


@pytest.fixture(scope="session")
def eval_pipeline(request):
    """The real pipeline, loaded once: the suite-wide `ew` fixture when there is one."""
    try:
        return request.getfixturevalue("ew")
    except pytest.FixtureLookupError:
        from eventwire.pipeline import load

        return load()
