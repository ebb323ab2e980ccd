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
from scipy import sparse
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    CHROME,
    CLASSES,
    ROOT,
    LabelledDoc,
    held_back_models,
    load_dev,
    load_excerpts,
    load_llm,
    load_pages,
)

from corpus_split.context import FEATURE_NAMES, paragraph_vectors, paragraphs, short_tokens
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
# The lexicon: words of short paragraphs seen in at least this many training documents, at most
# this many words (weights under 0.05 are not shipped).
LEXICON_MIN_DOCS = 25
LEXICON_SIZE = 3000


def label_paragraphs(
    doc: LabelledDoc,
) -> tuple[list[list[float]], list[str | None], list[str], list[int], list[tuple[str, ...]]]:
    """Feature vectors, labels, sub-labels, character weights and lexicon words of the paragraphs."""
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
    return vectors, labels, subs, weights, [short_tokens(p.text) for p in paras]


@dataclass
class Doc:
    """One document's paragraphs: model inputs, lexicon words, labels (None: unlabelled), weights."""

    xs: list[list[float]]
    tokens: list[tuple[str, ...]]
    ys: list[int | None]
    ws: list[float]
    subs: list[str]


@dataclass
class Rows:
    """Every paragraph of every document (for the neighbour features) and which are labelled."""

    docs: list[Doc] = field(default_factory=list)

    def add(self, docs: list[LabelledDoc], doc_weight: float) -> None:
        """Each document weighs ``doc_weight`` in all, spread by the square root of characters."""
        for doc in docs:
            vectors, labels, sub, weights, tokens = label_paragraphs(doc)
            kept = [k for k, lab in enumerate(labels) if lab is not None]
            total = sum(math.sqrt(weights[k]) for k in kept) or 1.0
            ys = [CLASSES.index(lab) if lab is not None else None for lab in labels]
            ws = [doc_weight * math.sqrt(weights[k]) / total for k in range(len(labels))]
            self.docs.append(Doc([expand(v) for v in vectors], tokens, ys, ws, sub))

    def labelled(self, which: list[int] | None = None) -> tuple[list[list[float]], list[tuple[str, ...]],
                                                               list[int], list[float]]:
        X, T, y, w = [], [], [], []
        for d in which if which is not None else range(len(self.docs)):
            doc = self.docs[d]
            for x, t, lab, wt in zip(doc.xs, doc.tokens, doc.ys, doc.ws):
                if lab is not None:
                    X.append(x)
                    T.append(t)
                    y.append(lab)
                    w.append(wt)
        return X, T, y, w

    def vocabulary(self) -> list[str]:
        """Words of short paragraphs found in at least LEXICON_MIN_DOCS documents (most frequent first)."""
        df: Counter[str] = Counter()
        for doc in self.docs:
            df.update({t for tokens, lab in zip(doc.tokens, doc.ys) if lab is not None for t in tokens})
        common = [(n, t) for t, n in df.items() if n >= LEXICON_MIN_DOCS]
        return [t for _, t in sorted(common, key=lambda nt: (-nt[0], nt[1]))[:LEXICON_SIZE]]


@dataclass
class Fitted:
    """A fitted linear model with its standardisation and (for the first pass) its lexicon."""

    mean: np.ndarray
    scale: np.ndarray
    model: LogisticRegression
    vocab: dict[str, int]

    def design(self, X: list[list[float]], T: list[tuple[str, ...]] | None) -> sparse.csr_matrix:
        dense = sparse.csr_matrix((np.asarray(X, dtype=float) - self.mean) / self.scale)
        if not self.vocab:
            return dense
        rows, cols, vals = [], [], []
        for r, tokens in enumerate(T or []):
            for t in tokens:
                if t in self.vocab:
                    rows.append(r)
                    cols.append(self.vocab[t])
                    vals.append(1.0)
        lex = sparse.csr_matrix((vals, (rows, cols)), shape=(len(X), len(self.vocab)))
        return sparse.hstack([dense, lex], format="csr")

    def probabilities(
        self, X: list[list[float]], T: list[tuple[str, ...]] | None = None,
    ) -> list[list[float]]:
        """Probabilities in CLASSES order."""
        if not X:
            return []
        p = self.model.predict_proba(self.design(X, T))
        out = np.zeros((len(X), len(CLASSES)))
        for j, c in enumerate(self.model.classes_):
            out[:, c] = p[:, j]
        return out.tolist()


def fit(X: list[list[float]], y: list[int], w: list[float], c: float,
        T: list[tuple[str, ...]] | None = None, vocab: list[str] | None = None) -> Fitted:
    A = np.asarray(X, dtype=float)
    mean = A.mean(axis=0)
    scale = A.std(axis=0)
    scale[scale == 0] = 1.0
    fitted = Fitted(mean, scale, LogisticRegression(C=c, max_iter=1000, tol=1e-4 if vocab else 1e-3),
                    {t: k for k, t in enumerate(vocab or [])})
    fitted.model.fit(fitted.design(X, T), np.asarray(y), sample_weight=np.asarray(w) * len(w) / sum(w))
    return fitted


def export(fitted: Fitted) -> dict[str, object]:
    """Fold the standardisation into the weights: score = b + sum(w_i * x_i); lexicon apart."""
    model = fitted.model
    d = len(fitted.mean)
    full = np.asarray(model.coef_)
    coef = full[:, :d] / fitted.scale
    bias = np.asarray(model.intercept_) - coef @ fitted.mean
    classes = [CLASSES[k] for k in model.classes_]
    if coef.shape[0] == 1:  # binary: class 1 against class 0
        coef = np.vstack([-coef / 2, coef / 2])
        bias = np.asarray([-bias[0] / 2, bias[0] / 2])
    out: dict[str, object] = {
        "classes": classes, "weights": [[round(v, 6) for v in row] for row in coef.tolist()],
        "bias": [round(v, 6) for v in bias.tolist()]}
    if fitted.vocab:
        lex = full[:, d:]
        out["lexicon"] = {t: [round(float(v), 4) for v in lex[:, k]] for t, k in fitted.vocab.items()
                          if np.abs(lex[:, k]).max() >= 0.05}
    return out


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
    X, T, y, w = rows.labelled()
    vocab = rows.vocabulary()
    print("rows", len(X), Counter(CLASSES[k] for k in y), "lexicon", len(vocab))
    first = fit(X, y, w, args.c, T, vocab)
    # the second pass learns from the first pass's verdicts on the neighbours; those verdicts
    # come from models that did not see the document (three folds by document)
    folds = 3
    X2, y2, w2 = [], [], []
    for f in range(folds):
        train = [d for d in range(len(rows.docs)) if d % folds != f]
        Xf, Tf, yf, wf = rows.labelled(train)
        fold = fit(Xf, yf, wf, args.c, Tf, vocab)
        for d in range(f, len(rows.docs), folds):
            doc = rows.docs[d]
            extra = neighbour_features(fold.probabilities(doc.xs, doc.tokens))
            for x, e, lab, wt in zip(doc.xs, extra, doc.ys, doc.ws):
                if lab is not None:
                    X2.append(x + e)
                    y2.append(lab)
                    w2.append(wt)
    second = fit(X2, y2, w2, args.c)
    # links against other chrome: dev A only (the pages' gold does not tell them apart)
    dev_rows = Rows()
    dev_rows.add(dev_a, 1.0)
    Xl, yl, wl = [], [], []
    for doc in dev_rows.docs:
        for x, lab, wt, sub in zip(doc.xs, doc.ys, doc.ws, doc.subs):
            if lab is not None and CLASSES[lab] == CHROME:
                Xl.append(x)
                yl.append(1 if sub == "links" else 0)
                wl.append(wt)
    links_model = export(fit(Xl, yl, wl, 0.3))
    links_model["classes"] = ["boilerplate", "links"]
    kind = export(first)
    lexicon = kind.pop("lexicon", {})
    data = {
        "version": VERSION,
        "features": list(FEATURE_NAMES),
        "fitted_on": {"pages": len(pages), "dev_A": len(dev_a), "llm": len(llm), "excerpts": len(excerpts),
                      "left_out": args.leave_out, "llm_held_back_models": sorted(held)},
        "kind": kind,
        "lexicon": lexicon,
        "smoothed": export(second),
        "links": links_model,
    }
    args.out.write_text(json.dumps(data, indent=None, separators=(",", ":")) + "\n", encoding="utf-8")
    print("wrote", args.out, args.out.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
