"""The incident record: one article's fields gathered, its headline figures, its event date."""

from __future__ import annotations

import pytest

from eventwire.extract.dates import extract_dates
from eventwire.extract.incidents import EXTRACTOR, choose_event_date
from eventwire.records import IncidentRecord, to_json

pytestmark = pytest.mark.model

MONDAY = "2024-03-25T10:00:00+00:00"


def _incident(records) -> IncidentRecord:
    (incident,) = [r for r in records if isinstance(r, IncidentRecord)]
    return incident


# (article, category, best, qualifier, quantity span of the headline figure, attribution display)
HEADLINES = [
    # exact before vague, whichever comes first
    ("Dozens of people were killed when gunmen stormed the hall. At least 40 people were killed, TASS said.",
     "killed", 40, "at least", "At least 40", "Test Wire ← TASS"),
    # the largest exact figure: a part of it ("three children") is smaller
    (("Nine people were killed when shells hit a block of flats in Kharkiv. "
      "Three children were killed in one flat."),
     "killed", 9, None, "Nine", "Test Wire"),
    # background figures never head, however large
    (("Gunmen killed five soldiers in an ambush near Djibo. "
      "The insurgency has killed 20,000 people since 2015."),
     "killed", 5, None, "five", "Test Wire"),
    # a later, higher toll in the same article heads
    ("Six people were killed in the blast in Kabul. The death toll rose to 14, the Interior Ministry said.",
     "killed", 14, None, "14", "Test Wire ← Interior Ministry"),
    ("A bomb exploded at a rally in Bajaur, wounding dozens. Officials said 83 people were injured.",
     "injured", 83, None, "83", "Test Wire ← Officials"),
]


@pytest.mark.parametrize("text, category, best, qualifier, quantity_span, attribution", HEADLINES)
def test_headline_is_the_chosen_figure(records_for, text, category, best, qualifier, quantity_span,
                                       attribution):
    _ctx, records = records_for(text)
    headline = _incident(records).headline(category)
    assert (headline.best, headline.qualifier) == (best, qualifier)
    assert headline.evidence[0].text == quantity_span
    assert headline.attribution.display == attribution


def test_headline_is_none_for_a_category_not_reported(records_for):
    _ctx, records = records_for("Gunmen opened fire on a bus in Kaduna, killing five passengers.")
    assert _incident(records).headline("kidnapped") is None


# (article, published, event date, precision, date span)
EVENT_DATES = [
    # the event's day, not the day a statement was made
    ("Police said on Sunday that a bomb exploded at the market on Saturday, killing 6.", MONDAY,
     "2024-03-23", "day", "Saturday"),
    # a warning's date is not the event's
    (("The embassy warned last week of plans to attack churches. "
      "Gunmen attacked a church on Sunday, killing 3."),
     MONDAY, "2024-03-24", "day", "Sunday"),
    # an ACLED-style note
    ("On 1 May 2020, unidentified gunmen attacked a village in Ituri, killing 40 civilians.", MONDAY,
     "2020-05-01", "day", "1 May 2020"),
    ("01/05/2021: Assailants opened fire on a minibus near Kaduna, killing 3 and wounding 2.", None,
     "2021-01-05", "day", "01/05/2021"),
]


@pytest.mark.parametrize("text, published, value, precision, span_text", EVENT_DATES)
def test_event_date_is_the_events_own(records_for, text, published, value, precision, span_text):
    _ctx, records = records_for(text, published=published)
    date = _incident(records).date
    found = (date.value, date.precision, date.evidence[0].text, date.inferred)
    assert found == (value, precision, span_text, False)


def test_without_a_date_phrase_the_publication_day_is_inferred(context_for):
    ctx = context_for("Gunmen opened fire on a bus, killing five.", published="2024-03-22T23:30:00+03:00")
    date = choose_event_date(ctx, extract_dates(ctx))
    assert (date.value, date.inferred, date.evidence, date.extractor) == ("2024-03-22", True, (), EXTRACTOR)


def test_without_any_date_there_is_none(context_for):
    ctx = context_for("Gunmen opened fire on a bus, killing five.", published=None)
    assert choose_event_date(ctx, extract_dates(ctx)) is None


@pytest.mark.parametrize(
    "text",
    [
        "The council met to discuss the new budget for schools and roads.",
        "The embassy warned of imminent plans to target shopping malls in Nairobi.",
    ],
)
def test_no_incident_without_a_codable_event(records_for, text):
    _ctx, records = records_for(text)
    assert [r for r in records if isinstance(r, IncidentRecord)] == []


def test_incident_gathers_every_field_with_spans(records_for, check_spans):
    text = ("On 3 January 2024, two explosions struck a crowd of mourners in Kerman, killing at least 84 "
            "people and wounding 284, the interior minister said. "
            "The Islamic State group claimed responsibility, saying two of its members had detonated "
            "explosive belts.")
    ctx, records = records_for(text, published="2024-01-04T18:00:00+03:30", source="Test Wire")
    incident = _incident(records)
    assert incident.record_id == f"{ctx.article.id}:incident:0" and incident.article_id == ctx.article.id
    assert (incident.headline("killed").low, incident.headline("injured").best) == (84, 284)
    assert incident.date.value == "2024-01-03"
    assert incident.event_types.gtd[0] == "Bombing/Explosion"
    assert [(a.name, a.stance) for a in incident.actors][:1] == [
        ("Islamic State of Iraq and the Levant (ISIL)", "claimed")]
    assert [w.kind for w in incident.weapons] == ["explosives"]
    assert "civilians" in [t.label for t in incident.targets]
    assert incident.evidence and incident.evidence[0].text.startswith("On 3 January 2024")
    assert incident.published == "2024-01-04T18:00:00+03:30" and incident.source == "Test Wire"
    assert 0 < incident.confidence <= 1
    # every span of the record is the text it claims to be, and the JSON form keeps them
    assert check_spans(text, incident) > 10
    assert to_json(incident)["figures"][0]["evidence"][0]["text"] == incident.figures[0].evidence[0].text


def test_incident_evidence_skips_warning_sentences(records_for):
    text = ("Intelligence services warned of possible attacks on buses. "
            "Gunmen opened fire on a bus in Kaduna, killing five passengers.")
    _ctx, records = records_for(text)
    assert [s.text for s in _incident(records).evidence] == [
        "Gunmen opened fire on a bus in Kaduna, killing five passengers."]


@pytest.mark.parametrize(
    "text",
    [
        "Miners held a protest in Lusaka against plans to privatize the copper mine.",
        "Bus drivers gathered in front of the transport office to demand higher wages.",
        "Movement of forces: A convoy of army trucks entered the district from the north.",
    ],
)
def test_incident_for_every_codable_event_even_without_violence(records_for, text):
    _ctx, records = records_for(text)
    assert len([r for r in records if isinstance(r, IncidentRecord)]) == 1
