"""Event clusters: reports of one real event across articles linked as one, with stable ids and
GDELT's counts; precision and recall against hand-made same-event labels."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import DEV, ROOT

import dyad
from dyad.cluster_gold import load_labels, score
from dyad.errors import DyadError

GOLD = Path(__file__).parent / "gold"

# Our own reports: two outlets on one strike in Khost, one on a strike in Kandahar the same day.
KHOST_1 = {
    "id": "k1",
    "outlet": "Ridge Post",
    "published": "2026-03-05",
    "text": "KHOST, March 5, 2026 — Pakistani jets attacked Taliban positions in Khost on Thursday, "
    "killing four fighters, local officials said.",
}
KHOST_2 = {
    "id": "k2",
    "outlet": "Valley Courier",
    "published": "2026-03-06",
    "text": "Pakistani aircraft attacked Taliban positions in Khost late on Thursday and killed four "
    "fighters, according to officials in the province.",
}
KANDAHAR = {
    "id": "q1",
    "outlet": "Ridge Post",
    "published": "2026-03-05",
    "text": "Pakistani jets attacked Taliban positions in Kandahar on Thursday, killing four fighters, "
    "officials said.",
}


def _write(tmp_path: Path, name: str, *records: dict) -> str:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _assaults(d: dyad.Dyad) -> dict[str, dict]:
    return {r["doc_id"]: r for r in d.events(event_type="ASSAULT", reports=True)}


def test_two_reports_of_one_strike_are_one_cluster_and_another_place_is_not(db, tmp_path):
    with dyad.open(db) as d:
        d.ingest([_write(tmp_path, "a.jsonl", KHOST_1, KHOST_2, KANDAHAR)])
        every = d.events(event_type="ASSAULT", reports=True)
        rows = _assaults(d)
    assert rows["k1"]["cluster_id"] == rows["k2"]["cluster_id"] != rows["q1"]["cluster_id"]
    # NumMentions counts event records: an article may code one act more than once
    khost = [r for r in every if r["cluster_id"] == rows["k1"]["cluster_id"]]
    assert {r["doc_id"] for r in khost} == {"k1", "k2"}
    assert (rows["k1"]["num_mentions"], rows["k1"]["num_sources"], rows["k1"]["num_articles"]) == (
        len(khost),
        2,
        2,
    )
    assert rows["q1"]["num_articles"] == 1


def test_ids_stay_stable_across_incremental_ingests_reruns_and_reprocessing(db, tmp_path):
    with dyad.open(db) as d:
        d.ingest([_write(tmp_path, "a.jsonl", KHOST_1)])
        first = _assaults(d)["k1"]["cluster_id"]
        d.ingest([_write(tmp_path, "b.jsonl", KHOST_2, KANDAHAR)])
        after = _assaults(d)
        assert after["k1"]["cluster_id"] == after["k2"]["cluster_id"] == first
        d.ingest([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")])  # a rerun: nothing new
        d.ingest([str(tmp_path / "a.jsonl")], reprocess=True)
        d.reprocess()
        again = _assaults(d)
    assert {k: r["cluster_id"] for k, r in again.items()} == {k: r["cluster_id"] for k, r in after.items()}
    assert again["k1"]["num_mentions"] == after["k1"]["num_mentions"] >= 2


# One article telling one strike twice in other words (sentences 0 and 2), and one telling of two
# strikes in two cities.
RETOLD = {
    "id": "r1",
    "outlet": "Ridge Post",
    "published": "2026-03-05",
    "text": "KHOST, March 5, 2026 — Pakistani jets attacked Taliban positions in Khost on Thursday, killing "
    "four fighters near a mountain road, local officials said. Residents said the fighting lasted two "
    "hours. Witnesses said Pakistani forces "
    "bombed the Taliban from the air for most of the night, shaking windows across three nearby villages.",
}
TWO_CITIES = {
    "id": "c1",
    "outlet": "Ridge Post",
    "published": "2026-03-05",
    "text": "Pakistani jets attacked Taliban positions in Khost on Thursday, local officials said. "
    "Pakistani forces also struck the Taliban in Kandahar, residents said.",
}
# Reports with no date at all, in the record or the text: one by the same two actors as KHOST_1,
# one by Pakistan's government rather than its military.
UNDATED_SAME_ACTORS = {
    "id": "u1",
    "outlet": "Hill Herald",
    "text": "Pakistani jets attacked Taliban positions in Khost, killing four fighters, local officials "
    "said.",
}
UNDATED_OTHER_ACTOR = {
    "id": "u2",
    "outlet": "Hill Herald",
    "text": "Pakistan attacked Taliban positions in Khost, killing four fighters, local officials said.",
}


def _to_taliban(d: dyad.Dyad, doc_id: str) -> list[dict]:
    return [
        r for r in d.events(event_type="ASSAULT", target="Taliban", reports=True) if r["doc_id"] == doc_id
    ]


def test_one_article_telling_one_act_in_other_words_is_one_event_but_two_cities_are_two(db, tmp_path):
    with dyad.open(db) as d:
        d.ingest([_write(tmp_path, "a.jsonl", RETOLD, TWO_CITIES)])
        retold, two = _to_taliban(d, "r1"), _to_taliban(d, "c1")
    assert sorted(r["sentence"] for r in retold) == [0, 2]
    assert len({r["cluster_id"] for r in retold}) == 1
    assert sorted(r["geo_name"] for r in two) == ["Kandahar", "Khost"]
    assert len({r["cluster_id"] for r in two}) == 2


def test_an_undated_report_joins_only_a_report_of_the_same_two_actors(db, tmp_path):
    with dyad.open(db) as d:
        d.ingest([_write(tmp_path, "a.jsonl", KHOST_1, UNDATED_SAME_ACTORS, UNDATED_OTHER_ACTOR)])
        dated, same, other = (_to_taliban(d, k) for k in ("k1", "u1", "u2"))
    assert [r["date"] for r in same + other] == [None, None]
    assert [r["source"] for r in dated + same + other] == ["Pakistani military"] * 2 + ["Pakistan"]
    assert same[0]["cluster_id"] == dated[0]["cluster_id"] != other[0]["cluster_id"]
    assert dated[0]["num_articles"] == 2 and other[0]["num_articles"] == 1


def test_settings_can_turn_clustering_off(db, tmp_path):
    with dyad.open(db, cluster_events=False) as d:
        d.ingest([_write(tmp_path, "a.jsonl", KHOST_1, KHOST_2)])
        assert {r["cluster_id"] for r in d.events(reports=True)} == {None}


@pytest.mark.parametrize(
    ("labels", "corpus", "min_recall"),
    [
        ("clusters_demo.yaml", ROOT / "src" / "dyad" / "demo_corpus", 0.8),
        ("clusters_dev.yaml", DEV, 0.8),
    ],
)
def test_precision_and_recall_on_same_event_labels(tmp_path, labels, corpus, min_recall):
    with dyad.open(tmp_path / "s.db") as d:
        d.ingest([str(corpus)])
        result = score(d.events(reports=True), load_labels(GOLD / labels))
    print(
        f"\n{labels}: precision {result['precision']:.3f} recall {result['recall']:.3f} "
        f"({result['records']} records, {result['pairs']} same-event pairs)"
    )
    assert len(result["unmatched"]) <= 2, result["unmatched"]
    assert result["precision"] >= 0.9 and result["recall"] >= min_recall


def test_a_bad_labels_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("groups:\n  one: [not a report]\n", encoding="utf-8")
    with pytest.raises(DyadError, match=r"bad.yaml: one: 'not a report' is not"):
        load_labels(bad)
    bad.write_text("groups: [: :\n", encoding="utf-8")
    with pytest.raises(DyadError, match=r"bad.yaml: cannot read labels") as err:
        load_labels(bad)
    assert "\n" not in str(err.value)


def test_views_count_events_once_unless_reports_are_asked_for(db, tmp_path):
    with dyad.open(db) as d:
        d.ingest([_write(tmp_path, "a.jsonl", KHOST_1, KHOST_2)])
        records = len(d.events(source="PAK", target="AFG", event_type="ASSAULT", reports=True))
        listed = d.events(source="PAK", target="AFG", event_type="ASSAULT")
        events = sum(r["material_conflict"] for r in d.dyad("PAK", "AFG"))
        reports = sum(r["material_conflict"] for r in d.dyad("PAK", "AFG", reports=True))
        pair = {(r["source"], r["target"]): r["events"] for r in d.top_dyads()}
        pair_reports = {(r["source"], r["target"]): r["events"] for r in d.top_dyads(reports=True)}
    assert records >= 2 and reports == records and events == 1 == len(listed)
    assert listed[0]["doc_id"] == "k1" and listed[0]["num_articles"] == 2
    assert pair_reports[("PAK", "AFG")] > pair[("PAK", "AFG")] >= 1


def test_the_cli_lists_and_counts_each_event_once_unless_reports_are_asked_for(cli, db, tmp_path):
    jsonl = _write(tmp_path, "a.jsonl", KHOST_1, KHOST_2)
    assert cli("ingest", jsonl, "--db", db).exit_code == 0
    pick = ("--db", db, "--type", "ASSAULT", "--source", "PAK", "--target", "AFG")

    def rows(*args: str) -> list[dict]:
        r = cli(*args)
        assert r.exit_code == 0, r.output
        return (
            json.loads(r.stdout)
            if r.stdout.startswith("[")
            else [json.loads(x) for x in r.stdout.splitlines()]
        )

    events, reports = rows("events", *pick, "--json"), rows("events", *pick, "--reports", "--json")
    assert [r["doc_id"] for r in events] == ["k1"] and events[0]["num_articles"] == 2
    assert {r["doc_id"] for r in reports} == {"k1", "k2"} and len(reports) == events[0]["num_mentions"]
    assert len(rows("export", *pick)) == 1 and len(rows("export", *pick, "--reports")) == len(reports)
    timeline = rows("dyad", "PAK", "AFG", "--db", db, "--json")
    every = rows("dyad", "PAK", "AFG", "--db", db, "--reports", "--json")
    assert sum(r["material_conflict"] for r in timeline) == 1
    assert sum(r["material_conflict"] for r in every) == len(reports)


def test_http_lists_and_counts_each_event_once_unless_reports_are_asked_for(server):
    import httpx

    pick = {"type": "AGREE", "source": "PAK", "target": "AFG", "limit": 500}
    events = httpx.get(server + "/api/events", params=pick).json()["items"]
    reports = httpx.get(server + "/api/events", params={**pick, "reports": 1}).json()["items"]
    assert len({r["cluster_id"] for r in events}) == len(events) < len(reports)
    assert sum(r["num_mentions"] for r in events) == len(reports)  # the filters take whole clusters
    assert {r["cluster_id"] for r in reports} == {r["cluster_id"] for r in events}
    series = {
        flag: httpx.get(f"{server}/api/dyads/PAK/AFG", params={"reports": flag}).json()["series"]
        for flag in ("false", "true")
    }
    assert sum(r["events"] for r in series["true"]) > sum(r["events"] for r in series["false"]) > 0
    edges = {
        flag: httpx.get(f"{server}/api/network", params={"reports": flag}).json()["edges"]
        for flag in ("false", "true")
    }
    assert sum(e["events"] for e in edges["true"]) > sum(e["events"] for e in edges["false"]) > 0


def test_the_dyad_and_network_pages_count_reports_when_ticked(server):
    import httpx

    rows = {}
    for flag in ("false", "true"):
        page = httpx.get(f"{server}/dyad", params={"source": "PAK", "target": "AFG", "reports": flag}).text
        assert ('name="reports" value="true" checked' in page) == (flag == "true")
        rows[flag] = page.count('<tr class="quad')
        edges = httpx.get(f"{server}/download/network.csv", params={"reports": "1" if flag == "true" else ""})
        rows[flag + " edges"] = sum(int(r["events"]) for r in csv.DictReader(io.StringIO(edges.text)))
    assert rows["true"] > rows["false"] > 0
    assert rows["true edges"] > rows["false edges"] > 0
