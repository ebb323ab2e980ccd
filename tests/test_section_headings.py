"""A wiki prints a link to edit each section after the section's heading ("History[edit]"):
such a heading is a section of the page above it, never the start of another article
(fourteenth session: the section headings of an encyclopaedia page were false starts)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpus_split as cs
from corpus_split import boundaries as b
from corpus_split.features import line_words, section_heading
from corpus_split.lines import split_lines
from corpus_split.prelim import CONTENT_ROLES, read_roles

# An encyclopaedia page with its section-edit links (written here)
PAGE = """Lake Morrow
Lake Morrow is a reservoir in the northern hills, formed in 1931 when a dam was built across the \
Morrow river to supply the towns of the valley with water.
Geography[edit]
The lake is eleven kilometres long and lies in a narrow valley between two ridges of granite. Its \
deepest point, near the dam, is about forty metres below the surface.
Wildlife[edit]
Otters returned to the shores in the 1990s after decades of absence. Herons nest in the alder woods \
at the northern end, and anglers catch perch and pike.
In popular culture[edit]
The lake appears in a 1962 thriller film, in which a stolen violin is hidden in the boathouse and a \
detective follows the thieves across the frozen surface in midwinter.
A pop group named their third album after the lake in 1979; its cover shows the singer rowing a red \
boat at dawn, and the title song reached the national charts for six weeks.
"""


@pytest.mark.parametrize(("line", "marked"), [
    ("History[edit]", True),
    ("Early life [edit source]", True),
    ("Geschichte[Bearbeiten | Quelltext bearbeiten]", True),
    ("Histoire[modifier | modifier le code]", True),
    ("Historia[editar]", True),
    ("История[править | править код]", True),
    ("歴史[編集]", True),
    ("历史[编辑]", True),
    ("Edit this page", False),
    ("Press [edit] to change the title", False),
    ("Notes [1]", False),
])
def test_section_edit_links(line: str, marked: bool) -> None:
    assert section_heading(line) is marked


def test_a_page_with_section_edit_links_stays_whole() -> None:
    # an example of what users rely on (the start model keeps this page whole with or without
    # the links; the test below is the one the rule must pass)
    doc = cs.split(PAGE)
    assert len(doc.articles) == 1
    assert doc.articles[0].title == "Lake Morrow"


def test_a_marked_heading_is_never_a_start(monkeypatch: pytest.MonkeyPatch) -> None:
    # with a bonus for every article instead of a charge, the lexical cost cuts the page at
    # its headings, but not at those that carry the edit link
    monkeypatch.setattr(b, "BOUNDARY_PRIOR", -20.0)
    marked = cs.split(PAGE)
    assert len(marked.articles) == 1
    plain = cs.split(PAGE.replace("[edit]", ""))
    assert len(plain.articles) > 1


# A Chinese news article with two subheadings (written here)
ZH_ARTICLE = "\n\n".join([
    '河谷镇供水系统将全面升级',
    '河谷镇政府周二宣布，将在未来三年内投入资金，对全镇的供水管网进行全面改造。镇长在新闻发布会'
    '上表示，现有的铸铁管道大多铺设于上世纪七十年代，每年冬天都会因为地面结冰而出现破裂，给居民'
    '生活带来很大不便。',
    '根据计划，施工队将首先更换老城区的主干管道，然后逐步向新建的住宅小区延伸。镇政府还将在水库'
    '附近新建一座净水厂，采用砂滤和紫外线消毒技术，以提高饮用水的质量。',
    '居民的意见',
    '不少居民对这项计划表示欢迎。住在老城区的王女士说，她家的水龙头经常流出带有铁锈颜色的水，只'
    '能买桶装水做饭。也有居民担心施工期间会频繁停水，希望政府能够提前通知，并在各个社区设置临时'
    '取水点。',
    '镇政府回应说，每次停水前都会至少提前三天在社区公告栏和手机短信中通知居民，并安排送水车在停'
    '水期间为老人和行动不便的家庭送水上门。',
    '工程的费用',
    '整个工程的预算约为一亿两千万元，其中一半来自省级财政补贴，其余部分由镇政府通过发行专项债券'
    '筹集。镇长强调，水价在工程期间不会上涨，但工程完成后将根据实际运营成本重新评估。',
]) + "\n"


def test_a_chinese_article_is_not_cut_at_its_subheadings() -> None:
    """A known failure from the seventeenth session to the thirty-seventh (cut at both short
    subheadings with every second bigram, at one with overlapping bigrams); whole since a page
    without kana counts single Han characters (`lexical.han_page`)."""
    doc = cs.split(ZH_ARTICLE)
    assert [a.title for a in doc.articles] == ["河谷镇供水系统将全面升级"]


# Regression, thirty-sixth session (issue 13: "a numbered step of one article is never a start"):
# a post was cut before its first numbered step, the steps that follow left inside the cut-off
# part (written here)
WORKOUT = """My Four-Week Strength Plan

I built this plan after a year of training at home with only a pair of dumbbells and a mat. It \
is simple, and it works if you stick to it.

Day 1: Upper body

Start with ten minutes of light cardio, then do three sets of push-ups, rows and shoulder presses. \
Rest a minute between sets.

Day 2: Lower body

Squats, lunges and calf raises, three sets each. Keep the weight light for the first week and \
focus on form.

Day 3: Rest

Walk for half an hour and stretch. Recovery is when the muscles actually grow, so do not skip it.

Day 4: Full body

1. Twenty squats
2. Fifteen push-ups
3. Ten lunges on each leg

Repeat the circuit three times and finish with a plank.
"""


@pytest.mark.parametrize(("line", "item"), [
    ("Day 1: Upper body", ("day", 1)),
    ("#### Step 3. Fit the hinge", ("step", 3)),
    ("**2. Economic growth**", ("", 2)),
    ("(4) Keep the receipts", ("", 4)),
    ("Part 2 - The return", ("part", 2)),
    ("Ruby 1.8.7 released", None),  # a version, no item
    ("2019: a year in review", None),
    ("Markets fall for a third day", None),
])
def test_numbered_headings_are_items_of_a_series(line: str, item: tuple[str, int] | None) -> None:
    assert b._series_item(line) == item


def test_a_post_is_not_cut_before_its_first_numbered_step() -> None:
    doc = cs.split(WORKOUT)
    assert len(doc.articles) == 1
    assert doc.articles[0].title == "My Four-Week Strength Plan"


def test_numbered_titles_of_glued_stories_all_stay_starts() -> None:
    # two stories whose titles are the items of a series, each cut: all starts, none dropped
    story = ("The ferry left the harbour at dawn with forty passengers and a cargo of timber for the "
             "island's new school. The crossing took three hours in calm weather.\n\n"
             "On arrival the timber was unloaded by volunteers, who had waited on the quay since "
             "six. The school is due to open in September.\n\n")
    other = ("Rain returned to the valley on Monday after a dry spring, filling the reservoirs to "
             "half their capacity. Farmers welcomed it, though the hay harvest is late.\n\n"
             "Forecasters expect showers for the rest of the week, with sunshine from Saturday and "
             "warmer nights by the end of the month.\n\n")
    text = f"Part 1: The Island School\n\n{story}Part 2: Rain in the Valley\n\n{other}"
    layout = split_lines(text, joined=True)
    roles, feats = read_roles(layout, True)
    words = line_words([line.text for line in layout.lines], [r in CONTENT_ROLES for r in roles])
    _, spans = b.find_articles(layout, roles, feats, words, 0.5)
    assert len(spans) == 2  # (the programme cuts here; the rule leaves a consistent series alone)
    assert len(cs.split(text).articles) == 2


# Regression, thirty-sixth session (issue 13: "a Q&A subhead is never a start"): an interview
# was cut at one of its question subheads (written here)
INTERVIEW = """Five Questions for a Lighthouse Keeper

Marta Okafor has kept the light on Gull Rock for eleven years. We spoke to her about solitude, \
storms and the future of her trade.

How did you become a keeper?

I answered an advertisement in a local paper. I had worked on fishing boats, so the sea was not \
new to me, but the silence was. The first winter was the hardest.

What does a normal day look like?

I check the lamp and the generator at dawn, log the weather every three hours and repaint \
something almost every week. Salt eats everything here.

Are you ever afraid during storms?

Not of the sea. I am afraid of the generator failing, because then the ships have nothing. That \
has happened twice, and both times the backup started.

Will there still be keepers in twenty years?

Probably not. Most lights are automatic already. I think that is a loss, but I understand it.
"""


def test_an_interview_is_not_cut_at_its_question_subheads() -> None:
    assert len(cs.split(INTERVIEW).articles) == 1


def test_stories_titled_with_questions_stay_apart() -> None:
    # a question title with no question subheads on both sides is no Q&A series
    first = ("Will the Ferry Run This Winter?\n\nThe island council will decide on Thursday whether "
             "the winter ferry keeps its daily crossing. Fuel costs have doubled since the spring, "
             "and the operator wants a subsidy to continue.\n\nResidents say the crossing is their "
             "only link to the hospital and the secondary school on the mainland.\n\n")
    second = ("Why Are Bees Leaving the Valley?\n\nBeekeepers in the upper valley report that a "
              "third of their hives were empty this spring. Scientists blame a wet summer and a "
              "new mite.\n\nThe regional agency will fund a study of the hives over two years, "
              "starting in May, and asks keepers to report losses.\n\n")
    assert len(cs.split(first + second).articles) == 2


def _spans_after_series_rule(text: str, start_line: str | tuple[str, ...],
                             reason: b.Reason = b.Reason.VOCABULARY_SHIFT) -> list[int]:
    """The starts `_series_joined` keeps of [0, the units opening on ``start_line``] (each
    start found for ``reason``)."""
    layout = split_lines(text, joined=True)
    roles, feats = read_roles(layout, True)
    words = line_words([line.text for line in layout.lines], [r in CONTENT_ROLES for r in roles])
    units = b.build_units(layout, roles, feats, words)
    openings = (start_line,) if isinstance(start_line, str) else start_line
    chosen = [next(u for u, unit in enumerate(units) if layout.lines[unit.first].text.startswith(line))
              for line in openings]

    def articles(starts: Sequence[int]) -> list[b.ArticleSpan]:
        ends = [*starts[1:], len(units)]
        return [b.ArticleSpan(a, e - 1, 1.0 if not i else 0.5, (reason,))
                for i, (a, e) in enumerate(zip(starts, ends))]

    return [sp.first_unit for sp in b._series_joined(units, layout, articles([0, *chosen]), articles)]


REFERENCES = """Notes on the Harbour Survey

The survey of the old harbour was finished in 1998, after four seasons of diving and mapping.

References

^ Marsh, A. (1961). The tides of the northern coast. Harbour Press.

^ Okafor, M.; Lind, P. (1994). "Timber piles in cold water". Journal of Marine Works. 12: 33-41.

^ Varga, E. (2003). Glass beads of the trading ports. University Press.

^ Chen, L. (2010). "Sediment cores from three estuaries". Coastal Studies. 4: 101-119.
"""


# Regression, fifty-first session (issue 13: a numbered step is never a start): a news page's
# ranked list of numbered subheads kept a start at its third item, because the start at its
# fourth, dropped in the same round, still closed the third's article when it was checked
RANKING = """The Year's Best Garden Projects

Readers chose five community gardens this year, from a rooftop in the city to an orchard on an \
old railway line.

1. The Rooftop Beds

Volunteers carried forty tonnes of soil up six floors to plant vegetables above the market hall.

2. The Railway Orchard

Apple and pear trees now line a mile of disused track, pruned each winter by a school club.

3. The Hospital Courtyard

Nurses and patients grow herbs in raised beds that wheelchairs can reach from every side.

4. The Canal Meadow

A strip of towpath was sown with wild flowers, and the bees came back within a summer.

5. The Library Garden

Children borrow seeds as they borrow books, and bring back a handful from their harvest.
"""


def test_starts_at_consecutive_numbered_subheads_are_all_dropped() -> None:
    kept = _spans_after_series_rule(RANKING, ("3. The Hospital", "4. The Canal"))
    assert kept == [0]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([RANKING, INTERVIEW, REFERENCES]), st.data())
def test_the_series_rule_leaves_nothing_to_drop(text: str, data: st.DataObject) -> None:
    # whatever headlines the programme chose as starts, the rule's output is its own fixed
    # point
    layout = split_lines(text, joined=True)
    roles, feats = read_roles(layout, True)
    words = line_words([line.text for line in layout.lines], [r in CONTENT_ROLES for r in roles])
    units = b.build_units(layout, roles, feats, words)
    heads = [u for u in range(1, len(units)) if units[u].headline]  # where the rule acts
    chosen = data.draw(st.sets(st.sampled_from(heads)))

    def articles(starts: Sequence[int]) -> list[b.ArticleSpan]:
        ends = [*starts[1:], len(units)]
        return [b.ArticleSpan(a, e - 1, 1.0 if not i else 0.5, (b.Reason.VOCABULARY_SHIFT,))
                for i, (a, e) in enumerate(zip(starts, ends))]

    once = b._series_joined(units, layout, articles([0, *sorted(chosen)]), articles)
    twice = b._series_joined(units, layout, once, articles)
    assert [sp.first_unit for sp in twice] == [sp.first_unit for sp in once]


# Regression, fifty-first session: a credit line under a story, read as a headline, opened a
# last "article" of the page's furniture (a server's timing line), no sentence of text
CREDITED = """Council Approves New Cycle Lanes

The city council approved six miles of protected cycle lanes on Tuesday, linking the station to \
the university and the hospital. Work starts in the spring and should take a year.

Shopkeepers on the high street had asked for loading bays to stay, and the plan keeps them on \
the side streets. The council will count cyclists before and after the work.

Supplied by a regional news agency

482.1 ms - 12/03/2021 10:15:02 AM
"""


def test_a_credit_line_over_furniture_opens_no_last_article() -> None:
    assert _spans_after_series_rule(CREDITED, "Supplied by") == [0]


def test_a_short_last_story_with_a_sentence_keeps_its_start() -> None:
    text = CREDITED.replace("Supplied by a regional news agency\n\n482.1 ms - 12/03/2021 10:15:02 AM\n",
                            "Library Opens on Sundays\n\nThe central library will open on Sundays "
                            "from May, the council said.\n")
    assert len(_spans_after_series_rule(text, "Library Opens")) == 2


def test_a_start_inside_a_list_is_dropped() -> None:
    # regression, thirty-sixth session (issue 13: a list item is never a start): a reference
    # list was cut between two of its items by a change of vocabulary
    kept = _spans_after_series_rule(REFERENCES, "^ Varga")
    assert kept == [0]


def test_a_start_at_a_lists_first_item_is_left_to_the_programme() -> None:
    # the unit before the first item opens on no mark: no list runs across the cut
    kept = _spans_after_series_rule(REFERENCES, "^ Marsh")
    assert len(kept) == 2


@pytest.mark.parametrize("style", ["**{}**", "{n}. {}"])
def test_an_interview_with_bold_or_numbered_questions_is_not_cut(style: str) -> None:
    # review finding, thirty-sixth session: a bold question ("**Why?**") was no question, and a
    # numbered one ("2. What ...?") was judged as a numbered step only
    lines = INTERVIEW.split("\n")
    n = 0
    for i, line in enumerate(lines):
        if line.endswith("?"):
            n += 1
            lines[i] = style.format(line, n=n + 5 * (n % 2))  # numbers that run in no series
    assert len(cs.split("\n".join(lines)).articles) == 1


# A Markdown post with its sections (written here): regression, forty-first session (issue 13:
# "a heading deeper than the page's title is a section"); the shipped start model scored a start
# at the first "##" heading 0.54 on a change of vocabulary
GARDEN = [
    "Our team spent the spring rebuilding the garden behind the library, clearing brambles and "
    "laying new paths between the beds.",
    "Volunteers came every Saturday, and by May the first vegetables were ready for the market "
    "stall by the gate.",
    "The greenhouse cost more than expected because the glass panels had to be ordered from a "
    "supplier in another region, and shipping doubled the price.",
    "A grant from the county arts fund covered half of it; the rest came from a bake sale and two "
    "concerts in the church hall.",
    "Next year we will start seedlings indoors in February, mark the paths before digging, and "
    "keep a shared calendar for watering rotas.",
    "The pond by the east wall froze solid in January, and the fish survived under the ice "
    "because a neighbour kept a small hole open every morning.",
]


def test_a_posts_deeper_markdown_headings_are_its_sections() -> None:
    p = GARDEN
    text = "\n\n".join(["# A year in the library garden", p[0], p[1], "## Funding the greenhouse",
                        p[2], p[3], "## Lessons for next year", p[4]])
    doc = cs.split(text)
    assert [a.title for a in doc.articles] == ["A year in the library garden"]


def test_a_start_at_a_heading_deeper_than_the_title_before_is_dropped() -> None:
    p = GARDEN
    text = "\n\n".join(["# A year in the library garden", p[0], p[1], "## Funding the greenhouse",
                        p[2], p[3]])
    assert _spans_after_series_rule(text, "## Funding") == [0]


@pytest.mark.parametrize("second", ["# The pond in winter", "### The pond in winter"])
def test_a_heading_as_shallow_as_the_title_before_or_after_a_plain_one_is_left_to_the_programme(
        second: str) -> None:
    # a second post titled at the first one's level, or any heading after a title with no
    # Markdown mark, is not judged by this rule
    p = GARDEN
    first = "# A year in the library garden" if second.startswith("# ") else "A year in the library garden"
    text = "\n\n".join([first, p[0], p[1], second, p[5], p[2]])
    assert len(_spans_after_series_rule(text, second)) == 2


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(2, 4), st.lists(st.sampled_from(GARDEN), min_size=1, max_size=3)),
                min_size=1, max_size=4))
def test_a_markdown_post_is_never_cut_at_its_deeper_headings(
        sections: list[tuple[int, list[str]]]) -> None:
    # whatever the sections' levels, their order and their text, a post titled "# ..." whose
    # other headings are deeper stays one article
    parts = ["# Notes from the library garden", GARDEN[0]]
    for k, (level, paragraphs) in enumerate(sections):
        parts += ["#" * level + f" Part {'ABCD'[k]} of the season", *paragraphs]
    doc = cs.split("\n\n".join(parts))
    assert len(doc.articles) == 1


# A post with a code block (written here): regression, forty-first session (issue 13: never a
# start inside code); a change of vocabulary at the block cut the post at its fence or inside it
CODE_POST = """# Counting words in a folder of notes

I keep my notes as plain text files, one per day, and wanted to know how much I had written each month.

```python
import pathlib
totals = {}
for path in sorted(pathlib.Path("notes").glob("*.txt")):
    month = path.stem[:7]
    totals[month] = totals.get(month, 0) + len(path.read_text().split())
```

Running it over three years of notes showed that I write most in the winter months."""


@pytest.mark.parametrize("start_line", ["```python", "import pathlib", "for path in sorted"])
def test_a_start_at_a_code_blocks_fence_or_inside_it_is_dropped(start_line: str) -> None:
    assert _spans_after_series_rule(CODE_POST, start_line) == [0]


def test_text_right_after_a_closed_code_block_is_no_start() -> None:
    # regression, forty-second session (the forty-first left it to the programme): the text
    # under a program goes on about it ("And the output:", "Running it over ...")
    assert _spans_after_series_rule(CODE_POST, "Running it over") == [0]


def test_a_headline_after_a_closed_code_block_is_left_to_the_programme() -> None:
    text = CODE_POST.replace("Running it over", "Glued onto the notes\n\nRunning it over")
    assert len(_spans_after_series_rule(text, "Glued onto the notes")) == 2


# A chat-model answer with bold subheads (written here): regression, forty-first session (issue
# 13: a text's subheads are never starts); a change of vocabulary cut it at a subhead
BOLD_ANSWER = """Moving to a smaller flat takes some planning, and most of the work happens before \
the van arrives.

**Sorting**

Go through one room a week and decide what stays, what is sold and what is given away. \
Start with the rooms you use least.

**Packing**

Pack books in small boxes, label every box with its room, and keep a box of kettle, mugs \
and chargers for the first night.

**Paperwork**

Tell the council, the bank and your employer about the new address a fortnight ahead, \
and take meter readings on the day.

**The first week**

Unpack the kitchen and the bedroom first; the rest can wait until the weekend."""


@pytest.mark.parametrize("start_line", ["**Packing**", "**Paperwork**"])
def test_a_start_at_a_bold_subhead_among_bold_subheads_is_dropped(start_line: str) -> None:
    assert _spans_after_series_rule(BOLD_ANSWER, start_line) == [0]


def test_a_start_at_the_first_bold_subhead_is_left_to_the_programme() -> None:
    # no bold subhead stands inside the article before it: nothing says the two are one text
    assert len(_spans_after_series_rule(BOLD_ANSWER, "**Sorting**")) == 2


# A wiki page with a table, a quotation and sections (written here): regression, forty-second
# session (issue 13: never a start inside a table or a quotation, nor under a heading); a change
# of vocabulary cut such pages at a table's row, a quotation's line or the text under a heading
WIKI_PAGE = """# Pairing a graphics tablet

Most tablets work out of the box with the generic input driver; the table lists what was tested.

| Model | Pressure | Buttons |
| --- | --- | --- |
| Lumen S2 | Working | Working |
| Lumen S4 pro | Working | Needs a udev rule |
| Corvid 10 | Partly | Not working |

## Pressure curves

The driver reads the curve from its own configuration file, which the desktop rewrites at login.

> If the curve resets after a suspend, reload the module
> and restart the input service before opening the editor.

## Buttons

Buttons are numbered from the top of the pad, and the ring counts as two buttons more.
"""


@pytest.mark.parametrize("start_line", ["| Lumen S4 pro", "| Corvid 10", "> and restart"])
def test_a_start_inside_a_table_or_a_quotation_is_dropped(start_line: str) -> None:
    assert _spans_after_series_rule(WIKI_PAGE, start_line) == [0]


@pytest.mark.parametrize("start_line", ["The driver reads", "Buttons are numbered"])
def test_a_start_right_under_a_markdown_heading_is_dropped(start_line: str) -> None:
    assert _spans_after_series_rule(WIKI_PAGE, start_line) == [0]


@pytest.mark.parametrize("start_line", ["| Model", "> If the curve"])
def test_a_start_at_a_tables_or_quotations_first_line_is_left_to_the_programme(start_line: str) -> None:
    # the line above is prose: nothing says the table or quotation began before the start
    assert len(_spans_after_series_rule(WIKI_PAGE, start_line)) == 2


# A how-to under a plain title with "##" sections (written here): regression, forty-second
# session (issue 13: a heading of one article is never a start); a change of vocabulary cut it
# at a section with sections of the same level on both sides
PLAIN_TITLED = """Keeping sourdough starter through the summer

A starter that thrives in winter can sour in a week of heat, so the routine changes in June.

## Feeding

Feed it twice a day with equal weights of flour and water, and discard half before each feed.

## Storing

Keep the jar in the coolest cupboard, or in the fridge between bakes, with the lid loose.

## Reviving

Two feeds at room temperature bring a chilled starter back before the next loaf.
"""

# A feed of posts, each titled "## ...": the titles are starts, not sections
FEED = """## Ferry timetable changes from Monday

The morning crossing leaves twenty minutes earlier, and the last boat now runs on Sundays too.

## Harbour market returns

Stalls are back on the quay every Saturday, with the fish auction moved to the old shed.

## Lighthouse open for visits

Guided climbs run each afternoon in August; tickets are sold at the harbour office.
"""


def test_a_start_at_a_section_with_sections_of_its_level_on_both_sides_is_dropped() -> None:
    assert _spans_after_series_rule(PLAIN_TITLED, "## Storing") == [0]


def test_a_start_at_the_first_section_is_left_to_the_programme() -> None:
    # no heading of its level stands inside the article before: nothing says they are one text
    assert len(_spans_after_series_rule(PLAIN_TITLED, "## Feeding")) == 2


def test_a_feed_of_posts_titled_at_one_level_keeps_its_starts() -> None:
    # the article before opens on a heading of that level (its title) and holds no other
    assert len(_spans_after_series_rule(FEED, "## Harbour market")) == 2


# A chat-model answer whose first numbered point is a heading and whose next ones are
# paragraphs opening on their numbers (written here): regression, forty-second session (issue
# 13: a numbered step is never a start)
NUMBERED_POINTS = """Why the valley towns should share one bus network

Three councils run three timetables that barely meet, and the riders pay for it twice.

1. One Ticket for Every Route

A single fare zone would let riders change buses at the border without buying again.

2. Fewer empty runs: the evening services of the three councils overlap on the main road, \
and one timetable would free two buses for the villages.

3. Simpler planning: one depot and one set of drivers' rosters make strikes and breakdowns \
easier to cover.
"""


def test_a_start_at_a_numbered_heading_whose_next_item_is_a_paragraph_is_dropped() -> None:
    assert _spans_after_series_rule(NUMBERED_POINTS, "1. One Ticket") == [0]


def test_a_start_at_a_numbered_paragraph_without_its_next_item_is_left_to_the_programme() -> None:
    # the last point: no item of its series follows inside the article it opens
    assert len(_spans_after_series_rule(NUMBERED_POINTS, "3. Simpler")) == 2


# A chat model's cover letter (written here): regression, forty-second session; its closing
# lines under "I look forward to hearing from you." (an assistant's sign-off in shape) were cut
# off as a text of their own
LETTER = """Dear Ms Patel,

I am writing to apply for the position of library assistant advertised on your website last \
week. I have worked for three years at the town's lending library, where I ran the children's \
reading hour and looked after the returns desk on Saturdays.

I enjoy helping readers find what they need, and I am comfortable with the catalogue software \
your branch uses. I would welcome the chance to discuss how I could support your team.

I look forward to hearing from you.

Thank you for your time and consideration.

Best regards,
Jordan Ellis
"""


def test_a_letters_closing_lines_after_a_sign_off_are_no_article() -> None:
    assert _spans_after_series_rule(LETTER, "Thank you for your time", b.Reason.AFTER_SIGN_OFF) == [0]


def test_a_text_of_its_own_after_a_sign_off_stays_a_start() -> None:
    # the same start with a whole text after it: another text glued on after the sign-off
    text = LETTER + "\n" + "\n\n".join(
        f"The ferry company said on Monday that crossing number {n} will leave twenty minutes "
        "earlier from the first of April, after islanders asked for connections to the morning "
        "trains, and that the last boat of the day will run on Sundays as well." for n in range(3))
    assert len(_spans_after_series_rule(text, "Thank you for your time", b.Reason.AFTER_SIGN_OFF)) == 2


def test_short_closing_lines_after_a_start_found_otherwise_are_left_to_the_programme() -> None:
    # no sign-off before them: nothing says a text closed there
    assert len(_spans_after_series_rule(LETTER, "Thank you for your time")) == 2
