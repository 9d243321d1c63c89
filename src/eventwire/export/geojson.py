"""GeoJSON (RFC 7946): a FeatureCollection of Points, one Feature per merged incident.

Coordinates are [longitude, latitude] in WGS 84, rounded to 6 decimals (about 10 cm;
RFC 7946 section 11.2 advises against more), and no `crs` member (removed by the RFC).
An incident without coordinates keeps its Feature with `"geometry": null`, which the
RFC allows, so nothing is dropped. Properties are flat scalars (no nested objects or
lists) so QGIS and ogr2ogr read every one as a column; lists are joined with "; ".
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO, Any

from eventwire.export import fields
from eventwire.records import Incident

COORDINATE_DECIMALS = 6


def write_geojson(incidents: Sequence[Incident], stream: IO[str]) -> int:
    """Write one FeatureCollection to `stream`; returns the number of features."""
    collection = {"type": "FeatureCollection", "features": [feature(incident) for incident in incidents]}
    json.dump(collection, stream, ensure_ascii=False, indent=None, separators=(",", ":"))
    stream.write("\n")
    return len(incidents)


def feature(incident: Incident) -> dict[str, Any]:
    """One Feature: a Point (or null geometry) and flat properties."""
    place = incident.location
    geometry = None
    if place is not None and place.lat is not None and place.lon is not None:
        geometry = {"type": "Point", "coordinates": [round(place.lon, COORDINATE_DECIMALS),
                                                     round(place.lat, COORDINATE_DECIMALS)]}
    return {"type": "Feature", "id": incident.incident_id, "geometry": geometry,
            "properties": properties(incident)}


def properties(incident: Incident) -> dict[str, str | int | float | bool | None]:
    """The flat attribute table of one incident."""
    place = incident.location
    acled = incident.event_types.acled[0] if incident.event_types.acled else None
    perpetrators = fields.perpetrators(incident)
    published = fields.published_times(incident)
    row: dict[str, str | int | float | bool | None] = {
        "incident_id": incident.incident_id,
        "event_date": fields.event_day(incident),
        "date_precision": incident.date.precision if incident.date else None,
        "country": place.country if place else None,
        "country_name": place.country_name if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "location": place.name if place else None,
        "precision": place.precision if place else None,
        "geo_precision": place.geo_precision if place else None,
        "event_type": acled.event_type if acled else None,
        "sub_event_type": acled.sub_event_type if acled else None,
        "gtd_attack_type": incident.event_types.gtd[0] if incident.event_types.gtd else None,
        "perpetrator": perpetrators[0].name if perpetrators else None,
        "perpetrator_stance": perpetrators[0].stance if perpetrators else None,
        "fatalities": fields.conservative(incident, "killed"),
    }
    for category in ("killed", "injured", "kidnapped", "arrested"):
        found = fields.figure(incident, category)
        row[f"{category}_low"] = found.low if found else None
        row[f"{category}_best"] = found.best if found else None
        row[f"{category}_high"] = found.high if found else None
    row.update({
        "n_articles": len(set(incident.article_ids)),
        "n_statements": len(incident.statements),
        "first_published": published[0].isoformat() if published else None,
        "last_published": published[-1].isoformat() if published else None,
        "sources": "; ".join(fields.outlets(incident)),
        "article_ids": "; ".join(incident.article_ids),
        "notes": fields.write_notes(incident),
    })
    return row
