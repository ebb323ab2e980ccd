"""Scoring a `Document` against gold annotation.

The gold format is that of ``../shared/seeds/gold/*.json`` (and of
`corpus_split.synthetic`): a dict with ``articles`` (``title``, ``content_start``,
``content_end``, ``zone``, optionally ``clean_text``), ``spans`` (``kind``, ``article``,
``start``, ``end``; kind ``?`` means either answer is acceptable) and ``languages``.

The scores follow "How accuracy is scored" in ``../shared/README.md``:

- boundaries: the starts of predicted articles after the first, matched one-to-one
  against gold zones (`boundary_counts`);
- articles recovered whole, by the 95 % / 95 % rule over content characters
  (`articles_whole`);
- typing over non-whitespace characters, ``?`` spans ignored: content kept, non-content
  typed non-content, and per-kind precision/recall (`typing_scores`);
- repair: ``clean_text`` equals the undamaged article after whitespace is collapsed and
  curly quotes/dashes folded to ASCII (`repair_check`);
- Pk and WindowDiff over lines with k = half the mean gold segment length
  (`segmentation_scores`, `pk`, `windowdiff`).

Every count type has ``__add__`` so scores of many documents can be summed before the
ratios are taken (micro-averaging, as the README's "over all documents" asks).
All functions are pure: they read their arguments and return new frozen values.
"""

from __future__ import annotations

import bisect
import html
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .model import CONTENT_KINDS, Article, Boundary, Document, Kind, Segment
from .repair import repair

__all__ = [
    "WHOLE_SHARE",
    "BoundaryCounts",
    "GoldArticle",
    "GoldDocument",
    "GoldKind",
    "GoldLanguageSpan",
    "GoldSpan",
    "KindScore",
    "Ratio",
    "Report",
    "SegmentationScore",
    "TypingScore",
    "articles_whole",
    "boundary_counts",
    "fold_for_repair",
    "language_spans_found",
    "line_labels",
    "oracle_document",
    "parse_gold",
    "pk",
    "predicted_starts",
    "repair_check",
    "score",
    "segmentation_scores",
    "titles_equal",
    "typing_scores",
    "windowdiff",
]

WHOLE_SHARE = 0.95
"""The README's threshold for "recovered whole": both coverage and purity must reach 95 %."""

LANGUAGE_FOUND_SHARE = 0.5
"""A gold language span is found when most of its characters carry that language."""


class GoldKind(str, Enum):
    """A gold span's kind: one of `Kind`, or ``?`` (either is fine)."""

    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    BOILERPLATE = "boilerplate"
    LINKS = "links"
    NOISE = "noise"
    ARTIFACT = "artifact"
    DUPLICATE = "duplicate"
    EITHER = "?"

    @property
    def kind(self) -> Kind | None:
        """The matching `Kind`, or None for ``?``."""
        return None if self is GoldKind.EITHER else Kind(self.value)

    @property
    def is_content(self) -> bool:
        """True for title, heading and body: the article's own text."""
        k = self.kind
        return k is not None and k in CONTENT_KINDS

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A run of gold-annotated text ``[start, end)`` with one kind."""

    kind: GoldKind
    article: int | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """A gold article: its content range, the zone where its start may be predicted, and more."""

    index: int
    title: str | None
    content_start: int
    content_end: int
    zone: tuple[int, int]
    clean_text: str | None = None


@dataclass(frozen=True, slots=True)
class GoldLanguageSpan:
    """A non-English stretch of the gold text."""

    language: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A parsed, validated gold annotation."""

    articles: tuple[GoldArticle, ...]
    spans: tuple[GoldSpan, ...]
    languages: tuple[GoldLanguageSpan, ...]


def parse_gold(gold: Mapping[str, Any] | GoldDocument) -> GoldDocument:
    """Read a gold dict (the seeds' JSON format) into typed, sorted records.

    Raises:
        ValueError: a field is missing or malformed (unknown kind, zone not ``[lo, hi]``).
    """
    if isinstance(gold, GoldDocument):
        return gold
    try:
        articles = tuple(
            GoldArticle(
                index=int(a.get("index", i)),
                title=a.get("title"),
                content_start=int(a["content_start"]),
                content_end=int(a["content_end"]),
                zone=(int(a["zone"][0]), int(a["zone"][1])),
                clean_text=a.get("clean_text"),
            )
            for i, a in enumerate(gold["articles"])
        )
        spans = tuple(
            sorted(
                (GoldSpan(GoldKind(s["kind"]), s.get("article"), int(s["start"]), int(s["end"]))
                 for s in gold["spans"]),
                key=lambda s: s.start,
            )
        )
        languages = tuple(
            GoldLanguageSpan(str(x["language"]), int(x["start"]), int(x["end"]))
            for x in gold.get("languages", ())
        )
    except (KeyError, TypeError, IndexError) as exc:
        raise ValueError(f"malformed gold annotation: {exc!r}") from exc
    for a in articles:
        if a.zone[0] > a.zone[1]:
            raise ValueError(f"gold article {a.index}: zone {a.zone} is not [lo, hi]")
    return GoldDocument(articles, spans, languages)


# ---------------------------------------------------------------------------------------
# Count types


@dataclass(frozen=True, slots=True)
class Ratio:
    """``hits`` out of ``total``; ``value`` is NaN when there is nothing to count."""

    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else math.nan

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)


@dataclass(frozen=True, slots=True)
class BoundaryCounts:
    """Matched (true positive), unmatched predicted and unmatched gold boundaries."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        """Share of predicted boundaries inside a gold zone (1.0 when none predicted and none due)."""
        predicted = self.true_positives + self.false_positives
        if predicted:
            return self.true_positives / predicted
        return 1.0 if not self.false_negatives else 0.0

    @property
    def recall(self) -> float:
        """Share of gold boundaries found (1.0 when there are none)."""
        due = self.true_positives + self.false_negatives
        return self.true_positives / due if due else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: BoundaryCounts) -> BoundaryCounts:
        return BoundaryCounts(self.true_positives + other.true_positives,
                              self.false_positives + other.false_positives,
                              self.false_negatives + other.false_negatives)


@dataclass(frozen=True, slots=True)
class KindScore:
    """Character counts for one kind: predicted with it, gold with it, and both."""

    kind: Kind
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else math.nan

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else math.nan

    def __add__(self, other: KindScore) -> KindScore:
        if other.kind is not self.kind:
            raise ValueError(f"cannot add scores of {self.kind} and {other.kind}")
        return KindScore(self.kind, self.correct + other.correct, self.predicted + other.predicted,
                         self.gold + other.gold)


def _empty_kinds() -> tuple[KindScore, ...]:
    return tuple(KindScore(k) for k in Kind)


@dataclass(frozen=True, slots=True)
class TypingScore:
    """Typing over non-whitespace characters, ``?`` ignored (see the module docstring)."""

    content_kept: Ratio = Ratio()
    non_content_typed: Ratio = Ratio()
    per_kind: tuple[KindScore, ...] = _empty_kinds()

    def kind(self, kind: Kind) -> KindScore:
        """The score of one kind."""
        return next(s for s in self.per_kind if s.kind is kind)

    def __add__(self, other: TypingScore) -> TypingScore:
        return TypingScore(self.content_kept + other.content_kept,
                           self.non_content_typed + other.non_content_typed,
                           tuple(a + b for a, b in zip(self.per_kind, other.per_kind)))


@dataclass(frozen=True, slots=True)
class SegmentationScore:
    """Pk and WindowDiff of one document over its non-blank lines, with the ``k`` used."""

    pk: float
    windowdiff: float
    k: int
    lines: int


@dataclass(frozen=True, slots=True)
class Report:
    """All per-document figures; add reports to pool counts over many documents."""

    boundaries: BoundaryCounts = BoundaryCounts()
    articles_whole: Ratio = Ratio()
    typing: TypingScore = TypingScore()
    repair: Ratio = Ratio()
    titles: Ratio = Ratio()
    languages: Ratio = Ratio()

    def __add__(self, other: Report) -> Report:
        return Report(self.boundaries + other.boundaries, self.articles_whole + other.articles_whole,
                      self.typing + other.typing, self.repair + other.repair,
                      self.titles + other.titles, self.languages + other.languages)


# ---------------------------------------------------------------------------------------
# Boundaries


def predicted_starts(doc: Document) -> tuple[int, ...]:
    """The predicted boundaries: the ``start`` of every article after the first."""
    return tuple(a.start for a in doc.articles[1:])


def boundary_counts(
    predicted: Document | Iterable[int], gold: Mapping[str, Any] | GoldDocument
) -> BoundaryCounts:
    """Match predicted starts to gold zones, each start to at most one zone and vice versa.

    A gold boundary (every article after the first) is found when a predicted start lies
    in its closed zone ``[lo, hi]``. Zones are taken in order of ``hi`` and each takes the
    smallest unused start inside it, which yields a maximum matching for intervals.
    """
    g = parse_gold(gold)
    starts = sorted(predicted_starts(predicted) if isinstance(predicted, Document) else predicted)
    used = [False] * len(starts)
    tp = 0
    for lo, hi in sorted((a.zone for a in g.articles[1:]), key=lambda z: (z[1], z[0])):
        i = bisect.bisect_left(starts, lo)
        while i < len(starts) and starts[i] <= hi and used[i]:
            i += 1
        if i < len(starts) and starts[i] <= hi:
            used[i] = True
            tp += 1
    due = max(0, len(g.articles) - 1)
    return BoundaryCounts(tp, len(starts) - tp, due - tp)


# ---------------------------------------------------------------------------------------
# Characters: gold labels and predicted kinds per character


def _gold_chars(text: str, g: GoldDocument) -> list[tuple[int, GoldSpan]]:
    """(offset, span) for every non-whitespace character inside a gold span."""
    out: list[tuple[int, GoldSpan]] = []
    for span in g.spans:
        for i in range(max(0, span.start), min(span.end, len(text))):
            if not text[i].isspace():
                out.append((i, span))
    return out


def _kind_at(doc: Document) -> list[Kind]:
    kinds: list[Kind] = [Kind.NOISE] * len(doc.text)
    for seg in doc.segments:
        kinds[seg.start:seg.end] = [seg.kind] * (seg.end - seg.start)
    return kinds


def typing_scores(doc: Document, gold: Mapping[str, Any] | GoldDocument) -> TypingScore:
    """Content kept, non-content typed non-content and per-kind precision/recall over characters.

    Only non-whitespace characters inside gold spans of a definite kind count; characters
    of ``?`` spans are ignored entirely (also for per-kind precision).
    """
    g = parse_gold(gold)
    kinds = _kind_at(doc)
    kept = typed = content_total = other_total = 0
    correct = dict.fromkeys(Kind, 0)
    predicted = dict.fromkeys(Kind, 0)
    golds = dict.fromkeys(Kind, 0)
    for i, span in _gold_chars(doc.text, g):
        gk = span.kind.kind
        if gk is None:
            continue
        pk_ = kinds[i]
        predicted[pk_] += 1
        golds[gk] += 1
        if pk_ is gk:
            correct[gk] += 1
        if gk in CONTENT_KINDS:
            content_total += 1
            kept += pk_ in CONTENT_KINDS
        else:
            other_total += 1
            typed += pk_ not in CONTENT_KINDS
    per_kind = tuple(KindScore(k, correct[k], predicted[k], golds[k]) for k in Kind)
    return TypingScore(Ratio(kept, content_total), Ratio(typed, other_total), per_kind)


# ---------------------------------------------------------------------------------------
# Articles


def _content_offsets(text: str, g: GoldDocument) -> list[list[int]]:
    """Non-whitespace content offsets (title/heading/body) of each gold article, sorted."""
    out: list[list[int]] = [[] for _ in g.articles]
    for i, span in _gold_chars(text, g):
        if span.kind.is_content and span.article is not None and 0 <= span.article < len(out):
            out[span.article].append(i)
    return out


def _in_range(offsets: list[int], start: int, end: int) -> int:
    return bisect.bisect_left(offsets, end) - bisect.bisect_left(offsets, start)


def _best_article(doc: Document, offsets: list[int]) -> int | None:
    """The predicted article holding most of these offsets (first on ties), or None."""
    best, best_n = None, 0
    for a in doc.articles:
        n = _in_range(offsets, a.start, a.end)
        if n > best_n:
            best, best_n = a.index, n
    return best


def articles_whole(doc: Document, gold: Mapping[str, Any] | GoldDocument) -> tuple[bool, ...]:
    """For each gold article, whether one predicted article holds it whole.

    Whole means: the predicted ``[start, end)`` holds at least `WHOLE_SHARE` of the
    gold article's content characters, and at least that share of all gold content
    characters inside the range belong to it. Content characters are the non-whitespace
    characters of its title, heading and body spans. Sum the result for a count.
    """
    g = parse_gold(gold)
    per_article = _content_offsets(doc.text, g)
    every = sorted(i for offs in per_article for i in offs)
    out: list[bool] = []
    for offsets in per_article:
        ok = False
        if offsets:
            for a in doc.articles:
                mine = _in_range(offsets, a.start, a.end)
                if mine < WHOLE_SHARE * len(offsets):
                    continue
                if mine >= WHOLE_SHARE * _in_range(every, a.start, a.end):
                    ok = True
                    break
        out.append(ok)
    return tuple(out)


def fold_for_repair(text: str) -> str:
    """Collapse whitespace runs to one space, strip, fold curly quotes and dashes to ASCII."""
    return " ".join(text.translate(_FOLD).split())


_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
})


def repair_check(doc: Document, gold: Mapping[str, Any] | GoldDocument) -> tuple[bool, ...]:
    """For each gold article with a ``clean_text`` (it was mojibake-damaged), whether repair worked.

    The predicted article compared is the one holding most of the gold article's content
    characters; it passes when both texts are equal after `fold_for_repair`.
    """
    g = parse_gold(gold)
    per_article = _content_offsets(doc.text, g)
    out: list[bool] = []
    for art, offsets in zip(g.articles, per_article):
        if art.clean_text is None:
            continue
        best = _best_article(doc, offsets)
        out.append(best is not None
                   and fold_for_repair(doc.articles[best].clean_text) == fold_for_repair(art.clean_text))
    return tuple(out)


def _title_key(title: str | None) -> str | None:
    # A raw gold title may still hold HTML entities ("&lt;") that repair decodes.
    if title is None:
        return None
    return fold_for_repair(html.unescape(title).replace("_ ", ": ")).casefold() or None


def titles_equal(doc: Document, gold: Mapping[str, Any] | GoldDocument) -> tuple[bool, ...]:
    """For each gold article, whether the predicted article holding most of it has the same title.

    Titles compare after HTML entities are decoded, `fold_for_repair`, case folding,
    and the seeds' ``"_ "`` →
    ``": "`` normalisation; a gold title of None wants a predicted title of None.
    """
    g = parse_gold(gold)
    out: list[bool] = []
    for art, offsets in zip(g.articles, _content_offsets(doc.text, g)):
        best = _best_article(doc, offsets)
        predicted = doc.articles[best].title if best is not None else None
        out.append(best is not None and _title_key(predicted) == _title_key(art.title))
    return tuple(out)


def _primary(language: str | None) -> str:
    return (language or "").replace("_", "-").split("-")[0].casefold()


def language_spans_found(doc: Document, gold: Mapping[str, Any] | GoldDocument) -> tuple[bool, ...]:
    """For each gold language span, whether most of its characters carry that language.

    Languages compare by primary subtag (``zh-Hans`` counts as ``zh``); the share needed is
    `LANGUAGE_FOUND_SHARE` of the span's non-whitespace characters.
    """
    g = parse_gold(gold)
    text = doc.text
    starts = [s.start for s in doc.segments]
    out: list[bool] = []
    for span in g.languages:
        want = _primary(span.language)
        total = hit = 0
        for i in range(max(0, span.start), min(span.end, len(text))):
            if text[i].isspace():
                continue
            total += 1
            seg = doc.segments[bisect.bisect_right(starts, i) - 1]
            hit += _primary(seg.language) == want
        out.append(total > 0 and hit >= LANGUAGE_FOUND_SHARE * total)
    return tuple(out)


def _ratio(flags: Sequence[bool]) -> Ratio:
    return Ratio(sum(flags), len(flags))


def score(doc: Document, gold: Mapping[str, Any] | GoldDocument) -> Report:
    """Every per-document figure at once; ``sum(reports, Report())`` pools many documents."""
    g = parse_gold(gold)
    return Report(
        boundaries=boundary_counts(doc, g),
        articles_whole=_ratio(articles_whole(doc, g)),
        typing=typing_scores(doc, g),
        repair=_ratio(repair_check(doc, g)),
        titles=_ratio(titles_equal(doc, g)),
        languages=_ratio(language_spans_found(doc, g)),
    )


# ---------------------------------------------------------------------------------------
# Pk and WindowDiff over lines


def line_labels(text: str, starts: Iterable[int]) -> list[int]:
    """Segment number of each non-blank line, given the offsets where new segments start.

    A start opens a new segment at the first non-blank line that ends after it (so a start
    in a blank gap, or mid-line, counts for the line it falls in or the next one).
    Starts at or before the first non-blank line open nothing.
    """
    line_ends: list[int] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            line_ends.append(end)
        pos = end + 1
    opens = [0] * len(line_ends)
    for s in starts:
        j = bisect.bisect_right(line_ends, s)
        if 0 < j < len(line_ends):
            opens[j] = 1
    labels: list[int] = []
    current = 0
    for flag in opens:
        current += flag
        labels.append(current)
    return labels


def _default_k(reference: Sequence[int]) -> int:
    segments = len(set(reference)) or 1
    return max(1, round(len(reference) / segments / 2))


def pk(reference: Sequence[int], hypothesis: Sequence[int], k: int | None = None) -> float:
    """Pk (Beeferman et al. 1999): share of probes ``(i, i+k)`` where the two disagree on "same segment".

    ``reference`` and ``hypothesis`` give a segment label per unit (line). ``k`` defaults
    to half the mean reference segment length, rounded, at least 1. 0 is perfect.
    """
    n, k = _probe_width(reference, hypothesis, k)
    if n < 2:
        return 0.0
    errors = sum((reference[i] == reference[i + k]) != (hypothesis[i] == hypothesis[i + k])
                 for i in range(n - k))
    return errors / (n - k)


def windowdiff(reference: Sequence[int], hypothesis: Sequence[int], k: int | None = None) -> float:
    """WindowDiff (Pevzner & Hearst 2002): share of windows with a different number of boundaries.

    Labels must not decrease along the sequence (as `line_labels` gives), so the
    number of boundaries in a window is the difference of its end labels. 0 is perfect.
    """
    n, k = _probe_width(reference, hypothesis, k)
    if n < 2:
        return 0.0
    errors = sum(_changes(reference, i, i + k) != _changes(hypothesis, i, i + k) for i in range(n - k))
    return errors / (n - k)


def _probe_width(reference: Sequence[int], hypothesis: Sequence[int], k: int | None) -> tuple[int, int]:
    """Check a labelling pair; return the number of units and the probe distance to use."""
    _check_pair(reference, hypothesis)
    n = len(reference)
    k = _default_k(reference) if k is None else k
    return n, max(1, min(k, n - 1))


def _changes(labels: Sequence[int], i: int, j: int) -> int:
    return sum(labels[t] != labels[t + 1] for t in range(i, j))


def _check_pair(reference: Sequence[int], hypothesis: Sequence[int]) -> None:
    if len(reference) != len(hypothesis):
        raise ValueError(f"reference has {len(reference)} units but hypothesis {len(hypothesis)}")


def segmentation_scores(
    predicted: Document | Iterable[int], gold: Mapping[str, Any] | GoldDocument, text: str | None = None
) -> SegmentationScore:
    """Pk and WindowDiff over the non-blank lines, gold segments opening at each article's content start.

    ``predicted`` is a Document or plain predicted starts (then ``text`` is required).
    """
    g = parse_gold(gold)
    if isinstance(predicted, Document):
        text, starts = predicted.text, predicted_starts(predicted)
    elif text is None:
        raise ValueError("segmentation_scores() needs text when given plain starts")
    else:
        starts = tuple(predicted)
    reference = line_labels(text, [a.content_start for a in g.articles[1:]])
    hypothesis = line_labels(text, starts)
    k = _default_k(reference)
    return SegmentationScore(pk(reference, hypothesis, k), windowdiff(reference, hypothesis, k), k,
                             len(reference))


# ---------------------------------------------------------------------------------------
# The oracle


def oracle_document(text: str, gold: Mapping[str, Any] | GoldDocument) -> Document:
    """The Document a perfect splitter would return for ``text``, built from its gold.

    Useful to check a gold annotation (the oracle must score perfectly against it) and as
    the upper bound in benchmarks. Segments follow the gold spans, whitespace going to the
    piece before; ``?`` becomes body inside an article and boilerplate outside; article
    ``k`` runs from its ``content_start`` to the next article's; titles and ``clean_text``
    come from the gold (``clean_text`` falls back to the content spans' text).

    Raises:
        ValueError: the gold does not fit the text (spans out of range or overlapping).
    """
    g = parse_gold(gold)
    spans = [s for s in g.spans if s.end > s.start]
    for a, b in zip(spans, spans[1:]):
        if b.start < a.end:
            raise ValueError(f"gold spans overlap at {b.start}")
    if spans and (spans[0].start < 0 or spans[-1].end > len(text)):
        raise ValueError("gold spans fall outside the text")
    langs = sorted(g.languages, key=lambda x: x.start)
    lang_starts = [x.start for x in langs]

    def language_at(i: int) -> str | None:
        j = bisect.bisect_right(lang_starts, i) - 1
        return langs[j].language if j >= 0 and i < langs[j].end else None

    cuts = [0] + [s.start for s in spans[1:]] + [len(text)]
    segments: list[Segment] = []
    switches = sorted({x.start for x in langs} | {x.end for x in langs})
    for span, lo, hi in zip(spans, cuts, cuts[1:]):
        kind = span.kind.kind or (Kind.BODY if span.article is not None else Kind.BOILERPLATE)
        pieces = [lo, *(b for b in switches if lo < b < hi), hi]
        for p, q in zip(pieces, pieces[1:]):
            if q > p:
                segments.append(Segment(kind, p, q, text[p:q], span.article, language_at(max(p, span.start))))
    if not spans and text:
        segments.append(Segment(Kind.NOISE, 0, len(text), text))
    starts = [a.content_start for a in g.articles]
    starts[:1] = [0] if starts else []
    ends = [*starts[1:], len(text)]
    articles: list[Article] = []
    for art, lo, hi in zip(g.articles, starts, ends):
        own = tuple(s for s in segments if lo <= s.start < hi)
        content = [text[s.start:s.end] for s in spans if s.article == art.index and s.kind.is_content]
        clean = art.clean_text if art.clean_text is not None else "\n\n".join(c.strip() for c in content)
        articles.append(Article(art.index, lo, hi, text[lo:hi], art.title, None, own, clean))
    boundaries = tuple(Boundary(a.start, 1.0, ()) for a in articles[1:])
    return Document(text, None, tuple(segments), tuple(articles), boundaries, repair(text))
