"""The public Hypothesis strategies, and split() keeping its contract on what they generate."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import corpus_split as cs
from corpus_split.evaluate import score
from corpus_split.strategies import arbitrary_text, articles, damage_options, documents
from corpus_split.synthetic import (
    DamageOptions,
    Layout,
    SourceArticle,
    SyntheticDocument,
    generate,
    sample_articles,
)
from tests.contract import check_document


@settings(max_examples=40, deadline=None)
@given(documents())
def test_split_keeps_the_contract_on_generated_documents(doc: SyntheticDocument) -> None:
    result = cs.split(doc.text)
    check_document(result)
    for seg in result.segments:
        assert seg.text == doc.text[seg.start:seg.end]
    report = score(result, doc.gold)
    for value in (report.boundaries.precision, report.boundaries.recall, report.articles_whole.value,
                  report.typing.content_kept.value):
        assert math.isnan(value) or 0.0 <= value <= 1.0


@settings(max_examples=60, deadline=None)
@given(arbitrary_text())
def test_split_keeps_the_contract_on_arbitrary_text(text: str) -> None:
    check_document(cs.split(text))


@settings(max_examples=30, deadline=None)
@given(arbitrary_text(max_size=50))
def test_arbitrary_text_respects_its_size(text: str) -> None:
    assert len(text) <= 50


@pytest.mark.parametrize(
    "wanted",
    [
        lambda s: any(0xD800 <= ord(c) <= 0xDFFF for c in s),
        lambda s: "\x00" in s,
        lambda s: any(ord(c) < 32 and c not in "\n\r\t" for c in s),
        lambda s: any(ord(c) > 0xFFFF for c in s),
    ],
    ids=["surrogate", "nul", "control", "astral"],
)
def test_arbitrary_text_reaches_the_awkward_characters(wanted: object) -> None:
    assert callable(wanted)
    found = find(arbitrary_text(), wanted, settings=settings(max_examples=2000, database=None))
    assert wanted(found)


@settings(max_examples=30, deadline=None)
@given(articles(titled=False))
def test_untitled_articles_have_no_title(article: SourceArticle) -> None:
    assert article.title is None and article.paragraphs


@settings(max_examples=30, deadline=None)
@given(articles(titled=True))
def test_titled_articles_have_a_title(article: SourceArticle) -> None:
    assert article.title


@settings(max_examples=20, deadline=None)
@given(documents(DamageOptions.clean(), min_articles=2, max_articles=3))
def test_fixed_options_and_article_counts_are_honoured(doc: SyntheticDocument) -> None:
    assert doc.layout is Layout.BLANK_LINES
    assert 2 <= len(doc.gold["articles"]) <= 3
    assert {s["kind"] for s in doc.gold["spans"]} <= {"title", "body"}


@settings(max_examples=20, deadline=None)
@given(damage_options())
def test_damage_options_are_valid(opts: DamageOptions) -> None:
    assert opts.layouts and opts.title_styles
    assert all(0.0 <= p <= 1.0 for p in (opts.chrome, opts.mojibake, opts.splice, opts.noise))


def test_bad_article_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        documents(min_articles=0)
    with pytest.raises(ValueError):
        documents(min_articles=3, max_articles=2)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(sample_articles()), min_size=2, max_size=4, unique_by=lambda a: a.title),
    st.sampled_from([Layout.BLANK_LINES, Layout.SINGLE_NEWLINE, Layout.CRLF]),
    st.randoms(use_true_random=False),
)
def test_split_recovers_the_gold_on_the_easy_setting(
    chosen: list[SourceArticle], layout: Layout, rng: random.Random
) -> None:
    # distinct, whole, titled articles glued with no damage: every article comes back whole
    doc = generate(chosen, rng, DamageOptions.clean(layout))
    report = score(cs.split(doc.text), doc.gold)
    assert report.boundaries.precision == 1.0 and report.boundaries.recall == 1.0
    assert report.articles_whole.value == 1.0
    assert report.typing.content_kept.value == 1.0
