from tests.export.stored import export_db, stored  # noqa: F401  (fixtures)
