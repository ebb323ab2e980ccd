"""A Markdown post's front matter (Jekyll, Hugo): the ``key: value`` block that heads a post.

Found once per page (`Layout.front_matter`) and read by every stage that needs it: the line
model, the roles, the start model, the kinds and the article titles. This module imports no
other of the package at run time, so that `lines` can use it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lines import Line

__all__ = ["FrontMatter", "find_front_matter", "front_matter_lines", "front_matter_value"]

# A "---" or "+++" line, then "key: value" (or "key = value") lines, most of them, up to the
# same fence within this many lines.
_FRONT_FENCES = ("---", "+++")
_TEXT = attrgetter("text")
_FRONT_MATTER_LINES = 80
_KEY_VALUE_RE = re.compile(r"[A-Za-z_][\w.-]*\s*[:=](?:\s|$)")
# the front-matter key that holds the page's title (Jekyll, Hugo, Eleventy: YAML or TOML)
_TITLE_KEY_RE = re.compile(r"title\s*[:=]\s*\S", re.IGNORECASE)
_KEY_VALUE_LINE_RE = re.compile(r"\s*[A-Za-z_][\w.-]*\s*[:=]\s*(.*?)\s*$")
_BLOCK_SCALARS = frozenset(("", "|", ">", "|-", ">-", "|+", ">+"))


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A page's front matter, one byte a line (`find_front_matter`)."""

    inside: bytes
    """1 where the line lies in a front-matter block, its fences included."""
    title_keys: bytes
    """1 where it is a block's ``title`` key."""
    titles: bytes
    """1 where it is the title of a post: the title key, with a value, of a block that opens
    one (its fence at the page's indent, outside code fences)."""

    @property
    def found(self) -> bool:
        """Whether the page has a front-matter block at all (most have none)."""
        return 1 in self.inside

    def is_title(self, i: int) -> bool:
        """Whether line ``i`` is a post's title (`titles`)."""
        return self.titles[i] == 1


def find_front_matter(lines: Sequence[Line], base_indent: int) -> FrontMatter:
    """The front matter of a page's ``lines``, whose usual indent is ``base_indent``; use
    `Layout.front_matter`, which finds it once."""
    inside, title = front_matter_lines(lines)
    titles = bytearray(len(lines))
    if 1 in title:
        fenced = _fenced([line.text.lstrip() for line in lines])
        opener = -1
        for i, line in enumerate(lines):
            if inside[i] and (not i or not inside[i - 1]):
                opener = i if not fenced[i] and line.indent <= base_indent else -1
            if title[i] and opener >= 0 and front_matter_value(line.text):
                titles[i] = 1
    return FrontMatter(bytes(inside), bytes(title), bytes(titles))


def front_matter_lines(lines: Sequence[Line]) -> tuple[bytearray, bytearray]:
    """Per line, 1 where it lies in a front-matter block (`_FRONT_FENCES` around at least two
    ``key: value`` lines): page metadata that Markdown posts carry at their head, wherever a
    post starts in the text; and 1 where it is that block's title key."""
    inside = bytearray(len(lines))
    title = bytearray(len(lines))
    joined = "\n".join(map(_TEXT, lines))  # one pass in C: most pages have no fence at all
    if _FRONT_FENCES[0] not in joined and _FRONT_FENCES[1] not in joined:
        return inside, title
    i = 0
    while i < len(lines):
        text = lines[i].text
        fence = text.strip() if text.startswith(_FRONT_FENCES) or text[:1].isspace() else ""
        if fence in _FRONT_FENCES:
            end = next((j for j in range(i + 1, min(len(lines), i + _FRONT_MATTER_LINES))
                        if lines[j].text.strip() == fence), None)
            if end is not None:
                body = [line.text for line in lines[i + 1:end] if line.text.strip()]
                keyed = sum(1 for t in body if _KEY_VALUE_RE.match(t))
                if keyed >= 2 and keyed >= 0.6 * len(body):
                    inside[i:end + 1] = b"\x01" * (end + 1 - i)
                    for j in range(i + 1, end):
                        if _TITLE_KEY_RE.match(lines[j].text):
                            title[j] = 1
                    i = end + 1
                    continue
        i += 1
    return inside, title


def front_matter_value(text: str) -> str:
    """The value of a front-matter ``key: value`` (or TOML ``key = value``) line, its quotes
    removed ("title: "A: B"" → "A: B"); "" where there is none (an empty value, a block
    scalar's ``|`` or ``>``)."""
    m = _KEY_VALUE_LINE_RE.match(text)
    value = m.group(1) if m else ""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return "" if value.strip("\"'") in _BLOCK_SCALARS else value


def _fenced(texts: Sequence[str]) -> list[bool]:
    """Whether each paragraph is a Markdown code fence or stands inside one."""
    out: list[bool] = []
    inside = False
    for text in texts:
        fence = text.startswith(("```", "~~~"))
        out.append(inside or fence)
        if fence and not (inside is False and text.count("```") >= 2):
            inside = not inside
    return out
