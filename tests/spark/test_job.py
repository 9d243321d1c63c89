"""The Spark job on a real local[2] Spark: parity with `eventwire extract`, errors with file and line, outputs."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.merge import merge_records
from eventwire.records import from_json
from eventwire.run import run_extract
from eventwire.spark import run_spark_extract

pytestmark = [pytest.mark.spark, pytest.mark.model, pytest.mark.slow]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """Three files: plain JSONL, gzip JSONL in a sub-folder, and one with bad lines, a duplicate and a cut gzip."""
    root = tmp_path_factory.mktemp("archive") / "archive"
    (root / "2019").mkdir(parents=True)
    shutil.copy(FIXTURES / "reports-a.jsonl", root / "reports-a.jsonl")
    with gzip.open(root / "2019" / "reports-b.jsonl.gz", "wb") as stream:
        stream.write((FIXTURES / "reports-b.jsonl").read_bytes())
    duplicate = (FIXTURES / "reports-a.jsonl").read_text(encoding="utf-8").splitlines()[0]
    (root / "zz-bad.jsonl").write_text("\n".join([
        '{"id": "broken", "text": "cut off in the mid',
        '{"id": "no-text", "title": "a title and nothing else"}',
        "",
        duplicate,
        '["not", "an", "object"]',
    ]) + "\n", encoding="utf-8")
    whole = gzip.compress((FIXTURES / "reports-b.jsonl").read_bytes())
    (root / "zz-truncated.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    return root


@pytest.fixture(scope="module")
def single(archive, ew):
    """What `eventwire extract ARCHIVE --format jsonl --no-store` gives: (records, errors)."""
    out, err = io.StringIO(), io.StringIO()
    summary = run_extract(Settings(), [str(archive)], fmt="jsonl", store=False, out=out, err=err, pipeline=ew)
    return [json.loads(line) for line in out.getvalue().splitlines()], summary.errors


@pytest.fixture(scope="module")
def job(archive, spark, tmp_path_factory):
    output = tmp_path_factory.mktemp("spark-out")
    err = io.StringIO()
    summary = run_spark_extract(Settings(), str(archive), str(output), partitions=3, spark=spark, err=err)
    return output, summary, err.getvalue()


def _canonical(records: list[dict]) -> list[str]:
    return sorted(json.dumps(record, sort_keys=True, ensure_ascii=False) for record in records)


def test_spark_gives_the_same_records_as_the_single_process_cli(job, single, spark):
    output, summary, _ = job
    spark_records = [json.loads(row.data) for row in spark.read.parquet(str(output / "records")).collect()]
    single_records, _ = single
    assert len(single_records) > 20
    assert _canonical(spark_records) == _canonical(single_records)
    assert summary.n_records == len(single_records)


def test_bad_lines_go_to_the_error_output_with_file_and_line(job, single, archive):
    output, summary, _ = job
    rows = [json.loads(line) for path in (output / "errors").glob("*.json")
            for line in path.read_text(encoding="utf-8").splitlines()]
    bad = str(archive / "zz-bad.jsonl")
    assert {(row["path"], row["line"]) for row in rows if row["path"] == bad} == {(bad, 1), (bad, 2), (bad, 5)}
    truncated = [row for row in rows if row["path"].endswith("zz-truncated.jsonl.gz")]
    assert len(truncated) == 1 and "not truncated" in truncated[0]["error"]
    _, single_errors = single
    assert {(e["path"], e["line"]) for e in single_errors if e["path"] == bad} == {(bad, 1), (bad, 2), (bad, 5)}
    assert summary.n_errors == len(rows) and summary.n_duplicates >= 1


def test_records_are_partitioned_by_year_and_country(job, spark):
    output, _, _ = job
    folders = {path.relative_to(output / "records").as_posix()
               for path in (output / "records").glob("year=*/country=*")}
    assert "year=2017/country=GB" in folders and "year=2015/country=KE" in folders
    frame = spark.read.parquet(str(output / "records"))
    kenya = frame.where("year = 2015 AND country = 'KE' AND kind = 'incident'").collect()
    assert kenya and all(json.loads(row.data)["location"]["country"] == "KE" for row in kenya)
    assert dict(frame.dtypes)["event_date"] == "date"


def test_spark_incidents_match_a_single_process_merge(job, single, spark):
    output, summary, _ = job
    rows = spark.read.parquet(str(output / "incidents")).collect()
    expected = merge_records(from_json(record) for record in single[0])
    assert summary.n_incidents == len(rows) == len(expected)
    assert {(row.incident_id, tuple(row.record_ids)) for row in rows} == \
        {(incident.incident_id, incident.record_ids) for incident in expected}


def test_summary_says_where_the_time_went(job):
    output, summary, stderr = job
    written = json.loads((output / "summary.json").read_text(encoding="utf-8"))
    assert set(written["seconds"]) >= {"read", "extract", "write", "merge", "total", "extract_model_load_sum"}
    assert written["n_articles"] == summary.n_articles and "articles/s" in stderr


def test_export_parquet_reads_in_spark(export_db, stored, spark, tmp_path):
    from eventwire.export import run_export

    path = tmp_path / "incidents.parquet"
    run_export(Settings(db=export_db), "parquet", path)
    frame = spark.read.parquet(str(path))
    types = dict(frame.dtypes)
    assert types["event_date"] == "date" and types["killed_best"] == "int"
    assert types["history"].startswith("array<struct<category:string")
    n_history = frame.selectExpr("explode(history) AS report").count()
    assert n_history == sum(len(reports) for incident in stored[0] for reports in incident.history.values())
