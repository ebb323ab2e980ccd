"""Score split() on the five seed documents against their gold annotation.

    python benchmarks/seeds.py [--json FILE]

Prints one line per seed, then the pooled figures (see benchmarks/README.md). ``--n``
limits the number of seeds; ``--seed`` is accepted for symmetry and unused.
"""

from __future__ import annotations

import json
import time

import corpus_split as cs
from _common import SEEDS, arguments, fmt, need, print_report, report_figures, write_json
from corpus_split.evaluate import Report, score, segmentation_scores


def main() -> None:
    args = arguments(__doc__ or "", n=5)
    need(SEEDS / "gold", "the seed gold annotation")
    total = Report()
    per_seed = {}
    started = time.perf_counter()
    print(f"{'seed':<24} {'art':>3} {'pred':>4} {'F1':>5} {'whole':>5} {'kept':>5} {'typed':>5} {'Pk':>5}")
    for gold_path in sorted((SEEDS / "gold").glob("*.json"))[: args.n]:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (SEEDS / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        doc = cs.split(text)
        r = score(doc, gold)
        seg = segmentation_scores(doc, gold)
        total += r
        per_seed[gold_path.stem] = {**report_figures(r), "pk": seg.pk, "windowdiff": seg.windowdiff}
        print(f"{gold_path.stem:<24} {len(gold['articles']):>3} {len(doc.articles):>4} "
              f"{fmt(r.boundaries.f1)} {fmt(r.articles_whole.value)} {fmt(r.typing.content_kept.value)} "
              f"{fmt(r.typing.non_content_typed.value)} {fmt(seg.pk)}")
    print(f"\npooled over {len(per_seed)} seeds ({time.perf_counter() - started:.1f} s)\n")
    print_report(total, show_repair=False, language_label="zh spans found")
    write_json(args.json, {**report_figures(total), "seeds": per_seed})


if __name__ == "__main__":
    main()
