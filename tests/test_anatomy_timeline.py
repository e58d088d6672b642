from datetime import date

import pytest

from newsfuse.anatomy.timeline import dated, years_given
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


def test_a_bare_weekday_is_ahead_in_a_sentence_about_the_future_and_behind_otherwise() -> None:
    thursday = date(2013, 8, 15)
    cases = {
        "The minister will meet the envoy Friday.": "2013-08-16",
        "The minister met the envoy Friday.": "2013-08-09",
        "The premier expects to sign the accord at his meeting Friday with the envoy.": "2013-08-16",
        "The premier will ask for drones when he sits down with the president at his meeting Friday.": "2013-08-16",
        "On Friday, the minister will meet the envoy.": "2013-08-16",
        "The trial begins Monday.": "2013-08-19",
        "The minister is scheduled to arrive Sunday.": "2013-08-18",
        "The minister will meet the envoy, officials said Friday.": "2013-08-09",
        "The city will hold a recount after the final tally on Tuesday showed a tie.": "2013-08-13",
        "The east road will stay closed until Tuesday, police said.": "2013-08-20",
        "Nobody likes losing a library, and Monday's vote will hurt.": "2013-08-12",
        "The premier was in the capital for his meeting Friday.": "2013-08-09",
        "No talks were scheduled as of Thursday evening.": "2013-08-15",
        "Writing in the Courier Monday when the summit begins, the envoy urged calm.": "2013-08-12",
        "The raises, which are retroactive to July 1, will go to every clerk.": "2013-07-01",
        "He will address the summit sponsored by the World Economic Forum on Tuesday.": "2013-08-20",
        "The families said they plan a demonstration Thursday.": "2013-08-15",
        "The talks were to have begun Friday, but were put off.": "2013-08-16",
        "The premier is soon going to visit the dam Monday.": "2013-08-19",
        "The driver was to blame for the crash on Monday, police said.": "2013-08-12",  # no coming "was to"
        "The largest transfer on Friday was to an account in Cyprus.": "2013-08-09",
        "Most schools reopened by Monday ahead of the exams.": "2013-08-12",  # "by Monday" is no agent
    }
    assert {text: dates(text, thursday)[0][1] for text in cases} == cases


def test_the_past_year_runs_up_to_publication_and_the_day_before_yesterday_is_two_days_back() -> None:
    thursday = date(2013, 8, 15)
    assert dates("Arrests rose over the past year, the group said.", thursday) == [
        ("the past year", "2012-08-16", "2013-08-15")
    ]
    assert dates("Last year the arrests rose.", thursday) == [("Last year", "2012-01-01", "2012-12-31")]
    assert dates("Rain fell for much of the past week.", thursday) == [("the past week", "2013-08-09", "2013-08-15")]
    assert dates("It rained in the last week of May.", thursday)[0][0] != "the last week"  # a week of May
    assert dates("The talks ended the day before yesterday.", thursday) == [
        ("the day before yesterday", "2013-08-13", "2013-08-13")
    ]


def test_a_weekday_with_its_date_fixes_the_year_and_a_coming_month_includes_this_one() -> None:
    before_the_recount = date(2026, 10, 7)
    assert dates("The recount starts Monday, October 12.", before_the_recount)[0][1] == "2026-10-12"
    assert dates("The result is expected by the end of October.", before_the_recount)[0][1] == "2026-10-01"


def test_a_day_without_a_year_is_not_put_a_year_away_when_it_was_weeks_ago() -> None:
    mid_november = date(1999, 11, 15)
    assert dates(
        "The board would lead the inquiry if the cause of the Oct. 31 crash is found to be a crime.", mid_november
    )[0][1:] == ("1999-10-31", "1999-10-31")
    assert dates("The summit will open on Dec. 3 in Geneva.", mid_november)[0][1] == "1999-12-03"
    assert dates("The vote will be held on Oct. 31.", date(1999, 8, 1))[0][1] == "1999-10-31"


def test_a_day_the_article_gives_with_its_year_keeps_that_year_when_repeated_without_it() -> None:
    first = Sentence("a", 0, "The court saw footage of the men who attacked the port on March 9, 2021.", 0, 70)
    later = Sentence("a", 1, "The March 9 attack killed eleven people.", 71, 111)
    other = Sentence("b", 0, "Flags flew at half mast on March 9.", 0, 35)
    years = years_given([first, later, other])
    spring_2024 = date(2024, 5, 2)
    assert [s.isoformat() for _, s, _, _ in dated(later, spring_2024, years)] == ["2021-03-09"]
    assert [s.isoformat() for _, s, _, _ in dated(other, spring_2024, years)] == ["2024-03-09"]


def test_days_in_british_order_parts_of_the_day_and_a_year_before_a_name() -> None:
    assert dates("The suspect left the country on 6 July, police said.") == [("on 6 July", "2026-07-06", "2026-07-06")]
    assert dates("The raids began at 6:30am this morning.")[0][1] == "2026-11-04"
    assert dates("A former pilot told the Courier last night that the jet stalled.")[0][1] == "2026-11-03"
    assert dates("She lost two friends in the 1996 ValuJet crash.") == [("the 1996", "1996-01-01", "1996-12-31")]


def test_a_past_day_stays_past_a_coming_one_takes_no_earlier_year_and_counts_are_no_dates() -> None:
    year_end = date(2025, 12, 29)
    assert dates("The company said on Jan. 5 it had cut 200 jobs.", year_end)[0][1] == "2025-01-05"
    first = Sentence("a", 0, "The bombings of July 7, 2005 killed 52 people.", 0, 46)
    coming = Sentence("a", 1, "A memorial service will be held on July 7 this year.", 47, 99)
    found = dated(coming, date(2009, 5, 2), years_given([first, coming]))
    assert [(e, s.isoformat()) for e, s, _, _ in found] == [("on July 7", "2009-07-07"), ("this year", "2009-01-01")]
    assert dates("Police arrested 2 March organisers.") == []
    assert dates("She was a guest on This Morning with the presenters.") == []


def test_runs_of_days_years_ago_and_the_year_before_a_year() -> None:
    assert dates("A Concorde flew Oct. 12-13, 1992 without a stop.") == [
        ("Oct. 12-13, 1992", "1992-10-12", "1992-10-13")
    ]
    assert dates("Sixty years ago the city was bombed.") == [("Sixty years ago", "1966-01-01", "1966-12-31")]
    assert dates("Cuts of 25 percent by the year 2020.")[0][1:] == ("2020-01-01", "2020-12-31")
    assert dates("That 1997 pact expires soon.")[0][1] == "1997-01-01"
    sentence = Sentence("a", 0, "It sailed five years ago.", 0, 25)
    assert [g for _, _, _, g in dated(sentence, None)] == ["year"]  # undated without a publication date, a year


def test_this_winter_told_in_the_past_is_the_last_one_and_in_the_future_the_next() -> None:
    august = date(2026, 8, 12)
    assert dates("Members of the team traveled this winter to Barrow.", august) == [
        ("this winter", "2025-12-01", "2026-02-28")
    ]
    assert dates("The dam will be rebuilt this winter.", august) == [("this winter", "2026-12-01", "2027-02-28")]
    assert dates("It flooded this summer.", august) == [("this summer", "2026-06-01", "2026-08-31")]
