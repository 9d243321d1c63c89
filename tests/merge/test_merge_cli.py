"""`eventwire merge`: extracted JSONL in, incidents stored (real SQLite) and printed as JSONL or a table."""

from __future__ import annotations

import json
import subprocess
import sys

from eventwire.records import to_json
from eventwire.store import open_store
from tests.merge.bundle import example_records

KEYS = {"incident_id", "location", "date", "event_types", "article_ids", "figures", "history", "statements",
        "decisions"}


def _write_records(path):
    with path.open("w", encoding="utf-8") as out:
        for record in example_records():
            out.write(json.dumps(to_json(record), ensure_ascii=False) + "\n")
        out.write('{"kind": "incident", "broken": true}\n')  # one bad line must not stop the merge
    return path


def _run(*args):
    return subprocess.run([sys.executable, "-m", "eventwire", *args], check=False, capture_output=True, text=True,
                          timeout=120)


def test_merge_jsonl_prints_one_incident_a_line_and_stores_them(tmp_path):
    records = _write_records(tmp_path / "records.jsonl")
    url = f"sqlite:///{tmp_path / 'ew.db'}"
    result = _run("merge", str(records), "--format", "jsonl", "--db", url)
    assert result.returncode == 3, result.stderr  # done, with the bad line reported
    assert "records.jsonl:" in result.stderr and "2 incidents" in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2 and all(KEYS <= set(line) for line in lines)
    crocus = next(line for line in lines if line["location"]["name"] == "Crocus City Hall")
    assert {"category", "low", "best", "high"} <= set(crocus["figures"][0])
    entry = crocus["history"]["killed"][-1]
    assert {"low", "best", "high", "published", "source", "article_id", "evidence"} <= set(entry)
    assert entry["best"] == 139 and entry["evidence"][0]["text"] == "risen to 139"
    with open_store(url) as store:
        assert sorted(i.incident_id for i in store.load_incidents()) == sorted(l["incident_id"] for l in lines)


def test_merge_table_shows_history_and_decisions(tmp_path):
    records = _write_records(tmp_path / "records.jsonl")
    result = _run("merge", str(records), "--no-store")
    assert "killed: best 139" in result.stdout and "revised down: 103" in result.stdout
    assert "linked_before" in result.stdout and "crocus-09-ru" in result.stdout


def test_merge_without_inputs_merges_what_the_database_holds(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    examples = Path(__file__).resolve().parents[3] / "shared" / "examples"
    db = f"sqlite:///{tmp_path}/stored.db"
    extracted = subprocess.run([sys.executable, "-m", "eventwire", "extract", str(examples / "crocus-reports.jsonl"),
                                str(examples / "shafaq-crocus.txt"), "--db", db, "--format", "jsonl"],
                               capture_output=True)
    assert extracted.returncode == 3  # done, with the Russian report skipped (stored, not extracted)
    merged = subprocess.run([sys.executable, "-m", "eventwire", "merge", "--db", db, "--format", "jsonl"],
                            check=True, capture_output=True, text=True)
    incidents = [line for line in merged.stdout.splitlines() if line.strip()]
    assert len(incidents) == 2
