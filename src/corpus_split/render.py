"""HTML views of documents and articles, for notebooks and for saving to a file.

Every function here is pure: it takes results of ``corpus_split.split`` and
returns a ``str`` of HTML. All text from the input is escaped, and characters that
cannot appear in UTF-8 output (lone surrogates) or would be invisible in a browser
(C0 control characters other than tab and line ends) are replaced by visible
stand-ins first, so any ``Document`` renders, and encodes, safely.

Colours for each ``corpus_split.Kind`` come from one table, ``KIND_STYLES``.

Example:
    ```python
    from pathlib import Path
    import corpus_split as cs
    from corpus_split import render

    doc = cs.split(Path("examples/seeds/003_c8b19dc2d68a540b.txt").read_bytes())
    Path("view.html").write_text(render.html_page(doc), encoding="utf-8")
    ```

In Jupyter, ``doc`` and any ``doc.articles[i]`` display this view on their own.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import regex

from .model import Article, Boundary, Document, Kind, Segment

__all__ = [
    "DEFAULT_MAX_CHARS",
    "KIND_STYLES",
    "KindStyle",
    "article_html",
    "document_html",
    "escape",
    "html_page",
    "legend_html",
]

DEFAULT_MAX_CHARS = 200_000
"""How many characters of a document ``document_html`` shows unless told otherwise."""


@dataclass(frozen=True, slots=True)
class KindStyle:
    """How one kind of segment is drawn.

    Attributes:
        background: CSS background colour of the kind's text.
        foreground: CSS text colour.
        border: CSS colour of the thin underline that marks the kind's extent.
        bold: whether the kind's text is drawn in bold.
        description: one line saying what the kind is (shown on hover in the legend).
    """

    background: str
    foreground: str
    border: str
    bold: bool
    description: str


KIND_STYLES: Mapping[Kind, KindStyle] = MappingProxyType({
    Kind.TITLE: KindStyle("#cfe2ff", "#0b2e6b", "#3d7be0", True, "an article's title"),
    Kind.HEADING: KindStyle("#e3e0fb", "#2e2378", "transparent", True, "a section heading inside an article"),
    Kind.BODY: KindStyle("#eef7ee", "#1a1a1a", "transparent", False, "an article's running text"),
    Kind.BOILERPLATE: KindStyle("#e6e6e6", "#4a4a4a", "#9a9a9a", False,
                                "page chrome: navigation, cookie notices, share buttons"),
    Kind.LINKS: KindStyle("#f3e3f7", "#5a2169", "#b77fc7", False, "teaser links and link lists"),
    Kind.NOISE: KindStyle("#ffe6cc", "#6b3a00", "#e09a4f", False, "debris: stray symbols, code, fragments"),
    Kind.ARTIFACT: KindStyle("#ffd6d6", "#7a1010", "#e06666", False,
                             "generation residue such as assistant preambles"),
    Kind.DUPLICATE: KindStyle("#fff3b0", "#5c4d00", "#d4b32a", False,
                              "a passage repeating earlier text of the document"),
})
"""The one colour table: the style of every ``corpus_split.Kind``, in legend order."""

_PREFIX = "cs"

# Lone surrogates cannot be encoded as UTF-8 (a notebook would fail to save the output);
# C0 controls other than tab and line ends are invisible or rejected by browsers.
_UNSAFE_RE = regex.compile(r"[\ud800-\udfff]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _stand_in(match: regex.Match[str]) -> str:
    ch = match.group()
    if "\ud800" <= ch <= "\udfff":
        return "\ufffd"
    if ch == "\x7f":
        return "\u2421"
    return chr(0x2400 + ord(ch))  # the Unicode "control picture", e.g. ␀ for NUL


def escape(text: str) -> str:
    """Make any ``str`` safe to place in HTML text or a quoted attribute.

    Lone surrogates become U+FFFD, C0 control characters (other than tab, line
    feed and carriage return) and DEL become their visible Unicode "control
    pictures" (``␀``, ``␛``, ``␡``), then ``&``, ``<``, ``>``, ``"`` and ``'`` are
    escaped. The result always encodes as UTF-8.
    """
    return html.escape(_UNSAFE_RE.sub(_stand_in, text), quote=True)


def _css() -> str:
    p = _PREFIX
    rules = [
        f".{p}-view{{font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
        "font-size:14px;line-height:1.55;color:#1a1a1a;background:#fff;"
        "border:1px solid #d0d0d0;border-radius:6px;padding:10px 14px;max-width:72em}",
        f".{p}-summary{{color:#555;font-size:12.5px;margin-bottom:6px}}",
        f".{p}-legend{{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 10px 0;padding-bottom:8px;"
        "border-bottom:1px solid #e2e2e2}",
        f".{p}-key{{padding:1px 8px;border-radius:10px;font-size:12px;cursor:help;"
        "border:1px solid transparent}",
        f".{p}-key b{{font-weight:600;margin-left:4px;opacity:.7}}",
        f".{p}-text{{white-space:pre-wrap;overflow-wrap:anywhere}}",
        f".{p}-scroll{{max-height:38em;overflow-y:auto}}",
        f".{p}-seg{{-webkit-box-decoration-break:clone;box-decoration-break:clone;"
        "border-radius:2px}",
        f".{p}-head{{display:block;margin:14px 0 4px 0;padding:3px 8px;background:#263445;"
        "color:#fff;border-radius:4px;font-size:12.5px;white-space:normal}",
        f".{p}-head:first-child{{margin-top:0}}",
        f".{p}-head .{p}-title{{font-weight:600}}",
        f".{p}-head .{p}-meta{{opacity:.75;margin-left:8px}}",
        f".{p}-head .{p}-why{{margin-left:8px;padding:0 6px;border-radius:8px;background:#3d5370;"
        "cursor:help;border-bottom:1px dotted #c9d6e8}",
        f".{p}-more{{color:#777;font-style:italic;margin-top:8px}}",
        f".{p}-clean{{margin-top:10px;font-size:13px}}",
        f".{p}-clean pre{{white-space:pre-wrap;background:#fafafa;padding:8px;border-radius:4px}}",
    ]
    for kind, style in KIND_STYLES.items():
        weight = "font-weight:600;" if style.bold else ""
        rules.append(
            f".{p}-k-{kind.value}{{background:{style.background};color:{style.foreground};"
            f"border-bottom:2px solid {style.border};{weight}}}"
        )
    return "<style>" + "".join(rules) + "</style>"


def _kinds_in_order(segments: Iterable[Segment]) -> list[Kind]:
    present = {s.kind for s in segments}
    return [kind for kind in KIND_STYLES if kind in present]


def legend_html(segments: Iterable[Segment]) -> str:
    """A legend with one entry per kind present in ``segments``, with its character count.

    Each entry carries the kind's colour and its description as a hover title.
    """
    p = _PREFIX
    segs = list(segments)
    chars: dict[Kind, int] = {}
    for s in segs:
        chars[s.kind] = chars.get(s.kind, 0) + (s.end - s.start)
    entries = []
    for kind in _kinds_in_order(segs):
        tip = f"{kind.value}: {KIND_STYLES[kind].description} ({chars[kind]:,} characters)"
        entries.append(
            f'<span class="{p}-key {p}-k-{kind.value}" data-kind="{kind.value}" '
            f'title="{escape(tip)}">{kind.value}<b>{chars[kind]:,}</b></span>'
        )
    return f'<div class="{p}-legend">' + "".join(entries) + "</div>"


def _segment_html(seg: Segment, text: str | None = None) -> str:
    """The segment's text in a span of its kind; whitespace around it is left uncoloured."""
    body = seg.text if text is None else text
    core = body.strip()
    if not core:
        return escape(body)
    lead = body[: len(body) - len(body.lstrip())]
    trail = body[len(lead) + len(core):]
    where = f"article {seg.article}" if seg.article is not None else "no article"
    tip = f"{seg.kind.value} · {seg.start}:{seg.end} · {where} · language {seg.language or '?'}"
    return (
        f'{escape(lead)}<span class="{_PREFIX}-seg {_PREFIX}-k-{seg.kind.value}" '
        f'title="{escape(tip)}">{escape(core)}</span>{escape(trail)}'
    )


def _article_head(article: Article, boundary: Boundary | None, first: bool) -> str:
    p = _PREFIX
    title = article.title if article.title is not None else "(untitled)"
    meta = f"{article.start}:{article.end} · language {article.language or '?'}"
    if boundary is not None:
        reasons = ", ".join(r.value for r in boundary.reasons) or "none recorded"
        why_tip = f"boundary at {boundary.offset}, score {boundary.score:.2f}; reasons: {reasons}"
        why_label = f"boundary {boundary.score:.2f}"
    elif first:
        why_tip, why_label = "the first article starts the document's content", "first article"
    else:
        why_tip, why_label = "", ""
    why = (
        f'<span class="{p}-why" title="{escape(why_tip)}">{escape(why_label)}</span>'
        if why_label else ""
    )
    return (
        f'<span class="{p}-head" data-article="{article.index}" title="{escape(why_tip)}">'
        f"Article {article.index} · "
        f'<span class="{p}-title">{escape(title)}</span>'
        f'<span class="{p}-meta">{escape(meta)}</span>{why}</span>'
    )


def document_html(doc: Document, *, max_chars: int | None = DEFAULT_MAX_CHARS,
                  scroll: bool = True) -> str:
    """The whole document with segments coloured by kind, as an HTML fragment.

    Shows a one-line summary, a legend of the kinds present, and the text with
    a header bar where each article starts (its title, span and language; the
    boundary's score and reasons on hover). Hovering a segment shows its kind,
    offsets, article and language.

    Args:
        doc: the result of ``corpus_split.split``.
        max_chars: show at most this many characters of ``doc.text`` (``None``:
            all), so a huge document does not overwhelm a notebook.
        scroll: keep the text in a box of fixed height with a scroll bar.

    Raises:
        ValueError: ``max_chars`` is negative.
    """
    if max_chars is not None and max_chars < 0:
        raise ValueError(f"max_chars must be >= 0 or None, not {max_chars}")
    p = _PREFIX
    limit = len(doc.text) if max_chars is None else min(max_chars, len(doc.text))
    boundaries = {b.offset: b for b in doc.boundaries}
    articles = list(doc.articles)
    parts: list[str] = []
    next_article = 0
    for seg in doc.segments:
        if seg.start >= limit:
            break
        while next_article < len(articles) and articles[next_article].start < seg.end:
            art = articles[next_article]
            parts.append(_article_head(art, boundaries.get(art.start), next_article == 0))
            next_article += 1
        text = seg.text if seg.end <= limit else seg.text[: limit - seg.start]
        parts.append(_segment_html(seg, text))
    hidden = len(doc.text) - limit
    more = (f'<div class="{p}-more">… {hidden:,} more characters not shown '
            f"(max_chars={max_chars})</div>" if hidden > 0 else "")
    summary = (
        f"{len(doc.text):,} characters · {len(doc.segments)} segments · "
        f"{len(doc.articles)} articles · encoding {doc.encoding or 'str input'} · "
        f"{len(doc.repaired.changes)} repairs"
    )
    text_class = f"{p}-text {p}-scroll" if scroll else f"{p}-text"
    return (
        f'<div class="{p}-view {p}-document">{_css()}'
        f'<div class="{p}-summary">{escape(summary)}</div>'
        f"{legend_html(doc.segments)}"
        f'<div class="{text_class}">{"".join(parts)}</div>{more}</div>'
    )


def article_html(article: Article, *, clean_text: bool = True, scroll: bool = True) -> str:
    """One article with its segments coloured by kind, as an HTML fragment.

    Args:
        article: an article of a ``corpus_split.Document``.
        clean_text: also show the article's ``clean_text`` in a collapsed section.
        scroll: keep the text in a box of fixed height with a scroll bar.
    """
    p = _PREFIX
    body = "".join(_segment_html(s) for s in article.segments)
    clean = (
        f'<details class="{p}-clean"><summary>clean_text ({len(article.clean_text):,} characters)'
        f"</summary><pre>{escape(article.clean_text)}</pre></details>"
        if clean_text else ""
    )
    text_class = f"{p}-text {p}-scroll" if scroll else f"{p}-text"
    return (
        f'<div class="{p}-view {p}-article">{_css()}'
        f"{legend_html(article.segments)}"
        f'<div class="{text_class}">{_article_head(article, None, False)}{body}</div>{clean}</div>'
    )


def html_page(doc: Document, *, title: str = "corpus_split view",
              max_chars: int | None = None) -> str:
    """A complete, standalone HTML page showing ``document_html`` without a scroll box.

    Write it to a file with ``encoding="utf-8"`` and open it in a browser.
    """
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title></head>"
        '<body style="margin:16px;background:#f6f6f6">'
        f"{document_html(doc, max_chars=max_chars, scroll=False)}</body></html>\n"
    )
