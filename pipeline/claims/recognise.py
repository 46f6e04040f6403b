"""Find numeric expressions in text: digits, number words, fractions and multiples, as candidate claims."""

from __future__ import annotations

import math
import re

from .candidate import SP as _SP
from .candidate import Candidate, trie_regex
from .candidate import alt as _alt
from .lexicon import (
    DENOMINATORS,
    DURATION_UNITS,
    NUMBER_WORDS,
    RATIO_WORDS,
    SCALE_LONG_WORDS,
    TEENS,
    TENS,
    UNICODE_FRACTIONS,
    UNITS,
)
from .numbers import longest_word_number, parse_digits, words_value
from .units import is_multiple, with_units

_NUM_WORD = _alt([w for w in NUMBER_WORDS])
_SMALL = _alt(list(UNITS) + ["ten", "eleven", "twelve", "twenty", "hundred", "thousand"])
# a denominator in words: "thirty-two", "fifteen", "a hundred"
_DEN_WORDS = (rf"(?:{_alt(TENS)})(?:[-\s\u00a0](?:{_alt(UNITS)}))?"
              rf"|{_alt(list(UNITS) + list(TEENS) + ['hundred', 'thousand'])}")
_DEN = _alt(list(DENOMINATORS))
_FRAC_CHARS = "".join(UNICODE_FRACTIONS)
# "and a half", "and a quarter", "and three quarters" inside a run of number words
_AND_FRACTION = rf"and(?:{_SP}+|-)(?:an?|{_alt(list(UNITS))})(?:{_SP}+|-)(?:{_DEN})"
_OUT_OF = rf"""
    (?P<out_of>\b(?P<oa>(?i:{_SMALL})|\d+)(?:{_SP}+|-)(?i:in|out{_SP}+of)(?:{_SP}+|-)(?i:every{_SP}+)?
        (?P<ob>(?i:a{_SP}+)?(?i:{_DEN_WORDS})|\d{{1,3}}(?:,\d{{3}})*)\b)"""
_OTHERS = rf"""
    (?P<frac>\b(?:(?P<fa>(?i:an?|{_SMALL}|\d{{1,2}}))(?:{_SP}+|-))?(?P<fd>(?i:{_DEN}))\b)
  | (?P<slash>(?<![\w/.,])(?P<sa>\d{{1,2}})/(?P<sb>\d{{1,3}})(?![\w/]|\.\d))
  | (?P<ratio_word>\b(?i:twice|thrice)\b)
  | (?P<fold>\b(?:(?i:{_SMALL}|twenty|fifty)|\d+(?:\.\d+)?)-?(?i:fold)\b)
  | (?P<digits>(?:(?<![^\s(\[])[−-](?=\d)|(?<![\d_.,/\u2032\u2033'’]))
        (?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?[{_FRAC_CHARS}]?)
  | (?P<unicode>(?<!\w)[{_FRAC_CHARS}])
  | (?P<words>\b(?i:(?:an?{_SP}+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?(?:{_NUM_WORD}))\b
        (?:(?:{_SP}*-{_SP}*|{_SP}+)(?i:{_AND_FRACTION}|and|point|a|half|{_NUM_WORD})\b)*)
    """
CORE_RE = re.compile(_OUT_OF + "|" + _OTHERS, re.VERBOSE)
_NOT_OUT_OF_RE = re.compile(_OTHERS, re.VERBOSE)     # where "N in M" is no proportion ("$10000 in 3 years")
# CORE_RE is only tried where a digit, a fraction sign or a number word starts: much faster than a scan
_ANCHOR_WORDS = (
    set(NUMBER_WORDS) | set(DENOMINATORS) | set(RATIO_WORDS)
    | {f"{w}fold" for w in list(UNITS) + ["ten", "eleven", "twelve", "twenty", "fifty", "hundred", "thousand"]}
)
# run on the lower-cased text (same offsets): digits, fraction signs, or a whole number word
_ANCHOR_RE = re.compile(rf"\d+|[{_FRAC_CHARS}]|(?<![a-z])(?P<word>{trie_regex(_ANCHOR_WORDS)})(?![a-z])")
_FRACTION_OF_SCALE_RE = re.compile(
    r"[\s\u00a0]+(?:of[\s\u00a0]+an?[\s\u00a0]+)?(?P<scale>thousand|million|billion|trillion)\b", re.I
)
_FRACTION_OF_POINT_RE = re.compile(
    r"[\s\u00a0]+(?:of[\s\u00a0]+)?(?:a|one)[\s\u00a0]+(?P<what>percentage[\s\u00a0]+point|per[\s\u00a0]?cent|percent)\b",
    re.I,
)
_HALF_A_RE = re.compile(r"[\s\u00a0]+an?[\s\u00a0]+(?:(?P<scale>million|billion|thousand|trillion|dozen|hundred)|"
                        r"(?P<duration>hour|day|week|month|year|decade|century))\b", re.I)
_BARE_DECIMAL_RE = re.compile(r"\.\d+(?![\d.,]*\w)")
_BEFORE_BARE_DECIMAL = " \u00a0\t\n(£$€"
_MAX_NUMBER_WORDS = 40       # no English number needs more words ("nine hundred and ninety nine billion ...")
_SLASH_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 100}     # 1/3, 3/4; not 9/11 or 7/10 of a month


def _word_numbers(text: str, start: int, end: int) -> list[tuple[int, int, float]]:
    """Split a run of number words into well-formed numbers: (start, end, value) each."""
    toks = [(m.group().lower(), m.start() + start, m.end() + start)
            for m in re.finditer(r"[A-Za-z]+", text[start:end])]
    out = []
    i = 0
    while i < len(toks):
        words = [t[0] for t in toks[i:i + _MAX_NUMBER_WORDS]]
        got = longest_word_number(words)
        if got is None:
            i += 1
            continue
        _, n = got
        value = words_value(words[:n])
        out.append((toks[i][1], toks[i + n - 1][2], value))
        i += n
    return out


def find_candidates(text: str) -> list[Candidate]:
    """Every numeric expression in `text`, in order, with value and unit read from its surface."""
    found: list[Candidate] = []
    last_end = 0
    low = text.lower()
    for a in _ANCHOR_RE.finditer(low):
        pos = a.start()
        if pos < last_end:
            continue
        word = a.group("word")
        if word is not None and pos >= 2:
            # "a dozen", "a third", "an eighth": the match starts at the article
            article = low[max(0, pos - 3):pos]
            start = pos - 3 if article == "an " else pos - 2 if article[-2:] == "a " else -1
            if start >= last_end and (start == 0 or not low[start - 1].isalpha()):
                m = _match(text, start)
                if m and m.end() > pos:
                    _read_core(text, m, found)
                    last_end = m.end()
                    continue
        if word is None and pos > 0 and text[pos - 1] == "." and (pos == 1 or text[pos - 2] in _BEFORE_BARE_DECIMAL):
            m = _BARE_DECIMAL_RE.match(text, pos - 1)      # ".08 blood alcohol", "a .300 batting average"
            if m:
                cand = with_units(text, m.start(), m.end(), float("0" + m.group()), "digits")
                if cand:
                    found.append(cand)
                last_end = m.end()
                continue
        if word is None and pos > 0 and text[pos - 1] in "-−":
            m = _match(text, pos - 1)
            if m and m.lastgroup == "digits":
                _read_core(text, m, found)
                last_end = m.end()
                continue
        m = _match(text, pos)
        if m:
            _read_core(text, m, found)
            last_end = m.end()
    out: list[Candidate] = []
    for c in found:
        if not math.isfinite(c.value):
            continue          # too large for a DOUBLE: not a claim
        if out and c.start < out[-1].end:
            continue          # "half a million" already holds "a million"
        if out and _joins_minor(text, out[-1], c):
            out[-1].end = c.end                    # "3 dollars 50 cents", "ten pounds and forty pence": one sum
            out[-1].value += c.value
            continue
        out.append(c)
    return out


_JOIN_MINOR_GAP_RE = re.compile(r"[\s\u00a0]+(?:and[\s\u00a0]+)?$", re.I)
_MINOR_WORD_END_RE = re.compile(r"[\s\u00a0-](?:cents?|pence)$", re.I)
_MAJOR_WORD_END_RE = re.compile(r"[\s\u00a0](?:dollars?|pounds?|euros?)$", re.I)


def _joins_minor(text: str, major: Candidate, minor: Candidate) -> bool:
    """A whole amount in currency words followed by its cents or pence: "13 dollars and 45 cents"."""
    return (major.unit == minor.unit and major.value == int(major.value) and 0 < minor.value < 1
            and minor.start - major.end <= 6 and bool(_JOIN_MINOR_GAP_RE.match(text, major.end, minor.start))
            and bool(_MAJOR_WORD_END_RE.search(text, major.start, major.end))
            and bool(_MINOR_WORD_END_RE.search(text, minor.start, minor.end)))


def _match(text: str, pos: int) -> re.Match | None:
    m = CORE_RE.match(text, pos)
    if m and m.lastgroup == "out_of" and _out_of_value(m) is None:
        m = _NOT_OUT_OF_RE.match(text, pos)
    return m


def _out_of_value(m: re.Match) -> float | None:
    """'one in five' -> 0.2, '9 out of 10' -> 0.9; None for "$10000 in 3 years" (a sum, then a duration)."""
    a = _small_value(m.group("oa"))
    b = _small_value(m.group("ob"))
    return a / b if a is not None and b and a <= b else None


def _read_core(text: str, m: re.Match, out: list[Candidate]) -> None:
    """Append the candidates one match of CORE_RE holds (a run of number words may hold several)."""
    kind = m.lastgroup
    if kind == "out_of":
        value = _out_of_value(m)
        if value is not None:
            out.append(Candidate(m.start(), m.end(), value, "fraction", "out_of", m.start(), m.end()))
        return
    if kind == "frac":
        cand = _fraction(text, m)
        if cand:
            out.append(cand)
        return
    if kind == "slash":
        a, b = int(m.group("sa")), int(m.group("sb"))
        if 0 < a < b and b in _SLASH_DENOMINATORS:
            cand = with_units(text, m.start(), m.end(), a / b, "slash", no_scale=True)     # "a 1/4 mile oval"
            if cand and cand.unit == "count" and cand.end == m.end():
                cand.unit = "fraction"
            if cand and not cand.currency_prefix:
                out.append(cand)
        return
    if kind == "ratio_word":
        unit = "ratio" if is_multiple(text, m.end()) else "count"    # "twice as many" vs "elected twice"
        out.append(Candidate(m.start(), m.end(), RATIO_WORDS[m.group().lower()], unit, "ratio_word",
                             m.start(), m.end()))
        return
    if kind == "fold":
        num = re.sub(r"(?i)-?fold$", "", m.group())
        value = _small_value(num)
        if value:
            out.append(Candidate(m.start(), m.end(), value, "ratio", "ratio_word", m.start(), m.end()))
        return
    if kind == "digits":
        surface = m.group()
        frac = 0.0
        if surface and surface[-1] in UNICODE_FRACTIONS:
            frac = UNICODE_FRACTIONS[surface[-1]]
            surface = surface[:-1]
        value = parse_digits(surface.replace("−", "-")) + (frac if not surface.startswith(("-", "−")) else -frac)
        cand = with_units(text, m.start(), m.end(), value, "digits")
        if cand:
            out.append(cand)
        return
    if kind == "unicode":
        cand = with_units(text, m.start(), m.end(), UNICODE_FRACTIONS[m.group()], "unicode")
        if cand:
            out.append(cand)
        return
    for s, e, value in _word_numbers(text, m.start(), m.end()):
        cand = with_units(text, s, e, value, "words")
        if cand:
            last_word = text[s:e].rsplit(None, 1)[-1].lower()
            if last_word in SCALE_LONG_WORDS and not cand.scaled:       # "two million": scaled in words
                cand.scaled, cand.scale = True, SCALE_LONG_WORDS[last_word]
            out.append(cand)


def _small_value(s: str) -> float | None:
    s = ' '.join(s.lower().split())
    if not s:
        return None
    if s[0].isdigit():
        return parse_digits(s)
    got = longest_word_number(s.replace("-", " ").split())
    return got[0] if got else None


def _fraction(text: str, m: re.Match) -> Candidate | None:
    den_word = m.group("fd").lower()
    den = DENOMINATORS[den_word]
    fa = m.group("fa")
    if fa is None:
        if den_word != "half":
            return None
        num = 1.0
    else:
        num = 1.0 if fa.lower() in ("a", "an") else _small_value(fa)
        if num is None:
            return None
        # "two third" reads badly; "one thirds" too: keep plural with >1 and singular with 1
        if num > 1 and not den_word.endswith("s") and den_word != "half":
            return None
    start, end = m.start(), m.end()
    # "half a million", "half a dozen", "half an hour"
    if den_word == "half" and fa is None:
        tail = _HALF_A_RE.match(text, end)
        if tail and tail.group("scale"):
            scale = {"million": 1e6, "billion": 1e9, "thousand": 1e3, "trillion": 1e12, "dozen": 12,
                     "hundred": 100}[tail.group("scale").lower()]
            return with_units(text, start, tail.end(), 0.5 * scale, "words", no_scale=True)
        if tail:                                             # "half an hour", "half a century"
            unit, mult = DURATION_UNITS[tail.group("duration").lower()]
            return Candidate(start, tail.end(), 0.5 * mult, unit, "words", start, end)
    cand = Candidate(start, end, num / den, "fraction", "fraction", start, end)
    # "three-quarters of a percentage point", "half a per cent": a fraction of a point or of a percent
    of_scale = _FRACTION_OF_SCALE_RE.match(text, end)       # "three quarters of a million"
    if of_scale:
        scaled = with_units(text, start, of_scale.end(), cand.value * SCALE_LONG_WORDS[of_scale.group("scale").lower()],
                            "words", no_scale=True)         # "a quarter million dollars"
        if scaled:
            scaled.scaled, scaled.form, scaled.num_end = True, "fraction", end
        return scaled
    of_point = _FRACTION_OF_POINT_RE.match(text, end)
    if of_point:
        cand.end = of_point.end()
        cand.unit = "percentage_points" if of_point.group("what").lower().startswith("percentage") else "percent"
    return cand
