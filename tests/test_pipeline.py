"""The Python API: load once, extract one, pipe many (in one or two processes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventwire
from eventwire.pipeline import make_article
from eventwire.records import ArticleRecord, IncidentRecord, to_json

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"


def _bundle() -> list:
    if not EXAMPLES.exists():
        pytest.skip(f"{EXAMPLES} not found")
    articles = []
    for line in (EXAMPLES / "crocus-reports.jsonl").read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        articles.append(make_article(data["text"], published=data["published"], article_id=data["id"],
                                     source=data["source"], title=data["title"], lang=data["lang"]))
    return articles


def test_extract_returns_article_and_incident_records(ew):
    records = ew.extract("Gunmen killed five villagers in Zamfara State, Nigeria, on Monday, police said.",
                         published="2021-03-10T12:00:00+01:00")
    assert isinstance(records[0], ArticleRecord) and records[0].lang == "en"
    incident = next(r for r in records if isinstance(r, IncidentRecord))
    assert incident.headline("killed").best == 5
    assert incident.location.country == "NG"
    assert incident.date.value == "2021-03-08"


def test_pipe_flags_the_russian_report_as_not_read_and_keeps_it(ew):
    results = list(ew.pipe(_bundle()))
    assert len(results) == 11
    russian = next(r for r in results if r.article.id == "crocus-09-ru")
    (record,) = russian.records
    assert record.lang == "ru" and record.extracted is False
    assert "not read" in record.errors[0]
    assert all(r.ok for r in results)


def test_pipe_keeps_input_order_and_ids(ew):
    articles = _bundle()
    assert [r.article.id for r in ew.pipe(articles)] == [a.id for a in articles]


def test_two_processes_give_the_same_records_as_one(ew):
    articles = _bundle()[:4]
    serial = [[to_json(r) for r in result.records] for result in ew.pipe(articles)]
    parallel = [[to_json(r) for r in result.records] for result in ew.pipe(articles, n_process=2, batch_size=2)]
    assert parallel == serial


def test_empty_text_is_reported_not_extracted(ew):
    (result,) = list(ew.pipe([make_article("   ")]))
    assert result.records[0].extracted is False


def test_load_is_exported_at_package_level():
    assert callable(eventwire.load)
