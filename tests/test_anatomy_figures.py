from datetime import date

from newsfuse.anatomy.figures import conflicts, figures_in
from newsfuse.model import Sentence


def figures(text: str, article: str = "a") -> list:
    return list(figures_in(Sentence(article, 0, text, 0, len(text))))


def test_numbers_with_unit_and_what_they_count() -> None:
    found = {(f.text, f.value, f.counts) for f in figures(
        "Three people were killed, at least 14 were injured and about 2,000 residents were forced from their homes; "
        "repairs cost $2.5 million and 40 percent of the dams failed."
    )}  # fmt: skip
    assert found == {
        ("Three", 3, "people killed"),
        ("at least 14", 14, "people injured"),
        ("about 2,000", 2000, "people displaced"),
        ("$2.5 million", 2_500_000, "dollars"),
        ("40 percent", 40, "percent"),
    }


def test_what_real_wire_copy_counts() -> None:
    """The dead and the young are people killed, the AP's "dlrs" are dollars; a flight's number and a part of a
    figure that follows ("one of the 162 injured") count nothing."""
    counted = {(f.value, f.counts) for f in figures("About 65 of the young people died; police had reported 60 dead.")}
    assert counted == {(65, "people killed"), (60, "people killed")}
    assert [(f.value, f.counts) for f in figures("It cannot pay dlrs 2.1 billion in debt.")] == [(2.1e9, "dollars")]
    assert [f.value for f in figures("Days before Flight 447 went missing, 228 people boarded it.")] == [228]
    assert [f.value for f in figures("One of the 162 injured said he knew who set the fire.")] == [162]


def test_years_days_times_and_ages_are_not_figures() -> None:
    assert figures("In 2024, on Nov. 3 at 6:42, Ruth Ellison, 71, and a 68-year-old dam were in the report.") == []


def test_outlets_that_give_different_counts_conflict_and_history_does_not() -> None:
    found = [
        *figures("Three people were killed on Tuesday.", "wire"),
        *figures("Four people died in the flood.", "paper"),
        *figures("Four people are dead.", "blog"),
        *figures("In 1964 the river killed 11 people.", "paper"),
        *figures("About 300 homes were damaged.", "wire"),
        *figures("About 300 homes were damaged.", "paper"),
    ]
    day = date(2026, 11, 3)
    found_conflicts = conflicts(found, {"wire": ("AP", day), "paper": ("Times", day), "blog": ("Blog", day)})
    assert [c.quantity for c in found_conflicts] == ["people killed"]
    values = sorted((f.where.article, f.value) for f in found_conflicts[0].figures)
    assert values == [("blog", 4), ("paper", 4), ("wire", 3)]
    later = date(2026, 11, 4)
    updated = {"wire": ("AP", day), "paper": ("Times", later), "blog": ("Blog", later)}  # the others: a day later
    assert conflicts(found, updated) == ()  # three dead on Tuesday, four by Wednesday: an update, no disagreement


def test_one_article_updating_its_own_count_is_not_a_conflict() -> None:
    found = [*figures("Three people were killed.", "wire"), *figures("Later, four people were killed.", "wire")]
    assert conflicts(found, {"wire": ("wire", None)}) == ()


def test_one_outlet_updating_its_story_is_not_a_conflict_and_other_days_are_not_listed() -> None:
    """A wire's two versions of one day (67 dead, then 60) disagree with no one; a second outlet that day does, and
    the conflict lists that day's figures only, not the next day's update."""
    found = [
        *figures("A fire killed 67 people at the dance.", "wire-1"),
        *figures("The fire killed 60 people at the dance.", "wire-2"),
        *figures("The fire killed 71 people, police said.", "wire-3"),
    ]
    day, later = date(2026, 10, 30), date(2026, 10, 31)
    one_outlet = {"wire-1": ("AP", day), "wire-2": ("AP", day), "wire-3": ("AP", later)}
    assert conflicts(found, one_outlet) == ()
    found.extend(figures("About 65 people were killed in the fire.", "paper"))
    two_outlets = {**one_outlet, "paper": ("Times", day)}
    (conflict,) = conflicts(found, two_outlets)
    assert sorted(f.where.article for f in conflict.figures) == ["paper", "wire-2"]  # the wire's word is its last
    updated = [*figures("Three people were killed.", "alpha-1"), *figures("Five people were killed.", "alpha-2"),
               *figures("Five people were killed.", "beta")]  # fmt: skip
    assert conflicts(updated, {"alpha-1": ("Alpha", day), "alpha-2": ("Alpha", day), "beta": ("Beta", day)}) == ()


def test_a_figures_place_slices_exactly_its_text() -> None:
    """After ", " the pattern's optional space before a number belonged to the match: the offset was one early."""
    text = "In Alder Falls, 40 homes were lost, $3 million of damage, and 12 people died, Mayor Ann Lee said."
    found = figures(text)
    assert [f.text for f in found] == ["40", "$3 million", "12"]
    assert all(text[f.where.start : f.where.end] == f.text for f in found)


def test_figures_between_chinese_or_japanese_characters_are_found() -> None:
    text = "约2500名居民撤离，3人死亡。2026年3月12日，大坝决堤。"
    found = figures(text)
    assert [(f.value, f.counts) for f in found] == [(2500, "名居民"), (3, "人死亡")]  # no date, no year
    assert all(text[f.where.start : f.where.end] == f.text for f in found)
    assert [f.value for f in figures("約2500人の住民が避難し、3人が死亡した。")] == [2500, 3]


def in_language(text: str, code: str) -> list[tuple[str, float, str]]:
    return [(f.text, f.value, f.counts) for f in figures_in(Sentence("a", 0, text, 0, len(text)), code)]


def test_each_language_reads_numbers_as_it_writes_them() -> None:
    assert in_language("Les secours ont évacué 4 500 habitants, soit 6,2 % de la commune.", "fr") == [
        ("4 500", 4500, "habitants"), ("6,2 %", 6.2, "percent")
    ]  # fmt: skip
    assert in_language("Les dégâts atteignent 12\u202f000\u202f000 euros.", "fr") == [
        ("12\u202f000\u202f000", 12_000_000, "euros")
    ]
    assert in_language("Der Hafen meldete 1.500 Container.", "de") == [("1.500", 1500, "container")]
    assert in_language("פונו כ-3,000 תושבים מהעיר.", "he") == [("3,000", 3000, "תושבים")]
    assert in_language("损失约500万元。", "zh") == [("500万", 5_000_000, "元")]
    assert in_language("The score was 6,2 after COVID-19 closed 3,000 schools.", "en") == [
        ("3,000", 3000, "schools")
    ]  # "6,2" is no English number, and the 2 after its comma is no figure either


def test_english_event_words_are_not_read_in_other_languages() -> None:
    """German and Dutch "die" (the, who) is no death: no toll, and so no invented conflict of tolls."""
    german = in_language(
        "Am Samstag bekämpften 300 Feuerwehrleute die Flammen, gegen 14 Uhr meldete die Polizei.", "de"
    )
    assert german == [("300", 300, "feuerwehrleute")]  # "14 Uhr" is a time, not a count
    dutch = in_language("Ongeveer 250 brandweerlieden die het vuur bestreden.", "nl")
    assert dutch == [("250", 250, "brandweerlieden")]


def test_a_count_goes_with_the_verb_right_before_it_and_money_with_its_suffix() -> None:
    assert [(f.text, f.counts) for f in figures("The storm killed 12 people and injured 40 more.")] == [
        ("12", "people killed"), ("40", "people injured")
    ]  # fmt: skip
    assert [(f.value, f.counts) for f in figures("It costs $3bn, or £2.5m a week; the river is 5m deep.")] == [
        (3e9, "dollars"), (2.5e6, "pounds")
    ]  # fmt: skip
    assert in_language("I danni sono di 4,5 milioni di euro; 1.200 persone evacuate.", "it") == [
        ("4,5 milioni", 4.5e6, "euro"), ("1.200", 1200, "persone")
    ]  # fmt: skip


def test_a_name_or_a_part_is_no_count_but_a_floor_or_a_stage_before_one_is() -> None:
    counted = {t: [(f.value, f.counts) for f in figures(t)] for t in (
        "On the third floor 12 people were trapped.", "At this stage 30 people are confirmed dead.",
        "Twelve people were hurt; three of them died.", "It owes 2.1 billion dlrs in debt.",
    )}  # fmt: skip
    assert counted == {
        "On the third floor 12 people were trapped.": [(12, "people")],
        "At this stage 30 people are confirmed dead.": [(30, "people killed")],
        "Twelve people were hurt; three of them died.": [(12, "people injured"), (3, "people killed")],
        "It owes 2.1 billion dlrs in debt.": [(2.1e9, "dollars")],
    }
