"""Concatenated news in German, Spanish, French, Russian, Japanese and Chinese.

    python benchmarks/multilingual.py [--n 300] [--seed 0] [--json FILE] [--fitting-half]

Each document glues 2-4 news posts of ``../shared/corpora/news-multi.jsonl.gz`` (read at
run time, never copied), drawn from the half of its posts no model is fitted on
(``training/held_back.py``: a post and its translations share a side; ``--fitting-half``
draws from the other half instead, which fitting and tuning may look at: in-sample figures,
for screening a change before anything held back is run), with the damage of
``corpus_split.synthetic``: page chrome, teaser links in the page's language, assistant
preambles and sign-offs, mojibake, repeated passages, keyboard mash, four layouts.
Documents cycle through the six languages; every fifth one mixes two of them. Half the
documents keep every title, half drop them all. The posts are Markdown: they are turned
into the plain text a page shows (links to their text, code blocks and link lists dropped,
hard wrapping undone); their section headings stay as one-line paragraphs, typed ``body``
in gold (content either way), as in ``concat.py --sectioned``.

Printed: per language (and for the mixed documents) boundary P/R/F1, F1 on titled and
untitled documents, articles whole, content kept, non-content typed non-content,
language spans found and titles found (titled articles only); boundary recall by condition
(titled or not, where the language changes or not, Chinese or Japanese articles, after
residue, mojibake, chrome or links in the gap: the breakdown issue 14 reports); then single
clean posts with section headings: the share cut at one of their own headings, cut anywhere,
and with the title found.
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import corpus_split as cs
from _common import (
    SHARED,
    arguments,
    fmt,
    held_back,
    need,
    print_conditions,
    report_counts,
    report_figures,
    tally_conditions,
    write_json,
)
from corpus_split.evaluate import Report, score, titles_equal
from corpus_split.synthetic import DamageOptions, Layout, SourceArticle, TitleStyle, generate

NEWS_MULTI = SHARED / "corpora" / "news-multi.jsonl.gz"
LANGUAGES = ("de", "es", "fr", "ru", "ja", "zh")
ARTICLES_PER_DOC = (2, 4)
MIXED_EVERY = 5
"""Every fifth document mixes articles of two languages."""
MIN_PARAGRAPHS = 2
MIN_CHARS = 300
TEASER_POOL = 40
SINGLE_PER_LANGUAGE = 40
"""Clean single posts with section headings split per language (the second table)."""

OPTIONS = DamageOptions(
    layouts=(Layout.BLANK_LINES, Layout.SINGLE_NEWLINE, Layout.HARD_WRAPPED, Layout.CRLF),
    title_styles=(TitleStyle.AS_IS, TitleStyle.AS_IS, TitleStyle.UPPER),
    chrome=0.4, teasers_top=0.25, teasers_between=0.15, teasers_bottom=0.3, preamble=0.15,
    sign_off=0.15, mojibake=0.1, splice=0.1, duplicate=0.1, foreign_paragraph=0.0, noise=0.1,
)
"""The damage: like ``concat.py --titled`` without the foreign paragraphs (the bundled
ones would be a third language) and with less of the English-only residue."""


@dataclass(frozen=True, slots=True)
class Post:
    """A news post as plain text: title, paragraphs, which paragraphs are section headings."""

    id: str
    language: str
    title: str
    paragraphs: tuple[str, ...]
    headings: frozenset[int]

    def source(self, *, titled: bool) -> SourceArticle:
        return SourceArticle(self.title if titled else None, self.paragraphs, self.language)


# --- Markdown to page text ----------------------------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s{0,3}(?:[*+-]|\d+[.)])\s+")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])+)\](?:\([^)]*\)|\[[^\]]*\])")  # one level of nesting
_TAG = re.compile(r"<[^>]{1,200}>")
_LIQUID = re.compile(r"\{[%{].*?[%}]\}")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")
# a few words to check the corpus's language labels with (many posts were never translated)
_MARKERS = {
    "en": {"the", "and", "of", "to", "is", "for", "with", "this"},
    "de": {"der", "die", "und", "ist", "nicht", "mit", "von", "für"},
    "es": {"el", "la", "los", "las", "del", "que", "por", "para"},
    "fr": {"le", "la", "les", "des", "est", "une", "pour", "dans"},
}


def _inline(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _LIQUID.sub("", text)
    text = _TAG.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    return html.unescape(text)


def _join(lines: list[str]) -> str:
    """Lines of one paragraph joined, hard wrapping undone (no space between CJK characters)."""
    out = ""
    for line in (x.strip() for x in lines):
        if not line:
            continue
        if out and not (_CJK.match(out[-1]) and _CJK.match(line[0])):
            out += " "
        out += line
    return " ".join(out.split(" ")).strip()


def page_text(markdown: str) -> tuple[list[str], set[int]]:
    """Paragraphs a browser would show for one post, and the indices of its headings."""
    paragraphs: list[str] = []
    headings: set[int] = set()
    in_fence = False
    block: list[str] = []

    def flush() -> None:
        items: list[list[str]] = []
        for line in block:
            if _ITEM.match(line):
                items.append([_ITEM.sub("", line)])
            elif items:
                items[-1].append(line)
            else:
                items.append([line])
        for item in items:
            text = _join([_inline(x) for x in item])
            if len(text) >= 2 and not _URL_ONLY.match(text) and _LETTER.search(text):
                paragraphs.append(text)
        block.clear()

    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            flush()
            continue
        if in_fence or (line.startswith(("    ", "\t")) and not block) or line.lstrip().startswith("|"):
            continue  # code, or a table
        if _REF_DEF.match(line):
            continue
        if not line.strip():
            flush()
            continue
        m = _HEADING.match(line)
        if m:
            flush()
            text = _join([_inline(m.group(1))])
            if text and _LETTER.search(text):
                headings.add(len(paragraphs))
                paragraphs.append(text)
            continue
        block.append(line)
    flush()
    return paragraphs, headings


def _in_language(language: str, text: str) -> bool:
    """Whether ``text`` is really in ``language`` (some posts were left untranslated)."""
    letters = len(_LETTER.findall(text)) or 1
    if language in ("ja", "zh"):
        cjk, kana = len(_CJK.findall(text)), len(_KANA.findall(text))
        return cjk >= 0.3 * letters and (kana >= 0.1 * cjk if language == "ja" else kana < 0.02 * cjk)
    if language == "ru":
        return len(_CYRILLIC.findall(text)) >= 0.5 * letters
    words = re.findall(r"[^\W\d_]+", text.lower())
    own = sum(w in _MARKERS[language] for w in words)
    english = sum(w in _MARKERS["en"] for w in words)
    return own >= 5 and own > 2 * english


def load_posts(fitting_half: bool = False) -> dict[str, list[Post]]:
    """The usable held-back posts by language, in file order (``fitting_half``: the posts of
    the other half, which the models may be fitted on)."""
    out: dict[str, list[Post]] = defaultdict(list)
    with gzip.open(NEWS_MULTI, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            lang = row.get("lang")
            title = " ".join(_inline(row.get("title") or "").split())
            if (lang not in LANGUAGES or not title
                    or held_back(NEWS_MULTI.name, row["id"]) is fitting_half):
                continue
            paragraphs, headings = page_text(row.get("text") or "")
            body = [p for i, p in enumerate(paragraphs) if i not in headings]
            if (len(body) < MIN_PARAGRAPHS or sum(map(len, body)) < MIN_CHARS
                    or not _in_language(lang, " ".join(paragraphs))):
                continue
            out[lang].append(Post(row["id"], lang, title, tuple(paragraphs), frozenset(headings)))
    return out


# --- Documents ----------------------------------------------------------------------------


def build(rng: random.Random, k: int, posts: dict[str, list[Post]]) -> tuple[Any, str, bool]:
    """Document ``k``: its row in the table (a language or "mixed"), titled or not."""
    lang = LANGUAGES[k % len(LANGUAGES)]
    n = rng.randint(*ARTICLES_PER_DOC)
    mixed = k % MIXED_EVERY == MIXED_EVERY - 1
    if mixed:
        other = rng.choice([x for x in LANGUAGES if x != lang])
        chosen = rng.sample(posts[lang], n - 1) + rng.sample(posts[other], 1)
        rng.shuffle(chosen)
    else:
        chosen = rng.sample(posts[lang], n)
    titled = rng.random() < 0.5
    own = {p.id for p in chosen}
    teaser_langs = sorted({p.language for p in chosen})
    teasers = [p.title for p in rng.sample(posts[rng.choice(teaser_langs)], TEASER_POOL) if p.id not in own]
    doc = generate([p.source(titled=titled) for p in chosen], rng, OPTIONS, teaser_titles=teasers,
                   foreign=())
    return doc, "mixed" if mixed else lang, titled


def conditions(gold: dict[str, Any]) -> list[list[str]]:
    """Labels of each gold boundary (article 1..n), for recall by condition: titled or not,
    whether the language changes there, whether the new article is Chinese or Japanese, the
    residue before it, its damage and what stands in the gap."""
    arts = gold["articles"]
    out = []
    for k in range(1, len(arts)):
        labels = ["untitled" if arts[k]["title"] is None else "titled"]
        changed = arts[k]["language"] != arts[k - 1]["language"]
        labels.append("language changes" if changed else "same language")
        labels.append(("untitled, " if arts[k]["title"] is None else "titled, ")
                      + ("language changes" if changed else "same language"))
        if arts[k]["language"] in ("ja", "zh"):
            labels.append("Chinese or Japanese article")
        if "preamble" in arts[k]["damage"]:
            labels.append("after assistant preamble")
        if "sign_off" in arts[k - 1]["damage"]:
            labels.append("after assistant sign-off")
        if "mojibake" in arts[k]["damage"]:
            labels.append("mojibake article")
        lo, hi = arts[k]["zone"]
        labels.append("chrome/links in gap" if any(
            s["article"] is None and s["kind"] in ("links", "boilerplate", "noise")
            and lo <= s["start"] < hi for s in gold["spans"]) else "bare gap")
        out.append(labels)
    return out


def cut_at_heading(result: cs.Document, post: Post) -> bool:
    """Whether split() started an article at one of the post's own section headings."""
    headings = {post.paragraphs[i] for i in post.headings}
    text = result.text
    for article in result.articles[1:]:
        end = text.find("\n", article.start)
        if text[article.start: end if end >= 0 else len(text)].strip() in headings:
            return True
    return False


def _no_nan(value: Any) -> Any:
    """``value`` with NaN replaced by None at any depth (JSON has no NaN)."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: _no_nan(v) for k, v in value.items()}
    return value


def main() -> None:
    args = arguments(__doc__ or "", n=300, fitting_half_option=True)
    need(NEWS_MULTI, "the multilingual news corpus")
    posts = load_posts(args.fitting_half)
    missing = [x for x in LANGUAGES if len(posts[x]) < TEASER_POOL + ARTICLES_PER_DOC[1]]
    if missing:
        print(f"skipped: too few usable posts in {', '.join(missing)}")
        sys.exit(0)
    rng = random.Random(args.seed)
    rows: dict[str, Report] = defaultdict(Report)
    by_title: dict[tuple[str, bool], Report] = defaultdict(Report)
    titles_found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    split_time = 0.0
    per_doc: dict[str, Any] = {}  # each document's row and counts (`compare.py --row` pairs runs)
    found_by: Counter[str] = Counter()  # gold boundaries found and due, by `conditions`
    due_by: Counter[str] = Counter()
    for k in range(args.n):
        doc, row, titled = build(rng, k, posts)
        started = time.perf_counter()
        result = cs.split(doc.text)
        split_time += time.perf_counter() - started
        report = score(result, doc.gold)
        per_doc[str(k)] = {"row": row, "counts": report_counts(report)}
        starts = sorted(a.start for a in result.articles[1:])
        zones = [a["zone"] for a in doc.gold["articles"][1:]]
        tally_conditions(starts, zones, conditions(doc.gold), found_by, due_by)
        for key in (row, "all"):
            rows[key] += report
            by_title[(key, titled)] += report
        if titled:
            hits = titles_equal(result, doc.gold)
            for key in (row, "all"):
                titles_found[key][0] += sum(hits)
                titles_found[key][1] += len(hits)

    half = "the fitting half's posts (in-sample)" if args.fitting_half else "held-back posts"
    print(f"{args.n} documents of {half}, seed {args.seed}, split() {split_time:.1f} s in all; usable posts: "
          + ", ".join(f"{x} {len(posts[x])}" for x in LANGUAGES) + "\n")
    header = (f"{'':<6} {'docs':>4} {'P':>6} {'R':>6} {'F1':>6} {'F1 tit':>6} {'F1 unt':>6} "
              f"{'whole':>6} {'kept':>6} {'typed':>6} {'lang':>6} {'titles':>6}")
    print(header)
    figures: dict[str, Any] = {"n": args.n, "seed": args.seed, "fitting_half": args.fitting_half,
                               "rows": {}}
    for key in (*LANGUAGES, "mixed", "all"):
        r = rows[key]
        b = r.boundaries
        found, due = titles_found[key]
        f = report_figures(r)
        titled_f1 = by_title[(key, True)].boundaries.f1
        untitled_f1 = by_title[(key, False)].boundaries.f1
        title_share = found / due if due else float("nan")
        docs = r.articles_whole.total
        print(f"{key:<6} {docs:>4} {fmt(b.precision):>6} {fmt(b.recall):>6} {fmt(b.f1):>6} "
              f"{fmt(titled_f1):>6} {fmt(untitled_f1):>6} {fmt(f['articles_whole']):>6} "
              f"{fmt(f['content_kept']):>6} {fmt(f['non_content_typed']):>6} "
              f"{fmt(f['languages_found']):>6} {fmt(title_share):>6}")
        figures["rows"][key] = {**f, "f1_titled": titled_f1, "f1_untitled": untitled_f1,
                                "titles_found": title_share}
    print("(docs: gold articles; F1 tit/unt: boundary F1 on titled/untitled documents; "
          "lang: language spans found; titles: titles found, titled articles only)")

    figures["recall_by_condition"] = print_conditions(found_by, due_by, width=36)

    print(f"\nsingle clean posts with section headings ({SINGLE_PER_LANGUAGE} a language at most)")
    print(f"{'':<6} {'posts':>5} {'cut at heading':>14} {'cut anywhere':>12} {'title found':>11}")
    single: dict[str, Any] = {}
    clean = DamageOptions.clean()
    pooled = [0, 0, 0, 0]
    for lang in LANGUAGES:
        sample = [p for p in posts[lang] if p.headings]
        sample = rng.sample(sample, min(SINGLE_PER_LANGUAGE, len(sample)))
        at_heading = anywhere = title = 0
        for post in sample:
            doc = generate([post.source(titled=True)], rng, clean)
            result = cs.split(doc.text)
            at_heading += cut_at_heading(result, post)
            anywhere += len(result.articles) > 1
            title += all(titles_equal(result, doc.gold))
        n = len(sample) or 1
        print(f"{lang:<6} {len(sample):>5} {fmt(at_heading / n):>14} {fmt(anywhere / n):>12} "
              f"{fmt(title / n):>11}")
        single[lang] = {"posts": len(sample), "cut_at_heading": at_heading / n,
                        "cut_anywhere": anywhere / n, "title_found": title / n}
        for i, v in enumerate((len(sample), at_heading, anywhere, title)):
            pooled[i] += v
    n = pooled[0] or 1
    print(f"{'all':<6} {pooled[0]:>5} {fmt(pooled[1] / n):>14} {fmt(pooled[2] / n):>12} "
          f"{fmt(pooled[3] / n):>11}")
    figures["single"] = single
    figures["documents"] = per_doc
    write_json(args.json, _no_nan(figures))


if __name__ == "__main__":
    main()
