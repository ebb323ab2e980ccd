"""Cut the repaired text into non-blank lines and paragraphs, keeping their offsets."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice
from operator import add, and_, not_

import regex

from .features import MAX_SHORT_LINE, line_features
from .frontmatter import FrontMatter, find_front_matter
from .lexical import _CJK_RE, _NOT_PLAIN_RE, function_words_open, holds_any
from .model import _positional

__all__ = ["Layout", "Line", "code_block_lines", "join_wrapped", "split_lines"]


# A document is "hard-wrapped" when most of its lines stop near one width; this
# many lines are enough to tell.
_MIN_LINES_FOR_WRAP = 6
# Wrapped lines end within this share of the wrap width (ragged right margin).
_WRAP_SLACK = 0.72
# Blank lines read in steps of the usual gap only where they part this share of lines or more.
_GAP_SHARE = 0.2
# Lines carried on in lower case that a page needs to be read as hard-wrapped by them alone.
_MIN_CARRIED = 3

# A word cut off and glued to what follows: a capitalised headline ("impact
# on-chainFuture Trends") or the first sentence of the next text ("the right
# oSolv-Ex Corp said ..."). Candidates are capitals right after a letter; the
# cut-off fragment before them decides (see _splice_point), so that words such as
# iPhone, eBay, JavaScript, McDonald and PDFs are left whole.
_SPLICE_RE = regex.compile(
    r"""(?<=\p{Ll})(?=[<(\[\"“‘']?\p{Lu}(?:\p{Ll}{2}|\p{Lu}|\.)   # after a lower-case letter
                     | \p{Lu}\p{Ll}?\s)                              # "petiIn a", "passA quiet": _GLUE_WORDS
      | (?<=(?<!\p{L})\p{Lu})(?=\p{Lu}\p{Ll}{2})                     # one capital, then a word
    """,
    regex.X,
)
# A camel-case name in code or data: a key or an assignment that opens its line
# ("backgroundColor: ...", "maxValue = ..."), a call or an index ("getElementById(x)"), or a
# name in a path or joined by underscores ("src/stringHelpers", "my_varName"). A glued
# headline mid-line ("...yesterdUpdate: the ...") or after a web address stays a splice.
_KEY_RE = regex.compile(r"[\p{L}_$][\p{L}\p{N}_$]*\s?[:=](?:\s|$)\S*")
_CALL_RE = regex.compile(r"[\p{L}_$][\p{L}\p{N}_$.]*[(\[]\S*")
_PATH_RE = regex.compile(r"\S*[/_$]\S*")
# Glued text may open on a bracket or a quote ("...the Org<PHOENIX STEEL CORP> IN ...").
_OPENERS = frozenset("<([\"“‘'")
_NAME_PREFIXES = frozenset("iem")
# The words of str.split(): the stdlib's \s is exactly str.isspace.
_TOKEN_RE = re.compile(r"\S+")
_CODE_MARKS = ("`", "{", "}", "=", "<", ">")
# a Markdown code fence (a line opening on three backticks or tildes): the lines between two
# are code, never searched for splices or glued headlines
_FENCE_LINE_RE = re.compile(r"^[ \t]*(?:```|~~~).*", re.MULTILINE)
_CAPITALISED_RE = regex.compile(r"\p{Lu}\p{Ll}{2,}$")
# A capitalised fragment ("Asso|Tokyo ...") counts only before a headline this long,
# after a line this long (in words): "JavaScript" must not split a short line.
_MIN_CAPITALISED_TAIL = 4
_MIN_CAPITALISED_HEAD = 8
# Capitalised function words that open a sentence; glued onto a lower-case stub they mark
# a splice whatever follows.
_GLUE_WORDS = frozenset(
    "the a an in on at for this that these those it its he she they we but and as after "
    "before when while with from by".split()
)
# How an ASCII line that ends in a headline in capitals can end (a cheap first test).
_CAPS_TAIL_ENDS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789>)]'\"")
# A restart is recognised by this many characters (about eight words) opening an
# earlier line.
RESTART_CHARS = 48
# (the copy may open on a quotation mark: '...the mar"We will ...', "...the mar“We will ...")
_RESTART_RE = regex.compile(r"(?<=\p{Ll})(?=[\p{Pi}\"]?\p{Lu}\p{Ll})")
# The last lower-case letter of a line (searched from the end).
_LAST_LOWER_RE = regex.compile(r"\p{Ll}(?=[^\p{Ll}]*$)")
# Capitals glued onto a lower-case letter, a digit or an uncased letter or mark ("1COMINCO",
# "出口。FRENCH"), or onto the end of a sentence ("...переправа.NERVOUS"), but not an
# ordinal ("3RD QTR").
_GLUED_CAPITAL_RE = regex.compile(
    r"(?<=[\p{Ll}\p{Lo}\p{N}。，、！？；：]|[\p{Ll}\p{N}][.!?;:,])(?<![0-9](?=(?:ST|ND|RD|TH)\b))"
    r"(?=\p{Lu}[\p{Lu}.])"
    r"|(?<=\p{Ll})(?=\p{Lu}\s+\p{Lu}{2})"  # "...when thA BEGINNER'S GUIDE"
)
# Latin-script text glued onto CJK text ("…开放临时渡口。A beginner's guide to maps"): a
# capital right after a CJK character, or after a mark that ends a CJK clause. A full-width
# colon leads into what follows ("CVE-2019-1234：Shell 漏洞" is one title), and a mark after
# Latin text or figures is no switch from CJK.
_AFTER_CJK_RE = regex.compile(
    r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}][。，、！？；]?)(?=\p{Lu})")
# Glued text (not a headline) counts as a new start when both sides are this long, in words.
_MIN_SPLICED_WORDS = 6


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the repaired text, trimmed of surrounding whitespace.

    ``start``/``end`` are offsets of its first and past its last non-space
    character in the repaired text; ``blank_before`` counts blank lines above it, in
    steps of the page's usual paragraph gap (`usual_gap`): 1 for that gap (or a smaller
    one), 2 for one blank line more, and so on. A line of a joined layout (`join_wrapped`)
    may be a whole wrapped paragraph: its ``text`` is then its lines joined by single spaces,
    which ``start``/``end`` span with the line breaks between them.
    """

    index: int
    start: int
    end: int
    text: str
    blank_before: int
    indent: int
    spliced: bool = False
    cut: bool = False



_new_line = _positional(Line)  # Line(*every field), at half the cost: one a line of text

@dataclass(frozen=True, slots=True)
class Layout:
    """The lines of a document and how it lays out paragraphs."""

    lines: tuple[Line, ...]
    blank_separated: bool
    wrap_width: int | None
    base_indent: int = 0
    """The indent most lines have (`usual_indent`): indentation and widths count from it."""
    filled: bool = False
    """Whether the wrapping fills each line as far as the next word allows (`_filled`), so
    that a line with room for the next line's first word ends its paragraph."""
    paragraph_starts: tuple[bool, ...] = field(init=False, repr=False, compare=False)
    joined: bool = False
    """Whether each wrapped paragraph is one line already (`join_wrapped`): every line opens one."""
    _front_matter: FrontMatter | None = field(default=None, init=False, repr=False, compare=False)
    _code_lines: frozenset[int] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lines = self.lines
        if self.wrap_width is None or self.joined:  # every line opens a paragraph
            starts: tuple[bool, ...] = (True,) * len(lines)
        else:
            spliced = [ln.spliced for ln in lines]
            starts = _paragraph_starts(
                [ln.text for ln in lines], [ln.blank_before for ln in lines],
                _physical_indents([ln.start for ln in lines], [ln.indent for ln in lines], spliced),
                spliced, self.wrap_width, self.base_indent, self.filled)
        object.__setattr__(self, "paragraph_starts", starts)

    @property
    def front_matter(self) -> FrontMatter:
        """The page's front matter (`find_front_matter`), found on first use and kept: several
        stages read it, and it depends on the lines and the indent alone."""
        front = self._front_matter
        if front is None:
            front = find_front_matter(self.lines, self.base_indent)
            # a pure function of frozen fields: threads racing here store equal values
            object.__setattr__(self, "_front_matter", front)
        return front

    @property
    def code_lines(self) -> frozenset[int]:
        """The lines of the page's closed Markdown code blocks (`code_block_lines`), found on
        first use and kept: the roles, the thread parse and the article starts all read them."""
        code = self._code_lines
        if code is None:
            code = frozenset(code_block_lines(self.lines))
            object.__setattr__(self, "_code_lines", code)  # (racing threads store equal values)
        return code

    def starts_paragraph(self, i: int) -> bool:
        """Whether line ``i`` begins a new paragraph rather than continuing a wrapped one."""
        return self.paragraph_starts[i]

    def paragraph_end(self, i: int) -> int:
        """The index past the last line of the paragraph that line ``i`` opens."""
        starts = self.paragraph_starts
        j = i + 1
        while j < len(starts) and not starts[j]:
            j += 1
        return j


def _physical_indents(
    starts: Sequence[int], indents: Sequence[int], spliced: Sequence[bool],
) -> Sequence[int]:
    """Each line's indent as `_paragraph_starts` reads it: the rest of a line cut at a splice
    stands where it stood on its physical line, after the head (the line before it), so that
    text glued on near a line's end is as wide as that line and runs on to the lines below."""
    if not any(spliced):
        return indents
    return [starts[i] - starts[i - 1] + indents[i - 1] if cut and i else indent
            for i, (cut, indent) in enumerate(zip(spliced, indents))]


def _paragraph_starts(
    texts: Sequence[str], blanks: Sequence[int], indents: Sequence[int], spliced: Sequence[bool],
    width: int, base: int, filled: bool,
) -> tuple[bool, ...]:
    """Whether each line of hard-wrapped text (as columns) opens a paragraph.

    A line opens a paragraph after a blank line, at a splice, when indented deeper than the
    line above, or, unless it opens in lower case (a sentence carrying on), below a line short
    of the wrap width, or, where the wrapping fills lines, one that had room for its first
    word (the wrapping would have put the word there), or where either line is in capitals
    (headlines and table rows stand alone, however long). ``indents`` are
    `_physical_indents`: the rest of a line cut at a splice is as wide as its physical line.
    """
    if not texts:
        return ()
    slack = _WRAP_SLACK * width + base
    room = width + base - 1 if filled else -1  # a space, a word
    return (True, *(
        blank > 0 or cut or indent > prev_indent or (
            not text[:1].islower() and (
                len(prev) + prev_indent < slack
                or len(prev) + prev_indent + (word if (word := text.find(" ")) >= 0 else len(text)) <= room
                or _all_caps(prev) or _all_caps(text)))
        for prev, prev_indent, text, blank, indent, cut in zip(
            texts, indents, texts[1:], blanks[1:], indents[1:], spliced[1:])
    ))


def join_wrapped(layout: Layout) -> Layout:
    """``layout`` with each wrapped paragraph's lines made one line, their texts joined by spaces.

    The stages after this one judge a hard-wrapped paragraph as a whole already (its role,
    its words, its place in an article); reading it as one line spares them a line object and
    a pass for each of its physical lines (hard-wrapped newswire has about three a paragraph).
    The layout's width, indent and gaps stay those the physical lines showed; every joined
    line opens a paragraph. A layout with no wrapped paragraph is returned as it is.
    ``split_lines(text, joined=True)`` gives the same layout without the physical lines.
    """
    starts = layout.paragraph_starts
    if layout.joined or all(starts):
        return layout
    lines = layout.lines
    return _joined_layout(
        [ln.start for ln in lines], [ln.end for ln in lines], [ln.text for ln in lines],
        [ln.blank_before for ln in lines], [ln.indent for ln in lines], [ln.spliced for ln in lines],
        [ln.cut for ln in lines], starts, layout.blank_separated, layout.wrap_width, layout.base_indent,
        layout.filled)


def _joined_layout(
    starts: Sequence[int], ends: Sequence[int], texts: Sequence[str], blanks: Sequence[int],
    indents: Sequence[int], spliced: Sequence[bool], cut: Sequence[bool], opens: Sequence[bool],
    blank_separated: bool, width: int | None, base: int, filled: bool,
) -> Layout:
    """The joined layout (`join_wrapped`) of lines given as columns, ``opens`` saying which
    open a paragraph."""
    firsts = [i for i, first in enumerate(opens) if first]
    out: list[Line] = []
    new_line = _new_line
    for k, (i, j) in enumerate(zip(firsts, [*firsts[1:], len(texts)])):
        text = texts[i] if j - i == 1 else " ".join(texts[i:j])
        out.append(new_line(k, starts[i], ends[j - 1], text, blanks[i], indents[i], spliced[i], cut[j - 1]))
    return Layout(tuple(out), blank_separated, width, base, filled, joined=True)


def split_lines(text: str, *, joined: bool = False) -> Layout:
    """Find the non-blank lines of ``text`` and whether it is blank-line separated or wrapped.

    With ``joined``, each wrapped paragraph comes as one line (`join_wrapped`), as the
    pipeline reads it: the same layout, without a line object for each physical line.
    """
    # the lines as columns: start offset, text, blank lines above, indent (their ends, and
    # which are the two parts of a line cut at a splice, are filled in after the loop)
    l_start: list[int] = []
    l_text: list[str] = []
    l_blank: list[int] = []
    l_indent: list[int] = []
    heads: list[int] = []  # the index of the head of each line cut at a splice
    # how earlier lines open, to find restarts glued mid-line; gathered on first need
    openings: set[str] | None = None
    blank = 0
    pos = 0
    marks = _glue_marks(text)
    every = marks is None  # then every line is searched
    # the first glue mark not before the line in hand (the lines come in order of their
    # offsets); once the marks run out, one past any line's end
    marks_left = iter(marks or ())
    next_mark = next(marks_left, len(text))
    code = _code_spans(text)  # [open, close) offsets of fenced code blocks, flat
    for raw in text.split("\n"):
        body = raw.strip()
        if body:
            if raw[0] == body[0]:  # nothing before the text (most lines): no lead, no indent
                start = pos
                indent = 0
            else:
                start = pos + len(raw) - len(raw.lstrip())
                indent = len(raw) - len(raw.lstrip(" \t"))
            # a plain line (ASCII letters only) without a glue mark has no splice or restart
            # candidate
            if every or not (body.isascii() or _NOT_PLAIN_RE.search(body) is None):
                glued = True
            else:
                while next_mark < start:
                    next_mark = next(marks_left, len(text))
                glued = next_mark < start + len(body)
            in_code = bool(code) and bisect_right(code, start) % 2 == 1
            cut = _splice_point(body, text, start) if glued and not in_code else None
            if cut is None and not in_code and (body[-1] in _CAPS_TAIL_ENDS or not body.isascii()):
                cut = _caps_tail_point(body)
            if cut is None and glued and not in_code and _RESTART_RE.search(body) is not None:
                if openings is None:
                    openings = {o for t in l_text if (o := _opening(t))}
                cut = _restart_point(body, openings, _next_line(text, pos + len(raw) + 1))
            if openings is not None and len(body) >= RESTART_CHARS:  # `_opening`, inlined
                openings.add(body[:RESTART_CHARS])
            if cut is None:
                l_start.append(start)
                l_text.append(body)
                l_blank.append(blank)
                l_indent.append(indent)
            else:
                heads.append(len(l_text))
                l_start += (start, start + cut)
                l_text += (body[:cut].rstrip(), body[cut:])
                l_blank += (blank, 0)
                l_indent += (indent, 0)
            blank = 0
        elif l_text:
            blank += 1
        pos += len(raw) + 1
    n = len(l_text)
    lengths = list(map(len, l_text))
    l_end = list(map(add, l_start, lengths))  # (a cut line's head ends where its text does)
    # whether each line is the rest of a line cut at a splice, and whether it was cut there
    l_spliced = [False] * n
    l_cut = [False] * n
    for i in heads:
        l_cut[i] = l_spliced[i + 1] = True
    gap = usual_gap(l_blank)
    if gap > 1:  # paragraphs parted by two blank lines or more: count in steps of that gap
        l_blank = [max(1, b - gap + 1) if b else 0 for b in l_blank]
    base = usual_indent(l_indent)
    if base:  # the rest of a line cut at a splice stands where the page's lines do
        l_indent = [base if sp and not ind else ind for sp, ind in zip(l_spliced, l_indent)]
    # each line's width from the page's indent: every margin test below reads it
    widths = list(map(add, lengths, l_indent)) if any(l_indent) else lengths
    if base:
        widths = [w - base for w in widths]
    width = _wrap_width(widths)
    carried: tuple[list[int], list[int]] | None = None
    if width is None and n >= _MIN_LINES_FOR_WRAP:
        carried = _carried(l_text, l_blank, widths)
        width = _carried_width(l_text, widths, *carried)
    # the lines below a blank line, the first line left out (counted in C)
    blank_gaps = n - l_blank.count(0) - (n > 0 and l_blank[0] > 0)
    # blank lines part paragraphs when they stand at half the places a paragraph may end:
    # after every line, or in hard-wrapped text after a line short of the margin
    if width is None:
        breaks = n - 1
    else:
        # (the short lines above no blank line, counted by C-level maps)
        breaks = blank_gaps + sum(map(and_, map((_WRAP_SLACK * width).__gt__, widths),
                                      map(not_, islice(l_blank, 1, None))))
    blank_separated = breaks > 0 and blank_gaps >= 0.5 * breaks
    filled = False
    if width is not None:
        if carried is None:
            carried = _carried(l_text, l_blank, widths)
        filled = _filled(*carried, width)
    if joined and width is not None:
        opens = _paragraph_starts(l_text, l_blank, _physical_indents(l_start, l_indent, l_spliced),
                                  l_spliced, width, base, filled)
        if not all(opens):
            return _joined_layout(l_start, l_end, l_text, l_blank, l_indent, l_spliced, l_cut, opens,
                                  blank_separated, width, base, filled)
    new_line = _new_line
    lines = tuple(map(new_line, range(n), l_start, l_end, l_text, l_blank, l_indent, l_spliced, l_cut))
    return Layout(lines, blank_separated, width, base, filled)


# Characters of plain text (ASCII and the typographic quotes, dashes and ellipsis of
# lexical._NOT_PLAIN_RE, each one byte in cp1252) by their part in a splice: a lower-case
# letter "a", a capital "A", an opener "o" (see _OPENERS), anything else " ". Lines with
# other characters are not judged by these classes.
_GLUE_CLASSES = bytes(
    ord("a") if 97 <= c <= 122 else ord("A") if 65 <= c <= 90
    else ord("o") if (c < 128 and chr(c) in "<([\"'") or c in (0x91, 0x93)  # ‘ “ in cp1252
    else 32
    for c in range(256)
)
# Every candidate of _SPLICE_RE and _RESTART_RE in plain text is at one of these: a lower-case
# letter before a capital (an opener between them or not), or two capitals before a lower-case letter.
_GLUE_PAIRS = (b"aA", b"aoA", b"AAa")


def _glue_marks(text: str) -> list[int] | None:
    """Sorted offsets in ``text`` of every `_GLUE_PAIRS` sequence of its characters.

    A plain line (no letter beyond ASCII) holding none has no splice or restart candidate
    (`_SPLICE_RE` and `_RESTART_RE` need a lower-case letter before a capital, maybe with
    an opener between, or a capital before a capital and a lower-case letter): found for
    the whole text in a few C-level passes, instead of running those patterns over every line.
    """
    # one byte a character (ASCII, most text, the same bytes in a fraction of the time)
    encoded = text.encode("ascii") if text.isascii() else text.encode("cp1252", "replace")
    if len(encoded) != len(text):  # not expected: then every line is searched
        return None
    classes = encoded.translate(_GLUE_CLASSES)
    marks: list[int] = []
    for pair in _GLUE_PAIRS:
        i = classes.find(pair)
        while i >= 0:
            marks.append(i)
            i = classes.find(pair, i + 1)
    marks.sort()
    return marks


def _code_spans(text: str) -> list[int]:
    """The offsets where each fenced code block opens (its first fence line) and closes
    (the end of the closing fence line), flat and sorted: an offset lies in code when an odd
    number of them are at or before it. The blocks are `code_block_lines`' (`_fence_pairs`),
    found on the raw text before its lines are built."""
    if "```" not in text and "~~~" not in text:
        return []
    fences = list(_FENCE_LINE_RE.finditer(text))
    out: list[int] = []
    for opening, closing in _fence_pairs([m.group().strip() for m in fences]):
        end = text.find("\n", fences[closing].start())
        out += (fences[opening].start(), len(text) if end < 0 else end)
    return out


_LEADING_SPACE_RE = re.compile(r"\s+")


def _code_name(body: str, start: int, word: str) -> bool:
    """Whether ``word`` (from ``body[start:]``) is a name in code or data (see `_KEY_RE`):
    inline code too (a backtick in or before it, "`hoverColours`"), and a word holding
    braces, "=" or angle brackets ("hoverColours};"), which no glued prose holds."""
    if _CALL_RE.fullmatch(word) or (_PATH_RE.fullmatch(word) and not word.endswith(tuple("._$/"))):
        return True
    if body[start - 1 : start] == "`" or holds_any(word, _CODE_MARKS):
        return True
    after = body[start + len(word) : start + len(word) + 3]  # " = " after a spaced assignment
    # only spaces before it (found without copying the line's head: a long line of
    # candidates would cost its length each)
    leading = _LEADING_SPACE_RE.match(body)
    return (leading.end() if leading else 0) >= start and _KEY_RE.fullmatch(word + after) is not None


def _foreign_glue(fragment: str, first: str, tail: str) -> bool:
    """Whether a short word after a cut-off word (``fragment``) opens a sentence in another
    language than the English of `_GLUE_WORDS`: written as a sentence's first word, a function
    word of some language with another of it in the next three words ("argumenSe encontró
    una", "обновленИ в этом"), after a stub of two letters or more ("kDa protein was" stays
    whole, and so does the acronym of "macOS et Linux")."""
    return (len(fragment) >= 2 and _title_cased(first) and first.lower() not in _GLUE_WORDS
            and function_words_open(tail.split(maxsplit=4)[:4]))


def _title_cased(word: str) -> bool:
    """Whether a word's letters are a capital and small letters ("Se", "И", "Die"), as a
    sentence's first word is written; "OS" is an acronym."""
    letters = "".join(filter(str.isalpha, word))
    return letters[:1].isupper() and (len(letters) == 1 or letters[1:].islower())


def _splice_point(body: str, text: str = "", at: int = 0) -> int | None:
    """Where text was glued onto a word cut off mid-way, if it was; None otherwise.

    ``text`` is the whole page and ``at`` where ``body`` stands in it: where the cut rests on
    the shape of the text after it (not on a glue word or a bracket), a word spelt the same
    elsewhere on the page ("GitLab", "pWiki") is a name, not a splice (`_spelt_elsewhere`).
    """
    if len(body) < 12:
        return None
    # Work per candidate stays bounded on long lines (a megabyte with no newline): the
    # word counts come from one pass over the line's words, the last space is searched
    # only since the previous candidate, and the tail is copied only when it is short.
    starts: list[int] = []
    ends: list[int] = []
    word_start = 0
    searched = 0
    previous = -1
    for m in _SPLICE_RE.finditer(body):
        cut = m.start()
        space = body.rfind(" ", searched, cut)
        if space >= 0:
            word_start = space + 1
        searched = cut
        if word_start < previous:
            # the fragment holds the previous candidate's capital inside it, so it is
            # neither a lower-case stub, nor one capital, nor a capitalised word
            previous = cut
            continue
        previous = cut
        fragment = body[word_start:cut]
        if "-" in fragment[1:]:  # "president-InternationAUSTRALIA": judge the last piece
            fragment = fragment.rsplit("-", 1)[-1] or fragment
        if body[cut] == "'":
            continue  # an apostrophe between letters elides ("à l'Élysée", "dell'Italia")
        opener = body[cut] in _OPENERS
        # "chainFuture", "oSolv-Ex": a lower-case stub; "DFreeport": one capital left
        # of a cut-off word; "AssoTokyo brokers see ...": a cut-off capitalised word
        stub = opener or (fragment.islower() and fragment not in _NAME_PREFIXES) or (
            len(fragment) == 1 and fragment.isupper() and body[cut + 1 : cut + 2].islower()
        )
        if not stub and not _CAPITALISED_RE.match(fragment):
            continue
        if not ends:
            spans = [t.span() for t in _TOKEN_RE.finditer(body)]
            starts = [a for a, _ in spans]
            ends = [b for _, b in spans]
        first_tail = bisect_right(ends, cut)
        tail_words = len(ends) - first_tail  # len(body[cut:].split())
        head_words = bisect_left(starts, cut)  # len(body[:cut].split())
        tail = body[cut:] if len(body) - cut <= MAX_SHORT_LINE else ""
        # a headline holds one sentence at most: "Lab eigene Korrekturen vorschlagen. Was ...?" is text
        headline_tail = (tail_words >= 2 and bool(tail) and line_features(tail).headline
                         and _INNER_SENTENCE_END_RE.search(tail) is None)
        if not stub and not (
            headline_tail and tail_words >= _MIN_CAPITALISED_TAIL
            and head_words >= _MIN_CAPITALISED_HEAD
        ):
            continue
        if opener:
            if headline_tail and tail_words >= 4 and head_words >= 3:
                return cut  # "the Org<PHOENIX STEEL CORP> ...": no word opens on a bracket
            continue
        first = body[cut : ends[first_tail]] if first_tail < len(ends) else ""
        if _code_name(body, word_start, body[word_start : cut + len(first)]):
            continue  # "backgroundColor:", "getElementById(": a name in code or data, not a splice
        if (
            fragment.islower() and len(fragment) >= 2 and head_words >= 3
            and first[1:].islower() and first.lower() in _GLUE_WORDS
        ):
            return cut  # "biggest commodThe International ...": no name is spelt "xThe"
        short = len(first) == 2 or (len(first) == 1 and first.lower() not in _GLUE_WORDS)
        if short and not _foreign_glue(fragment, first, body[cut:]):
            continue  # a short word counts only as one of _GLUE_WORDS ("kWh", "kB" stay whole)
        letters = "".join(filter(str.isalpha, first))
        if not letters.isupper() and not letters[1:].islower():
            continue  # capitals and small letters mixed inside it ("vCPUs", "iPadOS"): a name
        if headline_tail and (
            head_words >= 3 or len(fragment) >= 2 or (fragment.islower() and tail_words >= 4)
        ):
            # (in wrapped text the sentence of a one-letter stub began a line above)
            if not _a_name(text, at, body, fragment, cut):
                return cut
            continue
        if tail_words >= _MIN_SPLICED_WORDS and head_words >= _MIN_SPLICED_WORDS:
            opening = " ".join(
                body[max(a, cut) : b]
                for a, b in zip(starts[first_tail : first_tail + 5], ends[first_tail : first_tail + 5])
            )
            if _starts_sentence(opening):  # its first words are those of body[cut:]
                if not _a_name(text, at, body, fragment, cut):
                    return cut
                continue
    return None


# Two sentences: a word in small letters of three or more, or a capitalised one of five or
# more, its full stop, a space and a capital (an initial, "U.S.", "Gov.", "Corp." or "Sept."
# is none of those; a headline may hold a question: "Who is she? Her party wants her out")
_INNER_SENTENCE_END_RE = regex.compile(r"(?:(?<![\p{L}\p{N}])\p{Ll}{3,}|\p{Lu}\p{Ll}{4,})\.\s+\p{Lu}")
# How far either side of a candidate splice the page is searched for the same word spelt whole
_SPELT_REACH = 20_000
# Characters on either side of a word that, the same at both spellings, make them one
# passage repeated rather than a name used twice
_SAME_SPOT = 12


def _a_name(text: str, at: int, body: str, fragment: str, cut: int) -> bool:
    """Whether the word a splice candidate would cut (``fragment`` before ``cut`` in ``body``,
    which is at ``at`` in ``text``) is a name on this page: spelt whole elsewhere
    (`_spelt_elsewhere`), or a lower-case stub where the page names things in lower camel case
    (`_names_identifiers`)."""
    return _spelt_elsewhere(text, at, body, cut - len(fragment), cut) or (
        fragment.islower() and _names_identifiers(text, at + cut))


def _spelt_elsewhere(text: str, at: int, body: str, begin: int, cut: int) -> bool:
    """Whether the word a splice candidate would cut (``body[begin:]`` up to its first
    character that is no letter or digit; ``cut`` inside it) stands whole elsewhere in
    ``text`` within `_SPELT_REACH` (``body`` is at ``at`` in ``text``): a name spelt so
    twice ("MkDocs ... MkDocs-Themen") is no word cut off by glued text, which is
    never spelt the same way again. False without ``text``."""
    if not text:
        return False
    while begin < cut and not body[begin].isalnum():
        begin += 1  # "(zorkWidget": the word, not its bracket
    end = cut
    while end < len(body) and body[end].isalnum():
        end += 1
    word = body[begin:end]
    here = at + begin
    # the characters around this spot: a passage the page repeats word for word (a splice
    # copied with it) is no second spelling
    around = text[max(0, here - _SAME_SPOT) : here + len(word) + _SAME_SPOT]
    lo, hi = max(0, here - _SPELT_REACH), min(len(text), here + _SPELT_REACH)
    i = text.find(word, lo, hi)
    while i >= 0:
        after = i + len(word)
        if (i != here and not text[i - 1 : i].isalnum() and not text[after : after + 1].isalnum()
                and text[max(0, i - _SAME_SPOT) : after + _SAME_SPOT] != around):
            return True
        i = text.find(word, i + 1, hi)
    return False


# A word in lower camel case with two humps or more ("fetchUserProfile", "getElementById"): an
# identifier. Text glued onto a word cut off mid-way leaves one hump ("statemThe"), never two.
# A handle, a hashtag, a link's path or a site's name ("@realName", "/aBcDe", "theSite.com") is
# no identifier: a news page quoting posts or naming sites holds them. Searched for where two
# humps meet (`_HUMPS_RE`, one pass over the window), each hit's word then checked whole, once.
_IDENTIFIER_RE = re.compile(r"[a-z]{2,}(?:[A-Z][a-z]+){2,}")
_HUMPS_RE = re.compile(r"[a-z][A-Z][a-z]+[A-Z][a-z]")


def _names_identifiers(text: str, at: int) -> bool:
    """Whether ``text`` holds an identifier in lower camel case (`_IDENTIFIER_RE`, a whole word)
    within `_SPELT_REACH` of ``at`` (where the cut falls): a page that names things so writes
    "invalidateEntry" as one more of them, not as a word cut off with a sentence glued on.
    False without ``text``."""
    lo, hi = max(0, at - _SPELT_REACH), min(len(text), at + _SPELT_REACH)
    pos = lo
    while (hump := _HUMPS_RE.search(text, pos, hi)) is not None:
        begin = hump.start()
        while begin > 0 and text[begin - 1].isalnum():  # back to the word's start
            begin -= 1
        end = hump.end()
        while end < len(text) and text[end].isalnum():
            end += 1
        if (text[begin - 1 : begin] not in ("@", "#", "/")
                and not (text[end : end + 1] == "." and text[end + 1 : end + 2].isalpha())
                and _IDENTIFIER_RE.fullmatch(text, begin, end) is not None):
            return True
        pos = end  # each word is read once: a long run of letters is no quadratic walk
    return False


# CJK text before a glued Latin headline is running text: a clause mark in it, or this many
# characters at least (a heading's short label, "发布后记", holds neither)
_MIN_CJK_RUNNING = 10
_CJK_RUNNING_MARK_RE = regex.compile(r"[。，、！？；：]")


def _running_cjk(head: str) -> bool:
    """Whether ``head``, the part of a line before a switch from CJK to Latin capitals, reads
    as running text rather than a short label (`_MIN_CJK_RUNNING`, `_CJK_RUNNING_MARK_RE`)."""
    return len(head.strip()) >= _MIN_CJK_RUNNING or _CJK_RUNNING_MARK_RE.search(head) is not None


def _caps_tail_point(body: str) -> int | None:
    """Where a headline in capitals was glued onto running text, if it was; None otherwise.

    "...and CanadiU.S. INTERIOR SECRETARY OPPOSES OIL IMPORT FEE", "...in 1COMINCO
    LEAD/ZINC UNION REJECTS CONTRACT": the line ends in three or more words without a
    lower-case letter, and the first of them is glued (no space) onto lower-case text,
    a digit or a character of a script without case. Whatever the stub, capitals that
    follow running text without a space are where something else begins. So does a
    Latin-script headline glued onto Chinese or Japanese text.
    """
    if len(body) < 12:
        return None
    window = body[-MAX_SHORT_LINE:]
    if not window.isascii() and _NOT_PLAIN_RE.search(window) is not None:  # plain text has no CJK
        switches = [m.start() for m in _AFTER_CJK_RE.finditer(window)]
        if switches:  # the last switch from CJK to Latin capitals
            cut = len(body) - len(window) + switches[-1]
            tail = window[switches[-1] :]
            # a Latin-script headline holds no CJK ("。Net::HTTP.get 会 使用 代理" is text), and
            # what it was glued onto is running text: a short label of its own ("终端なしRange
            # [Feature #1]", "发布后记CVE-...") is a heading that names something in Latin script
            if (len(tail.split()) >= 3 and _CJK_RE.search(tail) is None and line_features(tail).headline
                    and _running_cjk(body[:cut])):
                return cut
    last = window.rsplit(None, 2)
    if len(last) < 3 or (last[1] + last[2]).upper() != last[1] + last[2]:
        return None  # the last two words hold a lower-case letter: no capitals glued on
    m = _LAST_LOWER_RE.search(window)
    offset = len(body) - len(window)
    run = m.end() if m is not None else 0  # where the text without lower case begins
    if run and window[run : run + 1] in _OPENERS:
        cut = offset + run  # "...the Org<PHOENIX STEEL CORP> IN NEW DEBT DEAL"
    else:
        if window.isascii() and not _maybe_glued_capital(window):
            return None  # (most such lines: a headline in capitals alone)
        g = _GLUED_CAPITAL_RE.search(window, m.start() if m is not None else 0)
        if g is None:
            return None
        cut = offset + g.start()
    head, tail = body[:cut], body[cut:]
    if len(head.split()) < 2 and (head.isascii() or (
            _CJK_RE.search(head[-1:]) is not None and not _running_cjk(head))):
        return None  # "4WD SALES RISE", "发布后记CVE-...": a line of its own, no headline glued on
    if sum(1 for w in tail.split() if any(c.isalpha() for c in w)) < 3:
        return None
    return cut if line_features(tail).headline else None


# ASCII characters by their part in a match of _GLUED_CAPITAL_RE: "D" a lower-case letter or
# a digit, "P" the end of a sentence or clause, "U" a capital, anything else a space
_GLUE_CAPITAL_CLASSES = bytes(
    68 if 97 <= c <= 122 or 48 <= c <= 57 else 80 if c in b".!?;:," else 85 if 65 <= c <= 90 else 32
    for c in range(256))


def _maybe_glued_capital(window: str) -> bool:
    """False when _GLUED_CAPITAL_RE cannot match in ASCII ``window``: in ASCII a match stands
    before a capital that follows a lower-case letter or a digit, maybe with one of ".!?;:,"
    between (a necessary test in C passes: that pattern tries every character, slowly)."""
    classes = window.encode("ascii").translate(_GLUE_CAPITAL_CLASSES).decode("ascii")
    return "DU" in classes or "DPU" in classes


def _opening(text: str) -> str | None:
    """The first RESTART_CHARS characters of a line (a restart copies them exactly); None if shorter."""
    return text[:RESTART_CHARS] if len(text) >= RESTART_CHARS else None


def _restart_point(body: str, openings: set[str], following: str = "") -> int | None:
    """Where earlier text starts again glued onto a cut-off word ("...BeaucouWards at a city ...").

    A capital right after a lower-case letter is a candidate; it is a cut when the
    text from there opens an earlier line of the document, its first RESTART_CHARS
    characters the same. Names such as "McDonald" never do, whatever follows them. In
    wrapped text the copy may run on to the next line (``following``) before RESTART_CHARS
    characters: it is read on there, the line break as a space.
    """
    for m in _RESTART_RE.finditer(body):
        if m.start() < 2:
            continue
        copy = body[m.start() : m.start() + RESTART_CHARS]
        if len(copy) < RESTART_CHARS and following:
            copy = f"{copy} {following}"[:RESTART_CHARS]
        if copy in openings:
            return m.start()
    return None


def _next_line(text: str, at: int) -> str:
    """The line of ``text`` that opens at offset ``at``, trimmed (its head only: a restart
    reads RESTART_CHARS characters at most); "" at the end of the text or at a blank line."""
    return text[at : at + RESTART_CHARS].split("\n", 1)[0].strip()


def _all_caps(text: str) -> bool:
    """Several words with letters, none of them lower case ("OIL PRICES FALL 2 PCT")."""
    return text.upper() == text and sum(1 for w in text.split() if w[:1].isalpha()) >= 2


def _starts_sentence(text: str) -> bool:
    """A capitalised word followed by lower-case running text: the start of a sentence."""
    words = text.split(maxsplit=4)
    return len(words) >= 4 and sum(1 for w in words[1:4] if w[:1].islower()) >= 2


def usual_gap(blanks: Sequence[int]) -> int:
    """The smallest number of blank lines that parts a third of the places where any do (or
    the smallest of all, where none does), on a page whose lines blank lines part at a fifth
    of the places at least (paragraphs, wrapped or not); 1 on almost every page. A page whose
    paragraphs are parted by two blank lines (as some HTML-to-text tools leave them) then
    reads like the same page parted by one: an extra blank line is evidence only beyond the
    usual gap. Where blank lines are rare (one paragraph a line), each is a cue as it is.
    ``blanks``: the blank lines above each line."""
    counts = Counter(b for b in blanks[1:] if b)
    gaps = sum(counts.values())
    if not gaps or gaps < _GAP_SHARE * (len(blanks) - 1):
        return 1
    return next((gap for gap in sorted(counts) if 3 * counts[gap] >= gaps), min(counts))


def usual_indent(indents: Sequence[int]) -> int:
    """The indent most lines have (the smallest of equally common ones); 0 when at least
    half of them stand at the margin, as on almost every page (hard-wrapped text that sets
    in only the first line of each paragraph included). A page whose every line is set in
    (two spaces, a tab, a no-break space made a space by repair) then reads like the same
    page at the margin. ``indents``: each line's indent."""
    counts = Counter(indents)
    if counts.get(0, 0) * 2 >= len(indents):
        return 0
    top = max(counts.values())
    return min(indent for indent, c in counts.items() if c == top)


def _wrap_width(widths: Sequence[int]) -> int | None:
    """The common right margin of a hard-wrapped text, from its lines' ``widths`` (counted
    from the page's indent), or None when most lines do not end near one margin.

    Wrapped text: most lines end near one margin of 30 to 120 characters (the 90th
    percentile of the widths). Where that fails (on a page where menus and other short
    lines are the most, say), the lines that a lower-case word carries on from may still
    tell it (`_carried_width`).
    """
    if len(widths) < _MIN_LINES_FOR_WRAP:
        return None
    ordered = sorted(widths)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    # (the widths of 0.8 * p90 or more: those past a bisection of the sorted widths)
    if 30 <= p90 <= 120 and len(ordered) - bisect_left(ordered, 0.8 * p90) >= 0.5 * len(ordered):
        return p90
    return None


def _carried(
    texts: Sequence[str], blanks: Sequence[int], widths: Sequence[int],
) -> tuple[list[int], list[int]]:
    """The width of each line whose sentence the next line carries on in lower case (a word
    then a space: a bare link or path is no word), and the length of that next line's first
    word: two lists of numbers (no pair per line for the cyclic collector to visit)."""
    out: list[int] = []
    words: list[int] = []
    for prev, text, blank in zip(widths, texts[1:], blanks[1:]):
        if not blank and text[:1].islower() and (space := text.find(" ")) > 0:
            out.append(prev)
            words.append(space)
    return out, words


def _filled(carried: Sequence[int], words: Sequence[int], width: int) -> bool:
    """Whether the next line's first word would not have fitted on nine in ten of the
    carried lines near the margin (at least `_MIN_CARRIED` of them): a wrapping that fills
    each line, as most tools do (not one that evens out line lengths, as ``fmt`` does)."""
    near = [1 if w + 1 + nxt > width else 0 for w, nxt in zip(carried, words) if 0.8 * width <= w <= width]
    return len(near) >= _MIN_CARRIED and sum(near) >= 0.9 * len(near)


def _carried_width(
    texts: Sequence[str], widths: Sequence[int], carried: Sequence[int], words: Sequence[int],
) -> int | None:
    """The margin of the lines whose sentence the next line carries on in lower case
    (`_carried`), when they are enough to tell: at least `_MIN_CARRIED` of them (and a
    twentieth of the lines), half of them ending within a fifth of one margin of 30 to 120
    characters (the others: list items, short lines above lower-case text), the wrapping
    filling lines (`_filled`), and hardly a line longer than that margin that a space would
    have let the wrapping break."""
    if len(carried) < max(_MIN_CARRIED, 0.05 * len(texts)):
        return None
    ends = sorted(carried)
    width = ends[int(0.9 * (len(ends) - 1))]
    if not 30 <= width <= 120:
        return None
    near = sum(1 for w in carried if 0.8 * width <= w <= width)
    # a line past the margin counts against it only if it could have been broken there: a
    # hash, a link or a path without a space runs on past any wrapping
    # (``widths`` are the lines' lengths past the page's indent: a line's text up to the margin
    # is its first ``width + 2 - (its width - its length)`` characters)
    longer = sum(1 for text, w in zip(texts, widths) if w > width + 2
                 and " " in text[: width + 2 - w + len(text)])
    if near < 0.5 * len(carried) or not _filled(carried, words, width) or longer > 0.05 * len(texts):
        return None
    return width


def code_block_lines(lines: Sequence[Line]) -> list[int]:
    """The lines of every closed Markdown code block: its fences and what stands between them
    (`_fence_pairs`)."""
    out: list[int] = []
    for opening, closing in _fence_pairs([line.text for line in lines]):
        out.extend(range(opening, closing + 1))
    return out


def _fence_pairs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """The indices of the opening and closing fence of each closed Markdown code block among
    trimmed line texts (lines that are no fence may be left out: only fences pair).

    A block opens on a line of three or more backticks (or of tildes followed by the code's
    language, "~~~rust": a bare "~~~" is as often a divider between stories) and closes on a
    line of the same mark, at least as long, with nothing else on it; a line holding two runs
    of backticks is inline code ("```ls``` lists the files"), and a fence left open closes
    nothing, so a stray one does not swallow the rest of the page."""
    out: list[tuple[int, int]] = []
    opened = -1
    mark = ""
    for i, text in enumerate(texts):
        if not text.startswith(("```", "~~~")):
            continue
        run = len(text) - len(text.lstrip(text[0]))
        rest = text[run:].strip()
        if opened < 0:
            if (text[0] == "`" and "```" not in rest) or (text[0] == "~" and rest and "~" not in rest):
                opened, mark = i, text[:run]
        elif not rest and text[0] == mark[0] and run >= len(mark):
            out.append((opened, i))
            opened = -1
    return out
