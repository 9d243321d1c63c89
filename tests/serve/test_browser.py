"""The web UI in Debian's Chromium (Playwright, no browser download) against `eventwire serve`
over the example bundle, on SQLite and PostgreSQL.

Every request the page makes is checked to go to the server itself: anything else (a CDN,
a tile server) is blocked and fails the test, so passing means the page works unplugged.
Screenshots go to tmp_path, and to docs/screenshots/ with EVENTWIRE_UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.pg import ON_CI
from tests.serve.conftest import TOKEN
from tests.serve.running import RunningServer

pytestmark = pytest.mark.browser
CHROMIUM = Path(os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if ON_CI:
            pytest.fail(f"CI=true but no Chromium at {CHROMIUM} (apt-get install chromium)")
        pytest.skip(f"browser tests skipped: no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class OfflineGuard:
    """Blocks and records every request that is not to the server under test; collects page errors."""

    def __init__(self, context, base: str):
        self.origin = urlsplit(base).netloc
        self.blocked: list[str] = []
        self.errors: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith("data:") or urlsplit(url).netloc == self.origin:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def watch(self, page):
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        return page


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    guard = OfflineGuard(context, live_server.base)
    opened = guard.watch(context.new_page())
    opened.guard = guard
    yield opened
    context.close()
    assert guard.blocked == [], f"the page asked other hosts: {guard.blocked}"
    assert guard.errors == [], f"errors in the page: {guard.errors}"


def _ready(page, name: str) -> None:
    page.wait_for_selector(f"body[data-ready='1'][data-page='{name}']")


def _screenshot(page, name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=name != "incident")
    if os.environ.get("EVENTWIRE_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, SCREENSHOTS / path.name)


def _open_crocus(page, base: str) -> None:
    page.goto(f"{base}/")
    _ready(page, "map")
    page.locator(".incident-marker[data-location='Crocus City Hall']").click()
    _ready(page, "incident")


def test_map_shows_crocus_and_kerman_sized_by_killed(page, live_server, tmp_path):
    page.goto(f"{live_server.base}/")
    _ready(page, "map")
    markers = page.locator(".incident-marker")
    assert sorted(markers.evaluate_all("els => els.map(e => e.dataset.location)")) == ["Crocus City Hall", "Kerman"]
    sizes = {m.get_attribute("data-location"): m.bounding_box()["width"] for m in markers.all()}
    assert sizes["Crocus City Hall"] > sizes["Kerman"]  # 139 killed against 84
    assert page.locator("path.leaflet-interactive, .leaflet-overlay-pane path").count() > 100  # country outlines
    assert page.locator(".timeline-bar").count() == 2
    _screenshot(page, "map", tmp_path)


def test_filters_narrow_the_map(page, live_server):
    page.goto(f"{live_server.base}/")
    _ready(page, "map")
    page.fill("input[name=country]", "IR")
    page.click("form.filters button[type=submit]")
    page.wait_for_function("() => document.body.dataset.ready === '1' && location.hash.includes('country=IR')")
    page.wait_for_selector(".incident-marker")
    locations = page.locator(".incident-marker").evaluate_all("els => els.map(e => e.dataset.location)")
    assert locations == ["Kerman"]


def test_crocus_page_chart_and_evidence(page, live_server, tmp_path):
    _open_crocus(page, live_server.base)
    assert page.locator("h1").inner_text().startswith("Crocus City Hall")
    points = page.locator(".history-point")
    assert points.evaluate_all("els => els.map(e => Number(e.dataset.value))") == [40, 60, 93, 133, 137, 139]
    page.locator(".history-point[data-value='40']").click()
    shafaq = page.locator("section.evidence[data-article-id='shafaq-crocus']")
    shafaq.locator("mark.focus").first.wait_for()
    assert "".join(shafaq.locator("mark.focus").all_inner_texts()) == "at least 40"
    # hovering the highlighted figure shows its span and its source chain
    shafaq.locator("mark.focus").first.hover()
    tooltip = page.locator("#span-tooltip")
    assert tooltip.is_visible()
    assert "at least 40" in tooltip.inner_text() and "TASS" in tooltip.inner_text()
    _screenshot(page, "incident", tmp_path)


def test_article_page_highlights_every_field(page, live_server, tmp_path):
    page.goto(f"{live_server.base}/#/article/shafaq-crocus")
    _ready(page, "article")
    fields = set(" ".join(page.locator("mark.hl").evaluate_all("els => els.map(e => e.dataset.fields)")).split())
    assert {"figure", "location", "date"} <= fields
    page.locator("mark.hl", has_text="Ukraine").first.click()
    assert "Ukraine" in page.locator(".span-details").inner_text()
    _screenshot(page, "article", tmp_path)


def test_statements_page_lists_denials(page, live_server, tmp_path):
    page.goto(f"{live_server.base}/#/statements?kind=denial")
    _ready(page, "statements")
    page.wait_for_selector(".statements li .kind-denial")
    assert "Ukraine" in page.locator(".statements").inner_text()
    _screenshot(page, "statements", tmp_path)


def test_article_markup_is_shown_never_run(browser, tmp_path):
    """An article carrying <script> and an onerror handler: shown as text on every page, never run."""
    server = RunningServer(f"sqlite:///{tmp_path / 'xss.db'}", token=TOKEN)
    hostile = ('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> Gunmen killed '
               '4 people in Kerman on Monday, police said.')
    try:
        posted = httpx.post(f"{server.base}/api/articles", timeout=120, headers={"Authorization": f"Bearer {TOKEN}"},
                            json={"articles": [{"id": "hostile<b>", "title": "<img src=x onerror=alert(1)>",
                                                "text": hostile, "source": "<script>x</script>"}]})
        assert posted.status_code == 201 and posted.json()["results"][0]["stored"], posted.text
        context = browser.new_context()
        guard = OfflineGuard(context, server.base)
        page = guard.watch(context.new_page())
        page.goto(f"{server.base}/#/article/hostile%3Cb%3E")
        _ready(page, "article")
        assert page.locator(".article-text").inner_text() == hostile
        assert page.locator("h1").inner_text() == "<img src=x onerror=alert(1)>"
        assert page.locator("#app script, #app img").count() == 0
        for route in ("#/", "#/statements"):
            page.goto(f"{server.base}/{route}")
            page.wait_for_selector("body[data-ready='1']")
        assert page.evaluate("window.__pwned") is None
        context.close()
        assert guard.blocked == [] and guard.errors == []
    finally:
        server.stop()
