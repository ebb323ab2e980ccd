"""Language of lines and articles: scripts first (cheap), lingua only on bounded samples.

Unicode script properties settle most cases outright (Han → zh, kana → ja,
Hangul → ko, Greek → el, …; quoted passages left aside). Latin text whose
function words leave no doubt is named from them; an article whose few function
words point nowhere else takes the page's language; the rest goes to lingua,
restricted to the languages of its script and given at most ``SAMPLE_CHARS``
characters, so detection never dominates run time. The lingua detector is built
once, on first use, and shared.
"""

from __future__ import annotations

import functools
import itertools
import re
import struct
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import regex

from .lexical import _NOT_PLAIN_RE, holds_any
from .lines import Layout
from .model import CONTENT_KINDS, Kind

if TYPE_CHECKING:  # (kinds reads the boundaries, which read `profile_counts`)
    from .kinds import LineKinds

__all__ = ["PROFILED_LANGUAGES", "assign_languages", "detect", "profile_counts", "script_language"]

# lingua's accuracy flattens out well before this; more text only costs time.
SAMPLE_CHARS = 600
# A sample whose function words are this many, and this many times those of any
# other profiled language, is named from them without lingua (most articles are).
CLEAR_PROFILE_HITS = 12
CLEAR_PROFILE_MARGIN = 4
# Characters of a paragraph whose function words are counted (about 25 words, enough
# for its language to show).
PROFILE_CHARS = 160
# Paragraphs shorter than this are not checked for a language of their own.
MIN_PARAGRAPH_CHARS = 60
# A paragraph is sent to lingua when another language's function words outnumber
# its article's this many times over (and number at least MIN_PROFILE_HITS).
PROFILE_MARGIN = 2
MIN_PROFILE_HITS = 2
# A line of another script than its article's with fewer words with letters than this is a
# name, a figure or code of the article ("Ruby 3.3.3", "SIZE: 1330 bytes"), not text of
# another language.
TEXT_WORDS = 4

# The commonest function words of the Latin-script languages met most often; a cheap
# first look that tells when a paragraph may not be in its article's language.
_PROFILES: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to in is that for it with as was on are be by this have from or "
              "which but not were has they their its been would will said",
        "fr": "le la les des est un une du et en que qui dans pour pas sur au aux ce cette "
              "sont avec il elle nous vous je ont mais plus été être voici",
        "de": "der die das und ist nicht mit von zu den dem des im auf für sich auch ein eine "
              "einer wird sind wurde werden bei aus nach ich sie wir ihnen etwas oder aber",
        "es": "el los las del y es por con para un una al lo como más pero sus se fue han "
              "este esta son ser también entre sobre aquí tienes te",
        "it": "il lo gli di che è per non con una da della delle dei nel sono anche alla "
              "questo come più stato essere ecco",
        "pt": "o os as um uma do da dos das em no na para com não é são mais pelo pela foi "
              "também como seu sua aqui você",
        "nl": "de het een en van in is op te dat die niet met voor zijn er aan ook als bij "
              "worden wordt naar om",
    }.items()
}
# Punctuation read as a space when function words are counted: the words are the runs of
# what is neither that nor a space (the stdlib's \s is exactly str.isspace).
_PROFILE_PUNCT = ".,;:!?¡¿\"'()[]«»“”‘’„-–—…"
_PROFILE_WORD_RE = re.compile("[^\\s" + re.escape(_PROFILE_PUNCT) + "]+")
# ... and the same words as ``low.translate(_PROFILE_PUNCT_SPACE).split()``
_PROFILE_PUNCT_SPACE = str.maketrans(dict.fromkeys(_PROFILE_PUNCT, " "))
# ... which for ASCII text is this byte table (`str.translate` looks each character up in a
# dict; `bytes.translate` indexes a table, about ten times faster)
_PROFILE_PUNCT_BYTES = bytes(32 if chr(c) in _PROFILE_PUNCT else c for c in range(256))
# word -> the profiled languages it is a function word of
_PROFILE_INDEX: dict[str, tuple[str, ...]] = {}
for _lang, _words in _PROFILES.items():
    for _word in _words:
        _PROFILE_INDEX[_word] = (*_PROFILE_INDEX.get(_word, ()), _lang)
del _lang, _words, _word
# word -> its profiled languages packed in one integer, 16 bits a language in the order of
# `_PROFILES` (far more than the words of PROFILE_CHARS characters): a paragraph's hits are
# then added up by one C-level sum and read back at once from the integer's bytes.
_PROFILE_AT: dict[str, int] = {lang: i for i, lang in enumerate(_PROFILES)}
_PROFILE_VEC: dict[str, int] = {
    word: sum(1 << (16 * _PROFILE_AT[lang]) for lang in langs) for word, langs in _PROFILE_INDEX.items()
}
_PROFILE_FIELDS = struct.Struct(f"<{len(_PROFILES)}H")

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
_SCRIPT_OF = {code: pattern for code, pattern in _SCRIPTS}
_LETTER_RE = regex.compile(r"\p{L}")
# A character outside ASCII that script_language counts (a letter, or any character of a
# script above): text without one is Latin if it has an ASCII letter, else of no script.
_COUNTED_RE = regex.compile(
    "[[\\p{L}" + "".join(p.pattern.removeprefix("[").removesuffix("]") for _, p in _SCRIPTS)
    + "]--\\p{ASCII}]",
    regex.V1,
)
_ASCII_LETTER_RE = regex.compile(r"[A-Za-z]")
# A CJK character carries about as much as a short Latin word: counted this many times
# when scripts are weighed, so that "以下是关于“a title in English”的文章" is Chinese.
CJK_WEIGHT = 3
_CJK_CODES = frozenset(("ja", "ko", "zh"))
# Quoted titles and names are often in another language than the sentence around them.
_QUOTE_MARK_RE = re.compile("[“«„\"]")  # what opens a quoted passage
_QUOTE_MARKS = tuple("“«„\"")  # ... as substring tests (fast C scans)
_QUOTED_RE = regex.compile(r"“[^”]{0,200}”|«[^»]{0,200}»|„[^“”]{0,200}[“”]|\"[^\"]{0,200}\"")
_SURROGATE_RE = regex.compile(r"[\ud800-\udfff]")

_LATIN = (
    "ENGLISH", "FRENCH", "GERMAN", "SPANISH", "PORTUGUESE", "ITALIAN", "DUTCH", "SWEDISH",
    "DANISH", "BOKMAL", "FINNISH", "POLISH", "CZECH", "ROMANIAN", "HUNGARIAN", "TURKISH",
    "INDONESIAN", "VIETNAMESE", "CATALAN", "CROATIAN",
)
_CYRILLIC = ("RUSSIAN", "UKRAINIAN", "BULGARIAN", "SERBIAN")


# character -> whether it is a letter (`_LETTER_RE`) and the indices of the `_SCRIPTS` patterns
# it matches: each distinct character is classified once, however often texts hold it
_CHAR_CLASSES: dict[str, tuple[bool, tuple[int, ...]]] = {}
_CHAR_CLASSES_LIMIT = 1 << 16  # distinct characters kept before the table starts afresh


def _char_class(char: str) -> tuple[bool, tuple[int, ...]]:
    """Whether ``char`` is a letter, and which `_SCRIPTS` patterns match it (cached)."""
    got = _CHAR_CLASSES.get(char)
    if got is None:
        got = (_LETTER_RE.match(char) is not None,
               tuple(k for k, (_, pattern) in enumerate(_SCRIPTS) if pattern.match(char)))
        if len(_CHAR_CLASSES) >= _CHAR_CLASSES_LIMIT:
            _CHAR_CLASSES.clear()
        _CHAR_CLASSES[char] = got  # threads racing here store equal values
    return got


def _script_counts(text: str) -> tuple[int, list[int]]:
    """How many letters ``text`` holds and how many characters each `_SCRIPTS` pattern matches
    in it: the counts of ``findall`` with `_LETTER_RE` and each pattern (all of them match one
    character), from the text's distinct characters, each classified once (`_char_class`),
    instead of eleven scans of the text by the patterns."""
    letters = 0
    per_script = [0] * len(_SCRIPTS)
    char_class = _CHAR_CLASSES.get
    for char, n in Counter(text).items():
        is_letter, scripts = char_class(char) or _char_class(char)
        if is_letter:
            letters += n
        for k in scripts:
            per_script[k] += n
    return letters, per_script


def script_language(text: str) -> str:
    """The dominant script of ``text`` as a language code, or "latn"/"cyrl"/"" to look further."""
    letters, per_script = _script_counts(text)
    if not letters:
        return ""
    counts = [(n, code) for n, (code, _) in zip(per_script, _SCRIPTS)]
    cjk = sum(n for n, code in counts if code in _CJK_CODES)
    letters += (CJK_WEIGHT - 1) * cjk
    counts = [(n * CJK_WEIGHT if code in _CJK_CODES else n, code) for n, code in counts]
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


def detect(texts: Sequence[str], fallback: str | None = None) -> str | None:
    """The language of a run of text (an article's body, a paragraph), from a bounded sample.

    ``fallback`` is assumed for a Latin-script sample whose few function words point to
    no other language (terse newswire, a table of figures): lingua guesses poorly on
    such text, and it is where lingua costs most.
    """
    sample = _sample(texts)
    script = _script(sample)
    if script == "latn":
        found = _clear_profile(sample)
        if found is not None:
            return found  # function words leave no doubt: no need to ask lingua
        if fallback is not None:
            ranked = _profile(sample, SAMPLE_CHARS).most_common(1)
            if not ranked or ranked[0][0] == fallback or ranked[0][1] < MIN_PROFILE_HITS:
                return fallback
    if script in ("latn", "cyrl"):
        return _lingua(sample, script)
    return script or None


def _sample(texts: Sequence[str]) -> str:
    """At most SAMPLE_CHARS characters of ``texts``, quoted passages left out when enough remains."""
    sample_parts: list[str] = []
    size = 0
    for t in texts:
        if size >= SAMPLE_CHARS:
            break
        sample_parts.append(t[: SAMPLE_CHARS - size])
        size += len(sample_parts[-1])
    sample = "\n".join(sample_parts)
    unquoted = _unquoted(sample)
    if len(unquoted) >= MIN_PARAGRAPH_CHARS // 2 and _LETTER_RE.search(unquoted):
        return unquoted
    return sample


def _clear_profile(sample: str) -> str | None:
    """The language whose function words dominate ``sample`` beyond doubt, if one does."""
    ranked = _profile(sample, SAMPLE_CHARS).most_common(2)
    if ranked and ranked[0][1] >= CLEAR_PROFILE_HITS and (
        len(ranked) == 1 or ranked[0][1] >= CLEAR_PROFILE_MARGIN * ranked[1][1]
    ):
        return ranked[0][0]
    return None


def _profile_hits(text: str, chars: int = PROFILE_CHARS) -> list[str]:
    """The profiled language of each function word in the first ``chars`` of ``text``, in
    order (a word of several languages counts for each)."""
    # only the function words are looked up (few of the tokens are one)
    return list(itertools.chain.from_iterable(
        map(_PROFILE_INDEX.__getitem__, filter(_PROFILE_INDEX.__contains__, _profile_tokens(text, chars)))))


def _profile_tokens(text: str, chars: int) -> list[str]:
    """The lowercased words of the first ``chars`` of ``text`` that function words are looked up in."""
    low = text[:chars].lower()
    # plain ASCII (most text) is split by C string methods, the rest by the pattern: the same words
    if low.isascii():
        return low.encode("ascii").translate(_PROFILE_PUNCT_BYTES).decode("ascii").split()
    return _PROFILE_WORD_RE.findall(low)


def _profile(text: str, chars: int = PROFILE_CHARS) -> Counter[str]:
    """How many function words of each profiled language the first ``chars`` of ``text`` hold."""
    return Counter(_profile_hits(text, chars))


def _script(text: str) -> str:
    if text.isascii():
        return "latn" if any(map(str.isalpha, text)) else ""
    if _NOT_PLAIN_RE.search(text) is None or _COUNTED_RE.search(text) is None:
        # only punctuation beyond ASCII (curly quotes, dashes)
        return "latn" if _ASCII_LETTER_RE.search(text) else ""
    unquoted = _unquoted(text)
    return script_language(unquoted if _LETTER_RE.search(unquoted) else text)


def _few_words(text: str) -> bool:
    """Fewer than `TEXT_WORDS` words with letters: a name, a figure or code, not a sentence."""
    return sum(1 for word in text.split(maxsplit=TEXT_WORDS) if _LETTER_RE.search(word)) < TEXT_WORDS


def _unquoted(text: str) -> str:
    """``text`` with its quoted passages blanked out (a quoted title is another language's)."""
    return _QUOTED_RE.sub(" ", text) if _quoted(text) else text


def _quoted(text: str) -> bool:
    """Whether ``text`` holds a mark that opens a quoted passage (`_QUOTE_MARK_RE`)."""
    return holds_any(text, _QUOTE_MARKS)


def _unquoted_head(text: str, chars: int) -> str:
    """At least the first ``chars`` characters of `_unquoted` (``text``), and no more work:
    the passages are found one by one, as ``sub`` finds them, until enough text is out."""
    if not _quoted(text):
        return text
    out: list[str] = []
    size = pos = 0
    for m in _QUOTED_RE.finditer(text):
        out.append(text[pos : m.start()])
        out.append(" ")
        size += m.start() - pos + 1
        pos = m.end()
        if size >= chars:
            return "".join(out)
    out.append(text[pos:])
    return "".join(out)


PROFILED_LANGUAGES: tuple[str, ...] = tuple(_PROFILES)
"""The Latin-script languages whose commonest function words `profile_counts` counts."""


def profile_counts(text: str) -> tuple[int, ...]:
    """How many function words of each of `PROFILED_LANGUAGES` ``text`` holds (all of it:
    pass a sample), summed in C as `_lead` sums them."""
    tokens = _profile_tokens(text, len(text))
    packed = sum(map(_PROFILE_VEC.__getitem__, filter(_PROFILE_VEC.__contains__, tokens)))
    if not packed:
        return (0,) * len(_PROFILES)
    return _PROFILE_FIELDS.unpack(packed.to_bytes(_PROFILE_FIELDS.size, "little"))


def _lead(text: str, expected: str) -> tuple[int, int]:
    """The largest count of function words of one profiled language in the first
    PROFILE_CHARS of ``text`` (``_profile(text).most_common(1)``'s count, 0 for none), and
    the count of ``expected``: the packed counts are summed in C, no list or Counter built."""
    tokens = _profile_tokens(text, PROFILE_CHARS)
    packed = sum(map(_PROFILE_VEC.__getitem__, filter(_PROFILE_VEC.__contains__, tokens)))
    if not packed:
        return 0, 0
    counts = _PROFILE_FIELDS.unpack(packed.to_bytes(_PROFILE_FIELDS.size, "little"))
    at = _PROFILE_AT.get(expected)
    return max(counts), 0 if at is None else counts[at]


def assign_languages(
    layout: Layout, line_kinds: LineKinds, enabled: bool
) -> tuple[list[str | None], list[str | None]]:
    """Language per line and per article.

    Scripts decide for every line; lingua names each article's main language once
    per script, and a paragraph whose function words point elsewhere is checked
    on its own (a Spanish paragraph inside an English article).
    """
    lines = layout.lines
    if not enabled:
        return [None] * len(lines), [None] * len(line_kinds.ranges)
    scripts = [_script(line.text) for line in lines]
    kinds, arts = line_kinds.kinds, line_kinds.articles

    def language_of(script: str, texts: Sequence[str]) -> str | None:
        return detect(texts) if script in ("latn", "cyrl") else (script or None)

    article_langs: list[str | None] = []
    article_script: list[str] = []
    undecided: dict[int, list[str]] = {}  # Latin-script articles whose function words leave doubt
    for k, (first, last) in enumerate(line_kinds.ranges):
        weight: Counter[str] = Counter()
        for i in range(first, last + 1):
            if arts[i] == k and kinds[i] in CONTENT_KINDS and scripts[i]:
                # a CJK character counts as the script test counts it (`CJK_WEIGHT`): an
                # article of Chinese lines and lines of code names is Chinese
                weight[scripts[i]] += len(lines[i].text) * (CJK_WEIGHT if scripts[i] in _CJK_CODES else 1)
        if not weight:
            article_langs.append(None)
            article_script.append("")
            continue
        main = weight.most_common(1)[0][0]
        texts = [lines[i].text for i in range(first, last + 1)
                 if arts[i] == k and kinds[i] is Kind.BODY and scripts[i] == main]
        clear = _clear_profile(_sample(texts)) if main == "latn" else None
        if main == "latn" and clear is None:
            undecided[k] = texts
        article_langs.append(clear if main == "latn" else language_of(main, texts))
        article_script.append(main)
    if undecided:
        decided = Counter(lang for k, lang in enumerate(article_langs)
                          if lang and article_script[k] == "latn")
        usual = decided.most_common(1)[0][0] if decided else None
        for k, texts in undecided.items():
            article_langs[k] = detect(texts, fallback=usual)

    per_script: dict[str, str | None] = {}
    out: list[str | None] = []
    for i, script in enumerate(scripts):
        owner = arts[i]
        if script not in ("latn", "cyrl"):
            out.append(script or None)
        elif owner is not None and article_script[owner] == script:
            out.append(article_langs[owner])
        elif owner is not None and article_script[owner] and (
                (article_script[owner] != "latn"
                 and _SCRIPT_OF[article_script[owner]].search(lines[i].text) is not None)
                or _few_words(lines[i].text)):
            # a line of another script inside an article is the article's own text when it
            # holds some of the article's script ("支持 Unicode 7.0"; Latin letters say nothing,
            # names in them stand in text of every script), or when it is a name, a figure or
            # code ("Ruby 3.3.3", "SIZE: 1330 bytes")
            out.append(article_langs[owner])
        elif owner is not None and article_script[owner] and script not in article_script:
            # text of its own on a page with no article in its script (a quoted sentence,
            # residue in another language): named from itself, not from the page's fragments
            out.append(language_of(script, [lines[i].text]))
        else:
            if script not in per_script:
                sample = list(itertools.islice((ln.text for j, ln in enumerate(lines)
                                                if scripts[j] == script and kinds[j] is Kind.BODY), 20))
                per_script[script] = language_of(script, sample or [lines[i].text])
            out.append(per_script[script])

    # paragraphs in another language of the same script
    opens = [i for i, first in enumerate(layout.paragraph_starts) if first]
    for i, j in zip(opens, [*opens[1:], len(lines)]):
        expected = out[i]
        if scripts[i] == "latn" and expected is not None:
            text = lines[i].text if j - i == 1 else " ".join([ln.text for ln in lines[i:j]])
            if len(text) >= MIN_PARAGRAPH_CHARS:
                count, mine = _lead(_unquoted_head(text, PROFILE_CHARS), expected)
                # residue ("¡Claro! Aquí tienes un artículo sobre <an English title>")
                # quotes the page's own words: there a plain majority will do
                ahead = count > mine if kinds[i] is Kind.ARTIFACT else count >= PROFILE_MARGIN * mine
                # (PROFILE_MARGIN being above 1, a count that passes is above ``expected``'s:
                # the leading language is another, and which one lingua tells)
                if count >= MIN_PROFILE_HITS and ahead:
                    found = detect([text])
                    if found is not None and found != expected:
                        for k in range(i, j):
                            out[k] = found
    return out, article_langs
