"""The training material's layout augmentation (`training/common.py`): labels follow text."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

_TRAINING = Path(__file__).resolve().parent.parent / "training"


def _load(name: str, path: Path) -> ModuleType:
    """The module at ``path``, loaded by path under ``name``: putting training/ on sys.path
    would leave it there for every later test."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


held_back = _load("held_back", _TRAINING / "held_back.py")  # common.py imports it by this name
common = _load("corpus_split_training_common", _TRAINING / "common.py")
LabelledDoc = common.LabelledDoc
flatten_layout = common.flatten_layout

POST = ("# A walk\n\nWe set out early.\n\n## Conclusion\n\n**Worth it**\nWe would go again.\n\n"
        "```\nls\n\n-a\n```\nBye.")
CODE = "\n```\nls\n\n-a\n```\nBye."


def _fit_starts() -> ModuleType:
    """`training/fit_starts.py` (skipped without scikit-learn), sys.path left as it was: the
    script puts training/ on the path for its own imports."""
    pytest.importorskip("sklearn")
    path = list(sys.path)
    try:
        return _load("fit_starts", _TRAINING / "fit_starts.py")
    finally:
        sys.path[:] = path


def _labelled(doc: LabelledDoc) -> list[tuple[str, str]]:
    """(text, label) of every range."""
    return [(doc.text[a:b], lab) for a, b, lab, _ in doc.ranges]


def test_a_flat_post_loses_blank_lines_and_its_labels_follow_the_words() -> None:
    doc = LabelledDoc("t", "1", POST, ((0, 8, "content", "title"), (10, 27, "artifact", "preamble"),
                                       (27, len(POST), "content", "body")))
    layouts = {flatten_layout(doc, random.Random(seed)).text for seed in range(8)}
    # marks dropped; the blank line inside the code block kept
    assert "A walk\nWe set out early.\nConclusion\nWorth it\nWe would go again." + CODE in layouts
    # marks kept
    assert "# A walk\nWe set out early.\n## Conclusion\n**Worth it**\nWe would go again." + CODE in layouts
    for seed in range(8):
        flat = flatten_layout(doc, random.Random(seed))
        assert ("We set out early.", "artifact") in _labelled(flat)
        assert flat.id == "1|flat"


@given(st.lists(st.tuples(st.text(alphabet="ab #*\n`", max_size=12), st.sampled_from(["content", "chrome"])),
                max_size=6), st.integers(0, 3))
def test_flattening_keeps_each_characters_label(parts: list[tuple[str, str]], seed: int) -> None:
    text, pos = "", 0
    ranges: list[tuple[int, int, str, str]] = []
    for chunk, lab in parts:
        ranges.append((pos, pos + len(chunk), lab, lab))
        text += chunk
        pos += len(chunk)
    flat = flatten_layout(LabelledDoc("t", "x", text, tuple(ranges)), random.Random(seed))
    # every non-space character of the output carries the label it had in the input, in order
    label_at: dict[int, str] = {}
    for a, b, lab, _ in ranges:
        for i in range(a, b):
            label_at[i] = lab
    before = [(c, label_at.get(i)) for i, c in enumerate(text) if not c.isspace()]
    after_labels: dict[int, str] = {}
    for a, b, lab, _ in flat.ranges:
        for i in range(a, b):
            after_labels[i] = lab
    after = [(c, after_labels.get(i)) for i, c in enumerate(flat.text) if not c.isspace()]
    kept = iter(before)
    for c, lab in after:  # the output's characters are a subsequence of the input's
        for c0, lab0 in kept:
            if c0 == c and lab0 == lab:
                break
        else:
            raise AssertionError(f"{c!r} labelled {lab} has no source")


@given(st.lists(st.tuples(st.text(alphabet="ab\n", min_size=1, max_size=8),
                          st.sampled_from(["content", "artifact"])), min_size=1, max_size=7),
       st.sampled_from([0.0, 0.5, 1.0]), st.integers(0, 3))
def test_gluing_keeps_every_document_and_its_labels(
        parts: list[tuple[str, str]], share: float, seed: int) -> None:
    docs = [LabelledDoc("llm", str(i), text, ((0, len(text), lab, lab),))
            for i, (text, lab) in enumerate(parts)]
    glued = common.glue_some(docs, share, str(seed))
    if share == 0.0:
        assert glued == docs
    # every document once, in order, each with its own label at its own characters
    assert "+".join(d.id for d in glued).split("+") == [d.id for d in docs]
    pieces = [(g.text[a:b], lab) for g in glued for a, b, lab, _ in g.ranges]
    assert pieces == [(d.text, d.ranges[0][2]) for d in docs]
    for g in glued:  # what lies between them is a line break or a blank line, unlabelled
        rest = list(g.text)
        for a, b, _, _ in g.ranges:
            rest[a:b] = [""] * (b - a)
        assert set("".join(rest)) <= {"\n"}


def test_a_line_of_images_is_chrome_as_the_dev_set_types_it() -> None:
    text = ("Our garden in May\n\n![](img/may/roses.jpg)\n\nThe roses came early this year.\n"
            "[![the pond](img/pond-small.jpg)](img/pond.jpg) <img src=\"img/frog.png\">\n"
            "A frog ![small](img/f.gif) sat on the lily pad.")
    doc = common.images_chrome(LabelledDoc("t", "1", text, ((0, len(text), "content", "body"),)))
    chrome = [t for t, lab in _labelled(doc) if lab == "chrome"]
    # lines of images alone (bare, linked or as tags) are chrome; an image inside a sentence is not
    assert chrome == ["![](img/may/roses.jpg)",
                      '[![the pond](img/pond-small.jpg)](img/pond.jpg) <img src="img/frog.png">']
    # a line ending "\r\n" (some records keep them) is a line of images all the same
    crlf = "Text here.\r\n![](img/a.png)\r\nMore text."
    doc = common.images_chrome(LabelledDoc("t", "3", crlf, ((0, len(crlf), "content", "body"),)))
    assert [t.strip() for t, lab in _labelled(doc) if lab == "chrome"] == ["![](img/a.png)"]
    # residue keeps its label, and a document without images is returned as it is
    residue = LabelledDoc("t", "2", "![](a.png)", ((0, 10, "artifact", "preamble"),))
    assert common.images_chrome(residue) == residue


_IMAGE_LINES = ("![](a.png)", "![x](b.jpg) <img src=c>")


@given(st.lists(st.tuples(st.sampled_from([*_IMAGE_LINES, "text here", "", "a ![](d) b"]),
                          st.sampled_from(["content", "artifact"])), max_size=8))
def test_relabelling_images_keeps_the_ranges_tiling_the_text(parts: list[tuple[str, str]]) -> None:
    text = ""
    ranges = []
    for line, label in parts:
        start = len(text)
        text += line + "\n"
        ranges.append((start, len(text), label, "body"))
    doc = common.images_chrome(LabelledDoc("t", "1", text, tuple(ranges)))
    # the ranges still cover the text in order, with no gap or overlap
    ends = [0] + [b for _, b, *_ in doc.ranges]
    assert [a for a, *_ in doc.ranges] == ends[:-1] and ends[-1] == len(text)
    # every character keeps its label but those of a line of images only, which become chrome
    label_at = {i: label for a, b, label, _ in doc.ranges for i in range(a, b)}
    for start, end, old, _ in ranges:
        whole_image = text[start:end].strip() in _IMAGE_LINES
        for i in range(start, end):
            if not text[i].isspace():
                assert label_at[i] == ("chrome" if whole_image and old == "content" else old)


def test_a_post_and_its_translations_are_held_back_together() -> None:
    """news-multi records are held back by posting date: translations of one post (same
    date, other language) fall on the same side, other corpora are never held back."""
    rule = held_back.held_back
    sides = {rule("news-multi.jsonl.gz", f"news-multi-site-{lang}-2019-04-17-a-release")
             for lang in ("de", "ja", "zh_tw")}
    assert len(sides) == 1
    dates = [f"2019-04-{day:02d}" for day in range(1, 29)]
    assert {rule("news-multi.jsonl.gz", f"news-multi-site-de-{d}-x") for d in dates} == {True, False}
    assert not any(rule("news-en.jsonl.gz", f"news-en-{d}") for d in dates)


def test_start_material_leaves_a_source_out() -> None:
    # `fit_starts.py --leave-out news-en.jsonl.gz` failed before any fit: the clean titled
    # set, built from news-en alone, was never assigned when that source was left out
    fit = _fit_starts()
    if not (_TRAINING.parent.parent / "shared" / "corpora" / "news-en.jsonl.gz").is_file():
        pytest.skip("../shared/corpora is not beside the project")
    left = fit.material("news-en.jsonl.gz", 2, 2, False)
    assert left.train and left.valid
    assert (left.titled, left.clean, left.damaged, left.calibrating) == ([], [], [], [])
    assert not any(d.source in ("news-en.jsonl.gz", "titled", "clean", "damaged") for d in left.train)
    full = fit.material(None, 2, 2, True)
    assert full.titled and full.clean and full.damaged and full.calibrating
    assert any(d.source == "titled" for d in full.train)  # --titled-train
    assert not any(d.source == "titled" for d in fit.material(None, 2, 2, False).train)


def test_validation_records_are_a_fixed_fifth_and_translations_stand_together() -> None:
    # the start model's validation concatenations are glued from records it is never fitted
    # on (before the twenty-fifth session they were other draws from the same records)
    ids = [f"rec-{i}" for i in range(5000)]
    kept = [i for i in ids if common.validation_record("news-en.jsonl.gz", i)]
    assert 0.17 < len(kept) / len(ids) < 0.23
    assert kept == [i for i in ids if common.validation_record("news-en.jsonl.gz", i)]  # no draw
    # a news-multi post and its translations share the posting date in their ids: one side
    for day in range(1, 29):
        sides = {common.validation_record("news-multi.jsonl.gz", f"2019-02-{day:02d}-release-{lang}")
                 for lang in ("de", "es", "ja", "zh")}
        assert len(sides) == 1
    days = {common.validation_record("news-multi.jsonl.gz", f"2019-02-{d:02d}-x") for d in range(1, 29)}
    assert days == {True, False}


def test_a_labelled_pages_comment_posts_are_neither_right_nor_wrong_starts() -> None:
    # the labelled pages' gold marks a page's main text only; before the twenty-fifth session
    # every post of a page's comment thread counted as a wrong start when choosing the decoder
    # and as a wrong post when calibrating it
    from tests.test_threads import ARTICLE, THREAD

    fit = _fit_starts()
    page = fit.prepare(fit.TrainingDoc(fit.PAGES, ARTICLE + THREAD, []))
    _, tp, fp, fn, gains = fit.decode([page])
    assert (tp, fp, fn, gains) == (0, 0, 0, [])
    old = fit.POSTS_SCORED
    try:
        fit.POSTS_SCORED = True
        _, tp, fp, fn, gains = fit.decode([page])
    finally:
        fit.POSTS_SCORED = old
    assert (tp, fp, fn) == (0, 4, 0) and [row[3] for row in gains] == [1.0] * 4
    # elsewhere (dev A's threads are annotated post by post) a post is scored as any start
    thread = fit.prepare(fit.TrainingDoc("devA", ARTICLE + THREAD, []))
    assert fit.decode([thread])[2] == 4


def test_the_paired_difference_of_two_models_and_its_noise() -> None:
    # fit_starts keeps the reference decoder setting unless the grid's best beats it by two
    # standard errors of this difference (the twenty-fifth session found the old 0.005 tie
    # far inside the noise of 40 documents a set)
    assert common.pooled_f1([(2, 1, 1), (0, 1, 0)]) == 2 * 2 / (2 * 2 + 2 + 1)
    assert common.pooled_f1([(0, 3, 2)]) == 0.0
    a = {"one": [(1, 1, 1)] * 20 + [(2, 0, 0)] * 20, "two": [(1, 0, 1)] * 30}
    assert common.paired_difference(a, a) == (0.0, 0.0)  # the same documents, the same answers
    better = {"one": [(2, 0, 0)] * 40, "two": [(1, 0, 1)] * 30}
    diff, se = common.paired_difference(a, better)
    assert diff == (1.0 - common.pooled_f1(a["one"])) / 2
    assert 0 < se < diff / 2  # twenty documents better and none worse: beyond the noise
    assert common.paired_difference(a, better) == (diff, se)  # a fixed draw
    # one document better among forty: within it
    slight = {"one": [(1, 1, 1)] * 19 + [(2, 0, 0)] * 21, "two": [(1, 0, 1)] * 30}
    diff, se = common.paired_difference(a, slight)
    assert 0 < diff < 2 * se


def test_the_start_boosting_is_scikit_learns_when_its_steps_are_not_capped() -> None:
    fit = _fit_starts()
    np = pytest.importorskip("numpy")
    from sklearn.ensemble import GradientBoostingClassifier

    rng = np.random.default_rng(0)
    A = rng.normal(size=(1500, 6))
    y = (A[:, 0] + A[:, 1] * A[:, 2] + rng.normal(size=1500) > 1).astype(float)
    w = rng.uniform(0.1, 2.0, size=1500)
    old = fit.MAX_STEP
    try:
        fit.MAX_STEP = float("inf")
        _, raw, _ = fit.boost(A, y, w)
    finally:
        fit.MAX_STEP = old
    theirs = GradientBoostingClassifier(n_estimators=fit.TREES, max_depth=fit.DEPTH,
                                        learning_rate=fit.LEARNING_RATE,
                                        min_samples_leaf=fit.MIN_LEAF,
                                        random_state=0).fit(A, y, sample_weight=w)
    assert np.abs(theirs.decision_function(A) - raw).max() < 1e-9


def test_a_leaf_of_units_already_called_certain_takes_a_bounded_step() -> None:
    # the twenty-eighth session's fit gave a leaf of a hundred units in a narrow band of one
    # feature a Newton step of 3,091 (an exported leaf of -618): MIN_LEAF counts units, not
    # their curvature, so a leaf whose units the trees already call certain, one of them
    # wrongly, divides by almost nothing; MAX_STEP caps each step
    fit = _fit_starts()
    np = pytest.importorskip("numpy")
    leaf = np.array([1] * 100 + [2] * 100)
    y = np.zeros(200)
    y[0] = 1.0  # called all but impossible, and a start
    p = np.full(200, 1e-6)
    p[100:] = 0.3
    y[100:130] = 1.0
    step = fit.leaf_steps(leaf, 3, y, p, np.ones(200))
    assert step[1] == fit.MAX_STEP  # (uncapped: about 10,000)
    assert step[2] == pytest.approx(0.0, abs=1e-9)  # a leaf the model reads right takes no step
    assert step[0] == 0.0  # a node without rows



def _fit_titles() -> ModuleType:
    """`training/fit_titles.py` (skipped without scikit-learn), sys.path left as it was."""
    pytest.importorskip("sklearn")
    path = list(sys.path)
    try:
        _fit_starts()  # fit_titles imports it by this name
        return _load("fit_titles", _TRAINING / "fit_titles.py")
    finally:
        sys.path[:] = path


TITLED_PAGE = (
    "Home\nNews\nSport\n"
    "Harbour bridge closes for six weeks of repairs\n"
    "The harbour bridge will close to traffic from Monday for six weeks while engineers "
    "replace worn bearings and resurface the deck, the city said on Tuesday.\n"
    "Drivers are advised to use the ring road, and the ferry will run every twenty minutes "
    "instead of every hour while the bridge repairs go on.\n"
)


def test_the_title_material_labels_the_gold_title_among_the_candidates() -> None:
    fit_titles = _fit_titles()
    start = TITLED_PAGE.index("Harbour")
    end = TITLED_PAGE.index("\n", start)
    (article,) = fit_titles.analyse(TITLED_PAGE, [(start, end)])
    assert sum(article.labels) == 1
    assert len(article.rows) == len(article.labels) >= 2
    # no gold title: every candidate is a negative
    (untitled,) = fit_titles.analyse(TITLED_PAGE, [])
    assert sum(untitled.labels) == 0


def test_fitted_title_trees_give_the_package_the_same_chances_as_scikit_learn() -> None:
    # fit_trees checks its export against GradientBoostingClassifier.decision_function itself
    fit_titles = _fit_titles()
    rng = random.Random(0)
    material = fit_titles.Material("t")
    for _ in range(60):
        rows = [[rng.random() * 3 for _ in fit_titles.TITLE_FEATURES] for _ in range(3)]
        labels = [0, 0, 0]
        labels[max(range(3), key=lambda k: rows[k][0])] = 1  # the title: the largest first feature
        material.articles.append(fit_titles.Article(rows, labels))
    fitted = fit_titles.fit_trees([material])
    model = fitted.model(0.5)
    assert model.trees and not model.weights
    good, total = fit_titles.right(fitted, material.articles, 0.3)
    assert total == 60 and good >= 50


def test_family_dropout_shows_a_matched_document_again_without_its_families() -> None:
    """`fit_lines.Rows.family_dropout`: a document where a phrase family matched is also shown
    with the family features zeroed, the two sharing its weight and its folds; a document
    with no match is left alone, and the lexicon counts each document once."""
    pytest.importorskip("sklearn")
    pytest.importorskip("scipy")
    path = list(sys.path)
    try:
        fit_lines = _load("fit_lines", _TRAINING / "fit_lines.py")
    finally:
        sys.path[:] = path
    residue = "Sure! Here's a short article about the harbour.\n\nThe harbour reopened on Monday."
    plain = "The harbour reopened on Monday.\n\nShips queued outside for hours."
    rows = fit_lines.Rows()
    residue_ranges = ((0, 48, "artifact", "preamble"), (48, len(residue), "content", "body"))
    rows.add([LabelledDoc("llm", "a", residue, residue_ranges),
              LabelledDoc("llm", "b", plain, ((0, len(plain), "content", "body"),))], 1.0)
    weights = [list(doc.ws) for doc in rows.docs]
    vocabulary = rows.vocabulary()
    rows.family_dropout(0.25)
    assert len(rows.docs) == 3
    matched, alone, copy = rows.docs
    family = sorted(fit_lines._FAMILY)
    assert any(matched.xs[0][k] for k in family)
    assert copy.copy and copy.group == matched.group == 0 and alone.group == 1
    assert not any(x[k] for x in copy.xs for k in family)
    assert [[v for k, v in enumerate(x) if k not in family] for x in copy.xs] == \
        [[v for k, v in enumerate(x) if k not in family] for x in matched.xs]
    assert [a + b for a, b in zip(matched.ws, copy.ws)] == pytest.approx(weights[0])
    assert alone.ws == weights[1]
    assert rows.vocabulary() == vocabulary
