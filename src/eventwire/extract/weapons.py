"""Weapons: the means of attack named in the text, as GTD weapon types (`patterns/weapons.tsv`)."""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.extract.context import Context
from eventwire.extract.patterns import load_table
from eventwire.extract.prefilter import may_match
from eventwire.records import Weapon

EXTRACTOR = "weapons.v1"


@lru_cache(maxsize=1)
def _weapon_patterns() -> tuple[tuple[str, str, str, re.Pattern], ...]:
    return tuple((kind, gtd, subtype, re.compile(regex, re.IGNORECASE))
                 for kind, gtd, subtype, regex in load_table("weapons.tsv"))


def extract_weapons(ctx: Context) -> list[Weapon]:
    """One Weapon per kind named, most mentioned first, with every mention as evidence."""
    by_kind: dict[str, list] = {}
    subtype_of: dict[str, tuple[str, str]] = {}
    taken: list[tuple[int, int]] = []
    lowered = ctx.text.lower()
    for kind, gtd, subtype, pattern in _weapon_patterns():
        if not may_match(pattern, lowered):
            continue
        for match in pattern.finditer(ctx.text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if _is_background(ctx, match.start()):
                continue
            taken.append(match.span())
            by_kind.setdefault(kind, []).append(ctx.article.span(*match.span()))
            subtype_of.setdefault(kind, (gtd, subtype))
    ordered = sorted(by_kind.items(), key=lambda item: (-len(item[1]), item[1][0].start))
    return [Weapon(kind, subtype_of[kind][0], tuple(spans), EXTRACTOR, subtype_of[kind][1] or None)
            for kind, spans in ordered]


_NOT_ATTACK = re.compile(r"\b(?:warn\w*|plans? to|threat\w*|intelligence|could|potential)\b", re.IGNORECASE)


def _is_background(ctx: Context, char: int) -> bool:
    """Weapons named in a warning or a hypothetical sentence are not this incident's."""
    sentence = ctx.sentences[ctx.sentence_index(char)]
    return bool(_NOT_ATTACK.search(sentence.text)) and not re.search(r"\b(?:killed|wounded|injured)\b",
                                                                     sentence.text)
