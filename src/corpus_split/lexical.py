"""Content words in any language: the vocabulary the boundary programme compares.

The language of a line is not known when its words are counted (language detection
runs after the articles are found), so each line's language is guessed from cheap
evidence:

1. **Script.** Han, kana and Hangul runs have no spaces between words; they give their
   character bigrams, whatever the language: every second one, from the run's start, so
   that each character is counted once. On a page without kana (Chinese, `han_page`) a
   Han run gives each of its characters instead. Every other word is classed by the script
   of its first letter (Latin, Cyrillic, Greek, Arabic, ...), which narrows the
   candidate languages.
2. **Stop-word vote.** Among the candidates of the line's main script, the language
   whose stop words the line holds most of wins (`LANGUAGES`; lists from the
   ``stop-words`` package, English's from the Snowball project in
   ``data/lexical/en.txt``). In
   `line_words` the line's neighbours vote too, at half weight, and so does the
   whole document's mix of languages, so that a line without a single stop word (a
   title, a list item) takes its neighbours' or its document's language.
3. **Stemming.** Words of the chosen language lose that language's stop words (only
   those: English "die" is a content word in English) and are stemmed by its Snowball
   stemmer (``snowballstemmer``), so that "prices"/"priced" or "Sicherheitslücke"/
   "Sicherheitslücken" count as one word. A word of another script than its line's
   language ("Ruby" in a Russian or a Chinese line) is stemmed in the page's main
   language of its own script, so that it meets itself in the page's other lines.
   What stays undecided is only lowercased (a language-neutral fallback), except that
   plain ASCII is taken for English (`ASCII_DEFAULT`).

Stems are cached per language, so a corpus pays for each distinct word once
(snowballstemmer runs PyStemmer's C stemmers, a core dependency; about 14 µs a word
where only its pure-Python ones are at hand).
"""

from __future__ import annotations

import re
import struct
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import compress, count, repeat

import regex
import snowballstemmer
import stop_words as _stop_word_lists

__all__ = [
    "ASCII_DEFAULT",
    "LANGUAGES",
    "TITLE_CASE_STOPWORDS",
    "Language",
    "content_words",
    "function_words_open",
    "guess_language",
    "han_page",
    "line_languages",
    "line_words",
    "line_words_and_languages",
    "script_of",
    "stem",
    "stopwords",
    "without_link_targets",
    "without_soft_hyphens",
]


@dataclass(frozen=True, slots=True)
class Language:
    """A language the vote can choose: its script, Snowball stemmer and stop-word list."""

    code: str
    """ISO 639-1 code, as `corpus_split.language` reports languages."""
    script: str
    """The script its words are written in (see `script_of`)."""
    stemmer: str | None
    """``snowballstemmer`` algorithm name; None: words are only lowercased."""
    stop_list: str | None
    """Its code in the ``stop-words`` package; None: only ``data/lexical/<code>.txt``."""


LANGUAGES: tuple[Language, ...] = (
    # English first: ties with no context to break them go to the library's default language.
    # Its stop words are the Snowball project's list in data/lexical/en.txt (stop-words'
    # own English list drops topic words such as "million" or "interest").
    Language("en", "latin", "english", None),
    Language("de", "latin", "german", "de"),
    Language("fr", "latin", "french", "fr"),
    Language("es", "latin", "spanish", "es"),
    Language("it", "latin", "italian", "it"),
    Language("pt", "latin", "portuguese", "pt"),
    Language("nl", "latin", "dutch", "nl"),
    Language("sv", "latin", "swedish", "sv"),
    Language("da", "latin", "danish", "da"),
    Language("fi", "latin", "finnish", "fi"),
    Language("hu", "latin", "hungarian", "hu"),
    Language("ro", "latin", "romanian", "ro"),
    Language("tr", "latin", "turkish", "tr"),
    Language("id", "latin", "indonesian", "id"),
    Language("pl", "latin", "polish", "pl"),
    Language("cs", "latin", "czech", "cs"),
    Language("ru", "cyrillic", "russian", "ru"),
    Language("uk", "cyrillic", None, "uk"),
    Language("bg", "cyrillic", None, "bg"),
    Language("el", "greek", "greek", "el"),
    Language("ar", "arabic", "arabic", "ar"),
    Language("fa", "arabic", "persian", "fa"),
    Language("hi", "devanagari", "hindi", "hi"),
)
"""The languages the stop-word vote chooses among (scripts without a language here, and
unknown lines, fall back to lowercasing)."""

TITLE_CASE_STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours out over own same she should so some such than that the their theirs them
    then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your yours also may might must
    shall via upon per le la les un une des du de et est en que qui dans pour pas sur au aux
    ce cette il elle nous vous der die das ein eine und ist nicht mit von zu den dem des im
    auf für sich auch el los las del y es por con para una al lo como más il lo gli di che è
    per non con una da o os as um uma do da dos das em no na para com não""".split()
)
"""Function words of six languages that a title leaves in lower case ("Rise in Prices
of Oil"): `corpus_split.features` ignores them when it asks whether a line is
title-cased. Mixing languages is harmless there, unlike in `content_words`."""

ASCII_DEFAULT = "en"
"""The language of a plain-ASCII line that nothing else decides (no stop word in it, its
neighbours or its document): the library's default language, and what it always did."""

MIN_WORD = 3
"""Words shorter than this carry no topic (and are mostly function words everywhere)."""

NEIGHBOUR_WEIGHT = 0.5
"""Weight of each neighbouring line's stop words in a line's vote (its own count 1):
a hard-wrapped line holds few words, its paragraph many."""

PRIOR_WEIGHT = 1.5
"""Weight of the document's own language mix (shares of all its stop words) in each line's
vote: a line with one stray stop word of another language ("end" is Danish) stays in the
document's language, while two of the other language's own stop words win."""

CLEAR_LEAD = 2
"""A line whose own vote puts one language this many stop words ahead is decided without
its neighbours, and so is one whose top (alone or tied) holds the document's main
language of its script: most lines of running text, and it saves their time."""

_CACHE_LIMIT = 1 << 17
"""Stems kept per language before a cache is emptied (memory stays bounded on any corpus)."""

_WORD_RE = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*|\p{N}+")
# stdlib re: on ASCII text it finds words in half the time of the regex module. Letters
# glued to digits are no word ("sha256", "x86", a hex digest's "ea" or "de"); single
# letters neither vote (see _STOP_INDEX) nor count (MIN_WORD), so they are not found.
_ASCII_WORD_RE = re.compile(r"(?<![a-z0-9])[a-z][a-z'\-]+(?![a-z0-9])")
# Byte tables for `_ascii_words`: each character's class (a letter "a", a digit "0", an
# apostrophe or hyphen "'", anything else a space); the letters alone; the characters of
# _ASCII_WORD_RE and the digits, the rest spaces.
_ASCII_CLASSES = bytes(
    97 if 97 <= c <= 122 else 48 if 48 <= c <= 57 else 39 if c in b"'-" else 32 for c in range(256))
_ASCII_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_ASCII_RUNS = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 or c in b"'-" else 32 for c in range(256))
# ... and for `_latin_words`: the characters of _LATIN_WORD_RE (its "’" stands in as "\x01"),
# the rest spaces
_LATIN_RUNS = bytes(c if 97 <= c <= 122 or c in b"'-\x01" else 32 for c in range(256))
# A letter, mark or digit outside ASCII: without one, _WORD_RE finds what _LATIN_WORD_RE
# finds (its digit runs are dropped anyway), in a third of the time.
_NON_ASCII_WORD_CHAR_RE = regex.compile(r"[[\p{L}\p{M}\p{N}]--\p{ASCII}]", regex.V1)
# A character other than ASCII and the typographic quotes, dashes and ellipsis of modern
# news (none of them a letter, mark, digit or script character): text without one passes
# every "only punctuation beyond ASCII" test at once, in a fast stdlib scan.
_NOT_PLAIN_RE = re.compile("[^\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026]")
_LATIN_WORD_RE = re.compile(r"[a-z][a-z'’\-]*")
_CJK_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# Every character of those four scripts lies in these ranges (a test checks each code
# point): text with none of them holds no CJK, found without the Unicode script tables.
_MAYBE_CJK_RE = re.compile("[\u1100-\u11ff\u2e80-\U0010ffff]")
_CJK_RUN_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}ー々]+")
_GRAM_STEP = 2  # a CJK run's bigrams start every this many characters
_KANA_RE = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HAN_RUN_RE = regex.compile(r"[\p{Han}々]+")

# (first code point, end, script) for the scripts that LANGUAGES use; anything else is "other".
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0000, 0x0250, "latin"),
    (0x0370, 0x0400, "greek"),
    (0x0400, 0x0530, "cyrillic"),
    (0x0530, 0x0590, "armenian"),
    (0x0600, 0x0700, "arabic"),
    (0x0750, 0x0780, "arabic"),
    (0x0900, 0x0980, "devanagari"),
    (0x1E00, 0x1F00, "latin"),
    (0x1F00, 0x2000, "greek"),
    (0xFB50, 0xFE00, "arabic"),
    (0xFE70, 0xFF00, "arabic"),
)


def script_of(ch: str) -> str:
    """The script of one letter, among those `LANGUAGES` use, else ``"other"``."""
    o = ord(ch)
    for lo, hi, name in _SCRIPT_RANGES:
        if lo <= o < hi:
            return name
    return "other"


def _read_additions(code: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words to add to and remove from a package list, from ``data/lexical/<code>.txt``.

    One word a line; ``-word`` removes a word the package lists; ``#`` starts a comment.
    """
    path = resources.files("corpus_split").joinpath("data").joinpath("lexical").joinpath(f"{code}.txt")
    if not path.is_file():
        return frozenset(), frozenset()
    add: set[str] = set()
    remove: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        word = raw.split("#", 1)[0].strip().lower()
        if word.startswith("-"):
            remove.add(word[1:])
        elif word:
            add.add(word)
    return frozenset(add), frozenset(remove)


def _load_stopwords(lang: Language) -> frozenset[str]:
    listed = _stop_word_lists.get_stop_words(lang.stop_list) if lang.stop_list else []
    add, remove = _read_additions(lang.code)
    words = {w.strip().lower().replace("’", "'") for w in listed}
    return frozenset((words | add) - remove - {""})


_STOPS: dict[str, frozenset[str]] = {lang.code: _load_stopwords(lang) for lang in LANGUAGES}
_BY_CODE: dict[str, Language] = {lang.code: lang for lang in LANGUAGES}
_LATIN: dict[str, bool] = {lang.code: lang.script == "latin" for lang in LANGUAGES}
_CODES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES)
_VOTING: frozenset[str] = frozenset(lang.script for lang in LANGUAGES)  # scripts with candidates
# word -> indices (into LANGUAGES) of the languages listing it: one dict look-up a word.
# Single Latin letters do not vote: they are as often initials and abbreviations ("U.S.")
# as words, and several lists hold stray letters.
_STOP_INDEX: dict[str, tuple[int, ...]] = {}
for _i, _lang in enumerate(LANGUAGES):
    for _w in _STOPS[_lang.code]:
        if len(_w) > 1 or _lang.script != "latin":
            _STOP_INDEX[_w] = (*_STOP_INDEX.get(_w, ()), _i)
_ANY_STOPWORD: frozenset[str] = frozenset(_STOP_INDEX)
_FIELD = 16  # bits per language in a packed vote: more than any list's length, in whole bytes
_FIELD_MASK = (1 << _FIELD) - 1
# a packed vote's fields, read at once from its bytes (little-endian, as int.to_bytes writes them)
_FIELDS = struct.Struct(f"<{len(LANGUAGES)}H")
# word -> its vote packed in one integer (1 in the field of every language listing it)
_STOP_VEC: dict[str, int] = {w: sum(1 << (_FIELD * i) for i in langs) for w, langs in _STOP_INDEX.items()}
if max(map(len, _STOPS.values())) >= _FIELD_MASK:  # a vote could overflow into the next field
    raise RuntimeError("corpus_split.lexical: a stop-word list is too long for a packed vote")


def stopwords(code: str) -> frozenset[str]:
    """The stop words of one language of `LANGUAGES` (empty for any other code)."""
    return _STOPS.get(code, frozenset())


class _Stems(dict[str, str]):
    """One language's stems, computed on first look-up (``stems[word]``) and kept.

    A dict with ``__missing__`` keeps the look-up of a known word in C, which matters:
    every word of every line goes through here. The Snowball objects keep state while
    they work, so misses take a lock (threads may share this module).
    """

    __slots__ = ("_lock", "_stem", "_stops")

    def __init__(self, lang: Language | None) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._stops = _STOPS[lang.code] if lang else frozenset()
        self._stem: Callable[[str], str] | None = None
        if lang and lang.stemmer:
            try:
                stemmer = snowballstemmer.stemmer(lang.stemmer)
            except (KeyError, ValueError):  # PyStemmer, which snowballstemmer prefers, may lack one
                self._stem = None
            else:
                # PyStemmer's own cache would only ever see this dict's misses, and keep a
                # list for each: thousands of containers a text for the cyclic collector
                if hasattr(stemmer, "maxCacheSize"):
                    stemmer.maxCacheSize = 0
                self._stem = stemmer.stemWord

    def __missing__(self, word: str) -> str:
        w = word.replace("’", "'").strip("'-")
        if len(w) < MIN_WORD or w in self._stops:
            out = ""
        elif self._stem is None:
            out = w
        else:
            with self._lock:
                stemmed: str = self._stem(w)
            out = stemmed if len(stemmed) >= 2 else w
        self[word] = out
        return out

    def trim(self) -> None:
        """Forget every stem once more than `_CACHE_LIMIT` are kept (bounded memory)."""
        if len(self) > _CACHE_LIMIT:
            self.clear()


_NEUTRAL = _Stems(None)
_STEMS: dict[str, _Stems] = {lang.code: _Stems(lang) for lang in LANGUAGES}
_ALL_STEMS: tuple[_Stems, ...] = (_NEUTRAL, *_STEMS.values())


def stem(word: str, code: str | None) -> str:
    """``word`` (lowercased) as `content_words` counts it in language ``code``.

    "" for a stop word of that language or a word under `MIN_WORD` letters; with
    ``code`` None or unknown the word is only normalised (the language-neutral fallback).
    """
    return _STEMS.get(code or "", _NEUTRAL)[word]


# ---------------------------------------------------------------------------------------
# Voting

_NO_GRAMS: list[str] = []
_SCRIPT_AT: tuple[str, ...] = tuple(lang.script for lang in LANGUAGES)


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """Lowercased words of ``text`` (digits dropped) and the CJK bigrams it holds."""
    words, grams, _ = _split_words(text.lower())
    return words, grams


def without_soft_hyphens(text: str) -> str:
    """``text`` without soft hyphens (U+00AD): hyphenation hints inside words
    ("expl\xadosion"), which no word test should take for a break."""
    return text.replace("\u00ad", "") if "\u00ad" in text else text


# A Markdown link's target ("](/index.php/Init "Init")", "](https://...)") or a bare address:
# no words of the text's language ("index", "php", "wiki" in every page of a wiki)
_LINK_TARGET_RE = re.compile(r"\]\([^()\n]*\)|(?:https?://|www\.)[^\s<>\])]+")


def without_link_targets(text: str) -> str:
    """``text`` with Markdown link targets and bare web addresses blanked (`_LINK_TARGET_RE`):
    a link's words are its text; its address is in no language. Text with neither is returned
    as it is (most lines: three substring tests)."""
    if "](" not in text and "://" not in text and "www." not in text:
        return text
    return _LINK_TARGET_RE.sub(" ", text)


_EDGE_PUNCTUATION = ",.;:!?\"'()«»“”‘’"  # stripped from a word before it is looked up


def function_words_open(words: Sequence[str]) -> bool:
    """Whether ``words`` (a short word and up to three after it) open a sentence in some
    language: the first is a stop word of a language, and so is one of the others ("Se
    encontró una …", "И в этом …", "In the …"). A unit or a name glued to a lower-case
    stub ("kWh", "kDa protein") is none: its "word" is no such word, or stands alone."""
    if not words:
        return False
    first = words[0].lower().strip(_EDGE_PUNCTUATION)
    rest = [w.lower().strip(_EDGE_PUNCTUATION) for w in words[1:4]]
    return any(first in stops and any(w in stops for w in rest) for stops in _STOPS.values())


def holds_any(text: str, parts: Sequence[str]) -> bool:
    """Whether ``text`` holds one of ``parts`` (substrings): one fast C scan each, where a
    pattern's alternation or character class would test every character in turn; the
    stages' cheap pre-checks before their patterns."""
    for part in parts:  # noqa: SIM110 (a loop: no generator object per text)
        if part in text:
            return True
    return False


def _ascii_words(low: str) -> list[str]:
    """``_ASCII_WORD_RE.findall(low)`` for ASCII text, by C-level byte and string passes.

    Each match of the pattern lies inside a run of letters, digits, apostrophes and hyphens,
    and the pattern's look-arounds see only letters and digits, so runs are matched alone:
    a run of letters is a word when it holds two or more, a run of letters and digits
    holds none (a word may neither touch a digit nor stop before one), and the few runs
    with an apostrophe or a hyphen go through the pattern. A line without apostrophes,
    hyphens or a letter touching a digit (most of them) is split at once, its single
    letters dropped. (The pattern costs a memory allocation per word found.)
    """
    encoded = low.encode("ascii")
    classes = encoded.translate(_ASCII_CLASSES).decode("ascii")
    if "'" in classes or "a0" in classes or "0a" in classes:
        words: list[str] = []
        for run in encoded.translate(_ASCII_RUNS).decode("ascii").split():
            if run.isalpha():
                if len(run) > 1:
                    words.append(run)
            elif not run.isalnum():  # an apostrophe or a hyphen
                words.extend(_ASCII_WORD_RE.findall(run))
        return words
    words = encoded.translate(_ASCII_LETTERS).decode("ascii").split()
    if " a " in classes or classes[:2] == "a " or classes[-2:] == " a" or classes == "a":
        return [w for w in words if len(w) > 1]  # single letters are no words
    return words


def _latin_words(low: str) -> list[str]:
    """``_LATIN_WORD_RE.findall(low)``, by C-level string and byte passes.

    Each match is a run of the pattern's characters (letters, apostrophes, hyphens) from
    its first letter on: the runs are split out at once ("’" as "\x01" meanwhile, every
    other character beyond ASCII a space), and only a line with a run that opens on an
    apostrophe or a hyphen has its runs trimmed one by one.
    """
    if "\x01" in low:  # not in text (a control character); kept apart, it would come back as "’"
        return _LATIN_WORD_RE.findall(low)
    runs = low.replace("’", "\x01").encode("ascii", "replace").translate(_LATIN_RUNS).decode("ascii")
    if " '" in runs or " -" in runs or " \x01" in runs or runs[:1] in ("'", "-", "\x01"):
        return [w for w in (r.lstrip("'’-") for r in runs.replace("\x01", "’").split()) if w]
    if "\x01" in runs:
        runs = runs.replace("\x01", "’")
    return runs.split()


def _split_words(low: str, han: bool = False) -> tuple[list[str], list[str], bool]:
    """`_tokens` of lowercased text, and whether every word is plain Latin (ASCII letters);
    ``han``: a Han run gives each of its characters (a line of a `han_page`).

    A line whose only non-ASCII characters are punctuation (curly quotes, dashes: most
    modern news) takes a stdlib pattern that finds the same words as `_WORD_RE`.
    """
    if low.isascii():
        return _ascii_words(low), _NO_GRAMS, True
    low = without_soft_hyphens(low)
    if _NOT_PLAIN_RE.search(low) is None or _NON_ASCII_WORD_CHAR_RE.search(low) is None:
        return _latin_words(low), _NO_GRAMS, True
    found = _WORD_RE.findall(low)
    if _MAYBE_CJK_RE.search(low) is None:  # no Han, kana or Hangul: no word is CJK
        return [w for w in found if not w[0].isdigit()], _NO_GRAMS, False
    words: list[str] = []
    grams: list[str] = []
    for w in found:
        if w[0].isdigit():
            continue
        if not w.isascii() and _CJK_RE.search(w):
            # CJK is written without spaces, so a Latin name may be glued to it on either
            # side ("使用python进行", "lxde在arch中"): each Latin part is a word of its own
            runs = _CJK_RUN_RE.findall(w)
            if sum(map(len, runs)) != len(w):  # (most such words are CJK alone)
                words.extend(part for part in map(_strip_joiners, _CJK_RUN_RE.split(w))
                             if part and not part[0].isdigit())
            for run in runs:
                if han and _HAN_RUN_RE.fullmatch(run):
                    grams.extend(run)  # Chinese: each character (`han_page`)
                    continue
                # every second bigram, from the run's start: a Japanese word is about two
                # characters, and overlapping bigrams would count each character twice
                # (twice the evidence of spaced words). An odd run's last character is left
                # out (counted alone it did worse, on the fitting half of news-multi); a run
                # of one character is kept
                grams.extend(run[i : i + 2] for i in range(0, max(1, len(run) - 1), _GRAM_STEP))
            continue
        words.append(w)
    return words, grams, False


def _strip_joiners(part: str) -> str:
    """A word's part cut out beside a CJK run, without the apostrophes and hyphens that
    joined it there ("-gtk" of "lxde-gtk軟件"): a word opens on a letter (`_WORD_RE`)."""
    return part.strip("'’-")


def han_page(texts: Iterable[str]) -> bool:
    """Whether a page's CJK text is Chinese: no line holds kana. Its Han runs then give each
    character as a unit (`line_words`), not every second bigram: a Chinese word is one to
    three characters, and bigrams that straddle two words, shifting with each run's start,
    hid much of what a section and its article share (on the fitting half of news-multi,
    single Chinese posts were cut at their own headings two times in ten, against one in
    twenty by characters). Japanese keeps bigrams: its kana are shared by every text."""
    return not any(_KANA_RE.search(text) for text in texts if not text.isascii())


def _votes(words: Sequence[str]) -> dict[int, float]:
    """Language index (into `LANGUAGES`) -> how many distinct stop words of it ``words`` hold.

    Distinct words, not occurrences: one set intersection in C finds them.
    """
    return _unpack(_vector(words))


def _vector(words: Sequence[str]) -> int:
    """The vote of ``words`` packed in one integer, `_FIELD` bits per language: the
    sum of the packed votes of its distinct stop words, all of it done in C."""
    return sum(map(_STOP_VEC.__getitem__, _ANY_STOPWORD.intersection(words)))


def _unpack(v: int) -> dict[int, float]:
    """A packed vote (no script id above its fields) as language index -> count, for the
    languages it counts, in the order of `LANGUAGES`: built by C-level calls, no loop."""
    fields = _FIELDS.unpack(v.to_bytes(_FIELDS.size, "little"))
    return dict(zip(compress(count(), fields), map(float, filter(None, fields))))


# A line's vote key: its packed vote, with the id of the script it votes in above the
# vote's fields (Latin is 0, so a Latin line's key is its packed vote); -1: no vote.
_SCRIPT_NAMES: tuple[str, ...] = ("latin", *sorted(_VOTING - {"latin"}))
_SCRIPT_ID: dict[str, int] = {name: i for i, name in enumerate(_SCRIPT_NAMES)}
_KEY_SHIFT = _FIELD * len(LANGUAGES)
_VOTE_MASK = (1 << _KEY_SHIFT) - 1


# Per script id, where its languages lie in `LANGUAGES` (each script's are listed together):
# a vote's fields of that script are one slice of them.
_SCRIPT_SPANS: tuple[tuple[int, int], ...] = tuple(
    (_SCRIPT_AT.index(name), len(_SCRIPT_AT) - _SCRIPT_AT[::-1].index(name)) for name in _SCRIPT_NAMES)
if any(set(_SCRIPT_AT[lo:hi]) != {name} for name, (lo, hi) in zip(_SCRIPT_NAMES, _SCRIPT_SPANS)):
    raise RuntimeError("corpus_split.lexical: the languages of a script are not listed together")


def _own(key: int) -> tuple[tuple[int, ...], int, float]:
    """A line's vote (its key) as its fields (one count per language of `LANGUAGES`), with the
    leading language of its script (-1 if none) and its lead over the next; cached, as lines
    hold the same few votes again and again.

    What `_lead` answers on the unpacked vote, read off the script's slice of the fields: its
    top is the first listed of the largest counts, and its runner-up the second largest count
    (the top's equal on a tie; 0 for a lone language), so no dict is built per vote."""
    got = _OWN_CACHE.get(key)
    if got is None:
        fields = _FIELDS.unpack((key & _VOTE_MASK).to_bytes(_FIELDS.size, "little"))
        lo, hi = _SCRIPT_SPANS[key >> _KEY_SHIFT]
        mine = fields[lo:hi]
        top = max(mine)
        if top:
            second = sorted(mine)[-2] if hi - lo > 1 else 0
            got = (fields, lo + mine.index(top), float(top - second))
        else:
            got = (fields, -1, 0.0)
        if len(_OWN_CACHE) >= _CACHE_LIMIT:
            _OWN_CACHE.clear()
        _OWN_CACHE[key] = got
    return got


_OWN_CACHE: dict[int, tuple[tuple[int, ...], int, float]] = {}


def _lead(score: dict[int, float], script: str) -> tuple[int, float]:
    """The index of the top language of ``script`` (first listed on a tie; -1: none) and
    how far it leads the next."""
    first = second = 0.0
    best = -1
    for i, v in score.items():
        if _SCRIPT_AT[i] != script:
            continue
        if v > first or (v == first and i < best):
            first, second, best = v, first, i
        elif v > second:
            second = v
    return best, first - second


def _main_script(words: Sequence[str]) -> str:
    """The script most of ``words`` start in (Latin wins ties)."""
    tally: dict[str, int] = {}
    for w in words:
        s = "latin" if w[0] < "\u0250" else script_of(w[0])
        tally[s] = tally.get(s, 0) + 1
    return max(tally, key=lambda s: (tally[s], s == "latin")) if tally else "latin"


def _winner(score: dict[int, float], script: str) -> str | None:
    """The language of ``script`` with the highest score (first listed on a tie), or None."""
    best = -1
    top = 0.0
    for i, v in score.items():
        if _SCRIPT_AT[i] == script and (v > top or (v == top and i < best)):
            best, top = i, v
    return _CODES[best] if best >= 0 else None


def _own_winner(words: Sequence[str], script: str) -> str | None:
    """``_winner(_votes(words), script)``, from the cached judgement of the packed vote
    (`_own`): `_lead` picks the same language as `_winner` (the top of the script, the first
    listed on a tie), so a line's vote is unpacked and weighed once per distinct vote."""
    sid = _SCRIPT_ID.get(script)
    if sid is None:  # no language of that script can win
        return None
    best = _own(_vector(words) | (sid << _KEY_SHIFT))[1]
    return _CODES[best] if best >= 0 else None


def guess_language(text: str) -> str | None:
    """The language of one line from its script and stop words alone, or None when unsure."""
    words, grams = _tokens(text)
    script = _script(words, grams, text.isascii())
    # the cached judgement of the packed vote: no dict of votes built and weighed per line
    return _own_winner(words, script) if script else None


def _script(words: Sequence[str], grams: Sequence[str], latin: bool) -> str:
    """The script a line votes in: Latin for plain Latin words (``latin``); "" (no vote) for a
    line without words or one of mostly CJK text, whose few Latin words ("Ruby 3.4") then
    follow the page."""
    if not words or len(grams) > len(words):
        return ""
    return "latin" if latin else _main_script(words)


def line_languages(texts: Sequence[str], wanted: Sequence[bool]) -> list[str | None]:
    """The language each wanted line's words are counted in (None: neutral or unwanted).

    Unless its own stop words settle it (`CLEAR_LEAD`), a line's vote adds those
    of the nearest wanted line above and below at `NEIGHBOUR_WEIGHT` and the
    document's mix of languages at `PRIOR_WEIGHT`, so a title or a table row
    without stop words takes its neighbours' or the document's language. A plain-ASCII
    line that nothing decides is `ASCII_DEFAULT`.
    """
    lines = _Lines(texts, wanted)
    codes, _ = _decide(lines.words, lines.scripts, lines.special)
    return [ASCII_DEFAULT if c is None and ws else c for ws, c in zip(lines.plain, codes)]


def _decide(
    words: Sequence[Sequence[str]], scripts: Sequence[str], special: Sequence[int]
) -> tuple[list[str | None], dict[str, str]]:
    """The language of each line with words: its own vote, else with context (see line_languages);
    and the document's main language of each script it votes in.

    ``special`` lists the lines whose script may not be Latin (the others are Latin or
    have no words). Written for speed, since it runs on every line: the votes
    are found by C-level maps, each distinct vote is judged once, and only the lines that
    their own vote does not settle are weighed in context.
    """
    packed = _STOP_VEC.__getitem__
    keys: list[int] = list(map(sum, map(map, repeat(packed), map(_ANY_STOPWORD.intersection, words))))
    keys = [k if ws else -1 for k, ws in zip(keys, words)]
    for i in special:
        if keys[i] >= 0:
            sid = _SCRIPT_ID.get(scripts[i])
            keys[i] = -1 if sid is None else keys[i] | (sid << _KEY_SHIFT)
    counted = Counter(keys)
    total = _page_votes(counted, words)
    norm = sum(total.values())
    prior = {j: PRIOR_WEIGHT * c / norm for j, c in total.items()} if norm else {}
    favourite = {script: _lead(prior, script)[0] for script in _SCRIPT_NAMES}
    # Each distinct vote is judged once. Settled by the line alone: far ahead, or the
    # document's main language at the top; "" marks a vote that needs the context.
    verdict: dict[int, str | None] = {-1: None}
    for key in counted:
        if key >= 0:
            fields, best, lead = _own(key)
            fav = favourite[_SCRIPT_NAMES[key >> _KEY_SHIFT]]
            # (the favourite, a language of the vote's script, is at the top when tied with the best)
            tied = best >= 0 and fav >= 0 and fields[fav] == fields[best]
            verdict[key] = (_CODES[best] if best >= 0 and lead >= CLEAR_LEAD
                            else _CODES[fav] if tied else "")
    out: list[str | None] = list(map(verdict.__getitem__, keys))
    if "" in verdict.values():
        have = [i for i, k in enumerate(keys) if k >= 0]
        last = len(have) - 1
        # votes that add nothing against the page's main language of their script
        calm = {-1} | {k for k, code in verdict.items()
                       if k >= 0 and (not k & _VOTE_MASK or code == _main_code(k, favourite))}
        judged: dict[tuple[int, int, int], str | None] = {}  # (key, above, below) -> language
        for n in [n for n, i in enumerate(have) if out[i] == ""]:
            key = keys[have[n]]
            before = keys[have[n - 1]] if n else -1
            after = keys[have[n + 1]] if n < last else -1
            if not key & _VOTE_MASK and before in calm and after in calm:
                out[have[n]] = _main_code(key, favourite)  # what the full weighing gives
                continue
            triple = (key, before, after)
            if triple not in judged:
                judged[triple] = _in_context(key, before, after, prior, favourite)
            out[have[n]] = judged[triple]
    return out, {script: _CODES[j] for script, j in favourite.items() if j >= 0}


# The fields of the even and of the odd languages of a packed vote: either half, summed over
# a page's lines, has twice `_FIELD` bits a language to grow into.
_EVEN_FIELDS = sum(_FIELD_MASK << (2 * _FIELD * i) for i in range((len(LANGUAGES) + 1) // 2))
_ODD_FIELDS = (_EVEN_FIELDS << _FIELD) & _VOTE_MASK


def _page_votes(counted: Mapping[int, int], words: Sequence[Sequence[str]]) -> dict[int, float]:
    """Language index -> the stop words of it that the lines hold (each line's distinct ones,
    as its vote counts them), from the lines' vote keys and how many lines hold each.

    The keys are summed packed, their even and their odd fields apart, instead of unpacking
    each distinct vote into a dict: no field's sum can outgrow its room while the page holds
    fewer words than that room counts."""
    votes = [(key & _VOTE_MASK, n) for key, n in counted.items() if key > 0]
    total: dict[int, float] = {}
    if sum(map(len, words)) >= 1 << (2 * _FIELD):  # (not met on any real page)
        for vote, n in votes:
            for j, c in _unpack(vote).items():
                total[j] = total.get(j, 0) + n * c
        return total
    for half, first in ((_EVEN_FIELDS, 0), (_ODD_FIELDS, 1)):
        v = sum(n * (vote & half) for vote, n in votes) >> (_FIELD * first)
        j = first
        while v:
            if c := v & ((1 << (2 * _FIELD)) - 1):
                total[j] = float(c)
            v >>= 2 * _FIELD
            j += 2
    return total


def _main_code(key: int, favourite: Mapping[str, int]) -> str | None:
    """The page's main language of the script a vote key is in, or None."""
    fav = favourite[_SCRIPT_NAMES[key >> _KEY_SHIFT]]
    return _CODES[fav] if fav >= 0 else None


def _in_context(key: int, before: int, after: int, prior: Mapping[int, float],
                favourite: Mapping[str, int]) -> str | None:
    """The language of a line its own vote does not settle: its vote, its voting
    neighbours' at `NEIGHBOUR_WEIGHT` (-1: none) and the page's mix."""
    script = _SCRIPT_NAMES[key >> _KEY_SHIFT]
    if not (key & _VOTE_MASK or max(before, 0) & _VOTE_MASK or max(after, 0) & _VOTE_MASK):
        # no stop word here or next door: the document's favourite of the script
        fav = favourite[script]
        return _CODES[fav] if fav >= 0 else None
    score = dict(prior)
    for j, c in _unpack(key & _VOTE_MASK).items():
        score[j] = score.get(j, 0) + c
    for near in (before, after):
        if near >= 0:
            for j, c in _unpack(near & _VOTE_MASK).items():
                score[j] = score.get(j, 0) + NEIGHBOUR_WEIGHT * c
    return _winner(score, script)


# ---------------------------------------------------------------------------------------
# Content words


def _count(words: Sequence[str], grams: list[str], code: str | None, latin: bool,
           main: Mapping[str, str] | None = None) -> list[str]:
    """Stems of ``words`` in language ``code``, then the bigrams.

    A word of another script than ``code``'s (or of a line without a language) is stemmed
    in the document's main language of its own script (``main``), so that "Ruby" in a
    Chinese line and in an English line meet; lacking one, an ASCII word is taken for
    `ASCII_DEFAULT` and any other only lowercased. ``latin``: every word is plain Latin.
    """
    if code is not None and latin and _LATIN[code]:
        stems = _STEMS[code]
        out = list(filter(None, map(stems.__getitem__, words)))
    else:
        script = _BY_CODE[code].script if code else ""
        out = []
        for w in words:
            ws = "latin" if w[0] < "\u0250" else script_of(w[0])
            if ws == script:
                s = _STEMS[code][w]  # type: ignore[index]
            else:
                other = (main or {}).get(ws) or (ASCII_DEFAULT if w.isascii() else None)
                s = _STEMS[other][w] if other else _NEUTRAL[w]
            if s:
                out.append(s)
    if grams:
        out.extend(grams)
    return out


def content_words(text: str) -> list[str]:
    """The words the lexical model counts in one line, judged on that line alone.

    Lowercased; the stop words of the line's guessed language dropped and the rest
    stemmed in it; CJK runs give their character bigrams. See the module docstring.
    """
    words, grams, latin = _split_words(text.lower())
    if not words:
        return list(grams)
    script = _script(words, grams, latin)
    code = _own_winner(words, script) if script else None
    if code is None and text.isascii():
        code = ASCII_DEFAULT
    return _count(words, grams, code, latin)


class _Lines:
    """The tokens of many lines: plain-ASCII lines by the fast path, the rest in full."""

    __slots__ = ("grams", "latin", "plain", "scripts", "special", "words")

    def __init__(self, texts: Sequence[str], wanted: Sequence[bool], han: bool | None = None) -> None:
        findall = _ascii_words
        lows = [without_link_targets(t.lower()) if w else "" for t, w in zip(texts, wanted)]
        # tuples of strings, which the cyclic collector stops tracking at its first pass
        self.plain: list[Sequence[str]] = [tuple(findall(low)) if low.isascii() else () for low in lows]
        """Words of the plain-ASCII lines (() for the others)."""
        self.special = [i for i, low in enumerate(lows) if not low.isascii()]
        """Indices of the lines with non-ASCII characters."""
        if han is None:  # asked only of a page with a CJK character in a wanted line
            han = any(_MAYBE_CJK_RE.search(lows[i]) for i in self.special) and han_page(texts)
        self.words = self.plain
        self.scripts = ["latin" if ws else "" for ws in self.plain]
        self.grams: dict[int, list[str]] = {}
        self.latin: set[int] = set()
        """Indices of the lines with non-ASCII characters whose words are all plain Latin."""
        if self.special:
            self.words = list(self.plain)
            for i in self.special:
                ws, gs, latin = _split_words(lows[i], han)
                self.words[i], self.grams[i] = ws, gs
                if latin:
                    self.latin.add(i)
                self.scripts[i] = _script(ws, gs, latin)


def line_words(
    texts: Sequence[str], wanted: Sequence[bool], *, han: bool | None = None,
) -> list[tuple[str, ...]]:
    """The content words of each wanted line, () for the others: counted once, read twice.

    Unlike `content_words` the language of a line is chosen with its neighbours'
    help (`line_languages`), so a title and its text are stemmed alike. The
    boundary programme and the title choice both compare these vocabularies.
    ``han``: whether Han runs give single characters (`han_page`); by default, whether
    ``texts`` are such a page.
    """
    return line_words_and_languages(texts, wanted, han=han)[0]


def line_words_and_languages(
    texts: Sequence[str], wanted: Sequence[bool], *, han: bool | None = None,
) -> tuple[list[tuple[str, ...]], list[str | None]]:
    """`line_words` and the language each wanted line's words were counted in (as
    `line_languages` gives it; None for a line without words and for Chinese or Japanese
    text, whose characters are counted without stop words): both from one reading."""
    for stems in _ALL_STEMS:
        stems.trim()
    lines = _Lines(texts, wanted, han)
    codes, main = _decide(lines.words, lines.scripts, lines.special)
    # plain-ASCII lines in a Latin-script language (or none: English), one dict look-up a word
    latin = [_STEMS[code] if code and _LATIN[code] else _STEMS[ASCII_DEFAULT] if code is None else None
             for code in codes]
    out = [tuple(filter(None, map(stems.__getitem__, ws))) if ws and stems is not None else ()
           for ws, stems in zip(lines.plain, latin)]
    for i in lines.special:
        out[i] = tuple(_count(lines.words[i], lines.grams[i], codes[i], i in lines.latin, main))
    return out, codes
