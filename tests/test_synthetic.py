"""The synthetic generator: determinism, damage switches and a consistent gold annotation."""

from __future__ import annotations

import random
from typing import Any

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_split.evaluate import fold_for_repair, oracle_document, score, segmentation_scores
from corpus_split.strategies import documents
from corpus_split.synthetic import (
    WRAP_WIDTH_RANGE,
    DamageOptions,
    Layout,
    SourceArticle,
    SyntheticDocument,
    TitleStyle,
    generate,
    mojibake,
    sample_articles,
    sample_foreign_paragraphs,
)
from tests.contract import check_document

KINDS = {"title", "heading", "body", "boilerplate", "links", "noise", "artifact", "duplicate", "?"}


def check_gold(doc: SyntheticDocument) -> None:
    """Everything a consumer of the gold relies on."""
    text, gold = doc.text, doc.gold
    assert gold["chars"] == len(text)
    spans: list[dict[str, Any]] = gold["spans"]
    arts: list[dict[str, Any]] = gold["articles"]
    covered = [0] * len(text)
    for a, b in zip(spans, spans[1:]):
        assert a["end"] <= b["start"]
    for s in spans:
        assert s["kind"] in KINDS
        assert s["article"] is None or 0 <= s["article"] < len(arts)
        assert 0 <= s["start"] < s["end"] <= len(text)
        piece = text[s["start"]:s["end"]]
        assert piece == piece.strip(), "spans start and end on non-whitespace"
        assert s["first_line"] == text.count("\n", 0, s["start"]) + 1
        assert s["last_line"] == text.count("\n", 0, s["end"] - 1) + 1
        for i in range(s["start"], s["end"]):
            covered[i] += 1
    # The spans tile the non-blank lines: every non-whitespace character lies in exactly one span.
    assert all(covered[i] == 1 for i, ch in enumerate(text) if not ch.isspace())
    prev_end = 0
    for k, a in enumerate(arts):
        assert a["index"] == k
        lo, hi = a["zone"]
        assert 0 <= a["content_start"] < a["content_end"] <= len(text)
        assert prev_end <= a["content_start"]
        if k == 0:
            assert a["zone"] == [0, 0]
        else:
            assert lo <= a["content_start"] == hi
            assert lo >= text.rfind("\n", 0, prev_end) + 1  # no earlier than the previous article's last line
        owner = [s for s in spans if s["start"] <= a["content_start"] < s["end"]]
        assert owner and owner[0]["article"] == k and owner[0]["kind"] in ("title", "heading", "body")
        prev_end = a["content_end"]
        assert ("clean_text" in a) == ("mojibake" in a["damage"] and "duplicate" not in a["damage"])
    for x in gold["languages"]:
        assert 0 <= x["start"] < x["end"] <= len(text) and x["language"] != "en"


@settings(max_examples=40, deadline=None)
@given(documents())
def test_generated_gold_is_consistent(doc: SyntheticDocument) -> None:
    check_gold(doc)


@settings(max_examples=25, deadline=None)
@given(documents())
def test_the_oracle_document_scores_perfectly_on_generated_gold(doc: SyntheticDocument) -> None:
    oracle = oracle_document(doc.text, doc.gold)
    check_document(oracle)
    r = score(oracle, doc.gold)
    assert r.boundaries.f1 == 1.0
    assert r.articles_whole.hits == r.articles_whole.total
    assert r.typing.content_kept.hits == r.typing.content_kept.total
    assert r.typing.non_content_typed.hits == r.typing.non_content_typed.total
    assert r.languages.hits == r.languages.total
    assert segmentation_scores(oracle, doc.gold).pk == 0.0


@given(st.integers(0, 2**32 - 1))
@settings(max_examples=20, deadline=None)
def test_the_same_seed_gives_the_same_document(seed: int) -> None:
    arts = sample_articles()[:5]
    a = generate(arts, random.Random(seed))
    b = generate(arts, random.Random(seed))
    assert a.text == b.text and a.gold == b.gold


def test_clean_options_give_the_articles_verbatim() -> None:
    arts = sample_articles()[:3]
    doc = generate(arts, random.Random(1), DamageOptions.clean())
    expected = "\n\n".join(f"{a.title}\n\n" + "\n\n".join(a.paragraphs) for a in arts)
    assert doc.text == expected
    starts = [a["content_start"] for a in doc.gold["articles"]]
    assert starts == [expected.index(a.title) for a in arts if a.title]
    assert {s["kind"] for s in doc.gold["spans"]} == {"title", "body"}
    assert [a["title"] for a in doc.gold["articles"]] == [a.title for a in arts]


def test_every_damage_at_probability_one_shows_in_the_text_and_gold() -> None:
    full = DamageOptions(layouts=(Layout.BLANK_LINES,), chrome=1, teasers_top=1, teasers_between=1,
                         teasers_bottom=1, preamble=1, sign_off=1, mojibake=1, duplicate=1,
                         foreign_paragraph=1, noise=1)
    doc = generate(sample_articles()[:3], random.Random(7), full)
    kinds = {s["kind"] for s in doc.gold["spans"]}
    assert {"boilerplate", "links", "artifact", "noise", "duplicate", "?"} <= kinds
    assert "Ã" in doc.text or "â€" in doc.text
    assert doc.gold["languages"], "a foreign paragraph in every article"
    # Mojibake is recorded only where it changed something: pure-ASCII text survives it.
    arts = sample_articles()[:3]
    for a, src in zip(doc.gold["articles"], arts):
        if not all(p.isascii() for p in src.paragraphs):
            assert "mojibake" in a["damage"]


def test_mojibake_articles_carry_the_undamaged_text_that_repair_recovers() -> None:
    opts = DamageOptions(layouts=(Layout.HARD_WRAPPED,), mojibake=1.0, duplicate=0.0, splice=0.5)
    for seed in range(10):
        doc = generate(sample_articles()[2:5], random.Random(seed), opts)
        for a in doc.gold["articles"]:
            if "clean_text" not in a:
                continue
            raw = " ".join(doc.text[s["start"]:s["end"]] for s in doc.gold["spans"]
                           if s["article"] == a["index"] and s["kind"] in ("title", "body"))
            assert fold_for_repair(raw) != fold_for_repair(a["clean_text"])
            assert fold_for_repair(ftfy.fix_text(raw)) == fold_for_repair(a["clean_text"])


def test_mojibake_is_utf8_read_as_windows_1252() -> None:
    assert mojibake("café “x”") == "cafÃ© â€œxâ€\x9d"


def test_mid_word_splice_puts_the_next_article_on_the_same_line() -> None:
    opts = DamageOptions(layouts=(Layout.SINGLE_NEWLINE,), title_styles=(TitleStyle.AS_IS,),
                         chrome=0, teasers_top=0, teasers_between=0, teasers_bottom=0, preamble=0,
                         sign_off=0, mojibake=0, splice=1, duplicate=0, foreign_paragraph=0, noise=0)
    arts = sample_articles()[:2]
    doc = generate(arts, random.Random(3), opts)
    second = doc.gold["articles"][1]
    start = second["content_start"]
    assert doc.text[start:].startswith(arts[1].title or "")
    assert doc.text[start - 1].isalnum(), "the first article is cut mid-word, no separator"
    lo, hi = second["zone"]
    assert lo == doc.text.rfind("\n", 0, start) + 1 and hi == start


def test_layouts() -> None:
    arts = sample_articles()[:3]
    crlf = generate(arts, random.Random(0), DamageOptions.clean(Layout.CRLF))
    assert "\r\n" in crlf.text and "\n" not in crlf.text.replace("\r\n", "")
    choi = generate(arts, random.Random(0), DamageOptions(layouts=(Layout.SENTENCE_PER_LINE,)))
    assert all(a["title"] is None for a in choi.gold["articles"])
    assert "\n\n" not in choi.text
    assert len(choi.text.splitlines()) > sum(len(a.paragraphs) for a in arts)
    wrapped = generate(arts, random.Random(0), DamageOptions.clean(Layout.HARD_WRAPPED))
    body_lines = [ln for ln in wrapped.text.split("\n") if ln not in {a.title for a in arts}]
    assert max(len(ln) for ln in body_lines) <= WRAP_WIDTH_RANGE[1]
    assert wrapped.text.replace("\n", " ").replace("  ", "\n\n") != wrapped.text


def test_teasers_name_other_articles_only() -> None:
    arts = sample_articles()[:2]
    pool = [a.title for a in sample_articles()[:6] if a.title]
    opts = DamageOptions(layouts=(Layout.BLANK_LINES,), teasers_top=1, teasers_bottom=1, preamble=0,
                         sign_off=0)
    doc = generate(arts, random.Random(5), opts, teaser_titles=pool)
    links = [doc.text[s["start"]:s["end"]] for s in doc.gold["spans"] if s["kind"] == "links"]
    assert links
    for run in links:
        for line in run.split("\n"):
            assert line in pool and line not in {a.title for a in arts}


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError):
        generate([], random.Random(0))
    with pytest.raises(ValueError):
        DamageOptions(mojibake=1.5)
    with pytest.raises(ValueError):
        DamageOptions(layouts=())
    with pytest.raises(ValueError):
        SourceArticle("Title", ["  ", ""])


def test_bundled_samples() -> None:
    arts = sample_articles()
    assert len(arts) == 16
    assert all(3 <= len(a.paragraphs) <= 6 and a.title for a in arts)
    assert {lang for lang, _ in sample_foreign_paragraphs()} >= {"de", "fr", "zh"}
