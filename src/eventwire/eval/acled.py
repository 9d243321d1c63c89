"""ACLED: the Armed Conflict Location & Event Data CSV export, scored on its coded fields.

Each row's `notes` (coder-written, it opens with the date) is one article,
published the day after `event_date`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from eventwire.errors import InputError
from eventwire.eval import predicted as pred
from eventwire.eval.cases import EvalCase, day_after, eval_article, known_float, known_int, read_csv_rows
from eventwire.eval.countries import country_iso2
from eventwire.eval.gtd import score_date, score_place
from eventwire.eval.scoring import Scorecard, fillers_match
from eventwire.records import Record

REQUIRED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "country", "admin1", "latitude",
                    "longitude", "notes", "fatalities")
# ACLED exports have written event_date as "9-May-20", "09 May 2020" and "2020-05-09".
_DATE_FORMATS = ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d", "%d-%B-%Y", "%d %b %Y")


@dataclass(frozen=True)
class AcledGold:
    """The coded fields of one ACLED row that eventwire is scored on."""

    event_date: date | None
    event_type: str
    sub_event_type: str
    actor1: str
    country_iso2: str | None
    admin1: str
    point: tuple[float, float] | None
    fatalities: int | None


def parse_event_date(value: str) -> date | None:
    """ACLED's event_date in any of the formats its exports have used; None if unreadable."""
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def read_cases(path: Path) -> Iterator[EvalCase | InputError]:
    """One case per ACLED row with notes; a row without notes yields an InputError (skipped)."""
    for line, row in read_csv_rows(path, REQUIRED_COLUMNS, "ACLED CSV"):
        notes = (row.get("notes") or "").strip()
        row_id = row.get("event_id_cnty") or row.get("data_id") or str(line)
        if not notes:
            yield InputError(f"event {row_id}: no notes to read", path=str(path), line=line)
            continue
        event_date = parse_event_date(row["event_date"])
        lat, lon = known_float(row["latitude"]), known_float(row["longitude"])
        gold = AcledGold(
            event_date=event_date,
            event_type=row["event_type"].strip(),
            sub_event_type=row["sub_event_type"].strip(),
            actor1=row["actor1"].strip(),
            country_iso2=country_iso2(row["country"]),
            admin1=row["admin1"].strip(),
            point=(lat, lon) if lat is not None and lon is not None else None,
            fatalities=known_int(row["fatalities"]),
        )
        case_id = f"acled:{row_id}"
        published = day_after(event_date) if event_date else None
        yield EvalCase(case_id, eval_article(case_id, notes, path=path, line=line, fmt="acled-csv",
                                             published=published), gold)


def actor_forms(actor1: str) -> list[str]:
    """ACLED's actor name and the form without its "(Country)" or "(2016-)" qualifiers.

    The parenthesised part is not a form of its own: "Protesters (Israel)" is not Israel.
    """
    plain = " ".join(re.sub(r"\([^)]*\)", " ", actor1).split())
    return [form for form in dict.fromkeys([actor1, plain]) if form]


def score_case(card: Scorecard, case: EvalCase, records: list[Record], *,
               normalise: Callable[[str], str] = pred.fold_name) -> None:
    """Score one ACLED row: event and sub-event type, fatalities, place, date and actor1."""
    gold: AcledGold = case.gold
    incident = pred.first_incident(records)
    card.match("incident_found", case, incident is not None, True, False, pattern="no incident record")
    types = incident.event_types if incident else None
    acled_type = types.acled[0] if types and types.acled else None
    evidence = pred.span_texts(types.evidence) if types else ()
    card.classes("event_type", case, gold.event_type, acled_type.event_type if acled_type else pred.NO_CLASS,
                 evidence)
    card.classes("sub_event_type", case, gold.sub_event_type,
                 acled_type.sub_event_type if acled_type else pred.NO_CLASS, evidence, weighted=True)
    if gold.fatalities is not None:
        value, figure_evidence = pred.acled_fatalities(incident)
        card.count("fatalities", case, gold.fatalities, value, figure_evidence)
    score_place(card, case, gold.country_iso2, gold.admin1, gold.point, incident)
    score_date(card, case, gold.event_date, incident)
    if gold.actor1:
        _score_actor1(card, case, gold.actor1, incident, normalise)


def _score_actor1(card: Scorecard, case: EvalCase, actor1: str, incident, normalise) -> None:
    """ACLED actor1 counts as found when any predicted actor matches one of its forms."""
    actors = incident.actors if incident else ()
    forms = actor_forms(actor1)
    found = any(
        pred.same_group(form, actor.name, normalise) or any(fillers_match(form, s) for s in pred.actor_strings(actor))
        for form in forms for actor in actors
    )
    # ACLED's "Unidentified Armed Group (X)" / "Unidentified Gang" is an unnamed perpetrator.
    if actor1.lower().startswith("unidentified"):
        found = found or any(not pred.is_named_group(a) and a.role == "perpetrator" for a in actors)
    shown = [f"{a.name} ({a.role})" for a in actors]
    card.match("actor1", case, found, actor1, shown,
               [text for a in actors for text in pred.span_texts(a.evidence)],
               pattern="no actors predicted" if not actors else "actor1 not among predicted actors")
