"""Build the public objects, mapping repaired-text positions back to the input in one place.

Every earlier stage works in coordinates of the repaired text; here each piece's
start is mapped once through `Repaired.to_source`, pieces become segments
that tile the input exactly (whitespace going to the piece before), and
articles take their ranges from the same mapped starts.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from operator import ne, or_

from .frontmatter import front_matter_value
from .kinds import LineKinds, normalise_title
from .lines import Layout
from .model import CONTENT_KINDS, Article, Boundary, Document, Kind, Reason, Segment, _positional
from .repair import Repaired

__all__ = ["build_document"]

_new_segment = _positional(Segment)  # Segment(*every field), at half the cost: many a page


def _changes(*columns: Sequence[object]) -> Iterator[int]:
    """The indices (from 1) where any of the equally long ``columns`` differs from the item
    above: compared column by column in C, since a tuple a row would be one more object a
    line for the cycle collector to track."""
    changed = map(ne, columns[0][1:], columns[0][:-1])
    for column in columns[1:]:
        changed = map(or_, changed, map(ne, column[1:], column[:-1]))
    return itertools.compress(range(1, len(columns[0])), changed)


def build_document(
    repaired: Repaired,
    encoding: str | None,
    layout: Layout,
    line_kinds: LineKinds,
    languages: Sequence[str | None],
    article_languages: Sequence[str | None],
    boundary_evidence: Sequence[tuple[float, tuple[Reason, ...]]],
) -> Document:
    """Assemble segments, articles and boundaries in input coordinates."""
    source = repaired.source
    lines = layout.lines
    kinds = line_kinds.kinds

    # 0. keep the articles that have content and renumber them
    kept: dict[int, int] = {}
    kept_ranges: list[tuple[int, int, int]] = []  # per kept article: first line, last line, range
    for k, (first, last) in enumerate(line_kinds.ranges):
        if any(line_kinds.articles[i] == k and kinds[i] in CONTENT_KINDS for i in range(first, last + 1)):
            kept[k] = len(kept_ranges)
            kept_ranges.append((first, last, k))
    arts = [None if a is None else kept.get(a) for a in line_kinds.articles]

    # 1. pieces: runs of lines sharing kind, article and language; articles start a piece
    # (a line opens one where its kind, article or language is not the line above's)
    opens = sorted({*_changes(kinds, arts, languages),
                    *(first for first, _, _ in kept_ranges), *([0] if lines else [])})
    piece_lines = list(zip(opens, [o - 1 for o in opens[1:]] + [len(lines) - 1]))

    # 2. map each piece start to the input once; segments tile the input. A piece the
    # repair map collapses to nothing joins the segment after it (before it, at the end);
    # if it was content and that segment is not, the segment takes its kind, so that
    # an article keeps a content segment.
    starts = [0 if p == 0 else repaired.to_source(lines[a].start) for p, (a, _) in enumerate(piece_lines)]
    owner: list[int] = []  # piece -> the piece whose segment holds it
    kept_pieces: list[int] = []
    for p in range(len(piece_lines)):
        e = starts[p + 1] if p + 1 < len(starts) else len(source)
        if e > starts[p]:
            kept_pieces.append(p)
    following = kept_pieces[-1] if kept_pieces else -1
    owner = [0] * len(piece_lines)
    for p in range(len(piece_lines) - 1, -1, -1):
        e = starts[p + 1] if p + 1 < len(starts) else len(source)
        if e > starts[p]:
            following = p
        owner[p] = following
    label = {p: piece_lines[p][0] for p in kept_pieces}  # the line whose kind a segment takes
    for p, o in enumerate(owner):
        if o >= 0 and o != p and kinds[piece_lines[p][0]] in CONTENT_KINDS and (
            kinds[label[o]] not in CONTENT_KINDS
        ):
            label[o] = piece_lines[p][0]
    segments: list[Segment] = []
    seg_index: dict[int, int] = {}
    for p in kept_pieces:
        s = starts[p]
        e = starts[p + 1] if p + 1 < len(starts) else len(source)
        a = label[p]
        seg_index[p] = len(segments)
        segments.append(_new_segment(kinds[a], s, e, source[s:e], arts[a], languages[a]))
    if not segments and source:
        segments.append(Segment(Kind.NOISE, 0, len(source), source, None, None))

    def segment_of(line: int) -> int:
        """The segment holding a line: its piece's owner's."""
        return seg_index.get(owner[bisect_right(opens, line) - 1], 0)

    # 3. articles over the same mapped offsets
    seg_starts = [s.start for s in segments]
    articles: list[Article] = []
    boundaries: list[Boundary] = []
    front_title = layout.front_matter.is_title
    for index, (first, last, k) in enumerate(kept_ranges):
        start = segments[segment_of(first)].start
        end = min(len(source), max(start + 1, repaired.to_source(lines[last].end)))
        title_line = line_kinds.title_lines[k]
        title = None
        if title_line is not None:
            title = lines[title_line].text
            if front_title(title_line):
                title = front_matter_value(title)  # "title: A B" in a post's front matter
            title = normalise_title(title)
        inside = tuple(segments[bisect_left(seg_starts, start) : bisect_left(seg_starts, end)])
        content = [i for i in range(first, last + 1) if arts[i] == index and kinds[i] in CONTENT_KINDS]
        articles.append(
            Article(
                index, start, end, source[start:end], title, article_languages[k], inside,
                _clean_text(layout, kinds, content),
            )
        )
        if index > 0:
            score, reasons = boundary_evidence[k]
            boundaries.append(Boundary(start, score, reasons))
    if not _consistent(segments, articles):
        segments, articles, boundaries = _reconcile(source, segments, articles, boundaries)
    return Document(source, encoding, tuple(segments), tuple(articles), tuple(boundaries), repaired)


def _consistent(segments: Sequence[Segment], articles: Sequence[Article]) -> bool:
    """Whether articles are disjoint, each holds content, and segments name their article."""
    for a, b in zip(articles, articles[1:]):
        if b.start < a.end:
            return False
    for art in articles:
        if not any(s.kind in CONTENT_KINDS for s in art.segments):
            return False
        if any(s.article is not None and s.article != art.index for s in art.segments):
            return False
    return True


def _reconcile(
    source: str, segments: list[Segment], articles: list[Article], boundaries: list[Boundary]
) -> tuple[list[Segment], list[Article], list[Boundary]]:
    """Make articles and segments agree where the repair map folded damaged text together.

    Inside a stretch of dense mojibake two article starts, or a content line and its
    neighbour, can map to one input offset. Then overlapping articles merge, an article
    left without content is dropped, and each segment takes the article it lies in.
    """
    merged: list[Article] = []
    for art in articles:
        if merged and art.start < merged[-1].end:
            last = merged[-1]
            end = max(last.end, art.end)
            merged[-1] = Article(
                last.index, last.start, end, source[last.start : end], last.title, last.language,
                (), "\n\n".join(t for t in (last.clean_text, art.clean_text) if t),
            )
        else:
            merged.append(art)
    starts = [seg.start for seg in segments]

    def inside(a: Article) -> list[Segment]:
        return segments[bisect_left(starts, a.start) : bisect_left(starts, a.end)]

    merged = [a for a in merged if any(seg.kind in CONTENT_KINDS for seg in inside(a))]
    art_starts = [a.start for a in merged]
    fixed: list[Segment] = []
    for seg in segments:
        k = bisect_right(art_starts, seg.start) - 1
        within = k >= 0 and seg.start < merged[k].end
        owner = k if within and (seg.article is not None or seg.kind in CONTENT_KINDS) else None
        fixed.append(_new_segment(seg.kind, seg.start, seg.end, seg.text, owner, seg.language))
    arts = [
        Article(i, a.start, a.end, a.text, a.title, a.language,
                tuple(fixed[bisect_left(starts, a.start) : bisect_left(starts, a.end)]), a.clean_text)
        for i, a in enumerate(merged)
    ]
    by_start = {b.offset: b for b in boundaries}
    bounds = [by_start.get(a.start, Boundary(a.start, 0.5, ())) for a in arts[1:]]
    return fixed, arts, bounds


def _clean_text(layout: Layout, kinds: Sequence[Kind], content: Sequence[int]) -> str:
    """Repaired title, headings and body (the lines' texts); wrapped lines rejoined, one blank
    line between paragraphs. A line cut at a splice candidate ("re|CAPTCHA", "t|RNA") whose
    two parts stayed in one article as one kind is joined back as the input had it: no
    article starts there, so the cut was no splice."""
    lines = layout.lines
    opens = layout.paragraph_starts
    body = Kind.BODY
    parts: list[str] = []  # the pieces, each after the space or blank line that precedes it
    prev = -2
    for i in content:
        line = lines[i]
        if parts:
            if prev == i - 1 and line.spliced and kinds[i] == kinds[prev]:
                # (the head was trimmed of the spaces before the cut, if any)
                parts.append("" if lines[prev].end == line.start else " ")
            elif prev == i - 1 and kinds[i] == kinds[prev] == body and not opens[i]:
                parts.append(" ")
            else:
                parts.append("\n\n")
        parts.append(line.text)
        prev = i
    return "".join(parts)
