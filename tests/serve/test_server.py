"""`eventwire serve` as a real process on a free port, called over loopback HTTP."""

from __future__ import annotations

import subprocess

import httpx

from tests.serve.conftest import TOKEN
from tests.serve.running import EVENTWIRE, RunningServer


def test_served_api_lists_the_bundle(live_server):
    page = httpx.get(f"{live_server.base}/api/incidents", params={"sort": "-killed"}).json()
    assert [item["location"] for item in page["items"]] == ["Crocus City Hall", "Kerman"]


def test_served_page_and_vendored_files_need_no_other_host(live_server):
    index = httpx.get(f"{live_server.base}/")
    assert index.status_code == 200 and "script-src 'self'" in index.headers["content-security-policy"]
    for path in ("/static/app.js", "/static/vendor/leaflet/leaflet.js", "/static/vendor/leaflet/leaflet.css",
                 "/static/vendor/countries-110m.geojson"):
        response = httpx.get(f"{live_server.base}{path}")
        assert response.status_code == 200, path
    assert "http" not in index.text.replace("http-equiv", "")  # no absolute URL in the page itself


def test_served_errors_are_json(live_server):
    response = httpx.get(f"{live_server.base}/api/incidents", params={"limit": "x"})
    assert response.status_code == 422 and "limit" in response.json()["error"]


def test_serve_takes_the_token_from_the_environment(tmp_path):
    server = RunningServer(f"sqlite:///{tmp_path / 'w.db'}", token=TOKEN)
    try:
        denied = httpx.post(f"{server.base}/api/articles", json={"articles": [{"text": "x"}]})
        assert denied.status_code == 401
        bad = httpx.post(f"{server.base}/api/articles", json={"articles": []},
                         headers={"Authorization": f"Bearer {TOKEN}"})
        assert bad.status_code == 422
    finally:
        server.stop()


def test_serve_with_an_unusable_database_says_so_in_one_line(tmp_path):
    done = subprocess.run([str(EVENTWIRE), "serve", "--db", f"sqlite:///{tmp_path}/missing/dir/x.db", "--port", "0"],
                          check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.startswith("error: ") and "does not exist" in done.stderr and "Traceback" not in done.stderr
