"""Articles through the pipeline without a store: one raw input decoded, prepared and coded (what
`Dyad`, the worker processes and cluster workers share), one text (`process`), many inputs
(`extract`), and a directory of gold articles scored (`evaluate`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from . import gold, pipeline
from .errors import InputError
from .ingest import fields, sources
from .ingest.decode import DecodeError, decode
from .ingest.metadata import parse_date
from .knowledge import Knowledge, load_knowledge
from .model import Article
from .settings import Settings


def knowledge_for(settings: Settings) -> Knowledge:
    return load_knowledge(tuple(settings.actor_files), settings.use_starter_people)


_META = tuple((key, "doc_id" if key == "id" else key) for key in fields.RECORD_FIELDS)


def article_from(raw: sources.RawDoc, settings: Settings) -> Article:
    """The article model for a raw document: decoded, with the input's metadata."""
    try:
        if isinstance(raw.data, bytes):
            text, flags = decode(raw.data)
        else:
            text, flags = raw.data, []
        fields.check_body("the text" if raw.format == "text" else "the HTML", text)
        meta = {key: fields.field(key, getattr(raw, attr)) for key, attr in _META}
    except (DecodeError, fields.BadRecord) as err:
        raise InputError(raw.name, str(err)) from None
    article = Article(
        raw=text,
        format=raw.format,
        source=raw.source,
        doc_id=meta["id"],
        url=meta["url"],
        title=meta["title"],
        outlet=meta["outlet"],
    )
    if meta["published"]:
        article.published = parse_date(meta["published"])
        if article.published is None:
            article.flag("bad-date")
    for f in flags:
        article.flag(f)
    return article


def prepared(raw: sources.RawDoc, settings: Settings, ctx: pipeline.Context) -> Article:
    """A raw document decoded, cleaned and described; InputError when no article is left."""
    article = pipeline.prepare(article_from(raw, settings), ctx)
    if len(article.text.strip()) < settings.min_chars:
        what = "no article text found in the HTML" if raw.format == "html" else "no article text"
        raise InputError(raw.name, f"{what} after removing boilerplate")
    return article


def code_document(job: tuple[sources.RawDoc, Settings]) -> Article | InputError:
    """A raw document through the whole pipeline."""
    raw, settings = job
    return code_documents(([raw], settings))[0]


def code_documents(job: tuple[list[sources.RawDoc], Settings]) -> list[Article | InputError]:
    """Raw documents through the whole pipeline, coded together (a worker process's task): each
    the article, or the InputError that names why it has none."""
    raws, settings = job
    ctx = pipeline.Context(settings, knowledge_for(settings))
    out: list[Article | InputError] = []
    for raw in raws:
        try:
            out.append(prepared(raw, settings, ctx))
        except InputError as err:
            out.append(err)
    pipeline.code_many([a for a in out if isinstance(a, Article)], ctx)
    return out


def process(
    text: str,
    *,
    html: bool = False,
    title: str | None = None,
    published: str | date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """Run the whole pipeline over one article's text (or HTML) without a store; InputError when
    the text or a field is not text (a NUL, a lone surrogate) or a field is too long."""
    settings = settings or Settings()
    try:
        fields.check_body("the HTML" if html else "the text", text)
        meta = {"title": title, "outlet": outlet, "url": url}
        meta = {k: fields.field(k, v) for k, v in meta.items()}
        if isinstance(published, str):
            published = parse_date(fields.field("published", published))
    except fields.BadRecord as err:
        raise InputError("text", str(err)) from None
    article = Article(raw=text, format="html" if html else "text", published=published, **meta)
    return pipeline.run(article, pipeline.Context(settings, knowledge_for(settings)))


def extract(
    paths: Iterable[str],
    settings: Settings | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[tuple[str | None, Article]]:
    """(id, processed article) for every article of the inputs, without a store; the id is the
    JSONL record's `id`, else the input file's name without its extension."""
    settings = settings or Settings()
    ctx = pipeline.Context(settings, knowledge_for(settings))
    for item in sources.read(sources.expand(paths), settings.max_bytes):
        if isinstance(item, sources.Progress):
            continue
        if isinstance(item, InputError):
            if on_error:
                on_error(item)
            continue
        try:
            article = pipeline.run(article_from(item, settings), ctx)
        except InputError as err:
            if on_error:
                on_error(err)
            continue
        yield item.doc_id, article


def evaluate(gold_dir: str | Path, settings: Settings | None = None) -> dict:
    """Precision, recall and F1 of quotes and events over a directory of gold articles."""
    gold_records = gold.load_gold(Path(gold_dir))
    pred = {}
    for doc_id, g in gold_records.items():
        article = process(
            g["text"],
            title=g.get("title"),
            published=g.get("published"),
            outlet=g.get("outlet"),
            url=g.get("url"),
            settings=settings,
        )
        pred[doc_id] = gold.to_gold(article, doc_id)
    scores = gold.score(gold_records, pred)
    return {
        "articles": len(gold_records),
        **{
            name: {
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
                "f1": round(s.f1, 3),
                "true_positives": s.tp,
                "predicted": s.predicted,
                "gold": s.gold,
            }
            for name, s in scores.items()
        },
    }
