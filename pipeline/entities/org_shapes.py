"""Organisation-shaped names the registers lack: "X Council", "University of X", "X Ltd", "Centre for X"."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from .gazetteer import is_place_name
from .registers import first_names
from .rules import (
    CENTRE_NAME_WORDS,
    COMMITTEE_PARLIAMENT_WORDS,
    COMMON_DESCRIPTORS,
    COMPANY_ROLES,
    CONNECTORS,
    COUNCIL_KINDS,
    DESCRIPTOR_NOISE,
    DESCRIPTOR_NOUNS,
    GENERIC_ACTORS,
    GENERIC_ORG_WORDS,
    GROUP_NOT_COMPANY,
    HEAD_INITIAL_ONLY,
    HEAD_OF_OK,
    LEADING_NOISE,
    NOT_INITIALS,
    NOT_ORG_AFTER_ROLE,
    NOT_ORG_STARTS,
    NOT_PERSON_WORDS,
    OF_WORDS,
    ON_HEADS,
    ORG_HEADS,
    ORG_INITIAL_WORDS,
    PERSON_DESCRIPTORS,
    PERSON_TRADES,
    PLURAL_HEADS,
    PRONOUN_WORDS,
    ROLE_WORDS,
    TIME_WORDS,
    WEAK_HEADS,
)
from .textutil import anchored_finditer, finditer_at
from .tokens import Run, Token


@dataclass(slots=True)  # not frozen: made by the thousand per page, never changed
class OrgShape:
    start: int
    end: int
    name: str  # canonical (singular for a class)
    body_type: str
    is_generic: bool
    area: str | None = None  # for councils: the place they govern ("Westminster" in "Westminster City Council")


_PARTNERS_TAILS = frozenset({"co", "sons", "partners", "company"})  # "Schroder Wertheim & Co", "A.G. Edwards & Sons"
_MAX_NAME_TOKENS = 12  # no organisation name is longer; bounds the work on long capitalised runs
# a run holds a shape only if one of its words is one of these (most runs have none: "Sarah Jones", "Monday")
_SHAPE_WORDS = frozenset(ORG_HEADS) | frozenset(PLURAL_HEADS) | frozenset(ORG_INITIAL_WORDS) | frozenset(ROLE_WORDS)

def _head_of(tok: Token) -> tuple[str, bool] | None:
    """(singular head, plural?) when the token is an organisation head noun."""
    low = tok.low
    if low in ORG_HEADS and (tok.cap):
        return low, False
    if low in PLURAL_HEADS and tok.text[:1].isupper():
        return PLURAL_HEADS[low], True
    return None


def _noise(toks: tuple[Token, ...] | list[Token], i: int, headless: bool = False) -> bool:
    """Is token ``i`` a leading word that is no part of a name? ("The", "Monday"; not the "New" of "New York").
    Before a name with no head word, nationalities too ("German carmaker" is cut before: "Volkswagen said")."""
    low = toks[i].low
    if low in LEADING_NOISE:
        return low != "new" or not ( i + 1 < len(toks) and is_place_name("New " + toks[i + 1].text))
    return low in TIME_WORDS or (headless and low in DESCRIPTOR_NOISE)


@lru_cache(maxsize=65536)
def short_form_ok(word: str) -> bool:
    """Can this first word of a name stand for the whole ("Acme" of "Acme Mining Corp.")? A proper word: not a
    descriptor, head, place, role or ordinary leading word."""
    low = word.lower()
    return len(word) >= 3 and word[:1].isupper() and not word.isupper() and low not in COMMON_DESCRIPTORS \
        and low not in LEADING_NOISE and low not in ROLE_WORDS and low not in ORG_HEADS \
        and low not in PERSON_DESCRIPTORS and low not in TIME_WORDS and low not in NOT_PERSON_WORDS \
        and not is_place_name(word)


def _singular(word: str, head: str) -> str:
    return head.capitalize() if word[:1].isupper() else head


def _type_for(head: str, modifiers: list[str], run_before: list[str]) -> str | None:
    low = [m.lower() for m in modifiers]
    if head == "council":
        if set(low) & COUNCIL_KINDS or (modifiers and is_place_name(" ".join(modifiers))):
            return "local_authority"
        return "public_body"
    if head == "authority":
        if "combined" in low:
            return "combined_authority"
        if modifiers and is_place_name(" ".join(modifiers)):
            return "local_authority"
        return "public_body"
    if head == "committee":
        return "parliament_party" if (set(low) | {w.lower() for w in run_before}) & COMMITTEE_PARLIAMENT_WORDS \
            else "public_body"
    if head == "group":
        if set(low) & {"labour", "conservative", "liberal", "green", "independent", "lib", "reform", "snp"}:
            return "parliament_party"
        return "other_org" if set(low) & GROUP_NOT_COMPANY else "company"
    if head == "trust":
        return "public_body" if set(low) & {"nhs", "hospital", "hospitals", "health", "care", "ambulance"} \
            else "charity_ngo"
    if head == "partnership":
        if "enterprise" in low:
            return "lep"
        return "public_body" if "skills" in low else "other_org"
    if head == "institute":
        return "membership_body" if set(low) & {"chartered", "royal"} else "think_tank"
    return ORG_HEADS.get(head)


def _proper_modifier(mods: tuple[Token, ...]) -> bool:
    """A sector word heads a company name only after a name-like word, with no "and" in between."""
    if not mods or any(t.low in {"and", "&"} for t in mods):
        return False
    return any(t.cap and t.low not in COMMON_DESCRIPTORS and t.low not in WEAK_HEADS
               for t in mods)


def _is_role_phrase(words: list[str]) -> bool:
    return bool(words) and all(w.lower() in ROLE_WORDS for w in words)


def _shape_from(toks: tuple[Token, ...], i: int, h: int, head: str, plural: bool) -> OrgShape | None:
    """The organisation named by tokens ``i``..head ``h`` (plus an "of X" tail), or None if it is no name."""
    tok = toks[h]
    while i < h and (_noise(toks, i) or not toks[i].cap):
        i += 1
    # a leading job title joined by "of"/"for" ("Leader of Derby City Council") is not part of the name
    for k in range(i, h):
        if toks[k].low in {"of", "for", "at"} and _is_role_phrase([t.text for t in toks[i:k]]):
            i = k + 1
            break
    modifiers = [t.text for t in toks[i:h] if t.cap]
    if head in WEAK_HEADS and not _proper_modifier(toks[i:h]):
        return None
    if any(t.low in PRONOUN_WORDS for t in toks[i:h]):
        return None  # "In God We Trust" is a motto
    if h > i and head in ROLE_WORDS and toks[h - 1].low in ROLE_WORDS:
        return None  # "Disney Chief Executive": a company and a title (see ``_before_title``)
    # of-extension: "University of Derby", "Council of LEP Chairs"
    end = h
    nxt = toks[h + 1].low if h + 1 < len(toks) else ""
    if head in HEAD_OF_OK and head not in WEAK_HEADS and nxt in OF_WORDS \
            and (nxt != "on" or head in ON_HEADS) and not toks[h].hard_break_after:
        j = h + 2
        last = h
        while j < len(toks) and j - h <= _MAX_NAME_TOKENS:
            low = toks[j].low
            if low == "and" and j + 1 < len(toks) and (
                    toks[j + 1].low == "the"
                    or any((hp := _head_of(t)) and not hp[1] for t in toks[j + 1:j + 1 + _MAX_NAME_TOKENS])):
                break  # "Ministry of Defence and Foreign Office"; not "Department of Health and Human Services"
            if toks[j].cap and low in TIME_WORDS:
                break
            if toks[j].cap:
                last = j
            j += 1
        if last > h and not plural:
            end = last
    if end == h and (not modifiers or head in HEAD_INITIAL_ONLY):
        return None
    if end == h and all(m.lower() in GENERIC_ORG_WORDS for m in modifiers):
        return None  # "Working Group", "Steering Group", "Local Board": a common noun, not a name
    if _is_role_phrase([*modifiers, tok.text]):
        return None  # "Chief Executive", "Deputy Chair", "Chief Executive of X"
    if head == "centre" and end == h and not set(m.lower() for m in modifiers) & CENTRE_NAME_WORDS:
        return None  # "Leisure Centre" is a building
    if head in {"times", "guardian", "telegraph", "gazette", "herald", "chronicle"} and end > h:
        return None
    type_head, type_mods = head, modifiers
    tail_heads = [k for k in range(h + 1, end + 1) if toks[k].cap and _head_of(toks[k])]
    if tail_heads and head not in {"university", "college", "department", "ministry"}:
        # "Bank of England Pension Fund" is a fund; "University of Derby Business School" a university
        k = tail_heads[-1]
        type_head = _head_of(toks[k])[0]
        type_mods = [t.text for t in toks[h + 2:k] if t.cap]
    btype = _type_for(type_head, type_mods, [t.text for t in toks[max(0, i - 3):i]])
    if btype is None:
        return None
    start_tok, end_tok = toks[i], toks[end]
    words = [t.text + "." if t.text in NOT_INITIALS else t.text for t in toks[i:end + 1]]  # "U.S." keeps its stop
    if plural:
        words[h - i] = _singular(toks[h].text, head)
    name = " ".join(words)
    area = None
    if btype == "local_authority" and end == h and not {m.lower() for m in modifiers} & {"town", "parish"}:
        area = " ".join(m for m in modifiers if m.lower() not in COUNCIL_KINDS) or None
    return OrgShape(start_tok.start, end_tok.end, name, btype, plural, area)


_ShapeKey = tuple[tuple[str, ...], tuple[int, ...], bool, bool]
_SHAPES_SEEN: dict[_ShapeKey, list[tuple[int, int, str, str, bool, str | None]]] = {}
_SHAPES_SEEN_MAX = 50_000


def shapes_in_run(run: Run) -> list[OrgShape]:
    """Every organisation shape inside one capitalised run (overlaps are settled later, longest first).
    A run's shapes depend only on its words, their spacing and how it ends: they are worked out once per such
    run (names repeat on a page and across pages) and moved to where the run stands."""
    toks = run.tokens
    if len(toks) == 1 or _SHAPE_WORDS.isdisjoint([t.low for t in toks]):
        return []  # one word is no shape (a head needs a modifier or an "of" tail); nor a run without a shape word
    base = toks[0].start
    key = (tuple([t.text for t in toks]), tuple([t.start - base for t in toks]), toks[-1].hard_break_after,
           toks[-1].possessive)
    seen = _SHAPES_SEEN.get(key)
    if seen is None:
        if len(_SHAPES_SEEN) >= _SHAPES_SEEN_MAX:
            _SHAPES_SEEN.clear()
        seen = _SHAPES_SEEN[key] = [(o.start - base, o.end - base, o.name, o.body_type, o.is_generic, o.area)
                                    for o in _shapes_in_run(toks)]
    return [OrgShape(s + base, e + base, name, btype, generic, area) for s, e, name, btype, generic, area in seen]


def _shapes_in_run(toks: tuple[Token, ...]) -> list[OrgShape]:
    """``shapes_in_run`` of the run's tokens, worked out."""
    out: list[OrgShape] = []
    shouting = [t for t in toks if t.cap and len(t.text) > 1 and t.text.isupper()]
    if len(shouting) >= 2 and len(shouting) == sum(1 for t in toks if t.cap):
        return out  # an all-capitals headline: its word shapes say nothing
    for k, t in enumerate(toks):
        if t.low in ORG_INITIAL_WORDS and (k == 0 or not toks[k - 1].cap or _noise(toks, k - 1)):
            initial = _initial_word_name(toks, k)
            if initial is not None:
                out.append(initial)
    for h, tok in enumerate(toks):
        if h and tok.low in ROLE_WORDS and toks[h - 1].low in ROLE_WORDS \
                and (h + 1 == len(toks) or toks[h + 1].low not in ROLE_WORDS):  # a title's last word
            before = _before_title(toks, h - 1)
            if before is not None:
                out.append(before)
        hp = _head_of(tok)
        if not hp:
            continue
        head, plural = hp
        # modifiers: walk back over capitalised words and "and"/"&"/"of", stopping at "the" or another head
        i = h
        while i > 0 and h - i < _MAX_NAME_TOKENS:
            prev = toks[i - 1]
            low = prev.low
            if low == "the" or (not prev.cap and low not in {"and", "&", "of", "for", "on"}):
                break
            if low in {"and", "&"}:
                left = toks[i - 2] if i >= 2 else None
                if left is None or (i == h and tok.low not in _PARTNERS_TAILS) or left.low in ROLE_WORDS or (
                        left.cap and _head_of(left)):
                    break  # "Metro Mayor and Police", "BAE Systems and HSBC Holdings": two things; not "X & Co"
            if low in OF_WORDS:
                break  # "Bank of England Pension Fund" is the earlier head's "of" tail, not this head's
            i -= 1
        starts = [i] + [k + 1 for k in range(i, h) if toks[k].low in {"and", "&"}]
        for start in starts:  # the longest reading and the shorter ones after each "and"
            shape = _shape_from(toks, start, h, head, plural)
            if shape is not None:
                out.append(shape)
    return out


def _initial_word_name(toks: tuple[Token, ...], i: int) -> OrgShape | None:
    """"Radio Free Europe", "Statistics Canada", "Air France": a run (from ``i``) opened by an organisation
    word."""
    btype = ORG_INITIAL_WORDS.get(toks[i].low) if i < len(toks) - 1 else None
    if btype is None or not toks[i].cap or toks[i].hard_break_after or toks[i].text.isupper():
        return None
    j = i + 1
    while j < len(toks) and j - i < 5 and toks[j].cap and not toks[j - 1].hard_break_after \
            and toks[j].low not in ROLE_WORDS:
        j += 1
    if j == i + 1:
        return None
    name = " ".join(t.text for t in toks[i:j])
    return OrgShape(toks[i].start, toks[j - 1].end, name, btype, False)


def _before_title(toks: tuple[Token, ...], k: int) -> OrgShape | None:
    """The company before a title in one run: "Disney" of "Disney Chief Executive Bob Iger"."""
    while k > 0 and toks[k - 1].low in ROLE_WORDS:
        k -= 1
    j = k
    while j > 0 and toks[j - 1].cap and not toks[j - 1].hard_break_after and k - j < 4:
        j -= 1
    while j < k and (_noise(toks, j, headless=True) or toks[j].low in ROLE_WORDS):
        j += 1
    if j == k or not toks[k - 1].cap or toks[k - 1].possessive:
        return None
    name = " ".join(t.text for t in toks[j:k])
    if is_place_name(name) or any(t.low in CONNECTORS for t in toks[j:k]):
        return None
    return OrgShape(toks[j].start, toks[k - 1].end, name, "company", False)


# roles that head an organisation named after them ("chief executive of Acme Mining")
ROLES_OF = ("chief executive", "ceo", "managing director", "director", "chair", "chairman", "chairwoman",
            "chairperson", "founder", "head", "president", "leader", "boss", "owner", "spokesman", "spokeswoman",
            "spokesperson", "partner", "trustee", "chief economist", "general secretary", "deputy chief executive",
            "executive director", "chief operating officer", "chief financial officer")
# "<role> of|at (the) X": found from its " of " (a scan for a space is fast; trying every role at every position
# was not), then the role is read back from there. The window before " of " is as long as the longest role: no
# match starts earlier, and \b sees the character before a search's start.
_ROLE_TAIL = re.compile(r" (?:of|at) (?:the )?(?=(?-i:[A-Z]))", re.IGNORECASE)  # "Of", "THE": a capital still
# what every match opens on, in each case (found by ``anchored_finditer``, faster than the engine's scan)
_ROLE_TAIL_ANCHORS = tuple(f" {a}{b} " for w in ("of", "at")
                           for a in (w[0], w[0].upper()) for b in (w[1], w[1].upper()))
_ROLE_BEFORE = re.compile(r"\b(" + "|".join(map(re.escape, ROLES_OF)) + r")\Z", re.IGNORECASE)
_ROLE_WINDOW = max(map(len, ROLES_OF))
# the last two letters of every role: most words before " of " end otherwise, and one match of these is cheaper
# than the search for a role
_ROLE_ENDING = re.compile("(?:" + "|".join(sorted({r[-2:] for r in ROLES_OF})) + r")\Z", re.IGNORECASE)


def _role_of_matches(text: str) -> Iterator[tuple[str, int]]:
    """(role, end of "<role> of (the) ") for every role phrase followed by a capital."""
    for t in anchored_finditer(_ROLE_TAIL, text, _ROLE_TAIL_ANCHORS):
        if t.start() < 2 or _ROLE_ENDING.match(text, t.start() - 2, t.start()) is None:
            continue
        r = _ROLE_BEFORE.search(text, max(0, t.start() - _ROLE_WINDOW), t.start())
        if r is not None:
            yield r.group(1), t.end()


_START = attrgetter("start")


def _token_at(runs: list[Run], run_starts: list[int], offset: int) -> tuple[Run, int] | None:
    """(The run, the index there) of the run token starting at ``offset``, if any; ``run_starts``: the runs' starts
    (runs are disjoint and in text order, so two binary searches find it)."""
    k = bisect.bisect_right(run_starts, offset) - 1
    if k < 0:
        return None
    toks = runs[k].tokens
    i = bisect.bisect_left(toks, offset, key=_START)
    return (runs[k], i) if i < len(toks) and toks[i].start == offset else None


def role_of_orgs(text: str, runs: list[Run]) -> list[OrgShape]:
    """Unknown names after "<role> of": "Chief Executive of Smith of Derby" -> a company."""
    starts: list[int] | None = None  # built on the first match: most pages have none
    out = []
    for role, end in _role_of_matches(text):
        if starts is None:
            starts = [r.start for r in runs]
        found = _token_at(runs, starts, end)
        if found is None:
            continue
        run, first = found
        last = len(run.tokens)
        while last > first and not run.tokens[last - 1].cap:
            last -= 1
        if not first < last <= first + _MAX_NAME_TOKENS:
            continue  # no name is longer (and a copy per match of a long run would be quadratic)
        toks = run.tokens[first:last]
        name = text[toks[0].start:toks[-1].end]
        if name.lower() in NOT_ORG_AFTER_ROLE or toks[0].low in LEADING_NOISE or is_place_name(name):
            continue
        if any(t.low in CONNECTORS and t.low not in {"of", "and", "&", "for", "on"}
               for t in toks):
            continue
        role = role.lower()
        btype = "company" if role in COMPANY_ROLES else "other_org"
        out.append(OrgShape(toks[0].start, toks[-1].end, name, btype, False))
    return out


_ACTS_AS_ORG_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+(?:said|says|announced|reported|confirmed|posted|expects|plans|warned)\s+(?:it|its)\b"
    r"|(?:['\u2019]s)?\s+(?:shares|shareholders|stock|profits?|revenues?)\b")
# "\b(?:shares|stake|stakes)\s+(?:in|of)\s+(?=[A-Z])" without case, written to open on its first letter (any
# case of "s", the long s too) with the "\b" as a look-behind after it: the engine skips to those letters
_SHARES_IN = re.compile(r"[sS\u017f](?<!\w.)(?i:(?:hares|take|takes)\s+(?:in|of)\s+(?=[A-Z]))")


def _shares_in_starts(text: str) -> list[int] | None:
    """Where ``_SHARES_IN`` can start: before "hare" or "take" in any case, found with ``str.find`` on the page in
    lower case (pages hold few of them and many "s"); None when lower case changes the page's length (offsets
    would not carry over: scan the page instead)."""
    low = text.lower()
    if len(low) != len(text):
        return None
    starts: set[int] = set()
    for stem in ("hare", "take"):
        i = low.find(stem, 1)
        while i >= 0:
            starts.add(i - 1)
            i = low.find(stem, i + 1)
    return sorted(starts)


def _trimmed(toks: Sequence[Token], first: int, longest: int) -> Sequence[Token]:
    """`toks[first:]` without leading noise or uncapitalised words at either end; empty when longer than `longest`
    (indices, not pops, and no copy of a long run: linear)."""
    lo, hi = first, len(toks)
    while lo < hi and (_noise(toks, lo, headless=True) or not toks[lo].cap):
        lo += 1
    while hi > lo and not toks[hi - 1].cap:
        hi -= 1
    return toks[lo:hi] if hi - lo <= longest else ()


def acting_orgs(text: str, runs: list[Run]) -> list[OrgShape]:
    """Unknown names that act like organisations: "Acme said it would...", "shares in Acme", "Acme's shares"."""
    out = []
    starts: list[int] | None = None
    spans: list[tuple[int, Sequence[Token], int]] = [(0, run.tokens, 0) for run in runs]
    shares_starts = _shares_in_starts(text)
    shares_in = _SHARES_IN.finditer(text) if shares_starts is None else finditer_at(_SHARES_IN, text, shares_starts)
    for m in shares_in:
        if starts is None:
            starts = [r.start for r in runs]
        found = _token_at(runs, starts, m.end())
        if found:
            spans.append((1, found[0].tokens, found[1]))
    acts = _ACTS_AS_ORG_AFTER.match
    for after_shares, run_toks, first in spans:
        if not after_shares and acts(text, run_toks[-1].end) is None:
            continue  # a trimmed run ends where the run does (on a capital): nothing acts after it
        toks = _trimmed(run_toks, first, 5)
        if not toks or toks[0].low in NOT_ORG_STARTS or _is_role_phrase(
                [t.text for t in toks]):
            continue
        if len(toks) == 1 and (_head_of(toks[0]) or toks[0].low in GENERIC_ACTORS):
            continue  # "Councils said it", "Government said it": a common noun
        s, e = toks[0].start, toks[-1].end
        after = acts(text, e)
        if not (after or after_shares):
            continue
        company = after_shares or (after and not after.group().rstrip().endswith(("it", "its")))
        out.append(OrgShape(s, e, text[s:e], "company" if company else "other_org", False))
    return out


_NAME_JOINERS = frozenset({"of", "&", "de", "du", "des", "la", "le", "von", "van", "der", "for"})
_APPOSITION_OPENERS = (", the ", ", a ", ", an ")
_DESCRIBED_AFTER = re.compile(r", (?:the|a|an) (?:[\w-]+ ){0,4}?([a-z]+)"
                              r"(?=[,.;)]| (?:said|says|which|that|has|is|was|and)\b)")


def _noun_before(text: str, start: int) -> str | None:
    """The organisation noun right before ``start`` ("weekly " of "the weekly Der Spiegel"), if any."""
    if start < 2 or text[start - 1] != " ":
        return None
    words = text[max(0, start - 16):start - 1].rsplit(None, 1)  # the longest noun has 12 letters
    return words[-1] if words and words[-1] in DESCRIPTOR_NOUNS else None


def described_orgs(text: str, runs: list[Run]) -> list[tuple[OrgShape, bool]]:
    """Names an organisation noun describes: "the Polish brewer Zywiec", "the weekly Der Spiegel" (the noun right
    before the name) and "Gencor, the South African mining group," (the noun in apposition after it); each with
    whether the noun also names a person's trade ("insurer"). Only runs right after such a noun, or followed by
    ", the" / ", a", are looked at."""
    out = []
    for run in runs:
        noun = _noun_before(text, run.tokens[0].start)
        if noun is None and not text.startswith(_APPOSITION_OPENERS, run.tokens[-1].end):
            continue
        toks = _trimmed(run.tokens, 0, 5)
        cut = next((k for k, t in enumerate(toks) if not t.cap and t.low not in _NAME_JOINERS), len(toks))
        toks = _trimmed(toks[:cut], 0, 5)  # "EgyptAir on Thursday", "HMG and Belgium": the name ends before
        if not toks or toks[0].low in NOT_ORG_STARTS or any(t.low in ROLE_WORDS for t in toks) or (
                len(toks) == 1 and toks[0].low in PERSON_DESCRIPTORS) or (
                len(toks) >= 2 and toks[0].text in first_names()):
            continue  # "the company Chairman John Smith", "the firm's Jane Smith": a person
        s, e = toks[0].start, toks[-1].end
        if noun is None or s != run.tokens[0].start:
            noun = None
            if text.startswith(_APPOSITION_OPENERS, e):
                after = _DESCRIBED_AFTER.match(text, e, e + 60)
                noun = after.group(1) if after and after.group(1) in DESCRIPTOR_NOUNS else None
        if noun is not None:
            out.append((OrgShape(s, e, text[s:e], DESCRIPTOR_NOUNS[noun], False), noun in PERSON_TRADES))
    return out
