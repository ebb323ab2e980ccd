"""Damaged concatenations of the bundled original articles: a second source, no ../shared needed.

    python benchmarks/samples.py [--n 300] [--seed 0] [--json FILE]

The 16 articles of ``corpus_split.synthetic.sample_articles()`` were written for this
project in a modern register (curly quotes, dashes, accented names), unlike the 1987
Reuters wire, so mojibake has more to break. Each document glues 2-4 of them, every
article titled, with the generator's damage (mojibake more often than its default); the
layouts are those of scraped pages (no one-sentence-per-line text).
"""

from __future__ import annotations

import random
import time
from typing import Any

import corpus_split as cs
from _common import arguments, print_report, report_counts, report_figures, write_json
from corpus_split.evaluate import Report, score
from corpus_split.synthetic import DamageOptions, Layout, TitleStyle, generate, sample_articles

ARTICLES_PER_DOC = (2, 4)
"""Articles per document, as in concat.py."""

OPTIONS = DamageOptions(
    mojibake=0.35, splice=0.15, duplicate=0.15, foreign_paragraph=0.15,
    title_styles=(TitleStyle.AS_IS, TitleStyle.UPPER, TitleStyle.SENTENCE),
    layouts=(Layout.BLANK_LINES, Layout.SINGLE_NEWLINE, Layout.HARD_WRAPPED, Layout.CRLF),
)
"""The generator's damage with every title kept and more mojibake (the repair figure needs
damaged articles)."""


def main() -> None:
    args = arguments(__doc__ or "", n=300)
    pool = list(sample_articles())
    rng = random.Random(args.seed)
    total = Report()
    split_time = 0.0
    per_doc: dict[str, Any] = {}  # each document's counts (`compare.py` pairs two runs by them)
    for k in range(args.n):
        doc = generate(rng.sample(pool, rng.randint(*ARTICLES_PER_DOC)), rng, OPTIONS)
        started = time.perf_counter()
        result = cs.split(doc.text)
        split_time += time.perf_counter() - started
        report = score(result, doc.gold)
        per_doc[str(k)] = {"counts": report_counts(report)}
        total += report
    print(f"{args.n} documents, seed {args.seed}, split() {split_time:.1f} s in all\n")
    print_report(total)
    write_json(args.json, {**report_figures(total), "n": args.n, "seed": args.seed, "documents": per_doc})


if __name__ == "__main__":
    main()
