"""Merging on Spark: records grouped by month, each month merged with its neighbours as context.

The merge stage links two reports only when their event days are a few days apart
(`merge.signals.DATE_WINDOW_DAYS`), and its own index is a week x place-cell grid, so
place is already handled inside a bucket; what Spark splits is time. Each article's
records travel together (the article record gives its incident records their toponyms)
to the month of every record's day and the months either side (the halo). A bucket
merges everything it holds with `merge.merge_records`, the single-process code, and
keeps only the incidents *founded* in its own month (the founder is the incident's
first report in the merger's canonical order), so each incident comes from exactly one
bucket and is built from every report within a month of its founder.

Where this can differ from one `eventwire merge` over the whole archive: a chain of
reports running over more than a month past its founder, and warnings linked more than
a month ahead (`WARNING_WINDOW_DAYS` is 60). Both are rare; docs/spark.md says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from eventwire.merge.features import incident_features, parse_day, statement_features
from eventwire.records import ArticleRecord, Incident, IncidentRecord, Record, StatementRecord, from_json

UNDATED = -1
def record_month(record: Record) -> int:
    """The month index (year * 12 + month - 1) of the day the merger files a record under; UNDATED if none."""
    if isinstance(record, IncidentRecord):
        day = incident_features(record, None).day
    elif isinstance(record, StatementRecord):
        day = statement_features(record, None).day
    elif isinstance(record, ArticleRecord):
        day = parse_day(record.published)
    else:
        day = None
    return UNDATED if day is None else day.year * 12 + day.month - 1


def bucket_keys(records: Iterable[Record]) -> set[int]:
    """The buckets one article's records go to: each record's month and the months either side."""
    keys: set[int] = set()
    for record in records:
        month = record_month(record)
        keys.update({UNDATED} if month == UNDATED else {month - 1, month, month + 1})
    return keys


def route_article(record_jsons: list[str]) -> Iterator[tuple[int, list[str]]]:
    """(bucket, the article's records as JSON) for every bucket the article belongs to."""
    records = [from_json(json.loads(text)) for text in record_jsons]
    for key in sorted(bucket_keys(records)):
        yield key, record_jsons


def merge_bucket(key: int, articles: Iterable[list[str]]) -> Iterator[Incident]:
    """The incidents founded in month `key`, merged from every article routed to the bucket."""
    from eventwire.merge import merge_records

    records = [from_json(json.loads(text)) for record_jsons in articles for text in record_jsons]
    month_of = {getattr(record, "record_id", None): record_month(record) for record in records}
    for incident in merge_records(records):
        if month_of.get(incident.record_ids[0]) == key:
            yield incident


def month_label(key: int) -> str:
    return "undated" if key == UNDATED else f"{key // 12:04d}-{key % 12 + 1:02d}"
