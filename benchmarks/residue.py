"""Assistant residue in real chat-model responses of models held back from fitting.

    python benchmarks/residue.py [--all-models] [--n N] [--json FILE]

``corpora/llm-articles.jsonl.gz`` holds responses of 116 chat models with the preamble and
sign-off a heuristic found (about 5% wrong). ``training/fit_lines.py`` never fits on every
fifth model (sorted by name); this scores those: the share of preamble/sign-off characters
typed ``artifact`` (residue recall), the share of other characters typed content, and how
many responses gain a false article start.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

import corpus_split as cs
from _common import SHARED, need, write_json

LLM = SHARED / "corpora" / "llm-articles.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all-models", action="store_true", help="score every model (in-sample)")
    parser.add_argument("--n", type=int, default=0, help="at most this many responses (0: all)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    need(LLM, "the chat-model responses")
    with gzip.open(LLM, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    models = sorted({r.get("model") or "" for r in rows})
    held = set(models[::5])
    chosen = [r for r in rows if args.all_models or (r.get("model") or "") in held]
    if args.n:
        chosen = chosen[: args.n]
    c: Counter[str] = Counter()
    started = time.perf_counter()
    cut = 0
    for r in chosen:
        text = r["text"]
        doc = cs.split(text)
        kind = [None] * len(text)
        for seg in doc.segments:
            for i in range(seg.start, seg.end):
                kind[i] = seg.kind
        residue = [False] * len(text)
        for key in ("preamble", "signoff"):
            part = (r.get(key) or "").strip()
            at = (text.find(part) if key == "preamble" else text.rfind(part)) if part else -1
            if at >= 0:
                for i in range(at, at + len(part)):
                    residue[i] = True
        for i, ch in enumerate(text):
            if ch.isspace():
                continue
            if residue[i]:
                c["residue"] += 1
                c["residue_found"] += kind[i] is cs.Kind.ARTIFACT
            else:
                c["other"] += 1
                c["other_content"] += kind[i] in cs.CONTENT_KINDS
        cut += len(doc.articles) > 1
    recall = c["residue_found"] / max(1, c["residue"])
    kept = c["other_content"] / max(1, c["other"])
    label = "every model (in-sample)" if args.all_models else f"{len(held)} held-back models"
    print(f"{len(chosen)} responses of {label} ({time.perf_counter() - started:.1f} s)")
    print(f"residue recall {recall:.3f}  other text kept as content {kept:.3f}  "
          f"responses cut into several articles {cut}")
    write_json(args.json, {"responses": len(chosen), "residue_recall": recall, "content_kept": kept,
                           "cut": cut})


if __name__ == "__main__":
    main()
