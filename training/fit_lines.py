"""Fit the line model: is a paragraph content, page chrome or assistant residue, and is chrome links?

    python training/fit_lines.py [--out src/corpus_split/data/line_model.json]
                                 [--leave-out SOURCE] [--report]

Material (read from ``../shared``): the labelled web pages of ``corpora/pages.jsonl.gz``,
``dev/`` half A (never half B), and the chat-model responses of
``corpora/llm-articles.jsonl.gz`` with their preambles and sign-offs, of the models not
held back for reporting (every fifth model, sorted by name, is held back). Deterministic:
the same data gives the same weights.

``--leave-out pages/cleaneval`` (say) fits without one source and reports on it.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    CHROME,
    CLASSES,
    ROOT,
    LabelledDoc,
    llm_models,
    load_dev,
    load_excerpts,
    load_llm,
    load_pages,
)

from corpus_split.context import FEATURE_NAMES, paragraph_vectors, paragraphs
from corpus_split.features import line_features
from corpus_split.lines import split_lines
from corpus_split.scores import expand, neighbour_features

VERSION = 1
# How much one document of each kind weighs in fitting, against one labelled web page. Dev A
# is annotated in this project's own conventions (comments are articles, bylines are
# boilerplate), which the pages' gold does not share, so each of its documents counts more.
DEV_WEIGHT = 8.0
LLM_WEIGHT = 0.4
# Short excerpts of real articles (all content), so that a short document is not taken for chrome.
EXCERPT_SOURCES = ("news-en.jsonl.gz", "news-multi.jsonl.gz", "web-misc.jsonl.gz", "wiki-sections.jsonl.gz")
EXCERPTS_EACH = 500
EXCERPT_WEIGHT = 0.5


def held_back_models() -> set[str]:
    """Chat models never used in fitting: every fifth by sorted name, for residue recall."""
    return set(llm_models()[::5])


def label_paragraphs(
    doc: LabelledDoc,
) -> tuple[list[list[float]], list[str | None], list[str], list[int]]:
    """Feature vectors, labels, sub-labels and character weights of a document's paragraphs."""
    layout = split_lines(doc.text)
    paras = paragraphs(layout)
    feats = [line_features(p.text) for p in paras]
    vectors = paragraph_vectors(layout, paras, feats)
    ranges = sorted(doc.ranges)
    starts = [r[0] for r in ranges]
    labels: list[str | None] = []
    subs: list[str] = []
    weights: list[int] = []
    for p in paras:
        votes: Counter[tuple[str, str]] = Counter()
        for line in layout.lines[p.first:p.end]:
            hit = None
            k = bisect.bisect_right(starts, line.start) - 1
            # the last (innermost) range holding the line's start
            for r in ranges[max(0, k - 3): k + 1]:
                if r[0] <= line.start < max(r[1], r[0] + 1):
                    hit = r
            if hit is not None:
                votes[(hit[2], hit[3])] += len(line.text)
        if votes:
            (lab, sub), _ = votes.most_common(1)[0]
            labels.append(lab)
            subs.append(sub)
        else:
            labels.append(None)
            subs.append("")
        weights.append(len(p.text))
    return vectors, labels, subs, weights


@dataclass
class Rows:
    """Every paragraph of every document (for the neighbour features) and which are labelled."""

    docs: list[tuple[list[list[float]], list[int | None], list[float], list[str]]] = field(
        default_factory=list)

    def add(self, docs: list[LabelledDoc], doc_weight: float) -> None:
        """Each document weighs ``doc_weight`` in all, spread by the square root of characters."""
        for doc in docs:
            vectors, labels, sub, weights = label_paragraphs(doc)
            kept = [k for k, lab in enumerate(labels) if lab is not None]
            total = sum(math.sqrt(weights[k]) for k in kept) or 1.0
            ys = [CLASSES.index(lab) if lab is not None else None for lab in labels]
            ws = [doc_weight * math.sqrt(weights[k]) / total for k in range(len(labels))]
            self.docs.append(([expand(v) for v in vectors], ys, ws, sub))

    def labelled(self, which: list[int] | None = None) -> tuple[list[list[float]], list[int], list[float]]:
        X, y, w = [], [], []
        for d in which if which is not None else range(len(self.docs)):
            xs, ys, ws, _ = self.docs[d]
            for x, lab, wt in zip(xs, ys, ws):
                if lab is not None:
                    X.append(x)
                    y.append(lab)
                    w.append(wt)
        return X, y, w


def probabilities(
    model: LogisticRegression, mean: np.ndarray, scale: np.ndarray, xs: list[list[float]],
) -> list[list[float]]:
    """Probabilities in CLASSES order."""
    if not xs:
        return []
    p = model.predict_proba((np.asarray(xs, dtype=float) - mean) / scale)
    out = np.zeros((len(xs), len(CLASSES)))
    for j, c in enumerate(model.classes_):
        out[:, c] = p[:, j]
    return out.tolist()


def fit(
    X: list[list[float]], y: list[int], w: list[float], c: float,
) -> tuple[np.ndarray, np.ndarray, LogisticRegression]:
    A = np.asarray(X, dtype=float)
    mean = A.mean(axis=0)
    scale = A.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=400, tol=1e-3)
    model.fit((A - mean) / scale, np.asarray(y), sample_weight=np.asarray(w) * len(w) / sum(w))
    return mean, scale, model


def export(mean: np.ndarray, scale: np.ndarray, model: LogisticRegression) -> dict[str, object]:
    """Fold the standardisation into the weights: score = b + sum(w_i * x_i)."""
    coef = np.asarray(model.coef_) / np.asarray(scale)
    bias = np.asarray(model.intercept_) - coef @ np.asarray(mean)
    classes = [CLASSES[k] for k in model.classes_]
    if coef.shape[0] == 1:  # binary: class 1 against class 0
        coef = np.vstack([-coef / 2, coef / 2])
        bias = np.asarray([-bias[0] / 2, bias[0] / 2])
    return {"classes": classes, "weights": [[round(v, 6) for v in row] for row in coef.tolist()],
            "bias": [round(v, 6) for v in bias.tolist()]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path,
                        default=ROOT / "src" / "corpus_split" / "data" / "line_model.json")
    parser.add_argument("--leave-out", default=None, help="a pages source (pages/NAME) to fit without")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--dev-weight", type=float, default=DEV_WEIGHT,
                        help="weight of each dev A document against a labelled page's 1")
    args = parser.parse_args()
    held = held_back_models()
    leave = args.leave_out.split("/", 1)[1] if args.leave_out else None
    pages = list(load_pages(exclude_source=leave))
    dev_a = list(load_dev("A"))
    llm = list(load_llm(exclude=held))
    excerpts = [doc for name in EXCERPT_SOURCES for doc in load_excerpts(name, EXCERPTS_EACH)]
    print(f"pages {len(pages)}, dev A {len(dev_a)}, llm {len(llm)} (held back models: {len(held)}), "
          f"excerpts {len(excerpts)}")
    rows = Rows()
    for docs, weight in ((pages, 1.0), (dev_a, args.dev_weight), (llm, LLM_WEIGHT),
                         (excerpts, EXCERPT_WEIGHT)):
        rows.add(docs, weight)
    X, y, w = rows.labelled()
    print("rows", len(X), Counter(CLASSES[k] for k in y))
    mean, scale, first = fit(X, y, w, args.c)
    # the second pass learns from the first pass's verdicts on the neighbours; those verdicts
    # come from models that did not see the document (three folds by document)
    folds = 3
    X2, y2, w2 = [], [], []
    for f in range(folds):
        train = [d for d in range(len(rows.docs)) if d % folds != f]
        fm, fs, fmodel = fit(*rows.labelled(train), args.c)
        for d in range(f, len(rows.docs), folds):
            xs, ys, ws, _ = rows.docs[d]
            extra = neighbour_features(probabilities(fmodel, fm, fs, xs))
            for x, e, lab, wt in zip(xs, extra, ys, ws):
                if lab is not None:
                    X2.append(x + e)
                    y2.append(lab)
                    w2.append(wt)
    mean2, scale2, second = fit(X2, y2, w2, args.c)
    # links against other chrome: dev A only (the pages' gold does not tell them apart)
    dev_rows = Rows()
    dev_rows.add(dev_a, 1.0)
    Xl, yl, wl = [], [], []
    for xs, ys, ws, subs in dev_rows.docs:
        for x, lab, wt, sub in zip(xs, ys, ws, subs):
            if lab is not None and CLASSES[lab] == CHROME:
                Xl.append(x)
                yl.append(1 if sub == "links" else 0)
                wl.append(wt)
    lmean, lscale, lmodel = fit(Xl, yl, wl, 0.3)
    links_model = export(lmean, lscale, lmodel)
    links_model["classes"] = ["boilerplate", "links"]
    data = {
        "version": VERSION,
        "features": list(FEATURE_NAMES),
        "fitted_on": {"pages": len(pages), "dev_A": len(dev_a), "llm": len(llm), "excerpts": len(excerpts),
                      "left_out": args.leave_out, "llm_held_back_models": sorted(held)},
        "kind": export(mean, scale, first),
        "smoothed": export(mean2, scale2, second),
        "links": links_model,
    }
    args.out.write_text(json.dumps(data, indent=None, separators=(",", ":")) + "\n", encoding="utf-8")
    print("wrote", args.out, args.out.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
