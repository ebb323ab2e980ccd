"""First, context-free reading of each line: body, headline, chrome, residue, repeat.

The roles here are provisional: whether a headline is an article's title, a
section heading or a teaser link depends on where the articles are, which is
decided later (`corpus_split.boundaries`, then `corpus_split.kinds`).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

import regex

from .context import LONG_WORDS, ends_sentence, paragraph_spans, running_words, short_tokens, span_rows
from .duplicates import find_repeats
from .features import Family, LineFeatures, line_features, quoted_request
from .lexical import holds_any
from .lines import Layout, Line
from .scores import ParagraphScore, iter_scores
from .threads import find_thread

__all__ = ["Role", "read_roles"]

_SEPARATOR_RE = regex.compile(r"^[\p{P}\p{S}\s]{3,}$")
_ALNUM_RE = regex.compile(r"[\p{L}\p{N}]")
# A Markdown code fence (three or more backticks or tildes, maybe a language name) opens or
# closes code inside a post: part of its text, never a separator between articles.
_FENCE_RE = regex.compile(r"^(?:`{3,}|~{3,})[\w+#.-]*$")
_FENCE_OPENERS = ("`", "~")  # (tuples: "" is in none)
# A bulleted or quoted line ("- Author | Title", "> a quote") that the model calls content is
# an item of the text, not a headline (a run of headlines after the text is taken for teasers).
# Numbered lines stay headlines: "2. Title" may open the next article.
_ITEM_RE = regex.compile(r"^(?:[-*•·–+]\s|>\s?)")
_ITEM_OPENERS = tuple("-*•·–+>")
# An assistant phrase (a preamble's "Of course, ...", a sign-off's "Feel free to ...") opening
# running text (LONG_WORDS words or more) that the model is at least this sure is content is a
# quote or a turn of the text; a generator's own preambles and sign-offs are a sentence or two.
FAMILY_YIELD = 0.95
# ... and a chrome phrase opening a sentence of at least this many words that the model is as sure
# of is the text's own sentence (a report that opens on "Sign up" or "Copyright" as its
# subject, issue 12). On the labelled pages line fitting draws on, the model is that sure of 4 of 14,857
# chrome-phrase paragraphs that end a sentence (2 of them of 12 words or more); shorter
# notices ("Copyright 2024 The Daily Planet. All rights reserved.", 8 words) stay the phrase's
# in short pages, where the model calls nearly every line content
YIELD_WORDS = 12


class Role(str, Enum):
    """Provisional role of one line."""

    BODY = "body"
    HEADLINE = "headline"
    CHROME = "chrome"
    LINK = "link"
    SEPARATOR = "separator"
    NOISE = "noise"
    PREAMBLE = "preamble"
    SIGN_OFF = "sign_off"
    REPEAT = "repeat"
    FURNITURE = "furniture"  # a thread's names, timestamps and "Reply" lines between posts

    @property
    def is_content(self) -> bool:
        return self in CONTENT_ROLES


# The roles of text a page is about (an article's lines), as against its furniture.
CONTENT_ROLES = frozenset((Role.BODY, Role.HEADLINE))


# what a post's lines may have been taken for: chrome, links or a headline are its text
_POST_TEXT = frozenset((Role.CHROME, Role.LINK, Role.HEADLINE))

_ASSISTANT = {Family.ASSISTANT_PREAMBLE: Role.PREAMBLE, Family.ASSISTANT_SIGN_OFF: Role.SIGN_OFF}


def read_roles(layout: Layout, find_duplicates: bool) -> tuple[list[Role], list[LineFeatures]]:
    """Give every line its provisional role, and the features it was judged by.

    In hard-wrapped text a paragraph spans several lines, and its fragments
    would look like headlines one by one; so the lines of each paragraph are
    judged together, share one role and carry the paragraph's features (until a
    thread, a code block or a front-matter title gives some of them their own). Whether a
    paragraph is content, chrome or assistant residue is the fitted line model's call
    (`corpus_split.scores`); separators and noise are told by their shape.
    """
    lines = layout.lines
    # paragraphs as columns and scores one at a time: no object per paragraph outlives its turn
    firsts, ends, texts = paragraph_spans(layout)
    para_feats = _features_of(texts)
    scores = iter_scores(span_rows(layout, firsts, ends, texts, para_feats), list(map(short_tokens, texts)))
    roles: list[Role] = []
    feats: list[LineFeatures] = []
    for first, end, text, following, after, f, s in zip(
            firsts, ends, texts, [*texts[1:], None], [*texts[2:], None, None], para_feats, scores):
        role = _role(text, f, s, following)
        if role is Role.SIGN_OFF and following is not None and _closes_letter(following, after):
            role = Role.BODY  # a letter's own last words, above its closing formula and name
        if role is Role.HEADLINE and (lines[end - 1].cut or _carried_on(text, lines, end, following)):
            role = Role.BODY  # text that stops mid-word, or whose sentence runs on, is no headline
        roles.extend([role] * (end - first))
        feats.extend([f] * (end - first))
    # a code block's lines are the post's text, whatever their shape ("});", "}", "---",
    # "# install the tools"): never noise, chrome, a heading or a thread's furniture
    code = layout.code_lines
    for i in code:
        roles[i] = Role.BODY
    thread = find_thread(layout, [r not in CONTENT_ROLES for r in roles], code)
    if thread is not None:
        # a thread's posts are content whatever their shape ("Great read!"), one article each,
        # and the furniture between them is page chrome
        for i in thread.furniture:
            roles[i] = Role.FURNITURE
        for first, last in thread.posts:
            for i in range(first, last + 1):
                if roles[i] in _POST_TEXT:
                    roles[i] = Role.BODY
        for i in thread.subjects:
            roles[i] = Role.HEADLINE  # a post's subject, over its header: the post's title
    # a Markdown post's front-matter title is the post's title, whatever its neighbours (a
    # block of colour and layout keys) made the line model say
    for i, flag in enumerate(layout.front_matter.titles):
        if flag:
            roles[i] = Role.HEADLINE
    if find_duplicates:
        eligible = [r in CONTENT_ROLES for r in roles]
        if thread is not None:
            # a post that quotes an earlier one repeats it by right: the quotation is the
            # reply's text, not a passage spliced in twice
            for first, last in thread.posts:
                eligible[first : last + 1] = [False] * (last + 1 - first)
        for k in find_repeats(layout, eligible):
            roles[k] = Role.REPEAT
    return roles, feats


def _closes_letter(formula: str, after: str | None) -> bool:
    """Whether ``formula`` is a letter's closing formula over its signature: a short line
    ("Best regards,", "Mit freundlichen Grüßen,", "С уважением,") that opens on a capital,
    holds no figure and ends on a comma, with nothing after it or a short line (a name, "[Your
    Name]"). An offer just above one ("Please let me know if you can come.") is the letter's
    own text, not an assistant's sign-off."""
    words = formula.split()
    return (1 <= len(words) <= _FORMULA_WORDS and formula.endswith((",", "，")) and formula[:1].isupper()
            and not any(ch.isdigit() for ch in formula)
            and (after is None or len(after.split()) <= _SIGNATURE_WORDS))


_FORMULA_WORDS = 4  # a closing formula's most words ("Mit freundlichen Grüßen," has three)
_SIGNATURE_WORDS = 6  # a name and a title ("Jane Doe, Head of Events")


def _carried_on(text: str, lines: Sequence[Line], end: int, following: str | None) -> bool:
    """Whether the next paragraph carries on this one's sentence: it follows on the next line
    (no blank line between) and opens on a lower-case word, and this one ends on a lower-case
    word, not on punctuation, and the two together are no headline either (a paragraph of
    wrapped prose the layout did not join, among code or lines of other widths; a headline
    broken over two lines stays one). Scripts without case say nothing here: a Chinese or
    Japanese heading above a line that opens on a name in code ("gem", "lib/") stays one."""
    return (following is not None and end < len(lines) and not lines[end].blank_before
            and following[:1].islower() and text[-1:].islower()
            and not line_features(f"{text} {following}").headline)


def _features_of(texts: Sequence[str]) -> list[LineFeatures]:
    """`line_features` of each text, each distinct text measured once: pages repeat their
    furniture and sign-offs ("Reuter", "Advertisement"), and the features depend on the text alone."""
    known: dict[str, LineFeatures] = {}
    out: list[LineFeatures] = []
    for text in texts:
        f = known.get(text)
        if f is None:
            f = known[text] = line_features(text)
        out.append(f)
    return out


def _role(text: str, f: LineFeatures, s: ParagraphScore, following: str | None) -> Role:
    """The role of a paragraph from its text, features and score; ``following``: the next paragraph's text."""
    if f.family in _ASSISTANT and (s.content < FAMILY_YIELD or running_words(text) < LONG_WORDS):
        return _ASSISTANT[f.family]
    if f.family is Family.CHROME and not _sure_sentence(text, s):
        return Role.CHROME
    # the patterns are tried only where the first character leaves them open: most text opens
    # on an ASCII letter, which is no fence, no separator and a letter
    first = text[:1]
    if first in _FENCE_OPENERS and _FENCE_RE.match(text):
        return Role.BODY
    # (a line that holds an ASCII letter or digit, most of the rest, is neither)
    if not (first.isascii() and first.isalpha()) and not _holds_ascii_alnum(text):
        if len(text) <= 200 and _SEPARATOR_RE.match(text):
            return Role.SEPARATOR
        if not _ALNUM_RE.search(text):
            return Role.NOISE
    if f.gibberish:
        return Role.NOISE
    if s.verdict == "artifact":
        if first == ">" and not quoted_request(text):
            return Role.BODY  # a quotation is the page's text, unless it quotes a request to a chat model
        if text.endswith((":", "：")):
            return Role.PREAMBLE
        return Role.PREAMBLE if following is not None and line_features(following).headline \
            else Role.SIGN_OFF
    if s.verdict == "chrome":
        return Role.LINK if s.links > 0.5 else Role.CHROME
    if not f.headline or _code_or_markup(text):
        return Role.BODY
    return Role.BODY if first in _ITEM_OPENERS and _ITEM_RE.match(text) else Role.HEADLINE


def _sure_sentence(text: str, s: ParagraphScore) -> bool:
    """Whether a paragraph that opens like chrome (on "Sign up", "Copyright", "Related:") is a
    sentence of the text: the line model is sure it is content and it runs to a
    sentence's end (`context.ends_sentence`, the model's own test) over `YIELD_WORDS` words
    (see there for how rarely real chrome is both)."""
    return (s.content >= FAMILY_YIELD and ends_sentence(text)
            and running_words(text) >= YIELD_WORDS)


def _holds_ascii_alnum(text: str) -> bool:
    """Whether ``text`` holds an ASCII letter or digit (in one C pass over its UTF-8 bytes)."""
    encoded = text.encode("utf-8", "surrogatepass")
    return len(encoded.translate(None, _ASCII_ALNUM)) < len(encoded)


_ASCII_ALNUM = bytes(c for c in range(128) if chr(c).isalnum())


def _code_or_markup(text: str) -> bool:
    """Whether a headline-shaped line is code or markup, which heads nothing (issues 12 and
    13: code lines were taken as titles and opened articles): a Markdown link definition
    ("[2]: https://..."), a line that opens on an HTML tag or a code fence, or one that
    holds a brace or an arrow function, or ends on a semicolon."""
    first = text[:1]
    if first == "[" and _LINK_DEFINITION_RE.match(text) is not None:
        return True
    if first == "<" and _TAG_OPEN_RE.match(text) is not None:
        return True
    if text.startswith(("```", "~~~")):
        return True
    return holds_any(text, _CODE_MARKS) or text.endswith(";")


# "[label]: target", a Markdown link definition opening the paragraph (the target a URL, a
# mail address, an anchor or a path; more definitions may follow on the paragraph's other
# lines), not "[Live]: Update: roads closed"
_LINK_DEFINITION_RE = regex.compile(
    r"\[[^\]\n]{1,100}\]:[ \t]*<?(?:[A-Za-z][\w+.-]*://|mailto:|/|#|\.{1,2}/|www\.)\S*")
# an HTML tag: "<p>", "</div>", "<img src=...", "<pre><code ...>"; not the ticker of a newswire
# headline, "<ACME CORP> TO BUY ..." or "<NOVA> WINS ...": a tag names an attribute with "=",
# or closes at once with a name in small letters or as a closing tag
_TAG_OPEN_RE = regex.compile(r"(?:</[A-Za-z][\w:-]*|<[a-z][a-z0-9:-]*)\s*/?>|<[A-Za-z][\w:-]*\s+[\w:-]+\s*=")
_CODE_MARKS = ("{", "}", "=>")
