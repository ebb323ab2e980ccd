"""The ``corpus-split`` command: split a corpus to JSONL/Parquet, or show one document.

``corpus-split split IN... -o OUT`` reads ``.txt``/``.md`` files, folders, JSONL (gzip or
zstd too), Parquet and standard input (``-``), and writes one record per input document,
in input order, keeping each record's other fields (see ``docs/schema.md`` and
`corpus_split.corpus.document_record`). ``corpus-split show FILE`` prints one
document for a person: its segments coloured by kind, article titles and the reasons
for each boundary. ``docs/cli.md`` is the manual.
"""

from __future__ import annotations

import argparse
import itertools
import os
import signal
import sys
import time
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

import regex

from .config import Config
from .corpus import (
    STDIO,
    RecordError,
    SplitError,
    check_output,
    document_record,
    read_records,
    split_records,
    write_records,
)
from .model import Document, Kind
from .pipeline import split

__all__ = ["main"]

PROG = "corpus-split"

# The exit status after SIGTERM, as a shell reports a process it ended: 128 + 15.
TERMINATED_STATUS = 128 + signal.SIGTERM
INTERRUPTED_STATUS = 130

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

# Config's repair switches, which --no-repair names.
REPAIRS = (
    "fix_encoding", "unescape_html", "fix_c1_controls", "remove_control_chars",
    "remove_terminal_escapes", "fix_line_breaks", "remove_invisible", "normalize_spaces",
)

# At most this many skipped records are listed one per line at the end.
_LIST_SKIPPED = 20


class CommandError(Exception):
    """A failure to report as one line on stderr, with the exit status to return.

    ``error`` is False for a stop the user asked for (Ctrl-C, SIGTERM): no "error:" tag.
    """

    def __init__(self, message: str, status: int = 1, *, error: bool = True) -> None:
        super().__init__(message)
        self.status = status
        self.error = error


class Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C (temporary output removed, workers stopped)."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # one clean-up is enough
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status.

    SIGTERM (as batch schedulers send) is handled like Ctrl-C while the command runs: no
    output file is left behind, worker processes are stopped, and the status is 143.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    previous = _install_sigterm()
    try:
        if args.command == "split":
            return _run_split(args)
        return _run_show(args)
    except CommandError as err:
        return _fail(str(err), err.status, error=err.error)
    except BrokenPipeError:
        # The reader of stdout went away (`| head`): stop quietly, as other tools do.
        _silence_stdout()
        return 1
    except (OSError, ValueError, ImportError) as err:
        return _fail(str(err), 1)
    except KeyboardInterrupt:
        return _fail("interrupted; no output written", INTERRUPTED_STATUS, error=False)
    except Terminated:
        return _fail("terminated (SIGTERM); no output written", TERMINATED_STATUS, error=False)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _fail(message: str, status: int, *, error: bool = True) -> int:
    print(f"{PROG}: {'error: ' if error else ''}{message}", file=sys.stderr)
    return status


def _install_sigterm() -> Any:
    """Turn SIGTERM into `Terminated`; return the handler to restore, if any."""
    if not hasattr(signal, "SIGTERM"):
        return None
    try:
        return signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread of the interpreter: leave signals alone
        return None


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so that exiting does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("corpus_split")
    except Exception:  # not installed as a distribution (a bare source tree)
        from . import __version__

        return __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Split damaged, concatenated web text into typed segments and whole articles.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    settings = argparse.ArgumentParser(add_help=False)
    group = settings.add_argument_group("splitting settings (corpus_split.Config)")
    group.add_argument("--sensitivity", type=_sensitivity, default=None, metavar="S",
                       help="how readily a new article starts, in [0, 1]; higher finds more "
                       "boundaries (default: 0.5)")
    group.add_argument("--no-repair", action="append", default=[], metavar="NAME",
                       type=_repair_name,
                       help="turn one repair off (repeatable): all, " + ", ".join(REPAIRS))
    group.add_argument("--detect-languages", action=argparse.BooleanOptionalAction, default=None,
                       help="name the language of segments and articles (default: on)")
    group.add_argument("--find-duplicates", action=argparse.BooleanOptionalAction, default=None,
                       help="type passages that repeat earlier text as duplicate (default: on)")

    sp = commands.add_parser(
        "split",
        parents=[settings],
        help="split every document of a corpus; write JSONL (or Parquet)",
        description="Split every document of the inputs and write one record per document, "
        "in input order, with the input's other fields kept. OUT ends in .jsonl, .jsonl.gz, "
        ".jsonl.zst or .parquet, or is - for JSONL on standard output.",
    )
    sp.add_argument("inputs", nargs="+", metavar="IN",
                    help=".txt/.md file, folder, .jsonl[.gz|.zst] or .parquet file, URL "
                    "(s3://..., with fsspec), or - for JSONL on standard input")
    sp.add_argument("-o", "--output", required=True, metavar="OUT",
                    help="output file (.jsonl, .jsonl.gz, .jsonl.zst, .parquet), URL, or - for stdout")
    sp.add_argument("--text-field", default="text", help="field holding the text (default: text)")
    sp.add_argument("--id-field", default="id", help="field holding the id (default: id)")
    sp.add_argument("--jobs", "-j", type=_positive_int, default=1, metavar="N",
                    help="worker processes (default: 1)")
    sp.add_argument("--keep-fields", action=argparse.BooleanOptionalAction, default=True,
                    help="carry every other field of each input record into its output record "
                    "(default: on)")
    sp.add_argument("--dedupe", action="store_true",
                    help="give each article the 'cluster' of its near-duplicates across the corpus")
    sp.add_argument("--on-error", choices=("stop", "skip"), default="stop",
                    help="malformed input record or unreadable file: stop with no output "
                    "(default), or skip it and report it at the end")
    sp.add_argument("--quiet", "-q", action="store_true",
                    help="no progress bar and no summary line (warnings and errors still show)")

    sh = commands.add_parser(
        "show",
        parents=[settings],
        help="show one document's segments, articles and boundaries",
        description="Show one document: segments coloured by kind, article titles, boundary "
        "reasons. No colour when stdout is not a terminal or NO_COLOR is set.",
    )
    sh.add_argument("file", metavar="FILE",
                    help=".txt/.md file, or a JSONL/Parquet file (or -) with --record")
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


def _sensitivity(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be in [0, 1], not {value}")
    return number


def _repair_name(value: str) -> str:
    name = value.strip().lower().replace("-", "_")
    if name != "all" and name not in REPAIRS:
        raise argparse.ArgumentTypeError(
            f"unknown repair {value!r}; choose all or one of {', '.join(REPAIRS)}"
        )
    return name


def config_from_args(args: argparse.Namespace) -> Config:
    """The `Config` that the settings flags of ``args`` ask for (defaults elsewhere)."""
    changes: dict[str, Any] = {}
    if args.sensitivity is not None:
        changes["sensitivity"] = args.sensitivity
    for name in args.no_repair:
        for repair_name in REPAIRS if name == "all" else (name,):
            changes[repair_name] = False
    if args.detect_languages is not None:
        changes["detect_languages"] = args.detect_languages
    if args.find_duplicates is not None:
        changes["find_duplicates"] = args.find_duplicates
    return Config(**changes)


# ---------------------------------------------------------------------------------------
# split


class _Progress:
    """Documents done and MB/s on stderr: a bar only when stderr is a terminal."""

    def __init__(self, stream: TextIO, *, bar: bool) -> None:
        self._bar: Any = None
        self.chars = 0
        self.start = time.monotonic()
        if bar and stream.isatty():
            from tqdm import tqdm

            self._bar = tqdm(unit=" docs", file=stream, mininterval=0.5)

    def update(self, chars: int) -> None:
        self.chars += chars
        if self._bar is not None:
            self._bar.update(1)
            elapsed = max(time.monotonic() - self.start, 1e-9)
            self._bar.set_postfix_str(f"{self.chars / 1e6 / elapsed:.2f} MB/s", refresh=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _check_paths(inputs: Sequence[str], output: str) -> None:
    """Refuse, before any work, an output that could not be written or would overwrite an input."""
    check_output(output)
    if output == STDIO or "://" in output:
        return
    target = Path(output).resolve()
    for name in inputs:
        if name != STDIO and "://" not in name and Path(name).resolve() == target:
            raise CommandError(f"{output}: is also an input; write the output elsewhere")


def _run_split(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    _check_paths(args.inputs, args.output)
    skipped: list[RecordError] = []

    def skipped_file(name: str) -> None:
        print(f"{PROG}: warning: skipped {name}: not a corpus file "
              f"(.txt, .md, .jsonl, .ndjson, .gz/.zst of those, .parquet)", file=sys.stderr)

    records = read_records(
        args.inputs,
        text_field=args.text_field,
        id_field=args.id_field,
        on_bad_record=skipped.append if args.on_error == "skip" else None,
        on_skipped_file=skipped_file,
    )
    progress = _Progress(sys.stderr, bar=not args.quiet)
    done = 0
    articles = 0
    pairs = split_records(records, jobs=args.jobs, config=config)

    def results() -> Generator[dict[str, Any], None, None]:
        nonlocal done, articles
        for record, doc in pairs:
            done += 1
            articles += len(doc.articles)
            progress.update(len(record.text))
            fields = record.fields if args.keep_fields else None
            yield document_record(doc, record.id, source=record.source, fields=fields)

    split_out = results()
    out: Iterator[dict[str, Any]] = split_out
    if args.dedupe:
        from .dedupe import add_clusters

        out = add_clusters(split_out)
    def lost() -> str:
        if args.output == STDIO:  # streamed: what went out is out
            return f"{done} record(s) were already written to standard output"
        return "no output written"

    try:
        write_records(out, args.output)
    except RecordError as err:
        raise CommandError(f"{err}; {lost()} (use --on-error skip to go on)") from err
    except SplitError as err:
        raise CommandError(f"{err.detail}; {lost()}") from err
    except KeyboardInterrupt:
        raise CommandError(f"interrupted; {lost()}", INTERRUPTED_STATUS, error=False) from None
    except Terminated:
        raise CommandError(f"terminated (SIGTERM); {lost()}", TERMINATED_STATUS,
                           error=False) from None
    finally:
        split_out.close()
        pairs.close()  # stops the worker processes at once if writing failed
        progress.close()
    if not args.quiet:
        seconds = time.monotonic() - progress.start
        megabytes = progress.chars / 1e6
        where = "standard output" if args.output == STDIO else args.output
        print(f"{PROG}: {done} documents, {articles} articles, {megabytes:.2f} MB in "
              f"{seconds:.1f} s ({megabytes / max(seconds, 1e-9):.2f} MB/s), "
              f"{len(skipped)} skipped -> {where}", file=sys.stderr)
    if skipped:
        print(f"{PROG}: skipped {len(skipped)} malformed record(s) or unreadable file(s):",
              file=sys.stderr)
        for bad in skipped[:_LIST_SKIPPED]:
            print(f"  {bad}", file=sys.stderr)
        if len(skipped) > _LIST_SKIPPED:
            print(f"  ... and {len(skipped) - _LIST_SKIPPED} more", file=sys.stderr)
    return 0


# ---------------------------------------------------------------------------------------
# show


def _run_show(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    records = read_records(args.file, text_field=args.text_field)
    chosen = next(itertools.islice(records, args.record - 1, None), None)
    if chosen is None:
        raise CommandError(f"{args.file}: has no record {args.record}")
    color = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    )
    sys.stdout.write(render(split(chosen.text, config=config), name=chosen.location, color=color))
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
