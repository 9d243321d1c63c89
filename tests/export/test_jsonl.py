"""JSONL round trip: export, import into a fresh database, export again: the same file, the same tables."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import EXPORT_FORMATS, main
from eventwire.config import Settings
from eventwire.export import FORMATS, run_export
from eventwire.export.jsonl import run_import
from eventwire.store import database_stats

pytestmark = pytest.mark.model


def test_cli_format_choices_are_the_registered_formats():
    assert EXPORT_FORMATS == list(FORMATS)


def test_jsonl_export_import_export_gives_the_same_database(export_db, db_url, tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    run_export(Settings(db=export_db), "jsonl", first)
    summary = run_import(Settings(db=db_url), str(first))
    assert not summary.errors and summary.n_articles > 0 and summary.n_incidents > 0
    run_export(Settings(db=db_url), "jsonl", second)
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    assert database_stats(export_db)["tables"] == database_stats(db_url)["tables"]


def test_jsonl_keeps_spans_and_attribution(export_db, stored, tmp_path):
    path = tmp_path / "export.jsonl"
    run_export(Settings(db=export_db), "jsonl", path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["kind"] == "eventwire_export"
    articles = {line["article"]["id"]: line for line in lines if line["kind"] == "stored_article"}
    for line in articles.values():
        text = line["article"]["text"]
        for record in line["records"]:
            for figure in record.get("figures", []):
                assert figure["attribution"]["chain"]
                for span in figure["evidence"]:
                    assert text[span["start"]:span["end"]] == span["text"]
    assert {line["incident_id"] for line in lines if line["kind"] == "merged_incident"} == \
        {incident.incident_id for incident in stored[0]}


def test_import_reports_a_bad_line_with_file_and_line_and_keeps_the_rest(export_db, tmp_path):
    good = tmp_path / "export.jsonl"
    run_export(Settings(db=export_db), "jsonl", good)
    lines = good.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2][: len(lines[2]) // 2]  # a line cut in half, as a crashed copy leaves it
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    result = CliRunner().invoke(main, ["import", str(damaged), "--db", url])
    assert result.exit_code == 3
    assert f"{damaged}:3:" in result.output
    stats = database_stats(url)["tables"]
    assert stats["articles"] == json.loads(lines[0])["n_articles"] - 1 and stats["incidents"] > 0


def test_export_cli_writes_the_file_and_a_summary(export_db, tmp_path):
    path = tmp_path / "out.geojson"
    result = CliRunner().invoke(main, ["export", "--format", "geojson", "--db", export_db, "-o", str(path),
                                       "--country", "NZ"])
    assert result.exit_code == 0, result.output
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    assert features and {f["properties"]["country"] for f in features} == {"NZ"}
    bad = CliRunner().invoke(main, ["export", "--format", "geojson", "--db", export_db, "-o", str(path),
                                    "--since", "last week"])
    assert bad.exit_code == 1 and "--since" in bad.output and "ISO day" in bad.output
