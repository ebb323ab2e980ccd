"""Near-duplicate articles across a corpus: MinHash signatures, LSH look-up, stable cluster ids.

Articles are compared on word 5-gram shingles of their ``clean_text`` (case-folded; each
Chinese or Japanese character counts as a word, since those scripts put no spaces between
words). datasketch (the ``dedupe`` extra) estimates Jaccard similarity with MinHash and finds
candidates with LSH; a candidate joins a cluster only when its estimated similarity to the
cluster's first article reaches ``threshold``.

Clustering is single-pass "leader" clustering: articles are taken in corpus order, and each
one joins the cluster of the earliest earlier cluster leader it nearly duplicates, or starts
a cluster of its own. So every member of a cluster is a near-duplicate of its first member
(no chains drifting from A to Z), a cluster's id is its smallest ``(document, article)``
position, and ids are final as soon as an article is seen, which lets the corpus stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import regex

__all__ = ["Deduper", "add_clusters", "shingles"]

ArticleKey = tuple[int, int]
"""An article's position in a corpus: (document index, article index), both from 0."""

_WORD_RE = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}]|(?:(?![\p{Han}\p{Hiragana}\p{Katakana}])[\p{L}\p{N}])+"
)


def shingles(text: str, size: int = 5) -> set[str]:
    """The word ``size``-grams of ``text``, case-folded; a shorter text is one shingle."""
    words = _WORD_RE.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


class Deduper:
    """Assigns each article, in corpus order, the id of its near-duplicate cluster.

    Memory grows with the number of clusters (one MinHash signature per leader, about
    ``8 * num_perm`` bytes), not with the articles that join existing clusters.

    Args:
        threshold: estimated Jaccard similarity of shingle sets at which two articles are
            near-duplicates, in (0, 1].
        num_perm: MinHash permutations; more is more exact and slower.
        shingle_size: words per shingle.
        seed: MinHash seed; fixed, so results are the same on every run and machine.

    Raises:
        ImportError: datasketch is not installed (``pip install 'corpus_split[dedupe]'``).
        ValueError: a parameter out of range.
    """

    def __init__(
        self,
        *,
        threshold: float = 0.8,
        num_perm: int = 128,
        shingle_size: int = 5,
        seed: int = 1,
    ) -> None:
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
            raise TypeError(f"threshold must be a number, not {type(threshold).__name__}")
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        for name, value in (("num_perm", num_perm), ("shingle_size", shingle_size)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer, not {value!r}")
        try:
            from datasketch import MinHash, MinHashLSH
        except ImportError:
            raise ImportError(
                "near-duplicate detection needs datasketch: pip install 'corpus_split[dedupe]'"
            ) from None
        self._minhash_type = MinHash
        self._threshold = float(threshold)
        self._num_perm = num_perm
        self._shingle_size = shingle_size
        self._seed = seed
        self._lsh = MinHashLSH(threshold=float(threshold), num_perm=num_perm)
        self._leaders: dict[ArticleKey, Any] = {}
        self._empty_leader: ArticleKey | None = None

    def add(self, key: ArticleKey, text: str) -> ArticleKey:
        """Place the article ``key`` with text ``text``; return its cluster id.

        Keys must come in increasing corpus order for the cluster id to be the smallest
        member; each key may be added once.
        """
        grams = shingles(text, self._shingle_size)
        if not grams:  # no words at all: all such articles are alike
            if self._empty_leader is None:
                self._empty_leader = key
            return self._empty_leader
        signature = self._minhash_type(num_perm=self._num_perm, seed=self._seed)
        signature.update_batch([g.encode("utf-8") for g in grams])
        matches: list[ArticleKey] = [
            leader
            for leader in self._lsh.query(signature)
            if self._leaders[leader].jaccard(signature) >= self._threshold
        ]
        if matches:
            return min(matches)
        self._lsh.insert(key, signature)
        self._leaders[key] = signature
        return key


def add_clusters(
    records: Iterable[Mapping[str, Any]], deduper: Deduper | None = None
) -> Iterator[dict[str, Any]]:
    """Records (as from `corpus_split.corpus.document_record`) with article clusters.

    Each article of each record gets ``cluster``: ``[document, article]``, the position of
    the first article of its near-duplicate cluster in this stream (its own position when
    it has no earlier near-duplicate). Records stream through; inputs are not modified.
    """
    deduper = deduper if deduper is not None else Deduper()
    for doc_index, record in enumerate(records):
        articles = []
        for article in record["articles"]:
            cluster = deduper.add((doc_index, int(article["index"])), str(article["clean_text"]))
            articles.append({**article, "cluster": list(cluster)})
        yield {**record, "articles": articles}
