"""Fit the translation check: whether the blocks either side of a start are one text in two languages.

    python training/fit_translations.py [--seed 1] [--out FILE] [--report]

Material: ``news-multi`` (one site's news posts, most in several of de, es, fr, ru, ja, zh),
the half of its posting dates no benchmark reads (``training/held_back.py``). A post and
one of its translations make a positive pair; a post and another post in another language
make a negative one, half drawn at random and half from the posts nearest in date (release
notices that share a layout, names and most figures: the hard case). Each pair is seen as
the page would show it: titles kept or dropped, and half the time the block before the
start also holds the end of another post in its language (what a page puts before a
translation is rarely the source alone).

The model (`corpus_split.scores.TranslationModel`, written to
``src/corpus_split/data/translation_model.json``) is a logistic regression over
`corpus_split.translations.TRANSLATION_FEATURES`, classes weighed equally. Its floor, the
chance above which `corpus_split.boundaries` joins the two blocks, is the lowest of
``GRID_FLOOR`` at which at most ``MAX_FALSE_JOIN`` of the negative pairs would be joined,
read on predictions for each fifth of the fitting pairs by a model fitted on the other four
(a start between two different texts is the common case; joining them loses an article).
``--report`` prints the same figures on pairs built the same way from the held-back half.
Deterministic.
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from held_back import held_back

from corpus_split.translations import TRANSLATION_FEATURES, translation_vector
from multilingual import NEWS_MULTI, _in_language, _inline, page_text

OUT = Path(__file__).resolve().parent.parent / "src" / "corpus_split" / "data" / "translation_model.json"
LANGUAGES = ("de", "es", "fr", "ru", "ja", "zh")
GRID_FLOOR = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99)
MAX_FALSE_JOIN = 0.01
_FIGURE_RE = re.compile(r"\d")
_GROUP_RE = re.compile(r"-(\d{4}-\d{2}-\d{2}-.*)$")
NEAR_DATES = 6  # the hard negatives: among this many posts either side in date


def load(held: bool) -> list[dict[str, Any]]:
    """Posts in their own language from one half: id, group (date and slug), language, date,
    title, paragraphs."""
    out = []
    with gzip.open(NEWS_MULTI, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            lang = row.get("lang")
            if lang not in LANGUAGES or held_back(NEWS_MULTI.name, row["id"]) != held:
                continue
            paragraphs, _ = page_text(row.get("text") or "")
            title = " ".join(_inline(row.get("title") or "").split())
            if len(paragraphs) < 2 or not _in_language(lang, " ".join(paragraphs)):
                continue
            # date and slug, shared by translations ("news-multi-rubylang-zh_cn-2014-12-25-...")
            found = _GROUP_RE.search(row["id"])
            slug = found.group(1) if found else row["id"]
            out.append({"id": row["id"], "group": slug, "lang": lang, "date": row.get("date") or "",
                        "title": title, "paragraphs": paragraphs})
    out.sort(key=lambda p: (p["date"], p["id"]))
    return out


def seen(post: dict[str, Any], rng: random.Random) -> list[str]:
    """A post's paragraphs as a page shows them: its title kept two times in three."""
    return ([post["title"]] if post["title"] and rng.random() < 2 / 3 else []) + list(post["paragraphs"])


def pairs(posts: list[dict[str, Any]], seed: int) -> tuple[list[list[float]], list[int], list[str]]:
    """Feature rows, labels (1: translation) and a tag for each pair: its kind ("" for a
    translation, "random" or "near" for a different post) and the two posts' ids."""
    rng = random.Random(seed)
    by_group: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_lang: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in posts:
        by_group[p["group"]].append(p)
        by_lang[p["lang"]].append(p)
    rows: list[list[float]] = []
    labels: list[int] = []
    groups: list[str] = []

    def add(a: dict[str, Any], b: dict[str, Any], label: int, kind: str = "") -> None:
        before = seen(a, rng)
        if rng.random() < 0.5:  # the end of another post in a's language stands before it
            others = [p for p in rng.sample(by_lang[a["lang"]], min(5, len(by_lang[a["lang"]])))
                      if p["group"] != a["group"] and p["group"] != b["group"]]
            if others:
                before = seen(others[0], rng)[-rng.randint(1, 4):] + before
        after = seen(b, rng)
        if rng.random() < 1 / 3:  # a text without figures (a letter): the rest must tell
            before, after = [_FIGURE_RE.sub("", t) for t in before], [_FIGURE_RE.sub("", t) for t in after]
        rows.append(translation_vector(before, after))
        labels.append(label)
        groups.append(f"{kind}|{a['id']}|{b['id']}")

    dates = [p["date"] for p in posts]
    for group in sorted(by_group):
        members = by_group[group]
        for a in members:
            for b in members:
                if a is b or a["lang"] == b["lang"]:
                    continue
                add(a, b, 1)
                # a random post in b's language, and one near a in date
                pool = [p for p in by_lang[b["lang"]] if p["group"] != group]
                add(a, rng.choice(pool), 0, "random")
                i = bisect.bisect_left(dates, a["date"])
                lo = max(0, i - NEAR_DATES * 6)
                # the posts of other groups and languages within the window, nearest first
                near = [p for _, p in sorted(
                    ((abs(j - i), p) for j, p in enumerate(posts[lo : i + NEAR_DATES * 6], lo)
                     if p["group"] != group and p["lang"] != a["lang"]), key=lambda jp: jp[0])]
                if near:
                    add(a, rng.choice(near[: NEAR_DATES * 2]), 0, "near")
    return rows, labels, groups


def fit(x: np.ndarray, y: np.ndarray) -> LogisticRegression:
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000)
    model.fit(x, y)
    return model


def rates(p: np.ndarray, y: np.ndarray) -> list[str]:
    out = []
    for floor in GRID_FLOOR:
        joined = p >= floor
        out.append(f"floor {floor:.2f}: translations joined {joined[y == 1].mean():.3f}, "
                    f"different posts joined {joined[y == 0].mean():.4f}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--report", action="store_true", help="also score pairs of the held-back half")
    args = parser.parse_args()
    posts = load(held=False)
    rows, labels, tags = pairs(posts, args.seed)
    x, y = np.array(rows), np.array(labels)
    print(f"fitting pairs: {len(y)} ({int(y.sum())} translations) from {len(posts)} posts")
    # out-of-fold predictions for the floor (the folds keep a post's pairs together by order)
    oof = np.zeros(len(y))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    for train, test in folds.split(x, y):
        oof[test] = fit(x[train], y[train]).predict_proba(x[test])[:, 1]
    print(f"out-of-fold AUC {roc_auc_score(y, oof):.4f}")
    kinds = np.array([t.split("|")[0] for t in tags])
    for kind in ("random", "near"):
        sel = kinds == kind
        print(f"  {kind} negatives {sel.sum()}: joined at 0.9 {(oof[sel] >= 0.9).mean():.4f}, "
              f"at 0.95 {(oof[sel] >= 0.95).mean():.4f}")
    for line in rates(oof, y):
        print("  " + line)
    floor = next((f for f in GRID_FLOOR if (oof[y == 0] >= f).mean() <= MAX_FALSE_JOIN), GRID_FLOOR[-1])
    model = fit(x, y)
    weights = [round(float(w), 6) for w in model.coef_[0]]
    print("weights:", dict(zip(TRANSLATION_FEATURES, weights)), "bias", round(float(model.intercept_[0]), 6))
    print(f"floor {floor}")
    data = {
        "version": 1,
        "features": list(TRANSLATION_FEATURES),
        "weights": weights,
        "bias": round(float(model.intercept_[0]), 6),
        "floor": floor,
        "fitted_on": {"source": "news-multi (fitting half of posting dates)", "pairs": len(y),
                      "translations": int(y.sum()), "seed": args.seed,
                      "max_false_join": MAX_FALSE_JOIN},
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    if args.report:
        held_posts = load(held=True)
        hrows, hlabels, _ = pairs(held_posts, args.seed + 1000)
        hx, hy = np.array(hrows), np.array(hlabels)
        hp = model.predict_proba(hx)[:, 1]
        print(f"held-back pairs: {len(hy)} ({int(hy.sum())} translations); AUC {roc_auc_score(hy, hp):.4f}")
        for line in rates(hp, hy):
            print("  " + line)


if __name__ == "__main__":
    main()
