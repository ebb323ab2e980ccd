"""Shortcuts in language checked against the plain forms they replace."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from corpus_split.language import _LETTER_RE, _SCRIPTS, _script_counts, script_language

# characters of every script the patterns name, marks shared by several scripts (the CJK
# comma, the prolonged sound mark, the iteration mark), digits, spaces and punctuation
_CHARS = st.sampled_from(list(
    "abcXYZéßøñ  ,.!?-0123456789\n\t"
    "ひらがなカタカナー々、。「」"
    "한국어" "中文字漢" "αβγΩ" "שלום" "مرحبا" "नमस्ते" "สวัสดี" "привет"
    "\u0301\u00ad\u200b\ufeff\U0001f600"
))
_TEXT = st.one_of(st.text(_CHARS, max_size=80), st.text(max_size=40))


@given(_TEXT)
def test_script_counts_are_those_of_the_patterns(text: str) -> None:
    letters, per_script = _script_counts(text)
    assert letters == len(_LETTER_RE.findall(text))
    assert per_script == [len(pattern.findall(text)) for _, pattern in _SCRIPTS]


def test_script_language_examples() -> None:
    assert script_language("привет, как дела") == "cyrl"
    assert script_language("ひらがなとカタカナと漢字") == "ja"
    assert script_language("中文的句子") == "zh"
    assert script_language("12345 !!!") == ""
