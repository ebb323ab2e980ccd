"""First, context-free reading of each line: body, headline, chrome, residue, repeat.

The roles here are provisional: whether a headline is an article's title, a
section heading or a teaser link depends on where the articles are, which is
decided later (:mod:`corpus_split.boundaries`, then :mod:`corpus_split.kinds`).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

import regex

from .duplicates import find_repeats
from .features import Family, LineFeatures
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


def read_roles(layout: Layout, feats: Sequence[LineFeatures], find_duplicates: bool) -> list[Role]:
    """Give every line its provisional role."""
    roles: list[Role] = []
    for line, f in zip(layout.lines, feats):
        text = line.text
        if f.family is Family.ASSISTANT_PREAMBLE:
            roles.append(Role.PREAMBLE)
        elif f.family is Family.ASSISTANT_SIGN_OFF:
            roles.append(Role.SIGN_OFF)
        elif f.family is Family.CHROME:
            roles.append(Role.CHROME)
        elif len(text) <= 200 and _SEPARATOR_RE.match(text):
            roles.append(Role.SEPARATOR)
        elif not _ALNUM_RE.search(text):
            roles.append(Role.NOISE)
        elif f.gibberish:
            roles.append(Role.NOISE)
        elif f.headline:
            roles.append(Role.NAME if _looks_like_name(text) else Role.HEADLINE)
        else:
            roles.append(Role.BODY)
    if find_duplicates:
        eligible = [r.is_content for r in roles]
        for i in find_repeats(layout.lines, eligible):
            roles[i] = Role.REPEAT
    return roles


def _looks_like_name(text: str) -> bool:
    """Two to four capitalised words and nothing else: a byline such as "Jane Q. Doe"."""
    words = text.split()
    if not 2 <= len(words) <= 4 or len(text) > 40:
        return False
    return all(_NAME_WORD_RE.match(w) for w in words)
