"""Each dataset reader on a tiny fictional file in that dataset's own format."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.eval import acled, geoparsing, gtd, muc4, rams, wikievents
from eventwire.eval.countries import country_iso2, same_admin1
from eventwire.eval.runner import read_suite

FIXTURES = Path(__file__).parent / "fixtures"


def _cases(module, name):
    return _cases_at(module, FIXTURES / name)


def test_gtd_reader_reads_coded_fields_and_publishes_the_day_after():
    cases, skipped = _cases(gtd, "gtd-sample.csv")
    assert [c.case_id for c in cases] == ["gtd:202201050001", "gtd:202202000002"]
    first = cases[0]
    assert first.article.text.startswith("01/05/2022: Assailants")
    assert first.article.published.date() == date(2022, 1, 6)
    assert first.article.lang == "en"
    gold = first.gold
    assert (gold.nkill, gold.nwound, gold.nhostkid) == (4, 2, None)
    assert (gold.country_iso2, gold.admin1, gold.point) == ("NG", "Borno", (11.846, 13.160))
    assert (gold.attack_type, gold.gname, gold.claimed, gold.guncertain) == ("Armed Assault", "Boko Haram", 1, 0)
    assert len(skipped) == 1 and "no summary" in str(skipped[0]) and ":4" in str(skipped[0])


def test_gtd_reader_treats_blank_and_negative_codes_as_unknown():
    cases, _ = _cases(gtd, "gtd-sample.csv")
    gold = cases[1].gold
    assert gold.event_date is None and cases[1].article.published is None  # iday 0: day unknown
    assert (gold.nkill, gold.nwound, gold.nhostkid, gold.claimed) == (None, None, None, None)
    assert gold.point is None
    assert gold.country_iso2 == "TR"


def test_gtd_reader_refuses_a_file_without_gtd_columns(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("id,text\n1,hello\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column.*eventid"):
        list(gtd.read_cases(path))


def test_acled_reader_reads_dates_in_both_formats_and_country_aliases():
    cases, skipped = _cases(acled, "acled-sample.csv")
    assert [c.case_id for c in cases] == ["acled:DRC90001", "acled:IND90002"]
    drc, india = cases
    assert drc.gold.event_date == date(2021, 6, 14) and drc.article.published.date() == date(2021, 6, 15)
    assert india.gold.event_date == date(2021, 6, 15)
    assert drc.gold.country_iso2 == "CD" and drc.gold.fatalities == 7
    assert drc.gold.sub_event_type == "Attack" and drc.gold.point == (0.7, 29.517)
    assert len(skipped) == 1


def test_acled_actor_forms_drop_qualifiers_but_not_into_a_country():
    assert acled.actor_forms("Protesters (India)") == ["Protesters (India)", "Protesters"]
    assert acled.actor_forms("Military Forces of Yemen (2016-) Supreme Political Council")[-1] == \
        "Military Forces of Yemen Supreme Political Council"


def test_muc4_reader_gathers_fillers_over_relevant_templates():
    cases, _ = _cases(muc4, "muc4-sample.jsonl")
    relevant, irrelevant = cases
    gold = relevant.gold
    assert relevant.article.published.date() == date(1989, 3, 12)  # from the dateline
    assert gold.relevant and gold.incident_type == "BOMBING" and gold.confidence == "CLAIMED OR ADMITTED"
    assert gold.fillers["perp_organization"] == [["PEOPLE'S VANGUARD ARMY"]]
    assert gold.fillers["instrument"] == [["DYNAMITE"]]
    # "MAYOR": "ROSA MARTE" is the description MAYOR cross-referenced to a name.
    assert sorted(f[0] for f in gold.fillers["human_target"]) == ["CLERK", "MAYOR", "POLICEMEN", "ROSA MARTE"]
    assert (gold.death, gold.injury, gold.n_killed, gold.n_injured) == (True, True, 2, 1)
    assert not irrelevant.gold.relevant and irrelevant.gold.fillers["human_target"] == []


def test_muc4_filler_alternatives_and_set_fill_values():
    assert muc4.filler_alternatives('"FARABUNDO MARTI NATIONAL LIBERATION FRONT" / "FMLN"') == [
        "FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"]
    assert muc4.filler_alternatives('? "TERRORIST"') == ["TERRORIST"]
    assert muc4.filler_alternatives('"\\"LA ESTRELLA\\" RANCH" / "RANCH"') == ['"LA ESTRELLA" RANCH', "RANCH"]
    assert muc4.dateline_date("SAN SALVADOR, 3 JAN 90 -- [REPORT]") == "1990-01-03"
    assert muc4.dateline_date("NO DATELINE HERE") is None


def test_wikievents_reader_rebuilds_text_at_token_offsets_and_keeps_attack_roles():
    cases, _ = _cases(wikievents, "wikievents-sample.jsonl")
    assert len(cases) == 1  # the article with only a meeting is out of scope
    case = cases[0]
    assert case.article.text == "Gunmen attacked a bus in Valdoro on Tuesday .\nTwo passengers died , police said ."
    assert case.gold["perpetrator"] == [["Gunmen"]] and case.gold["victim"] == [["passengers"]]
    assert case.gold["place"] == [["Valdoro"]] and case.gold["instrument"] == []


def test_rams_reader_joins_tokens_and_maps_argument_roles():
    cases, _ = _cases(rams, "rams-sample.jsonlines")
    assert [c.case_id for c in cases] == ["rams:fiction_rams_1"]
    gold = cases[0].gold
    assert cases[0].article.text.splitlines()[0] == "Rebels shelled the market in Korsa with mortars ."
    assert gold["perpetrator"] == [["Rebels"]] and gold["target"] == [["the market"]]
    assert gold["instrument"] == [["mortars"]] and gold["place"] == [["Korsa"]]


def test_geoparsing_reader_realigns_drifted_offsets_and_keeps_unresolved_toponyms():
    cases, skipped = _cases(geoparsing, "geoparsing-sample.xml")
    assert len(cases) == 1 and len(skipped) == 1
    text, toponyms = cases[0].article.text, cases[0].gold
    assert [text[t.start:t.end] for t in toponyms] == ["Springfield", "Shelbyville", "Tennessee", "Lake Quimby"]
    assert toponyms[3].point is None and toponyms[0].point == (37.21533, -93.29824)
    assert cases[0].article.published.date() == date(2019, 7, 14)


def test_geoparsing_reader_reads_an_article_whose_download_time_is_not_iso(tmp_path):
    xml = (FIXTURES / "geoparsing-sample.xml").read_text(encoding="utf-8")
    path = tmp_path / "odd.xml"
    path.write_text(xml.replace("2019-07-14 10:00:00-05", "7:58 AM ET"), encoding="utf-8")
    cases, _ = _cases_at(geoparsing, path)
    assert len(cases) == 1 and cases[0].article.published is None


def _cases_at(module, path):
    items = list(module.read_cases(path))
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


def test_read_suite_applies_the_limit_and_names_a_missing_file(tmp_path):
    cases, skipped = read_suite("gtd", FIXTURES / "gtd-sample.csv", limit=1)
    assert len(cases) == 1 and skipped == []
    with pytest.raises(InputError, match="no such file"):
        read_suite("gtd", tmp_path / "absent.csv")
    with pytest.raises(InputError, match="unknown suite"):
        read_suite("nope", FIXTURES / "gtd-sample.csv")


@pytest.mark.parametrize("name, code", [
    ("Russia", "RU"), ("Turkey", "TR"), ("Democratic Republic of Congo", "CD"), ("West Bank and Gaza Strip", "PS"),
    ("Ivory Coast", "CI"), ("Kosovo", "XK"), ("Iran", "IR"), ("Syria", "SY"), ("Nigeria", "NG"), ("", None),
])
def test_country_names_map_to_iso2(name, code):
    assert country_iso2(name) == code


@pytest.mark.parametrize("gold, predicted, same", [
    ("Nineveh", "Nineveh Governorate", True), ("Kabul", "Kabul Province", True), ("Borno", "Borno State", True),
    ("Nord-Kivu", "Nord Kivu", True), ("Nord-Kivu", "North Kivu", True), ("Hamah", "Hama", True),
    ("Beirut", "Beyrouth", True),
    ("Urozgan", "Oruzgan", True), ("Suqutra", "Soqatra", True),
    ("Osun", "Ogun", False), ("Borno", "Yobe", False), ("Borno", None, False), ("Donetsk", "Odessa", False),
    ("Sanaa", "Sinai", False), ("Kano", "Kwara", False), ("Lagos", "Logone", False),
])
def test_admin1_names_compare_loosely(gold, predicted, same):
    assert same_admin1(gold, predicted) is same
