"""Cues the three place modules share: the word lists of patterns/location_cues.tsv, and what they build.

`locations` (finding mentions), `place_resolution` (which entry a mention means) and
`incident_location` (which place is the incident's) each read some of these; the ones
only one of them reads stay in that module, so each table has a single home.
"""

from __future__ import annotations

import re

from eventwire.extract.patterns import load_table

# Below this population a town reached only by an alternate name, or a capitalised word that NER
# did not tag, is too likely a coincidence ("Police", Poland; "Watson", Saskatchewan).
MIN_POP_UNTAGGED = 5_000
MIN_POP_NESTED = 50_000


def cues(kind: str) -> tuple[str, ...]:
    """The cues of one kind in patterns/location_cues.tsv ("incident", "near", "venue", "settlement" ...)."""
    return tuple(cue for cue_kind, cue in load_table("location_cues.tsv") if cue_kind == kind)


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of `words`, longest first so that the longest cue wins."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


SETTLEMENT = alternation(cues("settlement"))
# What may stand between a name and its container: "X, Y", "X village, Y", "X (Y, Z)", "X in Y province".
CONTAINER_GAP_RE = re.compile(r"^(?:\s+(?:" + SETTLEMENT + r"))?\s*(?:,|\(|\bin\b)\s*(?:the\s+)?$", re.IGNORECASE)
