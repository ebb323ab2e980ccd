"""Language of lines and articles: scripts first (cheap), lingua only on bounded samples.

Unicode script properties settle most cases outright (Han → zh, kana → ja,
Hangul → ko, Greek → el, …). Latin and Cyrillic text goes to lingua, restricted
to the languages of that script and given at most ``SAMPLE_CHARS`` characters,
so detection never dominates run time. The lingua detector is built once, on
first use, and shared.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import regex

__all__ = ["detect", "script_language"]

# lingua's accuracy flattens out well before this; more text only costs time.
SAMPLE_CHARS = 600
# Lines with fewer letters than this take their article's language.
MIN_LETTERS = 12

_SCRIPTS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("ja", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("ko", regex.compile(r"\p{Hangul}")),
    ("zh", regex.compile(r"\p{Han}")),
    ("el", regex.compile(r"\p{Greek}")),
    ("he", regex.compile(r"\p{Hebrew}")),
    ("ar", regex.compile(r"\p{Arabic}")),
    ("hi", regex.compile(r"\p{Devanagari}")),
    ("th", regex.compile(r"\p{Thai}")),
    ("cyrl", regex.compile(r"\p{Cyrillic}")),
    ("latn", regex.compile(r"\p{Latin}")),
)
_LETTER_RE = regex.compile(r"\p{L}")
_SURROGATE_RE = regex.compile(r"[\ud800-\udfff]")

_LATIN = (
    "ENGLISH", "FRENCH", "GERMAN", "SPANISH", "PORTUGUESE", "ITALIAN", "DUTCH", "SWEDISH",
    "DANISH", "BOKMAL", "FINNISH", "POLISH", "CZECH", "ROMANIAN", "HUNGARIAN", "TURKISH",
    "INDONESIAN", "VIETNAMESE", "CATALAN", "CROATIAN",
)
_CYRILLIC = ("RUSSIAN", "UKRAINIAN", "BULGARIAN", "SERBIAN")


def script_language(text: str) -> str:
    """The dominant script of ``text`` as a language code, or "latn"/"cyrl"/"" to look further."""
    letters = len(_LETTER_RE.findall(text))
    if not letters:
        return ""
    counts = [(len(p.findall(text)), code) for code, p in _SCRIPTS]
    kana = counts[0][0]
    han = counts[2][0]
    if kana and kana + han >= 0.5 * letters:
        return "ja"
    count, code = max(counts)
    return code if count >= 0.5 * letters else ""


@functools.lru_cache(maxsize=2)
def _detector(script: str) -> Any:
    from lingua import Language, LanguageDetectorBuilder

    names = _LATIN if script == "latn" else _CYRILLIC
    langs = [getattr(Language, n) for n in names if hasattr(Language, n)]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def _lingua(sample: str, script: str) -> str | None:
    sample = _SURROGATE_RE.sub(" ", sample[:SAMPLE_CHARS])
    try:
        found = _detector(script).detect_language_of(sample)
    except Exception:  # a detector failure must not fail the split; say "unknown"
        return None
    if found is None:
        return None
    return str(found.iso_code_639_1.name).lower()


def detect(texts: Sequence[str]) -> str | None:
    """The language of a run of text (an article's body, a paragraph), from a bounded sample."""
    sample_parts: list[str] = []
    size = 0
    for t in texts:
        if size >= SAMPLE_CHARS:
            break
        sample_parts.append(t[: SAMPLE_CHARS - size])
        size += len(sample_parts[-1])
    sample = "\n".join(sample_parts)
    script = script_language(sample)
    if script in ("latn", "cyrl"):
        return _lingua(sample, script)
    return script or None
