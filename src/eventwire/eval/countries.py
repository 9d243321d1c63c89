"""Country names as GTD and ACLED write them -> ISO 3166 alpha-2, and admin1 names compared loosely.

pycountry knows the ISO names ("Russian Federation", "Türkiye") and many common
names; `COUNTRY_ALIASES` adds the names coders use that it does not know. The
entries came from the country columns of GTD and ACLED exports and common English usage.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from eventwire.extract.gazetteer import spelling_key

COUNTRY_ALIASES = {
    "russia": "RU",
    "turkey": "TR",
    "ivory coast": "CI",
    "cote d'ivoire": "CI",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "dr congo": "CD",
    "drc": "CD",
    "republic of congo": "CG",
    "republic of the congo": "CG",
    "congo": "CG",
    "kosovo": "XK",
    "palestine": "PS",
    "west bank and gaza strip": "PS",
    "west bank": "PS",
    "gaza strip": "PS",
    "curacao": "CW",
    "macedonia": "MK",
    "cape verde": "CV",
    "brunei": "BN",
    "micronesia": "FM",
    "east timor": "TL",
    "swaziland": "SZ",
    "burma": "MM",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "united states of america": "US",
    "usa": "US",
    "vatican": "VA",
    "north korea": "KP",
    "south korea": "KR",
    "bahamas": "BS",
    "gambia": "GM",
    "the gambia": "GM",
    "czechia": "CZ",
    "bosnia-herzegovina": "BA",
    "bosnia": "BA",
}


def _fold(text: str) -> str:
    """Lower case, accents removed, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(text.lower().replace("’", "'").split())


@lru_cache(maxsize=1024)
def country_iso2(name: str | None) -> str | None:
    """The ISO alpha-2 code of a country name, or None when neither the aliases nor pycountry know it."""
    if not name or not name.strip():
        return None
    folded = _fold(name)
    if folded in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[folded]
    if len(name.strip()) == 2 and name.strip().isalpha():
        return name.strip().upper()
    import pycountry

    try:
        return pycountry.countries.lookup(name.strip()).alpha_2
    except LookupError:
        return None


# Words that name an admin level rather than the place ("Kabul Province", "Nineveh Governorate").
_ADMIN_WORDS = re.compile(
    r"\b(province|provincia|governorate|state|region|oblast|krai|department|departement|district|"
    r"division|territory|county|prefecture|municipality|autonomous|capital|city|of|the|muhafazat|wilayah)\b"
)


def fold_admin1(name: str | None) -> str:
    """An admin1 name reduced for comparison: folded, admin-level words and punctuation dropped."""
    if not name:
        return ""
    folded = re.sub(r"[^a-z0-9 ]", " ", _fold(name).replace("-", " "))
    return " ".join(_ADMIN_WORDS.sub(" ", folded).split())


# Spelling variants of one name ("Hamah"/"Hama", "Nord Kivu"/"North Kivu") score above this; distinct
# neighbours ("Osun"/"Ogun" 0.75, "Borno"/"Yobe" 0.22) below it. Checked on a list of such pairs.
SPELLING_RATIO = 0.8


def same_admin1(gold: str | None, predicted: str | None) -> bool:
    """True when two admin1 names are one after folding: equal, one inside the other, or a spelling or
    transliteration variant."""
    gold_folded, predicted_folded = fold_admin1(gold), fold_admin1(predicted)
    if not gold_folded or not predicted_folded:
        return False
    if gold_folded == predicted_folded:
        return True
    if f" {gold_folded} " in f" {predicted_folded} " or f" {predicted_folded} " in f" {gold_folded} ":
        return True
    if _same_transliteration(gold_folded, predicted_folded):
        return True
    return SequenceMatcher(None, gold_folded, predicted_folded).ratio() >= SPELLING_RATIO


def _same_transliteration(gold_folded: str, predicted_folded: str) -> bool:
    """"Beirut"/"Beyrouth", "Urozgan"/"Oruzgan": one name in two transliterations, which a
    letter-by-letter ratio scores as far apart. Keys of five letters or more only: short ones
    collide ("Sanaa"/"Sinai")."""
    key = spelling_key(gold_folded)
    return len(key) >= 5 and key == spelling_key(predicted_folded)
