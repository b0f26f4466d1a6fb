"""Sentence segmentation: abbreviations, initials, decimals, quotations."""

import pytest

from dyad.linguistic.sentences import split_sentences

CASES = [
    # (text, expected sentences)
    (
        "The U.S. said it would act. Pakistan disagreed.",
        ["The U.S. said it would act.", "Pakistan disagreed."],
    ),
    (
        "Lt. Gen. Ahmed Sharif Chaudhry spoke on Monday. Reporters listened.",
        ["Lt. Gen. Ahmed Sharif Chaudhry spoke on Monday.", "Reporters listened."],
    ),
    ("Dr. Abdullah met Mr. Khan. They talked.", ["Dr. Abdullah met Mr. Khan.", "They talked."]),
    (
        "Resolution No. 2231 was cited. It expired.",
        ["Resolution No. 2231 was cited.", "It expired."],
    ),
    (
        "External Affairs Minister S. Jaishankar met him. Talks followed.",
        ["External Affairs Minister S. Jaishankar met him.", "Talks followed."],
    ),
    ("Donald J. Trump spoke. He left.", ["Donald J. Trump spoke.", "He left."]),
    (
        "Growth was 3.5 percent in 2024. Inflation fell.",
        ["Growth was 3.5 percent in 2024.", "Inflation fell."],
    ),
    (
        "Targets were given to them by the U.S. The next day they met.",
        ["Targets were given to them by the U.S.", "The next day they met."],
    ),
    (
        "The U.S. Navy moved ships. Caracas protested.",
        ["The U.S. Navy moved ships.", "Caracas protested."],
    ),
    (
        "“We do not seek confrontation with anyone,” Haqqani said. He left.",
        ["“We do not seek confrontation with anyone,” Haqqani said.", "He left."],
    ),
    (
        "“Is this peace?” he asked. Nobody answered.",
        ["“Is this peace?” he asked.", "Nobody answered."],
    ),
    (
        "He said: “We are ready. We will respond.” Then he left.",
        ["He said: “We are ready.", "We will respond.”", "Then he left."],
    ),
    (
        '"We are ready," he said. "We will respond."',
        ['"We are ready," he said.', '"We will respond."'],
    ),
    (
        "The talks (held in Doha.) ended. Both sides left.",
        ["The talks (held in Doha.) ended.", "Both sides left."],
    ),
    (
        "Headline without a stop\nBody sentence one. Body two.",
        ["Headline without a stop", "Body sentence one.", "Body two."],
    ),
    (
        "Talks began at 9 a.m. on Saturday. They ended late.",
        ["Talks began at 9 a.m. on Saturday.", "They ended late."],
    ),
    (
        "Troops left e.g. Kandahar and Herat. Others stayed.",
        ["Troops left e.g. Kandahar and Herat.", "Others stayed."],
    ),
    ("Wait... what happened? Nobody knows!", ["Wait... what happened?", "Nobody knows!"]),
    (
        "Pakistan’s Defence Minister Khawaja Asif warned Kabul. Gen. Munir agreed.",
        ["Pakistan’s Defence Minister Khawaja Asif warned Kabul.", "Gen. Munir agreed."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(text, expected):
    got = [text[s.start : s.end] for s in split_sentences(text)]
    assert got == expected


def test_spans_index_the_text():
    text = "One sentence here. Another one there.\n\nA third paragraph."
    sents = split_sentences(text)
    assert [s.index for s in sents] == [0, 1, 2]
    assert all(text[s.start : s.end].strip() == text[s.start : s.end] for s in sents)
