"""The Shafaq article (issue 2's acceptance): what a careful coder gets, every field with its span."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.records import IncidentRecord, StatementRecord, json_schema, to_json

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"
pytestmark = pytest.mark.skipif(not EXAMPLES.exists(), reason=f"{EXAMPLES} not found")


@pytest.fixture(scope="module")
def shafaq():
    meta = json.loads((EXAMPLES / "shafaq-crocus.json").read_text())
    return (EXAMPLES / "shafaq-crocus.txt").read_text(encoding="utf-8"), meta


@pytest.fixture(scope="module")
def records(ew, shafaq):
    text, meta = shafaq
    return ew.extract(text, published=meta["published"], source=meta["source"], article_id=meta["id"])


def _incident(records) -> IncidentRecord:
    return next(r for r in records if isinstance(r, IncidentRecord))


def _statements(records, kind) -> list[StatementRecord]:
    return [r for r in records if isinstance(r, StatementRecord) and r.kind == kind]


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def test_shafaq_killed_is_at_least_40_via_tass_citing_fsb(records):
    killed = _incident(records).headline("killed")
    assert (killed.low, killed.best, killed.qualifier) == (40, 40, "at least")
    assert killed.evidence[0].text == "at least 40"
    assert [ref.name for ref in killed.attribution.chain][1:] == ["TASS", "FSB press office"]


def test_shafaq_injured_more_than_100(records):
    injured = _incident(records).headline("injured")
    assert (injured.low, injured.qualifier) == (100, "more than")
    assert injured.attribution.display.endswith("TASS ← FSB press office")


def test_shafaq_event_date_is_friday_22_march(records):
    date = _incident(records).date
    assert (date.value, date.precision) == ("2024-03-22", "day")
    assert date.evidence and "Friday" in date.evidence[0].text


def test_shafaq_location_is_crocus_city_hall_near_moscow(records):
    location = _incident(records).location
    assert location.country == "RU"
    assert location.precision == "venue" and "Crocus" in (location.venue or location.name)
    assert location.admin1 == "Moscow Oblast"
    assert _km(location.lat, location.lon, 55.82, 37.39) < 30


def test_shafaq_weapons_are_firearms_and_incendiary_or_grenade(records):
    kinds = {w.kind for w in _incident(records).weapons}
    assert "firearms" in kinds and kinds & {"incendiary", "grenade"}


def test_shafaq_event_types_armed_assault_first(records):
    types = _incident(records).event_types
    assert types.gtd[0] == "Armed Assault"
    assert types.acled[0].event_type == "Violence against civilians"


def test_shafaq_warning_is_a_record_about_isis_k_and_concerts(records):
    (warning,) = _statements(records, "warning")
    assert warning.subject.name == "Khorasan Chapter of the Islamic State"
    assert warning.targets and any("concert" in s.text for s in warning.targets[0].evidence)
    assert warning.date.value.startswith("2024-03") and warning.date.precision == "month"


def test_shafaq_ukraine_denial_is_a_record(records):
    denials = _statements(records, "denial")
    assert any(d.subject and d.subject.name == "Ukraine" for d in denials)


def test_shafaq_isis_k_is_not_a_perpetrator(records):
    perpetrators = [a for a in _incident(records).actors
                    if a.role == "perpetrator" and a.stance in {"claimed", "suspected", "accused", "unknown"}]
    assert all("Islamic State" not in a.name for a in perpetrators)


def _spans(value):
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            yield value
        for item in value.values():
            yield from _spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from _spans(item)


def test_every_field_of_every_record_points_at_its_text(records, shafaq):
    text, _ = shafaq
    spans = [span for record in records for span in _spans(to_json(record))]
    assert len(spans) > 30
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"]


def test_every_figure_and_field_has_evidence(records):
    incident = _incident(records)
    assert all(f.evidence and f.attribution.chain for f in incident.figures)
    assert incident.location.evidence and incident.event_types.evidence
    assert all(a.evidence for a in incident.actors) and all(w.evidence for w in incident.weapons)


def test_cli_jsonl_is_valid_against_the_schema(tmp_path, shafaq):
    jsonschema = pytest.importorskip("jsonschema")
    out = subprocess.run(
        [sys.executable, "-m", "eventwire", "extract", str(EXAMPLES / "shafaq-crocus.txt"),
         "--published", "2024-03-22T23:30:00+03:00", "--format", "jsonl", "--db", f"sqlite:///{tmp_path}/t.db"],
        capture_output=True, text=True, check=True,
    ).stdout
    lines = [json.loads(line) for line in out.splitlines()]
    validator = jsonschema.Draft202012Validator(json_schema())
    for line in lines:
        validator.validate(line)
        assert line["article_id"] == "shafaq-crocus"  # from shafaq-crocus.json beside the text
    assert {"article", "incident", "warning", "denial"} <= {line["kind"] for line in lines}


def test_contract_checker_passes_on_the_example(tmp_path):
    checker = EXAMPLES.parent / "checks" / "contract.py"
    if not checker.exists():
        pytest.skip("contract checker not present")
    out = tmp_path / "out.jsonl"
    with out.open("w") as fh:
        subprocess.run([sys.executable, "-m", "eventwire", "extract", str(EXAMPLES / "shafaq-crocus.txt"),
                        "--published", "2024-03-22T23:30:00+03:00", "--format", "jsonl",
                        "--db", f"sqlite:///{tmp_path}/t.db"], stdout=fh, check=True)
    result = subprocess.run([sys.executable, str(checker), str(EXAMPLES / "shafaq-crocus.txt"), str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
