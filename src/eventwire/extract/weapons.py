"""Weapons: the means of attack named in the text, as GTD weapon types (`patterns/weapons.tsv`)."""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.extract.context import Context
from eventwire.extract.patterns import load_table
from eventwire.extract.prefilter import finditer_any_case, may_match
from eventwire.records import EventTypes, Weapon

EXTRACTOR = "weapons.v1"
# A weapon read from the attack type, not named in the text (see `implied_by_attack_type`).
IMPLIED_EXTRACTOR = "weapons.implied.v1"


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
        for match in finditer_any_case(pattern, ctx.text, lowered):
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


# "intelligence" only as a source ("intelligence reports"), not in a victim's agency ("National
# Intelligence and Security Agency agents were shot").
_NOT_ATTACK = re.compile(r"\b(?:warn\w*|plans? to|threat\w*|intelligence (?:reports?|sources?|suggest\w*|"
                         r"indicat\w*|shows?|showed)|could|potential)\b", re.IGNORECASE)


def _is_background(ctx: Context, char: int) -> bool:
    """Weapons named in a warning or a hypothetical sentence are not this incident's."""
    sentence = ctx.sentences[ctx.sentence_index(char)]
    return bool(_NOT_ATTACK.search(sentence.text)) and not re.search(r"\b(?:killed|wounded|injured)\b",
                                                                     sentence.text)


# The weapon GTD codes for each attack type: its codebook defines the types by their means (a bombing
# by explosives, a facility attack mostly by fire, an unarmed assault by hands, stones or a vehicle),
# and an armed assault, assassination, kidnapping, hijacking or hostage siege by "assailants" is made
# at gunpoint in its coding. Unknown is left out: its weapon does not follow from the type.
_WEAPON_OF_ATTACK_TYPE = {
    "Armed Assault": ("firearms", "Firearms"),
    "Assassination": ("firearms", "Firearms"),
    "Hostage Taking (Kidnapping)": ("firearms", "Firearms"),
    "Hostage Taking (Barricade Incident)": ("firearms", "Firearms"),
    "Hijacking": ("firearms", "Firearms"),
    "Bombing/Explosion": ("explosives", "Explosives"),
    "Facility/Infrastructure Attack": ("incendiary", "Incendiary"),
    "Unarmed Assault": ("melee", "Melee"),
}


def fit_to_attack_type(found_weapons: list[Weapon], types: EventTypes) -> list[Weapon]:
    """The weapons with the one GTD codes for the article's attack type first, implied from the type's
    cue (the first evidence span) when the text names none.

    GTD's first weapon is the one its attack type was decided by: an attack with gunfire and grenades
    coded a bombing has explosives first. Runs after `event_types`, as the weapon follows the type.
    """
    kind_and_gtd = _WEAPON_OF_ATTACK_TYPE.get(types.gtd[0]) if types.gtd else None
    if kind_and_gtd is None or not types.evidence:
        return found_weapons
    fitting = next((weapon for weapon in found_weapons if weapon.gtd == kind_and_gtd[1]), None)
    if fitting is not None:
        return [fitting, *[weapon for weapon in found_weapons if weapon is not fitting]]
    if found_weapons:
        return found_weapons
    return [Weapon(kind_and_gtd[0], kind_and_gtd[1], types.evidence[:1], IMPLIED_EXTRACTOR, implied=True)]
