"""The speech verbs of knowledge/data/speech.yaml: words that introduce or attribute speech."""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import KnowledgeError
from ..knowledge.files import LINE, data_path, load_yaml
from .inflection import inflect


@lru_cache(maxsize=1)
def _data() -> tuple[list[str], list[str]]:
    path = data_path("speech.yaml")
    data = load_yaml(path)
    words = [w for group in data["verbs"] for w in group if w != LINE]
    quoting = [w for w in data.get("quoting", []) if w != LINE]
    if not all(isinstance(w, str) and w.isalpha() for w in [*words, *quoting]):
        raise KnowledgeError(str(path), None, "'verbs' and 'quoting' must be lists of words")
    return words, quoting


def _pattern(words) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(sorted(set(words), key=len, reverse=True)) + r")\b")


@lru_cache(maxsize=1)
def speech_verbs() -> re.Pattern[str]:
    """A pattern of the speech verbs (speech acts: events may code them)."""
    return _pattern(_data()[0])


@lru_cache(maxsize=1)
def quotation_cues() -> re.Pattern[str]:
    """A pattern of every verb that may introduce a quotation: the speech verbs and, in all their
    forms, the quoting verbs ("he continued", "Beck joked")."""
    words, quoting = _data()
    return _pattern([*words, *(f for lemma in quoting for f in inflect(lemma))])
