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
    # stones thrown at people are GTD's unarmed assault, above the facility attack in its hierarchy
    ("Rioters threw stones at police and set fire to cars in Paris.",
     ("Unarmed Assault", FACILITY), ("Riots", "Violent demonstration")),
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


# ACLED's codebook rules, each with invented notes: (text, first ACLED (event type, sub-event type))
ACLED_RULES = [
    # burning barricades and tyres make a demonstration violent
    ("On 1 May, about 70 people blocked roads with burning objects to protest the closure of a bank. [size=about 70]",
     ("Riots", "Violent demonstration")),
    ("On 8 May, hundreds of traders lit tyres and blocked the road near the market in protest. [size=hundreds]",
     ("Riots", "Violent demonstration")),
    # "engaged" decides a battle only when it is an armed engagement, not "workers engaged in mining"
    ("On 30 April, the army engaged in a fire fight with separatists in Bafut town.", ("Battles", "Armed clash")),
    ("On 9 May, contract workers engaged in mining staged a protest in Dhanbad demanding unpaid wages.",
     ("Protests", "Peaceful protest")),
    # heavy machine-gun calibres fired at an area are remote violence
    ("On 7 May, rebel forces fired 12.7mm and 14.5mm machine guns at farms east of the town.",
     (ERV, "Shelling/artillery/missile attack")),
    # a place retaken, named right after the verb, however the verb is hyphenated
    ("On 4 May, the army re-captured Mocimboa (Cabo Delgado) after insurgents had held it for a week.",
     ("Battles", "Government regains territory")),
    # returning fire at a hyphenated side is still two sides firing
    ("On 2 May, government troops responded to pro-rebel fire near Qaatabah with no report of casualties.",
     ("Battles", "Armed clash")),
    # both sides firing is a battle even with heavy weapons; heavy weapons alone are shelling
    ("Rebels fired mortars at an army post near Kidal and the soldiers returned fire.",
     ("Battles", "Armed clash")),
    ("Militia forces fired heavy machine guns and grenade launchers at army positions near Sirte.",
     (ERV, "Shelling/artillery/missile attack")),
    ("The air force targeted a rebel fuel truck on the outskirts of Gao.", (ERV, "Air/drone strike")),
    # a demonstration: the words for gathering and demanding, and what changed it
    ("Nurses gathered in front of the ministry in Lima to demand unpaid wages.", ("Protests", "Peaceful protest")),
    ("Taxi drivers blocked the main road into Mombasa to protest against new fees.",
     ("Protests", "Peaceful protest")),
    ("Workers held a protest in Tunis against plans to privatize the port.", ("Protests", "Peaceful protest")),
    ("Traders staged a sit-in at the market in Accra; police dispersed the crowd with batons.",
     ("Protests", "Protest with intervention")),
    ("Students protested in Dhaka and threw stones at police, who fired tear gas.",
     ("Riots", "Violent demonstration")),
    # a crowd's violence without a demonstration, and clashes between unarmed groups
    ("Youths hurled Molotov cocktails at a police vehicle near the border crossing.", ("Riots", "Mob violence")),
    ("Two rival groups of villagers clashed over a land dispute near Jos, injuring four.",
     ("Riots", "Mob violence")),
    # strategic developments: only where nothing violent happened
    ("Movement of forces: A military convoy of 30 vehicles entered the province via the border crossing.",
     (SD, "Change to group/activity")),
    ("Soldiers conducted a patrol in the villages north of the river.", (SD, "Change to group/activity")),
    ("Unknown individuals set fire to a warehouse in the industrial zone overnight.",
     (SD, "Looting/property destruction")),
    ("Police seized a cache of weapons and ammunition in a house in Bamenda.", (SD, "Disrupted weapons use")),
    ("The militia established a new base in the abandoned school near the airport.",
     (SD, "Headquarters or base established")),
    ("Government troops thwarted an attack by insurgents on the town, killing several of them.",
     ("Battles", "Armed clash")),
    ("Police raided a hideout, killed two gunmen and arrested five in a shootout.",
     ("Battles", "Armed clash")),
]


@pytest.mark.parametrize("text, acled", ACLED_RULES)
def test_acled_codebook_rules(classify, check_spans, text, acled):
    _ctx, types = classify(text)
    assert (types.acled[0].event_type, types.acled[0].sub_event_type) == acled
    assert types.evidence
    check_spans(text, types)


def test_acled_crowd_size_tag_makes_a_fight_mob_violence(classify):
    text = "Five men beat a suspected thief with sticks at a bus stop in Kisumu. [size=no report]"
    _ctx, types = classify(text)
    assert (types.acled[0].event_type, types.acled[0].sub_event_type) == ("Riots", "Mob violence")


def test_warning_shots_and_protested_plans_are_not_hypothetical(classify):
    _ctx, types = classify("Residents protested against plans to build a dam. Police fired warning shots.")
    assert types.acled and types.acled[0].event_type == "Protests"


# GTD's coding where the text names no means, and its assassination and hijacking rules:
# (text, first GTD type)
GTD_RULES = [
    # no means named: people and property attacked is an Armed Assault; armed forces attacked is Unknown
    ("Attackers raided a farming village near Jos and killed seven villagers.", ARMED),
    ("Assailants attacked a shop in Maiduguri. Two traders were killed.", ARMED),
    ("Assailants attacked an army outpost near Mopti. Four soldiers were killed in the ensuing clash.",
     "Unknown"),
    ("Fighters attacked a police checkpoint outside Kunduz; two officers were injured.", "Unknown"),
    # journalists attacked by means not given were beaten
    ("Unknown men attacked a radio journalist outside his home in Lagos. He was injured.", "Unarmed Assault"),
    # a prominent person singled out, by role or by name
    ("Gunmen shot and killed a district councillor in Kandahar.", ASSASSINATION),
    ("Assailants opened fire on Joseph Mbeki Osei, a village chief, in Tamale.", ASSASSINATION),
    ("Two men shot dead Karim Haddad near his home in Tripoli.", ASSASSINATION),
    ("Assailants opened fire on Ana Lopez in Cali. Lopez, a local party leader, was wounded.", ASSASSINATION),
    # rank and file and private trades are not singled out
    ("Gunmen shot and killed two police officers at a checkpoint in Peshawar.", ARMED),
    ("Assailants shot and killed a farmer in his field near Makurdi.", ARMED),
    ("Gunmen opened fire on the National Army soldiers in Arauca, killing one.", ARMED),
    # taking control of a vehicle is a hijacking; a vehicle driven at people an unarmed assault
    ("Armed men seized two trucks carrying food aid on the road to Bossangoa.", "Hijacking"),
    ("A man drove his car into a crowd of pedestrians in Toronto, injuring eight.", "Unarmed Assault"),
    ("Arsonists set fire to a telecom mast in Birmingham overnight.", FACILITY),
]

# GTD's codebook rules on the rarer types and on which means decide:
# (text, first GTD type)
GTD_CODEBOOK_RULES = [
    # a bomb aimed at a prominent person, a guarded person or an elder is an assassination
    ("A roadside bomb detonated targeting a senior army colonel near Aden. Two soldiers were hurt.", ASSASSINATION),
    ("An explosive device went off beside a convoy in Jalalabad, killing three bodyguards.", ASSASSINATION),
    ("A remote-controlled bomb killed a tribal elder in Bajaur on Sunday.", ASSASSINATION),
    # a building named for its holder is property, not the person
    ("Rebels fired mortar shells targeting the governor's office in Kandahar.", BOMBING),
    # victims held at the scene (tied up, tortured) make a barricade incident; beheaded ones a kidnapping
    ("Gunmen stormed a farmhouse near Popayan. The family was tied up before being shot.", BARRICADE),
    ("Militants beheaded three villagers near Mocimboa da Praia.", KIDNAP),
    # taking vehicles is a hijacking; intercepting a vehicle bomb is not
    ("Gunmen stole two pickup trucks from an aid compound in Kaga Bandoro.", "Hijacking"),
    ("Security forces intercepted an explosives-laden boat off Hodeidah.", BOMBING),
    ("Gunmen intercepted a pickup truck on the road to Gao and shot two traders dead.", ARMED),
    # bodyguards said to be absent single no one out
    ("Gunmen kidnapped a senator who had left home without any bodyguards.", KIDNAP),
    # the defenders' fire is not the means of the attack
    ("A man drove his car towards soldiers at a checkpoint near Hebron. Soldiers opened fire, killing him.",
     "Unarmed Assault"),
    ("A man attempted to stab two police officers outside the parliament.", ARMED),
    # fire is an armed assault's means: people beaten while their trucks burn suffered one
    ("Attackers assaulted three truck drivers and set fire to their trucks near Dantewada.", ARMED),
    # a petrol bomb is a fire thrown, not an explosive
    ("Youths threw petrol bombs at the town hall in Thessaloniki overnight.", FACILITY),
    # power lines attacked by means not given; a village attacked and burned with no word of harm
    ("Assailants attacked an electricity pylon near Kirkuk. No casualties were reported.", FACILITY),
    ("Assailants attacked a village near Beni and set several houses on fire.", ARMED),
    # grenades or mortars used with firearms belong to the armed assault; a planted bomb does not
    ("Gunmen opened fire and threw grenades at a police post in Yala, wounding two officers.", ARMED),
    ("Gunmen planted a bomb at a police post in Yala and opened fire on the officers who came.", BOMBING),
    ("Rebels attacked a checkpoint with a drone near Taloqan.", BOMBING),
]


@pytest.mark.parametrize("text, gtd", GTD_CODEBOOK_RULES)
def test_gtd_codebook_rules_for_rare_types_and_mixed_means(classify, check_spans, text, gtd):
    _ctx, types = classify(text)
    assert types.gtd[0] == gtd
    assert types.evidence, "the words that decided are the evidence"
    check_spans(text, types)


@pytest.mark.parametrize("text, gtd", GTD_RULES)
def test_gtd_rules_for_means_victims_and_vehicles(classify, check_spans, text, gtd):
    _ctx, types = classify(text)
    assert types.gtd[0] == gtd
    assert types.evidence, "the words that decided are the evidence"
    check_spans(text, types)


@pytest.fixture(scope="module")
def classify_with_weapons(context_for):
    """text -> (EventTypes, weapons after the GTD type fitted them)."""
    from eventwire.extract import figures, weapons

    def run(text: str):
        ctx = context_for(text)
        found = Findings(figures=figures.extract_figures(ctx), places=[], location=None,
                         targets=targets.extract_targets(ctx), weapons=weapons.extract_weapons(ctx))
        types = classify_event_types(ctx, found)
        return types, weapons.fit_to_attack_type(found.weapons, types)

    return run


@pytest.mark.parametrize(
    "text, gtd_weapon, implied",
    [
        # an armed assault or kidnapping with no weapon named: GTD codes firearms
        ("Attackers raided a farming village near Jos and killed seven villagers.", "Firearms", True),
        ("Assailants abducted four aid workers on the road to Bama.", "Firearms", True),
        # a named weapon stays, and the one of the attack type comes first
        ("Gunmen planted a bomb and opened fire at a bar in Goma, killing three.", "Explosives", False),
        ("Assailants hacked two farmers to death with machetes near Makurdi.", "Melee", False),
        # no type, no weapon: an attack on armed forces by unknown means
        ("Assailants attacked an army outpost near Mopti. Four soldiers were killed.", None, None),
    ],
)
def test_gtd_weapon_follows_the_attack_type(classify_with_weapons, text, gtd_weapon, implied):
    _types, found_weapons = classify_with_weapons(text)
    if gtd_weapon is None:
        assert found_weapons == []
        return
    assert found_weapons[0].gtd == gtd_weapon
    assert found_weapons[0].implied is implied
    assert found_weapons[0].evidence and all(text[s.start:s.end] == s.text for s in found_weapons[0].evidence)


def test_a_fire_set_where_people_were_killed_is_an_armed_assault(classify_with_weapons):
    types, _weapons = classify_with_weapons(
        "Assailants set fire to houses in a village near Beni. Nine villagers were killed.")
    assert types.gtd == (ARMED, FACILITY)
