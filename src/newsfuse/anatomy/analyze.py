"""The anatomy of a story: one function that runs every finder over a segmented story.

Stages share the core pipeline (ingest → clean → segment) and its offsets; then entities (NER), quotes
(which need the entities to name speakers), timeline, figures and conflicts, corroboration of every
fact-bearing sentence, and the opinion judgement that the brief also uses. Corroboration is by shared words
and anchors, and by meaning when the same-fact judge is given (``same``, the default of ``analyze``): then a
fact told in other words is found, and the same report with other figures is a conflict.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import Any

import numpy as np

from newsfuse.anatomy.cast import Cast, defined, merge
from newsfuse.anatomy.dates import dated_in
from newsfuse.anatomy.entities import Mention, Recognisers, clean_span, find_mentions, with_short_forms
from newsfuse.anatomy.figures import YEAR, Editions, conflicts, figures_in, may_disagree
from newsfuse.anatomy.model import Analysis, Conflict, Event, Fact, Figure, Judgement, Quote
from newsfuse.anatomy.quotes import find_quotes
from newsfuse.anatomy.sayings import People, quotes_in
from newsfuse.anatomy.timeline import dated, years_given
from newsfuse.attribute import reporting
from newsfuse.corroborate import Echoes, echoes
from newsfuse.errors import InputError
from newsfuse.evidence import Evidence, gather
from newsfuse.ingest import from_records
from newsfuse.languages import Language, Languages, most_common
from newsfuse.model import Article, Citation, Story, outlets_of
from newsfuse.pipeline import story_of, usable
from newsfuse.samefact import SameFact, load_same_fact
from newsfuse.vectors import Vectors

MAX_ANALYSIS_WORDS = 100_000  # words of one story analysed in one run: the NER model reads ~14,000 a second
MIN_FACT_WORDS = 6
SAME_REPORT = 0.7  # Dice of two sentences' words (not figures) that tell one report in mostly the same words
LETTERS = re.compile(r"[^\W\d_]+")
SAME_FACT = 0.2  # a lower cosine than the brief's, enough when two sentences also share names, figures or dates
SHARED_ANCHORS = 2
COVERED = 0.3  # share of a sentence's distinctive words (idf-weighted) that another sentence holds to report it:
# chosen on the two development sets of bench/anatomy_real.py (0.2-0.4 compared), before the held-out ones ran
COVERED_TERMS = 2  # ... and at least this many of its words: on a short sentence 30% can be one name (2 and 3
# compared on the dev sets: 3 lost recall, 0.43 to 0.36, and no precision)


def _citation(story: Story, i: int) -> Citation:
    s = story.sentences[i]
    return Citation(s.article, s.index, s.start, s.end)


def _judgements(story: Story, evidence: Evidence) -> tuple[Judgement, ...]:
    return tuple(
        Judgement(_citation(story, i), judged.score, judged.opinion, judged.cues)
        for i, judged in enumerate(evidence.opinion)
    )


def _timeline(story: Story, near: list[dict[int, float]], language: Language) -> tuple[Event, ...]:
    """Dated events, by the English rules or, in another language, its absolute dates (``dates``)."""
    when = {a.id: a.published_on for a in story.articles}
    finder = (
        partial(dated, years=years_given(story.sentences))
        if language.code == "en"
        else partial(dated_in, language.code)
    )
    raw = []
    for i, sentence in enumerate(story.sentences):
        for expression, start, end, granularity in finder(sentence, when[sentence.article]):
            raw.append((i, expression, start, end, granularity))
    by_period: dict[tuple[Any, Any], set[int]] = defaultdict(set)
    for i, _, start, end, _ in raw:
        if start is not None:
            by_period[start, end].add(i)
    events = []
    seen = set()
    for i, expression, start, end, granularity in raw:
        if (expression, story.sentences[i].text) in seen:
            continue  # a verbatim copy (wire copy reprinted): one event, all its sources
        seen.add((expression, story.sentences[i].text))
        same = {j for j in by_period.get((start, end), ()) if j in near[i]} | {i}
        sources = tuple(dict.fromkeys(story.sentences[j].article for j in sorted(same)))
        span = (start.isoformat(), end.isoformat()) if start and end else (None, None)
        events.append(Event(*span, granularity, expression, story.sentences[i].text, _citation(story, i), sources))
    events.sort(key=lambda e: (e.start is None, e.start or "", e.end or "", e.where.article, e.where.sentence))
    return tuple(events)


def _fact_bearing(story: Story, judged: tuple[Judgement, ...], anchors: list[set[Any]]) -> list[int]:
    """Sentences that state a checkable fact: not opinion, long enough, with a name, a figure or a date."""
    return [
        i
        for i, sentence in enumerate(story.sentences)
        if not judged[i].opinion and sentence.words >= MIN_FACT_WORDS and anchors[i]
    ]


Quantities = dict[Any, frozenset[float]]  # what is counted → the values a sentence gives it


def _quantities(anchors: set[Any]) -> Quantities:
    """A sentence's figures by what they count (a figure's anchor is (what it counts, value); a name's is a
    string, a date's two ISO strings)."""
    values: dict[Any, set[float]] = defaultdict(set)
    for anchor in anchors:
        if isinstance(anchor, tuple) and isinstance(anchor[1], int | float):
            values[anchor[0]].add(anchor[1])
    return {counts: frozenset(v) for counts, v in values.items()}


def _agrees(i: int, j: int, rivals: Mapping[int, set[int]], quantities: list[Quantities]) -> bool:
    """Not the same report with other figures: a conflict the judge found, or one of i's quantities given
    another value."""
    theirs = quantities[j]
    return j not in rivals[i] and not any(c in theirs and v - theirs[c] for c, v in quantities[i].items())


def _facts(
    story: Story,
    vectors: Vectors,
    near: list[dict[int, float]],
    chosen: list[int],
    anchors: list[set[Any]],
    found: Echoes | None,
) -> tuple[Fact, ...]:
    """Every fact-bearing sentence with the outlets that report it: by shared words, by a sentence that holds
    most of its distinctive words among others (``COVERED``), by shared names, figures and dates, and by meaning
    (``found``: the same fact in other words). A sentence that gives the same report with other figures (a
    conflict) corroborates nothing, however many words it shares."""
    order = {a.id: n for n, a in enumerate(story.articles)}
    outlet = {a.id: a.outlet for a in story.articles}
    rivals: dict[int, set[int]] = defaultdict(set)  # the same report with other figures: no corroboration
    for i, j in found.conflicts if found else ():
        rivals[i].add(j)
        rivals[j].add(i)
    quantities = [_quantities(a) for a in anchors]
    facts = []
    for i in chosen:
        agreeing = {j: c for j, c in near[i].items() if _agrees(i, j, rivals, quantities)}
        outlets = reporting(story, i, agreeing)
        outlets |= {story.sentences[j].article for j in (found.same.get(i, ()) if found else ())}
        for j in agreeing:
            if len(anchors[i] & anchors[j]) >= SHARED_ANCHORS:
                outlets.add(story.sentences[j].article)
        share, count = vectors.coverage(i)
        for j in np.flatnonzero((share >= COVERED) & (count >= COVERED_TERMS)):
            if _agrees(i, int(j), rivals, quantities):
                outlets.add(story.sentences[j].article)
        text = story.sentences[i].text
        reported_by = tuple(sorted(outlets, key=order.__getitem__))
        facts.append(Fact(text, _citation(story, i), reported_by, outlets_of(reported_by, outlet)))
    return tuple(facts)


def _places(story: Story) -> dict[tuple[str, int], int]:
    """Each sentence's index in the story, by (article, index in its article): where a citation points."""
    return {(s.article, s.index): i for i, s in enumerate(story.sentences)}


def _held(place: Mapping[tuple[str, int], int], figures: Sequence[Figure]) -> dict[int, list[Figure]]:
    """The figures of each sentence (by its index in the story, ``place``)."""
    held = defaultdict(list)
    for f in figures:
        held[place[f.where.article, f.where.sentence]].append(f)
    return held


def _covered(place: Mapping[tuple[str, int], int], known: Sequence[Conflict]) -> list[set[int]]:
    """The sentences (indices) of each conflict already found."""
    return [{place[f.where.article, f.where.sentence] for f in c.figures} | {place[w.article, w.sentence]
            for w in c.sentences} for c in known]  # fmt: skip


def _counted(figures: Sequence[Figure]) -> dict[str, set[float]]:
    """The values a sentence gives each thing it counts."""
    values: dict[str, set[float]] = defaultdict(set)
    for f in figures:
        values[f.counts].add(f.value)
    return values


def _report_of(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """A sentence as ``_word_conflicts`` compares it: its words other than figures, and the years it names."""
    return frozenset(LETTERS.findall(text.lower())), frozenset(YEAR.findall(text))


def _one_report(first: tuple[frozenset[str], frozenset[str]], second: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether two sentences (``_report_of``) tell one report in mostly the same words: a Dice coefficient of their
    words other than figures of at least ``SAME_REPORT`` (a tf-idf cosine weighs the differing figures most), and
    the same years (a count of 2024 against one of 2025 is no disagreement)."""
    (a, years), (b, theirs) = first, second
    return years == theirs and 2 * len(a & b) >= SAME_REPORT * (len(a) + len(b))


def _word_conflicts(
    story: Story, near: list[dict[int, float]], held: Mapping[int, list[Figure]], covered: list[set[int]],
    editions: Editions,
) -> tuple[Conflict, ...]:  # fmt: skip
    """Two articles' sentences that tell one report (``_one_report``) but give what they both count values that
    have nothing in common: a conflict in any language (what event a figure counts is read in English only, so
    ``figures.conflicts`` finds none in other languages); of two outlets on one day, as those
    (``figures.may_disagree``). Not one
    whose sentences a conflict ``covered`` already holds."""
    covered, result = list(covered), []
    reports = {i: _report_of(story.sentences[i].text) for i in held}  # once per sentence, not per pair
    counted = {i: _counted(held[i]) for i in held}
    for i in sorted(held):
        for j in sorted(j for j in near[i] if j > i and j in held):
            first, second = story.sentences[i].article, story.sentences[j].article
            if not may_disagree(editions, first, second) or not _one_report(reports[i], reports[j]):
                continue
            mine, theirs = counted[i], counted[j]
            differ = sorted(c for c in mine.keys() & theirs.keys() if not mine[c] & theirs[c])
            if differ and not any({i, j} <= c for c in covered):
                own = tuple(f for k in (i, j) for f in held[k] if f.counts == differ[0])
                result.append(Conflict(differ[0], own, "words", (_citation(story, i), _citation(story, j))))
                covered.append({i, j})
    return tuple(result)


def _meaning_conflicts(
    story: Story, found: Echoes, held: Mapping[int, list[Figure]], covered: list[set[int]],
    editions: Editions,
) -> tuple[Conflict, ...]:  # fmt: skip
    """Pairs of two outlets on one day that say the same thing with other figures, unless a conflict
    (``covered``) holds both."""
    result = []
    for i, j in found.conflicts:
        if not may_disagree(editions, story.sentences[i].article, story.sentences[j].article):
            continue  # a count that changed from one day to the next, or in one outlet's versions, is an update
        if any({i, j} <= sentences for sentences in covered):
            continue
        values = [{f.value for f in held.get(k, ())} for k in (i, j)]
        own = tuple(f for k, other in ((i, values[1]), (j, values[0])) for f in held.get(k, ()) if f.value not in other)
        quantity = next((f.counts for f in own if " " in f.counts), "figures")
        result.append(Conflict(quantity, own, "meaning", (_citation(story, i), _citation(story, j))))
    return tuple(result)


def _anchors(
    story: Story,
    mentions: Sequence[Any],
    canonical: Mapping[str, str],
    figures: Sequence[Figure],
    timeline: Sequence[Event],
) -> list[set[Any]]:
    """Per sentence, what pins its content down: canonical names, figures with what they count, dates."""
    position = {(s.article, s.index): i for i, s in enumerate(story.sentences)}
    anchors: list[set[Any]] = [set() for _ in story.sentences]
    for m in mentions:
        anchors[position[m.where.article, m.where.sentence]].add(canonical[m.text])
    for f in figures:
        anchors[position[f.where.article, f.where.sentence]].add((f.counts, f.value))
    for e in timeline:
        if e.start:
            anchors[position[e.where.article, e.where.sentence]].add((e.start, e.end))
    return anchors


def _people(story: Story, mentions: list[Mention], canonical: dict[str, str]) -> People:
    """The persons named in each sentence: where in it, and under which name (``sayings.quotes_in``)."""
    starts = {(s.article, s.index): s.start for s in story.sentences}
    found: dict[tuple[str, int], list[tuple[int, int, str]]] = defaultdict(list)
    for m in mentions:
        if m.type == "person":
            start = m.where.start - starts[m.where.article, m.where.sentence]
            found[m.where.article, m.where.sentence].append((start, start + len(m.text), canonical[m.text]))
    return found


def _as_entities(quotes: Iterable[Quote], cast: Cast) -> tuple[Quote, ...]:
    """Speakers found by another language's rules under the names its entities give them: "Mme Morel" and
    "Morel" are "Jeanne Morel", so that who said what lists one person once."""
    named = []
    for quote in quotes:
        name = clean_span(quote.speaker, "PER")[0] or quote.speaker if quote.speaker else ""
        full = cast.canonical.get(name) or cast.by_surname(name) if name else None
        named.append(replace(quote, speaker=full, speaker_is_entity=True) if full else quote)
    return tuple(named)


def analyze_story(
    story: Story, ner: Recognisers, same: SameFact | None = None, languages: Languages | None = None
) -> Analysis:
    """Every finder over one segmented story; ``ner`` the NER models from ``load_ner()``, ``same`` the same-fact
    judge from ``load_same_fact()`` (None: corroboration by shared words and anchors only), ``languages`` the
    process's loaded languages (a ``Pipeline``'s; made here when not given). The story is read in the language
    most of its articles are in; the finders that have no rules in it (names need a NER model of its language,
    English or French; quotes and dates rules of its own; meaning an English judge) are skipped, and the analysis
    says so."""
    languages = languages or Languages()
    language = languages[most_common(a.language or "en" for a in story.articles)]
    same = same if "meaning" in language.rules else None
    evidence = gather(story, language)
    near = [evidence.vectors.neighbours(i, SAME_FACT) for i in range(len(story.sentences))]
    named = "entities" in language.rules
    mentions = find_mentions(story, ner.model(language.code), language.stopwords) if named else []
    short_forms = defined(a.text for a in story.articles) if named else {}
    mentions = with_short_forms(story, mentions, short_forms)
    entities, canonical = merge(mentions, short_forms)
    if language.code == "en":
        quotes = find_quotes(story, mentions, Cast.of(entities, canonical))
    else:
        people = _people(story, mentions, canonical)
        quotes = quotes_in(language.code, story, language.stopwords, people) if "quotes" in language.rules else ()
        quotes = _as_entities(quotes, Cast.of(entities, canonical)) if entities else quotes
    # each article's figures as its own language writes them ("3 000 personnes" in a story told mostly in English)
    read_as = {a.id: languages[a.language or "en"] for a in story.articles}
    figures = [f for s in story.sentences for f in figures_in(s, read_as[s.article].code, read_as[s.article].stopwords)]
    editions = {a.id: (a.outlet, a.published_on) for a in story.articles}
    timeline = _timeline(story, near, language) if "dates" in language.rules else ()
    judged = _judgements(story, evidence)
    anchors = _anchors(story, mentions, canonical, figures, timeline)
    chosen = _fact_bearing(story, judged, anchors)
    found = echoes(story, same, chosen) if same is not None and len(story.articles) > 1 else None
    by_figures = conflicts(figures, editions)
    place = _places(story)
    held = _held(place, figures)
    by_figures += _word_conflicts(story, near, held, _covered(place, by_figures), editions)
    by_meaning = _meaning_conflicts(story, found, held, _covered(place, by_figures), editions) if found else ()
    own: dict[str, list[Judgement]] = defaultdict(list)
    for j in judged:
        own[j.where.article].append(j)
    share = {a.id: round(sum(j.opinion for j in own[a.id]) / len(own[a.id]), 3) if own[a.id] else 0.0
             for a in story.articles}  # fmt: skip
    warnings = []
    if len(story.articles) == 1:
        warnings.append("only one source article: every fact is single-source")
    if skipped := language.skipped_in():
        warnings.append(f"{language.name}: no rules yet for {', '.join(skipped)}: those findings were skipped")
    if others := [a for a in story.articles if read_as[a.id] is not language]:  # told in several languages
        names = ", ".join(sorted({read_as[a.id].name for a in others}))
        warnings.append(
            f"{len(others)} article(s) in {names} read by the {language.name} rules for names, quotes, dates and "
            f"opinion (their figures by their own): {', '.join(a.id for a in others)}"
        )
    undated = [a.id for a in story.articles if a.published_on is None]
    if undated:
        warnings.append(f"no publication date for {', '.join(undated)}: relative dates there are left undated")
    return Analysis(
        story.articles,
        entities,
        quotes,
        timeline,
        tuple(figures),
        by_figures + by_meaning,
        _facts(story, evidence.vectors, near, chosen, anchors, found),
        judged,
        share,
        tuple(warnings),
        language.code,
        language.skipped_in(),
    )


def analyze(
    articles: Iterable[Mapping[str, Any] | Article | str], strict: bool = False, ner: Recognisers | None = None,
    same: SameFact | None = None, language: str | None = None, languages: Languages | None = None,
) -> Analysis:  # fmt: skip
    """The Python API: articles (as for ``summarize``, all in ``language`` if given) → Analysis.

    Loading the models takes about a second: pass ``ner=load_ner()``, ``same=load_same_fact()`` and a
    ``Languages()`` when analysing many stories. Unusable articles are skipped and named in ``warnings`` (raised
    as ``InputError`` when ``strict``).
    """
    if ner is not None and not isinstance(ner, Recognisers):
        raise InputError("ner", f"expected the models of load_ner(), not {type(ner).__name__}")
    if same is not None and not isinstance(same, SameFact):
        raise InputError("same", f"expected the judge of load_same_fact(), not {type(same).__name__}")
    loaded = from_records(articles, strict=strict, language=language)
    cleaned, problems = usable(loaded, strict, "articles", MAX_ANALYSIS_WORDS)
    ner = ner if ner is not None else Recognisers()
    result = analyze_story(story_of(cleaned), ner, same if same is not None else load_same_fact(), languages)
    skipped = tuple(f"skipped {p}" for p in problems)
    return replace(result, warnings=skipped + loaded.notes + result.warnings)
