"""Render an Analysis: JSON for programs (schema in the README) and a Markdown report for people, in which
everything taken from input is escaped (newsfuse.escape)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsfuse.anatomy.model import Analysis, Figure
from newsfuse.escape import markdown
from newsfuse.model import Article, Citation
from newsfuse.render import article_json, citation_json, markdown_table, note_lines

OUTPUTS = ("markdown", "json")
MAX_SHOWN_FACTS = 20


def analysis_json(analysis: Analysis, include_text: bool = False) -> dict[str, Any]:
    def figure(f: Figure) -> dict[str, Any]:
        return {"value": f.value, "text": f.text, "unit": f.unit, "counts": f.counts, "where": citation_json(f.where)}

    return {
        "articles": [
            {**article_json(a, include_text), "opinion_share": analysis.opinion_share.get(a.id, 0.0)}
            for a in analysis.articles
        ],
        "entities": [
            {"name": e.name, "type": e.type, "variants": list(e.variants), "mentions": e.mentions}
            for e in analysis.entities
        ],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "speaker_is_entity": q.speaker_is_entity,
                "group": list(q.group),
                "how": q.how,
                "where": citation_json(q.where),
                "also_in": list(q.also_in),
            }
            for q in analysis.quotes
        ],
        "timeline": [
            {
                "start": e.start,
                "end": e.end,
                "granularity": e.granularity,
                "expression": e.expression,
                "sentence": e.sentence,
                "where": citation_json(e.where),
                "sources": list(e.sources),
            }
            for e in analysis.timeline
        ],
        "figures": [figure(f) for f in analysis.figures],
        "conflicts": [
            {
                "quantity": c.quantity,
                "figures": [figure(f) for f in c.figures],
                "how": c.how,
                "sentences": [citation_json(w) for w in c.sentences],
            }
            for c in analysis.conflicts
        ],
        "facts": [
            {
                "text": f.text,
                "where": citation_json(f.where),
                "reported_by": list(f.reported_by),
                "outlets": list(f.outlets),
                "single_source": f.single_source,
            }
            for f in analysis.facts
        ],
        "opinion": [
            {"where": citation_json(j.where), "score": j.score, "opinion": j.opinion, "cues": list(j.cues)}
            for j in analysis.opinion
        ],
        "warnings": list(analysis.warnings),
        "language": analysis.language,
        "skipped": list(analysis.skipped),
    }


def _outlet(article: Article) -> str:
    return markdown(article.outlet)


def _names(ids: Sequence[str], articles: dict[str, Article]) -> str:
    return ", ".join(_outlet(articles[i]) for i in ids)


def _quoted(articles: dict[str, Article], where: Citation) -> str:
    return markdown(articles[where.article].text[where.start : where.end])


def analysis_markdown(analysis: Analysis) -> str:
    articles = {a.id: a for a in analysis.articles}
    reporting_first = sorted(analysis.articles, key=lambda a: analysis.opinion_share.get(a.id, 0.0))
    title = next((a.title for a in reporting_first if a.title), "") or "the story"
    out = [f"# Anatomy of {markdown(title)}", ""]
    out += note_lines(analysis.warnings)
    out += ["## Sources", ""]
    rows = [
        [
            markdown(a.id),
            _outlet(a),
            markdown(a.published or "–"),
            str(a.words),
            f"{analysis.opinion_share.get(a.id, 0.0):.0%}",
        ]
        for a in analysis.articles
    ]
    out += [markdown_table(["id", "outlet", "published", "words", "opinion"], rows), ""]
    out += ["## Who and where", ""]
    rows = [
        [
            markdown(e.name),
            markdown(e.type),
            ", ".join(f"{_outlet(articles[a])} {n}" for a, n in e.mentions.items()),
            ", ".join(markdown(v) for v in e.variants if v != e.name) or "–",
        ]
        for e in analysis.entities
    ]
    out += [markdown_table(["name", "type", "mentions", "also written"], rows) if rows else "None found.", ""]
    out += ["## Who said what", ""]
    for q in analysis.quotes:
        speaker = f"**{markdown(q.speaker)}**" if q.speaker else "*unattributed*"
        also = f"; also in {_names(q.also_in, articles)}" if q.also_in else ""
        out.append(f"- {speaker}: “{markdown(q.text)}” ({_outlet(articles[q.where.article])}{also})")
    out += (["None found."] if not analysis.quotes else []) + ["", "## Timeline", ""]
    for e in analysis.timeline:
        when = "undated" if not e.start else e.start if e.start == e.end else f"{e.start} – {e.end}"
        said = f"({markdown(e.expression)}): {markdown(e.sentence)}"
        out.append(f"- **{markdown(when)}** {said} — {_names(e.sources, articles)}")
    out += (["None found."] if not analysis.timeline else []) + ["", "## Figures", ""]
    if analysis.conflicts:
        out += ["Outlets disagree on:", ""]
        for c in analysis.conflicts:
            if c.how in ("meaning", "words"):
                said = " / ".join(f"“{_quoted(articles, w)}” ({_outlet(articles[w.article])})" for w in c.sentences)
                out.append(f"- **{markdown(c.quantity)}**, the same report with other figures: {said}")
                continue
            given = "; ".join(f"{markdown(f.text)} ({_outlet(articles[f.where.article])})" for f in c.figures)
            out.append(f"- **{markdown(c.quantity)}**: {given}")
        out.append("")
    rows = [[markdown(f.text), markdown(f.counts), _outlet(articles[f.where.article])] for f in analysis.figures]
    out += [markdown_table(["figure", "counts", "outlet"], rows) if rows else "None found.", ""]
    single = [f for f in analysis.facts if f.single_source]
    shared = len(analysis.facts) - len(single)
    out += ["## Corroboration", ""]
    out += [f"{len(analysis.facts)} fact-bearing sentences: {shared} reported by more than one outlet, "]
    out[-1] += f"{len(single)} by one only." + (" Single-source:" if single else "")
    out += [""] + [
        f"- {markdown(f.text)} (only {_outlet(articles[f.where.article])})" for f in single[:MAX_SHOWN_FACTS]
    ]
    if len(single) > MAX_SHOWN_FACTS:
        out.append(f"- … and {len(single) - MAX_SHOWN_FACTS} more (JSON output has them all)")
    out += ["", "## Opinion", ""]
    opinion = [j for j in analysis.opinion if j.opinion]
    for j in opinion:
        text = markdown(articles[j.where.article].text[j.where.start : j.where.end])
        cues = ", ".join(map(markdown, j.cues))
        out.append(f"- {text} ({_outlet(articles[j.where.article])}; score {j.score:.2f}: {cues})")
    out += ["No sentence reads as opinion."] if not opinion else []
    return "\n".join(out).rstrip() + "\n"


def render_analysis(analysis: Analysis, output: str = "markdown", include_text: bool = False) -> str:
    if output == "json":
        return json.dumps(analysis_json(analysis, include_text), indent=2, ensure_ascii=False)
    return analysis_markdown(analysis)
