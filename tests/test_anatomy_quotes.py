import pytest

from newsfuse.anatomy.entities import find_mentions, merge
from newsfuse.anatomy.quotes import find_quotes, quotations
from newsfuse.pipeline import story_from


def quotes(ner: object, *documents: str) -> list[tuple[str, str | None, str]]:
    story = story_from(documents)
    mentions = find_mentions(story, ner)
    _, canonical = merge(mentions)
    return [(q.text, q.speaker, q.how) for q in find_quotes(story, mentions, canonical)]


@pytest.mark.parametrize(
    ("text", "speaker", "how"),
    [
        ('"The water rose in an hour," said Sheriff Dana Whitfield.', "Dana Whitfield", "named"),
        ("“Every hour costs us money,” Anton Weiss said.", "Anton Weiss", "named"),
        ("Rosa Delgado told reporters: “We have been patient for months.”", "Rosa Delgado", "named"),
        ("``We are acting out of caution,'' Daniel Achterberg said in a statement.", "Daniel Achterberg", "named"),
        ('"No contract is too big to look at," according to prosecutor Miriam Kowalczyk.', "Miriam Kowalczyk",
         "named"),
        ('Mark Hale\'s lawyer, Dominic Reyes, said his client had "never taken a cent from anyone."',
         "Dominic Reyes", "named"),
        ('Miriam Kowalczyk, the district attorney, said charges could come "within weeks, not months."',
         "Miriam Kowalczyk", "named"),
        ('"People underestimate this mountain," a park ranger said.', "a park ranger", "named"),
    ],
)  # fmt: skip
def test_attribution_patterns(ner: object, text: str, speaker: str, how: str) -> None:
    assert [(s, h) for _, s, h in quotes(ner, text)] == [(speaker, how)]


def test_pronoun_goes_to_the_last_named_speaker_not_the_last_named_person(ner: object) -> None:
    found = quotes(
        ner,
        "Prosecutor Miriam Kowalczyk said the search took all day. She declined to say whether Tariq Mansour "
        'was a target. "I am not going to name anyone who has not been charged," she said.',
    )
    assert found == [("I am not going to name anyone who has not been charged", "Miriam Kowalczyk", "pronoun")]


def test_surname_resolves_to_the_full_name_and_quotes_continue(ner: object) -> None:
    found = quotes(
        ner,
        "Dr. Priya Raman works at the city hospital.\n"
        "“Missing insulin is far more dangerous,” Raman said. “Patients should keep their pens.”\n"
        "Solberg said the group had done nothing wrong.\n"
        "“The forecast on Thursday morning was good.”",
    )
    assert [(s, h) for _, s, h in found] == [
        ("Priya Raman", "named"),
        ("Priya Raman", "continued"),
        ("Solberg", "continued"),
    ]


def test_scare_quotes_are_not_quotations_and_shared_quotes_are_linked(ner: object) -> None:
    text = 'The dam was rated "poor" by inspectors. "We were doing everything we could," Carl Dempsey said.'
    assert [text[s:e] for s, e in quotations(text)] == ["We were doing everything we could"]
    story = story_from([text, 'Carl Dempsey said: "We were doing everything we could."'])
    mentions = find_mentions(story, ner)
    found = find_quotes(story, mentions, merge(mentions)[1])
    assert [q.also_in for q in found] == [("doc-2",), ("doc-1",)]
