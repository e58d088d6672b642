import pytest

from newsfuse.model import Article
from newsfuse.segment import segment, split_paragraph


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_paragraph(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # abbreviations and initials
            "The U.S. Army said Gen. John R. Miller arrived on Jan. 5 in Kabul. He met Mr. Karzai.",
            ["The U.S. Army said Gen. John R. Miller arrived on Jan. 5 in Kabul.", "He met Mr. Karzai."],
        ),
        (
            "The vote was 52-48. Sen. Warren objected. Gov. Smith agreed.",
            ["The vote was 52-48.", "Sen. Warren objected.", "Gov. Smith agreed."],
        ),
        (
            "Rep. Lee, Lt. Col. Diaz and Sgt. Kim spoke. Prof. Adams left.",
            ["Rep. Lee, Lt. Col. Diaz and Sgt. Kim spoke.", "Prof. Adams left."],
        ),
        (  # a surname or a state that blingfire takes for an abbreviation ends a sentence; a company's does not
            "The plant will close, said Robert Lang. Union organiser Mary Hill said the vote was close.",
            ["The plant will close, said Robert Lang.", "Union organiser Mary Hill said the vote was close."],
        ),
        (
            "He teaches in Moses Lake, Wash. Hintz was wounded. Shares of Intel Corp. Chairman Ed Ray rose.",
            ["He teaches in Moses Lake, Wash.", "Hintz was wounded.", "Shares of Intel Corp. Chairman Ed Ray rose."],
        ),
        (  # abbreviations that go on, after a name or a comma
            "He grew up in Sault Ste. Marie, Mich., and the priest, Fr. Michael Jones, led the National Rifle "
            "Assn. President Ray Hill to the Justice Dept. Inspector General.",
            [
                "He grew up in Sault Ste. Marie, Mich., and the priest, Fr. Michael Jones, led the National Rifle "
                "Assn. President Ray Hill to the Justice Dept. Inspector General."
            ],
        ),
        (  # an aside in parentheses is one sentence with the one it sits in, or one of its own
            "The rock fell (it was small. Nobody was hurt.) and the crowd left. (A meteor glows. One that lands is "
            "a meteorite.) Scientists study them.",
            [
                "The rock fell (it was small. Nobody was hurt.) and the crowd left.",
                "(A meteor glows. One that lands is a meteorite.)",
                "Scientists study them.",
            ],
        ),
        (  # the ranks of soldiers in court-martial reports
            "A court martial found Army Spc. Dale Rourke guilty. Pfc. Ana Tell and Brig. Gen. Moss testified.",
            ["A court martial found Army Spc. Dale Rourke guilty.", "Pfc. Ana Tell and Brig. Gen. Moss testified."],
        ),
        (  # titles of other languages: Greek "κ." (Mr.), Italian "Dott.", Spanish "Sra."
            "Ο κ. Παπαδόπουλος μίλησε την Τρίτη. Η κ. Νικολάου επιβεβαίωσε. Il Dott. Bianchi e la Sra. López tacquero.",
            [
                "Ο κ. Παπαδόπουλος μίλησε την Τρίτη.",
                "Η κ. Νικολάου επιβεβαίωσε.",
                "Il Dott. Bianchi e la Sra. López tacquero.",
            ],
        ),
        (  # initials in Greek and Cyrillic letters, which blingfire knows only in Latin ones
            "Ο Γ. Παπανδρέου μίλησε. Ο δικαστής Alvin Κ. Hellerstein διέταξε. В. Путин прибыл. "
            "They chose Plan B. It held.",
            [
                "Ο Γ. Παπανδρέου μίλησε.",
                "Ο δικαστής Alvin Κ. Hellerstein διέταξε.",
                "В. Путин прибыл.",
                "They chose Plan B.",
                "It held.",
            ],
        ),
        (
            "J. K. Rowling spoke at 10 a.m. on Monday. The crowd cheered.",
            ["J. K. Rowling spoke at 10 a.m. on Monday.", "The crowd cheered."],
        ),
        (  # decimals and money
            "Shares rose 3.5% to $12.75 a share. The company earned $1.2 billion.",
            ["Shares rose 3.5% to $12.75 a share.", "The company earned $1.2 billion."],
        ),
        (
            "Officials in Washington, D.C., said the economy grew 2.1 percent. Analysts were surprised.",
            ["Officials in Washington, D.C., said the economy grew 2.1 percent.", "Analysts were surprised."],
        ),
        (  # a quotation spanning sentences stays with its attribution
            '"We will not back down. We will fight," she said. Then she left.',
            ['"We will not back down. We will fight," she said.', "Then she left."],
        ),
        (
            "“This is a disaster. Nobody saw it coming,” said Dr. Ana Ruiz. She was tired.",
            ["“This is a disaster. Nobody saw it coming,” said Dr. Ana Ruiz.", "She was tired."],
        ),
        ('"Is this the end?" he asked. Nobody answered.', ['"Is this the end?" he asked.', "Nobody answered."]),
        (  # a case's "v." and a match's "vs." are no ends
            "The cases are EPA v. EME Homer City. The Lakers vs. Celtics game is off.",
            ["The cases are EPA v. EME Homer City.", "The Lakers vs. Celtics game is off."],
        ),
    ],
)
def test_news_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_headline_without_full_stop_is_its_own_sentence() -> None:
    article = Article(id="a", text="Dam fails upstream of Alder Falls\nThe dam gave way on Tuesday. Three died.")
    assert [s.text for s in segment(article)] == [
        "Dam fails upstream of Alder Falls",
        "The dam gave way on Tuesday.",
        "Three died.",
    ]


def test_offsets_slice_exactly_the_sentence_out_of_the_article() -> None:
    text = "Dam fails\n“Water everywhere,” said Sheriff Dana Whitfield.  It rained — café closed.\nEnd of story."
    article = Article(id="a", text=text)
    found = segment(article)
    assert len(found) == 4
    for n, sentence in enumerate(found):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.index == n
        assert sentence.article == "a"
    assert [s.paragraph for s in found] == [0, 1, 1, 2]


def test_an_unclosed_quote_does_not_swallow_the_whole_paragraph() -> None:
    text = '"Unclosed. One. Two. Three. Four. Five. Six. Seven.'
    assert len(sentences(text)) > 2


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("张伟说：“没有雨。”大坝很好。", ["张伟说：“没有雨。”", "大坝很好。"]),  # ends after the closing mark
        ("张伟说：“没有雨。大坝很好。”他走了。", ["张伟说：“没有雨。大坝很好。”", "他走了。"]),  # one quotation
        ("“没有雨。”他说。大坝很好！", ["“没有雨。”他说。", "大坝很好！"]),  # the attribution goes with it
        ("彼は「雨はない。」と言った。ダムは大丈夫だ。", ["彼は「雨はない。」と言った。", "ダムは大丈夫だ。"]),
        ("「雨はない。」ダムは大丈夫だ。", ["「雨はない。」", "ダムは大丈夫だ。"]),
    ],
)
def test_chinese_and_japanese_sentences_end_after_their_closing_marks(paragraph: str, expected: list[str]) -> None:
    assert [paragraph[a:b] for a, b in split_paragraph(paragraph)] == expected


def test_a_sentence_ends_before_one_that_opens_with_a_title() -> None:
    """Blingfire keeps "…crossing it. Mr. Baines said…" together."""
    assert sentences("No one was crossing it. Mr. Baines, the county engineer, said it was safe.") == [
        "No one was crossing it.", "Mr. Baines, the county engineer, said it was safe."
    ]  # fmt: skip
    assert sentences('He said "we are done." Sen. Ruth Calder left.') == [
        'He said "we are done."',
        "Sen. Ruth Calder left.",
    ]
    assert sentences("The mayor, Mr. Baines, spoke.") == ["The mayor, Mr. Baines, spoke."]
