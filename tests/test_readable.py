from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsfuse
from newsfuse.readable import Form, form
from newsfuse.text import word_runs
from newsfuse.unresolved import Placed, named_among, naming, unresolved


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("But the dam held.", Form(4, "")),
        ("According to the official, the shelters were full by noon.", Form(0, "definite", "official")),
        ("According to the County Board of Health, the water is safe.", Form()),  # a name, not a reference
        ("The Agency for Dam Safety inspected the spillway in March.", Form()),
        ("However, he said it was fine.", Form(9, "pronoun")),
        ("_ And sandbags for the houses along the creek.", Form(6, "")),
        ("ALDER-FLOOD _ Crews pumped water out of 300 homes on Wednesday.", Form(14, "")),  # a news service's slug
        ("DAM-SAFETY-2NDLD _ HARLAN, Ky. _ The county closed the spillway road.", Form(33, "")),  # and dateline
        ("MARLOW COUNTY _ But the levee held through the night.", Form(20, "")),
        ("NASA-SPACE _ Its rover reached the crater.", Form(13, "pronoun")),
        ("Alder-Falls _ residents came back on Thursday.", Form()),  # not in capitals: no slug
        ("— But he said the spillway held.", Form(6, "pronoun")),
        ("Instead of repairs, the county built a new levee.", Form()),
        ("— So far, 300 homes have been inspected.", Form(2, "")),
        ("Instead, the county built a new levee.", Form(9, "")),
        ("In addition to the dam, three bridges failed.", Form()),
        ("In addition, three bridges failed.", Form(13, "")),
        ("As a result of the rain, the creek rose.", Form()),
        ("As a result, the creek rose.", Form(13, "")),
        ("Besides the levee, three bridges failed.", Form()),
        ("Besides, the levee held.", Form(9, "")),
        ("Yet another storm is coming.", Form()),
        ("He said the dam was safe.", Form(0, "pronoun")),
        ("Its spillway was cracked.", Form(0, "pronoun")),
        ("This is the worst flood in memory.", Form(0, "pronoun")),
        ("That decision came late.", Form(0, "pronoun")),
        ("The statement did not say why.", Form(0, "definite", "statement")),
        ('"We were doing everything the state asked of us," he said.', Form(0, "quote")),
        ("``We were doing everything the state asked,'' she added.", Form(0, "quote")),
        ('"We were doing everything the state asked of us," Dempsey said.', Form()),
        ('Dempsey said the district was "cooperating fully" with investigators.', Form()),
        ("The dam failed on Tuesday.", Form()),
        ("There were 300 homes damaged.", Form()),
        ("Butler said the helmets would stay.", Form()),
        ("Hebron residents fled.", Form()),
        ("Every house on Main Street will be rebuilt,” Mayor Dana Reyes said.", Form(0, "quote")),
        ('Every house will be rebuilt," Reyes said.', Form(0, "quote")),
        ("We thought the dam would hold.''", Form(0, "quote")),  # the wire's closing marks, its opening before
        ("Every house will be rebuilt,'' said Dana Reyes. ``All of them.''", Form(0, "quote")),
        ("''Every house will be rebuilt,'' Dana Reyes said.", Form()),  # '' at both ends: a whole quotation
        ("The ''temporary'' repairs held until Tuesday.", Form()),
        ("\"We lost the ferry and the bridge,'' said Dana Reyes, the mayor.", Form()),  # opened with other marks
        ('Reyes said: "We will rebuild every house."', Form()),
        ("The spillway will be rebuilt by spring, she said.", Form(0, "pronoun")),
        ("The levee held through the night, it added Tuesday.", Form(0, "pronoun")),
        ("The levee held, said he.", Form(0, "pronoun")),
        ("The levee held, said Mayor Reyes.", Form()),
        ("Reyes said she would ask the state for help.", Form()),
        ("Residents of Alder Falls said they would not leave.", Form()),
        ('"If it fails, he said, we quit," Reyes said.', Form()),
        ("Most are still without power.", Form(0, "pronoun")),
        ("Both of them were rescued from the roof.", Form(0, "pronoun")),
        ("Both pleaded guilty to the charges.", Form(0, "pronoun")),  # "both" before a verb: two named before
        ("Neither was hurt in the collapse.", Form(0, "pronoun")),
        ("Both drank from the flooded well.", Form(0, "pronoun")),
        ("Both sides agreed to inspect the dam.", Form()),  # the noun says which
        # (k) a time told from what the sentence before said
        ("Two days later, the county closed the road.", Form(0, "pronoun")),
        ("At the time, state law required no inspection.", Form(0, "pronoun")),
        ("Since then the district has hired two engineers.", Form(0, "pronoun")),
        ("The next day, the governor toured the town.", Form(0, "pronoun")),
        ("Soon afterward, the sirens stopped.", Form(0, "pronoun")),
        ("Then, hours later, the levee broke.", Form(6, "pronoun")),  # the connective is cut, the time leans
        ("At the moment, two dams are under review.", Form()),  # now
        ("At the time of the collapse, the lake was full.", Form()),  # it says which time
        ("Shortly after the collapse, rescuers arrived.", Form()),
        ("Or the spillway may have been blocked.", Form(0, "pronoun")),  # goes on from the sentence before
        ("Nor did the county inspect the dam.", Form(0, "pronoun")),
        ("There, a judge ordered the lake drained.", Form(0, "pronoun")),  # at the place just named
        ("One was a retired teacher.", Form(0, "pronoun")),  # one of those named before
        ("There is no spillway on the dam.", Form()),
        ("One proposed change is a second spillway.", Form()),
        ("Oregon inspected its dams.", Form()),
        ("OR-7, a wolf from the valley, crossed the dam.", Form()),  # a name, not "or"
        ("Nor'easters flooded the valley twice in March.", Form()),
        ("One is tempted to blame the weather for the flood.", Form()),  # anyone, not one of those named
        ("Both armed groups signed the truce on Tuesday.", Form()),  # "armed" says which, it is no verb here
        ("The levee held,\" Reyes said of the ''temporary'' wall.", Form(0, "quote")),
        ("A 6'' pipe burst in the dam on Tuesday.", Form()),  # inches, not a quotation's end
        ("Few engineers believe the county would agree to that.", Form(0, "pronoun")),  # "that": what was said before
        ("``No town deserves this.''", Form(0, "pronoun")),
        ("Earlier, officials said 14 people were hurt.", Form(0, "pronoun")),  # earlier than what came before
        ("The county built a levee like that one.", Form()),
        ("Most residents are still without power.", Form()),
        ("Many people fled before dawn.", Form()),
        ("Over time, these cracks could widen.", Form(0, "pronoun")),
        ("Aside from that, the levee held.", Form(0, "pronoun")),
        ("Reyes alleges that, in her first months at the district, she was told to keep quiet.", Form()),
        ("Engineers found that, despite the rain, the spillway held.", Form()),  # "that" opens what they found
        ("Even that estimate is optimistic, the report said.", Form(0, "pronoun")),
        ("Over time, the cracks could widen.", Form()),
        ("The levee held, it added in a statement on Tuesday.", Form(0, "pronoun")),
        ("Although Reyes lost the primary, she said she would run again in 2026.", Form()),
        ("After Reyes resigned in 2004, he wrote a memoir about the flood.", Form()),
        ("When the county raised the levy in March, it warned that repairs would take years.", Form()),
        ("Some have argued that the dam was never safe.", Form()),
        ("All is quiet in Alder Falls after a week of rain.", Form()),
        ("Nationwide, this year's harvest is down 10 percent.", Form()),
        ("Even those who lost their homes said they would stay.", Form()),
        # "this" and a thing named before, as "these"/"those" (rule (g)); not a time, nor "this is…"
        ("In the dispute over water, however, the White House has a strong hand.", Form()),
        ("The source website for this claim remains unknown.", Form(0, "reference", "claim")),
        ("Crews will work through this weekend, and this year the levy rises.", Form()),
        ("Engineers said this is the worst flood in decades.", Form()),
        ("Nobody expected this much rain this early, and at this rate this country will flood.", Form()),
        ("Sales rose 4 percent this quarter and will fall in this fiscal year.", Form()),
        ("The council approved this plan after a long debate.", Form(0, "reference", "plan")),
        ("Now it wants its money back.", Form(0, "pronoun")),  # a time first, then the pronoun subject
        ("Later, they joined a militia unit.", Form(0, "pronoun")),
        ("In 1998, it was defeated 19-16.", Form(0, "pronoun")),
        ("Now, it turns out the storm did more good than harm.", Form()),  # "it" that stands for nothing
        ("Now the county wants its money back.", Form()),
        ("The first is a blow on collision; the second is an explosion.", Form(0, "pronoun")),  # the first what?
        ("The rest were rescued by helicopter.", Form(0, "pronoun")),
        ("Among those was the mayor's brother.", Form(0, "pronoun")),
        ("On the other is Charles Schumer, who voted against the bill.", Form(0, "pronoun")),  # the other side
        ("On the other side of the river, crews worked all night.", Form()),
        ("Of those who fled, 12 came back.", Form()),  # the words after it say which
        ("Of those polled, 60 percent backed the levy.", Form()),
        ("Among those killed was the mayor's brother.", Form()),
        ("The first flood came in March.", Form()),
        # a group the article introduced, as the opening subject; not one the words after it say
        ("The pilots had reported smoke in the cockpit.", Form(0, "reference", "pilots")),
        ("But the pilots had reported smoke.", Form(4, "reference", "pilots")),  # as the brief writes it: "The pilots…"
        ("According to the engineers, the spillway held.", Form(0, "reference", "engineers")),
        ("The two leaders drove to the palace.", Form(0, "reference", "leaders")),
        ("The three will rule on the appeals.", Form(0, "reference", "")),
        ("The prices of timber rose after the flood.", Form()),
        ("The relations between the two towns soured.", Form()),
        ("The sailors and marines from the frigate were rescued.", Form()),
        ("The two archbishops of the diocese wrote to the mayor.", Form()),  # the count's group said too
        ("The was a doubling of the toll.", Form()),  # a typo for "There was", not a group
        ("The Philippines sent a rescue team.", Form()),  # a name
        ("The crisis deepened on Tuesday.", Form()),  # not a plural
        ("The census counted 4,000 residents.", Form()),
        ("The two-year repair program ended.", Form()),
        ("the pilots had reported smoke in the cockpit.", Form()),  # lower-cased text: it may be a name
        # things named before, anywhere in the sentence
        ("Twelve pumps failed during those storms.", Form(0, "reference", "storms")),
        ("The county rebuilt only four of these bridges.", Form(0, "reference", "bridges")),
        ("Crews checked 200 culverts, and 40 of those culverts were blocked.", Form()),  # named earlier in it
        ("The shelter took in those displaced by the flood.", Form()),
        ("Volunteers helped those who lost their homes.", Form()),
        ("The mayor thanked those he met at the shelter.", Form()),
        ("The league honoured those now playing for the county.", Form()),
        ("Relief went to those nations that signed the pact.", Form()),
        ("Engineers say these first weeks of repairs are the hardest.", Form()),  # "these" for now
        ("Of the 600 homes, about half of these are insured.", Form()),  # "these" alone: rarely a dangling noun
        ("Congress gave the county such authority in 2024.", Form()),  # "such": too often its kind named before
        ('Reyes said "those cracks were never fixed" in 2024.', Form()),  # inside a quotation: the speaker's
        ('Reyes called those "temporary repairs" a scandal.', Form()),  # no words glued across a quotation
    ],
)
def test_forms(text: str, expected: Form) -> None:
    assert replace(form(text), subject="", mentions=()) == expected  # (j) below, (l) in test_subjects.py


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The celestial fireworks are the tail of a comet.", "fireworks"),
        ("The surveillance led to their arrest.", "surveillance"),
        ("The emergency exit was blocked by flames.", "exit"),
        ("The rebuilt levee held.", "levee"),
        ("But the spillway road reopened on Friday.", "road"),  # as the brief writes it, connective cut
        ('"The hole might have been made by a meteoroid.', "hole"),
        ("The dam failed on Tuesday.", "dam"),  # whether it leans is for its article to say
        ("The military last month dismissed the general.", ""),  # not "month"
        ("The pope said the archbishop was a martyr.", ""),  # there is one: no reader asks which
        ("The same crews were sent back.", ""),
        ("The Agency for Dam Safety inspected the spillway.", ""),  # a name
        ("The death toll from the flood rose to nine.", ""),  # the words after it say which
        ("The 2024 report found cracks.", ""),
        ("The dam on the creek failed.", ""),
        ("the dam failed on Tuesday.", ""),  # lower-cased text
        ("Engineers said the dam failed.", ""),
        ("The idea is to set up a platform.", ""),  # says what the idea is
        ("The fact is that the levee was never inspected.", ""),
        ("The rock is called Cumberland.", ""),
        ("The issue was complex -- whether the county pays.", ""),
        ("The zoo put down four lions, the Copenhagen Zoo said.", ""),  # named later in the sentence
        ("The second seed from Belarus beat Williams.", ""),  # "seed" is no verb
        ("The market is growing fast.", ""),
        ("The minister also urged donors to give.", "minister"),  # an adverb before the verb
        ("The bad news comes at a bad time.", "news"),
        ("The rally drew thousands to the dam.", "rally"),  # a noun in "-ly"
        ("The newly built levee held.", ""),  # "newly built": the verb comes too early to tell the noun
        ("The minister agreed to pay for the repairs.", "minister"),
        ("The top speed was 40 miles an hour.", "speed"),  # "speed" is no past tense
        ("The storm was the worst in decades -- and it is not over.", "storm"),  # a dash far from "was"
        ("The commission's report charged that the levee was neglected.", "commission"),  # which commission?
        ("The district's engineers also found cracks.", "district"),
        ("The company's plan is to rebuild the dam.", ""),  # says what the plan is
        ("The Corps's engineers found cracks.", ""),  # a name's possessive
        ("The experience, however, is not limited to the town.", "experience"),
        ("The runway thus had not been inspected.", "runway"),
        ("The engineer himself was not at the dam.", "engineer"),
        ("The report, published on Monday, found cracks.", ""),  # what it says after it may say which
    ],
)
def test_a_definite_subject_and_its_noun(text: str, subject: str) -> None:
    assert form(text).subject == subject
    assert form(text, None).subject == ""  # text the story writes all in lower case: names do not show


def test_what_names_a_noun_a_sentence_points_back_at() -> None:
    assert naming("statement").search("Two statements came on Monday.")
    assert naming("statements").search("The statement came on Monday.")
    assert naming("news").search("The news reached the town.") and not naming("news").search("A new levee held.")
    assert naming("crisis").search("The crisis deepened.") and not naming("crisis").search("The cri held.")


def test_a_definite_subject_leans_where_its_article_said_its_noun_before() -> None:
    def said_before(article: str, index: int, word: str) -> bool:  # article "a" said "spillway" in sentence 1
        return article == "a" and word == "spillway" and index > 1

    cracked = placed("The spillway was cracked.", "a", 3)
    opening = placed("The dam failed on Tuesday.", "b", 0)
    assert unresolved([opening, cracked], said_before) == [False, True]
    assert unresolved([opening, cracked]) == [False, False]  # not known what the article said: not applied
    assert unresolved([placed("Engineers checked the spillway.", "b", 0), cracked], said_before) == [False, False]
    assert unresolved([opening, placed("The spillway was cracked.", "a", 1)], said_before) == [False, False]
    assert unresolved([opening, placed("The spillway was cracked.", "c", 3)], said_before) == [False, False]


def placed(text: str, article: str, index: int) -> Placed:
    return Placed(text, article, index, form(text))


def test_a_leaning_sentence_is_resolved_only_right_after_its_predecessor() -> None:
    named = placed("Carl Dempsey runs the district.", "a", 3)
    quote = placed('"We did what the state asked," he said.', "a", 4)
    other = placed("The river rose fast overnight.", "b", 0)
    assert unresolved([named, quote]) == [False, False]
    assert unresolved([named, other, quote]) == [False, False, True]
    assert unresolved([quote]) == [True]
    assert unresolved([placed("But the river rose.", "b", 2)]) == [True]  # an uncut connective


def test_a_definite_reference_is_resolved_by_an_earlier_mention() -> None:
    statement = placed("The statement gave no reason.", "a", 5)
    assert unresolved([placed("The district issued a statement on Monday.", "b", 0), statement]) == [False, False]
    assert unresolved([placed("The dam failed.", "b", 0), statement]) == [False, True]
    storms = placed("Twelve pumps failed during those storms.", "a", 9)  # a thing named before, mid-sentence
    assert unresolved([placed("A storm hit the valley in March.", "b", 0), storms]) == [False, False]
    assert unresolved([placed("The dam failed.", "b", 0), storms]) == [False, True]
    pilots = placed("The pilots had reported smoke.", "a", 3)  # a group the article introduced
    assert unresolved([placed("The dam failed.", "b", 0), pilots]) == [False, True]
    assert unresolved([placed("The dam failed.", "b", 0), placed("The pilots had reported smoke.", "a", 0)]) == [
        False,
        False,
    ]  # an article's first sentence introduces its story: its references are its own


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("Fourteen of his associates were detained, the Harbour Watch group said.", "pronoun"),
        ("Polls project that he will take 24 percent of the vote.", "pronoun"),  # "polls" is written lower case below
        ("Since then, she has rebuilt the bakery twice.", "pronoun"),
        ("But if you climb his pedestal, the view is wide.", "pronoun"),  # read as "If you climb his…"
        ("He was rescued at dawn, police said.", "pronoun"),  # the opening rule, as before
        ("In his speech, Mayor Ruiz thanked the volunteers.", ""),  # the name comes right after the phrase
        ("Although his boat was small, the crossing Ruiz made took an hour.", ""),  # the name follows
        ("The woman lost her home in the flood.", "definite"),  # "the woman" itself points back, not "her"
        ("A volunteer who said he had worked all night was taken to hospital.", ""),  # the speaker
        ("Ruiz and his crew reached the dam at noon.", ""),  # a name: not a word the story writes in lower case
        ("The pump failed before the crew could reach it.", ""),
        ("polls project that he will take 24 percent of the vote.", ""),  # lower-cased text: no name can be told
        ('"I never saw him again," Mara Vellin said of the ferryman.', ""),  # inside a quotation
    ],
)
def test_a_person_the_sentence_does_not_name(text: str, leans: str) -> None:
    story_words = frozenset({"polls", "since", "fourteen", "although"})  # written in lower case somewhere
    assert form(text, story_words.__contains__).leans == leans


def test_without_the_story_a_capitalised_opening_word_may_be_a_name() -> None:
    assert form("Polls project that he will take 24 percent of the vote.").leans == ""  # "Polls": a surname?
    assert form("Fourteen of his associates were detained.").leans == "pronoun"  # a spelled number is no name


def test_a_brief_never_leaves_a_person_unnamed() -> None:
    articles = [
        "Mara Vellin, the harbour master of Alder Falls, ordered the ferries to stay in port on Tuesday. "
        "Since then, she has kept every boat tied up while engineers inspect the Marlow Creek dam above the town.",
        "Engineers inspected the Marlow Creek dam above Alder Falls on Wednesday after the spillway cracked. "
        "The ferries of Alder Falls stayed in port for a second day while the inspection went on.",
    ]
    brief = newsfuse.summarize(articles, words=40)
    texts = [s.text for s in brief.sentences]
    for k, text in enumerate(texts):
        if text.startswith("Since then, she"):
            assert k > 0 and texts[k - 1].startswith("Mara Vellin")


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("Profits rose 5 percent in the quarter, the company said Tuesday.", "company"),
        ("``We lost the ferry contract,'' the spokesman said.", "spokesman"),  # the harbour named inside only
        ("Repairs will take a month, said the official.", "official"),
        ("Starbucks will buy Hear Music, the company said.", ""),  # the sentence names the company
        ("Acme said ``sales were good,'' the company said.", ""),  # "Acme": never written in lower case
        ("The dam failed, the company said in a statement that it would pay for repairs.", ""),  # a clause of its own
        ("``We lost everything,'' the 44-year-old teacher said.", "teacher"),  # a description, no name
        ("''At first I wanted to leave,'' the former ''Valley Voice'' star said.", "star"),  # the wire's '' marks
        ("Repairs will take a month, said the county's chief engineer.", "engineer"),
        ("``We lost everything,'' the Harlan Courier said.", ""),  # a name
    ],
)
def test_a_speaker_named_only_by_a_noun_that_points_back(text: str, leans: str) -> None:
    form_of = form(text, frozenset({"profits", "repairs", "the"}).__contains__)
    assert (form_of.leans, form_of.noun) == (("definite", leans) if leans else ("", ""))


def test_a_speaker_named_by_a_noun_is_resolved_by_a_brief_sentence_that_names_it() -> None:
    first = "Acme Corp. reported its results on Tuesday."
    second = "Profits rose 5 percent in the quarter, the company said."
    leaning = form(second, frozenset({"profits"}).__contains__)  # the story writes "profits" in lower case
    brief = [Placed(first, "a", 0, form(first)), Placed(second, "b", 4, leaning)]
    assert unresolved(brief) == [False, True]  # "company" is not named before it
    named = "Acme, the company that makes the pumps, reported on Tuesday."
    brief = [Placed(named, "a", 0, form(named)), Placed(second, "b", 4, leaning)]
    assert unresolved(brief) == [False, False]


def test_a_connective_left_in_leans_even_where_the_brief_names_the_noun_of_a_second_mention() -> None:
    def said_before(article: str, index: int, word: str) -> bool:
        return word == "spillway" and index > 1

    named = placed("Engineers checked the spillway.", "b", 0)
    assert unresolved([named, placed("But the spillway was cracked.", "a", 3)], said_before) == [False, True]
    assert unresolved([named, placed("The spillway was cracked.", "a", 3)], said_before) == [False, False]


NOUNS = ["statement", "statements", "crisis", "bus", "news", "study", "box", "boxes"]
SPELLINGS = [*NOUNS, "Statement", "STATEMENTS", "statementes", "statement's", "restatement", "studies", "box-", "x"]


@given(noun=st.sampled_from(NOUNS), words=st.lists(st.sampled_from(SPELLINGS), max_size=6))
def test_a_noun_named_among_a_text_s_words_as_its_pattern_finds_it(noun: str, words: list[str]) -> None:
    """What an update brief's reader met: a set of words answers as the pattern would, searched in the text."""
    text = " ".join(words) + "."
    assert named_among(noun, set(word_runs(text.lower()))) == bool(naming(noun).search(text))
