import pytest

from newsfuse.anatomy.cast import Cast, family_name, merge
from newsfuse.anatomy.entities import Mention, clean_span, find_mentions
from newsfuse.anatomy.genders import by_cue, by_given_name
from newsfuse.anatomy.quotes import find_quotes
from newsfuse.anatomy.reading import quotations
from newsfuse.model import Citation
from newsfuse.pipeline import story_from


def quotes(ner: object, *documents: str) -> list[tuple[str, str | None, str]]:
    story = story_from(documents)
    mentions = find_mentions(story, ner.model("en"))
    return [(q.text, q.speaker, q.how) for q in find_quotes(story, mentions, Cast.of(*merge(mentions)))]


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
        # a description naming a place is not the place; letters after a name are no part of it
        ('The plan was "a fair deal for every district" according to the Minister for Scotland.',
         "the Minister for Scotland", "named"),
        ('Prosecutor Ingrid Vollmer QC told the jury that "the plan was months in the making".', "Ingrid Vollmer",
         "named"),
        ("``The casing was cracked but dry,'' Ingrid Vollmer, who chairs the inquiry board, said Monday night.",
         "Ingrid Vollmer", "named"),
        ("``The casing was cracked but dry,'' Ingrid Vollmer, the inquiry's chair, a former pilot, said on Monday.",
         "Ingrid Vollmer", "named"),
        # features quote in the present, with more verbs than "said"
        ('"There is no cure for it yet," explains Dr. Ingrid Vollmer, who leads the trial.', "Ingrid Vollmer",
         "named"),
        ('"It was a little scary at first," Rosa Delgado recalls.', "Rosa Delgado", "named"),
        ('"I wish every archive looked like this one," joked Anton Weiss.', "Anton Weiss", "named"),
        # the model reads a person and their bank as one organisation
        ('"They have ticked a lot of boxes that stopped the valley," according to Saleem Khokhar of National Bank '
         "of Harlan Asset Management.", "Saleem Khokhar", "named"),
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
    mentions = find_mentions(story, ner.model("en"))
    found = find_quotes(story, mentions, Cast.of(*merge(mentions)))
    assert [q.also_in for q in found] == [("doc-2",), ("doc-1",)]


def speakers(ner: object, text: str) -> list[tuple[str | None, str, tuple[str, ...]]]:
    story = story_from([text])
    mentions = find_mentions(story, ner.model("en"))
    return [(q.speaker, q.how, q.group) for q in find_quotes(story, mentions, Cast.of(*merge(mentions)))]


def test_a_person_described_by_their_organisation_is_the_speaker_not_the_organisation(ner: object) -> None:
    quote = "“The convoy cannot wait for the roads to clear.”"
    assert speakers(ner, f"Dr. Mara Lindqvist, who leads the Harbor Policy Institute, said: {quote}") == [
        ("Mara Lindqvist", "named", ())
    ]
    assert speakers(ner, f"Dr. Mara Lindqvist, who advised Senator Tom Baines last year, said: {quote}") == [
        ("Mara Lindqvist", "named", ())
    ]
    after = "“The convoy cannot wait for spring,” said the head of the Harbor Policy Institute, Mara Lindqvist."
    assert speakers(ner, after) == [("Mara Lindqvist", "named", ())]
    titled = "“The convoy cannot wait for spring,” said Dr. Mara Lindqvist, who leads the Harbor Policy Institute."
    assert speakers(ner, titled) == [("Mara Lindqvist", "named", ())]
    # with no person named, the organisation still speaks
    alone = "“The convoy cannot wait for spring,” the Harbor Policy Institute said in a statement."
    assert speakers(ner, alone) == [("Harbor Policy Institute", "named", ())]


def test_they_and_the_senators_are_the_group_named_before_never_one_person(ner: object) -> None:
    letter = (
        "“We need advisers, not armies,” said Mara Lindqvist, who leads the Harbor Policy Institute.\n"
        "Senators Ruth Calder and Tom Baines urged the president to press the premier on the militias.\n"
        "“The premier must show that he governs for every citizen,” they wrote in a letter."
    )
    senators = ("Ruth Calder", "Tom Baines")
    assert speakers(ner, letter) == [
        ("Mara Lindqvist", "named", ()),
        ("Ruth Calder and Tom Baines", "pronoun", senators),
    ]
    described = (
        "“We have a framework for the first time,” Anton Vesely said.\n"
        "Two senators, Ruth Calder and Tom Baines, sent a letter to the envoy on Tuesday.\n"
        "“Any framework must include the northern provinces,” the senators said."
    )
    assert speakers(ner, described)[1] == ("Ruth Calder and Tom Baines", "named", senators)
    nobody = "Mara Lindqvist spoke first. “The convoy cannot wait,” she said. “The roads will not clear,” they said."
    assert speakers(ner, nobody) == [("Mara Lindqvist", "pronoun", ()), (None, "", ())]


def test_a_quoted_phrase_inside_a_sentence_belongs_to_the_sentences_speaker_not_a_later_verb(ner: object) -> None:
    found = quotes(
        ner,
        "Ingrid Vollmer has chaired the inquiry since March.\n"
        "She said the recording is ``mostly in a language the board cannot read'' and the Marine Safety Office "
        "has added two interpreters to the team.",
    )
    assert found == [("mostly in a language the board cannot read", "Ingrid Vollmer", "pronoun")]


def test_a_speaker_who_reports_another_persons_words_is_not_their_speaker(ner: object) -> None:
    found = quotes(
        ner,
        "Ingrid Vollmer said the pilot had told the tower ``we are losing the left engine'' before the landing.",
    )
    assert [s for _, s, _ in found] == ["the pilot"]


def test_a_speaker_introduced_with_an_apposition_is_its_head_not_the_person_named_inside(ner: object) -> None:
    found = quotes(
        ner,
        "Writing on a memorial page, Marta Kowal, the sister of David Brennan, who died in the fire, said:\n"
        '"The families will keep asking until someone answers us."',
    )
    assert [(s, h) for _, s, h in found] == [("Marta Kowal", "continued")]


def test_a_signed_quotation_and_a_role_introduced_before_name_their_speakers(ner: object) -> None:
    found = quotes(
        ner,
        "The memorial was opened by the mayor and the Minister for Harbours, Ingrid Vollmer.\n"
        'Each stone stood for "one life and one family" according to the Minister for Harbours.\n'
        '"We waited four years for a place to come and remember." - "Agnes"',
    )
    assert [s for _, s, _ in found] == ["Ingrid Vollmer", "Agnes"]


def test_wire_forms_of_real_copy(ner: object) -> None:
    found = quotes(
        ner,
        "Ingrid Vollmer, the former test pilot who flew the first model in 1979, told reporters that ``she is in "
        "her essence a safe plane.''\n"
        "``Keeping it on the centre line is easy,'' Capt. David Brennan, a ferry pilot, was quoted as telling a "
        "trade bulletin.\n"
        "``The outlook for the crew remains extremely grave,'' the navy commander, Adm. Karl Jensen, said Tuesday.\n"
        "Vollmer welcomed the report. She went on to say that she ``had never doubted the design.''",
    )
    assert [s for _, s, _ in found] == ["Ingrid Vollmer", "David Brennan", "Karl Jensen", "Ingrid Vollmer"]


def test_a_place_in_a_longer_phrase_is_not_the_speaker(ner: object) -> None:
    found = quotes(ner, "One survivor wept at the embassy in Scotland on Friday, saying she had lost "
                        "``everything I owned, even my coat.''")  # fmt: skip
    assert [s for _, s, _ in found] == [None]  # no one named: not the place


def test_her_lawyer_a_comma_less_attribution_and_a_deputy_are_who_they_are(ner: object) -> None:
    assert quotes(ner, 'Ingrid Vollmer was charged on Monday. "The charges will not stand," her lawyer said.') == [
        ("The charges will not stand", "her lawyer", "named")
    ]
    found = quotes(ner, 'David Brennan opened the meeting. "Our hands are tied today" Ingrid Vollmer said.')
    assert [s for _, s, _ in found] == ["Ingrid Vollmer"]
    found = quotes(
        ner,
        "The prize went to the Minister for Health, Ingrid Vollmer, and the Deputy Minister for Health, David "
        'Brennan.\n"We share it with every nurse," the Minister for Health said.',
    )
    assert [s for _, s, _ in found] == ["Ingrid Vollmer"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a quoted phrase inside the speaker's reported clause, and a participle that reports speech
        ('Late on Friday, Rosa Delgado of the safety board had said that the crews were "close to a deal on '
         'the pumps" by the weekend.', "Rosa Delgado"),
        ('The council welcomed the plan, with its chair Dominic Reyes noting that "We have worked hard for '
         'this result."', "Dominic Reyes"),
        ('"The valley will not flood again this spring," Anton Weiss ruminated.', "Anton Weiss"),
    ],
)  # fmt: skip
def test_reported_clauses_and_more_speech_verbs(ner: object, text: str, speaker: str) -> None:
    assert [s for _, s, _ in quotes(ner, text)] == [speaker]


def test_she_goes_to_the_subject_named_after_an_opening_phrase(ner: object) -> None:
    found = quotes(
        ner,
        '"I light a candle every night for them," said Tomas Berglund, a bus driver. Like other parents here, '
        "Valentina Orlova of the mothers' committee criticized the navy for its delays. "
        '"It hurts that they waited so long for help," she said.',
    )
    assert [s for _, s, _ in found] == ["Tomas Berglund", "Valentina Orlova"]


def test_a_participle_after_a_comma_is_no_apposition(ner: object) -> None:
    """ ", arguing that…" belongs to the sentence's subject, not to the organisation just before the comma."""
    found = quotes(
        ner,
        "Earlier this week the city council rejected calls for a Harbor Commission, arguing that it would cost "
        'too much. Instead, the council offered to publish a "full account of the events".',
    )
    assert [s for _, s, _ in found] == [None]


def placed(story_text: str, *people: str | tuple[str, str]) -> tuple[object, list[Mention]]:
    """A one-article story and, as the model might have read it, each of ``people`` at its first place (a name,
    a person; or a name and its type)."""
    story = story_from([story_text])
    article = story.articles[0]
    mentions = []
    for named in people:
        name, kind = (named, "person") if isinstance(named, str) else named
        at = article.text.index(name)
        mentions.append(Mention(name, kind, Citation(article.id, 0, at, at + len(name))))
    return story, mentions


def test_a_surname_the_model_missed_after_a_leading_word_or_an_opening_phrase_speaks() -> None:
    """ "But Berglund said…", "At a briefing, Orlova said…": the model read only the full names, elsewhere."""
    story, mentions = placed(
        "Rescue coordinator Tomas Berglund and Valentina Orlova met divers. But Berglund said storms were the "
        'danger. "Wind and waves do more harm than anything else," he said. At a briefing, Orlova said the navy '
        'waited. "It hurts that they waited so long for help," she said.',
        "Tomas Berglund",
        "Valentina Orlova",
    )
    found = find_quotes(story, mentions, Cast.of(*merge(mentions)))
    assert [q.speaker for q in found] == ["Tomas Berglund", "Valentina Orlova"]


def test_a_given_name_the_model_left_out_still_names_its_person() -> None:
    """ "Doreen Lawrence said" read as "Lawrence" is Doreen, not the Stephen Lawrence a bare surname means."""
    story, mentions = placed(
        "Stephen Lawrence died in 1993. His parents, Neville and Doreen Lawrence, spoke at the inquiry. "
        '"No one is serving time for the murder of my son," Doreen Lawrence told reporters.',
        "Stephen Lawrence",
        "Doreen Lawrence",
    )
    at = story.articles[0].text.rindex("Lawrence told")
    mentions.append(Mention("Lawrence", "person", Citation(story.articles[0].id, 0, at, at + 8)))
    canonical = {"Stephen Lawrence": "Stephen Lawrence", "Doreen Lawrence": "Doreen Lawrence",
                 "Lawrence": "Stephen Lawrence"}  # fmt: skip
    found = find_quotes(story, mentions, Cast.of(merge(mentions)[0], canonical))
    assert [q.speaker for q in found] == ["Doreen Lawrence"]


def speakers_of(
    story_text: str, *people: str | tuple[str, str], canonical: dict[str, str] | None = None
) -> list[str | None]:
    """The speakers of a one-article story's quotations, the model's reading of ``people`` given (``placed``)."""
    story, mentions = placed(story_text, *people)
    entities, merged = merge(mentions)
    return [q.speaker for q in find_quotes(story, mentions, Cast.of(entities, canonical or merged))]


def test_a_possessive_is_never_the_subject_of_a_speech_verb() -> None:
    """ "Lindqvist, whose play about Vasquez's death…, said": the play's author speaks, and "she" is her."""
    found = speakers_of(
        'Petra Lindqvist, whose play about Arno Vasquez\'s death, "The Long Night Shift," has run for months, '
        'said that audiences had changed. "There is much less deference now," she said.',
        "Petra Lindqvist",
        "Arno Vasquez",
    )
    assert found[-1] == "Petra Lindqvist"


@pytest.mark.parametrize(
    ("attribution", "surname_at"), [("Bailey said.", "Bailey said"), ("said Mr Bailey.", "Bailey.")]
)
def test_a_surname_two_people_share_is_the_one_the_article_named_last(attribution: str, surname_at: str) -> None:
    """ "Bailey said" after "Kyle Bailey, 12," is Kyle, though the story's "Bailey" is mostly Mark Bailey; after a
    title too."""
    text = (
        "Her fiance, Mark Bailey, flew in on Sunday. Kyle Bailey, 12, watched the plane from the parking lot. "
        f'"The impression I got was that something was wrong with the plane," {attribution}'
    )
    story, mentions = placed(text, "Mark Bailey", "Kyle Bailey")
    at = story.articles[0].text.rindex(surname_at)
    mentions.append(Mention("Bailey", "person", Citation(story.articles[0].id, 0, at, at + 6)))
    canonical = {"Mark Bailey": "Mark Bailey", "Kyle Bailey": "Kyle Bailey", "Bailey": "Mark Bailey"}
    found = find_quotes(story, mentions, Cast.of(merge(mentions)[0], canonical))
    assert [q.speaker for q in found] == ["Kyle Bailey"]


def test_a_korean_family_name_two_people_share_is_the_one_the_article_named_last() -> None:
    """ "Kim said" after "Kim Jong-il" is Kim Jong-il, though the story's "Kim" is mostly Kim Dae-jung: a Korean
    name is used alone by its first word."""
    text = (
        "President Kim Dae-jung flew to Pyongyang on Tuesday. Kim Jong-il met him at the airport. "
        '"We have waited a long time for this meeting," Kim said.'
    )
    story, mentions = placed(text, "Kim Dae-jung", "Kim Jong-il")
    at = story.articles[0].text.rindex("Kim said")
    mentions.append(Mention("Kim", "person", Citation(story.articles[0].id, 0, at, at + 3)))
    canonical = {"Kim Dae-jung": "Kim Dae-jung", "Kim Jong-il": "Kim Jong-il", "Kim": "Kim Dae-jung"}
    found = find_quotes(story, mentions, Cast.of(merge(mentions)[0], canonical))
    assert [q.speaker for q in found] == ["Kim Jong-il"]


def test_a_title_in_quotation_marks_is_no_ones_words() -> None:
    """ "Marten, co-author of the memoir ``A Good Walk Ruined Again,'' was speaking": a title, not a continuation
    of Marten's quotation before it; shouted words in capitals are still someone's."""
    found = speakers_of(
        '"I came completely unprepared," Bill Marten said. Marten, co-author of the golf memoir "A Good Walk Ruined '
        'Again," was speaking at the fair. Fans chanted "WE WANT MORE BOOKS," Marten said.',
        "Bill Marten",
    )
    assert found == ["Bill Marten", None, "Bill Marten"]


@pytest.mark.parametrize("town", ["Dayton", "Dayton, Ohio,"])
def test_as_someone_put_it_names_the_speaker(town: str) -> None:
    """ "as bookseller John Barrigner of Charlotte, N.C., put it": the bookseller, not the state."""
    found = speakers_of(
        f'Shop owners fear the chains and, as bookseller Jan Ostrow of {town} put it, "which of our good friends '
        'we will not see this year."',
        "Jan Ostrow",
    )
    assert found == ["Jan Ostrow"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('As one mother puts it, "It is as though someone broke into my home."', "one mother"),
        ('"Just one more joke," a man in the audience called out.', "a man in the audience"),
        ('"She cannot be gone," murmured Tom Baines.', "Tom Baines"),
    ],
)
def test_puts_it_murmured_and_called_out_report_speech(text: str, speaker: str) -> None:
    assert speakers_of(text, *(["Tom Baines"] if "Baines" in text else [])) == [speaker]


@pytest.mark.parametrize("places", [(), (("Tulsa", "place"), ("Okla.", "place"))])
def test_the_place_after_a_persons_town_is_not_the_speaker(places: tuple[tuple[str, str], ...]) -> None:
    found = speakers_of(
        'Mara Quist of Tulsa, Okla., told reporters: "We have never seen a storm like it."', "Mara Quist", *places
    )
    assert found == ["Mara Quist"]


def test_a_surname_with_its_band_after_said_is_the_person_the_story_named() -> None:
    """ "…,'' said Kessler of the Velvet Drains in an interview": Tom Kessler, not the phrase."""
    found = speakers_of(
        'Tom Kessler sings for the Velvet Drains. "I create my music; it is mine," said Kessler of the Velvet Drains '
        "in a phone interview.",
        "Tom Kessler",
    )
    assert found == ["Tom Kessler"]


@pytest.mark.parametrize(("opening", "band"), [("Rob Jones", "Pondwater"), ("Tony, 36,", "Pondwater")])
def test_a_band_the_model_took_for_a_person_is_no_he(opening: str, band: str) -> None:
    """ "He said Pondwater had lost touch with its fans. ``…,'' he said": the fan, not the band, which the story
    never gives a first name; a first name alone ("Tony") is a person's."""
    found = speakers_of(
        f"{opening} runs a fan site. Rather, he said, fans are taking an old practice to a new medium. He said {band} "
        'had lost touch with its fans. "They are just being the man," he said.',
        opening.split(",")[0],
        band,
    )
    assert found == [opening.split(",")[0]]


@pytest.mark.parametrize(
    ("sentence", "named", "speaker"),
    [
        ('He was heckled by irked Pondwater fans who shouted "Long live the swap site" all along.', "Pondwater",
         "irked Pondwater fans"),
        ('A Pondwater fan said "the site steals from every band."', "Pondwater", "A Pondwater fan"),
    ],
)  # fmt: skip
def test_a_persons_fans_speak_as_described(sentence: str, named: str, speaker: str) -> None:
    """ "irked Metallica fans who shouted": the fans, described, not the band the model took for a person."""
    found = speakers_of(f"Lars Ulrich spoke to reporters. {sentence}", "Lars Ulrich", named)
    assert found == [speaker]


def test_a_one_word_name_with_a_first_name_or_title_elsewhere_is_still_a_person() -> None:
    found = speakers_of(
        'Ms. Vantongeren sued the school. Officials met her lawyer. "We will fight this," Vantongeren said. '
        'Later she said the school had ignored her. "They never wrote back," she said.',
        "Vantongeren",
    )
    assert found == ["Vantongeren", "Vantongeren"]


def test_a_description_with_an_apostrophe_before_the_subject_still_opens_the_sentence() -> None:
    """ "Despite the outlook, the submarine's chief pilot, Tim Heron, believes…": "he" is Heron."""
    found = speakers_of(
        "Commander Alan Hoskins said the crews would keep offering help. Despite the gloomy outlook, the "
        "British submarine's chief pilot, Tim Heron, hopes they can still save lives. "
        '"It can move like an underwater helicopter," he said.',
        "Alan Hoskins",
        "Tim Heron",
    )
    assert found == ["Tim Heron"]


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        # a passive "was said" has no speaker; a clause after the quotation is no speaker either
        ('A memorial Mass was said at the chapel, with priests praying "for the safety of the loved ones" all '
         "night.", (), None),
        ('Judge Harriet Okafor concluded that the force was riven with "pernicious and institutional racism," and '
         "that racism among officers reflects a wider problem.", ("Harriet Okafor",), "Harriet Okafor"),
        # a quoted phrase's author after it
        ('She was soon anointed a "symbol of American style," by Liz Tilberis, the editor of the magazine.',
         ("Liz Tilberis",), "Liz Tilberis"),
    ],
)  # fmt: skip
def test_passives_clauses_and_authors(text: str, people: tuple[str, ...], speaker: str | None) -> None:
    assert speakers_of(text, *people) == [speaker]


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        # the wire's inverted attribution names who a later "he" is; "said Reyes could" is a reported clause
        ("Jerome Walsh wrote the first review. The early reviews will not matter, said Dominic Reyes, of the box "
         'office tracker Screenline. "This movie is critic-proof," he said.', ("Jerome Walsh", "Dominic Reyes"),
         "Dominic Reyes"),
        ("One pilot, Tomas Berglund, said Dominic Reyes could have flown the plane easily. "
         '"If he could walk, he could fly."', ("Tomas Berglund", "Dominic Reyes"), "Tomas Berglund"),
        # "he" right before the verb, after a longer phrase
        ('Jerome Walsh closed the show. To a fan on stage he said: "No, I am not going to read it now."',
         ("Jerome Walsh",), "Jerome Walsh"),
        # an organisation's spokesman is a description, not the organisation
        ('A Decipher spokesman said the company declined "because children would copy the game."', (),
         "A Decipher spokesman"),
    ],
)  # fmt: skip
def test_inverted_attribution_pronoun_subjects_and_spokesmen(
    ner: object, text: str, people: tuple[str, ...], speaker: str | None
) -> None:
    found = speakers_of(text, *people) if people else [s for _, s, _ in quotes(ner, text)]
    assert found[-1:] == [speaker]


def test_a_surname_after_a_description_names_the_person_the_story_knows() -> None:
    """ "asked the master of ceremonies, Daniels.": the model missed "Daniels" here, read "Anthony Daniels" before."""
    found = speakers_of(
        "Anthony Daniels hosted the evening. The crowd murmured. "
        '"What do you want to hear tonight?" asked the master of ceremonies, Daniels.',
        "Anthony Daniels",
    )
    assert found == ["Anthony Daniels"]


def test_he_after_a_sentence_that_names_one_new_person_is_that_person() -> None:
    """ "…countered by those who, like Jerry Rhoades on a forum, pronounced…" / "``…,'' he said.": Rhoades, not
    the last person quoted; but "She declined to say whether Tariq Mansour…" keeps "she" for the speaker."""
    found = speakers_of(
        '"It looks like the old films," Ronald Epstein wrote on his site. The views were countered by fans who, '
        "like Jerry Rhoades on the Home Theater Forum, pronounced the movie a triumph. "
        '"Just sit back, relax and enjoy the ride," he said.',
        "Ronald Epstein",
        "Jerry Rhoades",
    )
    assert found == ["Ronald Epstein", "Jerry Rhoades"]


def test_she_is_never_the_boy_quoted_just_before() -> None:
    """ "``…?'' asked Max." / "``…,'' she said": Linda, though Max spoke last; a family word before a name tells
    as much as a common given name ("her son Elliot")."""
    found = speakers_of(
        '"We knew something was wrong," said Linda Brestler. "Can I play outside now?" asked Max. '
        '"It was intense," she said. "Is it time to go home?" asked her son Elliot. "Not yet, my love," she said.',
        "Linda Brestler",
        "Max",
        "Elliot",
    )
    assert found == ["Linda Brestler", "Max", "Linda Brestler", "Elliot", "Linda Brestler"]


@pytest.mark.parametrize(
    ("name", "before", "gender"),
    [
        ("Linda Brestler", "", "female"),
        ("Max", "", "male"),
        ("Elliot", "Newsome's younger son ", "male"),  # the family word tells
        ("Okafor", "said Mrs. ", "female"),
        ("Vladimir Orlov", "", "male"),  # the commonest given names of the world's news too
        ("Tatyana Belova", "", "female"),
        ("William Orr", "", "male"),  # the last name of one list and the first of the next both count
        ("Alexei Orr", "", "male"),
        ("Wendy Orr", "", "female"),
        ("Anastasia Orr", "", "female"),
        ("Dawson", "said ", None),  # a surname alone tells nothing
        ("Kim Domis", "therapist ", None),  # nor a name given to either
    ],
)
def test_a_persons_gender_is_what_the_story_tells(name: str, before: str, gender: str | None) -> None:
    assert (by_cue(before) or by_given_name(name)) == gender


def test_she_after_a_russian_captain_is_the_woman_named_before() -> None:
    found = speakers_of(
        '"We are still waiting," said Tatyana Belova, whose son served on the ship. Captain Vladimir Orlov, '
        'a navy spokesman, said the divers had reached the hull. "They told us nothing for days," she said.',
        "Tatyana Belova",
        "Vladimir Orlov",
    )
    assert found == ["Tatyana Belova", "Tatyana Belova"]


def test_she_goes_back_past_sentences_about_her_to_the_one_woman_named() -> None:
    """ "…, Mara Quist had no idea…" / "But she was…" / "She remembers…" / "``…,'' she said": Mara, not the
    woman quoted last; the sentence naming her also names a boy, who is no "she"."""
    found = speakers_of(
        '"The odds are one in twenty," said Helen Ostrova, who directs the clinic. When Max was diagnosed, '
        "Mara Quist had no idea what lay ahead. But she was already worried about her younger son. She remembers "
        'reading every book she could find. "I threw the first one across the room," she said.',
        "Helen Ostrova",
        "Max",
        "Mara Quist",
    )
    assert found == ["Helen Ostrova", "Mara Quist"]


def test_review_cases_of_the_new_rules(ner: object) -> None:
    """The subject before a verb outranks the inverted form's name after it; a possessive is no one's "she"; a
    title's author is no speaker; an organisation with a time phrase is still the organisation."""
    found = speakers_of(
        "Prosecutor Tomas Berglund, however, said Dominic Reyes, who was arrested Monday, had been drinking. "
        '"The car was weaving all over the road," he said.',
        "Tomas Berglund",
        "Dominic Reyes",
    )
    assert found == ["Tomas Berglund"]
    found = speakers_of(
        'Arno Vasquez\'s mother spoke to the inquiry on Monday. "We were let down by everyone," she said.',
        "Arno Vasquez",
    )
    assert found == [None]
    found = speakers_of(
        'She was reading "A Brief History of Time," by Stephen Hawking, on the train.', "Stephen Hawking"
    )
    assert found == [None]
    assert [s for _, s, _ in quotes(ner, 'Boeing on Monday said: "The fleet will fly again within weeks."')] == [
        "Boeing"
    ]


def test_more_verbs_of_speech_and_a_rear_admirals_title() -> None:
    """ "he vows" reports speech; "Rear Adm." is a title, no part of the name."""
    found = speakers_of(
        'Jerome Walsh retires the act this week. "I will never tell any of these jokes again," he vows.',
        "Jerome Walsh",
    )
    assert found == ["Jerome Walsh"]
    assert clean_span("Rear Adm. Richard M. Larrabee", "PERSON")[0] == "Richard M. Larrabee"


def test_she_is_the_subject_pronoun_not_a_later_him() -> None:
    """ "She thanked him and said:" is the mother, whatever "him" says of Max."""
    found = speakers_of(
        '"We knew it early," said Linda Brestler. "Can I go outside now?" asked Max. '
        'She thanked him and said: "It was worth the wait."',
        "Linda Brestler",
        "Max",
    )
    assert found == ["Linda Brestler", "Max", "Linda Brestler"]


def test_a_subject_after_an_opening_phrase_speaks() -> None:
    """ "However, the appeals court said the law violates the charter's ``…''": the court, not the last speaker."""
    found = speakers_of(
        '"The ruling was long overdue for us," said Mara Quist. However, the appeals court said the law violates '
        "the charter's ``single, carefully weighed procedure'' for new rules.",
        ("Mara Quist", "person"),
    )
    assert found == ["Mara Quist", "the appeals court"]


def test_a_participle_speaks_for_the_subject_of_its_clause() -> None:
    """ "Quist acknowledged the ``…'' of the case, saying, ``…''": Quist, not the object of "acknowledged"."""
    found = speakers_of(
        "The vote was close. Mara Quist acknowledged the ``real weight'' of the case, saying, ``The court "
        "expresses no view on the merits.''",
        ("Mara Quist", "person"),
    )
    assert found == ["Mara Quist"]


def test_a_body_described_by_its_organisation_speaks_as_described() -> None:
    found = speakers_of(
        "``The county is a disgrace in the area of legal aid,'' a committee of the Harbor Bar Association says in a "
        "report.",
        ("Harbor Bar Association", "organisation"),
    )
    assert found == ["a committee of the Harbor Bar Association"]


@pytest.mark.parametrize(
    ("text", "named", "speaker"),
    [
        (  # the outlet's headline, in the inverted form
            "The mayor ran again. ``Port Deal Falls Apart at the Last Minute,'' reported The Harbor Chronicle.",
            [("Harbor Chronicle", "organisation")],
            "Harbor Chronicle",
        ),
        (  # an agency that relays someone's words after them does not speak them
            'Minister Ilya Varga told reporters that the leak "was developing within two minutes," the Tass news '
            "agency reported.",
            [("Ilya Varga", "person"), ("Tass", "organisation")],
            "Ilya Varga",
        ),
        (
            "It has even reached the magazines. ``The Navy in the Dock,'' announces Harborweek's June cover story.",
            [("Harborweek", "organisation")],
            "Harborweek",
        ),
    ],
)
def test_reported_speaks_only_inverted_and_announces_speaks(
    text: str, named: list[tuple[str, str]], speaker: str
) -> None:
    assert speakers_of(text, *named) == [speaker]


def test_a_korean_name_is_used_alone_by_its_family_name() -> None:
    """ "Ban Ki-moon" is "Mr. Ban", family name first (a given name hyphenated in lower case); "Norton-Taylor" is
    still a surname last."""
    text = (
        "Secretary-General Ban Ki-moon opened the talks, and Richard Norton-Taylor wrote about them.\nMr. Ban "
        'recognizes the divisions. "It may be too ambitious to agree on a target now," he said. "We will have '
        'to," said Norton-Taylor.'
    )
    story = story_from([text])
    article = story.articles[0]
    places = [("Ban Ki-moon", text.index("Ban Ki-moon")), ("Richard Norton-Taylor", text.index("Richard"))]
    places += [("Ban", text.index("Mr. Ban") + 4), ("Norton-Taylor", text.rindex("Norton-Taylor"))]
    mentions = [Mention(n, "person", Citation(article.id, 0, at, at + len(n))) for n, at in places]
    found = find_quotes(story, mentions, Cast.of(*merge(mentions)))
    assert [q.speaker for q in found] == ["Ban Ki-moon", "Richard Norton-Taylor"]


@pytest.mark.parametrize(
    "text",
    [
        "The lesson went on.\n``What does it mean to find a needle in a haystack?'' Quist asks.\n``Hard,'' he says.",
        "The lesson went on. ``But how difficult is a haystack to search?'' Quist mused. ``One hour may not tell us.''",
    ],
)
def test_an_attribution_read_as_a_sentence_of_its_own_still_names_the_speaker(text: str) -> None:
    """The segmenter ends a sentence after "?''" before a capital: "Quist asks." is still the attribution."""
    assert speakers_of(text, "Quist")[0] == "Quist"


def test_a_description_longer_than_the_pattern_still_stands_in_apposition() -> None:
    """ "Bill Okafor, a geophysicist at the Survey's … Center in Colorado, explained that ``…''": Okafor, not the
    centre named at the end of a description the speaker pattern could not hold whole."""
    found = speakers_of(
        "Bill Okafor, a geophysicist at the Harbor Geological Survey's National Earthquake Information Center in "
        "Colorado, explained that such numbers are ``still subject to change for weeks.''",
        ("Bill Okafor", "person"),
        ("National Earthquake Information Center", "organisation"),
    )
    assert found == ["Bill Okafor"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("``The rescue effort is a fiasco,'' one Istanbul newspaper asserted.", "one Istanbul newspaper"),
        ("``He died when our building collapsed,'' Mara Quist managed to say.", "Mara Quist"),
    ],
)
def test_more_ways_of_saying(text: str, speaker: str) -> None:
    assert speakers_of(text, *(["Mara Quist"] if "Quist" in text else []))[0] == speaker


def test_she_is_not_andy() -> None:
    found = speakers_of(
        '"We teach Sunday school," said Janell Mead. Andy Koenigs disagreed with the board. "We are not against '
        'anyone," she said.',
        "Janell Mead",
        "Andy Koenigs",
    )
    assert found == ["Janell Mead", "Janell Mead"]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (  # a next sentence that reports something else is no attribution of the quotation before it
            '"We will appeal," Mara Quist said. "The verdict is wrong." Tom Baines said he was pleased.',
            ["Mara Quist", "Tom Baines"],
            ["Mara Quist", "Mara Quist"],
        ),
        ('"Is it safe?" Officials say yes.', [], [None]),
        (  # the man a letter was sent to is no apposition of the letter
            '"It is over," Ann Orr said. In March, a letter sent to Tom Baines by dozens of residents of the valley '
            'who had watched the river rise for a whole week warned: "The next collapse is a matter of time."',
            ["Ann Orr", "Tom Baines"],
            ["Ann Orr", "Ann Orr"],
        ),
        (  # the participle belongs to the reported clause
            'Officials said Tom Baines resigned on Monday, saying, "I have lost the confidence of the party."',
            ["Tom Baines"],
            ["Tom Baines"],
        ),
        (  # "His wife…" goes on about him as "He remembers…" does
            '"The odds are one in twenty," said Bill Ostrov. When Ann was diagnosed, Tom Quist had no idea what lay '
            'ahead. His wife was already worried. He remembers reading every book. "I threw the first one across '
            'the room," he said.',
            ["Bill Ostrov", "Ann", "Tom Quist"],
            ["Bill Ostrov", "Tom Quist"],
        ),
        (  # past sentences about her, a woman named as an object is not who "she" is
            '"We will find who did this," said prosecutor Ann Orr. Police found the body of Mara Quist in 2019. She '
            'had been missing for a week. Her family had searched everywhere. "We will not rest until we know," she '
            "said.",
            ["Ann Orr", "Mara Quist"],
            ["Ann Orr", "Ann Orr"],
        ),
        (  # a given name both men and women have tells nothing
            '"We need calm," said Tom Orr. Foreign Minister Vivian Balakrishnan arrived on Monday. "We will keep the '
            'strait open," he said.',
            ["Tom Orr", "Vivian Balakrishnan"],
            ["Tom Orr", "Vivian Balakrishnan"],
        ),
        ('The firm\'s "strongest quarter in a decade," reported on Tuesday, beat every forecast.', [], [None]),
        (
            '"It is over," Ann Orr said. When asked about it, Tom Baines said the plan was now "a disaster for '
            'everyone involved."',
            ["Ann Orr", "Tom Baines"],
            ["Ann Orr", "Tom Baines"],
        ),
        (  # the opening phrase's place is no subject
            '"It is over," Ann Orr said. In Paris, the mayor, Tom Baines, said the plan was now "a disaster for '
            'everyone involved."',
            ["Ann Orr", "Tom Baines"],
            ["Ann Orr", "Tom Baines"],
        ),
        ('"We lost everything," said Tom Orr. "It is done," she said.', ["Tom Orr"], ["Tom Orr", None]),
    ],
)
def test_review_cases_of_the_thirteenth_session(text: str, names: list[str], expected: list[str | None]) -> None:
    assert speakers_of(text, *names) == expected


def test_an_arabic_compound_name_is_no_korean_name() -> None:
    assert [family_name(n) for n in ("Yasser Abed-rabbo", "Ban Ki-moon", "Jean-luc Picard")] == [
        "Abed-rabbo",
        "Ban",
        "Picard",
    ]


@pytest.mark.parametrize(
    ("text", "names", "speaker"),
    [
        (
            'Ann Metzger founded the clinic. "We never turned anyone away," Metzger once said.',
            ["Ann Metzger"],
            "Ann Metzger",
        ),
        ('"The talks are over for now," the Israeli government today said.', [], "the Israeli government"),
    ],
)
def test_a_time_word_after_the_speaker_is_not_part_of_it(text: str, names: list[str], speaker: str) -> None:
    assert speakers_of(text, *names)[-1] == speaker


def test_a_party_tag_is_its_senator_and_a_lone_article_no_one() -> None:
    found = speakers_of(
        "The vote was close. Sen. Kay Bailey Hutchison, R-Texas, said: ``We will not wait for the House to act.''",
        "Kay Bailey Hutchison",
    )
    assert found == ["Kay Bailey Hutchison"]
    assert speakers_of("``We will not wait for the House to act,'' the said.") == [None]


@pytest.mark.parametrize(
    "text",
    [
        'A man who asked not to be named shook his head, saying, "There is nothing left for us here."',
        "Marchers held aloft signs that said ``No more dams on this river.''",
    ],
)
def test_a_clause_is_no_description_of_a_speaker(text: str) -> None:
    assert speakers_of(text) == [None]


@pytest.mark.parametrize(
    ("text", "people", "speakers"),
    [
        # a surname used alone, or a star's one name, is still "she" or "he": only what the article calls "its" is not
        ('Gottschalt believes the trials came too late. "I was sixteen and nobody asked," she said.', ["Gottschalt"],
         ["Gottschalt"]),
        ('Madonna released a new album on Friday. "I am proud of every song on it," she said.', ["Madonna"],
         ["Madonna"]),
        # a cry in capitalised words introduced by a speech verb keeps its speaker
        ('A small crowd of protesters shouted, "Death to Arabs! Death to Arafat!"', [],
         ["A small crowd of protesters"]),
        # the quotation after a title goes on in the voice of the one before it
        ("``It is the best film of the year,'' Roger Ebert said of the film, which he compared to ``The Lion King.'' "
         "``It will make you cry all night.''", ["Roger Ebert"], ["Roger Ebert", None, "Roger Ebert"]),
        # a place with no comma after it speaks as itself; a person's fans right after the name, not "Reznor to fans"
        ('After talks with Vladimir Putin in Moscow, France said it would "keep every option open."',
         ["Vladimir Putin", ("France", "place")], ["France"]),
        ('"I create my music; it is mine," said Reznor to fans at the show.', ["Reznor"], ["Reznor"]),
        ('Trent Reznor greeted fans outside the arena, saying, "Thank you all for coming out tonight."',
         ["Trent Reznor"], ["Trent Reznor"]),
        # no quotation marks in a description; a manner adverb is no part of the speaker
        ("``It is over and done with,'' Clinton's aides said. ``We move on from here now.''", ["Clinton"],
         ["Clinton's aides", "Clinton's aides"]),
        ('As one analyst bluntly put it, "the company has lost its way for good."', [], ["one analyst"]),
    ],
)  # fmt: skip
def test_review_cases_of_the_fourteenth_session(
    text: str, people: list[str | tuple[str, str]], speakers: list[str | None]
) -> None:
    assert speakers_of(text, *people) == speakers


def test_a_quotation_that_runs_on_into_the_next_paragraph_is_read_and_in_that_paragraphs_voice() -> None:
    """The wire leaves a quotation open at its paragraph's end when the next paragraph goes on quoting: the open
    one is a quotation too, and its speaker is the next one's."""
    found = speakers_of(
        "A wait-and-see view came from Billy Corgan of the band. ``It is a waste of time to go after the site.\n"
        "``It is going to take two or three years to sort out,'' said Corgan.",
        "Billy Corgan",
    )
    assert found == ["Billy Corgan", "Billy Corgan"]


def test_an_organisations_employee_a_time_after_a_name_and_another_are_no_wrong_speakers(ner: object) -> None:
    employee = "“It is only a matter of time before the levee fails,” one Army Corps of Engineers employee said."
    assert [s for s, _, _ in speakers(ner, employee)] == ["one Army Corps of Engineers employee"]
    runner = "“I feel strong this year,” said Uta Pippig last fall, shortly after the race in Boston."
    assert [s for s, _, _ in speakers(ner, runner)] == ["Uta Pippig"]
    songs = "One song says “the river takes what it wants,” and another says “we will build again.”"
    assert "another" not in [s for s, _, _ in speakers(ner, songs)]


def test_more_verbs_of_speech(ner: object) -> None:
    sobbed = "A fire killed 60 people at a dance. ``Why wasn't I there?'' sobbed Leila Amiri outside the hall."
    assert [s for s, _, _ in speakers(ner, sobbed)] == ["Leila Amiri"]
    commented = 'Captain Yves Prazan commented that "the search will go on as long as needed."'
    assert [s for s, _, _ in speakers(ner, commented)] == ["Yves Prazan"]
