"""What merge compares, read once per record: when, where, what, who, which words.

Features are a pure function of one record and its article's `ArticleRecord` (the
toponyms the article names), so a pairwise decision never depends on the order the
records arrived in: the property the incremental `Merger` rests on.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache

from eventwire.records import ArticleRecord, IncidentRecord, Place, StatementRecord

# Words too common in violence reporting to say two texts tell the same story.
_STOP_WORDS = frozenset(
    ["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "was", "were", "be", "been", "has", "have", "had", "it", "its", "that", "this", "these", "those", "said", "says", "say", "told", "after", "before", "near", "over", "under", "into", "about", "than", "more", "least", "at", "people", "killed", "wounded", "injured", "dead", "attack", "attacks", "attacked", "toll", "death", "deaths", "number", "rose", "risen", "rises", "reached", "reaches", "friday", "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "today", "yesterday", "night", "morning", "evening", "reported", "report", "reports", "according", "news", "agency", "group", "state", "official", "officials", "would", "could", "may", "might", "also", "which", "who", "whom", "their", "there", "they", "he", "she", "his", "her", "them", "we", "our"]
)
_WORD_RE = re.compile(r"[^\W\d_]{3,}", re.UNICODE)

# Cyrillic -> Latin, enough to compare names across scripts (BGN/PCGN-like, simplified).
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
))


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date or timestamp ('2024-03', '2024' give their first day)."""
    if not value:
        return None
    text = value.strip()
    for size, pad in ((10, ""), (7, "-01"), (4, "-01-01")):
        if len(text) >= size:
            try:
                return date.fromisoformat(text[:size] + pad)
            except ValueError:
                continue
    return None


def parse_time(value: str | None) -> datetime | None:
    """A publication timestamp; naive values are kept naive (compared only with their kind)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def content_words(*texts: str | None) -> frozenset[str]:
    """Lower-cased words of 3+ letters minus the stop list, with a light plural strip."""
    words = set()
    for text in texts:
        for word in _WORD_RE.findall((text or "").lower()):
            if word in _STOP_WORDS:
                continue
            words.add(word[:-1] if len(word) > 4 and word.endswith("s") else word)
    return frozenset(words)


def jaccard(left: frozenset, right: frozenset) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


# Pure functions of a string, cached: the same names and titles are compared many times in a batch.
@lru_cache(maxsize=65536)
def name_skeleton(word: str) -> str:
    """A script- and spelling-neutral key for one name token: transliterated consonants.

    'Крокус' and 'Crocus' both give 'krks'; 'Красногорске' gives 'krsngrsk' and so
    starts with the key of 'Krasnogorsk'. Used to match an untranslated report to an
    incident by the names it shares, never to compare ordinary words.
    """
    text = "".join(_CYRILLIC.get(ch, ch) for ch in word.lower())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if ch.isascii() and ch.isalpha())
    text = text.replace("ch", "C").replace("ph", "f").replace("ck", "k").replace("kh", "h")
    text = re.sub(r"c(?=[eiy])", "s", text).replace("c", "k").replace("w", "v").replace("q", "k")
    skeleton = re.sub(r"[aeiouy]", "", text)
    return re.sub(r"(.)\1+", r"\1", skeleton)


def name_tokens(*names: str | None) -> tuple[str, ...]:
    """Skeletons of the distinctive tokens of place/venue names (2+ consonants each)."""
    tokens = []
    for name in names:
        for word in re.findall(r"[^\W\d_]+", name or ""):
            skeleton = name_skeleton(word)
            if len(skeleton) >= 2 and skeleton not in tokens:
                tokens.append(skeleton)
    return tuple(tokens)


def shares_name(incident_names: tuple[str, ...], text: str | None) -> float:
    """Fraction of `incident_names` found (as skeleton prefixes) among the words of `text`."""
    if not incident_names or not text:
        return 0.0
    words = _text_skeletons(text)
    # Prefixes absorb case endings ('Красногорске'); a short key (2 letters) must match whole.
    found = sum(1 for name in incident_names
                if any(word == name or (len(name) >= 3 and word.startswith(name)) for word in words))
    return found / len(incident_names)


@lru_cache(maxsize=4096)
def _text_skeletons(text: str) -> tuple[str, ...]:
    return tuple({name_skeleton(word) for word in re.findall(r"[^\W\d_]+", text)})


def distance_km(left: Place, right: Place) -> float | None:
    """Great-circle distance between two geocoded places; None when either lacks coordinates."""
    if None in (left.lat, left.lon, right.lat, right.lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (left.lat, left.lon, right.lat, right.lon))
    hav = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(hav)))


@lru_cache(maxsize=65536)
def normalise_venue(name: str | None) -> str | None:
    """A venue's name as its token skeletons ('Crocus City Hall' -> 'krks st hl')."""
    return " ".join(name_tokens(name)) or None if name else None


def same_venue(left: str | None, right: str | None) -> bool:
    """Same normalised venue, or one name's tokens within the other's (2+ tokens).

    'Crocus City Hall' and 'Crocus City concert hall' (Shafaq's wording) are one venue;
    'Central Mosque' and 'Central Market' are not.
    """
    if not left or not right:
        return False
    if left == right:
        return True
    small, large = sorted((set(left.split()), set(right.split())), key=len)
    return len(small) >= 2 and small <= large


@dataclass(frozen=True)
class RecordFeatures:
    """One incident or statement record as merge sees it."""

    record_id: str
    article_id: str
    day: date | None            # event day (or, for a statement without one, its publication day)
    day_from_published: bool    # True when `day` is only the publication day
    published: str | None
    place: Place | None
    article_places: tuple[Place, ...]
    venue: str | None
    gtd_types: frozenset[str]
    perpetrators: frozenset[str]
    words: frozenset[str]
    names: tuple[str, ...]      # name skeletons of the place and venue, for cross-script matching
    text: str                   # evidence, about and title: what a statement's names are looked for in

    @property
    def sort_key(self) -> tuple:
        """Canonical order: event day, publication time, article, record."""
        return (self.day or date.max, time_key(self.published), self.article_id, self.record_id)


def incident_features(record: IncidentRecord, article: ArticleRecord | None) -> RecordFeatures:
    """Features of an incident record; the article record adds its toponyms and title."""
    event_day = parse_day(record.date.value) if record.date else None
    place = record.location
    title = article.title if article else None
    evidence = " ".join(span.text for span in record.evidence)
    return RecordFeatures(
        record_id=record.record_id,
        article_id=record.article_id,
        day=event_day or parse_day(record.published),
        day_from_published=event_day is None,
        published=record.published,
        place=place,
        article_places=article.places if article else (),
        venue=normalise_venue(place.venue) if place else None,
        gtd_types=frozenset(record.event_types.gtd),
        perpetrators=frozenset(
            actor.name.lower() for actor in record.actors
            if actor.role == "perpetrator" and actor.stance != "denied"
        ),
        words=content_words(evidence, title),
        names=name_tokens(place.venue, place.locality, place.name) if place else (),
        text=" ".join(filter(None, (evidence, title))),
    )


def statement_features(record: StatementRecord, article: ArticleRecord | None) -> RecordFeatures:
    """Features of a statement: its own date (else publication day) and its article's places."""
    stated_day = parse_day(record.date.value) if record.date else None
    places = article.places if article else ()
    evidence = " ".join(span.text for span in record.evidence)
    title = article.title if article else None
    return RecordFeatures(
        record_id=record.record_id,
        article_id=record.article_id,
        day=stated_day or parse_day(record.published),
        day_from_published=stated_day is None,
        published=record.published,
        place=None,
        article_places=places,
        venue=None,
        gtd_types=frozenset(),
        perpetrators=frozenset(),
        words=content_words(evidence, record.about, record.summary, title),
        names=(),
        text=" ".join(filter(None, (record.about, record.summary, evidence, title))),
    )


@lru_cache(maxsize=65536)
def time_key(value: str | None) -> str:
    """A sortable form of a publication time: UTC ISO when it has a zone, else as written."""
    moment = parse_time(value)
    if moment is None:
        return value or ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat()
