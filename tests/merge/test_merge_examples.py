"""Issue 4 acceptance on the example bundle, as hand-built records: two incidents, histories, statements."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.merge import Merger, merge_records
from tests.merge.bundle import example_records


def _by_place(incidents):
    return {incident.location.name: incident for incident in incidents}


def _exact_sequence(incident, category):
    """The exact figures of a category in publication order, repeats collapsed (40, 40, 60 -> 40, 60)."""
    values = [report.best for report in incident.history[category] if not report.vague]
    return [value for n, value in enumerate(values) if n == 0 or value != values[n - 1]]


def _figure(incident, category):
    return next(figure for figure in incident.figures if figure.category == category)


@pytest.fixture(scope="module")
def incidents():
    return _by_place(merge_records(example_records()))


def test_bundle_becomes_exactly_two_incidents(incidents):
    assert sorted(incidents) == ["Crocus City Hall", "Kerman"]


def test_crocus_killed_history_and_best(incidents):
    crocus = incidents["Crocus City Hall"]
    assert _exact_sequence(crocus, "killed") == [40, 60, 93, 133, 137, 139]
    assert [r.article_id for r in crocus.history["killed"]][-1] == "crocus-08"
    assert "Investigative Committee" in crocus.history["killed"][-1].source
    assert _figure(crocus, "killed").best == 139


def test_crocus_history_keeps_the_vague_figure_but_it_does_not_count(incidents):
    killed = incidents["Crocus City Hall"].history["killed"]
    assert any(report.vague and report.article_id == "shafaq-crocus" for report in killed)
    assert _figure(incidents["Crocus City Hall"], "killed").low == 139


def test_crocus_injured_history_ends_at_145(incidents):
    crocus = incidents["Crocus City Hall"]
    assert _exact_sequence(crocus, "injured") == [100, 145]
    assert _figure(crocus, "injured").best == 145


def test_crocus_statements_attached_and_warning_linked_before(incidents):
    crocus = incidents["Crocus City Hall"]
    actions = {d.record_id: d.action for d in crocus.decisions}
    kinds = sorted(s.kind for s in crocus.statements if actions[s.record_id] == "attached")
    assert kinds == ["arrest", "claim", "denial", "denial"]
    assert actions["crocus-07#s1"] == "linked_before"
    assert _figure(crocus, "arrested").best == 11


def test_russian_report_is_attached_not_lost(incidents):
    crocus = incidents["Crocus City Hall"]
    assert "crocus-09-ru" in crocus.article_ids
    decision = next(d for d in crocus.decisions if d.article_id == "crocus-09-ru")
    assert decision.action == "attached" and decision.signals["names"] >= 0.5


def test_kerman_follows_the_official_downward_revision(incidents):
    kerman = incidents["Kerman"]
    assert [report.best for report in kerman.history["killed"]] == [103, 84]
    killed = _figure(kerman, "killed")
    assert killed.best == 84 and any("revised down" in note for note in killed.conflicts)
    assert _figure(kerman, "injured").best == 284
    assert [(s.kind, s.article_id) for s in kerman.statements] == [("claim", "kerman-02")]


def test_every_record_has_a_decision_with_signals(incidents):
    for incident in incidents.values():
        decided = {d.record_id for d in incident.decisions}
        assert set(incident.record_ids) <= decided
        assert all(d.signals for d in incident.decisions if d.action != "founded")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(example_records()))
def test_incremental_in_any_order_equals_batch(order):
    batch = merge_records(example_records())
    merger = Merger()
    for n, record in enumerate(order):
        merger.add(record)
        if n % 7 == 3:
            merger.incidents()  # asking midway must not change the final answer
    assert merger.incidents() == batch
    assert merger.unattached() == []
