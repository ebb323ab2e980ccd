"""Languages of lines that quote text in another language."""

from __future__ import annotations

import pytest

import corpus_split as cs
from corpus_split.language import _script, detect, script_language


@pytest.mark.parametrize(
    ("line", "script"),
    [
        ("当然,以下是关于“treasury secretary baker declines comment on”的文章。", "zh"),
        ("我们使用Ethereum和EigenLayer进行再质押。", "zh"),
        ("The minister quoted the slogan “人民至上” twice in his speech.", "latn"),
        ("以下は「Apple Watch」の新機能についての記事です。", "ja"),
    ],
)
def test_quoted_and_embedded_words_do_not_decide_the_script(line: str, script: str) -> None:
    assert _script(line) == script


def test_a_line_of_letters_outside_the_known_scripts_is_not_named() -> None:
    assert script_language("தமிழ் மொழி") == ""


def test_a_quoted_english_title_does_not_make_a_french_sentence_english() -> None:
    line = "Bien sûr ! Voici un article sur « reagan to hold news conference thursday » pour vous."
    assert detect([line]) == "fr"


def test_terse_text_takes_the_page_language_but_short_foreign_text_keeps_its_own() -> None:
    table = ["Shr 72 cts vs 36 cts", "Net 1.2 mln vs 800,000", "Revs 12.4 mln vs 10.1 mln"]
    assert detect(table, fallback="en") == "en"
    brief = [
        "El gobierno aprobó el martes el presupuesto para el próximo año, que según los "
        "ministros permitirá reducir el déficit y aumentar la inversión en las escuelas."
    ]
    assert detect(brief, fallback="en") == "es"


@pytest.mark.parametrize(
    ("preamble", "language"),
    [
        ("Bien sûr ! Voici un article sur « the harbour lighthouse vote in the north ».", "fr"),
        ("Natürlich! Hier ist ein Artikel zum Thema „the harbour lighthouse vote in the north“.", "de"),
        ("¡Claro! Aquí tienes un artículo sobre the harbour lighthouse vote in the town.", "es"),
    ],
)
def test_residue_naming_an_english_topic_keeps_its_own_language(preamble: str, language: str) -> None:
    body = "\n\n".join(
        f"The council said the lighthouse on the north pier would be repaired in spring {n}, "
        "and that the harbour wall would be surveyed by engineers before the winter storms."
        for n in range(4)
    )
    doc = cs.split(preamble + "\n\nHarbour Town Votes To Restore Its Lighthouse\n\n" + body)
    first = doc.segments[0]
    assert first.kind is cs.Kind.ARTIFACT and first.language == language
    assert doc.articles[0].language == "en"
