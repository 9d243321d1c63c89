"""The scorers: metric formulas, counting rules, and each suite scored on hand-made predicted records."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.eval import acled, geoparsing, gtd, muc4, predicted, rams
from eventwire.eval.scoring import (
    Filler,
    Scorecard,
    class_figures,
    count_figures,
    distance_figures,
    fillers_match,
    haversine_km,
)
from tests.eval import made

FIXTURES = Path(__file__).parent / "fixtures"


def _first_case(module, name):
    return next(i for i in module.read_cases(FIXTURES / name) if not isinstance(i, InputError))


def test_class_figures_macro_f1_is_over_gold_classes_only():
    pairs = [("A", "A"), ("A", "B"), ("B", "B"), ("B", "C")]
    figures = class_figures(pairs, weighted=True)
    # A: tp1 fp0 fn1 -> 2/3; B: tp1 fp1 fn1 -> 1/2; C is not a gold class.
    assert figures["accuracy"] == 0.5
    assert figures["macro_f1"] == pytest.approx((2 / 3 + 1 / 2) / 2)
    assert figures["weighted_f1"] == pytest.approx((2 * 2 / 3 + 2 * 1 / 2) / 4)
    assert set(figures["per_class_f1"]) == {"A", "B"}


def test_count_and_distance_figures():
    assert count_figures([(3, 3), (2, 0), (0, 1)]) == {"n": 3, "exact": pytest.approx(1 / 3), "mae": 1.0}
    figures = distance_figures([1.0, 30.0, 200.0, None])
    assert (figures["within_25km"], figures["within_161km"], figures["n_without_prediction"]) == (0.25, 0.5, 1)
    assert haversine_km(55.75, 37.62, 59.94, 30.31) == pytest.approx(634, abs=5)  # Moscow - St Petersburg


@pytest.mark.parametrize("gold, found, matches", [
    ("THE FMLN", "fmln", True), ("the Las Canas bridge", "LAS CANAS BRIDGE", True),
    ("PEASANTS", "50 peasants", True), ("women", "men", False), ("a", "the", False),
])
def test_fillers_match_by_containment_after_case_and_article_normalisation(gold, found, matches):
    assert fillers_match(gold, found) is matches


def test_scorecard_keeps_errors_by_pattern_with_evidence():
    case = _first_case(gtd, "gtd-sample.csv")
    card = Scorecard("gtd")
    card.classes("attack_type", case, "Armed Assault", "Bombing/Explosion", ["opened fire"])
    card.classes("attack_type", case, "Armed Assault", "Armed Assault")
    card.count("nkill", case, 4, None)
    patterns = card.error_patterns()
    assert patterns["attack_type"][0]["pattern"] == "Armed Assault -> Bombing/Explosion"
    assert patterns["attack_type"][0]["examples"][0]["evidence"] == ["opened fire"]
    assert patterns["nkill"][0]["pattern"] == "no figure found (scored 0)"
    assert card.figures()["attack_type"]["accuracy"] == 0.5


def test_gtd_counting_rules_nkill_includes_perpetrators_and_skips_background():
    text = "Three civilians and one assailant were killed. Last year 40 people were killed."
    incident = made.incident(text, figures=[
        made.figure(text, "Three civilians", "killed", 3),
        made.figure(text, "one assailant", "perpetrators_killed", 1),
        made.figure(text, "40 people", "killed", 40, flags=("background",)),
    ])
    assert predicted.gtd_count(incident, "nkill")[0] == 4
    assert predicted.gtd_count(incident, "nwound")[0] is None


def test_acled_fatalities_take_the_most_conservative_figure():
    text = "killed at least 7 civilians. Local sources reported up to 9 dead."
    incident = made.incident(text, figures=[made.figure(text, "at least 7", "killed", 7, 7),
                                            made.figure(text, "up to 9", "killed", 5, 9)])
    assert predicted.acled_fatalities(incident)[0] == 5


def test_gtd_row_scored_from_a_hand_made_incident():
    case = _first_case(gtd, "gtd-sample.csv")
    text = case.article.text
    incident = made.incident(
        text, gtd=["Armed Assault"], types_phrase="opened fire", date="2022-01-05",
        figures=[made.figure(text, "Three civilians", "killed", 3), made.figure(text, "one assailant",
                                                                                 "perpetrators_killed", 1),
                 made.figure(text, "two other people", "injured", 2)],
        location=made.place(text, "Maiduguri", admin1="Borno State", country="NG", lat=11.85, lon=13.16),
        actors=[made.actor(text, "Boko Haram", stance="claimed")],
        weapons=[made.weapon(text, "opened fire", "firearms", "Firearms")],
        targets=[made.target(text, "residents", "Private Citizens & Property")],
    )
    card = Scorecard("gtd")
    gtd.score_case(card, case, [incident])
    figures = card.figures()
    for name in ("attack_type", "target_type", "weapon_type"):
        assert figures[name]["accuracy"] == 1.0, name
    for name in ("nkill", "nwound"):
        assert figures[name]["exact"] == 1.0, name
    assert "nhostkid" not in figures  # unknown gold is not scored
    for name in ("country", "admin1", "date", "gname", "claimed", "guncertain"):
        assert figures[name]["accuracy"] == 1.0, name
    assert figures["point"]["within_25km"] == 1.0
    assert not card.errors


def test_gtd_row_with_no_incident_is_wrong_on_every_field():
    case = _first_case(gtd, "gtd-sample.csv")
    card = Scorecard("gtd")
    gtd.score_case(card, case, [])
    figures = card.figures()
    assert figures["attack_type"]["accuracy"] == 0.0 and figures["nkill"]["exact"] == 0.0
    assert figures["point"]["within_161km"] == 0.0 and figures["gname"]["accuracy"] == 0.0
    assert card.errors["gname"][0].pattern == "named group missed"


def test_gtd_gname_unnamed_perpetrator_is_unknown_and_aliases_match():
    text = "Unidentified gunmen attacked. Houthis were blamed."
    unnamed = made.actor(text, "Unidentified gunmen", kind="unidentified")
    assert predicted.gtd_gname(made.incident(text, actors=[unnamed]))[1] == "Unknown"
    assert predicted.same_group("Houthi extremists (Ansar Allah)", "Houthis", predicted.fold_name)
    assert predicted.same_group("Islamic State of Iraq and the Levant (ISIL)", "ISIL", predicted.fold_name)
    assert not predicted.same_group("Boko Haram", "Al-Shabaab", predicted.fold_name)


def test_acled_row_scored_from_a_hand_made_incident():
    case = _first_case(acled, "acled-sample.csv")
    text = case.article.text
    incident = made.incident(
        text, acled=[("Violence against civilians", "Attack")], date="2021-06-14",
        figures=[made.figure(text, "at least 7", "killed", 7)],
        location=made.place(text, "Oicha", admin1="North Kivu", country="CD", lat=0.70, lon=29.52),
        actors=[made.actor(text, "ADF", name="Allied Democratic Forces")],
    )
    card = Scorecard("acled")
    acled.score_case(card, case, [incident])
    figures = card.figures()
    assert figures["event_type"]["accuracy"] == 1.0 and figures["sub_event_type"]["weighted_f1"] == 1.0
    assert figures["fatalities"]["exact"] == 1.0 and figures["date"]["accuracy"] == 1.0
    assert figures["actor1"]["accuracy"] == 1.0 and figures["country"]["accuracy"] == 1.0
    assert figures["admin1"]["accuracy"] == 1.0  # ACLED's "Nord-Kivu" is the gazetteer's "North Kivu"


def test_muc4_article_scored_per_role():
    case = _first_case(muc4, "muc4-sample.jsonl")
    text = case.article.text
    incident = made.incident(
        text, gtd=["Bombing/Explosion"],
        figures=[made.figure(text, "TWO POLICEMEN", "killed", 2)],
        actors=[made.actor(text, "PEOPLE'S VANGUARD ARMY", stance="claimed"),
                made.actor(text, "POLICEMEN", role="victim", stance=None, kind=None)],
        weapons=[made.weapon(text, "DYNAMITE", "explosives", "Explosives")],
        targets=[made.target(text, "TOWN HALL", "Government (General)")],
    )
    card = Scorecard("muc4")
    muc4.score_case(card, case, [incident])
    figures = card.figures()
    assert figures["perp_organization"]["f1"] == 1.0
    assert figures["instrument"]["precision"] == 1.0 and figures["physical_target"]["recall"] == 1.0
    assert figures["human_target"]["precision"] == 1.0 and figures["human_target"]["recall"] == 0.25
    assert figures["perp_individual"]["recall"] == 0.0
    assert figures["incident_type"]["accuracy"] == 1.0 and figures["perp_confidence"]["accuracy"] == 1.0
    assert figures["effect_death"]["f1"] == 1.0 and figures["effect_injury"]["recall"] == 0.0
    assert figures["n_killed"]["exact"] == 1.0 and figures["n_injured"]["exact"] == 0.0


def test_rams_excerpt_scored_per_role():
    case = _first_case(rams, "rams-sample.jsonlines")
    text = case.article.text
    incident = made.incident(text, actors=[made.actor(text, "Rebels", kind="unidentified")],
                             weapons=[made.weapon(text, "mortars", "artillery", "Explosives")],
                             location=made.place(text, "Korsa", admin1=None, country="SY", lat=1.0, lon=1.0))
    card = Scorecard("rams")
    rams.score_case(card, case, [incident])
    figures = card.figures()
    assert figures["perpetrator"]["f1"] == 1.0 and figures["instrument"]["f1"] == 1.0
    assert figures["place"]["f1"] == 1.0 and figures["target"]["recall"] == 0.0


def test_geoparsing_detection_and_distance_end_to_end():
    case = _first_case(geoparsing, "geoparsing-sample.xml")
    text = case.article.text
    places = [
        made.place(text, "Springfield", admin1="Illinois", country="US", lat=39.80, lon=-89.64),  # wrong one
        made.place(text, "Shelbyville", admin1="Tennessee", country="US", lat=35.48, lon=-86.46),
        made.place(text, "Sunday", admin1=None, country="US", lat=0.0, lon=0.0),  # spurious
    ]
    card = Scorecard("geoparsing")
    geoparsing.score_case(card, case, [made.article_with_places(*places)])
    figures = card.figures()
    assert figures["toponyms"]["precision"] == pytest.approx(2 / 3)
    assert figures["toponyms"]["recall"] == pytest.approx(2 / 4)
    # Gold points: Springfield MO (missed by ~380 km), Shelbyville (right), Tennessee (not detected).
    assert figures["toponym_point"]["n"] == 3 and figures["toponym_point"]["within_161km"] == pytest.approx(1 / 3)
    assert figures["toponym_point_detected"]["within_161km"] == 0.5
    patterns = {p["pattern"] for p in card.error_patterns()["toponyms"]}
    assert patterns == {"spurious toponym", "missed toponym"}


def test_role_fillers_split_people_from_things():
    text = "Gunmen shot two guards and burned the police station."
    incident = made.incident(text, targets=[made.target(text, "two guards", "Business"),
                                            made.target(text, "the police station", "Police")])
    assert [f.label for f in predicted.role_fillers(incident, "physical_target")] == ["the police station"]
    assert [f.label for f in predicted.role_fillers(incident, "human_target")] == ["two guards"]
    assert predicted.role_fillers(None, "victim") == []
    assert Filler("x", ("x",)).strings == ("x",)
