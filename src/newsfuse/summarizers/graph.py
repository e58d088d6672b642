"""LexRank and TextRank baselines, from sumy (the maintained implementations), on our own sentences.

sumy's default tokenizer needs NLTK's punkt data, which is not available offline; we hand it our sentences
and a word tokenizer of our own instead.
"""

from __future__ import annotations

from typing import Any

from newsfuse.evidence import Evidence
from newsfuse.languages import Language
from newsfuse.model import Story
from newsfuse.summarizers.base import Ranker
from newsfuse.summarizers.lead import Lead


class _Tokenizer:
    """Words of the story's language, as newsfuse reads them; sentences are ours already."""

    def __init__(self, language: Language) -> None:
        self.language = language.name.lower()
        self.word = language.word

    def to_words(self, text: str) -> list[str]:
        return [w.lower() for w in self.word.findall(text)]

    @staticmethod
    def to_sentences(text: str) -> list[str]:
        return [text]


class _SumyRanker(Ranker):
    """Ranks with a sumy summarizer; sumy (and the NLTK it imports, ~1.5 s) loads only when a baseline runs.

    sumy's graph compares every sentence with every other in Python: 2,000 sentences take half a minute, and a
    story may hold a hundred times more. So it ranks the first ``max_sentences`` (each article's earliest
    first, round robin, as lead reads them), and the rest follow in that order (the brief says so)."""

    max_sentences = 2000  # more than any DUC cluster has (1,171): the baselines measured there are sumy's own

    def algorithm(self) -> Any:
        raise NotImplementedError

    def rank(self, story: Story, evidence: Evidence) -> list[int]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.utils import get_stop_words

        language = evidence.language
        tokenizer = _Tokenizer(language)
        leads = Lead().rank(story, evidence)
        graphed, rest = sorted(leads[: self.max_sentences]), leads[self.max_sentences :]
        sentences = [SumySentence(story.sentences[i].text, tokenizer) for i in graphed]
        index = {id(s): i for s, i in zip(sentences, graphed, strict=True)}
        if language.code == "en":  # sumy's own English stemmer and stop words, as a user of sumy has them
            summarizer = self.algorithm()(Stemmer("english"))
            summarizer.stop_words = get_stop_words("english")
        else:
            summarizer = self.algorithm()(lambda word: language.stem([word])[0])
            summarizer.stop_words = language.stopwords
        ranked: list[int] = []

        def keep_all(infos: list[Any]) -> list[Any]:
            # sumy calls this with every sentence sorted by its rating: exactly the ranking we want.
            ranked.extend(index[id(info.sentence)] for info in infos)
            return infos

        summarizer(ObjectDocumentModel([Paragraph(sentences)]), keep_all)
        return ranked + rest


class LexRank(_SumyRanker):
    name = "lexrank"

    def algorithm(self) -> Any:
        from sumy.summarizers.lex_rank import LexRankSummarizer

        return LexRankSummarizer


class TextRank(_SumyRanker):
    name = "textrank"

    def algorithm(self) -> Any:
        from sumy.summarizers.text_rank import TextRankSummarizer

        return TextRankSummarizer
