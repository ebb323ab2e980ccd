"""Find passages that repeat earlier text of the same document (a spliced restart)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lines import Layout

__all__ = ["find_repeats"]

# A repeated line this long is evidence of a duplicated passage on its own;
# shorter repeats (section headings such as "Conclusion") are normal.
MIN_REPEAT_CHARS = 60
# A run of repeated lines counts once it holds this many characters in all.
MIN_RUN_CHARS = 120


# A rule drawn with one mark ("-----", "=====") says nothing of where a line came from: a log's
# separator ("[INFO] ------...") repeats wherever the program printed it.
_RULE_RE = re.compile(r"([^\w\s])\1{2,}")


def _size(text: str) -> int:
    """The line's length less its rules (runs of three or more of one mark)."""
    return len(text) - sum(len(m.group()) for m in _RULE_RE.finditer(text))


def _key(text: str) -> str:
    folded = text.casefold()
    if "  " in folded or not folded.isascii() or "\t" in folded:
        return " ".join(folded.split())  # other white space ("\u00a0", tabs, runs) as one space
    return folded


def find_repeats(layout: Layout, eligible: Sequence[bool]) -> frozenset[int]:
    """Indices of lines that belong to a passage repeating earlier lines.

    ``eligible[i]`` says whether line ``i`` may be content at all; chrome such as
    "Advertisement" repeats everywhere and is left to the other rules. A repeat
    that starts where text was glued onto a cut-off word is found even when its
    first paragraph is wrapped differently from the original.
    """
    lines = layout.lines
    seen: set[str] = set()
    repeated = [False] * len(lines)
    keys = [_key(line.text) for line in lines]
    for i, key in enumerate(keys):
        if eligible[i] and key in seen:
            repeated[i] = True
        seen.add(key)
    out = set(_spliced_restarts(layout, keys, eligible))
    i = 0
    n = len(lines)
    while i < n:
        if not repeated[i]:
            i += 1
            continue
        j = i
        while j < n and repeated[j]:
            j += 1
        run = lines[i:j]
        sizes = [_size(ln.text) for ln in run]
        longest = max(sizes)
        total = sum(sizes)
        if longest >= MIN_REPEAT_CHARS and (total >= MIN_RUN_CHARS or j - i == 1):
            out.update(range(i, j))
        i = j
    return frozenset(out)


def _spliced_restarts(
    layout: Layout, keys: Sequence[str], eligible: Sequence[bool]
) -> list[int]:
    """The lines of each paragraph after a splice whose words all stand earlier in the text."""
    lines = layout.lines
    spliced = [i for i, line in enumerate(lines) if line.spliced and eligible[i]]
    out: list[int] = []
    if not spliced:
        return out
    earlier = " ".join(keys)
    starts = [0]
    for key in keys:
        starts.append(starts[-1] + len(key) + 1)
    for i in spliced:
        j = layout.paragraph_end(i)
        passage = " ".join(keys[i:j])
        if len(passage) >= MIN_REPEAT_CHARS and earlier.find(passage, 0, starts[i]) >= 0:
            out.extend(k for k in range(i, j) if eligible[k])
    return out
