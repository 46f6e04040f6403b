"""Acronyms defined in the text: "Local Enterprise Partnerships (LEPs)", "CRESC (Centre for ...)"."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .textutil import finditer_at

_PAREN_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.]{1,11})\s*\)")
# "ACR (Long Form)": the acronym and the spaces are possessive (a shorter acronym is followed by a letter, never by
# the spaces, so giving characters back cannot match); "(?<!\w.)" after the first character is "\b" before it.
# It is tried only where it can start (``_acronym_then_paren_starts``), not at every capital of the page.
_ACRONYM_THEN_PAREN = re.compile(r"([A-Z](?<!\w.)[A-Za-z0-9&]{1,11}+)\s++\(([^()]{6,120})\)")
_ACRONYM_LONGEST = 12
_WORD = re.compile(r"[^\W_][\w\-'\u2019]*")
_SKIPPABLE = {"of", "for", "and", "the", "on", "in", "to", "&", "at", "a", "an"}


@dataclass(frozen=True, slots=True)
class AcronymDefinition:
    acronym: str  # as written, e.g. "LEPs"
    long_forms: tuple[tuple[int, int], ...]  # candidate spans of the long form, shortest first
    acronym_start: int
    acronym_end: int

    @property
    def long_start(self) -> int:
        return self.long_forms[-1][0]

    @property
    def long_end(self) -> int:
        return self.long_forms[-1][1]


def _letters(acronym: str) -> str:
    core = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    return "".join(c for c in core if c.isalnum()).lower()


def _matches(letters: str, words: list[str]) -> bool:
    """Schwartz-Hearst style: acronym letters found in order, the first at a word start, each word used."""
    text = " ".join(w.lower() for w in words)
    end = len(text)  # the letters after this one were found at ``end`` and after it
    for li in range(len(letters) - 1, -1, -1):
        ch = letters[li]
        ti = text.rfind(ch, 0, end)
        if li == 0:  # the first letter at a word start
            while ti > 0 and text[ti - 1] not in " -":
                ti = text.rfind(ch, 0, ti)
        if ti < 0:
            return False
        end = ti
    # every content word must contribute at least its first letter region: reject very loose fits
    content = [w for w in words if w.lower() not in _SKIPPABLE]
    return len(content) <= len(letters) + 1


def _long_forms_before(text: str, acr_start: int, letters: str) -> list[tuple[int, int]]:
    """Every span of words before the parenthesis that the acronym's letters fit, shortest first."""
    window_start = max(0, acr_start - 160)
    chunk = text[window_start:acr_start]
    words = list(_WORD.finditer(chunk))
    texts = [w.group() for w in words]
    out = []
    max_words = min(len(words), len(letters) + 4)
    for n in range(1, max_words + 1):
        first = texts[-n]
        if first.lower() in _SKIPPABLE or first[:1].lower() != letters[:1]:
            continue
        if _matches(letters, texts[-n:]):
            out.append((window_start + words[-n].start(), window_start + words[-1].end()))
    return out


def _acronym_then_paren_starts(text: str) -> list[int]:
    """Where "ACR (Long Form)" can start: a capital 2 to 12 characters before the spaces before a "(" (pages hold
    few brackets and many capitals)."""
    starts: set[int] = set()
    k = text.find("(")
    while k >= 0:
        w = k  # the start of the spaces before the bracket
        while w and text[w - 1].isspace():
            w -= 1
        if w < k:
            starts.update(p for p in range(max(0, w - _ACRONYM_LONGEST), w - 1) if "A" <= text[p] <= "Z")
        k = text.find("(", k + 1)
    return sorted(starts)


def find_definitions(text: str) -> list[AcronymDefinition]:
    """Both orders: "Long Form (ACR)" and "ACR (Long Form)"."""
    out = []
    for m in _PAREN_ACRONYM.finditer(text):
        acr = m.group(1)
        if sum(c.isupper() for c in acr) < 2:
            continue
        letters = _letters(acr)
        spans = _long_forms_before(text, m.start(), letters)
        if spans:
            out.append(AcronymDefinition(acr, tuple(spans), m.start(1), m.end(1)))
    for m in finditer_at(_ACRONYM_THEN_PAREN, text, _acronym_then_paren_starts(text)):
        acr, inner = m.group(1), m.group(2)
        if sum(c.isupper() for c in acr) < 2:
            continue
        toks = _WORD.findall(inner)
        if toks and toks[0][:1].lower() == _letters(acr)[:1] and _matches(_letters(acr), toks):
            s = m.start(2) + (len(inner) - len(inner.lstrip()))
            e = m.end(2) - (len(inner) - len(inner.rstrip()))
            out.append(AcronymDefinition(acr, ((s, e),), m.start(1), m.end(1)))
    return out


_WORDISH = re.compile(r"[\w&]")
_WORDISH_RUN = re.compile(r"[\w&]*")
_PLAIN_CORE = re.compile(r"[\w&]+")


def acronym_uses(text: str, acronyms: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """Standalone uses of any of the acronyms, singular or plural ("LEP", "LEPs"): (start, end, acronym)."""
    cores = {_core(a) for a in acronyms}
    if not cores:
        return
    if not all(_PLAIN_CORE.fullmatch(c) for c in cores):
        pattern = re.compile(r"(?<![\w&])(" + "|".join(map(re.escape, sorted(cores, key=len, reverse=True)))
                             + r")s?(?![\w&])")
        for m in pattern.finditer(text):
            yield m.start(), m.end(), m.group(1)
        return
    # Word characters only: a use is a whole word (nothing word-like on either side) that is a core or a core
    # and "s" -- found with str.find per core, not with a pattern compiled per page.
    seen: set[int] = set()
    uses: list[tuple[int, int, str]] = []
    for c in cores:
        i = text.find(c)
        while i >= 0:
            if i not in seen and not (i and _WORDISH.match(text, i - 1)):
                seen.add(i)
                end = _WORDISH_RUN.match(text, i).end()
                word = text[i:end]
                core = word if word in cores else word[:-1] if word[-1] == "s" and word[:-1] in cores else None
                if core is not None:
                    uses.append((i, end, core))
            i = text.find(c, i + 1)
    yield from sorted(uses)


def _core(acronym: str) -> str:
    return acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym


# Speaking acronyms ("says CRESC", "the IFS said"): a verb before the acronym (with only spaces and "the"
# between) or after it (only spaces between). Most pages hold few acronyms and many verbs, so the scan opens on
# the acronym -- a capital that no word or "&" precedes, 3 to 8 capitals or "&" that none follows, tried only at
# ``acronym_starts`` -- and looks at its two sides. The verbs before it are matched on the page reversed (a
# regex cannot look back over "\s+").
_SPEAKING_VERBS_BEFORE = ("says", "said", "according to", "argued", "added", "analysis by", "warned", "told",
                          "research by", "report by", "figures from", "data from")
_SPEAKING_VERBS_AFTER = ("said", "says", "has said", "warned", "argued", "told", "added", "found", "estimates",
                         "estimated", "published", "reported", "chief executive", "director", "spokesman",
                         "spokeswoman", "spokesperson")
_SPEAKING_CANDIDATE = re.compile(r"[A-Z](?<![\w&].)[A-Z&]{2,7}+(?![\w&])")
_VERB_AFTER = re.compile(r"\s+(?:" + "|".join(_SPEAKING_VERBS_AFTER) + r")\b")
_VERB_BEFORE_REVERSED = re.compile(r"\s+(?:eht\s+)?(?:" + "|".join(v[::-1] for v in _SPEAKING_VERBS_BEFORE)
                                   + r")(?!\w)")


_ACRONYM_START = re.compile(r"[A-Z](?<![\w&].)[A-Z&]")


def acronym_starts(text: str) -> list[int]:
    """Where a word in capitals can start: a capital that no word character or "&" precedes, and a capital or "&"
    after it. Speaking and bare acronyms open there: one scan of the page serves both."""
    return [m.start() for m in _ACRONYM_START.finditer(text)]


def speaking_acronyms(text: str, not_orgs: frozenset[str],
                      starts: list[int] | None = None) -> list[tuple[int, int, str]]:
    """Undefined acronyms that speak or publish ("says CRESC", "the IFS said"): organisations. ``starts``:
    ``acronym_starts(text)`` when the caller has it.

    Read left to right without overlaps, as one pattern's ``finditer`` would: "the IFS said CRESC" gives "IFS"
    only (its "said" is taken)."""
    out: list[tuple[int, int, str]] = []
    reversed_text = ""
    taken = 0  # the end of the last speaking phrase
    for m in finditer_at(_SPEAKING_CANDIDATE, text, acronym_starts(text) if starts is None else starts):
        s, e = m.span()
        if text[e - 1] != "&":  # a verb before: "says the IFS" (the acronym ends on a letter)
            reversed_text = reversed_text or text[::-1]
            before = _VERB_BEFORE_REVERSED.match(reversed_text, len(text) - s)
            if before is not None and len(text) - before.end() >= taken:
                taken = e
                if m.group() not in not_orgs:
                    out.append((s, e, m.group()))
                continue
        if s < taken:
            continue
        after = _VERB_AFTER.match(text, e)  # a verb after: "the IFS said"
        if after is not None:
            taken = after.end()
            if m.group() not in not_orgs:
                out.append((s, e, m.group()))
    return out


_BARE_ACRONYM = re.compile(r"([A-Z](?<![\w&.\-/].)(?<![A-Z][a-z] .)[A-Z]{1,4})(?![\w&.\-/])(?! [A-Z])")


def bare_acronyms(text: str, not_orgs: frozenset[str], starts: list[int] | None = None) -> set[str]:
    """Capital-letter words in running prose (not in a headline in capitals) that name no known thing: on news
    pages these are nearly always organisations ("SPLA", "PKK"); one glued to a name ("PSV Eindhoven") is part of
    that name. ``starts``: ``acronym_starts(text)`` when the caller has it."""
    out: set[str] = set()
    prose: dict[int, bool] = {}  # line start -> not a headline or a table in capitals
    for m in finditer_at(_BARE_ACRONYM, text, acronym_starts(text) if starts is None else starts):
        acr = m.group(1)
        if acr in not_orgs or acr in out:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        ok = prose.get(start)
        if ok is None:
            end = text.find("\n", m.end())
            words = text[start:end if end >= 0 else len(text)].split()
            ok = prose[start] = sum(map(str.isupper, words)) * 2 <= len(words)
        if ok:
            out.add(acr)
    return out
