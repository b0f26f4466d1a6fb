"""The pipeline: an ordered list of named stages, each a function over the article model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .coding.actors import find_actors
from .coding.events import event_sentences, find_events
from .coding.locations import find_locations
from .coding.quotes import find_quotes
from .ingest.clean import clean_text, html_to_text
from .ingest.fields import trimmed
from .ingest.language import detect_language
from .ingest.metadata import date_in_text, parse_date, title_in_text
from .knowledge import Knowledge
from .linguistic.parse import parse_many, wanted
from .linguistic.sentences import split_sentences
from .model import Article
from .settings import Settings


@dataclass(frozen=True)
class Context:
    """What stages read besides the article: settings and knowledge."""

    settings: Settings
    knowledge: Knowledge


def extract_html(article: Article, ctx: Context) -> None:
    """HTML input -> main text, with title, outlet, date and URL from the page's metadata."""
    if article.format != "html":
        article.text = article.raw
        return
    page = html_to_text(article.raw)
    article.text = page.text
    article.title = article.title or trimmed(page.title)
    article.outlet = article.outlet or page.outlet
    article.url = article.url or page.url
    article.published = article.published or parse_date(page.date)


def clean(article: Article, ctx: Context) -> None:
    """Drop boilerplate lines (navigation, widgets, repeated headline); flag a cut-off end."""
    article.text, flags = clean_text(article.text)
    for f in flags:
        article.flag(f)


def metadata(article: Article, ctx: Context) -> None:
    """Title and publication date from the text when the input did not give them."""
    if article.title is None:
        article.title = trimmed(title_in_text(article.text))
    if article.published is None:
        article.published = date_in_text(article.text)
        if article.published is not None:
            article.flag("date-from-text")


def language(article: Article, ctx: Context) -> None:
    """The article's language; a non-English article is kept but not coded."""
    article.language = detect_language(article.text)
    if not article.is_english:
        article.flag("not-english")


def sentences(article: Article, ctx: Context) -> None:
    """Sentence spans of the cleaned text."""
    article.sentences = split_sentences(article.text)


def parse(article: Article, ctx: Context) -> None:
    """Tags and dependency parse of the sentences with quotations, speech or names."""
    parse_all([article], ctx)


def parse_all(articles: list[Article], ctx: Context) -> None:
    """`parse` over several articles in one stream of batches."""
    for article in articles:
        article.parses = {}
    if ctx.settings.parse:
        parse_many(articles, [wanted(a) for a in articles])


def actors(article: Article, ctx: Context) -> None:
    """Actor mentions resolved to canonical actors."""
    find_actors(article, ctx.knowledge)


def quotes(article: Article, ctx: Context) -> None:
    """Direct quotations with their speakers."""
    find_quotes(article)


def parse_events(article: Article, ctx: Context) -> None:
    """The parse of the sentences with an event trigger and an actor, besides those parsed."""
    parse_events_all([article], ctx)


def parse_events_all(articles: list[Article], ctx: Context) -> None:
    """`parse_events` over several articles in one stream of batches."""
    if ctx.settings.parse:
        parse_many(articles, [event_sentences(a) for a in articles])


def events(article: Article, ctx: Context) -> None:
    """PLOVER events with time, modality and evidence."""
    find_events(article)


def locations(article: Article, ctx: Context) -> None:
    """Where each event happened: its clause's place, else its sentence's, else the dateline's."""
    find_locations(article, ctx.knowledge.place_points)


StageFn = Callable[[Article, Context], None]


@dataclass(frozen=True)
class Stage:
    """A named step over the article model, with the `Article` fields it reads and those it writes
    (as spaCy's components declare theirs); tests/test_pipeline.py holds every stage to its word."""

    name: str
    run: StageFn
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    run_many: Callable[[list[Article], Context], None] | None = None  # the same over several at once


# Preparing an article gives its cleaned text, which identifies it; coding needs English text.
PREPARE: list[Stage] = [
    Stage(
        "extract_html",
        extract_html,
        reads=("format", "raw", "title", "outlet", "url", "published"),
        writes=("text", "title", "outlet", "url", "published"),
    ),
    Stage("clean", clean, reads=("text",), writes=("text", "flags")),
    Stage(
        "metadata",
        metadata,
        reads=("title", "published", "text"),
        writes=("title", "published", "flags"),
    ),
    Stage("language", language, reads=("text",), writes=("language", "flags")),
]
CODE: list[Stage] = [
    Stage("sentences", sentences, reads=("text",), writes=("sentences",)),
    Stage("parse", parse, reads=("text", "sentences"), writes=("parses",), run_many=parse_all),
    Stage(
        "actors", actors, reads=("text", "published", "sentences", "parses"), writes=("mentions", "actors")
    ),
    Stage("quotes", quotes, reads=("text", "sentences", "parses", "mentions", "actors"), writes=("quotes",)),
    Stage(
        "parse_events",
        parse_events,
        reads=("text", "sentences", "parses", "mentions", "actors"),
        writes=("parses",),
        run_many=parse_events_all,
    ),
    Stage(
        "events",
        events,
        reads=("text", "published", "sentences", "parses", "mentions", "actors", "quotes"),
        writes=("events", "candidates"),
    ),
    Stage(
        "locations",
        locations,
        reads=("text", "sentences", "mentions", "actors", "events"),
        writes=("events",),
    ),
]


def prepare(article: Article, ctx: Context) -> Article:
    for stage in PREPARE:
        stage.run(article, ctx)
    return article


def code(article: Article, ctx: Context) -> Article:
    """Run the coding stages (English articles only); clears what an earlier run found."""
    return code_many([article], ctx)[0]


def code_many(articles: list[Article], ctx: Context) -> list[Article]:
    """`code` over several articles, stage by stage: the stages that can take several articles at
    once (the parse) do, the others take them one by one. Each article comes out as `code` alone
    would give it."""
    for article in articles:
        article.sentences, article.mentions, article.actors = [], [], {}
        article.quotes, article.events, article.candidates = [], [], []
    english = [a for a in articles if a.is_english]
    for stage in CODE:
        if stage.run_many is not None:
            stage.run_many(english, ctx)
        else:
            for article in english:
                stage.run(article, ctx)
    for article in articles:
        article.parses = {}  # the parse serves the stages; it is not kept or stored
    return articles


def run(article: Article, ctx: Context) -> Article:
    return code(prepare(article, ctx), ctx)
