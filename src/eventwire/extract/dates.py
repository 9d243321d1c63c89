"""Dates: every date phrase resolved against the publication date, with its precision.

Absolute dates ("22 March 2024", "March 22", "01/05/2021"), weekdays ("Friday
night", "on Saturday", "last Friday's attack": the most recent such day on or
before publication, in the article's own time zone), relative days
("yesterday", "last night"), weeks and months ("last week", "earlier this
month"). Each mention remembers whether it dates the event or a statement about
it ("said on Sunday"), so the incident takes the event's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.extract.context import Context
from eventwire.extract.prefilter import finditer_any_case, may_match
from eventwire.records import EventDate

EXTRACTOR = "dates.v1"

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday"])}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:night|morning|evening|afternoon))?"

DATE_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("numeric", re.compile(r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b")),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.IGNORECASE)),
    # "May 5 people" and "March 40%" are counts; "on December 28 killed five" is a date.
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b(?!\s*(?:people|persons|%))", re.IGNORECASE)),
    ("month_year", re.compile(rf"\b(?:(?:in|during|since|of|early|late)\s+|mid-?\s*){_MONTH}\s+{_YEAR}\b", re.IGNORECASE)),
    ("weekday", re.compile(rf"\b(?P<last>last\s+|this\s+|past\s+)?{_WEEKDAY}(?:'s)?{_PART}\b", re.IGNORECASE)),
    ("relative_day", re.compile(r"\b(?P<rel>yesterday|today|tonight|last night|this morning|earlier today|"
                                r"overnight|the day before)\b", re.IGNORECASE)),
    ("relative_period", re.compile(r"\b(?P<period>last week|this week|earlier this week|last month|"
                                   r"earlier this month|this month|last year|earlier this year)\b", re.IGNORECASE)),
]
_REPORTED = re.compile(r"\b(?:said|says|told|reported|announced|added|stated|confirmed|claimed|denied|"
                       r"warned|published|posted)\s+(?:late\s+|early\s+)?(?:on\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A resolved date phrase and what it dates (the event, or a statement: "said on Sunday")."""

    date: EventDate
    sentence: int
    reported: bool


def extract_dates(ctx: Context) -> list[DateMention]:
    """Every resolvable date phrase in text order."""
    published = ctx.article.published.date() if ctx.article.published else None
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    lowered = ctx.text.lower()
    for kind, pattern in DATE_PATTERNS:
        if not may_match(pattern, lowered):
            continue
        for match in finditer_any_case(pattern, ctx.text, lowered):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            resolved = resolve_date(kind, match, published)
            if resolved is None:
                continue
            taken.append(match.span())
            value, precision = resolved
            reported = bool(_REPORTED.search(ctx.text[max(0, match.start() - 30):match.start()]))
            event_date = EventDate(value.isoformat(), precision, (ctx.article.span(*match.span()),), EXTRACTOR)
            mentions.append(DateMention(event_date, ctx.sentence_index(match.start()), reported))
    return sorted(mentions, key=lambda m: m.date.evidence[0].start)


def resolve_date(kind: str, match: re.Match, published: date | None) -> tuple[date, str] | None:
    """(date, precision) for one match; None when it cannot be resolved or is impossible."""
    groups = match.groupdict()
    if kind in {"iso", "numeric", "day_month", "month_day"}:
        month = _month_number(groups["month"])
        year = int(groups["year"]) if groups.get("year") else _year_for(month, published)
        return _safe_date(year, month, int(groups["day"]), "day")
    if kind == "month_year":
        return _safe_date(int(groups["year"]), _month_number(groups["month"]), 1, "month")
    if published is None:
        return None
    if kind == "weekday":
        return _last_weekday(published, WEEKDAYS[groups["weekday"].lower()], bool(groups.get("last"))), "day"
    if kind == "relative_day":
        offset = 1 if groups["rel"].lower() in {"yesterday", "last night", "the day before"} else 0
        return published - timedelta(days=offset), "day"
    return _relative_period(groups["period"].lower(), published)


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower().rstrip(".")]


def _year_for(month: int, published: date | None) -> int | None:
    """The year of a date written without one: the publication year, or the year before for a later month."""
    if published is None:
        return None
    return published.year - 1 if month > published.month + 1 else published.year


def _safe_date(year: int | None, month: int, day: int, precision: str) -> tuple[date, str] | None:
    if year is None:
        return None
    try:
        return date(year, month, day), precision
    except ValueError:
        return None


def _last_weekday(published: date, weekday: int, explicit_last: bool) -> date:
    """The most recent `weekday` on or before publication ("last Friday" on a Friday: a week back)."""
    back = (published.weekday() - weekday) % 7
    if back == 0 and explicit_last:
        back = 7
    return published - timedelta(days=back)


def _relative_period(period: str, published: date) -> tuple[date, str]:
    if period in {"last week"}:
        return published - timedelta(days=7), "week"
    if period in {"this week", "earlier this week"}:
        return published, "week"
    if period == "last month":
        first = published.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), "month"
    if period in {"last year"}:
        return date(published.year - 1, 1, 1), "year"
    if period == "earlier this year":
        return date(published.year, 1, 1), "year"
    return published.replace(day=1), "month"
