"""Sentence spans: pysbd when it is installed (the ``sentences`` extra), a regex otherwise.

`sentence_spans` gives the ``[start, end)`` character offsets of each sentence of a text.
Each span is trimmed (it starts and ends on a non-whitespace character), spans are in
order and never overlap, and every non-whitespace character lies in exactly one span.
A line break always ends a sentence, as it does in pysbd.

pysbd is accurate (abbreviations, numbers, quotations) but slow, about 3 s per MB
against 0.05 s for the regex, so only the first `PYSBD_MAX_CHARS` characters of a text
go to it (cut at a line break when there is one): at most about 0.06 s per text. The
rest, and languages pysbd does not know, get the regex rules of `regex_sentence_spans`.
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any

import regex

from .marks import CLOSERS, ENDS

__all__ = ["PYSBD_MAX_CHARS", "pysbd_available", "regex_sentence_spans", "sentence_spans"]

PYSBD_MAX_CHARS = 20_000
"""Characters of a text given to pysbd at most; the rest is split by the regex rules."""

# Common abbreviations that end in a full stop without ending a sentence (lower case).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt no nos vs etc fig figs approx dept est inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec gen gov sen rep rev col lt sgt capt
    cf al ca op vol pp ed eds
    """.split()
)

# A sentence end: terminal punctuation, closing quotes or brackets, then whitespace
# within the line and a character that can open a sentence (not a lower-case letter).
_END_RE = regex.compile(
    rf"""(?<=[{re.escape(ENDS)}…][{re.escape(CLOSERS)}\]]*)[^\S\n]+(?=[\"'“‘«(\[]*[^\s\p{{Ll}}])""",
    regex.VERSION1,
)
# The word before a full stop: an abbreviation or a single initial does not end a sentence.
_WORD_BEFORE_RE = regex.compile(r"(\w+)\.[\"'”’»)\]]*$")
# Python's str.isspace() counts the information separators U+001C..U+001F; so do we.
_NON_SPACE_RE = regex.compile(r"[^\s\x1c-\x1f](?:.*[^\s\x1c-\x1f])?")


def pysbd_available() -> bool:
    """Whether pysbd can be imported, i.e. whether `sentence_spans` uses it."""
    return _pysbd() is not None


@functools.cache
def _pysbd() -> Any:
    try:
        import pysbd
    except ImportError:
        return None
    return pysbd


@functools.lru_cache(maxsize=256)
def _segmenter(language: str, thread: int = 0) -> Any:
    """A pysbd segmenter for a language, or None; one per thread, as segment() keeps state."""
    pysbd = _pysbd()
    if pysbd is None:
        return None
    from pysbd.languages import LANGUAGE_CODES

    if language not in LANGUAGE_CODES:
        return None
    return pysbd.Segmenter(language=language, clean=False, char_span=True)


def sentence_spans(
    text: str, language: str = "en", *, max_pysbd_chars: int = PYSBD_MAX_CHARS
) -> list[tuple[int, int]]:
    """Trimmed ``(start, end)`` offsets of each sentence of ``text``, in order.

    ``language`` is an ISO 639-1 code; pysbd splits the first ``max_pysbd_chars``
    characters when it is installed and knows the language, the regex rules the rest.

    Raises:
        TypeError: ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"sentence_spans() takes str, not {type(text).__name__}")
    code = regex.split(r"[-_]", language.lower(), maxsplit=1)[0]  # "en-US" -> "en"
    segmenter = _segmenter(code, threading.get_ident()) if max_pysbd_chars > 0 else None
    if segmenter is None:
        return regex_sentence_spans(text)
    cut = _pysbd_cut(text, max_pysbd_chars)
    head = _pysbd_spans(segmenter, text[:cut])
    if head is None:  # pysbd's offsets did not match the text: do not trust them
        return regex_sentence_spans(text)
    return head + regex_sentence_spans(text, cut)


def regex_sentence_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The regex rules alone: sentences of ``text[start:]``, offsets counted in ``text``.

    A sentence ends at a line break, or at ``.``, ``!``, ``?`` or ``…`` (with any closing
    quotes or brackets) followed by a space and a character other than a lower-case
    letter; a full stop after a known abbreviation or a single letter does not count.
    """
    spans: list[tuple[int, int]] = []
    for line in regex.finditer(r"[^\n]+", text, pos=start):
        piece_start = line.start()
        for end in _END_RE.finditer(text, line.start(), line.end()):
            if _is_abbreviation(text[piece_start : end.start()]):
                continue
            _add_trimmed(spans, text, piece_start, end.start())
            piece_start = end.end()
        _add_trimmed(spans, text, piece_start, line.end())
    return spans


def _is_abbreviation(sentence: str) -> bool:
    match = _WORD_BEFORE_RE.search(sentence)
    if match is None:
        return False
    word = match.group(1)
    return (len(word) == 1 and word.isalpha()) or word.lower() in _ABBREVIATIONS


def _add_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    match = _NON_SPACE_RE.search(text, start, end)
    if match is not None:
        spans.append((match.start(), match.end()))


def _pysbd_cut(text: str, limit: int) -> int:
    """Where pysbd's share of ``text`` ends: at most ``limit``, after a line break if any."""
    if len(text) <= limit:
        return len(text)
    newline = text.rfind("\n", 0, limit)
    if newline > 0:
        return newline + 1
    space = max(text.rfind(" ", 0, limit), text.rfind("\t", 0, limit))
    return space + 1 if space > 0 else limit


def _pysbd_spans(segmenter: Any, text: str) -> list[tuple[int, int]] | None:
    """pysbd's sentences of ``text``, trimmed; None when its offsets do not fit the text."""
    spans: list[tuple[int, int]] = []
    previous = 0
    for piece in segmenter.segment(text) if text.strip() else []:
        start, end = int(piece.start), int(piece.end)
        if not previous <= start <= end <= len(text) or text[start:end] != piece.sent:
            return None
        if text[previous:start].strip():
            return None  # pysbd skipped some text
        # pysbd ends a sentence at every line break; keep the two ways consistent.
        for line in regex.finditer(r"[^\n]+", text, pos=start, endpos=end):
            _add_trimmed(spans, text, line.start(), line.end())
        previous = end
    if text[previous:].strip():
        return None
    return spans
