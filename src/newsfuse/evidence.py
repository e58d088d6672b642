"""Everything the scoring stages know about a story, computed once per story and shared by all of them.

Tokens, term vectors, concepts, the opinion judgement and each sentence's form are read by the summarizers,
by selection, by attribution and by the analysis; computing each once (not once per stage) is most of what
makes a brief fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from newsfuse.concepts import Concepts, find
from newsfuse.languages import Language, load_language
from newsfuse.model import Story
from newsfuse.opinion import Judged, judge_story
from newsfuse.quotations import inside_quotations
from newsfuse.readable import Form
from newsfuse.tokens import Tokens, said_before, tokenize
from newsfuse.unresolved import SaidBefore, in_article
from newsfuse.vectors import Vectors, build


@dataclass(frozen=True)
class Evidence:
    tokens: Tokens
    vectors: Vectors
    concepts: Concepts
    opinion: tuple[Judged, ...]  # per sentence
    forms: tuple[Form, ...]  # per sentence: what it leans on, what can be cut
    article: np.ndarray  # per sentence: index of its article in ``story.articles``
    language: Language  # the language the story was read in

    @property
    def opinion_sentences(self) -> frozenset[int]:
        return frozenset(i for i, judged in enumerate(self.opinion) if judged.opinion)


NEUTRAL = Judged(0.0, (), False)


def forms_in_articles(story: Story, tokens: Tokens, language: Language) -> tuple[Form, ...]:
    """Each sentence's form where it stands in its article (``unresolved.in_article``)."""
    forms = story.per_text(lambda text: language.form(text, tokens.lower_case))
    said, inside = subjects_said(story, tokens, language, forms), inside_quotations(story)
    return tuple(
        in_article(f, s.article, s.index, said, inside.get((s.article, s.index), ""))
        for f, s in zip(forms, story.sentences, strict=True)
    )


def subjects_said(story: Story, tokens: Tokens, language: Language, forms: Iterable[Form]) -> SaidBefore | None:
    """Where each article said the nouns of the definite subjects and phrases among ``forms`` (rules (j) and
    (l)); None if none."""
    heads = sorted({noun for f in forms for noun in (f.subject, *f.mentions) if noun})
    return said_before(story, tokens, dict(zip(heads, language.stem(heads), strict=True))) if heads else None


def gather(story: Story, language: Language | None = None) -> Evidence:
    """The evidence of a segmented story in ``language`` (English when not given; the caller keeps it loaded).
    Where the language has no opinion rules, every sentence is judged plain (and the brief says so)."""
    language = language or load_language("en")
    tokens = tokenize(story, language)
    article = np.asarray(story.article_numbers(), np.int64)
    return Evidence(
        tokens=tokens,
        vectors=build(tokens, article),
        concepts=find(story, tokens, article),
        opinion=tuple(judge_story(story, language.opinion)) if language.opinion else (NEUTRAL,) * len(story.sentences),
        forms=forms_in_articles(story, tokens, language),
        article=article,
        language=language,
    )
