"""The one configuration object, frozen and validated, with documented defaults."""

from __future__ import annotations

from dataclasses import dataclass, fields

__all__ = ["Config"]


@dataclass(frozen=True, slots=True)
class Config:
    """Settings for `corpus_split.repair` and `corpus_split.split`.

    The repair defaults are conservative, in the spirit of corpus pipelines: they
    undo damage (mojibake, entities, controls, invisible characters, line-end
    variants) but keep curly quotes, character widths and Unicode normalisation
    as the author wrote them.

    Attributes:
        fix_encoding: undo mojibake (UTF-8 read as Windows-1252 or Latin-1, also twice; on a
            page where some was undone, also on lines too short for ftfy to judge).
        unescape_html: decode HTML entities such as ``&amp;`` and ``&#8217;``.
        fix_c1_controls: read stray C1 control characters as the Windows-1252 ones meant.
        remove_control_chars: drop C0 controls (other than tab and newline) and similar.
        remove_terminal_escapes: drop ANSI terminal escape sequences.
        fix_line_breaks: turn CRLF, CR and Unicode line/paragraph separators into ``\\n``.
        remove_invisible: drop zero-width spaces, word joiners and stray byte-order marks.
        normalize_spaces: turn non-breaking and other fixed-width spaces into plain spaces.
        sensitivity: how readily a new article is started, in ``[0, 1]``; higher
            finds more boundaries. 0.5 is the setting tuned on our benchmarks.
        detect_languages: name the language of each segment and article (lingua).
        find_duplicates: type passages that repeat earlier text of the document.
    """

    fix_encoding: bool = True
    unescape_html: bool = True
    fix_c1_controls: bool = True
    remove_control_chars: bool = True
    remove_terminal_escapes: bool = True
    fix_line_breaks: bool = True
    remove_invisible: bool = True
    normalize_spaces: bool = True
    sensitivity: float = 0.5
    detect_languages: bool = True
    find_duplicates: bool = True

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type in ("bool", bool) and not isinstance(value, bool):
                raise ValueError(f"Config.{f.name} must be True or False, not {value!r}")
        s = self.sensitivity
        if isinstance(s, bool) or not isinstance(s, (int, float)) or not 0.0 <= float(s) <= 1.0:
            raise ValueError(f"Config.sensitivity must be a number in [0, 1], not {s!r}")


DEFAULT_CONFIG = Config()
