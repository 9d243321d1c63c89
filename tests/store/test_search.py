"""Full-text search over article text and evidence: FTS5 on SQLite, tsvector on PostgreSQL."""

from __future__ import annotations

import pytest

from eventwire.store.search import HIT_END, HIT_START, fts5_query
from tests.store.samples import sample_article, sample_records


@pytest.fixture
def filled(store):
    for n in range(6):  # towns cycle Krasnogorsk, Kerman, Peshawar
        article = sample_article(n)
        store.save_article(article, sample_records(article))
    return store


def _ids(hits) -> list[str]:
    return sorted(hit.article_id for hit in hits)


@pytest.mark.parametrize(("q", "expected"), [
    ("Kerman", ["art-00001", "art-00004"]),
    ("kill wounded", [f"art-0000{n}" for n in range(6)]),  # stemmed: "kill" finds "killed"
    ('"concert hall in Peshawar"', ["art-00002", "art-00005"]),
    ("Peshawar OR Kerman", ["art-00001", "art-00002", "art-00004", "art-00005"]),
    ("Gunmen -Krasnogorsk -Kerman", ["art-00002", "art-00005"]),
    ("Kerman Peshawar", []),
    ('"unterminated (AND* NEAR', []),
    ("", []),
])
def test_search_reads_a_search_box_query(filled, q, expected):
    assert _ids(filled.search(q, limit=20)) == expected


def test_search_hits_carry_snippet_score_and_metadata(filled):
    hits = filled.search("Amaq", limit=2)
    assert len(hits) == 2
    assert all(f"{HIT_START}Amaq{HIT_END}" in hit.snippet for hit in hits)
    assert all(hit.score > 0 and hit.title.startswith("Gunmen open fire") for hit in hits)


def test_search_respects_limit(filled):
    assert len(filled.search("Gunmen", limit=4)) == 4


def test_fts5_query_quotes_every_word():
    assert fts5_query('ISIS-K "Crocus City" OR Moscow -Kyiv') == '"ISIS-K" "Crocus City" OR "Moscow" NOT "Kyiv"'
    assert fts5_query("-only excluded") == '"excluded"'
