"""The batch runner behind `eventwire merge`: read records (or extract them), merge, store, print."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from eventwire.config import Settings
from eventwire.errors import InputError
from eventwire.merge.merger import Merger
from eventwire.merge.output import format_incident, format_unattached, incident_to_json, unattached_to_json
from eventwire.records import Record, from_json


@dataclass
class MergeSummary:
    n_records: int = 0
    n_incidents: int = 0
    n_unattached: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 3 if self.errors else 0


def is_extracted_jsonl(path: str) -> bool:
    """True for a JSONL file of extracted records (its first line has a 'kind' key), not of articles."""
    if not path.endswith(".jsonl") or not Path(path).is_file():
        return False
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                try:
                    return "kind" in json.loads(line)
                except ValueError:
                    return False
    return False


def read_records(path: str, errors: list[str]) -> Iterator[Record]:
    """Records from an extracted JSONL file; a bad line is reported in `errors` and skipped."""
    from pydantic import ValidationError

    with open(path, encoding="utf-8") as lines:
        for line_no, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                yield from_json(json.loads(line))
            except (ValueError, ValidationError) as exc:
                message = str(exc).splitlines()[0]
                errors.append(str(InputError(f"not an extracted record ({message}): re-run `eventwire extract "
                                             f"--format jsonl`", path=path, line=line_no)))


def extract_records(settings: Settings, paths: list[str], errors: list[str], *,
                    store: bool = False) -> Iterator[Record]:
    """Records of articles, by running the extraction pipeline (as `eventwire extract` does);
    with `store`, the articles and their records are saved too, so every incident's reports can
    be opened in the evidence view."""
    from eventwire.ingest import read_inputs
    from eventwire.pipeline import load

    articles = []
    for item in read_inputs(paths):
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            articles.append(item)
    ew = load(settings)
    database = _open(settings) if store else None
    try:
        for result in ew.pipe(articles):
            if result.error:
                errors.append(f"{result.article.id}: {result.error}")
            if database is not None:
                database.save_article(result.article, result.records)
            yield from result.records
    finally:
        if database is not None:
            database.close()


def stored_records(settings: Settings) -> Iterator[Record]:
    """Every record already in the database (what `eventwire extract` stored)."""
    database = _open(settings)
    try:
        yield from database.load_records()
    finally:
        database.close()


def _open(settings: Settings):
    from eventwire.store import open_store

    return open_store(settings.db)


def run_merge(settings: Settings, paths: Iterable[str], *, fmt: str = "table", store: bool = True,
              out: IO[str] = sys.stdout, err: IO[str] = sys.stderr) -> MergeSummary:
    """Merge every record of `paths` (or, with no paths, of the database) into incidents; store and print them."""
    summary = MergeSummary()
    paths = list(paths)
    merger = Merger()
    if not paths:
        for record in stored_records(settings):
            merger.add(record)
            summary.n_records += 1
    extracted = [path for path in paths if is_extracted_jsonl(path)]
    articles = [path for path in paths if path not in extracted]
    for path in extracted:
        for record in read_records(path, summary.errors):
            merger.add(record)
            summary.n_records += 1
    if articles:
        for record in extract_records(settings, articles, summary.errors, store=store):
            merger.add(record)
            summary.n_records += 1
    incidents = merger.incidents()
    unattached = merger.unattached()
    summary.n_incidents, summary.n_unattached = len(incidents), len(unattached)
    if store:
        _save(settings, incidents)
    _print(incidents, unattached, fmt, out, err)
    for error in summary.errors:
        print(f"error: {error}", file=err)
    print(f"{summary.n_records} records -> {summary.n_incidents} incidents, {summary.n_unattached} unattached "
          f"(shown), {len(summary.errors)} errors", file=err)
    return summary


def _save(settings: Settings, incidents) -> None:
    store = _open(settings)
    try:
        store.save_incidents(incidents)
    finally:
        store.close()


def _print(incidents, unattached, fmt: str, out: IO[str], err: IO[str]) -> None:
    if fmt == "jsonl":
        for incident in incidents:
            out.write(json.dumps(incident_to_json(incident), ensure_ascii=False) + "\n")
        for record in unattached:  # kept visible without breaking "one incident a line" on stdout
            err.write("unattached: " + json.dumps(unattached_to_json(record), ensure_ascii=False) + "\n")
        return
    for incident in incidents:
        out.write(format_incident(incident) + "\n\n")
    for record in unattached:
        out.write(format_unattached(record) + "\n")

