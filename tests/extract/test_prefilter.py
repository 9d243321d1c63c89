"""The prefilter may only skip a scan that could not have matched."""

from __future__ import annotations

import re

import pytest

from eventwire.extract.patterns import event_cues
from eventwire.extract.prefilter import finditer_any_case, literal_prefixes, lowered_pattern, may_match


@pytest.mark.parametrize(("regex", "expected"), [
    (r"\b(?:bomb\w*|explo\w+|blasts?)\b", ("bomb", "explo", "blast")),
    (r"\bsuicide (?:bomb\w*|vest)", ("suicide ",)),
    (r"\b(?:IEDs?|mines?)\b", ("ied", "mine")),
    (r"\b(?:IS|ISIL)\b", None),  # "IS" is under three letters: too short to be worth a test
    (r"\b(?:\d+|killed)\b", None),  # an alternative without a literal start
    (r"\b(?:(?-i:march(?:ed|es)?)|rally)\b", ("march", "rally")),
])
def test_literal_prefixes(regex, expected):
    assert literal_prefixes(re.compile(regex, re.IGNORECASE)) == expected


@pytest.mark.parametrize("text", [
    "Two BLASTS tore through the market.", "A suicide bomber struck.", "Troops fired mortars at the base.",
    "Protesters MARCHED on parliament.", "Nothing here at all.",
])
def test_never_skips_a_text_the_cue_matches(text):
    for _event, _sub, _disorder, regex, _weight in event_cues.ACLED_CUES:
        pattern = re.compile(regex, re.IGNORECASE)
        if pattern.search(text):
            assert may_match(pattern, text.lower())


@pytest.mark.parametrize(("regex", "expected"), [
    (r"(?:military |army )?columns?\b", ("column",)),               # an optional start is passed over
    (r"(?:^|\n)\s*(?:Weapons? seizures?|Defusal):", ("weapon", "defusal")),  # anchors and classes too
    (r"\b(?:\w+ ){1,3}(?:hostages|captives)\b", ("hostages", "captives")),
    (r"[A-Z]\w+ (?:was|were)", None),                                 # nothing of three letters required
])
def test_required_literals_anywhere_in_the_match(regex, expected):
    assert literal_prefixes(re.compile(regex, re.IGNORECASE)) == expected


@pytest.mark.parametrize("text", [
    "Militants detonated an IED near Kabul; IEDs were also found.", "A ŞEHİT soldier: İstanbul bombing",
    "Troops fired MORTARS and Rockets at the base.", "Protesters marched; a March rally followed.",
])
def test_lowered_scans_find_the_same_spans(text):
    for _event, _sub, _disorder, regex, _weight in event_cues.ACLED_CUES:
        pattern = re.compile(regex, re.IGNORECASE)
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in finditer_any_case(pattern, text, text.lower())] == expected, regex


def test_lowered_patterns_keep_escapes_and_group_names():
    pattern = re.compile(r"(?P<Word>\SIEGE)\W(?P=Word)?", re.IGNORECASE)
    assert lowered_pattern(pattern).pattern == r"(?P<Word>\Siege)\W(?P=Word)?"
    assert lowered_pattern(re.compile(r"\b(?-i:May)\b", re.IGNORECASE)) is None  # case matters there
