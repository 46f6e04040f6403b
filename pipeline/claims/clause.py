"""A claim's own clause: the direction of a stated change, and what the number measures, read from its words.

A sentence is cut into word tokens once; for each claim the words left and right of it up to the nearest clause
break (punctuation, a conjunction, a speech verb) are its clause. Word classes are the lists in `lexicon`; no
tagger runs, so every rule is a shallow reading of English news syntax:

- change: `rose 5%`, `cut by 5%`, `up 19 cents`, `an increase of 5%`, `a £2m reduction`, `3% lower`;
  a level reached (`rose to 5%`, `from 3%`) is no change;
- measured, first that applies: the `of`-phrase (`88 per cent of schools`), the noun phrase a change noun
  points at (`a 5% rise in house prices`), the counted noun (`350 sovereign local authorities`), the subject of
  the verb the number completes (`council spending fell by 21%`, `the waiting list stood at 7.5 million`), the
  noun an `of` hangs it on (`a budget gap of £87m`), the purpose of money (`£42m to pilot a ...`); else NULL.
  Never a pronoun, a date or a word across a clause break.
"""

from __future__ import annotations

import bisect
import re

from .lexicon import (
    CHANGE_DIRECTION,
    CLAUSE_WORDS,
    LEVEL_VERBS,
    MEASURED_STOP_WORDS,
    MONTHS,
    NUMBER_WORDS,
    SHARE_BASES,
    SPEECH_VERBS,
    WEEKDAYS,
)

_TOKEN = re.compile(r"[A-Za-z][\w’'&]*(?:[-.][\w’'&]+)*|\d[\d,.]*\d|\d|[^\s\w]")
_BREAK_PUNCT = set(",;:()[]“”\"–—!?…")
_SPEECH = {v for v in SPEECH_VERBS if " " not in v} | {"according", "say", "told", "tell"}
_NOT_BREAKS = {"claims", "claim", "estimated", "projected", "forecast", "forecasts", "expected", "estimate",
               "estimates", "projects", "records", "recorded"}
_BREAK_WORDS = CLAUSE_WORDS | (_SPEECH - _NOT_BREAKS)
_DATES = {m.lower() for m in MONTHS + WEEKDAYS} | {
    "today", "yesterday", "tomorrow", "week", "weeks", "month", "months", "year", "years", "decade", "quarter",
    "weekend", "morning", "afternoon", "evening", "night", "tonight", "time", "period", "annum", "overnight",
    "last", "next", "previous", "coming", "past",
}
_PRONOUNS = {"it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "we", "us", "our", "you",
             "your", "i", "me", "my", "this", "that", "these", "those", "which", "who", "what", "one", "ones",
             "itself", "themselves", "there", "here", "all", "both", "each", "some", "many", "most", "others"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "every",
                "each", "some", "any", "all", "such"}
_HEDGES = {"about", "around", "nearly", "almost", "some", "just", "only", "roughly", "approximately", "over",
           "under", "more", "less", "fewer", "than", "at", "least", "most", "estimated", "an", "a", "further",
           "another", "mere", "well", "barely", "circa", "below", "above", "exactly", "precisely", "close",
           "as", "much", "many", "high", "low", "little", "no", "what", "whopping", "staggering", "extra",
           "additional", "between"}
_ADVERBS = {"sharply", "steeply", "slightly", "steadily", "significantly", "dramatically", "markedly", "also",
            "again", "still", "already", "now", "further", "by", "nearly", "almost", "just", "only", "about",
            "around", "roughly", "some", "a", "an", "estimated", "another", "more", "than", "over", "less",
            "fewer", "under", "at", "least"}
_NP_SKIP_AFTER = {"more", "extra", "additional", "fewer", "less", "other", "further"}
_PP_WORDS = {"of", "in", "for", "across", "from", "on", "at", "to", "with", "within", "among", "per", "near",
             "behind", "beside", "inside", "outside", "along", "beyond", "upon", "around", "via", "onto"}
_PP_KEEP = {"of", "in", "for", "across", "on", "within", "among"}
_SUBJECT_INNER = {"of", "in", "for", "on", "across", "at", "to"}
_AUX = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could",
        "should", "may", "might", "must", "can", "did", "does", "do", "set", "expected", "forecast",
        "projected", "likely", "due", "to", "also", "now", "still", "already", "only", "further", "again", "not",
        "sharply", "slightly", "steadily", "just", "yet", "even", "reportedly", "then", "so", "far"}
_AUX_NOUNS = {"forecast", "set", "due"}     # "lowered its forecast by $200m"
_MONEY_PURPOSE = {"to", "for", "towards", "on"}
_MAX_PHRASE = 8


class Tok:
    """One token: offsets into the text, as written, lower-cased."""

    __slots__ = ("start", "end", "text", "low")

    def __init__(self, start: int, end: int, text: str, low: str) -> None:
        self.start, self.end, self.text, self.low = start, end, text, low


class Sentence:
    """A sentence's tokens, tokenised once for all of its claims."""

    __slots__ = ("toks", "starts")

    def __init__(self, text: str, s: int, e: int) -> None:
        low = text[s:e].lower()
        self.toks = [Tok(m.start(), m.end(), m.group(), low[m.start() - s:m.end() - s])
                     for m in _TOKEN.finditer(text, s, e)]
        self.starts = [t.start for t in self.toks]


def _is_break(t: Tok, text: str) -> bool:
    if t.text in _BREAK_PUNCT or t.low in _BREAK_WORDS:
        return True
    return t.text == "-" and text[t.start - 1:t.start].isspace()        # a spaced dash


def _clause(sent: Sentence, text: str, c_start: int, c_end: int) -> tuple[list[Tok], list[Tok], bool]:
    """The tokens left of a claim (nearest first) and right of it, each up to the nearest clause break or (right)
    the next number; and whether a number ends the right side."""
    toks = sent.toks
    i = bisect.bisect_left(sent.starts, c_start)
    while i > 0 and toks[i - 1].end > c_start:
        i -= 1                              # a token the claim starts inside belongs to the claim
    left: list[Tok] = []
    for k in range(i - 1, -1, -1):
        if _is_break(toks[k], text):
            break
        left.append(toks[k])
    j = bisect.bisect_left(sent.starts, c_end)
    right: list[Tok] = []
    for t in toks[j:]:
        if _is_break(t, text):
            break
        if _is_number(t):
            return left, right, True
        right.append(t)
    return left, right, False


def _is_number(t: Tok) -> bool:
    return t.text[0].isdigit() or t.text in "£$€%" or t.low in NUMBER_WORDS


def _content(t: Tok) -> bool:
    """A word that may stand in a noun phrase."""
    return (t.text[0].isalpha() and t.low not in MEASURED_STOP_WORDS
            and (t.low not in _PRONOUNS or t.text in _ACRONYM_PRONOUNS)
            and t.low not in _DATES and (t.low not in CHANGE_DIRECTION or t.low in _NOUN_ONLY)
            and t.low not in _PP_WORDS
            and t.low not in _DETERMINERS and (t.low not in _AUX or t.low in _AUX_NOUNS)
            and t.low not in _BREAK_WORDS
            and not (t.low.endswith("ly") and t.text.islower() and t.low not in _LY_NOUNS))


_OBJECT_PRONOUNS = {"them", "us", "you", "it", "these", "those", "which", "whom", "him", "her", "me", "this",
                    "that"}                 # "40% of them": no phrase; "a third of their value": one
_ACRONYM_PRONOUNS = {"US", "IT", "ONE"}     # "inflation in the US"
_LY_NOUNS = {"family", "supply", "assembly", "rally", "monopoly", "anomaly", "ally", "reply", "belly", "lily",
             "jelly", "bully", "italy", "july", "fly", "polly", "holly", "dolly", "weekly", "monthly", "daily",
             "yearly", "quarterly", "hourly", "elderly", "early", "friendly", "lonely", "costly", "likely"}


def _np_after(right: list[Tok], i: int, pp: bool = True, det: bool = True) -> list[Tok]:
    """A noun phrase starting at right[i] (determiners skipped when `det`), with at most one of/in/for-phrase."""
    while det and i < len(right) and right[i].low in _DETERMINERS:
        i += 1
    out: list[Tok] = []
    while i < len(right) and _content(right[i]) and len(out) < _MAX_PHRASE:
        if right[i].low.endswith("ed") and not (i + 1 < len(right) and _content(right[i + 1])):
            break                              # "jobs created in": the verb that follows; not "disadvantaged pupils"
        out.append(right[i])
        i += 1
    if out and i < len(right) and right[i].low in _DETERMINERS and right[i].low not in ("that", "this"):
        out.pop()                              # "64% support the plan": the last word was a verb
    if out and pp and i + 1 < len(right) and right[i].low in _PP_KEEP:
        tail = _np_after(right, i + 1, pp=False)
        if tail and tail[0].low not in ("real", "total", "terms", "cash"):
            out += [right[i]] + ([t for t in right[i + 1:] if t.start < tail[0].start and t.low in _DETERMINERS])
            out += tail
    return out[:_MAX_PHRASE]


def _np_before(left: list[Tok], i: int) -> list[Tok]:
    """The noun phrase ending at left[i] (left is nearest-first), read leftwards: 'the NHS waiting list'."""
    out: list[Tok] = []
    while i < len(left) and len(out) < _MAX_PHRASE and _extends_leftwards(left, i, out):
        out.append(left[i])
        i += 1
    while out and (out[-1].low in _SUBJECT_INNER or out[-1].low in _DETERMINERS):
        out.pop()
    return out[::-1]


def _extends_leftwards(left: list[Tok], i: int, out: list[Tok]) -> bool:
    """True when left[i] belongs to the noun phrase `out` read so far (nearest-first)."""
    t = left[i]
    if _content(t):
        return True
    nxt = left[i + 1] if i + 1 < len(left) else None
    if not out and t.text[0].isdigit() and nxt is not None and nxt.text[:1].isupper() and _content(nxt):
        return True                                   # "the FTSE 100 closed": a number inside a name
    if t.low in _SUBJECT_INNER:                       # "the number of people", "speed limit on the bypass"
        return bool(out) and nxt is not None and _content(nxt)
    if t.low in _DETERMINERS and out and nxt is not None and nxt.low in _SUBJECT_INNER:
        return i + 2 < len(left) and _content(left[i + 2])
    return False


def _phrase(text: str, toks: list[Tok]) -> str | None:
    if not toks:
        return None
    phrase = text[toks[0].start:toks[-1].end]
    if "\n" in phrase or toks[0].low in _PRONOUNS:
        return None
    return " ".join(phrase.split())


_THRESHOLDS = {"below", "above", "under", "beyond", "past"}


def _skip_hedges(left: list[Tok]) -> int:
    """Index of the first word left of a claim that is no hedge ("up to", "more than", "an estimated")."""
    k = 0
    while k < len(left):
        if left[k].low in _HEDGES:
            k += 1
        elif left[k].low == "to" and k + 1 < len(left) and left[k + 1].low == "up":
            k += 2
        else:
            break
    return k


def _skip_adverbials(left: list[Tok], k: int) -> int:
    """Skip adverbs and 'in real terms' between a verb and its number."""
    while k < len(left):
        if left[k].low in _ADVERBS or left[k].low in _ADVERBIAL_WORDS:
            k += 1
        elif left[k].low == "in" and k and left[k - 1].low in ("real", "cash", "nominal"):
            k += 1                          # "in real terms"; not "doubled in five years"
        else:
            break
    return k


_ADVERBIAL_WORDS = {"real", "cash", "nominal", "terms", "sharply", "steeply"}


def change_for(left: list[Tok], right: list[Tok], unit: str) -> str | None:
    """`increase` / `decrease` when the claim is the size of a stated rise or fall, else None."""
    if unit == "ratio":
        return None
    k = _skip_hedges(left)
    if k and left[k - 1].low in _THRESHOLDS:
        return None                                       # "fall below 7 million": a threshold, not the fall
    if k < len(left):
        w = left[k].low
        if w in ("to", "from", "at"):
            return None                                   # a level: "rose to 5%", "from 3%"
        if w in ("by", "of"):
            k = _skip_adverbials(left, k + 1)
            if k < len(left) and left[k].low in CHANGE_DIRECTION:
                return CHANGE_DIRECTION[left[k].low]
            verb = _verb_before_object(left, k) if w == "by" else None
            return CHANGE_DIRECTION[verb[0].low] if verb else None
        k = _skip_adverbials(left, k)
        if k < len(left) and left[k].low in CHANGE_DIRECTION and left[k].low not in _NOUN_ONLY:
            if left[k].low in _RAISE and _is_money(unit):
                return None                               # "raised £5m": money collected, no rise
            return CHANGE_DIRECTION[left[k].low]
    for t in right[:3]:
        if t.low in CHANGE_DIRECTION:
            return CHANGE_DIRECTION[t.low]
        if t.low in ("higher", "lower", "up", "down") and t is right[0]:
            return "increase" if t.low in ("higher", "up") else "decrease"
        if not _content(t):
            break
    return None


# change words that only count as a noun after the number ("a 5% rise"), never as a verb before it
_NOUN_ONLY = {"growth", "reduction", "reductions", "contraction", "uplift"}


def measured_for(text: str, sent: Sentence, c_start: int, c_end: int, unit: str) -> tuple[str | None, str | None]:
    """(what the claim measures, its change) read from the claim's clause in the sentence `sent`."""
    left, right, number_next = _clause(sent, text, c_start, c_end)
    change = change_for(left, right, unit)
    return _measured(text, left, right, unit, number_next), change


def _measured(text: str, left: list[Tok], right: list[Tok], unit: str, number_next: bool = False) -> str | None:
    if right and right[0].low == "of":                       # 88 per cent of schools; 7 years of austerity
        np = _np_after(right, 1)
        if np and np[-1].low in SHARE_BASES:
            subject = _subject(left, unit)                   # "debt stands at 98% of GDP": the debt
            np = subject or np
        return _phrase(text, np) if np and right[1].low not in _OBJECT_PRONOUNS else None
    i = 0
    while i < len(right) and right[i].low in _NP_SKIP_AFTER:
        i += 1
    np = _np_after(right, i, det=False) if unit != "ratio" else []      # the counted noun: "£1,500 a pitch" has none
    if number_next and len(np) > 1 and np[-1] is right[-1]:
        np = np[:-1]                           # "10 firms control 80%": the last word was a verb
    if np and np[-1].low in CHANGE_DIRECTION or (np and np[0].low in CHANGE_DIRECTION):
        np = []
    # "a 5% rise in house prices", "a £2m cut to the grant": the change noun's object
    for j, t in enumerate(right[:3]):
        if t.low in CHANGE_DIRECTION:
            if j + 1 < len(right) and right[j + 1].low in ("in", "of", "on"):
                got = _np_after(right, j + 2)
                if got:
                    return _phrase(text, got)
            mods = [x for x in right[:j] if _content(x)]
            if mods:
                return _phrase(text, mods)                    # "a 5% pay rise"
            np = []
            break
        if not _content(t):
            break
    if np and not (unit in ("years", "months", "weeks", "days", "hours") and np[0].low in _DATES):
        return _phrase(text, np)
    if unit == "ratio":
        return None
    subject = _subject(left, unit)
    if subject:
        return _phrase(text, subject)
    if unit[:1].isupper() and right and right[0].low in _MONEY_PURPOSE:     # money: "£42m to pilot a ..."
        if right[0].low == "to" and len(right) > 1 and right[1].low not in _DETERMINERS:
            obj = _np_after(right, 2)
            if right[1].low in CHANGE_DIRECTION:
                return _phrase(text, obj)                  # "£200m to increase funding for councils"
            return _phrase(text, right[1:2] + obj) if obj and _content(right[1]) else None
        return _phrase(text, _np_after(right, 1))
    return None


def _verb_before_object(left: list[Tok], k: int) -> tuple[Tok, list[Tok]] | None:
    """'cut journey times by': the change verb and its object, read leftwards from left[k]."""
    obj = _np_before(left, k)
    j = k + sum(1 for t in left[k:k + len(obj) + 2] if t in obj)
    while j < len(left) and left[j].low in _DETERMINERS:
        j += 1
    if obj and j < len(left) and left[j].low in CHANGE_DIRECTION:
        return left[j], obj
    return None


_RAISE = {"raise", "raised", "raises", "raising"}
_LOSE = {"lose", "loses", "lost", "losing"}            # their subject is the loser, not what fell
# "sold for £5m": the verbs whose "for" states a price
_PRICE_VERBS = {"sold", "sells", "sell", "bought", "buys", "fetched", "fetches", "auctioned", "priced", "went",
                "goes", "listed", "rented", "let", "available", "on"}


def _is_money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def _subject(left: list[Tok], unit: str = "count") -> list[Tok]:
    """The noun phrase whose size the claim gives: subject of its verb, or the noun an 'of'/'at' hangs it on."""
    k = _skip_hedges(left)
    if k + 1 < len(left) and left[k].low == "for" and left[k + 1].low in _PRICE_VERBS:
        return _subject_of_verb(left, k + 1)               # "the painting sold for $250,000"
    if k < len(left) and left[k].low in ("of", "at", "by", "to", "from", "worth", "totalling", "totaling"):
        if left[k].low == "by":
            verb = _verb_before_object(left, _skip_adverbials(left, k + 1))
            if verb:
                return verb[1]                             # "cut journey times by 15%"
        if left[k].low == "of":
            np = _np_before(left, k + 1)
            if np and (np[-1].low not in CHANGE_DIRECTION or np[-1].low in _NOUN_ONLY):
                return np                                  # "a budget gap of £87m", "economic growth of 2%"
        k += 1
    k = _skip_adverbials(left, k)
    if k < len(left) and (left[k].low in _RAISE and _is_money(unit) or left[k].low in _LOSE):
        return []                                          # "the agency raised £1m", "the council lost £40m"
    if k < len(left) and (left[k].low in CHANGE_DIRECTION or left[k].low in LEVEL_VERBS):
        return _subject_of_verb(left, k)
    if k and left[k - 1].low in ("to", "from", "at"):
        for j in range(k, min(len(left), k + _REACH)):     # "rose by 0.2 points to 4.4%": back to the verb
            if left[j].low == "by":                        # "cut interest rates by a quarter point to 5%"
                verb = _verb_before_object(left, _skip_adverbials(left, j + 1))
                if verb:
                    return verb[1]
            if left[j].low in CHANGE_DIRECTION or left[j].low in LEVEL_VERBS:
                return _subject_of_verb(left, j)
        return _np_before(left, k)                         # "kept rates at 5.25%"
    return []


_REACH = 10


def _subject_of_verb(left: list[Tok], k: int) -> list[Tok]:
    """The subject of the change or level verb at left[k]; for a change noun, the noun its in-phrase names."""
    if (k >= 2 and left[k - 1].low in ("in", "of") and left[k].low in CHANGE_DIRECTION and k + 1 < len(left)
            and (left[k + 1].low in _DETERMINERS or _is_number(left[k + 1]))):
        rightwards = left[:k][::-1]                        # "a 12% rise in pre-tax profits to £1.3bn"
        got = _np_after(rightwards, 1)
        if got:
            return got
    if left[k].low in _NOUN_ONLY and k + 1 < len(left) and left[k + 1].low in _DETERMINERS:
        return []                                          # "an increase of": a noun, no subject here
    k += 1
    while k < len(left) and (left[k].low in _AUX or left[k].low in _HEDGES):
        k += 1                                             # "profits more than doubled to £1.2bn"
    return _np_before(left, k)


_COMPARED_RE = re.compile(r"[\s\u00a0]+((?:more|less|fewer|higher|lower|larger|bigger|greater|smaller|faster|slower|"
                          r"as)\b[^,;:.!?()“”\"]{0,80})")


def compared_for(text: str, c_end: int, s_end: int) -> str | None:
    """What a multiple compares: '2.5 times more than the national average' -> 'more than the national average'."""
    m = _COMPARED_RE.match(text, c_end, s_end)
    return " ".join(m.group(1).split()) if m else None
