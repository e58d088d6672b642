"""The same-fact judgement on MSRP: news sentences from different outlets, labelled "same fact or not".

    python bench/msrp.py [--train] [--data ../shared/data/msrp]

``--train`` fits the judge on the train split and writes ``src/newsfuse/models/same_fact.json`` (needs
scikit-learn): the document frequencies of the train sentences' stems (for the idf features), then a logistic
regression over the standardised features, its threshold chosen for accuracy on 5-fold cross-validation on
train (three shuffles). Without ``--train`` the shipped model is only evaluated. The dev split is never used to
fit or choose anything. Side by side on dev: newsfuse's judgement (the model with its denial rule: "not",
"never" or "denied" on one side only is never the same content), the model alone, what corroborates (MSRP calls
many pairs with other figures paraphrases; newsfuse calls them conflicts, not corroboration), the lexical
judgement newsfuse used before (term-vector cosine ≥ 0.35 over stems of content words, idf from the train
sentences: the brief's corroboration rule), the semantic cosine alone (threshold chosen on train), and always
answering "same".
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import Stemmer

from newsfuse.meaning import load_meaning
from newsfuse.render import markdown_table
from newsfuse.samefact import FEATURES, Judge, SameFact, load_judge
from newsfuse.sides import TOKEN
from newsfuse.text import STOPWORDS

ROOT = Path(__file__).resolve().parent.parent
LEXICAL = 0.35  # attribute.CORROBORATION
MODEL = ROOT / "src/newsfuse/models/same_fact.json"
C = 0.1  # the logistic model's inverse regularisation: 0.03, 0.1 and 1 compared by cross-validation on train


def read(path: Path) -> tuple[list[tuple[str, str]], np.ndarray]:
    pairs, labels = [], []
    with path.open(encoding="utf-8-sig") as lines:
        next(lines)
        for line in lines:
            quality, _, _, a, b = line.rstrip("\n").split("\t")[:5]
            pairs.append((a, b))
            labels.append(int(quality))
    return pairs, np.array(labels, bool)


def scores(predicted: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    hits = int((predicted & truth).sum())
    f1 = 2 * hits / max(1, int(predicted.sum()) + int(truth.sum()))
    return float((predicted == truth).mean()), f1


def frequencies(pairs: list[tuple[str, str]]) -> tuple[dict[str, int], int]:
    """Per stem, how many distinct sentences hold it (stems seen once are left out: they get the largest idf)."""
    stemmer = Stemmer.Stemmer("english")
    sentences = list(dict.fromkeys(s for pair in pairs for s in pair))
    df = Counter(t for s in sentences for t in set(stemmer.stemWords([w.lower() for w in TOKEN.findall(s)])))
    return {t: n for t, n in sorted(df.items()) if n >= 2}, len(sentences)


def lexical(pairs: list[tuple[str, str]], idf_pairs: list[tuple[str, str]]) -> np.ndarray:
    stemmer = Stemmer.Stemmer("english")

    def terms(text: str) -> Counter[str]:
        words = [w.lower() for w in TOKEN.findall(text) if w.lower() not in STOPWORDS and len(w) > 1]
        return Counter(stemmer.stemWords(words))

    sentences = [s for pair in idf_pairs for s in pair]
    df = Counter(t for s in sentences for t in terms(s))
    idf = {t: math.log((len(sentences) + 1) / (n + 0.5)) for t, n in df.items()}
    fallback = math.log(len(sentences) + 1)

    def vector(text: str) -> dict[str, float]:
        return {t: (1 + math.log(n)) * idf.get(t, fallback) for t, n in terms(text).items()}

    cosines = []
    for a, b in pairs:
        va, vb = vector(a), vector(b)
        dot = sum(w * vb.get(t, 0.0) for t, w in va.items())
        norm = math.sqrt(sum(w * w for w in va.values()) * sum(w * w for w in vb.values())) or 1.0
        cosines.append(dot / norm)
    return np.array(cosines)


def train(pairs: list[tuple[str, str]], y: np.ndarray) -> Judge:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    df, sentences = frequencies(pairs)
    n = len(FEATURES)
    unfitted = Judge(np.zeros(n), np.ones(n), np.zeros(n), 0.0, 0.5, df, sentences, {})
    x = SameFact(load_meaning(), unfitted).features(pairs)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / scale
    thresholds = np.round(np.arange(0.30, 0.71, 0.01), 2)
    accuracy, f1 = np.zeros(len(thresholds)), np.zeros(len(thresholds))
    for seed in (0, 1, 2):
        held_out = np.zeros(len(y))
        for fit, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(z, y):
            model = LogisticRegression(C=C, max_iter=5000).fit(z[fit], y[fit])
            held_out[test] = model.predict_proba(z[test])[:, 1]
        accuracy += [scores(held_out >= t, y)[0] / 3 for t in thresholds]
        f1 += [scores(held_out >= t, y)[1] / 3 for t in thresholds]
    best = int(np.argmax(accuracy))
    model = LogisticRegression(C=C, max_iter=5000).fit(z, y)
    about = {
        "data": "MSRP train",
        "pairs": len(y),
        "model": f"logistic regression, C={C}, standardised features",
        "cv accuracy": round(float(accuracy[best]), 4),
        "cv f1": round(float(f1[best]), 4),
        "cv": "5-fold, 3 shuffles, threshold chosen on the held-out probabilities",
    }
    return Judge(mean, scale, model.coef_[0], float(model.intercept_[0]), float(thresholds[best]), df, sentences, about)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "msrp"), help="the MSRP folder")
    parser.add_argument("--train", action="store_true", help="fit the judge on train and ship it")
    args = parser.parse_args(argv)
    train_pairs, train_labels = read(Path(args.data) / "msr_paraphrase_train.txt")
    dev_pairs, dev_labels = read(Path(args.data) / "msr_paraphrase_dev.txt")
    if args.train:
        judge = train(train_pairs, train_labels)
        MODEL.write_text(json.dumps(judge.to_json(), separators=(",", ":")) + "\n")
        print(f"trained on {len(train_pairs)} train pairs: threshold {judge.threshold}, {judge.about}")
    started = time.process_time()
    meaning = load_meaning()
    loaded = time.process_time() - started
    same = SameFact(meaning, load_judge())
    started = time.process_time()
    verdicts = same.judge_pairs(dev_pairs)
    seconds = time.process_time() - started
    agree = np.array([v.agree for v in verdicts])
    corroborates = np.array([v.same for v in verdicts])
    probability = same.probability(dev_pairs)
    train_cosine = same.features(train_pairs)[:, FEATURES.index("cosine")]
    cut = max(np.arange(0.3, 1.0, 0.01), key=lambda t: ((train_cosine >= t) == train_labels).mean())
    dev_cosine = same.features(dev_pairs)[:, FEATURES.index("cosine")]
    rows = []
    for name, predicted in (
        ("newsfuse same-fact judgement (model + denial rule)", agree),
        ("newsfuse same-fact model alone", probability >= same.judge.threshold),
        ("corroboration only (a pair whose figures differ: a conflict)", corroborates),
        (f"semantic cosine alone (≥ {cut:.2f}, chosen on train)", dev_cosine >= cut),
        (f"lexical judgement before (term cosine ≥ {LEXICAL})", lexical(dev_pairs, train_pairs) >= LEXICAL),
        ("always 'same'", np.ones(len(dev_labels), bool)),
    ):
        accuracy, f1 = scores(predicted, dev_labels)
        rows.append([name, f"{100 * accuracy:.1f}", f"{100 * f1:.1f}"])
    print(f"MSRP dev: {len(dev_pairs)} pairs, {100 * dev_labels.mean():.1f}% the same fact")
    about = same.judge.about
    cv = f"accuracy {about['cv accuracy']}, F1 {about['cv f1']}"
    print(f"train cross-validation (threshold {same.judge.threshold}): {cv}\n")
    print(markdown_table(["judgement", "accuracy %", "F1 %"], rows))
    per_pair = 1000 * seconds / len(dev_pairs)
    print(f"\nmodel load {loaded:.2f} s CPU; judging {per_pair:.2f} ms CPU per pair (both sentences new)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
