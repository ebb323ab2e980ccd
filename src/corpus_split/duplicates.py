"""Find passages that repeat earlier text of the same document (a spliced restart)."""

from __future__ import annotations

from collections.abc import Sequence

from .lines import Line

__all__ = ["find_repeats"]

# A repeated line this long is evidence of a duplicated passage on its own;
# shorter repeats (section headings such as "Conclusion") are normal.
MIN_REPEAT_CHARS = 60
# A run of repeated lines counts once it holds this many characters in all.
MIN_RUN_CHARS = 120


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def find_repeats(lines: Sequence[Line], eligible: Sequence[bool]) -> frozenset[int]:
    """Indices of lines that belong to a passage repeating earlier lines.

    ``eligible[i]`` says whether line ``i`` may be content at all; chrome such as
    "Advertisement" repeats everywhere and is left to the other rules.
    """
    seen: set[str] = set()
    repeated = [False] * len(lines)
    for i, line in enumerate(lines):
        key = _key(line.text)
        if eligible[i] and key in seen:
            repeated[i] = True
        seen.add(key)
    out: set[int] = set()
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
        longest = max(len(ln.text) for ln in run)
        total = sum(len(ln.text) for ln in run)
        if longest >= MIN_REPEAT_CHARS and (total >= MIN_RUN_CHARS or j - i == 1):
            out.update(range(i, j))
        i = j
    return frozenset(out)
