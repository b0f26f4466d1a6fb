"""`dyad ingest` end to end: formats, metadata, idempotency, reprocessing, bad input."""

import json
import sqlite3

import pytest
from conftest import ROOT, SEEDS
from stores import content

ARTICLE = (
    "Pakistan closes Torkham crossing\n\n"
    "ISLAMABAD, October 12, 2025 — Pakistan closed the Torkham border crossing with Afghanistan "
    "on Sunday after overnight clashes, officials said. Pakistan’s Defence Minister Khawaja Asif "
    "said the crossing would stay shut until Kabul acted against the TTP.\n"
)


def _count(db: str, table: str = "articles") -> int:
    with sqlite3.connect(db) as c:
        return c.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def _dump(db: str) -> list:
    with sqlite3.connect(db) as c:
        return [
            c.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("articles", "sentences", "actors", "mentions")
        ]


def test_files_directories_and_stdin(cli, db, tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "sub" / "b.txt").write_text(ARTICLE.replace("Sunday", "Monday"), encoding="utf-8")
    (tmp_path / "in" / "notes.bin").write_bytes(b"\x00\x01")  # unknown suffix: not an article
    r = cli("ingest", str(tmp_path / "in"), "--db", db, "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["stored"] == 2
    r = cli("ingest", "-", "--db", db, "--json", input=ARTICLE.replace("Sunday", "Friday"))
    assert json.loads(r.stdout)["stored"] == 1
    assert _count(db) == 3


def test_jsonl_and_html_keep_metadata(cli, db, tmp_path):
    html = (
        "<html><head><title>Truce holds</title><meta property='og:site_name' content='Gulf Wire'>"
        "<meta property='article:published_time' content='2025-10-20T06:00:00Z'></head><body>"
        "<nav>Home World Sport</nav><article><h1>Truce holds on the border</h1><p>"
        + ARTICLE.split("\n\n")[1]
        + "</p></article><footer>Copyright Gulf Wire</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    records = [
        {
            "id": "w1",
            "url": "https://example.org/w1",
            "title": "Border shut",
            "outlet": "Test Wire",
            "published": "2025-10-13",
            "text": ARTICLE,
        },
        {"id": "w2", "html": html.replace("Sunday", "Tuesday"), "outlet": "Gulf Wire"},
    ]
    (tmp_path / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert cli("ingest", str(tmp_path / "page.html"), str(tmp_path / "wire.jsonl"), "--db", db).exit_code == 0
    shown = json.loads(cli("show", "w1", "--db", db, "--json").stdout)
    assert (shown["url"], shown["title"], shown["outlet"], shown["published"]) == (
        "https://example.org/w1",
        "Border shut",
        "Test Wire",
        "2025-10-13",
    )
    names = {a["name"]: (a["country"], a["sector"]) for a in shown["actors"]}
    assert names["Khawaja Asif"] == ("PAK", "GOV") and names["Tehreek-e-Taliban Pakistan"] == (
        "PAK",
        "REB",
    )
    page = json.loads(cli("show", "page", "--db", db, "--json").stdout)
    assert page["outlet"] == "Gulf Wire" and page["published"] == "2025-10-20"
    assert "Copyright" not in page["text"] and "Home World" not in page["text"]
    w2 = json.loads(cli("show", "w2", "--db", db, "--json").stdout)
    assert w2["title"] == "Truce holds on the border" or w2["title"] == "Truce holds"


def test_seed_article_metadata_from_text(cli, db):
    r = cli("ingest", str(SEEDS / "003_faa9dfb136758eec.txt"), "--db", db)
    assert r.exit_code == 0
    shown = json.loads(cli("show", "003_faa9dfb136758eec", "--db", db, "--json").stdout)
    assert shown["title"].startswith("Haqqani Warns Pakistan")
    assert "truncated" in shown["flags"] and "Previous Post" not in shown["text"]
    assert shown["language"] == "en"


def test_same_article_twice_is_stored_once(cli, db, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    g = tmp_path / "copy.txt"
    g.write_text(ARTICLE.replace("\n", "\r\n") + "\n\n", encoding="utf-8")  # same text, other bytes
    cli("ingest", str(f), "--db", db)
    before = _dump(db)
    r = cli("ingest", str(f), str(g), "--db", db, "--json")
    assert json.loads(r.stdout) == {
        "stored": 0,
        "duplicates": 2,
        "recoded": 0,
        "not_english": 0,
        "failed": 0,
    }
    assert _dump(db) == before


def test_reprocess_recodes_after_knowledge_changes(cli, db, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE + "Frontier Relief Network staff said trucks were waiting.\n", encoding="utf-8")
    cli("ingest", str(f), "--db", db)
    rows = json.loads(cli("actors", "--db", db, "--json").stdout)
    learned = [a for a in rows if a["name"] == "Frontier Relief Network"]  # from the text: no country
    assert all(a["country"] in ("", None) for a in learned)
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "organisations:\n  - {name: Frontier Relief Network, kind: ngo, country: NGO, sector: CVL}\n",
        encoding="utf-8",
    )
    r = cli("ingest", "--reprocess", "--actors", str(mine), "--db", db, "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["recoded"] == 1
    rows = json.loads(cli("actors", "--db", db, "--json").stdout)
    assert {"name": "Frontier Relief Network", "country": "NGO", "sector": "CVL"}.items() <= next(
        a for a in rows if a["name"] == "Frontier Relief Network"
    ).items()
    assert _count(db) == 1


def test_non_english_is_stored_and_flagged_not_coded(cli, db, tmp_path):
    f = tmp_path / "fr.txt"
    f.write_text(
        "Le Pakistan et l'Afghanistan ont conclu un cessez-le-feu à Doha dimanche, "
        "selon le ministère qatari des Affaires étrangères. Les deux pays se sont engagés "
        "à poursuivre les discussions la semaine prochaine à Istanbul.",
        encoding="utf-8",
    )
    cli("ingest", str(f), "--db", db)
    shown = json.loads(cli("show", "fr", "--db", db, "--json").stdout)
    assert shown["language"] == "fr" and "not-english" in shown["flags"]
    assert shown["actors"] == []


def test_one_person_is_one_actor_across_articles(cli, db, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Afghanistan's acting deputy minister Abdul Rahman Rashid visited Torkham on Monday. "
        "Rashid said trade would resume.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Abdul Rahman Rashid, Afghanistan's acting deputy minister, met traders in Jalalabad. "
        "The minister promised support.",
        encoding="utf-8",
    )
    cli("ingest", str(tmp_path), "--db", db)
    rows = [
        a
        for a in json.loads(cli("actors", "--db", db, "--json").stdout)
        if a["name"] == "Abdul Rahman Rashid"
    ]
    assert len(rows) == 1 and rows[0]["articles"] == 2 and rows[0]["mentions"] >= 4
    assert (rows[0]["country"], rows[0]["sector"]) == ("AFG", "GOV")


BAD_INPUTS = {
    "empty.txt": (b"", "empty input"),
    "blank.txt": (b"   \n\n  ", "empty input"),
    "binary.txt": (bytes(range(256)) * 8, "binary data"),
    "report.pdf.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    "latin.txt": (b"caf\x81 \x8d\x8f and more words", "not UTF-8, UTF-16 or cp1252"),
    "nobom.txt": (
        "Pakistan and Afghanistan talks".encode("utf-16-le"),
        "without a byte-order mark",
    ),
    "bad.json": (b'{"text": "unterminated', "invalid JSON"),
    "empty-page.html": (b"<html><body><nav>Home</nav></body></html>", "no article text"),
    "broken.html": (b"<html><body><div><p>short</div></span>", "no article text"),
}


def test_each_bad_input_gets_one_line_and_the_rest_goes_on(cli, db, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    cli("ingest", str(good), "--db", db)
    before = _dump(db)
    paths = []
    for name, (data, _) in BAD_INPUTS.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.replace("Sunday", "Saturday"), encoding="utf-8")
    r = cli("ingest", *paths, str(tmp_path / "missing.txt"), str(other), "--db", db, "--json")
    assert r.exit_code == 1
    lines = [line for line in r.stderr.splitlines() if line.startswith("dyad: ")]
    assert len(lines) == len(BAD_INPUTS) + 1
    for name, (_, reason) in BAD_INPUTS.items():
        line = next(x for x in lines if f"{name}:" in x)
        assert reason in line, line
    assert any("missing.txt: no such file or directory" in x for x in lines)
    assert "Traceback" not in r.output
    assert json.loads(r.stdout)["stored"] == 1
    after = _dump(db)
    assert after[0][: len(before[0])] == before[0] and len(after[0]) == len(before[0]) + 1


def test_jsonl_bad_lines_are_named_by_line(cli, db, tmp_path):
    f = tmp_path / "wire.jsonl"
    good = json.dumps({"id": "ok", "text": ARTICLE})
    f.write_text(
        good
        + '\n[1, 2]\n{"title": "no body"}\n{"id": 5, "text": 7}\n'
        + json.dumps({"id": "ok2", "text": ARTICLE.replace("Sunday", "Monday")})
        + '\n{"id": "cut", "text": "Pakistan and Afgh',
        encoding="utf-8",
    )
    r = cli("ingest", str(f), "--db", db, "--json")
    assert r.exit_code == 1 and json.loads(r.stdout)["stored"] == 2
    err = r.stderr
    assert f"{f}:2: a record must be a JSON object" in err
    assert f"{f}:3: record has neither 'text' nor 'html'" in err
    assert f"{f}:4: 'text' must be a string" in err
    assert f"{f}:6: truncated JSON record" in err


def test_huge_file_is_refused_without_reading_it(cli, db, tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    r = cli("ingest", str(huge), "--db", db)
    assert r.exit_code == 1
    assert f"dyad: {huge}: too large: 50.0 MB" in r.stderr
    assert _count(db) == 0


def test_huge_jsonl_record_is_refused_and_the_rest_stored(cli, db, tmp_path):
    f = tmp_path / "big.jsonl"
    with f.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "big", "text": "word " * (5 * 1024 * 1024)}) + "\n")
        fh.write(json.dumps({"id": "small", "text": ARTICLE}) + "\n")
    r = cli("ingest", str(f), "--db", db, "--json")
    assert r.exit_code == 1 and f"{f}:1: record too large" in r.stderr
    assert json.loads(r.stdout)["stored"] == 1


def test_store_that_is_not_a_database(cli, tmp_path):
    bogus = tmp_path / "not.db"
    bogus.write_text("this is not sqlite " * 100)
    r = cli("stats", "--db", str(bogus))
    assert r.exit_code == 2 and "cannot open store" in r.stderr and "Traceback" not in r.output


@pytest.mark.parametrize(
    "command",
    [["show", "nope"], ["ingest"], ["ingest", "x", "--parts", "p"], ["ingest", "-", "--cluster", "local"]],
)
def test_usage_errors_are_one_line(cli, db, command):
    r = cli(*command, "--db", db)
    assert r.exit_code != 0 and r.stderr.startswith("dyad: error: ")


def test_parallel_ingest_gives_the_same_store(cli, tmp_path):
    corpus = ROOT / "src" / "dyad" / "demo_corpus"
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    assert cli("ingest", str(corpus), "--db", one).exit_code == 0
    r = cli("ingest", str(corpus), str(SEEDS), "--db", two, "--workers", "2", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["failed"] == 0
    cli("ingest", str(SEEDS), "--db", one)

    assert content(one) == content(two)
    again = json.loads(cli("ingest", str(corpus), "--db", two, "--workers", "2", "--json").stdout)
    assert again["stored"] == 0 and again["duplicates"] >= 20
