"""Concatenated Reuters articles with synthetic damage: how well does split() take them apart?

    python benchmarks/concat.py [--n 300] [--seed 0] [--titled | --sectioned] [--json FILE]

Each document glues 2-4 Reuters-21578 articles (from ../shared, read only) with the
damage of corpus_split.synthetic: page chrome, teaser links, assistant preambles and
sign-offs, mojibake, mid-word splices, repeated passages, foreign paragraphs, keyboard
mash, every layout and title style. About a third of the documents put articles of the
same Reuters topic side by side, the hard case for vocabulary-based boundaries.
"""

from __future__ import annotations

import bisect
import random
import re
import time
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Any

import corpus_split as cs
from _common import (
    REUTERS,
    ReutersArticle,
    arguments,
    load_reuters,
    need,
    print_conditions,
    print_report,
    report_counts,
    report_figures,
    tally_conditions,
    write_json,
)
from corpus_split.evaluate import Report, parse_gold, score, segmentation_scores
from corpus_split.features import _STOPWORDS
from corpus_split.synthetic import (
    DamageOptions,
    Layout,
    SourceArticle,
    SyntheticDocument,
    TitleStyle,
    generate,
)

SAME_TOPIC_SHARE = 0.35
"""Share of documents whose neighbours share a Reuters topic (harder: shared vocabulary)."""

ARTICLES_PER_DOC = (2, 4)
"""Articles per document, as in the seeds (2) and a little beyond."""

UNTITLED_SHARE = 0.15
"""Articles handed to the generator without a title (on top of the generator's own MISSING style)."""

TEASER_POOL = 60
"""Titles of other Reuters articles offered to each document's teaser runs."""

OPTIONS = DamageOptions(typographic=0.5, mojibake=0.25, splice=0.15, duplicate=0.15, foreign_paragraph=0.15)
"""The generator defaults, with more of the damage this benchmark is about; typographic
quotes give mojibake something to break in mostly-ASCII newswire text."""


def pick_articles(rng: random.Random, pool: list[ReutersArticle],
                  by_topic: dict[str, list[ReutersArticle]]) -> tuple[list[ReutersArticle], bool]:
    n = rng.randint(*ARTICLES_PER_DOC)
    topics = [t for t, arts in by_topic.items() if len(arts) >= n]
    if topics and rng.random() < SAME_TOPIC_SHARE:
        return rng.sample(by_topic[rng.choice(topics)], n), True
    return rng.sample(pool, n), False


TITLED_OPTIONS = replace(
    OPTIONS,
    title_styles=(TitleStyle.AS_IS, TitleStyle.UPPER, TitleStyle.SENTENCE),
    layouts=(Layout.BLANK_LINES, Layout.SINGLE_NEWLINE, Layout.HARD_WRAPPED, Layout.CRLF),
)
"""``--titled``: the same damage, but every article keeps its title (as on scraped news pages)."""


SECTION_MIN_PARAGRAPHS = 5
"""``--sectioned``: articles with at least this many paragraphs get section headings..."""

SECTION_EVERY = (2, 4)
"""... one before every 2-4 paragraphs after the first two."""


def subhead(rng: random.Random, above: str, section: str) -> str:
    """A section heading: salient words of its section, those the text above also uses first.

    Real subheads name a part of the story, often in the story's running terms
    ("Dollar hedging"), so their words recur on both sides of them, or in the
    section's own; the case style varies as on real pages.
    """
    seen_above = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", above)}
    salient: list[str] = []
    for w in re.findall(r"[A-Za-z][A-Za-z'-]+", section):
        low = w.lower()
        if len(w) > 3 and low not in _STOPWORDS and low not in (x.lower() for x in salient):
            salient.append(w)
    shared = [w for w in salient if w.lower() in seen_above]
    rest = [w for w in salient if w.lower() not in seen_above]
    # about half name the section in the story's running terms, half in its own
    ordered = shared + rest if rng.random() < 0.5 else salient
    words = ordered[: rng.randint(2, 4)] or ["More"]
    style = rng.random()
    if style < 0.4:
        return " ".join(w[:1].upper() + w[1:].lower() for w in words)
    if style < 0.7:
        return (" ".join(w.lower() for w in words)).capitalize()
    return " ".join(w.upper() for w in words)


def with_sections(rng: random.Random, source: SourceArticle) -> SourceArticle:
    """The article with section headings inserted as one-line paragraphs (gold: body)."""
    paras = list(source.paragraphs)
    if len(paras) < SECTION_MIN_PARAGRAPHS:
        return source
    out = paras[:2]
    i = 2
    while i < len(paras):
        step = rng.randint(*SECTION_EVERY)
        out.append(subhead(rng, " ".join(paras[:i]), " ".join(paras[i : i + step])))
        out.extend(paras[i : i + step])
        i += step
    return replace(source, paragraphs=tuple(out))


def build(rng: random.Random, pool: list[ReutersArticle],
          by_topic: dict[str, list[ReutersArticle]], titled: bool = False,
          sectioned: bool = False) -> tuple[SyntheticDocument, bool]:
    chosen, same = pick_articles(rng, pool, by_topic)
    titled = titled or sectioned
    untitled = 0.0 if titled else UNTITLED_SHARE
    sources: list[SourceArticle] = [a.source(titled=rng.random() >= untitled) for a in chosen]
    if sectioned:
        sources = [with_sections(rng, s) for s in sources]
    own = {a.id for a in chosen}
    teasers = [a.title for a in rng.sample(pool, TEASER_POOL) if a.title and a.id not in own]
    options = TITLED_OPTIONS if titled else OPTIONS
    return generate(sources, rng, options, teaser_titles=teasers), same


def conditions(doc: SyntheticDocument, same_topic: bool) -> list[list[str]]:
    """Labels describing each gold boundary (article 1..n), for recall by condition."""
    arts = doc.gold["articles"]
    out = []
    for k in range(1, len(arts)):
        labels = [f"layout={doc.layout.value}", "same topic" if same_topic else "mixed topics"]
        dmg = arts[k]["damage"]
        labels.append("untitled" if arts[k]["title"] is None else "titled")
        if "cut_mid_word" in arts[k - 1]["damage"]:
            labels.append("mid-word splice")
        if "preamble" in dmg:
            labels.append("after assistant preamble")
        if "sign_off" in arts[k - 1]["damage"]:
            labels.append("after assistant sign-off")
        if "mojibake" in dmg:
            labels.append("mojibake article")
        lo, hi = arts[k]["zone"]
        labels.append("chrome/links in gap" if any(
            s["article"] is None and s["kind"] in ("links", "boilerplate", "noise")
            and lo <= s["start"] < hi for s in doc.gold["spans"]) else "bare gap")
        out.append(labels)
    return out


def main() -> None:
    args = arguments(__doc__ or "", n=300, titled_option=True)
    need(REUTERS, "the Reuters corpus")
    pool = load_reuters()
    by_topic: dict[str, list[ReutersArticle]] = defaultdict(list)
    for a in pool:
        for t in a.topics:
            by_topic[t].append(a)
    rng = random.Random(args.seed)
    total = Report()
    pks: list[float] = []
    wds: list[float] = []
    found_by: Counter[str] = Counter()
    due_by: Counter[str] = Counter()
    false_at: Counter[str] = Counter()
    split_time = 0.0
    per_doc: dict[str, Any] = {}  # each document's counts (`compare.py` pairs two runs by them)
    for k in range(args.n):
        doc, same = build(rng, pool, by_topic, titled=args.titled, sectioned=args.sectioned)
        started = time.perf_counter()
        result = cs.split(doc.text)
        split_time += time.perf_counter() - started
        report = score(result, doc.gold)
        total += report
        per_doc[str(k)] = {"counts": report_counts(report)}
        seg = segmentation_scores(result, doc.gold)
        pks.append(seg.pk)
        wds.append(seg.windowdiff)
        starts = sorted(a.start for a in result.articles[1:])
        zones = [a["zone"] for a in doc.gold["articles"][1:]]
        tally_conditions(starts, zones, conditions(doc, same), found_by, due_by)
        gold = parse_gold(doc.gold)
        span_starts = [s.start for s in gold.spans]
        for s in starts:
            if any(lo <= s <= hi for lo, hi in zones):
                continue
            j = max(0, bisect.bisect_right(span_starts, s) - 1)
            span = gold.spans[j] if gold.spans else None
            where = "nothing" if span is None else (
                f"{span.kind.value}{'' if span.article is None else ' inside an article'}")
            false_at[where] += 1

    n = max(1, len(pks))
    print(f"{args.n} documents, seed {args.seed}, split() {split_time:.1f} s in all\n")
    print_report(total)
    print(f"\nPk {sum(pks) / n:.3f}   WindowDiff {sum(wds) / n:.3f}   (mean over documents, lines)")
    recalls = print_conditions(found_by, due_by)
    if false_at:
        print(f"\n{'false boundaries fall in':<30} {'count':>6}")
        for where, count in false_at.most_common():
            print(f"{where:<30} {count:>6}")
    figures: dict[str, Any] = {
        **report_figures(total), "pk": sum(pks) / n, "windowdiff": sum(wds) / n,
        "n": args.n, "seed": args.seed,
        "recall_by_condition": recalls,
        "false_boundaries_in": dict(false_at),
        "documents": per_doc,
    }
    write_json(args.json, figures)


if __name__ == "__main__":
    main()
