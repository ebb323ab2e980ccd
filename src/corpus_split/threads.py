"""Comment and forum threads: posts between recurring furniture (names, timestamps, "Reply").

Each post of a thread is an article, and what stands between posts is furniture. A thread is
told by its shape, in any language and without a phrase list: short lines of their own that
carry a date, a time of day or an age ("3 years ago"), whose shape recurs, the digits aside,
at least `MIN_POSTS` times with different numbers, with text between the occurrences, and
that name different posters (on the line itself or on a short line next to it). The posts
are the runs of text after such headers (or before them, where the timestamp follows the
post), and most of them must open on a sentence: dated headline lists (teasers, archives)
do not. Short lines repeated word for word between posts ("Reply") and the posters' name
lines belong to the furniture too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .lines import Layout

__all__ = ["MIN_POSTS", "Thread", "find_thread"]

MIN_POSTS = 3  # a shape must recur this often (posts with their own timestamp) to be a thread
MAX_STAMP_TOKENS = 14  # furniture lines are short
MAX_STAMP_CHARS = 100
MAX_NAME_TOKENS = 5  # a name line above a timestamp ("Jane Doe says:")
MAX_POST_LINES = 60  # occurrences farther apart than this are separate structures

_SHAPE_RE = regex.compile(r"\d+|\p{L}+|\S")
_DIGIT_RE = regex.compile(r"\d")
_WORD_RE = regex.compile(r"\p{L}+")
# a time of day, a numeric date, a day next to a year, or a CJK date: what post headers carry
_TIMESTAMP_RE = regex.compile(
    r"(?<!\d)\d{1,2}[:h]\d{2}(?![\d.])|(?<!\d)\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?!\d)"
    r"|\d+\s*年\s*\d+\s*月|\d+\s*月\s*\d+\s*日"
)
# lines that are markup, list items or code are never post furniture
_MARKUP_RE = regex.compile(r"^(?:[#*|>`+-]|\d{1,3}[.)]\s|[\w-]+:\s)|[`{};=<]")
# a post is prose: a line of some length that ends a sentence or holds one's end
_PROSE_RE = regex.compile(r"[.!?。！？…]['\"’”)]?(?:\s|$)")
MIN_PROSE_WORDS = 6
MIN_OPENING_WORDS = 12  # a first line this long is a sentence, not a headline
_OPENING_END_RE = regex.compile(r"[.!…。！]['\"’”)]?(?:\s|$)")
# a post's number ("#12") in a forum
_POST_NUMBER_RE = regex.compile(r"#\d{1,5}$")
# an age after a name: "Jane Doe • 3 years ago", "vor 3 Stunden", "il y a 2 jours"
_RELATIVE_RE = regex.compile(r"\S.*\s\d{1,3}\s*\p{L}+\.?(?:\s+\p{L}+\.?){0,2}$")
_DAY_RE = regex.compile(r"(?<![\d.,:])\d{1,2}(?!\d|[.,:]\d)")  # not part of "88.1"
_YEAR_RE = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_SENTENCE_END_RE = regex.compile(r"[.!?。！？…](?:\s?['\"’”)])*$")


@dataclass(frozen=True, slots=True)
class Thread:
    """Where a thread's furniture and posts are: line indices into the layout."""

    furniture: frozenset[int]
    posts: tuple[tuple[int, int], ...]  # first and last line of each post


def _shape(token: str) -> str:
    return "".join("0" if p[0].isdigit() else "a" if p[0].isalpha() else p
                   for p in _SHAPE_RE.findall(token))


def _stamp_shape(text: str) -> str | None:
    """The shape of a short line from its first number on (None: not a timestamp-like line)."""
    if len(text) > MAX_STAMP_CHARS or not _DIGIT_RE.search(text) or (
            _MARKUP_RE.search(text) and not _POST_NUMBER_RE.match(text)):
        return None
    tokens = text.split()
    if len(tokens) > MAX_STAMP_TOKENS:
        return None
    first = next(i for i, t in enumerate(tokens) if _DIGIT_RE.search(t))
    return " ".join(_shape(t) for t in tokens[first:])


def _runs(members: Sequence[int]) -> list[list[int]]:
    """Occurrences split where they stand too far apart to belong to one thread."""
    runs: list[list[int]] = [[members[0]]]
    for i in members[1:]:
        if i - runs[-1][-1] > MAX_POST_LINES:
            runs.append([i])
        else:
            runs[-1].append(i)
    return runs


def find_thread(layout: Layout, chrome: Sequence[bool]) -> Thread | None:
    """The page's thread of posts, if its lines show one (see the module's docstring).

    ``chrome`` marks the lines the line model judged non-content: after the last post,
    they end it.
    """
    lines = layout.lines
    texts = [line.text for line in lines]
    groups: defaultdict[str, list[int]] = defaultdict(list)
    whole = layout.paragraph_starts
    for i, text in enumerate(texts):
        if not whole[i] or (i + 1 < len(texts) and not whole[i + 1]):
            continue  # a line of a hard-wrapped paragraph, not a line of its own
        shape = _stamp_shape(text)
        if shape is not None:
            groups[shape].append(i)
    runs: list[list[int]] = []
    anchored = False
    named_below: set[int] = set()
    for members in groups.values():
        if len(members) < MIN_POSTS:
            continue
        for run in _runs(members):
            if len(run) < MIN_POSTS or len({texts[i] for i in run}) < 2:
                continue  # the same line again and again is a menu or an advert, not timestamps
            if min(b - a for a, b in zip(run, run[1:])) < 2:
                continue  # lines side by side (a list of dates) have no post between them
            runs.append(run)
            if 2 * sum(map(_timestamp, (texts[i] for i in run))) < len(run):
                continue
            if _posters_vary(texts, run, -1):
                anchored = True
            elif _posters_vary(texts, run, +1):
                anchored = True
                named_below.update(run)  # "03-12-2012, 09:14 PM" over "marta_l"
    if not anchored:
        return None
    stamps = {i for run in runs for i in run}
    lo, hi = min(stamps), max(stamps)
    # short lines repeated word for word inside the thread ("Reply", "Report") are furniture
    region = range(lo, min(len(lines), hi + MAX_POST_LINES))
    repeated = Counter(texts[i].casefold() for i in region if _plain_short(texts[i]))
    furniture = stamps | {i for i in region
                          if _plain_short(texts[i]) and repeated[texts[i].casefold()] >= MIN_POSTS}
    # a stamp is a post's header when text follows it (a timestamp above the post) and its
    # footer when text precedes it (a timestamp below); the name line just above a header
    # belongs to it ("Jane Doe says:")
    headers: set[int] = set()
    footers: set[int] = set()
    for run in runs:
        followed = sum(1 for i in run if i + 1 < len(lines) and i + 1 not in furniture)
        preceded = sum(1 for i in run if i and i - 1 not in furniture)
        if preceded > followed and 2 * preceded >= len(run):
            footers.update(run)
        elif 2 * followed >= len(run):
            headers.update(run)
    if headers:
        footers.clear()  # posts open after their headers; a count below them ("3 likes") is furniture
    for i in sorted(headers):
        j = i + 1 if i in named_below else i - 1
        if 0 <= j < len(lines) and j not in furniture and _name_line(texts[j]):
            furniture.add(j)
    hi = max(furniture.intersection(range(lo, hi + 1)) | {hi})
    # a post is a run of other lines right after a header or right before a footer
    # ("5 Comments" opens none)
    posts: list[tuple[int, int]] = []
    if lo in footers and lo and lo - 1 not in furniture:
        first = lo - 1  # the first post, above the first footer: back to the page's chrome
        while first and first - 1 not in furniture and not chrome[first - 1] and lo - first < MAX_POST_LINES:
            first -= 1
        posts.append((first, lo - 1))
        if first and chrome[first - 1]:
            furniture.add(first - 1)  # the thread's own heading ("Comments") opens the first post
    first = -1
    headed = False
    for i in range(lo, hi + 1):
        if i in furniture:
            if first >= 0:
                if headed or i in footers:
                    posts.append((first, i - 1))
                first = -1
                headed = False
            headed = headed or i in headers
        elif first < 0:
            first = i
    if hi in headers and hi + 1 < len(lines) and hi + 1 not in furniture:
        last = hi + 1  # the last post: up to the page's chrome
        while last + 1 < len(lines) and last + 1 not in furniture and not chrome[last + 1] \
                and last + 1 - hi <= MAX_POST_LINES:
            last += 1
        posts.append((hi + 1, last))
    prose = sum(1 for a, b in posts if _opens_prose(texts[a])
                and any(_prose(texts[i]) for i in range(a, b + 1)))
    if len(posts) < MIN_POSTS - 1 or 3 * prose < 2 * len(posts):
        return None  # too few posts, or headlines with dates (teasers, archives, listings)
    return Thread(frozenset(furniture), tuple(posts))


def _posters_vary(texts: Sequence[str], run: Sequence[int], step: int) -> bool:
    """Whether the headers at ``run`` name different posters: words of the header and of the
    name line next to it (above for ``step`` -1, below for +1) that most headers do not
    share (months, "at", "pm": words in more than a third of them) are there in at least
    half of them. A live blog's "Update 10:40" names nobody."""
    words = []
    for i in run:
        j = i + step
        near = texts[j] if 0 <= j < len(texts) and _name_line(texts[j]) else ""
        words.append(set(_WORD_RE.findall(f"{near} {texts[i]}".casefold())))
    shared = Counter(w for ws in words for w in ws)
    own = [frozenset(w for w in ws if 3 * shared[w] <= len(run)) for ws in words]
    named = [o for o in own if o]
    return 2 * len(named) >= len(run) and len(set(named)) >= 2


def _timestamp(text: str) -> bool:
    """Whether a line carries a date or a time of day (numbers only: any language)."""
    if _TIMESTAMP_RE.search(text) or _RELATIVE_RE.fullmatch(text):
        return True
    return _YEAR_RE.search(text) is not None and _DAY_RE.search(text) is not None


def _prose(text: str) -> bool:
    return len(text.split()) >= MIN_PROSE_WORDS and _PROSE_RE.search(text) is not None


def _opens_prose(text: str) -> bool:
    """A post opens on a sentence; a teaser opens on its headline (no full stop, short)."""
    return len(text.split()) >= MIN_OPENING_WORDS or _OPENING_END_RE.search(text) is not None


def _plain_short(text: str) -> bool:
    """A line of at most three words and no number ("Reply", "Report abuse")."""
    return len(text.split()) <= 3 and not _DIGIT_RE.search(text)


def _name_line(text: str) -> bool:
    """A short line that is not a sentence: a poster's name ("Jane Doe says:")."""
    tokens = text.split()
    return (0 < len(tokens) <= MAX_NAME_TOKENS and not _SENTENCE_END_RE.search(text)
            and not _MARKUP_RE.search(text))
