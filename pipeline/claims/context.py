"""The period a claim covers, read from its sentence (what it measures is read in `clause`)."""

from __future__ import annotations

import re

from .lexicon import MONTHS

_Y = r"(?:1[6-9]\d\d|20\d\d)"
_MONTH = "|".join(MONTHS)
_NUMW = (r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
         r"thirty|forty|fifty|a|a\s+few|several)")
_UNIT = r"(?:years?|months?|weeks?|days?|decades?|quarters?|hours?)"
PERIOD_RE = re.compile(
    rf"""
    (?=[\dA-Za-z])(?<![\w])(?:
      (?P<span>\b{_Y}\s*(?:[-–—/]|\bto\b|\band\b)\s*(?:{_Y}|\d\d)\b(?:/\d\d)?)
    | \b(?:since|by|until|till|before|after|through|throughout|from)\s+(?:the\s+end\s+of\s+)?(?:(?:{_MONTH})\s+)?{_Y}\b
    | \b(?:(?:financial|fiscal|tax|academic|calendar)\s+year\s+){_Y}(?:/\d\d)?\b
    | \bthe\s+(?:next|past|last|previous|coming|first|following)\s+(?:{_NUMW}\s+)?{_UNIT}\b
    | \b(?:(?:per|each|every)\s+(?:year|annum|month|week|day|hour|quarter)|(?:a|an)\s+(?:year|month|week|day|hour))\b
        (?!\s+(?:ago|earlier|later|on\b))
    | \b(?:annually|yearly|monthly|weekly|daily|year-on-year|month-on-month|quarter-on-quarter|week-on-week)\b
    | \bover\s+(?:the\s+)?(?:{_NUMW})\s+{_UNIT}\b
    | \b(?:this|last|next|the\s+previous|the\s+current)\s+
        (?:year|month|week|quarter|decade|parliament|spending\s+review)\b
    | \bthe\s+(?:first|second|third|fourth|final|last)\s+(?:quarter|half)\s+of\s+(?:the\s+year|{_Y})\b
    | \bthe\s+year\s+to\s+(?:{_MONTH})(?:\s+{_Y})?\b
    | \b(?:in|during)\s+(?P<year>{_Y})\b(?!\s*[-–/])
    | \b(?:{_MONTH})\s+{_Y}\b
    )""",
    re.VERBOSE | re.IGNORECASE,
)


_PERIOD_WORD = re.compile(r"[a-z]+|\d{4}")
_PERIOD_STARTS = {
    "since", "by", "until", "till", "before", "after", "through", "throughout", "from", "financial", "fiscal",
    "tax", "academic", "calendar", "the", "per", "each", "every", "a", "an", "annually", "yearly", "monthly",
    "weekly", "daily", "year", "month", "quarter", "week", "over", "this", "last", "next", "in", "during",
} | {m.lower() for m in MONTHS}
_CLAUSE_BREAK = re.compile(r";|,[\s\u00a0]+(?:and|but|while|whereas|although|though|which|who)\b|[.!?][\s\u00a0]")
_DURATION_BEFORE = {"than", "for", "over", "within", "about", "nearly", "almost", "in", "after", "under", "of",
                    "past", "once", "to", "least", "around", "roughly", "just", "only", "half"}


def _previous_word(sentence: str, pos: int) -> str:
    words = sentence[max(0, pos - 20):pos].split()
    return words[-1] if words else ""


# every period pattern holds one of these (checked first: most sentences state no period)
_PERIOD_HINTS = ("19", "20", "year", "annum", "annual", "month", "week", "day", "quarter", "half", "decade",
                 "parliament", "review", "16", "17", "18")


def periods_in(text: str, s_start: int, s_end: int) -> list[tuple[int, int, str]]:
    """Every stated time span in a sentence: (start, end, text as written)."""
    out: list[tuple[int, int, str]] = []
    sentence = text[s_start:s_end].lower()
    if not any(hint in sentence for hint in _PERIOD_HINTS):
        return out
    end = s_start
    for w in _PERIOD_WORD.finditer(sentence):      # try the patterns only where one can start
        if w.start() + s_start < end or (w.group()[0].isalpha() and w.group() not in _PERIOD_STARTS):
            continue
        m = PERIOD_RE.match(text, s_start + w.start(), s_end)
        if not m:
            continue
        if w.group() in ("a", "an") and _previous_word(sentence, w.start()) in _DURATION_BEFORE:
            continue                                # "waiting more than a year": a duration, not a rate
        end = m.end()
        if m.group("year"):
            out.append((m.start("year"), m.end(), m.group("year")))
        else:
            out.append((m.start(), m.end(), re.sub(r"\s+", " ", m.group())))
    return out


def period_for(text: str, periods: list[tuple[int, int, str]], c_start: int, c_end: int) -> str | None:
    """The period nearest a claim at [c_start, c_end) among a sentence's `periods_in`, in its own clause."""
    best: tuple[int, str] | None = None
    for ps, pe, value in periods:
        if ps < c_end and c_start < pe:
            continue
        if _CLAUSE_BREAK.search(text, min(c_end, pe), max(c_start, ps)):
            continue                                # "..., and staff earn £30,000 a year": another clause
        dist = ps - c_end if ps >= c_end else c_start - pe
        if best is None or dist < best[0]:
            best = (dist, value)
    return best[1] if best else None
