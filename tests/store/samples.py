"""Small, realistic articles and records built by hand (no spaCy), for the store tests and bench.

The text paraphrases wire reports of the Crocus City Hall attack (see
../shared/examples/README.md; wording our own). `sample_article(n)` varies the
numbers and the town with `n`, so each n gives its own text and content hash, and
every span is cut from the text with `Article.span`, so offsets are real.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from eventwire.records import (
    AcledType,
    Actor,
    Article,
    ArticleRecord,
    Attribution,
    EventDate,
    EventTypes,
    Figure,
    FigureReport,
    Incident,
    IncidentRecord,
    MergeDecision,
    Origin,
    Place,
    ReconciledFigure,
    Record,
    SourceRef,
    StatementRecord,
    Target,
    Weapon,
)

TOWNS = [("Krasnogorsk", "Moscow Oblast", "RU", 55.82, 37.33), ("Kerman", "Kerman", "IR", 30.28, 57.08),
         ("Peshawar", "Khyber Pakhtunkhwa", "PK", 34.01, 71.58)]
TEMPLATE = (
    "{town}, March 22 - Gunmen in combat fatigues burst into a concert hall in {town} on Friday evening "
    "and opened fire on people waiting for a concert, before setting the building on fire.\n"
    "At least {killed} people were killed and more than {injured} were wounded, the TASS news agency reported, "
    "citing the press office of the Federal Security Service.\n"
    "The Islamic State group claimed responsibility for the attack in a statement on its Amaq channel.\n"
    "Ukraine denied any involvement in the shooting (report {n})."
)


def _find(article: Article, phrase: str, after: int = 0):
    start = article.text.index(phrase, after)
    return article.span(start, start + len(phrase))


def sample_article(n: int, *, published: datetime | None = None) -> Article:
    """Article number `n`: its own text, a TASS/FSB-attributed toll and a claim."""
    town = TOWNS[n % len(TOWNS)][0]
    text = TEMPLATE.format(town=town, killed=40 + n, injured=100 + n, n=n)
    return Article(
        id=f"art-{n:05d}", text=text,
        published=published or datetime(2024, 3, 22, 22, 40, tzinfo=timezone(timedelta(hours=3))) + timedelta(hours=n),
        source="wire report", title=f"Gunmen open fire at concert hall in {town} ({n})",
        url=f"https://example.org/news/{n}", lang="en", origin=Origin(path="reports.jsonl", line=n + 1, format="jsonl"),
    )


def sample_records(article: Article) -> list[Record]:
    """An article record, an incident record with two figures, and a claim and a denial."""
    n = int(article.id.split("-")[1])
    town, admin1, country, lat, lon = TOWNS[n % len(TOWNS)]
    published = article.published.isoformat() if article.published else None
    chain = Attribution((SourceRef("wire report", "outlet"), SourceRef("TASS", "agency", (_find(article, "TASS"),)),
                         SourceRef("Federal Security Service", "official",
                                   (_find(article, "Federal Security Service"),))))
    killed_span = _find(article, f"At least {40 + n} people were killed")
    place = Place(town, admin1, country, lat, lon, "town", (_find(article, town, 1),), "locations.v1")
    figures = (
        Figure("killed", 40 + n, 40 + n, None, "at least", (killed_span,), chain, "casualties.v1"),
        Figure("injured", 101 + n, 101 + n, None, "more than", (_find(article, f"more than {100 + n} were wounded"),),
               chain, "casualties.v1", flags=("lower_bound",)),
    )
    date = EventDate("2024-03-22", "day", (_find(article, "Friday evening"),), "dates.v1")
    gunmen = Actor("gunmen in combat fatigues", "perpetrator", (_find(article, "Gunmen in combat fatigues"),),
                   "actors.v1")
    islamic_state = Actor("Islamic State", "perpetrator", (_find(article, "The Islamic State group"),), "actors.v1",
                          stance="claimed", kind="group")
    incident = IncidentRecord(
        article_id=article.id, record_id=f"{article.id}:incident:0", figures=figures, location=place, date=date,
        event_types=EventTypes(("Armed Assault",), (AcledType("Violence against civilians", "Attack"),),
                               (_find(article, "opened fire"),), "event_types.v1", {"Armed Assault": 0.9}),
        actors=(gunmen, islamic_state),
        weapons=(Weapon("firearm", "Firearms", (_find(article, "opened fire"),), "weapons.v1"),),
        targets=(Target("concert-goers", "Private Citizens & Property", (_find(article, "people waiting"),),
                        "targets.v1"),),
        attribution=chain, evidence=(killed_span,), published=published, source=article.source, confidence=0.8,
    )
    claim = StatementRecord(
        article_id=article.id, record_id=f"{article.id}:claim:0", kind="claim", speaker=islamic_state, subject=None,
        evidence=(_find(article, "claimed responsibility for the attack"),),
        attribution=Attribution((SourceRef("Amaq", "outlet", (_find(article, "Amaq"),)),)),
        extractor="statements.v1", published=published, about="the attack",
    )
    denial = StatementRecord(
        article_id=article.id, record_id=f"{article.id}:denial:0", kind="denial",
        speaker=Actor("Ukraine", "official", (_find(article, "Ukraine"),), "actors.v1", stance="denied"),
        subject=None, evidence=(_find(article, "denied any involvement"),), attribution=Attribution(),
        extractor="statements.v1", published=published,
    )
    article_record = ArticleRecord(
        article_id=article.id, lang=article.lang, published=published, places=(place,), source=article.source,
        title=article.title, url=article.url, content_hash=article.content_hash, n_chars=len(article.text),
        origin=article.origin,
    )
    return [article_record, incident, claim, denial]


def expected_counts(records: list[Record]) -> dict[str, int]:
    """How many rows one article's records should leave in each child table (for count checks)."""
    incident = next(r for r in records if isinstance(r, IncidentRecord))
    statements = [r for r in records if isinstance(r, StatementRecord)]
    figures = list(incident.figures) + [f for s in statements for f in s.figures]
    return {"records": len(records), "figures": len(figures), "statements": len(statements)}


def sample_incident(incident_id: str, articles: list[Article]) -> Incident:
    """A merged incident over the sample articles' incident records, killed figures in publication order."""
    records = [sample_records(article) for article in articles]
    incident_records = [next(r for r in rs if isinstance(r, IncidentRecord)) for rs in records]
    first = incident_records[0]
    history = {
        category: tuple(
            FigureReport(figure.category, figure.low, figure.best, figure.high, figure.qualifier, record.published,
                         record.source or "unknown", figure.attribution, record.article_id, record.record_id,
                         figure.evidence)
            for record in incident_records for figure in record.figures if figure.category == category)
        for category in ("killed", "injured")
    }
    figures = tuple(ReconciledFigure(category, reports[-1].low, reports[-1].best, reports[-1].high, "latest_official",
                                     len(reports)) for category, reports in history.items())
    decisions = tuple(
        MergeDecision(record.record_id, record.article_id, incident_id, "founded" if i == 0 else "joined",
                      1.0 if i == 0 else 0.82, {"place": 1.0, "date": 1.0, "type": 0.5}, "same town and day")
        for i, record in enumerate(incident_records))
    statements = tuple(r for rs in records for r in rs if isinstance(r, StatementRecord))
    return Incident(
        incident_id=incident_id, location=first.location, date=first.date, event_types=first.event_types,
        article_ids=tuple(article.id for article in articles),
        record_ids=tuple(record.record_id for record in incident_records), figures=figures, history=history,
        statements=statements, decisions=decisions, actors=first.actors, weapons=first.weapons, targets=first.targets,
    )
