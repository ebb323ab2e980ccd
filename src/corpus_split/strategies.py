"""Hypothesis strategies for property tests of code that uses corpus_split.

This is the only module that imports Hypothesis; install it with ``pip install
'corpus_split[test]'``. Typical use:

```python
from hypothesis import given
from corpus_split import split
from corpus_split.strategies import documents

@given(documents())
def test_every_article_is_found(doc):
    result = split(doc.text)
    assert len(result.articles) >= 1
    # doc.gold is the gold annotation; score it with corpus_split.evaluate.score
```

Documents come from `corpus_split.synthetic.generate`, driven by a Hypothesis-
controlled ``random.Random``, so failures shrink and replay like any other example.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from .synthetic import (
    DamageOptions,
    Layout,
    SourceArticle,
    SyntheticDocument,
    TitleStyle,
    generate,
    sample_articles,
)

__all__ = ["arbitrary_text", "articles", "damage_options", "documents"]

_ODD_CHARACTERS = ("\x00", "\r", "\n", "\r\n", "\t", "\x0b", "\x0c", "\x1b[31m", "\x85", "\u2028",
                   "\u2029", "\ufeff", "\u200b", "\u202e", "\ud800", "\udfff", "\u00a0", "\ufffd",
                   "Ã©", "â€™", "&amp;", "&#3;", "\U0001f600", "中文")
"""Characters and fragments that break naive text code; mixed into `arbitrary_text`."""

_MAX_ARTICLES = 4
"""Default upper bound of articles per generated document: enough for every gap kind, still fast."""


def articles(*, titled: bool | None = None) -> st.SearchStrategy[SourceArticle]:
    """A bundled original article, or a subset of its paragraphs, with or without its title.

    ``titled`` forces a title (True) or none (False); None lets Hypothesis choose.
    """
    pool = sample_articles()

    @st.composite
    def build(draw: st.DrawFn) -> SourceArticle:
        base = draw(st.sampled_from(pool))
        count = len(base.paragraphs)
        first = draw(st.integers(0, count - 1))
        last = draw(st.integers(first, count - 1))
        keep_title = draw(st.booleans()) if titled is None else titled
        return SourceArticle(base.title if keep_title else None, base.paragraphs[first:last + 1])

    return build()


def damage_options() -> st.SearchStrategy[DamageOptions]:
    """Any combination of damage: each probability drawn from {0, 0.5, 1}, layouts and styles subsets."""
    prob = st.sampled_from((0.0, 0.5, 1.0))
    return st.builds(
        DamageOptions,
        layouts=st.lists(st.sampled_from(list(Layout)), min_size=1, max_size=3, unique=True).map(tuple),
        title_styles=st.lists(st.sampled_from(list(TitleStyle)), min_size=1, max_size=3,
                              unique=True).map(tuple),
        chrome=prob, teasers_top=prob, teasers_between=prob, teasers_bottom=prob, preamble=prob,
        sign_off=prob, typographic=prob, mojibake=prob, splice=prob, duplicate=prob,
        foreign_paragraph=prob, noise=prob,
    )


def documents(
    damage: DamageOptions | st.SearchStrategy[DamageOptions] | None = None,
    *,
    min_articles: int = 1,
    max_articles: int = _MAX_ARTICLES,
    source: st.SearchStrategy[SourceArticle] | None = None,
) -> st.SearchStrategy[SyntheticDocument]:
    """A concatenated, damaged document with its gold annotation (``.text``, ``.gold``).

    ``damage`` fixes the options, or gives a strategy for them; None draws them with
    `damage_options`. ``source`` draws the articles (default `articles`).

    Raises:
        ValueError: ``min_articles`` < 1 or ``max_articles`` < ``min_articles``.
    """
    if min_articles < 1 or max_articles < min_articles:
        raise ValueError(f"need 1 <= min_articles <= max_articles, got {min_articles}, {max_articles}")
    options: st.SearchStrategy[DamageOptions]
    if damage is None:
        options = damage_options()
    elif isinstance(damage, DamageOptions):
        options = st.just(damage)
    else:
        options = damage
    sources = source if source is not None else articles()

    @st.composite
    def build(draw: st.DrawFn) -> SyntheticDocument:
        arts = draw(st.lists(sources, min_size=min_articles, max_size=max_articles))
        opts = draw(options)
        rng = draw(st.randoms(use_true_random=False))
        return generate(arts, rng, opts)

    return build()


def arbitrary_text(*, max_size: int = 200) -> st.SearchStrategy[str]:
    """Any Unicode string, lone surrogates, NULs and control characters included.

    Plain Hypothesis text leaves out surrogates; this one does not, and it mixes in
    line-break variants, BOMs, bidi overrides, mojibake and entities often enough to matter.
    """
    anything = st.characters(exclude_categories=())
    pieces: st.SearchStrategy[Any] = st.one_of(
        st.text(anything, max_size=20), st.sampled_from(_ODD_CHARACTERS),
        st.sampled_from(("Sure! Here's an article about cats.", "Advertisement", "Share this story",
                         "A Headline That Looks Like One", "")),
    )
    return st.lists(pieces, max_size=max(1, max_size // 10)).map(lambda xs: "".join(xs)[:max_size])
