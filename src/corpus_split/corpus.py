"""Corpus scale: split many documents in order and in parallel, read and write corpus files.

`split_many` streams: it pulls documents from its input only as fast as it hands
results back, so memory stays bounded however large the corpus. With ``jobs > 1`` the
documents go to a process pool in chunks of about ``chunk_chars`` characters (so the cost
of moving data between processes stays small next to the cost of splitting), and at most
``2 * jobs`` chunks are in flight at once. Results always come back in input order.

`read_records` reads ``.txt`` files, folders, JSONL (also gzip-compressed) and
Parquet; `write_records` writes JSONL or Parquet atomically (a temporary file beside
the target, renamed at the end), and `document_record` is the plain-dict form of a
`Document` that they exchange.
"""

from __future__ import annotations

import gzip
import io
import json
import multiprocessing
import os
import sys
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .config import Config
from .model import Document
from .pipeline import split
from .repair import _check_config

__all__ = [
    "Record",
    "RecordError",
    "SplitError",
    "document_record",
    "read_records",
    "split_file",
    "split_many",
    "split_records",
    "write_records",
]

StrPath = str | os.PathLike[str]
"""A file system path as a string or path object."""

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
"""File name endings read (and written) as JSON Lines; ``.gz`` ones are gzip-compressed."""

TEXT_SUFFIXES = (".txt",)
"""File name endings read as one document each (bytes, decoded by `split`)."""

PARQUET_SUFFIXES = (".parquet",)
"""File name endings read and written as Parquet (needs the ``parquet`` extra: pyarrow)."""

# A chunk of work for one task: large enough that pickling and queueing cost little next
# to splitting (about 2 ms per kB), small enough to keep both cores busy to the end.
DEFAULT_CHUNK_CHARS = 65_536
# Tiny documents are batched too, but no task carries more than this many.
MAX_CHUNK_DOCS = 256


# ---------------------------------------------------------------------------------------
# Errors and records


class RecordError(ValueError):
    """A malformed input record: bad JSON, not an object, no text, or text of the wrong type.

    ``source`` is the file, ``line`` the 1-based line (JSONL) or row (Parquet).
    """

    def __init__(self, source: str, line: int, reason: str) -> None:
        super().__init__(source, line, reason)
        self.source = source
        self.line = line
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}"


class SplitError(RuntimeError):
    """`split` failed on one document of `split_many`; ``index`` is its position."""

    def __init__(self, index: int, detail: str) -> None:
        super().__init__(index, detail)
        self.index = index
        self.detail = detail

    def __str__(self) -> str:
        return f"document {self.index}: split failed: {self.detail}"


@dataclass(frozen=True, slots=True)
class Record:
    """One input document read from a corpus file, with where it came from.

    ``id`` is the record's id field when it has one (``str`` or ``int``), else its
    location ``"file:line"`` (or the path, for a ``.txt`` file), so that every output
    record can be traced to its input. ``line`` is the 1-based line (JSONL) or row
    (Parquet), ``None`` for a whole ``.txt`` file.
    """

    id: str | int
    text: str | bytes
    source: str
    line: int | None = None

    @property
    def location(self) -> str:
        """``"file:line"``, or the file alone for a whole-file record."""
        return self.source if self.line is None else f"{self.source}:{self.line}"


# ---------------------------------------------------------------------------------------
# split_many


def split_many(
    texts: Iterable[str | bytes],
    *,
    jobs: int = 1,
    config: Config | None = None,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Iterator[Document]:
    """Split every text of ``texts``, yielding one `Document` each, in input order.

    The input is consumed lazily and results are handed back as they are ready, so a
    corpus of any size runs in bounded memory. ``jobs`` is the number of worker
    processes; ``1`` splits in this process. With more, texts travel in chunks of about
    ``chunk_chars`` characters and at most ``2 * jobs`` chunks are in flight. The
    documents are equal to those `split` gives for the same text and config.

    Raises:
        TypeError: an item is not ``str`` or ``bytes`` (raised when it is reached), or
            ``jobs``/``chunk_chars`` are not integers, or ``config`` is not a Config.
        ValueError: ``jobs`` or ``chunk_chars`` is less than 1.
        SplitError: `split` failed on a document; ``.index`` says which one.
    """
    _check_positive_int("jobs", jobs)
    _check_positive_int("chunk_chars", chunk_chars)
    config = _check_config(config)
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError("split_many() takes an iterable of texts; for one text call split()")
    if jobs == 1:
        return _split_serial(texts, config)
    return _split_parallel(texts, config, jobs, chunk_chars)


def _check_positive_int(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, not {value}")


def _checked(index: int, text: object) -> str | bytes:
    if isinstance(text, (str, bytes)):
        return text
    if isinstance(text, bytearray):
        return bytes(text)
    raise TypeError(f"split_many(): item {index} is {type(text).__name__}, not str or bytes")


def _split_one(index: int, text: str | bytes, config: Config) -> Document:
    try:
        return split(text, config=config)
    except Exception as exc:  # name the document; the cause stays attached in-process
        raise SplitError(index, f"{type(exc).__name__}: {exc}") from exc


def _split_serial(texts: Iterable[str | bytes], config: Config) -> Iterator[Document]:
    for index, text in enumerate(texts):
        yield _split_one(index, _checked(index, text), config)


def _split_chunk(first: int, texts: Sequence[str | bytes], config: Config) -> list[Document]:
    """Worker task: split one chunk of documents (module level, so a pool can pickle it)."""
    return [_split_one(first + k, text, config) for k, text in enumerate(texts)]


def _chunks(
    texts: Iterable[str | bytes], chunk_chars: int
) -> Iterator[tuple[int, list[str | bytes]]]:
    """Group texts into (index of first, texts) chunks of about ``chunk_chars`` characters."""
    chunk: list[str | bytes] = []
    size = 0
    first = 0
    for index, text in enumerate(texts):
        text = _checked(index, text)
        chunk.append(text)
        size += len(text)
        if size >= chunk_chars or len(chunk) >= MAX_CHUNK_DOCS:
            yield first, chunk
            first, chunk, size = index + 1, [], 0
    if chunk:
        yield first, chunk


def _split_parallel(
    texts: Iterable[str | bytes], config: Config, jobs: int, chunk_chars: int
) -> Iterator[Document]:
    window = 2 * jobs
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_start_context())
    pending: deque[Future[list[Document]]] = deque()
    try:
        for first, chunk in _chunks(texts, chunk_chars):
            pending.append(pool.submit(_split_chunk, first, chunk, config))
            while len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_context() -> multiprocessing.context.BaseContext:
    """How worker processes start: forked when that is safe, else from a fork server.

    A fork starts at once and inherits what this process has loaded (modules, lingua's
    models); but forking a process that runs other threads (a progress bar's monitor,
    Dask, ...) can deadlock on a lock one of them held, so then a fork server is used.
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and _thread_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _thread_count() -> int:
    """This process's OS threads, so that native pools (pyarrow's, BLAS) count for fork safety.

    Linux lists them in ``/proc/self/task``; elsewhere only Python threads can be counted.
    """
    try:
        return max(len(os.listdir("/proc/self/task")), threading.active_count())
    except OSError:
        return threading.active_count()


def split_records(
    records: Iterable[Record],
    *,
    jobs: int = 1,
    config: Config | None = None,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Iterator[tuple[Record, Document]]:
    """`split_many` over records: each record with its document, in input order.

    Only the records in flight are held, so this streams like `split_many`.

    Raises:
        SplitError: `split` failed; its ``detail`` starts with the record's location.
    """
    in_flight: deque[Record] = deque()

    def texts() -> Iterator[str | bytes]:
        for record in records:
            in_flight.append(record)
            yield record.text

    done = 0
    try:
        for doc in split_many(texts(), jobs=jobs, config=config, chunk_chars=chunk_chars):
            yield in_flight.popleft(), doc
            done += 1
    except SplitError as err:
        where = in_flight[err.index - done].location
        raise SplitError(err.index, f"{where}: {err.detail}") from err


def split_file(
    source: StrPath,
    output: StrPath,
    *,
    text_field: str = "text",
    id_field: str = "id",
    config: Config | None = None,
) -> int:
    """Split every document of ``source`` (file or folder) into the records file ``output``.

    One process, one shard: the unit of work to hand to a cluster (see
    ``docs/distributed.md``). Returns the number of documents written.
    """
    records = read_records(source, text_field=text_field, id_field=id_field)
    return write_records(
        (document_record(doc, rec.id) for rec, doc in split_records(records, config=config)),
        output,
    )


# ---------------------------------------------------------------------------------------
# Records as plain data


def document_record(doc: Document, id: str | int | None) -> dict[str, Any]:
    """A `Document` as a JSON-ready dict: ``id``, ``articles`` and ``segments``.

    Offsets count characters of ``doc.text`` (the input as decoded). Articles carry
    ``index``, ``start``, ``end``, ``title``, ``language`` and ``clean_text``; segments
    carry ``kind``, ``start``, ``end``, ``article`` and ``language``. Texts of segments
    are left out: they are slices of the input, which the reader already has.
    """
    if not isinstance(doc, Document):
        raise TypeError(f"document_record() takes a Document, not {type(doc).__name__}")
    return {
        "id": id,
        "articles": [
            {
                "index": a.index,
                "start": a.start,
                "end": a.end,
                "title": a.title,
                "language": a.language,
                "clean_text": a.clean_text,
            }
            for a in doc.articles
        ],
        "segments": [
            {
                "kind": s.kind.value,
                "start": s.start,
                "end": s.end,
                "article": s.article,
                "language": s.language,
            }
            for s in doc.segments
        ],
    }


# ---------------------------------------------------------------------------------------
# Readers


def read_records(
    paths: StrPath | Iterable[StrPath],
    *,
    text_field: str = "text",
    id_field: str = "id",
    on_bad_record: Callable[[RecordError], None] | None = None,
) -> Iterator[Record]:
    """Stream the documents of corpus files and folders, in order, one `Record` each.

    By path: ``.txt`` is one document; ``.jsonl``/``.ndjson`` (optionally ``.gz``) hold one
    JSON object per line with the text under ``text_field`` and an optional id under
    ``id_field``; ``.parquet`` has those two columns (needs pyarrow). A folder is read
    as every such file below it, in sorted order. Blank JSONL lines are not records.

    A malformed record raises `RecordError` naming file and line, unless
    ``on_bad_record`` is given: then it is called with the error and reading goes on.

    Raises:
        RecordError: a malformed record and no ``on_bad_record``.
        ValueError: a path that is neither a folder nor a file of a known kind.
        FileNotFoundError: a path that does not exist.
        ImportError: a Parquet file without pyarrow installed.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for name, value in (("text_field", text_field), ("id_field", id_field)):
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name} must be a non-empty string, not {value!r}")
    for path in _expand(paths):
        if _has_suffix(path, TEXT_SUFFIXES):
            yield Record(id=str(path), text=path.read_bytes(), source=str(path))
        elif _has_suffix(path, JSONL_SUFFIXES):
            yield from _read_jsonl(path, text_field, id_field, on_bad_record)
        else:
            yield from _read_parquet(path, text_field, id_field, on_bad_record)


def _has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(suffixes)


def _expand(paths: Iterable[StrPath]) -> Iterator[Path]:
    known = TEXT_SUFFIXES + JSONL_SUFFIXES + PARQUET_SUFFIXES
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _has_suffix(p, known))
        elif not path.exists():
            raise FileNotFoundError(f"no such file or folder: {path}")
        elif _has_suffix(path, known):
            yield path
        else:
            raise ValueError(f"{path}: unknown kind of file; expected a folder or a file ending "
                             f"in {', '.join(known)}")


def _record(
    path: Path, line: int, text: object, id_value: object, text_field: str, id_field: str
) -> Record:
    """A checked record, or RecordError saying what is wrong with it."""
    if text is None:
        raise RecordError(str(path), line, f"no {text_field!r} field")
    if not isinstance(text, str):
        raise RecordError(str(path), line, f"{text_field!r} is {type(text).__name__}, not a string")
    if id_value is None:
        id_value = f"{path}:{line}"
    elif isinstance(id_value, bool) or not isinstance(id_value, (str, int)):
        raise RecordError(
            str(path), line, f"{id_field!r} is {type(id_value).__name__}, not a string or integer"
        )
    return Record(id=id_value, text=text, source=str(path), line=line)


def _read_jsonl(
    path: Path,
    text_field: str,
    id_field: str,
    on_bad_record: Callable[[RecordError], None] | None,
) -> Iterator[Record]:
    with _open_text(path) as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                try:
                    obj = json.loads(raw)
                except json.JSONDecodeError as exc:
                    raise RecordError(str(path), number, f"not valid JSON ({exc.msg})") from None
                if not isinstance(obj, dict):
                    raise RecordError(
                        str(path), number, f"a JSON {type(obj).__name__}, not an object"
                    )
                yield _record(
                    path, number, obj.get(text_field), obj.get(id_field), text_field, id_field
                )
            except RecordError as err:
                if on_bad_record is None:
                    raise
                on_bad_record(err)


def _read_parquet(
    path: Path,
    text_field: str,
    id_field: str,
    on_bad_record: Callable[[RecordError], None] | None,
) -> Iterator[Record]:
    pq = _pyarrow_parquet()
    with pq.ParquetFile(path) as file:
        names = file.schema_arrow.names
        if text_field not in names:
            raise ValueError(f"{path}: no column {text_field!r} (columns: {', '.join(names)})")
        columns = [text_field] + ([id_field] if id_field in names else [])
        row = 0
        for batch in file.iter_batches(columns=columns, batch_size=1024):
            texts = batch.column(text_field).to_pylist()
            ids = batch.column(id_field).to_pylist() if id_field in names else [None] * len(texts)
            for text, id_value in zip(texts, ids):
                row += 1
                try:
                    yield _record(path, row, text, id_value, text_field, id_field)
                except RecordError as err:
                    if on_bad_record is None:
                        raise
                    on_bad_record(err)


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ImportError(
            "Parquet needs pyarrow: pip install 'corpus_split[parquet]'"
        ) from None
    return pq


def _open_text(path: Path) -> IO[str]:
    """``path`` to read as UTF-8 text (gunzipped when its name ends in ``.gz``).

    Lines end at ``\\n`` only: U+2028 and friends may appear raw inside JSON strings.
    """
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="\n")
    return open(path, encoding="utf-8", newline="\n")


# ---------------------------------------------------------------------------------------
# Writers


def write_records(records: Iterable[Mapping[str, Any]], path: StrPath) -> int:
    """Write records (as from `document_record`) to ``path``; return how many.

    Parquet when ``path`` ends in ``.parquet``, otherwise JSON Lines (gzip-compressed when
    it ends in ``.gz``). The file appears only when every record is written: the records
    go to a temporary file in the same folder, renamed over ``path`` at the end, and an
    error (or an interrupt) leaves no partial output behind.
    """
    target = Path(path)
    temp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        if _has_suffix(target, PARQUET_SUFFIXES):
            count = _write_parquet(records, temp)
        else:
            count = _write_jsonl(records, temp, compress=target.name.lower().endswith(".gz"))
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return count


def json_line(record: Mapping[str, Any]) -> str:
    """One record as a line of JSON (UTF-8 text kept as is; lone surrogates escaped)."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: only \\u escapes can carry it
        line = json.dumps(record)
    return line + "\n"


def _write_jsonl(records: Iterable[Mapping[str, Any]], temp: Path, *, compress: bool) -> int:
    count = 0
    out: IO[str]
    if compress:
        out = io.TextIOWrapper(gzip.GzipFile(temp, "xb"), encoding="utf-8", newline="\n")
    else:
        out = open(temp, "x", encoding="utf-8", newline="\n")  # noqa: SIM115
    with out:
        for record in records:
            out.write(json_line(record))
            count += 1
    return count


def _parquet_schema() -> Any:
    import pyarrow as pa

    article = pa.struct([
        ("index", pa.int64()), ("start", pa.int64()), ("end", pa.int64()),
        ("title", pa.string()), ("language", pa.string()), ("clean_text", pa.string()),
        ("cluster", pa.list_(pa.int64())),
    ])
    segment = pa.struct([
        ("kind", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("article", pa.int64()), ("language", pa.string()),
    ])
    return pa.schema([
        ("id", pa.string()), ("articles", pa.list_(article)), ("segments", pa.list_(segment)),
    ])


def _write_parquet(records: Iterable[Mapping[str, Any]], temp: Path, batch: int = 512) -> int:
    """Parquet in row groups of ``batch`` records; ids are stored as strings."""
    pq = _pyarrow_parquet()
    import pyarrow as pa

    schema = _parquet_schema()
    count = 0
    rows: list[dict[str, Any]] = []
    with pq.ParquetWriter(temp, schema) as writer:
        for record in records:
            rows.append({**record, "id": None if record["id"] is None else str(record["id"])})
            count += 1
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows or count == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return count
