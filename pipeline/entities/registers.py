"""The shipped registers (``pipeline/data/registers``), loaded once per process.

Register rows keep their own id as ``body_key``/``place_id``; rows of this project's hand files get
``org:``/``place:`` ids and no ``reference_id``.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from . import world
from .textutil import slug

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "registers"
_PROJECT_MADE = ("hand:", "parl:", "party:", "fund:", "org:", "place:")
_GSS = re.compile(r"^[EWSNK]\d{8}$")


@dataclass(frozen=True)
class RegisterBody:
    body_key: str
    name: str
    body_type: str
    acronym: str | None
    aliases: tuple[str, ...]
    reference_id: str | None
    ended: bool
    source: str
    is_generic: bool = False


@dataclass(frozen=True)
class RegisterPlace:
    place_id: str
    name: str
    place_type: str
    aliases: tuple[str, ...]
    reference_id: str | None
    source: str


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (cell or "").split("|") if a.strip())


def _read(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def official_reference(ref: str) -> str | None:
    """The register id as an official reference, or None for ids this project made up."""
    return None if ref.startswith(_PROJECT_MADE) else ref


@cache
def bodies() -> tuple[RegisterBody, ...]:
    """Every register body: ``bodies.csv`` (official registers and their hand rows, plus this project's
    ``extra_aliases.csv``) then ``known_bodies.csv``."""
    out = []
    more: dict[str, list[str]] = {}
    for r in _read("extra_aliases.csv"):
        more.setdefault(r["body_key"], []).append(r["alias"])
    for r in _read("bodies.csv"):
        ref = r["reference_id"]
        aliases = _split(r["aliases"]) + tuple(more.get(ref, ()))
        out.append(RegisterBody(ref, r["name"], r["body_type"], r["acronym"] or None, aliases,
                                official_reference(ref), bool(r["end_date"]), r["source"]))
    for r in _read("known_bodies.csv"):
        key = r.get("body_key") or "org:" + slug(r["name"])
        out.append(RegisterBody(key, r["name"], r["body_type"], r["acronym"] or None, _split(r["aliases"]),
                                None, False, "entities-hand", r.get("generic", "") == "true"))
    return tuple(out)


@cache
def bodies_by_key() -> dict[str, RegisterBody]:
    return {b.body_key: b for b in bodies()}


def _place_ref(ref: str) -> str | None:
    return ref if _GSS.match(ref) or ref.startswith("la:") else None


@cache
def places() -> tuple[RegisterPlace, ...]:
    """Every place: ``places.csv``, this project's ``hand_places.csv`` (informal regions, world places), then
    GeoNames countries, US states and cities the two lack (``world``)."""
    out = []
    for r in _read("places.csv"):
        out.append(RegisterPlace(r["reference_id"], r["name"], r["place_type"], _split(r["aliases"]),
                                 _place_ref(r["reference_id"]), r["source"]))
    for r in _read("hand_places.csv"):
        pid = r["place_id"] or "place:" + slug(r["name"])
        out.append(RegisterPlace(pid, r["name"], r["place_type"], _split(r["aliases"]), _place_ref(pid),
                                 "entities-hand"))
    taken = {n.lower() for p in out for n in (p.name, *p.aliases)}
    states = world.us_state_abbreviations()
    for i, p in enumerate(out):  # a US state in the hand list keeps its newspaper abbreviations ("Calif.")
        if p.source == "entities-hand" and p.place_type == "region" and p.name in states:
            extra = tuple(a for a in states.pop(p.name) if a.lower() not in taken)
            out[i] = replace(p, aliases=(*p.aliases, *extra))
            taken.update(a.lower() for a in extra)
    for pid, name, ptype, aliases in world.world_places(taken, first_names()):
        out.append(RegisterPlace(pid, name, ptype, aliases, None, "geonames"))
    return tuple(out)


@cache
def places_by_id() -> dict[str, RegisterPlace]:
    out: dict[str, RegisterPlace] = {}
    for p in places():
        out.setdefault(p.place_id, p)
    return out


@cache
def first_names() -> frozenset[str]:
    """Given names (US Census 1990 lists plus hand additions), Title Case."""
    text = (DATA_DIR / "first_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())
