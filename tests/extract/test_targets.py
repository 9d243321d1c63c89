"""Targets: who or what was attacked, as GTD target types, read only from sentences about the attack."""

from __future__ import annotations

import pytest

from eventwire.extract.targets import EXTRACTOR, extract_targets

pytestmark = pytest.mark.model

# (sentence, [(label, GTD targtype, [span texts])]): the attack's object first, then the most mentioned;
# students and markets are Private Citizens & Property in GTD's codebook, a highway is where, not what
TARGETS = [
    ("Gunmen stormed a hotel in Mogadishu and opened fire on guests.",
     [("business", "Business", ["hotel"])]),
    ("A suicide bomber blew himself up at a mosque in Peshawar, killing 59 worshippers.",
     [("religious", "Religious Figures/Institutions", ["mosque", "worshippers"])]),
    ("A car bomb exploded near a police checkpoint in Baghdad.",
     [("police", "Police", ["police checkpoint"])]),
    ("An IED hit an army convoy in Kurram, killing five soldiers.",
     [("military", "Military", ["army", "convoy", "soldiers"])]),
    ("Rebels fired mortars at a school in Goma, wounding six students.",
     [("educational", "Educational Institution", ["school"]),
      ("civilians", "Private Citizens & Property", ["students"])]),
    ("Gunmen shot dead a journalist outside his home in Veracruz.",
     [("journalists", "Journalists & Media", ["journalist"]),
      ("civilians", "Private Citizens & Property", ["home"])]),
    ("Gunmen attacked a polling station, killing an election official.",
     [("government", "Government (General)", ["polling station", "election", "official"])]),
    ("Kidnappers seized 30 passengers from a bus on the highway near Kaduna.",
     [("transportation", "Transportation", ["passengers", "bus"])]),
    ("Militants attacked the telecom mast and a power station in Balochistan.",
     [("telecommunication", "Telecommunication", ["telecom"]),
      ("utilities", "Utilities", ["power station"])]),
    ("Gunmen opened fire on the crowd of concert-goers at the music venue.",
     [("civilians", "Private Citizens & Property", ["crowd", "concert-goers"]),
      ("business", "Business", ["music venue"])]),
    ("Assailants hacked four villagers to death with machetes.",
     [("civilians", "Private Citizens & Property", ["villagers"])]),
    ("A truck rammed into a crowd of shoppers at a Christmas market.",
     [("civilians", "Private Citizens & Property", ["crowd", "shoppers", "market"])]),
    ("Two aid workers were abducted by gunmen in North Darfur.",
     [("ngo", "NGO", ["aid workers"])]),
    ("A rocket hit the embassy compound in Baghdad.",
     [("diplomatic", "Government (Diplomatic)", ["embassy"])]),
    # air bases and the ranks of officers are military; sarpanches and district centres government
    ("Rockets were fired at an air base near Balad.",
     [("military", "Military", ["air base"])]),
    ("Gunmen attacked the district centre of Khwaja Ghar and burned it.",
     [("government", "Government (General)", ["district centre"])]),
    # militias allied with a government are non-state militia, not its military
    ("A roadside bomb hit a Syrian Democratic Forces patrol near Hasakah.",
     [("militia", "Terrorists/Non-State Militia", ["Syrian Democratic Forces"])]),
]

# The attack's object decides the first type, with two refinements:
# (text, first label, first evidence)
FIRST_TARGET = [
    # fighters of an armed group and a numbered army unit are armed targets
    ("On 8 May, IS snipers shot and killed a TMF fighter near the Diyala river.", "militia", "TMF"),
    ("Gunmen opened fire on a patrol of the 4th Brigade near Daraa.", "military", "4th Brigade"),
    # "people, including X": the listed victim's role is the target
    ("Assailants shot and killed two people, including an intelligence official, in Kabul.",
     "government", "official"),
    # "security" words say only that someone armed held the post: the casualties say who
    ("Assailants attacked a security outpost in Ghazni. Three police officers were killed.",
     "police", "police officers"),
    ("Assailants attacked a security outpost in Ghazni. Three soldiers were killed.",
     "military", "security outpost"),
    # a named town (its region follows) is private property, whoever defended it
    ("Assailants attacked Kilima, North Kivu, Congo. Two soldiers were killed in the ensuing clash.",
     "civilians", "Kilima"),
    # a named victim's role given elsewhere
    ("Gunmen shot dead Ahmed Nur in Bijapur. Nur, a deputy sarpanch, died at the scene.",
     "government", "sarpanch"),
]


@pytest.mark.parametrize("text, label, evidence", FIRST_TARGET)
def test_the_first_target_is_the_attacked_role(context_for, text, label, evidence):
    first = extract_targets(context_for(text))[0]
    assert (first.label, first.evidence[0].text) == (label, evidence)


@pytest.mark.parametrize("sentence, expected", TARGETS)
def test_targets_named_in_an_attack_sentence(context_for, check_spans, sentence, expected):
    targets = extract_targets(context_for(sentence))
    assert [(t.label, t.gtd, [span.text for span in t.evidence]) for t in targets] == expected
    assert all(t.extractor == EXTRACTOR for t in targets)
    check_spans(sentence, targets)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia tightened security at airports and railway stations.",
        "The embassy warned of a threat to shopping malls and churches.",
        "The school reopened after the holidays, and pupils returned to class.",
    ],
)
def test_sentences_that_describe_no_attack_name_no_target(context_for, sentence):
    assert extract_targets(context_for(sentence)) == []


@pytest.mark.parametrize(
    "sentence, attacker, target",
    [
        # the attackers are not the target ...
        ("Militants torched a church in the village.", "militia", "religious"),
        ("Soldiers killed 20 militants near the border.", "military", "militia"),
        # ... nor is the sentence's source
        ("Police said a landmine killed two farmers near the border.", "police", "civilians"),
    ],
)
def test_the_attackers_and_the_source_are_not_targets(context_for, sentence, attacker, target):
    labels = [t.label for t in extract_targets(context_for(sentence))]
    assert target in labels and attacker not in labels


def test_a_place_in_a_prepositional_phrase_stays_a_target(context_for):
    """"A blast at a police station killed five": the station is the target, not the agent."""
    ctx = context_for("A blast at a police station killed five officers.")
    labels = [t.label for t in extract_targets(ctx)]
    assert labels[0] == "police"


# (text, GTD type of the first target): the attack's object comes first, not the first typed word.
ATTACK_OBJECTS = [
    # the responders named first are not the target
    ("Security forces repelled gunmen who opened fire on farmers near Maiduguri.", "Private Citizens & Property"),
    # the owner of the vehicle is the target; the role given later decides a named owner
    ("A bomb attached to the vehicle of a provincial governor exploded in Ghazni.", "Government (General)"),
    ("Gunmen opened fire on the car of Ali Musa in Basra. Musa, a district council member, survived the attack.",
     "Government (General)"),
    # a bare vehicle: who was in it decides
    ("A roadside bomb hit a car in Afrin. Three police officers were killed.", "Police"),
    # a named town is a civilian target (GTD's Village/City/Town)
    ("Rebels shelled Kadugli, South Kordofan, overnight.", "Private Citizens & Property"),
    # prisons are Police, markets Private Citizens & Property, hospitals Business (GTD codebook)
    ("Insurgents stormed the central prison in Jalalabad, killing four guards.", "Police"),
    ("A grenade was thrown into a crowded market in Bunia, wounding nine.", "Private Citizens & Property"),
    ("Gunmen attacked a hospital in Tillaberi and killed two nurses.", "Business"),
    ("An explosive device detonated against a military patrol vehicle near Tikrit.", "Military"),
]


@pytest.mark.parametrize("text, gtd", ATTACK_OBJECTS)
def test_first_target_is_the_object_of_the_attack(context_for, check_spans, text, gtd):
    targets = extract_targets(context_for(text))
    assert targets and targets[0].gtd == gtd
    check_spans(text, targets)


@pytest.mark.parametrize(
    "text",
    [
        "Security forces discovered and defused a bomb near a police station in Quetta.",
        "An explosive device detonated in Kandahar city. No one was hurt.",
    ],
)
def test_defused_bombs_and_bare_places_name_no_target(context_for, text):
    assert [t.gtd for t in extract_targets(context_for(text))] in ([], ["Private Citizens & Property"])
    if "defused" in text:
        assert extract_targets(context_for(text)) == []
