"""Merged incidents: saved, replaced, read back, listed with the API's filters; on both engines."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from eventwire.errors import StoreError
from eventwire.records import EventDate
from eventwire.store import IncidentFilters, schema
from tests.store.samples import sample_article, sample_incident, sample_records


def _incidents(store):
    """Three incidents: Krasnogorsk (3 articles), Kerman (2), Peshawar (1), on three days."""
    articles = [sample_article(n) for n in range(6)]
    for article in articles:
        store.save_article(article, sample_records(article))
    made = [
        sample_incident("inc-krasnogorsk", [articles[0], articles[3]]),
        sample_incident("inc-kerman", [articles[1], articles[4]]),
        sample_incident("inc-peshawar", [articles[2], articles[5]]),
    ]
    days = ["2024-03-22", "2024-01-03", "2024-02-10"]
    return [replace(incident, date=EventDate(day, "day", incident.date.evidence, "dates.v1"))
            for incident, day in zip(made, days)]


def _count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(table))


def test_incidents_read_back_whole(store):
    incidents = _incidents(store)
    store.save_incidents(incidents)
    loaded = store.load_incidents()
    assert sorted(loaded, key=lambda i: i.incident_id) == sorted(incidents, key=lambda i: i.incident_id)
    assert store.get_incident("inc-kerman") == incidents[1]
    assert store.get_incident("nope") is None


def test_incident_tables_keep_history_decisions_and_reports(store):
    store.save_incidents(_incidents(store))
    with store.engine.connect() as conn:
        history = conn.execute(select(schema.figure_history.c.best, schema.figure_history.c.attribution)
                               .where(schema.figure_history.c.incident_id == "inc-krasnogorsk",
                                      schema.figure_history.c.category == "killed")
                               .order_by(schema.figure_history.c.seq)).all()
        row = conn.execute(select(schema.incidents).where(schema.incidents.c.incident_id == "inc-krasnogorsk")
                           ).mappings().one()
    assert [best for best, _ in history] == [40, 43]
    assert history[0].attribution == "wire report ← TASS ← Federal Security Service"
    assert (row["killed_best"], row["n_articles"], row["country"], row["event_date"]) == (43, 2, "RU", "2024-03-22")
    assert _count(store, schema.incident_reports) == 6
    assert _count(store, schema.merge_decisions) == 6
    assert _count(store, schema.incident_figures) == 6


def test_saving_incidents_replaces_the_previous_set(store):
    incidents = _incidents(store)
    store.save_incidents(incidents)
    store.save_incidents(incidents[:1])
    assert [i.incident_id for i in store.load_incidents()] == ["inc-krasnogorsk"]
    assert _count(store, schema.figure_history) == 4
    store.save_incidents(incidents[1:], replace_all=False)
    assert len(store.load_incidents()) == 3
    assert _count(store, schema.merge_decisions) == 6


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, ["inc-krasnogorsk", "inc-peshawar", "inc-kerman"]),
    ({"country": "ir"}, ["inc-kerman"]),
    ({"admin1": "Moscow Oblast"}, ["inc-krasnogorsk"]),
    ({"date_from": "2024-02-01", "date_to": "2024-02-29"}, ["inc-peshawar"]),
    ({"min_killed": 44}, ["inc-peshawar", "inc-kerman"]),
    ({"bbox": (50.0, 25.0, 75.0, 40.0)}, ["inc-peshawar", "inc-kerman"]),
    ({"event_type": "armed assault"}, ["inc-krasnogorsk", "inc-peshawar", "inc-kerman"]),
    ({"event_type": "Battles"}, []),
    ({"actor": "islamic state"}, ["inc-krasnogorsk", "inc-peshawar", "inc-kerman"]),
    ({"actor": "50%_"}, []),
    ({"q": "Kerman"}, ["inc-kerman"]),
    ({"q": "Peshawar OR Kerman", "sort": "killed"}, ["inc-kerman", "inc-peshawar"]),
    ({"q": "!!!"}, []),
    ({"sort": "-killed"}, ["inc-peshawar", "inc-kerman", "inc-krasnogorsk"]),
])
def test_list_incidents_filters(store, filters, expected):
    store.save_incidents(_incidents(store))
    rows, total = store.list_incidents(filters)
    assert [row["incident_id"] for row in rows] == expected
    assert total == len(expected)
    assert "data" not in (rows[0] if rows else {})


def test_list_incidents_pages_with_total(store):
    store.save_incidents(_incidents(store))
    rows, total = store.list_incidents(IncidentFilters(limit=1, offset=1, sort="event_date"))
    assert ([row["incident_id"] for row in rows], total) == (["inc-peshawar"], 3)


def test_list_incidents_refuses_unknown_sort_and_filter(store):
    with pytest.raises(StoreError, match="cannot sort incidents by 'colour'"):
        store.list_incidents({"sort": "colour"})
    with pytest.raises(StoreError, match="unknown incident filters"):
        store.list_incidents({"colour": "red"})
