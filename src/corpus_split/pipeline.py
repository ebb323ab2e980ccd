"""``split``: input → repair → lines → features → roles → articles → kinds → Document."""

from __future__ import annotations

from .assemble import build_document
from .boundaries import find_articles
from .config import Config
from .decode import decode
from .kinds import assign_kinds
from .language import assign_languages
from .lexical import line_words_and_languages
from .lines import split_lines
from .model import Document
from .prelim import CONTENT_ROLES, read_roles
from .repair import _check_config, repair

__all__ = ["split"]


def split(text: str | bytes, *, config: Config | None = None) -> Document:
    """Split a scraped document into typed segments and whole articles.

    ``text`` may be a ``str`` or UTF-8 (or otherwise encoded) ``bytes``. All
    offsets in the result count characters of ``Document.text``.

    Raises:
        TypeError: ``text`` is not ``str`` or bytes, or ``config`` not a `Config`.
    """
    if not isinstance(text, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"split() takes str or bytes, not {type(text).__name__}")
    config = _check_config(config)
    return _split(text, config)


def _split(text: str | bytes, config: Config) -> Document:
    source, encoding = decode(text)
    repaired = repair(source, config=config)
    layout = split_lines(repaired.text, joined=True)
    roles, feats = read_roles(layout, config.find_duplicates)
    # the boundaries and titles are judged by the vocabulary of content lines
    words, line_languages = line_words_and_languages(
        [line.text for line in layout.lines], [r in CONTENT_ROLES for r in roles])
    units, spans = find_articles(layout, roles, feats, words, config.sensitivity, line_languages)
    line_kinds = assign_kinds(layout, roles, words, units, spans)
    languages, article_languages = assign_languages(layout, line_kinds, config.detect_languages)
    evidence = [(s.score, s.reasons) for s in spans]
    return build_document(
        repaired, encoding, layout, line_kinds, languages, article_languages, evidence
    )

