"""Phrase families on lines written for this test (not from the seeds or the benchmark generator).

The cases live in ``phrase_families.json``: assistant preambles and sign-offs in several
languages, page chrome, and news sentences that share words with them but are content.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_split.features import Family, line_features

CASES = json.loads((Path(__file__).parent / "phrase_families.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["line"][:40] for c in CASES])
def test_phrase_family(case: dict[str, str]) -> None:
    assert line_features(case["line"]).family is Family(case["family"])


def test_every_sign_off_pattern_has_a_case_its_cues_let_through() -> None:
    """Each anywhere-in-the-line sign-off pattern matches at least one sign-off case, and a
    line the pattern matches holds one of the cues written beside it: the pre-check
    (`features._maybe_sign_off`) lets it through. So a pattern whose cues were forgotten or
    mistyped fails here, not silently on text."""
    import regex

    from corpus_split.features import _SIGN_OFF_ANYWHERE

    sign_offs = [c["line"] for c in CASES if c["family"] == "assistant_sign_off"]
    for language, cues, pattern in _SIGN_OFF_ANYWHERE:
        compiled = regex.compile(pattern, regex.I | regex.V0)
        matched = [line for line in sign_offs if compiled.search(line)]
        assert matched, f"no sign-off case for the {language} pattern {pattern!r}"
        for line in matched:
            assert any(cue in line.lower() for cue in cues), (language, cues, line)


def test_sign_off_patterns_are_plain_patterns() -> None:
    """The patterns are joined without the verbose flag: no whitespace or comment marks in them."""
    from corpus_split.features import _SIGN_OFF_ANYWHERE

    for _, cues, pattern in _SIGN_OFF_ANYWHERE:
        assert not any(ch.isspace() or ch == "#" for ch in pattern), pattern
        assert cues and all(cue == cue.lower() for cue in cues)


def test_phrase_files_name_their_language_and_a_bad_file_names_itself(tmp_path: Path) -> None:
    """The shipped phrase files load (one language each, file named after it), and a malformed
    file fails with a ValueError that names it."""
    from corpus_split.features import _SIGN_OFF_ANYWHERE, _family_regex, _phrase_table, _read_phrase_files

    assert {language for language, _, _ in _SIGN_OFF_ANYWHERE} >= {"en", "de", "es", "fr", "zh"}
    good = {"version": 1, "language": "xx", "sign_off_anywhere": [{"cues": ["ciao"], "pattern": r"\bciao\b"}]}
    (tmp_path / "xx.json").write_text(json.dumps(good), encoding="utf-8")
    table = _phrase_table("sign_off_anywhere", _read_phrase_files(tmp_path), need_cues=True)
    assert table == (("xx", ("ciao",), r"\bciao\b"),)
    assert _family_regex(table, "sign_off_anywhere").search("Ciao!")
    assert _phrase_table("preamble", _read_phrase_files(tmp_path)) == ()
    for bad in ({**good, "language": "yy", "version": 2},
                {**good, "language": "yy", "sign_off_anywhere": [{"cues": ["Ciao"], "pattern": "ciao"}]},
                {**good, "language": "yy", "sign_off_anywhere": [{"pattern": "ciao"}]},
                {"version": 1, "sign_off_anywhere": []},
                good):  # language xx in yy.json
        (tmp_path / "yy.json").write_text(json.dumps(bad), encoding="utf-8")
        with pytest.raises(ValueError, match=r"yy\.json"):
            _phrase_table("sign_off_anywhere", _read_phrase_files(tmp_path), need_cues=True)
    from corpus_split.features import _Opening

    with pytest.raises(ValueError, match=r"yy\.json: chrome"):  # compiled on first use
        _Opening((("yy", (), "(ciao"),), "chrome", 0).match("ciao")
    broken = {**good, "language": "yy", "sign_off_anywhere": [{"cues": ["ciao"], "pattern": "(ciao"}]}
    (tmp_path / "yy.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ValueError, match=r"yy\.json"):
        _family_regex(_phrase_table("sign_off_anywhere", _read_phrase_files(tmp_path)), "sign_off_anywhere")


@pytest.mark.parametrize(("family", "kind"), [
    ("preamble", "assistant_preamble"), ("sign_off_start", "assistant_sign_off"), ("chrome", "chrome"),
    ("byline", "chrome")])
def test_every_opening_pattern_has_a_case(family: str, kind: str) -> None:
    """Each pattern of the families matched at the start of a line opens one of the cases
    (chrome is matched on the lower-cased line, bylines as written)."""
    import regex

    from corpus_split.features import _phrase_table

    lines = [c["line"].lower() if family == "chrome" else c["line"] for c in CASES if c["family"] == kind]
    for language, _, pattern in _phrase_table(family):
        compiled = regex.compile(pattern, regex.V0 if family in ("chrome", "byline") else regex.I | regex.V0)
        assert any(compiled.match(line) for line in lines), (language, pattern)


_OPENING_LINES = [c["line"] for c in CASES]


@pytest.mark.parametrize(("line", "expected"), [
    ("> Write a paragraph about the harbour festival, in a cheerful tone", True),
    ("> Please summarise the minutes below in five bullet points:", True),
    ("> Can you explain what this error means?", True),
    ("> > You are an experienced travel editor.", True),
    ("> Uploads larger than 20 MB are rejected.", False),
    ("> Writers' rooms were quieter than usual this spring.", False),
    ("Write a paragraph about the harbour festival.", False),
])
def test_a_quoted_request_to_a_chat_model(line: str, expected: bool) -> None:
    """`features.quoted_request`: a quotation that opens on a request put to a chat model
    (the "request" family), after its quote marks; other quotations and unquoted lines are not."""
    from corpus_split.features import quoted_request

    assert bool(quoted_request(line)) is expected


def _openings() -> list[object]:
    """The shipped families, and each built again with room for only three openings in its
    record (so that the record is cleared and rebuilt as lines come): every way must match alike."""
    import regex

    from corpus_split import features

    out: list[object] = []
    for family, flags in (("chrome", regex.V0), ("byline", regex.V0), ("preamble", regex.I | regex.V0),
                          ("sign_off_start", regex.I | regex.V0), ("request", regex.I | regex.V0)):
        small = type("Opening", (features._Opening,), {"_KEEP": 3})
        out.append(small(features._phrase_table(family), family, flags))
    shipped = [features._CHROME, features._BYLINE, features._PREAMBLE, features._SIGN_OFF_START,
               features._REQUEST]
    return [*shipped, *out]


_OPENINGS = _openings()


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(_OPENING_LINES),
                 st.builds(lambda line, k: line[k:], st.sampled_from(_OPENING_LINES), st.integers(0, 6)),
                 st.text(max_size=40)))
def test_opening_families_match_as_their_whole_alternation(text: str) -> None:
    """A family matched at the start of a line tries only the patterns that a match could begin
    with the line's first characters (`features._Opening`): it answers as the alternation of
    all of them does, on the cases, their tails and any text."""
    for family in _OPENINGS:
        for line in (text, text.lower()):
            whole = family.pattern.match(line) is not None  # type: ignore[attr-defined]
            assert family.match(line) is whole, (family.pattern.pattern[:40], line)  # type: ignore[attr-defined]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.sampled_from(_OPENING_LINES),
                 st.builds(lambda line, k: line[k:], st.sampled_from(_OPENING_LINES), st.integers(0, 12)),
                 st.text(max_size=40)))
def test_sign_off_patterns_searched_one_by_one_find_what_their_alternation_finds(text: str) -> None:
    """`features._signed_off` searches the sign-off patterns one by one: it answers as the
    alternation of them all does, on the cases, their tails and any text."""
    from corpus_split.features import _SIGN_OFF_ANYWHERE, _family_regex, _signed_off

    whole = _family_regex(_SIGN_OFF_ANYWHERE, "sign_off_anywhere")
    assert _signed_off(text) is (whole.search(text) is not None)


@pytest.mark.parametrize(("line", "expected"), [
    ("Here are a few ideas for the garden party:", True),
    ("Below is a short timeline of the project.", True),
    ("Hier sind drei Vorschläge für das Wochenende:", True),
    ("Voici quelques idées pour la semaine :", True),
    ("Aquí tienes una lista de ejemplos:", True),
    ("Ecco alcune idee per la cena:", True),
    ("Aqui estão algumas sugestões:", True),
    ("Hieronder staat een overzicht.", True),
    ("Вот несколько советов:", True),
    ("以下は週末のおすすめです。", True),
    ("以下是几个建议：", True),
    ("إليك بعض الأفكار:", True),
    ("Hereford cattle were sold at the market on Tuesday.", False),
    ("The council said here that the budget would be cut.", False),
    ("Voicing concerns, the mayor left early.", False),
])
def test_a_presentative_opening_is_found_in_each_language(line: str, expected: bool) -> None:
    # a feature of the line model only: where the line stands decides what it is
    from corpus_split.features import presentative

    assert presentative(line) is expected


@pytest.mark.parametrize(("line", "marks"), [
    ("I can shorten the draft if you like.", (1.0, 1.0, 1.0)),
    ("Let me know which version you prefer.", (1.0, 1.0, 1.0)),
    ("The council met on Monday to discuss the budget.", (0.0, 0.0, 0.0)),
    ("i libri sono arrivati ieri", (0.0, 0.0, 0.0)),  # Italian article "i": English "I" is a capital
    ("Sag mir Bescheid, wenn ich den Text kürzen soll.", (1.0, 0.0, 1.0)),
    ("Wenn Sie Fragen haben, helfe ich Ihnen gern.", (1.0, 1.0, 0.0)),
    ("Si tu veux, je peux raccourcir l'article.", (1.0, 1.0, 1.0)),
    ("Если нужно, я могу сократить текст.", (1.0, 0.0, 1.0)),
    ("如果你需要，我可以修改这篇文章。", (1.0, 1.0, 1.0)),
    ("必要であれば、記事を短くすることもできます。", (0.0, 0.0, 1.0)),
    ("I " + "word " * 80, (0.0, 0.0, 0.0)),  # too long for a residue line: not read
])
def test_person_words_mark_the_writer_the_reader_and_the_text(
        line: str, marks: tuple[float, float, float]) -> None:
    from corpus_split.features import person_marks

    assert person_marks(line) == marks


def test_no_person_word_stands_in_two_classes() -> None:
    """Across the phrase files a word names one thing ("je" is "I" in French and "you" in Dutch,
    so neither lists it): otherwise a line would mark the writer and the reader at once."""
    from corpus_split.features import _PERSON

    assert all(mask in (1, 2, 4) for mask in _PERSON.classes.values())
    inner = [set(words) for words in _PERSON.inner]
    assert not (inner[0] & inner[1] or inner[0] & inner[2] or inner[1] & inner[2])


def test_a_malformed_person_word_list_names_its_file(tmp_path: Path) -> None:
    from corpus_split.features import _person_words, _read_phrase_files

    for words in ({"speaker": ["two words"]}, {"writer": ["ich"]}):
        (tmp_path / "yy.json").write_text(json.dumps(
            {"version": 1, "language": "yy", "person_words": words}), encoding="utf-8")
        with pytest.raises(ValueError, match=r"yy\.json: person_words"):
            _person_words(_read_phrase_files(tmp_path))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.booleans())
def test_person_marks_of_any_text_are_flags(text: str, cjk: bool) -> None:
    from corpus_split.features import _PERSON_CHARS, person_marks

    marks = person_marks(text, cjk)
    assert len(marks) == 3 and set(marks) <= {0.0, 1.0}
    assert person_marks(text, cjk) == marks
    if len(text) > _PERSON_CHARS:
        assert marks == (0.0, 0.0, 0.0)


# lines made of listed words, other words, case changes, Latin-1 and wider letters, CJK, NUL
_PERSON_BITS = st.sampled_from([
    "I", "i", "you", "You", "YOU", "Ihnen", "ihnen", "article", "Artikel", "draft", "я", "Вы",
    "текст", "我", "你", "文章", "私", "あなた", "記事", "über", "Köln", "x", "the", "\0", "\n",
    " ", " ", ", ", "’", "—", "?", "ß", "œ", "İ", "ﬁ", "\u00ad", "I'll", "you’re", "📝"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.lists(_PERSON_BITS, max_size=40).map("".join),
                                    st.text(max_size=60)), st.booleans()), max_size=12))
def test_person_marks_of_many_lines_are_each_lines_own(lines: list[tuple[str, bool]]) -> None:
    """The pipeline reads a page's paragraphs together (`person_marks_many`): the marks are
    `person_marks` of each, whatever the lines hold (NUL, wide letters, words across lines)."""
    from corpus_split.features import person_marks, person_marks_many

    texts = [text for text, _ in lines]
    cjk = [c for _, c in lines]
    assert person_marks_many(texts, cjk) == [person_marks(t, c) for t, c in lines]
