"""Actors: perpetrator groups by alias, their stance, and who says so."""

from __future__ import annotations

import pytest

from eventwire.extract.actors import EXTRACTOR, extract_actors, find_groups, normalise_group

pytestmark = pytest.mark.model

ISKP = "Khorasan Chapter of the Islamic State"
ISIL = "Islamic State of Iraq and the Levant (ISIL)"


@pytest.mark.parametrize(
    "alias, canonical",
    [
        ("ISIS-K", ISKP),
        ("ISKP", ISKP),
        ("IS-KP", ISKP),
        ("ISIS-Khorasan", ISKP),
        ("Islamic State Khorasan Province", ISKP),
        ("Islamic State Khorasan", ISKP),
        ("islamic state khorasan province", ISKP),
        ("Islamic State", ISIL),
        ("Daesh", ISIL),
        ("ISIS", ISIL),
        ("Pakistani Taliban", "Tehrik-i-Taliban Pakistan (TTP)"),
        ("Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan (TTP)"),
        ("Taliban", "Taliban"),
        ("al-Shabab", "Al-Shabaab"),
        ("Ansar Allah", "Houthi extremists (Ansar Allah)"),
        ("Naxalites", "Communist Party of India - Maoist (CPI-Maoist)"),
        ("Islamic State's West Africa Province", "Islamic State West Africa Province (ISWAP)"),
        ("Some Unlisted Brigade", "Some Unlisted Brigade"),
    ],
)
def test_aliases_normalise_to_one_group(alias, canonical):
    assert normalise_group(alias) == canonical


def test_longest_alias_wins_inside_a_sentence():
    text = "Officials blamed the Islamic State Khorasan Province, not the Islamic State in Syria."
    found = [(m.canonical, text[m.start:m.end]) for m in find_groups(text)]
    assert found == [(ISKP, "Islamic State Khorasan Province"), (ISIL, "Islamic State")]


@pytest.mark.parametrize(
    "text, groups",
    [
        # in an all-capitals text "IS" is a verb, not the Islamic State; longer acronyms still count
        ("GUNMEN ATTACKED A POLICE STATION IN NORTHERN MALI. IS CLAIMED RESPONSIBILITY.", []),
        ("THE ARMY SAID IS MILITANTS KILLED 5 PEOPLE.", []),
        ("ISWAP FIGHTERS ATTACKED THE BASE IN BORNO STATE.", ["Islamic State West Africa Province (ISWAP)"]),
        # in ordinary text the acronym is a group, matched case-sensitively
        ("IS claimed responsibility for the attack.", [ISIL]),
        ("The minister is in Kabul.", []),
    ],
)
def test_acronyms_by_case(text, groups):
    assert [m.canonical for m in find_groups(text)] == groups


# (sentence, group, stance, span text)
STANCES = [
    ("ISIS-K claimed responsibility for the attack on the mosque in Kunduz.", ISKP, "claimed", "ISIS-K"),
    ("ISKP claimed responsibility for the bombing in Kabul.", ISKP, "claimed", "ISKP"),
    ("The Islamic State Khorasan Province claimed responsibility for the suicide bombing.", ISKP, "claimed",
     "Islamic State Khorasan Province"),
    ("The attack was claimed by the Islamic State group via its Amaq news agency.", ISIL, "claimed",
     "Islamic State group"),
    ("Hamas said it had carried out the shooting in Jerusalem.", "Hamas (Islamic Resistance Movement)",
     "claimed", "Hamas"),
    ("The government blamed al-Shabaab for the bombing in Mogadishu.", "Al-Shabaab", "accused", "al-Shabaab"),
    ("Officials blamed Daesh for the attack on the checkpoint.", ISIL, "accused", "Daesh"),
    ("Police suspect Boko Haram of carrying out the attack on the village.", "Boko Haram", "suspected",
     "Boko Haram"),
    ("Officials said the attackers were believed to be members of ISWAP.",
     "Islamic State West Africa Province (ISWAP)", "suspected", "ISWAP"),
    ("The Taliban denied any involvement in the attack.", "Taliban", "denied", "Taliban"),
    ("The TTP distanced itself from the bombing in Peshawar.", "Tehrik-i-Taliban Pakistan (TTP)", "denied",
     "TTP"),
    ("JNIM fighters attacked an army post near Djibo, killing 15 soldiers.",
     "Jamaat Nusrat al-Islam wal Muslimin (JNIM)", "unknown", "JNIM"),
    ("Ukraine denied any involvement in the attack on the concert hall.", "Ukraine", "denied", "Ukraine"),
]


@pytest.mark.parametrize("sentence, group, stance, span_text", STANCES)
def test_group_stance(context_for, check_spans, sentence, group, stance, span_text):
    actors = extract_actors(context_for(sentence))
    actor = next(a for a in actors if a.name == group)
    assert (actor.role, actor.stance) == ("perpetrator", stance)
    assert actor.evidence[0].text == span_text
    assert actor.extractor == EXTRACTOR
    check_spans(sentence, actors)


def test_who_says_so_is_the_sentence_chain(context_for):
    text = "Officials said the attackers were believed to be members of ISWAP."
    (actor,) = extract_actors(context_for(text, source="Daily Trust"))
    assert actor.stated_by.display == "Daily Trust ← Officials"


@pytest.mark.parametrize(
    "sentence",
    [
        "US intelligence warned that ISIS-K had imminent plans to target large gatherings.",
        "The embassy warned of a possible terrorist attack by al-Shabaab in Nairobi.",
        "ISIS-Khorasan, an offshoot of ISIS, is active in Afghanistan and Pakistan.",
    ],
)
def test_a_group_named_only_in_a_warning_or_as_background_is_no_perpetrator(context_for, sentence):
    assert extract_actors(context_for(sentence)) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("No group has claimed responsibility for the bombing in Quetta.", []),
        ("No group claimed responsibility for the attack, which officials blamed on the TTP.",
         [("Tehrik-i-Taliban Pakistan (TTP)", "accused")]),
        ("The attack has not been claimed, but police suspect al-Shabaab.", [("Al-Shabaab", "suspected")]),
    ],
)
def test_negated_claims_are_not_claims(context_for, sentence, expected):
    named = [(a.name, a.stance) for a in extract_actors(context_for(sentence)) if a.kind != "unidentified"]
    assert named == expected


@pytest.mark.parametrize(
    "sentence, span_text",
    [
        ("Unidentified gunmen opened fire on worshippers, killing four.", "Unidentified gunmen"),
        ("Armed men attacked the village, killing 12.", "Armed men"),
        ("Four men in camouflage stormed the hall and opened fire.", "Four men in camouflage"),
    ],
)
def test_unnamed_attackers_are_one_unidentified_perpetrator(context_for, sentence, span_text):
    (actor,) = [a for a in extract_actors(context_for(sentence)) if a.role == "perpetrator"]
    assert (actor.name, actor.kind, actor.stance) == ("Unknown", "unidentified", "unknown")
    assert actor.evidence[0].text == span_text


def test_one_actor_per_group_with_the_strongest_stance_and_all_mentions(context_for):
    text = ("Police suspect ISWAP of the attack on the market in Maiduguri. "
            "On Sunday ISWAP claimed responsibility for the attack in a statement.")
    actors = extract_actors(context_for(text))
    (iswap,) = [a for a in actors if a.kind == "group"]
    assert iswap.stance == "claimed"
    assert [span.text for span in iswap.evidence] == ["ISWAP", "ISWAP"]


def test_named_groups_come_before_the_unidentified_attackers(context_for):
    text = "Gunmen opened fire on a bus, killing nine. Later the Baloch Liberation Army claimed the attack."
    actors = extract_actors(context_for(text))
    assert [a.name for a in actors] == ["Baloch Liberation Army (BLA)", "Unknown"]
    assert actors[0].stance == "claimed"


def test_only_the_claimant_takes_the_claim(context_for):
    text = ("Al-Shabaab claimed responsibility for the attack, which came a day after the army killed "
            "an ISIS commander.")
    stances = {a.name: a.stance for a in extract_actors(context_for(text))}
    assert stances["Al-Shabaab"] == "claimed"
    assert stances.get(ISIL) != "claimed"


# (text, descriptions kept as the unnamed perpetrator's evidence): wire-copy wording for attackers
# who are described, not named; a described group that was itself killed or caught is no perpetrator.
UNNAMED_DESCRIPTIONS = [
    ("URBAN GUERRILLAS TODAY MURDERED A PROVINCIAL JUDGE IN THE CAPITAL.", ["URBAN GUERRILLAS"]),
    ("Several hooded men set fire to the town hall overnight.", ["Several hooded men"]),
    ("A group of heavily armed individuals machine-gunned the bus.", ["A group of heavily armed individuals"]),
    ("Two men wearing military uniforms shot the mayor outside his office.", ["Two men wearing military uniforms"]),
    ("Hired assassins riding a motorcycle killed the union leader.", ["Hired assassins"]),
    ("The army said 19 guerrillas were killed in the clash.", []),
    ("The men ate lunch at the market before the rain.", []),
]


@pytest.mark.parametrize("text, descriptions", UNNAMED_DESCRIPTIONS)
def test_described_attackers_are_kept_in_their_own_words(context_for, text, descriptions):
    unnamed = [a for a in extract_actors(context_for(text)) if a.kind == "unidentified"]
    assert [span.text for actor in unnamed for span in actor.evidence] == descriptions


def test_a_description_beside_a_named_group_is_kept_too(context_for):
    text = "Suspected FMLN urban commandos dynamited the power line near the town."
    actors = extract_actors(context_for(text))
    assert [span.text for a in actors if a.kind == "unidentified" for span in a.evidence] == ["urban commandos"]


def test_a_claim_cut_at_a_line_end_is_still_a_claim(context_for):
    text = "THE POPULAR LIBERATION ARMY [EPL] TODAY\nCLAIMED RESPONSIBILITY FOR THE ATTACK ON THE BRIDGE."
    named = [(a.stance) for a in extract_actors(context_for(text)) if a.kind == "group"]
    assert named[:1] == ["claimed"]


# (text, victim phrases): who the text says was killed, hurt or kidnapped, in its own words.
VICTIMS = [
    ("Gunmen murdered Supreme Court Justice Ana Ruiz in her car.", ["Supreme Court Justice Ana Ruiz"]),
    ("Police condemned the assassination of three trade unionists, which shocked the city.",
     ["three trade unionists"]),
    ("Two peasants were killed and a teacher was wounded.", ["Two peasants", "a teacher"]),
    ("The blast killed four, police said.", []),
]


@pytest.mark.parametrize("text, phrases", VICTIMS)
def test_victims_are_the_people_harmed_in_the_texts_words(context_for, text, phrases):
    victims = [a for a in extract_actors(context_for(text)) if a.role == "victim"]
    assert [a.name for a in victims] == phrases
