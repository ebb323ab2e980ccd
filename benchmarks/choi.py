"""A Choi-style benchmark: unstructured concatenations of newswire excerpts, scored by Pk and WindowDiff.

    python benchmarks/choi.py [--n 200] [--seed 0] [--source reuters|news-en] [--tokenized] [--lower]
                              [--json FILE]

Each document has 10 segments; each segment is 3-11 consecutive sentences from a
different random Reuters-21578 article (read from ../shared), one sentence a line, no
titles, no blank lines, no other damage (Choi 2000's design). ``--source news-en`` takes
the sentences from modern English news of many outlets instead: a second source, to see
whether the segmentation generalises beyond Reuters. ``--tokenized`` writes each sentence
the way Choi's own data (Brown-corpus text) is written: punctuation set apart by spaces,
quotes as ```` and ``''`` after the full stop; ``--lower`` writes it in lower case. split() runs with default
settings; its article starts are the hypothesis boundaries. Pk and WindowDiff are over
lines with k = half the mean gold segment length, averaged over documents.
"""

from __future__ import annotations

import functools
import gzip
import json
import random
import re
import time
from collections.abc import Callable
from typing import Any

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


def tokenized(sentence: str) -> str:
    """``sentence`` as Brown-corpus text is written: ``He said , `` I will go . ''``."""
    s = re.sub(r'(^|[\s(\[])["\u201c]', r"\1`` ", sentence)
    s = re.sub(r'["\u201d]', " ''", s)
    s = re.sub(r"([,;:?!()]|--)", r" \1 ", s)
    s = re.sub(r"\.(\s*(?:''|\)|$))", r" .\1", s)
    return " ".join(s.split())


def rewritten(text: str, gold: dict[str, Any], how: Callable[[str], str]) -> tuple[str, dict[str, Any]]:
    """A one-sentence-a-line document and its gold with every line rewritten by ``how``: the
    articles' starts move with their lines (this benchmark scores article starts only)."""
    lines = text.split("\n")
    old, new, at, out = [], [], 0, 0
    for line in lines:
        old.append(at)
        new.append(out)
        at += len(line) + 1
        out += len(how(line)) + 1
    line_of = {o: i for i, o in enumerate(old)}
    articles = []
    for a in gold["articles"]:
        start = new[line_of[a["content_start"]]]
        articles.append({**a, "content_start": start, "content_end": start, "zone": [start, start]})
    return "\n".join(map(how, lines)), {**gold, "articles": articles, "spans": [],
                                               "languages": []}


def main() -> None:
    args = arguments(__doc__ or "", n=200, sources=("reuters", "news-en"), tokenized_option=True)
    if args.source == "news-en":
        pool = [(None, s) for s in news_sentences()]
    else:
        need(REUTERS, "the Reuters corpus")
        pool = [(a, s) for a in load_reuters(min_paragraphs=1) if len(s := sentences(a)) >= SENTENCES[0]]
    rng = random.Random(args.seed)
    options = DamageOptions.clean(Layout.SENTENCE_PER_LINE)
    steps = [f for f, on in ((tokenized, args.tokenized), (str.lower, args.lower)) if on]
    how = (lambda line: functools.reduce(lambda acc, f: f(acc), steps, line)) if steps else None
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
        text, gold = rewritten(doc.text, doc.gold, how) if how else (doc.text, doc.gold)
        started = time.perf_counter()
        result = cs.split(text)
        elapsed += time.perf_counter() - started
        seg = segmentation_scores(result, gold)
        pk_sum += seg.pk
        wd_sum += seg.windowdiff
        predicted += len(result.articles)
    n = max(1, args.n)
    print(f"{args.n} documents of {SEGMENTS} segments from {args.source}"
          f"{' (tokenized)' if args.tokenized else ''}{' (lower case)' if args.lower else ''}, "
          f"seed {args.seed}, "
          f"split() {elapsed:.1f} s in all\n")
    print(f"{'Pk':<28} {pk_sum / n:.3f}")
    print(f"{'WindowDiff':<28} {wd_sum / n:.3f}")
    print(f"{'articles predicted per doc':<28} {predicted / n:.2f}   (gold {SEGMENTS})")
    write_json(args.json, {"pk": pk_sum / n, "windowdiff": wd_sum / n, "articles_per_doc": predicted / n,
                           "segments_per_doc": SEGMENTS, "n": args.n, "seed": args.seed,
                           "source": args.source, "tokenized": args.tokenized,
                           "lower": args.lower})


if __name__ == "__main__":
    main()
