"""Tables of a document's segments and articles: plain records and pandas DataFrames.

Records are plain ``dict`` objects holding only ``str``, ``int``, ``float``,
``None`` and ``list`` values, so ``json.dumps`` takes them as they are. The
DataFrames have one row per record and the same columns, in the same order.

pandas is optional: install it with ``pip install 'corpus_split[pandas]'``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, TypedDict

from .model import Document, Kind

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ARTICLE_COLUMNS",
    "SEGMENT_COLUMNS",
    "ArticleRecord",
    "SegmentRecord",
    "article_records",
    "articles_to_pandas",
    "segment_records",
    "segments_to_pandas",
]


class SegmentRecord(TypedDict):
    """One segment as a plain dict (see ``corpus_split.Segment``).

    Attributes:
        segment: position of the segment in ``Document.segments``.
        kind: the segment's kind, as its string value (``"body"``, ``"links"``, ...).
        start: offset of its first character in ``Document.text``.
        end: offset just past its last character.
        article: index of the article it belongs to, or ``None``.
        language: its language code, or ``None``.
        text: ``Document.text[start:end]``.
    """

    segment: int
    kind: str
    start: int
    end: int
    article: int | None
    language: str | None
    text: str


class ArticleRecord(TypedDict):
    """One article as a plain dict (see ``corpus_split.Article``).

    Attributes:
        article: the article's index in ``Document.articles``.
        start: offset of its first character in ``Document.text``.
        end: offset just past its last character.
        title: its title, or ``None``.
        language: its language code, or ``None``.
        segments: how many segments it has.
        boundary_score: the score of the boundary where it starts; ``None`` for the first.
        boundary_reasons: the reasons for that boundary (``[]`` for the first article).
        text: the raw input between ``start`` and ``end``.
        clean_text: its repaired title, headings and body only.
    """

    article: int
    start: int
    end: int
    title: str | None
    language: str | None
    segments: int
    boundary_score: float | None
    boundary_reasons: list[str]
    text: str
    clean_text: str


SEGMENT_COLUMNS: tuple[str, ...] = tuple(SegmentRecord.__annotations__)
"""The keys of a ``SegmentRecord``, in order: the columns of ``segments_to_pandas``."""

ARTICLE_COLUMNS: tuple[str, ...] = tuple(ArticleRecord.__annotations__)
"""The keys of an ``ArticleRecord``, in order: the columns of ``articles_to_pandas``."""


def segment_records(doc: Document) -> list[SegmentRecord]:
    """One JSON-ready dict per segment of ``doc``, in document order."""
    return [
        SegmentRecord(
            segment=i,
            kind=seg.kind.value,
            start=seg.start,
            end=seg.end,
            article=seg.article,
            language=seg.language,
            text=seg.text,
        )
        for i, seg in enumerate(doc.segments)
    ]


def article_records(doc: Document) -> list[ArticleRecord]:
    """One JSON-ready dict per article of ``doc``, in document order."""
    by_offset = {b.offset: b for b in doc.boundaries}
    records: list[ArticleRecord] = []
    for art in doc.articles:
        boundary = by_offset.get(art.start) if art.index > 0 else None
        records.append(
            ArticleRecord(
                article=art.index,
                start=art.start,
                end=art.end,
                title=art.title,
                language=art.language,
                segments=len(art.segments),
                boundary_score=None if boundary is None else float(boundary.score),
                boundary_reasons=[] if boundary is None else [r.value for r in boundary.reasons],
                text=art.text,
                clean_text=art.clean_text,
            )
        )
    return records


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError(
            "this needs pandas, which corpus_split does not install by default; "
            "install the 'pandas' extra: pip install 'corpus_split[pandas]'"
        ) from exc


def segments_to_pandas(doc: Document) -> pd.DataFrame:
    """A DataFrame with one row per segment and the columns of ``SEGMENT_COLUMNS``.

    ``kind`` is a categorical column whose categories are all kinds, in
    ``corpus_split.Kind`` order; ``article`` is a nullable integer column.

    Raises:
        ImportError: pandas is not installed (install the ``pandas`` extra).
    """
    pd_ = _pandas()
    frame = pd_.DataFrame(segment_records(doc), columns=list(SEGMENT_COLUMNS))
    frame["kind"] = pd_.Categorical(frame["kind"], categories=[k.value for k in Kind])
    frame["article"] = frame["article"].astype("Int64")
    return frame


def articles_to_pandas(doc: Document) -> pd.DataFrame:
    """A DataFrame with one row per article and the columns of ``ARTICLE_COLUMNS``.

    Raises:
        ImportError: pandas is not installed (install the ``pandas`` extra).
    """
    pd_ = _pandas()
    return pd_.DataFrame(article_records(doc), columns=list(ARTICLE_COLUMNS))
