"""Corpus scale: split many documents in order and in parallel, read and write corpus files.

`split_many` streams: it pulls documents from its input only as fast as it hands
results back, so memory stays bounded however large the corpus. With ``jobs > 1`` the
documents go to a process pool in chunks of about ``chunk_chars`` characters (so the cost
of moving data between processes stays small next to the cost of splitting), and at most
``2 * jobs`` chunks are in flight at once. Results always come back in input order.

`read_records` reads ``.txt``/``.md`` files, folders, JSONL (also gzip- or
zstd-compressed), Parquet and standard input (``-``); `write_records` writes JSONL or
Parquet atomically (a temporary file beside the target, renamed at the end), or JSONL to
standard output; `document_record` is the plain-dict form of a
`corpus_split.model.Document` that they exchange (its fields: ``docs/schema.md``).
Paths with a scheme (``s3://``, ``hf://``, ``memory://``...) go through fsspec when it
is installed (the ``remote`` extra).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import sys
import threading
import warnings
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from time import monotonic, sleep
from typing import IO, TYPE_CHECKING, Any, cast

from .config import Config
from .model import Document
from .pipeline import split
from .repair import _check_config

# The modules that only some of this module's functions need (the process pool's, gzip,
# datetime, decimal, uuid: together about a tenth of the package's import) are imported in
# those functions: splitting a text, what most imports of the package are for, needs none
if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = [
    "OUTPUT_SUFFIXES",
    "SCHEMA_VERSION",
    "CorpusFileError",
    "Record",
    "RecordError",
    "SplitError",
    "check_output",
    "document_record",
    "read_records",
    "split_file",
    "split_many",
    "split_records",
    "write_records",
]

StrPath = str | os.PathLike[str]
"""A file system path or URL as a string or path object; ``"-"`` is standard input/output."""

SCHEMA_VERSION = 1
"""Version of the record layout of `document_record` (see ``docs/schema.md``).

Raised whenever a field is removed, renamed or changes meaning; adding a field does not
raise it.
"""

STDIO = "-"
"""The path that names standard input (read as JSONL) or standard output (written as JSONL)."""

STDIN_NAME = "<stdin>"
"""How records read from standard input name their ``source``."""

JSONL_SUFFIXES = (
    ".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".jsonl.zst", ".ndjson.zst",
)
"""File name endings read (and written) as JSON Lines; ``.gz`` is gzip, ``.zst`` zstd."""

TEXT_SUFFIXES = (".txt", ".md")
"""File name endings read as one document each (bytes, decoded by `split`)."""

PARQUET_SUFFIXES = (".parquet",)
"""File name endings read and written as Parquet (needs the ``parquet`` extra: pyarrow)."""

OUTPUT_SUFFIXES = JSONL_SUFFIXES + PARQUET_SUFFIXES
"""File name endings `write_records` accepts (besides ``-``, standard output)."""

# A chunk of work for one task: large enough that pickling and queueing cost little next
# to splitting (about 2 ms per kB), small enough to keep both cores busy to the end.
DEFAULT_CHUNK_CHARS = 65_536
# how long a thread that has just ended may still be listed by the OS (`_thread_count`)
_EXITING_GRACE = 0.1
# Tiny documents are batched too, but no task carries more than this many.
MAX_CHUNK_DOCS = 256
# Bytes read from a file at a time.
_READ_SIZE = 1 << 16
# A scheme such as s3:// or hf:// (two letters at least, so that C:\ stays a local path).
_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")
_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


# ---------------------------------------------------------------------------------------
# Errors and records


class RecordError(ValueError):
    """A malformed input record: bad bytes or JSON, not an object, no text, or wrong types.

    ``source`` is the file, ``line`` the 1-based line (JSONL) or row (Parquet), or
    ``None`` when the fault is the whole file's; ``reason`` says what is wrong.
    """

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        super().__init__(source, line, reason)
        self.source = source
        self.line = line
        self.reason = reason

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.reason}"


class CorpusFileError(RecordError):
    """A corpus file unreadable from some point on: not the format its name says, or cut short.

    ``line`` is the first line (or row) lost, ``None`` when nothing of the file could be
    read. With ``on_bad_record`` the rest of the file is skipped and reading goes on with
    the next file; the records read before the fault stand.
    """


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
    record can be traced to its input. ``source`` is the file (``"<stdin>"`` for
    standard input), ``line`` the 1-based line (JSONL) or row (Parquet), ``None`` for a
    whole ``.txt`` file. ``fields`` holds the record's other fields (all but the text),
    in input order, to be carried into the output.
    """

    id: str | int
    text: str | bytes
    source: str
    line: int | None = None
    fields: Mapping[str, Any] = field(default_factory=dict, hash=False)

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
    from concurrent.futures import ProcessPoolExecutor

    window = 2 * jobs
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=_start_context(), initializer=_worker_signals
    )
    pending: deque[Future[list[Document]]] = deque()
    try:
        for first, chunk in _chunks(texts, chunk_chars):
            pending.append(pool.submit(_split_chunk, first, chunk, config))
            while len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BaseException:
        # An error, an interrupt, a signal or a consumer that stopped early (GeneratorExit):
        # stop the workers now rather than let them finish chunks nobody will read.
        _stop_workers(pool)
        raise
    pool.shutdown(wait=True)


def _worker_signals() -> None:
    """Worker start-up: die on SIGTERM, leave Ctrl-C to the parent.

    A forked worker inherits the parent's Python signal handlers; the parent's SIGTERM
    handler (the command's) would turn the worker's SIGTERM into an exception that the
    pool reports back instead of ending the process.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Shut ``pool`` down at once: cancel what waits, terminate and reap every worker.

    A worker terminated while sending a result leaves half a message in the result pipe,
    and the pool's manager thread would wait for the rest for ever (and the interpreter
    for that thread, at exit). Closing this process's copy of the pipe's write end, once
    the workers are gone, turns that wait into end-of-file: the pool sees itself broken
    and its threads finish.
    """
    with _signals_deferred():
        _stop_pool(pool)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back so that a clean-up runs to its end, then deliver them.

    Only the main thread can set handlers; elsewhere the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []

    def hold(signum: int, frame: object) -> None:
        arrived.append(signum)

    previous = {held: signal.signal(held, hold) for held in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for held, handler in previous.items():
            signal.signal(held, signal.SIG_DFL if handler is None else handler)
        for number in dict.fromkeys(arrived):
            signal.raise_signal(number)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    # shutdown() forgets these, so take them first (private: no public way to stop workers).
    processes: list[Any] = list((getattr(pool, "_processes", None) or {}).values())
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
    if writer is not None:
        writer.close()
    if manager is not None:
        manager.join(timeout=5)


def _start_context() -> multiprocessing.context.BaseContext:
    """How worker processes start: forked when that is safe, else from a fork server.

    A fork starts at once and inherits what this process has loaded (modules, lingua's
    models); but forking a process that runs other threads (a progress bar's monitor,
    Dask, ...) can deadlock on a lock one of them held, so then a fork server is used.
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and _thread_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _thread_count() -> int:
    """The OS threads of the running process, so that native pools (pyarrow's, BLAS) count for fork safety.

    Linux lists them in ``/proc/self/task``; elsewhere only Python threads can be counted.
    A Python thread that has just finished (the last pool's queue feeder, right after
    `split_many` returns) is listed there for a moment after ``threading`` has let it go:
    while the OS lists more threads than Python knows, the count is read again for up to
    ``_EXITING_GRACE`` seconds, so that back-to-back calls are not refused a fork.
    """
    try:
        count = len(os.listdir("/proc/self/task"))
        deadline = monotonic() + _EXITING_GRACE
        while count > threading.active_count() and monotonic() < deadline:
            sleep(0.001)
            count = len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()
    return max(count, threading.active_count())


def split_records(
    records: Iterable[Record],
    *,
    jobs: int = 1,
    config: Config | None = None,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Generator[tuple[Record, Document], None, None]:
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
    docs = split_many(texts(), jobs=jobs, config=config, chunk_chars=chunk_chars)
    try:
        for doc in docs:
            yield in_flight.popleft(), doc
            done += 1
    except SplitError as err:
        where = in_flight[err.index - done].location
        raise SplitError(err.index, f"{where}: {err.detail}") from err
    finally:
        close = getattr(docs, "close", None)
        if close is not None:  # stop the workers now, not when the generator is collected
            close()


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
        (
            document_record(doc, rec.id, source=rec.source, fields=rec.fields)
            for rec, doc in split_records(records, config=config)
        ),
        output,
    )


# ---------------------------------------------------------------------------------------
# Records as plain data

# The record's own fields; an input field of one of these names is kept under
# ``input_fields`` instead of the top level, so that nothing is overwritten or lost.
RESERVED_FIELDS = frozenset(
    ("schema_version", "id", "source", "encoding", "articles", "segments", "input_fields")
)


def document_record(
    doc: Document,
    id: str | int | None,
    *,
    source: str | None = None,
    fields: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A `Document` as a JSON-ready dict (layout `SCHEMA_VERSION`, ``docs/schema.md``).

    Keys, in order: ``schema_version``, ``id``, ``source`` (the input file),
    ``encoding`` (`Document.encoding`: how input bytes were decoded, ``None`` for
    text given as a string, as in JSONL), then the input's other ``fields`` as they came,
    then ``articles`` and ``segments``. An input field named like one of the record's own
    keys goes under ``input_fields`` instead, so nothing is overwritten.

    Offsets count characters of ``doc.text`` (the input as decoded). Articles carry
    ``id`` (``"<id>#<index>"``, stable for a given input and version), ``index``,
    ``start``, ``end``, ``title``, ``language`` and ``clean_text``; segments carry
    ``kind``, ``start``, ``end``, ``article`` and ``language``. Texts of segments are left
    out: they are slices of the input, which the reader already has.
    """
    if not isinstance(doc, Document):
        raise TypeError(f"document_record() takes a Document, not {type(doc).__name__}")
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": id,
        "source": source,
        "encoding": doc.encoding,
    }
    clashing: dict[str, Any] = {}
    for name, value in (fields or {}).items():
        if name in RESERVED_FIELDS:
            clashing[name] = value
        else:
            record[name] = value
    if clashing:
        record["input_fields"] = clashing
    record["articles"] = [
        {
            "id": None if id is None else f"{id}#{a.index}",
            "index": a.index,
            "start": a.start,
            "end": a.end,
            "title": a.title,
            "language": a.language,
            "clean_text": a.clean_text,
        }
        for a in doc.articles
    ]
    record["segments"] = [
        {
            "kind": s.kind.value,
            "start": s.start,
            "end": s.end,
            "article": s.article,
            "language": s.language,
        }
        for s in doc.segments
    ]
    return record


# ---------------------------------------------------------------------------------------
# Paths: local, standard input/output, and fsspec URLs


def _is_url(name: str) -> bool:
    return bool(_URL_RE.match(name))


def _fsspec() -> Any:
    try:
        import fsspec
    except ImportError:
        raise ImportError(
            "paths with a scheme (s3://, hf://, ...) need fsspec: pip install 'corpus_split[remote]'"
        ) from None
    return fsspec


def _url_fs(name: str) -> tuple[Any, str]:
    """The fsspec file system of URL ``name`` and the path within it."""
    try:
        fs, inner = _fsspec().core.url_to_fs(name)
    except ImportError as exc:  # the backend's own package (s3fs, huggingface_hub, ...)
        raise ImportError(f"{name}: {exc}") from None
    except ValueError as exc:  # an unknown protocol
        raise ValueError(f"{name}: {exc}") from None
    return fs, inner


def _has_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    return name.lower().endswith(suffixes)


def _basename(name: str) -> str:
    return name.rstrip("/").rsplit("/", 1)[-1]


def _zstd() -> Any:
    try:
        import zstandard
    except ImportError:
        raise ImportError(
            ".zst files need zstandard: pip install 'corpus_split[zstd]'"
        ) from None
    return zstandard


def check_output(path: StrPath) -> None:
    """Check, before any work, that `write_records` can write ``path``.

    ``path`` must be ``-`` (JSONL to standard output) or end in one of
    `OUTPUT_SUFFIXES`; a local one must not be a folder and its folder must exist
    and be writable. The packages its format needs must be installed.

    Raises:
        ValueError: an unknown output format.
        IsADirectoryError: ``path`` is a folder.
        FileNotFoundError: the folder of ``path`` does not exist.
        PermissionError: the folder of ``path`` cannot be written.
        ImportError: pyarrow (``.parquet``), zstandard (``.zst``) or fsspec (URLs) missing.
    """
    name = os.fspath(path)
    if name == STDIO:
        return
    if name.endswith(("/", os.sep)):
        raise IsADirectoryError(f"{name}: names a folder; name a file in it, e.g. {name}out.jsonl")
    if _is_url(name):
        fs, inner = _url_fs(name)
        if fs.isdir(inner):
            raise IsADirectoryError(
                f"{name}: is a folder; name a file in it, e.g. {name.rstrip('/')}/out.jsonl"
            )
    elif Path(name).is_dir():
        raise IsADirectoryError(
            f"{name}: is a folder; name a file in it, e.g. {Path(name) / 'out.jsonl'}"
        )
    if not _has_suffix(name, OUTPUT_SUFFIXES):
        raise ValueError(
            f"{name}: unknown output format; name a file ending in .jsonl, .jsonl.gz, "
            f".jsonl.zst or .parquet (or - for JSONL on standard output)"
        )
    if _has_suffix(name, PARQUET_SUFFIXES):
        _pyarrow_parquet()
    elif _has_suffix(name, (".zst",)):
        _zstd()
    if _is_url(name):
        return
    folder = Path(name).parent
    if not folder.is_dir():
        raise FileNotFoundError(f"{name}: cannot write: no such folder {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(f"{name}: cannot write: folder {folder} is not writable")


# ---------------------------------------------------------------------------------------
# Readers


def read_records(
    paths: StrPath | Iterable[StrPath],
    *,
    text_field: str = "text",
    id_field: str = "id",
    on_bad_record: Callable[[RecordError], None] | None = None,
    on_skipped_file: Callable[[str], None] | None = None,
) -> Iterator[Record]:
    """Stream the documents of corpus files and folders, in order, one `Record` each.

    By path: ``.txt`` and ``.md`` are one document each; ``.jsonl``/``.ndjson``
    (optionally ``.gz`` or ``.zst``) hold one JSON object per line with the text under
    ``text_field`` and an optional id under ``id_field``; ``.parquet`` has those columns
    (needs pyarrow); ``-`` is standard input, read as JSONL (gzip or zstd detected by
    their magic bytes). A folder is read as every such file below it, in sorted order;
    hidden files are left out, and any other file is passed to ``on_skipped_file`` (by
    default, a warning). Blank JSONL lines are not records. Every other field of a record
    is kept in `Record.fields`. URLs (``s3://...``) are read with fsspec.

    Paths are checked before the first record is read: a missing file fails at once.
    A malformed record raises `RecordError` naming file and line, and a file that
    cannot be read on (truncated, not the format its name says) a
    `CorpusFileError`, unless ``on_bad_record`` is given: then it is called with
    the error and reading goes on (with the next file, for a `CorpusFileError`).

    Raises:
        RecordError: a malformed record and no ``on_bad_record``.
        CorpusFileError: an unreadable file and no ``on_bad_record``.
        ValueError: a path that is neither a folder nor a file of a known kind.
        FileNotFoundError: a path that does not exist.
        ImportError: a Parquet file without pyarrow (``.zst``: zstandard; URL: fsspec).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for name, value in (("text_field", text_field), ("id_field", id_field)):
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name} must be a non-empty string, not {value!r}")
    names = [os.fspath(p) for p in paths]
    if names.count(STDIO) > 1:
        raise ValueError("standard input (-) can be read only once")
    for name in names:
        _check_input(name)
    skipped = on_skipped_file if on_skipped_file is not None else _warn_skipped
    return _read_all(names, text_field, id_field, on_bad_record, skipped)


def _warn_skipped(name: str) -> None:
    warnings.warn(f"{name}: skipped: not a corpus file", stacklevel=3)


def _check_input(name: str) -> None:
    """Fail now, before any work, on an input that does not exist or is of no known kind."""
    if name == STDIO:
        return
    known = TEXT_SUFFIXES + JSONL_SUFFIXES + PARQUET_SUFFIXES
    if _is_url(name):
        fs, inner = _url_fs(name)
        if not fs.exists(inner):
            raise FileNotFoundError(f"no such file or folder: {name}")
        is_dir = fs.isdir(inner)
    else:
        path = Path(name)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {name}")
        is_dir = path.is_dir()
    if not is_dir and not _has_suffix(name, known):
        raise ValueError(f"{name}: unknown kind of file; expected a folder or a file ending "
                         f"in {', '.join(known)}")
    if not is_dir:
        if _has_suffix(name, PARQUET_SUFFIXES):
            _pyarrow_parquet()
        elif _has_suffix(name, (".zst",)):
            _zstd()


def _read_all(
    names: list[str],
    text_field: str,
    id_field: str,
    on_bad_record: Callable[[RecordError], None] | None,
    on_skipped_file: Callable[[str], None],
) -> Iterator[Record]:
    for name in _expand(names, on_skipped_file):
        if _has_suffix(name, TEXT_SUFFIXES):
            yield Record(id=name, text=_read_bytes(name), source=name)
        elif name == STDIO or _has_suffix(name, JSONL_SUFFIXES):
            yield from _read_jsonl(name, text_field, id_field, on_bad_record)
        else:
            yield from _read_parquet(name, text_field, id_field, on_bad_record)


def _expand(names: Iterable[str], on_skipped_file: Callable[[str], None]) -> Iterator[str]:
    """Every corpus file of ``names``: folders expanded in sorted order, hidden files left out."""
    known = TEXT_SUFFIXES + JSONL_SUFFIXES + PARQUET_SUFFIXES
    for name in names:
        if name == STDIO:
            yield name
            continue
        if _is_url(name):
            fs, inner = _url_fs(name)
            if not fs.isdir(inner):
                yield name
                continue
            base = inner.rstrip("/")
            found = sorted(fs.find(inner))
            members = [(p, p[len(base):].lstrip("/"), fs.unstrip_protocol(p)) for p in found]
        else:
            folder = Path(name)
            if not folder.is_dir():
                yield name
                continue
            files = sorted(p for p in folder.rglob("*") if p.is_file())
            members = [(str(p), str(p.relative_to(folder)), str(p)) for p in files]
        for _, relative, full in members:
            if any(part.startswith(".") for part in relative.replace("\\", "/").split("/")):
                continue
            if _has_suffix(full, known):
                yield full
            else:
                on_skipped_file(full)


def _open_binary(name: str) -> IO[bytes]:
    """``name`` opened to read bytes: standard input, a local file or an fsspec URL."""
    if name == STDIO:
        if _has_fileno(sys.stdin):  # a duplicate, so that closing it leaves stdin open
            return os.fdopen(os.dup(sys.stdin.fileno()), "rb")
        return cast(IO[bytes], _Unclosed(sys.stdin.buffer))
    if _is_url(name):
        fs, inner = _url_fs(name)
        return cast(IO[bytes], fs.open(inner, "rb"))
    return open(name, "rb")


def _has_fileno(stream: Any) -> bool:
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True


class _Unclosed:
    """A stream whose ``close`` leaves the wrapped stream open (standard input/output)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        flush = getattr(self._stream, "flush", None)
        if flush is not None:
            flush()


def _read_bytes(name: str) -> bytes:
    with _open_binary(name) as stream:
        return stream.read()


def _compression(name: str, head: bytes) -> str | None:
    """``"gzip"``, ``"zstd"`` or ``None``: by the name's ending, or for stdin by magic bytes."""
    if name == STDIO:
        if head.startswith(_GZIP_MAGIC):
            return "gzip"
        return "zstd" if head.startswith(_ZSTD_MAGIC) else None
    if _has_suffix(name, (".gz",)):
        return "gzip"
    return "zstd" if _has_suffix(name, (".zst",)) else None


def _byte_chunks(stream: IO[bytes], name: str) -> Iterator[bytes]:
    """The decompressed bytes of ``stream``, chunk by chunk.

    Raises `_Cut` (the caller knows the line, and makes it a CorpusFileError) when
    the data is not what the name says, ends early or cannot be read on.
    """
    try:
        yield from _decompressed(stream, name)
    except OSError as exc:  # an I/O error past the open: a disk, a network
        raise _Cut(f"cannot read on ({exc.strerror or exc})") from None


def _decompressed(stream: IO[bytes], name: str) -> Iterator[bytes]:
    head = stream.read(_READ_SIZE)
    kind = _compression(name, head)
    if kind is None:
        yield head
        yield from iter(lambda: stream.read(_READ_SIZE), b"")
    elif kind == "gzip":
        yield from _gzip_chunks(head, stream, name)
    else:
        yield from _zstd_chunks(head, stream)


class _Cut(Exception):
    """Internal: the compressed data is bad or ends early; ``args[0]`` says how."""


def _gzip_chunks(head: bytes, stream: IO[bytes], name: str) -> Iterator[bytes]:
    import gzip
    import zlib

    if head and not head.startswith(_GZIP_MAGIC):
        raise _Cut(f"not gzip-compressed data, though the name ends in .gz (starts {head[:8]!r})")
    with gzip.GzipFile(fileobj=cast(Any, _Prefixed(head, stream)), mode="rb") as packed:
        while True:
            try:
                chunk = packed.read1(_READ_SIZE)  # read() would drop what it had at an error
            except EOFError:
                raise _Cut("truncated gzip data: the file ends before its end marker") from None
            except (gzip.BadGzipFile, zlib.error) as exc:
                raise _Cut(f"corrupt gzip data ({exc})") from None
            if not chunk:
                return
            yield chunk


def _zstd_chunks(head: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    zstd = _zstd()
    if head and not head.startswith(_ZSTD_MAGIC):
        raise _Cut(f"not zstd-compressed data, though the name ends in .zst (starts {head[:8]!r})")
    decompressor = zstd.ZstdDecompressor()
    unpack = decompressor.decompressobj()
    fed = False  # has the current frame had any input?
    block = head
    while block:
        while block:
            try:
                out = unpack.decompress(block)
            except zstd.ZstdError as exc:
                raise _Cut(f"corrupt zstd data ({exc})") from None
            fed = True
            if out:
                yield out
            if unpack.eof:  # the frame is complete: the next one, if any, starts afresh
                block = unpack.unused_data
                unpack = decompressor.decompressobj()
                fed = False
            else:
                block = b""
        block = stream.read(_READ_SIZE)
    if fed:
        raise _Cut("truncated zstd data: the file ends inside a frame")


class _Prefixed:
    """A readable stream of ``head`` followed by the rest of ``stream`` (for sniffed input)."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size < 0:
                data, self._head = self._head + self._stream.read(), b""
                return data
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self._stream.read(size)


def _lines(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Lines of the chunked bytes, each without its ``\\n`` (the last may lack one)."""
    pending: list[bytes] = []
    for chunk in chunks:
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            pending.append(chunk[start:end])
            yield b"".join(pending)
            pending = []
            start = end + 1
        if start < len(chunk):
            pending.append(chunk[start:])
    if pending:
        yield b"".join(pending)


def _record(
    source: str,
    line: int,
    obj: Mapping[str, Any],
    text_field: str,
    id_field: str,
) -> Record:
    """A checked record from one JSON object or Parquet row, or RecordError saying what is wrong."""
    if text_field not in obj:
        present = ", ".join(repr(k) for k in obj) or "none"
        raise RecordError(source, line, f"no {text_field!r} field (fields: {present})")
    text = obj[text_field]
    if text is None:
        raise RecordError(source, line, f"{text_field!r} is null, not a string")
    if isinstance(text, bytearray):
        text = bytes(text)
    if not isinstance(text, (str, bytes)):
        raise RecordError(source, line, f"{text_field!r} is {_json_type(text)}, not a string")
    id_value = obj.get(id_field)
    if id_value is None:
        id_value = f"{source}:{line}"
    elif isinstance(id_value, bool) or not isinstance(id_value, (str, int)):
        raise RecordError(
            source, line, f"{id_field!r} is {_json_type(id_value)}, not a string or integer"
        )
    fields = {k: v for k, v in obj.items() if k != text_field and not (k == id_field == "id")}
    return Record(id=id_value, text=text, source=source, line=line, fields=fields)


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", float: "number", bool: "boolean"}
    return names.get(type(value), type(value).__name__)


def _read_jsonl(
    name: str,
    text_field: str,
    id_field: str,
    on_bad_record: Callable[[RecordError], None] | None,
) -> Iterator[Record]:
    source = STDIN_NAME if name == STDIO else name
    with _open_binary(name) as stream:
        lines = _lines(_byte_chunks(stream, name))
        number = 0
        while True:
            try:
                raw = next(lines, None)
            except _Cut as cut:
                error = CorpusFileError(source, number + 1 if number else None, str(cut.args[0]))
                if number:
                    error.reason += f"; line {number + 1} and any after it are lost"
                if on_bad_record is None:
                    raise error from None
                on_bad_record(error)
                return
            if raw is None:
                return
            number += 1
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # a UTF-8 byte order mark
            if not raw.strip():
                continue
            try:
                yield _json_record(source, number, raw, text_field, id_field)
            except RecordError as err:
                if on_bad_record is None:
                    raise
                on_bad_record(err)


def _json_record(source: str, number: int, raw: bytes, text_field: str, id_field: str) -> Record:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start:exc.start + 1]
        raise RecordError(
            source, number, f"not valid UTF-8 (byte 0x{bad.hex()} at byte {exc.start + 1} of the line)"
        ) from None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordError(source, number, f"not valid JSON ({exc.msg}, column {exc.colno})") from None
    except RecursionError:
        raise RecordError(source, number, "not valid JSON (nested too deeply)") from None
    if not isinstance(obj, dict):
        raise RecordError(source, number, f"a JSON {_json_type(obj)}, not an object")
    return _record(source, number, obj, text_field, id_field)


def _read_parquet(
    name: str,
    text_field: str,
    id_field: str,
    on_bad_record: Callable[[RecordError], None] | None,
) -> Iterator[Record]:
    pq = _pyarrow_parquet()
    import pyarrow as pa

    def fail(error: RecordError) -> None:
        if on_bad_record is None:
            raise error
        on_bad_record(error)

    with _open_binary(name) as stream:
        try:
            file = pq.ParquetFile(stream)
        except (pa.ArrowException, OSError) as exc:
            fail(CorpusFileError(name, None, f"not a readable Parquet file ({exc})"))
            return
        with file:
            names = file.schema_arrow.names
            if text_field not in names:
                fail(CorpusFileError(
                    name, None, f"no column {text_field!r} (columns: {', '.join(names) or 'none'})"
                ))
                return
            row = 0
            batches = file.iter_batches(batch_size=1024)
            while True:
                try:
                    batch = next(batches, None)
                    rows = [] if batch is None else batch.to_pylist()
                except (pa.ArrowException, OSError) as exc:
                    fail(CorpusFileError(name, row + 1, f"unreadable Parquet data from row "
                                                        f"{row + 1} on ({exc})"))
                    return
                if batch is None:
                    return
                for values in rows:
                    row += 1
                    try:
                        yield _record(name, row, values, text_field, id_field)
                    except RecordError as err:
                        fail(err)


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ImportError(
            "Parquet needs pyarrow: pip install 'corpus_split[parquet]'"
        ) from None
    return pq


# ---------------------------------------------------------------------------------------
# Writers


def write_records(records: Iterable[Mapping[str, Any]], path: StrPath) -> int:
    """Write records (as from `document_record`) to ``path``; return how many.

    Parquet when ``path`` ends in ``.parquet``; JSON Lines when it ends in ``.jsonl``
    (gzip-compressed with ``.gz``, zstd with ``.zst``, which needs zstandard); ``-`` is
    JSON Lines on standard output. Any other name is refused before a record is read
    (see `check_output`). A local file appears only when every record is written:
    the records go to a temporary file in the same folder, renamed over ``path`` at the
    end, and an error (or an interrupt) leaves no partial output behind. A URL is
    written through fsspec and removed again on error.

    Raises:
        ValueError: an unknown output format.
        OSError: ``path`` cannot be written (a folder, no such folder, ...), naming it.
    """
    name = os.fspath(path)
    check_output(name)
    if name == STDIO:
        with _Unclosed(_stdout_bytes()) as out:
            return _write_to(records, out, name)
    if _is_url(name):
        fs, inner = _url_fs(name)
        try:
            with fs.open(inner, "wb") as out:
                return _write_to(records, out, name)
        except BaseException:
            if fs.exists(inner):
                fs.rm(inner)
            raise
    import uuid

    target = Path(name)
    temp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(temp, "xb") as out:
            count = _write_to(records, out, name)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if exc.filename == str(temp) or exc.filename2 == str(target):
            exc.filename, exc.filename2 = name, None  # name the user's path, not ours
        raise
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return count


def _stdout_bytes() -> Any:
    """Standard output as a byte stream (a text-only stand-in gets UTF-8 decoded writes)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        return buffer
    return _TextSink(sys.stdout)


class _TextSink:
    """Bytes written to a text stream, as UTF-8."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        self._stream.write(data.decode("utf-8"))
        return len(data)

    def flush(self) -> None:
        self._stream.flush()


def _write_to(records: Iterable[Mapping[str, Any]], out: Any, name: str) -> int:
    if _has_suffix(name, PARQUET_SUFFIXES):
        return _write_parquet(records, out)
    if _has_suffix(name, (".gz",)):
        import gzip

        with gzip.GzipFile(fileobj=out, mode="wb") as packed:
            return _write_jsonl(records, packed)
    if _has_suffix(name, (".zst",)):
        with _zstd().ZstdCompressor().stream_writer(out, closefd=False) as packed:
            return _write_jsonl(records, packed)
    return _write_jsonl(records, out)


def json_line(record: Mapping[str, Any]) -> str:
    """One record as a line of JSON (UTF-8 text kept as is; lone surrogates escaped).

    Values JSON has no type for are written as text: dates and times in ISO 8601,
    decimals as their digits, bytes as UTF-8 (or Latin-1 when not UTF-8).
    """
    line = json.dumps(record, ensure_ascii=False, default=_json_default)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: only \\u escapes can carry it
        line = json.dumps(record, default=_json_default)
    return line + "\n"


def _json_default(value: object) -> Any:
    from datetime import date, datetime, time
    from decimal import Decimal

    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        raw = bytes(value)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def _write_jsonl(records: Iterable[Mapping[str, Any]], out: Any) -> int:
    count = 0
    for record in records:
        out.write(json_line(record).encode("utf-8"))
        count += 1
    return count


def _parquet_schema() -> Any:
    import pyarrow as pa

    article = pa.struct([
        ("id", pa.string()),
        ("index", pa.int64()), ("start", pa.int64()), ("end", pa.int64()),
        ("title", pa.string()), ("language", pa.string()), ("clean_text", pa.string()),
        ("cluster", pa.list_(pa.int64())),
    ])
    segment = pa.struct([
        ("kind", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("article", pa.int64()), ("language", pa.string()),
    ])
    return pa.schema([
        ("schema_version", pa.int64()),
        ("id", pa.string()),
        ("source", pa.string()),
        ("encoding", pa.string()),
        ("input_fields", pa.string()),
        ("articles", pa.list_(article)),
        ("segments", pa.list_(segment)),
    ])


_PARQUET_COLUMNS = ("schema_version", "id", "source", "encoding", "articles", "segments")


def _parquet_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """One record as a Parquet row: ids as strings, kept input fields as one JSON object."""
    row = {name: record.get(name) for name in _PARQUET_COLUMNS}
    if row["id"] is not None:
        row["id"] = str(row["id"])
    kept = {k: v for k, v in record.items() if k not in _PARQUET_COLUMNS and k != "input_fields"}
    kept.update(record.get("input_fields") or {})
    row["input_fields"] = json_line(kept).rstrip("\n") if kept else None
    return row


def _write_parquet(records: Iterable[Mapping[str, Any]], out: Any, batch: int = 512) -> int:
    """Parquet in row groups of ``batch`` records; see `_parquet_row`."""
    pq = _pyarrow_parquet()
    import pyarrow as pa

    schema = _parquet_schema()
    count = 0
    rows: list[dict[str, Any]] = []
    with pq.ParquetWriter(out, schema) as writer:
        for record in records:
            rows.append(_parquet_row(record))
            count += 1
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows or count == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return count
