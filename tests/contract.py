"""The invariants every Document must satisfy; used by example and property tests alike."""

from __future__ import annotations

from corpus_split import CONTENT_KINDS, Document, Kind


def check_document(doc: Document) -> None:
    text = doc.text
    segs = doc.segments
    assert "".join(s.text for s in segs) == text
    if not text:
        assert segs == ()
    else:
        assert segs[0].start == 0
        assert segs[-1].end == len(text)
    for a, b in zip(segs, segs[1:]):
        assert a.end == b.start
    for s in segs:
        assert s.start < s.end
        assert s.text == text[s.start : s.end]
        assert isinstance(s.kind, Kind)
        assert s.article is None or 0 <= s.article < len(doc.articles)
        assert s.language is None or (isinstance(s.language, str) and s.language)
    prev_end = 0
    for i, art in enumerate(doc.articles):
        assert art.index == i
        assert prev_end <= art.start < art.end <= len(text)
        assert art.text == text[art.start : art.end]
        assert art.clean_text.strip()
        assert any(s.kind in CONTENT_KINDS for s in art.segments)
        for s in art.segments:
            assert art.start <= s.start < art.end
        prev_end = art.end
    if not text.strip():
        assert doc.articles == ()
    assert len(doc.boundaries) == max(0, len(doc.articles) - 1)
    for b, art in zip(doc.boundaries, doc.articles[1:]):
        assert b.offset == art.start
        assert 0.0 <= b.score <= 1.0
        assert all(isinstance(r, str) and r for r in b.reasons)
