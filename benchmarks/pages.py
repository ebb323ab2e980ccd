"""Typing on real web pages whose lines are labelled content or chrome (``corpora/pages.jsonl.gz``).

    python benchmarks/pages.py [--source NAME] [--model FILE] [--n N] [--json FILE]

Content kept: share of content characters typed title/heading/body; chrome typed: share of
chrome characters typed anything else. The shipped model was fitted on every source of this
file, so its figures here are in-sample; for a held-back figure, fit without one source
(``python training/fit_lines.py --leave-out pages/NAME --out FILE``) and score that source
with ``--source NAME --model FILE``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

import corpus_split as cs
from _common import SHARED, need, write_json

PAGES = SHARED / "corpora" / "pages.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", default=None, help="only pages of this source")
    parser.add_argument("--model", type=Path, default=None, help="a line model file to use instead")
    parser.add_argument("--n", type=int, default=0, help="at most this many pages (0: all)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    need(PAGES, "the labelled web pages")
    if args.model:  # a benchmark may swap the model; the library never does
        from corpus_split import scores

        scores._MODEL = scores.parse_line_model(args.model.read_text(encoding="utf-8"), str(args.model))
    chars: Counter[tuple[str, bool]] = Counter()
    by_source: dict[str, Counter[tuple[str, bool]]] = {}
    started = time.perf_counter()
    done = 0
    with gzip.open(PAGES, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if args.source and row["source"] != args.source:
                continue
            text = row["text"]
            doc = cs.split(text)
            content = [False] * len(text)
            for seg in doc.segments:
                if seg.kind in cs.CONTENT_KINDS:
                    for i in range(seg.start, seg.end):
                        content[i] = True
            src = by_source.setdefault(row["source"], Counter())
            for s, e, label in row["lines"]:
                if label == "unsure":
                    continue
                for i in range(s, e):
                    if not text[i].isspace():
                        chars[(label, content[i])] += 1
                        src[(label, content[i])] += 1
            done += 1
            if args.n and done >= args.n:
                break

    def figures(c: Counter[tuple[str, bool]]) -> tuple[float, float]:
        kept = c[("content", True)] / max(1, c[("content", True)] + c[("content", False)])
        typed = c[("chrome", False)] / max(1, c[("chrome", True)] + c[("chrome", False)])
        return kept, typed

    print(f"{done} pages ({time.perf_counter() - started:.1f} s)")
    for name, c in sorted(by_source.items()):
        k, t = figures(c)
        print(f"  {name:<22} content kept {k:.3f}  chrome typed {t:.3f}")
    kept, typed = figures(chars)
    print(f"all: content kept {kept:.3f}  chrome typed {typed:.3f}")
    write_json(args.json, {"pages": done, "content_kept": kept, "chrome_typed": typed})


if __name__ == "__main__":
    main()
