from collections.abc import Callable

import pytest

import newsfuse
from newsfuse.evidence import gather
from newsfuse.material import (
    addresses_reader,
    contact,
    exclamation,
    list_item,
    points_ahead,
    relative_day,
)
from newsfuse.model import Article
from newsfuse.pipeline import story_of
from newsfuse.units import units


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("Maybe you've wondered whether the dam above your own town is safe.", True),
        ("Plan to spend a weekend clearing your gutters before the rains.", True),
        ("You can reach the relief office at its number on Main Street.", True),
        ("''If you live below the dam, leave now,'' said Sheriff Whitfield.", False),  # the source's "you"
        ("Officials say the water makes you sick if you drink it unboiled.", False),  # reported speech
        ("The thriller You was filmed in the valley last spring.", False),  # a title
        ("Thank you notes from the survivors cover a wall of the station.", False),
        ("The council approved the rebuilding plan on Tuesday.", False),
    ],
)
def test_a_sentence_that_addresses_the_reader(text: str, addresses: bool) -> None:
    assert addresses_reader(text) is addresses


def test_a_brief_never_speaks_to_its_reader() -> None:
    """The writer's aside to the reader can hold the story's words, but a brief cannot retell it as news."""
    wire = (
        "The Marlow Creek dam failed on Tuesday, flooding 300 homes in Alder Falls. "
        "The county opened two shelters for the flooded families on Tuesday night. "
        "Engineers said the dam's spillway had cracked in March."
    )
    feature = (
        "Families whose homes in Alder Falls flooded can claim flood aid of up to $40,000 from the county. "
        "The Marlow Creek dam failed on Tuesday after weeks of rain. "
        "Relief crews reached the flooded homes of Alder Falls on Wednesday."
    )
    told = newsfuse.summarize([wire, feature], words=60)
    assert any("can claim flood aid" in s.text for s in told.sentences)  # told as news, it is chosen
    addressed = feature.replace(
        "Families whose homes in Alder Falls flooded can", "If your home in Alder Falls flooded, you can"
    )
    brief = newsfuse.summarize([wire, addressed], words=60)
    assert brief.sentences
    assert not any(addresses_reader(s.text) for s in brief.sentences)


@pytest.mark.parametrize(
    ("text", "ahead"),
    [
        ("The following are the main news items in the Alder Falls papers on Friday.", True),
        ("Following are the county's answers to the questions residents asked most often:", True),
        ("Here are the roads the county closed after the Marlow Creek dam failed.", True),
        ("Engineers listed three faults they found in the spillway in March, among them:", True),
        ("The following morning, crews reopened the bridge over Marlow Creek.", False),  # a day, not a list
        ("Here in Alder Falls, the water rose two feet in an hour on Tuesday.", False),
        ('He told reporters: "We were doing everything the state asked."', False),
        ("The county opened two shelters for the flooded families on Tuesday night.", False),
    ],
)
def test_a_sentence_that_points_at_what_follows_it(text: str, ahead: bool) -> None:
    assert points_ahead(text) is ahead


def test_a_sentence_that_points_ahead_is_not_brief_material() -> None:

    items = "the main items about the Marlow Creek dam in the Alder Falls papers on Tuesday."
    for opening, chosen in (("The following are ", False), ("Local papers carried ", True)):
        digest = Article(id="digest", text=f"{opening}{items}\nSchools in Alder Falls will stay closed all week.")
        story = story_of([digest])
        assert ((0,) in units(story, gather(story), frozenset(), 4)) is chosen


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New York 10036, or by e-mail to gardening(AT)nytimes.com.", True),
        ("Readers may write to the desk at tips@alderfalls-gazette.example.", True),
        ("Send questions to floods [at] county.example.org by Friday.", True),
        ("The dam was rated poor at an inspection in 2024.", False),
        ("Officials met at the county hall (at 9 a.m.) to plan the repairs.", False),
    ],
)
def test_a_sentence_that_gives_an_e_mail_address_is_contact(text: str, expected: bool) -> None:
    assert contact(text) is expected


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        ("Tomorrow is a rest day for the riders.", True),
        ("Tomorrow's stage will take the race into the hills.", True),
        ("Yesterday, the ferry service resumed.", True),
        ("Today is the second anniversary of the flood.", True),
        ("Today, most towns on the creek have levees.", False),  # "today" as nowadays
        ("Today's Alder Falls is a commuter town.", False),
        ("The ferry service resumed yesterday.", False),  # not its opening: the day is read with the sentence
    ],
)
def test_a_sentence_that_opens_with_its_article_s_day(text: str, relative: bool) -> None:
    assert relative_day(text) is relative


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("April 22 -- Crews seal the breach in the Marlow Creek dam.", True),  # a chronology's entry
        ("-- Sept. 1, 1975: The dam is rated sound by state inspectors.", True),
        ("--Aug. 19 -- Attempts to drain the reservoir fail again.", True),
        ("2024: Inspectors rate the dam poor.", True),
        ("IMPACT: About 300 homes were flooded in Alder Falls.", True),  # a fact box's label
        ("DANA REYES: We will rebuild every house.", True),  # a transcript's
        ("April was the wettest month on record in Alder Falls.", False),
        ("The dam failed at 2:40 a.m. on Tuesday.", False),
        ("Mayor Reyes: a profile of the town's first mayor from the valley.", False),  # not in capitals
        ("NASA-SPACE _ The rover reached the crater.", False),  # a slug, cut as a connective
    ],
)
def test_an_item_of_a_list(text: str, item: bool) -> None:
    assert list_item(text) is item


@pytest.mark.parametrize(
    ("text", "exclaims"),
    [
        ("And, hey, the mayor is giving sandbags away!", True),
        ("Ask about our free flood cover today!", True),
        ('"Get out now!" the sheriff shouted.', False),  # the speaker's, quoted
        ("``Run!'' a neighbour screamed, and the family ran up the hill!", False),
        ("The dam failed at 2:40 a.m. on Tuesday.", False),
        ("The county's flood map was first shown on Jeopardy!", False),  # a name that ends in "!"
    ],
)
def test_an_exclamation_in_the_writer_s_voice(text: str, exclaims: bool) -> None:
    assert exclamation(text) is exclaims


@pytest.mark.parametrize(
    ("aside", "rule"),
    [
        ("Readers with photos of the flood can write to photos@gazette.example for the gallery.", contact),
        ("Tomorrow is the day the county will decide whether to rebuild the dam above the town.", relative_day),
        ("IMPACT: Rescue crews in Alder Falls pulled 14 people from rooftops as the flood rose on Tuesday.", list_item),
        ("Wow, rescue crews in Alder Falls pulled 14 people from rooftops as the flood rose on Tuesday!", exclamation),
    ],
)
def test_no_brief_sentence_is_such_material(aside: str, rule: Callable[[str], bool]) -> None:
    articles = [
        f"The Marlow Creek dam failed on Tuesday night and flooded 300 homes in Alder Falls, officials said. {aside}",
        "Three hundred homes in Alder Falls were flooded when the Marlow Creek dam failed on Tuesday night. "
        "County engineers had rated the dam poor in 2024 after finding seepage near the spillway.",
    ]
    brief = newsfuse.summarize(articles, words=60)
    assert brief.sentences and not any(rule(s.text) for s in brief.sentences)
