"""Event types: GTD attack types in GTD's hierarchy, ACLED event and sub-event types, most likely first."""

from __future__ import annotations

import pytest

from eventwire.extract import targets
from eventwire.extract.event_types import EXTRACTOR, classify_event_types
from eventwire.extract.incidents import Findings
from eventwire.extract.patterns.event_cues import GTD_HIERARCHY

pytestmark = pytest.mark.model

ARMED, BOMBING, KIDNAP = "Armed Assault", "Bombing/Explosion", "Hostage Taking (Kidnapping)"
BARRICADE, ASSASSINATION = "Hostage Taking (Barricade Incident)", "Assassination"
FACILITY = "Facility/Infrastructure Attack"
VAC, ERV, SD = "Violence against civilians", "Explosions/Remote violence", "Strategic developments"


@pytest.fixture(scope="module")
def classify(context_for):
    """text -> EventTypes, with the targets the ACLED rule reads (no locations needed)."""

    def run(text: str):
        ctx = context_for(text)
        found = Findings(figures=[], places=[], location=None, targets=targets.extract_targets(ctx))
        return ctx, classify_event_types(ctx, found)

    return run


# (text, GTD types in order, first ACLED (event type, sub-event type))
TYPES = [
    ("Gunmen opened fire on shoppers at a market in Bamako, killing 12 civilians.",
     (ARMED,), (VAC, "Attack")),
    ("A suicide bomber blew himself up at a mosque in Peshawar, killing 59 worshippers.",
     (BOMBING,), (ERV, "Suicide bomb")),
    ("A roadside bomb struck an army convoy in Kurram, killing five soldiers.",
     (BOMBING,), (ERV, "Remote explosive/landmine/IED")),
    ("An Israeli airstrike hit a house in Rafah, killing 7.", (BOMBING,), (ERV, "Air/drone strike")),
    ("Militants shelled the town with mortars, wounding 6.",
     (BOMBING,), (ERV, "Shelling/artillery/missile attack")),
    ("Attackers threw a grenade into a bar in Bujumbura.", (BOMBING,), (ERV, "Grenade")),
    # several GTD types: GTD's hierarchy orders them (kidnapping before armed assault ...)
    ("Gunmen stormed a school and abducted 30 students in Kaduna state.",
     (KIDNAP, ARMED), (VAC, "Abduction/forced disappearance")),
    ("Gunmen took 40 people hostage inside a hotel and held them during a 20-hour siege.",
     (KIDNAP, BARRICADE, ARMED), (VAC, "Abduction/forced disappearance")),
    # ... and assassination before everything
    ("The mayor of Celaya was shot dead outside her home. Police said gunmen fled.",
     (ASSASSINATION, ARMED), (VAC, "Attack")),
    ("Hijackers seized a passenger plane and diverted it to Kandahar.", ("Hijacking",), None),
    ("An angry mob lynched a man accused of theft in Lagos.",
     ("Unarmed Assault",), ("Riots", "Mob violence")),
    # battles: armed groups fighting armed forces; GTD codes an attack whose means are not given as Unknown
    ("Rebels clashed with government troops near Goma, leaving 20 fighters dead.",
     ("Unknown",), ("Battles", "Armed clash")),
    ("JNIM fighters attacked an army post near Djibo, killing 15 soldiers.",
     ("Unknown",), ("Battles", "Armed clash")),
    ("Gunmen ambushed a police patrol near Tillaberi and opened fire, killing 4 officers.",
     (ARMED,), ("Battles", "Armed clash")),
    ("Government forces recaptured the town of Palma from insurgents.",
     ("Unknown",), ("Battles", "Government regains territory")),
    ("Insurgents seized control of the town of Mocimboa da Praia.",
     ("Unknown",), ("Battles", "Non-state actor overtakes territory")),
    # demonstrations
    ("Thousands of people protested peacefully in Nairobi against the new tax law.",
     ("Unknown",), ("Protests", "Peaceful protest")),
    ("Police fired tear gas to disperse protesters in Dhaka.",
     ("Unknown",), ("Protests", "Protest with intervention")),
    ("Security forces opened fire on protesters with live ammunition in Khartoum, killing 9.",
     (ARMED,), ("Protests", "Excessive force against protesters")),
    ("Rioters threw stones at police and set fire to cars in Paris.",
     (FACILITY,), ("Riots", "Violent demonstration")),
    # strategic developments
    ("Security forces arrested 11 suspects in Dagestan in connection with the attack.",
     ("Unknown",), (SD, "Arrests")),
    ("Militants torched a church and burned down 20 houses in the village.",
     (FACILITY,), (SD, "Looting/property destruction")),
    ("Police defused an explosive device near the stadium in Bujumbura.",
     (BOMBING,), (SD, "Disrupted weapons use")),
    ("The government and the rebels signed a ceasefire agreement in Doha.", ("Unknown",), (SD, "Agreement")),
]


@pytest.mark.parametrize("text, gtd, acled", TYPES)
def test_event_types(classify, check_spans, text, gtd, acled):
    _ctx, types = classify(text)
    assert types.gtd == gtd
    first = (types.acled[0].event_type, types.acled[0].sub_event_type) if types.acled else None
    assert first == acled
    assert types.extractor == EXTRACTOR
    assert types.evidence, "the cue words that decided are the evidence"
    check_spans(text, types)


@pytest.mark.parametrize("text", [t[0] for t in TYPES])
def test_gtd_types_follow_the_gtd_hierarchy(classify, text):
    _ctx, types = classify(text)
    assert list(types.gtd) == sorted(types.gtd, key=GTD_HIERARCHY.index)


@pytest.mark.parametrize(
    "text, disorder",
    [
        ("Thousands of people protested peacefully in Nairobi.", "Demonstrations"),
        ("Gunmen opened fire on shoppers at a market in Bamako, killing 12 civilians.", "Political violence"),
        ("The government and the rebels signed a ceasefire agreement in Doha.", "Strategic developments"),
    ],
)
def test_acled_disorder_type(classify, text, disorder):
    _ctx, types = classify(text)
    assert types.acled[0].disorder_type == disorder


def test_warning_and_background_sentences_do_not_decide_the_type(classify):
    text = ("The embassy warned of imminent plans to bomb shopping malls. "
            "Gunmen opened fire on a bus in Kaduna, killing five passengers. "
            "Last year a car bomb killed 20 people in the same town.")
    _ctx, types = classify(text)
    assert types.gtd == (ARMED,)
    assert all("bomb" not in span.text for span in types.evidence)


def test_nothing_violent_gives_no_types(classify):
    _ctx, types = classify("The council met on Tuesday to discuss the new budget for schools.")
    assert types.gtd == () and types.acled == ()
