"""The public result types (see ``pipeline.entities``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

_T = TypeVar("_T")


@dataclass(frozen=True)
class BodyInfo:
    """Provisional identity of a body, before cross-document resolution."""

    body_key: str  # register id for register bodies, else "org:" + slug(canonical name)
    name: str
    body_type: str
    acronym: str | None
    is_generic: bool
    reference_id: str | None


@dataclass(frozen=True)
class BodyMention(BodyInfo):
    """One mention of a body in a document's text."""

    surface: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class PersonMention:
    surface: str
    char_start: int
    char_end: int
    person_id: str  # "person:" + slug(full name)
    name: str
    role: str | None
    affiliation_body_key: str | None


@dataclass(frozen=True)
class PlaceMention:
    surface: str
    char_start: int
    char_end: int
    place_id: str
    name: str
    place_type: str
    reference_id: str | None


@dataclass(frozen=True)
class DocEntities:
    bodies: list[BodyMention]
    people: list[PersonMention]
    places: list[PlaceMention]


@dataclass(frozen=True)
class BodyCandidate(BodyInfo):
    """A body as all staged mentions describe it, with every surface form seen."""

    surfaces: frozenset[str]


@dataclass(frozen=True)
class BodyResolution:
    bodies: list[dict]  # body_id, name, body_type, acronym, is_generic, reference_id
    aliases: list[dict]  # body_id, alias
    key_to_id: dict[str, str]  # provisional body_key -> final body_id


def make(cls: type[_T], **fields: object) -> _T:
    """``cls(**fields)`` for the frozen result types above, without the generated ``__init__``'s one
    ``object.__setattr__`` per field (a third of the cost of a page's mentions). Same instance: these classes have
    no defaults, ``__post_init__`` or slots, so every field is given and lands in ``__dict__``."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj
