"""Whether two blocks of text in different languages are one text and its translation.

A page may carry a letter or a notice followed by its translations (German, then Spanish,
then Greek): a change of language there does not open another article. A translation keeps
what a language does not change (figures, names, links, code) and the shape of its source
(as many paragraphs, in proportion, in the same order); two different texts keep neither.
`translation_vector` measures that on the paragraphs either side of a start, and the fitted
`scores.TranslationModel` turns it into the chance that they are one text
(``training/fit_translations.py`` fits it on the news posts in several languages).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import regex

from .lexical import guess_language, script_of

__all__ = [
    "MAX_CHARS", "MAX_PARAGRAPHS", "SAMPLE_CHARS", "TRANSLATION_FEATURES", "block_language",
    "translation_vector",
]

TRANSLATION_FEATURES = (
    "numbers", "numbers_both", "long_numbers", "number_order", "names", "inner_names", "words",
    "length_gap", "script_gap", "profile", "ratio_spread", "same_ends", "pairs",
)
"""What the translation model reads of two blocks (see `translation_vector`)."""

MAX_PARAGRAPHS = 40
"""Paragraphs compared at most: the first of the block after a start, as many of the last
of the block before it (the work stays small on long pages)."""
MAX_CHARS = 3000
"""... and no more paragraphs after the start than reach this many characters."""

_MAX_FIGURES = 60  # figures compared in order at most (the matching is quadratic)
SAMPLE_CHARS = 400
"""Characters next to a start that each side's language is judged on."""

_DIGITS_RE = regex.compile(r"\d+")
# what may stand between a sentence's end and the next word (a word after it opens a sentence)
_OPENING_RE = regex.compile(r"[.!?:;。！？：；\"“”«»()\[\]]")
_SENTENCE_END_RE = regex.compile(r"[.!?。！？](?=\s|$)|[。！？]")
_WORD_RE = regex.compile(r"[^\W\d_][\w'’.+#-]*[\w+#]|[^\W\d_]")
# runs of one class of characters (counted by `_run_length`)
_CJK_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")
_KANA_RE = regex.compile(r"[\p{Hiragana}\p{Katakana}]+")
_HANGUL_RE = regex.compile(r"\p{Hangul}+")
_LETTERS_RE = regex.compile(r"\p{L}+")
_LATIN_OR_CYRILLIC_RE = regex.compile(r"[\p{Latin}\p{Cyrillic}]+")
_CJK_WEIGHT = 3.0
"""A CJK character counted as this many characters of an alphabet, so that the lengths of a
text and of its translation into Chinese or Japanese compare (a rough, common ratio)."""


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else 0.0


@dataclass(frozen=True, slots=True)
class _Block:
    """What `translation_vector` reads of one side's paragraphs."""

    numbers: list[str]  # figures, in order
    names: set[str]  # capitalised words (case-folded)
    inner_names: set[str]  # ... of them, those inside a sentence: names rather than openings
    words: set[str]  # words of three letters or more (case-folded)
    weighted: float  # length, a CJK character weighing _CJK_WEIGHT
    cjk_share: float
    sizes: list[float]  # each paragraph's log weighted length
    ends: list[int]  # each paragraph's sentence ends


def _measure(texts: Sequence[str]) -> _Block:
    numbers: list[str] = []
    names: set[str] = set()
    inner: set[str] = set()
    words: set[str] = set()
    sizes: list[float] = []
    ends: list[int] = []
    cjk_total = 0
    chars = 0
    for text in texts:
        numbers.extend(_DIGITS_RE.findall(text))
        last = -1  # where the previous word ended (-1: none yet, the paragraph opens)
        for m in _WORD_RE.finditer(text):
            w = m.group()
            folded = w.casefold()
            if len(w) >= 2 and not w.islower():
                names.add(folded)
                if w[0].isupper() and last >= 0 and _OPENING_RE.search(text, last, m.start()) is None:
                    inner.add(folded)
            if len(w) >= 3:
                words.add(folded)
            last = m.end()
        cjk = 0 if text.isascii() else _run_length(_CJK_RE, text)
        cjk_total += cjk
        chars += len(text)
        sizes.append(math.log1p(len(text) + (_CJK_WEIGHT - 1.0) * cjk))
        ends.append(len(_SENTENCE_END_RE.findall(text)))
    weighted = chars + (_CJK_WEIGHT - 1.0) * cjk_total
    return _Block(numbers, names, inner, words, weighted, cjk_total / (chars or 1), sizes, ends)


def translation_vector(before: Sequence[str], after: Sequence[str]) -> list[float]:
    """`TRANSLATION_FEATURES` of the paragraphs ``before`` a start and ``after`` it.

    The first paragraphs after it, as many as stand before it but at most `MAX_PARAGRAPHS`
    (fewer where they pass `MAX_CHARS`), are set against as many of the last before it: their
    shared figures, long figures, capitalised words and capitalised words inside sentences
    (Jaccard), how much of the figures' order they share (a translation keeps it), their
    shared words of three letters or more (cognates and names between alphabets), how far
    their lengths differ (log ratio, CJK characters weighted), how far their CJK shares
    differ; then paragraph by paragraph, in the same place: how their lengths correlate, how
    far the ratios of their lengths spread, the share with as many sentence ends; and how
    many such pairs there are.
    """
    b = []
    size = 0
    # as many paragraphs either side: the shorter block decides (a translation may be
    # followed by another, or its source preceded by the page's header)
    for text in after[: min(MAX_PARAGRAPHS, len(before))]:
        if size >= MAX_CHARS:
            break
        b.append(text)
        size += len(text)
    a = list(before[-len(b):]) if b else []
    if not a or not b:
        return [0.0] * len(TRANSLATION_FEATURES)
    x, y = _measure(a), _measure(b)
    nums_a, nums_b = x.numbers, y.numbers
    pairs = min(len(x.sizes), len(y.sizes))
    # paragraphs in the same place: both blocks read from their first compared paragraph
    profile = _pearson(x.sizes[:pairs], y.sizes[:pairs]) if pairs >= 3 else 0.0
    # a translation grows or shrinks every paragraph alike (log length ratios close together)
    # and keeps its sentences (as many sentence ends, paragraph by paragraph)
    ratios = [q - p for p, q in zip(x.sizes, y.sizes)]
    mean = sum(ratios) / pairs
    spread = math.sqrt(sum((r - mean) ** 2 for r in ratios) / pairs) if pairs >= 2 else 1.0
    same_ends = sum(1 for p, q in zip(x.ends, y.ends) if p == q) / pairs
    figures_a, figures_b = set(nums_a), set(nums_b)
    long_a = {f for f in figures_a if len(f) >= 3}
    long_b = {f for f in figures_b if len(f) >= 3}
    # a translation keeps its figures in order: the share of the two sequences that matches
    order = (SequenceMatcher(None, nums_a[:_MAX_FIGURES], nums_b[:_MAX_FIGURES], autojunk=False).ratio()
             if nums_a and nums_b else 0.0)
    return [
        _jaccard(figures_a, figures_b),
        1.0 if nums_a and nums_b else 0.0,
        _jaccard(long_a, long_b),
        order,
        _jaccard(x.names, y.names),
        _jaccard(x.inner_names, y.inner_names),
        _jaccard(x.words, y.words),
        abs(math.log((x.weighted + 1.0) / (y.weighted + 1.0))),
        abs(x.cjk_share - y.cjk_share),
        profile,
        min(spread, 1.0),
        same_ends,
        math.log1p(pairs),
    ]


def block_language(text: str) -> str | None:
    """The language of a sample of a block (a few hundred characters next to a start): a
    script's own language where the script tells (Chinese, Japanese, Greek...), else the
    language whose stop words lead; None when unsure (then the start stays)."""
    if len(text.encode("ascii", "ignore")) >= 0.9 * len(text):
        return guess_language(text)  # (nearly) plain ASCII: Latin letters, curly quotes
    cjk = _run_length(_CJK_RE, text)
    if cjk >= 0.3 * len(text):  # mostly CJK, whatever else it holds: no letters counted
        return _cjk_language(text, cjk)
    letters = _run_length(_LETTERS_RE, text)
    if not letters:
        return None
    if cjk >= 0.3 * letters:
        return _cjk_language(text, cjk)
    if _run_length(_LATIN_OR_CYRILLIC_RE, text) >= 0.5 * letters:
        return guess_language(text)
    # a script of one language here (Greek, Armenian...) or of several: either way a change
    return Counter(map(script_of, "".join(_LETTERS_RE.findall(text)))).most_common(1)[0][0]


def _cjk_language(text: str, cjk: int) -> str:
    """Japanese where kana are a tenth of the CJK characters, Korean where Hangul is half, else Chinese."""
    if _run_length(_KANA_RE, text) >= 0.1 * cjk:
        return "ja"
    return "ko" if _run_length(_HANGUL_RE, text) >= 0.5 * cjk else "zh"


def _run_length(pattern: regex.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the one-class ``pattern`` (runs of it) matches."""
    return sum(map(len, pattern.findall(text)))
