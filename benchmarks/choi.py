"""A Choi-style benchmark: unstructured concatenations of text excerpts, scored by Pk and WindowDiff.

    python benchmarks/choi.py [--n 200] [--seed 0] [--source reuters|news-en|web-misc|wiki|llm]
                              [--anywhere] [--tokenized] [--lower] [--json FILE]

Each document has 10 segments; each segment is the first 3-11 sentences of a different
random Reuters-21578 article (read from ../shared), one sentence a line, no titles, no
blank lines, no other damage (Choi 2000's design, which takes the first sentences of
Brown-corpus documents). ``--anywhere`` takes the sentences from anywhere in the article
instead (the design of this benchmark before the fourteenth session: excerpts then often
open on "He" or "But", which the start evidence reads as text going on). ``--source
news-en`` takes the sentences from modern English news of many outlets: a second source,
to see whether the segmentation generalises beyond Reuters. ``web-misc`` (how-to notes,
a project blog, recipes), ``wiki`` (a technical wiki's English pages) and ``llm`` (chat
models' English answers, the held-back models left out) are the prose paragraphs of
Markdown text, its markup removed: ``training/fit_sentences.py`` chooses the settings of
bare-sentence text on these three, so Reuters and news-en stay held back. ``--tokenized`` writes each sentence
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
import sys
import time
from collections.abc import Callable, Iterator, Set
from typing import Any

import corpus_split as cs
from _common import REUTERS, ROOT, SHARED, ReutersArticle, arguments, load_reuters, need, write_json
from corpus_split.evaluate import segmentation_scores
from corpus_split.synthetic import DamageOptions, Layout, SourceArticle, generate, split_sentences

NEWS_EN = SHARED / "corpora" / "news-en.jsonl.gz"
MARKDOWN_SOURCES = {"web-misc": "web-misc.jsonl.gz", "wiki": "wiki-sections.jsonl.gz",
                    "llm": "llm-articles.jsonl.gz"}
SOURCES = ("reuters", "news-en", *MARKDOWN_SOURCES)

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


# a paragraph of prose opens on a letter, a quote or a bracket; headings, lists, tables,
# quotes, code and images do not
_PROSE_START_RE = re.compile(r"[\"'“‘(]?[A-Za-z]")
_NOT_PROSE_RE = re.compile(r"^(?:\d+[.)]\s|[A-Za-z][\w-]*:\s*$)|```|\|.*\||^\s{4}", re.M)
_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|`)")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+.!-])")  # Markdown's escaped marks


def prose_sentences(source: str, held: Set[str] = frozenset()) -> list[list[str]]:
    """The sentences of each English record of a Markdown corpus (``MARKDOWN_SOURCES``), from
    its prose paragraphs with links and emphasis reduced to their text; records of the chat
    models in ``held`` are left out."""
    path = SHARED / "corpora" / MARKDOWN_SOURCES[source]
    need(path, f"the {source} corpus")
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("lang", "en") != "en" or (row.get("model") or "") in held:
                continue
            sents = []
            for para in str(row["text"]).split("\n\n"):
                if not _PROSE_START_RE.match(para) or _NOT_PROSE_RE.search(para):
                    continue
                para = _EMPHASIS_RE.sub("", _LINK_RE.sub(r"\1", " ".join(para.split())))
                para = _ESCAPE_RE.sub(r"\1", para)
                if para.count(" ") >= 5 and para[-1:] in ".!?\"”)":
                    sents += split_sentences(para)
            if len(sents) >= SENTENCES[0]:
                out.append(sents)
    return out


def sentence_pool(source: str, held: Set[str] = frozenset()) -> list[list[str]]:
    """The sentences of each article of ``source`` (one of ``SOURCES``) that has at least
    ``SENTENCES[0]`` of them."""
    if source == "news-en":
        return news_sentences()
    if source in MARKDOWN_SOURCES:
        return prose_sentences(source, held)
    need(REUTERS, "the Reuters corpus")
    return [s for a in load_reuters(min_paragraphs=1) if len(s := sentences(a)) >= SENTENCES[0]]


def choi_documents(
    pool: list[list[str]], n: int, seed: int, anywhere: bool = False,
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``n`` Choi-style documents (text, gold) from a sentence pool: each of `SEGMENTS`
    segments 3-11 sentences of a different article, its first ones unless ``anywhere``."""
    rng = random.Random(seed)
    options = DamageOptions.clean(Layout.SENTENCE_PER_LINE)
    for _ in range(n):
        excerpts: list[SourceArticle] = []
        for sents in rng.sample(pool, SEGMENTS):
            size = rng.randint(SENTENCES[0], min(SENTENCES[1], len(sents)))
            first = rng.randint(0, len(sents) - size) if anywhere else 0
            # One "paragraph" of the chosen sentences: the layout puts each on its own line.
            excerpts.append(SourceArticle(None, (" ".join(sents[first:first + size]),)))
        doc = generate(excerpts, rng, options)
        yield doc.text, doc.gold


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
    args = arguments(__doc__ or "", n=200, sources=SOURCES, tokenized_option=True, anywhere_option=True)
    held = set()
    if args.source == "llm":
        sys.path.insert(0, str(ROOT / "training"))
        from common import held_back_models  # the chat models no fit reads

        held = held_back_models()
    pool = sentence_pool(args.source, held)
    steps = [f for f, on in ((tokenized, args.tokenized), (str.lower, args.lower)) if on]
    how = (lambda line: functools.reduce(lambda acc, f: f(acc), steps, line)) if steps else None
    pk_sum = wd_sum = 0.0
    predicted = 0
    elapsed = 0.0
    for raw, raw_gold in choi_documents(pool, args.n, args.seed, args.anywhere):
        text, gold = rewritten(raw, raw_gold, how) if how else (raw, raw_gold)
        started = time.perf_counter()
        result = cs.split(text)
        elapsed += time.perf_counter() - started
        seg = segmentation_scores(result, gold)
        pk_sum += seg.pk
        wd_sum += seg.windowdiff
        predicted += len(result.articles)
    n = max(1, args.n)
    print(f"{args.n} documents of {SEGMENTS} segments from {args.source}, "
          f"{'sentences from anywhere in an article' if args.anywhere else 'first sentences'}"
          f"{' (tokenized)' if args.tokenized else ''}{' (lower case)' if args.lower else ''}, "
          f"seed {args.seed}, "
          f"split() {elapsed:.1f} s in all\n")
    print(f"{'Pk':<28} {pk_sum / n:.3f}")
    print(f"{'WindowDiff':<28} {wd_sum / n:.3f}")
    print(f"{'articles predicted per doc':<28} {predicted / n:.2f}   (gold {SEGMENTS})")
    write_json(args.json, {"pk": pk_sum / n, "windowdiff": wd_sum / n, "articles_per_doc": predicted / n,
                           "segments_per_doc": SEGMENTS, "n": args.n, "seed": args.seed,
                           "source": args.source, "anywhere": args.anywhere, "tokenized": args.tokenized,
                           "lower": args.lower})


if __name__ == "__main__":
    main()
