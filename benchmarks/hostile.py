"""Time ``split`` (and ``repair``) on every hostile input at full size.

Run from the project root::

    python benchmarks/hostile.py                 # every input, full size
    python benchmarks/hostile.py --only one_letter_2m --scale 0.5
    python benchmarks/hostile.py --timeout 60    # give up on an input after 60 s

Each input runs in its own child process, so a hang is reported as a timeout and
the remaining inputs still run. For each input the script prints its size, the
seconds ``split`` took, the seconds ``repair`` took on the decoded text, and
whether the document contract (``tests/contract.py``) holds and no character was
lost. The target is well under 20 s per input on a 2-core machine.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.hostile import HOSTILE, Hostile  # noqa: E402

TARGET_SECONDS = 20.0


def _run_one(name: str, scale: float, queue: mp.Queue[tuple[str, int, float, float, str]]) -> None:
    from tests.contract import check_document

    import corpus_split as cs

    item = next(h for h in HOSTILE if h.name == name)
    data = item.make(scale)
    t0 = time.perf_counter()
    doc = cs.split(data)
    t_split = time.perf_counter() - t0
    t0 = time.perf_counter()
    cs.repair(doc.text)
    t_repair = time.perf_counter() - t0
    try:
        check_document(doc)
        if isinstance(data, str):
            assert doc.text == data
        verdict = "ok"
    except AssertionError as exc:
        verdict = f"CONTRACT FAILED {exc!r}"[:200]
    queue.put((name, len(data), t_split, t_repair, verdict))


def run(items: list[Hostile], scale: float, timeout: float) -> int:
    """Run each input in a child process; print one line per input; return failures."""
    ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    failures = 0
    print(f"{'input':22} {'size':>10} {'split s':>9} {'repair s':>9}  contract")
    for item in items:
        queue: mp.Queue[tuple[str, int, float, float, str]] = ctx.Queue()
        proc = ctx.Process(target=_run_one, args=(item.name, scale, queue))
        start = time.perf_counter()
        proc.start()
        proc.join(timeout)
        if proc.is_alive():
            proc.terminate()
            proc.join()
            print(f"{item.name:22} {'':>10} {'>' + format(timeout, '.0f'):>9} {'':>9}  TIMEOUT")
            failures += 1
            continue
        if queue.empty():
            took = time.perf_counter() - start
            print(f"{item.name:22} {'':>10} {took:9.2f} {'':>9}  CRASHED (exit {proc.exitcode})")
            failures += 1
            continue
        name, size, t_split, t_repair, verdict = queue.get()
        slow = "  SLOW" if t_split > TARGET_SECONDS else ""
        print(f"{name:22} {size:>10} {t_split:9.2f} {t_repair:9.2f}  {verdict}{slow}", flush=True)
        failures += verdict != "ok" or bool(slow)
    return failures


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; exit status 1 when any input fails or is slow."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scale", type=float, default=1.0, help="size factor (1.0 = full size)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per input")
    parser.add_argument("--only", action="append", help="run only this input (repeatable)")
    args = parser.parse_args(argv)
    items = [h for h in HOSTILE if not args.only or h.name in args.only]
    if not items:
        parser.error(f"no such input; choose from {', '.join(h.name for h in HOSTILE)}")
    return 1 if run(items, args.scale, args.timeout) else 0


if __name__ == "__main__":
    sys.exit(main())
