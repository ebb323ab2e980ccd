"""ETL over a folder of scraped .txt files: keep whole articles, write them as JSON Lines.

Each output line is one kept article: its source file, index, offsets into that
file's text, title, language and ``clean_text`` (repaired title, headings and body
only). Articles shorter than ``--min-chars`` or in a language not listed in
``--languages`` are dropped.

    python examples/etl.py examples/seeds articles.jsonl --min-chars 500 --languages en
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import corpus_split as cs


def kept_articles(
    path: Path, *, min_chars: int, languages: frozenset[str] | None, config: cs.Config
) -> Iterator[dict[str, Any]]:
    """The articles of one file worth keeping, as JSON-ready dicts."""
    doc = cs.split(path.read_bytes(), config=config)
    for article in doc.articles:
        if len(article.clean_text) < min_chars:
            continue
        if languages is not None and article.language not in languages:
            continue
        yield {
            "source": path.name,
            "article": article.index,
            "start": article.start,
            "end": article.end,
            "title": article.title,
            "language": article.language,
            "text": article.clean_text,
        }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ETL; returns the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("input", type=Path, help="folder of .txt files (searched recursively)")
    parser.add_argument("output", type=Path, help="JSON Lines file to write")
    parser.add_argument("--min-chars", type=int, default=200, help="drop shorter articles")
    parser.add_argument("--languages", default=None, help="comma-separated codes to keep, e.g. en,de")
    parser.add_argument("--sensitivity", type=float, default=0.5, help="boundary sensitivity in [0, 1]")
    args = parser.parse_args(argv)

    files = sorted(args.input.rglob("*.txt"))
    if not files:
        parser.error(f"no .txt files under {args.input}")
    languages = frozenset(args.languages.split(",")) if args.languages else None
    config = cs.Config(sensitivity=args.sensitivity)

    kept = 0
    with args.output.open("w", encoding="utf-8") as out:
        for path in files:
            for record in kept_articles(
                path, min_chars=args.min_chars, languages=languages, config=config
            ):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                kept += 1
    print(f"{kept} articles from {len(files)} files -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
