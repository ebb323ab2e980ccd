"""``split``: input → repair → lines → features → roles → articles → kinds → Document."""

from __future__ import annotations

from collections import Counter

from .assemble import build_document
from .boundaries import find_articles
from .config import Config
from .decode import decode
from .features import line_features
from .kinds import LineKinds, assign_kinds
from .language import detect, script_language
from .lines import Layout, split_lines
from .model import CONTENT_KINDS, Document, Kind
from .prelim import read_roles
from .repair import _check_config, repair

__all__ = ["split"]


def split(text: str | bytes, *, config: Config | None = None) -> Document:
    """Split a scraped document into typed segments and whole articles.

    ``text`` may be a ``str`` or UTF-8 (or otherwise encoded) ``bytes``. All
    offsets in the result count characters of ``Document.text``.

    Raises:
        TypeError: ``text`` is not ``str`` or bytes, or ``config`` not a :class:`Config`.
    """
    if not isinstance(text, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"split() takes str or bytes, not {type(text).__name__}")
    config = _check_config(config)
    source, encoding = decode(text)
    repaired = repair(source, config=config)
    layout = split_lines(repaired.text)
    feats = [line_features(line.text) for line in layout.lines]
    roles = read_roles(layout, feats, config.find_duplicates)
    units, spans = find_articles(layout, roles, feats, config.sensitivity)
    line_kinds = assign_kinds(layout, roles, units, spans)
    languages, article_languages = _languages(layout, line_kinds, config.detect_languages)
    evidence = [(s.score, s.reasons) for s in spans]
    return build_document(
        repaired, encoding, layout, line_kinds, languages, article_languages, evidence
    )


def _languages(
    layout: Layout, line_kinds: LineKinds, enabled: bool
) -> tuple[list[str | None], list[str | None]]:
    """Language per line and per article: scripts for all, lingua once per article and script."""
    lines = layout.lines
    if not enabled:
        return [None] * len(lines), [None] * len(line_kinds.ranges)
    scripts = [_script(line.text) for line in lines]
    kinds, arts = line_kinds.kinds, line_kinds.articles
    per_script: dict[str, str | None] = {}

    def language_of(script: str, texts: list[str]) -> str | None:
        if script in ("latn", "cyrl"):
            return detect(texts)
        return script or None

    article_langs: list[str | None] = []
    article_script: list[str] = []
    for k, (first, last) in enumerate(line_kinds.ranges):
        weight: Counter[str] = Counter()
        for i in range(first, last + 1):
            if arts[i] == k and kinds[i] in CONTENT_KINDS and scripts[i]:
                weight[scripts[i]] += len(lines[i].text)
        if not weight:
            article_langs.append(None)
            article_script.append("")
            continue
        main = weight.most_common(1)[0][0]
        texts = [lines[i].text for i in range(first, last + 1)
                 if arts[i] == k and kinds[i] is Kind.BODY and scripts[i] == main]
        article_langs.append(language_of(main, texts))
        article_script.append(main)

    out: list[str | None] = []
    for i, script in enumerate(scripts):
        owner = arts[i]
        if script not in ("latn", "cyrl"):
            out.append(script or None)
        elif owner is not None and article_script[owner] == script:
            out.append(article_langs[owner])
        else:
            if script not in per_script:
                sample = [lines[j].text for j in range(len(lines))
                          if scripts[j] == script and kinds[j] is Kind.BODY][:20]
                per_script[script] = language_of(script, sample or [lines[i].text])
            out.append(per_script[script])
    return out, article_langs


def _script(text: str) -> str:
    if text.isascii():
        return "latn" if any(ch.isalpha() for ch in text) else ""
    return script_language(text)
