"""The tables, named plainly so the SQLite file reads well in datasette or any SQL client.

Every record is kept whole as JSON (`records.data`, `incidents.data`: the round trip
of `records.to_json`), and what people filter on is copied into plain columns beside
it (kind, event date, country, admin1, lat/lon, killed). The child tables (`figures`,
`evidence`, `sources`, `actors`, `statements`) spell the JSON out row by row so a
figure's evidence and citation chain can be read with a join, not a JSON parser.

Child rows point back with readable keys, not surrogate ids: `(article_id, record_id,
field, item)` names "the 2nd figure of record X", so `evidence` joins `figures` on
`field = 'figure' AND item = figures.seq`.

The full-text index (`search_index`) differs by engine (an FTS5 virtual table on
SQLite, a table with a generated tsvector and a GIN index on PostgreSQL); it is created
by the migration and declared here only with the columns the writer fills.

This module is the current shape; `migrations/versions/` holds how each database gets
there. A test checks that a database upgraded from empty matches this metadata.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

# JSON text on SQLite (readable as is), JSONB on PostgreSQL (queryable, compact).
Json = JSON().with_variant(JSONB(), "postgresql")


def _cascade(table: str) -> ForeignKey:
    return ForeignKey(f"{table}.article_id", ondelete="CASCADE")


def _place_columns() -> list[Column]:
    """The plain location columns shared by records and incidents."""
    return [
        Column("location", Text),
        Column("admin1", Text),
        Column("country", String(8)),
        Column("lat", Float),
        Column("lon", Float),
        Column("geo_precision", String(16)),
    ]


def _type_columns() -> list[Column]:
    """Event date, type and headline figures, shared by records and incidents."""
    return [
        Column("event_date", String(10)),
        Column("date_precision", String(8)),
        Column("event_type", Text),
        Column("sub_event_type", Text),
        Column("gtd_attack_type", Text),
        Column("killed_low", Integer),
        Column("killed_best", Integer),
        Column("killed_high", Integer),
        Column("injured_best", Integer),
    ]


articles = Table(
    "articles", metadata,
    Column("article_id", Text, primary_key=True),
    Column("content_hash", String(16), nullable=False, unique=True),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("published", String(40), comment="ISO 8601 as given, with its UTC offset when known"),
    Column("lang", String(16)),
    Column("n_chars", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("origin_path", Text),
    Column("origin_line", Integer),
    Column("origin_offset", Integer),
    Column("origin_format", String(16)),
    Column("extra", Json),
    Column("stored_at", DateTime(timezone=True), nullable=False),
)
Index("ix_articles_published", articles.c.published)

records = Table(
    "records", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Text, _cascade("articles"), nullable=False),
    Column("record_id", Text, nullable=False),
    Column("seq", Integer, nullable=False, comment="order of the record within its article"),
    Column("kind", String(24), nullable=False),
    Column("published", String(40)),
    Column("source", Text),
    *_type_columns(),
    *_place_columns(),
    Column("confidence", Float),
    Column("data", Json, nullable=False),
    UniqueConstraint("article_id", "record_id", name="uq_records_article_record"),
)
Index("ix_records_kind", records.c.kind)
Index("ix_records_event_date", records.c.event_date)
Index("ix_records_country", records.c.country, records.c.admin1)

figures = Table(
    "figures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Text, _cascade("articles"), nullable=False),
    Column("record_id", Text, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("category", String(32), nullable=False),
    Column("low", Integer),
    Column("best", Integer),
    Column("high", Integer),
    Column("qualifier", Text),
    Column("vague", Boolean, nullable=False),
    Column("flags", Json),
    Column("attribution", Text, comment="the citation chain, outlet first: 'TASS ← FSB press office'"),
    Column("extractor", String(64), nullable=False),
)
Index("ix_figures_record", figures.c.article_id, figures.c.record_id)
Index("ix_figures_category", figures.c.category)

evidence = Table(
    "evidence", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Text, _cascade("articles"), nullable=False),
    Column("record_id", Text, nullable=False),
    Column("field", String(24), nullable=False, comment="figure, record, location, date, actor, ..."),
    Column("item", Integer, nullable=False, comment="which one of that field (figures.seq for a figure)"),
    Column("start_char", Integer, nullable=False, comment="half-open offsets into articles.text"),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
Index("ix_evidence_record", evidence.c.article_id, evidence.c.record_id, evidence.c.field, evidence.c.item)

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Text, _cascade("articles"), nullable=False),
    Column("record_id", Text, nullable=False),
    Column("field", String(24), nullable=False, comment="whose chain: record, figure, statement, actor"),
    Column("item", Integer, nullable=False),
    Column("link", Integer, nullable=False, comment="0 is the outlet, the last link the original source"),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
)
Index("ix_sources_record", sources.c.article_id, sources.c.record_id)
Index("ix_sources_name", sources.c.name)

actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Text, _cascade("articles"), nullable=False),
    Column("record_id", Text, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("stance", String(16)),
    Column("kind", Text),
)
Index("ix_actors_name", actors.c.name)

statements = Table(
    "statements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Text, _cascade("articles"), nullable=False),
    Column("record_id", Text, nullable=False),
    Column("kind", String(24), nullable=False),
    Column("speaker", Text),
    Column("subject", Text),
    Column("about", Text),
    Column("event_date", String(10)),
    Column("published", String(40)),
    Column("precedes_incident", Boolean, nullable=False),
    Column("summary", Text),
    Column("attribution", Text),
)
Index("ix_statements_kind", statements.c.kind)

# --- merged incidents: replaced as a whole by each `eventwire merge` ---

incidents = Table(
    "incidents", metadata,
    Column("incident_id", Text, primary_key=True),
    *_type_columns(),
    *_place_columns(),
    Column("n_articles", Integer, nullable=False),
    Column("n_reports", Integer, nullable=False),
    Column("first_published", String(40)),
    Column("last_published", String(40)),
    Column("data", Json, nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
)
Index("ix_incidents_event_date", incidents.c.event_date)
Index("ix_incidents_country", incidents.c.country, incidents.c.admin1)
Index("ix_incidents_killed_best", incidents.c.killed_best)
Index("ix_incidents_injured_best", incidents.c.injured_best)
Index("ix_incidents_event_type", incidents.c.event_type)
Index("ix_incidents_lon_lat", incidents.c.lon, incidents.c.lat)


def _incident_fk() -> ForeignKey:
    return ForeignKey("incidents.incident_id", ondelete="CASCADE")


incident_reports = Table(
    "incident_reports", metadata,
    Column("incident_id", Text, _incident_fk(), primary_key=True),
    Column("record_id", Text, primary_key=True),
    Column("article_id", Text, nullable=False),
)
Index("ix_incident_reports_article", incident_reports.c.article_id)

incident_figures = Table(
    "incident_figures", metadata,
    Column("incident_id", Text, _incident_fk(), primary_key=True),
    Column("category", String(32), primary_key=True),
    Column("low", Integer),
    Column("best", Integer),
    Column("high", Integer),
    Column("rule", Text, nullable=False),
    Column("n_reports", Integer, nullable=False),
    Column("conflicts", Json),
)

figure_history = Table(
    "figure_history", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("incident_id", Text, _incident_fk(), nullable=False),
    Column("category", String(32), nullable=False),
    Column("seq", Integer, nullable=False, comment="order of publication within the category"),
    Column("low", Integer),
    Column("best", Integer),
    Column("high", Integer),
    Column("qualifier", Text),
    Column("published", String(40)),
    Column("source", Text, nullable=False),
    Column("attribution", Text),
    Column("article_id", Text, nullable=False),
    Column("record_id", Text, nullable=False),
    Column("evidence", Json),
)
Index("ix_figure_history_incident", figure_history.c.incident_id, figure_history.c.category)

merge_decisions = Table(
    "merge_decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("incident_id", Text, _incident_fk(), nullable=False),
    Column("record_id", Text, nullable=False),
    Column("article_id", Text, nullable=False),
    Column("action", String(16), nullable=False),
    Column("score", Float, nullable=False),
    Column("signals", Json),
    Column("reason", Text),
)
Index("ix_merge_decisions_incident", merge_decisions.c.incident_id)

incident_actors = Table(
    "incident_actors", metadata,
    Column("incident_id", Text, _incident_fk(), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("stance", String(16)),
)
Index("ix_incident_actors_name", incident_actors.c.name)

# Declared for inserts only; its DDL is engine-specific and lives in the migration.
search_index = Table(
    "search_index", MetaData(),
    Column("article_id", Text),
    Column("title", Text),
    Column("body", Text),
    Column("evidence", Text),
)

# Deleted before re-inserting, children first, when the incidents are replaced.
INCIDENT_TABLES = (incident_actors, merge_decisions, figure_history, incident_figures, incident_reports, incidents)
ARTICLE_CHILD_TABLES = (statements, actors, sources, evidence, figures, records)
