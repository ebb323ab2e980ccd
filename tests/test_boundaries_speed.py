"""The boundary stage's faster forms give what the plain forms they replaced gave (the same
values, the same floats), on documents drawn with every role between their units."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_split import boundaries as b
from corpus_split.lines import Layout, split_lines
from corpus_split.model import Reason
from corpus_split.prelim import Role, read_roles


def plain_bonuses(
    units: Sequence[b.Unit], layout: Layout, roles: Sequence[Role], shifts: Sequence[float | None],
    lower: bool,
) -> list[tuple[float, tuple[Reason, ...]]]:
    """`b._bonuses` as it was: every unit's roles between it and the one before searched,
    a (value, reasons) pair per unit."""
    out: list[tuple[float, tuple[Reason, ...]]] = [(0.0, (Reason.DOCUMENT_START,))]
    lines = layout.lines
    announced = bool(units) and units[0].headline and Role.PREAMBLE in roles[: units[0].first]
    for u in range(1, len(units)):
        unit = units[u]
        prev = units[u - 1]
        bonus = 0.0
        reasons: list[Reason] = []
        between = roles[prev.last + 1 : unit.first]
        in_run = prev.headline and unit.headline and prev.last + 1 == unit.first
        if Role.PREAMBLE in between:
            bonus += b.BONUS_PREAMBLE
            reasons.append(Reason.ASSISTANT_PREAMBLE)
            announced = unit.headline
        elif announced and in_run:
            bonus -= b.BONUS_PREAMBLE
        else:
            announced = False
        if Role.SIGN_OFF in between:
            bonus += b.BONUS_SIGN_OFF
            reasons.append(Reason.AFTER_SIGN_OFF)
        if Role.SEPARATOR in between or lines[unit.first].blank_before >= 3:
            bonus += b.BONUS_SEPARATOR
            reasons.append(Reason.SEPARATOR)
        if lines[unit.first].spliced:
            bonus += b.BONUS_SPLICE_HEADLINE if unit.headline else b.BONUS_SPLICE_TEXT
            reasons.append(Reason.SPLICE)
        shift = shifts[u]
        if shift is not None:
            bonus += b.BONUS_HEADLINE + shift * b.BONUS_TERMS
            if Role.SIGN_OFF in between:
                bonus += b.BONUS_SIGN_OFF_HEADLINE
            reasons.append(Reason.HEADLINE)
            if shift > b.TITLE_TERMS_SHIFT:
                reasons.append(Reason.TITLE_TERMS_BELOW)
            if in_run:
                bonus -= b.PENALTY_INSIDE_RUN
        elif not lower and b._continues(lines[unit.first].text):
            bonus -= b.PENALTY_CONTINUATION
        if (
            not prev.headline and prev.last + 1 == unit.first and not lines[unit.first].spliced
            and b._unfinished(lines[prev.last].text)
        ):
            bonus -= b.PENALTY_CONTINUATION
        if lines[unit.first].blank_before == 0 and layout.blank_separated:
            reasons.append(Reason.NO_BLANK_LINE)
        out.append((bonus, tuple(reasons)))
    return out


_LINES = st.sampled_from([
    "Markets rally as rates fall", "The index rose 2 percent on Monday, traders said.",
    "and the company said it would", "Shares of the group were:", "* * *", "",
    "Sure! Here is the article you asked for:", "I hope this helps!", "GRAIN PRICES",
    "## Section two", "he said, adding that", "Posted 3 May 2019", "- a list item",
])


@st.composite
def documents(draw: st.DrawFn) -> tuple[Layout, list[Role]]:
    """A layout of drawn lines, with roles drawn for them (every role, so that preambles,
    sign-offs and separators stand between units), headlines and body most often."""
    text = "\n".join(draw(st.lists(_LINES, min_size=1, max_size=40)))
    layout = split_lines(text)
    common = st.sampled_from([Role.BODY, Role.BODY, Role.HEADLINE])
    roles = [draw(st.one_of(common, common, st.sampled_from(list(Role)))) for _ in layout.lines]
    return layout, roles


@settings(max_examples=300, deadline=None)
@given(documents(), st.booleans(), st.data())
def test_bonuses_in_two_lists_are_the_plain_pairs(
    doc: tuple[Layout, list[Role]], lower: bool, data: st.DataObject,
) -> None:
    layout, roles = doc
    _, feats = read_roles(layout, True)
    words = [tuple(line.text.lower().split()) for line in layout.lines]
    units = b.build_units(layout, roles, feats, words)
    shifts = [data.draw(st.one_of(st.none(), st.floats(-1, 1))) for _ in units]
    values, reasons = b._bonuses(units, layout, roles, shifts, lower)
    assert list(zip(values, reasons)) == plain_bonuses(units, layout, roles, shifts, lower)
