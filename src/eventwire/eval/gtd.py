"""GTD: the Global Terrorism Database's CSV export (135 columns), scored on its coded fields.

Each row's `summary` (coder-written, it opens with the date) is one article,
published the day after the coded event date. Blank, -99 and -9 mean unknown:
such a field is left out of that row's scoring, never counted as 0.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.errors import InputError
from eventwire.eval import predicted as pred
from eventwire.eval.cases import EvalCase, day_after, eval_article, known_float, known_int, read_csv_rows
from eventwire.eval.countries import country_iso2, same_admin1
from eventwire.eval.scoring import Scorecard
from eventwire.records import Record

REQUIRED_COLUMNS = ("eventid", "iyear", "imonth", "iday", "summary", "country_txt", "provstate", "latitude",
                    "longitude", "attacktype1_txt", "targtype1_txt", "weaptype1_txt", "gname", "guncertain1",
                    "claimed", "nkill", "nwound", "nhostkid")


@dataclass(frozen=True)
class GtdGold:
    """The coded fields of one GTD row that eventwire is scored on."""

    event_date: date | None
    country: str
    country_iso2: str | None
    admin1: str
    point: tuple[float, float] | None
    attack_type: str
    target_type: str
    weapon_type: str
    gname: str
    guncertain: int | None
    claimed: int | None
    nkill: int | None
    nwound: int | None
    nhostkid: int | None


def _event_date(row: dict[str, str]) -> date | None:
    """The coded date; None where GTD leaves the day (or month) unknown as 0."""
    year, month, day = (known_int(row[key]) for key in ("iyear", "imonth", "iday"))
    if not (year and month and day):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _gold(row: dict[str, str]) -> GtdGold:
    lat, lon = known_float(row["latitude"]), known_float(row["longitude"])
    return GtdGold(
        event_date=_event_date(row),
        country=row["country_txt"],
        country_iso2=country_iso2(row["country_txt"]),
        admin1=row["provstate"].strip(),
        point=(lat, lon) if lat is not None and lon is not None else None,
        attack_type=row["attacktype1_txt"].strip() or pred.NO_CLASS,
        target_type=row["targtype1_txt"].strip() or pred.NO_CLASS,
        weapon_type=row["weaptype1_txt"].strip() or pred.NO_CLASS,
        gname=row["gname"].strip() or pred.NO_CLASS,
        guncertain=known_int(row["guncertain1"]),
        claimed=known_int(row["claimed"]),
        nkill=known_int(row["nkill"]),
        nwound=known_int(row["nwound"]),
        nhostkid=known_int(row["nhostkid"]),
    )


def read_cases(path: Path) -> Iterator[EvalCase | InputError]:
    """One case per GTD row with a summary; a row without one yields an InputError (skipped)."""
    for line, row in read_csv_rows(path, REQUIRED_COLUMNS, "GTD CSV"):
        summary = (row.get("summary") or "").strip()
        if not summary:
            yield InputError(f"event {row['eventid']}: no summary to read", path=str(path), line=line)
            continue
        gold = _gold(row)
        published = day_after(gold.event_date) if gold.event_date else None
        case_id = f"gtd:{row['eventid']}"
        yield EvalCase(case_id, eval_article(case_id, summary, path=path, line=line, fmt="gtd-csv",
                                             published=published), gold)


def score_case(card: Scorecard, case: EvalCase, records: list[Record], *,
               normalise: Callable[[str], str] = pred.fold_name) -> None:
    """Score one GTD row: classes, counts, place, date and perpetrator fields.

    `normalise` maps a group name to its canonical form (the actor extractor's alias table).
    """
    gold: GtdGold = case.gold
    incident = pred.first_incident(records)
    card.match("incident_found", case, incident is not None, True, False, pattern="no incident record")
    _score_classes(card, case, gold, incident)
    for column in ("nkill", "nwound", "nhostkid"):
        gold_value = getattr(gold, column)
        if gold_value is not None:
            value, evidence = pred.gtd_count(incident, column)
            card.count(column, case, gold_value, value, evidence)
    score_place(card, case, gold.country_iso2, gold.admin1, gold.point, incident)
    score_date(card, case, gold.event_date, incident)
    _score_perpetrator(card, case, gold, incident, records, normalise)


def _score_classes(card: Scorecard, case: EvalCase, gold: GtdGold, incident) -> None:
    types = incident.event_types if incident else None
    attack = types.gtd[0] if types and types.gtd else pred.NO_CLASS
    card.classes("attack_type", case, gold.attack_type, attack, pred.span_texts(types.evidence) if types else ())
    target = incident.targets[0] if incident and incident.targets else None
    card.classes("target_type", case, gold.target_type, target.gtd if target else pred.NO_CLASS,
                 pred.span_texts(target.evidence) if target else ())
    weapon = incident.weapons[0] if incident and incident.weapons else None
    card.classes("weapon_type", case, gold.weapon_type, weapon.gtd if weapon else pred.NO_CLASS,
                 pred.span_texts(weapon.evidence) if weapon else ())


def score_place(card: Scorecard, case: EvalCase, gold_iso2: str | None, gold_admin1: str,
                gold_point: tuple[float, float] | None, incident) -> None:
    """Country and admin1 accuracy and distance of the incident's location (GTD and ACLED alike)."""
    place = incident.location if incident else None
    evidence = pred.span_texts(place.evidence) if place else ()
    shown = None if place is None else f"{place.name} / {place.admin1} / {place.country}"
    if gold_iso2:
        predicted_iso2 = place.country if place else None
        card.match("country", case, predicted_iso2 == gold_iso2, gold_iso2, shown, evidence,
                   pattern="no location" if place is None else f"{gold_iso2} -> {predicted_iso2}")
    if gold_admin1:
        ok = place is not None and place.country == gold_iso2 and same_admin1(gold_admin1, place.admin1)
        pattern = ("no location" if place is None else "wrong country" if place.country != gold_iso2
                   else "no admin1" if not place.admin1 else "other admin1")
        card.match("admin1", case, ok, gold_admin1, shown, evidence, pattern=pattern)
    if gold_point:
        point = (place.lat, place.lon) if place and place.lat is not None and place.lon is not None else None
        card.distance("point", case, gold_point, point, evidence, shown)


def score_date(card: Scorecard, case: EvalCase, gold_date: date | None, incident) -> None:
    """Exact-day accuracy of the incident date (GTD and ACLED alike)."""
    if gold_date is None:
        return
    found = incident.date if incident else None
    value = found.value if found else None
    ok = bool(value) and value[:10] == gold_date.isoformat() and len(value) >= 10
    published = case.article.published.date().isoformat() if case.article.published else None
    pattern = ("no date" if not value else "publication date echoed" if value[:10] == published
               else "other date")
    card.match("date", case, ok, gold_date.isoformat(), value, pred.span_texts(found.evidence) if found else (),
               pattern=pattern)


def _score_perpetrator(card: Scorecard, case: EvalCase, gold: GtdGold, incident, records: Iterable[Record],
                       normalise: Callable[[str], str]) -> None:
    actor, name = pred.gtd_gname(incident)
    evidence = pred.span_texts(actor.evidence) if actor else ()
    gold_unknown, predicted_unknown = gold.gname == pred.NO_CLASS, name == pred.NO_CLASS
    ok = (gold_unknown and predicted_unknown) or (
        not gold_unknown and not predicted_unknown and pred.same_group(gold.gname, name, normalise))
    pattern = ("named group missed" if predicted_unknown else "group named where GTD has Unknown"
               if gold_unknown else "other group")
    card.match("gname", case, ok, gold.gname, name, evidence, pattern=pattern)
    if gold.claimed is not None:
        claimed = pred.gtd_claimed(incident, records)
        card.match("claimed", case, claimed == gold.claimed, gold.claimed, claimed, evidence,
                   pattern="claim missed" if gold.claimed else "claim invented")
    if gold.guncertain is not None:
        uncertain = pred.gtd_guncertain(actor)
        card.match("guncertain", case, uncertain == gold.guncertain, gold.guncertain, uncertain, evidence,
                   pattern="suspicion missed" if gold.guncertain else "suspicion invented")

