"""Regression tests: every finding of the fuzz harness (fuzz/fuzz_split.py) and of the
hostile-input benchmark (benchmarks/hostile.py), one test each, smallest input first."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import corpus_split as cs
from corpus_split.boundaries import bare_sentences, build_units
from corpus_split.features import line_words
from corpus_split.lines import split_lines
from corpus_split.prelim import CONTENT_ROLES, read_roles
from corpus_split.strategies import sample_articles
from corpus_split.synthetic import DamageOptions, Layout, SourceArticle, generate, split_sentences
from tests.conftest import SEEDS, gold_for, seed_text, sentence_model_set, without_check
from tests.contract import check_document

ROOT = Path(__file__).resolve().parent.parent

# Inputs found by atheris that send the chrome pattern of features.py into exponential
# backtracking: under regex.V1 | regex.I, full case folding lets "ss" match "ß" (and
# similar for "i"), so a run of n such letters can be read in Fibonacci(n) ways.
CHROME_BACKTRACKING = [
    "S" * 60,
    "s" * 60,
    "i" * 60,
    "ÿÿ" + "i" * 37 + "ÿÿ(((\x00(\x00",  # atheris timeout-ebe22230
    "(\x00" + "s" * 111 + "(\x00Sh((a\x00\x01\x00(\x00(\x00(\x89¯æ\x91¬â\x82«çre",  # timeout-d5e9345e
    # atheris slow-unit-6e1b2cb2 (12 s for 130 characters)
    "\x00Ø" + "\x00" * 20 + "N" * 37 + "S" * 32 + "N" * 28 + "+" + "N" * 27
    + "\x00\x00\x00²T.á\x1b[31\x0b \xa0",
]
CHROME_BACKTRACKING_BYTES = [
    # atheris timeout-af4f8ca9: cp1252 bytes whose 0xDF run decodes to "ßßß…"
    b"ach.\n\nReels in \x00c\xff\xff\r\r\r\rach.\n" + b"\xdf" * 29 + b"\nReels in \x00c\xff\xffon. ",
]


def _finishes(code: str, seconds: float) -> bool:
    """Run ``code`` in a fresh interpreter; False if it is still running after ``seconds``.

    A guard against hangs (exponential work), not a speed target: the code takes
    milliseconds when the bug is absent.
    """
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    try:
        subprocess.run([sys.executable, "-c", code], timeout=seconds, check=True, env=env,
                       capture_output=True)
    except subprocess.TimeoutExpired:
        return False
    return True


def test_runs_of_s_or_i_do_not_hang_the_chrome_pattern() -> None:
    # fixed in features.py by matching the chrome patterns without IGNORECASE (on the
    # lower-cased line), which also turns full case folding off
    code = textwrap.dedent(
        f"""
        import corpus_split as cs
        from tests.contract import check_document
        for text in {CHROME_BACKTRACKING!r}:
            check_document(cs.split(text))
        for data in {CHROME_BACKTRACKING_BYTES!r}:
            check_document(cs.split(data))
        """
    )
    assert _finishes(code, 60.0), "split() still running after 60 s on a 60-character line"


# The same full case folding in the assistant-preamble pattern: "(?:[\w-]+\s+){0,6}?" after
# "here is an" reads a run of "s" (or "i", "f", …) in exponentially many ways; the
# pattern is searched on the first 300 characters of every line, long lines included.
# Fixed in features.py by compiling the phrase patterns with regex.V0.
PREAMBLE_BACKTRACKING = [
    "Here is an " + "s" * 60,
    "here is the " + "i" * 60 + " article",
    "Below is your " + "f" * 60 + " post " + "x" * 400,
]


def test_runs_of_s_do_not_hang_the_preamble_pattern() -> None:
    code = textwrap.dedent(
        f"""
        import corpus_split as cs
        from tests.contract import check_document
        for text in {PREAMBLE_BACKTRACKING!r}:
            check_document(cs.split(text))
        """
    )
    assert _finishes(code, 60.0), "split() still running after 60 s on a 71-character line"


def test_repair_that_deletes_everything_keeps_both_maps_total() -> None:
    # fuzz finding (harness): a vertical tab alone repairs to "", so offset 0 of the
    # repaired text is also its end; it maps to the end of the source.
    rep = cs.repair("\x0b")
    assert rep.text == ""
    assert rep.to_source(0) == 1
    assert rep.to_repaired(0) == 0 and rep.to_repaired(1) == 0
    doc = cs.split("\x0b")
    check_document(doc)
    assert doc.articles == ()


def test_densely_damaged_line_aligns_exactly() -> None:
    # bidi_nul_escapes / lone_surrogates: a control or surrogate every few characters made
    # the difflib alignment quadratic per 800-character piece (repair.py, _align); the
    # resynchronising scan must still give one small change per damaged spot.
    words = ["alpha", "beta", "gamma", "delta"]
    text = " ".join(f"{w}\x00\u202e{w}\ud800" for w in words * 100)
    rep = cs.repair(text)
    assert "\x00" not in rep.text
    assert all(len(c.before) <= 2 for c in rep.changes)
    for c in rep.changes:
        assert c.before == text[c.source_start : c.source_end]
        assert c.after == rep.text[c.start : c.end]
    check_document(cs.split(text))


def test_long_mojibake_line_keeps_per_character_map() -> None:
    # a long line of mojibake is aligned by the linear scan; each repaired character must
    # still map to exactly the UTF-8 bytes (read as Latin-1) it came from
    orig = "这是一个测试，我们在这里 café résumé naïve " * 40
    bad = orig.encode("utf-8").decode("latin-1")
    rep = cs.repair(bad)
    assert rep.text == orig
    assert rep.changes
    for c in rep.changes:
        assert len(c.after) == 1
        assert c.before.encode("latin-1").decode("utf-8") == c.after


def test_mojibake_interleaved_with_controls_maps_monotonically() -> None:
    orig = "这是一个测试 café " * 60
    bad = "".join(ch + "\x00" for ch in orig.encode("utf-8").decode("latin-1"))
    rep = cs.repair(bad)
    assert "\x00" not in rep.text
    marks = [rep.to_source(i) for i in range(len(rep.text) + 1)]
    assert marks == sorted(marks)
    for c in rep.changes:
        assert c.before == bad[c.source_start : c.source_end]
        assert c.after == rep.text[c.start : c.end]


def test_paragraphs_without_content_words_keep_the_contract() -> None:
    # benchmarks/hostile.py short_paragraphs_100k: units with no content words never use up
    # the token window of the boundary search (quadratic; reported to the lead)
    doc = cs.split("It is.\n\n" * 300)
    check_document(doc)


def test_long_lines_of_splice_candidates_split_exactly() -> None:
    # lines.py _splice_point copied the tail and re-split it for every candidate capital
    # ("my iPhone is new " * 8000 took 17 s; "aBcc" * 500000 never finished). The counts
    # now come from one pass; the result must be what the old per-candidate code gave.
    from corpus_split.lines import _splice_point, split_lines

    assert _splice_point("my iPhone is new " * 8000) is None
    assert _splice_point("aBcc" * 50_000) is None
    body = "the market fell sharply today in early tradingFuture Trends In Global Markets"
    assert _splice_point(body) == body.index("Future")
    layout = split_lines("x " * 10 + "aBcc" * 100_000)
    assert len(layout.lines) == 1
    check_document(cs.split("my iPhone is new " * 8000))


def test_a_long_run_of_humps_is_read_once_for_identifiers() -> None:
    # review finding, thirty-sixth session: lines.py _names_identifiers walked each hit's whole
    # word again for every hump in it ("aBcD" * 5000 took 8 s; 200 kB would take minutes)
    from corpus_split.lines import _names_identifiers

    assert not _names_identifiers("aBcD" * 50_000, 100_000)
    assert _names_identifiers("aBcD" * 50_000 + " then fetchUserProfile runs", 199_000)
    page = ("the committee met for hours and agreed on a plan for the harbNew ferry service will "
            "start in May and run until the end of the summer season.\n\n") * 5 + "aBcD" * 20_000
    check_document(cs.split(page))


def test_content_piece_collapsed_by_the_repair_map_keeps_its_article() -> None:
    # fuzz finding (atheris): a splice cut inside mojibake maps both pieces of the line to
    # one source offset; the article's only content piece vanished into a links segment.
    data = bytes.fromhex(
        "c3a0c3bec3a0c3c3a0c3bec3a0c3bec3ffa0b6c2bfbe3aff00000000"
    )
    doc = cs.split(data)
    check_document(doc)


def test_articles_folded_onto_each_other_by_the_repair_map_do_not_overlap() -> None:
    # fuzz finding (atheris): two article starts inside one stretch of mojibake mapped
    # to the same input offset; the articles overlapped.
    body = bytes.fromhex(
        "c2bec3bfc5a0c385c3b5e282acc2a0c2bec3bfc5a0c385c3b5e282acc2a0c3adc382c385c3bfc3bfc3bfc382c385c3bfc3bf"
        "c3bfc3bf2a2a9b0a9b9b0a0a9bc28a3ac28a109b0a9b0a9b9b0a0a9b0a9b2a2a9b0a9b0a9b2a9b9b00c3bfc3bf000001c3bf"
        "8a"
        ""
    )
    text = body.decode("latin-1")  # the harness's str mode, odd length
    config = cs.Config(fix_line_breaks=False, remove_invisible=False, normalize_spaces=False,
                       sensitivity=1.0, detect_languages=False)
    check_document(cs.split(text, config=config))


def test_articles_whose_segments_collapse_together_are_merged() -> None:
    # fuzz finding (atheris): bytes that decode to one line of dense mojibake; two article
    # starts inside it fell into one segment and both articles took its offsets.
    data = bytes.fromhex(
        "ffffff04a0edbeabc5a088a0edbeff8ac5f580a0beff8ac5a088a0edbeffff3cedbeff8aa0edbeabffffffff04"
        "a0edbeabc5a088a0edbeff8ac5f580a025beff8ac5a088a0edbeffffffff04a0edbeabc5edbeff8aa0edbeabff"
        "ffffffa08804a0edbe"
    )
    check_document(cs.split(data))



# fuzz findings (atheris, final run): dense mojibake folds a content line into a neighbour
# that belongs to another article, leaving an article with no content of its own.
FOLDED_CONTENT = [
    bytes.fromhex(
        "c29ac29ac3b0a01ac29ac3b0a0fc8ac29ac3b0a0fc8a0dd9823a0a0a0a0ace8a0dd942fc0a0a0a0a"
        "01000dd9823a0a0d060a0d0a42fc0dd9823a0a0a0a0ace8a0dd942270a0a0a0a01009d0000000000"
        "00000dd9c2bec3bfc5a00d0ac29ac29ac3b0a01ac29ac3b0a0fc8ac29ac3b0a0fc8a0dd9823a0a0a"
        "0a0ace8a0dd942fc0a0a0a0a01000dd9823a0a0d060a0d0a42fc0dd9823a0a0a0a0ace8a0dd94227"
        "0a0a0a0a01009d000000000000000dd98842d9fc0d0aff82a0a088c2"
    ),
    bytes.fromhex(
        "1900c3bfc3bf410ac39cc388c29b0948c28241410ac39cc29bff1900c3bfc3000000fa9cc388c29b"
        "09480a41c381c39cc29b0ac29ac3a40a0ac38230c28a0a0ac29ac3a40a0ac38230c28a0a413fbb65"
        "25c3bbc3a4c2820a5bc3a627c2820ac29ac39a"
    ),
]


def test_articles_left_without_content_by_the_repair_map_are_dropped() -> None:
    for data in FOLDED_CONTENT:
        check_document(cs.split(data))


def test_a_paragraph_longer_than_the_cost_window_is_not_free() -> None:
    # A page whose first "paragraph" is a whole article on one line (more content words
    # than boundaries.MAX_SPAN_TOKENS) once cost nothing per word, so it swallowed the
    # unrelated article after it.
    one_line = " ".join(seed_text(SEEDS[0]).split())
    story = "\n\n".join(
        "Volunteers at the animal shelter said the cats had learned to open the kitchen "
        f"doors, and kitten number {n} now naps by the warm window after lunch every day."
        for n in range(8)
    )
    doc = cs.split(one_line + "\n\nShelter Cats Learn To Open Kitchen Doors\n\n" + story)
    assert [a.title for a in doc.articles][-1] == "Shelter Cats Learn To Open Kitchen Doors"


def test_a_restart_spliced_into_wrapped_text_is_a_duplicate() -> None:
    # The copy after the splice is wrapped at other places than the original, so no
    # line repeats; its paragraph does, word for word.
    paragraphs = _bank_paragraphs()
    wrapped = "\n".join("    " + textwrap.fill(p, 64) for p in paragraphs)
    text = "Bank Weighs Next Move\n\n" + wrapped + "\nThe dealers were quite certain that the mar"
    text += textwrap.fill(paragraphs[3], 58)
    _assert_the_copy_is_a_duplicate(text, "Officials said on Thursday that the currency",
                                    "that the currency would shape")


_TOPICS = ["lending", "wages", "bond yields", "the currency", "house prices", "exports"]


def _bank_paragraphs() -> list[str]:
    """Six paragraphs of one story, alike but for their topic: a passage of it repeated is
    told from the rest by its words only."""
    return [
        f"Officials said on Thursday that {t} would shape the next decision of the central bank, "
        f"and that the committee would look closely at how {t} moved over the coming months, "
        f"as they had done at every meeting since the start of the year."
        for t in _TOPICS
    ]


def _assert_the_copy_is_a_duplicate(text: str, copy: str, once: str) -> None:
    """The text from the last ``copy`` on is typed duplicate, and the article's clean text
    holds ``once`` once."""
    doc = cs.split(text)
    copy_start = text.rindex(copy)
    assert {s.kind for s in doc.segments if s.start >= copy_start and s.text.strip()} == {cs.Kind.DUPLICATE}
    assert doc.articles[0].clean_text.count(once) == 1



def test_a_restart_spliced_in_after_a_spanish_function_word_is_a_duplicate() -> None:
    # regression, forty-fourth session: the same in Spanish, where the copy opens on "Se"
    # (two letters, not an English glue word): the splice went unseen and the copy stayed body
    temas = ["los salarios", "el crédito", "la vivienda", "las exportaciones", "la moneda", "el empleo"]
    paragraphs = [
        f"Se espera que {t} marquen la próxima decisión del banco central, y el comité dijo que "
        f"seguirá de cerca cómo evolucionan {t} en los próximos meses, como en cada reunión del año."
        for t in temas
    ]
    wrapped = "\n".join(textwrap.fill(p, 64) for p in paragraphs)
    text = ("El banco estudia su próximo paso\n\n" + wrapped
            + "\nLos operadores estaban bastante seguros de que el merc")
    # (wrapped narrowly: the line after the cut is too short to be found as a restart of an
    # earlier line on its own)
    text += textwrap.fill(paragraphs[3], 40)
    _assert_the_copy_is_a_duplicate(text, "Se espera que las exportaciones", "que las exportaciones marquen")


def test_a_restart_that_runs_on_to_the_next_wrapped_line_is_a_duplicate() -> None:
    # regression, forty-fifth session: in hard-wrapped text the copy glued onto the cut-off
    # word may fill fewer than RESTART_CHARS characters of its line before the wrap; it was
    # compared on that line alone, so the restart went unseen and the copy stayed body
    paragraphs = _bank_paragraphs()
    wrapped = "\n\n".join(textwrap.fill(p, 64) for p in paragraphs)
    copy = textwrap.fill("The dealers were quite certain that the mar" + paragraphs[3], 64)
    assert len(copy.split("\n", 1)[0].split("marO", 1)[1]) + 1 < 48  # the copy wraps early
    _assert_the_copy_is_a_duplicate("Bank Weighs Next Move\n\n" + wrapped + "\n\n" + copy,
                                    "Officials said on Thursday that the currency",
                                    "that the currency would shape")


def test_a_restart_that_opens_on_a_quotation_mark_is_a_duplicate() -> None:
    # regression, forty-fifth session: a copy opening on a quotation mark glued onto the
    # cut-off word ('...the mar“We will ...') was no restart candidate
    paragraphs = [
        f"\u201cWe will watch {t} very closely,\u201d officials said on Thursday, adding that {t} "
        f"would shape the next decision of the central bank and that the committee would look at "
        f"how {t} moved over the coming months, as it had done at every meeting this year."
        for t in _TOPICS
    ]
    text = ("Bank Weighs Next Move\n\n" + "\n\n".join(paragraphs)
            + "\n\nThe dealers were quite certain that the mar" + paragraphs[3])
    _assert_the_copy_is_a_duplicate(text, "\u201cWe will watch the currency", "watch the currency very")


def test_a_long_line_of_glue_points_is_searched_for_restarts_in_linear_time() -> None:
    # Every "rB" of the second line is a candidate restart; each looks at a bounded
    # window, not the rest of the line (a first version copied it: quadratic).
    code = textwrap.dedent(
        """
        import corpus_split as cs
        text = "The first line of this page has a few words in it.\\n" + "fooBar bazQux " * 150_000
        cs.split(text)
        """
    )
    assert _finishes(code, 60.0), "split() still running after 60 s on a 2 MB line"


_BRIDGE = [
    "The council voted on Tuesday evening to repair the old stone bridge that carries the "
    "main road over the river.",
    "Engineers said the bridge needs new steel beams.",
    "What will the bridge repairs cost?",
    "The council expects the bridge works to cost about two million, paid from the roads "
    "budget over three years.",
    "Repairs to the bridge start in spring.",
]
_MUSIC = [
    "The orchestra opened its season with a new symphony.",
    "Violins and cellos carried the long slow movement of the symphony, and the brass joined "
    "only at the very end.",
    "The conductor praised the orchestra!",
    "Critics called the symphony the best concert of the year, and the hall was full for both "
    "of the nights.",
    "The orchestra will tour the symphony in the autumn.",
]
_HARVEST = [
    "Farmers reported a record harvest of wheat and barley across the whole of the northern "
    "plain this summer.",
    "Dry weather helped the wheat ripen early.",
    "Barley prices fell as the harvest came in and the grain stores of the region filled up "
    "faster than expected.",
    "Farmers expect wheat exports to rise.",
    "The harvest of barley was the largest in a decade, the farmers' union said in its report "
    "on Friday.",
]


def test_a_question_or_exclamation_among_bare_sentences_does_not_make_a_headed_page() -> None:
    # Choi-style input (excerpts glued, one sentence a line): two short lines ending on "?"
    # and "!" were taken for titles, the page for a headed one, and the long-article prior
    # left one cut of two, in the wrong place; and once bare sentences had a floor of 20
    # words, the question line still earned a title's bonus and opened an article
    text = "\n".join(_BRIDGE + _MUSIC + _HARVEST)
    doc = cs.split(text)
    check_document(doc)
    assert [text[: b.offset].count("\n") for b in doc.boundaries] == [5, 10]


def test_bare_sentences_in_lower_case_are_cut_as_when_cased() -> None:
    # some corpora are written all in lower case: every line then opened "in lower case",
    # each paid the penalty of a sentence carrying on, and the cuts were too few
    # (choi.py --lower: Reuters Pk 0.244, news-en 0.280; 0.106 and 0.190 since)
    articles = sample_articles()
    rng = random.Random(7)
    for _ in range(6):
        excerpts = []
        for article in rng.sample(articles, 6):
            sentences = [s for p in article.paragraphs for s in split_sentences(p)]
            k = rng.randint(3, min(6, len(sentences)))
            excerpts.append(SourceArticle(None, (" ".join(sentences[:k]),)))
        doc = generate(excerpts, rng, DamageOptions.clean(Layout.SENTENCE_PER_LINE))
        cased, lower = cs.split(doc.text), cs.split(doc.text.lower())
        check_document(lower)
        assert [b.offset for b in lower.boundaries] == [b.offset for b in cased.boundaries]


def test_tokenized_sentences_with_quotes_apart_stay_bare_sentences() -> None:
    # Choi's published data set is Brown-corpus text tokenized the old way: punctuation
    # stands apart and a closing quote follows the full stop ("done . ''"). Such short
    # quoted lines were read as headlines, two of them made the page a headed one, and the
    # long-article prior then kept one cut of two (choi.py --source news-en --tokenized:
    # Pk 0.344 against 0.206 untokenized; 0.206 since)
    bridge = [
        "The council voted on Tuesday evening to repair the old stone bridge that carries the "
        "main road over the river .",
        "`` The bridge is tired . ''",
        "Engineers said the bridge needs new steel beams , and soon .",
        "The council expects the bridge works to cost about two million , paid from the roads "
        "budget over three years .",
        "`` Repairs start in spring . ''",
    ]
    music = [
        "The orchestra opened its season with a new symphony .",
        "Violins and cellos carried the long slow movement of the symphony , and the brass joined "
        "only at the very end .",
        "`` It was a triumph . ''",
        "Critics called the symphony the best concert of the year , and the hall was full for both "
        "of the nights .",
        "The orchestra will tour the symphony in the autumn .",
    ]
    harvest = [
        "Farmers reported a record harvest of wheat and barley across the whole of the northern "
        "plain this summer .",
        "`` Dry weather helped . ''",
        "Barley prices fell as the harvest came in and the grain stores of the region filled up "
        "faster than expected .",
        "Farmers expect wheat exports to rise .",
        "The harvest of barley was the largest in a decade , the farmers ' union said in its report "
        "on Friday .",
    ]
    text = "\n".join(bridge + music + harvest)
    layout = split_lines(text)
    roles, feats = read_roles(layout, True)
    words = line_words([line.text for line in layout.lines], [r in CONTENT_ROLES for r in roles])
    assert bare_sentences(layout, build_units(layout, roles, feats, words))
    # the lexical cost alone finds both starts (the sentence model, fitted since, may drop a
    # start between excerpts this short: test_sentence_model.py)
    with sentence_model_set(without_check()):
        doc = cs.split(text)
    check_document(doc)
    assert [text[: b.offset].count("\n") for b in doc.boundaries] == [5, 10]


def test_a_code_fence_is_text_not_a_separator() -> None:
    # "```" lines were read as separators between articles: the code they fence was typed
    # page furniture, and the line after a fence could open a new article
    text = (
        "How to list files\n\nRun this in a shell to see what the folder holds:\n\n```\nls -la /tmp\n"
        "```\n\nThe output shows every file with its size and owner, one per line.\n\n```bash\n"
        "du -sh /tmp\n```\n\nThat prints the total size of the folder."
    )
    doc = cs.split(text)
    check_document(doc)
    assert doc.boundaries == ()
    fences = [s for s in doc.segments if doc.text[s.start : s.end].strip().startswith("```")]
    assert fences and all(s.kind.value == "body" for s in fences)


@pytest.mark.xfail(strict=True, reason="known failure: the start model reads the words this title's "
                   "story shares with the text before it as one story running on")
def test_a_titled_story_after_one_that_shares_its_words_is_found() -> None:
    # found by the easy-setting property (tests/test_strategies.py) with --hypothesis-seed=4:
    # four clean titled stories, blank lines between; the fourth story shares more words with
    # the text before it than the others do (cosine 0.17 against 0.07 over 100 words), and
    # the start model gives its title log-odds of about -4
    titles = ["Harbour Town Votes to Restore Its Old Lighthouse",
              "The Surprising Science of Why Cats Knock Things Over",
              "Local Bakery Wins National Award for Rye Bread",
              "Small Museums Turn to Volunteers as Grants Shrink"]
    articles = {a.title: a for a in sample_articles()}
    doc = generate([articles[t] for t in titles], random.Random(0), DamageOptions.clean(Layout.BLANK_LINES))
    found = cs.split(doc.text)
    check_document(found)
    assert [a.title for a in found.articles] == titles


# Found by a 600-draw run of the easy-setting property (tests/test_strategies.py) against the
# sixth session's start model, which missed one start in each (recall 2/3); the seventh
# session's refit (500 concatenations a source) finds every start in all 600 draws.
_EASY_MISSES = [
    (["How a Village Choir Ended Up Singing at the Opera House",
      "Harbour Town Votes to Restore Its Old Lighthouse",
      "The Surprising Science of Why Cats Knock Things Over",
      "River Clean-Up Volunteers Pull 300 Trolleys from the Canal"], Layout.CRLF, 0.6997873913894622),
    (["Hospital Trials Quiet Hours to Help Patients Sleep",
      "The Quiet Comeback of the Fountain Pen",
      "A Beginner\u2019s Guide to Reading Topographic Maps",
      "Astronomers Spot a Comet That Visits Once Every 400 Years"], Layout.BLANK_LINES, 0.9606882705990296),
    (["Study Finds City Trees Cool Streets by Up to Four Degrees",
      "Farmers Test Drones to Spot Blight Before It Spreads",
      "Astronomers Spot a Comet That Visits Once Every 400 Years",
      "Hospital Trials Quiet Hours to Help Patients Sleep"], Layout.BLANK_LINES, 0.013157764274433492),
]


@pytest.mark.parametrize(("titles", "layout", "seed"), _EASY_MISSES)
def test_clean_titled_stories_each_come_back(titles: list[str], layout: Layout, seed: float) -> None:
    articles = {a.title: a for a in sample_articles()}
    doc = generate([articles[t] for t in titles], random.Random(seed), DamageOptions.clean(layout))
    found = cs.split(doc.text)
    check_document(found)
    assert [a.title for a in found.articles] == titles


_GOLD_CONTENT = {"title", "heading", "body"}
_GOLD_OTHER = {"boilerplate", "links", "noise", "artifact"}


# Known failures: short section headings typed boilerplate. Seed 004 loses two ("The Road
# Ahead", "Final Thoughts", in a stretch it repeats from 001) since the fifth session's line
# model; seed 001 lost those and a "Conclusion" then, kept them after the sixth session's
# bare-layout material, and loses "Environmental Sustainability" since the sixth session's
# dated_head feature moved the operating point to -0.3 (seeds.py rounds each loss, under 30
# characters of about 20,000, to a content kept of 1.000). Seed 001 kept them all with the
# thirty-second session's first refit (presentative feature) and loses one again with its
# second (`quoted_request`), both at the bias -0.2; it keeps them all again with the
# forty-ninth session's refit (person words, family dropout, bias -0.1).
_SEEDS_LOSING_HEADINGS = ("004",)


@pytest.mark.parametrize("path", [
    pytest.param(p, id=p.stem[:3], marks=pytest.mark.xfail(
        strict=True, reason="known failure: short section headings typed boilerplate"))
    if p.stem[:3] in _SEEDS_LOSING_HEADINGS else pytest.param(p, id=p.stem[:3])
    for p in SEEDS])
def test_every_seed_character_keeps_its_side(path: Path) -> None:
    # issue #12 asks that the seeds stay at 1.000 content kept and non-content typed, which
    # seeds.py prints to three decimals only: this checks every character of the gold
    gold = gold_for(path)
    if gold is None:
        pytest.skip("the seeds' gold needs ../shared")
    text = seed_text(path)
    doc = cs.split(text)
    content = bytearray(len(text))
    for s in doc.segments:
        if s.kind in cs.CONTENT_KINDS:
            content[s.start:s.end] = b"\x01" * (s.end - s.start)
    wrong = []
    for span in gold["spans"]:  # type: ignore[union-attr]
        kind, start, end = span["kind"], span["start"], span["end"]
        want = 1 if kind in _GOLD_CONTENT else 0 if kind in _GOLD_OTHER else None
        if want is not None and any(content[i] != want for i in range(start, end) if not text[i].isspace()):
            wrong.append((kind, text[start:end][:40]))
    assert not wrong


def test_soft_hyphens_inside_words_change_no_decision() -> None:
    # a soft hyphen (U+00AD, a hyphenation hint pages put inside long words) parted the word
    # for the lexical model, the title test and the name test: with one in every third word
    # of eight letters or more, 60 titled news joins and the dev A pages had 31 false starts
    # instead of 19 (here: one word in three of six letters or more, half the titles dropped)
    articles = sample_articles()
    rng = random.Random(3)
    for trial in range(40):
        chosen = [replace(a, title=None) if untitled else a
                  for a in rng.sample(articles, 3) for untitled in [rng.random() < 0.5]]
        layout = rng.choice([Layout.BLANK_LINES, Layout.SINGLE_NEWLINE])
        doc = generate(chosen, random.Random(trial), DamageOptions.clean(layout))
        hinted = re.sub(r"\w{6,}", lambda m: m.group(0)[:3] + "\u00ad" + m.group(0)[3:]
                        if rng.random() < 0.3 else m.group(0), doc.text)
        plain, soft = cs.split(doc.text), cs.split(hinted)
        check_document(soft)
        assert _starts_and_kinds(soft) == _starts_and_kinds(plain)


def test_soft_hyphens_part_no_word_for_any_word_test() -> None:
    from corpus_split.boundaries import _names
    from corpus_split.context import short_tokens
    from corpus_split.features import _words

    assert _words("Plum\u00admets in March") == _words("Plummets in March")
    assert _names("and then Ame\u00adlia said") == _names("and then Amelia said")
    assert short_tokens("Sub\u00adscribe now") == short_tokens("Subscribe now")


def _starts_and_kinds(doc: cs.Document) -> list[tuple[int | None, str]]:
    """(article, kind) of each non-blank line, in order."""
    return [(seg.article, seg.kind.value) for seg in doc.segments
            for line in doc.text[seg.start : seg.end].split("\n") if line.strip()]


_FRONT_POST = (
    "---\ntheme: dark\naccentColour: \"#3a5f0b\"\ndate: \"2019-0{n}-07\"\n"
    "template: post.html\nsummary: {summary}\ntitle: {title}\ntags:\n  - notes\n---\n\n"
    "{body}\n"
)
_FRONT_POSTS = (
    ("Moving the workshop", "Where the workshop goes next",
     "We have moved the workshop to a bigger room on the second floor, with space for forty "
     "people and a proper projector. Bring your own laptop and a charger.\n\n"
     "## What to bring\n\nA laptop, a charger and the exercises from the first day. The "
     "exercises are on the site, in the folder for the first day, with their answers."),
    ("Speakers for day two", "Who speaks on the second day",
     "Four speakers have agreed to give talks on the second day, each about thirty minutes "
     "long, with questions at the end. Their names go up on the site next week.\n\n"
     "Two of them have spoken here before; the other two come from the city's university, "
     "where they teach the evening classes on web design that many of you have taken."),
    ("The doors are open", "How the first morning went",
     "Last Friday the doors opened at nine and the room was full by ten, with people standing "
     "at the back until we found more chairs in the basement.\n\n"
     "The volunteers stayed late to tidy up, and the caretaker locked the building at eight "
     "after the last of the equipment had been carried out to the van."),
)


def test_consecutive_markdown_posts_are_split_at_their_front_matter() -> None:
    # posts joined as their source files are: each one's front matter heads it, and its
    # title key, wherever it stands in the block, is the article's title (issue 13)
    text = "".join(_FRONT_POST.format(n=n + 1, title=t, summary=s, body=b)
                   for n, (t, s, b) in enumerate(_FRONT_POSTS))
    doc = cs.split(text)
    assert [a.title for a in doc.articles] == [t for t, _, _ in _FRONT_POSTS]
    assert all(cs.Reason.FRONT_MATTER in b.reasons for b in doc.boundaries)
    heading = next(s for s in doc.segments if s.text.startswith("## What to bring"))
    assert heading.kind is cs.Kind.HEADING and heading.article == 0


def test_a_post_starts_at_its_front_matter_not_at_its_title_key() -> None:
    # regression, twenty-second session: where the line model reads a post's keys as text
    # (pages glued without blank lines do that), the start stood at the title key, so the
    # fence and the keys above it ("layout", "date") ended the post before
    from corpus_split.boundaries import find_articles
    from corpus_split.lexical import line_words
    from corpus_split.lines import split_lines
    from corpus_split.prelim import CONTENT_ROLES, Role, read_roles

    text = "".join(_FRONT_POST.format(n=n + 1, title=t, summary=s, body=b)
                   for n, (t, s, b) in enumerate(_FRONT_POSTS))
    layout = split_lines(text)
    roles, feats = read_roles(layout, True)
    inside = layout.front_matter.inside
    roles = [Role.BODY if inside[i] and r is not Role.HEADLINE else r for i, r in enumerate(roles)]
    words = line_words([line.text for line in layout.lines], [r in CONTENT_ROLES for r in roles])
    units, spans = find_articles(layout, roles, feats, words, 0.5)
    starts = [layout.lines[units[sp.first_unit].first].text for sp in spans[1:]]
    assert starts == ["---", "---"]


def test_a_front_matter_example_in_a_code_fence_opens_no_article() -> None:
    # a tutorial shows the header a post file needs: an example, not a post (regression: an audit)
    text = (
        "Setting up a blog takes an afternoon, and most of it goes on choosing a theme that "
        "reads well on a phone.\n\n## Writing the header\n\n"
        "Put this at the top of every post file, then write the post below it:\n\n"
        "```yaml\n---\nlayout: post\ntitle: My first post\ndate: 2021-08-01\n---\n```\n\n"
        "The generator reads the header and leaves it out of the page, so the title shows "
        "only once, at the top, in the theme's own style.\n"
    )
    doc = cs.split(text)
    assert len(doc.articles) == 1
    assert doc.articles[0].title != "My first post"


def test_a_toml_front_matter_title_keeps_its_colon() -> None:
    from corpus_split.frontmatter import front_matter_value

    assert front_matter_value('title = "Part 1: Beginnings"') == "Part 1: Beginnings"
    assert front_matter_value("title: 'It is: fine'") == "It is: fine"
    assert front_matter_value('title: ""') == ""
    assert front_matter_value("title: >") == ""


def test_a_pages_front_matter_is_found_once_per_layout() -> None:
    # every stage reads `Layout.front_matter`: one block at the top and one after other text
    # are found, their title keys marked, and only a block that opens a post names its title
    from corpus_split.lines import split_lines

    text = ("---\ntitle: First post\ndate: 2021-03-03\n---\nWe moved the workshop upstairs.\n\n"
            "```yaml\n---\ntitle: An example\nlayout: post\n---\n```\n\n"
            "+++\ntitle = \"Part 2: Later\"\ndraft = false\n+++\nBring a laptop.\n\n"
            "---\n\nA rule, then prose: no front matter.\n")
    layout = split_lines(text)
    front = layout.front_matter
    assert layout.front_matter is front  # kept, not found again
    texts = [line.text for line in layout.lines]
    marked = [t for t, flag in zip(texts, front.inside) if flag]
    assert marked == ["---", "title: First post", "date: 2021-03-03", "---",
                      "---", "title: An example", "layout: post", "---",
                      "+++", 'title = "Part 2: Later"', "draft = false", "+++"]
    assert [t for t, flag in zip(texts, front.title_keys) if flag] == [
        "title: First post", "title: An example", 'title = "Part 2: Later"']
    assert [t for t, flag in zip(texts, front.titles) if flag] == [
        "title: First post", 'title = "Part 2: Later"']  # not the example in a code fence
    assert front.found and not split_lines("---\n\nJust a rule.\n").front_matter.found
    assert layout == split_lines(text)  # the kept value is not part of the layout's identity


_FRONT_PIECES = (
    "---", "+++", "```", "    ---", "title: Notes on the move", 'title: ""', "title = \"Part 1: Start\"",
    "date: 2021-03-03", "layout: post", "tags:", "  - notes", "",
    "We moved the workshop to the second floor, where there is room for forty people.",
    "## What to bring", "Bring a laptop and a charger.",
)


@given(st.lists(st.sampled_from(_FRONT_PIECES), min_size=1, max_size=40))
def test_front_matter_titles_lie_in_blocks_and_name_their_articles(pieces: list[str]) -> None:
    from corpus_split.frontmatter import front_matter_lines, front_matter_value
    from corpus_split.lines import split_lines

    text = "\n".join(pieces)
    layout = split_lines(text)
    front = layout.front_matter
    inside, title = front_matter_lines(layout.lines)
    assert (front.inside, front.title_keys) == (inside, title)
    assert front.found == any(inside)
    for i, flag in enumerate(front.titles):
        assert front.is_title(i) == bool(flag)
        if flag:  # a post's title: a title key inside a block, with a value
            assert inside[i] and title[i] and front_matter_value(layout.lines[i].text)
    doc = cs.split(text)
    check_document(doc)
    for boundary, article in zip(doc.boundaries, doc.articles[1:]):
        if cs.Reason.FRONT_MATTER in boundary.reasons:
            assert article.title


_QUOTE = ("> Uploads larger than 20 MB are rejected, and files are kept for thirty days before "
          "they are deleted.")
_REQUEST = "> Write a short, polite letter asking the council to pay for rain butts on every plot."
_QUOTING_POST = ("Moving our backups to the new storage service\n\n"
                 "We moved the nightly backups last month. The service's documentation is clear about "
                 "retention:\n\n"
                 f"{_QUOTE}\n\n"
                 "That meant we had to keep a second copy of anything older than a month on our own "
                 "disks, which took a small script and a cron job.\n\n"
                 "I asked a chat assistant to draft the note to our treasurer.\n\n"
                 f"{_REQUEST}\n\n"
                 "What came back was too polite by half, so I rewrote it myself.\n")


def _kind_at(doc: cs.Document, offset: int) -> cs.Kind:
    return next(s.kind for s in doc.segments if s.start <= offset < s.end)


def test_a_quotation_is_the_pages_text() -> None:
    # the line model read 39% of the quotations in real blog posts (web-misc) as assistant
    # residue; a quotation is the page's text unless it quotes a request to a chat model
    doc = cs.split(_QUOTING_POST)
    assert _kind_at(doc, _QUOTING_POST.index(_QUOTE) + 5) in cs.CONTENT_KINDS


def test_a_quoted_request_to_a_chat_model_is_residue() -> None:
    # the thirty-second session's presentative feature left this at residue 0.47 against
    # content 0.53 until `quoted_request` became a line-model feature of its own
    doc = cs.split(_QUOTING_POST)
    assert _kind_at(doc, _QUOTING_POST.index(_REQUEST) + 5) is cs.Kind.ARTIFACT


def test_the_lines_of_a_code_block_are_the_posts_text() -> None:
    # a closing brace, "});" or a shell comment inside a fenced block was typed noise,
    # boilerplate or a heading by its shape alone (in 600 real blog posts of web-misc, 22,590
    # characters of code typed noise and 18,944 boilerplate)
    code = ("```js\n"
            "tally.addEventListener('pointerup', function () {\n"
            "  counter += 1;\n"
            "});\n"
            "}\n"
            "# Rebuild the bundle\n"
            "```")
    text = ("Counting clicks without a framework\n\n"
            "The whole widget fits in a few lines of plain JavaScript, and none of it needs a build "
            "step to run in a modern browser.\n\n"
            f"{code}\n\n"
            "That is all there is to it: the counter lives in a closure and the page never reloads.\n")
    doc = cs.split(text)
    start = text.index(code)
    for offset in (text.index("});", start), text.index("}\n#", start), text.index("# Rebuild", start)):
        kind = next(s.kind for s in doc.segments if s.start <= offset < s.end)
        assert kind in cs.CONTENT_KINDS, (text[offset:offset + 12], kind)
    assert len(doc.articles) == 1


def test_a_fence_left_open_closes_no_code_block() -> None:
    from corpus_split.lines import code_block_lines, split_lines

    lines = split_lines("intro\n```\ncode();\n```\nmore text\n```\nstray fence, never closed\n").lines
    assert code_block_lines(lines) == [1, 2, 3]
    # a bare "~~~" between stories is a divider, a line with two runs of backticks is inline
    # code, and a block closes only on its own mark
    assert code_block_lines(split_lines("One\n~~~\nTwo Heads\ntext\n~~~\nThree\n").lines) == []
    assert code_block_lines(split_lines("```ls``` lists them\nHead\n```\nx\n").lines) == []
    assert code_block_lines(split_lines("````\nx\n~~~\n```\ny\n````\nz\n").lines) == [0, 1, 2, 3, 4, 5]
    assert code_block_lines(split_lines("~~~rust\nfn main() {}\n~~~\n").lines) == [0, 1, 2]


# Two Japanese news stories, written for this test; the second one's headline joins two
# phrases with "、", as Japanese news headlines do
_LIBRARY_JA = ("【速報】新しい図書館が駅前にオープン\n\n"
               "市は十日、駅前に新しい市立図書館を開館した。蔵書は約二十万冊で、カフェや学習スペースも併設している。\n\n"
               "開館初日は朝から多くの市民が訪れ、入口には長い列ができた。館長は「誰もが気軽に立ち寄れる場所にしたい」と話した。")
_TYPHOON_JA = ("台風10号、週末に九州へ接近のおそれ\n\n"
               "気象庁によると、台風10号は勢力を保ったまま北上を続けており、週末には九州南部に接近するおそれがある。\n\n"
               "交通機関への影響も予想され、航空各社は欠航の可能性を発表している。早めの備えを呼びかけている。")
# ... and a Chinese one under its reporter line
_METRO_ZH = ("城市地铁新线今日开通\n\n本报记者 王明\n\n"
             "今天上午九点，城市地铁五号线正式开通运营。这条线路全长三十二公里，共设二十四座车站，连接城市东部新区和西部老城区。\n\n"
             "据地铁公司介绍，新线开通后，东西两区之间的通勤时间将从原来的一个半小时缩短到四十分钟左右。")


@pytest.mark.xfail(strict=True, reason="known failure (issue 14): a CJK line holding a comma is never "
                   "headline-shaped; allowing two commas cut a held-back real page at its own lines")
def test_a_cjk_headline_with_a_comma_opens_its_story() -> None:
    # "台風10号、…" is read as a sentence, so the second story runs on inside the first, in one
    # language and after a story in another alike
    for first in (_LIBRARY_JA, _METRO_ZH):
        doc = cs.split(first + "\n\n" + _TYPHOON_JA)
        assert [a.title for a in doc.articles][1:] == ["台風10号、週末に九州へ接近のおそれ"]


def test_a_chinese_reporter_line_is_chrome_not_the_title() -> None:
    # regression (issue 14): the reporter line under a title was the story's headline, and so
    # its title
    doc = cs.split(_METRO_ZH)
    assert [a.title for a in doc.articles] == ["城市地铁新线今日开通"]
    line = next(s for s in doc.segments if "王明" in s.text)
    assert line.kind is cs.Kind.BOILERPLATE


# Chat-model replies in Russian and Arabic, written for this test: a preamble, a short article,
# an offer to revise
_REPLY_RU = ("Хорошо, ниже представлена статья о туризме.\n\nТуризм в горных районах\n\n"
             "В этом году число туристов в горных районах выросло почти на треть. Местные гостиницы "
             "заполнены до конца сезона, а власти обещают построить новые дороги.\n\n"
             "Эксперты считают, что рост связан с открытием новой канатной дороги и удобным расписанием "
             "поездов.\n\nХотите, чтобы я сократил текст или изменил тон?")
_REPLY_AR = ("إليك المقال الذي طلبته حول السياحة المستدامة:\n\nالسياحة المستدامة في المدن الساحلية\n\n"
             "شهدت المدن الساحلية هذا العام زيادة كبيرة في أعداد الزوار، مما دفع السلطات المحلية إلى وضع "
             "خطط جديدة لحماية الشواطئ والبيئة البحرية.\n\n"
             "ويرى الخبراء أن السياحة المستدامة يمكن أن توفر فرص عمل جديدة دون الإضرار بالموارد الطبيعية.\n\n"
             "هل تريد مني تعديل أي جزء من المقال؟")


@pytest.mark.parametrize("reply", [_REPLY_RU, _REPLY_AR])
def test_assistant_residue_in_russian_and_arabic_is_residue(reply: str) -> None:
    # regression (issue 14: assistant residue in Arabic and Russian was typed as content)
    doc = cs.split(reply)
    kinds = [s.kind for s in doc.segments]
    assert kinds[0] is cs.Kind.ARTIFACT and kinds[-1] is cs.Kind.ARTIFACT
    assert cs.Kind.ARTIFACT not in kinds[1:-1]
    assert len(doc.articles) == 1


_STORY = [
    "The harbour authority kept its mooring fees unchanged on Thursday, pointing to a quiet "
    "summer season and fewer cruise calls than it had planned for.",
    "Its board voted five to two for the freeze, with the two dissenters arguing that repairs to "
    "the north quay could not wait another year.",
    "Fishing crews welcomed the decision, though several said the fees were already higher than "
    "in the ports along the coast.",
    "The authority will publish its budget for the coming year in March, after a review of "
    "traffic through the winter months.",
]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # sentences of the text that open like page chrome stay in their article (issue 12)
        ("Sign up rates for the new berths doubled after the launch, the harbour master said in "
         "a statement on Monday.", cs.Kind.BODY),
        ("Copyright law is not affected by the ruling on the quay's design, lawyers for both sides "
         "said on Friday.", cs.Kind.BODY),
        ("Related: the authority cut its fees twice last year to win back the ferry lines that "
         "had moved away.", cs.Kind.BODY),
        # ... however the sentence closes: on a quotation, or a question in brackets
        ("Sign up rates will tell whether the freeze works, the harbour master said: \"We will "
         "know by the summer whether the ferries come back.\"", cs.Kind.BODY),
        ("Related: the fee paid by the cruise lines, which the board left where it was (will it "
         "change when the new quay opens?)", cs.Kind.BODY),
        # short notices stay page chrome wherever they stand
        ("Sign up for our newsletter to get the latest stories.", cs.Kind.BOILERPLATE),
        ("Copyright 2025 The Harbour Gazette. All rights reserved.", cs.Kind.BOILERPLATE),
    ],
)
def test_a_sentence_that_opens_like_chrome_keeps_its_kind(sentence: str, kind: cs.Kind) -> None:
    """Before, any line opening on a chrome phrase was chrome, however sure the line model was
    that it was a sentence of the article (thirty-eighth session)."""
    text = "Harbour Fees Frozen\n\n" + "\n\n".join([*_STORY[:2], sentence, *_STORY[2:]])
    doc = cs.split(text)
    at = text.index(sentence)
    kinds = {s.kind for s in doc.segments if s.start <= at < s.end}
    assert kinds == {kind}
    assert len(doc.articles) == 1


_GUIDE = (
    "How to Keep Basil Alive Indoors\n\n"
    "Basil wants six hours of sun a day, so a south-facing sill is the best spot in most flats "
    "and a grow light will do in winter.\n\n"
    "Water it when the top of the soil is dry to the touch, and pinch off the flower buds as soon "
    "as they appear so that the leaves keep their flavour.\n\n"
)


@pytest.mark.parametrize(
    ("last_line", "kind"),
    [
        # a line alone after the last paragraph that closes on an exclamation is the text's
        ("Pick a few leaves every week and enjoy your basil!", cs.Kind.BODY),
        ("Keep it warm and your plants will thrive. Happy growing!", cs.Kind.BODY),
        # but "I hope these tips help" is a sign-off, as "I hope this helps" is (forty-sixth
        # session: the commonest sign-off missed on chat models' answers)
        ("I hope these tips help your plants thrive. Happy growing!", cs.Kind.ARTIFACT),
        # a question or a plain title there still links away
        ("Which herbs grow best on a windowsill?", cs.Kind.LINKS),
        ("Ten Herbs That Thrive in Shade", cs.Kind.LINKS),
    ],
)
def test_a_closing_exclamation_stays_in_its_article(last_line: str, kind: cs.Kind) -> None:
    """Before, a lone headline-shaped line after an article's last paragraph was always typed
    links, so an answer's or a post's closing sentence was lost (thirty-ninth session)."""
    text = _GUIDE + last_line
    doc = cs.split(text)
    at = text.index(last_line)
    assert {s.kind for s in doc.segments if s.start <= at < s.end} == {kind}
    assert len(doc.articles) == 1
    assert (last_line in doc.articles[0].clean_text) is (kind is cs.Kind.BODY)


def test_two_exclaimed_lines_after_the_text_stay_links() -> None:
    text = _GUIDE + "Subscribe for weekly garden tips!\n\nShare this guide with a friend!"
    doc = cs.split(text)
    at = text.index("Subscribe")
    assert {s.kind for s in doc.segments if s.end > at} <= {cs.Kind.LINKS, cs.Kind.BOILERPLATE}


# A Markdown post with pictures between its paragraphs, written for this test
_BREAD_POST = (
    "# A week of bread\n\n"
    "I baked a loaf every evening this week, each one with a different flour, to see which my "
    "family would eat first. The rye went quickest, the spelt slowest.\n\n"
    "![](/images/bread/rye-loaf.jpg)\n\n"
    "The rye loaf had a dark crust and a moist crumb, and it kept well for three days in a cloth "
    "bag on the counter.\n\n"
    "![a spelt loaf on a board](/images/bread/spelt.jpg)\n\n"
    "Spelt made a lighter bread, but it dried out by the second morning, so next time I will bake "
    "a smaller loaf.\n"
)


def test_a_line_of_images_between_paragraphs_is_boilerplate() -> None:
    # a known failure from the fortieth session (the training posts labelled such lines
    # content, where dev/ types them boilerplate) that the forty-ninth session's refit fixes
    doc = cs.split(_BREAD_POST)
    images = [s for s in doc.segments if s.text.lstrip().startswith("![")]
    assert images and all(s.kind is cs.Kind.BOILERPLATE for s in images)
    assert len(doc.articles) == 1


# Two untitled local news items, one in German and one in French, written for this test
_BRIDGE_DE = (
    "Die Stadt hat am Montag einen neuen Plan für die alte Brücke vorgelegt, der bis zum Herbst "
    "fertig sein soll.\n\n"
    "Der Bürgermeister sagte, dass die Kosten noch nicht feststehen und dass die Arbeiten im "
    "Frühjahr beginnen.\n\n"
    "Die Anwohner hatten sich über den Lärm beschwert, der von den Lastwagen auf der Brücke kommt.")
_MUSEUM_FR = (
    "Le musée ouvrira une nouvelle salle consacrée aux peintres de la région au début du mois de "
    "mai.\n\n"
    "Selon la directrice, les tableaux ont été prêtés par des familles qui les gardaient depuis des "
    "années.\n\n"
    "Les visiteurs pourront aussi assister à des ateliers pour les enfants pendant les vacances.")


@pytest.mark.xfail(strict=True, reason=(
    "known failure (issue 14): a change of language between untitled stories is no start "
    "evidence the shipped start model weighs; as a feature it cost real pages (docs/models.md, "
    "thirty-ninth and fortieth sessions)"))
def test_an_untitled_story_in_another_language_starts_an_article() -> None:
    doc = cs.split(_BRIDGE_DE + "\n\n" + _MUSEUM_FR)
    assert [a.start for a in doc.articles] == [0, len(_BRIDGE_DE) + 2]


# Sentence ends in other scripts and quotation marks (forty-fourth session): each module knew
# Latin and CJK marks and Latin closing quotes only, each its own slightly different set, so a
# paragraph that ended on a guillemet or a Japanese quotation mark did not end a sentence for
# the start model, and an Arabic question mark ended none anywhere.
@pytest.mark.parametrize(
    "text",
    ["a-t-il déclaré. »", "dijo el ministro.»", "sagte er: »Wir sind zufrieden.«",
     "هل ستنخفض الأسعار؟", "と話した。」", "『本当に来るの？』", "यह एक वाक्य है।"],
)
def test_sentence_ends_in_other_scripts_and_quotation_marks(text: str) -> None:
    from corpus_split import boundaries, context, threads

    assert context.ends_sentence(text)
    assert boundaries._ends_sentence(text)
    assert text[-1] in boundaries._SENTENCE_END_CHARS  # the start model's prev_ends_sentence
    assert threads._SENTENCE_END_RE.search(text)


def test_the_sentence_end_sets_agree_across_modules() -> None:
    from corpus_split import boundaries, context

    marks = set(context._SENTENCE_ENDS)
    closers = set(context._AFTER_END) - {"\n", "]"}
    assert marks - {"…"} <= set(boundaries._SENTENCE_MARKS)
    assert marks | closers <= set(boundaries._SENTENCE_END_CHARS) | {"'", "]"}
    assert (marks - {"…"}) | closers <= set(boundaries._SENTENCE_END_LAST)


def test_a_sentence_after_an_arabic_question_mark_is_a_sentence_of_its_own() -> None:
    from corpus_split.sentences import regex_sentence_spans

    text = "هل ستنخفض الأسعار؟ قال الوزير إن ذلك ممكن."
    assert len(regex_sentence_spans(text)) == 2


# A photo caption that ends on its credit (forty-fourth session): written for this test, the
# caption was typed heading and started a new article in every language tried.
_CAPTIONED = {
    "en": ("Council approves new cycle path",
           "The city council on Tuesday voted by a large majority to build a new cycle path along the "
           "riverbank. The route will be about four kilometres long and will link the old town with the "
           "new housing estate in the north.",
           "The mayor at the presentation of the plans (AP Photo/Jane Doe)",
           "The cost is estimated at about 2.3 million euros. Part of it is to come from state funding, "
           "the administration said."),
    "de": ("Stadtrat beschließt neuen Radweg",
           "Der Stadtrat hat am Dienstag mit großer Mehrheit den Bau eines neuen Radwegs entlang des "
           "Flussufers beschlossen. Die Strecke soll rund vier Kilometer lang werden und die Altstadt "
           "mit dem Neubaugebiet verbinden.",
           "Der Bürgermeister bei der Vorstellung der Pläne. Foto: Max Mustermann",
           "Die Kosten werden auf etwa 2,3 Millionen Euro geschätzt. Ein Teil davon soll aus "
           "Fördermitteln des Landes kommen, wie die Verwaltung mitteilte."),
}


@pytest.mark.parametrize("language", sorted(_CAPTIONED))
def test_a_caption_ending_on_its_credit_is_chrome_and_starts_nothing(language: str) -> None:
    title, first, caption, second = _CAPTIONED[language]
    doc = cs.split("\n\n".join([title, first, caption, second]))
    assert len(doc.articles) == 1
    kinds = {s.kind for s in doc.segments if caption[:20] in s.text}
    assert kinds == {cs.Kind.BOILERPLATE}


def test_every_credit_pattern_has_a_case_that_holds_its_cues() -> None:
    import json
    from pathlib import Path

    import regex

    from corpus_split.features import _CREDIT_MARK_RE, _CREDIT_TAIL

    cases = json.loads((Path(__file__).parent / "phrase_families.json").read_text(encoding="utf-8"))
    chrome = [c["line"].lower() for c in cases if c["family"] == "chrome"]
    for language, cues, pattern in _CREDIT_TAIL:
        matched = [line for line in chrome if regex.search(pattern, line[-100:], regex.I | regex.V0)]
        assert matched, f"no chrome case for the {language} credit pattern"
        assert all(any(cue in line for cue in cues) for line in matched), language
        assert all(_CREDIT_MARK_RE.search(line[-100:]) for line in matched), language


# Common chrome in other languages (forty-fourth session): lines written for this test, each
# typed heading and most starting a new article before the phrase files knew their category.
@pytest.mark.parametrize(("title", "first", "chrome", "second"), [
    ("Prefeitura aprova novo parque no centro",
     "A prefeitura aprovou na terça-feira a criação de um novo parque no centro da cidade, com "
     "áreas verdes, parquinho infantil e pistas de caminhada para os moradores.",
     "Continua depois da publicidade",
     "As obras devem começar no próximo ano e custar cerca de vinte milhões de reais, segundo a "
     "secretaria responsável pelo projeto."),
    ("La mairie ouvre une nouvelle médiathèque",
     "La nouvelle médiathèque du quartier nord a ouvert ses portes samedi matin en présence du "
     "maire. Le bâtiment, construit en bois, accueille plus de trente mille livres.",
     "L'article continue après la publicité",
     "Les habitants attendaient ce projet depuis près de dix ans. Selon la municipalité, le "
     "chantier a coûté quatre millions d'euros."),
    ("Stadtrat beschließt neuen Radweg",
     "Der Stadtrat hat am Dienstag mit großer Mehrheit den Bau eines neuen Radwegs entlang des "
     "Flussufers beschlossen. Die Strecke soll rund vier Kilometer lang werden.",
     "Weiterlesen nach der Anzeige",
     "Die Kosten werden auf etwa 2,3 Millionen Euro geschätzt. Ein Teil davon soll aus "
     "Fördermitteln des Landes kommen, wie die Verwaltung mitteilte."),
])
def test_a_continues_after_the_advert_line_is_chrome_and_starts_nothing(
        title: str, first: str, chrome: str, second: str) -> None:
    doc = cs.split("\n\n".join([title, first, chrome, second]))
    assert len(doc.articles) == 1
    assert {s.kind for s in doc.segments if chrome in s.text} == {cs.Kind.BOILERPLATE}


@pytest.mark.parametrize("credit", [
    "Contributing: Jane Doe, The Associated Press",
    "With Post wires",
    "Jane Doe, The City Gazette",
    "Write to Jane Doe at jane.doe@example.com",
])
def test_a_credit_line_ending_a_story_stays_with_it(credit: str) -> None:
    # regression, forty-fifth session: a story's closing credit, a short line, read as a
    # headline; the next story's title then stood in a run of headlines and the start went to
    # the credit, one line early (the credit opened the next story, typed links)
    first = ["Council approves new park in the city centre",
             "The city council on Tuesday approved a new park in the city centre, with green spaces, "
             "a playground for children and walking paths for residents of the surrounding streets.",
             "Work is expected to begin next year and cost about twenty million pounds, according to "
             "the councillor responsible for the project, who said residents had asked for it for years."]
    second = ["Storm closes mountain roads as snow falls early",
              "Heavy snow closed several mountain roads on Wednesday, weeks earlier than usual, and "
              "forecasters warned drivers to stay at home until ploughs could clear the passes.",
              "Rescue teams helped dozens of stranded motorists overnight, and no injuries were "
              "reported, the regional police said in a statement."]
    text = "\n".join([*first, credit, *second])
    doc = cs.split(text)
    assert [b.offset for b in doc.boundaries] == [text.index(second[0])]
    assert all(s.kind is cs.Kind.BOILERPLATE for s in doc.segments if credit in s.text)


_PARK = {
    "ru": ["В центре города открылся новый парк",
           "Городской совет во вторник открыл новый парк в центре города с зелёными зонами, детской "
           "площадкой и дорожками для прогулок жителей соседних кварталов.",
           "По словам председателя совета, проект обошёлся примерно в двадцать миллионов рублей, а работы "
           "заняли два года из-за задержек с поставками материалов."],
    "nl": ["Stad opent nieuw park in het centrum",
           "De gemeenteraad heeft dinsdag een nieuw park in het centrum geopend, met groen, een speeltuin "
           "en wandelpaden voor de bewoners van de omliggende straten.",
           "Volgens de gemeente kostte het project ongeveer twintig miljoen euro en duurde het twee jaar "
           "door vertraagde leveringen."],
}


@pytest.mark.parametrize(("language", "preamble", "sign_off"), [
    ("ru", "С удовольствием! Ниже — короткая заметка о новом парке.", "Надеюсь, это поможет!"),
    ("nl", "Natuurlijk! Hier is een nieuwsartikel over het nieuwe park:", "Ik hoop dat dit je helpt!"),
])
def test_assistant_residue_around_a_story_in_another_language_is_an_artifact(
    language: str, preamble: str, sign_off: str,
) -> None:
    # regression, forty-fifth session: on replies written for it, 7 of 20 Arabic and Russian and
    # 28 of 64 preambles and sign-offs in eight other languages were typed body or links (Dutch
    # had no residue phrases at all)
    doc = cs.split("\n\n".join([preamble, *_PARK[language], sign_off]))
    for line in (preamble, sign_off):
        assert [s.kind for s in doc.segments if line[:12] in s.text] == [cs.Kind.ARTIFACT]


_SOUP = [
    "Okroshka is a cold soup made with kvass or kefir, boiled potatoes, eggs, cucumbers and radishes.",
    "Dice the vegetables finely and mix them in a large bowl with the chopped herbs and a pinch of salt.",
    "Pour the cold kvass over the mixture just before serving and add a spoon of sour cream to each bowl.",
]


def _kinds_where(line: str, paragraphs: list[str]) -> tuple[list[cs.Kind], cs.Document]:
    """The kinds of the segments that hold ``line`` (its first 20 characters) when the
    paragraphs are split as one text, and the document."""
    doc = cs.split("\n\n".join(paragraphs))
    return [s.kind for s in doc.segments if line[:20] in s.text], doc


@pytest.mark.parametrize("sign_off", [
    "Please note that this is a general template and you should adjust it to your own kitchen.",
    "Note: This is just an example, and the amounts depend on how many guests you have.",
    "I hope these tips help you make a refreshing summer lunch!",
])
def test_an_assistant_note_about_its_own_answer_is_a_sign_off(sign_off: str) -> None:
    # regression, forty-sixth session: a chat model's closing note about what it wrote ("this
    # is just an example", "a general template") and "I hope these ... help" were typed body,
    # the commonest sign-offs missed on the chat models the line model may be fitted on
    kinds, doc = _kinds_where(sign_off, [*_SOUP, sign_off])
    assert kinds == [cs.Kind.ARTIFACT]
    assert len(doc.articles) == 1


def test_a_cooks_own_note_stays_in_the_recipe() -> None:
    # the other side: a note about the dish, not about the answer, is the recipe's
    note = "Note: Cooking time may vary depending on the size of the potatoes."
    assert _kinds_where(note, [*_SOUP, note])[0] == [cs.Kind.BODY]


@pytest.mark.parametrize("preamble", [
    "As an AI language model, I don't cook, but I can describe how this soup is usually made:",
    "I'm sorry, as an AI I have never tasted it. Here is how it is made:",
])
def test_an_assistant_speaking_of_itself_as_an_ai_opens_a_preamble(preamble: str) -> None:
    # regression, forty-sixth session: "As an AI language model, I ..." was the commonest
    # preamble missed on the chat models the line model may be fitted on (no pattern named it)
    kinds, doc = _kinds_where(preamble, [preamble, *_SOUP])
    assert kinds == [cs.Kind.ARTIFACT]
    assert len(doc.articles) == 1
    # a person described as one is no assistant
    line = "As an AI researcher, she spent a decade teaching machines to read recipes."
    assert cs.Kind.ARTIFACT not in {s.kind for s in cs.split("\n\n".join([line, *_SOUP])).segments}


def test_an_opener_then_happy_to_help_is_a_preamble() -> None:
    # regression, forty-sixth session: "Of course! I'd be happy to ..." matched no pattern (the
    # opener's pattern wants "here's" or "below" after it), the commonest preamble still missed
    preamble = "Of course! I'd be happy to help you make a cold summer soup."
    kinds, doc = _kinds_where(preamble, [preamble, *_SOUP])
    assert kinds == [cs.Kind.ARTIFACT]
    assert len(doc.articles) == 1


def test_a_blog_posts_own_invitation_for_questions_stays_content() -> None:
    # regression, forty-sixth session: "If you have any questions ..." opened a sign-off on its
    # own, and 13 project-blog posts and 6 labelled pages lost their closing line to it; an
    # assistant's offer ("feel free to ask", "let me know", "I'd be happy to") still is one
    closing = "If you have any questions, please reach out to the release team on the forum."
    assert _kinds_where(closing, [*_SOUP, closing])[0] == [cs.Kind.BODY]
    offer = "If you have any questions about the recipe, feel free to ask!"
    assert _kinds_where(offer, [*_SOUP, offer])[0] == [cs.Kind.ARTIFACT]


@pytest.mark.parametrize("line", [
    "Feel free to add a little water if the soup is too thick.",
    "If anything is unclear, feel free to ask in the comments below the recipe.",
])
def test_a_writers_own_feel_free_stays_content(line: str) -> None:
    # regression, forty-sixth session: "feel free to" anywhere in a line was a sign-off cue, so
    # a recipe step or a blog's invitation was typed artifact (36 lines in 1800 human documents)
    assert _kinds_where(line, [*_SOUP[:2], line, _SOUP[2]])[0] == [cs.Kind.BODY]
