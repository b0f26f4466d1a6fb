"""The HTTP API against a real store: every endpoint, pagination, bad input (4xx, never 500)."""

import json

import pytest
from fastapi.testclient import TestClient

from dyad.web import create_app

TOKEN = "test-token"


@pytest.fixture
def client(tmp_path, demo_db):
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(demo_db, db)  # each test may write: a copy of the session's demo store
    app = create_app(db, write_token=TOKEN)
    with TestClient(app, raise_server_exceptions=False, headers={"authorization": f"Bearer {TOKEN}"}) as c:
        yield c


def test_stats_articles_and_pagination(client):
    stats = client.get("/api/stats").json()
    assert stats["articles"] >= 20 and stats["events"] > 0
    first = client.get("/api/articles", params={"limit": 5}).json()
    second = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()
    assert len(first["items"]) == 5 and len(second["items"]) == 5
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    one = client.get(f"/api/articles/{first['items'][0]['id']}").json()
    assert one["text"] and one["actors"] and {"mentions", "quotes", "events"} <= set(one)
    by_name = client.get("/api/articles/wire-001").json()
    assert by_name["doc_id"] == "wire-001"


def test_actors_quotes_events_dyad_network(client):
    actors = client.get("/api/actors", params={"limit": 10}).json()["items"]
    pakistan = next(a for a in actors if a["name"] == "Pakistan")
    detail = client.get(f"/api/actors/{pakistan['id']}").json()
    assert detail["codes"][0]["country"] == "PAK" and detail["events_as_source"]
    quotes = client.get("/api/quotes", params={"search": "ceasefire"}).json()["items"]
    assert quotes and all("ceasefire" in q["text"].lower() for q in quotes)
    asif = client.get("/api/quotes", params={"speaker": "Asif"}).json()["items"]
    assert asif and {q["speaker"] for q in asif} == {"Khawaja Asif"}
    events = client.get("/api/events", params={"source": "PAK", "target": "AFG", "type": "assault"}).json()
    assert events["items"] and all(
        e["type"] == "ASSAULT" and e["source_country"] == "PAK" for e in events["items"]
    )
    series = client.get("/api/dyads/PAK/AFG", params={"by": "week"}).json()["series"]
    assert series and sum(r["events"] for r in series) > 0
    net = client.get("/api/network", params={"type": "ASSAULT"}).json()
    node_ids = {n["id"] for n in net["nodes"]}
    assert net["edges"] and all(e["source"] in node_ids and e["target"] in node_ids for e in net["edges"])
    assert client.get("/openapi.json").json()["info"]["title"] == "dyad"


ARTICLE = (
    "Pakistan and Afghanistan agreed to reopen the Torkham crossing on Monday, officials said. "
    "Pakistan's Defence Minister Khawaja Asif said “trade must resume without delay,” in Islamabad."
)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/plain", ARTICLE),
        (
            "text/html",
            f"<html><body><article><h1>Torkham to reopen</h1><p>{ARTICLE}</p></article></body></html>",
        ),
        (
            "application/json",
            json.dumps({"id": "post-1", "title": "Torkham", "published": "2025-11-20", "text": ARTICLE}),
        ),
    ],
)
def test_post_an_article(client, content_type, body):
    before = client.get("/api/stats").json()["articles"]
    r = client.post("/api/articles", content=body.encode(), headers={"content-type": content_type})
    assert r.status_code == 201, r.text
    article_id = r.json()["id"]
    assert client.get("/api/stats").json()["articles"] == before + 1
    again = client.post("/api/articles", content=body.encode(), headers={"content-type": content_type})
    assert again.status_code == 200 and again.json() == {"id": article_id, "stored": False, "duplicate": True}
    stored = client.get(f"/api/articles/{article_id}").json()
    assert any(a["name"] == "Khawaja Asif" for a in stored["actors"])


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "status", "message"),
    [
        (
            "get",
            "/api/events",
            {"params": {"type": "HUG"}},
            422,
            "type 'HUG': not a PLOVER type; did you mean",
        ),
        ("get", "/api/events", {"params": {"since": "soon"}}, 422, "since 'soon': not a date"),
        ("get", "/api/events", {"params": {"since": "10/01/2025"}}, 422, "'10/01/2025': not a date; write"),
        ("get", "/api/events", {"params": {"when": "later"}}, 422, "one of current, historical, future"),
        ("get", "/api/events", {"params": {"source": "XYZ"}}, 422, "source 'XYZ': not a country code"),
        ("get", "/api/events", {"params": {"limit": 0}}, 422, "limit"),
        ("get", "/api/events", {"params": {"limit": 10_000}}, 422, "limit"),
        ("get", "/api/quotes", {"params": {"offset": -1}}, 422, "offset"),
        ("get", "/api/dyads/PAK/AFG", {"params": {"by": "year"}}, 422, "by 'year': one of day, week, month"),
        ("get", "/api/dyads/PAK/XYZ", {}, 422, "target 'XYZ': not a country code"),
        ("get", "/api/network", {"params": {"until": "2025-13-45"}}, 422, "until"),
        ("get", "/api/articles/no-such-article", {}, 404, "no article"),
        ("get", "/api/actors/999999", {}, 404, "no actor"),
        ("get", "/api/actors/abc", {}, 422, "actor_id"),
        ("post", "/api/articles", {"content": b""}, 400, "empty request body"),
        (
            "post",
            "/api/articles",
            {"content": b"\xff\xfe\x00garbage", "headers": {"content-type": "text/plain"}},
            400,
            "not UTF-8",
        ),
        (
            "post",
            "/api/articles",
            {"content": b"{broken", "headers": {"content-type": "application/json"}},
            400,
            "invalid JSON",
        ),
        (
            "post",
            "/api/articles",
            {"content": b"[1, 2]", "headers": {"content-type": "application/json"}},
            400,
            "a JSON object",
        ),
        (
            "post",
            "/api/articles",
            {"content": b'{"title": "x"}', "headers": {"content-type": "application/json"}},
            400,
            "neither 'text' nor 'html'",
        ),
        (
            "post",
            "/api/articles",
            {"content": b"short", "headers": {"content-type": "text/plain"}},
            400,
            "no article text",
        ),
        (
            "post",
            "/api/articles",
            {"content": b"<p>x</p>", "headers": {"content-type": "image/png"}},
            415,
            "unsupported content type",
        ),
        ("post", "/api/articles", {"content": b"a" * (5 * 1024 * 1024 + 1)}, 413, "too large"),
    ],
)
def test_bad_requests_get_a_clear_4xx(client, method, url, kwargs, status, message):
    before = client.get("/api/stats").json()
    r = getattr(client, method)(url, **kwargs)
    assert r.status_code == status, r.text
    assert message in r.json()["error"]
    assert client.get("/api/stats").json() == before  # nothing stored changed


def test_no_server_error_for_odd_parameters(client):
    odd = ["", "'", "%00", "<script>", "9" * 40, "../../etc/passwd", "PAK'; DROP TABLE events;--"]
    for value in odd:
        for url, name in [
            ("/api/events", "source"),
            ("/api/events", "target"),
            ("/api/quotes", "search"),
            ("/api/quotes", "speaker"),
            ("/api/network", "type"),
            ("/api/events", "since"),
        ]:
            r = client.get(url, params={name: value})
            assert r.status_code < 500, (url, name, value, r.text)
        assert client.get(f"/api/articles/{value or 'x'}").status_code < 500
        assert client.get(f"/api/dyads/{value or 'x'}/AFG").status_code < 500
        assert client.get(f"/api/actors/{'9' * 40}").status_code == 404
    assert client.get("/api/stats").json()["events"] > 0  # the table survived the injection attempt


def test_pages_escape_untrusted_text(client):
    text = (
        "<script>alert('xss')</script> Pakistan accused Afghanistan of <b>sheltering</b> militants on "
        "Monday, officials said, in a statement released in Islamabad."
    )
    r = client.post(
        "/api/articles",
        content=json.dumps(
            {"text": text, "title": "<img src=x onerror=alert(1)>", "url": "javascript:alert(2)"}
        ).encode(),
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 201
    page = client.get(f"/articles/{r.json()['id']}", headers={"accept": "text/html"}).text
    assert "&lt;script&gt;alert(" in page and "<script>alert(" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img src=x" not in page
    assert 'href="javascript:' not in page.lower()  # the URL is data, never a link
    assert "&lt;b&gt;sheltering&lt;/b&gt;" in page


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/dyad",
        "/dyad?source=PAK&target=AFG&by=day",
        "/network",
        "/network?type=ASSAULT&since=2025-10-01",
        "/actors",
        "/quotes?q=ceasefire",
        "/articles",
        "/articles/1",
        "/docs",
    ],
)
def test_pages_render(client, url):
    r = client.get(url, headers={"accept": "text/html"})
    assert r.status_code == 200 and "<html" in r.text and "cdn." not in r.text


def test_dashboard_errors_are_pages(client):
    r = client.get("/network?since=never", headers={"accept": "text/html"})
    assert r.status_code == 422 and "not a date" in r.text and "<html" in r.text


def test_root_filter(client):
    posted = [
        client.post("/api/articles", json={"text": text, "published": "2030-01-10"}).json()["id"]
        for text in (
            "After Palestinian gunmen shot two Israelis, Israel reimposed blockades on the West Bank.",
            "Bosnia and Slovenia agreed to a ceasefire on Monday, officials in Sarajevo said.",
        )
    ]
    since = {"since": "2030-01-01"}
    every = client.get("/api/events", params=since).json()["items"]
    assert {(e["type"], e["root"], e["mutual"]) for e in every} == {
        ("ASSAULT", False, False),
        ("COERCE", True, False),
        ("AGREE", True, True),
    }
    roots = client.get("/api/events", params={**since, "root": "true"}).json()["items"]
    assert sorted(e["type"] for e in roots) == ["AGREE", "AGREE", "COERCE"] and all(e["root"] for e in roots)
    series = client.get("/api/dyads/PSE/ISR", params={"root": "true"}).json()["series"]
    assert client.get("/api/dyads/PSE/ISR").json()["series"] and series == []
    edges = client.get("/api/network", params={**since, "root": "true"}).json()["edges"]
    assert len(edges) == 3 and len(client.get("/api/network", params=since).json()["edges"]) == 4
    detail = client.get(f"/api/articles/{posted[0]}").json()["events"]
    assert [(e["type"], e["root"]) for e in detail] == [("ASSAULT", False), ("COERCE", True)]
    page = client.get(f"/articles/{posted[0]}", headers={"accept": "text/html"}).text
    assert page.count('class="event-item quad4 root"') == 1 and page.count(">root</span>") == 1
    assert client.get("/api/events", params={"root": "maybe"}).status_code == 422
    html = {"accept": "text/html"}
    page = client.get("/dyad", params={"source": "PSE", "target": "ISR", "root": "true"}, headers=html).text
    assert "No current events from PSE to ISR" in page and 'value="true" checked' in page
    page = client.get("/dyad", params={"source": "PSE", "target": "ISR"}, headers=html).text
    assert "No current events" not in page and 'value="true" checked' not in page
    page = client.get("/network", params={**since, "root": "true"}, headers=html).text
    assert "3 directed links" in page and 'value="true" checked' in page
