import pytest

import newsfuse
from newsfuse.attribute import attribute
from newsfuse.evidence import gather
from newsfuse.introductions import Introductions
from newsfuse.languages import load_language
from newsfuse.mentions import bare_surnames
from newsfuse.model import Article, Change
from newsfuse.names import Names
from newsfuse.pipeline import Pipeline, clean_all, story_of
from newsfuse.select import Pick

STOPWORDS = load_language("en").stopwords
ENGINEER = [
    Article(id="wire", text=(
        "County engineer Mara Vellin ordered the spillway road closed on Tuesday.\n"
        "Vellin said the spillway had cracked in 2024 and was never repaired.\n"
        "Turkey Creek rose two feet overnight, and the United States Geological Survey sent a crew."
    )),
    Article(id="paper", text=(
        "Foreign Minister Tomas Reyes of Alvania arrived in Harlan on Wednesday.\n"
        "Mara Vellin, the county engineer, met him at the dam.\n"
        "Reyes said his government would send pumps, and The New York Times reported the visit.\n"
        "Harlan Irrigation District owns the dam.\n"
        "States and counties must inspect their dams, and most states do, Vellin said."
    )),
    Article(id="blog", text=(
        "Residents of Turkey Creek watched the water rise.\n"
        "Vellin told them the dam would hold, and Reyes promised help."
    )),
]  # fmt: skip


def names(articles: list[Article] = ENGINEER) -> Names:
    return Names(story_of(articles), STOPWORDS)


@pytest.mark.parametrize(
    ("surname", "full"),
    [
        ("Vellin", "Mara Vellin"),  # introduced in full first by both articles that name her in full
        ("Reyes", "Tomas Reyes"),  # past the title: "Foreign Minister Tomas Reyes"
        ("Turkey", None),  # a place, written bare first
        ("Times", None),  # part of a longer name, "The New York Times"
        ("States", None),  # "United States Geological Survey", and a common word ("most states")
        ("Survey", None),  # the end of a longer name
        ("District", None),  # an institution's name ends with it: "Harlan Irrigation District"
    ],
)
def test_the_full_name_is_the_one_the_articles_introduce(surname: str, full: str | None) -> None:
    assert names().full(surname) == full


def test_a_middle_name_is_part_of_the_full_name() -> None:
    story = story_of([
        Article(id="a", text="The stay came before Joseph Stanley Faulder was to die.\nFaulder thanked his lawyers."),
        Article(id="b", text="Stanley Faulder, 61, was convicted in 1977.\nFaulder has been on death row since."),
        Article(id="c", text="Airline Chairman Mohamed Fahim Rayan spoke.\nRayan said the jet was sound."),
    ])  # fmt: skip
    named = Names(story, STOPWORDS)
    assert named.full("Faulder") == "Joseph Stanley Faulder"  # "Stanley Faulder" is the same person's name
    assert Names(story_of(story.articles[::-1]), STOPWORDS).full("Faulder") == "Joseph Stanley Faulder"  # any order
    assert named.full("Rayan") == "Mohamed Fahim Rayan"  # past the title
    assert named.full_at("Faulder", "b", story.articles[1].text.index("Faulder has")) == "Joseph Stanley Faulder"


def test_articles_that_disagree_on_the_given_name_give_each_its_own_article_s() -> None:
    story = story_of([
        Article(id="a", text="Senator Tom Hale voted against the dam bill.\nHale said it cost too much."),
        Article(id="b", text="Anna Hale, his sister, runs the county board.\nHale said the board would vote."),
        Article(id="c", text="Hale said the vote was close.\nThe board met again, said Anna Hale."),
    ])  # fmt: skip
    named = Names(story, STOPWORDS)
    assert named.full("Hale") is None  # no one name for the story
    texts = [article.text for article in story.articles]
    assert named.full_at("Hale", "a", texts[0].index("Hale said")) == "Tom Hale"  # whom its article named
    assert named.full_at("Hale", "b", texts[1].index("Hale said")) == "Anna Hale"
    assert named.full_at("Hale", "c", texts[2].index("Hale said")) is None  # its article names no one before it


@pytest.mark.parametrize(
    "first",
    [
        "Meanwhile Mara Vellin",  # a capitalised word that is no title, and never written in lower case
        "Hurricane Vellin",  # a storm
        "The Indian-controlled Vellin",  # an adjective
        "Meet Vellin, the",  # a verb that opens a sentence: "Meet Acxiom, the biggest company…"
        "Portugal's Vellin",  # a possessive is no given name: the surname stands alone
        "Though Vellin",  # a word capitalised only because it opens the sentence
        "Three Vellin",
        "Lebanese Vellin",  # a nationality
    ],
)
def test_doubtful_introductions_give_no_name(first: str) -> None:
    articles = [Article(id="a", text=f"{first} reached the coast on Tuesday.\nVellin said the levee held.")]
    assert names(articles).full("Vellin") is None


@pytest.mark.parametrize(
    "first",
    [
        "Portugal's Mara Vellin",
        "Alvania’s Mara Vellin",
        "Gov. Mara Vellin",
        "Frenchman Mara Vellin",
        "Secretary of State Mara Vellin",  # the end of an institution's name: "State Mara Vellin" is no name
        "Governor of the Alvania Republic Mara Vellin",
        "City Councilor Mara Vellin",  # not "Councilor Mara Vellin"
    ],
)
def test_a_possessive_or_a_title_before_the_given_name_is_no_part_of_it(first: str) -> None:
    articles = [Article(id="a", text=f"{first} reached the coast on Tuesday.\nVellin said the levee held.")]
    assert names(articles).full("Vellin") == "Mara Vellin"


def test_a_surname_is_the_person_its_article_last_named_in_full() -> None:
    text = ("Of the stars, Tomas Reyes is gone.\nThe referee will be Marco Reyes, who sent off two players.\n"
            "Reyes came into the tournament as the strictest official.")  # fmt: skip
    found = names([Article(id="a", text=text)])
    assert found.full("Reyes") == "Tomas Reyes"  # how the story introduces the surname first
    assert found.full_at("Reyes", "a", text.rindex("Reyes")) is None  # but this one is the referee's
    same = "Tomas Reyes scored twice.\nReyes said the referee, Dr. Tomas W. Reyes, was fair.\nReyes left."
    assert names([Article(id="a", text=same)]).full_at("Reyes", "a", same.rindex("Reyes")) == "Tomas Reyes"


@pytest.mark.parametrize(("first", "word"), [("Harlan United", "United"), ("Madrid Spanish", "Spanish")])
def test_a_club_or_a_nationality_is_no_person(first: str, word: str) -> None:
    articles = [Article(id="a", text=f"{first} police won the cup on Tuesday.\n{word} scored twice.")]
    assert names(articles).full(word) is None


def test_a_word_written_before_lower_case_words_is_a_modifier_not_a_given_name() -> None:
    story = story_of([
        Article(id="a", text="Iraqi officials met on Monday.\nIraqi Jo Marsh chaired the meeting.\n"
                              "Marsh said the bill would pass.\nIraqi voters agreed."),
    ])  # fmt: skip
    assert Names(story, STOPWORDS).full("Marsh") is None  # "Iraqi Jo": two capitalised words, one a modifier
    story = story_of([Article(id="a", text="Iraqi officials met.\nIraqi Marsh chaired it.\nMarsh said so.")])
    assert Names(story, STOPWORDS).full("Marsh") is None  # "Iraqi" is no given name: "Iraqi officials"


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Vellin said the spillway had cracked.", ["Vellin"]),
        ("Mara Vellin said the spillway had cracked.", []),  # written in full
        ('"Ask Vellin about the spillway," a resident said.', []),  # inside a quotation: the source's words
        ("``Ask Vellin about the spillway,'' a resident said.", []),  # the wires' quotation marks
        ("``It held,'' Vellin said.", ["Vellin"]),
        ("‘Vellin is lying,’ the mayor said.", []),  # single curly quotation marks
        ("Vellin is lying, and the dam will fail,” the mayor said.", []),  # a quotation begun before
        ('Vellin is lying," the mayor said.', []),
        ("Vellin’s report was late.", ["Vellin’s"]),  # an apostrophe is no quotation mark
        ("The Times said Vellin's report was late.", ["Vellin's"]),  # after "the": a title or an institution
    ],
)
def test_bare_surnames_stand_alone_outside_quotations(text: str, bare: list[str]) -> None:
    assert [m.group() for m in bare_surnames(text)] == bare


def test_the_first_bare_mention_gets_the_full_name_and_citations_stay_exact() -> None:
    story = story_of(ENGINEER)
    evidence = gather(story)
    later = next(i for i, s in enumerate(story.sentences) if s.text.startswith("Vellin said"))
    again = next(i for i, s in enumerate(story.sentences) if s.text.startswith("Vellin told"))
    people = Introductions(story, Names(story, STOPWORDS))
    used = sum(len(story.sentences[i].text.split()) for i in (later, again))
    assert people.over([Pick(later), Pick(again)], budget=used + 1) == 1  # two names of one more word each
    first, second = people.introduce(attribute(story, evidence, [Pick(later), Pick(again)]), budget=100)
    assert first.text == "Mara Vellin said the spillway had cracked in 2024 and was never repaired."
    # Vellin was mentioned before: the reader knows her now; Reyes was not
    assert second.text == "Vellin told them the dam would hold, and Tomas Reyes promised help."
    [source] = first.sources
    text = story.article(source.article).text
    assert text[source.start : source.end] == "Vellin said the spillway had cracked in 2024 and was never repaired."
    assert first.changes == (Change(source.start, source.start + len("Vellin"), "Vellin", "Mara Vellin"),)


def test_a_name_after_a_cut_connective_is_changed_at_its_place_in_the_source() -> None:
    text = "County engineer Mara Vellin closed the road.\nBut Vellin said the spillway had cracked in 2024."
    story = story_of([Article(id="a", text=text)])
    [sentence] = Introductions(story, Names(story, STOPWORDS)).introduce(
        attribute(story, gather(story), [Pick(1, len("But "))]), budget=100
    )
    assert sentence.text == "Mara Vellin said the spillway had cracked in 2024."
    cut, name = sentence.changes
    assert (cut.was, cut.now) == ("But ", "") and text[name.start : name.end] == "Vellin" == name.was


def test_no_introduction_without_room_in_the_budget() -> None:
    story = story_of(ENGINEER)
    later = next(i for i, s in enumerate(story.sentences) if s.text.startswith("Vellin said"))
    attributed = attribute(story, gather(story), [Pick(later)])
    words = len(attributed[0].text.split())
    assert Introductions(story, Names(story, STOPWORDS)).introduce(attributed, budget=words) == attributed


def test_briefs_introduce_people_within_their_budget() -> None:
    articles = [{"id": a.id, "text": a.text} for a in ENGINEER]
    introduced = False
    for words in range(5, 90):
        brief = newsfuse.summarize(articles, words=words)
        assert brief.words <= words or len(brief.sentences) == 1  # the one best sentence when none fits
        for sentence in brief.sentences:
            introduced |= any(c.now in ("Mara Vellin", "Tomas Reyes") for c in sentence.changes)
        for surname, full in (("Vellin", "Mara Vellin"), ("Reyes", "Tomas Reyes")):
            first = brief.summary.find(surname)  # the first mention is the full name, if the budget has room
            assert first < 0 or brief.summary[: first + len(surname)].endswith(full) or brief.words == words
    assert introduced


def test_baselines_keep_the_sources_words() -> None:
    articles = [{"id": a.id, "text": a.text} for a in ENGINEER]
    brief = newsfuse.summarize(articles, words=60, method="lead")
    assert not any(c.now for s in brief.sentences for c in s.changes)
    assert "Vellin said" in brief.summary


def test_other_languages_keep_the_sources_words() -> None:
    """The rules of names (titles, the calendar) are English: a French brief is left as written."""
    text = (
        "L'ingénieure Mara Vellin ferme la route du barrage\n"  # a headline: no brief material
        "Vellin a expliqué que le déversoir était fissuré depuis 2024 et jamais réparé."
    )
    brief = newsfuse.summarize([{"id": "fr", "text": text, "language": "fr"}], words=60)
    assert brief.language == "fr"
    assert "Vellin a expliqué" in brief.summary
    assert not any(c.now.endswith("Vellin") for s in brief.sentences for c in s.changes)


def test_an_update_brief_does_not_introduce_people_the_reader_has_met() -> None:
    earlier = Article(id="monday", text="County engineer Mara Vellin closed the spillway road on Monday morning.")
    later = Article(id="tuesday", text=(
        "Why did county engineer Mara Vellin order the spillway road closed?\n"  # a question: no brief material
        "On Tuesday, Vellin said the cracks in the spillway had doubled in length overnight."
    ))  # fmt: skip
    plain = newsfuse.summarize([later], words=15)
    assert plain.summary.startswith("On Tuesday, Mara Vellin said")  # the reader of the plain brief never met her
    update = Pipeline().update(clean_all([earlier])[0], clean_all([later])[0], 15, "since Monday")
    assert update.summary.startswith("On Tuesday, Vellin said")


def test_a_surname_with_a_particle_is_one_name() -> None:
    text = ("Squad leader Anton de Wit was sentenced on Friday.\nDe Wit has applied for amnesty.\n"
            "A lawyer said de Wit would appeal, and Now Ines Ibarra del Valle of the weather office agreed.\n"
            "She spoke now, says Ibarra del Valle.")  # fmt: skip
    found = names([Article(id="a", text=text)])
    assert found.full("de Wit") == "Anton de Wit"  # "Anton" before "de Wit" is a given name, not a modifier
    assert found.full("Ibarra del Valle") == "Ines Ibarra del Valle"  # a double surname joined by a particle
    assert [m.group() for m in bare_surnames("De Wit has applied for amnesty.")] == ["De Wit"]
    assert [m.group() for m in bare_surnames("A lawyer said de Wit would appeal.")] == ["de Wit"]
    story = story_of([Article(id="a", text=text)])
    people = Introductions(story, Names(story, STOPWORDS))
    later = next(i for i, s in enumerate(story.sentences) if s.text.startswith("De Wit"))
    [sentence] = people.introduce(attribute(story, gather(story), [Pick(later)]), budget=100)
    assert sentence.text == "Anton de Wit has applied for amnesty."  # the particle as the articles write it
    assert [(c.was, c.now) for c in sentence.changes] == [("De Wit", "Anton de Wit")]
    assert people.over([Pick(later)], budget=len(sentence.text.split())) == 0  # one word more, not two
    first = next(i for i, s in enumerate(story.sentences) if s.text.startswith("Squad"))
    _, again = people.introduce(attribute(story, gather(story), [Pick(first), Pick(later)]), budget=100)
    assert again.text == "De Wit has applied for amnesty."  # the brief named him in full before


@pytest.mark.parametrize(
    ("first", "full"),
    [
        ("Chief Hydrologist Mara Vellin", "Mara Vellin"),  # "hydrologist" is a common word in this story
        ("Added Mara Vellin, the hydrologist:", "Mara Vellin"),  # so is "added": it opens the sentence
        ("Veterans Affairs Mara Vellin", None),  # "Affairs" is no middle name: three capitalised words before
    ],
)
def test_a_common_word_capitalised_before_a_given_name_is_no_part_of_it(first: str, full: str | None) -> None:
    text = f"{first} reached the coast on Tuesday.\nVellin said the levee held, the hydrologist added for veterans."
    assert names([Article(id="a", text=text)]).full("Vellin") == full


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("``I think ``Dam Days' will draw the biggest crowd,'' Vellin said.", ["Vellin"]),  # a loose inner mark
        ("``He told me, ``Vellin is right,'' and left,'' she said.", []),  # the quotation closes after the name
        ("``He told me, ``Vellin is right,'' and left.", []),  # no closing mark last: still quoted
        ("A ruling in Alvania v. Reyes came today.", ["Alvania"]),  # a party to a case is the case's name
    ],
)
def test_bare_surnames_after_nested_quotations_and_in_cases(text: str, bare: list[str]) -> None:
    assert [m.group() for m in bare_surnames(text)] == bare


def test_a_generational_suffix_is_no_longer_name() -> None:
    text = "Tomas Reyes Jr., the county's chief, spoke on Tuesday.\nReyes said the levee held."
    assert names([Article(id="a", text=text)]).full("Reyes") == "Tomas Reyes"


def test_a_name_written_family_name_first() -> None:
    story = story_of([
        Article(id="a", text="Premier Wen Haolin met the envoy on Monday.\nWen said the talks went well."),
        Article(id="b", text="Flights to Bora Tavu resumed.\nThe Bora crew said it would fly on Monday."),
        Article(id="c", text="Wen Haolin and the envoy signed a treaty.\nWen told reporters it would hold."),
    ])  # fmt: skip
    named = Names(story, STOPWORDS)
    assert named.full("Wen") == "Wen Haolin"  # "Haolin" is never written without "Wen" before it
    assert named.full("Bora") is None  # a place's first word: "Bora" never speaks alone
    assert named.full_at("Wen", "a", story.articles[0].text.index("Wen said")) == "Wen Haolin"


def test_a_place_or_a_given_name_spelt_as_a_particle_is_not_made_a_name() -> None:
    costa = [Article(id="a", text=(
        "Portugal's prime minister arrived in Costa Rica on Monday for a three-day visit.\n"
        "Costa said the two countries would sign a trade deal on Tuesday."
    ))]  # fmt: skip
    assert names(costa).full("Costa") is None  # "in Costa Rica": a place
    actor = [Article(id="b", text=(
        "Actor Ben Stiller visited the flooded town of Alder Falls on Monday with aid workers.\n"
        "Ben Stiller said the town needed more help from the state."
    ))]  # fmt: skip
    brief = newsfuse.summarize(actor, words=60)
    assert not any(c.now.startswith("Actor") for s in brief.sentences for c in s.changes)  # "Ben" is a given name
