"""export stage: merged incidents -> the field's formats (ACLED and GTD CSV, GeoJSON, Parquet, JSONL).

    summary = run_export(settings, "acled-csv", "incidents.csv", ExportFilters(since="2024-01-01"))

One module per format (`acled_csv`, `gtd_csv`, `geojson`, `parquet`, `jsonl`); `registry`
lists them and selects the incidents; `fields` is what they all read off an incident.
`jsonl.import_jsonl` is the way back in (`eventwire import`).
"""

from eventwire.export.registry import FORMATS, ExportFilters, ExportSummary, run_export

__all__ = ["FORMATS", "ExportFilters", "ExportSummary", "run_export"]
