"""Find numeric expressions in text: the number, its currency, scale and unit, as candidate claims."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    BASIS_POINT_SUFFIXES,
    CODE_ALIASES,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    DENOMINATORS,
    DURATION_UNITS,
    ISO_CODES,
    MEASURE_SYMBOLS,
    MEASURE_WORDS,
    MINOR_UNITS,
    NUMBER_WORDS,
    PERCENT_SUFFIXES,
    POINT_SUFFIXES,
    RATIO_WORDS,
    SCALE_ABBREVIATIONS,
    SCALE_LONG_WORDS,
    SCALE_NEEDS_CURRENCY,
    UNICODE_FRACTIONS,
    UNITS,
)
from .numbers import longest_word_number, parse_digits, words_value


@dataclass
class Candidate:
    """A numeric expression before the trap, qualifier and context passes."""

    start: int                  # surface span in the text
    end: int
    value: float
    unit: str
    form: str                   # digits | words | fraction | out_of | ratio_word | unicode
    num_start: int              # the bare number inside the surface
    num_end: int
    currency_prefix: bool = False
    scaled: bool = False
    scale: float = 1.0          # the multiplier the written scale applied (5m -> 1e6)
    unit_text: str = ""         # the unit as written after the number (%, years, km, ...)
    hyphen_unit: bool = False   # "7-year", "10-mile": a unit joined by a hyphen


def _alt(words: list[str] | set[str] | dict, flags_words: bool = True) -> str:
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[\s\u00a0]+") for w in items)


_SP = r"[\s\u00a0]"
_NUM_WORD = _alt([w for w in NUMBER_WORDS])
_SMALL = _alt(list(UNITS) + ["ten", "eleven", "twelve", "twenty", "hundred", "thousand"])
_DEN = _alt(list(DENOMINATORS))
_FRAC_CHARS = "".join(UNICODE_FRACTIONS)

CORE_RE = re.compile(
    rf"""
    (?P<out_of>\b(?P<oa>(?i:{_SMALL})|\d+){_SP}+(?i:in|out{_SP}+of){_SP}+(?i:every{_SP}+)?
        (?P<ob>(?i:a{_SP}+)?(?i:{_SMALL})|\d{{1,3}}(?:,\d{{3}})*)\b)
  | (?P<frac>\b(?:(?P<fa>(?i:an?|{_SMALL}|\d{{1,2}}))(?:{_SP}+|-))?(?P<fd>(?i:{_DEN}))\b)
  | (?P<slash>(?<![\w/.,])(?P<sa>\d{{1,2}})/(?P<sb>\d{{1,3}})(?![\w/]|\.\d))
  | (?P<ratio_word>\b(?i:twice|thrice)\b)
  | (?P<fold>\b(?:(?i:{_SMALL}|twenty|fifty)|\d+(?:\.\d+)?)-?(?i:fold)\b)
  | (?P<digits>(?:(?<![^\s(\[])[−-](?=\d)|(?<![\d_.,/\u2032\u2033'’]))
        (?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?[{_FRAC_CHARS}]?)
  | (?P<unicode>(?<!\w)[{_FRAC_CHARS}])
  | (?P<words>\b(?i:(?:an?{_SP}+)?(?:{_NUM_WORD}))\b
        (?:(?:{_SP}+|-)(?i:and{_SP}+a{_SP}+half|and|point|a|{_NUM_WORD})\b)*)
    """,
    re.VERBOSE,
)

# CORE_RE is only tried where a digit, a fraction sign or a number word starts: much faster than a scan
_ANCHOR_WORDS = (
    set(NUMBER_WORDS) | set(DENOMINATORS) | set(RATIO_WORDS) | {"a", "an"}
    | {f"{w}fold" for w in list(UNITS) + ["ten", "eleven", "twelve", "twenty", "fifty", "hundred", "thousand"]}
)


def trie_regex(words: set[str]) -> str:
    """An alternation of `words` factored by shared prefixes (fast in `re`: one branch per letter)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


# run on the lower-cased text (same offsets): digits, fraction signs, or a whole number word
_ANCHOR_RE = re.compile(rf"\d+|[{_FRAC_CHARS}]|(?<![a-z])(?P<word>{trie_regex(_ANCHOR_WORDS)})(?![a-z])")

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
    | (?P<cur_code>{_SP}?(?:{_alt(ISO_CODES | set(CODE_ALIASES))})\b)
    | (?P<cur_word>{_SP}+(?i:{_alt(CURRENCY_WORDS)})\b)
    | (?P<minor>(?:p|c)(?![\w'’])|{_SP}+(?i:pence|penny|cents?)\b)
    | (?P<duration>(?:{_SP}+|-)(?i:{_alt(DURATION_UNITS)})(?![\w-])(?!-old))
    | (?P<times>{_SP}+(?i:times)\b|(?:{_SP}|-)(?i:fold)\b)
    | (?P<ratio_x>(?:x|×)(?![\w]))
    | (?P<measure_word>(?:{_SP}+|-)(?i:{_alt(MEASURE_WORDS)})\b)
    | (?P<measure_sym>{_SP}?(?:{_alt(MEASURE_SYMBOLS)})(?![\w]))
    """,
    re.VERBOSE,
)
_PREFIX_LAST_CHARS = {p[-1] for p in CURRENCY_PREFIXES}
_FRACTION_OF_SCALE_RE = re.compile(
    r"[\s\u00a0]+of[\s\u00a0]+an?[\s\u00a0]+(?P<scale>thousand|million|billion|trillion)\b", re.I
)
_FRACTION_OF_POINT_RE = re.compile(
    r"[\s\u00a0]+(?:of[\s\u00a0]+)?(?:a|one)[\s\u00a0]+(?P<what>percentage[\s\u00a0]+point|per[\s\u00a0]?cent|percent)\b",
    re.I,
)
_HALF_A_RE = re.compile(r"[\s\u00a0]+an?[\s\u00a0]+(?:(?P<scale>million|billion|thousand|trillion|dozen|hundred)|"
                        r"(?P<duration>hour|day|week|month|year|decade|century))\b", re.I)
_MAX_NUMBER_WORDS = 40       # no English number needs more words ("nine hundred and ninety nine billion ...")
_SLASH_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 100}     # 1/3, 3/4; not 9/11 or 7/10 of a month
_AND_A_HALF_RE = re.compile(r"[\s\u00a0]+and[\s\u00a0]+a[\s\u00a0]+half\b", re.I)
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
    for a in _ANCHOR_RE.finditer(text.lower()):
        pos = a.start()
        if pos < last_end:
            continue
        if a.group("word") is None and pos > 0 and text[pos - 1] in "-−":
            m = CORE_RE.match(text, pos - 1)
            if m and m.lastgroup == "digits":
                _read_core(text, m, found)
                last_end = m.end()
                continue
        m = CORE_RE.match(text, pos)
        if m:
            _read_core(text, m, found)
            last_end = m.end()
    out: list[Candidate] = []
    for c in found:
        if out and c.start < out[-1].end:
            continue          # "half a million" already holds "a million"
        out.append(c)
    return out


def _read_core(text: str, m: re.Match, out: list[Candidate]) -> None:
    """Append the candidates one match of CORE_RE holds (a run of number words may hold several)."""
    kind = m.lastgroup
    if kind == "out_of":
        a = _small_value(m.group("oa"))
        b = _small_value(m.group("ob"))
        if a is not None and b:
            out.append(Candidate(m.start(), m.end(), a / b, "fraction", "out_of", m.start(), m.end()))
        return
    if kind == "frac":
        cand = _fraction(text, m)
        if cand:
            out.append(cand)
        return
    if kind == "slash":
        a, b = int(m.group("sa")), int(m.group("sb"))
        if 0 < a < b and b in _SLASH_DENOMINATORS:
            out.append(Candidate(m.start(), m.end(), a / b, "fraction", "slash", m.start(), m.end()))
        return
    if kind == "ratio_word":
        unit = "ratio" if _is_multiple(text, m.end()) else "count"    # "twice as many" vs "elected twice"
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
        cand = _with_suffix(text, m.start(), m.end(), value, "digits")
        if cand:
            out.append(cand)
        return
    if kind == "unicode":
        cand = _with_suffix(text, m.start(), m.end(), UNICODE_FRACTIONS[m.group()], "unicode")
        if cand:
            out.append(cand)
        return
    for s, e, value in _word_numbers(text, m.start(), m.end()):
        cand = _with_suffix(text, s, e, value, "words")
        if cand:
            out.append(cand)


_MULTIPLE_AFTER_RE = re.compile(
    r"[\s\u00a0]+(?:as|the|that|what|more|less|fewer|higher|lower|larger|bigger|greater|smaller|faster|slower|"
    r"longer|shorter|likely|over|above|below|[a-z]+er\b)",
    re.I,
)


def _is_multiple(text: str, end: int) -> bool:
    """'twice as many', '2.5 times more', 'three times the average' multiply; 'elected twice' counts."""
    return bool(_MULTIPLE_AFTER_RE.match(text, end)) and not _FREQUENCY_RE.match(text, end)


_FREQUENCY_RE = re.compile(r"[\s\u00a0]+(?:a|an|per|each|every)[\s\u00a0]+(?:day|week|month|year|fortnight|"
                           r"hour|term|season|decade|night|session)\b", re.I)


def _small_value(s: str) -> float | None:
    s = _norm(s)
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
            return _with_suffix(text, start, tail.end(), 0.5 * scale, "words", no_scale=True)
        if tail:                                             # "half an hour", "half a century"
            unit, mult = DURATION_UNITS[tail.group("duration").lower()]
            return Candidate(start, tail.end(), 0.5 * mult, unit, "words", start, end)
    cand = Candidate(start, end, num / den, "fraction", "fraction", start, end)
    # "three-quarters of a percentage point", "half a per cent": a fraction of a point or of a percent
    of_scale = _FRACTION_OF_SCALE_RE.match(text, end)       # "three quarters of a million"
    if of_scale:
        cand.end = of_scale.end()
        cand.value *= SCALE_LONG_WORDS[of_scale.group("scale").lower()]
        cand.unit, cand.scaled = "count", True
        return cand
    of_point = _FRACTION_OF_POINT_RE.match(text, end)
    if of_point:
        cand.end = of_point.end()
        cand.unit = "percentage_points" if of_point.group("what").lower().startswith("percentage") else "percent"
    return cand


def _with_suffix(text: str, s: int, e: int, value: float, form: str, no_scale: bool = False) -> Candidate | None:
    """Extend a bare number with its currency prefix, scale and unit."""
    cand = Candidate(s, e, value, "count", form, s, e)
    neg = _NEGATIVE_RE.search(text, max(0, s - 10), s) if text[s - 2:s - 1] in ("s", "e", "S", "E") else None
    if neg:
        cand.start, cand.value = neg.start(), -cand.value
    prefix = _prefix_currency(text, cand.start)
    currency = None
    if prefix:
        currency, cand.start = prefix
        cand.currency_prefix = True
    pos = e
    if form == "digits":
        half = _AND_A_HALF_RE.match(text, pos)      # "2 and a half hours"
        if half:
            cand.value += 0.5 if cand.value >= 0 else -0.5
            pos = cand.num_end = half.end()
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
                cand.end, cand.unit, cand.unit_text = sm.end(), "other:m", "m"
                return cand
            if sm and (currency or (not sm.group("sp") and sm.group("abbr") not in SCALE_NEEDS_CURRENCY)):
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
            unit, pos = "percent", um.end()
        elif group == "points":
            unit, pos = "percentage_points", um.end()
        elif group == "bps":
            unit, pos = "percentage_points", um.end()
            cand.value /= 100
        elif group == "cur_code":
            code = word.upper()
            unit, pos = CODE_ALIASES.get(code, code), um.end()
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
            unit, pos = ("ratio" if is_fold or _is_multiple(text, um.end()) else "count"), um.end()
        elif group == "ratio_x":
            if form == "digits":
                unit, pos = "ratio", um.end()
        elif group == "measure_word":
            unit, pos = "other:" + _MEASURE_WORDS_LOWER[word], um.end()
            cand.hyphen_unit = written.startswith("-")
        elif group == "measure_sym" and form == "digits":
            unit, pos = "other:" + MEASURE_SYMBOLS[written.strip()], um.end()
        if pos == um.end():
            cand.unit_text = written.strip(" \u00a0-")
    cand.unit = unit
    cand.end = pos
    return cand
