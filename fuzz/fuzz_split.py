"""Fuzz ``corpus_split.split`` and ``corpus_split.repair`` for crashes and broken contracts.

Two engines share one target, :func:`check_one`:

* atheris (coverage-guided, libFuzzer) when it is importable::

      python fuzz/fuzz_split.py -max_total_time=3600 -jobs=2 -workers=2 fuzz/corpus

* Hypothesis (random, no extra dependency)::

      python fuzz/fuzz_split.py --hypothesis --examples 200000

Every input is checked for: no exception other than the documented ones, the
document contract (``tests/contract.py``), losslessness (``Document.text`` is the
input), a monotone repair offset map whose ends map to the ends, and changes
whose ``before``/``after`` text is what the offsets say. A failure raises, so
atheris saves the crashing input (``crash-*``) and Hypothesis prints a minimal
example; each finding belongs in ``tests/test_regressions.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))


def _instrumented_imports() -> None:
    """Under atheris, import the library with coverage instrumentation."""
    global cs, check_document
    import atheris

    with atheris.instrument_imports(include=["corpus_split"]):
        from tests.contract import check_document as check

        import corpus_split
    cs, check_document = corpus_split, check


try:
    if "--hypothesis" in sys.argv or __name__ != "__main__":
        raise ImportError
    _instrumented_imports()
except ImportError:
    from tests.contract import check_document

    import corpus_split as cs

# Inputs are capped so that one execution stays fast; size is the hostile benchmark's job.
MAX_INPUT = 4096

_CONFIGS: tuple[cs.Config, ...] = (
    cs.Config(),
    cs.Config(detect_languages=False),
    cs.Config(fix_encoding=False, unescape_html=False, detect_languages=False),
    cs.Config(fix_line_breaks=False, remove_invisible=False, normalize_spaces=False,
              detect_languages=False, sensitivity=1.0),
    cs.Config(remove_control_chars=False, remove_terminal_escapes=False, fix_c1_controls=False,
              find_duplicates=False, detect_languages=False, sensitivity=0.0),
)


def check_repair(text: str, config: cs.Config) -> None:
    """Repair ``text`` and check the offset map and the changes."""
    rep = cs.repair(text, config=config)
    assert rep.source == text
    n, m = len(rep.source), len(rep.text)
    assert rep.to_repaired(0) == 0 and rep.to_repaired(n) == m
    assert rep.to_source(m) == n
    if m:  # with nothing left, offset 0 is also the end and maps to len(source)
        assert rep.to_source(0) == 0
    prev = 0
    for j in range(n + 1):
        r = rep.to_repaired(j)
        assert prev <= r <= m, (j, r)
        prev = r
    prev = 0
    for i in range(m + 1):
        s = rep.to_source(i)
        assert prev <= s <= n, (i, s)
        prev = s
    for c in rep.changes:
        assert 0 <= c.source_start <= c.source_end <= n
        assert 0 <= c.start <= c.end <= m
        assert c.before == text[c.source_start : c.source_end]
        assert c.after == rep.text[c.start : c.end]
        assert c.fixes and all(isinstance(f, cs.Fix) for f in c.fixes)


def check_split(data: str | bytes, config: cs.Config) -> None:
    """Split ``data`` and check the contract and that nothing was lost."""
    doc = cs.split(data, config=config)
    check_document(doc)
    if isinstance(data, str):
        assert doc.text == data
    else:
        assert doc.encoding is not None
    assert doc.repaired.source == doc.text


def check_one(data: bytes) -> None:
    """The fuzz target: the first byte picks the mode and config, the rest is the input."""
    if not data:
        return
    mode, config = data[0] % 3, _CONFIGS[(data[0] // 3) % len(_CONFIGS)]
    body = data[1 : 1 + MAX_INPUT]
    if mode == 0:
        check_split(body, config)
        return
    # a str that may hold any code point, lone surrogates included
    text = body.decode("utf-16-le", "surrogatepass") if len(body) % 2 == 0 else body.decode("latin-1")
    if mode == 1:
        check_split(text, config)
    else:
        check_repair(text, config)


def _atheris_main(argv: list[str]) -> None:
    import atheris

    counter = {"n": 0, "t0": time.time()}

    def target(data: bytes) -> None:
        counter["n"] += 1
        check_one(data)

    atheris.Setup(argv, target)
    try:
        atheris.Fuzz()
    finally:  # pragma: no cover - only on exit
        took = time.time() - counter["t0"]
        print(f"[fuzz_split pid {os.getpid()}] executions={counter['n']} seconds={took:.0f}",
              file=sys.stderr)


def hypothesis_main(examples: int, seed: int | None = None) -> int:
    """Run the same checks under Hypothesis; returns the number of examples run."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    count = {"n": 0}
    pieces = st.one_of(
        st.text(max_size=60),
        st.sampled_from(
            ["Advertisement", "Sure! Here's an article about cats.", "Markets Rally On Strong Earnings",
             "The council met on Tuesday and agreed to raise the budget by a small amount.",
             "rÃ©sumÃ© fraud", "&amp;&#8217;&nbsp;", "\r", "\r\n", "\u2028", "\u200b", "\x1b[31m",
             "\x00", "\ud800", "\u202e", "\x85", "", "   ", "人工智能与大数据的应用。", "((((", "---"]
        ),
    )
    documents = st.lists(pieces, max_size=30).map("".join)

    @settings(max_examples=examples, deadline=None, database=None, derandomize=seed is not None,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(documents, st.text(), st.binary(max_size=400)), st.sampled_from(_CONFIGS),
           st.booleans())
    def run(data: str | bytes, config: cs.Config, repair_only: bool) -> None:
        count["n"] += 1
        if repair_only and isinstance(data, str):
            check_repair(data, config)
        else:
            check_split(data, config)

    run()
    return count["n"]


def main() -> None:
    """Pick the engine: atheris unless ``--hypothesis`` is given or atheris is missing."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--hypothesis", action="store_true")
    parser.add_argument("--examples", type=int, default=10_000)
    args, rest = parser.parse_known_args()
    use_hypothesis = args.hypothesis
    if not use_hypothesis:
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("atheris is not installed; using Hypothesis", file=sys.stderr)
            use_hypothesis = True
    if use_hypothesis:
        t0 = time.time()
        n = hypothesis_main(args.examples)
        print(f"hypothesis: {n} examples in {time.time() - t0:.0f} s, no failure")
        return
    _atheris_main([sys.argv[0], *rest])


if __name__ == "__main__":
    main()
