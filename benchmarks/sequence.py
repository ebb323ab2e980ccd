"""Consecutive Reuters items, undamaged: how many article starts does split() find on a plain page?

    python benchmarks/sequence.py [--n 4] [--json FILE]

The wire file is read in its own order (title, blank line, body), so neighbours are
often on the same topic (runs of earnings reports, of grain or currency news), and cut
into ``--n`` pages of about 1 MB. A predicted start within two characters of an item's
start counts as found. No damage, no teasers, no residue: this checks that same-topic
neighbours with nothing but a title between them are still told apart.
"""

from __future__ import annotations

import bisect

import corpus_split as cs
from _common import REUTERS, arguments, need, write_json
from speed import pieces

PAGE_CHARS = 1_000_000
"""Characters per page (the size speed.py times)."""


def main() -> None:
    args = arguments(__doc__ or "", n=4)
    need(REUTERS, "the Reuters corpus")
    items = pieces()
    found = predicted = due = 0
    i = 0
    for _ in range(args.n):
        starts: list[int] = []
        text: list[str] = []
        size = 0
        while size < PAGE_CHARS and i < len(items):
            starts.append(size)
            text.append(items[i])
            size += len(items[i])
            i += 1
        doc = cs.split("".join(text))
        pred = sorted(a.start for a in doc.articles)
        predicted += len(pred)
        due += len(starts)
        for s in starts:
            k = bisect.bisect_left(pred, s - 2)
            found += k < len(pred) and pred[k] <= s + 2
    recall, precision = found / max(1, due), found / max(1, predicted)
    print(f"{args.n} pages, {due} items: {predicted} articles predicted, {found} items found")
    print(f"recall {recall:.3f}   precision {precision:.3f}")
    write_json(args.json, {"items": due, "predicted": predicted, "found": found,
                           "recall": recall, "precision": precision, "n": args.n})


if __name__ == "__main__":
    main()
