import pytest

import newsfuse
from newsfuse.clean import clean
from newsfuse.model import Article
from newsfuse.places import dateline_place, here_edits


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("HARLAN, Ky. _", "Harlan"),
        ("ALDER FALLS, April 25 (Valley Wire) --", "Alder Falls"),
        ("PORT DE LA CRUZ, Harlan _", "Port de la Cruz"),  # small words stay small
        ("Istanbul", ""),  # a place left glued to the first sentence: where it ends cannot be told
        ("KOBE -", "Kobe"),
        ("WINSTON-SALEM, N.C. _", "Winston-Salem"),
        ("WASHINGTON D.C. (AP) --", "Washington D.C."),
        ("URGENT:", ""),  # a label
        ("(AP) --", ""),  # no place
        ("UNITED NATIONS _", ""),  # an institution: "in United Nations" is no English
    ],
)
def test_the_place_a_dateline_names(dateline: str, place: str) -> None:
    assert dateline_place(dateline) == place


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Ministers met here on Tuesday.", ["in Harlan"]),
        ("Crews came here from three states.", ["to Harlan"]),  # a verb of motion
        ("The levee near here held.", ["Harlan"]),
        ("The court here ruled on Friday, and a second court here agreed.", ["in Harlan", "in Harlan"]),
        ('"We will rebuild here," the mayor said.', []),  # the speaker's own words
        ("Here is what the county knows.", []),
        ("The water stayed right here for a week.", []),  # "right here": left as it is
        ("Ministers met here in Harlan on Tuesday.", []),  # the sentence names the place
        ("Officials said the shelter there was full.", []),
        ("The village lies 30 miles north of here.", ["Harlan"]),
        ("Bits of the dam lay here and there.", []),  # an idiom
    ],
)
def test_here_written_out_as_the_dateline_place(text: str, written: list[str]) -> None:
    edits = here_edits(text, "Harlan")
    assert [words for _, _, words in edits] == written
    assert all(text[at : at + len(here)] == here == "here" for at, here, _ in edits)


def test_cleaning_keeps_the_dateline_place_and_the_brief_writes_it_for_here() -> None:
    wire = Article(id="wire", text=(
        "HARLAN, Ky. (AP) _ Ministers from six states met here on Tuesday to plan the repair of the "
        "Marlow Creek dam, which failed last week and flooded 300 homes.\n"
        "The talks will go on until Friday, the governor's office said."
    ))  # fmt: skip
    paper = Article(id="paper", text=(
        "The Marlow Creek dam failed last week and flooded 300 homes in Alder Falls, state officials said.\n"
        "Ministers from six states met on Tuesday to plan its repair."
    ))  # fmt: skip
    assert clean(wire).place == "Harlan" and clean(paper).place == ""
    brief = newsfuse.summarize([wire, paper], words=80)
    written = [s for s in brief.sentences if "met in Harlan on Tuesday" in s.text]
    assert written, [s.text for s in brief.sentences]
    change = next(c for c in written[0].changes if c.was == "here")
    source = clean(wire).text
    assert change.now == "in Harlan" and source[change.start : change.end] == "here"  # at its place in the source
    cited = written[0].sources[0]
    assert "met here on Tuesday" in source[cited.start : cited.end]  # the citation slices the source's characters
