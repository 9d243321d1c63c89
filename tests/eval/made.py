"""Hand-made predicted records for scoring tests: what the pipeline would emit, built field by field."""

from __future__ import annotations

from eventwire.records import (
    AcledType,
    Actor,
    ArticleRecord,
    Attribution,
    EventDate,
    EventTypes,
    Figure,
    IncidentRecord,
    Place,
    Span,
    Target,
    Weapon,
)


def span_of(text: str, phrase: str) -> Span:
    """The span of the first `phrase` in `text` (fails loudly when absent, like Article.span)."""
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def figure(text: str, phrase: str, category: str, low: int, best: int | None = None,
           flags: tuple[str, ...] = ()) -> Figure:
    best = low if best is None else best
    return Figure(category, low, best, best, None, (span_of(text, phrase),), Attribution(), "test", flags=flags)


def place(text: str, phrase: str, *, admin1: str | None, country: str, lat: float, lon: float,
          precision: str = "town") -> Place:
    return Place(phrase, admin1, country, lat, lon, precision, (span_of(text, phrase),), "test")


def actor(text: str, phrase: str, *, name: str | None = None, role: str = "perpetrator",
          stance: str | None = "unknown", kind: str | None = "group") -> Actor:
    return Actor(name or phrase, role, (span_of(text, phrase),), "test", stance, kind)


def incident(text: str, *, figures=(), location=None, date=None, gtd=(), acled=(), actors=(), weapons=(),
             targets=(), types_phrase: str | None = None) -> IncidentRecord:
    evidence = (span_of(text, types_phrase),) if types_phrase else ()
    return IncidentRecord(
        article_id="a", record_id="a:incident:0", figures=tuple(figures), location=location,
        date=EventDate(date, "day", (), "test") if date else None,
        event_types=EventTypes(tuple(gtd), tuple(AcledType(*pair) for pair in acled), evidence, "test"),
        actors=tuple(actors), weapons=tuple(weapons), targets=tuple(targets), attribution=Attribution(),
        evidence=(),
    )


def weapon(text: str, phrase: str, kind: str, gtd: str) -> Weapon:
    return Weapon(kind, gtd, (span_of(text, phrase),), "test")


def target(text: str, phrase: str, gtd: str) -> Target:
    return Target(phrase, gtd, (span_of(text, phrase),), "test")


def article_with_places(*places: Place) -> ArticleRecord:
    return ArticleRecord(article_id="a", lang="en", published=None, places=tuple(places))
