"""Quantities -> (low, best, high): the qualifier rule documented in extract/numbers.py.

No model needed: these are the phrases the figure patterns hand to `numbers`.
"""

from __future__ import annotations

import pytest

from eventwire.extract.numbers import QUANTITY_RE, apply_qualifier, parse_number, parse_quantity


@pytest.mark.parametrize(
    "text, value",
    [
        ("40", 40),
        ("1,200", 1200),
        ("12,500", 12500),
        ("2.5 million", 2_500_000),
        ("3 thousand", 3000),
        ("forty", 40),
        ("Forty-two", 42),
        ("forty two", 42),
        ("eleven", 11),
        ("ninety-nine", 99),
        ("a dozen", 12),
        ("two dozen", 24),
        ("a score", 20),
        ("a couple", 2),
        ("two hundred", 200),
        ("one hundred and five", 105),
        ("Two hundred and seventy-six", 276),
        ("three thousand five hundred", 3500),
        ("a thousand", 1000),
    ],
)
def test_parse_number_reads_digits_and_words(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "the", "people", "dozens of", "forty people"])
def test_parse_number_is_none_for_words_that_are_not_numbers(text):
    assert parse_number(text) is None


# The table of the module docstring, row by row: (phrase, low, best, high, qualifier, vague).
QUALIFIER_RULE = [
    # an exact number: low = best = high
    ("40", 40, 40, 40, None, False),
    ("forty", 40, 40, 40, None, False),
    # a floor: the number is low and best, no high
    ("at least 40", 40, 40, None, "at least", False),
    ("At least 40", 40, 40, None, "at least", False),
    ("more than 100", 100, 100, None, "more than", False),
    ("over 50", 50, 50, None, "over", False),
    ("no fewer than 12", 12, 12, None, "no fewer than", False),
    ("upwards of 300", 300, 300, None, "upwards of", False),
    ("at least a dozen", 12, 12, None, "at least", False),
    # a ceiling: the number is best and high, no low
    ("up to 30", None, 30, 30, "up to", False),
    ("nearly 50", None, 50, 50, "nearly", False),
    ("almost 200", None, 200, 200, "almost", False),
    ("fewer than 10", None, 10, 10, "fewer than", False),
    ("as many as 20", None, 20, 20, "as many as", False),
    # an approximation: best only
    ("about 200", None, 200, None, "about", False),
    ("around 40", None, 40, None, "around", False),
    ("approximately 150", None, 150, None, "approximately", False),
    ("some 3,000", None, 3000, None, "some", False),
    ("an estimated 5,000", None, 5000, None, "an estimated", False),
    # a range: low = best = the lower end, high the upper
    ("40 to 60", 40, 40, 60, "range", False),
    ("15-20", 15, 15, 20, "range", False),
    ("15–20", 15, 15, 20, "range", False),
    ("between 40 and 60", 40, 40, 60, "range", False),
    ("60 or 70", 60, 60, 70, "range", False),
    ("forty to sixty", 40, 40, 60, "range", False),
    # a qualified range keeps its qualifier, and the range rule
    ("around 40 to 60", 40, 40, 60, "around", False),
    # vague quantities: best = low (the conservative floor), vague=True
    ("dozens", 12, 12, 99, "dozens", True),
    ("Dozens", 12, 12, 99, "dozens", True),
    ("scores", 40, 40, 99, "scores", True),
    ("hundreds", 100, 100, 999, "hundreds", True),
    ("thousands", 1000, 1000, 9999, "thousands", True),
    ("tens of thousands", 10000, 10000, 99999, "tens of thousands", True),
    ("several", 3, 3, 9, "several", True),
    ("a few", 3, 3, 9, "a few", True),
    ("a handful", 3, 3, 9, "a handful", True),
]


@pytest.mark.parametrize("text, low, best, high, qualifier, vague", QUALIFIER_RULE)
def test_parse_quantity_follows_the_documented_qualifier_rule(text, low, best, high, qualifier, vague):
    quantity = parse_quantity(text)
    assert (quantity.low, quantity.best, quantity.high) == (low, best, high)
    assert quantity.qualifier == qualifier
    assert quantity.vague is vague


def test_a_descending_pair_is_no_range():
    """"60 to 40" is not a range from 60 down: the first number stands alone."""
    quantity = parse_quantity("60 to 40")
    assert (quantity.low, quantity.best, quantity.high, quantity.qualifier) == (60, 60, 60, None)


@pytest.mark.parametrize("text", ["", "people", "the attack", "killed"])
def test_parse_quantity_is_none_for_non_quantities(text):
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    "qualifier, expected",
    [
        (None, (7, 7, 7)),
        ("at least", (7, 7, None)),
        ("up to", (None, 7, 7)),
        ("about", (None, 7, None)),
        ("nearly", (None, 7, 7)),  # listed as a ceiling and an approximation: the ceiling wins
    ],
)
def test_apply_qualifier(qualifier, expected):
    quantity = apply_qualifier(7, qualifier)
    assert (quantity.low, quantity.best, quantity.high) == expected


@pytest.mark.parametrize(
    "sentence, quantity_text",
    [
        # the plural is a vague quantity, not the number word inside it ("dozen" of "dozens")
        ("The explosion killed nine and injured dozens of others.", "dozens"),
        ("Rebels abducted hundreds of villagers.", "hundreds"),
        # "a few" and "a handful" are vague, not "a" = one
        ("A few people were hurt.", "A few"),
        ("A handful of protesters were held.", "A handful"),
        ("Gunmen killed a dozen soldiers.", "a dozen"),
        ("Officials counted at least 40 bodies.", "at least 40"),
        ("between 40 and 60 people", "between 40 and 60"),
    ],
)
def test_quantity_regex_finds_the_whole_quantity_in_running_text(sentence, quantity_text):
    found = [m.group(0) for m in QUANTITY_RE.finditer(sentence)]
    assert quantity_text in found
