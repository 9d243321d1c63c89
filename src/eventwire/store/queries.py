"""Incident queries for the REST API: filters, sorting and paging over the `incidents` table.

Rows are plain dicts of the `incidents` columns (no `data`): enough for a list or a
map; the API fetches the full incident with `Store.get_incident`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Connection, and_, exists, func, or_, select, text

from eventwire.errors import StoreError
from eventwire.store import schema
from eventwire.store.search import fts5_query, matching_article_ids_sql

MAX_LIMIT = 1000
_incidents = schema.incidents
# Sort keys the API may pass; "-key" sorts descending. Ties break on incident_id.
SORT_KEYS = {
    "event_date": _incidents.c.event_date,
    "killed": _incidents.c.killed_best,
    "injured": _incidents.c.injured_best,
    "n_articles": _incidents.c.n_articles,
    "last_published": _incidents.c.last_published,
    "country": _incidents.c.country,
}
LIST_COLUMNS = [column for column in _incidents.c if column.name not in {"data", "stored_at"}]


@dataclass(frozen=True)
class IncidentFilters:
    """What `list_incidents` can filter on; every field is optional.

    Dates are ISO days compared with the incident's event date (inclusive). Country
    and admin1 compare case-insensitively with the stored codes/names. `event_type`
    matches the ACLED type, sub-type or GTD attack type. `actor` matches any part of
    an actor's name. `bbox` is (min_lon, min_lat, max_lon, max_lat), GeoJSON order.
    `q` is a full-text query over the incident's articles (see `store.search`).
    """

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    min_killed: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None
    limit: int = 50
    offset: int = 0
    sort: str = "-event_date"

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> IncidentFilters:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise StoreError(f"unknown incident filters {unknown}; known: {sorted(known)}")
        return cls(**{key: value for key, value in values.items() if value is not None})


def list_incidents(conn: Connection, filters: IncidentFilters | Mapping[str, Any] | None = None
                   ) -> tuple[list[dict[str, Any]], int]:
    """(one page of incident rows, total number matching the filters)."""
    if filters is None:
        filters = IncidentFilters()
    elif not isinstance(filters, IncidentFilters):
        filters = IncidentFilters.from_mapping(filters)
    conditions = _conditions(conn.dialect.name, filters)
    if conditions is None:
        return [], 0
    total = conn.scalar(select(func.count()).select_from(_incidents).where(*conditions))
    query = (select(*LIST_COLUMNS).where(*conditions).order_by(*_order(filters.sort))
             .limit(max(0, min(filters.limit, MAX_LIMIT))).offset(max(0, filters.offset)))
    return [dict(row) for row in conn.execute(query).mappings()], total or 0


def _conditions(dialect: str, filters: IncidentFilters) -> list | None:
    """The WHERE clauses; None when the filters can match nothing (a query with no words)."""
    c = _incidents.c
    conditions: list = []
    if filters.date_from:
        conditions.append(c.event_date >= filters.date_from[:10])
    if filters.date_to:
        conditions.append(c.event_date <= filters.date_to[:10])
    if filters.country:
        # Codes are stored upper-case (ISO 3166 alpha-2): plain equality keeps the index usable.
        conditions.append(c.country == filters.country.upper())
    if filters.admin1:
        conditions.append(func.lower(c.admin1) == filters.admin1.lower())
    if filters.event_type:
        wanted = filters.event_type.lower()
        conditions.append(or_(*(func.lower(column) == wanted
                                for column in (c.event_type, c.sub_event_type, c.gtd_attack_type))))
    if filters.actor:
        actors = schema.incident_actors
        conditions.append(exists().where(actors.c.incident_id == c.incident_id,
                                         func.lower(actors.c.name).contains(filters.actor.lower(), autoescape=True)))
    if filters.min_killed is not None:
        conditions.append(c.killed_best >= filters.min_killed)
    if filters.bbox:
        min_lon, min_lat, max_lon, max_lat = filters.bbox
        conditions.append(and_(c.lon.between(min_lon, max_lon), c.lat.between(min_lat, max_lat)))
    if filters.q:
        matched = _text_condition(dialect, filters.q)
        if matched is None:
            return None
        conditions.append(matched)
    return conditions


def _text_condition(dialect: str, q: str):
    """Incidents with at least one report from an article matching `q`."""
    bound = q if dialect == "postgresql" else fts5_query(q)
    if not bound:
        return None
    articles = text(matching_article_ids_sql(dialect)).bindparams(q=bound).columns(schema.articles.c.article_id)
    reports = schema.incident_reports
    return _incidents.c.incident_id.in_(
        select(reports.c.incident_id).where(reports.c.article_id.in_(articles.subquery().select())))


def _order(sort: str) -> list:
    key = sort.lstrip("-")
    if key not in SORT_KEYS:
        raise StoreError(f"cannot sort incidents by {sort!r}; use one of {sorted(SORT_KEYS)}, '-' first to reverse")
    column = SORT_KEYS[key]
    ordered = column.desc().nulls_last() if sort.startswith("-") else column.asc().nulls_last()
    return [ordered, _incidents.c.incident_id]
