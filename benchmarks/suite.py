"""Every held-back benchmark in one go, each one's printout and JSON kept in one folder.

    python benchmarks/suite.py OUT_DIR [--jobs 2]

Runs the benchmarks whose figures the closing notes report as held back (`SUITE`): dev half B,
the seeds, Reuters concatenations titled and not, the bundled samples, the held-back thread
pages, the held-back half of the multilingual posts, held-back wiki pages glued across languages
(`language_pairs.py`) and within one (`--same-language`), the chat answers of held-back models
and single structured documents (`singles.py`).
Each writes ``OUT_DIR/NAME.txt`` (its printout) and ``OUT_DIR/NAME.json`` (``--json``). The
source tree measured is the one Python imports: set ``PYTHONPATH`` to a checkout's ``src`` to
measure that one. Two folders are compared with ``compare.py`` (``devB``, ``seeds``,
``concat*`` and ``multilingual``), e.g. ``python benchmarks/compare.py OLD/devB.json
NEW/devB.json``. Nothing here fits or tunes anything.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent

SUITE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("devB", ("dev.py", "--half", "B")),
    ("seeds", ("seeds.py",)),
    ("concat_titled", ("concat.py", "--titled")),
    ("concat", ("concat.py",)),
    ("samples", ("samples.py",)),
    ("threads", ("threads.py", "--held-back")),
    ("multilingual", ("multilingual.py",)),
    ("language_pairs", ("language_pairs.py",)),
    ("language_same", ("language_pairs.py", "--same-language")),
    ("residue", ("residue.py",)),
    ("singles", ("singles.py",)),
)
"""Each benchmark's name in the folder and its command line (a script here and its flags)."""


def run(name: str, command: tuple[str, ...], out: Path) -> tuple[str, int, float]:
    """Run one benchmark; its name, exit status and seconds taken."""
    started = time.perf_counter()
    with (out / f"{name}.txt").open("w", encoding="utf-8") as printout:
        status = subprocess.call([sys.executable, str(HERE / command[0]), *command[1:],
                                  "--json", str(out / f"{name}.json")],
                                 cwd=HERE, stdout=printout, stderr=subprocess.STDOUT)
    return name, status, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="the folder to write into (made if missing)")
    parser.add_argument("--jobs", type=int, default=2, help="benchmarks run at once")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda item: run(*item, args.out), SUITE))
    failed = 0
    for name, status, seconds in results:
        print(f"{name:<14} {'ok' if status == 0 else f'exit {status}':<8} {seconds:6.1f} s")
        failed += status != 0
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
