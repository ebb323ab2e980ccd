"""The provisional roles' speed shortcuts give the roles of the plain rules (issue 15).

`prelim._role` tries its patterns only where a paragraph's first character leaves them
open; this test checks it against the rules with every pattern tried.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_split import prelim
from corpus_split.features import Family, LineFeatures, line_features, quoted_request
from corpus_split.prelim import Role
from corpus_split.scores import ParagraphScore


def _plain_role(text: str, f: LineFeatures, s: ParagraphScore, following: str | None) -> Role:
    """`prelim._role` with every pattern tried."""
    if f.family in prelim._ASSISTANT and (
            s.content < prelim.FAMILY_YIELD or prelim.running_words(text) < prelim.LONG_WORDS):
        return prelim._ASSISTANT[f.family]
    if f.family is Family.CHROME:
        return Role.CHROME
    if prelim._FENCE_RE.match(text):
        return Role.BODY
    if len(text) <= 200 and prelim._SEPARATOR_RE.match(text):
        return Role.SEPARATOR
    if not prelim._ALNUM_RE.search(text) or f.gibberish:
        return Role.NOISE
    if s.verdict == "artifact" and text.startswith(">") and not quoted_request(text):
        return Role.BODY
    if s.verdict == "artifact":
        if text.endswith((":", "：")):
            return Role.PREAMBLE
        return Role.PREAMBLE if following is not None and line_features(following).headline \
            else Role.SIGN_OFF
    if s.verdict == "chrome":
        return Role.LINK if s.links > 0.5 else Role.CHROME
    code = (prelim._LINK_DEFINITION_RE.match(text) is not None or prelim._TAG_OPEN_RE.match(text) is not None
            or text.startswith(("```", "~~~")) or any(mark in text for mark in ("{", "}", "=>"))
            or text.endswith(";"))
    return Role.HEADLINE if f.headline and not code and not prelim._ITEM_RE.match(text) else Role.BODY


_PIECES = ["```", "~~~", "python", "---", "***", "* ", "- ", "> ", "•", "–", "+ ", " ", "\t", "A", "x",
           "Word", "\u00e9t\u00e9", "\u4e2d\u6587", "\u0662", "12", ".", "!", "\u2019", "\u00bb", "==", "#",
           "Of course, ", "Subscribe", "Reply", "Write ", "[", "]: ", "<p>", "<a href=", "{", "=>", ";"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10).map("".join),
       st.sampled_from(["content", "chrome", "artifact"]), st.floats(0.0, 1.0), st.booleans())
def test_role_shortcuts_give_the_plain_roles(text: str, verdict: str, content: float, links: bool) -> None:
    f = line_features(text)
    s = ParagraphScore(content, 1.0 - content, 0.0, 1.0 if links else 0.0, verdict)  # type: ignore[arg-type]
    for following in (None, "Next Headline Here", "and so on."):
        assert prelim._role(text, f, s, following) is _plain_role(text, f, s, following)
