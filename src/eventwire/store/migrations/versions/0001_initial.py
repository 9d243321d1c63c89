"""Initial schema: articles and their records, figures, evidence, sources; merged incidents; search.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen here, not imported from schema.py: a migration must keep meaning what it meant.
JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

TABLES_CHILDREN_FIRST = (
    "statements", "sources", "records", "merge_decisions", "incident_reports", "incident_figures",
    "incident_actors", "figures", "figure_history", "evidence", "actors", "incidents", "articles",
)


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=16), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=40), nullable=True, comment='ISO 8601 as given, with its UTC offset when known'),
    sa.Column('lang', sa.String(length=16), nullable=True),
    sa.Column('n_chars', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('origin_path', sa.Text(), nullable=True),
    sa.Column('origin_line', sa.Integer(), nullable=True),
    sa.Column('origin_offset', sa.Integer(), nullable=True),
    sa.Column('origin_format', sa.String(length=16), nullable=True),
    sa.Column('extra', JSON_TYPE, nullable=True),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('article_id'),
    sa.UniqueConstraint('content_hash')
    )
    op.create_index('ix_articles_published', 'articles', ['published'], unique=False)

    op.create_table('incidents',
    sa.Column('incident_id', sa.Text(), nullable=False),
    sa.Column('event_date', sa.String(length=10), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('event_type', sa.Text(), nullable=True),
    sa.Column('sub_event_type', sa.Text(), nullable=True),
    sa.Column('gtd_attack_type', sa.Text(), nullable=True),
    sa.Column('killed_low', sa.Integer(), nullable=True),
    sa.Column('killed_best', sa.Integer(), nullable=True),
    sa.Column('killed_high', sa.Integer(), nullable=True),
    sa.Column('injured_best', sa.Integer(), nullable=True),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.String(length=16), nullable=True),
    sa.Column('n_articles', sa.Integer(), nullable=False),
    sa.Column('n_reports', sa.Integer(), nullable=False),
    sa.Column('first_published', sa.String(length=40), nullable=True),
    sa.Column('last_published', sa.String(length=40), nullable=True),
    sa.Column('data', JSON_TYPE, nullable=False),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('incident_id')
    )
    op.create_index('ix_incidents_country', 'incidents', ['country', 'admin1'], unique=False)
    op.create_index('ix_incidents_event_date', 'incidents', ['event_date'], unique=False)

    op.create_table('actors',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('stance', sa.String(length=16), nullable=True),
    sa.Column('kind', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_actors_name', 'actors', ['name'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('field', sa.String(length=24), nullable=False, comment='figure, record, location, date, actor, ...'),
    sa.Column('item', sa.Integer(), nullable=False, comment='which one of that field (figures.seq for a figure)'),
    sa.Column('start_char', sa.Integer(), nullable=False, comment='half-open offsets into articles.text'),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_evidence_record', 'evidence', ['article_id', 'record_id', 'field', 'item'], unique=False)

    op.create_table('figure_history',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('incident_id', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False, comment='order of publication within the category'),
    sa.Column('low', sa.Integer(), nullable=True),
    sa.Column('best', sa.Integer(), nullable=True),
    sa.Column('high', sa.Integer(), nullable=True),
    sa.Column('qualifier', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=40), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('attribution', sa.Text(), nullable=True),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('evidence', JSON_TYPE, nullable=True),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.incident_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_figure_history_incident', 'figure_history', ['incident_id', 'category'], unique=False)

    op.create_table('figures',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('low', sa.Integer(), nullable=True),
    sa.Column('best', sa.Integer(), nullable=True),
    sa.Column('high', sa.Integer(), nullable=True),
    sa.Column('qualifier', sa.Text(), nullable=True),
    sa.Column('vague', sa.Boolean(), nullable=False),
    sa.Column('flags', JSON_TYPE, nullable=True),
    sa.Column('attribution', sa.Text(), nullable=True, comment="the citation chain, outlet first: 'TASS ← FSB press office'"),
    sa.Column('extractor', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_figures_category', 'figures', ['category'], unique=False)
    op.create_index('ix_figures_record', 'figures', ['article_id', 'record_id'], unique=False)

    op.create_table('incident_actors',
    sa.Column('incident_id', sa.Text(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('stance', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.incident_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('incident_id', 'seq')
    )
    op.create_index('ix_incident_actors_name', 'incident_actors', ['name'], unique=False)

    op.create_table('incident_figures',
    sa.Column('incident_id', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('low', sa.Integer(), nullable=True),
    sa.Column('best', sa.Integer(), nullable=True),
    sa.Column('high', sa.Integer(), nullable=True),
    sa.Column('rule', sa.Text(), nullable=False),
    sa.Column('n_reports', sa.Integer(), nullable=False),
    sa.Column('conflicts', JSON_TYPE, nullable=True),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.incident_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('incident_id', 'category')
    )
    op.create_table('incident_reports',
    sa.Column('incident_id', sa.Text(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.incident_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('incident_id', 'record_id')
    )
    op.create_index('ix_incident_reports_article', 'incident_reports', ['article_id'], unique=False)

    op.create_table('merge_decisions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('incident_id', sa.Text(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('signals', JSON_TYPE, nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.incident_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_merge_decisions_incident', 'merge_decisions', ['incident_id'], unique=False)

    op.create_table('records',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False, comment='order of the record within its article'),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('published', sa.String(length=40), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('event_date', sa.String(length=10), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('event_type', sa.Text(), nullable=True),
    sa.Column('sub_event_type', sa.Text(), nullable=True),
    sa.Column('gtd_attack_type', sa.Text(), nullable=True),
    sa.Column('killed_low', sa.Integer(), nullable=True),
    sa.Column('killed_best', sa.Integer(), nullable=True),
    sa.Column('killed_high', sa.Integer(), nullable=True),
    sa.Column('injured_best', sa.Integer(), nullable=True),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.String(length=16), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('data', JSON_TYPE, nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'record_id', name='uq_records_article_record')
    )
    op.create_index('ix_records_country', 'records', ['country', 'admin1'], unique=False)
    op.create_index('ix_records_event_date', 'records', ['event_date'], unique=False)
    op.create_index('ix_records_kind', 'records', ['kind'], unique=False)

    op.create_table('sources',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('field', sa.String(length=24), nullable=False, comment='whose chain: record, figure, statement, actor'),
    sa.Column('item', sa.Integer(), nullable=False),
    sa.Column('link', sa.Integer(), nullable=False, comment='0 is the outlet, the last link the original source'),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_sources_name', 'sources', ['name'], unique=False)
    op.create_index('ix_sources_record', 'sources', ['article_id', 'record_id'], unique=False)

    op.create_table('statements',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('speaker', sa.Text(), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('about', sa.Text(), nullable=True),
    sa.Column('event_date', sa.String(length=10), nullable=True),
    sa.Column('published', sa.String(length=40), nullable=True),
    sa.Column('precedes_incident', sa.Boolean(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('attribution', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_statements_kind', 'statements', ['kind'], unique=False)
    _create_search_index()


def _create_search_index() -> None:
    """Full text over each article's title, text and evidence: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

    Both stem English ('killed' finds 'kill'); the writer fills one row per article.
    """
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5("
            "article_id UNINDEXED, title, body, evidence, tokenize='porter unicode61')"
        )
        return
    op.execute(
        "CREATE TABLE search_index ("
        " article_id TEXT PRIMARY KEY REFERENCES articles(article_id) ON DELETE CASCADE,"
        " title TEXT, body TEXT, evidence TEXT,"
        " tsv tsvector GENERATED ALWAYS AS ("
        "  setweight(to_tsvector('english', coalesce(title, '')), 'A') ||"
        "  setweight(to_tsvector('english', coalesce(evidence, '')), 'B') ||"
        "  setweight(to_tsvector('english', coalesce(body, '')), 'C')) STORED)"
    )
    op.execute("CREATE INDEX ix_search_index_tsv ON search_index USING GIN (tsv)")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_index")
    for table in TABLES_CHILDREN_FIRST:
        op.drop_table(table)
