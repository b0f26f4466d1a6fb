"""Shared fixtures: paths to ../shared, a CLI runner, a fresh store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "data" / "seeds"
DEV = SHARED / "data" / "dev"


def gold_articles() -> list[dict]:
    """Gold-annotated articles of ../shared (seeds and dev)."""
    files = sorted(SEEDS.glob("seed*.json")) + sorted(DEV.glob("d*.json"))
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "test.db")


@pytest.fixture
def cli():
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke
