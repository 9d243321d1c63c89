"""A real SQLite database of extracted, merged fixture reports, built once per test session.

Used by tests/export and tests/spark (which reads the Parquet export with Spark).
"""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "spark" / "fixtures"
FIXTURE_FILES = [FIXTURES / "reports-a.jsonl", FIXTURES / "reports-b.jsonl"]


@pytest.fixture(scope="session")
def export_db(tmp_path_factory, ew) -> str:
    """URL of a SQLite database holding the fixture articles, their records and merged incidents."""
    from eventwire.ingest import read_inputs
    from eventwire.merge import merge_records
    from eventwire.records import Article
    from eventwire.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'events.db'}"
    articles = [item for item in read_inputs([str(path) for path in FIXTURE_FILES]) if isinstance(item, Article)]
    records = []
    with open_store(url) as store:
        for result in ew.pipe(articles):
            store.save_article(result.article, result.records)
            records += result.records
        store.save_incidents(merge_records(records))
    return url


@pytest.fixture(scope="session")
def stored(export_db):
    """(incidents, {article_id: text}) as the store gives them back, for checking exports against."""
    from eventwire.store import open_store

    with open_store(export_db) as store:
        incidents = store.load_incidents()
        texts = {article_id: store.get_article(article_id).text
                 for incident in incidents for article_id in incident.article_ids}
    return incidents, texts
