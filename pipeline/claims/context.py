"""What a claim measures and the period it covers, read from its sentence."""

from __future__ import annotations

import re

from .lexicon import CHANGE_WORDS, MONTHS, NUMBER_WORDS

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


_STOP_WORDS = {
    "is", "are", "was", "were", "be", "been", "being", "will", "would", "has", "have", "had", "can", "could",
    "should", "may", "might", "must", "does", "do", "did", "said", "says", "that", "which", "who", "whom",
    "whose", "while", "whilst", "but", "compared", "because", "although", "though", "if", "when", "where",
    "according", "since", "between", "than", "make", "makes", "made", "face", "faces", "as", "and", "or",
    "whereas", "so", "then", "after", "before", "until", "by", "over", "during", "year-on-year",
    "month-on-month", "quarter-on-quarter", "week-on-week", "annually", "yearly",
}
_CLAUSE_END = re.compile(r"[,;:.!?()\[\]“”\"–—]|\s-\s|\n")
_WORD = re.compile(r"[A-Za-z’'][\w’'&/-]*|£?\d[\d,.]*%?")
_LEAD_DROP = re.compile(r"^(?:(?:of|the|a|an|in|on|for|to|towards|into|more|less|fewer|than|higher|lower|"
                        r"per|each|year|month|week|day|annual|annually|their|its|his|her|our|all)\b\s*)+", re.I)
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


# words read right to left from a claim: hedges and links to skip, auxiliaries that end a subject,
# words that open a clause (the subject starts after them)
_HEDGE_WORDS = {
    "up", "to", "around", "about", "over", "nearly", "almost", "some", "just", "only", "at", "least", "more",
    "than", "less", "fewer", "roughly", "approximately", "an", "estimated", "a", "mere", "under", "below", "above",
    "exactly", "precisely", "well", "barely", "circa", "c.", "as", "much", "many", "high", "low",
}
_LINK_WORDS = {"by", "of", "to", "from", "between", "at", "around", "about"}
_AUX_WORDS = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "should", "may", "might", "must",
    "be", "been", "being", "set", "expected", "forecast", "projected", "likely", "due", "to", "also", "now",
    "still", "already", "only", "further", "again", "sharply", "slightly", "steadily", "can", "did", "does",
}
_CLAUSE_WORDS = {"and", "but", "while", "whereas", "that", "which", "where", "when", "as", "because", "after",
                 "since", "although", "though", "if", "said", "says"}
_DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "some"}
_PUNCT = ",;:.!?()[]“”\"‘’'–—"
_CHANGE_SET = frozenset(CHANGE_WORDS)
_NUMERIC = re.compile(r"[\d£$€%]")
_REACH = 8                   # how many words back a change word may stand from its claim


def _bare(word: str) -> str:
    return word.strip(_PUNCT).lower()


def _strip_hedges(words: list[str]) -> list[str]:
    """Drop the hedge words right before a claim: ['claims', 'of', 'up', 'to'] -> ['claims', 'of']."""
    n = len(words)
    while n and _bare(words[n - 1]) in _HEDGE_WORDS and words[n - 1][-1:] not in ",;:":
        n -= 1
    return words[:n]


def _subject_of(words: list[str]) -> str:
    """The noun phrase before a change verb: 'The core school budget is set to' -> 'core school budget'."""
    start = 0
    for i, w in enumerate(words):
        if w[-1:] in ",;:" or _bare(w) in _CLAUSE_WORDS:
            start = i + 1                   # the clause begins after a comma or a clause word
        elif w[:1] in "“\"(":
            start = i                       # ... or with an opening quote
    clause = words[start:]
    while clause and _bare(clause[-1]) in _AUX_WORDS:
        clause = clause[:-1]
    clause = [w.strip(_PUNCT) for w in clause]
    return _LEAD_DROP.sub("", " ".join(w for w in clause if w)).strip()


def _direction(words: list[str]) -> tuple[str, str, int] | None:
    """The change word (as a noun) a few words before a claim, the words between, and its index."""
    if _CHANGE_SET.isdisjoint(_bare(w) for w in words[-_REACH:]):
        return None
    for k in range(len(words) - 1, max(-1, len(words) - 1 - _REACH), -1):
        w = words[k]
        if _NUMERIC.search(w) or w[-1:] in ",;:" or _bare(w) in NUMBER_WORDS or _bare(w).endswith("fold"):
            return None                      # another number or a clause break stands between
        noun = CHANGE_WORDS.get(_bare(w))
        if noun:
            between = [x.strip(_PUNCT) for x in words[k + 1:] if _bare(x) not in _AUX_WORDS]
            while between and between[-1].lower() in _LINK_WORDS:
                between = between[:-1]
            return noun, " ".join(between), k
    return None


def _phrase_before_of(words: list[str]) -> str:
    """'faces equal pay claims of' -> 'equal pay claims': the noun phrase an 'of' hangs the claim on."""
    if not words or _bare(words[-1]) != "of":
        return ""
    out: list[str] = []
    for w in reversed(words[:-1]):
        b = _bare(w)
        if b in _STOP_WORDS or b in _DETERMINERS or w[-1:] in _PUNCT or not b or len(out) >= 6:
            break
        out.append(w.strip(_PUNCT))
    return " ".join(reversed(out))


def measured_for(text: str, s_start: int, s_end: int, c_start: int, c_end: int, unit: str) -> str | None:
    """The noun phrase a claim quantifies, with its direction when the sentence states a change.

    `88 per cent of schools across England` -> "share of schools across England";
    `set to decline in real terms by 4.6 %` -> "decline in real terms in core school budget";
    `a budget gap of £87m` -> "budget gap".
    """
    before_start = max(s_start, c_start - 140)
    words = text[before_start:c_start].split()
    if before_start > s_start and words:
        words = words[1:]                   # the window may cut the first word
    words = _strip_hedges(words)
    after_phrase = _phrase_after(text, c_end, s_end)
    raw_after = text[c_end:min(s_end, c_end + 120)]
    is_share = unit in ("percent", "fraction") and _OF_AFTER.match(raw_after)
    direction = None if is_share or unit == "ratio" else _direction(words)
    if direction:
        noun, extra, k = direction
        if not extra and _IN_REAL_TERMS.match(raw_after):
            extra = "in real terms"
        subject = _subject_of(words[:k]) or after_phrase
        return " ".join([noun] + ([extra] if extra else []) + ([f"in {subject}"] if subject else []))
    if is_share and after_phrase:
        return f"share of {after_phrase}"
    if unit == "ratio":
        compared = _COMPARED_RE.match(raw_after)
        if compared:
            return " ".join(compared.group(1).split())
    if not after_phrase and unit in ("percent", "fraction"):
        passive = _PASSIVE_AFTER.match(raw_after)          # "Half will be allocated via competition"
        if passive:
            phrase = _phrase_after(text, c_end + passive.end(), s_end)
            if phrase:
                return f"share {phrase}"
    return after_phrase or _phrase_before_of(words) or None


_PASSIVE_AFTER = re.compile(r"[\s\u00a0]+(?:will|would|could|should|may|might|must|is|are|was|were|has|have|had)"
                            r"(?:[\s\u00a0]+(?:be|been|being|not|now|already|also))*(?=[\s\u00a0]+\w+ed\b)", re.I)
_OF_AFTER = re.compile(r"[\s\u00a0]+of\b")
_IN_REAL_TERMS = re.compile(r"[\s\u00a0]+in[\s\u00a0]+real[\s\u00a0]+terms\b", re.I)
_COMPARED_RE = re.compile(r"[\s\u00a0]+((?:more|less|fewer|higher|lower|larger|bigger|greater|smaller|faster|slower|"
                          r"as)\b[^,;:.!?()“”\"]{0,80})")
