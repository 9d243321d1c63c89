"""Same-incident decisions, statements, warnings and cross-script names (merge/signals.py, features.py)."""

from __future__ import annotations

import pytest

from eventwire.merge import Merger, merge_records
from eventwire.merge.features import incident_features, name_skeleton, shares_name
from eventwire.merge.signals import compare_incidents
from tests.merge.factories import (
    KERMAN,
    KRASNOGORSK,
    MOSCOW,
    article,
    crocus_venue,
    incident,
    place,
    statement,
)

BAGHDAD = {"admin1": "Baghdad", "country": "IQ", "lat": 33.3406, "lon": 44.4009}
BASRA = {"admin1": "Basra", "country": "IQ", "lat": 30.5085, "lon": 47.7804}


def _features(record):
    return incident_features(record, None)


@pytest.mark.parametrize(("latin", "other"), [("Crocus", "Крокус"), ("City", "Сити"), ("Hall", "Холле"),
                                              ("Krasnogorsk", "Красногорске")])
def test_name_skeleton_matches_across_scripts(latin, other):
    assert name_skeleton(other).startswith(name_skeleton(latin))


def test_shares_name_needs_whole_short_keys():
    names = ("krks", "st", "hl")
    assert shares_name(names, "Стрельба в «Крокус Сити Холле»") == 1.0
    assert shares_name(names, "statement from the hallway") == 0.0


def test_same_venue_same_day_is_one_incident():
    left = incident("a", "2024-03-22T22:00", "gunmen opened fire", crocus_venue(), "2024-03-22")
    right = incident("b", "2024-03-23T09:00", "death toll rose", crocus_venue(), "2024-03-23", gtd=("Arson",))
    comparison = compare_incidents(_features(left), _features(right))
    assert comparison.linked and comparison.signals["venue"] == 1.0


def test_decision_is_symmetric():
    left = incident("a", "2024-03-22T22:00", "shooting at a concert", place("Krasnogorsk", KRASNOGORSK), "2024-03-22")
    right = incident("b", "2024-03-23T09:00", "concert hall attack", place("Moscow", MOSCOW), "2024-03-22")
    assert compare_incidents(_features(left), _features(right)) == compare_incidents(_features(right),
                                                                                     _features(left))


@pytest.mark.parametrize(("where", "day", "why"), [
    (KERMAN, "2024-03-22", "place"),          # another country
    (BASRA, "2024-03-22", "place"),           # same country, 450 km away
    (BAGHDAD, "2024-03-29", "date"),          # a week later
])
def test_ruled_out(where, day, why):
    left = incident("a", "2024-03-22T20:00", "car bomb market", place("Baghdad", BAGHDAD), "2024-03-22",
                    gtd=("Bombing/Explosion",))
    right = incident("b", "2024-03-30T08:00", "car bomb market", place("Other", where), day,
                     gtd=("Bombing/Explosion",))
    comparison = compare_incidents(_features(left), _features(right))
    assert not comparison.linked and why in comparison.reason


def test_two_named_venues_in_one_town_stay_apart():
    mosque = place("Al-Rahman mosque", BAGHDAD, "venue", venue="Al-Rahman mosque")
    market = place("Shorja market", BAGHDAD, "venue", venue="Shorja market")
    records = [incident("a", "2024-05-01T10:00", "suicide bomber mosque worshippers", mosque, "2024-05-01",
                        gtd=("Bombing/Explosion",)),
               incident("b", "2024-05-01T11:00", "gunmen market shoppers", market, "2024-05-01")]
    assert len(merge_records(records)) == 2


def test_statement_with_no_incident_founds_none_and_stays_listed():
    text = "The group claimed responsibility for the ambush."
    claim = statement("x", 1, "claim", "2024-06-01T10:00", text, "claimed responsibility", speaker="Group")
    merger = Merger()
    merger.add(article("x", "2024-06-01T10:00", [place("Baghdad", BAGHDAD)]))
    merger.add(claim)
    assert merger.incidents() == [] and merger.unattached() == [claim]


def test_claim_about_named_town_joins_that_incident_not_the_other():
    text = "The Islamic State group claimed responsibility for the two bombings in Kerman."
    claim = statement("c", 1, "claim", "2024-01-04T18:00", text, "claimed responsibility",
                      speaker="Islamic State", about="the two bombings in Kerman")
    kerman = incident("k", "2024-01-03T19:30", "two explosions crowd", place("Kerman", KERMAN), "2024-01-03",
                      gtd=("Bombing/Explosion",))
    baghdad = incident("b", "2024-01-03T12:00", "car bomb market", place("Baghdad", BAGHDAD), "2024-01-03",
                       gtd=("Bombing/Explosion",))
    incidents = merge_records([claim, kerman, baghdad])
    home = next(i for i in incidents if claim in i.statements)
    assert home.location.name == "Kerman"


def test_warning_after_the_incident_is_not_linked_before_it():
    text = "The embassy warned of further attacks in Moscow."
    warning = statement("w", 1, "warning", "2024-03-25T10:00", text, "warned of further attacks",
                        day="2024-03-25", precedes=True)
    attack = incident("a", "2024-03-22T22:00", "gunmen concert", crocus_venue(), "2024-03-22")
    merger = Merger()
    merger.add_all([article("w", "2024-03-25T10:00", [place("Moscow", MOSCOW)]), warning, attack])
    assert merger.incidents()[0].statements == () and merger.unattached() == [warning]


def test_unread_report_naming_nothing_is_kept_unattached():
    attack = incident("a", "2024-03-22T22:00", "gunmen concert", crocus_venue(), "2024-03-22")
    unread = article("ru", "2024-03-23T10:00", title="Погода в Сочи", lang="ru", extracted=False)
    merger = Merger()
    merger.add_all([attack, unread])
    assert merger.unattached() == [unread] and "ru" not in merger.incidents()[0].article_ids
