"""Parquet: one row per merged incident, with typed columns that pandas, DuckDB and Spark read as is.

Types are chosen for those readers: the event date is `date32` (Spark DateType),
publication times are UTC `timestamp[us]` (Spark cannot read nanoseconds), counts are
nullable `int32` (unknown stays null, never 0), and only signed integers are used
(Spark has no unsigned types). The figure history is a list of structs, one per
report, each with its own evidence spans, so "how did the death toll grow" is a query
(`explode(history)` in Spark, `UNNEST` in DuckDB), not a JSON parse.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.export import fields
from eventwire.records import Incident

_SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
_FIGURE = pa.struct([
    ("category", pa.string()), ("low", pa.int32()), ("best", pa.int32()), ("high", pa.int32()),
    ("rule", pa.string()), ("n_reports", pa.int32()), ("conflicts", pa.list_(pa.string())),
])
_REPORT = pa.struct([
    ("category", pa.string()), ("seq", pa.int32()), ("low", pa.int32()), ("best", pa.int32()),
    ("high", pa.int32()), ("qualifier", pa.string()), ("vague", pa.bool_()),
    ("published", pa.timestamp("us", tz="UTC")), ("source", pa.string()), ("attribution", pa.list_(pa.string())),
    ("article_id", pa.string()), ("record_id", pa.string()), ("evidence", pa.list_(_SPAN)),
])
_ACTOR = pa.struct([("name", pa.string()), ("role", pa.string()), ("stance", pa.string()), ("kind", pa.string())])
_STATEMENT = pa.struct([
    ("record_id", pa.string()), ("kind", pa.string()), ("speaker", pa.string()), ("subject", pa.string()),
    ("published", pa.timestamp("us", tz="UTC")), ("article_id", pa.string()), ("attribution", pa.string()),
    ("evidence", pa.list_(_SPAN)),
])
_COUNTED = ("killed", "injured", "kidnapped", "arrested")

SCHEMA = pa.schema([
    ("incident_id", pa.string()), ("event_date", pa.date32()), ("year", pa.int32()),
    ("date_precision", pa.string()), ("country", pa.string()), ("country_name", pa.string()),
    ("admin1", pa.string()), ("admin2", pa.string()), ("location", pa.string()), ("latitude", pa.float64()),
    ("longitude", pa.float64()), ("precision", pa.string()), ("geo_precision", pa.int32()),
    ("event_type", pa.string()), ("sub_event_type", pa.string()), ("disorder_type", pa.string()),
    ("gtd_attack_types", pa.list_(pa.string())), ("weapon_types", pa.list_(pa.string())),
    ("target_types", pa.list_(pa.string())), ("fatalities", pa.int32()),
    *[(f"{category}_{part}", pa.int32()) for category in _COUNTED for part in ("low", "best", "high")],
    ("n_articles", pa.int32()), ("article_ids", pa.list_(pa.string())), ("sources", pa.list_(pa.string())),
    ("first_published", pa.timestamp("us", tz="UTC")), ("last_published", pa.timestamp("us", tz="UTC")),
    ("actors", pa.list_(_ACTOR)), ("figures", pa.list_(_FIGURE)), ("history", pa.list_(_REPORT)),
    ("statements", pa.list_(_STATEMENT)), ("notes", pa.string()),
])


def write_parquet(incidents: Sequence[Incident], path: str | Path) -> int:
    """Write `incidents` to one Parquet file at `path`; returns rows."""
    pq.write_table(incident_table(incidents), str(path), compression="zstd")
    return len(incidents)


def incident_table(incidents: Sequence[Incident]) -> pa.Table:
    """The Arrow table of `incidents` in SCHEMA (also what the Spark job writes)."""
    return pa.Table.from_pylist([incident_row(incident) for incident in incidents], schema=SCHEMA)


def incident_row(incident: Incident) -> dict[str, Any]:
    place = incident.location
    acled = incident.event_types.acled[0] if incident.event_types.acled else None
    published = fields.published_times(incident)
    row: dict[str, Any] = {
        "incident_id": incident.incident_id,
        "event_date": _day(incident),
        "year": _year(incident),
        "date_precision": incident.date.precision if incident.date else None,
        "country": place.country if place else None,
        "country_name": place.country_name if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "precision": place.precision if place else None,
        "geo_precision": place.geo_precision if place else None,
        "event_type": acled.event_type if acled else None,
        "sub_event_type": acled.sub_event_type if acled else None,
        "disorder_type": acled.disorder_type if acled else None,
        "gtd_attack_types": list(incident.event_types.gtd),
        "weapon_types": list(dict.fromkeys(weapon.gtd for weapon in incident.weapons)),
        "target_types": list(dict.fromkeys(target.gtd for target in incident.targets)),
        "fatalities": fields.conservative(incident, "killed"),
        "n_articles": len(set(incident.article_ids)),
        "article_ids": list(incident.article_ids),
        "sources": fields.outlets(incident),
        "first_published": published[0] if published else None,
        "last_published": published[-1] if published else None,
        "actors": [{"name": a.name, "role": a.role, "stance": a.stance, "kind": a.kind} for a in incident.actors],
        "figures": [{"category": f.category, "low": f.low, "best": f.best, "high": f.high, "rule": f.rule,
                     "n_reports": f.n_reports, "conflicts": list(f.conflicts)} for f in incident.figures],
        "history": _history(incident),
        "statements": [_statement(statement) for statement in incident.statements],
        "notes": fields.write_notes(incident),
    }
    for category in _COUNTED:
        found = fields.figure(incident, category)
        for part in ("low", "best", "high"):
            row[f"{category}_{part}"] = getattr(found, part) if found else None
    return row


def _day(incident: Incident) -> date | None:
    """The event day; a month or year precision date is stored as its first day (see date_precision)."""
    value = fields.event_day(incident)
    if not value:
        return None
    padded = value + "-01-01"[len(value) - 4:] if len(value) < 10 else value
    try:
        return date.fromisoformat(padded)
    except ValueError:
        return None


def _year(incident: Incident) -> int | None:
    value = fields.event_day(incident)
    return int(value[:4]) if value and value[:4].isdigit() else None


def _spans(spans) -> list[dict[str, Any]]:
    return [{"start": span.start, "end": span.end, "text": span.text} for span in spans]


def _history(incident: Incident) -> list[dict[str, Any]]:
    rows = []
    for category, reports in incident.history.items():
        for seq, report in enumerate(reports):
            rows.append({
                "category": category, "seq": seq, "low": report.low, "best": report.best, "high": report.high,
                "qualifier": report.qualifier, "vague": report.vague,
                "published": fields.parse_time(report.published), "source": report.source,
                "attribution": [ref.name for ref in report.attribution.chain],
                "article_id": report.article_id, "record_id": report.record_id,
                "evidence": _spans(report.evidence),
            })
    return rows


def _statement(statement) -> dict[str, Any]:
    return {
        "record_id": statement.record_id, "kind": statement.kind,
        "speaker": statement.speaker.name if statement.speaker else None,
        "subject": statement.subject.name if statement.subject else None,
        "published": fields.parse_time(statement.published), "article_id": statement.article_id,
        "attribution": statement.attribution.display or None, "evidence": _spans(statement.evidence),
    }
