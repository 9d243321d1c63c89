"""What every dataset reader yields: one article to run and the human coding to score it against."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.pipeline import make_article
from eventwire.records import Article, Origin


@dataclass(frozen=True)
class EvalCase:
    """One scored row: `article` goes through the pipeline, `gold` holds the coder's fields."""

    case_id: str
    article: Article
    gold: Any


def eval_article(case_id: str, text: str, *, path: Path, line: int, fmt: str,
                 published: str | None = None, title: str | None = None) -> Article:
    """An English article for one dataset row, its id the row's id so results map back to it.

    The language is set, not detected: every benchmark text is English, and MUC-4's
    upper-case wire copy can fool a language detector.
    """
    return make_article(text, published=published, article_id=case_id, title=title, lang="en",
                        origin=Origin(path=str(path), line=line, format=fmt))


def read_csv_rows(path: Path, required: tuple[str, ...], fmt: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for every row of a CSV whose header has the `required` columns.

    Raises InputError naming the file and the missing columns when the header lacks them,
    since then no row can be scored.
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in required if name not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"not a {fmt} file: missing column(s) {', '.join(missing)}", path=str(path), line=1)
        for row in reader:
            yield reader.line_num, row


def day_after(day: date) -> str:
    """The ISO date after `day`: the publication date the README prescribes for GTD and ACLED."""
    return (day + timedelta(days=1)).isoformat()


def known_int(value: str | None) -> int | None:
    """A coded count, or None where the dataset marks it unknown (blank, -99, -9)."""
    if value is None or not value.strip():
        return None
    try:
        number = int(float(value))
    except ValueError:
        return None
    return None if number < 0 else number


def iso_day(value: str | None) -> str | None:
    """The ISO day a timestamp starts with ("2009-03-20 12:24:52-05" -> "2009-03-20"), None when it has none.

    Corpus download times are not always ISO ("7:58 AM ET"); such an article is read without a date.
    """
    head = (value or "").strip()[:10]
    try:
        return date.fromisoformat(head).isoformat()
    except ValueError:
        return None


def known_float(value: str | None) -> float | None:
    """A coded coordinate, or None when blank or unreadable."""
    try:
        return float(value) if value and value.strip() else None
    except ValueError:
        return None
