"""Merged incidents: saved whole as JSON, spelled out in `incidents`, `incident_reports`,
`incident_figures`, `figure_history`, `merge_decisions` and `incident_actors`.

The merge stage recomputes every incident from all records, so the default is to
replace them all in one transaction: readers see the old set or the new one, never a
mix. `replace_all=False` replaces only the incidents given (an incremental merge).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from eventwire.records import Incident
from eventwire.store import schema
from eventwire.store.rows import place_columns, type_columns

_CHUNK = 500
_MERGE_LOCK_KEY = 0x65776D  # "ewm": any fixed number, PostgreSQL names advisory locks by integers


@lru_cache(maxsize=1)
def _adapter():
    from pydantic import TypeAdapter

    return TypeAdapter(Incident)


def incident_to_json(incident: Incident) -> dict[str, Any]:
    """The JSON form of a merged incident (what `incidents.data` holds)."""
    return _adapter().dump_python(incident, mode="json")


def incident_from_json(data: dict[str, Any]) -> Incident:
    """A typed Incident back from `incident_to_json`."""
    return _adapter().validate_python(data)


def save_incidents(conn: Connection, incidents: list[Incident], *, replace_all: bool) -> None:
    """Write the incidents and their child rows inside the caller's transaction."""
    if conn.dialect.name == "postgresql":
        # Two merges at once would both delete, then collide on the same ids: take turns.
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MERGE_LOCK_KEY})")
    _delete(conn, None if replace_all else [incident.incident_id for incident in incidents])
    tables: dict[str, list[dict[str, Any]]] = {table.name: [] for table in schema.INCIDENT_TABLES}
    stored_at = datetime.now(UTC)
    for incident in incidents:
        _add_incident_rows(tables, incident, stored_at)
    for table in reversed(schema.INCIDENT_TABLES):  # parents first
        if tables[table.name]:
            conn.execute(insert(table), tables[table.name])


def _delete(conn: Connection, incident_ids: list[str] | None) -> None:
    for table in schema.INCIDENT_TABLES:  # children first
        if incident_ids is None:
            conn.execute(delete(table))
            continue
        for start in range(0, len(incident_ids), _CHUNK):
            conn.execute(delete(table).where(table.c.incident_id.in_(incident_ids[start:start + _CHUNK])))


def _add_incident_rows(tables: dict[str, list[dict]], incident: Incident, stored_at: datetime) -> None:
    key = {"incident_id": incident.incident_id}
    published = _published_dates(incident)
    tables["incidents"].append({
        **key, **type_columns(incident.date, incident.event_types, incident.figures),
        **place_columns(incident.location),
        "n_articles": len(set(incident.article_ids)), "n_reports": len(set(incident.record_ids)),
        "first_published": min(published, default=None), "last_published": max(published, default=None),
        "data": incident_to_json(incident), "stored_at": stored_at,
    })
    reports = {decision.record_id: decision.article_id for decision in incident.decisions}
    for record_id in dict.fromkeys(incident.record_ids):
        article_id = reports.get(record_id) or _article_of(record_id, incident.article_ids)
        tables["incident_reports"].append({**key, "record_id": record_id, "article_id": article_id})
    for figure in incident.figures:
        tables["incident_figures"].append({
            **key, "category": figure.category, "low": figure.low, "best": figure.best, "high": figure.high,
            "rule": figure.rule, "n_reports": figure.n_reports, "conflicts": list(figure.conflicts) or None,
        })
    for category, history in incident.history.items():
        for seq, report in enumerate(history):
            tables["figure_history"].append({
                **key, "category": category, "seq": seq, "low": report.low, "best": report.best,
                "high": report.high, "qualifier": report.qualifier, "published": report.published,
                "source": report.source, "attribution": report.attribution.display or None,
                "article_id": report.article_id, "record_id": report.record_id,
                "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in report.evidence],
            })
    for decision in incident.decisions:
        tables["merge_decisions"].append({
            **key, "record_id": decision.record_id, "article_id": decision.article_id,
            "action": decision.action, "score": decision.score, "signals": dict(decision.signals),
            "reason": decision.reason,
        })
    for seq, actor in enumerate(incident.actors):
        tables["incident_actors"].append({**key, "seq": seq, "name": actor.name, "role": actor.role,
                                          "stance": actor.stance})


def _published_dates(incident: Incident) -> list[str]:
    dates = [report.published for history in incident.history.values() for report in history]
    dates += [statement.published for statement in incident.statements]
    return [value for value in dates if value]


def _article_of(record_id: str, article_ids: tuple[str, ...]) -> str:
    """The article a record id belongs to, when no merge decision names it (ids start with it)."""
    matches = [article_id for article_id in article_ids if record_id.startswith(article_id)]
    return max(matches, key=len) if matches else (article_ids[0] if len(article_ids) == 1 else "")


def load_incidents(conn: Connection, incident_ids: Iterable[str] | None = None) -> list[Incident]:
    """Typed incidents, ordered by event date then id (all of them unless ids are given)."""
    query = select(schema.incidents.c.data).order_by(schema.incidents.c.event_date, schema.incidents.c.incident_id)
    if incident_ids is not None:
        query = query.where(schema.incidents.c.incident_id.in_(list(incident_ids)))
    return [incident_from_json(row.data) for row in conn.execute(query)]
