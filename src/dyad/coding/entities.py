"""Names from the language layer: people and organisations that no dictionary knows, found as
chains of proper nouns in the parse (and as the proper-noun subjects of speech verbs), with the
words that describe them; actors/learning.py codes and adds them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import KnowledgeError
from ..ingest.metadata import title_case
from ..knowledge import match_form
from ..knowledge.files import LINE, data_path, load_yaml
from ..linguistic.parse import PROPER_TAGS, char_span, is_proper, is_verb, tokens_with
from ..linguistic.speech import quotation_cues
from .timeref import CALENDAR_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..knowledge import Knowledge
    from .actors import Finder


@lru_cache(maxsize=1)
def _names() -> dict[str, frozenset[str]]:
    """knowledge/data/names.yaml: honorifics, organisation words and name particles."""
    path = data_path("names.yaml")
    data = load_yaml(path)
    out = {}
    for key in ("honorifics", "courtesy", "organisation_words", "thing_words", "particles"):
        words = data.get(key) if isinstance(data, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower() for w in words):
            raise KnowledgeError(str(path), None, f"'{key}' must be a list of lowercase words")
        out[key] = frozenset(words)
    return out


@lru_cache(maxsize=1)
def vessel_prefixes() -> dict[str, str]:
    """knowledge/data/names.yaml's vessels: a navy's ship-name prefix -> its country code."""
    path = data_path("names.yaml")
    data = load_yaml(path).get("vessels")
    data = {k: v for k, v in data.items() if k != LINE} if isinstance(data, dict) else None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and k == k.lower() and isinstance(v, str) and len(v) == 3 for k, v in data.items()
    ):
        raise KnowledgeError(str(path), None, "'vessels' must map lowercase prefixes to country codes")
    return data


def _words(key: str) -> frozenset[str]:
    return _names()[key]


def thing_words() -> frozenset[str]:
    """Words of place, building, law and occasion names (names.yaml), lowercase."""
    return _words("thing_words")


def after_courtesy(text: str, pos: int) -> bool:
    """Whether the word at pos follows "Mr.", "Ms." and the like, so is a surname ("Mr. King")."""
    words = text[max(0, pos - 6) : pos].split()
    return bool(words) and text[pos - 1 : pos].isspace() and words[-1].lower() in _words("courtesy")


UNKNOWN = ""  # the country of an actor whose country the text does not give
_ORG_MIN_CHARS = 3
_LONGEST_ACRONYM = 6  # letters: "WASHINGTON" in a dateline is no organisation's initials
_LONGEST_NAME = 4  # words: a longer chain of proper nouns is a title or a headline, not a name


@dataclass(slots=True)
class Found:
    """A name in a parsed sentence: its article offsets, label and the country words inside it."""

    start: int
    end: int
    label: str  # PERSON | ORG
    name: str
    head: str  # the lowercased head word
    title: str | None = None  # the title word(s) the name came after ("Mayor Ines Varga")
    near: tuple[int, int] | None = None  # the words that describe it: its modifiers, an apposition


def names(finder: Finder) -> Iterator[Found]:
    """The names of the parsed sentences: each chain of capitalised proper nouns ("Amina Otieno",
    "the Electoral Commission"), an organisation's when it holds an organisation word, else a
    person's when it has two to four words; and a lone proper noun that names someone (_lone_name)."""
    a = finder.a
    speech = quotation_cues()
    for i, doc in a.parses.items():
        for tok in tokens_with(doc, "TAG", PROPER_TAGS):
            if tok.dep_ == "compound" and is_proper(tok.head):
                continue  # not the head of a chain of proper nouns
            span = doc[_compound_start(tok) : tok.i + 1]
            words = [t for t in span if not t.is_punct]
            if not all(t.text[:1].isupper() for t in words):
                continue
            organisation = any(t.lower_ in _words("organisation_words") for t in words)
            if not organisation and any(t.lower_ in _words("thing_words") for t in words):
                continue  # a place, a building, a law, a day: no actor ("West Africa", not "Africa Union")
            if _acronym(words) and match_form(words[0].text.title()) in finder.kb.proper:
                continue  # a known name in capitals ("KABUL, Oct. 10 —"), no acronym
            if organisation or _acronym(words):
                label = "ORG"
            elif 2 <= len(words) <= _LONGEST_NAME or _lone_name(tok, speech):
                label = "PERSON"
            else:
                continue
            found = _found(a, i, span, label, finder.kb)
            if found is not None:
                found.near = _describing(a, i, tok, span.start)
                yield found


def _lone_name(tok: Token, speech) -> bool:
    """A lone proper noun that names someone: the subject of a speech verb ("…,” Okafor said"),
    or a singular one with no article that is a verb's subject or direct object ("the court
    convicted Varga"; "the Rhine", "non-Muslims" are no one's name), or, inside a sentence, the
    one an act is against ("a lawsuit against Varga", "an investigation into Varga", "the arrest
    of Varga"). A possessor is not enough: "Gallup's poll", "Veteran's Day" name no one."""
    if tok.dep_ in ("nsubj", "nsubjpass") and speech.fullmatch(tok.head.text):
        return True
    single = tok.tag_ == "NNP" and not any(c.dep_ == "det" for c in tok.children)
    if single and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return tok.head.tag_.startswith("VB")
    head = tok.head
    aimed = single and tok.dep_ == "pobj" and head.lower_ in _AIMED
    if not aimed or not (head.head.tag_ in ("NN", "NNS") or is_verb(head.head)):
        return False
    if any(c.dep_ in ("compound", "amod") for c in tok.children) or not _mid_sentence(tok):
        return False
    return head.lower_ != "of" or head.head.lower_ in _act_words()  # "parts of Kashmir": no one


_AIMED = frozenset({"against", "into", "of"})


def _mid_sentence(tok: Token) -> bool:
    """A word inside its sentence, after a word, not a month or weekday: a capital at a sentence's
    start, after a colon or quotation mark ("Editor's Note:") or in a headline is no sign of a
    name."""
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if prev is None or prev.is_punct or not tok.text.isalpha() or tok.text in CALENDAR_WORDS:
        return False
    return not title_case(tok.sent.text, 0.7)  # "Reach Into Bag of Tricks": a headline's capitals


@lru_cache(maxsize=1)
def _act_words() -> frozenset[str]:
    """The words that name an act (events.yaml): "the arrest of Varga" names whom it is against."""
    from .events.patterns import load_patterns  # the events package codes from the actors: late import

    return frozenset(load_patterns().forms)


def _describing(a, sentence: int, tok: Token, first: int) -> tuple[int, int] | None:
    """The article offsets of the words that describe a name, where a country may be given: its
    modifiers ("British militant Haroon Aswad", "U.S. negotiator Paul Nitze"), its apposition
    ("Kenzo Oshima, the United Nations relief coordinator"), or the phrase it is the apposition of
    ("the Nigerian Union of Teachers (NUT)")."""
    doc = tok.doc
    if tok.left_edge.i < first:
        return char_span(a, sentence, doc[tok.left_edge.i : first])
    appos = next((c for c in tok.children if c.dep_ == "appos"), None)
    if appos is not None:
        return char_span(a, sentence, doc[appos.left_edge.i : appos.i + 1])
    if tok.dep_ == "appos" and tok.head.i < tok.i:
        head = tok.head
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i < head.i:
            head = head.head.head  # "the Nigerian Union of Teachers (NUT)": the whole phrase
        return char_span(a, sentence, doc[head.left_edge.i : tok.left_edge.i])
    return None


def _acronym(words: list[Token]) -> bool:
    """One word of capitals ("FRN", "NATO"): an organisation's initials."""
    w = words[0].text if len(words) == 1 else ""
    return w.isalpha() and w.isupper() and 1 < len(w) <= _LONGEST_ACRONYM


def _compound_start(tok: Token) -> int:
    """Where a chain of proper nouns ending at tok starts: its compounds, and a hyphenated name
    written as one word ("Douglas Holtz-Eakin")."""
    doc, start = tok.doc, tok.i
    for child in tok.lefts:
        if child.dep_ == "compound" and is_proper(child):
            case = next((c for c in child.children if c.dep_ == "case"), None)
            start = min(start, child.i if case is None else case.i + 1)  # "NBC’s Dante Chinni"
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
        if not is_proper(doc[start - 2]) or doc[start - 1].whitespace_:
            break
        start = _compound_start(doc[start - 2])
    return start


def _found(a, sentence: int, span: Span, label: str, kb: Knowledge) -> Found | None:
    tokens = list(span)
    while tokens and (tokens[0].lower_ in _words("honorifics") or tokens[0].lower_ in ("the", "a", "an")):
        tokens = tokens[1:]
    title = None
    if label == "PERSON":
        title, tokens = _title_prefix(tokens, kb)
    while (tokens and tokens[-1].tag_ == "POS") or (tokens and tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return None
    sub = span.doc[tokens[0].i : tokens[-1].i + 1]
    name = sub.text
    if not any(c.isupper() for c in name[:1]) or len(name) < _ORG_MIN_CHARS:
        return None
    if label == "PERSON" and any(len(t.text) == 1 and t.text.isalpha() for t in sub):
        return None  # "(D-Mo.)": a party and a state, no name; an initial has its period ("J.")
    if label == "PERSON" and not all(
        t.text[:1].isupper() or t.text in _words("particles") or t.text == "-" for t in sub
    ):
        return None
    start, end = char_span(a, sentence, sub)
    return Found(start, end, label, " ".join(name.split()), sub.root.lower_, title)


def _title_prefix(tokens: list[Token], kb: Knowledge) -> tuple[str | None, list[Token]]:
    """A title and its modifiers before a name ("Former Mayor Ines Varga") and the name after
    them; the title is no part of the name, and takes the title words before the chain ("Prime
    Minister" where the tagger read "Prime" as an adjective)."""
    i, title = 0, None
    while i < len(tokens) and tokens[i].lower_ in kb.modifiers:
        i += 1
    for n in (3, 2, 1):
        words = " ".join(t.lower_ for t in tokens[i : i + n])
        if len(tokens) - i - n >= 1 and words in kb.titles:
            title, first, i = words, tokens[i], i + n
            break
    if title is None:
        return None, tokens
    doc, at = first.doc, first.i
    while at > 0 and f"{doc[at - 1].lower_} {title}" in kb.titles:
        title, at = f"{doc[at - 1].lower_} {title}", at - 1  # "Prime" read as an adjective
    return title, tokens[i:]
