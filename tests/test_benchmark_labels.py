"""The labels the benchmarks give each gold boundary for their recall by condition
(`multilingual.py`, `language_pairs.py`), and where `language_pairs.py` puts its zones."""

from __future__ import annotations

import random

from corpus_split.synthetic import DamageOptions, SourceArticle, generate
from tests.test_compare import _load

multilingual = _load("multilingual")
language_pairs = _load("language_pairs")

_DE = SourceArticle("Neuer Radweg eröffnet", (
    "Nach zwei Jahren Bauzeit ist der Radweg am Park seit Montag für alle freigegeben.",
    "Ein Fest zur Eröffnung ist für den kommenden Sonntag geplant."), "de")
_DE_UNTITLED = SourceArticle(None, (
    "Die Bibliothek öffnet im Winter auch am Sonntag, teilte die Stadt am Freitag mit.",
    "Der Versuch läuft zunächst bis zum Frühjahr."), "de")
_JA = SourceArticle("川に新しい橋が開通", (
    "二年間の工事を経て、町の東西を結ぶ新しい橋が金曜日に開通した。",
    "市は来年の春までに橋の両側に公園を整備する計画だ。"), "ja")


def _labels(*articles: SourceArticle) -> list[list[str]]:
    doc = generate(list(articles), random.Random(0), DamageOptions.clean())
    return multilingual.conditions(doc.gold)


def test_a_boundary_where_the_language_changes_is_labelled_so() -> None:
    (labels,) = _labels(_DE, _JA)
    assert "language changes" in labels and "titled, language changes" in labels
    assert "Chinese or Japanese article" in labels
    assert "same language" not in labels


def test_an_untitled_article_in_the_same_language() -> None:
    (labels,) = _labels(_DE, _DE_UNTITLED)
    assert {"untitled", "same language", "untitled, same language", "bare gap"} <= set(labels)
    assert "Chinese or Japanese article" not in labels


def test_language_pairs_glues_pages_of_different_languages_with_their_zones() -> None:
    pages = {
        "en": [{"title": "Bridges", "text": "The new bridge opened on Friday. " * 60}],
        "ru": [{"title": "Мосты", "text": "Новый мост открыли в пятницу. " * 60}],
        "zh": [{"title": "桥", "text": "新桥于周五正式通车。" * 200}],
    }
    for titled in (True, False):
        text, gold, labels = language_pairs.build(random.Random(1), pages, titled)
        assert len(gold.articles) - 1 == len(labels) >= 1
        for before, after, marks in zip(gold.articles, gold.articles[1:], labels):
            lo, hi = after.zone
            assert lo == before.content_end and text[lo:hi] == "\n\n"
            opening = [(page["title"] if titled else page["text"].strip())[:10]
                       for group in pages.values() for page in group]
            assert any(text[hi:].startswith(o) for o in opening)
            assert after.title == (text[hi:].split("\n", 1)[0] if titled else None)
            scripts = marks[0].split(" -> ")
            assert scripts[0] != scripts[1] or scripts == ["Latin", "Latin"]
            assert marks[1] == ("titled" if titled else "untitled")
