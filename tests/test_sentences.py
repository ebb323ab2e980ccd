"""sentence_spans: its span contract in both modes, the regex rules, and pysbd's bounded use."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_split import sentences
from corpus_split.strategies import arbitrary_text

NEWS = (
    "Markets Rally\n"
    'Shares rose 3.5 pct on Monday. "It is good," Mr. Smith said. Was it? Yes!\n\n'
    "Dr. J. Doe of Acme Inc. disagreed in 1998. Prices fell.\n"
)


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Trimmed, ordered, disjoint, within one line, and covering every non-space character."""
    covered = [False] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert "\n" not in text[start:end]
        for i in range(start, end):
            covered[i] = True
        previous_end = end
    assert all(covered[i] or c.isspace() for i, c in enumerate(text))


def texts(spans: list[tuple[int, int]], text: str) -> list[str]:
    return [text[a:b] for a, b in spans]


@pytest.fixture
def no_pysbd(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """sentence_spans as it is without the ``sentences`` extra."""
    sentences._segmenter.cache_clear()
    monkeypatch.setattr(sentences, "_pysbd", lambda: None)
    yield
    sentences._segmenter.cache_clear()


def test_regex_rules_on_news() -> None:
    assert texts(sentences.regex_sentence_spans(NEWS), NEWS) == [
        "Markets Rally",
        "Shares rose 3.5 pct on Monday.",
        '"It is good," Mr. Smith said.',
        "Was it?",
        "Yes!",
        "Dr. J. Doe of Acme Inc. disagreed in 1998.",
        "Prices fell.",
    ]


def test_regex_rules_keep_lower_case_continuations() -> None:
    text = "He bought it for approx. five dollars. then left... and came back."
    assert len(sentences.regex_sentence_spans(text)) == 1


def test_regex_offsets_count_in_the_whole_text() -> None:
    text = "First one. Second one.\nThird one."
    assert texts(sentences.regex_sentence_spans(text, 11), text) == ["Second one.", "Third one."]


def test_fallback_without_pysbd(no_pysbd: None) -> None:
    assert not sentences.pysbd_available()
    assert sentences.sentence_spans(NEWS) == sentences.regex_sentence_spans(NEWS)


def test_unknown_language_uses_the_regex() -> None:
    text = "She lives in the U.S. He lives in Canada."
    assert sentences.sentence_spans(text, language="xx") == sentences.regex_sentence_spans(text)


def test_region_suffix_is_ignored() -> None:
    pytest.importorskip("pysbd")
    text = "She lives in the U.S. He lives in Canada."
    pysbd_spans = [(0, 21), (22, 41)]
    assert sentences.sentence_spans(text, "en-US") == sentences.sentence_spans(text, "EN") == pysbd_spans


def test_threads_get_their_own_segmenter() -> None:
    """pysbd's segment() keeps the text on the segmenter, so threads must not share one."""
    pytest.importorskip("pysbd")
    texts = [f"Item {i} costs approx. {i} dollars in the U.S. Buy it now. " * 40 for i in range(8)]
    expected = [sentences.sentence_spans(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        for _ in range(5):
            assert list(pool.map(sentences.sentence_spans, texts)) == expected


def test_wrong_type() -> None:
    with pytest.raises(TypeError):
        sentences.sentence_spans(b"bytes")  # type: ignore[arg-type]


@given(arbitrary_text())
def test_contract_regex(text: str) -> None:
    check_spans(text, sentences.regex_sentence_spans(text))


# --- with pysbd installed (the ``test`` extra brings it) -------------------------------


def test_pysbd_is_used_when_installed() -> None:
    pytest.importorskip("pysbd")
    assert sentences.pysbd_available()
    text = "She lives in the U.S. He lives in Canada."
    # The regex keeps the initials' full stop; pysbd sees a new sentence after it.
    assert texts(sentences.regex_sentence_spans(text), text) == [text]
    assert texts(sentences.sentence_spans(text), text) == ["She lives in the U.S.", "He lives in Canada."]
    check_spans(NEWS, sentences.sentence_spans(NEWS))


def test_pysbd_sees_only_the_first_chars(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pysbd")
    real = sentences._segmenter("en")
    seen: list[int] = []

    class Counting:
        def segment(self, text: str) -> Any:
            seen.append(len(text))
            return real.segment(text)

    monkeypatch.setattr(sentences, "_segmenter", lambda language, thread=0: Counting())
    long_text = NEWS * 200
    spans = sentences.sentence_spans(long_text, max_pysbd_chars=1000)
    assert seen and max(seen) <= 1000
    check_spans(long_text, spans)
    # Past the cut, the regex rules alone decide.
    cut = sentences._pysbd_cut(long_text, 1000)
    assert [s for s in spans if s[0] >= cut] == sentences.regex_sentence_spans(long_text, cut)


def test_pysbd_cut_prefers_a_line_break() -> None:
    text = "a" * 50 + "\n" + "b" * 100
    assert sentences._pysbd_cut(text, 80) == 51
    assert sentences._pysbd_cut("x" * 100, 80) == 80
    assert sentences._pysbd_cut("short", 80) == 5


def test_bad_pysbd_offsets_fall_back(monkeypatch: pytest.MonkeyPatch) -> None:
    class Piece:
        sent, start, end = "nonsense", 0, 8

    class Broken:
        def segment(self, text: str) -> list[Piece]:
            return [Piece()]

    monkeypatch.setattr(sentences, "_segmenter", lambda language, thread=0: Broken())
    assert sentences.sentence_spans(NEWS) == sentences.regex_sentence_spans(NEWS)


@given(arbitrary_text() | st.text(alphabet=st.sampled_from("ab .?!\n\"'U.S")))
def test_contract_pysbd(text: str) -> None:
    pytest.importorskip("pysbd")
    check_spans(text, sentences.sentence_spans(text))
