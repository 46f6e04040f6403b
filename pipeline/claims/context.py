"""What a claim measures and the period it covers, read from its sentence."""

from __future__ import annotations

import re

from .lexicon import CHANGE_WORDS, MONTHS

_Y = r"(?:1[6-9]\d\d|20\d\d)"
_MONTH = "|".join(MONTHS)
_NUMW = (r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
         r"thirty|forty|fifty|a|a\s+few|several)")
_UNIT = r"(?:years?|months?|weeks?|days?|decades?|quarters?|hours?)"
PERIOD_RE = re.compile(
    rf"""
    (?=[\dA-Za-z])(?<![\w])(?:
      (?P<span>\b{_Y}\s*(?:[-–—/]|\bto\b|\band\b)\s*(?:{_Y}|\d\d)\b(?:/\d\d)?)
    | \b(?:since|by|until|till|before|after|through|throughout)\s+(?:the\s+end\s+of\s+)?(?:(?:{_MONTH})\s+)?{_Y}\b
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


# every period pattern holds one of these (checked first: most sentences state no period)
_PERIOD_HINTS = ("19", "20", "year", "annum", "annual", "month", "week", "day", "quarter", "half", "decade",
                 "parliament", "review", "16", "17", "18")


def periods_in(text: str, s_start: int, s_end: int) -> list[tuple[int, int, str]]:
    """Every stated time span in a sentence: (start, end, text as written)."""
    out: list[tuple[int, int, str]] = []
    sentence = text[s_start:s_end].lower()
    if not any(hint in sentence for hint in _PERIOD_HINTS):
        return out
    for m in PERIOD_RE.finditer(text, s_start, s_end):
        if m.group("year"):
            out.append((m.start("year"), m.end(), m.group("year")))
        else:
            out.append((m.start(), m.end(), re.sub(r"\s+", " ", m.group())))
    return out


def period_for(periods: list[tuple[int, int, str]], c_start: int, c_end: int) -> str | None:
    """The period nearest a claim at [c_start, c_end) among a sentence's `periods_in`; None if none."""
    best: tuple[int, str] | None = None
    for ps, pe, value in periods:
        if ps < c_end and c_start < pe:
            continue
        dist = ps - c_end if ps >= c_end else c_start - pe
        if best is None or dist < best[0]:
            best = (dist, value)
    return best[1] if best else None


_STOP_WORDS = {
    "is", "are", "was", "were", "be", "been", "being", "will", "would", "has", "have", "had", "can", "could",
    "should", "may", "might", "must", "does", "do", "did", "said", "says", "that", "which", "who", "whom",
    "whose", "while", "whilst", "but", "compared", "because", "although", "though", "if", "when", "where",
    "according", "since", "between", "than", "make", "makes", "made", "face", "faces", "as", "and", "or",
    "whereas", "so", "then", "after", "before", "until", "by",
}
_CLAUSE_END = re.compile(r"[,;:.!?()\[\]“”\"–—]|\s-\s|\n")
_WORD = re.compile(r"[A-Za-z’'][\w’'&/-]*|£?\d[\d,.]*%?")
_LEAD_DROP = re.compile(r"^(?:(?:of|the|a|an|in|on|for|to|towards|into|more|less|fewer|than|higher|lower|"
                        r"per|each|year|month|week|day|annual|annually|their|its|his|her|our|all)\b\s*)+", re.I)
_DIRECTION_RE = re.compile(r"\b(" + "|".join(sorted(CHANGE_WORDS, key=len, reverse=True)) + r")\b([^\d£$€%]{0,40}?)$",
                           re.I | re.S)
_SUBJECT_RE = re.compile(r"([A-Za-z’'][\w’' -]{2,80}?)\s+(?:is|are|was|were|has|have|had|will|would|could|"
                         r"should|may|might|must|be|set\s+to|expected\s+to|is\s+set\s+to|could)\b", re.I)


def _phrase_after(text: str, start: int, end: int) -> str:
    chunk = text[start:min(end, start + 120)]
    cut = _CLAUSE_END.search(chunk)
    if cut:
        chunk = chunk[:cut.start()]
    words = []
    for m in _WORD.finditer(chunk):
        w = m.group()
        if w.lower() in _STOP_WORDS or w[0].isdigit() or w[0] == "£":
            break
        words.append(w)
        if len(words) >= 9:
            break
    phrase = " ".join(words)
    phrase = _LEAD_DROP.sub("", phrase).strip(" -")
    return phrase


_AUX_TAIL = re.compile(r"(?:[\s\u00a0]+(?:is|are|was|were|has|have|had|will|would|could|should|may|might|must|be|been|"
                       r"being|set|expected|forecast|projected|likely|due|to|also|now|still|already|only|"
                       r"further|again|sharply|slightly|steadily))+[\s\u00a0]*$", re.I)
_CLAUSE_START = re.compile(r".*(?:[,;:(“\"]|\b(?:and|but|while|whereas|that|which|where|when|as|because|after|"
                           r"since|although|though|if)\b)", re.I | re.S)


def _subject_of(head: str) -> str:
    """The noun phrase before a change verb: 'The core school budget is set to' -> 'core school budget'."""
    clause = _CLAUSE_START.sub("", head) if _CLAUSE_START.match(head) else head
    clause = _AUX_TAIL.sub("", " " + clause).strip()
    clause = _LEAD_DROP.sub("", clause).strip()
    words = clause.split()
    return " ".join(words[-8:]) if words else ""


_CHANGE_SET = frozenset(CHANGE_WORDS)
_LOWER_WORDS = re.compile(r"[a-z]+")


def _has_change_word(s: str) -> bool:
    return not _CHANGE_SET.isdisjoint(_LOWER_WORDS.findall(s.lower()))


def measured_for(text: str, s_start: int, s_end: int, c_start: int, c_end: int, unit: str) -> str | None:
    """The noun phrase a claim quantifies, with its direction when the sentence states a change.

    `88 per cent of schools across England` -> "share of schools across England";
    `set to decline in real terms by 4.6 %` -> "decline in real terms in core school budget";
    `a budget gap of £87m` -> "budget gap".
    """
    before_start = max(s_start, c_start - 80)
    before = text[before_start:c_start]
    after_phrase = _phrase_after(text, c_end, s_end)
    raw_after = text[c_end:s_end]
    is_share = unit in ("percent", "fraction") and _OF_AFTER.match(raw_after)
    direction = None
    if not is_share and _has_change_word(before):
        direction = _DIRECTION_RE.search(_TRAILING_LINK.sub("", _strip_links(before)))
    if direction:
        noun = CHANGE_WORDS[direction.group(1).lower()]
        extra = _TRAILING_LINK.sub("", direction.group(2).strip(" ,")).strip()
        if not extra and _IN_REAL_TERMS.match(raw_after):
            extra = "in real terms"
        subject = _subject_of(text[s_start:before_start + direction.start()]) or after_phrase
        return " ".join([noun] + ([extra] if extra else []) + ([f"in {subject}"] if subject else []))
    if is_share and after_phrase:
        return f"share of {after_phrase}"
    if unit == "ratio":
        compared = _COMPARED_RE.match(raw_after)
        if compared:
            return " ".join(compared.group(1).split())
    if after_phrase:
        return after_phrase
    return (" of" in before[-40:] and _phrase_before_of(before)) or None


_COMPARED_RE = re.compile(r"[\s\u00a0]+((?:more|less|fewer|higher|lower|larger|bigger|greater|smaller|faster|slower|"
                          r"as)\b[^,;:.!?()“”\"]{0,80})")
_OF_AFTER = re.compile(r"[\s\u00a0]+of\b")
_IN_REAL_TERMS = re.compile(r"[\s\u00a0]+in[\s\u00a0]+real[\s\u00a0]+terms\b", re.I)
_TRAILING_HEDGE = re.compile(r"(?:\b(?:up|to|around|about|over|nearly|almost|some|just|only|at|least|more|than|less|"
                             r"fewer|roughly|approximately|an|estimated|a|mere|under|below|above)\b[\s\u00a0]*)+$",
                             re.I)
_TRAILING_LINK = re.compile(r"\b(?:by|of|to|from)[\s\u00a0]*$")


def _strip_links(before: str) -> str:
    """Drop the hedge and linking words right before a claim: 'claims of up to ' -> 'claims of'."""
    return _TRAILING_HEDGE.sub("", before.rstrip()).rstrip()
_OF_BEFORE = re.compile(r"([A-Za-z][\w’'-]*(?:[\s\u00a0]+[A-Za-z][\w’'-]*){0,5})[\s\u00a0]+of[\s\u00a0]*$")
_DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "some"}


def _phrase_before_of(before: str) -> str:
    """'faces equal pay claims of up to' -> 'equal pay claims': the noun phrase an 'of' hangs the claim on."""
    m = _OF_BEFORE.search(_strip_links(before))
    if not m:
        return ""
    words: list[str] = []
    for w in reversed(m.group(1).split()):
        if w.lower() in _STOP_WORDS or w.lower() in _DETERMINERS:
            break
        words.append(w)
    return " ".join(reversed(words))
