"""Collective actors take ACLED's names and the incident's country."""

from __future__ import annotations

import pytest

from eventwire.records import IncidentRecord

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "expected"), [
    ("On 3 May 2020, around 200 nurses protested outside the health ministry in Nairobi, Kenya.",
     "Protesters (Kenya)"),
    ("Rioters threw stones at police and burned tyres in Lagos, Nigeria, on Monday.", "Rioters (Nigeria)"),
    ("Soldiers clashed with militants near Gao, Mali, killing four.", "Military Forces of Mali"),
    ("Police fired tear gas at demonstrators in Santiago, Chile.", "Police Forces of Chile"),
])
def test_collective_actor_named_as_acled_does(ew, text, expected):
    records = ew.extract(text, published="2020-05-04")
    incident = next(r for r in records if isinstance(r, IncidentRecord))
    named = {a.name: a for a in incident.actors}
    assert expected in named
    actor = named[expected]
    assert actor.role == "other" and all(text[s.start:s.end] == s.text for s in actor.evidence)


def test_police_district_is_no_police_force(ew):
    records = ew.extract("Gunmen killed a shopkeeper in Police District 6 of Kabul, Afghanistan.",
                         published="2021-01-05")
    incident = next(r for r in records if isinstance(r, IncidentRecord))
    assert not any(a.name.startswith("Police Forces") for a in incident.actors)
