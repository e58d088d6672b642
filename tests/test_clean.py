import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.clean import byline_credit, clean, clean_text
from newsfuse.model import Article
from newsfuse.text import WORD_RUN, word_runs

# Each rule with an example of its own: (rule, a line it must drop).
NOISE = [
    ("caption", "Image: Residents wade through floodwater on Main Street. (AWS Photo/Leo Marsh)"),
    ("caption", "A firefighter carries a child to safety on Tuesday. (AP Photo/Jane Roe)"),
    ("caption", "Photo by Leo Marsh / Getty Images"),
    ("caption", "Image caption: The dam before it failed"),
    ("read-more", "Read more: How America's aging dams became a $76 billion problem"),
    ("read-more", "READ MORE"),
    ("read-more", "Related: School board approves new budget"),
    ("read-more", "Read related: Harlan's dam keepers tell their story."),
    ("read-more", "Watch: Floodwater reaches Main Street."),
    ("read-more", "Link: Many dams in the valley share the same flaw."),
    ("share", "Share this article"),
    ("share", "Facebook Twitter Email"),
    ("share", "Share on Facebook · Share on Twitter · Email"),
    ("click-here", "Click here to sign our petition for dam safety funding."),
    ("advertisement", "Advertisement"),
    ("advertisement", "Story continues below advertisement"),
    ("byline", "By MARTA QUINN, Associated Wire Service"),
    ("byline", "By Priya Natarajan | Courier Staff Writer"),
    ("byline", "Posted by Sam Okafor on November 4, 2026"),
    ("byline", "By Ana de la Cruz and Tom Lee"),
    ("timestamp", "10.31.13 11:50 PM ET"),
    ("timestamp", "Updated: Nov. 3, 2026 6:05 p.m."),
    ("timestamp", "Tuesday, November 3, 2026"),
    ("copyright", "Copyright 2026 Associated Wire Service. All rights reserved."),
    ("copyright", "© 2026 The Harlan Courier"),
    ("copyright", "This material may not be published, broadcast, rewritten or redistributed."),
    ("social", "pic.twitter.com/xk2Alder"),
    ("social", "— Harlan County Sheriff (@HarlanSheriff) November 3, 2026"),
    ("social", "View this post on Instagram"),
    ("social", "A post shared by Alder Falls FD (@alderfallsfd)"),
    ("social", "https://harlancourier.example/live"),
    ("social", "Sign up for our breaking news newsletter"),
    ("social", "Support our journalism. Subscribe today."),
    ("social", "Follow us on Twitter"),
    ("social", "Follow The Harlan Courier on Twitter and Facebook for live updates."),
    ("social", "Get our free morning newsletter delivered to your inbox."),
    ("read-more", "Read the original article."),
    ("read-more", "The post Dam fails at Alder Falls appeared first on The Harlan Courier."),
    ("advertisement", "Advertisement: Buy one mattress, get one free at Sleepy Town today"),
    ("paywall", "Subscribe now to our ePaper edition for the full story."),
    ("paywall", "To view the full story, please subscribe to The Harlan Courier."),
    ("paywall", "You have reached your free article limit for this month."),
    ("paywall", "Subscribe to continue reading."),
    ("paywall", "Subscribe to read the full article."),
    ("reprint", "For reprints and licensing, contact our syndication desk."),
    ("cookies", "We use cookies to improve your experience on our site."),
    ("caption", "(Credit: Leo Marsh / Harlan Courier)"),
    ("paywall", "Seeing this message although you are already a subscriber? Log in to keep reading."),
    ("affiliate", "Some links below go to our partners, and we may earn a commission when you buy through them."),
    ("affiliate", "This review contains affiliate links."),
    ("prompt", "Don't miss a story: sign up here"),
    ("prompt", "Never miss a flood warning again by signing up to our alerts."),
    ("prompt", "Sign up to get the week's best stories in your inbox every Friday."),
    ("prompt", "Sign up now and get a free tote bag."),
    ("prompt", "Courier Morning Newsletter"),
    ("prompt", "For the latest updates, download the Courier app for your phone."),
    ("prompt", "Have something to say? Submit a letter to the editor online."),
    ("prompt", "Readers who like this story can subscribe to our weekly newsletter about the valley."),
    ("meta", "November 3, 2026 | Categories: Floods, Harlan County | View comments"),
    ("meta", "Filed under: Floods"),
    ("meta", "Created 03-11-2026 - Last modified: 04-11-2026"),
    ("editors-note", "ATTENTION EDITORS: This story is for use by subscribers of the Valley Wire only."),
    ("editors-note", "EDs: Moving Tuesday in (n) national and (w) weather categories."),
    ("editors-note", "Editor's note: This story was updated to include the sheriff's figures."),
    ("editors-note", "The following photos are part of the Courier's flood photo package, moving Tuesday, 11/3/26."),
    ("editors-note", "(The following article from the Harlan Courier is available to Valley Wire clients.)"),
    ("editors-note", "Editors’ Note: An earlier version of this story misspelled the sheriff's name."),
    ("editors-note", "Editor's note — This story contains images some readers may find disturbing."),
    ("editors-note", "EDITOR'S NOTE _ Dana Price covers the Marlow County courts for the Valley Wire."),
    ("editors-note", "The Harlan Courier plans to move the following stories for use by its partners:"),
    ("editors-note", "If a story is marked with photos, those are available from the Valley Wire News Service."),
    ("editors-note", "Courier page layouts are for sale online, through the Valley News Service's page desk."),
    ("author-note", "Dana J. Price writes for the Harlan Courier, Harlan, Ky."),
    ("author-note", "Whitfield writes for the Valley Wire"),
    ("interstitial", "Please enable JavaScript to view this page. You need to enable JavaScript to run this app."),
    ("interstitial", "Checking your browser before accessing courier.example."),
    ("interstitial", "Please allow up to 5 seconds."),
    ("interstitial", "Access Denied"),
    ("interstitial", "Sorry, the page you are looking for does not exist or has been moved."),
    ("interstitial", "Please confirm you are a human by completing the captcha below."),
    ("cookies", "We and our partners use cookies to store and access information on your device."),
    ("cookies", "Accept all"),
]

# Real sentences that look like noise to a careless rule: none may be dropped.
REAL = [
    "By Tuesday, the water had receded from most of the town.",
    "Checking your tire pressure before a long trip is important, the agency said.",
    "Checking your browser history is legal, the court said.",
    "You don't have permission to access the site, the judge told the contractors on Tuesday.",
    "Please wait up to 30 seconds between calls, the operator's recorded message told residents.",
    "The post of police chief appeared first on a list of cuts the council drew up in March.",
    "Nvidia (NVDA) - The chipmaker reported record sales on Tuesday.",
    "BREXIT (Analysis) - The talks stalled again on Tuesday.",
    "Access to the dam was denied to reporters on Tuesday.",
    "This process is automatic, the county clerk said, and takes three days.",
    "By the time we got to the top, our street was gone.",
    "Share prices of the utility fell 12 percent on Wednesday.",
    "Related charges were filed against the district's former manager.",
    "The advertisement ran in three newspapers before the vote.",
    "Photographers were kept behind a police line near the bridge.",
    "Copyright lawyers for the district declined to comment.",
    "Twitter users shared videos of the water rising on Main Street.",
    "Comments from residents at the meeting were mostly angry.",
    "The flood was the deadliest in Harlan County since 1964.",
    "Updated figures released on Wednesday showed 300 homes were damaged.",
    "Readers can find the inspection report on the state's website.",
    "At 6:05 p.m. on Tuesday, the governor declared a state of emergency.",
    "Posted notices had warned residents about the spillway repairs.",
    "Subscribers to the water district were told to boil their water until Friday.",
    "Follow-up inspections found more cracks in the spillway, the engineers said.",
    "To view the damage, the governor flew over the valley by helicopter on Wednesday.",
    "We use the old bridge now, one resident said, because the road is gone.",
    "More than 5,000 residents signed up for the county's flood alerts in the first week.",
    "Residents can download the county's app to report blocked drains, officials said.",
    "Agents earn a commission on each flood policy they sell, the report found.",
    "We may receive more rain on Friday, the forecaster warned.",
    "She is already a member of the dam safety board and a subscriber to its reports.",
    "The category of the storm was raised to four on Wednesday.",
    "Comments from the engineers were added to the final report.",
    "The newsletter of the water district had warned of the cracks in March.",
    "Residents can sign up today at the county office for flood relief, officials said.",
    "Officials urged people to sign up now for emergency text alerts, the sheriff said.",
    "The following day, the first convoy of trucks reached the town.",
    "The following are the main points of the governor's flood relief plan:",
    "Editors at the Courier decided to print the names of the dead.",
    "The aid package is part of a $40 million relief bill, the governor said.",
    "The following stocks are moving in premarket trading after the Fed decision:",
    "The following services are available to residents at the shelter on Main Street:",
    "The studio sold the wedding photo package for $2,400, court records show.",
    "Editors: the council's vote was 7-2.",
    "Read together, the two reports show the spillway was never repaired.",
    "Seeing the water rise, the sheriff ordered the valley cleared.",
    "Linking the two reports, the engineers found the same crack.",
    "The engineer writes for the district's newsletter every month.",
    "Price writes that the spillway was never repaired.",
    "The inspection report is available on the county's website, the news service said.",
    "The report is available from the county, the news service said.",
    "The bonds are available to investors through a syndicate of banks, the county said.",
    "Reyes writes for the Harlan Courier that the dam was never safe.",
    "She writes from Alder Falls, where the water has not receded.",
]


@pytest.mark.parametrize(("rule", "line"), NOISE)
def test_each_rule_drops_its_example(rule: str, line: str) -> None:
    text = f"The dam failed before dawn on Tuesday.\n{line}\nThree people were killed."
    result = clean_text(text)
    assert result.text == "The dam failed before dawn on Tuesday.\nThree people were killed."
    assert (rule, line) in result.dropped


@pytest.mark.parametrize("sentence", REAL)
def test_real_sentences_are_never_dropped(sentence: str) -> None:
    result = clean_text(f"The dam failed before dawn on Tuesday.\n{sentence}")
    assert sentence in result.text.split("\n")
    assert result.dropped == ()


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("ALDER FALLS, Ore. (AWS) — An earthen dam gave way.", "An earthen dam gave way."),
        ("WASHINGTON — The Corps will send engineers.", "The Corps will send engineers."),
        ("LONDON (Reuters) - Shares fell sharply.", "Shares fell sharply."),
        ("( ap ) — the dam gave way on tuesday.", "the dam gave way on tuesday."),
        ("LONDON (AP) _ An influential lawmaker spoke.", "An influential lawmaker spoke."),
        ("ASHBURY, June 17 (CP) - Prosecutors searched the offices.", "Prosecutors searched the offices."),
        ("Alder Falls The dam gave way on Tuesday.", "The dam gave way on Tuesday."),  # agency and dash lost
        ("New Harlan A grand jury met.", "A grand jury met."),
    ],
)
def test_dateline_prefix_is_removed_and_sentence_kept(line: str, body: str) -> None:
    result = clean_text(line)
    assert result.text == body
    assert result.dropped[0][0] == "dateline"


@pytest.mark.parametrize(
    "line",
    [
        "NASA said the launch would go ahead.",  # an acronym that starts the sentence
        "The Hague ruled on Tuesday.",
        "Mara Vellin said The dam would hold.",  # a place-like name, then no article after it
        "President A. Reyes arrived.",
    ],
)
def test_a_sentence_that_opens_with_a_name_keeps_its_words(line: str) -> None:
    assert clean_text(line).text == line


def test_repeated_headline_and_repeated_lines_are_dropped() -> None:
    text = "Dam fails in Alder Falls\nThe dam failed on Tuesday.\nDam fails in Alder Falls\nThe dam failed on Tuesday."
    result = clean_text(text, title="Dam fails in Alder Falls")
    assert result.text == "The dam failed on Tuesday."
    assert [rule for rule, _ in result.dropped] == ["repeated", "repeated", "repeated"]


def test_hard_wrapped_lines_are_joined_but_headlines_stay_apart() -> None:
    text = (
        "Dam fails\nThe earthen dam on Marlow Creek gave way\nbefore dawn on Tuesday.\n\n"
        "Officials said more rain was coming."
    )
    assert clean_text(text).text.split("\n") == [
        "Dam fails",
        "The earthen dam on Marlow Creek gave way before dawn on Tuesday.",
        "Officials said more rain was coming.",
    ]


def test_whitespace_is_normalised() -> None:
    assert clean_text("  The\u00a0dam   failed.\r\n\r\n\tIt rained.  ").text == "The dam failed.\nIt rained."


def test_clean_returns_a_new_article_with_cleaned_text() -> None:
    article = Article(id="a", text="Advertisement\nThe dam failed.", title="t")
    cleaned = clean(article)
    assert cleaned.text == "The dam failed."
    assert article.text == "Advertisement\nThe dam failed."


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("By MARTA QUINN, Associated Wire Service", ("Marta Quinn", "Associated Wire Service")),
        ("By Priya Natarajan | Courier Staff Writer", ("Priya Natarajan", None)),
        ("Posted by Sam Okafor on November 4, 2026", ("Sam Okafor", None)),
        ("By Ana de la Cruz and Tom Lee", ("Ana de la Cruz and Tom Lee", None)),
    ],
)
def test_byline_credit(line: str, credit: tuple[str | None, str | None]) -> None:
    assert byline_credit(line) == credit


def test_a_dropped_byline_fills_missing_author_and_source_only() -> None:
    text = "By MARTA QUINN, Associated Wire Service\nThe dam failed."
    filled = clean(Article(id="wire", text=text))
    assert (filled.author, filled.source) == ("Marta Quinn", "Associated Wire Service")
    kept = clean(Article(id="wire", text=text, source="AWS", author="M. Quinn"))
    assert (kept.author, kept.source) == ("M. Quinn", "AWS")


def test_a_long_paragraph_that_starts_like_noise_is_kept() -> None:
    paragraph = "Photo: getty on wednesday, employees of the data firm learned that its parent company " + " ".join(
        f"had filed paperwork number {n} with the court." for n in range(12)
    )
    assert clean_text(paragraph).text == paragraph


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60) | st.text(max_size=30))
def test_word_runs_of_ascii_text_are_the_pattern_s(line: str) -> None:
    """ASCII text takes a byte-table shortcut; it must give what the pattern gives every other text."""
    assert word_runs(line) == WORD_RUN.findall(line)


def test_a_repeated_paragraph_is_dropped_whatever_its_punctuation() -> None:
    text = (
        'The council voted 7-2 to rebuild the dam.\n\n"The council voted 7 2 to rebuild the dam"\n\n'
        "Café — fermé.\n\nCafé: fermé!"
    )
    cleaned = clean_text(text)
    assert cleaned.text == "The council voted 7-2 to rebuild the dam.\nCafé — fermé."
    assert [rule for rule, _ in cleaned.dropped] == ["repeated", "repeated"]


def test_answer_labels_of_a_question_and_answer_piece_are_cut() -> None:
    text = (
        "Q. When did the ferry leave the harbour?\n"
        "A. The Marlow Star left Pier 4 at 7:10 a.m., twenty minutes late.\n"
        "Q: Was anyone hurt?\n"
        "A: Two deckhands were treated for cuts."
    )
    result = clean_text(text)
    assert result.text.splitlines()[1] == "The Marlow Star left Pier 4 at 7:10 a.m., twenty minutes late."
    assert result.text.splitlines()[3] == "Two deckhands were treated for cuts."
    assert [line for rule, line in result.dropped if rule == "answer label"] == ["A.", "A:"]


def test_an_initial_is_no_answer_label_without_questions() -> None:
    text = "A. Ruiz, the harbour master, closed Pier 4 on Tuesday.\nThe ferry service resumed a day later."
    assert clean_text(text).text.startswith("A. Ruiz, the harbour master")


def test_what_no_reader_sees_is_cleaned_out_and_the_words_stay_whole() -> None:
    """ANSI colour codes, NUL, soft hyphens, byte order marks and bidirectional overrides break words apart
    (a "flood" with a soft hyphen in it is not "flood" for corroboration); joiners shape scripts and stay."""
    text = "\x1b[31mThree\x1b[0m people\x00 died in the flo\u00adod, \u202eofficials\u202c said.\ufeff नमस्\u200dते"
    assert clean_text(text).text == "Three people died in the flood, officials said. नमस्\u200dते"
    cleaned = clean(Article("a", "Four people died.", title="\u200fDam\u00ad fails\x00", author="\x1b[1mAda\x1b[0m"))
    assert (cleaned.title, cleaned.author) == ("Dam fails", "Ada")


def test_punctuation_a_wrong_decoding_made_into_control_characters_is_mended() -> None:
    """UTF-8 read as Latin-1 and Windows-1252 read as Latin-1 leave C1 control characters in scraped text."""
    text = "Officials \u00e2\u0080\u0093 who spoke of a \u00e2\u0080\u0098crisis\u00e2\u0080\u0099 \u0097 left."
    assert clean_text(text).text == "Officials \u2013 who spoke of a \u2018crisis\u2019 \u2014 left."
    assert (
        clean_text("A caf\u00c3\u00a9 and \u00c3\u00a9t\u00c3\u00a9").text
        == "A caf\u00c3\u00a9 and \u00c3\u00a9t\u00c3\u00a9"
    )


def test_a_tracking_link_is_dropped_or_left_as_its_host() -> None:
    """Cut at a sentence's length limit, a 1,800-character link left its pieces as sentences of a brief."""
    link = "https://nam12.safelinks.example.com/?url=" + "a1B2c3" * 300 + "&reserved=0"
    text = clean_text(f"The dam was rated poor in 2024, records show (full report: {link}). Four people died.")
    assert text.text == "The dam was rated poor in 2024, records show. Four people died."
    assert clean_text(f"The report is online at {link} and was read.").text == (
        "The report is online at nam12.safelinks.example.com and was read."
    )
    assert clean_text(f"The report is at {link}. The council met.").text == (
        "The report is at nam12.safelinks.example.com. The council met."  # its full stop stays the sentence's
    )
    short = "See https://example.com/dam-report for the report."
    assert clean_text(short).text == short  # a link a reader can read stays


def test_a_list_items_mark_is_dropped_and_its_words_kept() -> None:
    cleaned = clean_text(
        "The quake struck at dawn on Monday near the coast.\n* The rupture spread from south to north.\n"
        "• Aftershocks went on for a week.\n*Bold* claims were made by some.\n• Read more: Dam fails\n* Advertisement"
    )  # and noise behind a mark is noise all the same
    assert cleaned.text.splitlines()[1:] == [
        "The rupture spread from south to north.", "Aftershocks went on for a week.", "*Bold* claims were made by some."
    ]  # fmt: skip
    assert ("bullet", "*") in cleaned.dropped and ("bullet", "•") in cleaned.dropped
