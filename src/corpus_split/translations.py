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
from difflib import SequenceMatcher

import regex

from .lexical import guess_language, script_of

__all__ = [
    "MAX_CHARS", "MAX_PARAGRAPHS", "SAMPLE_CHARS", "TRANSLATION_FEATURES", "block_language",
    "translation_vector",
]

TRANSLATION_FEATURES = (
    "numbers", "numbers_both", "long_numbers", "number_order", "names", "words", "length_gap",
    "script_gap", "profile", "pairs",
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


def _measure(texts: Sequence[str]) -> tuple[list[str], set[str], set[str], float, float, list[float]]:
    """Figures in order, capitalised words, words (3+ letters, case-folded), weighted length,
    CJK share, and each paragraph's log weighted length."""
    numbers: list[str] = []
    names: set[str] = set()
    words: set[str] = set()
    sizes: list[float] = []
    cjk_total = 0
    chars = 0
    for text in texts:
        numbers.extend(_DIGITS_RE.findall(text))
        for w in _WORD_RE.findall(text):
            folded = w.casefold()
            if len(w) >= 2 and not w.islower():
                names.add(folded)
            if len(w) >= 3:
                words.add(folded)
        cjk = 0 if text.isascii() else _run_length(_CJK_RE, text)
        cjk_total += cjk
        chars += len(text)
        sizes.append(math.log1p(len(text) + (_CJK_WEIGHT - 1.0) * cjk))
    weighted = chars + (_CJK_WEIGHT - 1.0) * cjk_total
    return numbers, names, words, weighted, cjk_total / (chars or 1), sizes


def translation_vector(before: Sequence[str], after: Sequence[str]) -> list[float]:
    """`TRANSLATION_FEATURES` of the paragraphs ``before`` a start and ``after`` it.

    The first paragraphs after it, as many as stand before it but at most `MAX_PARAGRAPHS`
    (fewer where they pass `MAX_CHARS`), are set against as many of the last before it: their
    shared figures, long figures and capitalised words (Jaccard), how much of the figures'
    order they share (a translation keeps it), their shared words of three letters or
    more (cognates and names between alphabets), how far their lengths differ (log ratio,
    CJK characters weighted), how far their CJK shares differ, and how the lengths of
    paragraphs in the same place correlate, with how many such pairs there are.
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
    nums_a, names_a, words_a, len_a, cjk_a, sizes_a = _measure(a)
    nums_b, names_b, words_b, len_b, cjk_b, sizes_b = _measure(b)
    pairs = min(len(sizes_a), len(sizes_b))
    # paragraphs in the same place: both blocks read from their first compared paragraph
    profile = _pearson(sizes_a[:pairs], sizes_b[:pairs]) if pairs >= 3 else 0.0
    figures_a, figures_b = set(nums_a), set(nums_b)
    long_a = {x for x in figures_a if len(x) >= 3}
    long_b = {x for x in figures_b if len(x) >= 3}
    # a translation keeps its figures in order: the share of the two sequences that matches
    order = (SequenceMatcher(None, nums_a[:_MAX_FIGURES], nums_b[:_MAX_FIGURES], autojunk=False).ratio()
             if nums_a and nums_b else 0.0)
    return [
        _jaccard(figures_a, figures_b),
        1.0 if nums_a and nums_b else 0.0,
        _jaccard(long_a, long_b),
        order,
        _jaccard(names_a, names_b),
        _jaccard(words_a, words_b),
        abs(math.log((len_a + 1.0) / (len_b + 1.0))),
        abs(cjk_a - cjk_b),
        profile,
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
