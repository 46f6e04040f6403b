"""Named bodies, people and places in document bodies (plain Python; knows nothing of Dagster).

``extract_entities`` finds the mentions of one document; ``resolve_bodies`` gives every body one id
across all published documents.
"""
from __future__ import annotations

from .extract import extract_entities
from .model import (
    BodyCandidate,
    BodyMention,
    BodyResolution,
    DocEntities,
    PersonMention,
    PlaceMention,
)
from .resolve import resolve_bodies

__all__ = [
    "BodyCandidate",
    "BodyMention",
    "BodyResolution",
    "DocEntities",
    "PersonMention",
    "PlaceMention",
    "extract_entities",
    "resolve_bodies",
]
