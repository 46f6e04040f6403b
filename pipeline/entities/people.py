"""People: honorific or given-name led names, names with a stated role or a speech verb; roles as stated."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from . import registers
from .gazetteer import is_place_name
from .rules import (
    DESCRIPTOR_NOISE,
    GENERIC_ACTORS,
    HONORIFICS,
    LEADING_NOISE,
    NAME_PARTICLES,
    NOT_INITIALS,
    NOT_NAME_WORDS,
    NOT_PERSON_WORDS,
    ORG_HEADS,
    PERSON_DESCRIPTORS,
    PLURAL_HEADS,
    ROLE_HEADS,
    ROLE_WORDS,
    SPEECH_VERBS,
    SURNAME_WORDS,
    TIME_WORDS,
    WORK_LINKS,
    WORK_NOUNS,
)
from .textutil import finditer_at, is_sentence_start
from .tokens import Token, cap_indices

ROLE_TITLE_HONORIFICS = frozenset({"President", "Chancellor", "Minister", "Secretary", "Mayor", "Governor",
                                   "Senator", "General", "Captain", "Colonel", "Major", "Judge", "Justice"})
_NAME_LIKE_HEADS = frozenset({"grant", "chambers", "banks", "fields", "guardian"})  # also names: Grant Shapps
_COMMA_SPACE = re.compile(r",\s+")
_AND_NAME = re.compile(r"(\S+) and [A-Z]")
_TEXT = attrgetter("text")
_ROLE_OPENERS = frozenset({"former", "ex", "then", "current", "new", "outgoing", "incoming", "veteran", "junior",
                           "local", "independent", "retired", "long-serving", "newly", "joint"})
_HONORIFIC_FIRST = {h.split()[0]: h.split() for h in HONORIFICS}
MAX_HONORIFIC_TOKENS = 6  # "The Rt Hon Sir", "Professor Dame": longer chains are not names
_LOWER, _UPPER = "a-z\u00df-\u00ff", "A-Z\u00c0-\u00de"
_NAME_SHAPE = re.compile(
    rf"^(?:Mc|Mac|O['\u2019]|D['\u2019])?[{_UPPER}][{_LOWER}]+(?:[-'\u2019][{_UPPER}]?[{_LOWER}]+)*$")
# where a role stops: punctuation, or a space and one of these verbs. Opens on a character class (a space only
# when a verb follows: the look-behind is the class's own character), so the engine skips to candidates
_ROLE_STOP = re.compile(r"[,;.\n()\u201c\u201d\" ](?:(?<! )|(?:said|says|who|has|had|is|was|told|added|wrote"
                        r"|argued|warned)\b)")


@dataclass(slots=True)  # not frozen: made by the thousand per page, never changed
class PersonCandidate:
    start: int
    end: int
    name: str
    strong: bool  # honorific or role evidence (beats a dictionary name of the same span)
    role: str | None
    role_start: int | None
    role_end: int | None
    plain: bool = False  # no given name, honorific, role or speech verb vouches for it (may be a club)


def _name_like(tok: Token) -> bool:
    return tok.cap and _name_word(tok.text)


@lru_cache(maxsize=65536)
def _name_word(word: str) -> bool:
    low = word.lower()
    return bool(_NAME_SHAPE.match(word)) and low not in NOT_NAME_WORDS and low not in PLURAL_HEADS \
        and (low not in ORG_HEADS or low in _NAME_LIKE_HEADS) and not low.endswith("-based")  # "Ontario-based"


def _surname_word_after(tokens: list[Token], i: int) -> bool:
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and not tokens[i].hard_break_after and nxt.cap \
        and nxt.low in SURNAME_WORDS and nxt.text[1:].islower()


def _honorific_at(tokens: list[Token], i: int) -> int:
    """Number of tokens of an honorific starting at ``i`` (0 if none)."""
    words = _HONORIFIC_FIRST.get(tokens[i].text.rstrip("."))
    if not words:
        return 0
    n = len(words)
    if [t.text.rstrip(".") for t in tokens[i:i + n]] == words and not tokens[i + n - 1].hard_break_after:
        return n
    return 0


def _collect_name(tokens: list[Token], i: int, limit: int = 3) -> int:
    """How many tokens from ``i`` form a name (name-like words, inner particles allowed)."""
    j, count = i, 0
    while j < len(tokens) and count < limit:
        t = tokens[j]
        if _name_like(t):
            count += 1
            j += 1
            if t.hard_break_after or t.possessive:
                break
            continue
        if count and len(t.text) == 1 and t.text.isupper() and j + 1 < len(tokens) \
                and _name_like(tokens[j + 1]) and not t.hard_break_after:  # "George W. Bush"
            j += 1
            continue
        if count and t.low in NAME_PARTICLES:  # "van der Pas", "de Palacio"
            k = j
            while k < len(tokens) and tokens[k].low in NAME_PARTICLES and k - j < 3:
                k += 1
            if k < len(tokens) and _name_like(tokens[k]) and not tokens[k - 1].hard_break_after:
                j = k
                continue
        break
    return j - i if count else 0


def _role_after(text: str, end: int) -> tuple[str, int, int] | None:
    m = _COMMA_SPACE.match(text, end, end + 3)
    if not m:
        return None
    s = m.end()
    stop = _ROLE_STOP.search(text, s, min(len(text), s + 120))
    e = stop.start() if stop else min(len(text), s + 120)
    phrase = text[s:e].strip()
    for m_and in _AND_NAME.finditer(phrase):
        if m_and.group(1)[:1].islower():
            phrase = phrase[:m_and.start(1) + len(m_and.group(1))]
            break
    words = phrase.split()
    if not words:
        return None
    if words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    head_words = [w.lower().strip(",") for w in words[:4]]
    if not head_words or not any(w in ROLE_HEADS or w.split("-")[-1] in ROLE_HEADS for w in head_words[:3]):
        return None
    first = head_words[0]
    if first not in ROLE_WORDS and first.split("-")[0] not in ROLE_WORDS and first not in _ROLE_OPENERS \
            and not words[0][:1].isupper() and not first.endswith(("'s", "\u2019s")):
        return None
    return phrase, s, s + len(phrase)


def _role_before(text: str, tokens: list[Token], i: int) -> tuple[str, int, int] | None:
    """Role words right before a name: "Business Secretary Greg Clark", "the Vice-Chancellor, Professor ..."."""
    j = i - 1
    if j < 0:
        return None
    between = text[tokens[j].end:tokens[i].start]
    if between.strip() not in ("", ","):
        return None
    k = j
    while k >= 0 and i - k <= 5:
        t = tokens[k]
        low = t.low
        if low in {"the", "a", "an", "our", "its", "their"}:
            break
        if not (t.cap or low in ROLE_WORDS):
            break
        if k < j and t.hard_break_after:
            break
        k -= 1
    words = tokens[k + 1:j + 1]
    while words and words[0].low in {"and", "of", "for"}:
        words = words[1:]
    if not words:
        return None
    last = words[-1].low
    if last not in ROLE_HEADS and last.split("-")[-1] not in ROLE_HEADS:
        return None
    s, e = words[0].start, words[-1].end
    return text[s:e], s, e


def _clean_role(role: tuple[str, int, int] | None) -> tuple[str, int, int] | None:
    if role is None:
        return None
    phrase, s, e = role
    for article in ("the ", "The ", "a ", "an "):
        if phrase.startswith(article):
            return phrase[len(article):], s + len(article), e
    return role


def find_people(text: str, tokens: list[Token], caps: list[int] | None = None) -> list[PersonCandidate]:
    """Person candidates with full names (surname-only references are linked in ``link_surnames``). ``caps``:
    ``cap_indices(tokens)`` when the caller has it."""
    given = registers.first_names()
    lower_words = {w for w in set(map(_TEXT, tokens)) if w.islower()}
    out: list[PersonCandidate] = initial_names(text, tokens) + speaking_names(text, tokens, lower_words)
    i, n = 0, len(tokens)
    if caps is None:
        caps = cap_indices(tokens)  # only a capitalised word starts a name
    c, n_caps = 0, len(caps)
    while True:
        while c < n_caps and caps[c] < i:
            c += 1
        if c == n_caps:
            break
        i = caps[c]
        t = tokens[i]
        # a token never ends in "." (see ``tokens``), so only a listed first word can open an honorific
        if t.text not in _HONORIFIC_FIRST:
            if t.hard_break_after or i + 1 == n or (not tokens[i + 1].cap and tokens[i + 1].low not in NAME_PARTICLES):
                i += 1  # most capitals: a name of one word at most, which needs an honorific
                continue
            h = 0
        else:
            h = _honorific_at(tokens, i)
        # "Professor Dame Jane Smith"; a chain is at most MAX_HONORIFIC_TOKENS long, so a run of 30,000 "Mr "
        # costs 30,000 short walks, not 30,000 walks to its end
        while h and i + h < n and h < MAX_HONORIFIC_TOKENS and _honorific_at(tokens, i + h):
            h += _honorific_at(tokens, i + h)
        needs_cue = False
        start_i = i + h
        if start_i >= n:
            break
        if h:
            length = _collect_name(tokens, start_i)
            if length == 1 and tokens[start_i].text in given and not tokens[start_i].hard_break_after \
                    and start_i + 1 < n and tokens[start_i + 1].cap and _NAME_SHAPE.match(tokens[start_i + 1].text):
                length = 2  # "Mayor Andy Street": a surname that is also a word
        elif tokens[i].text in given and _name_like(tokens[i]):
            length = _collect_name(tokens, i)
            if length == 1 and _surname_word_after(tokens, i):
                length, needs_cue = 2, True  # "Andy Street": kept only with a cue, below
            if length < 2:
                length = 0
        else:
            length = _collect_name(tokens, i) if _name_word(t.text) else 0  # a name starts with a name word
            if length < 2 or any(t.low in ROLE_WORDS for t in tokens[i:i + length]):
                length = 0  # no given name, and a title in it: "Senate President said"
            else:
                needs_cue = True  # no given name: kept only with a cue, below
        if not length:
            i = start_i if start_i > i else i + 1  # a later start inside the same honorific chain fails the same way
            continue
        toks = tokens[start_i:start_i + length]
        s, e = toks[0].start, toks[-1].end
        if h == 0 and len(toks) == 1:
            i += 1
            continue
        if _names_a_work(text, s) or _PLACE_PREFIX_BEFORE.search(text, max(0, s - 5), s):
            i = start_i + length
            continue
        role = _role_after(text, e) if not toks[-1].possessive else None
        if role is None:
            titled = h and tokens[i].text in ROLE_TITLE_HONORIFICS
            role = _role_before(text, tokens, start_i if titled else i)
        role = _clean_role(role)
        after = text[e:e + 12].lstrip(" ,").split(" ")[0].lower().strip(".,;:") if e < len(text) else ""
        cue = h > 0 or role is not None or after in SPEECH_VERBS or text[e:e + 3] == " MP"
        before_words = text[max(0, s - 12):s].split()
        if before_words and before_words[-1].lower().strip(",") in SPEECH_VERBS:
            cue = True
        plain = needs_cue and not cue and _plain_name(toks, lower_words)
        if plain:
            needs_cue = False  # "Waqar Younis": unknown words that are names nowhere else on the page
        if not cue and (needs_cue or any(t.low in lower_words for t in toks[1:])):
            i += 1  # no person cue, and the surname is an ordinary word here ("Grant Funding ... funding")
            continue
        if len(toks) >= 3 and not toks[0].hard_break_after and (toks[0].low in PERSON_DESCRIPTORS or (
                "-" in toks[0].text and all(w in ROLE_WORDS for w in toks[0].low.split("-")))):
            s = toks[1].start  # "Swede Kenneth Eriksson", "Secretary-General Kofi Annan": they describe the person
        name = " ".join(text[s:e].split())
        titled = h > 0 or role is not None  # beats a dictionary name of the same span; a speech verb does not
        out.append(PersonCandidate(s, e, name, titled, role[0] if role else None,
                                   role[1] if role else None, role[2] if role else None, plain))
        i = start_i + length
    return out


_NOT_NAME_ENDINGS = ("ly", "ing", "ment", "tion", "sion", "ness", "ity", "ism", "ics", "ies", "ance", "ence")


def _plain_name(toks: list[Token], lower_words: set[str]) -> bool:
    """Two or three name-shaped words that are no role, place, nationality or month, none written in lower case
    on the page and none shouting: a person's name even without a known given name."""
    if not 2 <= len(toks) <= 3:
        return False
    for t in toks:
        low = t.low
        if len(t.text) < 3 or t.text.isupper() or low in lower_words or low in ROLE_WORDS or low in TIME_WORDS \
                or low in DESCRIPTOR_NOISE or low in NOT_PERSON_WORDS or low in LEADING_NOISE \
                or low.endswith(_NOT_NAME_ENDINGS) or is_place_name(t.text):
            return False
    return not is_place_name(" ".join(t.text for t in toks))


_WORDS_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:([A-Za-z]+)\s+)?$")


_PLACE_PREFIX_BEFORE = re.compile(r"\b(?:St\.?|San|Santa|Los|Las|Fort|Port|Mount) $")  # "St Louis Cardinals"


def _names_a_work(text: str, start: int) -> bool:
    """"the film Mary Poppins", "a sequel to Mary Poppins": a title, not a person."""
    m = _WORDS_BEFORE.search(text, max(0, start - 30), start)
    if not m:
        return False
    first, second = m.group(1).lower(), (m.group(2) or "").lower()
    if second:
        return second in WORK_NOUNS or (second in {"to", "of"} and first in WORK_LINKS)
    return first in WORK_NOUNS


def link_surnames(text: str, tokens: list[Token], people: list[PersonCandidate],
                  caps: list[int] | None = None) -> list[PersonCandidate]:
    """Later (or earlier) bare surnames, with or without an honorific, of a person named in full; a single name
    found once ("Clinton said") elsewhere on the page; a headline's capitals ("SHEARER", "ROBERTO DURAN")."""
    by_surname: dict[str, PersonCandidate] = {}
    for p in people:
        by_surname.setdefault(p.name.split()[-1], p)
    taken = {pos for p in people for pos in range(p.start, p.end)}
    out = []
    # only a known surname, or a word in capitals (a headline's "SHEARER"), can be one
    for k in [k for k in (cap_indices(tokens) if caps is None else caps)
              if tokens[k].text in by_surname or tokens[k].text.isupper()]:
        t = tokens[k]
        p = by_surname.get(t.text)
        shouting = p is None and len(t.text) > 2 and t.text.isupper()
        if shouting:
            p = by_surname.get(t.text.title())
        if p is None or t.start in taken:
            continue
        prev = tokens[k - 1] if k else None
        if shouting:
            start = t.start
            if prev is not None and " " in p.name and prev.text == p.name.split()[0].upper() \
                    and t.start - prev.end == 1:
                start = prev.start  # "ROBERTO DURAN"
            out.append(PersonCandidate(start, t.end, p.name, True, None, None, None))
            continue
        titled = prev is not None and _honorific_at(tokens, k - 1) == 1
        if not titled:
            if t.low in SURNAME_WORDS or t.low in NOT_NAME_WORDS:
                continue  # "Street" alone is a word; "Mr Street" is the person
            if prev is not None and prev.cap and not prev.hard_break_after and t.start - prev.end <= 1 \
                    and not is_sentence_start(text, prev.start) and not _initial(text, prev):
                continue  # inside another name: "Hope Street", "Smith Square"
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is not None and nxt.cap and not t.hard_break_after and nxt.start - t.end <= 1 \
                    and not nxt.text[0].isdigit():
                continue  # "Smith Square"; a number is no name part: "2. Armstrong 3 seconds behind"
        out.append(PersonCandidate(t.start, t.end, p.name, True, None, None, None))
    return out


def _initial(text: str, tok: Token) -> bool:
    """"G." of "G. Thorpe", "D.A." of "D.A. Weibring" (not "U.S.")."""
    return bool(_INITIALS.match(tok.text)) and text[tok.end:tok.end + 2] == ". " and tok.text not in NOT_INITIALS


_INITIALS = re.compile(r"^[A-Z](?:\.[A-Z])*$")


_INITIALS_AT = re.compile(r"[A-Z](?<![\w.].)(?:\.[A-Z])*\. (?=[A-Z])")


def _initials_starts(text: str) -> list[int]:
    """Where ``_INITIALS_AT`` can start: the first capital of a chain of capitals and full stops ("D.A") before a
    ". " and a capital (found from the page's few ". ", not at its many capitals)."""
    starts = []
    k = text.find(". ")
    while k >= 0:
        if k and "A" <= text[k - 1] <= "Z" and "A" <= text[k + 2:k + 3] <= "Z":
            p = k - 1
            while p >= 2 and text[p - 1] == "." and "A" <= text[p - 2] <= "Z":
                p -= 2
            starts.append(p)
        k = text.find(". ", k + 1)
    return sorted(starts)


def initial_names(text: str, tokens: list[Token]) -> list[PersonCandidate]:
    """Initials and a surname: "G. Thorpe", "D.A. Weibring" (a scorecard's or a byline's way to name)."""
    out = []
    index = None
    for m in finditer_at(_INITIALS_AT, text, _initials_starts(text)):
        if index is None:
            index = {t.start: k for k, t in enumerate(tokens)}
        k = index.get(m.start())
        if k is None or k + 1 >= len(tokens) or not _initial(text, tokens[k]) \
                or tokens[k + 1].start != tokens[k].end + 2:
            continue
        length = _collect_name(tokens, k + 1, limit=2)
        if length:
            s, e = tokens[k].start, tokens[k + length].end
            out.append(PersonCandidate(s, e, " ".join(text[s:e].split()), True, None, None, None))
    return out


# "(?:O')?[A-Z]..." written to open on a capital, its look-behind after it; the name and the space after it are
# possessive ("++": what follows them cannot match inside them, so giving back characters never finds a match).
# It is tried only in the word before one of its verbs (``_speaking_name_starts``), not at every capital.
_NAME_SPEECH_VERBS = ("said", "says", "told", "added", "insisted", "declared", "argued", "wrote")
_SPEAKING_NAME = re.compile(r"([A-Z](?<![\w'\u2019].)(?:(?<=O)['\u2019][A-Z])?[a-z][\w'\u2019-]++)"
                            r"\s++(?:" + "|".join(_NAME_SPEECH_VERBS) + r")\b(?!\s+(?:it|its)\b)")


def _speaking_name_starts(text: str) -> list[int]:
    """Where ``_SPEAKING_NAME`` can start: a capital in the run of name characters that ends at the spaces before
    one of its verbs (the verbs found with ``str.find``)."""
    starts: set[int] = set()
    for verb in _NAME_SPEECH_VERBS:
        v = text.find(verb)
        while v >= 0:
            w = v  # the start of the spaces before the verb
            while w and text[w - 1].isspace():
                w -= 1
            if w < v:
                r = w  # the start of the name characters (\w, apostrophes, hyphens) before them
                while r and (text[r - 1].isalnum() or text[r - 1] in "_'\u2019-"):
                    r -= 1
                starts.update(p for p in range(r, w) if "A" <= text[p] <= "Z")
            v = text.find(verb, v + 1)
    return sorted(starts)


def speaking_names(text: str, tokens: list[Token], lower_words: set[str]) -> list[PersonCandidate]:
    """A lone name that speaks ("Clinton said"): a person, unless it is a known body or place (those win)."""
    out = []
    for m in finditer_at(_SPEAKING_NAME, text, _speaking_name_starts(text)):
        word = m.group(1)
        low = word.lower()
        if not _name_word(word) or low in lower_words or low in NOT_PERSON_WORDS or low in GENERIC_ACTORS \
                or low in LEADING_NOISE or low in DESCRIPTOR_NOISE or low.endswith(_NOT_NAME_ENDINGS):
            continue
        out.append(PersonCandidate(m.start(1), m.end(1), word, False, None, None, None))
    return out
