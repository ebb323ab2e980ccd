"""Shared helpers of the benchmark scripts: options, the Reuters corpus, tables, JSON output.

The Reuters-21578 articles are read from ``../shared`` (never copied into the project).
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus_split import Kind
from corpus_split.evaluate import Report
from corpus_split.synthetic import SourceArticle

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# the fitting scripts' modules (``training/``): which corpus records no model is fitted on
sys.path.insert(0, str(ROOT / "training"))
from common import held_back_models, validation_record  # noqa: E402, F401  (likewise)
from held_back import held_back  # noqa: E402, F401  (re-exported to the benchmarks)

REUTERS = SHARED / "corpora" / "reuters21578.jsonl"
NEWS_EN = SHARED / "corpora" / "news-en.jsonl.gz"
SEEDS = SHARED / "seeds"

MIN_BODY_CHARS = 300
"""Reuters items shorter than this are one-line notices; they make poor articles to recover."""

_END_MARK = re.compile(r"\s*&#3;\s*$")
_SIGN_OFF = re.compile(r"\s*\breuter\b[\s.^M]*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ReutersArticle:
    """A Reuters item parsed into a title, paragraphs and topics."""

    id: int
    title: str | None
    topics: tuple[str, ...]
    paragraphs: tuple[str, ...]

    def source(self, *, titled: bool = True) -> SourceArticle:
        return SourceArticle(self.title if titled else None, self.paragraphs)


def parse_reuters_body(body: str) -> tuple[str, ...]:
    """Paragraphs of a raw Reuters body, its hard wrapping undone.

    Paragraphs start at a newline followed by an indent (usually four spaces). The
    collection's ``&#3;`` end-of-text marker and the closing "Reuter" sign-off are removed:
    both are artefacts of the wire archive, not text a web page would show, and keeping
    them would leave a line whose right kind (body or boilerplate) is unclear. HTML
    entities such as ``&lt;`` stay raw: repairing them is the library's job.
    """
    text = _SIGN_OFF.sub("", _END_MARK.sub("", body))
    paragraphs = re.split(r"\n(?=[ \t]{2,}\S)", text)
    return tuple(p for p in (" ".join(x.split()) for x in paragraphs) if p)


def load_reuters(*, min_paragraphs: int = 2) -> list[ReutersArticle]:
    """The usable Reuters articles (body long enough, at least ``min_paragraphs``), in file order."""
    out: list[ReutersArticle] = []
    with REUTERS.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            paras = parse_reuters_body(row.get("body") or "")
            if len(paras) < min_paragraphs or sum(map(len, paras)) < MIN_BODY_CHARS:
                continue
            title = " ".join((row.get("title") or "").split()) or None
            out.append(ReutersArticle(int(row["id"]), title, tuple(row.get("topics") or ()), paras))
    return out


def load_news_en() -> list[tuple[str | None, list[str]]]:
    """(title or None, paragraphs) of every news-en record, each paragraph's white space collapsed."""
    out: list[tuple[str | None, list[str]]] = []
    with gzip.open(NEWS_EN, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            paras = [" ".join(p.split()) for p in (row.get("text") or "").split("\n\n") if p.strip()]
            out.append((row.get("title") or None, paras))
    return out


def need(path: Path, what: str) -> None:
    """Exit cleanly (status 0) when the shared data is absent."""
    if not path.exists():
        print(f"skipped: {what} not found at {path}")
        sys.exit(0)


def arguments(description: str, n: int, seed: int = 0, titled_option: bool = False,
              sources: tuple[str, ...] = (), tokenized_option: bool = False,
              anywhere_option: bool = False, fitting_half_option: bool = False,
              same_language_option: bool = False) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--n", type=int, default=n, help=f"number of documents (default {n})")
    if sources:
        parser.add_argument("--source", choices=sources, default=sources[0],
                            help=f"where the text comes from (default {sources[0]})")
    if titled_option:
        parser.add_argument("--titled", action="store_true",
                            help="every article keeps a title, no one-sentence-per-line layout "
                                 "(news pages as scraped)")
        parser.add_argument("--sectioned", action="store_true",
                            help="like --titled, and long articles get section headings "
                                 "(web features with subheads)")
    if tokenized_option:
        parser.add_argument("--tokenized", action="store_true",
                            help="punctuation apart and quotes as `` and '' (the Brown-corpus "
                                 "text of Choi's data set)")
        parser.add_argument("--lower", action="store_true",
                            help="every sentence in lower case (as some corpora are)")
    if anywhere_option:
        parser.add_argument("--anywhere", action="store_true",
                            help="excerpts from anywhere in an article, not its first sentences")
    if same_language_option:
        parser.add_argument("--same-language", action="store_true",
                            help="glue pages of one language (each document's in turn) instead of "
                                 "changing language at every page")
    if fitting_half_option:
        parser.add_argument("--fitting-half", action="store_true",
                            help="draw from the records fitting may use instead of the held-back "
                                 "ones (in-sample figures, for screening a change)")
    parser.add_argument("--seed", type=int, default=seed, help=f"random seed (default {seed})")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    return parser.parse_args()


def fmt(value: float) -> str:
    return "  n/a" if math.isnan(value) else f"{value:.3f}"


def report_counts(report: Report) -> dict[str, int]:
    """The counts a report's figures pool, flat (`benchmarks/compare.py` resamples documents by
    them)."""
    b, t = report.boundaries, report.typing
    return {
        "boundary_tp": b.true_positives, "boundary_fp": b.false_positives,
        "boundary_fn": b.false_negatives,
        "whole_hits": report.articles_whole.hits, "whole_total": report.articles_whole.total,
        "kept_hits": t.content_kept.hits, "kept_total": t.content_kept.total,
        "typed_hits": t.non_content_typed.hits, "typed_total": t.non_content_typed.total,
        "titles_hits": report.titles.hits, "titles_total": report.titles.total,
    }


def report_figures(report: Report) -> dict[str, Any]:
    """The pooled figures of a report as a flat, JSON-ready dict."""
    b, t = report.boundaries, report.typing
    figures: dict[str, Any] = {
        "boundary_precision": b.precision, "boundary_recall": b.recall, "boundary_f1": b.f1,
        "boundaries_gold": b.true_positives + b.false_negatives,
        "boundaries_predicted": b.true_positives + b.false_positives,
        "articles_whole": report.articles_whole.value, "articles_gold": report.articles_whole.total,
        "content_kept": t.content_kept.value, "non_content_typed": t.non_content_typed.value,
        "titles_equal": report.titles.value,
        "languages_found": report.languages.value, "language_spans": report.languages.total,
        "repair": report.repair.value, "repair_articles": report.repair.total,
        "counts": report_counts(report),
    }
    for k in Kind:
        s = t.kind(k)
        figures[f"{k.value}_precision"] = s.precision
        figures[f"{k.value}_recall"] = s.recall
        figures[f"{k.value}_gold_chars"] = s.gold
    return figures


def print_report(report: Report, *, show_repair: bool = True,
                 language_label: str = "languages found") -> None:
    f = report_figures(report)
    b = report.boundaries
    rows = [
        ("boundary P / R / F1", f"{fmt(b.precision)} / {fmt(b.recall)} / {fmt(b.f1)}"
         f"   (tp {b.true_positives}, fp {b.false_positives}, fn {b.false_negatives})"),
        ("articles whole", f"{fmt(f['articles_whole'])}   ({report.articles_whole.hits}/"
         f"{report.articles_whole.total})"),
        ("content kept", fmt(f["content_kept"])),
        ("non-content typed", fmt(f["non_content_typed"])),
        ("titles equal gold", f"{fmt(f['titles_equal'])}   ({report.titles.hits}/{report.titles.total})"),
        (language_label, f"{fmt(f['languages_found'])}   ({report.languages.hits}/{report.languages.total})"),
    ]
    if show_repair:
        rows.append(("repair", f"{fmt(f['repair'])}   ({report.repair.hits}/{report.repair.total})"))
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print()
    print(f"{'kind':<12} {'precision':>9} {'recall':>7} {'gold chars':>11}")
    for k in Kind:
        s = report.typing.kind(k)
        print(f"{k.value:<12} {fmt(s.precision):>9} {fmt(s.recall):>7} {s.gold:>11}")


def tally_conditions(starts: Sequence[int], zones: Sequence[Sequence[int]],
                     labels: Sequence[Sequence[str]], found: Counter[str], due: Counter[str]) -> None:
    """Count each gold boundary (its closed ``zone`` and its ``labels``) as due under each of its
    labels, and as found where a predicted start (``starts``, sorted) lies in its zone."""
    for (lo, hi), marks in zip(zones, labels):
        i = bisect.bisect_left(starts, lo)
        hit = i < len(starts) and starts[i] <= hi
        for label in marks:
            due[label] += 1
            found[label] += hit


def print_conditions(found: Counter[str], due: Counter[str], width: int = 30) -> dict[str, float]:
    """Print boundary recall by condition, commonest condition first; the recalls by label."""
    print(f"\n{'boundary recall by condition':<{width}} {'recall':>6} {'found':>6}")
    for label in sorted(due, key=lambda x: (-due[x], x)):
        print(f"{label:<{width}} {fmt(found[label] / due[label]):>6} {found[label]:>4}/{due[label]}")
    return {label: found[label] / due[label] for label in due}


def write_json(path: Path | None, figures: dict[str, Any]) -> None:
    if path is None:
        return
    clean = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in figures.items()}
    path.write_text(json.dumps(clean, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nfigures written to {path}")
