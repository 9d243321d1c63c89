"""The example bundle (../shared/examples) read, extracted with the real pipeline, merged and stored.

Used by the API tests, the browser tests and `python -m tests.serve.bundle URL` (a database
to look at by hand or screenshot). The examples are read from ../shared at run time, never
copied into the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eventwire.ingest import read_inputs
from eventwire.pipeline import make_article

EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "examples"


def bundle_articles(examples: Path = EXAMPLES) -> list:
    """The eleven reports of crocus-reports.jsonl plus shafaq-crocus.txt with its .json metadata."""
    articles = [item for item in read_inputs([str(examples / "crocus-reports.jsonl")])]
    bad = [item for item in articles if isinstance(item, Exception)]
    if bad:
        raise AssertionError(f"example bundle unreadable: {bad}")
    meta = json.loads((examples / "shafaq-crocus.json").read_text(encoding="utf-8"))
    text = (examples / meta["text_file"]).read_text(encoding="utf-8")
    articles.append(make_article(text, article_id=meta["id"], source=meta["source"], published=meta["published"],
                                 lang=meta["lang"], title="Shafaq News on the Crocus City Hall attack"))
    return articles


def extract_bundle(ew) -> list[tuple]:
    """(article, records) for every bundle article, from the real pipeline."""
    return [(result.article, result.records) for result in ew.pipe(bundle_articles())]


def store_bundle(url: str, extracted: list[tuple]) -> int:
    """Store the articles and their records at `url`, merge them, store the incidents; returns how many."""
    from eventwire.merge import merge_records
    from eventwire.store import open_store

    with open_store(url) as store:
        for article, records in extracted:
            store.save_article(article, records)
        return store.save_incidents(merge_records([record for _, records in extracted for record in records]))


if __name__ == "__main__":
    from eventwire.pipeline import load

    target = sys.argv[1] if len(sys.argv) > 1 else "sqlite:///bundle.db"
    print(f"{store_bundle(target, extract_bundle(load()))} incidents stored in {target}", file=sys.stderr)


def bundle_database(request, tmp_path_factory, extracted, name: str):
    """Yield the URL of a fresh database holding the merged bundle: SQLite or PostgreSQL by `request.param`."""
    from tests.pg import create_database, drop_database

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp(name) / f'{name}.db'}"
        store_bundle(url, extracted)
        yield url
        return
    admin_url = request.getfixturevalue("pg_admin_url")
    url = create_database(admin_url)
    store_bundle(url, extracted)
    yield url
    drop_database(admin_url, url)
