"""A wiki prints a link to edit each section after the section's heading ("History[edit]"):
such a heading is a section of the page above it, never the start of another article
(fourteenth session: the section headings of an encyclopaedia page were false starts)."""

from __future__ import annotations

import pytest

import corpus_split as cs
from corpus_split import boundaries as b
from corpus_split.features import section_heading

# An encyclopaedia page with its section-edit links (written here)
PAGE = """Lake Morrow
Lake Morrow is a reservoir in the northern hills, formed in 1931 when a dam was built across the \
Morrow river to supply the towns of the valley with water.
Geography[edit]
The lake is eleven kilometres long and lies in a narrow valley between two ridges of granite. Its \
deepest point, near the dam, is about forty metres below the surface.
Wildlife[edit]
Otters returned to the shores in the 1990s after decades of absence. Herons nest in the alder woods \
at the northern end, and anglers catch perch and pike.
In popular culture[edit]
The lake appears in a 1962 thriller film, in which a stolen violin is hidden in the boathouse and a \
detective follows the thieves across the frozen surface in midwinter.
A pop group named their third album after the lake in 1979; its cover shows the singer rowing a red \
boat at dawn, and the title song reached the national charts for six weeks.
"""


@pytest.mark.parametrize(("line", "marked"), [
    ("History[edit]", True),
    ("Early life [edit source]", True),
    ("Geschichte[Bearbeiten | Quelltext bearbeiten]", True),
    ("Histoire[modifier | modifier le code]", True),
    ("Historia[editar]", True),
    ("История[править | править код]", True),
    ("歴史[編集]", True),
    ("历史[编辑]", True),
    ("Edit this page", False),
    ("Press [edit] to change the title", False),
    ("Notes [1]", False),
])
def test_section_edit_links(line: str, marked: bool) -> None:
    assert section_heading(line) is marked


def test_a_page_with_section_edit_links_stays_whole() -> None:
    # an example of what users rely on (the start model keeps this page whole with or without
    # the links; the test below is the one the rule must pass)
    doc = cs.split(PAGE)
    assert len(doc.articles) == 1
    assert doc.articles[0].title == "Lake Morrow"


def test_a_marked_heading_is_never_a_start(monkeypatch: pytest.MonkeyPatch) -> None:
    # with a bonus for every article instead of a charge, the lexical cost cuts the page at
    # its headings, but not at those that carry the edit link
    monkeypatch.setattr(b, "BOUNDARY_PRIOR", -20.0)
    marked = cs.split(PAGE)
    assert len(marked.articles) == 1
    plain = cs.split(PAGE.replace("[edit]", ""))
    assert len(plain.articles) > 1
