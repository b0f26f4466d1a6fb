"""Boilerplate removal: HTML through trafilatura, widget and navigation lines in plain text."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import yaml

from ..errors import KnowledgeError
from ..knowledge.files import data_path

_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ODD_SPACES = ("  ", "\t", "\u00a0", *map(chr, range(0x2000, 0x200C)), "\u202f", "\u205f", "\u3000")
_ELLIPSIS = ("…", "...", "[…]", "[...]")
# Control characters (but tab and line breaks), raw or as references ("&#27;"): not text, and lxml
# gives up the whole page for one of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_REF = re.compile(
    r"&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|127))(?![0-9a-fA-F]);?"
)
_FINAL = tuple(".!?\"”’'»)]…:;")


@dataclass(frozen=True)
class Boilerplate:
    lines: frozenset[str]
    share_words: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    path = data_path("boilerplate.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("lines", "share_words", "patterns"):
        if not all(isinstance(v, str) for v in data[key]):
            raise KnowledgeError(str(path), None, f"'{key}' must be a list of strings")
    return Boilerplate(
        lines=frozenset(data["lines"]),
        share_words=frozenset(data["share_words"]),
        patterns=tuple(re.compile(p) for p in data["patterns"]),
    )


@dataclass(slots=True)
class HtmlContent:
    text: str
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None


def html_to_text(html: str) -> HtmlContent:
    """The main text and metadata of an HTML page ('' when none is found)."""
    # imported here: trafilatura is slow to import and only HTML needs it
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    options = _extractor()
    html = _CONTROL_REF.sub("", _CONTROL.sub("", html))  # else lxml drops the whole page
    try:
        tree = load_html(html, options.max_file_size)
    except (TypeError, ValueError):  # as bare_extraction does: no page
        tree = None
    doc = bare_extraction(tree, options=options) if tree is not None else None
    if doc is None:
        return HtmlContent("", None, None, None, None)
    try:
        meta = _page_metadata(tree, options)
    except (ImportError, AttributeError, TypeError):  # another trafilatura: its own, slower metadata
        meta = bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    return HtmlContent(doc.text or "", meta.title, meta.sitename, meta.date, meta.url)


@lru_cache(maxsize=1)
def _extractor():
    """trafilatura's options for the main text, built once (building them parses its config)."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", comments=False, tables=False)


def _page_metadata(tree, options):
    """Title, site name, date and URL as trafilatura's extract_metadata finds them, without the
    author, categories, tags and license, which dyad does not use and which cost most of it."""
    from htmldate import find_date
    from trafilatura import metadata as tm
    from trafilatura.settings import set_date_params

    meta = tm.examine_meta(tree)
    with contextlib.suppress(Exception):  # trafilatura's own guard against bugs in its JSON-LD reader
        meta = tm.extract_meta_json(tree, meta)
    if not meta.title:
        meta.title = tm.extract_title(tree)
    if not meta.url:
        meta.url = tm.extract_url(tree)
    # per call, as trafilatura does: the latest acceptable date is today
    dates = set_date_params(options.config.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
    try:
        meta.date = find_date(tree, **{**dates, "url": meta.url})
    except Exception:  # htmldate trips on odd pages (an SVG with a script): no date, not a crash
        meta.date = None
    if not meta.sitename:
        meta.sitename = tm.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (m := tm.META_URL.match(meta.url)):
        meta.sitename = m[1]
    meta.clean_and_trim()
    return meta


def clean_text(text: str) -> tuple[str, list[str]]:
    """Text without boilerplate lines, with normalised line breaks; flags what was found."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)
    if any(s in text for s in _ODD_SPACES):  # else folding spaces would change nothing
        text = _SPACE.sub(" ", text)
    raw_lines = [line.strip() for line in text.split("\n")]
    below = _Below(raw_lines)
    script = _main_script("\n".join(raw_lines))
    bp = boilerplate()
    kept: list[str] = []
    seen: set[str] = set()
    flags: list[str] = []
    for i, line in enumerate(raw_lines):
        if not line:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        key = _key(line)
        if _is_widget(key, bp) or _foreign_script(line, script):
            flags.append("boilerplate")
            continue
        if len(key.split()) >= 3 and key in seen:
            flags.append("repeated-line")
            continue
        if line.endswith(_ELLIPSIS) and _is_teaser(line, below.after(i)):
            flags.append("teaser")
            continue
        seen.add(key)
        kept.append(line)
    while kept and kept[-1] == "":
        kept.pop()
    cleaned = "\n".join(kept)
    if kept and _cut_off(kept[-1]):
        flags.append("truncated")
    return cleaned, sorted(set(flags))


def _key(line: str) -> str:
    return _PUNCT.sub(" ", line.lower()).strip()


def _is_widget(key: str, bp: Boilerplate) -> bool:
    key = " ".join(key.split())
    if not key:
        return True  # a line of punctuation only
    if key in bp.lines:
        return True
    words = key.split()
    if words[0] == "share" and all(w in bp.share_words for w in words):
        return True
    return any(p.fullmatch(key) for p in bp.patterns)


@lru_cache(maxsize=8192)
def _script_of(ch: str) -> str:
    if ch.isascii():
        return "LATIN"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_OTHER_LETTERS = re.compile(r"[^\W\d_A-Za-z]")


def _main_script(text: str) -> str:
    """The script of most letters of the text's opening (LATIN on a tie)."""
    sample = text[:5000]
    if sample.isascii():
        return "LATIN"
    ascii_part = sample.encode("ascii", "ignore")
    counts = {"LATIN": len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))}
    # the other letters are all non-ASCII: look for them among those characters only
    for ch in _OTHER_LETTERS.findall("".join(_NON_ASCII.findall(sample))):
        script = _script_of(ch)
        counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__)


def _foreign_script(line: str, script: str) -> bool:
    """A short line mostly in another script than the article (a widget or contact form)."""
    if (line.isascii() and script == "LATIN") or len(line.split()) > 12:
        return False
    letters = [ch for ch in line if ch.isalpha()]
    if not letters:
        return False
    other = sum(1 for ch in letters if _script_of(ch) != script)
    return other / len(letters) > 0.5


class _Below:
    """The text below each line, its white space made single spaces: made once, not once for each
    line that ends with an ellipsis (that would take time growing as the square of the text)."""

    WINDOW = 100_000  # a teaser's full text is in the article below it, not further

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.flat: str | None = None
        self.starts: list[int] = []

    def after(self, i: int) -> str:
        if self.flat is None:
            words = [" ".join(line.split()) for line in self.lines]
            at = 0
            for w in words:
                self.starts.append(at)
                at += len(w) + 1 if w else 0
            self.starts.append(at)
            self.flat = " ".join(w for w in words if w)
        start = self.starts[i + 1]
        return self.flat[start : start + self.WINDOW]


def _is_teaser(line: str, below: str) -> bool:
    """A summary cut with an ellipsis whose text is repeated in full below."""
    stem = line
    for e in _ELLIPSIS:
        stem = stem.removesuffix(e)
    stem = " ".join(stem.split())
    return len(stem) > 40 and stem in below


def _cut_off(last: str) -> bool:
    """The last paragraph ends mid-sentence (a scrape that lost its end)."""
    return not last.endswith(_FINAL)
