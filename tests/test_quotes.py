"""Quotations and speakers: every pattern of the issue, gold accuracy, store views, scoring."""

import json
import subprocess
import sys

import pytest
from conftest import DEV, SEEDS, SHARED

import dyad
from dyad import api
from dyad.linguistic.quote_marks import quote_spans


def quotes_of(text: str) -> list[tuple[str | None, str]]:
    """(speaker name, quotation) pairs."""
    a = dyad.process(text, published="2025-11-01")
    return [(a.actors[q.speaker_key].name if q.speaker_key else None, q.text) for q in a.quotes]


ASIF = "Pakistan’s Defence Minister Khawaja Asif spoke on Friday. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # curly and straight double quotes, "X said" and "said X"
        (ASIF + "“We will respond,” Asif said.", [("Khawaja Asif", "We will respond,")]),
        (ASIF + '"We will respond," said Asif.', [("Khawaja Asif", "We will respond,")]),
        (ASIF + "“We will respond,” said the defence minister.", [("Khawaja Asif", "We will respond,")]),
        # "X, the minister, said"
        (
            "“We will respond,” Khawaja Asif, the defence minister, said on Friday.",
            [("Khawaja Asif", "We will respond,")],
        ),
        # "X added", pronoun resolved
        (ASIF + "“The talks are over,” he added.", [("Khawaja Asif", "The talks are over,")]),
        # colon introduction
        (
            "Asif said: “Right now, as we speak, negotiations are over.”",
            [("Khawaja Asif", "Right now, as we speak, negotiations are over.")],
        ),
        # the speaker in the previous sentence, then "He added:"
        (ASIF + "He added: “Kabul must act.”", [("Khawaja Asif", "Kabul must act.")]),
        (
            "Sirajuddin Haqqani, Afghanistan's acting interior minister, spoke in Kabul on Saturday.\n"
            "“We do not seek confrontation with anyone.”",
            [("Sirajuddin Haqqani", "We do not seek confrontation with anyone.")],
        ),
        # "according to X"
        (
            "According to Taliban spokesman Zabihullah Mujahid, the strikes hit “civilian homes” in Paktika.",
            [("Zabihullah Mujahid", "civilian homes")],
        ),
        # posts
        (
            "Khawaja Asif wrote on X: “Pakistan will defend itself.”",
            [("Khawaja Asif", "Pakistan will defend itself.")],
        ),
        (
            ASIF + "Asif said in his tweet that “patience has limits.”",
            [("Khawaja Asif", "patience has limits.")],
        ),
        # a short quoted phrase inside reported speech
        (
            "Khawaja Asif warned that Pakistan could “completely obliterate” the Taliban.",
            [("Khawaja Asif", "completely obliterate")],
        ),
        # British single quotes, with apostrophes around them
        (
            ASIF + "Asif said Pakistan’s patience was ‘not unlimited’ and Kabul’s promises ‘worthless’.",
            [("Khawaja Asif", "not unlimited"), ("Khawaja Asif", "worthless")],
        ),
        # guillemets
        (
            ASIF + "Asif told reporters: «We will respond.» He then left.",
            [("Khawaja Asif", "We will respond.")],
        ),
        # an em-dash trailer
        ("“We will not back down.” — Khawaja Asif", [("Khawaja Asif", "We will not back down.")]),
        # the continuation of a quotation after its attribution
        (
            "Sirajuddin Haqqani spoke in Kabul. “We do not seek confrontation,” Haqqani said. "
            "“But we will defend our land.”",
            [
                ("Sirajuddin Haqqani", "We do not seek confrontation,"),
                ("Sirajuddin Haqqani", "But we will defend our land."),
            ],
        ),
        # no stated speaker: none rather than a guess
        ("U.S. troops 'not involved'\nThe strikes continued overnight.", [(None, "not involved")]),
    ],
)
def test_patterns(text, expected):
    assert quotes_of(text) == expected


def test_quotation_spanning_paragraphs():
    text = (
        ASIF + "Asif told parliament: “The first round achieved nothing.\n\n"
        "“The second round will be the last,” he said."
    )
    got = quotes_of(text)
    assert got == [
        ("Khawaja Asif", "The first round achieved nothing.\n\nThe second round will be the last,")
    ]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # an opening mark never closed: the paragraph ends it, the next paragraphs are not quoted
        ("He said “we will respond and then left.\nThe next paragraph is ordinary text.\n" * 3, []),
        ("“Open “open “open” close", ["Open “open “open"]),
        ("Pakistan's and Afghanistan's ministers' statements didn't help: 'none.", []),
        ('Officials said "" and then "yes" and "a', ["yes"]),
        ("‘" * 50 + "’" * 3, []),
        ("“", []),
        ("Asif said “talks are over” and “nothing” else.\n“Stray", ["talks are over", "nothing"]),
    ],
)
def test_unbalanced_marks_never_crash_nor_swallow_the_article(text, quoted):
    assert [text[s.start : s.end] for s in quote_spans(text)] == quoted
    dyad.process(text)


def test_show_titles_are_not_quotes():
    assert quotes_of("Appearing on “Fox & Friends,” Hegseth said the strike was “only the start.”") == [
        ("Pete Hegseth", "only the start.")
    ]


def _gold_f1(directory) -> tuple[float, dict]:
    result = api.evaluate(directory)
    return result["quotes"]["f1"], result["quotes"]


@pytest.mark.parametrize(("directory", "threshold"), [(SEEDS, 0.95), (DEV, 0.90)], ids=["seeds", "dev"])
def test_quote_accuracy_on_gold(directory, threshold):
    f1, q = _gold_f1(directory)
    print(
        f"\nquotes on {directory.name}: P {q['precision']:.3f} R {q['recall']:.3f} F1 {f1:.3f} "
        f"({q['true_positives']}/{q['gold']} gold, {q['predicted']} predicted)"
    )
    assert f1 >= threshold


def _gold_inputs(tmp_path):
    inputs = tmp_path / "articles.jsonl"
    with inputs.open("w", encoding="utf-8") as fh:
        for f in sorted(DEV.glob("*.json")) + sorted(SEEDS.glob("*.json")):
            g = json.loads(f.read_text(encoding="utf-8"))
            fh.write(json.dumps({k: g[k] for k in ("id", "title", "published", "text") if g.get(k)}) + "\n")
    return inputs


def test_extract_gold_format_and_eval_agree_with_the_reference_scorer(cli, tmp_path):
    inputs = _gold_inputs(tmp_path)
    r = cli("extract", str(inputs), "--format", "gold")
    assert r.exit_code == 0
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert {x["id"] for x in records} >= {"d001", "seed000"}
    assert all(set(x) == {"id", "quotes", "events"} for x in records)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(r.stdout, encoding="utf-8")
    for directory in (DEV, SEEDS):
        ref = subprocess.run(
            [sys.executable, str(SHARED / "tools" / "score_gold.py"), str(directory), str(pred)],
            capture_output=True,
            text=True,
            check=True,
        )
        reference = json.loads(ref.stdout)
        ours = json.loads(cli("eval", str(directory), "--json").stdout)
        assert [ours["quotes"][k] for k in ("precision", "recall", "f1")] == reference["quotes_prf"]
        assert [ours["events"][k] for k in ("precision", "recall", "f1")] == reference["events_prf"]


def test_extract_ids_from_file_names(cli, tmp_path):
    f = tmp_path / "kabul-note.txt"
    f.write_text(ASIF + "“We will respond,” Asif said.", encoding="utf-8")
    rec = json.loads(cli("extract", str(f), "--format", "gold").stdout)
    assert rec["id"] == "kabul-note"
    assert rec["quotes"] == [{"speaker": "Khawaja Asif", "text": "We will respond,"}]


def test_quotes_view_search_speaker_since(cli, db, tmp_path):
    (tmp_path / "a.jsonl").write_text(
        json.dumps(
            {
                "id": "a",
                "published": "2025-10-10",
                "text": ASIF + "“The border will stay closed until Kabul acts,” Asif said.",
            }
        )
        + "\n"
        + json.dumps(
            {
                "id": "b",
                "published": "2025-11-02",
                "text": "Taliban spokesman Zabihullah Mujahid spoke in Kabul. "
                "“Our forces will respect the ceasefire,” Mujahid said.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert cli("ingest", str(tmp_path / "a.jsonl"), "--db", db).exit_code == 0
    rows = json.loads(cli("quotes", "--db", db, "--json").stdout)
    assert {(r["speaker"], r["doc_id"]) for r in rows} == {("Khawaja Asif", "a"), ("Zabihullah Mujahid", "b")}

    def ids(*args):
        return [r["doc_id"] for r in json.loads(cli("quotes", "--db", db, *args, "--json").stdout)]

    found = json.loads(cli("quotes", "--db", db, "--search", "ceasefire", "--json").stdout)
    assert [r["speaker"] for r in found] == ["Zabihullah Mujahid"]
    assert ids("--search", 'border "closed') == ["a"]  # a stray quote mark is not FTS syntax
    assert ids("--speaker", "asif") == ["a"]
    assert ids("--since", "2025-11-01") == ["b"]
    bad = cli("quotes", "--db", db, "--since", "last year")
    assert bad.exit_code == 2 and "not a date" in bad.stderr


def test_eval_on_a_bad_directory_is_one_line(cli, tmp_path):
    r = cli("eval", str(tmp_path / "nowhere"))
    assert r.exit_code == 2 and "not a directory of gold articles" in r.stderr
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "x.json").write_text("{not json", encoding="utf-8")
    r = cli("eval", str(tmp_path / "g"))
    assert r.exit_code == 2 and "malformed" in r.stderr
