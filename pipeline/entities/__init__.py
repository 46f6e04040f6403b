"""Named bodies, people and places in document bodies (plain Python; knows nothing of Dagster).

``extract_entities`` finds the mentions of one document; ``resolve_bodies`` gives every body one id
across all published documents.

How a document is read (each step a module):

- ``registers``: the shipped registers (``pipeline/data/registers``), loaded once per process;
- ``gazetteer``: their names as one Aho-Corasick dictionary over case- and punctuation-folded text, with
  word boundaries, capitalisation checks and glued-name seams ("Greater ManchesterWest Midlands");
- ``tokens`` / ``org_shapes``: capitalised runs and organisation-shaped names ("X Council", "University of X",
  "X Ltd", "Centre for X"), classes in Title Case ("Skills Advisory Panels") as generic bodies;
- ``acronyms`` / ``acronym_bodies``: acronyms defined in the text or title, tied to the body at their long form,
  or suppressed when the long form is a policy ("Local Industrial Strategies (LIS)");
- ``people``: honorific, given-name or role-led names, roles and affiliations as stated, surname links;
- ``places``: register places with a type choice, compass regions ("the North"), metonyms by context;
- ``extract``: every candidate settled longest-first (a name inside a longer name is no second mention);
- ``resolve``: cross-document identity (acronym-only keys, spelling variants, register names).

Word lists and cues live in ``rules``; nothing is downloaded or learned at run time.
"""
from __future__ import annotations

from .extract import extract_entities
from .model import (
    BodyCandidate,
    BodyInfo,
    BodyMention,
    BodyResolution,
    DocEntities,
    PersonMention,
    PlaceMention,
)
from .resolve import resolve_bodies

__all__ = [
    "BodyCandidate",
    "BodyInfo",
    "BodyMention",
    "BodyResolution",
    "DocEntities",
    "PersonMention",
    "PlaceMention",
    "extract_entities",
    "resolve_bodies",
]
