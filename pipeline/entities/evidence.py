"""Register links need evidence: an ambiguous name links to a UK register body only on a UK page.

An acronym ("VOA", "IPO"), a one-word name ("Treasury", "Parliament") or a name many countries use ("Foreign
Office") means a UK register body only when the document supports it: the acronym is defined as that body in
the text, or the page is about the UK (a UK register place, a distinctive UK register name, "£", "UK",
"British", ...). Without that evidence an acronym is no body (it may still be one if it speaks: "VOA said"), and
a name is an unlinked body of the same type ("the Treasury" of another country). A distinctive name ("Cheshire
and Warrington LEP") is its own evidence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import Entry, Hit, is_acronym_like
from .model import BodyInfo
from .rules import LEADING_NOISE, ROLE_WORDS, SHARED_BODY_NAMES, UK_CUES
from .textutil import slug

_UK_CUE = re.compile(r"£|(?<!\w)(?:" + "|".join(re.escape(c) for c in sorted(UK_CUES, key=len, reverse=True))
                     + r")(?!\w)")
_UK_PLACE_REF = re.compile(r"^[EWSNK]\d{8}$")


def uk_context(text: str, hits: list[Hit]) -> bool:
    """Is this page about the UK? A UK register place (GSS code) that the page never uses inside another name
    ("Abraham Lincoln" makes every "Lincoln" there the man), a UK register body by its full name, or a UK cue
    word anywhere in it."""
    outer_end = -1
    judged: set[str] = set()
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):  # "York" inside "New York" is not the place
        inside = h.end <= outer_end
        outer_end = max(outer_end, h.end)
        if inside:
            continue
        surface = text[h.start:h.end]
        if any(e.kind == "place" and e.reference_id and _UK_PLACE_REF.match(e.reference_id) for e in h.entries):
            if surface not in judged:
                judged.add(surface)
                if not ever_inside_a_name(text, surface):
                    return True
        elif not ambiguous(surface) and any(e.kind == "body" and needs_evidence(e) for e in h.entries):
            return True  # "Department for Business, Energy and Industrial Strategy", "Cheshire and Warrington LEP"
    return bool(_UK_CUE.search(text))


def ever_inside_a_name(text: str, surface: str) -> bool:
    """Does the page use this name inside another name anywhere ("Abraham Lincoln", "Michael Jordan")?"""
    i = text.find(surface)
    while i >= 0:
        if inside_other_name(text, i, i + len(surface)):
            return True
        i = text.find(surface, i + 1)
    return False


def needs_evidence(entry: Entry) -> bool:
    """Bodies of the official registers and this project's UK hand rows; ``org:`` rows are world bodies."""
    return not entry.key.startswith("org:")


@lru_cache(maxsize=16384)
def ambiguous(surface: str) -> bool:
    """An acronym, one word ("Treasury", "Parliament") or a name many countries use ("Foreign Office")."""
    bare = surface.removeprefix("the ").removeprefix("The ")
    return " " not in bare or " ".join(bare.lower().split()) in SHARED_BODY_NAMES


_NAME_WORD_BEFORE = re.compile(r"\b([A-Z][\w&-]*) $")
_NAME_WORD_AFTER = re.compile(r" ([A-Z][\w&-]*)")
_COMPOUND_AFTER = re.compile(r"-[A-Z0-9]")
_COMPOUND_BEFORE = re.compile(r"[A-Za-z0-9]-$")


def inside_other_name(text: str, start: int, end: int) -> bool:
    """"NSW Treasury", "SC Freiburg", "CAC-40": a one-word register name glued to another capitalised word or
    joined by a hyphen to a capital or a number is part of that other name (job titles aside: "LGA Chairman";
    "NHS-funded" stays the NHS)."""
    if " " in text[start:end]:
        return False
    if _COMPOUND_AFTER.match(text, end) or _COMPOUND_BEFORE.search(text, max(0, start - 2), start):
        return True  # "CAC-40", "SPA-FRANCORCHAMPS": an index, a place
    for m in (_NAME_WORD_BEFORE.search(text, max(0, start - 20), start), _NAME_WORD_AFTER.match(text, end)):
        low = m.group(1).lower() if m else ""
        if m and low not in ROLE_WORDS and low not in _SENTENCE_WORDS and low not in LEADING_NOISE:
            return True
    return False


_SENTENCE_WORDS = frozenset({"the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "by", "for", "to",
                             "said", "says", "i"})


def checked(info: BodyInfo, entry: Entry, surface: str, uk: bool) -> BodyInfo | None:
    """The body a register hit names, given the document's evidence: linked, unlinked, or none."""
    if not needs_evidence(entry) or not ambiguous(surface) or uk:
        return info  # a shared name in full ("National Archives") is no evidence: many countries have one
    if is_acronym_like(surface):
        return None
    name = surface.removeprefix("the ").removeprefix("The ")
    return BodyInfo("org:" + slug(name), name, info.body_type, None, False, None)

