"""Statements: warnings, claims, denials, condemnations, arrests and security measures as records."""

from __future__ import annotations

import pytest

from eventwire.extract.statements import EXTRACTOR
from eventwire.records import IncidentRecord, StatementRecord

pytestmark = pytest.mark.model

ISWAP = "Islamic State West Africa Province (ISWAP)"


def _statements(records, kind=None) -> list[StatementRecord]:
    return [r for r in records if isinstance(r, StatementRecord) and (kind is None or r.kind == kind)]


# (text, kind, speaker name, speaker span, subject (name, stance) or None)
STATEMENTS = [
    (("The US embassy in Moscow warned that extremists had imminent plans to target large gatherings, "
      "including concerts."), "warning", "US embassy in Moscow", "US embassy in Moscow", None),
    ("The British Foreign Office warned of a high threat of terrorist attacks by al-Shabaab in Nairobi.",
     "warning", "British Foreign Office", "British Foreign Office", ("Al-Shabaab", None)),
    ("ISWAP claimed responsibility for the attack in a statement on Telegram.",
     "claim", ISWAP, "ISWAP", (ISWAP, "claimed")),
    ("The Pakistani Taliban claimed the bombing, the TTP spokesman said.",
     "claim", "Tehrik-i-Taliban Pakistan (TTP)", "Pakistani Taliban",
     ("Tehrik-i-Taliban Pakistan (TTP)", "claimed")),
    ("The Taliban denied any involvement in the bombing in Kabul.",
     "denial", "Taliban", "Taliban", ("Taliban", "denied")),
    ("Ukraine's foreign ministry denied that Kyiv had anything to do with the attack.",
     "denial", "Ukraine's foreign ministry", "Ukraine's foreign ministry", ("Ukraine", "denied")),
    ("The White House rejected any suggestion of Ukrainian involvement.",
     "denial", "White House", "White House", ("Ukraine", "denied")),
    ("UN Secretary-General Antonio Guterres condemned the attack in the strongest terms.",
     "condemnation", "UN Secretary-General Antonio Guterres", "UN Secretary-General Antonio Guterres", None),
    ("The African Union denounced the killing of civilians in Ituri.",
     "condemnation", "African Union", "African Union", None),
    ("Police arrested 11 people in connection with the shooting in Marseille.",
     "arrest", "Police", "Police", None),
    ("Eleven suspects were detained in Dagestan, the Federal Security Service said.",
     "arrest", "FSB", "Federal Security Service", None),
    ("Authorities imposed a curfew in Jos after the clashes, the state government said.",
     "security_measure", "state government", "state government", None),
    ("Security was tightened at airports and railway stations across the country.",
     "security_measure", None, None, None),
]


@pytest.mark.parametrize("text, kind, speaker, speaker_span, subject", STATEMENTS)
def test_statement_record(records_for, check_spans, text, kind, speaker, speaker_span, subject):
    ctx, records = records_for(text)
    (statement,) = _statements(records, kind)
    assert statement.extractor == EXTRACTOR and statement.article_id == ctx.article.id
    assert [span.text for span in statement.evidence] == [text]
    if speaker is None:
        assert statement.speaker is None
    else:
        assert (statement.speaker.name, statement.speaker.evidence[0].text) == (speaker, speaker_span)
    found_subject = (statement.subject.name, statement.subject.stance) if statement.subject else None
    assert found_subject == subject
    assert check_spans(text, statement) >= 1


@pytest.mark.parametrize(
    "text, kind",
    [
        ("No group has claimed responsibility for the attack.", "claim"),
        ("The attack has not yet been claimed by any group.", "claim"),
        ("Officials warned that the death toll could rise.", "warning"),
        ("The minister visited the wounded in hospital.", "condemnation"),
    ],
)
def test_no_statement_without_its_cue(records_for, text, kind):
    _ctx, records = records_for(text)
    assert _statements(records, kind) == []


def test_a_warning_precedes_the_incident_and_names_its_targets(records_for):
    text = ("The US embassy warned that extremists had imminent plans to target large gatherings in Moscow, "
            "including concerts. Two weeks later gunmen opened fire at a concert hall, killing 40 people.")
    _ctx, records = records_for(text)
    (warning,) = _statements(records, "warning")
    assert warning.precedes_incident and warning.about is None
    assert [span.text for span in warning.targets[0].evidence] == ["large gatherings", "concerts"]
    assert warning.targets[0].gtd == "Private Citizens & Property"


def test_other_statements_are_about_the_incident(records_for):
    text = ("Gunmen opened fire on worshippers at a church in Owo, killing 22 people. "
            "President Buhari condemned the attack. Police arrested 5 suspects on Sunday.")
    _ctx, records = records_for(text)
    (incident,) = [r for r in records if isinstance(r, IncidentRecord)]
    statements = _statements(records)
    assert [s.kind for s in statements] == ["condemnation", "arrest"]
    assert all(s.about == incident.record_id and not s.precedes_incident for s in statements)


def test_arrest_carries_its_figure_and_date(records_for):
    text = "A bomb killed 9 people at a market in Maiduguri. Police arrested 14 suspects on Sunday."
    _ctx, records = records_for(text, published="2024-03-25T10:00:00+01:00")
    (arrest,) = _statements(records, "arrest")
    assert [(f.category, f.best) for f in arrest.figures] == [("arrested", 14)]
    assert (arrest.date.value, arrest.date.evidence[0].text) == ("2024-03-24", "Sunday")


def test_one_warning_told_over_several_sentences_is_one_record(records_for):
    text = ("The embassy warned of a threat of attacks on shopping centres in Kampala. "
            "It advised citizens to avoid crowds. Police said nine people were hurt in a blast on Monday. "
            "Officials had issued a security alert for churches a week earlier.")
    _ctx, records = records_for(text)
    warnings = _statements(records, "warning")
    assert len(warnings) == 1
    assert len(warnings[0].evidence) == 3


def test_statements_carry_their_sentence_attribution(records_for):
    text = "Amaq news agency said ISWAP claimed responsibility for the attack on the base in Borno."
    _ctx, records = records_for(text, source="HumAngle")
    (claim,) = _statements(records, "claim")
    assert claim.attribution.display == "HumAngle ← Amaq"
    assert claim.subject.name == ISWAP


def test_speaker_stands_before_an_auxiliary(records_for):
    from eventwire.records import StatementRecord

    _ctx, records = records_for("Kenya has tightened security measures at border crossings after the raid.")
    (measure,) = [r for r in records if isinstance(r, StatementRecord) and r.kind == "security_measure"]
    assert measure.speaker.name == "Kenya"
