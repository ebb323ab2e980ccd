"""Records and DataFrames of segments and articles; the ETL example built on split()."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

import corpus_split as cs
from corpus_split import export
from corpus_split.model import Kind

from .conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def seed_doc() -> cs.Document:
    return cs.split(SEEDS[2].read_bytes())


def test_segment_records_match_segments(seed_doc: cs.Document) -> None:
    records = seed_doc.to_records()
    assert len(records) == len(seed_doc.segments)
    for i, (rec, seg) in enumerate(zip(records, seed_doc.segments)):
        assert tuple(rec) == export.SEGMENT_COLUMNS
        assert rec["segment"] == i
        assert Kind(rec["kind"]) is seg.kind
        assert (rec["start"], rec["end"], rec["article"], rec["language"]) == (
            seg.start, seg.end, seg.article, seg.language
        )
        assert rec["text"] == seed_doc.text[rec["start"] : rec["end"]]
    assert "".join(r["text"] for r in records) == seed_doc.text


def test_records_round_trip_through_json(seed_doc: cs.Document) -> None:
    for records in (seed_doc.to_records(), seed_doc.articles_to_records()):
        assert json.loads(json.dumps(records)) == records
        assert json.loads(json.dumps(records, ensure_ascii=False)) == records


def test_article_records(seed_doc: cs.Document) -> None:
    records = seed_doc.articles_to_records()
    assert len(records) == len(seed_doc.articles)
    for rec, art in zip(records, seed_doc.articles):
        assert tuple(rec) == export.ARTICLE_COLUMNS
        assert rec["article"] == art.index
        assert rec["text"] == seed_doc.text[rec["start"] : rec["end"]]
        assert rec["clean_text"] == art.clean_text
        assert rec["segments"] == len(art.segments)
    assert records[0]["boundary_score"] is None and records[0]["boundary_reasons"] == []
    for rec, boundary in zip(records[1:], seed_doc.boundaries):
        assert rec["start"] == boundary.offset
        assert rec["boundary_score"] == boundary.score
        assert rec["boundary_reasons"] == [r.value for r in boundary.reasons]


def test_empty_document_records() -> None:
    doc = cs.split("")
    assert doc.to_records() == [] and doc.articles_to_records() == []


def test_to_pandas(seed_doc: cs.Document) -> None:
    pytest.importorskip("pandas")
    frame = seed_doc.to_pandas()
    assert len(frame) == len(seed_doc.segments)
    assert list(frame.columns) == list(export.SEGMENT_COLUMNS)
    assert list(frame["kind"].cat.categories) == [k.value for k in Kind]
    assert "".join(frame["text"]) == seed_doc.text
    assert list(frame["start"]) == [s.start for s in seed_doc.segments]
    articles = seed_doc.articles_to_pandas()
    assert len(articles) == len(seed_doc.articles)
    assert list(articles.columns) == list(export.ARTICLE_COLUMNS)
    assert list(articles["title"]) == [a.title for a in seed_doc.articles]


def test_to_pandas_empty() -> None:
    pytest.importorskip("pandas")
    doc = cs.split("")
    assert len(doc.to_pandas()) == 0
    assert list(doc.articles_to_pandas().columns) == list(export.ARTICLE_COLUMNS)


def test_missing_pandas_names_the_extra(
    seed_doc: cs.Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    for method in (seed_doc.to_pandas, seed_doc.articles_to_pandas):
        with pytest.raises(ImportError, match=r"corpus_split\[pandas\]"):
            method()


def test_etl_example(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("etl_example", ROOT / "examples" / "etl.py")
    assert spec is not None and spec.loader is not None
    etl = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(etl)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SEEDS[2].read_bytes())
    out = tmp_path / "out.jsonl"
    assert etl.main([str(src), str(out), "--min-chars", "300"]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    doc = cs.split(SEEDS[2].read_bytes())
    expected = [a for a in doc.articles if len(a.clean_text) >= 300]
    assert [r["article"] for r in lines] == [a.index for a in expected]
    assert all(r["source"] == "a.txt" and len(r["text"]) >= 300 for r in lines)
