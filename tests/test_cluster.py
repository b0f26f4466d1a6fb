"""Ingest on a dask.distributed cluster: the same store as one process, to SQLite (through Parquet
partitions) or straight to PostgreSQL."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, SEEDS
from stores import content

import dyad

CORPUS = ROOT / "src" / "dyad" / "demo_corpus"
INPUTS = [str(CORPUS), str(SEEDS)]

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def single(tmp_path_factory) -> str:
    """The single-process run on the same corpus."""
    path = str(tmp_path_factory.mktemp("single") / "one.db")
    with dyad.open(path) as d:
        assert not d.ingest(INPUTS).failed
    return path


@pytest.fixture(scope="module")
def scheduler():
    """A running cluster (2 worker processes) reached by its tcp:// address, as a remote one is."""
    import logging

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR
    ) as cluster:
        yield cluster.scheduler_address


def test_local_cluster_gives_the_single_process_store(tmp_path, single):
    db = str(tmp_path / "cluster.db")
    with dyad.open(db) as d:
        report = d.ingest(INPUTS, cluster="local", workers=2)
    assert not report.failed and report.stored == len(content(single)["articles"])
    assert content(db) == content(single)
    assert not (tmp_path / "cluster.db.parts").exists()  # the partitions were loaded and removed
    print(f"\nLocalCluster, 2 workers: {report.stored} articles, same store as one process")


def test_cluster_workers_write_to_postgresql(cli, pg_url, scheduler, single):
    r = cli("ingest", *INPUTS, "--cluster", scheduler, "--db", pg_url, "--json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["stored"] == len(content(single)["articles"])
    assert content(pg_url) == content(single)
    again = json.loads(cli("ingest", *INPUTS, "--cluster", scheduler, "--db", pg_url, "--json").stdout)
    assert again["stored"] == 0 and again["duplicates"] >= 20


def test_partitions_then_load(cli, tmp_path, scheduler, single):
    parts, db = tmp_path / "parts", str(tmp_path / "loaded.db")
    r = cli("ingest", *INPUTS, "--cluster", scheduler, "--parts", str(parts), "--db", db, "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["stored"] == 0  # nothing loaded yet
    files = sorted(parts.glob("*.parquet"))
    assert files and not list(parts.glob("*.partial"))
    written = {f: f.stat().st_mtime_ns for f in files}
    # a rerun (say, after a crash) finds the partitions it wrote and does not redo them
    assert cli("ingest", *INPUTS, "--cluster", scheduler, "--parts", str(parts), "--db", db).exit_code == 0
    assert {f: f.stat().st_mtime_ns for f in sorted(parts.glob("*.parquet"))} == written
    loaded = json.loads(cli("load", str(parts), "--db", db, "--json").stdout)
    assert loaded["stored"] == len(content(single)["articles"]) and loaded["failed"] == 0
    assert content(db) == content(single)
    again = json.loads(cli("load", str(parts), "--db", db, "--json").stdout)
    assert again["stored"] == 0 and again["duplicates"] == loaded["stored"] + loaded["duplicates"]


def test_bad_partitions_and_clusters_are_one_line(cli, tmp_path):
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 this is not parquet")
    r = cli("load", str(bad), "--db", str(tmp_path / "x.db"))
    first = r.stderr.splitlines()[0]
    assert r.exit_code == 1 and first.startswith(f"dyad: {bad}: not a dyad partition (")
    assert "Traceback" not in r.stderr
    r = cli("load", str(tmp_path / "none"), "--db", str(tmp_path / "x.db"))
    assert (
        r.exit_code != 0
        and r.stderr.splitlines()[0] == f"dyad: {tmp_path / 'none'}: no such file or directory"
    )
    r = cli("ingest", str(SEEDS), "--cluster", "tcp://127.0.0.1:1", "--db", str(tmp_path / "x.db"))
    assert r.exit_code == 2 and r.stderr.startswith(
        "dyad: error: tcp://127.0.0.1:1: cannot reach the cluster"
    )
    assert r.stderr.count("\n") == 1
