"""Per-line evidence: shape, phrase families, script and the words the lexical model uses.

Everything here looks at one line at a time and is linear in its length; the
decisions that need context (boundaries, final kinds) are made later.

Rule families (each a named pattern below, matched case-insensitively):

* ``CHROME``: page furniture — bylines, read times, share/follow/subscribe and
  sign-in prompts, advertisement and sponsored markers, cookie and newsletter
  lines, photo and image credits, copyright lines, "read more"/"related" cues.
* ``ASSISTANT_PREAMBLE``: a generator announcing what it is about to write
  ("Sure! Here is an article about …", "Claro, aquí tienes …", "当然，…").
* ``ASSISTANT_SIGN_OFF``: a generator closing or continuing its turn ("I hope this
  helps", "feel free to ask", "This concludes part two of …", "继续…").
"""

from __future__ import annotations

import bisect
import itertools
import json
import operator
import re
import threading
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from .lexical import (
    _CJK_RE,  # one character of Han, kana or Hangul
    _MAYBE_CJK_RE,  # the ranges that hold every character of _CJK_RE's scripts
    _NOT_PLAIN_RE,
    TITLE_CASE_STOPWORDS,
    content_words,
    holds_any,
    line_words,
    without_soft_hyphens,
)
from .marks import CLOSERS

__all__ = ["Family", "LineFeatures", "content_words", "line_features", "line_words"]

# Lines longer than this are never headlines or chrome; also caps the work of the
# per-line phrase patterns on pathological single-line documents.
MAX_SHORT_LINE = 160
# A headline has at most this many words (long news headlines run to ~20).
MAX_HEADLINE_WORDS = 22
# Sentence-case headlines ("Café owners fight résumé fraud") are at most this long; news
# sites write them to ~14 words (on concat.py 14 measured as 12 did; 16 added false starts).
MAX_SENTENCE_CASE_WORDS = 14
# Share of a headline's visible characters that are letters, a digit counting half (a version
# or a year in a title, "Release 2.0.0-p481"): lines of marks, times and dates ("12:30 - 14:00")
# fall below it (rows of figures are told by `_figures_row`).
MIN_HEADLINE_LETTERS = 0.55
# CJK headlines rarely run wider than this many full-width characters (a letter, digit or
# space of other scripts is half as wide: "CVE-2018-8777" in a Japanese title is 6.5 wide).
MAX_CJK_HEADLINE = 40
# Assistant sign-offs are a sentence or two; longer paragraphs are not searched.
MAX_RESIDUE_LINE = 700
# Only the head of a long line is examined for phrase families.
_PATTERN_WINDOW = 400


class Family(str, Enum):
    """Which phrase family a line belongs to, if any."""

    NONE = "none"
    CHROME = "chrome"
    ASSISTANT_PREAMBLE = "assistant_preamble"
    ASSISTANT_SIGN_OFF = "assistant_sign_off"


_WORD_RE = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*|\p{N}+")
# _CJK_RE in runs: counted by their lengths, one match a run rather than one a character
_CJK_RUN_RE = regex.compile(_CJK_RE.pattern + "+")
_LETTER_RUN_RE = regex.compile(r"\p{L}+")
_NON_ASCII_LETTER_RE = regex.compile(r"[\p{L}--\p{ASCII}]", regex.V1)
# Without a letter, mark or digit beyond ASCII, _WORD_RE finds what this stdlib pattern finds.
_NON_ASCII_WORD_CHAR_RE = regex.compile(r"[[\p{L}\p{M}\p{N}]--\p{ASCII}]", regex.V1)
_PLAIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|[0-9]+")
# Byte tables for `_plain_words` ("’" stands in as "\x01"): each character's class (a letter
# "a", a digit "0", an apostrophe or hyphen "'", anything else a space); and the characters
# of _PLAIN_WORD_RE, the rest spaces.
_PLAIN_CLASSES = bytes(
    97 if 97 <= c <= 122 or 65 <= c <= 90 else 48 if 48 <= c <= 57 else 39 if c in b"'-\x01" else 32
    for c in range(256))
_PLAIN_RUNS = bytes(
    c if 97 <= c <= 122 or 65 <= c <= 90 or 48 <= c <= 57 or c in b"'-\x01" else 32 for c in range(256))
# closing quotes and brackets may stand apart, as in tokenized text ("place . ''")
_HEADLINE_END_RE = regex.compile(rf"[.;,:…](?:\s?[{re.escape(CLOSERS)}\]])*$")
_ABBREVIATION_END_RE = regex.compile(r"(?:^|\s)(?:\p{L}\.){2,}$")
# A rendered Markdown footnote ends on the arrow that links back to its mark in the text
_FOOTNOTE_END_RE = re.compile("\u21a9[\ufe0e\ufe0f]?\\d{0,2}$")
# A line that opens on a tag (and ends on ">": `line_features`) is markup, not a title
_MARKUP_LINE_RE = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>|<!--|<\?[A-Za-z]")
# a line of Markdown images and nothing else
_IMAGE_LINE_RE = re.compile(r"(?:!\[[^\]]*\]\([^)]*\)\s*)+")
# A line of code opens on a closing brace or ends on a brace or an opening bracket
_CODE_OPENERS = frozenset("})")
_CODE_ENDINGS = frozenset("{}([")
# Program output is not a title either: a line opening on a bracketed log level ("[INFO]
# Building ..."), a shell or REPL prompt ("$ make", ">>> import x") or a stack-trace frame.
# A bracketed tag that is no log level ("[Video] ...", "[SEC] ...") may open a title. (The line
# model's `context._LOG_RE` is broader, any bracketed tag or timestamp: a feature it weighs,
# where this decides alone.)
_PROGRAM_OUTPUT_RE = re.compile(
    r"\[(?:DEBUG|INFO|NOTICE|WARN(?:ING)?|ERROR|FATAL|TRACE|CRITICAL)\](?:\s|$)"
    r"|\$ \S|>>> |Traceback \(|File \"|at [\w$.]+\(")
# Clause punctuation: no CJK headline holds it; a colon may stand inside one ("A：B", as
# "A: B" in other scripts) but not at its end, where it leads into what follows; nor does
# one end on a Latin full stop (a line that mixes in Latin text and ends like a sentence)
_CJK_CLAUSE_RE = regex.compile(r"[。，、；,;]|[：:.]$")

# "… | Site name" page titles, breadcrumb trails and tag lists are chrome too.
_CRUMB_SEP_RE = regex.compile(r"[>|»›]")
_CRUMB_SEPS = (">", "|", "»", "›")
_ANGLED_RE = regex.compile(r"<[^<>]*>")


def _is_breadcrumb(text: str) -> bool:
    """Two or more separators between short crumbs ("Home > News > World"); linear time.

    A ">" that closes "<...>" (a ticker such as "<IBM>") is not a separator, and a line
    with braces is code (a block's "{ |item| ... }"), not a trail.
    """
    if "{" in text or not any(map(text.__contains__, _CRUMB_SEPS)):
        return False  # (removing "<...>" never adds a separator)
    parts = _CRUMB_SEP_RE.split(_ANGLED_RE.sub("", text))
    if len(parts) < 3:
        return False
    *crumbs, tail = parts
    if not tail or len(tail.lstrip()) > 60:
        return False
    for n, part in enumerate(crumbs):
        core = part.rstrip() if n == 0 else part.strip()
        if not part or "/" in part or len(core) > 40:
            return False
    return True

# Phrase patterns compile with regex.V0: its simple case folding keeps matching
# linear, where V1's full folding (ß = ss, ﬁ = fi) backtracks exponentially on runs
# of such letters.

_PHRASES_VERSION = 1  # the format of the phrase files (`data/phrases/<language>.json`) read here


_PhraseFile = tuple[str, str, dict[str, Any]]  # where, language, contents


def _read_phrase_files(folder: Path | None = None) -> tuple[_PhraseFile, ...]:
    """The phrase files (the shipped ones, or those in ``folder``), in file-name order, each
    read once: where it is, its language and its contents.

    Raises:
        ValueError: a file is malformed; the message names it.
    """
    out: list[_PhraseFile] = []
    where_from = folder or resources.files("corpus_split").joinpath("data").joinpath("phrases")
    for entry in sorted(where_from.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        where = f"corpus_split/data/phrases/{entry.name}"
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
            if data.get("version") != _PHRASES_VERSION:
                raise ValueError(f"version {data.get('version')}, this code reads {_PHRASES_VERSION}")
            language = str(data["language"])
            if entry.name != f"{language}.json":
                raise ValueError(f"a file of language {language!r} must be named {language}.json")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{where}: {exc}") from exc
        out.append((where, language, data))
    return tuple(out)


def _phrase_table(
    family: str, files: tuple[_PhraseFile, ...] | None = None, *, need_cues: bool = False,
) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(language, cues, pattern) of every entry of ``family`` in the phrase files (the shipped
    ones, or ``files``), in file-name order; ``need_cues``: each entry must list them.

    Raises:
        ValueError: an entry is malformed; the message names its file.
    """
    out: list[tuple[str, tuple[str, ...], str]] = []
    for where, language, data in _PHRASE_FILES if files is None else files:
        try:
            for item in data.get(family, ()):
                cues = tuple(str(c) for c in item.get("cues", ()))
                pattern = str(item["pattern"])
                if (need_cues and not cues) or any(c != c.lower() for c in cues):
                    raise ValueError(f"{family}: cues must be lower-cased{' and given' * need_cues}: {cues}")
                out.append((language, cues, pattern))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{where}: {exc}") from exc
    return tuple(out)


def _family_regex(
    table: tuple[tuple[str, tuple[str, ...], str], ...], family: str, anchor: str = "",
    flags: int = regex.I | regex.V0,
) -> regex.Pattern[str]:
    """The patterns of a phrase table as one pattern (after ``anchor``; case-blind unless
    ``flags`` say otherwise).

    Raises:
        ValueError: a pattern does not compile; the message names its file.
    """
    try:
        return regex.compile(anchor + "(?:" + "|".join(f"(?:{p})" for _, _, p in table) + ")", flags)
    except regex.error:
        _each_compiled(table, family, flags)  # which one: each alone (only when one is broken)
        raise


def _each_compiled(
    table: tuple[tuple[str, tuple[str, ...], str], ...], family: str, flags: int,
) -> tuple[regex.Pattern[str], ...]:
    """Each pattern of a phrase table compiled alone, in order.

    Raises:
        ValueError: a pattern does not compile; the message names its file.
    """
    out = []
    for language, _, pattern in table:
        try:
            out.append(regex.compile(pattern, flags))
        except regex.error as exc:
            raise ValueError(f"corpus_split/data/phrases/{language}.json: {family}: {exc}") from exc
    return tuple(out)


# A quantifier after an atom, lazy or possessive maybe: its least count is group 1 (none: "*", "?",
# "+" or "{,n}", told by the first character)
_QUANTIFIER_RE = re.compile(r"(?:[*?+]|\{(\d+)(?:,\d*)?\}|\{,\d+\})[?+]?")
# Escapes that stand for a class of characters or a place (never a literal character)
_CLASS_ESCAPES = frozenset("bBdDsSwWAZ")
# Characters a pattern may escape to stand for themselves
_ESCAPED_LITERALS = frozenset(".^$*+?{}[]|()\\-/")


def _least(quantifier: re.Match[str]) -> int:
    """The least count of a quantifier (`_QUANTIFIER_RE`): "{,n}" has none."""
    if quantifier.group(1) is not None:
        return int(quantifier.group(1))
    return 1 if quantifier.group()[0] == "+" else 0


def _class_end(pattern: str, i: int) -> tuple[int, str | None]:
    """Where the character class opening at ``pattern[i]`` ("[") ends (past its "]"), and its
    characters when it is a plain list of them (no negation, range, escape); (-1, None) for
    what is not read here (a nested set, an unclosed class)."""
    j = i + 1
    negated = pattern[j : j + 1] == "^"
    if negated:
        j += 1
    start = j
    if pattern[j : j + 1] == "]":
        j += 1  # a "]" first is itself
    plain = not negated
    while j < len(pattern) and pattern[j] != "]":
        if pattern[j] == "[":
            return -1, None
        if pattern[j] == "\\":
            plain = False
            j += 1
        j += 1
    if j >= len(pattern):
        return -1, None
    body = pattern[start:j]
    if "-" in body[1:-1]:
        plain = False  # a range
    return j + 1, body if plain and body else None


def _group_end(pattern: str, i: int) -> int:
    """Where the group opening at ``pattern[i]`` ("(") ends (past its ")"); -1 if not read here."""
    depth = 0
    j = i
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(pattern, j)[0]
            if j < 0:
                return -1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return -1


def _plainly_read(compiled: regex.Pattern[str]) -> bool:
    """Whether ``compiled``'s literal characters stand for themselves alone (not case-blind) and
    its syntax is the one read here (neither verbose nor of version 1)."""
    return not compiled.flags & (regex.IGNORECASE | regex.VERBOSE | regex.VERSION1)


def _needed_text(compiled: regex.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """What any match of ``compiled`` must hold, read off the top level of its pattern: each
    entry a tuple of strings of which one at least is in the matched text (a run of literal
    characters, or one of a plain class's characters). A necessary condition only: () where
    the pattern is not read here (an alternation at the top, case-blind or verbose flags, an
    unusual escape or group), and atoms that may be left out or are not plain say nothing.

    A line holding none of an entry's strings is not matched at all: the families' patterns
    mostly open on any word ("(?:\\w+\\s+){0,3}via ...", a name before ", Reporter"), so their
    openings leave them alive for most lines, and one substring test is far cheaper than a try.
    """
    if not _plainly_read(compiled):
        return ()
    pattern = compiled.pattern
    needs: list[tuple[str, ...]] = []
    run = ""  # unquantified literal characters in a row: a substring every match holds
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        literal: str | None = None
        chars: str | None = None
        if c == "\\":
            e = pattern[i + 1 : i + 2]
            if e in _ESCAPED_LITERALS and e:
                literal, i = e, i + 2
            elif e in ("p", "P", "N"):
                if pattern[i + 2 : i + 3] == "{":
                    close = pattern.find("}", i + 3)
                    if close < 0:
                        return ()
                    i = close + 1
                else:
                    i += 3  # "\\pL"
            elif e and e in _CLASS_ESCAPES:
                i += 2
            else:
                return ()
        elif c == "[":
            i, chars = _class_end(pattern, i)
            if i < 0:
                return ()
        elif c == "(":
            if pattern.startswith("(?#", i) or regex.match(r"\(\?[a-zA-Z-]*\)", pattern[i:]):
                return ()  # a comment, or flags for the whole pattern
            i = _group_end(pattern, i)
            if i < 0:
                return ()
        elif c in ".^$":
            i += 1
        elif c in "|)]}*+?{":
            return ()  # an alternation at the top, or what is not read here
        else:
            literal, i = c, i + 1
        quantifier = _QUANTIFIER_RE.match(pattern, i)
        least = 1
        if quantifier is not None:
            i = quantifier.end()
            least = _least(quantifier)
        if literal is not None and quantifier is None:
            run += literal
            continue
        if run:
            needs.append((run,))
            run = ""
        if least >= 1:
            if literal is not None:
                needs.append((literal,))
            elif chars is not None:
                needs.append(tuple(dict.fromkeys(chars)))
    if run:
        needs.append((run,))
    return tuple(needs)


def _alternatives(body: str) -> list[str] | None:
    """The alternatives of a group's body (parted by its own "|"); None if not read here."""
    out: list[str] = []
    start = j = 0
    while j < len(body):
        c = body[j]
        if c == "\\":
            j += 2
            continue
        if c in "[(":
            j = _class_end(body, j)[0] if c == "[" else _group_end(body, j)
            if j < 0:
                return None
            continue
        if c == "|":
            out.append(body[start:j])
            start = j + 1
        j += 1
    out.append(body[start:])
    return out


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters any match of ``pattern`` (case-sensitive) opens on, read off the first atom
    of each alternative: a literal, a plain class, or a group read so, that may not be left out;
    None where not read here. Partial matching a line's first character against a
    pattern that cannot open on it is then skipped (most of the families' patterns open on a
    word or a group of words)."""
    alternatives = _alternatives(pattern)
    if alternatives is None:
        return None
    if len(alternatives) > 1:  # ("a|b": those of each)
        chars: frozenset[str] = frozenset()
        for alternative in alternatives:
            first = _first_chars(alternative)
            if first is None:
                return None
            chars |= first
        return chars
    c = pattern[:1]
    if c == "\\":
        e = pattern[1:2]
        if not (e and e in _ESCAPED_LITERALS):
            return None
        chars, end = frozenset(e), 2
    elif c == "[":
        end, body = _class_end(pattern, 0)
        if end < 0 or body is None:
            return None
        chars = frozenset(body)
    elif c == "(":
        end = _group_end(pattern, 0)
        inner = 3 if pattern.startswith("(?:") else 1 if pattern[1:2] != "?" else -1
        group = _first_chars(pattern[inner : end - 1]) if end > 0 and inner > 0 else None
        if group is None:
            return None
        chars = group
    elif not c or c in ".^$|)]}*+?{":
        return None
    else:
        chars, end = frozenset(c), 1
    quantifier = _QUANTIFIER_RE.match(pattern, end)
    return None if quantifier is not None and _least(quantifier) == 0 else chars


def _holds_all(text: str, needs: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``text`` holds one string at least of each entry of ``needs`` (`_needed_text`)."""
    for need in needs:  # (`holds_any` of each need, written out: no call per need)
        for part in need:
            if part in text:
                break
        else:
            return False
    return True


# A compiled pattern, what every match of it holds (`_needed_text`) and the characters it may
# open on (`_first_chars`; None: any)
_Part = tuple[regex.Pattern[str], tuple[tuple[str, ...], ...], frozenset[str] | None]


def _any_held(text: str, parts: tuple[_Part, ...]) -> bool:
    """Whether ``text`` holds what one of ``parts`` at least needs (`_needed_text`)."""
    for _, needs, _ in parts:  # noqa: SIM110
        if not needs or _holds_all(text, needs):
            return True
    return False


class _Opening:
    """A family's patterns matched at the start of a line, as one alternation of them all would
    match them, but trying only those that a match could begin with the line's first
    `_OPENING` characters: found by partial matching (`regex`'s ``partial=True``), once for each
    first character, among its patterns once for each second one, and so on. The families
    hold patterns in many languages: a line opening on "th" leaves eight or so of them to try,
    one opening on "the" two. Of those, a pattern is tried only on a line that holds what any
    match of it holds (`_needed_text`).

    The patterns are compiled on first use (once, under a lock): importing the package stays
    cheap, and a malformed pattern fails there with a ValueError that names its file.
    """

    __slots__ = ("_alive", "_compiled", "_family", "_flags", "_lock", "_table")

    _KEEP = 50_000  # openings kept (up to _OPENING characters); past this, the record starts afresh
    _OPENING = 3  # characters of a line's opening that choose its patterns

    def __init__(self, table: tuple[tuple[str, tuple[str, ...], str], ...], family: str, flags: int) -> None:
        self._table = table
        self._family = family
        self._flags = flags
        self._lock = threading.Lock()
        self._compiled: tuple[_Part, ...] | None = None
        # opening (the first one or two characters) -> the patterns a match could begin with
        self._alive: dict[str, tuple[_Part, ...]] = {}

    @property
    def _parts(self) -> tuple[_Part, ...]:
        """Each pattern compiled, in the table's order, with what its matches hold and may open on
        (on first use).

        Raises:
            ValueError: a pattern does not compile; the message names its file.
        """
        compiled = self._compiled
        if compiled is None:
            with self._lock:
                if self._compiled is None:
                    self._compiled = tuple(
                        (part, _needed_text(part),
                         _first_chars(part.pattern) if _plainly_read(part) else None)
                        for part in _each_compiled(self._table, self._family, self._flags))
                compiled = self._compiled
        return compiled

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The alternation of all the patterns, anchored: what `match` answers as."""
        return _family_regex(self._table, self._family, "^", self._flags)

    def match(self, text: str) -> bool:
        """Whether one of the patterns matches at the start of ``text``."""
        opening = text[: self._OPENING]
        alive = self._alive.get(opening)
        if alive is None:
            # a new opening: its patterns are among those of its opening one character shorter
            # (if known); where the line holds what none of those need, nothing is partially matched
            shorter = self._alive.get(opening[:-1])
            if shorter is not None and not _any_held(text, shorter):
                return False
            alive = self._patterns_for(opening)
        for compiled, needs, _ in alive:
            if (not needs or _holds_all(text, needs)) and compiled.match(text) is not None:
                return True
        return False

    def _patterns_for(self, opening: str) -> tuple[_Part, ...]:
        """The patterns a match could begin with ``opening`` (those of its opening one character
        shorter, checked again with the whole); all of them for an empty line."""
        if not opening:
            return self._parts
        if len(opening) == 1:  # (not tried where the pattern cannot open on the character)
            among = tuple(part for part in self._parts if part[2] is None or opening in part[2])
        else:
            shorter = self._alive.get(opening[:-1])
            among = shorter if shorter is not None else self._patterns_for(opening[:-1])
        alive = tuple(part for part in among if part[0].match(opening, partial=True) is not None)
        if len(self._alive) >= self._KEEP:
            self._alive.clear()  # bounded: CJK text opens on thousands of characters
        self._alive[opening] = alive  # a pure function of the opening: a race stores equals
        return alive


_PHRASE_FILES = _read_phrase_files()
# Page chrome, by language (key "chrome" of the phrase files; the English file also holds the
# marks every language shares: share rows, agency credits, dates, ©): each alternative is a
# family of phrasing, not one page's text. Matched at the start of the lower-cased line (far
# faster than a case-blind match).
_CHROME = _Opening(_phrase_table("chrome"), "chrome", regex.V0)
# Bylines, by language (key "byline"): "by" (or "von", "par"...) before a name, or a name
# beside a staff title or an outlet's initials. Matched at the start of the line as written
# (case-blind only where a pattern asks, names being capitalised).
_BYLINE = _Opening(_phrase_table("byline"), "byline", regex.V0)
# Assistant preambles, by language (key "preamble" of the phrase files): they open a reply,
# so they are matched at the start of a line.
_PREAMBLE = _Opening(_phrase_table("preamble"), "preamble", regex.I | regex.V0)
# Assistant sign-offs and continuation notes that open a line, by language (key
# "sign_off_start"); the generator's notes about its own output among them.
_SIGN_OFF_START = _Opening(_phrase_table("sign_off_start"), "sign_off_start", regex.I | regex.V0)
# Requests put to a chat model, by language (key "request"): "Write a paragraph about ...",
# "Explain ...", matched at the start of a quoted line ("> ...") after its quote marks
_REQUEST = _Opening(_phrase_table("request"), "request", regex.I | regex.V0)
# Presentatives, by language (key "presentative"): "here is", "voici", "以下は"... A line that
# opens so announces what follows; at the top of a chat model's reply that is its preamble,
# inside a text the writer's own lead-in. Only a feature of the line model, which weighs it
# by where the line stands.
_PRESENTATIVE = _Opening(_phrase_table("presentative"), "presentative", regex.I | regex.V0)


def presentative(text: str) -> bool:
    """Whether ``text`` opens on a presentative ("Here are ...", "Voici ...", "以下は...")."""
    return _PRESENTATIVE.match(text[:_PATTERN_WINDOW])


# Words that name the one writing ("I", "ich"), the one written to ("you", "Ihnen") and a
# text itself ("draft", "Artikel"), by language (key "person_words" of the phrase files): an
# assistant's preambles and sign-offs speak of the text to the reader ("I can shorten the draft
# if you like"), which its phrase patterns, lists of what has been seen, cannot all name. The
# line model weighs them as features only. A word written with a capital ("I", "Ihnen") counts
# only so written; Chinese and Japanese words count anywhere in a line (no spaces part words).
_PERSON_CLASSES = ("speaker", "addressee", "text")
# The words are looked for in lines of at most this many characters: most residue lines are
# shorter (on the fitting side's chat models 91% of preamble and 77% of sign-off lines), and
# the longer lines, mostly running text, hold most of a page's words, whose reading is the cost
_PERSON_CHARS = 200
# ASCII bytes that are no letter, as spaces (`bytes.translate`): an ASCII line's words by split()
_NON_LETTER_SPACES = bytes(
    c if 97 <= c <= 122 or 65 <= c <= 90 or (c >= 0xC0 and c not in (0xD7, 0xF7)) else 32
    for c in range(256))  # (the Latin-1 letters kept too: a Latin-1 line's words by split())
# Letters beyond Latin-1 (Latin Extended, Greek, Cyrillic, Arabic, ...; not the punctuation
# from U+2000 on): a line holding one is also read word by word by `_UNICODE_WORD_RE`
_OTHER_LETTERS_RE = re.compile("[\u0100-\u1fff]")
_UNICODE_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class _PersonWords:
    """`_PERSON_CLASSES` words from every phrase file, arranged for set intersections: each word
    in lower case with the classes it marks, the words that count only as written with a
    capital ("I", "Ihnen": lower-cased, and as written) and the CJK words of each class, found
    as substrings."""

    classes: dict[str, int]  # lower-cased word -> bit mask of its classes
    words: frozenset[str]  # the keys of ``classes``
    exact: frozenset[str]  # lower-cased words that count only as written
    written: frozenset[str]  # ... as written
    written_ascii: dict[str, tuple[bytes, ...]]  # ... each lower-cased one's ASCII forms so written
    inner: tuple[tuple[str, ...], ...]


def _person_words(files: tuple[_PhraseFile, ...]) -> _PersonWords:
    """`_PersonWords` of the phrase files.

    Raises:
        ValueError: an entry is malformed; the message names its file.
    """
    classes: dict[str, int] = {}
    written: set[str] = set()
    inner: list[list[str]] = [[] for _ in _PERSON_CLASSES]
    for where, language, data in files:
        try:
            table = data.get("person_words", {})
            if set(table) - set(_PERSON_CLASSES):
                raise ValueError(f"person_words: classes are {_PERSON_CLASSES}, not {sorted(table)}")
            for k, name in enumerate(_PERSON_CLASSES):
                for word in table.get(name, ()):
                    word = str(word)
                    if not word or any(not c.isalpha() for c in word):
                        raise ValueError(f"person_words: {name}: one word of letters each, not {word!r}")
                    if language in ("ja", "zh"):
                        inner[k].append(word)
                        continue
                    if word != word.lower():
                        written.add(word)
                    classes[word.lower()] = classes.get(word.lower(), 0) | 1 << k
        except (ValueError, TypeError, AttributeError) as exc:
            raise ValueError(f"{where}: {exc}") from exc
    # a word written with a capital somewhere counts only so, in every language that lists it
    forms: dict[str, tuple[bytes, ...]] = {}
    for word in sorted(written):
        if word.isascii():
            forms[word.lower()] = (*forms.get(word.lower(), ()), word.encode("ascii"))
    return _PersonWords(classes, frozenset(classes), frozenset(w.lower() for w in written),
                        frozenset(written), forms, tuple(tuple(words) for words in inner))


_PERSON = _person_words(_PHRASE_FILES)
_PERSON_NONE = (0.0, 0.0, 0.0)
# any Chinese or Japanese word of a class, in one pattern: its first characters are scanned for
# in C, and a line holding a word holds a match
_PERSON_INNER_RE = re.compile("|".join(sorted(re.escape(w) for words in _PERSON.inner for w in words)))


def person_marks(text: str, cjk: bool = False) -> tuple[float, float, float]:
    """Whether a line of at most `_PERSON_CHARS` characters holds a word naming the one writing,
    the one written to and a text itself (1.0 or 0.0 each; see `_PERSON_CLASSES`). ``cjk``: the
    line is mostly Chinese or Japanese, whose words alone are looked for."""
    if len(text) > _PERSON_CHARS:
        return _PERSON_NONE
    person = _PERSON
    ascii = text.isascii()
    found: AbstractSet[str]
    if cjk and not ascii:
        found = set()
    else:
        # the Latin-1 letters' words split out by C-level passes (any other character, a curly
        # quote or a dash, parts words), as written and in lower case
        raw = text.encode("ascii") if ascii else text.encode("latin-1", "replace")
        letters = raw.translate(_NON_LETTER_SPACES)
        found = person.words.intersection(letters.decode("latin-1").lower().split())
        if found and not found.isdisjoint(person.exact):  # "i" counts only written "I"
            padded = b" " + letters + b" "
            found = {w for w in found if w not in person.exact
                     or any(b" " + form + b" " in padded for form in person.written_ascii.get(w, ()))}
        if not ascii and _OTHER_LETTERS_RE.search(text) is not None:  # Cyrillic, Arabic, ...
            found = found | person.words.intersection(_UNICODE_WORD_RE.findall(text.lower()))
    mask = 0
    for word in found:
        mask |= person.classes[word]
    if not ascii and _PERSON_INNER_RE.search(text) is not None:
        for k, words_k in enumerate(person.inner):
            if not mask & 1 << k and any(w in text for w in words_k):
                mask |= 1 << k
    if not mask:
        return _PERSON_NONE
    return (1.0 if mask & 1 else 0.0, 1.0 if mask & 2 else 0.0, 1.0 if mask & 4 else 0.0)


# `person_marks_many` reads all lines in one pass: Latin-1 letters lowered, every other byte a
# space, but the NUL that joins the lines a newline (a line's end, where a word ends too)
_LOWERED_LETTERS = bytes(
    10 if c == 0 else 32 if b == 32 else b + 32 if 65 <= b <= 90 or 0xC0 <= b <= 0xDE else b
    for c, b in enumerate(_NON_LETTER_SPACES))
# the words `_LOWERED_LETTERS` can show (Latin-1 ones), as bytes
_PERSON_LATIN = frozenset(w.encode("latin-1") for w in _PERSON.words if max(w) <= "\xff")


def person_marks_many(texts: Sequence[str], cjk: Sequence[bool]) -> list[tuple[float, float, float]]:
    """`person_marks` of each text (``cjk[k]``: text ``k`` is mostly Chinese or Japanese).

    Why: the pipeline asks for every paragraph of a page, and one call a line cost about 2% of a
    split. Here a few passes over all the lines find those that may hold a word (a Latin-1
    one of the lists as a whole word, a letter beyond Latin-1, a CJK word), and only those
    are read by `person_marks`: the same marks, from a fraction of the calls.
    """
    n = len(texts)
    if n == 0:
        return []
    # the lines whose Latin-1 words are read (`person_marks` reads no words in a CJK line)
    read = [text if len(text) <= _PERSON_CHARS and not (c and not text.isascii()) else ""
            for text, c in zip(texts, cjk)]
    joined = "\0".join(read)
    if joined.count("\0") != n - 1:  # a line holds NUL: each line on its own
        return [person_marks(text, c) for text, c in zip(texts, cjk)]
    lowered = joined.encode("latin-1", "replace").translate(_LOWERED_LETTERS)
    # the lines holding a listed word: each line's words tested against the list in C (map)
    free = map(_PERSON_LATIN.isdisjoint, map(bytes.split, lowered.split(b"\n")))
    maybe = set(itertools.compress(itertools.count(), map(operator.not_, free)))
    if not joined.isascii() and _OTHER_LETTERS_RE.search(joined) is not None:
        maybe.update(k for k, text in enumerate(read)
                     if not text.isascii() and _OTHER_LETTERS_RE.search(text) is not None)
    # Chinese and Japanese words anywhere in a line of at most _PERSON_CHARS characters
    wide = [k for k, text in enumerate(texts) if len(text) <= _PERSON_CHARS and not text.isascii()]
    if wide and any(_PERSON.inner):
        wide_starts = list(itertools.accumulate((len(texts[k]) + 1 for k in wide), initial=0))
        for match in _PERSON_INNER_RE.finditer("\0".join(texts[k] for k in wide)):
            maybe.add(wide[bisect.bisect_right(wide_starts, match.start()) - 1])
    out = [_PERSON_NONE] * n
    for k in maybe:
        out[k] = person_marks(texts[k], cjk[k])
    return out


def quoted_request(text: str) -> bool:
    """Whether ``text`` is a quotation ("> ...") of a request put to a chat model, which a page
    about using one quotes with its answer (assistant residue), unlike other quotations."""
    return text.startswith(">") and _REQUEST.match(text.lstrip("> \t")[:_PATTERN_WINDOW])


# Sign-off phrases found anywhere in a line, by language (key "sign_off_anywhere" of the
# phrase files): each pattern with the lower-cased cues it cannot match without (a line
# holding none of the cues is not searched: `_maybe_sign_off`); tests/test_phrase_families.py
# checks that every pattern has a sign-off case and that the cases it matches hold one of its cues.
_SIGN_OFF_ANYWHERE = _phrase_table("sign_off_anywhere", need_cues=True)
_SIGN_OFF_ANY_PARTS = _each_compiled(_SIGN_OFF_ANYWHERE, "sign_off_anywhere", regex.I | regex.V0)
# A photo caption that ends on its credit ("The mayor at the opening. Photo: AP", "(Foto: dpa)",
# "• Crédits : AFP", "（新华社记者王明摄）"), by language (key "credit_tail" of the phrase files):
# page chrome like a credit line of its own, which the opening patterns find; searched in the
# last `_CREDIT_CHARS` characters of a short line that holds one of the pattern's cues.
_CREDIT_TAIL = _phrase_table("credit_tail", need_cues=True)
_CREDIT_TAIL_RE = _family_regex(_CREDIT_TAIL, "credit_tail")
_CREDIT_CUES = tuple(dict.fromkeys(cue for _, cues, _ in _CREDIT_TAIL for cue in cues))
_CREDIT_CHARS = 100
# Every credit pattern needs one of these marks (a colon, a slash, an equals sign, 摄 "shot
# by"): a line's tail without any is not searched further (`_credited`)
_CREDIT_MARK_RE = re.compile("[:/=：／＝摄]")
# The link a wiki prints after each section heading to edit that section, by language (key
# "section_edit" of the phrase files: "[edit]", "[Bearbeiten | Quelltext bearbeiten]"...): it
# stands after section headings only, never after a page's title (`section_heading`).
# (each label compiled by `_family_regex`, whose error names a broken file; then one or more of
# them between brackets, parted by "|")
_SECTION_EDIT = _family_regex(_phrase_table("section_edit"), "section_edit").pattern
_SECTION_EDIT_RE = regex.compile(
    rf"\[\s*{_SECTION_EDIT}(?:\s*[|·]\s*{_SECTION_EDIT})*\s*\]$", regex.I | regex.V0)
# News text quotes people who say such things ("let me know", he said): not residue. The verbs
# that attribute speech by themselves; "according" does only before "to", and not before the
# reader ("Feel free to adjust it according to your taste!" is an offer, not a quotation).
_SPEECH_VERBS = ("said", "says", "told")
_ATTRIBUTION_RE = regex.compile(
    r"\b(?:" + "|".join(_SPEECH_VERBS) + r"|according\s+to(?!\s+(?:you|your|yours)\b))\b",
    regex.I | regex.V0)
# The cues of `_SIGN_OFF_ANYWHERE`: the plain-ASCII ones, and all of them
_SIGN_OFF_CUES_UNICODE = tuple(dict.fromkeys(cue for _, cues, _ in _SIGN_OFF_ANYWHERE for cue in cues))
_SIGN_OFF_CUES = tuple(cue for cue in _SIGN_OFF_CUES_UNICODE if cue.isascii())
# Each cue above that is not plain ASCII holds one of these characters: a line without
# any needs only the ASCII cues.
_UNICODE_CUE_CHAR_RE = re.compile("[" + re.escape("".join(sorted(
    {c for cue in _SIGN_OFF_CUES_UNICODE for c in cue if not c.isascii()}
))) + "]")

# Letter pairs common inside words of English and the other Latin-script languages
# we meet (the most frequent ~170); real words are mostly made of them.
_COMMON_BIGRAMS = frozenset(
    """th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le
    ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur ca el ta la ns di fo ho pe ec pr
    no ct us ac ot il tr ly nc et ut ss so rs un lo wa ge ie wh ee wi em ad ol rt po we na ul ni
    ts mo ow pa im mi ai sh ir su id os iv ia am fi ci vi pl ig tu ev ld ry mp fe bl ab gh ty op
    wo sa ay ex ke fr oo av ag if ap gr od bo sp rd do uc bu ei ov by rm ep tt oc fa ef cu rn sc
    gi da yo cr cl du ga qu ue ff ba ey ls va um pp ua up lu go ht ru ug ds lt pi rc rr eg au ck
    ew mu br bi pt ak pu ui rg ib tl ny ki rk ys ob mm fu ph og ms ye ud mb ip ub oi rl gu dr hr
    cc tw ft wn nu sb ka ja ze zi""".split()
)
_KEYBOARD_ROWS = (frozenset("qwertyuiop"), frozenset("asdfghjkl"), frozenset("zxcvbnm"))
# A single long "word" with at least this share of uncommon letter pairs is mash:
# long real words (German compounds included) stay under 0.3, random mash over 0.4.
MASH_UNCOMMON_SHARE = 0.4


# Letter pairs (after lowercasing) that are rare inside words of the European
# languages we meet; keyboard mash is full of them.
_RARE_BIGRAMS = frozenset(
    """qw qe qr qt qy qp qa qs qd qf qg qh qj qk ql qz qx qc qv qb qn qm wq wx wz wj wk wv xq
    xj xz jq jx jz jk jw jb jd jf jg jh jl jm jn jp jr js jt jv jy zx zq zj kq kx kz vq vx
    vz vj vk vw vb vf vh vm vp fq fx fz fv fk hx hz hq hk hj bq bx bz bk dq dx gq gx gz gk
    gj pq px pz mq mx mz mj lq lx cq cx cj cv cb cw sx sz tq tx yq yx yj kj sj wb bj kd""".split()
)


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """What one line looks like, independent of its neighbours."""

    headline: bool
    family: Family
    gibberish: bool
    cjk_share: float


_STOPWORDS = TITLE_CASE_STOPWORDS  # _title_cased ignores these (and benchmarks/concat.py uses them)


def line_features(text: str) -> LineFeatures:
    """Measure one trimmed, non-empty line (only the head of a long one)."""
    n = len(text)
    if n > MAX_SHORT_LINE:
        head = text[:_PATTERN_WINDOW]
        cjk = _count_cjk(head)
        letters = _count_letters(head)
        return _line_features(False, _family(text, n), False, cjk / letters if letters else 0.0)
    words = _words(text)
    letters = _count_letters(text)
    cjk = _count_cjk(text)
    if letters and cjk >= 0.3 * letters:
        headline = _cjk_headline(text, n, cjk)
    else:
        headline = (
            1 <= len(words) <= MAX_HEADLINE_WORDS
            and letters >= 2
            and _enough_letters(text, letters)
            # a sentence ends on a period or a comma; a headline may end on "U.S." (every match
            # of the pattern ends on a mark, so a line ending on a letter or digit is not searched)
            and (
                text[-1:].isalnum()
                or not _HEADLINE_END_RE.search(text[-8:])
                or (_abbreviation_end(text) and _title_cased(words)
                    and not _HEADLINE_END_RE.search(text[-9:-1]))
            )
            and (len(words) <= MAX_SENTENCE_CASE_WORDS or _title_cased(words))
            # a line opening in lower case carries a sentence on ("iPhone" is a name)
            and not (text[:1].islower() and not text[1:2].isupper())
            # a row of figures ("Net 1.2 mln vs 800,000") is data, not a headline
            and not _figures_row(text)
            # nor is a line of markup ("<dependency>", "<version>2.1</version>"): code
            and not (text[0] == "<" and text[-1] == ">" and _MARKUP_LINE_RE.match(text))
            # nor a Markdown image ("![a harbour at dusk](img/harbour.jpg)"): a picture, no words
            and not (text[:2] == "![" and _IMAGE_LINE_RE.fullmatch(text))
            # nor a line of code that closes a block or opens one ("} else {", "if (ready) {",
            # "items.each { |item| item }"): no title opens on a closing brace or ends on a brace
            and text[0] not in _CODE_OPENERS and text[-1] not in _CODE_ENDINGS
            # nor a line of program output ("[INFO] BUILD SUCCESS", "$ rubocop")
            and (text[0] not in "[$>TFa" or _PROGRAM_OUTPUT_RE.match(text) is None)
        )
        # a CJK character is as wide as two Latin letters: a line whose CJK characters fill
        # that share of its letters' width ("Ruby 2.2.0-rc1 發佈", mostly figures and marks by
        # count) is a headline when it reads as one in either script
        if not headline and cjk and 2 * cjk >= 0.3 * (letters + cjk):
            headline = _cjk_headline(text, n, cjk)
    if headline and "\u21a9" in text[-4:] and _FOOTNOTE_END_RE.search(text[-4:]):
        headline = False  # a footnote, ending on its link back to the text ("↩"), in any script
    return _line_features(headline, _family(text, n), _gibberish(text), cjk / letters if letters else 0.0)


def _abbreviation_end(text: str) -> bool:
    """Whether ``text`` ends on an abbreviation, "U.S." (`_ABBREVIATION_END_RE`). Every match ends on
    a full stop after a letter after a full stop (or on a line break): a line ending on a full stop
    after anything else, or on another mark, is not searched (most sentences)."""
    last = text[-1:]
    if last in _NOT_ABBREVIATION_ENDS or (last == "." and text[-3:-2] != "."):
        return False
    return _ABBREVIATION_END_RE.search(text[-12:]) is not None


_NOT_ABBREVIATION_ENDS = ";,:…]" + CLOSERS  # what `_HEADLINE_END_RE` ends on, but a full stop


def _enough_letters(text: str, letters: int) -> bool:
    """Whether letters, a digit counting half, are `MIN_HEADLINE_LETTERS` of the visible
    characters; the digits are counted only where the letters alone fall short."""
    need = MIN_HEADLINE_LETTERS * len(text.replace(" ", ""))
    return letters >= need or letters + _count_digits(text) / 2 >= need


def _cjk_headline(text: str, n: int, cjk: int) -> bool:
    """The headline test of CJK text, which has no spaces to count words by: narrow (in
    full-width characters, `MAX_CJK_HEADLINE`), without clause punctuation, and not a
    dateline: a line that opens on a full date ("2023年3月12日 14時05分", "2023-03-12 09:30
    来源：…") heads no text, as a Latin date line fails the test by its figures."""
    width = (n + cjk + _count_wide_marks(text)) / 2
    return (width <= MAX_CJK_HEADLINE and not _CJK_CLAUSE_RE.search(text)
            and _CJK_FULL_DATE_RE.match(text) is None)


# The pieces of a CJK date: a month and day ("3月12日") and a time of day ("14時05分")
_CJK_MONTH_DAY = r"\d{1,2}\s*月\s*\d{1,2}\s*日"
_CJK_TIME = r"\d{1,2}\s*[時时点]\s*\d{1,2}\s*分"
# A full date in figures, year, month and day, as CJK pages write them ("2023年3月12日",
# "2023 年 03 月 12 日") or in numbers ("2023-03-12", "2023/3/12", "2023.03.12"), or a month
# and day followed by a time of day (a weekday in brackets between them: "3月12日(火) 9:30")
_CJK_FULL_DATE_RE = regex.compile(
    rf"\s*(?:\d{{2,4}}\s*年\s*{_CJK_MONTH_DAY}|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?!\d)"
    # ... or a month and day with a time of day after them ("3月12日 9時30分", "3/12 09:30")
    rf"|(?:{_CJK_MONTH_DAY}|\d{{1,2}}/\d{{1,2}})\s*(?:\([^)]{{1,3}}\)|（[^）]{{1,3}}）)?\s*"
    rf"(?:{_CJK_TIME}|\d{{1,2}}:\d{{2}}))")
# A CJK date or time of day ("3月12日", "2023年3月", "14時05分"), which the date pattern of
# Latin text misses: a CJK character after the figures is a word character to it
_CJK_DATE_RE = regex.compile(rf"\d{{1,4}}\s*年\s*\d{{1,2}}\s*月|{_CJK_MONTH_DAY}|{_CJK_TIME}")


# The features of lines without CJK, one shared object per combination (sixteen at most)
_SHARED: dict[tuple[bool, Family, bool], LineFeatures] = {}


def _line_features(headline: bool, family: Family, gibberish: bool, cjk_share: float) -> LineFeatures:
    """`LineFeatures` of these values; without CJK the shared one: they are frozen and compared
    by value, and a page's thousands of lines then add no objects for the cyclic collector."""
    if cjk_share:
        return LineFeatures(headline, family, gibberish, cjk_share)
    key = (headline, family, gibberish)
    shared = _SHARED.get(key)
    if shared is None:
        shared = _SHARED.setdefault(key, LineFeatures(headline, family, gibberish, 0.0))
    return shared


_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


def _figures_row(text: str) -> bool:
    """At least two numbers, and numbers at least a third of the tokens: a table row.

    Tokens are split on spaces, so "50.8" and "1986/87" are one number each.
    """
    tokens = text.split()
    numbers = sum(1 for t in tokens if t.lstrip("($-+")[:1].isdigit())
    return numbers >= 2 and 3 * numbers >= len(tokens)


def _count_digits(text: str) -> int:
    """How many ASCII digits ``text`` holds (one C pass over its UTF-8 bytes)."""
    encoded = text.encode("utf-8", "surrogatepass")
    return len(encoded) - len(encoded.translate(None, b"0123456789"))


def _count_letters(text: str) -> int:
    """How many letters (``\\p{L}``) ``text`` holds; in C byte operations when they are all ASCII."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
    if _NOT_PLAIN_RE.search(text) is None or _NON_ASCII_LETTER_RE.search(text) is None:
        # only punctuation beyond ASCII
        return len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    return sum(map(len, _LETTER_RUN_RE.findall(text)))


def _words(text: str) -> list[str]:
    """The words ``_WORD_RE`` finds, by a stdlib pattern when every letter and digit is ASCII;
    soft hyphens (hyphenation hints inside words) do not part words."""
    if text.isascii():
        return _plain_words(text)
    text = without_soft_hyphens(text)
    if _NOT_PLAIN_RE.search(text) is None or _NON_ASCII_WORD_CHAR_RE.search(text) is None:
        return _plain_words(text)
    return _WORD_RE.findall(text)


def _plain_words(text: str) -> list[str]:
    """``_PLAIN_WORD_RE.findall(text)``, by C-level string and byte passes when no word
    touches a figure and none opens on an apostrophe or a hyphen (most lines): then the
    runs of the pattern's characters are its words ("’" is "\x01" meanwhile, every other
    character beyond ASCII a space). (The pattern costs a memory allocation per word.)"""
    if "\x01" in text:  # not in text (a control character); kept apart, it would come back as "’"
        return _PLAIN_WORD_RE.findall(text)
    encoded = text.replace("’", "\x01").encode("ascii", "replace")
    classes = encoded.translate(_PLAIN_CLASSES).decode("ascii")
    if ("a0" in classes or "0a" in classes or "'0" in classes or "0'" in classes or " '" in classes
            or classes[:1] == "'"):
        return _PLAIN_WORD_RE.findall(text)
    runs = encoded.translate(_PLAIN_RUNS).decode("ascii")
    if "\x01" in runs:
        runs = runs.replace("\x01", "’")
    return runs.split()


# Full-width punctuation and forms (CJK brackets and marks, full-width Latin): as wide as a
# CJK character
_WIDE_MARK_RE = re.compile("[\u3000-\u303f\u30fb\u30fc\uff01-\uff60\uffe0-\uffe6]")


def _count_wide_marks(text: str) -> int:
    """How many full-width marks (not letters: `_count_cjk` counts those) ``text`` holds."""
    return len(_WIDE_MARK_RE.findall(text))


def _count_cjk(text: str) -> int:
    """How many Han, kana and Hangul characters ``text`` holds."""
    if text.isascii() or _MAYBE_CJK_RE.search(text) is None:
        return 0
    return sum(map(len, _CJK_RUN_RE.findall(text)))


def _title_cased(words: list[str]) -> bool:
    """Most longer non-stopwords capitalised, or the whole line in capitals."""
    alpha = [w for w in words if w[0].isalpha()]
    if alpha and sum(1 for w in alpha if w.isupper()) >= 0.8 * len(alpha):
        return True
    caps = [w for w in alpha if len(w) > 3 and w.lower() not in _STOPWORDS]
    return bool(caps) and sum(1 for w in caps if w[0].isupper()) >= 0.5 * len(caps)


def _family(text: str, n: int) -> Family:
    head = text[:_PATTERN_WINDOW]
    if _PREAMBLE.match(head[:300]):
        return Family.ASSISTANT_PREAMBLE
    if n > MAX_RESIDUE_LINE and n > MAX_SHORT_LINE:
        return Family.NONE  # too long for a sign-off or a line of chrome
    low = head.lower()  # lower-cased once for the cue tests and the chrome patterns
    if n <= MAX_RESIDUE_LINE and (
        _SIGN_OFF_START.match(head)
        or (
            not _attributed(head, low)  # decides as the last test below would, sooner (news text)
            and _maybe_sign_off(low) and _signed_off(head)
            and not _ATTRIBUTION_RE.search(head)
        )
    ):
        return Family.ASSISTANT_SIGN_OFF
    if n <= MAX_SHORT_LINE and (
        _CHROME.match(low if n <= _PATTERN_WINDOW else text.lower()) or _BYLINE.match(text)
        or _is_breadcrumb(text) or _credited(low[-_CREDIT_CHARS:])
    ):
        return Family.CHROME
    return Family.NONE


def section_heading(text: str) -> bool:
    """Whether a line ends on a wiki's section-edit link ("History[edit]", "Geschichte
    [Bearbeiten | Quelltext bearbeiten]"): a heading inside a page, never the title of one."""
    return text.endswith("]") and _SECTION_EDIT_RE.search(text[-60:]) is not None


def _attributed(head: str, low: str) -> bool:
    """Whether `_ATTRIBUTION_RE` finds a quoted speaker in ``head``; searched only when a
    cue word is in ``low``, ``head`` lower-cased (False without one: the caller asks again later)."""
    return holds_any(low, _ATTRIBUTION_CUES) and (
        holds_any(low, _ATTRIBUTED) or _ATTRIBUTION_RE.search(head) is not None)


_ATTRIBUTION_CUES = (*_SPEECH_VERBS, "according")
# A speech verb as a word between a space and a space, full stop or comma, in the lower-cased
# line: a match of `_ATTRIBUTION_RE` in the line as written, told by substring tests (news text
# says "he said." in most lines that hold a cue). Only these letters, marks and spaces
# lower-case to them (of the rest, only "İ" and the Kelvin sign lower-case to ASCII: "i̇" and "k").
_ATTRIBUTED = tuple(f" {verb}{after}" for verb in _SPEECH_VERBS for after in " .,")


def _credited(tail: str) -> bool:
    """Whether a short line's lower-cased last characters end on a photo credit
    (`_CREDIT_TAIL_RE`), searched only when they hold a credit mark and one of its cues."""
    return (_CREDIT_MARK_RE.search(tail) is not None and holds_any(tail, _CREDIT_CUES)
            and _CREDIT_TAIL_RE.search(tail) is not None)


def _maybe_sign_off(low: str) -> bool:
    """Cheap pre-check: does the line, lower-cased, hold any word that every sign-off pattern needs?"""
    cues = _SIGN_OFF_CUES if low.isascii() or not _UNICODE_CUE_CHAR_RE.search(low) \
        else _SIGN_OFF_CUES_UNICODE
    # one substring test a cue, not one pattern of them all: stdlib re tries that pattern at
    # nearly every character, as nearly every letter opens some cue
    return holds_any(low, cues)


def _signed_off(head: str) -> bool:
    """Whether one of the sign-off patterns is found in ``head``, as their alternation would
    find it: each pattern is searched alone, which `regex` does far faster (each alone has a
    prefix to scan for; all together they are tried at every character)."""
    for pattern in _SIGN_OFF_ANY_PARTS:  # noqa: SIM110
        if pattern.search(head) is not None:
            return True
    return False


def _gibberish(text: str) -> bool:
    """Keyboard mash: long letter runs with no spaces, full of rare letter pairs."""
    tokens = text.split(None, 3)  # all of them when there are at most three
    if not tokens or len(tokens) > 3:
        return False
    longest = max(tokens, key=len)
    if len(longest) < 12 or not longest.isalpha() or not longest.isascii():
        return False
    low = longest.lower()
    if any(set(low) <= row for row in _KEYBOARD_ROWS):
        return True  # no word of 12 letters or more is typed on one row of keys
    pairs = [low[i : i + 2] for i in range(len(low) - 1)]
    rare = sum(1 for p in pairs if p in _RARE_BIGRAMS)
    uncommon = sum(1 for p in pairs if p not in _COMMON_BIGRAMS)
    return rare >= 3 or uncommon >= MASH_UNCOMMON_SHARE * len(pairs)


# content_words and line_words live in corpus_split.lexical (per-language stop words and
# Snowball stems); they are re-exported here so that features.content_words keeps working.
