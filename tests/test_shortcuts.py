"""The speed shortcuts find what the full patterns and formulas find (issue 15).

Each shortcut skips work that cannot change the answer: a stdlib pattern where the
Unicode one would find the same, a cheap necessary test before an expensive pattern, a
C-level pass for a Python loop. These tests check each claim against the plain version.
"""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_split import boundaries, context, features, kinds, language, lexical, lines, scores


def test_cjk_prefilter_ranges_hold_every_cjk_character() -> None:
    # features._count_cjk skips text with no character in _MAYBE_CJK_RE's ranges: exact
    # only if every Han, kana and Hangul character lies in them
    outside = [c for c in range(0x2E80) if not 0x1100 <= c <= 0x11FF]
    assert not any(features._CJK_RE.match(chr(c)) for c in outside)
    assert not any(lexical._CJK_RE.match(chr(c)) for c in outside)  # lexical._split_words skips by them too
    assert all(features._MAYBE_CJK_RE.match(chr(c)) for c in (0x1100, 0x2E80, 0x4E00, 0xAC00, 0x20000))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    "aZ9 0.,:;/@#|»«→$(){}=<>`-’“é中かжωᄀ\u00a0\nwcomhtpdefclass"), max_size=80))
def test_counting_shortcuts_agree_with_the_full_patterns(text: str) -> None:
    assert features._count_letters(text) == len(regex.findall(r"\p{L}", text))
    assert features._count_cjk(text) == len(features._CJK_RE.findall(text))
    assert features._words(text) == features._WORD_RE.findall(text)
    assert context._linky(text) == len(context._LINKY_RE.findall(text))
    assert context._code(text) == len(context._CODE_RE.findall(text))
    assert context._dated(text) == (context._DATE_RE.search(text) is not None)
    tokens = text.split()
    if tokens:
        firsts = [t[0] for t in tokens]
        alpha = sum(map(str.isalpha, firsts)) or 1
        assert context._token_shares(text) == (
            sum(map(str.isupper, firsts)) / alpha, sum(map(str.isupper, tokens)) / alpha,
            sum(map(str.isdigit, firsts)) / len(tokens))


def test_typographic_punctuation_is_no_letter_digit_or_script_character() -> None:
    # text with nothing beyond ASCII but these (lexical._NOT_PLAIN_RE finds none) skips the
    # Unicode letter, word and script tests, which must find nothing in them either
    marks = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"
    assert lexical._NOT_PLAIN_RE.search("plain ASCII " + marks) is None
    assert lexical._NOT_PLAIN_RE.search("é") is not None
    for c in marks:
        assert features._NON_ASCII_LETTER_RE.search(c) is None
        assert features._NON_ASCII_WORD_CHAR_RE.search(c) is None
        assert lexical._NON_ASCII_WORD_CHAR_RE.search(c) is None
        assert language._COUNTED_RE.search(c) is None


def test_window_means_agree_with_the_plain_formula() -> None:
    rng = random.Random(15)
    for n in range(12):
        sums = list(itertools.accumulate((rng.uniform(-3, 3) for _ in range(n)), initial=0.0))
        for before, after in (*scores._NEIGHBOUR_WINDOWS, (-5, 3), (2, 7)):
            plain = []
            for k in range(n):
                lo, hi = max(0, k + before), min(n, k + after)
                plain.append((sums[hi] - sums[lo]) / (hi - lo) if hi > lo else 0.0)
            assert scores._window_means(sums, before, after) == plain


def _outside_cjk(word: str) -> list[str]:
    """The parts of a word that holds CJK outside its CJK runs, each a word of its own
    (without the apostrophes and hyphens that joined it to a run; none opening on a digit)."""
    parts = (part.strip("'’-") for part in lexical._CJK_RUN_RE.split(word))
    return [part for part in parts if part and not part[0].isdigit()]


def _full_pattern_words(low: str) -> list[str]:
    """What the full Unicode pattern finds in a line that holds non-ASCII characters."""
    words: list[str] = []
    for w in lexical._WORD_RE.findall(low):
        if not w[0].isdigit():
            words.extend(_outside_cjk(w) if lexical._CJK_RE.search(w) else [w])
    return words


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZk9 '-’“”—…«»€°·\u00a0.,x1é²中"), max_size=60))
def test_plain_latin_fast_path_finds_the_full_patterns_words(text: str) -> None:
    low = text.lower() + "—"  # never plain ASCII: the fast path or the full one
    words, grams, latin = lexical._split_words(low)
    assert words == _full_pattern_words(low)
    if latin:
        assert grams == [] and all("a" <= w[0] <= "z" for w in words)


def _full_split(low: str) -> tuple[list[str], list[str]]:
    """Words and CJK bigrams as the full path finds them, word by word (no pre-check)."""
    words: list[str] = []
    grams: list[str] = []
    for w in lexical._WORD_RE.findall(low):
        if w[0].isdigit():
            continue
        if lexical._CJK_RE.search(w):
            words.extend(_outside_cjk(w))
            for run in lexical._CJK_RUN_RE.findall(w):
                grams.extend(run[i : i + 2] for i in range(0, max(1, len(run) - 1), lexical._GRAM_STEP))
            continue
        words.append(w)
    return words, grams


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ9 '-éжω½²中かー한\u00ad"), max_size=60))
def test_words_without_cjk_skip_the_cjk_test_with_the_same_result(text: str) -> None:
    low = text.lower() + "ж"  # a letter beyond Latin: the full path
    words, grams, latin = lexical._split_words(low)
    assert not latin
    assert (words, grams) == _full_split(lexical.without_soft_hyphens(low))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ9 .“”\"«»„’—…²½€\u00a0\u2160〇⺀׳๏éжω中かー"), max_size=40))
def test_script_shortcut_for_punctuation_beyond_ascii_agrees_with_counting(text: str) -> None:
    text += "—"  # never plain ASCII
    unquoted = language._unquoted(text)
    counted = language.script_language(unquoted if language._LETTER_RE.search(unquoted) else text)
    assert language._script(text) == counted


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab “”«»„\"' "), max_size=400), st.integers(0, 200))
def test_unquoted_head_begins_as_the_whole_unquoted_text(text: str, chars: int) -> None:
    assert language._unquoted_head(text, chars)[:chars] == language._unquoted(text)[:chars]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Z.,;:!?¡¿\"'()[]«»“”‘’„-–—…\t\n\u00a0\u2003xé1"), max_size=60))
def test_profile_words_are_the_words_left_between_punctuation_and_spaces(text: str) -> None:
    low = text.lower()
    spaced = low.translate(str.maketrans(dict.fromkeys(".,;:!?¡¿\"'()[]«»“”‘’„-–—…", " ")))
    assert language._PROFILE_WORD_RE.findall(low) == spaced.split()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab Z.,;:!?\"'()[]-\t\n\x0b\x1c1", max_size=60)
       | st.text(alphabet=st.characters(max_codepoint=127)))
def test_profile_hits_of_ascii_text_by_bytes_are_the_patterns(text: str) -> None:
    # language._profile_hits splits ASCII text through a byte table: the pattern's words
    low = text.lower()
    by_bytes = low.encode("ascii").translate(language._PROFILE_PUNCT_BYTES).decode("ascii").split()
    assert by_bytes == language._PROFILE_WORD_RE.findall(low)
    assert by_bytes == low.translate(language._PROFILE_PUNCT_SPACE).split()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab'-1 .A\t", max_size=40) | st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_words_are_the_patterns_words(text: str) -> None:
    # the byte-level word finder is a faster _ASCII_WORD_RE.findall, nothing else
    assert lexical._ascii_words(text) == lexical._ASCII_WORD_RE.findall(text)
    low = text.lower()
    assert lexical._ascii_words(low) == lexical._ASCII_WORD_RE.findall(low)


def test_ascii_words_edge_cases() -> None:
    for text in ["", "a", "ab", "a b", "x ab y", "ab1", "1ab", "ab-1", "-ab", "ab'", "'a", "a'b-c",
                 "4th quarter", "u.s. dlrs", "rock-n-roll it's", "ab--cd 12-ab", "a\tb\nc de"]:
        assert lexical._ascii_words(text) == lexical._ASCII_WORD_RE.findall(text), text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab'-’‘“1 .Aé€→\u00ad\t\x01", max_size=40) | st.text())
def test_latin_words_are_the_patterns_words(text: str) -> None:
    assert lexical._latin_words(text) == lexical._LATIN_WORD_RE.findall(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aB'-’‘“1 .Aé€→\u00ad\t\x01", max_size=40) | st.text())
def test_plain_words_are_the_patterns_words(text: str) -> None:
    assert features._plain_words(text) == features._PLAIN_WORD_RE.findall(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ09_ -.'\t\u212a\u00ad", max_size=30) | st.text(max_size=130))
def test_short_tokens_are_the_patterns_words(text: str) -> None:
    words = context._WORD_RE.findall(lexical.without_soft_hyphens(text.lower()))
    short = len(text) <= context._LEXICON_CHARS and len(words) <= context.LEXICON_MAX_WORDS
    expected = tuple(words) if short else ()
    assert context.short_tokens(text) == expected


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(
    ["19", "20", "1987", "2024", "12", "3", ":", "-", "/", ".", " ", "a", "_", "\u0661"]), max_size=8),
    st.integers(0, 30))
def test_fast_date_pattern_matches_as_the_date_pattern(tokens: list[str], pos: int) -> None:
    text = "".join(tokens)
    a, b = context._DATE_RE.search(text, pos), context._DATE_FAST_RE.search(text, pos)
    assert (a and (a.span(), a.group())) == (b and (b.span(), b.group()))


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="aZQ19.,!: <>/-", max_size=30), st.integers(0, 30))
def test_glued_capital_pretest_never_misses(window: str, start: int) -> None:
    if not lines._maybe_glued_capital(window):
        assert lines._GLUED_CAPITAL_RE.search(window, start) is None


def _normalise_title_in_full(text: str) -> str:
    text = kinds._MARKUP_RE.sub(r"\g<body>", text.strip()) or text.strip()
    text = kinds._COUNTER_RE.sub("", text)
    text = kinds._SANITISED_COLON_RE.sub(": ", text)
    return kinds._SPACE_RE.sub(" ", text).strip()


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab #*_1:\t\n\xa0\x1c\u2028“«„\""), max_size=20)
       | st.text(max_size=40))
def test_title_and_quote_shortcuts_agree_with_the_patterns(text: str) -> None:
    assert kinds.normalise_title(text) == _normalise_title_in_full(text)
    assert language._quoted(text) == (language._QUOTE_MARK_RE.search(text) is not None)


def _set_cosines(words: list[str], offsets: list[int]) -> list[float]:
    """boundaries._cosines as it was: sets of the words on each side of every unit start."""
    out = [0.0]
    w = boundaries._COSINE_WINDOW
    for at in offsets[1:-1]:
        after = set(words[at : at + w])
        before = set(words[max(0, at - w) : at])
        out.append(len(after & before) / math.sqrt(len(after) * len(before)) if after and before else 0.0)
    return out


def _set_overlap(words: list[str], at: int, w: int) -> float:
    """The overlap of one window as boundaries computed it before, on sets of the words."""
    after = set(words[at : at + w])
    return len(after.intersection(words[max(0, at - 5 * w) : at])) / len(after) if after else 0.0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(0, 99), max_size=130), max_size=30), st.sampled_from([2, 5, 12, 100]))
def test_sliding_cosines_and_overlaps_count_as_sets(units: list[list[int]], vocabulary: int) -> None:
    # units of up to 130 words (past the 100-word window) or none, of few or many distinct words
    words = [f"w{i % vocabulary}" for unit in units for i in unit]
    offsets = [0, *itertools.accumulate(map(len, units))]
    ids, n_ids = boundaries._word_ids(words)
    assert n_ids == len(set(words))
    assert boundaries._cosines(ids, n_ids, offsets) == _set_cosines(words, offsets)
    previous = boundaries._previous(ids, n_ids)
    for at in range(len(words) + 1):
        for w in (1, 3, *boundaries._OVERLAP_WINDOWS):
            assert boundaries._overlaps(previous, at, w, w)[0] == _set_overlap(words, at, w)
        for short, long in ((1, 3), (3, 3), boundaries._OVERLAP_WINDOWS):
            assert boundaries._overlaps(previous, at, short, long) == (
                _set_overlap(words, at, short), _set_overlap(words, at, long))


def test_sliding_cosines_and_overlaps_count_as_sets_on_long_texts() -> None:
    # texts well past the windows (words leave the window before as well as after a start)
    rng = random.Random(7)
    for vocabulary in (3, 30, 300):
        sizes = [rng.choice([0, 1, 5, 20, 40, 150]) for _ in range(120)]
        words = [f"w{rng.randrange(vocabulary)}" for _ in range(sum(sizes))]
        offsets = [0, *itertools.accumulate(sizes)]
        ids, n_ids = boundaries._word_ids(words)
        assert boundaries._cosines(ids, n_ids, offsets) == _set_cosines(words, offsets)
        previous = boundaries._previous(ids, n_ids)
        for at in offsets:
            for w in boundaries._OVERLAP_WINDOWS:
                assert boundaries._overlaps(previous, at, w, w)[0] == _set_overlap(words, at, w)
            assert boundaries._overlaps(previous, at, *boundaries._OVERLAP_WINDOWS) == tuple(
                _set_overlap(words, at, w) for w in boundaries._OVERLAP_WINDOWS)


def _plain_headline_shifts(units: list[boundaries.Unit]) -> list[float | None]:
    """boundaries._headline_shifts with every headline's shift found afresh at each start."""
    run_end = [len(units)] * (len(units) + 1)
    for j in range(len(units) - 1, -1, -1):
        run_end[j] = run_end[j + 1] if units[j].headline else j
    prefix, where = boundaries._term_positions(units)
    return [boundaries._term_shift(units, u, run_end, prefix, where)
            if unit.headline and len(unit.words) >= boundaries.MIN_TITLE_TERMS else None
            for u, unit in enumerate(units)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.lists(st.integers(0, 30), max_size=60)), max_size=80))
def test_headline_shifts_kept_below_runs_are_found_afresh(raw: list[tuple[int, list[int]]]) -> None:
    # long runs of headlines (past MAX_RUN), some parted by a skipped line, over few words
    units, line = [], 0
    for kind, words in raw:
        line += 1 + (kind == 3)
        units.append(boundaries.Unit(line, line, kind != 0, tuple(f"w{i}" for i in words)))
    assert boundaries._headline_shifts(units) == _plain_headline_shifts(units)


@given(st.text(alphabet=st.sampled_from("ab .!?。)»’”\"':,-\u2013\u2014\t\n\r\x0b\x85\u2028\xa0"),
               max_size=12) | st.text(max_size=12))
def test_last_character_pretests_never_skip_a_match(text: str) -> None:
    """A text whose last character is outside `_SENTENCE_END_LAST` (`_UNFINISHED_LAST`) is
    never found by `_SENTENCE_END_RE` (`_UNFINISHED_RE`), so the search may be skipped."""
    if boundaries._SENTENCE_END_RE.search(text[-6:]):
        assert text[-1:] in boundaries._SENTENCE_END_LAST
    if boundaries._UNFINISHED_RE.search(text[-3:]):
        assert text[-1:] in boundaries._UNFINISHED_LAST
    assert boundaries._ends_sentence(text) == (boundaries._SENTENCE_END_RE.search(text[-6:]) is not None)
    assert boundaries._unfinished(text) == (boundaries._UNFINISHED_RE.search(text[-3:]) is not None)


@given(st.text(alphabet=st.sampled_from("#*-•()1234 .:)aZqé\t\n\x0b\x0c\r\x1c\x1f"), max_size=24)
       .filter(str.isascii) | st.text(alphabet=st.characters(max_codepoint=127), max_size=24))
def test_ascii_patterns_in_re_match_as_the_regex_patterns(text: str) -> None:
    """On ASCII text the ``re`` forms of `_NUMBERED_RE` and `_NAME_START_RE` match what they
    match, and `_md_level` (which searches only a text opening on "#") reads the same level."""
    for plain, full in ((boundaries._NUMBERED_ASCII_RE, boundaries._NUMBERED_RE),
                        (boundaries._NAME_START_ASCII_RE, boundaries._NAME_START_RE)):
        ours, theirs = plain.match(text), full.match(text)
        assert (ours and ours.group()) == (theirs and theirs.group())
    heading = boundaries._MD_HEADING_RE.match(text)
    assert boundaries._md_level(text) == (len(heading.group(1)) if heading else 0)


@given(st.lists(st.text(alphabet=st.sampled_from("ab Zq,;.1éÉ—"), min_size=1, max_size=250),
                min_size=1, max_size=4))
def test_opening_names_are_the_names_of_the_joined_opening(texts: list[str]) -> None:
    """`_opening_names` from each line's names is what searching the first three lines
    joined by spaces, cut at 400 characters, finds (one line or several)."""
    found = [boundaries._names(text[:2000]) for text in texts]
    expected = set(boundaries._names(" ".join(texts[:3])[:400]))
    assert boundaries._opening_names(texts[:3], found) == expected


@settings(deadline=None)
@given(st.lists(st.lists(st.integers(0, 40), max_size=300), min_size=2, max_size=6),
       st.integers(1, 5000), st.sampled_from([0, 300]))
def test_split_gain_counts_both_sides_as_one_counter(raw: list[list[int]], k: int, free: int) -> None:
    """`_split_gain` (both sides' counts continued from the left side's) equals the costs of
    the counters of the left words, the right words and both in a row."""
    units = [boundaries._new_unit(i, i, False, tuple(f"w{w}" for w in words))
             for i, words in enumerate(raw)]
    b = len(units) // 2
    left: list[str] = []
    for u in range(b - 1, -1, -1):
        if len(left) >= boundaries.SCORE_WINDOW:
            break
        left.extend(units[u].words[len(left) - boundaries.SCORE_WINDOW :])
    right: list[str] = []
    for u in range(b, len(units)):
        if len(right) >= boundaries.SCORE_WINDOW:
            break
        right.extend(units[u].words[: boundaries.SCORE_WINDOW - len(right)])
    cost = boundaries._cost
    expected = (cost(Counter(left + right), k, 0.25, free) - cost(Counter(left), k, 0.25, free)
                - cost(Counter(right), k, 0.25, free))
    assert boundaries._split_gain(units, 0, b, len(units), k, 0.25, free) == expected


def _sims_first_sectioned(units: list[boundaries.Unit], shifts: list[float],
                          flat: tuple[list[str], list[int]]) -> bool:
    """boundaries._sectioned as it was: the blocks' similarities first, then the shifts."""
    words, offsets = flat
    opens = [0] + [i for i in range(1, len(units)) if units[i].headline and not units[i - 1].headline]
    blocks = [Counter(words[offsets[a] : offsets[b]]) for a, b in zip(opens, [*opens[1:], len(units)])]
    norms = [math.hypot(*block.values()) for block in blocks]
    sims = sorted(boundaries._cosine(blocks[i], blocks[i + 1], norms[i] * norms[i + 1])
                  for i in range(len(blocks) - 1) if blocks[i] and blocks[i + 1])
    if (len(sims) < boundaries.SECTIONED_MIN_BLOCKS - 1
            or sims[len(sims) // 2] < boundaries.SECTIONED_SIMILARITY):
        return False
    ordered = sorted(shifts)
    return not ordered or ordered[len(ordered) // 2] < boundaries.TITLE_TERMS_SHIFT


@settings(deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.lists(st.integers(0, 8), max_size=12)), max_size=40),
       st.lists(st.sampled_from([0.0, 0.1, 0.25, 0.3, 0.5, 1.0, -0.2]), max_size=9))
def test_sectioned_weighing_shifts_first_decides_alike(raw: list[tuple[bool, list[int]]],
                                                        shifts: list[float]) -> None:
    """`_sectioned` (shifts first, blocks counted only where they may decide) agrees with
    the blocks-first order."""
    units = [boundaries._new_unit(i, i, head, tuple(f"w{w}" for w in words))
             for i, (head, words) in enumerate(raw)]
    flat = boundaries._flatten(units)
    assert boundaries._sectioned(units, shifts, flat) == _sims_first_sectioned(units, shifts, flat)
