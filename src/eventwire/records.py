"""Every typed record eventwire produces, in one place.

Records are frozen dataclasses; stages pass them, never bare dicts. Pydantic's
`TypeAdapter` over them gives the JSON Schema (`eventwire schema`), the JSON form
(`to_json`) and, at the edges, the API models.

Provenance: every extracted value carries `evidence`, a tuple of `Span`s with
half-open offsets into `Article.text`, and the versioned name of its extractor.
An inferred value (the country of a city) keeps the span it was inferred from
and says `inferred=True`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache, lru_cache
from typing import Any, Literal, Union

from eventwire.errors import ExtractionError

FigureCategory = Literal[
    "killed",
    "injured",
    "missing",
    "kidnapped",
    "arrested",
    "displaced",
    "evacuated",
    "responders",
    "perpetrators_killed",
    "perpetrators_injured",
    "perpetrators_arrested",
    "affected",
]
Precision = Literal["venue", "neighbourhood", "town", "district", "region", "country", "continent", "unknown"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
Stance = Literal["claimed", "suspected", "accused", "denied", "unknown"]
ActorRole = Literal["perpetrator", "target", "victim", "responder", "official", "other"]
StatementKind = Literal["warning", "claim", "denial", "condemnation", "arrest", "security_measure"]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of evidence: `Article.text[start:end] == text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an article was read from, so an error or a record can point back to it."""

    path: str = "-"
    line: int | None = None
    offset: int | None = None
    format: str = "text"


@dataclass(frozen=True, slots=True)
class Article:
    """One input text with its metadata; `id` is the input's id or the content hash."""

    id: str
    text: str
    published: datetime | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    lang: str | None = None
    origin: Origin = field(default_factory=Origin)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def span(self, start: int, end: int) -> Span:
        """Build a span over this article's text, failing where a bad offset is made."""
        if not 0 <= start <= end <= len(self.text):
            raise ExtractionError(f"article {self.id}: span {start}:{end} outside text of {len(self.text)} chars")
        return Span(start, end, self.text[start:end])


def content_hash(text: str) -> str:
    """A stable id for a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One link of a citation chain: an outlet, an agency, an office or a person."""

    name: str
    kind: Literal["outlet", "agency", "official", "organisation", "person", "witness", "unknown"] = "unknown"
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who reported a fact, citing whom: `chain[0]` is the outlet, the last link the original source."""

    chain: tuple[SourceRef, ...] = ()

    @property
    def display(self) -> str:
        return " ← ".join(ref.name for ref in self.chain)


@dataclass(frozen=True, slots=True)
class Figure:
    """A reported count as low/best/high (see `extract/numbers.py` for the qualifier rule)."""

    category: FigureCategory
    low: int | None
    best: int | None
    high: int | None
    qualifier: str | None
    evidence: tuple[Span, ...]
    attribution: Attribution
    extractor: str
    vague: bool = False
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded toponym with ACLED/GTD-style precision."""

    name: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: Precision
    evidence: tuple[Span, ...]
    extractor: str
    admin2: str | None = None
    country_name: str | None = None
    venue: str | None = None
    locality: str | None = None
    geonames_id: int | None = None
    feature: str | None = None
    inferred: bool = False
    score: float = 0.0

    @property
    def geo_precision(self) -> int:
        """ACLED geo_precision: 1 the town itself, 2 near it or a district, 3 a region or country."""
        return {"venue": 1, "neighbourhood": 1, "town": 1, "district": 2}.get(self.precision, 3)

    @property
    def specificity(self) -> int:
        """GTD specificity: 1 city/venue with coordinates ... 4 region, 5 unknown."""
        return {"venue": 1, "neighbourhood": 1, "town": 1, "district": 3, "region": 4, "country": 4}.get(
            self.precision, 5
        )


@dataclass(frozen=True, slots=True)
class EventDate:
    """When the event happened, resolved against the publication date."""

    value: str | None
    precision: DatePrecision
    evidence: tuple[Span, ...]
    extractor: str
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class AcledType:
    event_type: str
    sub_event_type: str
    disorder_type: str = "Political violence"


@dataclass(frozen=True, slots=True)
class EventTypes:
    """GTD attack types and ACLED types, most likely first, with the words that decided them."""

    gtd: tuple[str, ...]
    acled: tuple[AcledType, ...]
    evidence: tuple[Span, ...]
    extractor: str
    scores: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Actor:
    """A named or described party and what the text says of its part."""

    name: str
    role: ActorRole
    evidence: tuple[Span, ...]
    extractor: str
    stance: Stance | None = None
    kind: str | None = None
    stated_by: Attribution | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Weapon:
    """A weapon or means of attack; `gtd` is GTD's weaptype name."""

    kind: str
    gtd: str
    evidence: tuple[Span, ...]
    extractor: str
    subtype: str | None = None
    # True when read from the GTD attack type, not named in the text (the evidence is the type's cue):
    # GTD codes it, but it is no instrument the text names (MUC-4's INSTRUMENT ID).
    implied: bool = False


@dataclass(frozen=True, slots=True)
class Target:
    """Who or what was attacked; `gtd` is GTD's targtype name."""

    label: str
    gtd: str
    evidence: tuple[Span, ...]
    extractor: str


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One per input article: its metadata, language and every toponym it names."""

    article_id: str
    lang: str | None
    published: str | None
    places: tuple[Place, ...] = ()
    source: str | None = None
    title: str | None = None
    url: str | None = None
    content_hash: str | None = None
    n_chars: int = 0
    extracted: bool = True
    origin: Origin = field(default_factory=Origin)
    errors: tuple[str, ...] = ()
    kind: Literal["article"] = "article"


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    """What happened, where, when, who and how many, as one article tells it."""

    article_id: str
    record_id: str
    figures: tuple[Figure, ...]
    location: Place | None
    date: EventDate | None
    event_types: EventTypes
    actors: tuple[Actor, ...]
    weapons: tuple[Weapon, ...]
    targets: tuple[Target, ...]
    attribution: Attribution
    evidence: tuple[Span, ...]
    published: str | None = None
    source: str | None = None
    confidence: float = 0.0
    kind: Literal["incident"] = "incident"

    def headline(self, category: str) -> Figure | None:
        """The figure this article gives for `category` (its first such figure: the extractor
        orders `figures` so the chosen one comes first; the rest stay as reported alternatives)."""
        return next((f for f in self.figures if f.category == category), None)


@dataclass(frozen=True, slots=True)
class StatementRecord:
    """A warning, claim, denial, condemnation, arrest or security measure, with its speaker."""

    article_id: str
    record_id: str
    kind: StatementKind
    speaker: Actor | None
    subject: Actor | None
    evidence: tuple[Span, ...]
    attribution: Attribution
    extractor: str
    date: EventDate | None = None
    published: str | None = None
    about: str | None = None
    figures: tuple[Figure, ...] = ()
    targets: tuple[Target, ...] = ()
    precedes_incident: bool = False
    summary: str | None = None


Record = Union[ArticleRecord, IncidentRecord, StatementRecord]


# --- merged incidents (merge/ builds them, store/ keeps them, serve/ and export/ show them) ---


@dataclass(frozen=True, slots=True)
class FigureReport:
    """One reported figure in an incident's history, with where and when it was said."""

    category: FigureCategory
    low: int | None
    best: int | None
    high: int | None
    qualifier: str | None
    published: str | None
    source: str
    attribution: Attribution
    article_id: str
    record_id: str
    evidence: tuple[Span, ...]
    vague: bool = False


@dataclass(frozen=True, slots=True)
class ReconciledFigure:
    """An incident's low/best/high for one category, with the rule that chose them and any conflict."""

    category: FigureCategory
    low: int | None
    best: int | None
    high: int | None
    rule: str
    n_reports: int = 0
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MergeDecision:
    """Why a record joined (or founded, or was linked to) an incident: the signals and their scores."""

    record_id: str
    article_id: str
    incident_id: str
    action: Literal["founded", "joined", "attached", "linked_before"]
    score: float
    signals: dict[str, float]
    reason: str


@dataclass(frozen=True, slots=True)
class Incident:
    """Many reports of one event: reconciled figures, their history, statements and decisions."""

    incident_id: str
    location: Place | None
    date: EventDate | None
    event_types: EventTypes
    article_ids: tuple[str, ...]
    record_ids: tuple[str, ...]
    figures: tuple[ReconciledFigure, ...]
    history: dict[str, tuple[FigureReport, ...]]
    statements: tuple[StatementRecord, ...]
    decisions: tuple[MergeDecision, ...]
    actors: tuple[Actor, ...] = ()
    weapons: tuple[Weapon, ...] = ()
    targets: tuple[Target, ...] = ()
    kind: Literal["merged_incident"] = "merged_incident"


@lru_cache(maxsize=1)
def _record_adapter():
    from pydantic import TypeAdapter

    return TypeAdapter(Record)


def to_json(record: Record) -> dict[str, Any]:
    """The JSON form of a record (the `--format jsonl` line)."""
    return _record_adapter().dump_python(record, mode="json")


def from_json(data: dict[str, Any]) -> Record:
    """Rebuild a typed record from its JSON form (round trip of `to_json`)."""
    cls = {"article": ArticleRecord, "incident": IncidentRecord}.get(data.get("kind"), StatementRecord)
    return _adapter_for(cls).validate_python(data)


@cache
def _adapter_for(cls):
    """One TypeAdapter per record class: building one costs far more than validating with it."""
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one output line."""
    schema = _record_adapter().json_schema()
    schema["title"] = "eventwire record"
    return schema


__all__ = [
    "AcledType",
    "Actor",
    "Article",
    "ArticleRecord",
    "Attribution",
    "EventDate",
    "EventTypes",
    "Figure",
    "FigureReport",
    "Incident",
    "IncidentRecord",
    "MergeDecision",
    "Origin",
    "Place",
    "ReconciledFigure",
    "Record",
    "SourceRef",
    "Span",
    "StatementRecord",
    "Target",
    "Weapon",
    "content_hash",
    "from_json",
    "json_schema",
    "replace",
    "to_json",
]
