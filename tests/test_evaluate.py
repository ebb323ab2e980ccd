"""The scoring functions of corpus_split.evaluate on hand-made cases with known answers."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import corpus_split as cs
from corpus_split import Article, Document, Kind, Segment
from corpus_split.evaluate import (
    BoundaryCounts,
    Ratio,
    Report,
    articles_whole,
    boundary_counts,
    fold_for_repair,
    language_spans_found,
    line_labels,
    oracle_document,
    parse_gold,
    pk,
    repair_check,
    score,
    segmentation_scores,
    titles_equal,
    typing_scores,
    windowdiff,
)
from tests.contract import check_document

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def make_doc(text: str, pieces: list[tuple[Kind, int, int | None]],
             articles: Sequence[tuple[int, int, str | None, str]] = ()) -> Document:
    """A Document from (kind, end, article) pieces tiling ``text`` and (start, end, title, clean) articles."""
    segments, start = [], 0
    for kind, end, art in pieces:
        segments.append(Segment(kind, start, end, text[start:end], art, None))
        start = end
    assert start == len(text)
    arts = tuple(
        Article(i, s, e, text[s:e], title, None, tuple(x for x in segments if s <= x.start < e), clean)
        for i, (s, e, title, clean) in enumerate(articles)
    )
    bounds = tuple(cs.Boundary(a.start, 1.0, ()) for a in arts[1:])
    return Document(text, None, tuple(segments), arts, bounds, cs.repair(text))


def gold(articles: list[dict[str, Any]], spans: list[tuple[str, int | None, int, int]],
         languages: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    return {
        "articles": articles,
        "spans": [{"kind": k, "article": a, "start": s, "end": e} for k, a, s, e in spans],
        "languages": list(languages),
    }


def art(i: int, start: int, end: int, zone: tuple[int, int], title: str | None = None,
        **extra: Any) -> dict[str, Any]:
    return {"index": i, "title": title, "content_start": start, "content_end": end,
            "zone": list(zone), **extra}


# --- boundaries --------------------------------------------------------------------------------


def test_counts_give_textbook_precision_recall_f1() -> None:
    c = BoundaryCounts(true_positives=3, false_positives=1, false_negatives=2)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert c + BoundaryCounts(1, 1, 0) == BoundaryCounts(4, 2, 2)


def test_no_boundaries_due_and_none_predicted_is_perfect() -> None:
    assert BoundaryCounts().f1 == 1.0
    assert BoundaryCounts(0, 2, 0).precision == 0.0


def test_a_start_inside_a_zone_is_found_and_each_start_matches_one_zone() -> None:
    g = gold([art(0, 0, 5, (0, 0)), art(1, 12, 20, (10, 12)), art(2, 22, 30, (20, 22))], [])
    # 11 matches zone 1; 12 is a second start in the same zone (false positive); 21 matches zone 2.
    assert boundary_counts([11, 12, 21, 40], g) == BoundaryCounts(2, 2, 0)
    assert boundary_counts([], g) == BoundaryCounts(0, 0, 2)
    # Zone edges are inclusive.
    assert boundary_counts([10, 22], g) == BoundaryCounts(2, 0, 0)
    assert boundary_counts([9, 23], g) == BoundaryCounts(0, 2, 2)


def test_overlapping_zones_share_no_start_and_matching_is_maximal() -> None:
    g = gold([art(0, 0, 1, (0, 0)), art(1, 10, 11, (0, 10)), art(2, 6, 7, (5, 6))], [])
    assert boundary_counts([6], g) == BoundaryCounts(1, 0, 1)
    # A greedy match in document order would give 5 to the wide zone and leave 8 unmatched.
    assert boundary_counts([5, 8], g) == BoundaryCounts(2, 0, 0)


def test_boundaries_of_a_document_are_the_starts_of_articles_after_the_first() -> None:
    text = "One\nTwo\nThree"
    doc = make_doc(text, [(Kind.BODY, 4, 0), (Kind.BODY, 8, 1), (Kind.BODY, 13, 2)],
                   [(0, 4, None, "One"), (4, 8, None, "Two"), (8, 13, None, "Three")])
    g = gold([art(0, 0, 3, (0, 0)), art(1, 4, 7, (3, 4))], [])
    assert boundary_counts(doc, g) == BoundaryCounts(1, 1, 0)


# --- typing ------------------------------------------------------------------------------------

TEXT = "Title\n\nBody text here.\nAdvertisement\nmaybe"
#       0    5 7             22            36


def test_typing_counts_non_whitespace_characters_and_ignores_question_marks() -> None:
    g = gold([art(0, 0, 22, (0, 0))],
             [("title", 0, 0, 5), ("body", 0, 7, 22), ("boilerplate", None, 23, 36), ("?", None, 37, 42)])
    # The advert is typed body and the `?` line noise: the advert is wrong, the `?` line is ignored.
    doc = make_doc(TEXT, [(Kind.TITLE, 7, 0), (Kind.BODY, 37, 0), (Kind.NOISE, 42, None)],
                   [(0, 42, "Title", "Title Body text here.")])
    t = typing_scores(doc, g)
    assert t.content_kept == Ratio(5 + 13, 18)  # "Title" + "Bodytexthere." (no spaces)
    assert t.non_content_typed == Ratio(0, 13)
    body = t.kind(Kind.BODY)
    assert (body.correct, body.predicted, body.gold) == (13, 26, 13)
    assert body.precision == pytest.approx(0.5) and body.recall == 1.0
    assert t.kind(Kind.BOILERPLATE).recall == 0.0
    assert math.isnan(t.kind(Kind.BOILERPLATE).precision)
    assert t.kind(Kind.NOISE).predicted == 0  # the `?` characters count nowhere


def test_non_content_of_any_other_kind_counts_as_typed() -> None:
    g = gold([art(0, 0, 22, (0, 0))], [("title", 0, 0, 5), ("body", 0, 7, 22), ("boilerplate", None, 23, 36)])
    doc = make_doc(TEXT, [(Kind.TITLE, 7, 0), (Kind.BODY, 23, 0), (Kind.LINKS, 42, None)],
                   [(0, 23, "Title", "x")])
    t = typing_scores(doc, g)
    assert t.non_content_typed == Ratio(13, 13)
    assert t.kind(Kind.BOILERPLATE).recall == 0.0


# --- whole articles, repair, titles, languages ---------------------------------------------------

TWO = "AAAA AAAA AAAA AAAA AAAA\nBBBB BBBB BBBB BBBB BBBB"
#      0                   24 25                     49
TWO_GOLD = gold([art(0, 0, 24, (0, 0), "A", clean_text="AAAA  AAAA\nAAAA AAAA AAAA"),
                 art(1, 25, 49, (24, 25), "B")],
                [("body", 0, 0, 24), ("body", 1, 25, 49)])


def test_articles_whole_needs_coverage_and_purity() -> None:
    right = make_doc(TWO, [(Kind.BODY, 25, 0), (Kind.BODY, 49, 1)],
                     [(0, 25, "A", "AAAA AAAA AAAA AAAA AAAA"), (25, 49, "b", "x")])
    assert articles_whole(right, TWO_GOLD) == (True, True)
    merged = make_doc(TWO, [(Kind.BODY, 49, 0)], [(0, 49, "A", "x")])
    assert articles_whole(merged, TWO_GOLD) == (False, False)  # covers both, pure for neither
    # Starting B one word late loses 4 of its 20 content characters: below 95 %.
    late = make_doc(TWO, [(Kind.BODY, 30, 0), (Kind.BODY, 49, 1)], [(0, 30, "A", "x"), (30, 49, "B", "x")])
    assert articles_whole(late, TWO_GOLD) == (False, False)


def test_repair_titles_and_report_of_a_right_split() -> None:
    doc = make_doc(TWO, [(Kind.BODY, 25, 0), (Kind.BODY, 49, 1)],
                   [(0, 25, "A", "AAAA AAAA AAAA AAAA AAAA"), (25, 49, "b", "x")])
    assert repair_check(doc, TWO_GOLD) == (True,)  # whitespace differences do not matter
    assert titles_equal(doc, TWO_GOLD) == (True, True)  # titles compare case-folded
    wrong = make_doc(TWO, [(Kind.BODY, 25, 0), (Kind.BODY, 49, 1)],
                     [(0, 25, "A", "AAAA AAAA AAAA AAAA"), (25, 49, None, "x")])
    assert repair_check(wrong, TWO_GOLD) == (False,)
    assert titles_equal(wrong, TWO_GOLD) == (True, False)
    report = score(doc, TWO_GOLD)
    assert report.boundaries.f1 == 1.0 and report.articles_whole == Ratio(2, 2)
    assert (report + report).articles_whole == Ratio(4, 4)
    assert sum([report, report], Report()).repair == Ratio(2, 2)


def test_fold_for_repair_collapses_whitespace_and_folds_quotes_and_dashes() -> None:
    assert fold_for_repair("  “Don’t”\u2014\tsaid\n\nshe – ‘ok’ ") == "\"Don't\"- said she - 'ok'"
    assert fold_for_repair("café") == "café"  # accents are not folded: they must be repaired


def test_seed_style_titles_match_after_underscore_normalisation() -> None:
    text = "Models_ A Blueprint\nBody"
    doc = make_doc(text, [(Kind.TITLE, 20, 0), (Kind.BODY, 24, 0)], [(0, 24, "Models_ A Blueprint", "x")])
    g = gold([art(0, 0, 24, (0, 0), "Models: A Blueprint")], [("title", 0, 0, 19), ("body", 0, 20, 24)])
    assert titles_equal(doc, g) == (True,)


def test_language_span_is_found_when_most_of_it_carries_the_language() -> None:
    text = "Hello there\n你好世界"
    g = gold([art(0, 0, 16, (0, 0))], [("body", 0, 0, 16)], [{"language": "zh", "start": 12, "end": 16}])
    segs = (Segment(Kind.BODY, 0, 12, text[:12], 0, "en"),
            Segment(Kind.BODY, 12, 16, text[12:], 0, "zh-Hans"))
    found = Document(text, None, segs, (), (), cs.repair(text))
    assert language_spans_found(found, g) == (True,)
    segs = (Segment(Kind.BODY, 0, 16, text, 0, "en"),)
    assert language_spans_found(Document(text, None, segs, (), (), cs.repair(text)), g) == (False,)


# --- Pk and WindowDiff ---------------------------------------------------------------------------


def test_pk_and_windowdiff_of_a_perfect_segmentation_are_zero() -> None:
    ref = [0, 0, 0, 1, 1, 2, 2, 2, 2]
    assert pk(ref, ref) == 0.0
    assert windowdiff(ref, ref) == 0.0


def test_pk_and_windowdiff_of_a_missed_boundary() -> None:
    ref = [0, 0, 0, 0, 1, 1, 1, 1]  # mean segment length 4, so k = 2
    one = [0] * 8
    # Probes (2,4) and (3,5) straddle the missed boundary: 2 errors out of 6.
    assert pk(ref, one) == pytest.approx(2 / 6)
    assert windowdiff(ref, one) == pytest.approx(2 / 6)


def test_windowdiff_counts_boundaries_where_pk_does_not() -> None:
    ref = [0, 0, 0, 0, 1, 1, 1, 1]
    extra = [0, 0, 0, 1, 2, 2, 2, 2]  # the right boundary plus a spurious one just before it
    assert windowdiff(ref, extra, k=2) > pk(ref, extra, k=2)


def test_pk_rejects_sequences_of_different_length() -> None:
    with pytest.raises(ValueError, match="units"):
        pk([0, 0], [0])


def test_line_labels_count_non_blank_lines_and_map_starts_to_lines() -> None:
    text = "a\n\nb\nc d\n\n\ne"
    #       0 1 2 3 4 567 8 9 10 11
    assert line_labels(text, []) == [0, 0, 0, 0]
    assert line_labels(text, [3]) == [0, 1, 1, 1]
    # A start in a blank gap opens the next line; one mid-line opens its own line.
    assert line_labels(text, [2, 7, 9]) == [0, 1, 2, 3]
    assert line_labels(text, [0]) == [0, 0, 0, 0]


def test_segmentation_scores_from_plain_starts() -> None:
    text = "\n".join(f"line {i}" for i in range(8))
    starts = [text.index("line 4")]
    g = gold([art(0, 0, 5, (0, 0)), art(1, starts[0], len(text), (starts[0], starts[0]))], [])
    s = segmentation_scores(starts, g, text)
    assert (s.pk, s.windowdiff, s.k, s.lines) == (0.0, 0.0, 2, 8)
    assert segmentation_scores([], g, text).pk == pytest.approx(2 / 6)
    with pytest.raises(ValueError):
        segmentation_scores([], g)


def test_malformed_gold_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_gold({"articles": [{"content_start": 0}], "spans": []})
    with pytest.raises(ValueError):
        parse_gold(gold([art(0, 0, 1, (3, 1))], []))
    with pytest.raises(ValueError):
        parse_gold(gold([], [("heading-ish", None, 0, 1)]))


# --- the oracle on the real seeds (skipped without ../shared) ------------------------------------


@pytest.mark.parametrize("stem", [p.stem for p in sorted((SEEDS_DIR / "gold").glob("*.json"))]
                         or [pytest.param("none", marks=pytest.mark.skip(reason="../shared is absent"))])
def test_oracle_scores_perfectly_on_the_seeds(stem: str) -> None:
    text = (SEEDS_DIR / f"{stem}.txt").read_text(encoding="utf-8")
    g = json.loads((SEEDS_DIR / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    doc = oracle_document(text, g)
    check_document(doc)
    r = score(doc, g)
    assert r.boundaries.f1 == 1.0
    assert r.articles_whole.hits == r.articles_whole.total == len(g["articles"])
    assert r.typing.content_kept.value == 1.0 and r.typing.non_content_typed.value == 1.0
    assert r.titles.hits == r.titles.total and r.languages.hits == r.languages.total
    assert segmentation_scores(doc, g).pk == 0.0
