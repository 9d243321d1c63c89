"""Country priors from country-bound actors: "Houthi fighters", "GNA forces", "the Tatmadaw".

Sentences are our own, in the style of wire reports and coder notes. The table tests read the
pattern alone; the others run the real spaCy model and gazetteer, like tests/extract/test_locations.py.
"""

from __future__ import annotations

import pytest

from eventwire.extract.place_priors import actor_countries


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Houthi fighters fired a missile; Ansar Allah said the Houthis would go on.", ["YE"]),
        ("GNA forces and LNA units clashed south of the capital.", ["LY"]),
        ("The Tatmadaw shelled villages held by the Arakan Army.", ["MM"]),
        ("Hezbollah supporters rallied while Hamas held a funeral.", ["LB", "PS"]),
        ("Tehrik-i-Taliban claimed the attack.", ["PK"]),
        ("The Pakistani Taliban claimed the attack.", []),
        ("A convoy of Afghan Taliban was ambushed.", ["AF"]),
        ("A gnat landed on the lnA stand; hezbollah-style flags were sold.", []),
        ("Naxalites torched a road roller; CRPF personnel arrived later.", ["IN"]),
        ("Pro-government and anti-Houthi units met pro-Houthi fighters.", ["YE"]),
    ],
)
def test_country_bound_actors_found(text, countries):
    assert [code for _start, _name, code in actor_countries(text)] == countries


def test_actor_span_is_the_name():
    start, name, _code = actor_countries("Overnight, Amotekun operatives arrested five men.")[0]
    assert (start, name) == (11, "Amotekun")


@pytest.fixture(scope="module")
def read(read_places):
    """text -> (places, incident location); see tests/extract/conftest.py."""
    return lambda text: read_places(text)[1:]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "country"),
    [
        # with no place at all, the actor's country is the best guess
        ("Tatmadaw troops torched houses during a raid on Monday, residents said.", "MM"),
        ("Overnight, the PMF's rocket fire targeted militant hideouts behind a bridge.", "IQ"),
        # the actor's country picks the namesake division (Al Jawf of Yemen, not of Saudi Arabia)
        ("On Monday, pro-Houthi fighters shelled positions in Al Jawf governorate.", "YE"),
    ],
)
def test_actor_votes_for_its_country(read, text, country):
    _places, location = read(text)
    assert location is not None and location.country == country


@pytest.mark.model
def test_actor_is_a_weaker_place_than_a_named_one(read):
    """The place the text names wins over the actor's home country: Houthi drones hit Saudi Arabia."""
    text = ("Security forces intercepted a drone targeting the airport in Abha, Saudi Arabia. "
            "Houthi fighters (Ansar Allah) claimed the attack, their spokesman said.")
    _places, location = read(text)
    assert location is not None and location.country == "SA"


@pytest.mark.model
def test_tagged_hamlet_abroad_yields_to_the_actors_country(read):
    """A name the model tags whose only namesake is a hamlet abroad (Lizarda, Brazil, ~3,000 people)
    is a coincidence when the text's actor says the country: the incident stays in Myanmar."""
    places, location = read("Tatmadaw troops shelled houses in Lizarda on Friday, killing four villagers.")
    assert location is not None and location.country == "MM"
    assert all(place.country == "MM" for place in places)
