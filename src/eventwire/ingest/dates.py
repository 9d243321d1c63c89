"""Publication times as inputs give them: ISO 8601, RFC 822 (feeds, mail), epoch seconds.

A publication time anchors every relative date an extractor resolves ("on
Friday"), so a wrong one is worse than none: an impossible date (30 February,
month 13, a year before newspapers or after today) is an InputError that names
the field and value, never silently dropped or guessed.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from eventwire.errors import InputError

# Earliest publication year accepted; older dates in news metadata are typos ("0024").
EARLIEST_YEAR = 1800
# Clocks of crawlers and newsrooms disagree by hours, never by days.
_FUTURE_SLACK = timedelta(days=2)
_EPOCH = re.compile(r"^\d{9,10}(\.\d+)?$")


def parse_time(value: object, *, field: str = "published", path: str = "-", line: int | None = None,
               offset: int | None = None) -> datetime | None:
    """A datetime from `value`, None when it is missing; InputError when it is there but impossible."""
    if value is None or isinstance(value, datetime):
        return _check_range(value, field=field, raw=value, where=(path, line, offset))
    text = str(value).strip()
    if not text:
        return None
    parsed = _parse_text(text)
    if parsed is None:
        raise InputError(
            f"{field} {text!r} is not a possible date: fix it (ISO 8601, e.g. 2024-03-22T23:30:00+03:00) "
            "or remove it, then run again (articles already stored are skipped)",
            path=path, line=line, offset=offset,
        )
    return _check_range(parsed, field=field, raw=text, where=(path, line, offset))


def _parse_text(text: str) -> datetime | None:
    if _EPOCH.match(text):
        return datetime.fromtimestamp(float(text), tz=UTC)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00").replace(" UTC", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _check_range(value: datetime | None, *, field: str, raw: object,
                 where: tuple[str, int | None, int | None]) -> datetime | None:
    if value is None:
        return None
    now = datetime.now(value.tzinfo) if value.tzinfo else datetime.now()
    if value.year < EARLIEST_YEAR or value > now + _FUTURE_SLACK:
        path, line, offset = where
        shown = repr(raw) if isinstance(raw, str) else str(raw)
        raise InputError(
            f"{field} {shown} is outside {EARLIEST_YEAR} .. today: fix it or remove it, then run again "
            "(articles already stored are skipped)",
            path=path, line=line, offset=offset,
        )
    return value
