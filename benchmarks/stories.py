"""Whole stories laid out one paragraph a line, as many extractors leave page text.

    python benchmarks/stories.py [--n 300] [--seed 0] [--source reuters|news-en] [--json FILE]

No damage, no blank lines: each paragraph of a story on its own line. Four cases, ``--n``
documents each: a story alone, untitled and titled (the share left whole, and the false
starts); two to four stories glued, untitled and titled (boundary P/R/F1, a start right only
at the story's first line). Reuters stories (of at least five paragraphs) are never fitted on;
``--source news-en`` (modern English news of many outlets, a fitting source of the start
model) is a second source. Many wire and news paragraphs are one sentence, so such text looks
like bare sentences one a line (Choi's layout), which the lexical cost alone cuts: this is
where a story must not be taken for excerpts.
"""

from __future__ import annotations

import random
from typing import Any

import corpus_split as cs
from _common import NEWS_EN, REUTERS, arguments, load_news_en, load_reuters, need, write_json

MIN_PARAGRAPHS = 5


def stories(source: str) -> list[tuple[str | None, list[str]]]:
    """(title, paragraphs) of every usable story, each paragraph on one line."""
    if source == "news-en":
        need(NEWS_EN, "the news-en corpus")
        out = load_news_en()
    else:
        need(REUTERS, "the Reuters corpus")
        out = [(a.title, [" ".join(p.split()) for p in a.paragraphs])
               for a in load_reuters(min_paragraphs=MIN_PARAGRAPHS)]
    return [(t, p) for t, p in out if len(p) >= MIN_PARAGRAPHS and t]


def text_of(story: tuple[str | None, list[str]], titled: bool) -> str:
    title, paras = story
    return "\n".join(([title] if titled and title else []) + paras) + "\n"


def main() -> None:
    args = arguments(__doc__ or "", n=300, sources=("reuters", "news-en"))
    pool = stories(args.source)
    rng = random.Random(args.seed)
    figures: dict[str, Any] = {"source": args.source, "n": args.n, "seed": args.seed}
    print(f"{args.source}: {len(pool)} titled stories of {MIN_PARAGRAPHS}+ paragraphs, "
          f"one paragraph a line, seed {args.seed}\n")
    for titled in (False, True):
        name = "titled" if titled else "untitled"
        whole = false_starts = 0
        for story in rng.sample(pool, min(args.n, len(pool))):
            cuts = len(cs.split(text_of(story, titled)).boundaries)
            whole += cuts == 0
            false_starts += cuts
        n = min(args.n, len(pool))
        print(f"alone, {name:<8}  whole {whole / n:.3f} ({whole}/{n})   false starts {false_starts}")
        figures[f"alone_{name}"] = {"whole": whole / n, "false_starts": false_starts}
    for titled in (False, True):
        name = "titled" if titled else "untitled"
        tp = fp = fn = 0
        for _ in range(args.n):
            text = ""
            starts = set()
            for story in rng.sample(pool, rng.randint(2, 4)):
                if text:
                    starts.add(len(text))
                text += text_of(story, titled)
            got = {b.offset for b in cs.split(text).boundaries}
            tp, fp, fn = tp + len(got & starts), fp + len(got - starts), fn + len(starts - got)
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        f1 = 2 * tp / max(1, 2 * tp + fp + fn)
        print(f"glued, {name:<8}  boundary P / R / F1  {p:.3f} / {r:.3f} / {f1:.3f}   "
              f"(tp {tp}, fp {fp}, fn {fn})")
        figures[f"glued_{name}"] = {"precision": p, "recall": r, "f1": f1}
    write_json(args.json, figures)


if __name__ == "__main__":
    main()
