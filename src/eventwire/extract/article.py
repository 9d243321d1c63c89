"""Every record of one article: the extractors, run in the order this module lists.

Each extractor is a function `(ctx) -> list[...]` reading a `Context` (the doc,
the article, per-sentence attributions, the loaded resources). The explicit
order below is the only place that knows their dependencies: attributions
first (every fact carries its chain), then the fields, then the statements and
the incident that gathers them.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.config import Settings
from eventwire.extract import (
    actors,
    collective_actors,
    dates,
    event_types,
    figures,
    incident_location,
    incidents,
    locations,
    sources,
    statements,
    targets,
    weapons,
)
from eventwire.extract.context import Context
from eventwire.extract.gazetteer import Gazetteer, load_gazetteer
from eventwire.records import Article, ArticleRecord, Record


@dataclass
class Resources:
    """Indexes built once per process and shared by every article."""

    gazetteer: Gazetteer


def load_resources(settings: Settings) -> Resources:
    """Build (or load from the on-disk cache) everything the extractors look up."""
    return Resources(gazetteer=load_gazetteer(settings.resolved_cache_dir()))


def extract_records(doc, article: Article, resources: Resources) -> list[Record]:
    """Every record one article yields: its article record, its incident, its statements."""
    ctx = Context(doc, article, resources)
    ctx.attributions = sources.extract_attributions(ctx)
    places = locations.extract_places(ctx)
    found = incidents.Findings(
        figures=figures.extract_figures(ctx),
        places=places,
        location=incident_location.choose_incident_location(ctx, places),
        dates=dates.extract_dates(ctx),
        actors=actors.extract_actors(ctx),
        weapons=weapons.extract_weapons(ctx),
        targets=targets.extract_targets(ctx),
    )
    found.actors += collective_actors.extract_collective_actors(ctx, found.location)
    found.event_types = event_types.classify_event_types(ctx, found)
    found.weapons = weapons.fit_to_attack_type(found.weapons, found.event_types)
    incident = incidents.assemble_incident(ctx, found)
    found_statements = statements.extract_statements(ctx, found, incident)
    return [article_record(article, places), *([incident] if incident else []), *found_statements]


def article_record(article: Article, places) -> ArticleRecord:
    """The `article` record: metadata, language and every toponym with its geocode."""
    return ArticleRecord(
        article_id=article.id,
        lang=article.lang,
        published=article.published.isoformat() if article.published else None,
        places=tuple(places),
        source=article.source,
        title=article.title,
        url=article.url,
        content_hash=article.content_hash,
        n_chars=len(article.text),
        origin=article.origin,
        errors=(f"text cut at {article.extra['cut_at']} characters",) if "cut_at" in article.extra else (),
    )
