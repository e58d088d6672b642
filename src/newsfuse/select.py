"""Select: choose the sentences of a brief under a word budget, without repeating content.

Two ways to choose. ``select`` takes a ranking (the baselines: lead, LexRank, TextRank) and keeps sentences in
rank order unless they would repeat one already kept. ``cover`` is newsfuse's: it maximises the value of
the concepts the brief covers plus a per-sentence value, a monotone submodular objective, greedily by gain per
word (with lazy evaluation, so most gains are never recomputed), and it keeps the brief readable: a sentence
that leans on its predecessor ("He said…") comes with that predecessor or not at all, and a leading
connective is cut.

Either way the brief never exceeds the budget, except when no sentence at all fits: then it holds the single
best sentence.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from newsfuse.arrays import distinct
from newsfuse.evidence import Evidence
from newsfuse.features import QUESTION_MARKS, is_heading
from newsfuse.model import Story
from newsfuse.readable import addresses_reader, figures, same_fact

REDUNDANCY = 0.4  # cosine above which a sentence repeats one already chosen
MIN_WORDS = 4  # fragments shorter than this are not brief material
MAX_LEANING = 2  # a chosen sentence brings at most this many predecessors it leans on


@dataclass(frozen=True)
class Pick:
    """A chosen sentence, and how many characters at its start are cut (a leading connective)."""

    sentence: int
    trim: int = 0


def select(
    story: Story,
    evidence: Evidence,
    ranking: Iterable[int],
    words: int,
    *,
    excluded: frozenset[int] = frozenset(),
    redundancy: float = REDUNDANCY,
) -> list[int]:
    """Indices of the chosen sentences, in ranking order; ``excluded`` sentences (opinion) are never chosen."""
    chosen: list[int] = []
    texts: set[str] = set()
    nearest = np.zeros(len(story.sentences))  # each sentence's highest cosine with a chosen one
    used = 0
    fallback: int | None = None
    for i in ranking:
        sentence = story.sentences[i]
        if sentence.words < MIN_WORDS or sentence.text in texts or i in excluded or nearest[i] >= redundancy:
            continue
        if fallback is None:
            fallback = i
        if used + sentence.words > words:
            continue
        chosen.append(i)
        texts.add(sentence.text)
        nearest = np.maximum(nearest, evidence.vectors.similarities(i))
        used += sentence.words
        if words - used < MIN_WORDS:
            break
    if not chosen and fallback is not None:
        chosen.append(fallback)
    return chosen


@dataclass(frozen=True)
class Objective:
    """What ``cover`` maximises: Σ covered concept weights + Σ per-sentence bonus, gain per word^cost_power."""

    concept_weight: np.ndarray  # per concept of ``evidence.concepts``, summing to 1
    bonus: np.ndarray  # per sentence
    cost_power: float = 1.0
    min_words: int = MIN_WORDS


def _candidate(story: Story, evidence: Evidence, i: int, excluded: frozenset[int], min_words: int) -> bool:
    text = story.sentences[i].text
    return (
        i not in excluded
        and story.sentences[i].words >= min_words
        and not is_heading(text)
        and not text.rstrip(" \"'”’»」").endswith(QUESTION_MARKS)
        and not ("openers" in evidence.language.rules and addresses_reader(text))
    )


def units(story: Story, evidence: Evidence, excluded: frozenset[int], min_words: int) -> list[tuple[int, ...]]:
    """What can be chosen: a sentence that stands on its own, or one that leans on what precedes it together
    with the sentences before it, back to one that stands on its own (at most ``MAX_LEANING`` of them)."""
    found = []
    place = {(s.article, s.index): i for i, s in enumerate(story.sentences)}
    for i in range(len(story.sentences)):
        if not _candidate(story, evidence, i, excluded, min_words):
            continue
        unit = [i]
        while evidence.forms[unit[0]].leans and len(unit) <= MAX_LEANING:
            first = story.sentences[unit[0]]
            before = place.get((first.article, first.index - 1))
            if before is None or before in excluded or is_heading(story.sentences[before].text):
                break
            unit.insert(0, before)
        if not evidence.forms[unit[0]].leans:
            found.append(tuple(unit))
    return found


class _Facts:
    """Per sentence, lazily: content stems and figures, to tell whether two sentences repeat a fact."""

    def __init__(self, story: Story, evidence: Evidence) -> None:
        self.story, self.tokens = story, evidence.tokens
        self.cache: dict[int, tuple[frozenset[int], frozenset[str]]] = {}

    def __call__(self, i: int) -> tuple[frozenset[int], frozenset[str]]:
        if i not in self.cache:
            start, end = self.tokens.sentence_start[i], self.tokens.sentence_start[i + 1]
            stems = self.tokens.stem[start:end][self.tokens.content[start:end]]
            self.cache[i] = frozenset(stems.tolist()), figures(self.story.sentences[i].text)
        return self.cache[i]


def cover(
    story: Story,
    evidence: Evidence,
    objective: Objective,
    words: int,
    excluded: frozenset[int] = frozenset(),
    repeats: Callable[[int, int], bool] | None = None,
) -> list[Pick]:
    """The chosen sentences (a predecessor before the sentence that leans on it), greedily by gain per word.

    ``repeats(i, j)``, when given, says whether two sentences tell the same fact in other words (by meaning): a
    sentence that repeats a chosen one is not chosen either."""
    concepts, weight = evidence.concepts, objective.concept_weight
    covered = np.zeros(len(weight), dtype=bool)
    nearest = np.zeros(len(story.sentences))  # each sentence's highest cosine with a chosen one
    chosen: list[int] = []
    taken: set[int] = set()
    texts: set[str] = set()
    facts = _Facts(story, evidence)
    trims = [form.trim for form in evidence.forms]
    length = [max(s.words - len(s.text[: trims[i]].split()), 1) for i, s in enumerate(story.sentences)]
    held: dict[tuple[int, ...], np.ndarray] = {}  # a unit's concepts, computed once
    bonus = objective.bonus.tolist()

    def gain(unit: tuple[int, ...]) -> float:
        if len(unit) == 1 and unit[0] not in taken:  # most units: one sentence
            i = unit[0]
            own = concepts.of(i)
            return (weight[own][~covered[own]].sum() + bonus[i]) / length[i] ** objective.cost_power
        fresh = [i for i in unit if i not in taken]
        if not fresh:
            return 0.0
        if len(fresh) == 1:
            own = concepts.of(fresh[0])
        elif (own := held.get(unit)) is None or len(fresh) < len(unit):
            own = held[unit] = distinct(np.concatenate([concepts.of(i) for i in fresh]))
        value = weight[own][~covered[own]].sum() + objective.bonus[fresh].sum()
        return value / sum(length[i] for i in fresh) ** objective.cost_power

    def fits(unit: tuple[int, ...], used: int) -> bool:
        fresh = [i for i in unit if i not in taken]
        if used + sum(length[i] for i in fresh) > words:
            return False
        for n, i in enumerate(fresh):
            if story.sentences[i].text in texts or nearest[i] >= REDUNDANCY:
                return False
            if any(same_fact(facts(i), facts(j)) for j in [*chosen, *fresh[:n]]):
                return False
            if repeats is not None and any(repeats(i, j) for j in [*chosen, *fresh[:n]]):
                return False
        return True

    # Short sentences are passed over while there are others; a story of short sentences only still gets a brief.
    found = units(story, evidence, excluded, objective.min_words) or units(story, evidence, excluded, 1)
    # Before anything is chosen, a single sentence's gain is its concepts' summed weight and its bonus per word:
    # for all sentences at once (the loop below recomputes each gain as it goes).
    worth = np.bincount(concepts.rows, weights=weight[concepts.concept], minlength=len(length)) + objective.bonus
    first = (worth / np.asarray(length, dtype=np.float64) ** objective.cost_power).tolist()
    heap = [(-(first[u[0]] if len(u) == 1 else gain(u)), n, u) for n, u in enumerate(found)]
    heapq.heapify(heap)
    best = heap[0][2] if heap else None  # the fallback when nothing fits
    used = 0
    while heap and words - used >= MIN_WORDS:
        _, n, unit = heapq.heappop(heap)
        value = gain(unit)
        if heap and value < -heap[0][0] - 1e-12:  # stale: its gain fell since it was pushed
            heapq.heappush(heap, (-value, n, unit))
            continue
        if value <= 0:
            break
        if not fits(unit, used):
            continue
        for i in unit:
            if i not in taken:
                chosen.append(i)
                taken.add(i)
                texts.add(story.sentences[i].text)
                used += length[i]
                covered[concepts.of(i)] = True
                nearest = np.maximum(nearest, evidence.vectors.similarities(i))
    if not chosen and best is not None:
        chosen = [best[0]]  # a sentence that stands on its own (a pair starts with one)
    return [Pick(i, trims[i]) for i in chosen]


def reading_order(story: Story, picks: list[Pick]) -> list[Pick]:
    """Order for reading: runs of consecutive sentences of one article stay together, in article order; runs
    earlier in their article come first (news puts the main facts first), then by article."""
    counts: dict[str, int] = {}
    for sentence in story.sentences:
        counts[sentence.article] = counts.get(sentence.article, 0) + 1
    order = {a.id: n for n, a in enumerate(story.articles)}
    by_place = sorted(picks, key=lambda p: (order[story.sentences[p.sentence].article], p.sentence))
    runs: list[list[Pick]] = []
    for pick in by_place:
        s = story.sentences[pick.sentence]
        if runs:
            last = story.sentences[runs[-1][-1].sentence]
            if (last.article, last.index + 1) == (s.article, s.index):
                runs[-1].append(pick)
                continue
        runs.append([pick])

    def key(run: list[Pick]) -> tuple[float, int]:
        s = story.sentences[run[0].sentence]
        return s.index / counts[s.article], order[s.article]

    return [pick for run in sorted(runs, key=key) for pick in run]
