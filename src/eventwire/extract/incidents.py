"""The incident record: the article's fields gathered into what happened, where, when, who, how many.

An article yields an incident when it describes violence or another codable
event: a non-background figure, or an event type. Its date is the first date
phrase that dates the event (not a statement: "said on Sunday", not a warning),
else the publication date marked `inferred`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.extract.context import Context
from eventwire.extract.prefilter import search_any_case
from eventwire.records import (
    Actor,
    Attribution,
    EventDate,
    EventTypes,
    Figure,
    IncidentRecord,
    Place,
    Target,
    Weapon,
)

EXTRACTOR = "incidents.v1"
_EVENT_SENTENCE = re.compile(r"\b(?:attack\w*|kill\w*|explo\w+|blast\w*|bomb\w*|shot|shoot\w*|fire|stormed|"
                             r"abduct\w*|kidnap\w*|clash\w*|protest\w*|demonstrat\w+|riot\w*|died|dead|"
                             r"wounded|injured|struck|raid\w*|ambush\w*|arrest\w*)\b", re.IGNORECASE)
_NOT_EVENT = re.compile(r"\b(?:warn\w*|plans? to|imminent|intelligence|attack plans|shared information|"
                        r"potential|possible|could)\b", re.IGNORECASE)
_COUNTS = {"killed", "injured", "kidnapped", "missing", "perpetrators_killed"}


@dataclass
class Findings:
    """What the field extractors found in one article, before it becomes records."""

    figures: list[Figure]
    places: list[Place]
    location: Place | None
    dates: list = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    event_types: EventTypes | None = None


def assemble_incident(ctx: Context, found: Findings) -> IncidentRecord | None:
    """The article's incident, or None when it reports no codable event."""
    types = found.event_types or EventTypes((), (), (), EXTRACTOR)
    has_count = any(f.category in _COUNTS and "background" not in f.flags for f in found.figures)
    if not has_count and not types.gtd and not types.acled:
        return None
    evidence = _event_sentences(ctx)
    return IncidentRecord(
        article_id=ctx.article.id,
        record_id=f"{ctx.article.id}:incident:0",
        figures=tuple(found.figures),
        location=found.location,
        date=choose_event_date(ctx, found.dates),
        event_types=types,
        actors=tuple(found.actors),
        weapons=tuple(found.weapons),
        targets=tuple(found.targets),
        attribution=Attribution((ctx.outlet,)),
        evidence=evidence,
        published=ctx.article.published.isoformat() if ctx.article.published else None,
        source=ctx.article.source,
        confidence=_confidence(has_count, types, found),
    )


def choose_event_date(ctx: Context, mentions: list) -> EventDate | None:
    """The event's date: in an event sentence and not a statement's, else any, else publication."""
    def usable(mention) -> bool:
        sentence = ctx.sentences[mention.sentence].text
        return not mention.reported and not _NOT_EVENT.search(sentence)

    in_event = [m for m in mentions if usable(m) and _EVENT_SENTENCE.search(ctx.sentences[m.sentence].text)]
    for candidates in (in_event, [m for m in mentions if usable(m)], mentions):
        if candidates:
            return candidates[0].date
    if ctx.article.published is None:
        return None
    return EventDate(ctx.article.published.date().isoformat(), "day", (), EXTRACTOR, inferred=True)


def _event_sentences(ctx: Context) -> tuple:
    """Up to three sentences that describe the event, as the incident's own evidence."""
    spans = []
    for sentence in ctx.sentences:
        if search_any_case(_EVENT_SENTENCE, sentence.text, sentence.lower) \
                and not search_any_case(_NOT_EVENT, sentence.text, sentence.lower):
            spans.append(ctx.article.span(sentence.start_char, sentence.end_char))
        if len(spans) == 3:
            break
    return tuple(spans)


def _confidence(has_count: bool, types: EventTypes, found: Findings) -> float:
    """A rough 0-1 score of how completely the article was coded (for sorting, not a probability)."""
    parts = [has_count, bool(types.gtd or types.acled), found.location is not None, bool(found.dates)]
    return round(sum(parts) / len(parts), 2)
