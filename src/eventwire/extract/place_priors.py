"""Country priors from the actors an article names: "Houthi fighters", "GNA forces", "the Tatmadaw".

Why: reports often name the actor and a village but not the country, and a village's namesakes
lie in several countries (Tripoli in Libya and Lebanon). A state force or armed group that acts in
one country only (patterns/country_bound_actors.tsv) tells the country the way a demonym does, so
each such name is turned into a vote for its country in `place_resolution`'s country counts, by
the same route as single-country missions (`locations._mission_mentions`).
"""

from __future__ import annotations

import re

from eventwire.extract.patterns import load_table
from eventwire.extract.place_cues import alternation

_ACTOR_COUNTRY = dict(load_table("country_bound_actors.tsv"))
# Case-sensitive: many entries are acronyms. A name right after another country's adjective or inside
# a longer hyphenated name is another group ("Pakistani Taliban", "Tehrik-i-Taliban").
# "pro-Houthi forces", "anti-Taliban militia" are still the country's actors.
_ACTOR_RE = re.compile(r"(?:(?<![\w-])|(?<=\bpro-)|(?<=\banti-))(?<!Pakistani )(?<!Pakistan )(?:"
                       + alternation(tuple(_ACTOR_COUNTRY)) + r")(?![\w-])")


def actor_countries(text: str) -> list[tuple[int, str, str]]:
    """(start, name, alpha-2) of the first country-bound actor the text names for each country.

    One per country: "Houthi extremists (Ansar Allah) ... the Houthis" is one hint, not three, and
    must not outvote the places the text names ("targeting Abha, Asir, Saudi Arabia").
    """
    found: dict[str, tuple[int, str, str]] = {}
    for match in _ACTOR_RE.finditer(text):
        code = _ACTOR_COUNTRY[match.group()]
        found.setdefault(code, (match.start(), match.group(), code))
    return list(found.values())


