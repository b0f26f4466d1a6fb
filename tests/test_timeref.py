"""Dates in a sentence resolved against the publication date."""

from datetime import date

import pytest

from dyad.coding.timeref import resolve_date

PUBLISHED = date(2025, 11, 8)  # a Saturday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kabul was shelled yesterday.", (date(2025, 11, 7), "day")),
        ("Talks resume TODAY in Doha.", (PUBLISHED, "day")),
        ("Talks resume tonight.", (PUBLISHED, "day")),
        ("Strikes hit Kabul last night.", (date(2025, 11, 7), "day")),
        ("Clashes went on Overnight.", (PUBLISHED, "day")),
        ("Talks resume tomorrow.", (date(2025, 11, 9), "day")),
        ("Talks began last week.", (date(2025, 11, 1), "week")),
        ("They met earlier this week.", (PUBLISHED, "week")),
        ("They meet next week.", (date(2025, 11, 15), "week")),
        ("It happened last month.", (date(2025, 10, 1), "month")),
        ("It happens this month.", (date(2025, 11, 1), "month")),
        ("It happens next month.", (date(2025, 12, 1), "month")),
        ("It happened last year.", (date(2024, 1, 1), "year")),
        ("Talks began on Wednesday.", (date(2025, 11, 5), "day")),
        ("Talks began on SUNDAY.", (date(2025, 11, 2), "day")),
        ("Talks began on 9 October.", (date(2025, 10, 9), "day")),
        ("Talks began on Sept. 9, 2024.", (date(2024, 9, 9), "day")),
        ("The border has been closed since 1989.", (date(1989, 1, 1), "year")),
        ("Fighting raged in the 1980s.", (date(1980, 1, 1), "decade")),
        ("Pakistan and Afghanistan agreed to hold talks.", (None, None)),
    ],
)
def test_resolve_date(sentence, expected):
    assert resolve_date(sentence, PUBLISHED) == expected


def test_without_a_publication_date_only_written_dates_resolve():
    assert resolve_date("Talks began on Wednesday.", None) == (None, None)
    assert resolve_date("Talks began on Sept. 9, 2024.", None) == (date(2024, 9, 9), "day")
