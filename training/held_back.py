"""Which records of ``../shared/corpora`` no model is fitted on, so benchmarks built from them
report held-back figures (stdlib only: the benchmarks import it too).

``news-multi`` holds one site's news posts, most of them in several translations; a post
and its translations share a date and go to the same side, so no benchmark document holds
a translation of a post the models were fitted on.
"""

from __future__ import annotations

import re
import zlib

__all__ = ["held_back", "record_key"]

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def record_key(source: str, record_id: str) -> str:
    """What a record's side of a split is chosen by: its id, or for ``news-multi`` its
    posting date, so that a post and its translations fall on the same side."""
    if not source.startswith("news-multi"):
        return record_id
    date = _DATE_RE.search(record_id)
    return date.group() if date else record_id


def held_back(source: str, record_id: str) -> bool:
    """Whether the record ``record_id`` of corpus file ``source`` is kept out of every fit:
    half of ``news-multi``'s posting dates, chosen by a CRC of the date (fixed, no draw)."""
    if not source.startswith("news-multi"):
        return False
    return zlib.crc32(record_key(source, record_id).encode("utf-8")) % 2 == 1
