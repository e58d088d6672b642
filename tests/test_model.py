from dataclasses import dataclass

from newsfuse.model import Article, is_since, iso_date, once


def test_a_once_property_is_computed_on_first_read_only() -> None:
    reads: list[str] = []

    @dataclass(frozen=True)
    class Counted:
        text: str

        @once
        def length(self) -> int:
            reads.append(self.text)
            return len(self.text)

    first, second = Counted("dam"), Counted("levee")
    assert (first.length, first.length, second.length) == (3, 3, 5)
    assert reads == ["dam", "levee"]
    assert isinstance(Counted.length, once)  # read on the class: the descriptor itself


def test_article_and_sentence_words_are_counted_from_their_text() -> None:
    assert Article("a", "The dam failed on Tuesday.").words == 5


def test_times_a_user_gives_compare_with_the_stores_as_utc_instants() -> None:
    """``--since`` and the stored times are compared as text: both must be UTC, to the second."""
    assert iso_date("2026-11-05") == "2026-11-05"
    assert iso_date("2026-11-05T06:00") == "2026-11-05T06:00:00+00:00"  # no offset: read as UTC
    assert iso_date("2026-11-25T12:00+05:00") == "2026-11-25T07:00:00+00:00"
    assert iso_date("2026-11-25T08:00-05:00") == "2026-11-25T13:00:00+00:00"
    assert iso_date("2026-11-05T09:00:00Z") == "2026-11-05T09:00:00+00:00"
    stored_update = "2026-11-25T09:15:00+00:00"  # as the store writes its times
    assert is_since(stored_update, iso_date("2026-11-25T12:00+05:00"))  # 07:00 UTC: updated after it
    assert not is_since(stored_update, iso_date("2026-11-25T08:00-05:00"))  # 13:00 UTC: not since
    assert is_since("2026-11-05", iso_date("2026-11-05T06:00"))  # a date with no time: maybe later that day
    assert not is_since("2026-11-04", iso_date("2026-11-05T06:00"))
    assert is_since("2026-11-05T09:00:00+00:00", "2026-11-05")
    assert not is_since("2026-11-04T23:59:59+00:00", "2026-11-05")


def test_an_articles_published_time_is_kept_as_a_utc_instant_when_it_has_one() -> None:
    def at(published: str | None) -> str | None:
        return Article("a", "text", published=published).published_at

    assert at("2026-11-05") == "2026-11-05"
    assert at("2026-11-05T09:00:00Z") == "2026-11-05T09:00:00+00:00"
    assert at("2026-11-05T23:30:00-05:00") == "2026-11-06T04:30:00+00:00"
    assert at("Thu, 05 Nov 2026 09:00:00 +0100") == "2026-11-05T08:00:00+00:00"
    assert at("11/05/2026") is None and at(None) is None and at("0001-01-01") is None
