"""schemathesis against /openapi.json: generated requests (valid and invalid) never give a 500.

Bounded: `MAX_EXAMPLES` per operation, on SQLite and PostgreSQL, against a database of its
own holding the example bundle (POSTs with the token are accepted and really extracted and
merged, so they must not touch the database the other tests read).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from eventwire.config import Settings
from tests.serve.bundle import bundle_database
from tests.serve.conftest import TOKEN

MAX_EXAMPLES = 40


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fuzz_url(request, tmp_path_factory, bundle_extracted):
    """A database of its own: the fuzzer's POSTs change it."""
    yield from bundle_database(request, tmp_path_factory, bundle_extracted, "fuzz")


@pytest.fixture(scope="module")
def api_schema(fuzz_url, ew):
    from eventwire.serve.api import create_app

    app = create_app(Settings(db=fuzz_url, token=TOKEN), pipeline=ew)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _operations():
    """(label) of every operation, read from a throwaway app's schema at collection time."""
    from eventwire.serve.api import create_app

    app = create_app(Settings(db="sqlite://"))
    return [result.ok().label for result in schemathesis.openapi.from_asgi("/openapi.json", app).get_all_operations()]


def _check(case) -> None:
    for headers in ({"Authorization": f"Bearer {TOKEN}"}, {}):
        response = case.call(headers=headers)
        where = f"{case.method} {case.formatted_path} query={case.query} body={str(case.body)[:200]}"
        assert response.status_code < 500, f"{where}: {response.text[:500]}"
        content_type = response.headers.get("content-type") or response.headers.get("Content-Type")
        content_type = content_type[0] if isinstance(content_type, list) else content_type
        assert content_type.startswith("application/json"), where


# schemathesis's own pytest plugin does not run under this pytest with parametrized fixtures,
# so its strategies are driven with hypothesis directly: one test per operation and mode.
@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda mode: mode.value)
@pytest.mark.parametrize("label", _operations())
def test_no_request_gives_a_server_error(api_schema, label, mode):
    operation = next(result.ok() for result in api_schema.get_all_operations() if result.ok().label == label)
    @given(operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(case):
        _check(case)

    try:
        run()
    except Unsatisfiable:
        if mode is GenerationMode.POSITIVE:
            raise
        pytest.skip(f"{label} : schemathesis can make no invalid request for it")
