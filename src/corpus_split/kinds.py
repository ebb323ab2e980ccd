"""Final kind of every line, once the articles are known.

A headline's kind depends on where it stands:

* the first headline at the head of an article (before its first paragraph) is
  the article's ``title``; one right above that paragraph is a ``heading`` (the
  story's own headline under a page title); a repeat of the title is chrome;
  any other headline there is a teaser ``links`` line;
* inside an article, headlines are section ``heading``\\ s;
* after the last paragraph of the document, and in runs between articles,
  headlines are ``links`` to other articles.
"""

from __future__ import annotations

import itertools
import operator
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .boundaries import ArticleSpan, Unit
from .lexical import line_words
from .lines import Layout
from .model import Kind
from .prelim import Role

__all__ = ["LineKinds", "assign_kinds", "normalise_title"]

# Distinct words of the opening paragraphs a title is compared with.
TITLE_CONTEXT_WORDS = 200
# Share of a headline's words that must recur in the opening for it to be the title.
TITLE_OVERLAP = 0.34
# A title among chrome lines: at most this many lines above the text, this many words long,
# sharing at least this many words with the opening.
TITLE_LOOKBACK = 6
MAX_TITLE_WORDS = 25
MIN_CHROME_TITLE_TERMS = 2

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


def assign_kinds(
    layout: Layout, roles: Sequence[Role], words: Sequence[tuple[str, ...]],
    units: Sequence[Unit], spans: Sequence[ArticleSpan],
) -> LineKinds:
    """Turn provisional roles and article spans into final kinds and article indices."""
    n = len(layout.lines)
    kinds: list[Kind] = list(map(_NON_CONTENT.get, roles, itertools.repeat(Kind.BODY)))
    article_of: list[int | None] = [None] * n
    headlines = list(itertools.compress(range(n), map(operator.is_, roles, itertools.repeat(Role.HEADLINE))))
    ranges: list[tuple[int, int]] = []
    title_lines: list[int | None] = []
    front_title = layout.front_matter.is_title
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
            title_line = _choose_title(roles, words, header, body_lines)
        if title_line is None:
            # a page's title often stands among its chrome (menu above, byline below), where
            # the line model took it for chrome: the line above the text that it is about
            floor = ranges[-1][1] + 1 if ranges else 0
            title_line = _title_among_chrome(layout, roles, first, floor, _opening(words, body_lines))
            if title_line is not None:
                kinds[title_line] = Kind.TITLE
                first = title_line
        story_headline: int | None = None
        title_key = _key(layout.lines[title_line].text) if title_line is not None else None
        announced = title_line is not None and _announced(roles, title_line)
        for i in header:
            if i == title_line:
                kinds[i] = Kind.TITLE
            elif announced and title_line is not None and i > title_line:
                kinds[i] = Kind.HEADING  # under the title the preamble announced
            elif i == first_body - 1 and title_line is not None:
                kinds[i] = Kind.HEADING
                story_headline = i
            elif _key(layout.lines[i].text) == title_key:
                kinds[i] = Kind.BOILERPLATE
            else:
                kinds[i] = Kind.LINKS
        for i in headlines[bisect_left(headlines, first_body) : bisect_right(headlines, last)]:
            kinds[i] = Kind.HEADING
        # headlines after the article's last paragraph, at the end of the document
        trailing = [i for i in range(article_last_body + 1, last + 1) if roles[i].is_content]
        if trailing and (article_last_body == last_body or len(trailing) >= 2):
            for i in trailing:
                kinds[i] = Kind.LINKS
        end = article_last_body
        for i in range(article_last_body + 1, last + 1):
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


def _title_among_chrome(
    layout: Layout, roles: Sequence[Role], first: int, floor: int, opening: set[str],
) -> int | None:
    """A chrome line just above an article that is its title: short, not ending a sentence,
    and at least `MIN_CHROME_TITLE_TERMS` of its words (and `TITLE_OVERLAP` of them) recur in
    the opening.
    Bylines, dates and menus in between are passed over; content or residue stops the search."""
    for i in range(first - 1, max(floor, first - TITLE_LOOKBACK) - 1, -1):
        if roles[i] not in (Role.CHROME, Role.LINK):
            return None
        text = layout.lines[i].text
        if len(text.split()) > MAX_TITLE_WORDS or text.endswith((".", "。")):
            continue
        terms = set(line_words([text], [True])[0])
        shared = len(terms & opening)
        if shared >= MIN_CHROME_TITLE_TERMS and shared >= TITLE_OVERLAP * len(terms):
            return i
    return None


def _choose_title(
    roles: Sequence[Role], words: Sequence[tuple[str, ...]], header: Sequence[int],
    body_lines: Sequence[int],
) -> int | None:
    """The article's title among the headlines above its first paragraph.

    A headline right under an assistant's preamble is the title it announces.
    Otherwise the first headline whose words recur in the opening paragraphs wins; a
    headline that shares nothing with the text is a teaser for another article.
    A lone headline is the title all the same; several unrelated ones are teasers.
    """
    candidates = [i for i in header if roles[i] is Role.HEADLINE]
    if not candidates:
        return None
    if _announced(roles, candidates[0]):
        return candidates[0]
    several = len(candidates) > 1
    opening = _opening(words, body_lines)
    unrelated = [i for i in candidates if words[i] and not set(words[i]) & opening]
    if unrelated and candidates[-1] > unrelated[-1]:
        # a teaser stands between a headline and the text: that headline matched by chance
        candidates = [i for i in candidates if i > unrelated[-1]]
    for i in candidates:
        terms = set(words[i])
        if terms and len(terms & opening) >= TITLE_OVERLAP * len(terms):
            return i
    if several:  # several headlines, none about this text: teasers, no title
        return None
    lone = candidates[0]
    if lone in unrelated and lone > 0 and roles[lone - 1] is Role.HEADLINE:
        return None  # the last of a run of headlines, sharing no word with the text: a teaser
    return lone
