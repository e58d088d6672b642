"""Render a Brief for people (text, markdown) and for programs (JSON, schema in the README).

Everything taken from input is escaped for the medium (newsfuse.escape); JSON escapes itself.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from newsfuse.escape import code, link, markdown, terminal
from newsfuse.model import Article, Brief, BriefSentence, Citation, outlets_of

OUTPUTS = ("text", "markdown", "json")


def article_json(article: Article, include_text: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "source": article.outlet,
        "url": article.url,
        "published": article.published,
        "author": article.author,
        "language": article.language or "en",
        "words": article.words,
    }
    if include_text:
        data["text"] = article.text
    return data


def citation_json(citation: Citation) -> dict[str, Any]:
    return {"article": citation.article, "sentence": citation.sentence, "start": citation.start, "end": citation.end}


def sentence_json(sentence: BriefSentence, outlet: Mapping[str, str]) -> dict[str, Any]:
    """One brief sentence; ``outlet``: each article's outlet, for its corroborating ``outlets``."""
    outlets = outlets_of(sentence.corroborated_by, outlet)
    return {
        "text": sentence.text,
        "sources": [citation_json(c) for c in sentence.sources],
        "corroborated_by": list(sentence.corroborated_by),
        "outlets": list(outlets),
        "single_source": len(outlets) == 1,
        "changes": [{"start": c.start, "end": c.end, "was": c.was, "now": c.now} for c in sentence.changes],
    }


def brief_json(brief: Brief, include_text: bool = False) -> dict[str, Any]:
    outlet = {a.id: a.outlet for a in brief.articles}
    return {
        "summary": brief.summary,
        "words": brief.words,
        "budget": brief.budget,
        "method": brief.method,
        "language": brief.language,
        "skipped": list(brief.skipped),
        "sentences": [sentence_json(s, outlet) for s in brief.sentences],
        "articles": [article_json(a, include_text) for a in brief.articles],
        "warnings": list(brief.warnings),
        "opinion": [citation_json(c) for c in brief.opinion],
    }


def as_text(brief: Brief) -> str:
    notes = "".join(f"\n\nNote: {terminal(w)}" for w in brief.warnings)
    return terminal(brief.summary) + notes


def as_markdown(brief: Brief) -> str:
    number = {a.id: n for n, a in enumerate(brief.articles, 1)}
    lead = brief.sentences[0].sources[0].article if brief.sentences else ""
    title = next((a.title for a in sorted(brief.articles, key=lambda a: a.id != lead) if a.title), "")
    lines = [f"# {markdown(title)}" if title else "# Brief", ""]
    body = []
    for s in brief.sentences:
        marks = "".join(f"[{number[a]}]" for a in s.corroborated_by)
        body.append(f"{markdown(s.text)} {marks}")
    lines += [" ".join(body), ""]
    lines += [f"*{brief.words} words, {len(brief.articles)} sources, method `{brief.method}`.*", ""]
    lines += note_lines(brief.warnings)
    lines.append("## Sources")
    lines.append("")
    for article in brief.articles:
        parts = [f"**{markdown(article.title or article.id)}**", markdown(article.outlet)]
        if article.author:
            parts.append(f"by {markdown(article.author)}")
        if article.published:
            parts.append(markdown(article.published))
        if article.url:
            parts.append(link(article.url))
        lines.append(f"{number[article.id]}. " + " — ".join(parts) + f" ({code(article.id)})")
    return "\n".join(lines)


def note_lines(warnings: tuple[str, ...] | list[str]) -> list[str]:
    """Markdown lines of notes: one blockquote paragraph each (lines next to each other would run into one),
    and a blank line after them."""
    lines = [line for w in warnings for line in (f"> Note: {markdown(w)}", ">")][:-1]
    return [*lines, ""] if lines else []


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table with aligned columns, for the reports; cells from input must come escaped
    (newsfuse.escape.markdown), or a ``|`` in one would split it."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def render(brief: Brief, output: str = "text", include_text: bool = False) -> str:
    if output == "json":
        return json.dumps(brief_json(brief, include_text), ensure_ascii=False, indent=2)
    if output == "markdown":
        return as_markdown(brief)
    return as_text(brief)
