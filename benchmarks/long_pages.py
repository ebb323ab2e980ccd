"""Long pages: many titled stories on one page (a feed, an archive, a day's wire), clean.

    python benchmarks/long_pages.py [--n 10] [--seed 0] [--source reuters|news-en] [--json FILE]

Each page glues 4, 10, 20 or 50 stories, each a title, a blank line and its paragraphs
(one a line, blank lines between), with no damage. Short concatenations are what the start
model is fitted and chosen on; this shows whether a page many times longer keeps its starts
(per page length: boundary P/R/F1 over ``--n`` pages, a start right only at a story's title
or in the blank lines before it). Reuters stories are never fitted on; ``--source news-en``
(modern English news of many outlets, a fitting source of the start model) is a second source.
"""

from __future__ import annotations

import random
import time
from typing import Any

import corpus_split as cs
from _common import NEWS_EN, REUTERS, arguments, load_news_en, load_reuters, need, write_json

LENGTHS = (4, 10, 20, 50)  # stories a page


def stories(source: str) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of every titled story of the source with two or more paragraphs."""
    if source == "reuters":
        need(REUTERS, "Reuters-21578")
        return [(a.title, list(a.paragraphs)) for a in load_reuters() if a.title]
    need(NEWS_EN, "news-en")
    titled = ((" ".join((title or "").split()), paras) for title, paras in load_news_en())
    return [(title, paras) for title, paras in titled if title and len(paras) >= 2]


def page(chosen: list[tuple[str, list[str]]]) -> tuple[str, list[tuple[int, int]]]:
    """The page's text and, for each story after the first, the zone a right start falls in:
    from the end of the story before it to its title's first character."""
    parts: list[str] = []
    zones: list[tuple[int, int]] = []
    size = 0
    for i, (title, paras) in enumerate(chosen):
        if i:
            zones.append((size - 2, size))  # the blank line before the title, or the title
        block = title + "\n\n" + "\n\n".join(paras) + "\n\n"
        parts.append(block)
        size += len(block)
    return "".join(parts), zones


def main() -> None:
    args = arguments(__doc__.splitlines()[0], 10, sources=("reuters", "news-en"))
    pool = stories(args.source)
    rng = random.Random(args.seed)
    print(f"{args.source}: {len(pool)} titled stories of 2+ paragraphs, {args.n} pages a length, "
          f"seed {args.seed}")
    figures: dict[str, Any] = {"source": args.source, "pages": args.n, "seed": args.seed}
    for length in LENGTHS:
        tp = fp = fn = 0
        started = time.perf_counter()
        for _ in range(args.n):
            text, zones = page(rng.sample(pool, length))
            found = [b.offset for b in cs.split(text).boundaries]
            hit = [any(lo <= f <= hi for f in found) for lo, hi in zones]
            tp += sum(hit)
            fn += len(zones) - sum(hit)
            fp += sum(1 for f in found if not any(lo <= f <= hi for lo, hi in zones))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        figures[str(length)] = {"precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}
        print(f"{length:3d} stories a page  boundary P / R / F1  {p:.3f} / {r:.3f} / {f1:.3f}   "
              f"(tp {tp}, fp {fp}, fn {fn}; {time.perf_counter() - started:.1f} s)")
    write_json(args.json, figures)


if __name__ == "__main__":
    main()
