"""Argument sets shared by WikiEvents and RAMS: which events are in scope and how roles map to ours.

Both corpora annotate many event kinds; eventwire codes attacks, so only attack,
death and injury events are scored, and their argument roles are mapped onto the
incident record's: Attacker/Killer/Injurer -> perpetrator, Target -> target,
Victim -> victim, Instrument/ExplosiveDevice -> instrument, Place -> place.
Scoring is per article (document level): the union of the in-scope events' arguments
against the first incident record's fillers.
"""

from __future__ import annotations

from eventwire.eval import predicted as pred
from eventwire.eval.scoring import Scorecard
from eventwire.records import Record

EVENT_PREFIXES = ("conflict.attack", "life.die", "life.injure")
ROLE_MAP = {
    "attacker": "perpetrator", "killer": "perpetrator", "injurer": "perpetrator", "detonator": "perpetrator",
    "target": "target", "victim": "victim",
    "instrument": "instrument", "explosivedevice": "instrument",
    "place": "place",
}
ROLES = ("perpetrator", "target", "victim", "instrument", "place")


def in_scope(event_type: str) -> bool:
    """True for the event kinds eventwire codes (attacks, deaths, injuries)."""
    return event_type.lower().startswith(EVENT_PREFIXES)


def add_argument(fillers: dict[str, dict[str, list[str]]], role_name: str, text: str) -> None:
    """Add one gold argument under our role; the same text twice is one filler."""
    role = ROLE_MAP.get(role_name.lower())
    if role and text.strip():
        fillers.setdefault(role, {}).setdefault(text.strip().lower(), [text.strip()])


def gold_roles(fillers: dict[str, dict[str, list[str]]]) -> dict[str, list[list[str]]]:
    """Every role with its gold fillers (each a list of alternative strings)."""
    return {role: list(fillers.get(role, {}).values()) for role in ROLES}


def score_argument_case(card: Scorecard, case, records: list[Record], **_) -> None:
    """Score one article's argument set per role against its first incident record."""
    incident = pred.first_incident(records)
    for role in ROLES:
        card.fillers(role, case, case.gold[role], pred.role_fillers(incident, role))
