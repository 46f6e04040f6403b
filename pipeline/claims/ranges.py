"""Ranges: two numbers read as one span (between 10% and 20%, £5m-£10m, 5 to 10 years)."""

from __future__ import annotations

import re

from .candidate import Candidate
from .lexicon import CHANGE_VERBS_FOR_FROM_TO

_GAP_RE = re.compile(r"^(?:-[\s\u00a0]*(?=to|and|or))?"  # a suspended hyphen: "10- to 15-year"
                     r"[\s\u00a0]*(?P<sep>-|–|—|~|to|and|or|up[\s\u00a0]+to|through|thru)[\s\u00a0]*$", re.I)
# "4.2 million barrels, up from 3.9 million": the earlier level leaves the unit to the new one
_UP_FROM_RE = re.compile(r"^[\s\u00a0]*,?[\s\u00a0]*(?:up|down)[\s\u00a0]+from[\s\u00a0]+$", re.I)
_BETWEEN_RE = re.compile(
    r"\b(?P<word>between|from)[\s\u00a0]+(?:(?:about|around|roughly|some|an estimated)[\s\u00a0]+)?$", re.I
)
_WORDS_RE = re.compile(r"[A-Za-z]+")


def find_ranges(text: str, claims: list[Candidate]) -> dict[int, int]:
    """Pair consecutive claims that form a range; returns {claim index: range number} (1, 2, ... per text).

    Both claims of a pair get the unit (and scale) the other states when they leave it implicit:
    `£5-10m` -> £5m and £10m, `10-20%` -> 10% and 20%.
    """
    groups: dict[int, int] = {}
    n = 0
    i = 0
    while i < len(claims) - 1:
        a, b = claims[i], claims[i + 1]
        gap = _GAP_RE.match(text[a.end:b.start])
        if gap and _is_range(text, a, b, gap.group("sep").lower()) and _compatible(a, b):
            _share_unit(a, b)
            n += 1
            groups[i] = groups[i + 1] = n
            i += 2
            continue
        if _two_levels(text, a, b, gap) and _compatible(a, b) or (
                _UP_FROM_RE.match(text[a.end:b.start]) and a.unit != "count" and b.unit == "count"
                and (b.scaled or not a.scaled)):
            _share_unit(a, b)       # "rose from 5.1 to 5.3 per cent": two values, one unit
        i += 1
    return groups


def _two_levels(text: str, a: Candidate, b: Candidate, gap: re.Match | None) -> bool:
    """`from X to Y` that is no range (after a verb of change): a level before and after, yet one unit."""
    if not gap or gap.group("sep").lower() != "to":
        return False
    lead = _lead(text, a)
    return bool(lead) and lead.group("word").lower() == "from"


def _lead(text: str, a: Candidate) -> re.Match | None:
    """The `between` / `from` that opens a pair at `a`, if one does."""
    return _BETWEEN_RE.search(text[max(0, a.start - 30):a.start])


def _is_range(text: str, a: Candidate, b: Candidate, sep: str) -> bool:
    lead = _lead(text, a)
    sep = "to" if sep.startswith("up") or sep in ("through", "thru", "~") else sep
    if sep in ("and", "or"):
        return bool(lead) and lead.group("word").lower() == "between" and sep == "and"
    if lead and lead.group("word").lower() == "from":
        before = _words_in_clause(text[max(0, a.start - 60):lead.start() + max(0, a.start - 30)])[-4:]
        if any(w.lower() in CHANGE_VERBS_FOR_FROM_TO for w in before):
            return False       # "rose from 5% to 7%": two values, not a range
        return sep == "to" or sep in "-–—"
    if sep == "to":
        before = _words_in_clause(text[max(0, a.start - 40):a.start])[-3:]
        if any(w.lower() in CHANGE_VERBS_FOR_FROM_TO for w in before):
            # "cut to 5%" is no range start, "rose 19 cents to $58.24" a change then a level; but "fell by 1 to
            # 1.5 degrees" is a range: its low end leaves the unit to the high end
            return a.unit == "count" and b.unit != "count" and not a.scaled and before[-1:] != ["to"]
    # "5 -10" (a sign, not a dash) is no range
    return not (sep in "-–—" and a.end != b.start and (text[a.end] != " ") != (text[b.start - 1] != " "))


def _words_in_clause(window: str) -> list[str]:
    """The words of `window` after its last clause break."""
    return _WORDS_RE.findall(_CLAUSE_BREAK.split(window)[-1])


_CLAUSE_BREAK = re.compile(r"[.,;:!?()]")


def _compatible(a: Candidate, b: Candidate) -> bool:
    if a.unit == b.unit:
        return a.value <= b.value or a.scale != b.scale
    return a.unit == "count" or b.unit == "count" or (a.currency_prefix and b.unit == "count")


def _share_unit(a: Candidate, b: Candidate) -> None:
    if a.unit == "count" and b.unit != "count":
        a.unit = b.unit
    elif b.unit == "count" and a.unit != "count":
        b.unit = a.unit
    if b.scaled and not a.scaled and a.value * b.scale <= b.value * 1.0001:
        a.value *= b.scale
        a.scale = b.scale
        a.scaled = True
    elif a.scaled and not b.scaled and b.value < a.value <= b.value * a.scale:      # "£5m-10"; not "2,000 to 2500"
        b.value *= a.scale
        b.scale = a.scale
        b.scaled = True
