"""Evaluation: ROUGE of every method against human reference summaries, with confidence intervals, and what
readers see that ROUGE hides.

Uses Google's ``rouge-score`` (stemming on). Its tokenizer keeps only ``[a-z0-9]``, so text in other scripts
scores nothing: ``tokenizer="unicode"`` counts words of every script instead (lower-cased, unstemmed, Chinese
and Japanese character by character, as ROUGE-1.5.5 was run for MultiLing). ROUGE-Lsum needs one sentence a
line; NLTK's punkt is not available offline, so summaries and references are split by newsfuse's own segmenter.
Other systems' summaries (``peers``) are scored in the same run, beside the methods. Per cluster a method
gets the best score over its references ("max") and the mean over them ("avg"); averages over clusters get a
95% bootstrap confidence interval and a paired bootstrap p-value against ``lead``. The DUC convention is
recall, averaged over the references, of the first N words of each output.

Reader-side, per method (definitions in ``newsfuse.readable`` and ``newsfuse.facts``): the share of brief sentences
with an unresolved opener, and the number of pairs of brief sentences that repeat a fact, per brief.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np

from newsfuse.datasets import Cluster
from newsfuse.errors import InputError
from newsfuse.evidence import subjects_said
from newsfuse.facts import repeated_pairs
from newsfuse.languages import MARKS
from newsfuse.model import Brief, Story
from newsfuse.pipeline import Pipeline, story_from, story_of
from newsfuse.progress import progress
from newsfuse.quotations import inside_quotations
from newsfuse.render import markdown_table
from newsfuse.segment import split_paragraph
from newsfuse.text import CJK
from newsfuse.tokens import Tokens, tokenize
from newsfuse.unresolved import Placed, unresolved

METRICS = ("rouge1", "rouge2", "rougeL", "rougeLsum")
LABELS = {"rouge1": "R-1", "rouge2": "R-2", "rougeL": "R-L", "rougeLsum": "R-Lsum"}
BOOTSTRAP = 1000
BASELINE = "lead"
BATCH = 25  # clusters per task: summarizers load once per batch, and the progress bar still moves
# A story as one language reads it (its tokens, and the sentences inside a quotation), for the reader-side figures
# of its briefs
Read = tuple[Story, Tokens, Mapping[tuple[str, int], str]]


@dataclass(frozen=True)
class Settings:
    methods: tuple[str, ...]
    words: int
    metric: str = "f1"  # or "recall" (the DUC convention)
    truncate: bool = False  # cut every output to its first ``words`` words (the DUC convention)
    tokenizer: str = "default"  # rouge-score's own (English), or "unicode" (any script)
    peers: dict[str, dict[str, str]] | None = None  # other systems' summaries: {system: {cluster id: summary}}
    focus: bool = False  # give newsfuse each cluster's topic as the brief's focus (query-focused data)

    @property
    def scored(self) -> tuple[str, ...]:
        """Every method and peer system, in table order."""
        return self.methods + tuple(self.peers or ())


class UnicodeTokenizer:
    """ROUGE tokens of any script: words of letters and digits (with their combining marks), lower-cased; a
    Chinese or Japanese character is a token of its own."""

    token = re.compile(rf"[{CJK}]|(?:[^\W_{CJK}]|[{MARKS}])+")

    def tokenize(self, text: str) -> list[str]:
        return self.token.findall(text.lower())


def sentence_lines(text: str) -> str:
    """One sentence a line, as rougeLsum expects."""
    return "\n".join(line[a:b] for line in text.splitlines() for a, b in split_paragraph(line))


def as_scored(brief: Brief | str | None, settings: Settings) -> str:
    """The text ROUGE scores: the summary, cut to its first ``words`` words under the DUC convention."""
    text = brief if isinstance(brief, str) else brief.summary if brief else ""
    if settings.truncate:
        text = " ".join(text.split()[: settings.words])
    return text


def reader_figures(brief: Brief | None, pipeline: Pipeline, read: dict[str, Read] | None = None) -> dict[str, int]:
    """Sentences, sentences with an unresolved opener, and pairs that repeat a fact, in one brief. ``read``: each
    language's reading of the story, kept by the caller for the story's other briefs (every method's brief is of
    the same articles)."""
    if brief is None:
        return {"sentences": 0, "unresolved": 0, "repeated": 0}
    language = pipeline.languages[brief.language]
    # English: every opener rule (with the words the story writes in lower case: no names; and what each article
    # said before a sentence, for definite subjects); elsewhere opening pronouns
    read = {} if read is None else read
    if brief.language not in read:  # as the brief's choice reads its story
        story = story_of(brief.articles)
        read[brief.language] = story, tokenize(story, language), inside_quotations(story)
    story, tokens, inside = read[brief.language]
    placed = [
        Placed(s.text, s.sources[0].article, s.sources[0].sentence, language.form(s.text, tokens.lower_case))
        for s in brief.sentences
    ]
    said = subjects_said(story, tokens, language, (p.form for p in placed))
    texts = [s.text for s in brief.sentences]
    return {
        "sentences": len(placed),
        "unresolved": sum(unresolved(placed, said, inside)),
        "repeated": repeated_pairs(texts, language.content_stems, counted=language.counts_things),
    }


def rouge(
    candidate: str, references: Iterable[str], metric: str = "f1", tokenizer: str = "default"
) -> dict[str, tuple[float, float]]:
    """ROUGE of one candidate against its references: metric → (max over references, mean over them), in %."""
    from rouge_score import rouge_scorer

    own = UnicodeTokenizer() if tokenizer == "unicode" else None
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=own is None, tokenizer=own)
    field = "fmeasure" if metric == "f1" else "recall"
    lined = sentence_lines(candidate)
    per_reference = []
    for reference in references:
        scores = scorer.score(sentence_lines(reference), lined)
        per_reference.append({m: 100 * getattr(scores[m], field) for m in METRICS})
    return {
        m: (max(r[m] for r in per_reference), sum(r[m] for r in per_reference) / len(per_reference)) for m in METRICS
    }


def score_clusters(
    clusters: list[Cluster], settings: Settings, pipeline: Pipeline | None = None
) -> list[dict[str, Any]]:
    """Per-cluster scores of every method; the models load once per call (or come with ``pipeline``)."""
    pipeline = pipeline or Pipeline()
    rows = []
    for cluster in clusters:
        row: dict[str, Any] = {"id": cluster.id, "reader": {}}
        # cleaned and segmented once, for every method
        story = story_from(cluster.documents, cluster.titles, cluster.language or None)
        read: dict[str, Read] = {}  # for the reader-side figures of every method's brief
        for method in settings.methods:
            focus = cluster.topic if settings.focus else ""
            brief = pipeline.brief(story, settings.words, method, focus=focus) if story.articles else None
            row[method] = rouge(as_scored(brief, settings), cluster.references, settings.metric, settings.tokenizer)
            row["reader"][method] = reader_figures(brief, pipeline, read)
        for system, summaries in (settings.peers or {}).items():
            text = as_scored(summaries.get(cluster.id, ""), settings)
            row[system] = rouge(text, cluster.references, settings.metric, settings.tokenizer)
        rows.append(row)
    return rows


def bootstrap_indices(n: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, n, size=(BOOTSTRAP, n))


def confidence_interval(values: np.ndarray, indices: np.ndarray) -> tuple[float, float]:
    means = values[indices].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def paired_p_value(values: np.ndarray, baseline: np.ndarray, indices: np.ndarray) -> float:
    """One-sided: the share of resamples in which the method does not beat the baseline."""
    differences = (values - baseline)[indices].mean(axis=1)
    return float((differences <= 0).mean())


def summarize_scores(rows: list[dict[str, Any]], methods: tuple[str, ...]) -> dict[str, Any]:
    indices = bootstrap_indices(len(rows))
    result: dict[str, Any] = {}
    for method in methods:
        result[method] = {}
        for metric in METRICS:
            result[method][metric] = {}
            for k, kind in enumerate(("max", "avg")):
                values = np.array([row[method][metric][k] for row in rows])
                entry: dict[str, Any] = {
                    "mean": float(values.mean()),
                    "ci95": confidence_interval(values, indices),
                }
                if BASELINE in methods and method != BASELINE:
                    baseline = np.array([row[BASELINE][metric][k] for row in rows])
                    entry["p_vs_lead"] = paired_p_value(values, baseline, indices)
                result[method][metric][kind] = entry
    return result


def evaluate(clusters: list[Cluster], settings: Settings, jobs: int | None = None, show: bool = True) -> dict[str, Any]:
    """Score every method on every cluster; returns all numbers, per-cluster scores included."""
    if not clusters:
        raise InputError("data", "no clusters to evaluate")
    jobs = jobs or os.cpu_count() or 1
    started = time.perf_counter()
    work = partial(score_clusters, settings=settings)
    batches = [clusters[i : i + BATCH] for i in range(0, len(clusters), BATCH)]
    with ProcessPoolExecutor(jobs) if jobs > 1 else nullcontext() as pool:
        done = pool.map(work, batches) if pool else map(work, batches)
        rows_iter = (row for batch in done for row in batch)
        rows = list(progress(rows_iter, len(clusters)) if show else rows_iter)
    return {
        "clusters": len(rows),
        "words": settings.words,
        "metric": settings.metric,
        "truncate": settings.truncate,
        "methods": list(settings.scored),
        "tokenizer": settings.tokenizer,
        "scores": summarize_scores(rows, settings.scored),
        "reader": reader_summary(rows, settings.methods),
        "per_cluster": rows,
        "seconds": round(time.perf_counter() - started, 1),
        "jobs": jobs,
    }


def reader_summary(rows: list[dict[str, Any]], methods: tuple[str, ...]) -> dict[str, dict[str, float]]:
    """Per method: the share of brief sentences with an unresolved opener, and repeated-fact pairs per brief."""
    result = {}
    for method in methods:
        figures = [row["reader"][method] for row in rows]
        sentences = sum(f["sentences"] for f in figures)
        result[method] = {
            "sentences": sentences,
            "unresolved_share": sum(f["unresolved"] for f in figures) / max(sentences, 1),
            "repeated_per_brief": sum(f["repeated"] for f in figures) / max(len(figures), 1),
        }
    return result


def format_reader_table(report: dict[str, Any]) -> str:
    rows = [
        [m, str(r["sentences"]), f"{100 * r['unresolved_share']:.1f}%", f"{r['repeated_per_brief']:.2f}"]
        for m, r in report["reader"].items()
    ]
    return markdown_table(["method", "brief sentences", "unresolved openers", "repeated-fact pairs per brief"], rows)


def format_table(report: dict[str, Any], kind: str = "max") -> str:
    """A Markdown table: mean [95% CI] per metric, and the p-value against lead for R-1 and R-2."""
    header = ["method", *[LABELS[m] for m in METRICS], "p R-1 vs lead", "p R-2 vs lead"]
    rows = []
    for method in report["methods"]:
        scores = report["scores"][method]
        cells = [method]
        for metric in METRICS:
            entry = scores[metric][kind]
            low, high = entry["ci95"]
            cells.append(f"{entry['mean']:.2f} [{low:.2f}, {high:.2f}]")
        for metric in ("rouge1", "rouge2"):
            p = scores[metric][kind].get("p_vs_lead")
            cells.append("-" if p is None else ("<0.001" if p == 0 else f"{p:.3f}"))
        rows.append(cells)
    return markdown_table(header, rows)
