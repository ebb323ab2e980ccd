"""The public contract of split(): tiling, offsets, articles, wrong types."""

from __future__ import annotations

from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-1252" codec)
import pytest

import corpus_split as cs
from tests.conftest import seed_text
from tests.contract import check_document


def test_seed_as_str(seed_path: Path) -> None:
    doc = cs.split(seed_text(seed_path))
    check_document(doc)
    assert doc.encoding is None
    assert len(doc.articles) >= 1


def test_seed_as_utf8_bytes_matches_str(seed_path: Path) -> None:
    text = seed_text(seed_path)
    from_bytes = cs.split(text.encode("utf-8"))
    from_str = cs.split(text)
    check_document(from_bytes)
    assert from_bytes.encoding == "utf-8"
    assert from_bytes.text == text
    assert from_bytes.segments == from_str.segments


def test_windows_1252_bytes_are_detected() -> None:
    text = "Café society\n\nThe café on the corner served crème brûlée to the naïve visitors.\n" * 3
    doc = cs.split(text.encode("cp1252"))
    check_document(doc)
    assert doc.text == text
    assert doc.encoding is not None and doc.encoding != "utf-8"


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", " \t\r\n  \u00a0", "\u200b"])
def test_empty_and_whitespace_have_no_articles(text: str) -> None:
    doc = cs.split(text)
    check_document(doc)
    assert doc.articles == ()


@pytest.mark.parametrize("bad", [None, 12, 3.5, ["text"], {"text": 1}, object()])
def test_wrong_type_raises_type_error_naming_accepted_types(bad: object) -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        cs.split(bad)  # type: ignore[arg-type]


def test_bad_config_type() -> None:
    with pytest.raises(TypeError, match="Config"):
        cs.split("x", config={"sensitivity": 1})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "\ud800 lone surrogate \udfff",
        "NUL\x00in\x00text\n\nand \x1b[31mescapes\x1b[0m",
        "\u202edir override\u202c\r\rCR only\r",
        "x" * 5000,
        "((((((((((" * 300,
    ],
)
def test_odd_strings_keep_the_contract(text: str) -> None:
    check_document(cs.split(text))


def test_mojibake_article_is_repaired_in_clean_text() -> None:
    clean = (
        "Caf\u00e9 owners fight r\u00e9sum\u00e9 fraud\n\n"
        "The caf\u00e9\u2019s owner said the r\u00e9sum\u00e9s they receive are often invented, "
        "and that na\u00efve hiring costs small businesses dearly every single year.\n\n"
        "She added that \u201cchecking references\u201d takes time but pays off in the end."
    )
    # how browsers and most tools misread UTF-8: Windows-1252, undefined bytes kept as C1
    damaged = clean.encode("utf-8").decode("sloppy-windows-1252")
    doc = cs.split(damaged)
    check_document(doc)
    assert doc.text == damaged
    assert len(doc.articles) == 1
    assert " ".join(doc.articles[0].clean_text.split()) == " ".join(clean.split())


def test_segment_offsets_point_into_damaged_input() -> None:
    damaged = "R\u00c3\u00a9sum\u00c3\u00a9 tips\n\nWrite a short r\u00c3\u00a9sum\u00c3\u00a9, people say."
    doc = cs.split(damaged)
    check_document(doc)
    body = [s for s in doc.segments if s.kind is cs.Kind.BODY]
    assert body and body[0].text.startswith("Write")


def test_determinism(seed_path: Path) -> None:
    text = seed_text(seed_path)
    assert cs.split(text) == cs.split(text)


def test_pickle_round_trip(seed_path: Path) -> None:
    import pickle

    doc = cs.split(seed_text(seed_path))
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc
    check_document(again)


def test_split_leaves_the_cycle_collector_as_it_found_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from corpus_split import pipeline

    assert gc.isenabled()
    cs.split("A title\n\nSome text about a thing that happened on a day.")
    assert gc.isenabled()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("stage failed")

    monkeypatch.setattr(pipeline, "split_lines", broken)
    with pytest.raises(RuntimeError):
        cs.split("text")
    assert gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(RuntimeError):
            cs.split("text")
        assert not gc.isenabled()
    finally:
        gc.enable()
