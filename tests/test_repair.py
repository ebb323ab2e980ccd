"""repair(): what it fixes, and the offset map's invariants (Hypothesis)."""

from __future__ import annotations

from pathlib import Path

import ftfy
import ftfy.bad_codecs  # registers the "sloppy-" codecs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import corpus_split as cs
from tests.conftest import seed_text

# "これはテストです。" as UTF-8 read as Windows-1252: a line ftfy fixes
_JAPANESE_MOJIBAKE = ("\xe3\x81\u201c\xe3\u201a\u0152\xe3\x81\xaf\xe3\u0192\u2020\xe3\u201a\xb9"
                      "\xe3\u0192\u02c6\xe3\x81\xa7\xe3\x81\u2122\xe3\u20ac\u201a")
# Text with the damage repair is for, mixed into arbitrary Unicode.
damage = st.sampled_from(
    ["Ã©", "â€™", "ÃƒÂ©", "&amp;", "&#8217;", "\r\n", "\r", "\u200b", "\ufeff", "\xa0", "\x85",
     "\x00", "\x1b[1m", "\u2028", "rÃ©sumÃ©", "\ud800", "æ–°", "\nï¼›\n",
     _JAPANESE_MOJIBAKE]
)
damaged_text = st.lists(st.one_of(st.text(max_size=12), damage), max_size=12).map("".join)


def check_map(r: cs.Repaired) -> None:
    n, m = len(r.text), len(r.source)
    src = [r.to_source(i) for i in range(n + 1)]
    assert src[-1] == m and (n == 0 or src[0] == 0)
    assert all(0 <= a <= b <= m for a, b in zip(src, src[1:]))
    rep = [r.to_repaired(j) for j in range(m + 1)]
    assert rep[-1] == n and rep[0] == 0
    assert all(0 <= a <= b <= n for a, b in zip(rep, rep[1:]))
    for c in r.changes:
        assert r.source[c.source_start : c.source_end] == c.before
        assert r.text[c.start : c.end] == c.after
        assert c.fixes and all(isinstance(f, cs.Fix) for f in c.fixes)


@pytest.mark.parametrize(
    ("damaged", "fixed"),
    [
        ("rÃ©sumÃ©", "résumé"),
        ("donâ€™t", "don’t"),
        ("ÃƒÂ©tÃƒÂ©", "été"),  # encoded twice
        ("fish &amp; chips &#8217;", "fish & chips ’"),
        ("a\r\nb\rc\u2028d", "a\nb\nc\nd"),
        ("\ufeffstart mid\ufeffdle zero\u200bwidth", "start middle zerowidth"),
        ("no\xa0break", "no break"),
        ("cost \x80100", "cost €100"),  # a C1 control meant as Windows-1252
        ("keeps ‘curly’ quotes and ｗｉｄｔｈ", "keeps ‘curly’ quotes and ｗｉｄｔｈ"),
    ],
)
def test_fixes(damaged: str, fixed: str) -> None:
    r = cs.repair(damaged)
    assert r.text == fixed
    check_map(r)


def test_mojibake_left_on_a_short_line_is_undone_where_the_page_had_more() -> None:
    # ftfy judges each line alone: a post's "v3新" and "v3；" read as Windows-1252 stayed
    # damaged under a heading it fixed, and the post's clean_text with them
    page = "\n\n".join(["新しい版の変更点をここにまとめました。", "v3新", "v3；"])
    damaged = page.encode("utf-8").decode("sloppy-windows-1252") + "\n\nCafé crème"
    page += "\n\nCafé crème"  # real Latin-1 text on the same page stays as it is
    r = cs.repair(damaged)
    assert r.text == page
    check_map(r)
    k = r.text.index("新", r.text.index("v3"))
    assert r.source[r.to_source(k) : r.to_source(k + 1)] == "æ–°"
    assert all(c.fixes == (cs.Fix.FIX_ENCODING,) for c in r.changes)


def test_a_short_line_of_mojibake_alone_is_left_as_ftfy_leaves_it() -> None:
    # with nothing else on the page to go by, "ç³»" is three Latin-1 characters
    assert cs.repair("v3æ–°").text == ftfy.fix_text("v3æ–°") == "v3æ–°"
    assert cs.repair("v3æ–°", config=cs.Config(fix_encoding=False)).text == "v3æ–°"


def test_resume_maps_back_to_exactly_its_damaged_characters() -> None:
    r = cs.repair("my rÃ©sumÃ© here")
    start = r.text.index("résumé")
    end = start + len("résumé")
    assert r.source[r.to_source(start) : r.to_source(end)] == "rÃ©sumÃ©"
    e = r.text.index("é")
    assert r.source[r.to_source(e) : r.to_source(e + 1)] == "Ã©"
    assert r.to_repaired(r.to_source(e)) == e


def test_changes_say_what_was_fixed() -> None:
    r = cs.repair("rÃ©sumÃ© &amp; co\r\n")
    fixes = {f for c in r.changes for f in c.fixes}
    assert cs.Fix.FIX_ENCODING in fixes
    assert cs.Fix.UNESCAPE_HTML in fixes
    assert cs.Fix.FIX_LINE_BREAKS in fixes
    first = r.changes[0]
    assert (first.before, first.after) == ("Ã©", "é")


def test_config_switches_steps_off() -> None:
    cfg = cs.Config(fix_encoding=False, normalize_spaces=False)
    assert cs.repair("rÃ©sumÃ©\xa0x", config=cfg).text == "rÃ©sumÃ©\xa0x"


def test_out_of_range_offsets_raise() -> None:
    r = cs.repair("abc")
    with pytest.raises(IndexError):
        r.to_source(4)
    with pytest.raises(IndexError):
        r.to_repaired(-1)
    with pytest.raises(TypeError):
        r.to_source("1")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, b"bytes", 5])
def test_repair_wrong_type(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        cs.repair(bad)  # type: ignore[arg-type]


def test_invalid_config_values() -> None:
    with pytest.raises(ValueError, match="sensitivity"):
        cs.Config(sensitivity=2.0)
    with pytest.raises(ValueError, match="fix_encoding"):
        cs.Config(fix_encoding="yes")  # type: ignore[arg-type]


@given(st.text())
def test_map_is_monotone_on_any_text(text: str) -> None:
    check_map(cs.repair(text))


@given(damaged_text)
def test_map_is_monotone_on_damaged_text(text: str) -> None:
    check_map(cs.repair(text))


@given(st.text(alphabet=st.characters(codec="ascii", exclude_characters="\r&\x1b\x00"
                                      "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                      "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1c"
                                      "\x1d\x1e\x1f\x7f")))
def test_map_round_trips_on_unchanged_text(text: str) -> None:
    r = cs.repair(text)
    assert r.text == text
    assert r.changes == ()
    for i in range(len(text) + 1):
        assert r.to_source(i) == i
        assert r.to_repaired(i) == i


@given(damaged_text)
def test_repair_is_idempotent(text: str) -> None:
    once = cs.repair(text).text
    assert cs.repair(once).text == once


@given(damaged_text)
def test_repair_is_deterministic(text: str) -> None:
    assert cs.repair(text) == cs.repair(text)


def test_seeds_repair_idempotent_and_mapped(seed_path: Path) -> None:
    text = seed_text(seed_path)
    r = cs.repair(text)
    check_map(r)
    assert cs.repair(r.text).text == r.text


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text()
       | st.text(alphabet=st.sampled_from("aZ 9.,&<;’‘“”–—…ÂÃâ€™©é\x80\u00a0")))
def test_lines_that_skip_ftfy_are_lines_ftfy_leaves_alone(line: str) -> None:
    # repair skips ftfy on printable ASCII lines without "&" (with typographic punctuation
    # too); ftfy must agree
    from corpus_split.repair import _ftfy_config, _ftfy_leaves

    if _ftfy_leaves(line):
        assert ftfy.fix_text(line, _ftfy_config(cs.Config())) == line


@given(st.text(alphabet=st.sampled_from("aZ 9.,&<;’—　、。「」あア中한Ａ\uff5e\u30fbÂÃâ€™©é\x80\u00a0")))
def test_cjk_lines_that_skip_ftfy_are_lines_ftfy_leaves_alone(line: str) -> None:
    # lines of CJK text (with ASCII and typographic punctuation) skip ftfy too; ftfy must agree
    from corpus_split.repair import _ftfy_config, _ftfy_leaves

    if _ftfy_leaves(line):
        assert ftfy.fix_text(line, _ftfy_config(cs.Config())) == line


def test_badness_pattern_names_no_cjk_character() -> None:
    # every alternative of ftfy's badness pattern needs a character beyond ASCII that the
    # pattern names, literally or as an end of one of its ranges; none lies in the CJK ranges
    # that skip ftfy, so no line of them, ASCII and typographic punctuation is bad
    import re

    from ftfy.badness import BADNESS_RE

    from corpus_split.repair import _CJK_RANGES

    pattern = BADNESS_RE.pattern
    named = set(pattern)
    for m in re.finditer(r"(.)-(.)", pattern, re.DOTALL):  # (more than its ranges: never fewer)
        if m.group(1) < m.group(2):
            named.update(map(chr, range(ord(m.group(1)), ord(m.group(2)) + 1)))
    cjk = re.compile(f"[{_CJK_RANGES}]")
    assert not [ch for ch in named if cjk.match(ch)]
    # nor is any a control character ftfy removes or a C1 control
    controls = (*range(0x20), *range(0x7F, 0xA0), *range(0x206A, 0x2070), 0xFEFF, *range(0xFFF9, 0xFFFD))
    assert not any(cjk.match(chr(c)) for c in controls)


_ENTITY_PIECES = st.sampled_from([
    "&lt;", "&LT;", "&gt;", "&amp;", "&quot;", "&#39;", "&#3;", "&#27;", "&#x1b;", "&#13;", "&#10;",
    "&#9;", "&#127;", "&#0;", "&nbsp;", "&#128;", "&#150;", "&foo;", "&amp;lt;", "&", "&#", ";", "<",
    "[31m", "AT&T", "x" * 30 + ";", "&" + "a" * 26 + ";",
])


@given(st.lists(_ENTITY_PIECES | st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=6),
                max_size=12).map("".join))
def test_lines_fixed_without_ftfy_are_fixed_as_ftfy_fixes_them(line: str) -> None:
    # repair unescapes lines whose only fix is their entities itself; where it does, ftfy's
    # answer must be the same (and ftfy is asked for every other line)
    from corpus_split.repair import _entities_fixed, _ftfy_config

    fixed = _entities_fixed(line)
    if fixed is not None:
        assert fixed == ftfy.fix_text(line, _ftfy_config(cs.Config()))


def test_newswire_entities_are_fixed_without_ftfy_and_mapped() -> None:
    # "&lt;" and the "&#3;" end marker of newswire: fixed by the fast path, with one change each
    from corpus_split.repair import _entities_fixed

    line = "Shares of &lt;ACME Corp> rose 5 pct.&#3;"
    assert _entities_fixed(line) == "Shares of <ACME Corp> rose 5 pct."
    assert _entities_fixed("Caf&#233; &lt;ACME>") is None  # a character beyond ASCII: ftfy decides
    assert _entities_fixed("AT&T &lt;T>") is None  # an "&" left over: ftfy decides
    r = cs.repair("Title\n\n" + line + "\nnext line")
    assert r.text == "Title\n\nShares of <ACME Corp> rose 5 pct.\nnext line"
    assert [(c.before, c.after) for c in r.changes] == [("&lt;", "<"), ("&#3;", "")]
    check_map(r)
