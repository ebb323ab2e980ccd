"""The command as a real process: SIGTERM and Ctrl-C clean-up, stdin and stdout as ``-``."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import corpus_split as cs

from .conftest import SEEDS

COMMAND = [sys.executable, "-m", "corpus_split"]
ROWS = [
    {"id": "a", "text": "Markets\n\nShares rose on Monday after the bank held rates steady again.",
     "url": "https://example.com/a", "topics": ["markets"]},
    {"id": "b", "text": "Weather\n\nHeavy rain is expected across the north until the weekend."},
]


def _jsonl(rows: list[dict[str, object]]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in rows).encode("utf-8")


def _children(pid: int) -> list[int]:
    """Live processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and _parent_and_state(int(entry))[0] == pid:
            found.append(int(entry))
    return found


def _parent_and_state(pid: int) -> tuple[int | None, str | None]:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None, None
    fields = stat.rsplit(")", 1)[1].split()  # after "pid (name)": state, ppid, ...
    return int(fields[1]), fields[0]


def _alive(pid: int) -> bool:
    state = _parent_and_state(pid)[1]
    return state is not None and state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
@pytest.mark.usefixtures("ctrl_c")
def test_signal_leaves_no_temp_file_and_no_workers(tmp_path: Path, signum: int, status: int) -> None:
    text = SEEDS[0].read_text(encoding="utf-8")
    src = tmp_path / "big.jsonl"
    src.write_bytes(_jsonl([{"id": i, "text": text} for i in range(400)]))
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([*COMMAND, "split", str(src), "-o", str(out), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and proc.poll() is None:
            workers = _children(proc.pid)
            temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
            if len(workers) >= 2 and temps:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be signalled"
        assert len(workers) >= 2 and temps
        time.sleep(0.3)  # let the workers get into a chunk
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == status, err
    assert b"no output written" in err and b"Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl"]
    deadline = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "worker processes outlived the command"


def test_stdin_to_stdout_with_summary_on_stderr() -> None:
    done = subprocess.run([*COMMAND, "split", "-", "-o", "-"], input=_jsonl(ROWS),
                          capture_output=True, check=True)
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert records == [
        cs.document_record(cs.split(str(r["text"])), str(r["id"]), source="<stdin>",
                           fields={k: v for k, v in r.items() if k not in ("id", "text")})
        for r in ROWS
    ]
    assert records[0]["url"] == "https://example.com/a"
    assert records[0]["articles"][0]["id"] == "a#0"
    summary = done.stderr.decode("utf-8").strip().splitlines()[-1]
    assert summary.startswith("corpus-split: 2 documents, 2 articles, ")
    assert "MB/s" in summary and "0 skipped" in summary


@pytest.mark.parametrize("packing", ["gzip", "zstd"])
def test_compressed_stdin_is_recognised(packing: str) -> None:
    data = _jsonl(ROWS)
    if packing == "gzip":
        data = gzip.compress(data)
    else:
        data = pytest.importorskip("zstandard").ZstdCompressor().compress(data)
    done = subprocess.run([*COMMAND, "split", "-", "-o", "-", "-q"], input=data,
                          capture_output=True, check=True)
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["a", "b"]
    assert done.stderr == b""


def test_bad_stdin_line_is_named_and_skippable() -> None:
    data = _jsonl(ROWS[:1]) + b'{"id": "x", "text": "caf\xe9"}\n' + _jsonl(ROWS[1:])
    stop = subprocess.run([*COMMAND, "split", "-", "-o", "-"], input=data, capture_output=True)
    assert stop.returncode == 1
    assert [json.loads(line)["id"] for line in stop.stdout.splitlines()] == ["a"]  # streamed
    assert b"<stdin>:2: not valid UTF-8 (byte 0xe9" in stop.stderr
    assert b"1 record(s) were already written to standard output" in stop.stderr
    skip = subprocess.run([*COMMAND, "split", "-", "-o", "-", "--on-error", "skip"], input=data,
                          capture_output=True, check=True)
    assert [json.loads(line)["id"] for line in skip.stdout.splitlines()] == ["a", "b"]
    assert b"1 skipped" in skip.stderr and b"<stdin>:2: not valid UTF-8" in skip.stderr


def test_show_reads_stdin() -> None:
    done = subprocess.run([*COMMAND, "show", "-", "--record", "2"], input=_jsonl(ROWS),
                          capture_output=True, check=True)
    assert b"<stdin>:2: " in done.stdout and b"Heavy rain" in done.stdout


def test_version() -> None:
    done = subprocess.run([*COMMAND, "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"corpus-split {cs.__version__}"
