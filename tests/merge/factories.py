"""Hand-built records for merge tests: what a careful extractor gives on ../shared/examples.

Each builder takes the text the record was read from and finds its spans in it, so
spans stay true to the (short) texts below. Figures and sources follow the reports
of crocus-reports.jsonl and shafaq-crocus.txt (written for this project from public
facts; see ../shared/examples/README.md).
"""

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
    SourceRef,
    Span,
    StatementRecord,
)

KRASNOGORSK = {"admin1": "Moscow Oblast", "country": "RU", "lat": 55.8204, "lon": 37.3302}
MOSCOW = {"admin1": "Moscow", "country": "RU", "lat": 55.7522, "lon": 37.6156}
BRYANSK = {"admin1": "Bryansk Oblast", "country": "RU", "lat": 53.2521, "lon": 34.3717}
KERMAN = {"admin1": "Kerman", "country": "IR", "lat": 30.2832, "lon": 57.0788}


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def place(name: str, where: dict, precision: str = "town", venue: str | None = None,
          locality: str | None = None) -> Place:
    return Place(name=name, precision=precision, evidence=(), extractor="locations.test", venue=venue,
                 locality=locality, **where)


def crocus_venue() -> Place:
    return place("Crocus City Hall", KRASNOGORSK, "venue", venue="Crocus City Hall", locality="Krasnogorsk")


def chain(outlet: str, *links: tuple[str, str]) -> Attribution:
    return Attribution((SourceRef(outlet, "outlet"), *(SourceRef(name, kind) for name, kind in links)))


def figure(text: str, phrase: str, category: str, low, best, high, attribution: Attribution,
           vague: bool = False) -> Figure:
    return Figure(category=category, low=low, best=best, high=high, qualifier=None,
                  evidence=(span(text, phrase),), attribution=attribution, extractor="figures.test", vague=vague)


def article(article_id: str, published: str, places=(), title: str = "", lang: str = "en",
            extracted: bool = True) -> ArticleRecord:
    return ArticleRecord(article_id=article_id, lang=lang, published=published, places=tuple(places),
                         title=title, extracted=extracted)


def incident(article_id: str, published: str, text: str, location: Place | None, day: str | None,
             figures=(), gtd=("Armed Assault",), actors=(), source="wire report") -> IncidentRecord:
    acled = tuple(AcledType("Violence against civilians", "Attack") for _ in gtd[:1])
    return IncidentRecord(
        article_id=article_id,
        record_id=f"{article_id}#incident",
        figures=tuple(figures),
        location=location,
        date=EventDate(day, "day", (), "dates.test") if day else None,
        event_types=EventTypes(tuple(gtd), acled, (), "event_types.test"),
        actors=tuple(actors),
        weapons=(),
        targets=(),
        attribution=Attribution((SourceRef(source, "outlet"),)),
        evidence=(Span(0, len(text), text),),
        published=published,
        source=source,
    )


def statement(article_id: str, n: int, kind: str, published: str, text: str, phrase: str,
              speaker: str | None = None, day: str | None = None, figures=(), about: str | None = None,
              precedes: bool = False) -> StatementRecord:
    who = Actor(speaker, "other", (), "actors.test") if speaker else None
    return StatementRecord(
        article_id=article_id, record_id=f"{article_id}#s{n}", kind=kind, speaker=who, subject=None,
        evidence=(span(text, phrase),), attribution=Attribution((SourceRef("outlet", "outlet"),)),
        extractor="statements.test", date=EventDate(day, "day", (), "dates.test") if day else None,
        published=published, about=about, figures=tuple(figures), precedes_incident=precedes,
    )


def islamic_state(role="perpetrator", stance="claimed") -> Actor:
    return Actor("Islamic State", role, (), "actors.test", stance=stance)
