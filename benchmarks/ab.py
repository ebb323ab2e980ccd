"""Compare the speed of two source trees of corpus_split, as `speed.py` measures it (a script).

    python benchmarks/ab.py OLD_SRC NEW_SRC [--text reuters|news|cjk] [--pairs 6] [--rounds 3]

Each ``*_SRC`` is a folder holding a ``corpus_split`` package (a checkout's ``src``, or
``git archive`` of an older commit unpacked). Child processes alternate, old then new,
``--pairs`` times; each imports its tree first on the path, warms up, and times ``--rounds``
rounds of ``ftfy.fix_text`` then ``split`` on the same 1 MB of `speed.py`'s text. Printed:
each tree's median split/ftfy ratio over all its rounds, the quartiles, and new/old.

Why: on a shared machine one round's ratio wanders by a quarter or more, so a change worth a
few percent cannot be read off two runs of `speed.py`; rounds interleaved in time share the
machine's moods. The median of 18 rounds still moves by about 4% between repeats here:
repeat the comparison (or raise ``--pairs``) before believing a smaller difference, and
count instructions (callgrind) where the output is meant to stay the same.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def child(text_name: str, rounds: int) -> None:
    """Run in a child process: ``rounds`` ratios of split to ftfy on one text, as JSON."""
    sys.path.insert(0, str(HERE))
    import ftfy

    import corpus_split as cs
    import speed

    parts = {"reuters": speed.pieces, "news": speed.news_pieces, "cjk": speed.cjk_pieces}[text_name]()
    text = speed.concatenated(parts, 1_000_000)
    cs.split(text)  # warm-up: lazy set-up and first stems are not counted
    ftfy.fix_text(text)
    ratios = []
    for _ in range(rounds):
        start = time.perf_counter()
        ftfy.fix_text(text)
        middle = time.perf_counter()
        cs.split(text)
        ratios.append((time.perf_counter() - middle) / (middle - start))
    print(json.dumps({"package": cs.__file__, "ratios": ratios}))


def run(src: Path, text_name: str, rounds: int) -> list[float]:
    env = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run([sys.executable, __file__, "--child", text_name, str(rounds)],
                          env=env, capture_output=True, text=True, check=True)
    out = json.loads(done.stdout.strip().splitlines()[-1])
    if not Path(out["package"]).resolve().is_relative_to(src.resolve()):
        raise SystemExit(f"{src}: the child imported corpus_split from {out['package']}")
    return [float(r) for r in out["ratios"]]


def quartiles(values: list[float]) -> str:
    q = statistics.quantiles(values, n=4)
    return f"{q[0]:.2f}x to {q[2]:.2f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", nargs="?", type=Path)
    parser.add_argument("new", nargs="?", type=Path)
    parser.add_argument("--text", choices=("reuters", "news", "cjk"), default="reuters")
    parser.add_argument("--pairs", type=int, default=6, help="old/new child processes, alternating")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds in each child")
    parser.add_argument("--child", nargs=2, metavar=("TEXT", "ROUNDS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    if args.old is None or args.new is None:
        parser.error("give two source folders")
    for src in (args.old, args.new):
        if not (src / "corpus_split" / "__init__.py").is_file():
            parser.error(f"{src}: no corpus_split package in it")
    if not speed_text_available(args.text):
        print("skipped: ../shared/corpora is not beside the project")
        return
    old: list[float] = []
    new: list[float] = []
    for _ in range(args.pairs):
        old += run(args.old, args.text, args.rounds)
        new += run(args.new, args.text, args.rounds)
    a, b = statistics.median(old), statistics.median(new)
    print(f"{args.text}: {len(old)} rounds each, load average at end {os.getloadavg()[0]:.2f}")
    print(f"old  median split/ftfy {a:.3f}x  (quartiles {quartiles(old)})")
    print(f"new  median split/ftfy {b:.3f}x  (quartiles {quartiles(new)})")
    print(f"new/old {b / a:.3f}")


def speed_text_available(text_name: str) -> bool:
    sys.path.insert(0, str(HERE))
    import speed

    path = {"reuters": speed.REUTERS, "news": speed.NEWS, "cjk": speed.MULTI}[text_name]
    return bool(path.is_file())


if __name__ == "__main__":
    main()
