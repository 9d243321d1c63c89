"""`eventwire eval` end to end on the fictional fixtures, through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.eval.runner import SUITES, format_errors, format_table, run_eval

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_OF = {"gtd": "gtd-sample.csv", "acled": "acled-sample.csv", "muc4": "muc4-sample.jsonl",
              "wikievents": "wikievents-sample.jsonl", "rams": "rams-sample.jsonlines",
              "geoparsing": "geoparsing-sample.xml"}
EXPECTED_FIELDS = {
    "gtd": {"attack_type", "target_type", "weapon_type", "nkill", "nwound", "country", "admin1", "date", "gname",
            "claimed", "guncertain"},
    "acled": {"event_type", "sub_event_type", "fatalities", "country", "admin1", "point", "date", "actor1"},
    "muc4": {"perp_individual", "perp_organization", "physical_target", "human_target", "instrument",
             "incident_type", "perp_confidence", "effect_death", "effect_injury", "n_killed", "n_injured"},
    "wikievents": {"perpetrator", "target", "victim", "instrument", "place"},
    "rams": {"perpetrator", "target", "victim", "instrument", "place"},
    "geoparsing": {"toponyms", "toponym_point"},
}

pytestmark = pytest.mark.model


def _every_share(figures: dict) -> list[float]:
    keys = ("accuracy", "macro_f1", "weighted_f1", "exact", "within_25km", "within_161km", "precision", "recall",
            "f1")
    return [v for f in figures.values() for k, v in f.items() if k in keys and v is not None]


@pytest.mark.parametrize("suite", sorted(SUITES))
def test_run_eval_scores_every_field_of_each_suite(suite, eval_pipeline):
    report = run_eval(suite, FIXTURES / FIXTURE_OF[suite], n_process=1, pipeline=eval_pipeline, progress=False)
    assert report.n_cases >= 1 and report.n_failed == 0
    assert EXPECTED_FIELDS[suite] <= set(report.figures)
    assert all(0.0 <= share <= 1.0 for share in _every_share(report.figures))
    assert f"eventwire eval {suite}" in format_table(report)


def test_error_examples_carry_evidence_read_from_the_article(eval_pipeline):
    report = run_eval("gtd", FIXTURES / "gtd-sample.csv", n_process=1, pipeline=eval_pipeline, progress=False)
    texts = {"gtd:202201050001": (FIXTURES / "gtd-sample.csv").read_text(encoding="utf-8")}
    for patterns in report.errors.values():
        for pattern in patterns:
            for example in pattern["examples"]:
                for evidence in example["evidence"]:
                    if example["case_id"] in texts:
                        assert evidence in texts[example["case_id"]]
    assert "##" in format_errors(report, 2) or not report.errors


def test_cli_eval_prints_a_table_and_writes_the_report(tmp_path):
    report_path = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["eval", "acled", str(FIXTURES / "acled-sample.csv"), "--n-process", "1",
                                       "--report", str(report_path), "--errors", "2"])
    assert result.exit_code == 0, result.output
    assert "fatalities" in result.output and "sub_event_type" in result.output
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["suite"] == "acled" and report["n_cases"] == 2 and report["n_skipped"] == 1
    assert report["command"].startswith("eventwire ")
    assert set(report["fields"]) >= EXPECTED_FIELDS["acled"]


def test_cli_eval_names_a_missing_file(tmp_path):
    result = CliRunner().invoke(main, ["eval", "gtd", str(tmp_path / "absent.csv"), "--n-process", "1"])
    assert result.exit_code == 1
    assert "no such file" in result.output
