"""Shallow, language-independent numbers that describe each paragraph and its neighbours.

These are the inputs of the fitted line model (`corpus_split.scores`): word and
character counts, capitalisation, figures, end punctuation, link-like and separator
tokens, markup (Markdown headings, list items, bold, quotes, code), position in the
page, the size of the blocks around, and repetition across the page — the evidence
that typed boilerplate across sites in Kohlschütter, Fankhauser and Nejdl (2010) —
plus the phrase families of `corpus_split.features`, as features, not decisions.

The unit is a paragraph (`Layout.paragraph_end`): in hard-wrapped text the lines
of one paragraph are described together. The same function serves inference and the
fitting script in ``training/``, so the two cannot drift apart.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import add, itemgetter, sub, truediv

from .features import (
    _CJK_DATE_RE,
    Family,
    LineFeatures,
    _count_cjk,
    _count_digits,
    _count_letters,
    content_words,
    person_marks_many,
    presentative,
    quoted_request,
)
from .frontmatter import _fenced
from .lexical import holds_any, without_soft_hyphens
from .lines import Layout
from .marks import CLOSERS, ENDS

__all__ = ["FEATURE_NAMES", "Paragraph", "date_line", "ends_sentence", "paragraph_spans",
           "paragraph_vectors", "paragraphs", "running_words", "short_tokens", "span_rows"]

# A paragraph with at least this many words (CJK: twice as many characters) is running text.
LONG_WORDS = 40
# How far (in paragraphs) the neighbourhood summaries reach on each side.
WINDOW = 3
# How many words of running text below (or above) a headline its terms are looked for in.
TERMS_REACH = 150
# Only the head of a long paragraph is read for those words.
_TERMS_CHARS = 1200

_END_SENTENCE_RE = re.compile(rf"[{re.escape(ENDS)}…](?:\s?[{re.escape(CLOSERS)}\]])*$")  # "place . ''" too
_LINKY_RE = re.compile(r"https?://|www\.|\.(?:com|org|net|html?|php)\b|@\w|#\w|\|[^|]|[»›→←«‹]|\s/\s")
# Each match of _LINKY_RE holds one of these characters or strings; most paragraphs hold
# none, and are passed over by substring tests (each a fast C scan, unlike a pattern's
# character class, which tests each character in turn).
_LINKY_MARKS = (*"/@#|»›→←«‹", "www.", ".com", ".org", ".net", ".htm", ".php")
_ASCII_LINKY_MARKS = tuple(mark for mark in _LINKY_MARKS if mark.isascii())
# The last character of a text that _END_SENTENCE_RE matches: a sentence's end, or a closing
# quote or bracket after one (or a newline, before which ``$`` matches too).
_SENTENCE_ENDS = ENDS + "…"
_AFTER_END = CLOSERS + "]\n"
_LIST_RE = re.compile(r"^(?:[-*•·–+]\s|\d{1,3}[.)]\s|\(\d{1,3}\)\s|[^\W\d_][.)]\s)")
_HEADING_MARK_RE = re.compile(r"^#{1,6}\s")
_BOLD_RE = re.compile(r"^(?:\*\*|__).+(?:\*\*|__):?$")
_BOLD_OPENERS = ("*", "_")  # (a tuple: "" is in no tuple of characters)
_CODE_RE = re.compile(r"[{};=<>]|`|\(\)|^\s*(?:def|class|import|return|var|let|const|function)\b|^\$\s")
# ... and each match of _CODE_RE one of these characters or that opening.
_CODE_CHARS = tuple("{};=<>`($")
_CODE_MARKS = b"{};=<>`"  # the characters that _CODE_RE matches one by one
_SHELL_PROMPT_RE = re.compile(r"\$\s")
_CODE_START_RE = re.compile(r"\s*(?:def|class|import|return|var|let|const|function)\b")
_DATE_RE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b")
# _DATE_RE with its alternatives' common opening (a digit after no word character) taken
# first: ``re`` then skips to the digits instead of trying the pattern at every character.
# The same matches: the other digits of "\d{1,4}", "\d{1,2}" and "19" or "20" follow it.
_DATE_FAST_RE = re.compile(
    r"\d(?<!\w\d)(?:\d{0,3}[-/.]\d{1,2}[-/.]\d{1,4}\b|\d?:\d{2}\b|(?<=1)9\d{2}\b|(?<=2)0\d{2}\b)")
_CJK_END_RE = re.compile(r"[。！？]")
_DIGIT_RE = re.compile(r"[0-9]")
_ASCII_NON_ALPHA = bytes(c for c in range(128) if not chr(c).isalpha())
_ASCII_NON_UPPER = bytes(c for c in range(128) if not chr(c).isupper())
_ASCII_NON_DIGIT = bytes(c for c in range(128) if not chr(c).isdigit())
_ASCII_RUN_RE = re.compile(r"[\x00-\x7f]+")
# An ASCII character's class for `_ascii_classes`: white space (as str.split parts on it),
# capital, small letter, digit or other.
_ASCII_CLASSES = bytes(
    ord(" ") if chr(c).isspace() else ord("U") if chr(c).isupper() else ord("l") if chr(c).islower()
    else ord("d") if chr(c).isdigit() else ord("o") for c in range(128)) + bytes(128)
# A token of capitals only (in classes with all but letters and spaces left out)
_CAPITALS_RE = re.compile(rb" U+(?![^ ])")
_FIRST = itemgetter(0)
# Link-like tokens are counted in the head of a paragraph only.
_HEAD = 500
# Character shares and rates (letters, symbols, commas, sentence ends) are read on this head.
_HEAD_CHARS = 600
# Paragraphs of at most this many words (and characters) are read word by word for the lexicon.
LEXICON_MAX_WORDS = 8
_LEXICON_CHARS = 120
_WORD_RE = re.compile(r"[^\W\d_]+")
_NON_LETTERS_TO_SPACE = bytes(c if 97 <= c <= 122 or 65 <= c <= 90 else 32 for c in range(256))
# Token shares (capitals, figures) are measured on the head of a long paragraph.
_SHARE_CHARS = 400
# Whether a paragraph holds a date is read on this head.
_DATE_CHARS = 200
# A date line (`date_line`) is at most this long.
_DATE_LINE_CHARS = 80
_DATE_LINE_WORDS = 10
# A Markdown image or an HTML image tag; and a paragraph that opens with an HTML or XML tag,
# a comment or a template tag (style blocks, includes), which pages leave in extracted text.
_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^>\n]*>", re.IGNORECASE)
_MARKUP_OPEN_RE = re.compile(r"<[!/?]?[A-Za-z]|\{[%{]")
# Program output and logs, which pages carry as content: a line opening with a bracketed level
# or tag ("[INFO]") or a level, an ISO timestamp, a shell or REPL prompt, a stack-trace frame.
_LOG_RE = re.compile(
    r"\s*(?:\[[A-Za-z][\w:./ -]{0,23}\](?:\s|$)|\d{4}-\d\d-\d\d[T ]\d\d:\d\d|[$%] \S|>>> |\.\.\. "
    r"|at [\w$.]+\(|File \"|Traceback \(|(?:DEBUG|INFO|WARN(?:ING)?|ERROR|FATAL|TRACE|CRITICAL)\b)")
# What a match of _LOG_RE opens with, past its white space: a digit, one of these marks or words.
_LOG_OPENERS = ("[", "$", "%", ">", ".")
_LOG_WORDS = ("at ", 'File "', "Traceback (", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "TRACE", "CRITICAL")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of lines described together: lines ``first`` to ``end - 1`` of the layout."""

    first: int
    end: int
    text: str


def paragraphs(layout: Layout) -> list[Paragraph]:
    """The paragraphs of a layout, in order (a wrapped paragraph's lines joined by spaces)."""
    return list(map(Paragraph, *paragraph_spans(layout)))


def paragraph_spans(layout: Layout) -> tuple[list[int], list[int], list[str]]:
    """`paragraphs` as three columns: first lines, ends and texts. The pipeline reads them so,
    without an object per paragraph for the cyclic collector to walk while the page is read."""
    lines = layout.lines
    opens = [i for i, first in enumerate(layout.paragraph_starts) if first]  # line 0 always
    ends = [*opens[1:], len(lines)] if opens else []  # (three columns of one length)
    texts = [lines[i].text if j - i == 1 else " ".join([line.text for line in lines[i:j]])
             for i, j in zip(opens, ends)]
    return opens, ends, texts


_OWN = (
    "log_chars", "log_words", "cjk_share", "capitalised", "all_caps", "numeric",
    "end_sentence", "end_colon", "end_other_punct", "end_alnum", "inner_sentences",
    "commas", "letters", "symbols", "linky", "heading_mark", "list_item", "bold", "quote",
    "code", "starts_lower", "starts_digit", "date_time", "headline_shape", "family_chrome",
    "family_preamble", "family_sign_off", "repeated", "blank_before", "indent", "in_fence",
    "front_matter", "image_share", "markup_open", "log_line", "front_title", "presentative",
    "quoted_request", "speaker", "addressee", "text_itself",
)
_CONTEXT = (
    "position", "char_position", "long_before", "long_after", "log_dist_long",
    "prev_log_words", "next_log_words", "prev_end_sentence", "next_end_sentence",
    "prev_linky", "next_linky", "prev_list", "next_list", "win_log_words", "win_end_sentence",
    "win_short", "win_linky", "doc_log_paragraphs", "doc_long_share", "terms_below", "terms_above",
    "win_code", "dated_head",
)
FEATURE_NAMES: tuple[str, ...] = _OWN + _CONTEXT
"""The name of each position of a paragraph's feature vector, in order."""


def running_words(text: str) -> float:
    """How many words ``text`` holds, as `LONG_WORDS` counts them: its spaced words, and half a
    word for each CJK character (Chinese and Japanese put no space between words)."""
    words = len(text.split())
    return words if text.isascii() else words + _count_cjk(text) / 2


def short_tokens(text: str) -> tuple[str, ...]:
    """The lower-cased words of a short paragraph, for the model's lexicon; () for longer ones.

    Menus, share rows, footers and residue are short, and their words ("share", "reply",
    "privacy") are evidence the shape alone misses; the weights are fitted per word.
    """
    if len(text) > _LEXICON_CHARS:
        return ()
    low = text.lower()
    if low.isascii():  # the ASCII letters of _WORD_RE are a-z: split out in C, no pattern
        words = low.encode("ascii").translate(_NON_LETTERS_TO_SPACE).decode("ascii").split()
    else:
        words = _WORD_RE.findall(without_soft_hyphens(low))
    return tuple(words) if len(words) <= LEXICON_MAX_WORDS else ()


def _token_shares(head: str) -> tuple[float, float, float]:
    """Shares of letter-initial tokens that are capitalised and all capitals; share of figure tokens."""
    tokens = head.split()
    if not tokens:
        return 0.0, 0.0, 0.0
    firsts = "".join(map(_FIRST, tokens))
    # the ASCII characters counted by C byte operations, the few others one by one
    b = firsts.encode("ascii", "ignore")
    alpha = len(b.translate(None, _ASCII_NON_ALPHA))
    upper = len(b.translate(None, _ASCII_NON_UPPER))
    digit = len(b.translate(None, _ASCII_NON_DIGIT))
    if len(b) < len(firsts):
        others = _ASCII_RUN_RE.sub("", firsts)
        alpha += sum(map(str.isalpha, others))
        upper += sum(map(str.isupper, others))
        digit += sum(map(str.isdigit, others))
    return upper / (alpha or 1), sum(map(str.isupper, tokens)) / (alpha or 1), digit / len(tokens)


def _ascii_classes(head: str) -> bytes:
    """The class (`_ASCII_CLASSES`) of each character of an ASCII ``head``, after a space:
    its tokens' first characters are those after a space, and counting classes is one C
    pass each (no token split out)."""
    return (" " + head).encode("ascii").translate(_ASCII_CLASSES)


def _ascii_token_shares(classes: bytes, chars: int) -> tuple[float, float, float]:
    """`_token_shares` of the first ``chars`` characters of an ASCII head, from its
    `_ascii_classes`: the same counts, so the same floats."""
    end = chars + 1  # past the leading space
    upper = classes.count(b" U", 0, end)
    lower = classes.count(b" l", 0, end)
    digit = classes.count(b" d", 0, end)
    tokens = upper + lower + digit + classes.count(b" o", 0, end)
    if not tokens:
        return 0.0, 0.0, 0.0
    alpha = upper + lower
    # a token is all capitals (str.isupper) when it holds a capital and no small letter
    letters = classes[:end].translate(None, b"do")
    capitals = 0
    if letters.find(b"U ") >= 0 or letters.endswith(b"U"):  # (``in`` on bytes first tries an int)
        capitals = len(_CAPITALS_RE.findall(letters))
    return upper / (alpha or 1), capitals / (alpha or 1), digit / tokens


def _linky(head: str) -> int:
    """How many link-like tokens ``head`` holds (``_LINKY_RE``)."""
    if holds_any(head, _ASCII_LINKY_MARKS if head.isascii() else _LINKY_MARKS):
        return len(_LINKY_RE.findall(head))
    return 0


def _code(head: str) -> int:
    """How many code-like tokens ``head`` holds (``_CODE_RE``)."""
    if holds_any(head, _CODE_CHARS):
        return _code_count(head)
    return 0 if _CODE_START_RE.match(head) is None else 1  # nothing but the opening keyword


def _code_count(head: str) -> int:
    """``len(_CODE_RE.findall(head))`` without the pattern, which tries its alternatives at
    every character: each mark is a match, so is each "()", and so is a keyword or a shell
    prompt opening ``head`` (no mark nor "()" can overlap those)."""
    encoded = head.encode("utf-8", "surrogatepass")  # the marks are ASCII: counted in bytes
    count = len(encoded) - len(encoded.translate(None, _CODE_MARKS)) + head.count("()")
    if _CODE_START_RE.match(head) is not None or _SHELL_PROMPT_RE.match(head) is not None:
        count += 1
    return count


def _dated(head: str) -> bool:
    """Whether ``head`` holds a date, a time or a year (``_DATE_RE``); every match opens on a digit."""
    digit = _DIGIT_RE.search(head)
    return digit is not None and _DATE_FAST_RE.search(head, digit.start()) is not None


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (``_END_SENTENCE_RE`` on its last 7 characters): at once
    where its last character is a sentence's end or none of what may follow one."""
    last = text[-1:]
    if last and last in _SENTENCE_ENDS:
        return True
    return bool(last) and last in _AFTER_END and _END_SENTENCE_RE.search(text[-7:]) is not None


def _inner_ends(text: str) -> int:
    """Sentence ends inside a paragraph (a full stop, ! or ? before a space)."""
    n = text.count(". ")
    if "!" in text:  # (a test for the mark is a fraction of a count)
        n += text.count("! ")
    if "?" in text:
        n += text.count("? ")
    return n if text.isascii() else n + len(_CJK_END_RE.findall(text))


def _own(
    text: str, f: LineFeatures, blank_before: int, indented: bool, repeats: int, fenced: bool,
) -> tuple[float, ...]:
    """A paragraph's own features (`_OWN`), as a tuple: floats only, soon left untracked by
    the cyclic collector."""
    # shares and rates are read on the head of a long paragraph (its cost stays flat)
    head = text[:_HEAD_CHARS]
    scale = len(text) / (len(head) or 1)
    ascii = text.isascii()
    cjk = 0 if ascii else _count_cjk(head) * scale
    spaces = text.count(" ")
    words = spaces + 1 + cjk / 2
    head_spaces = spaces if head is text else head.count(" ")
    head_words = head_spaces + 1 + cjk / scale / 2
    nonspace = len(head) - head_spaces or 1
    if ascii:  # the counts below from the characters' classes
        classes = _ascii_classes(head)
        capitalised, all_caps, numeric = _ascii_token_shares(classes, _SHARE_CHARS)
        letters = classes.count(b"U") + classes.count(b"l")
        alnum = letters + classes.count(b"d")
        digit = classes.find(b"d", 1, _DATE_CHARS + 1) - 1
        dated = digit >= 0 and _DATE_FAST_RE.search(text[:_DATE_CHARS], digit) is not None
    else:
        capitalised, all_caps, numeric = _token_shares(text[:_SHARE_CHARS])
        letters = _count_letters(head)
        alnum = letters + _count_digits(head)
        dated = _dated(text[:_DATE_CHARS])
    last = text[-1:]
    end_sentence = ends_sentence(text)
    family = f.family
    first = text[:1]
    return (
        math.log1p(len(text)),
        math.log1p(words),
        f.cjk_share,
        capitalised,
        all_caps,
        numeric,
        1.0 if end_sentence else 0.0,
        1.0 if last in ":：" else 0.0,
        1.0 if not end_sentence and last not in ":：" and not last.isalnum() else 0.0,
        1.0 if last.isalnum() else 0.0,
        min(_inner_ends(head), 20) / (1 + head_words / 10),
        head.count(",") / (1 + head_words),
        letters / nonspace,
        (nonspace - alnum) / nonspace,
        math.log1p(_linky(text[:_HEAD])),
        1.0 if first == "#" and _HEADING_MARK_RE.match(text) is not None else 0.0,
        1.0 if _LIST_RE.match(text) is not None else 0.0,
        1.0 if first in _BOLD_OPENERS and _BOLD_RE.match(text) is not None else 0.0,
        1.0 if text.startswith(">") else 0.0,
        math.log1p(_code(text[:300])),
        1.0 if first.islower() else 0.0,
        1.0 if first.isdigit() else 0.0,
        1.0 if dated else 0.0,
        1.0 if f.headline else 0.0,
        1.0 if family is Family.CHROME else 0.0,
        1.0 if family is Family.ASSISTANT_PREAMBLE else 0.0,
        1.0 if family is Family.ASSISTANT_SIGN_OFF else 0.0,
        math.log1p(repeats),
        float(min(blank_before, 2)),
        1.0 if indented else 0.0,
        1.0 if fenced else 0.0,
    )


def _front_matter(
    layout: Layout, firsts: Sequence[int], ends: Sequence[int],
) -> tuple[list[float], list[float]]:
    """Per paragraph (lines ``firsts[k]`` to ``ends[k] - 1``), 1.0 where it lies in a
    front-matter block (`Layout.front_matter`), and 1.0 where it is that block's title key,
    the one line of it that is the post's title."""
    front = layout.front_matter
    inside, title = front.inside, front.title_keys
    if not front.found:
        zeros = [0.0] * len(firsts)
        return zeros, zeros
    return ([1.0 if any(inside[i:j]) else 0.0 for i, j in zip(firsts, ends)],
            [1.0 if any(title[i:j]) else 0.0 for i, j in zip(firsts, ends)])


def date_line(text: str) -> bool:
    """A short line that holds a date or a time: the dateline of a post's header
    ("2024-10-12T09:00", "Posted 3 May 2019 by ...", "2023年3月12日 14時05分"), in any language
    that writes dates in figures."""
    if len(text) > _DATE_LINE_CHARS or len(text.split()) > _DATE_LINE_WORDS:
        return False
    return _dated(text) or (not text.isascii() and _CJK_DATE_RE.search(text) is not None)


def _markup(text: str) -> tuple[float, float]:
    """The share of a paragraph's characters in images (`_IMAGE_RE`), and whether it opens
    with a tag (`_MARKUP_OPEN_RE`)."""
    image = 0.0
    # (a test for one character is a fraction of one for two or more)
    if ("[" in text and "![" in text) or ("<" in text and ("<img" in text or "<IMG" in text)):
        image = sum(m.end() - m.start() for m in _IMAGE_RE.finditer(text)) / len(text)
    opens = text[:1] in "<{" and _MARKUP_OPEN_RE.match(text) is not None
    return image, 1.0 if opens else 0.0


def _log_line(text: str) -> float:
    """1.0 when a paragraph opens like program output or a log line (`_LOG_RE`); the pattern
    is tried only on a paragraph that opens as one of its alternatives may."""
    first = text[:1]
    if not (first in _LOG_OPENERS or first.isspace() or first.isdecimal() or text.startswith(_LOG_WORDS)):
        return 0.0
    return 1.0 if _LOG_RE.match(text) is not None else 0.0


def _terms_near(
    texts: Sequence[str], feats: Sequence[LineFeatures], long: Sequence[bool],
) -> tuple[list[float], list[float]]:
    """For each headline-shaped paragraph, the share of its terms found in the running text
    just below it and just above it (a title's terms recur in its story; a teaser's do not).
    """
    n = len(texts)
    below = [0.0] * n
    above = [0.0] * n
    heads = [k for k in range(n) if feats[k].headline]
    if not heads:
        return below, above
    longs = [k for k in range(n) if long[k]]
    # per long paragraph: the set of its words and how many words it has
    words_of: dict[int, tuple[set[str], int]] = {}
    cache: dict[tuple[int, int], list[set[str]]] = {}

    def near(start: int, step: int) -> list[set[str]]:
        """The word sets of the long paragraphs that hold the first TERMS_REACH words of
        running text from long paragraph ``start`` on (or back): their union is that text's
        vocabulary, never built (the terms found in it are counted against each set)."""
        key = (start, step)
        sets = cache.get(key)
        if sets is None:
            sets = []
            count = 0
            j = start
            while 0 <= j < len(longs) and count < TERMS_REACH:
                if j not in words_of:
                    words = content_words(texts[longs[j]][:_TERMS_CHARS])
                    words_of[j] = (set(words), len(words))
                vocabulary, size = words_of[j]
                sets.append(vocabulary)
                count += size
                j += step
            cache[key] = sets
        return sets

    terms_of: dict[str, set[str]] = {}  # each headline's terms, once per text ("Reuter" recurs)
    for k in heads:
        text = texts[k]
        terms = terms_of.get(text)
        if terms is None:
            terms = terms_of[text] = set(content_words(text))
        if not terms:
            continue
        b = bisect.bisect_right(longs, k)
        # terms found = the terms less those in none of the sets (one C-level difference)
        below[k] = (len(terms) - len(terms.difference(*near(b, 1)))) / len(terms)
        above[k] = (len(terms) - len(terms.difference(*near(b - 1, -1)))) / len(terms)
    return below, above


def paragraph_vectors(
    layout: Layout, paras: Sequence[Paragraph], feats: Sequence[LineFeatures],
) -> list[list[float]]:
    """The feature vector of each paragraph (see `FEATURE_NAMES`).

    ``feats[k]`` are the `features.line_features` of paragraph ``k``'s text.
    """
    rows = span_rows(layout, [p.first for p in paras], [p.end for p in paras], [p.text for p in paras], feats)
    return [list(row) for row in rows]


def span_rows(
    layout: Layout, firsts: Sequence[int], ends: Sequence[int], texts: Sequence[str],
    feats: Sequence[LineFeatures],
) -> list[tuple[float, ...]]:
    """`paragraph_vectors` of the paragraphs given as columns (`paragraph_spans`), as tuples:
    holding only floats, the cyclic collector soon stops tracking them (the pipeline scores
    a page's paragraphs from these)."""
    n = len(texts)
    if n == 0:
        return []
    lines = layout.lines
    keys = [text.casefold() for text in texts]
    counts = Counter(keys)
    fenced = _fenced(texts)
    usual = layout.base_indent  # indented means deeper than the page's usual indent
    # a paragraph's own features depend on its text and features (its repeats are its text's),
    # on its blank lines and indent only as min(blank_before, 2) and indented or not, and on
    # its place in front matter: recurring paragraphs ("Reuter", "Advertisement") are measured once
    front, front_title = _front_matter(layout, firsts, ends)
    own: list[tuple[float, ...]] = []
    # a text's first paragraph (a dict of strings and integers: no key object per paragraph for
    # the cyclic collector), whose row a later one with the same text takes where the rest agrees
    first_of: dict[str, int] = {}
    blanks = [min(lines[i].blank_before, 2) for i in firsts]
    persons = person_marks_many(texts, [f.cjk_share >= 0.5 for f in feats])
    for k, (first, text, f, key, fence, front_k, title_k, blank, person) in enumerate(zip(
            firsts, texts, feats, keys, fenced, front, front_title, blanks, persons)):
        line = lines[first]
        indented = line.indent > usual
        j = first_of.setdefault(text, k)
        if j < k and (feats[j] is f and blanks[j] == blank and (lines[firsts[j]].indent > usual) == indented
                      and fenced[j] == fence and front[j] == front_k and front_title[j] == title_k):
            own.append(own[j])
            continue
        own.append((*_own(text, f, line.blank_before, indented, counts[key] - 1, fence),
                    front_k, *_markup(text), _log_line(text), title_k,
                    1.0 if presentative(text) else 0.0, 1.0 if quoted_request(text) else 0.0,
                    *person))
    i_words, i_end, i_linky, i_list, i_code, i_log = map(
        _OWN.index, ("log_words", "end_sentence", "linky", "list_item", "code", "log_line"))
    log_words = [v[i_words] for v in own]
    long = [lw >= math.log1p(LONG_WORDS) for lw in log_words]
    chars = list(map(len, texts))
    total_chars = sum(chars) or 1
    # distance (in paragraphs) to the nearest long paragraph, either side
    far = float(n + 1)
    before = [far] * n
    after = [far] * n
    last = -1
    for k in range(n):
        if long[k]:
            last = k
        before[k] = float(k - last) if last >= 0 else far
    nxt = -1
    for k in range(n - 1, -1, -1):
        if long[k]:
            nxt = k
        after[k] = float(nxt - k) if nxt >= 0 else far
    any_long_before = [False] * n
    seen = False
    for k in range(n):
        any_long_before[k] = seen
        seen = seen or long[k]
    any_long_after = [False] * n
    seen = False
    for k in range(n - 1, -1, -1):
        any_long_after[k] = seen
        seen = seen or long[k]
    doc_log = math.log1p(n)
    long_share = sum(c for c, lg in zip(chars, long) if lg) / total_chars

    def prefix(values: Sequence[float]) -> list[float]:
        return list(itertools.accumulate(values, initial=0.0))  # 0.0, v0, v0 + v1, ...

    short = math.log1p(5)
    sums = {
        "words": prefix(log_words),
        "end": prefix([v[i_end] for v in own]),
        "short": prefix([float(lw < short) for lw in log_words]),
        "linky": prefix([v[i_linky] for v in own]),
        "code": prefix([v[i_code] + v[i_log] for v in own]),  # program text: code or output
    }

    def window(name: str) -> list[float]:
        """Per paragraph k, the mean of a column over the paragraphs within WINDOW of k,
        k itself left out."""
        col = sums[name]
        means = [0.0] * n
        # where the window lies wholly inside, the same sums in one C-level pass
        inner = range(WINDOW, n - WINDOW)
        for k in itertools.chain(range(min(WINDOW, n)), range(max(WINDOW, n - WINDOW), n)):
            lo, hi = max(0, k - WINDOW), min(n, k + WINDOW + 1)
            if hi - lo > 1:
                own_value = col[k + 1] - col[k]
                means[k] = (col[hi] - col[lo] - own_value) / (hi - lo - 1)
        if inner:
            a, b = inner.start, inner.stop
            spans = map(sub, col[a + WINDOW + 1 : b + WINDOW + 1], col[a - WINDOW : b - WINDOW])
            owns = map(sub, col[a + 1 : b + 1], col[a:b])
            means[a:b] = map(truediv, map(sub, spans, owns), itertools.repeat(2 * WINDOW))
        return means

    win_words, win_end, win_short, win_linky = (window(name) for name in ("words", "end", "short", "linky"))
    win_code = window("code")
    below, above = _terms_near(texts, feats, long)
    # a headline with a date line just above it or within three paragraphs below: a post's
    # or an article's header (title, dateline, byline), in any language that writes dates in figures
    # (only the paragraphs next to a headline are asked)
    dated = [False] * n
    for j in {j for k in range(n) if feats[k].headline for j in (k - 1, k + 1, k + 2, k + 3) if 0 <= j < n}:
        dated[j] = date_line(texts[j])
    dated_head = [1.0 if feats[k].headline and (any(dated[k + 1:k + 4]) or (k > 0 and dated[k - 1]))
                  else 0.0 for k in range(n)]
    # the context features column by column (`_CONTEXT`), each in one C-level pass or one
    # comprehension, then joined onto each paragraph's own features: the same floats as a
    # loop over the paragraphs, in a third of the time
    def shifted(i: int) -> tuple[list[float], list[float]]:
        """Column ``i`` of the paragraph before and of the one after (0.0 past either end)."""
        col = [v[i] for v in own]
        return [0.0, *col[:-1]], [*col[1:], 0.0]

    prev_words, next_words = shifted(i_words)
    prev_end, next_end = shifted(i_end)
    prev_linky, next_linky = shifted(i_linky)
    prev_list, next_list = shifted(i_list)
    running = itertools.accumulate(chars, initial=0)  # characters before each paragraph
    ctx = zip(
        [k / n for k in range(n)],
        [r / total_chars for r in itertools.islice(running, n)],
        map(float, any_long_before),
        map(float, any_long_after),
        map(math.log1p, map(min, before, after)),
        prev_words, next_words, prev_end, next_end, prev_linky, next_linky, prev_list, next_list,
        win_words, win_end, win_short, win_linky,
        itertools.repeat(doc_log, n),
        itertools.repeat(long_share, n),
        below, above, win_code, dated_head,
    )
    return list(map(add, own, ctx))
