"""The stage registry keeps its word: over the demo corpus, each stage changes only the `Article`
fields it declares in `writes` and touches no field outside `reads` and `writes`, and every field a
stage reads is given by the input or written by an earlier stage."""

from __future__ import annotations

import copy
import dataclasses
import json
import sys
from pathlib import Path

import pytest

import dyad
from dyad import pipeline
from dyad.ingest import sources
from dyad.model import Article
from dyad.processing import article_from, knowledge_for
from dyad.settings import Settings

DEMO = Path(dyad.__file__).parent / "demo_corpus"
FIELDS = tuple(f.name for f in dataclasses.fields(Article))
# what processing.article_from fills from the input before the first stage
INPUT = ("raw", "format", "source", "doc_id", "url", "title", "outlet", "published", "flags")
STAGES = pipeline.PREPARE + pipeline.CODE


def _snapshot(article: Article) -> dict:
    """Each field's value; the parses (spaCy Docs) by sentence index and identity."""
    return {
        name: {i: id(doc) for i, doc in article.parses.items()}
        if name == "parses"
        else copy.deepcopy(getattr(article, name))
        for name in FIELDS
    }


_SEEN: set[str] = set()


class _Watched(Article):
    """An article that notes which of its fields a stage looks at (reads, or changes in place); a
    copy made by `dataclasses.replace` is watched too, but the copying itself is not a look."""

    def __getattribute__(self, name: str):
        if name in FIELDS and sys._getframe(1).f_code.co_filename != dataclasses.__file__:
            _SEEN.add(name)
        return object.__getattribute__(self, name)


def _run_stage(stage: pipeline.Stage, article: Article, ctx: pipeline.Context) -> tuple[set, set]:
    """The fields the stage changed and those it looked at."""
    before = _snapshot(article)
    _SEEN.clear()
    article.__class__ = _Watched
    try:
        stage.run(article, ctx)
    finally:
        article.__class__ = Article
    seen = set(_SEEN)
    after = _snapshot(article)
    return {n for n in FIELDS if before[n] != after[n]}, seen


def test_declared_fields_are_article_fields():
    for stage in STAGES:
        assert set(stage.reads) | set(stage.writes) <= set(FIELDS), stage.name


def test_every_read_is_input_or_written_earlier():
    available = set(INPUT)
    for stage in STAGES:
        missing = set(stage.reads) - available
        assert not missing, f"{stage.name} reads {sorted(missing)}, which no earlier stage writes"
        available |= set(stage.writes)


@pytest.fixture(scope="module")
def demo_docs() -> list[sources.RawDoc]:
    docs = [x for x in sources.read(sources.expand([DEMO]), 10**8) if isinstance(x, sources.RawDoc)]
    assert len(docs) >= 10
    return docs


def test_stages_keep_to_their_declarations(demo_docs):
    settings = Settings()
    ctx = pipeline.Context(settings, knowledge_for(settings))
    changed: dict[str, set] = {s.name: set() for s in STAGES}
    for raw in demo_docs:
        article = article_from(raw, settings)
        for stage in STAGES:
            if stage in pipeline.CODE and not article.is_english:
                break
            wrote, seen = _run_stage(stage, article, ctx)
            changed[stage.name] |= wrote
            undeclared = wrote - set(stage.writes)
            assert not undeclared, f"{stage.name} wrote {sorted(undeclared)} on {raw.name}"
            untold = seen - set(stage.reads) - set(stage.writes)
            assert not untold, f"{stage.name} looked at {sorted(untold)} on {raw.name}"
    # the declarations are not loose either: every stage wrote something over the corpus
    assert all(changed.values()), {n: sorted(c) for n, c in changed.items()}


def test_coding_articles_together_gives_each_what_coding_it_alone_gives(demo_docs):
    """`code_many` parses several articles' sentences in one stream: each article comes out with
    the mentions, quotes and events `code` gives it alone."""
    settings = Settings()
    ctx = pipeline.Context(settings, knowledge_for(settings))

    def coded(article: Article) -> tuple:
        return (article.mentions, article.actors, article.quotes, article.events, article.candidates)

    alone = [coded(pipeline.run(article_from(raw, settings), ctx)) for raw in demo_docs]
    together = pipeline.code_many(
        [pipeline.prepare(article_from(raw, settings), ctx) for raw in demo_docs], ctx
    )
    assert [coded(a) for a in together] == alone
    assert all(not a.parses for a in together)  # the parse is let go of, as `code` does


def test_a_text_twice_in_one_batch_is_stored_once_and_counted_a_duplicate(tmp_path):
    text = "Ghana and Togo agreed on Monday to reopen their border, officials said. " * 3
    corpus = tmp_path / "batch.jsonl"
    records = [{"id": "a", "text": text}, {"id": "b", "text": text}, {"id": "c", "text": text + "More."}]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n{broken\n", encoding="utf-8")
    with dyad.open(tmp_path / "store.db") as d:
        report = d.ingest([str(corpus)])
        assert (report.stored, report.duplicates, len(report.failed)) == (2, 1, 1)
        assert len(d.store.article_ids()) == 2
