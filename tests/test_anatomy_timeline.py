from datetime import date

import pytest

from newsfuse.anatomy.timeline import dated
from newsfuse.model import Article, Sentence

PUBLISHED = date(2026, 11, 4)  # a Wednesday


def dates(text: str, when: date | None = PUBLISHED) -> list[tuple[str, str | None, str | None]]:
    sentence = Sentence("a", 0, text, 0, len(text))
    return [(e, s and s.isoformat(), n and n.isoformat()) for e, s, n, _ in dated(sentence, when)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam failed on Tuesday.", [("on Tuesday", "2026-11-03", "2026-11-03")]),
        ("The team will arrive on Friday.", [("on Friday", "2026-11-06", "2026-11-06")]),
        ("More rain was forecast for Thursday.", [("Thursday", "2026-11-05", "2026-11-05")]),
        ("Troops left in December 2011.", [("in December 2011", "2011-12-01", "2011-12-31")]),
        ("Talks resumed on September 1.", [("on September 1", "2026-09-01", "2026-09-01")]),
        ("Work began in December.", [("in December", "2025-12-01", "2025-12-31")]),
        ("It flooded this summer.", [("this summer", "2026-06-01", "2026-08-31")]),
        ("They met last week.", [("last week", "2026-10-26", "2026-11-01")]),
        ("It was built in 1958.", [("in 1958", "1958-01-01", "1958-12-31")]),
        ("The recount starts Monday, October 12.", [("Monday, October 12", "2026-10-12", "2026-10-12")]),
        ("Pens made between January and April 2026.", [("between January and April 2026", "2026-01-01", "2026-04-30")]),
        ("The contract was won in March of last year.", [("in March of last year", "2025-03-01", "2025-03-31")]),
        ("Officials said so yesterday.", [("yesterday", "2026-11-03", "2026-11-03")]),
        ("The report came out on Nov. 3, 2026.", [("on Nov. 3, 2026", "2026-11-03", "2026-11-03")]),
        ("She may go, and 2,000 people left.", []),
    ],
)  # fmt: skip
def test_expressions_are_normalised_against_the_publication_date(text: str, expected: list) -> None:
    assert dates(text) == expected


def test_without_a_publication_date_only_absolute_dates_are_dated() -> None:
    assert dates("It happened on Friday, in December 2011.", None) == [
        ("on Friday", None, None),
        ("in December 2011", "2011-12-01", "2011-12-31"),
    ]


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2026-11-03", date(2026, 11, 3)), ("2026-11-03T06:42:00Z", date(2026, 11, 3)),
     ("Tue, 03 Nov 2026 06:42:00 GMT", date(2026, 11, 3)), ("last Tuesday", None), (None, None)],
)  # fmt: skip
def test_publication_dates_are_read_from_common_formats(published: str | None, expected: date | None) -> None:
    assert Article("a", "text", published=published).published_on == expected
