"""Numbers that are no claims: dates, ordinals, addresses, idioms, kinds, ids, phone numbers, versions.

Two passes: `protected_spans` marks spans of the whole text that hold no claim (dates, times, phone numbers,
versions, labelled ids, addresses, list markers), then `trap_reason` looks at one candidate's own context.
"""

from __future__ import annotations

import bisect
import re

from .candidate import Candidate
from .candidate import alt as _alt
from .lexicon import (
    CODE_ALIASES,
    CURRENCY_PREFIXES,
    DURATION_UNITS,
    HYPHEN_QUANTITY_WORDS,
    ID_LABELS,
    ISO_CODES,
    KIND_NOUNS,
    MEASURE_WORDS,
    MONTHS,
    NOT_NAME_WORDS,
    NUMBER_WORDS,
    ONE_COUNT_BEFORE,
    ONE_COUNT_NOUNS,
    QUALIFIER_PREFIXES,
    RELATIVE_DATE_AFTER,
    STREET_SUFFIXES,
    WEEKDAYS,
)

_MONTH = rf"(?:{_alt(MONTHS)})\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"

# (category, pattern) in the order they are tried; every match is a span with no claim inside. Each pattern
# starts at a digit, "+", "(", "#" or "[", so it is only tried where _TRIGGER finds one of those.
PROTECTED_PATTERNS: list[tuple[str, str]] = [
    ("date", r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b"),
    ("date", rf"\b\d{{1,2}}{_ORD}(?:\s*(?:-|–|to|and)\s*\d{{1,2}}{_ORD})?(?:\s+of)?\s+{_MONTH}(?![a-z])"
             rf"(?:,?\s+\d{{4}})?"),
    ("date", rf"\b{_YEAR}\s*[/–—-]\s*(?:{_YEAR}|\d{{2}})\b(?!\s*(?:%|per\s*cent|percent|bn|m\b|million|billion))"),
    ("date", rf"(?<![\w.,])(?:{_YEAR}|\d0)s\b"),
    ("time", r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|\b\d{1,2}:\d{2}(?::\d{2})?\b"
             r"|\b(?:[01]?\d|2[0-3])\.[0-5]\d(?=\s*(?:hrs|hours|GMT|BST|on\s+[A-Z]))"
             r"|\b\d{1,2}\s?o[’']clock\b|\b24/7\b|\b\d{1,2}(?:[:.]\d{2})?\s?(?:GMT|BST|UTC|CET)\b"),
    ("phone", r"(?:\+\d{1,3}[\s-]?)?\(?\b0\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b|\+\d{1,3}(?:[\s-]?\d{2,4}){2,5}"),
    ("version", r"\b\d+\.\d+\.\d+(?:\.\d+)*\b|\b\d+(?:\.\d+)?(?=\.x\b)"),
    ("id", r"#\d+|\b\d+(?:[/-]\d+){3,}\b"),
    ("score", r"\b(?P<even>\d{1,3})[-/](?P=even)\b(?![-/.,]\d)|\b\d{1,3}:\d{1,3}\b"
              r"|\b\d{1,3}[\s\u00a0]?[-–][\s\u00a0]?\d{1,3}(?=[\s\u00a0]+(?:decision|vote|verdict|ruling|majority|"
              r"split|win|victory|defeat|draw|loss|scoreline|margin|result|lead|home|away|thrashing)\b)"),
    ("address", rf"\b\d+[A-Za-z]?(?:-\d+)?\s+(?:[A-Z][a-z’']+\s+){{1,3}}(?:{_alt(STREET_SUFFIXES)})\b"),
    ("page_chrome", r"^\d[\d,.]*[kKm]?[\s\u00a0]*(?:comments?|shares?|likes?|views?|replies|reactions?|"
                    r"min(?:ute)?s?[\s\u00a0]+read|retweets?)[\s\u00a0]*$"),
    ("list_marker", r"^(?:\d{1,3}[.)]|\(\d{1,3}\)|\[\d{1,3}\])(?=\s)|\[\d{1,3}\]|^\d{1,2}(?:\.\d{1,2})+(?=\s+[A-Z])"),
]
PROTECTED_RE = re.compile(
    r"(?=[\d+(#\[])(?:" + "|".join(f"(?P<{cat}{i}>{pat})" for i, (cat, pat) in enumerate(PROTECTED_PATTERNS)) + ")",
    re.M,
)

_TRIGGER = re.compile(r"(?<!\d)\d|[+(#\[]")
_CATEGORY = {f"{cat}{i}": cat for i, (cat, _) in enumerate(PROTECTED_PATTERNS)}

# a word right before a number that makes it no claim: labels (Section 106), months (March 3), weekdays
_LABELS = set(ID_LABELS)
_LABELS_LOWER = {w.lower() for w in ID_LABELS if w[0].islower()}
_MONTHS = set(MONTHS)
_WEEKDAYS = set(WEEKDAYS)
_SCORE_VERBS = {"won", "lost", "drew", "beat", "beaten", "score", "scored", "scores", "victory", "defeat", "win",
                "draw", "led", "leads", "trail", "trailed"}
_WORD_BEFORE_NUM = re.compile(r"(?<![A-Za-z])([A-Za-z]+\.?)\Z")
_LABELLED_NUM = re.compile(r"\d+[A-Za-z]?(?:[./-]\d+)*(?:\([a-z0-9]+\))?(?![\d,]*[\s\u00a0]*(?:%|per[\s\u00a0]?cent))")
_DAY_NUM = re.compile(r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
                      r"(?:[\s\u00a0]*[-–][\s\u00a0]*(?:[12]\d|3[01]|0?[1-9])\b)?(?:,?[\s\u00a0]+\d{4}\b)?"
                      r"(?![\d,.]*[\s\u00a0]*(?:%|per|m\b|bn\b))|\d{4}\b")
_SCORE_NUM = re.compile(r"\d{1,2}[\s\u00a0]*[-–][\s\u00a0]*\d{1,2}\b")
_DIGIT_RUN = re.compile(r"\d+")
_NAME_NUM = re.compile(
    r"\d{1,4}(?:[-–]\d{1,4}|\.0)?\b(?![.,]\d)(?![A-Za-z%])(?![\s\u00a0]?(?:%|per[\s\u00a0]?cent|percent|pc\b|bn\b|m\b|"
    r"k\b|million|billion|thousand|trillion|years?\b|months?\b|weeks?\b|days?\b|hours?\b|times\b))"
)
_NOT_NAME_WORDS = (
    {w.lower() for w in NOT_NAME_WORDS} | {w for k in QUALIFIER_PREFIXES for w in k.split()}
    | {w.lower().rstrip(".") for w in list(CURRENCY_PREFIXES) + list(ISO_CODES) + list(CODE_ALIASES)}
)


def _is_name_word(word: str) -> bool:
    """A capitalised word that names something (iPhone, FTSE, Apollo), not a function word or a hedge."""
    if not (word[0].isupper() or any(ch.isupper() for ch in word[1:])):
        return False
    return word.rstrip(".").lower() not in _NOT_NAME_WORDS and word.rstrip(".") not in _MONTHS


def protected_spans(text: str) -> list[tuple[int, int, str]]:
    """Sorted spans (start, end, category) that hold no claim."""
    found: list[tuple[int, int, str]] = []
    end = 0
    for t in _TRIGGER.finditer(text):       # try the patterns only where one can start
        pos = t.start()
        if pos < end:
            continue
        m = PROTECTED_RE.match(text, pos)
        if m and m.end() > pos:
            found.append((pos, m.end(), _CATEGORY[m.lastgroup or ""]))
            end = m.end()
        elif pos > 1 and text[pos - 1] in " \u00a0\t" and text[pos].isdigit():
            span = _labelled(text, pos)
            if span:
                found.append(span)
                end = span[1]
    found.sort()
    return found


def _labelled(text: str, pos: int) -> tuple[int, int, str] | None:
    """A number made no claim by the word before it: Section 106, March 3, won 3-1, iPhone 14, No 10."""
    gap = pos - 1
    while gap > 0 and text[gap - 1] in " \u00a0\t":
        gap -= 1
    w = _WORD_BEFORE_NUM.search(text, max(0, gap - 24), gap)
    if not w:
        return None
    word = w.group(1)
    bare = word.rstrip(".")
    if word in _LABELS or bare in _LABELS or word.lower() in _LABELS_LOWER:
        m = _LABELLED_NUM.match(text, pos)
        return (w.start(), m.end(), "id") if m else None
    if bare in _MONTHS or word in _WEEKDAYS:
        m = _DAY_NUM.match(text, pos)
        return (w.start(), m.end(), "date") if m else None
    if word.lower() in _SCORE_VERBS:
        m = _SCORE_NUM.match(text, pos)
        return (w.start(), m.end(), "score") if m else None
    if bare in ("No", "Number") and text.startswith("10", pos):
        return (w.start(), pos + 2, "address")
    if _is_name_word(word) and text[w.start() - 1:w.start()] != "-":
        # a number right after a proper name is part of it: iPhone 14, FTSE 100, Apollo 11, Senate 51-50
        m = _NAME_NUM.match(text, pos)
        return (w.start(), m.end(), "id") if m else None
    return None


def overlapping(spans: list[tuple[int, int, str]], starts: list[int], s: int, e: int) -> str | None:
    """Category of a protected span overlapping [s, e), else None."""
    i = bisect.bisect_right(starts, e) - 1
    while i >= 0 and spans[i][1] > s:
        if spans[i][0] < e:
            return spans[i][2]
        i -= 1
    return None


_WORD_BEFORE = re.compile(r"([A-Za-z’']+)[\s\u00a0]*$")
_NEXT_WORD = re.compile(r"[\s\u00a0]*([A-Za-z’']+)")
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)")
_SPACE_WORD = re.compile(r"[\s\u00a0]+([A-Za-z]+)")
_LETTER_HYPHEN_BEFORE = re.compile(r"(?<![\w£$€.])([A-Za-z]{2,})-$")
_URLISH = re.compile(r"https?:|www\.|@|/[A-Za-z]|\.(?:com|org|net|gov|uk|io)\b")
_STREET_AFTER = re.compile(rf"[\s\u00a0]+(?:[A-Z][a-z’']+[\s\u00a0]+){{1,3}}(?:{_alt(STREET_SUFFIXES)})\b")
_ORDINAL_AFTER = re.compile(r"[\s\u00a0-]+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                            r"eleventh|twelfth|hundredth|thousandth|millionth)\b", re.I)
# "between one and two million", "one to three years", "one or two": one is the low end of a range
_ONE_IN_RANGE = re.compile(
    r"[\s\u00a0]*(?:-|–|to|and|or)[\s\u00a0]*(?:\d|two|three|four|five|six|seven|eight|nine|ten)\b", re.I
)
_VAGUE_BEFORE = re.compile(r"\b(?:few|several|many|some\s+few)[\s\u00a0]+$", re.I)
_AGE_GROUP = re.compile(r"-(?:years?|months?|weeks?|days?)-olds?\b", re.I)
_OF_PRONOUN = re.compile(r"[\s\u00a0]+of[\s\u00a0]+(?:them|us|you|these|those)\b", re.I)
_HYPHEN_DURATION_KIND = re.compile(r"[\s\u00a0]+(?:working[\s\u00a0]+)?(?:week|weekend|day|service|shift|cycle|"
                                   r"schedule|clock|news|rota|opening|access|operation|support)\b", re.I)
_ONE_DURATION_BEFORE = re.compile(r"\b(?:for|within|over|than|after|in|just|only|least|nearly|almost|about|"
                                  r"around|under|past|last|first|of|every|each|to|by)[\s\u00a0]+$", re.I)
_DATE_PREFIXES = {"mid", "pre", "post", "early", "late", "end", "start", "since"}
_YEAR_PREPOSITIONS = {
    "in", "since", "from", "by", "until", "till", "to", "of", "the", "before", "after", "during", "between",
    "and", "circa", "c", "year", "summer", "spring", "autumn", "winter", "through", "throughout", "for",
    "around", "early", "late", "mid", "fiscal", "financial", "calendar", "academic", "its", "their",
    "on", "at", "ad", "bc", "end", "start", "beginning", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "january", "february", "or", "than",
}
# plural nouns a year commonly modifies: "2019 figures", "2022 elections"
_YEAR_NOUNS = {"figures", "levels", "results", "elections", "prices", "rates", "accounts", "budgets", "targets",
               "games", "olympics", "statistics", "estimates", "returns", "forecasts", "plans",
               "reforms", "rules", "regulations", "changes", "cuts", "riots", "floods", "protests", "awards",
               "exams", "standards", "values", "terms", "highs", "lows", "peaks", "totals", "numbers",
               "models", "editions", "guidelines", "manifestos", "reviews", "surveys", "census", "tables"}
_QUANTITY_HEDGES = {"over", "about", "nearly", "almost", "some", "around", "approximately", "roughly",
                    "least", "than", "just", "only", "to", "additional", "extra", "another", "all", "of"}
_FRACTION_FOLLOWERS = {"of", "more", "less", "fewer", "as", "higher", "lower", "bigger", "smaller", "larger",
                       "the", "are", "were", "is", "was", "have", "had", "will", "would", "said", "say"}
_FRACTION_LEADERS = {"by", "than", "about", "around", "nearly", "almost", "over", "under", "roughly", "just",
                     "only", "some", "to", "least", "most", "fully", "barely", "above", "below", "exactly",
                     "approximately", "precisely"}
_HALF_BEFORE = {"first", "second", "latter", "former", "final", "last", "next", "top", "bottom", "upper",
                "lower", "back", "front", "better", "opening", "closing", "previous"}
_HALF_AFTER = {"time", "term", "hearted", "heartedly", "baked", "truth", "truths", "measure", "measures",
               "way", "century", "decade", "year", "hour", "day", "life", "brother", "sister", "price",
               "empty", "full", "joking", "marathon", "past", "an", "a"}


def trap_reason(text: str, c: Candidate, protected: list[tuple[int, int, str]], starts: list[int]) -> str | None:
    """Why candidate `c` is no claim (a trap category), or None when it is a claim."""
    cat = overlapping(protected, starts, c.num_start, c.num_end)
    if cat:
        return cat
    before = text[max(0, c.start - 40):c.start]
    after = text[c.end:c.end + 40]
    num = text[c.num_start:c.num_end]
    low = num.lower()

    if c.form == "digits":
        reason = _digit_trap(text, c, num, before, after)
        if reason:
            return reason
    if c.form == "fraction":
        return None if c.scaled else _fraction_trap(c, low, before, after)     # "a quarter million dollars"
    if c.form == "words" and low.startswith(("hundred", "thousand")) and _VAGUE_BEFORE.search(before):
        return "vague"                      # "a few hundred thousand", "several hundred thousand"
    if c.form == "words" and num[:1].isupper() and c.unit == "count":
        prev = _WORD_BEFORE.search(before)
        if prev and _is_name_word(prev.group(1)):
            return "id"                     # World War Two, Channel Four, Apollo Eleven
    if c.form == "words" and c.unit == "count" and not c.scaled and low in ("one", "a", "an", "zero"):
        if low == "one" and (c.value < 0 or _one_is_count(before, after)):     # "minus one", "more than one"
            return None
        return "idiom"
    if c.form == "words" and _ORDINAL_AFTER.match(after):
        return "ordinal"                    # the twenty first century
    if c.unit == "count" and c.end == c.num_end:
        if _STREET_AFTER.match(after):
            return "address"                # Ten Downing Street
        reason = _kind_trap(after)
        if reason:
            return reason
    if c.unit in ("years", "months", "weeks", "days", "hours"):
        if c.hyphen_unit and _HYPHEN_DURATION_KIND.match(after):
            return "kind"                   # a four-day week, a 24-hour service
        if low == "one" and not c.hyphen_unit and not _ONE_DURATION_BEFORE.search(before):
            return "idiom"                  # "One day, ...", "one year on"
        nxt = _NEXT_WORD.match(after)
        if nxt and nxt.group(1).lower() in RELATIVE_DATE_AFTER and not re.match(r"\s*on\s+(?:from|the)", after):
            return "relative_date"
        if re.match(r"['’]s?\s+time\b", after):
            return "relative_date"
        if c.hyphen_unit and re.match(r"-olds?\b", after):
            return "kind"
    return None


def _digit_trap(text: str, c: Candidate, num: str, before: str, after: str) -> str | None:
    token = text[max(0, c.num_start - 400):c.num_start].rsplit(None, 1)[-1:]     # long URLs: query strings
    if token and _URLISH.search(token[0]):
        return "url"
    head = text[max(0, c.num_start - 12):c.num_start]
    if not c.currency_prefix:
        if head[-1:].isalpha():
            return "id"                     # G7, CO2, HS2, A1
        m = _LETTER_HYPHEN_BEFORE.search(head)
        if m:
            return "date" if m.group(1).lower() in _DATE_PREFIXES else "id"
    tail = text[c.end:c.end + 3]
    if tail[:1].isalpha() or (tail[:1] in "'’" and tail[1:2] == "s" and not tail[2:3].isalpha()):
        if c.end == c.num_end:
            t = tail.lower()
            if t[:2] in ("st", "nd", "rd", "th") and not t[2:3].isalpha():
                return "ordinal"
            return "date" if t[:1] in "s'’" else "id"
        return "id"
    if re.match(r"[.,]\d", tail):          # 1.2.3, odd separators: a version or an id
        return "version"
    digits = num.lstrip("−-")
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        return "id"
    if (c.unit == "count" and not c.scaled and not c.currency_prefix and re.fullmatch(r"\d{4}", digits)
            and _is_year(int(digits), before, after)):
        return "date"
    if c.unit == "count" and not c.scaled and re.fullmatch(r"\d{9,}", digits):
        return "id"
    return None


def _is_year(value: int, before: str, after: str) -> bool:
    if not 1000 <= value <= 2100:
        return False
    prev = _WORD_BEFORE.search(before)
    prev_word = prev.group(1).lower() if prev else ""
    nxt = _NEXT_WORD.match(after)
    next_word = nxt.group(1) if nxt else ""
    plural_noun = bool(next_word) and next_word.islower() and (
        next_word.endswith("s") and next_word not in ("was", "is", "has", "as", "its", "this", "his", "saw")
        or next_word in ("people", "staff", "children", "men", "women", "homes", "jobs", "police")
    )
    if re.match(r"\s*(?:AD|BC|BCE|CE)\b", after):
        return True
    counted = plural_noun and next_word not in _YEAR_NOUNS     # "2019 students", not "2019 figures"
    if 1950 <= value <= 2040:
        return not (counted and (prev_word in _QUANTITY_HEDGES or prev_word not in _YEAR_PREPOSITIONS))
    return bool(prev_word in _YEAR_PREPOSITIONS and not plural_noun)


def _fraction_trap(c: Candidate, low: str, before: str, after: str) -> str | None:
    words = low.replace("-", " ").split()
    den = words[-1]
    prev = _WORD_BEFORE.search(before)
    prev_word = prev.group(1).lower() if prev else ""
    nxt = _NEXT_WORD.match(after)
    next_word = nxt.group(1).lower() if nxt else ""
    if after.startswith("-") and after[1:2].isalpha():
        return "kind"                       # half-hearted, a half-time whistle
    if den == "half":
        if len(words) == 1:
            if prev_word in _HALF_BEFORE:
                return "period"
            if next_word in _HALF_AFTER and not re.match(r"\s+an?\s+(?:million|billion|dozen)", after):
                return "idiom"
        return None
    if words[0] in ("a", "an", "one") and not den.endswith("s"):
        # "a third runway", "a fourth industrial revolution": an ordinal, not a fraction
        if (next_word and next_word not in _FRACTION_FOLLOWERS and prev_word not in _FRACTION_LEADERS
                and not re.match(r"\s*[,.;:)\]”\"]", after)):
            return "ordinal"
        if den.startswith("fourth"):
            return "ordinal"
    return None


def _one_is_count(before: str, after: str) -> bool:
    """'more than one', 'one man was arrested': a count; 'one of the reasons', 'one pillar': no claim."""
    b = before.lower().rstrip()
    if any(b.endswith(h) for h in ONE_COUNT_BEFORE) or _ONE_IN_RANGE.match(after):
        return True
    nxt = _NEXT_WORD.match(after)
    return bool(nxt) and nxt.group(1).lower() in ONE_COUNT_NOUNS and not b.endswith(("the", "this", "that", "any"))


def _kind_trap(after: str) -> str | None:
    if _AGE_GROUP.match(after):
        return "kind"                       # 16-year-olds, a 16-year-old boy
    if _OF_PRONOUN.match(after):
        return "idiom"                      # the two of them
    m = _HYPHEN_WORD.match(after)
    if m:
        word = m.group(1).lower()
        if word in HYPHEN_QUANTITY_WORDS or word in NUMBER_WORDS or word in DURATION_UNITS:
            return None
        if word in MEASURE_WORDS:
            return None
        return "kind"
    m = _SPACE_WORD.match(after)
    if m and m.group(1).lower() in KIND_NOUNS:
        return "kind"
    return None


__all__ = ["protected_spans", "overlapping", "trap_reason"]
