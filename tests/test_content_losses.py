"""Content that the typing used to throw away (issue #12), each with its own cause."""

from __future__ import annotations

import corpus_split as cs
from corpus_split.features import Family, line_features
from corpus_split.lines import split_lines
from corpus_split.prelim import FAMILY_YIELD, Role, _role, read_roles
from corpus_split.scores import ParagraphScore

INTRO = (
    "Over the winter I finally sorted the shelves in the spare room, and since friends keep "
    "asking what I would recommend, here is the whole lot with a line on each. Everything on "
    "it can be borrowed for a month; just send me a note and I will put it aside for you."
)
READING_LIST = "\n".join([
    "What is on my shelves",
    "",
    INTRO,
    "",
    "## gardening",
    "### vegetables",
    "- Harrow | The Raised Bed Year",
    "- Lindqvist | Soil Before Seeds",
    "- Okafor | Beans, Peas and Patience",
    "### trees",
    "- Marsh | Pruning Without Fear",
    "- Delacroix | The Small Orchard",
    "## cooking",
    "- Brandt | Bread at Home",
    "- Ito | A Year of Soups",
])


def _kinds(text: str) -> dict[str, cs.Kind]:
    doc = cs.split(text)
    return {line: s.kind for s in doc.segments for line in s.text.split("\n") if line.strip()}


def test_a_reading_list_under_markdown_headings_is_content() -> None:
    # list items were headlines, and a run of headlines after the last paragraph was typed
    # as links to other articles, though the model called them content
    layout = split_lines(READING_LIST)
    roles, _ = read_roles(layout, find_duplicates=True)
    kinds = _kinds(READING_LIST)
    items = [(line.text, role) for line, role in zip(layout.lines, roles) if line.text.startswith("- ")]
    assert sum(role is Role.BODY for _, role in items) >= 3
    for text, role in items:
        assert (kinds[text] in cs.CONTENT_KINDS) == role.is_content, text
    assert kinds["## gardening"] is cs.Kind.HEADING


def test_a_bulleted_line_the_model_calls_content_is_body_not_a_headline() -> None:
    content = ParagraphScore(0.6, 0.4, 0.0, 0.0, "content")
    for text in ("- Harrow | The Raised Bed Year", "* Soil Before Seeds", "> Beans, Peas and Patience"):
        f = line_features(text)
        assert f.headline
        assert _role(text, f, content, None) is Role.BODY, text
    for text in ("Harrow | The Raised Bed Year", "2. The Raised Bed Year"):
        assert _role(text, line_features(text), content, None) is Role.HEADLINE, text
    chrome = ParagraphScore(0.4, 0.6, 0.0, 0.0, "chrome")
    assert _role("- Bread at Home", line_features("- Bread at Home"), chrome, None) is Role.CHROME


def test_an_assistant_phrase_in_a_paragraph_the_model_is_sure_of_is_text() -> None:
    text = ("Of course, none of this was settled when the committee met again in March. Here's "
            "what the chair, who had argued for the longer route from the start, told the engineers: "
            "cost both options once more before the vote, which was put off until the autumn.")
    f = line_features(text)
    assert f.family is Family.ASSISTANT_PREAMBLE
    sure = ParagraphScore(FAMILY_YIELD, 1 - FAMILY_YIELD, 0.0, 0.0, "content")
    unsure = ParagraphScore(0.5, 0.2, 0.3, 0.0, "content")
    assert _role(text, f, sure, None) is Role.BODY
    assert _role(text, f, unsure, None) is Role.PREAMBLE
    # a generator's own preamble is a sentence: the phrase decides, however sure the model is
    short = "Of course! Here's the article you asked for:"
    assert _role(short, line_features(short), sure, None) is Role.PREAMBLE


def test_a_long_cjk_paragraph_the_model_is_sure_of_is_text() -> None:
    # running text is counted as `LONG_WORDS` counts it, a CJK character half a word
    # (regression: split() found one "word" in a Chinese paragraph, so an assistant phrase at
    # its head decided, however sure the model was that the paragraph was content)
    text = ("如果有任何问题，请随时告诉我。这座桥的修复工程将在明年春天开始，预计持续两年时间，期间市政府"
            "会在河的东岸开放一个临时渡口，方便两岸居民往来，渡口每天早上六点到晚上十点运营，票价与公交车相同。")
    f = line_features(text)
    assert f.family is Family.ASSISTANT_SIGN_OFF
    sure = ParagraphScore(FAMILY_YIELD, 1 - FAMILY_YIELD, 0.0, 0.0, "content")
    assert _role(text, f, sure, None) is Role.BODY
    short = "如果有任何问题，请随时告诉我。"
    assert _role(short, line_features(short), sure, None) is Role.SIGN_OFF


def _kinds_at(text: str, phrase: str) -> set[cs.Kind]:
    """The kinds `split` gives the segments holding the first character of ``phrase``."""
    at = text.index(phrase)
    return {seg.kind for seg in cs.split(text).segments if seg.start <= at < seg.end}


def test_a_bloggers_feel_free_line_stays_in_the_post() -> None:
    # a known failure until the forty-sixth session (a short line holding an assistant's
    # sign-off phrase is residue however sure the line model is that it is content): "feel
    # free to" is a sign-off cue now only where it offers the answer's reader something
    text = (
        "Baking a Rye Loaf on a Weeknight\n\n"
        "Most rye recipes ask for a whole weekend, but a small loaf fits into an evening if the "
        "starter is ready when you get home. I mix the dough before dinner, let it rise while the "
        "dishes are done, and bake it just before bed.\n\n"
        "The dough is sticky, which worries people who are used to wheat. Wet hands help more "
        "than extra flour, and a plastic scraper keeps the counter clean. Shape it quickly and put "
        "it straight into the tin.\n\n"
        "Feel free to swap the caraway for fennel seeds, or leave the seeds out altogether.\n\n"
        "Bake it for forty minutes at a high heat, then let it cool completely before cutting, "
        "since rye keeps setting as it cools. The crumb will be dense and moist, and the loaf keeps "
        "well for most of a week.\n"
    )
    assert _kinds_at(text, "Feel free") == {cs.Kind.BODY}
    assert len(cs.split(text).articles) == 1


def test_a_code_block_with_pipes_is_not_a_breadcrumb_trail() -> None:
    # "{ |name| ... }" has two "|" between short parts, like "Home | News | World"
    for line in ("[1, nil, 3].map { |n| n.to_i }.sum", "rows.each { |row| puts row.name }"):
        assert line_features(line).family is Family.NONE, line
    assert line_features("Home | News | World").family is Family.CHROME


def test_a_log_separator_printed_twice_is_not_a_repeated_passage() -> None:
    # Regression (fifteenth session): a build log in a post prints "[INFO] ----...----" after
    # each step; the line is 78 characters long, which alone made its second print a
    # duplicated passage. Its length is in its rule, which says nothing of where it came from.
    from corpus_split.duplicates import find_repeats

    rule = "[INFO] " + "-" * 72
    prose = "The build finished without errors after the cache had been cleared twice."
    lines = [rule, "[INFO] Building core-lib 2.1", rule, "[INFO] BUILD SUCCESS", rule, prose,
             "Then the same again on the second machine.", prose]
    layout = split_lines("\n".join(lines))
    repeats = find_repeats(layout, [True] * len(lines))
    assert repeats == frozenset({7})  # the prose line's second copy, not the log's rules

    post = "\n\n".join([
        "Fixing the build after the upgrade",
        "After the upgrade the build stopped at the packaging step, so I ran it again with the "
        "cache cleared and kept the log.",
        "\n".join(lines[:5]),
        "That was all it took: the cache held a plugin of the old version.",
    ])
    doc = cs.split(post)
    assert not [s for s in doc.segments if s.kind is cs.Kind.DUPLICATE]


def test_an_offer_to_adjust_it_according_to_the_readers_taste_is_a_sign_off() -> None:
    # "according to" before the reader is no quotation: a chat model's closing offer that said
    # "according to your preferences" was read as news quoting someone and typed body
    for line in (
        "Feel free to customize the letter according to your needs and the details of your event!",
        "Feel free to adjust the spices according to your taste.",
    ):
        assert line_features(line).family is Family.ASSISTANT_SIGN_OFF, line
    # quoting someone still keeps such a line in the text
    for line in (
        "Feel free to ask questions, according to the organisers of the open day.",
        "\"Feel free to ask me anything,\" the mayor told reporters.",
    ):
        assert line_features(line).family is not Family.ASSISTANT_SIGN_OFF, line
    text = (
        "Dear neighbours,\n\n"
        "We are holding a small street party on Saturday afternoon, from two until six, and every "
        "household on the street is welcome. Bring a chair and something to share if you can.\n\n"
        "Warm regards,\n\nThe residents' committee\n\n---\n\n"
        "Feel free to customize the invitation according to your preferences and the details of "
        "your party!"
    )
    assert _kinds_at(text, "Feel free") == {cs.Kind.ARTIFACT}


def test_an_offer_above_a_letters_closing_formula_is_the_letters_text() -> None:
    # "Let me know if ..." is an assistant's sign-off at the end of an answer, but the letter an
    # assistant drafts (or a person writes) says it too, just above "Warm regards," and a name
    letter = (
        "Dear friends,\n\n"
        "We are hosting a dinner party on Friday at seven and every one of you is welcome; bring "
        "a dish if you like, and a friend if you want to.\n\n"
        "Looking forward to a fun evening with all of you. Let me know if you have any dietary "
        "restrictions or requests!\n\n"
        "{formula}\n\nSam\n\n---\n\n"
        "Feel free to customize the invitation according to your preferences!"
    )
    for formula in ("Warm regards,", "Mit freundlichen Grüßen,", "Best,"):
        text = letter.format(formula=formula)
        assert _kinds_at(text, "Looking forward") == {cs.Kind.BODY}, formula
        assert _kinds_at(text, "Feel free") == {cs.Kind.ARTIFACT}, formula
    # without a closing formula under it, the offer ends the answer: residue, as before
    text = letter.format(formula="").replace("\n\n\n\nSam", "\n\nSam")
    assert _kinds_at(text, "Looking forward") == {cs.Kind.ARTIFACT}
