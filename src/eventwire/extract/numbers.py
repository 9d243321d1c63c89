"""Quantities in news prose -> (low, best, high), shared by every extractor that counts.

The qualifier rule (documented here, tested in tests/extract/test_numbers.py):

| wording                                   | low   | best  | high  |
|-------------------------------------------|-------|-------|-------|
| "40"                                      | 40    | 40    | 40    |
| "at least / more than / over / some 40+"  | 40    | 40    | None  |
| "up to / nearly / almost / fewer than 40" | None  | 40    | 40    |
| "about / around / approximately 40"       | None  | 40    | None  |
| "40 to 60", "40-60", "between 40 and 60"  | 40    | 40    | 60    |
| "dozens"                                  | 12    | 12    | 99    |
| "scores"                                  | 40    | 40    | 99    |
| "hundreds" / "thousands"                  | 100 / 1000 | same | 999 / 9999 |
| "several" / "a few"                       | 3     | 3     | 9     |

`best` is the conservative reading (the low end of a range, the floor of a vague
plural), as ACLED codes fatalities; vague quantities say `vague=True` so merge can
prefer exact figures. "More than 100" keeps 100 as low (not 101): coders do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "no": 0, "a": 1, "an": 1, "one": 1, "single": 1, "both": 2, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_GROUPS = {"dozen": 12, "score": 20, "couple": 2, "pair": 2}

# Vague plurals: (low, high). See the table above for why best == low.
VAGUE = {
    "dozens": (12, 99), "scores": (40, 99), "hundreds": (100, 999), "thousands": (1000, 9999),
    "tens of thousands": (10000, 99999), "several": (3, 9), "a few": (3, 9), "a handful": (3, 9),
    "a number": (3, 9), "numerous": (3, 99), "many": (3, 99),
}

QUALIFIERS_LOW = ("at least", "more than", "over", "in excess of", "no fewer than", "no less than",
                  "upwards of", "not less than", "a minimum of")
QUALIFIERS_HIGH = ("up to", "nearly", "almost", "fewer than", "less than", "as many as", "close to",
                   "under", "at most", "a maximum of")
QUALIFIERS_APPROX = ("about", "around", "approximately", "roughly", "an estimated", "estimated", "some",
                     "nearly")

_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES, *_GROUPS], key=len, reverse=True))
# A number written in digits ("1,200", "40") or words ("forty-two", "a dozen", "two hundred").
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s(?:million|thousand))?"
    rf"|(?:(?:{_WORD})\b(?:[\s-](?:and\s)?(?:{_WORD})\b)*))"
)
_VAGUE_RE = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
_QUAL_RE = "|".join(re.escape(q) for q in sorted({*QUALIFIERS_LOW, *QUALIFIERS_HIGH, *QUALIFIERS_APPROX},
                                                  key=len, reverse=True))
# A quantity: a vague plural, or an optional qualifier then a range or a number. Vague phrases are
# tried first, or "a few people" and "a handful of protesters" read as one person (the "a").
QUANTITY = (
    rf"(?P<vague>{_VAGUE_RE})\b"
    rf"|(?:(?P<qual>{_QUAL_RE})\s+)?"
    rf"(?:between\s+)?(?P<num>{NUMBER})"
    rf"(?:\s*(?:-|–|to|and|or)\s*(?P<num2>{NUMBER}))?"
)
QUANTITY_RE = re.compile(QUANTITY, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quantity:
    low: int | None
    best: int | None
    high: int | None
    qualifier: str | None
    vague: bool = False


def parse_number(text: str) -> int | None:
    """An integer from digits or English number words; None when `text` is not a number."""
    text = text.strip().lower().replace(",", "")
    if not text:
        return None
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s(million|thousand))?", text)
    if match:
        value = float(match.group(1)) * {None: 1, "thousand": 1000, "million": 1_000_000}[match.group(2)]
        return int(value)
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _GROUPS:
            current = max(current, 1) * _GROUPS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def quantity_from_match(match: re.Match) -> Quantity | None:
    """low/best/high from a QUANTITY_RE match, by the module's qualifier rule."""
    if match.group("vague"):
        low, high = VAGUE[match.group("vague").lower()]
        return Quantity(low, low, high, match.group("vague").lower(), vague=True)
    value = parse_number(match.group("num"))
    if value is None:
        return None
    qualifier = (match.group("qual") or "").lower() or None
    if match.group("num2"):
        upper = parse_number(match.group("num2"))
        if upper is not None and upper > value:
            return Quantity(value, value, upper, qualifier or "range")
    return apply_qualifier(value, qualifier)


def apply_qualifier(value: int, qualifier: str | None) -> Quantity:
    """One number and its qualifier -> low/best/high (see the table in the module docstring)."""
    if qualifier in QUALIFIERS_LOW:
        return Quantity(value, value, None, qualifier)
    if qualifier in QUALIFIERS_HIGH:
        return Quantity(None, value, value, qualifier)
    if qualifier in QUALIFIERS_APPROX:
        return Quantity(None, value, None, qualifier)
    return Quantity(value, value, value, qualifier)


def parse_quantity(text: str) -> Quantity | None:
    """low/best/high for a whole phrase such as "at least 40" or "dozens"; None if not a quantity."""
    match = QUANTITY_RE.fullmatch(text.strip())
    return quantity_from_match(match) if match else None
