"""Training material for the fitted models, read from ``../shared`` (never copied here).

Each loader yields :class:`LabelledDoc`: a text and, for each of its lines, a label (or
None where the gold says either answer is right). Labels are per character range; the
paragraph label is the label of most of its characters.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import statistics
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from held_back import held_back, record_key

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
DEV = SHARED / "dev"

CONTENT, CHROME, ARTIFACT = "content", "chrome", "artifact"
# One record in this many of each corpus (by a CRC of its id) is kept out of every fit and
# only validates: the line model's operating point is chosen on those of the labelled pages,
# the start model's decoder on concatenations of those of every source.
VALIDATION_EVERY = 5
CLASSES = (CONTENT, CHROME, ARTIFACT)


@dataclass(frozen=True)
class LabelledDoc:
    """A document with labelled character ranges: (start, end, label, sub-label)."""

    source: str
    id: str
    text: str
    ranges: tuple[tuple[int, int, str, str], ...]


def validation_record(source: str, record_id: str) -> bool:
    """Whether record ``record_id`` of corpus ``source`` only validates (is never fitted on):
    one in VALIDATION_EVERY by a CRC of its id; for ``news-multi`` of its posting date, so that
    a post and its translations stand on the same side (`held_back.record_key`)."""
    return zlib.crc32(record_key(source, record_id).encode("utf-8")) % VALIDATION_EVERY == 0


Counts = tuple[int, int, int]
"""One document's boundary counts: starts right, starts wrong, starts missed."""


def pooled_f1(counts: Sequence[Counts]) -> float:
    """Boundary F1 of documents pooled (their counts added)."""
    tp, fp, fn = (sum(c[k] for c in counts) for k in range(3))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def paired_difference(a: Mapping[str, Sequence[Counts]], b: Mapping[str, Sequence[Counts]],
                      draws: int = 1000) -> tuple[float, float]:
    """How far ``b``'s mean over the sets of pooled F1 lies above ``a``'s (each set's documents
    the same for both, in the same order), and the standard error of that difference: the
    documents of each set resampled ``draws`` times, the same resample for both (a paired
    bootstrap, fixed seed), so what both get right or wrong alike adds no noise."""
    rng = random.Random(0)
    observed = sum(pooled_f1(b[k]) - pooled_f1(a[k]) for k in a) / len(a)
    values = []
    for _ in range(draws):
        total = 0.0
        for k in a:
            pick = [rng.randrange(len(a[k])) for _ in a[k]]
            total += pooled_f1([b[k][i] for i in pick]) - pooled_f1([a[k][i] for i in pick])
        values.append(total / len(a))
    return observed, statistics.stdev(values)


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
        rows = [row for row in map(json.loads, f) if not held_back(name, str(row.get("id")))]
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


_MARK_RE = re.compile(r"^(?:#{1,6}\s+|\*\*(?=\S)|__(?=\S))")
_MARK_END_RE = re.compile(r"(?<=\S)(?:\*\*|__)\s*$")


def flatten_layout(doc: LabelledDoc, rng: random.Random) -> LabelledDoc:
    """``doc`` as many extractors leave a page: one paragraph a line, no blank lines, and
    heading marks (``#``, bold) dropped, so that bare section headings stand among prose.

    Labels follow their characters (the ranges are mapped through the edit). Code blocks are
    left as they are; ``rng`` chooses whether marks go (in half the documents) so both kinds
    of bare layout are seen.
    """
    strip = rng.random() < 0.5
    label = [None] * len(doc.text)  # per character: (label, sub-label) or None
    for a, b, lab, sub in doc.ranges:
        label[a:b] = [(lab, sub)] * (b - a)
    out: list[str] = []
    out_labels: list[tuple[str, str] | None] = []
    pos = 0
    fenced = False
    for raw in doc.text.split("\n"):
        start, pos = pos, pos + len(raw) + 1
        if not raw.strip():
            if fenced:
                out.append("\n")
                out_labels.append(label[start - 1] if start else None)
            continue
        if raw.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        a, b = 0, len(raw)
        if strip and not fenced:
            m = _MARK_RE.match(raw)
            if m:
                a = m.end()
            e = _MARK_END_RE.search(raw, a)
            if e and m and m.group().startswith(("**", "__")):
                b = e.start()
        out.append(raw[a:b] + "\n")
        out_labels.extend(label[start + a:start + b])
        out_labels.append(label[start + b] if start + b < len(label) else label[start + b - 1])
    text = "".join(out).rstrip("\n")
    out_labels = out_labels[:len(text)]
    ranges: list[tuple[int, int, str, str]] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and out_labels[j] == out_labels[i]:
            j += 1
        if out_labels[i] is not None:
            lab, sub = out_labels[i]  # type: ignore[misc]
            ranges.append((i, j, lab, sub))
        i = j
    return LabelledDoc(doc.source, doc.id + "|flat", text, tuple(ranges))


# A line of images only: Markdown images (bare or inside a link) or HTML image tags. This
# project's annotation types such a line boilerplate (every one in dev/ half A is), while the
# corpora's records keep it in their text, which the loaders label content.
_IMAGE = r"(?:\[!\[[^\]\n]*\]\([^)\n]*\)\]\([^)\n]*\)|!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^>\n]*>)"
_IMAGE_LINE_RE = re.compile(rf"^[ \t]*{_IMAGE}(?:[ \t]*{_IMAGE})*[ \t\r]*$", re.MULTILINE | re.IGNORECASE)


def images_chrome(doc: LabelledDoc) -> LabelledDoc:
    """``doc`` with its lines of images only relabelled chrome (sub-label "image"), as dev/ has them."""
    lines = [(m.start(), m.end()) for m in _IMAGE_LINE_RE.finditer(doc.text)]
    if not lines:
        return doc
    ranges: list[tuple[int, int, str, str]] = []
    for a, b, lab, sub in doc.ranges:
        if lab != CONTENT:
            ranges.append((a, b, lab, sub))
            continue
        pos = a
        for s, e in lines:
            if s < pos or e > b:
                continue
            if s > pos:
                ranges.append((pos, s, lab, sub))
            ranges.append((s, e, CHROME, "image"))
            pos = e
        if pos < b:
            ranges.append((pos, b, lab, sub))
    return LabelledDoc(doc.source, doc.id, doc.text, tuple(ranges))


def flatten_some(docs: list[LabelledDoc], share: float, seed: str) -> list[LabelledDoc]:
    """``docs`` with a deterministic ``share`` of them in `flatten_layout`'s bare layout."""
    rng = random.Random(f"flat:{seed}")
    return [flatten_layout(d, rng) if rng.random() < share else d for d in docs]


def glue_some(docs: list[LabelledDoc], share: float, seed: str) -> list[LabelledDoc]:
    """``docs`` with a deterministic ``share`` of them glued to the one or two after them (a
    blank line or a line break between), labels carried over: residue then stands between
    texts, as in a scraped page of several answers, not only at a document's edges."""
    rng = random.Random(f"glue:{seed}")
    out: list[LabelledDoc] = []
    i = 0
    while i < len(docs):
        k = rng.choice((2, 3)) if rng.random() < share else 1
        parts = docs[i : i + k]
        i += k
        if len(parts) == 1:
            out.append(parts[0])
            continue
        text = ""
        ranges: list[tuple[int, int, str, str]] = []
        for j, part in enumerate(parts):
            if j:
                text += rng.choice(("\n\n", "\n\n", "\n"))
            base = len(text)
            ranges += [(a + base, b + base, lab, sub) for a, b, lab, sub in part.ranges]
            text += part.text
        out.append(LabelledDoc(parts[0].source, "+".join(p.id for p in parts), text, tuple(ranges)))
    return out


def held_back_models() -> set[str]:
    """Chat models never used in fitting: every fifth by sorted name (benchmarks/residue.py
    scores these)."""
    return set(llm_models()[::5])


def _front_value(value: object) -> str:
    """A record field as a front-matter value: quoted when it holds a colon, quote or "#"."""
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return json.dumps(text, ensure_ascii=False) if any(c in text for c in ":\"'#") else text


def front_matter(row: dict[str, object], rng: random.Random) -> list[str]:
    """The lines of a front-matter block made from a record's own fields (title, date,
    authors, address), in a shuffled order between two fences."""
    fields = [("title", row.get("title")), ("date", row.get("date")),
              ("authors", row.get("authors")), ("url", row.get("url")),
              ("layout", "post")]
    keyed = [f"{k}: {_front_value(v)}" for k, v in fields if v]
    rng.shuffle(keyed)
    fence = "---" if rng.random() < 0.8 else "+++"
    return [fence, *keyed, fence]


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
            block = front_matter(row, rng)
            pos = 0
            for line in block:
                title_line = line.startswith("title: ")
                ranges.append((pos, pos + len(line), CONTENT if title_line else CHROME,
                               "title" if title_line else "boilerplate"))
                pos += len(line) + 1
            head = "\n".join(block) + ("\n\n" if rng.random() < 0.6 else "\n")
            text = head + body
            ranges.append((len(head), len(text), CONTENT, "body"))
        else:
            text = f"{title}\n\n{body}" if title and rng.random() < 0.7 else body
            ranges.append((0, len(text), CONTENT, "body"))
        yield LabelledDoc("posts", str(row.get("id")), text, tuple(ranges))
