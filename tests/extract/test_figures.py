"""Figures: counts of killed, injured, missing, kidnapped, arrested, displaced, responders, attackers.

Each row is a sentence of our own, the figure it must give (category, low/best/high, qualifier),
the quantity's span text and the span of the whole phrase: the evidence a coder would highlight.
"""

from __future__ import annotations

import pytest

from eventwire.extract.figures import EXTRACTOR, extract_figures

pytestmark = pytest.mark.model


def _figure(figures, category, quantity_text):
    matches = [f for f in figures if f.category == category and f.evidence[0].text == quantity_text]
    found = [(f.category, f.evidence[0].text) for f in figures]
    assert matches, f"no {category} figure on {quantity_text!r} in {found}"
    return matches[0]


# (sentence, category, low, best, high, qualifier, quantity span, phrase span)
FIGURES = [
    # two plural nouns for one counted group
    ("At least 13 soldiers and fighters were killed near Salamiyah.",
     "killed", 13, 13, None, "at least", "At least 13", "At least 13 soldiers and fighters were killed"),
    # "reported" between the verb and the outcome
    ("On 6 May 2020, 12 soldiers were reported killed in clashes near Marib.",
     "killed", 12, 12, 12, None, "12", "12 soldiers were reported killed"),
    # a coder's closing count in the singular
    ("On 1 May 2020, a man's burned body was found by a road near Leon. 1 fatality.",
     "killed", 1, 1, 1, None, "1", "1 fatality"),
    ("On 3 May 2020, a guard was hurt when rioters stormed a depot in Kano. 1 injury.",
     "injured", 1, 1, 1, None, "1", "1 injury"),
    # coder summaries and ACLED-style notes, digits
    ("01/05/2021: Assailants opened fire on a minibus near Kaduna, killing 3 and wounding 2.",
     "killed", 3, 3, 3, None, "3", "killing 3"),
    ("01/05/2021: Assailants opened fire on a minibus near Kaduna, killing 3 and wounding 2.",
     "injured", 2, 2, 2, None, "2", "wounding 2"),
    ("On 1 May 2020, unidentified gunmen attacked a village in Ituri province, killing forty civilians.",
     "killed", 40, 40, 40, None, "forty", "killing forty civilians"),
    ("On 14 June 2022, militants ambushed a convoy near Djibo (Burkina Faso), killing 11 soldiers.",
     "killed", 11, 11, 11, None, "11", "killing 11 soldiers"),
    # wire copy: number words, "a dozen", hyphenated words
    ("A dozen soldiers were killed in the ambush in northern Mali, the army said.",
     "killed", 12, 12, 12, None, "A dozen", "A dozen soldiers were killed"),
    ("Fifty-two people were killed in the attack on the mosque in Peshawar.",
     "killed", 52, 52, 52, None, "Fifty-two", "Fifty-two people were killed"),
    ("Three policemen were shot dead at a checkpoint in Quetta.",
     "killed", 3, 3, 3, None, "Three", "Three policemen were shot dead"),
    ("Seven Fulani herders were hacked to death in Plateau State.",
     "killed", 7, 7, 7, None, "Seven", "Seven Fulani herders were hacked to death"),
    ("The bomb killed at least 12 people and injured 30 others at a market in Mogadishu.",
     "injured", 30, 30, 30, None, "30", "injured 30 others"),
    ("Nine people were taken to hospital with burns after the petrol bomb attack in Belfast.",
     "injured", 9, 9, 9, None, "Nine", "Nine people were taken to hospital"),
    # vague quantities
    ("Dozens of people were wounded in the blast in Kabul.",
     "injured", 12, 12, 99, "dozens", "Dozens", "Dozens of people were wounded"),
    ("The explosion killed nine and injured dozens in Quetta.",
     "injured", 12, 12, 99, "dozens", "dozens", "injured dozens"),
    ("Scores of villagers were abducted by bandits in Zamfara state.",
     "kidnapped", 40, 40, 99, "scores", "Scores", "Scores of villagers were abducted"),
    ("Hundreds of families were displaced by the fighting in Cabo Delgado.",
     "displaced", 100, 100, 999, "hundreds", "Hundreds", "Hundreds of families were displaced"),
    ("Several people were injured when the grenade exploded in Bujumbura.",
     "injured", 3, 3, 9, "several", "Several", "Several people were injured"),
    ("A handful of protesters were detained by police in Tbilisi.",
     "arrested", 3, 3, 9, "a handful", "A handful", "A handful of protesters were detained"),
    # ranges
    ("Between 40 and 60 people were killed in the raid, officials said.",
     "killed", 40, 40, 60, "range", "Between 40 and 60", "Between 40 and 60 people were killed"),
    ("Police said 15-20 people were injured in the stampede that followed the blast.",
     "injured", 15, 15, 20, "range", "15-20", "15-20 people were injured"),
    ("Residents said 40 to 60 villagers were killed in the massacre in Ituri.",
     "killed", 40, 40, 60, "range", "40 to 60", "40 to 60 villagers were killed"),
    # qualifiers
    ("At least 103 people were killed and 141 wounded in two explosions in Kerman.",
     "killed", 103, 103, None, "at least", "At least 103", "At least 103 people were killed"),
    ("At least 103 people were killed and 141 wounded in two explosions in Kerman.",
     "injured", 141, 141, 141, None, "141", "141 wounded"),
    ("More than 1,200 people have been displaced by the clashes in Darfur.",
     "displaced", 1200, 1200, None, "more than", "More than 1,200",
     "More than 1,200 people have been displaced"),
    ("Up to 30 people were missing after the attack on the ferry.",
     "missing", None, 30, 30, "up to", "Up to 30", "Up to 30 people were missing"),
    ("Nearly 50 people died in the bombing of the bus station.",
     "killed", None, 50, 50, "nearly", "Nearly 50", "Nearly 50 people died"),
    ("About 200 protesters were arrested in the capital, Dhaka.",
     "arrested", None, 200, None, "about", "About 200", "About 200 protesters were arrested"),
    # the other categories
    ("Gunmen kidnapped 12 students from a school in Kebbi.",
     "kidnapped", 12, 12, 12, None, "12", "kidnapped 12 students"),
    ("The attackers took 20 passengers hostage on the highway near Kaduna.",
     "kidnapped", 20, 20, 20, None, "20", "took 20 passengers hostage"),
    ("Police detained 25 suspects after the riot in Nairobi.",
     "arrested", 25, 25, 25, None, "25", "detained 25 suspects"),
    ("Authorities said 60 people remain unaccounted for after the attack.",
     "missing", 60, 60, 60, None, "60", "60 people remain unaccounted for"),
    ("Some 3,000 residents fled their homes after the raid on Kamenge.",
     "displaced", None, 3000, None, "some", "Some 3,000", "Some 3,000 residents fled their homes"),
    ("Over 50 ambulance crews were dispatched to the scene, the health department said.",
     "responders", 50, 50, None, "over", "Over 50", "Over 50 ambulance crews were dispatched to"),
    ("Approximately 150 people were evacuated from the shopping centre.",
     "evacuated", None, 150, None, "approximately", "Approximately 150",
     "Approximately 150 people were evacuated"),
    ("The blast left 5 dead and 12 injured in the market.",
     "killed", 5, 5, 5, None, "5", "5 dead"),
    ("The death toll rose to 93 on Saturday, the Investigative Committee said.",
     "killed", 93, 93, 93, None, "93", "death toll rose to 93"),
    # perpetrators' own deaths are kept apart from the victims'
    ("Two of the attackers were killed by security forces.",
     "perpetrators_killed", 2, 2, 2, None, "Two", "Two of the attackers were killed"),
    ("At least 20 rebels were killed and 15 soldiers wounded in the fighting near Goma.",
     "perpetrators_killed", 20, 20, None, "at least", "At least 20", "At least 20 rebels were killed"),
    ("The two suicide bombers died in the explosion.",
     "perpetrators_killed", 2, 2, 2, None, "two", "two suicide bombers died"),
]


@pytest.mark.parametrize(("sentence", "category", "span"), [
    ("On 6 May 2020, fighting on the frontline resulted in the death of the commander of a rebel brigade.",
     "killed", "death of the commander"),
    ("On 8 May 2020, the body of an unidentified man was found by police in a forest near Manaus.",
     "killed", "the body of an unidentified man"),
    ("A soldier was injured by the blast near Hakkari and later died of his injuries.",
     "killed", "and later died of his injuries"),
    ("A suicide bomber struck a checkpoint. Aside from the death of the assailant, three officers were hurt.",
     "perpetrators_killed", "death of the assailant"),
])
def test_one_death_told_without_a_number(context_for, sentence, category, span):
    figure = _figure(extract_figures(context_for(sentence)), category, span)
    assert (figure.low, figure.best, figure.high) == (1, 1, 1) and "singular" in figure.flags


@pytest.mark.parametrize(("text", "killed"), [
    ("Gunmen abducted four boys near Kohat. The boys were killed shortly thereafter.", 4),
    ("Militants kidnapped two police officers in Laman. The police officers were shot and killed a short time later.",
     2),
])
def test_people_numbered_before_keep_their_number(context_for, text, killed):
    figures = [f for f in extract_figures(context_for(text)) if f.category == "killed"]
    assert figures and figures[0].best == killed and "back_reference" in figures[0].flags


@pytest.mark.parametrize(("text", "category"), [
    ("Gunmen shot and injured the head of the local journalists' union in Maymana.", "injured"),
    ("Assailants opened fire and wounded a shopkeeper outside his home in Quetta.", "injured"),
    ("Gunmen shot and killed the head of a district council in Afgooye.", "killed"),
])
def test_one_person_shot_is_one(context_for, text, category):
    figures = [f for f in extract_figures(context_for(text)) if f.category == category]
    assert figures and figures[0].best == 1


@pytest.mark.parametrize(("text", "killed"), [
    ("Gunmen attacked a convoy. Five soldiers and a policeman were killed.", 6),
    ("Gunmen attacked a convoy. Five soldiers and three civilians were killed.", 8),
    ("Armed men shot and killed a man and injured two others in Kitchanga.", 1),
])
def test_a_noun_joined_by_and_keeps_its_own_count(context_for, text, killed):
    figures = [f for f in extract_figures(context_for(text)) if f.category == "killed"]
    assert figures and figures[0].best == killed


def test_the_plural_after_killed_is_no_count_of_one(context_for):
    figures = extract_figures(context_for("Soldiers shot and killed the smugglers near the border."))
    assert not [f for f in figures if f.category == "killed" and f.best == 1]


def test_a_body_not_found_is_no_death_count(context_for):
    figures = extract_figures(context_for("Residents blocked police from taking the body of a man to the morgue."))
    assert not [f for f in figures if f.category == "killed"]


@pytest.mark.parametrize(
    "sentence, category, low, best, high, qualifier, quantity_span, phrase_span", FIGURES)
def test_figure_from_sentence(context_for, check_spans, sentence, category, low, best, high, qualifier,
                              quantity_span, phrase_span):
    ctx = context_for(sentence)
    figures = extract_figures(ctx)
    figure = _figure(figures, category, quantity_span)
    assert (figure.low, figure.best, figure.high) == (low, best, high)
    assert figure.qualifier == qualifier
    assert figure.vague is (qualifier in {"dozens", "scores", "hundreds", "several", "a handful"})
    assert figure.evidence[1].text == phrase_span
    assert figure.extractor == EXTRACTOR and "background" not in figure.flags
    assert check_spans(sentence, figures) >= 2


@pytest.mark.parametrize(
    "sentence, category",
    [
        ("Six militants were killed in the clash, the military said.", "killed"),
        ("At least 20 rebels were killed and 15 soldiers wounded in the fighting near Goma.", "killed"),
    ],
)
def test_attackers_deaths_are_not_victims(context_for, sentence, category):
    figures = extract_figures(context_for(sentence))
    assert any(f.category == f"perpetrators_{category}" for f in figures)
    assert not any(f.category == category for f in figures)


@pytest.mark.parametrize(
    "sentence, quantity_span",
    [
        ("The war has killed 10,000 people since 2019.", "10,000"),
        ("The insurgency has killed more than 35,000 people since 2009, the UN says.", "more than 35,000"),
        ("Bandits killed 4 people in the same village last year.", "4"),
        ("So far this year 230 civilians have been killed in the province.", "230"),
    ],
)
def test_background_figures_are_kept_and_flagged(context_for, sentence, quantity_span):
    figures = extract_figures(context_for(sentence))
    figure = _figure(figures, "killed", quantity_span)
    assert "background" in figure.flags


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials warned the death toll could rise to 100.",
        "Gunmen may have killed as many as 20 people, residents feared.",
        "The group threatened to kill 50 hostages.",
        "No one was hurt in the blast.",
        "No one was killed in the attack on the pipeline.",
    ],
)
def test_hypothetical_and_negated_counts_are_no_figures(context_for, sentence):
    figures = extract_figures(context_for(sentence))
    assert [f for f in figures if f.category in {"killed", "injured", "kidnapped"}] == []


@pytest.mark.parametrize(
    "sentence, not_a_count",
    [
        ("Gunmen opened fire in 2019 and fled.", "2019"),
        ("The attack on 22 March killed a 25-year-old man.", "22"),
    ],
)
def test_years_and_dates_are_not_counts(context_for, sentence, not_a_count):
    figures = extract_figures(context_for(sentence))
    assert all(f.evidence[0].text != not_a_count for f in figures)


def test_figures_carry_the_attribution_chain_of_their_sentence(context_for):
    text = ("At least 40 people were killed, TASS reported, citing the FSB press office. "
            "Dozens of people were hurt, according to the Health Ministry.")
    figures = extract_figures(context_for(text))
    killed = _figure(figures, "killed", "At least 40")
    injured = _figure(figures, "injured", "Dozens")
    assert [ref.name for ref in killed.attribution.chain] == ["Test Wire", "TASS", "FSB press office"]
    assert [ref.name for ref in injured.attribution.chain] == ["Test Wire", "Health Ministry"]


# Several figures of one category: the chosen one comes first (figures.order_figures), the rest stay.
ORDERING = [
    # exact before vague, even when the vague floor is smaller or the vague figure comes first
    ("Dozens of people were killed in the attack. Later TASS said at least 40 people were killed.", 40),
    # the largest exact figure: a partial count ("three children") is smaller
    ("Nine people were killed in the shelling of Kharkiv. Three children were killed in one house.", 9),
    # background never heads, however large
    ("Five soldiers were killed in the ambush. The insurgency has killed 35,000 people since 2009.", 5),
    # a later, larger toll heads
    ("Six people were killed in the blast. The death toll rose to 14 on Sunday.", 14),
]


@pytest.mark.parametrize("text, best", ORDERING)
def test_the_chosen_killed_figure_comes_first(context_for, text, best):
    figures = extract_figures(context_for(text))
    killed = [f for f in figures if f.category == "killed"]
    assert killed[0].best == best
    assert len(killed) >= 2  # the others are kept as reported alternatives


def test_the_month_may_is_no_modal(context_for):
    ctx = context_for("On 8 May 2020, at least 15 militants were killed when troops repelled their attack.")
    (figure,) = extract_figures(ctx)
    assert (figure.category, figure.low) == ("perpetrators_killed", 15)


def test_a_coders_stated_count_outranks_the_prose(context_for, check_spans):
    ctx = context_for("On 9 May 2020, several soldiers were killed in clashes near Marib. "
                      "Unknown fatalities coded as 10.")
    figures = extract_figures(ctx)
    headline = next(f for f in figures if f.category == "killed")
    assert (headline.best, headline.qualifier, headline.evidence[0].text) == (10, "coded", "10")
    check_spans(ctx.text, figures)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("In addition to the assailant, at least 12 civilians were killed in the blast.", 1),
    ("In addition to the two bombers, nine people were killed at the market.", 2),
    ("In addition to the driver, 20 other assailants were killed when the car exploded.", 21),
])
def test_attackers_told_in_addition_count_apart(context_for, sentence, expected):
    figures = extract_figures(context_for(sentence))
    assert next(f for f in figures if f.category == "perpetrators_killed").best == expected


def test_both_counts_two(context_for):
    (figure,) = extract_figures(context_for("Both brothers were killed in the ambush near Jalalabad."))
    assert (figure.category, figure.best) == ("killed", 2)


# A total told for several incidents is flagged with their number; each dataset's share is taken at export.
@pytest.mark.parametrize(("text", "flag"), [
    ("This was one of three related attacks in the district. Twelve soldiers were killed across the attacks.",
     "shared_by:3"),
    ("Nine villagers were killed and four were injured in both attacks on the road to Gao.", "shared_by:2"),
    ("On 3 May 2020, 8 militants were killed in airstrikes in Helmand. Fatalities split between 2 events.",
     "shared_by:2"),
])
def test_a_total_over_several_incidents_is_flagged(context_for, text, flag):
    killed = [f for f in extract_figures(context_for(text)) if f.category.endswith("killed")]
    assert killed and all(flag in f.flags for f in killed)


def test_one_incident_total_is_not_shared(context_for):
    (figure,) = extract_figures(context_for("Twelve soldiers were killed in the attack on the base near Gao."))
    assert not any(flag.startswith("shared_by") for flag in figure.flags)


def test_each_dataset_takes_its_share_of_a_shared_total(context_for):
    from eventwire.eval import predicted

    ctx = context_for("This was one of two related attacks on checkpoints. Seven policemen were killed "
                      "across both attacks. Fatalities split between 2 events (3).")
    incident = type("Incident", (), {"figures": tuple(extract_figures(ctx))})()
    assert predicted.gtd_count(incident, "nkill")[0] == 4  # GTD: the nearest even share, halves up
    assert predicted.acled_fatalities(incident)[0] == 3  # ACLED: the coder's stated share


@pytest.mark.parametrize(("sentence", "category", "best"), [
    ("The mayor and his driver were killed in the ambush on the highway.", "killed", 2),
    ("Ruiz and her sister-in-law were shot and killed outside their home.", "killed", 2),
    ("Gunmen shot and killed the village chief in Kano state.", "killed", 1),
    ("Gunmen killed the headmaster and his deputy at the school gate.", "killed", 2),
    ("Police returned fire and killed the assailant.", "perpetrators_killed", 1),
    ("At least five people, including the district governor, a judge and a guard, were killed in the blast.",
     "killed", 5),
    ("TWO U.S. MISSIONARIES -- AGED 19 AND 21 -- WERE SHOT TO DEATH LAST NIGHT.", "killed", 2),
    ("Three University lecturers were killed when the bomb went off.", "killed", 3),
    ("Residents blamed the army for the murder of six priests in the parish.", "killed", 6),
    ("Reports on fatalities range from 2 to 4.", "killed", 2),
])
def test_victims_told_without_a_plain_count(context_for, sentence, category, best):
    figures = extract_figures(context_for(sentence))
    assert next(f for f in figures if f.category == category).best == best


@pytest.mark.parametrize("sentence", [
    "The boys were killed shortly after the abduction.",  # a plural without a number is no count
    "The raiders killed 23 cows and burned the granary.",
    "The abducted man was killed several hours later.",
])
def test_no_count_of_people_is_invented(context_for, sentence):
    figures = extract_figures(context_for(sentence))
    assert all(f.best in (None, 1) for f in figures if f.category == "killed")
    assert not any(f.best and f.best > 1 for f in figures if f.category == "killed")


def test_an_unknown_number_is_no_count_of_one(context_for):
    figures = extract_figures(context_for("Four soldiers and an unknown number of attackers were killed."))
    assert not any(f.category == "perpetrators_killed" for f in figures)
    assert next(f for f in figures if f.category == "killed").best == 4


def test_the_death_that_caused_a_protest_is_background(context_for):
    figures = extract_figures(context_for("Traders demonstrated in Beni after the killing of a street vendor."))
    assert all("background" in f.flags for f in figures if f.category == "killed")


# Lists under one outcome (figure_groups): numbered groups, single people and unknown-size groups add up;
# appositions, places and clauses before the list do not.
@pytest.mark.parametrize(("sentence", "category", "best"), [
    ("The pastor, his wife, and their three daughters were killed when the house was set alight.", "killed", 5),
    ("Ahmadi and two other passengers were killed and the driver was wounded.", "killed", 3),
    ("One Kenyan soldier, one Ugandan soldier and four militants were killed.", "perpetrators_killed", 4),
    ("One Kenyan soldier, one Ugandan soldier and four militants were killed.", "killed", 2),
    ("At least 30 people, including 12 guards and 18 raiders were killed in the fighting.", "killed", 30),
    ("Eight guards, including a captain, and six raiders were killed.", "killed", 8),
    ("Eight guards, including a captain, and six raiders were killed.", "perpetrators_killed", 6),
    ("At least 14 rebels including 3 commanders and 5 police officers were killed.", "killed", 5),
    ("Karimi, a retired judge, and his nephew were killed outside the court.", "killed", 2),
    ("Gunmen shot and killed a teacher and a shopkeeper near the market.", "killed", 2),
    ("Attackers stabbed and killed provincial council member Sayed Rahimi in his shop.", "killed", 1),
    ("Three guards and militia members were killed at the gate.", "killed", 3),
    ("Gunfire left 4 guards and 1 driver dead on the road.", "killed", 5),
    ("Two nurses (Maria Lopez and Ana Ruiz) were killed in the crossfire.", "killed", 2),
])
def test_listed_groups_add_up(context_for, sentence, category, best):
    figures = extract_figures(context_for(sentence))
    assert next(f for f in figures if f.category == category).best == best


@pytest.mark.parametrize(("sentence", "killed"), [
    # a description after a name is the same person
    ("Gunmen shot and killed Omar Haidari, a farmer and former village elder, near his home.", 1),
    ("Gunmen killed two people, the owner of the shop and his cousin, in the market.", 2),
    # places before the subject are no people
    ("On 2 May 2020, in Leon, Guanajuato, a man and a woman were shot dead outside a bar.", 2),
    ("Around 3 May 2020, in Culiacan, Sinaloa, a man was found dead.", 1),
    # a clause with its own verb ends the list
    ("Rahimi, the district governor, was killed and two guards were wounded.", 1),
    ("Gunmen stormed the village and two farmers were killed.", 2),
])
def test_lists_stop_at_descriptions_places_and_clauses(context_for, sentence, killed):
    figures = [f for f in extract_figures(context_for(sentence)) if f.category == "killed"]
    assert figures[0].best == killed


@pytest.mark.parametrize("sentence", [
    "Around 7 May 2020, 4 militants were killed, injured or captured during the operations.",
    "Nine attackers were killed or wounded in the exchange of fire.",
])
def test_one_number_for_several_outcomes_is_no_count(context_for, sentence):
    figures = extract_figures(context_for(sentence))
    assert not any(f.category.endswith(("killed", "injured")) for f in figures)


@pytest.mark.parametrize("sentence", [
    "Traders demonstrated in Lome after a gendarme shot and killed a motorcycle taxi driver.",
    "Residents held a vigil protesting the militia having executed a local chief.",
])
def test_a_killing_a_protest_answers_is_background(context_for, sentence):
    figures = [f for f in extract_figures(context_for(sentence)) if f.category == "killed"]
    assert figures and all("background" in f.flags for f in figures)


def test_upper_case_conjunctions_are_no_people(context_for):
    figures = extract_figures(context_for("DURING THE ATTACK, ONE PERSON WAS KILLED AND ANOTHER WOUNDED."))
    assert next(f for f in figures if f.category == "killed").best == 1
