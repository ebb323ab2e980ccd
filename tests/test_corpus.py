"""split_many (order, streaming, parallel), record readers and writers, document_record."""

from __future__ import annotations

import gzip
import itertools
import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpus_split as cs
from corpus_split import corpus
from corpus_split.corpus import (
    CorpusFileError,
    Record,
    RecordError,
    SplitError,
    read_records,
    split_records,
)

from .conftest import SEEDS

SHORT = [
    "Markets\n\nShares rose on Monday after the central bank held rates steady for a third month.",
    "Weather\n\nHeavy rain is expected across the north of the country until the weekend.",
    "",
    "Один абзац текста на русском языке о погоде и о рынках.",
    b"Bytes title\n\nA body given as bytes, caf\xc3\xa9 and all, long enough to be a paragraph.",
]

texts_strategy = st.lists(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
    | st.sampled_from(SHORT),
    max_size=12,
)


# --- split_many -------------------------------------------------------------------------


def test_split_many_serial_equals_split() -> None:
    assert list(cs.split_many(SHORT)) == [cs.split(t) for t in SHORT]


def test_split_many_parallel_equals_serial_in_order() -> None:
    texts = [p.read_bytes() for p in SEEDS[:2]] + SHORT * 3
    # A tiny chunk size puts every document in its own task, so tasks finish out of order.
    parallel = list(cs.split_many(texts, jobs=2, chunk_chars=1))
    assert parallel == [cs.split(t) for t in texts]


def test_workers_start_from_a_fork_server_while_other_threads_run() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert corpus._start_context().get_start_method() != "fork"
        texts = SHORT * 2
        assert list(cs.split_many(texts, jobs=2, chunk_chars=1)) == [cs.split(t) for t in texts]
    finally:
        stop.set()
        other.join()
    if sys.platform.startswith("linux") and corpus._thread_count() == 1:  # native threads count too
        assert corpus._start_context().get_start_method() == "fork"


@settings(max_examples=4)
@given(texts=texts_strategy, chunk_chars=st.integers(1, 200))
def test_parallel_order_equals_input_order(texts: list[str | bytes], chunk_chars: int) -> None:
    docs = list(cs.split_many(texts, jobs=2, chunk_chars=chunk_chars))
    assert [d.text for d in docs] == [cs.split(t).text for t in texts]


@settings(max_examples=30)
@given(texts=texts_strategy)
def test_serial_order_equals_input_order(texts: list[str | bytes]) -> None:
    assert [d.text for d in cs.split_many(texts)] == [cs.split(t).text for t in texts]


@given(sizes=st.lists(st.integers(0, 50), max_size=40), chunk_chars=st.integers(1, 120))
def test_chunks_keep_every_text_once_in_order(sizes: list[int], chunk_chars: int) -> None:
    texts: list[str | bytes] = ["x" * n for n in sizes]
    chunks = list(corpus._chunks(texts, chunk_chars))
    assert [t for _, chunk in chunks for t in chunk] == texts
    starts = [first for first, _ in chunks]
    assert starts == list(itertools.accumulate([len(c) for _, c in chunks[:-1]], initial=0))[: len(chunks)]
    for _, chunk in chunks[:-1]:
        assert sum(map(len, chunk)) >= chunk_chars or len(chunk) == corpus.MAX_CHUNK_DOCS


@pytest.mark.parametrize("jobs", [1, 2])
def test_split_many_streams_from_an_endless_input(jobs: int) -> None:
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield f"Title {i}\n\nA short body for document number {i}, in plain English words."

    docs = cs.split_many(endless(), jobs=jobs, chunk_chars=1)
    first = list(itertools.islice(docs, 3))
    assert [d.text.split("\n")[0] for d in first] == ["Title 0", "Title 1", "Title 2"]
    # Bounded: no more than the in-flight window (2 * jobs chunks) ahead of the consumer.
    assert pulled <= 3 + 2 * jobs
    docs.close()  # type: ignore[attr-defined]


def test_split_many_rejects_bad_arguments() -> None:
    with pytest.raises(TypeError, match="iterable of texts"):
        cs.split_many("one text")
    with pytest.raises(ValueError, match="jobs"):
        cs.split_many(SHORT, jobs=0)
    with pytest.raises(TypeError, match="jobs"):
        cs.split_many(SHORT, jobs="2")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Config"):
        cs.split_many(SHORT, config={"sensitivity": 0.5})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="item 1 is int"):
        list(cs.split_many(["fine", 3]))  # type: ignore[list-item]


def test_split_error_names_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    real_split = cs.split

    def flaky(text: str | bytes, *, config: cs.Config | None = None) -> cs.Document:
        if text == "boom":
            raise RuntimeError("bad luck")
        return real_split(text, config=config)

    monkeypatch.setattr(corpus, "split", flaky)
    records = [Record(id=i, text=t, source="in.jsonl", line=i + 1) for i, t in enumerate(["a", "boom"])]
    with pytest.raises(SplitError) as info:
        list(split_records(records))
    assert info.value.index == 1
    assert info.value.detail.startswith("in.jsonl:2: RuntimeError: bad luck")


# --- document_record ------------------------------------------------------------------


def test_document_record_shape() -> None:
    doc = cs.split(SEEDS[0].read_bytes())
    record = cs.document_record(doc, "doc-1")
    assert list(record) == ["schema_version", "id", "source", "encoding", "articles", "segments"]
    assert (record["schema_version"], record["id"]) == (corpus.SCHEMA_VERSION, "doc-1")
    assert (record["source"], record["encoding"]) == (None, "utf-8")
    assert json.loads(json.dumps(record)) == record
    assert [a["index"] for a in record["articles"]] == list(range(len(doc.articles)))
    assert [a["id"] for a in record["articles"]] == [f"doc-1#{i}" for i in range(len(doc.articles))]
    for a, art in zip(record["articles"], doc.articles):
        assert set(a) == {"id", "index", "start", "end", "title", "language", "clean_text"}
        assert (a["start"], a["end"], a["clean_text"]) == (art.start, art.end, art.clean_text)
    for s, seg in zip(record["segments"], doc.segments):
        assert s == {"kind": seg.kind.value, "start": seg.start, "end": seg.end,
                     "article": seg.article, "language": seg.language}
    with pytest.raises(TypeError):
        cs.document_record("not a doc", 1)  # type: ignore[arg-type]


# --- readers --------------------------------------------------------------------------


def _jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_read_txt_files_and_folders(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_bytes(b"second")
    (tmp_path / "1.txt").write_bytes(b"first")
    (tmp_path / "notes.md").write_text("# Notes\n\nread like a .txt file")
    (tmp_path / "table.csv").write_text("a,b")
    (tmp_path / ".hidden.txt").write_text("hidden files are left out")
    skipped: list[str] = []
    records = list(read_records(tmp_path, on_skipped_file=skipped.append))
    assert [r.text for r in records] == [b"first", b"second", b"# Notes\n\nread like a .txt file"]
    assert skipped == [str(tmp_path / "table.csv")]
    with pytest.warns(UserWarning, match="table.csv: skipped: not a corpus file"):
        assert len(list(read_records(tmp_path))) == 3
    assert records[0].id == str(tmp_path / "1.txt")
    assert records[0].location == str(tmp_path / "1.txt")


def test_read_jsonl_fields_ids_and_gzip(tmp_path: Path) -> None:
    rows = [{"doc": "x", "body": "one"}, {"body": "two"}, {"doc": 7, "body": "three"}]
    plain = _jsonl(tmp_path / "a.jsonl", rows)
    packed = tmp_path / "a.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    for path in (plain, packed):
        records = list(read_records(path, text_field="body", id_field="doc"))
        assert [r.text for r in records] == ["one", "two", "three"]
        assert [r.id for r in records] == ["x", f"{path}:2", 7]
        assert [r.line for r in records] == [1, 2, 3]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "a JSON array, not an object"),
        ('{"id": 1}', "no 'text' field"),
        ('{"text": 5}', "'text' is int, not a string"),
        ('{"text": "ok", "id": [1]}', "'id' is array"),
        ('{"text": null, "id": 1}', "'text' is null, not a string"),
        ('{"id": 1, "body": "x"}', "no 'text' field \\(fields: 'id', 'body'\\)"),
        (b'{"text": "caf\xff"}', "not valid UTF-8 \\(byte 0xff at byte 14 of the line\\)"),
    ],
)
def test_malformed_jsonl_records(tmp_path: Path, line: str | bytes, reason: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "fine"}\n\n' + (line if isinstance(line, bytes) else line.encode()) + b"\n")
    with pytest.raises(RecordError, match=f"in.jsonl:3: {reason}") as info:
        list(read_records(path))
    assert (info.value.source, info.value.line) == (str(path), 3)
    bad: list[RecordError] = []
    assert [r.text for r in read_records(path, on_bad_record=bad.append)] == ["fine"]
    assert [b.line for b in bad] == [3]


def test_read_records_rejects_unknown_paths(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("a,b")
    with pytest.raises(ValueError, match="unknown kind of file"):
        list(read_records(tmp_path / "data.csv"))
    with pytest.raises(FileNotFoundError):
        list(read_records(tmp_path / "missing.jsonl"))
    with pytest.raises(ValueError, match="text_field"):
        list(read_records(tmp_path, text_field=""))


# --- writers --------------------------------------------------------------------------

json_texts = st.text(st.characters(), max_size=60)  # lone surrogates and U+2028 included


@given(rows=st.lists(st.tuples(st.one_of(st.integers(), json_texts), json_texts), max_size=8),
       compress=st.booleans())
def test_jsonl_round_trip(tmp_path_factory: pytest.TempPathFactory,
                          rows: list[tuple[int | str, str]], compress: bool) -> None:
    path = tmp_path_factory.mktemp("rt") / ("out.jsonl.gz" if compress else "out.jsonl")
    written = cs.write_records(({"id": i, "text": t} for i, t in rows), path)
    assert written == len(rows)
    assert [(r.id, r.text) for r in read_records(path)] == rows


def test_write_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"

    def failing() -> Iterator[dict[str, object]]:
        yield {"id": 1, "text": "written"}
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        cs.write_records(failing(), target)
    assert list(tmp_path.iterdir()) == []


def test_parquet_round_trip(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    docs = [cs.split(t) for t in SHORT[:2]]
    records = [cs.document_record(d, i) for i, d in enumerate(docs)]
    out = tmp_path / "out.parquet"
    assert cs.write_records(records, out) == 2
    table = pq.read_table(out).to_pylist()
    assert [r["id"] for r in table] == ["0", "1"]
    assert [a["clean_text"] for a in table[0]["articles"]] == [a.clean_text for a in docs[0].articles]
    assert [s["kind"] for s in table[1]["segments"]] == [s.kind.value for s in docs[1].segments]
    # and read back as input
    import pyarrow as pa

    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a", None], "text": ["hello", None]}), src)
    bad: list[RecordError] = []
    assert [(r.id, r.text) for r in read_records(src, on_bad_record=bad.append)] == [("a", "hello")]
    assert str(bad[0]) == f"{src}:2: 'text' is null, not a string"


# --- issue 15: bytes, compression, kept fields, outputs, early stop -----------------------


@given(data=st.binary(max_size=200).map(lambda b: b.replace(b"\r", b"\n")),
       cuts=st.lists(st.integers(0, 200), max_size=6))
def test_lines_over_any_chunking(data: bytes, cuts: list[int]) -> None:
    points = sorted({min(c, len(data)) for c in cuts} | {0, len(data)})
    chunks = [data[a:b] for a, b in zip(points, points[1:])]
    expected = data.split(b"\n")
    if expected[-1] == b"":
        expected.pop()
    assert list(corpus._lines(iter(chunks))) == expected


def test_fields_are_kept_and_the_id_field_too(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "in.jsonl", [{"url": "u", "text": "t", "id": 3, "date": None}])
    (record,) = read_records(path, id_field="url")
    assert (record.id, dict(record.fields)) == ("u", {"url": "u", "id": 3, "date": None})
    (record,) = read_records(path)
    assert (record.id, dict(record.fields)) == (3, {"url": "u", "date": None})


def test_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "one"}\r\n{"text": "two"}\r\n')
    assert [r.text for r in read_records(path)] == ["one", "two"]


def test_zstd_frames_and_truncation(tmp_path: Path) -> None:
    zstd = pytest.importorskip("zstandard")
    rows = [{"id": i, "text": f"document {i} " + "x" * (i * 50)} for i in range(200)]
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    packer = zstd.ZstdCompressor()
    two_frames = packer.compress(data[:5000]) + packer.compress(data[5000:])
    path = tmp_path / "in.jsonl.zst"
    path.write_bytes(two_frames)
    assert [r.id for r in read_records(path)] == list(range(200))
    path.write_bytes(two_frames[:-7])
    with pytest.raises(CorpusFileError, match="truncated zstd data") as info:
        list(read_records(path))
    assert info.value.source == str(path)
    bad: list[RecordError] = []
    kept = [r.id for r in read_records(path, on_bad_record=bad.append)]
    assert kept == list(range(len(kept))) and len(kept) < 200
    assert bad[0].line == len(kept) + 1


def test_gzip_truncated_at_the_start(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "a"}\n' * 10)[:12])
    with pytest.raises(CorpusFileError, match=r"in.jsonl.gz: truncated gzip data") as info:
        list(read_records(path))
    assert info.value.line is None


def test_parquet_without_the_text_column_lists_the_columns(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": [1], "body": ["x"]}), path)
    with pytest.raises(CorpusFileError, match=r"no column 'text' \(columns: id, body\)"):
        list(read_records(path))


def test_write_records_checks_the_path_first(tmp_path: Path) -> None:
    pulled = []

    def records() -> Iterator[dict[str, object]]:
        pulled.append(1)
        yield {"id": 1}

    with pytest.raises(ValueError, match="unknown output format"):
        cs.write_records(records(), tmp_path / "out.csv")
    with pytest.raises(IsADirectoryError, match="is a folder"):
        cs.write_records(records(), tmp_path)
    with pytest.raises(FileNotFoundError, match="no such folder"):
        cs.write_records(records(), tmp_path / "no" / "out.jsonl")
    assert pulled == [] and list(tmp_path.iterdir()) == []


def test_json_line_writes_values_json_has_no_type_for() -> None:
    from datetime import date, datetime
    from decimal import Decimal

    line = corpus.json_line({"d": date(2024, 5, 1), "t": datetime(2024, 5, 1, 12, 30),
                             "n": Decimal("1.50"), "b": b"caf\xc3\xa9"})
    assert json.loads(line) == {"d": "2024-05-01", "t": "2024-05-01T12:30:00", "n": "1.50",
                                "b": "café"}


def test_closing_split_many_early_stops_the_workers() -> None:
    import multiprocessing

    docs = cs.split_many(itertools.repeat(SHORT[0], 10_000), jobs=2, chunk_chars=1)
    next(iter(docs))
    assert len(multiprocessing.active_children()) >= 2
    docs.close()  # type: ignore[attr-defined]
    assert multiprocessing.active_children() == []


def test_an_io_error_while_reading_names_the_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    path = _jsonl(tmp_path / "in.jsonl", [{"text": "one"}])

    class Failing(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(corpus, "_open_binary", lambda name: Failing())
    with pytest.raises(CorpusFileError, match=r"in.jsonl: cannot read on \(Input/output error\)"):
        list(read_records(path))


@pytest.mark.usefixtures("ctrl_c")
def test_signals_are_held_during_a_clean_up_then_delivered() -> None:
    import os
    import signal

    finished = False
    with pytest.raises(KeyboardInterrupt), corpus._signals_deferred():
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):  # bytecode boundaries at which a handler would have run
            pass
        finished = True
    assert finished
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
