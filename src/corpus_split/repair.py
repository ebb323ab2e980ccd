"""Encoding repair with an exact offset map back to the damaged input.

ftfy does the fixing; it keeps no record of where a fix happened, so each step
here records its edits (which span of its input became which span of its output)
and the steps' maps are chained. Mojibake is mapped character by character: a
repaired "é" maps back to exactly the two characters "Ã©" it was decoded from.

Steps, in order, each named after the `Config` field that switches it:
``fix_line_breaks`` → ftfy (``fix_encoding``, ``unescape_html``, ``fix_c1_controls``,
``remove_control_chars``, ``remove_terminal_escapes``) → on a page where ftfy undid mojibake,
what it left on lines too short to judge (``fix_encoding``, `fix_leftover_mojibake`) →
``remove_invisible`` → ``normalize_spaces``.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

import ftfy
import ftfy.fixes
import regex

from .config import DEFAULT_CONFIG, Config

__all__ = ["Change", "Fix", "Repaired", "repair"]

# ftfy is run on lines; a changed line longer than this is re-fixed in pieces so the
# character alignment (difflib, worst case quadratic) stays cheap and bounded.
_ALIGN_CHUNK = 800

# Rounds of repair at most; a second round is rare and a third rarer still.
_MAX_ROUNDS = 3

# Single-byte codecs that UTF-8 is most often misread as; used to map mojibake
# back character by character. "sloppy-" codecs are registered by ftfy.
_MOJIBAKE_CODECS = ("sloppy-windows-1252", "latin-1", "sloppy-windows-1251", "macroman")

_ENTITY_TAIL_RE = regex.compile(r"#?[0-9A-Za-z]{1,32};")
_ENTITY_RE = regex.compile("&" + _ENTITY_TAIL_RE.pattern)
_LINE_BREAK_RE = regex.compile(r"\r\n|[\r\u2028\u2029]")
_INVISIBLE_RE = regex.compile(r"[\u200b\u2060\ufeff\u180e]+")
_FIXED_SPACE_RE = regex.compile(r"[\u00a0\u2007\u202f]")
# The characters those three patterns match (every match holds one of them).
_LINE_BREAK_CHARS = "\r\u2028\u2029"
_INVISIBLE_CHARS = "\u200b\u2060\ufeff\u180e"
_FIXED_SPACE_CHARS = "\u00a0\u2007\u202f"


class Fix(str, Enum):
    """A kind of repair; the values are the `Config` fields that switch them."""

    FIX_LINE_BREAKS = "fix_line_breaks"
    FIX_ENCODING = "fix_encoding"
    UNESCAPE_HTML = "unescape_html"
    FIX_C1_CONTROLS = "fix_c1_controls"
    REMOVE_CONTROL_CHARS = "remove_control_chars"
    REMOVE_TERMINAL_ESCAPES = "remove_terminal_escapes"
    FIX_SURROGATES = "fix_surrogates"
    REMOVE_INVISIBLE = "remove_invisible"
    NORMALIZE_SPACES = "normalize_spaces"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Change:
    """One repair: ``before`` at ``source_start:source_end`` became ``after`` at ``start:end``."""

    fixes: tuple[Fix, ...]
    start: int
    end: int
    source_start: int
    source_end: int
    before: str
    after: str


# (source start, source end, output start, output end) of one edit of one step.
_Edit = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class _OffsetMap:
    """A monotone map between one step's input and output, from its sorted edits."""

    src_start: tuple[int, ...]
    src_end: tuple[int, ...]
    dst_start: tuple[int, ...]
    dst_end: tuple[int, ...]

    @classmethod
    def from_edits(cls, edits: Sequence[_Edit]) -> _OffsetMap:
        return cls(
            tuple(e[0] for e in edits),
            tuple(e[1] for e in edits),
            tuple(e[2] for e in edits),
            tuple(e[3] for e in edits),
        )

    def to_source(self, i: int) -> int:
        return _through(i, self.dst_start, self.dst_end, self.src_start, self.src_end)

    def to_output(self, j: int) -> int:
        return _through(j, self.src_start, self.src_end, self.dst_start, self.dst_end)


def _through(
    i: int, a_start: Sequence[int], a_end: Sequence[int], b_start: Sequence[int],
    b_end: Sequence[int]
) -> int:
    """Map offset ``i`` from side a to side b of a sorted edit list."""
    k = bisect_right(a_start, i) - 1
    if k < 0:
        return i
    if i >= a_end[k]:
        return b_end[k] + (i - a_end[k])
    a_len = a_end[k] - a_start[k]
    return b_start[k] + (i - a_start[k]) * (b_end[k] - b_start[k]) // a_len


@dataclass(frozen=True, slots=True)
class Repaired:
    """Repaired text with a monotone offset map to and from the damaged ``source``."""

    source: str
    text: str
    changes: tuple[Change, ...]
    _maps: tuple[_OffsetMap, ...] = field(default=(), repr=False)

    def to_source(self, i: int) -> int:
        """Offset in ``source`` of offset ``i`` (``0..len(text)``) of the repaired text."""
        _check_offset(i, len(self.text), "repaired text")
        # the ends map to the ends, even where deleted characters (a BOM) stood there
        if i == len(self.text):
            return len(self.source)
        if i == 0:
            return 0
        for m in reversed(self._maps):
            i = m.to_source(i)
        return i

    def to_repaired(self, j: int) -> int:
        """Offset in the repaired text of offset ``j`` (``0..len(source)``) of ``source``."""
        _check_offset(j, len(self.source), "source")
        if j == len(self.source):
            return len(self.text)
        if j == 0:
            return 0
        for m in self._maps:
            j = m.to_output(j)
        return j

    def __repr__(self) -> str:
        return f"Repaired(chars={len(self.source)}->{len(self.text)}, changes={len(self.changes)})"


def _check_offset(i: int, size: int, what: str) -> None:
    if isinstance(i, bool) or not isinstance(i, int):
        raise TypeError(f"offset must be an int, not {type(i).__name__}")
    if not 0 <= i <= size:
        raise IndexError(f"offset {i} is outside 0..{size} of the {what}")


# --- steps -------------------------------------------------------------------------

# A step: text -> (output, edits, fixes of each edit).
_StepResult = tuple[str, list[_Edit], list[tuple[Fix, ...]]]


def _substitute(
    text: str, pattern: regex.Pattern[str], replace: Callable[[str], str], fix: Fix,
    chars: str = "",
) -> _StepResult:
    """Apply a regex substitution, recording each match as one edit.

    ``chars``, when given, holds a character of every match: text with none of them (most
    text) is returned as it is without running the pattern over it.
    """
    if chars and not any(map(text.__contains__, chars)):
        return text, [], []
    parts: list[str] = []
    edits: list[_Edit] = []
    last = 0
    out_len = 0
    for m in pattern.finditer(text):
        s, e = m.span()
        new = replace(m.group())
        parts.append(text[last:s])
        out_len += s - last
        edits.append((s, e, out_len, out_len + len(new)))
        parts.append(new)
        out_len += len(new)
        last = e
    if not edits:
        return text, [], []
    parts.append(text[last:])
    return "".join(parts), edits, [(fix,)] * len(edits)


def fix_line_breaks(text: str) -> _StepResult:
    """CRLF, lone CR and U+2028/U+2029 become ``\\n``."""
    return _substitute(text, _LINE_BREAK_RE, lambda _: "\n", Fix.FIX_LINE_BREAKS, _LINE_BREAK_CHARS)


def remove_invisible(text: str) -> _StepResult:
    """Zero-width spaces, word joiners, Mongolian vowel separators and stray BOMs go."""
    return _substitute(text, _INVISIBLE_RE, lambda _: "", Fix.REMOVE_INVISIBLE, _INVISIBLE_CHARS)


def normalize_spaces(text: str) -> _StepResult:
    """No-break, figure and narrow no-break spaces become plain spaces."""
    return _substitute(text, _FIXED_SPACE_RE, lambda _: " ", Fix.NORMALIZE_SPACES, _FIXED_SPACE_CHARS)


def _ftfy_config(config: Config) -> ftfy.TextFixerConfig:
    # Conservative: never uncurl quotes, change widths or ligatures, or renormalise.
    return ftfy.TextFixerConfig(
        unescape_html=config.unescape_html,
        remove_terminal_escapes=config.remove_terminal_escapes,
        fix_encoding=config.fix_encoding,
        restore_byte_a0=config.fix_encoding,
        replace_lossy_sequences=config.fix_encoding,
        decode_inconsistent_utf8=config.fix_encoding,
        fix_c1_controls=config.fix_c1_controls,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=config.remove_control_chars,
        normalization=None,
        explain=False,
    )


_STEP_FIX = {
    "unescape_html": Fix.UNESCAPE_HTML,
    "remove_terminal_escapes": Fix.REMOVE_TERMINAL_ESCAPES,
    "fix_c1_controls": Fix.FIX_C1_CONTROLS,
    "remove_control_chars": Fix.REMOVE_CONTROL_CHARS,
    "fix_surrogates": Fix.FIX_SURROGATES,
}


# Densely damaged text repeats the same small edits thousands of times; ftfy's
# explanation of each is a pure function of its arguments, so it is cached.
@functools.lru_cache(maxsize=4096)
def _explain(before: str, after: str, cfg: ftfy.TextFixerConfig) -> tuple[Fix, ...]:
    """Name the fixes ftfy applies to turn ``before`` into ``after``; () if it does not."""
    try:
        explained = ftfy.fix_and_explain(before, cfg._replace(explain=True))
    except Exception:  # ftfy is third-party code: never let its explanation break a repair
        return ()
    if explained.text != after:
        return ()
    found: list[Fix] = []
    for action, name in explained.explanation or ():
        fix = _STEP_FIX.get(name, Fix.FIX_ENCODING) if action in ("apply", "transcode") else (
            Fix.FIX_ENCODING
        )
        if fix not in found:
            found.append(fix)
    return tuple(found)


def _exact_groups(a: str, b: str, depth: int = 2) -> list[tuple[int, int]] | None:
    """Split a mojibake span ``a`` and its repair ``b`` into (len in a, len in b) groups.

    Works when ``a`` is ``b``'s UTF-8 bytes read through a single-byte codec,
    possibly twice; returns None otherwise.
    """
    for codec in _MOJIBAKE_CODECS:
        try:
            inner = a.encode(codec).decode("utf-8")
        except (UnicodeError, LookupError):
            continue
        if inner == b:
            return [(len(ch.encode("utf-8", "surrogatepass")), 1) for ch in b]
        if depth > 1:
            rest = _exact_groups(inner, b, depth - 1)
            if rest is not None:
                # each char of `inner` came from len(its UTF-8) chars of `a`
                sizes = [len(ch.encode("utf-8", "surrogatepass")) for ch in inner]
                groups: list[tuple[int, int]] = []
                pos = 0
                for n_inner, n_b in rest:
                    groups.append((sum(sizes[pos : pos + n_inner]), n_b))
                    pos += n_inner
                return groups
    return None


def _pieces(line: str, size: int) -> Iterable[str]:
    """Cut a long line into pieces of about ``size`` characters, at spaces where possible."""
    start = 0
    n = len(line)
    while start < n:
        end = min(n, start + size)
        if end < n:
            space = line.rfind(" ", start + size // 2, end)
            if space > start:
                end = space + 1
        yield line[start:end]
        start = end


# difflib's alignment is quadratic in the amount of changed text; when more than this
# many characters lie between the common head and tail of a piece and its repair
# (densely damaged text: controls, surrogates or escapes every few characters), a
# linear scan that resynchronises after each difference is used instead.
_DIFFLIB_LIMIT = 256
# The scan looks this far ahead in each string for the next agreement ...
_RESYNC_WINDOW = 32
# ... of this many characters (fewer at the ends of the strings).
_RESYNC_MATCH = 3

_Opcode = tuple[str, int, int, int, int]


def _opcodes(a: str, b: str) -> Sequence[_Opcode]:
    """difflib-style opcodes turning ``a`` into ``b``, in time linear in their length."""
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    if len(a) + len(b) - 2 * (head + tail) > _DIFFLIB_LIMIT:
        return _resync_opcodes(a, b)
    # difflib on the differing middle only; the common head and tail stay equal
    middle = difflib.SequenceMatcher(
        None, a[head : len(a) - tail], b[head : len(b) - tail], autojunk=False
    ).get_opcodes()
    ops: list[_Opcode] = [("equal", 0, head, 0, head)] if head else []
    ops.extend((t, i1 + head, i2 + head, j1 + head, j2 + head) for t, i1, i2, j1, j2 in middle)
    if tail:
        ops.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return ops


def _resync_opcodes(a: str, b: str) -> list[_Opcode]:
    """Greedy alignment: equal runs, and after each difference the nearest agreement.

    Each difference costs at most ``_RESYNC_WINDOW ** 2`` short comparisons and
    consumes the characters it spans; when no agreement is found within the window
    the rest of both strings is left to difflib if short, else becomes one replacement.
    """
    ops: list[_Opcode] = []
    la, lb = len(a), len(b)
    i = j = 0
    w = _RESYNC_WINDOW
    while i < la and j < lb:
        if a[i] == b[j]:
            i0, j0 = i, j
            while i < la and j < lb and a[i] == b[j]:
                i += 1
                j += 1
            ops.append(("equal", i0, i, j0, j))
            continue
        found: tuple[int, int] | None = None
        for d in range(1, 2 * w + 1):
            for di in range(min(d, w), max(0, d - w) - 1, -1):  # deletions first
                ii, jj = i + di, j + d - di
                if ii > la or jj > lb:
                    continue
                k = min(_RESYNC_MATCH, la - ii, lb - jj)
                if (k == 0 and ii == la and jj == lb) or (k and a[ii : ii + k] == b[jj : jj + k]):
                    found = (ii, jj)
                    break
            if found is not None:
                break
        if found is None:
            if (la - i) + (lb - j) <= 4 * _DIFFLIB_LIMIT:
                # no agreement nearby (mojibake interleaved with controls): difflib on
                # the bounded rest keeps the alignment character-exact
                rest = difflib.SequenceMatcher(None, a[i:], b[j:], autojunk=False).get_opcodes()
                ops.extend((t, i + i1, i + i2, j + j1, j + j2) for t, i1, i2, j1, j2 in rest)
                return ops
            found = (la, lb)
        ii, jj = found
        ops.append((_tag(ii - i, jj - j), i, ii, j, jj))
        i, j = ii, jj
    if i < la or j < lb:
        ops.append((_tag(la - i, lb - j), i, la, j, lb))
    return ops


def _tag(na: int, nb: int) -> str:
    return "replace" if na and nb else ("delete" if na else "insert")


def _align(
    a: str, b: str, a_base: int, b_base: int, edits: list[_Edit], fixes: list[tuple[Fix, ...]],
    line_fixes: Callable[[], tuple[Fix, ...]], cfg: ftfy.TextFixerConfig,
) -> None:
    """Record the edits that turn ``a`` into ``b`` (both short), exact for mojibake."""
    if a.isascii() and _entities_only(a, b, a_base, b_base, edits, fixes, cfg):
        return
    ops = _opcodes(a, b)
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        if n and ops[n - 1][0] == "equal" and a[i1 - 1] == "&" and _ENTITY_TAIL_RE.match(a, i1):
            # difflib kept the "&" of "&amp;" as unchanged; the whole entity was the fix
            i1, j1 = i1 - 1, j1 - 1
        before, after = a[i1:i2], b[j1:j2]
        groups = _exact_groups(before, after) if before and after else None
        part_fixes = (_explain(before, after, cfg) if before else ()) or line_fixes()
        if groups is None:
            groups = [(i2 - i1, j2 - j1)]
        pa, pb = a_base + i1, b_base + j1
        for na, nb in groups:
            edits.append((pa, pa + na, pb, pb + nb))
            fixes.append(part_fixes)
            pa += na
            pb += nb


def _entities_only(
    a: str, b: str, a_base: int, b_base: int, edits: list[_Edit], fixes: list[tuple[Fix, ...]],
    cfg: ftfy.TextFixerConfig,
) -> bool:
    """Record one edit per HTML entity when fixing each entity alone turns ``a`` into ``b``.

    Newswire and scraped text are full of "&lt;" and "&amp;"; this spares them the
    character alignment. Returns False (recording nothing) when ``b`` differs otherwise.
    """
    found: list[tuple[int, int, str]] = []
    rebuilt: list[str] = []
    pos = 0
    for m in _ENTITY_RE.finditer(a):
        fixed = _fix_entity(m.group(), cfg)
        found.append((m.start(), m.end(), fixed))
        rebuilt += (a[pos : m.start()], fixed)
        pos = m.end()
    rebuilt.append(a[pos:])
    if not found or "".join(rebuilt) != b:
        return False
    shift = 0
    for start, end, fixed in found:
        edits.append((a_base + start, a_base + end, b_base + start + shift,
                      b_base + start + shift + len(fixed)))
        fixes.append(_explain(a[start:end], fixed, cfg) or (Fix.UNESCAPE_HTML,))
        shift += len(fixed) - (end - start)
    return True


@functools.lru_cache(maxsize=1024)
def _fix_entity(entity: str, cfg: ftfy.TextFixerConfig) -> str:
    return _safe_fix(entity, cfg)


def fix_with_ftfy(text: str, config: Config, only_lines: frozenset[int] | None = None) -> _StepResult:
    """Run ftfy line by line and align each changed line with its repair.

    With ``only_lines``, just those lines (0-based) are looked at again.
    """
    cfg = _ftfy_config(config)
    a_lines = text.split("\n")
    leaves = _ftfy_leaves
    if only_lines is None:
        dirty = [n for n, a in enumerate(a_lines) if not leaves(a)]
    else:  # the same lines, in order, as the test of every line would give
        dirty = [n for n in sorted(only_lines) if 0 <= n < len(a_lines) and not leaves(a_lines[n])]
    if not dirty:
        return text, [], []
    b_whole = list(a_lines)
    rest = dirty
    if cfg.unescape_html is True:
        # lines whose only fix is their HTML entities ("&lt;" and "&#3;" in newswire) are
        # fixed here, as ftfy would fix them (`_entities_fixed`); ftfy sees the others
        rest = []
        for n in dirty:
            b = _entities_fixed(a_lines[n])
            if b is None:
                rest.append(n)
            else:
                b_whole[n] = b
    if rest:
        try:
            # ftfy works line by line, so the lines it may change are fixed in one call
            fixed = ftfy.fix_text("\n".join(a_lines[n] for n in rest), cfg).split("\n")
        except Exception:  # ftfy must never crash a repair; leave such lines as they are
            fixed = []
        if len(fixed) == len(rest):
            for n, b in zip(rest, fixed):
                b_whole[n] = b
        else:
            for n in rest:
                b_whole[n] = _safe_fix(a_lines[n], cfg)
    edits: list[_Edit] = []
    fixes: list[tuple[Fix, ...]] = []
    # only the changed lines are aligned; the offsets of a line are those of the line
    # before it plus the lengths (and newlines) of the lines between, each side
    a_pos = 0
    b_pos = 0
    done = 0  # the line a_pos and b_pos are the offsets of
    for n in dirty:
        a = a_lines[n]
        b = b_whole[n]
        if a == b:
            continue
        skipped = sum(map(len, a_lines[done:n])) + (n - done)
        a_pos += skipped
        b_pos += skipped  # lines between changed ones are unchanged
        if len(a) > _ALIGN_CHUNK:
            pieces = [(p, _safe_fix(p, cfg)) for p in _pieces(a, _ALIGN_CHUNK)]
        else:
            pieces = [(a, b)]
        line_cache: list[tuple[Fix, ...]] = []

        def line_fixes(a: str = a, b: str = b, cache: list[tuple[Fix, ...]] = line_cache
                       ) -> tuple[Fix, ...]:
            if not cache:
                cache.append(_explain(a, b, cfg) or (Fix.FIX_ENCODING,))
            return cache[0]

        pa, pb = a_pos, b_pos
        rebuilt: list[str] = []
        for pa_text, pb_text in pieces:
            if pa_text != pb_text:
                _align(pa_text, pb_text, pa, pb, edits, fixes, line_fixes, cfg)
            rebuilt.append(pb_text)
            pa += len(pa_text)
            pb += len(pb_text)
        b = b_whole[n] = "".join(rebuilt)
        a_pos += len(a) + 1
        b_pos += len(b) + 1
        done = n + 1
    return "\n".join(b_whole), edits, fixes


def fix_leftover_mojibake(text: str, config: Config) -> _StepResult:
    """Undo mojibake that ftfy leaves on a line of a page where it undid some elsewhere.

    ftfy judges each line alone, and a short line holds too little to judge: "v3æ–°" and
    "v3ï¼›" (a Chinese or Japanese post's "v3新" and "v3；" read as Windows-1252) stay as
    they are. Run only where ftfy fixed mojibake on the same page, this reads a line back
    as Windows-1252 bytes and keeps the UTF-8 they decode to, when they decode without error
    to other printable text: a line of real Latin-1 text almost never does ("é" alone is no
    UTF-8), and a line ftfy fixed no longer encodes.
    """
    cfg = _ftfy_config(config)
    lines = text.split("\n")
    edits: list[_Edit] = []
    fixes: list[tuple[Fix, ...]] = []
    a_pos = b_pos = 0
    for n, a in enumerate(lines):
        b = _utf8_misread(a)
        if b is not None:
            _align(a, b, a_pos, b_pos, edits, fixes, _encoding_only, cfg)
            lines[n] = b
        a_pos += len(a) + 1
        b_pos += len(lines[n]) + 1
    return ("\n".join(lines) if edits else text), edits, fixes


def _encoding_only() -> tuple[Fix, ...]:
    """What every edit of `fix_leftover_mojibake` fixes."""
    return (Fix.FIX_ENCODING,)


def _utf8_misread(line: str) -> str | None:
    """``line`` decoded as the UTF-8 its Windows-1252 bytes hold, or None where they hold
    none (ASCII, a character Windows-1252 lacks, bytes that are no UTF-8) or decode to a
    control character."""
    if line.isascii():
        return None
    try:
        decoded = line.encode("sloppy-windows-1252").decode("utf-8")
    except UnicodeError:
        return None
    if decoded == line or _CONTROL_RE.search(decoded):
        return None
    return decoded


_CONTROL_RE = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffd]")


def _entities_fixed(line: str) -> str | None:
    """``line`` as ftfy fixes it (entities unescaped) when that is all there is to fix, else None.

    ftfy's first step replaces each HTML entity by its character, one by one, whatever
    stands around it (`ftfy.fixes.unescape_html`). When the line is ASCII and the result is
    printable ASCII without an "&" (which no step of ftfy changes, see `_ftfy_leaves`), that
    result is ftfy's answer; anything else (a character beyond ASCII, a control character, an
    "&" left over that might start a new entity) returns None and goes to ftfy itself.
    """
    if not line.isascii() or len(line) > _ALIGN_CHUNK:
        return None
    parts: list[str] = []
    pos = 0
    for m in _ENTITY_RE.finditer(line):
        parts += (line[pos : m.start()], _unescaped(m.group()))
        pos = m.end()
    parts.append(line[pos:])
    fixed = "".join(parts)
    if "&" in fixed or not fixed.isascii() or not fixed.isprintable():
        return None
    return fixed


@functools.lru_cache(maxsize=1024)
def _unescaped(entity: str) -> str:
    """ftfy's own unescaping of one entity (the entity itself when ftfy leaves it)."""
    return str(ftfy.fixes.unescape_html(entity))


def _ftfy_leaves(line: str) -> bool:
    """Whether ftfy cannot change ``line``: printable ASCII with no "&" (most lines), or
    that with typographic quotes, dashes and ellipses too (most modern news), or with
    Chinese, Japanese and Korean text too (`_CJK_RANGES`).

    Every fix we ask ftfy for needs a control character, an HTML entity or one of the
    characters of UTF-8 mojibake in a sequence its badness pattern flags (each of the
    pattern's alternatives needs one of the characters beyond ASCII that it names); no
    such sequence is made of those punctuation marks, CJK characters and ASCII alone. So
    such lines skip it (tests/test_repair.py checks the claim).
    """
    if line.isascii():
        return line.isprintable() and "&" not in line
    return _PUNCTUATED_TEXT_RE.fullmatch(line) is not None


# CJK symbols and punctuation, kana, Han (extension A and the unified block), Hangul
# syllables and the fullwidth forms of ASCII: none is a control character or a character
# ftfy's badness pattern names, and a page in those scripts has them on most lines
_CJK_RANGES = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff5e"
# Printable ASCII but "&" and "<" (an HTML entity; "<" can switch ftfy's "auto" unescaping
# for the lines after it), ’ ‘ “ ” – — …, and the CJK ranges
_PUNCTUATED_TEXT_RE = re.compile(
    f"[\x20-\x25\x27-\x3b\x3d-\x7e\u2019\u2018\u201c\u201d\u2013\u2014\u2026{_CJK_RANGES}]*")


def _safe_fix(text: str, cfg: ftfy.TextFixerConfig) -> str:
    try:
        return str(ftfy.fix_text(text, cfg))
    except Exception:  # see fix_with_ftfy
        return text


# --- the public function --------------------------------------------------------------


def repair(text: str, *, config: Config | None = None) -> Repaired:
    """Repair encoding damage in ``text`` and keep an exact map back to it.

    Raises:
        TypeError: ``text`` is not a ``str``, or ``config`` not a `Config`.
    """
    if not isinstance(text, str):
        raise TypeError(f"repair() takes a str, not {type(text).__name__}")
    config = _check_config(config)
    current = text
    maps: list[_OffsetMap] = []
    raw_changes: list[tuple[int, list[_Edit], list[tuple[Fix, ...]]]] = []
    touched: frozenset[int] | None = None

    def record(result: _StepResult) -> bool:
        """Keep a step's output and its map when it changed anything (whether it did)."""
        nonlocal current
        out, edits, fixes = result
        if not edits:
            return False
        raw_changes.append((len(maps), edits, fixes))
        maps.append(_OffsetMap.from_edits(edits))
        current = out
        return True

    # One fix can expose another (a no-break space next to mojibake, say), so the
    # steps run again on the lines a round changed, until nothing changes.
    for _ in range(_MAX_ROUNDS):
        steps: list[Callable[[str], _StepResult]] = []
        if config.fix_line_breaks and touched is None:
            steps.append(fix_line_breaks)
        ftfy_step = functools.partial(fix_with_ftfy, config=config, only_lines=touched)
        steps.append(ftfy_step)
        if config.remove_invisible:
            steps.append(remove_invisible)
        if config.normalize_spaces:
            steps.append(normalize_spaces)
        round_start = len(maps)
        for step in steps:
            result = step(current)
            if (record(result) and step is ftfy_step and touched is None and config.fix_encoding
                    and any(Fix.FIX_ENCODING in f for f in result[2])):
                # ftfy fixed mojibake on this page: what it left on lines too short to judge
                record(fix_leftover_mojibake(current, config))
        if len(maps) == round_start:
            break
        touched = _touched_lines(current, raw_changes[round_start:], maps)
    repaired = Repaired(source=text, text=current, changes=(), _maps=tuple(maps))
    if not maps:
        return repaired
    changes: list[Change] = []
    for level, edits, fixes in raw_changes:
        earlier = maps[:level]
        later = maps[level + 1 :]
        for (s0, s1, d0, d1), fx in zip(edits, fixes):
            src0, src1 = s0, s1
            for m in reversed(earlier):
                src0, src1 = m.to_source(src0), m.to_source(src1)
            rep0, rep1 = d0, d1
            for m in later:
                rep0, rep1 = m.to_output(rep0), m.to_output(rep1)
            changes.append(Change(fx, rep0, rep1, src0, src1, text[src0:src1], current[rep0:rep1]))
    changes.sort(key=lambda c: (c.source_start, c.start))
    return Repaired(source=text, text=current, changes=tuple(changes), _maps=tuple(maps))


def _touched_lines(
    text: str,
    round_changes: Sequence[tuple[int, list[_Edit], list[tuple[Fix, ...]]]],
    maps: Sequence[_OffsetMap],
) -> frozenset[int]:
    """Line numbers of ``text`` (the round's output) that the round's edits touched."""
    # the offset of every newline: each line's length and its newline added up, in C
    ends = itertools.accumulate(map((1).__add__, map(len, text.split("\n"))), initial=-1)
    newlines = list(itertools.islice(ends, 1, text.count("\n") + 1))
    found: set[int] = set()
    for level, edits, _ in round_changes:
        for _s0, _s1, d0, _d1 in edits:
            pos = d0
            for m in maps[level + 1 :]:
                pos = m.to_output(pos)
            found.add(bisect_right(newlines, pos - 1) if pos else 0)
            found.add(bisect_right(newlines, pos))
    return frozenset(found)


def _check_config(config: Config | None) -> Config:
    if config is None:
        return DEFAULT_CONFIG
    if not isinstance(config, Config):
        raise TypeError(f"config must be a corpus_split.Config or None, not {type(config).__name__}")
    return config
