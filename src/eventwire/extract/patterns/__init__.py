"""Word lists and alias tables as data; each file says what it is for and where it came from."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated pattern file, skipping '#' comments and blank lines."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)
