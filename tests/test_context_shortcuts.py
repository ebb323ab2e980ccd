"""The paragraph features' speed shortcuts count what the plain versions count (issue 15).

An ASCII paragraph's shares, letters, digits and date test are read off one string of its
characters' classes (`context._ascii_classes`); these tests check them against the
functions they stand in for.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_split import context, features

# ASCII text with every class of character: capitals, small letters, digits, marks, and
# each kind of white space str.split parts on (the file and group separators too)
_ascii = st.text(alphabet=st.sampled_from("AZaz09 .,:;/-'()<>$\t\n\r\x0b\x0c\x1c\x1f\x00~USA"),
                 max_size=120)


@settings(max_examples=1000, deadline=None)
@given(_ascii, st.integers(0, 130))
def test_ascii_classes_give_the_token_shares(text: str, chars: int) -> None:
    classes = context._ascii_classes(text)
    assert context._ascii_token_shares(classes, chars) == context._token_shares(text[:chars])


@settings(max_examples=1000, deadline=None)
@given(_ascii)
def test_ascii_classes_count_letters_and_digits(text: str) -> None:
    classes = context._ascii_classes(text)
    assert classes.count(b"U") + classes.count(b"l") == features._count_letters(text)
    assert classes.count(b"d") == features._count_digits(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["1987", "12:30", "3/4/88", "x", "1", " ", "2001", "a1999", "/", "U.S."]),
                max_size=80))
def test_own_features_of_ascii_text_are_those_of_the_plain_counts(tokens: list[str]) -> None:
    # `_own` reads an ASCII paragraph's shares, letters and date off its classes
    text = "".join(tokens) or "x"
    row = context._own(text, features.line_features(text), 1, False, 0, False)
    head = text[:context._HEAD_CHARS]
    nonspace = len(head) - head.count(" ") or 1
    letters = features._count_letters(head)
    shares = context._token_shares(text[:context._SHARE_CHARS])
    plain = {
        **dict(zip(("capitalised", "all_caps", "numeric"), shares)),
        "letters": letters / nonspace,
        "symbols": (nonspace - letters - features._count_digits(head)) / nonspace,
        "date_time": 1.0 if context._dated(text[:context._DATE_CHARS]) else 0.0,
    }
    assert {name: row[context._OWN.index(name)] for name in plain} == plain


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["{", "}", ";", "=", "<", ">", "`", "(", ")", "()", "$", " ", "\t",
                                 "def", "class", "return", "x", "\u00e9", "\u2019", "\n"]),
                max_size=40).map("".join))
def test_code_counts_the_patterns_matches(text: str) -> None:
    assert context._code(text) == len(context._CODE_RE.findall(text))
    assert context._code_count(text) == len(context._CODE_RE.findall(text))


# the marks that open or close what the pretested patterns match, and text around them
_PIECES = [".", "!", "?", "\u3002", "\u2026", '"', "'", "\u2019", "\u201d", ")", "]", "\u00bb", "\u300d",
           " ", "\n", "\t", "x", "A", ":", "at ", 'File "', "DEBUG", "INFO ", "[", "2024-01-02 10:00", "$ ",
           "% x", ">>> ", "... ", "\u0662", "#", "# ", "**", "__", "*", "_", "/", "@", "|", "www.", ".com",
           "! ", "? ", ". ", "![a](b)", "<img src=x>", "<IMG>", "<", "!["]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_pretested_patterns_agree_with_the_patterns(text: str) -> None:
    # each shortcut tries its pattern only where the text's first or last character leaves it open
    assert context.ends_sentence(text) == (context._END_SENTENCE_RE.search(text[-7:]) is not None)
    assert context._log_line(text) == (1.0 if context._LOG_RE.match(text) is not None else 0.0)
    assert context._linky(text) == len(context._LINKY_RE.findall(text))
    assert context._inner_ends(text) == (text.count(". ") + text.count("! ") + text.count("? ")
                                         + len(context._CJK_END_RE.findall(text)))
    if text:
        plain_image = 0.0
        if "![" in text or "<img" in text or "<IMG" in text:
            plain_image = sum(m.end() - m.start() for m in context._IMAGE_RE.finditer(text)) / len(text)
        assert context._markup(text)[0] == plain_image
    row = context._own(text or "x", features.line_features(text or "x"), 0, False, 0, False)
    for name, pattern in (("heading_mark", context._HEADING_MARK_RE), ("bold", context._BOLD_RE)):
        assert row[context._OWN.index(name)] == (1.0 if pattern.match(text or "x") else 0.0)
