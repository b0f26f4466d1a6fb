"""The pictures read at a glance, checked in a real browser (chromium, playwright) over the demo
store: the network's legend, labels and roll-up, the dyad chart's axes and tooltips, the actor
summary, the article's outlet, flags and event record. Screenshots at 1400 px go to test-artifacts/."""

import pytest
from test_browser import ARTIFACTS, browser  # noqa: F401 (the fixture)


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()


def test_network_has_a_legend_and_labels_that_do_not_overlap(page, server):
    page.goto(server + "/network")
    page.wait_for_selector("#network canvas")
    legend = page.locator("#network-legend").inner_text()
    assert "person" in legend and "node size" in legend and "conflict" in legend and "cooperation" in legend
    assert page.evaluate("labelOverlaps(window.dyadNetwork)") == 0
    assert page.evaluate("window.dyadNetwork.nodes().length") > 10
    page.screenshot(path=str(ARTIFACTS / "network-legend.png"), full_page=True)
    assert page.errors == []


def test_network_rolls_actors_up_to_their_country(page, server):
    page.goto(server + "/network")
    page.wait_for_selector("#network canvas")
    actors = page.evaluate("window.dyadNetwork.nodes().length")
    page.check("input[name=rollup]")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**rollup=true**")
    page.wait_for_selector("#network canvas")
    labels = page.evaluate("window.dyadNetwork.nodes().map(n => n.data('label'))")
    assert len(labels) < actors and "PAK" in labels and "AFG" in labels
    members = page.evaluate("window.dyadNetwork.getElementById('aPAK').data('title')")
    assert "Pakistan" in members and "Khawaja Asif" in members and "Pakistani military" in members
    assert page.evaluate("labelOverlaps(window.dyadNetwork)") == 0
    page.screenshot(path=str(ARTIFACTS / "network-rollup.png"), full_page=True)
    page.click("#network", position={"x": 5, "y": 5})  # an empty spot: nothing happens
    assert page.errors == []


def test_dyad_chart_axes_and_tooltips(page, server):
    page.goto(server + "/dyad?source=PAK&target=AFG&by=week")
    page.wait_for_selector("#chart .main-svg")
    layout = page.evaluate("document.getElementById('chart').layout")
    score = layout["yaxis2"]
    assert score["tickvals"] == [-10, -5, 0, 5, 10] and "0 neutral" in score["ticktext"]
    assert score["zeroline"] is True
    ticks = layout["xaxis"]["ticktext"]
    assert ticks and all(t.startswith("week of ") for t in ticks)
    drawn = page.locator("#chart .y2tick text").evaluate_all("ts => ts.map(t => t.textContent)")
    assert drawn[2] == "0 neutral"
    bars = page.evaluate("document.getElementById('chart').data.filter(t => t.type === 'bar')")
    hovers = [cd[1] for t in bars for cd, y in zip(t["customdata"], t["y"], strict=True) if y]
    assert hovers and all(" PAK" in h or "Pakistan" in h for h in hovers)  # the bar's events, listed
    page.screenshot(path=str(ARTIFACTS / "dyad-chart.png"), full_page=True)
    assert page.errors == []


def test_actor_page_summary(page, server):
    page.goto(server + "/actors")
    page.get_by_role("link", name="Khawaja Asif").first.click()
    page.wait_for_selector("#counterparts")
    first = page.locator("#counterparts li").first.inner_text()
    assert "(AFG)" in first or "(PAK)" in first or "(IND)" in first
    assert page.locator("#counterparts .bar").count() >= 1
    quotes = page.locator("#actor-quotes li")
    assert quotes.count() >= 1 and "2025-" in quotes.first.inner_text()
    page.screenshot(path=str(ARTIFACTS / "actor-summary.png"), full_page=True)
    assert page.errors == []


def test_article_page_outlet_flags_and_record(page, server):
    page.goto(server + "/articles/pak-afg-01-kabul-strikes")
    page.wait_for_selector(".article-text")
    outlet = page.locator(".lead .outlet")
    assert outlet.inner_text() == "Frontier Ledger" and "dateline" in outlet.get_attribute("title")
    flags = page.locator(".lead .flag")
    assert flags.count() >= 1 and all(flags.nth(i).get_attribute("title") for i in range(flags.count()))
    page.locator(".event-item").first.click()
    record = page.locator("#event-record")
    assert record.is_visible() and "{" not in record.inner_text()
    assert "type" in record.locator("dt").all_inner_texts()
    page.screenshot(path=str(ARTIFACTS / "article-record.png"), full_page=True)
    assert page.errors == []
