"""Filters that cannot be used are errors, the same from the CLI, HTTP and Python; counts agree."""

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

import dyad
from dyad.filters import FilterError
from dyad.web import create_app

STORY = [
    {
        "id": "w1",
        "published": "2025-09-02",
        "text": "Pakistan accused Afghanistan of sheltering militants on Tuesday. "
        "Afghanistan rejected the claim.",
    },
    {
        "id": "w2",
        "published": "2025-09-20",
        "text": "Pakistani jets struck targets in Kabul on Friday, Afghan officials said. "
        "Pakistan did not attack Afghanistan on Saturday, officials said.",
    },
    {
        "id": "w3",
        "published": "2025-10-03",
        "text": "Pakistan and Afghanistan agreed to talks in Doha. In 1979 Pakistan "
        "supported fighters against the Soviet Union.",
    },
]


@pytest.fixture
def store(cli, db, tmp_path):
    f = tmp_path / "w.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in STORY) + "\n", encoding="utf-8")
    assert cli("ingest", str(f), "--db", db).exit_code == 0
    return db


def _json(cli, *args):
    r = cli(*args, "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--since", "10/01/2025"], "--since '10/01/2025': not a date; write it as YYYY-MM-DD"),
        (["events", "--until", "Oct 3 2025"], "until 'Oct 3 2025': not a date"),
        (["quotes", "--since", "01.10.2025"], "since '01.10.2025': not a date"),
        (["events", "--type", "THREATENS"], "'THREATENS': not a PLOVER type; did you mean THREATEN"),
        (["events", "--source", "XYZ"], "source 'XYZ': not a country code; did you mean"),
        (["events", "--target", "Narnia"], "target 'Narnia': no country or actor of that name"),
        (["dyad", "PAK", "XYZ"], "target 'XYZ': not a country code"),
        (["dyad", "PAK", "AFG", "--by", "year"], "by 'year': one of day, week, month"),
        (["export", "--type", "hugs"], "not a PLOVER type"),
    ],
)
def test_a_filter_dyad_cannot_use_is_one_line(cli, store, args, message):
    r = cli(*args, "--db", store)
    assert r.exit_code == 2, r.output
    line = r.stderr.strip()
    assert "\n" not in line and line.startswith("dyad: error:")
    assert message.lstrip("-") in line


def test_python_and_http_refuse_the_same(store):
    with dyad.open(store) as d:
        for kwargs in ({"since": "10/01/2025"}, {"event_type": "THREATENS"}, {"source": "XYZ"}):
            with pytest.raises(FilterError):
                d.events(**kwargs)
        with pytest.raises(FilterError, match="not a date"):
            d.quotes(since="yesterday")
    client = TestClient(create_app(store))
    for params in ({"since": "10/01/2025"}, {"type": "THREATENS"}, {"source": "XYZ"}, {"until": "2025-1-5"}):
        r = client.get("/api/events", params=params)
        assert r.status_code == 422, (params, r.text)
        assert repr(next(iter(params.values()))) in r.json()["error"]
    assert client.get("/api/quotes", params={"since": "3 Oct"}).status_code == 422
    page = client.get("/events", params={"since": "3 Oct"}, headers={"accept": "text/html"})
    assert page.status_code == 422 and "since &#39;3 Oct&#39;: not a date" in page.text


def test_read_commands_make_no_store(cli, tmp_path):
    missing = tmp_path / "nothing-here.db"
    for command in (["events"], ["stats"], ["actors"], ["quotes"], ["dyad", "PAK", "AFG"], ["export"]):
        r = cli(*command, "--db", str(missing))
        assert r.exit_code == 2 and "no store there" in r.stderr, command
        assert not missing.exists()


def test_a_country_name_is_its_code(cli, store):
    by_code = _json(cli, "dyad", "PAK", "AFG", "--db", store)
    assert by_code
    assert _json(cli, "dyad", "Pakistan", "Afghanistan", "--db", store) == by_code
    assert _json(cli, "dyad", "pak", "afg", "--db", store) == by_code
    assert _json(cli, "events", "--source", "Pakistan", "--db", store) == _json(
        cli, "events", "--source", "PAK", "--db", store
    )


def test_every_view_counts_the_same_events(cli, store, tmp_path):
    listed = _json(cli, "events", "--source", "PAK", "--target", "AFG", "--db", store)
    every = _json(cli, "events", "--source", "PAK", "--target", "AFG", "--all", "--db", store)
    assert len(every) > len(listed)  # the negated attack is coded but not counted
    assert all(e["when"] == "current" and not e["negated"] for e in listed)
    assert any(e["negated"] for e in every)
    timeline = _json(cli, "dyad", "PAK", "AFG", "--db", store)
    assert sum(r["events"] for r in timeline) == len(listed)
    months = _json(cli, "dyad", "PAK", "AFG", "--by", "month", "--db", store)
    assert [m["period"] for m in months] == ["2025-09-01", "2025-10-01"]
    assert sum(m["events"] for m in months) == len(listed)
    exported = cli("export", "--format", "csv", "--source", "PAK", "--target", "AFG", "--db", store)
    assert len(list(csv.DictReader(io.StringIO(exported.stdout)))) == len(listed)
    with dyad.open(store) as d:
        overview = {(x["source"], x["target"]): x["events"] for x in d.top_dyads()}
        assert overview[("PAK", "AFG")] == len(listed)
        network = d.network()
        names = {n["id"]: n["country"] for n in network["nodes"]}
        edges = sum(
            e["events"]
            for e in network["edges"]
            if (names[e["source"]], names[e["target"]]) == ("PAK", "AFG")
        )
        assert edges == len(listed)
    assert "An event counts when it is current" in cli("events", "--help").stdout


def test_export_takes_the_event_filters(cli, store):
    r = cli("export", "--format", "jsonl", "--type", "accuse", "--since", "2025-09-01", "--db", store)
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert records and {x["event"] for x in records} == {"ACCUSE"}


def test_quote_search_has_one_name(server):
    import httpx

    page = httpx.get(server + "/quotes", params={"search": "zzzz-no-such-word"})
    assert page.status_code == 200 and "0 quotations" in page.text
    assert 'name="search"' in httpx.get(server + "/quotes").text


def test_an_article_carries_its_events(store):
    with dyad.open(store) as d:
        article = d.article("w2")
        view = d.article_view("w2")
    assert article is not None and article.events
    assert len(article.events) == len(view["events"])
    assert {(e.type, e.start) for e in article.events} == {(e["type"], e["start"]) for e in view["events"]}
    assert all(k in article.actors for e in article.events for k in e.source_keys)
