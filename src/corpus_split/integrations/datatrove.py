"""A datatrove pipeline step that turns each document into one document per article.

Needs the ``datatrove`` extra (``pip install 'corpus_split[datatrove]'``). Use it between a
reader and a writer:

```python
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter
from corpus_split.integrations.datatrove import SplitArticles

LocalPipelineExecutor(
    [JsonlReader("in/"), SplitArticles(), JsonlWriter("out/")], tasks=4
).run()
```
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..config import Config
from ..model import CONTENT_KINDS, Article, Document, Kind
from ..pipeline import split
from ..repair import _check_config

try:
    from datatrove.data import Document as DatatroveDocument
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "corpus_split.integrations.datatrove needs datatrove, which corpus_split does not "
        "install by default; install the 'datatrove' extra: pip install 'corpus_split[datatrove]'"
    ) from exc

__all__ = ["LINEAGE_KEYS", "SplitArticles"]

LINEAGE_KEYS = ("parent_id", "article_index", "article_count", "title", "language", "start", "end",
                "kinds")
"""The metadata keys `SplitArticles` sets on each article document."""


class SplitArticles(PipelineStep):  # type: ignore[misc]
    """Replace each datatrove document by its articles, so later steps see whole articles.

    Each article becomes a document with id ``"<parent id>#<article index>"``, the
    parent's metadata (copied) and these keys, which override parent keys of the same name:

    - ``parent_id``: the input document's id; ``article_index``: the article's index
      among the input's articles; ``article_count``: how many the input had.
    - ``title`` and ``language`` (ISO 639-1) of the article, or ``None``.
    - ``start`` and ``end``: the article's character offsets in the input text.
    - ``kinds``: the segment kinds that make up the text, sorted.

    The text is the article's ``clean_text`` (repaired title, headings and body) by
    default; with other ``kinds``, the repaired text of the article's segments of those
    kinds, in order, stripped. Articles whose text has fewer than ``min_chars``
    characters are dropped, so are inputs with no article (blank text). Media stay with
    the input document.
    """

    name = "✂️ corpus_split articles"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        config: Config | None = None,
        *,
        kinds: Iterable[Kind | str] = CONTENT_KINDS,
        min_chars: int = 1,
    ) -> None:
        """Check the arguments now, so that a bad one fails before any task starts.

        Args:
            config: the settings `split` uses (the defaults when None).
            kinds: the segment kinds whose text makes up each article document.
            min_chars: articles whose text is shorter are dropped.

        Raises:
            TypeError: ``config`` is not a `Config`.
            ValueError: no kind, an unknown kind, or ``min_chars`` not an int >= 0.
        """
        super().__init__()
        self.config = _check_config(config)
        self.kinds = frozenset(Kind(k) for k in ([kinds] if isinstance(kinds, str) else kinds))
        if not self.kinds:
            raise ValueError("kinds must name at least one kind")
        if isinstance(min_chars, bool) or not isinstance(min_chars, int) or min_chars < 0:
            raise ValueError(f"min_chars must be an int >= 0, not {min_chars!r}")
        self.min_chars = min_chars

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Yield the article documents of every input document, in order."""
        for parent in data or ():
            self.stat_update("documents")
            with self.track_time():
                children = list(self.articles(parent))
            if not children:
                self.stat_update("documents_without_articles")
            for child in children:
                self.stat_update("articles")
                self.update_doc_stats(child)
                yield child

    def articles(self, parent: DatatroveDocument) -> Iterable[DatatroveDocument]:
        """The article documents of one input document (what `run` yields for it)."""
        doc = split(parent.text, config=self.config)
        kinds = sorted(k.value for k in self.kinds)
        for article in doc.articles:
            text = self._text(doc, article)
            if len(text) < self.min_chars:
                self.stat_update("articles_dropped_short")
                continue
            metadata: dict[str, Any] = dict(parent.metadata)
            metadata.update(
                parent_id=parent.id,
                article_index=article.index,
                article_count=len(doc.articles),
                title=article.title,
                language=article.language,
                start=article.start,
                end=article.end,
                kinds=kinds,
            )
            yield DatatroveDocument(text=text, id=f"{parent.id}#{article.index}", metadata=metadata)

    def _text(self, doc: Document, article: Article) -> str:
        if self.kinds == CONTENT_KINDS:
            return article.clean_text
        repaired = doc.repaired
        return "".join(
            repaired.text[repaired.to_repaired(s.start) : repaired.to_repaired(s.end)]
            for s in article.segments
            if s.kind in self.kinds
        ).strip()
