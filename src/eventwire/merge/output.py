"""How `eventwire merge` shows incidents: one JSON object a line, or a summary for people."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from eventwire.records import ArticleRecord, Incident, Record, StatementRecord, to_json


@lru_cache(maxsize=1)
def _incident_adapter():
    from pydantic import TypeAdapter

    return TypeAdapter(Incident)


def incident_to_json(incident: Incident) -> dict[str, Any]:
    """The JSONL form: every field of the incident (history entries keep low/best/high, source, evidence)."""
    return _incident_adapter().dump_python(incident, mode="json")


def unattached_to_json(record: Record) -> dict[str, Any]:
    """A record that joined no incident, with why, for the JSONL summary on stderr or a file."""
    data = to_json(record)
    reason = ("not extracted and names no incident" if isinstance(record, ArticleRecord)
              else "a statement that speaks of no incident in this batch")
    return {"unattached": True, "reason": reason, **data}


def format_incident(incident: Incident) -> str:
    """A readable block: where, when, what, the figures with their history, statements and decisions."""
    place = incident.location.name if incident.location else "place unknown"
    if incident.location and incident.location.country:
        place += f", {incident.location.admin1 or ''} {incident.location.country}".replace(" ,", ",")
    when = incident.date.value if incident.date else "date unknown"
    lines = [f"{incident.incident_id}  {place}  {when}  {', '.join(incident.event_types.gtd) or 'type unknown'}",
             f"  reports: {len(incident.article_ids)} articles ({', '.join(incident.article_ids)})"]
    for figure in incident.figures:
        lines.append(f"  {figure.category}: best {figure.best} (low {figure.low}, high {figure.high}), "
                     f"{figure.n_reports} reports")
        for report in incident.history.get(figure.category, ()):
            vague = " (vague)" if report.vague else ""
            lines.append(f"      {report.published or 'undated':25} {_range(report)}{vague:8} {report.source} "
                         f"[{report.article_id}]")
        lines.extend(f"      ! {note}" for note in figure.conflicts)
    for statement in incident.statements:
        lines.append(f"  {_action(incident, statement)}: {statement.kind} by {_speaker(statement)} "
                     f"[{statement.article_id}] \"{_quote(statement)}\"")
    lines.append("  decisions:")
    lines.extend(f"    {d.action:13} {d.record_id:28} {d.score:.2f}  {d.reason}" for d in incident.decisions)
    return "\n".join(lines)


def format_unattached(record: Record) -> str:
    if isinstance(record, ArticleRecord):
        return (f"unattached report {record.article_id} ({record.lang}, not extracted): "
                f"{record.title or 'no title'}")
    return f"unattached {record.kind} by {_speaker(record)} [{record.article_id}] \"{_quote(record)}\""


def _range(report) -> str:
    if report.low == report.high == report.best:
        return f"{report.best}"
    return f"{report.best} ({report.low if report.low is not None else '?'}-" \
           f"{report.high if report.high is not None else '?'})"


def _action(incident: Incident, statement: StatementRecord) -> str:
    actions = {d.record_id: d.action for d in incident.decisions}
    return "linked before" if actions.get(statement.record_id) == "linked_before" else "attached"


def _speaker(statement: StatementRecord) -> str:
    return statement.speaker.name if statement.speaker else "unnamed speaker"


def _quote(statement: StatementRecord) -> str:
    text = statement.summary or (statement.evidence[0].text if statement.evidence else "")
    return text if len(text) <= 80 else text[:77] + "..."
