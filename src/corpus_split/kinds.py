"""Final kind of every line, once the articles are known.

A headline's kind depends on where it stands:

* at the head of an article the title model (``data/title_model.json``) picks its
  ``title`` among the header's lines, the chrome just above it and a short first
  paragraph, or finds none; a headline right above the first paragraph under the
  title is a ``heading`` (the story's own headline under a page title), as is a lone
  headline over an untitled article's text; a repeat of the title is chrome; any
  other headline there is a teaser ``links`` line;
* inside an article, headlines are section ``heading``\\ s;
* after the last paragraph of the document, and in runs between articles,
  headlines are ``links`` to other articles.
"""

from __future__ import annotations

import itertools
import math
import operator
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from . import scores
from .boundaries import ArticleSpan, Unit
from .context import date_line
from .features import _count_cjk, _count_letters
from .lexical import _CJK_RE, han_page, line_words
from .lines import Layout, Line
from .model import Kind
from .prelim import Role

__all__ = [
    "TITLE_FEATURES", "LineKinds", "TitleChoice", "assign_kinds", "normalise_title", "title_candidates",
    "title_vectors",
]

# Distinct words of the opening paragraphs a title is compared with.
TITLE_CONTEXT_WORDS = 200

_SANITISED_COLON_RE = regex.compile(r"(?<=\S)_\s+")
_COUNTER_RE = regex.compile(r"_\d{1,3}$")
_SPACE_RE = regex.compile(r"\s+")
_MARKUP_RE = regex.compile(r"^(?:\#{1,6}\s+)?(?:\*\*|__)?(?P<body>.+?)(?:\*\*|__)?$")

# The kinds of line that belong to the article they stand in.
_MEMBERS = frozenset((Kind.TITLE, Kind.HEADING, Kind.BODY, Kind.DUPLICATE, Kind.ARTIFACT))
_NON_CONTENT = {
    Role.CHROME: Kind.BOILERPLATE,
    Role.LINK: Kind.LINKS,
    Role.SEPARATOR: Kind.BOILERPLATE,
    Role.NOISE: Kind.NOISE,
    Role.PREAMBLE: Kind.ARTIFACT,
    Role.SIGN_OFF: Kind.ARTIFACT,
    Role.REPEAT: Kind.DUPLICATE,
    Role.FURNITURE: Kind.BOILERPLATE,
}


@dataclass(frozen=True, slots=True)
class LineKinds:
    """Per line: its kind and article; per article: its line range and title line."""

    kinds: tuple[Kind, ...]
    articles: tuple[int | None, ...]
    ranges: tuple[tuple[int, int], ...]
    title_lines: tuple[int | None, ...]


def normalise_title(text: str) -> str:
    """Undo filename sanitising ("A_ B" → "A: B", a trailing "_1" counter dropped) and markup.

    Markdown heading marks and bold markers around the whole line ("## A", "**A**")
    are page markup, not part of the title.
    """
    # each pattern only where it can change the text (the markup one backtracks at every
    # character): marks at either end, an underscore, whitespace other than single spaces
    text = text.strip()
    if text.startswith(("#", "**", "__")) or text.endswith(("**", "__")):
        text = _MARKUP_RE.sub(r"\g<body>", text) or text
    if "_" in text:
        text = _COUNTER_RE.sub("", text)
        text = _SANITISED_COLON_RE.sub(": ", text)
    if "  " in text or not text.isprintable():  # (all other whitespace is unprintable)
        text = _SPACE_RE.sub(" ", text)
    return text.strip()


def _key(text: str) -> str:
    return normalise_title(text).casefold()


TitleChoice = Callable[[Sequence[int], Sequence[Sequence[float]]], int | None]
"""Given an article's title candidates and their `title_vectors`, the title line (or None)."""


def assign_kinds(
    layout: Layout, roles: Sequence[Role], words: Sequence[tuple[str, ...]],
    units: Sequence[Unit], spans: Sequence[ArticleSpan], choose_title: TitleChoice | None = None,
) -> LineKinds:
    """Turn provisional roles and article spans into final kinds and article indices.

    ``choose_title`` replaces the title model's choice (the fitting script records the
    candidates through it)."""
    n = len(layout.lines)
    kinds: list[Kind] = list(map(_NON_CONTENT.get, roles, itertools.repeat(Kind.BODY)))
    article_of: list[int | None] = [None] * n
    headlines = list(itertools.compress(range(n), map(operator.is_, roles, itertools.repeat(Role.HEADLINE))))
    ranges: list[tuple[int, int]] = []
    title_lines: list[int | None] = []
    front_title = layout.front_matter.is_title
    repeats: Counter[str] | None = None
    chrome_words = _ChromeWords(layout.lines)  # content words of chrome lines, by text
    # the last body line, found from the end
    last_body = next((i for i in range(len(roles) - 1, -1, -1) if roles[i] is Role.BODY), -1)

    for k, span in enumerate(spans):
        first = units[span.first_unit].first
        last = units[span.last_unit].last
        body_lines = [i for i in range(first, last + 1) if roles[i] is Role.BODY]
        if not body_lines:
            # headlines with no text under them: links to other articles
            for i in range(first, last + 1):
                if roles[i].is_content:
                    kinds[i] = Kind.LINKS
            ranges.append((first, first - 1))
            title_lines.append(None)
            continue
        first_body = body_lines[0]
        article_last_body = body_lines[-1]
        header = [i for i in range(first, first_body) if roles[i] is Role.HEADLINE]
        # a post's own title (of two front-matter blocks in a row, the one nearer its text)
        title_line = next((i for i in reversed(header) if front_title(i)), None)
        if title_line is None:
            # the fitted choice among the header, the chrome just above it (a page's title
            # often stands among its menus and byline) and a short first paragraph
            if repeats is None:
                repeats = Counter(line.text.casefold() for line in layout.lines)
            floor = ranges[-1][1] + 1 if ranges else 0
            title_line = _fitted_title(layout, roles, words, first, first_body, body_lines, floor,
                                       repeats, not ranges, choose_title, chrome_words)
        if title_line is None and not header:
            title_line = _headline_under_tagline(layout, roles, first_body, last)
        if title_line is not None:
            kinds[title_line] = Kind.TITLE
            first = min(first, title_line)
        story_headline: int | None = None
        title_key = _key(layout.lines[title_line].text) if title_line is not None else None
        announced = title_line is not None and _announced(roles, title_line)
        for i in header:
            if i == title_line:
                kinds[i] = Kind.TITLE
            elif announced and title_line is not None and i > title_line:
                kinds[i] = Kind.HEADING  # under the title the preamble announced
            elif i == first_body - 1 and title_line is not None and title_line < first_body:
                kinds[i] = Kind.HEADING
                story_headline = i
            elif title_line is None and len(header) == 1:
                # a lone headline over an untitled article's text (no run of teasers): its
                # lead-in, content as the line model has it
                kinds[i] = Kind.HEADING
            elif _key(layout.lines[i].text) == title_key:
                kinds[i] = Kind.BOILERPLATE
            else:
                kinds[i] = Kind.LINKS
        for i in headlines[bisect_left(headlines, first_body) : bisect_right(headlines, last)]:
            if i != title_line:
                kinds[i] = Kind.HEADING
        # headlines after the article's last paragraph, at the end of the document, are links
        # to other articles; but one line alone that closes on an exclamation is the text's
        # own last word, or a writer's farewell (`_closing_line`)
        trailing = [i for i in range(article_last_body + 1, last + 1) if roles[i].is_content]
        end = article_last_body
        if trailing and (article_last_body == last_body or len(trailing) >= 2):
            if len(trailing) == 1 and _closing_line(layout.lines[trailing[0]].text):
                kinds[trailing[0]] = Kind.BODY
                end = trailing[0]
            else:
                for i in trailing:
                    kinds[i] = Kind.LINKS
        for i in range(end + 1, last + 1):
            if kinds[i] in (Kind.HEADING, Kind.DUPLICATE):
                end = i
        # an assistant sign-off right after the text closes the article
        j = end + 1
        while j < n and roles[j] is Role.SIGN_OFF:
            end = j
            j += 1
        # (ranges do not overlap: these lines belong to no article yet)
        article_of[first : end + 1] = [k if kind in _MEMBERS else None for kind in kinds[first : end + 1]]
        ranges.append((first, end))
        if title_line is not None and front_title(title_line):
            story_headline = None  # a post's front-matter title names it, whatever stands below
        title_lines.append(story_headline if story_headline is not None else title_line)

    # headlines outside every article (before the first, after the last) are links
    covered = [False] * n
    for a, b in ranges:
        covered[a : b + 1] = [True] * (b + 1 - a)
    for i in itertools.compress(range(n), map(operator.not_, covered)):
        if roles[i] is Role.HEADLINE and i > last_body:
            kinds[i] = Kind.LINKS
        elif kinds[i] in (Kind.BODY, Kind.HEADING, Kind.TITLE):
            kinds[i] = Kind.LINKS if roles[i] is not Role.BODY else Kind.BODY
    return LineKinds(tuple(kinds), tuple(article_of), tuple(ranges), tuple(title_lines))


# A tagline or dateline over a story's headline ("News and notes of the core team.",
# "Managua, 26 April 2022 7:43 p.m."): one line of text of at most this many words.
MAX_TAGLINE_WORDS = 12


def _headline_under_tagline(layout: Layout, roles: Sequence[Role], first_body: int, last: int) -> int | None:
    """The title of an article with no header whose text opens on one short line (a blog's
    tagline, a dateline) right over a headline with text below it (a chrome line or two, a
    date, may stand between): that headline, which would otherwise be taken for a section
    heading of the short line's text."""
    head = first_body + 1
    while head < min(last, first_body + 3) and roles[head] is Role.CHROME:
        head += 1  # (a date or a byline between them)
    if head + 1 > last or roles[head] is not Role.HEADLINE or roles[head + 1] is not Role.BODY:
        return None
    if not layout.paragraph_starts[head] or len(layout.lines[first_body].text.split()) > MAX_TAGLINE_WORDS:
        return None  # (the short line must be a paragraph of its own)
    return head


def _closing_line(text: str) -> bool:
    """Whether a lone headline-shaped line after an article's last paragraph closes the text
    rather than linking away: it ends on an exclamation. Measured on fitting material (the
    thirty-ninth session): of such lines typed links, 19 in chat-model answers of fitted models
    (13 the answer's last sentence, 6 its sign-off) and 3 of 4 on the labelled web pages (the
    fourth a subscription offer) are the text's; dev A has none. Questions ("Got a tip for us?") are
    as often a page's prompt as the text's, so they stay links."""
    return _EXCLAIMED_RE.search(text) is not None


def _announced(roles: Sequence[Role], line: int) -> bool:
    """Whether an assistant's preamble stands right above this headline ("Here is the article:")."""
    return line > 0 and roles[line - 1] is Role.PREAMBLE


def _opening(words: Sequence[tuple[str, ...]], body_lines: Sequence[int]) -> set[str]:
    """The distinct words of an article's opening paragraphs, that a title is compared with."""
    opening: set[str] = set()
    for i in body_lines:
        opening.update(words[i])
        if len(opening) >= TITLE_CONTEXT_WORDS:
            break
    return opening


def _fitted_title(
    layout: Layout, roles: Sequence[Role], words: Sequence[tuple[str, ...]], first: int, first_body: int,
    body_lines: Sequence[int], floor: int, repeats: Counter[str], first_article: bool,
    choose_title: TitleChoice | None, chrome_words: _ChromeWords,
) -> int | None:
    """The article's title: the candidate (`title_candidates`) the title model finds likeliest,
    if that chance reaches the model's floor; None for an untitled article."""
    candidates = title_candidates(roles, first, first_body, body_lines, floor)
    if not candidates:
        return None
    # (the opening without the first paragraph only matters when that paragraph is a candidate)
    rest = _opening(words, body_lines[1:]) if candidates[-1] == first_body else set()
    rows = title_vectors(layout, roles, words, candidates, first_body, _opening(words, body_lines),
                         rest, repeats, first_article, chrome_words)
    if choose_title is not None:
        return choose_title(candidates, rows)
    model = scores.title_model()
    if model.features != TITLE_FEATURES:
        raise ValueError("the title model was fitted on other features than kinds.TITLE_FEATURES")
    chances = [model.probability(row) for row in rows]
    best = max(range(len(candidates)), key=chances.__getitem__)
    return candidates[best] if chances[best] >= model.floor else None


# ---- the title of an article: a fitted choice among the lines just above its text ----

TITLE_FEATURES: tuple[str, ...] = (
    "role_headline", "role_chrome", "role_link", "role_body", "log_distance", "adjacent",
    "log_words", "log_chars", "ends_stop", "ends_question", "ends_colon", "overlap_share",
    "log_shared", "no_terms", "markdown", "bold", "upper_share", "capitalised_share",
    "digit_share", "date_line", "separators", "log_repeats", "after_preamble", "first_headline",
    "log_headlines", "top_of_page", "cjk", "cjk_brackets", "blank_before", "blank_after",
    "date_below", "first_article", "rank_from_text", "best_overlap", "log_headlines_below",
)
"""What the title model reads of each candidate line (`title_vectors`)."""

# Candidates: lines of the article's header, the chrome and link lines at most this many lines
# above it, and its first paragraph when more text follows.
TITLE_LOOKBACK = 6
_CANDIDATE_ROLES = frozenset((Role.HEADLINE, Role.CHROME, Role.LINK))
# What may close a line after its last mark: quotation marks and brackets
_CLOSERS = "'\"’”)»"
_STOP_END_RE = regex.compile(rf"[.。．](?:\s?[{_CLOSERS}])*$")
_QUESTION_END_RE = regex.compile(rf"[!?！？](?:\s?[{_CLOSERS}])*$")
# A line that closes on an exclamation ("Happy brewing!", "Enjoy the garden!"; `_closing_line`),
# a square bracket among its closers too
_EXCLAIMED_RE = regex.compile(rf"[!！](?:\s?[{_CLOSERS}\]])*$")
_UPPER_RE = regex.compile(r"\p{Lu}")
_CAPITALISED_RE = regex.compile(r"^\W*\p{Lu}")
_DIGIT_RE = regex.compile(r"\p{Nd}")
_CJK_BRACKETS_RE = regex.compile(r"[【】《》「」『』〈〉]")


def title_candidates(
    roles: Sequence[Role], first: int, first_body: int, body_lines: Sequence[int], floor: int,
) -> list[int]:
    """The lines that may be the title of the article whose units start at line ``first`` and
    whose first paragraph is line ``first_body``, in order: chrome, link and headline lines
    above its text (up to `TITLE_LOOKBACK` lines above ``first``, not below ``floor``, the
    search stopping at content or residue), then its first paragraph if more text follows."""
    out: list[int] = []
    for i in range(first - 1, max(floor, first - TITLE_LOOKBACK) - 1, -1):
        if roles[i] not in _CANDIDATE_ROLES:
            break
        out.append(i)
    out.reverse()
    out.extend(i for i in range(first, first_body) if roles[i] in _CANDIDATE_ROLES)
    if len(body_lines) > 1:
        out.append(first_body)
    return out


_ASCII_UPPER = bytes(range(65, 91))
_ASCII_LOWER = bytes(range(97, 123))
_ASCII_DIGITS = b"0123456789"
_ASCII_SPACE = "".join(c for c in map(chr, range(128)) if c.isspace())
_ASCII_PUNCT = "".join(c for c in map(chr, range(128)) if not (c.isalnum() or c == "_" or c.isspace()))
# an ASCII token (as str.split parts them) opening, after punctuation, on a capital
_ASCII_CAPITALISED_RE = re.compile(
    f"(?:^|(?<=[{re.escape(_ASCII_SPACE)}]))[{re.escape(_ASCII_PUNCT)}]*[A-Z]")


def _shape_counts(text: str, tokens: Sequence[str]) -> tuple[int, int, int, int]:
    """Letters (``\\p{L}``), capital letters, digits, and ``tokens`` opening (after
    punctuation) on a capital: the counts `features._count_letters`, `_UPPER_RE`, `_DIGIT_RE`
    and `_CAPITALISED_RE` give, with byte counts for ASCII text (a page's first paragraph may
    be long)."""
    if not text.isascii():
        return (_count_letters(text), len(_UPPER_RE.findall(text)), len(_DIGIT_RE.findall(text)),
                sum(1 for t in tokens if _CAPITALISED_RE.match(t)))
    raw = text.encode("ascii")
    size = len(raw)
    upper = size - len(raw.translate(None, _ASCII_UPPER))
    lower = size - len(raw.translate(None, _ASCII_LOWER))
    digits = size - len(raw.translate(None, _ASCII_DIGITS))
    capitalised = len(_ASCII_CAPITALISED_RE.findall(text))
    return upper + lower, upper, digits, capitalised


_SEPARATOR_CHARS = "|•·»«›‹/\\>"
_SPACED_DASH_RE = regex.compile(r"\s[-–—]\s")


def _separators(text: str, ascii: bool) -> int:
    """Separators in ``text``: `_SEPARATOR_CHARS` and dashes with a space either side (neither
    kind can take the other's characters, so they are counted apart), each only where it can
    occur."""
    chars = "|/\\>" if ascii else _SEPARATOR_CHARS
    count = sum(map(text.count, chars))
    if "-" in text or not ascii:
        count += len(_SPACED_DASH_RE.findall(text))
    return count


def _units(text: str) -> int:
    """Words, counting two CJK characters as one (a headline's length in any script)."""
    if text.isascii():
        return len(text.split())
    cjk = _count_cjk(text)
    return len(_CJK_RE.sub(" ", text).split()) + (cjk + 1) // 2


class _ChromeWords:
    """The content words of lines read alone (a chrome line has none in ``words``), in the
    page's CJK units (`lexical.han_page`, asked once a page, when first needed); a page's menus
    and bylines repeat, so they are read once a text."""

    __slots__ = ("_han", "_lines", "_words")

    def __init__(self, lines: Sequence[Line]) -> None:
        self._lines = lines
        self._han: bool | None = None
        self._words: dict[str, tuple[str, ...]] = {}

    def of(self, text: str) -> tuple[str, ...]:
        found = self._words.get(text)
        if found is None:
            if self._han is None:
                self._han = han_page([line.text for line in self._lines])
            found = self._words[text] = line_words([text], [True], han=self._han)[0]
        return found


def title_vectors(
    layout: Layout, roles: Sequence[Role], words: Sequence[tuple[str, ...]], candidates: Sequence[int],
    first_body: int, opening: set[str], rest: set[str], repeats: Counter[str], first_article: bool,
    chrome_words: _ChromeWords | None = None,
) -> list[list[float]]:
    """`TITLE_FEATURES` of each candidate line (`title_candidates`) of one article: ``opening``
    holds the words of its opening paragraphs, ``rest`` those without its first paragraph (that
    the first paragraph, as a candidate, is compared with)."""
    lines = layout.lines
    n = len(lines)
    headlines = [i for i in candidates if roles[i] is Role.HEADLINE]
    first_headline = headlines[0] if headlines else -1
    log_headlines = math.log1p(len(headlines))
    rows: list[list[float]] = []
    order = {i: r for r, i in enumerate(reversed(candidates))}
    own = _ChromeWords(lines) if chrome_words is None else chrome_words
    terms_of = [set(words[i] or own.of(lines[i].text)) for i in candidates]
    against = [rest if i == first_body else opening for i in candidates]
    overlaps = [len(t & o) / len(t) if t else 0.0 for t, o in zip(terms_of, against)]
    best = max(overlaps, default=0.0)
    for k, i in enumerate(candidates):
        line = lines[i]
        text = line.text
        role = roles[i]
        tokens = text.split()
        ascii = text.isascii()
        open_end = text[-1:].isalnum()  # (neither end pattern can match after a letter or digit)
        size = len(tokens) if ascii else _units(text)
        letters, upper, digits, capitalised = _shape_counts(text, tokens)
        terms = terms_of[k]
        shared = len(terms & against[k])
        below = lines[i + 1] if i + 1 < n else None
        distance = first_body - i
        rows.append([
            float(role is Role.HEADLINE), float(role is Role.CHROME), float(role is Role.LINK),
            float(role is Role.BODY), math.log1p(max(0, distance)), float(distance == 1),
            math.log1p(size), math.log1p(len(text)),
            float(not open_end and _STOP_END_RE.search(text[-6:]) is not None),
            float(not open_end and _QUESTION_END_RE.search(text[-6:]) is not None),
            float(text.endswith((":", "："))),
            overlaps[k], math.log1p(shared), float(not terms),
            float(text.startswith("#")), float(text.startswith(("**", "__"))),
            upper / (letters or 1), capitalised / (len(tokens) or 1),
            digits / max(1, len(text)), float(date_line(text)),
            float(_separators(text, ascii)),
            math.log1p(repeats[text.casefold()] - 1),
            float(i > 0 and roles[i - 1] is Role.PREAMBLE), float(i == first_headline), log_headlines,
            float(i < 3), float(not ascii and _CJK_RE.search(text, 0, 20) is not None),
            float(not ascii and _CJK_BRACKETS_RE.search(text) is not None), float(min(line.blank_before, 3)),
            float(min(below.blank_before, 3)) if below is not None else 0.0,
            float(below is not None and date_line(below.text)), float(first_article),
            math.log1p(order[i]), float(best > 0 and overlaps[k] == best),
            math.log1p(sum(1 for j in headlines if j > i)),
        ])
    return rows
