"""What every export reads off a merged incident: figures, parties, outlets, times and the notes.

Kept in one place so the ACLED, GTD, GeoJSON and Parquet exports cannot disagree on
who the perpetrator is or which figure counts. Nothing here invents a value: a field
the incident does not have stays None, and each writer spells "unknown" its dataset's way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from eventwire.records import Actor, Incident, ReconciledFigure, StatementRecord

# A stance that puts an actor in a perpetrator column; "denied" never does.
PERPETRATOR_STANCES = ("claimed", "accused", "suspected", "unknown")
# Notes quote at most this many characters of one span, so a sentence-long span stays readable.
MAX_QUOTE_CHARS = 160
# Figure history shown in the notes: the first report and the last few (the full history is in jsonl/parquet).
MAX_HISTORY_SHOWN = 4


def figure(incident: Incident, category: str) -> ReconciledFigure | None:
    """The reconciled figure of `category`, or None when no report gives one."""
    return next((item for item in incident.figures if item.category == category), None)


def best(incident: Incident, category: str) -> int | None:
    found = figure(incident, category)
    return found.best if found else None


def conservative(incident: Incident, category: str) -> int | None:
    """ACLED's reading: the lowest reconciled figure (low), else the best estimate."""
    found = figure(incident, category)
    if found is None:
        return None
    return found.low if found.low is not None else found.best


def perpetrators(incident: Incident) -> list[Actor]:
    """Perpetrators in stance order (claimed, accused, suspected, unknown); denied ones left out."""
    found = [actor for actor in incident.actors
             if actor.role == "perpetrator" and (actor.stance or "unknown") in PERPETRATOR_STANCES]
    return sorted(found, key=lambda actor: (PERPETRATOR_STANCES.index(actor.stance or "unknown"),
                                            actor.kind == "unidentified"))


def named_perpetrators(incident: Incident) -> list[Actor]:
    return [actor for actor in perpetrators(incident) if actor.kind != "unidentified" and actor.name != "Unknown"]


def outlets(incident: Incident) -> list[str]:
    """The outlets that reported the incident (first link of each citation chain), in report order."""
    names: list[str] = []
    chains = [report.attribution.chain for reports in incident.history.values() for report in reports]
    chains += [statement.attribution.chain for statement in incident.statements]
    for chain in chains:
        if chain and chain[0].name not in names:
            names.append(chain[0].name)
    return names


def published_times(incident: Incident) -> list[datetime]:
    """Every publication time of the incident's reports and statements, in UTC, sorted."""
    values = [report.published for reports in incident.history.values() for report in reports]
    values += [statement.published for statement in incident.statements]
    return sorted(filter(None, (parse_time(value) for value in values)))


def parse_time(value: str | None) -> datetime | None:
    """An ISO time (or day) as an aware UTC datetime; a time without a zone is read as UTC."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def event_day(incident: Incident) -> str | None:
    """The event date as an ISO day ('2024-03-22'), month or year text as given, or None."""
    return incident.date.value[:10] if incident.date and incident.date.value else None


def statements_of(incident: Incident, *kinds: str) -> list[StatementRecord]:
    return [statement for statement in incident.statements if statement.kind in kinds]


def write_notes(incident: Incident) -> str:
    """Notes in ACLED's manner, written from the evidence: what, where, when, the figures and claims.

    Every quoted phrase is a span of a stored article, so a reader can find it there.
    """
    sentences = [_what_where_when(incident)]
    for category in ("killed", "injured", "kidnapped"):
        history = incident.history.get(category, ())
        if history:
            sentences.append(_history_sentence(category, history, figure(incident, category)))
    for statement in statements_of(incident, "claim", "denial"):
        quote = _quote(statement.evidence[0].text) if statement.evidence else statement.summary
        if quote:
            sentences.append(f"{statement.kind.capitalize()}: \"{quote}\" ({_chain(statement.attribution)}).")
    return " ".join(sentence for sentence in sentences if sentence)


def _what_where_when(incident: Incident) -> str:
    acled = incident.event_types.acled[0] if incident.event_types.acled else None
    what = acled.sub_event_type if acled else (incident.event_types.gtd[0] if incident.event_types.gtd else
                                               "Incident")
    place = incident.location
    where = f" in {place.name}" + (f" ({', '.join(filter(None, (place.admin1, place.country_name)))})"
                                   if place and (place.admin1 or place.country_name) else "") if place else ""
    when = f" on {event_day(incident)}" if event_day(incident) else ""
    cues = _unique_texts(span.text for span in incident.event_types.evidence)
    reported = f", reported as \"{'; '.join(cues[:3])}\"" if cues else ""
    return f"{what}{where}{when}{reported}."


def _history_sentence(category: str, history, reconciled: ReconciledFigure | None) -> str:
    """'Killed: "first" (source, day) -> [n more] -> ... -> "last" (source, day); best N.'"""
    steps = [_report_step(report) for report in history]
    if len(steps) > MAX_HISTORY_SHOWN:
        hidden = len(steps) - MAX_HISTORY_SHOWN
        steps = [steps[0], f"[{hidden} more]", *steps[-(MAX_HISTORY_SHOWN - 1):]]
    summary = ""
    if reconciled is not None:
        summary = f"; best {reconciled.best}" + (f", low {reconciled.low}" if reconciled.low != reconciled.best
                                                  else "")
    return f"{category.capitalize()}: " + " -> ".join(steps) + summary + "."


def _report_step(report) -> str:
    quote = _quote(report.evidence[0].text) if report.evidence else str(report.best)
    return f"\"{quote}\" ({report.source}{', ' + report.published[:10] if report.published else ''})"


def _chain(attribution) -> str:
    return attribution.display or "source not named"


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE_CHARS else text[:MAX_QUOTE_CHARS - 3] + "..."


def _unique_texts(texts: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for text in texts:
        seen.setdefault(_quote(text), None)
    return list(seen)
