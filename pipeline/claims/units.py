"""Read what surrounds a bare number: its currency sign or code, its scale (m, bn, million) and its unit."""

from __future__ import annotations

import re

from .candidate import SP as _SP
from .candidate import Candidate
from .candidate import alt as _alt
from .lexicon import (
    BASIS_POINT_SUFFIXES,
    CODE_ALIASES,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    DURATION_UNITS,
    ISO_CODES,
    LOWER_CASE_CODES,
    MEASURE_SYMBOLS,
    MEASURE_WORDS,
    MINOR_UNITS,
    PERCENT_SUFFIXES,
    POINT_SUFFIXES,
    SCALE_ABBREVIATIONS,
    SCALE_LONG_WORDS,
    SCALE_NEEDS_CURRENCY,
)

_PREFIX_RE = re.compile(
    r"(?:(?<![A-Za-z])(?P<sym>" + _alt(CURRENCY_PREFIXES) + r")|\b(?P<code>" + _alt(ISO_CODES | set(CODE_ALIASES))
    + r"))[\s\u00a0]?$"
)
_SCALE_ABBR_RE = re.compile(r"(?P<sp>[\s\u00a0]?)(?P<abbr>" + _alt(SCALE_ABBREVIATIONS) + r")(?![A-Za-z0-9])")
_SCALE_WORD_RE = re.compile(r"(?:[\s\u00a0]*|-)(?P<word>(?i:" + _alt(SCALE_LONG_WORDS) + r"))\b")
# "a 3m-high wall", "the 100m sprint": metres, not millions
_METRES_AFTER_RE = re.compile(r"(?:-|[\s\u00a0]+)(?:high|long|wide|deep|tall|away|sprint|hurdles|freestyle|"
                              r"butterfly|backstroke|breaststroke|relay|above|below|under|track|race|dash|stretch|radius|"
                              r"pool|tower|drop|span)\b")
_UNIT_RE = re.compile(
    rf"""
      (?P<points>(?:{_SP}|-)?(?i:{_alt(POINT_SUFFIXES)}|percentage-points?)(?![A-Za-z]))
    | (?P<bps>(?:{_SP}|-)?(?i:{_alt(BASIS_POINT_SUFFIXES)}|basis-points?)(?![A-Za-z]))
    | (?P<percent>{_SP}?(?:%|(?i:{_alt([s for s in PERCENT_SUFFIXES if s != '%'])})(?![A-Za-z]))
        |-(?i:per-cent|percent)(?![A-Za-z]))
    | (?P<cur_code>{_SP}?(?:{_alt(ISO_CODES | set(CODE_ALIASES))}|(?i:{_alt(LOWER_CASE_CODES)}))\b)
    | (?P<cur_sym>{_SP}?(?:€|£|\$|¥)(?![\w$£€]))
    | (?P<age>(?:{_SP}+|-)(?i:years?|months?|weeks?|days?)-old\b)
    | (?P<cur_word>(?:{_SP}+|-)(?i:{_alt(CURRENCY_WORDS)})\b)
    | (?P<minor>(?:p|c)(?![\w'’])|(?:{_SP}+|-)(?i:pence|penny|cents?)\b)
    | (?P<duration>(?:{_SP}+|-)(?i:{_alt(DURATION_UNITS)})(?![\w-])(?!-old))
    | (?P<times>{_SP}+(?i:times)\b|(?:{_SP}|-)(?i:fold)\b)
    | (?P<ratio_x>(?:x|×)(?![\w]))
    | (?P<measure_word>(?:{_SP}+|-)(?i:{_alt(MEASURE_WORDS)})\b)
    | (?P<measure_sym>{_SP}?(?:{_alt(MEASURE_SYMBOLS)})(?![\w]))
    """,
    re.VERBOSE,
)
_PREFIX_LAST_CHARS = {p[-1] for p in CURRENCY_PREFIXES}
_AND_A_HALF_RE = re.compile(r"[\s\u00a0]+and[\s\u00a0]+(?P<num>an?|one|two|three)[\s\u00a0]+"
                            r"(?P<den>half|third|thirds|quarter|quarters)\b", re.I)
_AND_FRACTIONS = {("a", "half"): 0.5, ("one", "half"): 0.5, ("a", "third"): 1 / 3, ("one", "third"): 1 / 3,
                  ("two", "thirds"): 2 / 3, ("two", "third"): 2 / 3, ("a", "quarter"): 0.25,
                  ("one", "quarter"): 0.25, ("three", "quarters"): 0.75, ("three", "quarter"): 0.75}
_MIXED_FRACTION_RE = re.compile(r"[\s\u00a0]+(\d{1,2})/(\d{1,2})(?![\d/])")
_SPACED_SCALES = {"bn", "Bn", "BN", "mn", "mln", "bln", "tn", "trn", "mil", "k"}
# "3.1b dollars", "20M subscribers": b, B and M read as a scale without a currency before a lower-case word
_BARE_SCALE_AFTER_RE = re.compile(r"[\s\u00a0]+(?P<word>[a-z]+)")
_BARE_SCALES = {"b", "B", "M"}     # "1.5 bn people": no metres to confuse
_NEGATIVE_RE = re.compile(r"\b(?i:minus|negative)[\s\u00a0]+$")
_AGED_RE = re.compile(r"\b(?:aged|ages|age)[\s\u00a0]+(?:between[\s\u00a0]+|of[\s\u00a0]+)?$")
_CURRENCY_WORDS_LOWER = {re.sub(r"\s+", " ", k): v for k, v in CURRENCY_WORDS.items()}
_MEASURE_WORDS_LOWER = {k.lower(): v for k, v in MEASURE_WORDS.items()}


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _prefix_currency(text: str, start: int) -> tuple[str, int] | None:
    """The currency written right before `start` (`£`, `US$`, `EUR `) and where it begins."""
    if start == 0:
        return None
    last = text[start - 1]
    if last in " \u00a0" and start > 1:
        last = text[start - 2]
    if not (last in _PREFIX_LAST_CHARS or last.isupper()):
        return None
    m = _PREFIX_RE.search(text, max(0, start - 6), start)
    if not m:
        return None
    if m.group("sym"):
        return CURRENCY_PREFIXES[m.group("sym")], m.start()
    code = m.group("code")
    return CODE_ALIASES.get(code, code), m.start()


# after "twice" / "three times": an event count, not a multiple ("elected three times", "twice a week")
_COUNT_AFTER_RE = re.compile(
    r"[\s\u00a0]*(?:[,.;:!?)]|$)|[\s\u00a0]+(?:(?:a|an|per|each|every)[\s\u00a0]+(?:day|week|month|year|fortnight|"
    r"hour|term|season|decade|night|session|quarter)|since|in|over|during|this|last|before|after|and|or|but|so|"
    r"already|now|to|by|on|at|from|for|with|without|when|while|until|between|running|before|daily|weekly|"
    r"monthly|annually|yearly|previously|recently)\b",
    re.I,
)


def is_multiple(text: str, end: int) -> bool:
    """'twice as many', '2.5 times more', '8.3 times average earnings' multiply; 'elected twice' counts."""
    return not _COUNT_AFTER_RE.match(text, end)


def _scale_without_currency(text: str, sm: re.Match) -> bool:
    """A scale abbreviation read without a currency: '5k', '1.5 bn people', '20M subscribers'; not '5b' (an id)."""
    abbr = sm.group("abbr")
    if sm.group("sp") and abbr not in _SPACED_SCALES:
        return False
    if abbr in _BARE_SCALES:                # "3.1b dollars", "20M subscribers"; not "Form 5b must"
        after = _BARE_SCALE_AFTER_RE.match(text, sm.end())
        return (not sm.group("sp") and after is not None
                and ("." in text[sm.start() - 4:sm.start()] or after.group("word").endswith("s")))
    return abbr not in SCALE_NEEDS_CURRENCY


def with_units(text: str, s: int, e: int, value: float, form: str, no_scale: bool = False) -> Candidate | None:
    """Extend a bare number with its currency prefix, scale and unit."""
    cand = Candidate(s, e, value, "count", form, s, e)
    neg = _NEGATIVE_RE.search(text, max(0, s - 10), s) if text[s - 2:s - 1] in ("s", "e", "S", "E") else None
    if neg:
        cand.start, cand.value = neg.start(), -cand.value
    prefix = _prefix_currency(text, cand.start)
    currency = None
    if prefix and prefix[0] == "GBP" and text.startswith("PS", prefix[1]) and not re.search(r"[,.]", text[s:e]):
        prefix = None                       # "PS21,700" is a mangled £; "PS5" a games console
    if prefix:
        currency, cand.start = prefix
        cand.currency_prefix = True
    pos = e
    if form == "digits":
        half = _AND_A_HALF_RE.match(text, pos)      # "2 and a half hours", "3 and three quarter miles"
        frac = half and _AND_FRACTIONS.get((half.group("num").lower(), half.group("den").lower()))
        if frac:
            cand.value += frac if cand.value >= 0 else -frac
            pos = cand.num_end = half.end()
        mixed = _MIXED_FRACTION_RE.match(text, pos)  # "5 1/2 miles"
        if mixed and 0 < int(mixed.group(1)) < int(mixed.group(2)) <= 16:
            cand.value += int(mixed.group(1)) / int(mixed.group(2)) * (1 if cand.value >= 0 else -1)
            pos = cand.num_end = mixed.end()
    # scale
    if not no_scale:
        sm = _SCALE_WORD_RE.match(text, pos)
        if sm:
            cand.scale = SCALE_LONG_WORDS[sm.group("word").lower()]
            cand.value *= cand.scale
            cand.scaled = True
            pos = sm.end()
        elif form == "digits":
            sm = _SCALE_ABBR_RE.match(text, pos)
            if (sm and not currency and sm.group("abbr") == "m" and not sm.group("sp")
                    and _METRES_AFTER_RE.match(text, sm.end())):
                cand.end, cand.unit = sm.end(), "other:m"
                return cand
            if sm and (currency or _scale_without_currency(text, sm)):
                cand.scale = SCALE_ABBREVIATIONS[sm.group("abbr")]
                cand.value *= cand.scale
                cand.scaled = True
                pos = sm.end()
    um = _UNIT_RE.match(text, pos)
    unit = currency or ("fraction" if form == "unicode" else "count")
    if unit == "count" and "age" in text[max(0, s - 20):s] and _AGED_RE.search(text, max(0, s - 20), s):
        unit = "years"
    if um:
        group = um.lastgroup
        written = um.group()
        word = _norm(written.lstrip("-"))
        if currency:
            # after a currency only a trailing code or currency word repeats it ("£5m GBP" is rare)
            if group in ("cur_code", "cur_word"):
                pos = um.end()
        elif group == "percent":
            if not (word == "percentage" and form == "digits" and 1000 <= value <= 2100):   # "the 2019 percentage"
                unit, pos = "percent", um.end()
        elif group == "points":
            unit, pos = "percentage_points", um.end()
        elif group == "bps":
            unit, pos = "percentage_points", um.end()
            cand.value /= 100
        elif group == "cur_code":
            code = word.upper()
            unit, pos = CODE_ALIASES.get(code, code), um.end()
        elif group == "cur_sym":
            unit, pos = CURRENCY_PREFIXES[written.strip()], um.end()         # "75 €"
        elif group == "age":                # "a 44-year-old", "15 year-old": an age, a duration in its unit
            unit, pos = DURATION_UNITS[word.rsplit("-", 1)[0]][0], um.end()
        elif group == "cur_word":
            unit, pos = _CURRENCY_WORDS_LOWER[word], um.end()
        elif group == "minor":
            if form == "digits" and not cand.scaled or word in ("pence", "penny", "cents", "cent"):
                cur, div = MINOR_UNITS[word]
                unit, pos = cur, um.end()
                cand.value /= div
        elif group == "duration":
            unit_name, mult = DURATION_UNITS[word]
            unit, pos = unit_name, um.end()
            cand.value *= mult
            cand.hyphen_unit = written.startswith("-")
        elif group == "times":
            is_fold = "fold" in written.lower()
            unit, pos = ("ratio" if is_fold or is_multiple(text, um.end()) else "count"), um.end()
        elif group == "ratio_x":
            if form == "digits":
                unit, pos = "ratio", um.end()
        elif group == "measure_word":
            unit, pos = "other:" + _MEASURE_WORDS_LOWER[word], um.end()
            cand.hyphen_unit = written.startswith("-")
        elif group == "measure_sym" and form == "digits" and not (written[:1].isspace() and len(written.strip()) == 1):
            unit, pos = "other:" + MEASURE_SYMBOLS[written.strip()], um.end()
    cand.unit = unit
    cand.end = pos
    return cand
