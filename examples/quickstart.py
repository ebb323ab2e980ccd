"""Split a bundled seed document and print its articles and segments."""

from __future__ import annotations

import sys
from pathlib import Path

import corpus_split as cs

path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "seeds" / (
    "003_c8b19dc2d68a540b.txt"
)
doc = cs.split(path.read_bytes())
print(doc)
for article in doc.articles:
    print(f"\narticle {article.index}: {article.title!r} [{article.start}:{article.end}] "
          f"language={article.language}")
    print("   ", article.clean_text[:150].replace("\n", " "), "...")
for boundary in doc.boundaries:
    print(f"\nboundary at {boundary.offset}: score {boundary.score:.2f}, "
          f"reasons {[str(r) for r in boundary.reasons]}")
print("\nsegments:")
for seg in doc.segments:
    first_line = seg.text.strip().splitlines()[0] if seg.text.strip() else ""
    print(f"  {seg.kind.value:<11} {seg.start:>6}:{seg.end:<6} article={seg.article} "
          f"{seg.language or '-':<3} {first_line[:60]!r}")
