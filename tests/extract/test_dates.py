"""Dates: phrases resolved against the publication date, with their precision and what they date.

The publication times are explicit in every row: the weekday rule is read on the article's own
calendar (its UTC offset), so the same instant can be a Friday in Moscow and a Thursday in Bogota.
"""

from __future__ import annotations

import pytest

from eventwire.extract.dates import EXTRACTOR, extract_dates

pytestmark = pytest.mark.model

FRIDAY_MOSCOW = "2024-03-22T23:30:00+03:00"   # Friday 22 March 2024, local time
MONDAY = "2024-03-25T10:00:00+00:00"


# (sentence, published, [(value, precision, span text)])
DATES = [
    # weekdays: the most recent such day on or before publication
    ("Gunmen opened fire at the concert hall on Friday night.", FRIDAY_MOSCOW,
     [("2024-03-22", "day", "Friday night")]),
    ("The attack happened on Saturday.", MONDAY, [("2024-03-23", "day", "Saturday")]),
    ("Militants stormed the base on Thursday morning.", MONDAY, [("2024-03-21", "day", "Thursday morning")]),
    ("A bomb went off on Monday.", MONDAY, [("2024-03-25", "day", "Monday")]),
    # "last Friday" on a Friday is a week back; on a Monday it is three days back
    ("Last Friday's attack killed 12.", "2024-03-22T10:00:00+00:00",
     [("2024-03-15", "day", "Last Friday's")]),
    ("Last Friday's attack killed 12.", MONDAY, [("2024-03-22", "day", "Last Friday's")]),
    # relative days
    ("A bomb exploded yesterday in Quetta.", "2024-01-04T08:00:00+05:00",
     [("2024-01-03", "day", "yesterday")]),
    ("The blast happened last night in Kerman.", "2024-01-04T08:00:00+03:30",
     [("2024-01-03", "day", "last night")]),
    ("Police raided the house early today.", MONDAY, [("2024-03-25", "day", "today")]),
    # weeks, months, years: the first day of the period, with its precision
    ("The US shared the information earlier this month.", FRIDAY_MOSCOW,
     [("2024-03-01", "month", "earlier this month")]),
    ("Clashes erupted last week in Khartoum.", "2023-05-10T12:00:00+00:00",
     [("2023-05-03", "week", "last week")]),
    ("Troops withdrew from the town last month.", "2024-01-15T12:00:00+00:00",
     [("2023-12-01", "month", "last month")]),
    ("The group was banned last year.", MONDAY, [("2023-01-01", "year", "last year")]),
    # absolute dates, with and without the year, in the formats of wire copy and coder notes
    ("On 1 May 2020, gunmen attacked a village in Ituri.", None, [("2020-05-01", "day", "1 May 2020")]),
    ("01/05/2021: Assailants opened fire on a minibus.", "2021-01-06T12:00:00+00:00",
     [("2021-01-05", "day", "01/05/2021")]),
    ("The bombing, on March 22nd, 2024, shocked the city.", None,
     [("2024-03-22", "day", "March 22nd, 2024")]),
    ("The incident occurred on 2023-11-14 near Bamako.", None, [("2023-11-14", "day", "2023-11-14")]),
    ("The attack on 3 January killed 84 people.", "2024-01-05T12:00:00+00:00",
     [("2024-01-03", "day", "3 January")]),
    # a later month without a year belongs to the year before
    ("The attack on December 28 killed five people.", "2024-01-05T12:00:00+00:00",
     [("2023-12-28", "day", "December 28")]),
    ("Fighting resumed in April 2023 and again in mid-May 2023.", None,
     [("2023-04-01", "month", "in April 2023"), ("2023-05-01", "month", "mid-May 2023")]),
]


@pytest.mark.parametrize("sentence, published, expected", DATES)
def test_date_phrase_is_resolved(context_for, check_spans, sentence, published, expected):
    mentions = extract_dates(context_for(sentence, published=published))
    found = [(m.date.value, m.date.precision, m.date.evidence[0].text) for m in mentions]
    assert found == expected
    assert all(m.date.extractor == EXTRACTOR and not m.date.inferred for m in mentions)
    check_spans(sentence, [m.date for m in mentions])


@pytest.mark.parametrize(
    "published, saturday",
    [
        # 22:30 on Friday in Bogota is already Saturday in UTC: the article's own calendar decides
        ("2024-03-22T22:30:00-05:00", "2024-03-16"),
        ("2024-03-23T03:30:00+00:00", "2024-03-23"),
        # 01:30 on Saturday in Moscow is still Friday in UTC
        ("2024-03-23T01:30:00+03:00", "2024-03-23"),
        ("2024-03-22T22:30:00+00:00", "2024-03-16"),
    ],
)
def test_weekday_rule_reads_the_articles_own_time_zone(context_for, published, saturday):
    (mention,) = extract_dates(context_for("The attack happened on Saturday.", published=published))
    assert mention.date.value == saturday


@pytest.mark.parametrize(
    "sentence",
    [
        "The raid on 31 February was reported by residents.",
        "The attack on 30 February 2023 was reported.",
        "The file was dated 13/45/2021.",
    ],
)
def test_impossible_dates_are_ignored(context_for, sentence):
    assert extract_dates(context_for(sentence, published=MONDAY)) == []


@pytest.mark.parametrize(
    "sentence",
    ["The attack happened on Monday.", "A bomb exploded yesterday.", "Clashes erupted last week."],
)
def test_relative_dates_need_a_publication_date(context_for, sentence):
    assert extract_dates(context_for(sentence, published=None)) == []


@pytest.mark.parametrize(
    "sentence, reported, event",
    [
        ("Police said on Sunday that the bomb went off on Saturday.", "Sunday", "Saturday"),
        ("The army announced on Tuesday that militants attacked the base on Monday.", "Tuesday", "Monday"),
        ("The ministry confirmed yesterday that 12 people died on 20 March.", "yesterday", "20 March"),
    ],
)
def test_said_on_a_day_dates_the_statement_not_the_event(context_for, sentence, reported, event):
    mentions = extract_dates(context_for(sentence, published=MONDAY))
    flags = {m.date.evidence[0].text: m.reported for m in mentions}
    assert flags == {reported: True, event: False}


def test_mentions_come_in_text_order_with_their_sentence(context_for):
    text = "Gunmen attacked a bus on 3 March. The governor visited on Saturday. Funerals were held yesterday."
    mentions = extract_dates(context_for(text, published=MONDAY))
    assert [(m.date.evidence[0].text, m.sentence) for m in mentions] == [
        ("3 March", 0), ("Saturday", 1), ("yesterday", 2)]
