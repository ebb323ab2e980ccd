"""Fit the start model: does a unit (headline or paragraph) open a new article?

    python training/fit_starts.py [--out src/corpus_split/data/start_model.json]
                                  [--leave-out SOURCE] [--n 1500]

Material (read from ``../shared``): ``dev/`` half A with its gold article zones (never half
B), and concatenations of 1-4 real documents that carry their own structure — Markdown
posts with headings, lists and code (web-misc), a sectioned wiki, chat-model answers with
their headings and residue (not the held-back models), English news from many outlets
and multilingual news — titled in several styles or untitled, glued with one, two or
three line breaks. Reuters and the seeds are not used (they stay held-out benchmarks).

The weights are a logistic regression over ``boundaries.START_FEATURES``; then ``scale``
and ``offset`` (how much the programme adds of these log-odds to its structural evidence;
scale 0 leaves the decoder as it was) are chosen by grid search for the best mean of the
boundary F1 on dev A and on separate validation concatenations. Deterministic.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CORPORA, DEV, ROOT, dev_halves, held_back_models

from corpus_split import scores
from corpus_split.boundaries import (
    START_FEATURES,
    _headline_shifts,
    build_units,
    find_articles,
    start_vectors,
)
from corpus_split.features import line_words
from corpus_split.lines import split_lines
from corpus_split.pipeline import _WORDY
from corpus_split.prelim import read_roles

VERSION = 1
SOURCES = ("web-misc.jsonl.gz", "wiki-sections.jsonl.gz", "llm-articles.jsonl.gz", "news-en.jsonl.gz",
           "news-multi.jsonl.gz")
DEV_WEIGHT = 10.0  # each dev A document against one concatenation
# scale 0 is the decoder without the start model: the grid can only choose it if it helps
GRID_SCALE = (0.0, 1.0, 2.0, 3.0, 4.0)
GRID_OFFSET = (-8.0, -6.0, -4.0, -2.0, 0.0)


@dataclass
class TrainingDoc:
    source: str
    text: str
    # a start at the first unit in [lo, hi] is right (hi: the end of the glued document, whose
    # own residue or chrome may come before its first unit)
    zones: list[tuple[int, int]]


def records(name: str, held: set[str]) -> list[dict[str, object]]:
    with gzip.open(CORPORA / name, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    if name.startswith("llm"):
        rows = [r for r in rows if (r.get("model") or "") not in held]
    return rows


def render(row: dict[str, object], rng: random.Random, source: str) -> str:
    """One document as a page might hold it: its text under a title in some style, or none."""
    text = str(row.get("text") or "").strip()
    title = str(row.get("title") or "").strip()
    if source.startswith("llm") or not title or rng.random() < 0.25:
        return text
    style = rng.random()
    if rng.random() < 0.15:
        title = title.upper()  # wire and print headlines
    head = f"# {title}" if style < 0.3 else f"**{title}**" if style < 0.4 else title
    return head + ("\n\n" if rng.random() < 0.8 else "\n") + text


def concatenations(source: str, rows: list[dict[str, object]], n: int, seed: int) -> list[TrainingDoc]:
    rng = random.Random(f"{source}:{seed}")
    rows = [r for r in rows if len(str(r.get("text") or "")) >= 200]
    out = []
    for _ in range(n):
        k = 1 if rng.random() < 0.3 else rng.randint(2, 4)
        parts = [render(rng.choice(rows), rng, source) for _ in range(k)]
        text = ""
        zones = []
        for j, part in enumerate(parts):
            if j:
                lo = len(text)
                text += rng.choice(("\n\n", "\n\n", "\n\n", "\n", "\n\n\n"))
                zones.append((lo, len(text) + len(part)))
            text += part
        out.append(TrainingDoc(source, text, zones))
    return out


def dev_docs(half: str) -> list[TrainingDoc]:
    out = []
    for name in dev_halves()[half]:
        gold = json.loads((DEV / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        text = (DEV / "docs" / f"{name}.txt").read_text(encoding="utf-8")
        zones = [tuple(a["zone"]) for a in gold["articles"][1:]]
        out.append(TrainingDoc("devA", text, zones))  # type: ignore[arg-type]
    return out


def analyse(doc: TrainingDoc) -> tuple[list[list[float]], list[int]]:
    """Start vectors of a document's units (unit 0 left out) and their labels."""
    layout = split_lines(doc.text)
    roles, feats = read_roles(layout, True)
    words = line_words([line.text for line in layout.lines], [r in _WORDY for r in roles])
    units = build_units(layout, roles, feats, words)
    if len(units) < 2:
        return [], []
    vectors = start_vectors(units, layout, roles, _headline_shifts(units))
    firsts = first_units([layout.lines[unit.first].start for unit in units], doc.zones)
    return vectors[1:], [int(u in firsts) for u in range(1, len(units))]


def first_units(starts: list[int], zones: list[tuple[int, int]]) -> set[int]:
    """For each zone, the first unit starting inside it (unit 0 never)."""
    out = set()
    for lo, hi in zones:
        u = next((u for u, at in enumerate(starts) if u and lo <= at <= hi), None)
        if u is not None:
            out.add(u)
    return out


def boundary_f1(docs: list[TrainingDoc]) -> tuple[float, int, int, int]:
    """Pooled boundary F1 of the current start model over documents (zones matched once each)."""
    tp = fp = fn = 0
    for doc in docs:
        layout = split_lines(doc.text)
        roles, feats = read_roles(layout, True)
        words = line_words([line.text for line in layout.lines], [r in _WORDY for r in roles])
        units, spans = find_articles(layout, roles, feats, words, 0.5)
        right = first_units([layout.lines[unit.first].start for unit in units], doc.zones)
        chosen = {s.first_unit for s in spans[1:]}
        tp += len(chosen & right)
        fp += len(chosen - right)
        fn += len(doc.zones) - len(chosen & right)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f1, tp, fp, fn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path,
                        default=ROOT / "src" / "corpus_split" / "data" / "start_model.json")
    parser.add_argument("--leave-out", default=None, help="a corpus file name to fit without")
    parser.add_argument("--n", type=int, default=400, help="training concatenations per source")
    parser.add_argument("--validation", type=int, default=60, help="validation concatenations per source")
    args = parser.parse_args()
    held = held_back_models()
    train: list[TrainingDoc] = []
    valid: list[TrainingDoc] = []
    for name in SOURCES:
        if name == args.leave_out:
            continue
        rows = records(name, held)
        train += concatenations(name, rows, args.n, seed=0)
        valid += concatenations(name, rows, args.validation, seed=1)
    dev_a = dev_docs("A")
    X: list[list[float]] = []
    y: list[int] = []
    w: list[float] = []
    for doc in train + dev_a:
        vectors, labels = analyse(doc)
        weight = (DEV_WEIGHT if doc.source == "devA" else 1.0) / max(1, len(labels))
        X += vectors
        y += labels
        w += [weight] * len(labels)
    print(f"training: {len(train)} concatenations + {len(dev_a)} dev A; units {len(y)}, starts {sum(y)}")
    A = np.asarray(X, dtype=float)
    mean = A.mean(axis=0)
    scale = A.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000)
    weights = np.asarray(w) * len(w) / sum(w)
    model.fit((A - mean) / scale, np.asarray(y), sample_weight=weights)
    coef = model.coef_[0] / scale
    bias = float(model.intercept_[0] - coef @ mean)
    base = scores.StartModel(VERSION, START_FEATURES, tuple(float(v) for v in coef), bias, 1.0, 0.0)
    best = None
    for s in GRID_SCALE:
        for o in GRID_OFFSET:
            scores._START = replace(base, scale=s, offset=o)
            f_dev = boundary_f1(dev_a)[0]
            f_val = boundary_f1(valid)[0]
            value = (f_dev + f_val) / 2
            if best is None or value > best[0]:
                best = (value, s, o, f_dev, f_val)
            print(f"  scale {s} offset {o}: dev A F1 {f_dev:.3f}, validation F1 {f_val:.3f}")
    assert best is not None
    _, s, o, f_dev, f_val = best
    print(f"chosen: scale {s}, offset {o} (dev A {f_dev:.3f}, validation {f_val:.3f})")
    data = {
        "version": VERSION,
        "features": list(START_FEATURES),
        "weights": [round(float(v), 6) for v in coef],
        "bias": round(bias, 6),
        "decoder": {"scale": s, "offset": o},
        "fitted_on": {"concatenations": len(train), "dev_A": len(dev_a), "left_out": args.leave_out,
                      "per_source": args.n, "validation_F1": round(f_val, 4), "dev_A_F1": round(f_dev, 4)},
    }
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print("wrote", args.out)


if __name__ == "__main__":
    main()
