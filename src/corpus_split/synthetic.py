"""Deterministic synthetic documents with gold annotation, for tests and benchmarks.

`generate` glues source articles together the way scraped corpora do, damages them
on purpose (page chrome, teaser links, assistant residue, mojibake, splices, repeated
passages, language switches, keyboard mash, several line layouts) and returns the text
together with its gold annotation in the format of ``../shared/seeds/gold/*.json``
(see ``corpus_split.evaluate`` for how it is scored).

The phrasings of chrome and assistant residue below were written independently of the
detector's own patterns, so scores on these documents are a fair test of how far the
detector generalises.

Everything is driven by the ``random.Random`` you pass in: the same seed, articles and
options give the same document, byte for byte.

Gold conventions beyond the seeds' format:

- ``articles[i]["zone"]`` is ``[previous content_end, content_start]``; when an article
  starts mid-line (a mid-word splice) ``lo`` is the start of that line, so a line-based
  prediction counts.
- A line that mixes an article's text with a repeat of its own earlier text is ``?``
  (as in the seeds); a line that mixes two articles (a splice) gets two spans.
- ``articles[i]["clean_text"]`` is present for mojibake-damaged articles (without a
  repeated passage): the undamaged title and paragraphs, HTML entities decoded, joined by
  blank lines. ``articles[i]["damage"]`` lists what was done to the article.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-1252" codec)

from ._sample_articles import FOREIGN_PARAGRAPHS, SAMPLE_ARTICLES, TEASER_TITLES

__all__ = [
    "DamageOptions",
    "GoldDict",
    "Layout",
    "SourceArticle",
    "SyntheticDocument",
    "TitleStyle",
    "generate",
    "mojibake",
    "sample_articles",
    "sample_foreign_paragraphs",
    "split_sentences",
]

GoldDict = dict[str, Any]
"""A gold annotation as JSON-compatible data, in the seeds' format."""

WRAP_WIDTH_RANGE = (60, 75)
"""Hard-wrapped layouts break lines at a width drawn from this range, like e-mail and wire text."""

TEASER_RUN_LENGTH = (2, 4)
"""A run of teaser links holds this many titles: one looks like a stray line, five like a menu."""

CHROME_LINES = (2, 5)
"""Lines in a page-chrome block at the top of a document."""

MASH_LENGTH = (14, 34)
"""Length of a keyboard-mash line: long enough not to be a word, short like a real accident."""

CUT_FROM = 0.4
"""A cut (splice or truncated sentence) falls after this share of the paragraph, so some text is left."""

_CONTENT = ("title", "heading", "body")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "inc", "co", "corp", "ltd", "jr", "sr", "no",
                            "vs", "etc", "jan", "feb", "mar", "apr", "aug", "sept", "oct", "nov", "dec",
                            "gen", "gov", "sen", "rep", "prof", "mt", "ft", "e.g", "i.e"})


class Layout(str, Enum):
    """How paragraphs are laid out in the text."""

    BLANK_LINES = "blank_lines"
    """Paragraphs separated by a blank line."""
    SINGLE_NEWLINE = "single_newline"
    """Paragraphs separated by a single newline."""
    HARD_WRAPPED = "hard_wrapped"
    """Paragraphs wrapped at 60-75 characters, separated by a blank line."""
    CRLF = "crlf"
    """Like ``BLANK_LINES`` but with Windows line ends."""
    SENTENCE_PER_LINE = "sentence_per_line"
    """One sentence a line, no blank lines and no titles (the Choi benchmark's layout)."""

    def __str__(self) -> str:
        return self.value


class TitleStyle(str, Enum):
    """How an article's title is rendered."""

    AS_IS = "as_is"
    UPPER = "upper"
    SENTENCE = "sentence"
    MISSING = "missing"

    def __str__(self) -> str:
        return self.value


def _probability(name: str, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ValueError(f"DamageOptions.{name} must be a probability in [0, 1], not {value!r}")


@dataclass(frozen=True, slots=True)
class DamageOptions:
    """Which damage to apply and how often; a probability of 0 switches a kind off.

    Probabilities are per document (``chrome``, teaser runs at top/bottom, ``noise``),
    per gap between two articles (``teasers_between``, ``splice``) or per article (the rest).
    One layout is drawn per document from ``layouts``, one title style per article from
    ``title_styles``.
    """

    layouts: tuple[Layout, ...] = tuple(Layout)
    title_styles: tuple[TitleStyle, ...] = tuple(TitleStyle)
    chrome: float = 0.5
    teasers_top: float = 0.3
    teasers_between: float = 0.2
    teasers_bottom: float = 0.4
    preamble: float = 0.25
    sign_off: float = 0.25
    typographic: float = 0.0
    mojibake: float = 0.15
    splice: float = 0.1
    duplicate: float = 0.1
    foreign_paragraph: float = 0.1
    noise: float = 0.15

    def __post_init__(self) -> None:
        if not self.layouts or not all(isinstance(x, Layout) for x in self.layouts):
            raise ValueError("DamageOptions.layouts must be a non-empty tuple of Layout")
        if not self.title_styles or not all(isinstance(x, TitleStyle) for x in self.title_styles):
            raise ValueError("DamageOptions.title_styles must be a non-empty tuple of TitleStyle")
        for name in ("chrome", "teasers_top", "teasers_between", "teasers_bottom", "preamble",
                     "sign_off", "typographic", "mojibake", "splice", "duplicate",
                     "foreign_paragraph", "noise"):
            _probability(name, getattr(self, name))

    @classmethod
    def clean(cls, layout: Layout = Layout.BLANK_LINES) -> DamageOptions:
        """No damage at all: articles as given, titled, one after another in ``layout``."""
        return cls(layouts=(layout,), title_styles=(TitleStyle.AS_IS,), chrome=0.0, teasers_top=0.0,
                   teasers_between=0.0, teasers_bottom=0.0, preamble=0.0, sign_off=0.0,
                   typographic=0.0, mojibake=0.0, splice=0.0, duplicate=0.0,
                   foreign_paragraph=0.0, noise=0.0)


@dataclass(frozen=True, slots=True)
class SourceArticle:
    """An undamaged article: an optional one-line title and its paragraphs."""

    title: str | None
    paragraphs: tuple[str, ...]
    language: str = "en"

    def __post_init__(self) -> None:
        object.__setattr__(self, "paragraphs", tuple(self.paragraphs))
        if self.title is not None and not self.title.strip():
            raise ValueError("SourceArticle.title must be None or non-blank")
        if not any(p.strip() for p in self.paragraphs):
            raise ValueError("SourceArticle needs at least one non-blank paragraph")


@dataclass(frozen=True, slots=True)
class SyntheticDocument:
    """A generated document and its gold annotation (seeds' format, see the module doc)."""

    text: str
    gold: GoldDict = field(compare=False)
    layout: Layout = Layout.BLANK_LINES


def sample_articles() -> tuple[SourceArticle, ...]:
    """The bundled original English articles (16), usable without ``../shared``."""
    return tuple(SourceArticle(title, paras) for title, paras in SAMPLE_ARTICLES)


def sample_foreign_paragraphs() -> tuple[tuple[str, str], ...]:
    """The bundled original non-English paragraphs as ``(language, text)``."""
    return FOREIGN_PARAGRAPHS


def mojibake(text: str) -> str:
    """``text`` as UTF-8 bytes misread as Windows-1252 (the commonest web mojibake)."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


# ---------------------------------------------------------------------------------------
# Phrasings of chrome and residue (written for this module; see the module docstring).

_NAMES = ("Maria Ortega", "Tom Achterberg", "Priya Raman", "Jonas Lindqvist", "Amara Okafor",
          "Claire Dubois", "Kenji Watanabe", "Sofia Marchetti", "Daniel Brennan")
_AGENCIES = ("Northlight Images", "Reuters", "AP", "Getty Images", "AFP", "Alamy", "Shutterstock")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _byline(rng: random.Random) -> str:
    name, other = rng.sample(_NAMES, 2)
    return rng.choice((f"By {name}", f"Written by {name}", f"{name}, Staff Writer",
                       f"Story by {name}", f"Reporting by {name}; editing by {other}",
                       f"{name.upper()}", f"By {name} and {other}"))


def _read_time(rng: random.Random) -> str:
    n = rng.randint(1, 14)
    return rng.choice((f"{n} min read", f"Reading time: {n} minutes", f"{n}-minute read",
                       f"Est. read {n} min", f"{n} mins"))


def _dateline(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.choice(_MONTHS), rng.randint(2015, 2024)
    return rng.choice((f"Published {d} {m} {y}", f"Updated {m} {d}, {y} at {rng.randint(1, 12)}:"
                       f"{rng.randint(0, 59):02d} p.m.", f"{m} {d}, {y}", f"Last modified: {d} {m[:3]} {y}"))


def _social(rng: random.Random) -> str:
    return rng.choice(("Share this story", "Share on Facebook", "Follow us on Instagram",
                       "Subscribe to our newsletter", "Sign up for our free morning briefing",
                       "Click to share on WhatsApp", "Copy link", "Save article",
                       "Get alerts on this topic", "Join our Telegram channel", "Tweet"))


def _photo(rng: random.Random) -> str:
    name, agency = rng.choice(_NAMES), rng.choice(_AGENCIES)
    return rng.choice((f"(Photo: {name}/{agency})", f"Image credit: {agency}",
                       f"Photograph: {name} for {agency}", f"{agency}", f"Credit: {name}",
                       f"[Illustration: {agency}]"))


def _advert(rng: random.Random) -> str:
    return rng.choice(("Advertisement", "ADVERTISEMENT", "Sponsored content",
                       "Story continues below advertisement", "Ad Feedback"))


def _mash(rng: random.Random) -> str:
    rows = rng.choice(("qwertyuiop", "asdfghjkl", "zxcvbnm", "asdfghjklqwertyuiopzxcvbnm"))
    out = "".join(rng.choice(rows) for _ in range(rng.randint(*MASH_LENGTH)))
    return out.capitalize() if rng.random() < 0.5 else out


def _topic(title: str | None) -> str:
    if not title:
        return "the topic you asked about"
    words = title.split()
    return " ".join(words[: min(len(words), 6)]).rstrip(":,.?!").lower()


def _preamble(rng: random.Random, title: str | None) -> tuple[str, str]:
    t = _topic(title)
    return rng.choice((
        ("en", f"Sure! Here's an article about {t}."),
        ("en", f"Certainly — below is a two-part piece on {t}, as requested."),
        ("en", f"Of course. Here is the article you asked for about {t}:"),
        ("en", f"Absolutely! Let me write an engaging article on {t}."),
        ("en", f"Here's a draft of the article on {t}, written in a friendly tone."),
        ("en", "Great idea! Below you'll find the full text, ready to publish."),
        ("fr", f"Bien sûr ! Voici un article sur « {t} »."),
        ("de", f"Natürlich! Hier ist ein Artikel zum Thema „{t}“."),
        ("es", f"¡Claro! Aquí tienes un artículo sobre {t}."),
        ("zh", f"当然,以下是关于“{t}”的文章。"),
    ))


def _sign_off(rng: random.Random, title: str | None) -> tuple[str, str]:
    t = _topic(title)
    return rng.choice((
        ("en", "I hope this article helps! Let me know if you'd like any changes."),
        ("en", f"This concludes the article on {t}. Feel free to ask for a shorter version."),
        ("en", "Let me know if you want me to expand any section or adjust the tone."),
        ("en", "Would you like me to add a call to action or a list of sources?"),
        ("es", "Espero que este artículo te sea útil. ¿Quieres que lo amplíe?"),
        ("fr", "J'espère que cet article vous plaira ! Dites-moi si vous souhaitez des modifications."),
        ("de", "Ich hoffe, der Artikel gefällt Ihnen. Soll ich etwas ändern?"),
        ("zh", "希望这篇文章对您有帮助!如需修改,请告诉我。"),
    ))


# ---------------------------------------------------------------------------------------
# Building blocks: text fragments carrying gold labels.


@dataclass(frozen=True, slots=True)
class _Label:
    kind: str
    article: int | None
    language: str | None = None
    note: str | None = None


@dataclass(slots=True)
class _Block:
    """A paragraph-like unit: fragments on one logical line, or several chrome lines."""

    fragments: list[tuple[str, _Label | None]]
    wrap: bool = False
    glue_next: bool = False  # the next block continues on this block's last line


@dataclass(slots=True)
class _Prepared:
    """One article after title styling and damage, with its undamaged content kept."""

    title: str | None
    paragraphs: list[tuple[str, str]]  # (language, damaged text)
    clean: list[str]  # undamaged title and paragraphs (content only)
    damage: list[str]
    language: str


def _norm(text: str) -> str:
    return " ".join(text.split())


def _style_title(title: str | None, style: TitleStyle) -> str | None:
    if title is None or style is TitleStyle.MISSING:
        return None
    if style is TitleStyle.UPPER:
        return title.upper()
    if style is TitleStyle.SENTENCE:
        low = title.lower()
        return low[:1].upper() + low[1:]
    return title


def _typographic(text: str) -> str:
    """Straight quotes and double hyphens as a typesetter would print them."""
    out: list[str] = []
    open_double = True
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        if ch == '"':
            out.append("“" if open_double else "”")
            open_double = not open_double
        elif ch == "'":
            out.append("‘" if prev.isspace() or prev in "([" else "’")
        else:
            out.append(ch)
    return "".join(out).replace(" -- ", " — ").replace("--", "—")


def _cut(rng: random.Random, text: str) -> int:
    """A position strictly inside a word in the later part of ``text`` (mid-word cut)."""
    lo = max(1, int(len(text) * CUT_FROM))
    inner = [i for i in range(lo, len(text) - 1)
             if text[i - 1].isascii() and text[i - 1].isalnum() and text[i].isascii() and text[i].isalnum()]
    return rng.choice(inner) if inner else len(text)


def _prepare(rng: random.Random, art: SourceArticle, opts: DamageOptions, no_titles: bool,
             foreign: list[tuple[str, str]]) -> _Prepared:
    """Title style, foreign paragraph, typography and mojibake of one article.

    The foreign paragraph used is taken out of ``foreign``.
    """
    style = TitleStyle.MISSING if no_titles else rng.choice(opts.title_styles)
    title = _style_title(_norm(art.title) if art.title else None, style)
    paras = [(art.language, _norm(p)) for p in art.paragraphs if p.strip()]
    damage: list[str] = []
    if title is not None and style is not TitleStyle.AS_IS:
        damage.append(f"title_{style.value}")
    if title is None and art.title is not None:
        damage.append("title_missing")
    if foreign and rng.random() < opts.foreign_paragraph:
        lang, ftext = foreign.pop(rng.randrange(len(foreign)))
        paras.insert(rng.randint(1, len(paras)), (lang, _norm(ftext)))
        damage.append("foreign_paragraph")
    if rng.random() < opts.typographic:
        title = _typographic(title) if title else title
        paras = [(lang, _typographic(p)) for lang, p in paras]
        damage.append("typographic")
    clean = ([title] if title else []) + [p for _, p in paras]
    if rng.random() < opts.mojibake:
        damaged_title = mojibake(title) if title else title
        damaged = [(lang, mojibake(p)) for lang, p in paras]
        if damaged_title != title or damaged != paras:
            title, paras = damaged_title, damaged
            damage.append("mojibake")
    return _Prepared(title, paras, clean, damage, art.language)


def _chrome_block(rng: random.Random, with_noise: bool) -> _Block:
    makers: list[tuple[Callable[[random.Random], str], str]] = [
        (_byline, "byline"), (_read_time, "read time"), (_dateline, "dateline"),
        (_social, "social prompt"), (_photo, "photo credit"), (_advert, "advertisement")]
    chosen = rng.sample(makers, rng.randint(*CHROME_LINES))
    lines = [(make(rng), _Label("boilerplate", None, None, note)) for make, note in chosen]
    if with_noise:
        lines.insert(rng.randint(0, len(lines)), (_mash(rng), _Label("noise", None, None, "keyboard mash")))
    return _lines_block(lines)


def _lines_block(lines: Sequence[tuple[str, _Label]]) -> _Block:
    frags: list[tuple[str, _Label | None]] = []
    for i, (text, label) in enumerate(lines):
        if i:
            frags.append(("\n", None))
        frags.append((text, label))
    return _Block(frags)


def _teasers(rng: random.Random, pool: Sequence[str], exclude: set[str]) -> _Block | None:
    options = [t for t in pool if _norm(t) not in exclude]
    if not options:
        return None
    picked = rng.sample(options, min(len(options), rng.randint(*TEASER_RUN_LENGTH)))
    return _lines_block([(_norm(t), _Label("links", None, None, "teaser links to other articles"))
                         for t in picked])


def _article_blocks(rng: random.Random, k: int, prep: _Prepared, opts: DamageOptions,
                    layout: Layout) -> list[_Block]:
    wrap = layout in (Layout.HARD_WRAPPED, Layout.SENTENCE_PER_LINE)
    blocks: list[_Block] = []
    if prep.title is not None:
        blocks.append(_Block([(prep.title, _Label("title", k, prep.language))]))
    paras = [_Block([(p, _Label("body", k, lang))], wrap=wrap) for lang, p in prep.paragraphs]
    if len(prep.paragraphs) >= 3 and rng.random() < opts.duplicate:
        # Cut paragraph j mid-word and let earlier paragraphs a..b (b < j) run on from there.
        j = rng.randint(2, len(paras) - 1)
        a = rng.randint(0, j - 2)
        b = rng.randint(a, j - 1)
        lang, text = prep.paragraphs[j]
        cut = _cut(rng, text)
        repeated = [_Block([(p, _Label("duplicate", k, plang, "repeats earlier text of the article"))],
                    wrap=wrap) for plang, p in prep.paragraphs[a: b + 1]]
        head = _Block([(text[:cut], _Label("body", k, lang))], wrap=wrap)
        head.fragments.extend(repeated[0].fragments)
        paras = [*paras[:j], head, *repeated[1:], *paras[j + 1:]]
        prep.damage.append("duplicate")
    blocks.extend(paras)
    return blocks


def _render_block(block: _Block, layout: Layout, width: int) -> list[tuple[str, _Label | None]]:
    """The block's characters with their labels; wrapping turns single spaces into newlines."""
    chars: list[tuple[str, _Label | None]] = [(ch, lab) for text, lab in block.fragments for ch in text]
    if not block.wrap:
        return chars
    text = "".join(ch for ch, _ in chars)
    if layout is Layout.SENTENCE_PER_LINE:
        for i in _sentence_breaks(text):
            chars[i] = ("\n", chars[i][1])
        return chars
    line_len = 0
    for i, (ch, lab) in enumerate(chars):
        if ch == " ":
            nxt = text.find(" ", i + 1)
            word = (len(text) if nxt < 0 else nxt) - i - 1
            if line_len + 1 + word > width:
                chars[i] = ("\n", lab)
                line_len = 0
                continue
        line_len = 0 if ch == "\n" else line_len + 1
    return chars


def _sentence_breaks(text: str) -> list[int]:
    """Indices of the spaces that end a sentence (a simple rule, wary of abbreviations)."""
    out: list[int] = []
    for i, ch in enumerate(text):
        if ch != " " or i == 0 or i + 1 >= len(text):
            continue
        j = i - 1
        while j > 0 and text[j] in "\"”’)»":
            j -= 1
        if text[j] not in ".!?。!?":
            continue
        nxt = text[i + 1]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘(«¡¿"):
            continue
        word = text[text.rfind(" ", 0, j) + 1: j].strip("\"“‘(").lower()
        if word in _ABBREVIATIONS or (len(word) <= 2 and word.isalpha()) or "." in word:
            continue
        out.append(i)
    return out


def split_sentences(text: str) -> list[str]:
    """``text`` cut into sentences by the rule the sentence-per-line layout uses."""
    cuts = [-1, *_sentence_breaks(text), len(text)]
    return [text[a + 1:b] for a, b in zip(cuts, cuts[1:]) if text[a + 1:b].strip()]


# ---------------------------------------------------------------------------------------


def generate(
    articles: Sequence[SourceArticle],
    rng: random.Random,
    options: DamageOptions | None = None,
    *,
    teaser_titles: Sequence[str] = TEASER_TITLES,
    foreign: Sequence[tuple[str, str]] = FOREIGN_PARAGRAPHS,
) -> SyntheticDocument:
    """Concatenate ``articles`` in the given order, damage them, and annotate the result.

    ``articles`` are used in order, so the caller decides on neighbours (for instance
    same-topic pairs). ``teaser_titles`` supplies titles of other articles for teaser link
    runs (titles of the document's own articles are skipped); ``foreign`` supplies
    ``(language, text)`` paragraphs for language switches.

    Raises:
        ValueError: ``articles`` is empty.
    """
    if not articles:
        raise ValueError("generate() needs at least one article")
    opts = options if options is not None else DamageOptions()
    layout = rng.choice(opts.layouts)
    no_titles = layout is Layout.SENTENCE_PER_LINE
    width = rng.randint(*WRAP_WIDTH_RANGE)
    unused = list(foreign)  # one document never repeats a foreign paragraph (it would be a duplicate)
    preps = [_prepare(rng, a, opts, no_titles, unused) for a in articles]
    own_titles = {_norm(a.title) for a in articles if a.title}

    blocks: list[_Block] = []
    noise = rng.random() < opts.noise
    noise_in_chrome = noise and rng.random() < 0.5
    if rng.random() < opts.chrome:
        blocks.append(_chrome_block(rng, noise_in_chrome))
    elif noise_in_chrome:
        blocks.append(_lines_block([(_mash(rng), _Label("noise", None, None, "keyboard mash"))]))
    if rng.random() < opts.teasers_top and (run := _teasers(rng, teaser_titles, own_titles)):
        blocks.append(run)
    spliced: set[int] = set()
    for k, prep in enumerate(preps):
        if k not in spliced and rng.random() < opts.preamble:
            lang, line = _preamble(rng, articles[k].title)
            blocks.append(_Block([(line, _Label("artifact", None, lang, "assistant preamble"))]))
            prep.damage.append("preamble")
        art_blocks = _article_blocks(rng, k, prep, opts, layout)
        if noise and not noise_in_chrome and k == len(preps) // 2 and len(art_blocks) > 2:
            at = rng.randint(1, len(art_blocks) - 1)
            art_blocks.insert(at, _Block([(_mash(rng), _Label("noise", k, None, "keyboard mash"))]))
        last = k == len(preps) - 1
        splice = not last and rng.random() < opts.splice
        if splice:
            tail = art_blocks[-1]
            text, label = tail.fragments[-1]
            if label is not None and label.kind == "body":
                cut = _cut(rng, text)
                tail.fragments[-1] = (text[:cut], label)
                tail.glue_next = True
                prep.damage.append("cut_mid_word")
                if "mojibake" in prep.damage:
                    prep.clean[-1] = _cut_clean(prep.clean[-1], text, cut)
                spliced.add(k + 1)
        blocks.extend(art_blocks)
        if not splice and rng.random() < opts.sign_off:
            lang, line = _sign_off(rng, articles[k].title)
            blocks.append(_Block([(line, _Label("artifact", k, lang, "assistant sign-off"))]))
            prep.damage.append("sign_off")
        if not last and not splice and rng.random() < opts.teasers_between and (
                run := _teasers(rng, teaser_titles, own_titles)):
            blocks.append(run)
    if rng.random() < opts.teasers_bottom and (run := _teasers(rng, teaser_titles, own_titles)):
        blocks.append(run)
    return _assemble(blocks, preps, layout, width, spliced)


def _cut_clean(clean: str, damaged: str, cut: int) -> str:
    """The undamaged prefix of ``clean`` whose mojibake is ``damaged[:cut]``."""
    for n in range(len(clean) + 1):
        if len(mojibake(clean[:n])) >= cut:
            return clean[:n]
    return clean


def _assemble(blocks: list[_Block], preps: list[_Prepared], layout: Layout, width: int,
              spliced: set[int]) -> SyntheticDocument:
    sep = "\n" if layout in (Layout.SINGLE_NEWLINE, Layout.SENTENCE_PER_LINE) else "\n\n"
    chars: list[tuple[str, _Label | None]] = []
    for i, block in enumerate(blocks):
        if i and not blocks[i - 1].glue_next:
            chars.extend((ch, None) for ch in sep)
        chars.extend(_render_block(block, layout, width))
    if layout is Layout.CRLF:
        chars = [c for ch, lab in chars for c in ((("\r", lab), ("\n", lab)) if ch == "\n" else ((ch, lab),))]
    text = "".join(ch for ch, _ in chars)
    labels = [lab for _, lab in chars]
    return SyntheticDocument(text, _gold(text, labels, preps, spliced), layout)


def _gold(text: str, labels: list[_Label | None], preps: list[_Prepared], spliced: set[int]) -> GoldDict:
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    pieces: list[tuple[_Label, int, int, int]] = []  # label, start, end, line number (1-based)
    for n, ls in enumerate(line_starts):
        le = line_starts[n + 1] - 1 if n + 1 < len(line_starts) else len(text)
        runs: list[list[Any]] = []
        for i in range(ls, le):
            lab = labels[i]
            if text[i].isspace() or lab is None:
                continue
            if runs and runs[-1][0] == lab:
                runs[-1][2] = i + 1
            else:
                runs.append([lab, i, i + 1])
        arts = {r[0].article for r in runs}
        kinds = {r[0].kind for r in runs}
        if len(runs) > 1 and len(arts) == 1 and "duplicate" in kinds:
            lab0 = runs[0][0]
            runs = [[_Label("?", lab0.article, lab0.language,
                            "truncated sentence, then an earlier passage repeats"), runs[0][1], runs[-1][2]]]
        pieces.extend((r[0], r[1], r[2], n + 1) for r in runs)

    spans: list[dict[str, Any]] = []
    for lab, start, end, line in pieces:
        last = spans[-1] if spans else None
        if last is not None and last["kind"] == lab.kind and last["article"] == lab.article:
            last["end"], last["last_line"] = end, line
            if last["note"] is None:
                last["note"] = lab.note
        else:
            spans.append({"kind": lab.kind, "article": lab.article, "start": start, "end": end,
                          "first_line": line, "last_line": line, "note": lab.note})

    languages: list[dict[str, Any]] = []
    for lab, start, end, _ in pieces:
        lang = lab.language
        if lang is None or lang == "en":
            continue
        if languages and languages[-1]["language"] == lang and not text[languages[-1]["end"]:start].strip():
            languages[-1]["end"] = end
        else:
            languages.append({"language": lang, "start": start, "end": end})

    gold_articles: list[dict[str, Any]] = []
    not_boundaries: list[dict[str, Any]] = []
    prev_end = 0
    for k, prep in enumerate(preps):
        content = [(s, e) for lab, s, e, _ in pieces if lab.article == k and lab.kind in _CONTENT]
        start, end = content[0][0], content[-1][1]
        if k == 0:
            zone = [0, 0]
        else:
            line_start = text.rfind("\n", 0, start) + 1
            zone = [min(prev_end, line_start) if k in spliced else prev_end, start]
        entry: dict[str, Any] = {"index": k, "title": prep.title if "mojibake" not in prep.damage
                                 else (prep.clean[0] if prep.title is not None else None),
                                 "content_start": start, "content_end": end, "zone": zone,
                                 "language": prep.language, "damage": list(prep.damage)}
        if "mojibake" in prep.damage and "duplicate" not in prep.damage:
            entry["clean_text"] = html.unescape("\n\n".join(prep.clean))
        gold_articles.append(entry)
        prev_end = end
        for n, (lab, s, _, line) in enumerate(pieces):
            if n and lab.article == k and lab.kind == "body" and lab.language != prep.language and (
                    pieces[n - 1][0].language != lab.language):
                not_boundaries.append({"offset": s, "line": line,
                                       "why": "language switch inside the same article"})
        for lab, s, _, line in pieces:
            if lab.article == k and lab.kind in ("duplicate", "?"):
                not_boundaries.append({"offset": s, "line": line,
                                       "why": "repeated passage of the same article"})
                break
    not_boundaries.sort(key=lambda nb: nb["offset"])
    return {"file": None, "chars": len(text), "articles": gold_articles, "spans": spans,
            "languages": languages, "not_boundaries": not_boundaries}
