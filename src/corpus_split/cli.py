"""The ``corpus-split`` command: split a corpus to JSONL/Parquet, or show one document.

``corpus-split split IN... -o OUT`` reads ``.txt`` files, folders, JSONL (gzip too) and
Parquet, and writes one record per input document, in input order (see
`corpus_split.corpus.document_record`). ``corpus-split show FILE`` prints one
document for a person: its segments coloured by kind, article titles and the reasons
for each boundary.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from collections.abc import Generator, Iterator, Sequence
from typing import Any, TextIO

import regex

from .corpus import (
    RecordError,
    SplitError,
    document_record,
    read_records,
    split_records,
    write_records,
)
from .model import Document, Kind
from .pipeline import split

__all__ = ["main"]

PROG = "corpus-split"

# ANSI styles per kind: content stands out, page material recedes, problems are red.
KIND_STYLES: dict[Kind, str] = {
    Kind.TITLE: "1;33",
    Kind.HEADING: "1;36",
    Kind.BODY: "0",
    Kind.BOILERPLATE: "90",
    Kind.LINKS: "34",
    Kind.NOISE: "35",
    Kind.ARTIFACT: "31",
    Kind.DUPLICATE: "2;33",
}

# Control characters (other than tab) and lone surrogates must not reach a terminal raw:
# scraped text can hold escape sequences that would redraw the screen.
_UNPRINTABLE_RE = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


class CommandError(Exception):
    """A failure to report as one line on stderr, with the exit status to return."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "split":
            return _run_split(args)
        return _run_show(args)
    except CommandError as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return err.status
    except (OSError, ValueError, ImportError) as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; no output written", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Split damaged, concatenated web text into typed segments and whole articles.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sp = commands.add_parser(
        "split",
        help="split every document of a corpus; write JSONL (or Parquet)",
        description="Split every document of the inputs and write one record per document, "
        "in input order: JSONL, or Parquet when OUT ends in .parquet (.gz: gzip JSONL).",
    )
    sp.add_argument("inputs", nargs="+", metavar="IN",
                    help=".txt file, folder, .jsonl/.jsonl.gz or .parquet file")
    sp.add_argument("-o", "--output", required=True, metavar="OUT", help="output file")
    sp.add_argument("--text-field", default="text", help="field holding the text (default: text)")
    sp.add_argument("--id-field", default="id", help="field holding the id (default: id)")
    sp.add_argument("--jobs", "-j", type=_positive_int, default=1, metavar="N",
                    help="worker processes (default: 1)")
    sp.add_argument("--dedupe", action="store_true",
                    help="give each article the 'cluster' of its near-duplicates across the corpus")
    sp.add_argument("--on-error", choices=("stop", "skip"), default="stop",
                    help="malformed input record: stop with no output (default), or skip it "
                    "and report it at the end")

    sh = commands.add_parser(
        "show",
        help="show one document's segments, articles and boundaries",
        description="Show one document: segments coloured by kind, article titles, boundary "
        "reasons. No colour when stdout is not a terminal or NO_COLOR is set.",
    )
    sh.add_argument("file", metavar="FILE", help=".txt file, or a JSONL/Parquet file with --record")
    sh.add_argument("--record", type=_positive_int, default=1, metavar="N",
                    help="which record of a JSONL/Parquet file, from 1 (default: 1)")
    sh.add_argument("--text-field", default="text", help="field holding the text (default: text)")
    sh.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                    help="colour the output (default: auto)")
    return parser


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


# ---------------------------------------------------------------------------------------
# split


class _Progress:
    """Documents done and MB/s on stderr, only when stderr is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._bar: Any = None
        self._chars = 0
        self._start = time.monotonic()
        if stream.isatty():
            from tqdm import tqdm

            self._bar = tqdm(unit=" docs", file=stream, mininterval=0.5)

    def update(self, chars: int) -> None:
        self._chars += chars
        if self._bar is not None:
            self._bar.update(1)
            elapsed = max(time.monotonic() - self._start, 1e-9)
            self._bar.set_postfix_str(f"{self._chars / 1e6 / elapsed:.2f} MB/s", refresh=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _run_split(args: argparse.Namespace) -> int:
    skipped: list[RecordError] = []
    records = read_records(
        args.inputs,
        text_field=args.text_field,
        id_field=args.id_field,
        on_bad_record=skipped.append if args.on_error == "skip" else None,
    )
    progress = _Progress(sys.stderr)
    done = 0
    articles = 0

    def results() -> Generator[dict[str, Any], None, None]:
        nonlocal done, articles
        for record, doc in split_records(records, jobs=args.jobs):
            done += 1
            articles += len(doc.articles)
            progress.update(len(record.text))
            yield document_record(doc, record.id)

    split_out = results()
    out: Iterator[dict[str, Any]] = split_out
    if args.dedupe:
        from .dedupe import add_clusters

        out = add_clusters(split_out)
    started = time.monotonic()
    try:
        write_records(out, args.output)
    except RecordError as err:
        raise CommandError(f"{err}; no output written (use --on-error skip to go on)") from err
    except SplitError as err:
        raise CommandError(f"{err.detail}; no output written") from err
    finally:
        split_out.close()  # stops the worker processes at once if writing failed
        progress.close()
    if sys.stderr.isatty():
        seconds = time.monotonic() - started
        print(f"{PROG}: {done} documents, {articles} articles -> {args.output} "
              f"in {seconds:.1f} s", file=sys.stderr)
    if skipped:
        print(f"{PROG}: skipped {len(skipped)} malformed record(s):", file=sys.stderr)
        for bad in skipped:
            print(f"  {bad}", file=sys.stderr)
    return 0


# ---------------------------------------------------------------------------------------
# show


def _run_show(args: argparse.Namespace) -> int:
    chosen = next(itertools.islice(read_records(args.file, text_field=args.text_field),
                                   args.record - 1, None), None)
    if chosen is None:
        raise CommandError(f"{args.file}: has no record {args.record}")
    color = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    )
    sys.stdout.write(render(split(chosen.text), name=chosen.location, color=color))
    return 0


def _printable(text: str) -> str:
    return _UNPRINTABLE_RE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                               else "\ufffd", text)


def render(doc: Document, *, name: str = "", color: bool = False) -> str:
    """A document for a person at a terminal: one line per text line, kind in the margin.

    Each article opens with a header (index, title, language, offsets and, after the
    first, the boundary score and reasons). With ``color``, text is coloured by kind.
    """

    def paint(text: str, style: str) -> str:
        return f"\x1b[{style}m{text}\x1b[0m" if color and style != "0" else text

    width = max(len(k.value) for k in Kind)
    out: list[str] = []
    head = f"{name}: " if name else ""
    out.append(paint(f"{head}{len(doc.text)} characters, {len(doc.articles)} articles, "
                     f"{len(doc.segments)} segments, encoding {doc.encoding}", "1"))
    out.append("kinds: " + " ".join(paint(k.value, KIND_STYLES[k]) for k in Kind))
    reasons = {b.offset: b for b in doc.boundaries}
    next_article = 0
    for seg in doc.segments:
        while next_article < len(doc.articles) and seg.start >= doc.articles[next_article].start:
            article = doc.articles[next_article]
            title = _printable(article.title) if article.title else "(no title)"
            line = (f"== article {article.index}: {title} [{article.language or '?'}] "
                    f"{article.start}-{article.end}")
            boundary = reasons.get(article.start)
            if boundary is not None:
                why = ", ".join(str(r) for r in boundary.reasons) or "no reason given"
                line += f"  boundary {boundary.score:.2f}: {why}"
            out.append("")
            out.append(paint(line, "1;7"))
            next_article += 1
        style = KIND_STYLES[seg.kind]
        for k, text_line in enumerate(seg.text.rstrip("\n").split("\n")):
            margin = seg.kind.value if k == 0 else ""
            out.append(paint(f"{margin:>{width}} |", "2") + " " + paint(_printable(text_line), style))
    return "\n".join(out) + "\n"
