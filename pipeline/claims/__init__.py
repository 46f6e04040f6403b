"""Numeric claims: every number an English news or policy text asserts, with value, unit and context.

`extract_claims(body_text)` is the whole API; it knows nothing of Dagster or the warehouse. The passes:

1. `recognise` finds numbers (digits, number words, fractions, multiples) and `units` reads the currency,
   scale and unit written around each (`£1.7bn`, `88 per cent`, `7 years`, `12km`);
2. `traps` drops numbers that assert no quantity (dates, ordinals, addresses, ids, idioms, kinds);
3. `ranges` pairs `between 10% and 20%` / `£5m-£10m` into at_least/up_to claims sharing a range group;
4. `qualifiers`, `clause` (change, measured), `context` (period), `sentences` and `attribution` fill in each
   claim.

Word lists and unit tables are data in `lexicon`.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace

from .attribution import Attributor
from .candidate import Candidate
from .clause import Sentence, compared_for, measured_for
from .context import period_for, periods_in
from .qualifiers import qualifier_for
from .ranges import find_ranges
from .recognise import find_candidates
from .sentences import split_sentences
from .traps import protected_spans, trap_reason

__all__ = ["Claim", "extract_claims"]


@dataclass(frozen=True)
class Claim:
    """One numeric claim; every offset is into the text given to `extract_claims`."""

    surface: str
    char_start: int
    char_end: int
    value: float
    unit: str
    qualifier: str
    measured: str | None
    period: str | None
    sentence: str
    sentence_start: int
    sentence_end: int
    range_group: int | None
    attributed_to: str | None
    attributed_start: int | None
    attributed_end: int | None
    change: str | None = None


_DURATIONS = {"years", "months", "weeks", "days", "hours"}
# a second figure for the same quantity: "gained 120 points, or 1.5%"
_RESTATES = re.compile(
    r"[\s\u00a0]*,?[\s\u00a0]*or[\s\u00a0]+(?:about|around|roughly|nearly|almost|some|just)?[\s\u00a0]*$")


def _spans_previous(text: str, prev: Candidate, c: Candidate) -> bool:
    """True when a duration follows another claim in the same clause ("£5bn for rail over 10 years")."""
    between = text[prev.end:c.start]
    return len(between) < 60 and not any(ch in between for ch in ".;:!?\n")


def extract_claims(body_text: str) -> list[Claim]:
    """Every numeric claim in `body_text`, in text order; deterministic, never raises on odd text."""
    if not body_text:
        return []
    text = body_text
    protected = protected_spans(text)
    starts = [p[0] for p in protected]
    kept = [c for c in find_candidates(text)
            if math.isfinite(c.value) and trap_reason(text, c, protected, starts) is None]   # never inf or NaN
    groups = find_ranges(text, kept)
    sentences = split_sentences(text)
    sent_starts = [s for s, _ in sentences]
    attributor = Attributor(text, sentences)
    periods: dict[int, list[tuple[int, int, str]]] = {}
    sentence_tokens: dict[int, Sentence] = {}
    claims: list[Claim] = []
    for i, c in enumerate(kept):
        k = bisect.bisect_right(sent_starts, c.start) - 1
        s_start, s_end = sentences[k] if k >= 0 else (0, len(text))
        if s_end < c.end:
            s_end = max(s_end, c.end)
        group = groups.get(i)
        if group is not None:
            first = i == 0 or groups.get(i - 1) != group
            qualifier = "at_least" if first else "up_to"
        else:
            qualifier = qualifier_for(text, c.start, c.end)
            if qualifier == "over" and c.unit in _DURATIONS and i and _spans_previous(text, kept[i - 1], c):
                qualifier = "exact"     # "£369bn over 10 years": the span of the money, not "more than"
        who = attributor.for_claim(c.start, s_start, s_end)
        if s_start not in periods:
            periods[s_start] = periods_in(text, s_start, s_end)
            sentence_tokens[s_start] = Sentence(text, s_start, s_end)
        measured, change = measured_for(text, sentence_tokens[s_start], c.start, c.end, c.unit)
        if c.unit == "ratio":
            measured = compared_for(text, c.end, s_end)
        if claims and _RESTATES.match(text, claims[-1].char_end, c.start):
            measured, change = claims[-1].measured, claims[-1].change     # "fell by £20bn, or 14%"
        if group is not None and qualifier == "up_to" and claims:
            change = claims[-1].change          # "fell by 1 to 1.5 degrees": both ends are the fall
            if claims[-1].measured is None and measured is not None:
                claims[-1] = replace(claims[-1], measured=measured)     # "between 10% and 20% of the fleet"
            measured = claims[-1].measured or measured        # "revenue of $2.1bn to $2.3bn"
        claims.append(Claim(
            surface=text[c.start:c.end],
            char_start=c.start,
            char_end=c.end,
            value=float(c.value),
            unit=c.unit,
            qualifier=qualifier,
            measured=measured,
            period=period_for(text, periods[s_start], c.start, c.end),
            sentence=text[s_start:s_end],
            sentence_start=s_start,
            sentence_end=s_end,
            range_group=group,
            attributed_to=who[0] if who else None,
            attributed_start=who[1] if who else None,
            attributed_end=who[2] if who else None,
            change=change,
        ))
    return claims
