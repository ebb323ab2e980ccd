"""The marks that end a sentence, and the closing quotes and brackets that may follow them:
one list for every stage that asks whether a text ends a sentence (lines, boundaries, threads,
sentences), so that a script or a quotation mark added for one is added for all."""

from __future__ import annotations

__all__: list[str] = []

LATIN_ENDS = ".!?"
WIDE_ENDS = "。！？"  # full-width: no space follows them
OTHER_ENDS = "؟۔।"  # the Arabic question mark, the Urdu full stop, the Devanagari danda
ENDS = LATIN_ENDS + WIDE_ENDS + OTHER_ENDS
# closing quotes and a bracket: German „…“ closes on “ and ‚…‘ on ‘, »…« on « and ›…‹ on ‹
CLOSERS = "'\"’”)»«」』“‘›‹"
