from dataclasses import dataclass

from newsfuse.model import Article, once


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
