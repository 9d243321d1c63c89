"""Gazetteer: built from the PyPI data packages, cached on disk, and the look-ups the extractor relies on."""

from __future__ import annotations

import marshal
import shutil
import time

import pytest

from eventwire.config import load_settings
from eventwire.extract.gazetteer import (
    CACHE_NAME,
    _cache_key,
    _read_cache,
    load_gazetteer,
    normalize_name,
    one_letter_apart,
    skeleton,
    spelling_key,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A cold build into an empty folder, timed (the real sources, ~10-40 s on 2 shared cores)."""
    folder = tmp_path_factory.mktemp("gazetteer")
    started = time.perf_counter()
    gazetteer = load_gazetteer(folder)
    return folder, gazetteer, time.perf_counter() - started


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer(load_settings().resolved_cache_dir())


@pytest.mark.slow
def test_cold_build_writes_cache_and_warm_load_is_fast(built):
    folder, cold, cold_seconds = built
    assert (folder / CACHE_NAME).exists()
    assert len(cold) > 250_000 and cold_seconds > 1.0
    started = time.perf_counter()
    warm = load_gazetteer(folder)
    warm_seconds = time.perf_counter() - started
    assert warm_seconds < 3.0 and warm_seconds < cold_seconds
    assert warm.name[:100] == cold.name[:100] and len(warm) == len(cold)
    assert warm.lookup("Krasnogorsk") == cold.lookup("Krasnogorsk")


@pytest.mark.slow
def test_stale_or_corrupt_cache_is_not_trusted(built, tmp_path):
    folder, _, _ = built
    stale = tmp_path / "stale" / CACHE_NAME
    stale.parent.mkdir()
    data = marshal.loads((folder / CACHE_NAME).read_bytes())
    data["version"] = "v0;old packages"
    stale.write_bytes(marshal.dumps(data))
    assert _read_cache(stale, _cache_key()) is None
    stale.write_bytes(b"not a marshal file")
    assert _read_cache(stale, _cache_key()) is None
    shutil.copy(folder / CACHE_NAME, stale)
    assert _read_cache(stale, _cache_key()) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Bi'r al 'Abd", "bir al abd"), ("the U.S.", "us"), ("Kermān", "kerman"), ("Pol-e  Malan", "pol e malan"),
     ("St. Paul", "saint paul"), ("Mt Pleasant", "mount pleasant"), ("Sault Ste. Marie", "sault ste marie"),
     ("Stanley", "stanley")],
)
def test_normalize_name_drops_accents_quotes_dots_and_the(text, expected):
    assert normalize_name(text) == expected


@pytest.mark.parametrize(("a", "b"), [("Beir al-Abd", "Bi'r al 'Abd"), ("Qala-i-Naw", "Qal'ah-ye Now"),
                                      ("Kismaayo", "Kismayo")])
def test_skeleton_matches_transliteration_variants(a, b):
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(("a", "b"), [("Lattakia", "Latakia"), ("Idleb", "Idlib"), ("al-Hasakeh", "Al-Hasakah"),
                                      ("Quamishli", "Al Qāmishlī"), ("Deir-ez-Zor", "Dayr az Zawr"),
                                      ("Choueifat", "Ash Shuwayfat")])
def test_spelling_key_matches_transliteration_variants(a, b):
    assert spelling_key(a) == spelling_key(b)


@pytest.mark.parametrize(("a", "b"), [("Basira", "Basra"), ("Dbayeh", "Dubai"), ("Garabulli", "Gharbia")])
def test_spelling_key_keeps_vowel_places(a, b):
    """Unlike the skeleton, a vowel dropped or added changes the key: it is looked up worldwide."""
    assert spelling_key(a) != spelling_key(b)


@pytest.mark.parametrize(("a", "b", "close"), [("quamishli", "qamishli", True), ("latakia", "latakya", True),
                                               ("barja", "berja", True), ("ab", "abc", True), ("same", "same", True),
                                               ("garabuli", "garouabulai", False), ("abcd", "acbd", False)])
def test_one_letter_apart(a, b, close):
    assert one_letter_apart(a, b) is close and one_letter_apart(b, a) is close


@pytest.mark.model
def test_spelling_variants_are_sizeable_places_most_populous_first(gazetteer):
    found = gazetteer.spelling_variants("Lattakia")
    assert found and {gazetteer.country[e] for e in found[:2]} == {"SY"}
    assert all(gazetteer.kind[e] == "admin1" or gazetteer.population[e] >= 15_000 for e in found)
    assert gazetteer.spelling_variants("Idlb") == []  # a key under five letters is not looked up worldwide


@pytest.mark.model
@pytest.mark.parametrize(
    ("name", "kind", "country", "admin1"),
    [("Krasnogorsk", "town", "RU", "Moscow Oblast"), ("Kerman", "town", "IR", "Kerman"),
     ("Russia", "country", "RU", ""), ("the US", "country", "US", ""), ("DR Congo", "country", "CD", ""),
     ("North Sinai", "admin1", "EG", "North Sinai"), ("Rapides Parish", "admin2", "US", "Louisiana"),
     ("South America", "continent", "", "")],
)
def test_lookup_finds_towns_divisions_and_common_country_names(gazetteer, name, kind, country, admin1):
    found = [e for e, _alt in gazetteer.lookup(name) if gazetteer.kind[e] == kind]
    assert found, name
    entry = found[0]
    assert (gazetteer.country[entry], gazetteer.admin1[entry]) == (country, admin1)


@pytest.mark.model
@pytest.mark.parametrize(("demonym", "code"), [("Afghan", "AF"), ("Iranian", "IR"), ("Nigerians", "NG"),
                                               ("Iraqis", "IQ"), ("Tajik", "TJ")])
def test_demonyms_map_to_countries(gazetteer, demonym, code):
    assert gazetteer.demonym(demonym) == code


@pytest.mark.model
@pytest.mark.parametrize(("city", "country", "around"),
                         [("Moscow", "RU", "Moscow Oblast"), ("Kyiv", "UA", "Kiev"), ("Kerman", "IR", None)])
def test_surrounding_admin1_of_a_city_that_is_its_own_division(gazetteer, city, country, around):
    entry = next(e for e, _alt in gazetteer.lookup(city)
                 if gazetteer.kind[e] == "town" and gazetteer.country[e] == country)
    result = gazetteer.surrounding_admin1(entry)
    assert (gazetteer.name[result] if result is not None else None) == around


@pytest.mark.model
def test_capitals_are_marked(gazetteer):
    capitals = {gazetteer.name[e] for e in gazetteer.capitals}
    assert {"Washington", "Moscow", "Kabul", "Tehran"} <= capitals


@pytest.mark.parametrize(("name", "country"), [("Qamishli", "SY"), ("Hasakah", "SY"), ("Hudaydah", "YE")])
def test_lookup_finds_names_without_arabic_article(gazetteer, name, country):
    """English copy drops "Al"/"Ash" ("Qamishli" for Al Qāmishlī): the bare name is an alternate."""
    assert any(gazetteer.country[entry] == country for entry, _alt in gazetteer.lookup(name)[:5])


def test_country_name_is_the_common_name(gazetteer):
    assert gazetteer.country_name("SO") == "Somalia"


@pytest.mark.parametrize(
    ("alias", "country", "admin1"),
    [("Extreme-Nord", "CM", "Far North"), ("Sud-Kivu", "CD", "South Kivu"), ("Urozgan", "AF", "Oruzgan"),
     ("Sala al-Din", "IQ", "Salah ad Din")],
)
def test_admin1_alias_table_names_divisions(gazetteer, alias, country, admin1):
    found = [e for e, alternate in gazetteer.lookup(alias) if not alternate and gazetteer.kind[e] == "admin1"]
    assert any((gazetteer.country[e], gazetteer.name[e]) == (country, admin1) for e in found)


def test_every_admin1_alias_row_names_a_gazetteer_division(gazetteer):
    from eventwire.extract.gazetteer import admin1_table_aliases

    missing = [key for key in admin1_table_aliases() if f"{key[0]}|{key[1]}" not in gazetteer.admin1_entry]
    assert missing == []


def test_every_region_row_is_a_region_of_its_country_under_each_of_its_names(gazetteer):
    """Each row of patterns/regions.tsv is an admin1-kind entry reached exactly by every name it lists."""
    from eventwire.extract.patterns import load_table

    for name, country, _lat, _lon, _population, *others in load_table("regions.tsv"):
        for spelling in [name, *(others[0].split(",") if others else ())]:
            found = [e for e, alternate in gazetteer.lookup(spelling.strip()) if not alternate]
            assert any((gazetteer.name[e], gazetteer.kind[e], gazetteer.country[e]) == (name, "admin1", country)
                       for e in found), spelling


@pytest.mark.model
@pytest.mark.parametrize("bare, full, country", [
    ("Nueva Ecija", "Province of Nueva Ecija", "PH"),
    ("Bam", "Province du Bam", "BF"),
    ("Sullana", "Provincia de Sullana", "PE"),
    ("Bogor", "Kabupaten Bogor", "ID"),
])
def test_second_level_division_named_without_its_prefix(gazetteer, bare, full, country):
    """GeoNames' "Province of Nueva Ecija", "Province du Bam" are "Nueva Ecija", "Bam" in news."""
    found = [(gazetteer.name[e], gazetteer.kind[e], gazetteer.country[e]) for e, _alt in gazetteer.lookup(bare)]
    assert (full, "admin2", country) in found


@pytest.mark.parametrize(("key", "middle", "within_km"), [
    # Towns crowd the southern edge: the curated point (~50 N, 86 W) replaces their middle.
    ("CA|Ontario", (49.25, -84.50), 161),
    ("AU|Queensland", (-22.5, 144.5), 161),
    # Towns spread across the state: the middle of their box stands.
    ("US|Georgia", (32.87, -83.29), 10),
])
def test_admin1_point_lies_in_the_middle_of_the_division(gazetteer, key, middle, within_km):
    from eventwire.extract.gazetteer import distance_km

    entry = gazetteer.admin1_entry[key]
    assert distance_km(gazetteer.lat[entry], gazetteer.lon[entry], *middle) < within_km


def test_admin1_point_is_the_curated_one_only_far_from_the_towns_and_among_them():
    from eventwire.extract.gazetteer import _admin1_point

    # Twenty towns crowd the south edge (42-43 N); one lies far north (56 N).
    towns = [{"latitude": 42 + i / 20, "longitude": 80.0} for i in range(20)] + [{"latitude": 56.0, "longitude": 80.0}]
    middle = _admin1_point({}, "XX", "Altai", towns)
    assert middle[0] < 43
    assert _admin1_point({("XX", "altai"): (50.0, 80.0)}, "XX", "Altai", towns) == (50.0, 80.0)
    assert _admin1_point({("XX", "altai"): (42.6, 80.2)}, "XX", "Altai", towns) == middle  # near: towns' middle
    assert _admin1_point({("XX", "altai"): (50.0, 120.0)}, "XX", "Altai", towns) == middle  # a namesake elsewhere
