"""Hostile inputs: pathological documents that must neither crash, hang nor lose data.

Each generator takes a ``scale`` in ``(0, 1]``; ``scale=1`` gives the full size that
``benchmarks/hostile.py`` times, smaller scales give the sizes the test suite runs
(still large enough for quadratic work to show). All generators are deterministic.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["HOSTILE", "Hostile"]

_WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at "
    "which but have an they you were her she there been one all we their has would when if "
    "market council budget report growth winter season river harbour election museum "
    "research students teachers weather hospital patients doctors engineers railway bridge "
    "company shares investors prices inflation farmers harvest village museum painting"
).split()
_TITLE_WORDS = (
    "Markets Rally On Strong Earnings Report Council Approves New Budget Storm Hits Coast "
    "Prices Climb Again Local Team Wins Final Scientists Find Water Under Ice Shares Slide "
    "After Warning Mayor Opens Bridge Village Celebrates Harvest Festival"
).split()


def _words(n_chars: int, seed: int, sep_every: int = 0, sep: str = "\n") -> str:
    """Realistic running text of about ``n_chars`` characters, sentences and all."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    sentence = 0
    while size < n_chars:
        w = rng.choice(_WORDS)
        if sentence == 0:
            w = w.capitalize()
        sentence += 1
        if sentence > rng.randint(8, 20):
            w += "."
            sentence = 0
        out.append(w)
        size += len(w) + 1
        if sep_every and len(out) % sep_every == 0:
            out.append(sep)
    return " ".join(out)[:n_chars]


def no_newline(scale: float) -> str:
    """A 6 MB document of realistic words with no line break at all."""
    return _words(int(6_000_000 * scale), seed=1)


def blank_lines(scale: float) -> str:
    """200,000 blank lines (with stray spaces and tabs), a word at each end."""
    n = int(200_000 * scale)
    return "Start\n" + "".join("\n" if i % 3 else " \t\n" for i in range(n)) + "End"


def advertisement_lines(scale: float) -> str:
    """100,000 "Advertisement" lines."""
    return "Advertisement\n" * int(100_000 * scale)


def one_letter(scale: float) -> str:
    """Two million copies of one letter."""
    return "a" * int(2_000_000 * scale)


def open_parens(scale: float) -> str:
    """Two million copies of "("."""
    return "(" * int(2_000_000 * scale)


def zero_width(scale: float) -> str:
    """A million zero-width spaces, with a few words among them."""
    n = int(1_000_000 * scale)
    return "Hello\u200b" + "\u200b" * n + "world"


def title_lines(scale: float) -> str:
    """100,000 distinct title-like lines ("Markets Rally On Strong Earnings Report" …)."""
    rng = random.Random(7)
    n = int(100_000 * scale)
    return "\n".join(
        " ".join(rng.choice(_TITLE_WORDS) for _ in range(rng.randint(3, 8))) for _ in range(n)
    )


def cr_only(scale: float) -> str:
    """An old-Mac document: paragraphs and titles separated by lone CRs only."""
    rng = random.Random(3)
    n = int(50_000 * scale)
    parts: list[str] = []
    for i in range(n):
        if i % 10 == 0:
            parts.append(" ".join(rng.choice(_TITLE_WORDS) for _ in range(5)))
        else:
            parts.append(_words(rng.randint(60, 200), seed=i))
    return "\r\r".join(parts)


def bidi_controls(scale: float) -> str:
    """Bidi overrides and isolates, NULs, C0/C1 controls and terminal escapes everywhere."""
    rng = random.Random(11)
    junk = [
        "\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069",
        "\x00", "\x00\x00", "\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b]0;title\x07", "\x07", "\x08",
        "\x85", "\x9b", "\x1b[", "\x1b", "\u200f", "\u200e", "\x7f",
    ]
    n = int(200_000 * scale)
    out: list[str] = []
    for i in range(n):
        out.append(rng.choice(junk))
        out.append(rng.choice(_WORDS))
        if i % 40 == 39:
            out.append("\n\n")
    return " ".join(out)


def lone_surrogates(scale: float) -> str:
    """Unpaired high and low surrogates among words, including a long run of them."""
    rng = random.Random(5)
    n = int(200_000 * scale)
    out: list[str] = []
    for i in range(n):
        out.append(rng.choice(_WORDS))
        out.append(chr(rng.choice((0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D, 0xDE00))))
        if i % 50 == 49:
            out.append("\n\n")
    out.append("\ud800" * n)
    return " ".join(out)


def mixed_scripts(scale: float) -> str:
    """Latin, Cyrillic, Greek, Han, kana, Hangul, Arabic, Hebrew, Devanagari, Thai, emoji."""
    rng = random.Random(9)
    pieces = [
        "The council met on Tuesday", "Совет собрался во вторник", "Το συμβούλιο συνεδρίασε",
        "议会周二开会讨论预算", "議会は火曜日に開かれた", "의회는 화요일에 모였다",
        "اجتمع المجلس يوم الثلاثاء", "המועצה התכנסה ביום שלישי", "परिषद मंगलवार को मिली",
        "สภาประชุมเมื่อวันอังคาร", "👩‍👩‍👧‍👦🏳️‍🌈", "Ünïcödé mîxtürè", "ABC\u0301\u0302\u0303",
    ]
    n = int(100_000 * scale)
    out: list[str] = []
    for i in range(n):
        out.append(rng.choice(pieces))
        out.append("\n" if i % 7 else "\n\n")
    out.append("".join(rng.choice(pieces) for _ in range(n // 10)))  # one long mixed line
    return "".join(out)


def camel_case_line(scale: float) -> str:
    """Two million characters of "aBcc" with no space: a splice candidate every 4 characters."""
    return "aBcc" * int(500_000 * scale)


def name_prefix_line(scale: float) -> str:
    """One megabyte line of "my iPhone is new": candidates that are examined, then rejected."""
    return "my iPhone is new " * int(64_000 * scale)


def breadcrumb_lines(scale: float) -> str:
    """20,000 lines shaped like a breadcrumb trail padded with spaces ("a >  >      …>")."""
    return ("a >  > " + " " * 150 + ">\n") * int(20_000 * scale)


def short_paragraphs(scale: float) -> str:
    """100,000 one-line paragraphs with no content words ("It is."), blank-line separated."""
    return "It is.\n\n" * int(100_000 * scale)


def letter_s_lines(scale: float) -> str:
    """Short lines made of one run of "S" (full case folding reads "SS" as "ß")."""
    n = max(1, int(20_000 * scale))
    return "\n".join("S" * (40 + i % 80) for i in range(n))


def preamble_s_lines(scale: float) -> str:
    """1,000 lines "Here is an sss…": a generator preamble opening, then a run of one letter."""
    n = max(1, int(1_000 * scale))
    return "\n".join("Here is an " + "s" * (40 + i % 40) for i in range(n))


def random_bytes(scale: float) -> bytes:
    """A megabyte of random bytes (given to ``split`` as bytes)."""
    rng = random.Random(13)
    return rng.randbytes(int(1_000_000 * scale))


def cp1252_bytes(scale: float) -> bytes:
    """A Windows-1252 encoded article (curly quotes, accents, euro signs) as bytes."""
    rng = random.Random(17)
    extra = ["café", "naïve", "“quoted”", "€5", "résumé", "—", "Zürich", "façade", "’s"]
    n = int(200_000 * scale)
    out: list[str] = []
    for i in range(n):
        out.append(rng.choice(_WORDS) if i % 3 else rng.choice(extra))
        if i % 60 == 59:
            out.append(".\r\n\r\n")
    return " ".join(out).encode("cp1252")


@dataclass(frozen=True, slots=True)
class Hostile:
    """One hostile input: its name, generator and the scale the test suite runs it at."""

    name: str
    make: Callable[[float], str | bytes]
    test_scale: float
    """Scale for the test suite; 0 means "only in the benchmark" (a known hang, see
    ``tests/test_regressions.py``)."""


HOSTILE: tuple[Hostile, ...] = (
    Hostile("no_newline_6mb", no_newline, 0.1),
    Hostile("blank_lines_200k", blank_lines, 1.0),
    Hostile("advertisement_100k", advertisement_lines, 0.2),
    Hostile("one_letter_2m", one_letter, 1.0),
    Hostile("open_parens_2m", open_parens, 1.0),
    Hostile("zero_width_1m", zero_width, 1.0),
    Hostile("title_lines_100k", title_lines, 0.1),
    Hostile("cr_only", cr_only, 0.01),
    Hostile("bidi_nul_escapes", bidi_controls, 0.1),
    Hostile("lone_surrogates", lone_surrogates, 0.1),
    Hostile("mixed_scripts", mixed_scripts, 0.05),
    Hostile("camel_case_2m", camel_case_line, 1.0),
    Hostile("name_prefix_line_1mb", name_prefix_line, 1.0),
    Hostile("breadcrumb_lines_20k", breadcrumb_lines, 0.05),
    Hostile("short_paragraphs_100k", short_paragraphs, 0.02),
    Hostile("letter_s_lines_20k", letter_s_lines, 0.0),
    Hostile("preamble_s_lines_1k", preamble_s_lines, 0.0),
    Hostile("random_bytes_1mb", random_bytes, 0.1),
    Hostile("cp1252_bytes", cp1252_bytes, 0.1),
)
"""Every hostile input, in the order the benchmark reports them."""
