"""Qualifier of a claim (exact, about, over, under, at_least, up_to, just) from the hedge words around it."""

from __future__ import annotations

import re

from .lexicon import QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES

_LONGEST_PREFIX = max(len(k.split()) for k in QUALIFIER_PREFIXES)
_HEDGE_TOKEN = re.compile(r"[a-z.]+")
_SUFFIX_RE = re.compile(
    # "50 or more", "2,700 kWh a year or less", "five years' service or more", "60-odd"
    r"(?:(?:[\s\u00a0]+(?:a|an|per|each|every)[\s\u00a0]+(?:year|month|week|day|hour|head|person)|['’][\s\u00a0]+[a-z]+)?"
    r"[\s\u00a0]*(?P<word>(?:or|and)[\s\u00a0]+(?:more|above|over|higher|greater|longer|older|less|fewer|below|under|"
    r"lower|younger|so|thereabouts)|plus)\b|(?P<sign>\+|-odd\b|-plus\b|ish\b))",
    re.I,
)
_BOUNDS = {"at_least", "up_to"}
_FILLERS = {"a", "an", "the"}
# the last word of every hedge, or a filler after it: nothing else before a claim can end a hedge
_HEDGE_ENDS = {k.split()[-1] for k in QUALIFIER_PREFIXES} | _FILLERS
_SIGNS = sorted((k for k in QUALIFIER_PREFIXES if not k[0].isalpha()), key=len, reverse=True)


def qualifier_for(text: str, start: int, end: int) -> str:
    """The qualifier for the claim text[start:end]; `exact` when no hedge word is next to it.

    A bound right after the claim wins ("nearly 50 or more" -> at_least, "18 or less" -> up_to); then a hedge
    right before it ("just over 350" -> over, "more than a third" -> over); then any other hedge after it
    ("60-odd" -> about).
    """
    after, worded = _suffix(text, end)
    if after in _BOUNDS and worded:
        return after
    signs = text[max(0, start - 3):start].rstrip(" \u00a0")
    for sign in _SIGNS:
        if signs.endswith(sign):
            return QUALIFIER_PREFIXES[sign]
    seg = text[max(0, start - 48):start]
    if seg[-1:].isspace() and seg.rsplit(None, 1)[-1:] and seg.rsplit(None, 1)[-1].lower() in _HEDGE_ENDS:
        words = []
        for w in reversed(seg.lower().split()[-(_LONGEST_PREFIX + 1):]):
            if not _HEDGE_TOKEN.fullmatch(w):
                break
            words.append(w)
        words.reverse()
        if words and words[-1] in _FILLERS:
            if text[start:start + 1].isdigit() or text[start:start + 1] in "£$€":
                words = []                  # "strike over a 3% pay offer": the hedge is a preposition
            words = words[:-1]
        for k in range(min(len(words), _LONGEST_PREFIX), 0, -1):
            hedge = " ".join(words[-k:])
            if hedge in QUALIFIER_PREFIXES:
                return QUALIFIER_PREFIXES[hedge]
    return after or "exact"


def _suffix(text: str, end: int) -> tuple[str | None, bool]:
    """The qualifier a hedge right after a claim gives (or None), and whether it is worded "or more"-like."""
    s = _SUFFIX_RE.match(text, end)
    if not s:
        return None, False
    key = re.sub(r"[\s\u00a0]+", " ", (s.group("word") or s.group("sign")).lower())
    return QUALIFIER_SUFFIXES.get(key, QUALIFIER_SUFFIXES.get(key.lstrip("-"))), key.startswith(("or ", "and "))
