"""split() leaves process-wide state alone; the fork-safety check sees native threads too."""

from __future__ import annotations

import _thread
import gc
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import corpus_split as cs
from corpus_split import corpus, pipeline

TEXT = "A title\n\nSome text about a thing that happened on a day, long enough for a body.\n"


def test_split_does_not_touch_the_cycle_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector stays on during a split, and a gc.disable() made meanwhile is kept."""
    seen: list[bool] = []
    real = pipeline.split_lines

    def stage(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        gc.disable()  # as another thread of the caller's might, while the split runs
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "split_lines", stage)
    assert gc.isenabled()
    try:
        cs.split(TEXT)
        assert seen == [True]
        assert not gc.isenabled(), "split() switched the collector back on"
    finally:
        gc.enable()


def test_split_with_the_collector_off_leaves_it_off() -> None:
    gc.disable()
    try:
        cs.split(TEXT)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_thread_count_sees_threads_python_does_not_know() -> None:
    """A thread started below ``threading`` (as native pools are) still counts."""
    if not Path("/proc/self/task").is_dir():
        pytest.skip("no /proc: only Python threads can be counted here")
    before, python_before = corpus._thread_count(), threading.active_count()
    started = threading.Event()
    release = threading.Lock()
    release.acquire()

    def hidden() -> None:
        started.set()
        release.acquire()

    _thread.start_new_thread(hidden, ())
    try:
        assert started.wait(10)
        assert corpus._thread_count() == before + 1
        assert threading.active_count() == python_before  # what the old check counted
    finally:
        release.release()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is only chosen on Linux")
def test_no_fork_after_reading_parquet(tmp_path: Path) -> None:
    """Reading Parquet starts pyarrow's thread pool: worker processes must not be forked then."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "text": [TEXT, TEXT]}), path)
    records = list(cs.read_records([path]))
    assert len(records) == 2
    if len(os.listdir("/proc/self/task")) == 1:
        pytest.skip("this pyarrow started no threads")
    assert corpus._thread_count() > 1
    assert corpus._start_context().get_start_method() != "fork"
    # And the pool still works, with the same documents as in one process.
    docs = list(cs.split_many([r.text for r in records], jobs=2, chunk_chars=1))
    assert docs == [cs.split(r.text) for r in records]


def test_fork_when_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("fork is only chosen on Linux")
    monkeypatch.setattr(corpus, "_thread_count", lambda: 1)
    assert corpus._start_context().get_start_method() == "fork"
    monkeypatch.setattr(corpus, "_thread_count", lambda: 2)
    assert corpus._start_context().get_start_method() != "fork"


def test_thread_count_without_proc(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_proc(path: str) -> list[str]:
        raise FileNotFoundError(path)

    monkeypatch.setattr(corpus.os, "listdir", no_proc)
    assert corpus._thread_count() == threading.active_count()


def test_a_thread_that_is_just_ending_does_not_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: right after split_many returned, its pool's queue feeder was sometimes still
    listed by the OS (though gone from ``threading``), and the next call was refused a fork."""
    listings = iter([["1", "2"], ["1", "2"], ["1"]])
    monkeypatch.setattr(corpus.os, "listdir", lambda path: next(listings, ["1"]))
    monkeypatch.setattr(corpus.threading, "active_count", lambda: 1)
    assert corpus._thread_count() == 1


def test_a_thread_that_stays_still_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A native pool's thread does not end: after the grace period it is counted."""
    monkeypatch.setattr(corpus.os, "listdir", lambda path: ["1", "2"])
    monkeypatch.setattr(corpus.threading, "active_count", lambda: 1)
    assert corpus._thread_count() == 2


_BACK_TO_BACK = """
import corpus_split as cs
from corpus_split import corpus
methods = []
real = corpus._start_context
def recorded():
    ctx = real()
    methods.append(ctx.get_start_method())
    return ctx
corpus._start_context = recorded
texts = [%r * 3] * 6
for _ in range(6):
    assert len(list(cs.split_many(texts, jobs=2, chunk_chars=1))) == 6
print(",".join(methods))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is only chosen on Linux")
def test_back_to_back_split_many_calls_all_fork() -> None:
    """In a fresh interpreter (this one may run other threads), six calls in a row all fork."""
    done = subprocess.run([sys.executable, "-c", _BACK_TO_BACK % TEXT], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [",".join(["fork"] * 6)]
