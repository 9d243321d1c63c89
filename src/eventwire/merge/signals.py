"""Same incident or not: the signals, their scores, and the decision with its reasons.

Two incident records are compared on place (named venue, distance, admin1/country),
event date (not publication date), event types, perpetrators and the words of their
evidence. The weights follow how coders decide: ACLED codes one event per location,
day and type, so place and day carry most of the score; words and actors break ties.
A named venue within the date window is decisive; different countries, a day gap
beyond the window or places more than FAR_KM apart rule a pair out.

A statement (claim, denial, arrest, condemnation) is compared with an incident on
its article's places, the incident's names found in its text, and the lag between
the incident and the statement. A warning must come *before* the incident.
Every function here is symmetric or depends on its two arguments only, never on
what else has been merged: the decisions are the same in any input order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.merge.features import (
    RecordFeatures,
    distance_km,
    jaccard,
    normalise_venue,
    same_venue,
    shares_name,
)
from eventwire.records import Place

DATE_WINDOW_DAYS = 3          # reports of one attack disagree on its day by 1-2 days ("Friday night" vs "Saturday")
FAR_KM = 150                  # beyond this two precise places are different incidents
NEAR_KM, FADE_KM = 10, 50     # same town up to NEAR_KM; the place signal fades to 0.25 at FADE_KM
SAME_INCIDENT_THRESHOLD = 0.65
VENUE_DECISIVE_SCORE = 0.8
WEIGHTS = {"place": 0.35, "date": 0.30, "event_type": 0.15, "actors": 0.05, "text": 0.15}
TEXT_SCALE = 3.0              # word Jaccard of two short reports of one attack is ~0.1-0.3: 0.33 counts as full

STATEMENT_THRESHOLD = 0.5
STATEMENT_WINDOW_DAYS = 30    # claims, denials and arrests follow the incident by days or weeks
STATEMENT_WEIGHTS = {"place": 0.45, "date": 0.25, "names": 0.30}
WARNING_WINDOW_DAYS = 60      # a warning is linked to an incident up to two months after it
WARNING_MIN_PLACE = 0.5       # a warning names a town or region: the incident must be there
UNREAD_MIN_NAMES = 0.5        # an untranslated report must name half the incident's venue/place tokens
INCOMPATIBLE = -1.0
_PRECISE = {"venue", "neighbourhood", "town", "district"}


@dataclass(frozen=True)
class Comparison:
    """One decision: the total score, the signals behind it, and whether it links."""

    score: float
    signals: dict[str, float] = field(default_factory=dict)
    linked: bool = False
    reason: str = ""


def place_similarity(left: Place | None, right: Place | None) -> float:
    """1.0 same venue ... 0.2 unknown; INCOMPATIBLE for different countries or places FAR_KM apart."""
    if left is None or right is None:
        return 0.2
    if left.country and right.country and left.country != right.country:
        return INCOMPATIBLE
    left_venue, right_venue = normalise_venue(left.venue), normalise_venue(right.venue)
    if left_venue and right_venue:
        # two different named venues in one town are two targets, hence rarely one incident
        return 1.0 if same_venue(left_venue, right_venue) else 0.25
    distance = distance_km(left, right)
    if distance is not None and left.precision in _PRECISE and right.precision in _PRECISE:
        if distance > FAR_KM:
            return INCOMPATIBLE
        if distance <= NEAR_KM:
            return 0.75
        return max(0.1, 0.75 - 0.5 * (distance - NEAR_KM) / (FADE_KM - NEAR_KM))
    if left.admin1 and left.admin1 == right.admin1:
        return 0.5
    return 0.3 if left.country and left.country == right.country else 0.2


def _best_place(place: Place | None, others: tuple[Place, ...]) -> float:
    scores = [place_similarity(place, other) for other in others]
    return max(scores, default=0.0)


def _date_score(left: RecordFeatures, right: RecordFeatures, window: int) -> float:
    """1.0 same day, fading to 0 beyond `window`; INCOMPATIBLE when further apart."""
    if left.day is None or right.day is None:
        return 0.3
    gap = abs((left.day - right.day).days)
    if left.day_from_published or right.day_from_published:
        gap = max(0, gap - 1)  # a publication day is a day or so after the event
    if gap > window:
        return INCOMPATIBLE
    return 1.0 - gap / (window + 1)


def _overlap(left: frozenset, right: frozenset, disjoint: float) -> float:
    if not left or not right:
        return 0.5
    return jaccard(left, right) if left & right else disjoint


def _combined_place(own: float, mentioned: float) -> float:
    """The location's score, raised (by at most 0.25) or rescued (from INCOMPATIBLE) by mentions."""
    if own == INCOMPATIBLE:
        return mentioned if mentioned >= 0.7 else INCOMPATIBLE
    return max(own, min(mentioned, own + 0.25))


def compare_incidents(left: RecordFeatures, right: RecordFeatures) -> Comparison:
    """Whether two incident records tell of the same incident (symmetric in its arguments)."""
    own = place_similarity(left.place, right.place)
    # An article's other toponyms rescue a report whose chosen location is wrong (4 suspects caught in
    # Bryansk, attack at Crocus), at a discount: a mention is weaker than a location.
    mentioned = 0.9 * max(_best_place(left.place, right.article_places),
                          _best_place(right.place, left.article_places))
    place = _combined_place(own, mentioned)
    signals = {
        "place": round(place, 3),
        "date": round(_date_score(left, right, DATE_WINDOW_DAYS), 3),
        "event_type": round(_overlap(left.gtd_types, right.gtd_types, 0.0), 3),
        "actors": round(_overlap(left.perpetrators, right.perpetrators, 0.2), 3),
        "text": round(min(1.0, TEXT_SCALE * jaccard(left.words, right.words)), 3),
    }
    if signals["place"] == INCOMPATIBLE or signals["date"] == INCOMPATIBLE:
        which = "place" if signals["place"] == INCOMPATIBLE else "date"
        return Comparison(0.0, signals, False, f"ruled out by {which}")
    score = sum(WEIGHTS[name] * value for name, value in signals.items())
    venue_match = same_venue(left.venue, right.venue)
    if venue_match:
        signals["venue"] = 1.0
        score = max(score, VENUE_DECISIVE_SCORE)
    linked = score >= SAME_INCIDENT_THRESHOLD
    verdict = "same incident" if linked else "different incidents"
    why = "same named venue within the date window" if venue_match else f"threshold {SAME_INCIDENT_THRESHOLD}"
    return Comparison(round(score, 3), signals, linked, f"{verdict}: score {score:.2f} ({why})")


def _statement_place(statement: RecordFeatures, incident: RecordFeatures) -> float:
    if not statement.article_places:
        return 0.2
    return _best_place(incident.place, statement.article_places)


def compare_statement(statement: RecordFeatures, incident: RecordFeatures) -> Comparison:
    """Whether a claim/denial/arrest/condemnation speaks of this incident (it must not precede it)."""
    if statement.day is None or incident.day is None:
        return Comparison(0.0, {}, False, "no date to compare")
    lag = (statement.day - incident.day).days
    if lag < -1 or lag > STATEMENT_WINDOW_DAYS:
        return Comparison(0.0, {"lag_days": float(lag)}, False, "outside the statement window")
    signals = {
        "place": round(_statement_place(statement, incident), 3),
        "date": round(1.0 - max(0, lag - 1) / STATEMENT_WINDOW_DAYS, 3),
        "names": round(shares_name(incident.names, statement.text), 3),
    }
    if signals["place"] == INCOMPATIBLE and signals["names"] < 0.5:
        return Comparison(0.0, signals, False, "ruled out by place")
    signals["place"] = max(signals["place"], 0.0)
    score = sum(STATEMENT_WEIGHTS[name] * value for name, value in signals.items())
    linked = score >= STATEMENT_THRESHOLD
    return Comparison(round(score, 3), {**signals, "lag_days": float(lag)}, linked,
                      f"{'speaks of' if linked else 'not about'} this incident: score {score:.2f} "
                      f"(threshold {STATEMENT_THRESHOLD})")


def compare_warning(warning: RecordFeatures, incident: RecordFeatures) -> Comparison:
    """Whether a warning preceded this incident: before it, within WARNING_WINDOW_DAYS, same area."""
    if warning.day is None or incident.day is None:
        return Comparison(0.0, {}, False, "no date to compare")
    lead = (incident.day - warning.day).days
    if lead < 0 or lead > WARNING_WINDOW_DAYS:
        return Comparison(0.0, {"lead_days": float(lead)}, False, "not before the incident, or too long before")
    place = max(_statement_place(warning, incident), shares_name(incident.names, warning.text))
    signals = {
        "place": round(place, 3),
        "date": round(1.0 - lead / WARNING_WINDOW_DAYS, 3),
        "text": round(min(1.0, TEXT_SCALE * jaccard(warning.words, incident.words)), 3),
        "lead_days": float(lead),
    }
    linked = place >= WARNING_MIN_PLACE
    score = round(0.6 * max(place, 0.0) + 0.3 * signals["date"] + 0.1 * signals["text"], 3)
    return Comparison(score, signals, linked,
                      f"warning {lead} days before, place {place:.2f}"
                      + (" (same area)" if linked else f" (below {WARNING_MIN_PLACE})"))


def compare_unread(title_text: str, published_day, incident: RecordFeatures) -> Comparison:
    """Whether a report the extractors could not read (another language) names this incident.

    Only the title and publication day are known; the incident's venue and place
    names are looked for in the title across scripts (see `features.name_skeleton`).
    """
    if published_day is None or incident.day is None:
        return Comparison(0.0, {}, False, "no date to compare")
    lag = (published_day - incident.day).days
    if lag < 0 or lag > STATEMENT_WINDOW_DAYS:
        return Comparison(0.0, {"lag_days": float(lag)}, False, "outside the window")
    names = shares_name(incident.names, title_text)
    signals = {"names": round(names, 3), "lag_days": float(lag)}
    linked = names >= UNREAD_MIN_NAMES
    return Comparison(round(names, 3), signals, linked,
                      f"title names {names:.0%} of the incident's venue/place names, {lag} days after")
