"""Long real texts in different languages glued together: are the starts found where the language changes?

    python benchmarks/language_pairs.py [--n 200] [--seed 0] [--fitting-half] [--same-language] [--json FILE]

Each document glues two or three pages of the technical wiki (en, es, ru, zh), each in another
language than the one before it, with a blank line between them; half the documents keep each
page's title on a line above its text, half do not. ``multilingual.py`` glues release notes of
one project, short and on one subject; these pages are long and on many subjects, as news
articles in several languages are. By default the pages are held back: those
``training/common.validation_record`` keeps out of every fit (as in ``singles.py``:
``training/fit_starts.py`` chooses its decoder's settings on concatenations of them, so they are
held back from fitting, not from every choice). ``--fitting-half`` draws from the pages fitting
may use instead (in-sample figures, for screening a change). A page shorter than 1,500
characters is skipped. (The chat models' answers have too few long Japanese ones among the
held-back models to pair.) ``--same-language`` glues pages of one language instead, the
languages taking turns by document: long texts on different subjects under their titles (or
none), where no change of script or language helps, as in a feed or an archive page of one
site.

A start is right anywhere from the end of one record's text to the start of the next's (the
blank line between them). Printed: boundary P/R/F1, then recall by the scripts on either side
of the boundary and by whether the next record has its title.
"""

from __future__ import annotations

import gzip
import json
import random
import time
from collections import Counter
from typing import Any

import corpus_split as cs
from _common import (
    SHARED,
    arguments,
    fmt,
    need,
    print_conditions,
    tally_conditions,
    validation_record,
    write_json,
)
from corpus_split.evaluate import BoundaryCounts, GoldArticle, GoldDocument, boundary_counts

CORPORA = SHARED / "corpora"
WIKI = CORPORA / "wiki-sections.jsonl.gz"
MIN_CHARS = 1500
RECORDS_PER_DOC = (2, 3)
SCRIPTS = {"en": "Latin", "es": "Latin", "ru": "Cyrillic", "zh": "CJK"}


def load(fitting_half: bool) -> dict[str, list[dict[str, Any]]]:
    """The wiki's usable pages by language, from the held-back side or the fitting side."""
    out: dict[str, list[dict[str, Any]]] = {}
    with gzip.open(WIKI, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if len(str(r.get("text") or "").strip()) < MIN_CHARS:
                continue
            if validation_record(WIKI.name, str(r["id"])) != fitting_half:
                out.setdefault(str(r.get("lang")), []).append(r)
    return out


def build(rng: random.Random, records: dict[str, list[dict[str, Any]]], titled: bool,
          same: str | None = None) -> tuple[str, GoldDocument, list[list[str]]]:
    """A document, its gold article zones, and the labels of each boundary (``same``: every
    page in that language, no page twice)."""
    languages = sorted(records)
    chosen: list[tuple[str, dict[str, Any]]] = []
    if same is not None:
        chosen = [(same, r) for r in rng.sample(records[same], rng.randint(*RECORDS_PER_DOC))]
    for _ in range(0 if same is not None else rng.randint(*RECORDS_PER_DOC)):
        language = rng.choice([x for x in languages if not chosen or x != chosen[-1][0]])
        chosen.append((language, rng.choice(records[language])))
    text = ""
    articles: list[GoldArticle] = []
    labels: list[list[str]] = []
    for k, (language, r) in enumerate(chosen):
        body = str(r["text"]).strip()
        title = str(r.get("title") or "").strip() if titled else ""
        part = f"{title}\n\n{body}" if title else body
        end_before = len(text)
        if k:
            text += "\n\n"
            before = SCRIPTS.get(chosen[k - 1][0], "other")
            labels.append([language if same is not None else
                           f"{before} -> {SCRIPTS.get(language, 'other')}",
                           "titled" if title else "untitled"])
        start = len(text)
        text += part
        articles.append(GoldArticle(k, title or None, start, len(text), (end_before, start)))
    return text + "\n", GoldDocument(tuple(articles), (), ()), labels


def main() -> None:
    args = arguments(__doc__ or "", n=200, fitting_half_option=True, same_language_option=True)
    need(WIKI, "the wiki corpus")
    records = load(args.fitting_half)
    if len(records) < 2:
        print("skipped: fewer than two languages among the records")
        return
    rng = random.Random(args.seed)
    total = BoundaryCounts(0, 0, 0)
    found_by: Counter[str] = Counter()
    due_by: Counter[str] = Counter()
    split_time = 0.0
    for k in range(args.n):
        titled = k % 2 == 0
        languages = sorted(records)
        same = languages[(k // 2) % len(languages)] if args.same_language else None
        text, gold, labels = build(rng, records, titled, same)
        started = time.perf_counter()
        result = cs.split(text)
        split_time += time.perf_counter() - started
        total += boundary_counts(result, gold)
        starts = sorted(a.start for a in result.articles[1:])
        tally_conditions(starts, [a.zone for a in gold.articles[1:]], labels, found_by, due_by)
    side = "pages of the fitting side (in-sample)" if args.fitting_half else "held-back pages"
    side += ", one language a document" if args.same_language else ""
    print(f"{args.n} documents of wiki {side}, seed {args.seed}, split() {split_time:.1f} s in "
          f"all; pages: " + ", ".join(f"{x} {len(v)}" for x, v in sorted(records.items())) + "\n")
    print(f"boundary P / R / F1   {fmt(total.precision)} / {fmt(total.recall)} / {fmt(total.f1)}   "
          f"(tp {total.true_positives}, fp {total.false_positives}, fn {total.false_negatives})")
    recalls = print_conditions(found_by, due_by)
    write_json(args.json, {
        "n": args.n, "seed": args.seed, "fitting_half": args.fitting_half,
        "same_language": args.same_language,
        "precision": total.precision, "recall": total.recall, "f1": total.f1,
        "tp": total.true_positives, "fp": total.false_positives, "fn": total.false_negatives,
        "recall_by_condition": recalls,
    })


if __name__ == "__main__":
    main()
