"""The HTML views: complete, in order, escaped, and safe for any input."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import corpus_split as cs
from corpus_split import render
from corpus_split.model import Kind

from .conftest import SEEDS

_TAG_RE = re.compile(r"<[^>]*>")
_TEXT_RE = re.compile(r'<div class="cs-text[^"]*">(.*)</div>', re.DOTALL)


def _shown_text(fragment: str) -> str:
    """The text area of a rendered view with the header bars and tags removed, unescaped."""
    match = _TEXT_RE.search(fragment)
    assert match is not None
    inner = re.sub(r'<span class="cs-head".*?</span></span>', "", match.group(1))
    inner = inner.split('</div><div class="cs-more">')[0]
    inner = inner.split("</div></div>")[0]
    return html.unescape(_TAG_RE.sub("", inner))


class _Collector(HTMLParser):
    """Collects start tags and title attributes; fails on nothing, counts balance."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.titles: list[str] = []
        self.kinds: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += 1
        for name, value in attrs:
            if name == "title" and value:
                self.titles.append(value)
            if name == "data-kind" and value:
                self.kinds.append(value)

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1


def _parse(fragment: str) -> _Collector:
    parser = _Collector()
    parser.feed(fragment)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def seed_doc() -> cs.Document:
    return cs.split(SEEDS[3].read_bytes())


def test_every_segment_escaped_in_order(seed_doc: cs.Document) -> None:
    out = seed_doc._repr_html_()
    pos = 0
    for seg in seed_doc.segments:
        core = seg.text.strip()
        if not core:
            continue
        found = out.find(render.escape(core), pos)
        assert found >= 0, seg
        pos = found + len(render.escape(core))
    assert _shown_text(out) == seed_doc.text


def test_legend_has_one_entry_per_kind_present(seed_doc: cs.Document) -> None:
    out = seed_doc._repr_html_()
    parser = _parse(out)
    present = [k.value for k in Kind if any(s.kind is k for s in seed_doc.segments)]
    assert parser.kinds == present
    assert parser.depth == 0


def test_article_titles_and_boundary_reasons_on_hover(seed_doc: cs.Document) -> None:
    out = seed_doc._repr_html_()
    titles = _parse(out).titles
    for art in seed_doc.articles:
        if art.title is not None:
            assert render.escape(art.title) in out
    for boundary in seed_doc.boundaries:
        tip = [t for t in titles if t.startswith(f"boundary at {boundary.offset},")]
        assert tip, boundary
        assert all(r.value in tip[0] for r in boundary.reasons)
    assert out.count('class="cs-head"') == len(seed_doc.articles)


def test_segment_hover_names_kind_and_offsets(seed_doc: cs.Document) -> None:
    titles = _parse(seed_doc._repr_html_()).titles
    for seg in seed_doc.segments:
        if seg.text.strip():
            assert any(t.startswith(f"{seg.kind.value} · {seg.start}:{seg.end} ·") for t in titles)


def test_article_view(seed_doc: cs.Document) -> None:
    art = seed_doc.articles[0]
    out = art._repr_html_()
    assert _parse(out).depth == 0
    for seg in art.segments:
        if seg.text.strip():
            assert render.escape(seg.text.strip()) in out
    assert render.escape(art.clean_text) in out
    assert repr(art).startswith("Article(index=0")


def test_hostile_input_is_escaped() -> None:
    text = (
        'Title <script>alert("x")</script>\n\n'
        "A paragraph with <b>tags</b> & \"quotes\" and 'apostrophes' long enough to be body text.\n"
        "\x00\x1b[31m lone \ud800 surrogate and \udfff another\n"
    )
    doc = cs.split(text)
    out = doc._repr_html_()
    assert "<script>" not in out
    assert "<b>tags" not in out
    assert "\ud800" not in out and "\udfff" not in out and "\x00" not in out
    out.encode("utf-8")  # lone surrogates replaced, so this cannot fail
    assert _parse(out).depth == 0
    for art in doc.articles:
        art._repr_html_().encode("utf-8")


def test_escape() -> None:
    assert render.escape("<a href='x'>&\"</a>") == "&lt;a href=&#x27;x&#x27;&gt;&amp;&quot;&lt;/a&gt;"
    assert render.escape("a\ud83db") == "a\ufffdb"
    assert render.escape("\x00\x1b\x7f\t\n\r") == "\u2400\u241b\u2421\t\n\r"


@given(st.text(max_size=300))
def test_any_text_renders_and_encodes(text: str) -> None:
    doc = cs.split(text, config=cs.Config(detect_languages=False))
    out = render.document_html(doc)
    out.encode("utf-8")
    assert _parse(out).depth == 0
    assert _shown_text(out) == html.unescape(render.escape(doc.text))


def test_max_chars_truncates(seed_doc: cs.Document) -> None:
    out = render.document_html(seed_doc, max_chars=1000)
    assert _shown_text(out) == seed_doc.text[:1000]
    assert f"{len(seed_doc.text) - 1000:,} more characters not shown" in out
    with pytest.raises(ValueError):
        render.document_html(seed_doc, max_chars=-1)


def test_empty_document() -> None:
    out = cs.split("")._repr_html_()
    assert "0 segments" in out
    assert _parse(out).kinds == []


def test_page_is_standalone(seed_doc: cs.Document, tmp_path: Path) -> None:
    page = render.html_page(seed_doc, title="<seed>")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>&lt;seed&gt;</title>" in page
    assert "cs-scroll" not in page.split("</style>")[1]
    (tmp_path / "view.html").write_text(page, encoding="utf-8")


def test_one_colour_table() -> None:
    assert set(render.KIND_STYLES) == set(Kind)
    css = cs.split("Title\n\nSome text of the article, long enough to be a paragraph.")._repr_html_()
    for kind, style in render.KIND_STYLES.items():
        assert f".cs-k-{kind.value}{{background:{style.background};" in css
