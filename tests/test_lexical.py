"""Content words per language (corpus_split.lexical): stems, stop words, scripts, context."""

from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_split import features, lexical
from corpus_split.lexical import (
    content_words,
    guess_language,
    line_languages,
    line_words,
    without_link_targets,
)


def test_features_names_still_work() -> None:
    assert features.content_words is content_words
    assert features.line_words is line_words
    assert "the" in features._STOPWORDS  # _title_cased still has its function words


def test_every_language_loads_its_stop_words_and_stemmer() -> None:
    for lang in lexical.LANGUAGES:
        stops = lexical.stopwords(lang.code)
        assert len(stops) >= 10, lang.code
        assert all(w == w.lower() for w in stops)
        if lang.stemmer is not None:
            assert lexical.stem("informationen", lang.code) is not None
    assert lexical.stopwords("xx") == frozenset()


def test_data_files_load() -> None:
    folder = resources.files("corpus_split").joinpath("data").joinpath("lexical")
    files = [f for f in folder.iterdir() if f.name.endswith(".txt")]
    assert files, "no per-language data files shipped"
    for f in files:
        code = f.name.removesuffix(".txt")
        add, remove = lexical._read_additions(code)
        assert add <= lexical.stopwords(code)
        assert not remove & lexical.stopwords(code)
    assert {"also", "may", "via"} <= lexical.stopwords("en")


def test_english_inflections_meet() -> None:
    assert len(set(content_words("price prices priced and the pricing"))) == 1
    assert content_words("The convertible and the convertibles")[0] == content_words("convertibles")[0]
    assert content_words("The company's taxes") == content_words("the companies tax")


def test_english_keeps_die_drops_as() -> None:
    words = content_words("The patients may die as the hospital is closed")
    assert "die" in words
    assert "as" not in words and "the" not in words and "may" not in words


def test_german_drops_its_own_stop_words_and_meets_inflections() -> None:
    words = content_words("Die Sicherheitslücke wurde in der neuen Version geschlossen")
    assert guess_language("Die Sicherheitslücke wurde in der neuen Version geschlossen") == "de"
    assert "die" not in words and "der" not in words
    other = content_words("Die Sicherheitslücken sind in den neuen Versionen geschlossen worden")
    assert words[0] == other[0]  # Sicherheitslücke / Sicherheitslücken


@pytest.mark.parametrize(
    ("line_a", "line_b", "lang"),
    [
        ("La nouvelle version est publiée pour les utilisateurs", "Les versions sont publiées", "fr"),
        ("Se publicó la nueva versión con las correcciones", "Las versiones nuevas son para todos", "es"),
        ("Уязвимость была исправлена в новой версии", "В этой версии нет уязвимости", "ru"),
    ],
)
def test_inflections_meet_in_other_languages(line_a: str, line_b: str, lang: str) -> None:
    assert guess_language(line_a) == lang
    assert guess_language(line_b) == lang
    assert set(content_words(line_a)) & set(content_words(line_b))


def test_cjk_runs_give_every_second_character_bigram() -> None:
    # each character counted once, as a two-character word would count it ("安全" security,
    # "漏洞" vulnerability); overlapping bigrams ("全漏" too) counted every character twice
    assert content_words("安全漏洞") == ["安全", "漏洞"]
    assert content_words("安全漏洞修复") == ["安全", "漏洞", "修复"]
    assert content_words("字") == ["字"]
    assert content_words("三个字") == ["三个"]  # an odd run's last character is left out
    # the long-vowel mark belongs to the katakana word
    assert content_words("リリース") == ["リリ", "ース"]


def test_a_page_without_kana_counts_single_han_characters() -> None:
    # Chinese: a word is one to three characters, and every second bigram straddles words
    # differently as each run starts ("供水系统" and "新的供水系统" shared no bigram)
    chinese = ["供水系统将全面升级", "新的供水系统"]
    assert lexical.han_page(chinese)
    first, second = line_words(chinese, [True, True])
    assert first == tuple("供水系统将全面升级")
    assert {"供", "水", "系", "统"} <= set(first) & set(second)
    # a line of the page passed alone gets the page's units when told them
    assert line_words(["新的供水系统"], [True], han=False)[0] == ("新的", "供水", "系统")
    # Japanese keeps every second bigram: one line with kana makes the page Japanese
    japanese = ["供水系統を全面更新", "新しい供水系統"]
    assert not lexical.han_page(japanese)
    assert line_words(japanese, [True, True])[0] == ("供水", "系統", "を全", "面更")
    # Hangul words keep their bigrams on a page without kana
    assert line_words(["수도 시설 개선 供水"], [True])[0] == ("수도", "시설", "개선", "供", "水")



def test_a_latin_name_glued_to_cjk_is_a_word_of_its_own() -> None:
    # CJK is written without spaces, so a name runs straight into it: the name was one
    # "word" with the CJK after it ("lxde在arch中…"), shared with no other line, and the
    # CJK lost its characters
    chinese = ["使用python进行数据分析", "python的数据类型"]
    first, second = line_words(chinese, [True, True])
    assert "python" in first and "python" in second
    assert {"数", "据"} <= set(first) & set(second)
    assert content_words("lxde在arch中安装") == ["lxde", "arch", "在", "中安"]
    # on either side, and with a hyphen that joined the two parts dropped
    assert content_words("pythonのgtk-版本") == ["python", "gtk", "の", "版本"]
    # a word that is all CJK, or all Latin, is as before
    assert content_words("安全漏洞") == ["安全", "漏洞"]

def test_mixed_script_line() -> None:
    line = "Уязвимости в Rubies были исправлены, 安全 обновление"
    words = content_words(line)
    assert guess_language(line) == "ru"
    assert "安全" in words
    assert "в" not in words
    assert "уязвим" in words
    # a Latin word in a Cyrillic line is stemmed like the same word in the page's Latin lines
    russian, english = line_words([line, "The rubies of the crown"], [True, True])
    assert set(russian) & set(english)
    assert line_words(["安全漏洞 Ruby", "Ruby 3.4 is released with the fix"], [True, True])[0][0] == "rubi"


def test_a_title_takes_the_language_of_its_text() -> None:
    lines = ["Sicherheitslücken geschlossen",
             "Die Sicherheitslücke wurde in der neuen Version von Ruby geschlossen."]
    assert line_languages(lines, [True, True]) == ["de", "de"]
    title, body = line_words(lines, [True, True])
    assert title[0] == body[0]


def test_a_link_is_read_by_its_text_not_its_address() -> None:
    # regression, fiftieth session: the words of a Markdown link's target ("index", "php",
    # "wiki") made a Russian paragraph with a few links vote in Latin script, and every page of
    # a wiki shares them
    line = ("Для настройки сети см. [NetworkManager](/index.php/NetworkManager \"NetworkManager\") "
            "и [systemd-networkd](https://wiki.example.org/index.php/Systemd-networkd), а также "
            "[эту страницу](https://wiki.example.org/index.php/Network) и www.example.org/help.")
    assert line_languages(["Перед началом работы проверьте подключение к сети.", line],
                          [True, True]) == ["ru", "ru"]
    words = line_words([line], [True])[0]
    assert not {"index", "php", "wiki", "exampl", "org", "https", "help"} & set(words)
    assert {"networkmanag", "systemd-networkd"} <= set(words)  # the links' own words stay
    assert without_link_targets("see [the docs](https://x.org/a b) or www.x.org/c.") == "see [the docs  or  "
    assert without_link_targets("no link here") == "no link here"


@pytest.mark.xfail(strict=True, reason=(
    "known failure: a link target holding parentheses (a wiki's localized page, "
    "'/index.php/Page_(Русский)') is not blanked by lexical._LINK_TARGET_RE, which allows none; "
    "allowing one level lowered language_pairs.py --fitting-half F1 0.597 -> 0.577 (21 more "
    "false starts), fiftieth session"))
def test_a_link_target_with_parentheses_is_blanked_too() -> None:
    text = 'см. [Сеть](/index.php/Network_(Русский) "Network (Русский)") и далее'
    assert "index" not in without_link_targets(text)


def test_one_stray_stop_word_does_not_flip_an_english_document() -> None:
    lines = ["Oil prices rose on the news of the cut in output.",
             "End stocks 1,234",  # "end" is a Danish stop word
             "The ministry said the output of the fields was lower."]
    assert line_languages(lines, [True, True, True]) == ["en", "en", "en"]


def test_newswire_tables_and_digests_stay_english() -> None:
    lines = ["Net profit rose to 12.5 mln dlrs from 9.8 mln dlrs a year earlier.",
             "Shr 1.10 dlrs vs 95 cts",  # "vs" is in the package's French list
             "SHA256: 31598e37b3962643bec722921644957be6f8fb9a",  # hex letters are no words
             "The company said the results were in line with its forecast."]
    assert line_languages(lines, [True] * 4) == ["en", "en", None, "en"]  # the digest has no word
    assert guess_language("31598e37b3962643bec722921644957be6f8fb9a") is None
    assert content_words("sha256 x86 mid-1987") == ["mid"]


def test_unwanted_and_empty_lines() -> None:
    assert line_words(["Prices rose", "", "12 34"], [False, True, True]) == [(), (), ()]
    assert content_words("") == []
    assert guess_language("1234 5678") is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_content_words_never_crash_and_are_deterministic(text: str) -> None:
    first = content_words(text)
    assert first == content_words(text)
    assert all(isinstance(w, str) and w for w in first)
    assert line_words([text], [True]) == line_words([text], [True])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=80), st.booleans()), max_size=12))
def test_line_words_one_tuple_per_line(rows: list[tuple[str, bool]]) -> None:
    texts = [t for t, _ in rows]
    wanted = [w for _, w in rows]
    out = line_words(texts, wanted)
    assert len(out) == len(texts)
    assert all(words == () for words, w in zip(out, wanted) if not w)


def test_stem_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexical, "_CACHE_LIMIT", 50)
    stems = lexical._STEMS["en"]
    for i in range(60):
        assert stems[f"word{i}s"] == f"word{i}"
    line_words(["Prices rose"], [True])  # trims every cache first
    assert len(stems) <= 50


def test_the_stemmers_keep_no_cache_of_their_own() -> None:
    # each `_Stems` dict keeps every stem it made: PyStemmer's cache (a list per word, for
    # the cyclic collector to walk) would hold only its misses again
    for stems in lexical._ALL_STEMS:
        stemmer = getattr(stems._stem, "__self__", None)
        assert getattr(stemmer, "maxCacheSize", 0) == 0
    assert lexical._STEMS["en"]["prices"] == "price"
