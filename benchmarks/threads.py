"""Comment and forum threads on real pages: is each post found as its own article?

    python benchmarks/threads.py [--held-back] [--verbose] [--json FILE]

Reads 67 pages of ``corpora/pages.jsonl.gz`` from ``../shared`` and the post zones annotated
for this project in ``benchmarks/thread_zones.json`` (line indices, no text); with
``--held-back``, 40 other pages and their zones in ``benchmarks/thread_zones_heldout.json``,
annotated later by annotators who did not see the splitter's output, on which no thread rule
was developed (30 with a thread, 10 without). A predicted
article start inside a thread counts once, when it falls in a post's zone (from the end of
the previous post's text to the first line of this one); other starts in the thread, and
starts given as posts outside it (pages without a thread among them), are false; where a
long thread was annotated in part (``truncated``), starts past its end are not counted. The
thread rules were developed on the first set: its figures are in-sample; the second set's are
held back.
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
from pathlib import Path

import corpus_split as cs
from _common import SHARED, need, write_json

PAGES = SHARED / "corpora" / "pages.jsonl.gz"
ZONES = Path(__file__).resolve().parent / "thread_zones.json"
HELD_BACK_ZONES = Path(__file__).resolve().parent / "thread_zones_heldout.json"


def score_page(text: str, thread: list[int] | None, zones: list[tuple[int, int]],
               truncated: bool = False) -> tuple[int, int, int]:
    """True, false and missed post starts of ``split(text)`` inside the annotated thread."""
    line_starts = [0]
    for line in text.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)
    doc = cs.split(text)
    line_of = {b.offset: bisect.bisect_right(line_starts, b.offset) - 1 for b in doc.boundaries}
    posts = {line_of[b.offset] for b in doc.boundaries if cs.Reason.POST in b.reasons}
    predicted = sorted(set(line_of.values()))
    lo, hi = (min(thread[0], zones[0][0]) if zones else thread[0], thread[1]) if thread else (0, -1)
    inside = [p for p in predicted if lo <= p <= hi]
    used: set[int] = set()
    for p in inside:
        k = next((k for k, (a, b) in enumerate(zones) if k not in used and a <= p <= b), None)
        if k is not None:
            used.add(k)
    # posts of a thread where there is none (past the end of a thread annotated in part: unknown)
    outside = sum(1 for p in posts if p < lo or (p > hi and not truncated))
    return len(used), len(inside) - len(used) + outside, len(zones) - len(used)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    parser.add_argument("--held-back", action="store_true",
                        help="score the 40 held-back pages instead of the 67 the rules were developed on")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    need(PAGES, "the web pages")
    zones_file = HELD_BACK_ZONES if args.held_back else ZONES
    pages = json.loads(zones_file.read_text(encoding="utf-8"))["pages"]
    wanted = {p["id"] for p in pages}
    texts: dict[str, str] = {}
    with gzip.open(PAGES, "rt", encoding="utf-8") as rows:
        for row in rows:
            record = json.loads(row)
            if record["id"] in wanted:
                texts[record["id"]] = record["text"]
    total = [0, 0, 0]
    for page in pages:
        zones = [(a, b) for a, b in page["posts"]]
        tp, fp, fn = score_page(texts[page["id"]], page["thread"], zones, page.get("truncated", False))
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        if args.verbose:
            print(f"{page['id'][:58]:58} posts {len(zones):3}  found {tp:3}  false {fp:3}  missed {fn:3}")
    tp, fp, fn = total
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    label = "held back" if args.held_back else "in-sample: the thread rules were developed on them"
    print(f"{len(pages)} pages, {tp + fn} posts ({label})")
    print(f"post starts P / R / F1   {p:.3f} / {r:.3f} / {f1:.3f}   (tp {tp}, fp {fp}, fn {fn})")
    if args.json:
        write_json(args.json, {"pages": len(pages), "precision": p, "recall": r, "f1": f1,
                               "tp": tp, "fp": fp, "fn": fn})


if __name__ == "__main__":
    main()
