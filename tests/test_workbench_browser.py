"""The Events page and the downloads in a real browser (Debian's chromium, playwright) against a
real server over the demo store. Screenshots (1400 px wide) go to test-artifacts/."""

import csv
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from test_browser import ARTIFACTS, browser  # noqa: F401 (the fixture)


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()


def test_events_page_filters_live_in_the_url(page, server):
    page.goto(server + "/events")
    page.wait_for_selector("table.events tbody tr")
    everything = page.locator("table.events tbody tr").count()
    page.fill("input[name=source]", "Pakistan")
    page.fill("input[name=target]", "AFG")
    page.select_option("select[name=quad]", "4")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**/events?**")
    query = parse_qs(urlsplit(page.url).query)
    assert query["source"] == ["Pakistan"] and query["target"] == ["AFG"] and query["quad"] == ["4"]
    rows = page.locator("table.events tbody tr")
    assert 0 < rows.count() < everything
    assert all(c == "quad4" for c in rows.evaluate_all("rs => rs.map(r => r.className)"))
    codes = rows.evaluate_all("rs => rs.map(r => r.querySelectorAll('.code')[0].textContent)")
    assert set(codes) == {"PAK"}
    page.screenshot(path=str(ARTIFACTS / "events-filtered.png"), full_page=True)
    # the same URL in a fresh page shows the same rows: a view can be shared
    shared = page.context.new_page()
    shared.goto(page.url)
    assert shared.locator("table.events tbody tr").count() == rows.count()
    assert shared.locator("select[name=quad]").input_value() == "4"
    # a row leads to its evidence, highlighted
    link = rows.first.locator("a.evidence-link")
    evidence = link.inner_text().rstrip(".…").strip()[:25]
    link.click()
    page.wait_for_url("**/articles/**")
    active = page.locator(".article-text .evidence.active")
    active.first.wait_for(timeout=10000)
    assert evidence in "".join(active.all_inner_texts())
    assert page.errors == []


def test_the_events_download_is_what_the_filters_select(page, server):
    page.goto(server + "/events?source=PAK&target=AFG&type=ACCUSE")
    page.wait_for_selector("table.events tbody tr")
    shown = page.locator("table.events tbody tr").count()
    with page.expect_download() as info:
        page.click("a.download[data-format=csv]")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == shown
    assert {(r["Actor1CountryCode"], r["PloverType"], r["Actor2CountryCode"]) for r in rows} == {
        ("PAK", "ACCUSE", "AFG")
    }
    api = httpx.get(server + "/api/events", params={"source": "PAK", "target": "AFG", "type": "ACCUSE"})
    assert sorted(int(r["GLOBALEVENTID"]) for r in rows) == sorted(e["id"] for e in api.json()["items"])


@pytest.mark.parametrize(
    ("path", "view"),
    [
        ("/quotes?search=ceasefire", "quotes"),
        ("/actors", "actors"),
        ("/dyad?source=PAK&target=AFG&by=month", "dyad"),
        ("/network?type=ACCUSE", "network"),
    ],
)
def test_every_list_view_offers_its_rows(page, server, path, view):
    pq = pytest.importorskip("pyarrow.parquet")
    page.goto(server + path)
    links = page.locator("a.download")
    assert links.count() == 3
    hrefs = {links.nth(i).get_attribute("data-format"): links.nth(i).get_attribute("href") for i in range(3)}
    lines = httpx.get(server + hrefs["jsonl"]).text.splitlines()
    records = [json.loads(x) for x in lines]
    assert records
    table = pq.read_table(io.BytesIO(httpx.get(server + hrefs["parquet"]).content))
    assert table.num_rows == len(records)
    assert len(list(csv.DictReader(io.StringIO(httpx.get(server + hrefs["csv"]).text)))) == len(records)
    if view == "quotes":
        assert all("ceasefire" in r["text"].lower() for r in records)
    if view == "dyad":
        assert all(r["period"].endswith("-01") for r in records)
    if view == "network":
        api = httpx.get(server + "/api/network", params={"type": "ACCUSE"}).json()
        assert len(records) == len(api["edges"])
