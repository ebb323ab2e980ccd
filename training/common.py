"""Training material for the fitted models, read from ``../shared`` (never copied here).

Each loader yields :class:`LabelledDoc`: a text and, for each of its lines, a label (or
None where the gold says either answer is right). Labels are per character range; the
paragraph label is the label of most of its characters.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
DEV = SHARED / "dev"

CONTENT, CHROME, ARTIFACT = "content", "chrome", "artifact"
CLASSES = (CONTENT, CHROME, ARTIFACT)


@dataclass(frozen=True)
class LabelledDoc:
    """A document with labelled character ranges: (start, end, label, sub-label)."""

    source: str
    id: str
    text: str
    ranges: tuple[tuple[int, int, str, str], ...]


def dev_halves() -> dict[str, list[str]]:
    """The fixed split of ``dev/`` by document (``training/dev_split.json``)."""
    data = json.loads((ROOT / "training" / "dev_split.json").read_text(encoding="utf-8"))
    return {"A": list(data["A"]), "B": list(data["B"])}


_DEV_LABEL = {"title": CONTENT, "heading": CONTENT, "body": CONTENT, "boilerplate": CHROME,
              "links": CHROME, "noise": CHROME, "artifact": ARTIFACT}


def load_dev(half: str) -> Iterator[LabelledDoc]:
    """Dev documents of one half with their line kinds (duplicates and ``?`` unlabelled)."""
    for name in dev_halves()[half]:
        gold = json.loads((DEV / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        text = (DEV / "docs" / f"{name}.txt").read_text(encoding="utf-8")
        ranges = tuple((s["start"], s["end"], _DEV_LABEL[s["kind"]], s["kind"])
                       for s in gold["spans"] if s["kind"] in _DEV_LABEL)
        yield LabelledDoc(f"dev{half}", name, text, ranges)


def load_pages(exclude_source: str | None = None, only_source: str | None = None) -> Iterator[LabelledDoc]:
    """Web pages whose lines are labelled content or chrome by each source's own gold."""
    with gzip.open(CORPORA / "pages.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if exclude_source and row["source"] == exclude_source:
                continue
            if only_source and row["source"] != only_source:
                continue
            ranges = tuple((s, e, CONTENT if lab == "content" else CHROME, lab)
                           for s, e, lab in row["lines"] if lab != "unsure")
            yield LabelledDoc("pages/" + row["source"], str(row["id"]), row["text"], ranges)


def load_llm(models: set[str] | None = None, exclude: set[str] | None = None) -> Iterator[LabelledDoc]:
    """Chat-model responses: the found preamble and sign-off are artifact, the rest content."""
    with gzip.open(CORPORA / "llm-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            model = row.get("model") or row["source"]
            if models is not None and model not in models:
                continue
            if exclude is not None and model in exclude:
                continue
            text = row["text"]
            cuts: list[tuple[int, int, str]] = []
            for key in ("preamble", "signoff"):
                part = (row.get(key) or "").strip()
                if part:
                    at = text.find(part) if key == "preamble" else text.rfind(part)
                    if at >= 0:
                        cuts.append((at, at + len(part), key))
            ranges: list[tuple[int, int, str, str]] = []
            pos = 0
            for a, b, key in sorted(cuts):
                if a < pos:
                    continue
                if a > pos:
                    ranges.append((pos, a, CONTENT, "body"))
                ranges.append((a, b, ARTIFACT, key))
                pos = b
            ranges.append((pos, len(text), CONTENT, "body"))
            yield LabelledDoc("llm", str(row["id"]) + "|" + model, text, tuple(ranges))


def llm_models() -> list[str]:
    """Every chat model of the responses corpus, sorted."""
    with gzip.open(CORPORA / "llm-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        return sorted({(json.loads(line).get("model") or "") for line in f})


def load_excerpts(name: str, count: int, seed: int = 0) -> Iterator[LabelledDoc]:
    """Short documents cut from the head of real articles: a title (or not) and 1-4 paragraphs.

    All content. Web pages are long, so without these a two-line document would look like a
    page's chrome to the model; excerpts teach it that a short text standing alone is text.
    """
    rng = random.Random(f"{name}:{seed}")
    with gzip.open(CORPORA / name, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    rng.shuffle(rows)
    made = 0
    for row in rows:
        paras = [p.strip() for p in (row.get("text") or "").split("\n\n") if p.strip()]
        if not paras:
            continue
        k = rng.randint(1, 4)
        title = (row.get("title") or "").strip()
        parts = ([title] if title and rng.random() < 0.7 else []) + paras[:k]
        sep = "\n\n" if rng.random() < 0.7 else "\n"
        text = sep.join(parts)
        yield LabelledDoc(name, str(row.get("id")), text, ((0, len(text), CONTENT, "body"),))
        made += 1
        if made >= count:
            return


def held_back_models() -> set[str]:
    """Chat models never used in fitting: every fifth by sorted name (benchmarks/residue.py
    scores these)."""
    return set(llm_models()[::5])


def _front_value(value: object) -> str:
    """A record field as a front-matter value: quoted when it holds a colon, quote or "#"."""
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return json.dumps(text, ensure_ascii=False) if any(c in text for c in ":\"'#") else text


def load_posts(count: int, seed: int = 0) -> Iterator[LabelledDoc]:
    """Whole blog and how-to posts (``corpora/web-misc``) as extraction leaves them: all
    content, code blocks and program output included.

    Extraction often drops code fences, so half the posts lose them (the code and its output
    stand as bare lines among the prose). A third carry front matter made from the record's
    own fields (title, date, authors, address), labelled chrome but for the title line, which
    is the post's title, as Markdown posts do.
    """
    rng = random.Random(f"posts:{seed}")
    with gzip.open(CORPORA / "web-misc.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    rng.shuffle(rows)
    for row in rows[:count]:
        body = (row.get("text") or "").strip()
        if not body:
            continue
        if rng.random() < 0.5:
            fences = ("```", "~~~")
            body = "\n".join(line for line in body.split("\n") if not line.lstrip().startswith(fences))
        title = (row.get("title") or "").strip()
        ranges: list[tuple[int, int, str, str]] = []
        if rng.random() < 1 / 3:
            # front matter: chrome, but for its title line, which is the post's title (as dev/ has it)
            fields = [("title", row.get("title")), ("date", row.get("date")),
                      ("authors", row.get("authors")), ("url", row.get("url")),
                      ("layout", "post")]
            keyed = [f"{k}: {_front_value(v)}" for k, v in fields if v]
            rng.shuffle(keyed)
            fence = "---" if rng.random() < 0.8 else "+++"
            pos = 0
            for line in [fence, *keyed, fence]:
                title_line = line.startswith("title: ")
                ranges.append((pos, pos + len(line), CONTENT if title_line else CHROME,
                               "title" if title_line else "boilerplate"))
                pos += len(line) + 1
            head = "\n".join([fence, *keyed, fence]) + ("\n\n" if rng.random() < 0.6 else "\n")
            text = head + body
            ranges.append((len(head), len(text), CONTENT, "body"))
        else:
            text = f"{title}\n\n{body}" if title and rng.random() < 0.7 else body
            ranges.append((0, len(text), CONTENT, "body"))
        yield LabelledDoc("posts", str(row.get("id")), text, tuple(ranges))
