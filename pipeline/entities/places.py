"""Places: register hits with a type choice, compass regions ("the North"), metonyms decided by context."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import registers
from .evidence import ever_inside_a_name
from .gazetteer import Entry, Hit
from .rules import (
    ACTING_VERBS,
    AMBIGUOUS_PLACE_WORDS,
    COMPASS_REGIONS,
    LOCATIVE_CUES,
    METONYMS,
    NEVER_PLACE_WORDS,
)
from .textutil import anchored_finditer, is_sentence_start


@dataclass(slots=True)  # not frozen: made by the thousand per page, never changed
class PlaceCandidate:
    start: int
    end: int
    place_id: str
    name: str
    place_type: str
    reference_id: str | None


@dataclass(slots=True)  # not frozen: made by the thousand per page, never changed
class MetonymBody:
    """A place name standing for a body ("Whitehall's ambitions")."""

    start: int
    end: int
    body_key: str


_AFTER_TOWN = re.compile(r"[A-Z][\w.'-]*, $")
_PREV_WORD = re.compile(r"([A-Za-z]+)\W*$")
_COMPASS_WORDS = ("North", "South", "Midlands")  # every match opens on one: found by ``anchored_finditer``
_COMPASS = re.compile(r"(?<![\w\-])(North|South|Midlands)(?![\w\-])(?!\s+[A-Z])")
_TYPE_WORD = re.compile(r"\s+(region|county|constituency|seat|city|town)\b", re.IGNORECASE)
_TYPE_WORDS = {"region": "region", "county": "county_or_area", "constituency": "constituency",
               "seat": "constituency", "city": "city_town", "town": "city_town"}
_AND_BEFORE = re.compile(r"\b(?:and|or)\s+$")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_MP_FOR = re.compile(r"\b(?:MP|MPs|MSP|MS|member|candidate)\s+for\s+(?:the\s+)?$", re.IGNORECASE)


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _acting(text: str, end: int) -> bool:
    after = text[end:end + 30]
    if after[:2] in ("'s", "\u2019s"):
        return True
    word = after.strip().split(" ")[0].lower().strip(",.;:") if after.strip() else ""
    return word in ACTING_VERBS


@lru_cache(maxsize=16384)
def _place_key(surface: str) -> str:
    return " ".join(surface.lower().replace("-", " ").split())


def _country_never_a_name(text: str, surface: str, entries: tuple[Entry, ...]) -> bool:
    """"Jordan expels ...", "Chad's army": a country whose name the page never uses inside a person's name
    ("Michael Jordan", "Chad Smith") is the country even without a locative cue."""
    return any(e.etype == "country" for e in entries) and not ever_inside_a_name(text, surface)


def from_hit(text: str, hit: Hit) -> PlaceCandidate | MetonymBody | None:
    """The place a dictionary hit names, or None when the context rules it out."""
    entries = hit.places
    if not entries:
        return None
    surface = text[hit.start:hit.end]
    key = _place_key(surface)
    if key in METONYMS and _acting(text, hit.end):
        return MetonymBody(hit.start, hit.end, METONYMS[key])
    single = " " not in key
    if surface[-1:] == "." and surface[:-1].isalpha() and not _AFTER_TOWN.search(text, max(0, hit.start - 40),
                                                                                hit.start):
        return None  # "Calif.", "Ill.", "Miss.": a state only after its town ("San Jose, Calif.")
    if single and key in NEVER_PLACE_WORDS:
        return None
    if single and key in AMBIGUOUS_PLACE_WORDS and (
            is_sentence_start(text, hit.start) or _prev_word(text, hit.start) not in LOCATIVE_CUES) \
            and not _country_never_a_name(text, surface, entries):
        return None
    best: Entry = entries[0]
    said_type = _TYPE_WORD.match(text, hit.end)
    if said_type:  # "the West Midlands region", "Derby constituency"
        wanted = _TYPE_WORDS[said_type.group(1).lower()]
        best = next((e for e in entries if e.etype == wanted), best)
    if best.etype == "constituency" and single and not _MP_FOR.search(text[max(0, hit.start - 30):hit.start]):
        return None
    return PlaceCandidate(hit.start, hit.end, best.key, best.name, best.etype, best.reference_id)


def compass_regions(text: str) -> list[PlaceCandidate]:
    """Bare "the North", "the Midlands" and the "South" of "the North and South"."""
    out = []
    by_id = registers.places_by_id()
    last_end = -10
    for m in anchored_finditer(_COMPASS, text, _COMPASS_WORDS):
        before = text[max(0, m.start() - 8):m.start()]
        after_list = bool(_AND_BEFORE.search(before)) and m.start() - last_end < 12
        if not (_THE_BEFORE.search(before) or after_list):
            continue
        place = by_id[COMPASS_REGIONS[m.group(1).lower()]]
        out.append(PlaceCandidate(m.start(), m.end(), place.place_id, place.name, place.place_type,
                                  place.reference_id))
        last_end = m.end()
    return out
