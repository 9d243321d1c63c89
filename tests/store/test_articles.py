"""Saving and reading articles and records, on both engines."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from eventwire.errors import StoreError
from eventwire.store import schema
from eventwire.store.migrate import head_revision
from tests.store.samples import expected_counts, sample_article, sample_records


def _count(store, table, **where) -> int:
    query = select(func.count()).select_from(table)
    for column, value in where.items():
        query = query.where(table.c[column] == value)
    with store.engine.connect() as conn:
        return conn.scalar(query)


def test_saved_article_reads_back_whole(store):
    article = sample_article(1)
    records = sample_records(article)
    assert store.save_article(article, records) is True
    assert store.has_article(article.content_hash)
    assert store.get_article(article.id) == article
    assert list(store.load_records()) == records
    assert store.get_article("no-such-article") is None


def test_child_tables_spell_out_figures_evidence_and_citation_chains(store):
    article = sample_article(2)
    records = sample_records(article)
    store.save_article(article, records)
    for table, n in expected_counts(records).items():
        assert _count(store, schema.metadata.tables[table]) == n, table
    with store.engine.connect() as conn:
        killed = conn.execute(select(schema.figures).where(schema.figures.c.category == "killed")).mappings().one()
        spans = conn.execute(select(schema.evidence).where(
            schema.evidence.c.record_id == killed["record_id"], schema.evidence.c.field == "figure",
            schema.evidence.c.item == killed["seq"])).mappings().all()
        chain = conn.scalars(select(schema.sources.c.name).where(
            schema.sources.c.record_id == killed["record_id"], schema.sources.c.field == "figure",
            schema.sources.c.item == killed["seq"]).order_by(schema.sources.c.link)).all()
        incident_row = conn.execute(select(schema.records).where(schema.records.c.kind == "incident")).mappings().one()
    assert (killed["best"], killed["qualifier"]) == (42, "at least")
    assert [span["text"] for span in spans] == ["At least 42 people were killed"]
    assert all(article.text[s["start_char"]:s["end_char"]] == s["text"] for s in spans)
    assert chain == ["wire report", "TASS", "Federal Security Service"]
    assert killed["attribution"] == "wire report ← TASS ← Federal Security Service"
    assert (incident_row["country"], incident_row["event_date"], incident_row["killed_best"]) == ("PK", "2024-03-22", 42)


def test_same_text_twice_is_stored_once(store):
    article = sample_article(3)
    assert store.save_article(article, sample_records(article)) is True
    assert store.save_article(article, sample_records(article)) is False
    renamed = replace(article, id="another-id-same-text")
    assert store.save_article(renamed, []) is False
    assert _count(store, schema.articles) == 1
    assert _count(store, schema.records) == len(sample_records(article))


def test_same_id_with_another_text_is_refused(store):
    article = sample_article(4)
    store.save_article(article, sample_records(article))
    with pytest.raises(StoreError, match="already stored with another text"):
        store.save_article(replace(article, text=article.text + " Updated."), [])


def test_article_that_fails_midway_leaves_nothing(store):
    """One transaction per article: a failure after the article row leaves no trace of it."""
    article = sample_article(5)
    records = sample_records(article)
    with pytest.raises(StoreError, match=f"saving article {article.id}"):
        store.save_article(article, [*records, records[1]])  # the same record id twice: unique violation
    assert not store.has_article(article.content_hash)
    for table in (schema.articles, *schema.ARTICLE_CHILD_TABLES):
        assert _count(store, table) == 0, table.name
    assert store.search("Gunmen") == []
    assert store.save_article(article, records) is True


def test_a_batch_is_stored_whole_with_a_flag_per_article(store):
    stored_before = sample_article(20)
    store.save_article(stored_before, sample_records(stored_before))
    batch = [sample_article(n) for n in (21, 20, 22)]
    assert store.save_articles((article, sample_records(article)) for article in batch) == [True, False, True]
    assert _count(store, schema.articles) == 3
    assert list(store.load_records(article_ids=[batch[2].id])) == sample_records(batch[2])


def test_a_batch_that_fails_midway_leaves_nothing(store):
    """All or none: the refused article takes the batch with it (the runner then stores one by one)."""
    good, bad = sample_article(23), sample_article(24)
    records = sample_records(bad)
    with pytest.raises(StoreError, match="saving 2 articles"):
        store.save_articles([(good, sample_records(good)), (bad, [*records, records[1]])])
    for table in (schema.articles, *schema.ARTICLE_CHILD_TABLES):
        assert _count(store, table) == 0, table.name


def test_records_of_another_article_are_refused(store):
    article, other = sample_article(6), sample_article(7)
    with pytest.raises(StoreError, match="records of other articles"):
        store.save_article(article, sample_records(other))
    assert not store.has_article(article.content_hash)


def test_load_records_filters_by_kind_and_article(store):
    articles = [sample_article(n) for n in range(10, 14)]
    for article in articles:
        store.save_article(article, sample_records(article))
    assert len(list(store.load_records(kind="incident"))) == 4
    claims = list(store.load_records(kind="claim", article_ids=[articles[0].id, articles[2].id]))
    assert [(r.kind, r.article_id) for r in claims] == [("claim", articles[0].id), ("claim", articles[2].id)]
    assert {r.kind for r in store.load_records(kind="statement")} == {"claim", "denial"}
    assert list(store.load_records(article_ids=[])) == []


def test_load_records_pages_through_everything_in_order(store):
    expected = []
    for n in range(30, 35):
        article = sample_article(n)
        store.save_article(article, sample_records(article))
        expected += sample_records(article)
    store.page_size = 3  # 20 records: 7 round trips, the last one short
    assert list(store.load_records()) == expected
    ids = [article.article_id for article in expected[::4]]
    assert list(store.load_records(article_ids=ids)) == expected


def test_stats_count_rows_per_table_and_kind(store):
    for n in range(20, 23):
        article = sample_article(n)
        store.save_article(article, sample_records(article))
    stats = store.stats()
    assert stats["tables"]["articles"] == 3
    assert stats["records_by_kind"] == {"article": 3, "incident": 3, "claim": 3, "denial": 3}
    assert stats["revision"] == head_revision()
    assert stats["engine"] == store.dialect
