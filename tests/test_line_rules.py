"""Line-level rules users meet through split(): glued texts, keyboard mash, headline shape."""

from __future__ import annotations

import pytest

from corpus_split.features import line_features
from corpus_split.lines import _splice_point


@pytest.mark.parametrize(
    ("line", "tail"),
    [
        ("the biggest commodThe International Cocoa Organization said on Monday",
         "The International Cocoa Organization said on Monday"),
        ("a new unit of the Org<PHOENIX STEEL CORP> IN NEW DEBT DEAL",
         "<PHOENIX STEEL CORP> IN NEW DEBT DEAL"),
        ("the sLYNG SAYS INDIA FOOD AID PACKAGE NOT READY", "LYNG SAYS INDIA FOOD AID PACKAGE NOT READY"),
    ],
)
def test_text_glued_onto_a_cut_off_word_is_split(line: str, tail: str) -> None:
    cut = _splice_point(line)
    assert cut is not None and line[cut:] == tail


@pytest.mark.parametrize(
    "line",
    [
        "JavaScript developers like McDonald and iPhone apps very much today",
        "Shares of eBay and PayPal rose (The Street reported) on Tuesday",
        "Analysts at BankAmerica said the offer was priced at a discount",
    ],
)
def test_names_with_inner_capitals_are_not_splices(line: str) -> None:
    assert _splice_point(line) is None


def test_one_keyboard_row_is_mash() -> None:
    assert line_features("asdfghjklkjhgfd").gibberish
    assert not line_features("Counterrevolutionaries").gibberish


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("CHINA WHEAT EXPORTS TO U.S.", True),
        ("comparisons, in mln lbs", False),
        ("iPhone Sales Soar In China", True),
        ("and the company said it would", False),
        ("The talks ended without a deal.", False),
        ("Net 1.2 mln vs 800,000", False),
        ("Revs 12.4 mln vs 10.1 mln", False),
        ("CHINA TO BUY 500,000 TONNES OF U.S. WHEAT", True),
    ],
)
def test_headline_shape(line: str, headline: bool) -> None:
    assert line_features(line).headline is headline
