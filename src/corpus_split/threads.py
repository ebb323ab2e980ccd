"""Comment and forum threads: posts between recurring furniture (names, timestamps, "Reply").

Each post of a thread is an article, and what stands between posts is furniture. A thread is
told by its shape, in any language and without a phrase list: short lines of their own that
carry a date, a time of day or an age ("3 years ago"), whose shape recurs, the digits aside,
at least `MIN_POSTS` times with different numbers, with text between most occurrences, and
most of which name different posters (on the line itself, or on a short line next to it or
one further, after a label or a post number: "From: Jane", "2. Jane said:"). Around them,
short lines repeated word for word ("Reply") or with other numbers ("#12", "Posts: 431",
"12 likes") are furniture too, and so are the posters' name lines. The posts are the
runs of text after blocks of furniture that hold a timestamp (or before them, where the
timestamp follows the post), and three in five of them must open on a sentence or a
quotation's lead-in ("Jane wrote:"): dated headline lists (teasers, archives) do not. Nor is
a structure whose dates mostly stand under a headline of their own (an archive, a blog's
front page, a feed): its items are articles for the start model to find.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import regex

from .lines import Layout
from .marks import CLOSERS, ENDS, LATIN_ENDS, OTHER_ENDS, WIDE_ENDS

__all__ = ["MIN_POSTS", "Thread", "find_thread"]

MIN_POSTS = 3  # a shape must recur this often (posts with their own timestamp) to be a thread
MAX_STAMP_TOKENS = 14  # furniture lines are short
MAX_STAMP_CHARS = 100
MAX_NAME_TOKENS = 5  # a name line above a timestamp ("Jane Doe says:")
MAX_HEADER_LINES = 6  # a header's lines above its timestamp, the poster's name among them
MAX_POST_LINES = 60  # occurrences farther apart than this are separate structures
PROSE_SHARE = (3, 5)  # at least this share of the posts opens on a sentence (a fraction)

_SHAPE_RE = regex.compile(r"\d+|\p{L}+|\S")
_DIGIT_RE = regex.compile(r"\d")
_DIGITS_RE = regex.compile(r"\d+")
_WORD_RE = regex.compile(r"\p{L}+")
# a time of day, a numeric date, a day next to a year, or a CJK date: what post headers carry
_TIMESTAMP_RE = regex.compile(
    r"(?<!\d)\d{1,2}[:h]\d{2}(?![\d.])|(?<!\d)\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?!\d)"
    r"|\d+\s*年\s*\d+\s*月|\d+\s*月\s*\d+\s*日"
)
# lines that are markup, list items or code are never post furniture
_MARKUP_RE = regex.compile(r"^(?:#+(?!\d)|[*|>`+-]|\d{1,3}[.)]\s|[\w-]+:\s)|[`{};=<]")
# a sentence's end, anywhere in a line (full-width marks need no space after them): a post
# is prose, a line of some length that holds one, and opens on a sentence. Chinese and Japanese
# comments often end on no mark at all; a full-width clause mark ("，", "、", "；") tells their
# prose from a headline as well, which never holds one (`features._CJK_CLAUSE_RE`)
_PROSE_RE = regex.compile(
    rf"[{re.escape(LATIN_ENDS + OTHER_ENDS)}…][{re.escape(CLOSERS)}]?(?:\s|$)|[{WIDE_ENDS}，、；]")
MIN_PROSE_WORDS = 6
MIN_OPENING_WORDS = 12  # a first line this long is a sentence, not a headline
_LETTER_RE = regex.compile(r"\p{L}")
_LEAD_IN_RE = regex.compile(r"[:：,，]\W{0,3}$")  # "Jane wrote:", "Jane schrieb: ^", "Dear Jane,"
_WIDE_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")  # written without spaces
_NAME_LABEL_RE = regex.compile(r"^(?:\p{L}+:|\d{1,4}[.)])\s+")  # "From: ", "2. "
# a post's number ("#12") in a forum
_POST_NUMBER_RE = regex.compile(r"#\d{1,5}$")
# an age after a name: "Jane Doe • 3 years ago", "vor 3 Stunden", "il y a 2 jours", "Jane (6 days ago)"
_RELATIVE_RE = regex.compile(r"\S.*(?:\s|(?<=\)))\(?\d{1,3}\s*\p{L}+\.?(?:\s+\p{L}+\.?){0,2}\)?$")
_NUMBER_RE = regex.compile(r"(?<!\w)\d+")  # a number of its own, not part of a name ("tom3465")
_DAY_RE = regex.compile(r"(?<![\d.,:])\d{1,2}(?!\d|[.,:]\d)")  # not part of "88.1"
_YEAR_RE = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_CLOCK_RE = regex.compile(r"\d{1,2}[:h.]\d{2}\s*(?:[ap]\.?m\.?)?", regex.I)  # "8:30 AM" alone
_INITIAL_RE = regex.compile(r"(?:^|\s)\p{Lu}\.$")  # a name's initial last ("Petra S."): no sentence's end
_SENTENCE_END_RE = regex.compile(rf"[{re.escape(ENDS)}…](?:\s?[{re.escape(CLOSERS)}])*$")
# a list item's mark: a bullet, a caret (an encyclopaedia's back-link to a citation) or a
# dash (not a number: blogs number their comments, "3. I agree ...")
_ITEM_RE = regex.compile(r"^[\^•·▪▫◦‣∙○●■□►▶➤→*+\-–—]\s")


@dataclass(frozen=True, slots=True)
class Thread:
    """Where a thread's furniture and posts are: line indices into the layout."""

    furniture: frozenset[int]
    posts: tuple[tuple[int, int], ...]  # first and last line of each post
    subjects: frozenset[int] = frozenset()  # a post's title over its header, the post's first line


def _shape(token: str) -> str:
    return "".join("0" if p[0].isdigit() else "a" if p[0].isalpha() else p
                   for p in _SHAPE_RE.findall(token))


def _full_shape(text: str) -> str:
    return " ".join(_shape(t) for t in text.split())


def _stamp_shape(text: str) -> str | None:
    """The shape of a short line from its first number on (None: not a timestamp-like line);
    a name with digits in it ("tom3465") is no number: the first token with a digit and at
    most two letters ("8:21pm", "03,", "#12") opens the shape where there is one."""
    if len(text) > MAX_STAMP_CHARS or not _DIGIT_RE.search(text) or (
            _MARKUP_RE.search(text) and not _POST_NUMBER_RE.match(text)):
        return None
    tokens = text.split()
    if len(tokens) > MAX_STAMP_TOKENS:
        return None
    digits = [i for i, t in enumerate(tokens) if _DIGIT_RE.search(t)]
    first = next((i for i in digits if len(_LETTER_RE.findall(tokens[i])) <= 2), digits[0])
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


def find_thread(layout: Layout, chrome: Sequence[bool], code: Collection[int] = ()) -> Thread | None:
    """The page's thread of posts, if its lines show one (see the module's docstring).

    ``chrome`` marks the lines the line model judged non-content: after the last post,
    they end it. ``code`` holds the lines of code blocks: a program's text or output
    (JSON records with a date and an author each, a commit log) is never a post's furniture.
    """
    lines = layout.lines
    texts = [line.text for line in lines]
    groups: defaultdict[str, list[int]] = defaultdict(list)
    whole = layout.paragraph_starts
    for i, text in enumerate(texts):
        if not whole[i] or (i + 1 < len(texts) and not whole[i + 1]) or i in code:
            continue  # a line of a hard-wrapped paragraph, not a line of its own, or code
        shape = _stamp_shape(text)
        if shape is not None:
            groups[shape].append(i)
    runs: list[tuple[list[int], bool]] = []  # runs of timestamps (headers or footers), named?
    numbered: set[int] = set()
    named_below: set[int] = set()
    for members in groups.values():
        if len(members) < MIN_POSTS:
            continue
        for run in _runs(members):
            if len(run) < MIN_POSTS or len({texts[i] for i in run}) < 2:
                continue  # the same line again and again is a menu or an advert, not timestamps
            if 4 * sum(1 for a, b in zip(run, run[1:]) if b - a < 2) > len(run) - 1:
                continue  # lines side by side (a list of dates) have no post between them
            if 2 * sum(map(_timestamp, (texts[i] for i in run))) < len(run):
                numbered.update(run)  # post numbers, counts: furniture within the thread
                continue
            if _posters_vary(texts, run, -1):
                runs.append((run, True))
            elif _posters_vary(texts, run, +1):
                runs.append((run, True))
                named_below.update(run)  # "03-12-2012, 09:14 PM" over "marta_l"
            else:
                # naming nobody, the lines must agree in full ("12 likes" under each post,
                # not the "4 replies" above the thread that shares their shape)
                full = Counter(_full_shape(texts[i]) for i in run).most_common(1)[0][0]
                run = [i for i in run if _full_shape(texts[i]) == full]
                if len(run) >= MIN_POSTS:
                    runs.append((run, False))
    # each structure (runs whose lines interleave) is judged on its own: a thread's
    # timestamps and a dated list elsewhere on the page are two things, not one
    found = [thread for part in _structures(runs)
             if (thread := _thread(texts, part, numbered, named_below, chrome, code)) is not None]
    if not found:
        return None
    return Thread(frozenset().union(*(t.furniture for t in found)),
                  tuple(post for t in found for post in t.posts),
                  frozenset().union(*(t.subjects for t in found)))


def _structures(runs: Sequence[tuple[list[int], bool]]) -> list[list[tuple[list[int], bool]]]:
    """Runs of timestamps grouped where their lines interleave (one structure's headers and
    footers, or its dates and times of day on lines of their own)."""
    parts: list[list[tuple[list[int], bool]]] = []
    end = -1
    for run in sorted(runs, key=lambda r: r[0][0]):
        first, last = run[0][0], run[0][-1]
        if parts and first <= end:
            parts[-1].append(run)
            end = max(end, last)
        else:
            parts.append([run])
            end = last
    return parts


def _thread(texts: Sequence[str], part: Sequence[tuple[list[int], bool]], numbered: set[int],
            named_below: set[int], chrome: Sequence[bool], code: Collection[int]) -> Thread | None:
    """The posts between one structure's timestamps, if they are a thread's."""
    runs = [run for run, _ in part]
    stamps = {i for run in runs for i in run}
    anchored = sum(len(run) for run, named in part if named)
    if 2 * anchored < len(stamps):
        return None  # most timestamps name nobody: dated articles, not posts
    if all(_CLOCK_RE.fullmatch(texts[i]) for i in stamps):
        return None  # times of day alone, no date: a schedule or a timetable
    above = Counter(texts[i - 1] for i in stamps if i)
    if 2 * sum(1 for i in stamps if i and above[texts[i - 1]] == 1 and _headline(texts[i - 1])) > len(stamps):
        return None  # most dates stand under a headline of their own: an archive or a feed
    n_lines = len(texts)
    lo, hi = min(stamps), max(stamps)
    least = max(MIN_POSTS, len(stamps) // 3)  # about once a post: how often furniture recurs
    stamps.update(i for i in numbered if lo < i < hi)
    # short lines repeated word for word inside the thread ("Reply", "Report") are furniture;
    # the thread begins with the first header's lines above its timestamp ("#1", a name)
    region = [i for i in range(max(0, lo - MAX_HEADER_LINES), min(n_lines, hi + MAX_POST_LINES))
              if i not in code]
    plain = {i: texts[i].casefold() for i in region if _plain_short(texts[i])}
    repeated = Counter(plain.values())
    furniture = stamps | {i for i, text in plain.items() if repeated[text] >= MIN_POSTS}
    # so are short lines that recur with other numbers in them, about once a post
    # ("#12", "Posts: 431", "Comment No. 88")
    keys = {i: key for i in region if (key := _numbered_key(texts[i]))}
    counted = Counter(keys.values())
    numbers = {i for i, key in keys.items() if counted[key] >= least}
    furniture |= numbers
    # and short lines that recur about once a post but for one word, the poster's name
    # ("Follow jane", "Unfollow jane for Site")
    furniture |= _templated(texts, region, furniture, least)
    # the name line next to a stamp belongs to it ("Jane Doe says:" above, or below where
    # the posters are named under their timestamps), past a number of the post's own
    # ("marta_l" over "Posts: 431" over the date), as `_posters_vary` reads names
    for i in sorted(stamps):
        step = 1 if i in named_below else -1
        j = i + step
        if j in numbers and j not in stamps:
            j += step
        if 0 <= j < n_lines and j not in furniture and j not in code and _name_line(texts[j]):
            furniture.add(j)
    # and so does a name the stamp itself names, above it past the header's other furniture
    # ("tom_k" over "Posts: 49", "Re: the subject" and "Quote" over "Post by tom_k » 2 Sep")
    for i in sorted(stamps):
        j = i - 1
        while j > 0 and i - j <= MAX_HEADER_LINES and j in furniture and j not in stamps:
            j -= 1
        if j < 0 or j in furniture or j in code or not _name_line(texts[j]):
            continue  # (j < 0: the stamp is the page's first line)
        name = " ".join(texts[j].split()).casefold()
        if f" {name} " in f" {' '.join(texts[i].split()).casefold()} ":
            furniture.add(j)
    # a quotation's header inside a post ("Jane wrote:" over the quoted post's timestamp,
    # right under the post's own header) opens the post's text: it is no furniture (a
    # label that every header repeats, "Joined:" over a date, is)
    quoted: set[int] = set()
    said = Counter(texts[i] for i in furniture if _LEAD_IN_RE.search(texts[i]))
    for i in sorted(stamps):
        j = i - 1
        if j in furniture and j not in stamps and _LEAD_IN_RE.search(texts[j]) and said[texts[j]] < least:
            k = j - 1
            while k in furniture and k not in stamps:
                k -= 1
            if k in stamps:  # (the quoted post's own header when quotations nest)
                quoted.add(i)
                furniture.difference_update((j, i))
    if quoted:
        stamps -= quoted
        runs = [kept for run in runs if (kept := [i for i in run if i not in quoted])]
        hi = max(stamps)
    hi = max(furniture.intersection(range(lo, hi + 1)) | {hi})
    # blocks of furniture: runs of furniture lines, each line's block as (first, last)
    block: dict[int, tuple[int, int]] = {}
    for i in sorted(furniture):
        block[i] = (block[i - 1][0], i) if i - 1 in block else (i, i)
    for i in sorted(furniture, reverse=True):
        if i + 1 in block:
            block[i] = block[i + 1]
    # a stamp's block is a post's header when text follows the block (the timestamp above
    # the post) and its footer when text precedes it (below the post)
    headers: set[int] = set()
    footers: set[int] = set()
    for run in runs:
        followed = sum(1 for i in run if block[i][1] + 1 < n_lines)
        preceded = sum(1 for i in run if block[i][0] > 0)
        if preceded > followed and 2 * preceded >= len(run):
            footers.update(block[i][0] for i in run)
        elif 2 * followed >= len(run):
            headers.update(block[i][0] for i in run)
    if headers:
        footers.clear()  # posts open after their headers; a count below them ("3 likes") is furniture
    # a post is a run of other lines right after a header block or right before a footer
    # block ("5 Comments" opens none)
    posts: list[tuple[int, int]] = []
    top = block[lo][0]  # the first stamp's block, its name line above it included
    if top in footers and top and top - 1 not in furniture:
        first = top - 1  # the first post, above the first footer: back to the page's chrome
        while first and first - 1 not in furniture and not chrome[first - 1] and top - first < MAX_POST_LINES:
            first -= 1
        posts.append((first, top - 1))
        if first and chrome[first - 1]:
            furniture.add(first - 1)  # the thread's own heading ("Comments") opens the first post
    first = -1
    headed = False
    for i in range(lo, hi + 1):
        if i in furniture:
            if first >= 0:
                if headed or block[i][0] in footers:
                    posts.append((first, i - 1))
                first = -1
            headed = block[i][0] in headers
        elif first < 0:
            first = i
    end = block[hi][1]  # the last header's block may go on below its timestamp
    if block[hi][0] in headers and end + 1 < n_lines and end + 1 not in furniture:
        last = end + 1  # the last post: up to the page's chrome
        while last + 1 < n_lines and last + 1 not in furniture and not chrome[last + 1] \
                and last + 1 - end <= MAX_POST_LINES:
            last += 1
        # (a line with no sentence in it is the page's chrome, unless the thread's furniture
        # closes it as it closes every other post: "Reply" under the last comment)
        if last + 1 in furniture or any(_PROSE_RE.search(texts[i]) for i in range(end + 1, last + 1)):
            posts.append((end + 1, last))
    # a forum's quotation header ("Quoting Jane", "Jane said") recurs but for the name
    named: defaultdict[str, list[str]] = defaultdict(list)
    for a, _ in posts:
        if key := _lead_key(texts[a]):
            named[key].append(texts[a].casefold())
    leads = {key for key, seen in named.items() if len(seen) >= MIN_POSTS and len(set(seen)) >= 2}
    prose = sum(1 for a, b in posts if _written_post(texts, a, b, leads) or _wide_prose(texts, a, b))
    if len(posts) < MIN_POSTS - 1 or PROSE_SHARE[1] * prose < PROSE_SHARE[0] * len(posts):
        return None  # too few posts, or headlines with dates (teasers, archives, listings)
    if 2 * sum(1 for a, _ in posts if _ITEM_RE.match(texts[a])) > len(posts):
        return None  # most "posts" open on a list mark: a list's items (citations with their
        # dates, a changelog), not replies
    # a post's subject: a short line of its own right above its header, in no post, not the
    # page's chrome and not a poster's name ("RE: the thread's title, again" over "by Jane - Jan
    # 12th 2000"); where most headers have one, each opens its post
    inside = {i for a, b in posts for i in range(a, b + 1)}
    tops = sorted(h for h in headers if h > 0)
    subjects = {h - 1 for h in tops if h - 1 not in furniture and h - 1 not in inside
                and not chrome[h - 1] and _words(texts[h - 1]) < MIN_OPENING_WORDS
                and not _name_line(texts[h - 1])}
    if 2 * len(subjects) <= len(tops):
        subjects = set()
    if subjects:
        opened = {h: h - 1 for h in tops if h - 1 in subjects}
        posts = [(opened.get(block[a - 1][0], a) if a and a - 1 in block else a, b) for a, b in posts]
    return Thread(frozenset(furniture), tuple(posts), frozenset(subjects))


def _templated(texts: Sequence[str], region: Sequence[int], furniture: set[int], least: int) -> set[int]:
    """Short lines of ``region`` (not yet furniture) that recur at least ``least`` times but
    for one word, which differs among them (a template filled in with each post's poster),
    with furniture below them."""
    slots: defaultdict[tuple[str, ...], list[tuple[int, str]]] = defaultdict(list)
    for i in region:
        if i in furniture:
            continue
        words = texts[i].casefold().split()
        if not 2 <= len(words) <= MAX_NAME_TOKENS or _LEAD_IN_RE.search(texts[i]):
            continue  # (a lead-in, "Zitat von jane:", opens a quotation: the post's text)
        for k, word in enumerate(words):
            key = (*words[:k], "", *words[k + 1 :])  # the line with this word masked
            slots[key].append((i, word))
    found: set[int] = set()
    for filled in slots.values():
        if len(filled) >= least and len({word for _, word in filled}) >= 2:
            found.update(i for i, _ in filled)
    # only where furniture follows: a line that opens a post's text ("Originally posted by
    # jane") is a quotation's header, the post's own
    kept: set[int] = set()
    for i in sorted(found, reverse=True):
        if i + 1 in furniture or i + 1 in kept:
            kept.add(i)
    return kept


def _posters_vary(texts: Sequence[str], run: Sequence[int], step: int) -> bool:
    """Whether the headers at ``run`` name different posters: words of the header and of the
    name line next to it (above for ``step`` -1, below for +1) that most headers do not
    share (months, "at", "pm": words in more than a third of them) are there in at least
    half of them. A live blog's "Update 10:40" names nobody."""
    words = []
    names: list[str] = []  # the name line farthest out, if any
    for i in run:
        near = []
        for j in (i + step, i + 2 * step):  # the name may stand past a post number
            if not (0 <= j < len(texts) and _name_line(texts[j])):
                break
            near.append(texts[j])
        words.append(set(_WORD_RE.findall(f"{' '.join(near)} {texts[i]}".casefold())))
        names.append(near[-1].casefold() if near and not _DIGIT_RE.search(near[-1]) else "")
    shared = Counter(w for ws in words for w in ws)
    own = [frozenset(w for w in ws if 3 * shared[w] <= len(run)) for ws in words]
    named = [o for o in own if o]
    # one name many posters share ("Anonymous") names a poster too, though not apart (several
    # that recur are sources, "AFP/Getty" and "EPA" under a gallery's pictures)
    unnamed = [name for o, name in zip(own, names) if not o and name]
    if len(set(unnamed)) > 1:
        unnamed = []
    return 2 * (len(named) + len(unnamed)) >= len(run) and len(set(named)) >= 2


def _timestamp(text: str) -> bool:
    """Whether a line carries a date or a time of day (numbers only: any language)."""
    if _TIMESTAMP_RE.search(text) or (_RELATIVE_RE.fullmatch(text) and len(_NUMBER_RE.findall(text)) == 1):
        return True  # (an age has one number: "0 files updated, 0 files merged" is none)
    return _YEAR_RE.search(text) is not None and _DAY_RE.search(text) is not None


def _words(text: str) -> int:
    """Words of a line, two Chinese or Japanese characters counting as one."""
    return len(text.split()) + len(_WIDE_RE.findall(text)) // 2


def _prose(text: str) -> bool:
    return _words(text) >= MIN_PROSE_WORDS and _PROSE_RE.search(text) is not None


def _written_post(texts: Sequence[str], a: int, b: int, leads: Collection[str]) -> bool:
    """Whether the post on lines ``a``-``b`` opens on a sentence, a remark or a quotation's
    lead-in, and holds a sentence (or is written as it came, in lower case)."""
    first = texts[a]
    opens = _opens_prose(first) or _casual(first) or (b - a >= 2 and (
        _lead_key(first) in leads or _LEAD_IN_RE.search(first) is not None))
    return opens and (any(_prose(texts[i]) for i in range(a, b + 1)) or _lower_case(first) or _casual(first))


def _wide_prose(texts: Sequence[str], a: int, b: int) -> bool:
    """Whether a post written without spaces (Chinese, Japanese) holds a sentence: a
    sentence's end or a clause mark on any of its lines, however short. Such comments open
    on a greeting line ("…晚安~") or run over short lines as often as on a sentence, and
    their script has no letter case to tell a headline by."""
    first = texts[a]
    if 2 * len(_WIDE_RE.findall(first)) < len(first.replace(" ", "")):
        return False
    return any(_PROSE_RE.search(texts[i]) for i in range(a, b + 1))


def _lead_key(text: str) -> str:
    """A short line without its last word (a forum's quotation header, the poster's name
    last), to find the lead-ins that open quotations; "" for other lines and for words that
    end on punctuation (a series of headlines, "Town news: ...")."""
    words = text.casefold().split()
    if not 2 <= len(words) <= MAX_NAME_TOKENS + 1 or not words[-2][-1:].isalnum():
        return ""
    return " ".join(words[:-1])


def _opens_prose(text: str) -> bool:
    """A post opens on a sentence or in lower case; a teaser opens on its headline
    (capitalised, no full stop, short). (A lead-in, "Jane wrote:", is judged with the post
    it opens: a quotation and a reply follow it.)"""
    return _words(text) >= MIN_OPENING_WORDS or _PROSE_RE.search(text) is not None or _lower_case(text)


def _headline(text: str) -> bool:
    """A line of four or more words with no sentence's end: a headline, not a poster's
    name ("Jane Doe says:") or a post's last sentence."""
    return len(text.split()) >= 4 and not _PROSE_RE.search(text) and not _LEAD_IN_RE.search(text)


def _casual(text: str) -> bool:
    """A remark written as it came: MIN_PROSE_WORDS or more words, all but the first in lower
    case ("Another clash of the titans cant wait"), without a full stop."""
    words = text.split()
    return len(words) >= MIN_PROSE_WORDS and all(_lower_case(w) for w in words[1:])


def _lower_case(text: str) -> bool:
    """Whether a line opens in lower case: a post written as it came ("lol i agree"),
    never a headline, whatever its length and stops."""
    first = _LETTER_RE.search(text)
    return first is not None and first[0].islower()


def _numbered_key(text: str) -> str:
    """A short line with a number, its digits masked ("Posts: 0"), or a date's shape
    ("0. a 0": months vary); "" for any other line."""
    if len(text.split()) > MAX_NAME_TOKENS or not _DIGIT_RE.search(text) or _prose(text):
        return ""
    if _timestamp(text):
        return _full_shape(text)
    return _DIGITS_RE.sub("0", text.casefold())


def _plain_short(text: str) -> bool:
    """A line of at most three words and no number ("Reply", "Report abuse"), not ending on
    a comma: a salutation ("Peter,", "Hi Jane,") opens a post, however often it recurs."""
    return len(text.split()) <= 3 and not _DIGIT_RE.search(text) and not text.endswith((",", "，"))


def _name_line(text: str) -> bool:
    """A short line that is not a sentence: a poster's name ("Jane Doe says:"), after a
    label or a post's number if it has one ("From: Jane Doe", "2. Jane Doe said:"). Words
    are counted as `_words` counts them: a Chinese line of a post is no name."""
    text = _NAME_LABEL_RE.sub("", text, count=1)
    return (0 < _words(text) <= MAX_NAME_TOKENS
            and not (_SENTENCE_END_RE.search(text) and not _INITIAL_RE.search(text))
            and not _MARKUP_RE.search(text))
