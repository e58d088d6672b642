"""Select: choose the sentences of a brief under a word budget, without repeating content.

Two ways to choose. ``select`` takes a ranking (the baselines: lead, LexRank, TextRank) and keeps sentences in
rank order unless they would repeat one already kept. ``cover`` is newsfuse's: it maximises the value of
the concepts the brief covers plus a per-sentence value, a monotone submodular objective, greedily by gain per
word (with lazy evaluation, so most gains are never recomputed), and it keeps the brief readable: a sentence
that leans on its predecessor ("He said…") comes with that predecessor or not at all (one that points back at
a noun, "The statement…", may also come after a chosen sentence of its article that names it), and a leading
connective is cut. Greedy by gain per word can shut out a better set (a long sentence worth more than the short
one taken first, when both do not fit), so ``cover`` may also try exchanges: for each unit the greedy
took, the choice it would have made without it; the best set by the objective wins.

Either way the brief never exceeds the budget, except when no sentence at all fits: then it holds the single
best sentence.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from newsfuse.arrays import distinct
from newsfuse.evidence import Evidence
from newsfuse.facts import Facts, counts, figures, same_fact
from newsfuse.model import Story
from newsfuse.text import word_runs
from newsfuse.units import units
from newsfuse.unresolved import named_among, naming

# cosine above which a sentence repeats one already chosen: where another article's sentence corroborates it
# (attribute.CORROBORATION), so that no brief holds two sentences it says report the same content (0.4 before)
REDUNDANCY = 0.35
MIN_WORDS = 4  # fragments shorter than this are not brief material
RETRIES = 3  # choices in fewer words, to make room for the full names of the people a brief names


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
    exchange: bool = False  # improve the greedy choice by exchanges (``cover``), for a few times the greedy's cost


class _Facts:
    """Per sentence, lazily: content stems, figures and counts, to tell whether two sentences repeat a fact."""

    def __init__(self, story: Story, evidence: Evidence) -> None:
        self.story, self.tokens = story, evidence.tokens
        self.counted = evidence.language.counts_things
        self.cache: dict[int, Facts] = {}

    def __call__(self, i: int) -> Facts:
        if i not in self.cache:
            start, end = self.tokens.sentence_start[i], self.tokens.sentence_start[i + 1]
            stems = self.tokens.stem[start:end][self.tokens.content[start:end]]
            text = self.story.sentences[i].text
            self.cache[i] = frozenset(stems.tolist()), figures(text), counts(text) if self.counted else frozenset()
        return self.cache[i]


@dataclass
class _Chosen:
    """What a greedy run has chosen so far; copied at each step, so that a run can be resumed from there."""

    open: np.ndarray  # per concept: 1.0 while no chosen sentence covers it, else 0.0
    nearest: np.ndarray  # per sentence: its highest cosine with a chosen one
    chosen: list[int]
    texts: set[str]
    used: int = 0

    def copy(self) -> _Chosen:
        return _Chosen(self.open.copy(), self.nearest.copy(), list(self.chosen), set(self.texts), self.used)


Heap = list[tuple[float, int, tuple[int, ...]]]


class _Greedy:
    """The greedy choice of ``cover``, resumable: ``fill`` goes on from any state and heap it is given."""

    def __init__(
        self, story: Story, evidence: Evidence, objective: Objective, words: int,
        repeats: Callable[[int, int], bool] | None, known: frozenset[int] = frozenset(),
        found: Sequence[tuple[int, ...]] = (),
    ) -> None:  # fmt: skip
        self.story, self.evidence, self.objective, self.words, self.repeats = story, evidence, objective, words, repeats
        self.concepts, self.weight = evidence.concepts, objective.concept_weight
        self.entry_weight = self.weight[self.concepts.concept]  # per (sentence, concept) entry
        self.entry_concept = self.concepts.concept
        self.bounds = self.concepts.indptr.tolist()
        self.texts = [s.text for s in story.sentences]
        self.articles = evidence.article.tolist()
        self.facts = _Facts(story, evidence)
        self.trims = [form.trim for form in evidence.forms]
        self.length = [max(s.words - len(s.text[: self.trims[i]].split()), 1) for i, s in enumerate(story.sentences)]
        self.cost = [n**objective.cost_power for n in self.length]
        # The fewest words the new sentences of a unit ``found`` can take: with fewer left, nothing more fits, and a
        # fill stops instead of trying every unit left on its heap
        self.shortest = max(MIN_WORDS, min((self.length[i] for unit in found for i in unit), default=MIN_WORDS))
        self.held: dict[tuple[int, ...], np.ndarray] = {}  # the concepts of a unit's new sentences, computed once
        self.near: dict[int, np.ndarray] = {}  # a chosen sentence's cosines, computed once
        self.same: dict[int, dict[int, bool]] = {}  # whether two sentences tell one fact, judged once
        self.bonus = objective.bonus.tolist()
        # A sentence that points back at a noun may come alone where a sentence of its own article before it, in
        # the brief too, names the noun (its article's own antecedent: "the athletes" of another article may be
        # other athletes); ``reading_order`` keeps an article's sentences in their order.
        self.naming: dict[str, re.Pattern[str]] = {}  # noun → what names it, compiled when first asked
        self.nouns = {i: f.noun for i, f in enumerate(evidence.forms) if f.leans and f.noun}
        if known:  # a noun the reader met in the articles read before (an update brief's) points back at nothing new
            read = set(word_runs("\n".join(story.sentences[k].text for k in known).lower()))
            self.nouns = {i: n for i, n in self.nouns.items() if not named_among(n, read)}

    def start(self) -> _Chosen:
        return _Chosen(np.ones(len(self.weight)), np.zeros(len(self.story.sentences)), [], set())

    def value(self, state: _Chosen) -> float:
        """What the objective gives a choice: its concepts' summed weight and its sentences' bonus."""
        return float(self.weight.sum() - self.weight @ state.open + sum(self.bonus[i] for i in state.chosen))

    def gain(self, state: _Chosen, unit: tuple[int, ...]) -> float:
        """What a unit's new sentences add to the objective, per word (``cost_power``): the weight of the concepts
        they cover that nothing chosen covers yet, and their bonus. Most units are one sentence: a dot product
        over its concepts."""
        if len(unit) == 1 and unit[0] not in state.chosen:  # most units: one sentence
            i = unit[0]
            start, end = self.bounds[i], self.bounds[i + 1]
            value = self.entry_weight[start:end] @ state.open[self.entry_concept[start:end]]
            return (float(value) + self.bonus[i]) / self.cost[i]
        fresh = [i for i in unit if i not in state.chosen]
        if not fresh:
            return 0.0
        if len(fresh) == 1:
            own = self.concepts.of(fresh[0])
        elif (own := self.held.get(key := tuple(fresh))) is None:
            own = self.held[key] = distinct(np.concatenate([self.concepts.of(i) for i in fresh]))
        value = self.weight[own] @ state.open[own] + self.objective.bonus[fresh].sum()
        return float(value) / sum(self.length[i] for i in fresh) ** self.objective.cost_power

    def new_facts(self, state: _Chosen, fresh: Sequence[int]) -> bool:
        """Whether no new sentence of a unit tells a fact a chosen one (or one before it in the unit) tells."""
        for n, i in enumerate(fresh):
            if (judged := self.same.get(i)) is None:
                judged = self.same[i] = {}
            own = None
            for j in chain(state.chosen, fresh[:n]):
                if (same := judged.get(j)) is None:
                    own = own or self.facts(i)
                    same = same_fact(own, self.facts(j)) or (self.repeats is not None and self.repeats(i, j))
                    judged[j] = same
                if same:
                    return False
        return True

    def named(self, i: int, among: Iterable[int]) -> bool:
        """Whether a sentence that points back at a noun is resolved by one of ``among`` (chosen sentences): one
        before it in its article that names the noun."""
        articles, pattern, texts = self.articles, self.names(self.nouns[i]), self.texts
        return any(j < i and articles[j] == articles[i] and pattern.search(texts[j]) for j in among)

    def names(self, noun: str) -> re.Pattern[str]:
        """What names a noun (``unresolved.naming``), compiled once."""
        if (pattern := self.naming.get(noun)) is None:
            pattern = self.naming[noun] = naming(noun)
        return pattern

    def room(self, state: _Chosen, fresh: Sequence[int]) -> bool:
        """The cheap tests of a unit's new sentences: room in the budget, and no copy or near copy of a chosen
        sentence (a chosen sentence is its own copy). What fails them fails them for the rest of a fill (what is
        chosen only grows), so they come before the gain is worked out."""
        left = self.words - state.used
        for i in fresh:
            left -= self.length[i]
            if left < 0 or state.nearest[i] >= REDUNDANCY or self.texts[i] in state.texts:
                return False
        return True

    def take(self, state: _Chosen, unit: tuple[int, ...]) -> None:
        for i in unit:
            if i in state.chosen:
                continue
            state.chosen.append(i)
            state.texts.add(self.texts[i])
            state.used += self.length[i]
            state.open[self.concepts.of(i)] = 0.0
            if (near := self.near.get(i)) is None:
                near = self.near[i] = self.evidence.vectors.similarities(i)
            np.maximum(state.nearest, near, out=state.nearest)

    def fill(
        self, state: _Chosen, heap: Heap, banned: frozenset[int] = frozenset(),
        steps: list[tuple[_Chosen, Heap, tuple[int, ...]]] | None = None,
    ) -> _Chosen:  # fmt: skip
        """Add units by gain per word until the budget is spent (never one holding a ``banned`` sentence);
        ``steps`` receives the state and heap before each unit taken, and that unit. A sentence that points back
        at a noun no chosen sentence names yet waits, and goes back on the heap once one does."""
        waiting: Heap = []
        while heap and self.words - state.used >= self.shortest:
            key, n, unit = heapq.heappop(heap)
            if banned and not banned.isdisjoint(unit):
                continue
            fresh = unit if len(unit) == 1 else [i for i in unit if i not in state.chosen]
            if not self.room(state, fresh):
                continue
            if len(unit) == 1 and unit[0] in self.nouns and not self.named(unit[0], state.chosen):
                waiting.append((key, n, unit))  # its gain so far bounds what it may be worth later
                continue
            value = self.gain(state, unit)
            if heap and value < -heap[0][0] - 1e-12:  # stale: its gain fell since it was pushed
                heapq.heappush(heap, (-value, n, unit))
                continue
            if value <= 0:
                break
            if not self.new_facts(state, fresh):
                continue
            if steps is not None:
                rest = list(heap)
                if waiting:  # an exchange from here may take what names their nouns
                    rest += waiting
                    heapq.heapify(rest)
                steps.append((state.copy(), rest, unit))
            self.take(state, unit)
            if waiting:  # what was just taken may name the noun a waiting sentence points back at (in its article)
                taken = {self.articles[i] for i in unit}
                named = [self.articles[e[2][0]] in taken and self.named(e[2][0], unit) for e in waiting]
                for entry in (entry for entry, ok in zip(waiting, named, strict=True) if ok):
                    heapq.heappush(heap, entry)
                waiting = [entry for entry, ok in zip(waiting, named, strict=True) if not ok]
        return state


def cover(
    story: Story,
    evidence: Evidence,
    objective: Objective,
    words: int,
    excluded: frozenset[int] = frozenset(),
    repeats: Callable[[int, int], bool] | None = None,
    over: Callable[[list[Pick]], int] | None = None,
    known: frozenset[int] = frozenset(),
) -> list[Pick]:
    """The chosen sentences (a predecessor before the sentence that leans on it), greedily by gain per word,
    then (``objective.exchange``) improved by exchanges: for each unit the greedy took, the greedy choice made
    without its new sentences (a predecessor it brought cannot come alone either), from the moment it was taken;
    the best of these by the objective wins.

    ``repeats(i, j)``, when given, says whether two sentences tell the same fact in other words (by meaning): a
    sentence that repeats a chosen one is not chosen either. ``over(picks)``, when given, says how many words the
    chosen sentences would be over the budget once written (the people they name introduced: ``names``); then
    they are chosen again in that many fewer words, if anything fits those (up to ``RETRIES`` times). ``known``
    sentences were read before (an update brief's earlier articles): a noun one names needs no naming again."""
    # Short sentences are passed over while there are others; a story of short sentences only still gets a brief,
    # and so does one of exclamations only.
    found = (
        units(story, evidence, excluded, objective.min_words)
        or units(story, evidence, excluded, 1)
        or units(story, evidence, excluded, 1, exclaims=True)
    )
    greedy = _Greedy(story, evidence, objective, words, repeats, known, found)
    concepts = evidence.concepts
    # Before anything is chosen, a single sentence's gain is its concepts' summed weight and its bonus per word:
    # for all sentences at once (the loop recomputes each gain as it goes).
    worth = np.bincount(concepts.rows, weights=greedy.entry_weight, minlength=len(greedy.cost)) + objective.bonus
    first = (worth / np.asarray(greedy.cost)).tolist()
    empty = greedy.start()
    heap = [(-(first[u[0]] if len(u) == 1 else greedy.gain(empty, u)), n, u) for n, u in enumerate(found)]
    heapq.heapify(heap)
    chosen = _best(greedy, list(heap), objective.exchange).chosen
    if not chosen and heap:  # nothing fits: the best unit's first sentence, one that stands on its own if any
        chosen = [next((u[0] for _, _, u in sorted(heap) if u[0] not in greedy.nouns), heap[0][2][0])]
    picks = [Pick(i, greedy.trims[i]) for i in chosen]
    for _ in range(RETRIES):  # the sentences chosen in fewer words may name others, who take words too
        if over is None or not 0 < (extra := over(picks)) < greedy.words:
            break
        greedy.words -= extra  # what the greedy learnt of the story (facts, cosines) still holds
        if not (fewer := _best(greedy, list(heap), objective.exchange).chosen):
            break
        picks = [Pick(i, greedy.trims[i]) for i in fewer]
    return picks


def _best(greedy: _Greedy, heap: Heap, exchange: bool) -> _Chosen:
    """The greedy's choice from nothing, and (``exchange``) the best of it and its exchanges."""
    steps: list[tuple[_Chosen, Heap, tuple[int, ...]]] = []
    best = greedy.fill(greedy.start(), heap, steps=steps if exchange else None)
    if steps:
        value = greedy.value(best)
        for before, rest, unit in steps:
            other = greedy.fill(before, rest, banned=frozenset(i for i in unit if i not in before.chosen))
            if (other_value := greedy.value(other)) > value + 1e-12:
                best, value = other, other_value
    return best


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
