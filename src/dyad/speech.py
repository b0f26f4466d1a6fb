"""The speech verbs of knowledge/data/speech.yaml: words that introduce or attribute speech."""

from __future__ import annotations

import re
from functools import lru_cache

from .errors import KnowledgeError
from .knowledge.files import LINE, data_path, load_yaml


@lru_cache(maxsize=1)
def speech_verbs() -> re.Pattern[str]:
    """A pattern of the speech verbs of knowledge/data/speech.yaml."""
    path = data_path("speech.yaml")
    data = load_yaml(path)
    words = [w for group in data["verbs"] for w in group if w != LINE]
    if not all(isinstance(w, str) and w.isalpha() for w in words):
        raise KnowledgeError(str(path), None, "'verbs' must be lists of words")
    return re.compile(r"\b(" + "|".join(sorted(set(words), key=len, reverse=True)) + r")\b")
