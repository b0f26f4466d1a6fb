"""Language of an article: English by a fast stopword test, others by lingua."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+")
_EN = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "it",
        "said",
        "at",
        "from",
        "be",
        "has",
        "have",
        "are",
        "were",
        "will",
        "not",
        "this",
        "his",
        "their",
        "its",
        "an",
        "after",
        "but",
        "who",
        "which",
        "had",
        "been",
        "would",
        "they",
        "he",
        "she",
    ]
)
# Letters found in Pashto but not in Persian, Dari or Urdu: lingua reports Pashto as Persian.
_PASHTO = re.compile("[ټډړږښګڼۍې]")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [
        Language.ENGLISH,
        Language.FRENCH,
        Language.GERMAN,
        Language.SPANISH,
        Language.PORTUGUESE,
        Language.ITALIAN,
        Language.DUTCH,
        Language.RUSSIAN,
        Language.UKRAINIAN,
        Language.TURKISH,
        Language.ARABIC,
        Language.PERSIAN,
        Language.URDU,
        Language.HINDI,
        Language.CHINESE,
        Language.JAPANESE,
        Language.KOREAN,
        Language.INDONESIAN,
        Language.SWAHILI,
        Language.HEBREW,
        Language.BENGALI,
    ]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ('und' when it cannot tell)."""
    sample = text[:1500]
    words = _WORD.findall(sample.lower())
    english = sum(w in _EN for w in words)
    latin = len(sample.encode("ascii", "ignore")) / max(1, len(sample))
    if words and english / len(words) >= 0.18 and (len(words) >= 20 or latin > 0.9):
        return "en"
    if 0 < len(words) < 20 and latin > 0.9 and english:
        return "en"  # too short for a statistical guess; a Latin-script text with English words
    if _PASHTO.search(sample):
        return "ps"
    if not words:
        return "und"
    lang = _detector().detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang else "und"
