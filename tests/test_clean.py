"""Boilerplate removal on the seed articles and on constructed pages."""

import re
from pathlib import Path

import pytest
import trafilatura
from conftest import SEEDS

import dyad
from dyad.ingest.clean import clean_text, html_to_text
from dyad.linguistic.sentences import split_sentences

SEED3 = SEEDS / "003_faa9dfb136758eec.txt"
SEED0 = SEEDS / "000_002a772d83aea243.txt"


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_seed_loses_widgets_contact_form_and_repeated_headline():
    raw = SEED3.read_text(encoding="utf-8")
    cleaned, flags = clean_text(raw)
    assert "Previous Post" not in cleaned and "Next Post" not in cleaned
    assert not re.search(r"[\u0600-\u06ff]", cleaned)  # the Arabic contact-form line
    headline = raw.split("\n", 1)[0]
    assert raw.count(headline) == 2 and cleaned.count(headline) == 1
    assert cleaned.startswith(headline)
    assert "truncated" in flags  # the body ends mid-sentence ("His")


def test_seed_keeps_every_body_sentence():
    for path in (SEED0, SEED3):
        raw = path.read_text(encoding="utf-8")
        cleaned, _ = clean_text(raw)
        dropped = {"Previous Post Next Post", "نموذج الاتصال"}
        body = [line for line in raw.split("\n") if line.strip() and line.strip() not in dropped]
        for sentence in _sentences("\n".join(body)):
            assert sentence in cleaned, sentence
        assert len(_sentences(cleaned)) == len(_sentences("\n".join(body))) - (path == SEED3)


def test_share_lines_and_navigation():
    raw = (
        "Skip to main content\nTalks collapse in Istanbul\nShare on Facebook Share on X\n"
        "Pakistan and Afghanistan ended talks on Friday without a deal, officials said.\n"
        "3 min read\ngoogle_preferred_badge\nShare this\nAdvertisement\n"
    )
    cleaned, flags = clean_text(raw)
    assert cleaned == (
        "Talks collapse in Istanbul\nPakistan and Afghanistan ended talks on Friday "
        "without a deal, officials said."
    )
    assert "boilerplate" in flags and "truncated" not in flags


def test_teaser_repeated_in_full_is_dropped():
    body = (
        "ISLAMABAD: The latest round of peace talks between Pakistan and Afghanistan ended "
        "without progress. The delegation returned home."
    )
    raw = f"Headline here\n{body[:90]}…\n{body}\n"
    cleaned, flags = clean_text(raw)
    assert cleaned == f"Headline here\n{body}" and "teaser" in flags


def test_odd_spaces_fold_and_a_short_line_in_another_script_goes():
    cleaned, _ = clean_text("Pakistan\u00a0and  Afghanistan\tagreed\u3000to talks on Sunday.\n")
    assert cleaned == "Pakistan and Afghanistan agreed to talks on Sunday."
    ru = "Россия и Украина договорились о прекращении огня в понедельник, сообщили официальные лица."
    cleaned, flags = clean_text(f"{ru}\nPakistan border talks\n{ru.replace('в понедельник', 'во вторник')}")
    assert cleaned.split("\n") == [ru, ru.replace("в понедельник", "во вторник")] and "boilerplate" in flags
    cleaned, flags = clean_text(f"{ru}\n{ru.replace('в понедельник', 'во вторник')}\n{_EN_LINE}")
    assert cleaned.endswith(_EN_LINE) and "boilerplate" not in flags  # a long line stays


_EN_LINE = "Officials in Kabul and Islamabad said the talks would resume in Istanbul next week."


def test_html_main_text_and_metadata():
    html = """<html><head><title>Truce - Frontier Ledger</title>
    <meta property="og:site_name" content="Frontier Ledger">
    <meta property="article:published_time" content="2025-10-19T08:00:00Z"></head>
    <body><nav><a href="/">Home</a><a href="/world">World</a></nav>
    <article><h1>Pakistan and Afghanistan agree truce in Doha</h1>
    <p>DOHA - Pakistan and Afghanistan agreed to an immediate ceasefire on Sunday after talks
    mediated by Qatar and Turkey, the Qatari foreign ministry said in a statement.</p>
    <p>"We will respect the ceasefire," Defence Minister Khawaja Asif told reporters.</p></article>
    <aside>Most read: Cricket scores</aside><footer>Copyright 2025 Frontier Ledger</footer>
    </body></html>"""
    page = html_to_text(html)
    assert "agreed to an immediate ceasefire" in page.text
    assert "Cricket" not in page.text and "Copyright" not in page.text
    assert page.outlet == "Frontier Ledger" and page.date == "2025-10-19"


_BODY = (
    "<p>DOHA - Pakistan and Afghanistan agreed to an immediate ceasefire on Sunday after talks "
    "mediated by Qatar and Turkey, the Qatari foreign ministry said in a statement on the talks.</p>"
    "<p>Defence Minister Khawaja Asif told reporters that Pakistan would respect the ceasefire as "
    "long as attacks from Afghan territory stopped, and that a second round was planned.</p>"
)
# pages whose metadata comes from elsewhere than the demo pages' OpenGraph tags
_PAGES = {
    "json-ld": (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Truce agreed in Doha", "datePublished": '
        '"2025-10-19T08:00:00Z", "url": "https://news.example.org/doha-truce", "publisher": '
        '{"@type": "Organization", "name": "Example News"}}</script></head><body><article>'
        f"{_BODY}</article></body></html>"
    ),
    "title-tag": (
        "<html><head><title>Truce agreed in Doha - news.example.org</title>"
        '<link rel="canonical" href="/world/doha-truce"><meta name="twitter:site" content="@exnews">'
        '<meta name="twitter:url" content="https://news.example.org/world/doha-truce">'
        f'</head><body><main><p class="date">19 October 2025</p>{_BODY}</main></body></html>'
    ),
    "bare": f"<html><body><div>{_BODY}</div></body></html>",
}


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in (Path(dyad.__file__).parent / "demo_corpus" / "html").glob("*.html"))
    + sorted(_PAGES),
)
def test_html_text_and_metadata_are_trafilaturas_full_extraction(name):
    """dyad skips the metadata it does not use (author, tags, license): what it keeps is unchanged."""
    demo = Path(dyad.__file__).parent / "demo_corpus" / "html" / name
    html = demo.read_text(encoding="utf-8") if demo.exists() else _PAGES[name]
    full = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    page = html_to_text(html)
    assert page.text and page.text == full.text
    assert (page.title, page.outlet, page.date, page.url) == (full.title, full.sitename, full.date, full.url)


def test_html_metadata_falls_back_to_trafilaturas_own_when_its_internals_change(monkeypatch):
    from dyad.ingest import clean

    html = _PAGES["json-ld"]
    expected = html_to_text(html)

    def gone(tree, options):
        raise AttributeError("module 'trafilatura.metadata' has no attribute 'examine_meta'")

    monkeypatch.setattr(clean, "_page_metadata", gone)
    page = html_to_text(html)
    assert (page.text, page.title, page.outlet, page.date, page.url) == (
        expected.text,
        expected.title,
        expected.outlet,
        expected.date,
        expected.url,
    )
    assert page.title == "Truce agreed in Doha"
