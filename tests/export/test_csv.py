"""ACLED and GTD CSV exports, read back with the csv module and pandas as their users read them."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

from eventwire.config import Settings
from eventwire.export import ExportFilters, run_export
from eventwire.export.acled_csv import COLUMNS as ACLED_COLUMNS
from eventwire.export.gtd_csv import COLUMNS as GTD_COLUMNS

pytestmark = pytest.mark.model

ACLED_NAMES = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
GTD_NAMES = ["eventid", "iyear", "imonth", "iday", "approxdate", "extended", "country_txt", "region_txt", "provstate", "city", "latitude", "longitude", "specificity", "vicinity", "summary", "attacktype1_txt", "attacktype2_txt", "targtype1_txt", "target1", "gname", "guncertain1", "claimed", "weaptype1_txt", "weapsubtype1_txt", "nkill", "nkillter", "nwound", "nwoundte", "nhostkid", "ishostkid"]


def _export(url: str, fmt: str, path, **filters) -> None:
    run_export(Settings(db=url), fmt, path, ExportFilters(**filters))


def _figure(incident, category, part):
    found = next((f for f in incident.figures if f.category == category), None)
    return getattr(found, part) if found else None


def test_acled_csv_has_acleds_columns_and_one_row_per_incident(export_db, stored, tmp_path):
    incidents, _ = stored
    path = tmp_path / "acled.csv"
    _export(export_db, "acled-csv", path)
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert ACLED_COLUMNS == ACLED_NAMES
    assert list(rows[0]) == ACLED_NAMES
    assert len(rows) == len(incidents) >= 5
    frame = pd.read_csv(path, parse_dates=["event_date"])
    assert frame["fatalities"].dtype.kind == "i" and frame["event_date"].notna().all()


def test_acled_fatalities_is_the_most_conservative_figure(export_db, stored, tmp_path):
    incidents, _ = stored
    path = tmp_path / "acled.csv"
    _export(export_db, "acled-csv", path)
    frame = pd.read_csv(path, keep_default_na=False)
    by_tag = {re.search(r"eventwire id=(\S+?)(;|$)", tags).group(1): row for tags, (_, row) in
              zip(frame["tags"], frame.iterrows())}
    for incident in incidents:
        row = by_tag[incident.incident_id]
        low, best = _figure(incident, "killed", "low"), _figure(incident, "killed", "best")
        assert row["fatalities"] == (low if low is not None else best or 0)
        place = incident.location
        assert row["latitude"] == pytest.approx(place.lat, abs=1e-4)
        assert row["longitude"] == pytest.approx(place.lon, abs=1e-4)
        assert row["event_id_cnty"][:3].isalpha() and incident.incident_id[4:] in row["event_id_cnty"]
    revised = [i for i in incidents if _figure(i, "killed", "low") not in (None, _figure(i, "killed", "best"))]
    for incident in revised:  # where low and best differ, ACLED's column takes the low one
        assert by_tag[incident.incident_id]["fatalities"] == _figure(incident, "killed", "low")


def test_acled_notes_quote_only_text_from_the_incidents_articles(export_db, stored, tmp_path):
    incidents, texts = stored
    path = tmp_path / "acled.csv"
    _export(export_db, "acled-csv", path)
    frame = pd.read_csv(path, keep_default_na=False)
    corpus = "\n".join(texts.values())
    n_quotes = 0
    for notes in frame["notes"]:
        for quote in re.findall(r'"([^"]+)"', notes):
            for part in quote.removesuffix("...").split("; "):
                assert " ".join(part.split()) in " ".join(corpus.split()), part
                n_quotes += 1
    assert n_quotes >= len(incidents)


def test_acled_interaction_joins_the_actor_codes(export_db, tmp_path):
    path = tmp_path / "acled.csv"
    _export(export_db, "acled-csv", path)
    frame = pd.read_csv(path, keep_default_na=False)
    for _, row in frame.iterrows():
        codes = sorted(int(code) for code in (row["inter1"], row["inter2"]) if str(code) not in ("", "0"))
        expected = codes[0] * 10 + (codes[1] if len(codes) > 1 else 0) if codes else ""
        assert row["interaction"] == expected
        assert (row["civilian_targeting"] == "Civilian targeting") == (str(row["inter2"]) == "7")


def test_gtd_csv_has_gtds_columns_and_counts(export_db, stored, tmp_path):
    incidents, _ = stored
    path = tmp_path / "gtd.csv"
    _export(export_db, "gtd-csv", path)
    frame = pd.read_csv(path, dtype={"eventid": str})
    assert set(GTD_NAMES) <= set(GTD_COLUMNS) and list(frame.columns) == GTD_COLUMNS
    assert len(frame) == len(incidents) and frame["eventid"].is_unique
    by_source = {row["dbsource"].split()[-1]: row for _, row in frame.iterrows()}
    for incident in incidents:
        row = by_source[incident.incident_id]
        day = incident.date.value
        assert row["eventid"].startswith(day.replace("-", "")) and len(row["eventid"]) == 12
        assert (row["iyear"], row["imonth"], row["iday"]) == tuple(int(part) for part in day.split("-"))
        assert row["summary"].startswith(f"{day[5:7]}/{day[8:10]}/{day[:4]}: ")
        killed = _figure(incident, "killed", "best")
        perpetrators = _figure(incident, "perpetrators_killed", "best")
        if killed is None and perpetrators is None:
            assert pd.isna(row["nkill"])
        else:
            assert row["nkill"] == (killed or 0) + (perpetrators or 0)
        assert row["country_txt"] and row["region_txt"]


def test_gtd_claimed_and_gname_follow_the_claim(export_db, stored, tmp_path):
    incidents, _ = stored
    path = tmp_path / "gtd.csv"
    _export(export_db, "gtd-csv", path)
    frame = pd.read_csv(path, keep_default_na=False)
    by_source = {row["dbsource"].split()[-1]: row for _, row in frame.iterrows()}
    claimed = [i for i in incidents if any(a.stance == "claimed" and a.role == "perpetrator" for a in i.actors)]
    assert claimed, "the fixture reports name claims (Manchester, Beirut, Garissa)"
    for incident in claimed:
        row = by_source[incident.incident_id]
        assert row["claimed"] == 1 and row["gname"] != "Unknown" and row["guncertain1"] == 0


def test_filters_select_by_country_and_date(export_db, stored, tmp_path):
    incidents, _ = stored
    path = tmp_path / "acled.csv"
    _export(export_db, "acled-csv", path, country="Kenya")
    frame = pd.read_csv(path)
    assert set(frame["country"]) == {"Kenya"}
    assert len(frame) == sum(1 for i in incidents if i.location and i.location.country == "KE")
    _export(export_db, "acled-csv", path, since="2017-01-01", until="2019-12-31")
    days = pd.read_csv(path)["event_date"]
    assert len(days) == sum(1 for i in incidents if "2017-01-01" <= i.date.value[:10] <= "2019-12-31")
    assert days.between("2017-01-01", "2019-12-31").all()
