"""The fitted line model: the shipped weights load, and they type a small page sensibly."""

from __future__ import annotations

import json
import math
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

import corpus_split as cs
from corpus_split import scores
from corpus_split.context import FEATURE_NAMES, paragraph_vectors, paragraphs, short_tokens
from corpus_split.features import line_features
from corpus_split.lines import split_lines
from corpus_split.scores import MODEL_VERSION, expand, line_model, score_paragraphs

PAGE = "\n".join([
    "Home", "News", "Sport", "Weather", "Sign in",
    "",
    "Council agrees new budget for road repairs",
    "",
    "The city council on Tuesday agreed a budget that sets aside more money for road repairs "
    "than in any year since the bridge was rebuilt, after a long debate in which members argued "
    "over how the cost should be shared between the districts and the county.",
    "",
    "Members said the repairs would start in spring. The work is expected to take two years, "
    "and residents will be told in advance which streets are to be closed, the council said in "
    "a statement published after the vote, which passed by a wide margin on the second reading.",
    "",
    "Share", "Tweet", "Email",
    "Privacy policy | Terms of use | Contact us",
    "© 2024 Example Media Group. All rights reserved.",
])


def _scores(text: str) -> list[tuple[str, float]]:
    layout = split_lines(text)
    paras = paragraphs(layout)
    vectors = paragraph_vectors(layout, paras, [line_features(p.text) for p in paras])
    tokens = [short_tokens(p.text) for p in paras]
    return [(p.text, s.content) for p, s in zip(paras, score_paragraphs(vectors, tokens))]


def test_shipped_weights_load_and_match_the_features() -> None:
    model = line_model()
    assert model.version == MODEL_VERSION
    assert model.features == FEATURE_NAMES
    width = len(expand([0.0] * len(FEATURE_NAMES)))
    assert all(len(row) == width for row in model.kind.weights)
    assert set(model.smoothed.classes) == {"content", "chrome", "artifact"}
    assert line_model() is model  # read once


def test_a_small_page_is_typed_by_the_fitted_model() -> None:
    scores = dict(_scores(PAGE))
    body = [p for p in scores if p.startswith(("Council agrees", "The city council", "Members said"))]
    chrome = [p for p in scores if p in ("Home", "News", "Sport", "Weather", "Sign in", "Email")
              or p.startswith(("Privacy", "©"))]
    assert len(body) == 3 and len(chrome) == 8
    assert all(scores[p] > 0.5 for p in body)
    assert all(scores[p] < 0.5 for p in chrome)


def test_split_types_the_page_chrome_and_keeps_the_story() -> None:
    doc = cs.split(PAGE)
    kinds = {s.text.strip(): s.kind for s in doc.segments}
    assert kinds["Council agrees new budget for road repairs"] is cs.Kind.TITLE
    assert len(doc.articles) == 1
    assert doc.articles[0].clean_text.startswith("Council agrees new budget")
    for line in ("Home", "Sign in", "Share", "Tweet", "Email"):
        assert all(s.kind not in cs.CONTENT_KINDS for s in doc.segments if line in s.text.split("\n"))


@given(st.lists(st.text(max_size=60), max_size=20).map("\n".join))
def test_vectors_and_probabilities_are_finite_and_deterministic(text: str) -> None:
    layout = split_lines(text)
    paras = paragraphs(layout)
    feats = [line_features(p.text) for p in paras]
    vectors = paragraph_vectors(layout, paras, feats)
    assert len(vectors) == len(paras)
    assert all(len(v) == len(FEATURE_NAMES) and all(math.isfinite(x) for x in v) for v in vectors)
    tokens = [short_tokens(p.text) for p in paras]
    scores = score_paragraphs(vectors, tokens)
    for s in scores:
        assert math.isclose(s.content + s.chrome + s.artifact, 1.0, abs_tol=1e-9)
        assert 0.0 <= s.links <= 1.0
    assert score_paragraphs(paragraph_vectors(layout, paras, feats), tokens) == scores


def _shipped_json() -> dict[str, object]:
    raw = resources.files("corpus_split").joinpath("data/line_model.json").read_text("utf-8")
    data: dict[str, object] = json.loads(raw)
    return data


def test_the_shipped_operating_point_is_read_and_applied() -> None:
    data = _shipped_json()
    point = data["operating_point"]
    assert isinstance(point, dict)
    model = line_model()
    assert model.content_bias == point["content_bias"]
    assert math.isfinite(model.content_bias)
    # the verdict adds the bias to content's log-odds: content wins below even odds by it
    p = 1.0 / (1.0 + math.exp(model.content_bias))  # the content share at the tipping point
    assert model.verdict(p + 0.01, 1.0 - p - 0.01, 0.0) == "content"
    assert model.verdict(p - 0.01, 1.0 - p + 0.01, 0.0) == "chrome"
    # content against assistant residue stays at even odds
    assert model.verdict(0.45, 0.0, 0.55) == "artifact"
    assert model.verdict(0.55, 0.0, 0.45) == "content"


def test_the_bias_moves_the_verdicts_of_split(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _shipped_json()
    verdicts = {}
    contents = {}
    for bias in (-30.0, 30.0):
        data["operating_point"] = {"content_bias": bias}
        monkeypatch.setattr(scores, "_MODEL", scores.parse_line_model(json.dumps(data)))
        layout = split_lines(PAGE)
        paras = paragraphs(layout)
        vectors = paragraph_vectors(layout, paras, [line_features(p.text) for p in paras])
        found = score_paragraphs(vectors, [short_tokens(p.text) for p in paras])
        verdicts[bias] = {s.verdict for s in found}
        contents[bias] = [s.content for s in found]
    assert contents[30.0] == contents[-30.0]  # the probabilities stay calibrated
    assert verdicts[30.0] == {"content"}
    assert "content" not in verdicts[-30.0]


@pytest.mark.parametrize("change", [{"version": 1}, {"operating_point": {}},
                                    {"operating_point": {"content_bias": float("nan")}}])
def test_a_line_model_without_a_valid_operating_point_is_refused(change: dict[str, object]) -> None:
    data = {**_shipped_json(), **change}
    with pytest.raises(ValueError, match=r"x\.json"):
        scores.parse_line_model(json.dumps(data), "x.json")


def test_a_line_model_of_other_features_is_refused() -> None:
    # its weights are read by position: one feature more or fewer scored garbage in silence
    data = _shipped_json()
    for features in (data["features"][:-1], [*data["features"], "something_else"]):
        with pytest.raises(ValueError, match="other features"):
            scores.parse_line_model(json.dumps({**data, "features": features}), "x.json")


POST = "\n".join([
    "---",
    'title: "Notes from a week of hiking"',
    "date: 2023-04-04",
    "tags: [travel, mountains]",
    "---",
    "",
    "![a view of the valley](/img/posts/valley.jpg)",
    "",
    "<style> .post-header h1 { font-size: 3rem; } </style>",
    "",
    "We set out from the village early on Monday, with enough food for five days and a map "
    "that turned out to be older than any of us, which made the first afternoon more of an "
    "adventure than we had planned.",
])


def test_front_matter_images_and_tags_are_features_of_their_paragraphs() -> None:
    layout = split_lines(POST)
    paras = paragraphs(layout)
    rows = paragraph_vectors(layout, paras, [line_features(p.text) for p in paras])
    front, image, markup, title = (FEATURE_NAMES.index(n) for n in (
        "front_matter", "image_share", "markup_open", "front_title"))
    by_text = {p.text: row for p, row in zip(paras, rows)}
    assert all(by_text[t][front] == 1.0 for t in POST.split("\n")[:5])
    # of the block, only its title key is the post's title
    assert [by_text[t][title] for t in POST.split("\n")[:5]] == [0.0, 1.0, 0.0, 0.0, 0.0]
    assert by_text["![a view of the valley](/img/posts/valley.jpg)"][image] == 1.0
    assert by_text[POST.split("\n")[8]][markup] == 1.0
    story = paras[-1].text
    assert (by_text[story][front], by_text[story][image], by_text[story][markup]) == (0.0, 0.0, 0.0)
    # a rule line with prose below it is not front matter
    layout = split_lines("---\nThe rest of the story: it rained.\n\nThen it stopped.")
    paras = paragraphs(layout)
    rows = paragraph_vectors(layout, paras, [line_features(p.text) for p in paras])
    assert all(row[front] == 0.0 for row in rows)


def test_a_posts_front_matter_is_not_typed_content_but_its_title() -> None:
    # a post's metadata block ("---", "key: value" lines, "---") was typed body text; its
    # title key is the post's title and is kept as content (typed boilerplate with the rest
    # of the block until the front_title feature)
    doc = cs.split(POST)
    title_line = POST.split("\n")[1]
    head = [s for s in doc.segments if s.start < POST.index("![") and s.text.strip()]
    assert head and all(s.kind not in cs.CONTENT_KINDS for s in head if title_line not in s.text)
    assert any(s.kind in cs.CONTENT_KINDS and s.text.strip() == title_line for s in head)
    assert any(s.kind in cs.CONTENT_KINDS and "village" in s.text for s in doc.segments)


TUTORIAL = "\n".join([
    "Building the project takes one command, and the first run downloads what it needs.",
    "mvn package",
    "[INFO] Scanning for projects...",
    "[INFO] Building demo 1.0.0",
    "[INFO] BUILD SUCCESS",
    "When the build is done, the jar is in the target folder and can be started directly.",
])


@pytest.mark.parametrize(("line", "expected"), [
    ("[INFO] Scanning for projects...", 1.0),
    ("2024-09-07 10:15:02 worker started", 1.0),
    ("$ pip install corpus-split", 1.0),
    (">>> import corpus_split", 1.0),
    ('  File "main.py", line 3, in <module>', 1.0),
    ("ERROR: could not open the file", 1.0),
    ("[1] A reference to a paper.", 0.0),
    ("# A Markdown heading", 0.0),
    ("> A quoted sentence from a letter.", 0.0),
    ("WASHINGTON: The talks resumed on Monday.", 0.0),
])
def test_log_line_is_a_feature_of_program_output_only(line: str, expected: float) -> None:
    layout = split_lines(line)
    paras = paragraphs(layout)
    row = paragraph_vectors(layout, paras, [line_features(p.text) for p in paras])[0]
    assert row[FEATURE_NAMES.index("log_line")] == expected


def test_code_nearby_is_a_feature() -> None:
    # win_code: the mean code shape of the neighbours, so output lines among code read as code
    layout = split_lines(TUTORIAL.replace("\n", "\n\n"))
    paras = paragraphs(layout)
    rows = paragraph_vectors(layout, paras, [line_features(p.text) for p in paras])
    win = FEATURE_NAMES.index("win_code")
    assert rows[3][win] > 0.0
    prose = [paras[0].text, paras[-1].text, paras[0].text]
    layout = split_lines("\n\n".join(prose))
    paras = paragraphs(layout)
    rows = paragraph_vectors(layout, paras, [line_features(p.text) for p in paras])
    assert [row[win] for row in rows] == [0.0, 0.0, 0.0]


def test_program_output_without_fences_is_kept_as_content() -> None:
    # a build log pasted into a post, its fences lost in extraction, was typed links
    text = "\n".join([
        "How I Packaged the Batch Job",
        "",
        "I wanted a single jar that I could copy to the server and run from cron, so I went "
        "through the build settings one by one until the packaging step did what I needed.",
        "",
        "mvn dependency:tree",
        "[INFO] Scanning for projects...",
        "[INFO]",
        "[INFO] --- dependency:3.6.1:tree (default-cli) @ batch ---",
        "[INFO] +- com.example:core:jar:2.5:compile",
        "[INFO] |  \\- com.example:api:jar:1.0:compile",
        "[INFO] \\- org.example:runner:jar:5.1:test",
        "[INFO] BUILD SUCCESS",
        "",
        "The tree shows that the runner is only needed for tests, which is what I expected, "
        "and that the core library brings its own copy of the API, so nothing else is needed.",
    ])
    doc = cs.split(text)
    log = text.index("[INFO] Scanning")
    end = text.index("[INFO] BUILD SUCCESS") + len("[INFO] BUILD SUCCESS")
    kinds = {s.kind for s in doc.segments if s.start < end and s.end > log and s.text.strip()}
    assert kinds <= set(cs.CONTENT_KINDS), kinds


def test_a_headline_over_a_date_line_is_marked_as_a_header() -> None:
    text = "\n\n".join(["Menu", "Rates on hold", "2017-10-01 09:30", "The central bank kept its rate "
                        "unchanged on Monday, as most economists had expected after the last figures.",
                        "Market outlook", "Prices rose again in the last week of the month, led by fuel."])
    layout = split_lines(text)
    paras = paragraphs(layout)
    rows = paragraph_vectors(layout, paras, [line_features(p.text) for p in paras])
    column = FEATURE_NAMES.index("dated_head")
    marked = {p.text: row[column] for p, row in zip(paras, rows)}
    assert marked["Rates on hold"] == 1.0
    assert marked["Market outlook"] == 0.0
    assert marked["Prices rose again in the last week of the month, led by fuel."] == 0.0


_PLAN = ("On the first day, leave the village early and follow the river path to the old mill, "
         "where there is a good place to stop for lunch. The afternoon climb is steep but short.\n\n"
         "On the second day the route crosses the ridge, with wide views to the coast. Carry enough "
         "water, because there are no springs along the top.\n\n"
         "The last day is an easy descent through the woods back to the station.")


def test_a_presentative_opening_a_reply_is_its_preamble() -> None:
    # thirty-second session: "Below is ..." at the top of a chat model's answer was typed body
    # before the line model had the `presentative` feature (and its product with long_before)
    text = "Below is a simple plan for a three-day walking trip in the hills.\n\n" + _PLAN
    first, *rest = cs.split(text).segments
    assert first.kind == "artifact"
    assert first.text.startswith("Below is")
    assert {s.kind for s in rest} == {"body"}


def test_a_writers_own_lead_in_below_a_paragraph_stays_content() -> None:
    text = ("Community gardens have spread across the city over the last ten years, and the council "
            "now counts more than forty of them. Most began on empty lots that neighbours cleared by "
            "hand, and many still rely on volunteers for watering and repairs through the summer.\n\n"
            "Here are the main reasons residents give for joining one:\n\n"
            "- fresh vegetables close to home\n- meeting neighbours they would not otherwise know\n\n"
            "The council plans to open five more sites next spring, starting in the northern districts.")
    assert {s.kind for s in cs.split(text).segments} <= set(cs.CONTENT_KINDS)


STORY = (
    "Harbour Town Votes to Keep Its Island Ferry\n\n"
    "The town council voted on Tuesday to keep the ferry to the island running through the "
    "winter, reversing a plan to stop it in November. The service carried more than 60,000 "
    "passengers last year.\n\n"
    "Council members said the island's school and clinic depend on the crossing, and that a "
    "bridge would take at least a decade to build. The operator has agreed to a three-year "
    "contract.\n\n"
    "Residents of the island welcomed the vote but asked for a later last sailing on weekdays. "
    "The council said it would review the timetable in the spring.\n"
)


@pytest.mark.parametrize("preamble", [
    "I've drafted an article based on the bullet points you provided.",
    "I've rewritten your text to make it more engaging for a general audience:",
])
def test_a_preamble_no_phrase_pattern_knows_is_residue(preamble: str) -> None:
    # regression, forty-ninth session (found in the forty-eighth): residue written afresh,
    # which no phrase family matches, was typed the article's text; the line model now reads
    # who speaks to whom of which text ("I", "you", "article": `features.person_marks`) and
    # was fitted with the families dropped from half the weight of the documents they match,
    # so it learns that evidence too
    assert line_features(preamble).family.value == "none"
    doc = cs.split(preamble + "\n\n" + STORY)
    assert doc.segments[0].kind is cs.Kind.ARTIFACT
    assert doc.articles[0].title == "Harbour Town Votes to Keep Its Island Ferry"
