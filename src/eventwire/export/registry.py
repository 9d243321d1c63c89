"""The export formats by name, and `run_export`: select incidents from the store, write one file.

A format is one module with one writer; this table is the only place that lists them
(`eventwire export --format` takes its choices from it). The file is written beside its
target and renamed into place at the end, so a failed export never leaves half a file
where a good one was.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from eventwire.config import Settings
from eventwire.errors import InputError
from eventwire.export import acled_csv, geojson, gtd_csv, jsonl, parquet
from eventwire.export.regions import country_code
from eventwire.records import Incident


@dataclass(frozen=True)
class ExportJob:
    """What a writer gets: the open store, the selected incidents, whether a filter selected them."""

    store: Any
    incidents: Sequence[Incident]
    filtered: bool = False


@dataclass(frozen=True)
class ExportFormat:
    name: str
    binary: bool
    write: Callable[[ExportJob, Any], int]  # target: a text stream, or a path when binary; returns rows
    description: str


def _write_jsonl(job: ExportJob, stream: IO[str]) -> int:
    """All stored articles, or (when filtered) those of the selected incidents; returns incidents."""
    article_ids = [a for incident in job.incidents for a in incident.article_ids] if job.filtered else None
    return jsonl.write_jsonl(job.store, job.incidents, stream, article_ids=article_ids)[1]


FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt for fmt in (
        ExportFormat("acled-csv", False, lambda job, out: acled_csv.write_acled_csv(job.incidents, out),
                     "ACLED's columns, one row per incident"),
        ExportFormat("gtd-csv", False, lambda job, out: gtd_csv.write_gtd_csv(job.incidents, out),
                     "GTD's columns, one row per incident"),
        ExportFormat("geojson", False, lambda job, out: geojson.write_geojson(job.incidents, out),
                     "RFC 7946 FeatureCollection of points, flat properties"),
        ExportFormat("parquet", True, lambda job, path: parquet.write_parquet(job.incidents, path),
                     "typed columns, figure history as a list of structs"),
        ExportFormat("jsonl", False, _write_jsonl,
                     "articles, records and incidents, round-trippable with `eventwire import`"),
    )
}


@dataclass(frozen=True)
class ExportFilters:
    """Which incidents to export: event date between `since` and `until` (ISO days, inclusive), country."""

    since: str | None = None
    until: str | None = None
    country: str | None = None

    @property
    def active(self) -> bool:
        return any((self.since, self.until, self.country))

    def check(self) -> ExportFilters:
        """The filters with the country as an ISO code; InputError naming a bad date."""
        for name, value in (("--since", self.since), ("--until", self.until)):
            if value and not _is_iso_day(value):
                raise InputError(f"{value!r} is not a date: give an ISO day such as 2024-03-22", path=name)
        return ExportFilters(self.since, self.until, country_code(self.country) if self.country else None)

    def keep(self, incident: Incident) -> bool:
        """Whether `incident` passes; an incident without a date or country fails a filter on it."""
        day = incident.date.value[:10] if incident.date and incident.date.value else None
        if (self.since or self.until) and day is None:
            return False
        if self.since and day < self.since[:10]:
            return False
        if self.until and day > self.until[:10]:
            return False
        if self.country:
            code = incident.location.country if incident.location else None
            return (code or "").upper() == self.country
        return True


@dataclass
class ExportSummary:
    format: str
    path: str
    n_rows: int
    n_incidents: int
    merged_on_the_fly: bool = False

    def line(self) -> str:
        how = " (merged from stored records: none were stored; run `eventwire merge` to keep them)" \
            if self.merged_on_the_fly else ""
        return f"{self.n_incidents} incidents -> {self.n_rows} rows of {self.format} in {self.path}{how}"


def run_export(settings: Settings, fmt: str, path: str | Path,
               filters: ExportFilters = ExportFilters()) -> ExportSummary:
    """Export the incidents of `settings.db` passing `filters` to `path` in format `fmt`."""
    from eventwire.store import open_store

    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}", path="--format")
    filters = filters.check()
    store = open_store(settings.db)
    try:
        incidents, merged = select_incidents(store, filters, merge_if_none=fmt != "jsonl")
        n_rows = _write_atomically(FORMATS[fmt], ExportJob(store, incidents, filters.active), Path(path))
    finally:
        store.close()
    return ExportSummary(fmt, str(path), n_rows, len(incidents), merged)


def select_incidents(store, filters: ExportFilters, *, merge_if_none: bool) -> tuple[list[Incident], bool]:
    """(incidents passing `filters`, whether they were merged here because none were stored)."""
    incidents = store.load_incidents()
    merged = False
    if not incidents and merge_if_none:
        from eventwire.merge import merge_records

        incidents = merge_records(store.load_records())
        merged = bool(incidents)
    return [incident for incident in incidents if filters.keep(incident)], merged


def _write_atomically(fmt: ExportFormat, job: ExportJob, path: Path) -> int:
    partial = path.with_name(f".{path.name}.partial")
    try:
        if fmt.binary:
            n_rows = fmt.write(job, partial)
        else:
            with open(partial, "w", encoding="utf-8", newline="") as stream:
                n_rows = fmt.write(job, stream)
        os.replace(partial, path)
    except OSError as exc:
        raise InputError(f"cannot write the export ({exc.strerror}): check the folder exists and is writable",
                         path=str(path)) from exc
    finally:
        if partial.exists():
            partial.unlink()
    return n_rows


def _is_iso_day(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True
