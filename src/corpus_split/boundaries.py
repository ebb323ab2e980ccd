"""Decide where one article ends and the next begins, globally, from evidence that generalises.

The document is cut into units (a headline, or a paragraph of body text). A
dynamic programme chooses the article starts that minimise

    sum over articles of  lexical cost(article) + penalty - structural bonus(start)

where the lexical cost is the description length of the article's words under
its own smoothed unigram model (Utiyama & Isahara, 2001): one article that keeps
to its vocabulary is cheap, two articles glued together are cheaper apart. The
structural bonus is the log-odds evidence at the start: a headline whose terms
recur below it but not above, assistant residue before it, a separator, a
change of layout. Section headings of one article share its vocabulary, so
cutting there costs more than it saves; two same-topic stories still split when
a headline announces the second.

Work stays linear: costs are extended incrementally from each candidate start,
and no article is grown past ``MAX_SPAN_TOKENS`` before being extrapolated.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from operator import and_, mul, ne, sub

import regex

from .context import date_line
from .features import LineFeatures, section_heading
from .frontmatter import _FRONT_FENCES
from .language import PROFILED_LANGUAGES, profile_counts, script_language
from .lexical import line_languages, without_link_targets, without_soft_hyphens
from .lines import Layout, Line
from .marks import CLOSERS, ENDS
from .model import Reason, _positional
from .prelim import Role
from .scores import logistic, sentence_model, start_model, translation_model
from .translations import (
    MAX_PARAGRAPHS,
    SAMPLE_CHARS,
    TRANSLATION_FEATURES,
    block_language,
    translation_vector,
)

__all__ = [
    "SENTENCE_FEATURES", "START_FEATURES", "ArticleSpan", "Unit", "bare_sentences", "find_articles",
    "sentence_vectors", "start_vectors",
]

# Lexical cost is computed exactly for articles up to this many content words and
# extrapolated per word beyond; long enough for a long feature story.
MAX_SPAN_TOKENS = 1500
# An article reaches past at most this many later candidate starts: keeps the
# programme linear when units carry no words at all (the chain cannot break, as
# every end is reachable from the candidate just before it).
MAX_SPAN_STARTS = 100
# An article may reach this many times MAX_SPAN_TOKENS words (cost extrapolated
# per word); past it, only the next candidate start is considered.
SPAN_REACH = 4
# Content words on each side of a chosen start that its score and reasons weigh.
SCORE_WINDOW = 250
# How many content words above and below a headline are searched for its terms.
TERM_WINDOW = 250
# Headlines of one run that are compared with the text (teaser lists can be long).
MAX_RUN = 20
# Structural evidence, in nats (the lexical cost's unit). Chosen on the Reuters
# concatenation benchmark (benchmarks/concat.py), not on the seed documents.
BONUS_HEADLINE = 2.0  # any headline-shaped line followed by body text
BONUS_TERMS = 14.0  # times (share of headline terms below - share above)
# A headline with fewer content words than this ("Year", "SOYBEANS" over a table)
# is no evidence of a new article: titles name their subject in more words.
MIN_TITLE_TERMS = 2
# A headline with fewer terms than this is weighed as if it had this many (the
# missing ones found on neither side): one word ("Year" over a table) proves little.
MIN_SHIFT_TERMS = 3
# A headline whose term shift passes this behaves like a title (its words recur only below).
TITLE_TERMS_SHIFT = 0.3
BONUS_PREAMBLE = 40.0  # assistant preamble right before: a new piece begins
BONUS_SIGN_OFF = 8.0  # assistant sign-off right before
BONUS_SIGN_OFF_HEADLINE = 12.0  # ... and a headline after it: the next piece has begun
BONUS_SEPARATOR = 6.0  # a separator line or several blank lines before
BONUS_LANGUAGE = 20.0  # the text after is in another language than the text before
BONUS_POST = 40.0  # a thread's furniture (poster, timestamp) before: each post is an article
# (added after the start model, which is not fitted on posts: the thread parse decides them)
POST_FORCED = 1e6  # the programme's start cost at a post (its score still counts BONUS_POST)
BONUS_SPLICE_HEADLINE = 20.0  # a headline glued onto a word cut off mid-way
BONUS_SPLICE_TEXT = 8.0  # a sentence glued onto a cut-off word (brand names look alike: weaker)
PENALTY_CONTINUATION = 8.0  # text opening on a pronoun or connective ("He said", "But") goes on
PENALTY_PARAGRAPH = 6.0  # a start with no headline, in a document that has headlines
PENALTY_INSIDE_RUN = 8.0  # a start inside a run of headlines (a stray short line may end an article)
# Without a prior, the saving from cutting any long text in two grows with its
# length (sub-topics differ), so long articles fall apart at their sections. This
# prior charges COHESION * n * H(split) nats for cutting n words, so only cuts that
# save more than ~that share per word (a real change of topic) pay for themselves.
COHESION = 0.25
# In text of one sentence per line with no headlines the plain model decides.
COHESION_SENTENCES = 0.0
# ... with its own boundary prior (`BOUNDARY_PRIOR` there) and length below which an article
# pays `SHORT_ARTICLE_PENALTY` (`MIN_ARTICLE_WORDS` there), chosen by
# training/fit_sentences.py on excerpts of web-misc, wiki and chat-model prose (Reuters and
# news-en held back).
BOUNDARY_PRIOR_SENTENCES = 0.7
MIN_ARTICLE_WORDS_SENTENCES = 20
# Text is bare sentences one a line (Choi's layout) when its lines hold at most this many
# sentence ends inside them, per line, abbreviations before names aside ("Mr. Hale"): excerpts
# glued one sentence a line measured at most 0.07 (97th percentile), news stories one
# paragraph a line 0.23 at their 10th (both from news-en, a fitting source); at 0.5, a story
# whose paragraphs were a third of them two sentences long was read as excerpts and shredded.
SENTENCE_LINES_INNER = 0.15
# Text whose headlines open blocks that keep to one topic is sectioned (the prior
# above holds): at least this many blocks, with this median cosine similarity of
# neighbours' words (sectioned pages measured 0.24-0.42, runs of unrelated news
# stories 0.08-0.13). Otherwise headlines are titles of whole articles, cut
# without the prior...
SECTIONED_MIN_BLOCKS = 5
SECTIONED_SIMILARITY = 0.18
# ... and the median term shift of its text-opening headlines stays below
# TITLE_TERMS_SHIFT (the sectioned seed pages measured 0.0-0.2).
COHESION_TITLED = 0.0
# ... and a start that has no headline or other structural cue pays this much.
PENALTY_UNTITLED = 60.0
# Starts whose structural evidence is this bad are not considered at all (they
# would need an implausible change of vocabulary; leaving them out keeps the
# programme fast on long pages).
CANDIDATE_FLOOR = -40.0
# ... and units the start model gives at least these log-odds (about one chance in 20) are.
CANDIDATE_LOG_ODDS = -3.0
# Utiyama-Isahara smooth with k = the vocabulary size. On a long page k grows with
# the page and drowns the segment-size term, so that nothing is worth cutting; it
# is capped at the vocabulary of a few articles (a page of 100 stories: 22 found
# uncapped, 95 capped).
# Characters of text either side of a unit whose language is compared (`_language_changes`):
# enough for a paragraph's stop words, past a line of names or figures
LANGUAGE_WINDOW = 300
# ... of which the leading language must hold this share (a quoted phrase, a name in another
# language, leaves the side's language as it is)
LANGUAGE_SHARE = 0.75
# Characters of a unit's prose read for its language
LANGUAGE_SAMPLE = 400
# How many units from a headline on are read for the language below it (the first that has one).
LOOK_AHEAD_UNITS = 4
# Function words of the leading language a side of Latin script needs, twice the next one's
MIN_FUNCTION_WORDS = 3
MAX_SMOOTHING_VOCABULARY = 1000
# Articles with fewer content words than this pay a growing penalty (nats):
# fragments this short are rarely whole articles.
MIN_ARTICLE_WORDS = 40
SHORT_ARTICLE_PENALTY = 6.0
# Share of the description length of a boundary (log of the word count) charged
# per article at sensitivity 0.5; chosen on the Choi-style and concatenation
# benchmarks (benchmarks/), where 0.3-0.5 did equally well and 1.0 under-split.
BOUNDARY_PRIOR = 0.4
# Sensitivity 0 doubles that penalty, 1 halves it.
SENSITIVITY_RANGE = 2.0


# closing quotes and brackets may stand apart, as in tokenized text ("place . ''")
_SENTENCE_END_RE = regex.compile(rf"[{re.escape(ENDS)}](?:\s?[{re.escape(CLOSERS)}])*$")
# A line that stops on a colon, a comma or a dash leads into the next one.
_UNFINISHED_RE = regex.compile(r"(?:[:,]|\s[-\u2013\u2014]|\u2014)$")
# The last characters a text that `_SENTENCE_END_RE` (`_UNFINISHED_RE`) finds can end on,
# with the line breaks before which ``$`` may match: texts ending otherwise (most lines
# inside paragraphs) are told without a search.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_SENTENCE_END_LAST = frozenset(ENDS + CLOSERS + _LINE_BREAKS)
_UNFINISHED_LAST = frozenset(":,-\u2013\u2014" + _LINE_BREAKS)
_SENTENCE_MARKS = frozenset(ENDS)  # the first character class of `_SENTENCE_END_RE`


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (`_SENTENCE_END_RE` on its last six characters),
    searched only where its last character can end a match and is not the mark itself (the
    pattern then matches that mark alone: most sentences end so)."""
    last = text[-1:]
    if last in _SENTENCE_MARKS:
        return True
    return last in _SENTENCE_END_LAST and _SENTENCE_END_RE.search(text[-6:]) is not None


def _unfinished(text: str) -> bool:
    """Whether ``text`` stops on a colon, a comma or a dash (`_UNFINISHED_RE` on its last three
    characters), searched only where its last character can end a match."""
    return text[-1:] in _UNFINISHED_LAST and _UNFINISHED_RE.search(text[-3:]) is not None

_INNER_SENTENCE_RE = regex.compile(r"[a-z0-9)][.!?]['\"’”]?\s+[A-Z]")
_ABBREVIATION_SHAPE_RE = regex.compile(r"\p{Lu}\p{Ll}{0,3}|\p{Ll}|\w+\.\w+")


@dataclass(frozen=True, slots=True)
class Unit:
    """A headline or a paragraph of body: the atoms an article is built from."""

    first: int
    last: int
    headline: bool
    words: tuple[str, ...]


_new_unit = _positional(Unit)  # Unit(*every field), at half the cost: one a paragraph


@dataclass(frozen=True, slots=True)
class ArticleSpan:
    """An article as a range of units, with the evidence for where it starts."""

    first_unit: int
    last_unit: int
    score: float
    reasons: tuple[Reason, ...]
    gain: float = 0.0  # nats the programme saved by starting here (what ``score`` calibrates)
    lexical: float = 0.0  # the part of ``gain`` the lexical cost gave (calibrated apart)
    log_odds: float = 0.0  # the start model's log-odds for the unit (0 where it was not used)


def build_units(
    layout: Layout, roles: Sequence[Role], feats: Sequence[LineFeatures],
    words: Sequence[tuple[str, ...]],
) -> list[Unit]:
    """Group content lines into units, keeping headlines apart.

    Lines in a writing system other than the document's main one (a Chinese
    passage in an English page) add no words: vocabulary cannot be compared
    across scripts, so such a switch is left to structural evidence.
    """
    units: list[Unit] = []
    new_unit = _new_unit
    lengths = [len(line.text) for line in layout.lines]
    cjk_chars = sum(n for n, f in zip(lengths, feats) if f.cjk_share >= 0.5)
    main_cjk = cjk_chars * 2 > sum(lengths)
    keep = [(f.cjk_share >= 0.5) == main_cjk for f in feats]
    opens = layout.paragraph_starts
    body, headline = Role.BODY, Role.HEADLINE
    first = last = -2  # the first and last line of the unit being gathered (-2: none)
    unit_words: list[str] = []
    for i, role in enumerate(roles):
        if role is body:
            if last == i - 1 and roles[last] is body and not opens[i]:
                last = i  # the paragraph goes on
                if keep[i]:
                    unit_words.extend(words[i])
                continue
        elif role is not headline:
            continue
        if first >= 0:
            units.append(new_unit(first, last, roles[first] is headline, tuple(unit_words)))
            unit_words.clear()
        first = last = i
        if keep[i]:
            unit_words.extend(words[i])
    if first >= 0:
        units.append(new_unit(first, last, roles[first] is headline, tuple(unit_words)))
    return units


_FLOG_SIZE = 4096
# (tables of floats are tuples: the cyclic collector then never walks them)
_FLOG = tuple(f * math.log(f + 1) for f in range(_FLOG_SIZE + 1))
# _FLOG_STEP[f]: how much f*log(f+1) grows when a count goes from f to f+1.
_FLOG_STEP = tuple(_FLOG[f + 1] - _FLOG[f] for f in range(_FLOG_SIZE))


def _flog(f: int) -> float:
    return _FLOG[f] if f <= _FLOG_SIZE else f * math.log(f + 1)


# The units' content words in a row, and the offset in it where each unit starts (and the end).
# Tuples, not lists: they are never changed, and a tuple of strings or ints stops being tracked
# at the collector's first pass, where a list of 90,000 words would be walked by every pass
# that reaches it while the article starts are chosen.
_Flat = tuple[tuple[str, ...], tuple[int, ...]]


def _flatten(units: Sequence[Unit]) -> _Flat:
    """The units' words in one list, with the offsets of the units in it (`_Flat`)."""
    words = tuple(itertools.chain.from_iterable(unit.words for unit in units))
    return words, (0, *itertools.accumulate(len(unit.words) for unit in units))


# The same words as small ints (equal words, equal ints; lists of counts can be indexed by
# them, and they hash and compare faster than strings), and how many distinct words there are.
# (A tuple, as `_Flat` is.)
_WordIds = tuple[tuple[int, ...], int]


def _word_ids(words: Sequence[str]) -> _WordIds:
    """`_WordIds` of ``words`` (the ids in order of first occurrence)."""
    ids = dict(zip(dict.fromkeys(words), itertools.count()))
    return tuple(map(ids.__getitem__, words)), len(ids)


def _headline_shifts(units: Sequence[Unit], flat: _Flat | None = None) -> list[float | None]:
    """The term shift of the run of headlines starting at each headline unit; None elsewhere.
    ``flat`` is `_flatten` of the units, when the caller has it already."""
    # run_end[j]: the first unit at or after j that is not a headline
    run_end = [len(units)] * (len(units) + 1)
    for j in range(len(units) - 1, -1, -1):
        run_end[j] = run_end[j + 1] if units[j].headline else j
    prefix, where = _term_positions(units, flat)
    # each headline's terms, and how many of them recur below a run (by headline and the
    # run's end): a headline in a long run is judged from every start of the run before it,
    # against the same words below
    terms_of = {u: set(unit.words) for u, unit in enumerate(units) if unit.headline}
    found_below: dict[tuple[int, int], int] = {}
    return [
        _term_shift(units, u, run_end, prefix, where, terms_of, found_below)
        if unit.headline and len(unit.words) >= MIN_TITLE_TERMS else None
        for u, unit in enumerate(units)
    ]


def _bonuses(
    units: Sequence[Unit], layout: Layout, roles: Sequence[Role], shifts: Sequence[float | None],
    lower: bool | None = None, languages: Sequence[str | None] | None = None,
) -> tuple[list[float], list[tuple[Reason, ...]]]:
    """Structural evidence for an article starting at each unit (a headed page's paragraphs
    pay more: `_paragraph_penalised`): its value and its reasons, in two lists (no pair per
    unit to build and keep). ``languages``: each line's language as `line_languages` gives
    it (computed here when not given)."""
    changes = _language_changes(units, layout, roles, languages)
    values = [0.0]
    reasons_of: list[tuple[Reason, ...]] = [(Reason.DOCUMENT_START,)]
    lines = layout.lines
    # a lower-case opening carries a sentence on, unless the page is written in lower case
    if lower is None:
        lower = _lower_case_page([lines[u.first].text for u in units], [lines[u.last].text for u in units])
    # inside a run of headlines that an assistant preamble opens
    announced = bool(units) and units[0].headline and Role.PREAMBLE in roles[: units[0].first]
    preamble, sign_off, separator = Role.PREAMBLE, Role.SIGN_OFF, Role.SEPARATOR
    blank_separated = layout.blank_separated
    fences = layout.front_matter.inside if layout.front_matter.found else None
    for u, (prev, unit) in enumerate(zip(units, units[1:]), 1):
        bonus = 0.0
        reasons: list[Reason] = []
        # (most units stand right after the one before: nothing between them to search)
        in_run = prev.headline and unit.headline and prev.last + 1 == unit.first
        between = roles[prev.last + 1 : unit.first] if prev.last + 1 != unit.first else ()
        if between and preamble in between:
            bonus += BONUS_PREAMBLE
            reasons.append(Reason.ASSISTANT_PREAMBLE)
            announced = unit.headline
        elif announced and in_run:
            bonus -= BONUS_PREAMBLE  # the piece the preamble announced starts at the run's head
        else:
            announced = False
        after_sign_off = bool(between) and sign_off in between
        if after_sign_off:
            bonus += BONUS_SIGN_OFF
            reasons.append(Reason.AFTER_SIGN_OFF)
        line = lines[unit.first]
        if (between and separator in between and _separated(roles, fences, prev.last + 1, unit.first)) \
                or line.blank_before >= 3:
            bonus += BONUS_SEPARATOR
            reasons.append(Reason.SEPARATOR)
        if line.spliced:
            bonus += BONUS_SPLICE_HEADLINE if unit.headline else BONUS_SPLICE_TEXT
            reasons.append(Reason.SPLICE)
        shift = shifts[u]
        if shift is not None:
            bonus += BONUS_HEADLINE + shift * BONUS_TERMS
            if after_sign_off:
                bonus += BONUS_SIGN_OFF_HEADLINE
            reasons.append(Reason.HEADLINE)
            if shift > TITLE_TERMS_SHIFT:
                reasons.append(Reason.TITLE_TERMS_BELOW)
            if in_run:
                bonus -= PENALTY_INSIDE_RUN  # a run of headlines starts at its first line
        elif not lower and _continues(line.text):
            bonus -= PENALTY_CONTINUATION
        if (
            not prev.headline and prev.last + 1 == unit.first and not line.spliced
            and _unfinished(lines[prev.last].text)
        ):
            bonus -= PENALTY_CONTINUATION  # the text above announces what follows ("... were:")
        if changes[u]:  # (a title in another language than the text above)
            bonus += BONUS_LANGUAGE
            reasons.append(Reason.LANGUAGE_CHANGE)
        if line.blank_before == 0 and blank_separated:
            reasons.append(Reason.NO_BLANK_LINE)
        values.append(bonus)
        reasons_of.append(tuple(reasons))
    return values, reasons_of


# a word of running text: letters, maybe quoted or bracketed, maybe with punctuation after it
# (not "[INFO]", "+-", "Float#next_float", "2.4.5", "<URL:...>")
_PLAIN_WORD_RE = regex.compile(r"[\"'“‘«„(]*\p{L}[\p{L}'’-]*[\"'”’»).,;:!?…]*")
_CJK_RUN_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def _prose_line(text: str) -> bool:
    """Whether a line is written language whose stop words can tell it: four plain words or
    more and two in three of its tokens plain (or eight Chinese or Japanese characters). A
    changelog's method names, a checksum, a list of versions or a build log is in no
    language, however its few words read. Link targets are no tokens (`without_link_targets`)."""
    if not text.isascii() and len(_CJK_RUN_RE.findall(text)) >= 8:
        return True
    tokens = without_link_targets(text).split()
    plain = sum(1 for t in tokens if _PLAIN_WORD_RE.fullmatch(t))
    return plain >= 4 and 3 * plain >= 2 * len(tokens)


_UnitLanguage = tuple[str, int, tuple[int, ...]]


def _coarse_prose(text: str) -> bool:
    """A cheap first test of `_prose_line` for a line with a language of its own: four spaces
    or more, no bare address once link targets are blanked (`without_link_targets`), a
    twentieth of it figures at most (a URL, a checksum or a list of versions says nothing of
    a language)."""
    text = without_link_targets(text)
    return (text.count(" ") >= 4 and "://" not in text
            and 20 * sum(map(text.count, "0123456789")) <= len(text))


def _coarse_languages(
    units: Sequence[Unit], lines: Sequence[Line], codes: Sequence[str | None], main: str | None,
) -> list[tuple[str | None, int]]:
    """Each unit's language by its lines' (``codes``: `_page_codes`; lines in another language
    than the page's ``main`` one count only as prose by `_coarse_prose`) and the characters
    in it, None where no language holds `LANGUAGE_SHARE` of them: a first look, cheap and noisy."""
    out: list[tuple[str | None, int]] = []
    for unit in units:
        if unit.first == unit.last:  # (most units: a paragraph of one line)
            code = codes[unit.first]
            text = lines[unit.first].text
            if code is None or (code != main and code != "cjk" and not _coarse_prose(text)):
                out.append((None, 0))
            else:
                out.append((code, len(text)))
            continue
        chars: dict[str, int] = {}
        total = 0
        for i in range(unit.first, unit.last + 1):
            code = codes[i]
            text = lines[i].text
            if code is None or (code != main and code != "cjk" and not _coarse_prose(text)):
                continue
            chars[code] = chars.get(code, 0) + len(text)
            total += len(text)
        if not chars:
            out.append((None, 0))
            continue
        code = max(chars, key=chars.__getitem__)
        out.append((code, chars[code]) if chars[code] >= LANGUAGE_SHARE * total else (None, 0))
    return out


def _page_codes(
    lines: Sequence[Line], languages: Sequence[str | None],
) -> tuple[list[str | None], str | None]:
    """Each line's language (`line_languages`; Chinese and Japanese text, which that leaves
    open, as one, "cjk": a line of kanji alone would read as Chinese), and the commonest."""
    codes = [code if code is not None or line.text.isascii() else "cjk"
             for line, code in zip(lines, languages)]
    return codes, Counter(codes).most_common(1)[0][0]


def _second_language(lines: Sequence[Line], codes: Sequence[str | None], main: str | None) -> bool:
    """Whether lines in another language than the page's commonest (``codes`` and ``main``:
    `_page_codes`) run on for a window (`LANGUAGE_WINDOW` characters of prose by
    `_coarse_prose`, lines in no language between them aside): on most pages none does, and
    no more is read."""
    run: str | None = None
    chars = 0
    for line, code in zip(lines, codes):
        if code is None:
            continue
        text = line.text
        if code == main:
            if run is not None and (code == "cjk" or _coarse_prose(text)):
                run = None  # (a line of figures or names in the page's language breaks no run)
            continue
        if code != "cjk" and not _coarse_prose(text):
            continue
        if code != run:
            run, chars = code, 0
        chars += len(text)
        if chars >= LANGUAGE_WINDOW:
            return True
    return False


def _coarse_side(coarse: Sequence[tuple[str | None, int]], order: range) -> str | None:
    """The language `LANGUAGE_SHARE` of the first `LANGUAGE_WINDOW` characters of units
    ``order`` are in by `_coarse_languages`, if one is."""
    chars: dict[str, int] = {}
    total = 0
    for v in order:
        code, k = coarse[v]
        if code is None:
            continue
        chars[code] = chars.get(code, 0) + k
        total += k
        if total >= LANGUAGE_WINDOW:
            break
    if total < LANGUAGE_WINDOW // 3:
        return None
    code = max(chars, key=chars.__getitem__)
    return code if chars[code] >= LANGUAGE_SHARE * total else None


def _unit_text(lines: Sequence[Line], unit: Unit) -> str:
    """A unit's lines joined by spaces."""
    return " ".join(lines[i].text for i in range(unit.first, unit.last + 1))


def _translated(before: Sequence[str], after: Sequence[str]) -> bool:
    """Whether the paragraphs ``after`` translate the paragraphs ``before``: the translation
    model (`scores.TranslationModel`) at or above its floor."""
    check = translation_model()
    return check.probability(translation_vector(before, after)) >= check.floor


def _unit_language(
    lines: Sequence[Line], unit: Unit, code_lines: frozenset[int] = frozenset(),
) -> _UnitLanguage:
    """A unit's script (`language.script_language`, "" for none), the characters of its prose
    lines (`_prose_line`) that say so, and for Latin script the function words of each
    profiled language in them (`language.profile_counts`). Lines of a Markdown code block
    (``code_lines``: `Layout.code_lines`) are no prose: a program's English output quoted in a Russian
    page is in no language of the page's."""
    text = " ".join(lines[i].text for i in range(unit.first, unit.last + 1)
                    if i not in code_lines and _prose_line(lines[i].text))[:LANGUAGE_SAMPLE]
    if not text:
        return ("", 0, ())
    script = "latn" if text.isascii() else script_language(text)
    return (script, len(text), profile_counts(text) if script == "latn" else ())


def _side_language(per: Callable[[int], _UnitLanguage], order: range, reach: int) -> str | None:
    """The language of the prose of units ``order`` (nearest first) over ``reach`` characters:
    the script most of it is in (`LANGUAGE_SHARE`), and for Latin script the profiled
    language whose function words lead twice over (`MIN_FUNCTION_WORDS` at least), else
    "latn"; None when unsure (too little prose, mixed scripts)."""
    chars: Counter[str] = Counter()
    hits = [0] * len(PROFILED_LANGUAGES)
    total = 0
    for v in order:
        script, k, found = per(v)
        if not k:
            continue
        chars[script] += k
        total += k
        if found:
            hits = [a + b for a, b in zip(hits, found)]
        if total >= reach:
            break
    if total < reach // 3 or not chars:
        return None
    script, k = chars.most_common(1)[0]
    if not script or k < LANGUAGE_SHARE * total:
        return None
    if script != "latn":
        return script
    ranked = sorted(hits, reverse=True)
    if ranked[0] < MIN_FUNCTION_WORDS or ranked[0] < 2 * ranked[1]:
        return script  # Latin script, its language unsure: it differs from another script only
    return PROFILED_LANGUAGES[hits.index(ranked[0])]


_LATIN_SIDES = frozenset(("latn", *PROFILED_LANGUAGES))


def _differ(before: str | None, after: str | None) -> bool:
    """Whether two sides' languages (`_side_language`) differ for sure: a side in Latin script
    whose language is unsure differs only from another script."""
    if before is None or after is None or before == after:
        return False
    return not ("latn" in (before, after) and before in _LATIN_SIDES and after in _LATIN_SIDES)


def _language_changes(
    units: Sequence[Unit], layout: Layout, roles: Sequence[Role],
    languages: Sequence[str | None] | None = None,
) -> list[bool]:
    """Per unit, whether it is a headline over prose (`LANGUAGE_WINDOW` characters from it on)
    in another language than the prose before it: evidence of another article (issue 14),
    unless the text after is a translation of the text before (`scores.TranslationModel` at
    its floor). Text that runs on into another language with no title between is no such
    evidence: a generated article may go on in another language (two seeds do).

    The lines' languages (``languages``: `line_languages`, computed here when not given)
    find where one may change; there the prose alone is read, by script and by the function
    words of the profiled languages, and the unit itself must read as the new language (or
    as none) and the one above as the old, so that the change is placed where it happens.
    """
    n = len(units)
    out = [False] * n
    if n < 2:
        return out
    lines = layout.lines
    if languages is None:
        languages = line_languages([line.text for line in lines], [r.is_content for r in roles])
    codes, main = _page_codes(lines, languages)
    if not _second_language(lines, codes, main):
        return out  # (most pages)
    coarse = _coarse_languages(units, lines, codes, main)
    if len({code for code, _ in coarse if code is not None}) < 2:
        return out  # one language on the whole page: nothing changes
    maybe = []
    last: str | None = None  # the language of the last unit above that has one
    for u in range(1, n):
        code = coarse[u - 1][0] or last
        last = code
        if not units[u].headline:
            continue
        # the first language below it (a short title over a dateline, "Новая версия Python" over
        # "Москва, 12 марта.", has none of its own)
        ahead = next((c for c, _ in coarse[u : u + LOOK_AHEAD_UNITS] if c is not None), None)
        if ahead is None or code is None or ahead == code:
            continue  # (the windows can only disagree where the units' own languages do)
        before = _coarse_side(coarse, range(u - 1, -1, -1))
        after = _coarse_side(coarse, range(u, n)) if before is not None else None
        if after is not None and after != before:
            maybe.append(u)
    if not maybe:
        return out
    known: dict[int, _UnitLanguage] = {}
    code_lines = layout.code_lines

    def per(v: int) -> _UnitLanguage:
        found = known.get(v)
        if found is None:
            found = known[v] = _unit_language(lines, units[v], code_lines) if 0 <= v < n else ("", 0, ())
        return found

    for u in maybe:
        # the first prose below (a title with figures, a list of names has none of its own),
        # past no other headline: in a run of headings the change stands at the last ones
        prose = next((v for v in range(u, min(n, u + LOOK_AHEAD_UNITS)) if per(v)[1]), None)
        if prose is None or any(units[v].headline for v in range(u + 1, prose)):
            continue
        before = _side_language(per, range(u - 1, -1, -1), LANGUAGE_WINDOW)
        after = _side_language(per, range(u, n), LANGUAGE_WINDOW)
        below = _side_language(per, range(prose, prose + 1), 1)  # (the new language, or none)
        above = _side_language(per, range(u - 1, u), 1)  # (the old one, or none)
        if not (_differ(before, after) and not _differ(below, after) and not _differ(above, before)):
            continue
        # a version of the text above in another language (a letter and its translations)
        # is no other article: each side compared as far as its language goes
        first = u
        while first > max(0, u - MAX_PARAGRAPHS) and not _differ(
                _side_language(per, range(first - 1, first), 1), before):
            first -= 1
        end = u + 1
        while end < min(n, u + MAX_PARAGRAPHS) and not _differ(
                _side_language(per, range(end, end + 1), 1), after):
            end += 1
        out[u] = not _translated([_unit_text(lines, units[v]) for v in range(first, u)],
                                 [_unit_text(lines, units[v]) for v in range(u, end)])
    return out


def _separated(roles: Sequence[Role], fences: bytes | None, lo: int, hi: int) -> bool:
    """Whether a separator line among lines ``lo`` to ``hi - 1`` stands outside front matter
    (``fences``: `FrontMatter.inside`, None on a page without any): the "---" that closes a
    post's metadata block heads that post's text, it does not part two articles, and the one
    that opens a later post's block is that post's evidence (`_after_front_matter`), not a
    separator's."""
    if fences is None:
        return True
    return any(roles[i] is Role.SEPARATOR and not fences[i] for i in range(lo, hi))


def _paragraph_penalised(
    values: Sequence[float], reasons: Sequence[tuple[Reason, ...]], shifts: Sequence[float | None],
) -> list[float]:
    """The bonus values of a headed page, from `_bonuses` (the reasons stay): a unit with no
    headline and no other reason than NO_BLANK_LINE pays PENALTY_PARAGRAPH (on such a page
    articles open at headlines, not at bare paragraphs). Bonuses are sums of the
    whole-number constants above, exact in floats in any order."""
    no_blank = (Reason.NO_BLANK_LINE,)
    return [
        b - PENALTY_PARAGRAPH if u and shifts[u] is None and (not r or r == no_blank) else b
        for u, (b, r) in enumerate(zip(values, reasons))
    ]


def _headed(headlines: int, n_units: int) -> bool:
    """Whether a page with this many headlines among its units is a headed one (titled or
    sectioned), not text with a stray short line or two."""
    return headlines >= 2 and headlines * 12 >= n_units // 4


def _after_furniture(units: Sequence[Unit], roles: Sequence[Role], u: int) -> bool:
    """Whether a thread's furniture stands between unit ``u`` and the one before it."""
    return Role.FURNITURE in roles[units[u - 1].last + 1 : units[u].first]


def _subject_above(units: Sequence[Unit], roles: Sequence[Role], u: int) -> bool:
    """Whether the unit before ``u`` is a post's subject: a headline of one line with its
    post's header (a thread's furniture) between it and ``u``, and lines that are no text
    above it (furniture, or the page's chrome over the first post), not a paragraph it ends."""
    v = units[u - 1]
    return (u > 1 and v.headline and v.first == v.last and roles[v.last + 1] is Role.FURNITURE
            and units[u - 2].last + 1 < v.first)


def _after_front_matter(units: Sequence[Unit], layout: Layout) -> list[int]:
    """The units (after the first) that a post's front matter opens: headlines whose line is
    the block's title key (`FrontMatter.titles`; the roles make it a headline)."""
    is_title = layout.front_matter.is_title
    return [u for u in range(1, len(units)) if units[u].headline and is_title(units[u].first)]


def _sectioned(units: Sequence[Unit], shifts: Sequence[float], flat: _Flat) -> bool:
    """Whether the blocks that headlines open keep to one topic (sections of long articles).

    ``shifts`` are the term shifts of the headlines that open text: a section
    heading's words recur above it as well as below, a title's only below, so
    headlines that mostly behave like titles are titles of same-topic stories.
    ``flat`` is `_flatten` of the units. The shifts are weighed first: where the headlines
    behave like titles (on news pages, most often) no block's words need counting.
    """
    ordered = sorted(shifts)
    if ordered and ordered[len(ordered) // 2] >= TITLE_TERMS_SHIFT:
        return False
    words, offsets = flat
    opens = [0] + [i for i in range(1, len(units)) if units[i].headline and not units[i - 1].headline]
    blocks = [Counter(words[offsets[a] : offsets[b]]) for a, b in zip(opens, [*opens[1:], len(units)])]
    norms = [math.hypot(*block.values()) for block in blocks]  # each block's, once
    sims = sorted(_cosine(blocks[i], blocks[i + 1], norms[i] * norms[i + 1])
                  for i in range(len(blocks) - 1) if blocks[i] and blocks[i + 1])
    return len(sims) >= SECTIONED_MIN_BLOCKS - 1 and sims[len(sims) // 2] >= SECTIONED_SIMILARITY


def _cosine(a: Counter[str], b: Counter[str], norm: float) -> float:
    """The cosine of two word counts whose norms multiply to ``norm``."""
    shared = a.keys() & b.keys()
    dot = sum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))
    return dot / norm if norm else 0.0


def _one_sentence_per_line(layout: Layout) -> bool:
    """Whether the text is a bare run of sentences, one per line (no paragraphs, no wrapping)."""
    lines = layout.lines
    if layout.blank_separated or layout.wrap_width is not None or len(lines) < 3:
        return False
    sample = lines[:: max(1, len(lines) // 200)]
    ends = sum(1 for ln in sample if _ends_sentence(ln.text))
    inner = sum(_inner_sentence_ends(ln.text[:2000]) for ln in sample)
    return ends >= 0.7 * len(sample) and inner <= SENTENCE_LINES_INNER * len(sample)


def _title_shaped(layout: Layout, units: Sequence[Unit]) -> list[bool]:
    """Whether each unit is a headline that does not end like a sentence."""
    lines = layout.lines
    return [u.headline and not _ends_sentence(lines[u.first].text) for u in units]


def bare_sentences(layout: Layout, units: Sequence[Unit], title_shaped: Sequence[bool] | None = None) -> bool:
    """Whether the text is bare sentences, one a line, with no titles (Choi's layout), where the
    lexical cost and the sentence model decide (``title_shaped``: `_title_shaped`, if known)."""
    if not units:
        return False
    shaped = _title_shaped(layout, units) if title_shaped is None else title_shaped
    # bare sentences have no title: a text that opens on one is an article, one a line
    return (_one_sentence_per_line(layout) and not _headed(sum(shaped), len(units))
            and not shaped[0])


def _inner_sentence_ends(text: str) -> int:
    """Sentence ends inside a line, not counting a full stop after an abbreviation's shape
    (a capital and up to three small letters, one small letter, or dotted: "Mr.", "Sen.", "v.",
    "p.m."), which in running text stands before a name more often than it ends a sentence."""
    n = 0
    for m in _INNER_SENTENCE_RE.finditer(text):
        end = m.start() + 1  # the mark
        if text[end] == ".":
            token = text[:end].rsplit(None, 1)[-1].lstrip("\"'“‘(")
            if _ABBREVIATION_SHAPE_RE.fullmatch(token):
                continue
        n += 1
    return n


def _term_shift(
    units: Sequence[Unit], u: int, run_end: Sequence[int], prefix: Sequence[int],
    where: dict[str, list[int]], terms_of: dict[int, set[str]] | None = None,
    found_below: dict[tuple[int, int], int] | None = None,
) -> float:
    """How much better a run of headlines matches the text below it than the text above.

    For each headline of the run starting at unit ``u``: the share of its terms
    found in the TERM_WINDOW words below the run minus the share found in those
    above it; the best headline counts (teaser links above a title share nothing
    with either side). ``where`` holds each headline term's word positions; ``terms_of``
    each headline's terms and ``found_below`` how many of a headline's terms recur below a
    position, kept from call to call (the shares are counts: the same floats however found).
    """
    j = u
    while (
        j < len(units) and j - u < MAX_RUN and units[j].headline
        and (j == u or units[j - 1].last + 1 == units[j].first)
    ):
        j += 1
    below = prefix[run_end[j]]
    above = prefix[u]
    shifts = []
    # (a run of one headline is judged once: nothing to keep)
    known = found_below if found_below is not None and j - u > 1 else None
    for h in range(u, j):
        terms = set(units[h].words) if terms_of is None else terms_of[h]
        if not terms:
            continue
        shift = None if known is None else known.get((h, below))
        if shift is None:
            shift = 0
            for term in terms:
                spots = where[term]
                k = bisect_left(spots, below)
                shift += k < len(spots) and spots[k] < below + TERM_WINDOW
            if known is not None:
                known[(h, below)] = shift
        for term in terms:
            spots = where[term]
            k = bisect_left(spots, above - TERM_WINDOW)
            shift -= k < len(spots) and spots[k] < above
        shifts.append(shift / max(len(terms), MIN_SHIFT_TERMS))
    return max(shifts, default=0.0)


def _term_positions(
    units: Sequence[Unit], flat: _Flat | None = None,
) -> tuple[tuple[int, ...], dict[str, list[int]]]:
    """Word offsets where each unit starts, and where each headline term occurs (sorted)."""
    words, prefix = flat if flat is not None else _flatten(units)
    where: dict[str, list[int]] = {w: [] for unit in units if unit.headline for w in unit.words}
    for pos, w in enumerate(words):
        spots = where.get(w)
        if spots is not None:
            spots.append(pos)
    return prefix, where


# The evidence the fitted start model weighs at each unit (see `start_vectors`).
START_FEATURES: tuple[str, ...] = (
    "headline", "has_shift", "shift", "in_run", "preamble_before", "sign_off_before",
    "separator_before", "log_chrome_before", "log_links_before", "spliced", "continuation",
    "unfinished_before", "no_blank_line", "blank_lines", "md_level", "md_deeper", "md_shallowest",
    "numbered", "next_list", "structural", "overlap_30", "overlap_150", "position",
    "headline_share", "repeats_headline", "first_title_overlap", "cjk", "log_words_first_line",
    "question", "colon", "prev_headline", "gap", "announced_run", "same_style_as_first",
    "headline_x_overlap", "headline_x_shift", "structural_x_overlap", "headline_x_top_style",
    "cosine_100", "cosine_100_vs_page", "log_prev_words", "prev_ends_sentence", "new_names",
    "has_names", "log_short_run_before", "log_words", "script_change", "headline_x_cosine",
    "structural_x_cosine", "headline_x_new_names", "structural_x_new_names",
    "headline_x_cosine_vs_page", "structural_x_prev_ends", "markdown_x_cosine",
    "structural_evidence", "headline_x_words_vs_first", "headline_x_log_words_since_headline",
    "front_matter_before", "headline_x_dated",
)
# Features that are zero at most units: those that a unit with no structure (no headline,
# nothing between it and the unit before, at most one blank line, no splice) cannot have, and
# the shapes of its opening and of the text above that plain paragraphs rarely show. The start
# model weighs rows where all are zero with them fixed (`StartModel.log_odds_columns`, which
# checks each row): about nine in ten paragraphs of newswire, at half the comparisons.
_MOSTLY_ZERO = tuple(START_FEATURES.index(name) for name in (
    "continuation", "unfinished_before", "no_blank_line", "numbered", "next_list",
    "first_title_overlap", "cjk", "question", "colon", "structural_evidence",
    "headline", "has_shift", "shift", "in_run", "preamble_before", "sign_off_before",
    "separator_before", "log_chrome_before", "log_links_before", "spliced", "md_level",
    "md_deeper", "md_shallowest", "structural", "overlap_30", "overlap_150", "repeats_headline",
    "gap", "announced_run", "same_style_as_first", "headline_x_overlap", "headline_x_shift",
    "structural_x_overlap", "headline_x_top_style", "script_change", "headline_x_cosine",
    "structural_x_cosine", "headline_x_new_names", "structural_x_new_names",
    "headline_x_cosine_vs_page", "structural_x_prev_ends", "markdown_x_cosine",
    "headline_x_words_vs_first", "headline_x_log_words_since_headline", "front_matter_before",
    "headline_x_dated",
))
_MD_HEADING_RE = regex.compile(r"^(#{1,6})\s")
_NUMBERED_RE = regex.compile(
    r"^(?:#{1,6}\s+)?(?:\*\*)?(?:\d{1,3}[.):]|\(\d{1,3}\)|[-*•]\s|\p{L}{2,12}\s+\d{1,3}\s*[:.)-])"
)
# _NUMBERED_RE for ASCII text, in ``re`` (cheaper to call): there \p{L} is A-Z and a-z, \d is
# 0-9 and \s the six characters below
_NUMBERED_ASCII_RE = re.compile(
    r"(?:#{1,6}[\t\n\x0b\x0c\r ]+)?(?:\*\*)?(?:[0-9]{1,3}[.):]|\([0-9]{1,3}\)|[-*][\t\n\x0b\x0c\r ]"
    r"|[A-Za-z]{2,12}[\t\n\x0b\x0c\r ]+[0-9]{1,3}[\t\n\x0b\x0c\r ]*[:.)-])"
)
_LIST_START_RE = regex.compile(r"^(?:[-*•]\s|\d{1,3}[.)]\s)")
_OVERLAP_WINDOWS = (30, 150)


def _overlaps(previous: Sequence[int], at: int, short: int, long: int) -> tuple[float, float]:
    """The share of the (distinct) ``w`` words from ``at`` on also found among the ``5 * w``
    words before it, at windows ``w`` = ``short`` <= ``long``; 0.0 when nothing follows.
    ``previous`` is `_previous` of the words: a word's first occurrence from ``at`` on is the
    one whose previous occurrence lies before ``at``, and it is found before when that
    occurrence lies in the window (no sets built; the same counts as of sets of the words, so
    the same floats). One pass over the ``long`` words: the first ``short`` are the short
    window's."""
    low_short, low_long = max(0, at - 5 * short), max(0, at - 5 * long)  # (low_long <= low_short)
    distinct = shared_short = shared_long = 0
    for p in previous[at : at + short]:
        if p < at:
            distinct += 1
            if p >= low_long:
                shared_long += 1
                if p >= low_short:
                    shared_short += 1
    distinct_short = distinct
    for p in previous[at + short : at + long]:
        if p < at:
            distinct += 1
            if p >= low_long:
                shared_long += 1
    return (shared_short / distinct_short if distinct_short else 0.0,
            shared_long / distinct if distinct else 0.0)


def _previous(ids: Sequence[int], n_ids: int) -> list[int]:
    """Per word of ``ids`` (`_WordIds`), where the same word occurred last before it (-1: nowhere)."""
    last = [-1] * n_ids
    out = [-1] * len(ids)
    for at, w in enumerate(ids):
        out[at] = last[w]
        last[w] = at
    return out

# Content words on each side of every unit start whose sets are compared (cosine).
_COSINE_WINDOW = 100
# Lines above a unit whose capitalised words count as already named.
_NAMES_LINES = 40
# A unit of at most this many content words is short (names, dates, "Reply" between comments).
_SHORT_UNIT = 6
# a capitalised word inside a sentence (after a small letter, a figure or a comma): a name,
# not a sentence's first word
_NAME_RE = regex.compile(r"(?<=[\p{Ll}\d,;]\s)\p{Lu}\p{Ll}+")
# _NAME_RE for ASCII text: there \p{Ll} and \p{Lu} are a-z and A-Z, \d is 0-9 and \s the six below
# (the capital first: ``re`` then skips to the capitals instead of trying the lookbehind
# at every character)
_NAME_ASCII_RE = re.compile(r"[A-Z](?<=[a-z0-9,;][\t\n\x0b\x0c\r ][A-Z])[a-z]+")
# _NAME_RE's two halves: the character before the space, and the name
_NAME_BEFORE_RE = regex.compile(r"[\p{Ll}\d,;]")
_NAME_START_RE = regex.compile(r"\p{Lu}\p{Ll}+")
_NAME_START_ASCII_RE = re.compile(r"[A-Z][a-z]+")  # _NAME_START_RE for ASCII text, in ``re``
_CJK_CHAR_RE = re.compile("[\u3000-\u9fff]")
# A line whose last character is one of these ends a sentence.
_SENTENCE_END_CHARS = frozenset(ENDS + "…" + CLOSERS.replace("'", ""))  # (an apostrophe ends words)


def _word_count(text: str) -> int:
    """``len(text.split())`` without splitting: when the only whitespace of a text is single
    spaces between words (a printable text holds no other whitespace), it has one word more
    than spaces (a stripped line, most often)."""
    if text[:1] not in _SPACE_OR_NOTHING and text[-1] != " " and text.isprintable() and "  " not in text:
        return text.count(" ") + 1
    return len(text.split())


_SPACE_OR_NOTHING = ("", " ")


def _cjk_start(text: str) -> bool:
    """Whether one of the first 20 characters is CJK (U+3000 to U+9FFF); ASCII text never is."""
    return not text.isascii() and _CJK_CHAR_RE.search(text, 0, 20) is not None


_LOWER_RE = regex.compile(r"\p{Ll}")


def _continues(text: str) -> bool:
    """Whether ``text`` opens on a lower-case letter, carrying a sentence on from the text
    before it (articles rarely start so); told without a pattern when that letter is ASCII."""
    first = text[:1]
    if first.isascii():
        return "a" <= first <= "z"
    return _LOWER_RE.match(first) is not None


def _lower_case_page(firsts: Sequence[str], lasts: Sequence[str]) -> bool:
    """Whether text is written all in lower case (as some corpora are), where an opening in
    lower case is no evidence of a sentence carrying on: of the units that read as a
    sentence (three spaces or more, a full stop, question or exclamation mark at the end)
    after a unit that ends one, at least `_MIN_LOWER_PAGE` and half open in lower case.
    ``firsts`` and ``lasts`` hold each unit's first and last line. (Code and list lines, which
    often open in lower case, are not such sentences; cased text broken mid-sentence opens
    in lower case only where no sentence ended.)"""
    after = [first for first, last in zip(firsts[1:], lasts)
             if first.count(" ") >= 3 and _ends_sentence(first) and _ends_sentence(last)]
    lower = sum(map(_continues, after))
    return lower >= _MIN_LOWER_PAGE and 2 * lower >= len(after)


_MIN_LOWER_PAGE = 3


def _list_start(text: str) -> bool:
    """Whether `_LIST_START_RE` matches ``text``; its match opens on a bullet or a digit, so a
    line opening on any other ASCII character is passed over without the pattern."""
    first = text[:1]
    if first and first.isascii() and first not in _LIST_FIRST:
        return False
    return _LIST_START_RE.match(text) is not None


_LIST_FIRST = frozenset("-*0123456789")
# math.log1p of the small counts that the start rows read (the same floats, looked up)
_LOG1P = tuple(math.log1p(i) for i in range(11))


def _cosines(ids: Sequence[int], n_ids: int, offsets: Sequence[int]) -> list[float]:
    """Set cosine of the content words just before and just after each unit's start (words as
    `_WordIds`, ``offsets`` of the units' starts and the end). The two windows slide along
    the text, counting each word in them, their distinct words and those in both: a word
    enters the window after, passes from it to the window before in one step, and leaves,
    where a set of each window would take every word a hundred times (the same counts as
    of sets, so the same floats)."""
    w = _COSINE_WINDOW
    end = len(ids)
    before, after = [0] * n_ids, [0] * n_ids  # counts in ids[lo:mid] and ids[mid:hi]
    lo = mid = hi = 0  # (each edge only moves on)
    n_before = n_after = shared = 0
    out = [0.0]
    sqrt = math.sqrt
    for at in offsets[1:-1]:
        # before: ids[max(0, at - w) : at], after: ids[at : at + w]
        for x in ids[hi : at + w]:
            c = after[x]
            after[x] = c + 1
            if not c:
                n_after += 1
                if before[x]:
                    shared += 1
        hi = min(end, at + w)
        for x in ids[mid:at]:  # (all in the window after by now)
            c = before[x]
            before[x] = c + 1
            d = after[x] - 1
            after[x] = d
            if c:
                if not d:  # was in both, now only before
                    n_after -= 1
                    shared -= 1
            else:
                n_before += 1
                if d:
                    shared += 1
                else:
                    n_after -= 1
        mid = at
        for x in ids[lo : max(0, at - w)]:
            c = before[x] - 1
            before[x] = c
            if not c:
                n_before -= 1
                if after[x]:
                    shared -= 1
        lo = max(0, at - w)
        out.append(shared / sqrt(n_after * n_before) if n_after and n_before else 0.0)
    return out


def _names(text: str) -> list[str]:
    """``_NAME_RE.findall(text)``, soft hyphens dropped; ASCII text through the same pattern
    in ``re`` (faster)."""
    if text.isascii():
        return _NAME_ASCII_RE.findall(text)
    return _NAME_RE.findall(without_soft_hyphens(text))


def _new_names(units: Sequence[Unit], layout: Layout) -> tuple[list[float], list[float]]:
    """Per unit: the share of names (capitalised words inside sentences) in its first lines
    not seen in the content lines just above, and whether it has any (1.0 or 0.0): new
    names against names that carry on."""
    lines = layout.lines
    # a name is seen when one of the last _NAMES_LINES content lines read holds it: the
    # number (counted from 1) of the last such line, for every name met so far
    last_line: dict[str, int] = {}
    read = 0
    shares = [0.5]
    has = [0.0]
    find_ascii = _NAME_ASCII_RE.findall  # (`_names` of ASCII text, without the call)
    for u, unit in enumerate(units):
        texts = [line.text for line in lines[unit.first : unit.last + 1]]
        found = [find_ascii(text[:2000]) if text.isascii() else _names(text[:2000]) for text in texts]
        if u:
            names = _opening_names(texts[:3], found)
            if names:
                oldest = read - _NAMES_LINES  # seen: read in a line numbered above this
                seen = map(last_line.get, names, itertools.repeat(oldest))
                shares.append(sum(map(oldest.__ge__, seen)) / len(names))
                has.append(1.0)
            else:
                shares.append(0.5)
                has.append(0.0)
        for line_names in found:
            read += 1
            if line_names:
                last_line.update(dict.fromkeys(line_names, read))
    return shares, has


def _opening_names(texts: Sequence[str], found: Sequence[list[str]]) -> set[str]:
    """The names in the first 400 characters of a unit's first three lines (``texts``)
    joined by spaces.

    ``found`` holds the names of each of the unit's lines. Joined, the lines hold those and
    a name opening a line after one that ends as a sentence goes on (a lower-case letter,
    a figure, a comma); so the joined text is searched only when it is longer than 400.
    """
    if len(texts) == 1:
        return set(found[0]) if len(texts[0]) <= 400 else set(_names(texts[0][:400]))
    if sum(map(len, texts)) + len(texts) - 1 > 400:
        return set(_names(" ".join(texts)[:400]))
    names = set(found[0])
    for k in range(1, len(texts)):
        names.update(found[k])
        if _name_follows(texts[k - 1][-1], texts[k]):
            start = (_NAME_START_ASCII_RE if texts[k].isascii() else _NAME_START_RE).match(texts[k])
            if start is not None:
                names.add(start.group())
    return names


def _name_follows(last: str, text: str) -> bool:
    """Whether a name may open ``text`` after a line ending on ``last``: `_NAME_BEFORE_RE`
    matches ``last`` and ``text`` opens on an upper-case letter; ASCII characters are told
    without the patterns."""
    if last.isascii():
        if last not in _NAME_BEFORE_ASCII:
            return False
    elif _NAME_BEFORE_RE.match(last) is None:
        return False
    first = text[:1]
    return not first.isascii() or "A" <= first <= "Z"


_NAME_BEFORE_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz0123456789,;")


def _style(text: str) -> tuple[int, bool, bool]:
    """A headline's typography: Markdown level, bold, all capitals."""
    return _md_level(text), text.startswith(("**", "__")), text.isupper()


def _md_level(text: str) -> int:
    """The Markdown heading level of ``text`` (0: none); one not opening on "#" is not searched."""
    if text[:1] != "#":
        return 0
    m = _MD_HEADING_RE.match(text)
    return len(m.group(1)) if m else 0


def _dated_head(lines: Sequence[Line], first: int) -> bool:
    """Whether a date line (`context.date_line`) stands just above a headline or within the
    three lines below it: a post's header (title and dateline), on index pages and feeds."""
    near = range(max(0, first - 1), min(len(lines), first + 4))
    return any(i != first and date_line(lines[i].text) for i in near)


def start_vectors(
    units: Sequence[Unit], layout: Layout, roles: Sequence[Role], shifts: Sequence[float | None],
) -> list[list[float]]:
    """The evidence for an article starting at each unit, as numbers (`START_FEATURES`).

    Per unit, never per document switch: the unit's own shape and markup level against the
    document's headings, what stands between it and the unit before (residue, chrome,
    separators, blank lines, a splice, a post's front matter), a dateline by a headline,
    how it opens, and lexical cohesion across it at two
    window sizes (computed where there is structure; a bare paragraph break leaves that to
    the programme's lexical cost). Unit 0 gets a row of zeros.
    """
    rows = [[0.0] * len(START_FEATURES)]
    rows += map(list, zip(*_start_columns(units, layout, roles, shifts)))
    return rows


def _start_columns(
    units: Sequence[Unit], layout: Layout, roles: Sequence[Role], shifts: Sequence[float | None],
    evidence: Sequence[float] | None = None, flat: _Flat | None = None,
    lower: bool | None = None, ids: _WordIds | None = None,
) -> list[list[float]]:
    """`start_vectors` of units 1.. as columns, one list per feature in `START_FEATURES` order.

    Column by column, most of them are passes in C over per-unit lists, and what only a
    headline or a unit with lines between it and the one before can have is filled in for
    those alone (the same floats as row by row). ``evidence`` is `_bonuses` without the
    page-level switches other than a lower-case page (its values), ``flat`` `_flatten` of the units and
    ``lower`` `_lower_case_page` of them, and ``ids`` `_word_ids` of the flat words, when the
    caller has them.
    """
    lines = layout.lines
    n = len(units)
    if n < 2:
        return [[] for _ in START_FEATURES]
    m = n - 1
    words, offsets = flat if flat is not None else _flatten(units)
    word_ids, n_ids = ids if ids is not None else _word_ids(words)
    heads = [unit.headline for unit in units]
    firsts = [unit.first for unit in units]
    lasts = [unit.last for unit in units]
    sizes = [len(unit.words) for unit in units]
    first_lines = list(map(lines.__getitem__, firsts))
    texts = [line.text for line in first_lines]
    last_texts = [lines[i].text for i in lasts]
    blanks = [line.blank_before for line in first_lines][1:]
    spliced = [line.spliced for line in first_lines][1:]
    head_units = [u for u in range(1, n) if heads[u]]
    levels = [0] * n
    for u in range(n):
        if heads[u]:
            levels[u] = _md_level(texts[u])
    used = [lv for lv in levels if lv]
    top = min(used) if used else 0
    first_head = next((u for u in range(n) if heads[u]), None)
    first_title = next((set(unit.words) for unit in units if unit.headline and unit.words), set())
    first_style = None if first_head is None else _style(texts[first_head])
    first_size = 0.0 if first_head is None else math.log1p(sizes[first_head])
    cosines = _cosines(word_ids, n_ids, offsets)[1:]
    ordered = sorted(cosines)
    typical = ordered[len(ordered) // 2]
    new_names, has_names = (column[1:] for column in _new_names(units, layout))
    # the hand-set structural evidence (a headline whose terms recur below it, residue,
    # separators, splices, openings that refer back) as one feature the fit weighs; read
    # without the page-level switches (but for a page written in lower case, where an opening
    # in lower case is no evidence), so that it is the unit's own
    if lower is None:
        lower = _lower_case_page(texts, last_texts)
    if evidence is None:
        evidence = _bonuses(units, layout, roles, shifts, lower)[0]
    log1p = math.log1p
    log_words = list(map(log1p, sizes))
    zeros = [0.0] * m
    # units with lines between them and the one before (most units stand side by side)
    gaps = [lasts[u - 1] + 1 != firsts[u] for u in range(1, n)]
    preamble, sign_off, separator, chrome, links = (zeros.copy() for _ in range(5))
    fences = layout.front_matter.inside if layout.front_matter.found else None
    for r in itertools.compress(range(m), gaps):
        between = roles[lasts[r] + 1 : firsts[r + 1]]
        if Role.PREAMBLE in between:
            preamble[r] = 1.0
        if Role.SIGN_OFF in between:
            sign_off[r] = 1.0
        if Role.SEPARATOR in between and _separated(roles, fences, lasts[r] + 1, firsts[r + 1]):
            separator[r] = 1.0
        chrome[r] = log1p(between.count(Role.CHROME))
        links[r] = log1p(between.count(Role.LINK))
    for r, blank in enumerate(blanks):
        if blank >= 3:
            separator[r] = 1.0
    h = list(map(float, heads[1:]))
    structural = [head or gap or blank >= 2 or splice
                  for head, gap, blank, splice in zip(heads[1:], gaps, blanks, spliced)]
    st = list(map(float, structural))
    overlap_a, overlap_b = zeros.copy(), zeros.copy()
    previous = _previous(word_ids, n_ids)
    for r in itertools.compress(range(m), structural):
        overlap_a[r], overlap_b[r] = _overlaps(previous, offsets[r + 1], *_OVERLAP_WINDOWS)
    # what only headlines have: a run of them, a repeat, the first one's style, an
    # announcement by a preamble, a date line by them, the words since the last one
    in_run, repeats, announced_run, same_style, top_style, since_head, dated = (
        zeros.copy() for _ in range(7))
    announced = [False] * n
    announced[0] = heads[0] and Role.PREAMBLE in roles[: firsts[0]]
    seen_heads = {texts[0].casefold()} if heads[0] else set()
    last_head = 0 if heads[0] else -1
    for u in head_units:
        r = u - 1
        run = heads[r] and not gaps[r]
        announced[u] = bool(preamble[r]) or (announced[r] and run)
        if run:
            in_run[r] = 1.0
            if announced[u]:
                announced_run[r] = 1.0
        key = texts[u].casefold()
        if key in seen_heads:
            repeats[r] = 1.0
        seen_heads.add(key)
        if _style(texts[u]) == first_style:
            same_style[r] = 1.0
            if levels[u] == top:
                top_style[r] = 1.0
        # words since the last headline: sections run a few paragraphs, articles longer
        since_head[r] = log1p(offsets[u] - offsets[last_head + 1])
        last_head = u
        if _dated_head(lines, firsts[u]):
            dated[r] = 1.0
    shift_value = [shift or 0.0 for shift in shifts[1:]]
    level_of = levels[1:]
    prev_heads = heads[:-1]
    numbered, numbered_ascii = _NUMBERED_RE.match, _NUMBERED_ASCII_RE.match
    no_blank = (
        [1.0 if blank == 0 else 0.0 for blank in blanks] if layout.blank_separated else zeros)
    sentence_ends = _SENTENCE_END_CHARS
    prev_ends = [text[-1:] in sentence_ends for text in last_texts[:-1]]
    cjk_first = list(map(_cjk_start, texts))[1:]
    cjk_last = list(map(_cjk_start, last_texts))[:-1]
    short_runs = []
    short_run = 0
    for size in sizes[:-1]:
        short_run = short_run + 1 if size <= _SHORT_UNIT else 0
        short_runs.append(_LOG1P[min(short_run, 10)])
    cosine_vs_page = [cosine - typical for cosine in cosines]
    own_words = log_words[1:]
    inside = layout.front_matter.inside  # a post's front matter opens it, wherever it stands
    front = (
        [1.0 if any(inside[lasts[u - 1] + 1 : firsts[u] + 1]) else 0.0 for u in range(1, n)]
        if layout.front_matter.found else zeros)
    return [
        h,
        [0.0 if shift is None else 1.0 for shift in shifts[1:]],
        shift_value,
        in_run,
        preamble,
        sign_off,
        separator,
        chrome,
        links,
        list(map(float, spliced)),
        [1.0 if _continues(text) else 0.0 for text in texts[1:]] if not lower else zeros,
        [1.0 if not prev_head and not gap and _unfinished(text) else 0.0
         for prev_head, gap, text in zip(prev_heads, gaps, last_texts)],
        no_blank,
        [float(min(blank, 3)) for blank in blanks],
        list(map(float, level_of)),
        [1.0 if level > top else 0.0 for level in level_of],
        [1.0 if level == top > 0 else 0.0 for level in level_of],
        [0.0 if (numbered_ascii if text.isascii() else numbered)(text) is None else 1.0
         for text in texts[1:]],
        [1.0 if _list_start(text) else 0.0 for text in texts[2:]] + [0.0],
        st,
        overlap_a,
        overlap_b,
        [u / n for u in range(1, n)],
        [sum(heads) / n] * m,
        repeats,
        # (a unit sharing no word with the first title, most of them, needs no set of its own)
        [0.0 if first_title.isdisjoint(unit_words) else
         len(first_title.intersection(unit_words)) / len(set(unit_words))
         for unit_words in (unit.words for unit in units[1:])],
        list(map(float, cjk_first)),
        list(map(log1p, map(_word_count, texts[1:]))),
        [1.0 if text.endswith(("?", "？")) else 0.0 for text in texts[1:]],
        [1.0 if text.endswith((":", "：")) else 0.0 for text in texts[1:]],
        list(map(float, prev_heads)),
        list(map(float, gaps)),
        announced_run,
        same_style,
        list(map(mul, h, overlap_a)),
        list(map(mul, h, shift_value)),
        list(map(mul, st, overlap_b)),
        top_style,
        cosines,
        cosine_vs_page,
        log_words[:-1],
        list(map(float, prev_ends)),
        new_names,
        has_names,
        short_runs,
        own_words,
        list(map(float, map(ne, cjk_first, cjk_last))),
        list(map(mul, h, cosines)),
        list(map(mul, st, cosines)),
        list(map(mul, h, new_names)),
        list(map(mul, st, new_names)),
        list(map(mul, h, cosine_vs_page)),
        list(map(float, map(and_, structural, prev_ends))),
        [cosine if level > 0 else 0.0 * cosine for level, cosine in zip(level_of, cosines)],
        [bonus / 10.0 for bonus in evidence[1:]],
        list(map(mul, h, [words - first_size for words in own_words])),
        since_head,
        front,
        dated,
    ]


def find_articles(
    layout: Layout, roles: Sequence[Role], feats: Sequence[LineFeatures],
    words: Sequence[tuple[str, ...]], sensitivity: float,
    languages: Sequence[str | None] | None = None,
) -> tuple[list[Unit], list[ArticleSpan]]:
    """Choose the article starts; returns the units and the articles over them.

    ``words`` holds the content words of each line (`features.line_words`), ``languages``
    the language they were counted in (`lexical.line_words_and_languages`; computed here
    when not given).
    """
    units = build_units(layout, roles, feats, words)
    if not units:
        return units, []
    n_units = len(units)
    flat = _flatten(units)
    ids = _word_ids(flat[0])
    structured = _headed(sum(1 for u in units if u.headline), n_units)
    # Paragraphs and headed articles are long and sectioned; bare runs of single
    # sentences (excerpts glued together) need no such prior. A short line that ends a
    # sentence ("The show was superb.", "What is it?") is one of those sentences, not a
    # title that would make the page a headed one.
    title_shaped = _title_shaped(layout, units)
    sentences = bare_sentences(layout, units, title_shaped)
    structured = structured and not sentences
    shifts = _headline_shifts(units, flat)
    if sentences:
        # among bare sentences a short line that ends a sentence is one of them, not a title
        shifts = [shift if titled else None for shift, titled in zip(shifts, title_shaped)]
    lower = _lower_case_page([layout.lines[u.first].text for u in units],
                             [layout.lines[u.last].text for u in units])
    # the unit's own evidence (the start model reads it), its value then adjusted for the page
    plain, reasons = _bonuses(units, layout, roles, shifts, lower, languages)
    bonuses = _paragraph_penalised(plain, reasons, shifts) if structured else plain
    if sentences:
        cohesion = COHESION_SENTENCES
    elif _sectioned(units, [
        shift for u, shift in enumerate(shifts[:-1])
        if u and shift is not None and not units[u + 1].headline
    ], flat):
        cohesion = COHESION
    else:
        # Headlines are titles of whole articles: cut freely at them, but a start
        # with no headline or other cue needs a strong change of vocabulary.
        cohesion = COHESION_TITLED
        bonuses = [
            b - PENALTY_UNTITLED if i and shifts[i] is None and not r else b
            for i, (b, r) in enumerate(zip(bonuses, reasons))
        ]
    # candidates are the units the structural evidence leaves possible; the start model
    # reweighs them but does not thin them (a sparse chain could not reach the end)
    possible = [b > CANDIDATE_FLOOR for b in bonuses]
    model = start_model()
    if model.features != START_FEATURES:
        raise ValueError("the start model was fitted on other features; refit it with "
                         "training/fit_starts.py")
    free = 0
    odds = [0.0] * n_units
    if model.scale and not sentences:
        # the fitted start model's log-odds, combined with the structural evidence above as
        # fitted; bare sentences one a line (excerpts glued together) carry no structure to
        # weigh, and there the lexical cost alone decides, as before. A unit the model finds
        # plausible is a candidate whatever the structural evidence says.
        odds = [model.log_odds([0.0] * len(START_FEATURES))]
        odds += model.log_odds_columns(_start_columns(units, layout, roles, shifts, plain, flat, lower, ids),
                                       _MOSTLY_ZERO)
        possible = [p or lo > CANDIDATE_LOG_ODDS for p, lo in zip(possible, odds)]
        w, scale, offset = model.structural, model.scale, model.offset
        bonuses = [w * b + scale * lo + offset if u else b for u, (b, lo) in enumerate(zip(bonuses, odds))]
        if model.cohesion is not None:
            cohesion = model.cohesion  # fitted for every page, instead of by page kind
            free = model.cohesion_free
    # a heading that carries a wiki's section-edit link is a section of the page above it
    for u in range(1, n_units):
        if units[u].headline and section_heading(layout.lines[units[u].first].text):
            possible[u] = False
    # a thread's posts: the furniture before a unit opens a post (`threads`), whatever the
    # start model, which is not fitted on them, would say
    posts: list[int] = []
    if Role.FURNITURE in roles:
        for u in range(1, n_units):
            if _after_furniture(units, roles, u):
                start = u
                if _subject_above(units, roles, u):
                    possible[u] = False  # the post opens on its subject, above its header
                    start = u - 1
                bonuses[start] = BONUS_POST
                reasons[start] = (Reason.POST,)
                possible[start] = True
                posts.append(start)
    # so does a Markdown post's front matter after other text: a file's header, it heads a
    # post wherever posts are joined (the start model rarely sees it between posts)
    # The post opens where its front matter does (its fence and the keys above the title
    # key), so that the block is the post's, not the end of the text above
    inside = layout.front_matter.inside
    for u in _after_front_matter(units, layout):
        v = u
        # back through the block's units, not past its opening fence into a block before it
        while (v and 0 not in inside[units[v - 1].first : units[v].first]
               and layout.lines[units[v].first].text not in _FRONT_FENCES):
            possible[v] = False  # the post's own header
            v -= 1
        if not v:
            continue  # the page opens on this post
        bonuses[v] = BONUS_POST
        reasons[v] = (Reason.FRONT_MATTER,)
        possible[v] = True
    slope, intercept = model.calibration
    lexical_slope, odds_slope, post_slope = model.calibration_terms
    total = len(flat[0])
    k = min(ids[1], MAX_SMOOTHING_VOCABULARY)  # the distinct words
    prior = BOUNDARY_PRIOR_SENTENCES if sentences else BOUNDARY_PRIOR
    penalty = math.log(total + 2) * SENSITIVITY_RANGE ** (1.0 - 2.0 * sensitivity) * prior

    # Candidate starts: unit 0, and every unit whose bonus is not hopeless.
    cands = [0] + [u for u in range(1, n_units) if possible[u]]
    start_costs = [0.0] + [penalty - b for b in bonuses[1:]]
    for u in posts:
        # the thread parse decides its posts: a reply that quotes the post before shares its
        # words, which the lexical cost would read as one text going on
        if reasons[u] == (Reason.POST,):
            start_costs[u] = -POST_FORCED
    min_words = MIN_ARTICLE_WORDS_SENTENCES if sentences else MIN_ARTICLE_WORDS
    starts = _programme(units, cands, start_costs, k, cohesion, free, flat, min_words, ids)
    # lexical gains of (previous start, start, end): the rounds below that drop weak starts
    # score most articles again with the same neighbours
    gains: dict[tuple[int, int, int], float] = {}

    def articles(starts: Sequence[int]) -> list[ArticleSpan]:
        spans: list[ArticleSpan] = []
        for idx, s in enumerate(starts):
            end = starts[idx + 1] if idx + 1 < len(starts) else n_units
            if idx == 0:
                spans.append(ArticleSpan(s, end - 1, 1.0, (Reason.DOCUMENT_START,)))
                continue
            prev_start = starts[idx - 1]
            key = (prev_start, s, end)
            lexical = gains.get(key)
            if lexical is None:
                lexical = gains[key] = _split_gain(units, prev_start, s, end, k, cohesion, free)
            gain = lexical - penalty + bonuses[s]
            why = reasons[s]
            if lexical > 0:
                why = (*why, Reason.VOCABULARY_SHIFT)
            # the chance that this start is right, calibrated on held-out fitting material
            post = Reason.POST in why
            logit = (slope * gain + lexical_slope * lexical + odds_slope * odds[s]
                     + post_slope * post + intercept)
            score = logistic(logit)
            spans.append(ArticleSpan(s, end - 1, score, why, gain, lexical, odds[s]))
        return spans

    spans = articles(starts)
    if sentences:
        spans = _checked_sentence_starts(units, spans, articles)
    while model.min_score and not sentences:
        # starts the calibration finds less likely right than the fitted floor are dropped,
        # and the articles around them scored again as joined, until every start passes
        kept = [sp.first_unit for i, sp in enumerate(spans)
                if not i or sp.score >= model.min_score or Reason.POST in sp.reasons]
        if len(kept) == len(spans):
            break
        spans = articles(kept)
    if len(spans) > 1 and not sentences:
        spans = _series_joined(units, layout, spans, articles)
        spans = _translations_joined(units, layout, spans, articles)
    return units, spans


# A numbered heading: "Day 2: ...", "Step 3.", "Part 4 - ...", "2. ...", "(3) ..." (after
# Markdown heading marks or bold), its word (if any) and its number; the number's mark stands
# before a space or the line's end ("Ruby 1.8.7" is a version, no item of a series)
_SERIES_RE = regex.compile(
    r"^(?:#{1,6}\s+)?(?:\*\*)?(?:(\p{L}{2,12})\s+)?\(?(\d{1,3})\s*[:.)\-](?:\s|\*\*|$)")


def _series_item(text: str) -> tuple[str, int] | None:
    """The series word (lower-cased, "" for a bare number) and the number of a numbered
    heading (`_SERIES_RE`); None for any other line."""
    m = _SERIES_RE.match(text)
    if m is None:
        return None
    return (m.group(1) or "").casefold(), int(m.group(2))


# What a question heading ends on, in the scripts the package reads
_QUESTION_MARKS = ("?", "？", "؟")


# A list item's mark: a bullet, a dash, an asterisk or a caret (a wiki's reference list) before
# a space
_LIST_MARK_RE = regex.compile(r"^([\^•·▪▫◦‣∙○●■□►▶➤→*+\-–—])\s")


def _list_mark(text: str) -> str:
    """The mark a list item opens on (`_LIST_MARK_RE`), "" for any other line."""
    m = _LIST_MARK_RE.match(text)
    return m.group(1) if m else ""


# Lines opening on these marks continue a Markdown table ("| a | b |") or a quotation ("> ...")
# when the line above opens on the same mark.
_BLOCK_MARKS = ("|", ">")


def _series_joined(
    units: Sequence[Unit], layout: Layout, spans: list[ArticleSpan],
    articles: Callable[[Sequence[int]], list[ArticleSpan]],
) -> list[ArticleSpan]:
    """Starts at a numbered heading ("Day 1: ...") whose next item ("Day 2: ...") stands inside the
    article it opens are dropped, and the articles around them scored again as joined: the steps
    of one text are all its sections or, glued texts, all starts, never the first alone (issue
    13: a numbered step or a Q&A subhead is never a start). So are starts at a question heading
    with question headings inside the article it opens and inside the one before (not its first
    unit, a title), and at a bold subhead or a Markdown heading of one level likewise, starts
    inside a list, its items before and after opening on the same mark (issue 13: a list item is
    never a start), starts at a Markdown heading deeper than the one that opens the article
    before, its title (issue 13: a heading deeper than the title is a section), and starts at a
    code block's fence or inside it (issue 13: never inside code) or at text right after it,
    inside a Markdown table or quotation (its line above opening on the same mark), and right
    under a Markdown heading, which would close the article before it, and the last start of a
    text shorter than an article (`MIN_ARTICLE_WORDS`) after a sign-off, or at a headline with no
    sentence below it: a letter's closing lines ("Thank you for your time.", "Best, ...") under its
    "I look forward to hearing from you.", a credit line over the page's furniture. A thread's
    posts and front matter stay."""
    while len(spans) > 1:
        dropped = _series_dropped(units, layout, spans)
        if not dropped:
            break
        # the article before a dropped start grows over it: check the joined ones again
        spans = articles([sp.first_unit for sp in spans if sp.first_unit not in dropped])
    return spans


def _series_dropped(units: Sequence[Unit], layout: Layout, spans: list[ArticleSpan]) -> set[int]:
    """The starts `_series_joined` drops, as the articles now stand."""
    lines = layout.lines
    code = layout.code_lines  # the lines of closed Markdown code blocks

    def question(u: int) -> bool:  # (a bold question, "**Why?**", too)
        return units[u].headline and lines[units[u].first].text.rstrip("*_ ").endswith(_QUESTION_MARKS)

    def bold(u: int) -> bool:  # a subhead all in bold, "**Costs**" or "**Step one:**"
        text = lines[units[u].first].text
        return (units[u].headline and len(text) > 4 and text.startswith(("**", "__"))
                and text.rstrip(":：").endswith(text[:2]))

    def level_of(u: int) -> int:  # the Markdown level of a headline unit (0: none)
        return _md_level(lines[units[u].first].text) if units[u].headline else 0

    dropped = set()
    for before, sp in zip(spans, spans[1:]):
        s = sp.first_unit
        if Reason.POST in sp.reasons or Reason.FRONT_MATTER in sp.reasons:
            continue
        inside = range(s + 1, sp.last_unit + 1)
        item = _series_item(lines[units[s].first].text) if units[s].headline else None
        following = (item[0], item[1] + 1) if item is not None else None
        if following is not None and any(
                _series_item(lines[units[v].first].text) == following for v in inside):
            # a numbered step, its next one inside, as a heading or as a paragraph that opens
            # on its number ("2. Lower costs: ..."); "3. How ...?" may be a question
            dropped.add(s)
        elif any((style := of(s)) and any(of(v) == style for v in inside)
                 and any(of(v) == style for v in range(before.first_unit + 1, s))
                 for of in (question, bold, level_of)):
            # a text's subheads of one style on both sides of the start: the questions of an
            # interview or a FAQ, bold subheads, "## Sections" of one level
            dropped.add(s)
        elif inside and (mark := _list_mark(lines[units[s].first].text)) and all(
                _list_mark(lines[units[v].first].text) == mark for v in (s - 1, s + 1)):
            dropped.add(s)  # inside a list: its items before and after open on the same mark
        elif level_of(s) > level_of(before.first_unit) > 0:
            dropped.add(s)  # "## Section" under the "# Title" that opens the article before
        elif units[s].first in code:
            dropped.add(s)  # a code block's fence or one of its lines: a post's code, not a post
        elif not units[s].headline and units[s - 1].last in code:
            dropped.add(s)  # text right after a code block goes on about it ("And the output:")
        elif sp is spans[-1] and _no_text_of_its_own(units, lines, sp):
            dropped.add(s)  # the page's last "text": a letter's closing lines, a credit line
        elif (mark := lines[units[s].first].text[:1]) in _BLOCK_MARKS and \
                lines[units[s - 1].last].text[:1] == mark:
            dropped.add(s)  # a table's row or a quotation's line, with one of its lines above
        elif _md_level(lines[units[s - 1].last].text) > 0:
            dropped.add(s)  # right under a Markdown heading, which would close the article before
    return dropped


def _no_text_of_its_own(units: Sequence[Unit], lines: Sequence[Line], sp: ArticleSpan) -> bool:
    """Whether an article is shorter than an article (`MIN_ARTICLE_WORDS`) and either follows a
    sign-off (a letter's closing lines under its formula) or opens on a headline that does not
    end like a sentence, with no sentence of text in the units below it (a credit line read as
    a headline, over the page's furniture)."""
    s, last = sp.first_unit, sp.last_unit
    if sum(len(units[u].words) for u in range(s, last + 1)) >= MIN_ARTICLE_WORDS:
        return False
    if Reason.AFTER_SIGN_OFF in sp.reasons:
        return True
    if not units[s].headline or _ends_sentence(lines[units[s].first].text):
        return False
    below = (lines[i].text for u in range(s + 1, last + 1)
             for i in range(units[u].first, units[u].last + 1))
    return not any(_ends_sentence(text) and _prose_line(text) for text in below)


def _translations_joined(
    units: Sequence[Unit], layout: Layout, spans: list[ArticleSpan],
    articles: Callable[[Sequence[int]], list[ArticleSpan]],
) -> list[ArticleSpan]:
    """Drop the starts where the language changes but the text does not: the block after is a
    translation of the block before (the fitted `scores.TranslationModel` at or above its
    floor), as when a letter is followed by its versions in other languages; the articles
    around them are scored again as joined, until every start passes."""
    check = translation_model()
    if check.features != TRANSLATION_FEATURES:
        raise ValueError("the translation model was fitted on other features; refit it with "
                         "training/fit_translations.py")
    lines = layout.lines
    texts: dict[int, str] = {}

    def text(u: int) -> str:
        """Unit ``u``'s lines, joined (each unit read once)."""
        found = texts.get(u)
        if found is None:
            found = texts[u] = _unit_text(lines, units[u])
        return found

    def head(first: int, last: int) -> str:
        """The first SAMPLE_CHARS characters of units first..last."""
        out = ""
        for u in range(first, last + 1):
            out += text(u) + " "
            if len(out) >= SAMPLE_CHARS:
                break
        return out[:SAMPLE_CHARS]

    def tail(first: int, end: int) -> str:
        """The last SAMPLE_CHARS characters of units first..end-1."""
        out = ""
        for u in range(end - 1, first - 1, -1):
            out = text(u) + " " + out
            if len(out) >= SAMPLE_CHARS:
                break
        return out[-SAMPLE_CHARS:]

    while True:
        kept = [spans[0].first_unit]
        for left, right in zip(spans, spans[1:]):
            s = right.first_unit
            # the language is judged next to the start on either side, and only where it
            # changes are the blocks compared
            lang_before = block_language(tail(left.first_unit, s))
            lang_after = block_language(head(s, right.last_unit))
            if lang_before is None or lang_after is None or lang_before == lang_after:
                kept.append(s)
                continue
            after = [text(u) for u in range(s, min(right.last_unit + 1, s + MAX_PARAGRAPHS))]
            before = [text(u) for u in range(max(left.first_unit, s - MAX_PARAGRAPHS), s)]
            if not _translated(before, after):
                kept.append(s)
        if len(kept) == len(spans):
            return spans
        spans = articles(kept)


SENTENCE_FEATURES = (
    "lexical", "cosine", "sqrt_cosine", "recur_before", "recur_after", "far_right", "far_left",
    "log_left", "log_right",
)
"""What the sentence model (`scores.SentenceModel`) reads of a start in bare-sentence text."""


def _checked_sentence_starts(
    units: Sequence[Unit], spans: list[ArticleSpan],
    articles: Callable[[Sequence[int]], list[ArticleSpan]],
) -> list[ArticleSpan]:
    """Bare sentences: drop the starts the fitted sentence model finds less likely right than
    its floor (a turn inside one text rather than another text), scoring the articles around
    them again as joined, until every start passes; each start's score is that chance."""
    check = sentence_model()
    if check.features != SENTENCE_FEATURES:
        raise ValueError("the sentence model was fitted on other features; refit it with "
                         "training/fit_sentences.py")
    counts: dict[tuple[int, int], Counter[str]] = {}  # each article's word counts, by its units
    while True:
        firsts = [sp.first_unit for sp in spans]
        vectors = sentence_vectors(units, firsts, [sp.lexical for sp in spans], counts)
        probs = [1.0] + [check.probability(v) for v in vectors]
        kept = [u for u, p in zip(firsts, probs) if p >= check.floor]
        if len(kept) == len(firsts):
            return [replace(sp, score=p) if i else sp for i, (sp, p) in enumerate(zip(spans, probs))]
        spans = articles(kept)


def sentence_vectors(
    units: Sequence[Unit], starts: Sequence[int], lexical: Sequence[float],
    counts: dict[tuple[int, int], Counter[str]] | None = None,
) -> list[list[float]]:
    """`SENTENCE_FEATURES` of each start after the first (``starts`` the articles' first units,
    ``lexical`` the lexical gain at each): how alike the words of the article it opens and of
    the one before are (cosine of their counts), and how many of either's words recur
    elsewhere in the text, before or after the start and outside both articles (one text's
    turns share its words; glued texts do not), with the articles' lengths. ``counts`` keeps
    each article's word counts by its first and end unit from one call to the next (when
    starts are dropped, the articles that stay are not counted again)."""
    bounds = [*starts, len(units)]
    known = {} if counts is None else counts
    segments = []
    for a, b in zip(bounds, bounds[1:]):
        seg = known.get((a, b))
        if seg is None:
            seg = known[(a, b)] = Counter()
            for u in units[a:b]:
                seg.update(u.words)
        segments.append(seg)
    first_seen: dict[str, int] = {}
    last_seen: dict[str, int] = {}
    spread: Counter[str] = Counter()
    for j, seg in enumerate(segments):
        for w in seg:
            first_seen.setdefault(w, j)
            last_seen[w] = j
        spread.update(seg.keys())
    # each article is the right side of one start and the left side of the next
    squares = [sum(v * v for v in seg.values()) for seg in segments]
    log_sizes = [math.log1p(sum(seg.values())) for seg in segments]
    out = []
    for i in range(1, len(segments)):
        left, right = segments[i - 1], segments[i]
        shared = left.keys() & right.keys()
        norm = math.sqrt(squares[i - 1] * squares[i])
        cosine = sum(left[w] * right[w] for w in shared) / norm if norm else 0.0
        n_left, n_right = max(1, len(left)), max(1, len(right))
        out.append([
            lexical[i], cosine, math.sqrt(cosine),
            sum(1 for w in right if first_seen[w] < i) / n_right,
            sum(1 for w in left if last_seen[w] >= i) / n_left,
            sum(1 for w in right if spread[w] - 1 - (w in left) > 0) / n_right,
            sum(1 for w in left if spread[w] - 1 - (w in right) > 0) / n_left,
            log_sizes[i - 1], log_sizes[i],
        ])
    return out


# f*log(f+1) rounded to a multiple of 2**-36: every sum and difference of such values the
# programme forms stays below 2**17 in size (at most _FLOG_SIZE words), so floats hold it
# exactly, whatever order counts are added and removed in (fixed point, at float speed).
_QFLOG = tuple(round(v * 2.0**36) / 2.0**36 for v in _FLOG)
_QSTEP = tuple(_QFLOG[f + 1] - _QFLOG[f] for f in range(_FLOG_SIZE))


@functools.lru_cache(maxsize=64)
def _recurrence_steps(a: int, n: int | None = None) -> tuple[float, ...]:
    """How qflog[a + c] - qflog[c] changes as c goes from i - 1 to i, for i = 1, 2, ...
    up to ``n`` (None: while a + c stays within MAX_SPAN_TOKENS, as the programme's window
    holds no more words) and within the table: exact, like every sum of the quantised values."""
    q = _QFLOG
    top = max(a, min(MAX_SPAN_TOKENS, _FLOG_SIZE)) if n is None else min(a + n, _FLOG_SIZE)
    # rises[i] = q[a + i] - q[i]; each step is rises[i] - rises[i - 1] (the same subtractions
    # as written out per step, in C)
    rises = list(map(sub, q[a : top + 1], q[: top + 1 - a]))
    return tuple(map(sub, rises[1:], rises[:-1]))


def _programme(
    units: Sequence[Unit], cands: Sequence[int], start_costs: Sequence[float], k: int,
    cohesion: float, free: int = 0, flat: _Flat | None = None, min_words: int = MIN_ARTICLE_WORDS,
    ids: _WordIds | None = None,
) -> list[int]:
    """The dynamic programme: the candidate starts of the cheapest cover of all units.

    An article from candidate ``q`` is costed exactly at every later candidate while it
    holds at most MAX_SPAN_TOKENS words, then per word at the rate of that window. The
    exact costs need ``fit(q, e)``, the sum of f*log(f+1) over the word counts of units
    ``q..e-1``, for every such end: one window of those sums slides from candidate to
    candidate (units entering on the right are added once; units leaving on the left
    correct it at the units where their words recur), so the work grows with the text,
    not with the text times the candidates per window. ``flat`` is `_flatten` of the units
    and ``ids`` `_word_ids` of its words, when the caller has them already; articles of
    fewer than ``min_words`` words pay a growing penalty (`SHORT_ARTICLE_PENALTY`).
    """
    n_units = len(units)
    best = [math.inf] * (n_units + 1)
    back = [-1] * (n_units + 1)
    best[0] = 0.0
    ends = sorted({*cands, n_units})
    end_pos = {e: i for i, e in enumerate(ends)}
    words, prefix = flat if flat is not None else _flatten(units)
    # the words as ids, in a row: unit u's are flat_ids[prefix[u] : prefix[u + 1]]
    flat_ids, n_ids = ids if ids is not None else _word_ids(words)
    # per word: u + 1 for every occurrence in unit u, in order (where fit(., e) changes)
    spots_of: list[list[int]] = [[] for _ in range(n_ids)]
    consume = deque[None](maxlen=0).extend
    spot_of_each = itertools.chain.from_iterable(
        map(itertools.repeat, range(1, n_units + 1), map(sub, prefix[1:], prefix[:-1])))
    consume(map(list.append, map(spots_of.__getitem__, flat_ids), spot_of_each))
    limit = MAX_SPAN_TOKENS
    log_nk = [0.0] * (limit + 1)
    for n in range(1, min(prefix[-1], limit) + 1):
        log_nk[n] = n * math.log(n + k) - cohesion * _prior(n, free)
    qflog = _QFLOG
    qstep = _QSTEP
    reach = SPAN_REACH * limit
    n_ends = len(ends)
    end_words = [prefix[e] for e in ends]  # words before each end
    span_starts = MAX_SPAN_STARTS
    short_penalty = SHORT_ARTICLE_PENALTY
    # The window: counts[w] counts word w in units lo..hi-1, before[w] its occurrences in
    # units before lo (so spots_of[w][before[w] :] begins with those in the window), and
    # fit(lo, e) = part[lo + 1] + ... + part[e] for lo < e <= hi. Moving lo on changes part[]
    # only where the words that leave recur, instead of every fit(., e) in the window; the
    # sums are exact in any grouping, so fit(q, .) is the same float however it is summed.
    counts = [0] * n_ids
    before = [0] * n_ids
    part = [0.0] * (n_units + 1)
    steps_of: dict[int, tuple[float, ...]] = {}  # `_recurrence_steps` by a, as many as were read
    lo = hi = 0
    for q in cands:
        if best[q] == math.inf:
            continue
        first = end_pos[q] + 1
        stop = min(n_ends, first + span_starts)
        if first >= stop:
            continue
        start_cost = best[q] + (start_costs[q] if q else 0.0)
        # the last unit the article is costed exactly up to (n_units: the text ends first)
        exact_end = bisect_right(prefix, prefix[q] + limit) - 1
        need = min(exact_end, ends[stop - 1])
        # move the window's left edge to q
        if q >= hi:
            for w in flat_ids[prefix[lo] : prefix[hi]]:
                counts[w] = 0
            for w in flat_ids[prefix[lo] : prefix[q]]:
                before[w] += 1
            hi = q
        elif q > lo:
            word_ids = flat_ids[prefix[lo] : prefix[q]]
            gone = Counter(word_ids)  # (the words that leave mostly repeat: counted at once)
            base = 0.0
            for w, a in gone.items():
                c = counts[w] - a
                counts[w] = c
                # fit(q, e) = fit(lo, e) less qflog[a + c'] - qflog[c'], c' the count of w in
                # q..e-1: a step function of e that changes where w recurs (its c
                # occurrences in the window, the c after its a in spots_of[w])
                base += qflog[a]
                j = before[w] + a
                before[w] = j
                # (indexed loops, and one recurrence without the table: cheaper than a zip)
                if c == 1:
                    part[spots_of[w][j]] -= (qflog[a + 1] - qflog[1]) - qflog[a]  # steps[0]
                elif c:
                    spots = spots_of[w]
                    # (only as many steps as the word recurs: most words recur a few times)
                    steps = steps_of.get(a, ())
                    if len(steps) < c:
                        steps = steps_of[a] = _recurrence_steps(a, 2 * c)
                    for i in range(c):
                        part[spots[j + i]] -= steps[i]
            part[q + 1] = sum(part[lo + 1 : q + 2]) - base
        lo = q
        # ... and its right edge to ``need``
        if need > hi:
            for u in range(hi, need):
                s = 0.0
                for w in flat_ids[prefix[u] : prefix[u + 1]]:
                    f = counts[w]
                    s += qstep[f]
                    counts[w] = f + 1
                part[u + 1] = s
            hi = need
        fit = list(itertools.accumulate(part[q + 1 : need + 1], initial=0.0))  # fit(q, q + i)
        at = prefix[q]
        # ends costed exactly: first..mid-1; the first ones hold fewer than min_words words
        mid = bisect_right(ends, exact_end, first, stop)
        short = bisect_left(end_words, at + min_words, first, mid)
        for e in ends[first:short]:
            n = prefix[e] - at
            value = log_nk[n] - fit[e - q]
            value += short_penalty * (1.0 - n / min_words)
            if start_cost + value < best[e]:
                best[e] = start_cost + value
                back[e] = q
        for e in ends[short:mid]:
            total = start_cost + (log_nk[prefix[e] - at] - fit[e - q])
            if total < best[e]:
                best[e] = total
                back[e] = q
        if mid == stop:
            continue
        # past the exact window: the cost per word so far, times the words, up to the reach
        # (the first end past it is the last, unless it is the very next unit)
        n = prefix[exact_end] - at
        if n:
            per_word = (log_nk[n] - fit[exact_end - q]) / n
        else:  # one unit longer than the window (a page with no line breaks): its own rate
            blocking = units[exact_end]
            per_word = _cost(Counter(blocking.words), k, cohesion, free) / len(blocking.words)
        past = bisect_right(end_words, at + reach, mid, stop)
        last = min(stop, past + 1 if past < stop and ends[past] - q > 1 else past + 2)
        short = bisect_left(end_words, at + min_words, mid, last)
        for e in ends[mid:short]:
            n = prefix[e] - at
            value = per_word * n
            value += short_penalty * (1.0 - n / min_words)
            if start_cost + value < best[e]:
                best[e] = start_cost + value
                back[e] = q
        for e in ends[short:last]:
            total = start_cost + per_word * (prefix[e] - at)
            if total < best[e]:
                best[e] = total
                back[e] = q
    starts: list[int] = []
    e = n_units
    while e > 0:
        q = back[e]
        if q < 0:  # unreachable only if the window broke the chain; keep one article
            return [0]
        starts.append(q)
        e = q
    starts.sort()
    return starts


def _split_gain(
    units: Sequence[Unit], a: int, b: int, c: int, k: int, cohesion: float, free: int = 0,
) -> float:
    """Lexical cost saved by cutting units a..c at b (SCORE_WINDOW words on each side)."""
    left: list[str] = []
    for u in range(b - 1, a - 1, -1):
        if len(left) >= SCORE_WINDOW:
            break
        left.extend(units[u].words[len(left) - SCORE_WINDOW :])
    right: list[str] = []
    for u in range(b, c):
        if len(right) >= SCORE_WINDOW:
            break
        right.extend(units[u].words[: SCORE_WINDOW - len(right)])
    # both sides' counts continue the left side's: Counter(left + right) without counting
    # the left side twice (the same counts in the same order, so the same sums)
    left_counts = Counter(left)
    counts = left_counts.copy()
    counts.update(right)
    return (
        _cost(counts, k, cohesion, free)
        - _cost(left_counts, k, cohesion, free)
        - _cost(Counter(right), k, cohesion, free)
    )


def _prior(n: int, free: int) -> float:
    """The cohesion prior's reward for an article of ``n`` words: n log(1 + n / free).

    Cutting ``n`` words in two then costs about n² / free for text much shorter than
    ``free`` (briefs and wire stories part freely) and n × H(split) for long text, which
    resists being cut at its sections; ``free`` 0 is the plain n log(n + 1).
    """
    return _flog(n) if not free else n * math.log1p(n / free)


def _cost(counts: Counter[str], k: int, cohesion: float, free: int = 0) -> float:
    """Utiyama–Isahara description length of words with these counts, less the cohesion prior."""
    n = sum(counts.values())
    if not n:
        return 0.0
    fit = sum(map(_FLOG.__getitem__, counts.values())) if n <= _FLOG_SIZE else sum(
        map(_flog, counts.values())
    )
    return n * math.log(n + k) - fit - cohesion * _prior(n, free)
