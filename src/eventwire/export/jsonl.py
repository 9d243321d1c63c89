"""JSONL: the database as lines, round-trippable (`eventwire import` of an export gives the same database).

Line 1 is a header (`"kind": "eventwire_export"`, the format version and counts); then one
`"kind": "stored_article"` line per article (its text and metadata, and every record
extracted from it with spans and attribution, as `records.to_json` writes them); then
one line per merged incident (`"kind": "merged_incident"`, the whole `Incident`). An
article and its records are one line because the store saves them in one transaction.

Import reads line by line: a bad line is reported with file and line and skipped, the
rest goes in. Articles already stored (same text) are counted, not duplicated; the
incidents of the file replace incidents with the same ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO, Any

from eventwire.errors import InputError, StoreError
from eventwire.records import Article, Incident, Record, from_json, to_json

FORMAT_VERSION = 1
HEADER_KIND, ARTICLE_KIND, INCIDENT_KIND = "eventwire_export", "stored_article", "merged_incident"


@lru_cache(maxsize=2)
def _adapter(cls):
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


def article_to_json(article: Article) -> dict[str, Any]:
    return _adapter(Article).dump_python(article, mode="json")


def incident_to_json(incident: Incident) -> dict[str, Any]:
    return _adapter(Incident).dump_python(incident, mode="json")


def write_jsonl(store, incidents: Sequence[Incident], stream: IO[str], *,
                article_ids: Iterable[str] | None = None) -> tuple[int, int]:
    """Write the header, articles with their records (all, or `article_ids`), then incidents.

    Returns (articles written, incidents written). Articles come in the order they were
    stored, so a database imported from this file exports the same file again.
    """
    bundles = list(_stored_articles(store, article_ids))
    header = {"kind": HEADER_KIND, "version": FORMAT_VERSION, "n_articles": len(bundles),
              "n_incidents": len(incidents)}
    stream.write(_line(header))
    for article, records in bundles:
        stream.write(_line({"kind": ARTICLE_KIND, "article": article_to_json(article),
                            "records": [to_json(record) for record in records]}))
    for incident in incidents:
        stream.write(_line(incident_to_json(incident)))
    return len(bundles), len(incidents)


def _line(data: dict[str, Any]) -> str:
    # Sorted keys: PostgreSQL's JSONB gives dict keys back in its own order (scores, signals), so
    # only a canonical order makes an export of an imported database the same bytes.
    return json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"


def _stored_articles(store, article_ids: Iterable[str] | None) -> Iterator[tuple[Article, list[Record]]]:
    """(article, its records) in stored order; records of one article are stored together."""
    records = store.load_records(article_ids=None if article_ids is None else sorted(set(article_ids)))
    current: str | None = None
    group: list[Record] = []
    for record in records:
        if record.article_id != current and group:
            yield _with_article(store, current, group)
            group = []
        current = record.article_id
        group.append(record)
    if group:
        yield _with_article(store, current, group)


def _with_article(store, article_id: str | None, records: list[Record]) -> tuple[Article, list[Record]]:
    article = store.get_article(article_id or "")
    if article is None:
        raise StoreError(f"records of article {article_id!r} are stored without the article; "
                         "the database is damaged: re-run `eventwire extract` on that article")
    return article, records


@dataclass
class ImportSummary:
    """What an import did; `errors` name the file and line of each bad line."""

    n_articles: int = 0
    n_already_stored: int = 0
    n_incidents: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.n_articles} articles imported, {self.n_already_stored} already stored, "
                f"{self.n_incidents} incidents, {len(self.errors)} bad lines")


def import_jsonl(store, lines: Iterable[str | bytes], *, path: str = "-") -> ImportSummary:
    """Store every article (with its records) and incident of an export; bad lines are reported."""
    summary = ImportSummary()
    incidents: list[Incident] = []
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            _import_line(store, json.loads(line), summary, incidents)
        except (ValueError, TypeError, KeyError, InputError, StoreError) as exc:
            message = str(exc).splitlines()[0]
            summary.errors.append(str(InputError(f"{message}: fix or remove the line, then import again",
                                                 path=path, line=line_no)))
    if incidents:
        store.save_incidents(incidents, replace_all=False)
    summary.n_incidents = len(incidents)
    return summary


def _import_line(store, data: Any, summary: ImportSummary, incidents: list[Incident]) -> None:
    """One line: validation errors of pydantic are ValueErrors, so a bad line raises one of those."""
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind == HEADER_KIND:
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"export format version {data.get('version')!r}, this eventwire reads "
                             f"{FORMAT_VERSION}")
    elif kind == ARTICLE_KIND:
        article = _adapter(Article).validate_python(data["article"])
        records = [from_json(record) for record in data.get("records", [])]
        if store.save_article(article, records):
            summary.n_articles += 1
        else:
            summary.n_already_stored += 1
    elif kind == INCIDENT_KIND:
        incidents.append(_adapter(Incident).validate_python(data))
    else:
        raise ValueError(f"not an eventwire export line (kind {kind!r}); export with "
                         "`eventwire export --format jsonl`")


def run_import(settings, path: str) -> ImportSummary:
    """Import the export at `path` (gzip read through) into `settings.db`."""
    import gzip

    from eventwire.store import open_store

    opener = gzip.open if path.endswith(".gz") else open
    try:
        stream = opener(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot open the export ({exc.strerror}): check the path", path=path) from exc
    store = open_store(settings.db)
    try:
        with stream:
            return import_jsonl(store, stream, path=path)
    finally:
        store.close()
