"""corpus_split: turn damaged, concatenated web text into clean, typed pieces with exact offsets.

Examples:
    >>> doc = split("Title\\n\\nSome text of the article, long enough to be a paragraph.")
    >>> [s.kind.value for s in doc.segments]
    ['title', 'body']
"""

from .config import Config
from .corpus import (
    SCHEMA_VERSION,
    CorpusFileError,
    Record,
    RecordError,
    SplitError,
    document_record,
    read_records,
    split_file,
    split_many,
    split_records,
    write_records,
)
from .model import CONTENT_KINDS, Article, Boundary, Document, Kind, Reason, Segment
from .pipeline import split
from .repair import Change, Fix, Repaired, repair

__all__ = [
    "CONTENT_KINDS",
    "SCHEMA_VERSION",
    "Article",
    "Boundary",
    "Change",
    "Config",
    "CorpusFileError",
    "Document",
    "Fix",
    "Kind",
    "Reason",
    "Record",
    "RecordError",
    "Repaired",
    "Segment",
    "SplitError",
    "document_record",
    "read_records",
    "repair",
    "split",
    "split_file",
    "split_many",
    "split_records",
    "write_records",
]

__version__ = "0.1.0"
