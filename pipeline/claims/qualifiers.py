"""Qualifier of a claim (exact, about, over, under, at_least, up_to, just) from the hedge words around it."""

from __future__ import annotations

import re

from .lexicon import QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[\s\u00a0]+") for w in sorted(words, key=len, reverse=True))


_PREFIX_RE = re.compile(r"(?:^|(?<=[^\w.]))(?P<hedge>" + _alt(QUALIFIER_PREFIXES) + r")[\s\u00a0]+$", re.I)
_SUFFIX_RE = re.compile(
    r"^(?:[\s\u00a0]*(?P<word>" + _alt([k for k in QUALIFIER_SUFFIXES if k[0].isalpha()]) + r")\b"
    r"|(?P<sign>\+|-odd\b|-plus\b|ish\b))",
    re.I,
)
# words that may sit between the hedge and the number: "more than a third", "about the same £5m"
_FILLER_RE = re.compile(r"(?:\b(?:an?|the)[\s\u00a0]+)$", re.I)


def qualifier_for(text: str, start: int, end: int) -> str:
    """The qualifier for the claim text[start:end]; `exact` when no hedge word is next to it."""
    window = text[max(0, start - 40):start]
    filler = _FILLER_RE.search(window)
    m = _PREFIX_RE.search(window)
    if not m and filler:
        m = _PREFIX_RE.search(window[:filler.start()])
    if m:
        return QUALIFIER_PREFIXES[re.sub(r"[\s\u00a0]+", " ", m.group("hedge").lower())]
    s = _SUFFIX_RE.match(text[end:end + 20])
    if s:
        key = (s.group("word") or s.group("sign")).lower()
        key = re.sub(r"[\s\u00a0]+", " ", key)
        return QUALIFIER_SUFFIXES.get(key, QUALIFIER_SUFFIXES.get(key.lstrip("-"), "exact"))
    return "exact"
