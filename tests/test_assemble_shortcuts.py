"""Shortcuts in assemble checked against the plain forms they replace."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from corpus_split.assemble import _changes
from corpus_split.model import Kind

_ROWS = st.lists(st.tuples(st.sampled_from(list(Kind)), st.none() | st.integers(0, 3),
                           st.sampled_from([None, "en", "de"])), max_size=30)


@given(_ROWS)
def test_changes_are_where_a_row_differs_from_the_row_above(rows: list[tuple[object, ...]]) -> None:
    columns = [list(column) for column in zip(*rows)] or [[], [], []]
    plain = [i for i in range(1, len(rows)) if rows[i] != rows[i - 1]]
    assert list(_changes(*columns)) == plain


def test_changes_of_one_column() -> None:
    assert list(_changes([1, 1, 2, 2, 1])) == [2, 4]
    assert list(_changes([])) == []
