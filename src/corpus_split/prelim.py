"""First, context-free reading of each line: body, headline, chrome, residue, repeat.

The roles here are provisional: whether a headline is an article's title, a
section heading or a teaser link depends on where the articles are, which is
decided later (`corpus_split.boundaries`, then `corpus_split.kinds`).
"""

from __future__ import annotations

from enum import Enum

import regex

from .duplicates import find_repeats
from .features import Family, LineFeatures, line_features
from .lines import Layout

__all__ = ["Role", "read_roles"]

_SEPARATOR_RE = regex.compile(r"^[\p{P}\p{S}\s]{3,}$")
_ALNUM_RE = regex.compile(r"[\p{L}\p{N}]")
_NAME_WORD_RE = regex.compile(r"^\p{Lu}[\p{Ll}\p{M}'’\-.]+$|^\p{Lu}\.$")


class Role(str, Enum):
    """Provisional role of one line."""

    BODY = "body"
    HEADLINE = "headline"
    CHROME = "chrome"
    NAME = "name"
    SEPARATOR = "separator"
    NOISE = "noise"
    PREAMBLE = "preamble"
    SIGN_OFF = "sign_off"
    REPEAT = "repeat"

    @property
    def is_content(self) -> bool:
        return self in (Role.BODY, Role.HEADLINE)


def read_roles(layout: Layout, find_duplicates: bool) -> tuple[list[Role], list[LineFeatures]]:
    """Give every line its provisional role, and the features it was judged by.

    In hard-wrapped text a paragraph spans several lines, and its fragments
    would look like headlines one by one; so the lines of each paragraph are
    judged together, share one role and carry the paragraph's features.
    """
    lines = layout.lines
    roles: list[Role] = []
    feats: list[LineFeatures] = []
    i = 0
    while i < len(lines):
        j = layout.paragraph_end(i)
        text = lines[i].text if j - i == 1 else " ".join(line.text for line in lines[i:j])
        f = line_features(text)
        role = _role(text, f)
        if lines[j - 1].cut and role in (Role.HEADLINE, Role.NAME):
            role = Role.BODY  # text that stops mid-word is not a headline
        roles.extend([role] * (j - i))
        feats.extend([f] * (j - i))
        i = j
    if find_duplicates:
        eligible = [r.is_content for r in roles]
        for k in find_repeats(layout, eligible):
            roles[k] = Role.REPEAT
    return roles, feats


def _role(text: str, f: LineFeatures) -> Role:
    if f.family is Family.ASSISTANT_PREAMBLE:
        return Role.PREAMBLE
    if f.family is Family.ASSISTANT_SIGN_OFF:
        return Role.SIGN_OFF
    if f.family is Family.CHROME:
        return Role.CHROME
    if len(text) <= 200 and _SEPARATOR_RE.match(text):
        return Role.SEPARATOR
    if not _ALNUM_RE.search(text) or f.gibberish:
        return Role.NOISE
    if f.headline:
        return Role.NAME if _looks_like_name(text) else Role.HEADLINE
    return Role.BODY


def _looks_like_name(text: str) -> bool:
    """Two to four capitalised words and nothing else: a byline such as "Jane Q. Doe".

    Bylines in capitals ("JANE DOE") count too when short (two or three words).
    """
    words = text.split()
    if not 2 <= len(words) <= 4 or len(text) > 40:
        return False
    if all(_NAME_WORD_RE.match(w) for w in words):
        return True
    return len(words) <= 3 and len(text) <= 25 and all(w.isalpha() and w.isupper() for w in words)
