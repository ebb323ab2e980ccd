"""lexical._own reads a vote's leader and lead off the packed fields as `_lead` does on the
unpacked dict (the judgement it replaced), and `_decide`'s tie test on the fields answers
as the one on that dict."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_split import lexical

_N = len(lexical.LANGUAGES)


def _key(counts: list[int], sid: int) -> int:
    return sum(c << (lexical._FIELD * i) for i, c in enumerate(counts)) | (sid << lexical._KEY_SHIFT)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.integers(0, 6), min_size=_N, max_size=_N),
       st.integers(0, len(lexical._SCRIPT_NAMES) - 1))
def test_own_judges_a_vote_as_lead_on_its_unpacked_counts(counts: list[int], sid: int) -> None:
    key = _key(counts, sid)
    lexical._OWN_CACHE.pop(key, None)
    fields, best, lead = lexical._own(key)
    unpacked = lexical._unpack(key & lexical._VOTE_MASK)
    old_best, old_lead = lexical._lead(unpacked, lexical._SCRIPT_NAMES[sid])
    assert (best, lead) == (old_best, old_lead)
    assert type(lead) is type(old_lead)
    assert fields == tuple(counts)
    assert lexical._own(key) == (fields, best, lead)  # the cached answer is the same
    if best >= 0:
        for fav in range(-1, _N):
            # `_decide`'s test whether the page's favourite ties the best
            old = unpacked.get(fav) == unpacked[best]
            assert old == (fav >= 0 and fields[fav] == fields[best])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(
    ["the", "and", "der", "die", "und", "le", "la", "et", "el", "los", "de", "en", "het", "och",
     "og", "ja", "és", "și", "ve", "dan", "się", "je", "и", "в", "και", "و", "है", "price", "oil"]),
    max_size=12), max_size=30))
def test_line_languages_match_the_dict_based_judgement(lines: list[list[str]]) -> None:
    # `_own_winner` (through `_own`) agrees with `_winner` on the unpacked votes
    for words in lines:
        script = lexical._main_script(words) if words else "latin"
        assert lexical._own_winner(words, script) == lexical._winner(lexical._votes(words), script)
