"""Register names as one Aho-Corasick dictionary over folded text, with case and boundary checks."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter

import ahocorasick

from . import registers
from .rules import DIRECTION_PREFIXES
from .textutil import fold_both, fold_key, fold_punct

_OLDER_SOURCES = {"os-open-names", "odileeds-pcon2010"}  # a council area or a 2024 seat wins over these
PLACE_TYPE_RANK = {"country": 0, "city_town": 1, "county_or_area": 2, "region": 3, "constituency": 4, "street": 5}


@dataclass(frozen=True, slots=True)
class Entry:
    """One way of writing one register body or place."""

    kind: str  # "body" | "place"
    key: str  # body_key or place_id
    name: str
    etype: str
    alias: str
    acronym_like: bool
    rank: tuple
    acronym: str | None = None
    reference_id: str | None = None
    is_generic: bool = False


@dataclass(slots=True)
class Hit:
    """A dictionary match whose case fits ``entries``; ``bodies`` and ``places`` are those entries by kind."""

    start: int
    end: int
    entries: tuple[Entry, ...]
    bodies: tuple[Entry, ...] = ()
    places: tuple[Entry, ...] = ()


_LOWER_FIRST_WORDS = DIRECTION_PREFIXES | {"the"}
_TOKEN_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u00a0]+")
_FIRST_WORD = re.compile(r"[^\s\-\u2010\u2011]*")
_ACRONYM_LIKE = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Za-z0-9&.]+s?$")


def is_acronym_like(alias: str) -> bool:
    """``NHS``, ``LGiU``, ``TfL``, ``LEPs``, ``D2N2``: one token with two or more capitals."""
    return " " not in alias and bool(_ACRONYM_LIKE.match(alias))


def _variants(alias: str) -> set[str]:
    out = {alias}
    if " & " in alias:
        out.add(alias.replace(" & ", " and "))
    if " and " in alias:
        out.add(alias.replace(" and ", " & "))
    for a in list(out):
        if "'" in a or "\u2019" in a:
            out.add(a.replace("'", "").replace("\u2019", ""))
        if a.startswith("St "):
            out.add("St. " + a[3:])
        if ", " in a:
            out.add(a.replace(", ", " "))
    return out


def _strip_the(alias: str) -> str:
    rest = alias[4:] if alias.lower().startswith("the ") else alias
    return rest if (" " in rest or is_acronym_like(rest)) else alias


@cache
def automata() -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
    """The dictionary, built once per process: (names over lower-cased text, acronyms over cased text)."""
    table: dict[str, list[Entry]] = {}
    exact: dict[str, list[Entry]] = {}

    def add(alias: str, entry_fields: dict) -> None:
        for v in _variants(alias):
            entry = Entry(alias=v, acronym_like=is_acronym_like(v), **entry_fields)
            if entry.acronym_like and v.isalpha() and v.isupper() and len(v) >= 5:
                # a pronounced all-capitals name is also written in Title Case: UNISON / Unison
                titled = Entry(alias=v.title(), acronym_like=False, **entry_fields)
                table.setdefault(fold_key(v), []).append(titled)
            if entry.acronym_like:
                key = re.sub(r" +", " ", fold_punct(v)).strip()
                for k in {key, key.upper()} if len(key) > 3 else {key}:
                    exact.setdefault(k, []).append(entry)
                continue
            key = fold_key(v)
            if len(key) >= 2:
                table.setdefault(key, []).append(entry)

    place_keys: set[str] = set()
    for p in registers.places():
        rank = (PLACE_TYPE_RANK.get(p.place_type, 9), 1 if p.source in _OLDER_SOURCES else 0, p.place_id)
        fields = dict(kind="place", key=p.place_id, name=p.name, etype=p.place_type, rank=rank,
                      reference_id=p.reference_id)
        for a in {p.name, *p.aliases}:
            if a != p.name and fold_key(a) == "the " + fold_key(p.name):
                continue  # "the Midlands": the mention is "Midlands"
            add(_strip_the(a), fields)
            place_keys.add(fold_key(_strip_the(a)))
    for b in registers.bodies():
        rank = (1 if b.ended else 0, 1 if b.source == "entities-hand" else 0, b.body_key)
        fields = dict(kind="body", key=b.body_key, name=b.name, etype=b.body_type, rank=rank, acronym=b.acronym,
                      reference_id=b.reference_id, is_generic=b.is_generic)
        for a in {b.name, *b.aliases, *([b.acronym] if b.acronym else [])}:
            a = _strip_the(a)
            if fold_key(a) in place_keys and a != b.name:
                continue  # a bare area name is the place; the council reading is a metonym
            add(a, fields)
    out = []
    for tab in (table, exact):
        auto = ahocorasick.Automaton()
        for key, entries in tab.items():
            ranked = tuple(sorted(set(entries), key=lambda e: e.rank))
            glue, titled = " " in ranked[0].alias, ranked[0].alias[:1].isupper()
            auto.add_word(key, (len(key), ranked, glue, titled, {}))  # {}: surface -> entries its case fits
        auto.make_automaton()
        out.append(auto)
    _place_ids_by_key()  # the place index is part of the dictionary: built once, with it
    return out[0], out[1]


def _tokens(s: str) -> list[str]:
    return [t for t in _TOKEN_SEPARATORS.split(s) if t]


def case_ok(surface: str, entry: Entry) -> bool:
    """Does the surface's capitalisation fit the alias? Names keep their capitals; acronyms match exactly."""
    return _case_ok(surface, entry.alias, entry.acronym_like, entry.kind == "place")


@lru_cache(maxsize=65536)
def _case_ok(surface: str, alias: str, acronym_like: bool, is_place: bool) -> bool:
    if acronym_like:
        return surface == alias or (surface.isupper() and surface == alias.upper() and len(surface) > 3)
    s_toks, a_toks = _tokens(surface), _tokens(alias)
    if len(s_toks) != len(a_toks):
        return surface.lower() == alias.lower()
    if surface.isupper() and len(surface) > 4 and len(a_toks) > 1:
        return True
    for i, (s, a) in enumerate(zip(s_toks, a_toks, strict=True)):
        if not a[:1].isupper() or (i == 0 and a == "The"):
            continue
        if s[:1].isupper() or not s[:1].isalpha():
            if sum(c.isupper() for c in a) > 1 and s != a and not s.isupper() and len(a) <= 6:
                return False  # mixed-case short token such as "NatWest"
            continue
        if i == 0 and is_place and s.lower() in DIRECTION_PREFIXES:
            continue
        return False
    return True


_SPAN = attrgetter("start", "end")


def find(text: str, folded: tuple[str, str] | None = None) -> list[Hit]:
    """Every dictionary hit in ``text`` whose boundaries and capitals fit; nested and overlapping hits kept.
    ``folded``: ``fold_both(text)`` when the caller has it."""
    lower, punct = fold_both(text) if folded is None else folded
    names, acronyms = automata()
    hits = []
    new = object.__new__
    n = len(text)
    for haystack, auto in ((lower, names), (punct, acronyms)):
        for end_incl, (length, entries, glue, titled, case_fits) in auto.iter(haystack):
            end = end_incl + 1
            start = end - length
            first = text[start]
            # word boundaries (``left_boundary`` / ``right_boundary``, inlined: this loop sees every hit)
            if start and text[start - 1].isalnum() and not (glue and text[start - 1].islower() and first.isupper()):
                continue
            if end < n and text[end].isalnum() and not (glue and text[end - 1].islower() and text[end].isupper()):
                continue
            if titled and not (first.isupper() or first.isdigit()) \
                    and _FIRST_WORD.match(text, start).group().lower() not in _LOWER_FIRST_WORDS:
                continue  # cheap reject of lower-case hits ("bath", "reading"); "mid-Derbyshire" may pass
            surface = text[start:end]
            fits = case_fits.get(surface)
            if fits is None:
                if len(case_fits) > 4096:
                    case_fits.clear()
                ok = tuple(e for e in entries if case_ok(surface, e))
                fits = case_fits[surface] = (ok, tuple(e for e in ok if e.kind == "body"),
                                             tuple(e for e in ok if e.kind == "place"))
            if fits[0]:
                hit = new(Hit)  # slots set here: the dataclass __init__ would be a Python call per hit
                hit.start = start
                hit.end = end
                hit.entries, hit.bodies, hit.places = fits
                hits.append(hit)
    hits.sort(key=_SPAN)
    return hits


@cache
def _place_ids_by_key() -> dict[str, tuple[str, ...]]:
    """Folded names and aliases of every place -> the places of that name (built with the dictionary)."""
    out: dict[str, list[str]] = {}
    for p in registers.places():
        for a in (p.name, *p.aliases):
            out.setdefault(fold_key(_strip_the(a)), []).append(p.place_id)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=65536)
def is_place_name(name: str) -> bool:
    """Is ``name`` a place's name or alias (to tell "Derby City Council" from "Arts Council")?"""
    return fold_key(name) in _place_ids_by_key()


@lru_cache(maxsize=16384)
def council_for_area(area: str) -> registers.RegisterBody | None:
    """The current register council governing the named area (body and area share the GSS code)."""
    bodies = registers.bodies_by_key()
    found = [bodies[pid] for pid in _place_ids_by_key().get(fold_key(area), ())
             if pid in bodies and bodies[pid].body_type == "local_authority"]
    found.sort(key=lambda b: (b.ended, b.body_key))
    return found[0] if found else None
