"""START's GTD CSV: its column names and codes, one row per merged incident.

Meanings follow the GTD codebook: `nkill` counts everyone killed, perpetrators too
(reconciled killed best + perpetrators_killed best), `nkillter` the perpetrators alone;
`nwound`/`nwoundte` the same for the injured. An unknown count is an empty cell, as in
GTD's CSV; `ishostkid` is -9 when unknown. `imonth`/`iday` are 0 when the date is vaguer
than that, with the date as written in `approxdate`. `eventid` is GTD-shaped (YYYYMMDD and
a 4-digit number within the day, in export order); `scite1..3` cite the reports with the
phrase each figure was read from, and `dbsource` says "eventwire <incident id>".
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from typing import IO

from eventwire.export import fields
from eventwire.export.regions import country_of
from eventwire.records import Incident

COLUMNS = [
    "eventid", "iyear", "imonth", "iday", "approxdate", "extended", "country_txt", "region_txt", "provstate",
    "city", "latitude", "longitude", "specificity", "vicinity", "summary", "attacktype1_txt", "attacktype2_txt",
    "attacktype3_txt", "targtype1_txt", "target1", "targtype2_txt", "target2", "gname", "gname2",
    "guncertain1", "claimed", "weaptype1_txt", "weapsubtype1_txt", "weaptype2_txt", "weapsubtype2_txt",
    "nkill", "nkillter", "nwound", "nwoundte", "nhostkid", "ishostkid", "scite1", "scite2", "scite3",
    "dbsource",
]
UNKNOWN = -9
_UNCERTAIN_STANCES = {"suspected", "accused"}
_HOSTAGE_TYPES = {"Hostage Taking (Kidnapping)", "Hostage Taking (Barricade Incident)", "Hijacking"}


def write_gtd_csv(incidents: Sequence[Incident], stream: IO[str]) -> int:
    """Write the header and one row per incident to `stream` (opened with newline=''); returns rows."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    per_day: Counter[str] = Counter()
    for incident in incidents:
        row = gtd_row(incident)
        day_key = f"{row['iyear'] or 0:04d}{row['imonth']:02d}{row['iday']:02d}"
        per_day[day_key] += 1
        row["eventid"] = f"{day_key}{per_day[day_key]:04d}"
        writer.writerow(row)
    return len(incidents)


def gtd_row(incident: Incident) -> dict[str, object]:
    """One GTD row without `eventid` (numbered by the writer)."""
    place = incident.location
    country = country_of(place.country if place else None, place.country_name if place else None)
    year, month, day = _date_parts(incident)
    named = fields.named_perpetrators(incident)
    targets = list(incident.targets)
    weapons = list(incident.weapons)
    attack_types = list(incident.event_types.gtd)
    return {
        "iyear": year or "", "imonth": month, "iday": day,
        "approxdate": incident.date.value if incident.date and incident.date.precision != "day" and
        incident.date.value else "",
        "extended": 0,
        "country_txt": country.name if country else "",
        "region_txt": country.gtd_region if country else "",
        "provstate": (place.admin1 or "") if place else "",
        "city": (place.locality or place.name) if place else "",
        "latitude": "" if not place or place.lat is None else f"{place.lat:.6f}",
        "longitude": "" if not place or place.lon is None else f"{place.lon:.6f}",
        "specificity": place.specificity if place else 5,
        "vicinity": 0,
        "summary": _summary(incident, year, month, day),
        **{f"attacktype{n}_txt": (attack_types[n - 1] if len(attack_types) >= n else "") for n in (1, 2, 3)},
        **{f"targtype{n}_txt": (targets[n - 1].gtd if len(targets) >= n else "") for n in (1, 2)},
        **{f"target{n}": (targets[n - 1].label if len(targets) >= n else "") for n in (1, 2)},
        "gname": named[0].name if named else "Unknown",
        "gname2": named[1].name if len(named) > 1 else "",
        "guncertain1": int(bool(named) and named[0].stance in _UNCERTAIN_STANCES),
        "claimed": int(bool(named) and named[0].stance == "claimed"),
        **{f"weaptype{n}_txt": (weapons[n - 1].gtd if len(weapons) >= n else "") for n in (1, 2)},
        **{f"weapsubtype{n}_txt": ((weapons[n - 1].subtype or "") if len(weapons) >= n else "") for n in (1, 2)},
        **_counts(incident, attack_types),
        **{f"scite{n}": cite for n, cite in enumerate(_citations(incident), 1)},
        "dbsource": f"eventwire {incident.incident_id}",
    }


def _date_parts(incident: Incident) -> tuple[int | None, int, int]:
    """(year, month, day), 0 for a part the date does not give."""
    value = incident.date.value if incident.date and incident.date.value else ""
    precision = incident.date.precision if incident.date else "unknown"
    parts = [int(part) for part in value[:10].split("-") if part.isdigit()]
    year = parts[0] if parts else None
    month = parts[1] if len(parts) > 1 and precision in ("day", "week", "month") else 0
    day = parts[2] if len(parts) > 2 and precision == "day" else 0
    return year, month, day


def _summary(incident: Incident, year: int | None, month: int, day: int) -> str:
    """GTD summaries open with the date (MM/DD/YYYY) and a colon; the rest is written from the evidence."""
    prefix = f"{month:02d}/{day:02d}/{year}: " if year and month and day else ""
    return prefix + fields.write_notes(incident)


def _add(*values: int | None) -> int | str:
    known = [value for value in values if value is not None]
    return sum(known) if known else ""


def _counts(incident: Incident, attack_types: list[str]) -> dict[str, object]:
    killed, perpetrators_killed = fields.best(incident, "killed"), fields.best(incident, "perpetrators_killed")
    injured, perpetrators_injured = fields.best(incident, "injured"), fields.best(incident, "perpetrators_injured")
    kidnapped = fields.best(incident, "kidnapped")
    if kidnapped or set(attack_types) & _HOSTAGE_TYPES:
        hostages = 1
    else:
        hostages = 0 if incident.history else UNKNOWN
    return {
        "nkill": _add(killed, perpetrators_killed),
        "nkillter": "" if perpetrators_killed is None else perpetrators_killed,
        "nwound": _add(injured, perpetrators_injured),
        "nwoundte": "" if perpetrators_injured is None else perpetrators_injured,
        "nhostkid": "" if kidnapped is None else kidnapped,
        "ishostkid": hostages,
    }


def _citations(incident: Incident) -> list[str]:
    """Up to three citations, one per article: outlet and source, time, and the phrase read."""
    cites: list[str] = []
    seen: set[str] = set()
    for reports in incident.history.values():
        for report in reports:
            if report.article_id in seen or len(cites) == 3:
                continue
            seen.add(report.article_id)
            quote = report.evidence[0].text if report.evidence else ""
            cites.append(f"{report.source}, \"{quote}\", {report.published or 'undated'} [{report.article_id}]")
    return cites + [""] * (3 - len(cites))
