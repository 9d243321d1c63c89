"""Collective actors in ACLED's naming: protesters, rioters, state forces of the incident's country.

ACLED codes who acted as "Protesters (Country)", "Rioters (Country)", "Military Forces of
Country", "Police Forces of Country": parties that are no named group, yet are the first
actor of a third of its events. They are found from the words that name them and take the
country of the incident's place; their role is "other" (neither perpetrator nor victim).
"""

from __future__ import annotations

import re

from eventwire.extract.context import Context
from eventwire.records import Actor, Place

EXTRACTOR = "collective_actors.v1"

_KINDS = (
    ("protesters", "Protesters ({country})", re.compile(
        r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ied|ies)|marchers|sit-in|picket\w*|strikers?)\b", re.IGNORECASE)),
    ("rioters", "Rioters ({country})", re.compile(
        r"\b(?:riot\w*|rioters|mob|threw stones|pelted|stone-pelting|burn(?:ed|t|ing) (?:rubber )?(?:tyres|tires))\b",
        re.IGNORECASE)),
    ("military", "Military Forces of {country}", re.compile(
        r"\b(?:soldiers?|troops|army|military|armed forces|servicem[ae]n|air force|navy|marines)\b", re.IGNORECASE)),
    ("police", "Police Forces of {country}", re.compile(
        r"\b(?:police(?:m[ae]n)?|gendarm\w+|security forces|riot police)\b(?! district)", re.IGNORECASE)),
)


def extract_collective_actors(ctx: Context, location: Place | None) -> list[Actor]:
    """One actor per collective named in the text, in ACLED's wording, with every mention as evidence."""
    country = (location.country_name if location else None) or None
    actors = []
    for kind, template, pattern in _KINDS:
        spans = tuple(ctx.article.span(*m.span()) for m in pattern.finditer(ctx.text))
        if not spans:
            continue
        name = template.format(country=country) if country else template.split(" (")[0].replace(" of {country}", "")
        actors.append(Actor(name, "other", spans, EXTRACTOR, kind=kind))
    return actors
