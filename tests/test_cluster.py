from datetime import date

from newsfuse.cluster import (
    MERGE_THRESHOLD,
    THRESHOLD,
    Candidate,
    add,
    buckets_of,
    decide,
    figures,
    length,
    normal_url,
    split,
    telling,
    term_counts,
    text_hash,
    vector,
    within_window,
)
from newsfuse.languages import load_language


def test_same_text_and_url_are_recognised_whatever_their_form() -> None:
    assert text_hash("The dam failed, officials said.") == text_hash("the  dam failed officials SAID")
    assert text_hash("The dam failed.") != text_hash("The dam held.")
    assert normal_url("HTTPS://News.Example/story/1/#top") == "https://news.example/story/1"
    assert normal_url("  ") is None


def test_vector_keeps_the_most_distinctive_terms_at_unit_length() -> None:
    counts = {"dam": 5, "flood": 3, "the": 9, "alder": 2}
    df = {"the": 100, "dam": 2, "flood": 2, "alder": 1}
    v = vector(counts, df, 100)
    assert abs(sum(w * w for w in v.values()) - 1) < 1e-3
    assert max(v, key=v.get) == "dam" and v["the"] < v["alder"]


def test_lsh_keys_meet_for_similar_term_sets_and_not_for_different_ones() -> None:
    story = [f"word{i}" for i in range(40)]
    similar = story[:32] + [f"other{i}" for i in range(8)]
    different = [f"elsewhere{i}" for i in range(40)]
    assert set(buckets_of(story)) & set(buckets_of(similar))
    assert not set(buckets_of(story)) & set(buckets_of(different))
    assert buckets_of([]) == []


def test_decide_joins_the_best_story_merges_matches_and_respects_the_window() -> None:
    own = {"dam": 0.8, "flood": 0.6}
    close = Candidate(7, add({}, {"dam": 0.8, "flood": 0.6}), 1.0, date(2026, 11, 3), date(2026, 11, 4))
    also = Candidate(3, add({}, {"dam": 0.7, "flood": 0.7}), 1.0, None, None)
    far = Candidate(1, add({}, {"election": 1.0}), 1.0, None, None)
    assert decide(own, date(2026, 11, 5), [far, close, also]) == [7, 3]
    assert decide(own, date(2026, 12, 20), [close]) == []  # a new event with the same words, weeks later
    assert decide({"vote": 1.0}, None, [close]) == []
    loose = Candidate(5, add({}, {"dam": 0.4, "court": 0.9}), 1.0, None, None)  # cosine 0.32
    assert THRESHOLD <= loose.similarity(own) < MERGE_THRESHOLD <= also.similarity(own)
    assert decide(own, None, [loose]) == [5]  # close enough to join ...
    assert decide(own, None, [close, loose]) == [7]  # ... but not to merge two stories


def test_an_undated_article_never_merges_stories_months_apart() -> None:
    """It is in every story's window, so it could bridge a January flood and a March bridge collapse."""
    own = {"dam": 0.8, "flood": 0.6}
    january = Candidate(7, add({}, own), 1.0, date(2026, 1, 8), date(2026, 1, 9))
    march = Candidate(3, add({}, {"dam": 0.7, "flood": 0.7}), 1.0, date(2026, 3, 14), date(2026, 3, 14))
    week_later = Candidate(4, add({}, {"dam": 0.7, "flood": 0.7}), 1.0, date(2026, 1, 15), date(2026, 1, 16))
    assert decide(own, None, [january, march]) == [7]
    assert decide(own, None, [january, week_later]) == [7, 4]  # within a window of each other: one story


def test_window_is_open_when_a_date_is_unknown() -> None:
    assert within_window(None, date(2026, 1, 1), date(2026, 1, 2))
    assert within_window(date(2026, 1, 8), date(2026, 1, 1), date(2026, 1, 2))
    assert not within_window(date(2026, 2, 8), date(2026, 1, 1), date(2026, 1, 2))


def test_figures_are_terms_of_no_language() -> None:
    assert figures("1,250 homes; 1.250 Häuser; 1\u00a0250 maisons; ١٢٥٠ منزل") == ["#1250"] * 4
    assert figures("14.5 million, 14,5 millions, 2026/03/08, 8 March, 0.50") == [
        "#14.5", "#14.5", "#2026", "#3", "#8", "#8", "#0.5"
    ]  # fmt: skip
    assert figures("flight MH370, the G7, a 4G network; serial 1" + "2" * 30) == []  # parts of words; a serial
    assert figures("at 10am on the 3rd") == []  # not even the "1" of "10am"
    assert figures("2026年3月14日，长180米的吊桥坍塌，约4500名居民") == ["#2026", "#3", "#14", "#180", "#4500"]
    english = term_counts("The river flooded 1,250 homes before the G7 met.", load_language("en"))
    french = term_counts("La rivière a inondé 1\u202f250 maisons.", load_language("fr"))
    assert english["#1250"] == french["#1250"] == 1 and "1" not in english and "250" not in english
    assert english["g7"] == 1  # a word with a digit stays a word


def test_years_days_and_small_counts_do_not_tell_events_apart() -> None:
    assert [telling(f) for f in ("#2026", "#12", "#2", "#99", "#100", "#1250", "#14.5", "#2.1")] == [
        False, False, False, False, True, True, True, True
    ]  # fmt: skip


def test_figures_are_weighed_apart_from_words_and_join_only_with_enough_of_them() -> None:
    counts = {"flood": 3, "river": 2, "#1250": 1, "#4800": 1, "#14.5": 1, "#2026": 1}
    df = {"flood": 3, "river": 5, "#1250": 1, "#4800": 1, "#14.5": 1, "#2026": 40}
    own = vector(counts, df, 100)
    assert abs(sum(w * w for t, w in own.items() if t[0] != "#") - 1) < 1e-3  # the words: unit length ...
    assert abs(sum(w * w for t, w in own.items() if t[0] == "#") - 1) < 1e-3  # ... and the figures apart
    french = {"inond": 0.8, "rivi": 0.6, "#1250": 0.55, "#4800": 0.55, "#14.5": 0.55, "#2026": 0.3}
    story = Candidate(4, add({}, french), length(french), None, None)
    own_words, own_figures = split(own)
    assert story.similarity(own_words) == 0 and story.by_figures(own_figures) >= 0.7  # no word in common
    assert decide(own, None, [story]) == [4]
    two = {"inond": 0.8, "#1250": 0.7, "#4800": 0.7}  # two figures only, however close: another event
    assert decide(own, None, [Candidate(5, add({}, two), length(two), None, None)]) == []
    flood = Candidate(6, add({}, {"flood": 0.9, "river": 0.4}), 1.0, None, None)
    assert decide(own, None, [story, flood]) == [6, 4]  # its words' story first; figures this close merge


def test_a_day_a_year_and_a_score_never_make_a_story() -> None:
    """A football report and an earthquake on one day share its date and small numbers, not an event."""
    match = vector({"goal": 2, "#12": 1, "#2026": 1, "#2": 1, "#1": 1}, {}, 100)
    quake = {"quak": 0.9, "#12": 0.5, "#2026": 0.5, "#2": 0.5, "#1": 0.5}
    story = Candidate(8, add({}, quake), length(quake), None, None)
    assert story.by_figures(split(match)[1]) == 0 and decide(match, None, [story]) == []
    words = Candidate(9, add({}, {"goal": 0.3, "pitch": 0.9}), length({"goal": 0.3, "pitch": 0.9}), None, None)
    close = {"quak": 0.9, "#12": 0.5, "#2026": 0.5, "#2": 0.5, "#1250": 0.5}
    by_figures = Candidate(3, add({}, close), length(close), None, None)
    # its words' story first, whatever the figures' cosine; a story this close by figures (and a telling one
    # among them) merges into it: an article of one language bridging its story and one in another language
    assert decide({**match, "#1250": 0.4}, None, [by_figures, words]) == [9, 3]
