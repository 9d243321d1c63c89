"""Weapons: the means of attack, as GTD weapon types and subtypes, with every mention as evidence."""

from __future__ import annotations

import pytest

from eventwire.extract.weapons import EXTRACTOR, extract_weapons

pytestmark = pytest.mark.model

VEHICLE = "Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)"

# (sentence, [(kind, GTD weaptype, GTD subtype, [span texts])] most mentioned first)
WEAPONS = [
    ("Gunmen armed with AK-47 rifles stormed the hotel in Mogadishu.",
     [("firearms", "Firearms", "Automatic or semi-automatic rifle", ["AK-47", "rifles", "Gunmen"])]),
    ("A suicide bomber detonated his vest at a mosque in Peshawar, killing 59 worshippers.",
     [("explosives", "Explosives", "Suicide (carried bodily by human being)",
       ["suicide bomber", "detonated his vest"])]),
    ("A car bomb exploded near a police checkpoint in Baghdad.",
     [("explosives", "Explosives", "Vehicle", ["car bomb", "exploded"])]),
    ("An IED hit an army convoy in Kurram, killing five soldiers.",
     [("explosives", "Explosives", "Unknown Explosive Type", ["IED"])]),
    ("Police said a landmine killed two farmers near the border with Myanmar.",
     [("explosives", "Explosives", "Landmine", ["landmine"])]),
    ("Rebels fired mortars at a school in Goma, wounding six students.",
     [("explosives", "Explosives", "Projectile (rockets, mortars, RPGs, etc.)", ["mortars"])]),
    ("A drone struck a military base near Erbil.",
     [("drone", "Explosives", "Unmanned aerial vehicle", ["drone"])]),
    ("Attackers threw a hand grenade and set the concert hall on fire.",
     [("grenade", "Explosives", "Grenade", ["hand grenade"]),
      ("incendiary", "Incendiary", "Arson/Fire", ["set the concert hall on fire"])]),
    ("Militants torched a church and burned down 20 houses in the village.",
     [("incendiary", "Incendiary", "Arson/Fire", ["torched", "burned down"])]),
    ("Youths threw petrol bombs at the police station in Derry.",
     [("incendiary", "Incendiary", "Arson/Fire", ["petrol bombs"])]),
    ("A man stabbed three people with a knife at a bus station in Marseille.",
     [("melee", "Melee", "Knife or Other Sharp Object", ["stabbed", "knife"])]),
    ("Assailants hacked four villagers to death with machetes.",
     [("melee", "Melee", "Knife or Other Sharp Object", ["hacked", "machetes"])]),
    ("A truck rammed into a crowd of shoppers at a Christmas market.",
     [("vehicle", VEHICLE, None, ["rammed"])]),
    ("Gunmen shot dead a journalist outside his home in Veracruz.",
     [("firearms", "Firearms", None, ["Gunmen", "shot dead"])]),
    ("Kidnappers seized 30 passengers from a bus on the highway.", []),
    ("Assailants armed with firearms shot and wounded a trader in Kano.",
     [("firearms", "Firearms", None, ["firearms", "shot and wounded"])]),
    ("Attackers armed with sharp objects beheaded two men near Palma.",
     [("melee", "Melee", "Knife or Other Sharp Object", ["sharp objects", "beheaded"])]),
    ("The victim was strangled in his shop in Lahore.",
     [("melee", "Melee", "Blunt Object", ["strangled"])]),
    # an agency's name is not an intelligence warning
    ("Gunmen opened fire on National Intelligence Agency officers in Mogadishu.",
     [("firearms", "Firearms", None, ["Gunmen", "opened fire"])]),
]


@pytest.mark.parametrize("sentence, expected", WEAPONS)
def test_weapons_named_in_a_sentence(context_for, check_spans, sentence, expected):
    weapons = extract_weapons(context_for(sentence))
    found = [(w.kind, w.gtd, w.subtype, [span.text for span in w.evidence]) for w in weapons]
    assert found == expected
    assert all(w.extractor == EXTRACTOR for w in weapons)
    check_spans(sentence, weapons)


@pytest.mark.parametrize(
    "text",
    [
        "The embassy warned of a threat of bombings and shootings at shopping malls in Nairobi.",
        "Intelligence services said the group could use drones or car bombs.",
    ],
)
def test_weapons_in_warnings_are_not_the_incidents(context_for, text):
    assert extract_weapons(context_for(text)) == []


def test_most_mentioned_weapon_comes_first(context_for):
    text = ("A grenade was thrown into the bar in Bujumbura. Then gunmen opened fire on the crowd. "
            "Witnesses heard gunfire for ten minutes.")
    weapons = extract_weapons(context_for(text))
    assert [w.kind for w in weapons] == ["firearms", "grenade"]
    assert [s.text for s in weapons[0].evidence] == ["gunmen", "opened fire", "gunfire"]
