"""A local[2] Spark session for the whole spark test module (starting one takes ~10 s)."""

import pytest

from tests.export.stored import export_db, stored  # noqa: F401  (fixtures)


@pytest.fixture(scope="session")
def spark():
    pytest.importorskip("pyspark")
    from eventwire.spark import build_session

    session = build_session("local[2]", shuffle_partitions=2, app_name="eventwire-tests")
    yield session
    session.stop()
