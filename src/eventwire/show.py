"""Readable text for records (`eventwire extract --format table`): what a coder would read first."""

from __future__ import annotations

from eventwire.records import Article, ArticleRecord, Figure, IncidentRecord, Place, Record, StatementRecord


def format_table(article: Article, records: list[Record]) -> str:
    """One block per article: the incident's fields, then each statement, each with its evidence."""
    lines = [f"== {article.id}  ({article.source or 'unknown outlet'}, published {_published(article)})"]
    for record in records:
        if isinstance(record, ArticleRecord):
            lines.extend(_article_lines(record))
        elif isinstance(record, IncidentRecord):
            lines.extend(_incident_lines(record))
        elif isinstance(record, StatementRecord):
            lines.extend(_statement_lines(record))
    return "\n".join(lines)


def _published(article: Article) -> str:
    return article.published.isoformat() if article.published else "unknown"


def _article_lines(record: ArticleRecord) -> list[str]:
    lines = [f"  language: {record.lang or 'unknown'}; {len(record.places)} place names"]
    lines.extend(f"  ! {error}" for error in record.errors)
    return lines


def _incident_lines(record: IncidentRecord) -> list[str]:
    types = record.event_types
    lines = [
        "  INCIDENT",
        f"    event types  GTD: {', '.join(types.gtd) or '-'}",
        f"                 ACLED: {'; '.join(f'{a.event_type} / {a.sub_event_type}' for a in types.acled) or '-'}",
        f"    date         {_date(record)}",
        f"    location     {_place(record.location)}",
    ]
    for figure in record.figures:
        lines.append(f"    {figure.category:<12} {_figure(figure)}")
    for actor in record.actors:
        lines.append(f"    actor        {actor.name} ({actor.role}, {actor.stance or '-'})"
                     f"  \"{actor.evidence[0].text}\"")
    if record.weapons:
        lines.append(f"    weapons      {', '.join(w.kind for w in record.weapons)}")
    if record.targets:
        lines.append(f"    targets      {', '.join(f'{t.label} ({t.gtd})' for t in record.targets)}")
    return lines


def _date(record: IncidentRecord) -> str:
    if record.date is None:
        return "-"
    said = f'  "{record.date.evidence[0].text}"' if record.date.evidence else "  (publication date)"
    return f"{record.date.value} ({record.date.precision}){said}"


def _place(place: Place | None) -> str:
    if place is None:
        return "-"
    parts = [p for p in (place.venue, place.locality, place.name, place.admin1, place.country) if p]
    unique = list(dict.fromkeys(parts))
    coords = f" ({place.lat:.3f}, {place.lon:.3f})" if place.lat is not None and place.lon is not None else ""
    return f"{' / '.join(unique)}{coords}, precision {place.precision}"


def _figure(figure: Figure) -> str:
    bounds = f"low {figure.low}  best {figure.best}  high {figure.high}"
    flags = f" [{', '.join(figure.flags)}]" if figure.flags else ""
    return f"{bounds}  \"{figure.evidence[0].text}\"  ({figure.attribution.display}){flags}"


def _statement_lines(record: StatementRecord) -> list[str]:
    speaker = record.speaker.name if record.speaker else "unnamed"
    subject = f" about {record.subject.name}" if record.subject else ""
    date = f", {record.date.value}" if record.date else ""
    return [f"  {record.kind.upper()}: {speaker}{subject}{date}", f"    \"{record.summary}\""]
