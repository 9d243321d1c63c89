"""GeoJSON read back with shapely and a structural RFC 7946 check; Parquet with pyarrow, pandas, DuckDB."""

from __future__ import annotations

import json
import math

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from shapely.geometry import Point, shape

from eventwire.config import Settings
from eventwire.export import run_export

pytestmark = pytest.mark.model


def check_rfc7946(collection: dict) -> None:
    """The parts of RFC 7946 an export can get wrong: types, lon/lat order and range, no crs, flat properties."""
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    assert isinstance(collection["features"], list)
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and set(feature) >= {"geometry", "properties"}
        assert isinstance(feature.get("id", ""), (str, int))
        geometry = feature["geometry"]
        if geometry is not None:
            assert geometry["type"] == "Point"
            lon, lat = geometry["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90 and all(math.isfinite(v) for v in (lon, lat))
        properties = feature["properties"]
        assert properties is None or all(not isinstance(v, (dict, list)) for v in properties.values())


def test_geojson_is_a_valid_feature_collection_in_lon_lat(export_db, stored, tmp_path):
    incidents, _ = stored
    path = tmp_path / "incidents.geojson"
    run_export(Settings(db=export_db), "geojson", path)
    collection = json.loads(path.read_text(encoding="utf-8"))
    check_rfc7946(collection)
    by_id = {feature["id"]: feature for feature in collection["features"]}
    assert set(by_id) == {incident.incident_id for incident in incidents}
    for incident in incidents:
        point = shape(by_id[incident.incident_id]["geometry"])
        assert isinstance(point, Point) and point.is_valid
        assert (point.x, point.y) == pytest.approx((incident.location.lon, incident.location.lat), abs=1e-6)
        assert by_id[incident.incident_id]["properties"]["event_date"] == incident.date.value[:10]


def test_parquet_columns_are_typed(export_db, stored, tmp_path):
    incidents, _ = stored
    path = tmp_path / "incidents.parquet"
    run_export(Settings(db=export_db), "parquet", path)
    table = pq.read_table(path)
    schema = table.schema
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("killed_best").type == pa.int32() and schema.field("fatalities").type == pa.int32()
    assert pa.types.is_list(schema.field("history").type)
    assert pa.types.is_struct(schema.field("history").type.value_type)
    assert table.num_rows == len(incidents)
    frame = table.to_pandas()
    by_id = frame.set_index("incident_id")
    for incident in incidents:
        row = by_id.loc[incident.incident_id]
        assert str(row["event_date"]) == incident.date.value[:10]
        history = list(row["history"])
        assert len(history) == sum(len(reports) for reports in incident.history.values())
        for entry in history:
            assert all(span["text"] for span in entry["evidence"])
        killed = next((f for f in incident.figures if f.category == "killed"), None)
        assert (row["killed_best"] if killed else None) == (killed.best if killed else None) or \
            (killed is None and row.isna()["killed_best"])


def test_parquet_reads_in_duckdb(export_db, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "incidents.parquet"
    run_export(Settings(db=export_db), "parquet", path)
    n_history = duckdb.sql(f"SELECT count(*) FROM (SELECT unnest(history) FROM '{path}')").fetchone()[0]
    assert n_history == sum(len(h) for h in pq.read_table(path).column("history").to_pylist())
