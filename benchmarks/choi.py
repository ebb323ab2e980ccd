"""A Choi-style benchmark: unstructured concatenations of newswire excerpts, scored by Pk and WindowDiff.

    python benchmarks/choi.py [--n 200] [--seed 0] [--source reuters|news-en] [--json FILE]

Each document has 10 segments; each segment is 3-11 consecutive sentences from a
different random Reuters-21578 article (read from ../shared), one sentence a line, no
titles, no blank lines, no other damage (Choi 2000's design). ``--source news-en`` takes
the sentences from modern English news of many outlets instead: a second source, to see
whether the segmentation generalises beyond Reuters. split() runs with default
settings; its article starts are the hypothesis boundaries. Pk and WindowDiff are over
lines with k = half the mean gold segment length, averaged over documents.
"""

from __future__ import annotations

import gzip
import json
import random
import time

import corpus_split as cs
from _common import REUTERS, SHARED, ReutersArticle, arguments, load_reuters, need, write_json
from corpus_split.evaluate import segmentation_scores
from corpus_split.synthetic import DamageOptions, Layout, SourceArticle, generate, split_sentences

NEWS_EN = SHARED / "corpora" / "news-en.jsonl.gz"

SEGMENTS = 10
"""Segments per document, as in Choi's data set."""

SENTENCES = (3, 11)
"""Sentences per segment, Choi's widest range (3-11)."""


def sentences(article: ReutersArticle) -> list[str]:
    return [s for para in article.paragraphs for s in split_sentences(para)]


def news_sentences() -> list[list[str]]:
    """The sentences of each news-en article (paragraphs are separated by blank lines)."""
    need(NEWS_EN, "the news-en corpus")
    out = []
    with gzip.open(NEWS_EN, "rt", encoding="utf-8") as f:
        for line in f:
            text = str(json.loads(line)["text"])
            sents = [s for para in text.split("\n\n") for s in split_sentences(" ".join(para.split()))]
            if len(sents) >= SENTENCES[0]:
                out.append(sents)
    return out


def main() -> None:
    args = arguments(__doc__ or "", n=200, sources=("reuters", "news-en"))
    if args.source == "news-en":
        pool = [(None, s) for s in news_sentences()]
    else:
        need(REUTERS, "the Reuters corpus")
        pool = [(a, s) for a in load_reuters(min_paragraphs=1) if len(s := sentences(a)) >= SENTENCES[0]]
    rng = random.Random(args.seed)
    options = DamageOptions.clean(Layout.SENTENCE_PER_LINE)
    pk_sum = wd_sum = 0.0
    predicted = 0
    elapsed = 0.0
    for _ in range(args.n):
        excerpts: list[SourceArticle] = []
        for _article, sents in rng.sample(pool, SEGMENTS):
            size = rng.randint(SENTENCES[0], min(SENTENCES[1], len(sents)))
            first = rng.randint(0, len(sents) - size)
            # One "paragraph" of the chosen sentences: the layout puts each on its own line.
            excerpts.append(SourceArticle(None, (" ".join(sents[first:first + size]),)))
        doc = generate(excerpts, rng, options)
        started = time.perf_counter()
        result = cs.split(doc.text)
        elapsed += time.perf_counter() - started
        seg = segmentation_scores(result, doc.gold)
        pk_sum += seg.pk
        wd_sum += seg.windowdiff
        predicted += len(result.articles)
    n = max(1, args.n)
    print(f"{args.n} documents of {SEGMENTS} segments from {args.source}, seed {args.seed}, "
          f"split() {elapsed:.1f} s in all\n")
    print(f"{'Pk':<28} {pk_sum / n:.3f}")
    print(f"{'WindowDiff':<28} {wd_sum / n:.3f}")
    print(f"{'articles predicted per doc':<28} {predicted / n:.2f}   (gold {SEGMENTS})")
    write_json(args.json, {"pk": pk_sum / n, "windowdiff": wd_sum / n, "articles_per_doc": predicted / n,
                           "segments_per_doc": SEGMENTS, "n": args.n, "seed": args.seed,
                           "source": args.source})


if __name__ == "__main__":
    main()
