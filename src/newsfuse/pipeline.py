"""The pipeline end to end: ingest → clean → segment → score/select → attribute (and names) → Brief.

A ``Pipeline`` owns what is loaded once per process (the stemmer and the trained models) and is passed to,
or kept by, whoever makes many briefs (the service, evaluation, the stories). The module-level
``summarize`` uses one default pipeline, made on first use. ``Pipeline(same=load_same_fact())`` adds the
semantic layer (opt-in: it costs time a brief is short of): corroboration and repeats by meaning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from newsfuse.across import across
from newsfuse.attribute import attribute
from newsfuse.clean import clean, clean_text
from newsfuse.corroborate import Echoes, Repeats, echoes, vectors_of
from newsfuse.errors import InputError
from newsfuse.evidence import Evidence, gather
from newsfuse.focus import MAX_CHARS as MAX_FOCUS_CHARS
from newsfuse.focus import Focus, focus_of
from newsfuse.ingest import Loaded, from_records
from newsfuse.introductions import Introductions
from newsfuse.languages import BRIEF_RULES, SUPPORTED, Language, Languages, code_of, most_common
from newsfuse.model import Article, Brief, BriefSentence, Citation, Story
from newsfuse.names import Names
from newsfuse.samefact import SameFact
from newsfuse.segment import segment
from newsfuse.select import Pick, reading_order
from newsfuse.summarizers import Summarizer, baseline, check_method
from newsfuse.summarizers.newsfuse import Newsfuse, load
from newsfuse.text import word_count

DEFAULT_WORDS = 250
MAX_BRIEF_WORDS = 1_200_000  # words of one story a brief is made from (about 8 s of CPU)
REPEATS = 0.5  # cosine at which a sentence repeats one the reader has seen: a near copy
SINGLE_SOURCE = "only one source article: nothing in this brief is corroborated by another outlet"


def clean_all(articles: Iterable[Article], strict: bool = True) -> tuple[list[Article], list[InputError]]:
    """Cleaned articles; one left with no text after cleaning is a problem (raised when ``strict``)."""
    kept, problems = [], []
    for article in articles:
        cleaned = clean(article)
        if cleaned.text.strip():
            kept.append(cleaned)
            continue
        found = ", ".join(sorted({rule for rule, _ in clean_text(article.text, article.title).dropped}))
        reason = f"no article text left after removing web noise{f' ({found})' if found else ''}"
        problem = InputError(article.origin or article.id, reason)
        if strict:
            raise problem
        problems.append(problem)
    return kept, problems


SHOWN_PROBLEMS = 3  # the reasons an error names when no article was usable; the count says how many more


def usable(
    loaded: Loaded, strict: bool, where: str, max_words: int = MAX_BRIEF_WORDS
) -> tuple[list[Article], list[InputError]]:
    """Cleaned articles and every problem met on the way; raises when no article is left to summarize, or when
    they hold more than ``max_words`` words together (the bound on one run's work)."""
    cleaned, empty = clean_all(loaded.articles, strict=strict)
    problems = [*loaded.problems, *empty]
    if (total := sum(a.words for a in cleaned)) > max_words:
        raise InputError(where, f"{total:,} words in all: over the limit of {max_words:,}; give fewer articles")
    if cleaned:
        return cleaned, problems
    if len(problems) == 1:
        raise problems[0]
    shown = [str(p) if len(str(p)) <= 200 else str(p)[:199] + "…" for p in problems[:SHOWN_PROBLEMS]]
    more = f"; and {len(problems) - SHOWN_PROBLEMS:,} more" if len(problems) > SHOWN_PROBLEMS else ""
    reasons = f" ({'; '.join(shown)}{more})" if problems else ""  # one line a person reads, whatever the input
    raise InputError(where, f"no usable articles{reasons}")


def story_of(articles: Sequence[Article]) -> Story:
    """Segment cleaned articles into one story."""
    return Story(tuple(articles), tuple(s for a in articles for s in segment(a)))


def story_from(documents: Sequence[str], titles: Sequence[str] = (), language: str | None = None) -> Story:
    """A story of plain-text documents and their titles, if known (evaluation and training data), in
    ``language`` if the data says: unusable documents are left out quietly."""
    records = [
        {"text": text, "title": title} for text, title in zip(documents, titles or [""] * len(documents), strict=True)
    ]
    articles, _ = clean_all(from_records(records, language=language).articles, strict=False)
    return story_of(articles)


def over_budget(sentences: Sequence[BriefSentence], words: int) -> tuple[str, ...]:
    """A brief over its budget says so: no sentence fitted in it, so it holds the single best one."""
    if (used := sum(word_count(s.text) for s in sentences)) <= words:
        return ()
    return (f"no sentence fits in {words} word{'s' * (words != 1)}: the brief holds the best one, of {used} words",)


def unranked(summarizer: Summarizer, story: Story) -> tuple[str, ...]:
    """What a method that ranks only so many sentences left unranked (LexRank's and TextRank's graphs)."""
    cap = summarizer.max_sentences
    if cap is None or len(story.sentences) <= cap:
        return ()
    return (
        f"{summarizer.name} ranked the first {cap:,} of the {len(story.sentences):,} sentences (each article's "
        "earliest first): its graph grows with the square of their number",
    )


def why_empty(story: Story, opinion: frozenset[int]) -> str:
    """Why a brief has no sentence: never a silent success."""
    if not story.sentences:
        return "empty brief: the articles have no sentences"
    if len(opinion) == len(story.sentences):
        return "empty brief: every sentence reads as opinion, and opinion is never presented as fact"
    return (
        "empty brief: no sentence is a complete statement that fits the length budget "
        "(headings, questions and fragments are not taken)"
    )


def brief_language(story: Story, language: str | None) -> str:
    """The language code of the brief: the one asked for, else the one most of the story's articles are in."""
    if not language:
        return most_common(a.language or "en" for a in story.articles)
    code = code_of(language)
    if code is None:
        raise InputError("language", f"{language!r} is not a language newsfuse reads (use an ISO code such as 'fr')")
    if not any((a.language or "en") == code for a in story.articles):
        raise InputError("language", f"no article is in {SUPPORTED[code][0]}: nothing to brief in it")
    return code


def in_language(story: Story, code: str, seen: frozenset[int]) -> tuple[Story, frozenset[int], Story]:
    """The part of a story written in one language (``seen`` renumbered to it), and the part in others."""
    if all((a.language or "en") == code for a in story.articles):
        return story, seen, Story((), ())
    ids = {a.id for a in story.articles if (a.language or "en") == code}
    index = [i for i, s in enumerate(story.sentences) if s.article in ids]
    new = {old: n for n, old in enumerate(index)}
    part = Story(tuple(a for a in story.articles if a.id in ids), tuple(story.sentences[i] for i in index))
    rest = Story(
        tuple(a for a in story.articles if a.id not in ids), tuple(s for s in story.sentences if s.article not in ids)
    )
    return part, frozenset(new[i] for i in seen if i in new), rest


def choose(
    story: Story, evidence: Evidence, summarizer: Summarizer, words: int, excluded: frozenset[int],
    seen: frozenset[int], same: SameFact | None, asked: Focus | None = None,
    over: Callable[[list[Pick]], int] | None = None,
) -> tuple[list[Pick], Echoes | None]:  # fmt: skip
    """The brief's sentences in reading order; with the same-fact judge (``same``), no fact twice in other words
    (the default summarizer), and who reports each chosen sentence by meaning. ``over``: see ``Newsfuse.choose``."""
    vectors = vectors_of(story, same) if same is not None and story.sentences else None
    if isinstance(summarizer, Newsfuse):
        repeats = Repeats(story, same, vectors) if vectors is not None else None
        picks = summarizer.choose(story, evidence, words, excluded, seen, repeats=repeats, asked=asked, over=over)
    else:
        picks = summarizer.choose(story, evidence, words, excluded, seen)
    chosen = reading_order(story, picks)
    if vectors is None or len(story.articles) < 2:
        return chosen, None
    return chosen, echoes(story, same, [p.sentence for p in chosen], vectors)


def written(
    story: Story, evidence: Evidence, summarizer: Summarizer, words: int, excluded: frozenset[int],
    seen: frozenset[int], same: SameFact | None, asked: Focus | None = None,
) -> tuple[BriefSentence, ...]:  # fmt: skip
    """The brief's sentences, attributed, and (the default summarizer, in English) each person the brief names by
    surname alone introduced by full name at first mention (``names``). The budget counts the words that adds."""
    people = None
    # The rules of names are English, and read capitals: in lower-cased text no name can be told from a word
    if summarizer.introduces_names and evidence.language.code == "en" and evidence.tokens.lower_case is not None:
        people = Introductions(story, Names(story, evidence.language.stopwords), seen)
    over = (lambda picks: people.over(picks, words)) if people else None
    chosen, found = choose(story, evidence, summarizer, words, excluded, seen, same, asked, over)
    sentences = attribute(story, evidence, chosen, found)
    return people.introduce(sentences, words) if people else sentences


def language_notes(language: Language, others: Sequence[Article]) -> tuple[str, ...]:
    """What a reader of a brief in ``language`` should know: judgements skipped, articles only cited."""
    notes = []
    if skipped := language.skipped_in(BRIEF_RULES):
        notes.append(f"{language.name}: no rules yet for {', '.join(skipped)}: those judgements were skipped")
    if others:
        names = sorted({SUPPORTED.get(a.language, (a.language,))[0] for a in others})
        notes.append(
            f"{len(others)} article(s) in {', '.join(names)} not quoted in this {language.name} brief, only cited "
            "as corroboration where they share its figures and names: " + ", ".join(a.id for a in others)
        )
    return tuple(notes)


def check_focus(focus: Any) -> str:
    if not isinstance(focus, str):
        raise InputError("focus", f"the focus must be text, not {type(focus).__name__}")
    if len(focus) > MAX_FOCUS_CHARS:
        raise InputError("focus", f"{len(focus):,} characters: over the limit of {MAX_FOCUS_CHARS:,} (a question)")
    return focus.strip()


def focus_notes(
    focus: str, summarizer: Summarizer, asked: Focus | None, story: Story, evidence: Evidence,
    excluded: frozenset[int], sentences: Sequence[BriefSentence],
) -> tuple[str, ...]:  # fmt: skip
    """Why a focus the user gave did not tilt the brief, or its best answer is not in it: never in silence."""
    if not focus:
        return ()
    if not isinstance(summarizer, Newsfuse):
        return (f"focus ignored: the {summarizer.name} method does not read one (newsfuse does)",)
    if asked is None:
        return ("focus ignored: none of its words occur in the articles, so this is the plain brief",)
    if (best := summarizer.answer(story, evidence, excluded, asked)) is None:
        return ()
    answer = story.sentences[best]
    if any((c.article, c.sentence) == (answer.article, answer.index) for s in sentences for c in s.sources):
        return ()
    leans = " with the sentences before it that it leans on" if evidence.forms[best].leans else ""
    return (f"focus: the sentence that best answers it does not fit in the brief{leans}: ask for more words",)


def check_words(words: Any) -> int:
    if isinstance(words, bool) or not isinstance(words, int) or words < 1:
        raise InputError("words", f"the length budget must be a positive whole number of words, not {words!r}")
    return words


class Pipeline:
    """The languages (stop words, stemmers) and the trained models, loaded once; every brief of this process
    goes through here.

    ``same`` (the same-fact judge, ``samefact.load_same_fact()``), when given, makes ``corroborated_by`` find
    the same fact in other words, and keeps the default summarizer from choosing one fact twice in other words
    (in English: the judge is trained on English).
    """

    def __init__(self, newsfuse: Newsfuse | None = None, same: SameFact | None = None) -> None:
        if newsfuse is not None and not isinstance(newsfuse, Newsfuse):
            raise InputError("newsfuse", f"expected the summarizer of summarizers.newsfuse.load(), not {newsfuse!r}")
        if same is not None and not isinstance(same, SameFact):
            raise InputError("same", f"expected the judge of samefact.load_same_fact(), not {same!r}")
        self.languages = Languages()
        self.newsfuse = newsfuse or load()
        self.same = same

    def summarizer(self, method: str | Summarizer) -> Summarizer:
        if not isinstance(method, str):
            return method
        return self.newsfuse if check_method(method) == "newsfuse" else baseline(method)

    def brief(
        self, story: Story, words: int = DEFAULT_WORDS, method: str | Summarizer = "newsfuse",
        seen: frozenset[int] = frozenset(), language: str | None = None, focus: str = "",
    ) -> Brief:  # fmt: skip
        """Summarize a segmented story with one method, in ``language`` (default: the story's most common).

        ``focus`` is what the reader wants answered (a question or topic): newsfuse tilts its choice towards it
        (``focus``). ``seen`` sentences (by index) are known to the reader: neither they nor a sentence that
        repeats one of them (cosine ≥ ``CORROBORATION``) is chosen, and what they say counts for nothing.
        Articles in other languages are not quoted, only cited as corroboration (``across``), and a warning names
        them.
        """
        if not isinstance(story, Story):
            raise InputError("story", "expected a Story (newsfuse.pipeline.story_from(texts)); articles: summarize")
        words, focus = check_words(words), check_focus(focus)
        summarizer = self.summarizer(method)
        if not story.articles:
            raise InputError("articles", "no articles to summarize")
        code = brief_language(story, language)
        story, seen, others = in_language(story, code, seen)
        read_as = self.languages[code]
        evidence = gather(story, read_as)
        opinion = evidence.opinion_sentences
        near = evidence.vectors.neighbours
        repeats = {i for i in range(len(story.sentences)) if seen and i not in seen and seen & near(i, REPEATS).keys()}
        read = {story.sentences[i].text for i in seen}  # a copy whose every word is common has no near neighbour
        repeats |= {i for i, s in enumerate(story.sentences) if i not in seen and s.text in read}
        excluded = (opinion if summarizer.drops_opinion else frozenset()) | seen | repeats
        same = self.same if "meaning" in read_as.rules else None
        asked = focus_of(focus, evidence.tokens, read_as) if focus else None  # in the story's own words
        sentences = written(story, evidence, summarizer, words, excluded, seen, same, asked)
        warnings = (SINGLE_SOURCE,) if len(story.articles) + len(others.articles) == 1 else ()
        warnings += language_notes(read_as, others.articles)
        warnings += focus_notes(focus, summarizer, asked, story, evidence, excluded, sentences)
        warnings += over_budget(sentences, words)
        warnings += unranked(summarizer, story)
        if not sentences and not seen:
            warnings += (why_empty(story, opinion if summarizer.drops_opinion else frozenset()),)
        cited = tuple(
            Citation(s.article, s.index, s.start, s.end) for i, s in enumerate(story.sentences) if i in opinion
        )
        articles = story.articles + others.articles
        order = {a.id: n for n, a in enumerate(articles)}
        sentences = across(sentences, others, order)
        skipped = read_as.skipped_in(BRIEF_RULES + (("meaning",) if self.same is not None else ()))
        return Brief(sentences, articles, summarizer.name, words, warnings, cited, code, skipped)

    def summarize(
        self, articles: Iterable[Mapping[str, Any] | Article | str], words: int = DEFAULT_WORDS,
        method: str = "newsfuse", strict: bool = False, language: str | None = None, focus: str = "",
    ) -> Brief:  # fmt: skip
        """Articles (dicts with the JSON fields, ``Article`` objects or plain text) → Brief, written in
        ``language`` (default: the one most articles are in), tilted towards ``focus`` if given."""
        check_method(method)
        loaded = from_records(articles, strict=strict)
        cleaned, problems = usable(loaded, strict, "articles")
        result = self.brief(story_of(cleaned), words, method, language=language, focus=focus)
        skipped = tuple(f"skipped {p}" for p in problems)
        return replace(result, warnings=skipped + loaded.notes + result.warnings)

    def update(
        self, earlier: Sequence[Article], new: Sequence[Article], words: int, note: str, focus: str = ""
    ) -> Brief:
        """The brief of ``new`` for a reader who has read ``earlier`` (cleaned articles); ``note``: since when."""
        if wrong := next((a for a in [*earlier, *new] if not isinstance(a, Article)), None):
            wanted = "expected cleaned Articles (newsfuse.pipeline.clean_all)"
            raise InputError("articles", f"{wanted}, not {type(wrong).__name__}")
        if not new:
            return Brief((), tuple(earlier), "newsfuse", words, (f"no articles {note}",))
        story = story_of([*earlier, *new])
        old = {a.id for a in earlier}
        seen = frozenset(i for i, s in enumerate(story.sentences) if s.article in old)
        result = self.brief(story, words, seen=seen, focus=focus)
        if not result.sentences:
            return replace(result, warnings=(*result.warnings, f"nothing new {note}"))
        return replace(result, warnings=(*result.warnings, f"update: only what is new {note}"))


@cache
def default() -> Pipeline:
    """The process's default pipeline, made on first use (the models load once)."""
    return Pipeline()


def brief(
    story: Story, words: int = DEFAULT_WORDS, method: str | Summarizer = "newsfuse", language: str | None = None,
    focus: str = "",
) -> Brief:  # fmt: skip
    """``Pipeline.brief`` with the default pipeline."""
    return default().brief(story, words, method, language=language, focus=focus)


def summarize(
    articles: Iterable[Mapping[str, Any] | Article | str], words: int = DEFAULT_WORDS, method: str = "newsfuse",
    strict: bool = False, language: str | None = None, focus: str = "",
) -> Brief:  # fmt: skip
    """The Python API: articles (dicts with the JSON fields, ``Article`` objects or plain text) → Brief,
    tilted towards ``focus`` (a question or topic the reader wants answered) if given.

    An unusable article is skipped and named in ``Brief.warnings`` (raised as ``InputError`` when
    ``strict``); with no usable article at all, ``InputError`` says why.
    """
    return default().summarize(articles, words, method, strict, language, focus)
