"""The public data model: kinds, segments, articles, boundaries and the document.

Every object here is a frozen, slotted dataclass, so results can be hashed, shared
between threads and compared in tests. Offsets always count characters of
``Document.text`` (the input as given), never of the repaired text.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import pandas as pd

    from .export import ArticleRecord, SegmentRecord
    from .repair import Repaired

__all__ = ["CONTENT_KINDS", "Article", "Boundary", "Document", "Kind", "Reason", "Segment"]

_T = TypeVar("_T")


def _generated(source: str, name: str, filename: str, scope: dict[str, Any] | None = None) -> Any:
    """The function ``name`` that ``source`` (generated code, from checked numbers and names
    only) defines, run in ``scope``; ``filename`` names it in tracebacks and profiles. The
    stages' hot loops (constructors, the fitted models' sums) are written out this way."""
    namespace: dict[str, Any] = {} if scope is None else scope
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]


def _positional(cls: type[_T]) -> Callable[..., _T]:
    """A constructor of the frozen, slotted dataclass ``cls`` that takes every field, in order.

    It makes the object ``cls(*values)`` makes, storing each value through its slot rather
    than by the generated ``__init__``'s ``object.__setattr__`` call per field, at about half
    the cost: the stages make tens of thousands of lines, units and scores a megabyte. Only
    for classes whose ``__init__`` does nothing more (no ``__post_init__``, no init-only field).
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or any(not f.init for f in fields(cls)):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__name__} does more on construction than store its fields")
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    scope.update((f"_set{i}", getattr(cls, name).__set__) for i, name in enumerate(names))
    args = ", ".join(f"v{i}" for i in range(len(names)))
    stores = "".join(f"    _set{i}(obj, v{i})\n" for i in range(len(names)))
    make: Callable[..., _T] = _generated(f"def make({args}):\n    obj = _new(_cls)\n{stores}    return obj\n",
                                         "make", f"<{cls.__name__} constructor>", scope)
    return make


class Kind(str, Enum):
    """What a piece of a document is."""

    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    BOILERPLATE = "boilerplate"
    LINKS = "links"
    NOISE = "noise"
    ARTIFACT = "artifact"
    DUPLICATE = "duplicate"

    def __str__(self) -> str:
        return self.value


CONTENT_KINDS: frozenset[Kind] = frozenset({Kind.TITLE, Kind.HEADING, Kind.BODY})
"""The kinds that make up an article's own text (its ``clean_text``)."""


class Reason(str, Enum):
    """Why an article was judged to start where it does."""

    DOCUMENT_START = "document_start"
    HEADLINE = "headline"
    SEPARATOR = "separator"
    VOCABULARY_SHIFT = "vocabulary_shift"
    TITLE_TERMS_BELOW = "title_terms_below"
    ASSISTANT_PREAMBLE = "assistant_preamble"
    AFTER_SIGN_OFF = "after_sign_off"
    SPLICE = "splice"
    NO_BLANK_LINE = "no_blank_line"
    POST = "post"  # a post of a comment or forum thread, after its furniture (name, date)
    FRONT_MATTER = "front_matter"  # a Markdown post's front matter (keys between fences) heads it
    LANGUAGE_CHANGE = "language_change"  # the text after it is in another language than the text before

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the document that has one kind; segments tile ``Document.text``."""

    kind: Kind
    start: int
    end: int
    text: str
    article: int | None = None
    language: str | None = None

    def __repr__(self) -> str:
        preview = self.text.strip()
        if len(preview) > 40:
            preview = preview[:37] + "..."
        return (
            f"Segment({self.kind.value}, {self.start}:{self.end}, article={self.article}, "
            f"language={self.language!r}, {preview!r})"
        )


@dataclass(frozen=True, slots=True)
class Boundary:
    """Where an article after the first starts, how sure we are, and why."""

    offset: int
    score: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Article:
    """One article recovered from the document.

    ``text`` is the raw input between ``start`` and ``end`` (chrome inside it
    included); ``clean_text`` holds only its repaired title, headings and body.
    """

    index: int
    start: int
    end: int
    text: str
    title: str | None
    language: str | None
    segments: tuple[Segment, ...]
    clean_text: str

    def __repr__(self) -> str:
        return (
            f"Article(index={self.index}, {self.start}:{self.end}, title={self.title!r}, "
            f"language={self.language!r}, segments={len(self.segments)})"
        )

    def _repr_html_(self) -> str:
        """The article with its segments coloured by kind (Jupyter's rich display)."""
        from .render import article_html

        return article_html(self)


@dataclass(frozen=True, slots=True)
class Document:
    """The result of `corpus_split.split`: the input, its pieces and its articles."""

    text: str
    encoding: str | None
    segments: tuple[Segment, ...]
    articles: tuple[Article, ...]
    boundaries: tuple[Boundary, ...]
    repaired: Repaired

    def __repr__(self) -> str:
        return (
            f"Document(chars={len(self.text)}, encoding={self.encoding!r}, "
            f"segments={len(self.segments)}, articles={len(self.articles)})"
        )

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Pickle compactly (worker processes send Documents back): segment and article
        # texts are slices of ``text`` and are cut again on arrival.
        segments = tuple((s.kind.value, s.start, s.end, s.article, s.language) for s in self.segments)
        articles = tuple(
            (a.index, a.start, a.end, a.title, a.language, a.clean_text) for a in self.articles
        )
        state = (self.text, self.encoding, segments, articles, self.boundaries, self.repaired)
        return _rebuild_document, state

    def _repr_html_(self) -> str:
        """The text with segments coloured by kind (Jupyter's rich display).

        See ``corpus_split.render.document_html`` for options and a standalone page.
        """
        from .render import document_html

        return document_html(self)

    def to_records(self) -> list[SegmentRecord]:
        """One JSON-ready dict per segment (see ``corpus_split.export.segment_records``)."""
        from .export import segment_records

        return segment_records(self)

    def articles_to_records(self) -> list[ArticleRecord]:
        """One JSON-ready dict per article (see ``corpus_split.export.article_records``)."""
        from .export import article_records

        return article_records(self)

    def to_pandas(self) -> pd.DataFrame:
        """A pandas DataFrame with one row per segment.

        See ``corpus_split.export.segments_to_pandas``.

        Raises:
            ImportError: pandas is not installed (``pip install 'corpus_split[pandas]'``).
        """
        from .export import segments_to_pandas

        return segments_to_pandas(self)

    def articles_to_pandas(self) -> pd.DataFrame:
        """A pandas DataFrame with one row per article.

        See ``corpus_split.export.articles_to_pandas``.

        Raises:
            ImportError: pandas is not installed (``pip install 'corpus_split[pandas]'``).
        """
        from .export import articles_to_pandas

        return articles_to_pandas(self)


def _rebuild_document(
    text: str,
    encoding: str | None,
    segments: tuple[tuple[str, int, int, int | None, str | None], ...],
    articles: tuple[tuple[int, int, int, str | None, str | None, str], ...],
    boundaries: tuple[Boundary, ...],
    repaired: Repaired,
) -> Document:
    """Inverse of ``Document.__reduce__``."""
    segs = tuple(Segment(Kind(k), s, e, text[s:e], art, lang) for k, s, e, art, lang in segments)
    starts = [seg.start for seg in segs]
    arts = tuple(
        Article(i, s, e, text[s:e], title, lang,
                segs[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)], clean)
        for i, s, e, title, lang, clean in articles
    )
    return Document(text, encoding, segs, arts, boundaries, repaired)
