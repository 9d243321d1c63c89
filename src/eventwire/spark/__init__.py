"""spark stage: the archive job (`eventwire spark extract`), reusing pipeline.py and merge/.

Modules: `archive` (which files, each line an Article or an error row), `extract` (one
partition: the pipeline loaded once, then `Pipeline.pipe`), `merge` (month buckets with a
halo), `job` (the driver: stages, outputs, timings). pyspark is imported only when a job runs.
"""

from eventwire.spark.job import SparkSummary, build_session, run_spark_extract

__all__ = ["SparkSummary", "build_session", "run_spark_extract"]
