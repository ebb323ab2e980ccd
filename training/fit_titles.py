"""Fit the title model: which line above an article's text (if any) is its title?

    python training/fit_titles.py [--out src/corpus_split/data/title_model.json] [--n 300]
                                  [--leave-out SOURCE] [--c 1.0]

Material (read from ``../shared``): ``dev/`` half A with its gold titles (never half B), and
pages glued by ``corpus_split.synthetic`` (page chrome, teaser runs, assistant residue,
repeated passages, four layouts that keep titles; titles as they are, in capitals or missing)
from English news of many outlets, multilingual news posts (the half no model is fitted on is
left out: ``training/held_back.py``), a sectioned Markdown wiki and Markdown how-to posts,
their Markdown shown as a page shows it two times in five. Reuters, the seeds and the
chat-model answers are not used.

Each article the shipped pipeline finds gives a set of candidate lines
(`corpus_split.kinds.title_candidates`) and their features (`title_vectors`); a candidate is
a title when it overlaps a gold title. A logistic regression over the standardised features
gives each candidate's chance; the likeliest candidate of an article is its title when that
chance reaches ``floor``. The floor, and whether boosted trees replace the logistic regression
(only when they beat it by TIE), are chosen for the best share of articles whose title (or its
absence) is right, the mean over six sets weighing the same: validation pages of each source,
glued from records no fit draws from (``common.validation_record``), and dev A cross-fitted
(each half scored by a model fitted without it). Printed: those shares, and each source's
share with that source left out of the fit.
Deterministic.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CONTENT, ROOT, LabelledDoc, load_dev, load_pages, validation_record
from fit_starts import flattened, records

from corpus_split import scores, synthetic
from corpus_split.boundaries import find_articles
from corpus_split.decode import decode
from corpus_split.features import line_words
from corpus_split.kinds import TITLE_FEATURES, assign_kinds
from corpus_split.lines import split_lines
from corpus_split.prelim import CONTENT_ROLES, read_roles
from corpus_split.repair import repair
from corpus_split.scores import TITLE_MODEL_VERSION
from corpus_split.synthetic import DamageOptions, Layout, SourceArticle

OUT = ROOT / "src" / "corpus_split" / "data" / "title_model.json"
SOURCES = ("news-en.jsonl.gz", "news-multi.jsonl.gz", "wiki-sections.jsonl.gz", "web-misc.jsonl.gz")
PAGES = "pages.jsonl.gz"  # real web pages, their lines labelled content or chrome
MARKDOWN = ("wiki-sections.jsonl.gz", "web-misc.jsonl.gz", "news-multi.jsonl.gz")
FLAT = 0.4  # share of Markdown records shown as their page shows them (no marks)
UNTITLED = 0.2  # share of articles glued without their title
UPPER_TEASERS = 0.25  # share of pages whose teaser headlines are in capitals, as titles may be
MAX_WORDS = 25  # a page's first line of main text longer than this is no title
MARKED, BOLD = 0.3, 0.1  # shares of Markdown posts whose title is written "# Title", "**Title**"
TREES, DEPTH, LEARNING_RATE, MIN_LEAF = 150, 3, 0.1, 20  # the boosted trees
TIE = 0.005  # the trees are shipped only when their mean share right beats the linear model's by this
DEV_WEIGHT = 5.0  # each dev A article's rows against one synthetic article's
FLOORS = tuple(round(0.05 * k, 2) for k in range(1, 19))
DAMAGE = DamageOptions(
    layouts=(Layout.BLANK_LINES, Layout.SINGLE_NEWLINE, Layout.HARD_WRAPPED, Layout.CRLF),
    mojibake=0.0, foreign_paragraph=0.0)
"""The synthetic damage in every layout that keeps titles; no mojibake (labels are offsets)."""


@dataclass
class Article:
    """One article the pipeline found: its candidates' features and which are titles."""

    rows: list[list[float]]
    labels: list[int]


@dataclass
class Material:
    source: str
    articles: list[Article] = field(default_factory=list)


def load(name: str) -> list[dict[str, object]]:
    """The records of corpus ``name`` no model is held back from, of 200 characters or more."""
    return [row for row in records(name, set()) if len(str(row.get("text") or "")) >= 200]


def paragraphs(row: dict[str, object], name: str, rng: random.Random) -> tuple[bool, tuple[str, ...]]:
    """The record's paragraphs (code blocks dropped, at most 12) and whether they keep their
    Markdown."""
    text = str(row["text"]).strip()
    flat = name not in MARKDOWN or rng.random() < FLAT
    if flat:
        text = flattened(text)
    paras = [p.strip() for p in text.split("\n\n") if p.strip() and not p.lstrip().startswith(("```", "~~~"))]
    if paras and paras[0].lstrip("#* ").strip().casefold() == str(row.get("title") or "").strip().casefold():
        paras = paras[1:]  # the text opens on its own title again (a scrape's headline)
    return not flat, tuple(paras[:12])


def styled(title: str, markdown: bool, rng: random.Random) -> str:
    """A Markdown post's title as its source may write it: under "#" or in bold, now and then."""
    style = rng.random() if markdown else 1.0
    return f"# {title}" if style < MARKED else f"**{title}**" if style < MARKED + BOLD else title


Doc = tuple[str, list[tuple[int, int]]]
"""A document's text and the spans of its gold titles."""


def synthetic_docs(name: str, rows: list[dict[str, object]], n: int, seed: str) -> list[Doc]:
    """``n`` glued pages of 1-4 of ``rows`` with the spans of their gold titles."""
    rng = random.Random(f"titles:{name}:{seed}")
    titled = [r for r in rows if str(r.get("title") or "").strip()]
    out = []
    for _ in range(n):
        chosen = [rng.choice(titled) for _ in range(1 if rng.random() < 0.3 else rng.randint(2, 4))]
        sources = []
        for r in chosen:
            markdown, paras = paragraphs(r, name, rng)
            title = None if rng.random() < UNTITLED else styled(str(r["title"]).strip(), markdown, rng)
            sources.append(SourceArticle(title, paras))
        sources = [s for s in sources if s.paragraphs]
        if not sources:
            continue
        teasers = [str(r["title"]).strip() for r in rng.sample(titled, 30) if r not in chosen]
        if rng.random() < UPPER_TEASERS:  # a wire's page: every headline in capitals, teasers too
            teasers = [t.upper() for t in teasers]
        doc = synthetic.generate(sources, rng, DAMAGE, teaser_titles=teasers)
        out.append((doc.text, [(s["start"], s["end"]) for s in doc.gold["spans"] if s["kind"] == "title"]))
    return out


def page_docs(pages: list[LabelledDoc], n: int, seed: str) -> list[Doc]:
    """``n`` real web pages (``pages.jsonl.gz``) whose main text opens on a headline-shaped line
    (at most `MAX_WORDS` words, no full stop at its end): that line is the page's title, and
    no other line is. Pages whose main text opens on a sentence are passed over (their gold
    may leave the title out)."""
    rng = random.Random(f"titles:pages:{seed}")
    out = []
    for page in rng.sample(pages, len(pages)):
        first = next(((a, b) for a, b, label, _ in page.ranges if label == CONTENT), None)
        if first is None:
            continue
        line = page.text[first[0]:first[1]].strip()
        if not line or len(line.split()) > MAX_WORDS or line.endswith((".", "。")):
            continue
        out.append((page.text, [first]))
        if len(out) == n:
            break
    return out


def dev_docs(docs: Sequence[LabelledDoc]) -> list[Doc]:
    """Dev documents with the spans of their gold titles."""
    return [(d.text, [(a, b) for a, b, _, kind in d.ranges if kind == "title"]) for d in docs]


def analyse(text: str, titles: list[tuple[int, int]]) -> list[Article]:
    """The shipped pipeline up to the kinds, each article's title candidates recorded (the gold
    title chosen, so that later articles see the layout they would with the right choice)."""
    source, _ = decode(text)
    repaired = repair(source)
    layout = split_lines(repaired.text, joined=True)
    roles, feats = read_roles(layout, True)
    words = line_words([line.text for line in layout.lines], [r in CONTENT_ROLES for r in roles])
    units, spans = find_articles(layout, roles, feats, words, 0.5)
    out: list[Article] = []

    def is_title(i: int) -> int:
        line = layout.lines[i]
        a, b = repaired.to_source(line.start), repaired.to_source(line.end)
        return int(any(a < e and s < b for s, e in titles))

    def record(candidates: Sequence[int], rows: Sequence[Sequence[float]]) -> int | None:
        labels = [is_title(i) for i in candidates]
        out.append(Article([list(r) for r in rows], labels))
        return next((i for i, y in zip(candidates, labels) if y), None)

    assign_kinds(layout, roles, words, units, spans, choose_title=record)
    return out


def build(name: str, docs: list[Doc]) -> Material:
    m = Material(name)
    for text, titles in docs:
        m.articles.extend(analyse(text, titles))
    return m


@dataclass
class Fitted:
    """A fitted model as the package reads it: linear ``weights`` or boosted ``trees``."""

    weights: np.ndarray | None
    bias: float
    trees: tuple[scores.StartTree, ...] = ()
    _model: scores.TitleModel | None = None

    def model(self, floor: float = 0.5) -> scores.TitleModel:
        weights = () if self.weights is None else tuple(float(v) for v in self.weights)
        return scores.TitleModel(TITLE_MODEL_VERSION, TITLE_FEATURES, weights, self.bias, floor, self.trees)

    def chances(self, rows: list[list[float]]) -> np.ndarray:
        if self._model is None:
            self._model = self.model()
        return np.asarray([self._model.probability(r) for r in rows])


def matrix(sets: Sequence[Material]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    X, y, w = [], [], []
    for m in sets:
        weight = DEV_WEIGHT if m.source.startswith("dev") else 1.0
        for a in m.articles:
            X.extend(a.rows)
            y.extend(a.labels)
            w.extend([weight] * len(a.labels))
    return np.asarray(X, dtype=float), np.asarray(y), np.asarray(w)


def fit_linear(sets: Sequence[Material], c: float) -> Fitted:
    """A logistic regression over the standardised features, folded back to raw features."""
    A, y, w = matrix(sets)
    mean, scale = A.mean(axis=0), A.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit((A - mean) / scale, y, sample_weight=w)
    coef = model.coef_[0] / scale
    return Fitted(np.round(coef, 6), round(float(model.intercept_[0] - coef @ mean), 6))


def fit_trees(sets: Sequence[Material]) -> Fitted:
    """Boosted regression trees (scikit-learn's GradientBoostingClassifier), exported as node
    arrays whose leaves hold their step times the learning rate."""
    A, y, w = matrix(sets)
    model = GradientBoostingClassifier(n_estimators=TREES, max_depth=DEPTH, learning_rate=LEARNING_RATE,
                                       min_samples_leaf=MIN_LEAF, random_state=0)
    model.fit(A, y, sample_weight=w)
    prior = model.init_.class_prior_
    trees = []
    for (estimator,) in model.estimators_:
        t = estimator.tree_
        leaf = t.children_left == -1
        trees.append(scores.StartTree(
            tuple(0 if lf else int(v) for v, lf in zip(t.feature, leaf)),
            tuple(0.0 if lf else float(v) for v, lf in zip(t.threshold, leaf)),
            tuple(int(v) for v in t.children_left), tuple(int(v) for v in t.children_right),
            tuple(float(v) * LEARNING_RATE if lf else 0.0 for v, lf in zip(t.value[:, 0, 0], leaf))))
    fitted = Fitted(None, float(np.log(prior[1] / prior[0])), tuple(trees))
    check = A[:: max(1, len(A) // 200)]
    ours = np.log(fitted.chances(check.tolist()) / (1 - fitted.chances(check.tolist())))
    assert np.allclose(ours, model.decision_function(check), atol=1e-6), "tree export differs"
    return fitted


def fit(sets: Sequence[Material], c: float, kind: str) -> Fitted:
    return fit_trees(sets) if kind == "trees" else fit_linear(sets, c)


def right(model: Fitted, articles: Sequence[Article], floor: float) -> tuple[int, int]:
    """Articles whose title (or its absence) the model gets right, of all."""
    good = 0
    for a in articles:
        p = model.chances(a.rows)
        best = int(np.argmax(p))
        chosen = best if p[best] >= floor else None
        good += (a.labels[chosen] == 1) if chosen is not None else (1 not in a.labels)
    return good, len(articles)


def share(pair: tuple[int, int]) -> float:
    return pair[0] / max(1, pair[1])


def report(fitting: Material, validation: Material) -> None:
    print(f"{fitting.source}: {len(fitting.articles)} articles to fit on, "
          f"{len(validation.articles)} to validate", flush=True)


def objective(cross: Sequence[Fitted], full: Fitted, dev_folds: Sequence[Material],
              validation: Sequence[Material], floor: float) -> tuple[float, float, float]:
    """The mean share right over the six sets (each weighing the same), dev A's (each fold
    by the model fitted without it) and the validation sets' mean."""
    dev = [right(cross[f], dev_folds[f].articles, floor) for f in (0, 1)]
    dev_share = share((dev[0][0] + dev[1][0], dev[0][1] + dev[1][1]))
    val = [share(right(full, m.articles, floor)) for m in validation]
    return (dev_share + sum(val)) / (1 + len(val)), dev_share, sum(val) / len(val)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--n", type=int, default=300, help="glued pages per source to fit on")
    parser.add_argument("--validation", type=int, default=100,
                        help="glued pages per source to choose the floor on")
    parser.add_argument("--c", type=float, default=1.0,
                        help="the logistic regression's inverse regularisation")
    parser.add_argument("--no-leave-out", action="store_true", help="skip the per-source left-out report")
    args = parser.parse_args()

    fitting: list[Material] = []
    validation: list[Material] = []
    for name in SOURCES:
        rows = load(name)
        fit_rows = [r for r in rows if not validation_record(name, str(r.get("id")))]
        val_rows = [r for r in rows if validation_record(name, str(r.get("id")))]
        fitting.append(build(name, synthetic_docs(name, fit_rows, args.n, "fit")))
        validation.append(build(name, synthetic_docs(name, val_rows, args.validation, "validation")))
        report(fitting[-1], validation[-1])
    pages = list(load_pages())
    fitting.append(build(PAGES, page_docs([p for p in pages if not validation_record(PAGES, p.id)],
                                          args.n, "fit")))
    validation.append(build(PAGES, page_docs([p for p in pages if validation_record(PAGES, p.id)],
                                             args.validation, "validation")))
    report(fitting[-1], validation[-1])
    dev_a = list(load_dev("A"))
    dev_folds = [build("devA", dev_docs(dev_a[f::2])) for f in (0, 1)]
    print(f"dev A: {sum(len(m.articles) for m in dev_folds)} articles", flush=True)

    # dev A cross-fitted: each fold scored by a model fitted on everything but that fold
    chosen: tuple[float, str, float] | None = None
    fitted: dict[str, tuple[Fitted, dict[float, tuple[float, float, float]]]] = {}
    for kind in ("linear", "trees"):
        cross = [fit([*fitting, dev_folds[1 - f]], args.c, kind) for f in (0, 1)]
        full = fit([*fitting, *dev_folds], args.c, kind)

        results = {floor: objective(cross, full, dev_folds, validation, floor) for floor in FLOORS}
        for floor, (mean, dev, val) in results.items():
            print(f"{kind} floor {floor:.2f}: right {mean:.4f} "
                  f"(dev A cross-fitted {dev:.4f}, validation {val:.4f})")
        floor = max(FLOORS, key=lambda f: (round(results[f][0], 4), -abs(f - 0.5)))
        fitted[kind] = (full, results)
        # the trees must beat the linear model by TIE to be chosen
        if chosen is None or results[floor][0] > chosen[0] + TIE:
            chosen = (results[floor][0], kind, floor)
    assert chosen is not None
    _, kind, floor = chosen
    full, results = fitted[kind]
    print(f"chosen: {kind}, floor {floor}")

    left_out: dict[str, float] = {}
    if not args.no_leave_out:
        for k, name in enumerate((*SOURCES, PAGES)):
            without = fit([m for j, m in enumerate(fitting) if j != k] + dev_folds, args.c, kind)
            left_out[name] = share(right(without, validation[k].articles, floor))
            print(f"left out {name}: right {left_out[name]:.4f} "
                  f"(with it: {share(right(full, validation[k].articles, floor)):.4f})")

    data: dict[str, object] = {
        "version": TITLE_MODEL_VERSION, "features": list(TITLE_FEATURES),
        "weights": [] if full.weights is None else [float(v) for v in full.weights],
        "bias": round(full.bias, 6), "floor": floor,
        "trees": [{"feature": list(t.feature), "threshold": [round(v, 7) for v in t.threshold],
                   "left": list(t.left), "right": list(t.right), "value": [round(v, 7) for v in t.value]}
                  for t in full.trees],
        "fitted_on": {"sources": [s.split(".")[0] for s in (*SOURCES, PAGES)], "dev": "A", "n": args.n,
                      "model": kind, "c": args.c,
                      "right": {"dev A cross-fitted": round(results[floor][1], 4),
                                "validation": round(results[floor][2], 4),
                                "left out": {k.split(".")[0]: round(v, 4) for k, v in left_out.items()}}},
    }
    args.out.write_text(json.dumps(data) + "\n", encoding="utf-8")  # (one line: the trees are long)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
