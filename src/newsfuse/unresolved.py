"""Unresolved brief sentences: what a sentence leans on where it stands, in its article and in the brief.

A brief sentence that leans on something (``readable.Form``) is **unresolved** unless the brief sentence just
before it is the sentence just before it in its article, or, for a definite reference or a reference to a thing
named before, an earlier brief sentence names the same thing, or that reference is in its article's first
sentence. What a sentence leans on depends on its article too: a second mention leans only where the article said
the noun before, and a sentence inside a quotation is someone's words (``in_article``). The same definitions
choose the brief (``newsfuse.select``) and measure every method (``newsfuse eval``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass
from types import MappingProxyType

from newsfuse.readable import CONNECTIVE, Form


@dataclass(frozen=True)
class Placed:
    """A brief sentence as the reader meets it: its text, its article, its index there, and its form."""

    text: str
    article: str
    index: int
    form: Form


# Whether an article said a word (any form of it) in a sentence before the given one: (article, index, word).
SaidBefore = Callable[[str, int, str], bool]
EMPTY: Mapping[tuple[str, int], str] = MappingProxyType({})


def unresolved(
    brief: Sequence[Placed], said_before: SaidBefore | None = None, inside: Mapping[tuple[str, int], str] = EMPTY
) -> list[bool]:
    """Per brief sentence: leans on something the brief does not say (see the module docstring);
    ``said_before``: what the articles said before each sentence (rules (j) and (l); without it, not applied);
    ``inside``: the sentences that begin inside a quotation (``quotations.inside_quotations``)."""
    result = []
    for k, sentence in enumerate(brief):
        where = sentence.article, sentence.index
        own = in_article(sentence.form, sentence.article, sentence.index, said_before, inside.get(where, ""))
        follows = k > 0 and (brief[k - 1].article, brief[k - 1].index) == (sentence.article, sentence.index - 1)
        noun = naming(own.noun) if own.noun else None
        named = noun is not None and any(noun.search(earlier.text) for earlier in brief[:k])
        # a connective left in ("But the spillway…") leans on the sentence before whatever the brief names
        result.append(not follows and (bool(CONNECTIVE.match(sentence.text)) or (bool(own.leans) and not named)))
    return result


def _singular(noun: str) -> str:
    plural = noun.endswith("s") and not noun.endswith(("ss", "us", "is", "ews"))  # not "news", "bus", "crisis"
    return noun[:-1] if plural else noun


def naming(noun: str) -> re.Pattern[str]:
    """What names the noun a definite reference points back at, in a sentence before it ("statement",
    "statements"), which resolves the reference."""
    return re.compile(rf"\b{_singular(noun)}(?:e?s)?\b", re.IGNORECASE)


def named_among(noun: str, words: Set[str]) -> bool:
    """Whether a text whose lower-cased word runs are ``words`` names the noun as ``naming`` finds it: for many
    nouns in a long text (an update brief's earlier articles), one set of words instead of a search per noun."""
    singular = _singular(noun)
    return singular in words or f"{singular}s" in words or f"{singular}es" in words


def in_article(form: Form, article: str, index: int, said_before: SaidBefore | None = None, inside: str = "") -> Form:
    """A sentence's form where it stands: an article's first sentence introduces its story, so a reference there
    ("The two Israelis arrested in Cyprus…") is to what it says itself, or its headline, not to a sentence before;
    a definite subject (j) or phrase (l) leans on the sentence before where its article said the noun before
    (``said_before``); a sentence that begins inside a quotation is someone's words ("No police."): it leans on
    the sentence before, back to the one that opens the quotation, and where the quotation goes on past it
    (``inside`` is "inside", not "quote") it may come only before the sentence that closes it (``select``)."""
    if inside:
        return Form(form.trim, inside)
    if form.leans == "reference" and index == 0:
        return Form(form.trim)
    if said_before is not None:
        for noun in (form.subject, *form.mentions) if form.subject else form.mentions:
            if said_before(article, index, noun):
                return Form(form.trim, "definite", noun)
    return form
