"""The Map page and an event's reports in a real browser (Debian's chromium via playwright) against a
real server over the demo store: offline (any request to another host fails the test), points merge
when dense, a click lists events with their evidence. Screenshots go to test-artifacts/."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from test_browser import ARGS, ARTIFACTS, CHROMIUM

WIDTH = 1400


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Debian's chromium is missing: run scripts/setup.sh (apt-get install chromium)"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A page that may only talk to the server: a request to any other host is refused and recorded."""
    own = urlsplit(server).netloc
    context = browser.new_context(viewport={"width": WIDTH, "height": 900})
    pg = context.new_page()
    pg.errors, pg.foreign = [], []

    def guard(route):
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            pg.foreign.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()


def _ready(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#map[data-ready=true] circle.point", timeout=20000)


def test_the_map_draws_outlines_and_points_offline(page, server):
    _ready(page, server + "/map")
    assert page.locator("#map path.land").count() > 200  # Natural Earth's countries
    assert page.locator("#map circle.point").count() >= 5
    page.screenshot(path=str(ARTIFACTS / "map.png"))
    assert page.foreign == [] and page.errors == []


def test_points_merge_when_zoomed_out_and_part_when_zoomed_in(page, server):
    _ready(page, server + "/map")
    places = page.evaluate("JSON.parse(document.getElementById('points').textContent).points.length")
    for _ in range(6):
        page.click("#zoom-out")
    far = page.locator("#map circle.point").count()
    for _ in range(12):
        page.click("#zoom-in")
    near = page.evaluate("window.dyadMap.merged().length")
    assert far < near <= places and far < places
    assert page.foreign == [] and page.errors == []


def test_a_click_lists_the_events_with_links_to_their_evidence(page, server):
    _ready(page, server + "/map")
    page.locator("#map circle.point").first.click()
    items = page.locator("#map-events li.map-event")
    assert items.count() >= 1
    page.screenshot(path=str(ARTIFACTS / "map-selected.png"))
    link = items.first.locator("a.evidence-link")
    evidence = link.inner_text().strip()[:30]
    link.click()
    page.wait_for_url("**/articles/**")
    page.wait_for_selector(".evidence.active")
    assert evidence[:20] in page.locator(".article-text").inner_text()
    assert page.foreign == [] and page.errors == []


def test_counting_reports_gives_at_least_as_many_as_events(page, server):
    counts = {}
    for flag in ("false", "true"):
        _ready(page, f"{server}/map?reports={flag}")
        points = page.evaluate("JSON.parse(document.getElementById('points').textContent).points")
        counts[flag] = sum(p["count"] for p in points)
    assert counts["true"] > counts["false"] > 0


def test_an_event_page_shows_each_report_side_by_side(page, server):
    import httpx

    items = httpx.get(server + "/api/events", params={"limit": 500}).json()["items"]
    shared = max(items, key=lambda r: (r["num_articles"] or 0, r["id"]))
    assert shared["num_articles"] >= 2
    page.goto(f"{server}/clusters/{shared['cluster_id']}")
    reports = page.locator("section.report")
    assert reports.count() == shared["num_mentions"]
    page.screenshot(path=str(ARTIFACTS / "event-reports.png"), full_page=True)
    assert page.foreign == [] and page.errors == []


def test_points_can_be_coloured_by_mean_score(page, server):
    _ready(page, server + "/map")
    before = page.locator("#map circle.point").first.get_attribute("fill")
    page.select_option("#colour-by", "score")
    after = page.locator("#map circle.point").first.get_attribute("fill")
    assert before.startswith("#") and after.startswith("rgb(") and page.errors == []


def test_the_events_page_lists_each_event_once_unless_every_report_is_ticked(page, server):
    page.goto(f"{server}/events?type=AGREE&source=PAK&target=AFG")
    events = page.locator("table.events tbody tr").count()
    told = page.locator("td.reports a").first
    assert told.count() == 1 and int(told.inner_text()) >= 2
    page.check("input[name=reports]")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**reports=1**")
    assert page.locator("table.events tbody tr").count() > events > 0
    assert "Every report of an event is a row." in page.locator(".count-rule").inner_text()
    page.goto(f"{server}/events?type=AGREE&source=PAK&target=AFG")
    page.locator("td.reports a").first.click()
    assert page.locator("section.report").count() >= 2
    page.screenshot(path=str(ARTIFACTS / "event-reports-from-events.png"), full_page=True)
    assert page.foreign == [] and page.errors == []
