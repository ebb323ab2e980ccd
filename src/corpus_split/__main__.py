"""``python -m corpus_split``: the same as the ``corpus-split`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
