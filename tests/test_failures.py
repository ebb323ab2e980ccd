"""Clear failure behaviour: TypeError for wrong types, ValueError for bad configuration,
and nothing else escapes ``split`` or ``repair`` on any ``str``."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import corpus_split as cs
from tests.contract import check_document


@pytest.mark.parametrize("bad", [None, 3, 1.5, ["text"], ("a",), {"a": 1}, object()])
def test_split_rejects_non_text(bad: object) -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        cs.split(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, 3, b"bytes", bytearray(b"x"), ["text"], object()])
def test_repair_rejects_non_str(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        cs.repair(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [{}, {"sensitivity": 0.5}, "default", 0.5, cs.Config])
def test_config_of_the_wrong_type_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="Config"):
        cs.split("text", config=bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Config"):
        cs.repair("text", config=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value", [-0.1, 1.01, 2, math.nan, math.inf, -math.inf, "0.5", None, True, False, 1 + 0j]
)
def test_bad_sensitivity_is_a_value_error_naming_the_field(value: object) -> None:
    with pytest.raises(ValueError, match=r"Config\.sensitivity must be a number in \[0, 1\]"):
        cs.Config(sensitivity=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(cs.Config) if f.type in ("bool", bool)])
@pytest.mark.parametrize("value", [1, 0, "yes", None, 1.0])
def test_non_bool_switch_is_a_value_error_naming_the_field(field: str, value: object) -> None:
    with pytest.raises(ValueError, match=rf"Config\.{field} must be True or False"):
        cs.Config(**{field: value})  # type: ignore[arg-type]


def test_replace_validates_too() -> None:
    with pytest.raises(ValueError, match="sensitivity"):
        dataclasses.replace(cs.Config(), sensitivity=7)


def test_valid_edge_configurations_work() -> None:
    for s in (0, 0.0, 1, 1.0):
        cs.Config(sensitivity=s)
    doc = cs.split("Title\n\nSome body text of the article.", config=cs.Config(sensitivity=0))
    check_document(doc)


def test_bytes_like_inputs_are_accepted() -> None:
    for data in (b"Hello world.", bytearray(b"Hello world."), memoryview(b"Hello world.")):
        doc = cs.split(data)
        check_document(doc)
        assert doc.text == "Hello world."


def test_str_subclass_is_text() -> None:
    class Sub(str):
        pass

    doc = cs.split(Sub("A title\n\nA paragraph of text."))
    check_document(doc)
    assert cs.repair(Sub("caf\u00c3\u00a9")).text == "café"


_CONFIGS = st.builds(
    cs.Config,
    **{f.name: st.booleans() for f in dataclasses.fields(cs.Config) if f.type in ("bool", bool)},
    sensitivity=st.floats(0.0, 1.0),
)
_ANY_CHAR_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=200)


@given(_ANY_CHAR_TEXT, _CONFIGS)
def test_no_other_exception_escapes_split_on_any_str(text: str, config: cs.Config) -> None:
    doc = cs.split(text, config=config)  # any exception here fails the test
    check_document(doc)
    assert doc.text == text


@given(_ANY_CHAR_TEXT, _CONFIGS)
def test_no_other_exception_escapes_repair_on_any_str(text: str, config: cs.Config) -> None:
    rep = cs.repair(text, config=config)
    assert rep.source == text
    assert rep.to_repaired(len(text)) == len(rep.text)


@given(st.binary(max_size=300), _CONFIGS)
def test_no_other_exception_escapes_split_on_any_bytes(data: bytes, config: cs.Config) -> None:
    check_document(cs.split(data, config=config))


def test_a_failing_charset_detector_falls_back_to_latin_1(monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    def broken(_data: bytes) -> object:
        raise RuntimeError("detector bug")

    monkeypatch.setattr(charset_normalizer, "from_bytes", broken)
    doc = cs.split(b"caf\xe9 cr\xe8me, na\xefve")
    check_document(doc)
    assert doc.encoding == "latin-1"
    assert doc.text == "café crème, naïve"
