"""ACLED's CSV: its column names and meanings, one row per merged incident.

Column meanings follow ACLED's codebook: `fatalities` is the most conservative figure
(the reconciled killed low, else its best, else 0 as ACLED writes "no report");
`inter1`/`inter2` are ACLED's numeric actor types (1 state forces, 2 rebel groups,
3 political militias, 7 civilians; 0 no second actor) and `interaction` joins them,
smaller first (17; 30 for a lone actor); `time_precision` is 1 day, 2 week, 3 month
or vaguer; `geo_precision` 1 the town, 2 near it or a district, 3 a region. Dates are
ISO (what ACLED's API gives). `event_id_cnty` is the country's alpha-3 code and the
incident id's hash, so a row leads back to `eventwire` (`tags` names the incident id too).
`source_scale` is left empty: eventwire does not know an outlet's reach.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import IO

from eventwire.export import fields
from eventwire.export.regions import country_of
from eventwire.records import Actor, Incident

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
STATE, REBEL, MILITIA, CIVILIANS = 1, 2, 3, 7
_TIME_PRECISION = {"day": 1, "week": 2}
# Targets ACLED codes as state forces; every other target (shoppers, worshippers, a bus) is civilians.
_STATE_TARGETS = {"military": "Military Forces", "police": "Police Forces"}


def write_acled_csv(incidents: Sequence[Incident], stream: IO[str]) -> int:
    """Write the header and one row per incident to `stream` (opened with newline=''); returns rows."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for incident in incidents:
        writer.writerow(acled_row(incident))
    return len(incidents)


def acled_row(incident: Incident) -> dict[str, object]:
    """One ACLED row; unknown values are empty cells."""
    place = incident.location
    country = country_of(place.country if place else None, place.country_name if place else None)
    country_name = country.name if country else ""
    acled_type = incident.event_types.acled[0] if incident.event_types.acled else None
    actor1, inter1, assoc1 = _initiator(incident, country_name)
    actor2, inter2, assoc2 = _target(incident, country_name)
    day = fields.event_day(incident)
    published = fields.published_times(incident)
    return {
        "event_id_cnty": f"{country.iso3 if country else 'XXX'}{incident.incident_id.removeprefix('inc-')}",
        "event_date": day or "",
        "year": day[:4] if day else "",
        "time_precision": _TIME_PRECISION.get(incident.date.precision if incident.date else "", 3),
        "disorder_type": acled_type.disorder_type if acled_type else "",
        "event_type": acled_type.event_type if acled_type else "",
        "sub_event_type": acled_type.sub_event_type if acled_type else "",
        "actor1": actor1, "assoc_actor_1": assoc1, "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == CIVILIANS else "",
        "iso": country.numeric if country and country.numeric is not None else "",
        "region": country.acled_region if country else "",
        "country": country_name,
        "admin1": (place.admin1 or "") if place else "",
        "admin2": (place.admin2 or "") if place else "",
        "admin3": "",
        "location": (place.locality or place.name) if place else "",
        "latitude": _coordinate(place.lat if place else None),
        "longitude": _coordinate(place.lon if place else None),
        "geo_precision": place.geo_precision if place else "",
        "source": "; ".join(fields.outlets(incident)),
        "source_scale": "",
        "notes": fields.write_notes(incident),
        "fatalities": fields.conservative(incident, "killed") or 0,
        "tags": _tags(incident),
        "timestamp": int(published[-1].timestamp()) if published else "",
    }


def _initiator(incident: Incident, country_name: str) -> tuple[str, int | str, str]:
    """(actor1, inter1, assoc_actor_1): the perpetrator with the strongest stance, others associated."""
    found = fields.perpetrators(incident)
    if not found:
        return "", "", ""
    first, others = found[0], found[1:]
    named_others = "; ".join(actor.name for actor in others if actor.kind != "unidentified")
    return _actor_name(first, country_name), _inter(first), named_others


def _actor_name(actor: Actor, country_name: str) -> str:
    if actor.kind == "unidentified" or actor.name == "Unknown":
        return f"Unidentified Armed Group ({country_name})" if country_name else "Unidentified Armed Group"
    return actor.name


def _inter(actor: Actor) -> int:
    if actor.kind == "state":
        return STATE
    return MILITIA if actor.kind == "unidentified" or actor.name == "Unknown" else REBEL


def _target(incident: Incident, country_name: str) -> tuple[str, int | str, str]:
    """(actor2, inter2, assoc_actor_2) from the incident's targets: state forces, else civilians."""
    labels = [target.label for target in incident.targets]
    if not labels:
        return "", 0, ""
    names = list(dict.fromkeys(_target_name(label, country_name) for label in labels))
    inter2 = STATE if labels[0] in _STATE_TARGETS else CIVILIANS
    return names[0], inter2, "; ".join(names[1:])


def _target_name(label: str, country_name: str) -> str:
    if label in _STATE_TARGETS:
        return f"{_STATE_TARGETS[label]} of {country_name}" if country_name else _STATE_TARGETS[label]
    return f"Civilians ({country_name})" if country_name else "Civilians"


def _interaction(inter1: int | str, inter2: int | str) -> int | str:
    codes = sorted(code for code in (inter1, inter2) if isinstance(code, int) and code)
    if not codes:
        return ""
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _tags(incident: Incident) -> str:
    """Free tags as ACLED uses them: the eventwire id, the killed range and who claimed it."""
    tags = [f"eventwire id={incident.incident_id}"]
    killed = fields.figure(incident, "killed")
    if killed and killed.low != killed.high:
        tags.append(f"killed range={killed.low}-{killed.high}")
    claimed = [actor.name for actor in fields.perpetrators(incident) if actor.stance == "claimed"]
    if claimed:
        tags.append("claimed by " + ", ".join(claimed))
    return "; ".join(tags)
