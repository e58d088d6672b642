import json

from newsfuse.facts import repeated_pairs
from newsfuse.languages import load_language
from tests.conftest import run_cli


def test_repeated_facts() -> None:
    stemmer = load_language("en").content_stems
    poor = "The Marlow Creek Dam had been rated in poor condition by state inspectors in 2024."
    again = "State inspectors had rated the 68-year-old dam in poor condition in 2024 and ordered repairs."
    homes = "Four people are dead, according to the county coroner, and roughly 300 homes were damaged."
    homes_again = "County officials said about 300 homes were damaged and the bridge would stay closed."
    other = "The Red Cross opened a shelter at the high school, where 420 people spent the night."
    assert repeated_pairs([poor, again], stemmer) == 1
    assert repeated_pairs([homes, homes_again], stemmer) == 1
    assert repeated_pairs([poor, homes, other], stemmer) == 0
    # The same number of the same things is one fact, however little else the sentences share.
    bridge = (
        "About 300 homes were damaged, and the town's only bridge across the creek was closed "
        "after engineers found cracks in its supports."
    )  # three content words of ten shared: under the third the shared figure alone asks for
    assert repeated_pairs([homes, bridge], stemmer) == 1
    assert repeated_pairs([homes, bridge], stemmer, counted=False) == 0  # other languages: their units are not known
    rates = ["Prices rose 5 percent in the county last year.", "Wages in the state fell 5 percent in March."]
    assert repeated_pairs(rates, stemmer) == 0  # a unit, not a count: two facts
    years = ["In 2024 homes were rated.", "In 2024 homes were sold at auction in the valley."]
    assert repeated_pairs(years, stemmer) == 0  # a year dates a fact; it does not count anything
    # those on board are people, however said; an aircraft's name counts nothing; "12 were" counts no one thing
    board = ["The Airbus A330 with 228 on board vanished over the ocean.", "The 228 people on board are presumed dead."]
    assert repeated_pairs(board, stemmer) == 1
    were = ["Officials said 12 were injured in the blast at the mill.", "By noon 12 were missing from the ferry crew."]
    assert repeated_pairs(were, stemmer) == 0


def test_the_built_in_example_tells_each_fact_once(example) -> None:
    """The issue's own complaint: the example's brief told twice that about 300 homes were damaged."""
    done = run_cli("summarize", str(example), "--output", "json")
    assert done.returncode == 0, done.stderr
    texts = [s["text"] for s in json.loads(done.stdout)["sentences"]]
    assert sum("300 homes" in t for t in texts) == 1
    assert repeated_pairs(texts, load_language("en").content_stems) == 0
