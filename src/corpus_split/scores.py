"""Fitted scores: the one place where the shipped weights turn features into probabilities.

The weights are fitted by ``training/fit_lines.py`` on real, labelled text and shipped
as ``data/line_model.json`` (versioned); inference is plain Python, a few multiply-adds
per paragraph. Every typing decision that weighs evidence calls this module.
"""

from __future__ import annotations

import itertools
import json
import math
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from operator import itemgetter, mul, sub, truediv
from typing import Any, Literal, TypeVar, cast

from .context import FEATURE_NAMES
from .model import _generated, _positional

__all__ = [
    "LineModel",
    "ParagraphScore",
    "SentenceModel",
    "StartModel",
    "StartTree",
    "TitleModel",
    "TranslationModel",
    "expand",
    "iter_scores",
    "lexical_shift",
    "line_model",
    "logistic",
    "neighbour_features",
    "parse_line_model",
    "parse_sentence_model",
    "parse_start_model",
    "parse_title_model",
    "parse_translation_model",
    "score_paragraphs",
    "sentence_model",
    "start_model",
    "title_model",
    "translation_model",
]

Verdict = Literal["content", "chrome", "artifact"]
"""What a paragraph is taken for at the line model's operating point."""

MODEL_VERSION = 2
"""The version of ``data/line_model.json`` this code reads (2: with its operating point)."""
START_MODEL_VERSION = 2
"""The version of ``data/start_model.json`` this code reads (2: with boosted trees)."""
SENTENCE_MODEL_VERSION = 1
"""The version of ``data/sentence_model.json`` this code reads."""
TRANSLATION_MODEL_VERSION = 1
"""The version of ``data/translation_model.json`` this code reads."""
TITLE_MODEL_VERSION = 1
"""The version of ``data/title_model.json`` this code reads."""


@dataclass(frozen=True, slots=True)
class ParagraphScore:
    """Calibrated probabilities that a paragraph is content, page chrome or assistant residue.

    ``links`` is the chance that chrome is a list of links rather than other furniture.
    """

    content: float
    chrome: float
    artifact: float
    links: float
    """0.0 unless the verdict is chrome: the links model is not consulted there."""
    verdict: Verdict = "content"
    """The class chosen at the model's operating point: "content", "chrome" or "artifact"
    (`LineModel.content_bias` weighs content against chrome, so it may differ from the argmax)."""


_new_score = _positional(ParagraphScore)  # ParagraphScore(*every field), at half the cost


@dataclass(frozen=True, slots=True)
class _Linear:
    """A softmax over linear scores; only the differences to the first class are kept."""

    classes: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]
    bias: tuple[float, ...]
    # the rows and biases of the other classes less those of the first (softmax is shift-free)
    delta: tuple[tuple[tuple[float, ...], float], ...] = ()

    def __post_init__(self) -> None:
        w0, b0 = self.weights[0], self.bias[0]
        delta = tuple((tuple(a - c for a, c in zip(row, w0)), b - b0)
                      for row, b in zip(self.weights[1:], self.bias[1:]))
        object.__setattr__(self, "delta", delta)

    def probabilities(self, x: Sequence[float], shift: Sequence[float] = ()) -> list[float]:
        """The softmax of the classes' scores for ``x``, each moved by ``shift`` when given
        (the shipped line model's three classes go through `iter_scores`, unrolled)."""
        logits = [0.0] + [b + sum(map(mul, row, x)) for row, b in self.delta]
        if shift:
            logits = [v + d - shift[0] for v, d in zip(logits, shift)]
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return [e / total for e in exps]


@dataclass(frozen=True, slots=True)
class LineModel:
    """The shipped line model: content/chrome/artifact, then links among chrome."""

    version: int
    features: tuple[str, ...]
    kind: _Linear
    lexicon: dict[str, tuple[float, ...]]
    smoothed: _Linear
    links: _Linear
    content_bias: float = 0.0
    """Log-odds added to content against chrome before the verdict: the operating point that
    ``training/fit_lines.py`` chose on validation pages and dev half A (content kept first).
    Those hold next to no assistant residue, so content against residue is left at even odds."""
    _sums: Callable[[Sequence[float]], tuple[float, float, float, float]] | None = field(
        init=False, default=None, repr=False, compare=False)
    """The parts over `expand`'s inputs of both passes' logits (`_compile_sums`), or None
    where the models are not of three classes or hold a weight that is not finite."""

    _second: Callable[..., tuple[float, float, float]] | None = field(
        init=False, default=None, repr=False, compare=False)
    """The smoothed model's probabilities from the parts of its logits and the neighbours'
    features (`_compile_second`), or None as for ``_sums``."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sums", _compile_sums(self.kind, self.smoothed))
        object.__setattr__(self, "_second", _compile_second(self.smoothed))

    def verdict(self, content: float, chrome: float, artifact: float) -> Verdict:
        """The class a paragraph with these probabilities is given at the operating point."""
        if artifact > content and artifact >= chrome:
            return "artifact"
        return "chrome" if chrome > content * math.exp(self.content_bias) else "content"


_LOCK = threading.Lock()
_MODEL: LineModel | None = None


def _linear(data: dict[str, object]) -> _Linear:
    classes = tuple(str(c) for c in data["classes"])  # type: ignore[attr-defined]
    weights = tuple(tuple(float(v) for v in row) for row in data["weights"])  # type: ignore[attr-defined]
    bias = tuple(float(v) for v in data["bias"])  # type: ignore[attr-defined]
    if len(weights) != len(classes) or len(bias) != len(classes):
        raise ValueError("line model: one weight row and one bias per class expected")
    return _Linear(classes, weights, bias)


_T = TypeVar("_T")


def _parse(raw: str, where: str, version: int, build: Callable[[dict[str, Any]], _T]) -> _T:
    """Read a shipped model's JSON text: the version checked, any fault a ValueError naming ``where``."""
    try:
        data = json.loads(raw)
        if data.get("version") != version:
            raise ValueError(f"version {data.get('version')}, this code reads version {version}")
        return build(data)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{where}: {exc}") from exc


def _shipped(name: str) -> str:
    return resources.files("corpus_split").joinpath(f"data/{name}").read_text("utf-8")


def _load_shipped(variable: str, file: str, parse: Callable[[str, str], _T]) -> _T:
    """The model held in this module's variable ``variable``: on first use read from
    ``data/<file>`` by ``parse``, once, thread-safely. Tests and the fitting scripts set the
    variable to score with another model."""
    model = globals()[variable]
    if model is None:
        with _LOCK:
            model = globals()[variable]
            if model is None:
                model = globals()[variable] = parse(_shipped(file), f"corpus_split/data/{file}")
    return cast(_T, model)


def _build_line_model(data: dict[str, Any]) -> LineModel:
    if tuple(data["features"]) != FEATURE_NAMES:
        # the weights are read by position: a model of other features would score garbage
        raise ValueError("the line model was fitted on other features; refit it with "
                         "training/fit_lines.py")
    kind = _linear(data["kind"])
    lexicon = {str(w): tuple(float(v) for v in row) for w, row in data["lexicon"].items()}
    if any(len(row) != len(kind.classes) for row in lexicon.values()):
        raise ValueError("one lexicon weight per class expected")
    bias = float(data["operating_point"]["content_bias"])
    if not math.isfinite(bias):
        raise ValueError("the content bias must be finite")
    return LineModel(MODEL_VERSION, tuple(data["features"]), kind, lexicon,
                     _linear(data["smoothed"]), _linear(data["links"]), bias)


def parse_line_model(raw: str, where: str = "line model") -> LineModel:
    """A line model from the JSON text that ``training/fit_lines.py`` writes.

    Raises:
        ValueError: the text is of another version or malformed; the message names ``where``.
    """
    return _parse(raw, where, MODEL_VERSION, _build_line_model)


def line_model() -> LineModel:
    """The shipped line model (``data/line_model.json``), read once, thread-safely, on first use."""
    return _load_shipped("_MODEL", "line_model.json", parse_line_model)


# Products of features the model also reads (interactions a linear model cannot form).
_PAIRS: tuple[tuple[str, str], ...] = (
    ("log_words", "log_words"),
    ("log_words", "end_sentence"),
    ("log_words", "long_before"),
    ("log_words", "long_after"),
    ("long_before", "long_after"),
    ("linky", "win_short"),
    ("list_item", "win_short"),
    ("headline_shape", "long_after"),
    ("headline_shape", "next_log_words"),
    ("end_sentence", "win_end_sentence"),
    ("log_dist_long", "log_dist_long"),
    ("position", "position"),
    ("repeated", "log_words"),
    ("family_chrome", "log_words"),
    ("presentative", "long_before"),
    ("speaker", "addressee"),
    ("speaker", "text_itself"),
    ("addressee", "text_itself"),
)
_PAIR_INDEX = tuple((FEATURE_NAMES.index(a), FEATURE_NAMES.index(b)) for a, b in _PAIRS)
# the smoothed model's parts ``s1, s2`` of a row of `_compile_sums`
_THIRD, _FOURTH = itemgetter(2), itemgetter(3)
_PAIR_LEFT = itemgetter(*(a for a, _ in _PAIR_INDEX))
_PAIR_RIGHT = itemgetter(*(b for _, b in _PAIR_INDEX))


def expand(vector: Sequence[float]) -> list[float]:
    """The model's inputs: the raw features and a few products of them (shared by fitting)."""
    out = list(vector)
    out.extend(map(mul, _PAIR_LEFT(vector), _PAIR_RIGHT(vector)))
    return out


def neighbour_features(first: Sequence[Sequence[float]]) -> list[list[float]]:
    """What the first pass said of each paragraph's neighbours: log-odds against content.

    ``first[k]`` holds paragraph ``k``'s first-pass probabilities in class order (content
    first). Chrome and residue come in runs, so the neighbours' verdicts are evidence.
    """
    return [list(row) for row in _neighbour_rows(first)]


_FLOOR = 1e-6  # probabilities are floored here before their log-odds are taken


def _neighbour_columns(first: Sequence[Sequence[float]]) -> list[list[float]]:
    """The columns of `neighbour_features`, in its order ([] when there is no class but the first)."""
    log = math.log
    if first and all(len(row) == 3 for row in first):
        # the line model's three classes, unrolled, one column a class (``m if p < m else p``
        # is max(p, m), the same float)
        odds_columns: list[list[float]] = [[], []]
        add1, add2 = (column.append for column in odds_columns)
        for p0, p1, p2 in first:
            base = _FLOOR if p0 < _FLOOR else p0
            add1(log((_FLOOR if p1 < _FLOOR else p1) / base))
            add2(log((_FLOOR if p2 < _FLOOR else p2) / base))
    else:
        odds = [[log(max(p, _FLOOR) / max(row[0], _FLOOR)) for p in row[1:]] for row in first]
        odds_columns = [[row[c] for row in odds] for c in range(len(odds[0]) if odds else 0)]
    return _window_columns(odds_columns)


def _window_columns(odds_columns: list[list[float]]) -> list[list[float]]:
    """`_neighbour_columns` from the columns of log-odds against the first class."""
    width = len(odds_columns)
    columns: list[list[float]] = []  # per class: the log-odds, then each window's mean
    for column in odds_columns:
        sums = list(itertools.accumulate(column, initial=0.0))
        columns.append(column)
        for before, after in _NEIGHBOUR_WINDOWS:
            columns.append(_window_means(sums, before, after))
    # rows: the log-odds of every class, then each window's means of every class
    order = [c * (1 + len(_NEIGHBOUR_WINDOWS)) + w for w in range(1 + len(_NEIGHBOUR_WINDOWS))
             for c in range(width)]
    return [columns[i] for i in order]


def _neighbour_rows(first: Sequence[Sequence[float]]) -> Iterator[tuple[float, ...]]:
    """`neighbour_features` one tuple at a time (none kept for the collector to walk)."""
    columns = _neighbour_columns(first)
    return zip(*columns) if columns else itertools.repeat((), len(first))


# The neighbourhoods neighbour_features averages: (first, past the last) paragraph, relative
# to the paragraph itself: the one before, the one after, three before, three after.
_NEIGHBOUR_WINDOWS = ((-1, 0), (1, 2), (-3, 0), (1, 4))


def _window_means(sums: Sequence[float], before: int, after: int) -> list[float]:
    """For every k, the mean of the values lo..hi-1 (lo = k+before, hi = k+after, clipped to
    the paragraphs; 0.0 when nothing is left), from their prefix sums ``sums``."""
    n = len(sums) - 1
    out: list[float] = []
    # where the window lies wholly inside, lo and hi move together (one C-level pass)
    inner_lo, inner_hi = max(0, -before), max(0, min(n, n - after + 1))
    for k in range(min(inner_lo, n)):
        lo, hi = max(0, k + before), min(n, k + after)
        out.append((sums[hi] - sums[lo]) / (hi - lo) if hi > lo else 0.0)
    if inner_hi > inner_lo:
        out.extend(map(truediv, map(sub, sums[inner_lo + after : inner_hi + after],
                                    sums[inner_lo + before : inner_hi + before]),
                       itertools.repeat(after - before)))
    for k in range(max(inner_lo, inner_hi), n):
        lo, hi = max(0, k + before), min(n, k + after)
        out.append((sums[hi] - sums[lo]) / (hi - lo) if hi > lo else 0.0)
    return out


def lexical_shift(model: LineModel, tokens: Sequence[str]) -> list[float]:
    """What a short paragraph's words add to each class's logit: the sum of their weights."""
    width = len(model.kind.classes)
    if not tokens:
        return []
    total = [0.0] * width
    for t in tokens:
        row = model.lexicon.get(t)
        if row is not None:
            total = [a + b for a, b in zip(total, row)]
    return total


def score_paragraphs(
    vectors: Sequence[Sequence[float]], tokens: Sequence[Sequence[str]],
) -> list[ParagraphScore]:
    """Probabilities of each paragraph's kind, from its features, its words (short paragraphs,
    `context.short_tokens`) and its neighbours' first verdicts.
    """
    return list(iter_scores(vectors, tokens))


def iter_scores(
    vectors: Sequence[Sequence[float]], tokens: Sequence[Sequence[str]],
) -> Iterator[ParagraphScore]:
    """`score_paragraphs` one score at a time: a reader that is done with each before the next
    keeps no score objects alive for the cyclic collector to walk."""
    model = line_model()
    ci = {c: k for k, c in enumerate(model.smoothed.classes)}
    li = model.links.classes.index("links")
    pick = itemgetter(ci["content"], ci["chrome"], ci["artifact"])
    verdict_of = model.verdict
    links_of = model.links.probabilities
    new_score = _new_score
    for v, p in zip(vectors, _second_pass(model, vectors, tokens)):
        content, chrome, artifact = pick(p)
        verdict = verdict_of(content, chrome, artifact)
        links = links_of(expand(v))[li] if verdict == "chrome" else 0.0
        yield new_score(content, chrome, artifact, links, verdict)


def _second_pass(
    model: LineModel, vectors: Sequence[Sequence[float]], tokens: Sequence[Sequence[str]],
) -> Iterator[Sequence[float]]:
    """The smoothed model's probabilities of each paragraph, from its features and its
    neighbours' first-pass probabilities (the kind model's, moved by the paragraph's words)."""
    sums, second = model._sums, model._second
    if sums is None or second is None or any(len(v) != len(FEATURE_NAMES) for v in vectors):
        xs = [expand(v) for v in vectors]
        plain = [model.kind.probabilities(x, lexical_shift(model, t) if t else ())
                 for x, t in zip(xs, tokens)]
        yield from (model.smoothed.probabilities([*x, *extra])
                    for x, extra in zip(xs, _neighbour_rows(plain)))
        return
    # `_Linear.probabilities` of three classes unrolled, on the parts over the inputs that
    # `sums` adds up for both models in one pass (the same floats)
    exp = math.exp
    (_, k1), (_, k2) = model.kind.delta
    parts = list(map(sums, vectors))
    # the first pass goes straight into its log-odds (`_neighbour_columns`, unrolled for
    # three classes): no tuple of probabilities a paragraph, each of which would count
    # towards the cyclic collector's next pass
    log, floor = math.log, _FLOOR
    odds1: list[float] = []
    odds2: list[float] = []
    add1, add2 = odds1.append, odds2.append
    for (s1, s2, _, _), t in zip(parts, tokens):
        l0, l1, l2 = 0.0, k1 + s1, k2 + s2
        if t:
            shift = lexical_shift(model, t)
            s0 = shift[0]
            l0, l1, l2 = l0 + s0 - s0, l1 + shift[1] - s0, l2 + shift[2] - s0
        top = max(l0, l1, l2)
        e0, e1, e2 = exp(l0 - top), exp(l1 - top), exp(l2 - top)
        total = e0 + e1 + e2
        p0, p1, p2 = e0 / total, e1 / total, e2 / total
        base = floor if p0 < floor else p0
        add1(log((floor if p1 < floor else p1) / base))
        add2(log((floor if p2 < floor else p2) / base))
    if parts:
        # the parts of the smoothed model, read from each row as it is needed: ``zip(*parts)``
        # would hold an iterator a paragraph, which the cyclic collector tracks and walks
        yield from map(second, map(_THIRD, parts), map(_FOURTH, parts), *_window_columns([odds1, odds2]))


def _compile_second(smoothed: _Linear) -> Callable[..., tuple[float, float, float]] | None:
    """One plain Python function of the parts ``s1, s2`` of the smoothed model's two logits
    over `expand`'s inputs (`_compile_sums`) and of a paragraph's neighbours' features (the
    columns of `neighbour_features`, one argument each): the three probabilities, as
    `_Linear.probabilities` gives them (each sum runs on from its part, in the same order).
    None where the model is not of three classes or holds a number that is not finite."""
    if len(smoothed.delta) != 2 or not all(
            math.isfinite(w) for row, b in smoothed.delta for w in (*row, b)):
        return None
    extras = 2 * (1 + len(_NEIGHBOUR_WINDOWS))  # the neighbours' features of two classes
    inputs = len(FEATURE_NAMES) + len(_PAIR_INDEX)
    names = [f"n{i}" for i in range(extras)]

    def logit(part: str, row: Sequence[float], bias: float) -> str:
        terms = [f"{w!r} * {name}" for w, name in zip(row[inputs:], names)]
        return f"{bias!r} + ({' + '.join([part, *terms])})"

    (row1, b1), (row2, b2) = smoothed.delta
    source = (f"def second(s1, s2, {', '.join(names)}):\n"
              f"    l1 = {logit('s1', row1, b1)}\n"
              f"    l2 = {logit('s2', row2, b2)}\n"
              "    top = max(0.0, l1, l2)\n"
              "    e0, e1, e2 = exp(0.0 - top), exp(l1 - top), exp(l2 - top)\n"
              "    total = e0 + e1 + e2\n"
              "    return e0 / total, e1 / total, e2 / total\n")
    function: Callable[..., tuple[float, float, float]] = _generated(
        source, "second", "<line model second pass>", {"exp": math.exp})
    return function


def _compile_sums(
    kind: _Linear, smoothed: _Linear,
) -> Callable[[Sequence[float]], tuple[float, float, float, float]] | None:
    """One plain Python function of a paragraph's features ``v`` that returns the sums
    ``sum(map(mul, row, expand(v)))`` of the two rows of ``kind.delta`` and of the two of
    ``smoothed.delta`` (over `expand`'s inputs only: the neighbours' features come later).

    The same floats as those sums: the terms are added in the same order, each weight is
    written out exactly (``repr``), and a term whose feature is zero is left out (adding
    ±0.0 to a sum that starts at 0.0 changes nothing). Most of a paragraph's features are
    zero (flags), and a compiled multiply-add costs a third of one through ``map``.
    None where a model is not of three classes or holds a weight that is not finite.
    """
    if len(kind.delta) != 2 or len(smoothed.delta) != 2:
        return None
    rows = [row for row, _ in (*kind.delta, *smoothed.delta)]
    if not all(math.isfinite(w) for row in rows for w in row):
        return None
    width = len(FEATURE_NAMES)
    lines = ["def sums(v):", "    " + "".join(f"x{i}, " for i in range(width)) + "= v"]
    lines += [f"    x{width + k} = x{a} * x{b}" for k, (a, b) in enumerate(_PAIR_INDEX)]
    lines.append("    a0 = a1 = a2 = a3 = 0.0")
    for j in range(width + len(_PAIR_INDEX)):
        if any(j < len(row) for row in rows):
            lines.append(f"    if x{j}:")
            lines += [f"        a{r} += {row[j]!r} * x{j}" for r, row in enumerate(rows) if j < len(row)]
    lines.append("    return a0, a1, a2, a3")
    function: Callable[[Sequence[float]], tuple[float, float, float, float]] = _generated(
        "\n".join(lines) + "\n", "sums", "<line model sums>")
    return function


@dataclass(frozen=True, slots=True)
class StartTree:
    """One regression tree of the start model, as parallel node arrays: an inner node sends
    a unit left when ``x[feature] <= threshold``; a leaf (``left == -1``) adds its ``value``
    to the log-odds."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class StartModel:
    """The shipped start model: log-odds that a unit opens a new article, and how the global
    decoder combines them with its structural evidence: ``structural`` × that evidence +
    ``scale`` × log-odds + ``offset``, with the lexical cost's prior ``cohesion``.
    The log-odds are ``bias`` + the linear ``weights`` (none when the model is trees only)
    + the leaves the boosted ``trees`` reach.
    ``calibration`` (a, b) with ``calibration_terms`` (c, d, e) maps a chosen start to the
    chance that it is right, sigmoid(a × gain + c × lexical + d × log-odds + e × post + b):
    its gain, the lexical cost's part of it, the model's own log-odds, and whether a
    thread's furniture opens it (a post). All are chosen on dev half A and validation
    concatenations by ``training/fit_starts.py``.
    """

    version: int
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    scale: float
    offset: float
    structural: float = 1.0
    calibration: tuple[float, float] = (0.25, 0.0)
    cohesion: float | None = None  # the lexical cost's prior for every page (None: per page kind)
    cohesion_free: int = 0  # article length below which the prior hardly resists a cut
    min_score: float = 0.0  # chosen starts with a calibrated score below this are dropped
    calibration_terms: tuple[float, float, float] = (0.0, 0.0, 0.0)
    trees: tuple[StartTree, ...] = ()
    _tree_sum: Callable[..., float] | None = field(
        init=False, default=None, repr=False, compare=False)
    _gated_sums: dict[tuple[int, ...], Callable[..., float]] = field(
        init=False, default_factory=dict, repr=False, compare=False)
    """`_compile_trees` with a shortcut where some features are zero, by those features
    (compiled on first use, see `log_odds_columns`)."""

    def __post_init__(self) -> None:
        if self.weights and len(self.weights) != len(self.features):
            raise ValueError("one weight per feature expected")
        object.__setattr__(self, "_tree_sum", _compile_trees(self.trees, len(self.features)))

    def log_odds(self, x: Sequence[float]) -> float:
        """Calibrated log-odds that the unit described by ``x`` starts an article."""
        out = self.bias
        if self.weights:
            out += float(sum(map(mul, self.weights, x)))
        if self._tree_sum is not None:
            out += self._tree_sum(*x)
        return out

    def log_odds_columns(
        self, columns: Sequence[Sequence[float]], zeros: Sequence[int] = (),
    ) -> list[float]:
        """`log_odds` of every row of ``columns`` (one sequence per feature, in order): the
        same floats, without building the rows when the model is trees only.

        ``zeros`` names features (by index) that are zero in most rows: the trees are then
        compiled with a second copy for rows where all of them are, in which every node that
        tests one of them is decided in advance (about half the comparisons on a page's plain
        paragraphs); other rows take the full trees. Both add the same leaves in the same order.
        """
        tree_sum = self._tree_sum
        if self.weights or tree_sum is None:
            return [self.log_odds(row) for row in zip(*columns)]
        bias = self.bias
        if not zeros:
            return [bias + value for value in map(tree_sum, *columns)]
        key = tuple(zeros)
        gated = self._gated_sums.get(key)
        if gated is None:
            gated = _compile_trees(self.trees, len(self.features), frozenset(key))
            assert gated is not None  # (there are trees: ``tree_sum`` is not None)
            self._gated_sums[key] = gated  # a pure function of the trees: a race stores equals
        return [bias + value for value in map(gated, *columns)]


def _compile_trees(
    trees: Sequence[StartTree], width: int, zeros: frozenset[int] = frozenset(), what: str = "start model",
) -> Callable[..., float] | None:
    """The trees as one plain Python function of the ``width`` features as arguments: a sum
    of nested conditional expressions over them (a few hundred trees cost a few microseconds
    a unit). Only checked integers and floats reach its source.

    With ``zeros``, the function first tests whether those features are all zero (0.0 or
    -0.0, which every comparison takes alike; NaN is not); if so it returns the sum of the
    trees with each node that tests one of them replaced by the side a zero takes (a tree
    may come down to its leaf, which stays a term of the sum in its place)."""
    if not trees:
        return None

    def node(tree: StartTree, i: int, depth: int, fixed: frozenset[int], tail: bool = False) -> str:
        """Node ``i`` as an expression; ``tail``: the else branch of a conditional, where a
        conditional needs no parentheses (the same code, for a tenth less of parsing)."""
        if depth > 64:
            raise ValueError(f"{what}: a tree deeper than 64 levels")
        left, right = tree.left[i], tree.right[i]
        if not (math.isfinite(tree.value[i]) and math.isfinite(tree.threshold[i])):
            raise ValueError(f"{what}: a tree holds a number that is not finite")
        if left == -1:
            return repr(float(tree.value[i]))
        feature = int(tree.feature[i])
        if not 0 <= feature < width or not (0 < left < len(tree.left) and 0 < right < len(tree.left)):
            raise ValueError(f"{what}: a tree node points outside its arrays")
        if feature in fixed:  # zero: the side a zero takes
            return node(tree, left if tree.threshold[i] >= 0.0 else right, depth + 1, fixed, tail)
        text = (f"{node(tree, left, depth + 1, fixed)} if x{feature} <= {float(tree.threshold[i])!r} "
                f"else {node(tree, right, depth + 1, fixed, True)}")
        return text if tail else f"({text})"

    def total(fixed: frozenset[int]) -> str:
        return " + ".join(node(tree, 0, 0, fixed) for tree in trees)

    for tree in trees:
        if not (len(tree.feature) == len(tree.threshold) == len(tree.left) == len(tree.right)
                == len(tree.value)) or not tree.left:
            raise ValueError(f"{what}: a tree's node arrays differ in length")
    names = ", ".join(f"x{f}" for f in range(width))
    source = f"def tree_sum({names}):\n"
    if zeros:
        if not all(0 <= f < width for f in zeros):
            raise ValueError(f"{what}: a feature fixed at zero that it does not read")
        source += (f"    if {' or '.join(f'x{f}' for f in sorted(zeros))}:\n"
                   f"        return {total(frozenset())}\n")
    source += f"    return {total(zeros)}\n"
    function: Callable[..., float] = _generated(source, "tree_sum", f"<{what} trees>")
    return function


_START: StartModel | None = None


def _build_start_model(data: dict[str, Any]) -> StartModel:
    features = tuple(str(f) for f in data["features"])
    weights = tuple(float(v) for v in data.get("weights") or ())
    trees = _trees(data)
    if not weights and not trees:
        raise ValueError("weights or trees expected")
    decoder = data["decoder"]
    a, b = decoder.get("calibration", (0.25, 0.0))
    return StartModel(START_MODEL_VERSION, features, weights, float(data["bias"]),
                      float(decoder["scale"]), float(decoder["offset"]),
                      float(decoder.get("structural", 1.0)), (float(a), float(b)),
                      None if decoder.get("cohesion") is None else float(decoder["cohesion"]),
                      int(decoder.get("cohesion_free", 0)), float(decoder.get("min_score", 0.0)),
                      _terms(decoder.get("calibration_terms", ())), trees)


def _trees(data: dict[str, Any]) -> tuple[StartTree, ...]:
    """The boosted trees of a model file (none: an empty tuple)."""
    return tuple(
        StartTree(tuple(int(v) for v in t["feature"]), tuple(float(v) for v in t["threshold"]),
                  tuple(int(v) for v in t["left"]), tuple(int(v) for v in t["right"]),
                  tuple(float(v) for v in t["value"]))
        for t in data.get("trees") or ()
    )


def _terms(raw: Sequence[object]) -> tuple[float, float, float]:
    """The calibration's weights of lexical gain, log-odds and post (absent: 0)."""
    values = [float(v) for v in raw]  # type: ignore[arg-type]
    if len(values) > 3:
        raise ValueError("at most three calibration terms expected")
    lexical, odds, post = values + [0.0] * (3 - len(values))
    return lexical, odds, post


def parse_start_model(raw: str, where: str = "start model") -> StartModel:
    """A start model from the JSON text that ``training/fit_starts.py`` writes.

    Raises:
        ValueError: the text is of another version or malformed; the message names ``where``.
    """
    return _parse(raw, where, START_MODEL_VERSION, _build_start_model)


def start_model() -> StartModel:
    """The shipped start model (``data/start_model.json``), read once, thread-safely, on first use."""
    return _load_shipped("_START", "start_model.json", parse_start_model)


@dataclass(frozen=True, slots=True)
class _LogisticCheck:
    """A check of chosen starts: sigmoid(``bias`` + ``weights`` · features), with the
    ``floor`` its caller compares that chance with."""

    version: int
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    floor: float

    def probability(self, x: Sequence[float]) -> float:
        """The chance the check gives the start described by ``x``."""
        return logistic(self.bias + float(sum(map(mul, self.weights, x))))


@dataclass(frozen=True, slots=True)
class SentenceModel(_LogisticCheck):
    """The shipped check of starts in bare-sentence text (one sentence a line, no titles): the
    chance that a start the lexical cost chose opens a different text rather than a turn of
    the same one, sigmoid(``bias`` + ``weights`` · features), from how the words on its two
    sides relate (`corpus_split.boundaries.SENTENCE_FEATURES`). Starts under ``floor`` are
    dropped. Fitted, with the floor, by ``training/fit_sentences.py``."""


def logistic(z: float) -> float:
    """The probability of log-odds ``z`` (clipped to ±50, where it is 0 or 1 to a float)."""
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


_SENTENCE: SentenceModel | None = None


def _logistic_fields(data: dict[str, Any]) -> tuple[tuple[str, ...], tuple[float, ...], float, float]:
    """The features, weights, bias and floor of a `_LogisticCheck`'s file (the sentence and
    translation models)."""
    features = tuple(str(f) for f in data["features"])
    weights = tuple(float(v) for v in data["weights"])
    if len(weights) != len(features):
        raise ValueError("one weight per feature expected")
    return features, weights, float(data["bias"]), float(data["floor"])


def _build_sentence_model(data: dict[str, Any]) -> SentenceModel:
    features, weights, bias, floor = _logistic_fields(data)
    if not 0.0 <= floor < 1.0:
        raise ValueError(f"floor {floor} is not a probability below 1")
    return SentenceModel(SENTENCE_MODEL_VERSION, features, weights, bias, floor)


def parse_sentence_model(raw: str, where: str = "sentence model") -> SentenceModel:
    """A sentence model from the JSON text that ``training/fit_sentences.py`` writes.

    Raises:
        ValueError: the text is of another version or malformed; the message names ``where``.
    """
    return _parse(raw, where, SENTENCE_MODEL_VERSION, _build_sentence_model)


def sentence_model() -> SentenceModel:
    """The shipped sentence model (``data/sentence_model.json``), read once, thread-safely."""
    return _load_shipped("_SENTENCE", "sentence_model.json", parse_sentence_model)


@dataclass(frozen=True, slots=True)
class TranslationModel(_LogisticCheck):
    """The shipped check of starts between two languages: the chance that the blocks either
    side are one text and its translation, sigmoid(``bias`` + ``weights`` · features), from
    `corpus_split.translations.TRANSLATION_FEATURES`. Starts at or above ``floor`` are
    dropped. Fitted, with the floor, by ``training/fit_translations.py``."""


_TRANSLATION: TranslationModel | None = None


def _build_translation_model(data: dict[str, Any]) -> TranslationModel:
    features, weights, bias, floor = _logistic_fields(data)
    if not 0.0 < floor <= 1.0:
        raise ValueError(f"floor {floor} is not a probability above 0")
    return TranslationModel(TRANSLATION_MODEL_VERSION, features, weights, bias, floor)


def parse_translation_model(raw: str, where: str = "translation model") -> TranslationModel:
    """A translation model from the JSON text that ``training/fit_translations.py`` writes.

    Raises:
        ValueError: the text is of another version or malformed; the message names ``where``.
    """
    return _parse(raw, where, TRANSLATION_MODEL_VERSION, _build_translation_model)


def translation_model() -> TranslationModel:
    """The shipped translation model (``data/translation_model.json``), read once, thread-safely."""
    return _load_shipped("_TRANSLATION", "translation_model.json", parse_translation_model)


@dataclass(frozen=True, slots=True)
class TitleModel:
    """The shipped choice of an article's title: the chance that a candidate line (a line of
    the article's header, chrome just above it, or a short first paragraph) is its title,
    from `corpus_split.kinds.TITLE_FEATURES`: the logistic of ``bias`` + the linear
    ``weights`` (none when the model is trees only) + the leaves the boosted ``trees`` reach
    (`StartTree`: the start model's node arrays). The likeliest candidate is the title if its
    chance reaches ``floor``. Fitted, with the floor, by ``training/fit_titles.py``."""

    version: int
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    floor: float
    trees: tuple[StartTree, ...] = ()
    _tree_sum: Callable[..., float] | None = field(init=False, default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.weights and len(self.weights) != len(self.features):
            raise ValueError("one weight per feature expected")
        if not self.weights and not self.trees:
            raise ValueError("weights or trees expected")
        if not 0.0 < self.floor < 1.0:
            raise ValueError(f"floor {self.floor} is not a probability between 0 and 1")
        tree_sum = _compile_trees(self.trees, len(self.features), what="title model")
        object.__setattr__(self, "_tree_sum", tree_sum)

    def probability(self, x: Sequence[float]) -> float:
        """The chance that the candidate described by ``x`` is the article's title."""
        z = self.bias
        if self.weights:
            z += float(sum(map(mul, self.weights, x)))
        if self._tree_sum is not None:
            z += self._tree_sum(*x)
        return logistic(z)


_TITLE: TitleModel | None = None


def _build_title_model(data: dict[str, Any]) -> TitleModel:
    features = tuple(str(f) for f in data["features"])
    weights = tuple(float(v) for v in data.get("weights") or ())
    return TitleModel(TITLE_MODEL_VERSION, features, weights, float(data["bias"]), float(data["floor"]),
                      _trees(data))


def parse_title_model(raw: str, where: str = "title model") -> TitleModel:
    """A title model from the JSON text that ``training/fit_titles.py`` writes.

    Raises:
        ValueError: the text is of another version or malformed; the message names ``where``.
    """
    return _parse(raw, where, TITLE_MODEL_VERSION, _build_title_model)


def title_model() -> TitleModel:
    """The shipped title model (``data/title_model.json``), read once, thread-safely."""
    return _load_shipped("_TITLE", "title_model.json", parse_title_model)
