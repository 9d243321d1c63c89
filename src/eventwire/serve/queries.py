"""Read queries the API needs beyond `Store`'s: article summaries, statements, incidents of an article.

SQLAlchemy Core over the store's own tables (`eventwire.store.schema`), so they run
unchanged on SQLite and PostgreSQL; each opens one short connection and translates
driver errors into `StoreError` like the Store does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select

from eventwire.store import Store, schema
from eventwire.store.engine import translate_errors

# Ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits.
_CHUNK = 500


@dataclass(frozen=True)
class StatementFilters:
    """What `list_statements` filters on; every field is optional. Dates are ISO days, inclusive."""

    kind: str | None = None
    article_id: str | None = None
    incident_id: str | None = None
    speaker: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    limit: int = 50
    offset: int = 0


def article_summaries(store: Store, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Title, source, publication time, URL and language of each stored article (no text), by id."""
    ids = list(dict.fromkeys(article_ids))
    a = schema.articles.c
    summaries: dict[str, dict[str, Any]] = {}
    with translate_errors(store.url, "reading article summaries"), store.engine.connect() as conn:
        for start in range(0, len(ids), _CHUNK):
            query = (select(a.article_id, a.title, a.source, a.published, a.url, a.lang, a.n_chars)
                     .where(a.article_id.in_(ids[start:start + _CHUNK])))
            summaries.update({row["article_id"]: dict(row) for row in conn.execute(query).mappings()})
    return summaries


def incidents_of_article(store: Store, article_id: str) -> list[str]:
    """Ids of the merged incidents that include a report of this article."""
    reports = schema.incident_reports.c
    query = select(reports.incident_id).where(reports.article_id == article_id).distinct().order_by(reports.incident_id)
    with translate_errors(store.url, f"reading incidents of article {article_id}"), store.engine.connect() as conn:
        return list(conn.scalars(query))


def list_statements(store: Store, filters: StatementFilters) -> tuple[list[dict[str, Any]], int]:
    """(one page of statements as their record JSON plus article title/source, total matching).

    Ordered by publication time then id, so pages are stable while nothing is written.
    """
    s, r, a = schema.statements.c, schema.records.c, schema.articles.c
    conditions = _statement_conditions(filters)
    joined = schema.statements.join(
        schema.records, and_(r.article_id == s.article_id, r.record_id == s.record_id)
    ).join(schema.articles, a.article_id == s.article_id)
    count = select(func.count()).select_from(schema.statements).where(*conditions)
    page = (select(r.data, a.title, a.source.label("article_source")).select_from(joined).where(*conditions)
            .order_by(s.published.asc().nulls_last(), s.id).limit(filters.limit).offset(filters.offset))
    with translate_errors(store.url, "listing statements"), store.engine.connect() as conn:
        total = conn.scalar(count) or 0
        rows = conn.execute(page).mappings().all()
    return [{**row["data"], "article_title": row["title"], "article_source": row["article_source"]}
            for row in rows], total


def _statement_conditions(filters: StatementFilters) -> list:
    s = schema.statements.c
    conditions: list = []
    if filters.kind:
        conditions.append(s.kind == filters.kind)
    if filters.article_id:
        conditions.append(s.article_id == filters.article_id)
    if filters.speaker:
        conditions.append(func.lower(s.speaker).contains(filters.speaker.lower(), autoescape=True))
    if filters.date_from:
        conditions.append(func.substr(s.published, 1, 10) >= filters.date_from)
    if filters.date_to:
        conditions.append(func.substr(s.published, 1, 10) <= filters.date_to)
    if filters.incident_id:
        # A statement belongs to an incident when the merge attached or linked its record to it.
        decisions = schema.merge_decisions.c
        conditions.append(s.record_id.in_(
            select(decisions.record_id).where(decisions.incident_id == filters.incident_id)))
    return conditions
