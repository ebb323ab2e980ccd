"""Single structured documents, each alone: is any of them cut, and at what kind of line?

    python benchmarks/singles.py [--n 300] [--json FILE]

A real Markdown post, wiki page or chat-model answer is one article: every start ``split()``
finds in one is false (issue 13: a section heading, list item, numbered step, table row,
quotation or code line of one article is never a start). Sources, ``--n`` documents each,
in file order:

* ``llm``: answers of the chat models no model is fitted on (every fifth by sorted name, as
  in ``residue.py``), as they are: held back;
* ``web-misc`` (how-to notes, a project blog, recipes) and ``wiki`` (a technical wiki's
  pages), each with its title on a line of its own above its text, plain (``plain``) or
  marked as a Markdown heading (``# ``): the records ``training/common.validation_record``
  keeps out of every fit, past the first 1,000 lines of each file (screens of earlier
  sessions read the records at the top of the files). No model is fitted on them, but
  ``training/fit_starts.py`` chooses its decoder's settings on concatenations of all the
  validation records, so these figures are held back from fitting, not from every choice.

Printed per source: documents, the share cut anywhere, starts per 100 documents, and the
starts by the line they fall on (Markdown heading, bold line, numbered item, list item,
table, quotation or code line, any other line).
"""

from __future__ import annotations

import gzip
import json
import time
from collections import Counter
from collections.abc import Iterator

import corpus_split as cs
from _common import SHARED, arguments, held_back_models, need, validation_record, write_json

CORPORA = SHARED / "corpora"
SKIP_LINES = 1000  # the first lines of web-misc and wiki, which screens have read
KINDS = ("heading", "bold", "numbered", "list", "block", "other")


def line_kind(line: str) -> str:
    """What kind of line a false start falls on (`KINDS`)."""
    if line.startswith("#") and line.lstrip("#")[:1] == " ":
        return "heading"
    if line.startswith(("**", "__")):
        return "bold"
    if line[:1].isdigit():
        return "numbered"
    if line[:2] in ("- ", "* ", "+ ", "• "):
        return "list"
    if line.startswith(("|", ">", "```", "~~~")):
        return "block"
    return "other"


def documents(name: str, n: int) -> Iterator[tuple[str, str]]:
    """(row label, text) of up to ``n`` documents of source ``name``, each in every layout."""
    if name == "llm":
        held = held_back_models()
        with gzip.open(CORPORA / "llm-articles.jsonl.gz", "rt", encoding="utf-8") as f:
            rows = (json.loads(line) for line in f)
            chosen = [r for r in rows if (r.get("model") or "") in held]
        for r in chosen[:n]:
            yield "llm", r["text"]
        return
    file = {"web-misc": "web-misc.jsonl.gz", "wiki": "wiki-sections.jsonl.gz"}[name]
    picked = []
    with gzip.open(CORPORA / file, "rt", encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k < SKIP_LINES:
                continue
            r = json.loads(line)
            if r.get("title") and validation_record(file, str(r["id"])):
                picked.append(r)
                if len(picked) >= n:
                    break
    for r in picked:
        yield f"{name} plain", f"{r['title']}\n\n{r['text']}"
        yield f"{name} # ", f"# {r['title']}\n\n{r['text']}"


def main() -> None:
    args = arguments(__doc__ or "", n=300)
    need(CORPORA / "llm-articles.jsonl.gz", "the chat-model answers")
    docs: Counter[str] = Counter()
    cut: Counter[str] = Counter()
    starts: Counter[tuple[str, str]] = Counter()
    started = time.perf_counter()
    for name in ("llm", "web-misc", "wiki"):
        for row, text in documents(name, args.n):
            doc = cs.split(text)
            docs[row] += 1
            cut[row] += len(doc.articles) > 1
            for article in doc.articles[1:]:
                end = doc.text.find("\n", article.start)
                starts[(row, line_kind(doc.text[article.start: end if end >= 0 else None]))] += 1
    print(f"single documents, {args.n} a source at most ({time.perf_counter() - started:.1f} s)\n")
    print(f"{'':<15} {'docs':>5} {'cut':>6} {'starts/100':>10}  " + " ".join(f"{k:>8}" for k in KINDS))
    figures = {}
    for row in docs:
        n = docs[row]
        total = sum(starts[(row, k)] for k in KINDS)
        print(f"{row:<15} {n:>5} {cut[row] / n:>6.3f} {100 * total / n:>10.1f}  "
              + " ".join(f"{starts[(row, k)]:>8}" for k in KINDS))
        figures[row] = {"documents": n, "cut": cut[row] / n, "starts": total,
                        "by_line": {k: starts[(row, k)] for k in KINDS}}
    print("(cut: share cut anywhere; then starts by the line they fall on: Markdown heading, bold "
          "line, numbered item, list item, table/quotation/code line, other)")
    write_json(args.json, figures)


if __name__ == "__main__":
    main()
