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


def test_names_figures_and_code_in_a_chinese_article_are_chinese() -> None:
    # regression: lines of Latin script inside a Chinese article ("Python 3.12.4", a checksum,
    # a line mixing Han with a product name) were named from the page's Latin lines as a whole,
    # which lingua took for Finnish or Vietnamese; and an article with many such lines was
    # weighed as Latin text, its Chinese lines counted by characters, not as the script test does
    text = (
        "新版本发布说明\n\n"
        "我们很高兴地宣布新版本已经发布。这个版本修复了多个问题，并改进了性能。\n\n"
        "这次更新的重点是内存管理。在长时间运行的服务中，旧版本会逐渐占用更多内存，新版本改变了回收策略。\n\n"
        "主要变更如下：\n\n"
        "Python 3.12.4\n\n"
        "支持 Unicode 15.1 #4521\n\n"
        "configure --with-openssl Feature #7730\n\n"
        "SIZE: 20417395 bytes\n\n"
        "SHA256: 9a3c1f0e2b7d4c6a8e5f3b1d0c9a7e6f5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a\n\n"
        "请下载并试用，如有问题请告诉我们。\n"
    )
    doc = cs.split(text)
    languages = {doc.text[s.start:s.end].strip(): s.language for s in doc.segments if s.language}
    assert set(languages.values()) == {"zh"}, languages
    assert [a.language for a in doc.articles] == ["zh"]
