"""The dashboard in a real browser: Debian's chromium driven by playwright, against a real server.

Screenshots go to test-artifacts/. The project's setup (scripts/setup.sh) installs chromium."""

from pathlib import Path

import pytest
from conftest import ROOT, SERVER_TOKEN

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("dialog", lambda d: (pg.errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()


@pytest.mark.parametrize(
    ("name", "path", "selector"),
    [
        ("overview", "/", ".counts .count"),
        ("events", "/events?source=PAK&target=AFG", "table.events tbody tr"),
        ("dyad", "/dyad?source=PAK&target=AFG&by=week", "#chart .main-svg"),
        ("network", "/network", "#network canvas"),
        ("actors", "/actors", "table tbody tr"),
        ("quotes", "/quotes", ".quote-result"),
        ("articles", "/articles", "table tbody tr"),
        ("api-docs", "/docs", ".swagger-ui .info"),
    ],
)
def test_each_page_loads(page, server, name, path, selector):
    page.goto(server + path)
    page.wait_for_selector(selector, timeout=15000)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    assert page.errors == []


def test_network_draws_the_graph(page, server):
    page.goto(server + "/network")
    page.wait_for_selector("#network canvas")
    nodes = page.evaluate("window.dyadNetwork.nodes().length")
    edges = page.evaluate("window.dyadNetwork.edges().length")
    assert nodes > 10 and edges > 10


def test_from_an_event_to_its_highlighted_evidence(page, server):
    page.goto(server + "/")
    link = page.locator("table.events a.evidence-link").first
    evidence = link.inner_text().rstrip(".…").strip()[:40]
    link.click()
    page.wait_for_url("**/articles/**")
    active = page.locator(".article-text .evidence.active")
    active.first.wait_for(timeout=10000)
    assert active.count() >= 1
    assert evidence[:25] in "".join(active.all_inner_texts())
    assert page.locator("#event-record").is_visible()
    labels = page.locator("#event-record dt").all_inner_texts()
    assert {"type", "source", "when", "QuadClass"} <= set(labels)  # a record to read, not raw JSON
    page.screenshot(path=str(ARTIFACTS / "article-evidence.png"))
    # clicking another event in the list moves the highlight and the record
    items = page.locator(".event-item")
    if items.count() > 1:
        items.nth(1).click()
        assert page.locator(".event-item.selected").count() == 1
    assert page.errors == []


def test_quote_search_finds_the_quote(page, server):
    page.goto(server + "/quotes")
    page.fill("input[name=search]", "tomatoes")
    page.click("button[type=submit]")
    page.wait_for_url("**/quotes?search=tomatoes**")
    results = page.locator(".quote-result")
    assert results.count() == 1
    assert "tomatoes will rot" in results.first.inner_text()
    page.screenshot(path=str(ARTIFACTS / "quote-search.png"))


def test_untrusted_text_is_shown_not_run(page, server):
    import httpx

    text = (
        "<script>alert('xss')</script><img src=x onerror=alert(1)> Pakistan accused Afghanistan of "
        "sheltering militants on Monday, officials said in a statement released in Islamabad."
    )
    r = httpx.post(
        server + "/api/articles",
        json={"text": text, "title": "<script>alert(3)</script>"},
        headers={"authorization": f"Bearer {SERVER_TOKEN}"},
        timeout=120,  # the first POST starts the coding worker, which loads the language model
    )
    assert r.status_code in (200, 201)
    page.goto(f"{server}/articles/{r.json()['id']}")
    page.wait_for_selector(".article-text")
    assert "<script>alert('xss')</script>" in page.locator(".article-text").inner_text()
    assert page.locator(".article-text script, .article-text img").count() == 0
    assert page.errors == []  # no alert dialog, no script error
