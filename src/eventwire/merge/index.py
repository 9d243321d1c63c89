"""Where to look for candidates: a time bucket x place cell index, never all pairs.

A record is registered under keys (its week, its 0.5-degree grid cell; its week and
country when its place is coarse) and looks up the neighbouring keys. The two sets
are built so that `b` is a candidate of `a` exactly when `a` is one of `b`: pairwise
decisions, and so the incidents, do not depend on which record arrived first.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from eventwire.merge.features import RecordFeatures
from eventwire.records import Place

BUCKET_DAYS = 7        # one week: wider than the date window (DATE_WINDOW_DAYS in signals.py), so +-1 bucket covers it
CELL_DEGREES = 0.5     # ~55 km: the largest distance at which two precise places still score (signals.py)
_EPOCH = date(1970, 1, 5)  # a Monday, so buckets are calendar weeks
_PRECISE = {"venue", "neighbourhood", "town", "district"}


def bucket_of(day: date) -> int:
    return (day - _EPOCH).days // BUCKET_DAYS


def _is_precise(place: Place) -> bool:
    return place.precision in _PRECISE and place.lat is not None and place.lon is not None


def _cell(place: Place) -> tuple[int, int]:
    return math.floor(place.lat / CELL_DEGREES), math.floor(place.lon / CELL_DEGREES)


def _places(features: RecordFeatures) -> list[Place]:
    """The record's own place first, then the other places its article names."""
    return [place for place in (features.place, *features.article_places) if place is not None]


def register_keys(features: RecordFeatures) -> set[tuple]:
    """Keys a record is found under."""
    if features.day is None:
        return {("undated",)}  # undated records are candidates of each other only
    week = bucket_of(features.day)
    keys: set[tuple] = {("week", week)}
    for place in _places(features):
        if _is_precise(place):
            keys.add(("cell", week, *_cell(place)))
        elif place.country:
            keys.add(("coarse", week, place.country))
        if place.country:
            keys.add(("country", week, place.country))
    if features.venue:
        keys.add(("venue", week, features.venue))
    return keys


def query_keys(features: RecordFeatures, weeks: Iterable[int] | None = None) -> set[tuple]:
    """Keys a record looks candidates up under (the mirror of `register_keys`).

    `weeks` widens the time range (a warning looks weeks ahead); by default the
    record's own week and its neighbours.
    """
    if features.day is None:
        return {("undated",)}
    week = bucket_of(features.day)
    weeks = list(weeks) if weeks is not None else [week - 1, week, week + 1]
    places = _places(features)
    keys: set[tuple] = set()
    for bucket in weeks:
        for place in places:
            if _is_precise(place):
                row, col = _cell(place)
                keys.update(("cell", bucket, row + dr, col + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1))
                if place.country:
                    keys.add(("coarse", bucket, place.country))
            elif place.country:
                keys.add(("country", bucket, place.country))
        if features.venue:
            keys.add(("venue", bucket, features.venue))
        if not places:
            keys.add(("week", bucket))
    return keys


class CandidateIndex:
    """Record ids by key; `candidates` gives every record near one in time and place."""

    def __init__(self) -> None:
        self._by_key: dict[tuple, set[str]] = defaultdict(set)
        self._keys: dict[str, set[tuple]] = {}
        self._placeless: dict[int, set[str]] = defaultdict(set)

    def add(self, features: RecordFeatures) -> None:
        self.remove(features.record_id)
        keys = register_keys(features)
        if features.day is not None and not _places(features):
            keys.add(("placeless", bucket_of(features.day)))
        self._keys[features.record_id] = keys
        for key in keys:
            self._by_key[key].add(features.record_id)

    def remove(self, record_id: str) -> None:
        for key in self._keys.pop(record_id, ()):
            members = self._by_key.get(key)
            if members is not None:
                members.discard(record_id)
                if not members:
                    del self._by_key[key]

    def candidates(self, features: RecordFeatures, weeks: Iterable[int] | None = None) -> Iterator[str]:
        """Ids of records whose keys meet this record's query keys, itself excluded."""
        keys = query_keys(features, weeks)
        # A record without a place queries the whole week; mirror it: everyone queries placeless ones.
        buckets = {key[1] for key in keys if key[0] != "undated"}
        keys.update(("placeless", bucket) for bucket in buckets)
        seen: set[str] = {features.record_id}
        for key in keys:
            for record_id in self._by_key.get(key, ()):
                if record_id not in seen:
                    seen.add(record_id)
                    yield record_id

    def __len__(self) -> int:
        return len(self._keys)
