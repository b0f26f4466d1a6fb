"""The Python side of the workbench: DataFrames, py.typed, help(dyad); `dyad show` and `dyad demo`
print what was found."""

import json
import subprocess
import sys
from importlib import resources

import pytest
from conftest import ROOT

import dyad

STORY = {
    "id": "p1",
    "published": "2025-10-20",
    "outlet": "Test Wire",
    "text": "Pakistan accused Afghanistan of sheltering militants on Monday. "
    '"We will defend our borders," Khawaja Asif said on Monday. '
    "India and Pakistan agreed to a ceasefire on Tuesday.",
}


@pytest.fixture
def store(cli, db, tmp_path):
    f = tmp_path / "p.jsonl"
    f.write_text(json.dumps(STORY) + "\n", encoding="utf-8")
    assert cli("ingest", str(f), "--db", db).exit_code == 0
    return db


def test_events_frame_has_real_dates_and_categories(store):
    pd = pytest.importorskip("pandas")
    with dyad.open(store) as d:
        rows = d.events(source="PAK")
        frame = d.events_frame(source="PAK")
        empty = d.events_frame(source="PAK", since="2031-01-01")
        quotes = d.quotes_frame(speaker="Asif")
        actors = d.actors_frame()
    assert len(frame) == len(rows) > 0
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert frame["date"].dt.strftime("%Y-%m-%d").tolist() == [r["date"] or r["published"] for r in rows]
    assert isinstance(frame["type"].dtype, pd.CategoricalDtype) and "ACCUSE" in set(frame["type"])
    assert list(frame["type"].cat.categories)[:2] == ["AGREE", "CONSULT"]
    assert isinstance(frame["source_country"].dtype, pd.CategoricalDtype)
    assert empty.empty and "evidence" in empty.columns
    assert len(quotes) == 1 and pd.api.types.is_datetime64_any_dtype(quotes["published"])
    assert "Asif" in quotes["speaker"].iloc[0]
    assert {"name", "country", "mentions"} <= set(actors.columns) and len(actors) > 2


def test_without_pandas_a_frame_is_one_line(store):
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import dyad\n"
        f"d = dyad.open({store!r})\n"
        "try:\n    d.events_frame()\nexcept dyad.errors.DyadError as e:\n    print('ERR', e)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.stdout.strip() == "ERR DataFrames need pandas: pip install 'dyad[pandas]'", r.stderr


def test_the_package_is_typed_and_its_help_opens_with_an_example():
    assert resources.files("dyad").joinpath("py.typed").is_file()
    assert '"py.typed"' in (ROOT / "pyproject.toml").read_text()
    first = dyad.__doc__.strip().splitlines()
    example = "\n".join(first[:8])
    assert "dyad.open(" in example and "d.events(" in example and "events_frame(" in example
    assert "dyad.FilterError" not in example  # the example runs: exec it against a real store


def test_the_help_example_runs(store, tmp_path, monkeypatch):
    pytest.importorskip("pandas")
    code = "\n".join(line[4:] for line in dyad.__doc__.splitlines() if line.startswith("    "))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dyad.db").write_bytes(open(store, "rb").read())  # noqa: SIM115
    exec(compile(code, "help(dyad)", "exec"), {})


def test_readme_python_example_shows_events():
    readme = (ROOT / "README.md").read_text()
    start = readme.index("```python")
    assert "d.events(" in readme[start : readme.index("```", start + 9)]


def test_show_prints_events_and_quotes(cli, store):
    shown = json.loads(cli("show", "p1", "--db", store, "--json").stdout)
    assert {(e["source_country"], e["type"], e["target_country"]) for e in shown["events"]} >= {
        ("PAK", "ACCUSE", "AFG")
    }
    assert [q["text"] for q in shown["quotes"]] == ["We will defend our borders,"]
    text = cli("show", "p1", "--db", store).stdout
    assert "ACCUSE" in text and "We will defend our borders" in text and "events" in text


def test_demo_leads_with_findings(cli, tmp_path):
    r = cli("demo", "--no-serve", "--db", str(tmp_path / "demo.db"))
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert out.index("most active dyads") < out.index("sample events") < out.index("dyad store")
    assert out.index("most quoted speakers") < out.index("dyad store")
    dyads = out[out.index("most active dyads") : out.index("sample events")]
    assert "PAK" in dyads and "AFG" in dyads and "An event counts when" in out
