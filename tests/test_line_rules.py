"""Line-level rules users meet through split(): glued texts, keyboard mash, headline shape."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpus_split as cs
from corpus_split.features import line_features
from corpus_split.lines import _caps_tail_point, _splice_point, split_lines
from corpus_split.prelim import Role, read_roles


@pytest.mark.parametrize(
    ("line", "tail"),
    [
        ("the biggest commodThe International Cocoa Organization said on Monday",
         "The International Cocoa Organization said on Monday"),
        ("a new unit of the Org<PHOENIX STEEL CORP> IN NEW DEBT DEAL",
         "<PHOENIX STEEL CORP> IN NEW DEBT DEAL"),
        ("the sLYNG SAYS INDIA FOOD AID PACKAGE NOT READY", "LYNG SAYS INDIA FOOD AID PACKAGE NOT READY"),
        ("the fund said in its petiIn a petition to the ministry,", "In a petition to the ministry,"),
        # the one-letter article opens text too (regression, fourteenth session: a title
        # glued on as "...two million visitA quiet harbour wakes up..." stayed on the line above)
        ("the ferry carried two million passengA quiet harbour town wakes up to summer crowds",
         "A quiet harbour town wakes up to summer crowds"),
    ],
)
def test_text_glued_onto_a_cut_off_word_is_split(line: str, tail: str) -> None:
    cut = _splice_point(line)
    assert cut is not None and line[cut:] == tail


@pytest.mark.parametrize(
    ("line", "tail"),
    [
        ("shipments from Rotterdam and AntwerU.S. SENATE PANEL BACKS FARM AID BILL",
         "U.S. SENATE PANEL BACKS FARM AID BILL"),
        ("the yards in 1SHIPBUILDERS SEEK STATE LOANS", "SHIPBUILDERS SEEK STATE LOANS"),
        ("said on Friday. He aGRAIN TRADERS EYE SOVIET PURCHASES", "GRAIN TRADERS EYE SOVIET PURCHASES"),
        ("港口吞吐量继续增长。DUTCH PORT VOLUMES RISE", "DUTCH PORT VOLUMES RISE"),
        ("港口吞吐量继续增长。A guide to Dutch port volumes", "A guide to Dutch port volumes"),
        ("the review is due next summer, when thA GUIDE TO READING MAPS", "A GUIDE TO READING MAPS"),
        ("the ferry will run until the bridge reopens.FERRY FARES RISE IN MAY", "FERRY FARES RISE IN MAY"),
    ],
)
def test_a_headline_in_capitals_glued_onto_text_is_split(line: str, tail: str) -> None:
    cut = _caps_tail_point(line)
    assert cut is not None and line[cut:] == tail
    assert split_lines(line).lines[-1].text == tail


@pytest.mark.parametrize(
    "line",
    [
        "The carmaker reported 4TH QTR NET LOSS WIDENED",
        "ACME REPORTS 3RD QTR NET LOSS",
        "sales of the new model, THE BEST SELLER",
        "Profits rose in the 1990S AND 2000S",
        "the yards in 1SHIPBUILDERS",
        "00000000 0 𝓪",  # a lower-case letter without an upper case, last (found by Hypothesis)
        "4WD SALES RISE SHARPLY IN MAY",
    ],
)
def test_capitals_after_a_space_or_an_ordinal_are_not_glued(line: str) -> None:
    assert _caps_tail_point(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "JavaScript developers like McDonald and iPhone apps very much today",
        "Shares of eBay and PayPal rose (The Street reported) on Tuesday",
        "Analysts at BankAmerica said the offer was priced at a discount",
        "the plant produced 400 kWh of power in the first quarter of",
        # "Da" + "was" are both German function words, "OS" + "et" Danish ones: a one-letter
        # stub and an acronym are no cut-off word before a sentence (forty-fourth session)
        "the 70 kDa protein was found in the cell membrane of the cells we studied",
        "L'utilisation est pour le moment limitée à macOS et Linux sur les plateformes x86-64.",
    ],
)
def test_names_with_inner_capitals_are_not_splices(line: str) -> None:
    assert _splice_point(line) is None


_COUNCIL = ("The council met on Tuesday to discuss the new budget for the coming year, and members "
            "argued for hours about the proposed cuts to local services and schools.")


@pytest.mark.parametrize("word", ["reCAPTCHA", "tRNA", "siRNA", "gRPC", "vCPU", "deGrasse"])
def test_a_name_cut_as_a_splice_candidate_stays_whole_in_clean_text(word: str) -> None:
    # the line is cut inside the word as a splice candidate; no article starts there, so
    # the article's clean_text keeps the sentence as the input wrote it (it read "re\n\nCAPTCHA")
    sentence = f"This site is protected by {word} and the other thing in the middle applies."
    doc = cs.split(f"A Title Here\n\n{_COUNCIL}\n\n{sentence}\n\n{_COUNCIL}")
    assert len(doc.articles) == 1
    assert sentence in doc.articles[0].clean_text


def test_a_splice_that_starts_an_article_still_parts_the_clean_texts() -> None:
    harbour = [
        "Officials said on Monday that the harbour works would be finished by the end of the "
        "month, after two years of delays.",
        "The harbour authority blamed the builders for the delays, and the builders blamed the "
        "weather and the price of steel.",
        "Ferry operators said the works had cost them passengers, and asked the harbour authority "
        "to lower its fees for the summer.",
        "The mayor promised that the new quay would open in time for the festival, and that the "
        "old one would be repaired next year after a long dispute over the harb",
    ]
    football = [
        "The national football team beat its rivals three goals to one in a friendly match "
        "played in front of a full stadium on Saturday night.",
        "The striker scored twice in the first half, and the goalkeeper saved a penalty late in "
        "the game to keep the lead.",
        "The coach said the team was ready for the qualifying games next month, though two "
        "defenders are still injured.",
    ]
    text = "\n\n".join(harbour) + football[0] + "\n\n" + "\n\n".join(football[1:])
    doc = cs.split(text)
    assert len(doc.articles) == 2
    assert doc.articles[0].clean_text.endswith("dispute over the harb")
    assert doc.articles[1].clean_text.startswith("The national football team")


@pytest.mark.parametrize(
    "line",
    [
        "Le ministre a parlé à l'Élysée devant des journalistes étrangers hier soir",
        "Il presidente dell'Associazione nazionale ha parlato ieri a Roma",
        "La question d'Europe revient dans le débat de la semaine prochaine",
    ],
)
def test_an_elision_before_a_capital_is_not_a_splice(line: str) -> None:
    assert _splice_point(line) is None


@pytest.mark.parametrize(
    "line",
    [
        'accentColour: "#3a5f0b"',
        'heroImage: "img/cover-large.png"',
        "Call document.getElementById(name) Before Anything Else Runs On The Page",
        "open the file at src/utils/stringHelpers Before The Build Step Runs On The Server",
        "maxValue = the Largest Of The Readings Taken Before The Loop Starts On Each Page",
        # capitals and small letters mixed inside the word after the candidate: a name
        # (regression, twenty-second session)
        "Renting a server with plenty of memory and four vCPUs and a large disk costs little now.",
        # a one-letter word that is no glue word: a unit ("kB"), not a sentence's start
        "The download crawled along at about 1.5 kB per second after the mirror went down for the night.",
    ],
)
def test_camel_case_names_in_code_and_data_are_not_splices(line: str) -> None:
    # a key, a call or a path whose second word is capitalised is one name (issue 13), and so
    # is a name or a unit written in mixed case
    assert _splice_point(line) is None
    assert [ln.text for ln in split_lines(line).lines] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "it re-renders whenever `borderWidth`, `fontSize` or the `hoverShade` value changes",
        "It's too wasteful when `pageOffset` changes on every scroll. Can we do any better here?",
        "  const t2 = { shade: activeShade}; // <-- kept apart from the other branch today",
    ],
)
def test_inline_code_and_code_lines_are_not_splices(line: str) -> None:
    # a name in backticks or next to braces is code: never a word cut off with text glued on
    # (issue 13: "never inside an identifier or code")
    assert _splice_point(line) is None
    assert [ln.text for ln in split_lines(line).lines] == [line.strip()]


def test_lines_inside_a_code_fence_are_never_cut() -> None:
    # inside a fenced block a camel-case name before a capitalised run is code, however it
    # reads; after the closing fence prose is searched again
    inside = "# loads the stored weights and ratesThe International Coffee Organization said the quotas"
    code = f"```python\nx = 1\n{inside}\n```\n"
    prose = "Shares rose in early trading on the exchange yesterdThe International Coffee Organization said"
    layout = split_lines(code + "\n" + prose)
    texts = [ln.text for ln in layout.lines]
    assert inside in texts
    assert texts[-1].startswith("The International Coffee")  # the prose splice is still found


def test_an_unclosed_code_fence_hides_nothing_after_it() -> None:
    # a post cut off inside its code: the fence closes nothing, and splices below are found
    text = ("```python\nx = 1\n\nShares rose in early trading on the exchange "
            "yesterdThe International Coffee Organization said")
    assert split_lines(text).lines[-1].text.startswith("The International Coffee")


@pytest.mark.parametrize(
    "line",
    [
        "shares rose sharply in early trading on the exchange yesterdUpdate: the company has "
        "since withdrawn its offer for the rival",
        "the figures are posted each week at www.example.comThe International Coffee "
        "Organization said the quotas would be set by",
    ],
)
def test_a_glued_headline_after_a_colon_or_an_address_is_still_a_splice(line: str) -> None:
    # only a key that opens its line, a call or a path is a name (regression: an audit)
    assert _splice_point(line) is not None


@pytest.mark.parametrize(("line", "headline"), [
    ("2023年3月12日 14時05分", False),
    ("2023年03月12日 14:05 来源：市政府网站", False),
    ("2023-03-12 09:30 来源：市政府网站", False),
    ("3月12日 9時30分 配信", False),  # a month and day with a time of day: a dateline too
    ("3月12日(火) 9:30", False),
    ("3月12日の株式市場", True),  # a headline may open on a date alone
    ("Ruby 2.7.0 已发布", True),  # figures in a headline are no date
    ("2023年经济增长目标公布", True),  # a year alone opens a headline
])
def test_a_cjk_line_that_opens_on_a_full_date_is_no_headline(line: str, headline: bool) -> None:
    assert line_features(line).headline is headline


@pytest.mark.parametrize(
    "line",
    [
        # regression: a Latin capital after "：" was read as a headline glued onto CJK text,
        # and the title was cut in two at its colon (a full-width colon after figures leads
        # into the rest of one title)
        "CVE-2031-12345：Parser 和 Lexer 存在内存越界读取",
        "BUG-2042：Session 对象 在并发时 丢失数据",
        # Latin words inside CJK text: a Latin-script headline holds no CJK character
        "这次更新修复了解析器的问题。Net::HTTP.get 会 使用 新的 代理",
        "這個版本大幅改善了記憶體的管理方式，Perl 的 GC",
        # regression (forty-second session): a heading whose short CJK label runs straight
        # into a Latin name was cut in two as a headline glued onto CJK text
        "新機能Pattern Matching Syntax [Feature #9]",
        "修正一覧CVE-2031-0001：解析器 的 越界读取",
    ],
)
def test_latin_words_in_cjk_text_are_no_glued_headline(line: str) -> None:
    assert _caps_tail_point(line) is None
    assert [ln.text for ln in split_lines(line).lines] == [line]


def test_a_latin_headline_glued_onto_a_cjk_clause_without_a_full_stop_is_still_cut() -> None:
    line = "市政府周三表示新的公交线路将于下月开通River Ferry Service Resumes Next Week"
    assert line[_caps_tail_point(line):] == "River Ferry Service Resumes Next Week"


def test_a_latin_headline_glued_onto_cjk_text_is_still_cut() -> None:
    line = "市政府周三表示，新的公交线路将于下月开通。River Ferry Service Resumes Next Week"
    assert line[_caps_tail_point(line):] == "River Ferry Service Resumes Next Week"


def test_one_keyboard_row_is_mash() -> None:
    assert line_features("asdfghjklkjhgfd").gibberish
    assert not line_features("Counterrevolutionaries").gibberish


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("CHINA WHEAT EXPORTS TO U.S.", True),
        ("comparisons, in mln lbs", False),
        ("iPhone Sales Soar In China", True),
        ("and the company said it would", False),
        ("The talks ended without a deal.", False),
        ("Net 1.2 mln vs 800,000", False),
        ("Revs 12.4 mln vs 10.1 mln", False),
        ("CHINA TO BUY 500,000 TONNES OF U.S. WHEAT", True),
        ("TYRE MAKER SEES 12.5 PCT RISE IN 1988/89 PROFIT", True),
        # a digit counts half a letter: a version in a title leaves it headline-shaped
        # (regression: these fell below the letter share), while times, dates and rules of
        # marks stay below it
        ("Release 3.10.12-rc1", True),
        ("Вышла 12.0.0-p481", True),
        ("12:30 - 14:00", False),
        ("=== 2024 ===", False),
        # CJK: by display width, 40 full-width columns; 52 and 41 characters, but Latin
        # letters, digits and spaces are half as wide: 33.5 and 29 columns
        ("Kubernetes 1.29 と Prometheus Operator で作るクラスタ監視の基本設定", True),
        ("OpenTelemetry Collector で取得したログを分析する方法と実例", True),
        # a colon inside a title ("A：B"), as "A: B" in other scripts; at the end it leads in
        ("研究报告：城市公共交通客流在节假日明显回升", True),
        ("具体的设置步骤如下：", False),
        ("我们今天发布了新版本，修复了三个问题。", False),
        # clause punctuation: a line that runs on past commas, or stops on one, a line with a
        # Latin comma, a line of dialogue
        ("上午开会，下午出差，晚上回家，明天休息", False),
        ("影响的版本包括，", False),
        ("cgi gem 0.1.1, 0.1.0.1 和 0.1.0", False),
        ("“妈妈，我们什么时候回家？”", False),
        ("「先生、それは本当ですか」", False),
        # mostly figures and marks by count, but the CJK characters are half the width of
        # its letters: a title by the CJK test (regression: it failed both tests)
        ("Go 1.22.3-rc1 发布", True),
        ("Node 22.1.0-rc3 發佈", True),
        # ... while a Latin sentence with a name in CJK stays running text
        ("The spokesman said 王 would visit the plant next week.", False),
        # a mixed line that ends like a Latin sentence is no CJK title either
        ("请参阅 Feature #1234 和 Bug #5678 了解更多.", False),
        # wider than 40 full-width characters: running text, not a title
        ("这是一段很长的说明文字它没有任何标点符号但是它已经远远超过了一个标题应有的宽度所以不是标题", False),
        # an ellipsis trails a sentence off, written as one character or as three full stops
        # (regression, fourteenth session: "…" left a post's closing line headline-shaped,
        # and the next post's title, just below it, was taken for the second line of a run)
        ("More on this story later…", False),
        ("More on this story later...", False),
        ("Wait and see…”", False),
        # a line of markup is code, not a title (regression, fourteenth session: the lines of
        # an XML file in a post were a run of headlines); a ticker opening a headline is not markup
        ("<dependencies>", False),
        ("<artifactId>core-lib</artifactId>", False),
        ('<a href="/news">News</a>', False),
        ("<!-- build settings -->", False),
        ("<ACME> RAISES DIVIDEND", True),
        # a rendered Markdown footnote ends on its link back to the text (regression,
        # fourteenth session: a footnote of a post was a headline, and the next post's title,
        # just below it, the second line of a run)
        ("See the official guide ↩︎", False),
        ("設定ファイルの例 ↩", False),
        ("Release notes ↩2", False),
        # a Markdown image is a picture, not a title (regression, eighteenth session: image
        # lines in a post were typed headings); a title that mentions one still is a title
        ("![](/img/posts/trip/harbour-at-dusk.jpg)", False),
        ("![The harbour at dusk](img/harbour.jpg) ![](img/pier.png)", False),
        ("Photos From The Harbour Festival", True),
        # a line of code that closes a block or opens one is not a title (fifteenth session:
        # the lines of a post's unfenced JavaScript were headings, "} else {" among them);
        # brackets inside a title or a tag opening it still are
        ("} else {", False),
        ("Palette) {", False),
        ("Settings }) {", False),
        ("if (ready) {", False),
        ("items.each { |item| puts item }", False),
        ("});", False),
        ("[SEC] Server update released", True),
        ("Rates on hold (again)", True),
        # program output is not a title (sixteenth session: a post's Maven log lines and shell
        # commands were headings); a bracketed tag that is no log level still opens one
        ("[INFO] Building batch 1.0.0", False),
        ("[INFO]", False),
        ("[WARNING] Using platform encoding", False),
        ("$ rubocop", False),
        (">>> import json", False),
        ("[Video] Storm hits the coast", True),
        ("Traffic Rules Change In May", True),
    ],
)
def test_headline_shape(line: str, headline: bool) -> None:
    assert line_features(line).headline is headline


WRAPPED = (
    "The ministry said on Tuesday that the new rules on grain storage would take\n"
    "effect next month and that traders had been told to prepare for inspections\n"
    "of their silos before the harvest began in the northern provinces.\n"
)


def test_lines_in_capitals_stand_alone_in_wrapped_text() -> None:
    text = (
        "COPPER OUTPUT AT CHILEAN MINES CLIMBS TO A RECORD HIGH IN MARCH\n"
        "TEXTILE MAKERS ASK GOVERNMENT FOR HELP AGAINST CHEAP IMPORTS\n"
        + WRAPPED * 3
    )
    layout = split_lines(text)
    assert layout.wrap_width is not None
    roles, _ = read_roles(layout, find_duplicates=False)
    assert roles[:2] == [Role.HEADLINE, Role.HEADLINE]
    assert not layout.starts_paragraph(3)


def test_a_paragraph_ending_in_a_cut_off_word_is_not_a_headline() -> None:
    text = (WRAPPED * 3 + "\nThe bill, backed by farm groups and senators from\n"
            "grain-growing states, wouThe ministry said")
    layout = split_lines(text)
    roles, _ = read_roles(layout, find_duplicates=False)
    stub = next(i for i, line in enumerate(layout.lines) if line.cut)
    assert roles[stub - 1] is Role.BODY and roles[stub] is Role.BODY


def test_a_line_whose_sentence_runs_on_below_is_not_a_headline() -> None:
    # wrapped prose among code blocks, which the layout reads as unwrapped: a first line that
    # ends on a word, with the next line carrying its sentence on in lower case, is body;
    # a headline broken over two lines stays a headline
    text = ("```\nx = 1\n```\n\n"
            "Keeping the cached object in step becomes a little harder for the compiler\n"
            "because it is no longer one statement. It is spread over several of them.\n\n"
            "Harbour Board Chair\nis stepping down early\n\n"
            "The chair announced on Monday that she would leave the board at the end of the year.")
    layout = split_lines(text)
    roles, _ = read_roles(layout, find_duplicates=False)
    role = {line.text: r for line, r in zip(layout.lines, roles)}
    assert role["Keeping the cached object in step becomes a little harder for the compiler"] is Role.BODY
    assert role["Harbour Board Chair"] is Role.HEADLINE


def test_a_cjk_heading_above_a_name_in_code_stays_a_heading() -> None:
    # scripts without case say nothing of a sentence running on: a Chinese heading above a
    # line that opens on a lower-case gem name is still a heading
    text = ("我们发布了新的安全更新，请尽快升级到最新的版本。\n\n受影响的版本\n"
            "example-gem 1.2.0 及更早的全部版本都受到这个问题的影响。")
    layout = split_lines(text)
    roles, _ = read_roles(layout, find_duplicates=False)
    role = {line.text: r for line, r in zip(layout.lines, roles)}
    assert role["受影响的版本"] is Role.HEADLINE


def test_earlier_text_starting_again_mid_line_is_split_off() -> None:
    opening = "Volunteers at the harbour pulled three hundred trolleys from the canal on Sunday."
    text = opening + "\nThe divers said the work would go on. Beaucou" + opening
    lines = split_lines(text).lines
    assert [line.text for line in lines][-1] == opening
    assert lines[-1].spliced and lines[-2].cut


MENU = ["Home", "News", "Sport", "Weather", "Business", "Culture", "Travel", "Contact us",
        "Sign in", "Search"]


def test_wrapped_paragraphs_among_more_short_menu_lines_are_read_as_wrapped() -> None:
    # most lines of a page are menu and footer lines, so fewer than half end near the
    # margin; the lines that a lower-case word carries on from still show it: unread, each
    # wrapped line was a paragraph of its own, and line fragments were taken for titles
    paragraph = (
        "The harbour board agreed on Monday to rebuild the old north pier, which was closed\n"
        "to the public after the storms of last winter washed away part of its deck and two\n"
        "of the iron columns that hold it up above the water at high tide.\n"
    )
    text = "\n".join(MENU) + "\nHarbour Board Votes to Rebuild North Pier\n" + paragraph * 3 + "\n".join(MENU)
    layout = split_lines(text)
    assert layout.wrap_width is not None
    body = [i for i, line in enumerate(layout.lines) if line.text.startswith(("to the", "of the"))]
    assert body and not any(layout.starts_paragraph(i) for i in body)


def test_wrapping_is_found_beside_long_lines_without_a_space() -> None:
    # checksums and links run past the margin because nothing in them can be broken; they
    # are no evidence against the wrapping (regression: a wrapped release note with its
    # checksums was read unwrapped, and its line fragments were taken for headings)
    paragraph = (
        "The maintainers published the second release candidate on Friday, with fixes for\n"
        "the memory leak in the parser and a faster start-up on machines with many cores.\n"
        "download it from the usual mirrors and report any problems you find to the list\n"
        "before the final release, which is planned for the last week of the month.\n"
    )
    checksums = "".join(f"SHA512:\n{digit * 128}\n" for digit in "0123")
    text = "Second Release Candidate Published\n\n" + paragraph * 2 + "\n" + checksums
    layout = split_lines(text)
    assert layout.wrap_width is not None
    assert not any(layout.starts_paragraph(i) for i, line in enumerate(layout.lines)
                   if line.text.startswith(("the memory", "before the")))


def test_lines_of_prose_and_short_lines_without_wrapping_stay_unwrapped() -> None:
    # every line a paragraph of its own, short ones between long ones: nothing carries on
    text = "\n".join(
        [*MENU, "The harbour board agreed on Monday to rebuild the old north pier for the town.",
         "Work starts in May.", "Fishermen said the pier had been missed all winter long by them.",
         *MENU])
    assert split_lines(text).wrap_width is None


def test_a_line_whose_first_word_had_room_above_opens_a_paragraph() -> None:
    # a paragraph's last line may run nearly to the margin; the line below it is a new
    # paragraph when its first word would have fitted there (the wrapping would have put it
    # there), not a continuation: "Contact" was read as the paragraph going on
    last = "of the iron columns that hold it up above the water at tide."
    text = WRAPPED * 3 + last + "\nContact us\n" + WRAPPED * 3
    layout = split_lines(text)
    width = layout.wrap_width
    assert width is not None and len(last) + 1 + len("Contact") <= width < len(last) / 0.72
    contact = next(i for i, line in enumerate(layout.lines) if line.text == "Contact us")
    assert layout.starts_paragraph(contact)


def test_evenly_filled_lines_with_room_above_go_on_as_one_paragraph() -> None:
    # a wrapping that evens out line lengths (as fmt does) leaves room on lines for the next
    # word: there room is no sign of a paragraph's end, and only a short line ends one
    paragraph = (
        "The harbour board agreed on Monday to rebuild the old north pier,\n"
        "which was closed to the public after the storms of last winter washed\n"
        "away part of its deck. Engineers said the iron columns that hold it\n"
        "up above the water at high tide must be replaced before the summer,\n"
        "and the work will cost the town less than the board had feared when\n"
        "Councillor Jones first raised it at the meeting of the board in March.\n"
        "It starts next month.\n"
    )
    layout = split_lines(paragraph * 4)
    assert layout.wrap_width is not None and not layout.filled
    cost = [i for i, line in enumerate(layout.lines) if line.text.startswith("Councillor")]
    assert cost and not any(layout.starts_paragraph(i) for i in cost)


def test_one_wrapped_paragraph_without_blank_lines_is_not_blank_separated() -> None:
    assert not split_lines(WRAPPED * 4).blank_separated


def test_the_rest_of_a_spliced_line_stands_at_the_page_indent() -> None:
    # on a page whose every line is set in, the line after a splice's second half was read
    # as indented deeper than it, and so as opening a paragraph
    text = "".join("  " + line + "\n" for line in (
        "The council voted on Tuesday to repair the old bridge over the river and to",
        "raise the toll for lorries, which wear the road down faster than cars do.",
        "Engineers said the work would take a year and cost two million pounds.",
        "The bridge will stay open to cars and bicycles while it is repaired, thoThe",
        "Harbour Board met on Monday to talk about the pier and the new ferry berth.",
    ))
    layout = split_lines(text)
    tails = [i for i, line in enumerate(layout.lines) if line.spliced]
    assert tails and all(layout.lines[i].indent == layout.base_indent for i in tails)


# Regressions, twenty-second session: splices found inside names and in CJK text (issue 13:
# "never inside an identifier or code"); found on the fitting half of the multilingual posts.
_PRERELEASE = ("Viele Projekte wie Hanami und pWiki schickten uns Berichte über ihre Tests "
               "mit der Vorabversion.")


def test_a_name_spelt_the_same_elsewhere_on_the_page_is_no_splice() -> None:
    alone = split_lines(_PRERELEASE)
    assert [line.spliced for line in alone.lines] == [False, True]  # one spelling: still a cut
    page = split_lines(_PRERELEASE + "\n\nMehr über pWiki steht auf der Seite des Projekts.")
    assert not any(line.spliced for line in page.lines)
    assert page.lines[0].text == _PRERELEASE


# Regression, thirty-sixth session (issue #13: "never inside an identifier or code"): a
# one-hump identifier in prose was cut as a splice where the page names other things in camel case
_CACHE_NOTE = ("We found the bug by logging every call to invalidateEntry and comparing timestamps "
               "across the three replicas.")


def test_a_one_hump_identifier_on_a_page_of_identifiers_is_no_splice() -> None:
    alone = split_lines(_CACHE_NOTE)
    assert [line.spliced for line in alone.lines] == [False, True]  # no other identifier: a cut
    text = "The cache wraps getValueFromServer so that repeated lookups are cheap.\n\n" + _CACHE_NOTE
    page = split_lines(text)
    assert not any(line.spliced for line in page.lines)
    assert page.lines[1].text == _CACHE_NOTE
    assert len(cs.split("Debugging the Cache Layer\n\n" + text).articles) == 1


def test_a_splice_is_still_cut_on_a_page_of_one_hump_names() -> None:
    # "iPhone", "eBay", handles, hashtags and sites' names are no evidence of identifiers
    page = ("Sales of the iPhone and listings on eBay rose; @cityHallNews posted it, "
            "#ferryTimesNow trended and ads ran on theHarbourHerald.com as well.\n\n"
            "the committee met for hours and agreed on a plan for the harbNew ferry service "
            "will start in May and run until the end of the summer season.")
    assert [line.text for line in split_lines(page).lines if line.spliced] == [
        "New ferry service will start in May and run until the end of the summer season."]


def test_a_glued_headline_holds_one_sentence_at_most() -> None:
    line = ("Seit dem Umbau kann jeder Leser auf GitLab eigene Korrekturen für die Seite vorschlagen. "
            "Was halten Sie davon?")
    assert _splice_point(line) is None
    assert [ln.text for ln in split_lines(line).lines] == [line]


def test_a_sentence_opening_on_a_one_letter_glue_word_is_still_a_splice() -> None:
    line = ("the committee met for hours and agreed on a plan for the harbA new ferry service "
            "will start in May and run until the end of the summer season.")
    cut = _splice_point(line)
    assert cut is not None and line[cut:].startswith("A new ferry service")


@pytest.mark.parametrize(
    ("line", "tail"),
    [
        ("con un programa que use una entrada externa como argumenSe encontró una vulnerabilidad",
         "Se encontró una vulnerabilidad"),
        ("Правительство утвердило новый порядок обновлениИ в этом году планируется",
         "И в этом году планируется"),
        ("Le gouvernement a présenté mardi son nouveau budgLe ministre des finances a défendu",
         "Le ministre des finances a défendu"),
        ("El gobierno aprobó ayer la reforma del sistema de pensionY el Parlamento la votará",
         "Y el Parlamento la votará"),
    ],
)
def test_a_sentence_in_another_language_glued_on_a_short_function_word_is_a_splice(
        line: str, tail: str) -> None:
    # regression, forty-fourth session: a short word counted only as one of the English glue
    # words, so a restart spliced in after "argumen|Se …" went unseen and its copy typed body
    cut = _splice_point(line)
    assert cut is not None and line[cut:] == tail


@pytest.mark.parametrize(
    "line",
    [
        "[release-notes]: https://blog.example.org/2024/05/02/release-notes.html",
        "[notes]: https://blog.example.org/notes\n[faq]: /help/faq",
        '<img src="/media/harbour.jpg" alt="The harbour at dawn">',
        "</section>",
        "```sh BUILD_MIRROR=https://mirror.example.org make install",
        "items.forEach(item => { render(item) })",
    ],
)
def test_code_and_markup_lines_head_nothing(line: str) -> None:
    # regression, twenty-second session: such lines are headline-shaped (short, no full stop),
    # were read as headings and opened articles in Markdown posts and wiki pages
    text = (f"How the site is built\n\n{line}\n\n"
            "The pages are rebuilt every night from the notes in the repository.")
    layout = split_lines(text)
    roles, _ = read_roles(layout, True)
    assert roles[1] is not Role.HEADLINE
    assert len(cs.split(text).articles) == 1


@pytest.mark.parametrize("line", ["<ACME CORP> TO BUY HARBOUR FERRIES", "<NOVA> WINS FERRY CONTRACT",
                                  "Rates On Hold", "What is map()?", "[Video]: Storm floods the harbour road",
                                  "[Live]: Update: roads closed by the storm"])
def test_headlines_that_look_a_little_like_code_stay_headlines(line: str) -> None:
    layout = split_lines(f"{line}\n\nThe board met on Tuesday and agreed the plan after a long debate.")
    roles, _ = read_roles(layout, True)
    assert roles[0] is Role.HEADLINE


# Regressions found by a review of the fixes above (twenty-second session)
def test_a_glued_headline_may_hold_an_abbreviation() -> None:
    line = ("the board met on Tuesday and agreed a plan for the harbour "
            "todaAcme Corp. Names New Chief Executive")
    cut = _splice_point(line)
    assert cut is not None and line[cut:].startswith("Acme Corp.")


def test_a_splice_in_a_passage_the_page_repeats_is_found_in_both_copies() -> None:
    glued = ("the council said the new ferry timetable would start in the spring and run until the "
             "autumGreat Wheel Reopens After Repairs")
    page = glued + "\n\nOther text stands between the copies, about the weather in the north.\n\n" + glued
    assert [line.text for line in split_lines(page).lines if line.spliced] == [
        "Great Wheel Reopens After Repairs"] * 2


def test_a_name_after_a_bracket_is_found_elsewhere_without_it() -> None:
    page = ("Many teams such as Hanami and (zorkWidget users sent us reports about their tests with "
            "the preview release.\n\nMore about zorkWidget is on its site.")
    assert not any(line.spliced for line in split_lines(page).lines)


_FENCE_PIECES = ["```", "```py", "````", "~~~", "~~~rust", "```ls``` lists", "  ```", "code();",
                 "the harbour reopenThe Ferry Company Names New Chief Executive Today", "text", ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FENCE_PIECES), max_size=14))
def test_the_two_fence_finders_agree(pieces: list[str]) -> None:
    # the raw text's code spans (searched before the lines exist, to keep splices out of code)
    # and the layout's code block lines are one rule (forty-fourth session: they were two, and a
    # bare "~~~" divider between stories hid the splices of the text between two of them)
    from bisect import bisect_right

    from corpus_split.lines import _code_spans, code_block_lines

    text = "\n".join(pieces)
    layout = split_lines(text)
    spans = _code_spans(text)
    in_spans = [i for i, line in enumerate(layout.lines) if bisect_right(spans, line.start) % 2 == 1]
    assert in_spans == code_block_lines(layout.lines)


def test_a_splice_between_two_bare_tilde_dividers_is_found() -> None:
    text = ("~~~\nthe harbour reopenThe Ferry Company Names New Chief Executive Today\n~~~\n"
            "Other news follows here.")
    assert any(line.spliced for line in split_lines(text).lines)


@pytest.mark.parametrize(("line", "headline"), [
    ("\u201eWir werden das Projekt im Herbst fortsetzen.\u201c", False),  # German „…“
    ("\u00bbDas ist erst der Anfang.\u00ab", False),  # German »…«
    ("\u201aDas war knapp.\u2018", False),  # German ‚…‘
    ("\u203aC'est fini.\u2039", False),
    ("\u300c\u59cb\u307e\u3063\u305f\u3070\u304b\u308a\u3067\u3059\u3002\u300d", False),
    ("Ruby 2.0 \u201ePreview\u201c ver\u00f6ffentlicht", True),  # a quotation inside a title
    ("\u201eWir schaffen das\u201c", True),  # a quoted title without a full stop
])
def test_a_quotation_ending_on_its_full_stop_is_no_headline(line: str, headline: bool) -> None:
    # regression, forty-fifth session: the headline test had its own closing quotes, without
    # the German ones, so a quoted sentence on a line of its own read as a headline (and
    # started an article); it now reads `marks.CLOSERS`, as every other sentence-end test does
    assert line_features(line).headline is headline
