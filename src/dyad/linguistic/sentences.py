"""Sentence segmentation that survives abbreviations, initials, decimals and quotations."""

from __future__ import annotations

import re

from ..model import Sentence

# Abbreviations that end with a period and never end a sentence by themselves.
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "cpt",
    "sgt",
    "adm",
    "cmdr",
    "brig",
    "rep",
    "sen",
    "gov",
    "pres",
    "amb",
    "hon",
    "rev",
    "st",
    "sr",
    "jr",
    "mt",
    "ft",
    "no",
    "nos",
    "vol",
    "art",
    "fig",
    "para",
    "sec",
    "ch",
    "pp",
    "vs",
    "v",
    "approx",
    "est",
    "dept",
    "univ",
    "inc",
    "ltd",
    "co",
    "corp",
    "bros",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "e.g",
    "i.e",
    "etc",
    "cf",
    "al",
    "ca",
}
# Abbreviations that may also end a sentence ("...by the U.S. The next day...").
_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}$")
# Words that usually start a sentence: after "U.S." they mean the sentence ended.
_STARTERS = {
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "A",
    "An",
    "However",
    "Meanwhile",
    "Yet",
    "There",
    "Officials",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "If",
    "Some",
    "Many",
}
_OPEN = "\"'“‘«(["
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+)")
_BREAK = re.compile(r"\n+")
_NEXT_WORD = re.compile(r"\s+(\S+)")
_INITIAL = re.compile(r"[A-Z]")
_WORD_PUNCT = "_.'’-"  # with letters and digits, what a word before a period may hold


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of the text; a paragraph break always ends a sentence."""
    out: list[Sentence] = []
    for start, end in _paragraphs(text):
        for s, e in _split_paragraph(text, start, end):
            out.append(Sentence(len(out), s, e))
    return out


def _paragraphs(text: str):
    pos = 0
    for m in _BREAK.finditer(text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def _split_paragraph(text: str, start: int, end: int):
    para = text[start:end]
    begin = 0
    for m in _CANDIDATE.finditer(para):
        cut = m.end()
        nxt = _next_word(para, cut)
        if not nxt or not _is_boundary(para, m.start(), m.group(), nxt):
            continue
        s, e = _trim(para, begin, cut)
        if e > s:
            yield start + s, start + e
        begin = cut
    s, e = _trim(para, begin, len(para))
    if e > s:
        yield start + s, start + e


def _next_word(para: str, pos: int) -> str:
    m = _NEXT_WORD.match(para, pos)
    return m.group(1) if m else ""


def _is_boundary(para: str, dot: int, punct: str, nxt: str) -> bool:
    first = nxt.lstrip(_OPEN)
    if not first:
        return True
    if first[0].islower():
        return False  # "...?” he asked" or "e.g. the"
    if punct[0] != ".":
        return True
    word = _word_before(para, dot)
    if not word:
        return True
    bare = word.lower().rstrip(".")
    if _ACRONYM.search(word + "."):
        return first in _STARTERS or nxt[0] in _OPEN
    if _INITIAL.fullmatch(word):
        return False  # an initial: "S. Jaishankar"
    if bare in _TITLES:
        return bare in {"etc", "inc", "ltd", "co", "corp", "bros"} and first in _STARTERS
    return True


def _word_before(para: str, dot: int) -> str:
    """The run of word characters, periods, apostrophes and hyphens that ends at dot."""
    start = dot
    while start > 0 and (para[start - 1].isalnum() or para[start - 1] in _WORD_PUNCT):
        start -= 1
    return para[start:dot]


def _trim(para: str, s: int, e: int) -> tuple[int, int]:
    while s < e and para[s].isspace():
        s += 1
    while e > s and para[e - 1].isspace():
        e -= 1
    return s, e
