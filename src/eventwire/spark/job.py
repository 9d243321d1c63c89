"""`eventwire spark extract`: a JSONL archive -> records and incidents as Parquet, on Spark.

Stages, each forced and timed so the summary says where the time went:

1. read: the files are spread over tasks; each line becomes an Article or an error row
   (file, line); articles with a text seen earlier in the archive are dropped, as
   `eventwire extract` drops them (the first by file and line is kept);
2. extract: `mapPartitions` loads the pipeline once per partition and runs
   `Pipeline.pipe`, the single-process code (`spark/extract.py`);
3. write: records to `OUTPUT/records/` (Parquet, partitioned by year/country; each row
   keeps the record whole as JSON in `data`), errors to `OUTPUT/errors/` (JSON lines);
4. merge: per month with a one-month halo (`spark/merge.py`), incidents to
   `OUTPUT/incidents/` (Parquet, partitioned by year/country).

`OUTPUT/summary.json` holds the counts and timings. Spark's UI is off and the driver
binds to 127.0.0.1 unless SPARK_LOCAL_IP says otherwise.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import IO

from eventwire.config import Settings
from eventwire.records import Incident
from eventwire.spark.archive import list_archive, read_lines
from eventwire.spark.extract import extract_partition
from eventwire.spark.merge import merge_bucket, route_article


@dataclass
class SparkSummary:
    """Counts and seconds per stage of one job (also written to OUTPUT/summary.json)."""

    n_files: int = 0
    n_lines: int = 0
    n_articles: int = 0
    n_duplicates: int = 0
    n_extracted: int = 0
    n_records: int = 0
    n_incidents: int = 0
    n_errors: int = 0
    n_partitions: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        total = self.seconds.get("total", 0.0)
        rate = self.n_articles / total if total else 0.0
        stages = ", ".join(f"{name} {value:.1f} s" for name, value in self.seconds.items() if name != "total")
        return (f"{self.n_files} files, {self.n_lines} lines: {self.n_articles} articles ({self.n_duplicates} "
                f"duplicates dropped), {self.n_records} records, {self.n_incidents} incidents, {self.n_errors} "
                f"errors in {total:.1f} s ({rate:.1f} articles/s; {stages})")


def build_session(master: str, shuffle_partitions: int = 4, app_name: str = "eventwire"):
    """A SparkSession with the UI off, few shuffle partitions, UTC, and workers on this Python."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(master).appName(app_name)
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
             .config("spark.sql.session.timeZone", "UTC")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark_extract(settings: Settings, input_spec: str, output_dir: str, *, master: str = "local[2]",
                      partitions: int | None = None, err: IO[str] = sys.stderr, spark=None) -> SparkSummary:
    """Run the whole job; `spark` is an open session to reuse (else one is started and stopped here)."""
    paths = list_archive(input_spec)
    own_session = spark is None
    if own_session:
        spark = build_session(master, shuffle_partitions=max(2, partitions or 4))
    try:
        return _Job(spark, settings, paths, Path(output_dir), partitions, err).run()
    finally:
        if own_session:
            spark.stop()


class _Job:
    def __init__(self, spark, settings: Settings, paths: list[str], output: Path, partitions: int | None,
                 err: IO[str]):
        self.spark, self.settings, self.paths, self.output, self.err = spark, settings, paths, output, err
        self.sc = spark.sparkContext
        self.partitions = partitions or max(2, self.sc.defaultParallelism * 2)
        self.summary = SparkSummary(n_files=len(paths), n_partitions=self.partitions)
        self.started = self.last = time.perf_counter()

    def run(self) -> SparkSummary:
        from pyspark import StorageLevel

        lines = self._read().persist(StorageLevel.MEMORY_AND_DISK)
        self.summary.n_lines = lines.count()
        self._stage("read")
        extracted = self._extract(lines).persist(StorageLevel.MEMORY_AND_DISK)
        self.summary.n_articles = extracted.count()
        self.summary.n_duplicates = lines.filter(_is_article).count() - self.summary.n_articles
        self._stage("extract")
        self._write_errors(lines, extracted)
        self._write_records(extracted)
        self._stage("write")
        self._merge(extracted)
        self._stage("merge")
        self.summary.seconds["total"] = round(time.perf_counter() - self.started, 2)
        (self.output / "summary.json").write_text(json.dumps(asdict(self.summary), indent=1) + "\n")
        self.err.write(self.summary.line() + "\n")
        lines.unpersist()
        extracted.unpersist()
        return self.summary

    def _stage(self, name: str) -> None:
        now = time.perf_counter()
        self.summary.seconds[name] = round(now - self.last, 2)
        self.last = now
        self.err.write(f"spark: {name} done in {now - self.started:.1f} s\n")
        self.err.flush()

    def _read(self):
        files = list(enumerate(self.paths))
        return self.sc.parallelize(files, max(1, min(len(files), self.partitions))) \
            .flatMap(lambda item: read_lines(*item))

    def _extract(self, lines):
        self.timings = self.sc.accumulator((0.0, 0.0, 0), _TimingsParam())
        unique = (lines.filter(_is_article)
                  .map(lambda item: (item[2].content_hash, item))
                  .reduceByKey(_first_read, numPartitions=self.partitions)
                  .map(lambda pair: pair[1][2]))
        return unique.mapPartitions(partial(extract_partition, self.settings, timings=self.timings))

    def _write_errors(self, lines, extracted) -> None:
        from pyspark.sql import types as T

        schema = T.StructType([T.StructField("stage", T.StringType()), T.StructField("path", T.StringType()),
                               T.StructField("line", T.IntegerType()), T.StructField("article_id", T.StringType()),
                               T.StructField("error", T.StringType())])
        errors = lines.filter(lambda item: isinstance(item[2], dict)).map(lambda item: item[2]) \
            .union(extracted.filter(lambda result: result["error"]).map(lambda result: result["error"])) \
            .map(lambda row: (row["stage"], row["path"], row["line"], row["article_id"], row["error"]))
        frame = self.spark.createDataFrame(errors, schema)
        frame.coalesce(1).write.mode("overwrite").json(str(self.output / "errors"))
        self.summary.n_errors = frame.count()

    def _write_records(self, extracted) -> None:
        rows = extracted.flatMap(lambda result: [record_row(text, result["path"], result["line"])
                                                 for text in result["records"]])
        frame = self.spark.createDataFrame(rows, _record_schema())
        frame.write.mode("overwrite").partitionBy("year", "country").parquet(str(self.output / "records"))
        load, work, n_partitions = self.timings.value
        self.summary.seconds["extract_model_load_sum"] = round(load, 2)
        self.summary.seconds["extract_pipe_sum"] = round(work, 2)
        self.summary.seconds["extract_partitions"] = n_partitions
        self.summary.n_extracted = extracted.filter(_was_extracted).count()
        self.summary.n_records = self.spark.read.parquet(str(self.output / "records")).count()

    def _merge(self, extracted) -> None:
        incidents = (extracted.filter(lambda result: result["records"])
                     .flatMap(lambda result: route_article(result["records"]))
                     .groupByKey(numPartitions=self.partitions)
                     .flatMap(lambda pair: [incident_row(incident) for incident in merge_bucket(*pair)]))
        frame = self.spark.createDataFrame(incidents, _incident_schema())
        frame.write.mode("overwrite").partitionBy("year", "country").parquet(str(self.output / "incidents"))
        self.summary.n_incidents = self.spark.read.parquet(str(self.output / "incidents")).count()


def _is_article(item) -> bool:
    return not isinstance(item[2], dict)


def _was_extracted(result: dict) -> bool:
    """Read by the extractors: no error, and its article record does not say 'not extracted'."""
    if result["error"] or not result["records"]:
        return False
    return all(json.loads(text).get("extracted", True) for text in result["records"])


def _first_read(left, right):
    """Of two reads of one text, the earlier by (file, line): the one `eventwire extract` keeps."""
    return left if left[:2] <= right[:2] else right


try:
    from pyspark.accumulators import AccumulatorParam
except ImportError:  # pyspark is an optional dependency; the job cannot run without it anyway
    AccumulatorParam = object  # type: ignore[assignment,misc]


class _TimingsParam(AccumulatorParam):
    """(model load seconds, pipe seconds, partitions), summed over partitions."""

    def zero(self, value):
        return (0.0, 0.0, 0)

    def addInPlace(self, left, right):
        return tuple(a + b for a, b in zip(left, right))


def record_row(text: str, path: str | None, line: int | None) -> tuple:
    """One row of OUTPUT/records: plain columns to filter on, and the record whole as JSON."""
    data = json.loads(text)
    event_date = _day((data.get("date") or {}).get("value"))
    published = data.get("published")
    year = event_date.year if event_date else _year(published)
    country = (data.get("location") or {}).get("country")
    return (data.get("record_id") or data["article_id"], data["article_id"], data["kind"], event_date,
            published, data.get("source"), path, line, text, year, country)


def incident_row(incident: Incident) -> tuple:
    """One row of OUTPUT/incidents: plain columns and the incident whole as JSON (`data`)."""
    from eventwire.export import fields
    from eventwire.export.jsonl import incident_to_json

    event_date = _day(fields.event_day(incident))
    return (incident.incident_id, event_date, fields.conservative(incident, "killed"),
            fields.best(incident, "killed"), fields.best(incident, "injured"), len(set(incident.article_ids)),
            list(incident.record_ids), json.dumps(incident_to_json(incident), ensure_ascii=False),
            event_date.year if event_date else None,
            incident.location.country if incident.location else None)


def _record_schema():
    from pyspark.sql import types as T

    return T.StructType([
        T.StructField("record_id", T.StringType()), T.StructField("article_id", T.StringType()),
        T.StructField("kind", T.StringType()), T.StructField("event_date", T.DateType()),
        T.StructField("published", T.StringType()), T.StructField("source", T.StringType()),
        T.StructField("path", T.StringType()), T.StructField("line", T.IntegerType()),
        T.StructField("data", T.StringType()), T.StructField("year", T.IntegerType()),
        T.StructField("country", T.StringType()),
    ])


def _incident_schema():
    from pyspark.sql import types as T

    return T.StructType([
        T.StructField("incident_id", T.StringType()), T.StructField("event_date", T.DateType()),
        T.StructField("fatalities", T.IntegerType()), T.StructField("killed_best", T.IntegerType()),
        T.StructField("injured_best", T.IntegerType()), T.StructField("n_articles", T.IntegerType()),
        T.StructField("record_ids", T.ArrayType(T.StringType())), T.StructField("data", T.StringType()),
        T.StructField("year", T.IntegerType()), T.StructField("country", T.StringType()),
    ])


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None
